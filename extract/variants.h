// Arabic spellings of one foreign name: ترامب and ترمب, بلومبرغ and بلومبرج.
// Transliterations write a long vowel or leave it out, and trade a few
// letters (data/variants.tsv); names of their own that differ by the same
// letters (محمد, محمود) are listed there too and never folded. A long vowel
// is left out only where transliterations leave it out: inside a word, with
// no vowel beside it that it spells a sound with (ماتياس is not ماتيس), and
// not in an Arabic ending (الناصرية is not الناصرة).
#ifndef NASIJ_EXTRACT_VARIANTS_H_
#define NASIJ_EXTRACT_VARIANTS_H_

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace nasij {

class VariantSpellings {
 public:
  static Result<VariantSpellings> Parse(std::string_view tsv);
  static Result<VariantSpellings> LoadEmbedded();

  // What every spelling of a normalized name has in common: traded letters
  // folded into one, and the long vowels a transliteration may leave out
  // dropped (دونالد ترامب → دنلد ترمب). A listed name stays as
  // written, and so does a word with the article when `keep_definite`.
  std::string Skeleton(std::string_view name, bool keep_definite) const;

  // Whether two normalized names are one spelling apart: one long vowel that
  // may be left out written in one and not the other, or written in another
  // place (كيربر, كربير), or one traded letter, or one silent letter
  // (جياني, جاني).
  bool OneApart(std::string_view a, std::string_view b) const;

  // Whether a name no list knows is a spelling of a listed one: one
  // spelling apart, and, when short, written with a vowel fewer. Short
  // transliterations leave vowels out (ترمب, بوتن); a short name that
  // writes one the list's spelling lacks is as likely another name
  // (كولين, Coughlin, is not كولن, Gülen).
  bool VariantOf(std::string_view unknown, std::string_view known) const;

  // The key of a name no list knows: as written, with traded letters
  // folded, silent ones dropped and the list's spellings of one given name
  // as its first (ويليام is وليام); the long vowels stay. Spellings that
  // differ in their vowels are entities the store joins (VowelsAgree).
  std::string Key(std::string_view name) const;

  // What every spelling of a name no list knows has in common: its
  // skeleton, so that the store finds them together whatever document came
  // first. A word with the article is Arabic (الاتحاد القاري is not الاتحاد
  // الكوري) and stays as written; so does a short name, where few letters
  // leave too few to tell names apart (مون, مين, مان; لوريال, لريال).
  std::string JoinKey(std::string_view name) const;
  static constexpr size_t kShortestFoldedWord = 5;

  // Whether two keys of one JoinKey are spellings of one name: word by
  // word, between the letters both keep, one writes the long vowels the
  // other writes, or some of them, or none (ترمب, ترامب; كين, كاين; كيربر,
  // كربير). A vowel written
  // differently in one place may be another name: جيفن (Geffen) is not
  // جوفين (Goffin), كريستال (Crystal) not كريستيل (Christel).
  bool VowelsAgree(std::string_view a, std::string_view b) const;

 private:
  // A one-word name of fewer than kShortestFoldedWord letters besides the
  // vowels inside it.
  bool Short(std::string_view name) const;
  bool Vowel(char32_t c) const { return vowels_.contains(c); }
  char32_t Traded(char32_t c) const {
    auto it = traded_.find(c);
    return it == traded_.end() ? c : it->second;
  }
  // Whether a transliteration may leave out the letter at s[i]: a long vowel
  // that is neither a word's first or last letter, nor half of two vowels
  // written together for two sounds, nor the vowel of an Arabic ending.
  bool Droppable(const std::u32string& s, size_t i) const;
  // The name without the letters it writes and does not sound: جياني → جاني.
  std::u32string WithoutSilent(const std::u32string& s) const;
  // Whether the word is a name of its own, alone or after the article or a
  // conjunction the tagger left on it: ومحمد is not ومحمود.
  bool Apart(const std::u32string& word) const;
  std::u32string SkeletonWord(const std::u32string& as_written, bool keep_definite) const;
  // The word with silent letters dropped and traded ones folded, its
  // vowels kept; as written where the skeleton keeps it so.
  std::u32string SpelledWord(const std::u32string& as_written) const;
  // The long vowels a transliteration may leave out, by the place between
  // the word's other letters they are written in.
  std::vector<std::u32string> VowelsByPlace(const std::u32string& word) const;
  // The first spelling of the word's name in a "same" row, else the word.
  std::u32string Spelled(const std::u32string& word) const;

  absl::flat_hash_set<char32_t> vowels_;
  absl::flat_hash_map<char32_t, char32_t> traded_;  // letter → the one it is folded into
  absl::flat_hash_set<std::u32string> silent_;      // a letter, then one it may be followed by unsounded: جي
  absl::flat_hash_set<std::u32string> together_;    // two vowels that spell two sounds: يا
  absl::flat_hash_set<std::u32string> endings_;     // an Arabic ending's vowel and last letter: يه
  absl::flat_hash_set<std::u32string> apart_;       // names of their own, normalized
  absl::flat_hash_map<std::u32string, std::u32string> same_;  // a spelling of a given name → its first: ويليام → وليام
};

}  // namespace nasij

#endif  // NASIJ_EXTRACT_VARIANTS_H_
