#include "cli/commands.hpp"

#include <fmt/format.h>

#include "showwork/error.hpp"
#include "showwork/trace/step_kinds.hpp"

namespace showwork::cli {

trace::Document document(Invocation& call, std::string command, std::string title,
                         std::vector<trace::Named> inputs, std::vector<trace::Named> results) {
    return trace::Document{std::move(title),   std::move(command),  call.options.number,
                           std::move(inputs),  std::move(results),  call.trace.take_steps()};
}

void emit_failure(Invocation& call, const char* command, const MathError& failure) {
    // an elimination that stops at a column without a pivot, or at an inconsistent row
    const bool stops_a_derivation = dynamic_cast<const SingularError*>(&failure) != nullptr ||
                                    dynamic_cast<const InconsistentError*>(&failure) != nullptr;
    if (!stops_a_derivation || call.sink() == nullptr || call.trace.empty()) return;
    call.trace.add(trace::kind::failure, "Stopped: " + std::string(failure.what()) + ".");
    // the title in plain words: the summary may hold math (A⁻¹) that a document's title cannot
    emit(document(call, command, "showwork " + std::string(command) + ": stopped", {}, {}), call.options);
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

std::string example_footer(const std::vector<std::string>& examples) {
    std::string out = examples.size() == 1 ? "Example:\n" : "Examples:\n";
    for (const auto& e : examples) out += fmt::format("  {}\n", e);
    return out;
}

CLI::App* add_command(CLI::App& app, const char* name, const char* summary, const std::vector<Operand>& operands,
                      const std::vector<std::string>& examples, std::string_view default_number, Invocation& call) {
    CLI::App* command = app.add_subcommand(name, summary);
    call.operands.resize(operands.size());
    for (std::size_t k = 0; k < operands.size(); ++k) {
        CLI::Option* operand = command->add_option(operands[k].name, call.operands[k], operands[k].help);
        if (operands[k].required) operand->required();
    }
    add_common_options(*command, call.options, default_number);
    command->footer(example_footer(examples));
    return command;
}

void refuse_scalar(const char* why, const std::vector<std::string>& accepted, const std::string& given) {
    throw InputError(fmt::format("{}, {}, not {}", why, alternatives(accepted), given));
}

}  // namespace showwork::cli
