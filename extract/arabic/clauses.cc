// Clause patterns: verbal sentences (VSO, SVO), relative clauses, speech
// with its reported complement, coordinated verbs sharing a subject,
// apposition and nominal sentences; with negation and modality.
#include <algorithm>
#include <map>

#include "extract/arabic/normalize.h"
#include "extract/arabic/sentence.h"
#include "extract/language.h"

namespace nasij::arabic {

namespace {

// Punctuation is compared with every word: as a string_view, a word of
// another length is told apart without a call.
using namespace std::string_view_literals;

bool IsBoundary(const Word& w) {
  if (w.token->kind == Token::kPunct) {
    const std::string& t = w.token->text;
    return t != "("sv && t != ")"sv && t != "-"sv && t != "–"sv;
  }
  const Tag t = w.tag();
  // وهو يحمل الكأس: a separate pronoun after و opens a circumstantial clause.
  const bool circumstantial = t == Tag::kPron && w.a.conj == "و";
  return t == Tag::kSub || t == Tag::kCond || t == Tag::kRel || t == Tag::kConj || t == Tag::kInna || circumstantial;
}

// The word as normalized, without the conjunction its analysis split off:
// والذي → الذي. A view of the word itself.
std::string_view WithoutConjunction(const Word& w) { return std::string_view(w.norm).substr(w.a.conj.size()); }

bool IsStop(const Word& w) {
  const std::string& t = w.token->text;
  return w.token->kind == Token::kPunct &&
         (t == "."sv || t == "؟"sv || t == "?"sv || t == "!"sv || t == "؛"sv || t == ";"sv);
}

// The clause patterns, in the order they are tried. First the readings of
// a verb's subject (ClauseFinder::ReadSubject), then what a verbal clause
// adds, then clauses without a verb.
constexpr clause::Pattern kBoundByModal{"bound-by-modal", "يجب على الحكومة أن تدعم المصانع الصغيرة.",
                                        "الحكومة | يجب أن تدعم | المصانع الصغيرة", 0.7};
constexpr clause::Pattern kResumptivePreposition{
    "resumptive-preposition", "رحب الناس بالإصلاحات التي وعدت بها الحكومة.", "الحكومة | وعدت ب | الإصلاحات", 0.7};
constexpr clause::Pattern kUnmarkedRelativeObject{
    "unmarked-relative-object", "نشرت الصحيفة صورا التقطها مصور محلي.", "مصور محلي | التقط | صورا", 0.55};
constexpr clause::Pattern kFrontedObject{"fronted-object", "القرارات الجديدة تدعمها الحكومة.", "الحكومة | تدعم | القرارات الجديدة", 0.65};
constexpr clause::Pattern kUnmarkedRelativeSubject{
    "unmarked-relative-subject", "وصل الوزير في زيارة رسمية تستغرق يومين.", "زيارة رسمية | تستغرق | يومين", 0.6};
constexpr clause::Pattern kRelativeObject{"relative-object", "انتقد الوزير الخطة التي وضعتها الحكومة.", "الحكومة | وضعت | الخطة", 0.75};
constexpr clause::Pattern kRelativeOwnSubject{
    "relative-own-subject", "التقى الرئيس بالكاتب الذي صدرت روايته في القاهرة.", "روايته | صدرت في | القاهرة", 0.7};
constexpr clause::Pattern kPronounTopic{"pronoun-topic", "قالت الوزارة إنها تلقت طلبات.", "الوزارة | تلقت | طلبات", 0.65};
constexpr clause::Pattern kSubjectVerb{"subject-verb", "الحكومة رفضت المطالب.", "الحكومة | رفضت | المطالب", 0.8};
constexpr clause::Pattern kRelativeSubject{"relative-subject", "التقى الرئيس الوزير الذي يقود الحملة.", "الوزير | يقود | الحملة", 0.7};
constexpr clause::Pattern kCoordinatedVerb{"coordinated-verb", "زار الوزير بغداد وافتتح المعرض.", "الوزير | افتتح | المعرض", 0.65};
constexpr clause::Pattern kSubjectBeforeInsertion{"subject-before-insertion", "الوزير، الذي وصل أمس، التقى السفير.",
                                                  "الوزير | التقى | السفير", 0.7};
constexpr clause::Pattern kVerbSubject{"verb-subject", "رفضت الحكومة المطالب.", "الحكومة | رفضت | المطالب", 0.75};
constexpr clause::Pattern kTopicSubject{
    "topic-subject", "كازاخستان الغنية بالنفط، التي كانت مستقرة، لم تعتد على الاحتجاجات.",
    "كازاخستان الغنية | لم تعتد على | الاحتجاجات", 0.6};
constexpr clause::Pattern kSpeakerGoesOn{"speaker-goes-on", "قال الوزير إن الاتفاق قريب. وأضاف أن الحوار مستمر.",
                                         "الوزير | أضاف | أن الحوار مستمر", 0.5};
constexpr clause::Pattern kSpeechAddressee{"speech-addressee", "أخبر الوزير الصحفيين أن الاتفاق قريب.", "الوزير | أخبر | الصحفيين", 0.65};
constexpr clause::Pattern kNamedSpeaker{"named-speaker", "قال خبير الطاقة سامر الخطيب إن الأسعار سترتفع.",
                                        "سامر الخطيب | هو | خبير الطاقة", 0.7};
constexpr clause::Pattern kSpeakerParticiple{"speaker-participle", "قال الوزير إن الخطة جاهزة، مضيفا أن التنفيذ يبدأ غدا.",
                                             "الوزير | مضيفا | أن التنفيذ يبدأ غدا", 0.65};
constexpr clause::Pattern kRoleBeforeName{"role-before-name", "قال المدير الفني للمنتخب أحمد علي إن الفريق جاهز.",
                                          "أحمد علي | هو | المدير الفني للمنتخب", 0.7};
constexpr clause::Pattern kSaying{"saying", "نقلت الصحيفة عن الوزير قوله إن الاتفاق قريب.", "الوزير | قال | إن الاتفاق قريب", 0.6};
constexpr clause::Pattern kReportedComplement{"reported-complement", "قال الوزير إن الاتفاق قريب.", "الوزير | قال | إن الاتفاق قريب", 0.7};
constexpr clause::Pattern kNounReadAsVerb{"noun-read-as-verb", "شكل السيارات الجديدة مختلف.", "شكل السيارات الجديدة | هو | مختلف", 0.5};
constexpr clause::Pattern kTitledName{"titled-name", "التقى الرئيس عبد الفتاح السيسي بالوفد.", "عبد الفتاح السيسي | هو | الرئيس", 0.85};
constexpr clause::Pattern kOtherName{"other-name", "أعلنت وكالة الطاقة الدولية (إيا) خطة جديدة.", "وكالة الطاقة الدولية | هي | إيا", 0.6};
constexpr clause::Pattern kCommaApposition{
    "comma-apposition", "قال أحمد سعيد، المتحدث باسم الوزارة، إن الاتفاق قريب.",
    "أحمد سعيد | هو | المتحدث باسم الوزارة", 0.55};
constexpr clause::Pattern kTitleApposition{"title-apposition", "لم يسجل أحمد علي نجم الفريق أي هدف.",
                                           "أحمد علي | هو | نجم الفريق", 0.7};
constexpr clause::Pattern kAdjectiveComplement{"adjective-complement", "قطر الغنية بالغاز وقعت الاتفاق.", "قطر | الغنية ب | الغاز", 0.5};
constexpr clause::Pattern kPronounCopula{"pronoun-copula", "الاتفاق هو الحل الوحيد.", "الاتفاق | هو | الحل الوحيد", 0.55};
constexpr clause::Pattern kNegatedPredicate{"negated-predicate", "القرار غير مقبول.", "القرار | غير | مقبول", 0.55};
constexpr clause::Pattern kLaysa{"laysa", "الوزير ليس عضوا في الحزب.", "الوزير | ليس | عضوا في الحزب", 0.55};
constexpr clause::Pattern kPossession{"possession", "الحكومة لديها خطة جديدة.", "الحكومة | لديها | خطة جديدة", 0.55};
constexpr clause::Pattern kPredicateAfterPhrases{"predicate-after-phrases", "التعاون بين الحكومة والبرلمان خطوة مهمة.",
    "التعاون بين الحكومة والبرلمان | هو | خطوة مهمة", 0.55};
constexpr clause::Pattern kBarePredicate{"bare-predicate", "الوضع خطير.", "الوضع | هو | خطير", 0.55};

constexpr const clause::Pattern* kPatterns[] = {
    &kBoundByModal, &kResumptivePreposition, &kUnmarkedRelativeObject, &kFrontedObject, &kUnmarkedRelativeSubject, &kRelativeObject,
    &kRelativeOwnSubject, &kPronounTopic, &kSubjectVerb, &kRelativeSubject, &kCoordinatedVerb, &kSubjectBeforeInsertion, &kVerbSubject, &kTopicSubject,
    &kSpeakerGoesOn, &kSpeechAddressee, &kNamedSpeaker, &kRoleBeforeName, &kReportedComplement, &kSaying, &kSpeakerParticiple, &kNounReadAsVerb, &kTitledName, &kOtherName, &kCommaApposition, &kTitleApposition,
    &kAdjectiveComplement, &kPronounCopula, &kNegatedPredicate, &kLaysa, &kPossession, &kPredicateAfterPhrases,
    &kBarePredicate,
};

// A place or time phrase taken for the verb's argument before its direct
// object (شهدت كازاخستان في مطلع يناير احتجاجات) is less sure than the object.
constexpr double kAdjunctDoubt = 0.1;

class ClauseFinder {
 public:
  ClauseFinder(const Lexicon& lex, const std::vector<Word>& ws, const std::vector<NounPhrase>& nps,
               Discourse::Sentence* state)
      : lex_(lex), ws_(ws), state_(*state), nps_(nps), phrase_at_(ws.size(), -1), phrase_of_(ws.size(), -1) {
    out_.reserve(nps.size());  // room for a clause a phrase: growing the list copied every clause
    for (size_t k = 0; k < nps.size(); ++k) {
      phrase_at_[nps[k].begin] = k;
      for (int i = nps[k].begin; i < nps[k].end; ++i) phrase_of_[i] = k;
    }
  }

  std::vector<Clause> Run() {
    for (size_t v = 0; v < ws_.size(); ++v) {
      if (ws_[v].tag() == Tag::kVerb) Verbal(v);
    }
    Appositions();
    AdjectiveComplements();
    Nominal();
    Sayings();
    ApplySentenceModality();
    return std::move(out_);
  }

 private:
  const Verb& VerbOf(int v) const { return lex_.verb(ws_[v].a.verb.verb); }

  // Conjuncts of a phrase: it and the phrases that continue it with و.
  std::vector<int> Conjuncts(int k) const {
    std::vector<int> out = {k};
    while (k + 1 < static_cast<int>(nps_.size()) && nps_[k + 1].coordinated && nps_[k + 1].begin == nps_[k].end &&
           nps_[k + 1].prep.empty()) {
      out.push_back(++k);
    }
    return out;
  }

  int LastConjunctEnd(int k) const { return nps_[Conjuncts(k).back()].end; }

  // يهدد بشكل مباشر بوتين: a manner phrase (بشكل/بصورة/بطريقة + adjective,
  // or غير and an adjective) at `at` joins the relation when a phrase follows
  // it; returns where the arguments go on.
  int SkipManner(int at, int limit, Clause* t) const {
    if (at + 1 >= static_cast<int>(ws_.size()) || phrase_at_[at] < 0 || !MannerNoun(ws_[at])) return at;
    const int end = nps_[phrase_at_[at]].end;
    if (end - at < 2 || ws_[end - 1].tag() != Tag::kAdj || DirectPhraseAfter(end, limit, true, nullptr) < 0) return at;
    for (int k = at; k < end; ++k) t->relation.push_back(k);
    return end;
  }

  // للمقايضة: ل with a verbal noun gives a purpose, not a part of the phrase.
  bool Purpose(int i) const {
    return i < static_cast<int>(ws_.size()) && ws_[i].a.prep == "ل" && ws_[i].tag() == Tag::kMasdar;
  }

  // The phrase that ends at `end`, or -1.
  int PhraseEndingAt(int end) const {
    return end > 0 && phrase_of_[end - 1] >= 0 && nps_[phrase_of_[end - 1]].end == end ? phrase_of_[end - 1] : -1;
  }

  bool CanBeNoun(int i) const {
    for (const Analysis& r : ws_[i].readings) {
      if (r.tag == Tag::kNoun || r.tag == Tag::kMasdar) return true;
    }
    return false;
  }

  // A present verb without conjunction or pronoun right after an indefinite
  // noun phrase, agreeing with its head in gender, describes that phrase.
  bool DescribesPhraseBefore(int v, int before) const {
    if (before < 0 || nps_[before].definite || nps_[before].end != v) return false;
    const Analysis& verb = ws_[v].a;
    const Analysis& head = ws_[nps_[before].begin].a;
    // A perfect, too, after a phrase a preposition governs, which is no
    // subject of its own: في عملية خاطفة أوقعت عشرات القتلى.
    const bool tense = verb.verb.present || !nps_[before].prep.empty();
    return tense && verb.suffix.empty() && verb.conj.empty() && verb.prep.empty() && !verb.future &&
           (head.tag == Tag::kNoun || head.tag == Tag::kMasdar) && head.suffix.empty() &&
           head.noun.feminine == verb.verb.feminine;
  }

  // Whether the prepositional phrase at `i` says when, not what: عشية قمته.
  bool Temporal(int i) const {
    static const char* const kWhen[] = {"قبل", "بعد", "خلال", "منذ", "حتي", "عشيه", "اثناء", "طوال", "عند"};
    if (i >= static_cast<int>(ws_.size())) return false;
    const std::string& w = ws_[i].a.stem;
    return std::any_of(std::begin(kWhen), std::end(kWhen), [&](const char* t) { return w == t; });
  }

  // The phrase governed by no preposition that starts at or after `from`,
  // before `limit`; -1 if a verb or boundary comes first.
  // A phrase of time words alone, with no preposition, says when, not who
  // or what: أعلن الجيش الثلاثاء ..., التقى الوزير مساء الخميس, الأسبوع الماضي.
  // A time word heading something else (يوم الأرض) is a thing.
  bool IsTimeAdverbial(const NounPhrase& np) const {
    // هذا الأسبوع: a demonstrative before the time word points at it.
    const int head = ws_[np.begin].tag() == Tag::kDem && np.begin + 1 < np.end ? np.begin + 1 : np.begin;
    if (!np.prep.empty() || ws_[head].tag() != Tag::kTime || !ws_[np.begin].a.prep.empty()) return false;
    for (int i = head + 1; i < np.end; ++i) {
      if (ws_[i].tag() != Tag::kTime && ws_[i].tag() != Tag::kAdj) return false;
    }
    return true;
  }

  int DirectPhraseAfter(int from, int limit, bool allow_prep, int* prep_word) const {
    for (int i = from; i < limit; ++i) {
      if (const int past = PastTimeBetweenCommas(i); past > i) {
        i = past - 1;
        continue;
      }
      if (phrase_at_[i] >= 0 && IsTimeAdverbial(nps_[phrase_at_[i]]) && !nps_[phrase_at_[i]].coordinated) {
        i = nps_[phrase_at_[i]].end - 1;
        continue;
      }
      if (phrase_at_[i] >= 0) {
        const NounPhrase& np = nps_[phrase_at_[i]];
        if (np.coordinated && i != from) return -1;
        if (!np.prep.empty() && !allow_prep) return -1;
        if (!np.prep.empty() && prep_word) *prep_word = ws_[i].a.prep.empty() ? i - 1 : -1;
        return phrase_at_[i];
      }
      const Tag t = ws_[i].tag();
      if (t == Tag::kPrep && allow_prep && ws_[i].a.suffix.empty()) continue;
      if (t == Tag::kAdv || t == Tag::kTime) continue;
      return -1;
    }
    return -1;
  }

  // معاناة المستهلكين، الذين يشتكون: a relative pronoun agrees with what it
  // describes, so when the head of an idafa cannot be that (suffering is no
  // "who" in the plural) and a noun of the chain can, the antecedent is the
  // chain from that noun: the consumers. Also رئيس الشركة التي تأسست (the
  // company), قضية عبد الله السعيد الذي (the man). Returns the phrase.
  enum class Agreement { kMasculine, kFeminine, kMasculinePlural, kAny };
  static Agreement AgreementOf(const Word& rel) {
    const std::string_view pronoun = WithoutConjunction(rel);
    return pronoun == "الذي"    ? Agreement::kMasculine
           : pronoun == "التي"  ? Agreement::kFeminine
           : pronoun == "الذين" ? Agreement::kMasculinePlural
                                : Agreement::kAny;
  }
  static bool Agrees(Agreement wanted, const Word& w) {
    const bool plural = w.a.noun.plural || w.a.noun.nun_suffix;
    const bool person = w.entity && w.entity->kind == "PER";
    switch (wanted) {
      case Agreement::kMasculine: return person || (!Feminine(w) && !plural);
      case Agreement::kFeminine: return !person && (Feminine(w) || (plural && !w.a.noun.nun_suffix));
      case Agreement::kMasculinePlural: return plural && !Feminine(w);
      case Agreement::kAny: return true;
    }
    return true;
  }

