// The three elementary row operations of the notes, as values.
//
//   interchange   R_i \leftrightarrow R_j
//   scaling       R_i \to c R_i            (c ≠ 0)
//   replacement   R_i \to R_i + c R_j      (i ≠ j)
//
// Each applies to a matrix in place, has its elementary matrix E (E A is the result) and its
// inverse operation, and writes itself as trace::Math. Rows are 0-based in code and 1-based in
// every text a reader sees. parse_row_operations reads a user's sequence such as
// "R2 -> R2 - 2R1; R1 <-> R2; R2 -> 1/2 R2".
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "showwork/error.hpp"
#include "showwork/matrix/matrix.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/trace/trace.hpp"

namespace showwork {

enum class RowOpKind { interchange, scaling, replacement };

template <Scalar T>
struct RowOperation {
    RowOpKind kind = RowOpKind::interchange;
    std::size_t target = 0;  // the row that changes (interchange: the first of the two)
    std::size_t source = 0;  // interchange: the other row; replacement: the row added
    T factor = T(1);         // scaling: c; replacement: c in R_i + c R_j

    static RowOperation interchange(std::size_t i, std::size_t j) {
        return {RowOpKind::interchange, i, j, T(1)};
    }
    // Throws DomainError for c = 0: scaling by zero loses the row and has no inverse.
    static RowOperation scaling(std::size_t i, T c) {
        if (c == 0) throw DomainError("cannot scale row " + std::to_string(i + 1) + " by zero");
        return {RowOpKind::scaling, i, i, std::move(c)};
    }
    // Throws DomainError for i = j: R_i \to R_i + c R_i is a scaling, not a replacement.
    static RowOperation replacement(std::size_t i, std::size_t j, T c) {
        if (i == j) {
            throw DomainError("a replacement adds a multiple of another row: R_" +
                              std::to_string(i + 1) + " appears on both sides");
        }
        return {RowOpKind::replacement, i, j, std::move(c)};
    }

    // The operation that undoes this one: swap back, scale by 1/c, subtract c R_j.
    RowOperation inverse() const {
        switch (kind) {
            case RowOpKind::interchange: return *this;
            case RowOpKind::scaling: return scaling(target, T(1) / factor);
            case RowOpKind::replacement: return replacement(target, source, -factor);
        }
        return *this;
    }

    // Throws ShapeError if a row it names is outside A.
    void check_rows(std::size_t rows) const;
    // A ← (this operation) A, in place, touching only the rows involved.
    void apply(Matrix<T>& A) const;
    Matrix<T> applied_to(Matrix<T> A) const {
        apply(A);
        return A;
    }
    // E = (this operation) I_n, so that E A equals the operation applied to A.
    Matrix<T> elementary(std::size_t n) const { return applied_to(Matrix<T>::identity(n)); }

    trace::Math to_math() const;
    // "Swap rows 1 and 2", "Scale row 2 by 1/2", "Add -2 times row 1 to row 2".
    std::string describe() const;

