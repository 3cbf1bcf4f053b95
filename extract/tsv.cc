#include "extract/tsv.h"

namespace nasij {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s;
}

}  // namespace

std::vector<TsvRow> TsvRows(std::string_view data) {
  std::vector<TsvRow> rows;
  int line = 0;
  while (!data.empty()) {
    size_t nl = data.find('\n');
    std::string_view text = data.substr(0, nl);
    data.remove_prefix(nl == std::string_view::npos ? data.size() : nl + 1);
    ++line;
    text = Trim(text);
    if (text.empty() || text[0] == '#') continue;
    TsvRow row;
    row.line = line;
    for (size_t tab; (tab = text.find('\t')) != std::string_view::npos; text.remove_prefix(tab + 1)) {
      row.fields.push_back(Trim(text.substr(0, tab)));
    }
    row.fields.push_back(Trim(text));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string_view> SplitField(std::string_view field, char sep) {
  std::vector<std::string_view> parts;
  while (true) {
    size_t at = field.find(sep);
    std::string_view part = Trim(field.substr(0, at));
    if (!part.empty() && part != "-") parts.push_back(part);
    if (at == std::string_view::npos) break;
    field.remove_prefix(at + 1);
  }
  return parts;
}

}  // namespace nasij
