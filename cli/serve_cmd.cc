#include <chrono>
#include <condition_variable>
#include <functional>
#include <future>
#include <iostream>
#include <map>
#include <mutex>
#include <semaphore>
#include <sstream>
#include <string_view>
#include <thread>

#include "cli/api.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/http_server.h"
#include "export/viewer.h"

namespace nasij::cli {

namespace {

const char kHelp[] = R"(usage: nasij serve [--db PATH] [--port N] [--host ADDRESS] [--allow-host NAMES]
                   [--allow-origin ORIGIN] [--request-deadline SECONDS]

Serves the graph viewer at http://HOST:PORT/ and its JSON API. The viewer
opens on an overview (the most central entities and their strongest links),
or on what its address selects:
/?entity=NAME&hops=N, /?relation=R, /?doc=ID, /?kind=K, /?min_confidence=C, /?from=DAY&to=DAY,
/?source=HOST; /?search=NAME finds and opens a node once drawn.
API:
  /api/query?subject=&relation=&object=&entity=&doc=&lang=&min_confidence=&limit=
             &from=&to=&source=
      each row with its document's doc_title, doc_url, doc_source (the url's
      host, else the record's source) and doc_published, where it has them
  /api/neighbors?entity=&hops=&from=&to=&source=
  /api/path?from=&to=&max_hops=  (from and to are entities here)
  /api/entities?search=&kind=&limit=
  /api/export?format=graphml|gexf|json|node-link|dot|ntriples|turtle|html
             &relation=&doc=&kind=&min_confidence=&from=&to=&source=
  /api/overview?nodes=&edges=&from=&to=&source=
      the nodes most central by PageRank (named entities first) and their
      strongest links
  from= and to= are days, YYYY-MM-DD, both included, compared with the day
  a document was published (one without a date is left out); source= is a
  url's host (www. dropped) or a record's source. A triple is kept when a
  document they admit supports it.
The store is opened once, and again when `nasij ingest` has changed it
(looked at every 100 ms at most), so answers follow an ingest whole
documents at a time. Exports, overviews, paths and neighbours beyond one
hop are answered one at a time; another waits half a second for its turn,
then gets 503 with Retry-After. The overview a page opens on is made
ahead, when the server starts and whenever the store changes; overviews
are kept until it changes.
Requests must name this server as their Host (localhost, a loopback address,
--host, or an --allow-host name; any address with --host 0.0.0.0), which
keeps pages of other sites out.

  --port N                   default 8080; a port in use is an error
  --host ADDRESS             default 127.0.0.1 (this machine only)
  --allow-host NAMES         more host names to answer to, comma-separated
  --allow-origin ORIGIN      let pages of ORIGIN (https://example.org) read answers
  --request-deadline SECONDS time to send a whole request, default 10
)";

constexpr std::chrono::milliseconds kStoreRecheck{100};
// Heavy requests answered at once; each may hold hundreds of MB.
constexpr int kHeavyAtOnce = 1;
using HeavySlots = std::counting_semaphore<kHeavyAtOnce>;
// A slot is freed only after its answer's last bytes are written, which can
// be just after the client has read them and sent its next request: a heavy
// request waits this long for a slot before it is refused.
constexpr std::chrono::milliseconds kHeavyWait{500};
constexpr char kHeavyRetryAfterSeconds[] = "2";

// The viewer's libraries, apart from its page: a browser compiles them off
// its main thread while the page goes on (with them inlined, a 400-node
// neighbourhood waited about 0.1 s more for its first draw), and keeps
// them. Their address carries a digest of them, so it can be kept for good.
constexpr char kLibrariesPath[] = "/viewer-libraries.js";

std::string ContentVersion(std::string_view content) {
  std::ostringstream hex;
  hex << std::hex << std::hash<std::string_view>{}(content);
  return hex.str();
}

HttpResponse LibrariesResponse() {
  HttpResponse response;
  response.content_type = "text/javascript; charset=utf-8";
  response.body = std::string(ViewerLibraries());
  response.headers.emplace_back("Cache-Control", "max-age=31536000, immutable");
  return response;
}

HttpResponse FromApi(ApiResponse answer) {
  HttpResponse response;
  response.status = answer.status;
  response.content_type = std::move(answer.content_type);
  response.body = std::move(answer.body);
  return response;
}

// A slot for a heavy request, held until its answer is sent; null when
// every slot stays taken for kHeavyWait.
std::shared_ptr<void> TakeHeavySlot(HeavySlots& slots) {
  if (!slots.try_acquire_for(kHeavyWait)) return nullptr;
  return std::shared_ptr<void>(&slots, [](void* taken) { static_cast<HeavySlots*>(taken)->release(); });
}

// The overviews of the latest store view, kept: every page opens on one, and
// making one reads the whole store. A request for an overview that is being
// made waits for it rather than making it again.
class OverviewCache {
 public:
  // The overview of `store` with `params`: the one kept, the one being made,
  // or the one `make` makes now. An answer other than 200 is not kept.
  ApiResponse Get(const std::shared_ptr<Store>& store, const ApiParams& params,
                  const std::function<ApiResponse()>& make) {
    std::unique_lock lock(mu_);
    auto kept = kept_.find(params);
    if (kept != kept_.end() && kept->second.store.lock() == store) {
      std::shared_future<ApiResponse> answer = kept->second.answer;
      lock.unlock();
      return answer.get();
    }
    // Few pages filter their overview; each filter is another entry.
    if (kept_.size() >= kKept) kept_.clear();
    std::promise<ApiResponse> promise;
    const std::shared_future<ApiResponse> answer = promise.get_future().share();
    kept_.insert_or_assign(params, Kept{store, answer});
    lock.unlock();
    ApiResponse made = make();
    promise.set_value(made);
    if (made.status != 200) {
      lock.lock();
      auto failed = kept_.find(params);
      if (failed != kept_.end() && failed->second.store.lock() == store) kept_.erase(failed);
    }
    return made;
  }

