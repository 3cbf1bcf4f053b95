// The viewer page, shared by the HTML export and `nasij serve`.
#ifndef NASIJ_EXPORT_VIEWER_H_
#define NASIJ_EXPORT_VIEWER_H_

#include <string>
#include <string_view>

namespace nasij {

// The page with sigma.js and graphology inlined, cut where its graph goes
// (Cytoscape.js elements, the json export): before + graph JSON + after.
struct ViewerPageParts {
  std::string before, after;
};
ViewerPageParts ViewerPageAroundGraph();

// The page `nasij serve` serves: without a graph (it asks the API), and
// with its libraries, ViewerLibraries(), loaded from `libraries_url`.
std::string ServedViewerPage(std::string_view libraries_url);
std::string_view ViewerLibraries();

}  // namespace nasij

#endif  // NASIJ_EXPORT_VIEWER_H_
