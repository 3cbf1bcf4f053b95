// RocksDB's statuses as nasij's. Internal to storage/.
#ifndef NASIJ_STORAGE_ROCKS_STATUS_H_
#define NASIJ_STORAGE_ROCKS_STATUS_H_

#include <rocksdb/status.h>

#include "common/status.h"

namespace nasij {

// The same code where nasij has one; RocksDB's other failures (not
// supported, aborted, timed out …) are reported as I/O errors.
Status FromRocksDb(const rocksdb::Status& s);

}  // namespace nasij

#endif  // NASIJ_STORAGE_ROCKS_STATUS_H_
