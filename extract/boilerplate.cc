#include "extract/boilerplate.h"

#include <algorithm>

#include "extract/utf8.h"

namespace nasij {

namespace {

std::string Trim(std::string s) {
  const char* junk = " \t\r\n\"'“”«»-–—:";
  size_t b = 0, e = s.size();
  auto is_junk = [&](size_t at, size_t* len) {
    for (const char* j : {"“", "”", "«", "»", "–", "—"}) {
      if (s.compare(at, std::string(j).size(), j) == 0) {
        *len = std::string(j).size();
        return true;
      }
    }
    *len = 1;
    return std::string(junk).find(s[at]) != std::string::npos && static_cast<unsigned char>(s[at]) < 0x80;
  };
  size_t len;
  while (b < e && is_junk(b, &len)) b += len;
  while (e > b) {
    size_t start = e - 1;
    while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    if (!is_junk(start, &len) || start + len != e) break;
    e = start;
  }
  return s.substr(b, e - b);
}

// Collapses runs of spaces and drops quotes inside: موقع " الحرة " → موقع الحرة.
std::string Clean(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    char32_t c = utf8::Next(s, &i);
    if (c == '"' || c == 0x201C || c == 0x201D || c == 0xAB || c == 0xBB) continue;
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.append(s, at, i - at);
  }
  return Trim(out);
}

bool StartsWith(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }

}  // namespace

bool ParseByline(const std::string& line, std::string* source, std::string* author) {
  std::string body;
  for (const char* cue : {"المصدر:", "المصدر :", "Source:"}) {
    if (StartsWith(line, cue)) body = line.substr(std::string(cue).size());
  }
  if (!body.empty()) {
    // "موقع الحرة - جويس كرم": the source, then the author after a dash.
    size_t dash = body.rfind('-');
    if (dash == std::string::npos) {
      *source = Clean(body);
    } else {
      *source = Clean(body.substr(0, dash));
      *author = Clean(body.substr(dash + 1));
    }
    return true;
  }
  for (const char* cue : {"بقلم:", "بقلم ", "By "}) {
    if (StartsWith(line, cue) && utf8::Length(line) < 60) {
      std::string rest = line.substr(std::string(cue).size());
      size_t comma = rest.find(',');
      *author = Clean(rest.substr(0, comma));
      if (comma != std::string::npos) *source = Clean(rest.substr(comma + 1));
      return true;
    }
  }
  return false;
}

bool IsBoilerplate(const std::string& line) {
  if (utf8::Length(line) > 60) return false;
  // Prose ends a sentence; link lists and buttons do not.
  for (const char* end : {".", "?", "!", "؟"}) {
    if (line.size() >= std::string(end).size() && line.compare(line.size() - std::string(end).size(), std::string::npos, end) == 0) {
      return false;
    }
  }
  static const char* const kHeadings[] = {"مقالات ذات صلة", "اقرأ أيضا", "اقرأ أيضاً", "زر الذهاب إلى الأعلى",
                                          "أخبار ذات صلة", "Related articles", "Back to top", "Advertisement"};
  // Cues that also begin prose (شارك آلاف في ...) count only on a short line.
  static const char* const kButtons[] = {"شارك", "المزيد من", "Share this", "Read more"};
  const size_t words = 1 + std::count(line.begin(), line.end(), ' ');
  auto starts = [&](const char* cue) { return line.rfind(cue, 0) == 0; };
  return std::any_of(std::begin(kHeadings), std::end(kHeadings), starts) ||
         (words <= 4 && std::any_of(std::begin(kButtons), std::end(kButtons), starts));
}

}  // namespace nasij
