#include "extract/arabic/ner.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

#include "common/embedded.h"
#include "extract/arabic/normalize.h"
#include "extract/gazetteer.h"
#include "extract/tsv.h"
#include "extract/utf8.h"

namespace nasij::arabic {

namespace {

constexpr const char* kKinds[] = {"PER", "LOC", "ORG", "MISC"};
constexpr std::string_view kMagic = "nasij-ner 3\n";
// Weights are written as 16-bit integers times one scale: the model is half
// the size, and the tags it gives do not change.
constexpr float kQuantum = 32767.0f;

// FNV-1a: stable across builds and machines, unlike std::hash.
// A feature's name and values, each part ended by '|'.
constexpr uint64_t HashOn(uint64_t h, std::string_view part) {
  for (unsigned char c : part) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h ^= '|';
  return h * 1099511628211ull;
}

// A feature's name, hashed when the program is compiled: a feature costs
// the hashing of its values only.
struct FeatureName {
  template <size_t N>
  consteval FeatureName(const char (&name)[N]) : hashed(HashOn(1469598103934665603ull, {name, N - 1})) {}
  uint64_t hashed;
};

uint64_t Hash(FeatureName name, std::string_view a = {}, std::string_view b = {}) {
  return HashOn(HashOn(name.hashed, a), b);
}

uint64_t Mix(uint64_t x) {  // splitmix64's finalizer
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// The first and last `n` code points of `s`.
std::string_view Head(std::string_view s, size_t n) {
  size_t at = 0;
  for (size_t k = 0; k < n && at < s.size(); ++k) utf8::Next(s, &at);
  return s.substr(0, at);
}
std::string_view Tail(std::string_view s, size_t n) {
  size_t at = s.size();
  for (size_t k = 0; k < n && at > 0; ++k) {
    --at;
    while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  }
  return s.substr(at);
}

// The word without a conjunction, a preposition and (unless `article` is
// false) the article, each peeled only while a stem of at least two letters
// is left. A cue for the tagger, not an analysis: names that begin with these
// letters keep their whole form as a feature too.
constexpr std::string_view kConjunctions[] = {"و", "ف"};
constexpr std::string_view kPrepositions[] = {"ب", "ل", "ك"};
constexpr std::string_view kArticle = "ال";

// Whether `w` has at least `n` letters (code points), counted no further.
bool HasLetters(std::string_view w, size_t n) {
  for (size_t i = 0; i < w.size() && n > 0; ++i) n -= (w[i] & 0xC0) != 0x80;
  return n == 0;
}

std::string_view StripClitics(std::string_view w, bool article = true) {
  for (std::string_view prefix : kConjunctions) {
    if (OpensWithLetter(w, prefix) && HasLetters(w, 4)) {
      w.remove_prefix(prefix.size());
      break;
    }
  }
  for (std::string_view prefix : kPrepositions) {
    if (OpensWithLetter(w, prefix) && HasLetters(w, 4)) {
      w.remove_prefix(prefix.size());
      break;
    }
  }
  if (article && w.starts_with(kArticle) && HasLetters(w, 4)) w.remove_prefix(kArticle.size());
  return w;
}

// Whether a word opens with a letter StripClitics may take off.
bool OpensWithClitic(std::string_view w) {
  for (std::string_view letter : kConjunctions) {
    if (OpensWithLetter(w, letter)) return true;
  }
  for (std::string_view letter : kPrepositions) {
    if (OpensWithLetter(w, letter)) return true;
  }
  return false;
}

std::string_view Shape(std::string_view text) {
  bool arabic = false, latin = false, digit = false, other = false;
  for (size_t i = 0; i < text.size();) {
    char32_t c = utf8::Next(text, &i);
    if (utf8::IsArabicLetter(c)) arabic = true;
    else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') latin = true;
    else if ((c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669)) digit = true;
    else other = true;
  }
  if (arabic && !latin && !digit) return other ? "arabic+" : "arabic";
  if (latin && !arabic && !digit) return "latin";
  if (digit && !arabic && !latin) return "digits";
  return arabic || latin || digit ? "mixed" : "symbol";
}

// Whether the project's data files read the word: hunspell-ar reads most
// names as verbs or nouns too, so its readings alone do not count.
bool ReadByDataFiles(const std::vector<Analysis>& readings) {
  return std::any_of(readings.begin(), readings.end(),
                     [](const Analysis& a) { return !a.unknown() && a.source != Source::kHunspell; });
}

std::string_view LengthBucket(size_t letters) {
  static constexpr std::string_view kBuckets[] = {"0", "1", "2", "3", "4", "5", "6", "7-8", "7-8", "9+"};
  return kBuckets[std::min<size_t>(letters, 9)];
}

void PutU32(uint32_t v, std::string* out) {
  for (int k = 0; k < 4; ++k) out->push_back(static_cast<char>((v >> (8 * k)) & 0xFF));
}
void PutU16(uint16_t v, std::string* out) {
  out->push_back(static_cast<char>(v & 0xFF));
  out->push_back(static_cast<char>(v >> 8));
}
void PutFloat(float f, std::string* out) {
  uint32_t bits;
  std::memcpy(&bits, &f, 4);
  PutU32(bits, out);
}

// Reads little-endian values from a byte string, noting when it runs out.
struct Reader {
  std::string_view bytes;
  bool truncated = false;
  uint32_t U32() {
    if (bytes.size() < 4) {
      truncated = true;
      return 0;
    }
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[k])) << (8 * k);
    bytes.remove_prefix(4);
    return v;
  }
  uint16_t U16() {
    if (bytes.size() < 2) {
      truncated = true;
      return 0;
    }
    const uint16_t v = static_cast<uint16_t>(static_cast<unsigned char>(bytes[0]) | (static_cast<unsigned char>(bytes[1]) << 8));
    bytes.remove_prefix(2);
    return v;
  }
  float Float() {
    uint32_t bits = U32();
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
  }
};

}  // namespace

const char* NerKind(int tag) { return tag <= 0 || tag >= kNerTags ? nullptr : kKinds[(tag - 1) / 2]; }
bool NerBegins(int tag) { return tag > 0 && tag % 2 == 1; }
bool NerFollows(int from, int to) {
  return to == 0 || NerBegins(to) || (from != kNerTags && from != 0 && (from == to || from == to - 1));
}

int NerTagOf(std::string_view bio) {
  if (bio == "O") return 0;
  if (bio.size() < 3 || bio[1] != '-' || (bio[0] != 'B' && bio[0] != 'I')) return -1;
  std::string_view kind = bio.substr(2);
  if (kind == "PERS" || kind == "PERSON") kind = "PER";
  for (int k = 0; k < 4; ++k) {
    if (kind == kKinds[k]) return 1 + 2 * k + (bio[0] == 'I' ? 1 : 0);
  }
  return -1;
}

Result<WordClusters> WordClusters::LoadEmbedded() {
  std::string_view tsv = EmbeddedFile("extract/arabic/data/clusters.tsv");
  if (tsv.empty()) return Status::Corruption("the word clusters are not embedded");
  return Parse(tsv);
}

