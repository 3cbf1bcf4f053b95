#!/usr/bin/env python3
"""The cross-document joins of short forms a store makes (docs/storage.md,
"Short forms"), for reading them against their documents.

usage: shortform_joins.py STORE INPUT.jsonl [--bin build/nasij] [--context]

A short form that joined its person is no entity of the store any more: the
keys `nasij extract` gives INPUT's mentions and arguments that `nasij
entities` does not list are the joined short forms, and the person of each is
the entity whose key ends in it and who took its names. Prints one join a
line: short form as first written, its kind and mentions there, person, the
person's mentions (both unjoined). With --context, also where each was said (the documents stay
outside the repository: read, do not copy).
"""
import argparse
import json
import re
import subprocess


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("store")
    ap.add_argument("input")
    ap.add_argument("--bin", default="build/nasij")
    ap.add_argument("--context", action="store_true")
    args = ap.parse_args()

    def lines(*command):
        out = subprocess.run([args.bin, *command], capture_output=True, text=True, check=True).stdout
        return [json.loads(line) for line in out.splitlines()]

    shown = {e["entity"]: e for e in lines("entities", "--db", args.store, "--format", "jsonl", "--include-unresolved")}
    named = {}  # key → (text, kind, mentions, where said), as first named
    for r in lines("extract", args.input):
        if r["type"] == "mention":
            text, kind, mentions, said = named.get(r["entity"], (r["text"], r["kind"], 0, []))
            said.append((r["doc"], r["start"], r["end"]))
            named[r["entity"]] = (text, kind, mentions + 1, said)
        elif r["type"] == "triple":
            for side in (r["subject"], r["object"]):
                named.setdefault(side["entity"], (side["text"], side["kind"], 0, []))
    texts = {}
    if args.context:
        with open(args.input, encoding="utf-8") as f:
            texts = {d["id"]: d["text"] for d in map(json.loads, f)}

    def snippet(doc, start, end, n=80):
        t = texts[doc]
        return (t[max(0, start - n):start] + "[[" + t[start:end] + "]]" + t[end:end + n]).replace("\n", " ")

    for key in sorted(set(named) - set(shown), key=lambda k: (-named[k][2], k)):
        text, kind, mentions, said = named[key]
        persons = [p for p in shown.values()
                   if p["kind"] == "PER" and re.split("[ -]", p["entity"])[-1] == key and re.search("[ -]", p["entity"])]
        for p in persons:
            full = named.get(p["entity"], ("", "", 0, []))
            print(f'{text}\t{kind} {mentions}m\t->\t{p["label"]}\t{full[2]}m')
            if args.context:
                for where in said[:2]:
                    print("    alone:", snippet(*where))
                for where in full[3][:1]:
                    print("    full: ", snippet(*where))


if __name__ == "__main__":
    main()
