#include "extract/arabic/lexicon.h"

#include <algorithm>
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
  auto flagged = Lexicon::Parse("عمل\tيعمل\tعمل\tI\twork\tintrans,verbal_noun\n", "", "", "", "");
  REQUIRE(flagged.ok());
  CHECK((*flagged)->verb((*flagged)->VerbForms(Normalize("عمل"))->front().verb).verbal_noun);
  auto misspelt = Lexicon::Parse("عمل\tيعمل\tعمل\tI\twork\tintrnas\n", "", "", "", "");
  REQUIRE_FALSE(misspelt.ok());
  CHECK(misspelt.status().message() == "verbs.tsv:1: unknown flag intrnas");
}

TEST_CASE("Lexicon reads given names of one and two words with their gender", "[arabic][lexicon]") {
  auto lex = Lexicon::Parse("", "", "", "", "", "", "", "# name gender\nكريم\tM\nعبد الله\tM\nنادية\tF\n");
  REQUIRE(lex.ok());
  REQUIRE((*lex)->GivenNameOf(Normalize("نادية")));
  CHECK(*(*lex)->GivenNameOf(Normalize("نادية")) == "F");
  CHECK(*(*lex)->GivenNameOf(Normalize("عبد الله")) == "M");
  CHECK((*lex)->StartsGivenName(Normalize("عبد")));
  CHECK_FALSE((*lex)->StartsGivenName(Normalize("كريم")));
  CHECK_FALSE((*lex)->GivenNameOf(Normalize("عبد")));

  auto bad = Lexicon::Parse("", "", "", "", "", "", "", "كريم\tmale\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "given_names.tsv:1: expected a name and M, F or U");
}

namespace {

// A hunspell-ar table of two lemmas, in the generator's format
// (hunspell_table.cc): a verb verbs.tsv lists and one it does not.
constexpr const char* kHunspellLemmas = "أكد\nموّل\n";
std::string HunspellForms() {
  std::string out;
  for (const char* line : {"اكد\tpast\t0\t-", "مولت\tpast\t1\tت", "مولوا\tpast\t1\tوا", "نمول\tpresent\t1\t-",
                           "يمول\tpresent\t1\t-", "يمولون\tpresent\t1\tون"}) {
    out += Normalize(line) + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("The hunspell-ar table gives verbs their lemma and agreement", "[arabic][lexicon]") {
  const std::string forms = HunspellForms();
  auto lex = Lexicon::Parse("أكد\tيؤكد\tأكد\tII\tconfirm\tspeech\n", "", "", "", "", kHunspellLemmas, forms);
  REQUIRE(lex.ok());
  const std::vector<HunspellReading> she = (*lex)->HunspellReadings(Normalize("مولت"));
  REQUIRE(she.size() == 1);
  CHECK(she.front().tag == Tag::kVerb);
  CHECK_FALSE(she.front().verb.present);
  CHECK(she.front().verb.feminine);
  const Verb& v = (*lex)->verb(she.front().verb.verb);
  CHECK(v.past == "موّل");  // labelled by its lemma
  CHECK(v.gloss.empty());

  const std::vector<HunspellReading> they = (*lex)->HunspellReadings(Normalize("يمولون"));
  REQUIRE(they.size() == 1);
  CHECK(they.front().verb.present);
  CHECK(they.front().verb.plural);
  const std::vector<HunspellReading> we = (*lex)->HunspellReadings(Normalize("نمول"));
  REQUIRE(we.size() == 1);
  CHECK(we.front().verb.first_person);

  // A lemma verbs.tsv lists is that verb, with its gloss.
  const std::vector<HunspellReading> listed = (*lex)->HunspellReadings(Normalize("أكد"));
  REQUIRE(listed.size() == 1);
  CHECK((*lex)->verb(listed.front().verb.verb).gloss == "confirm");

  CHECK((*lex)->HunspellReadings(Normalize("مول")).empty());
}

TEST_CASE("A damaged hunspell-ar table is an error naming its line", "[arabic][lexicon]") {
  auto unsorted = Lexicon::Parse("", "", "", "", "", "موّل\n", Normalize("يمول\tpresent\t0\t-\nمولت\tpast\t0\tت\n"));
  REQUIRE_FALSE(unsorted.ok());
  CHECK(unsorted.status().message() == "hunspell_forms.tsv:2: not sorted by form");
  auto bad_ending = Lexicon::Parse("", "", "", "", "", "موّل\n", Normalize("يمول\tpresent\t0\t-\nمولت\tpast\t0\tوه\n"));
  REQUIRE_FALSE(bad_ending.ok());
  CHECK(bad_ending.status().message() == "hunspell_forms.tsv:2: unknown ending");
  auto no_lemma = Lexicon::Parse("", "", "", "", "", "موّل\n", Normalize("مولت\tpast\t7\tت\n"));
  REQUIRE_FALSE(no_lemma.ok());
  CHECK(no_lemma.status().message() == "hunspell_forms.tsv:1: no such lemma");
  auto five_fields = Lexicon::Parse("", "", "", "", "", "موّل\n", Normalize("مولت\tpast\t0\tت\tx\n"));
  REQUIRE_FALSE(five_fields.ok());
  CHECK(five_fields.status().message() == "hunspell_forms.tsv:1: expected 4 fields");
  auto bad_class = Lexicon::Parse("", "", "", "", "", "", Normalize("مولت\tparticle\tموّل\t-\n"));
  REQUIRE_FALSE(bad_class.ok());
  CHECK(bad_class.status().message() == "hunspell_forms.tsv:1: unknown class");
}

TEST_CASE("The embedded lexicon carries the hunspell-ar table", "[arabic][lexicon]") {
  auto lex = Lexicon::LoadEmbedded();
  REQUIRE(lex.ok());
  // موّل (to fund) is no verb of verbs.tsv.
  CHECK_FALSE((*lex)->VerbForms(Normalize("موّلت")));
  const std::vector<HunspellReading> readings = (*lex)->HunspellReadings(Normalize("موّلت"));
  CHECK(std::any_of(readings.begin(), readings.end(), [&](const HunspellReading& r) {
    return r.tag == Tag::kVerb && Normalize((*lex)->verb(r.verb.verb).past) == Normalize("موّل");
  }));
}

TEST_CASE("Of a form's hunspell-ar verbs, the lemma it spells comes first", "[arabic][lexicon]") {
  auto lex = Lexicon::Parse("", "", "", "", "", "سب\nسبب\n", Normalize("يسبب\tpresent\t0\t-\nيسبب\tpresent\t1\t-\n"));
  REQUIRE(lex.ok());
  const std::vector<HunspellReading> readings = (*lex)->HunspellReadings(Normalize("يسبب"));
  REQUIRE(readings.size() == 2);
  CHECK((*lex)->verb(readings.front().verb.verb).past == "سبب");  // يسبب: he causes, not he insults
}
