#include "export/export.h"
#include "export/text.h"
#include "export/xml.h"

namespace nasij {

namespace {

struct Key {
  const char* id;
  const char* domain;  // node or edge
  const char* type;    // string, double, int, long, boolean
};

// Key ids equal attribute names: Gephi reads the id first, and "label" is
// the one name it gives a meaning we want. Cytoscape takes "name" and
// "interaction".
constexpr Key kKeys[] = {
    {"label", "node", "string"},      {"name", "node", "string"},       {"label_en", "node", "string"},
    {"kind", "node", "string"},       {"aliases", "node", "string"},    {"mentions", "node", "long"},
    {"degree", "node", "int"},        {"pagerank", "node", "double"},   {"component", "node", "int"},
    {"relation", "edge", "string"},   {"label", "edge", "string"},      {"interaction", "edge", "string"},
    {"lemma", "edge", "string"},      {"label_en", "edge", "string"},   {"confidence", "edge", "double"},
    {"negated", "edge", "boolean"},   {"modality", "edge", "string"},   {"sources", "edge", "long"},
    {"doc", "edge", "string"},        {"sentence", "edge", "int"},
};

void Data(std::ostream& out, const char* key, const std::string& value) {
  out << "      <data key=\"" << key << "\">" << xml::Escape(value)
      << "</data>\n";
}

}  // namespace

Status WriteGraphML(SelectedGraph& graph, std::ostream& out) {
  const SelectedGraph::Shape& g = graph.shape();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& k : kKeys) {
    // Node and edge keys share a name but not an id.
    out << "  <key id=\"" << (std::string_view(k.domain) == "edge" ? "e_" : "") << k.id << "\" for=\"" << k.domain
        << "\" attr.name=\"" << k.id << "\" attr.type=\"" << k.type << "\"/>\n";
  }
  out << "  <graph id=\"nasij\" edgedefault=\"directed\">\n";
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeData& n = g[v];
    out << "    <node id=\"" << xml::Escape(n.id) << "\">\n";
    std::string aliases;
    for (const auto& a : n.aliases) aliases += (aliases.empty() ? "" : "|") + a;
    Data(out, "label", n.label);
    Data(out, "name", n.label);
    Data(out, "label_en", n.label_en);
    Data(out, "kind", n.kind);
    Data(out, "aliases", aliases);
    Data(out, "mentions", std::to_string(n.mentions));
    Data(out, "degree", std::to_string(n.degree));
    Data(out, "pagerank", FullPrecision(n.pagerank));
    Data(out, "component", std::to_string(n.component));
    out << "    </node>\n";
  }
  size_t id = 0;
  Status s = graph.ForEachEdge([&](size_t source, size_t target, const EdgeData& d) {
    out << "    <edge id=\"e" << id++ << "\" source=\"" << xml::Escape(g[source].id) << "\" target=\""
        << xml::Escape(g[target].id) << "\">\n";
    Data(out, "e_relation", d.relation);
    Data(out, "e_label", d.relation);
    Data(out, "e_interaction", d.lemma.empty() ? d.relation : d.lemma);
    Data(out, "e_lemma", d.lemma);
    Data(out, "e_label_en", d.label_en);
    Data(out, "e_confidence", FullPrecision(d.confidence));
    Data(out, "e_negated", d.negated ? "true" : "false");
    Data(out, "e_modality", d.modality);
    Data(out, "e_sources", std::to_string(d.sources));
    Data(out, "e_doc", d.first_doc);
    Data(out, "e_sentence", std::to_string(d.first_sentence));
    out << "    </edge>\n";
    return out.good();
  });
  if (!s.ok()) return s;
  out << "  </graph>\n</graphml>\n";
  return out.good() ? Status::OK() : Status::Error("write failed");
}

}  // namespace nasij
