// The subcommands. Each takes the arguments after its name.
#ifndef NASIJ_CLI_COMMANDS_H_
#define NASIJ_CLI_COMMANDS_H_

namespace nasij::cli {

int Extract(int argc, char** argv);
int Ingest(int argc, char** argv);
int Query(int argc, char** argv);
int Export(int argc, char** argv);
int Stats(int argc, char** argv);
int Entities(int argc, char** argv);
int Neighbors(int argc, char** argv);
int Path(int argc, char** argv);
int Serve(int argc, char** argv);

}  // namespace nasij::cli

#endif  // NASIJ_CLI_COMMANDS_H_
