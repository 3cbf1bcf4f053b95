#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "extract/json_reader.h"

using namespace nasij;

namespace {

bool Valid(std::string_view text) {
  json::Document d;
  return d.Parse(text);
}

}  // namespace

TEST_CASE("json::Document reads objects, arrays, strings, numbers and literals", "[json]") {
  json::Document d;
  REQUIRE(d.Parse(R"( {"a": [1, -2.5e3, "x", true, false, null, {}], "b": {"c": "d"}, "a": 7} )"));
  const json::Node& root = d.root();
  REQUIRE(root.type == json::Type::kObject);
  CHECK(root.size == 3);
  const json::Node* a = d.Member(root, "a");  // the first of two members with one key
  REQUIRE(a);
  REQUIRE(a->type == json::Type::kArray);
  CHECK(a->size == 7);
  int64_t i = 0;
  double x = 0;
  CHECK(json::ToInt64(*d.Element(*a, 0), &i));
  CHECK(i == 1);
  CHECK_FALSE(json::ToInt64(*d.Element(*a, 1), &i));
  CHECK(json::ToDouble(*d.Element(*a, 1), &x));
  CHECK(x == -2500);
  CHECK(d.Element(*a, 2)->text == "x");
  CHECK(d.Element(*a, 3)->type == json::Type::kTrue);
  CHECK(d.Element(*a, 4)->type == json::Type::kFalse);
  CHECK(d.Element(*a, 5)->type == json::Type::kNull);
  CHECK(d.Element(*a, 6)->type == json::Type::kObject);
  CHECK(d.Element(*a, 7) == nullptr);
  CHECK(d.Member(*d.Member(root, "b"), "c")->text == "d");
  CHECK(d.Member(root, "missing") == nullptr);
  CHECK(d.Member(*a, "a") == nullptr);  // not an object
}

TEST_CASE("json::Document decodes escapes as nlohmann::json does", "[json]") {
  for (const char* text : {R"("plain")", R"("q\"b\\s\/")", R"("\b\f\n\r\t")", R"("\u00e9\u0645\u0000")",
                           R"("\ud83d\ude00 and 😀")", R"("مرحبا \u0628\u0643")"}) {
    json::Document d;
    REQUIRE(d.Parse(text));
    CHECK(d.root().text == nlohmann::json::parse(text).get<std::string>());
  }
}

TEST_CASE("json::Document refuses what is not strict JSON", "[json]") {
  for (const char* text : {"", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "'a'", "01", "1.", ".5",
                           "-", "1e", "+1", "tru", "nul", "\"a", "\"\\x\"", "\"\\u12\"", "\"\\ud83d\"",
                           "\"\\ude00\"", "\"\\ud83d\\u0041\"", "1 2", "{} x", "[1e999]", "\"a\tb\""}) {
    CAPTURE(text);
    CHECK_FALSE(Valid(text));
  }
  // Bytes that are not UTF-8: a lone continuation byte, an overlong form,
  // an encoded surrogate, a truncated sequence, past U+10FFFF.
  for (std::string bytes : {"\x80", "\xc0\xaf", "\xed\xa0\x80", "\xd9", "\xf4\x90\x80\x80", "\xff"}) {
    CAPTURE(bytes);
    CHECK_FALSE(Valid("\"" + bytes + "\""));
    CHECK_FALSE(Valid("\"\\n" + bytes + "\""));  // after an escape too
  }
  CHECK(Valid(std::string(200, '[') + std::string(200, ']')));
  CHECK_FALSE(Valid(std::string(100000, '[') + std::string(100000, ']')));  // too deep, not a stack overflow
}

TEST_CASE("json number conversions keep to their types' ranges", "[json]") {
  json::Document d;
  REQUIRE(d.Parse("[9223372036854775807, 9223372036854775808, -9223372036854775808, 18446744073709551616, 1e-400]"));
  int64_t i;
  uint64_t u;
  double x;
  CHECK(json::ToInt64(*d.Element(d.root(), 0), &i));
  CHECK(i == INT64_MAX);
  CHECK_FALSE(json::ToInt64(*d.Element(d.root(), 1), &i));
  CHECK(json::ToUint64(*d.Element(d.root(), 1), &u));
  CHECK(u == uint64_t(INT64_MAX) + 1);
  CHECK(json::ToInt64(*d.Element(d.root(), 2), &i));
  CHECK(i == INT64_MIN);
  CHECK_FALSE(json::ToUint64(*d.Element(d.root(), 2), &u));
  CHECK_FALSE(json::ToUint64(*d.Element(d.root(), 3), &u));
  CHECK(json::ToDouble(*d.Element(d.root(), 3), &x));
  CHECK(json::ToDouble(*d.Element(d.root(), 4), &x));
  CHECK(x == 0);
}
