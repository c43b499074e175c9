// Central finite differences: the derivative from two nearby values, no rules at all.
//
//   ∂f/∂x ≈ (f(x + h) − f(x − h)) / 2h,   error O(h²) from the formula, O(ε/h) from rounding,
//
// so h = ε^{1/3}·max(1, |x|) balances the two and leaves about ε^{2/3} relative error
// (≈ 4·10⁻¹¹ in double). Floating scalars only: the answer is an approximation by design.
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

}  // namespace showwork::calculus
