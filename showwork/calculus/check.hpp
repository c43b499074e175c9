// Checking a symbolic derivative three ways at a point: the symbolic result evaluated, forward
// mode (dual numbers), and a central finite difference. Rules, arithmetic and a limit are
// independent of one another, so agreement is real evidence.
//
// Over exact rationals the finite difference is not taken (it only approximates, and exact
// arithmetic has no rounding to balance a step size against): the rules and the dual numbers
// must then agree exactly. Next to a kink of f (a tie in max, ReLU at 0) the difference is
// one-sided (calculus/finite_difference.hpp: checking_difference), with a tolerance to match its
// larger error; at a kink none is taken, since no difference quotient gives the convention's
// value, and the rules are checked against forward mode alone.
#pragma once

#include <fmt/format.h>

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
    T finite_difference;  // 0 where it is not taken: over exact scalars, and at a kink
    T tolerance;          // relative to max(1, |symbolic|); 0 over exact scalars
    T difference_found;   // the larger of |rules − dual|, |rules − difference|, relative as the tolerance
    bool agree = false;
    std::string difference = "central difference";  // at or next to a kink: "backward difference", …
    std::string why_one_sided;                        // empty for the central difference
    bool difference_taken = false;
};

// The default tolerance: central differences are good to about ε^{2/3}, one-sided ones (at a
// kink) to about ε^{1/2}; allow a wide margin.
template <Scalar T>
T default_check_tolerance(bool one_sided = false) {
    if constexpr (ScalarTraits<T>::exact) {
        return T(0);
    } else {
        using std::exp;
        using std::log;
        T e = exp(log(ScalarTraits<T>::epsilon()) / T(one_sided ? 4 : 3));
        return T(1000) * e * e;
    }
}

// A relative difference or a tolerance in a sentence: two significant digits, 3.7e-08.
template <Scalar T>
std::string two_digits(const T& x) {
    return fmt::format("{:.2g}", static_cast<double>(x));
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
    if (c.difference_taken) {
        items.push_back(trace::relation(trace::text(c.difference), trace::Rel::approx,
                                        trace::number(scalar_text(c.finite_difference))));
    }
    return trace::list(std::move(items), "; ");
}

// ∂f/∂var = derivative (taken with `options`), checked at the point. With a trace: a step of
// kind "check".
template <Scalar T>
DerivativeCheck<T> check_derivative(const Expr& f, const Expr& derivative, const std::string& var,
                                    const Point<T>& point, const DiffOptions& options, trace::Trace* trace = nullptr) {
    using std::abs;
    DerivativeCheck<T> c;
    c.symbolic = evaluate(derivative, point);
    c.dual = evaluate_dual(f, point, var, options.relu_at_zero).derivative;
    T scale = abs(c.symbolic) > T(1) ? T(abs(c.symbolic)) : T(1);
    if constexpr (ScalarTraits<T>::exact) {
        c.tolerance = T(0);
        c.finite_difference = T(0);
        c.difference_found = abs(c.symbolic - c.dual);
        c.agree = c.symbolic == c.dual;
    } else {
        CheckingDifference<T> d = checking_difference(f, point, var, options.relu_at_zero);
        c.finite_difference = d.value;
        c.difference = d.name;
        c.why_one_sided = d.why;
        c.difference_taken = d.taken;
        c.tolerance = default_check_tolerance<T>(d.taken && !d.why.empty());
        T to_dual = abs(c.symbolic - c.dual);
        T to_difference = d.taken ? T(abs(c.symbolic - c.finite_difference)) : T(0);
        c.difference_found = (to_dual > to_difference ? to_dual : to_difference) / scale;
        c.agree = c.difference_found <= c.tolerance;
    }
    if (trace) {
        std::string verdict =
            ScalarTraits<T>::exact
                ? std::string(c.agree ? "they agree exactly" : "they DISAGREE") +
                      " (no central difference over exact rationals: it only approximates)."
                : std::string(c.agree ? "they agree: " : "they DISAGREE: ") + "the largest relative difference " +
                      two_digits(c.difference_found) + (c.agree ? " is within" : " is past") + " the tolerance " +
                      two_digits(c.tolerance) + ".";
        // the values themselves are the step's math (check_math); the sentence says what they are
        std::string against = "forward mode (dual numbers)";
        if constexpr (!ScalarTraits<T>::exact) {
            against += c.difference_taken ? " and a " + c.difference : std::string(", and no difference quotient");
            if (!c.why_one_sided.empty()) against += " (" + c.why_one_sided + ")";
        }
        trace->add(trace::kind::check,
                   "Check at " + point_text(point) + ": the derivative by the rules against " + against + ": " + verdict,
                   check_math(c));
    }
    return c;
}

template <Scalar T>
DerivativeCheck<T> check_derivative(const Expr& f, const Expr& derivative, const std::string& var,
                                    const Point<T>& point, trace::Trace* trace = nullptr) {
    return check_derivative(f, derivative, var, point, DiffOptions{}, trace);
}

#define SHOWWORK_CHECK_INSTANCES(EXTERN, T)                                                            \
    EXTERN template DerivativeCheck<T> check_derivative(const Expr&, const Expr&, const std::string&,    \
                                                        const Point<T>&, const DiffOptions&, trace::Trace*); \
    EXTERN template DerivativeCheck<T> check_derivative(const Expr&, const Expr&, const std::string&,    \
                                                        const Point<T>&, trace::Trace*);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_CHECK_INSTANCES)

}  // namespace showwork::calculus
