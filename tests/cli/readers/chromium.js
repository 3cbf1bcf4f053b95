// Debian's headless Chromium, launched one way for every viewer drive.
"use strict";
const { chromium } = require("playwright-core");

// Chromium's own choice here is SwiftShader's WebGL; naming it with
// --use-angle=swiftshader makes each WebGL context take a second.
function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
}

// Runs `steps` on a page of the viewer's usual size and prints what it
// returns, with the page's script errors, as JSON on standard output; on a
// failure prints the error and exits 1.
function drive(steps) {
  (async () => {
    const browser = await launch();
    try {
      const errors = [];
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on("pageerror", e => errors.push(String(e)));
      const seen = await steps(page);
      seen.errors = errors;
      process.stdout.write(JSON.stringify(seen));
    } finally {
      await browser.close();
    }
  })().catch(e => {
    process.stderr.write(String(e.stack || e) + "\n");
    process.exit(1);
  });
}

// Where the viewer draws node `id` on the page, zoomed in on first, as a
// person would, so that no neighbour overlaps it.
async function nodeOnScreen(page, id) {
  await page.evaluate(id => {
    const at = renderer.getNodeDisplayData(id);
    renderer.getCamera().setState({ x: at.x, y: at.y, ratio: 0.2 });
  }, id);
  await page.waitForTimeout(100);  // the camera's move is drawn on the next frame
  return page.evaluate(id => {
    const p = renderer.graphToViewport(graph.getNodeAttributes(id));
    const box = document.getElementById("graph").getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

module.exports = { drive, nodeOnScreen };
