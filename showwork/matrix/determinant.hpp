// The determinant, two ways.
//
// determinant: by elimination. Row operations change det in known ways — an interchange
// multiplies it by −1, a scaling by c multiplies it by c, a replacement leaves it — so after
// reaching an upper-triangular U with s interchanges and no scalings,
//     det A = (−1)^s · u_11 · u_22 ⋯ u_nn.
// cofactor_determinant: Laplace expansion along the first row, the by-hand method, for n ≤ 4:
//     det A = Σ_j (−1)^{1+j} a_1j det M_1j      (M_1j: A without row 1 and column j).
#pragma once

#include "showwork/matrix/elimination.hpp"
#include "showwork/matrix/shape_checks.hpp"
#include "showwork/matrix/instances.hpp"

namespace showwork {

// det A read off the elimination to an upper-triangular form: every engine records it.
template <Scalar T>
T determinant(const Matrix<T>& A, const EliminationOptions<T>& options = {}, trace::Trace* trace = nullptr) {
    require_square("the determinant", A.rows(), A.cols());
    EliminationGoal goal;
    goal.need = Need::pivots;
    trace = sink_for(A, options, goal, trace);
    Elimination<T> e = eliminate(A, options, goal, trace);
    T det = *e.determinant;
    if (trace) {
        const std::size_t n = A.rows();
        std::vector<trace::Math> factors;
        factors.push_back(trace::power(trace::group(trace::number("-1")), trace::number(std::to_string(e.swaps))));
        for (std::size_t i = 0; i < n; ++i) factors.push_back(factor_math(showwork::to_math(e.echelon(i, i))));
        std::string why =
            e.rank() < n    ? "The echelon form has a zero on its diagonal (a column without a pivot), so det A = 0."
            : e.swaps == 0 ? "Replacements leave the determinant unchanged and no row was swapped, so det A is the "
                             "product of the diagonal."
                           : "Each row swap multiplies the determinant by −1 and replacements leave it unchanged, so "
                             "det A is the product of the diagonal, times −1 for each of the " +
                                 std::to_string(e.swaps) + (e.swaps == 1 ? " swap." : " swaps.");
        trace->add(trace::kind::determinant, why, std::nullopt,
                   trace::chain({trace::apply("det", {trace::symbol("A")}), trace::product(std::move(factors)),
                                 showwork::to_math(det)},
                                {trace::Rel::equals, trace::Rel::equals}));
    }
    return det;
}

namespace matrix_detail {
// A without row `row` and column `col`.
template <Scalar T>
Matrix<T> minor_matrix(const Matrix<T>& A, std::size_t row, std::size_t col) {
    Matrix<T> M(A.rows() - 1, A.cols() - 1);
    for (std::size_t i = 0, mi = 0; i < A.rows(); ++i) {
        if (i == row) continue;
        for (std::size_t j = 0, mj = 0; j < A.cols(); ++j)
            if (j != col) M(mi, mj++) = A(i, j);
        ++mi;
    }
    return M;
}

// Where a minor sits in the matrix the expansion started from: the rows and columns it has lost.
// The expansion always deletes the first row left, so after k levels rows 1…k are gone.
struct MinorPlace {
    std::vector<std::size_t> columns_left;  // the original columns, 1-based, in order
    std::vector<std::size_t> deleted_columns;
};

// M₁₃ (row 1 and column 3 deleted); one level down M_{12,13}: rows 1, 2 and columns 1, 3.
trace::Math minor_symbol(const MinorPlace& place);
// "The minor M₁₃: A without row 1 and column 3."
std::string minor_sentence(const MinorPlace& place);
// det A = Σ_j (−1)^{1+j} a_{1j} det M_{1j}
trace::Math cofactor_formula();

template <Scalar T>
T cofactor_expand(const Matrix<T>& A, trace::Trace* trace, const MinorPlace& place) {
    const std::size_t n = A.rows();
    if (n == 0) return T(1);
    if (n == 1) return A(0, 0);
    if (n == 2) {
        T det = T(A(0, 0) * A(1, 1) - A(0, 1) * A(1, 0));
        if (trace) {
            auto term = [&](std::size_t a, std::size_t b, std::size_t c, std::size_t d) {
                return trace::product({factor_math(showwork::to_math(A(a, b))), factor_math(showwork::to_math(A(c, d)))});
            };
            trace->add(trace::kind::cofactor, "A 2×2 determinant is ad − bc.", std::nullopt,
                       trace::chain({trace::apply("det", {showwork::to_math(A)}),
                                     trace::sum({term(0, 0, 1, 1), trace::negate(term(0, 1, 1, 0))}),
                                     showwork::to_math(det)},
                                    {trace::Rel::equals, trace::Rel::equals}));
        }
        return det;
    }
    // det A = Σ_j (−1)^{1+j} a_1j det M_1j
    T det(0);
    std::vector<trace::Math> terms, values;
    const bool top = place.deleted_columns.empty();
    trace::SubDerivation expansion(trace, trace::kind::cofactor_expansion);
    if (top) {
        expansion.describe("Expand along row 1: each entry of the row times its minor's determinant, the signs "
                           "alternating +, −, +, …",
                           [&] { return cofactor_formula(); });
    } else {
        expansion.describe("Expand this minor along its row 1 in the same way.");
    }
    for (std::size_t j = 0; j < n; ++j) {
        if (A(0, j) == 0) continue;  // a zero entry contributes nothing
        Matrix<T> M = minor_matrix(A, 0, j);
        MinorPlace inner = place;
        inner.deleted_columns.push_back(place.columns_left[j]);
        inner.columns_left.erase(inner.columns_left.begin() + static_cast<std::ptrdiff_t>(j));
        T minor_det;
        {
            trace::SubDerivation sub(trace, trace::kind::minor);
            sub.describe(minor_sentence(inner), [&] { return trace::equals(minor_symbol(inner), showwork::to_math(M)); });
            minor_det = cofactor_expand(M, trace, inner);
        }
        T term = T(A(0, j) * minor_det);
        if (j % 2) term = -term;
        det += term;
        if (trace) {
            trace::Math t = trace::product({factor_math(showwork::to_math(A(0, j))), trace::apply("det", {showwork::to_math(M)})});
            terms.push_back(j % 2 ? trace::negate(std::move(t)) : std::move(t));
            values.push_back(factor_math(showwork::to_math(term)));
        }
    }
    if (trace) {
        if (terms.empty()) terms.push_back(trace::number("0"));
        if (values.empty()) values.push_back(trace::number("0"));
        expansion.conclude(trace::chain({trace::apply("det", {showwork::to_math(A)}), trace::sum(std::move(terms)),
                                          trace::sum(std::move(values)), showwork::to_math(det)},
                                         {trace::Rel::equals, trace::Rel::equals, trace::Rel::equals}));
    }
    return det;
}
}  // namespace matrix_detail

// Laplace expansion along the first row, traced minor by minor. Throws ShapeError for a
// non-square matrix and DomainError beyond 4×4 (24 terms by hand; use `determinant`).
template <Scalar T>
T cofactor_determinant(const Matrix<T>& A, trace::Trace* trace = nullptr) {
    require_square("the determinant", A.rows(), A.cols());
    if (A.rows() > 4) {
        throw DomainError("cofactor expansion is done by hand up to 4×4; " + A.shape() +
                          " needs elimination (determinant)");
    }
    matrix_detail::MinorPlace whole;
    for (std::size_t j = 1; j <= A.cols(); ++j) whole.columns_left.push_back(j);
    return matrix_detail::cofactor_expand(A, trace, whole);
}

#define SHOWWORK_DETERMINANT_INSTANCES(EXTERN, T) \
    EXTERN template T determinant(const Matrix<T>&, const EliminationOptions<T>&, trace::Trace*); \
    EXTERN template T cofactor_determinant(const Matrix<T>&, trace::Trace*);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_DETERMINANT_INSTANCES)

}  // namespace showwork
