#include "extract/arabic/arabic.h"

#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <cstring>
#include <deque>

#include "extract/arabic/normalize.h"
#include "extract/arabic/sentence.h"
#include "extract/tsv.h"
#include "extract/utf8.h"

namespace nasij::arabic {

namespace {

// Words are compared with literals at every word: as string_views, without
// a call to strlen.
using namespace std::string_view_literals;

enum class Drop { kNothing, kConjunction, kClitics };

// Text of words [begin, end) as written, less the first word's conjunction
// or all its proclitics.
std::string SpanText(const std::vector<Word>& ws, int begin, int end, Drop drop) {
  std::string out;
  for (int i = begin; i < end; ++i) {
    const Token& t = *ws[i].token;
    // A space only where the text has one: 6%, صحيفة "الأيام", (سي بي إس).
    if (!out.empty() && t.start > ws[i - 1].token->end) out.push_back(' ');
    if (i == begin && drop != Drop::kNothing) {
      // Skip as many letters as the clitics have, with their diacritics.
      size_t letters = utf8::Length(ws[i].a.conj) + (drop == Drop::kClitics ? utf8::Length(ws[i].a.prep) : 0);
      size_t at = 0;
      while (letters > 0 && at < t.text.size()) {
        utf8::Next(t.text, &at);
        --letters;
        size_t peek = at;
        while (peek < t.text.size()) {
          size_t before = peek;
          char32_t c = utf8::Next(t.text, &peek);
          if (!utf8::IsArabicMark(c)) {
            peek = before;
            break;
          }
        }
        at = peek;
      }
      // ل before the article drops its alef (للإصابة = ل + الإصابة, للأمم
      // المتحدة): give it back; but for a name that begins with ل itself
      // (للبنان = ل + لبنان).
      const Entity* name = ws[i].entity;
      const bool own_lam = name && !name->label_ar.empty() && !std::string_view(name->label_ar).starts_with("ال");
      const bool article = (ws[i].a.definite && !ws[i].a.unknown()) || (ws[i].entity && !own_lam);
      if (drop == Drop::kClitics && ws[i].a.prep == "ل" && article && t.text.compare(at, 2, "ل") == 0) {
        out += "ا";
      }
      out += t.text.substr(at);
    } else {
      out += t.text;
    }
  }
  return out;
}

// A nisba adjective in the accusative, written without its tanween: an
// adverb (ميدانيا, تدريجيا). Not a name (روسيا), a noun (بكتيريا) nor a
// plural in ايا (ضحايا).
bool NisbaAdverb(const Word& w) {
  const std::string& n = w.norm;
  const bool adjective =
      std::any_of(w.readings.begin(), w.readings.end(), [](const Analysis& r) { return r.tag == Tag::kAdj; });
  return adjective && !w.entity && !w.a.definite && w.a.conj.empty() && w.a.prep.empty() && utf8::Length(n) >= 5 &&
         n.ends_with("يا") && !n.ends_with("ايا");
}

// `text` without its last `n` letters and the diacritics on them.
std::string DropLastLetters(const std::string& text, size_t n) {
  size_t end = text.size();
  while (n > 0 && end > 0) {
    size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    size_t at = start;
    char32_t c = utf8::Next(text, &at);
    if (!utf8::IsArabicMark(c)) --n;
    end = start;
  }
  return text.substr(0, end);
}

// Function words of two to four words (بعد أن, ذات مرة, في وقت سابق من):
// every word takes the phrase's class, and no other reading. A conjunction
// on the first word stays its own (وفي الوقت نفسه). A phrase ending in a
// demonstrative is no phrase before the noun it points at (بعد ذلك
// الاجتماع).
void MarkFunctionPhrases(const Lexicon& lexicon, std::vector<Word>* words) {
  std::vector<Word>& ws = *words;
  auto is_word = [&](size_t k) { return k < ws.size() && ws[k].token->kind == Token::kWord; };
  for (size_t i = 0; i + 1 < ws.size(); ++i) {
    // The first word as the list writes it: itself, or without its conjunction.
    std::string_view first = ws[i].norm;
    std::string conj;
    bool starts = false;
    for (const char* c : {"", "و", "ف"}) {
      if (!first.starts_with(c)) continue;
      const std::string_view bare = first.substr(std::strlen(c));
      if (!bare.empty() && lexicon.StartsFunctionPhrase(bare)) {
        conj = c;
        starts = true;
        break;
      }
    }
    if (!starts) continue;
    first.remove_prefix(conj.size());
    for (size_t n = std::min<size_t>(lexicon.max_function_words(), ws.size() - i); n >= 2; --n) {
      std::string phrase(first);
      bool words_only = is_word(i);
      for (size_t k = i + 1; k < i + n; ++k) {
        words_only = words_only && is_word(k);
        phrase += " " + ws[k].norm;
      }
      const std::vector<Tag>* tags = words_only ? lexicon.FunctionTags(phrase) : nullptr;
      if (!tags) continue;
      const std::vector<Tag>* last = lexicon.FunctionTags(ws[i + n - 1].norm);
      const bool demonstrative = last && std::find(last->begin(), last->end(), Tag::kDem) != last->end();
      if (demonstrative && is_word(i + n) && ws[i + n].norm.starts_with("ال")) continue;
      for (size_t k = i; k < i + n; ++k) {
        Analysis a;
        a.tag = tags->front();
        a.conj = k == i ? conj : "";
        a.stem = ws[k].norm.substr(a.conj.size());
        ws[k].readings.assign(1, a);
      }
      i += n - 1;
      break;
    }
  }
}

// A common noun heading a name, written one long vowel short, is that noun
// misspelled (ميليشات الحوثي: ميليشيات, the militias, as in ميليشيات
// الحوثي): the name is keyed with the noun as the lexicon spells it. The
// skeleton alone would not join them where the vowel left out is one of two
// written together (يا), which a transliteration never leaves out. Only a
// word the lexicon does not know at all, before another word of the name
// (a one-word name is the name itself: جمهوريت, Cumhuriyet, is no
// misspelled جمهوريات), and one vowel short of a long noun the nouns list
// gives (not of an adjective, nor of a form with a suffix, which short
// foreign names come near: تارو is no تيار), so that a name of its own
// (محمود is no misspelled محمد, both known) stays as written.
constexpr size_t kShortestMisspelledNoun = 7;  // letters of the noun, without the article
std::string LexiconSpelling(const Lexicon& lexicon, const std::string& spelling) {
  auto known = [&](const std::string& w) {
    return lexicon.NounForms(w) || lexicon.VerbForms(w) || lexicon.FunctionTags(w) || !lexicon.HunspellReadings(w).empty();
  };
  auto noun = [&](const std::string& w) {
    const std::vector<NounForm>* forms = lexicon.NounForms(w);
    return forms && std::any_of(forms->begin(), forms->end(),
                                [](const NounForm& f) { return f.tag == Tag::kNoun && !f.nun_suffix; });
  };
  const std::vector<std::string_view> words = SplitField(spelling, ' ');
  std::string out;
  for (size_t k = 0; k < words.size(); ++k) {
    std::string spelled(words[k]);
    const std::string article = spelled.starts_with("ال") ? "ال" : "";
    const std::u32string rest = utf8::Decode(std::string_view(spelled).substr(article.size()));
    const bool misspelled = k == 0 && words.size() > 1 && rest.size() + 1 >= kShortestMisspelledNoun &&
                            !known(spelled) && !known(utf8::Encode(rest));
    for (size_t at = 1; misspelled && at < rest.size() && spelled == words[k]; ++at) {
      for (const char32_t vowel : {U'ا', U'و', U'ي'}) {
        const std::string corrected = utf8::Encode(rest.substr(0, at) + vowel + rest.substr(at));
        if (noun(corrected)) {
          spelled = article + corrected;
          break;
        }
      }
    }
    out += (out.empty() ? "" : " ") + spelled;
  }
  return out;
}

// What a name no list knows under this spelling stands for: the gazetteer
// entry it is a variant spelling of (ترمب is Donald Trump), else the name
// keyed by its skeleton, so that تشيلسي and تشلسي are one entity whichever
// document comes first (docs/extraction.md, "Variant spellings").
Argument FindUnknownName(const Lexicon& lexicon, const Gazetteer& gazetteer, const std::string& written,
                         const std::string& kind) {
  const std::string spelling = LexiconSpelling(lexicon, written);
  if (const Entity* known = gazetteer.FindVariant(spelling, kind)) return {"", known->key, known->kind, known->label_en};
  return {"", gazetteer.variants().Key(spelling), kind, ""};
}

// The same, kept per thread: finding a variant spelling costs tens of
// thousands of instructions, and news names the same people and places in
// document after document (as CachedAnalyze keeps readings).
Argument UnknownName(const Lexicon& lexicon, const Gazetteer& gazetteer, const std::string& written,
                     const std::string& kind) {
  thread_local absl::flat_hash_map<std::string, Argument> cache;
  thread_local const Lexicon* lexicon_owner = nullptr;
  thread_local const Gazetteer* gazetteer_owner = nullptr;
  if (lexicon_owner != &lexicon || gazetteer_owner != &gazetteer || cache.size() > 100000) {
    cache.clear();
    lexicon_owner = &lexicon;
    gazetteer_owner = &gazetteer;
  }
  std::string key = kind + '\t' + written;
  auto it = cache.find(key);
  if (it == cache.end()) it = cache.emplace(std::move(key), FindUnknownName(lexicon, gazetteer, written, kind)).first;
  return it->second;
}

int ClippedStart(const std::vector<Word>& ws, int i) {
  return ws[i].token->start + static_cast<int>(utf8::Length(ws[i].a.conj) + utf8::Length(ws[i].a.prep));
}

// The separate pronouns that stand for something named before them, as a
// whole subject. Not the demonstratives (ذلك, هذا): they stand for what was
// said, not for whom.
constexpr Pronoun kPronouns[] = {
    // التقى الوزير نظيره. وهو يرى …: the minister, the nearest man within a
    // sentence back; two when nobody is nearer.
    {.word = "هو", .kinds = "PER", .unknown_names = true, .gender = Gender::kMale, .sentences_back = 1,
     .sentences_back_when_none = 2},
    {.word = "هي", .kinds = "PER", .unknown_names = true, .gender = Gender::kFemale, .sentences_back = 1,
     .sentences_back_when_none = 2},
};

class SentenceBuilder {
 public:
  SentenceBuilder(const Lexicon& lexicon, const Gazetteer& gazetteer, const std::vector<Word>& ws, int index,
                  Discourse* discourse, Extraction* out)
      : lexicon_(lexicon), gazetteer_(gazetteer), ws_(ws), index_(index), discourse_(discourse), out_(out) {}

