// nasij-train-ner: trains the Arabic entity tagger (ner.h) from token-tagged
// JSON lines ({"tokens": [...], "tags": ["B-PERS", "O", ...]}) and writes
// the model. Deterministic: the same files and options give the same bytes.
//
//   nasij-train-ner --train A.jsonl [--train B.jsonl] [--dev D.jsonl]
//                   [--out MODEL] [--epochs N] [--seed S] [--cv K]
//                   [--adapt] [--bags N] [--clusters FILE] [--no-clusters] [--no-places]
//                   [--learner perceptron|crf] [--c2 X] [--eta X]
//
// NASIJ_NER_ERRORS=1 in the environment also lists the report set's missed
// and wrong spans.
//
// With --cv K it trains K times, each time holding out one contiguous fold of
// the --train sentences (--also files are always trained on), and prints the
// held-out scores instead of a model.
//
// Word clusters (data/clusters.tsv) are made in two steps around fastText:
//   nasij-train-ner --dump-words FILE...   normalized words, a sentence a line
//   nasij-train-ner --cluster VECTORS.vec [--k 64,512] --out CLUSTERS.tsv
// the second groups the words by k-means over their vectors, at each
// granularity --k lists, coarsest first.
#include <absl/container/flat_hash_set.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "extract/arabic/ner.h"
#include "extract/arabic/normalize.h"
#include "extract/utf8.h"

namespace nasij::arabic {
namespace {

// One sentence as the tagger sees it at run time, with the gold tag of each
// word mapped from the annotated tokens.
struct Example {
  std::unique_ptr<TokenizedSentence> sentence;  // words point into it
  std::vector<Word> words;
  std::vector<int> gold;
  std::vector<std::vector<uint64_t>> features;  // per word, every feature scored there
  int domain = 0;  // 0: a --train file (news, what the model is for); 1: an --also file
};

struct Options {
  std::vector<std::string> train;
  std::vector<std::string> also;  // trained on, never held out
  std::string dev, out;
  int epochs = 12;
  unsigned seed = 1;
  int folds = 0;
  // Daumé's feature augmentation: every feature also has a copy of its own in
  // each domain; the model keeps the shared weight plus the --train domain's.
  bool adapt = false;
  float o_penalty = 0;
  // Features whose weights all stay under this are left out of the model
  // (WriteModel); < 0: the learner's own threshold (kPrune).
  float prune = -1;
  int bags = 1;
  float pa_c = 0;  // > 0: passive-aggressive steps of at most this, not the perceptron's
  // --learner crf: a CRF (class Crf) instead of the perceptron, with its L2
  // strength and first learning rate (chosen by cross-validation: c2 1 and
  // 0.1 gave 0.762 and 0.764 with η0 0.02; η0 0.1 and 0.05, 0.762 and 0.761).
  bool crf = false;
  double c2 = 0.3, eta = 0.02;
};

// A feature's copy in one domain.
uint64_t DomainCopy(uint64_t feature, int domain) {
  uint64_t x = feature ^ (0x632be59bd9b4e019ull * static_cast<uint64_t>(domain + 1));
  x ^= x >> 31;
  x *= 0x9e3779b97f4a7c15ull;
  return x ^ (x >> 29);
}

[[noreturn]] void Fail(const std::string& message) {
  std::cerr << "nasij-train-ner: " << message << "\n";
  std::exit(1);
}

// Splits the annotated text as nasij does (Segmenter, ReadWords) and gives
// each resulting word the tag of the annotated token it starts in; a word that
// continues a token (the "(" split off "(د") takes its I- tag.
void ReadExamples(const std::string& path, const Lexicon& lexicon, const Gazetteer& gazetteer,
                  const Segmenter& segmenter, std::vector<Example>* out) {
  std::ifstream in(path);
  if (!in) Fail("cannot read " + path);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("tokens") || !j.contains("tags")) {
      Fail(path + ":" + std::to_string(line_no) + ": not a {tokens, tags} record");
    }
    const auto tokens = j["tokens"].get<std::vector<std::string>>();
    const auto tags = j["tags"].get<std::vector<std::string>>();
    if (tokens.size() != tags.size()) Fail(path + ":" + std::to_string(line_no) + ": tokens and tags differ in number");
    std::string text;
    std::vector<int> token_at;  // code point → annotated token
    std::vector<int> token_start;
    for (size_t k = 0; k < tokens.size(); ++k) {
      if (k > 0) {
        text.push_back(' ');
        token_at.push_back(-1);
      }
      token_start.push_back(static_cast<int>(token_at.size()));
      text += tokens[k];
      token_at.insert(token_at.end(), utf8::Length(tokens[k]), static_cast<int>(k));
    }
    for (TokenizedSentence& s : segmenter.Split(text)) {
      Example ex;
      ex.sentence = std::make_unique<TokenizedSentence>(std::move(s));
      ex.words = ReadWords(lexicon, gazetteer, *ex.sentence);
      int previous_token = -1;
      for (const Token& t : ex.sentence->tokens) {
        const int k = t.start < static_cast<int>(token_at.size()) ? token_at[t.start] : -1;
        int tag = k < 0 ? 0 : NerTagOf(tags[k]);
        if (tag < 0) {  // a stray label (B-ENGLISH, I--ORG) in the annotation: read as outside
          std::fprintf(stderr, "%s:%d: unknown tag %s, read as O\n", path.c_str(), line_no, tags[k].c_str());
          tag = 0;
        }
        if (NerBegins(tag) && (k == previous_token || t.start != token_start[k])) ++tag;  // the same name goes on
        previous_token = k;
        ex.gold.push_back(tag);
      }
      // A sentence split inside a name starts it afresh.
      if (!ex.gold.empty() && NerKind(ex.gold[0]) && !NerBegins(ex.gold[0])) --ex.gold[0];
      for (size_t i = 1; i < ex.gold.size(); ++i) {
        if (NerKind(ex.gold[i]) && !NerBegins(ex.gold[i]) && ex.gold[i - 1] != ex.gold[i] && ex.gold[i - 1] != ex.gold[i] - 1) {
          --ex.gold[i];
        }
      }
      out->push_back(std::move(ex));
    }
  }
}

