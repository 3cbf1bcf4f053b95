#include "extract/text.h"

#include <algorithm>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include "extract/utf8.h"

namespace nasij {

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> sentences;
  std::unique_ptr<icu::BreakIterator> words;
};

Segmenter::Segmenter() : impl_(new Impl) {
  UErrorCode status = U_ZERO_ERROR;
  // "ss=standard" keeps some abbreviations, such as "Mr.", inside a sentence.
  impl_->sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
  impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) impl_.reset();
}

bool Segmenter::ok() const { return impl_ != nullptr; }

Segmenter::~Segmenter() = default;

namespace {

bool IsSpace(UChar32 c) { return u_isUWhiteSpace(c) || c == 0x200F || c == 0x200E || c == 0xFEFF; }

// ICU's "ss=standard" keeps "Mr." inside a sentence but still ends one after
// "Dr." or "U.S.". A title or an initial never ends an English sentence; a
// short form does only before a word that commonly opens one.
constexpr std::string_view kTitleAbbreviations[] = {
    "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Adm.", "Gov.", "Sen.", "Rep.",
    "Rev.", "Mr.", "Mrs.", "Ms.", "Messrs.", "Pres.", "Amb.", "Insp.", "Cpl.", "Pvt.", "Brig.", "Fr.",
};
constexpr std::string_view kShortForms[] = {
    "U.S.", "U.K.", "U.N.", "E.U.", "St.", "Mt.", "Ft.", "No.", "vs.", "Jr.", "Sr.", "Jan.", "Feb.",
    "Mar.", "Apr.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "Corp.", "Inc.", "Co.", "Ltd.", "Bros.", "Dept.",
};
constexpr std::string_view kSentenceOpeners[] = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "In", "On", "At", "But", "And", "This",
    "That", "These", "Those", "His", "Her", "Its", "Their", "There", "As", "After", "Before", "When",
    "While", "If", "According", "However", "Meanwhile", "Since", "For", "So", "Yet",
};

template <size_t N>
bool OneOf(const std::string_view (&words)[N], std::string_view w) {
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

// Whether a sentence break at `end` falls after an abbreviation instead.
bool BreaksAfterAbbreviation(const icu::UnicodeString& u, int32_t begin, int32_t end) {
  int32_t e = end;
  while (e > begin && IsSpace(u.char32At(u.moveIndex32(e, -1)))) e = u.moveIndex32(e, -1);
  int32_t w = e;
  while (w > begin && !IsSpace(u.char32At(u.moveIndex32(w, -1)))) w = u.moveIndex32(w, -1);
  // Every abbreviation below opens with a Latin letter: most breaks, and
  // all in Arabic, are decided before any conversion.
  const UChar opening = w < e ? u.charAt(w) : 0;
  if (!((opening >= u'A' && opening <= u'Z') || (opening >= u'a' && opening <= u'z'))) return false;
  std::string word, next;
  u.tempSubStringBetween(w, e).toUTF8String(word);
  if (word.size() < 2 || word.back() != '.') return false;
  if (OneOf(kTitleAbbreviations, word)) return true;
  if (word.size() == 2 && word[0] >= 'A' && word[0] <= 'Z') return true;  // John F. Kennedy
  if (!OneOf(kShortForms, word)) return false;
  int32_t n = end;
  while (n < u.length() && u_isalnum(u.char32At(n))) n = u.moveIndex32(n, 1);
  u.tempSubStringBetween(end, n).toUTF8String(next);
  return !next.empty() && !OneOf(kSentenceOpeners, next);
}

// Whether a sentence break at `end` falls between a period and the letter
// right after it: العربية.نت, بي.بي.سي, a domain or an abbreviation, for a
// script without capitals to tell a new sentence by.
bool BreaksInsideWord(const icu::UnicodeString& u, int32_t end) {
  return end > 0 && u.charAt(end - 1) == u'.' && u_isalpha(u.char32At(end));
}

}  // namespace

bool IsAbbreviation(std::string_view word) { return OneOf(kTitleAbbreviations, word) || OneOf(kShortForms, word); }

namespace {

// The words of a token joined by underscores, each with its own offsets.
void SplitAtUnderscores(const Token& joined, std::vector<Token>* out) {
  size_t from = 0;
  int start = joined.start;
  while (from <= joined.text.size()) {
    size_t to = joined.text.find('_', from);
    if (to == std::string::npos) to = joined.text.size();
    const std::string part = joined.text.substr(from, to - from);
    const int length = static_cast<int>(utf8::Length(part));
    if (!part.empty()) {
      Token t = joined;
      t.text = part;
      t.start = start;
      t.end = start + length;
      out->push_back(std::move(t));
    }
    start += length + 1;
    from = to + 1;
  }
}

}  // namespace

