// Central finite differences: the derivative from two nearby values, no rules at all.
//
//   ∂f/∂x ≈ (f(x + h) − f(x − h)) / 2h,   error O(h²) from the formula, O(ε/h) from rounding,
//
// so h = ε^{1/3}·max(1, |x|) balances the two and leaves about ε^{2/3} relative error
// (≈ 4·10⁻¹¹ in double). Floating scalars only: the answer is an approximation by design.
//
// At a kink (a tie in max, ReLU at 0) the central difference averages the two sides, which no
// convention takes; the one-sided differences do:
//
//   forward (f(x + h) − f(x))/h,  backward (f(x) − f(x − h))/h,   error O(h) + O(ε/h),
//
// with h = ε^{1/2}·max(1, |x|), about ε^{1/2} relative error (≈ 10⁻⁸ in double).
#pragma once

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

}  // namespace showwork::calculus
