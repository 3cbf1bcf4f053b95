// Small UTF-8 helpers shared by the language modules.
#ifndef NASIJ_EXTRACT_UTF8_H_
#define NASIJ_EXTRACT_UTF8_H_

#include <string>
#include <string_view>

namespace nasij::utf8 {

// Decodes the code point at s[*i] and advances *i; invalid bytes give U+FFFD.
char32_t Next(std::string_view s, size_t* i);
// Writes the one to four bytes of `c` at `out` and returns the end.
char* Write(char32_t c, char* out);
void Append(char32_t c, std::string* out);
size_t Length(std::string_view s);  // in code points
// The code points of `s`, and back: for rules that count letters.
std::u32string Decode(std::string_view s);
std::string Encode(std::u32string_view s);
bool IsValid(std::string_view s);
// Replaces invalid sequences with U+FFFD and drops NUL bytes.
std::string Sanitize(std::string_view s);

inline bool IsArabicLetter(char32_t c) {
  return (c >= 0x0621 && c <= 0x064A) || (c >= 0x0671 && c <= 0x06D3);
}

// Marks written on or between Arabic letters that do not change the word:
// diacritics (harakat, shadda, sukun, superscript alef), Quranic signs and
// tatweel. Matching drops them; offsets that count letters skip them.
inline bool IsArabicMark(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || (c >= 0x0610 && c <= 0x061A) ||
         (c >= 0x06D6 && c <= 0x06ED);
}

}  // namespace nasij::utf8

#endif  // NASIJ_EXTRACT_UTF8_H_
