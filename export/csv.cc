// Node and relationship files for `neo4j-admin database import`: headers
// name the id, label and type columns and the property types; arrays are
// separated by ';', Neo4j's default.
#include <algorithm>

#include "export/export.h"
#include "export/text.h"

namespace nasij {

namespace {

// An RFC 4180 field, quoted when it holds a comma or quote. Line breaks
// become spaces: neo4j-admin refuses them unless told --multiline-fields.
std::string Field(std::string_view s) {
  std::string text = ValidUtf8(s);
  std::replace_if(text.begin(), text.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
  if (text.find_first_of(",\"") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A relationship type: the English gloss in capitals (SUMMON, TAKE_PART),
// else the relation's lemma as written.
std::string RelationshipType(const EdgeData& d) {
  if (d.label_en.empty()) return d.lemma.empty() ? d.relation : d.lemma;
  std::string type;
  for (char c : d.label_en) type += c == ' ' || c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return type;
}

}  // namespace

Status WriteNeo4jNodes(SelectedGraph& graph, std::ostream& nodes) {
  const SelectedGraph::Shape& g = graph.shape();
  nodes << "id:ID,label,label_en,kind,aliases:string[],mentions:long,degree:int,pagerank:double,component:int,"
           ":LABEL\n";
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeData& n = g[v];
    // ';' separates the array's items, and Neo4j has no escape for it.
    const std::string aliases = JoinAliases(n.aliases, ';', ',');
    nodes << Field(n.id) << ',' << Field(n.label) << ',' << Field(n.label_en) << ',' << Field(n.kind) << ','
          << Field(aliases) << ',' << n.mentions << ',' << n.degree << ',' << FullPrecision(n.pagerank) << ','
          << n.component << ',' << Field(n.kind.empty() ? "Entity" : "Entity;" + n.kind) << '\n';
  }
  return nodes.good() ? Status::OK() : Status::IOError("write failed");
}

Status WriteNeo4jRelationships(SelectedGraph& graph, std::ostream& relationships) {
  const SelectedGraph::Shape& g = graph.shape();
  relationships << ":START_ID,:END_ID,:TYPE,relation,lemma,label_en,confidence:double,negated:boolean,modality,"
                   "sources:long,doc,sentence:int,time\n";
  Status s = graph.ForEachEdge([&](size_t source, size_t target, const EdgeData& d) {
    relationships << Field(g[source].id) << ',' << Field(g[target].id) << ',' << Field(RelationshipType(d)) << ','
                  << Field(d.relation) << ',' << Field(d.lemma) << ',' << Field(d.label_en) << ','
                  << FullPrecision(d.confidence) << ',' << (d.negated ? "true" : "false") << ',' << Field(d.modality)
                  << ',' << d.sources << ',' << Field(d.first_doc) << ',' << d.first_sentence << ','
                  << Field(d.time) << '\n';
    return relationships.good();
  });
  if (!s.ok()) return s;
  return relationships.good() ? Status::OK() : Status::IOError("write failed");
}

}  // namespace nasij
