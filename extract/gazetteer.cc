#include "extract/gazetteer.h"

#include <unicode/locid.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "common/embedded.h"
#include "extract/arabic/normalize.h"
#include "extract/tsv.h"
#include "extract/utf8.h"

namespace nasij {

std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> words;
  std::string current;
  for (size_t i = 0; i < name.size();) {
    size_t at = i;
    char32_t c = utf8::Next(name, &i);
    const bool letter = utf8::IsArabicLetter(c) || utf8::IsArabicMark(c) ||
                        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x00C0;
    if (c == '.' || c == '\'' || c == 0x2019) continue;  // U.S. → us, O'Brien → obrien
    if (letter && !(c >= 0x2000 && c <= 0x206F) && c != 0x060C && c != 0x061B && c != 0x061F) {
      current.append(name.substr(at, i - at));
    } else if (!current.empty()) {
      words.push_back(arabic::Normalize(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(arabic::Normalize(current));
  return words;
}

std::string Gazetteer::Slug(std::string_view english) {
  std::string slug;
  for (char c : english) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      slug.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      slug.push_back(c + 32);
    } else if (c == '.' || c == '\'') {
      continue;
    } else if (!slug.empty() && slug.back() != '-') {
      slug.push_back('-');
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

namespace {

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

}  // namespace

void Gazetteer::Add(const Entity& e, const std::vector<std::string>& names) {
  Entity*& entity = by_key_[e.key];
  if (!entity) {
    entities_.push_back(std::make_unique<Entity>(e));
    entity = entities_.back().get();
  }
  if (entity->label_ar.empty()) entity->label_ar = e.label_ar;
  if (entity->label_en.empty()) entity->label_en = e.label_en;
  for (const auto& name : names) {
    std::vector<std::string> words = NameWords(name);
    if (words.empty()) continue;
    max_words_ = std::max<int>(max_words_, words.size());
    std::string prefix;
    for (size_t k = 0; k + 1 < words.size(); ++k) {
      prefix += (k ? " " : "") + words[k];
      phrases_[prefix].continues = true;
    }
    Phrase& phrase = phrases_[Join(words)];
    if (!phrase.entity) phrase.entity = entity;
    if (phrase.entity == entity) {
      auto& known = names_[entity->key];
      if (std::find(known.begin(), known.end(), name) == known.end()) known.push_back(name);
    }
  }
}

void Gazetteer::AddIcuNames() {
  const icu::Locale ar("ar"), en("en");
  for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
    icu::Locale region("", *code);
    icu::UnicodeString name_en, name_ar;
    region.getDisplayCountry(en, name_en);
    region.getDisplayCountry(ar, name_ar);
    Entity e;
    name_en.toUTF8String(e.label_en);
    name_ar.toUTF8String(e.label_ar);
    if (e.label_en == *code || e.label_ar == *code) continue;  // ICU has no name for it
    e.key = Slug(e.label_en);
    e.kind = "LOC";
    Add(e, {e.label_en, e.label_ar});
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZoneNames> names_en(icu::TimeZoneNames::createInstance(en, status));
  std::unique_ptr<icu::TimeZoneNames> names_ar(icu::TimeZoneNames::createInstance(ar, status));
  std::unique_ptr<icu::StringEnumeration> zones(
      icu::TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
  if (U_FAILURE(status)) return;
  while (const icu::UnicodeString* id = zones->snext(status)) {
    if (U_FAILURE(status)) break;
    icu::UnicodeString city_en, city_ar;
    names_en->getExemplarLocationName(*id, city_en);
    names_ar->getExemplarLocationName(*id, city_ar);
    Entity e;
    city_en.toUTF8String(e.label_en);
    city_ar.toUTF8String(e.label_ar);
    if (e.label_en.empty() || e.label_ar.empty()) continue;
    e.key = Slug(e.label_en);
    e.kind = "LOC";
    e.minor_place = true;
    Add(e, {e.label_en, e.label_ar});
  }
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Parse(std::string_view tsv, bool with_icu_names) {
  auto g = std::make_unique<Gazetteer>();
  auto variants = VariantSpellings::LoadEmbedded();
  if (!variants.ok()) return variants.status();
  g->variants_ = std::move(*variants);
  for (const TsvRow& row : TsvRows(tsv)) {
    if (row.fields.size() != 6) {
      return Status::Corruption("gazetteer.tsv:" + std::to_string(row.line) + ": expected 6 fields");
    }
    Entity e{std::string(row.fields[0]), std::string(row.fields[1]), std::string(row.fields[2]),
             std::string(row.fields[3])};
    if (e.label_en == "-") e.label_en.clear();
    if (e.label_ar == "-") e.label_ar.clear();
    std::vector<std::string> names = {e.label_en, e.label_ar};
    for (int column : {4, 5}) {
      for (std::string_view alias : SplitField(row.fields[column], '|')) names.emplace_back(alias);
    }
    g->Add(e, names);
  }
  // Our own entries come first so that they win any name ICU also uses.
  if (with_icu_names) g->AddIcuNames();
  g->IndexVariants();
  return g;
}

void Gazetteer::IndexVariants() {
  for (const auto& [phrase, entry] : phrases_) {
    const bool arabic = !phrase.empty() && static_cast<unsigned char>(phrase[0]) >= 0x80;
    if (entry.entity && !entry.entity->minor_place && arabic) {
      by_skeleton_[variants_.Skeleton(phrase, false)].emplace_back(entry.entity, phrase);
    }
  }
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::LoadEmbedded() { return Parse(EmbeddedFile("extract/data/gazetteer.tsv"), true); }

int Gazetteer::Match(std::string_view first, const std::vector<std::string>& words, size_t i,
                     const Entity** entity) const {
  auto it = phrases_.find(absl::string_view(first.data(), first.size()));  // Debian's absl has its own string_view
  if (it == phrases_.end()) return 0;
  int best = 0;
  if (it->second.entity) {
    best = 1;
    *entity = it->second.entity;
  }
  std::string phrase(first);
  for (size_t n = 2; it->second.continues && n <= static_cast<size_t>(max_words_) && i + n <= words.size(); ++n) {
    phrase.push_back(' ');
    phrase += words[i + n - 1];
    it = phrases_.find(phrase);
    if (it == phrases_.end()) break;
    if (it->second.entity) {
      best = n;
      *entity = it->second.entity;
    }
  }
  return best;
}

const Entity* Gazetteer::Find(const std::string& phrase) const {
  auto it = phrases_.find(phrase);
  return it == phrases_.end() ? nullptr : it->second.entity;
}

const Entity* Gazetteer::FindVariant(const std::string& phrase, std::string_view kind) const {
  auto it = by_skeleton_.find(variants_.Skeleton(phrase, false));
  if (it == by_skeleton_.end()) return nullptr;
  const Entity* found = nullptr;
  for (const auto& [entity, name] : it->second) {
    if (entity->kind != kind || !variants_.VariantOf(phrase, name)) continue;
    if (found && found != entity) return nullptr;
    found = entity;
  }
  return found;
}

const std::vector<std::string>& Gazetteer::NamesOf(const std::string& key) const {
  static const std::vector<std::string> kNone;
  auto it = names_.find(key);
  return it == names_.end() ? kNone : it->second;
}

const Entity* Gazetteer::ByKey(const std::string& key) const {
  auto it = by_key_.find(key);
  return it == by_key_.end() ? nullptr : it->second;
}

}  // namespace nasij