  // An English label composed from glosses: القوات الروسية → Russian forces,
  // عدم الاستقرار في كازاخستان → lack of stability in Kazakhstan. Empty when
  // any word has no gloss, rather than half a label.
  std::string EnglishLabel(int begin, int end) const {
    struct Group {
      std::string joiner;  // " of " for idafa, or a preposition
      std::vector<std::string> adjectives;
      std::string noun;
    };
    std::vector<Group> groups;
    std::string pending = "";  // a preposition waiting for its noun
    for (int i = begin; i < end; ++i) {
      const Word& w = ws_[i];
      std::string prep = i == begin ? "" : CliticGloss(w.a.prep);
      if (w.entity && w.name_begin == i) {
        groups.push_back({groups.empty() ? "" : (!pending.empty() ? pending : !prep.empty() ? prep : " of "), {},
                          w.entity->label_en});
        pending.clear();
        i = w.name_end - 1;
        continue;
      }
      const Tag t = w.tag();
      // المتحدث باسم الجيش: "spokesman for the army", not "with name of".
      if (i > begin && w.a.prep == "ب" && w.a.stem == "اسم" && w.a.suffix.empty()) {
        pending = " for ";
        continue;
      }
      if (t == Tag::kPrep && w.a.suffix.empty()) {
        const std::string* gloss = lexicon_.PrepositionGloss(w.a.stem);
        if (!gloss) return "";
        pending = " " + *gloss + " ";
        continue;
      }
      if (t == Tag::kNumber) {
        groups.push_back({groups.empty() ? "" : !pending.empty() ? pending : " ", {}, w.token->text});
        pending.clear();
        continue;
      }
      const bool nominal = t == Tag::kNoun || t == Tag::kMasdar || t == Tag::kNum || t == Tag::kTime;
      if ((!nominal && t != Tag::kAdj) || w.a.unknown() || !w.a.suffix.empty()) return "";
      std::string gloss = lexicon_.noun(w.a.noun.entry).gloss;
      if (gloss.empty()) return "";
      if (t == Tag::kAdj && !groups.empty() && pending.empty()) {
        groups.back().adjectives.push_back(gloss);
        continue;
      }
      if (w.a.noun.plural && t != Tag::kAdj && gloss.back() != 's' && gloss.find(' ') == std::string::npos) {
        // day → days, party → parties; a gloss of several words stays as it is.
        const bool consonant_y = gloss.size() > 1 && gloss.back() == 'y' &&
                                 std::string_view("aeiou").find(gloss[gloss.size() - 2]) == std::string_view::npos;
        gloss = consonant_y ? gloss.substr(0, gloss.size() - 1) + "ies"
                : gloss.ends_with("sh") || gloss.ends_with("ch") || gloss.back() == 'x' ? gloss + "es"
                                                                                         : gloss + "s";
      }
      const std::string joiner = groups.empty() ? "" : !pending.empty() ? pending : !prep.empty() ? prep : " of ";
      groups.push_back({joiner, {}, gloss});
      pending.clear();
    }
    std::string out;
    for (const Group& g : groups) {
      out += g.joiner;
      for (auto a = g.adjectives.rbegin(); a != g.adjectives.rend(); ++a) out += *a + " ";
      out += g.noun;
    }
    return out;
  }

