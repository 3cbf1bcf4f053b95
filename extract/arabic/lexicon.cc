#include "extract/arabic/lexicon.h"

#include <algorithm>
#include <charconv>

#include "common/embedded.h"
#include "extract/arabic/normalize.h"
#include "extract/tsv.h"
#include "extract/utf8.h"

namespace nasij::arabic {

const char* TagName(Tag t) {
  static const char* kNames[] = {"NOUN", "ADJ",  "MASDAR", "NUM",  "TIME", "PROPN", "VERB",  "PREP",
                                 "CONJ", "SUB",  "COND",   "REL",  "NEG",  "MODAL", "QUES",  "PRON",
                                 "DEM",  "QUANT", "ADV",   "INNA", "EXIST", "PUNCT", "NUMBER", "UNK"};
  return kNames[static_cast<int>(t)];
}

namespace {

bool IsWeak(char32_t c) { return c == U'و' || c == U'ي' || c == U'ا'; }

Status RowError(const char* file, const TsvRow& row, const std::string& why) {
  return Status::Corruption(std::string(file) + ":" + std::to_string(row.line) + ": " + why);
}

}  // namespace

std::vector<std::pair<std::string, VerbForm>> Conjugate(const Verb& verb, std::string_view root_text) {
  std::vector<std::pair<std::string, VerbForm>> out;
  const std::u32string root = utf8::Decode(Normalize(root_text));
  const bool hollow_root = root.size() == 3 && (root[1] == U'و' || root[1] == U'ي');
  const bool doubled_root = root.size() == 3 && root[1] == root[2];
  auto add = [&](const std::u32string& form, VerbForm f) { out.emplace_back(utf8::Encode(form), f); };

  // The perfect: suffixes on the 3ms stem.
  std::u32string past = utf8::Decode(Normalize(verb.past));
  if (past.size() >= 2) {
    VerbForm ms;
    add(past, ms);
    VerbForm fs = ms, mp = ms, first = ms;
    fs.feminine = true;
    mp.plural = true;
    VerbForm md = mp, fd = fs;
    md.dual = fd.dual = true;
    first.first_person = true;
    first.plural = true;
    std::u32string raw_past = utf8::Decode(verb.past);
    const bool defective = raw_past.back() == U'ى' || (raw_past.back() == U'ا' && past.size() >= 3);
    if (defective) {
      std::u32string d = past.substr(0, past.size() - 1);
      add(d + U"ت", fs);
      add(d + U"وا", mp);
      std::u32string glide = raw_past.back() == U'ى' ? U"ي" : U"و";
      add(d + glide + U"نا", first);
      add(d + glide + U"ت", first);
    } else {
      add(past + U"ت", fs);
      add(past + U"وا", mp);
      add(past + U"ا", md);
      add(past + U"تا", fd);
      std::u32string consonantal = past;
      if (hollow_root && past.size() >= 3 && past[past.size() - 2] == U'ا') {
        consonantal.erase(consonantal.size() - 2, 1);  // قال → قل-
      } else if (doubled_root) {
        consonantal.push_back(past.back());  // رد → ردد-
      }
      add(consonantal + U"ن", mp);
      add(consonantal + U"نا", first);
      add(consonantal + U"ت", first);
      add(consonantal + U"تم", mp);
    }
  }

  // The imperfect: person prefixes and number suffixes on the stem.
  std::u32string present = utf8::Decode(Normalize(verb.present));
  if (present.size() >= 3 && present[0] == U'ي') {
    const std::u32string stem = present.substr(1);
    const bool defective = IsWeak(stem.back()) && !hollow_root;
    std::u32string jussive = stem;
    if (defective) {
      jussive.pop_back();
    } else if (hollow_root && stem.size() >= 3 && IsWeak(stem[stem.size() - 2])) {
      jussive.erase(jussive.size() - 2, 1);  // يقول → يقل
    }
    const std::u32string plural_base = defective ? stem.substr(0, stem.size() - 1) : stem;
    struct Person {
      char32_t prefix;
      bool feminine, first;
    };
    for (Person p : {Person{U'ي', false, false}, Person{U'ت', true, false}, Person{U'ن', false, true},
                     Person{U'ا', false, true}}) {
      VerbForm f;
      f.present = true;
      f.feminine = p.feminine;
      f.first_person = p.first;
      f.plural = p.prefix == U'ن';
      add(p.prefix + stem, f);
      VerbForm j = f;
      j.jussive = true;
      if (jussive != stem) add(p.prefix + jussive, j);
      if (p.first) continue;
      VerbForm pl = f;
      pl.plural = true;
      add(p.prefix + plural_base + U"ون", pl);
      add(p.prefix + plural_base + U"وا", pl);
      VerbForm dual = pl;
      dual.dual = true;
      add(p.prefix + stem + U"ان", dual);
      add(p.prefix + stem + U"ن", pl);
      add(p.prefix + stem + U"ا", dual);
    }
  }
  return out;
}

Status Lexicon::AddVerbs(std::string_view data) {
  for (const TsvRow& row : TsvRows(data)) {
    if (row.fields.size() != 6) return RowError("verbs.tsv", row, "expected 6 fields");
    Verb v;
    v.past = row.fields[0];
    v.present = row.fields[1] == "-" ? "" : std::string(row.fields[1]);
    v.gloss = row.fields[4];
    // Forms V and VI write their verbal noun as the perfect (تقدّم, تراجُع),
    // but for a final weak letter (تولّى: تولّي).
    const std::string_view form = row.fields[3];
    v.verbal_noun = (form == "V" || form == "VI") && !v.past.ends_with("ى");
    for (std::string_view flag : SplitField(row.fields[5], ',')) {
      if (flag == "copula") v.copula = true;
      else if (flag == "speech") v.speech = true;
      else if (flag == "modal") v.modal = true;
      else if (flag == "intrans") v.intrans = true;
      else if (flag == "still") v.still = true;
      else if (flag == "wish") v.wish = true;
      else if (flag == "addressee") v.addressee = true;
      else if (flag == "naming") v.naming = true;
      else if (flag == "predicative") v.predicative = true;
      else if (flag == "any_gender") v.any_gender = true;
      else if (flag == "verbal_noun") v.verbal_noun = true;
      else if (flag == "denial") v.denial = true;
      else if (flag.substr(0, 5) == "prep=") v.preps.push_back(Normalize(flag.substr(5)));
      else if (flag != "-") return RowError("verbs.tsv", row, "unknown flag " + std::string(flag));
    }
    const uint32_t index = verbs_.size();
    for (auto& [form, f] : Conjugate(v, row.fields[2])) {
      f.verb = index;
      verb_forms_[form].push_back(f);
    }
    verbs_.push_back(std::move(v));
  }
  return Status::OK();
}

namespace {

Tag NounTag(std::string_view pos) {
  if (pos == "ADJ") return Tag::kAdj;
  if (pos == "MASDAR") return Tag::kMasdar;
  if (pos == "NUM") return Tag::kNum;
  if (pos == "TIME" || pos == "DAY") return Tag::kTime;
  return Tag::kNoun;
}

}  // namespace

Status Lexicon::AddNouns(std::string_view data) {
  for (const TsvRow& row : TsvRows(data)) {
    if (row.fields.size() != 4) return RowError("nouns.tsv", row, "expected 4 fields");
    const uint32_t index = nouns_.size();
    nouns_.push_back({std::string(row.fields[0]), std::string(row.fields[2]), row.fields[3] != "-"});
    NounForm base;
    base.tag = NounTag(row.fields[1]);
    base.definite_only = row.fields[1] == "DAY";
    base.entry = index;
    // Forms the file lists come before forms generated from another entry:
    // شرطة is "police" before it is the feminine of شرط.
    auto add = [&](const std::string& form, bool plural, bool feminine, bool nun_suffix = false, bool listed = false) {
      NounForm f = base;
      f.plural = plural;
      f.feminine = feminine;
      f.nun_suffix = nun_suffix;
      auto& forms = noun_forms_[form];
      for (const NounForm& g : forms) {
        if (g.entry == index && g.tag == f.tag) return;
      }
      if (listed) {
        forms.insert(forms.begin(), f);
      } else {
        forms.push_back(f);
      }
    };
    const std::string singular = Normalize(row.fields[0]);
    const bool ends_taa = EndsWithTaaMarbuta(row.fields[0]);
    const bool feminine = ends_taa || row.fields[1] == "NF";
    add(singular, false, feminine, false, true);
    // Sound plurals, duals and the feminine are regular enough to generate.
    if (base.tag == Tag::kNoun || base.tag == Tag::kAdj || base.tag == Tag::kMasdar) {
      const std::string stem = ends_taa ? singular.substr(0, singular.size() - 2) : singular;
      add(stem + "ات", true, true);
      if (ends_taa) {
        add(stem + "تان", true, true, true);
        add(stem + "تين", true, true, true);
      } else {
        add(stem + "ان", true, feminine, true);  // the dual: حربان
        add(stem + "ين", true, feminine, true);
        add(stem + "ه", false, true);  // صاحب → صاحبة, مسؤول → مسؤولة
        if (base.tag != Tag::kMasdar) {
          add(stem + "ون", true, false, true);  // محتج → محتجون
          add(stem + "و", true, false);         // in construct the nun drops: محتجو المدينة
        }
        if (base.tag == Tag::kAdj) {
          add(stem + "تان", true, true, true);
          add(stem + "تين", true, true, true);
        }
      }
    }
    auto ends_in = [](const std::string& s, std::string_view end) { return s.ends_with(end); };
    for (std::string_view plural : SplitField(row.fields[3], '|')) {
      if (plural.substr(0, 2) == "f:") {
        add(Normalize(plural.substr(2)), false, true, false, true);
      } else {
        // A listed sound plural (متظاهرين) has the nun too.
        const std::string form = Normalize(plural);
        const bool sound = (ends_in(form, "ون") || ends_in(form, "ين")) && !ends_in(singular, "ون") &&
                           !ends_in(singular, "ين");
        add(form, true, false, sound, true);
        if (sound && ends_in(form, "ون")) add(form.substr(0, form.size() - 2), true, false);  // متظاهرو
      }
    }
  }
  return Status::OK();
}

namespace {

bool FunctionTag(std::string_view name, Tag* tag) {
  static const std::pair<const char*, Tag> kTags[] = {
      {"PREP", Tag::kPrep}, {"CONJ", Tag::kConj},   {"SUB", Tag::kSub},   {"COND", Tag::kCond},
      {"REL", Tag::kRel},   {"NEG", Tag::kNeg},     {"MODAL", Tag::kModal}, {"QUES", Tag::kQues},
      {"PRON", Tag::kPron}, {"DEM", Tag::kDem},     {"QUANT", Tag::kQuant}, {"ADV", Tag::kAdv},
      {"INNA", Tag::kInna}, {"EXIST", Tag::kExist}};
  for (auto [n, t] : kTags) {
    if (name == n) {
      *tag = t;
      return true;
    }
  }
  return false;
}

int WordCount(const std::string& s) { return 1 + std::count(s.begin(), s.end(), ' '); }

}  // namespace

Status Lexicon::AddFunctionWords(std::string_view data) {
  for (const TsvRow& row : TsvRows(data)) {
    Tag tag;
    if (row.fields.size() < 2 || !FunctionTag(row.fields[1], &tag)) {
      return RowError("function_words.tsv", row, "expected a word and a known class");
    }
    const std::string word = Normalize(row.fields[0]);
    function_words_as_written_.insert(WithoutMarks(row.fields[0]));
    auto& tags = function_words_[word];
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
    if (tag == Tag::kPrep && row.fields.size() > 2 && row.fields[2] != "-") {
      preposition_glosses_.emplace(word, std::string(row.fields[2]));
    }
    if (row.fields.size() > 3 && row.fields[3] == "speech") speech_participles_.insert(word);
    max_function_words_ = std::max(max_function_words_, WordCount(word));
    if (const size_t space = word.find(' '); space != std::string::npos) function_phrase_starts_.insert(word.substr(0, space));
  }
  return Status::OK();
}

Status Lexicon::AddTitles(std::string_view data) {
  for (const TsvRow& row : TsvRows(data)) {
    if (row.fields.size() != 3 && row.fields.size() != 4) return RowError("titles.tsv", row, "expected 3 or 4 fields");
    if (row.fields.size() == 4 && row.fields[3] != "honorific") {
      return RowError("titles.tsv", row, "the fourth field can only be 'honorific'");
    }
    Title t{std::string(row.fields[0]), std::string(row.fields[1]), std::string(row.fields[2])};
    t.honorific = row.fields.size() == 4;
    const std::string key = Normalize(t.text);
    t.words = WordCount(key);
    max_title_words_ = std::max(max_title_words_, t.words);
    for (size_t space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1)) {
      title_prefixes_.insert(key.substr(0, space));
    }
    titles_.emplace(key, std::move(t));
  }
  return Status::OK();
}

