#!/usr/bin/env python3
"""nasij serve under load, on loopback, bounded in time.

Builds a store of N pre-extracted triples (default 1M: 100k entities named
"entity K" drawn uniformly, so each has about twenty triples; 500 relations;
10 triples a document), then for each binary given (a baseline first, if
any) starts `serve` on it and measures:
  - /api/neighbors?entity=entity%2017 (full rows) with wrk: requests/s and
    latency percentiles at CLIENTS keep-alive connections for SECONDS;
  - the same request while 8 slowloris sockets trickle header lines.

usage: serve_bench.py NASIJ [--baseline OLD_NASIJ] [--triples N] [--seconds S] [--clients C]
"""
import argparse
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.request

NEIGHBORS = "/api/neighbors?entity=entity%2017"
SLOW_SOCKETS = 8
# A normal request waits this long at most beside the slow sockets.
SLOW_REQUEST_TIMEOUT = 20


def write_triples(path, n):
    rng = random.Random(42)
    entities = max(1000, n // 10)
    with open(path, "w") as out:
        for i in range(n):
            out.write(json.dumps({"doc": "doc-%d" % (i // 10), "sentence": i % 10,
                                  "subject": "entity %d" % rng.randrange(entities),
                                  "relation": "relation %d" % rng.randrange(500),
                                  "object": "entity %d" % rng.randrange(entities),
                                  "confidence": 0.5 + (i % 50) / 100.0}) + "\n")


def start_server(binary, db):
    server = subprocess.Popen([binary, "serve", "--db", db, "--port", "0"], stderr=subprocess.PIPE, text=True)
    base = re.search(r"http://[0-9.]+:[0-9]+", server.stderr.readline()).group(0)
    return server, base


def wrk(base, seconds, clients):
    out = subprocess.run(["wrk", "-t2", "-c%d" % clients, "-d%ds" % seconds, "--timeout", "30s", "--latency",
                          base + NEIGHBORS], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    timeouts = re.search(r"timeout (\d+)", out)
    return rate, percentiles.get("50", "?"), percentiles.get("99", "?"), \
        int(errors.group(1)) if errors else 0, int(timeouts.group(1)) if timeouts else 0


def slowloris(base, stop):
    host, port = base[len("http://"):].split(":")
    sockets = []
    for _ in range(SLOW_SOCKETS):
        s = socket.create_connection((host, int(port)))
        s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        sockets.append(s)
    while not stop.wait(1.0):
        for s in sockets:
            try:
                s.sendall(b"X-Slow: 1\r\n")
            except OSError:
                pass  # the server closed it: what a deadline should do
    for s in sockets:
        s.close()


def latency_beside_slow_sockets(base):
    stop = threading.Event()
    trickle = threading.Thread(target=slowloris, args=(base, stop))
    trickle.start()
    time.sleep(0.5)
    times = []
    try:
        for _ in range(5):
            start = time.monotonic()
            try:
                with urllib.request.urlopen(base + NEIGHBORS, timeout=SLOW_REQUEST_TIMEOUT) as r:
                    r.read()
                times.append(time.monotonic() - start)
            except OSError:
                times.append(float("inf"))
    finally:
        stop.set()
        trickle.join()
    return times


def measure(label, binary, db, seconds, clients):
    server, base = start_server(binary, db)
    try:
        with urllib.request.urlopen(base + NEIGHBORS, timeout=60) as r:
            rows = len(json.loads(r.read())["elements"]["edges"])
        rate, p50, p99, errors, timeouts = wrk(base, seconds, clients)
        slow = latency_beside_slow_sockets(base)
    finally:
        server.kill()
        server.wait()
        server.stderr.close()
    shown = ["%.0f ms" % (t * 1000) if t != float("inf") else "> %d s" % SLOW_REQUEST_TIMEOUT for t in slow]
    print("%-9s %8.0f req/s  p50 %-9s p99 %-9s non-2xx %d, timeouts %d  (%d edges per answer)" %
          (label, rate, p50, p99, errors, timeouts, rows))
    print("%-9s beside %d slowloris sockets: %s" % ("", SLOW_SOCKETS, ", ".join(shown)))
    return rate


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("nasij")
    parser.add_argument("--baseline", help="an older nasij binary to measure first, in the same run")
    parser.add_argument("--triples", type=int, default=1000000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--clients", type=int, default=50)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("serve_bench: needs wrk (scripts/install-deps installs it)")
    tmp = tempfile.mkdtemp(prefix="nasij-serve-bench-")
    try:
        triples, db = os.path.join(tmp, "triples.jsonl"), os.path.join(tmp, "store")
        write_triples(triples, args.triples)
        subprocess.run([args.nasij, "ingest", "--db", db, "--triples", triples], check=True,
                       stderr=subprocess.DEVNULL)
        print("%d triples; GET %s at %d keep-alive clients for %d s (wrk)" %
              (args.triples, NEIGHBORS, args.clients, args.seconds))
        rates = {}
        if args.baseline:
            rates["baseline"] = measure("baseline", args.baseline, db, args.seconds, args.clients)
        rates["nasij"] = measure("nasij", args.nasij, db, args.seconds, args.clients)
        if args.baseline:
            print("speed-up: %.1fx" % (rates["nasij"] / rates["baseline"]))
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
