// Build-time generator of the entity tagger's place names: the Arabic names
// of the cities in Debian's libgeonames-common (a gettext catalog, geonames.mo,
// mapping a GeoNames id to the city's name in the language; CC BY 4.0). Its
// output is generated in the build tree and embedded, never committed.
//
//   nasij-geonames-table GEONAMES.MO OUT
//
// Each line of OUT is `GeoNames id<TAB>name`, in the catalog's order, for
// every name written with Arabic letters (a few are left in Latin letters).
// The tagger normalizes the names as it loads them (ner.h: PlaceNames).
#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>

#include "extract/utf8.h"

namespace {

constexpr uint32_t kMagic = 0x950412de;  // little-endian .mo files

// A 32-bit little-endian value at `at`, or false past the end.
bool U32(std::string_view bytes, size_t at, uint32_t* v) {
  if (at + 4 > bytes.size()) return false;
  *v = 0;
  for (int k = 0; k < 4; ++k) *v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[at + k])) << (8 * k);
  return true;
}

// The `k`th string of the table at `table` (pairs of length and offset).
bool Entry(std::string_view bytes, uint32_t table, uint32_t k, std::string_view* s) {
  uint32_t length, offset;
  if (!U32(bytes, table + 8 * k, &length) || !U32(bytes, table + 8 * k + 4, &offset) ||
      static_cast<size_t>(offset) + length > bytes.size()) {
    return false;
  }
  *s = bytes.substr(offset, length);
  return true;
}

// The name without the bidirectional marks some carry (طريف‎‎).
std::string WithoutMarks(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size();) {
    const size_t at = i;
    const char32_t c = nasij::utf8::Next(name, &i);
    if (c != 0x200E && c != 0x200F && c != 0x061C) out.append(name.substr(at, i - at));
  }
  return out;
}

bool Arabic(std::string_view name) {
  for (size_t i = 0; i < name.size();) {
    if (nasij::utf8::IsArabicLetter(nasij::utf8::Next(name, &i))) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: nasij-geonames-table GEONAMES.MO OUT\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  uint32_t magic, count, ids, names;
  if (!U32(bytes, 0, &magic) || magic != kMagic || !U32(bytes, 8, &count) || !U32(bytes, 12, &ids) ||
      !U32(bytes, 16, &names)) {
    std::cerr << "nasij-geonames-table: " << argv[1] << " is not a gettext catalog\n";
    return 1;
  }
  std::ofstream out(argv[2]);
  for (uint32_t k = 0; k < count; ++k) {
    std::string_view id, name;
    if (!Entry(bytes, ids, k, &id) || !Entry(bytes, names, k, &name)) {
      std::cerr << "nasij-geonames-table: " << argv[1] << " is truncated\n";
      return 1;
    }
    if (id.empty() || !Arabic(name)) continue;  // the header, and names in Latin letters
    out << id << '\t' << WithoutMarks(name) << '\n';
  }
  if (!out.flush()) {
    std::cerr << "nasij-geonames-table: cannot write " << argv[2] << "\n";
    return 1;
  }
  return 0;
}
