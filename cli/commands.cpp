#include "cli/commands.hpp"

#include <fmt/format.h>

namespace showwork::cli {

std::string example_footer(const std::vector<std::string>& examples) {
    std::string out = examples.size() == 1 ? "Example:\n" : "Examples:\n";
    for (const auto& e : examples) out += fmt::format("  {}\n", e);
    return out;
}

CLI::App* add_command(CLI::App& app, const CommandSpec& spec, Invocation& call) {
    CLI::App* command = app.add_subcommand(spec.name, spec.summary);
    call.operands.resize(spec.operands.size());
    for (std::size_t k = 0; k < spec.operands.size(); ++k) {
        CLI::Option* operand = command->add_option(spec.operands[k].name, call.operands[k], spec.operands[k].help);
        if (spec.operands[k].required) operand->required();
    }
    add_common_options(*command, call.options);
    command->footer(example_footer(spec.examples));
    return command;
}

}  // namespace showwork::cli
