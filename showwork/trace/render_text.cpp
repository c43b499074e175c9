// Plain text for a terminal: Unicode symbols, matrices in tall brackets with right-aligned
// columns, chains of matrices side by side with their middle rows lined up.
#include <algorithm>
#include <array>
#include <optional>

#include "showwork/trace/number.hpp"
#include "showwork/trace/render.hpp"
#include "showwork/trace/render_detail.hpp"
#include "showwork/trace/text_box.hpp"

namespace showwork::trace {

// The renderer's own names, apart from the other renderers' (the unity build joins them).
namespace text_boxes {
namespace {

using detail::precedence;

TextBox layout(const Math& m, const RenderOptions& o);

TextBox parenthesised(const TextBox& box) { return delimited(box, paren_left, paren_right); }

// A number with the one minus sign text uses everywhere, in matrices as in operations: −1/2, 1e−05.
std::string number_text(std::string_view exact) {
    std::string out;
    for (char c : exact) out += c == '-' ? std::string("−") : std::string(1, c);
    return out;
}

TextBox operand(const Math& m, int level, const RenderOptions& o) {
    TextBox box = layout(m, o);
    return precedence(m) < level ? parenthesised(box) : box;
}

// Characters with a Unicode sub- or superscript form; text with any other character keeps
// the ASCII form (R_12 stays R₁₂, x_ab stays x_ab). ∞ has none and is written as it is below:
// κ∞, as the norm ‖r‖∞ is.
constexpr std::array<std::array<std::string_view, 3>, 32> scripts{{
    {"0", "₀", "⁰"}, {"1", "₁", "¹"}, {"2", "₂", "²"}, {"3", "₃", "³"}, {"4", "₄", "⁴"},
    {"5", "₅", "⁵"}, {"6", "₆", "⁶"}, {"7", "₇", "⁷"}, {"8", "₈", "⁸"}, {"9", "₉", "⁹"},
    {"+", "₊", "⁺"}, {"-", "₋", "⁻"}, {"−", "₋", "⁻"}, {"∞", "∞", ""},  // κ∞, ‖r‖∞ {"=", "₌", "⁼"}, {"(", "₍", "⁽"}, {")", "₎", "⁾"},
    {"i", "ᵢ", "ⁱ"}, {"j", "ⱼ", ""}, {"k", "ₖ", ""}, {"l", "ₗ", ""}, {"m", "ₘ", ""},
    {"n", "ₙ", "ⁿ"}, {"t", "ₜ", ""}, {"x", "ₓ", ""}, {"a", "ₐ", ""}, {"e", "ₑ", ""},
    {"o", "ₒ", ""}, {"p", "ₚ", ""}, {"s", "ₛ", ""}, {"T", "", "ᵀ"}, {"⊤", "", "ᵀ"},
}};

std::optional<std::string> unicode_script(std::string_view text, std::size_t which) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool found = false;
        for (const auto& row : scripts) {
            if (!row[which].empty() && text.substr(i, row[0].size()) == row[0]) {
                out += row[which];
                i += row[0].size();
                found = true;
                break;
            }
        }
        if (!found) return std::nullopt;
    }
    return out;
}

// x₂, x²; or x_12, x^(n+1) when Unicode has no form for every character.
std::string script(std::string_view text, bool sub) {
    if (auto unicode = unicode_script(text, sub ? 1 : 2)) return *unicode;
    // one character, or a bracketed layer index A^[2], needs no parentheses
    bool simple = detail::display_width(text) == 1 || (text.front() == '[' && text.back() == ']');
    std::string mark = sub ? "_" : "^";
    return simple ? mark + std::string(text) : mark + "(" + std::string(text) + ")";
}

std::string one_line(const Math& m, const RenderOptions& o) {
    TextBox box = layout(m, o);
    std::string out;
    for (const auto& line : box.lines) {
        std::string trimmed = line.substr(0, line.find_last_not_of(' ') + 1);
        out += (out.empty() ? "" : " ") + trimmed;
    }
    return out;
}

std::string symbol_name(const Math& m) {
    std::string_view greek = detail::greek_unicode(m.text);
    std::string name = greek.empty() ? m.text : std::string(greek);
    if (m.style.blackboard) {
        for (auto [letter, unicode] : std::array<std::pair<std::string_view, std::string_view>, 5>{
                 {{"R", "ℝ"}, {"N", "ℕ"}, {"Z", "ℤ"}, {"Q", "ℚ"}, {"C", "ℂ"}}}) {
            if (name == letter) name = unicode;
        }
    }
    if (m.style.hat) name += "\u0302";  // combining circumflex: β̂
    if (m.style.bar) name += "\u0304";  // combining macron: ȳ
    return name;
}

TextBox symbol(const Math& m, const RenderOptions& o) {
    std::string out = symbol_name(m);
    if (!m.args[0].is_empty()) out += script(one_line(m.args[0], o), true);
    if (!m.args[1].is_empty()) out += script(one_line(m.args[1], o), false);
    if (m.style.transpose) out += "ᵀ";
    return text_box(out);
}

// ⎡ 2  3 │  6 ⎤
// ⎣ 4  5 │ 10 ⎦
// `left`, `right`: brackets, or the vertical bars of a determinant.
TextBox matrix(const Math& m, const RenderOptions& o, const Delimiter& left = bracket_left,
               const Delimiter& right = bracket_right) {
    std::vector<std::string> cells;
    for (std::size_t k = 0; k < m.args.size(); ++k) {
        std::string text = one_line(m.args[k], o);
        if (std::find(m.highlight().begin(), m.highlight().end(), k) != m.highlight().end()) {
            text = "[" + text + "]";
        }
        cells.push_back(std::move(text));
    }
    std::vector<std::size_t> width(m.cols, 0);
    for (std::size_t k = 0; k < cells.size(); ++k) {
        width[k % m.cols] = std::max(width[k % m.cols], detail::display_width(cells[k]));
    }
    std::size_t bar = m.augment > 0 && m.augment < m.cols ? m.cols - m.augment : m.cols;
    std::vector<TextBox> rows;
    for (std::size_t i = 0; i < m.rows; ++i) {
        std::string line = " ";
        for (std::size_t j = 0; j < m.cols; ++j) {
            if (j > 0) line += j == bar ? " │ " : "  ";
            const std::string& c = cells[i * m.cols + j];
            line += std::string(width[j] - detail::display_width(c), ' ') + c;
        }
        rows.push_back(text_box(line + " "));
    }
    if (rows.empty()) rows.push_back(text_box("  "));
    TextBox body = stacked(rows, (rows.size() - 1) / 2);
    return delimited(body, left, right);
}

//  i   xᵢ  yᵢ
//  ─────────
//  1    1   2
//  ─────────
//  Σ   15  20
TextBox table(const Math& m, const RenderOptions& o) {
    std::vector<std::string> cells;
    for (const auto& cell : m.args) cells.push_back(one_line(cell, o));
    std::vector<std::size_t> width(m.cols, 0);
    for (std::size_t k = 0; k < cells.size(); ++k)
        width[k % m.cols] = std::max(width[k % m.cols], detail::display_width(cells[k]));
    std::size_t total_width = 0;
    for (std::size_t w : width) total_width += w;
    total_width += m.cols > 0 ? 2 * (m.cols - 1) : 0;
    std::vector<TextBox> lines;
    auto rule = [&] {
        std::string line;
        for (std::size_t k = 0; k < total_width; ++k) line += "─";
        lines.push_back(text_box(line));
    };
    for (std::size_t i = 0; i <= m.rows; ++i) {  // row 0 is the header
        if (i == 1 || (m.augment > 0 && i == m.rows + 1 - m.augment)) rule();
        std::string line;
        for (std::size_t j = 0; j < m.cols; ++j) {
            const std::string& c = cells[i * m.cols + j];
            std::string pad(width[j] - detail::display_width(c), ' ');
            bool left = m.args[i * m.cols + j].kind == Kind::text;
            line += (j == 0 ? "" : "  ") + (left ? c + pad : pad + c);
        }
        lines.push_back(text_box(line));
    }
    return stacked(lines, 0);
}

std::string_view relation_symbol(Rel rel) {
    switch (rel) {
        case Rel::equals: return "=";
        case Rel::approx: return "≈";
        case Rel::not_equals: return "≠";
        case Rel::to: return "→";
        case Rel::equivalent: return "∼";
        case Rel::interchange: return "↔";
        case Rel::arrow: return "→";
        case Rel::implies: return "⟹";
        case Rel::in: return "∈";
        case Rel::leq: return "≤";
        case Rel::geq: return "≥";
        case Rel::less: return "<";
        case Rel::greater: return ">";
    }
    return "=";
}

// A  ─R₂ → R₂ − 2R₁→  B: a labelled arrow is its label drawn on a line ending in →.
TextBox relation(const Math& m, const RenderOptions& o) {
    // a list before ∈ says it of each item, t, s ∈ ℝ; any other list is a tuple, (1, 2)
    bool each = m.args[0].kind == Kind::list && !m.relations().empty() && m.relations()[0] == Rel::in;
    std::vector<TextBox> parts{each ? layout(m.args[0], o) : operand(m.args[0], detail::sum_level, o)};
    for (std::size_t k = 0; k < m.relations().size(); ++k) {
        bool labelled = m.relations()[k] == Rel::arrow && k < m.labels().size() && !m.labels()[k].is_empty();
        std::string rel = labelled ? "  ─" + one_line(m.labels()[k], o) + "→  "
                          : m.relations()[k] == Rel::arrow ? "  ──→  "
                                                         : " " + std::string(relation_symbol(m.relations()[k])) + " ";
        parts.push_back(text_box(rel));
        parts.push_back(operand(m.args[k + 1], detail::sum_level, o));
    }
    return beside(parts);
}

TextBox sum(const Math& m, const RenderOptions& o) {
    std::vector<TextBox> parts;
    for (std::size_t k = 0; k < m.args.size(); ++k) {
        const Math& term = m.args[k];
        if (k == 0) {
            parts.push_back(operand(term, detail::sum_level, o));
        } else if (term.kind == Kind::negate) {
            parts.push_back(text_box(" − "));
            parts.push_back(operand(term.args[0], detail::product_level, o));
        } else {
            parts.push_back(text_box(" + "));
            TextBox box = operand(term, detail::sum_level, o);
            parts.push_back(detail::is_negative(term) ? parenthesised(box) : box);
        }
    }
    return beside(parts);
}

TextBox product(const Math& m, const RenderOptions& o) {
    std::string op = m.text == "cdot" ? " · " : m.text == "times" ? " × " : m.text == "odot" ? " ⊙ " : m.text == "otimes" ? " ⊗ " : "";
    std::vector<TextBox> parts;
    for (std::size_t k = 0; k < m.args.size(); ++k) {
        const Math& factor = m.args[k];
        TextBox box = layout(factor, o);
        bool leading_sign = k == 0 && m.text.empty() && detail::is_negative(factor);
        if (leading_sign && factor.kind == Kind::number && is_compound_number(factor.text) && m.args.size() > 1) {
            // a fraction as a coefficient cannot be misread: −(1/3)R₂, not −1/3R₂
            box = beside({text_box("−"), parenthesised(text_box(number_text(factor.text.substr(1))))});
        } else if (m.text.empty() && factor.kind == Kind::number && is_compound_number(factor.text) &&
                   m.args.size() > 1) {
            box = parenthesised(box);  // (1/2)R₁
        } else if (precedence(factor) < detail::product_level && !leading_sign) {
            box = parenthesised(box);
        }
        if (k > 0) {
            // x y, apart, except in a summand: Σxy, as the notes write the sum of the products
            bool summand = m.args[0].kind == Kind::symbol && m.args[0].text == "sum";
            bool tight = detail::juxtaposes_tightly(m.args[k - 1], factor) &&
                         (summand || !detail::letters_side_by_side(m.args[k - 1], factor));
            std::string gap = m.text.empty() ? (tight ? "" : " ") : op;
            if (m.text.empty() && detail::merges_with_number(m.args[k - 1], factor)) gap = " · ";
            parts.push_back(text_box(gap));
        }
        parts.push_back(box);
    }
    return beside(parts);
}

// x², (a + b)², A^(−1); on a tall base the exponent sits at the top right.
TextBox power(const Math& m, const RenderOptions& o) {
    const Math& base = m.args[0];
    bool atom = precedence(base) == detail::atom_level &&
                !(base.kind == Kind::number && is_compound_number(base.text)) &&
                base.kind != Kind::fraction;
    TextBox box = layout(base, o);
    if (!atom) box = parenthesised(box);
    std::string exponent = script(one_line(m.args[1], o), false);
    TextBox raised = text_box(exponent);
    std::vector<TextBox> column{raised};
    for (std::size_t row = 1; row < box.height(); ++row) column.push_back(text_box(""));
    TextBox tall = stacked(column, 0);
    tall.baseline = box.baseline;
    return beside({box, tall});
}

TextBox joined(const Math& m, std::string_view separator, const RenderOptions& o) {
    std::vector<TextBox> parts;
    for (std::size_t k = 0; k < m.args.size(); ++k) {
        if (k > 0) parts.push_back(text_box(separator));
        parts.push_back(layout(m.args[k], o));
    }
    if (parts.empty()) return text_box("");
    return beside(parts);
}

// (x), |x| or ‖x‖ with its subscript.
TextBox group(const Math& m, const RenderOptions& o) {
    TextBox inner = layout(m.args[0], o);
    if (m.text.empty()) return parenthesised(inner);
    if (m.text == "|") return delimited(inner, bar, bar);
    TextBox box = delimited(inner, double_bar, double_bar);
    if (m.args.size() > 1) box = beside({box, text_box(script(one_line(m.args[1], o), true))});
    return box;
}

TextBox apply(const Math& m, const RenderOptions& o) {
    if (detail::is_determinant_of_entries(m)) return matrix(m.args[0], o, bar, bar);
    if (detail::is_square_root(m)) {  // √x, √(x + 1)
        const Math& x = m.args[0];
        const bool atom = x.kind == Kind::symbol || (x.kind == Kind::number && !detail::is_negative(x)) ||
                          x.kind == Kind::apply || x.kind == Kind::group;
        return beside({text_box("√"), atom ? layout(x, o) : parenthesised(layout(x, o))});
    }
    // a derivative's prime as ′: sigma' is σ′
    const bool prime = m.text.size() > 1 && m.text.back() == '\'';
    const std::string base = prime ? m.text.substr(0, m.text.size() - 1) : m.text;
    std::string_view greek = detail::greek_unicode(base);
    TextBox name = text_box((greek.empty() ? base : std::string(greek)) + (prime ? "′" : ""));
    if (detail::is_delimited(m)) return beside({name, text_box(" "), layout(m.args[0], o)});
    return beside({name, parenthesised(joined(m, ", ", o))});
}

TextBox set(const Math& m, const RenderOptions& o) {
    if (detail::is_set_of_items(m)) return text_box(m.args[0].args.empty() ? "∅" : "{" + one_line(m.args[0], o) + "}");
    std::vector<TextBox> parts{text_box(" "), layout(m.args[0], o)};
    if (!m.args[1].is_empty()) {
        parts.push_back(text_box(" | "));
        parts.push_back(layout(m.args[1], o));
    }
    parts.push_back(text_box(" "));
    return delimited(beside(parts), brace_left, brace_right);
}

TextBox cases(const Math& m, const RenderOptions& o) {
    std::vector<TextBox> lines;
    for (const auto& line : m.args) lines.push_back(beside({text_box(" "), layout(line, o)}));
    if (lines.empty()) return text_box("{");
    TextBox body = stacked(lines, (lines.size() - 1) / 2);
    return beside({delimiter_column(brace_left, body.height(), body.baseline), body});
}

TextBox layout(const Math& m, const RenderOptions& o) {
    switch (m.kind) {
        case Kind::empty: return text_box("");
        case Kind::number: return text_box(number_text(m.text));
        case Kind::symbol: return symbol(m, o);
        case Kind::text: return text_box(detail::with_minus_signs(m.text));  // one minus sign, as in prose
        case Kind::fraction: {
            // a/b on one line, read left to right with juxtaposition binding as tightly as /:
            // 2xy/(1 + y²)² needs no parentheses on top, and none round a power below
            auto part = [&](const Math& x, int level) {
                TextBox box = layout(x, o);
                bool bare = precedence(x) >= level && x.kind != Kind::fraction &&
                            !(x.kind == Kind::number && is_compound_number(x.text));
                return bare ? box : parenthesised(box);
            };
            return beside({part(m.args[0], detail::product_level), text_box("/"),
                           part(m.args[1], detail::power_level)});
        }
        case Kind::matrix: return matrix(m, o);
        case Kind::table: return table(m, o);
        case Kind::relation: return relation(m, o);
        case Kind::sum: return sum(m, o);
        case Kind::negate: return beside({text_box("−"), operand(m.args[0], detail::product_level, o)});
        case Kind::product: return product(m, o);
        case Kind::power: return power(m, o);
        case Kind::apply: return apply(m, o);
        case Kind::group: return group(m, o);
        case Kind::set: return set(m, o);
        case Kind::cases: return cases(m, o);
        case Kind::list: return joined(m, m.text, o);
    }
    return text_box("");
}

}  // namespace
}  // namespace text_boxes

std::string to_text(const Math& math, const RenderOptions& options) {
    return to_string(text_boxes::layout(math, options));
}

}  // namespace showwork::trace

namespace showwork::trace::detail {

// The box of one expression, for the document renderer that indents it.
TextBox text_layout(const Math& math, const RenderOptions& options) { return text_boxes::layout(math, options); }

TextBox text_equals(const Math& label, const Math& value, const RenderOptions& options) {
    return beside({text_boxes::operand(label, sum_level, options), text_box(" = "),
                   text_boxes::operand(value, sum_level, options)});
}

}  // namespace showwork::trace::detail
