// Arbitrary bytes as a JSON-lines file of documents, and each line as a
// triple record from another tool.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>

#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/nasij-jsonl-fuzz-" + std::to_string(::getpid()) + ".jsonl";
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
  }
  size_t documents = 0;
  nasij::ReadDocuments({path}, {.document = [&](nasij::Document) { ++documents; }, .skip = [](const std::string&) {}});
  for (size_t at = 0; at <= bytes.size();) {
    size_t end = bytes.find('\n', at);
    if (end == std::string_view::npos) end = bytes.size();
    static_cast<void>(nasij::ParseTripleRecord(bytes.substr(at, end - at)));  // a crash is the finding, not a refusal
    at = end + 1;
  }
  return 0;
}
