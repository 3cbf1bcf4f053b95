#include "storage/short_forms.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include "extract/utf8.h"
#include "storage/codec.h"

namespace nasij::short_forms {

namespace {

// Words that make a compound with the word after them, so that it is no
// surname one calls a person by. Arabic as keys spell them: normalized, and
// as skeletons with long vowels dropped (ابو → اب).
constexpr std::string_view kParticles[] = {
    "بن", "ابن", "بنت", "عبد", "ابو", "اب", "ام", "ال", "bin", "ibn", "bint", "ben", "abu", "abd", "al", "el",
    "van", "von", "de", "da", "di", "del", "della", "der", "du", "la", "le", "dos", "das", "st"};
constexpr size_t kShortestSurname = 3;  // letters
constexpr int64_t kFewestPersonMentions = 2;

bool Particle(std::string_view word) {
  return std::find(std::begin(kParticles), std::end(kParticles), word) != std::end(kParticles);
}

bool MaySurname(std::string_view word) { return !Particle(word) && utf8::Length(word) >= kShortestSurname; }

// The last word of a name as written, normalized.
std::string LastWord(const std::string& name) {
  const std::string normalized = NormalizeForMatch(name);
  const size_t space = normalized.find_last_of(" -");
  return space == std::string::npos ? normalized : normalized.substr(space + 1);
}

}  // namespace

PersonName PersonNameOf(const EntityRow& e) {
  if (e.kind != "PER" || e.unresolved) return {};
  // ASCII letters beside Arabic ones (U+0600–U+06FF: lead bytes D8–DB).
  const auto has = [&](auto in_script) { return std::any_of(e.key.begin(), e.key.end(), in_script); };
  if (has([](unsigned char c) { return std::isalpha(c); }) && has([](unsigned char c) { return c >= 0xD8 && c <= 0xDB; })) {
    return {};
  }
  const std::string_view key(e.key);
  const size_t first_end = key.find_first_of(" -"), last = key.find_last_of(" -");
  if (last == std::string_view::npos || first_end == 0 || last + 1 == key.size()) return {};
  PersonName name{std::string(key.substr(0, first_end)), ""};
  size_t before = last;
  while (before > 0 && key[before - 1] != ' ' && key[before - 1] != '-') --before;
  const std::string_view surname = key.substr(last + 1);
  if (!Particle(key.substr(before, last - before)) && MaySurname(surname)) name.surname = surname;
  return name;
}

bool MayBeShortForm(const EntityRow& e) {
  const bool person = e.kind == "PER" || (e.kind == "MISC" && e.mention_kinds.empty());
  return person && !e.unresolved && e.label_en.empty() &&
         e.key.find_first_of(" -") == std::string::npos && MaySurname(e.key);
}

bool JoinsPerson(const EntityRow& short_form, const EntityRow& person) {
  if (person.mentions < kFewestPersonMentions || short_form.mentions > person.mentions) return false;
  // Its names as written, and its key (Blair's is blair).
  std::vector<std::string> written{short_form.key};
  for (const std::string& name : short_form.aliases) written.push_back(NormalizeForMatch(name));
  return std::any_of(person.aliases.begin(), person.aliases.end(), [&](const std::string& full) {
    return std::find(written.begin(), written.end(), LastWord(full)) != written.end();
  });
}

std::string NamePrefix(char part, const std::string& word) { return part + word + '\0'; }

std::string NameKey(char part, const std::string& word, uint32_t person) {
  return codec::AliasKey(part, word, person);
}

std::string EncodeJoins(const Joins& joins) {
  std::string bytes;
  for (const auto& [short_form, person] : joins) bytes += codec::Id(short_form) + codec::Id(person);
  return bytes;
}

bool DecodeJoins(std::string_view bytes, Joins* joins) {
  if (bytes.size() % 8 != 0) return false;
  for (size_t at = 0; at < bytes.size(); at += 8) (*joins)[codec::ReadId(bytes, at)] = codec::ReadId(bytes, at + 4);
  return true;
}

}  // namespace nasij::short_forms
