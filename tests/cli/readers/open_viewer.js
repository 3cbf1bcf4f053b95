// Opens the viewer in Debian's headless Chromium (WebGL rendered in software
// by SwiftShader), in a browser already running with WebGL started as a
// person's would be, and prints as JSON what it drew and how fast: the
// page's times (ms from asking for it to the first draw, and to the layout
// settled), the drawn nodes, links and labels, the notice, page errors and
// the bytes it took; once the layout has settled, with --pan SECONDS the
// drawings per second while the view is dragged about, with --click ID what
// the panel shows for that node, with --click-after-pan ID the heading of
// the panel that a real click where that node is drawn opens after the view
// was dragged (a click that slips a pixel, as a person's may), with
// --screenshot PATH a picture.
// Used by tests/cli/test_cli.py and bench/viewer_bench.py; a page of another
// renderer that sets `times` alike can be measured too.
// Usage: open_viewer.js URL [--pan SECONDS] [--click ID] [--click-after-pan ID] [--screenshot PATH]
"use strict";
const chromium = require("./chromium");

const [url, ...rest] = process.argv.slice(2);
const option = name => (rest.indexOf(name) >= 0 ? rest[rest.indexOf(name) + 1] : undefined);

// Drags the view in circles for `seconds`, counting how often the page
// draws the moved view (sigma.js's afterRender, Cytoscape.js's render) and
// how many mouse moves it took in.
async function pan(page, seconds) {
  const box = await page.$eval("#graph", g => { const r = g.getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; });
  await page.evaluate(() => {
    window.redraws = 0;
    const count = () => { window.redraws++; };
    if (typeof renderer !== "undefined") renderer.on("afterRender", count);
    else cy.on("render", count);
  });
  const start = Date.now();
  const cx = box.x + box.w / 2, cy = box.y + box.h / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  let moves = 0;
  while (Date.now() - start < seconds * 1000) {
    await page.mouse.move(cx + 200 * Math.sin(moves / 10), cy + 150 * Math.cos(moves / 10));
    ++moves;
  }
  await page.mouse.up();
  const elapsed = (Date.now() - start) / 1000;
  return { seconds: elapsed, framesPerSecond: (await page.evaluate(() => window.redraws)) / elapsed,
           movesPerSecond: moves / elapsed };
}

chromium.drive(async page => {
  await page.setContent("<canvas></canvas>");
  await page.$eval("canvas", c => c.getContext("webgl2").clear(0));
  const opened = Date.now();
  await page.goto(url, { waitUntil: "commit", timeout: 600000 });
  await page.waitForFunction(() => typeof times !== "undefined" && times.firstDraw, null, { timeout: 600000 });
  // A page of another renderer (bench/viewer_bench.py's Cytoscape.js page)
  // gives its times only.
  const seen = await page.evaluate(() => typeof renderer === "undefined" ? { firstDrawMs: times.firstDraw, times } : ({
    firstDrawMs: times.firstDraw, times, status: document.getElementById("status").textContent,
    notice: document.getElementById("notice").textContent, drawnNodes: graph.order, drawnLinks: graph.size,
    mergedLinks: graph.filterEdges((e, a) => a.triples.length > 1).length,
    triplesDrawn: graph.reduceEdges((n, e, a) => n + a.triples.length, 0),
    kindsDrawn: [...new Set(graph.mapNodes((n, a) => a.kind))].sort(),
    labelsDrawn: renderer.getNodeDisplayedLabels().size,
    webgl: (() => { const gl = document.createElement("canvas").getContext("webgl2"); const i = gl && gl.getExtension("WEBGL_debug_renderer_info"); return i ? gl.getParameter(i.UNMASKED_RENDERER_WEBGL) : String(!!gl); })(),
  }));
  seen.wallToFirstDrawMs = Date.now() - opened;
  await page.waitForFunction(() => times.laidOut, null, { timeout: 600000 });
  seen.laidOutMs = await page.evaluate(() => times.laidOut);
  if (option("--pan")) seen.pan = await pan(page, +option("--pan"));
  if (option("--click")) {
    await page.evaluate(id => select(id), option("--click"));
    await page.waitForSelector("#details .triple");
    seen.panel = {
      heading: await page.textContent("#details h3"),
      groups: await page.$$eval("#details .group", gs => gs.map(g => g.textContent)),
      triples: await page.$$eval("#details .triple", ts => ts.map(t => t.textContent)),
    };
  }
  if (option("--click-after-pan")) {
    await pan(page, 1);
    await page.waitForFunction(() => !renderer.getCamera().isAnimated());
    const where = await chromium.nodeOnScreen(page, option("--click-after-pan"));
    await page.mouse.move(where.x, where.y);
    await page.mouse.down();
    await page.mouse.move(where.x + 1, where.y);
    await page.mouse.up();
    await page.waitForSelector("#details h3");
    const heading = await page.textContent("#details h3");
    // Where nodes overlap, the one drawn on top is clicked.
    seen.clickedAfterPan = { heading, aNode: await page.evaluate(h => [...entities.values()].some(d => d.label === h), heading) };
  }
  if (option("--screenshot")) await page.screenshot({ path: option("--screenshot") });
  // What the page and what it asked for weighed, as the page itself
  // counts it (Playwright's response bodies, read as they came, missed some).
  seen.pageBytes = await page.evaluate(() => [...performance.getEntriesByType("navigation"),
                                              ...performance.getEntriesByType("resource")]
                                                 .reduce((n, e) => n + e.decodedBodySize, 0));
  return seen;
});
