#include <nlohmann/json.hpp>

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

}  // namespace

Status WriteCytoscapeJson(SelectedGraph& graph, std::ostream& out) {
  const SelectedGraph::Shape& g = graph.shape();
  WriteNodes(out, g, "{\"elements\":{\"nodes\":[", [](const NodeData& n) { return json{{"data", NodeJson(n)}}; },
             "],");
  // An edge's id is its triple's identity, so that a viewer can merge graphs
  // (expand a node) without doubles.
  return WriteEdges(out, graph, "\"edges\":[",
                    [&](size_t source, size_t target, const EdgeData& d) {
                      json data = {{"id", d.key}};
                      data.update(EdgeJson(g, source, target, d));
                      return json{{"data", data}};
                    },
                    "]}}\n");
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
