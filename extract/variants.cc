#include "extract/variants.h"

#include <vector>

#include "common/embedded.h"
#include "extract/arabic/normalize.h"
#include "extract/tsv.h"
#include "extract/utf8.h"

namespace nasij {

namespace {

std::vector<std::u32string> Words(std::string_view name) {
  std::vector<std::u32string> words;
  for (std::string_view word : SplitField(name, ' ')) words.push_back(utf8::Decode(word));
  return words;
}

// The field's one letter, normalized; 0 when it holds more or less.
char32_t Letter(std::string_view field) {
  const std::u32string letter = utf8::Decode(arabic::Normalize(field));
  return letter.size() == 1 ? letter[0] : 0;
}

// Whether `more` writes the vowels `fewer` writes, in order, and perhaps
// others: one place's vowels with some left out (كين, كاين).
bool Within(const std::u32string& fewer, const std::u32string& more) {
  size_t at = 0;
  for (char32_t c : more) at += at < fewer.size() && fewer[at] == c;
  return at == fewer.size();
}

}  // namespace

Result<VariantSpellings> VariantSpellings::Parse(std::string_view tsv) {
  VariantSpellings v;
  for (const TsvRow& row : TsvRows(tsv)) {
    const std::string_view kind = row.fields[0];
    const bool pair = kind == "silent" || kind == "together" || kind == "ending";
    const size_t fields = kind == "vowel" || pair ? 4 : kind == "trade" ? 5 : kind == "apart" || kind == "same" ? 2 : 0;
    const std::string at = "variants.tsv:" + std::to_string(row.line);
    if (row.fields.size() != fields) {
      return Status::Corruption(at + ": expected a vowel, trade, silent, together, ending, apart or same row");
    }
    if (kind == "apart") {
      for (std::string_view name : SplitField(row.fields[1], ' ')) v.apart_.insert(utf8::Decode(arabic::Normalize(name)));
      continue;
    }
    if (kind == "same") {
      const std::vector<std::u32string> spellings = Words(arabic::Normalize(row.fields[1]));
      if (spellings.size() < 2) return Status::Corruption(at + ": expected two spellings or more");
      for (const std::u32string& spelling : spellings) v.same_[spelling] = spellings.front();
      continue;
    }
    if (pair) {
      const std::u32string letters = utf8::Decode(arabic::Normalize(row.fields[1]));
      if (letters.size() != 2) return Status::Corruption(at + ": expected two letters");
      (kind == "silent" ? v.silent_ : kind == "together" ? v.together_ : v.endings_).insert(letters);
      continue;
    }
    const char32_t letter = Letter(row.fields[1]);
    const char32_t into = kind == "trade" ? Letter(row.fields[2]) : letter;
    if (!letter || !into) return Status::Corruption(at + ": expected one letter");
    if (kind == "vowel") {
      v.vowels_.insert(letter);
    } else {
      v.traded_[letter] = into;
    }
  }
  return v;
}

Result<VariantSpellings> VariantSpellings::LoadEmbedded() { return Parse(EmbeddedFile("extract/data/variants.tsv")); }

bool VariantSpellings::Droppable(const std::u32string& s, size_t i) const {
  const auto letter = [&](size_t j) { return j < s.size() && s[j] != U' '; };
  if (i == 0 || !letter(i - 1) || !letter(i + 1) || !Vowel(s[i])) return false;
  // A word's first letter is a consonant, even و and ي (w, y: ويست, يونغ)
  // or the alef's glottal stop, and spells no sound with the vowel after it.
  const bool after_first = i == 1 || !letter(i - 2);
  const bool with_previous = !after_first && together_.contains(s.substr(i - 1, 2));
  const bool with_next = together_.contains(s.substr(i, 2));
  const bool ending = !letter(i + 2) && endings_.contains(s.substr(i, 2));
  return !with_previous && !with_next && !ending;
}

std::u32string VariantSpellings::WithoutSilent(const std::u32string& s) const {
  std::u32string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool silent =
        i > 0 && i + 1 < s.size() && silent_.contains(std::u32string{Traded(s[i - 1]), s[i]}) && Vowel(s[i + 1]);
    if (!silent) out.push_back(s[i]);
  }
  return out;
}

std::u32string VariantSpellings::Spelled(const std::u32string& word) const {
  auto it = same_.find(word);
  return it == same_.end() ? word : it->second;
}