// Where each feature id of a word-level feature came from: the model keeps a
// word feature's weights at every offset together.
using WordFeatureOrigins = absl::flat_hash_map<uint64_t, std::pair<uint64_t, int>>;

void ComputeFeatures(const NerFeatures& nf, Example* ex, WordFeatureOrigins* origins) {
  const int n = static_cast<int>(ex->words.size());
  std::vector<NerFeatures::WordFeatures> of_word(n);
  for (int j = 0; j < n; ++j) of_word[j] = nf.OfWord(ex->words[j]);
  ex->features.assign(n, {});
  for (const auto& [i, feature] : nf.OfPositions(ex->words)) ex->features[i].push_back(feature);
  for (int i = 0; i < n; ++i) {
    std::vector<uint64_t>& f = ex->features[i];
    for (int o = -NerFeatures::kWindow; o <= NerFeatures::kWindow; ++o) {
      const int j = i + o;
      auto add = [&](uint64_t base) {
        const uint64_t id = NerFeatures::AtOffset(base, o);
        origins->emplace(id, std::make_pair(base, o));
        f.push_back(id);
      };
      if (j < 0 || j >= n) {
        add(NerFeatures::EdgeFeature(j < 0));
        continue;
      }
      for (uint64_t base : of_word[j].everywhere) add(base);
      if (o == 0) {
        for (uint64_t own : of_word[j].here) f.push_back(NerFeatures::AtOffset(own, 0));
      }
    }
  }
}

// Each feature's row of kNerTags weights, and the rows every word of every
// example scores. With --adapt a feature also has a copy in the example's
// domain (DomainCopy).
struct FeatureRows {
  absl::flat_hash_map<uint64_t, int> of;            // a feature → its row
  absl::flat_hash_map<uint64_t, uint64_t> copies;   // a domain copy → its feature
  std::vector<std::vector<std::vector<int>>> words;  // per example, per word, its rows

  FeatureRows(const std::vector<Example*>& examples, bool adapt) : words(examples.size()) {
    auto row = [&](uint64_t feature) { return of.emplace(feature, static_cast<int>(of.size())).first->second; };
    for (size_t e = 0; e < examples.size(); ++e) {
      for (const auto& f : examples[e]->features) {
        words[e].emplace_back();
        for (uint64_t id : f) {
          words[e].back().push_back(row(id));
          if (adapt) {
            const uint64_t copy = DomainCopy(id, examples[e]->domain);
            copies.emplace(copy, id);
            words[e].back().push_back(row(copy));
          }
        }
      }
    }
  }
  size_t size() const { return of.size(); }
};

using Transitions = std::array<double, (kNerTags + 1) * kNerTags>;  // from (kNerTags: start) × to

// The weights a learner ends each run with (--bags: runs over different
// orders of the sentences), summed; the model keeps their average.
struct BaggedWeights {
  std::vector<double> rows;  // row × kNerTags + tag
  Transitions transitions{};
  int runs = 0;
};

