// P A = L U for double, in blocks: the elimination of matrix/elimination.hpp with partial
// pivoting, reordered so that most of its work is a matrix product.
//
// This is the same algorithm as the textbook loop — the same choice of pivot in each column (the
// largest |a_ic| at or below the diagonal, the first one on a tie), the same interchanges, the
// same multipliers l_ic = a_ic / a_cc — only the order in which the replacements
// a_ij ← a_ij − l_ic u_cj reach the columns right of a block of nb columns changes: a schedule,
// not a second algorithm. For each block of columns k … k+nb−1 (right-looking LU):
//
//     panel      eliminate within the block's columns, rows k … n−1, pivoting as the textbook
//                loop does (interchanges move whole rows, the stored multipliers with them)
//     U12        the block's rows right of it: U12 = L11⁻¹ A12 (forward substitution)
//     trailing   A22 ← A22 − L21 U12, one call of multiply_into (matrix/fast/gemm.hpp)
//
// Since every a_ij receives the same terms l_ic u_cj, added in another order, the factors agree
// with the textbook loop's up to rounding, and the pivots are the same whenever no two
// candidates in a column are within rounding of each other. A column whose largest candidate is
// within the zero tolerance has no pivot: then the factorisation stops and says so, and the
// caller takes the textbook loop, which knows what to do with a missing pivot. Called by
// eliminate() (matrix/elimination.hpp), the entry point.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace showwork {

struct BlockedLU {
    std::size_t n = 0;
    std::vector<double> factors;         // n×n row-major: L strictly below the diagonal, U on and above
    std::vector<std::size_t> row_order;  // row i of P A is row row_order[i] of A
    std::vector<std::size_t> pivot_rows; // column c's pivot came from row pivot_rows[c] (R_c ↔ R_p)
    std::size_t swaps = 0;               // interchanges performed
};

// A is n×n, row i at A + i·stride (stride ≥ n: the coefficient part of (A | b)); |x| <= tolerance
// is zero. Empty when a column has no pivot.
std::optional<BlockedLU> blocked_lu(const double* A, std::size_t n, std::size_t stride, double tolerance);

// y = L⁻¹ P b by forward substitution, the entries of b `stride` apart: the replacements of the
// elimination applied to a column right of A.
std::vector<double> forward_substitute(const BlockedLU& f, const double* b, std::size_t stride);

}  // namespace showwork
