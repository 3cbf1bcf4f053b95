// Reads documents from files, directories and standard input.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>

#include "extract/extract.h"
#include "extract/utf8.h"

namespace nasij {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

bool HasControlCharacter(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x20 || c == 0x7F; });
}

// Why this text cannot be a document, or empty when it can.
std::string TextProblem(const std::string& text) {
  if (text.find('\0') != std::string::npos) return "contains NUL bytes (binary file?)";
  if (!utf8::IsValid(text)) return "is not valid UTF-8";
  return "";
}

std::string Megabytes(size_t bytes) {
  return bytes % (1 << 20) == 0 ? std::to_string(bytes >> 20) + " MB" : std::to_string(bytes) + " bytes";
}

enum class LineRead { kLine, kTooLong, kEnd };

// One line, without its '\n', of at most `cap` bytes. The rest of a longer
// line is read and dropped (kTooLong): a line with no end, as /dev/zero
// gives, never grows memory.
LineRead ReadBoundedLine(std::streambuf& in, size_t cap, std::string* line) {
  line->clear();
  bool any = false, too_long = false;
  for (int c; (c = in.sbumpc()) != std::char_traits<char>::eof();) {
    any = true;
    if (c == '\n') break;
    if (too_long) continue;
    if (line->size() == cap) {
      too_long = true;
      std::string().swap(*line);
      continue;
    }
    line->push_back(static_cast<char>(c));
  }
  if (!any) return LineRead::kEnd;
  return too_long ? LineRead::kTooLong : LineRead::kLine;
}

// Lines are numbered from `number`, the line `in` starts at.
void ReadJsonLines(std::istream& in, const std::string& name, size_t number, const InputCallbacks& cb) {
  std::set<std::string> seen;
  std::string line;
  for (LineRead read; (read = ReadBoundedLine(*in.rdbuf(), cb.max_document_bytes, &line)) != LineRead::kEnd;
       ++number) {
    const std::string where = name + ":" + std::to_string(number) + ": ";
    if (read == LineRead::kTooLong) {
      cb.skip(where + "line longer than " + Megabytes(cb.max_document_bytes) +
              ", the most a document may hold (--max-document-mb)");
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string problem = TextProblem(line);
    if (!problem.empty()) {
      cb.skip(where + "line " + problem);
      continue;
    }
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      cb.skip(where + "not a JSON object");
      continue;
    }
    if (!j.contains("text") || !j["text"].is_string()) {
      cb.skip(where + "no string \"text\" field");
      continue;
    }
    Document doc;
    doc.text = j["text"];
    bool bad = false;
    for (auto [field, dest] : {std::pair{"id", &doc.id}, {"lang", &doc.lang}, {"title", &doc.title},
                               {"url", &doc.url}, {"published", &doc.published}}) {
      if (!j.contains(field) || j[field].is_null()) continue;
      if (!j[field].is_string()) {
        cb.skip(where + "\"" + field + "\" is not a string");
        bad = true;
        break;
      }
      *dest = j[field];
    }
    if (bad) continue;
    if (doc.id.empty()) doc.id = name + ":" + std::to_string(number);
    if (HasControlCharacter(doc.id)) {
      cb.skip(where + "\"id\" contains control characters");
      continue;
    }
    if (!doc.lang.empty() && doc.lang != "ar" && doc.lang != "en") {
      cb.skip(where + "\"lang\" must be \"ar\" or \"en\"");
      continue;
    }
    if (!seen.insert(doc.id).second) {
      cb.skip(where + "duplicate id \"" + doc.id + "\"");
      continue;
    }
    cb.document(std::move(doc));
  }
}

void ReadText(std::string text, const std::string& id, const InputCallbacks& cb) {
  std::string problem = TextProblem(text);
  if (!problem.empty()) {
    cb.skip(id + ": " + problem);
    return;
  }
  Document doc;
  doc.id = id;
  doc.text = std::move(text);
  cb.document(std::move(doc));
}

// Where a long text is cut, best first; each is searched for in the second
// half of the part, and the part ends after it.
constexpr std::string_view kPartBreaks[] = {
    "\n\n",  // a paragraph
    "\n",     // a line
    ". ", "? ", "! ", "\u061F ",  // a sentence ("؟ " in Arabic)
    " ",      // a word
};