  static std::string CliticGloss(const std::string& prep) {
    if (prep == "ب") return " with ";
    if (prep == "ل") return " for ";
    if (prep == "ك") return " like ";
    return "";
  }

  // `bare` drops the first word's clitics from the text, for an object whose
  // preposition moved into the relation (تبرهن ل | بوتين).
  Argument ArgumentOf(int begin, int end, bool bare = false) const {
    Argument a;
    a.text = SpanText(ws_, begin, end, bare ? Drop::kClitics : Drop::kConjunction);
    // السيد بانفالكار: an honorific is part of the name as written, not of
    // what it names.
    if (ws_[begin].title && ws_[begin].title->honorific && ws_[begin].title_end < end) begin = ws_[begin].title_end;
    const Word& head = ws_[begin];
    // A name keeps its entity through adjectives and a trailing prepositional
    // phrase (مارك روته في لاهاي is Mark Rutte): a name takes no other modifier.
    bool name_heads_phrase = head.entity && head.name_begin == begin;
    for (int i = head.name_end; name_heads_phrase && i < end; ++i) {
      const Word& w = ws_[i];
      if (w.tag() == Tag::kPrep || (!w.a.prep.empty() && w.a.conj.empty())) break;
      name_heads_phrase = w.tag() == Tag::kAdj;
    }
    if (name_heads_phrase) {
      a.entity = head.entity->key;
      a.kind = head.entity->kind;
      a.label_en = head.entity->label_en;
      return a;
    }
    std::string key;
    for (int i = begin; i < end; ++i) {
      if (ws_[i].token->kind == Token::kPunct) continue;
      if (!key.empty()) key.push_back(' ');
      key += i == begin ? Normalize(SpanText(ws_, i, i + 1, Drop::kClitics)) : ws_[i].norm;
    }
    auto known = discourse_->names.find(key);
    if (known != discourse_->names.end()) {
      Argument resolved = known->second;
      resolved.text = a.text;
      return resolved;
    }
    a.entity = key;
    a.kind = "CONCEPT";
    a.label_en = EnglishLabel(begin, end);
    a.unresolved = end - begin == 1 && Refers(head);
    return a;
  }

  void Mentions() {
    for (size_t i = 0; i < ws_.size(); ++i) {
      const Word& w = ws_[i];
      if (w.entity && w.name_begin == static_cast<int>(i)) {
        AddMention(i, w.name_end, w.entity->key, w.entity->kind, w.entity->label_en);
      } else if (w.title && w.title_end < static_cast<int>(ws_.size()) && !ws_[w.title_end].entity &&
                 ws_[w.title_end].tag() == Tag::kPropn && ws_[w.title_end].a.conj.empty()) {
        // An unknown name after a title takes the title's kind: شركة شيفرون, السيد بانفالكار.
        int end = w.title_end + 1;
        while (end < static_cast<int>(ws_.size()) && ws_[end].tag() == Tag::kPropn && !ws_[end].entity &&
               ws_[end].a.conj.empty() && ws_[end].a.prep.empty()) {
          ++end;
        }
        std::string spelling;
        for (int k = w.title_end; k < end; ++k) spelling += (spelling.empty() ? "" : " ") + ws_[k].norm;
        Argument remembered = UnknownName(lexicon_, gazetteer_, spelling, w.title->kind);
        remembered.text = SpanText(ws_, w.title_end, end, Drop::kNothing);
        AddMention(w.title_end, end, remembered.entity, remembered.kind, remembered.label_en);
        discourse_->names.emplace(spelling, remembered);
        discourse_->names.emplace(ws_[end - 1].norm, remembered);  // the surname alone, later on
      } else if (w.title && w.title->kind == "LOC" && w.title_end < static_cast<int>(ws_.size()) &&
                 UnknownDefinite(ws_[w.title_end])) {
        // Place names often carry the article: مدينة الفاشر, محافظة الأنبار.
        AddMention(w.title_end, w.title_end + 1, ws_[w.title_end].norm, "LOC", "");
      }
    }
  }

