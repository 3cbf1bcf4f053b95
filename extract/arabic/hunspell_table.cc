// Build-time generator of the Arabic lexicon's second source: every word
// form Debian's hunspell-ar dictionary (ar.aff and ar.dic) spells, with what
// the dictionary says it is. Its output is generated in the build tree and
// embedded, never committed.
//
//   nasij-hunspell-table AFF DIC LEMMAS FORMS
//
// LEMMAS lists the verbs' lemmas (hunspell's st:), one a line. Each line of
// FORMS is `form<TAB>class<TAB>lemma<TAB>ending`, normalized (normalize.h)
// and sorted by form:
//   class   past, present, noun, adj, masdar, name, or participle (a noun
//           or an adjective: على عاتق, on the shoulder of);
//   lemma   a verb's: its line in LEMMAS, from 0; any other word's: the
//           word as the dictionary writes it;
//   ending  the inflectional ending the form carries, or -.
//
// Verbs come from the morphology hunspell-ar attaches to each stem (AM
// aliases: st:, po:verb, is:pst / is:prst); the part of speech of other words
// from the heading of the ar.dic section they are listed in. Of the suffix
// rules only inflectional endings are expanded (a verb's subject agreement;
// a noun's number, gender and case): conjunctions, prepositions, the article
// and pronouns are clitics the analyzer strips itself (analyze.cc), so forms
// carrying them would only repeat stems.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "extract/arabic/normalize.h"
#include "extract/utf8.h"

namespace {

// ar.dic lists words under headings (#اسم-جامد#); the part of speech of a
// word without verb morphology is that of its heading, when this table names
// it. The words before the first heading named here are particles, which
// function_words.tsv lists with their classes.
struct Section {
  std::string_view heading, word_class;
};
constexpr Section kSections[] = {
    {"أسماء", "name"},           {"القارات", "name"},
    {"البلدان", "name"},         {"العواصم", "name"},
    {"اسماء،أشخاص", "name"},     {"الأسماء", "noun"},
    {"اسم-جامد", "noun"},        {"المصادر", "masdar"},
    {"إضافة:مصادر", "masdar"},   {"إضافة:مصادر،أسماء-الفاعل،والمفعول،صفات،مختلفات", "noun"},
    {"اسم-الفاعل", "participle"}, {"إضافة:اسم-الفاعل", "participle"},
    {"اسم-المفعول", "participle"}, {"إضافة:اسم-المفعول", "participle"},
    {"مبالغة-اسم-الفاعل", "participle"}, {"صفة-مشبهة", "adj"},
    {"إضافة:صفات-مشبهة", "adj"}, {"صفات-أخرى", "adj"},
    {"التفضيل", "adj"},          {"النسبة", "adj"},
    {"إضافة:مختلفات،الوسيط", "noun"}, {"إضافة:مختلفات،المحيط", "noun"},
    {"مفرداتTB+مختلفات", "noun"}, {"اﻷسماء", "noun"}};

// Tenses of the verb morphology, with the endings a stem of that tense
// takes for its subject. Any other ending of the suffix rules carries a
// pronoun, which the analyzer strips itself. Imperatives and duals are rare
// in news, and would read many names and short words as verbs (التحيتا, a
// place, is no "the two women grew beards").
struct Tense {
  std::string_view is, word_class;
  std::vector<std::string_view> endings;
};
const Tense kTenses[] = {
    {"is:pst", "past", {"ت", "تم", "تن", "نا", "وا", "ن"}},
    {"is:prst", "present", {"ون", "وا", "ين", "ن", "ي"}},
};

// The endings of nouns and adjectives the suffix rules add: the accusative
// alif, the feminine, sound plurals and duals, the nisba, each also after a
// hamza on its seat (شيء → شيئا). Any other ending carries a pronoun.
const std::vector<std::string_view> kNominalEndings = {
    "ا",   "ة",   "ات",   "ون",   "ين",   "ان",   "تان",   "تين",   "ي",   "ية",   "يون",   "يين",   "يات",
    "ئا",  "ءا",  "أ",    "ئات",  "ءات",  "ؤات",  "آت",    "ئون",   "ؤون", "ئين",  "ئي",    "ئية",   "ئيات"};

struct Rule {
  std::u32string strip, add, condition;
};

std::vector<std::string> Fields(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string f; in >> f;) out.push_back(f);
  return out;
}

