// The libraries the viewer page calls, bundled by esbuild into one script
// that sets the globals below: graphology (the graph), sigma.js (its WebGL
// drawing) and graphology's ForceAtlas2 (in the page or a web worker) and
// noverlap layouts. Sigma's own browser build, not its ES module one: that
// one spreads objects with Babel's helpers, and drew 5,000 nodes in a
// median 0.7-0.8 s where this one takes 0.4 s.
import { Graph } from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import noverlap from "graphology-layout-noverlap";

// Sigma's browser build makes its two programs for image nodes as it is
// read, and each makes a WebGL context only to read the largest texture
// size: two contexts the GPU process makes, and the page waits for, before
// the first draw, for programs the viewer never uses (it draws no images).
// While the build is read, a WebGL context asked for answers that size itself.
const getContext = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = function (type, ...options) {
  if (type !== "webgl") return getContext.call(this, type, ...options);
  return { canvas: this, MAX_TEXTURE_SIZE: WebGLRenderingContext.MAX_TEXTURE_SIZE, getParameter: () => 4096 };
};
let Sigma;
try {
  ({ Sigma } = require("./node_modules/sigma/dist/sigma.min.js"));  // a path sigma's package does not export
} finally {
  HTMLCanvasElement.prototype.getContext = getContext;
}

window.graphology = { Graph };
window.Sigma = { Sigma };
window.layouts = { forceAtlas2, FA2Layout, noverlap };