Status Lexicon::AddNisba(std::string_view data) {
  for (const TsvRow& row : TsvRows(data)) {
    if (row.fields.size() != 3) return RowError("nisba.tsv", row, "expected 3 fields");
    Nisba n{std::string(row.fields[1]), std::string(row.fields[2])};
    const std::string adj = Normalize(row.fields[0]);
    // Masculine, feminine and sound plurals: روسي روسية روسيون روسيين روسيات.
    for (const char* suffix : {"", "ه", "ون", "ين", "ات", "ان"}) nisba_.emplace(adj + suffix, n);
  }
  return Status::OK();
}

Status Lexicon::AddGivenNames(std::string_view data) {
  for (const TsvRow& row : TsvRows(data)) {
    const auto& f = row.fields;
    if (f.size() != 2 || (f[1] != "M" && f[1] != "F" && f[1] != "U")) {
      return RowError("given_names.tsv", row, "expected a name and M, F or U");
    }
    const std::string name = Normalize(f[0]);
    if (const size_t space = name.find(' '); space != std::string::npos) given_name_starts_.insert(name.substr(0, space));
    given_names_.emplace(name, std::string(f[1]));
  }
  return Status::OK();
}

namespace {

// The hunspell-ar table's classes (hunspell_table.cc) and the readings
// each gives: a participle is a noun as often as an adjective.
struct HunspellClass {
  std::string_view name;
  std::vector<Tag> tags;
  bool present = false;  // for verbs
};
const HunspellClass kHunspellClasses[] = {
    {"past", {Tag::kVerb}},       {"present", {Tag::kVerb}, true},          {"noun", {Tag::kNoun}},
    {"adj", {Tag::kAdj}},         {"participle", {Tag::kNoun, Tag::kAdj}}, {"masdar", {Tag::kMasdar}},
    {"name", {Tag::kPropn}}};

// What a verb's subject-agreement ending says of its subject. The table
// keeps only these endings (hunspell_table.cc); "-" is none.
struct Agreement {
  std::string_view ending;
  bool plural = false, feminine = false, first_person = false;
};
constexpr Agreement kPastAgreement[] = {
    {"-"},
    {"ت", false, true},  // she; I and you, which it also is, are rarer in news
    {"وا", true},
    {"ن", true, true},
    {"نا", true, false, true},
    {"تم", true},
    {"تن", true, true}};
constexpr Agreement kPresentAgreement[] = {
    {"-"}, {"ون", true}, {"وا", true}, {"ين", false, true}, {"ن", true, true}, {"ي", false, true}};
// The imperfect's person prefix: ت she (or you), ن we, ا (أ) I; ي is he.
constexpr Agreement kPresentPrefixes[] = {{"ت", false, true}, {"ن", true, false, true}, {"ا", false, false, true}};

// What a nominal form's ending says of its number and gender (as
// normalized: ة is ه), and whether it is the nun a noun in construct drops.
struct NominalEnding {
  std::string_view ending;
  bool plural = false, feminine = false, nun_suffix = false;
};
constexpr NominalEnding kNominalEndings[] = {
    {"ه", false, true},        {"يه", false, true},        {"ييه", false, true},       {"ات", true, true},
    {"يات", true, true},       {"ييات", true, true},       {"ءات", true, true},        {"وات", true, true},
    {"ون", true, false, true}, {"ين", true, false, true},  {"يون", true, false, true}, {"يين", true, false, true},
    {"وون", true, false, true}, {"ان", true, false, true}, {"تان", true, true, true},  {"تين", true, true, true}};

// How many letters of a lemma a form spells, in order: تتكون spells all of
// تكون, two of أتكأ.
size_t LettersSpelled(std::string_view form, std::string_view lemma) {
  const std::u32string f = utf8::Decode(form), l = utf8::Decode(Normalize(lemma));
  size_t spelled = 0;
  for (size_t at = 0; char32_t c : l) {
    const size_t found = f.find(c, at);
    if (found == std::u32string::npos) continue;
    ++spelled;
    at = found + 1;
  }
  return spelled;
}

// The first eight bytes of a word (four Arabic letters), as one number that
// orders words as their bytes do (no word holds a zero byte).
uint64_t Head(std::string_view word) {
  uint64_t key = 0;
  for (size_t i = 0; i < 8; ++i) key = key << 8 | (i < word.size() ? static_cast<unsigned char>(word[i]) : 0);
  return key;
}

// The first four bytes of a word (two Arabic letters), as one number.
uint32_t TwoLetters(std::string_view word) { return static_cast<uint32_t>(Head(word) >> 32); }

bool Agree(std::string_view ending, const Agreement* begin, const Agreement* end, VerbForm* f) {
  const Agreement* a = std::find_if(begin, end, [&](const Agreement& x) { return x.ending == ending; });
  if (a == end) return false;
  f->plural |= a->plural;
  f->feminine |= a->feminine;
  f->first_person |= a->first_person;
  return true;
}

}  // namespace

