// The store beside SQLite on the same pre-extracted triples:
//   1. bulk load (nasij ingest --triples, timed as a command; SQLite: a
//      dictionary table, a triples table and three indexes, one transaction,
//      parsing the same JSON lines);
//   2. neighbour lookup latency in-process (median over random entities);
//   3. bytes on disk per triple.
// usage: store_bench NASIJ_BINARY [--triples N] [--dir DIR]
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench/triples.h"
#include "storage/store.h"

namespace fs = std::filesystem;

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

uint64_t DiskBytes(const fs::path& p) {
  if (fs::is_regular_file(p)) return fs::file_size(p);
  uint64_t total = 0;
  for (const auto& f : fs::recursive_directory_iterator(p)) {
    if (f.is_regular_file()) total += f.file_size();
  }
  return total;
}

// A benchmark that read less than it should would measure nothing.
void Check(const nasij::Status& s) {
  if (!s.ok()) {
    std::cerr << "store_bench: " << s.message() << "\n";
    std::exit(1);
  }
}

void Exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::cerr << "sqlite: " << error << "\n";
    std::exit(1);
  }
}

double LoadSqlite(const fs::path& triples, const fs::path& db_path) {
  auto start = std::chrono::steady_clock::now();
  sqlite3* db;
  sqlite3_open(db_path.c_str(), &db);
  Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
  Exec(db, "CREATE TABLE terms(id INTEGER PRIMARY KEY, term TEXT UNIQUE NOT NULL);"
           "CREATE TABLE triples(s INTEGER, r INTEGER, o INTEGER, doc TEXT, sentence INTEGER, confidence REAL);");
  Exec(db, "BEGIN");
  sqlite3_stmt *term, *triple;
  sqlite3_prepare_v2(db, "INSERT INTO terms(id, term) VALUES(?, ?)", -1, &term, nullptr);
  sqlite3_prepare_v2(db, "INSERT INTO triples VALUES(?, ?, ?, ?, ?, ?)", -1, &triple, nullptr);
  std::unordered_map<std::string, int64_t> ids;
  auto id_of = [&](const std::string& t) {
    auto [it, fresh] = ids.emplace(t, ids.size() + 1);
    if (fresh) {
      sqlite3_bind_int64(term, 1, it->second);
      sqlite3_bind_text(term, 2, t.data(), t.size(), SQLITE_STATIC);
      sqlite3_step(term);
      sqlite3_reset(term);
    }
    return it->second;
  };
  std::ifstream in(triples);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    const std::string doc = j["doc"];
    sqlite3_bind_int64(triple, 1, id_of("e" + j["subject"].get<std::string>()));
    sqlite3_bind_int64(triple, 2, id_of("r" + j["relation"].get<std::string>()));
    sqlite3_bind_int64(triple, 3, id_of("e" + j["object"].get<std::string>()));
    sqlite3_bind_text(triple, 4, doc.data(), doc.size(), SQLITE_TRANSIENT);
    sqlite3_bind_int(triple, 5, j["sentence"]);
    sqlite3_bind_double(triple, 6, j["confidence"]);
    sqlite3_step(triple);
    sqlite3_reset(triple);
  }
  Exec(db, "CREATE INDEX spo ON triples(s, r, o); CREATE INDEX pos ON triples(r, o, s); CREATE INDEX osp ON triples(o, s, r);");
  Exec(db, "COMMIT");
  sqlite3_finalize(term);
  sqlite3_finalize(triple);
  Exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
  sqlite3_close(db);
  return Seconds(start);
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: store_bench NASIJ_BINARY [--triples N] [--dir DIR]\n";
    return 2;
  }
  const std::string nasij = argv[1];
  size_t n = 1000000;
  fs::path dir = fs::temp_directory_path() / "nasij-store-bench";
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::string(argv[i]) == "--triples") n = std::stoul(argv[i + 1]);
    if (std::string(argv[i]) == "--dir") dir = argv[i + 1];
  }
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path triples = dir / "triples.jsonl", store = dir / "nasij.db", sqlite = dir / "sqlite.db";
  std::vector<std::string> names = nasij::bench::WriteTriples(triples, n, 1000);
  std::printf("%zu triples, %zu entity names, %.1f MB of JSON lines\n", n, names.size(), DiskBytes(triples) / 1e6);

  auto start = std::chrono::steady_clock::now();
  const std::string command = nasij + " ingest --db " + store.string() + " --triples " + triples.string() + " 2>&1";
  if (std::system(command.c_str()) != 0) {
    std::cerr << "store_bench: nasij ingest failed\n";
    return 1;
  }
  const double nasij_load = Seconds(start);
  const double sqlite_load = LoadSqlite(triples, sqlite);
  std::printf("bulk load:   nasij %.2f s (%.0f triples/s)   sqlite %.2f s (%.0f triples/s)   nasij/sqlite speed %.2fx\n",
              nasij_load, n / nasij_load, sqlite_load, n / sqlite_load, sqlite_load / nasij_load);

  // Neighbour lookups: every triple touching an entity, either side.
  const std::vector<std::string> probes = nasij::bench::Probes(names, 2000);
  auto opened = nasij::Store::Open(store.string(), nasij::Store::Mode::kReadOnly);
  if (!opened.ok()) {
    std::cerr << "store_bench: " << opened.status().message() << "\n";
    return 1;
  }
  // Each engine answers every probe twice: the first pass warms its caches,
  // the second is measured. nasij answers as ids (what SQLite's query
  // returns) and as full rows with entities and relation decoded (what
  // `nasij neighbors` shows).
  auto median_us = [&](const std::function<size_t(const std::string&)>& lookup, size_t* rows) {
    std::vector<double> us;
    for (int pass = 0; pass < 2; ++pass) {
      for (const auto& name : probes) {
        auto t = std::chrono::steady_clock::now();
        const size_t found = lookup(name);
        if (pass == 1) {
          us.push_back(Seconds(t) * 1e6);
          *rows += found;
        }
      }
    }
    return Median(us);
  };
  size_t nasij_rows = 0, full_rows = 0, sqlite_rows = 0;
  const double nasij_us = median_us(
      [&](const std::string& name) {
        size_t found = 0;
        auto id = (*opened)->EntityId(name);
        Check(id.ok() ? (*opened)->EdgesOf(*id, [&](const nasij::Edge&) { return ++found; }) : id.status());
        return found;
      },
      &nasij_rows);
  const double rows_us = median_us(
      [&](const std::string& name) {
        size_t found = 0;
        Check((*opened)->TriplesOf(name, [&](const nasij::TripleRow&) { return ++found; }));
        return found;
      },
      &full_rows);
  sqlite3* db;
  sqlite3_open(sqlite.c_str(), &db);
  sqlite3_stmt* q;
  sqlite3_prepare_v2(db,
                     "SELECT s, r, o FROM triples WHERE s = (SELECT id FROM terms WHERE term = ?1) "
                     "UNION SELECT s, r, o FROM triples WHERE o = (SELECT id FROM terms WHERE term = ?1)",
                     -1, &q, nullptr);
  const double sqlite_us = median_us(
      [&](const std::string& name) {
        const std::string term = "e" + name;
        size_t found = 0;
        sqlite3_bind_text(q, 1, term.data(), term.size(), SQLITE_STATIC);
        while (sqlite3_step(q) == SQLITE_ROW) ++found;
        sqlite3_reset(q);
        return found;
      },
      &sqlite_rows);
  sqlite3_finalize(q);
  sqlite3_close(db);
  std::printf("neighbours:  nasij median %.1f us (%zu distinct triples)   sqlite median %.1f us (%zu distinct triples)\n",
              nasij_us, nasij_rows, sqlite_us, sqlite_rows);
  std::printf("             nasij with records decoded: median %.1f us (%zu rows)\n", rows_us, full_rows);
  opened.value().reset();
  std::printf("disk:        nasij %.1f bytes/triple   sqlite %.1f bytes/triple\n", DiskBytes(store) / double(n),
              DiskBytes(sqlite) / double(n));
  fs::remove_all(dir);
  return 0;
}
