// Matrix arithmetic that shows its work: AB, A + B, A − B, cA, A + c, Aᵀ, A ⊙ B, ReLU(A).
//
// Each returns exactly what the operator in matrix/arithmetic.hpp returns (it calls it for the
// value) and, given a trace sink, records how the value was formed. With no sink it does no
// tracing work: the sink is tested before any math node is built.
//
// How much is shown:
//   AB      one sub-step per entry, c_ij = a_i1 b_1j + … + a_in b_nj, as in notes 003
//           ("90 = 5 · 10 + 2 · 20"), while the product has at most max_traced_product_entries
//           entries and the inner dimension is at most max_traced_inner_dimension; above that,
//           one step with the product and its result.
//   A + B, A − B, cA, A + c, A ⊙ B, ReLU(A)
//           the operation in symbols = the matrix of entry formulas, then the result; the
//           matrix of formulas is left out above max_traced_entrywise entries.
//   Aᵀ      the matrix and its transpose.
#pragma once

#include <fmt/format.h>

#include <string>
#include <utility>

#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/trace/trace.hpp"

namespace showwork {

// Sizes above which a trace shows results instead of every entry's formula.
inline constexpr std::size_t max_traced_product_entries = 36;  // entries of AB (a 6×6 result)
inline constexpr std::size_t max_traced_inner_dimension = 8;   // terms in each entry of AB
inline constexpr std::size_t max_traced_entrywise = 36;        // entries of A + B, cA, A ⊙ B, …

namespace traced {

// The matrix whose (i, j) cell is formula(i, j).
template <class Formula>
trace::Math formula_matrix(std::size_t rows, std::size_t cols, Formula formula) {
    std::vector<trace::Math> cells;
    cells.reserve(rows * cols);
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < cols; ++j) cells.push_back(formula(i, j));
    return trace::matrix(rows, cols, std::move(cells));
}

// One step, one chain: `symbols` = (the matrix of entry formulas, when small enough) = the result;
// the result is the step's state as well (for JSON; the other formats do not repeat it).
template <Scalar T, class Formula>
void record_entrywise(trace::Trace& trace, std::string_view kind, std::string text, trace::Math symbols,
                      const Matrix<T>& result, Formula formula) {
    std::vector<trace::Math> chain{std::move(symbols)};
    if (result.size() <= max_traced_entrywise) chain.push_back(formula_matrix(result.rows(), result.cols(), formula));
    chain.push_back(to_math(result));
    std::vector<trace::Rel> equals(chain.size() - 1, trace::Rel::equals);
    trace.add(kind, std::move(text), trace::chain(std::move(chain), std::move(equals)), to_math(result));
}

// c_ij = a_i1 · b_1j + … + a_in · b_nj
template <Scalar T>
trace::Math entry_of_product(const Matrix<T>& A, const Matrix<T>& B, std::size_t i, std::size_t j) {
    std::vector<trace::Math> terms;
    for (std::size_t k = 0; k < A.cols(); ++k) {
        terms.push_back(trace::product({to_math(A(i, k)), to_math(B(k, j))}, "cdot"));
    }
    return terms.size() == 1 ? terms.front() : trace::sum(std::move(terms));
}

template <Scalar T>
void record_product(const Matrix<T>& A, const Matrix<T>& B, const Matrix<T>& C, trace::Trace& trace) {
    trace::Math operation = trace::product({to_math(A), to_math(B)}, "");
    std::string text = fmt::format(
        "Multiply the {} matrix by the {} matrix: entry (i, j) is row i of the left times column j of the right.",
        A.shape(), B.shape());
    bool by_entry = C.size() <= max_traced_product_entries && A.cols() <= max_traced_inner_dimension;
    if (!by_entry) {
        text += fmt::format(" The {} entries, {} terms each, are not shown one by one.", C.size(), A.cols());
        trace.add(trace::kind::multiply, std::move(text), trace::equals(std::move(operation), to_math(C)), to_math(C));
        return;
    }
    trace::SubDerivation entries(&trace, trace::kind::multiply);
    entries.describe(std::move(text), trace::equals(std::move(operation), to_math(C)));
    for (std::size_t i = 0; i < C.rows(); ++i) {
        for (std::size_t j = 0; j < C.cols(); ++j) {
            trace.add(trace::kind::entry, fmt::format("Entry ({}, {}): row {} times column {}.", i + 1, j + 1, i + 1, j + 1),
                      trace::equals(to_math(C(i, j)), entry_of_product(A, B, i, j)));
        }
    }
    entries.conclude(to_math(C));
}

}  // namespace traced

// AB, (AB)_ij = Σ_k a_ik b_kj; A is (m×n), B is (n×p).
template <Scalar T>
Matrix<T> multiply(const Matrix<T>& A, const Matrix<T>& B, trace::Trace* trace = nullptr) {
    Matrix<T> C = A * B;
    if (trace) traced::record_product(A, B, C, *trace);
    return C;
}

// A + B, entry by entry.
template <Scalar T>
Matrix<T> add(const Matrix<T>& A, const Matrix<T>& B, trace::Trace* trace = nullptr) {
    Matrix<T> C = A + B;
    if (trace) {
        traced::record_entrywise(*trace, trace::kind::add, "Add entry by entry: (A + B)ᵢⱼ = aᵢⱼ + bᵢⱼ.",
                                 trace::sum({to_math(A), to_math(B)}), C, [&](std::size_t i, std::size_t j) {
                                     return trace::sum({to_math(A(i, j)), to_math(B(i, j))});
                                 });
    }
    return C;
}

