// The fast double-precision product C = AB, used by operator* for Matrix<double>.
//
// A is (m×n), B is (n×p), C is (m×p), all dense row-major with no padding between rows.
// C is overwritten. The result is the same sum c_ij = Σ_k a_ik b_kj as the textbook loop, with
// the terms added in a different order, so it can differ from it by rounding only:
//
//     |c_ij − ĉ_ij| ≤ γ_n Σ_k |a_ik| |b_kj|,   γ_n = n ε / (1 − n ε),  ε = 2⁻⁵³,
//
// the standard bound for any order of summation of an inner product (Higham, Accuracy and
// Stability of Numerical Algorithms, §3.1). How it is made fast is in matrix/fast/gemm.cpp.
#pragma once

#include <cstddef>

namespace showwork {

void multiply_into(const double* A, const double* B, double* C, std::size_t m, std::size_t n,
                   std::size_t p);

}  // namespace showwork
