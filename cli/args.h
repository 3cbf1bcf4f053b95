// Command-line flags: --name VALUE, --name=VALUE, boolean --name, and
// positional arguments. Unknown flags and missing values are usage errors.
#ifndef NASIJ_CLI_ARGS_H_
#define NASIJ_CLI_ARGS_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "storage/store.h"

namespace nasij::cli {

struct FlagSpec {
  std::string name;
  bool takes_value = true;
};

class Args {
 public:
  // False with `error` set when argv does not fit the flags.
  bool Parse(int argc, char** argv, const std::vector<FlagSpec>& flags, std::string* error);

  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  std::string Get(const std::string& name, const std::string& fallback = "") const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

// --NAME as a whole number from `low` to `high`; `*value` is left as it is
// when the flag is absent. False, with `error` saying what the flag takes,
// when its value is anything else ("2x", "-1" below `low`, an overflow).
bool WholeFlag(const Args& args, const std::string& name, int64_t low, int64_t high, int64_t* value,
               std::string* error);
// --NAME as a number from 0 to 1 (not "nan"), the same way.
bool FractionFlag(const Args& args, const std::string& name, double* value, std::string* error);

// Exit statuses: 0 success, 1 runtime error or skipped input, 2 usage error.
constexpr int kExitOk = 0, kExitError = 1, kExitUsage = 2;

// Prints "nasij: message" on stderr and returns kExitError.
int Fail(const std::string& message);
// Prints "nasij: message" and a hint to use --help, and returns kExitUsage.
int Usage(const std::string& command, const std::string& message);

// --db, else $NASIJ_DB, else ./nasij.db.
std::string DatabasePath(const Args& args);
// The store at DatabasePath(args), opened read-only, once the heap a reader
// grows to is mapped (args.cc). For the commands that only read: it stays
// open until the process ends (main.cc).
Result<Store*> OpenToRead(const Args& args);

}  // namespace nasij::cli

#endif  // NASIJ_CLI_ARGS_H_
