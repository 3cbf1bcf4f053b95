// ASCII case folding, for English words, host names and flags: other bytes
// (Arabic, UTF-8 continuation bytes) are left as they are.
#ifndef NASIJ_COMMON_ASCII_H_
#define NASIJ_COMMON_ASCII_H_

#include <string>
#include <string_view>

namespace nasij {

inline std::string AsciiLowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
  }
  return out;
}

}  // namespace nasij

#endif  // NASIJ_COMMON_ASCII_H_