Result<WordClusters> WordClusters::Parse(std::string_view tsv) {
  WordClusters out;
  for (const TsvRow& row : TsvRows(tsv)) {
    const auto& f = row.fields;
    if (f.size() < 2) return Status::Corruption("clusters.tsv: line " + std::to_string(row.line) + " has no cluster");
    std::vector<std::string> levels;
    for (size_t k = 1; k < f.size(); ++k) levels.emplace_back(f[k]);
    out.clusters_.emplace(std::string(f[0]), std::move(levels));
  }
  return out;
}

Result<PlaceNames> PlaceNames::LoadEmbedded() {
  std::string_view tsv = EmbeddedFile("extract/arabic/geonames_places.tsv");
  if (tsv.empty()) return Status::Corruption("the GeoNames place names are not embedded");
  return Parse(tsv);
}

PlaceNames PlaceNames::Parse(std::string_view tsv) {
  PlaceNames out;
  for (const TsvRow& row : TsvRows(tsv)) {
    if (row.fields.size() < 2) continue;
    const std::vector<std::string> words = NameWords(row.fields[1]);
    if (words.empty()) continue;
    out.max_words_ = std::max<int>(out.max_words_, words.size());
    std::string phrase;
    for (size_t k = 0; k < words.size(); ++k) {
      phrase += (k ? " " : "") + words[k];
      if (k + 1 < words.size()) out.phrases_.try_emplace(phrase, false);
    }
    out.names_ += !std::exchange(out.phrases_[phrase], true);
  }
  return out;
}

int PlaceNames::Match(std::string_view first, const std::vector<Word>& words, size_t i) const {
  // Most words start no name: they cost one lookup, and no phrase is built.
  auto it = phrases_.find(absl::string_view(first.data(), first.size()));
  if (it == phrases_.end()) return 0;
  int longest = it->second ? 1 : 0;
  std::string phrase(first);
  for (int k = 1; k < max_words_ && i + k < words.size(); ++k) {
    phrase += ' ';
    phrase += words[i + k].norm;
    it = phrases_.find(phrase);
    if (it == phrases_.end()) break;
    if (it->second) longest = k + 1;
  }
  return longest;
}

NerFeatures::NerFeatures(const Lexicon& lexicon, const Gazetteer& gazetteer, const WordClusters* clusters,
                         const PlaceNames* places)
    : lexicon_(lexicon), gazetteer_(gazetteer), clusters_(clusters), places_(places) {}

uint64_t NerFeatures::EdgeFeature(bool before) { return Hash("w", before ? "<s>" : "</s>"); }

uint64_t NerFeatures::BiasFeature() { return Hash("bias"); }

uint64_t NerFeatures::AtOffset(uint64_t feature, int offset) {
  return Mix(feature + static_cast<uint64_t>(offset + kWindow + 1) * 0x9e3779b97f4a7c15ull);
}

