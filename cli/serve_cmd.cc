#include <httplib.h>

#include <iostream>

#include "cli/api.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "export/viewer.h"

namespace nasij::cli {

namespace {

const char kHelp[] = R"(usage: nasij serve [--db PATH] [--port N] [--host ADDRESS]

Serves the graph viewer at http://HOST:PORT/ and its JSON API. The viewer
draws the whole store, or what its address selects:
/?entity=NAME&hops=N, /?relation=R, /?doc=ID, /?kind=K, /?min_confidence=C;
/?search=NAME finds and opens a node once drawn.
API:
  /api/query?subject=&relation=&object=&entity=&doc=&lang=&min_confidence=&limit=
  /api/neighbors?entity=&hops=
  /api/path?from=&to=&max_hops=
  /api/entities?search=&kind=&limit=
  /api/export?format=graphml|gexf|json|node-link|dot|ntriples|turtle|html
Each request reads the store as it is then, so serving while `nasij ingest`
runs shows whole documents as they land.

  --port N        default 8080
  --host ADDRESS  default 127.0.0.1 (this machine only)
)";

// Bounds on what a client may send or hold.
constexpr size_t kMaxRequestBytes = 64 * 1024;
constexpr time_t kTimeoutSeconds = 10;

}  // namespace

int Serve(int argc, char** argv) {
  Args args;
  std::string error;
  if (!args.Parse(argc, argv, {{"help", false}, {"db"}, {"port"}, {"host"}}, &error)) return Usage("serve", error);
  if (args.Has("help")) {
    std::cout << kHelp;
    return kExitOk;
  }
  int64_t port = 8080;
  if (!WholeFlag(args, "port", 0, 65535, &port, &error)) return Usage("serve", error);
  const std::string host = args.Get("host", "127.0.0.1"), db = DatabasePath(args);
  {
    auto store = Store::Open(db, Store::Mode::kReadOnly);  // refuse a bad --db before listening
    if (!store.ok()) return Fail(store.status().message());
  }

  httplib::Server server;
  server.set_payload_max_length(kMaxRequestBytes);
  server.set_read_timeout(kTimeoutSeconds, 0);
  server.set_write_timeout(kTimeoutSeconds, 0);
  const std::string page = ViewerPage("null");
  server.Get("/", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(page, "text/html; charset=utf-8");
  });
  server.Get(R"(/api/[a-z]+)", [&](const httplib::Request& req, httplib::Response& res) {
    ApiParams params(req.params.begin(), req.params.end());
    ApiResponse answer = HandleApi(db, req.path, params);
    res.status = answer.status;
    res.set_content(answer.body, answer.content_type);
  });
  // Nothing else is served: no files, no other methods.
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) res.set_content("{\"error\":\"" + std::to_string(res.status) + "\"}", "application/json");
  });
  if (port == 0) {
    port = server.bind_to_any_port(host);
    if (port < 0) return Fail("cannot listen on " + host);
  } else if (!server.bind_to_port(host, static_cast<int>(port))) {
    return Fail("cannot listen on " + host + ":" + std::to_string(port));
  }
  std::cerr << "nasij: serving " << db << " at http://" << host << ":" << port << "/" << std::endl;
  return server.listen_after_bind() ? kExitOk : Fail("the server stopped");
}

}  // namespace nasij::cli
