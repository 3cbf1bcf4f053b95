// Uses the viewer as a person would, in Debian's headless Chromium: waits
// for the graph, searches a name, clicks a node, reads its triples, turns on
// English labels, expands the node's neighbours, asks for the path back to
// the entity the address opened on, clicks the link between them, and
// filters by relation and by kind. Prints what it saw as JSON for tests/cli/test_cli.py.
// Usage: drive_viewer.js URL SEARCH NODE_TO_CLICK SCREENSHOT
"use strict";
const chromium = require("./chromium");

const [url, query, clicked, screenshot] = process.argv.slice(2);

chromium.drive(async page => {
  await page.goto(url);
  await page.waitForFunction(() => /^\d+ nodes, \d+ edges$/.test(document.getElementById("status").textContent) &&
                                   times.laidOut);
  const seen = { status: await page.textContent("#status") };
  // The node with the most links: the entity the address asked for.
  const centre = await page.evaluate(() => graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a))[0]);

  await page.fill("#search", query);
  seen.searchHits = await page.evaluate(() => searchHits);
  await page.waitForSelector("#details .triple");  // what the search opened, before it is cleared

  // A real click on the node, where the graph draws it.
  const where = await chromium.nodeOnScreen(page, clicked);
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
  await page.waitForFunction(() => times.laidOut);

  await page.waitForSelector("#path-to");
  await page.fill("#path-to", await page.evaluate(id => entities.get(id).label, centre));
  await page.click("#path");
  await page.waitForSelector("#details h3.path");
  seen.pathTriples = await page.$$eval("#details .triple", ts => ts.map(t => t.textContent));

  // A real click halfway along the link between the node and the centre,
  // zoomed in so that the link is long.
  const searched = centre;
  // The path was brought into view, and laid out if it added nodes.
  await page.waitForFunction(() => !renderer.getCamera().isAnimated() && times.laidOut);
  await page.evaluate(([a, b]) => {
    const p = renderer.getNodeDisplayData(a), q = renderer.getNodeDisplayData(b);
    renderer.getCamera().setState({ x: (p.x + q.x) / 2, y: (p.y + q.y) / 2, ratio: 0.05 });
  }, [clicked, searched]);
  await page.waitForTimeout(100);
  const at = await page.evaluate(([a, b]) => {
    const p = renderer.graphToViewport(graph.getNodeAttributes(a)), q = renderer.graphToViewport(graph.getNodeAttributes(b));
    const box = document.getElementById("graph").getBoundingClientRect();
    return { x: box.left + (p.x + q.x) / 2, y: box.top + (p.y + q.y) / 2 };
  }, [clicked, searched]);
  await page.mouse.click(at.x, at.y);
  await page.waitForSelector("#details h3.pair");
  seen.pairTriples = await page.$$eval("#details .triple", ts => ts.map(t => t.textContent));
  seen.pairExpected = await page.evaluate(([a, b]) => graph.getEdgeAttribute(graph.edge(a, b), "triples").length, [clicked, searched]);
  await page.keyboard.press("Escape");  // nothing selected: every link shows

  const shown = () => page.evaluate(() => ({
    links: graph.filterEdges(e => !renderer.getEdgeDisplayData(e).hidden).length,
    nodes: graph.filterNodes(n => !renderer.getNodeDisplayData(n).hidden).length,
  }));
  const relation = await page.$eval("#relation option:nth-child(2)", o => o.value);
  await page.selectOption("#relation", relation);
  seen.relationFilter = { relation, ...(await shown()),
    expected: await page.evaluate(r => graph.filterEdges((e, a) => a.triples.some(id => (triples.get(id).lemma || triples.get(id).relation) === r)).length, relation) };
  await page.selectOption("#relation", "");
  await page.uncheck('#kinds input[data-kind="CONCEPT"]');
  seen.kindFilter = { ...(await shown()), expected: await page.evaluate(() => graph.filterNodes((n, a) => a.kind !== "CONCEPT").length) };
  await page.check('#kinds input[data-kind="CONCEPT"]');
  await page.screenshot({ path: screenshot });
  return seen;
});
