// GEXF 1.3, Gephi's own format. Unlike GraphML it has an edge "kind", which
// Gephi keeps apart when it merges parallel edges on import, so two
// relations between one pair stay two edges there without asking the user.
#include "export/attributes.h"
#include "export/export.h"
#include "export/xml.h"

namespace nasij {

namespace {

void Declare(std::ostream& out, const char* element_class, const std::vector<Attribute>& attributes) {
  out << "    <attributes class=\"" << element_class << "\">\n";
  for (const Attribute& a : attributes) {
    // GEXF spells GraphML's int "integer".
    const std::string type = std::string(a.type) == "int" ? "integer" : a.type;
    out << "      <attribute id=\"" << a.name << "\" title=\"" << a.name << "\" type=\"" << type << "\"/>\n";
  }
  out << "    </attributes>\n";
}

void Values(std::ostream& out, const std::vector<Attribute>& attributes) {
  out << "        <attvalues>\n";
  for (const Attribute& a : attributes) {
    out << "          <attvalue for=\"" << a.name << "\" value=\"" << xml::Escape(a.value) << "\"/>\n";
  }
  out << "        </attvalues>\n";
}

}  // namespace

Status WriteGexf(SelectedGraph& graph, std::ostream& out) {
  const SelectedGraph::Shape& g = graph.shape();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
         "  <meta><creator>nasij</creator></meta>\n"
         "  <graph defaultedgetype=\"directed\">\n";
  Declare(out, "node", NodeAttributes(NodeData()));
  std::vector<Attribute> attributes;
  EdgeAttributes(EdgeData(), &attributes);
  Declare(out, "edge", attributes);
  out << "    <nodes>\n";
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeData& n = g[v];
    out << "      <node id=\"" << xml::Escape(n.id) << "\" label=\"" << xml::Escape(n.label) << "\">\n";
    Values(out, NodeAttributes(n));
    out << "      </node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  size_t id = 0;
  Status s = graph.ForEachEdge([&](size_t source, size_t target, const EdgeData& d) {
    // The weight is how many extractions support the edge, so that Gephi
    // draws an often-written relation thicker.
    out << "      <edge id=\"" << id++ << "\" source=\"" << xml::Escape(g[source].id) << "\" target=\""
        << xml::Escape(g[target].id) << "\" label=\"" << xml::Escape(d.relation) << "\" kind=\""
        << xml::Escape(d.lemma.empty() ? d.relation : d.lemma) << "\" weight=\"" << d.sources << "\">\n";
    EdgeAttributes(d, &attributes);
    Values(out, attributes);
    out << "      </edge>\n";
    return out.good();
  });
  if (!s.ok()) return s;
  out << "    </edges>\n  </graph>\n</gexf>\n";
  return out.good() ? Status::OK() : Status::IOError("write failed");
}

}  // namespace nasij
