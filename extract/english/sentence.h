// The English sentence as the stages see it: TagWords → Chunk → clauses.
#ifndef NASIJ_EXTRACT_ENGLISH_SENTENCE_H_
#define NASIJ_EXTRACT_ENGLISH_SENTENCE_H_

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "extract/clause/clause.h"
#include "extract/english/english.h"
#include "extract/text.h"

namespace nasij::english {

struct Word {
  const Token* token = nullptr;
  std::string lower;
  Tag tag = Tag::kNoun;
  int verb = -1;
  VerbForm form = VerbForm::kBase;
  const Entity* entity = nullptr;  // on every word of a gazetteer name
  int name_end = -1;               // on the first word of a name
  std::string title_kind;          // on the first word of a title
  bool title_honorific = false;    // and whether it is Mr., Ms., Dr. …
  Gender title_gender = Gender::kUnknown;  // and what it says of the name's gender
  int title_end = -1;
};

// Words [begin, end) of a noun phrase; `name_begin` is where a name starts
// after the title that starts at `title_begin` (U.S. Secretary of State
// Antony Blinken), or -1.
struct Phrase {
  int begin = 0, end = 0;
  int name_begin = -1;
  int title_begin = -1;
};

bool IsNominal(Tag t);

void MarkNames(const Lexicon& lexicon, const Gazetteer& gazetteer, std::vector<Word>* words);
void TagWords(const Lexicon& lexicon, std::vector<Word>* words);
std::vector<Phrase> ChunkPhrases(const std::vector<Word>& words);
// The clause patterns, in the order they are tried (extract/clause).
std::span<const clause::Pattern* const> Patterns();

}  // namespace nasij::english

#endif  // NASIJ_EXTRACT_ENGLISH_SENTENCE_H_