NerFeatures::WordFeatures NerFeatures::OfWord(const Word& word) const {
  WordFeatures out;
  // Room for a long word's features: growing the vectors cost more than filling them.
  out.everywhere.reserve(32);
  out.here.reserve(48);
  std::vector<uint64_t>& f = out.everywhere;
  const std::string& w = word.norm;
  f.push_back(Hash("w", w));
  if (word.token->kind != Token::kWord) {
    f.push_back(Hash("kind", word.token->kind == Token::kNumber ? "number" : "punct"));
    return out;
  }
  const std::string_view stem = StripClitics(w);
  f.push_back(Hash("stem", stem));
  f.push_back(Hash("clitics", std::string_view(w).substr(0, w.size() - stem.size())));
  static constexpr std::string_view kLetters[] = {"", "1", "2", "3", "4"};
  // How the word is spelled says something of the word itself only: its
  // neighbours see what it is, not its letters. The stem's first letters and
  // the word's last (its suffixes), then the word's first three and the
  // stem's last three (cross-validation F1 +0.004 with the clusters of
  // window-2 vectors).
  std::vector<uint64_t>& spelling = out.here;
  for (size_t n = 1; n <= 4; ++n) {
    spelling.push_back(Hash("stem-prefix", kLetters[n], Head(stem, n)));
    spelling.push_back(Hash("suffix", kLetters[n], Tail(w, n)));
  }
  spelling.push_back(Hash("length", LengthBucket(utf8::Length(stem))));
  for (size_t n = 1; n <= 3; ++n) {
    spelling.push_back(Hash("prefix", kLetters[n], Head(w, n)));
    spelling.push_back(Hash("stem-suffix", kLetters[n], Tail(stem, n)));
  }
  spelling.push_back(Hash("shape", Shape(word.token->text)));
  // Every run of three letters in the stem: a name spelled from a foreign
  // language has letters and clusters of them Arabic words rarely have
  // (غ for g, تش, يه): cross-validation F1 0.751 -> 0.753 (0.750 -> 0.752
  // with another seed); runs of two or four as well did no better.
  for (size_t at = 0, end = 0, k = 0; end < stem.size(); ++k) {
    utf8::Next(stem, &end);
    if (k >= 2) {
      spelling.push_back(Hash("trigram", stem.substr(at, end - at)));
      utf8::Next(stem, &at);
    }
  }
  if (EndsWithTaaMarbuta(word.token->text)) spelling.push_back(Hash("taa-marbuta"));

  // What the lexicon can read the word as, whatever the context. The
  // hunspell-ar table's readings are features of their own, and a word only
  // it reads is still one the data files do not: it reads most names as
  // verbs or nouns too.
  const std::vector<Analysis>& readings = CachedAnalyze(lexicon_, w);
  for (const Analysis& a : readings) {
    const FeatureName source = a.source == Source::kHunspell ? FeatureName("hunspell-reading") : FeatureName("reading");
    if (!a.unknown()) f.push_back(Hash(source, TagName(a.tag)));
  }
  const bool unread = !ReadByDataFiles(readings);
  if (unread) f.push_back(Hash("reading", "none"));

  const std::string stem_string(stem);
  for (const std::string* form : {&w, &stem_string}) {
    if (const auto* c = clusters_ ? clusters_->Of(*form) : nullptr) {
      const std::string_view which = *form == w ? "word" : "stem";
      // The finest is a feature of the word only: the coarser ones are enough next door.
      static constexpr FeatureName kLevel[] = {"cluster0", "cluster1", "cluster2", "cluster3",
                                               "cluster4", "cluster5", "cluster6", "cluster7"};
      const size_t levels = std::min<size_t>(c->size(), std::size(kLevel));
      for (size_t k = 0; k < levels; ++k) {
        (k + 1 == levels && levels > 1 ? out.here : f).push_back(Hash(kLevel[k], which, (*c)[k]));
      }
      // A word no data file reads, and the company it keeps: among the
      // unread, a cluster of names says a name more surely than among all
      // (scripts/ner-cv, seeds 1-4: F1 0.7780 → 0.7792 on average).
      if (unread && !c->empty()) f.push_back(Hash("unread-cluster", which, (*c)[0]));
    }
    if (const Entity* e = gazetteer_.Find(*form)) f.push_back(Hash("gazetteer", e->minor_place ? "minor" : e->kind));
    if (const Title* t = lexicon_.TitleOf(*form)) f.push_back(Hash("title", t->kind));
    // The nisba's gender too: after a city, a masculine one says a club
    // (برشلونة الإسباني), a feminine one the city (برشلونة الإسبانية).
    if (lexicon_.NisbaOf(*form)) f.push_back(Hash("nisba", EndsWithTaaMarbuta(word.token->text) ? "F" : "M"));
    // Not on على, which Normalize spells as the name علي.
    if (const std::string* gender = lexicon_.GivenNameOf(*form); gender && !word.written_function_word) {
      f.push_back(Hash("given-name", *gender));
    }
  }
  for (std::vector<uint64_t>* v : {&out.everywhere, &out.here}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  return out;
}

bool NerFeatures::KnownWithout(const std::string& word, size_t clitic_bytes) const {
  if (clitic_bytes == 0 || clitic_bytes >= word.size()) return false;
  const std::string rest = word.substr(clitic_bytes);
  if (gazetteer_.Find(rest)) return true;
  // وخالد is خالد, but بسام stays بسام though سام is a name too, and a
  // foreign name keeps a first letter that reads as a preposition (بيونس
  // آيرس is not يونس).
  constexpr std::string_view kAnd = "و";
  if (clitic_bytes == kAnd.size() && word.starts_with(kAnd) && lexicon_.GivenNameOf(rest) &&
      !lexicon_.GivenNameOf(word)) {
    return true;
  }
  return clusters_ && clusters_->Of(rest) && !clusters_->Of(word);
}

std::vector<std::pair<int, uint64_t>> NerFeatures::OfPositions(const std::vector<Word>& words) const {
  static const uint64_t kBias = BiasFeature(), kFirst = Hash("first"), kInTitle = Hash("in-title"),
                        kGivenNamePair = Hash("given-name-pair");
  static constexpr FeatureName kGazetteerAt[] = {"gazetteer-name-1", "gazetteer-name0", "gazetteer-name1"};
  const size_t n = words.size();
  std::vector<std::pair<int, uint64_t>> out;
  out.reserve(2 * n);
  std::vector<const Title*> title_ends_at(n + 1, nullptr);
  std::vector<bool> in_title(n, false);
  for (size_t k = 0; k < n; ++k) {
    if (!words[k].title) continue;
    title_ends_at[words[k].title_end] = words[k].title;
    for (int t = k + 1; t < words[k].title_end; ++t) in_title[t] = true;
  }
  // Inside a GeoNames city's name, its first word read whole, after a
  // conjunction and a preposition (وبالرياض, لنيودلهي), or without the
  // article too: 'B', 'I', or 0.
  // Each word without its conjunction and preposition, once: GeoNames and
  // given names are looked up so. Only a word that opens with a clitic's
  // letter is stripped: most do not.
  std::vector<std::string_view> without_clitics(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string_view word = words[i].norm;
    without_clitics[i] = OpensWithClitic(word) ? StripClitics(word, false) : word;
  }
  std::vector<char> in_place(n, 0);
  for (size_t i = 0; places_ && i < n;) {
    const std::string_view word = words[i].norm;
    const std::string_view with_article = without_clitics[i];
    int length = places_->Match(word, words, i);
    if (length == 0 && with_article != word) length = places_->Match(with_article, words, i);
    if (length == 0 && with_article.starts_with("ال")) {
      length = places_->Match(with_article.substr(std::string_view("ال").size()), words, i);
    }
    for (int k = 0; k < length; ++k) in_place[i + k] = k == 0 ? 'B' : 'I';
    i += std::max(length, 1);
  }
  static constexpr FeatureName kPlaceAt[] = {"geonames-1", "geonames0", "geonames1"};
  for (size_t i = 0; i < n; ++i) {
    auto add = [&](uint64_t feature) { out.emplace_back(static_cast<int>(i), feature); };
    add(kBias);
    for (int offset = -1; offset <= 1; ++offset) {
      const size_t k = i + offset;
      if (k < n && in_place[k]) add(Hash(kPlaceAt[offset + 1], std::string_view(&in_place[k], 1)));
    }
    if (i == 0) add(kFirst);
    // Inside a gazetteer name, here and next door.
    for (int offset = -1; offset <= 1; ++offset) {
      const size_t k = i + offset;
      if (k >= n || !words[k].entity) continue;
      const bool begins = words[k].name_begin == static_cast<int>(k);
      add(Hash(kGazetteerAt[offset + 1], begins ? "B" : "I", words[k].entity->kind));
    }
    // After a given name, a word the data files do not read goes on with
    // it (محمد الفردان), a known word less often (محمد إن).
    if (i > 0 && !words[i - 1].written_function_word && lexicon_.GivenNameOf(without_clitics[i - 1])) {
      add(Hash("after-given-name", ReadByDataFiles(CachedAnalyze(lexicon_, words[i].norm)) ? "known" : "unknown"));
    }
    // A given name of two words (عبد الله), on both.
    if (i + 1 < n && lexicon_.StartsGivenName(words[i].norm) &&
        lexicon_.GivenNameOf(words[i].norm + " " + words[i + 1].norm)) {
      add(kGivenNamePair);
      out.emplace_back(static_cast<int>(i + 1), kGivenNamePair);
    }
    // Right after a title, or inside one (وزير الخارجية | أنتوني بلينكن).
    if (title_ends_at[i]) add(Hash("after-title", title_ends_at[i]->kind));
    if (in_title[i]) add(kInTitle);
    // Two words after a title, where a surname is (وزير الخارجية أنتوني |
    // بلينكن): a title of two words or more ends out of the window's reach
    // (scripts/ner-cv, seeds 1-4, with the feature below and the rules
    // after the tagger: F1 0.7826 -> 0.7830 on average).
    if (i > 0 && title_ends_at[i - 1]) add(Hash("after-title2", title_ends_at[i - 1]->kind));
    // A word after و right after a listed name or a given name, often the
    // next of a list of names (بوش وشارون وأولمرت, حسن وسميرة): the kind of
    // the name before, or "given" (scripts/ner-cv, seeds 1-4, with the rules
    // after the tagger: F1 0.7807 -> 0.7811 on average).
    if (i > 0 && words[i].norm.starts_with("و") && without_clitics[i] != words[i].norm &&
        !words[i].written_function_word) {
      const Word& before = words[i - 1];
      if (before.entity && before.name_end == static_cast<int>(i)) {
        add(Hash("and-after-name", before.entity->kind));
      } else if (lexicon_.GivenNameOf(without_clitics[i - 1])) {
        add(Hash("and-after-name", "given"));
      }
    }
  }
  return out;
}

NerModel::NerModel() {
  static std::atomic<uint64_t> models{0};
  serial_ = ++models;
}

Result<std::unique_ptr<NerModel>> NerModel::LoadEmbedded() {
  std::string_view bytes = EmbeddedFile("extract/arabic/data/ner.model");
  if (bytes.empty()) return Status::Corruption("the entity tagger's model is not embedded");
  return Parse(bytes);
}

Result<std::unique_ptr<NerModel>> NerModel::Parse(std::string_view bytes) {
  if (!bytes.starts_with(kMagic)) return Status::Corruption("not an entity tagger model (bad header)");
  Reader in{bytes.substr(kMagic.size())};
  auto model = std::make_unique<NerModel>();
  if (in.U32() != kNerTags) return Status::Corruption("entity tagger model: wrong number of tags");
  for (auto& row : model->transitions_) {
    for (float& w : row) w = in.Float();
  }
  const float scale = in.Float();
  auto read_table = [&](auto* table, size_t rows) -> bool {
    const uint32_t n = in.U32();
    if (in.truncated || in.bytes.size() < static_cast<size_t>(n) * (4 + 2 * kNerTags * rows)) return false;
    static_assert(sizeof(ByOffset) == sizeof(float) * kNerTags * std::tuple_size_v<ByOffset>);
    table->reserve(n);
    for (uint32_t k = 0; k < n; ++k) {
      auto& entry = (*table)[in.U32()];
      float* w = reinterpret_cast<float*>(&entry);  // rows of floats, contiguous
      for (size_t v = 0; v < sizeof(entry) / sizeof(float); ++v) w[v] = static_cast<int16_t>(in.U16()) * scale;
    }
    return true;
  };
  if (!read_table(&model->word_weights_, std::tuple_size_v<ByOffset>) || !read_table(&model->weights_, 1) ||
      !in.bytes.empty()) {
    return Status::Corruption("entity tagger model: truncated or wrong size");
  }
  return model;
}

std::string NerModel::Serialize() const {
  std::string out(kMagic);
  PutU32(kNerTags, &out);
  for (const auto& row : transitions_) {
    for (float w : row) PutFloat(w, &out);
  }
  float largest = 0;
  auto widen = [&](const auto& w) {
    const float* v = reinterpret_cast<const float*>(&w);
    for (size_t i = 0; i < sizeof(w) / sizeof(float); ++i) largest = std::max(largest, std::fabs(v[i]));
  };
  for (const auto& entry : weights_) widen(std::array<Scores, 1>{entry.second});
  for (const auto& entry : word_weights_) widen(entry.second);
  const float scale = largest > 0 ? largest / kQuantum : 1;
  PutFloat(scale, &out);
  auto write_table = [&](const auto& table) {
    std::vector<uint32_t> keys;
    keys.reserve(table.size());
    for (const auto& entry : table) keys.push_back(entry.first);
    std::sort(keys.begin(), keys.end());  // the same bytes whatever the map's order
    PutU32(static_cast<uint32_t>(keys.size()), &out);
    for (uint32_t k : keys) {
      PutU32(k, &out);
      const auto& w = table.at(k);
      const float* v = reinterpret_cast<const float*>(&w);
      for (size_t i = 0; i < sizeof(w) / sizeof(float); ++i) {
        PutU16(static_cast<uint16_t>(static_cast<int16_t>(std::lround(v[i] / scale))), &out);
      }
    }
  };
  write_table(word_weights_);
  write_table(weights_);
  return out;
}

const NerModel::ByOffset* NerModel::WordWeights(uint64_t feature) const {
  auto it = word_weights_.find(Key(feature));
  return it == word_weights_.end() ? nullptr : &it->second;
}

const NerModel::Scores* NerModel::Weights(uint64_t feature) const {
  auto it = weights_.find(Key(feature));
  return it == weights_.end() ? nullptr : &it->second;
}

std::vector<int> NerModel::Decode(const std::vector<Scores>& emissions) const {
  const size_t n = emissions.size();
  if (n == 0) return {};
  constexpr float kNever = -1e30f;
  // O and each B- may follow any tag; I-X only B-X or I-X (NerFollows).
  // Predecessors are tried in order, and the first of equal scores wins.
  constexpr int kOpen[] = {0, 1, 3, 5, 7};
  std::vector<Scores> best(n);
  std::vector<std::array<int8_t, kNerTags>> back(n);
  for (int t = 0; t < kNerTags; ++t) {
    best[0][t] = (NerFollows(kNerTags, t) ? transitions_[kNerTags][t] : kNever) + emissions[0][t];
  }
  for (size_t i = 1; i < n; ++i) {
    const Scores& before = best[i - 1];
    Scores top;
    std::array<int8_t, kNerTags> arg{};
    for (int t : kOpen) top[t] = before[0] + transitions_[0][t];
    for (int p = 1; p < kNerTags; ++p) {
      for (int t : kOpen) {
        const float s = before[p] + transitions_[p][t];
        if (s > top[t]) top[t] = s, arg[t] = static_cast<int8_t>(p);
      }
    }
    for (int t = 2; t < kNerTags; t += 2) {
      top[t] = before[t - 1] + transitions_[t - 1][t];
      arg[t] = static_cast<int8_t>(t - 1);
      const float s = before[t] + transitions_[t][t];
      if (s > top[t]) top[t] = s, arg[t] = static_cast<int8_t>(t);
    }
    for (int t = 0; t < kNerTags; ++t) best[i][t] = top[t] + emissions[i][t];
    back[i] = arg;
  }
  std::vector<int> tags(n);
  tags[n - 1] = static_cast<int>(std::max_element(best[n - 1].begin(), best[n - 1].end()) - best[n - 1].begin());
  for (size_t i = n - 1; i > 0; --i) tags[i - 1] = back[i][tags[i]];
  return tags;
}

std::vector<int> NerModel::Tag(const NerFeatures& features, const std::vector<Word>& words) const {
  constexpr int kSpan = 2 * NerFeatures::kWindow + 1;
  // A word's contribution depends on the word alone, and news repeats its
  // words: it is computed once per thread and word.
  thread_local absl::flat_hash_map<std::string, ByOffset> cache;
  thread_local uint64_t owner = 0;
  constexpr size_t kCacheWords = 100000;
  const int n = static_cast<int>(words.size());
  if (owner != serial_ || cache.size() + n + 2 * NerFeatures::kWindow > kCacheWords) {
    cache.clear();
    owner = serial_;
  }
  auto contribution = [&](const NerFeatures::WordFeatures& word_features) {
    ByOffset by{};
    for (uint64_t f : word_features.everywhere) {
      if (const ByOffset* w = WordWeights(f)) {
        for (int o = 0; o < kSpan; ++o) {
          for (int t = 0; t < kNerTags; ++t) by[o][t] += (*w)[o][t];
        }
      }
    }
    for (uint64_t f : word_features.here) {
      if (const Scores* w = Weights(NerFeatures::AtOffset(f, 0))) {
        for (int t = 0; t < kNerTags; ++t) by[NerFeatures::kWindow][t] += (*w)[t];
      }
    }
    return by;
  };
  static const std::string kBefore = "\x01<s>", kAfter = "\x01</s>";
  // A word is its text and its kind: ICU reads the same text (سي.) as a word
  // in one sentence and a number in another, so text alone would let one
  // document's reading decide another's. The keys of all the sentence's
  // words go in one buffer (the cache copies a key only when it adds it).
  std::string keys;
  std::vector<size_t> key_ends;
  key_ends.reserve(n + 2 * NerFeatures::kWindow);
  for (int j = -NerFeatures::kWindow; j < n + NerFeatures::kWindow; ++j) {
    if (j < 0 || j >= n) {
      keys += j < 0 ? kBefore : kAfter;
    } else {
      keys += words[j].token->text;
      keys.push_back(static_cast<char>('0' + words[j].token->kind));
    }
    key_ends.push_back(keys.size());
  }
  auto key_at = [&](size_t k) {
    const size_t begin = k == 0 ? 0 : key_ends[k - 1];
    return absl::string_view(keys.data() + begin, key_ends[k] - begin);
  };
  // Room for this sentence's words first: no insertion below moves what the
  // cache holds, so `around` can point into it.
  cache.reserve(cache.size() + n + 2 * NerFeatures::kWindow);
  // The cache is large and its entries scattered: each lookup would wait
  // on memory in turn, so all are fetched ahead, to wait once.
  for (size_t k = 0; k < key_ends.size(); ++k) cache.prefetch(key_at(k));
  std::vector<const ByOffset*> around(n + 2 * NerFeatures::kWindow);
  for (int j = -NerFeatures::kWindow; j < n + NerFeatures::kWindow; ++j) {
    auto [it, added] = cache.try_emplace(key_at(j + NerFeatures::kWindow));
    if (added) {
      const bool edge = j < 0 || j >= n;
      it->second = contribution(edge ? NerFeatures::WordFeatures{{NerFeatures::EdgeFeature(j < 0)}, {}}
                                     : features.OfWord(words[j]));
    }
    around[j + NerFeatures::kWindow] = &it->second;
  }
  std::vector<Scores> emissions(n);
  for (int i = 0; i < n; ++i) {
    Scores& e = emissions[i];
    e.fill(0);
    for (int o = -NerFeatures::kWindow; o <= NerFeatures::kWindow; ++o) {
      // The word at i+o, seen from i, is at offset o.
      const Scores& s = (*around[i + o + NerFeatures::kWindow])[o + NerFeatures::kWindow];
      for (int t = 0; t < kNerTags; ++t) e[t] += s[t];
    }
  }
  for (const auto& [i, f] : features.OfPositions(words)) {
    if (const Scores* w = Weights(f)) {
      for (int t = 0; t < kNerTags; ++t) emissions[i][t] += (*w)[t];
    }
  }
  return Decode(emissions);
}

namespace {

// Makes words [b, e) one name of `entity`, read as a proper noun; the first
// word keeps the clitics its analysis split off (والسعودية → و + السعودية).
void MarkName(int b, int e, const Entity* entity, const Analysis& first, size_t clitics, std::vector<Word>* words) {
  std::vector<Word>& ws = *words;
  for (int k = b; k < e; ++k) {
    ws[k].entity = entity;
    ws[k].name_begin = b;
    ws[k].name_end = e;
    ws[k].a = Analysis();
    ws[k].a.tag = Tag::kPropn;
    ws[k].a.stem = ws[k].norm;
    if (k == b) {
      ws[k].a.conj = clitics >= first.conj.size() ? first.conj : "";
      ws[k].a.prep = clitics > first.conj.size() ? first.prep : "";
      ws[k].a.stem = ws[k].norm.substr(std::min(clitics, ws[k].norm.size()));
    }
    ws[k].readings.assign(1, ws[k].a);
  }
}

// Undoes a gazetteer name's marks on words [b, e).
void Unmark(int b, int e, const Lexicon& lexicon, std::vector<Word>* words) {
  for (int k = b; k < e; ++k) {
    Word& w = (*words)[k];
    w.entity = nullptr;
    w.name_begin = w.name_end = -1;
    w.indefinite_noun_name = false;
    w.readings = CachedAnalyze(lexicon, w.norm);
    w.a = w.readings.front();
  }
}

// Words that carry a name on to a parent's name (normalized): أحمد بن محمد
// بن راشد is one person, though the list knows محمد بن راشد; and أبو, to a
// child's (the kunya: محمد أبو العلا, though the list knows العلا, a town).
constexpr std::string_view kLineageLinks[] = {"بن", "ابن", "بنت", "ابنه", "ابو"};

bool LineageLink(const Word& w) {
  return std::find(std::begin(kLineageLinks), std::end(kLineageLinks), w.norm) != std::end(kLineageLinks);
}

constexpr size_t kLongestNameWordBytes = 2 * 30;  // thirty Arabic letters

// A common noun of the data files: hunspell-ar lists names among its nouns.
bool CommonWord(const std::vector<Analysis>& readings) {
  return std::any_of(readings.begin(), readings.end(), [](const Analysis& a) {
    return a.source == Source::kLexicon && (a.tag == Tag::kNoun || a.tag == Tag::kMasdar) && a.suffix.empty();
  });
}

// Whether ws[k] is an adjective describing the word before it, not a name
// spelled alike: right after a word with the article that is not a name, a
// feminine nisba adjective with the article after a feminine word
// (المحادثات الإسرائيلية السعودية: Saudi, not Saudi Arabia; but زار الوزير
// السعودية: a man visited the country) or a word the data files read only as an adjective with
// the article, bare of clitics (الوضع المالي, الدعم العربي المالي:
// "financial", not Mali).
bool AdjectiveAfterDefinite(const Lexicon& lexicon, const std::vector<Word>& ws, int k) {
  if (k < 1 || ws[k - 1].entity || ws[k - 1].token->kind != Token::kWord || ws[k - 1].written_function_word ||
      ws[k - 1].readings.empty() || !ws[k - 1].readings.front().definite) {
    return false;
  }
  constexpr std::string_view kArticle = "ال";
  const std::string_view word = ws[k].norm;
  if (word.starts_with(kArticle) && EndsWithTaaMarbuta(ws[k].token->text) && Feminine(ws[k - 1]) &&
      lexicon.NisbaOf(word.substr(kArticle.size()))) {
    return true;
  }
  const std::vector<Analysis>& readings = CachedAnalyze(lexicon, ws[k].norm);
  return std::any_of(readings.begin(), readings.end(), [](const Analysis& a) {
    return a.source == Source::kLexicon && a.tag == Tag::kAdj && a.definite && a.conj.empty() && a.prep.empty() &&
           a.suffix.empty();
  }) && std::none_of(readings.begin(), readings.end(), [](const Analysis& a) {
    return a.source == Source::kLexicon && a.tag != Tag::kAdj;
  });
}

// The word a name is keyed by: written with the alef of the indefinite
// accusative, a noun the data files know is that noun (دولارا is دولار), and
// so is any word that carries the tanween on that alef (جنيهاً is جنيه) but
// a nisba adjective's (روسياً is "a Russian", not the town روسي, Ruse);
// any other word is keyed as written, after its clitics.
std::string_view KeyWord(const Word& w, size_t clitics) {
  const std::string_view word = std::string_view(w.norm).substr(std::min(clitics, w.norm.size()));
  if (w.entity) return word;
  constexpr std::string_view kAlef = "ا", kNisba = "ي";
  const std::string_view stem = word.substr(0, word.size() - std::min(word.size(), kAlef.size()));
  if (HasTanween(w.token->text) && word.ends_with(kAlef) && utf8::Length(word) > 2 && !stem.ends_with(kNisba)) {
    return stem;
  }
  if (w.readings.empty()) return word;
  const Analysis& a = w.readings.front();
  const bool accusative = a.source == Source::kLexicon && a.tag == Tag::kNoun && a.suffix.empty() &&
                          word.size() == a.stem.size() + 2 && word.starts_with(a.stem) && word.ends_with("ا");
  return accusative ? std::string_view(a.stem) : word;
}

// Many given names are adjectives too (كوري Korean, سعيد happy, جميل
// beautiful). Right after a verb, a bare adjective has no noun to describe:
// before a person's name it is the first name (كتبت كوري شولمان).
bool GivenNameBefore(const std::vector<Word>& ws, int b, int tag) {
  if (b < 2 || !NerKind(tag) || std::string_view(NerKind(tag)) != "PER" || ws[b - 1].entity ||
      ws[b - 1].readings.empty() || ws[b - 2].readings.empty()) {
    return false;
  }
  const Analysis& adjective = ws[b - 1].readings.front();
  const Analysis& verb = ws[b - 2].readings.front();
  return adjective.tag == Tag::kAdj && !adjective.unknown() &&
         !adjective.definite && adjective.conj.empty() && adjective.prep.empty() && adjective.suffix.empty() &&
         verb.tag == Tag::kVerb && verb.suffix.empty();
}

// Whether ws[b, e) are given names only (خوسيه لويس, عبد الله, نور الدين), the
// first perhaps after و: a name the list knows after them is their surname
// (عبد الله العامري), not a second person.
bool GivenNamesOnly(const Lexicon& lexicon, const std::vector<Word>& ws, int b, int e) {
  for (int k = b; k < e;) {
    std::string_view word = ws[k].norm;
    if (k == b && word.starts_with("و") && !lexicon.GivenNameOf(word)) word.remove_prefix(std::string_view("و").size());
    if (k + 1 < e && lexicon.GivenNameOf(std::string(word) + " " + ws[k + 1].norm)) {
      k += 2;
    } else if (lexicon.GivenNameOf(word)) {
      ++k;
    } else {
      return false;
    }
  }
  return true;
}

// Whether ws[k] is a hyphen written between two words with no space beside
// it (هاي-سونغ of تشان هاي-سونغ): the words are parts of one name, neither of
// them a listed name of its own (a meeting بوتين-ترامب is two people).
bool JoiningHyphen(const std::vector<Word>& ws, int k) {
  if (k < 1 || k + 1 >= static_cast<int>(ws.size()) || ws[k].token->text != "-") return false;
  const Token &before = *ws[k - 1].token, &hyphen = *ws[k].token, &after = *ws[k + 1].token;
  return before.kind == Token::kWord && after.kind == Token::kWord && before.end == hyphen.start &&
         hyphen.end == after.start && !ws[k - 1].entity && !ws[k + 1].entity;
}

// A word with the article that an adjective with the article follows is a
// noun and its adjective (القاسم المشترك, the common denominator), not a
// person's name said alone: a surname takes no adjective of its own.
bool DefiniteNounWithAdjective(const std::vector<Word>& ws, int b, int e) {
  if (e != b + 1 || e >= static_cast<int>(ws.size()) || ws[b].entity || ws[b].readings.empty() ||
      ws[e].readings.empty()) {
    return false;
  }
  const Analysis& noun = ws[b].readings.front();
  const Analysis& adjective = ws[e].readings.front();
  return noun.definite && adjective.tag == Tag::kAdj && adjective.definite && adjective.conj.empty() &&
         adjective.prep.empty();
}

// A person named by a given name alone, when the tagger stopped there,
// goes on through the words that can only be more of the name: another
// given name (محمد إبراهيم), a nisba with the article (محمود الجوهري), and,
// after a noun, a title or a nisba, a bare masculine adjective (مبادرة
// محمود وحيد): a name is definite, so an indefinite adjective cannot
// describe it, and after a noun the name opens no sentence it could be the
// predicate of (صلاح أفضل لاعب). Not an elative (أفضل), nor the head of a
// construct (أرتيم كبير المستشارين), nor after a given name that is a
// common noun too (نقطة صدام عسكري, a clash). Cut, the given name alone
// would be one node for every محمد of the news. Returns the name's new end.
int SurnameEnd(const Lexicon& lexicon, const std::vector<Word>& ws, int b, int e) {
  constexpr int kMostSurnameWords = 2;
  const int n = static_cast<int>(ws.size());
  auto reading = [&](int k) -> const Analysis* {
    return k < n && !ws[k].readings.empty() ? &ws[k].readings.front() : nullptr;
  };
  const Analysis* first = ws[b].entity ? &ws[b].a : reading(b);
  if (e != b + 1 || ws[b].entity || !first || !lexicon.GivenNameOf(first->stem)) return e;
  const Analysis* before = b > 0 ? reading(b - 1) : nullptr;
  const bool after_noun = before && (ws[b - 1].title || !ws[b - 1].nisba_place_en.empty() ||
                                    before->tag == Tag::kNoun || before->tag == Tag::kAdj);
  auto name_part = [&](int k) {
    const Word& w = ws[k];
    const Analysis* r = reading(k);
    if (!r || w.entity || w.token->kind != Token::kWord || w.written_function_word || !r->conj.empty() ||
        !r->prep.empty() || !r->suffix.empty() || r->unknown()) {
      return false;
    }
    if (lexicon.GivenNameOf(w.norm) || (r->tag == Tag::kAdj && r->definite && w.norm.ends_with("ي"))) return true;
    // Normalized, an elative (أفضل) starts with ا; an accusative ends with it.
    const bool elative_or_accusative = w.norm.starts_with("ا") || w.norm.ends_with("ا");
    const Analysis* next = reading(k + 1);
    return after_noun && !CommonWord(ws[b].readings) && r->tag == Tag::kAdj && !r->definite && !r->noun.feminine &&
           !r->noun.plural && !elative_or_accusative && !(next && next->definite);
  };
  while (e < n && e - b <= kMostSurnameWords && name_part(e)) ++e;
  return e;
}

}  // namespace

void MarkEntities(const NerModel& model, const NerFeatures& features, std::vector<Word>* words,
                  std::deque<Entity>* found) {
  std::vector<Word>& ws = *words;
  std::vector<int> tags = model.Tag(features, ws);
  const int n = static_cast<int>(ws.size());
  // No name runs on through إن or أن after a word with the article:
  // وقالت الوكالة أن الشرطة is a speaker and the clause it reports, though
  // a name may spell its letters (سي إن إن). What the name ran on to is the
  // clause's, not a name.
  for (int k = 1; k < n; ++k) {
    const std::vector<Tag>* function = features.lexicon().FunctionTags(ws[k].norm);
    const bool particle = function && std::any_of(function->begin(), function->end(),
                                                  [](Tag t) { return t == Tag::kInna || t == Tag::kSub; });
    if (!particle || !NerKind(tags[k]) || NerBegins(tags[k]) || ws[k - 1].readings.empty() ||
        !ws[k - 1].readings.front().definite) {
      continue;
    }
    const int inside = tags[k];
    for (int j = k; j < n && tags[j] == inside; ++j) tags[j] = 0;
  }
  // A body's cue word the tagger leaves out before a place it tags is the
  // body of that place, named by both (جامعة | بيونغ يانغ is the university):
  // ANERcorp's training files tag such a cue with the name after it 226
  // times, and leave it out before a place twice. scripts/ner-cv, seeds
  // 1-4 on the same models: F1 0.7830 -> 0.7833.
  const int begin_place = NerTagOf("B-LOC"), begin_body = NerTagOf("B-ORG");
  for (int t = 0; t < n; ++t) {
    const int k = ws[t].title_end;  // the place's first word
    if (!ws[t].title || ws[t].title->kind != "ORG" || ws[t].entity || k <= t || k >= n || tags[k] != begin_place ||
        std::any_of(tags.begin() + t, tags.begin() + k, [](int tag) { return tag != 0; })) {
      continue;
    }
    tags[t] = begin_body;
    for (int j = t + 1; j <= k; ++j) tags[j] = begin_body + 1;
    for (int j = k + 1; j < n && tags[j] == begin_place + 1; ++j) tags[j] = begin_body + 1;
  }
  // The title of a work in quotation marks right after the word that says
  // what it is (فيلم «حلم», رواية "قشتمر") is one name, whatever its words
  // mean: Arabic has no capitals, and news marks a title so. Up to seven
  // words, with no punctuation inside. scripts/ner-cv, seeds 1-4 on the
  // same models: F1 0.7833 -> 0.7840 (MISC 0.672 -> 0.680).
  static const WordList kWorks{"فيلم", "مسلسل", "رواية", "كتاب", "مسرحية", "أغنية", "ألبوم", "قصيدة", "ديوان"};
  constexpr int kLongestTitle = 7;
  auto quote = [&](int k, std::string_view mark) {
    const std::string& t = ws[k].token->text;
    return t == "\"" || t == mark;
  };
  const int begin_thing = NerTagOf("B-MISC");
  for (int k = 0; k + 2 < n; ++k) {
    if (!(quote(k + 1, "«") || quote(k + 1, "“"))) continue;  // most words: one comparison or two
    std::string_view cue = ws[k].norm;
    if (cue.starts_with("و")) cue.remove_prefix(std::string_view("و").size());
    if (!kWorks.Has(cue)) continue;
    int end = k + 2;
    while (end < n && end - (k + 2) < kLongestTitle && ws[end].token->kind != Token::kPunct) ++end;
    if (end == k + 2 || end == n || !(quote(end, "»") || quote(end, "”"))) continue;
    tags[k + 2] = begin_thing;
    for (int j = k + 3; j < end; ++j) tags[j] = begin_thing + 1;
  }
  for (int k = 0; k < n; ++k) {
    // A one-word place or person that is an adjective here (الوضع المالي)
    // is no name, tagged or listed. A club or a body may be named by an
    // adjective (النادي الأهلي). scripts/ner-cv, seeds 1-4 on the same
    // models: F1 0.7798 -> 0.7801, the nisba too -> 0.7809 (with the listed
    // name cut in pieces below).
    const char* kind = NerKind(tags[k]);
    const bool alone = tags[k] == 0 || (NerBegins(tags[k]) && (k + 1 == n || !NerKind(tags[k + 1]) ||
                                                               NerBegins(tags[k + 1])));
    const bool adjective = alone && (!kind || std::string_view(kind) == "LOC" || std::string_view(kind) == "PER") &&
                           AdjectiveAfterDefinite(features.lexicon(), ws, k);
    if (adjective) tags[k] = 0;
    // A listed place the tagger, which sees the list, leaves out is no place
    // here: an adjective (الفريق التشيلي), a place inside another name
    // (اتفاق الطائف, an agreement), a word spelled like a small town. Listed
    // bodies, people and things stay: the graph wants ministries and armies
    // that ANERcorp leaves untagged. scripts/ner-cv, seeds 1-4 on the same
    // models: F1 0.7809 -> 0.7822 (12 mentions right fewer, 57 wrong fewer,
    // a seed); ar-dev triples unchanged (without bodies, 0.650 -> 0.634).
    if (ws[k].entity && ws[k].entity->kind == "LOC" && ws[k].name_begin == k &&
        std::all_of(tags.begin() + k, tags.begin() + ws[k].name_end, [](int t) { return t == 0; })) {
      Unmark(k, ws[k].name_end, features.lexicon(), words);
      continue;
    }
    // A one-word name of the list that the tagger leaves out, and that the
    // data files know as a common noun, is that noun here: على الصعيد الدولي
    // is "at the international level", not Upper Egypt.
    if (tags[k] == 0 && ws[k].entity && ws[k].name_begin == k && ws[k].name_end == k + 1 &&
        (adjective || CommonWord(CachedAnalyze(features.lexicon(), ws[k].norm)))) {
      Unmark(k, k + 1, features.lexicon(), words);
    }
  }
  for (int b = 0; b < n;) {
    if (!NerKind(tags[b])) {
      ++b;
      continue;
    }
    const int tag = tags[b];
    int e = b + 1;
    // A name the tagger cut at a hyphen (تشان هاي, then سونغ; بيير, then
    // إيمريك أوباميانغ) is one name, through the words the tagger gave the
    // part after it: cut, a part would be keyed as another name (تشان هاي
    // as تشون هي).
    for (int inside = tag + 1;;) {
      while (e < n && tags[e] == inside) ++e;
      if (!JoiningHyphen(ws, e)) break;
      e += 2;
      if (NerKind(tags[e - 1])) inside = NerBegins(tags[e - 1]) ? tags[e - 1] + 1 : tags[e - 1];
    }
    while (JoiningHyphen(ws, b - 1)) b -= 2;
    // A listed name the tagger cut into pieces of one kind (البوسنة |
    // والهرسك) is the listed name: each piece alone is no name of its own
    // (scripts/ner-cv, seeds 1-4 on the same models: F1 0.7801 -> 0.7807).
    if (ws[b].entity && ws[b].name_begin == b && ws[b].name_end > e &&
        std::all_of(tags.begin() + e, tags.begin() + ws[b].name_end,
                    [&](int t) { return NerKind(t) && NerKind(t) == NerKind(tag); }) &&
        (ws[b].name_end == n || !NerKind(tags[ws[b].name_end]) || NerBegins(tags[ws[b].name_end]))) {
      e = ws[b].name_end;
    }
    int next = e;
    // Two people side by side (التقى ماركوس فيلدنر بوتين): a full name of
    // two or more words the list does not know, then a name it knows, are two
    // names. The known one stays as the gazetteer marked it. Given names
    // alone are no full name: a person the list knows after them is their
    // surname (عبد الله العامري), a place or body is not (محمد صادق نيويورك).
    if (ws[e - 1].entity && ws[e - 1].name_end == e && ws[e - 1].name_begin >= b + 2 &&
        !LineageLink(ws[ws[e - 1].name_begin - 1]) &&
        !(ws[e - 1].entity->kind == "PER" && GivenNamesOnly(features.lexicon(), ws, b, ws[e - 1].name_begin)) &&
        std::none_of(ws.begin() + b, ws.begin() + ws[e - 1].name_begin, [](const Word& w) { return w.entity; })) {
      e = ws[e - 1].name_begin;
    }
    // Two names joined by و (بوش وبلير, شافيز ولوكاشنكو) are two names: a
    // word inside the span that opens with و and is a name without it
    // (NerFeatures::KnownWithout) begins the second. Not in the name of a
    // thing, which may take و (a title: حديث الصباح والمساء; scripts/ner-cv,
    // seeds 1-4 on the same models: F1 0.7840 -> 0.7843).
    for (int k = b + 1; k < e && std::string_view(NerKind(tag)) != "MISC"; ++k) {
      constexpr std::string_view kAnd = "و";
      if (NerKind(tags[k]) && ws[k].norm.starts_with(kAnd) && !LineageLink(ws[k - 1]) &&
          features.KnownWithout(ws[k].norm, kAnd.size())) {
        tags[k] = NerBegins(tags[k]) ? tags[k] : tags[k] - 1;
        e = next = k;
        break;
      }
    }
    // A prefix written apart (لـ, بـ) belongs to the word after it,
    // punctuation to none, and a function word written as one (على) to the
    // sentence: no name ends with any of them (صلاح، العربية.نت, أجبرت
    // الشريف حسين على), nor begins with one.
    auto edge = [&](int k) {
      return std::string_view(ws[k].token->text).ends_with("ـ") || ws[k].token->kind == Token::kPunct ||
             ws[k].written_function_word;
    };
    while (e > b && edge(e - 1)) --e;
    while (b < e && edge(b)) ++b;
    if (b == e) {
      b = next;
      continue;
    }
    const char* kind = NerKind(tag);
    // No word of a name runs to dozens of letters: such a "word" is a run of
    // letters without spaces, not language. And one word that the lexicon
    // knows as a common noun, and no list as a name, is no person or place:
    // المدينة is "the city" before it is Medina. It may name a body or a
    // thing (الجزيرة the channel, دولار the currency).
    if (std::any_of(ws.begin() + b, ws.begin() + e, [](const Word& w) { return w.norm.size() > kLongestNameWordBytes; }) ||
        (e == b + 1 && !ws[b].entity && CommonWord(ws[b].readings) && std::string_view(kind) != "ORG" &&
         std::string_view(kind) != "MISC") ||
        (std::string_view(kind) == "PER" && DefiniteNounWithAdjective(ws, b, e))) {
      b = next;
      continue;
    }
    if (GivenNameBefore(ws, b, tag)) --b;
    if (std::string_view(kind) == "PER") e = SurnameEnd(features.lexicon(), ws, b, e);
    next = std::max(next, e);
    // A span that is a gazetteer name is that name, and so is a span made of
    // whole gazetteer names: التقى توكاييف بوتين names two people. A span
    // inside a longer gazetteer name is the name news means (لبنان of جنوب
    // لبنان, فرانس برس of وكالة فرانس برس): the list's name is a word again
    // around it, and the span is the listed entity of its own spelling, else
    // the one around it (held-out fold of the training set, through
    // extraction: F1 0.740 -> 0.745).
    const bool gazetteer_name = ws[b].entity && ws[b].name_begin == b && ws[b].name_end == e;
    const Entity* around = ws[b].entity && ws[b].name_begin <= b && ws[b].name_end >= e ? ws[b].entity : nullptr;
    const bool gazetteer_names = ws[b].entity && ws[b].name_begin == b && ws[e - 1].entity &&
                                 ws[e - 1].name_end == e &&
                                 std::all_of(ws.begin() + b, ws.begin() + e, [](const Word& w) { return w.entity; });
    // A place's listed name that the tagger reads as a body is the place's
    // club, when the list has one (وسيفتقد برشلونة جهود مهاجمه): clubs are
    // listed as نادي and the place's name.
    if (gazetteer_name && std::string_view(kind) == "ORG" && ws[b].entity->kind == "LOC") {
      std::string club_name = "نادي " + ws[b].a.stem;
      for (int k = b + 1; k < e; ++k) club_name += " " + ws[k].norm;
      if (const Entity* club = features.gazetteer().Find(club_name); club && club->kind == "ORG") {
        for (int k = b; k < e; ++k) ws[k].entity = club;
      }
    }
    // A person's listed name is one name, however the tagger cut it:
    // فلاديمير بوتين is not فلاديمير and بوتين.
    const bool inside_person_name = around && around->kind == "PER";
    if (!gazetteer_name && !gazetteer_names && !inside_person_name) {
      Entity entity;
      entity.kind = kind;
      // Numbers and punctuation have no readings (اف 16, the 2 of 2-صفر).
      const Analysis first = ws[b].entity || ws[b].readings.empty() ? ws[b].a : ws[b].readings.front();
      const size_t split = first.conj.size() + first.prep.size();
      const size_t clitics = ws[b].entity || first.definite || features.KnownWithout(ws[b].norm, split) ? split : 0;
      for (int k = b; k < e; ++k) {
        if (ws[k].token->kind == Token::kPunct) continue;
        if (!entity.key.empty()) entity.key.push_back(' ');
        entity.key += KeyWord(ws[k], k == b ? clitics : 0);
      }
      // A name the gazetteer knows under this spelling is that entity, though
      // the matcher passed it by (السعودية after a verb it could describe).
      const Entity* known = features.gazetteer().Find(entity.key);
      // A name the tagger cut at one of its words that reads as a particle
      // (لا of ديبورتيفو لا كورونيا, read as "no") stays whole, when no list
      // knows the piece under its own spelling.
      const int name_begin = ws[b].name_begin, name_end = ws[b].name_end;
      const auto particle = [&](int k) { return features.lexicon().FunctionTags(ws[k].norm) != nullptr; };
      if (!known && around && ((e < name_end && particle(e)) || (b > name_begin && particle(b - 1)))) {
        b = next;
        continue;
      }
      // So does one cut after the common noun it starts with (ولاية of ولاية
      // كاليفورنيا, جنوب of جنوب السودان): the noun alone names nothing, and
      // what the tagger found after it is inside the listed name.
      if (!known && around && b == name_begin && e == b + 1 && e < name_end &&
          CommonWord(CachedAnalyze(features.lexicon(), ws[b].norm))) {
        b = std::max(next, name_end);
        continue;
      }
      // A gazetteer name the span cuts through is a word again outside it.
      for (int k : {b, e - 1}) {
        if (ws[k].entity && ws[k].name_begin < b) Unmark(ws[k].name_begin, b, features.lexicon(), words);
        if (ws[k].entity && ws[k].name_end > e) Unmark(e, ws[k].name_end, features.lexicon(), words);
      }
      if (!known) known = around;
      if (!known) {
        found->push_back(entity);
        known = &found->back();
      }
      const bool indefinite_noun = e == b + 1 && CommonWord(ws[b].readings) && !first.definite;
      MarkName(b, e, known, first, clitics, words);
      ws[b].indefinite_noun_name = indefinite_noun;
    }
    b = next;
  }
}

}  // namespace nasij::arabic
