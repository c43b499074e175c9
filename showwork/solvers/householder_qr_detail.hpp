// The steps of least_squares_qr (solvers/householder_qr.hpp): the reflections on a column-major
// copy of (X | y), the triangular solve, and their trace steps.
#pragma once

#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/solvers/linear_system.hpp"
#include "showwork/trace/trace.hpp"

namespace showwork {
template <Scalar T>
struct QRLeastSquares;
}  // namespace showwork

namespace showwork::qr_detail {

template <Scalar T>
void require_shapes(const Matrix<T>& X, const Matrix<T>& y) {
    if (X.rows() < X.cols()) {
        throw ShapeError("cannot fit " + std::to_string(X.cols()) + " parameters to " + std::to_string(X.rows()) +
                         " observations: X is " + X.shape() + " (y " + y.shape() +
                         "), least squares needs at least as many rows as columns");
    }
    if (y.rows() != X.rows() || y.cols() != 1) {
        throw ShapeError("y must be " + shape_text(X.rows(), 1) + " for X " + X.shape() + ", not " + y.shape());
    }
    if (X.cols() == 0) throw ShapeError("X " + X.shape() + " has no columns: there is nothing to fit");
}

template <Scalar T>
void require_finite(const Matrix<T>& A, const char* name) {
    auto a = A.entries();
    for (std::size_t k = 0; k < a.size(); ++k)
        if (!is_finite(a[k]))
            throw DomainError(fmt::format("entry ({}, {}) of {} is {}: least squares needs finite numbers",
                                          k / A.cols() + 1, k % A.cols() + 1, name, scalar_text(a[k])));
}

// (X | y) in columns, reflected in place. Column k of `a` (a[k·m …]) holds, after step k,
// R's column k on and above the diagonal and v_k's entries below it, v_k scaled to v_k1 = 1:
// then H_k = I − τ_k v_k v_kᵀ with τ_k = 2/(v_kᵀ v_k).
template <Scalar T>
struct Reflected {
    std::size_t m = 0, p = 0;
    std::vector<T> a;             // m·p, column-major
    std::vector<T> y;             // y, then Qᵀy
    std::vector<T> tau;           // τ_k
    std::vector<T> column_norms;  // ‖x_k‖ of X's columns, for the rank test
    T* column(std::size_t k) { return a.data() + k * m; }
    const T* column(std::size_t k) const { return a.data() + k * m; }
};

// ‖x‖₂ without overflow or underflow: Σ xᵢ² directly when that is safe, else
// ‖x‖ = s · sqrt(Σ (xᵢ/s)²) with s = max |xᵢ|.
template <Scalar T>
T norm2(const T* x, std::size_t n) {
    using std::abs, std::isfinite, std::sqrt;
    T s0(0), s1(0);
    std::size_t i = 0;
    for (; i + 2 <= n; i += 2) {
        s0 += x[i] * x[i];
        s1 += x[i + 1] * x[i + 1];
    }
    if (i < n) s0 += x[i] * x[i];
    T sum = s0 + s1;
    // below min/ε some squares may have lost digits to underflow
    const T tiny = std::numeric_limits<T>::min() / ScalarTraits<T>::epsilon();
    if (isfinite(sum) && sum >= tiny) return sqrt(sum);
    T scale(0);
    for (i = 0; i < n; ++i) scale = abs(x[i]) > scale ? T(abs(x[i])) : scale;
    if (scale == 0) return T(0);
    T scaled(0);
    for (i = 0; i < n; ++i) scaled += (x[i] / scale) * (x[i] / scale);
    return scale * sqrt(scaled);
}

// Σ aᵢ bᵢ with four partial sums, so that the additions can overlap (and vectorise).
template <Scalar T>
T dot(const T* __restrict a, const T* __restrict b, std::size_t n) {
    T s0(0), s1(0), s2(0), s3(0);
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += a[i] * b[i];
        s1 += a[i + 1] * b[i + 1];
        s2 += a[i + 2] * b[i + 2];
        s3 += a[i + 3] * b[i + 3];
    }
    for (; i < n; ++i) s0 += a[i] * b[i];
    return (s0 + s1) + (s2 + s3);
}

