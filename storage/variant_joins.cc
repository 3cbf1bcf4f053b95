#include "storage/variant_joins.h"

#include <algorithm>
#include <cctype>
#include <numeric>

#include "storage/codec.h"

namespace nasij::variant_joins {

const VariantSpellings* Spellings() {
  static const Result<VariantSpellings> spellings = VariantSpellings::LoadEmbedded();
  return spellings.ok() ? &*spellings : nullptr;
}

bool MayJoin(const EntityRow& e) {
  const bool named = e.kind == "PER" || e.kind == "LOC" || e.kind == "ORG" || e.kind == "MISC";
  // Arabic letters (U+0600–U+06FF: lead bytes D8–DB) and no ASCII letter.
  const bool arabic = std::any_of(e.key.begin(), e.key.end(), [](unsigned char c) { return c >= 0xD8 && c <= 0xDB; }) &&
                      std::none_of(e.key.begin(), e.key.end(), [](unsigned char c) { return std::isalpha(c); });
  return named && arabic && e.label_en.empty() && !e.unresolved;
}

std::string IndexPrefix(const std::string& join_key) { return std::string(1, kIndex) + join_key + '\0'; }

std::string IndexKey(const std::string& join_key, uint32_t id) { return codec::AliasKey(kIndex, join_key, id); }

void JoinSpellings(const std::vector<std::pair<uint32_t, const EntityRow*>>& names, short_forms::Joins* joins) {
  const VariantSpellings* spellings = Spellings();
  if (!spellings) return;
  std::vector<size_t> chain(names.size());
  std::iota(chain.begin(), chain.end(), 0);
  auto first = [&](size_t i) {
    while (chain[i] != i) i = chain[i] = chain[chain[i]];
    return i;
  };
  for (size_t i = 0; i < names.size(); ++i) {
    for (size_t j = i + 1; j < names.size(); ++j) {
      const EntityRow& a = *names[i].second;
      const EntityRow& b = *names[j].second;
      if (a.kind == b.kind && spellings->VowelsAgree(a.key, b.key)) chain[first(j)] = first(i);
    }
  }
  // The name each chain shows: named most, then the least key.
  auto shows_before = [&](size_t i, size_t j) {
    const EntityRow& a = *names[i].second;
    const EntityRow& b = *names[j].second;
    return a.mentions != b.mentions ? a.mentions > b.mentions : a.key < b.key;
  };
  std::vector<size_t> shown(names.size(), names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    size_t& s = shown[first(i)];
    if (s == names.size() || shows_before(i, s)) s = i;
  }
  for (size_t i = 0; i < names.size(); ++i) {
    const size_t s = shown[first(i)];
    if (s != i) (*joins)[names[i].first] = names[s].first;
  }
}

}  // namespace nasij::variant_joins
