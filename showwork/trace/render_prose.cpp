// Prose for LaTeX: a sentence's words as text and its math as math, as the notes set them.
//   "Differentiate f with respect to x"       Differentiate $f$ with respect to $x$
//   "R₂ → R₂ − 2R₁ gives −1 in row 2"         $R_{2} \to R_{2} - 2R_{1}$ gives $-1$ in row 2
//   "Check: A A⁻¹ = I."                       Check: $A A^{-1} = I$.
// A word is math when it holds a mark only math uses (a sub- or superscript, an operator, a
// Greek letter, ^ or a short _ index), when it is a single letter other than the article
// ("a", and "A" opening a sentence before a lowercase word), or a letter or a known function
// applied to something (f(x), sin(x)); a number is math beside an operator. Neighbouring math
// words are one formula.
#include <algorithm>
#include <cctype>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "showwork/trace/render_detail.hpp"

namespace showwork::trace::detail {

namespace {

struct Symbol {
    std::string_view unicode, latex;
};

// Unicode that reads as math, and its LaTeX in a formula.
constexpr Symbol math_symbols[] = {
    {"×", "\\times "}, {"·", "\\cdot "}, {"→", "\\to "}, {"←", "\\leftarrow "}, {"↔", "\\leftrightarrow "},
    {"≈", "\\approx "}, {"≠", "\\neq "}, {"≤", "\\leq "}, {"≥", "\\geq "}, {"−", "-"}, {"⊙", "\\odot "},
    {"⊤", "\\top "}, {"∼", "\\sim "}, {"∈", "\\in "}, {"∑", "\\sum "}, {"∂", "\\partial "},
    {"∇", "\\nabla "}, {"∅", "\\emptyset "}, {"∞", "\\infty "}, {"ℝ", "\\mathbb{R} "}, {"∘", "\\circ "},
    {"⊗", "\\otimes "}, {"±", "\\pm "}, {"‖", "\\| "}, {"√", "\\surd "}, {"′", "'"},
    {"α", "\\alpha "}, {"β", "\\beta "}, {"γ", "\\gamma "}, {"δ", "\\delta "}, {"ε", "\\varepsilon "},
    {"ζ", "\\zeta "}, {"η", "\\eta "}, {"θ", "\\theta "}, {"κ", "\\kappa "}, {"λ", "\\lambda "},
    {"μ", "\\mu "}, {"ν", "\\nu "}, {"ξ", "\\xi "}, {"π", "\\pi "}, {"ρ", "\\rho "}, {"σ", "\\sigma "},
    {"τ", "\\tau "}, {"φ", "\\phi "}, {"χ", "\\chi "}, {"ψ", "\\psi "}, {"ω", "\\omega "},
    {"Γ", "\\Gamma "}, {"Δ", "\\Delta "}, {"Θ", "\\Theta "}, {"Λ", "\\Lambda "}, {"Σ", "\\Sigma "},
    {"Φ", "\\Phi "}, {"Ω", "\\Omega "}, {"ℓ", "\\ell "},
};
constexpr Symbol subscripts[] = {
    {"₀", "0"}, {"₁", "1"}, {"₂", "2"}, {"₃", "3"}, {"₄", "4"}, {"₅", "5"}, {"₆", "6"}, {"₇", "7"},
    {"₈", "8"}, {"₉", "9"}, {"ᵢ", "i"}, {"ⱼ", "j"}, {"ₖ", "k"}, {"ₙ", "n"}, {"ₘ", "m"}, {"₊", "+"}, {"₋", "-"},
};
constexpr Symbol superscripts[] = {
    {"⁰", "0"}, {"¹", "1"}, {"²", "2"}, {"³", "3"}, {"⁴", "4"}, {"⁵", "5"}, {"⁶", "6"}, {"⁷", "7"},
    {"⁸", "8"}, {"⁹", "9"}, {"⁻", "-"}, {"⁺", "+"}, {"ⁿ", "n"}, {"ᵀ", "\\top "},
};
// Unicode that stays text: dashes, quotes and the ellipsis of a sentence.
constexpr Symbol text_symbols[] = {
    {"…", "\\ldots{}"}, {"–", "--"}, {"—", "---"}, {"“", "``"}, {"”", "''"}, {"’", "'"},
};

const Symbol* symbol_at(std::string_view s, std::size_t i, std::span<const Symbol> table) {
    for (const Symbol& symbol : table) {
        if (s.substr(i, symbol.unicode.size()) == symbol.unicode) return &symbol;
    }
    return nullptr;
}

bool letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
std::size_t utf8_length(char c) {
    auto b = static_cast<unsigned char>(c);
    return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

// A word as it stands in the sentence: punctuation before and after, and the word between.
struct Word {
    std::string_view before, core, after;
    bool math = false;
    bool literal = false;  // inside “quotes”: as it was typed
};

Word split_punctuation(std::string_view w) {
    Word word{{}, w, {}};
    auto count = [](std::string_view s, char c) { return std::count(s.begin(), s.end(), c); };
    std::size_t end = w.size();
    while (end > 0 && std::string_view(".,;:!?").find(w[end - 1]) != std::string_view::npos) --end;
    std::size_t begin = 0;
    if (end > 0 && w[0] == '(' && count(w.substr(0, end), '(') > count(w.substr(0, end), ')')) begin = 1;
    if (end > begin && w[end - 1] == ')' && count(w.substr(begin, end - begin), ')') >
                                                 count(w.substr(begin, end - begin), '(')) {
        --end;
    }
    word.before = w.substr(0, begin);
    word.core = w.substr(begin, end - begin);
    word.after = w.substr(end);
    return word;
}

// Unicode no table knows: such a word stays text, as it was written.
bool all_known(std::string_view w) {
    for (std::size_t i = 0; i < w.size();) {
        if (static_cast<unsigned char>(w[i]) < 0x80) {
            ++i;
            continue;
        }
        const Symbol* s = symbol_at(w, i, math_symbols);
        if (!s) s = symbol_at(w, i, subscripts);
        if (!s) s = symbol_at(w, i, superscripts);
        if (!s) return false;
        i += s->unicode.size();
    }
    return true;
}

bool has_math_mark(std::string_view w) {
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (w[i] == '^' || w[i] == '=' || w[i] == '<' || w[i] == '>') return true;
        if (w[i] == '_' && i > 0 && alnum(w[i - 1])) {  // J_F, M_11, a_1j, J_(F∘g); not pivot_columns, half_mse
            std::size_t before = 0, after = 0;
            while (before < i && alnum(w[i - 1 - before])) ++before;
            while (i + 1 + after < w.size() && alnum(w[i + 1 + after])) ++after;
            if (before <= 2 && ((i + 1 < w.size() && w[i + 1] == '(') || (after >= 1 && after <= 3))) return true;
        }
        if (static_cast<unsigned char>(w[i]) >= 0x80 &&
            (symbol_at(w, i, math_symbols) || symbol_at(w, i, subscripts) || symbol_at(w, i, superscripts))) {
            return true;
        }
    }
    return false;
}

bool number(std::string_view w) {
    if (w.empty() || !std::isdigit(static_cast<unsigned char>(w[0]))) return false;
    return w.find_first_not_of("0123456789./") == std::string_view::npos;
}

// 2x, 13y: a coefficient and a letter (not an ordinal: 2nd, 3rd, 10th)
bool coefficient_and_letter(std::string_view w) {
    std::size_t digits = 0;
    while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[digits]))) ++digits;
    if (digits == 0 || digits + 1 != w.size() || !letter(w.back())) return false;
    return true;
}

