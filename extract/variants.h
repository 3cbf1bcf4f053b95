// Arabic spellings of one foreign name: ترامب and ترمب, بلومبرغ and بلومبرج.
// Transliterations write a long vowel or leave it out, and trade a few
// letters (data/variants.tsv); names of their own that differ by the same
// letters (محمد, محمود) are listed there too and never folded.
#ifndef NASIJ_EXTRACT_VARIANTS_H_
#define NASIJ_EXTRACT_VARIANTS_H_

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <string>
#include <string_view>

#include "common/status.h"

namespace nasij {

class VariantSpellings {
 public:
  static Result<VariantSpellings> Parse(std::string_view tsv);
  static Result<VariantSpellings> LoadEmbedded();

  // What every spelling of a normalized name has in common: traded letters
  // folded into one, and long vowels after a word's first letter and before
  // its last dropped (دونالد ترامب → دنلد ترمب). A listed name stays as
  // written, and so does a word with the article when `keep_definite`.
  std::string Skeleton(std::string_view name, bool keep_definite) const;

  // Whether two normalized names are one spelling apart: one long vowel
  // written in one and not the other, or written in another place
  // (نتانياهو, نتناياهو), or one traded letter.
  bool OneApart(std::string_view a, std::string_view b) const;

  // The key of a name no list knows: its skeleton, so that every spelling
  // of it is one entity whatever document comes first. A word with the
  // article is Arabic (الاتحاد القاري is not الاتحاد الكوري) and stays as
  // written; so does a one-word name whose skeleton is shorter than
  // kShortestFoldedWord, where few letters leave too few to tell names
  // apart (مون, مين, مان).
  std::string Key(std::string_view name) const;
  static constexpr size_t kShortestFoldedWord = 5;  // letters of the skeleton

 private:
  bool Vowel(char32_t c) const { return vowels_.contains(c); }
  char32_t Traded(char32_t c) const {
    auto it = traded_.find(c);
    return it == traded_.end() ? c : it->second;
  }
  std::u32string SkeletonWord(const std::u32string& word, bool keep_definite) const;

  absl::flat_hash_set<char32_t> vowels_;
  absl::flat_hash_map<char32_t, char32_t> traded_;  // letter → the one it is folded into
  absl::flat_hash_set<std::u32string> apart_;       // names of their own, normalized
};

}  // namespace nasij

#endif  // NASIJ_EXTRACT_VARIANTS_H_
