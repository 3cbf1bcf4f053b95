// The HTTP/1.1 server under `nasij serve`: GET only, asynchronous (a slow or
// idle connection holds no thread), one deadline for reading a whole
// request, and answers only to requests addressed to this server.
#ifndef NASIJ_CLI_HTTP_SERVER_H_
#define NASIJ_CLI_HTTP_SERVER_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace nasij::cli {

struct HttpRequest {
  std::string path;                             // percent-decoded, without the query
  std::multimap<std::string, std::string> params;  // the query, decoded
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // beyond type and length
  // Released once the response is written or its connection fails: a
  // handler limiting heavy work holds its slot here.
  std::shared_ptr<void> held_until_sent;
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

// A request target, "/path?name=value&…", with %XX and '+' in the query
// decoded; a malformed escape stays as it is.
HttpRequest ParseTarget(std::string_view target);

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0: any free port
  // From the first byte of a request to its last; an idle keep-alive
  // connection is closed after the same time.
  std::chrono::milliseconds request_deadline{10000};
  std::chrono::milliseconds write_deadline{60000};
  // Host names a request may be addressed to besides localhost, loopback
  // addresses and `host` (any address when `host` is 0.0.0.0 or ::): a page
  // of another site that a rebinding DNS points here names its own host and
  // is refused.
  std::vector<std::string> allowed_hosts;
  // An origin whose pages may read the answers (CORS); none when empty.
  std::string allow_origin;
  int threads = 4;
};

class HttpServer {
 public:
  // Listens on host:port; an address in use is an error, never shared.
  static Result<std::unique_ptr<HttpServer>> Listen(const HttpServerOptions& options);
  virtual ~HttpServer() = default;

  virtual uint16_t port() const = 0;
  // Serves until SIGINT or SIGTERM.
  virtual Status Run(const HttpHandler& handler) = 0;
};

}  // namespace nasij::cli

#endif  // NASIJ_CLI_HTTP_SERVER_H_