// Writes the bagged weights into `model`, leaving out features whose weights
// are all under `prune`: they change almost no decision, and dropping them
// keeps the model small.
void WriteModel(const FeatureRows& features, const BaggedWeights& bagged, const WordFeatureOrigins& origins,
                float prune, float o_penalty, NerModel* model) {
  for (int from = 0; from <= kNerTags; ++from) {
    for (int to = 0; to < kNerTags; ++to) {
      model->transition(from, to) = static_cast<float>(bagged.transitions[from * kNerTags + to] / bagged.runs);
    }
  }
  // A word feature is kept, at every offset, when its weight at one offset is.
  absl::flat_hash_map<uint64_t, NerModel::ByOffset> by_offset;
  absl::flat_hash_set<uint64_t> kept;
  // In the features' order, not the map's, which changes from run to run:
  // of two features whose keys collide (NerModel::Key), the same one must
  // stay in the model every time.
  std::vector<std::pair<uint64_t, int>> ordered;
  for (const auto& entry : features.of) {
    if (!features.copies.contains(entry.first)) ordered.push_back(entry);
  }
  std::sort(ordered.begin(), ordered.end());
  auto average = [&](int row, NerModel::Scores* avg) {
    for (int t = 0; t < kNerTags; ++t) {
      const size_t k = static_cast<size_t>(row) * kNerTags + t;
      (*avg)[t] += static_cast<float>(bagged.rows[k] / bagged.runs);
    }
  };
  for (const auto& [feature, row] : ordered) {
    NerModel::Scores avg{};
    average(row, &avg);
    // The target domain's own copy, where there is one.
    if (auto copy = features.of.find(DomainCopy(feature, 0)); copy != features.of.end()) average(copy->second, &avg);
    float largest = 0;
    for (float a : avg) largest = std::max(largest, std::fabs(a));
    auto origin = origins.find(feature);
    if (origin == origins.end()) {
      if (largest >= prune) *model->MutableWeights(feature) = avg;
      continue;
    }
    const auto [base, offset] = origin->second;
    by_offset[base][offset + NerFeatures::kWindow] = avg;
    if (largest >= prune) kept.insert(base);
  }
  // Names are rarer than words: a weight against O on every word trades
  // some precision for more recall (--o-penalty, chosen by cross-validation).
  if (o_penalty != 0) (*model->MutableWeights(NerFeatures::BiasFeature()))[0] -= o_penalty;
  std::vector<uint64_t> kept_in_order(kept.begin(), kept.end());
  std::sort(kept_in_order.begin(), kept_in_order.end());
  for (uint64_t base : kept_in_order) *model->MutableWordWeights(base) = by_offset[base];
}

// The rows scored at each word of one sentence.
using SentenceRows = std::vector<std::vector<int>>;

// The averaged structured perceptron (Collins 2002). Weights live in rows of
// kNerTags; the average is kept lazily as in Daumé's trick: avg = w − u / c.
class Perceptron {
 public:
  static constexpr const char* kCost = "sentences wrong";
  // A feature whose averaged weight stays under one and a half updates for
  // every tag changes almost no decision: dropping them halves the model.
  static constexpr float kPrune = 1.5f;

  // `pa_c` > 0: passive-aggressive steps of at most `pa_c` (--pa).
  Perceptron(size_t rows, float pa_c) : w_(rows * kNerTags), u_(rows * kNerTags), pa_c_(pa_c) {}

  // Starts a run from zero weights.
  void Start() {
    std::fill(w_.begin(), w_.end(), 0.f);
    std::fill(u_.begin(), u_.end(), 0.0);
    tu_.fill(0);
    c_ = 1;
    running_ = NerModel();
  }

  // Tags the sentence and learns from a wrong guess; its cost is 1 if wrong.
  double Learn(const SentenceRows& rows, const std::vector<int>& gold) {
    const std::vector<int> guess = Predict(rows);
    const bool wrong = guess != gold;
    if (wrong) Update(rows, gold, guess);
    ++c_;
    return wrong;
  }

  // Adds this run's averaged weights to `bagged`.
  void Snapshot(BaggedWeights* bagged) const {
    bagged->rows.resize(w_.size(), 0);
    for (size_t k = 0; k < w_.size(); ++k) bagged->rows[k] += w_[k] - u_[k] / static_cast<double>(c_);
    for (int from = 0; from <= kNerTags; ++from) {
      for (int to = 0; to < kNerTags; ++to) {
        const int k = from * kNerTags + to;
        bagged->transitions[k] += running_.transition(from, to) - tu_[k] / static_cast<double>(c_);
      }
    }
    ++bagged->runs;
  }

 private:
  std::vector<int> Predict(const SentenceRows& rows) const {
    std::vector<NerModel::Scores> emissions(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      emissions[i].fill(0);
      for (int r : rows[i]) {
        for (int t = 0; t < kNerTags; ++t) emissions[i][t] += w_[r * kNerTags + t];
      }
    }
    return running_.Decode(emissions);
  }

