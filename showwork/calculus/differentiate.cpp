#include "showwork/calculus/differentiate.hpp"

#include <algorithm>

#include "showwork/calculus/print.hpp"

namespace showwork::calculus {

namespace {

// An expression shown in a step, both as text and as math.
struct Shown {
    std::string text;
    trace::Math math;
};

Shown shown(const Expr& e) { return {to_text(e), to_math(e)}; }

bool reads_negative(const Expr& e) {
    if (e.is_constant()) return e.value() < 0;
    return e.op() == Op::product && e.arg(0).is_constant() && e.arg(0).value() < 0;
}

// A factor or term written between others: sums and negative terms in parentheses.
Shown shown_factor(const Expr& e) {
    if (e.op() == Op::sum || reads_negative(e)) return {"(" + to_text(e) + ")", trace::group(to_math(e))};
    return shown(e);
}

// a · b · …, unsimplified, as written between two equals signs.
Shown shown_product(const std::vector<Expr>& factors) {
    Shown s{"", trace::product({}, "cdot")};
    for (const Expr& f : factors) {
        Shown part = shown_factor(f);
        s.text += (s.text.empty() ? "" : " · ") + part.text;
        s.math.args.push_back(part.math);
    }
    return s;
}

Shown shown_sum(const std::vector<Shown>& terms) {
    Shown s{"", trace::sum({})};
    for (const Shown& t : terms) {
        s.text += (s.text.empty() ? "" : " + ") + t.text;
        s.math.args.push_back(t.math);
    }
    return s;
}

Shown shown_derivative(const Expr& e, std::string_view var) {
    return {"∂/∂" + std::string(var) + " (" + to_text(e) + ")", derivative_math(e, var)};
}

Shown shown_ratio(const std::string& f, const std::string& x) {
    return {"∂" + f + "/∂" + x, partial_ratio(f, x)};
}

// "a = b = c" and the same chain as math.
Shown equalities(const std::vector<Shown>& sides) {
    Shown s;
    std::vector<trace::Math> operands;
    for (const Shown& side : sides) {
        s.text += (s.text.empty() ? "" : " = ") + side.text;
        operands.push_back(side.math);
    }
    s.math = trace::chain(std::move(operands), std::vector<trace::Rel>(sides.size() - 1, trace::Rel::equals));
    return s;
}

// A rule of one variable: f(g) and f′(g), written with a placeholder g.
struct Outer {
    std::string g;      // the placeholder's name
    std::string rule;   // "Power rule"
    Expr inner;         // what g stands for
    Expr f;             // f(g)
    Expr derivative;    // ∂f/∂g
};

class Differentiator {
public:
    Differentiator(std::string_view var, const DiffOptions& options) : var_(var), options_(options) {}

