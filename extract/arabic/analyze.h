// Clitic segmentation and lexical analysis of single words: every way to read
// a word as conjunction + preposition/future + article + stem + pronoun
// whose stem the lexicon knows, cheapest reading first. The project's data
// files are read first; a word they do not know is looked up in the
// hunspell-ar table.
#ifndef NASIJ_EXTRACT_ARABIC_ANALYZE_H_
#define NASIJ_EXTRACT_ARABIC_ANALYZE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "extract/arabic/lexicon.h"

namespace nasij::arabic {

// Where a reading comes from. The project's data files know fewer words
// than hunspell-ar but more of each (glosses, transitivity, prepositions),
// so a word they read gets no hunspell reading.
enum class Source : uint8_t {
  kLexicon,   // the data files in data/
  kHunspell,  // the table derived from hunspell-ar at build time
  kGuess,     // a verb guessed from the imperfect prefix ي
  kUnknown,   // no source reads the word: a name or a noun, by its shape
};

struct Analysis {
  Tag tag = Tag::kUnknown;
  Source source = Source::kLexicon;
  std::string stem;    // normalized, without clitics
  std::string conj;    // "و" or "ف"
  std::string prep;    // "ب", "ل" or "ك"
  bool definite = false;
  bool future = false;  // the prefix س
  std::string suffix;   // attached pronoun
  VerbForm verb;        // when tag is kVerb
  NounForm noun;        // when tag is a noun class
  float cost = 0;

  bool unknown() const { return source == Source::kUnknown; }
};

// Readings of one normalized word, cheapest first; never empty (an unknown
// word gets a noun-like reading).
std::vector<Analysis> Analyze(const Lexicon& lexicon, const std::string& word);
// The same, kept per thread for the words seen last (valid until the next call).
const std::vector<Analysis>& CachedAnalyze(const Lexicon& lexicon, const std::string& word);
// Fetches the memory a CachedAnalyze of `word` will read, without waiting:
// the lookups of a sentence's words then wait on memory together, not in turn.
void PrefetchAnalysis(const Lexicon& lexicon, const std::string& word);

}  // namespace nasij::arabic

#endif  // NASIJ_EXTRACT_ARABIC_ANALYZE_H_
