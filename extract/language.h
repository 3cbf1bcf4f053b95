// What a language module does with one sentence. Internal to extract/.
#ifndef NASIJ_EXTRACT_LANGUAGE_H_
#define NASIJ_EXTRACT_LANGUAGE_H_

#include <string>
#include <unordered_map>

#include "extract/extract.h"
#include "extract/text.h"

namespace nasij {

// The longest complement clause (قال إن …, said that …) kept whole as an
// object, in tokens: longer ones are cut there.
constexpr int kMaxComplementTokens = 80;

// What one document has said so far, for resolving later mentions
// (بانفالكار after السيد بانفالكار) to the same entity.
struct DocumentContext {
  std::unordered_map<std::string, Argument> names;  // normalized surname or name → entity
};

class LanguageModule {
 public:
  virtual ~LanguageModule() = default;
  virtual void Process(const TokenizedSentence& sentence, int index, DocumentContext* context,
                       Extraction* out) const = 0;
};

}  // namespace nasij

#endif  // NASIJ_EXTRACT_LANGUAGE_H_
