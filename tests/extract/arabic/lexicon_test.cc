#include "extract/arabic/lexicon.h"

#include <catch2/catch.hpp>
#include <set>

#include "extract/arabic/normalize.h"

using namespace nasij::arabic;

namespace {

std::set<std::string> Forms(const char* past, const char* present, const char* root) {
  Verb v;
  v.past = past;
  v.present = present;
  std::set<std::string> out;
  for (const auto& [form, f] : Conjugate(v, root)) out.insert(form);
  return out;
}

bool Has(const std::set<std::string>& forms, const char* written) { return forms.count(Normalize(written)) > 0; }

}  // namespace

TEST_CASE("Conjugate a sound verb", "[arabic][lexicon]") {
  auto forms = Forms("كتب", "يكتب", "كتب");
  for (const char* f : {"كتب", "كتبت", "كتبوا", "كتبنا", "يكتب", "تكتب", "يكتبون", "نكتب", "أكتب", "يكتبان"}) {
    INFO(f);
    CHECK(Has(forms, f));
  }
}

TEST_CASE("Conjugate a defective form X verb", "[arabic][lexicon]") {
  auto forms = Forms("استدعى", "يستدعي", "دعو");
  for (const char* f : {"استدعى", "استدعت", "استدعوا", "استدعينا", "يستدعي", "تستدعي", "يستدعون", "يستدع"}) {
    INFO(f);
    CHECK(Has(forms, f));
  }
}

TEST_CASE("Conjugate a hollow verb, with its short stems", "[arabic][lexicon]") {
  auto forms = Forms("قال", "يقول", "قول");
  for (const char* f : {"قال", "قالت", "قالوا", "قلنا", "قلت", "يقول", "تقول", "يقولون", "يقل"}) {
    INFO(f);
    CHECK(Has(forms, f));
  }
  CHECK_FALSE(Has(forms, "قالنا"));
}

TEST_CASE("Conjugate a doubled verb", "[arabic][lexicon]") {
  auto forms = Forms("استمر", "يستمر", "مرر");
  CHECK(Has(forms, "استمرت"));
  CHECK(Has(forms, "استمررنا"));
  CHECK(Has(forms, "يستمرون"));
}

TEST_CASE("Lexicon parses every data file and reports a bad row with its line", "[arabic][lexicon]") {
  auto lex = Lexicon::Parse("# past present root form gloss flags\nأكد\tيؤكد\tأكد\tII\tconfirm\tspeech,prep=على\n",
                            "دولة\tN\tstate\tدول\nروسي\tADJ\tRussian\t-\n", "في\tPREP\tin\n",
                            "وزير الخارجية\tforeign minister\tPER\n", "روسي\tروسيا\tRussia\n");
  REQUIRE(lex.ok());
  const auto* forms = (*lex)->VerbForms(Normalize("أكدت"));
  REQUIRE(forms);
  const Verb& v = (*lex)->verb(forms->front().verb);
  CHECK(v.gloss == "confirm");
  CHECK(v.speech);
  CHECK(v.preps == std::vector<std::string>{Normalize("على")});
  REQUIRE((*lex)->NounForms(Normalize("دول")));
  CHECK((*lex)->NounForms(Normalize("دول"))->front().plural);
  CHECK((*lex)->NounForms(Normalize("روسية")));  // generated feminine
  CHECK((*lex)->TitleOf(Normalize("وزير الخارجية"))->kind == "PER");
  CHECK((*lex)->NisbaOf(Normalize("الروسية").substr(4))->place_en == "Russia");

  auto bad = Lexicon::Parse("قال\tيقول\n", "", "", "", "");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "verbs.tsv:1: expected 6 fields");
}
