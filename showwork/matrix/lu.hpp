// PA = LU (P A Q = L U under complete pivoting), read off the row operations of elimination.
//
// Gaussian elimination without scaling performs, column by column, an interchange and then
// replacements R_i → R_i − l_ir R_r. The multipliers l_ir are the entries of the unit lower
// triangular L; an interchange of rows r and p also swaps the multipliers already stored in
// those rows of L, and the order the rows end in is P. U is the echelon form reached.
// A is m×n: P and L are m×m, U is m×n, Q is n×n (the identity unless pivoting is complete).
// Untraced, square and double with partial pivoting, the same elimination runs in blocks
// (matrix/fast/lu_blocked.hpp): the same pivots and multipliers, the replacements in another order.
#pragma once

#include "showwork/matrix/elimination.hpp"
#include "showwork/matrix/fast/lu_blocked.hpp"

namespace showwork {

template <Scalar T>
struct LU {
    Matrix<T> P, L, U, Q;
    std::size_t swaps = 0;  // det P · det Q = (−1)^swaps
};

namespace detail {
// Untraced double with partial pivoting on a square matrix: the same elimination scheduled in
// blocks (matrix/fast/lu_blocked.hpp). Empty when it does not apply or a column has no pivot.
template <Scalar T>
std::optional<BlockedLU> blocked_factorization(const Matrix<T>& A, const EliminationOptions<T>& options,
                                               const trace::Trace* trace) {
    if constexpr (std::is_same_v<T, double>) {
        if (trace || A.rows() != A.cols() || resolve_pivot_rule<T>(options.pivot) != PivotRule::partial)
            return std::nullopt;
        const double tolerance = options.tolerance ? *options.tolerance : default_tolerance(A);
        return blocked_lu(A.entries().data(), A.rows(), tolerance);
    } else {
        return std::nullopt;
    }
}

inline LU<double> lu_from_blocks(const BlockedLU& f) {
    const std::size_t n = f.n;
    LU<double> out{Matrix<double>::zeros(n, n), Matrix<double>::identity(n), Matrix<double>::zeros(n, n),
                   Matrix<double>::identity(n), f.swaps};
    for (std::size_t i = 0; i < n; ++i) {
        out.P(i, f.row_order[i]) = 1;
        for (std::size_t j = 0; j < n; ++j) (j < i ? out.L(i, j) : out.U(i, j)) = f.factors[i * n + j];
    }
    return out;
}
}  // namespace detail

namespace detail {
// The textbook loop: the elimination core, its operations read back into P, L and U.
template <Scalar T>
LU<T> lu_by_elimination(const Matrix<T>& A, const EliminationOptions<T>& options, trace::Trace* trace) {
    const std::size_t m = A.rows(), n = A.cols();
    Elimination<T> e;
    {
        trace::SubDerivation sub(trace, "elimination", "Eliminate below each pivot, keeping the multipliers.");
        e = eliminate(A, options, EliminationGoal{}, trace);
    }
    LU<T> out{Matrix<T>::zeros(m, m), Matrix<T>::identity(m), std::move(e.echelon), Matrix<T>::zeros(n, n), e.swaps};
    std::vector<std::size_t> row_order(m);
    for (std::size_t i = 0; i < m; ++i) row_order[i] = i;
    for (const RowOperation<T>& op : e.operations) {
        if (op.kind == RowOpKind::interchange) {
            // The multipliers stored so far (columns left of the pivot row) move with their rows.
            std::swap(row_order[op.target], row_order[op.source]);
            for (std::size_t k = 0; k < std::min(op.target, op.source); ++k)
                std::swap(out.L(op.target, k), out.L(op.source, k));
        } else if (op.kind == RowOpKind::replacement) {
            out.L(op.target, op.source) = T(-op.factor);  // R_i → R_i − l_ir R_r
        }
    }
    for (std::size_t i = 0; i < m; ++i) out.P(i, row_order[i]) = T(1);
    for (std::size_t j = 0; j < n; ++j) out.Q(e.column_order[j], j) = T(1);
    if (trace) {
        trace->add("lu", "The multipliers form L, the echelon form is U, and the row order is P.",
                   trace::equals(trace::product({trace::symbol("P"), trace::symbol("A")}, ""),
                                 trace::product({trace::symbol("L"), trace::symbol("U")}, "")),
                   trace::list({trace::equals(trace::symbol("P"), showwork::to_math(out.P)),
                                trace::equals(trace::symbol("L"), showwork::to_math(out.L)),
                                trace::equals(trace::symbol("U"), showwork::to_math(out.U))}));
    }
    return out;
}
}  // namespace detail

template <Scalar T>
LU<T> lu(const Matrix<T>& A, const EliminationOptions<T>& options = {}, trace::Trace* trace = nullptr) {
    if constexpr (std::is_same_v<T, double>) {
        if (auto blocks = detail::blocked_factorization(A, options, trace)) return detail::lu_from_blocks(*blocks);
    }
    return detail::lu_by_elimination(A, options, trace);
}

}  // namespace showwork
