#include "showwork/calculus/parse.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "showwork/calculus/print.hpp"
#include "showwork/limits.hpp"
#include "showwork/text.hpp"
#include "showwork/trace/render.hpp"

namespace showwork::calculus {

namespace {

enum class Tok { number, name, symbol, end };

struct Token {
    Tok kind;
    std::string text;   // the number, the name, or the operator character
    std::size_t position;  // 1-based
};

[[noreturn]] void fail(std::size_t position, const std::string& what, const std::string& token) {
    throw ParseError("position " + std::to_string(position) + ": " + what, 0, position, token);
}

bool name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Unicode spellings the notes use: − for minus, · and × for times, σ for the sigmoid; and what
// the program itself writes, so that its text output reads back: √ (a square root, of an atom
// or a parenthesis), | | for an absolute value.
std::optional<std::pair<std::string, std::size_t>> unicode_token(std::string_view s, std::size_t i) {
    auto starts = [&](std::string_view u) { return s.substr(i, u.size()) == u; };
    if (starts("\u2212")) return std::pair<std::string, std::size_t>{"-", 3};
    if (starts("\u00b7") || starts("\u00d7")) return std::pair<std::string, std::size_t>{"*", 2};
    if (starts("\u03c3")) return std::pair<std::string, std::size_t>{"sigma", 2};
    if (starts("\u221a")) return std::pair<std::string, std::size_t>{"\u221a", 3};
    return std::nullopt;
}

// A superscript digit or sign (x², x¹⁰, x⁻¹): its ASCII character and its length in bytes.
std::optional<std::pair<char, std::size_t>> superscript(std::string_view s, std::size_t i) {
    static constexpr std::string_view digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    for (std::size_t d = 0; d < 10; ++d)
        if (s.substr(i, digits[d].size()) == digits[d]) return std::pair{static_cast<char>('0' + d), digits[d].size()};
    if (s.substr(i, 3) == "⁻") return std::pair{'-', std::size_t{3}};
    if (s.substr(i, 3) == "⁺") return std::pair{'+', std::size_t{3}};
    return std::nullopt;
}

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        std::size_t at = i + 1;
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (digit(c) || (c == '.' && i + 1 < s.size() && digit(s[i + 1]))) {
            std::size_t j = i;
            while (j < s.size() && (digit(s[j]) || s[j] == '.')) ++j;
            // a decimal exponent only when digits follow: 2e3 is 2000, 2e^x is 2·e^x
            if (j + 1 < s.size() && (s[j] == 'e' || s[j] == 'E')) {
                std::size_t k = j + 1;
                if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
                if (k < s.size() && digit(s[k])) {
                    j = k;
                    while (j < s.size() && digit(s[j])) ++j;
                }
            }
            tokens.push_back({Tok::number, std::string(s.substr(i, j - i)), at});
            i = j;
        } else if (name_start(c)) {
            std::size_t j = i;
            while (j < s.size() && name_char(s[j])) ++j;
            tokens.push_back({Tok::name, std::string(s.substr(i, j - i)), at});
            i = j;
        } else if (c == '*' && i + 1 < s.size() && s[i + 1] == '*') {  // x**2 is x^2
            tokens.push_back({Tok::symbol, "^", at});
            i += 2;
        } else if (auto sup = superscript(s, i)) {  // x²: the power x^2, the exponent's sign its own token
            tokens.push_back({Tok::symbol, "^", at});
            std::string exponent;
            for (; sup; sup = superscript(s, i)) {
                if (sup->first == '-' || sup->first == '+') {
                    if (!exponent.empty()) fail(i + 1, "a sign inside a superscript exponent", "");
                    if (sup->first == '-') tokens.push_back({Tok::symbol, "-", i + 1});
                } else {
                    exponent += sup->first;
                }
                i += sup->second;
            }
            if (exponent.empty()) fail(at, "a superscript sign without digits", "");
            tokens.push_back({Tok::number, exponent, at});
        } else if (std::string_view("+-*/^(),|").find(c) != std::string_view::npos) {
            tokens.push_back({Tok::symbol, std::string(1, c), at});
            ++i;
        } else if (auto u = unicode_token(s, i)) {
            tokens.push_back({u->first == "sigma" || u->first == "\u221a" ? Tok::name : Tok::symbol, u->first, at});
            i += u->second;
        } else {
            const std::string_view character = s.substr(i, utf8_character(s, i).length);
            fail(at, "unexpected character " + quoted_token(character), escaped(character));
        }
    }
    tokens.push_back({Tok::end, "", s.size() + 1});
    return tokens;
}

