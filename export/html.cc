// The HTML export: the viewer page (export/viewer/viewer.html) with
// Cytoscape.js and the graph inlined, so that it opens without a network.
#include <sstream>

#include "export/export.h"
#include "export/viewer.h"

namespace nasij {

Status WriteHtml(const KnowledgeGraph& graph, std::ostream& out) {
  std::ostringstream data;
  Status s = WriteCytoscapeJson(graph, data);
  if (!s.ok()) return s;
  // "</script>" inside a label must not end the script: '<' is escaped.
  std::string json;
  for (char c : data.str()) {
    if (c == '<') {
      json += "\\u003c";
    } else {
      json += c;
    }
  }
  out << ViewerPage(json);
  return out.good() ? Status::OK() : Status::Error("write failed");
}

}  // namespace nasij