// Whether the end of `word` matches a hunspell suffix condition: letters,
// `.` and bracketed classes ([ab], [^ab]), one per letter.
bool EndMatches(const std::u32string& word, const std::u32string& condition) {
  if (condition == U".") return true;
  std::vector<std::pair<std::u32string, bool>> units;  // letters, negated
  for (size_t i = 0; i < condition.size(); ++i) {
    if (condition[i] != U'[') {
      units.push_back({condition.substr(i, 1), false});
      continue;
    }
    const size_t close = condition.find(U']', i);
    if (close == std::u32string::npos) return false;
    const bool negated = condition[i + 1] == U'^';
    units.push_back({condition.substr(i + 1 + negated, close - i - 1 - negated), negated});
    i = close;
  }
  if (units.size() > word.size()) return false;
  const size_t start = word.size() - units.size();
  for (size_t k = 0; k < units.size(); ++k) {
    const auto& [letters, negated] = units[k];
    const bool any = letters == U".";
    const bool in = any || letters.find(word[start + k]) != std::u32string::npos;
    if (in == negated) return false;
  }
  return true;
}

struct Affixes {
  std::vector<std::string> flag_sets;                 // AF aliases, 1-based
  std::vector<std::vector<std::string>> morphology;  // AM aliases, 1-based
  std::map<std::string, std::vector<Rule>> suffixes;  // by two-letter flag
};

// Reads the parts of ar.aff this table needs. An error names the line.
bool ReadAffixes(const char* path, Affixes* out, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = std::string("cannot read ") + path;
    return false;
  }
  bool af_count_seen = false, am_count_seen = false;
  out->flag_sets.emplace_back();
  out->morphology.emplace_back();
  int line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    const std::vector<std::string> f = Fields(line);
    if (f.empty()) continue;
    // The first AF and AM lines give the number of aliases that follow.
    if (f[0] == "AF" && f.size() >= 2) {
      if (af_count_seen) out->flag_sets.push_back(f[1]);
      af_count_seen = true;
    } else if (f[0] == "AM" && f.size() >= 2) {
      if (am_count_seen) out->morphology.emplace_back(f.begin() + 1, f.end());
      am_count_seen = true;
    } else if (f[0] == "SFX" && f.size() >= 5) {
      const std::string add = f[3].substr(0, f[3].find('/'));
      out->suffixes[f[1]].push_back({f[2] == "0" ? U"" : nasij::utf8::Decode(f[2]),
                                     add == "0" ? U"" : nasij::utf8::Decode(add), nasij::utf8::Decode(f[4])});
    } else if (f[0] == "FLAG" && (f.size() < 2 || f[1] != "long")) {
      *error = std::string(path) + ":" + std::to_string(line_number) + ": expected FLAG long";
      return false;
    }
  }
  return true;
}

struct Entry {
  std::string form, word_class, lemma, ending;  // lemma: the dictionary's, before numbering
  bool operator<(const Entry& o) const {
    return std::tie(form, word_class, lemma, ending) < std::tie(o.form, o.word_class, o.lemma, o.ending);
  }
  bool operator==(const Entry& o) const {
    return std::tie(form, word_class, lemma, ending) == std::tie(o.form, o.word_class, o.lemma, o.ending);
  }
};

bool IsVerb(const Entry& e) {
  return std::any_of(std::begin(kTenses), std::end(kTenses), [&](const Tense& t) { return t.word_class == e.word_class; });
}

// The class of the words under a heading line, or `current` for a line
// that is no heading of kSections (a separator, a note).
std::string_view SectionClass(const std::string& line, std::string_view current) {
  std::string heading;
  for (char c : line) {
    if (c != '#' && c != '\t' && !std::isdigit(static_cast<unsigned char>(c))) heading.push_back(c);
  }
  for (const Section& s : kSections) {
    if (heading == s.heading) return s.word_class;
  }
  return current;
}

std::string Lemma(const std::vector<std::string>& morphology) {
  for (const std::string& m : morphology) {
    if (m.rfind("st:", 0) == 0) return m.substr(3);
  }
  return "";
}

