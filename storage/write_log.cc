#include "storage/write_log.h"

#include <rocksdb/sst_file_writer.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "storage/rocks_status.h"

namespace nasij {

namespace {

constexpr uint32_t kInlineKey = WriteLog::kInlineKey;

// The first 24 bytes of `key`, zero-padded, as three big-endian words.
void InlinePrefix(std::string_view key, uint64_t prefix[3]) {
  char bytes[kInlineKey] = {};
  std::memcpy(bytes, key.data(), std::min<size_t>(key.size(), kInlineKey));
  for (int w = 0; w < 3; ++w) {
    uint64_t word;
    std::memcpy(&word, bytes + 8 * w, 8);
    prefix[w] = __builtin_bswap64(word);
  }
}

}  // namespace

std::string_view WriteLog::FamilyLog::Key(const Entry& e, char (*inline_key)[kInlineKey]) const {
  if (e.key_in_block()) return {At(e), e.key_size};
  for (int w = 0; w < 3; ++w) {
    const uint64_t word = __builtin_bswap64(e.prefix[w]);
    std::memcpy(*inline_key + 8 * w, &word, 8);
  }
  return {*inline_key, e.key_size};
}

bool WriteLog::SameKey(const FamilyLog& f, size_t i, size_t j) {
  const Entry &a = f.entries[i], &b = f.entries[j];
  if (a.prefix[0] != b.prefix[0] || a.prefix[1] != b.prefix[1] || a.prefix[2] != b.prefix[2] ||
      a.key_size != b.key_size) {
    return false;
  }
  return !a.key_in_block() || std::memcmp(f.At(a), f.At(b), a.key_size) == 0;
}

void WriteLog::Add(size_t family, std::string_view key, std::string_view value, bool del) {
  constexpr size_t kBlockSize = 4 << 20;
  FamilyLog& f = families_[family];
  const size_t size = (key.size() > kInlineKey ? key.size() : 0) + value.size();
  if (f.blocks.empty() || f.blocks.back().capacity() - f.blocks.back().size() < size) {
    f.blocks.emplace_back().reserve(std::max(kBlockSize, size));
  }
  std::string& block = f.blocks.back();
  const uint64_t position = (uint64_t{f.blocks.size() - 1} << 32) | block.size();
  Entry& e = f.entries.emplace_back();
  InlinePrefix(key, e.prefix);
  e.position = position;
  e.key_size = static_cast<uint32_t>(key.size());
  e.value_size = del ? kDeleted : static_cast<uint32_t>(value.size());
  if (e.key_in_block()) block.append(key);
  block.append(value);
  ++size_;
}

Status WriteLog::ApplyAsBatch(rocksdb::DB* db, const std::vector<rocksdb::ColumnFamilyHandle*>& handles) const {
  rocksdb::WriteBatch batch;
  for (size_t family = 0; family < families_.size(); ++family) {
    const FamilyLog& f = families_[family];
    for (const Entry& e : f.entries) {
      char inline_key[kInlineKey];
      const std::string_view key = f.Key(e, &inline_key);
      const std::string_view value = f.Value(e);
      if (e.value_size == kDeleted) {
        batch.Delete(handles[family], rocksdb::Slice(key.data(), key.size()));
      } else {
        batch.Put(handles[family], rocksdb::Slice(key.data(), key.size()), rocksdb::Slice(value.data(), value.size()));
      }
    }
  }
  rocksdb::WriteOptions options;
  options.sync = false;  // the WAL still makes the batch all-or-nothing
  return FromRocksDb(db->Write(options, &batch));
}

Status WriteLog::ApplyAsFiles(rocksdb::DB* db, const std::vector<rocksdb::ColumnFamilyHandle*>& handles,
                              const std::vector<rocksdb::Options>& options, const std::string& scratch_dir) {
  // Sort each family; equal keys stay in the order written, so the last is kept.
  ForEachOnAllCores(families_.size(), [&](size_t family) {
    FamilyLog& f = families_[family];
    std::sort(f.entries.begin(), f.entries.end(), [&f](const Entry& a, const Entry& b) {
      if (a.prefix[0] != b.prefix[0]) return a.prefix[0] < b.prefix[0];
      if (a.prefix[1] != b.prefix[1]) return a.prefix[1] < b.prefix[1];
      if (a.prefix[2] != b.prefix[2]) return a.prefix[2] < b.prefix[2];
      // Equal first 24 bytes: a key kept whole in them is the shorter, its
      // padding zeros ahead of whatever the other has there.
      if (a.key_in_block() && b.key_in_block()) {
        const int c = std::string_view(f.At(a), a.key_size).compare(std::string_view(f.At(b), b.key_size));
        if (c != 0) return c < 0;
      } else if (a.key_size != b.key_size) {
        return a.key_size < b.key_size;
      }
      // One key: the order written. A later write starts no earlier in the
      // blocks, and of writes that start at one place (a short key's empty
      // values) only the last can take bytes.
      if (a.position != b.position) return a.position < b.position;
      return f.Value(a).size() < f.Value(b).size();
    });
  });

  // Cut each family into files of about kEntriesPerFile keys, never between
  // two writes of one key, and write the files on every core.
  constexpr size_t kEntriesPerFile = 250000;
  struct Piece {
    size_t family, begin, end;
    std::string file;
  };
  std::vector<Piece> pieces;
  for (size_t family = 0; family < families_.size(); ++family) {
    const FamilyLog& f = families_[family];
    for (size_t begin = 0; begin < f.entries.size();) {
      size_t end = std::min(f.entries.size(), begin + kEntriesPerFile);
      while (end < f.entries.size() && SameKey(f, end, end - 1)) ++end;
      pieces.push_back({family, begin, end, scratch_dir + "/" + std::to_string(pieces.size()) + ".sst"});
      begin = end;
    }
  }
  std::error_code ec;
  std::filesystem::create_directories(scratch_dir, ec);
  if (ec) return Status::IOError(scratch_dir + ": " + ec.message());
  std::vector<Status> results(pieces.size());
  ForEachOnAllCores(pieces.size(), [&](size_t i) {
    const Piece& p = pieces[i];
    const FamilyLog& f = families_[p.family];
    rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options[p.family], handles[p.family]);
    rocksdb::Status st = writer.Open(p.file);
    for (size_t k = p.begin; st.ok() && k < p.end; ++k) {
      const Entry& e = f.entries[k];
      if (k + 1 < p.end && SameKey(f, k, k + 1)) continue;
      char inline_key[kInlineKey];
      const std::string_view key = f.Key(e, &inline_key);
      const std::string_view value = f.Value(e);
      st = writer.Put(rocksdb::Slice(key.data(), key.size()), rocksdb::Slice(value.data(), value.size()));
    }
    if (st.ok()) st = writer.Finish();
    results[i] = FromRocksDb(st);
  });

  Status status = Status::OK();
  for (const Status& r : results) {
    if (!r.ok() && status.ok()) status = r;
  }
  if (status.ok()) {
    std::vector<rocksdb::IngestExternalFileArg> args;
    for (const Piece& p : pieces) {
      if (args.empty() || args.back().column_family != handles[p.family]) {
        args.emplace_back();
        args.back().column_family = handles[p.family];
        args.back().options.move_files = true;
      }
      args.back().external_files.push_back(p.file);
    }
    if (!args.empty()) status = FromRocksDb(db->IngestExternalFiles(args));
  }
  std::filesystem::remove_all(scratch_dir, ec);
  return status;
}

}  // namespace nasij
