#include <nlohmann/json.hpp>

#include "export/export.h"

namespace nasij {

bool ParseExportFormat(std::string_view name, ExportFormat* format) {
  if (name == "graphml") {
    *format = ExportFormat::kGraphML;
  } else if (name == "json") {
    *format = ExportFormat::kCytoscapeJson;
  } else {
    return false;
  }
  return true;
}

Status WriteCytoscapeJson(const KnowledgeGraph& g, std::ostream& out) {
  using json = nlohmann::ordered_json;
  // Written element by element so that memory stays bounded by one element.
  auto dump = [](const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); };
  out << "{\"elements\":{\"nodes\":[";
  bool first = true;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeData& n = g[v];
    json data = {{"id", n.id},         {"label", n.label},       {"label_en", n.label_en},
                 {"kind", n.kind},     {"aliases", n.aliases},   {"mentions", n.mentions},
                 {"degree", n.degree}, {"pagerank", n.pagerank}, {"component", n.component}};
    out << (first ? "\n" : ",\n") << dump({{"data", data}});
    first = false;
  }
  out << "],\"edges\":[";
  first = true;
  size_t id = 0;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeData& d = g[e];
    json data = {{"id", "e" + std::to_string(id++)},
                 {"source", g[boost::source(e, g)].id},
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
    out << (first ? "\n" : ",\n") << dump({{"data", data}});
    first = false;
  }
  out << "]}}\n";
  return out.good() ? Status::OK() : Status::Error("write failed");
}

Status WriteGraph(const KnowledgeGraph& graph, ExportFormat format, std::ostream& out) {
  switch (format) {
    case ExportFormat::kGraphML: return WriteGraphML(graph, out);
    case ExportFormat::kCytoscapeJson: return WriteCytoscapeJson(graph, out);
  }
  return Status::Error("unknown format");
}

}  // namespace nasij
