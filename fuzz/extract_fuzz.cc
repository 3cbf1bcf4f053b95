// Arbitrary bytes as a document's text, in Arabic, English, or detected.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto extractor = nasij::Extractor::Create();
  if (!extractor.ok() || size == 0) return 0;
  nasij::Document doc;
  doc.id = "fuzz";
  const char* langs[] = {"", "ar", "en"};
  doc.lang = langs[data[0] % 3];
  doc.text.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  const nasij::Extraction ex = (*extractor)->Extract(doc);
  for (const nasij::Triple& t : ex.triples) nasij::TripleRecord(doc.id, t);
  for (const nasij::Mention& m : ex.mentions) nasij::MentionRecord(doc.id, m);
  return 0;
}
