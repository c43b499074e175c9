// Why a written matrix differs from what the operations give: the slips a student makes.
//
// B is the matrix before the line, ops its operations, E = ops(B) what they give, W what the
// student wrote. The causes are tried in this order, the first that explains W exactly wins:
//
//   sign slip         W is ops(B) with one operation's c replaced by −c (R_i − c R_j for
//                     R_i + c R_j), or every entry that differs has the wrong sign (W = −E there)
//   multiplier        W is ops(B) with one operation's c replaced by some c′: the result is
//                     affine in c′, F(c′) = F(0) + c′ (F(1) − F(0)), so one differing entry
//                     gives c′ and every entry must agree
//   wrong row         W is ops(B) with one operation applied to other rows
//   partial update    every entry that differs still holds its value in B: the row was only
//                     partly updated (or not at all)
//   arithmetic slip   one entry differs, for none of the reasons above
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "showwork/matrix/evidence.hpp"
#include "showwork/teach/operation.hpp"

namespace showwork::teach {

enum class Slip { none, sign, multiplier, wrong_row, partial_update, arithmetic, unexplained };
std::string_view slip_name(Slip slip);  // "sign_slip", "multiplier", …

// An entry the student wrote that the operations do not give (0-based row and column).
template <Scalar T>
struct Difference {
    std::size_t row = 0, col = 0;
    T expected, written;
};

// Equal exactly for an exact scalar; for a floating one within √ε relative to the larger.
template <Scalar T>
bool same_value(const T& a, const T& b) {
    if constexpr (ScalarTraits<T>::exact) {
        return a == b;
    } else {
        using std::abs, std::sqrt, std::max;
        const T scale = max(T(1), max(abs(a), abs(b)));
        return abs(a - b) <= sqrt(ScalarTraits<T>::epsilon()) * scale;
    }
}

template <Scalar T>
std::vector<Difference<T>> differences(const Matrix<T>& expected, const Matrix<T>& written) {
    std::vector<Difference<T>> out;
    for (std::size_t i = 0; i < expected.rows(); ++i)
        for (std::size_t j = 0; j < expected.cols(); ++j)
            if (!same_value(expected(i, j), written(i, j))) out.push_back({i, j, expected(i, j), written(i, j)});
    return out;
}

template <Scalar T>
struct Diagnosis {
    Slip slip = Slip::unexplained;
    std::string why;  // "a sign slip", "the multiplier is off: you used 3, not 2"
};

namespace teach_detail {

template <Scalar T>
bool same_matrix(const Matrix<T>& a, const Matrix<T>& b) {
    return differences(a, b).empty();
}

// ops(B) with operation k replaced by `variant`.
template <Scalar T>
Matrix<T> apply_with(Matrix<T> B, const std::vector<StudentOperation<T>>& ops, std::size_t k,
                     const std::optional<RowOperation<T>>& variant = std::nullopt) {
    for (std::size_t q = 0; q < ops.size(); ++q) {
        if (q == k && variant) variant->apply(B);
        else ops[q].apply(B);
    }
    return B;
}

template <Scalar T>
RowOperation<T> with_factor(RowOperation<T> op, T c) {
    op.factor = std::move(c);  // scaling by 0 included: F(0) of the affine family
    return op;
}

// "2", "2 and 3", "1, 2 and 3"
inline std::string listed(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t k = 0; k < items.size(); ++k)
        out += (k == 0 ? "" : k + 1 == items.size() ? " and " : ", ") + items[k];
    return out;
}

template <Scalar T>
std::string op_text(const RowOperation<T>& op) {
    return trace::to_text(op.to_math());
}

// The c′ with ops(B) = W when operation k's factor is c′, if there is one.
template <Scalar T>
std::optional<T> factor_that_gives(const Matrix<T>& B, const std::vector<StudentOperation<T>>& ops, std::size_t k,
                                   const Matrix<T>& W) {
    const RowOperation<T>& op = ops[k].elementary;
    const Matrix<T> F0 = apply_with(B, ops, k, std::optional(with_factor(op, T(0))));
    const Matrix<T> F1 = apply_with(B, ops, k, std::optional(with_factor(op, T(1))));
    for (std::size_t p = 0; p < W.size(); ++p) {
        const T slope = F1.entries()[p] - F0.entries()[p];
        if (slope == 0) continue;
        T c = (W.entries()[p] - F0.entries()[p]) / slope;
        if (same_matrix(apply_with(B, ops, k, std::optional(with_factor(op, c))), W)) return c;
        return std::nullopt;
    }
    return std::nullopt;
}

// Operation k applied elsewhere: another target row, the rows' roles swapped, another pair.
template <Scalar T>
std::vector<RowOperation<T>> elsewhere(const RowOperation<T>& op, std::size_t rows) {
    std::vector<RowOperation<T>> out;
    for (std::size_t t = 0; t < rows; ++t) {
        for (std::size_t s = 0; s < rows; ++s) {
            RowOperation<T> v = op;
            v.target = t;
            v.source = op.kind == RowOpKind::scaling ? t : s;
            if (v == op || (op.kind != RowOpKind::scaling && t == s)) continue;
            if (op.kind == RowOpKind::scaling && s > 0) continue;
            if (op.kind == RowOpKind::interchange && t > s) continue;
            out.push_back(std::move(v));
        }
    }
    return out;
}

// "5 − 2 · 3 = −1": how the entry (i, j) of R_i → R_i + c R_j is computed.
template <Scalar T>
std::string entry_arithmetic(const RowOperation<T>& op, const Matrix<T>& B, std::size_t j, const T& result) {
    auto paren = [](const T& x) { return x < 0 ? "(" + scalar_text(x) + ")" : scalar_text(x); };
    if (op.kind == RowOpKind::scaling) return paren(op.factor) + " · " + paren(B(op.target, j)) + " = " + scalar_text(result);
    const T size = op.factor < 0 ? T(-op.factor) : op.factor;
    return scalar_text(B(op.target, j)) + (op.factor < 0 ? " − " : " + ") + coefficient_text(scalar_text(size)) +
           " · " + paren(B(op.source, j)) + " = " + scalar_text(result);
}

}  // namespace teach_detail

