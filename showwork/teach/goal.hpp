// What a row reduction is for, and whether its last matrix reaches it.
//
//   ref       the last matrix is in row echelon form
//   rref      … in reduced row echelon form
//   solve     (A | b) reduced to a row echelon form, from which back substitution reads x
//   inverse   (A | I) reduced to (I | A⁻¹) — or, for a singular A, to a left half with a zero row
//   det       a square A reduced to a row echelon form, which is triangular: det A is ± its
//             diagonal's product divided by the scalings, the sign (−1)^(interchanges)
#pragma once

#include <string>
#include <string_view>

#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/echelon.hpp"
#include "showwork/matrix/inverse.hpp"
#include "showwork/teach/slips.hpp"

namespace showwork::teach {

enum class Goal { ref, rref, solve, inverse, det };
std::string_view goal_name(Goal goal);  // "ref", "rref", "solve", "inverse", "det"
Goal parse_goal(std::string_view name);  // InputError for another name

struct Judgement {
    bool right = false;
    std::string verdict;  // a sentence
};

namespace teach_detail {

// The first leading entry of each row: its column, or cols for a zero row.
template <Scalar T>
std::size_t leading_column(const Matrix<T>& A, std::size_t i) {
    std::size_t j = 0;
    while (j < A.cols() && A(i, j) == 0) ++j;
    return j;
}

// Why A is not in (reduced) row echelon form: the first rule it breaks, in words.
template <Scalar T>
std::string echelon_flaw(const Matrix<T>& A, bool reduced) {
    for (std::size_t i = 1; i < A.rows(); ++i) {
        const std::size_t above = leading_column(A, i - 1), here = leading_column(A, i);
        if (here == A.cols()) continue;
        if (above == A.cols()) return "row " + std::to_string(i) + " is zero but row " + std::to_string(i + 1) + " below it is not";
        if (here <= above) {
            return "the leading entry of row " + std::to_string(i + 1) + " (column " + std::to_string(here + 1) +
                   ") is not right of row " + std::to_string(i) + "'s (column " + std::to_string(above + 1) + ")";
        }
    }
    if (!reduced) return {};
    for (std::size_t i = 0; i < A.rows(); ++i) {
        const std::size_t p = leading_column(A, i);
        if (p == A.cols()) continue;
        if (A(i, p) != 1) return "the leading entry of row " + std::to_string(i + 1) + " is " + scalar_text(A(i, p)) + ", not 1";
        for (std::size_t k = 0; k < A.rows(); ++k) {
            if (k != i && A(k, p) != 0) {
                return "column " + std::to_string(p + 1) + " holds the leading 1 of row " + std::to_string(i + 1) +
                       " but also " + scalar_text(A(k, p)) + " in row " + std::to_string(k + 1);
            }
        }
    }
    return {};
}

}  // namespace teach_detail

// Whether `last`, reached from `start` (for inverse: (A | I)), is what `goal` asks.
template <Scalar T>
Judgement judge_goal(const Matrix<T>& start, const Matrix<T>& last, Goal goal) {
    using teach_detail::echelon_flaw;
    const std::string asks = std::string(", as --goal ") + std::string(goal_name(goal)) + " asks";
    switch (goal) {
        case Goal::ref:
        case Goal::solve:
        case Goal::det:
            if (is_row_echelon(last)) {
                return {true, "The last matrix is in row echelon form" +
                                  std::string(goal == Goal::solve ? ": back substitution reads the solution off it."
                                              : goal == Goal::det ? ", triangular: det is read off its diagonal."
                                                                  : asks + ".")};
            }
            return {false, "The last matrix is not in row echelon form: " + echelon_flaw(last, false) + "."};
        case Goal::rref:
            if (is_reduced_row_echelon(last)) return {true, "The last matrix is in reduced row echelon form" + asks + "."};
            return {false, "The last matrix is not in reduced row echelon form: " + echelon_flaw(last, true) + "."};
        case Goal::inverse: {
            const std::size_t n = last.rows();
            const Matrix<T> left = columns(last, 0, n), right = columns(last, n, last.cols() - n);
            const Matrix<T> A = columns(start, 0, n);
            bool singular = false;
            Matrix<T> Ainv;
            try {
                Ainv = inverse(A);
            } catch (const SingularError&) {
                singular = true;
            }
            if (teach_detail::same_matrix(left, Matrix<T>::identity(n))) {
                if (!singular && teach_detail::same_matrix(right, Ainv))
                    return {true, "The last matrix is (I | X): its right half X is the inverse of A."};
                return {false, "The last matrix is (I | X), but X is not the inverse of A: A X ≠ I."};
            }
            for (std::size_t i = 0; i < n; ++i) {
                if (teach_detail::leading_column(left, i) == n && singular && is_row_echelon(left)) {
                    return {true, "The left half has a zero row: A is singular and has no inverse."};
                }
            }
            return {false, "The left half of the last matrix is not the identity: the reduction to (I | X) is "
                           "not finished."};
        }
    }
    return {};
}

}  // namespace showwork::teach
