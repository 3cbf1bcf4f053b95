// The tagger and the chunker on their own, on sentences written for these tests.
#include <catch2/catch.hpp>

#include "extract/arabic/normalize.h"
#include "extract/arabic/sentence.h"

using namespace nasij;
using namespace nasij::arabic;

namespace {

struct Parsed {
  std::vector<TokenizedSentence> sentences;
  std::vector<Word> words;
  std::vector<NounPhrase> phrases;
};

Parsed Parse(const std::string& text) {
  static auto lexicon = Lexicon::LoadEmbedded();
  static auto gazetteer = Gazetteer::LoadEmbedded();
  REQUIRE(lexicon.ok());
  REQUIRE(gazetteer.ok());
  Parsed p;
  p.sentences = Segmenter().Split(text);
  REQUIRE(p.sentences.size() == 1);
  for (const Token& t : p.sentences[0].tokens) {
    Word w;
    w.token = &t;
    w.norm = Normalize(t.text);
    if (t.kind == Token::kWord) w.readings = Analyze(**lexicon, w.norm);
    p.words.push_back(std::move(w));
  }
  MarkNames(**lexicon, **gazetteer, &p.words);
  TagWords(**lexicon, &p.words);
  p.phrases = ChunkPhrases(p.words);
  return p;
}

std::vector<std::string> Tags(const Parsed& p) {
  std::vector<std::string> out;
  for (const Word& w : p.words) out.push_back(TagName(w.tag()));
  return out;
}

std::vector<std::string> Phrases(const Parsed& p) {
  std::vector<std::string> out;
  for (const NounPhrase& np : p.phrases) {
    std::string text;
    for (int i = np.begin; i < np.end; ++i) text += (text.empty() ? "" : " ") + p.words[i].token->text;
    out.push_back(text);
  }
  return out;
}

}  // namespace

TEST_CASE("Tagger: a verb after لم, a noun after a preposition", "[arabic][tagger]") {
  auto p = Parse("لم تنفذ الحكومة الإصلاح في البلاد.");
  CHECK(Tags(p) == std::vector<std::string>{"NEG", "VERB", "NOUN", "MASDAR", "PREP", "NOUN", "PUNCT"});
}

TEST_CASE("Tagger: a bare perfect after a construct noun is a verbal noun", "[arabic][tagger]") {
  auto p = Parse("طالب الوزير بإعادة فتح المطار.");
  REQUIRE(p.words.size() >= 4);
  CHECK(p.words[3].tag() == Tag::kMasdar);  // فتح after إعادة
}

TEST_CASE("Tagger: names from the gazetteer, with their clitics apart", "[arabic][tagger]") {
  auto p = Parse("وصل الوفد إلى موسكو ثم لواشنطن.");
  const Word& washington = p.words[5];
  CHECK(washington.tag() == Tag::kPropn);
  REQUIRE(washington.entity);
  CHECK(washington.entity->key == "washington");
  CHECK(washington.a.prep == "ل");
}

TEST_CASE("Tagger: things the gazetteer lists (MISC), the longest name first", "[arabic][tagger]") {
  auto p = Parse("ارتفع الدولار أمام الجنيه الإسترليني بعد فوزه بجائزة نوبل.");
  REQUIRE(p.words.size() == 10);
  REQUIRE(p.words[1].entity);
  CHECK(p.words[1].entity->key == "us-dollar");
  CHECK(p.words[1].entity->kind == "MISC");
  // الجنيه alone is the Egyptian pound; followed by الإسترليني it is sterling.
  REQUIRE(p.words[3].entity);
  CHECK(p.words[3].entity->key == "pound-sterling");
  CHECK(p.words[3].name_end == 5);
  REQUIRE(p.words[7].entity);
  CHECK(p.words[7].entity->key == "nobel-prize");
  CHECK(p.words[7].a.prep == "ب");
}

TEST_CASE("Chunker: a listed name that is an indefinite noun keeps its adjective", "[arabic][chunker]") {
  auto p = Parse("بلغت الاستثمارات مليار دولار أمريكي.");
  REQUIRE(p.words.size() == 6);
  REQUIRE(p.words[3].entity);
  CHECK(p.words[3].entity->key == "us-dollar");
  CHECK(Phrases(p) == std::vector<std::string>{"الاستثمارات", "مليار دولار أمريكي"});
}

TEST_CASE("Chunker: idafa chains with agreeing adjectives", "[arabic][chunker]") {
  auto p = Parse("أرسلت منظمة معاهدة الأمن الجماعي قوات روسية إلى العاصمة الاقتصادية.");
  CHECK(Phrases(p) == std::vector<std::string>{"منظمة معاهدة الأمن الجماعي", "قوات روسية", "العاصمة الاقتصادية"});
}

