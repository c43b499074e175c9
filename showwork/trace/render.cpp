// The format names and the dispatch from a format to its renderer.
#include "showwork/trace/render.hpp"

#include <fmt/format.h>

#include "showwork/error.hpp"
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

std::string render(const Document& document, Format format, const RenderOptions& options) {
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
