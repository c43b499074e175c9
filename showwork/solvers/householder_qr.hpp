// Least squares by Householder QR: the β that minimises ‖Xβ − y‖₂, for floating scalars.
//
// Letters as in regression: X is the m×p design matrix (m ≥ p), y the m×1 response.
// p reflections bring X to upper-triangular form, H_p ⋯ H_1 X = (R ; 0), R p×p, where
//     H_k = I − 2 v_k v_kᵀ / (v_kᵀ v_k),   v_k = x + sign(x₁) ‖x‖ e₁
// and x is column k of the current matrix from row k down: H_k x = −sign(x₁) ‖x‖ e₁. Adding
// sign(x₁)‖x‖ (never subtracting it) keeps v₁ free of cancellation. The same reflections
// applied to y give Qᵀy = H_p ⋯ H_1 y; Q itself is never formed. Since Qᵀ keeps lengths,
//     ‖Xβ − y‖² = ‖Rβ − (Qᵀy)₁..ₚ‖² + ‖(Qᵀy)ₚ₊₁..ₘ‖²,
// minimised by R β = (Qᵀy)₁..ₚ (back substitution); the minimum is the second term.
//
// Unlike the normal equations XᵀX β = Xᵀy, QR does not square X's condition number, which is
// why it is the floating-point default. It takes square roots, so there is no exact (Rational)
// form: least_squares_qr throws DomainError for Rational.
//
// Rank: r_kk is the distance from column k to the span of the columns before it, so
// |r_kk| ≤ tol · ‖x_k‖ says column k is (numerically) a combination of them: SingularError.
// The default tol = m·ε is the size of the rounding errors of the reflections (Householder QR
// is backward stable: the computed R is the exact R of X + ΔX with ‖Δx_k‖ of order m·ε‖x_k‖).
#pragma once

#include <optional>
#include <string>

#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/instances.hpp"
#include "showwork/matrix/matrix.hpp"
#include "showwork/solvers/householder_qr_detail.hpp"
#include "showwork/trace/trace.hpp"

namespace showwork {

// Above this many entries of X (m·p) a trace shows the triangular system, not each reflection.
inline constexpr std::size_t max_traced_qr_entries = 200;

template <Scalar T>
struct QROptions {
    // Relative rank tolerance: column k is dependent when |r_kk| ≤ tolerance · ‖x_k‖.
    // Unset: m·ε (ε of the scalar: 2.2e-16 for double, 1e-49 for Float50).
    std::optional<T> tolerance;
};

template <Scalar T>
struct QRLeastSquares {
    Matrix<T> coefficients;   // β̂, p×1
    Matrix<T> R;              // p×p upper triangular, H_p ⋯ H_1 X = (R ; 0)
    Matrix<T> Qt_y;           // the first p entries of Qᵀy, p×1: R β̂ = Qᵀy
    T residual_norm = T(0);   // ‖y − Xβ̂‖₂ = ‖(Qᵀy)ₚ₊₁..ₘ‖₂
};

// min_β ‖Xβ − y‖₂ by Householder QR. X is m×p with m ≥ p, y is m×1.
// Throws ShapeError (m < p, or y not m×1), DomainError (a non-finite entry; T = Rational),
// SingularError naming the first column that is a combination of the columns before it.
template <Scalar T>
QRLeastSquares<T> least_squares_qr(const Matrix<T>& X, const Matrix<T>& y, const QROptions<T>& options = {},
                                   trace::Trace* trace = nullptr) {
    qr_detail::require_shapes(X, y);
    if constexpr (ScalarTraits<T>::exact) {
        (void)options;
        (void)trace;
        throw DomainError("Householder QR needs square roots: use the normal equations for an exact fit");
    } else {
        qr_detail::require_finite(X, "X");
        qr_detail::require_finite(y, "y");
        const T tolerance = options.tolerance ? *options.tolerance : T(X.rows()) * ScalarTraits<T>::epsilon();
        qr_detail::Reflected<T> f = qr_detail::start(X, y);
        const bool each_reflection = trace && X.size() <= max_traced_qr_entries;
        if (trace && !each_reflection) qr_detail::add_reflections_not_shown(X, max_traced_qr_entries, trace);
        if (each_reflection) qr_detail::add_start(f, trace);
        for (std::size_t k = 0; k < f.p; ++k) {
            if (each_reflection) {
                qr_detail::reflect_traced(f, k, trace);
            } else {
                qr_detail::reflect(f, k);
            }
            qr_detail::require_independent(f, k, tolerance);
        }
        QRLeastSquares<T> result = qr_detail::solve_triangular(f, trace);
        if (each_reflection) qr_detail::add_orthogonality_check(X, y, result.coefficients, trace);
        return result;
    }
}

#define SHOWWORK_HOUSEHOLDER_QR_INSTANCES(EXTERN, T)                                                     \
    EXTERN template struct QRLeastSquares<T>;                                                            \
    EXTERN template QRLeastSquares<T> least_squares_qr(const Matrix<T>&, const Matrix<T>&, const QROptions<T>&, \
                                                       trace::Trace*);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_HOUSEHOLDER_QR_INSTANCES)

}  // namespace showwork
