// Clitic segmentation and lexical analysis of single words: every way to read
// a word as conjunction + preposition/future + article + stem + pronoun
// whose stem the lexicon knows, cheapest reading first.
#ifndef NASIJ_EXTRACT_ARABIC_ANALYZE_H_
#define NASIJ_EXTRACT_ARABIC_ANALYZE_H_

#include <string>
#include <vector>

#include "extract/arabic/lexicon.h"

namespace nasij::arabic {

struct Analysis {
  Tag tag = Tag::kUnknown;
  std::string stem;    // normalized, without clitics
  std::string conj;    // "و" or "ف"
  std::string prep;    // "ب", "ل" or "ك"
  bool definite = false;
  bool future = false;  // the prefix س
  std::string suffix;   // attached pronoun
  VerbForm verb;        // when tag is kVerb
  NounForm noun;        // when tag is a noun class
  float cost = 0;
};

// Readings of one normalized word, cheapest first; never empty (an unknown
// word gets a noun-like reading).
std::vector<Analysis> Analyze(const Lexicon& lexicon, const std::string& word);
// The same, kept per thread for the words seen last (valid until the next call).
const std::vector<Analysis>& CachedAnalyze(const Lexicon& lexicon, const std::string& word);

}  // namespace nasij::arabic

#endif  // NASIJ_EXTRACT_ARABIC_ANALYZE_H_