    Expr d(const Expr& e, trace::Trace* t) {
        if (!depends_on(e, var_)) {
            if (t && e.op() != Op::constant && e.op() != Op::variable) {
                t->add("rule", "Constant: no " + var_ + " in it.",
                       equalities({shown_derivative(e, var_), shown(Expr(0))}).math);
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
    // A rule's step: its name (and statement) in words, the equation as math. The chain rule
    // writes its equation in the placeholder g, so its state says what was differentiated.
    void record(trace::Trace* t, const std::string& sentence, const Expr& e, const Shown& equation,
                const Expr& result, trace::Trace& inner, bool with_state = false) {
        if (!t) return;
        std::optional<trace::Math> state;
        if (with_state) state = equalities({shown_derivative(e, var_), shown(result)}).math;
        t->add(trace::Step{"rule", sentence, equation.math, std::move(state), inner.take_steps()});
    }

    // ∂/∂x Σ uᵢ = Σ ∂uᵢ/∂x
    Expr sum_rule(const Expr& e, trace::Trace* t) {
        trace::Trace inner;
        std::vector<Expr> parts;
        for (const Expr& term : e.args()) parts.push_back(d(term, t ? &inner : nullptr));
        Expr result = add(parts);
        if (t) {
            std::vector<Shown> each, values;
            for (std::size_t i = 0; i < parts.size(); ++i) {
                each.push_back(shown_derivative(e.arg(i), var_));
                values.push_back(shown_factor(parts[i]));
            }
            record(t, "Sum rule.", e,
                   equalities({shown_derivative(e, var_), shown_sum(each), shown_sum(values), shown(result)}),
                   result, inner);
        }
        return result;
    }

    Expr product_rules(const Expr& e, trace::Trace* t) {
        std::vector<Expr> constants, dependent;
        for (const Expr& f : e.args()) (depends_on(f, var_) ? dependent : constants).push_back(f);
        if (!constants.empty()) return constant_multiple_rule(multiply(constants), multiply(dependent), e, t);
        std::vector<Expr> numerator, denominator;
        for (const Expr& f : dependent) {
            bool below = f.op() == Op::power && f.arg(1).is_constant() && f.arg(1).value() < 0;
            (below ? denominator : numerator).push_back(below ? power(f.arg(0), -f.arg(1)) : f);
        }
        if (!numerator.empty() && !denominator.empty()) {
            return quotient_rule(multiply(numerator), multiply(denominator), e, t);
        }
        return product_rule(dependent, e, t);
    }

    // ∂/∂x (c u) = c ∂u/∂x
    Expr constant_multiple_rule(const Expr& c, const Expr& u, const Expr& e, trace::Trace* t) {
        trace::Trace inner;
        Expr du = d(u, t ? &inner : nullptr);
        Expr result = c * du;
        if (t) {
            Shown cu = shown_product({c});
            cu.text += " · " + shown_derivative(u, var_).text;
            cu.math.args.push_back(derivative_math(u, var_));
            record(t, "Constant multiple rule.", e,
                   equalities({shown_derivative(e, var_), cu, shown_product({c, du}), shown(result)}), result,
                   inner);
        }
        return result;
    }

    // ∂/∂x (u₁u₂…uₙ) = Σᵢ u₁ … uᵢ′ … uₙ
    Expr product_rule(const std::vector<Expr>& factors, const Expr& e, trace::Trace* t) {
        trace::Trace inner;
        std::vector<Expr> derivatives, terms;
        for (const Expr& f : factors) derivatives.push_back(d(f, t ? &inner : nullptr));
        std::vector<Shown> written;
        for (std::size_t i = 0; i < factors.size(); ++i) {
            std::vector<Expr> term = factors;
            term[i] = derivatives[i];
            terms.push_back(multiply(term));
            if (t) written.push_back(shown_product(term));
        }
        Expr result = add(terms);
        if (t) {
            Shown eq = equalities({shown_derivative(e, var_), shown_sum(written), shown(result)});
            record(t, factors.size() == 2 ? "Product rule: (uv)′ = u′v + uv′." : "Product rule.", e, eq, result,
                   inner);
        }
        return result;
    }

    // ∂/∂x (u / v) = (u′v − u v′) / v²
    Expr quotient_rule(const Expr& u, const Expr& v, const Expr& e, trace::Trace* t) {
        trace::Trace inner;
        Expr du = d(u, t ? &inner : nullptr);
        Expr dv = d(v, t ? &inner : nullptr);
        Expr top = du * v - u * dv;
        Expr result = top / power(v, Expr(2));
        if (t) {
            Shown written;
            Shown a = shown_product({du, v}), b = shown_product({u, dv}), v2 = shown(power(v, Expr(2)));
            written.text = "(" + a.text + " − " + b.text + ")/" + v2.text;
            written.math = trace::fraction(trace::sum({a.math, trace::negate(b.math)}), v2.math);
            Shown eq = equalities({shown_derivative(e, var_), written, shown(result)});
            record(t, "Quotient rule: (u/v)′ = (u′v − uv′)/v².", e, eq, result, inner);
        }
        return result;
    }

    // u^v = e^{v ln u}: ∂/∂x u^v = u^v · ∂/∂x (v ln u)
    Expr general_power_rule(const Expr& e, trace::Trace* t) {
        trace::Trace inner;
        Expr exponent = e.arg(1) * ln(e.arg(0));
        Expr result = e * d(exponent, t ? &inner : nullptr);
        if (t) {
            Shown eq = equalities({shown_derivative(e, var_),
                                   {to_text(e) + " · " + shown_derivative(exponent, var_).text,
                                    trace::product({to_math(e), derivative_math(exponent, var_)}, "cdot")},
                                   shown(result)});
            record(t, "General power rule: u to the power v is e to the power v ln u.", e, eq, result, inner);
        }
        return result;
    }

    // max(u, v)′ = ReLU′(u − v)·u′ + (1 − ReLU′(u − v))·v′
    Expr max_rule(const Expr& e, trace::Trace* t) {
        trace::Trace inner;
        const Expr &u = e.arg(0), &v = e.arg(1);
        Expr du = d(u, t ? &inner : nullptr), dv = d(v, t ? &inner : nullptr);
        Expr step = relu_step(u - v, options_.relu_at_zero);
        Expr result = step * du + (Expr(1) - step) * dv;
        if (t) {
            Shown eq = equalities({shown_derivative(e, var_), shown(result)});
            record(t, "Max rule: the derivative of the larger argument (of the second at a tie when ReLU′(0) = " +
                          rational_text(options_.relu_at_zero) + ").",
                   e, eq, result, inner);
        }
        return result;
    }

    // A placeholder name for the inner function that the expression does not use.
    std::string placeholder(const Expr& e) const {
        std::vector<std::string> used = variables(e);
        used.push_back(var_);
        for (std::string name : {"g", "u", "w", "g_1", "g_2"}) {
            if (std::find(used.begin(), used.end(), name) == used.end()) return name;
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
        Expr fg = e.fn() == Fn::relu_step ? relu_step(g, e.value()) : apply(e.fn(), {g});
        switch (e.fn()) {
            case Fn::exp: return {name, "Exponential rule", e.arg(0), fg, fg};
            case Fn::ln: return {name, "Logarithm rule", e.arg(0), fg, power(g, Expr(-1))};
            case Fn::sin: return {name, "Derivative of sine", e.arg(0), fg, cos(g)};
            case Fn::cos: return {name, "Derivative of cosine", e.arg(0), fg, -sin(g)};
            case Fn::tanh: return {name, "Derivative of tanh", e.arg(0), fg, Expr(1) - power(tanh(g), Expr(2))};
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
            trace::Trace none;
            if (t) record(t, o.rule + ".", e, equalities({shown_derivative(e, var_), shown(result)}), result, none);
            return result;
        }
        trace::Trace inner;
        Expr dg = d(o.inner, t ? &inner : nullptr);
        Expr result = substitute(o.derivative, g, o.inner) * dg;
        if (t) {
            // the rule for f itself, as a substep before the inner derivative
            trace::Trace own;
            own.add("rule", o.rule + ", in " + g + ".",
                    equalities({{"", derivative_math(o.f, g)}, shown(o.derivative)}).math);
            for (auto& s : inner.take_steps()) own.add(std::move(s));
            Shown eq = equalities({shown_ratio("f", var_),
                                   {"∂f/∂" + g + " · ∂" + g + "/∂" + var_,
                                    trace::product({partial_ratio("f", g), partial_ratio(g, var_)}, "cdot")},
                                   shown_product({o.derivative, dg}), shown(result)});
            Shown defs{"f = " + to_text(o.f) + ", " + g + " = " + to_text(o.inner) + "; ",
                       trace::list({trace::equals(trace::symbol("f"), to_math(o.f)),
                                    trace::equals(variable_math(g), to_math(o.inner)), eq.math})};
            record(t, "Chain rule: split the function in two, f of " + g + " and " + g + " of " + var_ + ".", e,
                   {defs.text + eq.text, defs.math}, result, own, true);
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

trace::Math derivative_math(const Expr& f, std::string_view var) {
    return trace::product({partial_operator(var), trace::group(to_math(f))}, "");
}

trace::Math partial_ratio(const std::string& f, const std::string& x) {
    return trace::fraction(trace::product({trace::symbol("partial"), variable_math(f)}, ""),
                           trace::product({trace::symbol("partial"), variable_math(x)}, ""));
}

Expr differentiate(const Expr& f, std::string_view var, const DiffOptions& options, trace::Trace* trace) {
    return Differentiator(var, options).d(f, trace);
}

Expr differentiate(const Expr& f, std::string_view var, trace::Trace* trace) {
    return differentiate(f, var, DiffOptions{}, trace);
}

}  // namespace showwork::calculus