  int AgreeingAntecedent(const Word& rel, int phrase) {
    const Agreement wanted = AgreementOf(rel);
    auto agrees = [&](const Word& w) { return Agrees(wanted, w); };
    const NounPhrase& p = nps_[phrase];
    const Word& head = ws_[p.begin];
    if (head.entity || agrees(head) || !(head.tag() == Tag::kNoun || head.tag() == Tag::kMasdar)) return phrase;
    for (int k = p.begin + 1; k < p.end; ++k) {
      const Word& w = ws_[k];
      const bool starts_noun = (w.entity && w.name_begin == k) ||
                               (!w.entity && (w.tag() == Tag::kNoun || w.tag() == Tag::kMasdar));
      // Broken plurals the lexicon does not list (السكان) may be "who" too.
      const bool may_agree = agrees(w) || (wanted == Agreement::kMasculinePlural && !Feminine(w));
      if (!starts_noun || !w.a.conj.empty() || !may_agree) continue;
      NounPhrase chain = p;
      chain.begin = k;
      chain.prep.clear();
      chain.coordinated = false;
      chain.name_begin = p.name_begin >= k ? p.name_begin : -1;
      nps_.push_back(chain);
      return nps_.size() - 1;
    }
    return phrase;
  }

  // The last word of the phrase a relative pronoun at `rel` refers to,
  // across a comma and the prepositional phrases that describe it
  // (كازاخستان الغنية بالنفط والغاز، التي كانت ...), or -1.
  int AntecedentEnd(int rel) const {
    // الخطأ الذي ارتكبه الحارس والذي استغله المهاجم: a relative clause
    // joined to one before describes what that one does.
    constexpr int kMostWordsBetweenRelatives = 15;
    if (!ws_[rel].a.conj.empty()) {
      const std::string_view pronoun = WithoutConjunction(ws_[rel]);
      for (int k = rel - 1; k > 0 && rel - k <= kMostWordsBetweenRelatives; --k) {
        if (ws_[k].tag() == Tag::kRel && ws_[k].a.conj.empty() && ws_[k].norm == pronoun) return AntecedentEnd(k);
        if (IsStop(ws_[k])) break;
      }
    }
    int k = rel - 1;
    bool set_off = Comma(k);
    if (set_off) --k;
    // مجلس العقارات في أونتاريو (ريكو) والذي ينظم: past another name in
    // parentheses, which sets the clause off as a comma does.
    constexpr int kLongestParenthesis = 8;
    if (k > 0 && ws_[k].token->text == ")") {
      int open = k - 1;
      while (open > 0 && k - open <= kLongestParenthesis && ws_[open].token->text != "(") --open;
      if (ws_[open].token->text == "(") {
        k = open - 1;
        set_off = true;
      }
    }
    if (k < 0 || phrase_of_[k] < 0) return -1;
    int p = phrase_of_[k];
    // Without a comma the clause describes the nearest noun.
    while (set_off) {
      while (p > 0 && nps_[p].coordinated && nps_[p - 1].end == nps_[p].begin) --p;
      if (nps_[p].prep.empty() || p == 0 || nps_[p - 1].pp_end != nps_[p].end) break;
      // A name is what a clause after it describes: نبأ إعدامها على يد
      // تنظيم داعش، الذي أرسل صورة (the group sent it).
      const NounPhrase& described = nps_[p];
      if (std::any_of(ws_.begin() + described.begin, ws_.begin() + described.end, [](const Word& w) { return w.entity; })) {
        break;
      }
      // After a verb's subject the phrase is the verb's, not the subject's:
      // عجت المواقع بالتعليقات، التي لم تكن إيجابية.
      const int before = nps_[p - 1].begin - 1;
      if (before >= 0 && ws_[before].tag() == Tag::kVerb) break;
      // The phrase the pronoun agrees with, when the one it describes does
      // not: دعمه السياسي والمادي لمجموعة دول الساحل، التي تهدف.
      const Agreement wanted = AgreementOf(ws_[rel]);
      int head = p - 1;
      while (head > 0 && nps_[head].coordinated && nps_[head - 1].end == nps_[head].begin) --head;
      if (Agrees(wanted, ws_[nps_[p].begin]) && !Agrees(wanted, ws_[nps_[head].begin])) break;
      --p;
    }
    return nps_[p].end - 1;
  }

  // The phrase before a comma right before the verb at `first`, when إن or
  // أن opens it (وذكرت الوكالة أن الشرطة، اعتقلت), or -1.
  int SubjectBeforeComma(int first) const {
    if (first < 3 || !Comma(first - 1) || phrase_of_[first - 2] < 0) return -1;
    int k = phrase_of_[first - 2];
    while (k > 0 && nps_[k].coordinated && nps_[k - 1].end == nps_[k].begin) --k;
    const NounPhrase& p = nps_[k];
    if (!p.prep.empty() || p.end != first - 1 || p.begin == 0) return -1;
    const Word& particle = ws_[p.begin - 1];
    const bool opened = particle.a.suffix.empty() &&
                        (particle.tag() == Tag::kInna || (particle.tag() == Tag::kSub && particle.a.stem == "ان"));
    return opened ? k : -1;
  }

  // The phrase opening a clause that a relative clause of one verb, ending
  // right before the word at `first`, describes; or -1.
  int SubjectBeforeRelativeClause(int first) const {
    constexpr int kMaxRelativeClauseWords = 8;
    int verbs = 0;
    for (int k = first - 1; k >= 0 && first - k <= kMaxRelativeClauseWords; --k) {
      const Word& w = ws_[k];
      if (w.tag() == Tag::kRel) {
        const int end = verbs == 1 ? AntecedentEnd(k) : -1;
        if (end < 0 || end != k - 1) return -1;
        const int p = phrase_of_[end];
        const NounPhrase& a = nps_[p];
        const bool opens = a.begin == 0 || ws_[a.begin - 1].token->kind == Token::kPunct || IsBoundary(ws_[a.begin - 1]) ||
                           !ws_[a.begin].a.conj.empty();
        return a.prep.empty() && a.definite && !a.coordinated && opens ? p : -1;
      }
      if (w.token->kind == Token::kPunct || IsBoundary(w)) return -1;
      if (w.tag() == Tag::kVerb) ++verbs;
    }
    return -1;
  }

  // What is said runs from word k to *end, and the report to *text_end.
  // Both end where the writer's words go on: at a closing quotation mark
  // when it opened with one (قال: "..." ثم), at a comma before a
  // coordinated verb (، وأضاف), before a participle in the accusative that
  // describes the speaker (، واضعا حدا) or before another speaker set
  // against this one (، لكن المعارضة أكدت), or at a subordinator of
  // contrast before a verb (فيما توقعت الأرصاد). A participle of speech after a comma
  // (، مضيفا أن) ends what is said, but the speaker goes on.
  void ComplementEnds(int k, bool quoted, int* end, int* text_end) const {
    const int n = std::min<int>(ws_.size(), k + kMaxComplementTokens);
    *end = *text_end = n;
    for (int i = k; i + 1 < n; ++i) {
      if (quoted && ClosesQuote(ws_[i])) {
        *end = std::min(*end, i + 1);
        // "..." مشيرا إلى أن: the speaker goes on.
        if (SpeakerParticiple(i + 1)) continue;
        *text_end = i + 1;
        return;
      }
      const Word& next = ws_[i + 1];
      const Word* after = i + 2 < static_cast<int>(ws_.size()) ? &ws_[i + 2] : nullptr;
      const bool comma = Comma(i);
      const bool contrast = i > k && ws_[i].tag() == Tag::kSub && (ws_[i].a.stem == "فيما" || ws_[i].a.stem == "بينما") &&
                            next.tag() == Tag::kVerb;
      const bool describes_speaker = comma && next.a.conj.empty() && next.tag() != Tag::kVerb &&
                                     next.tag() != Tag::kAdv && (Accusative(next) || AlefAccusative(next, after));
      if ((comma && next.tag() == Tag::kVerb && !next.a.conj.empty()) || contrast || describes_speaker ||
          (comma && AnotherSpeakerAfter(i + 1))) {
        *end = std::min(*end, i);
        *text_end = i;
        return;
      }
      if (SpeakerParticiple(i + 1)) *end = std::min(*end, i);
    }
  }

  // ، لكن المعارضة أكدت أن …, ، في حين قالت المعارضة إن …: at word i a
  // word of contrast, then within a few words a speech verb in the third
  // person: another speaker, in the writer's words.
  bool AnotherSpeakerAfter(int i) const {
    constexpr int kMostWordsToVerb = 4;
    const int n = ws_.size();
    if (i >= n) return false;
    int k = i + 1;
    const std::string_view opener = WithoutConjunction(ws_[i]);
    if (opener == "في" && k < n && ws_[k].norm == "حين") {
      ++k;
    } else if (opener != "لكن" && opener != "بينما" && opener != "فيما") {
      return false;
    }
    for (int end = std::min(n, k + kMostWordsToVerb); k < end; ++k) {
      const Word& w = ws_[k];
      if (w.token->kind == Token::kPunct || w.tag() == Tag::kSub || w.tag() == Tag::kInna) return false;
      if (w.tag() == Tag::kVerb) return VerbOf(k).speech && !w.a.verb.first_person;
    }
    return false;
  }

  // قال لـ"سكاي نيوز عربية"، إن …: a few words in quotation marks opening
  // at `open`, then إن, أن or a colon (past a comma), name whom the speaker
  // tells or where; they are not what is said. Returns the closing mark,
  // or -1.
  int QuotedNameEnd(int open) const {
    constexpr int kMostNameWords = 6;
    const int n = ws_.size();
    for (int k = open + 1; k < n && k <= open + kMostNameWords + 1; ++k) {
      if (!ClosesQuote(ws_[k])) continue;
      int next = k + 1;
      if (next < n && Comma(next)) ++next;
      const bool opens_complement = next < n && (ws_[next].tag() == Tag::kInna || ws_[next].token->text == ":" ||
                                                 (ws_[next].tag() == Tag::kSub && ws_[next].a.stem == "ان"));
      return opens_complement ? k : -1;
    }
    return -1;
  }

  // مضيفا, مشيرا, ومؤكدا after a comma or a closing quotation mark: the speaker
  // goes on in a clause of his own, which is no verb's complement before it.
  bool SpeakerParticiple(int i) const {
    if (i < 1 || ws_[i].tag() != Tag::kAdv || !lex_.SpeechParticiple(ws_[i].a.stem)) return false;
    return Comma(i - 1) || ClosesQuote(ws_[i - 1]);
  }

  // The words of a complement clause that opens at *k, past a colon and
  // opening quotes: [*k, *end) without its closing punctuation; its text
  // runs to *text_end. False when it has no words.
  bool ComplementSpan(int* k, int* end, int* text_end) const {
    const int n = ws_.size();
    if (*k < n && ws_[*k].token->text == ":") ++*k;
    bool quoted = false;
    for (; *k < n && ws_[*k].token->kind == Token::kPunct; ++*k) quoted = quoted || OpensQuote(ws_[*k]);
    ComplementEnds(*k, quoted, end, text_end);
    while (*end > *k && ws_[*end - 1].token->kind == Token::kPunct) --*end;
    return *end > *k;
  }

  // A negated adjectival predicate at `i`: غير + adjective, then perhaps a
  // prepositional object (غير مسبوقة في الولايات المتحدة). Adds its words to
  // the relation and returns the object phrase, or -1 when there is none
  // (then `*adjective` is the bare predicate's phrase).
  int NegatedPredicate(int i, Clause* t, int* adjective) const {
    const int n = ws_.size();
    *adjective = -1;
    if (i >= n || ws_[i].norm != "غير" || !ws_[i].a.suffix.empty()) return -1;
    t->negated = true;
    t->relation.push_back(i);
    if (i + 1 < n && phrase_at_[i + 1] >= 0) *adjective = phrase_at_[i + 1];
    int j = i + 1;
    if (j < n && (ws_[j].tag() == Tag::kAdj || ws_[j].tag() == Tag::kNoun || ws_[j].tag() == Tag::kMasdar)) {
      t->relation.push_back(j++);
    }
    if (j < n && phrase_at_[j] >= 0 && !nps_[phrase_at_[j]].prep.empty()) {
      if (ws_[j].a.prep.empty()) return -1;
      t->relation_extra = ws_[j].a.prep;
      return phrase_at_[j];
    }
    if (j + 1 < n && ws_[j].tag() == Tag::kPrep && ws_[j].a.suffix.empty() && phrase_at_[j + 1] >= 0) {
      t->relation.push_back(j);
      return phrase_at_[j + 1];
    }
    return -1;
  }

  int RightLimit(int v) const {
    int i = v + 1;
    for (; i < static_cast<int>(ws_.size()); ++i) {
      const Word& w = ws_[i];
      // غير inside a phrase negates its adjective (بشكل غير مباشر), not the clause.
      const bool inside_phrase = phrase_of_[i] >= 0 && nps_[phrase_of_[i]].begin < i;
      if (w.tag() == Tag::kVerb || IsStop(w) || w.tag() == Tag::kSub || w.tag() == Tag::kRel ||
          w.tag() == Tag::kCond || (w.tag() == Tag::kNeg && !inside_phrase) || w.tag() == Tag::kModal) {
        break;
      }
      if (const int past = PastTimeBetweenCommas(i); past > i) {
        i = past - 1;
        continue;
      }
      if (w.token->kind == Token::kPunct && (w.token->text == "،" || w.token->text == "," || w.token->text == ":")) break;
    }
    return i;
  }

  bool Comma(int k) const {
    return k >= 0 && k < static_cast<int>(ws_.size()) && (ws_[k].token->text == "،"sv || ws_[k].token->text == ","sv);
  }

  // شنت الولايات المتحدة، السبت، ضربات: when a comma at word i opens a time
  // set off by commas (، السبت،  ، يوم الجمعة،  ، مساء أمس،), where the clause
  // goes on past the second comma; else -1.
  int PastTimeBetweenCommas(int i) const {
    constexpr int kMaxTimeWords = 4;
    if (!Comma(i)) return -1;
    bool time = false;
    int k = i + 1;
    for (; k < static_cast<int>(ws_.size()) && k <= i + kMaxTimeWords && !Comma(k); ++k) {
      const Tag tag = ws_[k].tag();
      if (!ws_[k].a.conj.empty() || !ws_[k].a.prep.empty()) return -1;
      if (tag == Tag::kTime || tag == Tag::kAdv) {
        time = true;
      } else if (tag != Tag::kNumber && tag != Tag::kNum && tag != Tag::kAdj && !(k == i + 1 && tag == Tag::kNoun)) {
        return -1;  // a noun may open it: يوم الجمعة
      }
    }
    return time && Comma(k) && k > i + 1 ? k + 1 : -1;
  }

  // What the patterns that read a verb's subject look at.
  struct VerbSite {
    int v = -1;
    int first = -1;   // the first word of the verb group (لم, قد, كان …)
    int after = -1;   // the first word after the verb group
    int limit = -1;   // where the clause ends on the right
    int subject_left = -1;  // the phrase before the verb that may be its subject
    int before = -1;  // the phrase right before the verb
    int next_phrase = -1;  // the first bare phrase after the verb
    int antecedent = -1;   // what a pronoun on the verb or its preposition stands for
    bool relative = false;       // the verb opens a relative clause (التي, الذي)
    bool starts_clause = false;  // after و, ف or the ل of purpose
    bool third_person = false;   // a preposition with a third-person pronoun follows the verb
    bool embedded = false;       // a definite phrase inside another clause is right before the verb
    int bound = -1;  // the phrase an impersonal modal binds with على (يجب على الحكومة أن)
  };

  // A pattern's reading of who does what: phrase indices, or -1.
  struct Reading {
    const clause::Pattern* pattern = nullptr;
    int subject = -1, object = -1, resumptive = -1;
    bool inherited = false;
  };

