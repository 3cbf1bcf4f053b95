// ICU segmentation of a document into sentences and word tokens, with
// offsets in code points of the document text.
#ifndef NASIJ_EXTRACT_TEXT_H_
#define NASIJ_EXTRACT_TEXT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace nasij {

struct Token {
  enum Kind { kWord, kNumber, kPunct };
  std::string text;  // UTF-8, as written
  int start = 0, end = 0;
  Kind kind = kWord;
};

struct TokenizedSentence {
  int start = 0, end = 0;
  std::string text;  // trimmed
  std::vector<Token> tokens;
};

// Holds ICU's break iterators; one per thread.
class Segmenter {
 public:
  Segmenter();
  ~Segmenter();
  // False when ICU's break iterators are unavailable (its data is missing);
  // such a segmenter splits every text into nothing.
  bool ok() const;
  std::vector<TokenizedSentence> Split(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Whether `word`, its period included ("Dr.", "Corp."), is an abbreviation
// that a sentence may go on after.
bool IsAbbreviation(std::string_view word);

// "ar" when Arabic letters outnumber Latin ones, else "en".
std::string DetectLanguage(std::string_view text);

}  // namespace nasij

#endif  // NASIJ_EXTRACT_TEXT_H_
