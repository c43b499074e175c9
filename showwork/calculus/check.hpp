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
//
// The derivative's own value must be a number (evaluate_finite: a RangeError naming where it
// overflowed). The check's parts need not be: where forward mode or the difference quotient
// leaves the scalar's range (x² at x = 10¹⁶⁰), or the difference does not settle on a value
// (finite_difference.hpp), that part is not compared, and the step says so.
#pragma once

#include <fmt/format.h>

#include <string>
#include <vector>

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
    // Where the check itself leaves the scalar's range (x² at x = 10¹⁶⁰: f(x ± h) is inf), it is
    // not compared: a check that cannot be computed says nothing about the derivative.
    bool dual_taken = true;             // false when forward mode overflows
    bool difference_overflows = false;  // the difference quotient was taken and overflowed
    // A difference whose ladder of steps disagrees past the tolerance (finite_difference.hpp) has
    // not settled: it is no evidence either way, and is not compared either.
    T difference_spread = 0;
    bool difference_unsettled = false;
    bool compared() const { return dual_taken || difference_taken; }
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

// The values compared side by side: rules = …, dual numbers = …, central difference ≈ ….
template <Scalar T>
trace::Math check_math(const DerivativeCheck<T>& c) {
    std::vector<trace::Math> items{trace::equals(trace::text("rules"), trace::number(scalar_text(c.symbolic)))};
    if (c.dual_taken) items.push_back(trace::equals(trace::text("dual numbers"), trace::number(scalar_text(c.dual))));
    if (c.difference_taken) {
        items.push_back(trace::relation(trace::text(c.difference), trace::Rel::approx,
                                        trace::number(scalar_text(c.finite_difference))));
    }
    return trace::list(std::move(items), "; ");
}

// The sentence of a check step: what the rules were compared with, and the verdict.
template <Scalar T>
std::string check_sentence(const DerivativeCheck<T>& c, const std::string& at) {
    std::vector<std::string> overflowed;
    if (!c.dual_taken) overflowed.push_back("forward mode (dual numbers)");
    if (c.difference_overflows) overflowed.push_back(c.difference);
    std::string unchecked;
    for (std::size_t k = 0; k < overflowed.size(); ++k) unchecked += (k == 0 ? "the check by " : " and by ") + overflowed[k];
    if (!overflowed.empty()) unchecked += " overflows in " + std::string(ScalarTraits<T>::name) + " at this point";
    if (c.difference_unsettled) {
        unchecked += (unchecked.empty() ? "the " : "; the ") + c.difference +
                     " does not settle at this point (its steps disagree by " + two_digits(c.difference_spread) +
                     ", past the tolerance)";
    }
    if (!c.compared()) return "Check at " + at + ": the derivative by the rules is not compared: " + unchecked + ".";
    std::string against = c.dual_taken ? "forward mode (dual numbers)" : "";
    if constexpr (!ScalarTraits<T>::exact) {
        const bool left_out = c.difference_overflows || c.difference_unsettled;
        if (c.difference_taken) against += (against.empty() ? "a " : " and a ") + c.difference;
        else if (!left_out) against += ", and no difference quotient";
        if (!c.why_one_sided.empty() && !left_out) against += " (" + c.why_one_sided + ")";
    }
    std::string verdict =
        ScalarTraits<T>::exact
            ? std::string(c.agree ? "they agree exactly" : "they DISAGREE") +
                  " (no central difference over exact rationals: it only approximates)."
            : std::string(c.agree ? "they agree: " : "they DISAGREE: ") + "the largest relative difference " +
                  two_digits(c.difference_found) + (c.agree ? " is within" : " is past") + " the tolerance " +
                  two_digits(c.tolerance) + ".";
    std::string sentence = "Check at " + at + ": the derivative by the rules against " + against + ": " + verdict;
    if (!unchecked.empty()) {
        unchecked[0] = 'T';
        sentence += " " + unchecked + "; not compared.";
    }
    return sentence;
}

// ∂f/∂var = derivative (taken with `options`), checked at the point. With a trace: a step of
// kind "check". The derivative's own value must be a number (evaluate_finite: a RangeError
// otherwise); forward mode or a difference quotient that overflows is left out of the comparison,
// and the step says so.
template <Scalar T>
DerivativeCheck<T> check_derivative(const Expr& f, const Expr& derivative, const std::string& var,
                                    const Point<T>& point, const DiffOptions& options, trace::Trace* trace = nullptr) {
    using std::abs;
    DerivativeCheck<T> c;
    c.symbolic = evaluate_finite(derivative, point, "∂f/∂" + var);
    c.dual = evaluate_dual(f, point, var, options.relu_at_zero).derivative;
    c.dual_taken = is_finite(c.dual);
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
        c.tolerance = default_check_tolerance<T>(d.taken && !d.why.empty());
        c.difference_overflows = d.taken && !is_finite(d.value);
        c.difference_spread = d.spread;
        c.difference_unsettled = d.taken && !c.difference_overflows && d.spread > c.tolerance;
        c.difference_taken = d.taken && !c.difference_overflows && !c.difference_unsettled;
        T to_dual = c.dual_taken ? T(abs(c.symbolic - c.dual)) : T(0);
        T to_difference = c.difference_taken ? T(abs(c.symbolic - c.finite_difference)) : T(0);
        c.difference_found = (to_dual > to_difference ? to_dual : to_difference) / scale;
        c.agree = c.difference_found <= c.tolerance;
    }
    // the values themselves are the step's math (check_math); the sentence says what they are
    if (trace) trace->add(trace::kind::check, check_sentence(c, point_text(point)), check_math(c));
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
