#!/usr/bin/env python3
"""Draw a sample of the variant-spelling merges for judging by hand.

    bench/variant_merges.py --bin build/nasij --db STORE --seed 2026 NEWS.jsonl

STORE is a store built from NEWS.jsonl (`nasij ingest --db STORE NEWS.jsonl`).
Spellings of a name no list knows are entities of their own that the store
joins (storage/variant_joins.h, docs/extraction.md "Variant spellings"); the
gazetteer joins spellings of the names it lists. This lists the entities
the store shows with two or more spellings (its aliases) whose vowel-less,
letter-folded forms agree, leaving out those whose spellings are all
gazetteer names (the gazetteer joined those, not the store). Mentions are
counted from extracting NEWS.jsonl. Prints how many there are and a
markdown table of --size of them drawn with --seed, the verdict column
left for the judge (bench/variant_merges.md).
"""
import argparse
import collections
import json
import random
import re
import subprocess
import unicodedata

DIAC = re.compile(r"[\u064B-\u065F\u0670\u0640]")
VOWELS = "اوي"
TRADES = str.maketrans("غقطصذ", "جكتسز")


def norm(s):
    s = DIAC.sub("", unicodedata.normalize("NFC", s)).strip()
    s = re.sub("[أإآٱ]", "ا", s)
    return s.translate(str.maketrans("ةىئیؤک", "ههييوك"))  # as extract/arabic/normalize.cc folds them


def fold(spelling):
    """The spelling with traded letters folded and long vowels after a word's first letter dropped."""
    return " ".join(w[0] + "".join(c for c in w[1:] if c not in VOWELS) for w in spelling.translate(TRADES).split())


def gazetteer_names(path):
    names = collections.defaultdict(set)
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            key, _, _, label_ar, aliases_ar, _ = line.rstrip("\n").split("\t")
            for name in [label_ar] + aliases_ar.split("|"):
                if name:
                    names[key].add(norm(name))
    return names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("--bin", default="build/nasij")
    ap.add_argument("--db", required=True)
    ap.add_argument("--gazetteer", default="extract/data/gazetteer.tsv")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--size", type=int, default=50)
    a = ap.parse_args()
    out = subprocess.run([a.bin, "extract", "--threads", "1", a.input], capture_output=True, check=True, text=True)
    mentions = collections.Counter()  # spelling → mentions
    for line in out.stdout.splitlines():
        r = json.loads(line)
        if r["type"] == "mention" and re.search("[\u0600-\u06FF]", r["text"]):
            mentions[norm(r["text"])] += 1
    shown = subprocess.run([a.bin, "entities", "--db", a.db, "--format", "jsonl"], capture_output=True, check=True,
                           text=True)
    known = gazetteer_names(a.gazetteer)
    merges = []
    for line in shown.stdout.splitlines():
        e = json.loads(line)
        if e["kind"] not in ("PER", "LOC", "ORG", "MISC"):
            continue
        spellings = {norm(alias) for alias in e["aliases"] if re.search("[\u0600-\u06FF]", alias)}
        groups = collections.defaultdict(list)
        for s in sorted(spellings, key=lambda s: (-mentions[s], s)):
            groups[fold(s)].append(f"{s} ({mentions[s]})")
        joined = [g for g in groups.values() if len(g) > 1]
        variant = [g for g in joined if any(s.rsplit(" (", 1)[0] not in known.get(e["entity"], ()) for s in g)]
        if variant:
            merges.append((e["entity"], e["kind"], "; ".join(", ".join(g) for g in variant)))
    merges.sort()
    print(f"{len(merges)} entities joined by variant spellings; {min(a.size, len(merges))} drawn with seed {a.seed}\n")
    print("| key | kind | spellings | verdict |\n|---|---|---|---|")
    for entity, kind, text in sorted(random.Random(a.seed).sample(merges, min(a.size, len(merges)))):
        print(f"| {entity} | {kind} | {text} | |")


if __name__ == "__main__":
    main()
