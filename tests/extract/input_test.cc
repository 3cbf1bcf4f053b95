#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "extract/extract.h"

namespace fs = std::filesystem;
using namespace nasij;

namespace {

struct Collected {
  std::vector<Document> docs;
  std::vector<std::string> skipped;
};

Collected Read(const std::vector<std::string>& inputs) {
  Collected c;
  InputCallbacks cb;
  cb.document = [&](Document d) { c.docs.push_back(std::move(d)); };
  cb.skip = [&](const std::string& m) { c.skipped.push_back(m); };
  ReadDocuments(inputs, cb);
  return c;
}

fs::path TempDir() {
  fs::path dir = fs::temp_directory_path() / ("nasij-input-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void Write(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

}  // namespace

TEST_CASE("A directory gives its .txt and .jsonl documents, recursively, in order", "[input]") {
  fs::path dir = TempDir();
  fs::create_directories(dir / "sub");
  Write(dir / "b.txt", "Second.");
  Write(dir / "sub" / "a.txt", "Nested.");
  Write(dir / "notes.md", "ignored");
  Write(dir / "c.jsonl", "{\"id\":\"x\",\"text\":\"One.\",\"lang\":\"en\",\"title\":\"T\"}\n\n{\"text\":\"Two.\"}\n");
  Collected c = Read({dir.string()});
  REQUIRE(c.skipped.empty());
  REQUIRE(c.docs.size() == 4);
  CHECK(c.docs[0].id == (dir / "b.txt").string());
  CHECK(c.docs[1].id == "x");
  CHECK(c.docs[1].title == "T");
  CHECK(c.docs[2].id == (dir / "c.jsonl").string() + ":3");  // no id: file and line
  CHECK(c.docs[3].text == "Nested.");
  fs::remove_all(dir);
}

TEST_CASE("Bad lines and files are skipped with file and line named", "[input]") {
  fs::path dir = TempDir();
  Write(dir / "bad.jsonl",
        "[1,2]\n{\"id\":\"a\"}\n{\"id\":\"a\",\"text\":5}\n{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"a\",\"text\":\"dup\"}\n"
        "{\"id\":\"b\\nc\",\"text\":\"x\"}\nnot json\n");
  Write(dir / "binary.txt", std::string("ab\0cd", 5));
  Write(dir / "latin1.txt", "caf\xe9");
  Collected c = Read({(dir / "bad.jsonl").string(), (dir / "binary.txt").string(), (dir / "latin1.txt").string(),
                      (dir / "missing.txt").string()});
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].text == "ok");
  REQUIRE(c.skipped.size() == 9);
  const std::string bad = (dir / "bad.jsonl").string();
  CHECK(c.skipped[0] == bad + ":1: not a JSON object");
  CHECK(c.skipped[1] == bad + ":2: no string \"text\" field");
  CHECK(c.skipped[2] == bad + ":3: no string \"text\" field");
  CHECK(c.skipped[3] == bad + ":5: duplicate id \"a\"");
  CHECK(c.skipped[4] == bad + ":6: \"id\" contains control characters");
  CHECK(c.skipped[5] == bad + ":7: not a JSON object");
  CHECK(c.skipped[6] == (dir / "binary.txt").string() + ": contains NUL bytes (binary file?)");
  CHECK(c.skipped[7] == (dir / "latin1.txt").string() + ": is not valid UTF-8");
  CHECK(c.skipped[8] == (dir / "missing.txt").string() + ": no such file or directory");
  fs::remove_all(dir);
}

TEST_CASE("A symlink loop does not trap the directory walk", "[input]") {
  fs::path dir = TempDir();
  Write(dir / "a.txt", "Text.");
  fs::create_directory_symlink(dir, dir / "loop");
  Collected c = Read({dir.string()});
  CHECK(c.docs.size() == 1);
  fs::remove_all(dir);
}
