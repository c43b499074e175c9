// Exact products through integers: C = AB over ℚ with one division per entry.
//
// With l_i the lcm of the denominators in row i of A and d_j that of column j of B, the rows
// l_i a_i and columns d_j b_j are integers, and
//     c_ij = (Σ_k (l_i a_ik)(d_j b_kj)) / (l_i d_j):
// integer multiply-adds, none of which reduces a fraction, as FLINT's fmpq_mat_mul does.
#pragma once

#include <cstddef>
#include <vector>

#include "showwork/matrix/fast/limbs.hpp"
#include "showwork/matrix/matrix.hpp"

namespace showwork::matrix_detail {

// Row i of A times l_i = lcm of its denominators. `lcm_product` gets Π l_i, `row_lcms` each l_i.
IntegerMatrix clear_denominators(const Matrix<Rational>& A, Integer* lcm_product = nullptr,
                                 std::vector<Integer>* row_lcms = nullptr);
// The rows of (A | B) (A, B with as many rows) cleared the same way, without forming (A | B).
IntegerMatrix clear_denominators(const Matrix<Rational>& A, const Matrix<Rational>& B);

}  // namespace showwork::matrix_detail

namespace showwork {

// C = AB (C already sized m×p). Returns false, leaving C alone, when some l_i or d_j has more
// than max_cleared_bits bits: such denominators make the integers cost more than the fractions.
inline constexpr std::size_t max_cleared_bits = 512;
// Products of fewer multiply-adds take the plain loop: clearing costs more than it saves.
inline constexpr std::size_t min_integer_product = 64;
// With `transpose_a`, C = AᵀB (C sized A.cols()×p) without forming Aᵀ: A's columns are its lines.
bool multiply_rational_into(const Matrix<Rational>& A, const Matrix<Rational>& B, Matrix<Rational>& C,
                            bool transpose_a = false);

}  // namespace showwork
