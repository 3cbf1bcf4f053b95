// The HTML export: the viewer page (export/viewer/viewer.html) with
// sigma.js, graphology and the graph inlined, so that it opens without a network.
// The graph is streamed into the page, as every export is.
#include <streambuf>

#include "export/export.h"
#include "export/viewer.h"

namespace nasij {

namespace {

// Passes text through to `out` with '<' written as \u003c, so that
// "</script>" inside a label cannot end the page's script.
class ScriptSafeBuffer : public std::streambuf {
 public:
  explicit ScriptSafeBuffer(std::ostream& out) : out_(out) {}

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    if (c == '<') {
      out_ << "\\u003c";
    } else {
      out_.put(traits_type::to_char_type(c));
    }
    return out_ ? c : traits_type::eof();
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    for (std::streamsize i = 0; i < n; ++i) {
      if (traits_type::eq_int_type(overflow(traits_type::to_int_type(s[i])), traits_type::eof())) return i;
    }
    return n;
  }

 private:
  std::ostream& out_;
};

}  // namespace

Status WriteHtml(SelectedGraph& graph, std::ostream& out) {
  const ViewerPageParts page = ViewerPageAroundGraph();
  out << page.before;
  ScriptSafeBuffer buffer(out);
  std::ostream safe(&buffer);
  Status s = WriteCytoscapeJson(graph, safe);
  if (!s.ok()) return s;
  out << page.after;
  return out.good() ? Status::OK() : Status::IOError("write failed");
}

}  // namespace nasij
