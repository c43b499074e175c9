#include "cli/commands.hpp"

#include <fmt/format.h>

#include <algorithm>

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

namespace {

// How a floating scalar writes a value that is not a number.
bool non_finite_text(std::string_view text) {
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
    return text == "inf" || text == "nan" || text == "infinity";
}

// The first number of m that is not a number, and where it stands when that is a matrix's cell.
const trace::Math* first_non_finite(const trace::Math& m, std::string& where) {
    if (m.kind == trace::Kind::number) return non_finite_text(m.text) ? &m : nullptr;
    for (std::size_t k = 0; k < m.args.size(); ++k) {
        if (const trace::Math* found = first_non_finite(m.args[k], where)) {
            if (m.kind == trace::Kind::matrix && where.empty() && m.cols > 0)
                where = fmt::format(", entry ({}, {}),", k / m.cols + 1, k % m.cols + 1);
            return found;
        }
    }
    return nullptr;
}

}  // namespace

void emit_beside(Invocation& call, const std::string& path, trace::Document document) {
    require_finite_results(document);
    call.more_files.push_back(output_file(path, rendered(std::move(document), call.options)));
}

void require_finite_results(const trace::Document& document) {
    for (const trace::Named& r : document.results) {
        std::string where;
        const trace::Math* x = first_non_finite(r.value, where);
        if (!x) continue;
        std::string name = r.name;
        std::replace(name.begin(), name.end(), '_', ' ');
        const std::string result = name == "result" ? "the result" : "the result " + name;
        const bool undefined = x->text.find("nan") != std::string::npos;
        throw RangeError(result + where + " is " + (undefined ? "undefined (NaN)" : x->text) + " in " + document.number +
                         (undefined ? " after an overflow" : ": an overflow") + ", past the largest " + document.number +
                         " (about " + (document.number == "double" ? largest_double_text() : largest_float50_text()) +
                         ")" + (document.number == "double" ? "; --number float50 has a far wider range" : "") +
                         ", and --number exact has no limit");
    }
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
