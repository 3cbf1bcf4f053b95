// The clause layer both languages share. A language finds the clauses of a
// sentence by trying the named patterns of its ordered table (kPatterns in
// extract/arabic/clauses.cc and extract/english/clauses.cc); what a pattern
// is, what it finds and the modality a sentence gives its clauses live here
// once, and the discourse state in discourse.h. Internal to extract/.
#ifndef NASIJ_EXTRACT_CLAUSE_CLAUSE_H_
#define NASIJ_EXTRACT_CLAUSE_CLAUSE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/extract.h"

namespace nasij::clause {

// One shape of clause, in the manner of CoreNLP's relation-triple
// segmenter: a name, a sentence of ours it reads, the triple it gives there
// ("subject | relation | object", as `nasij extract` writes them) and the
// confidence of the triples it makes. The unit tests read every example.
struct Pattern {
  std::string_view name;
  std::string_view example;
  std::string_view gives;
  double confidence = 0.5;
};

// A clause a pattern found, over the word indices of one sentence; `Phrase`
// is the language's noun phrase ({begin, end} and what its chunker adds).
template <class Phrase>
struct Clause {
  const Pattern* pattern = nullptr;
  double confidence = 0.5;  // the pattern's, less what the reading doubts
  Phrase subject, object;
  std::vector<int> relation;  // word indices, in order
  std::string relation_prefix;  // a word not in the text before it: "was" (, released in 2000)
  std::string relation_extra;   // a preposition or copula not in the text after it
  std::string lemma;            // when the relation has no verb of its own: be, have
  int verb = -1;               // word index of the verb, or -1
  bool negated = false;
  Modality modality = Modality::kAsserted;
  // When the object is a reported clause (said that …), where its text
  // runs to; -1 when it is a phrase.
  int complement_end = -1;
  bool subject_inherited = false;  // from an earlier clause of the sentence
  // The subject is the speaker of an earlier sentence (Discourse::speaker),
  // not a phrase of this one: وأضاف أن …
  bool subject_from_discourse = false;
  // A word of the relation whose attached pronoun stands for the object
  // (التي تقودها → تقود), written without it; or -1.
  int resumptive = -1;
  // The object is a role said of a name and drops the preposition written
  // on it: اتصل بالرئيس المصري عبد الفتاح السيسي → السيسي | هو | الرئيس المصري.
  bool object_drops_clitic = false;

  void From(const Pattern& p) {
    pattern = &p;
    confidence = p.confidence;
  }
};

// What a sentence says of the clauses in it: a question mark makes those
// before it questions, a condition (if, إذا) its own clause conditional up to the
// next comma, and a speech verb's complement reported, in that order.
struct SentenceModality {
  // The clauses between these word indices ask: after the comma or colon
  // that opens a question, before its question mark.
  int question_from = -1, question_at = -1;
  int condition_from = 1 << 30;  // word index of the conditional word
  int reported_from = 1 << 30;   // word index where a reported complement starts
  int reported_to = 1 << 30;     // and where it ends
  std::vector<int> commas;       // word indices of commas, ascending
  // The words a source is named for (…، بحسب وكالة الأنباء): reported.
  int attributed_from = 1 << 30, attributed_to = 1 << 30;
  // Quotations long enough to be someone's words, not a title or a term:
  // [open, close) word indices of their marks.
  std::vector<std::pair<int, int>> quotations;
  // Each speech complement, [from, to): a speech clause inside another's
  // (قال الوزير إن الرئيس أكد أن …) is reported, though its own is not.
  std::vector<std::pair<int, int>> complements;
  // Each clause a verb of wishing opens (نأمل أن …), [from, to): possible,
  // even inside a report.
  std::vector<std::pair<int, int>> wishes;

  // The modality of a clause whose verb (or, without one, subject) is word
  // `at`, asserted by its own words; a reported complement's own speech
  // clause (`complement`) is not reported unless it is inside another
  // speech complement.
  Modality Of(Modality own, int at, bool complement) const;
};

}  // namespace nasij::clause

#endif  // NASIJ_EXTRACT_CLAUSE_CLAUSE_H_
