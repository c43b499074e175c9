// What every command of the `showwork` program shares: the scalar (--number), the output
// format (--format), whether to show the derivation (--steps / --no-steps) and where to write
// it (-o FILE). The choices of these options are the library's own names for its values.
#pragma once

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "cli/output_file.hpp"
#include "showwork/error.hpp"
#include "showwork/matrix/matrix.hpp"
#include "showwork/trace/render.hpp"
#include "showwork/trace/trace.hpp"

namespace showwork::cli {

// The names of `values` as the library spells them, in the order given: an option's choices.
template <class Value, class Name>
std::vector<std::string> names_of(std::initializer_list<Value> values, Name name) {
    std::vector<std::string> names;
    for (Value v : values) names.emplace_back(name(v));
    return names;
}

// "a, b or c"
std::string alternatives(const std::vector<std::string>& names);

// The scalars a command computes in: the choices of --number (ScalarTraits' names), the first
// of them its default.
template <Scalar Default, Scalar... Others>
struct Scalars {
    static constexpr std::string_view default_name = ScalarTraits<Default>::name;
    static std::vector<std::string> names() {
        return {std::string(ScalarTraits<Default>::name), std::string(ScalarTraits<Others>::name)...};
    }
    static bool accepts(std::string_view name) {
        return name == ScalarTraits<Default>::name || ((name == ScalarTraits<Others>::name) || ...);
    }
    // f.template operator()<T>() with T the scalar called `name`: the default when it is none of
    // the others (the command has refused a scalar it does not accept before).
    template <class F>
    static decltype(auto) run(std::string_view name, F&& f) { return run_as<Others..., Default>(name, f); }

private:
    template <Scalar T, Scalar... Rest, class F>
    static decltype(auto) run_as(std::string_view name, F& f) {
        if constexpr (sizeof...(Rest) > 0) {
            if (name != ScalarTraits<T>::name) return run_as<Rest...>(name, f);
        }
        return f.template operator()<T>();
    }
};

using AnyScalar = Scalars<Rational, double, Float50>;  // exact by default
using FloatingScalar = Scalars<double, Float50>;       // double by default

struct CommonOptions {
    std::string number;  // a name of ScalarTraits; the command's default until --number says otherwise
    std::string format = "text";
    bool steps = true;
    bool bmatrix = false;
    std::string output;  // empty: standard output
};

// Adds --number, --format, --steps/--no-steps, --bmatrix and -o to a subcommand. --number
// offers every scalar: one the command does not compute in is refused with the command's reason.
void add_common_options(CLI::App& command, CommonOptions& options, std::string_view default_number);

// Output that cannot be written: a full disk, /dev/full, a closed pipe (exit status 4).
class OutputError : public Error {
public:
    using Error::Error;
};

// A user's own work with mistakes in it, found and shown (`check`): exit status 3. Not an error
// of the program: the message is one line on stderr without "error:".
class MistakesFound : public Error {
public:
    using Error::Error;
};

// The document in the chosen format, ending in a newline.
std::string rendered(trace::Document document, const CommonOptions& options);

// Renders the document and writes it to -o FILE together with `beside`, the files the command
// writes with it (a worksheet's key, train --save's weights): all of them whole or none
// (output_file.hpp). Without -o the document goes to standard output, after the files. Throws
// OutputError when a text cannot be written whole.
void emit(trace::Document document, const CommonOptions& options, std::vector<OutputFile> beside = {});

// Flushes standard output; false when something written to it was lost.
bool flush_standard_output();

// "showwork: note: …", one line on stderr: what the reader should know before the work starts.
void note(std::string_view line);
// A progress line on standard error, rewritten in place at most five times a second, when
// standard error is a terminal (never in a pipe or a file): "epoch 40/100  loss 0.25  elapsed
// 1.2 s  remaining 1.8 s", the remaining time in proportion to what is done. `unit` names what
// is counted ("epoch", "sheet"); a detail, if shown, follows the count. A loop that makes its
// detail asks due() first, so that a million epochs format no line they do not show.
class Progress {
public:
    Progress(std::size_t total, bool quiet, std::string unit);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    // Whether a line is written for `done` units: on a terminal, 200 ms after the last, or at the end.
    bool due(std::size_t done) const;
    void show(std::size_t done, std::string_view detail = {});
    void operator()(std::size_t done) {
        if (due(done)) show(done);
    }

private:
    std::size_t total_;
    bool on_, shown_ = false;
    std::string unit_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_ = start_;
};

// "cannot write to standard output: No space left on device", from errno.
std::string unwritten(const std::string& where);

// A whole number from `least` to `most` typed on the command line, in decimal digits: anything
// else is an InputError naming `what` ("--batch must be 0 or more, not '-1'"). Every count the
// program reads is read here, so that no negative number wraps around to a huge one.
std::uint64_t parse_whole_number(const std::string& text, std::string_view what, std::uint64_t least,
                                 std::uint64_t most = std::numeric_limits<std::uint64_t>::max());

// A positive whole number from the command line ("identity N").
std::size_t parse_count(const std::string& text, std::string_view what, std::size_t limit);

// Makes `option` a comma-separated list: an empty item in it (--x ",", --layers 2,,1) is an
// InputError naming the option. (An empty value is refused for every option: refuse_empty_values.)
CLI::Option* as_list(CLI::Option* option);

// An option that is a count (--epochs, --batch, --seed, --digits): read by parse_whole_number
// into `target`, from `least` to `most` (default: no limit but the type's); its default shown
// in the help.
template <class Integer>
CLI::Option* add_count_option(CLI::App& command, const std::string& name, Integer& target, const std::string& help,
                              std::uint64_t least = 0,
                              std::uint64_t most = std::numeric_limits<Integer>::max()) {
    static_assert(std::is_integral_v<Integer>);
    if (most > static_cast<std::uint64_t>(std::numeric_limits<Integer>::max())) {
        most = static_cast<std::uint64_t>(std::numeric_limits<Integer>::max());
    }
    CLI::Option* option = command.add_option_function<std::string>(
        name, [&target, name, least, most](const std::string& text) {
            target = static_cast<Integer>(parse_whole_number(text, name, least, most));
        }, help);
    return option->type_name("N")->default_str(std::to_string(target));
}

// --augment K for a matrix of `cols` columns and shape `shape`: a whole number from 0 to
// cols − 1, so that a column stays left of the bar.
std::size_t parse_augment(const std::string& text, std::size_t cols, const std::string& shape);

}  // namespace showwork::cli
