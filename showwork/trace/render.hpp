// Renderers: each a function from a trace to text; none changes the trace.
//
//   latex     fragments in the notes' notation (pmatrix, augmented arrays, \xrightarrow chains)
//   document  a complete .tex file that compiles with pdflatex as it is
//   markdown  prose with $$ … $$ blocks, for GitHub and notebooks
//   text      a terminal: Unicode, multi-line brackets, aligned columns, fractions as -1/2
//   json      for other programs; numbers as exact strings (README: "JSON output")
#pragma once

#include <string>
#include <string_view>

#include "showwork/trace/math.hpp"
#include "showwork/trace/trace.hpp"

namespace showwork::trace {

enum class Format { latex, document, markdown, text, json };

struct RenderOptions {
    bool steps = true;           // include the derivation, or only inputs and result
    bool bmatrix = false;        // square brackets instead of parentheses
};

// "latex", "document", "markdown", "text", "json"; throws InputError for anything else.
Format parse_format(std::string_view name);
std::string_view format_name(Format format);

// One expression.
std::string to_latex(const Math& math, const RenderOptions& options = {});
std::string to_text(const Math& math, const RenderOptions& options = {});
// Whether a symbol's name is a Greek letter's, which the renderers set as one letter: "alpha" (α).
bool is_greek_name(std::string_view name);

// A whole document in the chosen format.
std::string render(const Document& document, Format format, const RenderOptions& options = {});

}  // namespace showwork::trace