// H a = a − τ (vᵀa) v for one column a, both of length n from row k; v₁ = 1 is not stored.
template <Scalar T>
void apply_reflection(const T* __restrict v, const T& tau, T* __restrict a, std::size_t n) {
    T s = tau * (a[0] + dot(v + 1, a + 1, n - 1));
    a[0] -= s;
    for (std::size_t i = 1; i < n; ++i) a[i] -= s * v[i];
}

// The reflection of column k onto e₁: x = a_k from row k, α = ‖x‖, r_kk = −sign(x₁) α and
// v = x − r_kk e₁ = x + sign(x₁) α e₁, scaled by 1/(x₁ − r_kk); τ = 2/(vᵀv) = (α + |x₁|)/α.
// A zero x needs no reflection: H = I (τ = 0), r_kk = 0.
template <Scalar T>
void make_reflector(Reflected<T>& f, std::size_t k) {
    T* x = f.column(k) + k;
    const std::size_t n = f.m - k;
    const T alpha = norm2(x, n);
    if (alpha == 0) {
        f.tau[k] = T(0);
        return;
    }
    const T r = x[0] < 0 ? alpha : T(-alpha);  // sign(0) = +1
    f.tau[k] = (r - x[0]) / r;
    const T scale = T(1) / (x[0] - r);
    for (std::size_t i = 1; i < n; ++i) x[i] *= scale;
    x[0] = r;
}

// The same for doubles, in vector registers, two columns at a time so that each v_i loaded
// serves both (householder_qr.cpp): H a for the `count` columns a of length n at a, a + stride, …
void apply_reflection(const double* v, double tau, double* a, std::size_t count, std::size_t stride, std::size_t n);

// Step k: H_k from column k, applied to every column right of it and to y.
template <Scalar T>
void reflect(Reflected<T>& f, std::size_t k) {
    make_reflector(f, k);
    if (f.tau[k] == 0) return;
    const T* v = f.column(k) + k;
    const std::size_t n = f.m - k;
    if constexpr (std::is_same_v<T, double>) {
        if (k + 1 < f.p) apply_reflection(v, f.tau[k], f.column(k + 1) + k, f.p - k - 1, f.m, n);
        apply_reflection(v, f.tau[k], f.y.data() + k, 1, 0, n);
    } else {
        for (std::size_t j = k + 1; j < f.p; ++j) apply_reflection(v, f.tau[k], f.column(j) + k, n);
        apply_reflection(v, f.tau[k], f.y.data() + k, n);
    }
}

template <Scalar T>
Reflected<T> start(const Matrix<T>& X, const Matrix<T>& y) {
    Reflected<T> f;
    f.m = X.rows();
    f.p = X.cols();
    f.a.resize(f.m * f.p);
    const T* x = X.entries().data();
    for (std::size_t i = 0; i < f.m; ++i)
        for (std::size_t j = 0; j < f.p; ++j) f.a[j * f.m + i] = x[i * f.p + j];
    f.y.assign(y.entries().begin(), y.entries().end());
    f.tau.assign(f.p, T(0));
    for (std::size_t j = 0; j < f.p; ++j) f.column_norms.push_back(norm2(f.column(j), f.m));
    return f;
}

// "r₃₃" (or "r_{12,12}" beyond 9, where the digits would run together)
inline std::string diagonal_entry_name(std::size_t k) {
    if (k <= 9) return trace::subscripted("r", k * 11);
    return fmt::format("r_{{{},{}}}", k, k);
}

// |r_kk| ≤ tol · ‖x_k‖: column k lies (numerically) in the span of the columns before it.
template <Scalar T>
void require_independent(const Reflected<T>& f, std::size_t k, const T& tolerance) {
    using std::abs;
    const T r = abs(f.column(k)[k]);
    const T bound = tolerance * f.column_norms[k];
    if (r > bound) return;
    const std::size_t column = k + 1;
    if (f.column_norms[k] == 0) {
        throw SingularError(fmt::format("column {} of X is all zeros: its coefficient β{} is not determined", column,
                                        trace::subscripted("", column)));
    }
    throw SingularError(fmt::format(
        "column {} of X is a linear combination of the columns before it (|{}| = {:.3g} ≤ {:.3g} · ‖x{}‖ = {:.3g}): "
        "its coefficient is not determined",
        column, diagonal_entry_name(column), static_cast<double>(r), static_cast<double>(tolerance),
        trace::subscripted("", column), static_cast<double>(bound)));
}

