// Opens the viewer in Debian's headless Chromium (WebGL rendered in software
// by SwiftShader), in a browser already running with WebGL started as a
// person's would be, and prints as JSON what it drew and how fast: the
// page's times (ms from asking for it to the first draw, and to the layout
// settled), the drawn nodes, links and labels, the notice, page errors and
// the bytes it took; once the layout has settled, with --pan SECONDS the
// frames per second while the view is dragged about, with --click ID what
// the panel shows for that node, with --screenshot PATH a picture.
// Used by tests/cli/test_cli.py and bench/viewer_bench.py.
// Usage: open_viewer.js URL [--pan SECONDS] [--click ID] [--screenshot PATH]
"use strict";
const { chromium } = require("playwright-core");

const [url, ...rest] = process.argv.slice(2);
const option = name => (rest.indexOf(name) >= 0 ? rest[rest.indexOf(name) + 1] : undefined);

async function pan(page, seconds) {
  const box = await page.$eval("#graph", g => { const r = g.getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; });
  await page.evaluate(() => {
    window.frames = 0;
    const count = () => { window.frames++; requestAnimationFrame(count); };
    requestAnimationFrame(count);
    renderer.on("afterRender", () => { window.renders = (window.renders || 0) + 1; });
  });
  const start = Date.now();
  const cx = box.x + box.w / 2, cy = box.y + box.h / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; Date.now() - start < seconds * 1000; ++i) {
    await page.mouse.move(cx + 200 * Math.sin(i / 10), cy + 150 * Math.cos(i / 10));
  }
  await page.mouse.up();
  const elapsed = (Date.now() - start) / 1000;
  const counted = await page.evaluate(() => ({ frames: window.frames, renders: window.renders || 0 }));
  return { seconds: elapsed, framesPerSecond: counted.frames / elapsed, drawsPerSecond: counted.renders / elapsed };
}

async function main() {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    // Chromium's own choice here is SwiftShader's WebGL; naming it with
    // --use-angle=swiftshader makes each WebGL context take a second.
    args: ["--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.setContent("<canvas></canvas>");
    await page.$eval("canvas", c => c.getContext("webgl2").clear(0));
    const errors = [];
    page.on("pageerror", e => errors.push(String(e)));
    let bytes = 0;
    page.on("response", async r => { try { bytes += (await r.body()).length; } catch { /* a redirect has no body */ } });
    const opened = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => typeof times !== "undefined" && times.firstDraw, null, { timeout: 120000 });
    const seen = await page.evaluate(() => ({
      firstDrawMs: times.firstDraw, times, status: document.getElementById("status").textContent,
      notice: document.getElementById("notice").textContent, drawnNodes: graph.order, drawnLinks: graph.size,
      mergedLinks: graph.filterEdges((e, a) => a.triples.length > 1).length,
      triplesDrawn: graph.reduceEdges((n, e, a) => n + a.triples.length, 0),
      kindsDrawn: [...new Set(graph.mapNodes((n, a) => a.kind))].sort(),
      labelsDrawn: renderer.getNodeDisplayedLabels().size,
      webgl: (() => { const gl = document.createElement("canvas").getContext("webgl2"); const i = gl && gl.getExtension("WEBGL_debug_renderer_info"); return i ? gl.getParameter(i.UNMASKED_RENDERER_WEBGL) : String(!!gl); })(),
    }));
    seen.wallToFirstDrawMs = Date.now() - opened;
    await page.waitForFunction(() => times.laidOut, null, { timeout: 120000 });
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
    if (option("--screenshot")) await page.screenshot({ path: option("--screenshot") });
    seen.pageBytes = bytes;
    seen.errors = errors;
    process.stdout.write(JSON.stringify(seen));
  } finally {
    await browser.close();
  }
}

main().catch(e => {
  process.stderr.write(String(e.stack || e) + "\n");
  process.exit(1);
});
