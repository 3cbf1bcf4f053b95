#!/usr/bin/python3
"""Builds a nasij store on a Dask cluster (docs/scale-out.md).

The input is cut into partitions: each .jsonl file into runs of whole lines
of about --partition-mb, .txt files into groups of about that size. Dask
workers run `nasij extract --partition` on each, on one core a task (a
worker runs as many at once as it has threads), writing partition results
into --work, a directory every worker and this driver can reach. This
process then folds them into the store, in input order, with
`nasij ingest --merge`: the store is the one a single `nasij ingest` of the
same inputs would have made.

A worker that dies mid-task is replaced and its task run again by Dask; a
partition result appears only once complete, so a killed task leaves
nothing that the merge would read.
"""

import argparse
import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

PARTITION_EXTENSION = ".nasijpart"


@dataclasses.dataclass(frozen=True)
class Partition:
    """One task: a run of lines of a .jsonl file, or whole .txt files."""
    index: int
    paths: tuple  # a .jsonl file alone, or .txt files
    start: int = 0  # byte range and first line number, for a .jsonl file
    end: int = 0
    first_line: int = 1

    def result_name(self):
        return f"part-{self.index:09d}{PARTITION_EXTENSION}"  # name order is input order


def input_files(inputs):
    """The files nasij would read for these inputs, in its order."""
    files = []
    for given in inputs:
        if not os.path.isdir(given):
            files.append(given)
            continue
        found = []
        for root, dirs, names in os.walk(given):  # symlinked directories are not followed, as in nasij
            found += [os.path.join(root, n) for n in names if n.endswith((".txt", ".jsonl"))]
        # nasij sorts paths element by element.
        files += sorted(found, key=lambda p: p.split(os.sep))
    return files


def plan(inputs, partition_bytes):
    """Partitions of about `partition_bytes` each, in input order."""
    parts, texts, text_bytes = [], [], 0

    def flush_texts():
        nonlocal texts, text_bytes
        if texts:
            parts.append(Partition(len(parts), tuple(texts)))
        texts, text_bytes = [], 0

    for path in input_files(inputs):
        if not path.endswith(".jsonl"):
            texts.append(path)
            text_bytes += os.path.getsize(path) if os.path.exists(path) else 0
            if text_bytes >= partition_bytes:
                flush_texts()
            continue
        flush_texts()
        for start, end, first_line in line_runs(path, partition_bytes):
            parts.append(Partition(len(parts), (path,), start, end, first_line))
    flush_texts()
    return parts


def line_runs(path, run_bytes):
    """(start, end, first line) of runs of whole lines of about `run_bytes`."""
    runs, start, line, at = [], 0, 1, 0
    lines_in_run = 0
    with open(path, "rb") as f:
        while True:
            block = f.read(1 << 24)
            if not block:
                break
            cut = 0
            while True:
                newline = block.find(b"\n", cut)
                if newline < 0:
                    break
                lines_in_run += 1
                cut = newline + 1
                if at + cut - start >= run_bytes:
                    runs.append((start, at + cut, line))
                    start, line, lines_in_run = at + cut, line + lines_in_run, 0
            at += len(block)
    if at > start:
        runs.append((start, at, line))
    return runs


def split_lines(data):
    """Lines as nasij reads them: ended by "\n" only (a stray "\r" stays in its line)."""
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()  # after the newline that ends the last line
    return lines


def with_ids(lines, name, first_line):
    """The lines with the id nasij would give a document that has none."""
    out = []
    for number, line in enumerate(lines, first_line):
        try:
            doc = json.loads(line)
        except ValueError:
            doc = None  # nasij reports it, under its own line number
        if isinstance(doc, dict) and doc.get("id") in (None, ""):
            doc["id"] = f"{name}:{number}"
            line = json.dumps(doc, ensure_ascii=False).encode()
        out.append(line)
    return out


