#include "extract/arabic/analyze.h"

#include <catch2/catch.hpp>

#include "extract/arabic/normalize.h"

using namespace nasij::arabic;

namespace {

const Lexicon& TestLexicon() {
  static auto lex = Lexicon::Parse(
      "أدان\tيدين\tدين\tIV\tcondemn\t-\nقاد\tيقود\tقود\tI\tlead\t-\nقال\tيقول\tقول\tI\tsay\tspeech\n",
      "حكومة\tN\tgovernment\tحكومات\nقوة\tN\tforce\tقوات\nنفط\tN\toil\t-\nحكم\tN\trule\t-\n",
      "على\tPREP\ton\nفي\tPREP\tin\nلدى\tPREP\tat\n", "", "");
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
  Analysis def = Best("والمنظومة");
  CHECK(def.tag == Tag::kNoun);
  CHECK(def.definite);
  CHECK(def.conj == "و");
}