  // The pronoun that links a nominal sentence (شيفرون هي صاحبة العقد).
  static bool IsPronounCopula(const std::string& norm) {
    return norm == "هو" || norm == "هي" || norm == "هم" || norm == "هن";
  }

  // A word that stands for something named elsewhere: a pronoun (هو), a
  // demonstrative (ذلك), a relative (الذي), or a particle carrying a
  // pronoun (بأنه, له). Alone as an argument it is no entity until resolved.
  static bool Refers(const Word& w) {
    const Tag t = w.tag();
    if (t == Tag::kPron || t == Tag::kDem || t == Tag::kRel) return true;
    return (t == Tag::kSub || t == Tag::kInna || t == Tag::kPrep) && !w.a.suffix.empty();
  }

  // A word no lexicon knows, written with the article alone: الفاشر.
  static bool UnknownDefinite(const Word& w) {
    return !w.entity && w.tag() == Tag::kNoun && w.a.unknown() && w.a.conj.empty() && w.a.prep.empty() &&
           w.readings.size() == 1;
  }


  // The phrases that say when, each with the text a triple keeps: a
  // preposition that adds nothing (في) is dropped, one that does (منذ) kept.
  std::vector<TimePhrase> TimePhrases(const std::vector<NounPhrase>& phrases) const {
    static const char* const kKeptPrepositions[] = {"منذ", "حتي", "خلال", "قبل", "بعد"};
    std::vector<TimePhrase> times;
    for (const NounPhrase& np : phrases) {
      if (!IsTimePhrase(np)) continue;
      TimePhrase t{np.begin, np.end, SpanText(ws_, np.begin, np.end, Drop::kClitics)};
      const bool kept = std::any_of(std::begin(kKeptPrepositions), std::end(kKeptPrepositions),
                                    [&](const char* p) { return np.prep == p; });
      if (kept && np.begin > 0) {
        t.begin = np.begin - 1;
        t.text = SpanText(ws_, t.begin, t.begin + 1, Drop::kConjunction) + " " + t.text;
      }
      times.push_back(std::move(t));
    }
    // Adverbs of time, which head no noun phrase: رفضها أمس البرلمان.
    static const char* const kTimeAdverbs[] = {"امس", "اليوم"};
    for (size_t i = 0; i < ws_.size(); ++i) {
      const Word& w = ws_[i];
      if (w.tag() != Tag::kAdv || !w.a.prep.empty()) continue;
      if (std::any_of(std::begin(kTimeAdverbs), std::end(kTimeAdverbs), [&](const char* a) { return w.a.stem == a; })) {
        times.push_back({static_cast<int>(i), static_cast<int>(i) + 1, SpanText(ws_, i, i + 1, Drop::kClitics)});
      }
    }
    return times;
  }

  // A phrase of time words alone, bare or after a preposition of time:
  // الثلاثاء, يوم الأحد, الأسبوع الماضي, في 12 مايو, منذ أمس. A time word
  // heading something else (يوم الأرض) is a thing.
  bool IsTimePhrase(const NounPhrase& np) const {
    static constexpr std::string_view kPrepositions[] = {"", "في", "منذ", "حتي", "خلال", "قبل", "بعد"};
    auto governs = [&](std::string_view p) { return np.prep == p; };
    if (std::none_of(std::begin(kPrepositions), std::end(kPrepositions), governs)) {
      return false;
    }
    bool time_word = false;
    for (int i = np.begin; i < np.end; ++i) {
      const Tag t = ws_[i].tag();
      if (i > np.begin && !ws_[i].a.conj.empty()) return false;
      if (t == Tag::kTime) {
        time_word = true;
      } else if (!(t == Tag::kNumber || t == Tag::kNum || (t == Tag::kAdj && time_word))) {
        return false;
      }
    }
    return time_word;
  }

