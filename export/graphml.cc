#include "export/export.h"
#include "export/text.h"
#include "export/xml.h"

namespace nasij {

namespace {

struct Key {
  const char* id;
  const char* name;
  const char* domain;  // node or edge
  const char* type;    // string, double, int, long, boolean
};

// Key ids equal attribute names, because some readers (Cytoscape.js's
// cytoscape-graphml) name data by id; the two edge keys whose names a node
// key has too get an "e_" id, as ids are one namespace. Gephi and Cytoscape
// take the column from attr.name; Gephi makes "label" the label, and
// Cytoscape takes "name" and "interaction" (an edge's name is
// "SOURCE (INTERACTION) TARGET" there).
constexpr Key kKeys[] = {
    {"label", "label", "node", "string"},
    {"name", "name", "node", "string"},
    {"label_en", "label_en", "node", "string"},
    {"kind", "kind", "node", "string"},
    {"aliases", "aliases", "node", "string"},
    {"mentions", "mentions", "node", "long"},
    {"degree", "degree", "node", "int"},
    {"pagerank", "pagerank", "node", "double"},
    {"component", "component", "node", "int"},
    {"relation", "relation", "edge", "string"},
    {"e_label", "label", "edge", "string"},
    {"interaction", "interaction", "edge", "string"},
    {"e_name", "name", "edge", "string"},
    {"lemma", "lemma", "edge", "string"},
    {"e_label_en", "label_en", "edge", "string"},
    {"confidence", "confidence", "edge", "double"},
    {"negated", "negated", "edge", "boolean"},
    {"modality", "modality", "edge", "string"},
    {"sources", "sources", "edge", "long"},
    {"doc", "doc", "edge", "string"},
    {"sentence", "sentence", "edge", "int"},
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
    out << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.name << "\" attr.type=\""
        << k.type << "\"/>\n";
  }
  out << "  <graph id=\"nasij\" edgedefault=\"directed\">\n";
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeData& n = g[v];
    out << "    <node id=\"" << xml::Escape(n.id) << "\">\n";
    Data(out, "label", n.label);
    Data(out, "name", n.label);
    Data(out, "label_en", n.label_en);
    Data(out, "kind", n.kind);
    Data(out, "aliases", JoinAliases(n.aliases, '|', '/'));
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
    Data(out, "relation", d.relation);
    Data(out, "e_label", d.relation);
    const std::string& interaction = d.lemma.empty() ? d.relation : d.lemma;
    Data(out, "interaction", interaction);
    Data(out, "e_name", g[source].label + " (" + interaction + ") " + g[target].label);
    Data(out, "lemma", d.lemma);
    Data(out, "e_label_en", d.label_en);
    Data(out, "confidence", FullPrecision(d.confidence));
    Data(out, "negated", d.negated ? "true" : "false");
    Data(out, "modality", d.modality);
    Data(out, "sources", std::to_string(d.sources));
    Data(out, "doc", d.first_doc);
    Data(out, "sentence", std::to_string(d.first_sentence));
    out << "    </edge>\n";
    return out.good();
  });
  if (!s.ok()) return s;
  out << "  </graph>\n</graphml>\n";
  return out.good() ? Status::OK() : Status::Error("write failed");
}

}  // namespace nasij
