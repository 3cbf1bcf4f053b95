#include "export/export.h"

namespace nasij {

namespace {

constexpr std::pair<std::string_view, ExportFormat> kFormats[] = {
    {"graphml", ExportFormat::kGraphML}, {"gexf", ExportFormat::kGexf}, {"json", ExportFormat::kCytoscapeJson},
    {"node-link", ExportFormat::kNodeLinkJson}, {"dot", ExportFormat::kDot},
    {"ntriples", ExportFormat::kNTriples}, {"turtle", ExportFormat::kTurtle},
    {"csv", ExportFormat::kCsv}, {"html", ExportFormat::kHtml},
};

}  // namespace

bool ParseExportFormat(std::string_view name, ExportFormat* format) {
  for (const auto& [n, f] : kFormats) {
    if (n == name) {
      *format = f;
      return true;
    }
  }
  return false;
}

Status WriteGraph(SelectedGraph& graph, ExportFormat format, const ExportOptions& options, std::ostream& out) {
  switch (format) {
    case ExportFormat::kGraphML: return WriteGraphML(graph, out);
    case ExportFormat::kGexf: return WriteGexf(graph, out);
    case ExportFormat::kCytoscapeJson: return WriteCytoscapeJson(graph, out);
    case ExportFormat::kNodeLinkJson: return WriteNodeLinkJson(graph, out);
    case ExportFormat::kDot: return WriteDot(graph, out);
    case ExportFormat::kNTriples: return WriteRdf(graph, options.base, false, out);
    case ExportFormat::kTurtle: return WriteRdf(graph, options.base, true, out);
    case ExportFormat::kHtml: return WriteHtml(graph, out);
    case ExportFormat::kCsv: return Status::InvalidArgument("csv writes two files: use WriteNeo4jNodes and WriteNeo4jRelationships");
  }
  return Status::InvalidArgument("unknown format");
}

}  // namespace nasij
