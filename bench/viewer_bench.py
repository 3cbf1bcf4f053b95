"""The viewer in headless Chromium, which renders WebGL in software here
(SwiftShader): time to the first draw of the served overview and of a
neighbourhood of about 400 nodes on a store of the 3,000 real Arabic articles
of ../shared/realnews/ant-ar.jsonl (skipped when it is not there), and the
whole store as one HTML export; then 5,000 and 50,000 generated nodes with
twice as many edges, drawn by sigma.js and by Cytoscape.js's canvas with the
same positions, panned for a few seconds. Prints each figure; minutes, never part
of `make test`.

Each figure is given for NASIJ_BIN and, with --baseline, for another build
on the same stores in the same run.

Usage: viewer_bench.py NASIJ_BIN [--runs N] [--pan SECONDS] [--baseline OTHER_BIN]
Needs playwright-core in NASIJ_READERS (default build/tests/readers/node_modules), which the build fetches.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "cli"))
import generated_graph  # noqa: E402

READERS = os.environ.get("NASIJ_READERS", os.path.join(ROOT, "build", "tests", "readers", "node_modules"))
REAL_NEWS = os.path.join(ROOT, "..", "shared", "realnews", "ant-ar.jsonl")


def start_server(binary, db):
    """`nasij serve` on a free port: the process and its base URL."""
    import re
    server = subprocess.Popen([binary, "serve", "--db", db, "--port", "0"], stderr=subprocess.PIPE, text=True)
    return server, re.search(r"http://[0-9.]+:[0-9]+", server.stderr.readline()).group(0)


def open_viewer(url, *options):
    r = subprocess.run(["node", os.path.join(ROOT, "tests", "cli", "readers", "open_viewer.js"), url, *options],
                       capture_output=True, text=True, timeout=900, env={**os.environ, "NODE_PATH": READERS})
    if r.returncode != 0:
        raise RuntimeError(r.stderr[-2000:])
    seen = json.loads(r.stdout)
    if seen["errors"]:
        raise RuntimeError("page errors: %s" % seen["errors"])
    return seen


def ms(value):
    return "%.0f ms" % value


def first_draws(url, runs):
    """The first draw of `url` `runs` times, each in a new browser: all of them, and the page of the last."""
    seen = [open_viewer(url) for _ in range(runs)]
    return [s["times"]["firstDraw"] for s in seen], seen[-1]


def nasij(binary, *args):
    subprocess.run([binary, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def timeline(page):
    """Where a first draw's time went: the answer fetched, the graph loaded into the page, drawn, its frame
    begun, and the next frame begun, once the first was composited (in software here, which reads back each
    WebGL canvas)."""
    t = page["times"]
    return "answer fetched %s, loaded %s, drawn %s, first frame %s, next frame %s" % tuple(
        ms(t[name]) if name in t else "-" for name in ("fetched", "loaded", "drawn", "firstDraw", "nextFrame"))


def alternated(servers, path, runs):
    """First draws of `path` `runs` times on each server, the servers taking turns (the machine's load
    changes over minutes): by server name, the draws and the pages."""
    seen = {name: [] for name in servers}
    for _ in range(runs):
        for name, (_, base) in servers.items():
            seen[name].append(open_viewer(base + path))
    return {name: ([s["times"]["firstDraw"] for s in pages], pages) for name, pages in seen.items()}


def next_frames(pages):
    """The median time to the frame after the first draw, begun once the first was composited, and its range."""
    frames = [p["times"]["nextFrame"] for p in pages if "nextFrame" in p["times"]]
    return "next frame median %s (%s–%s)" % (ms(statistics.median(frames)), ms(min(frames)), ms(max(frames))) \
        if frames else "no next frame timed"


def real_news(binaries, tmp, runs):
    store = os.path.join(tmp, "ar")
    started = time.time()
    nasij(binaries[0][1], "ingest", "--db", store, REAL_NEWS)
    print("store: 3,000 real Arabic articles ingested in %.0f s" % (time.time() - started))
    servers, dbs = {}, {}
    try:
        for name, binary in binaries:
            # Each build on a copy of its own: the visit after an ingest adds to the store.
            dbs[name] = os.path.join(tmp, "ar-" + name)
            shutil.copytree(store, dbs[name])
            servers[name] = start_server(binary, dbs[name])
            draws, page = first_draws(servers[name][1] + "/", 1)
            print("%s: overview, first visit after the server started: first draw %s (%s); %d nodes, %d links "
                  "drawn, %d labels" % (name, ms(draws[0]), timeline(page), page["drawnNodes"], page["drawnLinks"],
                                        page["labelsDrawn"]))
        for name, (draws, pages) in alternated(servers, "/", runs).items():
            print("%s: overview, later visits: first draw %s (median of %d; %s), %s; page weight %d KB"
                  % (name, ms(statistics.median(draws)), runs, ", ".join(ms(d) for d in draws), next_frames(pages),
                     pages[-1]["pageBytes"] // 1024))
        for name, binary in binaries:
            nasij(binary, "ingest", "--db", dbs[name], os.path.join(ROOT, "examples"))
            draws, page = first_draws(servers[name][1] + "/", 1)
            print("%s: overview, first visit right after an ingest of examples/: first draw %s (%s)"
                  % (name, ms(draws[0]), timeline(page)))
        with urllib.request.urlopen(servers[binaries[0][0]][1] + "/api/overview") as r:
            overview = json.load(r)["elements"]["nodes"]
        busiest = min(overview, key=lambda n: abs(n["data"]["degree"] - 400))["data"]
        for name, (draws, pages) in alternated(servers, "/?entity=" + urllib.request.quote(busiest["id"]), runs).items():
            page = pages[-1]
            print("%s: neighbourhood of %s: first draw %s (median of %d; %s; the last: %s), %s, laid out by %s; "
                  "%d nodes, %d links drawn; page weight %d KB"
                  % (name, busiest["id"], ms(statistics.median(draws)), runs, ", ".join(ms(d) for d in draws),
                     timeline(page), next_frames(pages), ms(page["laidOutMs"]), page["drawnNodes"],
                     page["drawnLinks"], page["pageBytes"] // 1024))
    finally:
        for server, _ in servers.values():
            server.kill()
            server.wait()
    for name, binary in binaries:
        server, base = start_server(binary, dbs[name])
        try:
            started = time.time()
            with urllib.request.urlopen(base + "/api/overview") as r:
                r.read()
            print("%s: overview answer asked for as the server starts: %s" % (name, ms(1000 * (time.time() - started))))
        finally:
            server.kill()
            server.wait()
    name, binary = binaries[0]
    page_path = os.path.join(tmp, "ar.html")
    nasij(binary, "export", "--db", store, "--format", "html", "-o", page_path)
    seen = open_viewer("file://" + page_path)
    print("whole store as one HTML export (%s): %.1f MB; first draw %s, laid out by %s; %d of %s nodes drawn"
          % (name, os.path.getsize(page_path) / 1e6, ms(seen["times"]["firstDraw"]), ms(seen["laidOutMs"]),
             seen["drawnNodes"], seen["status"].split()[0]))


CYTOSCAPE_PAGE = """<!doctype html><meta charset=utf-8>
<body style="margin:0;display:flex;height:100vh"><div style="width:360px"></div><div id="graph" style="flex:1"></div>
<script>%s</script>
<script>
const times = {};
const elements = %s.elements;
let seed = 1;
const random = () => (seed = (seed * 16807) %% 2147483647) / 2147483647;
elements.nodes.forEach(n => { n.position = { x: 3000 * random(), y: 3000 * random() }; });
const cy = cytoscape({ container: document.getElementById("graph"), elements, layout: { name: "preset" },
  style: [{ selector: "node", style: { "background-color": "#1f77b4", width: 8, height: 8 } },
          { selector: "edge", style: { width: 1, "line-color": "#ccc" } }] });