  // The score of a tag sequence under the current weights.
  double Score(const SentenceRows& rows, const std::vector<int>& tags) const {
    double s = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
      for (int r : rows[i]) s += w_[r * kNerTags + tags[i]];
      s += running_.transition(i == 0 ? kNerTags : tags[i - 1], tags[i]);
    }
    return s;
  }

  // The perceptron's step is 1; passive-aggressive (PA-I, Crammer et al.
  // 2006) steps just far enough to score the gold sequence above the guess
  // by its Hamming loss, at most `pa_c_`.
  void Update(const SentenceRows& rows, const std::vector<int>& gold, const std::vector<int>& guess) {
    float step = 1;
    if (pa_c_ > 0) {
      double loss = 0, norm = 0;
      for (size_t i = 0; i < rows.size(); ++i) {
        const int prev_gold = i == 0 ? kNerTags : gold[i - 1], prev_guess = i == 0 ? kNerTags : guess[i - 1];
        if (gold[i] != guess[i]) loss += 1, norm += 2.0 * rows[i].size();
        if (gold[i] != guess[i] || prev_gold != prev_guess) norm += 2;
      }
      const double margin = Score(rows, gold) - Score(rows, guess);
      step = norm > 0 ? static_cast<float>(std::min<double>(pa_c_, (loss - margin) / norm)) : 0;
      if (step <= 0) return;
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      const int prev_gold = i == 0 ? kNerTags : gold[i - 1], prev_guess = i == 0 ? kNerTags : guess[i - 1];
      if (gold[i] == guess[i] && prev_gold == prev_guess) continue;
      if (gold[i] != guess[i]) {
        for (int r : rows[i]) {
          Add(r * kNerTags + gold[i], step);
          Add(r * kNerTags + guess[i], -step);
        }
      }
      AddTransition(prev_gold, gold[i], step);
      AddTransition(prev_guess, guess[i], -step);
    }
  }

  void Add(size_t k, float delta) {
    w_[k] += delta;
    u_[k] += c_ * delta;
  }
  void AddTransition(int from, int to, float delta) {
    running_.transition(from, to) += delta;
    tu_[from * kNerTags + to] += c_ * delta;
  }

  std::vector<float> w_;
  std::vector<double> u_;
  Transitions tu_{};
  long c_ = 1;
  NerModel running_;  // the current transitions; also the decoder
  float pa_c_;
};

// A linear-chain CRF (Lafferty et al. 2001) trained by stochastic gradient
// descent on the conditional log-likelihood with L2 regularization, as
// CRFsuite's l2sgd: the weights are scale × v, so the decay of every weight
// at a step is one multiplication, and a step touches only the sentence's
// rows. The learning rate falls as η0 / (1 + λ η0 t) over the t sentences
// seen, and the model keeps the weights averaged over all steps (averaged
// SGD, as the perceptron averages): cross-validation F1 0.762 for seeds 1
// and 2 against 0.758 and 0.761 for the last weights (c2 1, η0 0.02). Moves
// the decoder never takes (NerFollows) get no probability.
class Crf {
 public:
  static constexpr const char* kCost = "negative log-likelihood";
  // Cross-validation F1 0.767 with every feature (117k a fold), 0.767 over
  // 0.05 (25.6k), 0.760 over 0.1 (10.4k).
  static constexpr float kPrune = 0.05f;

  // `c2`: the L2 strength over the whole training set (CRFsuite's c2), spread
  // over its `sentences`; `eta0`: the first step.
  Crf(size_t rows, size_t sentences, double c2, double eta0)
      : v_(rows * kNerTags), u_(rows * kNerTags), lambda_(2 * c2 / static_cast<double>(sentences)), eta0_(eta0) {}

  void Start() {
    std::fill(v_.begin(), v_.end(), 0.0);
    std::fill(u_.begin(), u_.end(), 0.0);
    tv_.fill(0);
    tu_.fill(0);
    scale_ = 1;
    scales_ = 0;
    t_ = 0;
  }

