#include "extract/variants.h"

#include <vector>

#include "common/embedded.h"
#include "extract/arabic/normalize.h"
#include "extract/tsv.h"
#include "extract/utf8.h"

namespace nasij {

namespace {

std::u32string Decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) out.push_back(utf8::Next(s, &i));
  return out;
}

std::string Encode(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) utf8::Append(c, &out);
  return out;
}

std::vector<std::u32string> Words(std::string_view name) {
  std::vector<std::u32string> words;
  for (std::string_view word : SplitField(name, ' ')) words.push_back(Decode(word));
  return words;
}

// The field's one letter, normalized; 0 when it holds more or less.
char32_t Letter(std::string_view field) {
  const std::u32string letter = Decode(arabic::Normalize(field));
  return letter.size() == 1 ? letter[0] : 0;
}

}  // namespace

Result<VariantSpellings> VariantSpellings::Parse(std::string_view tsv) {
  VariantSpellings v;
  for (const TsvRow& row : TsvRows(tsv)) {
    const std::string_view kind = row.fields[0];
    const size_t fields = kind == "vowel" ? 4 : kind == "trade" ? 5 : kind == "apart" ? 2 : 0;
    if (row.fields.size() != fields) {
      return Status::Corruption("variants.tsv:" + std::to_string(row.line) + ": expected a vowel, trade or apart row");
    }
    if (kind == "apart") {
      for (std::string_view name : SplitField(row.fields[1], ' ')) v.apart_.insert(Decode(arabic::Normalize(name)));
      continue;
    }
    const char32_t letter = Letter(row.fields[1]);
    const char32_t into = kind == "trade" ? Letter(row.fields[2]) : letter;
    if (!letter || !into) return Status::Corruption("variants.tsv:" + std::to_string(row.line) + ": expected one letter");
    if (kind == "vowel") {
      v.vowels_.insert(letter);
    } else {
      v.traded_[letter] = into;
    }
  }
  return v;
}

Result<VariantSpellings> VariantSpellings::LoadEmbedded() { return Parse(EmbeddedFile("extract/data/variants.tsv")); }

std::u32string VariantSpellings::SkeletonWord(const std::u32string& word, bool keep_definite) const {
  const bool definite = word.starts_with(U"ال");
  if (apart_.contains(word) || (definite && (keep_definite || apart_.contains(word.substr(2))))) return word;
  std::u32string out;
  for (size_t i = 0; i < word.size(); ++i) {
    if (i == 0 || i + 1 == word.size() || !Vowel(word[i])) out.push_back(Traded(word[i]));
  }
  return out;
}

std::string VariantSpellings::Skeleton(std::string_view name, bool keep_definite) const {
  std::u32string out;
  for (const std::u32string& word : Words(name)) {
    if (!out.empty()) out.push_back(U' ');
    out += SkeletonWord(word, keep_definite);
  }
  return Encode(out);
}

bool VariantSpellings::OneApart(std::string_view a_text, std::string_view b_text) const {
  std::u32string a = Decode(a_text), b = Decode(b_text);
  if (a == b) return false;
  if (a.size() > b.size()) std::swap(a, b);
  // The vowel at b[i] left out: it is no word's first letter.
  auto without = [](const std::u32string& s, size_t i) { return s.substr(0, i) + s.substr(i + 1); };
  auto medial_vowel = [&](const std::u32string& s, size_t i) { return i > 0 && s[i - 1] != U' ' && Vowel(s[i]); };
  if (b.size() == a.size() + 1) {
    for (size_t i = 0; i < b.size(); ++i) {
      if (medial_vowel(b, i) && without(b, i) == a) return true;
    }
    return false;
  }
  if (a.size() != b.size()) return false;
  size_t first = 0, last = a.size() - 1;
  while (a[first] == b[first]) ++first;
  while (a[last] == b[last]) --last;
  if (first == last) return Traded(a[first]) == Traded(b[first]);
  // One vowel moved: written at `first` in one name and at `last` in the other.
  for (const auto* s : {&a, &b}) {
    const auto* other = s == &a ? &b : &a;
    if (medial_vowel(*s, first) && medial_vowel(*other, last) && (*s)[first] == (*other)[last] &&
        without(*s, first) == without(*other, last)) {
      return true;
    }
  }
  return false;
}

std::string VariantSpellings::Key(std::string_view name) const {
  const std::vector<std::u32string> words = Words(name);
  if (words.size() == 1 && SkeletonWord(words[0], true).size() < kShortestFoldedWord) return std::string(name);
  return Skeleton(name, true);
}

}  // namespace nasij