TEST_CASE("Chunker: a title and a name form one phrase, with the name marked", "[arabic][chunker]") {
  auto p = Parse("قال وزير الخارجية الأميركي أنتوني بلينكن إن الوضع خطير.");
  REQUIRE(!p.phrases.empty());
  const NounPhrase& titled = p.phrases[0];
  CHECK(p.words[titled.begin].token->text == "وزير");
  REQUIRE(titled.name_begin >= 0);
  CHECK(p.words[titled.name_begin].token->text == "أنتوني");
  CHECK(titled.end - titled.name_begin == 2);
}

TEST_CASE("Chunker: a prepositional phrase is recorded on the phrase before it", "[arabic][chunker]") {
  auto p = Parse("حالة غضب في الشارع.");
  REQUIRE(p.phrases.size() == 2);
  CHECK(p.phrases[0].pp_end == p.phrases[1].end);
  CHECK(p.phrases[1].prep == "في");
}

TEST_CASE("Tagger: a bare perfect after a preposition is a verbal noun, not after من (who)", "[arabic][tagger]") {
  CHECK(Tags(Parse("نجح في نقل الأخبار.")) == std::vector<std::string>{"VERB", "PREP", "MASDAR", "NOUN", "PUNCT"});
  CHECK(Tags(Parse("من رفض الاتفاق؟"))[1] == "VERB");
}

TEST_CASE("Chunker: غير and an adjective of the same definiteness describe the noun", "[arabic][chunker]") {
  CHECK(Phrases(Parse("وقعت الشركة اتفاقا غير مسبوق.")) == std::vector<std::string>{"الشركة", "اتفاقا غير مسبوق"});
  CHECK(Phrases(Parse("رفض الوزير الاتفاق غير القانوني.")) == std::vector<std::string>{"الوزير", "الاتفاق غير القانوني"});
  CHECK(Phrases(Parse("انتقد الوزير العملية غير المبررة.")) == std::vector<std::string>{"الوزير", "العملية غير المبررة"});
  CHECK(Phrases(Parse("أي نتيجة غير الفوز سيئة.")) != std::vector<std::string>{"أي نتيجة غير الفوز", "سيئة"});
  // "Other than": a definite noun after an indefinite one.
  CHECK(Phrases(Parse("لم تجد الحكومة حلا غير الانسحاب.")) == std::vector<std::string>{"الحكومة", "حلا", "الانسحاب"});
}

TEST_CASE("Tagger: after a verb, a verb whose verbal noun is written as it is that noun; after تم, its passive",
          "[arabic][tagger]") {
  CHECK(Tags(Parse("تنظم الوزارة عمل الشركات.")) == std::vector<std::string>{"VERB", "NOUN", "MASDAR", "NOUN", "PUNCT"});
  CHECK(Tags(Parse("يواصل الجيش قصف المدينة."))[2] == "MASDAR");
  // Forms V and VI write their verbal noun as the perfect, flag or none.
  CHECK(Tags(Parse("يتوقع الخبراء تراجع الأسعار."))[2] == "MASDAR");
  CHECK(Tags(Parse("تم نقل الجرحى إلى المستشفى."))[1] == "VERB");
  // A verb whose verbal noun is another word stays a verb there: خرج (going out is خروج).
  CHECK(Tags(Parse("يقول الرجل خرج الطفل."))[2] == "VERB");
}

TEST_CASE("Tagger: قدرها after a noun and before a figure is its amount, in the noun's phrase", "[arabic][tagger]") {
  auto p = Parse("فرضت المحكمة غرامة قدرها مليون دولار.");
  CHECK(Tags(p)[3] == "NOUN");
  CHECK(Phrases(p) == std::vector<std::string>{"المحكمة", "غرامة قدرها مليون دولار"});
  // Before its object it is the verb "estimated".
  CHECK(Tags(Parse("وقدر الخبراء الخسائر."))[0] == "VERB");
}

TEST_CASE("Tagger: a second verb with a pronoun reads as its noun", "[arabic][tagger]") {
  auto p = Parse("وأعلن الجيش سيطرته على المدينة.");
  CHECK(Tags(p) == std::vector<std::string>{"VERB", "NOUN", "MASDAR", "PREP", "NOUN", "PUNCT"});
  // A verb with a pronoun that opens its clause stays the verb.
  CHECK(Tags(Parse("وقال الوزير إن الشرطة اعتقلته."))[4] == "VERB");
}
