#include "showwork/calculus/differentiate.hpp"

#include <algorithm>

#include "showwork/calculus/parse.hpp"
#include "showwork/calculus/print.hpp"
#include "showwork/error.hpp"
#include "showwork/trace/step_kinds.hpp"

namespace showwork::calculus {

namespace {

namespace kind = trace::kind;

// a · b · …, unsimplified, as written between two equals signs.
trace::Math written_product(const std::vector<Expr>& factors) {
    std::vector<trace::Math> parts;
    for (const Expr& f : factors) parts.push_back(factor_math(f));
    return trace::product(std::move(parts), "cdot");
}

// a = b = c
trace::Math equalities(std::vector<trace::Math> sides) {
    std::vector<trace::Rel> rels(sides.size() - 1, trace::Rel::equals);
    return trace::chain(std::move(sides), std::move(rels));
}

// A step of kind "rule" whose equation is built only while the derivation is within its limit.
template <class Equation>
void add_rule(trace::Trace* t, std::string text, Equation&& equation) {
    if (!t) return;
    t->add(kind::rule, std::move(text), t->exhausted() ? std::nullopt : std::optional<trace::Math>(equation()));
}

// A rule of one variable: f(g) and f′(g), written with a placeholder g.
struct Outer {
    std::string g;      // the placeholder's name
    std::string rule;   // "Power rule"
    Expr inner;         // what g stands for
    Expr f;             // f(g)
    Expr derivative;    // ∂f/∂g
};

// Each rule computes first and records second: its step is opened before the derivatives of
// its parts (which become its substeps), and described once the result is known.
class Differentiator {
public:
    Differentiator(std::string_view var, const DiffOptions& options) : var_(var), options_(options) {}

    Expr d(const Expr& e, trace::Trace* t) {
        if (!depends_on(e, var_)) {
            if (t && e.op() != Op::constant && e.op() != Op::variable) {
                add_rule(t, "Constant: no " + var_ + " in it.", [&] { return equalities({dx(e), to_math(Expr(0))}); });
            }
            return Expr(0);
        }
        switch (e.op()) {
            case Op::variable: return Expr(1);
            case Op::sum: return sum_rule(e, t);
            case Op::product: return product_rules(e, t);
            case Op::apply:
                if (e.fn() == Fn::max) return max_rule(e, t);
                return outer_rule(outer_of(e), e, t);
            case Op::power:
                if (depends_on(e.arg(0), var_) && depends_on(e.arg(1), var_)) return general_power_rule(e, t);
                return outer_rule(outer_of(e), e, t);
            case Op::constant: break;
        }
        return Expr(0);
    }

private:
    // ∂/∂x (e) as math
    trace::Math dx(const Expr& e) const { return derivative_math(e, var_); }

    // ∂/∂x Σ uᵢ = Σ ∂uᵢ/∂x
    Expr sum_rule(const Expr& e, trace::Trace* t) {
        trace::SubDerivation sub(t, kind::rule);
        std::vector<Expr> parts;
        for (const Expr& term : e.args()) parts.push_back(d(term, t));
        Expr result = add(parts);
        if (sub) {
            sub.describe("Sum rule.", [&] {
                std::vector<trace::Math> each, values;
                for (std::size_t i = 0; i < parts.size(); ++i) {
                    each.push_back(dx(e.arg(i)));
                    values.push_back(factor_math(parts[i]));
                }
                trace::Math added = trace::sum(std::move(values)), simplified = to_math(result);
                // the sum of the parts, then what it simplifies to, unless that reads the same
                if (added == simplified) return equalities({dx(e), trace::sum(std::move(each)), std::move(simplified)});
                return equalities({dx(e), trace::sum(std::move(each)), std::move(added), std::move(simplified)});
            });
        }
        return result;
    }