  // The subject (and for some shapes the object) of the verb: the first
  // pattern of the table that matches decides; when it leaves the subject
  // open (a relative clause whose subject is not after its verb), the
  // patterns marked `when_open` are tried after it, in order.
  Reading ReadSubject(const VerbSite& site) const {
    using Match = bool (ClauseFinder::*)(const VerbSite&, Reading*) const;
    struct Rule {
      const clause::Pattern& pattern;
      Match match;
      bool when_open;
    };
    static constexpr Rule kRules[] = {
        {kBoundByModal, &ClauseFinder::BoundByModal, false},
        {kResumptivePreposition, &ClauseFinder::ResumptivePreposition, false},
        {kUnmarkedRelativeObject, &ClauseFinder::UnmarkedRelativeObject, false},
        {kFrontedObject, &ClauseFinder::FrontedObject, false},
        {kUnmarkedRelativeSubject, &ClauseFinder::UnmarkedRelativeSubject, false},
        {kRelativeObject, &ClauseFinder::RelativeObject, false},
        {kRelativeOwnSubject, &ClauseFinder::RelativeOwnSubject, false},
        {kPronounTopic, &ClauseFinder::PronounTopic, false},
        {kSubjectVerb, &ClauseFinder::SubjectVerb, false},
        {kRelativeSubject, &ClauseFinder::RelativeSubject, false},
        {kCoordinatedVerb, &ClauseFinder::CoordinatedVerb, false},
        {kSubjectBeforeInsertion, &ClauseFinder::SubjectBeforeInsertion, false},
        {kVerbSubject, &ClauseFinder::VerbSubject, true},
        {kTopicSubject, &ClauseFinder::TopicSubject, true},
    };
    Reading reading;
    bool decided = false;
    for (const Rule& rule : kRules) {
      if (reading.subject >= 0 || (decided && !rule.when_open)) continue;
      Reading r = reading;
      if ((this->*rule.match)(site, &r)) {
        r.pattern = &rule.pattern;
        reading = r;
        decided = true;
      }
    }
    return reading;
  }

  bool BoundByModal(const VerbSite& s, Reading* r) const {
    r->subject = s.bound;
    return s.bound >= 0;
  }

  // The impersonal modal (يمكن, يجب, ينبغي, يتعين, لابد) before أن that
  // precedes word `first`, perhaps with على and a phrase between (يجب على
  // الحكومة أن), or -1; `*bound` is that phrase, or -1.
  int ImpersonalModalBefore(int first, int* bound) const {
    static const char* const kModals[] = {"يمكن", "يجب", "ينبغي", "يتعين", "يتوجب", "لابد"};
    *bound = -1;
    const int an = first - 1;
    if (an < 1) return -1;
    // أن before a verb, whichever reading the tagger gave it.
    const bool subordinator = ws_[an].tag() == Tag::kSub || ws_[an].tag() == Tag::kInna;
    if (!subordinator || ws_[an].a.stem != "ان" || !ws_[an].a.suffix.empty()) return -1;
    int modal = an - 1;
    const int phrase = phrase_of_[modal];
    if (phrase >= 0 && nps_[phrase].end == an && nps_[phrase].prep == "علي" && nps_[phrase].begin >= 2) {
      modal = nps_[phrase].begin - 2;
      *bound = phrase;
    }
    const std::string& word = ws_[modal].a.conj.empty() ? ws_[modal].norm : ws_[modal].a.stem;
    if (std::none_of(std::begin(kModals), std::end(kModals), [&](const char* m) { return word == m || ws_[modal].a.stem == m; })) {
      *bound = -1;
      return -1;
    }
    return modal;
  }

  // ومن المتوقع أن يحتشد الآلاف: what is expected or likely, before أن
  // that precedes word `first`, is no fact yet.
  bool ExpectedBefore(int first) const {
    static constexpr std::string_view kExpected[] = {"المتوقع", "المنتظر", "المرجح", "المحتمل", "الممكن"};
    const int an = first - 1;
    if (an < 2 || ws_[an].a.stem != "ان" || !ws_[an].a.suffix.empty() ||
        (ws_[an].tag() != Tag::kSub && ws_[an].tag() != Tag::kInna)) {
      return false;
    }
    const Word& from = ws_[an - 2];
    const std::string_view word = ws_[an - 1].norm;
    return WithoutConjunction(from) == "من" &&
           std::find(std::begin(kExpected), std::end(kExpected), word) != std::end(kExpected);
  }

  bool ResumptivePreposition(const VerbSite& s, Reading* r) const {
    if (!s.third_person || s.antecedent < 0 || s.next_phrase < 0 || ws_[nps_[s.next_phrase].begin].tag() == Tag::kTime) {
      return false;
    }
    r->subject = s.next_phrase;
    r->object = s.antecedent;
    r->resumptive = s.v + 1;
    return true;
  }

  bool UnmarkedRelativeObject(const VerbSite& s, Reading* r) const {
    if (s.relative || ws_[s.v].a.suffix.empty() || s.before < 0 || nps_[s.before].definite || s.next_phrase < 0) {
      return false;
    }
    // بنت الحكومة مدينة سمتها النور: a verb of naming goes on with the
    // sentence's subject, and the phrase after it is the name.
    if (VerbOf(s.v).naming) {
      if (state_.last_subject < 0) return false;
      r->subject = state_.last_subject;
      r->object = s.next_phrase;
      r->inherited = true;
      return true;
    }
    r->subject = s.next_phrase;
    r->object = s.before;
    r->resumptive = s.v;
    return true;
  }

  bool FrontedObject(const VerbSite& s, Reading* r) const {
    const bool fronted = s.subject_left >= 0 && s.before >= 0 && nps_[s.before].definite && nps_[s.subject_left].definite;
    if (s.relative || ws_[s.v].a.suffix.empty() || !fronted || s.next_phrase < 0) return false;
    r->subject = s.next_phrase;
    r->object = s.subject_left;
    r->resumptive = s.v;
    return true;
  }

  bool UnmarkedRelativeSubject(const VerbSite& s, Reading* r) const {
    if (!DescribesPhraseBefore(s.v, s.before)) return false;
    r->subject = s.before;
    r->inherited = true;
    return true;
  }

  // The antecedent is the object; the subject, if any, follows the verb.
  bool RelativeObject(const VerbSite& s, Reading* r) const {
    if (!s.relative || ws_[s.v].a.suffix.empty()) return false;
    r->subject = s.next_phrase;
    r->object = s.subject_left;
    r->resumptive = s.v;
    return true;
  }

  // A pronoun on the phrase after the verb points back to the antecedent,
  // which is then no argument.
  bool RelativeOwnSubject(const VerbSite& s, Reading* r) const {
    if (!s.relative || s.next_phrase < 0 || ws_[nps_[s.next_phrase].end - 1].a.suffix.empty()) return false;
    r->subject = s.next_phrase;
    return true;
  }

  // قالت الوزارة إنها تلقت طلبات: after إن or أن with a pronoun, a verb of
  // its gender and number has that pronoun as subject, which stands for the
  // subject before when that agrees (TopicAntecedent); the phrase after the
  // verb is its object.
  bool PronounTopic(const VerbSite& s, Reading* r) const {
    if (!TopicAntecedent(s)) return false;
    r->subject = state_.last_subject;
    r->inherited = true;
    return true;
  }

  // The pronoun after إن or أن that a verb right after it agrees with, or
  // none: ها with a feminine singular verb, ه with a masculine singular
  // one, هم with a masculine plural one.
  enum class Topic { kNone, kFeminine, kMasculine, kPlural };
  Topic PronounTopicOf(const VerbSite& s) const {
    if (s.first == 0) return Topic::kNone;
    const Word& particle = ws_[s.first - 1];
    if (particle.tag() != Tag::kInna && particle.tag() != Tag::kSub) return Topic::kNone;
    const Topic topic = particle.a.suffix == "ها" ? Topic::kFeminine
                        : particle.a.suffix == "ه" ? Topic::kMasculine
                        : particle.a.suffix == "هم" ? Topic::kPlural
                                                   : Topic::kNone;
    const bool agrees = std::all_of(ws_[s.v].readings.begin(), ws_[s.v].readings.end(), [&](const Analysis& a) {
      if (a.tag != Tag::kVerb || a.verb.first_person) return true;
      if (topic == Topic::kPlural) return a.verb.plural && !a.verb.feminine;
      return a.verb.feminine == (topic == Topic::kFeminine) && !a.verb.plural && !a.verb.dual;
    });
    return agrees ? topic : Topic::kNone;
  }

  // Whether the subject before is what the pronoun after إن or أن stands
  // for: ها for a feminine noun (in ة or NF), a place or an organization;
  // ه for a person (قال الوزير إنه سيزور); هم for a plural noun. أنه is
  // also the pronoun of the matter (أنه تم, أنه يجب): not before a verb of
  // either gender or a modal.
  bool TopicAntecedent(const VerbSite& s) const {
    const Topic topic = PronounTopicOf(s);
    if (topic == Topic::kNone || state_.last_subject < 0) return false;
    const NounPhrase& p = nps_[state_.last_subject];
    const Word& head = ws_[p.begin];
    switch (topic) {
      case Topic::kFeminine:
        return head.entity ? head.entity->kind == "LOC" || head.entity->kind == "ORG"
                           : head.a.noun.feminine && !head.a.noun.plural;
      case Topic::kMasculine:
        return !VerbOf(s.v).any_gender && !VerbOf(s.v).modal && (PersonName(p) || TitledPerson(p) ||
               (head.title && head.title->kind == "PER" && !head.a.noun.feminine));
      case Topic::kPlural:
        return !head.entity && head.a.noun.plural && !head.a.noun.feminine && head.tag() == Tag::kNoun;
      case Topic::kNone:
        return false;
    }
    return false;
  }

  bool SubjectVerb(const VerbSite& s, Reading* r) const {
    if (s.relative || s.subject_left < 0 || GenderClash(s.v, nps_[s.subject_left]) ||
        NumberClash(s.v, nps_[s.subject_left])) {
      return false;
    }
    r->subject = s.subject_left;
    return true;
  }

  bool RelativeSubject(const VerbSite& s, Reading* r) const {
    if (!s.relative) return false;
    r->subject = s.subject_left;
    return true;
  }

  // A coordinated verb shares the previous subject (past a reported
  // complement, the speaker's), unless the phrase after it is its own: a
  // person (وقال بوتين), the one phrase after a verb that takes no object
  // (وهرعت نساء إريتريات, ليبقى ريال مدريد), or the first of two (ليقتنص
  // ريال مدريد اللقب). A verb that says its subject itself (أتمنى, يمثلوا)
  // has none after it.
  // So does a verb after كما ("also"), بينما or فيما ("while") whose next
  // phrase cannot be its subject: كما رفعت السعر, بينما ألغت الاتفاق; and
  // one after كما whose next phrase is counted, which after a transitive
  // verb is what it acts on (كما استثمر 20 مليار دولار) when the subject
  // before agrees with the verb. After بينما and فيما a number is as a rule
  // the new subject (بينما قتل أربعة آخرون, فيما قال 30٪). (With no phrase
  // after it, the subject is as often a new one: read, 5 of 20.)
  bool CoordinatedVerb(const VerbSite& s, Reading* r) const {
    const bool speaker = s.v >= state_.reported_to && state_.speaker >= 0;
    if (!(s.starts_clause || GoesOnAfterLink(s)) || !(state_.last_subject >= 0 || speaker) || HasOwnSubject(s)) {
      return false;
    }
    int subject = speaker ? state_.speaker : state_.last_subject;
    const Analysis& verb = ws_[s.v].a;
    // وقال أوشاكوف إن القمة ستشمل محادثات، وستختتم بمؤتمر صحفي: a feminine
    // verb does not go on with one whose speech verb was masculine, but
    // with the subject of what was said, when that agrees.
    if (speaker && verb.tag == Tag::kVerb && verb.verb.feminine && !verb.verb.plural && !verb.verb.first_person &&
        !state_.speaker_feminine) {
      if (state_.last_subject < 0 || state_.last_subject == subject) return false;
      subject = state_.last_subject;
    }
    // A verb in the plural (وقاموا) does not go on with one thing or person.
    if (verb.verb.plural && !verb.verb.first_person && SingularNoun(nps_[subject])) return false;
    if (GenderClash(s.v, nps_[subject]) || NumberClash(s.v, nps_[subject])) return false;
    r->subject = subject;
    r->inherited = true;
    return true;
  }

  bool GoesOnAfterLink(const VerbSite& s) const {
    static constexpr std::string_view kLinks[] = {"كما", "بينما", "فيما"};
    if (s.first == 0 || s.next_phrase < 0) return false;
    const Word& link = ws_[s.first - 1];
    const bool linked = link.tag() == Tag::kSub && link.a.conj.empty() &&
                        std::find(std::begin(kLinks), std::end(kLinks), link.a.stem) != std::end(kLinks);
    return linked && (DisagreesInGender(s.v, s.next_phrase) || (link.a.stem == "كما" && CountedObject(s)));
  }

  // A number right after a verb that acts on an object: استثمر 20 مليار
  // دولار. Not a share of people, who say or think (يعتقد 90٪).
  bool CountedObject(const VerbSite& s) const {
    const Verb& verb = VerbOf(s.v);
    if (s.next_phrase < 0 || verb.intrans || verb.speech || verb.copula) return false;
    const NounPhrase& p = nps_[s.next_phrase];
    const Tag tag = ws_[p.begin].tag();
    return p.begin == s.v + 1 && p.prep.empty() && (tag == Tag::kNum || tag == Tag::kNumber);
  }

  // Whether a verb that could share an earlier subject has its own after it.
  bool HasOwnSubject(const VerbSite& s) const {
    const Word& verb = ws_[s.v];
    if (!verb.a.suffix.empty()) return true;
    const int next = s.next_phrase;
    if (next >= 0 && (DisagreesInGender(s.v, next) || GoesOnAfterLink(s))) return false;
    const bool person = next >= 0 && ws_[nps_[next].begin].entity && ws_[nps_[next].begin].entity->kind == "PER";
    const bool subject_in_verb = verb.a.verb.first_person || verb.a.verb.plural;
    return next >= 0 && (person || (!subject_in_verb && (VerbOf(s.v).intrans ||
                                                         DirectPhraseAfter(LastConjunctEnd(next), s.limit, false, nullptr) >= 0)));
  }


  // A verb agrees with its subject in gender: a masculine verb does not go
  // with a singular noun in ة (يتطلب إعادة تقييم), nor a feminine one with a
  // masculine sound plural (تشمل مسؤولين) or a singular the lexicon gives as
  // masculine (رفعت السعر). Names, numbers (أربعة), broken plurals (قادة)
  // and verbs of either gender (`any_gender`: تم تسمية) are left alone.
  bool GenderClash(int v, const NounPhrase& p) const {
    const Analysis& verb = ws_[v].a;
    const Word& head = ws_[p.begin];
    const Tag tag = head.tag();
    if (verb.tag != Tag::kVerb || (!verb.verb.first_person && (verb.verb.plural || verb.verb.dual)) || head.entity ||
        (tag != Tag::kNoun && tag != Tag::kMasdar && tag != Tag::kAdj)) {
      return false;
    }
    // تسبب is "he caused" and "she causes": only a gender every verb reading
    // has is the verb's. A reading in the first person (وجهت, "I directed")
    // has its subject in the verb, so the phrase is no subject there either.
    auto every_reading = [&](bool feminine) {
      return std::all_of(ws_[v].readings.begin(), ws_[v].readings.end(), [&](const Analysis& r) {
        return r.tag != Tag::kVerb || r.verb.first_person || r.verb.feminine == feminine;
      });
    };
    if (every_reading(false)) {
      return !VerbOf(v).any_gender && !head.a.noun.plural && EndsWithTaaMarbuta(head.token->text);
    }
    // A feminine perfect (رفعت السعر; a present may be a perfect of تفعل:
    // تجمد رصيد) does not go with a singular noun the lexicon gives as
    // masculine: one it lists plurals for (lemmas without are plurals and
    // collectives too: مياه, بلاد) and that is neither in ة nor marked
    // feminine (NF: حرب, فتوى). A title may name a woman (قالت وزير
    // الخارجية), and so may a phrase with a name.
    const std::string& word = head.a.stem;
    const bool perfect = std::none_of(ws_[v].readings.begin(), ws_[v].readings.end(),
                                      [](const Analysis& r) { return r.tag == Tag::kVerb && r.verb.present; });
    const bool masculine_singular = perfect && head.a.source == Source::kLexicon && head.a.conj.empty() &&
                                    (tag == Tag::kNoun || tag == Tag::kMasdar) && !head.a.noun.plural &&
                                    !head.a.noun.feminine && lex_.noun(head.a.noun.entry).has_plurals &&
                                    !head.title && p.name_begin < 0;
    // A plural in -ان is broken (نيران, جيران) as often as a dual.
    const bool sound_plural = head.a.noun.plural && head.a.noun.nun_suffix && !word.ends_with("ان");
    return every_reading(true) && !head.a.noun.feminine && (sound_plural || masculine_singular);
  }

  // A verb after its subject, or going on with one, agrees with it in
  // number too: a verb in the singular does not go with a masculine sound
  // plural before it (المحتجون ... ويطالب). (Before its subject a verb stays
  // singular: يطالب المحتجون.)
  bool NumberClash(int v, const NounPhrase& p) const {
    const Analysis& verb = ws_[v].a;
    const Word& head = ws_[p.begin];
    const bool singular_verb = std::all_of(ws_[v].readings.begin(), ws_[v].readings.end(), [](const Analysis& r) {
      return r.tag != Tag::kVerb || (!r.verb.plural && !r.verb.dual && !r.verb.first_person);
    });
    return verb.tag == Tag::kVerb && singular_verb && !head.entity && head.a.noun.plural && head.a.noun.nun_suffix &&
           !head.a.noun.feminine && (head.tag() == Tag::kNoun || head.tag() == Tag::kAdj);
  }

