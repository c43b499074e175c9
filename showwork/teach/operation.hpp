// A student's operation read in a scalar, and what kind of step it is.
//
//   R_i ↔ R_j                    interchange                        elementary
//   R_i → c R_i        (c ≠ 0)    scaling                            elementary
//   R_i → R_i + c R_j  (i ≠ j)    replacement                        elementary
//   R_i → R_i + Σ b_k R_k         several replacements at once                     allowed
//   R_i → a R_i + Σ b_k R_k       a ≠ 0, 1: a combination with the target row scaled — not
//                                elementary, yet invertible, so it keeps the solution set
//   R_i → 0 R_i + Σ b_k R_k      the row R_i is lost: not invertible, the solution set can change
#pragma once

#include <string>
#include <vector>

#include "showwork/error.hpp"
#include "showwork/matrix/parse.hpp"
#include "showwork/matrix/row_ops.hpp"
#include "showwork/teach/working.hpp"
#include "showwork/trace/render.hpp"

namespace showwork::teach {

enum class OperationKind { elementary, replacements, scaled_combination, row_lost };

template <Scalar T>
struct StudentOperation {
    OperationKind kind = OperationKind::elementary;
    RowOperation<T> elementary;       // kind elementary
    std::size_t target = 0;           // otherwise: row `target` becomes Σ_k coefficients[k] R_k
    std::vector<T> coefficients;
    trace::Math math;                 // as the notes write it: R_2 \to 3R_1 - R_2
    std::string what_is_wrong;        // empty for an elementary operation or several replacements

    bool is_mistake() const { return kind == OperationKind::scaled_combination || kind == OperationKind::row_lost; }

    // A ← (this operation) A.
    void apply(Matrix<T>& A) const {
        if (kind == OperationKind::elementary) return elementary.apply(A);
        std::vector<T> row(A.cols(), T(0));
        for (std::size_t k = 0; k < coefficients.size(); ++k) {
            if (coefficients[k] == 0) continue;
            for (std::size_t j = 0; j < A.cols(); ++j) row[j] += coefficients[k] * A(k, j);
        }
        for (std::size_t j = 0; j < A.cols(); ++j) A(target, j) = std::move(row[j]);
    }
};

namespace teach_detail {

// c R_k with the sign written into the sum, as RowOperation::to_math writes a replacement.
template <Scalar T>
trace::Math term_math(const T& c, std::size_t k, bool first) {
    if (c < 0 && !first) return trace::negate(showwork::detail::multiple_of_row(T(-c), k));
    return showwork::detail::multiple_of_row(c, k);
}

template <Scalar T>
trace::Math combination_math(std::size_t target, const std::vector<T>& coefficients) {
    std::vector<trace::Math> terms;
    for (std::size_t k = 0; k < coefficients.size(); ++k)
        if (coefficients[k] != 0) terms.push_back(term_math(coefficients[k], k, terms.empty()));
    if (terms.empty()) terms.push_back(showwork::detail::multiple_of_row(T(0), target));  // R_i → 0R_i
    trace::Math right = terms.size() == 1 ? std::move(terms[0]) : trace::sum(std::move(terms));
    return trace::relation(trace::indexed("R", target + 1), trace::Rel::to, std::move(right));
}

}  // namespace teach_detail

// The operation `op` of the working's line `line` in a matrix of `rows` rows. Throws ParseError
// naming the line for a row outside 1..rows or a coefficient that is not a number.
template <Scalar T>
StudentOperation<T> read_operation(const WrittenOperation& op, std::size_t rows, const Working& working,
                                   std::size_t line) {
    auto check_row = [&](std::size_t r) {
        if (r == 0 || r > rows) {
            throw ParseError(working.where(line) + quoted_token(op.written) + ": unknown row R" + std::to_string(r) +
                                 " in a " + std::to_string(rows) + "-row matrix",
                             line);
        }
        return r - 1;
    };
    StudentOperation<T> out;
    const std::size_t i = check_row(op.target);
    if (op.interchange) {
        out.elementary = RowOperation<T>::interchange(i, check_row(op.other));
        out.math = out.elementary.to_math();
        return out;
    }
    // R_i → Σ c_k R_k, a row written twice counted once: R1 -> R1 + 2R1 is 3R1
    std::vector<T> c(rows, T(0));
    for (const auto& [text, row] : op.terms) {
        const std::size_t k = check_row(row);
        try {
            c[k] += parse_scalar<T>(text);
        } catch (const Error& e) {
            throw ParseError(working.where(line) + quoted_token(op.written) + ": bad coefficient: " + e.what(), line);
        }
    }
    std::vector<std::size_t> others;
    for (std::size_t k = 0; k < rows; ++k)
        if (k != i && c[k] != 0) others.push_back(k);
    const T a = c[i];
    if (a != 0 && others.empty()) {
        out.elementary = RowOperation<T>::scaling(i, a);
    } else if (a == 1 && others.size() == 1) {
        out.elementary = RowOperation<T>::replacement(i, others[0], c[others[0]]);
    } else {
        out.target = i;
        out.coefficients = c;
        out.math = teach_detail::combination_math(i, c);
        const std::string R = trace::subscripted("R", i + 1);
        if (a == 1) {
            out.kind = OperationKind::replacements;  // R_i + b R_j + c R_k: one replacement after another
        } else if (a == 0 && others.empty()) {
            out.kind = OperationKind::row_lost;
            out.what_is_wrong = "an illegal operation: it scales " + R + " by 0, so the row is lost and the solution "
                                "set can change (a scaling needs c ≠ 0)";
        } else if (a == 0) {
            out.kind = OperationKind::row_lost;
            out.what_is_wrong = "an illegal operation: " + R + " is replaced by a combination of other rows, so " + R +
                                " is lost (its coefficient is 0) and the solution set can change";
        } else {
            out.kind = OperationKind::scaled_combination;
            out.what_is_wrong = "not an elementary replacement: a combination with the target row " + R +
                                " scaled by " + scalar_text(a) + " (a replacement keeps " + R +
                                "'s coefficient 1). It preserves the solution set because that coefficient is not 0: "
                                "it is " + R + " → " + trace::to_text(showwork::detail::multiple_of_row(a, i)) +
                                " followed by a replacement";
        }
        return out;
    }
    out.math = out.elementary.to_math();
    return out;
}

}  // namespace showwork::teach
