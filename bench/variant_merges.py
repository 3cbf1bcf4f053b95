#!/usr/bin/env python3
"""Draw a sample of the variant-spelling merges for judging by hand.

    bench/variant_merges.py --bin build/nasij --seed 2026 NEWS.jsonl

Extracts NEWS.jsonl, groups the mentions by entity and keeps the entities
that two or more spellings reach whose vowel-less, letter-folded forms
agree (the rule of extract/variants.cc, docs/extraction.md "Variant
spellings"). Entities whose spellings are all gazetteer names were joined
by the gazetteer, not by this rule, and are left out. Prints how many
there are and a markdown table of --size of them drawn with --seed, the
verdict column left for the judge (bench/variant_merges.md).
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
    ap.add_argument("--gazetteer", default="extract/data/gazetteer.tsv")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--size", type=int, default=50)
    a = ap.parse_args()
    out = subprocess.run([a.bin, "extract", "--threads", "1", a.input], capture_output=True, check=True, text=True)
    spellings = collections.defaultdict(collections.Counter)  # (entity, kind) → spelling → mentions
    for line in out.stdout.splitlines():
        r = json.loads(line)
        if r["type"] == "mention" and re.search("[\u0600-\u06FF]", r["text"]):
            spellings[(r["entity"], r["kind"])][norm(r["text"])] += 1
    known = gazetteer_names(a.gazetteer)
    merges = []
    for (entity, kind), counts in sorted(spellings.items()):
        groups = collections.defaultdict(list)
        for s, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
            groups[fold(s)].append(f"{s} ({n})")
        joined = [g for g in groups.values() if len(g) > 1]
        variant = [g for g in joined if any(s.rsplit(" (", 1)[0] not in known.get(entity, ()) for s in g)]
        if variant:
            merges.append((entity, kind, "; ".join(", ".join(g) for g in variant)))
    print(f"{len(merges)} entities joined by variant spellings; {min(a.size, len(merges))} drawn with seed {a.seed}\n")
    print("| key | kind | spellings | verdict |\n|---|---|---|---|")
    for entity, kind, text in sorted(random.Random(a.seed).sample(merges, min(a.size, len(merges)))):
        print(f"| {entity} | {kind} | {text} | |")


if __name__ == "__main__":
    main()
