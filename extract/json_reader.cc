#include "extract/json_reader.h"

#include <charconv>
#include <cmath>

namespace nasij::json {

namespace {

constexpr int kMaxDepth = 256;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(char(cp));
  } else if (cp < 0x800) {
    out->push_back(char(0xC0 | (cp >> 6)));
    out->push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(char(0xE0 | (cp >> 12)));
    out->push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(char(0xF0 | (cp >> 18)));
    out->push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(char(0x80 | (cp & 0x3F)));
  }
}

// The length of the well-formed UTF-8 sequence (Unicode's table 3-7) that
// starts `s` at `at`, or 0.
size_t Utf8Length(std::string_view s, size_t at) {
  const auto byte = [&](size_t i) { return at + i < s.size() ? uint8_t(s[at + i]) : 0; };
  const uint8_t b0 = byte(0);
  const auto cont = [&](size_t i, uint8_t lo, uint8_t hi) { return byte(i) >= lo && byte(i) <= hi; };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1, 0x80, 0xBF) ? 2 : 0;
  if (b0 == 0xE0) return cont(1, 0xA0, 0xBF) && cont(2, 0x80, 0xBF) ? 3 : 0;
  if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) return cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) ? 3 : 0;
  if (b0 == 0xED) return cont(1, 0x80, 0x9F) && cont(2, 0x80, 0xBF) ? 3 : 0;
  if (b0 == 0xF0) return cont(1, 0x90, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
  if (b0 >= 0xF1 && b0 <= 0xF3) return cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
  if (b0 == 0xF4) return cont(1, 0x80, 0x8F) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
  return 0;
}

}  // namespace

bool Document::Parse(std::string_view input) {
  in_ = input;
  at_ = 0;
  nodes_.clear();
  decoded_.clear();
  // A decoded string is never longer than its escaped form: reserving the
  // input's length keeps every view into decoded_ valid.
  decoded_.reserve(input.size());
  uint32_t root;
  if (!Value(0, &root)) return false;
  SkipSpace();
  return at_ == in_.size();
}

void Document::SkipSpace() {
  while (at_ < in_.size() && (in_[at_] == ' ' || in_[at_] == '\t' || in_[at_] == '\n' || in_[at_] == '\r')) ++at_;
}

