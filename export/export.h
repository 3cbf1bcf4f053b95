// Writers for the formats users load elsewhere. Each streams to an ostream.
#ifndef NASIJ_EXPORT_EXPORT_H_
#define NASIJ_EXPORT_EXPORT_H_

#include <ostream>
#include <string_view>

#include "common/status.h"
#include "graph/graph.h"

namespace nasij {

enum class ExportFormat { kGraphML, kCytoscapeJson };
bool ParseExportFormat(std::string_view name, ExportFormat* format);

// GraphML that networkx, igraph, Gephi and Cytoscape read with every
// attribute: typed keys, true/false booleans, full-precision doubles, text
// stripped of characters XML forbids.
Status WriteGraphML(const KnowledgeGraph& graph, std::ostream& out);

// Cytoscape.js elements: {"elements": {"nodes": [{"data": …}], "edges": […]}}.
Status WriteCytoscapeJson(const KnowledgeGraph& graph, std::ostream& out);

Status WriteGraph(const KnowledgeGraph& graph, ExportFormat format, std::ostream& out);

}  // namespace nasij

#endif  // NASIJ_EXPORT_EXPORT_H_
