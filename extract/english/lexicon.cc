#include <algorithm>

#include "common/embedded.h"
#include "extract/english/english.h"
#include "extract/tsv.h"

namespace nasij::english {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c += 32;
  }
  return out;
}

bool ParseTag(std::string_view name, Tag* tag) {
  static const std::pair<const char*, Tag> kTags[] = {
      {"DET", Tag::kDet}, {"PREP", Tag::kPrep}, {"CONJ", Tag::kConj}, {"SUB", Tag::kSub},   {"REL", Tag::kRel},
      {"PRON", Tag::kPron}, {"AUX", Tag::kAux}, {"NEG", Tag::kNeg},   {"ADV", Tag::kAdv},   {"ADJ", Tag::kAdj},
      {"NOUN", Tag::kNoun}, {"NUM", Tag::kNum}, {"MONTH", Tag::kPropn}, {"DAY", Tag::kPropn}};
  for (auto [n, t] : kTags) {
    if (name == n) {
      *tag = t;
      return true;
    }
  }
  return false;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

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
                                                std::string_view titles) {
  auto lex = std::make_unique<Lexicon>();
  // Closed classes first, so that their tags come before verb readings.
  for (const TsvRow& row : TsvRows(words)) {
    Tag tag;
    if (row.fields.size() < 2 || !ParseTag(row.fields[1], &tag)) {
      return Status::Error("english words.tsv:" + std::to_string(row.line) + ": expected a word and a known tag");
    }
    WordInfo& info = lex->words_[Lower(row.fields[0])];
    if (std::find(info.tags.begin(), info.tags.end(), tag) == info.tags.end()) info.tags.push_back(tag);
    if (tag == Tag::kNoun) {
      // Regular plurals: protest → protests, country → countries, box → boxes.
      std::string n = Lower(row.fields[0]);
      std::string plural = n.size() > 1 && n.back() == 'y' && !IsVowel(n[n.size() - 2]) ? n.substr(0, n.size() - 1) + "ies"
                           : (n.back() == 's' || n.back() == 'x' || n.back() == 'z' || n.ends_with("ch") || n.ends_with("sh"))
                               ? n + "es"
                               : n + "s";
      WordInfo& p = lex->words_[plural];
      if (std::find(p.tags.begin(), p.tags.end(), Tag::kNoun) == p.tags.end()) p.tags.push_back(Tag::kNoun);
    }
  }
  for (const TsvRow& row : TsvRows(verbs)) {
    if (row.fields.size() != 4) {
      return Status::Error("english verbs.tsv:" + std::to_string(row.line) + ": expected 4 fields");
    }
    VerbEntry v;
    v.base = Lower(row.fields[0]);
    for (std::string_view flag : SplitField(row.fields[3], ',')) {
      v.speech |= flag == "speech";
      v.copula |= flag == "copula";
      v.modal |= flag == "modal";
    }
    const int index = lex->verbs_.size();
    const std::string& b = v.base;
    const bool sibilant = b.ends_with("s") || b.ends_with("x") || b.ends_with("z") || b.ends_with("ch") || b.ends_with("sh") || b.ends_with("o");
    const bool consonant_y = b.size() > 1 && b.back() == 'y' && !IsVowel(b[b.size() - 2]);
    lex->AddVerbForm(b, index, VerbForm::kBase);
    lex->AddVerbForm(consonant_y ? b.substr(0, b.size() - 1) + "ies" : sibilant ? b + "es" : b + "s", index,
                     VerbForm::kPresent3);
    lex->AddVerbForm(Lower(row.fields[1]), index, VerbForm::kPast);
    lex->AddVerbForm(Lower(row.fields[2]), index, VerbForm::kParticiple);
    const bool silent_e = b.size() > 2 && b.back() == 'e' && b[b.size() - 2] != 'e';
    lex->AddVerbForm((silent_e ? b.substr(0, b.size() - 1) : b) + "ing", index, VerbForm::kGerund);
    if (b.size() >= 3 && !IsVowel(b.back()) && IsVowel(b[b.size() - 2]) && !IsVowel(b[b.size() - 3]) &&
        b.back() != 'w' && b.back() != 'x' && b.back() != 'y') {
      lex->AddVerbForm(b + b.back() + "ing", index, VerbForm::kGerund);  // stop → stopping
    }
    lex->verbs_.push_back(std::move(v));
  }
  for (const TsvRow& row : TsvRows(titles)) {
    if (row.fields.size() != 2) {
      return Status::Error("english titles.tsv:" + std::to_string(row.line) + ": expected 2 fields");
    }
    std::string t = Lower(row.fields[0]);
    if (!t.empty() && t.back() == '.') t.pop_back();
    lex->max_title_words_ = std::max<int>(lex->max_title_words_, 1 + std::count(t.begin(), t.end(), ' '));
    lex->titles_.emplace(t, std::string(row.fields[1]));
  }
  return lex;
}

Result<std::unique_ptr<Lexicon>> Lexicon::LoadEmbedded() {
  return Parse(EmbeddedFile("extract/english/data/verbs.tsv"), EmbeddedFile("extract/english/data/words.tsv"), EmbeddedFile("extract/english/data/titles.tsv"));
}

const WordInfo* Lexicon::Find(const std::string& lowercase) const {
  auto it = words_.find(lowercase);
  return it == words_.end() ? nullptr : &it->second;
}

const std::string* Lexicon::TitleKind(const std::string& phrase) const {
  auto it = titles_.find(phrase);
  return it == titles_.end() ? nullptr : &it->second;
}

}  // namespace nasij::english
