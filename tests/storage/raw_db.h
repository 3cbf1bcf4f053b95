// The store's RocksDB opened directly, for tests that damage it as a disk or
// a careless hand would.
#ifndef NASIJ_TESTS_STORAGE_RAW_DB_H_
#define NASIJ_TESTS_STORAGE_RAW_DB_H_

#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace nasij::testing {

inline const char* const kFamilies[] = {"default", "term_to_id", "id_to_term", "spo",       "pos",       "osp",
                                 "triples", "extractions", "entities",  "aliases", "documents", "sentences"};

struct RawDb {
  rocksdb::DB* db = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  explicit RawDb(const std::filesystem::path& path) {
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const char* name : kFamilies) families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    REQUIRE(rocksdb::DB::Open(rocksdb::DBOptions(), path.string(), families, &handles, &db).ok());
  }
  ~RawDb() {
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
    delete db;
  }
  rocksdb::ColumnFamilyHandle* Family(const std::string& name) {
    for (auto* h : handles) {
      if (h->GetName() == name) return h;
    }
    FAIL("no column family " << name);
    return nullptr;
  }
  // Replaces every value of `family` with what `change` makes of it.
  void Rewrite(const std::string& family, const std::function<std::string(const std::string&)>& change) {
    rocksdb::ColumnFamilyHandle* h = Family(family);
    std::vector<std::pair<std::string, std::string>> entries;
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), h));
    for (it->SeekToFirst(); it->Valid(); it->Next()) entries.emplace_back(it->key().ToString(), it->value().ToString());
    REQUIRE(it->status().ok());
    REQUIRE_FALSE(entries.empty());
    for (const auto& [key, value] : entries) REQUIRE(db->Put(rocksdb::WriteOptions(), h, key, change(value)).ok());
  }
  // Writes every family to table files, so that their bytes are on disk.
  void Flush() {
    for (auto* h : handles) REQUIRE(db->Flush(rocksdb::FlushOptions(), h).ok());
  }
  // The table files holding `family`, or only its keys from `first` to `last`.
  std::vector<std::filesystem::path> Tables(const std::string& family, const std::string& first = "",
                               const std::string& last = "\xff") {
    std::vector<rocksdb::LiveFileMetaData> files;
    db->GetLiveFilesMetaData(&files);
    std::vector<std::filesystem::path> out;
    for (const auto& f : files) {
      if (f.column_family_name == family && f.smallestkey <= last && first <= f.largestkey) {
        out.push_back(std::filesystem::path(f.db_path) / std::filesystem::path(f.name).relative_path());
      }
    }
    return out;
  }
};

}  // namespace nasij::testing

#endif  // NASIJ_TESTS_STORAGE_RAW_DB_H_
