#!/usr/bin/env python3
"""Exporting a 1M-edge graph: nasij's writers beside networkx writing the same graph's GraphML.

usage: export_bench.py NASIJ_BINARY [--triples N]
Prints wall time and peak memory (max RSS) of each writer.
"""
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time


def timed(cmd):
    """Wall seconds and peak RSS in MB of one child process (wait4 reports that child alone)."""
    start = time.time()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, cmd)
    return time.time() - start, usage.ru_maxrss / 1024


def main():
    nasij = sys.argv[1]
    n = int(sys.argv[sys.argv.index("--triples") + 1]) if "--triples" in sys.argv else 1000000
    tmp = tempfile.mkdtemp(prefix="nasij-export-bench-")
    try:
        rng = random.Random(42)
        entities = max(1000, n // 10)
        weights = [1.0 / (i + 1) for i in range(entities)]
        subjects = rng.choices(range(entities), weights, k=n)
        objects = rng.choices(range(entities), weights, k=n)
        triples = os.path.join(tmp, "triples.jsonl")
        with open(triples, "w") as f:
            for i in range(n):
                f.write(json.dumps({"doc": "doc-%d" % (i // 1000), "subject": "entity %d" % subjects[i],
                                    "relation": "relation %d" % rng.randrange(500),
                                    "object": "entity %d" % objects[i], "confidence": 0.9}) + "\n")
        db = os.path.join(tmp, "db")
        subprocess.run([nasij, "ingest", "--db", db, "--triples", triples], check=True, stderr=subprocess.DEVNULL)
        edges = json.loads(subprocess.run([nasij, "stats", "--db", db, "--format", "json"], check=True,
                                          capture_output=True, text=True).stdout)["triples"]
        print("%d distinct edges" % edges)
        for fmt in ("graphml", "gexf", "json", "ntriples"):
            wall, peak = timed([nasij, "export", "--db", db, "--format", fmt, "-o", os.path.join(tmp, "n." + fmt)])
            print("%-9s nasij export %.2f s, peak %.0f MB, %.0f MB written"
                  % (fmt + ":", wall, peak, os.path.getsize(os.path.join(tmp, "n." + fmt)) / 1e6))
        node_link = os.path.join(tmp, "g.json")
        subprocess.run([nasij, "export", "--db", db, "--format", "node-link", "-o", node_link], check=True)
        script = ("import json, sys, time, resource, networkx as nx\n"
                  "g = nx.node_link_graph(json.load(open(sys.argv[1])))\n"
                  "for _, d in g.nodes(data=True): d['aliases'] = '|'.join(d['aliases'])\n"

                  "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
                  "t = time.time(); nx.write_graphml(g, sys.argv[2]); w = time.time() - t\n"
                  "print('%.2f %.0f %.0f' % (w, before / 1024, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))\n")
        out = subprocess.run(["/usr/bin/python3", "-c", script, node_link, os.path.join(tmp, "x.graphml")],
                             check=True, capture_output=True, text=True).stdout.split()
        print("graphml:  networkx write_graphml %s s, peak %s MB (%s MB holding the graph before writing)"
              % (out[0], out[2], out[1]))
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
