#include "graph/graph.h"

#include <catch2/catch.hpp>
#include <algorithm>
#include <set>
#include <filesystem>
#include "tests/storage/raw_db.h"

namespace fs = std::filesystem;
using namespace nasij;

TEST_CASE("A selected graph has one vertex per entity and keeps parallel edges", "[graph]") {
  fs::path path = fs::temp_directory_path() / ("nasij-graph-" + std::to_string(::getpid()));
  fs::remove_all(path);
  {
    auto store = Store::Open(path.string(), Store::Mode::kReadWrite);
    REQUIRE(store.ok());
    Extraction e;
    e.document = {"d", "text"};
    Argument moscow{"موسكو", "moscow", "LOC", "Moscow"}, csto{"المنظمة", "csto", "ORG", "CSTO"},
        kz{"كازاخستان", "kazakhstan", "LOC", "Kazakhstan"}, a{"أ", "a", "CONCEPT", ""}, b{"ب", "b", "CONCEPT", ""};
    auto triple = [](Argument s, const char* rel, Argument o, double c) {
      Triple t;
      t.subject = s;
      t.relation = {rel, rel, ""};
      t.object = o;
      t.confidence = c;
      return t;
    };
    e.triples = {triple(moscow, "تقود", csto, 0.9), triple(moscow, "تمول", csto, 0.6),
                 triple(csto, "أرسلت قوات إلى", kz, 0.8), triple(a, "يسبق", b, 0.5)};
    bool changed;
    REQUIRE((*store)->Ingest(e, &changed).ok());
    auto graph = SelectedGraph::Build(**store, GraphSelection{});
    REQUIRE(graph.ok());
    const SelectedGraph::Shape& g = (*graph)->shape();
    CHECK(boost::num_vertices(g) == 5);
    CHECK(boost::num_edges(g) == 4);  // two relations between Moscow and the CSTO stay two edges
    std::map<std::string, NodeData> nodes;
    for (auto v : boost::make_iterator_range(boost::vertices(g))) nodes[g[v].id] = g[v];
    CHECK(nodes["moscow"].degree == 2);
    CHECK(nodes["csto"].degree == 3);
    CHECK(nodes["moscow"].component == nodes["kazakhstan"].component);
    CHECK(nodes["a"].component != nodes["moscow"].component);
    CHECK(nodes["kazakhstan"].pagerank > nodes["moscow"].pagerank);  // rank flows along edges
    double total = 0;
    for (auto& [k, n] : nodes) total += n.pagerank;
    CHECK(total == Approx(1.0).epsilon(0.01));

    CHECK(nodes["moscow"].component == 0);  // numbered in the order of their first vertex
    CHECK(nodes["a"].component == 1);

    // The edges read back from the store are the shape's edges.
    std::vector<std::string> read_back, shape_edges;
    REQUIRE((*graph)
                ->ForEachEdge([&](size_t source, size_t target, const EdgeData& e) {
                  CHECK(g[source].id + "|" + e.lemma + "|" + g[target].id == e.key);
                  read_back.push_back(g[source].id + ">" + g[target].id);
                  return true;
                })
                .ok());
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
      shape_edges.push_back(g[boost::source(e, g)].id + ">" + g[boost::target(e, g)].id);
    }
    std::sort(read_back.begin(), read_back.end());
    std::sort(shape_edges.begin(), shape_edges.end());
    CHECK(read_back == shape_edges);

    auto confident = SelectedGraph::Build(**store, GraphSelection{.min_confidence = 0.7});
    REQUIRE(confident.ok());
    CHECK(boost::num_edges((*confident)->shape()) == 2);
    int sources = 0;
    REQUIRE((*confident)->ForEachSource([&](const Provenance& p) { return ++sources; }).ok());
    CHECK(sources == 2);  // the extractions of the two confident triples only

    auto one_hop = Neighborhood(**store, "moscow", 1);
    REQUIRE(one_hop.ok());
    CHECK(one_hop->size() == 2);
    auto two_hops = Neighborhood(**store, "moscow", 2);
    CHECK(two_hops->size() == 3);  // through the CSTO to Kazakhstan

    auto path = ShortestPath(**store, "kazakhstan", "moscow", 4);  // edges followed backwards too
    REQUIRE(path.ok());
    REQUIRE(path->has_value());
    REQUIRE((*path)->size() == 2);
    CHECK((*path)->front().object.key == "kazakhstan");
    CHECK((*path)->back().subject.key == "moscow");
    CHECK_FALSE(ShortestPath(**store, "moscow", "a", 4)->has_value());
    CHECK_FALSE(ShortestPath(**store, "kazakhstan", "moscow", 1)->has_value());
    auto itself = ShortestPath(**store, "moscow", "moscow", 4);  // a path of length zero
    REQUIRE(itself.ok());
    REQUIRE(itself->has_value());
    CHECK((*itself)->empty());
  }
  fs::remove_all(path);
}

