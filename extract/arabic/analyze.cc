#include "extract/arabic/analyze.h"

#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <boost/container/static_vector.hpp>
#include <string_view>

namespace nasij::arabic {

namespace {

// Arabic letters are two bytes in UTF-8; these helpers cut whole letters.
// Words are read as views of the word analysed: only readings own strings.
bool StartsWith(std::string_view s, std::string_view p) { return s.starts_with(p); }
bool EndsWith(std::string_view s, std::string_view p) { return s.ends_with(p); }
size_t Letters(std::string_view s) { return s.size() / 2; }

constexpr std::string_view kSuffixes[] = {"هما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك", "ي"};

struct Split {
  std::string_view conj, prep;
  bool future = false;
  std::string_view rest;
};
// No word has more ways to split: three conjunctions (none, و, ف), each
// alone or with one of four prefixes.
using Splits = boost::container::static_vector<Split, 15>;
// The suffixes a stem may end with, and none.
using Suffixes = boost::container::static_vector<std::string_view, std::size(kSuffixes) + 1>;

// Conjunction, then preposition or future prefix.
Splits Proclitics(std::string_view word) {
  Splits out;
  for (std::string_view conj : {"", "و", "ف"}) {
    if (!StartsWith(word, conj)) continue;
    const std::string_view after_conj = word.substr(conj.size());
    out.push_back({conj, "", false, after_conj});
    for (std::string_view prep : {"ب", "ل", "ك", "س"}) {
      if (!StartsWith(after_conj, prep) || Letters(after_conj) < 3) continue;
      Split s{conj, prep, false, after_conj.substr(2)};
      if (prep == "س") {
        s.prep = "";
        s.future = true;
      }
      out.push_back(s);
    }
  }
  return out;
}

void AddNounReadings(const Lexicon& lex, const Split& p, const std::string& stem, bool definite,
                     std::string_view suffix, float cost, std::vector<Analysis>* out) {
  const std::vector<NounForm>* forms = lex.NounForms(stem);
  // A pronoun suffix turns final ة into ت: حكومته → حكومة + ه.
  std::string restored;
  if (!forms && !suffix.empty() && EndsWith(stem, "ت")) {
    restored = stem.substr(0, stem.size() - 2) + "ه";
    forms = lex.NounForms(restored);
  }
  if (!forms) return;
  for (const NounForm& f : *forms) {
    if (f.definite_only && !definite) continue;
    Analysis a;
    a.tag = f.tag;
    a.stem = restored.empty() ? stem : restored;
    a.conj = p.conj;
    a.prep = p.prep;
    a.definite = definite;
    a.suffix = suffix;
    a.noun = f;
    a.cost = cost;
    out->push_back(a);
  }
}

// What a hunspell reading costs above the same reading from the data files.
constexpr float kHunspellCost = 2;
// And above a noun reading of the same word, by its class. The table reads
// most names and many nouns as verbs too (أحمد he praises, أحدث newest or he
// caused), so the context must call for a verb; and many nouns as adjectives
// (المزيد more), which after a definite noun would join its phrase.
struct HunspellTagCost {
  Tag tag;
  float cost;
};
constexpr HunspellTagCost kHunspellTagCosts[] = {{Tag::kVerb, 0.5f}, {Tag::kAdj, 0.5f}, {Tag::kMasdar, 0.1f}};
float HunspellTagCost(Tag tag) {
  for (const auto& [t, cost] : kHunspellTagCosts) {
    if (t == tag) return cost;
  }
  return 0;
}
// What reading a word only hunspell-ar knows as a name costs above its
// cheapest reading: above a verb reading too, unless the context speaks
// against a verb (tagger.cc).
constexpr float kHunspellNameCost = 1.5f;
// What the reading of a word no source knows costs: more than any reading
// of a word some source knows.
constexpr float kUnknownCost = 10;

// A word no source reads: a noun after the article, else perhaps a name.
Analysis UnknownReading(const std::string& word, float cost) {
  Analysis a;
  a.tag = Tag::kPropn;
  a.source = Source::kUnknown;
  a.stem = word;
  a.cost = cost;
  for (const Split& p : Proclitics(word)) {
    const std::string_view rest = p.rest;
    const bool lil = p.prep == "ل" && StartsWith(rest, "ل") && !StartsWith(rest, "ال");
    if (!p.future && ((StartsWith(rest, "ال") && Letters(rest) >= 4) || lil)) {
      a.tag = Tag::kNoun;
      a.stem = rest.substr(lil ? 2 : 4);
      a.conj = p.conj;
      a.prep = p.prep;
      a.definite = true;
      break;
    }
  }
  return a;
}

// Readings from the hunspell-ar table, for a word the data files do not
// know: the same clitics as theirs, the article on nominal readings only.
void AddHunspellReadings(const Lexicon& lex, const std::string& word, std::vector<Analysis>* out) {
  for (const Split& p : Proclitics(word)) {
    const float clitic_cost = (p.conj.empty() ? 0 : 1) + (p.prep.empty() && !p.future ? 0 : 1);
    Suffixes suffixes = {""};
    for (std::string_view sx : kSuffixes) {
      // Not "my": names and nisbas the table reads as words end in ي far
      // more often (سيتي is City, not سيت + ي).
      if (EndsWith(p.rest, sx) && sx != "ي") suffixes.push_back(sx);
    }
    for (std::string_view sx : suffixes) {
      const std::string_view stem = p.rest.substr(0, p.rest.size() - sx.size());
      if (Letters(stem) < 2) continue;
      struct Candidate {
        std::string form;
        bool definite;
      };
      std::vector<Candidate> candidates = {{std::string(stem), false}};
      // A pronoun suffix turns final ة into ت: حكومته → حكومة + ه.
      if (!sx.empty() && EndsWith(stem, "ت")) {
        candidates.push_back({std::string(stem.substr(0, stem.size() - 2)) + "ه", false});
      }
      if (sx.empty() && StartsWith(stem, "ال") && Letters(stem) >= 4) {
        candidates.push_back({std::string(stem.substr(4)), true});
      }
      if (sx.empty() && p.prep == "ل" && StartsWith(stem, "ل") && Letters(stem) >= 3) {
        candidates.push_back({std::string(stem.substr(2)), true});  // للحكم = ل + ال + حكم
      }
      for (const Candidate& c : candidates) {
        for (const HunspellReading& r : lex.HunspellReadings(c.form)) {
          Analysis a;
          a.tag = r.tag;
          a.source = Source::kHunspell;
          a.stem = c.form;
          a.conj = p.conj;
          a.prep = p.prep;
          a.future = p.future;
          // ar.dic lists some nouns and names with their article (المزيد, الجزائر).
          a.definite = c.definite || (r.tag != Tag::kVerb && StartsWith(c.form, "ال") && Letters(c.form) >= 4);
          a.suffix = sx;
          a.cost = clitic_cost + (sx.empty() ? 0 : 1.5f) + kHunspellCost + HunspellTagCost(r.tag);
          if (r.tag == Tag::kVerb) {
            // Verbs take ل (subjunctive) and س on the imperfect, never the article.
            if (c.definite || (!p.prep.empty() && p.prep != "ل")) continue;
            if ((p.future || p.prep == "ل") && !r.verb.present) continue;
            a.verb = r.verb;
            a.cost += r.verb.first_person ? 1.0f : 0;
          } else {
            if (p.future) continue;
            a.noun.tag = r.tag;
            a.noun.entry = lex.hunspell_noun();
            a.noun.plural = r.plural;
            a.noun.feminine = r.feminine;
            a.noun.nun_suffix = r.nun_suffix;
          }
          out->push_back(std::move(a));
        }
      }
    }
  }
}

// Cheapest first, readings of one cost in the order found: what
// std::stable_sort does, without the buffer it allocates for a word's few
// readings.
void SortByCost(std::vector<Analysis>* readings) {
  std::vector<Analysis>& rs = *readings;
  for (size_t i = 1; i < rs.size(); ++i) {
    for (size_t k = i; k > 0 && rs[k].cost < rs[k - 1].cost; --k) std::swap(rs[k], rs[k - 1]);
  }
}

}  // namespace

std::vector<Analysis> Analyze(const Lexicon& lex, const std::string& word) {
  std::vector<Analysis> out;
  // A preposition clitic with a pronoun and nothing else: به لها لهم, and
  // the two-letter له, which Proclitics leaves whole.
  for (std::string_view conj : {"", "و", "ف"}) {
    if (!word.starts_with(conj)) continue;
    const std::string_view after = std::string_view(word).substr(conj.size());
    for (std::string_view prep : {"ب", "ل"}) {
      if (!after.starts_with(prep)) continue;
      const std::string_view rest = after.substr(prep.size());
      for (std::string_view sx : kSuffixes) {
        if (rest == sx && rest != "ي" && rest != "ني") {
          Analysis a;
          a.tag = Tag::kPrep;
          a.stem = prep;
          a.conj = conj;
          a.suffix = sx;
          a.cost = conj.empty() ? 0 : 1;
          out.push_back(a);
        }
      }
    }
  }
  if (const auto* tags = lex.FunctionTags(word)) {
    for (Tag t : *tags) {
      Analysis a;
      a.tag = t;
      a.stem = word;
      out.push_back(a);
    }
  }
  for (const Split& p : Proclitics(word)) {
    const float clitic_cost = (p.conj.empty() ? 0 : 1) + (p.prep.empty() && !p.future ? 0 : 1);
    if (clitic_cost > 0 && Letters(p.rest) >= 2) {
      if (const auto* tags = lex.FunctionTags(p.rest)) {
        for (Tag t : *tags) {
          if (!p.future) {
            Analysis a;
            a.tag = t;
            a.stem = p.rest;
            a.conj = p.conj;
            a.prep = p.prep;
            a.cost = clitic_cost;
            out.push_back(a);
          }
        }
      }
    }
    Suffixes suffixes = {""};
    for (std::string_view sx : kSuffixes) {
      if (EndsWith(p.rest, sx)) suffixes.push_back(sx);
    }
    for (std::string_view sx : suffixes) {
      const std::string stem(p.rest.substr(0, p.rest.size() - sx.size()));
      if (Letters(stem) < 2) continue;
      const float cost = clitic_cost + (sx.empty() ? 0 : 1.5f);
      // Prepositions with a pronoun: عليه لديهم منها; أن with one, also
      // after ب or ل: بأنها, لأنه.
      if (!sx.empty() && !p.future) {
        if (const auto* tags = lex.FunctionTags(stem)) {
          for (Tag t : *tags) {
            if (t != Tag::kPrep && t != Tag::kInna && t != Tag::kSub && t != Tag::kQuant) continue;
            if (!p.prep.empty() && t != Tag::kInna && t != Tag::kSub) continue;
            Analysis a;
            a.tag = t;
            a.stem = stem;
            a.conj = p.conj;
            a.prep = p.prep;
            a.suffix = sx;
            a.cost = cost - 1;
            out.push_back(a);
          }
        }
      }
      // Verbs take ل (subjunctive) and س but no article.
      if (p.prep.empty() || p.prep == "ل") {
        if (const auto* forms = lex.VerbForms(stem)) {
          for (const VerbForm& f : *forms) {
            if ((p.future || p.prep == "ل") && !f.present) continue;
            Analysis a;
            a.tag = Tag::kVerb;
            a.stem = stem;
            a.conj = p.conj;
            a.future = p.future;
            a.prep = p.prep;
            a.suffix = sx;
            a.verb = f;
            // First person, bare jussive and dual forms are rare in news
            // prose; they must not outbid a particle with a pronoun (أنه) or
            // a conjunction before a common verb (ودعا = و + دعا).
            a.cost = cost + (f.first_person ? 1.0f : 0) + (f.jussive ? 0.5f : 0) + (f.dual ? 1.5f : 0);
            out.push_back(a);
          }
        }
      }
      if (p.future) continue;
      AddNounReadings(lex, p, stem, false, sx, cost + 0.2f, &out);
      // The accusative of an indefinite noun is written with alef: وفدا,
      // قائدا بارزا (never after ة, which carries the tanween itself).
      if (sx.empty() && p.prep.empty() && EndsWith(stem, "ا") && Letters(stem) >= 3 && !EndsWith(stem, "ها")) {
        const size_t before = out.size();
        AddNounReadings(lex, p, stem.substr(0, stem.size() - 2), false, "", cost + 0.5f, &out);
        out.erase(std::remove_if(out.begin() + before, out.end(),
                                 [](const Analysis& a) { return a.noun.feminine || (a.noun.plural && a.noun.nun_suffix); }),
                  out.end());
      }
      if (sx.empty()) {
        if (StartsWith(stem, "ال") && Letters(stem) >= 4) {
          AddNounReadings(lex, p, stem.substr(4), true, "", cost, &out);
        } else if (p.prep == "ل" && StartsWith(stem, "ل") && Letters(stem) >= 3) {
          AddNounReadings(lex, p, stem.substr(2), true, "", cost, &out);  // للحكم = ل + ال + حكم
        }
      }
    }
  }
  if (out.empty()) AddHunspellReadings(lex, word, &out);
  // An unknown word with the imperfect prefix ي is a verb no lexicon lists
  // (يتنفس, يستخف); nouns and names rarely begin so.
  if (out.empty()) {
    for (const Split& p : Proclitics(word)) {
      // Only bare or after و: a name no source knows begins with سي, في or
      // لي far more often than a verb they do not list takes س, ف or ل
      // (سيغال, فيسبوك, ليفانتي).
      if (!p.prep.empty() || p.future || p.conj == "ف") continue;
      if (StartsWith(p.rest, "ي") && Letters(p.rest) >= 4 && !StartsWith(p.rest, "يو")) {
        Analysis a;
        a.tag = Tag::kVerb;
        a.source = Source::kGuess;
        a.stem = p.rest;
        a.conj = p.conj;
        a.prep = p.prep;
        a.future = p.future;
        a.verb.verb = lex.unknown_verb();
        a.verb.present = true;
        a.verb.plural = EndsWith(p.rest, "ون");
        a.cost = 5;
        out.push_back(a);
      }
    }
  }
  // A word no source knows; and a word only hunspell-ar reads, which may be
  // a name all the same (آنايا is no verb here, whatever the table says).
  if (out.empty()) {
    out.push_back(UnknownReading(word, kUnknownCost));
  } else if (std::all_of(out.begin(), out.end(), [](const Analysis& a) { return a.source == Source::kHunspell; })) {
    const float cheapest =
        std::min_element(out.begin(), out.end(), [](const Analysis& a, const Analysis& b) { return a.cost < b.cost; })->cost;
    // First, so that a reading of the same cost does not outbid it.
    out.insert(out.begin(), UnknownReading(word, cheapest + kHunspellNameCost));
  }
  SortByCost(&out);
  return out;
}

namespace {

// News vocabulary is Zipfian: most words repeat, so analyses are cached,
// per thread and for one lexicon.
struct AnalysisCache {
  absl::flat_hash_map<std::string, std::vector<Analysis>> readings;
  const Lexicon* lexicon = nullptr;
};

AnalysisCache& ThreadCache() {
  thread_local AnalysisCache cache;
  return cache;
}

}  // namespace

const std::vector<Analysis>& CachedAnalyze(const Lexicon& lexicon, const std::string& word) {
  AnalysisCache& cache = ThreadCache();
  if (cache.lexicon != &lexicon || cache.readings.size() > 200000) {
    cache.readings.clear();
    cache.lexicon = &lexicon;
  }
  auto it = cache.readings.find(word);
  if (it == cache.readings.end()) it = cache.readings.emplace(word, Analyze(lexicon, word)).first;
  return it->second;
}

void PrefetchAnalysis(const Lexicon& lexicon, const std::string& word) {
  AnalysisCache& cache = ThreadCache();
  if (cache.lexicon == &lexicon) cache.readings.prefetch(word);
}

}  // namespace nasij::arabic