bool operator_word(std::string_view w) {
    for (std::string_view op : {"=", "+", "−", "→", "↔", "×", "·", "≈", "≤", "≥", "≠", "<", ">", "∘", "|"}) {
        if (w == op) return true;
    }
    return false;
}

// f(x), sin(x), σ(z): a letter or a function named before parentheses.
bool applied(std::string_view w) {
    std::size_t open = w.find('(');
    if (open == std::string_view::npos || open == 0 || w.back() != ')') return false;
    std::string_view name = w.substr(0, open);
    return (name.size() == 1 && letter(name[0])) || !known_function_latex(name).empty();
}

// The words of a sentence, each marked math or text.
std::vector<Word> classify(std::string_view sentence) {
    std::vector<Word> words;
    for (std::size_t i = 0; i < sentence.size();) {
        std::size_t end = sentence.find(' ', i);
        if (end == std::string_view::npos) end = sentence.size();
        if (end > i) words.push_back(split_punctuation(sentence.substr(i, end - i)));
        i = end + 1;
    }
    bool quoted = false;  // “what was typed” is quoted as it was, not set as math
    for (std::size_t k = 0; k < words.size(); ++k) {
        Word& w = words[k];
        const bool opens = w.core.starts_with("“") || w.before.starts_with("“");
        const bool closes = w.core.ends_with("”") || w.after.starts_with("”");
        if (opens) quoted = true;
        if (quoted) {
            if (closes) quoted = false;
            w.literal = true;
            continue;
        }
        if (w.core.empty() || !all_known(w.core)) continue;
        bool opens_sentence = k == 0 || !words[k - 1].after.empty();
        bool before_lowercase = k + 1 < words.size() && !words[k + 1].core.empty() &&
                                std::islower(static_cast<unsigned char>(words[k + 1].core[0]));
        bool before_operator = k + 1 < words.size() && operator_word(words[k + 1].core);
        bool article = !before_operator && (w.core == "a" || (w.core == "A" && opens_sentence && before_lowercase));
        bool single_letter = w.core.size() == 1 && letter(w.core[0]);
        w.math = has_math_mark(w.core) || operator_word(w.core) || (single_letter && !article) || applied(w.core) ||
                 coefficient_and_letter(w.core);
    }
    // a number beside an operator is part of the formula: x = 0, 2 × 2; so is a product of two
    // letters between two operators: y = mx + b
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (words[k].math || words[k].literal) continue;
        bool after = k > 0 && words[k - 1].after.empty() && operator_word(words[k - 1].core);
        bool before = k + 1 < words.size() && words[k].after.empty() && operator_word(words[k + 1].core);
        const std::string_view w = words[k].core;
        const bool letters = w.size() == 2 && letter(w[0]) && letter(w[1]);
        if (number(w)) words[k].math = after || before;
        else if (letters) words[k].math = after && before;
    }
    return words;
}