bool Document::Value(int depth, uint32_t* index) {
  if (depth > kMaxDepth) return false;
  SkipSpace();
  if (at_ >= in_.size()) return false;
  *index = uint32_t(nodes_.size());
  nodes_.emplace_back();
  const char c = in_[at_];
  auto literal = [&](std::string_view word, Type type) {
    if (in_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    nodes_[*index].type = type;
    return true;
  };
  switch (c) {
    case 'n': return literal("null", Type::kNull);
    case 't': return literal("true", Type::kTrue);
    case 'f': return literal("false", Type::kFalse);
    case '"': {
      nodes_[*index].type = Type::kString;
      std::string_view text;
      if (!String(&text)) return false;
      nodes_[*index].text = text;
      return true;
    }
    case '[':
    case '{': {
      const bool object = c == '{';
      nodes_[*index].type = object ? Type::kObject : Type::kArray;
      ++at_;
      SkipSpace();
      const char close = object ? '}' : ']';
      if (at_ < in_.size() && in_[at_] == close) {
        ++at_;
        return true;
      }
      uint32_t last = 0, size = 0;
      while (true) {
        std::string_view key;
        if (object) {
          SkipSpace();
          if (at_ >= in_.size() || in_[at_] != '"' || !String(&key)) return false;
          SkipSpace();
          if (at_ >= in_.size() || in_[at_] != ':') return false;
          ++at_;
        }
        uint32_t child;
        if (!Value(depth + 1, &child)) return false;
        nodes_[child].key = key;
        if (last) nodes_[last].next = child; else nodes_[*index].first = child;
        last = child;
        ++size;
        SkipSpace();
        if (at_ >= in_.size()) return false;
        if (in_[at_] == ',') {
          ++at_;
          continue;
        }
        if (in_[at_] != close) return false;
        ++at_;
        nodes_[*index].size = size;
        return true;
      }
    }
    default:
      return Number(&nodes_[*index]);
  }
}

bool Document::String(std::string_view* out) {
  ++at_;  // the opening quote
  const size_t begin = at_;
  // Without escapes the text is a view of the input.
  while (at_ < in_.size()) {
    const uint8_t c = uint8_t(in_[at_]);
    if (c == '"') {
      *out = in_.substr(begin, at_ - begin);
      ++at_;
      return true;
    }
    if (c == '\\') break;
    if (c < 0x20) return false;
    if (c < 0x80) {
      ++at_;
    } else {
      const size_t n = Utf8Length(in_, at_);
      if (!n) return false;
      at_ += n;
    }
  }
  if (at_ >= in_.size()) return false;
  const size_t start = decoded_.size();
  decoded_.append(in_.substr(begin, at_ - begin));
  while (at_ < in_.size()) {
    const uint8_t c = uint8_t(in_[at_]);
    if (c == '"') {
      ++at_;
      *out = std::string_view(decoded_).substr(start);
      return true;
    }
    if (c < 0x20) return false;
    if (c >= 0x80) {
      const size_t n = Utf8Length(in_, at_);
      if (!n) return false;
      decoded_.append(in_.substr(at_, n));
      at_ += n;
      continue;
    }
    if (c != '\\') {
      decoded_.push_back(char(c));
      ++at_;
      continue;
    }
    if (++at_ >= in_.size()) return false;
    const char e = in_[at_++];
    switch (e) {
      case '"': decoded_.push_back('"'); break;
      case '\\': decoded_.push_back('\\'); break;
      case '/': decoded_.push_back('/'); break;
      case 'b': decoded_.push_back('\b'); break;
      case 'f': decoded_.push_back('\f'); break;
      case 'n': decoded_.push_back('\n'); break;
      case 'r': decoded_.push_back('\r'); break;
      case 't': decoded_.push_back('\t'); break;
      case 'u': {
        auto hex4 = [&](uint32_t* v) {
          if (at_ + 4 > in_.size()) return false;
          *v = 0;
          for (int i = 0; i < 4; ++i) {
            const int h = HexValue(in_[at_ + i]);
            if (h < 0) return false;
            *v = *v << 4 | uint32_t(h);
          }
          at_ += 4;
          return true;
        };
        uint32_t cp;
        if (!hex4(&cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate first
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          uint32_t low;
          if (at_ + 2 > in_.size() || in_[at_] != '\\' || in_[at_ + 1] != 'u') return false;
          at_ += 2;
          if (!hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        AppendUtf8(cp, &decoded_);
        break;
      }
      default:
        return false;
    }
  }
  return false;
}

bool Document::Number(Node* node) {
  const size_t begin = at_;
  bool integer = true;
  if (at_ < in_.size() && in_[at_] == '-') ++at_;
  if (at_ >= in_.size() || !IsDigit(in_[at_])) return false;
  if (in_[at_] == '0') {
    ++at_;
  } else {
    while (at_ < in_.size() && IsDigit(in_[at_])) ++at_;
  }
  if (at_ < in_.size() && in_[at_] == '.') {
    integer = false;
    ++at_;
    if (at_ >= in_.size() || !IsDigit(in_[at_])) return false;
    while (at_ < in_.size() && IsDigit(in_[at_])) ++at_;
  }
  if (at_ < in_.size() && (in_[at_] == 'e' || in_[at_] == 'E')) {
    integer = false;
    ++at_;
    if (at_ < in_.size() && (in_[at_] == '+' || in_[at_] == '-')) ++at_;
    if (at_ >= in_.size() || !IsDigit(in_[at_])) return false;
    while (at_ < in_.size() && IsDigit(in_[at_])) ++at_;
  }
  node->type = Type::kNumber;
  node->integer = integer;
  node->text = in_.substr(begin, at_ - begin);
  // A number that no double holds (1e999) is refused, as simdjson did.
  double d;
  return ToDouble(*node, &d);
}

const Node* Document::Member(const Node& object, std::string_view key) const {
  if (object.type != Type::kObject) return nullptr;
  for (uint32_t i = object.first; i; i = nodes_[i].next) {
    if (nodes_[i].key == key) return &nodes_[i];
  }
  return nullptr;
}

const Node* Document::Element(const Node& array, size_t index) const {
  if (array.type != Type::kArray) return nullptr;
  for (uint32_t i = array.first; i; i = nodes_[i].next, --index) {
    if (index == 0) return &nodes_[i];
  }
  return nullptr;
}

bool ToInt64(const Node& n, int64_t* out) {
  if (n.type != Type::kNumber || !n.integer) return false;
  const auto r = std::from_chars(n.text.data(), n.text.data() + n.text.size(), *out);
  return r.ec == std::errc() && r.ptr == n.text.data() + n.text.size();
}

bool ToUint64(const Node& n, uint64_t* out) {
  if (n.type != Type::kNumber || !n.integer || n.text.starts_with('-')) return false;
  const auto r = std::from_chars(n.text.data(), n.text.data() + n.text.size(), *out);
  return r.ec == std::errc() && r.ptr == n.text.data() + n.text.size();
}

bool ToDouble(const Node& n, double* out) {
  if (n.type != Type::kNumber) return false;
  const auto r = std::from_chars(n.text.data(), n.text.data() + n.text.size(), *out);
  if (r.ec == std::errc::result_out_of_range && r.ptr == n.text.data() + n.text.size() &&
      (n.text.find("e-") != std::string_view::npos || n.text.find("E-") != std::string_view::npos)) {
    *out = n.text.starts_with('-') ? -0.0 : 0.0;  // too small for a double: zero
    return true;
  }
  return r.ec == std::errc() && r.ptr == n.text.data() + n.text.size() && std::isfinite(*out);
}

}  // namespace nasij::json
