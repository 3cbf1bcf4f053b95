#include "common/numbers.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace nasij;

TEST_CASE("Whole numbers are the whole text, in range", "[common]") {
  int64_t v = 7;
  CHECK(ParseWhole("42", 0, 100, &v));
  CHECK(v == 42);
  CHECK(ParseWhole("0", 0, 100, &v));
  CHECK(v == 0);
  CHECK(ParseWhole("-3", -5, 5, &v));
  CHECK(v == -3);
  CHECK(ParseWhole("9223372036854775807", 0, INT64_MAX, &v));
  CHECK(v == INT64_MAX);
  v = 7;
  for (const char* bad : {"2x", "x2", "", " 2", "2 ", "+2", "2.0", "0x10", "-1", "101", "9223372036854775808",
                          "99999999999999999999999"}) {
    CHECK_FALSE(ParseWhole(bad, 0, 100, &v));
    CHECK(v == 7);  // left as it was
  }
}

TEST_CASE("Fractions are finite numbers from 0 to 1", "[common]") {
  double v = 0.25;
  CHECK(ParseFraction("0.5", &v));
  CHECK(v == 0.5);
  CHECK(ParseFraction("1", &v));
  CHECK(v == 1);
  CHECK(ParseFraction("0", &v));
  CHECK(v == 0);
  CHECK(ParseFraction("5e-1", &v));
  CHECK(v == 0.5);
  v = 0.25;
  for (const char* bad : {"nan", "NaN", "inf", "-inf", "5", "-0.1", "1.01", "0.5x", "", " 0.5", "+0.5", "1e999"}) {
    CHECK_FALSE(ParseFraction(bad, &v));
    CHECK(v == 0.25);
  }
}
