#include "cli/http_server.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <csignal>
#include <exception>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "common/ascii.h"

namespace nasij::cli {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;

// Bounds on what a client may send or hold.
constexpr uint32_t kMaxHeaderBytes = 16 * 1024;
constexpr uint64_t kMaxBodyBytes = 64 * 1024;
constexpr int kMaxConnections = 1000;
// How long to wait before accepting again when accepting failed (out of
// descriptors, say), rather than spinning.
constexpr std::chrono::milliseconds kAcceptBackoff{100};

HttpResponse ErrorResponse(int status, const std::string& message) {
  HttpResponse response;
  response.status = status;
  response.body = nlohmann::json{{"error", message}}.dump();
  return response;
}

// Boost 1.74's Beast has a string_view of its own.
std::string_view View(beast::string_view text) { return {text.data(), text.size()}; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// %XX decoded; '+' is a space in a query. A malformed escape stays as it is.
std::string Decoded(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else {
      out += plus_is_space && text[i] == '+' ? ' ' : text[i];
    }
  }
  return out;
}

}  // namespace

HttpRequest ParseTarget(std::string_view target) {
  HttpRequest request;
  const size_t question = target.find('?');
  request.path = Decoded(target.substr(0, question), false);
  std::string_view query = question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const size_t eq = pair.find('=');
    if (!pair.empty()) {
      request.params.emplace(Decoded(pair.substr(0, eq), true),
                             eq == std::string_view::npos ? "" : Decoded(pair.substr(eq + 1), true));
    }
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
  }
  return request;
}

namespace {

// The host of a Host header ("name:port", "[::1]:port"), lowercased.
std::string HostName(std::string_view header) {
  if (header.starts_with('[')) return AsciiLowercase(header.substr(1, header.find(']') - 1));
  return AsciiLowercase(header.substr(0, header.find(':')));
}

// The host of an Origin header ("https://name:port"); empty for "null".
std::string OriginHost(std::string_view origin) {
  const size_t scheme_end = origin.find("://");
  return scheme_end == std::string_view::npos ? "" : HostName(origin.substr(scheme_end + 3));
}

bool HostAllowed(std::string_view header, const HttpServerOptions& options) {
  const std::string name = HostName(header);
  if (name.empty()) return false;
  if (name == "localhost" || name == AsciiLowercase(options.host)) return true;
  for (const std::string& allowed : options.allowed_hosts) {
    if (name == AsciiLowercase(allowed)) return true;
  }
  // An address cannot be rebound by a DNS answer: a loopback one reaches
  // this machine, and when serving every address any address of it does.
  error_code ec;
  const asio::ip::address address = asio::ip::make_address(name, ec);
  if (ec) return false;
  const asio::ip::address served = asio::ip::make_address(options.host, ec);
  return address.is_loopback() || (!ec && served.is_unspecified());
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const HttpServerOptions& options, const HttpHandler& handler,
          std::atomic<int>& open_sessions)
      : stream_(std::move(socket)), options_(options), handler_(handler), open_sessions_(open_sessions) {}
  ~Session() { --open_sessions_; }

  void Start() { ReadRequest(); }

