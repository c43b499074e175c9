#include "showwork/calculus/print.hpp"

#include "showwork/trace/render.hpp"

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

// u^{1/2}, written √u
bool is_square_root(const Expr& e) {
    return e.op() == Op::power && e.arg(1).is_constant() && e.arg(1).value() == Rational(1, 2);
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
    return f == Fn::sin || f == Fn::cos || f == Fn::tan || f == Fn::sinh || f == Fn::cosh || f == Fn::tanh ||
           f == Fn::ln || f == Fn::sigmoid;
}

// The plain text form, which the parser reads back.
class Writer {
public:
    std::string write(const Expr& e) const {
        switch (e.op()) {
            case Op::constant: return number(e.value());
            case Op::variable: return e.name();
            case Op::sum: return sum(e);
            case Op::product: return product(e);
            case Op::power:
                return negative_constant_exponent(e) ? product(e) : power_of(e.arg(0), e.arg(1));
            case Op::apply: return function(e);
        }
        return "?";
    }

private:
    static std::string number(const Rational& q) { return rational_text(q); }

    std::string sum(const Expr& e) const {
        std::string out = write(e.arg(0));
        for (std::size_t i = 1; i < e.args().size(); ++i) {
            const Expr& t = e.arg(i);
            out += reads_negative(t) ? " - " + factor(negate_as_written(t)) : " + " + write(t);
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
        const bool repeated = repeats_a_base(factors);  // x*x as typed, not "x x"
        for (const Expr& f : factors) {
            std::string s = factor(f);
            if (!out.empty()) {
                if (std::isdigit(static_cast<unsigned char>(s[0])) || (repeated && !only_coefficient)) out += "*";
                else if (only_coefficient && reads_as_exponent(s)) out += " ";  // 2 e1, not 20
                else if (!only_coefficient) out += " ";  // 3y^2, 2(x + 1), 2cos(x); x y
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
        bool single_bottom = q.denominator.size() + (q.denominator_coefficient != 1) <= 1;
        // 2x/y reads as (2x)/y: juxtaposition binds like ·, left to right
        return sign + top + "/" + (single_bottom ? bottom : parenthesised(bottom));
    }

    std::string power_of(const Expr& base, const Expr& exponent) const {
        if (exponent.is_constant() && exponent.value() == Rational(1, 2)) return "sqrt(" + write(base) + ")";
        if (power_on_name(base, exponent)) {
            std::string n = number(exponent.value());
            return std::string(function_name(base.fn())) + "(" + write(base.arg(0)) + ")^" + n;
        }
        bool wrap = base.op() == Op::sum || base.op() == Op::product || base.op() == Op::power ||
                    (base.is_constant() && (base.value() < 0 || denominator(base.value()) != 1));
        std::string b = wrap ? parenthesised(write(base)) : write(base);
        return b + "^" + exponent_text(exponent);
    }

    std::string exponent_text(const Expr& exponent) const {
        return is_simple_exponent(exponent) ? write(exponent) : parenthesised(write(exponent));
    }

    std::string function(const Expr& e) const {
        if (e.fn() == Fn::exp) {
            return e.arg(0).is_constant(1) ? "e" : "e^" + exponent_text(e.arg(0));
        }
        std::string args;
        for (const Expr& a : e.args()) args += (args.empty() ? "" : ", ") + write(a);
        return std::string(function_name(e.fn())) + "(" + args + ")";
    }
};

// ---- The trace's math tree ----

trace::Math number_math(const Rational& q) { return trace::number(rational_text(q)); }

trace::Math juxtapose_math(const Integer& coefficient, const std::vector<Expr>& factors) {
    std::vector<trace::Math> out;
    // the renderers parenthesise a sum or a negative factor where it needs it: 2(x + 1)
    for (const Expr& f : factors) out.push_back(to_math(f));
    // x·x as typed, not "x x": 2x·x
    if (repeats_a_base(factors)) out = {trace::product(std::move(out), "cdot")};
    if (coefficient != 1 || factors.empty()) out.insert(out.begin(), trace::number(coefficient.str()));
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
    if (e.fn() == Fn::abs) return trace::absolute(to_math(e.arg(0)));
    std::vector<trace::Math> args;
    for (const Expr& a : e.args()) args.push_back(to_math(a));
    const char* name = e.fn() == Fn::sigmoid ? "sigma"
                       : e.fn() == Fn::relu ? "ReLU"
                       : e.fn() == Fn::relu_step ? "ReLU'"
                                                 : nullptr;
    return trace::apply(name ? name : std::string(function_name(e.fn())), std::move(args));
}

}  // namespace

trace::Math factor_math(const Expr& f) {
    if (f.op() == Op::sum || reads_negative(f)) return trace::group(to_math(f));
    return to_math(f);
}

trace::Math variable_math(const std::string& name) {
    auto bar = name.find('_');
    if (bar == std::string::npos || bar + 1 == name.size()) return trace::symbol(name);
    return trace::symbol(name.substr(0, bar), trace::symbol(name.substr(bar + 1)));
}

// LaTeX is the trace's renderer applied to the math tree: one LaTeX writer in the library.
std::string to_latex(const Expr& e) { return trace::to_latex(to_math(e)); }
std::string to_text(const Expr& e) { return Writer().write(e); }

trace::Math to_math(const Expr& e) {
    switch (e.op()) {
        case Op::constant: return number_math(e.value());
        case Op::variable: return variable_math(e.name());
        case Op::sum: {
            std::vector<trace::Math> terms;
            for (const Expr& t : e.args()) {
                terms.push_back(reads_negative(t) ? trace::negate(to_math(negate_as_written(t))) : to_math(t));
            }
            // the first term keeps its own sign
            if (reads_negative(e.arg(0))) terms[0] = to_math(e.arg(0));
            return trace::sum(std::move(terms));
        }
        case Op::product: return product_math(e);
        case Op::power: {
            if (negative_constant_exponent(e)) return product_math(e);
            if (is_square_root(e)) return trace::apply("sqrt", {to_math(e.arg(0))});  // √u
            // (1 + y)², (2x)³, (x^y)^z: the renderers parenthesise a base that is not an atom
            return trace::power(to_math(e.arg(0)), to_math(e.arg(1)));
        }
        case Op::apply: return function_math(e);
    }
    return trace::empty();
}

}  // namespace showwork::calculus
