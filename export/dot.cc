// Graphviz: `dot -Tsvg` renders it. Node and edge attributes other than
// label are kept as attributes Graphviz carries but does not draw.
#include "common/printable.h"
#include "export/export.h"
#include "export/text.h"

namespace nasij {

namespace {

// Text inside a DOT string: quotes and backslashes escaped, and control
// characters shown as escapes (a NUL makes Graphviz refuse the file).
std::string Escaped(std::string_view s) {
  std::string out;
  for (char c : Printable(ValidUtf8(s))) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// A double-quoted DOT string.
std::string Quoted(std::string_view s) { return "\"" + Escaped(s) + "\""; }

}  // namespace

Status WriteDot(SelectedGraph& graph, std::ostream& out) {
  const SelectedGraph::Shape& g = graph.shape();
  out << "digraph nasij {\n  graph [charset=\"UTF-8\"];\n  node [shape=box, style=rounded];\n";
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeData& n = g[v];
    // The label's two names on two lines: DOT's \n.
    const std::string label = Escaped(n.label) + (n.label_en.empty() ? "" : "\\n" + Escaped(n.label_en));
    out << "  " << Quoted(n.id) << " [label=\"" << label << "\", kind=" << Quoted(n.kind) << ", degree=" << n.degree
        << ", pagerank=" << FullPrecision(n.pagerank) << ", component=" << n.component << "];\n";
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
