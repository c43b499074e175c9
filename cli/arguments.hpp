// The command line before CLI11 reads it: operands that start with a minus.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace showwork::cli {

// CLI11 takes any argument "-x…" for an option, so an expression "-x^2" (or a matrix "-a 1")
// would be lost. This returns the arguments of `command` with its options first, each value
// attached (--at=x=1, -oFILE), then "--" and the operands in their order, which CLI11 then reads
// as operands. An argument is an option when it starts with "--" or names one of the command's
// short options (-o, -h); any other "-…" is an operand. An option that takes a value takes the
// next argument unless its value is attached. Without an operand starting with '-', the
// arguments are returned as they are.
std::vector<std::string> operands_last(const CLI::App& command, const std::vector<std::string>& args);

// Refuses an option of `command` given an empty value (--x '', --save=, -o ""): an InputError
// naming the option. A value left empty would otherwise read as the option left out.
void refuse_empty_values(const CLI::App& command, const std::vector<std::string>& args);

// "The following arguments were not expected: a b c", in the order typed (CLI11's own message
// lists them in reverse), without the "--" that operands_last puts in; each as a message shows
// a value (escaped, a long one cut).
std::string unexpected_arguments(std::vector<std::string> extras);

}  // namespace showwork::cli
