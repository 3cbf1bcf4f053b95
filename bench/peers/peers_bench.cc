// The native half of `make bench-peers` (issue #16); run.js drives it.
//   peers_bench write DIR TRIPLES PER_DOC
//       writes DIR/triples.jsonl (bench/triples.h) and DIR/probes.txt, the
//       entity names every engine looks up, one a line.
//   peers_bench lookups NASIJ_DB SQLITE_DB PROBES
//       1-hop lookup medians in this process, as one JSON object: ids only
//       and full rows (names, relation, provenance), nasij and SQLite.
//   peers_bench wall RUNS COMMAND [ARG...]
//       median wall milliseconds of COMMAND, start to exit, output discarded.
#include <fcntl.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "bench/triples.h"
#include "storage/store.h"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

double Micros(Clock::time_point since) {
  return std::chrono::duration<double, std::micro>(Clock::now() - since).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

[[noreturn]] void Die(const std::string& why) {
  std::cerr << "peers_bench: " << why << "\n";
  std::exit(1);
}

int Write(const std::string& dir, size_t triples, size_t per_doc) {
  const auto names = nasij::bench::WriteTriples(dir + "/triples.jsonl", triples, per_doc);
  std::ofstream probes(dir + "/probes.txt");
  for (const auto& name : nasij::bench::Probes(names, 2000)) probes << name << '\n';
  std::cout << names.size() << "\n";
  return 0;
}

// Asks `lookup` about every probe twice: the first pass warms caches, the
// second is timed. A lookup returns how many rows it read, so a lookup that
// silently found nothing shows in the row count.
struct Timing {
  double median_us;
  size_t rows;
};
Timing TimeLookups(const std::vector<std::string>& probes, const std::function<size_t(const std::string&)>& lookup) {
  std::vector<double> us;
  size_t rows = 0;
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& name : probes) {
      const auto start = Clock::now();
      const size_t found = lookup(name);
      if (pass == 0) continue;
      us.push_back(Micros(start));
      rows += found;
    }
  }
  return {Median(us), rows};
}

sqlite3_stmt* Prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK) Die(sqlite3_errmsg(db));
  return statement;
}

// Runs `statement` for one entity name (stored as "e" + name in terms),
// reading every column in its own type so full rows are really decoded.
size_t RunSqlite(sqlite3_stmt* statement, const std::string& name) {
  const std::string term = "e" + name;
  sqlite3_bind_text(statement, 1, term.data(), static_cast<int>(term.size()), SQLITE_STATIC);
  size_t rows = 0;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    ++rows;
    for (int c = 0; c < sqlite3_column_count(statement); ++c) {
      switch (sqlite3_column_type(statement, c)) {
        case SQLITE_INTEGER: sqlite3_column_int64(statement, c); break;
        case SQLITE_FLOAT: sqlite3_column_double(statement, c); break;
        default: sqlite3_column_text(statement, c);
      }
    }
  }
  sqlite3_reset(statement);
  return rows;
}

void Check(const nasij::Status& s) {
  if (!s.ok()) Die(s.message());
}

int Lookups(const std::string& nasij_db, const std::string& sqlite_db, const std::string& probes_file) {
  std::vector<std::string> probes;
  std::ifstream in(probes_file);
  for (std::string line; std::getline(in, line);) probes.push_back(line);
  if (probes.empty()) Die("no probes in " + probes_file);

  auto store = nasij::Store::Open(nasij_db, nasij::Store::Mode::kReadOnly);
  if (!store.ok()) Die(store.status().message());
  nasij::Store& s = **store;
  const Timing nasij_ids = TimeLookups(probes, [&](const std::string& name) {
    size_t found = 0;
    auto id = s.EntityId(name);
    Check(id.ok() ? s.EdgesOf(*id, [&](const nasij::Edge&) { return ++found; }) : id.status());
    return found;
  });
  const Timing nasij_rows = TimeLookups(probes, [&](const std::string& name) {
    size_t found = 0;
    Check(s.TriplesOf(name, [&](const nasij::TripleRow&) { return ++found; }));
    return found;
  });
  store->reset();  // each engine measured alone

  sqlite3* db = nullptr;
  if (sqlite3_open_v2(sqlite_db.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) Die(sqlite3_errmsg(db));
  // Ids only: the triples on either side of the entity, as nasij's EdgesOf.
  sqlite3_stmt* ids = Prepare(db,
                              "SELECT s, r, o FROM triples WHERE s = (SELECT id FROM terms WHERE term = ?1) "
                              "UNION SELECT s, r, o FROM triples WHERE o = (SELECT id FROM terms WHERE term = ?1)");
  // Full rows: names, relation and provenance, as nasij's TriplesOf.
  sqlite3_stmt* rows = Prepare(db,
                               "WITH e(id) AS (SELECT id FROM terms WHERE term = ?1), "
                               "hit AS (SELECT t.* FROM triples t, e WHERE t.s = e.id "
                               "        UNION SELECT t.* FROM triples t, e WHERE t.o = e.id) "
                               "SELECT ts.term, tr.term, tob.term, hit.doc, hit.sentence, hit.confidence FROM hit "
                               "JOIN terms ts ON ts.id = hit.s JOIN terms tr ON tr.id = hit.r "
                               "JOIN terms tob ON tob.id = hit.o");
  const Timing sqlite_ids = TimeLookups(probes, [&](const std::string& name) { return RunSqlite(ids, name); });
  const Timing sqlite_rows = TimeLookups(probes, [&](const std::string& name) { return RunSqlite(rows, name); });
  sqlite3_finalize(ids);
  sqlite3_finalize(rows);
  sqlite3_close(db);

  std::printf(
      "{\"nasij_ids_us\": %.2f, \"nasij_ids_rows\": %zu, \"nasij_rows_us\": %.2f, \"nasij_rows_rows\": %zu, "
      "\"sqlite_ids_us\": %.2f, \"sqlite_ids_rows\": %zu, \"sqlite_rows_us\": %.2f, \"sqlite_rows_rows\": %zu}\n",
      nasij_ids.median_us, nasij_ids.rows, nasij_rows.median_us, nasij_rows.rows, sqlite_ids.median_us,
      sqlite_ids.rows, sqlite_rows.median_us, sqlite_rows.rows);
  return 0;
}

// posix_spawn rather than system(): no shell in the measured time.
double RunOnceMs(char** argv) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  const auto start = Clock::now();
  pid_t pid;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv, environ) != 0) Die(std::string("cannot run ") + argv[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  const double ms = Micros(start) / 1000;
  posix_spawn_file_actions_destroy(&actions);
  // An absent entity may exit non-zero; a crash is never a figure.
  if (!WIFEXITED(status)) Die(std::string(argv[0]) + " did not exit");
  return ms;
}

int Wall(int runs, char** argv) {
  RunOnceMs(argv);  // warms the page cache; not counted
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) ms.push_back(RunOnceMs(argv));
  std::printf("%.2f\n", Median(ms));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "write" && argc == 5) return Write(argv[2], std::stoul(argv[3]), std::stoul(argv[4]));
  if (mode == "lookups" && argc == 5) return Lookups(argv[2], argv[3], argv[4]);
  if (mode == "wall" && argc >= 4) return Wall(std::stoi(argv[2]), argv + 3);
  std::cerr << "usage: peers_bench write DIR TRIPLES PER_DOC\n"
               "       peers_bench lookups NASIJ_DB SQLITE_DB PROBES\n"
               "       peers_bench wall RUNS COMMAND [ARG...]\n";
  return 2;
}
