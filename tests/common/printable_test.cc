#include "common/printable.h"

#include <catch2/catch.hpp>

using namespace nasij;

TEST_CASE("Printable shows control characters as escapes and keeps the rest", "[common]") {
  CHECK(Printable("plain, عربي, é \\x") == "plain, عربي, é \\x");
  CHECK(Printable(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(Printable("\x1b]0;title\x07") == "\\x1b]0;title\\x07");
  CHECK(Printable("one\ntwo\tthree\x7f") == "one\\x0atwo\\x09three\\x7f");
  CHECK(Printable("csi\xc2\x9b" "2J") == "csi\\u009b2J");
  CHECK(Printable("\xc2\xa0") == "\xc2\xa0");  // a no-break space is not a control
  CHECK_FALSE(HasControl("Kazakhstan — كازاخستان"));
  CHECK(HasControl("\xc2\x85"));
}
