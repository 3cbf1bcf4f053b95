#include <algorithm>

#include "export/attributes.h"
#include "export/export.h"
#include "export/xml.h"

namespace nasij {

namespace {

// Attributes only GraphML readers use: Gephi makes "label" the label,
// Cytoscape takes "name" and "interaction" (an edge's name is "SOURCE
// (INTERACTION) TARGET" there).
constexpr const char* kNodeExtras[] = {"label", "name"};
constexpr const char* kEdgeExtras[] = {"label", "interaction", "name"};

// Key ids equal attribute names, because some readers (Cytoscape.js's
// cytoscape-graphml) name data by id; an edge key whose name a node key has
// too gets an "e_" id, as ids are one namespace. Gephi and Cytoscape take
// the column from attr.name.
std::string EdgeKeyId(const std::string& name) {
  bool node_has_it = std::find(std::begin(kNodeExtras), std::end(kNodeExtras), name) != std::end(kNodeExtras);
  for (const Attribute& a : NodeAttributes(NodeData())) node_has_it |= name == a.name;
  return node_has_it ? "e_" + name : name;
}

void Key(std::ostream& out, const std::string& id, const char* domain, const char* name, const char* type) {
  out << "  <key id=\"" << id << "\" for=\"" << domain << "\" attr.name=\"" << name << "\" attr.type=\"" << type
      << "\"/>\n";
}

void Data(std::ostream& out, const std::string& key, const std::string& value) {
  out << "      <data key=\"" << key << "\">" << xml::Escape(value) << "</data>\n";
}

}  // namespace

Status WriteGraphML(SelectedGraph& graph, std::ostream& out) {
  const SelectedGraph::Shape& g = graph.shape();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const char* name : kNodeExtras) Key(out, name, "node", name, "string");
  for (const Attribute& a : NodeAttributes(NodeData())) Key(out, a.name, "node", a.name, a.type);
  std::vector<std::string> edge_ids;  // in the order EdgeAttributes gives them
  std::vector<Attribute> attributes;
  EdgeAttributes(EdgeData(), &attributes);
  for (const char* name : kEdgeExtras) Key(out, EdgeKeyId(name), "edge", name, "string");
  for (const Attribute& a : attributes) {
    edge_ids.push_back(EdgeKeyId(a.name));
    Key(out, edge_ids.back(), "edge", a.name, a.type);
  }
  const std::string label_id = EdgeKeyId("label"), interaction_id = EdgeKeyId("interaction"),
                    name_id = EdgeKeyId("name");
  out << "  <graph id=\"nasij\" edgedefault=\"directed\">\n";
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeData& n = g[v];
    out << "    <node id=\"" << xml::Escape(n.id) << "\">\n";
    Data(out, "label", n.label);
    Data(out, "name", n.label);
    for (const Attribute& a : NodeAttributes(n)) Data(out, a.name, a.value);
    out << "    </node>\n";
  }
  size_t id = 0;
  Status s = graph.ForEachEdge([&](size_t source, size_t target, const EdgeData& d) {
    out << "    <edge id=\"e" << id++ << "\" source=\"" << xml::Escape(g[source].id) << "\" target=\""
        << xml::Escape(g[target].id) << "\">\n";
    const std::string& interaction = d.lemma.empty() ? d.relation : d.lemma;
    Data(out, label_id, d.relation);
    Data(out, interaction_id, interaction);
    Data(out, name_id, g[source].label + " (" + interaction + ") " + g[target].label);
    EdgeAttributes(d, &attributes);
    for (size_t k = 0; k < attributes.size(); ++k) Data(out, edge_ids[k], attributes[k].value);
    out << "    </edge>\n";
    return out.good();
  });
  if (!s.ok()) return s;
  out << "  </graph>\n</graphml>\n";
  return out.good() ? Status::OK() : Status::IOError("write failed");
}

}  // namespace nasij
