// What the extraction tests of both languages share: one extractor, and a
// lookup of a triple by its three texts (or its relation) that lists all
// triples on failure.
#ifndef NASIJ_TESTS_EXTRACT_EXTRACTION_SUPPORT_H_
#define NASIJ_TESTS_EXTRACT_EXTRACTION_SUPPORT_H_

#include <catch2/catch.hpp>
#include <string>

#include "extract/extract.h"

namespace nasij::testing {

// Extracts `text` as one document, in `lang` or (when empty) as detected.
inline Extraction Run(const std::string& text, const std::string& lang = "") {
  static auto extractor = Extractor::Create();
  REQUIRE(extractor.ok());
  Document d;
  d.id = "t";
  d.text = text;
  d.lang = lang;
  return (*extractor)->Extract(d);
}

// The triple with this subject, relation and object text, or nullptr.
inline const Triple* Find(const Extraction& e, const std::string& s, const std::string& r, const std::string& o) {
  std::string all;
  for (const Triple& t : e.triples) {
    if (t.subject.text == s && t.relation.text == r && t.object.text == o) return &t;
    all += "\n  " + t.subject.text + " | " + t.relation.text + " | " + t.object.text;
  }
  UNSCOPED_INFO("triples:" << all);
  return nullptr;
}

// The first triple whose relation text begins with `relation`, or nullptr:
// for a sentence whose other parts a test does not pin down.
inline const Triple* FindRelation(const Extraction& e, const std::string& relation) {
  std::string all;
  for (const Triple& t : e.triples) {
    if (t.relation.text.starts_with(relation)) return &t;
    all += "\n  " + t.subject.text + " | " + t.relation.text + " | " + t.object.text;
  }
  UNSCOPED_INFO("triples:" << all);
  return nullptr;
}

}  // namespace nasij::testing

#endif  // NASIJ_TESTS_EXTRACT_EXTRACTION_SUPPORT_H_