// A − B, entry by entry.
template <Scalar T>
Matrix<T> subtract(const Matrix<T>& A, const Matrix<T>& B, trace::Trace* trace = nullptr) {
    Matrix<T> C = A - B;
    if (trace) {
        traced::record_entrywise(*trace, trace::kind::subtract, "Subtract entry by entry: (A − B)ᵢⱼ = aᵢⱼ − bᵢⱼ.",
                                 trace::sum({to_math(A), trace::negate(to_math(B))}), C,
                                 [&](std::size_t i, std::size_t j) {
                                     return trace::sum({to_math(A(i, j)), trace::negate(to_math(B(i, j)))});
                                 });
    }
    return C;
}

// cA: every entry times c.
template <Scalar T>
Matrix<T> scale(const T& c, const Matrix<T>& A, trace::Trace* trace = nullptr) {
    Matrix<T> C = c * A;
    if (trace) {
        traced::record_entrywise(*trace, trace::kind::scale, fmt::format("Multiply every entry by {}.", scalar_text(c)),
                                 trace::product({to_math(c), to_math(A)}, ""), C,
                                 [&](std::size_t i, std::size_t j) {
                                     return trace::product({to_math(c), to_math(A(i, j))}, "cdot");
                                 });
    }
    return C;
}

// A + c: the scalar c added to every entry ("scalar expansion" in notes 003: [90, 150] + 6).
template <Scalar T>
Matrix<T> add_scalar(const Matrix<T>& A, const T& c, trace::Trace* trace = nullptr) {
    Matrix<T> C = A;
    for (auto& x : C.entries()) x += c;
    if (trace) {
        traced::record_entrywise(*trace, trace::kind::add_scalar, fmt::format("Add {} to every entry.", scalar_text(c)),
                                 trace::sum({to_math(A), to_math(c)}), C, [&](std::size_t i, std::size_t j) {
                                     return trace::sum({to_math(A(i, j)), to_math(c)});
                                 });
    }
    return C;
}

// Aᵀ: row i of A becomes column i.
template <Scalar T>
Matrix<T> transposed(const Matrix<T>& A, trace::Trace* trace = nullptr) {
    Matrix<T> C = transpose(A);
    if (trace) {
        trace->add(trace::kind::transpose, "Transpose: row i becomes column i, (Aᵀ)ᵢⱼ = aⱼᵢ.",
                   trace::equals(trace::power(to_math(A), trace::symbol("top")), to_math(C)), to_math(C));
    }
    return C;
}

// A ⊙ B, entry by entry. (No default for the sink: hadamard(A, B) is the untraced form.)
template <Scalar T>
Matrix<T> hadamard(const Matrix<T>& A, const Matrix<T>& B, trace::Trace* trace) {
    Matrix<T> C = hadamard(A, B);
    if (trace) {
        traced::record_entrywise(*trace, trace::kind::hadamard, "Multiply entry by entry: (A ⊙ B)ᵢⱼ = aᵢⱼbᵢⱼ.",
                                 trace::product({to_math(A), to_math(B)}, "odot"), C,
                                 [&](std::size_t i, std::size_t j) {
                                     return trace::product({to_math(A(i, j)), to_math(B(i, j))}, "cdot");
                                 });
    }
    return C;
}

// ReLU(A)_ij = max(0, a_ij), the activation of notes 000, 003 and 004.
template <Scalar T>
Matrix<T> relu(const Matrix<T>& A, trace::Trace* trace = nullptr) {
    Matrix<T> C = A;
    for (auto& x : C.entries()) {
        if (x < 0) x = T(0);
    }
    if (trace) {
        traced::record_entrywise(*trace, trace::kind::relu, "Apply ReLU to every entry: ReLU(z) = max(0, z).",
                                 trace::apply("ReLU", {to_math(A)}), C, [&](std::size_t i, std::size_t j) {
                                     return trace::apply("max", {trace::number("0"), to_math(A(i, j))});
                                 });
    }
    return C;
}

#define SHOWWORK_TRACED_ARITHMETIC_INSTANCES(EXTERN, T)                                  \
    EXTERN template Matrix<T> multiply(const Matrix<T>&, const Matrix<T>&, trace::Trace*);   \
    EXTERN template Matrix<T> add(const Matrix<T>&, const Matrix<T>&, trace::Trace*);        \
    EXTERN template Matrix<T> subtract(const Matrix<T>&, const Matrix<T>&, trace::Trace*);   \
    EXTERN template Matrix<T> scale(const T&, const Matrix<T>&, trace::Trace*);              \
    EXTERN template Matrix<T> add_scalar(const Matrix<T>&, const T&, trace::Trace*);         \
    EXTERN template Matrix<T> transposed(const Matrix<T>&, trace::Trace*);                   \
    EXTERN template Matrix<T> hadamard(const Matrix<T>&, const Matrix<T>&, trace::Trace*);   \
    EXTERN template Matrix<T> relu(const Matrix<T>&, trace::Trace*);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_TRACED_ARITHMETIC_INSTANCES)

}  // namespace showwork
