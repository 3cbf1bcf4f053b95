#include "extract/arabic/analyze.h"

#include <catch2/catch.hpp>

#include "extract/arabic/normalize.h"

using namespace nasij::arabic;

namespace {

// A hunspell-ar table (hunspell_table.cc) of a verb the data files lack
// (موّل, to fund), a noun they lack (مشروع), and a form they read already
// (قاد is also a noun there: it must not be).
std::string HunspellForms() {
  std::string out;
  for (const char* line : {"قاد\tnoun\tقاد\t-", "مشروع\tnoun\tمشروع\t-", "مولت\tpast\t0\tت",
                           "يمول\tpresent\t0\t-"}) {
    out += Normalize(line) + "\n";
  }
  return out;
}

const Lexicon& TestLexicon() {
  static const std::string hunspell_forms = HunspellForms();
  static auto lex = Lexicon::Parse(
      "أدان\tيدين\tدين\tIV\tcondemn\t-\nقاد\tيقود\tقود\tI\tlead\t-\nقال\tيقول\tقول\tI\tsay\tspeech\n",
      "حكومة\tN\tgovernment\tحكومات\nقوة\tN\tforce\tقوات\nنفط\tN\toil\t-\nحكم\tN\trule\t-\n",
      "على\tPREP\ton\nفي\tPREP\tin\nلدى\tPREP\tat\n", "", "", "موّل\n", hunspell_forms);
  return **lex;
}

Analysis Best(const char* word) { return Analyze(TestLexicon(), Normalize(word)).front(); }

}  // namespace

TEST_CASE("Analyze peels a conjunction off a verb", "[arabic][analyze]") {
  Analysis a = Best("وأدان");
  CHECK(a.tag == Tag::kVerb);
  CHECK(a.conj == "و");
  CHECK(a.stem == Normalize("أدان"));
}

TEST_CASE("Analyze finds preposition, article and noun", "[arabic][analyze]") {
  Analysis a = Best("بالنفط");
  CHECK(a.tag == Tag::kNoun);
  CHECK(a.prep == "ب");
  CHECK(a.definite);
  CHECK(a.stem == "نفط");

  Analysis lil = Best("للحكم");  // ل + ال + حكم
  CHECK(lil.prep == "ل");
  CHECK(lil.definite);
  CHECK(lil.stem == "حكم");
}

TEST_CASE("Analyze restores taa marbuta before a pronoun suffix", "[arabic][analyze]") {
  Analysis a = Best("حكومته");
  CHECK(a.tag == Tag::kNoun);
  CHECK(a.suffix == "ه");
  CHECK(a.stem == Normalize("حكومة"));
}

TEST_CASE("Analyze reads an object pronoun on a verb", "[arabic][analyze]") {
  Analysis a = Best("تقودها");
  CHECK(a.tag == Tag::kVerb);
  CHECK(a.suffix == "ها");
  CHECK(a.verb.present);
  CHECK(a.verb.feminine);
}

TEST_CASE("Analyze reads a preposition with a pronoun", "[arabic][analyze]") {
  Analysis a = Best("لديه");
  CHECK(a.tag == Tag::kPrep);
  CHECK(a.suffix == "ه");
  Analysis b = Best("عليه");
  CHECK(b.tag == Tag::kPrep);
}

TEST_CASE("Analyze marks an unknown word as a possible name", "[arabic][analyze]") {
  CHECK(Best("بانفالكار").tag == Tag::kPropn);
  CHECK(Best("بانفالكار").unknown());
  // The imperfect prefix makes a verb of an unknown word bare or after و
  // (ويستخف), not after ف or ل, with which many names begin.
  CHECK(Best("ويستخف").tag == Tag::kVerb);
  CHECK(Best("فيسبوك").tag == Tag::kPropn);
  CHECK(Best("ليفانتي").tag == Tag::kPropn);
  Analysis def = Best("والمنظومة");
  CHECK(def.tag == Tag::kNoun);
  CHECK(def.definite);
  CHECK(def.conj == "و");
}

TEST_CASE("Analyze reads a word the data files lack from the hunspell-ar table", "[arabic][analyze]") {
  Analysis she = Best("وموّلتها");  // و + مولت + ها
  CHECK(she.tag == Tag::kVerb);
  CHECK(she.source == Source::kHunspell);
  CHECK(she.conj == "و");
  CHECK(she.suffix == "ها");
  CHECK(she.verb.feminine);
  CHECK(TestLexicon().verb(she.verb.verb).past == "موّل");

  Analysis future = Best("سيمول");
  CHECK(future.tag == Tag::kVerb);
  CHECK(future.future);

  Analysis noun = Best("بالمشروع");
  CHECK(noun.tag == Tag::kNoun);
  CHECK(noun.source == Source::kHunspell);
  CHECK(noun.definite);
  CHECK(noun.prep == "ب");
  // The article never goes on a verb.
  for (const Analysis& a : Analyze(TestLexicon(), Normalize("الموّلت"))) CHECK(a.tag != Tag::kVerb);
}

TEST_CASE("A word the data files read gets no hunspell-ar reading", "[arabic][analyze]") {
  for (const Analysis& a : Analyze(TestLexicon(), Normalize("قاد"))) {
    CHECK(a.source == Source::kLexicon);
    CHECK(a.tag == Tag::kVerb);
  }
}
