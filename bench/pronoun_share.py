#!/usr/bin/env python3
"""The share of pronoun arguments resolved to an entity.

usage: build/nasij query --db STORE --format jsonl --limit 0 --include-negated --include-unresolved |
         bench/pronoun_share.py [--sample N --seed S --docs INPUT.jsonl]

An argument is a pronoun when its text, as written, is one of the personal
pronouns below; it is resolved when its entity is no longer that pronoun.
Prints the share per pronoun and overall; --sample prints N resolutions
picked with a fixed seed, to read: with the text before each (the
sentences its antecedent may be in) from the documents in --docs.
"""
import argparse
import json
import random
import sys

# The pronouns a resolver links (he, she, they, it …), and the ones it
# leaves (demonstratives), for the share of all.
RESOLVABLE = "he him she her they them it".split() + ["هو", "هي"]
OTHER = "this that these those".split() + ["هم", "هذا", "هذه", "ذلك", "تلك"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--docs", help="the documents ingested (JSON lines), to show each resolution's text")
    a = ap.parse_args()
    texts = {}
    if a.docs:
        with open(a.docs, encoding="utf-8") as f:
            texts = {d["id"]: d["text"] for d in map(json.loads, f) if d.get("id")}
    counts = {}  # pronoun → [arguments, resolved]
    resolutions = []
    for line in sys.stdin:
        if not line.strip():
            continue
        t = json.loads(line)
        for role in ("subject", "object"):
            arg = t[role]
            word = arg.get("text", "").strip().lower()
            if word not in RESOLVABLE and word not in OTHER:
                continue
            c = counts.setdefault(word, [0, 0])
            c[0] += 1
            if arg.get("entity", "").lower() != word:
                c[1] += 1
                resolutions.append((role, t))
    for label, words in (("resolvable", RESOLVABLE), ("all", RESOLVABLE + OTHER)):
        n = sum(counts.get(w, [0, 0])[0] for w in words)
        k = sum(counts.get(w, [0, 0])[1] for w in words)
        print(f"{label}: {k}/{n} resolved ({k / n if n else 0:.3f})")
    for w, (n, k) in sorted(counts.items(), key=lambda x: -x[1][0]):
        print(f"  {w}: {k}/{n}")
    random.Random(a.seed).shuffle(resolutions)
    for i, (role, t) in enumerate(resolutions[:a.sample], 1):
        arg = t[role]
        print(f"\n{i}. {role} \"{arg['text']}\" → {arg.get('label_en') or arg['entity']} ({arg.get('kind')})"
              f" in: {t['subject']['text']} | {t['relation']['text']} | {t['object']['text']}"
              f" [{t.get('doc')} sentence {t.get('sentence')}]")
        text = texts.get(t.get("doc"))
        if text:
            start, end = t["span"]
            print("   …" + " ".join(text[max(0, start - CONTEXT):end].split()))


# Characters of text shown before a resolution: about two sentences.
CONTEXT = 400


if __name__ == "__main__":
    main()
