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

// Answers GET `path` with `params` from `store`.
// Paths: /api/query /api/neighbors /api/path /api/entities /api/export
// /api/overview.
ApiResponse HandleApi(Store& store, const std::string& path, const ApiParams& params);

// {"error": message} with `status`.
ApiResponse ApiError(int status, const std::string& message);

// Whether answering may take seconds and hundreds of MB on a large store:
// an export, an overview, a path search, neighbours beyond one hop.
bool IsHeavyRequest(const std::string& path, const ApiParams& params);

}  // namespace nasij::cli

#endif  // NASIJ_CLI_API_H_
