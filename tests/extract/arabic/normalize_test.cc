#include "extract/arabic/normalize.h"

#include <catch2/catch.hpp>

using nasij::arabic::EndsWithTaaMarbuta;
using nasij::arabic::Normalize;

TEST_CASE("Normalize drops diacritics and tatweel", "[arabic][normalize]") {
  CHECK(Normalize("كَتَبَ") == "كتب");
  CHECK(Normalize("الـحـكـومـة") == "الحكومه");
  CHECK(Normalize("مُحَمَّدٌ") == "محمد");
}

TEST_CASE("Normalize folds letter variants", "[arabic][normalize]") {
  CHECK(Normalize("أحمد") == "احمد");
  CHECK(Normalize("إسرائيل") == "اسراييل");
  CHECK(Normalize("آسيا") == "اسيا");
  CHECK(Normalize("مستشفى") == "مستشفي");
  CHECK(Normalize("مدينة") == "مدينه");
  CHECK(Normalize("مؤتمر") == "موتمر");
}

TEST_CASE("Normalize maps Arabic-Indic digits and lowercases ASCII", "[arabic][normalize]") {
  CHECK(Normalize("٢٠٢٢") == "2022");
  CHECK(Normalize("۱۹۹۱") == "1991");
  CHECK(Normalize("NATO") == "nato");
}

TEST_CASE("EndsWithTaaMarbuta looks past trailing diacritics", "[arabic][normalize]") {
  CHECK(EndsWithTaaMarbuta("مدينة"));
  CHECK(EndsWithTaaMarbuta("مدينةٌ"));
  CHECK_FALSE(EndsWithTaaMarbuta("مدينه"));
  CHECK_FALSE(EndsWithTaaMarbuta(""));
}
