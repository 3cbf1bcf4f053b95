// The libraries the viewer page calls, bundled by esbuild into one script
// that sets the globals below: graphology (the graph), sigma.js (its WebGL
// drawing) and graphology's ForceAtlas2 (in the page or a web worker) and
// noverlap layouts. Bundled, only what the page calls is kept: the browser
// builds it replaces, joined, were 282 KB to this 181 KB, which every page
// paid for in script parsing before its first draw.
import { Graph } from "graphology";
import Sigma from "sigma";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import noverlap from "graphology-layout-noverlap";

window.graphology = { Graph };
window.Sigma = { Sigma };
window.layouts = { forceAtlas2, FA2Layout, noverlap };
