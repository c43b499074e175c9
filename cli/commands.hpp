// The program's commands. Each is a struct with
//     template <Scalar T> static trace::Document run(const Invocation&);
// registered with register_command<C>(app, spec): the scalar T comes from --number, among the
// scalars the spec accepts, and the document is rendered in the --format asked for.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "showwork/matrix/cost.hpp"
#include "cli/source.hpp"
#include "showwork/error.hpp"
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
    // A check of the command's own result that failed (a derivative the dual numbers contradict):
    // the document is written with the evidence, then this is the error, with status 1.
    std::string failed_check;
    // Mistakes the command found in the user's own work (`check`): the document is written with
    // them marked, then this is the one line on stderr, with status 3.
    std::string mistakes_found;
    // Files of text the command writes with its document, when all the work is done (train --save:
    // the weights), whole or not at all with the document's files.
    std::vector<OutputFile> more_files;
};

struct Operand {
    const char* name;
    const char* help;
    bool required = true;  // an optional operand is left empty when not given
};

// The operand most commands take.
inline constexpr Operand matrix_a{"A", "A matrix: \"1 2; 3 4\", \"[[1,2],[3,4]]\", a file, or - for stdin"};

// A command: its name, operands and examples, and the scalars it computes in (Accepts, a
// Scalars<Default, Others...>); --number naming another scalar is refused, saying why.
template <class Accepts = AnyScalar>
struct CommandSpec {
    const char* name;
    const char* summary;
    std::vector<Operand> operands;
    std::vector<std::string> examples;  // shown by --help and `showwork help COMMAND`
    // why another scalar is refused: "compare runs the exact side itself: --number chooses the
    // floating side", followed by the accepted ones, "double or float50", and the one given
    const char* other_scalars = "";
};

// Adds a subcommand; returns it so that a command can add options of its own. `Call` is
// Invocation or a struct derived from it that holds a command's own options; a command that has
// some defines `static void add_options(CLI::App&, Call&)`.
template <class Command, class Accepts = AnyScalar, class Call = Invocation>
CLI::App* register_command(CLI::App& app, const CommandSpec<Accepts>& spec,
                           std::shared_ptr<Call> call = std::make_shared<Call>());

// A matrix operand: inline text, a file name, or "-" for standard input.
template <Scalar T>
Matrix<T> read_matrix(const std::string& argument) {
    Source source = read_source(argument);
    return parse_matrix<T>(source.text, source.origin);
}

// A matrix operand with --augment K: the last K columns right of the bar (none when empty).
template <Scalar T>
Matrix<T> read_matrix(const std::string& argument, const std::string& augment) {
    Matrix<T> A = read_matrix<T>(argument);
    if (!augment.empty()) A.set_augment(parse_augment(augment, A.cols(), A.shape()));
    return A;
}

// What a command computes from its operand, for the estimate of its cost.
struct Work {
    Eliminating kind;
    const char* name;  // "the inverse"
};

// Before the work starts, a note on stderr when it will take more than a few seconds or write
// or hold more than a few hundred megabytes (matrix/cost.hpp): an upper bound, so the note may
// overstate; it never refuses.
template <Scalar T>
void note_if_large(const Matrix<T>& A, Work work) {
    WorkEstimate estimate;
    if constexpr (std::is_same_v<T, Rational>) estimate = estimate_exact(A, work.kind);
    else estimate = estimate_floating(A.rows(), A.cols(), work.kind, std::numeric_limits<T>::digits10 + 2);
    std::string line = describe_if_large(estimate, work.name, A.rows(), A.cols());
    if (!line.empty()) note(line);
}

// The document of a command: its inputs, its results, and the steps the call's trace recorded.
trace::Document document(Invocation& call, std::string command, std::string title,
                         std::vector<trace::Named> inputs, std::vector<trace::Named> results);
// With steps, an elimination that stops (SingularError: a column without a pivot;
// InconsistentError) writes the derivation up to there, where the lesson is, ending in a step of
// kind "failure" that says what went wrong; no result. Other failures write nothing.
void emit_failure(Invocation& call, const char* command, const MathError& failure);

std::string example_footer(const std::vector<std::string>& examples);

// A document a command writes beside its own, to `path` (generate --worksheet: the answer keys,
// the other versions of the sheet), in the command's format, checked as its own is. It is rendered
// at once, so that fifty of them are held as text, not as derivations, and written with the
// command's own files, whole or not at all.
void emit_beside(Invocation& call, const std::string& path, trace::Document document);

// A floating result that is not a number (inf or NaN: det of diag(10²⁰⁰, 10²⁰⁰) in double) is
// never written as a value: a RangeError naming the result, status 1. The last guard of every
// command; the calculus commands and compare name the quantity where the overflow began first.
void require_finite_results(const trace::Document& document);

// "a, b, c": names listed in a message.
std::string joined(const std::vector<std::string>& names);
// The subcommand with its operands, the common options and the examples.
CLI::App* add_command(CLI::App& app, const char* name, const char* summary, const std::vector<Operand>& operands,
                      const std::vector<std::string>& examples, std::string_view default_number, Invocation& call);
// Throws the InputError that refuses --number `given`.
[[noreturn]] void refuse_scalar(const char* why, const std::vector<std::string>& accepted, const std::string& given);

template <class Command, class Accepts, class Call>
CLI::App* register_command(CLI::App& app, const CommandSpec<Accepts>& spec, std::shared_ptr<Call> call) {
    CLI::App* command = add_command(app, spec.name, spec.summary, spec.operands, spec.examples,
                                    Accepts::default_name, *call);
    if constexpr (requires { Command::add_options(*command, *call); }) Command::add_options(*command, *call);
    command->callback([call, why = spec.other_scalars, name = spec.name] {
        const std::string& number = call->options.number;
        if (!Accepts::accepts(number)) refuse_scalar(why, Accepts::names(), number);
        trace::Document document;
        try {
            document = Accepts::run(number, [&]<Scalar T>() { return Command::template run<T>(*call); });
        } catch (const MathError& failure) {
            emit_failure(*call, name, failure);
            throw;
        }
        require_finite_results(document);
        // every file rendered first, then all written together: a failure leaves each as it was
        emit(std::move(document), call->options, std::move(call->more_files));
        if (!call->failed_check.empty()) throw MathError(call->failed_check);
        if (!call->mistakes_found.empty()) throw MistakesFound(call->mistakes_found);
    });
    return command;
}

// --pivot's choices, the library's names of its pivot rules (elimination commands and compare).
std::vector<std::string> pivot_rule_names();

// The groups of commands.
void register_arithmetic_commands(CLI::App& app);  // show add subtract multiply hadamard transpose scale identity
void register_elimination_commands(CLI::App& app);  // ref rref rank det inverse solve nullspace colspace lu rowops
void register_compare_command(CLI::App& app);      // compare
void register_calculus_commands(CLI::App& app);  // diff gradient jacobian
void register_regression_commands(CLI::App& app);  // regress descend
void register_nn_commands(CLI::App& app);  // forward backprop train
void register_teach_commands(CLI::App& app);  // check generate

}  // namespace showwork::cli