  // One step on the sentence's gradient; its cost is −log p(gold | words).
  double Learn(const SentenceRows& rows, const std::vector<int>& gold) {
    const size_t n = rows.size();
    if (n == 0) return 0;
    const double eta = eta0_ / (1 + lambda_ * eta0_ * static_cast<double>(t_++));
    using Column = std::array<double, kNerTags>;
    // Potentials, scaled per word (the largest is 1) so that nothing overflows.
    std::vector<Column> psi(n), alpha(n), beta(n);
    std::vector<double> norm(n);
    double log_z = 0, gold_score = 0;
    for (size_t i = 0; i < n; ++i) {
      Column e{};
      for (int r : rows[i]) {
        for (int t = 0; t < kNerTags; ++t) e[t] += v_[static_cast<size_t>(r) * kNerTags + t];
      }
      for (double& x : e) x *= scale_;
      const double top = *std::max_element(e.begin(), e.end());
      for (int t = 0; t < kNerTags; ++t) psi[i][t] = std::exp(e[t] - top);
      log_z += top;
      gold_score += e[gold[i]] + scale_ * tv_[(i == 0 ? kNerTags : gold[i - 1]) * kNerTags + gold[i]];
    }
    std::array<Column, kNerTags + 1> move;
    for (int from = 0; from <= kNerTags; ++from) {
      for (int to = 0; to < kNerTags; ++to) {
        move[from][to] = NerFollows(from, to) ? std::exp(scale_ * tv_[from * kNerTags + to]) : 0;
      }
    }
    // Forward, each column normalized to sum 1 (its sum goes into log Z), then backward.
    for (size_t i = 0; i < n; ++i) {
      double sum = 0;
      for (int t = 0; t < kNerTags; ++t) {
        double in = 0;
        if (i == 0) {
          in = move[kNerTags][t];
        } else {
          for (int p = 0; p < kNerTags; ++p) in += alpha[i - 1][p] * move[p][t];
        }
        alpha[i][t] = in * psi[i][t];
        sum += alpha[i][t];
      }
      for (double& a : alpha[i]) a /= sum;
      norm[i] = sum;
      log_z += std::log(sum);
    }
    beta[n - 1].fill(1);
    for (size_t i = n - 1; i > 0; --i) {
      for (int p = 0; p < kNerTags; ++p) {
        double out = 0;
        for (int t = 0; t < kNerTags; ++t) out += move[p][t] * psi[i][t] * beta[i][t];
        beta[i - 1][p] = out / norm[i];
      }
    }
    // The step: every weight decays, then gold counts minus expected counts.
    scale_ *= 1 - eta * lambda_;
    const double gain = eta / scale_;
    for (size_t i = 0; i < n; ++i) {
      Column g;
      for (int t = 0; t < kNerTags; ++t) g[t] = (t == gold[i]) - alpha[i][t] * beta[i][t];
      for (int r : rows[i]) {
        for (int t = 0; t < kNerTags; ++t) Add(static_cast<size_t>(r) * kNerTags + t, gain * g[t]);
      }
      const int prev_gold = i == 0 ? kNerTags : gold[i - 1];
      AddTransition(prev_gold * kNerTags + gold[i], gain);
      for (int p = 0; p <= kNerTags; ++p) {
        if ((i == 0) != (p == kNerTags)) continue;
        const double from = i == 0 ? 1 : alpha[i - 1][p];
        for (int t = 0; t < kNerTags; ++t) {
          AddTransition(p * kNerTags + t, -gain * from * move[p][t] * psi[i][t] * beta[i][t] / norm[i]);
        }
      }
    }
    // Folds a tiny scale into v before it loses precision.
    scales_ += scale_;
    if (scale_ < 1e-9) {
      for (double& x : v_) x *= scale_;
      for (double& x : tv_) x *= scale_;
      scales_ /= scale_;
      scale_ = 1;
    }
    return log_z - gold_score;
  }

  void Snapshot(BaggedWeights* bagged) const {
    bagged->rows.resize(v_.size(), 0);
    const double steps = static_cast<double>(t_);
    for (size_t k = 0; k < v_.size(); ++k) {
      bagged->rows[k] += (v_[k] * scales_ - u_[k]) / steps;
    }
    for (size_t k = 0; k < tv_.size(); ++k) {
      bagged->transitions[k] += (tv_[k] * scales_ - tu_[k]) / steps;
    }
    ++bagged->runs;
  }

 private:
  // w = scale × v, and Σ_t w_t = v × Σ_t scale_t − u, where u gathers each
  // change of v times the scales summed before it (the perceptron's trick).
  void Add(size_t k, double delta) {
    v_[k] += delta;
    u_[k] += delta * scales_;
  }
  void AddTransition(size_t k, double delta) {
    tv_[k] += delta;
    tu_[k] += delta * scales_;
  }

  std::vector<double> v_, u_;
  Transitions tv_{}, tu_{};
  double scale_ = 1;
  double scales_ = 0;  // the scales after each step so far, summed
  long t_ = 0;
  double lambda_, eta0_;
};

// Runs of `learner` over shuffled orders of the sentences (--epochs each,
// --bags runs), written into a model.
template <class Learner>
std::unique_ptr<NerModel> Fit(Learner learner, const FeatureRows& features, const std::vector<Example*>& examples,
                              const WordFeatureOrigins& origins, const Options& options) {
  std::vector<size_t> order(examples.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::mt19937 rng(options.seed);
  BaggedWeights bagged;
  for (int bag = 0; bag < options.bags; ++bag) {
    learner.Start();
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
      std::shuffle(order.begin(), order.end(), rng);
      double cost = 0;
      for (size_t k : order) cost += learner.Learn(features.words[k], examples[k]->gold);
      std::fprintf(stderr, "  epoch %2d: %s %.1f (%zu sentences)\n", epoch + 1, Learner::kCost, cost, examples.size());
    }
    learner.Snapshot(&bagged);
  }
  auto model = std::make_unique<NerModel>();
  WriteModel(features, bagged, origins, options.prune < 0 ? Learner::kPrune : options.prune, options.o_penalty,
             model.get());
  std::fprintf(stderr, "  %zu features seen, %zu kept\n", features.size(), model->feature_count());
  return model;
}

std::unique_ptr<NerModel> Train(const std::vector<Example*>& examples, const WordFeatureOrigins& origins,
                                const Options& options) {
  const FeatureRows features(examples, options.adapt);
  if (options.crf) {
    return Fit(Crf(features.size(), examples.size(), options.c2, options.eta), features, examples, origins, options);
  }
  return Fit(Perceptron(features.size(), options.pa_c), features, examples, origins, options);
}

