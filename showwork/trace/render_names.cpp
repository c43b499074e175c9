// Names shared by the renderers: precedence, Greek letters, known functions, escaping.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <utility>

#include "showwork/trace/number.hpp"
#include "showwork/trace/render_detail.hpp"

namespace showwork::trace::detail {

namespace {

struct Name {
    std::string_view word, latex, unicode;
};

constexpr std::array greek_names{
    Name{"alpha", "\\alpha", "α"},     Name{"beta", "\\beta", "β"},
    Name{"gamma", "\\gamma", "γ"},     Name{"delta", "\\delta", "δ"},
    Name{"epsilon", "\\epsilon", "ε"}, Name{"varepsilon", "\\varepsilon", "ε"},
    Name{"zeta", "\\zeta", "ζ"},       Name{"eta", "\\eta", "η"},
    Name{"theta", "\\theta", "θ"},     Name{"kappa", "\\kappa", "κ"},
    Name{"lambda", "\\lambda", "λ"},   Name{"mu", "\\mu", "μ"},
    Name{"nu", "\\nu", "ν"},           Name{"xi", "\\xi", "ξ"},
    Name{"pi", "\\pi", "π"},           Name{"rho", "\\rho", "ρ"},
    Name{"sigma", "\\sigma", "σ"},     Name{"tau", "\\tau", "τ"},
    Name{"phi", "\\phi", "φ"},         Name{"chi", "\\chi", "χ"},
    Name{"psi", "\\psi", "ψ"},         Name{"omega", "\\omega", "ω"},
    Name{"Gamma", "\\Gamma", "Γ"},     Name{"Delta", "\\Delta", "Δ"},
    Name{"Theta", "\\Theta", "Θ"},     Name{"Lambda", "\\Lambda", "Λ"},
    Name{"Sigma", "\\Sigma", "Σ"},     Name{"Phi", "\\Phi", "Φ"},
    Name{"Omega", "\\Omega", "Ω"},     Name{"partial", "\\partial", "∂"}, Name{"boldpartial", "\\boldsymbol{\\partial}", "∂"},
    Name{"nabla", "\\nabla", "∇"},     Name{"emptyset", "\\emptyset", "∅"},
    Name{"infty", "\\infty", "∞"},     Name{"top", "\\top", "⊤"},
    Name{"ell", "\\ell", "ℓ"},       Name{"circ", "\\circ", "∘"},
    Name{"sum", "\\sum", "Σ"},
};

constexpr std::pair<std::string_view, std::string_view> function_names[] = {
    {"sin", "\\sin"},
    {"cos", "\\cos"}, {"tan", "\\tan"}, {"ln", "\\ln"}, {"log", "\\log"}, {"exp", "\\exp"},
    {"tanh", "\\tanh"}, {"sinh", "\\sinh"}, {"cosh", "\\cosh"}, {"max", "\\max"},
    {"min", "\\min"}, {"det", "\\det"}, {"arg", "\\arg"},
    // the calculus module's names: ReLU and its derivative, a Jacobian applied to a point
    {"ReLU", "\\operatorname{ReLU}"}, {"ReLU'", "\\operatorname{ReLU}'"}, {"J_F", "J_F"},
    // the network module's activations and their derivatives
    {"sigma'", "\\sigma'"}, {"tanh'", "\\tanh'"}, {"id", "\\operatorname{id}"}, {"id'", "\\operatorname{id}'"},
    {"softmax", "\\operatorname{softmax}"},
};


}  // namespace

bool is_negative(const Math& math) {
    return (math.kind == Kind::number && is_negative_number(math.text)) || math.kind == Kind::negate;
}

bool is_delimited(const Math& apply) {
    if (apply.args.size() != 1) return false;
    const Math& x = apply.args[0];
    return (x.kind == Kind::group && !x.text.empty()) || (apply.text == "det" && x.kind == Kind::symbol);
}

bool is_set_of_items(const Math& set) {
    return set.kind == Kind::set && set.args[1].is_empty() && set.args[0].kind == Kind::list;
}

bool is_determinant_of_entries(const Math& apply) {
    return apply.text == "det" && apply.args.size() == 1 && apply.args[0].kind == Kind::matrix &&
           apply.args[0].augment == 0;
}

namespace {

bool is_plain_symbol(const Math& m) {
    return m.kind == Kind::symbol && m.args[0].is_empty() && m.args[1].is_empty() && !m.style.transpose;
}

// ∂x, ∂f: the differential of a name, one token (∂f/∂x needs no parentheses).
bool is_differential(const Math& m) {
    return m.kind == Kind::product && m.text.empty() && m.args.size() == 2 && m.args[0].kind == Kind::symbol &&
           m.args[0].text == "partial" && m.args[1].kind == Kind::symbol;
}

}  // namespace

bool merges_with_number(const Math& left, const Math& right) {
    if (left.kind != Kind::number) return false;
    const Math& first = right.kind == Kind::power ? right.args[0] : right;
    if (first.kind == Kind::number) return true;
    // e1, E2: a decimal exponent after a number
    const std::string& name = first.text;
    return first.kind == Kind::symbol && name.size() > 1 && (name[0] == 'e' || name[0] == 'E') &&
           std::isdigit(static_cast<unsigned char>(name[1]));
}

bool juxtaposes_tightly(const Math& left, const Math& right) {
    // a power of a plain symbol sits as close as the symbol: 3y^{2}, like 2x
    bool symbol_like = right.kind == Kind::symbol ||
                       (right.kind == Kind::power && is_plain_symbol(right.args[0]));
    if (symbol_like) return left.kind == Kind::number || is_plain_symbol(left);
    // a parenthesis after a number, a letter, a power, a function's value or another
    // parenthesis: 2(x + 1), x²(x − 1), σ(x)(1 − σ(x)), (a + b)(c + d)
    bool parenthesised = right.kind == Kind::sum || right.kind == Kind::group;
    return parenthesised && (left.kind == Kind::number || left.kind == Kind::symbol || left.kind == Kind::apply ||
                             left.kind == Kind::power || left.kind == Kind::sum || left.kind == Kind::group);
}

bool letters_side_by_side(const Math& left, const Math& right) {
    // lower-case letters only: a matrix beside a vector reads as their product, Ax, cA
    auto letter = [](const Math& m) {
        return is_plain_symbol(m) && !m.style.bold && m.text.size() == 1 && std::islower(static_cast<unsigned char>(m.text[0]));
    };
    return letter(left) && (letter(right) || (right.kind == Kind::power && letter(right.args[0])));
}

int precedence(const Math& math) {
    switch (math.kind) {
        case Kind::relation:
        case Kind::list: return relation_level;
        case Kind::sum:
        case Kind::negate: return sum_level;
        case Kind::product: return is_differential(math) ? atom_level : product_level;
        case Kind::power: return power_level;
        case Kind::number: return is_negative_number(math.text) ? sum_level : atom_level;
        default: return atom_level;
    }
}

std::string_view greek_latex(std::string_view name) {
    for (const auto& g : greek_names)
        if (g.word == name) return g.latex;
    return {};
}

std::string_view greek_unicode(std::string_view name) {
    for (const auto& g : greek_names)
        if (g.word == name) return g.unicode;
    return {};
}

std::string_view known_function_latex(std::string_view name) {
    for (const auto& [word, latex] : function_names)
        if (word == name) return latex;
    return {};
}

std::string with_minus_signs(std::string_view words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        bool starts_word = i == 0 || std::string_view(" ([=,").find(words[i - 1]) != std::string_view::npos;
        bool before_number = i + 1 < words.size() && std::isdigit(static_cast<unsigned char>(words[i + 1]));
        if (words[i] == '-' && starts_word && before_number) out += "−";
        else out += words[i];
    }
    return out;
}

