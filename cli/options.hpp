// What every command of the `showwork` program shares: the scalar (--number), the output
// format (--format), whether to show the derivation (--steps / --no-steps) and where to write
// it (-o FILE).
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <utility>

#include "showwork/matrix/matrix.hpp"
#include "showwork/trace/render.hpp"
#include "showwork/trace/trace.hpp"

namespace showwork::cli {

struct CommonOptions {
    std::string number = "exact";
    std::string format = "text";
    bool steps = true;
    bool bmatrix = false;
    std::string output;  // empty: standard output
};

// Adds --number, --format, --steps/--no-steps, --bmatrix and -o to a subcommand.
void add_common_options(CLI::App& command, CommonOptions& options);

// Renders the document in the chosen format and writes it to standard output or -o FILE.
void emit(trace::Document document, const CommonOptions& options);

// A positive whole number from the command line ("identity N", "--augment K").
std::size_t parse_count(const std::string& text, std::string_view what, std::size_t limit);

// Runs f.template operator()<T>() with T the scalar chosen by --number.
template <class F>
decltype(auto) with_scalar(const CommonOptions& options, F&& f) {
    if (options.number == "double") return f.template operator()<double>();
    if (options.number == "float50") return f.template operator()<Float50>();
    return f.template operator()<Rational>();
}

}  // namespace showwork::cli
