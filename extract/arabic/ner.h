// Named-entity tagging of Arabic words: a linear-chain model over BIO tags
// (PER, LOC, ORG, MISC) with Viterbi decoding, trained as a linear-chain CRF
// (or an averaged perceptron) by train_ner.cc from annotated news. The model
// is data (data/ner.model); the features are this file's.
#ifndef NASIJ_EXTRACT_ARABIC_NER_H_
#define NASIJ_EXTRACT_ARABIC_NER_H_

#include <absl/container/flat_hash_map.h>

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "extract/arabic/sentence.h"

namespace nasij::arabic {

// O, then B and I of each kind.
constexpr int kNerTags = 9;
const char* NerKind(int tag);     // "PER", "LOC", "ORG", "MISC", or nullptr for O
bool NerBegins(int tag);          // a B- tag
// Whether `to` may follow `from` (kNerTags: the sentence's start): I-X only
// after B-X or I-X. Decoding and CRF training never take other moves.
bool NerFollows(int from, int to);
int NerTagOf(std::string_view bio);  // "B-PERS", "I-LOC", "O" …; -1 if unknown

// Word clusters learned from unlabeled news (data/clusters.tsv): words used
// alike share a cluster, so a name never seen in training is read like the
// names it keeps company with.
class WordClusters {
 public:
  static Result<WordClusters> LoadEmbedded();
  static Result<WordClusters> Parse(std::string_view tsv);
  // The clusters of a normalized word, coarsest first, or nullptr.
  const std::vector<std::string>* Of(std::string_view word) const {
    auto it = clusters_.find(absl::string_view(word.data(), word.size()));
    return it == clusters_.end() ? nullptr : &it->second;
  }

 private:
  absl::flat_hash_map<std::string, std::vector<std::string>> clusters_;
};

// Names of cities from GeoNames (Debian's libgeonames-common, read at build
// time: extract/arabic/geonames_table.cc): a city the gazetteer lacks is
// still a name the tagger has seen listed.
class PlaceNames {
 public:
  static Result<PlaceNames> LoadEmbedded();
  // Lines of `GeoNames id<TAB>name`.
  static PlaceNames Parse(std::string_view tsv);
  // The number of words of the longest name that starts at words[i], its
  // first word read as `first`; 0 if none does.
  int Match(std::string_view first, const std::vector<Word>& words, size_t i) const;
  size_t size() const { return names_; }

 private:
  // A phrase of normalized words → whether it is a whole name (else only
  // the start of longer ones).
  absl::flat_hash_map<std::string, bool> phrases_;
  int max_words_ = 1;
  size_t names_ = 0;
};

// Feature ids of a sentence's words: what the model scores. Word-level
// features (the word, its stem, lexicon readings, gazetteer, title and nisba
// membership, clusters) are seen at offsets −2…+2, the word's spelling
// (affixes, shape, length) at the word only; positional ones (inside a
// gazetteer name, after a title) only where they hold.
class NerFeatures {
 public:
  // `clusters` and `places` may be null (a model trained without them).
  NerFeatures(const Lexicon& lexicon, const Gazetteer& gazetteer, const WordClusters* clusters,
              const PlaceNames* places);
  // Hashed features of one word, independent of its context: those seen
  // from the word's neighbours too, and those of its spelling, seen only at
  // the word itself.
  struct WordFeatures {
    std::vector<uint64_t> everywhere, here;
  };
  WordFeatures OfWord(const Word& word) const;
  // Hashed features that depend on a word's place in this sentence, as
  // (word index, feature) pairs.
  std::vector<std::pair<int, uint64_t>> OfPositions(const std::vector<Word>& words) const;
  // The one feature of the space before the first word or after the last.
  static uint64_t EdgeFeature(bool before);
  // The positional feature every word has.
  static uint64_t BiasFeature();
  // A word-level feature seen from `offset` words away.
  static uint64_t AtOffset(uint64_t feature, int offset);
  static constexpr int kWindow = 2;
  // Whether a name's first word is better read without its first
  // `clitic_bytes` (وبوتين, لترامب): the rest is a name the gazetteer knows, a
  // given name after و that the whole is not (وخالد), or a word news uses where the whole
  // is not. ليفربول and فيسبوك keep
  // their first letter.
  bool KnownWithout(const std::string& word, size_t clitic_bytes) const;
  const Lexicon& lexicon() const { return lexicon_; }
  const Gazetteer& gazetteer() const { return gazetteer_; }

 private:
  const Lexicon& lexicon_;
  const Gazetteer& gazetteer_;
  const WordClusters* clusters_;
  const PlaceNames* places_;
};

class NerModel {
 public:
  using Scores = std::array<float, kNerTags>;
  // A word-level feature's weights at offsets −kWindow…+kWindow, kept
  // together: a word's contribution to its neighbours is one lookup a feature.
  using ByOffset = std::array<Scores, 2 * NerFeatures::kWindow + 1>;

  NerModel();
  static Result<std::unique_ptr<NerModel>> LoadEmbedded();
  static Result<std::unique_ptr<NerModel>> Parse(std::string_view bytes);
  std::string Serialize() const;

  // The best tag sequence for `words` (one tag per word).
  std::vector<int> Tag(const NerFeatures& features, const std::vector<Word>& words) const;

  // Training: weights are set by the trainer, then Serialize()d.
  const Scores* Weights(uint64_t feature) const;  // a positional feature
  Scores* MutableWeights(uint64_t feature) { return &weights_[Key(feature)]; }
  const ByOffset* WordWeights(uint64_t feature) const;  // a word-level feature
  ByOffset* MutableWordWeights(uint64_t feature) { return &word_weights_[Key(feature)]; }
  float& transition(int from, int to) { return transitions_[from][to]; }  // from kNerTags = start
  float transition(int from, int to) const { return transitions_[from][to]; }
  size_t feature_count() const { return weights_.size() + word_weights_.size(); }
  // Best sequence from per-word emission scores; I-X only after B-X or I-X.
  std::vector<int> Decode(const std::vector<Scores>& emissions) const;

 private:
  // Features are stored by 32 bits of their hash: among a few hundred
  // thousand, a collision is rare and costs one feature's weights.
  static uint32_t Key(uint64_t feature) { return static_cast<uint32_t>(feature ^ (feature >> 32)); }
  absl::flat_hash_map<uint32_t, Scores> weights_;
  absl::flat_hash_map<uint32_t, ByOffset> word_weights_;
  // Tag's per-thread cache belongs to one model; a new model at a freed
  // one's address must not find it, so models are told apart by serial.
  uint64_t serial_;
  std::array<Scores, kNerTags + 1> transitions_{};
};

// Tags `words` and marks each name found like a gazetteer name (entity,
// name_begin, name_end). Gazetteer names stay, and a tagged span inside one
// is that name; a span that crosses or contains one replaces it. Other
// spans get an entry in `found` keyed by their normalized spelling, with the
// tagger's kind and no English label.
void MarkEntities(const NerModel& model, const NerFeatures& features, std::vector<Word>* words,
                  std::deque<Entity>* found);

}  // namespace nasij::arabic

#endif  // NASIJ_EXTRACT_ARABIC_NER_H_
