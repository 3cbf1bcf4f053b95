// Arbitrary bytes as a request to nasij serve's API: "path?name=value&…",
// parsed as the server parses a target and handed to HandleApi, against a
// small store made and opened once.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "cli/api.h"
#include "cli/http_server.h"
#include "extract/extract.h"
#include "storage/store.h"

namespace {

std::unique_ptr<nasij::Store> MakeStore() {
  const std::string path = "/tmp/nasij-api-fuzz-" + std::to_string(::getpid());
  std::filesystem::remove_all(path);
  auto store = nasij::Store::Open(path, nasij::Store::Mode::kReadWrite);
  auto extractor = nasij::Extractor::Create();
  // Without its store the target would fuzz nothing but the error path.
  auto die = [](const nasij::Status& s) {
    std::fprintf(stderr, "api_fuzz: %s\n", s.message().c_str());
    std::abort();
  };
  if (!store.ok()) die(store.status());
  if (!extractor.ok()) die(extractor.status());
  for (const char* text : {"استدعى الرئيس توكاييف القوات الروسية. وتقود موسكو منظمة معاهدة الأمن الجماعي.",
                           "Blinken condemned the violence. Tokayev asked Russia for help."}) {
    nasij::Document doc;
    doc.id = text;
    doc.text = text;
    bool changed;
    if (nasij::Status s = (*store)->Ingest((*extractor)->Extract(doc), &changed); !s.ok()) die(s);
  }
  return std::move(*store);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::unique_ptr<nasij::Store> store = MakeStore();
  const nasij::cli::HttpRequest request =
      nasij::cli::ParseTarget(std::string_view(reinterpret_cast<const char*>(data), size));
  nasij::cli::HandleApi(*store, request.path, request.params);
  return 0;
}
