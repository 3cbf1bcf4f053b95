// The English tagger, names and chunker on their own, on sentences written
// for these tests.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "extract/english/sentence.h"

using namespace nasij;
using namespace nasij::english;

namespace {

struct Parsed {
  std::vector<TokenizedSentence> sentences;
  std::vector<Word> words;
  std::vector<Phrase> phrases;
};

const Lexicon& TheLexicon() {
  static auto lexicon = [] {
    auto lex = Lexicon::LoadEmbedded();
    REQUIRE(lex.ok());
    std::ifstream in(NASIJ_ENGLISH_TAGGED_WORDS);
    std::stringstream yml;
    yml << in.rdbuf();
    (*lex)->AddTaggedLexicon(yml.str());
    return std::move(lex.value());
  }();
  return *lexicon;
}

Parsed Parse(const std::string& text) {
  static auto gazetteer = Gazetteer::LoadEmbedded();
  REQUIRE(gazetteer.ok());
  Parsed p;
  p.sentences = Segmenter().Split(text);
  REQUIRE(p.sentences.size() == 1);
  for (const Token& t : p.sentences[0].tokens) {
    Word w;
    w.token = &t;
    w.lower = t.text;
    for (char& c : w.lower) c = std::tolower(static_cast<unsigned char>(c));
    p.words.push_back(std::move(w));
  }
  MarkNames(TheLexicon(), **gazetteer, &p.words);
  TagWords(TheLexicon(), &p.words);
  p.phrases = ChunkPhrases(p.words);
  return p;
}

std::vector<std::string> Phrases(const Parsed& p) {
  std::vector<std::string> out;
  for (const Phrase& ph : p.phrases) {
    std::string text;
    for (int i = ph.begin; i < ph.end; ++i) text += (text.empty() ? "" : " ") + p.words[i].token->text;
    out.push_back(text);
  }
  return out;
}

}  // namespace

TEST_CASE("English tagger: nouns after determiners, verbs after auxiliaries and subjects", "[english][tagger]") {
  auto p = Parse("The protesters will protest the new prices.");
  CHECK(p.words[1].tag == Tag::kNoun);   // protesters
  CHECK(p.words[2].tag == Tag::kAux);    // will
  CHECK(p.words[3].tag == Tag::kVerb);   // protest, after an auxiliary
  CHECK(p.words[5].tag == Tag::kAdj);    // new
  CHECK(p.words[6].tag == Tag::kNoun);   // prices, after an adjective
}

TEST_CASE("English tagger: verb forms carry their lemma", "[english][tagger]") {
  auto p = Parse("Officials condemned the attacks.");
  REQUIRE(p.words[1].tag == Tag::kVerb);
  REQUIRE(p.words[1].verb >= 0);
  CHECK(TheLexicon().verb(p.words[1].verb).base == "condemn");
}

TEST_CASE("English tagger: a finite form past an adverb after the subject, and again after and", "[english][tagger]") {
  auto p = Parse("The club also hosts dinners and supports local charities.");
  CHECK(p.words[3].tag == Tag::kVerb);  // hosts, after "The club also"
  CHECK(p.words[4].tag == Tag::kNoun);  // dinners
  CHECK(p.words[6].tag == Tag::kVerb);  // supports, the form of hosts after "and"
  auto q = Parse("The storm flooded roads and damaged homes.");
  CHECK(q.words[5].tag == Tag::kVerb);  // damaged, a past form like flooded
}

TEST_CASE("English tagger: an unknown -s word between a noun and what opens an object is a verb", "[english][tagger]") {
  auto p = Parse("The agency outsources its payroll.");
  CHECK(p.words[2].tag == Tag::kVerb);  // outsources, before "its"
  auto q = Parse("The Snickets' house stands.");
  CHECK(q.words[1].tag != Tag::kVerb);  // a capitalized word is a name
}

TEST_CASE("English tagger: a capitalized word inside the sentence before another is part of a name",
          "[english][tagger]") {
  auto p = Parse("She studied at the School of Performing Arts in Leeds.");
  CHECK(p.words[6].tag == Tag::kPropn);  // Performing, before Arts
  auto q = Parse("The club said, \"Leave Ireland now.\"");
  CHECK(q.words[5].tag == Tag::kVerb);  // Leave opens the quotation
}

TEST_CASE("English tagger: a verb after a demonstrative standing alone stays a verb", "[english][tagger]") {
  auto p = Parse("These include any member of the board.");
  CHECK(p.words[1].tag == Tag::kVerb);  // include, a verb only, after "These"
}

TEST_CASE("English names: gazetteer names across hyphens, titles before names", "[english][names]") {
  auto p = Parse("President Kassym-Jomart Tokayev met Antony Blinken.");
  REQUIRE(p.words[1].entity);
  CHECK(p.words[1].entity->key == "kassym-jomart-tokayev");
  CHECK(p.words[1].name_end == 5);  // Kassym - Jomart Tokayev: tokens 1 to 4
  CHECK(p.words[0].title_kind == "PER");
}

TEST_CASE("English chunker: phrases, of-phrases and a title with its name", "[english][chunker]") {
  auto p = Parse("Secretary of State Antony Blinken praised the leaders of the alliance.");
  CHECK(Phrases(p) == std::vector<std::string>{"Secretary of State Antony Blinken", "the leaders of the alliance"});
  REQUIRE(!p.phrases.empty());
  CHECK(p.words[p.phrases[0].name_begin].token->text == "Antony");
}

TEST_CASE("English tagged lexicon: a word's capitalized uses add to its lowercase ones, rare readings drop",
          "[english][tagger]") {
  auto lex = Lexicon::Parse("", "", "");
  REQUIRE(lex.ok());
  (*lex)->AddTaggedLexicon(
      "Influenced: { nnp: 3 }\n"
      "influenced: { vbn: 8, vbd: 4 }\n"
      "influence: { vb: 5, nn: 20 }\n"
      "Services: { nnps: 5 }\n"
      "services: { nns: 40, vbz: 1 }\n");
  const WordInfo* influenced = (*lex)->Find("influenced");
  REQUIRE(influenced);
  CHECK(influenced->tags.front() == Tag::kVerb);
  REQUIRE(influenced->verb >= 0);
  CHECK((*lex)->verb(influenced->verb).base == "influence");
  const WordInfo* services = (*lex)->Find("services");
  REQUIRE(services);
  CHECK(services->tags == std::vector<Tag>{Tag::kNoun, Tag::kPropn});  // no verb reading from one use in 46
}

TEST_CASE("English tagged lexicon: a base-form verb reading in a fiftieth of the uses is kept as rare",
          "[english][tagger]") {
  auto lex = Lexicon::Parse("", "", "");
  REQUIRE(lex.ok());
  (*lex)->AddTaggedLexicon(
      "fund: { vb: 3, nn: 40 }\n"
      "court: { vb: 1, nn: 90 }\n");
  const WordInfo* fund = (*lex)->Find("fund");
  REQUIRE(fund);
  CHECK(fund->tags == std::vector<Tag>{Tag::kNoun});
  REQUIRE(fund->rare_base_verb >= 0);
  CHECK((*lex)->verb(fund->rare_base_verb).base == "fund");
  const WordInfo* court = (*lex)->Find("court");
  REQUIRE(court);
  CHECK(court->rare_base_verb < 0);
}