std::string lowercase(std::string name) {
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    return name;
}

std::optional<Fn> function_named(std::string name) {
    name = lowercase(std::move(name));
    if (name == "exp") return Fn::exp;
    if (name == "ln" || name == "log") return Fn::ln;
    if (name == "sin") return Fn::sin;
    if (name == "cos") return Fn::cos;
    if (name == "tan") return Fn::tan;
    if (name == "sinh") return Fn::sinh;
    if (name == "cosh") return Fn::cosh;
    if (name == "tanh") return Fn::tanh;
    if (name == "abs") return Fn::abs;
    if (name == "sgn" || name == "sign") return Fn::sign;
    if (name == "sigmoid" || name == "sigma") return Fn::sigmoid;
    if (name == "relu") return Fn::relu;
    if (name == "max") return Fn::max;
    return std::nullopt;
}

// Names that spell an expression of other functions: sqrt(u) = u^{1/2}, log2(u) = ln u / ln 2,
// log10(u) = ln u / ln 10 (and log(u, b) = ln u / ln b, read by the call of log), min(u, v) =
// −max(−u, −v), whose derivative ReLU′(v − u)u′ + ReLU′(u − v)v′ meets a tie by the convention as max does.
bool spelling_named(const std::string& name) {
    const std::string n = lowercase(name);
    return n == "sqrt" || n == "log2" || n == "log10" || n == "min";
}

bool callable(const std::string& name) { return function_named(name) || spelling_named(name); }

class Parser {
public:
    Parser(std::string_view text, const std::vector<std::string>* allowed)
        : tokens_(tokenize(text)), allowed_(allowed) {}

    Expr parse() {
        if (peek().kind == Tok::end) fail(1, "empty expression", "");
        Expr e = within_depth(sum(), 1);
        const Token& t = peek();
        if (t.kind != Tok::end) {
            if (t.text == ")") fail(t.position, "unbalanced parentheses: ')' without a matching '('", t.text);
            fail(t.position, "unexpected " + quoted_token(t.text), t.text);
        }
        return e;
    }

private:
    const Token& peek() const { return tokens_[next_]; }
    const Token& take() { return tokens_[next_++]; }
    bool at_symbol(std::string_view s) const { return peek().kind == Tok::symbol && peek().text == s; }

    // The terms are summed at once: adding them one by one would collect like terms again for
    // every term read.
    Expr sum() {
        std::size_t start = peek().position;
        std::vector<Expr> terms{product()};
        while (at_symbol("+") || at_symbol("-")) {
            bool minus = take().text == "-";
            Expr t = product();
            terms.push_back(minus ? negate_as_written(t) : t);
        }
        return terms.size() == 1 ? terms[0] : within_depth(add(std::move(terms)), start);
    }

    // Juxtaposition multiplies when the next token starts an operand: 2x, 2(x+1), x y, (a)(b).
    bool starts_implicit_factor() const {
        const Token& t = peek();
        return t.kind == Tok::name || (t.kind == Tok::symbol && t.text == "(");
    }

    // The factors are multiplied at once, as the terms of a sum are added; a / b is a · b⁻¹.
    Expr product() {
        std::size_t start = peek().position;
        std::vector<Expr> factors{signed_factor()};
        while (true) {
            if (at_symbol("*")) {
                take();
                factors.push_back(signed_factor());
            } else if (at_symbol("/")) {
                const Token& slash = take();
                Expr d = signed_factor();
                if (d.is_constant(0)) fail(slash.position, "division by zero", "/");
                factors.push_back(reciprocal(d));
            } else if (starts_implicit_factor()) {
                factors.push_back(power_factor());
            } else if (peek().kind == Tok::number) {
                fail(peek().position, "missing operator before the number " + quoted_token(peek().text), peek().text);
            } else {
                // as typed: x·x is not yet x², so that its derivative can show the product rule
                return factors.size() == 1 ? factors[0] : within_depth(multiply_as_written(std::move(factors)), start);
            }
        }
    }

