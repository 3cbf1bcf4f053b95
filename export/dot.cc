// Graphviz: `dot -Tsvg` renders it. Node and edge attributes other than
// label are kept as attributes Graphviz carries but does not draw.
#include "export/export.h"
#include "export/text.h"

namespace nasij {

namespace {

// A double-quoted DOT string.
std::string Quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : ValidUtf8(s)) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace

Status WriteDot(SelectedGraph& graph, std::ostream& out) {
  const SelectedGraph::Shape& g = graph.shape();
  out << "digraph nasij {\n  graph [charset=\"UTF-8\"];\n  node [shape=box, style=rounded];\n";
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeData& n = g[v];
    out << "  " << Quoted(n.id) << " [label=" << Quoted(n.label_en.empty() ? n.label : n.label + "\n" + n.label_en)
        << ", kind=" << Quoted(n.kind) << ", degree=" << n.degree << ", pagerank=" << FullPrecision(n.pagerank)
        << ", component=" << n.component << "];\n";
  }
  Status s = graph.ForEachEdge([&](size_t source, size_t target, const EdgeData& d) {
    out << "  " << Quoted(g[source].id) << " -> " << Quoted(g[target].id) << " [label=" << Quoted(d.relation)
        << ", lemma=" << Quoted(d.lemma) << ", label_en=" << Quoted(d.label_en)
        << ", confidence=" << FullPrecision(d.confidence) << ", negated=" << (d.negated ? "true" : "false")
        << ", modality=" << Quoted(d.modality) << ", sources=" << d.sources << (d.negated ? ", style=dashed" : "")
        << "];\n";
    return out.good();
  });
  if (!s.ok()) return s;
  out << "}\n";
  return out.good() ? Status::OK() : Status::IOError("write failed");
}

}  // namespace nasij
