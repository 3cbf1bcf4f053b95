// Spellings of one foreign name join one entity; names that differ by the
// same letters but are different names stay apart. Sentences written for
// these tests.
#include "extract/variants.h"

#include <catch2/catch.hpp>
#include <string>

#include "extract/gazetteer.h"
#include "tests/extract/extraction_support.h"

namespace nasij {
namespace {

const Gazetteer& TheGazetteer() {
  static auto gazetteer = Gazetteer::LoadEmbedded();
  REQUIRE(gazetteer.ok());
  return **gazetteer;
}

// The entity key of the first mention whose text is `text`.
std::string KeyOf(const Extraction& e, const std::string& text) {
  for (const Mention& m : e.mentions) {
    if (m.entity.text == text) return m.entity.entity;
  }
  FAIL("no mention " << text);
  return "";
}

TEST_CASE("variant spellings are a vowel left out or moved, or a traded letter") {
  const VariantSpellings& v = TheGazetteer().variants();
  CHECK(v.OneApart("ترامب", "ترمب"));
  CHECK(v.OneApart("نتانياهو", "نتناياهو"));  // the alef moved
  CHECK(v.OneApart("بلومبرغ", "بلومبرج"));
  CHECK_FALSE(v.OneApart("كوبا", "جوبا"));     // ك and ج are not traded
  CHECK_FALSE(v.OneApart("غينيا", "كينيا"));
  CHECK_FALSE(v.OneApart("ترامب", "ترامب"));
  CHECK_FALSE(v.OneApart("اوباما", "باما"));  // a word's first letter is never left out
}

TEST_CASE("a vowel is left out only where transliterations leave it out") {
  const VariantSpellings& v = TheGazetteer().variants();
  CHECK_FALSE(v.OneApart("ماريا", "مارا"));      // ia: two vowels for two sounds
  CHECK_FALSE(v.OneApart("جوان", "جون"));        // ua
  CHECK_FALSE(v.OneApart("باولو", "بولو"));      // ao
  CHECK_FALSE(v.OneApart("الحديديه", "الحديده"));  // the Arabic ending ية, normalized
  CHECK_FALSE(v.OneApart("كوريا", "كوري"));      // a word's last letter
  CHECK(v.OneApart("جيوفاني", "جوفاني"));        // the unsounded i of Italian gio
  CHECK(v.OneApart("كاين", "كين"));              // the alef of ai
  CHECK(v.OneApart("ويلسون", "ولسون"));          // و at a word's start is w, no vowel
  CHECK(v.JoinKey("باولو ريتشي") != v.JoinKey("بولو ريتشي"));
  CHECK(v.JoinKey("جيوفاني ريتشي") == v.JoinKey("جوفاني ريتشي"));
  CHECK(v.JoinKey("لوريال") == "لوريال");  // three letters besides its inner vowels
}

TEST_CASE("an unknown name's spellings share a join key, listed names stay as written") {
  const VariantSpellings& v = TheGazetteer().variants();
  CHECK(v.JoinKey("هاري كين") == v.JoinKey("هاري كاين"));
  CHECK(v.JoinKey("جولين لوبتيغي") == v.JoinKey("جولين لوبيتيجي"));
  CHECK(v.JoinKey("محمد الشريف") != v.JoinKey("محمود الشريف"));
  CHECK(v.JoinKey("ومحمد") != v.JoinKey("ومحمود"));  // names of their own after a conjunction the tagger kept
  CHECK(v.JoinKey("وترامب") == v.JoinKey("وترمب"));
  CHECK(v.JoinKey("الاتحاد القاري") != v.JoinKey("الاتحاد الكوري"));  // the article marks Arabic words
  CHECK(v.JoinKey("مون") == "مون");                                    // too short to fold alone
}

TEST_CASE("an unknown name is keyed as written, traded letters folded; its join key finds the key again") {
  const VariantSpellings& v = TheGazetteer().variants();
  CHECK(v.Key("هاري كاين") == "هاري كاين");
  CHECK(v.Key("جولين لوبيتيغي") == v.Key("جولين لوبيتيجي"));  // غ and ج traded
  for (const char* name : {"هاري كاين", "جولين لوبيتيغي", "دونالد ترامب", "ماريلاند"}) {
    CHECK(v.JoinKey(v.Key(name)) == v.JoinKey(name));
  }
}

TEST_CASE("spellings whose vowels agree are one name; a vowel written differently in one place is another") {
  const VariantSpellings& v = TheGazetteer().variants();
  CHECK(v.VowelsAgree(v.Key("هاري كين"), v.Key("هاري كاين")));   // one leaves the alef out
  CHECK(v.VowelsAgree(v.Key("ترمب"), v.Key("ترامب")));
  CHECK(v.VowelsAgree(v.Key("كيربر"), v.Key("كربير")));          // one vowel written in another place
  CHECK_FALSE(v.VowelsAgree(v.Key("ديفيد جيفن"), v.Key("ديفيد جوفين")));  // Geffen, Goffin
  CHECK_FALSE(v.VowelsAgree(v.Key("كريستال"), v.Key("كريستيل")));        // Crystal, Christel
  CHECK_FALSE(v.VowelsAgree(v.Key("هاري كين"), v.Key("هاري")));          // another number of words
}

TEST_CASE("spellings the list gives as one given name are one key, short or in a full name") {
  const VariantSpellings& v = TheGazetteer().variants();
  CHECK(v.Key("ويليام") == "وليام");
  CHECK(v.Key("وليام") == "وليام");
  CHECK(v.Key("ويليام هارتلي") == v.Key("وليام هارتلي"));
  // A near miss no row lists stays as written: Coughlin is not Gülen.
  CHECK(v.Key("كولين") != v.Key("كولن"));
  auto said = [](const std::string& name) { return KeyOf(testing::Run("وقال " + name + " إن الفريق مستعد."), name); };
  CHECK(said("ويليام") == said("وليام"));
  CHECK(said("ويليام هارتلي") == said("وليام هارتلي"));
}

TEST_CASE("a same row needs two spellings") {
  CHECK_FALSE(VariantSpellings::Parse("same\tوليام\n").ok());
  auto parsed = VariantSpellings::Parse("same\tجورج جورجي\n");
  REQUIRE(parsed.ok());
  CHECK(parsed->Key("جورجي") == "جورج");
}

TEST_CASE("a variant takes the gazetteer entry of its kind, and only one") {
  const Gazetteer& g = TheGazetteer();
  REQUIRE(g.FindVariant("ترمب", "PER") != nullptr);
  CHECK(g.FindVariant("ترمب", "PER")->key == "donald-trump");
  CHECK(g.FindVariant("ترمب", "LOC") == nullptr);
  REQUIRE(g.FindVariant("بوتن", "PER") != nullptr);
  CHECK(g.FindVariant("بوتن", "PER")->key == "vladimir-putin");
  CHECK(g.FindVariant("محمود", "PER") == nullptr);
  CHECK(g.FindVariant("الحديديه", "LOC") == nullptr);  // not Hodeidah, الحديدة
}

TEST_CASE("two spellings of one foreign name in two documents have one join key, in either order") {
  const VariantSpellings& v = TheGazetteer().variants();
  const std::string a = "قال المدرب هاري كين إن الفريق جاهز للمباراة.";
  const std::string b = "قال المدرب هاري كاين إن الفريق جاهز للمباراة.";
  const std::string a_first = KeyOf(testing::Run(a), "هاري كين");
  const std::string b_then = KeyOf(testing::Run(b), "هاري كاين");
  const std::string b_first = KeyOf(testing::Run(b), "هاري كاين");
  const std::string a_then = KeyOf(testing::Run(a), "هاري كين");
  CHECK(a_first == a_then);
  CHECK(b_first == b_then);
  CHECK(v.JoinKey(a_first) == v.JoinKey(b_then));
  CHECK(v.VowelsAgree(a_first, b_then));
}

TEST_CASE("a name of short syllables written with a hyphen keeps its last part") {
  // Cut at the hyphen, بارك هاي-سونغ would fold as بارك هاي does.
  const std::string spoke = " إن المحادثات ستستأنف الأسبوع المقبل.";
  CHECK(KeyOf(testing::Run("وقال بارك هاي-سونغ" + spoke), "بارك هاي-سونغ") !=
        KeyOf(testing::Run("وقال بارك هاي" + spoke), "بارك هاي"));
  // Its spellings that trade a letter are still one name.
  auto coach = [](const std::string& name) {
    return KeyOf(testing::Run("قال المدرب " + name + " إن الفريق جاهز للمباراة."), name);
  };
  CHECK(coach("بارك جي-سونغ") == coach("بارك جي-سونج"));
}

TEST_CASE("a variant of a gazetteer name is that entity") {
  CHECK(KeyOf(testing::Run("قال الرئيس الأمريكي دونالد ترمب إن المحادثات مفيدة."), "دونالد ترمب") == "donald-trump");
  CHECK(KeyOf(testing::Run("وصل فلاديمير بوتن إلى العاصمة التركية أمس."), "فلاديمير بوتن") == "vladimir-putin");
}

TEST_CASE("names one letter or vowel apart that are different names stay apart") {
  auto visited = [](const std::string& place) {
    return KeyOf(testing::Run("زار الوزير " + place + " الأسبوع الماضي."), place);
  };
  CHECK(visited("كوبا") != visited("جوبا"));
  CHECK(visited("غينيا") != visited("كينيا"));
  auto coach = [](const std::string& name) {
    return KeyOf(testing::Run("قال المدرب " + name + " إن اللاعبين جاهزون."), name);
  };
  CHECK(coach("باولو ريتشي") != coach("بولو ريتشي"));
  CHECK(coach("ماريا فيلاني") != coach("مارا فيلاني"));
  CHECK(KeyOf(testing::Run("قال السيد محمد الشريف إن الاتفاق قريب."), "محمد الشريف") !=
        KeyOf(testing::Run("قال السيد محمود الشريف إن الاتفاق قريب."), "محمود الشريف"));
}

}  // namespace
}  // namespace nasij