Status Lexicon::AddHunspell(std::string_view lemmas, std::string_view forms) {
  // A lemma verbs.tsv lists is that verb, with its gloss and prepositions;
  // any other is a verb labelled by its lemma.
  absl::flat_hash_map<std::string, uint32_t> listed;
  for (uint32_t i = 0; i < verbs_.size(); ++i) {
    if (!verbs_[i].past.empty()) listed.emplace(Normalize(verbs_[i].past), i);
  }
  std::vector<uint32_t> lemma_verb;
  for (const TsvRow& row : TsvRows(lemmas)) {
    if (row.fields.size() != 1) return RowError("hunspell_lemmas.tsv", row, "expected 1 field");
    auto it = listed.find(Normalize(row.fields[0]));
    if (it != listed.end()) {
      lemma_verb.push_back(it->second);
      continue;
    }
    lemma_verb.push_back(verbs_.size());
    Verb v;
    v.past = row.fields[0];
    verbs_.push_back(std::move(v));
  }
  hunspell_forms_ = std::string(forms);
  const std::string_view text = hunspell_forms_;
  int line = 0;
  for (size_t begin = 0, end; begin < text.size(); begin = end + 1) {
    ++line;
    end = std::min(text.find('\n', begin), text.size());
    // Split by hand: half a million lines are read at every start.
    std::string_view fields[4];
    size_t count = 0, at = begin;
    for (; count < 4 && at <= end; ++count) {
      const size_t tab = std::min(text.find('\t', at), end);
      fields[count] = text.substr(at, tab - at);
      at = tab + 1;
    }
    auto error = [&](const std::string& why) {
      return Status::Corruption("hunspell_forms.tsv:" + std::to_string(line) + ": " + why);
    };
    if (count != 4 || at != end + 1) return error("expected 4 fields");
    const HunspellClass* c = std::find_if(std::begin(kHunspellClasses), std::end(kHunspellClasses),
                                          [&](const HunspellClass& k) { return k.name == fields[1]; });
    if (c == std::end(kHunspellClasses)) return error("unknown class");
    HunspellForm f;
    f.form_begin = begin;
    f.form_size = fields[0].size();
    f.head = Head(fields[0]);
    HunspellReading& r = f.reading;
    if (c->tags.front() == Tag::kVerb) {
      uint32_t lemma = 0;
      const auto [end_of_number, parse_error] = std::from_chars(fields[2].data(), fields[2].data() + fields[2].size(), lemma);
      if (parse_error != std::errc() || end_of_number != fields[2].data() + fields[2].size() || lemma >= lemma_verb.size()) {
        return error("no such lemma");
      }
      r.verb.verb = lemma_verb[lemma];
      r.verb.present = c->present;
      const bool agrees = c->present ? Agree(fields[3], std::begin(kPresentAgreement), std::end(kPresentAgreement), &r.verb)
                                     : Agree(fields[3], std::begin(kPastAgreement), std::end(kPastAgreement), &r.verb);
      if (!agrees) return error("unknown ending");
      if (c->present) Agree(fields[0].substr(0, 2), std::begin(kPresentPrefixes), std::end(kPresentPrefixes), &r.verb);
    } else {
      // Other endings (the accusative alif, the nisba ي) say nothing of number or gender.
      auto n = std::find_if(std::begin(kNominalEndings), std::end(kNominalEndings),
                            [&](const NominalEnding& e) { return e.ending == fields[3]; });
      if (n != std::end(kNominalEndings)) {
        r.plural = n->plural;
        r.feminine = n->feminine;
        r.nun_suffix = n->nun_suffix;
      }
    }
    if (!hunspell_table_.empty() && fields[0] < FormOf(hunspell_table_.back())) return error("not sorted by form");
    for (Tag tag : c->tags) {
      r.tag = tag;
      // Several dictionary words may give a form the same reading.
      bool seen = false;
      for (auto it = hunspell_table_.rbegin(); it != hunspell_table_.rend() && FormOf(*it) == fields[0]; ++it) {
        seen |= it->reading == r;
      }
      if (!seen) hunspell_table_.push_back(f);
    }
  }
  // Of a form's verb readings, the one whose lemma the form spells best
  // comes first, as the reading the tagger takes among equals: يسبب is سبب
  // before سب, تتكون is تكون before أتكأ.
  auto spelled = [&](const HunspellForm& f) {
    return f.reading.tag == Tag::kVerb ? LettersSpelled(FormOf(f), verbs_[f.reading.verb.verb].past) : 0;
  };
  for (auto group = hunspell_table_.begin(); group != hunspell_table_.end();) {
    auto end = std::find_if(group, hunspell_table_.end(), [&](const HunspellForm& f) { return FormOf(f) != FormOf(*group); });
    if (end - group > 1) {
      std::stable_sort(group, end, [&](const HunspellForm& a, const HunspellForm& b) { return spelled(a) > spelled(b); });
    }
    group = end;
  }
  for (uint32_t i = 0; i < hunspell_table_.size(); ++i) {
    auto [range, added] = hunspell_ranges_.try_emplace(TwoLetters(FormOf(hunspell_table_[i])), i, i);
    range->second.second = i + 1;
  }
  return Status::OK();
}