def extract_partition(part, nasij, work, max_document_mb):
    """Runs on a worker: writes `part`'s partition result into `work`.

    Returns the result's path, what nasij said (with the file and line
    numbers of the original input), and whether it skipped some input.
    """
    target = os.path.join(work, part.result_name())
    # One core a task: Dask runs as many tasks on a worker as it has threads.
    command = [nasij, "extract", "--threads", "1", "--partition", target, "--max-document-mb", str(max_document_mb)]
    with tempfile.TemporaryDirectory(prefix="nasij-part-") as scratch:
        rename = None
        if part.paths[0].endswith(".jsonl"):
            with open(part.paths[0], "rb") as f:
                f.seek(part.start)
                lines = split_lines(f.read(part.end - part.start))
            piece = os.path.join(scratch, "lines.jsonl")
            with open(piece, "wb") as f:
                f.writelines(line + b"\n" for line in with_ids(lines, part.paths[0], part.first_line))
            command.append(piece)
            rename = (re.compile(re.escape(piece) + r":(\d+):"),
                      lambda m: f"{part.paths[0]}:{int(m.group(1)) + part.first_line - 1}:")
        else:
            command += part.paths
        done = subprocess.run(command, capture_output=True, text=True)
    said = done.stderr if rename is None else rename[0].sub(rename[1], done.stderr)
    if done.returncode not in (0, 1) or not os.path.exists(target):
        raise RuntimeError(f"partition {part.index} ({part.paths[0]}): nasij exited {done.returncode}: {said.strip()}")
    return target, said, done.returncode == 1


def build(client, inputs, db, work, nasij, partition_bytes=8 << 20, max_document_mb=10, log=sys.stderr):
    """Builds `db` from `inputs` on the cluster `client` reaches.

    Returns (exit status, seconds extracting, seconds merging): 1 when some
    input was skipped, as `nasij ingest` returns.
    """
    parts = plan(inputs, partition_bytes)
    if not parts:
        raise ValueError("no .jsonl or .txt input to build from")
    os.makedirs(work, exist_ok=True)
    results_dir = tempfile.mkdtemp(prefix="build-", dir=work)  # this build's own
    started = time.monotonic()
    futures = client.map(extract_partition, parts, nasij=nasij, work=results_dir, max_document_mb=max_document_mb,
                         pure=False)
    try:
        results = client.gather(futures)
        extracted = time.monotonic()
        for _, said, _ in results:
            log.write(said)
        skipped = any(part_skipped for _, _, part_skipped in results)
        merge = subprocess.run([nasij, "ingest", "--db", db, "--merge", results_dir], stderr=subprocess.PIPE, text=True)
        log.write(merge.stderr)
    finally:
        shutil.rmtree(results_dir, ignore_errors=True)
    merged = time.monotonic()
    status = merge.returncode if merge.returncode != 0 else (1 if skipped else 0)
    return status, extracted - started, merged - extracted


def main():
    parser = argparse.ArgumentParser(
        description="Build a nasij store on a Dask cluster: extraction on the workers, one merge here.")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help=".jsonl or .txt files, or directories of them")
    parser.add_argument("--db", required=True, help="the store to build or add to")
    parser.add_argument("--work", required=True,
                        help="a directory for partition results that every worker and this host can reach")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://host:8786)")
    where.add_argument("--local-workers", type=int, default=2,
                       help="without --scheduler: start this many one-thread worker processes here (default 2)")
    parser.add_argument("--nasij", default="nasij", help="the nasij binary, the same path on every worker")
    parser.add_argument("--partition-mb", type=float, default=8, help="input per task (default 8)")
    parser.add_argument("--max-document-mb", type=int, default=10, help="as for nasij extract (default 10)")
    args = parser.parse_args()

    from dask.distributed import Client, LocalCluster
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(n_workers=args.local_workers, threads_per_worker=1, processes=True))
    with client:
        try:
            status, extracting, merging = build(client, args.inputs, args.db, args.work, args.nasij,
                                                int(args.partition_mb * (1 << 20)), args.max_document_mb)
        except (OSError, ValueError, RuntimeError) as e:
            print(f"nasij-dask: {e}", file=sys.stderr)
            return 1
    print(f"nasij-dask: extracted in {extracting:.1f} s, merged in {merging:.1f} s", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