  // The phrase right after a verb that clashes with it in gender is its
  // object, not its subject.
  bool DisagreesInGender(int v, int phrase) const {
    return nps_[phrase].begin == v + 1 && nps_[phrase].prep.empty() && GenderClash(v, nps_[phrase]);
  }

  // ارتفعت الأسعار، مما دفع المواطنين إلى الاحتجاج: after مما, or ما after
  // a comma, the verb's subject is what happened before, and the phrase
  // after it is its object. (وهذا ما أكده الوزير: with its pronoun the verb
  // has its object, and the minister is its subject.)
  bool CausedByWhatBefore(const VerbSite& s) const {
    if (s.first == 0 || !ws_[s.v].a.suffix.empty()) return false;
    const Word& which = ws_[s.first - 1];
    return which.a.conj.empty() &&
           (which.norm == "مما" || (which.norm == "ما" && s.first >= 2 && Comma(s.first - 2)));
  }

  // شكل فرقاً: a phrase in the accusative after the verb is its object;
  // the subject is in the verb.
  bool VerbSubject(const VerbSite& s, Reading* r) const {
    const int head = s.next_phrase < 0 ? -1 : nps_[s.next_phrase].begin;
    // يأمل أن يكون جاهزا للمشاركة: a phrase in the accusative, with tanween
    // or alef, is no subject (a dual in construct, طرفا النزاع, is).
    const Word* genitive = head >= 0 && head + 1 < static_cast<int>(ws_.size()) && ws_[head + 1].a.prep.empty()
                               ? &ws_[head + 1]
                               : nullptr;
    const bool accusative = head >= 0 && (Accusative(ws_[head]) || AlefAccusative(ws_[head], genitive));
    // أعلن انسحابه من الاستثمار: a verbal noun with its pronoun right after a
    // verb that takes an object is that object, the doer's own act (after
    // تم it is what was done: تم اختيارهم).
    const Verb& entry = VerbOf(s.v);
    const bool own_act = head >= 0 && ws_[head].tag() == Tag::kMasdar && !ws_[head].a.suffix.empty() &&
                         !entry.intrans && !entry.any_gender && !entry.copula;
    if (s.embedded || s.next_phrase < 0 || accusative || own_act || CausedByWhatBefore(s) ||
        DisagreesInGender(s.v, s.next_phrase) || PronounTopicOf(s) == Topic::kFeminine) {
      return false;
    }
    r->subject = s.next_phrase;
    return true;
  }

  // الوزير، الذي وصل أمس، التقى السفير; ليلى، البالغة ثمانية أشهر، تعرضت
  // للغاز: a subject opening its clause, then a relative clause or an
  // adjective set off by commas, then its verb.
  bool SubjectBeforeInsertion(const VerbSite& s, Reading* r) const {
    constexpr int kMaxInsertionWords = 12;
    if (s.starts_clause || s.first < 3 || !Comma(s.first - 1)) return false;
    int open = -1;
    for (int k = s.first - 2; k > 0 && k >= s.first - 1 - kMaxInsertionWords; --k) {
      if (Comma(k)) {
        open = k;
        break;
      }
      if (ws_[k].token->kind == Token::kPunct) return false;
    }
    if (open < 0) return false;
    const Word& lead = ws_[open + 1];
    if (!lead.a.conj.empty() || !(lead.tag() == Tag::kRel || (lead.tag() == Tag::kAdj && lead.a.definite))) return false;
    const int subject = PhraseEndingAt(open);
    if (subject < 0 || !nps_[subject].prep.empty() || nps_[subject].coordinated || !OpensClause(nps_[subject].begin) ||
        GenderClash(s.v, nps_[subject]) || NumberClash(s.v, nps_[subject])) {
      return false;
    }
    r->subject = subject;
    return true;
  }

  // A long subject separated from its verb by a relative clause or a
  // comma: كازاخستان الغنية بالنفط، التي كانت ...، لم تعتد على ...
  bool TopicSubject(const VerbSite& s, Reading* r) const {
    if (s.embedded || s.starts_clause || state_.topic < 0 || s.first == 0 || s.next_phrase >= 0) return false;
    const std::string& comma = ws_[s.first - 1].token->text;
    if (comma != "،" && comma != ",") return false;
    r->subject = state_.topic;
    r->inherited = true;
    return true;
  }

