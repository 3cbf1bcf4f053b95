// English noun-phrase chunking and clause patterns: SVO, copula, relative
// clauses, coordinated verbs, prepositional objects, reported speech and
// apposition, with negation and modality.
#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "common/ascii.h"
#include "extract/clause/clause.h"
#include "extract/english/sentence.h"
#include "extract/language.h"
#include "extract/text.h"
#include "extract/utf8.h"

namespace nasij::english {

namespace {

using Found = clause::Clause<Phrase>;

// The clause patterns, in the order a verb group tries them, then the
// clauses without a verb. A verb's subject read through a relative pronoun
// or shared with the verb before (and then … said) is less sure.
constexpr clause::Pattern kSpeech{"speech", "The minister said that the talks had failed.",
                                  "The minister | said that | the talks had failed", 0.7};
constexpr clause::Pattern kSpeechAfter{"speech-after", "Prices will rise next year , the bank said .",
                                       "the bank | said | Prices will rise next year", 0.7};
constexpr clause::Pattern kSpeechInverted{"speech-inverted", "\"The plan will fail ,\" said Tom Hall , a farmer .",
                                          "Tom Hall | said | The plan will fail", 0.7};
constexpr clause::Pattern kPronounPreposition{"pronoun-preposition", "The report described it as a failure.",
                                              "The report | described it as | a failure", 0.7};
constexpr clause::Pattern kCopulaAdjectiveInfinitive{"copula-adjective-infinitive",
                                                     "The army was able to control the city.",
                                                     "The army | was able to control | the city", 0.7};
constexpr clause::Pattern kCopulaAdjectivePreposition{"copula-adjective-preposition", "The town is famous for its bridges.",
                                                      "The town | is famous for | its bridges", 0.7};
constexpr clause::Pattern kCopulaNounPreposition{"copula-noun-preposition", "She was a major influence on the band.",
                                                 "She | was a major influence on | the band", 0.7};
constexpr clause::Pattern kObjectRelative{"object-relative", "He joined the alliance which Moscow leads.",
                                          "Moscow | leads | the alliance", 0.7};
constexpr clause::Pattern kPrepositionalObject{"prepositional-object", "The president spoke about the economy.",
                                               "The president | spoke about | the economy", 0.7};
constexpr clause::Pattern kPassiveWithoutAgent{"passive-without-agent", "The old bridge was never repaired.",
                                               "The old bridge | was never | repaired", 0.6};
constexpr clause::Pattern kSubjectVerbObject{"subject-verb-object", "The government rejected the demands.",
                                             "The government | rejected | the demands", 0.7};
constexpr clause::Pattern kSharedObject{"shared-object", "Traders buy and sell shares.", "Traders | buy | shares", 0.65};
constexpr clause::Pattern kSecondPreposition{"second-preposition", "The mayor asked Russia for help.",
                                             "The mayor | asked for | help", 0.45};
constexpr clause::Pattern kObjectList{"object-list", "The factory makes cars and trucks.",
                                      "The factory | makes | trucks", 0.7};
// Only where 's is a token of its own, as in tokenized text: ICU keeps
// Smith's one word.
constexpr clause::Pattern kPossessive{"possessive", "Smith 's new book sold well.", "Smith | has | new book", 0.45};
constexpr clause::Pattern kTitledName{"titled-name", "President Lula visited Paris.", "Lula | is | President", 0.8};
constexpr clause::Pattern kExampleList{"example-list", "The farm grows fruit , such as apples and pears .",
                                      "fruit | such as | apples", 0.5};
constexpr clause::Pattern kCommaApposition{"comma-apposition", "John Smith, the mayor of Leeds, resigned.",
                                           "John Smith | is | the mayor of Leeds", 0.5};

constexpr const clause::Pattern* kPatterns[] = {
    &kSpeech,           &kSpeechAfter,         &kSpeechInverted,      &kPronounPreposition,  &kCopulaAdjectiveInfinitive, &kCopulaAdjectivePreposition,
    &kCopulaNounPreposition, &kObjectRelative, &kPrepositionalObject,       &kPassiveWithoutAgent,
    &kSubjectVerbObject, &kSharedObject,       &kSecondPreposition,  &kObjectList,                &kPossessive,
    &kTitledName,       &kCommaApposition,     &kExampleList,
};

// How much less sure a clause is when its subject is read through a
// relative pronoun (the man who …), shared with the verb before it (… and
// then said), or one of a list of subjects (Boeing and NASA built); and each
// later item of a list of objects.
constexpr double kRelativeDoubt = 0.1;
constexpr double kCoordinatedVerbDoubt = 0.15;
constexpr double kSubjectListDoubt = 0.05;
constexpr double kObjectListDoubt = 0.05;

bool OneOf(const std::string& word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool IsQuote(const std::string& t) { return t == "'" || t == "\"" || t == "`" || t == "``" || t == "''" || t == "“" || t == "”"; }

// What a quotation mark does, by what it is written against: “ and a mark
// with a space before it and a word after it open a quotation ("We …); ”
// and a mark after a word or a stop with no word after it close one (…
// now", he said); a straight mark between two spaces or two words does
// either.
// A single mark is an apostrophe unless it opens, or closes what it
// opened: 80's, the protesters' demands.
enum class QuoteMark { kNone, kOpens, kCloses, kEither, kApostrophe };

QuoteMark QuoteMarkAt(const std::vector<Token>& tokens, size_t k) {
  const std::string& t = tokens[k].text;
  if (!IsQuote(t)) return QuoteMark::kNone;
  if (t == "“" || t == "``") return QuoteMark::kOpens;
  if (t == "”" || t == "''") return QuoteMark::kCloses;
  // Written against what comes before it, a word or a stop (hold." or
  // hold"), and against a word after it (a comma after a closing mark is no word).
  const bool against_before = k > 0 && tokens[k - 1].end == tokens[k].start;
  const bool word_after =
      k + 1 < tokens.size() && tokens[k + 1].start == tokens[k].end && tokens[k + 1].kind != Token::kPunct;
  if (!against_before && word_after) return QuoteMark::kOpens;
  if (t == "'" || t == "`") return against_before && !word_after ? QuoteMark::kCloses : QuoteMark::kApostrophe;
  return against_before && !word_after ? QuoteMark::kCloses : QuoteMark::kEither;
}

// Which tokens of a sentence are inside a quotation, the sentence opening
// inside one when `open_before`; `open_after` says whether one is still open
// at its end. A mark that closes a quotation nothing opened closes one
// opened before the sentence, or before the text at hand began: all before
// it was quoted.
std::vector<bool> QuotedTokens(const std::vector<Token>& tokens, bool open_before, bool* open_after) {
  std::vector<bool> quoted(tokens.size(), false);
  bool open = open_before, single = false;  // single: opened by a single mark
  for (size_t k = 0; k < tokens.size(); ++k) {
    quoted[k] = open;
    QuoteMark mark = QuoteMarkAt(tokens, k);
    const bool single_mark = tokens[k].text == "'" || tokens[k].text == "`";
    if (mark == QuoteMark::kCloses && single_mark && !single) mark = QuoteMark::kApostrophe;
    if (mark == QuoteMark::kEither) mark = open ? QuoteMark::kCloses : QuoteMark::kOpens;
    if (mark == QuoteMark::kOpens && !open) {
      open = true;
      single = single_mark;
    } else if (mark == QuoteMark::kCloses) {
      if (!open) std::fill(quoted.begin(), quoted.begin() + k, true);
      open = single = false;
    }
  }
  *open_after = open;
  return quoted;
}

bool IsClauseBreak(const Word& w) {
  return w.tag == Tag::kSub || w.tag == Tag::kRel || (w.tag == Tag::kPunct && w.token->text != "-" && !IsQuote(w.token->text));
}

class Parser {
 public:
  // `times` are the sentence's time phrases, which a clause may carry
  // between its subject and its verb (the bank this year adds).
  Parser(const Lexicon& lex, const std::vector<Word>& ws, const std::vector<TimePhrase>& times,
         Discourse::Sentence* state)
      : lex_(lex), ws_(ws), times_(times), state_(*state), phrase_at_(ws.size(), -1) {
    state_ = {};
  }

  std::vector<Found> Run() {
    Chunk();
    for (int i = 0; i < static_cast<int>(ws_.size());) {
      const size_t before = out_.size();
      i = VerbGroup(i);
      // Copy what this verb group found to each coordinated subject.
      const size_t found = out_.size();
      for (const Phrase& s : extra_subjects_) {
        for (size_t k = before; k < found; ++k) {
          Found copy = out_[k];
          copy.subject = s;
          copy.confidence -= kSubjectListDoubt;
          out_.push_back(copy);
        }
      }
      extra_subjects_.clear();
    }
    Appositions();
    Examples();
    Possessives();
    ApplySentenceModality();
    return out_;
  }

  const std::vector<Phrase>& phrases() const { return phrases_; }

 private:
  void Chunk() {
    phrases_ = ChunkPhrases(ws_);
    for (size_t p = 0; p < phrases_.size(); ++p) phrase_at_[phrases_[p].begin] = p;
  }

  bool CanBePreposition(int i) const { return CanBe(i, Tag::kPrep); }

  // Whether phrase `p` names someone after an honorific (Mr. Brown), which
  // stays with the name: a title of any other kind gets a triple of its own.
  bool Honorific(const Phrase& p) const { return p.title_begin >= 0 && ws_[p.title_begin].title_honorific; }

  bool IsBe(int i) const {
    static const char* const kBe[] = {"is", "are", "was", "were", "be", "been", "being", "am"};
    return std::any_of(std::begin(kBe), std::end(kBe), [&](const char* b) { return ws_[i].lower == b; });
  }

  bool IsHave(int i) const { return OneOf(ws_[i].lower, {"have", "has", "had", "having"}); }

  // The phrase that starts at `i`, skipping adverbs; -1 if none.
  int PhraseAt(int i, int limit) const {
    while (i < limit && ws_[i].tag == Tag::kAdv) ++i;
    return i < limit ? phrase_at_[i] : -1;
  }

  // Where the time phrase that starts at word `i` ends, or `i`.
  int PastTime(int i) const {
    for (const TimePhrase& t : times_) {
      if (t.begin == i) return t.end;
    }
    return i;
  }

  // Sets `f`'s object to what a speech verb after the comma at word
  // `comma` said: the words of the sentence before it, within quotation
  // marks if any, and one clause ("…: …" is no one's words). False when
  // there is no such comma or no clause.
  bool SaidBefore(int comma, Found* f) {
    if (comma <= 0 || ws_[comma].token->text != ",") return false;
    int from = 0, to = comma;
    while (from < to && IsQuote(ws_[from].token->text)) ++from;
    while (to > from && IsQuote(ws_[to - 1].token->text)) --to;
    const bool one_clause = std::none_of(ws_.begin() + from, ws_.begin() + to, [](const Word& w) {
      return w.token->text == ":" || w.token->text == ";";
    });
    // A clause has a verb: not "Jeremy Desterhoft , a consultant , warns".
    const bool verb = std::any_of(ws_.begin() + from, ws_.begin() + to, [](const Word& w) {
      return w.tag == Tag::kVerb || w.tag == Tag::kAux;
    });
    if (to <= from || !one_clause || !verb) return false;
    f->object = Phrase{from, to, -1};
    f->complement_end = to;
    state_.complements.push_back({from, to});
    return true;
  }

  // The nearest word at or before `i` that is no quotation mark (the comma
  // before "…," said), or 0.
  int BeforeQuotes(int i) const {
    while (i > 0 && IsQuote(ws_[i].token->text)) --i;
    return i;
  }

  // The phrase that ends just before word `i`, or -1.
  int PhraseEndingAt(int i) const {
    for (int p = phrases_.size() - 1; p >= 0; --p) {
      if (phrases_[p].end == i) return p;
    }
    return -1;
  }

  // The nearest phrase ending before `i` in the same clause, not inside a
  // prepositional phrase.
  int SubjectBefore(int i, bool* relative) const {
    *relative = false;
    int k = i - 1;
    while (k >= 0 && ws_[k].tag == Tag::kAdv) --k;
    for (const TimePhrase& t : times_) {
      if (t.end == k + 1 && t.begin > 0) k = t.begin - 1;
    }
    // Skip a relative clause between the subject and its verb: "X, which Y leads, sent".
    for (auto [begin, end] : relative_spans_) {
      if (k >= begin && k <= end) {
        k = begin - 1;
        if (k >= 0 && ws_[k].token->text == ",") --k;
      }
    }
    if (k >= 0 && ws_[k].tag == Tag::kRel) {
      *relative = true;
      --k;
      if (k >= 0 && ws_[k].token->text == ",") --k;
    }
    // The University of Florida however , refused: skip a parenthetical adverb.
    if (k > 1 && ws_[k].token->text == "," && ws_[k - 1].tag == Tag::kAdv) k -= 2;
    // His son , John Crozier , was ...; Arminius , leader of the Cherusci
    // and allies , now had: skip an apposition, words of noun phrases
    // between commas, to its head.
    if (k > 0 && ws_[k].token->text == "," && PhraseEndingAt(k) >= 0) {
      int comma = k - 1;
      auto nominal = [&](const Word& w) {
        return IsNominal(w.tag) || w.tag == Tag::kDet || w.tag == Tag::kPrep || w.tag == Tag::kConj ||
               w.tag == Tag::kPron || w.token->text == "'s" || w.token->text == "-";
      };
      bool conjunction = false;
      for (; comma > 0 && ws_[comma].token->text != "," && nominal(ws_[comma]); --comma) {
        conjunction = conjunction || ws_[comma].tag == Tag::kConj;
      }
      const int head = comma > 0 && ws_[comma].token->text == "," ? PhraseEndingAt(comma) : -1;
      // Not the end of a list: starring Ben Stiller , Robert De Niro , Dustin
      // Hoffman and Barbra Streisand , has made.
      const bool list = conjunction && head >= 0 && phrases_[head].begin > 0 &&
                        ws_[phrases_[head].begin - 1].token->text == ",";
      if (head >= 0 && !list) k = comma - 1;
    }
    if (k < 0 || ws_[k].tag == Tag::kConj || IsClauseBreak(ws_[k])) return -1;
    for (int p = phrases_.size() - 1; p >= 0; --p) {
      if (phrases_[p].end == k + 1) {
        if (*relative) return p;  // "by Muslims , who maintain": the nearest phrase
        int q = p;
        // Dr. Jagan himself was ...: a reflexive points back to the phrase before it.
        if (ws_[phrases_[q].begin].lower.ends_with("self") && q > 0 && phrases_[q - 1].end == phrases_[q].begin) --q;
        // The remaining trackage at Charles City was abandoned: walk back over
        // prepositional phrases to their head, unless the word also opens a
        // clause ("after Tokayev asked").
        while (phrases_[q].begin > 0 && ws_[phrases_[q].begin - 1].tag == Tag::kPrep) {
          const int before = phrases_[q].begin - 1;
          const WordInfo* info = lex_.Find(ws_[before].lower);
          const bool subordinator = info && std::find(info->tags.begin(), info->tags.end(), Tag::kSub) != info->tags.end();
          if (subordinator) break;
          if (q == 0 || phrases_[q - 1].end != before) return -1;
          --q;
        }
        return q;
      }
    }
    return -1;
  }

  int ClauseEnd(int i) const {
    const int n = ws_.size();
    const int from = i;
    // An infinitive after the phrase stays with it: lamps under the tub to
    // warm the water.
    auto infinitive = [&](int k) {
      return k > from && ws_[k].tag == Tag::kVerb && ws_[k].form == VerbForm::kBase && ws_[k - 1].lower == "to";
    };
    // So does a gerund after a preposition: the study of making maps.
    auto gerund_after_preposition = [&](int k) {
      return k > from && ws_[k].tag == Tag::kVerb && ws_[k].form == VerbForm::kGerund && ws_[k - 1].tag == Tag::kPrep;
    };
    while (i < n && !IsClauseBreak(ws_[i]) &&
           ((ws_[i].tag != Tag::kVerb && ws_[i].tag != Tag::kAux) || infinitive(i) || gerund_after_preposition(i)) &&
           ws_[i].tag != Tag::kConj) {
      // "until he switched": a word that can open a clause, before a pronoun.
      if (i + 1 < n && ws_[i + 1].tag == Tag::kPron && CanBe(i, Tag::kSub)) break;
      ++i;
    }
    return i;
  }

  // Whether a list item ending at `i` is followed by another: ", X" or
  // "( , ) and X".
  bool ListGoesOn(int i) const {
    const int n = ws_.size(), from = i;
    if (i < n && ws_[i].token->text == ",") ++i;
    if (i < n && (ws_[i].lower == "and" || ws_[i].lower == "or")) ++i;
    return i > from && PhraseAt(i, n) >= 0;
  }

  // Whether the phrase ending at `i` is an item of a list: a conjunction
  // or two more items follow it (, X of Y , Z; , X and Y), not one item
  // and a verb (Ann Lee , one of the experts , spoke).
  bool ListGoesOnPast(int i) const {
    const int n = ws_.size();
    for (int items = 0; i + 1 < n && ws_[i].token->text == ",";) {
      if (ws_[i + 1].lower == "and" || ws_[i + 1].lower == "or") return true;
      int next = PhraseAt(i + 1, n);
      if (next < 0) return false;
      i = phrases_[next].end;
      while (i + 1 < n && ws_[i].tag == Tag::kPrep && (next = PhraseAt(i + 1, n)) >= 0) i = phrases_[next].end;
      if (++items == 2 || (i < n && (ws_[i].lower == "and" || ws_[i].lower == "or"))) return true;
    }
    return false;
  }

  bool CanBe(int i, Tag tag) const {
    if (ws_[i].tag == tag) return true;
    const WordInfo* info = lex_.Find(ws_[i].lower);
    return info && std::find(info->tags.begin(), info->tags.end(), tag) != info->tags.end();
  }

  // Parses the verb group starting at `i`, if any; returns where to go on.
  int VerbGroup(int i) {
    const int n = ws_.size();
    if (ws_[i].tag != Tag::kAux && ws_[i].tag != Tag::kVerb) return i + 1;
    Found f;
    int j = i, main = -1;
    // An auxiliary after a finite main verb starts another group: the
    // engines the company builds are cheap (not would have been).
    auto finite = [&](int v) { return ws_[v].form == VerbForm::kPresent3 || ws_[v].form == VerbForm::kPast; };
    // will be offered, would have been: be or have read as the main verb
    // is an auxiliary of a participle or gerund after it.
    auto after_auxiliary_verb = [&](int v) {
      return main >= 0 && (IsBe(main) || IsHave(main)) && v == main + 1 &&
             (ws_[v].form == VerbForm::kParticiple || ws_[v].form == VerbForm::kPastOrParticiple ||
              ws_[v].form == VerbForm::kGerund);
    };
    while (j < n && ((ws_[j].tag == Tag::kAux && !(main >= 0 && finite(main))) || ws_[j].tag == Tag::kNeg ||
                     (ws_[j].tag == Tag::kAdv && main < 0) ||
                     (ws_[j].tag == Tag::kVerb && (main < 0 || after_auxiliary_verb(j))))) {
      if (ws_[j].tag == Tag::kNeg) f.negated = true;
      if (ws_[j].lower == "may" || ws_[j].lower == "might" || ws_[j].lower == "could") f.modality = Modality::kPossible;
      if (ws_[j].tag == Tag::kVerb) main = j;
      ++j;
    }
    // wanted to use, helped to raise, decided to try to sell: a verb (or
    // have: has had to close) and its infinitives are one relation, as is a
    // perfect infinitive (were said to have built). continues to be
    // influential in: "to be" joins too, and the copula patterns below see
    // its be.
    while ((main >= 0 || IsHave(j - 1)) && j + 1 < n && ws_[j].lower == "to") {
      if (ws_[j + 1].lower == "be") {
        j += 2;
        break;
      }
      const bool perfect = ws_[j + 1].lower == "have" && j + 2 < n && ws_[j + 2].tag == Tag::kVerb &&
                           (ws_[j + 2].form == VerbForm::kParticiple || ws_[j + 2].form == VerbForm::kPastOrParticiple);
      const int verb = perfect ? j + 2 : j + 1;
      if (!perfect && (ws_[verb].tag != Tag::kVerb || ws_[verb].form != VerbForm::kBase)) break;
      main = verb;
      j = verb + 1;
    }
    // Adverbs inside the group stay (was personally involved), not before it.
    for (int k = i; k < j; ++k) {
      if (ws_[k].tag != Tag::kAdv || (!f.relation.empty() && k < (main >= 0 ? main : j))) f.relation.push_back(k);
    }
    f.verb = main;
    // there are good chances, there had been four others: an existential
    // there says what exists after the verb; nothing before it is a subject.
    if (i > 0 && ws_[i - 1].lower == "there" && (main < 0 || IsBe(main))) return j;
    // typically have, also includes: an adverb just before the verb group.
    if (i > 1 && ws_[i - 1].tag == Tag::kAdv && phrase_at_[i - 1] < 0) f.relation.insert(f.relation.begin(), i - 1);
    bool relative = false;
    int subject = SubjectBefore(i, &relative);
    // The Crybaby is ... , released in 2000 through ...: a bare participle
    // after a comma says something of the clause's subject.
    // Thomas became a regular , making his league debut ...: a gerund after a
    // comma continues the clause's subject.
    int before_adverbs = i - 1;  // , ultimately tracing; and later said
    while (before_adverbs > 0 && ws_[before_adverbs].tag == Tag::kAdv) --before_adverbs;
    if (subject < 0 && main == i && j == i + 1 && before_adverbs > 0 && ws_[before_adverbs].token->text == "," &&
        ws_[i].form == VerbForm::kGerund && state_.last_subject >= 0) {
      subject = state_.last_subject;
    }
    const bool speech = main >= 0 && ws_[main].verb >= 0 && lex_.verb(ws_[main].verb).speech;
    const bool ends_sentence = j == n || (j + 1 == n && ws_[j].tag == Tag::kPunct);
    if (subject < 0 && main == i && j == i + 1 && i > 1 && ws_[i - 1].token->text == "," &&
        (ws_[i].form == VerbForm::kParticiple || ws_[i].form == VerbForm::kPastOrParticiple)) {
      // It describes the phrase before the comma (through its prepositional
      // phrases: a single dress rehearsal in Salzburg , conducted by ...).
      // "…," Dargis , critic for the Times , said .: unless a speech verb
      // ends the sentence, and that phrase is its subject.
      // Several firms , including Acme , joined the group: with an object
      // after it, it is the main verb of the phrase before the comma that
      // opens the aside.
      bool unused;
      const int before = SubjectBefore(i - 1, &unused);
      int opens = i - 2;
      while (opens > 0 && ws_[opens].token->text != "," && ws_[opens].tag != Tag::kAux &&
             !(ws_[opens].tag == Tag::kVerb && ws_[opens].form != VerbForm::kGerund)) {
        --opens;
      }
      const int main_subject = opens > 0 && ws_[opens].token->text == "," ? SubjectBefore(opens, &unused) : -1;
      if (speech && ends_sentence) {
        subject = before;
      } else if (PhraseAt(j, n) >= 0 && main_subject >= 0) {
        subject = main_subject;
      } else {
        subject = before >= 0 ? before : state_.last_subject;
        if (subject >= 0) f.relation_prefix = "was";
        // The report , published on Monday , says: the verb after the
        // comma that closes it has the same subject.
        const int end = ClauseEnd(j);
        if (before >= 0 && end < n && ws_[end].token->text == ",") relative_spans_.push_back({i - 1, end});
      }
    }
    int antecedent = -1;  // set for an object relative: the alliance which Moscow leads
    if (subject >= 0 && !relative && phrases_[subject].begin > 0 && ws_[phrases_[subject].begin - 1].tag == Tag::kRel) {
      const int rel = phrases_[subject].begin - 1;
      int k = rel - 1;
      if (k >= 0 && ws_[k].token->text == ",") --k;
      for (int p = 0; p < static_cast<int>(phrases_.size()); ++p) {
        if (phrases_[p].end == k + 1) antecedent = p;
      }
      if (antecedent >= 0) relative_spans_.push_back({rel, ClauseEnd(j)});
    }
    if (relative) {
      int rel = i - 1;
      while (rel >= 0 && ws_[rel].tag != Tag::kRel) --rel;
      relative_spans_.push_back({rel, ClauseEnd(j)});
    }
    const bool coordinated = before_adverbs >= 0 && ws_[before_adverbs].tag == Tag::kConj;
    if (subject < 0 && coordinated && state_.last_subject >= 0) subject = state_.last_subject;
    // "…," said Tom Hall , a farmer .: a speech verb after the comma that
    // ends what was said, its subject after it.
    if (subject < 0 && speech && main == i && i > 1) {
      int comma = i - 1;
      comma = BeforeQuotes(comma);  // , '' said: a mark may be two tokens
      const int who = PhraseAt(j, n);
      const int after = who >= 0 ? phrases_[who].end : -1;
      const bool alone = after == n || (after >= 0 && (ws_[after].token->text == "," || ws_[after].tag == Tag::kPunct));
      if (who >= 0 && alone && SaidBefore(comma, &f)) {
        f.subject = phrases_[who];
        if (f.subject.name_begin >= 0 && !Honorific(f.subject)) f.subject.begin = f.subject.name_begin;
        f.From(kSpeechInverted);
        out_.push_back(f);
        return phrases_[who].end;
      }
    }
    if (subject < 0) return j;
    if (!relative && antecedent < 0 && f.relation_prefix.empty()) state_.last_subject = subject;
    f.subject = phrases_[subject];
    if (f.subject.name_begin >= 0 && !Honorific(f.subject)) f.subject.begin = f.subject.name_begin;
    // Rockwell , Boeing ( , ) and NASA re-designated ...: each conjunct is a
    // subject. Commas join conjuncts only in a list that ends in "and" or
    // "or", opens its clause and whose items end alike: not "In Geneva ,
    // Boeing and NASA", "Last week , Boeing and NASA" or "X , and the workers".
    extra_subjects_.clear();
    size_t plain = 0;  // how many conjuncts a plain "and" or "or" joins, before any comma
    bool commas = false, conjunction_seen = false, alike = true;
    int q = subject;
    while (q > 0) {
      const int begin = phrases_[q].begin, gap = begin - phrases_[q - 1].end;
      const std::string& joiner = ws_[begin - 1].lower;
      const bool conjunction = joiner == "and" || joiner == "or";
      const bool oxford_comma = gap == 2 && conjunction && !conjunction_seen && ws_[begin - 2].token->text == ",";
      if (!(gap == 1 && (conjunction || (joiner == "," && conjunction_seen))) && !oxford_comma) break;
      commas = commas || !conjunction || oxford_comma;
      if (!commas) ++plain;
      if (!conjunction || oxford_comma) alike = alike && ws_[phrases_[q - 1].end - 1].tag == ws_[phrases_[q].end - 1].tag;
      conjunction_seen = conjunction_seen || conjunction;
      extra_subjects_.push_back(phrases_[--q]);
    }
    const int start = phrases_[q].begin;
    const bool opens_clause = start == 0 || ws_[start - 1].tag == Tag::kPunct || ws_[start - 1].tag == Tag::kSub ||
                              ws_[start - 1].tag == Tag::kRel || ws_[start - 1].tag == Tag::kConj;
    const bool list = extra_subjects_.size() >= 2 && plain < extra_subjects_.size();
    if (commas && !(list && alike && opens_clause)) extra_subjects_.resize(plain);
    // Relations between Japan and China were strained: the conjuncts after
    // a preposition that takes several (between, among) are its objects;
    // the subject is the head before it. After other prepositions "and"
    // may as well join two clauses (no trace in the log and the site was).
    if (!extra_subjects_.empty() && start > 0 && OneOf(ws_[start - 1].lower, {"between", "among"}) && q > 0 &&
        phrases_[q - 1].end == start - 1) {
      const int end = f.subject.end;
      f.subject = phrases_[q - 1];
      f.subject.end = end;
      extra_subjects_.clear();
    }
    const double doubt = relative ? kRelativeDoubt : coordinated ? kCoordinatedVerbDoubt : 0.0;
    auto emit = [&](Found clause, const clause::Pattern& pattern, double more_doubt = 0.0) {
      clause.From(pattern);
      clause.confidence -= doubt + more_doubt;
      out_.push_back(std::move(clause));
    };

    int k = j;
    // wrote in 1980 that, said this week that ...: a short prepositional
    // phrase, adverb or time before the complement joins the relation (not
    // an object: would propose a bill that …).
    const bool adjunct = j < n && (ws_[j].tag == Tag::kPrep || ws_[j].tag == Tag::kAdv || PastTime(j) > j);
    if (speech && adjunct) {
      for (int q = j; q < std::min(n, j + 5); ++q) {
        if (ws_[q].lower == "that") {
          for (int w = j; w < q; ++w) f.relation.push_back(w);
          k = q;
          break;
        }
        if (IsClauseBreak(ws_[q]) || ws_[q].tag == Tag::kVerb || ws_[q].tag == Tag::kAux || ws_[q].tag == Tag::kConj) break;
      }
    }
    if (speech && k < n && (ws_[k].lower == "that" || ws_[k].token->text == ":" || ws_[k].token->text == "," ||
                            PhraseAt(k, n) >= 0)) {
      if (ws_[k].lower == "that") f.relation.push_back(k);  // "said that", as CaRB writes it
      if (ws_[k].lower == "that" || ws_[k].token->text == ":" || ws_[k].token->text == ",") ++k;
      int end = std::min(n, k + kMaxComplementTokens);
      while (end > k && ws_[end - 1].tag == Tag::kPunct) --end;
      if (end > k) {
        f.object = Phrase{k, end, -1};
        f.complement_end = end;
        state_.reported_from = std::min(state_.reported_from, k);
        emit(f, kSpeech);
        return j;
      }
    }
    // Prices will rise , the bank said .: a speech verb that ends its
    // sentence, its subject after a comma, said what comes before the comma
    // (within quotation marks, if any).
    if (speech && !relative && ends_sentence) {
      int comma = start - 1;
      comma = BeforeQuotes(comma);  // …, " the coach said
      // "…," Jack Garner , critic for GNS said: the name before the
      // apposition speaks.
      const int name = PhraseEndingAt(comma);
      auto opens = [&](int w) { return ws_[w].token->text == "," || IsQuote(ws_[w].token->text); };
      if (name >= 0 && ws_[comma - 1].tag == Tag::kPropn && phrases_[name].begin > 1 &&
          opens(phrases_[name].begin - 1) && extra_subjects_.empty()) {
        f.subject = phrases_[name];
        comma = phrases_[name].begin - 1;
        comma = BeforeQuotes(comma);
      }
      if (SaidBefore(comma, &f)) {
        emit(f, kSpeechAfter);
        return j;
      }
    }
    // relies heavily on, went ahead of: the adverb joins the relation.
    while (k < n && ws_[k].tag == Tag::kAdv && k + 1 < n && CanBePreposition(k + 1)) f.relation.push_back(k++);
    const int limit = ClauseEnd(k);
    int object = PhraseAt(k, limit);
    // described it as ...: a pronoun object and a preposition join the relation.
    if (object >= 0 && ws_[phrases_[object].begin].tag == Tag::kPron && phrases_[object].end == k + 1 &&
        k + 1 < limit && CanBePreposition(k + 1) && PhraseAt(k + 2, limit) >= 0) {
      f.relation.push_back(k);
      f.relation.push_back(k + 1);
      k += 2;
      object = PhraseAt(k, limit);
      if (object >= 0) {
        f.object = phrases_[object];
        f.object.end = std::max(f.object.end, limit);
        emit(f, kPronounPreposition);
      }
      return j;
    }
    // was able to control X: a copula, an adjective and an infinitive.
    const bool ends_in_be = IsBe(j - 1) && (main < 0 || main < j - 1);
    if (ends_in_be && k + 2 < n && ws_[k].tag == Tag::kAdj && ws_[k + 1].lower == "to") {
      int v = k + 2;
      while (v < n && ws_[v].tag == Tag::kAdv) ++v;
      if (v < n && ws_[v].tag == Tag::kVerb) {
        for (int w = k; w <= v; ++w) f.relation.push_back(w);
        // are available to cope with X: the verb's preposition joins too.
        if (v + 2 < n && CanBePreposition(v + 1) && PhraseAt(v + 2, n) >= 0) f.relation.push_back(++v);
        const int end = ClauseEnd(v + 1);
        object = PhraseAt(v + 1, std::max(end, v + 2));
        if (object >= 0) {
          f.verb = v;
          f.object = phrases_[object];
          f.object.end = std::max(f.object.end, end);
          emit(f, kCopulaAdjectiveInfinitive);
        }
        return v + 1;
      }
    }
    // is closely connected with X, are known as X: after a copula, an
    // adjective or participle and its preposition join the relation.
    if (ends_in_be && k + 1 < n && (ws_[k].tag == Tag::kAdj || ws_[k].tag == Tag::kVerb) &&
        CanBePreposition(k + 1) && PhraseAt(k + 2, n) >= 0) {
      f.relation.push_back(k);
      f.relation.push_back(k + 1);
      const int end = ClauseEnd(k + 2);
      object = PhraseAt(k + 2, std::max(end, k + 3));
      if (object >= 0) {
        f.object = phrases_[object];
        f.object.end = std::max(f.object.end, end);
        emit(f, kCopulaAdjectivePreposition);
      }
      return j;
    }
    const clause::Pattern* shape = &kSubjectVerbObject;  // what the object after the verb is
    // was a notable influence on X: after a copula, the noun and its
    // preposition join the relation.
    if (object >= 0 && main < 0 && IsBe(j - 1) && phrases_[object].end < limit &&
        CanBePreposition(phrases_[object].end) && PhraseAt(phrases_[object].end + 1, limit) >= 0 &&
        ws_[phrases_[object].end].lower != "of") {
      for (int w = phrases_[object].begin; w <= phrases_[object].end; ++w) f.relation.push_back(w);
      object = PhraseAt(phrases_[object].end + 1, limit);
      shape = &kCopulaNounPreposition;
    }
    if (object < 0 && antecedent >= 0) {
      f.object = phrases_[antecedent];
      emit(f, kObjectRelative);
      return j;
    }
    int object_preposition = -1;  // appear in public: the preposition before the object
    if (object < 0 && k < limit && CanBePreposition(k)) {
      // thrown out of the window, fell because of the rain: a preposition of
      // two words.
      const bool two_words = PhraseAt(k + 1, limit) < 0 && k + 1 < limit && CanBePreposition(k + 1);
      object = PhraseAt(k + (two_words ? 2 : 1), limit);
      if (object >= 0) {
        f.relation.push_back(k);
        if (two_words) f.relation.push_back(k + 1);
        object_preposition = k;
        shape = &kPrepositionalObject;
      }
    }
    // was built in 1990, was named last week: a time after the verb is the
    // clause's time, not its object; the passive below reads the clause.
    const int after_time = PastTime(j);
    const bool only_time = after_time > j && (after_time >= n || IsClauseBreak(ws_[after_time]) ||
                                              ws_[after_time].tag == Tag::kConj);
    if (object < 0 || only_time) {
      // Ely Cathedral was never vaulted: a passive with nothing after it
      // has the participle as what is said of the subject.
      // The report , published on Monday , …; the policy , defined and
      // promoted by …: a participle after a comma with a time or a
      // conjunction after it, not one of a list (fearful , humiliated ,).
      const bool reduced = f.relation_prefix == "was" && (only_time || (j < n && ws_[j].tag == Tag::kConj));
      const bool passive =
          (main > i && IsBe(main - 1 - (ws_[main - 1].tag == Tag::kNeg || ws_[main - 1].tag == Tag::kAdv ? 1 : 0))) ||
          reduced;
      if (passive &&
          (ws_[main].form == VerbForm::kParticiple || ws_[main].form == VerbForm::kPastOrParticiple) &&
          (after_time >= n || IsClauseBreak(ws_[after_time]) || ws_[after_time].tag == Tag::kConj)) {
        f.relation.resize(std::find(f.relation.begin(), f.relation.end(), j) - f.relation.begin());
        f.relation.erase(std::remove(f.relation.begin(), f.relation.end(), main), f.relation.end());
        f.object = Phrase{main, main + 1, -1};
        emit(f, kPassiveWithoutAgent);
      } else if (object < 0 && main >= 0 && j < n && (ws_[j].lower == "and" || ws_[j].lower == "or")) {
        // buy and sell shares, bought and later sold: the object comes with
        // the next verb, of the same form and no copula (expanded and became).
        int next = j + 1;
        while (next < n && ws_[next].tag == Tag::kAdv) ++next;
        if (next < n && ws_[next].tag == Tag::kVerb && ws_[next].form == ws_[main].form &&
            !(ws_[next].verb >= 0 && lex_.verb(ws_[next].verb).copula)) {
          shares_object_ = {f, next, doubt};
        }
      }
      return j;
    }
    f.object = phrases_[object];
    f.object.end = std::max(f.object.end, limit);  // trailing prepositional phrases stay with the object
    emit(f, *shape);
    if (shares_object_.verb == i && shape == &kSubjectVerbObject) {
      Found shared = shares_object_.clause;
      shared.object = f.object;
      shared.From(kSharedObject);
      shared.confidence -= shares_object_.doubt;
      out_.push_back(std::move(shared));
    }
    // asked Russia for help: the preposition after a direct object also
    // attaches to the relation, with its own object.
    const int after_object = phrases_[object].end;
    if (ws_[phrases_[object].begin].tag != Tag::kPrep && after_object + 1 < limit && CanBePreposition(after_object) &&
        ws_[after_object].lower != "of" && PhraseAt(after_object + 1, limit) >= 0) {
      Found attached = f;
      // did not appear in public during the crisis: "appear during", not "appear in during".
      if (object_preposition >= 0) {
        attached.relation.erase(std::remove(attached.relation.begin(), attached.relation.end(), object_preposition),
                                attached.relation.end());
      }
      // placed a link for the Red Cross: a direct object that names no one
      // stays in the relation ("placed for" says nothing); a name or a
      // pronoun is an argument of its own (asked Russia for help).
      const Phrase& direct = phrases_[object];
      const bool names = std::any_of(ws_.begin() + direct.begin, ws_.begin() + direct.end, [](const Word& w) {
        return w.tag == Tag::kPropn || w.tag == Tag::kPron || w.entity;
      });
      if (object_preposition < 0 && !names) {
        for (int w = direct.begin; w < direct.end; ++w) attached.relation.push_back(w);
      }
      attached.relation.push_back(after_object);
      attached.object = phrases_[PhraseAt(after_object + 1, limit)];
      attached.object.end = std::max(attached.object.end, limit);
      emit(attached, kSecondPreposition);
    }
    // Coordinated objects name different things: one triple each. Not
    // after a prepositional phrase the object runs through (addressed at
    // meetings by Jagan , Janet Jagan and …), whose object the list is.
    double list_doubt = 0.0;
    const bool after_preposition = limit > phrases_[object].end;
    for (int at = limit; !after_preposition && at + 1 < n && (ws_[at].lower == "and" || ws_[at].lower == "or" || ws_[at].token->text == ",");) {
      const int next = PhraseAt(at + 1, n);
      if (next < 0) break;
      // fruit , such as apples: examples of the object, not more objects (Examples).
      if (ws_[phrases_[next].begin].lower == "such" || ws_[phrases_[next].begin].lower == "including") break;
      // Tampa , Florida: a comma between two names is a place, not a list,
      // unless more names follow (Rockwell , Boeing and Lockheed).
      if (ws_[at].token->text == "," && ws_[at - 1].tag == Tag::kPropn && ws_[phrases_[next].begin].tag == Tag::kPropn &&
          !ListGoesOn(phrases_[next].end)) {
        break;
      }
      const int end = ClauseEnd(phrases_[next].end);
      if (end < n && (ws_[end].tag == Tag::kVerb || ws_[end].tag == Tag::kAux)) break;  // a new clause
      f.object = phrases_[next];
      f.object.end = std::max(f.object.end, end);
      list_doubt += kObjectListDoubt;
      emit(f, kObjectList, list_doubt);
      at = end;
    }
    return j;
  }

  // Childers 's book: the owner has the thing.
  void Possessives() {
    for (const Phrase& p : phrases_) {
      for (int i = p.begin + 1; i + 1 < p.end; ++i) {
        const bool split_s = ws_[i].token->text == "'" && i + 2 < p.end && ws_[i + 1].lower == "s";
        if (ws_[i].token->text != "'s" && !split_s) continue;
        const int owner_begin = p.name_begin >= 0 && p.name_begin < i ? p.name_begin : p.begin;
        if (ws_[i - 1].tag != Tag::kPropn && ws_[i - 1].tag != Tag::kNoun) break;
        Found f;
        f.subject = Phrase{owner_begin, i, -1};
        f.object = Phrase{i + (split_s ? 2 : 1), p.end, -1};
        f.relation_extra = "has";
        f.lemma = "have";
        f.From(kPossessive);
        out_.push_back(f);
        break;
      }
    }
  }

  void Appositions() {
    for (size_t p = 0; p < phrases_.size(); ++p) {
      const Phrase& a = phrases_[p];
      // President Lula: Lula is President; Mr. or Dr. Lula says nothing he is.
      if (a.name_begin >= 0 && !Honorific(a)) {
        Found f;
        f.subject = Phrase{a.name_begin, a.end, -1};
        f.object = Phrase{a.title_begin, a.name_begin, -1};
        f.relation_extra = "is";
        f.From(kTitledName);
        out_.push_back(f);
      }
      if (p + 1 >= phrases_.size()) continue;
      Phrase b = phrases_[p + 1];
      // Laura Smith , director for the bank , …: the apposition runs
      // through its prepositional phrases.
      for (size_t q = p + 2; q < phrases_.size() && ws_[b.end].tag == Tag::kPrep && phrases_[q].begin == b.end + 1; ++q) {
        b.end = phrases_[q].end;
      }
      // X , the Y of Z , ... and X , leader of the Cherusci , ...: a phrase
      // between commas after a noun phrase says what it is.
      if (b.begin != a.end + 1 || ws_[a.end].token->text != ",") continue;
      if (ws_[a.end - 1].tag != Tag::kPropn && ws_[a.end - 1].tag != Tag::kNoun) continue;
      if (a.begin > 0 && ws_[a.begin - 1].tag == Tag::kPrep) continue;
      // … says the firm 's president , Dick Burke .: the sentence may end it.
      const int n = ws_.size();
      const bool closed = b.end >= n || ws_[b.end].token->text == "," || (b.end + 1 == n && ws_[b.end].tag == Tag::kPunct);
      // Not a place (Guayaquil , Ecuador), nor an example (such as …) or
      // a gerund (, speaking about the deal ,).
      auto proper = [&](const Phrase& x) {
        return std::all_of(ws_.begin() + x.begin, ws_.begin() + x.end, [](const Word& w) {
          return w.tag == Tag::kPropn || w.tag == Tag::kPunct;
        });
      };
      const bool example = b.begin + 1 < b.end && ws_[b.begin + 1].lower == "as";
      const Phrase& b_head = phrases_[p + 1];
      const bool gerund = ws_[b.begin].verb >= 0 && ws_[b.begin].form == VerbForm::kGerund && b_head.end == b.begin + 1;
      if (ws_[b.begin].tag == Tag::kPron || !closed || (proper(a) && proper(b_head)) || example || gerund) {
        continue;
      }
      // Not inside a list: hearing , vision , motor , and ...; Argentina ,
      // Brazil , Paraguay and Uruguay.
      // (However , Paul Johanson , a director , said: an adverb before the
      // comma is no item.)
      if ((a.begin > 0 && ws_[a.begin - 1].token->text == "," && PhraseEndingAt(a.begin - 1) >= 0) ||
          (b.end + 1 < static_cast<int>(ws_.size()) && (ws_[b.end + 1].lower == "and" || ws_[b.end + 1].lower == "or")) ||
          ListGoesOnPast(b.end)) {
        continue;
      }
      Found f;
      f.subject = a;
      if (a.name_begin >= 0 && !Honorific(a)) f.subject.begin = a.name_begin;
      f.object = b;
      f.relation_extra = "is";
      f.From(kCommaApposition);
      out_.push_back(f);
    }
  }

  // Several firms , including Acme and Shell ; fruit such as apples: each
  // item of the list is an instance of the phrase before it (through its
  // prepositional phrases to its head).
  void Examples() {
    const int n = ws_.size();
    for (int k = 1; k + 1 < n; ++k) {
      const bool including = ws_[k].lower == "including";
      const bool such_as = ws_[k].lower == "such" && ws_[k + 1].lower == "as";
      if (!including && !such_as) continue;
      const int at = ws_[k - 1].token->text == "," ? k - 1 : k;
      const int last = PhraseEndingAt(at);
      bool unused;
      const int head = last >= 0 ? SubjectBefore(at, &unused) : -1;
      if (head < 0) continue;
      Found f;
      f.subject = Phrase{phrases_[head].begin, phrases_[last].end, -1};
      if (phrases_[head].name_begin >= 0 && !Honorific(phrases_[head])) f.subject.begin = phrases_[head].name_begin;
      f.relation = including ? std::vector<int>{k} : std::vector<int>{k, k + 1};
      f.lemma = "include";
      f.From(kExampleList);
      for (int item = k + (including ? 1 : 2); item < n;) {
        const int p = PhraseAt(item, n);
        if (p < 0) break;
        f.object = phrases_[p];
        out_.push_back(f);
        item = phrases_[p].end;
        // Dr. Nabarro , head of operations , …: an apposition, no item.
        if (item < n && ws_[item].token->text == "," && !ListGoesOnPast(item)) break;
        if (item < n && ws_[item].token->text == ",") ++item;
        if (item < n && (ws_[item].lower == "and" || ws_[item].lower == "or")) ++item;
        if (item == phrases_[p].end) break;
      }
    }
  }

  void ApplySentenceModality() {
    clause::SentenceModality sentence;
    if (!ws_.empty() && ws_.back().token->text == "?") sentence.question_at = ws_.size() - 1;
    sentence.reported_from = state_.reported_from;
    sentence.complements = state_.complements;
    for (size_t i = 0; i < ws_.size(); ++i) {
      if (ws_[i].lower == "if" || ws_[i].lower == "unless") sentence.condition_from = std::min<int>(sentence.condition_from, i);
      if (ws_[i].token->text == ",") sentence.commas.push_back(i);
    }
    for (Found& f : out_) f.modality = sentence.Of(f.modality, f.verb >= 0 ? f.verb : f.subject.begin, false);
  }

  const Lexicon& lex_;
  const std::vector<Word>& ws_;
  const std::vector<TimePhrase>& times_;
  Discourse::Sentence& state_;
  std::vector<Phrase> phrases_;
  std::vector<int> phrase_at_;
  std::vector<Found> out_;
  std::vector<Phrase> extra_subjects_;  // conjuncts before the verb's subject
  std::vector<std::pair<int, int>> relative_spans_;  // [relative pronoun, clause end]
  // A clause with no object of its own, the verb after its "and" (whose
  // object it shares) and the doubt of its subject.
  struct SharesObject {
    Found clause;
    int verb = -1;
    double doubt = 0.0;
  } shares_object_;
};

std::string Text(const std::vector<Word>& ws, int begin, int end) {
  std::string out;
  for (int i = begin; i < end; ++i) {
    // A space only where the text had one: U.S., Moscow-led, Russia's.
    if (i > begin && ws[i].token->start != ws[i - 1].token->end) out.push_back(' ');
    out += ws[i].token->text;
  }
  return out;
}

// A word that stands for something named elsewhere (he, it, this, which):
// alone as an argument it is no entity until a resolver links it.
bool Refers(const Word& w) {
  static const char* const kDemonstratives[] = {"this", "that", "these", "those"};
  return w.tag == Tag::kPron || w.tag == Tag::kRel ||
         std::any_of(std::begin(kDemonstratives), std::end(kDemonstratives), [&](const char* d) { return w.lower == d; });
}

// A name's possessive, one word (ICU keeps Maathai's whole): the name it ends.
bool Possessive(const Word& w) {
  const std::string& t = w.token->text;
  return w.tag == Tag::kPropn && (t.ends_with("'s") || t.ends_with("’s")) && t.size() > 3;
}

// The word without a possessive ending: maathai's → maathai.
std::string WithoutPossessive(const std::string& lower) {
  for (std::string_view ending : {"'s", "’s"}) {
    if (lower.ends_with(ending) && lower.size() > ending.size()) return lower.substr(0, lower.size() - ending.size());
  }
  return lower;
}

// Where the owner of a phrase ends, past its possessive (Dr Maathai's
// project: at project), or -1 when the phrase has no named owner.
int OwnerEnd(const std::vector<Word>& ws, int begin, int end) {
  for (int i = begin; i + 1 < end; ++i) {
    if (Possessive(ws[i])) return i + 1;
    if (ws[i].tag != Tag::kDet && ws[i].tag != Tag::kPropn && ws[i].title_end < 0) return -1;
  }
  return -1;
}

// Whether what an owner owns is a name, perhaps titled: the BBC's Rachel
// Harvey, Russia's President Putin; not Maathai's project.
bool OwnsName(const std::vector<Word>& ws, int owned, int end) {
  return std::all_of(ws.begin() + owned, ws.begin() + end,
                     [](const Word& w) { return w.tag == Tag::kPropn || w.title_end >= 0 || w.tag == Tag::kPunct; });
}

Argument ArgumentOf(const std::vector<Word>& ws, int begin, int end, const Discourse& discourse) {
  // The BBC's Rachel Harvey: the owner only says whose; the name after it,
  // a person's or one the gazetteer knows, is the argument. Not where the
  // owner is part of a name (the Austrian People's Party, Japan's
  // Constitution).
  if (const int owned = OwnerEnd(ws, begin, end); owned > 0 && OwnsName(ws, owned, end)) {
    Argument a = ArgumentOf(ws, owned, end, discourse);
    if (a.kind == "PER" || a.kind == "ORG" || a.kind == "LOC") {
      a.text = Text(ws, begin, end);
      return a;
    }
  }
  Argument a;
  a.text = Text(ws, begin, end);
  // A name, perhaps after determiners, adjectives or a title and before
  // prepositional phrases, is the argument's entity: former president
  // Nursultan Nazarbayev from the Security Council.
  for (int i = begin; i < end; ++i) {
    if (ws[i].entity && ws[i].name_end > i) {
      const int after = ws[i].name_end;
      if (after >= end || ws[after].tag == Tag::kPrep || ws[after].tag == Tag::kPunct) {
        a.entity = ws[i].entity->key;
        a.kind = ws[i].entity->kind;
        a.label_en = ws[i].entity->label_en;
        return a;
      }
      break;
    }
    if (ws[i].tag != Tag::kDet && ws[i].tag != Tag::kAdj && ws[i].title_end < 0) break;
  }
  int from = begin;
  while (from < end - 1 && (ws[from].tag == Tag::kDet)) ++from;
  // Mr., Ms., Dr. belong to the name they address and say nothing of who it
  // is: Mr. Brown is Brown.
  if (ws[from].title_honorific && ws[from].title_end > from && ws[from].title_end < end) from = ws[from].title_end;
  std::string key;
  for (int i = from; i < end; ++i) {
    if (ws[i].tag == Tag::kPunct) continue;
    key += (key.empty() ? "" : " ") + (i + 1 == end ? WithoutPossessive(ws[i].lower) : ws[i].lower);
  }
  auto known = discourse.names.find(key);
  if (known != discourse.names.end()) {
    Argument resolved = known->second;
    resolved.text = a.text;
    return resolved;
  }
  a.entity = key;
  a.kind = ws[end - 1].tag == Tag::kPropn && ws[from].tag == Tag::kPropn ? "MISC" : "CONCEPT";
  a.unresolved = end - from == 1 && Refers(ws[from]);
  return a;
}

// The phrases that say when, in the order of this table (each a run of
// words; the examples are whole phrases):
//   a day, month or time word     on Monday (morning), 5 May, May 5, 2010, yesterday
//   a period after a modifier      last week, this year, early next month, the next day
//   a year after a preposition     in 2010, since 1998
// A preposition that adds nothing (on, in, at, during) is left out of the
// text; one that does (since, until, before, after) is kept.
std::vector<TimePhrase> FindTimePhrases(const Lexicon& lex, const std::vector<Word>& ws) {
  const int n = static_cast<int>(ws.size());
  auto digits = [&](int i, size_t lo, size_t hi) {
    const std::string& t = ws[i].token->text;
    return t.size() >= lo && t.size() <= hi && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  // A month or weekday is one only capitalized, and a capital May is the
  // modal unless a preposition or a number is beside it (in May 2011).
  auto time_word = [&](int i) {
    const WordInfo* w = lex.Find(ws[i].lower);
    if (!w || !w->time) return false;
    const bool proper = std::find(w->tags.begin(), w->tags.end(), Tag::kPropn) != w->tags.end();
    if (!proper) return true;
    if (ws[i].token->text[0] < 'A' || ws[i].token->text[0] > 'Z') return false;
    const bool beside = (i > 0 && ws[i - 1].tag == Tag::kPrep) || (i + 1 < n && digits(i + 1, 1, 4));
    return (ws[i].tag != Tag::kAux && ws[i].tag != Tag::kVerb) || (i > 0 && beside);
  };
  auto period = [&](int i) {
    const WordInfo* w = lex.Find(ws[i].lower);
    return w && w->period;
  };
  std::vector<TimePhrase> out;
  for (int i = 0; i < n;) {
    int k = i;
    const bool plain = OneOf(ws[k].lower, {"on", "in", "at", "during"});
    const bool kept = OneOf(ws[k].lower, {"since", "until", "before", "after", "by"});
    if (plain || kept) ++k;
    const int text_begin = plain ? k : i;
    bool modified = false;
    if (k + 1 < n && ws[k].lower == "the" && OneOf(ws[k + 1].lower, {"next", "same", "following", "previous"})) {
      modified = true;
      k += 2;
    }
    while (k < n && OneOf(ws[k].lower, {"last", "next", "this", "early", "late", "earlier", "later"})) {
      modified = true;
      ++k;
    }
    const int core = k;
    bool when = false;
    while (k < n) {
      if (time_word(k) || (period(k) && (modified || when))) {
        when = true;
      } else if (digits(k, 1, 4) && (when || (k + 1 < n && time_word(k + 1)))) {
        // May 5, 5 May, May 2010
      } else if (digits(k, 4, 4) && k == core && (plain || kept) && ws[i].lower != "at") {
        when = true;  // in 2010
      } else if (ws[k].token->text == "," && when && k + 1 < n && digits(k + 1, 4, 4)) {
        // May 5, 2010
      } else {
        break;
      }
      ++k;
    }
    if (!when) {
      ++i;
      continue;
    }
    out.push_back({i, k, Text(ws, text_begin, k)});
    i = k;
  }
  return out;
}

// Whether a time phrase is all of `p`: on Monday, last week.
bool IsTime(const std::vector<TimePhrase>& times, const Phrase& p) {
  return std::any_of(times.begin(), times.end(), [&](const TimePhrase& t) { return t.begin <= p.begin && t.end >= p.end; });
}

// Sentence adverbs and asides, set off by commas: the supply , though , is;
// Acme , for example , sells.
constexpr std::string_view kAsides[] = {
    "however", "though",      "therefore", "meanwhile",   "moreover",   "instead",      "indeed",   "nonetheless",
    "nevertheless", "also",   "too",       "thus",        "furthermore", "for example", "for instance", "in particular",
    "of course", "in fact",   "in turn",   "in addition", "as a result", "after all",   "in general", "on the other hand", "among others"};

// The number of words of an aside that starts at word `i` and is closed by
// a comma, or 0.
size_t AsideAt(const std::vector<std::string>& words, size_t i) {
  for (std::string_view aside : kAsides) {
    const size_t n = std::count(aside.begin(), aside.end(), ' ') + 1;
    if (i + n >= words.size() || words[i + n] != ",") continue;
    std::string joined = words[i];
    for (size_t k = i + 1; k < i + n; ++k) joined += " " + words[k];
    if (joined == aside) return n;
  }
  return 0;
}

// Zero-width spaces and joiners, the word joiner and the byte order mark:
// characters a reader does not see.
bool IsInvisible(char32_t c) { return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF; }

std::string WithoutInvisibles(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const char32_t c = utf8::Next(s, &i);
    if (!IsInvisible(c)) utf8::Append(c, &out);
  }
  return out;
}

// The words as a reader sees them: an invisible character inside a word is
// dropped (Oba<ZWSP>ma is Obama), except that a zero-width space between a
// small and a capital letter stands for a space (Joe<ZWSP>Biden). ICU keeps
// the joiners inside a word but cuts it at a zero-width space. Arabic has
// its own module, which keeps them.
std::vector<Token> ReadInvisibles(const std::vector<Token>& tokens) {
  std::vector<Token> out;
  int glue_end = -1;  // where the zero-width space after the last word ends
  for (const Token& t : tokens) {
    std::string text = WithoutInvisibles(t.text);
    if (text.empty()) {  // a zero-width space ICU made a token of
      glue_end = !out.empty() && out.back().end == t.start && out.back().kind != Token::kPunct ? t.end : -1;
      continue;
    }
    const bool capital_after_small = glue_end >= 0 && out.back().text.back() >= 'a' &&
                                     out.back().text.back() <= 'z' && text[0] >= 'A' && text[0] <= 'Z';
    if (glue_end == t.start && t.kind != Token::kPunct && !capital_after_small) {
      out.back().text += text;
      out.back().end = t.end;
    } else {
      out.push_back(t);
      out.back().text = std::move(text);
    }
    glue_end = -1;
  }
  return out;
}

// An auxiliary that is the relation itself is its own verb: the ministry
// has the documents (have); the minister is a doctor (be).
constexpr std::pair<std::string_view, std::string_view> kAuxiliaryLemmas[] = {
    {"has", "have"}, {"have", "have"}, {"had", "have"}, {"having", "have"},
    {"do", "do"},    {"does", "do"},   {"did", "do"}};

std::string AuxiliaryLemma(const std::string& lower) {
  for (const auto& [form, lemma] : kAuxiliaryLemmas) {
    if (lower == form) return std::string(lemma);
  }
  return "be";
}

// A contraction written as one word is read as two, as the Penn Treebank
// splits them: the host and the clitic, which reads as the word it stands
// for. The host must be of the kind the clitic attaches to, so that a name
// such as Sa'd stays whole.
struct Contraction {
  std::string_view clitic;    // with ' (’ reads the same)
  std::string_view reads_as;
  Tag host;
};
constexpr Contraction kContractions[] = {
    {"n't", "not", Tag::kAux},     // doesn't, isn't, hasn't; can't, won't
    {"'ve", "have", Tag::kPron},   // I've, they've
    {"'re", "are", Tag::kPron},    // you're, they're
    {"'ll", "will", Tag::kPron},   // we'll
    {"'m", "am", Tag::kPron},      // I'm
    {"'d", "would", Tag::kPron},   // she'd
};
// Hosts spelt otherwise before n't: ca n't is "can not".
constexpr std::pair<std::string_view, std::string_view> kHostsBeforeNot[] = {
    {"ca", "can"}, {"wo", "will"}, {"sha", "shall"}};

// The tokens with each contraction split in two; `readings` gets, for each
// token out, the word it reads as when that is not its own text.
std::vector<Token> SplitContractions(const Lexicon& lexicon, const std::vector<Token>& tokens,
                                     std::vector<std::string>* readings) {
  std::vector<Token> out;
  for (const Token& t : tokens) {
    std::string plain = AsciiLowercase(t.text);
    for (size_t at; (at = plain.find("\u2019")) != std::string::npos;) plain.replace(at, 3, "'");
    const Contraction* found = nullptr;
    for (const Contraction& c : kContractions) {
      if (plain.size() > c.clitic.size() && plain.ends_with(c.clitic)) found = &c;
    }
    // Offsets (in code points) must match the text, which an invisible
    // character dropped from the word would not.
    const bool as_written = t.end - t.start == static_cast<int>(utf8::Length(t.text));
    std::string host = found ? plain.substr(0, plain.size() - found->clitic.size()) : "";
    if (found && found->clitic == "n't") {
      for (const auto& [spelt, word] : kHostsBeforeNot) {
        if (host == spelt) host = word;
      }
    }
    const WordInfo* info = found ? lexicon.Find(host) : nullptr;
    const bool hosts = info && std::find(info->tags.begin(), info->tags.end(), found->host) != info->tags.end();
    if (!found || !as_written || !hosts) {
      out.push_back(t);
      readings->emplace_back();
      continue;
    }
    // The clitic as written: from its apostrophe, or from the n before it.
    const size_t straight = t.text.rfind('\''), curly = t.text.rfind("\u2019");
    const size_t apostrophe = straight == std::string::npos ? curly
                              : curly == std::string::npos  ? straight
                                                            : std::max(straight, curly);
    const size_t split = found->clitic == "n't" ? apostrophe - 1 : apostrophe;
    const int clitic_start = t.start + static_cast<int>(utf8::Length(std::string_view(t.text).substr(0, split)));
    out.push_back({t.text.substr(0, split), t.start, clitic_start, t.kind});
    readings->push_back(host);
    out.push_back({t.text.substr(split), clitic_start, t.end, t.kind});
    readings->emplace_back(found->reads_as);
  }
  return out;
}

// The pronouns a resolver links to an entity, each as a whole argument
// ("told her", not "her talks"). Not "I", "we", "you": a quote's speaker is
// another matter.
constexpr Pronoun kPronouns[] = {
    // Brown met Merkel. He said …: Brown, the nearest man within two
    // sentences; Artest was suspended. He …: an unknown name may be a man's.
    // When nobody is in that reach, five sentences back.
    {.word = "he", .kinds = "PER", .unknown_names = true, .gender = Gender::kMale, .sentences_back = 2,
     .sentences_back_when_none = 5, .organization_rivals = true},
    {.word = "him", .kinds = "PER", .unknown_names = true, .gender = Gender::kMale, .sentences_back = 2,
     .sentences_back_when_none = 5, .organization_rivals = true},
    // Merkel met Brown. She said …: Merkel.
    {.word = "she", .kinds = "PER", .unknown_names = true, .gender = Gender::kFemale, .sentences_back = 2,
     .sentences_back_when_none = 5, .organization_rivals = true},
    {.word = "her", .kinds = "PER", .unknown_names = true, .gender = Gender::kFemale, .sentences_back = 2,
     .sentences_back_when_none = 5, .organization_rivals = true},
    // Acme rejected the offer. They said …: Acme; the workers rejected it.
    // They said …: the workers.
    {.word = "they", .kinds = "ORG CONCEPT", .unknown_names = true, .plural = true, .sentences_back = 1},
    {.word = "them", .kinds = "ORG CONCEPT", .unknown_names = true, .plural = true, .sentences_back = 1},
    // Acme opened in Ohio. It said …: Acme; the company said it …: the
    // company, when nothing else is in reach.
    {.word = "it", .kinds = "ORG LOC MISC CONCEPT", .sentences_back = 1},
    // The ferry was built in 1990. This is the oldest ship …: a common noun
    // subject of the sentence before, only as the subject of a copula with
    // a noun phrase after it (CopulaPredicate), where "this" names a thing,
    // not an event.
    {.word = "this", .kinds = "CONCEPT", .sentences_back = 1},
};

// Verbs whose subject "it" stands for nothing: it seems, it rains. The
// copulas (be, remain) only when what they say is no thing's
// (CopulaPredicate).
bool TakesEmptyIt(const std::string& lemma) {
  return OneOf(lemma, {"seem", "appear", "rain", "snow", "matter", "mean"});
}

// Adjectives that say something of a clause after them, left out or not:
// it is unclear (whether …), it is essential that …, it was impossible.
bool TakesClause(const std::string& adjective) {
  return OneOf(adjective, {"clear", "unclear", "likely", "unlikely", "possible", "impossible", "essential", "important",
                           "necessary", "inevitable", "easy", "hard", "difficult", "true", "obvious", "evident"});
}

bool IsCopula(const std::string& lemma) { return OneOf(lemma, {"be", "remain"}); }

// The first word of what a copula says of its subject, or -1 when it says
// nothing of a thing: It is a submarine, it remained in shallow waters,
// it has been cautious (a thing's); it is unclear (TakesClause), it is in
// fact impossible to … (an adjective before to or that), it is time to …,
// it was wages that … (an extraposed clause or a cleft).
int CopulaPredicate(const std::vector<Word>& ws, const Found& f) {
  auto introduces_clause = [&](int i) { return i < static_cast<int>(ws.size()) && OneOf(ws[i].lower, {"to", "that", "who"}); };
  int first = f.subject.end;
  auto copula_word = [&](Tag t) { return t == Tag::kAux || t == Tag::kVerb || t == Tag::kAdv || t == Tag::kNeg; };
  while (first < f.object.end && copula_word(ws[first].tag)) ++first;
  if (first >= f.object.end || TakesClause(ws[first].lower) || introduces_clause(f.object.end)) return -1;
  for (int i = first; i < f.object.end; ++i) {
    if ((ws[i].tag == Tag::kAdj || ws[i].lower == "time") && introduces_clause(i + 1)) return -1;
  }
  return first;
}

// Whether words [begin, end) say how long: it took three years, it takes time.
bool SaysHowLong(const Lexicon& lex, const std::vector<Word>& ws, int begin, int end) {
  for (int i = begin; i < end; ++i) {
    const std::string& word = ws[i].lower;
    const std::string singular = word.ends_with("s") ? word.substr(0, word.size() - 1) : word;
    for (const std::string& form : {word, singular}) {
      const WordInfo* w = lex.Find(form);
      if (form == "time" || (w && w->period)) return true;
    }
  }
  return false;
}

// What the words of a name say of a person's gender: a title before or in
// it (Mr., Queen, spokeswoman), else its first name (Angela).
Gender GenderOfName(const Lexicon& lex, const std::vector<Word>& ws, int begin, int end) {
  for (int k = std::max(0, begin - lex.max_title_words()); k < begin; ++k) {
    if (ws[k].title_end == begin && ws[k].title_gender != Gender::kUnknown) return ws[k].title_gender;
  }
  for (int i = begin; i < end; ++i) {
    if (ws[i].title_end > i) {
      if (ws[i].title_gender != Gender::kUnknown) return ws[i].title_gender;
      i = ws[i].title_end - 1;
    } else if (ws[i].tag == Tag::kPropn) {
      return lex.GivenNameGender(ws[i].lower);
    }
  }
  return Gender::kUnknown;
}

// Capitalized words none of which the lexicon knows as a common noun or a
// time word, nor written in capitals as an acronym: Artest, Koizumi
// Junichiro; not Royal Library, Wednesday, BBC.
bool MayBePersonName(const Lexicon& lex, const std::vector<Word>& ws, int begin, int end) {
  for (int i = begin; i < end; ++i) {
    if (ws[i].tag != Tag::kPropn) return false;
    const std::string& t = ws[i].token->text;
    if (t.size() > 1 && std::none_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return false;
    const WordInfo* w = lex.Find(ws[i].lower);
    if (w && (w->time || w->period || std::find(w->tags.begin(), w->tags.end(), Tag::kNoun) != w->tags.end())) return false;
  }
  return end > begin;
}

// Where a phrase's head ends: before its first preposition (characteristics
// of the browser: characteristics), else at its end.
int HeadEnd(const std::vector<Word>& ws, int begin, int end) {
  for (int i = begin + 1; i < end; ++i) {
    if (ws[i].tag == Tag::kPrep) return i;
  }
  return end;
}

// A plural common noun heads the phrase: the protesters, two companies; the
// police, the people, who take a plural verb.
bool EndsInPluralNoun(const std::vector<Word>& ws, int end) {
  const std::string& last = ws[end - 1].lower;
  if (ws[end - 1].tag != Tag::kNoun) return false;
  return (last.size() > 3 && last.ends_with("s") && !last.ends_with("ss")) ||
         OneOf(last, {"police", "people", "men", "women", "children"});
}

}  // namespace

std::span<const clause::Pattern* const> Patterns() { return kPatterns; }

void EnglishModule::Process(const TokenizedSentence& sentence, int index, Discourse* discourse,
                            Extraction* out) const {
  std::vector<std::string> readings;
  const std::vector<Token> tokens = SplitContractions(*lexicon_, ReadInvisibles(sentence.tokens), &readings);
  auto lower = [](const std::string& text) {
    std::string s = AsciiLowercase(text);
    if (s.ends_with(".") && s.size() > 1) s.pop_back();
    return s;
  };
  std::vector<Word> ws;
  ws.reserve(tokens.size());
  std::vector<std::string> lowered(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) lowered[i] = lower(tokens[i].text);
  for (size_t i = 0; i < tokens.size(); ++i) {
    // The supply , though , is tighter: an aside between commas is left
    // out, so that it does not cut the subject from its verb.
    if (const size_t aside = tokens[i].text == "," ? AsideAt(lowered, i + 1) : 0) {
      i += aside + 1;
      continue;
    }
    Word w;
    w.token = &tokens[i];
    w.lower = readings[i].empty() ? lower(tokens[i].text) : readings[i];
    ws.push_back(std::move(w));
  }
  MarkNames(*lexicon_, *gazetteer_, &ws);
  TagWords(*lexicon_, &ws);
  // ICU's words end "U.S." and "Dr." before their last period; that period
  // is part of the word (and of a title), not the end of a clause.
  for (size_t i = 1; i < ws.size(); ++i) {
    const Word& prev = ws[i - 1];
    const bool abbreviation = prev.token->text.find('.') != std::string::npos ||
                              (prev.token->text.size() <= 3 && !prev.token->text.empty() && prev.token->text[0] >= 'A' &&
                               prev.token->text[0] <= 'Z') ||
                              IsAbbreviation(prev.token->text + ".");
    if (ws[i].token->text == "." && prev.token->end == ws[i].token->start && abbreviation && i + 1 < ws.size()) {
      ws[i].tag = prev.tag == Tag::kNoun ? Tag::kNoun : Tag::kPropn;
      for (size_t k = 0; k < i; ++k) {
        if (ws[k].title_end == static_cast<int>(i)) ws[k].title_end = i + 1;
      }
    }
  }
  const std::vector<TimePhrase> times = FindTimePhrases(*lexicon_, ws);
  // elected in May , opened: a month in a time phrase is no modal.
  for (const TimePhrase& t : times) {
    for (int i = t.begin; i < t.end; ++i) {
      if (ws[i].tag == Tag::kAux || ws[i].tag == Tag::kVerb) ws[i].tag = Tag::kPropn;
    }
  }
  Parser parser(*lexicon_, ws, times, &discourse->sentence);
  std::vector<Found> found = parser.Run();
  // A time is the triple's time, never its subject or object, nor the end
  // (met the workers on Monday) or the start of one: was built in 1990 by
  // the army is "was built by | the army".
  std::erase_if(found, [&](const Found& f) { return IsTime(times, f.subject) || IsTime(times, f.object); });
  for (Found& f : found) {
    for (const TimePhrase& t : times) {
      // A reported clause keeps the times at its end: said prices will rise next year.
      if (t.begin > f.object.begin && t.begin < f.object.end && t.end >= f.object.end && f.complement_end < 0) {
        f.object.end = t.begin;
      }
      if (t.begin <= f.object.begin && t.end > f.object.begin && t.end < f.object.end) {
        std::erase_if(f.relation, [&](int i) { return i >= t.begin && i < t.end; });
        f.object.begin = t.end;
        if (ws[f.object.begin].tag == Tag::kPrep && f.object.begin + 1 < f.object.end) f.relation.push_back(f.object.begin++);
        if (f.object.name_begin < f.object.begin) f.object.name_begin = -1;
        if (f.object.title_begin < f.object.begin) f.object.title_begin = -1;
      }
    }
  }
  // Cutting times off may leave two triples the same: keep the first.
  std::vector<Found> distinct;
  for (Found& f : found) {
    const bool seen = std::any_of(distinct.begin(), distinct.end(), [&](const Found& d) {
      return d.subject.begin == f.subject.begin && d.subject.end == f.subject.end && d.relation == f.relation &&
             d.object.begin == f.object.begin && d.object.end == f.object.end;
    });
    if (!seen) distinct.push_back(std::move(f));
  }
  found = std::move(distinct);
  std::vector<int> verbs;
  for (size_t i = 0; i < ws.size(); ++i) {
    if (ws[i].tag == Tag::kVerb) verbs.push_back(i);
  }

  for (size_t i = 0; i < ws.size(); ++i) {
    Mention m;
    m.sentence = index;
    if (ws[i].entity && ws[i].name_end > static_cast<int>(i)) {
      m.entity = Argument{Text(ws, i, ws[i].name_end), ws[i].entity->key, ws[i].entity->kind, ws[i].entity->label_en};
      m.start = ws[i].token->start;
      m.end = ws[ws[i].name_end - 1].token->end;
      out->mentions.push_back(m);
      discourse->Remember({.entity = m.entity, .sentence = index, .start = m.start,
                         .gender = GenderOfName(*lexicon_, ws, i, ws[i].name_end)});
      continue;
    }
    auto unknown_name = [&](size_t k) { return k < ws.size() && ws[k].tag == Tag::kPropn && !ws[k].entity; };
    const bool titled = ws[i].title_end > static_cast<int>(i) && unknown_name(ws[i].title_end);
    // Gordon Brown: an unknown name of two words or more that opens with a
    // given name is a person's.
    const bool given = unknown_name(i) && unknown_name(i + 1) && !Possessive(ws[i]) &&
                       (i == 0 || ws[i - 1].tag != Tag::kPropn || Possessive(ws[i - 1])) &&
                       lexicon_->GivenNameGender(ws[i].lower) != Gender::kUnknown;
    if (!titled && !given) continue;
    int b = titled ? ws[i].title_end : i, e = b;
    while (unknown_name(e) && (e == b || !Possessive(ws[e - 1]))) ++e;  // Dr Maathai's | Green Belt
    Argument a = ArgumentOf(ws, b, e, *discourse);
    a.kind = titled ? ws[i].title_kind : "PER";
    discourse->names.emplace(a.entity, a);
    discourse->names.emplace(WithoutPossessive(ws[e - 1].lower), a);  // the surname alone, later on
    m.entity = a;
    m.start = ws[b].token->start;
    m.end = ws[e - 1].token->end;
    out->mentions.push_back(m);
    discourse->Remember({.entity = a, .sentence = index, .start = m.start, .gender = GenderOfName(*lexicon_, ws, i, e)});
    i = e - 1;
  }

  // In 2010 , / Historically , / When the band is not touring , ... : a
  // fronted phrase or clause is part of what the main clause says, and CaRB
  // writes it at the end of the object.
  // According to the report , ...: who says it, not part of what is said.
  int fronted_end = -1;
  // However , …: a sentence adverb (kAsides) links to what came before and
  // is no part of what the clause says.
  const bool source = !ws.empty() && ws[0].lower == "according";
  std::vector<std::string> first_words;
  for (size_t i = 0; i < ws.size() && i < 5; ++i) first_words.push_back(ws[i].lower);
  const bool aside = AsideAt(first_words, 0) > 0;
  if (!ws.empty() && !source && !aside && (ws[0].tag == Tag::kPrep || ws[0].tag == Tag::kAdv || ws[0].tag == Tag::kSub)) {
    const size_t reach = ws[0].tag == Tag::kSub ? 15 : 8;
    for (size_t i = 1; i < ws.size() && i < reach; ++i) {
      if (ws[i].token->text == ",") {
        fronted_end = i;
        break;
      }
      if (ws[0].tag != Tag::kSub && (ws[i].tag == Tag::kVerb || ws[i].tag == Tag::kAux)) break;
    }
  }
  // Inside a quotation a pronoun is the speaker's, who may name none of the
  // people around it: "He lied," Bao said of Vohor. Such pronouns stay as
  // written, and a subject inside one is no subject to the pronouns outside
  // it (According to Murad: "Arafat was a leader." He said …: Murad). A quotation still open from the sentences before counts for at
  // most kLongestQuotation of them, in case a mark was lost.
  constexpr int kLongestQuotation = 4;
  bool open_after = false;
  const std::vector<bool> quoted_token = QuotedTokens(tokens, discourse->sentences_in_quotation > 0, &open_after);
  auto quoted_at = [&](int i) { return quoted_token[ws[i].token - tokens.data()]; };
  if (!open_after || discourse->sentences_in_quotation >= kLongestQuotation) {
    discourse->sentences_in_quotation = 0;
  } else {
    ++discourse->sentences_in_quotation;
  }
  // Every phrase is remembered before any pronoun of the sentence is
  // resolved, each at its place, so that "Brown said he …" finds Brown; a
  // phrase is a subject when a clause says something of it (Ponting came
  // out), not when it only has a title (Paul Martin | is | Prime Minister).
  std::vector<bool> subject_at(ws.size() + 1, false);
  for (const Found& f : found) {
    if (!f.relation.empty()) subject_at[f.subject.begin] = true;
  }
  bool topic_seen = false;
  for (const Phrase& p : parser.phrases()) {
    const int begin = p.name_begin >= 0 ? p.name_begin : p.begin;
    if (p.end - begin == 1 && Refers(ws[begin])) continue;  // he, this: no referent of their own
    int next = p.end;  // Ponting then came: past adverbs
    while (next < static_cast<int>(ws.size()) && ws[next].tag == Tag::kAdv) ++next;
    // Officials in the Defence Agency considered …: a phrase after a
    // preposition is not the verb's subject.
    const bool in_prepositional = p.begin > 0 && ws[p.begin - 1].tag == Tag::kPrep;
    const bool before_verb = !in_prepositional && next < static_cast<int>(ws.size()) &&
                             (ws[next].tag == Tag::kVerb || ws[next].tag == Tag::kAux);
    Argument a = ArgumentOf(ws, begin, p.end, *discourse);
    const bool subject = (subject_at[begin] || before_verb) && !quoted_at(begin);
    // Dr Maathai's project was opposed. She …: the owner is spoken of too,
    // named before the thing it owns, which is nearer when both could be
    // meant (Smith's wife said she …); a subject only as the owner of a
    // thing, not of a name (the BBC's Rachel Harvey reports …). Only a
    // person whose gender is known: an owner is less often what a pronoun
    // stands for than a subject or an object is, and where no gender agrees
    // (Canada's capital … he) it is left out.
    if (const int owned = OwnerEnd(ws, begin, p.end); owned > 0) {
      int owner = begin;
      while (ws[owner].tag == Tag::kDet) ++owner;
      Argument who = ArgumentOf(ws, owner, owned, *discourse);
      const auto known = discourse->genders.find(who.entity);
      const Gender gender = known != discourse->genders.end() ? known->second : GenderOfName(*lexicon_, ws, owner, owned);
      if (gender != Gender::kUnknown) {
        discourse->Remember({.entity = std::move(who),
                             .sentence = index,
                             .start = ws[owner].token->start,
                             .gender = gender,
                             .subject = subject && !OwnsName(ws, owned, p.end),
                             .person_name = true});
      }
    }
    const bool topic = subject && !topic_seen;
    topic_seen = topic_seen || subject;
    const bool person = a.kind == "PER";
    Gender noun_gender = Gender::kUnknown;
    const int head_end = HeadEnd(ws, begin, p.end);
    const bool person_noun = a.kind == "CONCEPT" && lexicon_->IsPersonNoun(ws[head_end - 1].lower, &noun_gender);
    discourse->Remember({.entity = std::move(a),
                       .sentence = index,
                       .start = ws[begin].token->start,
                       .gender = person        ? GenderOfName(*lexicon_, ws, begin, p.end)
                                 : person_noun ? noun_gender
                                               : Gender::kUnknown,
                       .plural = EndsInPluralNoun(ws, head_end),
                       .subject = subject,
                       .person_name = MayBePersonName(*lexicon_, ws, begin, p.end),
                       .person_noun = person_noun,
                       .topic = topic});
  }
  struct Arguments {
    Argument subject, object;
  };
  std::vector<Arguments> arguments;
  for (const Found& f : found) {
    arguments.push_back({ArgumentOf(ws, f.subject.begin, f.subject.end, *discourse),
                         ArgumentOf(ws, f.object.begin, f.object.end, *discourse)});
  }
  // Brazil and South Korea discussed trade: coordinated subjects, two
  // clauses with one relation and object, are one referent for "they" after
  // them.
  std::vector<std::pair<int, int>> pairs;  // subject beginnings, remembered once
  for (size_t j = 0; j < found.size(); ++j) {
    for (size_t k = 0; k < j; ++k) {
      const Found &a = found[k], &b = found[j];
      const std::pair<int, int> pair{std::min(a.subject.begin, b.subject.begin), std::max(a.subject.begin, b.subject.begin)};
      const bool coordinated = a.relation == b.relation && a.object.begin == b.object.begin &&
                               a.object.end == b.object.end && pair.first != pair.second;
      if (!coordinated || arguments[k].subject.unresolved || arguments[j].subject.unresolved ||
          std::find(pairs.begin(), pairs.end(), pair) != pairs.end()) {
        continue;
      }
      pairs.push_back(pair);
      const bool j_first = b.subject.begin < a.subject.begin;
      discourse->Remember({.entity = arguments[j_first ? j : k].subject,
                           .sentence = index,
                           .start = ws[pair.first].token->start,
                           .plural = true,
                           .subject = true,
                           .partner = arguments[j_first ? k : j].subject});
    }
  }
  // A pronoun keeps its text and takes its antecedent's entity; one that is
  // resolved stands for it in turn, for the pronouns after it.
  auto lemma_of = [&](const Found& f) -> std::string {
    if (f.verb >= 0 && ws[f.verb].verb >= 0) return lexicon_->verb(ws[f.verb].verb).base;
    if (f.verb >= 0) return ws[f.verb].lower;
    if (!f.relation.empty() && ws[f.relation.back()].tag == Tag::kAux) return AuxiliaryLemma(ws[f.relation.back()].lower);
    return f.lemma.empty() ? "be" : f.lemma;
  };
  // A pronoun for a pair (they: Brazil and South Korea) takes the first
  // name, and `partner` the second, for a triple of its own.
  auto resolve = [&](const Phrase& phrase, bool subject, const std::string& not_entity, Argument* argument,
                     Argument* partner) {
    if (phrase.end - phrase.begin != 1 || !Refers(ws[phrase.begin]) || quoted_at(phrase.begin)) return;
    const Pronoun* pronoun = FindPronoun(kPronouns, ws[phrase.begin].lower);
    if (!pronoun) return;
    const int start = ws[phrase.begin].token->start;
    const Referent* antecedent = discourse->Resolve(*pronoun, index, start, not_entity);
    // Following the invasion, he chose … He campaigned for Bush. He has
    // served …: a man no name in reach stands for is still the one spoken
    // of; remembered as unresolved, he keeps later pronouns from a name
    // after him.
    if (!antecedent && subject && pronoun->gender != Gender::kUnknown) {
      Argument unknown = *argument;
      unknown.kind = "PER";
      unknown.unresolved = true;
      discourse->Remember({.entity = unknown, .sentence = index, .start = start, .gender = pronoun->gender,
                           .subject = true, .person_name = true});
    }
    if (!antecedent || antecedent->entity.unresolved) return;
    Argument resolved = antecedent->entity;
    resolved.text = argument->text;
    *argument = resolved;
    if (!antecedent->partner.entity.empty()) {
      *partner = antecedent->partner;
      partner->text = argument->text;
    }
    discourse->Remember({.entity = resolved, .sentence = index, .start = start, .gender = pronoun->gender,
                       .plural = pronoun->plural, .subject = subject, .person_name = antecedent->person_name,
                       .person_noun = antecedent->person_noun, .partner = antecedent->partner});
  };
  // Ortega said: "I will stay.": I and me in a sentence whose speaker is a
  // person named there are that person.
  const Argument* speaker = nullptr;
  for (size_t k = 0; k < found.size(); ++k) {
    const Found& f = found[k];
    const bool speech = f.verb >= 0 && ws[f.verb].verb >= 0 && lexicon_->verb(ws[f.verb].verb).speech;
    const Argument& who = arguments[k].subject;
    const bool person = who.kind == "PER" || (who.kind == "MISC" && who.label_en.empty());  // an unknown name
    if (speech && person && !speaker) speaker = &who;
  }
  const bool quoted = std::any_of(ws.begin(), ws.end(), [](const Word& w) { return IsQuote(w.token->text); });
  auto first_person = [&](const Phrase& phrase, Argument* argument) {
    if (!speaker || !quoted || phrase.end - phrase.begin != 1 || !OneOf(ws[phrase.begin].lower, {"i", "me"})) return;
    Argument resolved = *speaker;
    resolved.text = argument->text;
    *argument = resolved;
  };
  for (size_t k = 0; k < found.size(); ++k) {
    const Found& f = found[k];
    first_person(f.subject, &arguments[k].subject);
    first_person(f.object, &arguments[k].object);
  }
  // A person's pronoun that is the subject of a clause no triple came from
  // (Last season he was suspended twice) is resolved all the same, so that
  // the pronouns after it can follow it.
  for (const Phrase& p : parser.phrases()) {
    const bool personal = p.end - p.begin == 1 && OneOf(ws[p.begin].lower, {"he", "she", "they"});
    const bool before_verb = p.end < static_cast<int>(ws.size()) && (ws[p.end].tag == Tag::kVerb || ws[p.end].tag == Tag::kAux);
    const bool in_triple = std::any_of(found.begin(), found.end(), [&](const Found& f) {
      return f.subject.begin == p.begin || f.object.begin == p.begin;
    });
    if (!personal || !before_verb || in_triple) continue;
    Argument unused = ArgumentOf(ws, p.begin, p.end, *discourse), no_partner;
    resolve(p, true, "", &unused, &no_partner);
  }
  std::vector<Arguments> partners(found.size());
  for (size_t k = 0; k < found.size(); ++k) {
    const Found& f = found[k];
    const std::string lemma = lemma_of(f);
    const std::string& subject = ws[f.subject.begin].lower;
    const int predicate = IsCopula(lemma) ? CopulaPredicate(ws, f) : -1;
    const bool empty_it = subject == "it" && (TakesEmptyIt(lemma) || (IsCopula(lemma) && predicate < 0) ||
                                              (lemma == "take" && SaysHowLong(*lexicon_, ws, f.object.begin, f.object.end)));
    const bool this_names = lemma == "be" && predicate >= 0 &&
                            (ws[predicate].tag == Tag::kDet || IsNominal(ws[predicate].tag));
    if (!empty_it && (subject != "this" || this_names)) {
      resolve(f.subject, true, "", &arguments[k].subject, &partners[k].subject);
    }
    // Brown met him: not Brown, who would be "himself".
    if (ws[f.object.begin].lower != "this") {
      resolve(f.object, false, arguments[k].subject.entity, &arguments[k].object, &partners[k].object);
    }
  }
  // They signed the treaty, they being Brazil and South Korea: a triple for
  // each, as for coordinated subjects.
  for (size_t k = 0, n = found.size(); k < n; ++k) {
    const bool subject = !partners[k].subject.entity.empty(), object = !partners[k].object.entity.empty();
    if (!subject && !object) continue;
    const Found f = found[k];
    found.push_back(f);
    arguments.push_back({subject ? partners[k].subject : arguments[k].subject,
                         object ? partners[k].object : arguments[k].object});
  }

  for (size_t k = 0; k < found.size(); ++k) {
    const Found& f = found[k];
    Triple t;
    t.sentence = index;
    t.lang = "en";
    t.subject = std::move(arguments[k].subject);
    t.object = std::move(arguments[k].object);
    const bool fronted_time = !times.empty() && times.front().begin == 0 && times.front().end == fronted_end;
    if (fronted_end > 0 && f.subject.begin > fronted_end && !fronted_time) t.object.text += " " + Text(ws, 0, fronted_end);
    const int time = TimeOfClause(times, verbs, f.verb, std::min(f.subject.begin, f.object.begin),
                                  std::max(f.subject.end, f.object.end));
    if (time >= 0) t.time = times[time].text;
    std::vector<int> rel = f.relation;
    std::string text = f.relation_prefix;
    for (size_t k = 0; k < rel.size(); ++k) {
      // does n't is written doesn't: a space only where the text had one.
      const bool glued = k > 0 && ws[rel[k]].token->start == ws[rel[k - 1]].token->end;
      text += (text.empty() || glued ? "" : " ") + ws[rel[k]].token->text;
    }
    if (!f.relation_extra.empty()) text += (text.empty() ? "" : " ") + f.relation_extra;
    t.relation.text = text;
    t.relation.lemma = lemma_of(f);
    t.relation.label_en = t.relation.lemma;
    if (t.subject.text.empty() || t.object.text.empty() || t.relation.text.empty()) continue;
    if (t.subject.entity == t.object.entity) continue;  // Brown is Mr. Brown: one thing, no fact
    t.negated = f.negated;
    t.modality = f.modality;
    t.confidence = f.confidence;
    t.pattern = f.pattern ? f.pattern->name : "";
    t.start = std::min(ws[f.subject.begin].token->start, ws[f.object.begin].token->start);
    t.end = std::max(ws[f.subject.end - 1].token->end, ws[f.object.end - 1].token->end);
    for (int i : rel) {
      t.start = std::min(t.start, ws[i].token->start);
      t.end = std::max(t.end, ws[i].token->end);
    }
    out->triples.push_back(std::move(t));
  }
}

}  // namespace nasij::english
