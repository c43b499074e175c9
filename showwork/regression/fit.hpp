// A least-squares fit and the statistics a user of R's lm or statsmodels expects.
//
//   e = y − Xβ̂                      residuals; ŷ = Xβ̂ the fitted values
//   SSE = Σ eᵢ²   SST = Σ (yᵢ − ȳ)²  SSR = SST − SSE         (centred, with an intercept)
//                 SST = Σ yᵢ²        SSR = Σ ŷᵢ²             (uncentred, without one: NIST, R)
//   R² = 1 − SSE/SST    adjusted R² = 1 − (1 − R²)(df_total / df_residual)
//   s² = SSE/(m − p)    se(β̂ⱼ)² = s² [(XᵀX)⁻¹]ⱼⱼ    tⱼ = β̂ⱼ / se(β̂ⱼ)    F = (SSR/df_reg)/s²
//
// By QR, [(XᵀX)⁻¹]ⱼⱼ = [(RᵀR)⁻¹]ⱼⱼ = ‖row j of R⁻¹‖², without forming XᵀX.
//
// Exactly, every quantity here is rational except s, se and t: the fit keeps their squares,
// and root_text writes the roots to a chosen number of digits, correctly rounded.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "showwork/regression/model.hpp"
#include "showwork/solvers/least_squares.hpp"

namespace showwork::regression {

// How to fit: the method, and the significant digits of the roots (s, se, t) of an exact fit.
// Left out, the method is the scalar's default: the normal equations exactly (the notes'
// derivation), Householder QR in floating point, where XᵀX squares the condition number.
struct FitOptions {
    std::optional<LeastSquaresMethod> method;
    int digits = 20;
};

template <Scalar T>
constexpr LeastSquaresMethod default_method() {
    return ScalarTraits<T>::exact ? LeastSquaresMethod::normal : LeastSquaresMethod::qr;
}

template <Scalar T>
struct Fit {
    std::vector<std::string> parameters;
    std::string response;
    bool intercept = true;
    LeastSquaresMethod method = LeastSquaresMethod::normal;

    Matrix<T> coefficients;  // p × 1: β̂, in the order of `parameters`
    Matrix<T> fitted;        // m × 1: ŷ
    Matrix<T> residuals;     // m × 1: e = y − ŷ

    std::size_t df_regression = 0, df_residual = 0, df_total = 0;
    T sse = T(0), ssr = T(0), sst = T(0);
    // Absent where undefined: R² when SST = 0; s² when m = p; F when there is no regressor or s² = 0.
    std::optional<T> r_squared, adjusted_r_squared, residual_variance, f_statistic;
    std::vector<T> variance_factors;  // [(XᵀX)⁻¹]ⱼⱼ (by QR ‖row j of R⁻¹‖²): se(β̂ⱼ)² = s² · variance_factors[j]
    // √[(XᵀX)⁻¹]ⱼⱼ in floating point, by QR the norm ‖row j of R⁻¹‖ taken with scaling: its square,
    // variance_factors[j], under- or overflows for columns of size 10^±160 and beyond, the root does not.
    std::vector<T> variance_factor_roots;

    std::optional<T> mean_square_regression() const;
    // se(β̂ⱼ)² and tⱼ², when s² is defined.
    std::optional<T> standard_error_squared(std::size_t j) const;
    std::optional<T> t_squared(std::size_t j) const;
    // se(β̂ⱼ) = s·√[(XᵀX)⁻¹]ⱼⱼ and tⱼ = β̂ⱼ/se(β̂ⱼ) in floating point, never through their squares.
    std::optional<T> standard_error(std::size_t j) const;
    std::optional<T> t_value(std::size_t j) const;
};

// Fits the design by `method` (normal or inverse exactly; normal, inverse or qr in floating point).
// With a sink: the design matrix, then for a line y = mx + b by the normal method the notes' sums
// table and formulas, else the normal equations; the fitted model, residuals and statistics.
template <Scalar T>
Fit<T> fit(const Design<T>& design, const FitOptions& options = {}, trace::Trace* trace = nullptr);

// √x written to `digits` significant digits, negated when `negative`: exactly, correctly
// rounded from the rational; in floating point, the scalar's square root.
template <Scalar T>
std::string root_text(const T& x, int digits, bool negative = false);

// Whether the design is a line y = mx + b through one predictor (notes 000's simple regression).
template <Scalar T>
bool is_simple(const Design<T>& design) {
    return design.intercept && design.parameters.size() == 2 && design.predictors.size() == 1;
}

#define SHOWWORK_FIT_INSTANCES(EXTERN, T)                                                   \
    EXTERN template struct Fit<T>;                                                          \
    EXTERN template Fit<T> fit(const Design<T>&, const FitOptions&, trace::Trace*);         \
    EXTERN template std::string root_text(const T&, int, bool);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_FIT_INSTANCES)

}  // namespace showwork::regression
