// Part-of-speech disambiguation for undiacritized words: each word keeps the
// reading that is cheapest once its left context is taken into account.
#include <algorithm>

#include "extract/arabic/normalize.h"
#include "extract/arabic/sentence.h"

namespace nasij::arabic {

bool Word::noun_like() const {
  switch (a.tag) {
    case Tag::kNoun: case Tag::kAdj: case Tag::kMasdar: case Tag::kNum: case Tag::kTime:
    case Tag::kPropn: case Tag::kNumber: case Tag::kPron: case Tag::kDem: case Tag::kQuant:
      return true;
    default:
      return false;
  }
}

namespace {

bool IsNounClass(Tag t) {
  return t == Tag::kNoun || t == Tag::kAdj || t == Tag::kMasdar || t == Tag::kNum || t == Tag::kTime ||
         t == Tag::kPropn;
}

// What a verb only hunspell-ar knows costs beside a name: the table reads
// many foreign names as verbs (غونزاليز آنايا).
constexpr float kHunspellVerbBesideName = 2;

// How unlikely reading `r` is after the previous word's reading, and beside
// a name (before or after the word).
float ContextCost(const Analysis& r, const Analysis* prev, bool clause_start, bool beside_name) {
  float cost = r.cost;
  if (r.tag == Tag::kVerb && r.source == Source::kHunspell && beside_name) cost += kHunspellVerbBesideName;
  const Tag p = prev ? prev->tag : Tag::kPunct;
  const bool prev_bare_prep = prev && p == Tag::kPrep && prev->suffix.empty();
  if (r.tag == Tag::kVerb) {
    if (prev_bare_prep) cost += 2;
    if (p == Tag::kNeg || p == Tag::kModal || p == Tag::kRel || p == Tag::kSub || p == Tag::kQues) cost -= 1.5;
    if (p == Tag::kVerb && !r.verb.present) cost += 1;
    if (prev && IsNounClass(p) && !prev->definite && prev->suffix.empty() && p != Tag::kPropn) cost += 0.7;
    if (clause_start || !r.conj.empty()) cost -= 0.5;
  } else if (IsNounClass(r.tag)) {
    if (p == Tag::kNeg || p == Tag::kModal || p == Tag::kRel) cost += 1.5;
    if (prev_bare_prep) cost -= 0.5;
    // A definite word after a definite noun is an adjective more often than a noun.
    if (r.tag == Tag::kAdj && prev && IsNounClass(p) && prev->definite == r.definite) cost -= 0.3;
    if (r.tag == Tag::kAdj && prev && !IsNounClass(p)) cost += 0.5;
  }
  return cost;
}

}  // namespace

namespace {

// A word the lexicon does not know at all, bare of clitics: a name, most likely.
bool UnknownBare(const Word& w) {
  return w.token->kind == Token::kWord && !w.entity && w.readings.size() == 1 && w.readings[0].unknown() &&
         w.readings[0].tag == Tag::kPropn && w.readings[0].conj.empty() && w.readings[0].prep.empty();
}

}  // namespace

// Two finite verbs need a conjunction between them. In دخل الفرد الشهري لا
// يتخطى 600 دولار, the first "verb" heads the second one's subject: income.
// So a bare perfect that can be a noun, followed by a definite noun with its
// adjectives and then a negation or a present verb, is the noun.
void NounsBeforeVerbs(std::vector<Word>* words) {
  std::vector<Word>& ws = *words;
  for (size_t i = 0; i < ws.size(); ++i) {
    Analysis& a = ws[i].a;
    if (a.tag != Tag::kVerb || a.verb.present || !a.conj.empty() || !a.suffix.empty()) continue;
    auto noun = std::find_if(ws[i].readings.begin(), ws[i].readings.end(), [](const Analysis& r) {
      return (r.tag == Tag::kNoun || r.tag == Tag::kMasdar) && !r.unknown() && r.conj.empty() && r.prep.empty() &&
             r.suffix.empty() && !r.definite;
    });
    if (noun == ws[i].readings.end()) continue;
    // One definite noun and its adjectives: دخل الجنود المدينة is still a
    // verb with its subject and object.
    auto bare_definite = [&](size_t k, Tag tag) {
      return k < ws.size() && ws[k].token->kind == Token::kWord && ws[k].a.conj.empty() && ws[k].a.prep.empty() &&
             ws[k].a.definite && ws[k].a.tag == tag;
    };
    if (!bare_definite(i + 1, Tag::kNoun)) continue;
    size_t k = i + 2;
    while (bare_definite(k, Tag::kAdj)) ++k;
    if (k >= ws.size() || !ws[k].a.conj.empty()) continue;
    const Analysis& next = ws[k].a;
    if (next.tag == Tag::kNeg || (next.tag == Tag::kVerb && next.verb.present)) a = *noun;
  }
}

// A word that is a quantifier or an adjective (كافة, مختلف) is the
// quantifier, in construct, before a definite noun, a demonstrative, a name
// or a noun in construct itself: إخراج كافة المقاتلين, من مختلف الدول,
// مختلف أنحاء العالم. Elsewhere it is the adjective: الأطراف كافة, رأي مختلف.
void QuantifiersBeforeNouns(std::vector<Word>* words) {
  std::vector<Word>& ws = *words;
  auto bare_word = [&](size_t k) {
    return k < ws.size() && ws[k].token->kind == Token::kWord && ws[k].a.conj.empty() && ws[k].a.prep.empty();
  };
  for (size_t i = 0; i < ws.size(); ++i) {
    Word& w = ws[i];
    if (w.entity || (w.a.tag != Tag::kAdj && w.a.tag != Tag::kQuant) || w.a.definite || !w.a.suffix.empty()) continue;
    const Word* next = bare_word(i + 1) ? &ws[i + 1] : nullptr;
    const bool next_in_construct = next && (next->a.tag == Tag::kNoun || next->a.tag == Tag::kMasdar) &&
                                   !next->a.definite && next->a.suffix.empty() && bare_word(i + 2) &&
                                   (ws[i + 2].entity || ws[i + 2].a.definite);
    const bool before_noun = next && (next->entity || next->a.tag == Tag::kDem ||
                                      (next->a.definite && next->noun_like()) || next_in_construct);
    const Tag reading = before_noun ? Tag::kQuant : Tag::kAdj;
    auto other = std::find_if(w.readings.begin(), w.readings.end(), [&](const Analysis& r) {
      return r.tag == reading && r.conj == w.a.conj && r.prep == w.a.prep && r.suffix.empty();
    });
    if (other != w.readings.end()) w.a = *other;
  }
}

// An adjective in the plural that agrees with no plural or dual before it
// stands for the people it describes: طردت الحكومة الدبلوماسيين الروس,
// اعتقلت الشرطة المشتبه بهم. After a plural it stays the adjective:
// المسؤولين الأمريكيين.
void AdjectivesForPeople(std::vector<Word>* words) {
  std::vector<Word>& ws = *words;
  for (size_t i = 1; i < ws.size(); ++i) {
    Word& w = ws[i];
    if (w.a.tag != Tag::kAdj || !w.a.noun.plural || w.entity) continue;
    const Word& prev = ws[i - 1];
    const bool agrees = !prev.entity && prev.noun_like() && (prev.a.noun.plural || prev.a.noun.nun_suffix);
    if (!agrees) w.a.tag = Tag::kNoun;
  }
}

bool MannerNoun(const Word& w) {
  static const std::string kManners[] = {Normalize("شكل"), Normalize("صورة"), Normalize("طريقة")};
  return w.a.prep == "ب" && w.a.conj.empty() && (w.a.tag == Tag::kNoun || w.a.tag == Tag::kMasdar) &&
         std::ranges::find(kManners, w.a.stem) != std::end(kManners);
}

// The word after an indefinite noun of manner is its adjective, whatever
// else it may be (قاطع is also "he boycotted"): رفضت الحكومة بشكل قاطع
// مطالب النقابة. So is the word after غير there: بشكل غير مباشر. A present
// verb there describes the noun (بشكل يخالف القانون, "in a way that").
void AdjectivesOfManner(std::vector<Word>* words) {
  std::vector<Word>& ws = *words;
  static const std::string kNot = Normalize("غير");
  for (size_t i = 0; i + 1 < ws.size(); ++i) {
    if (!MannerNoun(ws[i]) || ws[i].a.definite || !ws[i].a.suffix.empty()) continue;
    size_t k = i + 1;
    if (ws[k].norm == kNot && k + 1 < ws.size()) ++k;
    Word& w = ws[k];
    const bool perfect_or_nominal = IsNounClass(w.a.tag) || (w.a.tag == Tag::kVerb && !w.a.verb.present);
    if (w.token->kind != Token::kWord || w.entity || !w.a.conj.empty() || !w.a.prep.empty() || !w.a.suffix.empty() ||
        w.a.definite || !perfect_or_nominal) {
      continue;
    }
    w.a.tag = Tag::kAdj;
  }
}

// مثل after a noun or a comma is "like", "such as" (أعراض مثل الصداع,
// ، مثل الصين), not the verb "represented", which opens its clause.
void LikeAfterNouns(std::vector<Word>* words) {
  std::vector<Word>& ws = *words;
  static const std::string kLike = Normalize("مثل");
  for (size_t i = 1; i < ws.size(); ++i) {
    Word& w = ws[i];
    const Word& prev = ws[i - 1];
    const bool after_noun = IsNounClass(prev.a.tag) || (prev.token->kind == Token::kPunct && prev.norm != ".");
    if (w.norm != kLike || w.a.tag != Tag::kVerb || !after_noun) continue;
    auto like = std::find_if(w.readings.begin(), w.readings.end(),
                             [](const Analysis& r) { return r.tag == Tag::kPrep && r.conj.empty() && r.prep.empty(); });
    if (like != w.readings.end()) w.a = *like;
  }
}

// فجر الخميس, ظهر اليوم: a time of day that is also a verb (فجّر "blew
// up", ظهر "appeared") is the time before a day with the article.
void TimesOfDayBeforeDays(std::vector<Word>* words) {
  static const WordList kTimesOfDay{"فجر", "ظهر"};
  static const std::string kToday = Normalize("اليوم");
  std::vector<Word>& ws = *words;
  for (size_t i = 0; i + 1 < ws.size(); ++i) {
    Word& w = ws[i];
    const Word& day = ws[i + 1];
    const bool a_day = (day.a.tag == Tag::kTime && day.a.definite) || day.norm == kToday;
    if (!kTimesOfDay.Has(w.norm) || !a_day || !day.a.conj.empty() ||
        !day.a.prep.empty()) {
      continue;
    }
    Analysis time;
    time.tag = Tag::kTime;
    time.stem = w.norm;
    w.a = time;
  }
}

// كثير, قليل, مزيد, عديد with the article and من after them are nouns of
// quantity ("much of", "more of"), no adjective of the noun before:
// ينتظر الأرجنتينيون الكثير من ميسي.
void QuantitiesBeforeMin(std::vector<Word>* words) {
  static const WordList kQuantities{"كثير", "قليل", "مزيد", "عديد"};
  std::vector<Word>& ws = *words;
  for (size_t i = 0; i + 1 < ws.size(); ++i) {
    Word& w = ws[i];
    if (ws[i + 1].norm != "من" || !w.a.definite || w.entity || !w.a.suffix.empty() ||
        !kQuantities.Has(w.a.stem)) {
      continue;
    }
    w.a.tag = Tag::kNoun;
  }
}

// قدرها, وقدره after a noun and before a figure is "its amount", not the
// verb قدّر "estimated": غرامة قدرها مليون دولار, مبلغ وقدره 130 ألفا.
void AmountsOfNouns(std::vector<Word>* words) {
  static const std::string kAmount = Normalize("قدر");
  std::vector<Word>& ws = *words;
  for (size_t i = 1; i + 1 < ws.size(); ++i) {
    Word& w = ws[i];
    const Tag before = ws[i - 1].tag();
    const bool after_noun = before == Tag::kNoun || before == Tag::kAdj || before == Tag::kMasdar;
    const bool figure_next = ws[i + 1].tag() == Tag::kNumber || ws[i + 1].tag() == Tag::kNum;
    const bool its = w.a.suffix == "ه" || w.a.suffix == "ها";
    if (w.a.tag != Tag::kVerb || w.a.stem != kAmount || !its || !w.a.prep.empty() || !after_noun || !figure_next) continue;
    w.a.tag = Tag::kNoun;
  }
}

// الفصائل المدعومة من تركيا, ميليشيات الحوثي التابعة لإيران: a relational
// participle right after a definite common noun or a name is its adjective,
// though the lexicon reads it as a noun. A masculine plural describes no
// singular name: استقبلت ألمانيا المسؤولين الأتراك (an argument of its own).
void ParticiplesAfterNouns(std::vector<Word>* words) {
  auto common_noun = [](const Word& n) {
    return !n.entity && (n.a.tag == Tag::kNoun || n.a.tag == Tag::kAdj || n.a.tag == Tag::kMasdar);
  };
  auto masculine_plural = [](const Word& n) { return n.norm.ends_with("ين") || n.norm.ends_with("ون"); };
  std::vector<Word>& ws = *words;
  for (size_t i = 1; i < ws.size(); ++i) {
    Word& w = ws[i];
    const Word& before = ws[i - 1];
    const bool definite = before.a.definite || !before.a.suffix.empty();  // شقته الواقعة
    const bool name = (before.entity || before.a.tag == Tag::kPropn) &&
                      (!masculine_plural(w) || masculine_plural(before));  // الحوثيين المدعومين
    if (w.a.tag == Tag::kNoun && w.a.conj.empty() && ((common_noun(before) && definite) || name) &&
        RelationalParticiple(w)) {
      w.a.tag = Tag::kAdj;
    }
  }
}

void TagWords(const Lexicon& lexicon, std::vector<Word>* words) {
  const Analysis* prev = nullptr;
  bool clause_start = true;
  bool verb_in_clause = false;  // a verb since the last punctuation, conjunction or subordinator
  bool copula_in_clause = false;  // and it is كان or a sister, which a perfect may follow: كان المجلس فرض
  for (size_t i = 0; i < words->size(); ++i) {
    Word& w = (*words)[i];
    if (w.token->kind == Token::kPunct) {
      w.a = Analysis();
      w.a.tag = Tag::kPunct;
      w.a.stem = w.norm;
      prev = &w.a;
      clause_start = true;
      verb_in_clause = false;
      continue;
    }
    if (w.token->kind == Token::kNumber) {
      w.a = Analysis();
      w.a.tag = Tag::kNumber;
      w.a.stem = w.norm;
      prev = &w.a;
      clause_start = false;
      continue;
    }
    if (!w.entity) {
      const bool beside_name = (prev && prev->tag == Tag::kPropn) ||
                                       (i + 1 < words->size() && UnknownBare((*words)[i + 1]));
      const Analysis* best = &w.readings.front();
      float best_cost = ContextCost(*best, prev, clause_start, beside_name);
      for (const Analysis& r : w.readings) {
        float c = ContextCost(r, prev, clause_start, beside_name);
        if (c < best_cost) {
          best = &r;
          best_cost = c;
        }
      }
      w.a = *best;
      // After a noun in construct state (إعادة فتح), a bare 3ms perfect is a
      // verbal noun of the same letters.
      // The bare perfect may be any of the word's readings: تحطم is also
      // "she smashes" (حادث تحطم الطائرة).
      auto bare_perfect = [](const Analysis& r) {
        return r.tag == Tag::kVerb && r.conj.empty() && r.prep.empty() && r.suffix.empty() && !r.verb.present &&
               !r.verb.plural && !r.verb.feminine && !r.verb.first_person;
      };
      // So is one after a noun phrase when the clause has its verb already:
      // ارتفعت الأسعار بعد قرار منظمة أوبك خفض الإنتاج (two finite verbs
      // need a conjunction between them), unless that verb is كان or a
      // sister: كان مجلس الأمن فرض عقوبات is a pluperfect.
      const bool construct = prev && IsNounClass(prev->tag) && prev->tag != Tag::kPropn && !prev->definite &&
                             prev->suffix.empty();
      // So is one right after a verb that is no copula: ورد ذكر الشركة,
      // أعلن رفض المفاوضات, ينظم عمل الشركات (the verbal noun is its subject
      // or object).
      const bool after_verb = prev && prev->tag == Tag::kVerb && w.a.conj.empty() && !lexicon.verb(prev->verb.verb).copula;
      // The word must read as a noun too, or be a verb whose verbal noun is
      // written as it is (عمل, قتل); after تم such a verb is its passive
      // (تم نقل الجرحى إلى المستشفى: the wounded were taken).
      const bool after_passive_auxiliary = prev && prev->tag == Tag::kVerb && lexicon.verb(prev->verb.verb).any_gender;
      const bool reads_as_noun = std::any_of(w.readings.begin(), w.readings.end(), [&](const Analysis& r) {
        const bool noun = (r.tag == Tag::kMasdar || r.tag == Tag::kNoun) && !r.unknown();
        const bool verbal_noun = r.tag == Tag::kVerb && !r.verb.present && lexicon.verb(r.verb.verb).verbal_noun &&
                                 !after_passive_auxiliary;
        return (noun || verbal_noun) && r.conj.empty() && r.prep.empty();
      });
      const bool second_verb_context = prev && IsNounClass(prev->tag) && verb_in_clause && !copula_in_clause;
      const bool second_verb = prev && (second_verb_context || after_verb) && reads_as_noun;
      // So is one after a preposition, which governs a noun: في نقل
      // الأخبار, سوى رفض المفاوضات. Not after من, which is also "who": من
      // رفض الاتفاق. The verbal noun of a verb whose object, if any, takes a
      // preposition stays a verb, so that the noun after it is its subject,
      // as it is the verbal noun's doer: مع تعرض مصر لموجة أمطار, بعد تدخل
      // الدولة في الاقتصاد.
      const bool after_preposition = prev && prev->tag == Tag::kPrep && prev->stem != "من" && w.a.conj.empty();
      const auto perfect = std::find_if(w.readings.begin(), w.readings.end(), bare_perfect);
      const bool doer_after = perfect != w.readings.end() && [&] {
        const Verb& verb = lexicon.verb(perfect->verb.verb);
        return !verb.copula && (verb.intrans || !verb.preps.empty());
      }();
      // After a preposition, an indefinite adjective next says the word is
      // the noun it describes, whatever its verb takes: في رد مباشر على.
      auto adjective_next = [&] {
        if (i + 1 >= words->size()) return false;
        const std::vector<Analysis>& next = (*words)[i + 1].readings;
        return std::all_of(next.begin(), next.end(), [](const Analysis& r) {
          return r.tag == Tag::kAdj && !r.definite && r.conj.empty() && r.prep.empty() && r.suffix.empty();
        });
      };
      // Not كان or a sister: شخص كان يثير مشاكل (a person who was stirring up trouble).
      if (w.a.tag == Tag::kVerb && (construct || second_verb || (after_preposition && (!doer_after || adjective_next()))) &&
          perfect != w.readings.end() && !lexicon.verb(perfect->verb.verb).copula) {
        w.a = *perfect;
        w.a.tag = Tag::kMasdar;
      }
      // With a pronoun, as a second verb: أعلن الجيش سيطرته (its control,
      // not "she controlled it"), when the word reads as that noun too.
      if (w.a.tag == Tag::kVerb && !w.a.suffix.empty() && (second_verb_context || after_verb)) {
        auto noun = std::find_if(w.readings.begin(), w.readings.end(), [&](const Analysis& r) {
          return (r.tag == Tag::kMasdar || r.tag == Tag::kNoun) && r.suffix == w.a.suffix && r.conj == w.a.conj &&
                 r.prep == w.a.prep && !r.unknown();
        });
        if (noun != w.readings.end()) w.a = *noun;
      }
      // A nisba the data files do not read (الكازاخستانية) is an adjective,
      // not a name; so is such a word of nisba shape (ـي, ـية) after a noun
      // that agrees with it. hunspell-ar reads many of them as names or nouns.
      const bool nominal_guess = w.a.unknown() || (w.a.source == Source::kHunspell && w.a.tag != Tag::kVerb);
      // So is a listed nisba the entity tagger left out of a name before
      // it (ريال مدريد الإسباني), whose reading is a guess again.
      if (nominal_guess && w.nisba_place_en.empty() && w.a.conj.empty() && w.a.prep.empty()) {
        const std::string_view bare = std::string_view(w.norm).starts_with("ال") ? std::string_view(w.norm).substr(4)
                                                                                 : std::string_view(w.norm);
        if (const Nisba* nisba = lexicon.NisbaOf(bare)) w.nisba_place_en = nisba->place_en;
      }
      if (nominal_guess && !w.nisba_place_en.empty()) w.a.tag = Tag::kAdj;
      // A listed nisba right after an indefinite noun or adjective describes
      // it, though it reads as a verb too: مصدر رسمي أردني (Jordanian, not
      // أراد + ني "wanted me").
      if (w.a.tag == Tag::kVerb && w.a.conj.empty() && w.a.prep.empty() && prev &&
          (prev->tag == Tag::kNoun || prev->tag == Tag::kAdj) && !prev->definite && prev->suffix.empty()) {
        if (const Nisba* nisba = lexicon.NisbaOf(w.norm)) {
          Analysis adjective;
          adjective.tag = Tag::kAdj;
          adjective.stem = w.norm;
          w.a = adjective;
          w.nisba_place_en = nisba->place_en;
        }
      }
      const std::string& st = w.a.stem;
      const bool nisba_shape = st.size() > 6 && (st.compare(st.size() - 2, 2, "ي") == 0 ||
                                                 st.compare(st.size() - 4, 4, "يه") == 0);
      if (nominal_guess && nisba_shape && w.a.conj.empty() && w.a.prep.empty() && prev &&
          (prev->tag == Tag::kNoun || prev->tag == Tag::kMasdar || prev->tag == Tag::kAdj) &&
          prev->definite == w.a.definite) {
        w.a.tag = Tag::kAdj;
      }
      // A bare adjective right after a verb has no noun to describe; before
      // an unknown word it begins a name: كتبت كوري شولمان (Corey, not Korean).
      if (w.a.tag == Tag::kAdj && !w.a.definite && w.a.conj.empty() && w.a.prep.empty() && w.a.suffix.empty() &&
          prev && prev->tag == Tag::kVerb && i + 1 < words->size() && UnknownBare((*words)[i + 1])) {
        w.a.tag = Tag::kPropn;
        w.a.source = Source::kUnknown;
        w.a.cost = (*words)[i + 1].readings[0].cost;
        w.nisba_place_en.clear();
      }
    }
    prev = &w.a;
    clause_start = w.a.tag == Tag::kConj || w.a.tag == Tag::kSub || w.a.tag == Tag::kRel;
    if (clause_start || !w.a.conj.empty() || w.a.tag == Tag::kInna || w.a.tag == Tag::kCond) verb_in_clause = false;
    if (clause_start || !w.a.conj.empty() || w.a.tag == Tag::kInna || w.a.tag == Tag::kCond) copula_in_clause = false;
    if (w.a.tag == Tag::kVerb) {
      verb_in_clause = true;
      copula_in_clause = copula_in_clause || lexicon.verb(w.a.verb.verb).copula;
    }
  }
  NounsBeforeVerbs(words);
  QuantifiersBeforeNouns(words);
  AdjectivesForPeople(words);
  AdjectivesOfManner(words);
  LikeAfterNouns(words);
  QuantitiesBeforeMin(words);
  TimesOfDayBeforeDays(words);
  AmountsOfNouns(words);
  ParticiplesAfterNouns(words);
}

}  // namespace nasij::arabic
