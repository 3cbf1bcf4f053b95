// Noun-phrase chunking: idafa chains, agreeing adjectives, numbers, names
// after titles. Coordination and prepositional attachment are recorded on
// the phrases for the clause stage to use.
#include <algorithm>

#include "extract/arabic/normalize.h"
#include "extract/arabic/sentence.h"
#include "extract/utf8.h"

namespace nasij::arabic {

namespace {

// Quotation marks are looked for at every word: as a string_view, a word of
// another length is told apart without a call.
using namespace std::string_view_literals;

bool IsNominal(Tag t) {
  return t == Tag::kNoun || t == Tag::kMasdar || t == Tag::kNum || t == Tag::kTime || t == Tag::kPropn ||
         t == Tag::kNumber;
}

// An unknown word (no entity, no lexicon reading) may well be a common noun
// in construct state, so only known names count as definite.
bool Definite(const Word& w) {
  return w.a.definite || (w.tag() == Tag::kPropn && (w.entity || !w.a.unknown())) ||
         !w.a.suffix.empty();
}

bool Unknown(const Word& w) { return w.tag() == Tag::kPropn && !w.entity && w.a.unknown(); }

bool HasClitic(const Word& w) { return !w.a.conj.empty() || !w.a.prep.empty(); }

// A nationality standing for a person right before that person's name
// describes the name as a title would: سجل الفرنسي أوليفييه جيرو. (Other
// adjectives stand for no one alone: السابق, الجديد.)
bool DescribesName(const std::vector<Word>& ws, int i) {
  const Word& w = ws[i];
  if (w.tag() != Tag::kAdj || w.nisba_place_en.empty() || !w.a.definite || !w.a.prep.empty() || w.entity ||
      i + 1 >= static_cast<int>(ws.size())) {
    return false;
  }
  const Word& name = ws[i + 1];
  return name.entity && name.entity->kind == "PER" && name.name_begin == i + 1 && !HasClitic(name);
}

// A noun for the other side, with its pronoun, right before a name (and the
// nationalities that describe it) is that name's apposition: التقى الوزير
// نظيره الفرنسي جان إيف لودريان; خسر الفريق أمام ضيفه ليفربول. The name is
// the phrase's, not a second object. Returns where the name begins, or -1.
int CounterpartBeforeName(const std::vector<Word>& ws, int i) {
  static const WordList kCounterparts{"نظير", "نظيرة", "ضيف", "منافس", "خصم", "غريم", "حليف", "شريك", "زميل"};
  // A third person's: منافسي أردوغان is a plural in construct, not "my rival".
  static const WordList kThirdPerson{"ه", "ها", "هم", "هما", "هن"};
  // Any reading, and a final ه read as ة: ضيفه may be read as ضيفة.
  auto his = [&](const Analysis& a) {
    if (a.suffix.empty()) return a.stem.ends_with("ه") && kCounterparts.Has(std::string_view(a.stem).substr(0, a.stem.size() - 2));
    return kThirdPerson.Has(a.suffix) && kCounterparts.Has(a.stem);
  };
  const Word& w = ws[i];
  const bool counterpart =
      (w.tag() == Tag::kNoun || w.tag() == Tag::kAdj) && std::any_of(w.readings.begin(), w.readings.end(), his);
  if (!counterpart) return -1;
  int name = i + 1;
  while (name < static_cast<int>(ws.size()) && ws[name].tag() == Tag::kAdj && !ws[name].nisba_place_en.empty() &&
         ws[name].a.definite && !HasClitic(ws[name])) {
    ++name;
  }
  if (name >= static_cast<int>(ws.size()) || HasClitic(ws[name])) return -1;
  const Word& n = ws[name];
  return (n.entity && n.name_begin == name) || Unknown(n) ? name : -1;
}

// Whether a feminine noun in construct heads the words i…end-1, which end
// in its genitive: ناقلات النفط, إحدى ناقلات النفط.
bool FeminineHeadBefore(const std::vector<Word>& ws, int i, int end) {
  for (int k = i; k < end; ++k) {
    if (IsNominal(ws[k].tag()) && !ws[k].a.definite && ws[k].a.suffix.empty() && Feminine(ws[k])) return true;
  }
  return false;
}

// A noun heading the name of a body: the titles of organizations (هيئة,
// مجلس), and offices that name what they are for (وزارة التربية).
bool Body(const Word& w) {
  static const WordList kOffices{"وزارة", "لجنة", "دائرة", "مديرية", "مفوضية", "إدارة", "سلطة"};
  return (w.title && w.title->kind == "ORG") || (w.a.suffix.empty() && kOffices.Has(w.a.stem));
}

// Nouns an adjective takes in an improper idafa (رفيع المستوى, طويل الأمد).
bool IsAspect(const std::string& stem) {
  static const WordList kAspects{"مستوى", "نطاق",  "أمد",   "مدى",   "حجم",  "جنسيات", "أطراف", "جانب",
                                 "صنع",   "دخل",   "أهمية", "خطورة", "كثافة", "تأثير", "ثمن",   "تكلفة",
                                 "عدد",   "سرعة",  "صلة",   "لون",   "شكل",  "مصدر"};
  return kAspects.Has(stem);
}

bool IsHundred(const std::string& norm) {
  static const std::string kHundred = Normalize("المئة"), kHundredOld = Normalize("المائة");
  return norm == kHundred || norm == kHundredOld;
}

// A sound plural or dual with its nun is not in construct, so no idafa
// continues after it: اقتحم محتجون مباني حكومية. An unknown word of five
// letters or more ending in ون is taken for one too.
bool KeepsNun(const Word& w) {
  if (w.tag() == Tag::kNoun || w.tag() == Tag::kAdj) return w.a.noun.nun_suffix;
  return Unknown(w) && w.a.suffix.empty() && w.norm.ends_with("ون") && utf8::Length(w.norm) >= 5;
}

// صحيفة "حرييت" التركية, قناة «الجزيرة»: a name in quotes after a common
// noun, with its adjectives, belongs to the noun's phrase, whatever the
// tagger made of its words (a verb, a noun). Returns where the phrase ending at `end` ends.
int PastQuotedName(const std::vector<Word>& ws, int end) {
  constexpr int kLongestQuotedName = 4;
  const int n = ws.size();
  if (end >= n || !IsQuote(ws[end]) || ws[end - 1].tag() != Tag::kNoun) return end;
  int close = end + 1;
  // Words of a name: no preposition, particle or conjunction (العنف "من
  // الطرفين" quotes a phrase, not a name).
  auto name_word = [&](const Word& w) {
    const Tag t = w.tag();
    return w.token->kind == Token::kWord && t != Tag::kPrep && t != Tag::kConj && t != Tag::kSub && t != Tag::kNeg &&
           t != Tag::kRel && t != Tag::kInna && t != Tag::kCond;
  };
  while (close < n && close <= end + kLongestQuotedName && name_word(ws[close])) ++close;
  if (close == end + 1 || close >= n || !IsQuote(ws[close])) return end;
  int k = close + 1;
  while (k < n && ws[k].tag() == Tag::kAdj && ws[k].a.definite && ws[k].a.conj.empty()) ++k;
  return k;
}

// مستخدمي فيسبوك, نظامي الغش, مستخدمي هذه الشبكات: a final ي before a
// definite word, a demonstrative or a name is a plural or dual in
// construct, not "my", which news rarely says.
bool ConstructInYa(const Word& w, const Word& next) {
  return w.a.suffix == "ي" && !w.a.definite && (w.tag() == Tag::kNoun || w.tag() == Tag::kMasdar) &&
         next.a.conj.empty() && next.a.prep.empty() && (next.a.definite || next.entity || next.tag() == Tag::kDem);
}

// كونه شبكة للرياضيين: the verbal noun of كان with its pronoun takes a
// predicate, as the verb does.
bool BeingWithPronoun(const Word& w) { return w.a.stem == "كون" && !w.a.suffix.empty(); }

// قدرها, "its amount", which the figure after it gives: غرامة قدرها مليون دولار.
bool AmountWithPronoun(const Word& w) { return w.tag() == Tag::kNoun && w.a.stem == "قدر" && !w.a.suffix.empty(); }

bool StartsPhrase(const Word& w) {
  return w.noun_like() && !(w.tag() == Tag::kPron && !w.a.prep.empty());
}

}  // namespace

bool OpensClause(const std::vector<Word>& ws, int i) {
  if (i == 0) return true;
  const Word& before = ws[i - 1];
  const Tag t = before.tag();
  return before.token->kind == Token::kPunct || t == Tag::kSub || t == Tag::kInna || t == Tag::kConj ||
         !ws[i].a.conj.empty();
}

bool OpensQuote(const Word& w) {
  const std::string& t = w.token->text;
  return t == "\""sv || t == "«"sv || t == "“"sv;
}

bool ClosesQuote(const Word& w) {
  const std::string& t = w.token->text;
  return t == "\""sv || t == "»"sv || t == "”"sv;
}

bool IsQuote(const Word& w) { return OpensQuote(w) || ClosesQuote(w); }

std::vector<NounPhrase> ChunkPhrases(const std::vector<Word>& ws) {
  std::vector<NounPhrase> out;
  out.reserve(ws.size());  // room for a phrase a word: growing the list cost more
  const int n = ws.size();
  for (int i = 0; i < n;) {
    const Word& w = ws[i];
    if (!StartsPhrase(w) && !w.title) {
      ++i;
      continue;
    }
    NounPhrase np;
    np.begin = i;
    np.prep = w.a.prep;
    // وهو يحمل: a separate pronoun after و opens a clause of its own; it
    // continues no list.
    np.coordinated = !w.a.conj.empty() && w.tag() != Tag::kPron;
    if (i > 0 && ws[i - 1].tag() == Tag::kPrep && ws[i - 1].a.suffix.empty()) np.prep = ws[i - 1].a.stem;
    int j = i + 1;
    if (w.name_end > i) j = w.name_end;
    // أدانت كل من مصر والأردن: "each of" takes the phrase after من as its
    // genitive; its conjuncts follow as phrases of their own.
    if (EachOf(ws, i)) j = ws[i + 2].name_end > i + 2 ? ws[i + 2].name_end : i + 3;
    // A title, perhaps with adjectives, then a name: وزير الخارجية الأميركي أنتوني بلينكن.
    int after_title = w.title ? w.title_end : n;
    auto skip_adjectives = [&](int k) {
      while (k < n && ws[k].tag() == Tag::kAdj && !HasClitic(ws[k])) ++k;
      return k;
    };
    after_title = skip_adjectives(after_title);
    // المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي: a place or body named
    // after a person's title says whose title it is; the person comes after.
    // So does a definite noun when a person's name follows: مدير المرصد رامي عبد الرحمن.
    int owner_end = -1;
    if (w.title && w.title->kind == "PER" && after_title < n && !HasClitic(ws[after_title])) {
      const Word& owner = ws[after_title];
      if (owner.entity && owner.entity->kind != "PER" && owner.name_end > after_title) {
        owner_end = after_title = skip_adjectives(owner.name_end);
      } else if (!owner.entity && owner.tag() == Tag::kNoun && owner.a.definite) {
        const int name = skip_adjectives(after_title + 1);
        if (name < n && ws[name].entity && ws[name].entity->kind == "PER" && !HasClitic(ws[name])) {
          owner_end = after_title = name;
        }
      }
    }
    if (w.title && w.title->kind == "PER" && after_title < n && !HasClitic(ws[after_title]) &&
        ((ws[after_title].entity && ws[after_title].entity->kind == "PER") ||
         (!ws[after_title].entity && ws[after_title].tag() == Tag::kPropn))) {
      np.name_begin = after_title;
      j = ws[after_title].name_end > 0 ? ws[after_title].name_end : after_title + 1;
      while (j < n && !ws[j].entity && ws[j].tag() == Tag::kPropn && !HasClitic(ws[j])) ++j;
    } else if (DescribesName(ws, i)) {
      np.name_begin = i + 1;
      j = ws[i + 1].name_end;
    } else if (const int name = CounterpartBeforeName(ws, i); name > 0) {
      np.name_begin = name;
      j = ws[name].name_end > 0 ? ws[name].name_end : name + 1;
    } else if (owner_end > 0) {
      j = owner_end;
    } else if (w.title && w.title_end > j) {
      j = w.title_end;
    }
    bool last_definite = Definite(ws[j - 1]);
    for (; j < n; ++j) {
      const Word& prev = ws[j - 1];
      const Word& next = ws[j];
      // هزم الإسباني نادال الألماني زفيريف: after a name a nationality
      // begins the next person's; after a definite common noun it describes
      // that noun (مدرب المنتخب الروسي ستانيسلاف تشيرتشيسوف), and so it does
      // after a name in the feminine, as the noun before is (رئيس حزب القوات
      // اللبنانية سمير جعجع).
      const bool agrees_before = EndsWithTaaMarbuta(next.token->text) && Feminine(prev);
      if (DescribesName(ws, j) && (prev.entity || !Definite(prev) || !IsNominal(prev.tag())) && !agrees_before) break;
      // A noun written with tanween fath is in the accusative: no name's
      // next word (رأيت في بيونغ يانغ أناساً يحملون). (After a figure it is
      // what is counted: 26 شخصاً.)
      if (Accusative(next) && (prev.tag() == Tag::kPropn || prev.entity)) break;
      // A percent sign belongs to its number: 6%, and so does "in the
      // hundred": ثلاثة في المئة.
      if (prev.token->kind == Token::kNumber && (next.token->text == "%" || next.token->text == "٪")) continue;
      if ((prev.tag() == Tag::kNumber || prev.tag() == Tag::kNum) && next.norm == "في" && j + 1 < n &&
          IsHundred(ws[j + 1].norm)) {
        ++j;
        continue;
      }
      // وكالة يونهاب للأنباء, الهيئة العامة للرياضة, منظمة الأمم المتحدة
      // للطفولة: a body's name goes on with what it is for.
      // A listed name takes only للأنباء (الأناضول للأنباء; not توتنهام للمرتبة الثالثة).
      const bool body = (w.title && w.title->kind == "ORG") ||
                        (w.entity && w.entity->kind == "ORG" && w.name_begin == i && next.a.stem == "انباء");
      if (body && next.a.prep == "ل" && next.a.definite && next.a.conj.empty() &&
          next.a.suffix.empty() && (next.tag() == Tag::kNoun || next.tag() == Tag::kMasdar) && !next.entity) {
        last_definite = true;
        continue;
      }
      // اللاعب البالغ من العمر 22 عاما: the age describes the noun and ends
      // its phrase; its figure is no time of the clause.
      if (prev.tag() == Tag::kAdj && (prev.a.stem == "بالغ" || prev.a.stem == "بالغه") && next.norm == "من" &&
          j + 2 < n && ws[j + 1].a.stem == "عمر" && ws[j + 1].a.definite && ws[j + 2].tag() == Tag::kNumber) {
        j += 3;
        if (j < n && ws[j].tag() == Tag::kTime && ws[j].a.conj.empty()) ++j;
        break;
      }
      // يبلغ من العمر 29 عاما: "the age" takes its figure.
      if (prev.a.stem == "عمر" && prev.a.definite && next.tag() == Tag::kNumber && next.a.conj.empty()) {
        last_definite = false;
        continue;
      }
      // متحدث باسم الحكومة, الناطق باسمه: "in the name of" belongs to the noun before it.
      if (next.a.prep == "ب" && next.a.stem == "اسم" && next.a.conj.empty() && IsNominal(prev.tag())) continue;
      // وزير التجارة والاستثمار, وزارة التربية والتعليم, هيئة الطرق
      // والمواصلات: a title's or a body's genitive coordinated with another
      // noun is one title or name (but وزير الخارجية ووزير الدفاع are two,
      // and a name ends the genitive: جماعة الحوثي والحكومة).
      if (((w.title && w.title->kind == "PER") || Body(w)) && np.name_begin < 0 && j - 1 > i && IsNominal(prev.tag()) &&
          prev.a.definite && !prev.entity && next.a.conj == "و" && next.a.prep.empty() && next.a.definite &&
          !next.entity && !next.title && (next.tag() == Tag::kNoun || next.tag() == Tag::kMasdar)) {
        last_definite = true;
        continue;
      }
      // Adjectives joined by و describe one noun: الأوساط العلمية والطبية,
      // المؤسسات الحكومية والخاصة (a listed place spelled as a nisba, مصر
      // والسعودية, is a name of its own).
      if (prev.tag() == Tag::kAdj && next.tag() == Tag::kAdj && next.a.conj == "و" && next.a.prep.empty() &&
          next.a.suffix.empty() && next.a.definite == prev.a.definite && !next.entity && j - 1 > i) {
        continue;
      }
      if (next.token->kind == Token::kPunct || HasClitic(next)) break;
      // A titled name continues an idafa too: علاقات السيدة كلينتون.
      if (next.title && next.title->kind == "PER" && IsNominal(prev.tag()) && !Definite(prev) &&
          next.title_end < n && !HasClitic(ws[next.title_end]) &&
          (ws[next.title_end].entity || ws[next.title_end].tag() == Tag::kPropn)) {
        int k = ws[next.title_end].name_end > 0 ? ws[next.title_end].name_end : next.title_end + 1;
        while (k < n && !ws[k].entity && ws[k].tag() == Tag::kPropn && !HasClitic(ws[k])) ++k;
        j = k - 1;
        last_definite = true;
        continue;
      }
      // A place spelled as its own nisba after a definite feminine noun is
      // that adjective: الحكومة السعودية, the Saudi government (but زار
      // الوزير السعودية: a masculine noun takes السعودي). So it is after a
      // genitive when the phrase's head is feminine: ناقلات النفط السعودية.
      if (next.entity && next.entity->kind == "LOC" && !next.nisba_place_en.empty() && next.name_end == j + 1 &&
          last_definite && !HasClitic(next) && !prev.entity && (IsNominal(prev.tag()) || prev.tag() == Tag::kAdj) &&
          (Feminine(prev) || FeminineHeadBefore(ws, i, j - 1))) {
        continue;
      }
      if (next.name_begin == j) {  // a gazetteer name continues an idafa: حكم توكاييف
        if (!(IsNominal(prev.tag()) && (!Definite(prev) || ConstructInYa(prev, next)))) break;
        j = next.name_end - 1;
        last_definite = !next.indefinite_noun_name;  // مليار دولار أمريكي
        continue;
      }
      // وفدا رفيع المستوى, شركة متعددة الجنسيات: an indefinite adjective
      // takes a noun of measure or kind after it and still describes the
      // phrase's head.
      if (prev.tag() == Tag::kAdj && j - 1 > i && !prev.a.definite && prev.a.suffix.empty() && next.a.definite &&
          next.a.suffix.empty() && IsAspect(next.a.stem)) {
        last_definite = false;
        continue;
      }
      // An elative takes the noun it grades, indefinite: أول امرأة, أكبر
      // دولة, الأكثر خبرة.
      if (Elative(prev) && !next.a.definite && next.a.suffix.empty() && next.a.conj.empty() && next.a.prep.empty() &&
          (next.tag() == Tag::kNoun || next.tag() == Tag::kMasdar) && !next.entity) {
        last_definite = false;
        continue;
      }
      // أول 25 دقيقة, آخر 5 مباريات: a rank, in construct, before a count of
      // things (not أخرى, "other": عملات أخرى 7 بالمئة).
      const bool rank = (Elative(prev) && prev.a.stem != "اخري") || (prev.tag() == Tag::kAdj && prev.a.stem == "اخر");
      if (rank && !prev.a.definite && next.tag() == Tag::kNumber && next.a.conj.empty() && next.a.prep.empty()) {
        last_definite = false;
        continue;
      }
      // An adjective heads an idafa only first in its phrase: أول الأسبوع, أكبر
      // المدن, and before a noun in construct itself: إجمالي عدد الزوار.
      const bool next_in_construct = (next.tag() == Tag::kNoun || next.tag() == Tag::kMasdar) && !next.a.definite &&
                                     next.a.suffix.empty() && !HasClitic(next) && j + 1 < n &&
                                     !HasClitic(ws[j + 1]) && (ws[j + 1].a.definite || ws[j + 1].entity);
      const bool head_adjective = prev.tag() == Tag::kAdj && j - 1 == i && (next.a.definite || next_in_construct);
      const bool construct = (IsNominal(prev.tag()) || head_adjective) && (prev.tag() != Tag::kPropn || Unknown(prev)) &&
                             !prev.a.definite && (prev.a.suffix.empty() || ConstructInYa(prev, next)) &&
                             !KeepsNun(prev);
      // المباراة رقم 1000: "number" and its figure name the thing before.
      if (next.norm == "رقم" && next.a.conj.empty() && j + 1 < n && ws[j + 1].tag() == Tag::kNumber) {
        ++j;
        continue;
      }
      const bool figure_next = j + 1 < n && (ws[j + 1].tag() == Tag::kNumber || ws[j + 1].tag() == Tag::kNum);
      if ((AmountWithPronoun(prev) && (next.tag() == Tag::kNumber || next.tag() == Tag::kNum) && next.a.conj.empty()) ||
          (AmountWithPronoun(next) && figure_next && next.a.prep.empty())) {
        last_definite = false;
        continue;
      }
      if (BeingWithPronoun(prev) && next.a.conj.empty() && next.a.prep.empty() && !next.entity &&
          (next.tag() == Tag::kNoun || next.tag() == Tag::kMasdar)) {
        last_definite = Definite(next);
        continue;
      }
      // A number after a month is a year, which ends a date: في يناير 2022 احتجاجات.
      if (prev.tag() == Tag::kNumber && j >= 2 && ws[j - 2].tag() == Tag::kTime) break;
      // هذا المجال, but not هذا فولكسفاغن: a demonstrative takes a definite noun.
      const bool after_quantity = prev.tag() == Tag::kQuant || prev.tag() == Tag::kNumber || prev.tag() == Tag::kNum ||
                                  (prev.tag() == Tag::kDem && next.a.definite);
      // وجود أي اتصالات, رفض كل المقترحات, أكثر من مليون: a quantity continues
      // an idafa or another quantity.
      // رئيس هذه الدولة: a noun in construct takes a demonstrative and its noun.
      const bool demonstrative_after = next.tag() == Tag::kDem && j + 1 < n && ws[j + 1].a.definite &&
                                       ws[j + 1].a.conj.empty() && ws[j + 1].a.prep.empty();
      if ((construct || after_quantity) &&
          (IsNominal(next.tag()) || next.tag() == Tag::kAdj || next.tag() == Tag::kQuant ||
           (construct && demonstrative_after))) {
        last_definite = Definite(next);
        continue;
      }
      // غير before an adjective of the same definiteness negates it, and
      // both describe the noun: نشاطا غير طبيعي, الاتفاق غير القانوني. So
      // does a participle the lexicon reads as a noun, indefinite or of the
      // shape مفعول (اتفاقا غير مسبوق, العملية غير المبررة); not another
      // definite noun (أي نتيجة غير الفوز, "other than") nor one of another
      // definiteness (حلا غير الانسحاب).
      const Word& negated = ws[std::min(j + 1, n - 1)];
      const bool participle = IsNominal(negated.tag()) && (!negated.a.definite || negated.a.stem.starts_with("م"));
      if (next.norm == "غير" && next.a.conj.empty() && j + 1 < n && (negated.tag() == Tag::kAdj || participle) &&
          !HasClitic(negated) && !negated.entity && negated.a.definite == last_definite &&
          (IsNominal(prev.tag()) || prev.tag() == Tag::kAdj)) {
        ++j;
        continue;
      }
      // المركز التاسع عشر: an ordinal of the teens ends with عشر or عشرة.
      if ((next.norm == "عشر" || next.norm == "عشره") && prev.tag() == Tag::kAdj && prev.a.definite && next.a.conj.empty()) {
        continue;
      }
      // An agreeing adjective, or a number after its noun: السنوات العشرين الماضية.
      if ((next.tag() == Tag::kAdj || next.tag() == Tag::kNum) && next.a.definite == last_definite && !next.entity) {
        continue;
      }
      // الأحزاب المعارضة رفضت القانون: opening a clause, a definite word
      // between a definite noun and the verb describes the noun (a
      // participle the lexicon reads as a noun); it heads no subject of its own.
      if (OpensClause(ws, i) && IsNominal(prev.tag()) && prev.a.definite && next.a.definite && !next.entity &&
          IsNominal(next.tag()) &&
          j + 1 < n && ws[j + 1].tag() == Tag::kVerb && ws[j + 1].a.conj.empty() && ws[j + 1].a.prep.empty()) {
        continue;
      }
      if (prev.tag() == Tag::kPropn && next.tag() == Tag::kPropn && !prev.entity && !next.entity) continue;
      break;
    }
    j = PastQuotedName(ws, j);
    np.end = j;
    np.definite = Definite(ws[i]) || (np.end - np.begin > 1 && last_definite);
    out.push_back(np);
    i = j;
  }
  // One prepositional phrase right after a phrase may belong to it.
  for (size_t k = 0; k + 1 < out.size(); ++k) {
    const NounPhrase& next = out[k + 1];
    if (next.prep.empty() || next.coordinated) continue;
    const bool clitic = next.begin == out[k].end && !ws[next.begin].a.prep.empty();
    const bool bare = next.begin == out[k].end + 1 && ws[out[k].end].tag() == Tag::kPrep;
    // Compound prepositions: من خلال, على عاتق.
    const bool compound = next.begin == out[k].end + 2 && ws[out[k].end].tag() == Tag::kPrep &&
                          ws[out[k].end + 1].tag() == Tag::kPrep;
    // Nor one whose noun waits for a clause as its genitive: على غرار ما
    // حدث ("like what happened") describes no phrase.
    const bool before_clause = next.end - next.begin == 1 && next.end < n && !ws[next.begin].a.definite &&
                               ws[next.begin].a.suffix.empty() && !ws[next.begin].entity &&
                               (ws[next.end].norm == "ما" || ws[next.end].tag() == Tag::kRel ||
                                ws[next.end].tag() == Tag::kSub);
    if ((clitic || bare || compound) && !before_clause) out[k].pp_end = next.end;
  }
  return out;
}

bool EachOf(const std::vector<Word>& ws, int i) {
  const int n = ws.size();
  // Not before a verb, where من is "who" (كل من عرفتهم), nor before a
  // title, whose name the phrase of the title takes.
  const bool each = ws[i].a.stem == "كل" || ws[i].norm == "كلا";  // كلا من: in the accusative
  return i + 2 < n && each && ws[i].a.suffix.empty() && ws[i + 1].norm == "من" &&
         ws[i + 2].token->kind == Token::kWord && ws[i + 2].a.conj.empty() && ws[i + 2].a.prep.empty() &&
         (ws[i + 2].noun_like() || ws[i + 2].entity) && !ws[i + 2].title;
}

namespace {

struct Participle {
  std::string stem;  // normalized, masculine singular
  std::string prep;  // normalized
};

// ميليشيات الحوثي التابعة لإيران, القوات المتمركزة في الشمال, الفصائل
// المدعومة من تركيا: participles that relate what they describe to
// something else, each with its preposition.
const std::vector<Participle>& Participles() {
  static const std::vector<Participle> kParticiples = [] {
    const std::pair<std::string_view, std::string_view> pairs[] = {
        {"تابع", "ل"},   {"موالي", "ل"},   {"مؤيد", "ل"},    {"معارض", "ل"},   {"مملوك", "ل"},
        {"مدعوم", "من"}, {"مقرب", "من"},   {"قريب", "من"},   {"مرتبط", "ب"},   {"متهم", "ب"},
        {"مشارك", "في"}, {"متمركز", "في"}, {"واقع", "في"},   {"مقيم", "في"},   {"متخصص", "في"},
        {"مسؤول", "عن"}, {"محسوب", "على"}, {"متحالف", "مع"}, {"منتمي", "إلى"}, {"رامي", "إلى"}};
    std::vector<Participle> out;
    for (const auto& [stem, prep] : pairs) out.push_back({Normalize(stem), Normalize(prep)});
    return out;
  }();
  return kParticiples;
}

// The participle `w` reads as, feminine and plural endings aside, or null.
const Participle* ParticipleOf(const Word& w) {
  if (!w.a.definite || !w.a.suffix.empty() || !w.a.prep.empty() || w.entity) return nullptr;
  std::string_view stem = w.a.stem;
  for (std::string_view ending : {"ه", "ين", "ون", "ات"}) {
    if (stem.size() > ending.size() + 4 && stem.ends_with(ending)) {
      stem.remove_suffix(ending.size());
      break;
    }
  }
  for (const Participle& p : Participles()) {
    if (stem == p.stem || w.a.stem == p.stem) return &p;
  }
  return nullptr;
}

}  // namespace

bool RelatesWith(const Word& w, std::string_view prep) {
  const Participle* p = ParticipleOf(w);
  return p && p->prep == prep;
}

bool RelationalParticiple(const Word& w) { return ParticipleOf(w) != nullptr; }

bool Elative(const Word& w) {
  if (w.tag() != Tag::kAdj || !w.a.suffix.empty()) return false;
  const std::u32string stem = utf8::Decode(w.a.stem);
  return stem == U"اول" || (stem.size() == 4 && stem[0] == U'ا');
}

}  // namespace nasij::arabic
