#include "storage/write_log.h"

#include <rocksdb/db.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace nasij {
namespace {

namespace fs = std::filesystem;

// A RocksDB of two families in a directory of its own, removed after.
struct TwoFamilyDb {
  fs::path path;
  rocksdb::DB* db = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  explicit TwoFamilyDb(const std::string& name) {
    path = fs::temp_directory_path() / ("nasij-log-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(path);
    rocksdb::DBOptions options;
    options.create_if_missing = true;
    options.create_missing_column_families = true;
    std::vector<rocksdb::ColumnFamilyDescriptor> families{{"default", {}}, {"written", {}}};
    REQUIRE(rocksdb::DB::Open(options, path.string(), families, &handles, &db).ok());
  }
  ~TwoFamilyDb() {
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
    delete db;
    fs::remove_all(path);
  }
  std::map<std::string, std::string> Written() {
    std::map<std::string, std::string> out;
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), handles[1]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) out[it->key().ToString()] = it->value().ToString();
    REQUIRE(it->status().ok());
    return out;
  }
};

// Keys of 0 to 40 bytes from few letters and zeros, so that many share
// their first 24 bytes, differ only past them or in trailing zeros, and
// come back with new values.
std::vector<std::pair<std::string, std::string>> CollidingWrites() {
  std::mt19937 random(7);
  const std::string letters("ab\0", 3);
  std::vector<std::pair<std::string, std::string>> writes;
  for (int i = 0; i < 20000; ++i) {
    const size_t size = random() % 2 ? random() % 26 : random() % 41;
    std::string key(size, 'a');
    for (size_t k : {size_t{21}, size_t{23}, size - 1}) {
      if (k < size) key[k] = letters[random() % letters.size()];
    }
    // Mostly empty: writes that take no bytes all start at one place.
    std::string value(random() % 4 == 0 ? 1 + random() % 2 : 0, static_cast<char>('0' + i % 10));
    writes.emplace_back(std::move(key), std::move(value));
  }
  return writes;
}

}  // namespace

TEST_CASE("A write log's table files hold what its batch holds: the last write of each key") {
  const auto writes = CollidingWrites();
  std::map<std::string, std::string> last;
  WriteLog as_batch(2), as_files(2);
  for (const auto& [key, value] : writes) {
    last[key] = value;
    as_batch.Put(1, key, value);
    as_files.Put(1, key, value);
  }
  REQUIRE(last.size() > 500);
  REQUIRE(last.size() < writes.size() / 4);  // most keys are written again

  TwoFamilyDb batch_db("batch"), files_db("files");
  REQUIRE(as_batch.ApplyAsBatch(batch_db.db, batch_db.handles).ok());
  std::vector<rocksdb::Options> options(2);
  REQUIRE(as_files.ApplyAsFiles(files_db.db, files_db.handles, options, (files_db.path / "scratch").string()).ok());
  CHECK(batch_db.Written() == last);
  CHECK(files_db.Written() == last);
}

TEST_CASE("A write log keeps a short key's empty value and a later one apart") {
  for (const std::vector<std::string>& values : {std::vector<std::string>{"", "x"}, {"x", ""}, {"", "", "y"}}) {
    WriteLog log(2);
    for (const std::string& value : values) log.Put(1, "k", value);
    TwoFamilyDb db("order");
    REQUIRE(log.ApplyAsFiles(db.db, db.handles, std::vector<rocksdb::Options>(2), (db.path / "scratch").string()).ok());
    CHECK(db.Written() == std::map<std::string, std::string>{{"k", values.back()}});
  }
}

}  // namespace nasij
