// Reads documents from files, directories and standard input.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

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

void ReadJsonLines(std::istream& in, const std::string& name, const InputCallbacks& cb) {
  std::set<std::string> seen;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = name + ":" + std::to_string(number) + ": ";
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

void ReadFile(const fs::path& path, const InputCallbacks& cb) {
  const std::string name = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    cb.skip(name + ": cannot be read");
    return;
  }
  if (path.extension() == ".jsonl") {
    ReadJsonLines(in, name, cb);
    return;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    cb.skip(name + ": cannot be read");
    return;
  }
  ReadText(std::move(text), name, cb);
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

void ReadStdin(const InputCallbacks& cb) {
  std::string all((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  size_t first = all.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && all[first] == '{') {
    std::istringstream in(all);
    ReadJsonLines(in, "stdin", cb);
  } else if (first != std::string::npos) {
    ReadText(std::move(all), "stdin", cb);
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
