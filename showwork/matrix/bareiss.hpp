// Fraction-free (Bareiss) elimination over the integers: the fast exact path.
//
// Each row of A is multiplied by the lcm of its denominators (same row space, same RREF), then
// the integer matrix is eliminated with Bareiss' update
//     a_ij ← (a_rc · a_ij − a_ic · a_rj) / p        (p the previous pivot; the division is exact)
// so every entry stays an integer minor of A and no gcd is taken along the way. The RREF follows
// by fraction-free back substitution and one division by the last pivot d at the end:
//     x_ij = (d · a_ij − Σ_{k>i} a_{i,p_k} x_kj) / a_{i,p_i},    rref_ij = x_ij / d.
// Pivots are the first non-zero entries (row interchanges only). Rational only. The fixed-width
// arithmetic of its inner loop is in matrix/fast/limbs.hpp.
#pragma once

#include <optional>
#include <vector>

#include "showwork/matrix/matrix.hpp"

namespace showwork {

// The fraction-free elimination of A, pivots only in columns < pivot_limit.
struct FractionFreeElimination {
    Matrix<Rational> rref;                // with `reduce` only; see below
    std::vector<std::size_t> pivots;      // pivot column of row k
    std::vector<std::size_t> pivot_rows;  // pivot k came from row pivot_rows[k] (before R_k ↔ R_p)
    std::size_t swaps = 0;                // row interchanges performed
    Rational determinant = 0;             // with a pivot in every row: (−1)^swaps · (last pivot) / Π l_i,
                                          // the determinant of A's pivot columns; else 0
};

// Bareiss' forward elimination of A; with `reduce` also the RREF by back substitution. Columns
// ≥ pivot_limit are reduced but never pivots: rows below the rank may then be non-zero right of
// it (the rows 0 = c of a system); they are scaled as the elimination left them, so only whether
// they vanish is meaningful. Called by eliminate() (matrix/elimination.hpp), the entry point.
FractionFreeElimination fraction_free_elimination(const Matrix<Rational>& A, std::size_t pivot_limit, bool reduce);

// x with A x = b, for A square with a pivot in every column, by the same elimination of (A | b)
// (its rows cleared without forming (A | b) in fractions) and the back substitution of b's
// column alone: no RREF, no record. Empty when A is singular; solve() then runs the whole
// elimination for its evidence. b is one column.
std::optional<Matrix<Rational>> fraction_free_solve(const Matrix<Rational>& A, const Matrix<Rational>& b);

}  // namespace showwork
