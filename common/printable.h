// Text fit to print: what nasij shows on a terminal or writes into a quoted
// field must not carry control characters from its input, which would move
// the cursor, retitle the terminal, end a line early or, as a NUL, cut a
// string short for the reader (Graphviz refuses a file holding one).
#ifndef NASIJ_COMMON_PRINTABLE_H_
#define NASIJ_COMMON_PRINTABLE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace nasij {

// Whether `s` holds a control character: C0 (tab and newline included),
// DEL, or C1 (U+0080 to U+009F, in UTF-8).
inline bool HasControl(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const uint8_t c = s[i];
    if (c < 0x20 || c == 0x7f) return true;
    if (c == 0xc2 && i + 1 < s.size() && uint8_t(s[i + 1]) >= 0x80 && uint8_t(s[i + 1]) <= 0x9f) return true;
  }
  return false;
}

// `s` with each control character written as a visible escape: \x1b for C0
// and DEL, \u009b for C1. Everything else, backslashes included, is kept.
inline std::string Printable(std::string_view s) {
  if (!HasControl(s)) return std::string(s);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size(); ++i) {
    const uint8_t c = s[i];
    if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    } else if (c == 0xc2 && i + 1 < s.size() && uint8_t(s[i + 1]) >= 0x80 && uint8_t(s[i + 1]) <= 0x9f) {
      const uint8_t code = s[++i];
      out += "\\u00";
      out += kHex[code >> 4];
      out += kHex[code & 0xf];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace nasij

#endif  // NASIJ_COMMON_PRINTABLE_H_
