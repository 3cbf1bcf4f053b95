#include <nlohmann/json.hpp>
#include <algorithm>
#include <numeric>
#include <tuple>

#include "export/export.h"

namespace nasij {

namespace {

using json = nlohmann::ordered_json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json NodeJson(const NodeData& n) {
  return {{"id", n.id},         {"label", n.label},       {"label_en", n.label_en},
          {"kind", n.kind},     {"aliases", n.aliases},   {"mentions", n.mentions},
          {"degree", n.degree}, {"pagerank", n.pagerank}, {"component", n.component}};
}

json EdgeJson(const SelectedGraph::Shape& g, size_t source, size_t target, const EdgeData& d) {
  return {{"source", g[source].id},
          {"target", g[target].id},
          {"relation", d.relation},
          {"lemma", d.lemma},
          {"label_en", d.label_en},
          {"confidence", d.confidence},
          {"negated", d.negated},
          {"modality", d.modality},
          {"sources", d.sources},
          {"doc", d.first_doc},
          {"sentence", d.first_sentence},
          {"time", d.time}};
}

// Writes `open`, the nodes one per line, and `close`.
template <typename Item>
void WriteNodes(std::ostream& out, const SelectedGraph::Shape& g, const char* open, Item item, const char* close) {
  out << open;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) out << (v == 0 ? "\n" : ",\n") << Dump(item(g[v]));
  out << close;
}

// Writes `open`, the edges one per line as they are read, and `close`.
template <typename Item>
Status WriteEdges(std::ostream& out, SelectedGraph& graph, const char* open, Item item, const char* close) {
  out << open;
  bool first = true;
  Status s = graph.ForEachEdge([&](size_t source, size_t target, const EdgeData& d) {
    out << (first ? "\n" : ",\n") << Dump(item(source, target, d));
    first = false;
    return out.good();
  });
  out << close;
  if (!s.ok()) return s;
  return out.good() ? Status::OK() : Status::IOError("write failed");
}

// An edge's id is its triple's identity, so that a viewer can merge graphs
// (expand a node) without doubles.
json CytoscapeEdge(const SelectedGraph::Shape& g, size_t source, size_t target, const EdgeData& d) {
  json data = {{"id", d.key}};
  data.update(EdgeJson(g, source, target, d));
  return json{{"data", data}};
}

}  // namespace

Status WriteCytoscapeJson(SelectedGraph& graph, std::ostream& out) {
  const SelectedGraph::Shape& g = graph.shape();
  WriteNodes(out, g, "{\"elements\":{\"nodes\":[", [](const NodeData& n) { return json{{"data", NodeJson(n)}}; },
             "],");
  return WriteEdges(out, graph, "\"edges\":[",
                    [&](size_t source, size_t target, const EdgeData& d) {
                      return CytoscapeEdge(g, source, target, d);
                    },
                    "]}}\n");
}

Status WriteOverviewJson(SelectedGraph& graph, const OverviewLimits& limits, std::ostream& out) {
  const SelectedGraph::Shape& g = graph.shape();
  std::vector<size_t> central(boost::num_vertices(g));
  std::iota(central.begin(), central.end(), 0);
  auto rank = [&](size_t v) { return std::tuple(g[v].kind == "CONCEPT", -g[v].pagerank, v); };
  std::sort(central.begin(), central.end(), [&](size_t a, size_t b) { return rank(a) < rank(b); });
  central.resize(std::min(central.size(), limits.nodes));
  std::vector<bool> chosen(boost::num_vertices(g));
  for (size_t v : central) chosen[v] = true;
  struct Link {
    size_t source, target;
    EdgeData data;
  };
  std::vector<Link> links;
  Status s = graph.ForEachEdge([&](size_t source, size_t target, const EdgeData& d) {
    if (chosen[source] && chosen[target]) links.push_back({source, target, d});
    return true;
  });
  if (!s.ok()) return s;
  std::stable_sort(links.begin(), links.end(),
                   [](const Link& a, const Link& b) { return a.data.sources > b.data.sources; });
  links.resize(std::min(links.size(), limits.edges));
  json nodes = json::array(), edges = json::array();
  for (size_t v : central) nodes.push_back({{"data", NodeJson(g[v])}});
  for (const Link& l : links) edges.push_back(CytoscapeEdge(g, l.source, l.target, l.data));
  out << Dump({{"elements", {{"nodes", nodes}, {"edges", edges}}},
               {"total", {{"nodes", boost::num_vertices(g)}, {"edges", boost::num_edges(g)}}}})
      << "\n";
  return out.good() ? Status::OK() : Status::IOError("write failed");
}

Status WriteNodeLinkJson(SelectedGraph& graph, std::ostream& out) {
  const SelectedGraph::Shape& g = graph.shape();
  WriteNodes(out, g, "{\"directed\":true,\"multigraph\":true,\"graph\":{},\"nodes\":[", NodeJson, "],");
  // networkx tells parallel edges apart by "key": the relation, which is
  // what makes two edges between one pair two triples.
  return WriteEdges(out, graph, "\"links\":[",
                    [&](size_t source, size_t target, const EdgeData& d) {
                      json link = EdgeJson(g, source, target, d);
                      link["key"] = d.lemma.empty() ? d.relation : d.lemma;
                      return link;
                    },
                    "]}\n");
}

}  // namespace nasij