 private:
  static constexpr size_t kKept = 8;
  struct Kept {
    std::weak_ptr<Store> store;  // expired once a newer view has replaced it and no request holds it
    std::shared_future<ApiResponse> answer;
  };
  std::mutex mu_;
  std::map<ApiParams, Kept> kept_;
};

// Makes the overview a page opens on (no parameters) for each new view of
// the store, when the server starts and after each ingest, so that the
// first visit finds it made or being made. It takes no heavy slot: an
// export asked for as the server starts is not refused for it.
void MakeOverviewsAhead(StoreReader& reader, OverviewCache& overviews, std::stop_token stop) {
  std::mutex mu;
  std::condition_variable_any wake;  // only a stop wakes it early
  std::weak_ptr<Store> made_for;
  while (!stop.stop_requested()) {
    auto store = reader.Current();
    if (store.ok() && made_for.lock() != *store) {
      made_for = *store;
      overviews.Get(*store, {}, [&] { return HandleApi(**store, "/api/overview", {}); });
    }
    std::unique_lock lock(mu);
    wake.wait_for(lock, stop, kStoreRecheck, [] { return false; });
  }
}

std::vector<std::string> CommaSeparated(const std::string& text) {
  std::vector<std::string> items;
  std::istringstream in(text);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) items.push_back(item);
  }
  return items;
}

}  // namespace

int Serve(int argc, char** argv) {
  Args args;
  std::string error;
  if (!args.Parse(argc, argv,
                  {{"help", false}, {"db"}, {"port"}, {"host"}, {"allow-host"}, {"allow-origin"}, {"request-deadline"}},
                  &error)) {
    return Usage("serve", error);
  }
  if (args.Has("help")) {
    std::cout << kHelp;
    return kExitOk;
  }
  HttpServerOptions options;
  int64_t port = options.port;
  int64_t deadline_seconds = std::chrono::duration_cast<std::chrono::seconds>(options.request_deadline).count();
  if (!WholeFlag(args, "port", 0, 65535, &port, &error)) return Usage("serve", error);
  if (!WholeFlag(args, "request-deadline", 1, 3600, &deadline_seconds, &error)) return Usage("serve", error);
  options.port = static_cast<uint16_t>(port);
  options.host = args.Get("host", options.host);
  options.allowed_hosts = CommaSeparated(args.Get("allow-host"));
  options.allow_origin = args.Get("allow-origin");
  options.request_deadline = std::chrono::seconds(deadline_seconds);
  // Answers are CPU work on an open store; a few more threads than cores
  // keep quick answers going while one computes a heavy one.
  options.threads = static_cast<int>(std::max(4u, std::thread::hardware_concurrency() + 2));
  const std::string db = DatabasePath(args);

  auto reader = StoreReader::Open(db, kStoreRecheck);
  if (!reader.ok()) return Fail(reader.status().message());
  // Declared before the server: a connection it ends at shutdown may still
  // hold a heavy slot.
  const std::string page = ServedViewerPage(kLibrariesPath + std::string("?v=") + ContentVersion(ViewerLibraries()));
  HeavySlots heavy_slots{kHeavyAtOnce};
  OverviewCache overviews;
  auto server = HttpServer::Listen(options);
  if (!server.ok()) return Fail(server.status().message());

  auto answer = [&](const HttpRequest& request) -> HttpResponse {
    if (request.path == "/") return FromApi({200, "text/html; charset=utf-8", page});
    if (request.path == kLibrariesPath) return LibrariesResponse();
    if (!request.path.starts_with("/api/")) return FromApi(ApiError(404, "not found"));
    auto store = (*reader)->Current();
    if (!store.ok()) return FromApi(ApiError(503, store.status().message()));
    std::shared_ptr<void> slot;
    auto handle = [&] {
      if (IsHeavyRequest(request.path, request.params) && !(slot = TakeHeavySlot(heavy_slots))) {
        return ApiError(503, "busy with another export, overview, path or wide neighbourhood; retry");
      }
      return HandleApi(**store, request.path, request.params);
    };
    HttpResponse response =
        FromApi(request.path == "/api/overview" ? overviews.Get(*store, request.params, handle) : handle());
    // The one 503 past here: no heavy slot came free, here or for the request making this overview.
    if (response.status == 503) response.headers.emplace_back("Retry-After", kHeavyRetryAfterSeconds);
    // A refusal's answer is a line: its slot is free at once.
    if (response.status == 200) response.held_until_sent = std::move(slot);
    return response;
  };
  std::jthread ahead([&](std::stop_token stop) { MakeOverviewsAhead(**reader, overviews, std::move(stop)); });
  const bool ipv6 = options.host.find(':') != std::string::npos;
  std::cerr << "nasij: serving " << db << " at http://" << (ipv6 ? "[" + options.host + "]" : options.host) << ":"
            << (*server)->port() << "/" << std::endl;
  Status served = (*server)->Run(answer);
  return served.ok() ? kExitOk : Fail(served.message());
}

}  // namespace nasij::cli