struct Counts {
  int found = 0, gold = 0, right = 0;
  void Print(const char* name) const {
    const double prec = found ? double(right) / found : 0, rec = gold ? double(right) / gold : 0;
    const double f1 = prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0;
    std::printf("  %-5s P %.3f  R %.3f  F1 %.3f  (%d gold)\n", name, prec, rec, f1, gold);
  }
};

std::vector<std::tuple<int, int, int>> Spans(const std::vector<int>& tags) {
  std::vector<std::tuple<int, int, int>> out;
  for (size_t b = 0; b < tags.size();) {
    if (!NerKind(tags[b])) {
      ++b;
      continue;
    }
    size_t e = b + 1;
    while (e < tags.size() && tags[e] == tags[b] + 1) ++e;
    out.emplace_back(b, e, (tags[b] - 1) / 2);
    b = e;
  }
  return out;
}

void PrintErrors(const NerModel& model, const NerFeatures& nf, const std::vector<Example*>& examples) {
  auto text = [](const Example* ex, const std::tuple<int, int, int>& s) {
    std::string out = std::string(NerKind(1 + 2 * std::get<2>(s))) + ":";
    for (int k = std::get<0>(s); k < std::get<1>(s); ++k) out += " " + ex->words[k].token->text;
    return out;
  };
  for (const Example* ex : examples) {
    const auto gold = Spans(ex->gold), found = Spans(model.Tag(nf, ex->words));
    for (const auto& s : gold) {
      if (std::find(found.begin(), found.end(), s) == found.end()) std::printf("missed  %s\n", text(ex, s).c_str());
    }
    for (const auto& s : found) {
      if (std::find(gold.begin(), gold.end(), s) == gold.end()) std::printf("wrong   %s\n", text(ex, s).c_str());
    }
  }
}

// Counts by kind (index of NerKind) and over all, under kKinds.
using Scorecard = std::map<int, Counts>;
constexpr int kAllKinds = 4;

void Add(const Scorecard& more, Scorecard* total) {
  for (const auto& [kind, c] : more) {
    Counts& t = (*total)[kind];
    t.found += c.found, t.gold += c.gold, t.right += c.right;
  }
}

void Print(const Scorecard& card) {
  for (const auto& [kind, c] : card) c.Print(kind == kAllKinds ? "all" : NerKind(1 + 2 * kind));
}

// Exact span and type, per kind and over all: CoNLL's measure on nasij's words.
Scorecard Evaluate(const NerModel& model, const NerFeatures& nf, const std::vector<Example*>& examples) {
  Scorecard card;
  for (const Example* ex : examples) {
    const auto gold = Spans(ex->gold), found = Spans(model.Tag(nf, ex->words));
    for (const auto& s : gold) ++card[std::get<2>(s)].gold, ++card[kAllKinds].gold;
    for (const auto& s : found) {
      ++card[std::get<2>(s)].found, ++card[kAllKinds].found;
      if (std::find(gold.begin(), gold.end(), s) != gold.end()) ++card[std::get<2>(s)].right, ++card[kAllKinds].right;
    }
  }
  if (std::getenv("NASIJ_NER_ERRORS")) PrintErrors(model, nf, examples);
  return card;
}

// Every sentence of JSON-lines files (a "text" or a "tokens" field) as its
// normalized words, for fastText.
void DumpWords(const std::vector<std::string>& paths) {
  Segmenter segmenter;
  for (const std::string& path : paths) {
    std::ifstream in(path);
    if (!in) Fail("cannot read " + path);
    std::string line;
    while (std::getline(in, line)) {
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded()) continue;
      std::string text;
      if (j.contains("text")) {
        text = j["text"].get<std::string>();
      } else if (j.contains("tokens")) {
        for (const auto& t : j["tokens"]) text += (text.empty() ? "" : " ") + t.get<std::string>();
      }
      for (const TokenizedSentence& s : segmenter.Split(text)) {
        std::string out;
        for (const Token& t : s.tokens) {
          if (t.kind == Token::kPunct) continue;
          out += (out.empty() ? "" : " ") + Normalize(t.text);
        }
        if (!out.empty()) std::printf("%s\n", out.c_str());
      }
    }
  }
}

// Spherical k-means: words whose vectors point the same way share a cluster.
// Seeds are spread evenly over the vocabulary (fastText lists it by
// frequency), so the result does not depend on a random draw.
std::vector<int> KMeans(const std::vector<std::vector<float>>& v, int k) {
  const size_t n = v.size(), dim = v[0].size();
  std::vector<std::vector<float>> centres(k);
  for (int c = 0; c < k; ++c) centres[c] = v[c * n / k];
  std::vector<int> of(n, -1);
  for (int iteration = 0; iteration < 25; ++iteration) {
    size_t moved = 0;
    for (size_t i = 0; i < n; ++i) {
      int best = 0;
      float top = -2;
      for (int c = 0; c < k; ++c) {
        float dot = 0;
        for (size_t d = 0; d < dim; ++d) dot += v[i][d] * centres[c][d];
        if (dot > top) top = dot, best = c;
      }
      if (of[i] != best) ++moved, of[i] = best;
    }
    for (auto& c : centres) std::fill(c.begin(), c.end(), 0.f);
    for (size_t i = 0; i < n; ++i) {
      for (size_t d = 0; d < dim; ++d) centres[of[i]][d] += v[i][d];
    }
    for (auto& c : centres) {
      float norm = 0;
      for (float x : c) norm += x * x;
      norm = std::sqrt(norm);
      if (norm > 0) for (float& x : c) x /= norm;
    }
    std::fprintf(stderr, "  k=%d, pass %d: %zu words moved\n", k, iteration + 1, moved);
    if (moved < n / 1000) break;
  }
  return of;
}

