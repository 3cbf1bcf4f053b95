#include "graph/graph.h"

#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/graph/undirected_graph.hpp>
#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

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

// Both walks below go by ids (Store::EdgesOf scans two indexes and reads no
// record); only the triples returned are read whole.

Result<std::vector<TripleRow>> Neighborhood(Store& store, const std::string& entity_key, int hops) {
  const uint32_t start = store.EntityId(entity_key);
  std::vector<TripleRow> out;
  if (start == 0) return out;
  std::unordered_set<uint32_t> seen_entities = {start};
  std::set<std::tuple<uint32_t, uint32_t, uint32_t>> seen_edges;
  std::vector<Edge> edges;
  std::vector<uint32_t> frontier = {start};
  for (int hop = 0; hop < hops && !frontier.empty(); ++hop) {
    std::vector<uint32_t> next;
    for (uint32_t id : frontier) {
      Status s = store.EdgesOf(id, [&](const Edge& e) {
        if (seen_edges.insert({e.subject, e.relation, e.object}).second) edges.push_back(e);
        for (uint32_t other : {e.subject, e.object}) {
          if (seen_entities.insert(other).second) next.push_back(other);
        }
        return true;
      });
      if (!s.ok()) return s;
    }
    frontier = std::move(next);
  }
  for (const Edge& e : edges) {
    auto row = store.TripleOf(e);
    if (row.ok()) out.push_back(std::move(*row));
  }
  return out;
}

Result<std::vector<TripleRow>> ShortestPath(Store& store, const std::string& from, const std::string& to,
                                            int max_hops) {
  // Breadth-first from `from`, remembering the edge that reached each entity.
  std::vector<TripleRow> path;
  const uint32_t source = store.EntityId(from), target = store.EntityId(to);
  if (source == 0 || target == 0) return path;
  std::unordered_map<uint32_t, Edge> reached_by;
  std::unordered_set<uint32_t> seen = {source};
  std::vector<uint32_t> frontier = {source};
  bool found = source == target;
  for (int hop = 0; hop < max_hops && !frontier.empty() && !found; ++hop) {
    std::vector<uint32_t> next;
    for (uint32_t id : frontier) {
      Status s = store.EdgesOf(id, [&](const Edge& e) {
        const uint32_t other = e.subject == id ? e.object : e.subject;
        if (seen.insert(other).second) {
          reached_by[other] = e;
          next.push_back(other);
          found |= other == target;
        }
        return !found;
      });
      if (!s.ok()) return s;
      if (found) break;
    }
    frontier = std::move(next);
  }
  if (!found) return path;
  for (uint32_t at = target; at != source;) {
    const Edge& e = reached_by.at(at);
    auto row = store.TripleOf(e);
    if (!row.ok()) return row.status();
    path.push_back(std::move(*row));
    at = e.subject == at ? e.object : e.subject;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

namespace {

// The store's identity of a triple: its entities and its relation lemma.
std::string TripleIdentity(const std::string& subject, const Relation& r, const std::string& object) {
  return subject + '\x1f' + (r.lemma.empty() ? NormalizeForMatch(r.text) : r.lemma) + '\x1f' + object;
}

}  // namespace

Result<KnowledgeGraph> BuildGraph(Store& store, const GraphSelection& selection) {
  std::set<std::string> in_doc;
  if (!selection.doc.empty()) {
    Pattern pattern;
    pattern.doc = selection.doc;
    Status s = store.Query(pattern, [&](const ExtractionRow& row) {
      in_doc.insert(TripleIdentity(row.triple.subject.entity, row.triple.relation, row.triple.object.entity));
      return true;
    });
    if (!s.ok()) return s;
  }
  const std::string relation = NormalizeForMatch(selection.relation);
  auto selected = [&](const TripleRow& t) {
    if (t.confidence < selection.min_confidence) return false;
    if (!selection.kind.empty() && (t.subject.kind != selection.kind || t.object.kind != selection.kind)) return false;
    if (!relation.empty() && NormalizeForMatch(t.relation.lemma) != relation &&
        NormalizeForMatch(t.relation.text) != relation && NormalizeForMatch(t.relation.label_en) != relation) {
      return false;
    }
    return selection.doc.empty() || in_doc.count(TripleIdentity(t.subject.key, t.relation, t.object.key));
  };

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
  auto add = [&](const TripleRow& t) {
    if (!selected(t)) return true;
    EdgeData e{t.relation.text, t.relation.lemma, t.relation.label_en, t.confidence, t.negated,
               ModalityName(t.modality), t.sources, t.first_doc, t.first_sentence, {}};
    boost::add_edge(node(t.subject), node(t.object), e, g);
    return true;
  };
  if (selection.entity.empty()) {
    Status s = store.ForEachTriple(add);
    if (!s.ok()) return s;
  } else {
    auto keys = store.ResolveEntity(selection.entity);
    if (!keys.ok()) return keys.status();
    if (keys->empty()) return Status::Error("no entity is named " + selection.entity);
    std::set<std::string> seen;
    for (const std::string& key : *keys) {
      auto rows = Neighborhood(store, key, selection.hops);
      if (!rows.ok()) return rows.status();
      for (const TripleRow& t : *rows) {
        if (seen.insert(TripleIdentity(t.subject.key, t.relation, t.object.key)).second) add(t);
      }
    }
  }
  if (selection.provenance) {
    std::unordered_map<std::string, KnowledgeGraph::edge_descriptor> edge_of;
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
      Relation r{g[e].relation, g[e].lemma, g[e].label_en};
      edge_of.emplace(TripleIdentity(g[boost::source(e, g)].id, r, g[boost::target(e, g)].id), e);
    }
    Pattern everything;
    Status s = store.Query(everything, [&](const ExtractionRow& row) {
      const Triple& t = row.triple;
      auto it = edge_of.find(TripleIdentity(t.subject.entity, t.relation, t.object.entity));
      if (it != edge_of.end()) {
        g[it->second].provenance.push_back(
            {row.doc, t.sentence, t.relation.text, t.confidence, t.negated, ModalityName(t.modality)});
      }
      return true;
    });
    if (!s.ok()) return s;
  }
  ComputeMetrics(&g);
  return g;
}

}  // namespace nasij