enum class Host { latex, markdown };

// Text outside a formula in Markdown: the characters that would start emphasis, code or a
// formula escaped; Unicode dashes and quotes stay as they are.
void append_markdown_text(std::string& out, std::string_view words) {
    for (std::size_t i = 0; i < words.size();) {
        if (static_cast<unsigned char>(words[i]) >= 0x80) {  // math Unicode in a word that is not math
            const Symbol* s = symbol_at(words, i, math_symbols);
            if (!s) s = symbol_at(words, i, subscripts);
            if (s) {
                out += "$" + std::string(s->latex) + "$";
                while (out.ends_with(" $")) out.erase(out.size() - 2, 1);
                i += s->unicode.size();
                continue;
            }
        }
        if (std::string_view("\\*_`$<>").find(words[i]) != std::string_view::npos) out += '\\';
        out += words[i];
        ++i;
    }
}

// Text outside a formula: LaTeX's special characters escaped, dashes and quotes as LaTeX's.
void append_text(std::string& out, std::string_view words) {
    for (std::size_t i = 0; i < words.size();) {
        if (const Symbol* s = symbol_at(words, i, text_symbols)) {
            out += s->latex;
            i += s->unicode.size();
            continue;
        }
        if (static_cast<unsigned char>(words[i]) >= 0x80) {  // math Unicode in a word that is not math
            const Symbol* s = symbol_at(words, i, math_symbols);
            if (!s) s = symbol_at(words, i, subscripts);
            if (s) {
                out += "$" + std::string(s->latex) + "$";
                i += s->unicode.size();
                continue;
            }
        }
        switch (char c = words[i]) {
            case '\\': out += "\\textbackslash{}"; break;
            case '{': out += "\\{"; break;
            case '}': out += "\\}"; break;
            case '$': out += "\\$"; break;
            case '&': out += "\\&"; break;
            case '%': out += "\\%"; break;
            case '#': out += "\\#"; break;
            case '_': out += "\\_"; break;
            case '^': out += "\\textasciicircum{}"; break;
            case '~': out += "\\textasciitilde{}"; break;
            case '<': out += "\\textless{}"; break;
            case '>': out += "\\textgreater{}"; break;
            case '|': out += "\\textbar{}"; break;
            default: out += c;
        }
        ++i;
    }
}

// An index after _ or ^ as written in a sentence: (F∘g) loses its parentheses, {…} is kept,
// otherwise letters and digits up to the next other character.
std::size_t index_end(std::string_view w, std::size_t i) {
    if (i < w.size() && (w[i] == '(' || w[i] == '{')) {
        char close = w[i] == '(' ? ')' : '}';
        int depth = 0;
        for (std::size_t j = i; j < w.size(); ++j) {
            if (w[j] == w[i]) ++depth;
            else if (w[j] == close && --depth == 0) return j + 1;
        }
        return w.size();
    }
    std::size_t j = i;
    while (j < w.size() && (alnum(w[j]) || w[j] == '-' || w[j] == '_')) ++j;  // W1_1_2: W1_{1_{2}}
    return j == i ? std::min(i + 1, w.size()) : j;
}