    Expr product_rules(const Expr& e, trace::Trace* t) {
        std::vector<Expr> constants, dependent;
        for (const Expr& f : e.args()) (depends_on(f, var_) ? dependent : constants).push_back(f);
        // the factors as written: x·x by the product rule, as typed
        if (!constants.empty()) {
            return constant_multiple_rule(multiply(constants), multiply_as_written(dependent), e, t);
        }
        std::vector<Expr> numerator, denominator;
        for (const Expr& f : dependent) {
            bool below = f.op() == Op::power && f.arg(1).is_constant() && f.arg(1).value() < 0;
            (below ? denominator : numerator).push_back(below ? power(f.arg(0), -f.arg(1)) : f);
        }
        if (!numerator.empty() && !denominator.empty()) {
            return quotient_rule(multiply_as_written(numerator), multiply_as_written(denominator), e, t);
        }
        return product_rule(dependent, e, t);
    }

    // ∂/∂x (c u) = c ∂u/∂x
    Expr constant_multiple_rule(const Expr& c, const Expr& u, const Expr& e, trace::Trace* t) {
        trace::SubDerivation sub(t, kind::rule);
        Expr du = d(u, t);
        Expr result = c * du;
        if (sub) {
            sub.describe("Constant multiple rule.", [&] {
                trace::Math c_du = trace::product({factor_math(c), dx(u)}, "cdot");
                return equalities({dx(e), std::move(c_du), written_product({c, du}), to_math(result)});
            });
        }
        return result;
    }

    // ∂/∂x (u₁u₂…uₙ) = Σᵢ u₁ … uᵢ′ … uₙ
    Expr product_rule(const std::vector<Expr>& factors, const Expr& e, trace::Trace* t) {
        trace::SubDerivation sub(t, kind::rule);
        std::vector<Expr> derivatives, terms;
        for (const Expr& f : factors) derivatives.push_back(d(f, t));
        std::vector<std::vector<Expr>> written;
        for (std::size_t i = 0; i < factors.size(); ++i) {
            std::vector<Expr> term = factors;
            term[i] = derivatives[i];
            terms.push_back(multiply(term));
            if (sub) written.push_back(std::move(term));
        }
        Expr result = add(terms);
        if (sub) {
            sub.describe(factors.size() == 2 ? "Product rule: (uv)′ = u′v + uv′." : "Product rule.", [&] {
                std::vector<trace::Math> sum;
                for (const std::vector<Expr>& term : written) sum.push_back(written_product(term));
                return equalities({dx(e), trace::sum(std::move(sum)), to_math(result)});
            });
        }
        return result;
    }

    // ∂/∂x (u / v) = (u′v − u v′) / v²
    Expr quotient_rule(const Expr& u, const Expr& v, const Expr& e, trace::Trace* t) {
        trace::SubDerivation sub(t, kind::rule);
        Expr du = d(u, t);
        Expr dv = d(v, t);
        // the numerator multiplied out and collected, when that is no longer than as it comes
        Expr top = du * v - u * dv, expanded = expand(top);
        if (expanded.size() <= top.size()) top = expanded;
        Expr result = top / power(v, Expr(2));
        if (sub) {
            sub.describe("Quotient rule: (u/v)′ = (u′v − uv′)/v².", [&] {
                trace::Math written = trace::fraction(
                    trace::sum({written_product({du, v}), trace::negate(written_product({u, dv}))}),
                    to_math(power(v, Expr(2))));
                return equalities({dx(e), std::move(written), to_math(result)});
            });
        }
        return result;
    }

    // u^v = e^{v ln u}: ∂/∂x u^v = u^v · ∂/∂x (v ln u)
    Expr general_power_rule(const Expr& e, trace::Trace* t) {
        trace::SubDerivation sub(t, kind::rule);
        Expr exponent = e.arg(1) * ln(e.arg(0));
        Expr result = e * d(exponent, t);
        if (sub) {
            sub.describe("General power rule: u to the power v is e to the power v ln u.", [&] {
                return equalities({dx(e), trace::product({to_math(e), dx(exponent)}, "cdot"), to_math(result)});
            });
        }
        return result;
    }

