#include "graph/graph.h"

#include <boost/graph/page_rank.hpp>
#include <boost/graph/incremental_components.hpp>
#include <boost/pending/disjoint_sets.hpp>
#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace nasij {

namespace {

void ComputeMetrics(SelectedGraph::Shape* g) {
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
  // Components of the undirected graph underneath, by union-find over the
  // edges: no second graph is built.
  std::vector<size_t> rank_of(n), parent(n);
  boost::disjoint_sets<size_t*, size_t*> sets(rank_of.data(), parent.data());
  boost::initialize_incremental_components(*g, sets);
  boost::incremental_components(*g, sets);
  // Numbered 0, 1, … in the order of their first vertex.
  std::unordered_map<size_t, int> number;
  for (size_t v = 0; v < n; ++v) {
    (*g)[v].pagerank = rank[v];
    (*g)[v].component = number.emplace(sets.find_set(v), static_cast<int>(number.size())).first->second;
  }
}

}  // namespace

// Both walks below go by ids (Store::EdgesOf scans two indexes and reads no
// record); only the triples returned are read whole.

namespace {

// The ids a walk must not step on: the unresolved pronouns, unless wanted.
Result<std::unordered_set<uint32_t>> Excluded(Store& store, bool include_unresolved) {
  if (include_unresolved) return std::unordered_set<uint32_t>();
  auto ids = store.UnresolvedIds();
  if (!ids.ok()) return ids.status();
  return std::unordered_set<uint32_t>(ids->begin(), ids->end());
}

}  // namespace