std::vector<HunspellReading> Lexicon::HunspellReadings(std::string_view word) const {
  std::vector<HunspellReading> out;
  auto range = hunspell_ranges_.find(TwoLetters(word));
  if (range == hunspell_ranges_.end()) return out;
  const auto begin = hunspell_table_.begin() + range->second.first, end = hunspell_table_.begin() + range->second.second;
  const uint64_t head = Head(word);
  auto it = std::lower_bound(begin, end, word, [&](const HunspellForm& f, std::string_view w) {
    return f.head != head ? f.head < head : FormOf(f) < w;
  });
  for (; it != end && it->head == head && FormOf(*it) == word; ++it) out.push_back(it->reading);
  return out;
}

Result<std::unique_ptr<Lexicon>> Lexicon::Parse(std::string_view verbs, std::string_view nouns,
                                                std::string_view function_words, std::string_view titles,
                                                std::string_view nisba, std::string_view hunspell_lemmas,
                                                std::string_view hunspell_forms, std::string_view given_names) {
  auto lexicon = std::make_unique<Lexicon>();
  lexicon->verbs_.emplace_back();  // the unknown verb, always index 0
  lexicon->unknown_verb_ = 0;
  lexicon->nouns_.emplace_back();  // the hunspell noun, always index 0
  lexicon->hunspell_noun_ = 0;
  for (Status s : {lexicon->AddVerbs(verbs), lexicon->AddNouns(nouns), lexicon->AddFunctionWords(function_words),
                   lexicon->AddTitles(titles), lexicon->AddNisba(nisba),
                   lexicon->AddHunspell(hunspell_lemmas, hunspell_forms), lexicon->AddGivenNames(given_names)}) {
    if (!s.ok()) return s;
  }
  return lexicon;
}

Result<std::unique_ptr<Lexicon>> Lexicon::LoadEmbedded() {
  return Parse(EmbeddedFile("extract/arabic/data/verbs.tsv"), EmbeddedFile("extract/arabic/data/nouns.tsv"),
               EmbeddedFile("extract/arabic/data/function_words.tsv"), EmbeddedFile("extract/arabic/data/titles.tsv"),
               EmbeddedFile("extract/arabic/data/nisba.tsv"), EmbeddedFile("extract/arabic/hunspell_lemmas.tsv"),
               EmbeddedFile("extract/arabic/hunspell_forms.tsv"), EmbeddedFile("extract/arabic/data/given_names.tsv"));
}

}  // namespace nasij::arabic