bool Has(const std::vector<std::string>& v, std::string_view x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// The forms a stem's suffix rules make with one of `endings` (as written,
// without short vowels), each with its ending; and the stem itself.
std::vector<std::pair<std::u32string, std::string>> Expand(const Affixes& affixes, const std::u32string& stem,
                                                           const std::string& flags,
                                                           const std::vector<std::string_view>& endings) {
  std::vector<std::pair<std::u32string, std::string>> out = {{stem, "-"}};
  for (size_t i = 0; i + 1 < flags.size(); i += 2) {
    auto rules = affixes.suffixes.find(flags.substr(i, 2));
    if (rules == affixes.suffixes.end()) continue;
    for (const Rule& r : rules->second) {
      std::u32string bare;
      for (char32_t c : r.add) {
        if (!nasij::utf8::IsArabicMark(c)) bare.push_back(c);
      }
      const std::string ending = nasij::utf8::Encode(bare);
      if (std::find(endings.begin(), endings.end(), ending) == endings.end()) continue;
      if (!EndMatches(stem, r.condition)) continue;
      if (stem.size() < r.strip.size() || stem.compare(stem.size() - r.strip.size(), r.strip.size(), r.strip) != 0) {
        continue;
      }
      out.emplace_back(stem.substr(0, stem.size() - r.strip.size()) + r.add, ending);
    }
  }
  return out;
}

// The word forms of one ar.dic line.
void AddForms(const Affixes& affixes, const std::string& word, const std::string& flags_field,
              const std::vector<std::string>& morphology, std::string_view section_class, std::vector<Entry>* out) {
  std::string flags = flags_field;
  if (!flags.empty() && std::all_of(flags.begin(), flags.end(), ::isdigit)) {
    const size_t alias = std::stoul(flags);
    flags = alias < affixes.flag_sets.size() ? affixes.flag_sets[alias] : "";
  }
  const std::u32string stem = nasij::utf8::Decode(word);
  if (!Has(morphology, "po:verb")) {
    if (section_class.empty()) return;
    for (const auto& [form, ending] : Expand(affixes, stem, flags, kNominalEndings)) {
      out->push_back({nasij::arabic::Normalize(nasij::utf8::Encode(form)), std::string(section_class), word,
                      nasij::arabic::Normalize(ending)});
    }
    return;
  }
  const std::string lemma = Lemma(morphology);
  for (const Tense& tense : kTenses) {
    if (!Has(morphology, tense.is)) continue;
    for (const auto& [form, ending] : Expand(affixes, stem, flags, tense.endings)) {
      out->push_back({nasij::arabic::Normalize(nasij::utf8::Encode(form)), std::string(tense.word_class), lemma,
                      nasij::arabic::Normalize(ending)});
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: nasij-hunspell-table AFF DIC LEMMAS FORMS\n";
    return 2;
  }
  Affixes affixes;
  std::string error;
  if (!ReadAffixes(argv[1], &affixes, &error)) {
    std::cerr << "nasij-hunspell-table: " << error << "\n";
    return 1;
  }
  std::ifstream dic(argv[2]);
  if (!dic) {
    std::cerr << "nasij-hunspell-table: cannot read " << argv[2] << "\n";
    return 1;
  }
  std::vector<Entry> entries;
  std::string_view section_class;
  for (std::string line; std::getline(dic, line);) {
    if (line.empty()) continue;
    if (line[0] == '#') {
      section_class = SectionClass(line, section_class);
      continue;
    }
    const size_t tab = line.find('\t');
    const std::string word_and_flags = line.substr(0, tab);
    // Lines of the concatenated source files that are not words: counts,
    // file names and separators.
    if (word_and_flags.find_first_of(" :.0123456789") == 0) continue;
    const size_t slash = word_and_flags.find('/');
    const std::string word = word_and_flags.substr(0, slash);
    const std::string flags = slash == std::string::npos ? "" : word_and_flags.substr(slash + 1);
    std::vector<std::string> morphology;
    if (tab != std::string::npos) {
      const std::string alias = line.substr(tab + 1);
      if (!alias.empty() && std::all_of(alias.begin(), alias.end(), ::isdigit)) {
        const size_t n = std::stoul(alias);
        if (n < affixes.morphology.size()) morphology = affixes.morphology[n];
      }
    }
    if (word.size() < 4) continue;  // one letter: a clitic, never a word of its own
    AddForms(affixes, word, flags, morphology, section_class, &entries);
  }
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  std::map<std::string, size_t> lemmas;
  for (const Entry& e : entries) {
    if (IsVerb(e)) lemmas.emplace(e.lemma, 0);
  }
  std::ofstream lemma_file(argv[3], std::ios::binary);
  size_t line = 0;
  for (auto& [lemma, number] : lemmas) {
    number = line++;
    lemma_file << lemma << '\n';
  }
  std::ofstream forms(argv[4], std::ios::binary);
  for (const Entry& e : entries) {
    forms << e.form << '\t' << e.word_class << '\t';
    if (IsVerb(e)) {
      forms << lemmas.at(e.lemma);
    } else {
      forms << e.lemma;
    }
    forms << '\t' << e.ending << '\n';
  }
  if (!lemma_file.flush() || !forms.flush()) {
    std::cerr << "nasij-hunspell-table: cannot write " << argv[3] << " or " << argv[4] << "\n";
    return 1;
  }
  return 0;
}
