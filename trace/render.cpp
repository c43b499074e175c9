// Minimal renderers: numbers and matrices as text. To be replaced by the full renderers.
#include "trace/render.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "error.hpp"

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

std::string to_latex(const Math& math, const RenderOptions&) { return to_text(math); }

std::string to_text(const Math& math, const RenderOptions& options) {
    switch (math.kind) {
        case Kind::number:
        case Kind::text:
        case Kind::symbol: return math.text;
        case Kind::matrix: {
            std::vector<std::size_t> width(math.cols, 0);
            for (std::size_t k = 0; k < math.args.size(); ++k)
                width[k % math.cols] = std::max(width[k % math.cols], to_text(math.args[k], options).size());
            std::string out;
            for (std::size_t i = 0; i < math.rows; ++i) {
                out += "[";
                for (std::size_t j = 0; j < math.cols; ++j) {
                    out += fmt::format(" {:>{}}", to_text(math.args[i * math.cols + j], options), width[j]);
                }
                out += " ]\n";
            }
            return out;
        }
        default: return "?";
    }
}

std::string render(const Document& document, Format, const RenderOptions& options) {
    std::string out;
    for (const auto& r : document.results) out += to_text(r.value, options);
    return out;
}

}  // namespace showwork::trace
