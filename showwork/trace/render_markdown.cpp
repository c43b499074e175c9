// Markdown for GitHub and notebooks: the title as a heading, prose with its math as $…$ and
// displays as $$ … $$ blocks,
// numbered steps with their sub-steps as nested lists.
#include "showwork/trace/render.hpp"
#include "showwork/trace/render_detail.hpp"

namespace showwork::trace::detail {

namespace {

std::string block(const Math& m, std::size_t indent, const RenderOptions& o) {
    std::string pad(indent, ' ');
    return pad + "$$" + to_latex(m, o) + "$$\n\n";
}

std::string named(const Named& n, const RenderOptions& o) {
    NamedParts parts = named_parts(n);
    if (!parts.label) return block(*parts.value, 0, o);
    return "$$" + latex_equals(*parts.label, *parts.value, o) + "$$\n\n";
}

// Lists nest at most this deep; deeper sub-steps continue as paragraphs in the deepest list
// item, each led by its full number in bold (**1.1.1.1.1.1.1.1.1.**), as the LaTeX document
// continues at its fourth level: a list item's content is indented past its parents' markers,
// and a step hundreds deep would otherwise be indented a thousand columns.
constexpr std::size_t max_markdown_list_depth = 8;

// "1. text" with its math and sub-steps indented under it (three spaces: the list marker).
void write_steps(std::string& out, const std::vector<Step>& steps, const std::string& parent, std::size_t depth,
                 std::size_t indent, const RenderOptions& o) {
    std::string pad(indent, ' ');
    const bool list = depth < max_markdown_list_depth;
    for (std::size_t k = 0; k < steps.size(); ++k) {
        const Step& step = steps[k];
        std::string marker = std::to_string(k + 1) + ". ";
        if (list) out += pad + marker + markdown_prose(step.text) + "\n\n";
        else out += pad + "**" + step_number(parent, k) + ".** " + markdown_prose(step.text) + "\n\n";
        std::size_t inner = list ? indent + marker.size() : indent;
        if (step.operation) out += block(*step.operation, inner, o);
        if (const Math* state = shown_state(step)) out += block(*state, inner, o);
        write_steps(out, step.substeps, step_number(parent, k), depth + 1, inner, o);
    }
}

}  // namespace

std::string markdown_document(const Document& d, const RenderOptions& o) {
    std::string out;
    if (!d.title.empty()) out += "# " + markdown_prose(d.title) + "\n\n";
    if (!d.inputs.empty()) {
        out += "## " + markdown_prose(d.headings.input) + "\n\n";
        for (const auto& input : d.inputs) out += named(input, o);
    }
    if (o.steps && !d.steps.empty()) {
        out += "## " + markdown_prose(d.headings.steps) + "\n\n";
        write_steps(out, d.steps, "", 0, 0, o);
    }
    if (!d.results.empty()) {
        out += "## " + markdown_prose(d.headings.result) + "\n\n";
        for (const auto& result : d.results) out += named(result, o);
    }
    while (out.ends_with("\n\n")) out.pop_back();
    return out;
}

}  // namespace showwork::trace::detail
