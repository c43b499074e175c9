// The inverse by Gauss–Jordan: row reduce (A | I) to (I | A⁻¹).
//
// The right half records every row operation: after the reduction it holds E with E A = R. So if
// A is singular, a zero row k of R is Σ_i e_ki (row i of A) = 0 — a dependency among A's rows,
// which the SingularError reports ("R_3 = 2R_1 - R_2") with the column that has no pivot.
#pragma once

#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/elimination.hpp"
#include "showwork/matrix/evidence.hpp"
#include "showwork/matrix/shape_checks.hpp"
#include "showwork/matrix/instances.hpp"

namespace showwork {

namespace matrix_detail {
// Throws SingularError from the elimination of (A | I), n = A's size.
template <Scalar T>
[[noreturn]] void throw_singular(const Elimination<T>& e, std::size_t n) {
    std::vector<bool> has_pivot(n, false);
    for (std::size_t p : e.pivots) has_pivot[e.column_order[p]] = true;
    std::size_t missing = 0;
    while (missing < n && has_pivot[missing]) ++missing;
    auto zero_row = e.echelon.row_view(e.rank());
    std::vector<T> y(zero_row.begin() + static_cast<std::ptrdiff_t>(n), zero_row.end());
    throw SingularError("the matrix is singular: column " + std::to_string(missing + 1) +
                        " has no pivot (rank " + std::to_string(e.rank()) + " < " + std::to_string(n) +
                        "); its rows are dependent: " + dependency_text(y, e.tolerance, true));
}

// A⁻¹ from the RREF (I | X) of (A | I), or of (A Q | I) under complete pivoting, where
// X = (A Q)⁻¹ = Q⁻¹ A⁻¹: then A⁻¹ = Q X, the rows of X put back in A's column order.
template <Scalar T>
Matrix<T> inverse_from(const Elimination<T>& e, std::size_t n) {
    Matrix<T> X = columns(e.echelon, n, n);
    if (std::is_sorted(e.column_order.begin(), e.column_order.end())) return X;
    Matrix<T> inv(n, n);
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t j = 0; j < n; ++j) inv(e.column_order[k], j) = X(k, j);
    return inv;
}
}  // namespace matrix_detail

template <Scalar T>
Matrix<T> inverse(const Matrix<T>& A, const EliminationOptions<T>& options = {}, trace::Trace* trace = nullptr) {
    require_square("the inverse", A.rows(), A.cols());
    const std::size_t n = A.rows();
    Matrix<T> AI = augment(A, Matrix<T>::identity(n));
    EliminationGoal goal;
    goal.reduced = true;
    goal.pivot_limit = n;
    trace = sink_for(AI, options, goal, trace);
    Elimination<T> e;
    {
        trace::SubDerivation sub(trace, trace::kind::gauss_jordan, "Row reduce (A | I) until the left half is I.");
        e = eliminate(std::move(AI), options, goal, trace);
    }
    if (e.rank() < n) matrix_detail::throw_singular(e, n);
    Matrix<T> inv = matrix_detail::inverse_from(e, n);
    if (trace) {
        Matrix<T> check = A * inv;
        trace->add(trace::kind::check, "Check: A times its inverse is the identity.",
                   trace::equals(trace::product({showwork::to_math(A), showwork::to_math(inv)}, ""),
                                 showwork::to_math(check)));
    }
    return inv;
}

#define SHOWWORK_INVERSE_INSTANCES(EXTERN, T) \
    EXTERN template Matrix<T> inverse(const Matrix<T>&, const EliminationOptions<T>&, trace::Trace*);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_INVERSE_INSTANCES)

}  // namespace showwork