  void Triples(const Lexicon& lexicon, const std::vector<NounPhrase>& phrases, const std::vector<Clause>& found) {
    const size_t first = out_->triples.size();
    std::vector<Clause> kept;  // the clause of each triple made
    const std::vector<TimePhrase> times = TimePhrases(phrases);
    std::vector<int> verbs;
    for (size_t i = 0; i < ws_.size(); ++i) {
      if (ws_[i].tag() == Tag::kVerb) verbs.push_back(i);
    }
    for (Clause f : found) {
      // A time is the triple's time, never its subject or object, nor the
      // end of one: التقى الرئيس الوزير في 12 مايو.
      if (IsTimePhrase(f.subject) || (f.complement_end < 0 && IsTimePhrase(f.object))) continue;
      for (const TimePhrase& time : times) {
        if (f.complement_end >= 0 || time.begin <= f.object.begin || time.begin >= f.object.end ||
            time.end < f.object.end) {
          continue;
        }
        f.object.end = time.begin;
        if (ws_[f.object.end - 1].tag() == Tag::kPrep && f.object.end - 1 > f.object.begin) --f.object.end;
      }
      Triple t;
      t.sentence = index_;
      t.lang = "ar";
      if (f.subject_from_discourse) {
        if (!SpeakerInReach(f.verb)) continue;
        t.subject = discourse_->speaker;
        f.subject.begin = f.subject.end = f.verb;  // nothing of this sentence
      } else {
        // A subject never carries a preposition (بالتعليقات، التي لم تكن ...).
        t.subject = ArgumentOf(f.subject.begin, f.subject.end, !ws_[f.subject.begin].a.prep.empty());
      }
      if (f.complement_end >= 0) {
        t.object.text = SpanText(ws_, f.object.begin, f.object.end, Drop::kNothing);
        t.object.entity = Normalize(t.object.text);
        t.object.kind = "CONCEPT";
      } else {
        // A clitic preposition moved into the relation leaves the object;
        // so does one the antecedent of a relative clause has from the main
        // clause (رحب بالخطة التي وضعتها الحكومة → الحكومة | وضعت | الخطة).
        const std::string& prep = ws_[f.object.begin].a.prep;
        const bool clitic_moved = (!f.relation_extra.empty() && f.relation_extra == prep) ||
                                  (f.resumptive >= 0 && !prep.empty()) || f.object_drops_clitic;
        t.object = ArgumentOf(f.object.begin, f.object.end, clitic_moved);
      }
      for (int i : f.relation) {
        if (!t.relation.text.empty()) t.relation.text.push_back(' ');
        // The ل of purpose stays (لتصبح); a conjunction does not.
        std::string word = i == f.relation.front() ? SpanText(ws_, i, i + 1, Drop::kConjunction) : ws_[i].token->text;
        if (i == f.resumptive) {
          word = DropLastLetters(word, utf8::Length(ws_[i].a.suffix));
          // عليها → على, إليه → إلى: alone, the preposition ends in alef maqsura.
          if (ws_[i].tag() == Tag::kPrep && word.size() > 2 && word.compare(word.size() - 2, 2, "ي") == 0) {
            word.replace(word.size() - 2, 2, "ى");
          }
        }
        t.relation.text += word;
      }
      if (!f.relation_extra.empty()) {
        t.relation.text += (t.relation.text.empty() ? "" : " ") + f.relation_extra;
      }
      if (f.verb >= 0) {
        const Verb& v = lexicon.verb(ws_[f.verb].a.verb.verb);
        // A verb the lexicon does not list is its own lemma.
        t.relation.lemma = v.past.empty() ? ws_[f.verb].a.stem : v.past;
        t.relation.label_en = v.gloss;
      } else if (IsPronounCopula(f.relation_extra) || IsPronounCopula(Normalize(t.relation.text))) {
        t.relation.lemma = "هو";
        t.relation.label_en = "be";
      } else {
        t.relation.lemma = Normalize(t.relation.text);
        // An adjective with its complement (الغنية بالنفط): the adjective's gloss.
        if (f.relation.size() == 1 && ws_[f.relation[0]].tag() == Tag::kAdj) {
          const Analysis& adjective = ws_[f.relation[0]].a;
          if (!adjective.unknown()) t.relation.label_en = lexicon.noun(adjective.noun.entry).gloss;
        }
      }
      if (t.subject.text.empty() || t.object.text.empty() || t.relation.text.empty()) continue;
      // An object is never a separate pronoun: قال الوزير وهو يبتسم.
      if (f.complement_end < 0 && f.object.end - f.object.begin == 1 && ws_[f.object.begin].tag() == Tag::kPron) continue;
      // Nor is a subject one word in the accusative (شيئاً, جزءاً, قريباً):
      // an object, an adverb or a predicate taken for one. (After إن it
      // could be, but the clauses found never take one there.) But for the
      // object an unmarked relative clause describes: رأى الصحفيون رجالاً
      // يحملون أسلحة (men who carry weapons).
      const bool described_object = f.pattern && f.pattern->name == "unmarked-relative-subject";
      if (f.subject.end - f.subject.begin == 1 && Accusative(ws_[f.subject.begin]) && !described_object) continue;
      // Nor, after its verb, one that opens with an accusative noun (لا
      // يحوي الجهاز منفذا للسماعات): that is the object. (Before the verb it
      // can be another verb's object that this clause describes: نشرت صورا
      // تظهر التوقيع.)
      const bool after_verb = f.verb >= 0 && f.subject.begin > f.verb;
      const Word* second = f.subject.begin + 1 < static_cast<int>(ws_.size()) ? &ws_[f.subject.begin + 1] : nullptr;
      if (after_verb && (Accusative(ws_[f.subject.begin]) || AlefAccusative(ws_[f.subject.begin], second))) continue;
      // Nor is either one a nisba adverb (ميدانيا, تدريجيا, شخصيا): how or
      // where, not who or what.
      if (f.subject.end - f.subject.begin == 1 && NisbaAdverb(ws_[f.subject.begin])) continue;
      // As an object, but after كان and its sisters or ليس, where it is the
      // predicate (لم يكن ثنائيا, ليس إرهابيا).
      const bool copula = f.verb >= 0 ? lexicon.verb(ws_[f.verb].a.verb.verb).copula : f.negated;
      if (f.complement_end < 0 && !copula && f.object.end - f.object.begin == 1 && NisbaAdverb(ws_[f.object.begin])) {
        continue;
      }
      // A preposition with its pronoun (له, عليهم) names no subject.
      if (f.subject.end - f.subject.begin == 1 && ws_[f.subject.begin].tag() == Tag::kPrep) continue;
      // Nor does a number alone (2017 | تطلب): a year or a figure whose noun
      // is elsewhere. A quantifier alone (أي, كل, بعض) lost the noun it
      // counts, as subject or object.
      if (f.subject.end - f.subject.begin == 1 && ws_[f.subject.begin].token->kind == Token::kNumber) continue;
      if (OnlyQuantifier(f.subject) || OnlyQuantifier(f.object)) continue;
      if (t.subject.entity == t.object.entity) continue;
      t.negated = f.negated && !Exceptive(f);
      t.modality = f.modality;
      t.confidence = f.confidence;
      t.pattern = f.pattern ? f.pattern->name : "";
      int lo = ws_[f.object.begin].token->start, hi = ws_[f.object.end - 1].token->end;
      if (f.subject.end > f.subject.begin) {
        lo = std::min(lo, ws_[f.subject.begin].token->start);
        hi = std::max(hi, ws_[f.subject.end - 1].token->end);
      }
      for (int i : f.relation) {
        lo = std::min(lo, ws_[i].token->start);
        hi = std::max(hi, ws_[i].token->end);
      }
      t.start = lo;
      t.end = hi;
      const int time = TimeOfClause(times, verbs, f.verb, std::min(f.subject.begin, f.object.begin),
                                    std::max(f.subject.end, f.object.end));
      if (time >= 0) t.time = times[time].text;
      if (f.complement_end >= 0 && f.verb >= 0 && lexicon.verb(ws_[f.verb].a.verb.verb).speech && !t.subject.unresolved) {
        discourse_->speaker = t.subject;
        discourse_->speaker_sentence = index_;
        discourse_->speaker_gender = GenderOfVerb(f.verb);
      }
      out_->triples.push_back(std::move(t));
      kept.push_back(std::move(f));
    }
    ResolvePronouns(first, kept);
  }

