// Named entities both languages share: our gazetteer (data/gazetteer.tsv)
// plus ICU's Arabic and English names of countries and time-zone cities.
// Phrases are matched word by word on normalized forms.
#ifndef NASIJ_EXTRACT_GAZETTEER_H_
#define NASIJ_EXTRACT_GAZETTEER_H_

#include <absl/container/flat_hash_map.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "extract/variants.h"

namespace nasij {

struct Entity {
  std::string key;   // e.g. kassym-jomart-tokayev
  std::string kind;  // PER, LOC, ORG, MISC
  std::string label_en, label_ar;
  // ICU's exemplar cities include small places whose names are also common
  // words (ترك is Chuuk); a language module trusts them less.
  bool minor_place = false;
};

class Gazetteer {
 public:
  static Result<std::unique_ptr<Gazetteer>> LoadEmbedded();
  static Result<std::unique_ptr<Gazetteer>> Parse(std::string_view tsv, bool with_icu_names);

  // The longest entry whose words equal words[i..i+n); returns n, or 0.
  int Match(const std::vector<std::string>& words, size_t i, const Entity** entity) const {
    return Match(words[i], words, i, entity);
  }
  // The same with `first` read in place of words[i].
  int Match(std::string_view first, const std::vector<std::string>& words, size_t i, const Entity** entity) const;
  const Entity* Find(const std::string& normalized_phrase) const;
  // The one entry of this kind that a name the list does not know is a
  // variant spelling of (ترمب: Donald Trump), or null: none, or two that it
  // could be. Small places the list trusts less have no variants.
  const Entity* FindVariant(const std::string& normalized_phrase, std::string_view kind) const;
  const VariantSpellings& variants() const { return variants_; }
  const Entity* ByKey(const std::string& key) const;
  // Every name the entity with this key is known by, as written.
  const std::vector<std::string>& NamesOf(const std::string& key) const;
  size_t size() const { return entities_.size(); }

  // The key an English name gets: lowercase ASCII words joined by '-'.
  static std::string Slug(std::string_view english);

 private:
  void Add(const Entity& e, const std::vector<std::string>& names);
  void AddIcuNames();
  void IndexVariants();

  std::vector<std::unique_ptr<Entity>> entities_;
  // A phrase of normalized words: the entity it names, if any, and whether
  // longer names start with it (so that a match stops early).
  struct Phrase {
    const Entity* entity = nullptr;
    bool continues = false;
  };

  std::unordered_map<std::string, Entity*> by_key_;
  absl::flat_hash_map<std::string, Phrase> phrases_;
  std::unordered_map<std::string, std::vector<std::string>> names_;  // key → names as written
  int max_words_ = 1;
  VariantSpellings variants_;
  // Skeleton of an Arabic name → the entries and the names that have it.
  absl::flat_hash_map<std::string, std::vector<std::pair<const Entity*, std::string>>> by_skeleton_;
};

// The normalized words of a name as the matcher sees them.
std::vector<std::string> NameWords(std::string_view name);

}  // namespace nasij

#endif  // NASIJ_EXTRACT_GAZETTEER_H_
