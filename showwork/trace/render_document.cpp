// LaTeX for a whole derivation: `latex` writes the math of every step as lines a reader can
// paste (the sentences as % comments); `document` writes a complete .tex file that compiles
// with pdflatex as it is (amsmath, amssymb, geometry, graphicx: all in texlive-latex-base).
//
// Long derivations break across lines and pages: every step's math is its own display, a
// chain wider than a line is set in align* one link per line, a list wider than a line is
// broken between its items, \allowdisplaybreaks lets those break across pages, and an
// expression wider than the text is scaled down to fit, except a matrix that would be set at less
// than two thirds of its size: it is wrapped into blocks of columns. Inputs and results are each one block
// aligned on their = signs.
#include <algorithm>
#include <optional>

#include "showwork/trace/render.hpp"
#include "showwork/trace/render_detail.hpp"

namespace showwork::trace::detail {

namespace {

// Expressions wider than this many terminal columns are set so that they cannot run off the
// page (a text column is about 80 characters of 11pt math).
constexpr std::size_t wide_columns = 70;
// LaTeX nests at most four enumerate lists; deeper sub-steps continue at the fourth level.
constexpr std::size_t max_list_depth = 4;
// The part of the line an operand of a chain set in align* may take; its arrow takes the rest.
constexpr std::string_view chain_share = "0.7";

constexpr std::string_view preamble = R"(\documentclass[11pt]{article}
\usepackage[utf8]{inputenc}
\usepackage[T1]{fontenc}
\usepackage{amsmath}
\usepackage{amssymb}
\usepackage{graphicx}
\usepackage[margin=2cm]{geometry}
\allowdisplaybreaks
\setcounter{MaxMatrixCols}{64}
% An expression as wide as it is, or scaled down to a fraction of the line (0.9 unless given).
\newcommand{\fitline}[2][0.9]{\resizebox{\ifdim\width>#1\linewidth #1\linewidth\else\width\fi}{!}{$\displaystyle #2$}}
)";

// ---- latex: fragments ----

void fragment_steps(std::string& out, const std::vector<Step>& steps, const std::string& parent,
                    const RenderOptions& o) {
    for (std::size_t k = 0; k < steps.size(); ++k) {
        const Step& step = steps[k];
        std::string number = step_number(parent, k);
        out += "% " + number + ". " + step.text + "\n";
        if (step.operation) out += to_latex(*step.operation, o) + "\n";
        if (const Math* state = shown_state(step)) out += to_latex(*state, o) + "\n";
        fragment_steps(out, step.substeps, number, o);
    }
}

std::string named_latex(const Named& n, const RenderOptions& o) {
    NamedParts parts = named_parts(n);
    return parts.label ? latex_equals(*parts.label, *parts.value, o) : to_latex(*parts.value, o);
}

// ---- document ----

std::size_t width_in_columns(const Math& m, const RenderOptions& o) {
    return text_layout(m, o).width;
}

// `share` is the part of the line the expression may take: less in a chain, whose arrow and
// label take the rest.
std::string fitted(const Math& m, const RenderOptions& o, std::string_view share = "") {
    std::string latex = to_latex(m, o);
    if (width_in_columns(m, o) <= wide_columns) return latex;
    return "\\fitline" + (share.empty() ? std::string() : "[" + std::string(share) + "]") + "{" + latex + "}";
}

// A matrix wider than this many columns is wrapped into blocks of columns rather than scaled:
// scaled to the line it would be set at less than two thirds of its size.
constexpr std::size_t wrap_columns = wide_columns * 3 / 2;

// Columns first..last of a matrix, with its highlights and the bar where it falls inside.
Math column_block(const Math& m, std::size_t first, std::size_t last) {
    const std::size_t cols = last - first + 1, bar = m.cols - m.augment;  // the bar: left of column `bar`
    std::vector<Math> cells;
    cells.reserve(m.rows * cols);
    for (std::size_t i = 0; i < m.rows; ++i) {
        for (std::size_t j = first; j <= last; ++j) cells.push_back(m.args[i * m.cols + j]);
    }
    Math block = matrix(m.rows, cols, std::move(cells), m.augment > 0 && bar > first && bar <= last ? last + 1 - bar : 0);
    std::vector<std::size_t> marks;
    for (std::size_t cell : m.highlight()) {
        const std::size_t i = cell / m.cols, j = cell % m.cols;
        if (j >= first && j <= last) marks.push_back(i * cols + (j - first));
    }
    if (!marks.empty()) block.extras.make().highlight = std::move(marks);
    return block;
}

// A matrix too wide for a line, as blocks of whole columns that each fit, one per line and
// tagged with their columns, as a terminal prints a wide matrix:
//   \begin{gather*} A = (…) \tag*{columns 1–9} \\ (…) \tag*{columns 10–18} \end{gather*}
// Nothing when it is narrow enough to be scaled, or a column alone is too wide for a line.
std::optional<std::string> wrapped_matrix(const Math& label, const Math& m, const RenderOptions& o) {
    if (m.kind != Kind::matrix || m.cols < 2) return std::nullopt;
    // each column as wide as its widest entry, with the space between columns: the matrix's width
    std::vector<std::size_t> widths(m.cols, 0);
    for (std::size_t k = 0; k < m.args.size(); ++k) {
        widths[k % m.cols] = std::max(widths[k % m.cols], width_in_columns(m.args[k], o) + 2);
    }
    std::size_t total = 0;
    for (std::size_t w : widths) total += w;
    if (total <= wrap_columns) return std::nullopt;
    const std::size_t room = wide_columns - (label.is_empty() ? 0 : width_in_columns(label, o) + 3) - 4;
    std::vector<std::pair<std::size_t, std::size_t>> blocks;
    for (std::size_t j = 0, used = 0; j < m.cols; ++j) {
        if (widths[j] > room) return std::nullopt;
        if (blocks.empty() || used + widths[j] > room) {
            blocks.push_back({j, j});
            used = 0;
        }
        blocks.back().second = j;
        used += widths[j];
    }
    // as many columns in each block as the greedy count allows: 12 and 12 rather than 23 and 1
    const std::size_t even = (m.cols + blocks.size() - 1) / blocks.size();
    std::vector<std::pair<std::size_t, std::size_t>> balanced;
    for (std::size_t first = 0; first < m.cols; first += even) {
        const std::size_t last = std::min(first + even, m.cols) - 1;
        std::size_t used = 0;
        for (std::size_t j = first; j <= last; ++j) used += widths[j];
        if (used > room) break;
        balanced.push_back({first, last});
    }
    if (!balanced.empty() && balanced.back().second == m.cols - 1) blocks = std::move(balanced);
    std::string out = "\\begin{gather*}\n";
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        const auto [first, last] = blocks[b];
        if (b > 0) out += " \\\\\n";
        if (b == 0 && !label.is_empty()) out += to_latex(label, o) + " = ";
        out += to_latex(column_block(m, first, last), o);
        out += first == last ? "\\tag*{column " + std::to_string(first + 1) + "}"
                             : "\\tag*{columns " + std::to_string(first + 1) + "--" + std::to_string(last + 1) + "}";
    }
    return out + "\n\\end{gather*}\n";
}

// The k-th relation of a chain alone, as its symbol: "=", "\\xrightarrow{R_2 - 2R_1}".
std::string relation_symbol(const Math& chain, std::size_t k, const RenderOptions& o) {
    // the relation between empty operands
    std::vector<Math> label;
    if (k < chain.labels().size()) label.push_back(chain.labels()[k]);
    Math link = trace::chain(std::vector<Math>(2), {chain.relations()[k]}, std::move(label));
    std::string symbol = to_latex(link, o);
    return symbol.substr(1, symbol.size() - 2);
}

// A chain too wide for a line, one link per line, all in one column:
//   &A \\ &\xrightarrow{…} B \\ &\xrightarrow{…} C
std::string aligned_chain(const Math& m, const RenderOptions& o) {
    std::string out = "\\begin{align*}\n&" + fitted(m.args[0], o, chain_share);
    for (std::size_t k = 0; k < m.relations().size(); ++k)
        out += " \\\\\n&" + relation_symbol(m, k, o) + " " + fitted(m.args[k + 1], o, chain_share);
    return out + "\n\\end{align*}\n";
}

// A list too wide for a line (the row operations of one elimination step), broken between its
// items into lines that fit, each centred: \begin{gather*} a, b, \\ c \end{gather*}
std::string broken_list(const Math& m, const RenderOptions& o) {
    std::string out = "\\begin{gather*}\n", line;
    std::size_t columns = 0;
    for (std::size_t k = 0; k < m.args.size(); ++k) {
        const std::size_t width = width_in_columns(m.args[k], o) + 2;
        if (!line.empty() && columns + width > wide_columns) {
            out += line + m.text + " \\\\\n";
            line.clear();
            columns = 0;
        }
        line += (line.empty() ? "" : m.text) + fitted(m.args[k], o);
        columns += width;
    }
    return out + line + "\n\\end{gather*}\n";
}

std::string display(const Math& m, const RenderOptions& o) {
    if (m.kind == Kind::relation && m.args.size() > 2 && width_in_columns(m, o) > wide_columns) {
        return aligned_chain(m, o);
    }
    if (m.kind == Kind::list && m.args.size() > 1 && width_in_columns(m, o) > wide_columns) return broken_list(m, o);
    if (auto wrapped = wrapped_matrix(empty(), m, o)) return *wrapped;
    return "\\[ " + fitted(m, o) + " \\]\n";
}

void document_steps(std::string& out, const std::vector<Step>& steps, std::size_t depth,
                    const RenderOptions& o) {
    bool list = depth < max_list_depth;
    if (list) out += "\\begin{enumerate}\n";
    for (const auto& step : steps) {
        out += (list ? "\\item " : "\\par\\noindent ") + latex_prose(step.text) + "\n";
        if (step.operation) out += display(*step.operation, o);
        if (const Math* state = shown_state(step)) out += display(*state, o);
        if (!step.substeps.empty()) document_steps(out, step.substeps, depth + 1, o);
    }
    if (list) out += "\\end{enumerate}\n";
}

// Inputs or results, `name = value` each, as one block aligned on their relations:
//   \begin{align*} x &= 0 \\ y &= 2 \end{align*}
// A result that is not one relation between two sides (a list of equations, a long chain) is
// displayed on its own, in its place.
std::string aligned_named(const std::vector<Named>& named, const RenderOptions& o) {
    std::string out, rows;
    auto flush = [&] {
        if (!rows.empty()) out += "\\begin{align*}\n" + rows + "\n\\end{align*}\n";
        rows.clear();
    };
    for (const auto& n : named) {
        NamedParts parts = named_parts(n);
        const Math& m = *parts.value;
        if (parts.label && m.kind == Kind::matrix) {
            if (auto wrapped = wrapped_matrix(*parts.label, m, o)) {
                flush();
                out += *wrapped;
                continue;
            }
        }
        if (parts.label) {
            rows += (rows.empty() ? "" : " \\\\\n") + to_latex(*parts.label, o) + " &= " + fitted(m, o, chain_share);
        } else if (m.kind == Kind::relation && m.args.size() == 2) {
            rows += (rows.empty() ? "" : " \\\\\n") + to_latex(m.args[0], o) + " &" + relation_symbol(m, 0, o) + " " +
                    fitted(m.args[1], o, chain_share);
        } else {
            flush();
            out += display(m, o);
        }
    }
    flush();
    return out;
}

}  // namespace

std::string latex_fragments(const Document& d, const RenderOptions& o) {
    std::string out;
    if (!d.title.empty()) out += "% " + d.title + "\n";
    if (!d.inputs.empty()) out += "% " + d.headings.input + "\n";
    for (const auto& input : d.inputs) out += named_latex(input, o) + "\n";
    if (o.steps && !d.steps.empty()) {
        out += "% " + d.headings.steps + "\n";
        fragment_steps(out, d.steps, "", o);
    }
    if (!d.results.empty()) out += "% " + d.headings.result + "\n";
    for (const auto& result : d.results) out += named_latex(result, o) + "\n";
    return out;
}

std::string latex_document(const Document& d, const RenderOptions& o) {
    std::string out(preamble);
    out += "\\title{" + latex_prose(d.title.empty() ? d.command : d.title) + "}\n\\date{}\n";
    out += "\\begin{document}\n\\maketitle\n";
    if (!d.number.empty()) out += "\\noindent Arithmetic: " + latex_prose(d.number) + ".\n";
    if (!d.inputs.empty()) {
        out += "\\section*{" + latex_prose(d.headings.input) + "}\n";
        out += aligned_named(d.inputs, o);
    }
    if (o.steps && !d.steps.empty()) {
        out += "\\section*{" + latex_prose(d.headings.steps) + "}\n";
        document_steps(out, d.steps, 0, o);
    }
    if (!d.results.empty()) {
        out += "\\section*{" + latex_prose(d.headings.result) + "}\n";
        out += aligned_named(d.results, o);
    }
    return out + "\\end{document}\n";
}

}  // namespace showwork::trace::detail