 private:
  bool OnlyQuantifier(const NounPhrase& p) const { return p.end - p.begin == 1 && ws_[p.begin].tag() == Tag::kQuant; }

  // لم تجمع سوى مئات, لن تؤدي إلا إلى: a negation with "but" says "only",
  // and the clause is affirmative.
  bool Exceptive(const Clause& f) const {
    static const std::string kIlla = Normalize("إلا"), kSiwa = Normalize("سوى");
    return std::any_of(f.relation.begin(), f.relation.end(), [&](int i) {
      const std::string& stem = ws_[i].a.stem;
      return stem == kIlla || stem == kSiwa;
    });
  }

  // The gender a verb says its subject has: يقول, تقول.
  Gender GenderOfVerb(int v) const { return ws_[v].a.verb.feminine ? Gender::kFemale : Gender::kMale; }

  // Whether the speaker of a sentence at most two before (a quotation may
  // run over one) can be the subject of the speech verb at word `v`, which
  // has none in its own sentence: of the verb's gender, and named.
  bool SpeakerInReach(int v) const {
    const Discourse& d = *discourse_;
    if (d.speaker_sentence < 0 || index_ - d.speaker_sentence > 2 || d.speaker.entity.empty()) return false;
    return d.speaker_gender == Gender::kUnknown || d.speaker_gender == GenderOfVerb(v);
  }

  // Links each separate pronoun that is a subject (هو, هي) to the person it
  // stands for, keeping its text, when the pronoun opens its sentence or
  // follows ف (زارت ميركل باريس. وهي تريد …; فهو لم يخف): the person named
  // before it, found as in English (Discourse::Resolve). Inside a
  // sentence, after و, it opens a circumstantial clause about someone or
  // something of that sentence (ظهر في الفيديو وهو يبتسم), which a reading
  // of real news found too often misjoined: it stays unresolved, as does an
  // object, which is never a separate pronoun.
  void ResolvePronouns(size_t first, const std::vector<Clause>& clauses) {
    for (size_t k = 0; k < clauses.size(); ++k) {
      const Clause& f = clauses[k];
      const Triple& t = out_->triples[first + k];
      const Gender by_verb = f.verb < 0 ? Gender::kUnknown : GenderOfVerb(f.verb);
      Remember(t.subject, f.subject.begin, by_verb, true);
      if (f.complement_end < 0) Remember(t.object, f.object.begin, Gender::kUnknown, false);
    }
    for (size_t k = 0; k < clauses.size(); ++k) {
      const Clause& f = clauses[k];
      Argument& subject = out_->triples[first + k].subject;
      const int at = f.subject.begin;
      const Pronoun* pronoun = f.subject.end - at == 1 && subject.unresolved ? FindPronoun(kPronouns, ws_[at].a.stem) : nullptr;
      const bool opens = at == 0 || ws_[at].a.conj == "ف";
      if (!pronoun || !opens || !OpensVerbalClause(at, f.verb)) continue;
      const Referent* r = discourse_->Resolve(*pronoun, index_, ClippedStart(ws_, at), "");
      if (!r) continue;
      Argument resolved = r->entity;
      resolved.text = subject.text;
      subject = std::move(resolved);
    }
  }

  // Whether the pronoun at word `at` is the subject of a present-tense
  // verb right after it (وهو يحمل, فهي لا تزال), with only negation,
  // modals and adverbs between: the pronoun of a nominal sentence (هو أمر
  // ضروري, سبب الإلغاء هو طلب) stands for what was said, if anything.
  bool OpensVerbalClause(int at, int verb) const {
    if (verb <= at || !ws_[verb].a.verb.present) return false;
    for (int i = at + 1; i < verb; ++i) {
      const Tag t = ws_[i].tag();
      if (t != Tag::kNeg && t != Tag::kModal && t != Tag::kAdv) return false;
    }
    return true;
  }

  // Keeps a person named as a subject or object for the pronouns after it.
  void Remember(const Argument& a, int begin, Gender gender, bool subject) {
    if (a.kind != "PER" || a.unresolved) return;
    discourse_->Remember({.entity = a, .sentence = index_, .start = ClippedStart(ws_, begin), .gender = gender, .subject = subject});
  }

  void AddMention(int begin, int end, const std::string& key, const std::string& kind, const std::string& label) {
    Mention m;
    m.sentence = index_;
    m.entity.text = SpanText(ws_, begin, end, Drop::kClitics);
    m.entity.entity = key;
    m.entity.kind = kind;
    m.entity.label_en = label;
    m.start = ClippedStart(ws_, begin);
    m.end = ws_[end - 1].token->end;
    out_->mentions.push_back(std::move(m));
  }

