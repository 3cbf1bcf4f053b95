#!/usr/bin/python3
"""Prints what building a store on Dask costs beside one `nasij ingest`.

usage: dask_bench.py NASIJ [INPUT.jsonl] [--partition-mb M]

On INPUT (default ../shared/realnews/ant-ar.jsonl), in one run: plain
`nasij ingest`; the partitions extracted one after another with no Dask;
python/nasij_dask.py on a LocalCluster of one and of two worker processes,
split into extraction on the workers and the merge. Dask's overhead per
partition is what a one-worker cluster adds to the same partitions run one
after another, over their number. Each store is checked to hold what the
plain ingest's holds.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))
import nasij_dask  # noqa: E402


def stats(nasij, db):
    out = subprocess.run([nasij, "stats", "--db", db], capture_output=True, text=True, check=True).stdout
    return [line for line in out.splitlines() if not line.startswith("bytes_on_disk")]


def timed(command):
    started = time.monotonic()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("nasij")
    parser.add_argument("input", nargs="?", default=os.path.join(ROOT, "..", "shared", "realnews", "ant-ar.jsonl"))
    parser.add_argument("--partition-mb", type=float, default=1)
    args = parser.parse_args()
    nasij = os.path.abspath(args.nasij)
    from dask.distributed import Client, LocalCluster

    scratch = tempfile.mkdtemp(prefix="nasij-dask-bench-")
    try:
        size_mb = os.path.getsize(args.input) / (1 << 20)
        parts = nasij_dask.plan([args.input], int(args.partition_mb * (1 << 20)))
        print(f"input {args.input}: {size_mb:.1f} MB, {len(parts)} partitions of about {args.partition_mb} MB")

        plain_db = os.path.join(scratch, "plain.db")
        plain = timed([nasij, "ingest", "--db", plain_db, args.input])
        expected = stats(nasij, plain_db)
        print(f"plain nasij ingest               {plain:6.2f} s   ({', '.join(expected)})")

        empty = os.path.join(scratch, "empty.jsonl")
        open(empty, "w").close()
        startup = min(timed([nasij, "extract", "--partition", os.path.join(scratch, "e.nasijpart"), empty])
                      for _ in range(3))
        print(f"one nasij extract process, empty {startup:6.2f} s   (paid once per partition)")

        work = os.path.join(scratch, "serial")
        os.makedirs(work)
        started = time.monotonic()
        for part in parts:
            nasij_dask.extract_partition(part, nasij, work, 10)
        serial = time.monotonic() - started
        part_mb = sum(os.path.getsize(os.path.join(work, f)) for f in os.listdir(work)) / (1 << 20)
        print(f"partitions one by one, no Dask   {serial:6.2f} s   (results {part_mb:.1f} MB)")

        one_worker_extract = None
        for workers in (1, 2):
            started = time.monotonic()
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
            up = time.monotonic() - started
            db = os.path.join(scratch, f"dask{workers}.db")
            log = open(os.devnull, "w")
            status, extracting, merging = nasij_dask.build(client, [args.input], db, os.path.join(scratch, "work"),
                                                           nasij, int(args.partition_mb * (1 << 20)), log=log)
            client.close()
            cluster.close()
            same = "same store" if stats(nasij, db) == expected else "STORE DIFFERS"
            print(f"Dask, {workers} worker{'s' if workers > 1 else ' '}                  "
                  f"{extracting + merging:6.2f} s   (extraction {extracting:.2f} s, merge {merging:.2f} s; "
                  f"cluster start {up:.1f} s; exit {status}; {same})")
            if workers == 1:
                one_worker_extract = extracting
        overhead = (one_worker_extract - serial) / len(parts)
        print(f"Dask's overhead per partition    {overhead * 1000:6.0f} ms")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
