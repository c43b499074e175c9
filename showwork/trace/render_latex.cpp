// LaTeX fragments in the notes' notation: pmatrix, augmented arrays, \xrightarrow chains.
#include <algorithm>
#include <fmt/format.h>

#include <cctype>
#include <string_view>

#include "showwork/trace/number.hpp"
#include "showwork/trace/render.hpp"
#include "showwork/trace/render_detail.hpp"

namespace showwork::trace {

// The renderer's own names, apart from the other renderers' (the unity build joins them).
namespace latex_markup {
namespace {

using detail::precedence;

// amsmath's pmatrix holds at most MaxMatrixCols = 10 columns; wider matrices are arrays.
constexpr std::size_t matrix_environment_columns = 10;

std::string latex(const Math& m, const RenderOptions& o);

// Whether LaTeX sets this taller than a line of text: a fraction, a matrix, a big operator, or
// delimiters already sized to such a thing.
bool tall(const std::string& latex) {
    for (std::string_view command : {"\\frac", "\\begin", "\\left", "\\sum", "\\prod", "\\sqrt", "\\xrightarrow"}) {
        // the command itself, not a longer one that starts with its letters (\leftrightarrow)
        for (std::size_t at = latex.find(command); at != std::string::npos; at = latex.find(command, at + 1)) {
            std::size_t after = at + command.size();
            if (after == latex.size() || !std::isalpha(static_cast<unsigned char>(latex[after]))) return true;
        }
    }
    return false;
}

// (x + 1) around a line of text; \left( \frac{1}{2} \right) only where the parentheses must grow.
std::string parens(const std::string& inner) {
    return tall(inner) ? "\\left( " + inner + " \\right)" : "(" + inner + ")";
}

// x where a node of at least `level` is needed: parenthesised when it binds less tightly.
std::string operand(const Math& m, int level, const RenderOptions& o) {
    std::string inner = latex(m, o);
    return precedence(m) < level ? parens(inner) : inner;
}

// A sub- or superscript: one character as it is (R_2), anything longer in braces (x_{12}).
std::string script(char mark, const Math& m, const RenderOptions& o) {
    std::string inner = latex(m, o);
    if (inner.size() == 1) return std::string(1, mark) + inner;
    return std::string(1, mark) + "{" + inner + "}";
}

std::string symbol_name(const Math& m) {
    std::string_view greek = detail::greek_latex(m.text);
    std::string_view function = detail::known_function_latex(m.text);  // log_{10}: \log_{10}
    std::string name = !greek.empty()                                  ? std::string(greek)
                       : !function.empty() && function[0] == '\\' && std::isalpha(static_cast<unsigned char>(function[1]))
                           ? std::string(function)
                       : m.text.size() > 1 && std::all_of(m.text.begin(), m.text.end(), ::isalpha)
                           ? "\\mathrm{" + m.text + "}"
                           : m.text;
    if (m.style.blackboard) name = "\\mathbb{" + name + "}";
    if (m.style.bold) name = (!greek.empty() ? "\\boldsymbol{" : "\\mathbf{") + name + "}";
    if (m.style.hat) name = "\\hat{" + name + "}";
    if (m.style.bar) name = "\\bar{" + name + "}";
    return name;
}

std::string symbol(const Math& m, const RenderOptions& o) {
    std::string out = symbol_name(m);
    const Math& sub = m.args[0];
    const Math& super = m.args[1];
    if (!sub.is_empty()) out += script('_', sub, o);
    if (!super.is_empty() && m.style.transpose) out += "^{" + latex(super, o) + "\\top}";
    else if (!super.is_empty()) out += script('^', super, o);
    else if (m.style.transpose) out += "^\\top";
    return out;
}

std::string cell(const Math& m, std::size_t index, const RenderOptions& o) {
    std::string text = latex(m.args[index], o);
    for (std::size_t h : m.highlight())
        if (h == index) return "\\boxed{" + text + "}";
    return text;
}

std::string matrix_rows(const Math& m, const RenderOptions& o) {
    std::string out;
    for (std::size_t i = 0; i < m.rows; ++i) {
        out += i == 0 ? " " : " \\\\ ";
        for (std::size_t j = 0; j < m.cols; ++j) {
            if (j > 0) out += " & ";
            out += cell(m, i * m.cols + j, o);
        }
    }
    return out + " ";
}

// \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}, or with a bar:
// \left(\begin{array}{cc|c} 2 & 3 & 6 \\ 4 & 5 & 10 \end{array}\right)
// Rows holding fractions are spread apart (\arraystretch, within a group) so that a numerator
// does not touch the denominator above it.
// `bars`: the determinant of the entries, \begin{vmatrix} … \end{vmatrix}.
std::string matrix(const Math& m, const RenderOptions& o, bool bars = false) {
    const std::string rows = matrix_rows(m, o);
    std::string out;
    if (m.augment == 0 && m.cols <= matrix_environment_columns) {
        std::string env = bars ? "vmatrix" : o.bmatrix ? "bmatrix" : "pmatrix";
        out = "\\begin{" + env + "}" + rows + "\\end{" + env + "}";
    } else {
        std::string columns(m.cols - std::min(m.augment, m.cols), 'c');
        if (m.augment > 0) columns += "|" + std::string(std::min(m.augment, m.cols), 'c');
        std::string open = bars ? "\\left|" : o.bmatrix ? "\\left[" : "\\left(";
        std::string close = bars ? "\\right|" : o.bmatrix ? "\\right]" : "\\right)";
        out = open + "\\begin{array}{" + columns + "}" + rows + "\\end{array}" + close;
    }
    if (m.rows > 1 && rows.find("\\frac") != std::string::npos) return "{\\def\\arraystretch{1.4}" + out + "}";
    return out;
}

// \begin{array}{lrr} & \text{df} & … \\ \hline \text{Residual} & 3 & … \\ \hline … \end{array}
std::string table(const Math& m, const RenderOptions& o) {
    std::string columns;
    for (std::size_t j = 0; j < m.cols; ++j) {
        bool text = m.rows > 0 && m.args[m.cols + j].kind == Kind::text;
        columns += text ? 'l' : 'r';
    }
    std::string out = "\\begin{array}{" + columns + "}";
    for (std::size_t i = 0; i <= m.rows; ++i) {
        if (i == 1 || (m.augment > 0 && i == m.rows + 1 - m.augment)) out += " \\hline";
        for (std::size_t j = 0; j < m.cols; ++j) out += (j == 0 ? " " : " & ") + latex(m.args[i * m.cols + j], o);
        if (i < m.rows) out += " \\\\";
    }
    return out + " \\end{array}";
}

std::string_view relation_symbol(Rel rel) {
    switch (rel) {
        case Rel::equals: return "=";
        case Rel::approx: return "\\approx";
        case Rel::not_equals: return "\\neq";
        case Rel::to: return "\\to";
        case Rel::equivalent: return "\\sim";
        case Rel::interchange: return "\\leftrightarrow";
        case Rel::arrow: return "\\xrightarrow";
        case Rel::implies: return "\\implies";
        case Rel::in: return "\\in";
        case Rel::leq: return "\\leq";
        case Rel::geq: return "\\geq";
        case Rel::less: return "<";
        case Rel::greater: return ">";
    }
    return "=";
}

std::string relation(const Math& m, const RenderOptions& o) {
    // a list before \in says it of each item, t, s \in \mathbb{R}; any other list is a tuple, (1, 2)
    bool each = m.args[0].kind == Kind::list && !m.relations().empty() && m.relations()[0] == Rel::in;
    std::string out = each ? latex(m.args[0], o) : operand(m.args[0], detail::sum_level, o);
    for (std::size_t k = 0; k < m.relations().size(); ++k) {
        std::string rel(relation_symbol(m.relations()[k]));
        if (m.relations()[k] == Rel::arrow) {
            rel += "{" + (k < m.labels().size() ? latex(m.labels()[k], o) : std::string()) + "}";
        }
        out += " " + rel + " " + operand(m.args[k + 1], detail::sum_level, o);
    }
    return out;
}

// a + b - c: a negated term (or a negative number) after the first is written with a minus.
std::string sum(const Math& m, const RenderOptions& o) {
    std::string out;
    for (std::size_t k = 0; k < m.args.size(); ++k) {
        const Math& term = m.args[k];
        if (k == 0) {
            out += operand(term, detail::sum_level, o);
        } else if (term.kind == Kind::negate) {
            out += " - " + operand(term.args[0], detail::product_level, o);
        } else {
            std::string text = operand(term, detail::sum_level, o);
            out += " + " + (text.starts_with("-") ? parens(text) : text);
        }
    }
    return out;
}

bool ends_with_command(const std::string& latex) {
    std::size_t letters = latex.find_last_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    return letters != std::string::npos && letters + 1 < latex.size() && latex[letters] == '\\';
}

// 2R_1 (juxtaposition), a \cdot b, A \times B, A \odot B. A negative factor is parenthesised,
// except a leading one in a juxtaposition (-2R_1).
std::string product(const Math& m, const RenderOptions& o) {
    std::string op = m.text.empty() ? "" : " \\" + m.text + " ";
    std::string out;
    for (std::size_t k = 0; k < m.args.size(); ++k) {
        const Math& factor = m.args[k];
        std::string text = latex(factor, o);
        bool leading_sign = k == 0 && m.text.empty() && detail::is_negative(factor);
        if (precedence(factor) < detail::product_level && !leading_sign) text = parens(text);
        if (k > 0) {
            bool tight = detail::juxtaposes_tightly(m.args[k - 1], factor);
            // \alpha x, not \alphax: a command name would swallow the letter after it.
            if (tight && ends_with_command(out)) tight = false;
            std::string gap = m.text.empty() ? (tight ? "" : " ") : op;
            if (m.text.empty() && detail::merges_with_number(m.args[k - 1], factor)) gap = " \\cdot ";
            out += gap;
        }
        out += text;
    }
    return out;
}

// sin, cos, tanh, ln and σ raised to a positive whole power are written as the notes write them,
// \sin^{2}(x) rather than \sin(x)^{2}.
bool power_on_name(const Math& base, const Math& exponent) {
    static constexpr std::string_view names[] = {"sin", "cos", "tan", "tanh", "ln", "log", "sigma"};
    return base.kind == Kind::apply && std::find(std::begin(names), std::end(names), base.text) != std::end(names) &&
           exponent.kind == Kind::number && !exponent.text.empty() &&
           std::all_of(exponent.text.begin(), exponent.text.end(), ::isdigit);
}

std::string apply(const Math& m, const RenderOptions& o, const std::string& exponent = {});

std::string power(const Math& m, const RenderOptions& o) {
    const Math& base = m.args[0];
    if (power_on_name(base, m.args[1])) return apply(base, o, "^{" + latex(m.args[1], o) + "}");
    bool atom = precedence(base) == detail::atom_level &&
                !(base.kind == Kind::number && is_compound_number(base.text)) &&
                base.kind != Kind::fraction &&
                !(base.kind == Kind::symbol && (!base.args[1].is_empty() || base.style.transpose));
    std::string text = latex(base, o);
    return (atom ? text : parens(text)) + "^{" + latex(m.args[1], o) + "}";
}

// (x), |x| or ‖x‖ with its subscript.
std::string group(const Math& m, const RenderOptions& o) {
    std::string inner = latex(m.args[0], o);
    if (m.text.empty()) return parens(inner);
    if (m.text == "|") return "\\left| " + inner + " \\right|";
    std::string out = "\\left\\| " + inner + " \\right\\|";
    if (m.args.size() > 1) out += "_{" + latex(m.args[1], o) + "}";
    return out;
}

std::string apply(const Math& m, const RenderOptions& o, const std::string& exponent) {
    if (detail::is_determinant_of_entries(m) && exponent.empty()) return matrix(m.args[0], o, true);
    if (detail::is_square_root(m)) return "\\sqrt{" + latex(m.args[0], o) + "}" + exponent;
    std::string name(detail::known_function_latex(m.text));
    if (name.empty()) name = detail::greek_latex(m.text);
    if (name.empty()) name = m.text.size() == 1 ? m.text : "\\operatorname{" + m.text + "}";
    name += exponent;
    std::string arguments;
    for (std::size_t k = 0; k < m.args.size(); ++k) {
        arguments += (k > 0 ? ", " : "") + latex(m.args[k], o);
    }
    if (detail::is_delimited(m)) return name + " " + arguments;
    return name + parens(arguments);
}

std::string joined(const Math& m, std::string_view separator, const RenderOptions& o) {
    std::string out;
    for (std::size_t k = 0; k < m.args.size(); ++k) {
        if (k > 0) out += separator;
        out += latex(m.args[k], o);
    }
    return out;
}

std::string latex(const Math& m, const RenderOptions& o) {
    switch (m.kind) {
        case Kind::empty: return "";
        case Kind::number: return latex_number(m.text);
        case Kind::symbol: return symbol(m, o);
        case Kind::text: return "\\text{" + detail::latex_prose(m.text) + "}";
        case Kind::fraction: return "\\frac{" + latex(m.args[0], o) + "}{" + latex(m.args[1], o) + "}";
        case Kind::matrix: return matrix(m, o);
        case Kind::table: return table(m, o);
        case Kind::relation: return relation(m, o);
        case Kind::sum: return sum(m, o);
        case Kind::negate: return "-" + operand(m.args[0], detail::product_level, o);
        case Kind::product: return product(m, o);
        case Kind::power: return power(m, o);
        case Kind::apply: return apply(m, o);
        case Kind::group: return group(m, o);
        case Kind::set: {
            if (detail::is_set_of_items(m))
                return m.args[0].args.empty() ? "\\emptyset" : "\\{" + latex(m.args[0], o) + "\\}";
            if (m.args[1].is_empty()) return "\\left\\{ " + latex(m.args[0], o) + " \\right\\}";
            return "\\left\\{ " + latex(m.args[0], o) + " \\,\\middle|\\, " + latex(m.args[1], o) +
                   " \\right\\}";
        }
        case Kind::cases: return "\\begin{cases} " + joined(m, " \\\\ ", o) + " \\end{cases}";
        case Kind::list: return joined(m, m.text, o);
    }
    return "";
}

}  // namespace
}  // namespace latex_markup

std::string to_latex(const Math& math, const RenderOptions& options) { return latex_markup::latex(math, options); }

std::string detail::latex_equals(const Math& label, const Math& value, const RenderOptions& options) {
    return latex_markup::operand(label, detail::sum_level, options) + " = " +
           latex_markup::operand(value, detail::sum_level, options);
}

}  // namespace showwork::trace