std::size_t display_width(std::string_view utf8) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        auto c = static_cast<unsigned char>(utf8[i]);
        std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        // U+0300–U+036F (combining diacritics, e.g. the hat of β̂) are 0xCC 0x80 … 0xCD 0xAF.
        bool combining = length == 2 && (c == 0xCC || (c == 0xCD && i + 1 < utf8.size() &&
                                                       static_cast<unsigned char>(utf8[i + 1]) < 0xB0));
        if (!combining) ++width;
        i += length;
    }
    return width;
}

Math name_math(const std::string& name) {
    bool letter = name.size() == 1 && std::isalpha(static_cast<unsigned char>(name[0]));
    if (letter || !greek_latex(name).empty()) return symbol(name);
    std::string words = name;
    std::replace(words.begin(), words.end(), '_', ' ');
    return text(words);
}

NamedParts named_parts(const Named& named) {
    auto is_relation = [](const Math& m) { return m.kind == Kind::relation; };
    bool says_itself = is_relation(named.value) ||
                       (named.value.kind == Kind::list && !named.value.args.empty() &&
                        std::all_of(named.value.args.begin(), named.value.args.end(), is_relation));
    if (says_itself || (!named.label && named.name == "result")) return {std::nullopt, &named.value};
    return {named.label ? *named.label : name_math(named.name), &named.value};
}

const Math* shown_state(const Step& step) {
    if (!step.state) return nullptr;
    const bool ends_in_it = step.operation && step.operation->kind == Kind::relation && !step.operation->args.empty() &&
                            step.operation->args.back() == *step.state;
    return ends_in_it ? nullptr : &*step.state;
}

std::string step_number(const std::string& parent, std::size_t index) {
    return (parent.empty() ? "" : parent + ".") + std::to_string(index + 1);
}

}  // namespace showwork::trace::detail

namespace showwork::trace {

bool is_greek_name(std::string_view name) { return !detail::greek_latex(name).empty(); }

}  // namespace showwork::trace