  void Verbal(int v) {
    const Word& verb = ws_[v];
    const Verb& entry = VerbOf(v);
    Clause t;
    t.verb = v;
    // Particles before the verb belong to the relation: لم, لن, قد, سوف, هل, كان.
    int first = v;
    bool still = entry.still;  // لا تزال تمثل: "still" may be the auxiliary's
    while (first > 0) {
      const Word& p = ws_[first - 1];
      if (!p.a.conj.empty() && first != v) break;
      const Tag tag = p.tag();
      const bool auxiliary = tag == Tag::kVerb && lex_.verb(p.a.verb.verb).copula && verb.a.verb.present && first == v;
      if (auxiliary && lex_.verb(p.a.verb.verb).still) still = true;
      // ما before a verb is, in news, nearly always "what", "which" or
      // "when" (وهذا ما أكده الوزير, مما أدى إلى, بما في ذلك, لما وصل): it
      // belongs to neither the relation nor a negation, but in ما زال and
      // after an adverb of how often (غالبا ما تقدم, عادة ما): "often".
      static const WordList kHowOften{"غالبا", "عادة", "كثيرا", "نادرا", "دائما", "قليلا"};
      if (tag == Tag::kNeg && (p.norm == "ما" || p.a.stem == "ما") && !still) {
        if (first < 2 || !kHowOften.Has(WithoutConjunction(ws_[first - 2]))) break;
        first -= 2;  // the adverb and ما join the relation
        if (!ws_[first].a.conj.empty()) break;
        continue;
      }
      if (tag == Tag::kNeg && p.norm != "غير" && p.norm != "عدم") {
        // لا يزال, ما زال, لم يزل: "not cease" is "still", nothing negated.
        t.negated = !still;
      } else if (tag == Tag::kModal) {
        if ((p.norm == "قد" || p.a.stem == "قد") && verb.a.verb.present) t.modality = Modality::kPossible;
        if (p.a.stem == "ربما" || p.a.stem == "يمكن") t.modality = Modality::kPossible;
      } else if (tag == Tag::kQues) {
        t.modality = Modality::kQuestion;
        question_words_.push_back(--first);
        if (!ws_[first].a.conj.empty()) break;
        continue;
      } else if (!auxiliary) {
        break;
      }
      --first;
      if (!ws_[first].a.conj.empty()) break;
    }
    for (int i = first; i <= v; ++i) {
      if (std::find(question_words_.begin(), question_words_.end(), i) == question_words_.end()) {
        t.relation.push_back(i);
      }
    }
    // يمكن أن تؤدي الأزمة إلى …, يجب على الحكومة أن تدعم …: an impersonal
    // modal and أن join the relation; the one على binds is the subject.
    int bound = -1;
    if (const int modal = ImpersonalModalBefore(first, &bound); modal >= 0) {
      t.relation.insert(t.relation.begin(), {modal, first - 1});
      if (ws_[modal].a.stem == "يمكن" || ws_[modal].norm == "يمكن") t.modality = Modality::kPossible;
      first = modal;
    }

    if (ExpectedBefore(first)) t.modality = Modality::kPossible;

    // What opens the clause on the left.
    int left = first - 1;
    // Adverbs and time words between a subject and its verb: ... تهزها اليوم.
    while (left > 0 && (ws_[left].tag() == Tag::kAdv || ws_[left].tag() == Tag::kTime) && ws_[left].a.conj.empty()) --left;
    int subject_left = -1;
    bool embedded = false;  // the phrase before the verb is inside another clause
    bool relative = false;
    // A conjunction, or the ل of purpose (لتصبح), continues the previous clause.
    const bool starts_clause = !ws_[first].a.conj.empty() || (first == v && verb.a.prep == "ل");
    if (!starts_clause && left >= 0) {
      if (phrase_of_[left] >= 0) {
        int k = phrase_of_[left];
        // Walk back over coordinated conjuncts, and over the prepositional
        // phrases that describe the subject (النظام السلطوي بفساده وقمعه ليس ...).
        while (true) {
          while (k > 0 && nps_[k].coordinated && nps_[k - 1].end == nps_[k].begin) --k;
          if (nps_[k].prep.empty() || k == 0 || nps_[k - 1].pp_end != nps_[k].end) break;
          --k;
        }
        if (nps_[k].prep.empty() && !IsTimeAdverbial(nps_[k])) subject_left = k;
        // شهد زلزال 1976 شمال شرقي الصين مقتل ...: a definite phrase inside
        // another clause is no subject of a perfect after it, and no phrase
        // after the verb is either (an indefinite one may be: غارات استهدفت).
        // A person's name after a title (المحقق الكندي … لاري فانس أخبر) is
        // the title's apposition, the subject.
        if (subject_left >= 0 && nps_[k].definite && !verb.a.verb.present && !OpensClause(nps_[k].begin) &&
            !PersonName(nps_[k]) && !TitledPerson(nps_[k])) {
          subject_left = -1;
          embedded = true;
        }
      } else if (ws_[left].tag() == Tag::kRel && AntecedentEnd(left) >= 0) {
        relative = true;
        int k = phrase_of_[AntecedentEnd(left)];
        // A singular pronoun describes the last of coordinated phrases (…
        // وشبكة غولن الذي يعيش); a plural one all of them, unless the last is
        // a plural itself (المتظاهرين والصحفيين الذين غطوا).
        const std::string_view pronoun = WithoutConjunction(ws_[left]);
        const bool singular = pronoun == "الذي" || pronoun == "التي";
        const bool plural_last = ws_[nps_[k].begin].a.noun.plural || ws_[nps_[k].begin].a.noun.nun_suffix;
        while (!singular && !plural_last && k > 0 && nps_[k].coordinated && nps_[k - 1].end == nps_[k].begin) --k;
        subject_left = AgreeingAntecedent(ws_[left], k);
        // في الوقت الذي وصل فيه الإنتاج: when, not whom; the clause stands alone.
        if (AdverbialAntecedent(k)) {
          relative = false;
          subject_left = -1;
        }
      }
    }

    // الشرطي الذي كان في المكان أطلق النار: a relative clause between a
    // subject opening the clause and its verb. The phrase right before the
    // verb is then the relative clause's (أن الأمريكيين الذين سيحضرون
    // الاجتماعات لا يعملون: the meetings are not who works).
    if (!starts_clause && !relative) {
      if (const int opening = SubjectBeforeRelativeClause(first); opening >= 0) {
        subject_left = opening;
        embedded = false;
      }
    }
    // أن الشرطة، اعتقلت: a comma between the subject إن or أن opens and its verb.
    if (!starts_clause && subject_left < 0 && !relative) subject_left = SubjectBeforeComma(first);

    // وكانت الحكومة قد أعلنت: the كان before the subject of قد + perfect
    // belongs to the relation (the pluperfect).
    if (subject_left >= 0 && first < v && ws_[first].a.stem == "قد" && !verb.a.verb.present &&
        nps_[subject_left].end == first && nps_[subject_left].begin > 0) {
      const Word& before = ws_[nps_[subject_left].begin - 1];
      if (before.tag() == Tag::kVerb && !before.a.verb.present && lex_.verb(before.a.verb.verb).copula) {
        t.relation.insert(t.relation.begin(), nps_[subject_left].begin - 1);
      }
    }
    int limit = RightLimit(v);
    // ليس لديه, كان عنده, يفرض عليه: a preposition with a pronoun right
    // after the verb joins the relation.
    const bool prep_pronoun = v + 1 < static_cast<int>(ws_.size()) && ws_[v + 1].tag() == Tag::kPrep &&
                              !ws_[v + 1].a.suffix.empty() && ws_[v + 1].a.conj.empty();
    if (prep_pronoun) {
      t.relation.push_back(v + 1);
      limit = std::max(limit, RightLimit(v + 1));
    }
    VerbSite site;
    site.v = v;
    site.first = first;
    site.limit = limit;
    site.subject_left = subject_left;
    site.embedded = embedded;
    site.relative = relative;
    site.starts_clause = starts_clause;
    site.bound = bound;
    site.after = SkipManner(std::min<int>(t.relation.back() + 1, ws_.size()), limit, &t);
    site.next_phrase = DirectPhraseAfter(site.after, limit, false, nullptr);
    // The phrase right before the verb decides: a definite one is a fronted
    // object (هذه الثوابت ... تهزها صور المدنيين); an indefinite one is
    // described by an unmarked relative clause (عاصمة جديدة سمتها آستانا).
    site.before = left >= 0 ? phrase_of_[left] : -1;
    const int before = site.before;
    // In a relative clause the pronoun on that preposition is the antecedent
    // (التي تحدث عنها الوزير; إصلاحات وعدت بها الحكومة): the antecedent is the
    // object, the phrase after the verb the subject.
    site.third_person = prep_pronoun && ws_[v + 1].a.suffix.rfind("ه", 0) == 0;
    site.antecedent = relative ? subject_left : -1;
    if (!relative && site.third_person && (subject_left < 0 || !nps_[subject_left].definite) && before >= 0) {
      // The nearest indefinite phrase, back over definite ones that describe
      // it (إصلاحات عاجلة في كازاخستان) and over its conjuncts (حوار وإصلاحات).
      int k = before;
      while (k > 0 && nps_[k].definite && !nps_[k].prep.empty() && nps_[k - 1].pp_end == nps_[k].end) --k;
      while (k > 0 && nps_[k].coordinated && nps_[k - 1].end == nps_[k].begin) --k;
      if (!nps_[k].definite) site.antecedent = k;
    }
    Reading reading = ReadSubject(site);
    // سنفقد, قلنا, سأبقى: a verb in the first person says its subject
    // itself (we, I); no phrase before or after it is that (كل | سنفقد). A verb
    // before its subject stays singular, so one in the plural or dual says
    // its subject itself too, and the phrase after it is no subject: باتوا
    // جاهزين, يتحدون أنفسهم.
    if ((verb.a.verb.plural || verb.a.verb.first_person) && reading.subject >= 0 &&
        ws_[nps_[reading.subject].begin].tag() != Tag::kPron && (verb.a.verb.first_person || nps_[reading.subject].begin > v)) {
      reading.subject = -1;
    }
    if (reading.subject < 0) {
      // A verb inside another clause leaves the subject that goes on as it is.
      if (!site.embedded) state_.last_subject = -1;
      if (entry.speech) SpeakerGoesOn(t, site.after);
      return;  // no subject in the sentence: the guidelines leave such triples out
    }
    t.From(*reading.pattern);
    t.resumptive = reading.resumptive;
    t.subject_inherited = reading.inherited;
    int subject = reading.subject, object = reading.object, prep_word = -1;
    const int after = site.after;
    // قال ولي العهد السعودي الأمير محمد بن سلمان: a person's titled name
    // right after a subject that is itself a person's title says who it is;
    // the name is the subject. (After any other subject it is the object:
    // ناشدت بريطانيا الرئيس ترامب.)
    const Word& subject_head = ws_[nps_[subject].begin];
    if (subject > before && subject + 1 < static_cast<int>(nps_.size()) && nps_[subject].prep.empty() &&
        nps_[subject].name_begin < 0 && subject_head.title && subject_head.title->kind == "PER" &&
        TitledPerson(nps_[subject + 1]) && nps_[subject + 1].begin == nps_[subject].end) {
      ++subject;
    }
    // قال المسؤول في الحزب رالف شتغنر إن ...: a role described by its
    // prepositional phrases, then a person's name: the name is the subject,
    // and the role with its phrases is what the person is.
    bool set_off = false;
    int resume_after_name = -1;
    if (const int named = NameAfterRole(subject, before, &set_off); named >= 0) {
      Clause role;
      role.subject = nps_[named];
      role.object = nps_[subject];
      role.object.end = nps_[named].begin - (set_off ? 1 : 0);
      role.object.pp_end = -1;
      role.relation_extra = Feminine(ws_[nps_[subject].begin]) ? "هي" : "هو";
      role.From(kRoleBeforeName);
      out_.push_back(role);
      subject = named;
      // ...، ماتيو سالفيني، بضمانات: the clause goes on past the comma
      // after the name (or past a time set off by commas there).
      if (set_off) {
        int resume = nps_[named].end;
        if (PastTimeBetweenCommas(resume) < 0) ++resume;
        limit = RightLimit(resume - 1);
        resume_after_name = resume;
      }
    }
    const int subject_end = subject == subject_left ? after : LastConjunctEnd(subject);

    int past_subject = std::max({after, subject_end, resume_after_name});
    // أربعة من كل 10 أشخاص, العديد من المدنيين: a quantity after its verb
    // takes its من phrase into the subject.
    if (subject > before && subject_end == nps_[subject].end && IsQuantity(ws_[nps_[subject].begin]) &&
        subject + 1 < static_cast<int>(nps_.size()) && nps_[subject + 1].prep == "من" &&
        nps_[subject].pp_end == nps_[subject + 1].end) {
      subject_extension_ = nps_[subject].pp_end;
      past_subject = subject_extension_;
    }
    // أعلنت لجنة المسابقات في اتحاد الكرة عن الجدول: a body or a role
    // after its verb is described by the organization it is in, which is
    // no place of the verb, unless the verb takes في (لعب في ريال مدريد);
    // so is a superlative by what it ranks within (وقع أفضل حارس في
    // البطولة عقدا).
    const bool takes_in = std::find(entry.preps.begin(), entry.preps.end(), "في") != entry.preps.end();
    if (subject > before && subject_end == nps_[subject].end && !takes_in && PhraseOfSubject(subject)) {
      subject_extension_ = nps_[subject + 1].end;
      past_subject = subject_extension_;
    }
    if (const int end = ParenthesisEnd(past_subject); end >= 0) {
      past_subject = end;  // تقول المنظمة (سي بي إس): ...
      limit = std::max(limit, RightLimit(end - 1));
    }
    // A subject after its verb, described by an apposition: the verb's
    // object follows the apposition (كتبت كوري شولمان، المساعدة ...، في تدوينة).
    if (subject > before && subject_end == nps_[subject].end &&
        (IsAppositionAfter(subject) || TitleAppositionAfter(subject))) {
      const NounPhrase& apposition = nps_[subject + 1];
      int resume = apposition.pp_end > 0 ? apposition.pp_end : apposition.end;
      if (Comma(resume)) ++resume;
      if (resume < static_cast<int>(ws_.size()) && ws_[resume].token->kind != Token::kPunct) {
        past_subject = resume;
        limit = RightLimit(resume - 1);
        resume_after_name = resume;
      }
    }
    // ويواجه الصحفي، الذي ينفي التهم، السجن: a relative clause set off by
    // commas after the subject describes it; the verb's clause goes on past
    // the second comma.
    if (nps_[subject].begin > v && subject_end == nps_[subject].end && nps_[subject].prep.empty()) {
      if (const int resume = PastRelativeClauseBetweenCommas(subject_end); resume >= 0) {
        past_subject = resume;
        limit = RightLimit(resume - 1);
        resume_after_name = resume;
      }
    }
    int object_from = SkipManner(past_subject, limit, &t);
    if (entry.copula && object < 0 && object_from < static_cast<int>(ws_.size()) && ws_[object_from].norm == "غير") {
      int adjective;
      object = NegatedPredicate(object_from, &t, &adjective);
      if (object < 0) object = adjective;
      if (object >= 0) {
        Emit(t, subject, object);
        return;
      }
    }
    // قرر الاتحاد السعودي لكرة القدم إلغاء المباراة: a phrase with ل
    // right after the subject belongs to it when the verb's bare object
    // follows.
    if (object < 0 && subject > before && subject_end == nps_[subject].end && nps_[subject].pp_end > 0 &&
        subject + 1 < static_cast<int>(nps_.size())) {
      const NounPhrase& of = nps_[subject + 1];
      const int bare = DirectPhraseAfter(of.end, limit, false, nullptr);
      if (of.prep == "ل" && of.end == nps_[subject].pp_end && !of.coordinated && bare >= 0 &&
          nps_[bare].begin == of.end && !nps_[bare].coordinated) {
        subject_extension_ = of.end;
        object = bare;
      }
    }
    if (object < 0) object = DirectPhraseAfter(object_from, limit, false, nullptr);
    if (object >= 0 && object == subject) object = -1;
    const size_t verb_group_size = t.relation.size();
    // The relation ends with the preposition of the phrase that is now the object.
    auto relate_through = [&](const NounPhrase& pp) {
      t.relation.resize(verb_group_size);
      t.relation_extra.clear();
      if (ws_[pp.begin].a.prep.empty()) {
        t.relation.push_back(pp.begin - 1);
      } else {
        t.relation_extra = ws_[pp.begin].a.prep;
      }
    };
    if (object < 0 && (object_from < limit)) {
      object = DirectPhraseAfter(object_from, limit, true, &prep_word);
      if (object >= 0 && !nps_[object].prep.empty()) {
        if (prep_word >= 0) {
          // A preposition before the preposition goes with it: استمرت حتى بعد
          // (even after), وصل من أجل (in order to).
          const Word& before = ws_[prep_word - 1];
          if (prep_word - 1 >= object_from && before.tag() == Tag::kPrep && before.a.conj.empty() &&
              before.a.prep.empty() && before.a.suffix.empty()) {
            t.relation.push_back(prep_word - 1);
          }
          t.relation.push_back(prep_word);
        } else {
          t.relation_extra = ws_[nps_[object].begin].a.prep;
        }
      }
    }
    // ارتفعت الاستثمارات في هذا المجال بنسبة 6%: the first phrase after the
    // subject, with في, describes it when another one follows for the verb
    // (not in وصل الرئيس إلى الجزائر في زيارة, where إلى is the verb's),
    // unless it says when.
    const Tag object_head = object >= 0 ? ws_[nps_[object].begin].tag() : Tag::kPunct;
    if (entry.intrans && object >= 0 && subject != subject_left && !nps_[object].prep.empty() &&
        nps_[subject].pp_end == nps_[object].end && nps_[object].prep == "في" && !IsMeasure(ws_[nps_[object].begin]) &&
        object_head != Tag::kTime && object_head != Tag::kNumber &&  // ولد الكاتب في عام 1950 في القاهرة: when
        object + 1 < static_cast<int>(nps_.size()) && !nps_[object + 1].prep.empty() &&
        nps_[object + 1].begin <= nps_[object].end + 1 && nps_[object + 1].begin < limit) {
      subject_extension_ = nps_[object].end;
      object = object + 1;
      relate_through(nps_[object]);
    }
    // ولد الكاتب في عام 1950 في القاهرة: a phrase with في that says when
    // is the triple's time, and a phrase with في right after it the object.
    if (object >= 0 && nps_[object].prep == "في" && object_head == Tag::kTime && object + 1 < static_cast<int>(nps_.size())) {
      const NounPhrase& next = nps_[object + 1];
      if (next.prep == "في" && !next.coordinated && next.begin < limit && object + 1 != subject &&
          next.begin <= std::max(nps_[object].end, nps_[object].pp_end) + 1 && nps_[object].pp_end == next.end) {
        object = object + 1;
        relate_through(next);
      }
    }
    // ارتفع معدل التضخم بالبلاد إلى 24: a verb that takes its object with a
    // preposition of its own passes over a phrase with another one, which
    // says where or how, to the next phrase with its own.
    auto takes = [&](const std::string& prep) {
      return std::find(entry.preps.begin(), entry.preps.end(), prep) != entry.preps.end();
    };
    if (object >= 0 && !nps_[object].prep.empty() && !entry.preps.empty() && !takes(nps_[object].prep)) {
      for (int next = object + 1; next <= object + 2 && next < static_cast<int>(nps_.size()); ++next) {
        const NounPhrase& own = nps_[next];
        if (own.begin >= limit || own.coordinated || own.prep.empty() || next == subject) break;
        if (!takes(own.prep)) continue;
        object = next;
        relate_through(own);
        break;
      }
    }
    // ارتفعت بنسبة 6%: a measure noun goes with its preposition into the
    // relation, and the quantity is the object.
    if (object >= 0 && nps_[object].end - nps_[object].begin >= 2 && IsMeasure(ws_[nps_[object].begin]) &&
        (ws_[nps_[object].begin + 1].tag() == Tag::kNumber || ws_[nps_[object].begin + 1].tag() == Tag::kNum)) {
      t.relation.resize(verb_group_size);
      t.relation_extra.clear();
      t.relation.push_back(nps_[object].begin);
      NounPhrase quantity = nps_[object];
      quantity.begin += 1;
      quantity.prep.clear();
      quantity.coordinated = false;
      quantity.pp_end = -1;  // what follows describes the rise, not the quantity
      nps_.push_back(quantity);
      object = nps_.size() - 1;
    }
    // شهدت كازاخستان في مطلع يناير احتجاجات واسعة: a bare phrase right after
    // a place or time phrase (في, خلال, بعد …) is the verb's direct object;
    // the adjunct keeps a triple of its own. After على or ل the prepositional
    // phrase is an argument and stays the object (تفرض على بوتين إعادة ...).
    // So is one after ب with a place (أجرت الهيئة بدبي دراسة: in Dubai),
    // unless the verb takes its object with ب (التقى ب).
    const Word* adjunct_head = object >= 0 ? &ws_[nps_[object].begin] : nullptr;
    const bool place_with_b = object >= 0 && nps_[object].prep == "ب" && adjunct_head->entity &&
                              adjunct_head->entity->kind == "LOC" &&
                              std::find(entry.preps.begin(), entry.preps.end(), "ب") == entry.preps.end();
    const bool adjunct = object >= 0 && !entry.intrans &&
                         (nps_[object].prep == "في" || (prep_word >= 0 && Temporal(prep_word)) || place_with_b);
    if (adjunct && object + 1 < static_cast<int>(nps_.size()) && object + 1 != subject) {
      const NounPhrase& after = nps_[object + 1];
      const int pp_end = std::max(nps_[object].end, nps_[object].pp_end);
      if (after.prep.empty() && !after.coordinated && after.begin == pp_end && after.begin < limit &&
          ws_[after.begin].tag() != Tag::kPron && ws_[after.begin].tag() != Tag::kTime &&  // العام الماضي
          // An adjective that cannot agree with the phrase before is a noun: قتل في غزة مدنيين.
          (ws_[after.begin].tag() != Tag::kAdj || (!after.definite && nps_[object].definite))) {
        Clause adjunct_clause = t;
        adjunct_clause.confidence -= kAdjunctDoubt;
        Emit(adjunct_clause, subject, object);
        t.relation.resize(verb_group_size);
        t.relation_extra.clear();
        object = object + 1;
      }
    }
    // اعتبر الجيش الهجوم عملا إرهابيا: after a verb that says what its
    // object is held or made to be, a bare phrase right after the object
    // says it, and the object is both: the attack a terrorist act.
    if (object >= 0 && entry.predicative && nps_[object].prep.empty() && object + 1 < static_cast<int>(nps_.size())) {
      const NounPhrase& what = nps_[object + 1];
      const Tag head = ws_[what.begin].tag();
      if (what.prep.empty() && !what.coordinated && what.begin == nps_[object].end && what.begin < limit &&
          object + 1 != subject && !IsTimeAdverbial(what) &&
          (head == Tag::kNoun || head == Tag::kAdj || head == Tag::kMasdar || head == Tag::kQuant)) {
        NounPhrase both = nps_[object];
        both.end = what.end;
        both.pp_end = what.pp_end;
        nps_.push_back(both);
        object = nps_.size() - 1;
      }
    }
    state_.last_subject = relative ? subject_left : subject;
    if (relative && state_.topic < 0) state_.topic = subject_left;

    // A complement clause as the object: قال X إن/أن ..., a quotation after a
    // colon, or أن/بأن after any verb that has no other object (حكم القاضي
    // بأن ...). A prepositional phrase between joins the relation (ظنت في
    // تقريرها أن). Only speech verbs make their complement reported.
    // The verb of a clause describing a speaker says nothing of what the
    // speaker says: مصدر لم يكشف عن اسمه أن … is the source's, not his name's.
    const bool describes_speaker = std::find(speaker_clause_verbs_.begin(), speaker_clause_verbs_.end(), v) !=
                                   speaker_clause_verbs_.end();
    if ((entry.speech || object < 0) && !describes_speaker) {
      const int n = ws_.size();
      int k = past_subject;
      std::vector<int> between;
      // قالت الحركة "تنفي …": after a speech verb's subject a quotation
      // mark opens what is said, as a colon does.
      // A name in quotation marks between (قال لـ"سكاي نيوز"، إن) opens
      // nothing, and its closing mark (straight, as its opening one) neither.
      int name_close = -1;
      auto quotation = [&](int i) {
        if (!entry.speech || !OpensQuote(ws_[i]) || i + 1 >= n || ws_[i + 1].token->kind != Token::kWord || i == name_close) {
          return false;
        }
        if (const int close = QuotedNameEnd(i); close >= 0) {
          name_close = close;
          return false;
        }
        return true;
      };
      int words_between = 0;  // adverbs aside: قال في وقت سابق من هذا الأسبوع إن
      // More words than a relation holds (قال في وقت سابق من هذا الأسبوع)
      // describe a speaker (كشف باحثون في شركة … الأمنية أن; أكد ولي العهد
      // نائب القائد الأعلى، الشيخ …، أن): what is said follows them still.
      constexpr int kRelationWordsBetween = 4, kSpeakerWordsBetween = 12;
      const int most_between = entry.speech ? kSpeakerWordsBetween : kRelationWordsBetween;
      // أكد مصدر لم يكشف عن اسمه أن, قال مسؤول طلب عدم نشر اسمه إن: a
      // clause right after an indefinite speaker describes the speaker;
      // what is said follows it.
      int describing_verb = -1;
      if (entry.speech && subject >= 0 && !nps_[subject].definite && k == nps_[subject].end && k + 1 < n) {
        const int at = ws_[k].tag() == Tag::kNeg ? k + 1 : k;
        if (ws_[at].tag() == Tag::kVerb && ws_[at].a.conj.empty()) describing_verb = at;
      }
      while (k < n && ws_[k].tag() != Tag::kSub && ws_[k].tag() != Tag::kInna && ws_[k].token->text != ":" &&
             (ws_[k].tag() != Tag::kVerb || k == describing_verb) && !IsStop(ws_[k]) && words_between < most_between &&
             !SpeakerParticiple(k) && !quotation(k)) {
        if (ws_[k].token->kind != Token::kPunct) {
          between.push_back(k);
          if (ws_[k].tag() != Tag::kAdv) ++words_between;
        }
        ++k;
      }
      // أن, بأن, إن or a colon opens a complement; other subordinators (بعد أن,
      // عندما) open an adverbial clause.
      const bool complement = k < n && ((ws_[k].tag() == Tag::kSub && ws_[k].a.stem == "ان") ||
                                        ws_[k].tag() == Tag::kInna || ws_[k].token->text == ":" || quotation(k));
      if (complement) {
        int end, text_end;
        if (ComplementSpan(&k, &end, &text_end)) {
          t.relation.resize(verb_group_size);
          t.relation_extra.clear();
          // أخبر فانس دير شبيغل أنه ...: a bare phrase between is whom the
          // verb addresses, a triple of its own; a prepositional one (ظنت في
          // تقريرها أن) joins the relation.
          // قال الرئيس الجمعة إن ...: when, neither addressee nor relation.
          std::erase_if(between, [&](int b) { return phrase_of_[b] >= 0 && IsTimeAdverbial(nps_[phrase_of_[b]]); });
          const int bare = between.empty() ? -1 : phrase_at_[between.front()];
          if (bare >= 0 && nps_[bare].prep.empty() && !nps_[bare].coordinated && nps_[bare].end == between.back() + 1) {
            if (entry.addressee || !entry.speech) {
              Clause told = t;
              told.From(kSpeechAddressee);
              Emit(told, subject, bare);
            } else if (subject >= 0 && PersonName(nps_[bare]) && !PersonName(nps_[subject])) {
              // قال خبير الطاقة سامر الخطيب إن ...: who speaks is named
              // after a role the titles do not list; the name is the speaker.
              Clause role;
              role.subject = nps_[bare];
              role.object = nps_[subject];
              role.relation_extra = Feminine(ws_[nps_[subject].begin]) || ws_[v].a.verb.feminine ? "هي" : "هو";
              role.From(kNamedSpeaker);
              out_.push_back(role);
              subject = bare;
              state_.last_subject = bare;
            }
            // Otherwise a bare phrase between is no part of the relation
            // (قالت وسائل إعلام سورية رسمية إن): it describes the subject.
            between.clear();
          }
          // مصادر مقربة من البيت الأبيض, مسؤول في وزارة الداخلية: a
          // prepositional phrase right after a speaker may describe the
          // speaker.
          if (const int described = SpeakerPhraseAfter(subject, between, entry); described >= 0) {
            NounPhrase speaker = nps_[subject];
            speaker.end = nps_[described].end;
            speaker.pp_end = -1;
            nps_.push_back(speaker);
            subject = nps_.size() - 1;
            state_.last_subject = subject;
            std::erase_if(between, [&](int b) { return b < speaker.end; });
          }
          if (words_between > kRelationWordsBetween || describing_verb >= 0) between.clear();
          if (describing_verb >= 0) speaker_clause_verbs_.push_back(describing_verb);
          for (int b : between) t.relation.push_back(b);
          t.object.begin = k;
          t.object.end = end;
          t.complement_end = end;
          if (entry.denial) denied_.emplace_back(k, end);
          if (entry.speech) {
            state_.reported_from = std::min(state_.reported_from, k);
            state_.reported_to = text_end;
            state_.complements.emplace_back(k, text_end);
            state_.speaker = subject;
            state_.speaker_feminine = verb.a.verb.feminine;
          }
          t.From(kReportedComplement);
          Emit(t, subject, -1);
          if (entry.speech) SpeakerParticiples(subject, end, text_end);
          return;
        }
      }
    }
    if (object < 0) return;
    // شكل التظاهرات مختلف: a clause-initial "verb" that can be a noun, whose
    // object would be a lone adjective, heads a nominal sentence instead.
    if (first == v && object >= 0 && nps_[object].end - nps_[object].begin == 1 && ws_[nps_[object].begin].tag() == Tag::kAdj &&
        nps_[object].prep.empty() && subject != subject_left && CanBeNoun(v)) {
      Clause n;
      n.subject.begin = v;
      n.subject.end = nps_[subject].end;
      n.object = nps_[object];
      n.relation_extra = Feminine(ws_[v]) ? "هي" : "هو";
      n.From(kNounReadAsVerb);
      out_.push_back(n);
      // The verbs coordinated after it share this subject (ويعكس حالة غضب).
      nps_.push_back(n.subject);
      state_.last_subject = nps_.size() - 1;
      return;
    }
    // زادت تعقيدا على بوتين: an accusative indefinite before a prepositional
    // phrase describes the verb; the phrase holds the object.
    {
      const NounPhrase& o = nps_[object];
      const Word& head = ws_[o.begin];
      const std::string& text = head.token->text;
      const bool accusative = o.end - o.begin == 1 && !head.a.definite && head.a.suffix.empty() && o.prep.empty() &&
                              text.size() > 2 && text.compare(text.size() - 2, 2, "ا") == 0;
      if (accusative && object + 1 < static_cast<int>(nps_.size()) && !nps_[object + 1].prep.empty() &&
          o.pp_end == nps_[object + 1].end) {
        t.relation.push_back(o.begin);
        if (ws_[o.end].tag() == Tag::kPrep) {
          t.relation.push_back(o.end);
        } else {
          t.relation_extra = ws_[nps_[object + 1].begin].a.prep;
        }
        object = object + 1;
      }
    }
    // وكانت العقوبات على إيران قد رفعت: كان before قد and a perfect is the
    // pluperfect's auxiliary, whatever phrase stands between; it says
    // nothing of its own.
    if (entry.copula) {
      const int past_object = std::max(nps_[object].end, nps_[object].pp_end);
      if (past_object + 1 < static_cast<int>(ws_.size()) && ws_[past_object].a.stem == "قد" &&
          ws_[past_object].tag() == Tag::kModal && ws_[past_object + 1].tag() == Tag::kVerb &&
          !ws_[past_object + 1].a.verb.present) {
        return;
      }
    }
    // أراد استخدام ورقة أوكرانيا: the verbal noun joins the relation.
    NounPhrase obj = nps_[object];
    if (entry.modal && obj.end - obj.begin > 1 && ws_[obj.begin].tag() == Tag::kMasdar) {
      t.relation.push_back(obj.begin);
    }
    Emit(t, subject, object);
    // أعلنت مصر زيادة الإنتاج، موضحة أن …: a participle of speech after the
    // sentence's first clause reports what its subject says. After a later
    // clause, or in a quotation, it is more often an earlier speaker's.
    if (relative || Reported(v)) return;
    const int after_object = std::max(obj.end, obj.pp_end);
    int next_verb = after_object;
    while (next_verb < static_cast<int>(ws_.size()) && ws_[next_verb].tag() != Tag::kVerb) ++next_verb;
    const auto begin = ws_.begin();
    const bool first_clause = std::none_of(begin, begin + v, [](const Word& w) { return w.tag() == Tag::kVerb || IsQuote(w); });
    if (first_clause && std::none_of(begin + v, begin + next_verb, IsQuote)) {
      SpeakerParticiples(subject, after_object, next_verb);
    }
  }

