#include "showwork/calculus/print.hpp"

#include <cctype>

namespace showwork::calculus {

namespace {

// A product read as the notes write it: sign, then numerator over denominator.
//   −3·x·y⁻² = − (3x) / (y²)
struct Quotient {
    bool negative = false;
    Integer numerator_coefficient = 1, denominator_coefficient = 1;
    std::vector<Expr> numerator, denominator;
};

bool negative_constant_exponent(const Expr& f) {
    return f.op() == Op::power && f.arg(1).is_constant() && f.arg(1).value() < 0;
}

Quotient as_quotient(const Expr& e) {
    Quotient q;
    std::vector<Expr> factors = e.op() == Op::product ? e.args() : std::vector<Expr>{e};
    for (const Expr& f : factors) {
        if (f.is_constant()) {
            q.negative = f.value() < 0;
            q.numerator_coefficient = boost::multiprecision::abs(numerator(f.value()));
            q.denominator_coefficient = denominator(f.value());
        } else if (negative_constant_exponent(f)) {
            q.denominator.push_back(power(f.arg(0), constant(-f.arg(1).value())));
        } else {
            q.numerator.push_back(f);
        }
    }
    return q;
}

// A term written after " − " in a sum: a product with a negative coefficient or a negative number.
bool reads_negative(const Expr& e) {
    if (e.is_constant()) return e.value() < 0;
    return e.op() == Op::product && e.arg(0).is_constant() && e.arg(0).value() < 0;
}

// A name that would continue a number before it as its decimal exponent: e1, E2 (2e1 is 20).
bool reads_as_exponent(const std::string& s) {
    return s.size() > 1 && (s[0] == 'e' || s[0] == 'E') && std::isdigit(static_cast<unsigned char>(s[1]));
}

bool is_simple_exponent(const Expr& e) {
    return e.op() == Op::variable || (e.is_constant() && e.value() >= 0 && denominator(e.value()) == 1);
}

// Named functions whose integer powers are written f^{n}(u): \sin^{2}(x), \sigma^{2}(x).
bool power_on_name(const Expr& base, const Expr& exponent) {
    if (base.op() != Op::apply || !exponent.is_constant() || exponent.value() <= 0 ||
        denominator(exponent.value()) != 1) {
        return false;
    }
    Fn f = base.fn();
    return f == Fn::sin || f == Fn::cos || f == Fn::tanh || f == Fn::ln || f == Fn::sigmoid;
}

std::string latex_function(Fn fn) {
    switch (fn) {
        case Fn::ln: return "\\ln";
        case Fn::sin: return "\\sin";
        case Fn::cos: return "\\cos";
        case Fn::tanh: return "\\tanh";
        case Fn::sigmoid: return "\\sigma";
        case Fn::relu: return "\\operatorname{ReLU}";
        case Fn::relu_step: return "\\operatorname{ReLU}'";
        case Fn::max: return "\\max";
        case Fn::exp: return "\\exp";
    }
    return "?";
}

class Writer {
public:
    explicit Writer(bool latex) : latex_(latex) {}

    std::string write(const Expr& e) const {
        switch (e.op()) {
            case Op::constant: return number(e.value());
            case Op::variable: return latex_ ? variable_latex(e.name()) : e.name();
            case Op::sum: return sum(e);
            case Op::product: return product(e);
            case Op::power:
                return negative_constant_exponent(e) ? product(e) : power_of(e.arg(0), e.arg(1));
            case Op::apply: return function(e);
        }
        return "?";
    }

private:
    std::string number(const Rational& q) const {
        return latex_ ? number_latex(rational_text(q)) : rational_text(q);
    }

    std::string sum(const Expr& e) const {
        std::string out = write(e.arg(0));
        for (std::size_t i = 1; i < e.args().size(); ++i) {
            const Expr& t = e.arg(i);
            out += reads_negative(t) ? " - " + factor(-t) : " + " + write(t);
        }
        return out;
    }

    static std::string parenthesised(const std::string& s) { return "(" + s + ")"; }

    // A factor of a product: sums and negative numbers need parentheses.
    std::string factor(const Expr& f) const {
        if (f.op() == Op::sum || reads_negative(f)) return parenthesised(write(f));
        return write(f);
    }

    // Factors written side by side: 3y^{2}, 2x \cos(x^{2} + y), \sigma(x)(1 - \sigma(x)).
    std::string juxtapose(const Integer& coefficient, const std::vector<Expr>& factors) const {
        std::string out = coefficient != 1 || factors.empty() ? coefficient.str() : "";
        bool only_coefficient = !out.empty();
        for (const Expr& f : factors) {
            std::string s = factor(f);
            if (!out.empty()) {
                if (std::isdigit(static_cast<unsigned char>(s[0]))) out += latex_ ? " \\cdot " : "*";
                else if (only_coefficient && reads_as_exponent(s)) out += latex_ ? " \\cdot " : " ";  // 2 e1, not 20
                else if (only_coefficient) out += "";  // 3y^{2}, 2(x + 1), 2\cos(x)
                else if (!latex_) out += " ";
                else if (s[0] == '\\' || s.rfind("e^", 0) == 0) out += " ";
            }
            out += s;
            only_coefficient = false;
        }
        return out;
    }