void append_formula(std::string& out, std::string_view w, bool index = false);

void append_index(std::string& out, std::string_view w, std::size_t& i) {
    std::size_t end = index_end(w, i);
    std::string_view index = w.substr(i, end - i);
    if (index.size() >= 2 && (index[0] == '(' || index[0] == '{')) index = index.substr(1, index.size() - 2);
    out += "{";
    append_formula(out, index, true);
    out += "}";
    i = end;
}

// A formula's text as LaTeX math: R₂ → R_{2} \to, A⁻¹ → A^{-1}, ReLU′ → \operatorname{ReLU}'.
void append_formula(std::string& out, std::string_view w, bool index) {
    for (std::size_t i = 0; i < w.size();) {
        // a run of sub- or superscripts is one index: x₁₂ → x_{12}
        for (auto [table, mark] : {std::pair{std::span<const Symbol>(subscripts), "_"},
                                   std::pair{std::span<const Symbol>(superscripts), "^"}}) {
            if (!symbol_at(w, i, table)) continue;
            out += mark;
            out += "{";
            while (const Symbol* s = symbol_at(w, i, table)) {
                out += s->latex;
                i += s->unicode.size();
            }
            out += "}";
        }
        if (i >= w.size()) break;
        if (const Symbol* s = symbol_at(w, i, math_symbols)) {
            out += s->latex;
            i += s->unicode.size();
            continue;
        }
        char c = w[i];
        if (letter(c)) {  // a name: one letter as it is, a function as LaTeX's, other words upright
            std::size_t j = i;
            while (j < w.size() && letter(w[j])) ++j;
            std::string_view name = w.substr(i, j - i);
            std::string_view known = known_function_latex(name);
            bool capitals = name.size() <= 3 && std::all_of(name.begin(), name.end(), [](char ch) {
                                return std::isupper(static_cast<unsigned char>(ch)) != 0;
                            });
            if (!known.empty()) out += std::string(known) + (j < w.size() && letter(w[j]) ? " " : "");
            else if (name.size() == 1 || capitals || (!index && name.size() == 2 && i == 0 && j == w.size()))
                out += name;  // x, AB, LU, a word mx alone: products of letters (n_in's "in" is a name)
            else out += "\\operatorname{" + std::string(name) + "}";
            i = j;
            continue;
        }
        if (c == '_' || c == '^') {
            out += c;
            ++i;
            append_index(out, w, i);
            continue;
        }
        switch (c) {
            case '{': out += "\\{"; break;
            case '}': out += "\\}"; break;
            case '$': out += "\\$"; break;
            case '&': out += "\\&"; break;
            case '%': out += "\\%"; break;
            case '#': out += "\\#"; break;
            case '\\': out += "\\backslash "; break;
            case '~': out += "\\sim "; break;
            case '|': out += "\\vert "; break;
            default:
                if (static_cast<unsigned char>(c) < 0x80) out += c;  // unknown Unicode: none reaches here
        }
        i += utf8_length(c);
    }
}

// The sentence with its math words joined into $…$ formulas; the text between escaped for
// the host document.
std::string prose(std::string_view text, Host host) {
    const std::string sentence = with_minus_signs(text);
    auto append_words = [host](std::string& out, std::string_view words) {
        if (host == Host::latex) append_text(out, words);
        else append_markdown_text(out, words);
    };
    std::vector<Word> words = classify(sentence);
    std::string out;
    // leading spaces are kept as they were
    for (std::size_t i = 0; i < sentence.size() && sentence[i] == ' '; ++i) out += ' ';
    for (std::size_t k = 0; k < words.size(); ++k) {
        const Word& w = words[k];
        if (k > 0) out += ' ';
        append_words(out, w.before);
        if (!w.math) {
            append_words(out, w.core);
            append_words(out, w.after);
            continue;
        }
        // the formula goes on over the following math words while no punctuation ends one
        out += "$";
        append_formula(out, w.core);
        while (words[k].after.empty() && k + 1 < words.size() && words[k + 1].math && words[k + 1].before.empty()) {
            ++k;
            if (out.back() != ' ') out += ' ';
            append_formula(out, words[k].core);
        }
        while (out.back() == ' ') out.pop_back();
        out += "$";
        append_words(out, words[k].after);
    }
    return out;
}

}  // namespace

std::string latex_prose(std::string_view text) { return prose(text, Host::latex); }
std::string markdown_prose(std::string_view text) { return prose(text, Host::markdown); }

}  // namespace showwork::trace::detail
