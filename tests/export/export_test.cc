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
  CHECK_FALSE(ParseExportFormat("xml", &f));
}
