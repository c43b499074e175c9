// Bases of the null space and the column space, read off the RREF.
//
//   Null(A): one vector per free column f of the RREF R: x_f = 1, every other free variable 0,
//            and x_{p_k} = −r_{k f} for the pivot of row k; rank + nullity = n.
//   Col(A):  the pivot columns of A itself (not of R: row operations change the column space).
#pragma once

#include "showwork/matrix/echelon.hpp"

namespace showwork {

// The free columns (0-based) given the pivot columns of an m×n matrix.
std::vector<std::size_t> free_columns(const std::vector<std::size_t>& pivots, std::size_t n);

// A basis of Null(A) as the columns of an n×(n − rank) matrix.
template <Scalar T>
Matrix<T> null_space(const Matrix<T>& A, const EliminationOptions<T>& options = {}, trace::Trace* trace = nullptr) {
    Elimination<T> e = reduce(A, options, trace);
    const std::size_t n = A.cols();
    std::vector<std::size_t> free = free_columns(e.pivots, n);
    Matrix<T> N(n, free.size());
    for (std::size_t q = 0; q < free.size(); ++q) {
        N(free[q], q) = T(1);
        for (std::size_t k = 0; k < e.rank(); ++k) N(e.pivots[k], q) = T(-e.echelon(k, free[q]));
    }
    if (trace) {
        std::string names;
        for (std::size_t f : free) names += (names.empty() ? "x_" : ", x_") + std::to_string(f + 1);
        trace->add("null_space",
                   free.empty() ? "Every column has a pivot, so the null space is {0}."
                                : "Set each free variable (" + names + ") to 1 in turn and the others to 0; "
                                  "the pivot variables follow from the RREF.",
                   std::nullopt, showwork::to_math(N));
    }
    return N;
}

// A basis of Col(A): the pivot columns of A, as the columns of an m×rank matrix.
template <Scalar T>
Matrix<T> column_space(const Matrix<T>& A, const EliminationOptions<T>& options = {},
                       trace::Trace* trace = nullptr) {
    std::vector<std::size_t> pivots = pivot_columns(A, options, trace);
    Matrix<T> C(A.rows(), pivots.size());
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t k = 0; k < pivots.size(); ++k) C(i, k) = A(i, pivots[k]);
    if (trace) {
        trace->add("column_space", "The pivot columns of A (not of its echelon form) are a basis of Col A.",
                   std::nullopt, showwork::to_math(C));
    }
    return C;
}

}  // namespace showwork
