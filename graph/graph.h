// Graphs of the store: one vertex per entity, one edge per distinct triple
// (parallel edges kept), with degree, PageRank and connected components
// computed by Boost.Graph's own algorithms; and walks that read only ids.
#ifndef NASIJ_GRAPH_GRAPH_H_
#define NASIJ_GRAPH_GRAPH_H_

#include <absl/container/flat_hash_map.h>
#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "common/status.h"
#include "storage/store.h"

namespace nasij {

struct NodeData {
  std::string id;  // canonical entity key
  std::string label, label_en, kind;
  std::vector<std::string> aliases;
  int64_t mentions = 0;
  int degree = 0;
  double pagerank = 0;
  int component = 0;
};

struct EdgeData {
  // The triple's identity in the store, "subject|relation|object": the same
  // in every graph of one store, so that graphs can be merged.
  std::string key;
  std::string relation, lemma, label_en;
  double confidence = 0;
  bool negated = false;
  std::string modality;
  int64_t sources = 0;
  std::string first_doc;
  int first_sentence = 0;
  std::string time;  // when an extraction says it happened (TripleRow::time)
};

// The store's identity of a triple, "subject|relation|object": its
// entities' keys and its relation's lemma (EdgeData::key, Provenance::edge_key).
std::string EdgeKey(const std::string& subject, const Relation& r, const std::string& object);

// One extraction supporting an edge: where it was said, and how.
struct Provenance {
  std::string edge_key;  // EdgeData::key of the edge it supports
  std::string doc;
  int sentence = 0;
  std::string relation;  // as written there
  double confidence = 0;
  bool negated = false;
  std::string modality;
  std::string time;  // when it says it happened, if it says
};

// The source a document is shown under: its url's host (without "www."),
// else the source its record gives.
std::string SourceOf(const DocumentMeta& meta);

// Whether `text` is a day written YYYY-MM-DD.
bool IsDay(const std::string& text);

// Documents by when and where they were published; an empty field admits
// every document.
struct DocumentFilter {
  // Days (IsDay), both included, compared with the day `published` starts
  // with: a document without one is left out by either.
  std::string from, to;
  std::string source;  // SourceOf, or the record's own source; any case
  bool empty() const { return from.empty() && to.empty() && source.empty(); }
  bool Admits(const DocumentMeta& meta) const;
};

// Which triples a graph holds; every condition given must hold.
struct GraphSelection {
  std::string entity;  // any name of an entity: the triples within `hops` of it
  int hops = 1;
  std::string relation;  // a relation's lemma, text or English gloss
  std::string doc;       // triples this document supports
  DocumentFilter documents;  // triples a document it admits supports
  std::string kind;      // both ends of this kind (PER, LOC, ORG, MISC, CONCEPT)
  double min_confidence = 0;
  // Triples with a pronoun that was not resolved to an entity are left out
  // unless asked for: such a node joins unrelated people.
  bool include_unresolved = false;
};

// The graph of the selected triples. Its shape is a Boost.Graph held in
// memory: one vertex per entity, carrying the node metrics, and one edge per
// distinct triple, parallel edges kept. The edges' attributes, most of the
// bytes, are not held: ForEachEdge reads them from the store again as they
// are written, so an export needs about 100 bytes per edge, not a kilobyte
// (but the triples around an entity, which are read into memory as a whole).
// The store must not change while the graph is used (a read-only store does
// not).
class SelectedGraph {
 public:
  using Shape = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeData>;

  // Reads the selected triples once and computes degree, PageRank and
  // connected components with Boost.Graph's algorithms.
  static Result<std::unique_ptr<SelectedGraph>> Build(Store& store, const GraphSelection& selection);

  const Shape& shape() const { return shape_; }

  // Each edge once, in the order they were read when the graph was built,
  // until `visit` returns false. `source` and `target` are vertices of the
  // shape.
  using EdgeVisitor = std::function<bool(size_t source, size_t target, const EdgeData& edge)>;
  Status ForEachEdge(const EdgeVisitor& visit);

  // Each extraction supporting an edge of the graph, in the store's order,
  // until `visit` returns false.
  Status ForEachSource(const std::function<bool(const Provenance&)>& visit);

 private:
  SelectedGraph(Store& store, const GraphSelection& selection)
      : store_(store), selection_(selection), relation_(NormalizeForMatch(selection.relation)) {}
  Status ForEachSelectedTriple(const std::function<bool(const TripleRow&)>& visit);
  Status ReadAroundEntity();
  bool Contains(const std::string& edge_key) const;

  Store& store_;
  const GraphSelection selection_;
  const std::string relation_;                     // selection_.relation, normalized
  // Edge keys of the triples that selection_.doc and selection_.documents
  // admit, when either is given.
  std::unordered_set<std::string> in_documents_;
  Shape shape_;
  absl::flat_hash_map<std::string, size_t> vertex_;  // by entity key
  // The triples around selection_.entity, read once: Neighborhood holds
  // them all in memory anyway, so keeping them for ForEachEdge costs no
  // more than reading them again.
  std::optional<std::vector<TripleRow>> around_entity_;
  bool everything_ = true;  // every triple of the store is selected
  // Otherwise the hashes of the selected edges' keys, sorted.
  std::vector<uint64_t> selected_;
};

// The triples within `hops` steps of the entity, either direction, found by
// index scans from the entity outwards (the whole store is not read); none
// through an unresolved pronoun unless `include_unresolved`.
Result<std::vector<TripleRow>> Neighborhood(Store& store, const std::string& entity_key, int hops,
                                            bool include_unresolved = false);

// A shortest chain of triples linking two entities, either direction: no
// triples when `from` is `to` (a path of length zero), nullopt when no chain
// is within `max_hops`. It never runs through an unresolved pronoun.
Result<std::optional<std::vector<TripleRow>>> ShortestPath(Store& store, const std::string& from,
                                                           const std::string& to, int max_hops);

}  // namespace nasij

#endif  // NASIJ_GRAPH_GRAPH_H_