 private:
  void ReadRequest() {
    parser_.emplace();
    parser_->header_limit(kMaxHeaderBytes);
    parser_->body_limit(kMaxBodyBytes);
    stream_.expires_after(options_.request_deadline);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](error_code ec, size_t) { self->OnRequest(ec); });
  }

  void OnRequest(error_code ec) {
    if (ec == http::error::header_limit) return Send(ErrorResponse(431, "request header too large"), false);
    if (ec == http::error::body_limit) return Send(ErrorResponse(413, "request body too large"), false);
    if (ec && ec.category() == http::make_error_code(http::error::bad_target).category() &&
        ec != http::error::end_of_stream && ec != http::error::partial_message) {
      return Send(ErrorResponse(400, "malformed request"), false);
    }
    if (ec) return Close();  // the client left, or the deadline passed
    const auto& request = parser_->get();
    Send(Answer(request), request.keep_alive());
  }

  HttpResponse Answer(const http::request<http::string_body>& request) {
    if (request.method() != http::verb::get) {
      HttpResponse refused = ErrorResponse(405, "only GET is served");
      refused.headers.emplace_back("Allow", "GET");
      return refused;
    }
    const auto host = request.find(http::field::host);
    if (host == request.end() || !HostAllowed(View(host->value()), options_)) {
      return ErrorResponse(421, "this server does not serve that host");
    }
    const auto origin = request.find(http::field::origin);
    const bool cross_origin_allowed =
        origin != request.end() && !options_.allow_origin.empty() && origin->value() == options_.allow_origin;
    const bool same_origin =
        origin != request.end() && OriginHost(View(origin->value())) == HostName(View(host->value()));
    if (origin != request.end() && !cross_origin_allowed && !same_origin) {
      return ErrorResponse(403, "requests from other sites are not served");
    }
    HttpResponse response;
    try {
      response = handler_(ParseTarget(View(request.target())));
    } catch (const std::exception& e) {
      response = ErrorResponse(500, std::string("internal error: ") + e.what());
    }
    if (cross_origin_allowed) {
      response.headers.emplace_back("Access-Control-Allow-Origin", options_.allow_origin);
      response.headers.emplace_back("Vary", "Origin");
    }
    return response;
  }

  void Send(HttpResponse response, bool keep_alive) {
    auto message = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(response.status), 11);
    message->set(http::field::content_type, response.content_type);
    for (const auto& [name, value] : response.headers) message->set(name, value);
    message->body() = std::move(response.body);
    message->keep_alive(keep_alive);
    message->prepare_payload();
    stream_.expires_after(options_.write_deadline);
    http::async_write(stream_, *message,
                      [self = shared_from_this(), message, held = std::move(response.held_until_sent)](error_code ec,
                                                                                                       size_t) {
                        if (ec || !message->keep_alive()) return self->Close();
                        self->ReadRequest();
                      });
  }

  void Close() {
    error_code ignored;  // the connection is going either way
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  const HttpServerOptions& options_;
  const HttpHandler& handler_;
  std::atomic<int>& open_sessions_;
};

class AsioServer : public HttpServer {
 public:
  explicit AsioServer(const HttpServerOptions& options)
      : options_(options), io_(options.threads), acceptor_(io_), retry_timer_(io_) {}

  Status Bind() {
    error_code ec;
    tcp::resolver resolver(io_);
    auto endpoints = resolver.resolve(options_.host, std::to_string(options_.port), ec);
    const std::string where = options_.host + ":" + std::to_string(options_.port);
    if (ec || endpoints.empty()) return Status::InvalidArgument("cannot listen on " + where + ": no such address");
    const tcp::endpoint endpoint = *endpoints.begin();
    // SO_REUSEADDR (not SO_REUSEPORT): a restart may take the port from a
    // closing predecessor, but never from a server that still listens.
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    return ec ? Status::IOError("cannot listen on " + where + ": " + ec.message()) : Status::OK();
  }

  uint16_t port() const override { return acceptor_.local_endpoint().port(); }

  Status Run(const HttpHandler& handler) override {
    handler_ = handler;
    asio::signal_set stop_signals(io_, SIGINT, SIGTERM);
    stop_signals.async_wait([this](error_code, int) { io_.stop(); });
    Accept();
    std::vector<std::thread> workers;
    for (int i = 1; i < options_.threads; ++i) workers.emplace_back([this] { io_.run(); });
    io_.run();
    for (std::thread& t : workers) t.join();
    return Status::OK();
  }

 private:
  void Accept() {
    acceptor_.async_accept(asio::make_strand(io_), [this](error_code ec, tcp::socket socket) {
      if (ec) {
        retry_timer_.expires_after(kAcceptBackoff);
        retry_timer_.async_wait([this](error_code) { Accept(); });
        return;
      }
      // Past the limit a connection is closed at once, so that a flood of
      // idle ones cannot take every descriptor.
      if (++open_sessions_ > kMaxConnections) {
        --open_sessions_;
      } else {
        std::make_shared<Session>(std::move(socket), options_, handler_, open_sessions_)->Start();
      }
      Accept();
    });
  }

  // Sessions refer to these three, so they outlive io_, whose destruction
  // ends the sessions still pending.
  const HttpServerOptions options_;
  HttpHandler handler_;
  std::atomic<int> open_sessions_{0};
  asio::io_context io_;
  tcp::acceptor acceptor_;
  asio::steady_timer retry_timer_;
};

}  // namespace

Result<std::unique_ptr<HttpServer>> HttpServer::Listen(const HttpServerOptions& options) {
  auto server = std::make_unique<AsioServer>(options);
  Status bound = server->Bind();
  if (!bound.ok()) return bound;
  return std::unique_ptr<HttpServer>(std::move(server));
}

}  // namespace nasij::cli
