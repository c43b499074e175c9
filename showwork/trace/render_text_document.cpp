// A whole derivation for a terminal: title, inputs, numbered steps (sub-steps indented under
// their step), result.
#include <algorithm>

#include "showwork/trace/render.hpp"
#include "showwork/trace/render_detail.hpp"

namespace showwork::trace::detail {

namespace {

std::string indented(const TextBox& box, std::size_t indent) {
    std::string out;
    if (to_string(box).empty()) return out;
    for (const auto& line : box.lines) {
        std::string trimmed = line.substr(0, line.find_last_not_of(' ') + 1);
        out += std::string(indent, ' ') + trimmed + "\n";
    }
    return out;
}

std::string named(const Named& n, std::size_t indent, const RenderOptions& o) {
    NamedParts parts = named_parts(n);
    return indented(parts.label ? text_equals(*parts.label, *parts.value, o) : text_layout(*parts.value, o), indent);
}

// Sub-steps are indented under their step's text, but start no further in than this column: a
// step's number grows with its depth (1.1.1.1.), so indenting under it without end would put a
// step 200 deep 40,000 columns in, the indentation growing with the square of the depth. Deeper
// steps start at this column, their numbers saying how deep they are, their math under their text.
constexpr std::size_t max_step_indent = 40;

void write_steps(std::string& out, const std::vector<Step>& steps, const std::string& parent,
                 std::size_t indent, const RenderOptions& o) {
    for (std::size_t k = 0; k < steps.size(); ++k) {
        const Step& step = steps[k];
        std::string number = step_number(parent, k) + ". ";
        out += std::string(indent, ' ') + number + with_minus_signs(step.text) + "\n";
        std::size_t inner = indent + number.size();
        if (step.operation) out += indented(text_layout(*step.operation, o), inner);
        if (const Math* state = shown_state(step)) out += indented(text_layout(*state, o), inner);
        write_steps(out, step.substeps, step_number(parent, k), std::min(inner, max_step_indent), o);
    }
}

}  // namespace

std::string text_document(const Document& d, const RenderOptions& o) {
    std::string out;
    if (!d.title.empty()) out += d.title + "\n" + std::string(display_width(d.title), '=') + "\n\n";
    if (!d.inputs.empty()) {
        out += d.headings.input + "\n";
        for (const auto& input : d.inputs) out += named(input, 2, o);
        out += "\n";
    }
    if (o.steps && !d.steps.empty()) {
        out += d.headings.steps + "\n";
        write_steps(out, d.steps, "", 2, o);
        out += "\n";
    }
    if (!d.results.empty()) {
        out += d.headings.result + "\n";
        for (const auto& result : d.results) out += named(result, 2, o);
    }
    return out;
}

}  // namespace showwork::trace::detail
