#include "export/text.h"

#include <iomanip>
#include <limits>
#include <sstream>

namespace nasij {

std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    const size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool valid = n > 0 && i + n <= s.size();
    for (size_t k = 1; valid && k < n; ++k) valid = (static_cast<unsigned char>(s[i + k]) >> 6) == 2;
    if (valid) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

std::string FullPrecision(double d) {
  std::ostringstream s;
  s << std::setprecision(std::numeric_limits<double>::max_digits10) << d;
  return s.str();
}

std::string JoinAliases(const std::vector<std::string>& aliases, char separator, char stand_in) {
  std::string joined;
  for (const std::string& alias : aliases) {
    if (!joined.empty()) joined += separator;
    for (char c : alias) joined += c == separator ? stand_in : c;
  }
  return joined;
}

}  // namespace nasij
