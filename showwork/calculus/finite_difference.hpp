// Central finite differences: the derivative from two nearby values, no rules at all.
//
//   ∂f/∂x ≈ (f(x + h) − f(x − h)) / 2h,   error O(h²) from the formula, O(ε/h) from rounding,
//
// so h = ε^{1/3}·max(1, |x|) balances the two and leaves about ε^{2/3} relative error
// (≈ 4·10⁻¹¹ in double). Floating scalars only: the answer is an approximation by design.
//
// At a kink (a tie in max, ReLU at 0) the central difference averages the two sides, which no
// convention takes, and a kink within h of x spoils it too; the one-sided differences do not:
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

// c·forward + (1 − c)·backward: the one-sided derivative the convention c = ReLU′(0) takes at a
// kink (the backward difference for c = 0, the forward one for c = 1).
template <Scalar T>
T one_sided_difference(const Expr& f, const Point<T>& point, const std::string& var, const T& c) {
    static_assert(!ScalarTraits<T>::exact, "finite differences approximate: use double or Float50");
    using std::abs;
    using std::sqrt;
    auto it = point.find(var);
    if (it == point.end()) throw InputError("the point gives no value for " + var);
    T h = sqrt(ScalarTraits<T>::epsilon()) * (abs(it->second) > T(1) ? T(abs(it->second)) : T(1));
    Point<T> ahead = point, behind = point;
    ahead[var] = it->second + h;
    behind[var] = it->second - h;
    T here = evaluate(f, point);
    if (c == T(0)) return (here - evaluate(f, behind)) / h;
    if (c == T(1)) return (evaluate(f, ahead) - here) / h;
    return c * (evaluate(f, ahead) - here) / h + (T(1) - c) * (here - evaluate(f, behind)) / h;
}

// The finite difference a check can trust at the point, with its name and, when it is not the
// central one, why.
template <Scalar T>
struct CheckingDifference {
    T value;
    std::string name = "central difference";
    std::string why;  // empty for the central difference
};

// At a kink: the one-sided difference the convention c = ReLU′(0) takes.
template <Scalar T>
CheckingDifference<T> convention_difference(const Expr& f, const Point<T>& point, const std::string& var,
                                            const Rational& c) {
    std::string side = c == 0 ? "the left one" : c == 1 ? "the right one" : "both, weighted";
    std::string name = c == 0   ? "backward difference"
                       : c == 1 ? "forward difference"
                                : rational_text(c) + "·forward + " + rational_text(1 - c) + "·backward difference";
    return {one_sided_difference(f, point, var, scalar_cast<T>(c)), name,
            "the point is a kink, where a central difference averages the two sides; ReLU′(0) = " + rational_text(c) +
                " takes " + side};
}

// The central difference where f is one smooth piece from x − h to x + h (the same branches,
// calculus/evaluate.hpp); at a kink, the one-sided difference of the convention c = ReLU′(0);
// with a kink just ahead (or behind), the backward (or forward) difference, on the smooth side.
template <Scalar T>
CheckingDifference<T> checking_difference(const Expr& f, const Point<T>& point, const std::string& var,
                                          const Rational& c) {
    std::vector<int> here = branches(f, point);
    if (std::find(here.begin(), here.end(), 0) != here.end()) return convention_difference(f, point, var, c);
    auto branches_at = [&](int side) {
        Point<T> p = point;
        p[var] += T(side) * central_difference_step(point.at(var));
        return branches(f, p);
    };
    bool behind = branches_at(-1) == here, ahead = branches_at(1) == here;
    if (behind && ahead) return {finite_difference(f, point, var), "central difference", ""};
    std::string why = "a kink lies within the central step, so the difference is taken on the side without it";
    if (behind) return {one_sided_difference(f, point, var, T(0)), "backward difference", why};
    if (ahead) return {one_sided_difference(f, point, var, T(1)), "forward difference", why};
    return convention_difference(f, point, var, c);  // kinks on both sides: the convention's side
}

}  // namespace showwork::calculus
