#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "extract/extract.h"

using namespace nasij;

TEST_CASE("TripleRecord writes the record contract", "[record]") {
  Triple t;
  t.sentence = 2;
  t.subject = {"توكاييف", "kassym-jomart-tokayev", "PER", "Kassym-Jomart Tokayev"};
  t.relation = {"استدعى", "استدعى", "summon"};
  t.object = {"القوات الروسية", "القوات الروسيه", "CONCEPT", ""};
  t.confidence = 0.75;
  t.modality = Modality::kReported;
  t.lang = "ar";
  t.start = 10;
  t.end = 40;
  auto j = nlohmann::json::parse(TripleRecord("doc-1", t));
  CHECK(j["type"] == "triple");
  CHECK(j["doc"] == "doc-1");
  CHECK(j["subject"]["label_en"] == "Kassym-Jomart Tokayev");
  CHECK_FALSE(j["object"].contains("label_en"));
  CHECK(j["relation"]["label_en"] == "summon");
  CHECK(j["modality"] == "reported");
  CHECK(j["span"] == nlohmann::json::array({10, 40}));
  CHECK_FALSE(j.contains("time"));
  CHECK_FALSE(j["subject"].contains("unresolved"));
  t.time = "الثلاثاء";
  t.subject.unresolved = true;
  auto timed = nlohmann::json::parse(TripleRecord("doc-1", t));
  CHECK(timed["time"] == "الثلاثاء");
  CHECK(timed["subject"]["unresolved"] == true);
  auto back = ParseTripleRecord(TripleRecord("doc-1", t));
  REQUIRE(back.ok());
  CHECK(back->triple.time == "الثلاثاء");
  CHECK(back->triple.subject.unresolved);
  CHECK_FALSE(back->triple.object.unresolved);
}

TEST_CASE("ParseTripleRecord reads minimal and full records", "[record]") {
  auto minimal = ParseTripleRecord(R"({"subject":"Moscow","relation":"leads","object":"CSTO"})");
  REQUIRE(minimal.ok());
  CHECK(minimal->triple.subject.text == "Moscow");
  CHECK(minimal->triple.relation.text == "leads");
  CHECK(minimal->doc.empty());

  auto full = ParseTripleRecord(
      R"({"type":"triple","doc":"d","sentence":3,"subject":{"text":"A","entity":"a","kind":"PER"},)"
      R"("relation":{"text":"met","lemma":"meet"},"object":"B","confidence":0.5,"negated":true,"modality":"possible"})");
  REQUIRE(full.ok());
  CHECK(full->doc == "d");
  CHECK(full->triple.sentence == 3);
  CHECK(full->triple.subject.kind == "PER");
  CHECK(full->triple.relation.lemma == "meet");
  CHECK(full->triple.negated);
  CHECK(full->triple.modality == Modality::kPossible);
}

TEST_CASE("ParseTripleRecord explains what is wrong", "[record]") {
  CHECK(ParseTripleRecord("{").status().message() == "not valid JSON");
  CHECK(ParseTripleRecord("[]").status().message() == "not a JSON object");
  CHECK(ParseTripleRecord(R"({"subject":"a","relation":"b"})").status().message() == "missing \"object\"");
  CHECK(ParseTripleRecord(R"({"subject":"a","relation":"b","object":" "})").status().message() ==
        "\"object\" is empty");
  CHECK(ParseTripleRecord(R"({"subject":"a","relation":"b","object":"c","confidence":2})").status().message() ==
        "\"confidence\" must be between 0 and 1");
  CHECK(ParseTripleRecord(R"({"subject":"a","relation":"b","object":"c","modality":"maybe"})").ok() == false);
}

TEST_CASE("ParseTripleRecord refuses control characters in ids and names", "[record]") {
  // ESC, BEL, NUL and a newline, JSON-escaped as another tool would write them; and C1's CSI.
  for (const char* line : {R"({"subject":"a\u001b]0;x\u0007","relation":"b","object":"c"})",
                           R"({"subject":"a","relation":"b\u0000","object":"c"})",
                           R"({"subject":"a","relation":"b","object":{"text":"c","entity":"c\nd"}})",
                           R"({"subject":"a","relation":{"text":"b","label_en":"x\u009b"},"object":"c"})",
                           R"({"doc":"d\u001b[2J","subject":"a","relation":"b","object":"c"})"}) {
    auto r = ParseTripleRecord(line);
    CHECK_FALSE(r.ok());
    CHECK(r.status().message().find("holds a control character") != std::string::npos);
  }
  CHECK(ParseTripleRecord(R"({"doc":"d","subject":"a","relation":"b","object":"c\u00e9"})").ok());
}

TEST_CASE("TripleRecordDocument reads the doc alone", "[record]") {
  CHECK(TripleRecordDocument(R"({"subject":"a","doc":"d-1","relation":"r","object":"o"})") == "d-1");
  CHECK(TripleRecordDocument(R"({"subject":"a"})") == "");
  CHECK(TripleRecordDocument(R"({"doc":5})") == "");
  CHECK(TripleRecordDocument("not json") == "");
  CHECK(TripleRecordDocument("[1,2]") == "");
  CHECK(TripleRecordDocument(R"("doc")") == "");
  // Only the record's own "doc", the first if there are two, unescaped.
  CHECK(TripleRecordDocument(R"({"subject":{"text":"a","doc":"inner"},"tags":["doc",{"doc":"x"}],"doc":"d-2"})") == "d-2");
  CHECK(TripleRecordDocument(R"({"doc":"first","doc":"second"})") == "first");
  CHECK(TripleRecordDocument(R"({"doc":"\u0645\u0642\u0627\u0644 \"7\""})") == "\u0645\u0642\u0627\u0644 \"7\"");
  CHECK(TripleRecordDocument(R"({"doc":{"id":"d"}})") == "");
  CHECK(TripleRecordDocument(R"({"doc":["d"]})") == "");
  // What follows "doc" is not read: a record broken past it is still its document's.
  CHECK(TripleRecordDocument(R"({"doc":"d-3","subject":)") == "d-3");
  CHECK(TripleRecordDocument(R"({"subject":,"doc":"d-4"})") == "");
  CHECK(TripleRecordDocument("{\"doc\":\"\xff\"}") == "");  // not UTF-8
}
