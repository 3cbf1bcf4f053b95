// Text helpers shared by the writers. Internal to export/.
#ifndef NASIJ_EXPORT_TEXT_H_
#define NASIJ_EXPORT_TEXT_H_

#include <string>
#include <string_view>

namespace nasij {

// `s` with invalid UTF-8 sequences replaced by U+FFFD.
std::string ValidUtf8(std::string_view s);
// A double that reads back exactly.
std::string FullPrecision(double d);

}  // namespace nasij

#endif  // NASIJ_EXPORT_TEXT_H_
