#include "storage/short_forms.h"

#include <algorithm>
#include <string_view>

#include "extract/utf8.h"
#include "storage/codec.h"

namespace nasij::short_forms {

namespace {

// Words after which the last word of a name is part of a compound, not a
// surname one calls a person by. Arabic as keys spell them: normalized,
// and as skeletons with long vowels dropped (ابو → اب).
constexpr std::string_view kParticles[] = {
    "بن", "ابن", "بنت", "عبد", "ابو", "اب", "ام", "ال", "bin", "ibn", "bint", "ben", "abu", "abd", "al", "el",
    "van", "von", "de", "da", "di", "del", "della", "der", "du", "la", "le", "dos", "das", "st"};
constexpr size_t kShortestSurname = 3;  // letters

bool Separator(char c) { return c == ' ' || c == '-'; }

}  // namespace

std::string SurnameOf(const EntityRow& e) {
  if (e.kind != "PER" || e.unresolved) return "";
  const size_t last = e.key.find_last_of(" -");
  if (last == std::string::npos || last + 1 == e.key.size()) return "";
  const std::string_view key(e.key);
  size_t before = last;
  while (before > 0 && !Separator(key[before - 1])) --before;
  const std::string_view particle = key.substr(before, last - before);
  if (std::find(std::begin(kParticles), std::end(kParticles), particle) != std::end(kParticles)) return "";
  std::string surname(key.substr(last + 1));
  return utf8::Length(surname) >= kShortestSurname ? surname : "";
}

bool MayBeShortForm(const EntityRow& e) {
  return (e.kind == "PER" || e.kind == "MISC") && !e.unresolved && e.label_en.empty() &&
         e.key.find_first_of(" -") == std::string::npos && utf8::Length(e.key) >= kShortestSurname;
}

std::string SurnamePrefix(const std::string& surname) { return 's' + surname + '\0'; }

std::string SurnameKey(const std::string& surname, uint32_t person) { return codec::AliasKey('s', surname, person); }

std::string JoinKey(uint32_t short_form) { return kJoinPrefix + codec::Id(short_form); }

}  // namespace nasij::short_forms
