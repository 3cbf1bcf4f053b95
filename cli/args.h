// Command-line flags: --name VALUE, --name=VALUE, boolean --name, and
// positional arguments. Unknown flags and missing values are usage errors.
#ifndef NASIJ_CLI_ARGS_H_
#define NASIJ_CLI_ARGS_H_

#include <map>
#include <string>
#include <vector>

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

// Exit statuses: 0 success, 1 runtime error or skipped input, 2 usage error.
constexpr int kExitOk = 0, kExitError = 1, kExitUsage = 2;

// Prints "nasij: message" on stderr and returns kExitError.
int Fail(const std::string& message);
// Prints "nasij: message" and a hint to use --help, and returns kExitUsage.
int Usage(const std::string& command, const std::string& message);

// --db, else $NASIJ_DB, else ./nasij.db.
std::string DatabasePath(const Args& args);

}  // namespace nasij::cli

#endif  // NASIJ_CLI_ARGS_H_
