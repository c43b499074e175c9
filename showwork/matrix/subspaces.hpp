// Bases of the null space and the column space, and the solutions of an echelon form.
//
//   Null(A): one vector per free column f of the RREF R: x_f = 1, every other free variable 0,
//            and the pivot variables by back substitution (x_{p_k} = −r_{k f} in the RREF);
//            rank + nullity = n.
//   Col(A):  the pivot columns of A itself (not of R: row operations change the column space).
// read_solutions is the read-off both null_space and solve use.
#pragma once

#include <algorithm>
#include <utility>

#include "showwork/matrix/echelon.hpp"
#include "showwork/matrix/instances.hpp"

namespace showwork {

// The free columns (0-based) given the pivot columns of an m×n matrix.
inline std::vector<std::size_t> free_columns(const std::vector<std::size_t>& pivots, std::size_t n) {
    std::vector<bool> is_pivot(n, false);
    for (std::size_t p : pivots) is_pivot[p] = true;
    std::vector<std::size_t> free;
    for (std::size_t j = 0; j < n; ++j)
        if (!is_pivot[j]) free.push_back(j);
    return free;
}

// Back substitution in an echelon form R (REF or RREF) of (A Q | b), or of A Q when R has only
// n columns (b = 0), from the last pivot up, the free variables given in x:
//     x_{p_k} = (b'_k − Σ_{j > p_k} r_kj x_j) / r_{k p_k}        (b' replaced by 0 if homogeneous)
template <Scalar T>
Matrix<T> back_substitute(const Matrix<T>& R, std::size_t n, const std::vector<std::size_t>& pivots, Matrix<T> x,
                          bool homogeneous) {
    for (std::size_t k = pivots.size(); k-- > 0;) {
        const std::size_t p = pivots[k];
        T sum = homogeneous || R.cols() == n ? T(0) : R(k, n);
        for (std::size_t j = p + 1; j < n; ++j)
            if (R(k, j) != 0 && x(j, 0) != 0) sum -= R(k, j) * x(j, 0);
        x(p, 0) = T(sum / R(k, p));
    }
    return x;
}

// Every solution of the system an elimination reached, x = particular + Σ_q t_q directions[q].
template <Scalar T>
struct ParametricSolution {
    Matrix<T> particular;                     // n×1: every free variable 0
    std::vector<Matrix<T>> directions;        // n×1 each: free variable q is 1, the others 0, b = 0
    std::vector<std::size_t> free_variables;  // 0-based, ascending: x_{f+1} is free
};

// The solutions read off the echelon form of (A Q | b), or of A Q (then the particular one is
// 0), n unknowns; column j of the echelon form is the unknown x_{column_order[j]}.
template <Scalar T>
ParametricSolution<T> read_solutions(const Elimination<T>& e, std::size_t n) {
    const std::vector<std::size_t>& order = e.column_order;
    auto in_original_order = [&](const Matrix<T>& y) {
        Matrix<T> x(n, 1);
        for (std::size_t j = 0; j < n; ++j) x(order[j], 0) = y(j, 0);
        return x;
    };
    std::vector<std::pair<std::size_t, std::size_t>> free;  // (original variable, column of R)
    for (std::size_t j : free_columns(e.pivots, n)) free.emplace_back(order[j], j);
    std::sort(free.begin(), free.end());
    ParametricSolution<T> s;
    s.particular = in_original_order(back_substitute(e.echelon, n, e.pivots, Matrix<T>(n, 1), false));
    for (const auto& [variable, column] : free) {
        Matrix<T> free_values(n, 1);
        free_values(column, 0) = T(1);
        s.directions.push_back(in_original_order(back_substitute(e.echelon, n, e.pivots, free_values, true)));
        s.free_variables.push_back(variable);
    }
    return s;
}

// The directions v₁ … v_k of a solution family (n×1 each) side by side: the n×k matrix
// [v₁ ⋯ v_k], so that x = x₀ + V t. null_space's basis and solve's data are this matrix.
template <Scalar T>
Matrix<T> directions_matrix(const std::vector<Matrix<T>>& directions, std::size_t n) {
    Matrix<T> V(n, directions.size());
    for (std::size_t q = 0; q < directions.size(); ++q)
        for (std::size_t i = 0; i < n; ++i) V(i, q) = directions[q](i, 0);
    return V;
}

// A basis of Null(A) as the columns of an n×(n − rank) matrix.
template <Scalar T>
Matrix<T> null_space(const Matrix<T>& A, const EliminationOptions<T>& options = {}, trace::Trace* trace = nullptr) {
    const std::size_t n = A.cols();
    ParametricSolution<T> s = read_solutions(reduce(A, options, trace), n);
    Matrix<T> N = directions_matrix(s.directions, n);
    if (trace) {
        std::string names;
        for (std::size_t f : s.free_variables) names += (names.empty() ? "x_" : ", x_") + std::to_string(f + 1);
        trace->add(trace::kind::null_space,
                   s.free_variables.empty() ? "Every column has a pivot, so the null space is {0}."
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
        trace->add(trace::kind::column_space, "The pivot columns of A (not of its echelon form) are a basis of Col A.",
                   std::nullopt, showwork::to_math(C));
    }
    return C;
}

#define SHOWWORK_SUBSPACES_INSTANCES(EXTERN, T) \
    EXTERN template Matrix<T> null_space(const Matrix<T>&, const EliminationOptions<T>&, trace::Trace*);   \
    EXTERN template Matrix<T> column_space(const Matrix<T>&, const EliminationOptions<T>&, trace::Trace*);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_SUBSPACES_INSTANCES)

}  // namespace showwork
