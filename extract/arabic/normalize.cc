#include "extract/arabic/normalize.h"

#include <array>

#include "extract/extract.h"
#include "extract/utf8.h"

namespace nasij::arabic {

namespace {

// The folded code point, or 0 to drop it.
char32_t Fold(char32_t c) {
  if (utf8::IsArabicMark(c) || c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F) {
    return 0;
  }
  switch (c) {
    case 0x0623: case 0x0625: case 0x0622: case 0x0671: return 0x0627;  // أ إ آ ٱ → ا
    case 0x0649: case 0x0626: case 0x06CC: return 0x064A;              // ى ئ ی → ي
    case 0x0629: return 0x0647;                                        // ة → ه
    case 0x0624: return 0x0648;                                        // ؤ → و
    case 0x06A9: return 0x0643;                                        // ک → ك
  }
  if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);
  if (c >= 'A' && c <= 'Z') return c + 32;
  return c;
}

// Fold of each code point below U+0800, the two-byte ones (Arabic among
// them), computed once: Normalize looks a letter up rather than test it.
// None folds to a code point above them.
const std::array<char16_t, 0x800>& TwoByteFolds() {
  static const std::array<char16_t, 0x800> folds = [] {
    std::array<char16_t, 0x800> out{};
    for (char32_t c = 0; c < out.size(); ++c) out[c] = static_cast<char16_t>(Fold(c));
    return out;
  }();
  return folds;
}

}  // namespace

std::string Normalize(std::string_view text) {
  // Folding never makes a code point longer, but an invalid byte becomes
  // U+FFFD, three bytes: the folded text is written to room for three bytes
  // a byte (on the stack for a word), then copied once.
  constexpr size_t kWordBytes = 64;
  char word[3 * kWordBytes];
  std::string long_text;
  if (text.size() > kWordBytes) long_text.resize(3 * text.size());
  char* const begin = text.size() > kWordBytes ? long_text.data() : word;
  char* out = begin;
  const std::array<char16_t, 0x800>& folds = TwoByteFolds();
  for (size_t i = 0; i < text.size();) {
    const unsigned char b = text[i];
    if (b < 0x80) {  // ASCII fast path
      *out++ = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
      continue;
    }
    char32_t c;
    const unsigned char next = i + 1 < text.size() ? text[i + 1] : 0;
    if (b >= 0xC2 && b <= 0xDF && (next & 0xC0) == 0x80) {  // two bytes, as every Arabic letter
      c = folds[((b & 0x1F) << 6) | (next & 0x3F)];
      i += 2;
    } else {
      c = Fold(utf8::Next(text, &i));
    }
    if (c) out = utf8::Write(c, out);
  }
  return std::string(begin, out);
}

std::string WithoutMarks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const char32_t c = utf8::Next(text, &i);
    if (!utf8::IsArabicMark(c)) utf8::Append(c, &out);
  }
  return out;
}

bool EndsWithTaaMarbuta(std::string_view word) {
  size_t i = word.size();
  while (i > 0) {
    size_t start = i - 1;
    while (start > 0 && (static_cast<unsigned char>(word[start]) & 0xC0) == 0x80) --start;
    size_t at = start;
    char32_t c = utf8::Next(word, &at);
    if (Fold(c) != 0) return c == 0x0629;
    i = start;
  }
  return false;
}

// Tanween is U+064B..U+064D: D9 8B..8D in UTF-8.
bool HasTanween(std::string_view word) {
  for (size_t i = 0; i + 1 < word.size(); ++i) {
    const unsigned char lead = word[i], next = word[i + 1];
    if (lead == 0xD9 && next >= 0x8B && next <= 0x8D) return true;
  }
  return false;
}

}  // namespace nasij::arabic

namespace nasij {

std::string NormalizeForMatch(std::string_view text) { return arabic::Normalize(text); }

}  // namespace nasij
