// Row echelon forms and what they tell: ref, rref, rank, pivot columns, and the two predicates.
//
//   REF   every leading entry (pivot) is right of the one above, zero rows at the bottom
//   RREF  REF with every pivot 1 and the only non-zero entry of its column (unique for each A)
//
// All are the elimination entry point (matrix/elimination.hpp) asked for different goals, and
// read off its record. Untraced exact rref, rank and pivot_columns take the fraction-free engine.
#pragma once

#include "showwork/matrix/elimination.hpp"
#include "showwork/matrix/instances.hpp"

namespace showwork {

// A row echelon form of A by Gaussian elimination (the textbook method, always Gauss–Jordan's
// forward phase: a REF is not unique, and this is the one a student would write).
template <Scalar T>
Matrix<T> ref(const Matrix<T>& A, const EliminationOptions<T>& options = {}, trace::Trace* trace = nullptr) {
    return eliminate(A, options, EliminationGoal{}, trace).echelon;
}

// The same with every pivot scaled to 1, as in the notes' REF example.
template <Scalar T>
Matrix<T> ref_unit_pivots(const Matrix<T>& A, const EliminationOptions<T>& options = {},
                          trace::Trace* trace = nullptr) {
    EliminationGoal goal;
    goal.unit_pivots = true;
    return eliminate(A, options, goal, trace).echelon;
}

namespace matrix_detail {
// Columns of an elimination of A Q put back in A's order.
template <Scalar T>
Matrix<T> restore_columns(const Matrix<T>& B, const std::vector<std::size_t>& column_order) {
    Matrix<T> C(B.rows(), B.cols());
    for (std::size_t i = 0; i < B.rows(); ++i)
        for (std::size_t j = 0; j < B.cols(); ++j) C(i, column_order[j]) = B(i, j);
    C.set_augment(B.augment());
    return C;
}
}  // namespace matrix_detail

// The reduced row echelon form with its pivot columns. Under complete pivoting the elimination
// reaches the RREF of A Q; its rows span A's row space, so one more (untraced) reduction of them,
// columns restored, gives the RREF of A.
template <Scalar T>
Elimination<T> reduce(const Matrix<T>& A, const EliminationOptions<T>& options = {},
                      trace::Trace* trace = nullptr) {
    EliminationGoal goal;
    goal.reduced = true;
    Elimination<T> e = eliminate(A, options, goal, trace);
    if (!std::is_sorted(e.column_order.begin(), e.column_order.end())) {
        EliminationOptions<T> plain = options;
        plain.pivot = PivotRule::automatic;
        plain.tolerance = e.tolerance;
        plain.observe = nullptr;  // a reading of the result, not the operation's elimination
        Elimination<T> again = eliminate(matrix_detail::restore_columns(e.echelon, e.column_order), plain, goal);
        e.echelon = std::move(again.echelon);
        e.pivots = std::move(again.pivots);
        for (std::size_t j = 0; j < A.cols(); ++j) e.column_order[j] = j;
    }
    return e;
}

template <Scalar T>
Matrix<T> rref(const Matrix<T>& A, const EliminationOptions<T>& options = {}, trace::Trace* trace = nullptr) {
    return reduce(A, options, trace).echelon;
}

// rank A = the number of pivots in an echelon form of A.
template <Scalar T>
std::size_t rank(const Matrix<T>& A, const EliminationOptions<T>& options = {}, trace::Trace* trace = nullptr) {
    EliminationGoal goal;
    goal.need = Need::pivots;
    trace = sink_for(A, options, goal, trace);
    Elimination<T> e = eliminate(A, options, goal, trace);
    if (trace) {
        trace->add(trace::kind::rank,
                   "The rank is the number of pivots: " + std::to_string(e.rank()) + ".",
                   std::nullopt,
                   trace::equals(trace::apply("rank", {trace::symbol("A")}),
                                 trace::count(e.rank())));
    }
    return e.rank();
}

// The pivot columns of A (0-based): the columns of A's RREF that hold a leading 1. They are the
// same for every echelon form reached without column swaps.
template <Scalar T>
std::vector<std::size_t> pivot_columns(const Matrix<T>& A, const EliminationOptions<T>& options = {},
                                       trace::Trace* trace = nullptr) {
    EliminationOptions<T> rows_only = options;
    if (resolve_pivot_rule<T>(options.pivot) == PivotRule::complete) rows_only.pivot = PivotRule::partial;
    EliminationGoal goal;
    goal.need = Need::pivots;
    return eliminate(A, rows_only, goal, trace).pivots;
}

// REF: each row's leading non-zero entry is right of the previous row's; zero rows last.
template <Scalar T>
bool is_row_echelon(const Matrix<T>& A) {
    std::size_t previous_lead = 0;
    bool zero_row_seen = false;
    for (std::size_t i = 0; i < A.rows(); ++i) {
        std::size_t lead = 0;
        while (lead < A.cols() && A(i, lead) == 0) ++lead;
        if (lead == A.cols()) {
            zero_row_seen = true;
            continue;
        }
        if (zero_row_seen || (i > 0 && lead < previous_lead + 1)) return false;
        previous_lead = lead;
    }
    return true;
}

// RREF: REF, every leading entry 1, and the only non-zero entry in its column.
template <Scalar T>
bool is_reduced_row_echelon(const Matrix<T>& A) {
    if (!is_row_echelon(A)) return false;
    for (std::size_t i = 0; i < A.rows(); ++i) {
        std::size_t lead = 0;
        while (lead < A.cols() && A(i, lead) == 0) ++lead;
        if (lead == A.cols()) continue;
        if (A(i, lead) != 1) return false;
        for (std::size_t k = 0; k < A.rows(); ++k)
            if (k != i && A(k, lead) != 0) return false;
    }
    return true;
}

#define SHOWWORK_ECHELON_INSTANCES(EXTERN, T) \
    EXTERN template Matrix<T> ref(const Matrix<T>&, const EliminationOptions<T>&, trace::Trace*);             \
    EXTERN template Matrix<T> ref_unit_pivots(const Matrix<T>&, const EliminationOptions<T>&, trace::Trace*); \
    EXTERN template Elimination<T> reduce(const Matrix<T>&, const EliminationOptions<T>&, trace::Trace*);     \
    EXTERN template Matrix<T> rref(const Matrix<T>&, const EliminationOptions<T>&, trace::Trace*);            \
    EXTERN template std::size_t rank(const Matrix<T>&, const EliminationOptions<T>&, trace::Trace*);          \
    EXTERN template std::vector<std::size_t> pivot_columns(const Matrix<T>&, const EliminationOptions<T>&,    \
                                                           trace::Trace*);                                    \
    EXTERN template bool is_row_echelon(const Matrix<T>&);                                                    \
    EXTERN template bool is_reduced_row_echelon(const Matrix<T>&);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_ECHELON_INSTANCES)

}  // namespace showwork
