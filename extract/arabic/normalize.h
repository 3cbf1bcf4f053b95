// Arabic normalization for matching. The original text is kept for display
// and offsets; only lookups use the normalized form.
#ifndef NASIJ_EXTRACT_ARABIC_NORMALIZE_H_
#define NASIJ_EXTRACT_ARABIC_NORMALIZE_H_

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace nasij::arabic {

// Drops diacritics and tatweel; folds alef forms to ا, ى and ئ to ي, ة to ه,
// ؤ to و, Persian kaf/yeh to Arabic ones, Arabic-Indic digits to ASCII; and
// lowercases ASCII so that Latin names match too.
std::string Normalize(std::string_view text);

// The text as written without diacritics and tatweel, its letters unfolded:
// على and أمام stay apart from the names علي and إمام.
std::string WithoutMarks(std::string_view text);

// True when the last letter of `word` as written is taa marbuta (ة), which
// Normalize folds into ه.
bool EndsWithTaaMarbuta(std::string_view word);

// Whether a word as written carries a tanween (ً ٌ ٍ), which Normalize drops:
// the mark of an indefinite noun or adjective, never of a verb.
bool HasTanween(std::string_view word);

// Whether `word` opens with `letter`, one Arabic letter (two bytes in
// UTF-8). Clitics are looked for on every word: two bytes compared cost
// less than a call to memcmp.
inline bool OpensWithLetter(std::string_view word, std::string_view letter) {
  return word.size() >= 2 && word[0] == letter[0] && word[1] == letter[1];
}

// A short list of words a rule names, normalized once, to test normalized
// stems against: static const WordList kAspects{"مستوى", "نطاق"}.
class WordList {
 public:
  WordList(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) words_.push_back(Normalize(w));
  }
  bool Has(std::string_view normalized) const {
    return std::find(words_.begin(), words_.end(), normalized) != words_.end();
  }

 private:
  std::vector<std::string> words_;
};

}  // namespace nasij::arabic

#endif  // NASIJ_EXTRACT_ARABIC_NORMALIZE_H_
