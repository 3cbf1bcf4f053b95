// Arbitrary bytes as a request to nasij serve's API: "path?name=value&…",
// split and handed to HandleApi, against a small store made and opened once.
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
  const std::string_view request(reinterpret_cast<const char*>(data), size);
  const size_t question = request.find('?');
  const std::string path(request.substr(0, question));
  nasij::cli::ApiParams params;
  if (question != std::string_view::npos) {
    std::string_view query = request.substr(question + 1);
    while (!query.empty()) {
      const size_t amp = query.find('&');
      const std::string_view pair = query.substr(0, amp);
      const size_t eq = pair.find('=');
      params.emplace(std::string(pair.substr(0, eq)), eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
      query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    }
  }
  nasij::cli::HandleApi(*store, path, params);
  return 0;
}
