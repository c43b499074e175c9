// Checking a symbolic derivative three ways at a point: the symbolic result evaluated, forward
// mode (dual numbers), and a central finite difference. Rules, arithmetic and a limit are
// independent of one another, so agreement is real evidence.
//
// Over exact rationals the finite difference is not taken (it only approximates, and exact
// arithmetic has no rounding to balance a step size against): the rules and the dual numbers
// must then agree exactly.
#pragma once

#include <string>

#include "showwork/calculus/differentiate.hpp"
#include "showwork/calculus/evaluate.hpp"
#include "showwork/calculus/finite_difference.hpp"
#include "showwork/calculus/print.hpp"
#include "showwork/trace/trace.hpp"

namespace showwork::calculus {

template <Scalar T>
struct DerivativeCheck {
    T symbolic, dual;
    T finite_difference;  // 0 over exact scalars, where it is not taken
    T tolerance;          // relative to max(1, |symbolic|); 0 over exact scalars
    bool agree = false;
};

// The default tolerance: finite differences are good to about ε^{2/3}; allow a wide margin.
template <Scalar T>
T default_check_tolerance() {
    if constexpr (ScalarTraits<T>::exact) {
        return T(0);
    } else {
        using std::exp;
        using std::log;
        T e = exp(log(ScalarTraits<T>::epsilon()) / T(3));
        return T(1000) * e * e;
    }
}

// "x = 1, y = 2"
template <Scalar T>
std::string point_text(const Point<T>& point) {
    std::string at;
    for (const auto& [name, value] : point) at += (at.empty() ? "" : ", ") + name + " = " + scalar_text(value);
    return at;
}

// The three values side by side: rules = …, dual numbers = …, central difference ≈ ….
template <Scalar T>
trace::Math check_math(const DerivativeCheck<T>& c) {
    std::vector<trace::Math> items{
        trace::equals(trace::text("rules"), trace::number(scalar_text(c.symbolic))),
        trace::equals(trace::text("dual numbers"), trace::number(scalar_text(c.dual)))};
    if constexpr (!ScalarTraits<T>::exact) {
        items.push_back(trace::relation(trace::text("central difference"), trace::Rel::approx,
                                        trace::number(scalar_text(c.finite_difference))));
    }
    return trace::list(std::move(items), "; ");
}

// ∂f/∂var = derivative, checked at the point. With a trace: a step of kind "check".
template <Scalar T>
DerivativeCheck<T> check_derivative(const Expr& f, const Expr& derivative, const std::string& var,
                                    const Point<T>& point, trace::Trace* trace = nullptr) {
    using std::abs;
    DerivativeCheck<T> c;
    c.symbolic = evaluate(derivative, point);
    c.dual = evaluate_dual(f, point, var).derivative;
    c.tolerance = default_check_tolerance<T>();
    T scale = abs(c.symbolic) > T(1) ? T(abs(c.symbolic)) : T(1);
    if constexpr (ScalarTraits<T>::exact) {
        c.finite_difference = T(0);
        c.agree = c.symbolic == c.dual;
    } else {
        c.finite_difference = calculus::finite_difference(f, point, var);
        c.agree = abs(c.symbolic - c.dual) <= c.tolerance * scale &&
                  abs(c.symbolic - c.finite_difference) <= c.tolerance * scale;
    }
    if (trace) {
        std::string verdict =
            ScalarTraits<T>::exact
                ? std::string(c.agree ? "they agree exactly" : "they DISAGREE") +
                      " (no central difference over exact rationals: it only approximates)."
                : std::string(c.agree ? "they agree" : "they DISAGREE") + " within a relative " +
                      scalar_text(c.tolerance) + ".";
        std::string how = ScalarTraits<T>::exact ? " by forward mode (dual numbers); "
                                                 : " by forward mode (dual numbers), " +
                                                       scalar_text(c.finite_difference) + " by central differences; ";
        trace->add(trace::kind::check,
                   "Check at " + point_text(point) + ": ∂/∂" + var + " (" + to_text(f) + ") is " +
                       scalar_text(c.symbolic) + " from the rules, " + scalar_text(c.dual) + how + verdict,
                   check_math(c));
    }
    return c;
}

#define SHOWWORK_CHECK_INSTANCES(EXTERN, T)                                                            \
    EXTERN template DerivativeCheck<T> check_derivative(const Expr&, const Expr&, const std::string&,    \
                                                        const Point<T>&, trace::Trace*);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_CHECK_INSTANCES)

}  // namespace showwork::calculus
