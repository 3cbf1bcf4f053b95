// Strict parsing of the numbers people and files give nasij: the whole text
// is the number, or it is refused. No leading space or '+', no trailing
// characters ("2x"), no overflow; a fraction is finite (no "nan", "inf").
#ifndef NASIJ_COMMON_NUMBERS_H_
#define NASIJ_COMMON_NUMBERS_H_

#include <charconv>
#include <cstdint>
#include <string_view>
#include <system_error>

namespace nasij {

// A whole number from `low` to `high`.
inline bool ParseWhole(std::string_view text, int64_t low, int64_t high, int64_t* out) {
  int64_t v = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || v < low || v > high) return false;
  *out = v;
  return true;
}

// A number from 0 to 1, such as a confidence.
inline bool ParseFraction(std::string_view text, double* out) {
  double v = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || !(v >= 0 && v <= 1)) return false;
  *out = v;
  return true;
}

}  // namespace nasij

#endif  // NASIJ_COMMON_NUMBERS_H_
