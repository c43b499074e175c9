// PA = LU (P A Q = L U under complete pivoting), read off the row operations of elimination.
//
// Gaussian elimination without scaling performs, column by column, an interchange and then
// replacements R_i → R_i − l_ir R_r. The multipliers l_ir are the entries of the unit lower
// triangular L; an interchange of rows r and p also swaps the multipliers already stored in
// those rows of L, and the order the rows end in is P. U is the echelon form reached.
// A is m×n: P and L are m×m, U is m×n, Q is n×n (the identity unless pivoting is complete).
// Untraced, square and double with partial pivoting, eliminate() runs the same elimination in
// blocks (matrix/fast/lu_blocked.hpp): the same pivots and multipliers, the replacements in
// another order.
#pragma once

#include "showwork/matrix/elimination.hpp"
#include "showwork/matrix/instances.hpp"

namespace showwork {

template <Scalar T>
struct LU {
    Matrix<T> P, L, U, Q;
    std::size_t swaps = 0;  // det P · det Q = (−1)^swaps
};

// P from the record's row order, L its multipliers, U its echelon form, Q its column order.
template <Scalar T>
LU<T> lu(const Matrix<T>& A, const EliminationOptions<T>& options = {}, trace::Trace* trace = nullptr) {
    const std::size_t m = A.rows(), n = A.cols();
    EliminationGoal goal;
    goal.multipliers = true;
    Elimination<T> e;
    {
        trace::SubDerivation sub(trace, trace::kind::elimination, "Eliminate below each pivot, keeping the multipliers.");
        e = eliminate(A, options, goal, trace);
    }
    LU<T> out{Matrix<T>::zeros(m, m), std::move(e.lower), std::move(e.echelon), Matrix<T>::zeros(n, n), e.swaps};
    std::vector<std::size_t> row_order = e.row_order(m);
    for (std::size_t i = 0; i < m; ++i) out.P(i, row_order[i]) = T(1);
    for (std::size_t j = 0; j < n; ++j) out.Q(e.column_order[j], j) = T(1);
    if (trace) {
        trace->add(trace::kind::lu, "The multipliers form L, the echelon form is U, and the row order is P.",
                   trace::equals(trace::product({trace::symbol("P"), trace::symbol("A")}, ""),
                                 trace::product({trace::symbol("L"), trace::symbol("U")}, "")),
                   trace::list({trace::equals(trace::symbol("P"), showwork::to_math(out.P)),
                                trace::equals(trace::symbol("L"), showwork::to_math(out.L)),
                                trace::equals(trace::symbol("U"), showwork::to_math(out.U))}));
    }
    return out;
}

#define SHOWWORK_LU_INSTANCES(EXTERN, T) \
    EXTERN template LU<T> lu(const Matrix<T>&, const EliminationOptions<T>&, trace::Trace*);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_LU_INSTANCES)

}  // namespace showwork
