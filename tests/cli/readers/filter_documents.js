// Opens the viewer in Debian's headless Chromium, clicks a node, reads the
// documents its triples were read in (title, link, source, day), then types
// a day into the filter bar's "from" box and reads what is drawn after the
// drawing is asked for again. Prints what it saw as JSON for
// tests/cli/test_cli.py.
// Usage: filter_documents.js URL NODE_TO_CLICK FROM_DAY
"use strict";
const chromium = require("./chromium");

const [url, clicked, fromDay] = process.argv.slice(2);

chromium.drive(async page => {
  await page.goto(url);
  const drawn = () => page.waitForFunction(() => /^\d+ nodes, \d+ edges$/.test(document.getElementById("status").textContent) &&
                                                 times.laidOut);
  await drawn();
  const seen = { nodesBefore: await page.evaluate(() => graph.nodes().sort()) };

  // A real click on the node, where the graph draws it.
  const where = await chromium.nodeOnScreen(page, clicked);
  await page.mouse.click(where.x, where.y);
  await page.waitForSelector("#details .triple");
  seen.documents = await page.$$eval("#details .doc", ds => ds.map(d => ({
    text: d.textContent, links: [...d.querySelectorAll("a")].map(a => ({ title: a.textContent, href: a.href })),
  })));

  await page.keyboard.press("Escape");
  await page.fill("#from", fromDay);
  await page.waitForFunction(day => location.search.includes("from=" + day), fromDay);
  await page.waitForFunction(() => times.laidOut);
  await drawn();
  seen.address = await page.evaluate(() => location.search);
  seen.nodesAfter = await page.evaluate(() => graph.nodes().sort());
  seen.status = await page.textContent("#status");
  return seen;
});
