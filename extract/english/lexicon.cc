#include <algorithm>
#include <cstdlib>
#include <functional>
#include <unordered_map>

#include "common/ascii.h"
#include "common/embedded.h"
#include "extract/english/english.h"
#include "extract/tsv.h"

namespace nasij::english {

namespace {

bool ParseTag(std::string_view name, Tag* tag) {
  static const std::pair<const char*, Tag> kTags[] = {
      {"DET", Tag::kDet}, {"PREP", Tag::kPrep}, {"CONJ", Tag::kConj}, {"SUB", Tag::kSub},   {"REL", Tag::kRel},
      {"PRON", Tag::kPron}, {"AUX", Tag::kAux}, {"NEG", Tag::kNeg},   {"ADV", Tag::kAdv},   {"ADJ", Tag::kAdj},
      {"NOUN", Tag::kNoun}, {"NUM", Tag::kNum}, {"MONTH", Tag::kPropn}, {"DAY", Tag::kPropn},
      {"TIME", Tag::kNoun}, {"PERIOD", Tag::kNoun}};
  for (auto [n, t] : kTags) {
    if (name == n) {
      *tag = t;
      return true;
    }
  }
  return false;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// protest → protests, country → countries, box → boxes.
std::string RegularPlural(const std::string& n) {
  if (n.size() > 1 && n.back() == 'y' && !IsVowel(n[n.size() - 2])) return n.substr(0, n.size() - 1) + "ies";
  const bool sibilant = n.back() == 's' || n.back() == 'x' || n.back() == 'z' || n.ends_with("ch") || n.ends_with("sh");
  return sibilant ? n + "es" : n + "s";
}

// "male" or "female" sets `gender`; "honorific", another flag, leaves it.
bool ParseGenderFlag(std::string_view word, Gender* gender) {
  if (word == "male") *gender = Gender::kMale;
  if (word == "female") *gender = Gender::kFemale;
  return word == "male" || word == "female" || word == "honorific";
}

}  // namespace

void Lexicon::AddVerbForm(const std::string& form, int verb, VerbForm f) {
  WordInfo& info = words_[form];
  if (info.verb >= 0 && info.verb != verb) return;  // the first verb to claim a form keeps it
  if (info.verb == verb && info.form != f) {
    if ((info.form == VerbForm::kPast && f == VerbForm::kParticiple) ||
        (info.form == VerbForm::kParticiple && f == VerbForm::kPast)) {
      info.form = VerbForm::kPastOrParticiple;
    }
    return;
  }
  info.verb = verb;
  info.form = f;
  if (std::find(info.tags.begin(), info.tags.end(), Tag::kVerb) == info.tags.end()) info.tags.push_back(Tag::kVerb);
}

Result<std::unique_ptr<Lexicon>> Lexicon::Parse(std::string_view verbs, std::string_view words,
                                                std::string_view titles, std::string_view given_names,
                                                std::string_view person_nouns) {
  auto lex = std::make_unique<Lexicon>();
  // Closed classes first, so that their tags come before verb readings.
  for (const TsvRow& row : TsvRows(words)) {
    Tag tag;
    if (row.fields.size() < 2 || !ParseTag(row.fields[1], &tag)) {
      return Status::Corruption("english words.tsv:" + std::to_string(row.line) + ": expected a word and a known tag");
    }
    WordInfo& info = lex->words_[AsciiLowercase(row.fields[0])];
    if (std::find(info.tags.begin(), info.tags.end(), tag) == info.tags.end()) info.tags.push_back(tag);
    const std::string_view word_class = row.fields[1];
    info.time |= word_class == "DAY" || word_class == "MONTH" || word_class == "TIME";
    info.period |= word_class == "PERIOD";
    if (tag == Tag::kNoun) {
      WordInfo& p = lex->words_[RegularPlural(AsciiLowercase(row.fields[0]))];
      if (std::find(p.tags.begin(), p.tags.end(), Tag::kNoun) == p.tags.end()) p.tags.push_back(Tag::kNoun);
    }
  }
  for (const TsvRow& row : TsvRows(verbs)) {
    if (row.fields.size() != 4) {
      return Status::Corruption("english verbs.tsv:" + std::to_string(row.line) + ": expected 4 fields");
    }
    VerbEntry v;
    v.base = AsciiLowercase(row.fields[0]);
    for (std::string_view flag : SplitField(row.fields[3], ',')) {
      v.speech |= flag == "speech";
      v.copula |= flag == "copula";
    }
    const int index = lex->verbs_.size();
    lex->verb_by_base_[v.base] = index;
    const std::string& b = v.base;
    const bool sibilant = b.ends_with("s") || b.ends_with("x") || b.ends_with("z") || b.ends_with("ch") || b.ends_with("sh") || b.ends_with("o");
    const bool consonant_y = b.size() > 1 && b.back() == 'y' && !IsVowel(b[b.size() - 2]);
    lex->AddVerbForm(b, index, VerbForm::kBase);
    lex->AddVerbForm(consonant_y ? b.substr(0, b.size() - 1) + "ies" : sibilant ? b + "es" : b + "s", index,
                     VerbForm::kPresent3);
    lex->AddVerbForm(AsciiLowercase(row.fields[1]), index, VerbForm::kPast);
    lex->AddVerbForm(AsciiLowercase(row.fields[2]), index, VerbForm::kParticiple);
    const bool silent_e = b.size() > 2 && b.back() == 'e' && b[b.size() - 2] != 'e';
    lex->AddVerbForm((silent_e ? b.substr(0, b.size() - 1) : b) + "ing", index, VerbForm::kGerund);
    if (b.size() >= 3 && !IsVowel(b.back()) && IsVowel(b[b.size() - 2]) && !IsVowel(b[b.size() - 3]) &&
        b.back() != 'w' && b.back() != 'x' && b.back() != 'y') {
      lex->AddVerbForm(b + b.back() + "ing", index, VerbForm::kGerund);  // stop → stopping
    }
    lex->verbs_.push_back(std::move(v));
  }
  for (const TsvRow& row : TsvRows(titles)) {
    Title title;
    bool known_flags = row.fields.size() == 2 || row.fields.size() == 3;
    if (row.fields.size() == 3) {
      for (std::string_view flag : SplitField(row.fields[2], ',')) {
        title.honorific |= flag == "honorific";
        known_flags = known_flags && ParseGenderFlag(flag, &title.gender);
      }
    }
    if (!known_flags) {
      return Status::Corruption("english titles.tsv:" + std::to_string(row.line) +
                                ": expected a title, a kind and perhaps flags (honorific, male, female)");
    }
    std::string t = AsciiLowercase(row.fields[0]);
    if (!t.empty() && t.back() == '.') t.pop_back();
    lex->max_title_words_ = std::max<int>(lex->max_title_words_, 1 + std::count(t.begin(), t.end(), ' '));
    title.kind = std::string(row.fields[1]);
    lex->titles_.emplace(t, std::move(title));
  }
  for (const TsvRow& row : TsvRows(given_names)) {
    Gender gender = Gender::kUnknown;
    if (row.fields.size() != 2 || !ParseGenderFlag(row.fields[1], &gender) || gender == Gender::kUnknown) {
      return Status::Corruption("english given_names.tsv:" + std::to_string(row.line) + ": expected a name and male or female");
    }
    lex->given_names_.emplace(AsciiLowercase(row.fields[0]), gender);
  }
  for (const TsvRow& row : TsvRows(person_nouns)) {
    Gender gender = Gender::kUnknown;
    if (row.fields.size() != 2 || !(row.fields[1] == "-" || ParseGenderFlag(row.fields[1], &gender))) {
      return Status::Corruption("english person_nouns.tsv:" + std::to_string(row.line) + ": expected a noun and male, female or -");
    }
    const std::string noun = AsciiLowercase(row.fields[0]);
    lex->person_nouns_.emplace(noun, gender);
    lex->person_nouns_.emplace(RegularPlural(noun), gender);
  }
  return lex;
}

int Lexicon::VerbIndex(const std::string& base) {
  auto it = verb_by_base_.find(base);
  if (it != verb_by_base_.end()) return it->second;
  verbs_.push_back(VerbEntry{base});
  verb_by_base_[base] = verbs_.size() - 1;
  return verbs_.size() - 1;
}

namespace {

// Our tags for a Penn Treebank tag, and the verb form it marks.
bool FromPenn(std::string_view penn, Tag* tag, VerbForm* form) {
  static const std::pair<const char*, Tag> kTags[] = {
      {"nn", Tag::kNoun}, {"nns", Tag::kNoun}, {"nnp", Tag::kPropn}, {"nnps", Tag::kPropn}, {"jj", Tag::kAdj},
      {"jjr", Tag::kAdj}, {"jjs", Tag::kAdj}, {"rb", Tag::kAdv}, {"rbr", Tag::kAdv}, {"rbs", Tag::kAdv},
      {"in", Tag::kPrep}, {"to", Tag::kPrep}, {"dt", Tag::kDet}, {"pdt", Tag::kDet}, {"wdt", Tag::kRel},
      {"prp", Tag::kPron}, {"prps", Tag::kPron}, {"wp", Tag::kRel}, {"cc", Tag::kConj}, {"md", Tag::kAux},
      {"cd", Tag::kNum}, {"vb", Tag::kVerb}, {"vbp", Tag::kVerb}, {"vbz", Tag::kVerb}, {"vbd", Tag::kVerb},
      {"vbn", Tag::kVerb}, {"vbg", Tag::kVerb}};
  for (auto [name, t] : kTags) {
    if (penn != name) continue;
    *tag = t;
    *form = penn == "vbz" ? VerbForm::kPresent3 : penn == "vbd" ? VerbForm::kPast : penn == "vbn" ? VerbForm::kParticiple
            : penn == "vbg" ? VerbForm::kGerund : VerbForm::kBase;
    return true;
  }
  return false;
}

}  // namespace

void Lexicon::AddTaggedLexicon(std::string_view yml) {
  struct Entry {
    std::string word;  // lowercased
    std::vector<std::pair<int, std::string>> tags;  // count, Penn tag; most frequent first
  };
  // The corpus counts "Influenced" (a name, or a sentence's first word) apart
  // from "influenced"; one lowercase entry sums them, so that neither reading
  // hides the other.
  std::vector<Entry> entries;
  std::unordered_map<std::string, size_t> entry_of;
  for (const TsvRow& row : TsvRows(yml)) {
    std::string_view line = row.fields[0];
    const size_t colon = line.find(": {");
    if (colon == std::string_view::npos) continue;
    std::string_view word = line.substr(0, colon);
    if (word.size() >= 2 && word.front() == '"' && word.back() == '"') word = word.substr(1, word.size() - 2);
    auto [at, added] = entry_of.emplace(AsciiLowercase(word), entries.size());
    if (added) entries.push_back(Entry{at->first, {}});
    Entry& e = entries[at->second];
    std::string_view body = line.substr(colon + 3);
    while (!body.empty()) {
      const size_t c = body.find(':');
      if (c == std::string_view::npos) break;
      std::string_view tag = body.substr(0, c);
      while (!tag.empty() && (tag.front() == ' ' || tag.front() == ',')) tag.remove_prefix(1);
      body.remove_prefix(c + 1);
      const int count = std::atoi(std::string(body.substr(0, body.find_first_of(",}"))).c_str());
      auto same = std::find_if(e.tags.begin(), e.tags.end(), [&](const auto& t) { return t.second == tag; });
      if (same != e.tags.end()) {
        same->first += count;
      } else {
        e.tags.emplace_back(count, std::string(tag));
      }
      const size_t next = body.find(',');
      if (next == std::string_view::npos) break;
      body.remove_prefix(next + 1);
    }
  }
  std::unordered_map<std::string, bool> base_verbs;  // words tagged vb or vbp
  // Words with a base-form verb reading in at least a fiftieth of their
  // uses (control, fund; not court or time): a verb after a modal or "to",
  // even when the tags kept below, or our own data, say otherwise.
  std::unordered_map<std::string, bool> rare_base_verbs;
  for (Entry& e : entries) {
    std::sort(e.tags.begin(), e.tags.end(), std::greater<>());
    int total = 0;
    for (const auto& [count, tag] : e.tags) total += count;
    for (const auto& [count, tag] : e.tags) {
      if (tag == "vb" && count * 50 >= total) rare_base_verbs[e.word] = true;
    }
    // A reading seen in under a tenth of a word's uses is noise here:
    // "services" once as a verb would make "Passenger services" a clause.
    while (e.tags.size() > 1 && e.tags.back().first * 10 < total) e.tags.pop_back();
    for (const auto& [count, tag] : e.tags) {
      if (tag == "vb" || tag == "vbp") base_verbs[e.word] = true;
    }
  }
  // A verb form's lemma: the first candidate that the lexicon has as a base.
  auto lemma = [&](const std::string& w, VerbForm form) {
    std::vector<std::string> candidates;
    auto strip = [&](size_t n) { return w.size() > n ? w.substr(0, w.size() - n) : w; };
    if (form == VerbForm::kPresent3) {
      if (w.ends_with("ies")) candidates.push_back(strip(3) + "y");
      if (w.ends_with("es")) candidates.push_back(strip(2));
      candidates.push_back(strip(1));
    } else if (form == VerbForm::kGerund) {
      candidates = {strip(3), strip(3) + "e", strip(4)};
    } else if (form == VerbForm::kPast || form == VerbForm::kParticiple) {
      if (w.ends_with("ied")) candidates.push_back(strip(3) + "y");
      candidates.insert(candidates.end(), {strip(2), strip(1), strip(3)});
    }
    for (const auto& c : candidates) {
      if (base_verbs.count(c)) return c;
    }
    return w;
  };
  for (const Entry& e : entries) {
    auto own = words_.find(e.word);
    if (own != words_.end() && own->second.verb < 0 && rare_base_verbs.count(e.word)) {
      own->second.rare_base_verb = VerbIndex(e.word);
    }
    if (own != words_.end() || e.tags.empty()) continue;  // our own data comes first
    WordInfo info;
    for (const auto& [count, penn] : e.tags) {
      Tag tag;
      VerbForm form;
      if (!FromPenn(penn, &tag, &form)) continue;
      if (std::find(info.tags.begin(), info.tags.end(), tag) == info.tags.end()) info.tags.push_back(tag);
      if (tag == Tag::kVerb && info.verb < 0) {
        info.verb = VerbIndex(form == VerbForm::kBase ? e.word : lemma(e.word, form));
        info.form = form;
      } else if (tag == Tag::kVerb && ((info.form == VerbForm::kPast && form == VerbForm::kParticiple) ||
                                       (info.form == VerbForm::kParticiple && form == VerbForm::kPast))) {
        info.form = VerbForm::kPastOrParticiple;  // attempted: an attempted coup, they attempted
      }
    }
    if (info.verb < 0 && rare_base_verbs.count(e.word)) info.rare_base_verb = VerbIndex(e.word);
    if (!info.tags.empty()) words_.emplace(e.word, std::move(info));
  }
}

Result<std::unique_ptr<Lexicon>> Lexicon::LoadEmbedded() {
  return Parse(EmbeddedFile("extract/english/data/verbs.tsv"), EmbeddedFile("extract/english/data/words.tsv"), EmbeddedFile("extract/english/data/titles.tsv"),
               EmbeddedFile("extract/english/data/given_names.tsv"), EmbeddedFile("extract/english/data/person_nouns.tsv"));
}

const WordInfo* Lexicon::Find(const std::string& lowercase) const {
  auto it = words_.find(lowercase);
  return it == words_.end() ? nullptr : &it->second;
}

Gender Lexicon::GivenNameGender(const std::string& lowercase) const {
  auto it = given_names_.find(lowercase);
  return it == given_names_.end() ? Gender::kUnknown : it->second;
}

bool Lexicon::IsPersonNoun(const std::string& lowercase, Gender* gender) const {
  auto it = person_nouns_.find(lowercase);
  if (it == person_nouns_.end()) return false;
  *gender = it->second;
  return true;
}

const Title* Lexicon::FindTitle(const std::string& phrase) const {
  auto it = titles_.find(phrase);
  return it == titles_.end() ? nullptr : &it->second;
}

}  // namespace nasij::english