std::vector<TokenizedSentence> Segmenter::Split(std::string_view text) const {
  if (!ok()) return {};
  // The text in UTF-16 for ICU, and in UTF-8 with invalid bytes replaced:
  // the text itself unless the conversion replaced any.
  icu::UnicodeString u;
  int32_t replaced = 0;
  {
    UErrorCode status = U_ZERO_ERROR;
    const int32_t capacity = static_cast<int32_t>(text.size());
    int32_t length = 0;
    UChar* buffer = u.getBuffer(capacity);
    u_strFromUTF8WithSub(buffer, u.getCapacity(), &length, text.data(), capacity, 0xFFFD, &replaced, &status);
    u.releaseBuffer(U_SUCCESS(status) ? length : 0);
  }
  const int32_t n = u.length();
  std::string converted;
  if (replaced > 0) u.toUTF8String(converted);
  const std::string_view utf8 = replaced > 0 ? std::string_view(converted) : text;
  // For each UTF-16 position its code point index and its byte offset in
  // `utf8`, so that sentences and tokens are cut from it rather than
  // converted one by one.
  std::vector<int> cp(n + 1), byte(n + 1);
  const UChar* units = u.getBuffer();
  int32_t points = 0, bytes = 0;
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U16_NEXT(units, i, n, c);
    for (int32_t j = start; j < i; ++j) {
      cp[j] = points;
      byte[j] = bytes;
    }
    ++points;
    bytes += U8_LENGTH(c);  // an unpaired surrogate is written as U+FFFD, also 3 bytes
  }
  cp[n] = points;
  byte[n] = bytes;
  auto cut = [&](int32_t from, int32_t to) { return std::string(utf8.substr(byte[from], byte[to] - byte[from])); };

  std::vector<TokenizedSentence> out;
  impl_->sentences->setText(u);
  impl_->words->setText(u);
  int32_t begin = impl_->sentences->first();
  for (int32_t end = impl_->sentences->next(); end != icu::BreakIterator::DONE;
       begin = end, end = impl_->sentences->next()) {
    while (end < n && (BreaksAfterAbbreviation(u, begin, end) || BreaksInsideWord(u, end))) {
      const int32_t later = impl_->sentences->next();
      if (later == icu::BreakIterator::DONE) break;
      end = later;
    }
    int32_t b = begin, e = end;
    while (b < e && IsSpace(u.char32At(b))) b = u.moveIndex32(b, 1);
    while (e > b && IsSpace(u.char32At(u.moveIndex32(e, -1)))) e = u.moveIndex32(e, -1);
    if (b >= e) continue;
    TokenizedSentence s;
    s.start = cp[b];
    s.end = cp[e];
    s.text = cut(b, e);

    int32_t wb = b;
    for (int32_t we = impl_->words->following(b); we != icu::BreakIterator::DONE && wb < e;
         wb = we, we = impl_->words->next()) {
      if (we > e) we = e;
      int32_t rule = impl_->words->getRuleStatus();
      UChar32 first = u.char32At(wb);
      if (IsSpace(first)) continue;
      Token t;
      t.start = cp[wb];
      t.end = cp[we];
      t.text = cut(wb, we);
      if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) {
        t.kind = Token::kNumber;
      } else if (rule == UBRK_WORD_NONE && !u_isalnum(first)) {
        t.kind = Token::kPunct;
      }
      // #الرسوم_الأميركية: a hashtag's mark is no word, and its underscores
      // stand for spaces.
      if (t.kind == Token::kPunct && t.text == "#") {
        if (we == e) break;
        continue;
      }
      if (t.kind == Token::kWord && t.text.find('_') != std::string::npos) {
        SplitAtUnderscores(t, &s.tokens);
      } else {
        s.tokens.push_back(std::move(t));
      }
      if (we == e) break;
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::string DetectLanguage(std::string_view text) {
  size_t arabic = 0, latin = 0;
  for (size_t i = 0; i < text.size() && arabic + latin < 4000;) {
    char32_t c = utf8::Next(text, &i);
    if (utf8::IsArabicLetter(c)) {
      ++arabic;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++latin;
    }
  }
  return arabic >= latin && arabic > 0 ? "ar" : "en";
}

}  // namespace nasij
