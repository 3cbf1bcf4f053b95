#include "graph/graph.h"

#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/graph/undirected_graph.hpp>
#include <unordered_map>

namespace nasij {

namespace {

void ComputeMetrics(KnowledgeGraph* g) {
  const size_t n = boost::num_vertices(*g);
  if (n == 0) return;
  for (auto v : boost::make_iterator_range(boost::vertices(*g))) {
    (*g)[v].degree = boost::in_degree(v, *g) + boost::out_degree(v, *g);
  }
  std::vector<double> rank(n);
  boost::graph::page_rank(*g, boost::make_iterator_property_map(rank.begin(), boost::get(boost::vertex_index, *g)));
  // Boost lets rank pool in nodes without out-edges; scale so ranks sum to 1
  // as users of Gephi and networkx expect.
  double total = 0;
  for (double r : rank) total += r;
  if (total > 0) {
    for (double& r : rank) r /= total;
  }
  // Components of the undirected graph underneath.
  boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> u(n);
  for (auto e : boost::make_iterator_range(boost::edges(*g))) {
    boost::add_edge(boost::source(e, *g), boost::target(e, *g), u);
  }
  std::vector<int> component(n);
  boost::connected_components(u, component.data());
  for (size_t v = 0; v < n; ++v) {
    (*g)[v].pagerank = rank[v];
    (*g)[v].component = component[v];
  }
}

}  // namespace

Result<KnowledgeGraph> BuildGraph(Store& store, const GraphSelection& selection) {
  KnowledgeGraph g;
  std::unordered_map<std::string, KnowledgeGraph::vertex_descriptor> vertex;
  auto node = [&](const EntityRow& e) {
    auto it = vertex.find(e.key);
    if (it != vertex.end()) return it->second;
    NodeData d{e.key, e.label, e.label_en, e.kind, e.aliases, e.mentions};
    auto v = boost::add_vertex(d, g);
    vertex.emplace(e.key, v);
    return v;
  };
  Status s = store.ForEachTriple([&](const TripleRow& t) {
    if (t.confidence < selection.min_confidence) return true;
    EdgeData e{t.relation.text, t.relation.lemma, t.relation.label_en, t.confidence, t.negated,
               ModalityName(t.modality), t.sources, t.first_doc, t.first_sentence};
    boost::add_edge(node(t.subject), node(t.object), e, g);
    return true;
  });
  if (!s.ok()) return s;
  ComputeMetrics(&g);
  return g;
}

}  // namespace nasij
