"""The nasij command line as a user runs it, on the bundled examples.

Run by ctest with NASIJ_BIN (the binary) and NASIJ_ROOT (the repository).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import igraph
import jsonschema
import networkx

BIN = os.environ["NASIJ_BIN"]
ROOT = os.environ["NASIJ_ROOT"]
EXAMPLES = os.path.join(ROOT, "examples")


# A surname alone in one document (s1), the one person of that surname named
# in full in another (p1): s1's Holloway is Martin Holloway.
SURNAME_ALONE = {"id": "s1", "lang": "en", "text": "Holloway criticised the council on Friday."}
PERSON_IN_FULL = {"id": "p1", "lang": "en",
                  "text": "Martin Holloway opened the new bridge in Leeds. Martin Holloway thanked the engineers."}


def run(*args, stdin=None, env=None):
    return subprocess.run([BIN, *args], input=stdin, capture_output=True, text=True, env=env, timeout=120)


def start_server(db, *flags):
    """Starts `nasij serve` on a free port; returns the process and its base URL."""
    import re
    server = subprocess.Popen([BIN, "serve", "--db", db, "--port", "0", *flags], stderr=subprocess.PIPE, text=True)
    return server, re.search(r"http://[0-9.]+:[0-9]+", server.stderr.readline()).group(0)


def stop_server(server):
    server.kill()
    server.wait()
    server.stderr.close()


def serve(test, db, *flags):
    """start_server, stopped when `test` ends, even when an assertion fails or ctest waits on its pipe."""
    server, base = start_server(db, *flags)
    test.addCleanup(stop_server, server)
    return base


def chromium_dom(test, url):
    """The page's DOM after headless Chromium has run its scripts."""
    profile = tempfile.mkdtemp(prefix="chromium-", dir=test.tmp)
    page = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--user-data-dir=" + profile, "--virtual-time-budget=20000", "--dump-dom", url],
        capture_output=True, text=True, timeout=120)
    test.assertEqual(page.returncode, 0, page.stderr[-2000:])
    return page.stdout


def read_with_graphology(test, fmt, path):
    """What Gephi Lite's reader (graphology-graphml or graphology-gexf, in Node.js)
    makes of a file: its type, nodes, edges and the JavaScript types of their attributes."""
    r = subprocess.run(["node", os.path.join(ROOT, "tests", "cli", "readers", "read_with_graphology.js"), fmt, path],
                       capture_output=True, text=True, timeout=120,
                       env={**os.environ, "NODE_PATH": os.environ["NASIJ_READERS"]})
    test.assertEqual(r.returncode, 0, r.stderr[-2000:])
    return json.loads(r.stdout)


def read_graphml_in_javascript(test, path):
    """What Gephi Lite's reader (graphology-graphml, in Node.js) and Cytoscape.js's
    (cytoscape-graphml, in Chromium) make of a GraphML file."""
    import html
    modules = os.environ["NASIJ_READERS"]
    graphology = read_with_graphology(test, "graphml", path)

    def script(relative):
        with open(os.path.join(modules, relative), encoding="utf-8") as f:
            return "<script>" + f.read() + "</script>\n"
    with open(path, encoding="utf-8") as f:
        graph = f.read()
    page = os.path.join(test.tmp, "cytoscape-graphml.html")
    with open(page, "w", encoding="utf-8") as f:
        f.write("<!doctype html><meta charset=utf-8>\n" + script("cytoscape/dist/cytoscape.min.js")
                + script("jquery/dist/jquery.min.js") + script("cytoscape-graphml/cytoscape-graphml.js")
                + '<script type="application/xml" id="graphml">' + graph + "</script>\n"
                + """<pre id="result"></pre><script>
const cy = cytoscape({headless: true});
cy.graphml({layoutBy: () => {}});
cy.graphml(document.getElementById("graphml").textContent);
document.getElementById("result").textContent = JSON.stringify({
  nodes: Object.fromEntries(cy.nodes().map(n => [n.id(), n.data()])),
  edges: cy.edges().map(e => e.data())});
</script>""")
    dom = chromium_dom(test, "file://" + page)
    result = dom[dom.index('<pre id="result">') + len('<pre id="result">'):dom.index("</pre>")]
    test.assertTrue(result, "Cytoscape.js read nothing")
    return graphology, json.loads(html.unescape(result))


def read_neo4j_import_csv(test, path):
    """Rows of a `neo4j-admin database import` file, read by the rules of its
    header format: one record per line (the default, no --multiline-fields),
    `name:type` columns whose values must parse as that type, arrays split on
    ';', and ':ID', ':LABEL', ':START_ID', ':END_ID', ':TYPE' columns."""
    import csv
    parse = {"string": str, "int": int, "long": int, "double": float, "float": float,
             "boolean": lambda v: {"true": True, "false": False}[v]}
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    test.assertEqual(lines.pop(), "", "the file ends with a line break")
    rows = list(csv.reader(lines))
    header, rows = rows[0], rows[1:]
    test.assertEqual(len(rows), len(lines) - 1, "a record spans lines")
    columns = []
    for field in header:
        name, _, kind = field.partition(":")
        array = kind.endswith("[]")
        kind = kind.removesuffix("[]") or "string"
        test.assertTrue(kind in parse or kind in ("ID", "LABEL", "START_ID", "END_ID", "TYPE"), field)
        test.assertTrue(name or kind.isupper(), field)
        columns.append((name or ":" + kind, kind, array))
    records = []
    for row in rows:
        test.assertEqual(len(row), len(header), row)
        record = {}
        for (name, kind, array), value in zip(columns, row):
            if value == "":
                continue  # an empty field is no property
            if kind in ("LABEL", "TYPE", "ID", "START_ID", "END_ID"):
                values = value.split(";") if kind == "LABEL" else [value]
                test.assertTrue(all(values), (name, value))
                record[name] = values if kind == "LABEL" else value
            else:
                record[name] = [parse[kind](v) for v in value.split(";")] if array else parse[kind](value)
        records.append(record)
    return records


class CommandLineTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="nasij-cli-")
        cls.db = os.path.join(cls.tmp, "store")
        r = run("ingest", "--db", cls.db, EXAMPLES)
        assert r.returncode == 0, r.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_every_record_of_the_examples_matches_the_schema(self):
        with open(os.path.join(ROOT, "schemas", "record.schema.json")) as f:
            schema = json.load(f)
        r = run("extract", EXAMPLES)
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        records = [json.loads(line) for line in lines]
        for record in records:
            jsonschema.validate(record, schema)
        triples = [x for x in records if x["type"] == "triple"]
        mentions = [x for x in records if x["type"] == "mention"]
        self.assertGreater(len(triples), 10)
        self.assertGreater(len(mentions), 10)
        self.assertEqual({t["lang"] for t in triples}, {"ar", "en"})

    def test_offsets_point_at_the_mention_text(self):
        r = run("extract", EXAMPLES)
        texts = {}
        for name in os.listdir(EXAMPLES):
            with open(os.path.join(EXAMPLES, name), encoding="utf-8") as f:
                texts[os.path.join(EXAMPLES, name)] = f.read()
        checked = 0
        for line in r.stdout.splitlines():
            m = json.loads(line)
            if m["type"] == "mention":
                self.assertEqual(texts[m["doc"]][m["start"]:m["end"]], m["text"])
                checked += 1
        self.assertGreater(checked, 0)

    def test_entities_join_across_documents_and_languages(self):
        r = run("entities", "--db", self.db, "--format", "jsonl")
        self.assertEqual(r.returncode, 0, r.stderr)
        entities = {e["entity"]: e for e in map(json.loads, r.stdout.splitlines())}
        tokayev = entities["kassym-jomart-tokayev"]
        self.assertEqual(tokayev["kind"], "PER")
        self.assertEqual(tokayev["label_en"], "Kassym-Jomart Tokayev")
        scripts = {"ar" if any("\u0600" <= c <= "\u06ff" for c in a) else "en" for a in tokayev["aliases"]}
        self.assertEqual(scripts, {"ar", "en"})

    def test_graphml_reads_in_networkx_and_igraph(self):
        out = os.path.join(self.tmp, "graph.graphml")
        r = run("export", "--db", self.db, "--format", "graphml", "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        g = networkx.read_graphml(out, force_multigraph=True)
        self.assertIn("kassym-jomart-tokayev", g.nodes)
        node = g.nodes["kassym-jomart-tokayev"]
        self.assertEqual(node["kind"], "PER")
        self.assertTrue(any("\u0600" <= c <= "\u06ff" for c in node["label"]))
        for _, _, data in g.edges(data=True):
            self.assertIn("relation", data)
            self.assertIsInstance(data["confidence"], float)
            self.assertIsInstance(data["negated"], bool)
        stats = json.loads(run("stats", "--db", self.db, "--format", "json").stdout)
        self.assertEqual(g.number_of_edges(), stats["triples"])

        ig = igraph.Graph.Read_GraphML(out)
        self.assertEqual(ig.vcount(), g.number_of_nodes())
        self.assertEqual(ig.ecount(), g.number_of_edges())
        self.assertIn("kind", ig.vs.attributes())
        self.assertIn("relation", ig.es.attributes())

    def test_graphml_reads_in_gephi_lite_and_cytoscape_js(self):
        out = os.path.join(self.tmp, "javascript.graphml")
        self.assertEqual(run("export", "--db", self.db, "--format", "graphml", "-o", out).returncode, 0)
        expected = networkx.read_graphml(out, force_multigraph=True)
        graphology, cytoscape = read_graphml_in_javascript(self, out)

        self.assertEqual((graphology["type"], len(graphology["nodes"]), len(graphology["edges"])),
                         ("directed", expected.number_of_nodes(), expected.number_of_edges()))
        self.assertEqual(graphology["nodes"]["kassym-jomart-tokayev"], expected.nodes["kassym-jomart-tokayev"])
        self.assertEqual({name: graphology["nodeTypes"][name] for name in ["label", "pagerank", "degree"]},
                         {"label": "string", "pagerank": "number", "degree": "number"})
        self.assertEqual({name: graphology["edgeTypes"][name] for name in ["relation", "confidence", "negated"]},
                         {"relation": "string", "confidence": "number", "negated": "boolean"})

        self.assertEqual((len(cytoscape["nodes"]), len(cytoscape["edges"])),
                         (expected.number_of_nodes(), expected.number_of_edges()))
        tokayev = cytoscape["nodes"]["kassym-jomart-tokayev"]
        self.assertEqual((tokayev["label_en"], tokayev["kind"]), ("Kassym-Jomart Tokayev", "PER"))
        self.assertTrue(all("confidence" in e and "negated" in e for e in cytoscape["edges"]))
        relations = sorted(e["relation"] for e in cytoscape["edges"])
        self.assertEqual(relations, sorted(d["relation"] for _, _, d in expected.edges(data=True)))

    def test_gexf_reads_in_gephi_lite_with_every_attribute(self):
        out = os.path.join(self.tmp, "graph.gexf")
        self.assertEqual(run("export", "--db", self.db, "--format", "gexf", "-o", out).returncode, 0)
        expected = networkx.read_graphml(self.export_graphml(), force_multigraph=True)
        g = read_with_graphology(self, "gexf", out)
        self.assertEqual((g["type"], len(g["nodes"]), len(g["edges"])),
                         ("directed", expected.number_of_nodes(), expected.number_of_edges()))
        tokayev, want = g["nodes"]["kassym-jomart-tokayev"], expected.nodes["kassym-jomart-tokayev"]
        for name in ["label", "label_en", "kind", "aliases", "mentions", "degree", "pagerank", "component"]:
            self.assertEqual(tokayev[name], want[name], name)
        self.assertEqual({name: g["edgeTypes"][name] for name in ["relation", "confidence", "negated", "weight"]},
                         {"relation": "string", "confidence": "number", "negated": "boolean", "weight": "number"})
        self.assertEqual(sorted((e["source"], e["target"], e["kind"], e["label"]) for e in g["edges"]),
                         sorted((s, t, d["interaction"], d["relation"]) for s, t, d in expected.edges(data=True)))

    def export_graphml(self):
        out = os.path.join(self.tmp, "reference.graphml")
        self.assertEqual(run("export", "--db", self.db, "--format", "graphml", "-o", out).returncode, 0)
        return out

    def test_two_relations_between_one_pair_stay_two_edges(self):
        db, _, r = self.load_triples("parallel", [
            '{"doc": "d", "subject": "Moscow", "relation": "leads", "object": "CSTO"}',
            '{"doc": "d", "subject": "Moscow", "relation": "funds", "object": "CSTO"}'])
        self.assertEqual(r.returncode, 0, r.stderr)
        out = os.path.join(self.tmp, "parallel.graphml")
        self.assertEqual(run("export", "--db", db, "--format", "graphml", "-o", out).returncode, 0)
        g = networkx.read_graphml(out)
        self.assertIsInstance(g, networkx.MultiDiGraph)
        self.assertEqual(g.number_of_edges("moscow", "csto"), 2)
        self.assertEqual(sorted(d["relation"] for _, _, d in g.edges(data=True)), ["funds", "leads"])
        self.assertEqual(igraph.Graph.Read_GraphML(out).ecount(), 2)
        gexf = os.path.join(self.tmp, "parallel.gexf")
        self.assertEqual(run("export", "--db", db, "--format", "gexf", "-o", gexf).returncode, 0)
        g = read_with_graphology(self, "gexf", gexf)
        self.assertTrue(g["multi"])
        self.assertEqual(sorted(e["kind"] for e in g["edges"]), ["funds", "leads"])

    def test_json_export_is_cytoscape_elements(self):
        r = run("export", "--db", self.db, "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        j = json.loads(r.stdout)
        node_ids = {n["data"]["id"] for n in j["elements"]["nodes"]}
        for e in j["elements"]["edges"]:
            self.assertIn(e["data"]["source"], node_ids)
            self.assertIn(e["data"]["target"], node_ids)

    def test_every_export_opens_in_the_tool_it_is_for(self):
        import rdflib

        def export(fmt, *more):
            out = os.path.join(self.tmp, "all." + fmt)
            r = run("export", "--db", self.db, "--format", fmt, "-o", out, *more)
            self.assertEqual(r.returncode, 0, r.stderr)
            return out

        triples = json.loads(run("stats", "--db", self.db, "--format", "json").stdout)["triples"]
        with open(export("node-link"), encoding="utf-8") as f:
            g = networkx.node_link_graph(json.load(f))
        self.assertIsInstance(g, networkx.MultiDiGraph)
        self.assertEqual(g.number_of_edges(), triples)
        self.assertEqual(g.nodes["kassym-jomart-tokayev"]["kind"], "PER")

        svg = subprocess.run(["dot", "-Tsvg", export("dot")], capture_output=True, text=True)
        self.assertEqual(svg.returncode, 0, svg.stderr)
        self.assertIn("<svg", svg.stdout)

        nt, ttl = rdflib.Graph(), rdflib.Graph()
        nt.parse(export("ntriples", "--base", "https://example.org/kb/"), format="nt")
        ttl.parse(export("turtle", "--base", "https://example.org/kb/"), format="turtle")
        self.assertTrue(nt.isomorphic(ttl))
        tokayev = rdflib.URIRef("https://example.org/kb/entity/kassym-jomart-tokayev")
        labels = {(str(o), o.language) for o in nt.objects(tokayev, rdflib.RDFS.label)}
        self.assertIn(("Kassym-Jomart Tokayev", "en"), labels)
        self.assertTrue(any(lang == "ar" for _, lang in labels))
        statements = list(nt.subjects(rdflib.RDF.type, rdflib.RDF.Statement))
        self.assertEqual(len(statements), triples)
        extraction = rdflib.URIRef("https://example.org/kb/ontology#Extraction")
        stats = json.loads(run("stats", "--db", self.db, "--format", "json").stdout)
        self.assertEqual(len(list(nt.subjects(rdflib.RDF.type, extraction))), stats["extractions"])

        prefix = os.path.join(self.tmp, "neo4j")
        r = run("export", "--db", self.db, "--format", "csv", "-o", prefix)
        self.assertEqual(r.returncode, 0, r.stderr)
        nodes = read_neo4j_import_csv(self, prefix + "-nodes.csv")
        rels = read_neo4j_import_csv(self, prefix + "-relationships.csv")
        self.assertEqual(len(rels), triples)
        ids = {n["id"] for n in nodes}
        self.assertEqual(len(ids), len(nodes))
        self.assertTrue(all(r[":START_ID"] in ids and r[":END_ID"] in ids and r[":TYPE"] for r in rels))
        tokayev = next(n for n in nodes if n["id"] == "kassym-jomart-tokayev")
        self.assertEqual(tokayev[":LABEL"], ["Entity", "PER"])
        self.assertIn("Tokayev", tokayev["aliases"])
        self.assertIsInstance(tokayev["pagerank"], float)
        self.assertIsInstance(rels[0]["negated"], bool)

        with open(export("html"), encoding="utf-8") as f:
            page = f.read()
        self.assertIn('id="status"', page)
        self.assertIn("kassym-jomart-tokayev", page)
        self.assertNotIn("src=\"http", page)

    def test_export_selections(self):
        def nodes(*selection):
            r = run("export", "--db", self.db, "--format", "node-link", *selection)
            self.assertEqual(r.returncode, 0, r.stderr)
            return networkx.node_link_graph(json.loads(r.stdout))

        everything = nodes()
        near = nodes("--entity", "Tokayev", "--hops", "1")
        self.assertIn("kassym-jomart-tokayev", near.nodes)
        self.assertLess(near.number_of_nodes(), everything.number_of_nodes())
        self.assertTrue(all("kassym-jomart-tokayev" in (u, v) for u, v in near.edges()))
        people = nodes("--kind", "PER")
        self.assertTrue(all(d["kind"] == "PER" for _, d in people.nodes(data=True)))
        summon = nodes("--relation", "summon")
        self.assertGreater(summon.number_of_edges(), 0)
        self.assertTrue(all(d["label_en"] == "summon" for _, _, d in summon.edges(data=True)))
        english = nodes("--doc", os.path.join(EXAMPLES, "kazakhstan-unrest-en.txt"))
        self.assertGreater(english.number_of_edges(), 0)
        self.assertLess(english.number_of_edges(), everything.number_of_edges())
        r = run("export", "--db", self.db, "--format", "json", "--entity", "nobody-at-all")
        self.assertEqual(r.returncode, 1)
        self.assertIn("no entity is named", r.stderr)

    def test_stats_counts_what_was_ingested(self):

        stats = json.loads(run("stats", "--db", self.db, "--format", "json").stdout)
        self.assertEqual(stats["documents"], len(os.listdir(EXAMPLES)))
        for key in ("sentences", "triples", "extractions", "entities"):
            self.assertGreater(stats[key], 0, key)
        self.assertGreaterEqual(stats["extractions"], stats["triples"])

    def test_ingesting_again_changes_nothing(self):
        before = run("stats", "--db", self.db, "--format", "json").stdout
        r = run("ingest", "--db", self.db, EXAMPLES)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("0 new or changed", r.stderr)
        self.assertEqual(json.loads(before)["extractions"], json.loads(run("stats", "--db", self.db, "--format", "json").stdout)["extractions"])

    def test_query_by_english_name_finds_arabic_triples(self):
        r = run("query", "--db", self.db, "--entity", "Tokayev", "--format", "jsonl", "--limit", "0")
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = [json.loads(x) for x in r.stdout.splitlines()]
        self.assertTrue(rows)
        self.assertIn("ar", {x["lang"] for x in rows})
        for x in rows:
            self.assertIn("kassym-jomart-tokayev", (x["subject"]["entity"], x["object"]["entity"]))
        table = run("query", "--db", self.db, "--entity", "توكاييف")
        self.assertIn("#", table.stdout)  # each result shows doc #sentence and its text

    def test_neighbors_and_path_show_supporting_sentences(self):
        r = run("neighbors", "--db", self.db, "Blinken")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Antony Blinken", r.stdout)
        self.assertIn("examples/", r.stdout)  # each edge shows where it is written
        r = run("path", "--db", self.db, "توكاييف", "Nazarbayev")
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = [x for x in r.stdout.splitlines() if not x.startswith("    ")]
        self.assertTrue(lines and "no path" not in r.stdout, r.stdout)
        r = run("path", "--db", self.db, "Moscow", "nobody-at-all")
        self.assertEqual(r.returncode, 1)
        self.assertIn("no entity named", r.stderr)
        r = run("path", "--db", self.db, "Tokayev", "توكاييف")  # two names of one entity
        self.assertEqual((r.returncode, r.stdout), (0, "a path of 0 steps: both name kassym-jomart-tokayev\n"))

    def test_gazetteer_aliases_find_entities_never_written_that_way(self):
        # The articles write بوتين and "Vladimir Putin"; "Putin" alone is a known alias.
        r = run("entities", "--db", self.db, "--search", "Putin", "--format", "jsonl")
        keys = {json.loads(x)["entity"] for x in r.stdout.splitlines()}
        self.assertIn("vladimir-putin", keys)
        r = run("query", "--db", self.db, "--entity", "Putin", "--format", "jsonl", "--include-negated")
        self.assertTrue(r.stdout.strip())

    def test_negated_triples_need_include_negated(self):
        plain = run("query", "--db", self.db, "--limit", "0", "--format", "jsonl").stdout.splitlines()
        every = run("query", "--db", self.db, "--limit", "0", "--format", "jsonl", "--include-negated").stdout.splitlines()
        self.assertFalse(any(json.loads(x)["negated"] for x in plain))
        self.assertTrue(any(json.loads(x)["negated"] for x in every))
        english = run("query", "--db", self.db, "--limit", "0", "--format", "jsonl", "--lang", "en").stdout.splitlines()
        self.assertTrue(english)
        self.assertEqual({json.loads(x)["lang"] for x in english}, {"en"})

    def test_an_unresolved_pronoun_is_kept_out_of_views_unless_asked(self):
        db = os.path.join(self.tmp, "pronouns")
        doc = json.dumps({"id": "p1", "lang": "en", "text":
                          "It was a cold winter. Sandra Okafor won the race. She thanked the crowd."})
        self.assertEqual(run("ingest", "--db", db, "-", stdin=doc + "\n").returncode, 0)
        shown = [json.loads(x) for x in run("query", "--db", db, "--limit", "0", "--format", "jsonl").stdout.splitlines()]
        every = [json.loads(x) for x in run("query", "--db", db, "--limit", "0", "--format", "jsonl",
                                             "--include-unresolved").stdout.splitlines()]
        self.assertTrue(any(t["subject"]["text"] == "She" and t["subject"]["entity"] == "sandra okafor" for t in shown))
        self.assertFalse(any(t["subject"].get("unresolved") for t in shown))
        self.assertTrue(any(t["subject"]["text"] == "It" and t["subject"]["unresolved"] for t in every))
        entities = [json.loads(x)["entity"] for x in run("entities", "--db", db, "--format", "jsonl").stdout.splitlines()]
        self.assertNotIn("it", entities)
        graph = json.loads(run("export", "--db", db, "--format", "node-link").stdout)
        self.assertNotIn("it", [n["id"] for n in graph["nodes"]])
        whole = json.loads(run("export", "--db", db, "--format", "node-link", "--include-unresolved").stdout)
        self.assertIn("it", [n["id"] for n in whole["nodes"]])

    def test_two_ingest_orders_give_one_graph(self):
        docs = [
            {"id": "o1", "lang": "ar", "text": "التقى الرئيس ترامب نظيره الروسي بوتين في هلسنكي الاثنين. وقال ترمب إن اللقاء كان مثمرا."},
            {"id": "o2", "lang": "ar", "text": "لم يلتق ترامب بوتين في موسكو. وانتقد الكرملين العقوبات الأميركية أمس."},
            {"id": "o3", "lang": "en", "text": "Trump met Putin in Helsinki on Monday. Mr. Trump praised the talks. He may visit Moscow."},
            {"id": "o4", "lang": "ar", "text": "أكد الكرملين الثلاثاء أن بوتين سيزور فيينا. وقال الناطق باسم الكرملين إن الزيارة مهمة."},
            # Two spellings of one name no list knows: one entity, one label.
            {"id": "o5", "lang": "ar", "text": "وقال بيلينغهام إن المباراة كانت صعبة."},
            {"id": "o6", "lang": "ar", "text": "وقال بيلنغهام إن الفريق قدم أداء رائعا."},
            # A surname alone in one document, the person in full in another.
            SURNAME_ALONE,
            PERSON_IN_FULL,
        ]
        graphs = []
        for name, order in (("forward", docs), ("backward", docs[::-1])):
            db = os.path.join(self.tmp, "order-" + name)
            feed = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in order)
            self.assertEqual(run("ingest", "--db", db, "-", stdin=feed).returncode, 0)
            g = json.loads(run("export", "--db", db, "--format", "node-link").stdout)
            # Everything but which document came first, and the numbers
            # components are given in the order their first node was read.
            parts = {}
            for n in g["nodes"]:
                parts.setdefault(n.pop("component"), set()).add(n["id"])
                n["pagerank"] = round(n["pagerank"], 9)
            nodes = sorted(json.dumps(n, sort_keys=True, ensure_ascii=False) for n in g["nodes"])
            nodes.append(sorted(sorted(p) for p in parts.values()))
            links = sorted(json.dumps({k: v for k, v in e.items() if k not in ("doc", "sentence")}, sort_keys=True,
                                      ensure_ascii=False) for e in g["links"])
            graphs.append((nodes, links))
        self.assertTrue(graphs[0][1])
        self.assertEqual(graphs[0], graphs[1])
        # s1's Holloway is Martin Holloway in either order.
        links = [json.loads(l) for l in graphs[0][1]]
        self.assertIn(("martin holloway", "council"), {(l["source"], l["target"]) for l in links})
        self.assertNotIn("holloway", {json.loads(n)["id"] for n in graphs[0][0][:-1]})

    def test_a_surname_alone_joins_the_one_person_named_in_full(self):
        db = os.path.join(self.tmp, "surnames")
        feed = "".join(json.dumps(d) + "\n" for d in (SURNAME_ALONE, PERSON_IN_FULL))
        self.assertEqual(run("ingest", "--db", db, "-", stdin=feed).returncode, 0)

        def entities():
            r = run("entities", "--db", db, "--format", "jsonl")
            return {e["entity"]: e for e in map(json.loads, r.stdout.splitlines())}

        self.assertNotIn("holloway", entities())
        self.assertIn("Holloway", entities()["martin holloway"]["aliases"])
        rows = [json.loads(l) for l in run("query", "--db", db, "--entity", "Holloway", "--format", "jsonl").stdout.splitlines()]
        self.assertEqual({(r["doc"], r["subject"]["entity"]) for r in rows},
                         {("p1", "martin holloway"), ("s1", "martin holloway")})
        self.assertIn("council", run("neighbors", "--db", db, "Martin Holloway").stdout)
        # A second Holloway named in full: the surname alone is neither.
        other = {"id": "p2", "lang": "en",
                 "text": "Anna Holloway chaired the hearing. Anna Holloway adjourned it until March."}
        self.assertEqual(run("ingest", "--db", db, "-", stdin=json.dumps(other) + "\n").returncode, 0)
        self.assertIn("holloway", entities())
        rows = [json.loads(l) for l in run("query", "--db", db, "--subject", "holloway", "--format", "jsonl").stdout.splitlines()]
        self.assertEqual({r["subject"]["entity"] for r in rows}, {"holloway"})

    def test_db_defaults_to_environment(self):
        env = dict(os.environ, NASIJ_DB=self.db)
        r = run("stats", "--format", "json", env=env)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_every_command_has_help(self):
        for cmd in ("extract", "ingest", "query", "entities", "neighbors", "path", "export", "serve", "stats"):
            r = run(cmd, "--help")
            self.assertEqual(r.returncode, 0, cmd)
            self.assertIn("usage: nasij " + cmd, r.stdout)

    def test_usage_errors_exit_2_runtime_errors_exit_1(self):
        for args in (("frobnicate",), ("query", "--nope"), ("export", "--db", self.db), ("export", "--format", "xml"),
                     ("query", "--limit")):
            r = run(*args)
            self.assertEqual(r.returncode, 2, args)
            self.assertTrue(r.stderr.startswith("nasij: "), args)
        r = run("stats", "--db", os.path.join(self.tmp, "missing"))
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stderr.startswith("nasij: "))
        self.assertEqual(len(r.stderr.strip().splitlines()), 1)

    def test_an_rdf_base_that_is_not_an_iri_is_refused(self):
        for base in ("not an iri", "https://example.org/kb", "https://example.org/<kb>/"):
            r = run("export", "--db", self.db, "--format", "ntriples", "--base", base)
            self.assertEqual(r.returncode, 2, base)
            self.assertIn("--base must be an absolute IRI", r.stderr)
            self.assertEqual(r.stdout, "")

    def test_numbers_are_parsed_strictly(self):
        for args in (("query", "--limit", "2x"), ("query", "--limit", "-1"),
                     ("query", "--limit", "99999999999999999999"), ("query", "--min-confidence", "nan"),
                     ("query", "--min-confidence", "5"), ("export", "--format", "dot", "--hops", "1x"),
                     ("export", "--format", "dot", "--min-confidence", "0.5x"), ("neighbors", "--hops", "-1", "x"),
                     ("path", "--max-hops", "4294967297", "x", "y"), ("serve", "--port", "80x"),
                     ("serve", "--port", "65536")):
            r = run(*args, "--db", self.db)
            self.assertEqual(r.returncode, 2, (args, r.stderr))
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
            self.assertTrue(r.stderr.startswith("nasij: --"), r.stderr)
        r = run("query", "--db", self.db, "--limit", "1", "--min-confidence", "0.5", "--format", "jsonl")
        self.assertEqual((r.returncode, len(r.stdout.splitlines())), (0, 1), r.stderr)

    def test_skipped_input_is_named_and_reported_in_the_exit_status(self):
        bad = os.path.join(self.tmp, "bad.jsonl")
        with open(bad, "w") as f:
            f.write('{"id": "ok", "text": "The army attacked the city."}\n[1]\n')
        r = run("extract", bad)
        self.assertEqual(r.returncode, 1)
        self.assertIn(bad + ":2: not a JSON object", r.stderr)
        self.assertTrue(r.stdout.strip())  # the good document still came out

    def test_a_huge_line_without_punctuation_is_extracted_in_windows(self):
        words = "the army attacked the city and officials said that the police arrested protesters".split()
        text = " ".join(words[i % len(words)] for i in range(100000))
        r = run("extract", "-", stdin=text)
        self.assertEqual(r.returncode, 0, r.stderr)
        triples = [json.loads(x) for x in r.stdout.splitlines() if '"triple"' in x]
        self.assertGreater(len(triples), 1000)
        self.assertTrue(all(len(t["object"]["text"].split()) <= 80 for t in triples))

    def test_stdin_plain_text_and_json_lines(self):
        r = run("extract", stdin="Russia sent troops to Kazakhstan.")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn('"doc":"stdin"', r.stdout)
        r = run("extract", "-", stdin='{"id": "x1", "text": "Russia sent troops to Kazakhstan."}\n')
        self.assertIn('"doc":"x1"', r.stdout)

    def load_triples(self, name, lines):
        """Writes `lines` to NAME.jsonl and ingests them into the store NAME: the store, the file, the run."""
        db, path = os.path.join(self.tmp, name), os.path.join(self.tmp, name + ".jsonl")
        with open(path, "w") as f:
            f.writelines(line + "\n" for line in lines)
        return db, path, run("ingest", "--db", db, "--triples", path)

    def test_ingest_loads_triples_from_another_tool(self):
        db, path, r = self.load_triples("external", [
            '{"doc": "llm-1", "subject": "Moscow", "relation": "leads", "object": "CSTO"}',
            '{"doc": "llm-1", "subject": "Tokayev", "relation": "requested help from", "object": "CSTO"}',
            '{"subject": "x"}'])
        self.assertEqual(r.returncode, 1)
        self.assertIn(path + ":3: missing \"relation\"", r.stderr)
        stats = json.loads(run("stats", "--db", db, "--format", "json").stdout)
        self.assertEqual(stats["triples"], 2)
        r = run("query", "--db", db, "--object", "csto", "--format", "jsonl")
        self.assertEqual(len(r.stdout.splitlines()), 2)

    def test_triples_of_one_document_may_be_interleaved_with_others(self):
        db, path, r = self.load_triples("interleaved", [
            '{"doc": "a", "subject": "Moscow", "relation": "leads", "object": "CSTO"}',
            '{"doc": "b", "subject": "Paris", "relation": "hosts", "object": "UNESCO"}',
            '',
            '{"doc": "a", "subject": "Tokayev", "relation": "summoned", "object": "CSTO"}',
            '{"subject": "Kyiv", "relation": "is", "object": "a capital"}',
            '{"doc": "b", "subject": "Paris", "relation": "hosts", "object": "OECD"}',
            '{"doc": "a", "subject": "Minsk", "relation": "hosts", "object": "CSTO"}'])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("loaded 3 documents", r.stderr)
        stats = json.loads(run("stats", "--db", db, "--format", "json").stdout)
        self.assertEqual((stats["documents"], stats["extractions"]), (3, 6))
        rows = run("query", "--db", db, "--doc", "a", "--format", "jsonl", "--entity", "csto").stdout.splitlines()
        self.assertEqual(len(rows), 3)
        rows = run("query", "--db", db, "--doc", "b", "--format", "jsonl").stdout.splitlines()
        self.assertEqual(sorted(json.loads(row)["object"]["text"] for row in rows), ["OECD", "UNESCO"])
        # The same file again changes nothing.
        self.assertIn("(0 new or changed)", run("ingest", "--db", db, "--triples", path).stderr)

    def test_triples_are_read_whole_across_the_loaders_blocks(self):
        # The loader reads 128 KB of whole lines at a time: documents that run
        # across blocks, a line longer than a block, and a last line with no
        # newline are all read as written.
        lines = ['{"doc": "first-and-last", "subject": "Moscow", "relation": "leads", "object": "CSTO"}']
        for i in range(4000):
            lines.append('{"doc": "d%d", "subject": "s%d", "relation": "r%d", "object": "o%d"}' % (i // 7, i, i % 13, i))
            if i == 2500:
                lines.append('{"doc": "long", "subject": "Paris", "relation": "hosts", "object": "%s"}' % ("x" * 300000))
        lines.append('{"doc": "first-and-last", "subject": "Tokayev", "relation": "summoned", "object": "CSTO"}')
        db, path = os.path.join(self.tmp, "blocks"), os.path.join(self.tmp, "blocks.jsonl")
        with open(path, "w") as f:
            f.write("\n".join(lines))
        r = run("ingest", "--db", db, "--triples", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        stats = json.loads(run("stats", "--db", db, "--format", "json").stdout)
        self.assertEqual((stats["documents"], stats["extractions"]), (4000 // 7 + 1 + 2, 4003))
        rows = run("query", "--db", db, "--doc", "first-and-last", "--format", "jsonl").stdout.splitlines()
        self.assertEqual(sorted(json.loads(row)["subject"]["text"] for row in rows), ["Moscow", "Tokayev"])
        rows = run("query", "--db", db, "--doc", "long", "--format", "jsonl").stdout.splitlines()
        self.assertEqual([len(json.loads(row)["object"]["text"]) for row in rows], [300000])

    def test_a_name_that_normalizes_to_nothing_is_refused_not_counted(self):
        lines = ['{"doc": "a", "subject": "Moscow", "relation": "leads", "object": "CSTO"}',
                 '{"doc": "a", "subject": "\u0640\u0640\u0640", "relation": "leads", "object": "CSTO"}',
                 '{"doc": "a", "subject": "Moscow", "relation": "meets", "object": "\u200d"}']
        for load in range(3):
            db, path, r = self.load_triples("nameless", lines)
            self.assertEqual(r.returncode, 1)
            self.assertIn(path + ':2: "subject" has no letters to name an entity by', r.stderr)
            self.assertIn(path + ':3: "object" has no letters to name an entity by', r.stderr)
        stats = json.loads(run("stats", "--db", db, "--format", "json").stdout)
        listed = run("entities", "--db", db, "--format", "jsonl").stdout.splitlines()
        self.assertEqual((stats["entities"], len(listed)), (2, 2))

    def test_a_foreign_directory_is_refused_and_left_alone(self):
        foreign = os.path.join(self.tmp, "photos")
        os.makedirs(foreign)
        with open(os.path.join(foreign, "a.jpg"), "w") as f:
            f.write("x")
        r = run("ingest", "--db", foreign, EXAMPLES)
        self.assertEqual(r.returncode, 1)
        self.assertIn("not a nasij store", r.stderr)
        self.assertEqual(os.listdir(foreign), ["a.jpg"])


class TrainNerTest(unittest.TestCase):
    """nasij-train-ner, either learner, gives the same model bytes twice."""

    TRAINER = os.path.join(os.path.dirname(BIN), "extract", "nasij-train-ner")
    SENTENCES = [
        (["قال", "محمد", "علي", "إن", "الاجتماع", "انتهى"], ["O", "B-PERS", "I-PERS", "O", "O", "O"]),
        (["زار", "الوزير", "القاهرة", "أمس"], ["O", "O", "B-LOC", "O"]),
        (["أعلنت", "شركة", "النور", "للطاقة", "أرباحها"], ["O", "B-ORG", "I-ORG", "I-ORG", "O"]),
        (["وصل", "أحمد", "إلى", "بيروت", "مساء"], ["O", "B-PERS", "O", "B-LOC", "O"]),
    ]

    def train(self, tmp, name, *options):
        data = os.path.join(tmp, "train.jsonl")
        with open(data, "w", encoding="utf-8") as f:
            for tokens, tags in self.SENTENCES:
                f.write(json.dumps({"tokens": tokens, "tags": tags}, ensure_ascii=False) + "\n")
        out = os.path.join(tmp, name)
        r = subprocess.run([self.TRAINER, "--train", data, "--epochs", "3", "--seed", "1", "--out", out, *options],
                           capture_output=True, text=True, timeout=300)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(out, "rb") as f:
            return f.read()

    def test_each_learner_gives_the_same_bytes_twice(self):
        with tempfile.TemporaryDirectory() as tmp:
            for learner in ("perceptron", "crf"):
                with self.subTest(learner=learner):
                    first = self.train(tmp, "a.model", "--learner", learner, "--adapt", "--bags", "2")
                    self.assertEqual(first, self.train(tmp, "b.model", "--learner", learner, "--adapt", "--bags", "2"))
                    self.assertTrue(first.startswith(b"nasij-ner "))

    def test_an_unknown_learner_is_refused(self):
        r = subprocess.run([self.TRAINER, "--learner", "svm", "--train", "x.jsonl"], capture_output=True, text=True)
        self.assertEqual(r.returncode, 1)
        self.assertIn("--learner is perceptron or crf", r.stderr)


class CrashTest(unittest.TestCase):
    """kill -9 during ingest, at random moments: the store opens and holds whole documents only."""

    def test_killed_ingest_leaves_whole_documents(self):
        import random
        import signal
        import time
        tmp = tempfile.mkdtemp(prefix="nasij-crash-")
        try:
            docs = os.path.join(tmp, "docs.jsonl")
            sentences = ["استدعى الرئيس توكاييف القوات الروسية.", "أدان وزير الخارجية أنتوني بلينكن العنف.",
                         "The army attacked the city.", "Russia sent troops to Kazakhstan."]
            with open(docs, "w") as f:
                for i in range(3000):
                    text = " ".join(sentences[(i + k) % 4] for k in range(1 + i % 4))
                    f.write(json.dumps({"id": "d%d" % i, "text": text}, ensure_ascii=False) + "\n")
            expected = {}
            for line in run("extract", docs).stdout.splitlines():
                r = json.loads(line)
                if r["type"] == "triple":
                    expected[r["doc"]] = expected.get(r["doc"], 0) + 1
            db = os.path.join(tmp, "store")
            rng = random.Random(7)
            cut_short = 0  # kills that landed while documents were being stored

            def documents():
                r = run("stats", "--db", db, "--format", "json")
                return json.loads(r.stdout)["documents"] if r.returncode == 0 else 0
            for attempt in range(6):
                before = documents()
                p = subprocess.Popen([BIN, "ingest", "--db", db, docs], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
                if attempt % 2 == 0:  # at any moment, the start included
                    time.sleep(rng.uniform(0.05, 0.6))
                else:  # once this run has stored documents: a slow start must not keep every kill before the writes
                    deadline = time.time() + 60
                    while p.poll() is None and time.time() < deadline and documents() <= before:
                        time.sleep(0.01)
                    time.sleep(rng.uniform(0, 0.05))
                p.send_signal(signal.SIGKILL)
                p.wait()
                r = run("query", "--db", db, "--limit", "0", "--format", "jsonl", "--include-negated")
                if not os.path.exists(db):  # killed before the store was complete: there is none
                    self.assertIn("no such store", r.stderr)
                    continue
                self.assertEqual(r.returncode, 0, r.stderr)
                stored = {}
                for line in r.stdout.splitlines():
                    doc = json.loads(line)["doc"]
                    stored[doc] = stored.get(doc, 0) + 1
                for doc, n in stored.items():
                    self.assertEqual(n, expected[doc], "document %s is partly stored" % doc)
                stats = json.loads(run("stats", "--db", db, "--format", "json").stdout)
                self.assertEqual(stats["extractions"], sum(stored.values()))
                cut_short += p.returncode == -signal.SIGKILL and 0 < stats["documents"] < 3000
            # Otherwise every kill came before the store or after the load, and nothing above was tested.
            self.assertGreater(cut_short, 0)
            # A full run afterwards completes the store.
            self.assertEqual(run("ingest", "--db", db, docs).returncode, 0)
            stats = json.loads(run("stats", "--db", db, "--format", "json").stdout)
            self.assertEqual(stats["documents"], 3000)
            self.assertEqual(stats["extractions"], sum(expected.values()))
        finally:
            shutil.rmtree(tmp)


class ConcurrencyTest(unittest.TestCase):
    """Readers work while an ingest runs, and see whole documents only."""

    def test_stats_and_query_during_ingest(self):
        import time
        tmp = tempfile.mkdtemp(prefix="nasij-concurrent-")
        try:
            text = "استدعى الرئيس توكاييف القوات الروسية. The army attacked the city."
            per_doc = sum(1 for x in run("extract", "-", stdin=text).stdout.splitlines() if '"triple"' in x)
            docs = os.path.join(tmp, "docs.jsonl")
            with open(docs, "w") as f:
                for i in range(8000):
                    f.write(json.dumps({"id": "d%d" % i, "text": text}, ensure_ascii=False) + "\n")
            db = os.path.join(tmp, "store")
            self.assertEqual(run("ingest", "--db", db, "-", stdin=json.dumps({"id": "first", "text": text}) + "\n").returncode, 0)
            import urllib.request
            base = serve(self, db)
            writer = subprocess.Popen([BIN, "ingest", "--db", db, docs], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.addCleanup(writer.wait)
            self.addCleanup(writer.kill)
            seen, late_writes = 0, 0
            deadline = time.time() + 60
            while writer.poll() is None and time.time() < deadline:
                r = run("stats", "--db", db, "--format", "json")
                self.assertEqual(r.returncode, 0, r.stderr)
                s = json.loads(r.stdout)
                self.assertEqual(s["extractions"], per_doc * s["documents"])
                self.assertEqual(run("query", "--db", db, "--limit", "1").returncode, 0)
                with urllib.request.urlopen(base + "/api/query?limit=1", timeout=30) as answer:
                    self.assertEqual(answer.status, 200)
                    self.assertEqual(len(json.loads(answer.read())), 1)
                exported = run("export", "--db", db, "--format", "json")
                self.assertEqual(exported.returncode, 0, exported.stderr)
                self.assertIn("elements", json.loads(exported.stdout))
                second = run("ingest", "--db", db, "-", stdin=text)
                if second.returncode == 0:
                    late_writes = 1  # the first writer had just finished: it stored document "stdin"
                else:
                    self.assertIn("in use by another nasij process", second.stderr)
                seen += 1
            writer.wait()
            self.assertGreater(seen, 0)
            s = json.loads(run("stats", "--db", db, "--format", "json").stdout)
            self.assertEqual(s["documents"], 8001 + late_writes)
        finally:
            shutil.rmtree(tmp)


class PartitionTest(unittest.TestCase):
    """extract --partition and ingest --merge, as a cluster's driver runs them (tests/dask has the cluster)."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="nasij-partition-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def test_partitions_merged_in_order_equal_one_ingest(self):
        files = sorted(os.path.join(EXAMPLES, f) for f in os.listdir(EXAMPLES) if f.endswith(".txt"))
        os.mkdir(self.path("parts"))
        for i, f in enumerate(files):
            r = run("extract", "--partition", self.path(f"parts/{i}.nasijpart"), f)
            self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))
        r = run("ingest", "--db", self.path("merged"), "--merge", self.path("parts"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(f"merged {len(files)} documents from {len(files)} partition results", r.stderr)
        self.assertEqual(run("ingest", "--db", self.path("single"), *files).returncode, 0)
        for command in (["stats"], ["entities", "--format", "jsonl"], ["export", "--format", "node-link"],
                        ["query", "--format", "jsonl", "--limit", "0", "--include-negated"]):
            merged = run(*command, "--db", self.path("merged")).stdout
            single = run(*command, "--db", self.path("single")).stdout
            self.assertEqual([l for l in merged.splitlines() if not l.startswith("bytes_on_disk")],
                             [l for l in single.splitlines() if not l.startswith("bytes_on_disk")], command)
        again = run("ingest", "--db", self.path("merged"), "--merge", self.path("parts"))
        self.assertIn("(0 new or changed)", again.stderr)

    def test_a_surname_alone_joins_its_person_across_partitions(self):
        # The surname alone in the first partition, the person in full in the second.
        os.mkdir(self.path("parts"))
        for i, doc in enumerate((SURNAME_ALONE, PERSON_IN_FULL)):
            r = run("extract", "--partition", self.path(f"parts/{i}.nasijpart"), "-", stdin=json.dumps(doc) + "\n")
            self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(run("ingest", "--db", self.path("merged"), "--merge", self.path("parts")).returncode, 0)
        feed = "".join(json.dumps(d) + "\n" for d in (SURNAME_ALONE, PERSON_IN_FULL))
        self.assertEqual(run("ingest", "--db", self.path("single"), "-", stdin=feed).returncode, 0)
        for command in (["entities", "--format", "jsonl"], ["export", "--format", "node-link"]):
            merged = run(*command, "--db", self.path("merged")).stdout
            self.assertEqual(merged, run(*command, "--db", self.path("single")).stdout, command)
        self.assertIn("martin holloway", merged)
        self.assertNotIn('"holloway"', merged)

    def test_what_cannot_be_merged_is_refused_whole(self):
        part = self.path("good.nasijpart")
        self.assertEqual(run("extract", "--partition", part, os.path.join(EXAMPLES, "csto-withdrawal-ar.txt")).returncode, 0)
        foreign = self.path("foreign.nasijpart")
        with open(foreign, "w") as f:
            f.write("not a partition\n")
        r = run("ingest", "--db", self.path("db"), "--merge", part, foreign)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr.count("\n"), 1, r.stderr)
        self.assertIn("is not a nasij partition result", r.stderr)
        self.assertIn("documents\t0", run("stats", "--db", self.path("db")).stdout)
        twice = run("ingest", "--db", self.path("db"), "--merge", part, part)
        self.assertEqual(twice.returncode, 1)
        self.assertIn("given twice", twice.stderr)
        self.assertIn("documents\t0", run("stats", "--db", self.path("db")).stdout)
        for args in (["--merge"], ["--merge", "--triples", part, part]):
            self.assertEqual(run("ingest", "--db", self.path("db"), *args).returncode, 2, args)
        empty = self.path("empty")
        os.mkdir(empty)
        self.assertIn("no partition results", run("ingest", "--db", self.path("db"), "--merge", empty).stderr)

    def test_a_partition_appears_only_once_complete(self):
        part = self.path("missing-dir/p.nasijpart")
        r = run("extract", "--partition", part, os.path.join(EXAMPLES, "csto-withdrawal-ar.txt"))
        self.assertEqual(r.returncode, 1)
        self.assertFalse(os.path.exists(self.path("missing-dir")))
        bad = run("extract", "--partition", self.path("p.nasijpart"), self.path("no-such-input.txt"))
        self.assertEqual(bad.returncode, 1, "a skipped input is reported")
        self.assertEqual(os.listdir(self.tmp), ["p.nasijpart"], "complete, with what could be read, and nothing else")


class HostileInputTest(unittest.TestCase):
    """Inputs too big or too odd for the usual paths: no crash, no hang, a clear answer."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="nasij-hostile-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_a_3mb_word_and_a_huge_line(self):
        word = os.path.join(self.tmp, "word.txt")
        with open(word, "w") as f:
            f.write("ك" * (3 * 1024 * 1024 // 2))
        r = run("extract", word)
        self.assertEqual((r.returncode, r.stdout), (0, ""), r.stderr)
        self.assertEqual(run("ingest", "--db", os.path.join(self.tmp, "w"), word).returncode, 0)
        # 50 MB by default; a sanitizer build sets less, its processes being slower.
        megabytes = int(os.environ.get("NASIJ_BIG_LINE_MB", "50"))
        line = os.path.join(self.tmp, "line.txt")
        words = "استدعى الرئيس توكاييف القوات الروسية "
        with open(line, "w") as f:
            f.write(words * (megabytes * 1024 * 1024 // len(words.encode())))
        stats, peak_kb = self.ingested_with_peak_memory(line)
        parts = -(-megabytes // 10)  # split into parts of at most 10 MB, cut at sentence ends
        self.assertTrue(parts <= stats["documents"] <= parts + 1, stats)
        self.assertGreater(stats["extractions"], 1000)
        self.assertLess(peak_kb, 1024 * 1024)
        self.assertGreater(self.extracted_triples(line), 1000)

    def ingested_with_peak_memory(self, *inputs, env=None):
        """Ingests `inputs` (the last a path) into a store of its own; returns its stats and the ingest's peak memory in KB."""
        db = inputs[-1] + ".store"
        measure = ("import resource, subprocess, sys\n"
                   "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
                   "sys.stderr.write(r.stderr)\n"
                   "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
                   "sys.exit(r.returncode)")
        r = subprocess.run([sys.executable, "-c", measure, BIN, "ingest", "--db", db, *inputs],
                           capture_output=True, text=True, timeout=600, env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(run("stats", "--db", db, "--format", "json").stdout), int(r.stdout)

    def test_a_bulk_load_twice_as_large_takes_no_more_memory(self):
        def write(path, documents):
            # Ten triples a document; every 1,000th document's lines are spread over the file.
            import random
            rng = random.Random(5)
            lines = []
            for d in range(documents):
                for i in range(10):
                    lines.append(json.dumps({"doc": "d%d" % (d if d % 1000 else d * 7 % documents),
                                             "subject": "entity %d" % rng.randrange(50000),
                                             "relation": "relation %d" % rng.randrange(200),
                                             "object": "entity %d" % rng.randrange(50000)}))
            with open(path, "w") as f:
                f.write("\n".join(lines) + "\n")
            return len(set(json.loads(l)["doc"] for l in lines))
        # Under AddressSanitizer, memory freed is kept a while to catch its
        # use, and would count as held: here it is given back at once.
        without_quarantine = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":quarantine_size_mb=0")
        peaks = []
        for documents in (30000, 60000):
            path = os.path.join(self.tmp, "bulk-%d.jsonl" % documents)
            distinct = write(path, documents)
            stats, peak_kb = self.ingested_with_peak_memory("--triples", path, env=without_quarantine)
            self.assertEqual((stats["documents"], stats["extractions"]), (distinct, documents * 10))
            peaks.append(peak_kb)
        # Memory holds one group of documents, not the file: 300,000 more triples add little.
        self.assertLess(peaks[1], peaks[0] * 1.25, peaks)

    def test_long_texts_are_split_and_long_lines_skipped(self):
        text = os.path.join(self.tmp, "long.txt")
        paragraph = "Tokayev asked Russia for help. " * 1000 + "\n\n"  # 31 KB
        with open(text, "w") as f:
            f.write(paragraph * 80)  # 2.5 MB
        r = run("extract", "--max-document-mb", "1", text)
        self.assertEqual(r.returncode, 0, r.stderr)
        docs = {json.loads(x)["doc"] for x in r.stdout.splitlines()}
        self.assertEqual(docs, {text + "#1", text + "#2", text + "#3"})
        self.assertIn("split into 3 documents", r.stderr)
        self.assertEqual(len(r.stderr.splitlines()), 1)
        stats = self.ingested(text)  # 2.5 MB is under the default limit
        self.assertEqual(stats["documents"], 1)

        lines = os.path.join(self.tmp, "lines.jsonl")
        with open(lines, "w") as f:
            for i, body in enumerate(["Blinken condemned the violence.", "x" * (1 << 20) + " y",
                                      "Tokayev asked Russia for help."]):
                f.write(json.dumps({"id": "d%d" % i, "text": body}) + "\n")
        r = run("extract", "--max-document-mb", "1", lines)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr.strip(), "nasij: %s:2: line longer than 1 MB, the most a document may hold "
                                           "(--max-document-mb) (skipped)" % lines)
        self.assertEqual({json.loads(x)["doc"] for x in r.stdout.splitlines()}, {"d0", "d2"})
        self.assertEqual(run("extract", "--max-document-mb", "0", lines).returncode, 2)

    def test_an_endless_binary_stream_is_refused_at_once(self):
        r = subprocess.run([BIN, "extract", "/dev/zero"], capture_output=True, text=True, timeout=120)
        self.assertEqual((r.returncode, r.stdout), (1, ""))
        self.assertEqual(r.stderr, "nasij: /dev/zero#1: contains NUL bytes (binary file?); "
                                   "the rest of /dev/zero is not read (skipped)\n")

    def ingested(self, path):
        """Ingests `path` into a store of its own and returns the store's stats."""
        db = path + ".store"
        r = subprocess.run([BIN, "ingest", "--db", db, path], capture_output=True, text=True, timeout=600)
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(run("stats", "--db", db, "--format", "json").stdout)

    def extracted_triples(self, path):
        """Runs extract on `path` and counts its triples without keeping its output."""
        r = subprocess.run(["bash", "-c", 'set -o pipefail; "$0" extract "$1" | grep -c \'"type":"triple"\'', BIN, path],
                           capture_output=True, text=True, timeout=600)
        self.assertEqual(r.returncode, 0, r.stderr)
        return int(r.stdout)

    def test_a_document_of_100k_sentences(self):
        doc = os.path.join(self.tmp, "long.txt")
        with open(doc, "w") as f:
            f.write("استدعى توكاييف القوات. Blinken condemned the violence. " * 50000)
        stats = self.ingested(doc)
        self.assertEqual(stats["sentences"], 100000)
        self.assertEqual(stats["extractions"], 100000)
        self.assertEqual(self.extracted_triples(doc), 100000)

    def test_odd_files_extract_and_ingest_alike(self):
        empty, odd = os.path.join(self.tmp, "empty.txt"), os.path.join(self.tmp, "odd.jsonl")
        open(empty, "w").close()
        with open(odd, "w") as f:
            f.write('{"id": "u", "text": "Moscow leads the alliance.", "colour": "blue", "n": [1, 2]}\n')
            f.write('{"id": "v", "text": ["not", "a", "string"]}\n')
            f.write('{"id": "u", "text": "A second u."}\n')
            f.write('{"id": "w\\u0007", "text": "Bell."}\n')
        for command in (["extract"], ["ingest", "--db", os.path.join(self.tmp, "odd-store")]):
            r = run(*command, empty, odd)
            self.assertEqual(r.returncode, 1, r.stderr)
            skipped = [l for l in r.stderr.splitlines() if l.startswith("nasij: ")]
            self.assertTrue(any(odd + ":2:" in l for l in skipped), r.stderr)
            self.assertTrue(any(odd + ":3: duplicate id" in l for l in skipped), r.stderr)
            self.assertTrue(any(odd + ":4:" in l and "control" in l for l in skipped), r.stderr)
        r = run("extract", odd)
        docs = {json.loads(l)["doc"] for l in r.stdout.splitlines()}
        self.assertEqual(docs, {"u"})

    def test_an_unreadable_file_is_named_and_skipped(self):
        secret, fine = os.path.join(self.tmp, "secret.txt"), os.path.join(self.tmp, "fine.txt")
        for path in (secret, fine):
            with open(path, "w") as f:
                f.write("Moscow leads the alliance.")
        os.chmod(secret, 0)
        os.chmod(self.tmp, 0o755)
        # Root reads anything: the commands run as nobody then.
        as_user = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
        writable = os.path.join(self.tmp, "writable")
        os.makedirs(writable)
        os.chmod(writable, 0o777)
        store = os.path.join(writable, "store")
        for command in (["extract"], ["ingest", "--db", store]):
            r = subprocess.run(as_user + [BIN, *command, secret, fine], capture_output=True, text=True, timeout=60)
            self.assertEqual(r.returncode, 1, r.stderr)
            self.assertIn("nasij: " + secret + ": ", r.stderr)
            self.assertNotIn(fine, r.stderr)

    def test_a_corrupted_store_is_refused_clearly_and_left_alone(self):
        db = os.path.join(self.tmp, "store")
        self.assertEqual(run("ingest", "--db", db, os.path.join(EXAMPLES, "kazakhstan-unrest-en.txt")).returncode, 0)
        with open(os.path.join(db, "CURRENT"), "w") as f:
            f.write("MANIFEST-999999\n")  # points at nothing
        def data_files():  # RocksDB's own info logs (LOG*) rotate at every open
            return sorted(f for f in os.listdir(db) if not f.startswith("LOG"))
        before = data_files()
        for command in (["stats"], ["ingest", os.path.join(EXAMPLES, "kazakhstan-unrest-en.txt")], ["query"]):
            r = run(command[0], "--db", db, *command[1:])
            self.assertEqual(r.returncode, 1, r.stderr)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
            self.assertTrue(r.stderr.startswith("nasij: " + db), r.stderr)
        self.assertEqual(data_files(), before)

    def test_control_characters_are_refused_in_triples_and_escaped_on_output(self):
        db, triples = os.path.join(self.tmp, "controls"), os.path.join(self.tmp, "controls.jsonl")
        with open(triples, "w") as f:
            f.write('{"doc": "t", "subject": "Moscow", "relation": "leads", "object": "CSTO"}\n'
                    '{"doc": "t", "subject": "a\\u001b]0;pwned\\u0007", "relation": "leads", "object": "b"}\n'
                    '{"doc": "t", "subject": "a", "relation": "le\\u0000ads", "object": "b"}\n'
                    '{"doc": "t\\nu", "subject": "a", "relation": "leads", "object": "b"}\n')
        r = run("ingest", "--db", db, "--triples", triples)
        self.assertEqual(r.returncode, 1)
        for line, name in ((2, "subject"), (3, "relation"), (4, "doc")):
            self.assertIn('%s:%d: "%s" holds a control character' % (triples, line, name), r.stderr)
        # A text document keeps what it says (its id may hold none); what is shown of it is escaped.
        docs = os.path.join(self.tmp, "controls-docs.jsonl")
        with open(docs, "w") as f:
            f.write(json.dumps({"id": "doc-1", "text": "Russia sent troops to Kazakhstan.\x1b]0;pwned\x07"}) + "\n")
        self.assertEqual(run("ingest", "--db", db, docs).returncode, 0)
        for command in (["query"], ["query", "--entity", "Russia"], ["entities"], ["neighbors", "Russia"],
                        ["export", "--format", "dot"]):
            r = run(command[0], "--db", db, *command[1:])
            self.assertEqual(r.returncode, 0, (command, r.stderr))
            self.assertTrue(r.stdout.strip(), command)
            self.assertFalse([c for c in r.stdout if ord(c) < 0x20 and c not in "\n\t"], (command, r.stdout))
        self.assertIn("Kazakhstan.\\x1b]0;pwned\\x07", run("query", "--db", db).stdout)
        r = run("neighbors", "--db", db, "nobody\x1b[2J\nmore")  # an error quoting the name stays one clean line
        self.assertEqual((r.returncode, r.stderr), (1, "nasij: no entity named 'nobody\\x1b[2J\\x0amore'\n"))

    def test_a_flipped_byte_in_a_table_file_fails_every_command_clearly(self):
        db = os.path.join(self.tmp, "flipped")
        for _ in range(2):  # the second open writes the first one's log to table files
            self.assertEqual(run("ingest", "--db", db, EXAMPLES).returncode, 0)
        tables = [os.path.join(db, f) for f in os.listdir(db) if f.endswith(".sst")]
        self.assertGreater(len(tables), 5)
        for table in tables:
            with open(table, "r+b") as f:
                f.seek(8)  # inside the first data block
                byte = f.read(1)[0]
                f.seek(8)
                f.write(bytes([byte ^ 0x40]))
        for command in (["stats"], ["query"], ["query", "--entity", "Tokayev"], ["entities"],
                        ["export", "--format", "dot"], ["neighbors", "Tokayev"], ["path", "Tokayev", "Moscow"],
                        ["ingest", os.path.join(EXAMPLES, "kazakhstan-unrest-en.txt")]):
            r = run(command[0], "--db", db, *command[1:])
            self.assertEqual(r.returncode, 1, (command, r.stdout[-500:]))
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
            self.assertTrue(r.stderr.startswith("nasij: "), r.stderr)
            self.assertIn(db, r.stderr)
            self.assertIn("Corruption", r.stderr)

    def test_a_full_disk_fails_clearly_and_leaves_a_readable_store(self):
        docs = os.path.join(self.tmp, "docs.jsonl")
        text = "استدعى الرئيس توكاييف القوات الروسية. The army attacked the city. " * 20
        with open(docs, "w") as f:
            for i in range(3000):
                f.write(json.dumps({"id": "d%d" % i, "text": text + str(i)}, ensure_ascii=False) + "\n")
        per_doc = sum(1 for x in run("extract", "-", stdin=text).stdout.splitlines() if '"triple"' in x)
        disk, store = os.path.join(self.tmp, "disk"), os.path.join(self.tmp, "disk", "store")
        os.makedirs(disk)
        # A 2 MB tmpfs in a mount namespace of our own (root, or an unprivileged user namespace).
        script = ('mount -t tmpfs -o size=2m tmpfs "$1" || exit 99; "$2" ingest --db "$3" "$4"; echo "ingest=$?"; '
                  '"$2" stats --db "$3" --format json; echo "stats=$?"')
        r = subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", disk, BIN, store, docs],
                           capture_output=True, text=True, timeout=300)
        self.assertNotEqual(r.returncode, 99, "cannot mount a tmpfs: " + r.stderr)
        self.assertIn("ingest=1", r.stdout, r.stderr)
        self.assertIn("No space left on device", r.stderr)
        self.assertEqual(len([l for l in r.stderr.splitlines() if l.startswith("nasij: ")]), 1, r.stderr)
        self.assertIn("stats=0", r.stdout)
        stats = json.loads(r.stdout.splitlines()[1])
        self.assertGreater(stats["documents"], 0)
        self.assertLess(stats["documents"], 3000)
        self.assertEqual(stats["extractions"], per_doc * stats["documents"])

        # A bulk load of triples, written as files, fails as a whole and leaves no scratch behind.
        triples = os.path.join(self.tmp, "triples.jsonl")
        with open(triples, "w") as f:
            for i in range(100000):
                f.write(json.dumps({"doc": "d%d" % (i // 100), "subject": "entity %d" % (i % 997),
                                    "relation": "relation %d" % (i % 89), "object": "entity %d" % (i * 7 % 991)}) + "\n")
        bulk = os.path.join(self.tmp, "bulk")
        os.makedirs(bulk)
        script = ('mount -t tmpfs -o size=3m tmpfs "$1" || exit 99; "$2" ingest --db "$3" --triples "$4"; '
                  'echo "ingest=$?"; "$2" stats --db "$3" --format json; echo "stats=$?"; ls "$3"')
        r = subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", bulk, BIN, os.path.join(bulk, "store"), triples],
                           capture_output=True, text=True, timeout=300)
        self.assertIn("ingest=1", r.stdout, r.stderr)
        self.assertIn("No space left on device", r.stderr)
        self.assertIn("stats=0", r.stdout)
        self.assertEqual(json.loads(r.stdout.splitlines()[1])["documents"], 0)
        self.assertNotIn("bulk-", r.stdout)


class ServeTest(unittest.TestCase):
    """nasij serve on loopback: the API, its limits, and the page in headless Chromium."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="nasij-serve-")
        cls.db = os.path.join(cls.tmp, "store")
        assert run("ingest", "--db", cls.db, EXAMPLES).returncode == 0
        cls.server, cls.base = start_server(cls.db)

    @classmethod
    def tearDownClass(cls):
        stop_server(cls.server)
        shutil.rmtree(cls.tmp)

    def get(self, path, method="GET"):
        import urllib.error
        import urllib.request
        try:
            with urllib.request.urlopen(urllib.request.Request(self.base + path, method=method), timeout=30) as r:
                return r.status, r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8")

    def test_listens_on_loopback_only_by_default(self):
        self.assertTrue(self.base.startswith("http://127.0.0.1:"))

    def test_api_answers_and_refuses_what_it_should(self):
        import urllib.parse
        status, body = self.get("/api/entities?search=" + urllib.parse.quote("توكاييف"))
        self.assertEqual(status, 200)
        self.assertIn("kassym-jomart-tokayev", [e["id"] for e in json.loads(body)])
        status, body = self.get("/api/path?from=Tokayev&to=Moscow")
        self.assertEqual(status, 200)
        self.assertGreater(len(json.loads(body)), 0)
        status, body = self.get("/api/neighbors?entity=Tokayev")
        self.assertEqual(status, 200)
        self.assertIn("kassym-jomart-tokayev", {n["data"]["id"] for n in json.loads(body)["elements"]["nodes"]})
        status, body = self.get("/api/query?entity=Tokayev&limit=2")
        self.assertEqual((status, len(json.loads(body))), (200, 2))
        self.assertIn("sentence_text", json.loads(body)[0])
        status, body = self.get("/api/overview?nodes=30&edges=3")
        self.assertEqual(status, 200)
        overview = json.loads(body)
        self.assertEqual((len(overview["elements"]["nodes"]), len(overview["elements"]["edges"])), (30, 3))
        path = json.loads(self.get("/api/path?from=Tokayev&to=Moscow")[1])
        self.assertEqual(path[0]["subject"], "kassym-jomart-tokayev")
        self.assertEqual((path[0]["subject_kind"], path[0]["id"].split("|")[0]), ("PER", "kassym-jomart-tokayev"))
        for bad in ["/api/overview?nodes=0", "/api/overview?edges=x",
                    "/api/query?limit=abc", "/api/query?limit=99999999", "/api/path?from=Tokayev",
                    "/api/neighbors", "/api/export?format=csv", "/api/query?min_confidence=2", "/api/query?lang=xx"]:
            self.assertEqual(self.get(bad)[0], 400, bad)
        for missing in ["/api/nothing", "/../../etc/passwd", "/index.html", "/api/neighbors?entity=nobody-at-all"]:
            self.assertEqual(self.get(missing)[0], 404, missing)
        self.assertGreaterEqual(self.get("/api/query", method="POST")[0], 400)
        self.assertEqual(self.get("/api/query?x=" + "a" * 100000)[0] // 100, 4)

    def raw_request(self, request):
        """Sends `request` as bytes; returns the status line and headers."""
        import socket
        host, port = self.base[len("http://"):].split(":")
        with socket.create_connection((host, int(port)), timeout=30) as s:
            s.sendall(request.encode())
            answer = b""
            while b"\r\n\r\n" not in answer:
                chunk = s.recv(4096)
                if not chunk:
                    break
                answer += chunk
        return answer.split(b"\r\n\r\n")[0].decode()

    def test_only_requests_addressed_to_this_server_are_answered(self):
        port = self.base.rsplit(":", 1)[1]
        api = "GET /api/query?limit=1 HTTP/1.1\r\nConnection: close\r\n"
        for host in ("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port):
            head = self.raw_request(api + "Host: %s\r\n\r\n" % host)
            self.assertTrue(head.startswith("HTTP/1.1 200"), (host, head))
            self.assertNotIn("access-control-allow-origin", head.lower())
        head = self.raw_request(api + "Host: 10.1.2.3:%s\r\n\r\n" % port)  # an address not served
        self.assertTrue(head.startswith("HTTP/1.1 421"), head)
        # A page of another site, its name rebound to this address.
        head = self.raw_request(api + "Host: evil.example\r\nOrigin: https://evil.example\r\n\r\n")
        self.assertTrue(head.startswith("HTTP/1.1 421"), head)
        # The right host, but read from another site's page.
        head = self.raw_request(api + "Host: 127.0.0.1:%s\r\nOrigin: https://evil.example\r\n\r\n" % port)
        self.assertTrue(head.startswith("HTTP/1.1 403"), head)
        self.assertTrue(self.raw_request(api + "\r\n").startswith("HTTP/1.1 421"))  # no Host at all

    def test_an_allowed_origin_may_read_and_no_other(self):
        base = serve(self, self.db, "--allow-origin", "https://analysis.example", "--allow-host", "graph.example")
        port = base.rsplit(":", 1)[1]
        saved, self.base = self.base, base
        self.addCleanup(setattr, self, "base", saved)
        api = "GET /api/query?limit=1 HTTP/1.1\r\nConnection: close\r\nHost: graph.example:%s\r\n" % port
        head = self.raw_request(api + "Origin: https://analysis.example\r\n\r\n")
        self.assertTrue(head.startswith("HTTP/1.1 200"), head)
        self.assertIn("Access-Control-Allow-Origin: https://analysis.example", head)
        self.assertTrue(self.raw_request(api + "Origin: https://other.example\r\n\r\n").startswith("HTTP/1.1 403"))

    def test_a_port_in_use_is_refused(self):
        port = self.base.rsplit(":", 1)[1]
        r = run("serve", "--db", self.db, "--port", port)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(len(r.stderr.splitlines()), 1, r.stderr)
        self.assertIn("cannot listen on 127.0.0.1:%s" % port, r.stderr)
        self.assertEqual(self.get("/api/query?limit=1")[0], 200)  # the first server still answers

    def test_slow_clients_hold_no_worker(self):
        import socket
        host, port = self.base[len("http://"):].split(":")
        slow = []
        for _ in range(16):  # more than the server has threads
            s = socket.create_connection((host, int(port)))
            s.sendall(b"GET /api/query HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the end of the headers
            self.addCleanup(s.close)
            slow.append(s)
        status, body = self.get("/api/neighbors?entity=Tokayev")
        self.assertEqual(status, 200, body)
        for s in slow:  # answered while every slow socket was still open, not after they timed out
            s.setblocking(False)
            with self.assertRaises(BlockingIOError):
                s.recv(1, socket.MSG_PEEK)

    def test_a_request_sent_too_slowly_is_cut_off(self):
        import socket
        import time
        port = int(serve(self, self.db, "--request-deadline", "1").rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(b"GET /api/query HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            closed = False
            for _ in range(50):  # a header line every 0.2 s: each read is quick, the request never ends
                time.sleep(0.2)
                try:
                    s.sendall(b"X-Slow: 1\r\n")
                    s.setblocking(False)
                    closed = s.recv(1, socket.MSG_PEEK) == b""
                except BlockingIOError:
                    pass
                except OSError:
                    closed = True
                s.setblocking(True)
                if closed:
                    break
            self.assertTrue(closed)

    def test_the_html_export_draws_offline(self):
        page = os.path.join(self.tmp, "graph.html")
        self.assertEqual(run("export", "--db", self.db, "--format", "html", "-o", page).returncode, 0)
        graph = json.loads(run("export", "--db", self.db, "--format", "json").stdout)["elements"]
        dom = chromium_dom(self, "file://" + page + "?search=Tokayev")
        self.assertIn('id="status">%d nodes, %d edges<' % (len(graph["nodes"]), len(graph["edges"])), dom)
        self.assertIn("Kassym-Jomart Tokayev · PER", dom)

    def test_the_page_loads_its_libraries_apart_and_a_browser_may_keep_them(self):
        import re
        import urllib.request
        status, page = self.get("/")
        self.assertEqual(status, 200)
        address = re.search(r'<script src="(/viewer-libraries\.js\?v=[0-9a-f]+)"></script>', page).group(1)
        with urllib.request.urlopen(self.base + address, timeout=30) as r:
            self.assertEqual(r.headers["Content-Type"], "text/javascript; charset=utf-8")
            self.assertIn("immutable", r.headers["Cache-Control"])
            libraries = r.read().decode("utf-8")
        for name in ["graphology", "Sigma", "layouts"]:
            self.assertIn("window.%s=" % name, libraries)
        self.assertNotIn(libraries[:1000], page)

    def test_the_page_opens_on_an_overview_and_finds_tokayev(self):
        import urllib.parse
        status, body = self.get("/api/overview")
        self.assertEqual(status, 200, body)
        overview = json.loads(body)
        stats = json.loads(run("stats", "--db", self.db, "--format", "json").stdout)
        # The examples are small: their overview is the whole store.
        self.assertEqual(overview["total"]["edges"], stats["triples"])
        self.assertEqual(len(overview["elements"]["edges"]), stats["triples"])
        dom = chromium_dom(self, self.base + "/?search=" + urllib.parse.quote("توكاييف"))
        self.assertEqual(len(overview["elements"]["nodes"]), overview["total"]["nodes"])
        self.assertIn('id="status">%d nodes, %d edges<' % (overview["total"]["nodes"], stats["triples"]), dom)
        self.assertIn("Kassym-Jomart Tokayev · PER", dom)

    def test_a_person_searches_clicks_reads_and_expands(self):
        import urllib.parse

        def neighbours(name):
            status, body = self.get("/api/neighbors?entity=" + urllib.parse.quote(name))
            self.assertEqual(status, 200, body)
            return json.loads(body)["elements"]
        # Start from Tokayev's neighbourhood; pick a neighbour that has neighbours of its own beyond it.
        first = neighbours("Tokayev")
        drawn = {n["data"]["id"] for n in first["nodes"]}
        target = next(n["data"] for n in first["nodes"]
                      if {m["data"]["id"] for m in neighbours(n["data"]["id"])["nodes"]} - drawn)
        expected_after = len(drawn | {m["data"]["id"] for m in neighbours(target["id"])["nodes"]})

        r = subprocess.run(["node", os.path.join(ROOT, "tests", "cli", "readers", "drive_viewer.js"),
                            self.base + "/?entity=Tokayev", target["label"], target["id"],
                            os.path.join(self.tmp, "viewer.png")],
                           capture_output=True, text=True, timeout=180,
                           env={**os.environ, "NODE_PATH": os.environ["NASIJ_READERS"]})
        self.assertEqual(r.returncode, 0, r.stderr[-3000:])
        seen = json.loads(r.stdout)
        self.assertEqual(seen["errors"], [])
        self.assertIn(target["id"], seen["searchHits"])
        self.assertEqual(seen["heading"], target["label"])
        self.assertEqual(seen["headingDirection"], "rtl" if any("\u0600" <= c <= "\u06ff" for c in target["label"]) else "ltr")
        self.assertTrue(seen["triples"])
        # Grouped by relation, each group saying how many it holds.
        self.assertTrue(seen["groups"])
        self.assertEqual(sum(int(g.rsplit("· ", 1)[1]) for g in seen["groups"]), len(seen["triples"]))
        self.assertTrue(all(".txt" in t for t in seen["triples"]), seen["triples"])  # each with its source
        self.assertEqual(seen["englishLabel"], target["label_en"] or target["label"])
        self.assertEqual((seen["nodesBeforeExpanding"], seen["nodesAfterExpanding"]), (len(drawn), expected_after))
        self.assertTrue(seen["status"].startswith("%d nodes, " % expected_after))
        # The path back to the one searched, and the link between them with its relations.
        self.assertTrue(seen["pathTriples"])
        self.assertTrue(all(".txt" in t for t in seen["pathTriples"]), seen["pathTriples"])
        self.assertEqual(len(seen["pairTriples"]), seen["pairExpected"])
        # Filters apply to the drawing.
        self.assertEqual(seen["relationFilter"]["links"], seen["relationFilter"]["expected"])
        self.assertGreater(seen["relationFilter"]["links"], 0)
        self.assertEqual(seen["kindFilter"]["nodes"], seen["kindFilter"]["expected"])
        self.assertLess(seen["kindFilter"]["nodes"], seen["nodesAfterExpanding"])
        self.assertGreater(os.path.getsize(os.path.join(self.tmp, "viewer.png")), 10000)



class ServeDocumentsTest(unittest.TestCase):
    """What nasij serve tells of the documents triples were read in, and its
    filters by day of publication and by source, on documents written here."""

    DOCUMENTS = [
        {"id": "early", "title": "Troops arrive in Kazakhstan", "url": "https://www.Alpha.example:8443/news/1?x=1",
         "published": "2022-01-06T08:00:00Z",
         "text": "Russia sent troops to Kazakhstan. Tokayev thanked Vladimir Putin for the help."},
        {"id": "late", "title": "Tokayev removes Nazarbayev", "url": "https://beta.example/2", "published": "2022-01-13",
         "text": "Tokayev removed Nazarbayev from the Security Council. Nazarbayev did not appear in public."},
        {"id": "bare", "text": "Blinken urged the authorities to respect the rights of peaceful protesters."},
    ]

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="nasij-serve-documents-")
        cls.db = os.path.join(cls.tmp, "store")
        documents = os.path.join(cls.tmp, "documents.jsonl")
        with open(documents, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in cls.DOCUMENTS)
        assert run("ingest", "--db", cls.db, documents).returncode == 0
        cls.server, cls.base = start_server(cls.db)

    @classmethod
    def tearDownClass(cls):
        stop_server(cls.server)
        shutil.rmtree(cls.tmp)

    get = ServeTest.get

    def answer(self, path):
        status, body = self.get(path)
        self.assertEqual(status, 200, path + ": " + body)
        return json.loads(body)

    def docs(self, query):
        return {row["doc"] for row in self.answer("/api/query?limit=1000" + query)}

    def test_query_rows_carry_their_documents(self):
        rows = self.answer("/api/query?limit=1000")
        self.assertEqual({r["doc"] for r in rows}, {"early", "late", "bare"})
        early = next(r for r in rows if r["doc"] == "early")
        self.assertEqual((early["doc_title"], early["doc_url"], early["doc_source"], early["doc_published"]),
                         ("Troops arrive in Kazakhstan", "https://www.Alpha.example:8443/news/1?x=1", "alpha.example",
                          "2022-01-06T08:00:00Z"))
        bare = next(r for r in rows if r["doc"] == "bare")
        self.assertFalse({"doc_title", "doc_url", "doc_source", "doc_published"} & set(bare))

    def test_filters_select_by_day_and_source(self):
        self.assertEqual(self.docs("&from=2022-01-10"), {"late"})
        self.assertEqual(self.docs("&to=2022-01-10"), {"early"})
        self.assertEqual(self.docs("&from=2022-01-06&to=2022-01-06"), {"early"})
        self.assertEqual(self.docs("&from=2022-01-07&to=2022-01-12"), set())
        self.assertEqual(self.docs("&source=ALPHA.example"), {"early"})
        self.assertEqual(self.docs("&source=beta.example&to=2022-01-10"), set())

        def drawn(elements):
            return {e["data"]["id"] for e in elements["edges"]}
        # A triple is drawn when a document the filter admits supports it; "bare" has no day.
        of = {doc: drawn(self.answer("/api/export?format=json&doc=" + doc)["elements"]) for doc in ["early", "late", "bare"]}
        for path in ["/api/neighbors?entity=Tokayev&", "/api/neighbors?entity=Tokayev&hops=2&",
                     "/api/export?format=json&", "/api/overview?"]:
            every = drawn(self.answer(path.rstrip("?&"))["elements"])
            before, after = (drawn(self.answer(path + bound)["elements"]) for bound in ["to=2022-01-10", "from=2022-01-10"])
            self.assertTrue(before and after, path)
            self.assertEqual(before, every & of["early"], path)
            self.assertEqual(after, every & of["late"], path)
            self.assertEqual(drawn(self.answer(path + "source=beta.example")["elements"]), after, path)

    def test_a_malformed_day_is_refused(self):
        for bad in ["2022-1-6", "2022-13-01", "06/01/2022", "yesterday", "2022-01-06T08:00"]:
            for path in ["/api/query?from=", "/api/query?to=", "/api/neighbors?entity=Tokayev&from=",
                         "/api/export?format=json&to=", "/api/overview?from="]:
                status, body = self.get(path + bad)
                self.assertEqual(status, 400, path + bad)
                self.assertIn("YYYY-MM-DD", json.loads(body)["error"])

    def test_the_panel_shows_documents_and_the_date_filter_redraws(self):
        r = subprocess.run(["node", os.path.join(ROOT, "tests", "cli", "readers", "filter_documents.js"),
                            self.base + "/?entity=Tokayev", "kassym-jomart-tokayev", "2022-01-10"],
                           capture_output=True, text=True, timeout=180,
                           env={**os.environ, "NODE_PATH": os.environ["NASIJ_READERS"]})
        self.assertEqual(r.returncode, 0, r.stderr[-3000:])
        seen = json.loads(r.stdout)
        self.assertEqual(seen["errors"], [])
        links = {(a["title"], a["href"]) for d in seen["documents"] for a in d["links"]}
        self.assertEqual(links, {("Troops arrive in Kazakhstan", "https://www.alpha.example:8443/news/1?x=1"),
                                 ("Tokayev removes Nazarbayev", "https://beta.example/2")})
        self.assertIn("Troops arrive in Kazakhstan · alpha.example · 2022-01-06", [d["text"] for d in seen["documents"]])
        # The filter asked for the drawing again: what the API gives for those documents.
        self.assertIn("from=2022-01-10", seen["address"])
        after = self.answer("/api/neighbors?entity=Tokayev&from=2022-01-10")["elements"]["nodes"]
        self.assertEqual(seen["nodesAfter"], sorted(n["data"]["id"] for n in after))
        self.assertLess(len(seen["nodesAfter"]), len(seen["nodesBefore"]))

def open_viewer(test, url, *options):
    """What the viewer drew of `url` in headless Chromium, and how fast (tests/cli/readers/open_viewer.js)."""
    r = subprocess.run(["node", os.path.join(ROOT, "tests", "cli", "readers", "open_viewer.js"), url, *options],
                       capture_output=True, text=True, timeout=300,
                       env={**os.environ, "NODE_PATH": os.environ["NASIJ_READERS"]})
    test.assertEqual(r.returncode, 0, r.stderr[-3000:])
    seen = json.loads(r.stdout)
    test.assertEqual(seen["errors"], [])
    return seen


class ViewerScaleTest(unittest.TestCase):
    """The viewer on a generated store of 3,000 entities and 8,000 triples: an
    overview first, the whole store in one page, and no more drawn than asked."""

    @classmethod
    def setUpClass(cls):
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import generated_graph
        cls.tmp = tempfile.mkdtemp(prefix="nasij-viewer-")
        cls.db = os.path.join(cls.tmp, "store")
        triples = os.path.join(cls.tmp, "generated.jsonl")
        generated_graph.write(3000, 8000, triples)
        assert run("ingest", "--db", cls.db, "--triples", triples).returncode == 0
        cls.page = os.path.join(cls.tmp, "graph.html")
        assert run("export", "--db", cls.db, "--format", "html", "-o", cls.page).returncode == 0
        cls.server, cls.base = start_server(cls.db)

    @classmethod
    def tearDownClass(cls):
        stop_server(cls.server)
        shutil.rmtree(cls.tmp)

    def test_the_served_page_opens_on_the_most_central_named_entities(self):
        seen = open_viewer(self, self.base + "/", "--click", "generated-0")
        self.assertEqual(seen["drawnNodes"], 200)
        self.assertNotIn("CONCEPT", seen["kindsDrawn"])  # named entities lead
        self.assertIn("most central entities of 3,000", seen["notice"])
        self.assertLessEqual(seen["triplesDrawn"], 600)
        # Links between one pair are merged, and hold every triple drawn.
        self.assertGreater(seen["mergedLinks"], 0)
        self.assertLess(seen["drawnLinks"], seen["triplesDrawn"])
        # Labels where they fit: some, far from all.
        self.assertTrue(0 < seen["labelsDrawn"] < seen["drawnNodes"], seen["labelsDrawn"])
        self.assertEqual(sum(int(g.rsplit("· ", 1)[1]) for g in seen["panel"]["groups"]), len(seen["panel"]["triples"]))
        self.assertTrue(all("generated-" in t for t in seen["panel"]["triples"]), seen["panel"]["triples"][:3])

    def test_a_click_after_dragging_the_view_finds_its_node(self):
        # Past 5,000 links the page finds no node under the mouse while the
        # view is dragged; once it rests, a click that slips a pixel does.
        seen = open_viewer(self, "file://" + self.page, "--click-after-pan", "generated-0")
        self.assertGreater(seen["drawnLinks"], 5000)
        self.assertTrue(seen["clickedAfterPan"]["aNode"], seen["clickedAfterPan"])

    def test_the_html_export_draws_every_node_and_a_guard_draws_fewer(self):
        whole = open_viewer(self, "file://" + self.page)
        self.assertEqual((whole["drawnNodes"], whole["triplesDrawn"]), (3000, 8000))
        self.assertEqual(whole["status"], "3000 nodes, 8000 edges")
        self.assertEqual(whole["notice"], "")
        self.assertEqual(whole["kindsDrawn"], ["CONCEPT", "LOC", "MISC", "ORG", "PER"])
        few = open_viewer(self, "file://" + self.page + "?max_nodes=500")
        self.assertEqual(few["drawnNodes"], 500)
        self.assertIn("Drawn: the 500 most central nodes (PageRank) of 3,000; this page draws no more", few["notice"])
        # One of the least central, not drawn, is drawn with its neighbours when searched for.
        held = open_viewer(self, "file://" + self.page + "?max_nodes=500&search=generated-2999", "--click", "generated-2999")
        self.assertGreater(held["drawnNodes"], 500)
        self.assertTrue(held["panel"]["triples"])


class ServeUnderLoadTest(unittest.TestCase):
    """nasij serve on a store of 100k generated triples: a bulk load beside it, and heavy requests."""

    @staticmethod
    def write_triples(path, prefix, n):
        import random
        rng = random.Random(prefix)
        with open(path, "w") as f:
            for i in range(n):
                f.write(json.dumps({"doc": "%s-%d" % (prefix, i // 10), "subject": "entity %d" % rng.randrange(10000),
                                    "relation": "relation %d" % rng.randrange(100),
                                    "object": "entity %d" % rng.randrange(10000)}) + "\n")

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="nasij-serve-load-")
        cls.db = os.path.join(cls.tmp, "store")
        first = os.path.join(cls.tmp, "first.jsonl")
        cls.write_triples(first, "first", 100000)
        assert run("ingest", "--db", cls.db, "--triples", first).returncode == 0
        cls.server, cls.base = start_server(cls.db)

    @classmethod
    def tearDownClass(cls):
        stop_server(cls.server)
        shutil.rmtree(cls.tmp)

    def get(self, path):
        return ServeTest.get(self, path)

    def test_a_bulk_load_is_served_whole_documents_at_a_time(self):
        import time
        second = os.path.join(self.tmp, "second.jsonl")
        self.write_triples(second, "second", 100000)
        loader = subprocess.Popen([BIN, "ingest", "--db", self.db, "--triples", second],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.addCleanup(loader.stderr.close)
        served = 0
        while loader.poll() is None:
            status, body = self.get("/api/query?doc=second-%d" % (served % 10000))
            self.assertEqual(status, 200, body)
            self.assertIn(len(json.loads(body)), (0, 10))  # a document is there whole or not at all
            self.assertEqual(self.get("/api/neighbors?entity=entity%2017")[0], 200)
            served += 1
        self.assertEqual(loader.wait(), 0, loader.stderr.read())
        self.assertGreater(served, 0)
        for _ in range(100):  # the server notices the change within its recheck time
            status, body = self.get("/api/query?doc=second-9999")
            if len(json.loads(body)) == 10:
                break
            time.sleep(0.1)
        self.assertEqual(len(json.loads(body)), 10)

    def test_heavy_requests_wait_their_turn_and_starve_nothing(self):
        import socket
        import urllib.error
        host, port = self.base[len("http://"):].split(":")
        # An export of the whole store (tens of MB) to a client that reads only its first bytes.
        # Its answer is made whole before the first byte is sent: about 2 s in a release
        # build, and over a minute under the sanitizers with other tests running.
        hog = socket.create_connection((host, int(port)), timeout=600)
        self.addCleanup(hog.close)
        hog.sendall(b"GET /api/export?format=json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.assertTrue(hog.recv(12).startswith(b"HTTP/1.1 200"))
        import urllib.request
        for heavy in ("/api/export?format=graphml", "/api/path?from=entity%201&to=entity%202",
                      "/api/neighbors?entity=entity%2017&hops=2"):
            with self.assertRaises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(self.base + heavy, timeout=30)
            self.assertEqual(refused.exception.code, 503, heavy)
            self.assertEqual(refused.exception.headers["Retry-After"], "2")
        status, body = self.get("/api/neighbors?entity=entity%2017")
        self.assertEqual(status, 200, body)
        hog.close()  # the slot is free once its answer is written or abandoned
        import time
        for _ in range(100):
            status, body = self.get("/api/path?from=entity%201&to=entity%202")
            if status != 503:
                break
            time.sleep(0.1)
        self.assertEqual(status, 200, body)


if __name__ == "__main__":
    unittest.main()
