#include "storage/codec.h"

#include <catch2/catch.hpp>

using namespace nasij;

TEST_CASE("A record's doubles are little-endian whatever the machine", "[storage]") {
  codec::TripleRecord t;
  t.sources = 1;
  t.confidence = 0.5;  // 0x3FE0000000000000
  std::string bytes;
  codec::EncodeTriple(t, &bytes);
  // Three empty strings and the sources take a byte each; the double follows.
  REQUIRE(bytes.size() >= 12);
  CHECK(bytes.substr(4, 8) == std::string("\0\0\0\0\0\0\xe0\x3f", 8));
  codec::TripleRecord back;
  REQUIRE(codec::DecodeTriple(bytes, &back).ok());
  CHECK(back.confidence == 0.5);
  CHECK(back.sources == 1);
}

TEST_CASE("Every cut of a record is refused as corruption", "[storage]") {
  EntityRow e;
  e.key = "kassym-jomart-tokayev";
  e.kind = "PER";
  e.label = "توكاييف";
  e.aliases = {"Tokayev", "توكاييف"};
  e.mentions = 300;
  e.mention_kinds = {{"PER", 290}, {"LOC", 10}};
  std::string bytes;
  codec::EncodeEntity(e, &bytes);
  EntityRow back;
  REQUIRE(codec::DecodeEntity(bytes, &back).ok());
  CHECK(back.aliases == e.aliases);
  CHECK(back.mentions == 300);
  CHECK(back.mention_kinds == e.mention_kinds);
  for (size_t n = 0; n < bytes.size(); ++n) {
    CHECK(codec::DecodeEntity(bytes.substr(0, n), &back).IsCorruption());
  }
  CHECK(codec::DecodeEntity(bytes + "x", &back).IsCorruption());
}
