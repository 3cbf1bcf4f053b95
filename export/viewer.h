// The viewer page, shared by the HTML export and `nasij serve`.
#ifndef NASIJ_EXPORT_VIEWER_H_
#define NASIJ_EXPORT_VIEWER_H_

#include <string>
#include <string_view>

namespace nasij {

// The page with Cytoscape.js inlined and `graph_json` (Cytoscape.js
// elements) as its graph; with "null", the page asks nasij serve's API.
std::string ViewerPage(std::string_view graph_json);

}  // namespace nasij

#endif  // NASIJ_EXPORT_VIEWER_H_