bool VariantSpellings::Apart(const std::u32string& word) const {
  if (apart_.contains(word)) return true;
  for (std::u32string_view before : {U"ال", U"و", U"ف"}) {
    if (word.starts_with(before) && apart_.contains(word.substr(before.size()))) return true;
  }
  return false;
}

std::u32string VariantSpellings::SkeletonWord(const std::u32string& as_written, bool keep_definite) const {
  const std::u32string written = Spelled(as_written);
  if (Apart(written) || (keep_definite && written.starts_with(U"ال"))) return written;
  const std::u32string word = WithoutSilent(written);
  std::u32string out;
  for (size_t i = 0; i < word.size(); ++i) {
    if (!Droppable(word, i)) out.push_back(Traded(word[i]));
  }
  return out;
}

std::string VariantSpellings::Skeleton(std::string_view name, bool keep_definite) const {
  std::u32string out;
  for (const std::u32string& word : Words(name)) {
    if (!out.empty()) out.push_back(U' ');
    out += SkeletonWord(word, keep_definite);
  }
  return utf8::Encode(out);
}

bool VariantSpellings::OneApart(std::string_view a_text, std::string_view b_text) const {
  if (a_text == b_text) return false;
  std::u32string a = WithoutSilent(utf8::Decode(a_text)), b = WithoutSilent(utf8::Decode(b_text));
  if (a == b) return true;  // a silent letter written in one
  if (a.size() > b.size()) std::swap(a, b);
  auto without = [](const std::u32string& s, size_t i) { return s.substr(0, i) + s.substr(i + 1); };
  if (b.size() == a.size() + 1) {
    for (size_t i = 0; i < b.size(); ++i) {
      if (Droppable(b, i) && without(b, i) == a) return true;
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
    if (Droppable(*s, first) && Droppable(*other, last) && (*s)[first] == (*other)[last] &&
        without(*s, first) == without(*other, last)) {
      return true;
    }
  }
  return false;
}

bool VariantSpellings::Short(std::string_view name) const {
  const std::vector<std::u32string> words = Words(name);
  if (words.size() != 1) return false;
  // The vowels inside a word count for nothing here, whether the skeleton
  // keeps them or not: لوريال has the letters of لريال ("for Real").
  const std::u32string& word = words[0];
  size_t letters = 0;
  for (size_t i = 0; i < word.size(); ++i) letters += i == 0 || i + 1 == word.size() || !Vowel(word[i]);
  return letters < kShortestFoldedWord;
}

bool VariantSpellings::VariantOf(std::string_view unknown, std::string_view known) const {
  return OneApart(unknown, known) && !(Short(unknown) && unknown.size() > known.size());
}

std::u32string VariantSpellings::SpelledWord(const std::u32string& as_written) const {
  const std::u32string written = Spelled(as_written);
  if (Apart(written) || written.starts_with(U"ال")) return written;
  std::u32string out = WithoutSilent(written);
  for (char32_t& c : out) c = Traded(c);
  return out;
}

std::string VariantSpellings::Key(std::string_view name) const {
  if (Short(name)) return utf8::Encode(Spelled(utf8::Decode(name)));
  std::u32string out;
  for (const std::u32string& word : Words(name)) {
    if (!out.empty()) out.push_back(U' ');
    out += SpelledWord(word);
  }
  return utf8::Encode(out);
}

std::string VariantSpellings::JoinKey(std::string_view name) const {
  return Short(name) ? utf8::Encode(Spelled(utf8::Decode(name))) : Skeleton(name, true);
}

std::vector<std::u32string> VariantSpellings::VowelsByPlace(const std::u32string& word) const {
  std::vector<std::u32string> places(1);
  for (size_t i = 0; i < word.size(); ++i) {
    if (Droppable(word, i)) {
      places.back().push_back(word[i]);
    } else {
      places.emplace_back();
    }
  }
  return places;
}

bool VariantSpellings::VowelsAgree(std::string_view a, std::string_view b) const {
  const std::vector<std::u32string> as = Words(a), bs = Words(b);
  if (as.size() != bs.size()) return false;
  for (size_t w = 0; w < as.size(); ++w) {
    const std::vector<std::u32string> x = VowelsByPlace(as[w]), y = VowelsByPlace(bs[w]);
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (!Within(x[i], y[i]) && !Within(y[i], x[i])) return false;
    }
  }
  return true;
}

}  // namespace nasij
