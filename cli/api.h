// The JSON API of `nasij serve`, apart from HTTP so that tests and fuzzers
// can call it directly.
#ifndef NASIJ_CLI_API_H_
#define NASIJ_CLI_API_H_

#include <map>
#include <string>

#include "storage/store.h"

namespace nasij::cli {

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

using ApiParams = std::multimap<std::string, std::string>;

// Answers GET `path` with `params`. `store` is opened read-only for each
// request, so answers follow a concurrent ingest, whole documents at a time.
// Paths: /api/query /api/neighbors /api/path /api/entities /api/export.
ApiResponse HandleApi(const std::string& db_path, const std::string& path, const ApiParams& params);

}  // namespace nasij::cli

#endif  // NASIJ_CLI_API_H_