    // max(u, v)′ = ReLU′(u − v)·u′ + ReLU′(v − u)·v′: the larger argument's derivative, and at a
    // tie u = v, c·(u′ + v′) for c = ReLU′(0), so that max(g, 0) and max(0, g) have ReLU(g)′ = c·g′
    // and max(g, −g) = |g| has 0, as backpropagation takes them.
    Expr max_rule(const Expr& e, trace::Trace* t) {
        trace::SubDerivation sub(t, kind::rule);
        const Expr &u = e.arg(0), &v = e.arg(1);
        Expr du = d(u, t), dv = d(v, t);
        const Rational& c = options_.relu_at_zero;
        Expr result = relu_step(u - v, c) * du + relu_step(v - u, c) * dv;
        if (sub) {
            sub.describe("Max rule: the derivative of the larger argument, max(u, v)′ = ReLU′(u − v)·u′ + "
                         "ReLU′(v − u)·v′; at a tie u = v, ReLU′(0)·(u′ + v′) with ReLU′(0) = " +
                             rational_text(c) + ".",
                         [&] { return equalities({dx(e), to_math(result)}); });
        }
        return result;
    }

    // A placeholder name for the inner function that the expression does not use.
    std::string placeholder(const Expr& e) const {
        for (std::string name : {"g", "u", "w", "g_1", "g_2"}) {
            if (name != var_ && !depends_on(e, name)) return name;
        }
        return "g_0";
    }

    Outer outer_of(const Expr& e) const {
        std::string name = placeholder(e);
        Expr g = variable(name);
        if (e.op() == Op::power && !depends_on(e.arg(1), var_)) {
            // ∂/∂g gⁿ = n gⁿ⁻¹
            const Expr& n = e.arg(1);
            return {name, "Power rule", e.arg(0), power(g, n), n * power(g, n - Expr(1))};
        }
        if (e.op() == Op::power) {
            // ∂/∂g aᵍ = aᵍ ln a
            const Expr& a = e.arg(0);
            return {name, "Exponential rule", e.arg(1), power(a, g), power(a, g) * ln(a)};
        }
        Expr fg = e.fn() != Fn::relu_step ? apply(e.fn(), {g}) : relu_step(g, e.value());
        switch (e.fn()) {
            case Fn::exp: return {name, "Exponential rule", e.arg(0), fg, fg};
            case Fn::ln: return {name, "Logarithm rule", e.arg(0), fg, power(g, Expr(-1))};
            case Fn::sin: return {name, "Derivative of sine", e.arg(0), fg, cos(g)};
            case Fn::cos: return {name, "Derivative of cosine", e.arg(0), fg, -sin(g)};
            case Fn::tan: return {name, "Derivative of tangent", e.arg(0), fg, power(cos(g), Expr(-2))};
            case Fn::sinh: return {name, "Derivative of sinh", e.arg(0), fg, cosh(g)};
            case Fn::cosh: return {name, "Derivative of cosh", e.arg(0), fg, sinh(g)};
            case Fn::tanh: return {name, "Derivative of tanh", e.arg(0), fg, Expr(1) - power(tanh(g), Expr(2))};
            case Fn::abs:
                return {name, "Derivative of the absolute value (|g|′ = sgn g: −1 for g < 0, 1 for g > 0, and 0 at g = 0, "
                              "ReLU′(g) − ReLU′(−g) for every convention)",
                        e.arg(0), fg, sign(g)};
            case Fn::sign: return {name, "Derivative of sgn (0 away from 0, and 0 at the kink by convention)", e.arg(0), fg, Expr(0)};
            case Fn::sigmoid: return {name, "Derivative of the sigmoid", e.arg(0), fg, fg * (Expr(1) - fg)};
            case Fn::relu:
                return {name, "Derivative of ReLU (ReLU′(z) = 1 for z > 0, 0 for z < 0, ReLU′(0) = " +
                            rational_text(options_.relu_at_zero) + " by convention)",
                        e.arg(0), fg, relu_step(g, options_.relu_at_zero)};
            case Fn::relu_step: return {name, "Derivative of ReLU′ (0 away from 0)", e.arg(0), fg, Expr(0)};
            case Fn::max: break;
        }
        return {name, "?", e, e, Expr(0)};
    }