  // Whether word `i` is inside a complement a speech verb reports.
  bool Reported(int i) const {
    return std::any_of(state_.complements.begin(), state_.complements.end(),
                       [&](const std::pair<int, int>& c) { return i >= c.first && i < c.second; });
  }

  // وأضاف أن …, وتابع: …: a speech verb with no subject in its sentence
  // goes on with what an earlier sentence's speaker said. Its complement is
  // reported all the same; the clause's subject is that speaker, when the
  // sentence builder finds one in reach (Discourse::speaker).
  // قال الوزير إن الخطة جاهزة، مضيفا أن التنفيذ يبدأ غدا: each participle of
  // speech in the report after what is said says more, by the same speaker.
  void SpeakerParticiples(int speaker, int from, int to) {
    const int n = ws_.size();
    for (int p = from; p < to && p < n; ++p) {
      if (!SpeakerParticiple(p)) continue;
      Clause t;
      t.relation.push_back(p);
      int k = p + 1;
      if (k < n && ws_[k].tag() == Tag::kPrep && ws_[k].a.suffix.empty()) t.relation.push_back(k++);  // مشيرا إلى أن
      const bool opens = k < n && ((ws_[k].tag() == Tag::kSub && ws_[k].a.stem == "ان") || ws_[k].tag() == Tag::kInna ||
                                   ws_[k].token->text == ":");
      int end, text_end;
      if (!opens || !ComplementSpan(&k, &end, &text_end)) continue;
      t.object.begin = k;
      t.object.end = end;
      state_.complements.emplace_back(k, text_end);
      t.From(kSpeakerParticiple);
      Emit(t, speaker, -1);
      p = end - 1;
    }
  }

  void SpeakerGoesOn(Clause t, int after) {
    const int n = ws_.size();
    const Word& verb = ws_[t.verb];
    // In the perfect, as news goes on with a speaker (وأضاف, وأكد); ويتوقع
    // أن … is "it is expected", nobody's words.
    if (verb.a.conj.empty() || !verb.a.suffix.empty() || verb.a.verb.first_person || verb.a.verb.plural ||
        verb.a.verb.present) {
      return;
    }
    int k = after;
    if (k < n && ws_[k].token->text == ":") ++k;
    const bool quote = k < n && OpensQuote(ws_[k]);
    const bool opens = k < n && ((ws_[k].tag() == Tag::kSub && ws_[k].a.stem == "ان") || ws_[k].tag() == Tag::kInna ||
                                 k > after || quote);
    int end, text_end;
    if (!opens || !ComplementSpan(&k, &end, &text_end)) return;
    state_.reported_from = std::min(state_.reported_from, k);
    state_.reported_to = text_end;
    state_.complements.emplace_back(k, text_end);
    t.From(kSpeakerGoesOn);
    t.subject_from_discourse = true;
    t.object.begin = k;
    t.object.end = end;
    t.complement_end = end;
    out_.push_back(std::move(t));
  }

  // One clause for each conjunct of the subject and of the object.
  void Emit(const Clause& t, int subject, int object) {
    const int extension = subject_extension_;
    subject_extension_ = -1;
    std::vector<int> subjects = Conjuncts(subject);
    // تجمع بين تايلاند والغابون: "between" takes its conjuncts together.
    const bool between = object >= 0 && nps_[object].prep == "بين";
    std::vector<int> objects = object >= 0 && !between ? Conjuncts(object) : std::vector<int>{object};
    // سجلت العقود | الآجلة: after a verb that is no copula, a phrase of
    // adjectives alone is the rest of a noun phrase, no argument.
    const bool verbal = t.verb >= 0 && !VerbOf(t.verb).copula;
    for (int s : subjects) {
      for (int o : objects) {
        if (verbal && o >= 0 && OnlyAdjectives(nps_[o])) continue;
        Clause u = t;
        u.subject = nps_[s];
        if (s == subject && extension > u.subject.end) u.subject.end = extension;
        // عدم الاستقرار في كازاخستان: a subject keeps its first phrase, unless
        // that phrase says with what (بفساده) or when.
        if (subjects.size() == 1 && !t.subject_inherited && (t.verb < 0 || nps_[s].begin < t.verb) && u.subject.pp_end > 0 &&
            u.subject.end == nps_[s].end && !Temporal(u.subject.end) &&
            !Purpose(u.subject.end) && ws_[u.subject.end].a.prep != "ب" && (o < 0 || nps_[o].begin >= u.subject.pp_end)) {
          u.subject.end = u.subject.pp_end;
        }
        // A subject shared by coordinated verbs is the same phrase each time:
        // حالة غضب في الشارع قد لا تكون عابرة وتهدد ...
        if (t.subject_inherited) {
          auto used = subject_end_used_.find(s);
          if (used != subject_end_used_.end() && used->second > u.subject.end &&
              (o < 0 || nps_[o].begin >= used->second)) {
            u.subject.end = used->second;
          }
        } else {
          subject_end_used_[s] = u.subject.end;
        }
        // كل من مصر والأردن: each conjunct of "each of" is the argument.
        if (EachOf(ws_, u.subject.begin)) u.subject.begin += 2;
        // A titled name stands for itself: the title gets its own triple.
        // An honorific says no role and stays with the name (السيد بانفالكار).
        if (u.subject.name_begin >= 0 && !Honorific(u.subject.begin)) u.subject.begin = u.subject.name_begin;
        if (o >= 0) {
          u.object = nps_[o];
          if (EachOf(ws_, u.object.begin)) u.object.begin += 2;
          if (between) u.object.end = LastConjunctEnd(o);
          if (u.object.name_begin >= 0 && !Honorific(u.object.begin)) u.object.begin = u.object.name_begin;
          // A verbal noun moved into the relation leaves the object.
          if (std::find(u.relation.begin(), u.relation.end(), u.object.begin) != u.relation.end()) {
            ++u.object.begin;
          }
          // A prepositional phrase after the last conjunct of a direct object
          // belongs to it (غيرها من منظمة معاهدة الأمن الجماعي).
          // ... and a second one after that (تساؤلات بشأن الحاجة لهذه الدورة).
          for (int depth = 0; depth < 2 && o == objects.back() && u.object.pp_end > 0 && !Purpose(u.object.end) &&
                              (depth == 0 ? u.object.prep.empty() || !Temporal(u.object.end) : !Temporal(u.object.end));
               ++depth) {
            const int pp = PhraseEndingAt(u.object.pp_end);
            u.object.end = u.object.pp_end;
            u.object.pp_end = pp >= 0 ? nps_[pp].pp_end : -1;
            // العلاقات بين مصر والسعودية
            if (pp >= 0 && nps_[pp].prep == "بين") u.object.end = LastConjunctEnd(pp);
          }
        }
        out_.push_back(u);
      }
    }
  }

  bool OnlyAdjectives(const NounPhrase& p) const {
    for (int i = p.begin; i < p.end; ++i) {
      if (ws_[i].tag() != Tag::kAdj || ws_[i].entity) return false;
    }
    return true;
  }

  // وزير الخارجية أنتوني بلينكن → أنتوني بلينكن | هو | وزير الخارجية
  // A word that counts: أربعة, 10, بعض, العديد, الكثير, عدد.
  static bool IsQuantity(const Word& w) {
    const Tag tag = w.tag();
    return tag == Tag::kNum || tag == Tag::kNumber || tag == Tag::kQuant ||
           (w.a.definite && (w.a.stem == "كثير" || w.a.stem == "عديد")) || (!w.a.definite && w.a.stem == "عدد");
  }

  // بنسبة, بمقدار, بقيمة: "by a rate of", before a quantity.
  static bool IsMeasure(const Word& w) {
    return w.a.prep == "ب" && (w.a.stem == "نسبه" || w.a.stem == "مقدار" || w.a.stem == "قيمه");
  }

  // Past a short parenthesis of name words at word i, (ريكو) or
  // (سي بي إس), or, after an organization's name, a short name in
  // quotation marks (وكالة الأنباء الإماراتية "وام"), or -1.
  int ParenthesisEnd(int i) const {
    const int n = ws_.size();
    auto body = [&](const Word& w) {
      return w.entity ? w.entity->kind == "ORG"sv : w.title && w.title->kind == "ORG"sv;
    };
    const int phrase_before = i > 0 ? phrase_of_[i - 1] : -1;
    const bool after_body =
        i > 0 && (body(ws_[i - 1]) || (phrase_before >= 0 && body(ws_[nps_[phrase_before].begin])));
    // A mark that opens touches the word after it, one that closes the word
    // before it: "فيسبوك" و"تويتر" has no name between its marks.
    auto touches = [&](int a, int b) { return ws_[a].token->end == ws_[b].token->start; };
    if (i + 1 < n && after_body && OpensQuote(ws_[i]) && !touches(i - 1, i) && touches(i, i + 1)) {
      constexpr int kMostQuotedNameWords = 2;
      for (int k = i + 1; k < n && k <= i + kMostQuotedNameWords + 1; ++k) {
        if (ClosesQuote(ws_[k]) && touches(k - 1, k)) return k > i + 1 ? k + 1 : -1;
        if (ws_[k].token->kind != Token::kWord || ws_[k].written_function_word) return -1;
      }
      return -1;
    }
    if (i >= n || ws_[i].token->text != "(") return -1;
    for (int k = i + 1; k < n && k <= i + 6; ++k) {
      if (ws_[k].token->text == ")") return k > i + 1 ? k + 1 : -1;
      const Tag tag = ws_[k].tag();
      const bool name_word = ws_[k].entity || tag == Tag::kPropn || tag == Tag::kNoun || tag == Tag::kAdj;
      if (ws_[k].token->kind != Token::kWord || !name_word) return -1;
    }
    return -1;
  }

  bool Honorific(int i) const { return ws_[i].title && ws_[i].title->honorific; }

  // في الوقت الذي وصل فيه, بالطريقة التي تراها: a relative clause on a noun
  // of time or manner says when or how, and its noun is no argument.
  bool AdverbialAntecedent(int phrase) const {
    static const WordList kNouns{"وقت", "حين", "لحظة", "مرة", "طريقة", "شكل", "نحو", "حد", "قدر"};
    // The noun alone or with its adjectives: المرة الأولى التي.
    if (phrase < 0) return false;
    const NounPhrase& p = nps_[phrase];
    for (int k = p.begin + 1; k < p.end; ++k) {
      if (ws_[k].tag() != Tag::kAdj && ws_[k].tag() != Tag::kNum) return false;
    }
    const std::string& stem = ws_[p.begin].a.stem;
    return kNouns.Has(stem);
  }

  // The prepositional phrase that opens `between`, right after the
  // speaker `subject`, when it describes the speaker rather than the
  // speaking. After an adjective: its own phrase or where the speaker is
  // (مقربة من البيت الأبيض, مدافعة عن, الرسمي باسم الجيش, الدولي للنقل
  // الجوي, التجارية في إسطنبول). After an indefinite speaker: the body it
  // belongs to (مسؤول في وزارة الداخلية, مصدر بالشرطة, مسؤول من الرئاسة).
  // After a role with the article: an organization (أستاذ الأمراض في مؤسسة
  // أوستين هيلث). Not a phrase of how or when (خلال مؤتمر صحفي, في وقت
  // سابق, في بيان), nor whom the speaker tells, nor the verb's own
  // preposition (حذر أطباء من المبالغة). Returns the phrase's last conjunct,
  // or -1.
  int SpeakerPhraseAfter(int subject, const std::vector<int>& between, const Verb& verb) const {
    if (subject < 0 || between.empty() || between.front() != nps_[subject].end) return -1;
    const NounPhrase& speaker = nps_[subject];
    const Word& speaker_head = ws_[speaker.begin];
    const bool after_adjective = ws_[speaker.end - 1].tag() == Tag::kAdj;
    const bool common_noun = (speaker_head.tag() == Tag::kNoun || speaker_head.tag() == Tag::kAdj) && !speaker_head.entity &&
                             speaker.name_begin < 0 && !speaker.coordinated;
    const int at = between.front();
    const Word& w = ws_[at];
    const bool bare = w.a.prep.empty() && w.tag() == Tag::kPrep && w.a.suffix.empty();
    const int pp = bare && at + 1 < static_cast<int>(ws_.size()) ? phrase_at_[at + 1] : phrase_at_[at];
    if (pp < 0 || nps_[pp].prep.empty() || nps_[pp].coordinated || IsTimeAdverbial(nps_[pp])) return -1;
    const Word& pp_head = ws_[nps_[pp].begin];
    // What is said and where or when it was said (في بيان, في مقابلة مع),
    // or one of them (في أحد تقاريرها).
    static const WordList kOccasions{"بيان",   "تصريح", "تصريحات", "مقابلة", "حديث",  "كلمة",   "مؤتمر", "تغريدة",
                                     "تدوينة", "رسالة", "حوار",    "خطاب",   "اجتماع", "لقاء",   "جلسة",  "تقرير",
                                     "موقع",   "صفحة",  "حساب",    "منشور",  "ندوة",   "مناسبة", "إطار",  "سياق",
                                     "ختام",   "بداية", "نهاية",   "مستهل",  "وقت",    "أعقاب",  "ظل",    "حين",
                                     "تعليق",  "مذكرة", "أحد"};
    const bool occasion = kOccasions.Has(pp_head.a.stem) || kOccasions.Has(pp_head.norm);
    const std::string_view prep = bare ? std::string_view(w.a.stem) : std::string_view(w.a.prep);
    const bool organization = pp_head.entity && pp_head.entity->kind == "ORG";
    // After an indefinite speaker, ل says to whom (قال مسؤول أمني لرويترز).
    const bool clitic = after_adjective && ((w.a.prep == "ل" && speaker.definite && speaker_head.tag() != Tag::kQuant) ||
                                            w.a.prep == "ب");
    const bool of_adjective = after_adjective && bare && (w.a.stem == "من" || w.a.stem == "عن");
    const bool where = after_adjective && bare && w.a.stem == "في" && pp_head.entity;
    // المسؤول عن الملف: what the speaker's participle takes.
    const bool own_phrase = RelatesWith(ws_[speaker.end - 1], prep);
    const bool verb_takes = std::find(verb.preps.begin(), verb.preps.end(), prep) != verb.preps.end();
    const bool member_of = common_noun && !speaker.definite && !occasion && !verb_takes &&
                           (prep == "في" || prep == "من" || prep == "ب");
    const bool role_in = common_noun && speaker.definite && bare && w.a.stem == "في" && organization;
    if (!clitic && !of_adjective && !where && !member_of && !role_in && !own_phrase) return -1;
    const int last = Conjuncts(pp).back();
    return nps_[last].end <= between.back() + 1 ? last : -1;
  }