void Cluster(const std::string& vectors_path, const std::vector<int>& ks, const std::string& out_path) {
  std::ifstream in(vectors_path);
  if (!in) Fail("cannot read " + vectors_path);
  std::string line;
  std::getline(in, line);  // "count dim"
  std::vector<std::string> words;
  std::vector<std::vector<float>> v;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string word;
    fields >> word;
    std::vector<float> x;
    float f, norm = 0;
    while (fields >> f) x.push_back(f), norm += f * f;
    if (x.empty() || norm == 0 || word == "</s>") continue;
    for (float& e : x) e /= std::sqrt(norm);
    words.push_back(word);
    v.push_back(std::move(x));
  }
  if (words.size() < 1000) Fail(vectors_path + ": too few word vectors");
  std::vector<std::vector<int>> levels;
  for (int k : ks) levels.push_back(KMeans(v, k));
  std::vector<size_t> order(words.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return words[a] < words[b]; });
  std::ofstream out(out_path);
  out << "# word, then its cluster among";
  for (int k : ks) out << ' ' << k;
  out << ", coarsest first: made by nasij-train-ner --cluster (see README)\n";
  for (size_t i : order) {
    out << words[i];
    for (const auto& level : levels) out << '\t' << level[i];
    out << '\n';
  }
  if (!out.flush()) Fail("cannot write " + out_path);
}