TEST_CASE("A walk that cannot read a triple fails instead of leaving it out", "[graph]") {
  fs::path path = fs::temp_directory_path() / ("nasij-graph-damaged-" + std::to_string(::getpid()));
  fs::remove_all(path);
  {
    auto store = Store::Open(path.string(), Store::Mode::kReadWrite);
    REQUIRE(store.ok());
    Extraction e;
    e.document = {"d", "text"};
    Triple t;
    t.subject = {"موسكو", "moscow", "LOC", "Moscow"};
    t.relation = {"تقود", "قاد", ""};
    t.object = {"المنظمة", "csto", "ORG", "CSTO"};
    e.triples = {t};
    bool changed;
    REQUIRE((*store)->Ingest(e, &changed).ok());
  }
  {
    // The triple's record cut short, as a damaged disk would leave it; its index entries stay.
    nasij::testing::RawDb raw(path);
    raw.Rewrite("triples", [](const std::string& value) { return value.substr(0, 3); });
  }
  auto store = Store::Open(path.string(), Store::Mode::kReadOnly);
  REQUIRE(store.ok());
  auto around = Neighborhood(**store, "moscow", 1);
  CHECK(around.status().IsCorruption());
  CHECK(ShortestPath(**store, "moscow", "csto", 2).status().IsCorruption());
  CHECK(SelectedGraph::Build(**store, GraphSelection{.entity = "Moscow"}).status().IsCorruption());
  store.value().reset();
  fs::remove_all(path);
}

TEST_CASE("Triples with an unresolved pronoun stay in the store but out of graph views", "[graph][reference]") {
  fs::path path = fs::temp_directory_path() / ("nasij-unresolved-" + std::to_string(::getpid()));
  fs::remove_all(path);
  auto store = Store::Open(path.string(), Store::Mode::kReadWrite);
  REQUIRE(store.ok());
  Extraction e;
  e.document = {"d", "text"};
  Argument okafor{"Sandra Okafor", "sandra okafor", "PER", ""}, ito{"Kenji Ito", "kenji ito", "PER", ""},
      he{"He", "he", "CONCEPT", ""}, race{"the race", "race", "CONCEPT", ""};
  he.unresolved = true;
  Argument he_concept = he;  // a concept spelled like the pronoun is another node
  he_concept.unresolved = false;
  auto triple = [](Argument s, const char* rel, Argument o, const char* time) {
    Triple t;
    t.subject = s;
    t.relation = {rel, rel, ""};
    t.object = o;
    t.time = time;
    return t;
  };
  e.triples = {triple(okafor, "won", race, "Sunday"), triple(he, "praised", okafor, ""),
               triple(he, "met", ito, ""), triple(he_concept, "named", race, "")};
  bool changed;
  REQUIRE((*store)->Ingest(e, &changed).ok());

  auto graph = SelectedGraph::Build(**store, GraphSelection{});
  REQUIRE(graph.ok());
  std::set<std::string> keys;
  REQUIRE((*graph)->ForEachEdge([&](size_t, size_t, const EdgeData& d) {
    keys.insert(d.key);
    if (d.key == "sandra okafor|won|race") CHECK(d.time == "Sunday");
    return true;
  }).ok());
  CHECK(keys == std::set<std::string>{"sandra okafor|won|race", "he|named|race"});
  GraphSelection all;
  all.include_unresolved = true;
  auto whole = SelectedGraph::Build(**store, all);
  REQUIRE(whole.ok());
  CHECK(boost::num_edges((*whole)->shape()) == 4);

  // No walk goes through the pronoun from Okafor to Ito.
  auto path_found = ShortestPath(**store, "sandra okafor", "kenji ito", 4);
  REQUIRE(path_found.ok());
  CHECK_FALSE(path_found->has_value());
  auto around = Neighborhood(**store, "sandra okafor", 2);
  REQUIRE(around.ok());
  CHECK(around->size() == 2);  // won the race; the concept "he" named the race
  for (const TripleRow& t : *around) CHECK_FALSE((t.subject.unresolved || t.object.unresolved));

  Pattern p;
  int shown = 0, with_unresolved = 0;
  REQUIRE((*store)->Query(p, [&](const ExtractionRow&) { return ++shown; }).ok());
  p.include_unresolved = true;
  REQUIRE((*store)->Query(p, [&](const ExtractionRow& row) {
    if (row.triple.subject.text == "He" && row.triple.relation.text != "named") CHECK(row.triple.subject.unresolved);
    return ++with_unresolved;
  }).ok());
  CHECK(shown == 2);
  CHECK(with_unresolved == 4);
  store->reset();
  fs::remove_all(path);
}

TEST_CASE("A document filter admits by the day published and by the url's host or the record's source", "[graph]") {
  CHECK(IsDay("2022-01-06"));
  for (const char* bad : {"2022-1-06", "2022-13-01", "2022-01-32", "2022-00-10", "06/01/2022", "2022-01-06T08"}) {
    CHECK_FALSE(IsDay(bad));
  }
  DocumentMeta meta;
  meta.url = "https://user@WWW.Alpha.example:8443/news/1?x=1";
  meta.published = "2022-01-06T08:00:00Z";
  meta.source = "Alpha News";
  CHECK(SourceOf(meta) == "alpha.example");
  DocumentMeta other;
  other.url = "http://[::1]:8080/a";
  CHECK(SourceOf(other) == "[::1]");
  other.url.clear();
  other.source = "Reuters";
  CHECK(SourceOf(other) == "Reuters");

  auto admits = [](std::string from, std::string to, std::string source, const DocumentMeta& m) {
    DocumentFilter filter;
    filter.from = std::move(from);
    filter.to = std::move(to);
    filter.source = std::move(source);
    return filter.Admits(m);
  };
  CHECK(admits("", "", "", meta));
  CHECK(admits("2022-01-06", "2022-01-06", "", meta));
  CHECK_FALSE(admits("2022-01-07", "", "", meta));
  CHECK_FALSE(admits("", "2022-01-05", "", meta));
  CHECK_FALSE(admits("2000-01-01", "", "", other));  // no day: left out
  CHECK(admits("", "", "ALPHA.example", meta));
  CHECK(admits("", "", "alpha news", meta));
  CHECK_FALSE(admits("", "", "beta.example", meta));
}
