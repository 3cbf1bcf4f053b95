// Text helpers shared by the writers. Internal to export/.
#ifndef NASIJ_EXPORT_TEXT_H_
#define NASIJ_EXPORT_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace nasij {

// `s` with invalid UTF-8 sequences replaced by U+FFFD.
std::string ValidUtf8(std::string_view s);
// A double that reads back exactly.
std::string FullPrecision(double d);
// The names of one entity as one field, each with `separator` in it
// replaced by `stand_in`, so that the field splits back into the names.
std::string JoinAliases(const std::vector<std::string>& aliases, char separator, char stand_in);

}  // namespace nasij

#endif  // NASIJ_EXPORT_TEXT_H_