int Main(int argc, char** argv) {
  Options o;
  if (argc > 1 && std::string(argv[1]) == "--load-time") {  // of the embedded model, clusters and places
    for (int run = 0; run < 5; ++run) {
      const auto start = std::chrono::steady_clock::now();
      auto model = NerModel::LoadEmbedded();
      const auto loaded = std::chrono::steady_clock::now();
      auto clusters = WordClusters::LoadEmbedded();
      const auto clustered = std::chrono::steady_clock::now();
      auto places = PlaceNames::LoadEmbedded();
      const auto end = std::chrono::steady_clock::now();
      if (!model.ok() || !clusters.ok() || !places.ok()) Fail("cannot load the embedded model, clusters or places");
      std::printf("model %.1f ms (%zu features), clusters %.1f ms, places %.1f ms (%zu names)\n",
                  std::chrono::duration<double, std::milli>(loaded - start).count(), (*model)->feature_count(),
                  std::chrono::duration<double, std::milli>(clustered - loaded).count(),
                  std::chrono::duration<double, std::milli>(end - clustered).count(), places->size());
    }
    return 0;
  }
  if (argc > 1 && std::string(argv[1]) == "--dump-words") {
    DumpWords(std::vector<std::string>(argv + 2, argv + argc));
    return 0;
  }
  std::string vectors, clusters_path;
  std::vector<int> ks = {64, 512};  // parts of speech and broad topics; kinds of names (club, city, surname)
  bool no_clusters = false, no_places = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Fail(a + " needs a value");
      return argv[++i];
    };
    auto number = [&]() {
      const std::string v = value();
      size_t used = 0;
      long n = -1;
      try {
        n = std::stol(v, &used);
      } catch (const std::exception&) {
      }
      if (used != v.size() || n < 1 || n > 1000000) Fail(a + " takes a whole number from 1, not '" + v + "'");
      return static_cast<int>(n);
    };
    if (a == "--train") o.train.push_back(value());
    else if (a == "--also") o.also.push_back(value());
    else if (a == "--dev") o.dev = value();
    else if (a == "--out") o.out = value();
    else if (a == "--epochs") o.epochs = number();
    else if (a == "--seed") o.seed = number();
    else if (a == "--cv") o.folds = number();
    else if (a == "--cluster") vectors = value();
    else if (a == "--k") {
      ks.clear();
      std::stringstream list(value());
      for (std::string k; std::getline(list, k, ',');) ks.push_back(std::atoi(k.c_str()));
      if (ks.empty() || *std::min_element(ks.begin(), ks.end()) < 2) Fail("--k takes cluster counts, as 64,512");
    }
    else if (a == "--no-clusters") no_clusters = true;
    else if (a == "--no-places") no_places = true;
    else if (a == "--clusters") clusters_path = value();
    else if (a == "--adapt") o.adapt = true;
    else if (a == "--pa") o.pa_c = std::stof(value());
    else if (a == "--prune") o.prune = std::stof(value());
    else if (a == "--bags") o.bags = number();
    else if (a == "--o-penalty") o.o_penalty = std::stof(value());
    else if (a == "--learner") {
      const std::string learner = value();
      if (learner != "perceptron" && learner != "crf") Fail("--learner is perceptron or crf, not '" + learner + "'");
      o.crf = learner == "crf";
    }
    else if (a == "--c2") o.c2 = std::stod(value());
    else if (a == "--eta") o.eta = std::stod(value());
    else if (a == "--help" || a == "-h") {
      std::printf(
          "usage: nasij-train-ner --train FILE... [--also FILE...] [--dev FILE] [--out MODEL] [--epochs N] [--seed S]\n"
          "                       [--cv K] [--no-clusters] [--no-places] [--clusters FILE] [--adapt] [--bags N]\n"
          "                       [--o-penalty X] [--pa C] [--prune X] [--learner perceptron|crf] [--c2 X] [--eta X]\n"
          "       nasij-train-ner --dump-words FILE...\n"
          "       nasij-train-ner --cluster VECTORS.vec [--k 64,512] --out CLUSTERS.tsv\n");
      return 0;
    } else {
      Fail("unknown option " + a + " (see --help)");
    }
  }
  if (!vectors.empty()) {
    if (o.out.empty()) Fail("--cluster needs --out");
    Cluster(vectors, ks, o.out);
    return 0;
  }
  if (o.train.empty()) Fail("give at least one --train file");
  auto lexicon = Lexicon::LoadEmbedded();
  if (!lexicon.ok()) Fail(lexicon.status().message());
  auto gazetteer = Gazetteer::LoadEmbedded();
  if (!gazetteer.ok()) Fail(gazetteer.status().message());
  auto clusters = clusters_path.empty() ? WordClusters::LoadEmbedded() : [&]() -> Result<WordClusters> {
    std::ifstream in(clusters_path);
    if (!in) Fail("cannot read " + clusters_path);
    std::stringstream text;
    text << in.rdbuf();
    return WordClusters::Parse(text.str());
  }();
  if (!clusters.ok()) Fail(clusters.status().message());
  auto places = PlaceNames::LoadEmbedded();
  if (!places.ok()) Fail(places.status().message());
  const NerFeatures nf(**lexicon, **gazetteer, no_clusters ? nullptr : &*clusters, no_places ? nullptr : &*places);
  Segmenter segmenter;

  std::vector<Example> train, also, dev;
  for (const std::string& path : o.train) ReadExamples(path, **lexicon, **gazetteer, segmenter, &train);
  for (const std::string& path : o.also) ReadExamples(path, **lexicon, **gazetteer, segmenter, &also);
  for (Example& ex : also) ex.domain = 1;
  if (!o.dev.empty()) ReadExamples(o.dev, **lexicon, **gazetteer, segmenter, &dev);
  WordFeatureOrigins origins;
  for (Example& ex : train) ComputeFeatures(nf, &ex, &origins);
  for (Example& ex : also) ComputeFeatures(nf, &ex, &origins);
  std::fprintf(stderr, "%zu training sentences\n", train.size());

  if (o.folds > 1) {
    Scorecard total;
    for (int fold = 0; fold < o.folds; ++fold) {
      // Contiguous folds: neighbouring sentences share their names.
      std::vector<Example*> fit, held;
      for (size_t k = 0; k < train.size(); ++k) {
        (static_cast<int>(k * o.folds / train.size()) == fold ? held : fit).push_back(&train[k]);
      }
      for (Example& ex : also) fit.push_back(&ex);
      std::fprintf(stderr, "fold %d of %d\n", fold + 1, o.folds);
      Add(Evaluate(*Train(fit, origins, o), nf, held), &total);
    }
    std::printf("cross-validation on %s, %d folds, %d epochs:\n", o.train.front().c_str(), o.folds, o.epochs);
    Print(total);
    return 0;
  }
  std::vector<Example*> all;
  for (Example& ex : train) all.push_back(&ex);
  for (Example& ex : also) all.push_back(&ex);
  std::unique_ptr<NerModel> model = Train(all, origins, o);
  if (!dev.empty()) {
    std::printf("%s (%zu sentences), exact span and type on nasij's words:\n", o.dev.c_str(), dev.size());
    std::vector<Example*> held;
    for (Example& ex : dev) held.push_back(&ex);
    Print(Evaluate(*model, nf, held));
  }
  if (!o.out.empty()) {
    const std::string bytes = model->Serialize();
    const std::string tmp = o.out + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!out.flush()) Fail("cannot write " + tmp);
    }
    if (std::rename(tmp.c_str(), o.out.c_str()) != 0) Fail("cannot write " + o.out);
    std::fprintf(stderr, "wrote %s (%zu bytes)\n", o.out.c_str(), bytes.size());
  }
  return 0;
}

}  // namespace
}  // namespace nasij::arabic

int main(int argc, char** argv) { return nasij::arabic::Main(argc, argv); }