    // Signs in a row are counted, not nested: − − x is x.
    Expr signed_factor() {
        bool negative = false;
        for (; at_symbol("-") || at_symbol("+"); take()) negative ^= at_symbol("-");
        Expr f = power_factor();
        return negative ? negate_as_written(f) : f;
    }


    // 1/(x·x) as typed: (x·x)⁻¹ = x⁻¹·x⁻¹, not yet x⁻²
    static Expr reciprocal(const Expr& e) {
        if (e.op() != Op::product) return power(e, Expr(-1));
        std::vector<Expr> inverses;
        for (const Expr& f : e.args()) inverses.push_back(power(f, Expr(-1)));
        return multiply_as_written(std::move(inverses));
    }

    Expr power_factor() {
        Expr base = atom();
        if (!at_symbol("^")) return base;
        const Token& caret = take();
        Nesting level(*this, caret);
        Expr exponent = signed_factor();
        try {
            return within_depth(power(base, exponent), caret.position);
        } catch (const DomainError& e) {
            fail(caret.position, e.what(), "^");
        }
    }

    // Each '(' and '^' read is one level deeper; past max_expression_depth the text is refused
    // before the recursion that reads it could exhaust the stack.
    class Nesting {
    public:
        Nesting(Parser& parser, const Token& at) : parser_(parser) {
            if (++parser_.nesting_ > max_expression_depth) too_deep(at.position);
        }
        ~Nesting() { --parser_.nesting_; }
        Nesting(const Nesting&) = delete;
        Nesting& operator=(const Nesting&) = delete;

    private:
        Parser& parser_;
    };

    [[noreturn]] static void too_deep(std::size_t position) {
        fail(position,
             "expression nested deeper than " + std::to_string(max_expression_depth) +
                 " levels (parentheses, functions or powers)",
             "");
    }

    // The expression built, if it is within max_expression_depth levels.
    static Expr within_depth(Expr e, std::size_t position) {
        if (e.depth() > max_expression_depth) too_deep(position);
        return e;
    }

    Expr atom() {
        const Token& t = take();
        switch (t.kind) {
            case Tok::number: return number(t);
            case Tok::name: return name(t);
            case Tok::end: fail(t.position, "missing operand at the end of the expression", "");
            case Tok::symbol: break;
        }
        if (t.text == "(") {
            Nesting level(*this, t);
            Expr inside = sum();
            close_parenthesis(t);
            return inside;
        }
        if (t.text == "|") {  // |u|, as the program writes abs(u)
            Nesting level(*this, t);
            Expr inside = sum();
            if (!at_symbol("|")) fail(t.position, "unbalanced bars: '|' is not closed", "|");
            take();
            return within_depth(apply(Fn::abs, {inside}), t.position);
        }
        if (t.text == ")") fail(t.position, "missing operand before ')'", t.text);
        fail(t.position, "missing operand before " + quoted_token(t.text), t.text);
    }

    void close_parenthesis(const Token& open) {
        if (at_symbol(")")) {
            take();
            return;
        }
        if (peek().kind == Tok::end) {
            fail(open.position, "unbalanced parentheses: '(' is not closed", "(");
        }
        fail(peek().position, "expected ')' to close the '(' at position " + std::to_string(open.position) +
                                  ", found " + quoted_token(peek().text),
             peek().text);
    }

    Expr number(const Token& t) {
        try {
            return constant(parse_rational(t.text));
        } catch (const ParseError& e) {
            fail(t.position, e.what(), t.text);
        }
    }

    Expr name(const Token& t) {
        if (t.text == "\u221a") {  // √u, √(u + v): u^(1/2), as the program writes sqrt
            Nesting level(*this, t);
            return within_depth(power(atom(), constant(Rational(1, 2))), t.position);
        }
        // f(x) is a call only when the parenthesis touches the name; "x (y + 1)" is a product
        bool call = at_symbol("(") && peek().position == t.position + t.text.size();
        if (at_symbol("(") && !call && callable(t.text)) call = true;
        if (call) {
            if (!callable(t.text)) fail(t.position, "unknown function " + quoted_token(t.text), t.text);
            return call_function(t);
        }
        if (callable(t.text)) fail(t.position, "function " + quoted_token(t.text) + " needs its argument in parentheses", t.text);
        if (t.text == "e") return exp(Expr(1));  // Euler's number: e^x is exp(x)
        if (allowed_ && std::find(allowed_->begin(), allowed_->end(), t.text) == allowed_->end()) {
            std::string list;
            for (const auto& v : *allowed_) list += (list.empty() ? "" : ", ") + v;
            fail(t.position, "unknown variable " + quoted_token(t.text) + " (the variables are " + list + ")", t.text);
        }
        return variable(t.text);
    }

