// Where an operand's text comes from: standard input, a file, or the argument itself.
#pragma once

#include <string>

namespace showwork::cli {

// The text behind a command-line argument: "-" is standard input, an existing file's name is
// that file, anything else is the operand itself (a matrix "1 2; 3 4", an expression).
std::string read_source(const std::string& argument);

}  // namespace showwork::cli
