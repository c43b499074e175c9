#include "showwork/compare/spectral_condition.hpp"

#include <algorithm>
#include <functional>

#include "showwork/error.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/shape_checks.hpp"

namespace showwork {

namespace {

// The rotation J in the plane (p, q), J_pp = J_qq = c, J_pq = s, J_qp = −s, that makes
// (JᵀSJ)_pq = 0 (Golub and Van Loan, sym.schur2): with τ = (s_qq − s_pp)/(2 s_pq),
// t = tan θ = sign(τ)/(|τ| + √(1 + τ²)) is the smaller root of t² + 2τt − 1 = 0, so |θ| ≤ π/4.
void rotate(Matrix<Float50>& S, std::size_t p, std::size_t q) {
    const Float50 tau = (S(q, q) - S(p, p)) / (2 * S(p, q));
    const Float50 t = (tau >= 0 ? 1 : -1) / (abs(tau) + sqrt(1 + tau * tau));
    const Float50 c = 1 / sqrt(1 + t * t), s = t * c;
    const std::size_t n = S.rows();
    for (std::size_t k = 0; k < n; ++k) {  // S ← S J: columns p and q
        Float50 kp = S(k, p), kq = S(k, q);
        S(k, p) = c * kp - s * kq;
        S(k, q) = s * kp + c * kq;
    }
    for (std::size_t k = 0; k < n; ++k) {  // S ← Jᵀ S: rows p and q
        Float50 pk = S(p, k), qk = S(q, k);
        S(p, k) = c * pk - s * qk;
        S(q, k) = s * pk + c * qk;
    }
    S(p, q) = S(q, p) = 0;  // zero exactly, not merely to rounding
}

}  // namespace

std::vector<Float50> symmetric_eigenvalues(Matrix<Float50> S) {
    require_square("the eigenvalues", S.rows(), S.cols());
    const std::size_t n = S.rows();
    const Float50 eps = std::numeric_limits<Float50>::epsilon();
    // Sweep over every pair (p, q) until each off-diagonal entry is negligible against the
    // diagonal entries beside it, |s_pq| ≤ ε √|s_pp s_qq|; Jacobi converges quadratically,
    // so a handful of sweeps suffice, and 60 are a generous bound.
    for (int sweep = 0; sweep < 60; ++sweep) {
        bool rotated = false;
        for (std::size_t p = 0; p + 1 < n; ++p) {
            for (std::size_t q = p + 1; q < n; ++q) {
                if (S(p, q) == 0 || abs(S(p, q)) <= eps * sqrt(abs(S(p, p) * S(q, q)))) continue;
                rotate(S, p, q);
                rotated = true;
            }
        }
        if (!rotated) break;
    }
    std::vector<Float50> lambda;
    for (std::size_t i = 0; i < n; ++i) lambda.push_back(S(i, i));
    std::sort(lambda.begin(), lambda.end(), std::greater<>());
    return lambda;
}

SpectralCondition spectral_condition(const Matrix<Rational>& X) {
    SpectralCondition c;
    c.eigenvalues = symmetric_eigenvalues(matrix_cast<Float50>(Matrix<Rational>(transpose(X) * X)));
    if (c.eigenvalues.empty() || c.eigenvalues.back() <= 0) {
        c.singular = true;
        return c;
    }
    c.kappa_XtX = c.eigenvalues.front() / c.eigenvalues.back();
    c.kappa_X = sqrt(c.kappa_XtX);
    return c;
}

}  // namespace showwork
