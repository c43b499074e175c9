// The 2-norm condition numbers of a least-squares problem: κ(X) = σmax/σmin and κ(XᵀX).
//
// The eigenvalues of G = XᵀX are the squares of X's singular values, λᵢ = σᵢ², so
//     κ(XᵀX) = λmax/λmin = (σmax/σmin)² = κ(X)²
// exactly: the normal equations square the condition number. Both come from the eigenvalues of
// the EXACT Gram matrix XᵀX (computed over ℚ), rounded once to Float50 and diagonalised there
// by cyclic Jacobi rotations (a method that converges for every symmetric matrix and is
// backward stable): each λ has an absolute error of order 10⁻⁴⁹ λmax, so λmin, and κ(XᵀX),
// keep about 49 − log₁₀ κ(XᵀX) digits — some 30 for Longley, far more than a condition number
// needs. κ(X) is then √κ(XᵀX).
#pragma once

#include <vector>

#include "showwork/matrix/matrix.hpp"
#include "showwork/matrix/scalar.hpp"

namespace showwork {

struct SpectralCondition {
    std::vector<Float50> eigenvalues;  // of XᵀX, in decreasing order: σᵢ²
    Float50 kappa_X = 0;               // σmax / σmin
    Float50 kappa_XtX = 0;             // λmax / λmin = κ(X)²
    bool singular = false;             // λmin ≤ 0 (to Float50): κ = ∞, the columns are dependent
};

// The eigenvalues of a symmetric matrix S by cyclic Jacobi, in decreasing order.
// Throws ShapeError unless S is square.
std::vector<Float50> symmetric_eigenvalues(Matrix<Float50> S);

// κ(X) and κ(XᵀX) in the 2-norm, from the eigenvalues of the exact XᵀX.
SpectralCondition spectral_condition(const Matrix<Rational>& X);

}  // namespace showwork
