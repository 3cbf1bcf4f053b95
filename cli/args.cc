#include "cli/args.h"

#include <cstdlib>
#include <iostream>

#include "common/numbers.h"
#include "common/printable.h"

namespace nasij::cli {

bool Args::Parse(int argc, char** argv, const std::vector<FlagSpec>& flags, std::string* error) {
  bool only_positional = false;
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    if (only_positional || arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
      if (arg == "--") {
        only_positional = true;
        continue;
      }
      if (!only_positional && arg.size() > 1 && arg[0] == '-' && arg != "-" && arg != "-o") {
        *error = "unknown option " + arg;
        return false;
      }
      if (arg == "-o") arg = "--output";
      else {
        positional_.push_back(arg);
        continue;
      }
    }
    std::string name = arg.substr(2), value;
    size_t eq = name.find('=');
    bool inline_value = eq != std::string::npos;
    if (inline_value) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    const FlagSpec* spec = nullptr;
    for (const auto& f : flags) {
      if (f.name == name) spec = &f;
    }
    if (!spec) {
      *error = "unknown option --" + name;
      return false;
    }
    if (spec->takes_value && !inline_value) {
      if (i + 1 >= argc) {
        *error = "--" + name + " needs a value";
        return false;
      }
      value = argv[++i];
    } else if (!spec->takes_value && inline_value) {
      *error = "--" + name + " takes no value";
      return false;
    }
    values_[name] = value;
  }
  return true;
}

std::string Args::Get(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

bool WholeFlag(const Args& args, const std::string& name, int64_t low, int64_t high, int64_t* value,
               std::string* error) {
  if (!args.Has(name) || ParseWhole(args.Get(name), low, high, value)) return true;
  *error = "--" + name + " takes a whole number " +
           (high == INT64_MAX ? "of at least " + std::to_string(low)
                              : "from " + std::to_string(low) + " to " + std::to_string(high));
  return false;
}

bool FractionFlag(const Args& args, const std::string& name, double* value, std::string* error) {
  if (!args.Has(name) || ParseFraction(args.Get(name), value)) return true;
  *error = "--" + name + " takes a number from 0 to 1";
  return false;
}

int Fail(const std::string& message) {
  std::cerr << "nasij: " << Printable(message) << "\n";  // one line, whatever ids or names it quotes
  return kExitError;
}

int Usage(const std::string& command, const std::string& message) {
  std::cerr << "nasij: " << Printable(message) << " (see 'nasij " << command << " --help')\n";
  return kExitUsage;
}

std::string DatabasePath(const Args& args) {
  if (args.Has("db")) return args.Get("db");
  const char* env = std::getenv("NASIJ_DB");
  return env && *env ? env : "nasij.db";
}

Result<Store*> OpenToRead(const Args& args) {
  auto opened = Store::Open(DatabasePath(args), Store::Mode::kReadOnly);
  if (!opened.ok()) return opened.status();
  // Never closed: main ends a reading command with _exit, which closes the
  // store's files at once rather than one system call each (about 5 µs here).
  static std::unique_ptr<Store> store;
  store = std::move(*opened);
  return store.get();
}

}  // namespace nasij::cli
