// The program's commands. Each is a struct with
//     template <Scalar T> static trace::Document run(const Invocation&);
// registered with register_command<C>(app, spec): the scalar T comes from --number, and the
// document is rendered in the --format asked for.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "cli/source.hpp"
#include "showwork/matrix/parse.hpp"
#include "showwork/trace/trace.hpp"

namespace showwork::cli {

// What a command was called with.
struct Invocation {
    CommonOptions options;
    std::vector<std::string> operands;  // in the order of CommandSpec::operands
    // A sink when --steps is on, else null: operations then do no tracing work.
    trace::Trace* sink() { return options.steps ? &trace : nullptr; }
    trace::Trace trace;
};

struct Operand {
    const char* name;
    const char* help;
    bool required = true;  // an optional operand is left empty when not given
};

struct CommandSpec {
    const char* name;
    const char* summary;
    std::vector<Operand> operands;
    std::vector<std::string> examples;  // shown by --help and `showwork help COMMAND`
};

// Adds a subcommand; returns it so that a command can add options of its own. `Call` is
// Invocation or a struct derived from it that holds a command's own options; a command that has
// some defines `static void add_options(CLI::App&, Call&)`.
template <class Command, class Call = Invocation>
CLI::App* register_command(CLI::App& app, const CommandSpec& spec,
                           std::shared_ptr<Call> call = std::make_shared<Call>());

// A matrix operand: inline text, a file name, or "-" for standard input.
template <Scalar T>
Matrix<T> read_matrix(const std::string& argument) {
    return parse_matrix<T>(read_source(argument));
}

std::string example_footer(const std::vector<std::string>& examples);
CLI::App* add_command(CLI::App& app, const CommandSpec& spec, Invocation& call);

template <class Command, class Call>
CLI::App* register_command(CLI::App& app, const CommandSpec& spec, std::shared_ptr<Call> call) {
    CLI::App* command = add_command(app, spec, *call);
    if constexpr (requires { Command::add_options(*command, *call); }) Command::add_options(*command, *call);
    command->callback([call] {
        trace::Document document = with_scalar(call->options, [&]<Scalar T>() {
            return Command::template run<T>(*call);
        });
        emit(std::move(document), call->options);
    });
    return command;
}

// The groups of commands.
void register_arithmetic_commands(CLI::App& app);  // show add subtract multiply hadamard transpose scale identity
void register_elimination_commands(CLI::App& app);  // ref rref rank det inverse solve nullspace colspace lu rowops
void register_compare_command(CLI::App& app);      // compare
void register_calculus_commands(CLI::App& app);  // diff gradient jacobian

}  // namespace showwork::cli