Result<std::vector<TripleRow>> Neighborhood(Store& store, const std::string& entity_key, int hops,
                                            bool include_unresolved) {
  auto found = store.EntityId(entity_key);
  if (!found.ok()) return found.status();
  const uint32_t start = *found;
  if (start == 0) return std::vector<TripleRow>();
  auto excluded = Excluded(store, include_unresolved);
  if (!excluded.ok()) return excluded.status();
  std::unordered_set<uint32_t> seen_entities = {start};
  std::set<std::tuple<uint32_t, uint32_t, uint32_t>> seen_edges;
  std::vector<Edge> edges;
  std::vector<uint32_t> frontier = {start};
  for (int hop = 0; hop < hops && !frontier.empty(); ++hop) {
    std::vector<uint32_t> next;
    for (uint32_t id : frontier) {
      Status s = store.EdgesOf(id, [&](const Edge& e) {
        if (excluded->contains(e.subject) || excluded->contains(e.object)) return true;
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
  return store.TripleRows(edges);
}

Result<std::optional<std::vector<TripleRow>>> ShortestPath(Store& store, const std::string& from,
                                                           const std::string& to, int max_hops) {
  // Breadth-first from `from`, remembering the edge that reached each entity.
  const std::optional<std::vector<TripleRow>> none;
  auto source_id = store.EntityId(from);
  if (!source_id.ok()) return source_id.status();
  auto target_id = store.EntityId(to);
  if (!target_id.ok()) return target_id.status();
  const uint32_t source = *source_id, target = *target_id;
  if (source == 0 || target == 0) return none;
  auto excluded = Excluded(store, false);
  if (!excluded.ok()) return excluded.status();
  std::unordered_map<uint32_t, Edge> reached_by;
  std::unordered_set<uint32_t> seen = {source};
  std::vector<uint32_t> frontier = {source};
  bool found = source == target;
  for (int hop = 0; hop < max_hops && !frontier.empty() && !found; ++hop) {
    std::vector<uint32_t> next;
    for (uint32_t id : frontier) {
      Status s = store.EdgesOf(id, [&](const Edge& e) {
        const uint32_t other = e.subject == id ? e.object : e.subject;
        if (!excluded->contains(other) && seen.insert(other).second) {
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
  if (!found) return none;
  std::vector<Edge> edges;
  for (uint32_t at = target; at != source;) {
    const Edge& e = reached_by.at(at);
    edges.push_back(e);
    at = e.subject == at ? e.object : e.subject;
  }
  std::reverse(edges.begin(), edges.end());
  auto path = store.TripleRows(edges);
  if (!path.ok()) return path.status();
  return std::optional(std::move(*path));
}

std::string EdgeKey(const std::string& subject, const Relation& r, const std::string& object) {
  return subject + '|' + (r.lemma.empty() ? NormalizeForMatch(r.text) : r.lemma) + '|' + object;
}

namespace {

uint64_t Hash(const std::string& s) { return std::hash<std::string>()(s); }

}  // namespace

std::string SourceOf(const DocumentMeta& meta) {
  const size_t scheme = meta.url.find("://");
  if (scheme == std::string::npos) return meta.source;
  std::string host = meta.url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#"));
  host = host.substr(host.find('@') + 1);  // npos + 1 is 0: no user
  if (host.starts_with('[')) host = host.substr(0, host.find(']') + 1);  // an IPv6 address keeps its colons
  else host = host.substr(0, host.find(':'));
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (host.starts_with("www.")) host = host.substr(4);
  return host.empty() ? meta.source : host;
}

bool IsDay(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  const std::string month = text.substr(5, 2), day = text.substr(8, 2);
  return month >= "01" && month <= "12" && day >= "01" && day <= "31";
}

bool DocumentFilter::Admits(const DocumentMeta& meta) const {
  if (!from.empty() || !to.empty()) {
    const std::string day = meta.published.substr(0, 10);
    if (!IsDay(day) || (!from.empty() && day < from) || (!to.empty() && day > to)) return false;
  }
  auto same = [](const std::string& a, const std::string& b) { return NormalizeForMatch(a) == NormalizeForMatch(b); };
  return source.empty() || same(source, SourceOf(meta)) || same(source, meta.source);
}

Result<std::unique_ptr<SelectedGraph>> SelectedGraph::Build(Store& store, const GraphSelection& selection) {
  std::unique_ptr<SelectedGraph> graph(new SelectedGraph(store, selection));
  if (!selection.doc.empty() || !selection.documents.empty()) {
    Pattern pattern;
    pattern.doc = selection.doc;
    // Every triple of a one-step neighbourhood has the entity on one side:
    // only its extractions need be read.
    if (selection.hops == 1) pattern.entity = selection.entity;
    pattern.include_unresolved = selection.include_unresolved;
    std::unordered_map<std::string, bool> admitted;  // by document id
    Status read;
    Status s = store.Query(pattern, [&](const ExtractionRow& row) {
      auto [it, added] = admitted.try_emplace(row.doc, true);
      if (added && !selection.documents.empty()) {
        auto meta = store.DocumentOf(row.doc);
        if (!meta.ok()) {
          read = meta.status();
          return false;
        }
        it->second = selection.documents.Admits(*meta);
      }
      if (it->second) {
        graph->in_documents_.insert(EdgeKey(row.triple.subject.entity, row.triple.relation, row.triple.object.entity));
      }
      return true;
    });
    if (!s.ok()) return s;
    if (!read.ok()) return read;
  }
  graph->everything_ = selection.entity.empty() && selection.relation.empty() && selection.doc.empty() &&
                          selection.documents.empty() && selection.kind.empty() && selection.min_confidence <= 0;
  Shape& shape = graph->shape_;
  auto vertex = [&](const EntityRow& e) {
    auto [it, added] = graph->vertex_.try_emplace(e.key, boost::num_vertices(shape));
    if (added) boost::add_vertex(NodeData{e.key, e.label, e.label_en, e.kind, e.aliases, e.mentions}, shape);
    return it->second;
  };
  Status s = graph->ForEachSelectedTriple([&](const TripleRow& t) {
    const size_t subject = vertex(t.subject);  // before the object: vertices numbered as read
    boost::add_edge(subject, vertex(t.object), shape);
    if (!graph->everything_) graph->selected_.push_back(Hash(EdgeKey(t.subject.key, t.relation, t.object.key)));
    return true;
  });
  if (!s.ok()) return s;
  std::sort(graph->selected_.begin(), graph->selected_.end());
  ComputeMetrics(&shape);
  return graph;
}

Status SelectedGraph::ForEachSelectedTriple(const std::function<bool(const TripleRow&)>& visit) {
  auto selected = [&](const TripleRow& t) {
    if (!selection_.include_unresolved && (t.subject.unresolved || t.object.unresolved)) return false;
    if (t.confidence < selection_.min_confidence) return false;
    if (!selection_.kind.empty() && (t.subject.kind != selection_.kind || t.object.kind != selection_.kind)) {
      return false;
    }
    if (!relation_.empty() && NormalizeForMatch(t.relation.lemma) != relation_ &&
        NormalizeForMatch(t.relation.text) != relation_ && NormalizeForMatch(t.relation.label_en) != relation_) {
      return false;
    }
    return (selection_.doc.empty() && selection_.documents.empty()) ||
           in_documents_.count(EdgeKey(t.subject.key, t.relation, t.object.key));
  };
  if (selection_.entity.empty()) {
    return store_.ForEachTriple([&](const TripleRow& t) { return !selected(t) || visit(t); });
  }
  if (!around_entity_) {
    Status s = ReadAroundEntity();
    if (!s.ok()) return s;
  }
  for (const TripleRow& t : *around_entity_) {
    if (selected(t) && !visit(t)) break;
  }
  return Status::OK();
}

Status SelectedGraph::ReadAroundEntity() {
  auto keys = store_.ResolveEntity(selection_.entity);
  if (!keys.ok()) return keys.status();
  if (keys->empty()) return Status::NotFound("no entity is named " + selection_.entity);
  std::unordered_set<std::string> seen;
  std::vector<TripleRow> around;
  for (const std::string& key : *keys) {
    auto rows = Neighborhood(store_, key, selection_.hops, selection_.include_unresolved);
    if (!rows.ok()) return rows.status();
    for (TripleRow& t : *rows) {
      if (seen.insert(EdgeKey(t.subject.key, t.relation, t.object.key)).second) around.push_back(std::move(t));
    }
  }
  around_entity_ = std::move(around);
  return Status::OK();
}

Status SelectedGraph::ForEachEdge(const EdgeVisitor& visit) {
  Status changed;
  Status s = ForEachSelectedTriple([&](const TripleRow& t) {
    auto source = vertex_.find(t.subject.key), target = vertex_.find(t.object.key);
    if (source == vertex_.end() || target == vertex_.end()) {
      changed = Status::Corruption("the store changed while its graph was read");
      return false;
    }
    EdgeData e{EdgeKey(t.subject.key, t.relation, t.object.key),
               t.relation.text,
               t.relation.lemma,
               t.relation.label_en,
               t.confidence,
               t.negated,
               ModalityName(t.modality),
               t.sources,
               t.first_doc,
               t.first_sentence,
               t.time};
    return visit(source->second, target->second, e);
  });
  return s.ok() ? changed : s;
}

bool SelectedGraph::Contains(const std::string& edge_key) const {
  return everything_ || std::binary_search(selected_.begin(), selected_.end(), Hash(edge_key));
}

Status SelectedGraph::ForEachSource(const std::function<bool(const Provenance&)>& visit) {
  Pattern everything;
  everything.include_unresolved = selection_.include_unresolved;
  return store_.Query(everything, [&](const ExtractionRow& row) {
    const Triple& t = row.triple;
    Provenance p{EdgeKey(t.subject.entity, t.relation, t.object.entity),
                 row.doc,
                 t.sentence,
                 t.relation.text,
                 t.confidence,
                 t.negated,
                 ModalityName(t.modality),
                 t.time};
    return !Contains(p.edge_key) || visit(p);
  });
}

}  // namespace nasij
