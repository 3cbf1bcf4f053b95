// How much of real Arabic news the lexicon can read: the share of word
// tokens (Arabic letters, not numbers or punctuation) with no reading at all,
// and the share read by the hunspell-ar table alone, not by the project's
// own data files. With --readings, the readings of the words given.
//
//   lexicon_coverage FILE.jsonl...
//   lexicon_coverage --readings WORD...
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "extract/arabic/analyze.h"
#include "extract/arabic/normalize.h"
#include "extract/extract.h"
#include "extract/text.h"

namespace {

// Whether a token is an Arabic word: its first letter is in the Arabic block
// (U+0600..U+06FF: lead bytes D8..DB).
bool ArabicWord(const nasij::Token& t) {
  const unsigned char lead = t.text.empty() ? 0 : t.text[0];
  return t.kind == nasij::Token::kWord && lead >= 0xD8 && lead <= 0xDB;
}

const char* SourceName(nasij::arabic::Source s) {
  static const char* kNames[] = {"lexicon", "hunspell", "guess", "unknown"};
  return kNames[static_cast<int>(s)];
}

void PrintReadings(const nasij::arabic::Lexicon& lexicon, const std::string& word) {
  std::printf("%s\n", word.c_str());
  for (const nasij::arabic::Analysis& a : nasij::arabic::Analyze(lexicon, nasij::arabic::Normalize(word))) {
    const std::string lemma = a.tag == nasij::arabic::Tag::kVerb ? lexicon.verb(a.verb.verb).past : "";
    std::printf("  %-6s %-8s cost %.1f  %s%s%s%s+%s  %s%s%s\n", TagName(a.tag), SourceName(a.source), a.cost,
                a.conj.c_str(), a.prep.c_str(), a.definite ? "ال" : "", a.stem.c_str(), a.suffix.c_str(), lemma.c_str(),
                a.verb.present ? " present" : "", a.verb.plural ? " plural" : "");
  }
}

}  // namespace

int main(int argc, char** argv) {
  using nasij::arabic::Analysis;
  using nasij::arabic::Source;
  if (argc < 2) {
    std::cerr << "usage: lexicon_coverage FILE.jsonl... | --readings WORD...\n";
    return 2;
  }
  auto lexicon = nasij::arabic::Lexicon::LoadEmbedded();
  if (!lexicon.ok()) {
    std::cerr << "lexicon_coverage: " << lexicon.status().message() << "\n";
    return 1;
  }
  if (std::string(argv[1]) == "--readings") {
    for (int i = 2; i < argc; ++i) PrintReadings(**lexicon, argv[i]);
    return 0;
  }
  const nasij::Segmenter segmenter;
  size_t words = 0, none = 0, guessed = 0, hunspell_only = 0, hunspell_verb = 0;
  bool unreadable = false;
  nasij::ReadDocuments(std::vector<std::string>(argv + 1, argv + argc),
                       {[&](nasij::Document d) {
                          for (const nasij::TokenizedSentence& s : segmenter.Split(d.text)) {
                            for (const nasij::Token& t : s.tokens) {
                              if (!ArabicWord(t)) continue;
                              ++words;
                              const auto& readings = nasij::arabic::CachedAnalyze(**lexicon, nasij::arabic::Normalize(t.text));
                              auto all_from = [&](Source source) {
                                for (const Analysis& a : readings) {
                                  if (a.source != source) return false;
                                }
                                return true;
                              };
                              if (all_from(Source::kUnknown)) ++none;
                              if (all_from(Source::kGuess)) ++guessed;
                              bool from_lexicon = false, hunspell_verb_reading = false;
                              for (const Analysis& a : readings) {
                                from_lexicon |= a.source == Source::kLexicon;
                                hunspell_verb_reading |= a.source == Source::kHunspell && a.tag == nasij::arabic::Tag::kVerb;
                              }
                              if (!from_lexicon && hunspell_verb_reading) ++hunspell_verb;
                              if (!from_lexicon && !all_from(Source::kUnknown) && !all_from(Source::kGuess)) ++hunspell_only;
                            }
                          }
                        },
                        [&](const std::string& message) {
                          std::cerr << "lexicon_coverage: " << message << "\n";
                          unreadable = true;
                        }});
  if (unreadable) return 1;
  auto share = [&](size_t n) { return words ? 100.0 * n / words : 0.0; };
  std::printf("%zu Arabic word tokens\n", words);
  std::printf("no reading at all:        %6.2f%%\n", share(none));
  std::printf("only a guessed verb:      %6.2f%%\n", share(guessed));
  std::printf("read by hunspell-ar only: %6.2f%%\n", share(hunspell_only));
  std::printf("  of which a verb reading:%6.2f%%\n", share(hunspell_verb));
  return 0;
}