    Expr call_function(const Token& t) {
        const Token& open = take();
        Nesting level(*this, open);
        std::vector<Expr> args;
        if (at_symbol(")")) fail(peek().position, "missing argument of " + t.text, ")");
        args.push_back(sum());
        while (at_symbol(",")) {
            take();
            args.push_back(sum());
        }
        close_parenthesis(open);
        const std::string name = lowercase(t.text);
        const bool log_base = name == "log" && args.size() == 2;
        const std::size_t arity = log_base || name == "min" ? 2
                                  : spelling_named(name) ? 1
                                                         : function_arity(*function_named(name));
        if (args.size() != arity) {
            fail(t.position, t.text + " takes " + std::to_string(arity) + " argument(s), got " + std::to_string(args.size()),
                 t.text);
        }
        try {
            if (name == "sqrt") return within_depth(power(args[0], constant(Rational(1, 2))), t.position);
            if (name == "min") return within_depth(-max(-args[0], -args[1]), t.position);
            if (log_base || name == "log2" || name == "log10") {
                Expr base = log_base ? args[1] : Expr(name == "log2" ? 2 : 10);
                return within_depth(ln(args[0]) / ln(base), t.position);
            }
            return within_depth(apply(*function_named(name), std::move(args)), t.position);
        } catch (const DomainError& e) {
            fail(t.position, e.what(), t.text);
        }
    }

    std::vector<Token> tokens_;
    std::size_t next_ = 0;
    std::size_t nesting_ = 0;  // '(' and '^' open around the token read next
    const std::vector<std::string>* allowed_;
};

// Splits at ';' and newlines, remembering where each part starts.
std::vector<std::pair<std::string_view, std::size_t>> split_components(std::string_view text) {
    std::vector<std::pair<std::string_view, std::size_t>> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ';' || text[i] == '\n') {
            std::string_view part = text.substr(start, i - start);
            bool blank = std::all_of(part.begin(), part.end(), [](unsigned char c) { return std::isspace(c); });
            if (!blank || (i < text.size() && text[i] == ';')) parts.emplace_back(part, start);
            start = i + 1;
        }
    }
    return parts;
}

std::vector<Expr> parse_components(std::string_view text, const std::vector<std::string>* allowed) {
    std::vector<Expr> out;
    for (auto [part, offset] : split_components(text)) {
        try {
            out.push_back(Parser(part, allowed).parse());
        } catch (const ParseError& e) {
            // positions are re-counted from the start of the whole text
            std::string message = e.what();
            std::size_t position = e.column() + offset;
            auto colon = message.find(": ");
            std::string what = colon == std::string::npos ? message : message.substr(colon + 2);
            throw ParseError("position " + std::to_string(position) + ": " + what + " (in component " +
                                 std::to_string(out.size() + 1) + ")",
                             0, position, e.token());
        }
    }
    if (out.empty()) throw ParseError("position 1: no expressions given", 0, 1, "");
    return out;
}

// The tokens that carry meaning: no '*' (2*x is 2x) and no parentheses (which the printer drops
// where they are not needed).
std::vector<std::string> significant_tokens(std::string_view text) {
    std::vector<std::string> out;
    for (const Token& t : tokenize(text)) {
        bool silent = t.kind == Tok::end || (t.kind == Tok::symbol && (t.text == "*" || t.text == "(" || t.text == ")"));
        if (silent) continue;
        // a function by any of its names: exp(y) is e^y, sigma(x) is sigmoid(x), log is ln
        std::optional<Fn> fn = t.kind == Tok::name ? function_named(t.text) : std::nullopt;
        if (fn == Fn::exp) out.insert(out.end(), {"e", "^"});
        else if (fn) out.emplace_back(function_name(*fn));
        else out.push_back(t.text);
    }
    return out;
}

