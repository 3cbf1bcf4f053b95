// The layouts the viewer uses, bundled by esbuild into the global `layouts`:
// graphology-library's browser build carries them among 150 KB of what the
// page never calls, which every page paid for in script parsing.
window.layouts = {
  forceAtlas2: require("graphology-layout-forceatlas2"),
  FA2Layout: require("graphology-layout-forceatlas2/worker"),
  noverlap: require("graphology-layout-noverlap"),
};
