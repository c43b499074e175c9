#include "cli/arguments.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "showwork/error.hpp"

namespace showwork::cli {

namespace {

// The command's option that `arg` names ("--at", "--at=1", "-o", "-oFILE"), or null.
const CLI::Option* option_named(const CLI::App& command, const std::string& arg) {
    if (arg.size() < 2 || arg[0] != '-') return nullptr;
    if (arg[1] == '-') return command.get_option_no_throw(arg.substr(0, arg.find('=')));
    return command.get_option_no_throw(arg.substr(0, 2));
}

bool is_option(const CLI::App& command, const std::string& arg) {
    return arg.starts_with("--") || option_named(command, arg) != nullptr;
}

// Whether the option's value is in the argument itself: --at=1, -oFILE.
bool value_attached(const std::string& arg) {
    return arg.starts_with("--") ? arg.find('=') != std::string::npos : arg.size() > 2;
}

}  // namespace

std::vector<std::string> operands_last(const CLI::App& command, const std::vector<std::string>& args) {
    std::vector<std::string> options, operands;
    for (std::size_t k = 0; k < args.size(); ++k) {
        const std::string& arg = args[k];
        if (arg == "--") {
            operands.insert(operands.end(), args.begin() + static_cast<std::ptrdiff_t>(k) + 1, args.end());
            break;
        }
        if (!is_option(command, arg)) {
            operands.push_back(arg);
            continue;
        }
        const CLI::Option* option = option_named(command, arg);
        bool takes_value = option && option->get_items_expected_max() > 0 && !value_attached(arg);
        if (takes_value && k + 1 < args.size() && !is_option(command, args[k + 1])) {
            // attached, so that a value starting with '-' stays the value
            options.push_back(arg + (arg.starts_with("--") ? "=" : "") + args[++k]);
        } else {
            options.push_back(arg);
        }
    }
    bool needed = std::any_of(operands.begin(), operands.end(),
                              [](const std::string& a) { return a.size() > 1 && a[0] == '-'; });
    if (!needed) return args;
    options.push_back("--");
    options.insert(options.end(), operands.begin(), operands.end());
    return options;
}

void refuse_empty_values(const CLI::App& command, const std::vector<std::string>& args) {
    for (std::size_t k = 0; k < args.size(); ++k) {
        const std::string& arg = args[k];
        if (arg == "--") return;
        const CLI::Option* option = option_named(command, arg);
        if (!option || option->get_items_expected_max() == 0) continue;
        std::string name = arg, value;
        if (value_attached(arg)) {
            const std::size_t split = arg.starts_with("--") ? arg.find('=') : 2;
            name = arg.substr(0, split);
            value = arg.substr(split + (arg.starts_with("--") ? 1 : 0));
        } else if (k + 1 < args.size() && !is_option(command, args[k + 1])) {
            value = args[++k];
        } else {
            continue;  // no value at all: CLI11 says so
        }
        if (!trimmed(value).empty()) continue;
        throw InputError(option->get_type_name() == "FILE"
                             ? fmt::format("{} is empty: name a file", name)
                             : fmt::format("{} is empty: give a value, or leave {} out for its default", name, name));
    }
}

std::string unexpected_arguments(std::vector<std::string> extras) {
    // operands_last's "--" is none of them (nor is a "--" typed: CLI11 took it as the mark)
    std::erase(extras, std::string("--"));
    std::string listed;
    for (const std::string& extra : extras) listed += " " + shown(extra);
    return (extras.size() == 1 ? "The following argument was not expected:" : "The following arguments were not expected:") +
           listed;
}

}  // namespace showwork::cli