requestAnimationFrame(() => { times.firstDraw = times.laidOut = performance.now(); });
</script>"""


def generated(binaries, tmp, nodes, edges, pan_seconds):
    triples = os.path.join(tmp, "generated.jsonl")
    generated_graph.write(nodes, edges, triples)
    db = os.path.join(tmp, "generated-%d" % nodes)
    nasij(binaries[0][1], "ingest", "--db", db, "--triples", triples)
    for name, binary in binaries:
        page_path = os.path.join(tmp, "generated-%s.html" % name)
        nasij(binary, "export", "--db", db, "--format", "html", "-o", page_path)
        seen = open_viewer("file://" + page_path, "--pan", str(pan_seconds))
        print("sigma.js (%s), %d nodes and %d edges (a %.1f MB HTML export): first draw %s, laid out by %s; "
              "panning %.1f frames/s (%.1f mouse moves/s taken in)"
              % (name, nodes, edges, os.path.getsize(page_path) / 1e6, ms(seen["times"]["firstDraw"]),
                 ms(seen["laidOutMs"]), seen["pan"]["framesPerSecond"], seen["pan"]["movesPerSecond"]))
    with open(os.path.join(READERS, "cytoscape", "dist", "cytoscape.min.js"), encoding="utf-8") as f:
        cytoscape = f.read()
    elements = subprocess.run([binaries[0][1], "export", "--db", db, "--format", "json"], check=True,
                              capture_output=True, text=True).stdout
    cytoscape_path = os.path.join(tmp, "cytoscape.html")
    with open(cytoscape_path, "w", encoding="utf-8") as f:
        f.write(CYTOSCAPE_PAGE % (cytoscape, elements.replace("<", "\\u003c")))
    seen = open_viewer("file://" + cytoscape_path, "--pan", str(pan_seconds))
    print("Cytoscape.js 3.30 canvas, the same graph, positions given (no layout): first draw %s; "
          "panning %.1f frames/s (%.1f mouse moves/s taken in)"
          % (ms(seen["times"]["firstDraw"]), seen["pan"]["framesPerSecond"], seen["pan"]["movesPerSecond"]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("nasij")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pan", type=float, default=5)
    parser.add_argument("--baseline", help="another nasij binary (an older build) measured beside it")
    args = parser.parse_args()
    binaries = [("this build", os.path.abspath(args.nasij))]
    if args.baseline:
        binaries.append(("baseline", os.path.abspath(args.baseline)))
    tmp = tempfile.mkdtemp(prefix="nasij-viewer-bench-")
    try:
        if os.path.exists(REAL_NEWS):
            real_news(binaries, tmp, args.runs)
        else:
            print("(no %s: the real-news figures are skipped)" % REAL_NEWS)
        for nodes in (5000, 50000):
            generated(binaries, tmp, nodes, 2 * nodes, args.pan)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