    // f(x) directly (the rule itself), or f(g(x)) by the chain rule:
    // ∂f/∂x = ∂f/∂g · ∂g/∂x
    Expr outer_rule(const Outer& o, const Expr& e, trace::Trace* t) {
        const std::string& g = o.g;
        if (o.inner.is_variable(var_)) {
            Expr result = substitute(o.derivative, g, o.inner);
            add_rule(t, o.rule + ".", [&] { return equalities({dx(e), to_math(result)}); });
            return result;
        }
        trace::SubDerivation sub(t, kind::rule);
        // the rule for f itself, as a substep before the inner derivative
        add_rule(t, o.rule + ", in " + g + ".", [&] { return equalities({derivative_math(o.f, g), to_math(o.derivative)}); });
        Expr dg = d(o.inner, t);
        const Expr& df = o.derivative;
        Expr result = substitute(df, g, o.inner) * dg;
        if (sub) {
            sub.describe("Chain rule: split the function in two, f of " + g + " and " + g + " of " + var_ + ".",
                         [&] {
                             trace::Math eq = equalities(
                                 {partial_ratio("f", var_),
                                  trace::product({partial_ratio("f", g), partial_ratio(g, var_)}, "cdot"),
                                  written_product({df, dg}), to_math(result)});
                             return trace::list({trace::equals(trace::symbol("f"), to_math(o.f)),
                                                 trace::equals(variable_math(g), to_math(o.inner)), std::move(eq)});
                         });
            // the equation is written in g: the state says what was differentiated, in x
            sub.conclude([&] { return equalities({dx(e), to_math(result)}); });
        }
        return result;
    }

    std::string var_;
    DiffOptions options_;
};

}  // namespace

trace::Math partial_operator(std::string_view var) {
    return trace::fraction(trace::symbol("partial"),
                           trace::product({trace::symbol("partial"), variable_math(std::string(var))}, ""));
}

// ∂/∂x x², ∂/∂x sin(x²); a sum, a product or a negative number in parentheses: ∂/∂x (2x).
trace::Math derivative_math(const Expr& f, std::string_view var) {
    bool bare = f.op() == Op::variable || f.op() == Op::apply || (f.is_constant() && f.value() >= 0) ||
                (f.op() == Op::power && f.arg(0).op() == Op::variable && f.arg(1).is_constant() && f.arg(1).value() > 0);
    trace::Math m = to_math(f);
    return trace::product({partial_operator(var), bare ? std::move(m) : trace::group(std::move(m))}, "");
}

trace::Math partial_ratio(const std::string& f, const std::string& x) {
    return trace::partial_fraction(variable_math(f), variable_math(x));
}

void note_unevaluated_powers(const std::vector<Expr>& expressions, trace::Trace* trace) {
    if (!trace) return;
    for (const Expr& f : expressions) {
        for (const Expr& p : unevaluated_powers(f)) {
            trace->add(kind::unevaluated,
                       "The power is left as it is: its value would take more than " + thousands(max_number_length) +
                           " characters.",
                       to_math(p));
        }
    }
}

void note_rewritten_input(std::string_view typed, const std::vector<Expr>& read, const std::string& name,
                          trace::Trace* trace) {
    if (!trace || reads_as_typed(typed, read)) return;
    trace::Math value = read.size() == 1 ? to_math(read[0]) : [&] {
        std::vector<trace::Math> components;
        for (const Expr& e : read) components.push_back(to_math(e));
        const std::size_t n = components.size();
        return trace::matrix(n, 1, std::move(components));
    }();
    std::string text(typed);
    std::replace(text.begin(), text.end(), '\n', ';');
    trace->add(kind::read, "The input “" + text + "” is read as it simplifies at once:",
               trace::equals(trace::symbol(name), std::move(value)));
}

Expr differentiate(const Expr& f, std::string_view var, const DiffOptions& options, trace::Trace* trace) {
    return Differentiator(var, options).d(f, trace);
}

Expr differentiate(const Expr& f, std::string_view var, trace::Trace* trace) {
    return differentiate(f, var, DiffOptions{}, trace);
}

}  // namespace showwork::calculus
