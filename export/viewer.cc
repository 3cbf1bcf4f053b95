#include "export/viewer.h"

// Linked in by export/CMakeLists.txt: the page and its libraries (sigma.js,
// graphology) as vendored from the npm registry at build time.
extern "C" const char nasij_viewer_html_begin[], nasij_viewer_html_end[];
extern "C" const char nasij_viewer_libraries_js_begin[], nasij_viewer_libraries_js_end[];

namespace nasij {

namespace {

void Replace(std::string* page, std::string_view marker, std::string_view with) {
  const size_t at = page->find(marker);
  if (at != std::string::npos) page->replace(at, marker.size(), with);
}

}  // namespace

ViewerPageParts ViewerPageAroundGraph() {
  std::string page(nasij_viewer_html_begin, nasij_viewer_html_end);
  Replace(&page, "/*NASIJ_LIBRARIES*/",
          std::string_view(nasij_viewer_libraries_js_begin,
                            nasij_viewer_libraries_js_end - nasij_viewer_libraries_js_begin));
  constexpr std::string_view kGraph = "/*NASIJ_DATA*/null";
  const size_t at = page.find(kGraph);
  if (at == std::string::npos) return {page, ""};
  return {page.substr(0, at), page.substr(at + kGraph.size())};
}

std::string ViewerPage(std::string_view graph_json) {
  ViewerPageParts parts = ViewerPageAroundGraph();
  return parts.before + std::string(graph_json) + parts.after;
}

}  // namespace nasij