// H_p ⋯ H_1 (X | y) as a matrix: R above the diagonal, zeros below the columns reduced so far.
template <Scalar T>
Matrix<T> current_matrix(const Reflected<T>& f, std::size_t reduced) {
    Matrix<T> A(f.m, f.p + 1);
    for (std::size_t j = 0; j < f.p; ++j)
        for (std::size_t i = 0; i < f.m; ++i) A(i, j) = (j < reduced && i > j) ? T(0) : f.column(j)[i];
    for (std::size_t i = 0; i < f.m; ++i) A(i, f.p) = f.y[i];
    A.set_augment(1);
    return A;
}

template <Scalar T>
void add_start(const Reflected<T>& f, trace::Trace* trace) {
    trace->add(trace::kind::matrix,
               "Start from (X | y). A reflection keeps lengths, so the length of Xβ − y is the same after each.",
               std::nullopt, showwork::to_math(current_matrix(f, 0)));
}

template <Scalar T>
void add_reflections_not_shown(const Matrix<T>& X, std::size_t limit, trace::Trace* trace) {
    trace->add(trace::kind::householder,
               fmt::format("Reflect each column of X onto e₁ in turn, H_k = I − 2v_kv_kᵀ/(v_kᵀv_k), k = 1 … {}. "
                           "X is {} ({} entries): the {} reflections are not shown (they are up to {} entries).",
                           X.cols(), X.shape(), X.size(), X.cols(), limit));
}

// H_k = I − 2 v_k v_kᵀ / (v_kᵀ v_k)
inline trace::Math reflection_formula(std::size_t k) {
    trace::Math v = trace::indexed("v", k);
    trace::Math vt = trace::indexed("v", k, trace::SymbolStyle{.transpose = true});
    trace::Math ratio = trace::fraction(trace::product({trace::number("2"), v, vt}, ""), trace::product({vt, v}, ""));
    return trace::equals(trace::indexed("H", k), trace::sum({trace::symbol("I"), trace::negate(std::move(ratio))}));
}

// Step k with its sub-derivation: x and v_k, then H_k (X | y).
template <Scalar T>
void reflect_traced(Reflected<T>& f, std::size_t k, trace::Trace* trace) {
    const std::size_t n = f.m - k, K = k + 1;
    std::vector<T> x(f.column(k) + k, f.column(k) + f.m);
    trace::SubDerivation sub(trace, trace::kind::householder,
                             fmt::format("Reflect column {} onto e₁: {} = I − 2{}{}ᵀ/({}ᵀ{}).", K, trace::subscripted("H", K),
                                         trace::subscripted("v", K), trace::subscripted("v", K),
                                         trace::subscripted("v", K), trace::subscripted("v", K)));
    reflect(f, k);
    const T alpha = norm2(x.data(), n);
    std::vector<T> v = x;
    v[0] = x[0] - f.column(k)[k];  // v = x + sign(x₁)‖x‖e₁ (unscaled)
    trace::Math xm = trace::symbol("x");
    trace::Math signed_norm = trace::product({trace::norm(xm), trace::indexed("e", 1)}, "");
    trace::Math vk = trace::sum({xm, x[0] < 0 ? trace::negate(signed_norm) : signed_norm});
    trace->add(trace::kind::reflector,
               fmt::format("x is column {} from row {} down{}; {} adds sign(x₁) times the length of x to x₁, so that "
                           "nothing cancels.",
                           K, K, alpha == 0 ? " and is zero: no reflection is needed" : "", trace::subscripted("v", K)),
               trace::list({trace::equals(xm, showwork::to_math(Matrix<T>::column(x))),
                            trace::equals(trace::norm(xm), showwork::to_math(alpha))}),
               trace::chain({trace::indexed("v", K), std::move(vk), showwork::to_math(Matrix<T>::column(v))},
                            {trace::Rel::equals, trace::Rel::equals}));
    Matrix<T> after = current_matrix(f, K);
    trace->add(trace::kind::reflect,
               fmt::format("Apply {} to (X | y): column {} becomes ({}, 0, …, 0), {} = −sign(x₁) times the length of "
                           "x = {}; every column a right of it becomes a − (2{}ᵀa/({}ᵀ{})) {}.",
                           trace::subscripted("H", K), K, diagonal_entry_name(K), diagonal_entry_name(K),
                           scalar_text(f.column(k)[k]), trace::subscripted("v", K), trace::subscripted("v", K),
                           trace::subscripted("v", K), trace::subscripted("v", K)),
               reflection_formula(K), showwork::to_math(after, {k * (f.p + 1) + k}));
    sub.conclude(showwork::to_math(after));
}