  // Whether the phrase after `subject` describes it, the subject being a
  // common noun with no name: with في an organization's name (لجنة
  // المسابقات في اتحاد الكرة, سفيرة الولايات المتحدة في الأمم المتحدة) or
  // what a superlative ranks within (أفضل حارس في البطولة); or what a
  // relational participle ending the subject takes (الفصائل المدعومة من
  // تركيا).
  bool PhraseOfSubject(int subject) const {
    const NounPhrase& p = nps_[subject];
    const Word& head = ws_[p.begin];
    if (subject + 1 >= static_cast<int>(nps_.size()) || head.entity || p.name_begin >= 0 || p.coordinated ||
        (head.tag() != Tag::kNoun && head.tag() != Tag::kAdj)) {
      return false;
    }
    const NounPhrase& in = nps_[subject + 1];
    const Word& in_head = ws_[in.begin];
    if (in.coordinated || p.pp_end != in.end) return false;
    // الفصائل المدعومة من تركيا: a relational participle's own phrase.
    const bool clitic = !in_head.a.prep.empty() && in.begin == p.end;
    if (RelatesWith(ws_[p.end - 1], clitic ? std::string_view(in_head.a.prep) : std::string_view(in.prep)) &&
        (clitic || in.begin == p.end + 1)) {
      return true;
    }
    if (in.prep != "في" || in.begin != p.end + 1) return false;
    const bool organization = in_head.entity && in_head.entity->kind == "ORG" && in_head.name_begin == in.begin;
    // An elative ranks in construct with the noun after it: أفضل حارس.
    const bool ranked_within = Elative(head) && !head.a.definite && p.end - p.begin >= 2 && in_head.tag() != Tag::kTime;
    return organization || ranked_within;
  }

  // A common noun in the singular heading the phrase, with no conjuncts.
  bool SingularNoun(const NounPhrase& p) const {
    const Word& head = ws_[p.begin];
    const Tag tag = head.tag();
    const int k = phrase_at_[p.begin];
    return (tag == Tag::kNoun || tag == Tag::kMasdar) && !head.entity && !head.a.noun.plural && !head.a.noun.nun_suffix &&
           (k < 0 || Conjuncts(k).size() == 1);
  }

  bool BarePredicate(const NounPhrase& p) const {
    const Word& head = ws_[p.begin];
    const Tag tag = head.tag();
    const bool describes = tag == Tag::kAdj || tag == Tag::kNoun || tag == Tag::kMasdar;
    const Word* next = p.begin + 1 < static_cast<int>(ws_.size()) ? &ws_[p.begin + 1] : nullptr;
    return describes && !head.entity && head.a.conj.empty() && !Accusative(head) && !AlefAccusative(head, next);
  }

  // A phrase that is a person's name and nothing else: رامي عبد الرحمن.
  bool PersonName(const NounPhrase& p) const {
    const Word& first = ws_[p.begin];
    return first.entity && first.entity->kind == "PER" && first.name_begin == p.begin && first.name_end == p.end;
  }

  // Whether a subject before its verb may begin at word i: at the start of
  // the sentence or after punctuation, with a conjunction of its own, or
  // after a word that opens a clause (أن, إن, لكن, حيث, كان, هو). After a
  // noun, a name or another verb the phrase is inside another clause:
  // رفعت الدول الثلاث اجتماعا يضم has no subject اجتماعا for يضم.
  bool OpensClause(int i) const {
    if (arabic::OpensClause(ws_, i)) return true;
    // Any reading counts: لكن is also ل + كن.
    const Word& before = ws_[i - 1];
    for (const Analysis& r : before.readings) {
      const Tag tag = r.tag;
      if (tag == Tag::kSub || tag == Tag::kInna || tag == Tag::kConj || tag == Tag::kPron || tag == Tag::kExist ||
          tag == Tag::kCond || tag == Tag::kRel || tag == Tag::kAdv || tag == Tag::kTime || tag == Tag::kNeg ||
          tag == Tag::kModal || tag == Tag::kQues) {
        return true;
      }
    }
    return before.tag() == Tag::kVerb && lex_.verb(before.a.verb.verb).copula;
  }


  // The person's name right after the prepositional phrases of a role that
  // follows its verb (المدير الفني للمنتخب الروسي ستانيسلاف), or -1.
  // So is the name set off by commas right after a role (طالب وزير الداخلية
  // الإيطالي، ماتيو سالفيني، بضمانات); then *set_off is true.
  int NameAfterRole(int role, int before, bool* set_off) const {
    const NounPhrase& p = nps_[role];
    const Word& head = ws_[p.begin];
    const int n = ws_.size();
    *set_off = false;
    if (role <= before || !p.prep.empty() || p.name_begin >= 0) return -1;
    // A role the titles list, or, right before a name set off by commas, any
    // common noun (قال نائب الوزير، تشوي سون هوي،). After an unlisted noun's
    // prepositional phrases the name is the last noun's (عن اغتيال القيادي،
    // إسماعيل أوزدان،).
    const bool titled = head.title && head.title->kind == "PER";
    if (!titled && head.tag() != Tag::kNoun) return -1;
    int end = p.end;
    if (p.pp_end > 0 && titled) {
      end = p.pp_end;
      // ... للمنتخب الروسي لكرة القدم: a phrase of the phrase.
      if (const int pp = PhraseEndingAt(end); pp >= 0 && nps_[pp].pp_end > end) end = nps_[pp].pp_end;
    }
    if (Comma(end)) {
      *set_off = true;
      ++end;
    } else if (p.pp_end <= 0 || !titled) {
      return -1;
    }
    const int name = end < n ? phrase_at_[end] : -1;
    if (name < 0 || !nps_[name].prep.empty()) return -1;
    // Between commas after a role, a name the tagger missed is still one:
    // نائبة وزير الخارجية في كوريا الشمالية، تشوي سون هوي،
    const bool unknown_name = *set_off && ws_[nps_[name].begin].tag() == Tag::kPropn;
    if (!(PersonName(nps_[name]) || TitledPerson(nps_[name]) || unknown_name)) return -1;
    if (*set_off && !Comma(nps_[name].end)) return -1;
    return name;
  }

  // A title and the name of the person who holds it: الملك سلمان.
  bool TitledPerson(const NounPhrase& p) const {
    if (!p.prep.empty() || p.name_begin <= p.begin || !ws_[p.begin].title || !ws_[p.begin].a.conj.empty()) return false;
    const Word& name = ws_[p.name_begin];
    return !name.entity || name.entity->kind == "PER";
  }

  // When a comma at word i opens a relative clause that another comma
  // closes (، الذي ينفي التهم،), where the clause goes on past the second
  // comma; else -1.
  int PastRelativeClauseBetweenCommas(int i) const {
    constexpr int kMostRelativeClauseWords = 20;
    const int n = ws_.size();
    if (!Comma(i) || i + 1 >= n || ws_[i + 1].tag() != Tag::kRel || !ws_[i + 1].a.conj.empty()) return -1;
    for (int k = i + 2; k < n && k <= i + 1 + kMostRelativeClauseWords; ++k) {
      if (IsStop(ws_[k]) || ws_[k].token->text == ":" || IsQuote(ws_[k])) return -1;
      if (Comma(k)) return k + 1 < n && ws_[k + 1].token->kind != Token::kPunct ? k + 1 : -1;
    }
    return -1;
  }

  // Whether the phrase after phrase k is a definite one set off by a comma
  // that describes the name k holds: كوري شولمان، المساعدة الخاصة لأوباما.
  bool IsAppositionAfter(size_t k) const {
    if (k + 1 >= nps_.size()) return false;
    const NounPhrase& a = nps_[k];
    const NounPhrase& b = nps_[k + 1];
    // قرر الرئيس، دونالد ترامب، مضاعفة الرسوم: a name itself set off by
    // commas closes its apposition with the second; what follows is the verb's.
    if (Comma(a.begin - 1)) return false;
    const Word& head = ws_[a.name_begin >= 0 ? a.name_begin : a.begin];
    if ((!head.entity && head.tag() != Tag::kPropn) || !a.prep.empty()) return false;
    if (b.begin != a.end + 1 || (ws_[a.end].token->text != "،" && ws_[a.end].token->text != ",")) return false;
    if (!b.prep.empty() || !b.definite || b.coordinated || ws_[b.begin].tag() == Tag::kPropn) return false;
    return b.end >= static_cast<int>(ws_.size()) || ws_[b.end].token->kind == Token::kPunct || b.pp_end > 0;
  }

  // Whether the phrase after the person's name k is a role set off by no
  // comma that describes the person (لم يسجل ليونيل ميسي نجم برشلونة أي هدف):
  // only when the verb's object or what is said follows it; otherwise the
  // role is the object (التقى ترامب رئيس الوزراء الياباني في البيت الأبيض).
  bool TitleAppositionAfter(size_t k) const {
    if (k + 1 >= nps_.size() || !nps_[k].prep.empty() || !PersonName(nps_[k])) return false;
    const NounPhrase& role = nps_[k + 1];
    const Word& head = ws_[role.begin];
    if (role.begin != nps_[k].end || !role.prep.empty() || role.coordinated || role.name_begin >= 0 || !head.title ||
        head.title->kind != "PER" || !head.a.conj.empty()) {
      return false;
    }
    const int after = role.pp_end > 0 ? role.pp_end : role.end;
    if (after >= static_cast<int>(ws_.size())) return false;
    const Word& next = ws_[after];
    const bool complement = (next.tag() == Tag::kSub && next.a.stem == "ان") || next.tag() == Tag::kInna ||
                            next.token->text == ":";
    const int phrase = phrase_at_[after];
    return complement || (phrase >= 0 && nps_[phrase].prep.empty() && !nps_[phrase].coordinated);
  }

  void Appositions() {
    // لم يسجل ليونيل ميسي نجم برشلونة أي هدف → ليونيل ميسي | هو | نجم برشلونة
    for (size_t k = 0; k + 1 < nps_.size(); ++k) {
      if (!TitleAppositionAfter(k)) continue;
      const NounPhrase& role = nps_[k + 1];
      Clause t;
      t.subject = nps_[k];
      t.object = role;
      if (role.pp_end > 0) t.object.end = role.pp_end;
      t.relation_extra = Feminine(ws_[role.begin]) ? "هي" : "هو";
      t.From(kTitleApposition);
      out_.push_back(t);
    }
    for (size_t k = 0; k < nps_.size(); ++k) {
      const NounPhrase& np = nps_[k];
      // A possessed title (رئيسه توكاييف, نظيره الفرنسي ماكرون) says whose,
      // not what: no is-a triple.
      if (np.name_begin < 0 || !ws_[np.name_begin - 1].a.suffix.empty() || !ws_[np.begin].a.suffix.empty()) continue;
      if (Honorific(np.begin)) continue;  // Mr Banfalkar is no role
      Clause t;
      t.subject = np;
      t.subject.begin = np.name_begin;
      t.object = np;
      t.object.end = np.name_begin;
      t.object.prep.clear();
      t.object_drops_clitic = true;
      t.relation_extra = Feminine(ws_[np.begin]) ? "هي" : "هو";
      t.From(kTitledName);
      out_.push_back(t);
    }
    // A phrase and a short name in parentheses after it, its abbreviation or
    // other name: منظمة خدمات الدم الكندية (سي بي إس). After a place it is
    // a dateline's agency, not the place's name: دبي، الإمارات (CNN).
    for (size_t k = 0; k < nps_.size(); ++k) {
      const NounPhrase& np = nps_[k];
      const int end = ParenthesisEnd(np.end);
      const bool place = np.prep.empty() && ws_[np.begin].entity && ws_[np.begin].entity->kind == "LOC" &&
                         ws_[np.begin].name_end == np.end;
      // A quoted name the lexicon splits (وام as و + ام) would lose a letter.
      if (end < 0 || !(np.definite || ws_[np.begin].entity) || place || !ws_[np.end + 1].a.conj.empty()) continue;
      // After a person the parentheses name a club or who came on for him
      // (يوسف النصيري (ملقا الإسباني)), and a direction says where (أنتيوكيا
      // (شمال غرب)): neither is another name.
      static const WordList kDirections{"شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي", "وسط"};
      const bool person = std::any_of(ws_.begin() + np.begin, ws_.begin() + np.end,
                                      [](const Word& w) { return w.entity && w.entity->kind == "PER"; });
      if (person || kDirections.Has(ws_[np.end + 1].a.stem) || !ws_[np.end + 1].a.prep.empty()) continue;
      Clause t;
      t.subject = np;
      // رئيس منظمة الشرطة الجنائية الدولية (الإنتربول): after a person's
      // title the parentheses name the body of the genitive.
      if (ws_[np.begin].title && ws_[np.begin].title->kind == "PER" && ws_[np.begin].title_end < np.end) {
        t.subject.begin = ws_[np.begin].title_end;
      }
      // A place the phrase before is in belongs to what is named:
      // مجلس العقارات في أونتاريو (ريكو).
      const Word& head = ws_[np.begin];
      if (k > 0 && nps_[k - 1].pp_end == np.end && np.prep == "في" && head.entity && head.entity->kind == "LOC") {
        t.subject = nps_[k - 1];
        t.subject.end = np.end;
      }
      t.object.begin = np.end + 1;
      t.object.end = end - 1;
      t.relation_extra = Feminine(ws_[t.subject.begin]) ? "هي" : "هو";
      t.From(kOtherName);
      out_.push_back(t);
    }
    // Name، definite phrase، → the phrase describes the name.
    // Not a time between commas: روسيا، الثلاثاء، says when.
    for (size_t k = 0; k + 1 < nps_.size(); ++k) {
      if (!IsAppositionAfter(k) || IsTimeAdverbial(nps_[k + 1])) continue;
      const NounPhrase& a = nps_[k];
      const NounPhrase& b = nps_[k + 1];
      Clause t;
      t.subject = a;
      if (a.name_begin >= 0) t.subject.begin = a.name_begin;
      t.object = b;
      if (b.pp_end > 0) t.object.end = b.pp_end;
      t.relation_extra = Feminine(ws_[b.begin]) ? "هي" : "هو";
      t.From(kCommaApposition);
      out_.push_back(t);
    }
  }

  // كازاخستان الغنية بالنفط: an adjective with a prepositional complement
  // says something of the noun it follows.
  void AdjectiveComplements() {
    for (size_t k = 0; k + 1 < nps_.size(); ++k) {
      const NounPhrase& np = nps_[k];
      const int last = np.end - 1;
      if (np.end - np.begin < 2 || ws_[last].tag() != Tag::kAdj || !ws_[last].a.definite || np.pp_end < 0) continue;
      // A nationality takes no complement: فاز الزمالك المصري بكأس السوبر.
      if (!ws_[last].nisba_place_en.empty()) continue;
      const NounPhrase& pp = nps_[k + 1];
      const bool clitic = !ws_[pp.begin].a.prep.empty();
      const std::string_view prep = clitic ? std::string_view(ws_[pp.begin].a.prep) : std::string_view(pp.prep);
      // After a name, with ب or ل (كازاخستان الغنية بالنفط), or a participle
      // of the list after any noun, with its preposition.
      const Word& head = ws_[np.begin];
      const bool after_name = (head.entity || (head.tag() == Tag::kPropn && !head.a.unknown())) && clitic &&
                              (prep == "ب" || prep == "ل");
      if (!after_name && !RelatesWith(ws_[last], prep)) continue;
      Clause t;
      t.subject = np;
      t.subject.end = last;
      t.relation.push_back(last);
      if (clitic) {
        t.relation_extra = ws_[pp.begin].a.prep;
      } else {
        t.relation.push_back(pp.begin - 1);
      }
      for (size_t q = k + 1; q < nps_.size() && (q == k + 1 || (nps_[q].coordinated && nps_[q].begin == nps_[q - 1].end));
           ++q) {
        t.object = nps_[q];
        t.From(kAdjectiveComplement);
        out_.push_back(t);
      }
    }
  }

