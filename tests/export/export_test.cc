#include "export/export.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <algorithm>
#include <filesystem>
#include <sstream>

#include "export/viewer.h"
#include "export/xml.h"

namespace fs = std::filesystem;
using namespace nasij;

namespace {

// A store of two entities with two edges between them, and its whole graph.
class SmallGraph {
 public:
  explicit SmallGraph(const std::string& odd_label = "\"سؤال\" & جواب\x01") : path_(fs::temp_directory_path() / ("nasij-export-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    auto opened = Store::Open(path_.string(), Store::Mode::kReadWrite);
    REQUIRE(opened.ok());
    store_ = std::move(*opened);
    Extraction e;
    e.document = {"doc-1", "text"};
    const Argument tokayev{"توكاييف", "kassym-jomart-tokayev", "PER", "Kassym-Jomart Tokayev"};
    const Argument odd{odd_label, "q&a <x>", "CONCEPT", ""};
    e.known["kassym-jomart-tokayev"] = {"توكاييف", "Kassym-Jomart Tokayev", {"توكاييف", "Tokayev"}};
    Triple summon;
    summon.sentence = 4;
    summon.subject = tokayev;
    summon.relation = {"استدعى", "استدعى", "summon"};
    summon.object = odd;
    summon.confidence = 0.123456789012;
    summon.negated = true;
    summon.modality = Modality::kReported;
    Triple condemn = summon;
    condemn.sentence = 0;
    condemn.relation = {"أدان", "أدان", "condemn"};
    condemn.confidence = 0.5;
    condemn.negated = false;
    condemn.modality = Modality::kAsserted;
    Triple condemn_again = condemn;
    condemn_again.sentence = 1;
    condemn_again.relation.text = "يدين";
    e.triples = {summon, condemn, condemn_again};
    e.mentions = {{0, tokayev}, {1, tokayev}, {4, tokayev}};
    bool changed;
    REQUIRE(store_->Ingest(e, &changed).ok());
  }
  ~SmallGraph() {
    graph_.reset();
    store_.reset();
    fs::remove_all(path_);
  }

  SelectedGraph& graph(const GraphSelection& selection = {}) {
    auto built = SelectedGraph::Build(*store_, selection);
    REQUIRE(built.ok());
    graph_ = std::move(*built);
    return *graph_;
  }

 private:
  fs::path path_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<SelectedGraph> graph_;
};

}  // namespace

TEST_CASE("xml::Escape escapes markup and drops forbidden characters", "[export]") {
  CHECK(xml::Escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
  CHECK(xml::Escape("x\x01y\x1Fz\tw") == "xyz\tw");
  CHECK(xml::Escape("موسكو") == "موسكو");
}

TEST_CASE("GraphML has typed keys, true/false, full precision and escaped ids", "[export]") {
  std::ostringstream out;
  SmallGraph small;
  REQUIRE(WriteGraphML(small.graph(), out).ok());
  const std::string x = out.str();
  CHECK(x.find("<key id=\"negated\" for=\"edge\" attr.name=\"negated\" attr.type=\"boolean\"/>") != std::string::npos);
  CHECK(x.find("<key id=\"e_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>") != std::string::npos);
  CHECK(x.find("<data key=\"negated\">true</data>") != std::string::npos);
  CHECK(x.find("<data key=\"negated\">false</data>") != std::string::npos);
  CHECK(x.find("<data key=\"e_name\">توكاييف (أدان) ") != std::string::npos);
  CHECK(x.find("0.123456789012") != std::string::npos);
  CHECK(x.find("<node id=\"q&amp;a &lt;x&gt;\">") != std::string::npos);
  CHECK(x.find("&quot;سؤال&quot; &amp; جواب</data>") != std::string::npos);
  CHECK(x.find('\x01') == std::string::npos);
  CHECK(x.find("<edge id=\"e1\"") != std::string::npos);  // parallel edges stay two
}

TEST_CASE("GEXF names each edge's kind by its lemma and weighs it by its sources", "[export]") {
  std::ostringstream out;
  SmallGraph small;
  REQUIRE(WriteGexf(small.graph(), out).ok());
  const std::string x = out.str();
  CHECK(x.find("<gexf xmlns=\"http://gexf.net/1.3\"") != std::string::npos);
  CHECK(x.find("<graph defaultedgetype=\"directed\">") != std::string::npos);
  CHECK(x.find("<attribute id=\"negated\" title=\"negated\" type=\"boolean\"/>") != std::string::npos);
  CHECK(x.find("<node id=\"kassym-jomart-tokayev\" label=\"توكاييف\">") != std::string::npos);
  CHECK(x.find("label=\"استدعى\" kind=\"استدعى\" weight=\"1\">") != std::string::npos);
  CHECK(x.find("kind=\"أدان\" weight=\"2\">") != std::string::npos);  // two sentences say it
  CHECK(x.find("<node id=\"q&amp;a &lt;x&gt;\" label=\"&quot;سؤال&quot; &amp; جواب\">") != std::string::npos);
  CHECK(x.find("<attvalue for=\"aliases\" value=\"Tokayev|توكاييف\"/>") != std::string::npos);
  CHECK(x.find('\x01') == std::string::npos);
}

TEST_CASE("Cytoscape JSON holds every node and edge with its data", "[export]") {
  std::ostringstream out;
  SmallGraph small;
  REQUIRE(WriteCytoscapeJson(small.graph(), out).ok());
  auto j = nlohmann::json::parse(out.str());
  auto& nodes = j["elements"]["nodes"];
  auto& edges = j["elements"]["edges"];
  REQUIRE(nodes.size() == 2);
  REQUIRE(edges.size() == 2);
  CHECK(nodes[0]["data"]["label_en"] == "Kassym-Jomart Tokayev");
  CHECK(nodes[0]["data"]["aliases"][0] == "Tokayev");
  CHECK(edges[0]["data"]["source"] == "kassym-jomart-tokayev");
  CHECK(edges[0]["data"]["target"] == "q&a <x>");
  CHECK(edges[0]["data"]["negated"] == true);
  CHECK(edges[1]["data"]["label_en"] == "condemn");
}

TEST_CASE("ParseExportFormat knows its formats", "[export]") {
  ExportFormat f;
  CHECK(ParseExportFormat("graphml", &f));
  CHECK(f == ExportFormat::kGraphML);
  CHECK(ParseExportFormat("gexf", &f));
  CHECK(f == ExportFormat::kGexf);
  CHECK(ParseExportFormat("json", &f));
  CHECK(ParseExportFormat("turtle", &f));
  CHECK(f == ExportFormat::kTurtle);
  CHECK(ParseExportFormat("node-link", &f));
  CHECK(f == ExportFormat::kNodeLinkJson);

  CHECK_FALSE(ParseExportFormat("xml", &f));
}

TEST_CASE("Node-link JSON keys parallel edges by relation", "[export]") {
  std::ostringstream out;
  SmallGraph small;
  REQUIRE(WriteNodeLinkJson(small.graph(), out).ok());
  auto j = nlohmann::json::parse(out.str());
  CHECK(j["directed"] == true);
  CHECK(j["multigraph"] == true);
  REQUIRE(j["nodes"].size() == 2);
  REQUIRE(j["links"].size() == 2);
  CHECK(j["links"][0]["key"] == "استدعى");  // the relation tells parallel edges apart
  CHECK(j["links"][1]["key"] == "أدان");
  CHECK(j["links"][1]["relation"] == "أدان");
}

TEST_CASE("DOT quotes ids and labels and dashes negated edges", "[export]") {
  std::ostringstream out;
  SmallGraph small;
  REQUIRE(WriteDot(small.graph(), out).ok());
  const std::string d = out.str();
  CHECK(d.rfind("digraph nasij {", 0) == 0);
  CHECK(d.find("\"q&a <x>\" [label=\"\\\"سؤال\\\" & جواب\\\\x01\"") != std::string::npos);  // \x01 shown
  CHECK(d.find("\"kassym-jomart-tokayev\" -> \"q&a <x>\" [label=\"استدعى\"") != std::string::npos);
  CHECK(d.find("style=dashed") != std::string::npos);
}

TEST_CASE("DOT shows control characters in names as escapes", "[export]") {
  // NUL (Graphviz refuses the file), ESC and BEL (a terminal title), a newline, and C1's CSI.
  const char raw[] = "a\0b\x1b]0;title\x07\nc\xc2\x9b";
  const std::string hostile(raw, sizeof raw - 1);
  std::ostringstream out;
  SmallGraph small(hostile);
  REQUIRE(WriteDot(small.graph(), out).ok());
  const std::string d = out.str();
  CHECK(d.find("[label=\"a\\\\x00b\\\\x1b]0;title\\\\x07\\\\x0ac\\\\u009b\"") != std::string::npos);
  std::istringstream lines(d);
  for (std::string line; std::getline(lines, line);) {
    CHECK(std::none_of(line.begin(), line.end(), [](char c) { return uint8_t(c) < 0x20 || c == 0x7f; }));
    CHECK(line.find("\xc2\x9b") == std::string::npos);
  }
}

TEST_CASE("An RDF base is an absolute IRI that names can follow", "[export]") {
  for (const char* good : {"https://nasij.example/", "http://example.org/kb#", "urn:x-nasij:kb/"}) {
    CHECK(IsIriBase(good));
  }
  for (const char* bad : {"", "example.org/", "https://example.org/kb", "https://exa mple.org/", "https://e.org/<x>/",
                          "https://e.org/\x01/", "1http://e.org/", ":/", "https:/\"/", "h_ttp://e.org/"}) {
    CHECK_FALSE(IsIriBase(bad));
  }
}

TEST_CASE("RDF states only asserted edges and keeps provenance for all", "[export]") {
  SmallGraph small;
  std::ostringstream nt;
  REQUIRE(WriteRdf(small.graph(), "https://ex.org/", false, nt).ok());
  const std::string n = nt.str();
  // The negated, reported edge is not stated; the asserted one is.
  CHECK(n.find("<https://ex.org/entity/kassym-jomart-tokayev> <https://ex.org/relation/استدعى> "
               "<https://ex.org/entity/q&a%20%3Cx%3E> .") == std::string::npos);
  CHECK(n.find("<https://ex.org/entity/kassym-jomart-tokayev> <https://ex.org/relation/أدان> "
               "<https://ex.org/entity/q&a%20%3Cx%3E> .\n") != std::string::npos);
  CHECK(n.find("\"توكاييف\"@ar") != std::string::npos);
  CHECK(n.find("\"Kassym-Jomart Tokayev\"@en") != std::string::npos);
  CHECK(n.find("\"\\\"سؤال\\\" & جواب\\u0001\"@ar") != std::string::npos);
  CHECK(n.find("<https://ex.org/ontology#negated> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>") !=
        std::string::npos);
  // Statements are named by their triple; each extraction supports one.
  const std::string condemned = "<https://ex.org/statement/kassym-jomart-tokayev%7Cأدان%7Cq&a%20%3Cx%3E>";
  CHECK(n.find(condemned + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
               "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> .") != std::string::npos);
  auto count = [](const std::string& text, const std::string& what) {
    size_t found = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++found;
    return found;
  };
  CHECK(count(n, "<https://ex.org/ontology#Extraction>") == 3);
  CHECK(count(n, "<https://ex.org/ontology#supports> " + condemned) == 2);
  CHECK(n.find("<https://ex.org/ontology#relationText> \"يدين\"@ar") != std::string::npos);

  std::ostringstream selected;
  REQUIRE(WriteRdf(small.graph(GraphSelection{.relation = "summon"}), "https://ex.org/", false, selected).ok());
  CHECK(count(selected.str(), "<https://ex.org/ontology#Extraction>") == 1);  // only the selected edge's
  CHECK(count(selected.str(), condemned) == 0);

  std::ostringstream ttl;
  REQUIRE(WriteRdf(small.graph(), "https://ex.org/", true, ttl).ok());
  CHECK(ttl.str().rfind("@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .", 0) == 0);
  CHECK(ttl.str().find("rdf:type rdf:Statement") != std::string::npos);
}

TEST_CASE("Neo4j CSV has import headers and quotes fields that need it", "[export]") {
  SmallGraph small;
  std::ostringstream nodes, relationships;
  REQUIRE(WriteNeo4jNodes(small.graph(), nodes).ok());
  REQUIRE(WriteNeo4jRelationships(small.graph(), relationships).ok());
  CHECK(nodes.str().rfind("id:ID,label,label_en,kind,aliases:string[],", 0) == 0);
  CHECK(nodes.str().find("kassym-jomart-tokayev,توكاييف,Kassym-Jomart Tokayev,PER,Tokayev;توكاييف,3,") !=
        std::string::npos);
  CHECK(nodes.str().find("\"\"\"سؤال\"\" & جواب") != std::string::npos);
  CHECK(relationships.str().rfind(":START_ID,:END_ID,:TYPE,", 0) == 0);
  CHECK(relationships.str().find("kassym-jomart-tokayev,q&a <x>,CONDEMN,أدان,") != std::string::npos);
}

TEST_CASE("Neo4j CSV keeps one record per line, as neo4j-admin reads by default", "[export]") {
  SmallGraph small("سطر\nثان\r\nثالث");
  std::ostringstream nodes, relationships;
  REQUIRE(WriteNeo4jNodes(small.graph(), nodes).ok());
  REQUIRE(WriteNeo4jRelationships(small.graph(), relationships).ok());
  const std::string node_lines = nodes.str(), relationship_lines = relationships.str();
  CHECK(std::count(node_lines.begin(), node_lines.end(), '\n') == 3);
  CHECK(node_lines.find("سطر ثان  ثالث") != std::string::npos);
  CHECK(std::count(relationship_lines.begin(), relationship_lines.end(), '\n') == 3);
}

TEST_CASE("The HTML page inlines sigma.js, graphology and the graph, with no network", "[export]") {
  std::ostringstream out;
  SmallGraph small("</script><b>");
  REQUIRE(WriteHtml(small.graph(), out).ok());
  const std::string h = out.str();
  CHECK(h.find("id=\"status\"") != std::string::npos);
  CHECK(h.find("Sigma") != std::string::npos);
  CHECK(h.find("window.layouts") != std::string::npos);
  CHECK(h.find("linLogMode") != std::string::npos);  // ForceAtlas2
  CHECK(h.find("cytoscape(") == std::string::npos);
  CHECK(ViewerLibraries().size() > 150000);
  CHECK(h.find(ViewerLibraries()) != std::string::npos);
  CHECK(h.find("\\u003c/script>\\u003cb>") != std::string::npos);
  CHECK(h.find("</script><b>") == std::string::npos);
  CHECK(h.find("src=\"http") == std::string::npos);
}

TEST_CASE("The served page loads the libraries from their address and asks for its graph", "[export]") {
  const std::string page = ServedViewerPage("/libraries.js?v=1");
  CHECK(page.find("<script src=\"/libraries.js?v=1\"></script>") != std::string::npos);
  CHECK(page.find(ViewerLibraries().substr(0, 1000)) == std::string::npos);
  CHECK(page.find("const INLINE = /*NASIJ_DATA*/null;") != std::string::npos);
  CHECK(page.size() < 50000);
}

TEST_CASE("An overview holds the most central named entities and their strongest links", "[export]") {
  SmallGraph small;
  SelectedGraph& graph = small.graph();
  auto overview = [&](size_t nodes, size_t edges) {
    std::ostringstream out;
    REQUIRE(WriteOverviewJson(graph, {nodes, edges}, out).ok());
    return nlohmann::json::parse(out.str());
  };
  const auto whole = overview(10, 10);
  CHECK(whole["total"] == nlohmann::json{{"nodes", 2}, {"edges", 2}});
  CHECK(whole["elements"]["nodes"].size() == 2);
  CHECK(whole["elements"]["edges"].size() == 2);
  // Tokayev is named and the concept is not: he comes first, and alone
  // when one node is asked for, with no edge left to draw.
  const auto one = overview(1, 10);
  REQUIRE(one["elements"]["nodes"].size() == 1);
  CHECK(one["elements"]["nodes"][0]["data"]["id"] == "kassym-jomart-tokayev");
  CHECK(one["elements"]["edges"].empty());
  // The strongest link is the one with the most sources: condemn, said twice.
  const auto strongest = overview(2, 1);
  REQUIRE(strongest["elements"]["edges"].size() == 1);
  CHECK(strongest["elements"]["edges"][0]["data"]["lemma"] == "أدان");
  CHECK(strongest["elements"]["edges"][0]["data"]["sources"] == 2);
  CHECK(strongest["elements"]["edges"][0]["data"]["id"] == "kassym-jomart-tokayev|أدان|q&a <x>");
}