    std::string product(const Expr& e) const {
        Quotient q = as_quotient(e);
        std::string sign = q.negative ? "-" : "";
        std::string top = juxtapose(q.numerator_coefficient, q.numerator);
        if (q.denominator.empty() && q.denominator_coefficient == 1) return sign + top;
        std::string bottom = juxtapose(q.denominator_coefficient, q.denominator);
        if (latex_) {
            // the fraction bar groups: \frac{1}{1 + e^{-x}}, not \frac{1}{(1 + e^{-x})}
            if (q.numerator.size() == 1 && q.numerator_coefficient == 1) top = write(q.numerator[0]);
            if (q.denominator.size() == 1 && q.denominator_coefficient == 1) bottom = write(q.denominator[0]);
            return sign + "\\frac{" + top + "}{" + bottom + "}";
        }
        bool single_bottom = q.denominator.size() + (q.denominator_coefficient != 1) <= 1;
        // 2x/y reads as (2x)/y: juxtaposition binds like ·, left to right
        return sign + top + "/" + (single_bottom ? bottom : parenthesised(bottom));
    }

    std::string power_of(const Expr& base, const Expr& exponent) const {
        if (power_on_name(base, exponent)) {
            std::string n = number(exponent.value());
            return latex_ ? latex_function(base.fn()) + "^{" + n + "}(" + write(base.arg(0)) + ")"
                          : std::string(function_name(base.fn())) + "(" + write(base.arg(0)) + ")^" + n;
        }
        bool wrap = base.op() == Op::sum || base.op() == Op::product || base.op() == Op::power ||
                    (base.is_constant() && (base.value() < 0 || denominator(base.value()) != 1));
        std::string b = wrap ? parenthesised(write(base)) : write(base);
        return b + "^" + exponent_text(exponent);
    }

    std::string exponent_text(const Expr& exponent) const {
        if (latex_) return "{" + write(exponent) + "}";
        return is_simple_exponent(exponent) ? write(exponent) : parenthesised(write(exponent));
    }

    std::string function(const Expr& e) const {
        if (e.fn() == Fn::exp) {
            return e.arg(0).is_constant(1) ? "e" : "e^" + exponent_text(e.arg(0));
        }
        // ReLU′(z; d): the direction after a semicolon, as a directional derivative f′(x; d) is written
        const char* separator = e.fn() == Fn::relu_step ? "; " : ", ";
        std::string args;
        for (const Expr& a : e.args()) args += (args.empty() ? "" : separator) + write(a);
        return (latex_ ? latex_function(e.fn()) : std::string(function_name(e.fn()))) + "(" + args + ")";
    }

    bool latex_;
};

// ---- The trace's math tree ----

trace::Math number_math(const Rational& q) { return trace::number(rational_text(q)); }

trace::Math juxtapose_math(const Integer& coefficient, const std::vector<Expr>& factors) {
    std::vector<trace::Math> out;
    if (coefficient != 1 || factors.empty()) out.push_back(trace::number(coefficient.str()));
    for (const Expr& f : factors) out.push_back(factor_math(f));
    if (out.size() == 1) return std::move(out[0]);
    return trace::product(std::move(out), "");
}

trace::Math product_math(const Expr& e) {
    Quotient q = as_quotient(e);
    trace::Math top = juxtapose_math(q.numerator_coefficient, q.numerator);
    trace::Math m = q.denominator.empty() && q.denominator_coefficient == 1
                        ? std::move(top)
                        : trace::fraction(std::move(top), juxtapose_math(q.denominator_coefficient, q.denominator));
    if (q.negative) return trace::negate(std::move(m));
    return m;
}

trace::Math function_math(const Expr& e) {
    if (e.fn() == Fn::exp) return trace::power(trace::symbol("e"), to_math(e.arg(0)));
    std::vector<trace::Math> args;
    for (const Expr& a : e.args()) args.push_back(to_math(a));
    const char* name = e.fn() == Fn::sigmoid ? "sigma"
                       : e.fn() == Fn::relu ? "ReLU"
                       : e.fn() == Fn::relu_step ? "ReLU'"
                                                 : nullptr;
    if (e.fn() == Fn::relu_step && args.size() == 2) args = {trace::list(std::move(args), "; ")};
    return trace::apply(name ? name : std::string(function_name(e.fn())), std::move(args));
}

}  // namespace

trace::Math factor_math(const Expr& f) {
    if (f.op() == Op::sum || reads_negative(f)) return trace::group(to_math(f));
    return to_math(f);
}

std::string variable_latex(const std::string& name) {
    auto bar = name.find('_');
    if (bar == std::string::npos || bar + 1 == name.size()) return name;
    return name.substr(0, bar) + "_{" + name.substr(bar + 1) + "}";
}

trace::Math variable_math(const std::string& name) {
    auto bar = name.find('_');
    if (bar == std::string::npos || bar + 1 == name.size()) return trace::symbol(name);
    return trace::symbol(name.substr(0, bar), trace::symbol(name.substr(bar + 1)));
}

std::string to_latex(const Expr& e) { return Writer(true).write(e); }
std::string to_text(const Expr& e) { return Writer(false).write(e); }

trace::Math to_math(const Expr& e) {
    switch (e.op()) {
        case Op::constant: return number_math(e.value());
        case Op::variable: return variable_math(e.name());
        case Op::sum: {
            std::vector<trace::Math> terms;
            for (const Expr& t : e.args()) terms.push_back(reads_negative(t) ? trace::negate(to_math(-t)) : to_math(t));
            // the first term keeps its own sign
            if (reads_negative(e.arg(0))) terms[0] = to_math(e.arg(0));
            return trace::sum(std::move(terms));
        }
        case Op::product: return product_math(e);
        case Op::power: {
            if (negative_constant_exponent(e)) return product_math(e);
            const Expr& base = e.arg(0);
            bool wrap = base.op() == Op::sum || base.op() == Op::product || base.op() == Op::power ||
                        reads_negative(base);
            trace::Math b = wrap ? trace::group(to_math(base)) : to_math(base);
            return trace::power(std::move(b), to_math(e.arg(1)));
        }
        case Op::apply: return function_math(e);
    }
    return trace::empty();
}

}  // namespace showwork::calculus