  const Lexicon& lexicon_;
  const Gazetteer& gazetteer_;
  const std::vector<Word>& ws_;
  int index_;
  Discourse* discourse_;
  Extraction* out_;
};

}  // namespace

// Names the tagger found and no list knows are remembered for the document,
// in full and, for a person, by surname; a name said before is the entity it
// was then (قال السيد بانفالكار … وغادر بانفالكار).
void RememberNames(const Lexicon& lexicon, const Gazetteer& gazetteer, Discourse* discourse,
                   std::deque<Entity>* tagged_names) {
  for (Entity& e : *tagged_names) {
    auto known = discourse->names.find(e.key);
    const Argument name = known != discourse->names.end() ? known->second : UnknownName(lexicon, gazetteer, e.key, e.kind);
    if (known == discourse->names.end()) {
      discourse->names.emplace(e.key, name);
      const size_t space = e.key.rfind(' ');
      if (e.kind == "PER" && space != std::string::npos) discourse->names.emplace(e.key.substr(space + 1), name);
    }
    e.key = name.entity;
    e.kind = name.kind;
    e.label_en = name.label_en;
  }
}

// Word `i` (`w`), after its conjunction `conj`, is the one-word name of `name`.
void MarkOneWordName(const Argument& name, std::string_view conj, int i, Word* w, std::deque<Entity>* found) {
  found->push_back({name.entity, name.kind, name.label_en, ""});
  w->entity = &found->back();
  w->name_begin = i;
  w->name_end = i + 1;
  w->a = Analysis();
  w->a.tag = Tag::kPropn;
  w->a.conj = std::string(conj);
  w->a.stem = w->norm.substr(conj.size());
  w->readings.assign(1, w->a);
}

// A one-word name the document said before (a surname after the full name)
// is that name wherever it comes again, with or without a conjunction, even
// where the tagger alone would not take it: وغادر فيلدنر is no verb يلدنر.
// A function word written as one is not: على after كمال حسن علي is "on",
// هي after تشون هي is "she".
void MarkRememberedNames(const Lexicon& lexicon, const Discourse& discourse, std::vector<Word>* words,
                         std::deque<Entity>* found) {
  if (discourse.names.empty()) return;  // nothing said before: no word to look up
  for (Word& w : *words) {
    if (w.entity || w.token->kind != Token::kWord) continue;
    std::string_view conj;
    auto known = discourse.names.find(w.norm);
    for (std::string_view c : {"و", "ف"}) {
      if (known == discourse.names.end() && w.norm.starts_with(c)) {
        known = discourse.names.find(w.norm.substr(c.size()));
        conj = c;
      }
    }
    if (known == discourse.names.end() ||
        lexicon.WrittenAsFunctionWord(WithoutMarks(w.token->text).substr(conj.size()))) {
      continue;
    }
    MarkOneWordName(known->second, conj, static_cast<int>(&w - words->data()), &w, found);
  }
}

// A person named in full is remembered by given name, and a person's title
// with that given name alone, later in the document, is the person: الأمير
// محمد after ولي العهد محمد بن سلمان. Two people of the document with one
// given name leave it to neither; a name going on after it (الشيخ محمد
// العلي) is someone else's.
void JoinTitledGivenNames(const Lexicon& lexicon, Discourse* discourse, std::vector<Word>* words,
                          std::deque<Entity>* found) {
  std::vector<Word>& ws = *words;
  const int n = ws.size();
  for (int i = 0; i < n; ++i) {
    const Entity* e = ws[i].entity;
    if (!e || e->kind != "PER" || ws[i].name_begin != i) continue;
    // The first given name of the name, as listed with its title: ولي العهد محمد بن سلمان.
    auto bare = [&](int k) { return ws[k].norm.substr(ws[k].a.conj.size()); };
    int first = i;
    while (first + 1 < ws[i].name_end && !lexicon.GivenNameOf(bare(first))) ++first;
    if (first + 1 >= ws[i].name_end) continue;
    const std::string given = bare(first);
    auto [kept, added] = discourse->given_names.emplace(given, Argument{"", e->key, e->kind, e->label_en});
    if (!added && kept->second.entity != e->key) kept->second.entity.clear();
  }
  for (int i = 1; i < n; ++i) {
    Word& w = ws[i];
    const Word& title = ws[i - 1];
    const bool one_word = !w.entity || (w.name_begin == i && w.name_end == i + 1 && w.entity->key == w.norm);
    if (!one_word || !title.title || title.title->kind != "PER" || title.title_end != i || !w.a.conj.empty()) continue;
    auto person = discourse->given_names.find(w.norm);
    if (person == discourse->given_names.end() || person->second.entity.empty()) continue;
    if (i + 1 < n && ws[i + 1].tag() == Tag::kPropn && ws[i + 1].a.conj.empty()) continue;
    MarkOneWordName(person->second, "", i, &w, found);
  }
}

namespace {

// كأن ("as if") takes a noun after it, and is written with its hamza; كان
// before a verb or قد is "was" (كان يعمل, كان قد أعلن), whatever Normalize
// folds it with. So is ك with أن or إن.
void DropAsIfBeforeVerbs(const TokenizedSentence& sentence, std::vector<Word>* words) {
  static const std::string kAsIf = Normalize("كأن"), kThat = Normalize("أن"), kMay = Normalize("قد");
  std::vector<Word>& ws = *words;
  for (size_t i = 0; i + 1 < ws.size(); ++i) {
    const std::vector<Analysis>& next = ws[i + 1].readings;
    const bool verb_next = ws[i + 1].norm == kMay ||
                           std::any_of(next.begin(), next.end(), [](const Analysis& a) { return a.tag == Tag::kVerb; });
    if (!verb_next) continue;
    const std::string& written = sentence.tokens[i].text;
    auto as_if_without_hamza = [&](const Analysis& a) {
      const bool particle = a.tag == Tag::kSub || a.tag == Tag::kInna || a.tag == Tag::kCond;
      const std::string_view rest = std::string_view(written).substr(a.conj.size());
      return particle && (a.stem == kAsIf || (a.prep == "ك" && a.stem == kThat)) && !rest.starts_with("كأ"sv) &&
             !rest.starts_with("كإ"sv);
    };
    std::vector<Analysis>& rs = ws[i].readings;
    if (!std::all_of(rs.begin(), rs.end(), as_if_without_hamza)) std::erase_if(rs, as_if_without_hamza);
  }
}

// Each word token's readings, copied from the analysis cache. The cache is
// large and scattered, so each step of the lookups is taken for all the
// words before any waits on memory: fetching the cache's entries, then the
// readings they point to, then copying them. The copy looks each word up
// again rather than keep what the second step found: a lookup may clear
// the cache, which would leave a kept reference dangling.
void CopyReadings(const Lexicon& lexicon, std::vector<Word>* words) {
  auto each_word_token = [&](auto visit) {
    for (Word& w : *words) {
      if (w.token->kind == Token::kWord) visit(w);
    }
  };
  each_word_token([&](const Word& w) { PrefetchAnalysis(lexicon, w.norm); });
  each_word_token([&](const Word& w) {
    const std::vector<Analysis>& readings = CachedAnalyze(lexicon, w.norm);
    const char* first = reinterpret_cast<const char*>(readings.data());
    for (size_t line = 0; line < sizeof(Analysis); line += 64) __builtin_prefetch(first + line);
  });
  each_word_token([&](Word& w) { w.readings = CachedAnalyze(lexicon, w.norm); });
}

}  // namespace

std::vector<Word> ReadWords(const Lexicon& lexicon, const Gazetteer& gazetteer, const TokenizedSentence& sentence) {
  std::vector<Word> words(sentence.tokens.size());
  for (size_t i = 0; i < words.size(); ++i) {
    words[i].token = &sentence.tokens[i];
    words[i].norm = Normalize(sentence.tokens[i].text);
  }
  CopyReadings(lexicon, &words);
  for (size_t i = 0; i < words.size(); ++i) {
    if (sentence.tokens[i].kind == Token::kWord) {
      // Written with ة, a final ه cannot be a pronoun: صاحبة is not صاحب + ه.
      // Written with ه, not ة, a word is no singular feminine: رئيسه is
      // رئيس + ه, not رئيسة.
      const std::string& written = sentence.tokens[i].text;
      if (written.ends_with("ه"sv)) {
        std::vector<Analysis>& rs = words[i].readings;
        auto feminine = [](const Analysis& a) {
          return a.suffix.empty() && a.noun.feminine && !a.noun.plural &&
                 (a.tag == Tag::kNoun || a.tag == Tag::kAdj || a.tag == Tag::kMasdar);
        };
        if (!std::all_of(rs.begin(), rs.end(), feminine)) rs.erase(std::remove_if(rs.begin(), rs.end(), feminine), rs.end());
      }
      if (EndsWithTaaMarbuta(sentence.tokens[i].text)) {
        std::vector<Analysis>& rs = words[i].readings;
        const Analysis fallback = rs.front();
        // Nor is it an adverb listed with its pronoun: وحدة (a unit) is not وحده (alone).
        rs.erase(std::remove_if(rs.begin(), rs.end(),
                                [](const Analysis& a) {
                                  return a.suffix == "ه" || (a.tag == Tag::kAdv && a.stem == "وحده");
                                }),
                 rs.end());
        if (rs.empty()) {
          Analysis noun = fallback;
          noun.tag = Tag::kNoun;
          noun.suffix.clear();
          noun.stem = words[i].norm;
          noun.source = Source::kUnknown;
          noun.cost = 10;
          rs.push_back(noun);
        }
      }
      // Tanween (أمرٌ, زياراتٍ, عسكرياً) marks a noun or adjective, never a
      // verb; so does an alef with hamza below opening the word after its
      // conjunction (إثر, وإعلان): a verb writes أ or ا there.
      std::vector<Analysis>& rs = words[i].readings;
      auto verb = [&](const Analysis& a) {
        return a.tag == Tag::kVerb &&
               (HasTanween(written) || std::string_view(written).substr(a.conj.size()).starts_with("إ"sv));
      };
      if (!std::all_of(rs.begin(), rs.end(), verb)) rs.erase(std::remove_if(rs.begin(), rs.end(), verb), rs.end());
      words[i].written_function_word = written.ends_with("ى"sv) && lexicon.FunctionTags(words[i].norm);
    }
  }
  DropAsIfBeforeVerbs(sentence, &words);
  MarkFunctionPhrases(lexicon, &words);
  MarkNames(lexicon, gazetteer, &words);
  return words;
}

void ArabicModule::Process(const TokenizedSentence& sentence, int index, Discourse* discourse,
                           Extraction* out) const {
  std::vector<Word> words = ReadWords(*lexicon_, *gazetteer_, sentence);
  std::deque<Entity> tagged_names;
  MarkEntities(*ner_, ner_features_, &words, &tagged_names);
  RememberNames(*lexicon_, *gazetteer_, discourse, &tagged_names);
  MarkRememberedNames(*lexicon_, *discourse, &words, &tagged_names);
  JoinTitledGivenNames(*lexicon_, discourse, &words, &tagged_names);
  TagWords(*lexicon_, &words);
  std::vector<NounPhrase> phrases = ChunkPhrases(words);
  std::vector<Clause> found = FindClauses(*lexicon_, words, phrases, discourse);
  SentenceBuilder builder(*lexicon_, *gazetteer_, words, index, discourse, out);
  builder.Mentions();
  builder.Triples(*lexicon_, phrases, found);
}

}  // namespace nasij::arabic
