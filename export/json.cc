#include <map>
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

json EdgeJson(const KnowledgeGraph& g, KnowledgeGraph::edge_descriptor e) {
  const EdgeData& d = g[e];
  return {{"source", g[boost::source(e, g)].id},
          {"target", g[boost::target(e, g)].id},
          {"relation", d.relation},
          {"lemma", d.lemma},
          {"label_en", d.label_en},
          {"confidence", d.confidence},
          {"negated", d.negated},
          {"modality", d.modality},
          {"sources", d.sources},
          {"doc", d.first_doc},
          {"sentence", d.first_sentence}};
}

// Writes `open`, the items one per line, and `close`: memory stays bounded
// by one item.
template <typename Range, typename Item>
void WriteList(std::ostream& out, const char* open, const Range& range, Item item, const char* close) {
  out << open;
  bool first = true;
  for (auto x : range) {
    out << (first ? "\n" : ",\n") << Dump(item(x));
    first = false;
  }
  out << close;
}

}  // namespace

Status WriteCytoscapeJson(const KnowledgeGraph& g, std::ostream& out) {
  WriteList(out, "{\"elements\":{\"nodes\":[", boost::make_iterator_range(boost::vertices(g)),
            [&](auto v) { return json{{"data", NodeJson(g[v])}}; }, "],");
  // An edge's id is its triple's identity, the same in every graph of one
  // store, so that a viewer can merge graphs (expand a node) without doubles.
  WriteList(out, "\"edges\":[", boost::make_iterator_range(boost::edges(g)),
            [&](auto e) {
              const EdgeData& d = g[e];
              json data = {{"id", g[boost::source(e, g)].id + "|" + (d.lemma.empty() ? d.relation : d.lemma) + "|" +
                                      g[boost::target(e, g)].id}};
              data.update(EdgeJson(g, e));
              return json{{"data", data}};
            },
            "]}}\n");
  return out.good() ? Status::OK() : Status::Error("write failed");
}

Status WriteNodeLinkJson(const KnowledgeGraph& g, std::ostream& out) {
  WriteList(out, "{\"directed\":true,\"multigraph\":true,\"graph\":{},\"nodes\":[",
            boost::make_iterator_range(boost::vertices(g)), [&](auto v) { return NodeJson(g[v]); }, "],");
  // networkx numbers parallel edges between two nodes by "key".
  std::map<std::pair<size_t, size_t>, int> parallel;
  WriteList(out, "\"links\":[", boost::make_iterator_range(boost::edges(g)),
            [&](auto e) {
              json link = EdgeJson(g, e);
              link["key"] = parallel[{boost::source(e, g), boost::target(e, g)}]++;
              return link;
            },
            "]}\n");
  return out.good() ? Status::OK() : Status::Error("write failed");
}


}  // namespace nasij
