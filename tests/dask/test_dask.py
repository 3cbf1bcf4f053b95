"""A store built on a Dask cluster is the store one `nasij ingest` builds.

Run by ctest with NASIJ_BIN (the binary) and NASIJ_ROOT (the repository).
The cluster is a LocalCluster of two worker processes on this machine.
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest

from dask.distributed import Client, LocalCluster

BIN = os.environ["NASIJ_BIN"]
ROOT = os.environ["NASIJ_ROOT"]
sys.path.insert(0, os.path.join(ROOT, "python"))
import nasij_dask  # noqa: E402

# Sentences of our own, in both languages, with slots for names.
AR_PATTERNS = [
    "التقى {per} وزير خارجية {loc} في {loc2} يوم الاثنين.",
    "قال {per} إن {org} سترسل مساعدات إلى {loc}.",
    "وصل {per} إلى {loc} في زيارة رسمية، وأعلن {org} دعمه للاتفاق.",
    "انتقد {per} قرار {org} بشأن {loc}.",
]
EN_PATTERNS = [
    "{per} met the foreign minister of {loc} in {loc2} on Monday.",
    "{per} said that {org} would send aid to {loc}.",
    "{org} criticized {per} over the decision on {loc}.",
]
AR_NAMES = {
    "per": ["محمد بن سلمان", "رجب طيب أردوغان", "إيمانويل ماكرون", "عبد الفتاح السيسي", "أنطونيو غوتيريش"],
    "loc": ["مصر", "تركيا", "فرنسا", "الأردن", "العراق", "لبنان"],
    "org": ["الأمم المتحدة", "الاتحاد الأوروبي", "جامعة الدول العربية", "حلف الناتو"],
}
EN_NAMES = {
    "per": ["Angela Merkel", "Emmanuel Macron", "Antonio Guterres", "Justin Trudeau", "Narendra Modi"],
    "loc": ["Egypt", "Turkey", "France", "Jordan", "Iraq", "Canada"],
    "org": ["the United Nations", "the European Union", "NATO", "the World Bank"],
}


def generated_documents(count, seed=7):
    """JSON lines of short articles; some without an id, one line that is not JSON."""
    rng = random.Random(seed)
    lines = []
    for i in range(count):
        arabic = i % 3 != 0
        patterns, names = (AR_PATTERNS, AR_NAMES) if arabic else (EN_PATTERNS, EN_NAMES)
        sentences = []
        for _ in range(rng.randint(1, 4)):
            slots = {k: rng.choice(v) for k, v in names.items()}
            slots["loc2"] = rng.choice(names["loc"])
            sentences.append(rng.choice(patterns).format(**slots))
        doc = {"text": " ".join(sentences), "title": f"generated {i}"}
        if i % 10 != 0:
            doc["id"] = f"gen-{i}"
        lines.append(json.dumps(doc, ensure_ascii=False))
        if i == count // 2:
            lines.append("this line is not JSON")
    return "\n".join(lines) + "\n"


def nasij(*args):
    done = subprocess.run([BIN, *args], capture_output=True, text=True, timeout=300)
    return done


def everything(db):
    """What a user can read back of a store: counts, entities, triples with their provenance."""
    stats = nasij("stats", "--db", db).stdout.splitlines()
    entities = sorted(nasij("entities", "--db", db, "--format", "jsonl").stdout.splitlines())
    graph = json.loads(nasij("export", "--db", db, "--format", "node-link").stdout)
    extractions = sorted(nasij("query", "--db", db, "--format", "jsonl", "--limit", "0", "--include-negated").stdout.splitlines())
    return {
        "stats": [line for line in stats if not line.startswith("bytes_on_disk")],
        "entities": entities,
        "edges": sorted(json.dumps(e, sort_keys=True, ensure_ascii=False) for e in graph["links"]),
        "extractions": extractions,
    }


class DaskBuildTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="nasij-dask-")
        cls.inputs = [os.path.join(cls.tmp, "generated.jsonl"), os.path.join(ROOT, "examples")]
        with open(cls.inputs[0], "w") as f:
            f.write(generated_documents(300))
        cls.single = os.path.join(cls.tmp, "single.db")
        cls.single_run = nasij("ingest", "--db", cls.single, *cls.inputs)
        cls.expected = everything(cls.single)
        cls.cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        cls.client = Client(cls.cluster)

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.cluster.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def build(self, name, log):
        db = os.path.join(self.tmp, name)
        status, _, _ = nasij_dask.build(self.client, self.inputs, db, os.path.join(self.tmp, "work"), BIN,
                                        partition_bytes=4096, log=log)
        return db, status

    def test_the_same_store_as_one_ingest(self):
        self.assertEqual(self.single_run.returncode, 1, "the line that is not JSON is skipped")
        self.assertGreater(len(self.expected["extractions"]), 300)
        log = LogBuffer()
        db, status = self.build("dask.db", log)
        self.assertEqual(status, 1, log.text)
        self.assertIn(f"{self.inputs[0]}:152: not a JSON object", log.text, "reported at its line in the input")
        self.assertRegex(log.text, r"merged 303 documents from \d\d+ partition results")
        self.assertEqual(everything(db), self.expected)
        self.assertEqual(os.listdir(os.path.join(self.tmp, "work")), [], "partition results are removed")

        # Merging the same input again changes nothing.
        again = LogBuffer()
        self.build("dask.db", again)
        self.assertIn("(0 new or changed)", again.text)
        self.assertEqual(everything(db), self.expected)

    def test_a_worker_killed_mid_task_is_replaced_and_the_store_is_the_same(self):
        pids = self.client.run(os.getpid)
        log = LogBuffer()
        result = {}
        builder = threading.Thread(target=lambda: result.update(built=self.build("killed.db", log)))
        builder.start()
        killed = None
        deadline = time.monotonic() + 60
        while killed is None and time.monotonic() < deadline:
            for worker, tasks in self.client.processing().items():
                if tasks and worker in pids:
                    os.kill(pids[worker], signal.SIGKILL)
                    killed = worker
                    break
            time.sleep(0.05)
        builder.join(timeout=300)
        self.assertIsNotNone(killed, "a worker was caught with a task")
        self.assertIn("built", result, log.text)
        db, status = result["built"]
        self.assertEqual(status, 1, log.text)
        self.assertEqual(everything(db), self.expected)
        self.assertNotIn(killed, self.client.run(os.getpid), "the killed worker was replaced")


class LogBuffer:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text


if __name__ == "__main__":
    unittest.main()
