// The viewer page, shared by the HTML export and `nasij serve`.
#ifndef NASIJ_EXPORT_VIEWER_H_
#define NASIJ_EXPORT_VIEWER_H_

#include <string>
#include <string_view>

namespace nasij {

// The page with sigma.js and graphology inlined and `graph_json`
// (Cytoscape.js elements, the json export) as its graph; with "null", the page asks nasij serve's API.
std::string ViewerPage(std::string_view graph_json);

// The same page cut where its graph goes: before + graph JSON + after.
struct ViewerPageParts {
  std::string before, after;
};
ViewerPageParts ViewerPageAroundGraph();

}  // namespace nasij

#endif  // NASIJ_EXPORT_VIEWER_H_
