// The Arabic sentence as the pipeline stages see it, and the stages:
//   analyze (analyze.h) → MarkNames → MarkEntities (ner.h) → TagWords →
//   ChunkPhrases → FindClauses.
#ifndef NASIJ_EXTRACT_ARABIC_SENTENCE_H_
#define NASIJ_EXTRACT_ARABIC_SENTENCE_H_

#include <span>
#include <string>
#include <vector>

#include "extract/arabic/analyze.h"
#include "extract/clause/clause.h"
#include "extract/clause/discourse.h"
#include "extract/gazetteer.h"
#include "extract/text.h"

namespace nasij::arabic {

struct Word {
  const Token* token = nullptr;
  std::string norm;                // normalized token
  std::vector<Analysis> readings;  // from Analyze, cheapest first
  Analysis a;                      // the reading TagWords chose

  // Set by MarkNames.
  const Entity* entity = nullptr;  // on every word of a gazetteer name
  int name_begin = -1, name_end = -1;
  const Title* title = nullptr;    // on the first word of a title
  int title_end = -1;
  std::string nisba_place_en;      // for nisba adjectives (الروسية → Russia)
  // A name that is also an indefinite common noun (دولار, the currency):
  // the adjectives after it are indefinite (دولار أمريكي).
  bool indefinite_noun_name = false;
  // Written with a final ى, a function word is that word (على, إلى, حتى),
  // never a name that Normalize spells alike (علي is written with ي).
  bool written_function_word = false;

  Tag tag() const { return a.tag; }
  bool noun_like() const;  // can head or continue a noun phrase
};

// A noun phrase: words [begin, end); `name_begin` is where a name starts
// after a title (وزير الخارجية أنتوني بلينكن), or -1.
struct NounPhrase {
  int begin = 0, end = 0;
  int name_begin = -1;
  int pp_end = -1;  // end of one attached prepositional phrase, or -1
  std::string prep;  // the preposition that governs it (في, or a clitic ب/ل)
  bool definite = false;
  bool coordinated = false;  // starts with و and continues a list
};

// A clause over the words and phrases of one sentence (extract/clause).
using Clause = clause::Clause<NounPhrase>;

// The words of a sentence with their readings, function phrases and
// gazetteer names marked: what the entity tagger and the stages after it read.
std::vector<Word> ReadWords(const Lexicon& lexicon, const Gazetteer& gazetteer, const TokenizedSentence& sentence);
void MarkNames(const Lexicon& lexicon, const Gazetteer& gazetteer, std::vector<Word>* words);
void TagWords(const Lexicon& lexicon, std::vector<Word>* words);
std::vector<NounPhrase> ChunkPhrases(const std::vector<Word>& words);
// Whether word `i` opens a clause: first in the sentence, or after
// punctuation or a word that opens one (إن, أن, و).
bool OpensClause(const std::vector<Word>& words, int i);
// Quotation marks: one that may open a quotation (" « “), one that may
// close it (" » ”), either.
bool OpensQuote(const Word& w);
bool ClosesQuote(const Word& w);
bool IsQuote(const Word& w);
// Whether a phrase headed by `w` takes هي: taa marbuta, sound feminine
// plurals, and place names (countries and cities are feminine).
bool Feminine(const Word& w);
// Whether `w` is an adjective of the pattern أفعل (أكبر, أكثر, أفضل) or أول,
// which grades the noun after it.
bool Elative(const Word& w);
// Whether `w`, definite, is a participle that ties what it describes (or
// stands for) to something else with the preposition `prep` (normalized):
// التابعة ل, المدعومة من, المسؤول عن. The list is in chunker.cc.
bool RelatesWith(const Word& w, std::string_view prep);
// Whether `w` reads as such a participle with any preposition.
bool RelationalParticiple(const Word& w);
// Whether words i, i+1 are كل من, "each of", before a word of a phrase:
// كل من مصر والأردن.
bool EachOf(const std::vector<Word>& ws, int i);
// Whether `w` is ب with a noun of manner (بشكل, بصورة, بطريقة): with the
// adjective after it, "-ly" (بشكل قاطع, "firmly"), no argument of a verb.
bool MannerNoun(const Word& w);
// Whether `w` is written with tanween fath (فرقاً, جزءاً): an object, an
// adverb or a predicate, never a subject.
bool Accusative(const Word& w);
// Whether `w` is an indefinite noun in the accusative written with its alef
// (منفذا, قائدا), which the analysis read without it; before a definite
// noun (`next`) that alef is a dual's in construct instead (وزيرا الخارجية).
bool AlefAccusative(const Word& w, const Word* next);
// Reads the clauses of a sentence, keeping its discourse state.
std::vector<Clause> FindClauses(const Lexicon& lexicon, const std::vector<Word>& words,
                                const std::vector<NounPhrase>& phrases, Discourse* discourse);
// The clause patterns, in the order they are tried.
std::span<const clause::Pattern* const> Patterns();

}  // namespace nasij::arabic

#endif  // NASIJ_EXTRACT_ARABIC_SENTENCE_H_
