// Every clause pattern of both languages reads its own example as its table
// says: the triple it gives is found, and found by that pattern.
#include <catch2/catch.hpp>
#include <string>

#include "extract/arabic/sentence.h"
#include "extract/clause/clause.h"
#include "extract/english/sentence.h"
#include "tests/extract/extraction_support.h"

using namespace nasij;

namespace {

void CheckExamples(std::span<const clause::Pattern* const> patterns, const std::string& lang) {
  for (const clause::Pattern* p : patterns) {
    INFO("pattern " << p->name << ": " << p->example);
    const Extraction e = testing::Run(std::string(p->example), lang);
    std::string all;
    bool found = false;
    for (const Triple& t : e.triples) {
      const std::string text = t.subject.text + " | " + t.relation.text + " | " + t.object.text;
      found |= t.pattern == p->name && text == p->gives;
      all += "\n  " + text + "  [" + std::string(t.pattern) + "]";
    }
    INFO("triples:" << all);
    CHECK(found);
  }
}

}  // namespace

TEST_CASE("Each Arabic clause pattern reads its example", "[arabic][extraction][patterns]") {
  CheckExamples(arabic::Patterns(), "ar");
}

TEST_CASE("Each English clause pattern reads its example", "[english][extraction][patterns]") {
  CheckExamples(english::Patterns(), "en");
}
