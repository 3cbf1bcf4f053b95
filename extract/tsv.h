// The lexicons' file format: tab-separated fields, '#' comments, '-' for none.
#ifndef NASIJ_EXTRACT_TSV_H_
#define NASIJ_EXTRACT_TSV_H_

#include <string_view>
#include <vector>

namespace nasij {

struct TsvRow {
  int line = 0;
  std::vector<std::string_view> fields;
};

// Rows of `data`, skipping comments and blank lines.
std::vector<TsvRow> TsvRows(std::string_view data);

// Splits a field on `sep`, dropping empty parts and the "-" placeholder.
std::vector<std::string_view> SplitField(std::string_view field, char sep);

}  // namespace nasij

#endif  // NASIJ_EXTRACT_TSV_H_