// Why W differs from E = ops(B); `diffs` are their differing entries (not empty).
template <Scalar T>
Diagnosis<T> diagnose(const Matrix<T>& B, const std::vector<StudentOperation<T>>& ops, const Matrix<T>& W,
                      const std::vector<Difference<T>>& diffs) {
    using namespace teach_detail;
    // 1. and 2. one operation's factor: −c is a sign slip, another c′ a multiplier that is off
    for (std::size_t k = 0; k < ops.size(); ++k) {
        const RowOperation<T>& op = ops[k].elementary;
        if (ops[k].kind != OperationKind::elementary || op.kind == RowOpKind::interchange) continue;
        std::optional<T> c = factor_that_gives(B, ops, k, W);
        if (!c || *c == 0) continue;
        const RowOperation<T> used = with_factor(op, *c);
        if (*c == -op.factor) {
            const bool adds = op.factor > 0;
            return {Slip::sign, "a sign slip: what you wrote is " + op_text(used) + ", you " +
                                    (adds ? "subtracted where the operation adds" : "added where the operation subtracts")};
        }
        return {Slip::multiplier, "the multiplier is off: what you wrote is " + op_text(used) + ", with " +
                                      scalar_text(*c) + " where the operation has " + scalar_text(op.factor)};
    }
    // 3. the right operation on the wrong rows
    if (B.rows() <= 12) {
        for (std::size_t k = 0; k < ops.size(); ++k) {
            if (ops[k].kind != OperationKind::elementary) continue;
            for (const RowOperation<T>& v : elsewhere(ops[k].elementary, B.rows())) {
                if (v.kind == RowOpKind::replacement && v.source == v.target) continue;
                if (same_matrix(apply_with(B, ops, k, std::optional(v)), W)) {
                    return {Slip::wrong_row, "the operation is applied to the wrong row: what you wrote is " +
                                                 op_text(v) + ", not " + op_text(ops[k].elementary)};
                }
            }
        }
    }
    // 4. entries left as they were
    bool all_old = true;
    for (const auto& d : diffs) all_old = all_old && same_value(d.written, B(d.row, d.col));
    if (all_old) {
        const Matrix<T> E = apply_with(B, ops, ops.size());
        std::vector<std::string> rows, columns;
        bool whole_rows = true;  // every entry the operations change in those rows was left as it was
        for (const auto& d : diffs) {
            columns.push_back(std::to_string(d.col + 1));
            if (rows.empty() || rows.back() != std::to_string(d.row + 1)) rows.push_back(std::to_string(d.row + 1));
            for (std::size_t j = 0; j < B.cols(); ++j)
                whole_rows = whole_rows && (same_value(B(d.row, j), E(d.row, j)) || same_value(B(d.row, j), W(d.row, j)));
        }
        const std::string row_words = (rows.size() > 1 ? "rows " : "row ") + listed(rows);
        if (whole_rows) return {Slip::partial_update, row_words + " not updated: you copied the old entries"};
        if (rows.size() > 1) {  // the entries by (row, column)
            columns.clear();
            for (const auto& d : diffs) columns.push_back("(" + std::to_string(d.row + 1) + ", " + std::to_string(d.col + 1) + ")");
            return {Slip::partial_update, "only some entries of " + row_words + " updated: you kept the old entries " +
                                              "at (row, column) " + listed(columns)};
        }
        return {Slip::partial_update, "only some entries of " + row_words + " updated: in column" +
                                          (columns.size() > 1 ? "s " : " ") + listed(columns) +
                                          " you kept the old entries"};
    }
    // 5. entries with the wrong sign, or one entry computed wrong
    bool all_negated = true;
    for (const auto& d : diffs) all_negated = all_negated && d.expected != 0 && same_value(d.written, T(-d.expected));
    if (all_negated) return {Slip::sign, diffs.size() == 1 ? "a sign slip" : "sign slips"};
    if (diffs.size() == 1) {
        const auto& d = diffs[0];
        if (ops.size() == 1 && ops[0].kind == OperationKind::elementary &&
            ops[0].elementary.kind != RowOpKind::interchange && ops[0].elementary.target == d.row) {
            return {Slip::arithmetic, "an arithmetic slip: " + entry_arithmetic(ops[0].elementary, B, d.col, d.expected)};
        }
        return {Slip::arithmetic, "an arithmetic slip in that entry"};
    }
    return {Slip::unexplained, std::to_string(diffs.size()) + " entries differ, and no single slip explains them"};
}

}  // namespace showwork::teach