  // A clause without a verb: definite subject, then an indefinite predicate
  // (شكل التظاهرات مختلف), a pronoun copula (بوتين هو ...), ليس or لدى.
  void Nominal() {
    for (size_t k = 0; k < nps_.size(); ++k) {
      const NounPhrase& s = nps_[k];
      const bool conjunct = s.coordinated && k > 0 && nps_[k - 1].end == s.begin;
      if (!s.prep.empty() || conjunct || !s.definite) continue;
      const bool clause_start = s.begin == 0 || IsBoundary(ws_[s.begin - 1]) || !ws_[s.begin].a.conj.empty();
      if (!clause_start) continue;
      int i = s.end;
      if (s.pp_end > 0 && k + 1 < nps_.size() && nps_[k + 1].end == s.pp_end) i = s.pp_end;
      // Past the subject's own phrases (بفساده وقمعه, للخارج من نظام توكاييف)
      // to an explicit predicate marker: ليس, غير, لدى, a pronoun.
      int marker = i;
      for (size_t q = k + 1; q < nps_.size() && nps_[q].begin <= marker; ++q) {
        if (nps_[q].begin == marker && (nps_[q].coordinated || !nps_[q].prep.empty())) marker = nps_[q].end;
      }
      bool subject_through_marker = false;
      if (marker < static_cast<int>(ws_.size()) && marker > i) {
        const Word& m = ws_[marker];
        if (m.norm == "غير" || m.a.stem == "ليس" || m.norm == "ليس" || (m.tag() == Tag::kPron && m.a.conj.empty())) {
          i = marker;
        } else if (phrase_at_[marker] >= 0) {
          // Or to a bare indefinite predicate: التعارض بين البيانات والخطاب أمرٌ مألوف.
          const NounPhrase& p = nps_[phrase_at_[marker]];
          const Tag head = ws_[p.begin].tag();
          if (p.prep.empty() && !p.coordinated && !p.definite && !ws_[p.begin].entity &&
              (head == Tag::kNoun || head == Tag::kMasdar || head == Tag::kAdj)) {
            i = marker;
            subject_through_marker = true;
          }
        }
      }
      if (i >= static_cast<int>(ws_.size())) continue;
      Clause t;
      t.subject = s;
      if (subject_through_marker) {
        t.subject.end = i;
      } else if (s.pp_end > 0 && i >= s.pp_end && !Temporal(s.end) && !Purpose(s.end) && ws_[s.end].a.prep != "ب") {
        t.subject.end = s.pp_end;  // الاتفاق بين البلدين خطوة مهمة
      }
      const Word& w = ws_[i];
      if (w.tag() == Tag::kPron && w.a.conj.empty()) {
        t.From(kPronounCopula);
        t.relation.push_back(i);
        ++i;
      } else if (w.norm == "غير") {
        t.From(kNegatedPredicate);
        int adjective;
        const int object = NegatedPredicate(i, &t, &adjective);
        if (object >= 0 || adjective >= 0) {
          if (s.pp_end > 0 && i == s.pp_end) t.subject.end = s.pp_end;
          t.object = nps_[object >= 0 ? object : adjective];
          if (object < 0) t.relation.pop_back();  // the adjective is the object
          out_.push_back(t);
        }
        continue;
      } else if (w.tag() == Tag::kNeg && (w.norm == "ليس" || w.a.stem == "ليس")) {
        t.From(kLaysa);
        t.relation.push_back(i);
        t.negated = true;
        ++i;
      } else if (w.tag() == Tag::kPrep && (w.a.stem == "لدي" || w.a.stem == "عند") && !w.a.suffix.empty()) {
        t.From(kPossession);
        t.relation.push_back(i);
        ++i;
      } else if (w.tag() == Tag::kVerb || w.tag() == Tag::kRel) {
        continue;
      } else {
        // بلاده مستعدة: a feminine adjective as predicate says the subject is feminine.
        t.From(subject_through_marker ? kPredicateAfterPhrases : kBarePredicate);
        const bool feminine_predicate = i < static_cast<int>(ws_.size()) && ws_[i].tag() == Tag::kAdj &&
                                        EndsWithTaaMarbuta(ws_[i].token->text);
        t.relation_extra = Feminine(ws_[s.begin]) || feminine_predicate ? "هي" : "هو";
      }
      if (i < static_cast<int>(ws_.size()) && ws_[i].tag() == Tag::kPrep && (ws_[i].a.stem == "لدي") &&
          !ws_[i].a.suffix.empty()) {
        t.relation.push_back(i++);
      }
      if (i >= static_cast<int>(ws_.size()) || phrase_at_[i] < 0) continue;
      const NounPhrase& p = nps_[phrase_at_[i]];
      if (!p.prep.empty() || p.coordinated) continue;
      // A definite predicate after a bare subject is an idafa or a new clause, not a copula.
      if (t.relation.empty() && (p.definite || ws_[p.begin].tag() == Tag::kVerb)) continue;
      // With nothing between, the predicate describes or classifies: an
      // adjective or a common noun (الوضع خطير). A figure, a name or a word
      // of unknown kind there is the rest of a name or a list (فالكون 9,
      // أبوظبي 2018), and a word in the accusative an adverb or a verb's
      // object (أصلا; شاهد السكان رجالا).
      if (t.relation.empty() && !BarePredicate(p)) continue;
      t.object = p;
      if (p.pp_end > 0) t.object.end = p.pp_end;
      out_.push_back(t);
      // الفقر والبطالة هما سبب الاحتجاجات: each conjunct of a subject
      // before a marker is what the predicate says.
      if (subject_through_marker || s.pp_end > 0) continue;
      for (size_t q = k + 1; q < nps_.size() && nps_[q].coordinated && nps_[q].prep.empty() &&
                             nps_[q].begin == nps_[q - 1].end && nps_[q].end <= marker;
           ++q) {
        Clause u = t;
        u.subject = nps_[q];
        u.subject.coordinated = false;
        out_.push_back(u);
      }
    }
  }

  void ApplySentenceModality() {
    clause::SentenceModality sentence;
    sentence.reported_from = state_.reported_from;
    sentence.reported_to = state_.reported_to;
    sentence.complements = state_.complements;
    for (size_t i = 0; i < ws_.size(); ++i) {
      const std::string& text = ws_[i].token->text;
      // A question in a sentence is its last clause (…، أرد بسؤال: أين …؟).
      if (text == "؟"sv || text == "?"sv) {
        sentence.question_at = i;
        for (sentence.question_from = i; sentence.question_from >= 0; --sentence.question_from) {
          const std::string& before = ws_[sentence.question_from].token->text;
          if (before == "،"sv || before == ","sv || before == ":"sv) break;
        }
      }
      if (ws_[i].tag() == Tag::kCond) sentence.condition_from = std::min<int>(sentence.condition_from, i);
      if (Comma(i)) sentence.commas.push_back(i);
    }
    sentence.quotations = Quotations();
    Attribution(&sentence);
    SayingsReported(&sentence);
    Wishes(&sentence);
    for (Clause& t : out_) {
      t.modality = sentence.Of(t.modality, t.verb >= 0 ? t.verb : t.subject.begin, t.complement_end >= 0);
    }
    // نفى الجيش أن يكون السلاح قاتلا: what a denial's clause says is no
    // claim of anyone's; the denial's own triple carries it whole.
    std::erase_if(out_, [&](const Clause& t) {
      const int at = t.verb >= 0 ? t.verb : t.subject.begin;
      return t.complement_end < 0 &&
             std::any_of(denied_.begin(), denied_.end(), [&](auto r) { return at >= r.first && at < r.second; });
    });
  }

  // أتمنى أن تلتقط الوزارة الإشارة, ويتمنى المدرب أن يعود اللاعب: the
  // clause after the أن of a verb of wishing (`wish` in verbs.tsv), past
  // its subject and up to the next comma, is hoped for.
  void Wishes(clause::SentenceModality* sentence) const {
    constexpr int kMostWordsBeforeAn = 6;
    const int n = ws_.size();
    for (int v = 0; v < n; ++v) {
      if (ws_[v].tag() != Tag::kVerb || !VerbOf(v).wish) continue;
      for (int k = v + 1; k < n && k <= v + kMostWordsBeforeAn; ++k) {
        if (ws_[k].tag() == Tag::kSub && ws_[k].a.stem == "ان" && ws_[k].a.suffix.empty()) {
          int end = k + 1;
          while (end < n && !Comma(end) && !IsStop(ws_[end])) ++end;
          sentence->wishes.emplace_back(k + 1, end);
          break;
        }
        if (ws_[k].token->kind == Token::kPunct || IsBoundary(ws_[k])) break;
      }
    }
  }

  // The pronoun on قول when word i is "his saying that" (قوله إن, قولها
  // أن), else an empty view.
  std::string_view SayingAt(int i) const {
    if (i + 2 >= static_cast<int>(ws_.size())) return {};
    const Tag particle = ws_[i + 1].tag();
    if ((particle != Tag::kInna && particle != Tag::kSub) || !ws_[i + 1].a.suffix.empty()) return {};
    // Any reading counts: قوله is also read as one word.
    const auto& readings = ws_[i].readings;
    const auto saying = std::find_if(readings.begin(), readings.end(), [](const Analysis& r) {
      return r.stem == "قول"sv && !r.suffix.empty() && r.tag != Tag::kVerb;
    });
    return saying == readings.end() ? std::string_view() : std::string_view(saying->suffix);
  }

  // ونقلت الوكالة عن الوزيرة قولها إن …: what follows "her saying" is hers.
  void SayingsReported(clause::SentenceModality* sentence) const {
    for (int i = 0; i < static_cast<int>(ws_.size()); ++i) {
      if (SayingAt(i).empty()) continue;
      int end = 0, text_end = 0;
      ComplementEnds(i + 2, false, &end, &text_end);
      sentence->complements.emplace_back(i + 1, end);
    }
  }

  // …عن الوزيرة قولها إن الاتفاق قريب: the one whose saying is reported
  // said it (الوزيرة | قالت | إن الاتفاق قريب), as the source tells it; the
  // pronoun on قول says how: قوله, قولها, قولهم.
  void Sayings() {
    static constexpr std::pair<std::string_view, std::string_view> kSaid[] = {
        {"ه", "قال"}, {"ها", "قالت"}, {"هم", "قالوا"}, {"هما", "قالا"}, {"هن", "قلن"}};
    for (int i = 1; i < static_cast<int>(ws_.size()); ++i) {
      const std::string_view pronoun = SayingAt(i);
      const auto said =
          std::find_if(std::begin(kSaid), std::end(kSaid), [&](const auto& p) { return p.first == pronoun; });
      if (said == std::end(kSaid)) continue;
      NounPhrase speaker;
      if (const int p = phrase_of_[i]; p >= 0 && nps_[p].begin < i && nps_[p].prep == "عن") {
        speaker = nps_[p];  // عن مسؤول قوله: one phrase to the chunker
        speaker.end = i;
      } else if (const int q = phrase_of_[i - 1]; q >= 0 && nps_[q].prep == "عن" && nps_[q].end == i) {
        speaker = nps_[q];
      } else {
        continue;
      }
      // عن مسؤول رفض الكشف عن اسمه قوله: the speaker is further back.
      if (!ws_[speaker.end - 1].a.suffix.empty()) continue;
      int k = i + 1, end = 0, text_end = 0;
      if (!ComplementSpan(&k, &end, &text_end)) continue;
      // The verb before took "an official his saying" as its object.
      for (Clause& before : out_) {
        if (before.object.begin == speaker.begin && before.object.end == i + 1) before.object.end = i;
      }
      Clause t;
      t.subject = speaker;
      t.subject.prep.clear();
      t.subject.pp_end = -1;
      t.object.begin = k;
      t.object.end = end;
      t.complement_end = end;
      t.relation_extra = said->second;
      t.modality = Modality::kReported;
      t.From(kSaying);
      out_.push_back(t);
    }
  }

  // …، بحسب وكالة الأنباء / حسبما أفادت الوكالة / وفقا لما نقلته الصحيفة /
  // وفقا لمسؤول / وفق المصادر / نقلا عن مصدر: what the sentence says before
  // its source is named is reported; a sentence that opens with its source
  // (وبحسب المصدر، فإن …; ووفقا للتقرير، …) reports all that follows the
  // source.
  void Attribution(clause::SentenceModality* sentence) const {
    const int n = ws_.size();
    for (int i = 0; i + 1 < n; ++i) {
      const Word& w = ws_[i];
      const std::string& stem = w.a.stem;
      const bool cue = (w.tag() == Tag::kPrep && (stem == "حسب"sv || stem == "بحسب"sv)) ||
                       (w.tag() == Tag::kSub && stem == "حسبما"sv) ||
                       ((stem == "وفقا"sv || stem == "طبقا"sv) && ws_[i + 1].norm == "لما"sv) ||
                       // set off by a comma or opening the sentence: وفق القانون
                       // is "by the law", no source.
                       ((i == 0 || (Comma(i - 1) && w.a.conj.empty())) &&
                        (((stem == "وفقا"sv || stem == "طبقا"sv) && ws_[i + 1].a.prep == "ل"sv) ||
                         (stem == "وفق"sv && w.tag() != Tag::kVerb && ws_[i + 1].noun_like()))) ||
                       (w.norm == "نقلا"sv && ws_[i + 1].norm == "عن"sv);
      if (!cue) continue;
      const int opening = !w.a.conj.empty() || i == 0 ? i : -1;
      if (opening < 0) {
        sentence->attributed_from = -1;
        sentence->attributed_to = i;
        return;
      }
      for (int k = i + 1; k < n; ++k) {
        if (Comma(k)) {
          sentence->attributed_from = k;
          sentence->attributed_to = n;
          return;
        }
      }
      return;
    }
  }

  // The sentence's quotations of at least four words ("جاسوس داخل القاعدة"
  // is a title, not words someone said). A closing mark with no opening one
  // ends a quotation opened in an earlier sentence.
  std::vector<std::pair<int, int>> Quotations() const {
    constexpr int kQuotedWords = 4;
    std::vector<std::pair<int, int>> out;
    int open = -1;
    bool open_seen = false;
    for (int i = 0; i < static_cast<int>(ws_.size()); ++i) {
      // A straight mark opens and closes: it does what the one before left open.
      const bool straight = OpensQuote(ws_[i]) && ClosesQuote(ws_[i]);
      const bool opens = OpensQuote(ws_[i]) && (!straight || !open_seen);
      const bool closes = ClosesQuote(ws_[i]) && (!straight || open_seen);
      if (opens) {
        open = i;
        open_seen = true;
      } else if (closes && (open_seen || !straight)) {
        int words = 0;
        for (int k = open + 1; k < i; ++k) words += ws_[k].token->kind == Token::kWord;
        if (words >= kQuotedWords) out.emplace_back(open, i);
        open_seen = false;
        open = -1;
      }
    }
    return out;
  }

  const Lexicon& lex_;
  const std::vector<Word>& ws_;
  Discourse::Sentence& state_;
  std::vector<NounPhrase> nps_;  // a copy: reinterpreted subjects are appended
  std::vector<int> phrase_at_, phrase_of_;
  std::vector<Clause> out_;
  std::map<int, int> subject_end_used_;  // phrase → where it ended as a subject
  int subject_extension_ = -1;  // where the next emitted subject ends, when it takes a phrase
  std::vector<int> speaker_clause_verbs_;  // verbs of clauses between a speaker and what is said
  std::vector<std::pair<int, int>> denied_;  // [from, to) of each complement a verb of denial takes
  std::vector<int> question_words_;  // هل: modality, not part of a relation
};

}  // namespace

bool Accusative(const Word& w) { return w.token->text.find("\u064B") != std::string::npos; }

bool AlefAccusative(const Word& w, const Word* next) {
  const Tag t = w.tag();
  return (t == Tag::kNoun || t == Tag::kAdj) && !w.a.definite && w.a.suffix.empty() && !w.entity &&
         w.norm.ends_with("ا") && w.a.stem + "ا" == w.norm && !(next && next->a.definite);
}

bool Feminine(const Word& w) {
  return EndsWithTaaMarbuta(w.token->text) || (w.norm.size() > 4 && w.norm.compare(w.norm.size() - 4, 4, "ات") == 0) ||
         (w.entity && w.entity->kind == "LOC");
}

std::span<const clause::Pattern* const> Patterns() { return kPatterns; }

std::vector<Clause> FindClauses(const Lexicon& lexicon, const std::vector<Word>& words,
                                const std::vector<NounPhrase>& phrases, Discourse* discourse) {
  discourse->sentence = {};
  return ClauseFinder(lexicon, words, phrases, &discourse->sentence).Run();
}

}  // namespace nasij::arabic
