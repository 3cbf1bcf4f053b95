"""A generated graph for the viewer's test and bench (bench/viewer_bench.py):
`nodes` entities with Arabic names and every kind, linked by `edges` distinct
triples whose ends are drawn so that a few entities have most of the links,
as in news. Written as the triple lines `nasij ingest --triples` reads.

Usage: generated_graph.py NODES EDGES OUT.jsonl
"""
import json
import random
import sys

KINDS = ["PER"] * 3 + ["LOC"] * 2 + ["ORG"] * 2 + ["MISC"] + ["CONCEPT"] * 2
SYLLABLES = ["سا", "مي", "حد", "دا", "نو", "ري", "كا", "ظم", "لي", "فا", "طم", "بو", "زي", "دن", "هر", "جا"]
RELATIONS = ["التقى", "انتقد", "زار", "أعلن", "دعم", "رفض", "وقع", "استقبل", "هاجم", "اتهم", "أيد", "حذر"]


def name(rng):
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) for _ in range(rng.randint(1, 3)))


def write(nodes, edges, path, seed=17):
    rng = random.Random(seed)
    entities = [{"text": name(rng), "entity": "generated-%d" % i, "kind": rng.choice(KINDS)} for i in range(nodes)]

    def end():
        # Entity i is drawn about as often as 1/(i+1): a long tail.
        return entities[min(nodes - 1, int(nodes ** rng.random()) - 1)]
    seen = set()
    with open(path, "w", encoding="utf-8") as f:
        # Every entity in one triple at least, then the rest at random.
        pairs = [(entities[i], next(e for e in iter(end, None) if e is not entities[i])) for i in range(nodes)]
        while len(seen) < edges:
            subject, obj = pairs.pop() if pairs else (end(), end())
            relation = rng.choice(RELATIONS)
            if subject is obj or (subject["entity"], relation, obj["entity"]) in seen:
                continue
            seen.add((subject["entity"], relation, obj["entity"]))
            f.write(json.dumps({"doc": "generated-%d" % (len(seen) // 20), "subject": subject, "relation": relation,
                                "object": obj}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
