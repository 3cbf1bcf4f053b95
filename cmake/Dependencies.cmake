# Every dependency is a Debian package; a missing one stops the configure step
# with the package to install (scripts/install-deps installs them all).
macro(nasij_require name package)
  find_package(${name} ${ARGN} QUIET)
  if(NOT ${name}_FOUND)
    message(FATAL_ERROR "nasij needs ${name}: install the Debian package '${package}' "
                        "(scripts/install-deps installs everything)")
  endif()
endmacro()

nasij_require(RocksDB librocksdb-dev CONFIG)
# RocksDB's compression libraries are linked from their archives, for the
# same reason as ICU's below: five shared libraries fewer took 1 ms off every
# process. (Its gflags serves only RocksDB's own tools.)
set(rocksdb_archives "")
foreach(library snappy z bz2 lz4 zstd)
  find_library(NASIJ_${library}_ARCHIVE lib${library}.a)
  if(NOT NASIJ_${library}_ARCHIVE)
    message(FATAL_ERROR "nasij links RocksDB's compression libraries statically, but lib${library}.a is missing: "
                        "reinstall 'librocksdb-dev' (scripts/install-deps)")
  endif()
  list(APPEND rocksdb_archives ${NASIJ_${library}_ARCHIVE})
endforeach()
set_target_properties(RocksDB::rocksdb PROPERTIES INTERFACE_LINK_LIBRARIES "${rocksdb_archives}")
nasij_require(ICU libicu-dev COMPONENTS uc i18n data)
# ICU is linked from the archives libicu-dev ships beside its shared
# libraries: before main, the loader maps and relocates every shared library,
# and ICU's took 4 ms, a quarter of `nasij query --help`, though only the
# extractor calls ICU. In link order: i18n needs uc, uc needs data.
set(NASIJ_ICU_LIBRARIES "")
foreach(part I18N UC DATA)
  string(REGEX REPLACE "\\.so[.0-9]*$" ".a" archive "${ICU_${part}_LIBRARY}")
  if(NOT EXISTS "${archive}")
    message(FATAL_ERROR "nasij links ICU statically, but ${archive} is missing: reinstall 'libicu-dev'")
  endif()
  list(APPEND NASIJ_ICU_LIBRARIES ${archive})
endforeach()
list(APPEND NASIJ_ICU_LIBRARIES ${CMAKE_DL_LIBS})
nasij_require(Boost libboost-graph-dev 1.74)
nasij_require(nlohmann_json nlohmann-json3-dev 3.10)
nasij_require(RapidJSON rapidjson-dev CONFIG)  # header-only: triple records (extract/record.cc)
nasij_require(absl libabsl-dev CONFIG)
# Abseil is linked from the archives libabsl-dev ships beside its shared
# libraries, like ICU: six shared libraries fewer to map and relocate, and
# the nasij binary can link statically (cli/CMakeLists.txt).
get_property(nasij_imported DIRECTORY PROPERTY IMPORTED_TARGETS)
foreach(target ${nasij_imported})
  if(NOT target MATCHES "^absl::")
    continue()
  endif()
  get_target_property(type ${target} TYPE)
  if(NOT type STREQUAL "SHARED_LIBRARY")
    continue()
  endif()
  get_target_property(location ${target} IMPORTED_LOCATION_NONE)
  string(REGEX REPLACE "\\.so[.0-9]*$" ".a" archive "${location}")
  if(NOT EXISTS "${archive}")
    message(FATAL_ERROR "nasij links Abseil statically, but ${archive} is missing: reinstall 'libabsl-dev'")
  endif()
  set_target_properties(${target} PROPERTIES IMPORTED_LOCATION_NONE "${archive}" IMPORTED_LOCATION "${archive}")
endforeach()


# The nasij binary allocates with jemalloc, from its archive: beside glibc's
# malloc, `extract` of real news took 12% less CPU, text ingest 8%, a bulk
# load of 4M triples 17% less time, its peak memory still bounded
# (docs/storage.md, "The allocator"). Not under the sanitizers, which bring
# their own.
find_library(NASIJ_JEMALLOC_ARCHIVE libjemalloc.a)
if(NOT NASIJ_JEMALLOC_ARCHIVE)
  message(FATAL_ERROR "nasij needs jemalloc's archive: install the Debian package 'libjemalloc-dev' "
                      "(scripts/install-deps installs everything)")
endif()
add_library(nasij_allocator INTERFACE)
if(NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize")
  target_link_libraries(nasij_allocator INTERFACE ${NASIJ_JEMALLOC_ARCHIVE} pthread ${CMAKE_DL_LIBS} m)
endif()

nasij_require(Catch2 catch2 2)
nasij_require(SQLite3 libsqlite3-dev)
# English word classes: the tagged lexicon of Lingua::EN::Tagger, read at run time.
find_file(NASIJ_ENGLISH_TAGGED_WORDS words.yml PATHS /usr/share/perl5/Lingua/EN/Tagger NO_DEFAULT_PATH)
if(NOT NASIJ_ENGLISH_TAGGED_WORDS)
  message(FATAL_ERROR "nasij needs Lingua::EN::Tagger's lexicon: install the Debian package 'liblingua-en-tagger-perl' "
                      "(scripts/install-deps installs everything)")
endif()
find_program(NASIJ_NPM npm)
if(NOT NASIJ_NPM)
  message(FATAL_ERROR "nasij needs npm to fetch Cytoscape.js for the viewer: install the Debian package 'npm' "
                      "(scripts/install-deps installs everything)")
endif()
if(NOT EXISTS "${Boost_INCLUDE_DIRS}/boost/graph/adjacency_list.hpp")
  message(FATAL_ERROR "nasij needs Boost.Graph: install the Debian package 'libboost-graph-dev'")
endif()
