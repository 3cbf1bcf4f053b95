#include "export/viewer.h"

// Linked in by export/CMakeLists.txt: the page and its libraries (sigma.js,
// graphology) as vendored from the npm registry at build time.
extern "C" const char nasij_viewer_html_begin[], nasij_viewer_html_end[];
extern "C" const char nasij_viewer_libraries_js_begin[], nasij_viewer_libraries_js_end[];

namespace nasij {

namespace {

// Where viewer.html takes its libraries, and where its graph.
constexpr std::string_view kLibrariesScript = "<script>/*NASIJ_LIBRARIES*/</script>";
constexpr std::string_view kGraph = "/*NASIJ_DATA*/null";

// viewer.html with `script` (a <script> element) for its libraries.
std::string PageWithLibraries(std::string_view script) {
  std::string page(nasij_viewer_html_begin, nasij_viewer_html_end);
  const size_t at = page.find(kLibrariesScript);
  if (at != std::string::npos) page.replace(at, kLibrariesScript.size(), script);
  return page;
}

}  // namespace

std::string_view ViewerLibraries() {
  return std::string_view(nasij_viewer_libraries_js_begin,
                          nasij_viewer_libraries_js_end - nasij_viewer_libraries_js_begin);
}

ViewerPageParts ViewerPageAroundGraph() {
  std::string page = PageWithLibraries("<script>" + std::string(ViewerLibraries()) + "</script>");
  const size_t at = page.find(kGraph);
  if (at == std::string::npos) return {page, ""};
  return {page.substr(0, at), page.substr(at + kGraph.size())};
}

// The graph stays null: the page asks the API for it.
std::string ServedViewerPage(std::string_view libraries_url) {
  return PageWithLibraries("<script src=\"" + std::string(libraries_url) + "\"></script>");
}

}  // namespace nasij
