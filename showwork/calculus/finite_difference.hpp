// Central finite differences: the derivative from two nearby values, no rules at all.
//
//   ∂f/∂x ≈ (f(x + h) − f(x − h)) / 2h,   error O(h²) from the formula, O(ε/h) from rounding,
//
// so h = ε^{1/3}·max(1, |x|) balances the two and leaves about ε^{2/3} relative error
// (≈ 4·10⁻¹¹ in double). Floating scalars only: the answer is an approximation by design.
//
// At a kink (a tie in max, ReLU at 0) no difference quotient gives the derivative the convention
// takes (ReLU′(0)·g′ is not the slope of either side in general: relu(x) + relu(−x) has 0 at 0,
// its sides −1 and 1), so a check there has forward mode only. A kink within h of x spoils the
// central difference; the one-sided difference on the smooth side does not:
//
//   forward (f(x + h) − f(x))/h,  backward (f(x) − f(x − h))/h,   error O(h) + O(ε/h),
//
// with h = ε^{1/2}·max(1, |x|), about ε^{1/2} relative error (≈ 10⁻⁸ in double).
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <type_traits>

#include "showwork/calculus/evaluate.hpp"

namespace showwork::calculus {

template <Scalar T>
T central_difference_step(const T& x) {
    using std::abs;
    using std::exp;
    using std::log;
    T scale = abs(x) > T(1) ? T(abs(x)) : T(1);
    T cube_root_of_epsilon = exp(log(ScalarTraits<T>::epsilon()) / T(3));
    return cube_root_of_epsilon * scale;
}

template <Scalar T>
T finite_difference(const Expr& f, const Point<T>& point, const std::string& var) {
    static_assert(!ScalarTraits<T>::exact, "finite differences approximate: use double or Float50");
    auto it = point.find(var);
    if (it == point.end()) throw InputError("the point gives no value for " + var);
    T h = central_difference_step(it->second);
    Point<T> ahead = point, behind = point;
    ahead[var] = it->second + h;
    behind[var] = it->second - h;
    return (evaluate(f, ahead) - evaluate(f, behind)) / (T(2) * h);
}

// forward (f(x + h) − f(x))/h, or backward (f(x) − f(x − h))/h
template <Scalar T>
T one_sided_difference(const Expr& f, const Point<T>& point, const std::string& var, bool forward) {
    static_assert(!ScalarTraits<T>::exact, "finite differences approximate: use double or Float50");
    using std::abs;
    using std::sqrt;
    auto it = point.find(var);
    if (it == point.end()) throw InputError("the point gives no value for " + var);
    T h = sqrt(ScalarTraits<T>::epsilon()) * (abs(it->second) > T(1) ? T(abs(it->second)) : T(1));
    Point<T> moved = point;
    moved[var] = forward ? it->second + h : it->second - h;
    T here = evaluate(f, point);
    return forward ? (evaluate(f, moved) - here) / h : (here - evaluate(f, moved)) / h;
}

// The finite difference a check can trust at the point, with its name and, when it is not the
// central one, why; none at a kink.
template <Scalar T>
struct CheckingDifference {
    T value;
    std::string name = "central difference";
    std::string why;     // empty for the central difference
    bool taken = true;   // false at a kink
};

// The central difference where f is one smooth piece from x − h to x + h (the same branches,
// calculus/evaluate.hpp); with a kink just ahead (or behind), the backward (or forward)
// difference, on the smooth side; none at a kink, or with kinks on both sides.
template <Scalar T>
CheckingDifference<T> checking_difference(const Expr& f, const Point<T>& point, const std::string& var,
                                          const Rational& c) {
    std::vector<int> here = branches(f, point);
    const std::string kink = "the point is a kink of f, where a difference quotient gives the slope of one side, not "
                             "the convention ReLU′(0) = " + rational_text(c);
    if (std::find(here.begin(), here.end(), 0) != here.end()) return {T(0), "no difference", kink, false};
    auto branches_at = [&](int side) {
        Point<T> p = point;
        p[var] += T(side) * central_difference_step(point.at(var));
        return branches(f, p);
    };
    bool behind = branches_at(-1) == here, ahead = branches_at(1) == here;
    if (behind && ahead) return {finite_difference(f, point, var), "central difference", ""};
    std::string why = "a kink lies within the central step, so the difference is taken on the side without it";
    if (behind) return {one_sided_difference(f, point, var, false), "backward difference", why};
    if (ahead) return {one_sided_difference(f, point, var, true), "forward difference", why};
    return {T(0), "no difference", "kinks lie on both sides within the step", false};
}

}  // namespace showwork::calculus
