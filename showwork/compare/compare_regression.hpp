// Least squares exactly and in floating point, side by side: how many digits of each coefficient
// the normal equations and Householder QR keep.
//
// compare_regression(X, y) fits β̂ exactly by the normal equations XᵀX β = Xᵀy over ℚ (the
// reference), then over a floating scalar F (double or Float50) by the normal equations and by
// Householder QR, both from X and y rounded once to F. For each floating method and each
// coefficient j, computed EXACTLY from the binary value of the floating b̂ⱼ:
//
//   ρⱼ = |b̂ⱼ − β̂ⱼ| / |β̂ⱼ|        the relative error
//   dⱼ = −log₁₀ ρⱼ                the digits kept, clamped to [0, D]; D = log₁₀ 2^t, t the bits of
//                                 F's significand (15.95 for double, 50.6 for Float50): ρⱼ = 0
//                                 keeps all D digits, and so does any ρⱼ below the unit roundoff
//
// with ρⱼ = ∞ (no digit kept) when β̂ⱼ = 0 ≠ b̂ⱼ. And κ(X), κ(XᵀX) = κ(X)² in the 2-norm
// (spectral_condition.hpp). The lesson: rounding errors of size 10^−D are amplified by about
// κ(X) in QR and by κ(XᵀX) in the normal equations, so QR keeps about D − log₁₀ κ(X) digits
// and the normal equations about D − 2 log₁₀ κ(X).
//
// The exact fit must exist: dependent columns throw SingularError (naming the dependency). A
// floating method that fails (XᵀX numerically singular in double, say) is reported, not thrown.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "showwork/compare/spectral_condition.hpp"
#include "showwork/solvers/least_squares.hpp"

namespace showwork {

// One floating fit against the exact one.
template <Scalar F>
struct FloatingLeastSquares {
    LeastSquaresMethod method = LeastSquaresMethod::qr;
    std::optional<Matrix<F>> coefficients;  // b̂, p × 1; absent when the method failed
    std::string failure;                    // its error message then
    std::vector<Rational> relative_errors;  // ρⱼ, exactly; empty on failure (ρⱼ = −1 stands for ∞)
    std::vector<double> digits;             // dⱼ
    // min over j of dⱼ: the digits every coefficient keeps; absent on failure.
    std::optional<double> fewest_digits() const;
};

template <Scalar F>
struct RegressionComparison {
    std::vector<std::string> parameters;  // a name per column of X
    Matrix<Rational> exact;               // β̂, p × 1
    FloatingLeastSquares<F> normal, qr;
    SpectralCondition condition;
    double full_digits = 0;  // D: the digits F carries
};

// D = log₁₀ 2^t for F.
template <Scalar F>
double full_digits() {
    return std::numeric_limits<F>::digits * 0.30102999566398120;  // log₁₀ 2
}

// dⱼ from the exact β̂ⱼ and the floating b̂ⱼ (see the top of the file); sets ρⱼ.
double digits_kept(const Rational& exact, const Rational& floating, double full, Rational& relative_error);

// Fits y on X exactly and over F by both methods (see the top of the file). `parameters` names
// the columns (in a SingularError and in the trace). With a sink: the three fits as
// sub-derivations, κ(X) and κ(XᵀX), and a table of the digits each method keeps.
template <Scalar F>
RegressionComparison<F> compare_regression(const Matrix<Rational>& X, const Matrix<Rational>& y,
                                           const std::vector<std::string>& parameters = {},
                                           trace::Trace* trace = nullptr);

extern template RegressionComparison<double> compare_regression(const Matrix<Rational>&, const Matrix<Rational>&,
                                                                const std::vector<std::string>&, trace::Trace*);
extern template RegressionComparison<Float50> compare_regression(const Matrix<Rational>&, const Matrix<Rational>&,
                                                                 const std::vector<std::string>&, trace::Trace*);

}  // namespace showwork
