// Finds gazetteer names, titles and nisba adjectives in a sentence. A name
// may carry proclitics on its first word (لواشنطن, والولايات المتحدة).
#include <algorithm>
#include <boost/container/static_vector.hpp>

#include "extract/arabic/normalize.h"
#include "extract/arabic/sentence.h"

namespace nasij::arabic {

namespace {

struct Strip {
  std::string_view conj, prep;  // literals
  size_t bytes;
};

constexpr std::string_view kConjunctions[] = {"", "و", "ف"};
constexpr std::string_view kPrepositions[] = {"ب", "ل", "ك"};

using Strips = boost::container::static_vector<Strip, 8>;

// Ways to peel clitics off the first word of a name, fewest first.
Strips FirstWordStrips(std::string_view w) {
  Strips out = {{"", "", 0}};
  for (std::string_view conj : kConjunctions) {
    if (!conj.empty() && !OpensWithLetter(w, conj)) continue;
    if (!conj.empty()) out.push_back({conj, "", conj.size()});
    for (std::string_view prep : kPrepositions) {
      if (OpensWithLetter(w.substr(conj.size()), prep)) out.push_back({conj, prep, conj.size() + prep.size()});
    }
  }
  return out;
}

// Whether a one-word name at ws[i] is more likely a word the lexicon knows:
// any known word, for a minor place; an adjective agreeing with the noun
// before it (دعم مالي: financial, not Mali). Known to the data files or as a
// guessed verb: hunspell-ar reads most names as words too.
bool CommonWordHere(const std::vector<Word>& ws, size_t i, const Entity& entity) {
  auto known_as = [&](size_t k, auto&& test) {
    return std::any_of(ws[k].readings.begin(), ws[k].readings.end(), [&](const Analysis& a) {
      return a.source != Source::kUnknown && a.source != Source::kHunspell && test(a);
    });
  };
  if (entity.minor_place && known_as(i, [](const Analysis&) { return true; })) return true;
  if (i == 0 || ws[i - 1].token->kind != Token::kWord) return false;
  for (const Analysis& adj : ws[i].readings) {
    if (adj.source != Source::kLexicon || adj.tag != Tag::kAdj) continue;
    if (known_as(i - 1, [&](const Analysis& n) {
          return (n.tag == Tag::kNoun || n.tag == Tag::kMasdar) && n.definite == adj.definite;
        })) {
      return true;
    }
  }
  return false;
}

// The number of words of a person's title that opens the listed name
// ws[i, i + words) (its first word after the clitics `strip` took off),
// when the words after it are a name of the same person; else 0.
int TitleBeforeName(const Lexicon& lexicon, const Gazetteer& gazetteer, const std::vector<std::string>& norms,
                    size_t i, int words, const Strip& strip, const Entity& person) {
  std::string title = norms[i].substr(strip.bytes);
  for (int n = 1; n < words; ++n) {
    if (n > 1) title += " " + norms[i + n - 1];
    const Title* t = lexicon.TitleOf(title);
    if (!t || t->kind != "PER") continue;
    std::string rest = norms[i + n];
    for (int k = n + 1; k < words; ++k) rest += " " + norms[i + k];
    if (gazetteer.Find(rest) == &person) return n;
  }
  return 0;
}

}  // namespace

void MarkNames(const Lexicon& lexicon, const Gazetteer& gazetteer, std::vector<Word>* words) {
  std::vector<Word>& ws = *words;
  std::vector<std::string> norms;
  norms.reserve(ws.size());
  for (const Word& w : ws) norms.push_back(w.norm);
  std::string with_article;
  // Each word's, once: names and titles both start from them.
  std::vector<Strips> strips;
  strips.reserve(ws.size());
  for (const Word& w : ws) strips.push_back(w.token->kind == Token::kWord ? FirstWordStrips(w.norm) : Strips());

  for (size_t i = 0; i < ws.size();) {
    if (ws[i].token->kind != Token::kWord) {
      ++i;
      continue;
    }
    // Gazetteer names, longest first; the article may belong to the name
    // (الناتو) or not (بالناتو → ب + الناتو; بموسكو → ب + موسكو).
    int best = 0;
    const Entity* entity = nullptr;
    Strip best_strip{"", "", 0};
    for (const Strip& s : strips[i]) {
      if (ws[i].norm.size() - s.bytes < 4) continue;
      for (bool drop_article : {false, true}) {
        std::string_view first = std::string_view(ws[i].norm).substr(s.bytes);
        if (drop_article) {
          if (!first.starts_with("ال") || first.size() < 8) continue;
          first.remove_prefix(4);
        } else if (s.prep == "ل" && first.starts_with("ل") && !first.starts_with("ال")) {
          with_article = "ال";  // للناتو = ل + الناتو
          with_article += first.substr(2);
          first = with_article;
        }
        const Entity* e = nullptr;
        int n = gazetteer.Match(first, norms, i, &e);
        if (n > best) {
          best = n;
          entity = e;
          best_strip = s;
        }
      }
    }
    if (best == 1 && CommonWordHere(ws, i, *entity)) best = 0;
    // A person listed with a title (الملك محمد السادس, الشيخ صباح الأحمد) is
    // the title and the name, when the rest is a name the list gives the
    // same person: the title stays a title, as before any other name (الملك
    // | عبد الله الثاني), and the mention is the name, as annotated news
    // marks it (docs/extraction.md, the tagger through extraction).
    if (best > 1 && entity->kind == "PER") {
      const int title_words = TitleBeforeName(lexicon, gazetteer, norms, i, best, best_strip, *entity);
      if (title_words > 0) {
        i += title_words;
        best -= title_words;
        best_strip = {"", "", 0};
      }
    }
    if (best > 0) {
      // A one-word name that is also an indefinite common noun (دولار, the
      // currency) keeps the adjectives after it: مليار دولار أمريكي.
      ws[i].indefinite_noun_name =
          best == 1 && std::any_of(ws[i].readings.begin(), ws[i].readings.end(), [](const Analysis& a) {
            return a.source == Source::kLexicon && (a.tag == Tag::kNoun || a.tag == Tag::kMasdar) &&
                   a.suffix.empty() && !a.definite;
          });
      for (size_t k = i; k < i + best; ++k) {
        ws[k].entity = entity;
        ws[k].name_begin = i;
        ws[k].name_end = i + best;
        ws[k].a = Analysis();
        ws[k].a.tag = Tag::kPropn;
        ws[k].a.stem = ws[k].norm;
        ws[k].readings.assign(1, ws[k].a);
      }
      ws[i].a.conj = best_strip.conj;
      ws[i].a.prep = best_strip.prep;
      ws[i].a.stem = ws[i].norm.substr(best_strip.bytes);
      ws[i].readings.assign(1, ws[i].a);
      i += best;
      continue;
    }
    ++i;
  }

  // Titles: one or more words, the first possibly with a conjunction.
  for (size_t i = 0; i < ws.size(); ++i) {
    if (ws[i].entity || ws[i].token->kind != Token::kWord) continue;
    for (const Strip& s : strips[i]) {
      const std::string_view first = std::string_view(ws[i].norm).substr(s.bytes);
      std::string longer;  // built only for a title that may go on: most words start none
      for (size_t n = 1; n <= static_cast<size_t>(lexicon.max_title_words()) && i + n <= ws.size(); ++n) {
        if (n == 2) longer = first;
        if (n > 1) longer.append(" ").append(ws[i + n - 1].norm);
        const std::string_view phrase = n == 1 ? first : std::string_view(longer);
        if (const Title* t = lexicon.TitleOf(phrase)) {
          ws[i].title = t;
          ws[i].title_end = i + n;
        }
        if (!lexicon.TitleContinues(phrase)) break;
      }
      if (ws[i].title) break;
    }
    // A possessed title: رئيسه توكاييف.
    if (!ws[i].title && !ws[i].readings.empty() && !ws[i].readings.front().suffix.empty()) {
      const Analysis& a = ws[i].readings.front();
      for (const std::string& form : {a.stem, "ال" + a.stem}) {
        if (const Title* t = lexicon.TitleOf(form)) {
          ws[i].title = t;
          ws[i].title_end = i + 1;
          break;
        }
      }
    }
  }

  for (Word& w : ws) {
    for (const Analysis& a : w.readings) {
      if (const Nisba* n = lexicon.NisbaOf(a.stem)) {
        w.nisba_place_en = n->place_en;
        break;
      }
    }
    // A place named by its own nisba in the feminine (السعودية) is that
    // adjective too, wherever a noun before it says so.
    const std::string& norm = w.norm;
    if (w.nisba_place_en.empty() && w.entity && norm.starts_with("ال") && norm.ends_with("ه")) {
      const std::string stem = norm.substr(4, norm.size() - 4 - 2);
      if (const Nisba* n = lexicon.NisbaOf(stem)) w.nisba_place_en = n->place_en;
    }
  }
}

}  // namespace nasij::arabic
