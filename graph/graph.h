// Boost.Graph views of the store: one vertex per entity, one edge per
// distinct triple (parallel edges kept), with degree, PageRank and
// connected components computed by Boost.Graph's own algorithms.
#ifndef NASIJ_GRAPH_GRAPH_H_
#define NASIJ_GRAPH_GRAPH_H_

#include <boost/graph/adjacency_list.hpp>
#include <string>
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

// One extraction supporting an edge: where it was said, and how.
struct Provenance {
  std::string doc;
  int sentence = 0;
  std::string relation;  // as written there
  double confidence = 0;
  bool negated = false;
  std::string modality;
};

struct EdgeData {
  std::string relation, lemma, label_en;
  double confidence = 0;
  bool negated = false;
  std::string modality;
  int64_t sources = 0;
  std::string first_doc;
  int first_sentence = 0;
  std::vector<Provenance> provenance;  // every extraction, when the selection asks for it
};

using KnowledgeGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeData, EdgeData>;

// Which triples a graph holds; every condition given must hold.
struct GraphSelection {
  std::string entity;  // any name of an entity: the triples within `hops` of it
  int hops = 1;
  std::string relation;  // a relation's lemma, text or English gloss
  std::string doc;       // triples this document supports
  std::string kind;      // both ends of this kind (PER, LOC, ORG, MISC, CONCEPT)
  double min_confidence = 0;
  bool provenance = false;  // fill EdgeData::provenance (reads every extraction)
};

// Builds the graph of the selected triples and computes node metrics.
Result<KnowledgeGraph> BuildGraph(Store& store, const GraphSelection& selection);

// The triples within `hops` steps of the entity, either direction, found by
// index scans from the entity outwards (the whole store is not read).
Result<std::vector<TripleRow>> Neighborhood(Store& store, const std::string& entity_key, int hops);

// A shortest chain of triples linking two entities, either direction; empty
// when none is within `max_hops`.
Result<std::vector<TripleRow>> ShortestPath(Store& store, const std::string& from, const std::string& to,
                                            int max_hops);

}  // namespace nasij

#endif  // NASIJ_GRAPH_GRAPH_H_
