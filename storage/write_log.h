// The writes of one ingest, kept in one buffer per column family and applied
// all-or-nothing: as one WriteBatch, or, for a large load without deletes,
// sorted into SST files that RocksDB ingests in one step. Internal to storage/.
#ifndef NASIJ_STORAGE_WRITE_LOG_H_
#define NASIJ_STORAGE_WRITE_LOG_H_

#include <rocksdb/db.h>
#include <rocksdb/options.h>

#include <cstdint>
#include <atomic>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "common/status.h"

namespace nasij {

// Runs `task(i)` for i in [0, n) on every core.
template <typename Task>
void ForEachOnAllCores(size_t n, Task task) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) task(i);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::max(1u, std::thread::hardware_concurrency()); ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

class WriteLog {
 public:
  static constexpr uint32_t kInlineKey = 24;  // keys up to this long are kept only in an entry's prefix

  explicit WriteLog(size_t families) : families_(families) {}

  void Put(size_t family, std::string_view key, std::string_view value) { Add(family, key, value, false); }
  void Delete(size_t family, std::string_view key) {
    Add(family, key, {}, true);
    has_deletes_ = true;
  }
  size_t size() const { return size_; }
  // Moves `other`'s writes to `family` here; this log has none to it yet.
  void TakeFamily(size_t family, WriteLog* other) {
    size_ += other->families_[family].entries.size();
    has_deletes_ |= other->has_deletes_;
    families_[family] = std::move(other->families_[family]);
  }
  bool has_deletes() const { return has_deletes_; }

  // Applies the writes in order, as one WriteBatch.
  Status ApplyAsBatch(rocksdb::DB* db, const std::vector<rocksdb::ColumnFamilyHandle*>& handles) const;
  // Sorts each family's puts (the later of two to one key wins), writes
  // them as SST files in `scratch_dir` on every core, each family's with
  // its `options`, and ingests all files in one atomic IngestExternalFiles.
  // Only for logs without deletes.
  Status ApplyAsFiles(rocksdb::DB* db, const std::vector<rocksdb::ColumnFamilyHandle*>& handles,
                      const std::vector<rocksdb::Options>& options, const std::string& scratch_dir);

 private:
  struct Entry {
    // The key's first 24 bytes, big-endian, zero-padded: most comparisons
    // end here, and a key no longer than that is kept only here.
    uint64_t prefix[3];
    uint64_t position;  // block index << 32 | offset in the block: of the key if longer, else of the value
    uint32_t key_size, value_size;  // value_size kDeleted for a delete
    bool key_in_block() const { return key_size > kInlineKey; }
  };
  static constexpr uint32_t kDeleted = UINT32_MAX;
  // Long keys and values go into blocks that are never reallocated: a load
  // of hundreds of megabytes is written once, not copied at every doubling.
  // Short keys, most of them (ids, triples), are not written twice.
  struct FamilyLog {
    std::vector<std::string> blocks;
    std::vector<Entry> entries;
    const char* At(const Entry& e) const { return blocks[e.position >> 32].data() + (e.position & 0xffffffff); }
    // The key, from `e.prefix` into `*inline_key` if it is kept there.
    std::string_view Key(const Entry& e, char (*inline_key)[kInlineKey]) const;
    std::string_view Value(const Entry& e) const {
      return {At(e) + (e.key_in_block() ? e.key_size : 0), e.value_size == kDeleted ? 0 : e.value_size};
    }
  };


  static bool SameKey(const FamilyLog& f, size_t i, size_t j);
  void Add(size_t family, std::string_view key, std::string_view value, bool del);

  std::vector<FamilyLog> families_;
  size_t size_ = 0;
  bool has_deletes_ = false;
};

}  // namespace nasij

#endif  // NASIJ_STORAGE_WRITE_LOG_H_