bool valid_name(const std::string& name) {
    return !name.empty() && name_start(name[0]) && std::all_of(name.begin(), name.end(), name_char);
}

}  // namespace

Expr parse_expression(std::string_view text) { return Parser(text, nullptr).parse(); }

bool reads_as_typed(std::string_view text, const std::vector<Expr>& read) {
    auto parts = split_components(text);
    if (parts.size() != read.size()) return false;
    for (std::size_t k = 0; k < read.size(); ++k) {
        if (significant_tokens(parts[k].first) != significant_tokens(to_text(read[k]))) return false;
    }
    return true;
}

Expr parse_expression(std::string_view text, const std::vector<std::string>& allowed_variables) {
    return Parser(text, &allowed_variables).parse();
}

std::vector<Expr> parse_expressions(std::string_view text) { return parse_components(text, nullptr); }

std::vector<Expr> parse_expressions(std::string_view text, const std::vector<std::string>& allowed_variables) {
    return parse_components(text, &allowed_variables);
}

void reject_letter_products(const std::vector<Expr>& expressions, std::string_view what) {
    for (const Expr& e : expressions) {
        for (const std::string& name : variables(e)) {
            bool letters = name.size() > 1 && std::all_of(name.begin(), name.end(), [](char c) {
                return std::isalpha(static_cast<unsigned char>(c));
            });
            if (!letters || trace::is_greek_name(name)) continue;
            std::string product;
            for (char c : name) product += (product.empty() ? "" : "·") + std::string(1, c);
            throw InputError(quoted_token(name) + " is not a variable of " + std::string(what) + "; did you mean " +
                             product + "?");
        }
    }
}

std::vector<std::string> parse_variables(std::string_view text) {
    std::vector<std::string> names;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != ',') continue;
        std::string name = trimmed(text.substr(start, i - start));
        if (!valid_name(name) || name == "e" || callable(name)) {
            throw ParseError(
                "position " + std::to_string(start + 1) + ": " + quoted_token(name) + " is not a variable name", 0,
                start + 1, name);
        }
        if (std::find(names.begin(), names.end(), name) != names.end()) {
            throw ParseError(
                "position " + std::to_string(start + 1) + ": variable " + quoted_token(name) + " is listed twice", 0,
                start + 1, name);
        }
        names.push_back(name);
        start = i + 1;
    }
    return names;
}

std::vector<PointEntry> split_point(std::string_view text) {
    std::vector<PointEntry> entries;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != ',') continue;
        std::string_view part = text.substr(start, i - start);
        auto eq = part.find('=');
        std::size_t position = start + 1;
        if (eq == std::string_view::npos) {
            throw ParseError("position " + std::to_string(position) + ": " + quoted_token(trimmed(part)) +
                                 " is not of the form name=value",
                             0, position, trimmed(part));
        }
        std::string name = trimmed(part.substr(0, eq)), value = trimmed(part.substr(eq + 1));
        if (!valid_name(name)) {
            throw ParseError(
                "position " + std::to_string(position) + ": " + quoted_token(name) + " is not a variable name", 0,
                position, name);
        }
        if (value.empty()) {
            throw ParseError("position " + std::to_string(start + eq + 2) + ": no value for " + name, 0,
                             start + eq + 2, name);
        }
        for (const auto& e : entries) {
            if (e.name == name) {
                throw ParseError("position " + std::to_string(position) + ": " + name + " is given twice", 0,
                                 position, name);
            }
        }
        entries.push_back({name, value, position});
        start = i + 1;
    }
    return entries;
}

void check_point_names(const std::vector<std::string>& given, const std::vector<std::string>& variables) {
    std::string list;
    for (const auto& v : variables) list += (list.empty() ? "" : ", ") + v;
    for (const auto& name : given) {
        if (std::find(variables.begin(), variables.end(), name) == variables.end()) {
            throw InputError("the point gives " + name + ", which is not one of the variables (" +
                             (list.empty() ? "none" : list) + ")");
        }
    }
    for (const auto& v : variables) {
        if (std::find(given.begin(), given.end(), v) == given.end()) {
            throw InputError("the point gives no value for " + v + " (the variables are " + list + ")");
        }
    }
}

}  // namespace showwork::calculus
