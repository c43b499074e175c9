// The program: its commands, and the command line parsed and run.
#pragma once

#include <string_view>

namespace showwork::cli {

// Writes "showwork: error: MESSAGE" on stderr and returns `status`.
int fail(int status, std::string_view message);

// Runs the command line; returns the exit status (0 success, 1 a mathematical failure, 2 bad
// usage or input, 3 `check` finding a mistake in the working, 4 output that cannot be
// written). Standard output is not flushed here.
int run_program(int argc, char** argv);

}  // namespace showwork::cli
