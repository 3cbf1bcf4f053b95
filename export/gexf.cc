// GEXF 1.3, Gephi's own format. Unlike GraphML it has an edge "kind", which
// Gephi keeps apart when it merges parallel edges on import, so two
// relations between one pair stay two edges there without asking the user.
#include "export/export.h"
#include "export/text.h"
#include "export/xml.h"

namespace nasij {

namespace {

struct Attribute {
  const char* id;
  const char* type;  // GEXF's: string, integer, long, double, boolean
};

constexpr Attribute kNodeAttributes[] = {
    {"label_en", "string"}, {"kind", "string"},    {"aliases", "string"}, {"mentions", "long"},
    {"degree", "integer"},  {"pagerank", "double"}, {"component", "integer"},
};
constexpr Attribute kEdgeAttributes[] = {
    {"relation", "string"}, {"lemma", "string"},   {"label_en", "string"}, {"confidence", "double"},
    {"negated", "boolean"}, {"modality", "string"}, {"sources", "long"},    {"doc", "string"},
    {"sentence", "integer"},
};

void Declare(std::ostream& out, const char* element_class, const Attribute* begin, const Attribute* end) {
  out << "    <attributes class=\"" << element_class << "\">\n";
  for (const Attribute* a = begin; a != end; ++a)
    out << "      <attribute id=\"" << a->id << "\" title=\"" << a->id << "\" type=\"" << a->type << "\"/>\n";
  out << "    </attributes>\n";
}

void Value(std::ostream& out, const char* id, const std::string& value) {
  out << "          <attvalue for=\"" << id << "\" value=\"" << xml::Escape(value) << "\"/>\n";
}

}  // namespace

Status WriteGexf(SelectedGraph& graph, std::ostream& out) {
  const SelectedGraph::Shape& g = graph.shape();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
         "  <meta><creator>nasij</creator></meta>\n"
         "  <graph defaultedgetype=\"directed\">\n";
  Declare(out, "node", std::begin(kNodeAttributes), std::end(kNodeAttributes));
  Declare(out, "edge", std::begin(kEdgeAttributes), std::end(kEdgeAttributes));
  out << "    <nodes>\n";
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeData& n = g[v];
    out << "      <node id=\"" << xml::Escape(n.id) << "\" label=\"" << xml::Escape(n.label) << "\">\n"
        << "        <attvalues>\n";
    Value(out, "label_en", n.label_en);
    Value(out, "kind", n.kind);
    Value(out, "aliases", JoinAliases(n.aliases, '|', '/'));
    Value(out, "mentions", std::to_string(n.mentions));
    Value(out, "degree", std::to_string(n.degree));
    Value(out, "pagerank", FullPrecision(n.pagerank));
    Value(out, "component", std::to_string(n.component));
    out << "        </attvalues>\n      </node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  size_t id = 0;
  Status s = graph.ForEachEdge([&](size_t source, size_t target, const EdgeData& d) {
    // The weight is how many extractions support the edge, so that Gephi
    // draws an often-written relation thicker.
    out << "      <edge id=\"" << id++ << "\" source=\"" << xml::Escape(g[source].id) << "\" target=\""
        << xml::Escape(g[target].id) << "\" label=\"" << xml::Escape(d.relation) << "\" kind=\""
        << xml::Escape(d.lemma.empty() ? d.relation : d.lemma) << "\" weight=\"" << d.sources << "\">\n"
        << "        <attvalues>\n";
    Value(out, "relation", d.relation);
    Value(out, "lemma", d.lemma);
    Value(out, "label_en", d.label_en);
    Value(out, "confidence", FullPrecision(d.confidence));
    Value(out, "negated", d.negated ? "true" : "false");
    Value(out, "modality", d.modality);
    Value(out, "sources", std::to_string(d.sources));
    Value(out, "doc", d.first_doc);
    Value(out, "sentence", std::to_string(d.first_sentence));
    out << "        </attvalues>\n      </edge>\n";
    return out.good();
  });
  if (!s.ok()) return s;
  out << "    </edges>\n  </graph>\n</gexf>\n";
  return out.good() ? Status::OK() : Status::Error("write failed");
}

}  // namespace nasij
