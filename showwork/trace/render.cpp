// The format names and the dispatch from a format to its renderer.
#include "showwork/trace/render.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "showwork/error.hpp"
#include "showwork/limits.hpp"
#include "showwork/trace/render_detail.hpp"

namespace showwork::trace {

Format parse_format(std::string_view name) {
    if (name == "latex") return Format::latex;
    if (name == "document") return Format::document;
    if (name == "markdown") return Format::markdown;
    if (name == "text") return Format::text;
    if (name == "json") return Format::json;
    throw InputError(fmt::format("unknown format '{}': expected latex, document, markdown, text or json", name));
}

std::string_view format_name(Format format) {
    switch (format) {
        case Format::latex: return "latex";
        case Format::document: return "document";
        case Format::markdown: return "markdown";
        case Format::text: return "text";
        case Format::json: return "json";
    }
    return "text";
}

namespace {

// Every renderer walks the math and the steps recursively: a document deeper than the limits
// (showwork/limits.hpp) is refused rather than overflow the stack. Expressions the library
// builds stay far within them.
void check_depth(const Math& math) {
    if (depth(math) > max_math_depth) {
        throw InputError(fmt::format("math nested deeper than {} levels: too deep to write out", max_math_depth));
    }
}

void check_depth(const std::vector<Step>& steps, std::size_t level) {
    for (const Step& step : steps) {
        if (level > max_math_depth) {
            throw InputError(fmt::format("steps nested deeper than {} levels: too deep to write out", max_math_depth));
        }
        if (step.operation) check_depth(*step.operation);
        if (step.state) check_depth(*step.state);
        check_depth(step.substeps, level + 1);
    }
}

}  // namespace

std::string render(const Document& document, Format format, const RenderOptions& options) {
    for (const Named& named : document.inputs) check_depth(named.value);
    for (const Named& named : document.results) check_depth(named.value);
    check_depth(document.steps, 1);
    // the results shown in this format only
    const Named::Where hidden = format == Format::json ? Named::Where::not_json : Named::Where::json_only;
    if (std::any_of(document.results.begin(), document.results.end(), [&](const Named& n) { return n.where == hidden; })) {
        Document shown = document;
        std::erase_if(shown.results, [&](const Named& n) { return n.where == hidden; });
        return render(shown, format, options);
    }
    switch (format) {
        case Format::latex: return detail::latex_fragments(document, options);
        case Format::document: return detail::latex_document(document, options);
        case Format::markdown: return detail::markdown_document(document, options);
        case Format::text: return detail::text_document(document, options);
        case Format::json: return detail::json_document(document, options);
    }
    return detail::text_document(document, options);
}

}  // namespace showwork::trace