// The length of the first part of `text`, at most `cap` bytes, never
// inside a UTF-8 character.
size_t PartLength(std::string_view text, size_t cap) {
  for (std::string_view mark : kPartBreaks) {
    const size_t at = text.substr(0, cap).rfind(mark);
    if (at != std::string_view::npos && at >= cap / 2) return at + mark.size();
  }
  size_t length = cap;
  while (length > 0 && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80) --length;
  return length;
}

// A text read from `in` after `text`: one document, or parts of at most
// cb.max_document_bytes named "ID#1", "ID#2", …. A part that is not text
// (a NUL byte, broken UTF-8) ends the reading: the rest is not read.
void ReadTextStream(std::istream& in, std::string text, const std::string& id, const InputCallbacks& cb) {
  const size_t cap = cb.max_document_bytes;
  // Reads until `text` holds more than a part, or the input ends.
  auto fill = [&] {
    while (text.size() <= cap && in) {
      const size_t had = text.size();
      text.resize(cap + 1);
      in.read(text.data() + had, static_cast<std::streamsize>(cap + 1 - had));
      text.resize(had + static_cast<size_t>(in.gcount()));
    }
    return !in.bad();
  };
  if (!fill()) return cb.skip(id + ": cannot be read");
  if (text.size() <= cap) return ReadText(std::move(text), id, cb);
  size_t parts = 0;
  while (!text.empty()) {
    if (!fill()) return cb.skip(id + ": cannot be read");
    const size_t length = text.size() <= cap ? text.size() : PartLength(text, cap);
    Document doc;
    doc.id = id + "#" + std::to_string(++parts);
    doc.text = text.substr(0, length);
    text.erase(0, length);
    std::string problem = TextProblem(doc.text);
    if (!problem.empty()) return cb.skip(doc.id + ": " + problem + "; the rest of " + id + " is not read");
    cb.document(std::move(doc));
  }
  if (cb.note) {
    cb.note(id + ": longer than " + Megabytes(cap) + ", the most a document may hold: split into " +
            std::to_string(parts) + " documents, " + id + "#1 to #" + std::to_string(parts) + " (--max-document-mb)");
  }
}

void ReadFile(const fs::path& path, const InputCallbacks& cb) {
  const std::string name = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    cb.skip(name + ": cannot be read");
    return;
  }
  if (path.extension() == ".jsonl") {
    ReadJsonLines(in, name, 1, cb);
    return;
  }
  ReadTextStream(in, "", name, cb);
}

void ReadDirectory(const fs::path& dir, const InputCallbacks& cb) {
  std::vector<fs::path> files;
  std::error_code ec;
  // Symlinked directories are not followed, so a link loop cannot trap the walk.
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    const auto ext = it->path().extension();
    if ((ext == ".txt" || ext == ".jsonl") && it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) cb.skip(dir.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) ReadFile(f, cb);
}

// JSON lines when the first thing on it is '{', else one text.
void ReadStdin(const InputCallbacks& cb) {
  std::string blank;  // what comes before: kept for a text, counted for lines
  std::streambuf& in = *std::cin.rdbuf();
  auto is_blank = [](int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (is_blank(in.sgetc())) blank.push_back(static_cast<char>(in.sbumpc()));
  const int first = in.sgetc();
  if (first == std::char_traits<char>::eof()) return;
  if (first == '{') {
    ReadJsonLines(std::cin, "stdin", 1 + std::count(blank.begin(), blank.end(), '\n'), cb);
  } else {
    ReadTextStream(std::cin, std::move(blank), "stdin", cb);
  }
}

}  // namespace

void ReadDocuments(const std::vector<std::string>& inputs, const InputCallbacks& cb) {
  if (inputs.empty()) {
    ReadStdin(cb);
    return;
  }
  for (const auto& input : inputs) {
    if (input == "-") {
      ReadStdin(cb);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) {
      cb.skip(input + ": no such file or directory");
    } else if (fs::is_directory(st)) {
      ReadDirectory(input, cb);
    } else {
      ReadFile(input, cb);
    }
  }
}

}  // namespace nasij