    friend bool operator==(const RowOperation&, const RowOperation&) = default;
};

// E such that E A = (ops applied in order) A: the operations applied to I_m. Its row k holds the
// coefficients of the original rows whose combination is row k of the result.
template <Scalar T>
Matrix<T> transform_matrix(const std::vector<RowOperation<T>>& ops, std::size_t m) {
    Matrix<T> E = Matrix<T>::identity(m);
    for (const auto& op : ops) op.apply(E);
    return E;
}

// Applies the operations in order. Each step shows A \xrightarrow{op} B in its state (the arrow
// node, before and after), and the operation alone in `operation`; B of one step is A of the next.
template <Scalar T>
Matrix<T> apply_row_operations(Matrix<T> A, const std::vector<RowOperation<T>>& ops,
                               trace::Trace* trace = nullptr) {
    for (const auto& op : ops) op.check_rows(A.rows());
    for (const auto& op : ops) {
        if (!trace || trace->exhausted()) {  // past the derivation's limit a step is only counted
            op.apply(A);
            if (trace) trace->add(trace::kind::row_operation, {});
            continue;
        }
        trace::Math before = showwork::to_math(A);
        op.apply(A);
        trace->add(trace::kind::row_operation, op.describe() + ".", op.to_math(),
                   trace::arrow(std::move(before), op.to_math(), showwork::to_math(A)));
    }
    return A;
}

// ---- Parsing ---------------------------------------------------------------------------------

// One operation as written, before its coefficient is read as a scalar (row_ops.cpp).
struct RowOperationText {
    RowOpKind kind;
    std::size_t target, source;  // 1-based as written
    std::string factor;          // the coefficient's text: "-2", "1/2", "1"
    std::string written;         // the whole operation as the user wrote it
    std::size_t position;        // 1-based character position of the operation in the input
};

// Row operations as the program writes them, in the ASCII the parsers read: R₂ → R₂ − (1/3)·R₁
// becomes R2 -> R2 - (1/3)*R1, R₁ ↔ R₂ becomes R1 <-> R2.
std::string row_operation_ascii(std::string_view text);

// Splits on ';', ',' or newlines and reads each operation; throws ParseError naming the operation,
// its number and position (ParseError::row() is the operation's number, column() the 1-based
// character position in the whole text). Does not know the number of rows.
std::vector<RowOperationText> parse_row_operation_texts(std::string_view text);
[[noreturn]] void throw_row_operation_error(const RowOperationText& op, std::size_t number,
                                            const std::string& problem);

// "R2 -> R2 - 2R1; R1 <-> R2; R2 -> 1/2 R2" for a matrix with `rows` rows. Accepts R2, R_2 or
// R₂, "->" or "→", "<->" or "↔", "-" or "−", coefficients as numbers ("2", "-1/2", "0.5",
// "(1/3)") before the row, an optional '*' or '·': the program's own text output reads back. Throws ParseError for malformed text, a row outside 1..rows, scaling by zero,
// a replacement of a row by itself.
template <Scalar T>
std::vector<RowOperation<T>> parse_row_operations(std::string_view text, std::size_t rows) {
    std::vector<RowOperation<T>> ops;
    auto texts = parse_row_operation_texts(text);
    for (std::size_t k = 0; k < texts.size(); ++k) {
        const auto& t = texts[k];
        for (std::size_t r : {t.target, t.source}) {
            if (r == 0 || r > rows) {
                throw_row_operation_error(t, k + 1, "unknown row R" + std::to_string(r) + " in a " +
                                                         std::to_string(rows) + "-row matrix");
            }
        }
        T c(1);
        try {
            c = parse_scalar<T>(t.factor);
        } catch (const Error& e) {
            throw_row_operation_error(t, k + 1, std::string("bad coefficient: ") + e.what());
        }
        try {
            switch (t.kind) {
                case RowOpKind::interchange:
                    ops.push_back(RowOperation<T>::interchange(t.target - 1, t.source - 1));
                    break;
                case RowOpKind::scaling:
                    ops.push_back(RowOperation<T>::scaling(t.target - 1, c));
                    break;
                case RowOpKind::replacement:
                    ops.push_back(RowOperation<T>::replacement(t.target - 1, t.source - 1, c));
                    break;
            }
        } catch (const DomainError& e) {
            throw_row_operation_error(t, k + 1, e.what());
        }
    }
    return ops;
}

// ---- Member definitions ----------------------------------------------------------------------

template <Scalar T>
void RowOperation<T>::check_rows(std::size_t rows) const {
    for (std::size_t r : {target, source}) {
        if (r >= rows) {
            throw ShapeError("row operation " + describe() + " names row " + std::to_string(r + 1) +
                             " of a matrix with " + std::to_string(rows) + " rows");
        }
    }
}

template <Scalar T>
void RowOperation<T>::apply(Matrix<T>& A) const {
    auto t = A.row_view(target);
    switch (kind) {
        case RowOpKind::interchange: {
            auto s = A.row_view(source);
            for (std::size_t j = 0; j < t.size(); ++j) std::swap(t[j], s[j]);
            break;
        }
        case RowOpKind::scaling:
            for (auto& x : t) x *= factor;
            break;
        case RowOpKind::replacement: {
            auto s = A.row_view(source);
            for (std::size_t j = 0; j < t.size(); ++j) {
                if constexpr (ScalarTraits<T>::exact) {
                    if (s[j] == 0) continue;  // a GMP call saved per zero
                }
                t[j] += factor * s[j];
            }
            break;
        }
    }
}

namespace detail {
// c R_j with c written by the scalar ("1/2" renders as \frac{1}{2}); 1·R_j is R_j.
template <Scalar T>
trace::Math multiple_of_row(const T& c, std::size_t row) {
    trace::Math R = trace::indexed("R", row + 1);
    if (c == 1) return R;
    if (c == -1) return trace::negate(R);
    return trace::product({showwork::to_math(c), std::move(R)}, "");
}
}  // namespace detail

template <Scalar T>
trace::Math RowOperation<T>::to_math() const {
    trace::Math Ri = trace::indexed("R", target + 1);
    switch (kind) {
        case RowOpKind::interchange:
            return trace::relation(Ri, trace::Rel::interchange, trace::indexed("R", source + 1));
        case RowOpKind::scaling:
            return trace::relation(Ri, trace::Rel::to, detail::multiple_of_row(factor, target));
        case RowOpKind::replacement: {
            // R_2 \to R_2 - 2R_1: the sign of c is written into the sum.
            trace::Math term = factor < 0 ? trace::negate(detail::multiple_of_row(T(-factor), source))
                                          : detail::multiple_of_row(factor, source);
            return trace::relation(Ri, trace::Rel::to, trace::sum({Ri, std::move(term)}));
        }
    }
    return trace::empty();
}

template <Scalar T>
std::string RowOperation<T>::describe() const {
    auto row = [](std::size_t r) { return std::to_string(r + 1); };
    switch (kind) {
        case RowOpKind::interchange: return "Swap rows " + row(target) + " and " + row(source);
        case RowOpKind::scaling: return "Scale row " + row(target) + " by " + scalar_text(factor);
        case RowOpKind::replacement:
            return "Add " + scalar_text(factor) + " times row " + row(source) + " to row " + row(target);
    }
    return {};
}

#define SHOWWORK_ROW_OPS_INSTANCES(EXTERN, T)                                                        \
    EXTERN template struct RowOperation<T>;                                                         \
    EXTERN template Matrix<T> transform_matrix(const std::vector<RowOperation<T>>&, std::size_t);   \
    EXTERN template Matrix<T> apply_row_operations(Matrix<T>, const std::vector<RowOperation<T>>&,  \
                                                   trace::Trace*);                                  \
    EXTERN template std::vector<RowOperation<T>> parse_row_operations(std::string_view, std::size_t);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_ROW_OPS_INSTANCES)

}  // namespace showwork
