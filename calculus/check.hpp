// Checking a symbolic derivative three ways at a point: the symbolic result evaluated, forward
// mode (dual numbers), and a central finite difference. Rules, arithmetic and a limit are
// independent of one another, so agreement is real evidence.
#pragma once

#include <string>

#include "calculus/evaluate.hpp"
#include "calculus/finite_difference.hpp"
#include "calculus/print.hpp"
#include "trace/trace.hpp"

namespace showwork::calculus {

template <Scalar T>
struct DerivativeCheck {
    T symbolic, dual, finite_difference;
    T tolerance;  // relative to max(1, |symbolic|)
    bool agree = false;
};

// The default tolerance: finite differences are good to about ε^{2/3}; allow a wide margin.
template <Scalar T>
T default_check_tolerance() {
    using std::exp;
    using std::log;
    T e = exp(log(ScalarTraits<T>::epsilon()) / T(3));
    return T(1000) * e * e;
}

// ∂f/∂var = derivative, checked at the point. With a trace: a step of kind "check".
template <Scalar T>
DerivativeCheck<T> check_derivative(const Expr& f, const Expr& derivative, const std::string& var,
                                    const Point<T>& point, trace::Trace* trace = nullptr) {
    using std::abs;
    DerivativeCheck<T> c;
    c.symbolic = evaluate(derivative, point);
    c.dual = evaluate_dual(f, point, var).derivative;
    c.finite_difference = calculus::finite_difference(f, point, var);
    c.tolerance = default_check_tolerance<T>();
    T scale = abs(c.symbolic) > T(1) ? T(abs(c.symbolic)) : T(1);
    c.agree = abs(c.symbolic - c.dual) <= c.tolerance * scale &&
              abs(c.symbolic - c.finite_difference) <= c.tolerance * scale;
    if (trace) {
        std::string at;
        for (const auto& [name, value] : point) at += (at.empty() ? "" : ", ") + name + " = " + scalar_text(value);
        trace->add("check",
                   "Check at " + at + ": ∂/∂" + var + " (" + to_text(f) + ") is " + scalar_text(c.symbolic) +
                       " from the rules, " + scalar_text(c.dual) + " by forward mode (dual numbers), " +
                       scalar_text(c.finite_difference) + " by central differences; " +
                       (c.agree ? "they agree" : "they DISAGREE") + " within a relative " +
                       scalar_text(c.tolerance) + ".",
                   trace::list({trace::number(scalar_text(c.symbolic)), trace::number(scalar_text(c.dual)),
                                trace::number(scalar_text(c.finite_difference))}));
    }
    return c;
}

}  // namespace showwork::calculus
