#include "extract/text.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using nasij::DetectLanguage;
using nasij::Segmenter;
using nasij::Token;

TEST_CASE("Split finds sentences and words with code point offsets", "[text]") {
  Segmenter seg;
  const std::string text = "قال الوزير إن الاجتماع انتهى. ثم غادر القاعة؟\nU.S. officials met Mr. Smith.";
  auto sentences = seg.Split(text);
  REQUIRE(sentences.size() == 3);
  CHECK(sentences[0].text == "قال الوزير إن الاجتماع انتهى.");
  CHECK(sentences[0].start == 0);
  CHECK(sentences[0].end == 29);
  CHECK(sentences[1].text == "ثم غادر القاعة؟");
  CHECK(sentences[2].text == "U.S. officials met Mr. Smith.");  // abbreviations do not end sentences
  const Token& minister = sentences[0].tokens[1];
  CHECK(minister.text == "الوزير");
  CHECK(minister.start == 4);
  CHECK(minister.end == 10);
  CHECK(sentences[0].tokens.back().kind == Token::kPunct);
}

TEST_CASE("Titles, initials and short forms do not end a sentence", "[text]") {
  Segmenter seg;
  auto sentences = seg.Split(
      "Workers heard Dr. Cheddi Jagan speak. Bond called former U.S. Attorney Todd Graves on Oct. 5. "
      "John F. Kennedy won. Troops left the U.S. The war ended.");
  REQUIRE(sentences.size() == 5);
  CHECK(sentences[0].text == "Workers heard Dr. Cheddi Jagan speak.");
  CHECK(sentences[1].text == "Bond called former U.S. Attorney Todd Graves on Oct. 5.");
  CHECK(sentences[2].text == "John F. Kennedy won.");
  CHECK(sentences[3].text == "Troops left the U.S.");
  CHECK(sentences[4].text == "The war ended.");
}

TEST_CASE("A period with a letter right after it ends no sentence: a domain, an abbreviation", "[text]") {
  Segmenter seg;
  auto sentences = seg.Split("نقلت الخبر شبكة بي.بي.سي عن موقع الجزيرة.نت أمس. ثم انتهى الاجتماع.");
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].text == "نقلت الخبر شبكة بي.بي.سي عن موقع الجزيرة.نت أمس.");
}

TEST_CASE("Offsets count code points beyond the BMP once", "[text]") {
  Segmenter seg;
  auto sentences = seg.Split("😀 Obama spoke.");
  REQUIRE(sentences.size() == 1);
  const Token* obama = nullptr;
  for (const Token& t : sentences[0].tokens) {
    if (t.text == "Obama") obama = &t;
  }
  REQUIRE(obama);
  CHECK(obama->start == 2);
  CHECK(obama->end == 7);
}

TEST_CASE("An invalid byte is read as U+FFFD, one code point", "[text]") {
  Segmenter seg;
  auto sentences = seg.Split("قال \xff الوزير.");
  REQUIRE(sentences.size() == 1);
  CHECK(sentences[0].text == "قال \uFFFD الوزير.");
  std::vector<std::string> words;
  for (const Token& t : sentences[0].tokens) words.push_back(t.text);
  CHECK(words == std::vector<std::string>{"قال", "\uFFFD", "الوزير", "."});
  CHECK(sentences[0].tokens[2].start == 6);
  CHECK(sentences[0].tokens[2].end == 12);
}

TEST_CASE("Numbers are their own tokens", "[text]") {
  Segmenter seg;
  auto s = seg.Split("حشد 100 ألف جندي.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].tokens[1].text == "100");
  CHECK(s[0].tokens[1].kind == Token::kNumber);
}

TEST_CASE("A hashtag is its words: no mark, underscores as spaces", "[text]") {
  Segmenter seg;
  auto s = seg.Split("ردت كندا على #الرسوم_الأميركية أمس.");
  REQUIRE(s.size() == 1);
  std::vector<std::string> words;
  for (const Token& t : s[0].tokens) words.push_back(t.text);
  CHECK(words == std::vector<std::string>{"ردت", "كندا", "على", "الرسوم", "الأميركية", "أمس", "."});
  CHECK(s[0].tokens[3].start == 14);  // after "#"
  CHECK(s[0].tokens[4].start == 21);  // after "_"
  CHECK(s[0].tokens[4].end == 30);
}

TEST_CASE("DetectLanguage counts scripts", "[text]") {
  CHECK(DetectLanguage("استدعى توكاييف القوات") == "ar");
  CHECK(DetectLanguage("Tokayev summoned troops") == "en");
  CHECK(DetectLanguage("Tokayev توكاييف استدعى القوات") == "ar");
}
