// Uses the viewer as a person would, in Debian's headless Chromium: waits
// for the graph, searches a name, clicks a node, reads its triples, turns on
// English labels and expands the node's neighbours. Prints what it saw as
// JSON for tests/cli/test_cli.py.
// Usage: drive_viewer.js URL SEARCH NODE_TO_CLICK SCREENSHOT
"use strict";
const { chromium } = require("playwright-core");

const [url, query, clicked, screenshot] = process.argv.slice(2);

async function main() {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = [];
    page.on("pageerror", e => errors.push(String(e)));
    await page.goto(url);
    await page.waitForFunction(() => /^\d+ nodes, \d+ edges$/.test(document.getElementById("status").textContent) &&
                                     times.laidOut);
    const seen = { status: await page.textContent("#status") };

    await page.fill("#search", query);
    seen.searchHits = await page.evaluate(() => searchHits);
    await page.waitForSelector("#details .triple");  // what the search opened, before it is cleared

    // A real click on the node, where the graph draws it; zoomed in on it
    // first, as a person would, so that no neighbour overlaps it.
    await page.evaluate(id => {
      const at = renderer.getNodeDisplayData(id);
      renderer.getCamera().setState({ x: at.x, y: at.y, ratio: 0.2 });
    }, clicked);
    await page.waitForTimeout(100);  // the camera's move is drawn on the next frame
    const where = await page.evaluate(id => {
      const p = renderer.graphToViewport(graph.getNodeAttributes(id));
      const box = document.getElementById("graph").getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, clicked);
    await page.evaluate(() => { document.getElementById("details").innerHTML = ""; });
    await page.mouse.click(where.x, where.y);
    await page.waitForSelector("#details .triple");
    seen.heading = await page.textContent("#details h3");
    seen.triples = await page.$$eval("#details .triple", ts => ts.map(t => t.textContent));
    seen.groups = await page.$$eval("#details .group", gs => gs.map(g => g.textContent));
    seen.headingDirection = await page.$eval("#details h3", h => getComputedStyle(h.querySelector(".ar") || h).direction);

    await page.check("#english");
    seen.englishLabel = await page.evaluate(id => graph.getNodeAttribute(id, "fullLabel"), clicked);

    seen.nodesBeforeExpanding = await page.evaluate(() => graph.order);
    await page.click("#expand");
    await page.waitForFunction(n => graph.order > n, seen.nodesBeforeExpanding);
    seen.status = await page.textContent("#status");
    seen.nodesAfterExpanding = await page.evaluate(() => graph.order);
    await page.screenshot({ path: screenshot });
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
