// The library's side of the elimination benchmarks, in one place.
//
// Each function calls the library's public API with its defaults and no trace, as a user would:
//   showwork::rref(A)             matrix/echelon.hpp          Matrix<T>(const Matrix<T>&, options, trace)
//   showwork::inverse(A)          matrix/inverse.hpp          Matrix<T>(const Matrix<T>&, options, trace)
//   showwork::determinant(A)      matrix/determinant.hpp      T(const Matrix<T>&, options, trace)
//   showwork::solve_unique(A, b)  solvers/linear_system.hpp   Matrix<T>(A, b (n×1), options, trace)
//   showwork::lu(A)               matrix/lu.hpp               LU<T>{P, L, U, Q, swaps}(A, options, trace)
//   showwork::least_squares_qr(X, y)  solvers/householder_qr.hpp  QRLeastSquares<T>{coefficients, R, Qt_y, residual_norm}
//   normal equations: transposed, multiply (matrix/traced_arithmetic.hpp) and solve_unique
//   showwork::regression::fit(design)  regression/fit.hpp  Fit<T>: β̂ by the normal equations, the
//                                      residuals, and the statistics of R's lm ((XᵀX)⁻¹'s diagonal)
// Exact defaults: fraction-free (Bareiss) elimination, first non-zero pivots. Double defaults:
// Gaussian elimination with partial pivoting, run in blocks (matrix/fast/lu_blocked.hpp) by lu and
// solve for square matrices.
//
// Where those headers are missing from the tree, have_elimination is false and the benchmark
// prints the reference library's times alone.
#pragma once

#if __has_include("showwork/matrix/echelon.hpp") && __has_include("showwork/matrix/inverse.hpp") &&      \
    __has_include("showwork/matrix/determinant.hpp") && __has_include("showwork/matrix/lu.hpp") &&       \
    __has_include("showwork/solvers/linear_system.hpp")
#define SHOWWORK_BENCH_HAVE_ELIMINATION 1
#include "showwork/matrix/determinant.hpp"
#include "showwork/matrix/echelon.hpp"
#include "showwork/matrix/inverse.hpp"
#include "showwork/matrix/lu.hpp"
#include "showwork/solvers/linear_system.hpp"
#else
#define SHOWWORK_BENCH_HAVE_ELIMINATION 0
#endif

#if __has_include("showwork/solvers/householder_qr.hpp") && SHOWWORK_BENCH_HAVE_ELIMINATION
#define SHOWWORK_BENCH_HAVE_LEAST_SQUARES 1
#include "showwork/matrix/traced_arithmetic.hpp"
#include "showwork/solvers/householder_qr.hpp"
#else
#define SHOWWORK_BENCH_HAVE_LEAST_SQUARES 0
#endif

#if __has_include("showwork/regression/fit.hpp") && SHOWWORK_BENCH_HAVE_LEAST_SQUARES
#define SHOWWORK_BENCH_HAVE_FIT 1
#include "showwork/regression/fit.hpp"
#else
#define SHOWWORK_BENCH_HAVE_FIT 0
#endif

#include "showwork/matrix/matrix.hpp"

namespace showwork::bench {

inline constexpr bool have_elimination = SHOWWORK_BENCH_HAVE_ELIMINATION;
inline constexpr bool have_least_squares = SHOWWORK_BENCH_HAVE_LEAST_SQUARES;

#if SHOWWORK_BENCH_HAVE_LEAST_SQUARES
// β̂ minimising ‖Xβ − y‖ by Householder QR (floating scalars).
inline Matrix<double> library_least_squares_qr(const Matrix<double>& X, const Matrix<double>& y) {
    return least_squares_qr(X, y).coefficients;
}
// β̂ from XᵀX β = Xᵀy, exactly: the library's entry point for it (solvers/least_squares.hpp),
// which `showwork regress` calls.
inline Matrix<Rational> library_normal_equations(const Matrix<Rational>& X, const Matrix<Rational>& y) {
    return normal_equations(X, y, LeastSquaresMethod::normal);
}
#else
// Never called: each caller tests have_least_squares first.
inline Matrix<double> library_least_squares_qr(const Matrix<double>&, const Matrix<double>& y) { return y; }
inline Matrix<Rational> library_normal_equations(const Matrix<Rational>&, const Matrix<Rational>& y) { return y; }
#endif

inline constexpr bool have_fit = SHOWWORK_BENCH_HAVE_FIT;

#if SHOWWORK_BENCH_HAVE_FIT
// The whole exact fit as `showwork regress` runs it (no trace): β̂ from the normal equations,
// the residuals and every statistic. X has its intercept column of ones first.
inline Matrix<Rational> library_fit(const Matrix<Rational>& X, const Matrix<Rational>& y) {
    regression::Design<Rational> d;
    d.X = X;
    d.y = y;
    for (std::size_t j = 0; j < X.cols(); ++j) d.parameters.push_back(j == 0 ? "(Intercept)" : "x" + std::to_string(j));
    return regression::fit(d).coefficients;
}
#else
inline Matrix<Rational> library_fit(const Matrix<Rational>&, const Matrix<Rational>& y) { return y; }
#endif

#if SHOWWORK_BENCH_HAVE_ELIMINATION
template <Scalar T>
Matrix<T> library_rref(const Matrix<T>& A) { return rref(A); }
template <Scalar T>
Matrix<T> library_inverse(const Matrix<T>& A) { return inverse(A); }
template <Scalar T>
T library_determinant(const Matrix<T>& A) { return determinant(A); }
template <Scalar T>
Matrix<T> library_solve(const Matrix<T>& A, const Matrix<T>& b) { return solve_unique(A, b); }
// P A = L U; the benchmark keeps U's diagonal to check it against the reference.
template <Scalar T>
Matrix<T> library_lu_upper(const Matrix<T>& A) { return lu(A).U; }
#else
// Never called: each caller tests have_elimination first.
template <Scalar T>
Matrix<T> library_rref(const Matrix<T>& A) { return A; }
template <Scalar T>
Matrix<T> library_inverse(const Matrix<T>& A) { return A; }
template <Scalar T>
T library_determinant(const Matrix<T>&) { return T(0); }
template <Scalar T>
Matrix<T> library_solve(const Matrix<T>&, const Matrix<T>& b) { return b; }
template <Scalar T>
Matrix<T> library_lu_upper(const Matrix<T>& A) { return A; }
#endif

}  // namespace showwork::bench
