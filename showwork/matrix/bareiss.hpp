// Fraction-free (Bareiss) elimination over the integers: the fast exact path.
//
// Each row of A is multiplied by the lcm of its denominators (same row space, same RREF), then
// the integer matrix is eliminated with Bareiss' update
//     a_ij ← (a_rc · a_ij − a_ic · a_rj) / p        (p the previous pivot; the division is exact)
// so every entry stays an integer minor of A and no gcd is taken along the way. The RREF follows
// by fraction-free back substitution and one division by the last pivot d at the end:
//     x_ij = (d · a_ij − Σ_{k>i} a_{i,p_k} x_kj) / a_{i,p_i},    rref_ij = x_ij / d.
// Pivots are the first non-zero entries (row interchanges only). Rational only.
#pragma once

#include <vector>

#include "showwork/matrix/matrix.hpp"

namespace showwork {

struct FractionFreeResult {
    Matrix<Rational> rref;             // filled by fraction_free_rref only
    std::vector<std::size_t> pivots;   // pivot column of row k
    Rational determinant = 0;          // filled by fraction_free_determinant only
};

// Pivot columns (and so the rank) of A, pivots only in columns < pivot_limit.
std::vector<std::size_t> fraction_free_pivots(const Matrix<Rational>& A,
                                              std::size_t pivot_limit = static_cast<std::size_t>(-1));

// The RREF of A and its pivot columns; columns ≥ pivot_limit are reduced but never pivots.
// With a pivot limit, rows below the rank may be non-zero right of it (the rows 0 = c of a
// system); they are scaled as the elimination left them: only whether they vanish is meaningful.
FractionFreeResult fraction_free_rref(const Matrix<Rational>& A,
                                      std::size_t pivot_limit = static_cast<std::size_t>(-1));

// det A for square A (the caller checks the shape): (−1)^swaps · (last pivot) / Π lcm_i.
Rational fraction_free_determinant(const Matrix<Rational>& A);

}  // namespace showwork