inline trace::Math beta_hat() { return trace::symbol("beta", trace::empty(), trace::empty(), {.hat = true}); }
inline trace::Math transposed_symbol(std::string name) {
    return trace::symbol(std::move(name), trace::empty(), trace::empty(), {.transpose = true});
}
// e = y − Xβ̂
inline trace::Math residual_math() {
    return trace::sum({trace::symbol("y"), trace::negate(trace::product({trace::symbol("X"), beta_hat()}, ""))});
}

// R β = Qᵀy with the residual, its back substitution, and β̂.
template <Scalar T>
void add_triangular_solve(const QRLeastSquares<T>& out, const Reflected<T>& f, trace::Trace* trace) {
    const std::size_t p = f.p;
    Matrix<T> system = augment(out.R, out.Qt_y);
    trace->add(trace::kind::triangular_system,
               fmt::format("The first {} rows of {}(X | y) are the triangular system R β = Qᵀy; the last {} of "
                           "Qᵀy {} the residual, the part of y that no choice of β reaches.",
                           p, p == 1 ? "H₁" : trace::subscripted("H", p) + (p == 2 ? " H₁" : " … H₁"), f.m - p == 1 ? "entry" : fmt::format("{} entries", f.m - p), f.m - p == 1 ? "is" : "are"),
               trace::equals(trace::product({trace::symbol("R"), trace::symbol("beta")}, ""),
                             trace::product({transposed_symbol("Q"), trace::symbol("y")}, "")),
               trace::list({showwork::to_math(system),
                            trace::equals(trace::norm(residual_math()), showwork::to_math(out.residual_norm))}));
    {
        trace::SubDerivation sub(trace, trace::kind::back_substitution, "Back substitution, from the last row up.");
        std::vector<std::size_t> order(p);
        for (std::size_t j = 0; j < p; ++j) order[j] = j;
        solvers_detail::add_back_substitution_steps(system, order, out.coefficients, order,
                                                    Unknowns{"beta", "β", {}}, trace);
    }
    trace->add(trace::kind::solution, "The least-squares estimates.", std::nullopt,
               trace::equals(beta_hat(), showwork::to_math(out.coefficients)));
}

// Xᵀ(y − Xβ̂) ≈ 0: the residual is orthogonal to every column of X (the normal equations).
template <Scalar T>
void add_orthogonality_check(const Matrix<T>& X, const Matrix<T>& y, const Matrix<T>& beta, trace::Trace* trace) {
    Matrix<T> Xt_e = transpose(X) * (y - X * beta);
    trace->add(trace::kind::check,
               "Check: the residual is orthogonal to every column of X (the normal equations).",
               trace::product({transposed_symbol("X"), trace::group(residual_math())}, ""),
               trace::relation(showwork::to_math(Xt_e), trace::Rel::approx, trace::number("0")));
}

// R β = (Qᵀy)₁..ₚ by back substitution, β_i = (c_i − Σ_{j>i} r_ij β_j) / r_ii, and the
// residual ‖(Qᵀy)ₚ₊₁..ₘ‖.
template <Scalar T>
QRLeastSquares<T> solve_triangular(const Reflected<T>& f, trace::Trace* trace) {
    const std::size_t p = f.p;
    QRLeastSquares<T> out;
    out.R = Matrix<T>(p, p);
    for (std::size_t j = 0; j < p; ++j)
        for (std::size_t i = 0; i <= j; ++i) out.R(i, j) = f.column(j)[i];
    out.Qt_y = Matrix<T>::column(std::vector<T>(f.y.begin(), f.y.begin() + static_cast<std::ptrdiff_t>(p)));
    out.coefficients = Matrix<T>(p, 1);
    for (std::size_t i = p; i-- > 0;) {
        T sum = out.Qt_y(i, 0);
        for (std::size_t j = i + 1; j < p; ++j) sum -= out.R(i, j) * out.coefficients(j, 0);
        out.coefficients(i, 0) = sum / out.R(i, i);
    }
    out.residual_norm = norm2(f.y.data() + p, f.m - p);
    if (trace) add_triangular_solve(out, f, trace);
    return out;
}

}  // namespace showwork::qr_detail
