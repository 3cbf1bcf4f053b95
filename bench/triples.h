// The synthetic triples the store benchmarks load: JSON lines in the record
// contract of `nasij extract`, written by store_bench and bench/peers alike
// so both measure the same data set.
#ifndef NASIJ_BENCH_TRIPLES_H_
#define NASIJ_BENCH_TRIPLES_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

namespace nasij::bench {

// Writes `n` triples over max(1000, n / 10) entities and 500 relations,
// `per_doc` to a document; returns the entity names. Entity names follow a
// Zipf-like law, as in news: few entities are in most triples.
inline std::vector<std::string> WriteTriples(const std::filesystem::path& path, size_t n, size_t per_doc) {
  std::mt19937_64 rng(42);
  const size_t entities = std::max<size_t>(1000, n / 10), relations = 500;
  std::vector<std::string> names(entities);
  for (size_t i = 0; i < entities; ++i) names[i] = "entity " + std::to_string(i);
  std::vector<double> weights(entities);
  for (size_t i = 0; i < entities; ++i) weights[i] = 1.0 / (i + 1);
  std::discrete_distribution<size_t> pick(weights.begin(), weights.end());
  std::uniform_int_distribution<size_t> rel(0, relations - 1);
  std::ofstream out(path);
  for (size_t i = 0; i < n; ++i) {
    nlohmann::json j = {{"doc", "doc-" + std::to_string(i / per_doc)},
                        {"sentence", static_cast<int>(i % per_doc / 10)},
                        {"subject", names[pick(rng)]},
                        {"relation", "relation " + std::to_string(rel(rng))},
                        {"object", names[pick(rng)]},
                        {"confidence", 0.5 + (i % 50) / 100.0}};
    out << j.dump() << '\n';
  }
  return names;
}

// The entities a lookup benchmark asks about: `count` names drawn from the
// 10,000 most mentioned, so most have neighbours.
inline std::vector<std::string> Probes(const std::vector<std::string>& names, size_t count) {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<size_t> pick(0, std::min<size_t>(names.size(), 10000) - 1);
  std::vector<std::string> probes;
  for (size_t i = 0; i < count; ++i) probes.push_back(names[pick(rng)]);
  return probes;
}

}  // namespace nasij::bench

#endif  // NASIJ_BENCH_TRIPLES_H_
