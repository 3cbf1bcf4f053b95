// What a language module does with one sentence. Internal to extract/.
#ifndef NASIJ_EXTRACT_LANGUAGE_H_
#define NASIJ_EXTRACT_LANGUAGE_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/clause/discourse.h"
#include "extract/extract.h"
#include "extract/text.h"

namespace nasij {

// The longest complement clause (قال إن …, said that …) kept whole as an
// object, in tokens: longer ones are cut there.
constexpr int kMaxComplementTokens = 80;

// A phrase that says when a clause happened, by word index [begin, end),
// with the text a triple keeps as its time (الثلاثاء, last week, منذ الأحد).
struct TimePhrase {
  int begin = 0, end = 0;
  std::string text;
};

// The time phrase, an index into `times`, of the clause whose verb is word
// `verb`: the nearest one after the verb before it (in `verbs`, ascending)
// and before the verb after it. A clause without a verb (-1) spanning words
// [begin, end) takes one inside it. -1 when none.
int TimeOfClause(const std::vector<TimePhrase>& times, const std::vector<int>& verbs, int verb, int begin, int end);

class LanguageModule {
 public:
  virtual ~LanguageModule() = default;
  virtual void Process(const TokenizedSentence& sentence, int index, Discourse* discourse,
                       Extraction* out) const = 0;
};

}  // namespace nasij

#endif  // NASIJ_EXTRACT_LANGUAGE_H_
