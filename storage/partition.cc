// Partition results: one RocksDB table file of whole-document extractions.
//
// Keys are the 8-byte big-endian position of each extraction, so the file's
// order is the order they were added; the last key, "format", holds the
// version and the number of extractions, so a reader can tell a whole file
// from one that lost entries.
#include <fcntl.h>
#include <rocksdb/sst_file_reader.h>
#include <rocksdb/sst_file_writer.h>
#include <unistd.h>

#include <filesystem>

#include "common/numbers.h"
#include "common/status.h"
#include "storage/codec.h"
#include "storage/rocks_status.h"
#include "storage/store.h"

namespace nasij {

namespace {

constexpr int kPartitionFormat = 2;  // 2: triples carry a time, arguments an unresolved flag
const char kFormatKey[] = "format";

std::string PositionKey(uint64_t position) {
  std::string key(8, '\0');
  for (int i = 0; i < 8; ++i) key[i] = static_cast<char>(position >> (8 * (7 - i)));
  return key;
}

std::string FormatValue(uint64_t count) { return std::to_string(kPartitionFormat) + " " + std::to_string(count); }

rocksdb::Options PartitionOptions() {
  rocksdb::Options options;
  options.compression = rocksdb::kZSTD;
  return options;
}

// So that the rename that published a file survives a power loss.
Status SyncDirectory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0 || ::fsync(fd) != 0) {
    if (fd >= 0) ::close(fd);
    return Status::IOError(dir.string() + ": cannot sync the directory");
  }
  ::close(fd);
  return Status::OK();
}

class TablePartitionWriter : public PartitionWriter {
 public:
  explicit TablePartitionWriter(std::string path)
      : path_(std::move(path)),
        partial_(path_ + ".partial-" + std::to_string(::getpid())),
        options_(PartitionOptions()),
        writer_(rocksdb::EnvOptions(), options_) {}
  ~TablePartitionWriter() override {
    if (!finished_) {
      std::error_code ignored;  // nothing to report to: the writer was abandoned
      std::filesystem::remove(partial_, ignored);
    }
  }

  Status Open() {
    Status s = FromRocksDb(writer_.Open(partial_));
    return s.ok() ? s : s.Prefixed(path_);
  }

  Status Add(const Extraction& extraction) override {
    value_.clear();
    codec::EncodeDocumentExtraction(extraction, &value_);
    Status s = FromRocksDb(writer_.Put(PositionKey(count_), value_));
    if (!s.ok()) return s.Prefixed(path_);
    ++count_;
    return Status::OK();
  }

  Status Finish() override {
    Status s = FromRocksDb(writer_.Put(kFormatKey, FormatValue(count_)));
    if (s.ok()) s = FromRocksDb(writer_.Finish());  // syncs the file
    if (!s.ok()) return s.Prefixed(path_);
    std::error_code ec;
    std::filesystem::rename(partial_, path_, ec);
    if (ec) return Status::IOError(path_ + ": " + ec.message());
    finished_ = true;
    return SyncDirectory(std::filesystem::path(path_).parent_path());
  }

 private:
  const std::string path_, partial_;
  const rocksdb::Options options_;
  rocksdb::SstFileWriter writer_;
  uint64_t count_ = 0;
  std::string value_;
  bool finished_ = false;
};

class TablePartitionReader : public PartitionReader {
 public:
  explicit TablePartitionReader(std::string path) : path_(std::move(path)), options_(PartitionOptions()), reader_(options_) {}

  Status Open() {
    Status s = FromRocksDb(reader_.Open(path_));
    if (!s.ok()) return Status::Corruption(path_ + " is not a nasij partition result (" + s.message() + ")");
    it_.reset(reader_.NewIterator(rocksdb::ReadOptions()));
    it_->Seek(kFormatKey);
    if (!it_->Valid() || it_->key() != kFormatKey) return Damaged("it has no format record");
    const std::string format = it_->value().ToString();
    const size_t space = format.find(' ');
    int64_t version = 0, count = 0;
    if (space == std::string::npos || !ParseWhole(std::string_view(format).substr(0, space), 0, INT32_MAX, &version) ||
        !ParseWhole(std::string_view(format).substr(space + 1), 0, INT64_MAX, &count)) {
      return Damaged("its format record '" + format + "' cannot be read");
    }
    if (version != kPartitionFormat) {
      return Status::Corruption(path_ + " is a partition result of format " + std::to_string(version) +
                                "; this nasij reads format " + std::to_string(kPartitionFormat));
    }
    count_ = count;
    it_->SeekToFirst();
    return Status::OK();
  }

  Result<bool> Next(Extraction* next) override {
    if (!it_->status().ok()) return FromRocksDb(it_->status()).Prefixed(path_);
    if (read_ == count_) return false;
    if (!it_->Valid() || it_->key() != PositionKey(read_)) return Damaged("entry " + std::to_string(read_) + " is missing");
    *next = Extraction();
    Status s = codec::DecodeDocumentExtraction(std::string_view(it_->value().data(), it_->value().size()), next);
    if (!s.ok()) return Damaged(s.message());
    ++read_;
    it_->Next();
    return true;
  }

 private:
  Status Damaged(const std::string& why) const { return Status::Corruption(path_ + ": a damaged partition result: " + why); }

  const std::string path_;
  const rocksdb::Options options_;
  rocksdb::SstFileReader reader_;
  std::unique_ptr<rocksdb::Iterator> it_;
  uint64_t count_ = 0, read_ = 0;
};

}  // namespace

Result<std::unique_ptr<PartitionWriter>> PartitionWriter::Create(const std::string& path) {
  auto writer = std::make_unique<TablePartitionWriter>(path);
  Status s = writer->Open();
  if (!s.ok()) return s;
  return std::unique_ptr<PartitionWriter>(std::move(writer));
}

Result<std::unique_ptr<PartitionReader>> PartitionReader::Open(const std::string& path) {
  auto reader = std::make_unique<TablePartitionReader>(path);
  Status s = reader->Open();
  if (!s.ok()) return s;
  return std::unique_ptr<PartitionReader>(std::move(reader));
}

}  // namespace nasij
