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
//
// No one step suits every f. A step in proportion to |x| suits xⁿ, which varies on the scale of x;
// but eˣ and sin x vary on a scale of 1 wherever x is, and at x = 100 the formula's error h²f‴/6
// is already past the check's tolerance. So a check takes a ladder of steps, h, h/4, h/16, …:
// while the formula's error dominates, each quarter of the step cuts it sixteenfold and
// neighbouring differences close in; once rounding dominates they scatter again. The difference
// kept is the one that agrees best with both its neighbours (the first, with the one after it),
// and that agreement is its spread, an estimate of its error: a difference whose spread is past
// the check's tolerance has not settled (sin x at x = 10¹⁵, where double's numbers lie 1/8
// apart), and is no evidence either way. Each step is rounded to one that x + h holds exactly,
// (x + h) − x, so that x ± h lie h from x.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <type_traits>
#include <vector>

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

// (f(x + h) − f(x − h)) / 2h, with h rounded to a step x + h holds exactly.
template <Scalar T>
T central_difference(const Expr& f, const Point<T>& point, const std::string& var, T h) {
    static_assert(!ScalarTraits<T>::exact, "finite differences approximate: use double or Float50");
    auto it = point.find(var);
    if (it == point.end()) throw InputError("the point gives no value for " + var);
    const T x = it->second;
    h = T(x + h) - x;
    Point<T> ahead = point, behind = point;
    ahead[var] = x + h;
    behind[var] = x - h;
    return (evaluate(f, ahead) - evaluate(f, behind)) / (T(2) * h);
}

template <Scalar T>
T finite_difference(const Expr& f, const Point<T>& point, const std::string& var) {
    auto it = point.find(var);
    if (it == point.end()) throw InputError("the point gives no value for " + var);
    return central_difference(f, point, var, central_difference_step(it->second));
}

// forward (f(x + h) − f(x))/h, or backward (f(x) − f(x − h))/h, with h rounded as above
template <Scalar T>
T one_sided_difference(const Expr& f, const Point<T>& point, const std::string& var, bool forward, T h) {
    static_assert(!ScalarTraits<T>::exact, "finite differences approximate: use double or Float50");
    auto it = point.find(var);
    if (it == point.end()) throw InputError("the point gives no value for " + var);
    const T x = it->second;
    h = T(x + h) - x;
    Point<T> moved = point;
    moved[var] = forward ? x + h : x - h;
    T here = evaluate(f, point);
    return forward ? (evaluate(f, moved) - here) / h : (here - evaluate(f, moved)) / h;
}

// A difference quotient and how far the steps around it disagree with it (relative to
// max(1, |value|)); 0 when only one step was taken.
template <Scalar T>
struct SettledDifference {
    T value;
    T spread = 0;
};

// The ladder of the differences `at(h)` for h = first, first/4, …, at most 40 rungs and no step
// below `last`, stopping early once the gaps between neighbours have grown past 16 times the
// least so far twice in a row (rounding has taken over). Differences that are not numbers (f
// overflowed at x ± h) are passed over; if none is a number, the first is returned as it is.
template <Scalar T, class Difference>
SettledDifference<T> settled_difference(T first, T last, Difference&& at) {
    using std::abs;
    std::vector<T> d, gap;  // gap[k] = |d[k + 1] − d[k]|
    T least = 0;
    std::size_t grown = 0;
    T h = first;
    for (int rung = 0; rung < 40 && (rung == 0 || h >= last) && grown < 2; ++rung, h /= 4) {
        T value = at(h);
        if (!is_finite(value)) continue;
        if (!d.empty()) {
            gap.push_back(abs(value - d.back()));
            if (gap.size() == 1 || gap.back() < least) least = gap.back();
            grown = gap.back() > T(16) * least ? grown + 1 : 0;
        }
        d.push_back(value);
    }
    if (d.empty()) return {at(first)};
    if (d.size() == 1) return {d[0]};
    // agreement with both neighbours: the first has only the next, the last is not trusted alone
    std::size_t best = 0;
    T spread = gap[0];
    for (std::size_t k = 1; k + 1 < d.size(); ++k) {
        T worse = gap[k - 1] > gap[k] ? gap[k - 1] : gap[k];
        if (worse < spread) {
            best = k;
            spread = worse;
        }
    }
    T scale = abs(d[best]) > T(1) ? T(abs(d[best])) : T(1);
    return {d[best], spread / scale};
}

// The shortest step of a ladder: 64 of the scalar's spacings at x, below which x ± h keep too few
// of h's digits.
template <Scalar T>
T shortest_step(const T& x) {
    using std::abs;
    return T(64) * ScalarTraits<T>::epsilon() * (abs(x) > T(1) ? T(abs(x)) : T(1));
}

template <Scalar T>
SettledDifference<T> settled_central_difference(const Expr& f, const Point<T>& point, const std::string& var) {
    const T x = point.at(var);
    return settled_difference(central_difference_step(x), shortest_step(x),
                              [&](const T& h) { return central_difference(f, point, var, h); });
}

template <Scalar T>
SettledDifference<T> settled_one_sided_difference(const Expr& f, const Point<T>& point, const std::string& var,
                                                  bool forward) {
    using std::abs;
    using std::sqrt;
    const T x = point.at(var);
    return settled_difference(sqrt(ScalarTraits<T>::epsilon()) * (abs(x) > T(1) ? T(abs(x)) : T(1)), shortest_step(x),
                              [&](const T& h) { return one_sided_difference(f, point, var, forward, h); });
}

// The finite difference a check can trust at the point, with its name and, when it is not the
// central one, why; none at a kink.
template <Scalar T>
struct CheckingDifference {
    T value;
    std::string name = "central difference";
    std::string why;     // empty for the central difference
    bool taken = true;   // false at a kink
    T spread = 0;        // how far the ladder's steps disagree with the value (SettledDifference)
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
    auto taken = [](SettledDifference<T> d, std::string name, std::string why) {
        return CheckingDifference<T>{d.value, std::move(name), std::move(why), true, d.spread};
    };
    if (behind && ahead) return taken(settled_central_difference(f, point, var), "central difference", "");
    std::string why = "a kink lies within the central step, so the difference is taken on the side without it";
    if (behind) return taken(settled_one_sided_difference(f, point, var, false), "backward difference", why);
    if (ahead) return taken(settled_one_sided_difference(f, point, var, true), "forward difference", why);
    return {T(0), "no difference", "kinks lie on both sides within the step", false};
}

}  // namespace showwork::calculus
