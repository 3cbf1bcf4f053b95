#include "export/export.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "export/xml.h"

using namespace nasij;

namespace {

KnowledgeGraph SmallGraph() {
  KnowledgeGraph g;
  auto a = boost::add_vertex(NodeData{"kassym-jomart-tokayev", "توكاييف", "Kassym-Jomart Tokayev", "PER",
                                      {"توكاييف", "Tokayev"}, 3},
                             g);
  auto b = boost::add_vertex(NodeData{"q&a <x>", "\"سؤال\" & جواب\x01", "", "CONCEPT", {}, 0}, g);
  boost::add_edge(a, b, EdgeData{"استدعى", "استدعى", "summon", 0.123456789012, true, "reported", 2, "doc-1", 4}, g);
  boost::add_edge(a, b, EdgeData{"أدان", "أدان", "condemn", 0.5, false, "asserted", 1, "doc-2", 0}, g);
  g[a].pagerank = 0.123456789012345;
  return g;
}

}  // namespace

TEST_CASE("xml::Escape escapes markup and drops forbidden characters", "[export]") {
  CHECK(xml::Escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
  CHECK(xml::Escape("x\x01y\x1Fz\tw") == "xyz\tw");
  CHECK(xml::Escape("موسكو") == "موسكو");
}

TEST_CASE("GraphML has typed keys, true/false, full precision and escaped ids", "[export]") {
  std::ostringstream out;
  REQUIRE(WriteGraphML(SmallGraph(), out).ok());
  const std::string x = out.str();
  CHECK(x.find("<key id=\"e_negated\" for=\"edge\" attr.name=\"negated\" attr.type=\"boolean\"/>") != std::string::npos);
  CHECK(x.find("<data key=\"e_negated\">true</data>") != std::string::npos);
  CHECK(x.find("<data key=\"e_negated\">false</data>") != std::string::npos);
  CHECK(x.find("0.123456789012") != std::string::npos);
  CHECK(x.find("<node id=\"q&amp;a &lt;x&gt;\">") != std::string::npos);
  CHECK(x.find("&quot;سؤال&quot; &amp; جواب</data>") != std::string::npos);
  CHECK(x.find('\x01') == std::string::npos);
  CHECK(x.find("<edge id=\"e1\"") != std::string::npos);  // parallel edges stay two
}

TEST_CASE("Cytoscape JSON holds every node and edge with its data", "[export]") {
  std::ostringstream out;
  REQUIRE(WriteCytoscapeJson(SmallGraph(), out).ok());
  auto j = nlohmann::json::parse(out.str());
  auto& nodes = j["elements"]["nodes"];
  auto& edges = j["elements"]["edges"];
  REQUIRE(nodes.size() == 2);
  REQUIRE(edges.size() == 2);
  CHECK(nodes[0]["data"]["label_en"] == "Kassym-Jomart Tokayev");
  CHECK(nodes[0]["data"]["aliases"][1] == "Tokayev");
  CHECK(edges[0]["data"]["source"] == "kassym-jomart-tokayev");
  CHECK(edges[0]["data"]["target"] == "q&a <x>");
  CHECK(edges[0]["data"]["negated"] == true);
  CHECK(edges[1]["data"]["label_en"] == "condemn");
}

TEST_CASE("ParseExportFormat knows its formats", "[export]") {
  ExportFormat f;
  CHECK(ParseExportFormat("graphml", &f));
  CHECK(f == ExportFormat::kGraphML);
  CHECK(ParseExportFormat("json", &f));
  CHECK(ParseExportFormat("turtle", &f));
  CHECK(f == ExportFormat::kTurtle);
  CHECK(ParseExportFormat("node-link", &f));
  CHECK(f == ExportFormat::kNodeLinkJson);

  CHECK_FALSE(ParseExportFormat("xml", &f));
}

TEST_CASE("Node-link JSON numbers parallel edges by key", "[export]") {
  std::ostringstream out;
  REQUIRE(WriteNodeLinkJson(SmallGraph(), out).ok());
  auto j = nlohmann::json::parse(out.str());
  CHECK(j["directed"] == true);
  CHECK(j["multigraph"] == true);
  REQUIRE(j["nodes"].size() == 2);
  REQUIRE(j["links"].size() == 2);
  CHECK(j["links"][0]["key"] == 0);
  CHECK(j["links"][1]["key"] == 1);
  CHECK(j["links"][1]["relation"] == "أدان");
}

TEST_CASE("DOT quotes ids and labels and dashes negated edges", "[export]") {
  std::ostringstream out;
  REQUIRE(WriteDot(SmallGraph(), out).ok());
  const std::string d = out.str();
  CHECK(d.rfind("digraph nasij {", 0) == 0);
  CHECK(d.find("\"q&a <x>\" [label=\"\\\"سؤال\\\" & جواب\x01\"") != std::string::npos);
  CHECK(d.find("\"kassym-jomart-tokayev\" -> \"q&a <x>\" [label=\"استدعى\"") != std::string::npos);
  CHECK(d.find("style=dashed") != std::string::npos);
}

TEST_CASE("RDF states only asserted edges and keeps provenance for all", "[export]") {
  std::ostringstream nt;
  REQUIRE(WriteRdf(SmallGraph(), "https://ex.org/", false, nt).ok());
  const std::string n = nt.str();
  // The negated, reported edge is not stated; the asserted one is.
  CHECK(n.find("<https://ex.org/entity/kassym-jomart-tokayev> <https://ex.org/relation/استدعى> "
               "<https://ex.org/entity/q&a%20<x>>") == std::string::npos);
  CHECK(n.find("<https://ex.org/entity/kassym-jomart-tokayev> <https://ex.org/relation/أدان> "
               "<https://ex.org/entity/q&a%20%3Cx%3E> .\n") != std::string::npos);
  CHECK(n.find("\"توكاييف\"@ar") != std::string::npos);
  CHECK(n.find("\"Kassym-Jomart Tokayev\"@en") != std::string::npos);
  CHECK(n.find("\"\\\"سؤال\\\" & جواب\\u0001\"@ar") != std::string::npos);
  CHECK(n.find("<https://ex.org/ontology#negated> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>") !=
        std::string::npos);
  CHECK(n.find("ontology#Extraction") == std::string::npos);  // none without provenance
  KnowledgeGraph sourced = SmallGraph();
  for (auto e : boost::make_iterator_range(boost::edges(sourced))) {
    sourced[e].provenance = {{"doc-1", 4, "استدعى", 0.5, true, "reported"}, {"doc-9", 1, "يستدعي", 0.7, false, "asserted"}};
  }
  std::ostringstream with_sources;
  REQUIRE(WriteRdf(sourced, "https://ex.org/", false, with_sources).ok());
  const std::string w = with_sources.str();
  CHECK(w.find("<https://ex.org/statement/0/extraction/1> <https://ex.org/ontology#document> \"doc-9\" .") !=
        std::string::npos);
  CHECK(w.find("<https://ex.org/statement/1/extraction/0> <https://ex.org/ontology#supports> "
               "<https://ex.org/statement/1> .") != std::string::npos);
  std::ostringstream ttl;
  REQUIRE(WriteRdf(SmallGraph(), "https://ex.org/", true, ttl).ok());
  CHECK(ttl.str().rfind("@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .", 0) == 0);
  CHECK(ttl.str().find("rdf:type rdf:Statement") != std::string::npos);
}

TEST_CASE("Neo4j CSV has import headers and quotes fields that need it", "[export]") {
  std::ostringstream nodes, relationships;
  REQUIRE(WriteNeo4jNodes(SmallGraph(), nodes).ok());
  REQUIRE(WriteNeo4jRelationships(SmallGraph(), relationships).ok());
  CHECK(nodes.str().rfind("id:ID,label,label_en,kind,aliases:string[],", 0) == 0);
  CHECK(nodes.str().find("kassym-jomart-tokayev,توكاييف,Kassym-Jomart Tokayev,PER,توكاييف;Tokayev,3,") !=
        std::string::npos);
  CHECK(nodes.str().find("\"\"\"سؤال\"\" & جواب") != std::string::npos);
  CHECK(relationships.str().rfind(":START_ID,:END_ID,:TYPE,", 0) == 0);
  CHECK(relationships.str().find("kassym-jomart-tokayev,q&a <x>,CONDEMN,أدان,") != std::string::npos);
}

TEST_CASE("The HTML page inlines Cytoscape.js and the graph, with no network", "[export]") {
  std::ostringstream out;
  KnowledgeGraph g = SmallGraph();
  g[1].label = "</script><b>";
  REQUIRE(WriteHtml(g, out).ok());
  const std::string h = out.str();
  CHECK(h.find("id=\"status\"") != std::string::npos);
  CHECK(h.find("cytoscape") != std::string::npos);
  CHECK(h.size() > 300000);  // Cytoscape.js itself
  CHECK(h.find("\\u003c/script>\\u003cb>") != std::string::npos);
  CHECK(h.find("</script><b>") == std::string::npos);
  CHECK(h.find("src=\"http") == std::string::npos);
}
