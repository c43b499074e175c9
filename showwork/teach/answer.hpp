// The working's last line, "answer: …", read and judged.
//
//   --goal solve     answer: x = 0, y = 2      every unknown once, in any order (x, y, z up to
//                                              three unknowns; x1 … xn or x_1 … x_n always)
//                    answer: none              the system has no solution
//   --goal inverse   answer: [-5/2 3/2; 2 -1]  A⁻¹ (brackets optional)
//                    answer: singular          A has no inverse
//   --goal det       answer: det = -2          det A (also "det A = -2", or the number alone)
//
// The right answer is the library's: solve of the start as (A | b), inverse of A.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "showwork/matrix/determinant.hpp"
#include "showwork/matrix/parse.hpp"
#include "showwork/solvers/linear_system.hpp"
#include "showwork/teach/goal.hpp"
#include "showwork/teach/working.hpp"
#include "showwork/text.hpp"

namespace showwork::teach {

namespace teach_detail {

inline std::string lowercase_trimmed(std::string_view text) {
    std::string s = trimmed(text);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The index of unknown `name` among n: x, y, z (n ≤ 3), x1 … xn, x_1 … x_n; n when none.
inline std::size_t unknown_index(const std::string& name, std::size_t n) {
    static const char* const letters[] = {"x", "y", "z"};
    for (std::size_t j = 0; j < n && j < 3 && n <= 3; ++j)
        if (name == letters[j]) return j;
    for (std::size_t j = 0; j < n; ++j)
        if (name == "x" + std::to_string(j + 1) || name == "x_" + std::to_string(j + 1)) return j;
    return n;
}

inline std::string unknown_name(std::size_t j, std::size_t n) {
    static const char* const letters[] = {"x", "y", "z"};
    return n <= 3 ? letters[j] : "x" + std::to_string(j + 1);
}

// "x = 0, y = 2" as the n values in order; ParseError naming the line otherwise.
template <Scalar T>
std::vector<T> answer_values(const std::string& text, std::size_t n, const Working& working) {
    const std::string where = working.where(working.answer_line) + "the answer: ";
    std::vector<std::optional<T>> values(n);
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string part = text.substr(start, comma - start);
        start = comma + 1;
        const std::size_t eq = part.find('=');
        if (eq == std::string::npos) {
            throw ParseError(where + quoted_token(part) + " is not 'name = value' (e.g. 'x = 0, y = 2', or 'none')",
                             working.answer_line);
        }
        const std::string name = lowercase_trimmed(part.substr(0, eq));
        const std::size_t j = unknown_index(name, n);
        if (j == n) {
            throw ParseError(where + quoted_token(name) + " is not an unknown of the system (they are " +
                                 unknown_name(0, n) + " … " + unknown_name(n - 1, n) + ")", working.answer_line);
        }
        if (values[j]) throw ParseError(where + name + " is given twice", working.answer_line);
        try {
            values[j] = parse_scalar<T>(lowercase_trimmed(part.substr(eq + 1)));
        } catch (const Error& e) {
            throw ParseError(where + name + ": " + e.what(), working.answer_line);
        }
    }
    std::vector<T> out;
    for (std::size_t j = 0; j < n; ++j) {
        if (!values[j]) throw ParseError(where + "no value for " + unknown_name(j, n), working.answer_line);
        out.push_back(*values[j]);
    }
    return out;
}

template <Scalar T>
Judgement judge_solve_answer(const Matrix<T>& start, const std::string& text, const Working& working) {
    const std::size_t n = start.cols() - 1;
    const Matrix<T> A = columns(start, 0, n), b = columns(start, n, 1);
    const Solution<T> s = solve(A, b);
    const bool says_none = lowercase_trimmed(text) == "none" || lowercase_trimmed(text) == "no solution";
    if (says_none) {
        if (s.kind == SolutionKind::none) return {true, "the answer is right: the system has no solution (" + s.evidence() + ")."};
        return {false, "the answer is wrong: the system has " +
                           std::string(s.kind == SolutionKind::unique ? "a solution" : "infinitely many solutions") + "."};
    }
    const std::vector<T> x = answer_values<T>(text, n, working);
    if (s.kind == SolutionKind::none) return {false, "the answer is wrong: the system has no solution (" + s.evidence() + ")."};
    if (s.kind == SolutionKind::infinite) {
        return {false, "the answer is incomplete: the system has infinitely many solutions, with " +
                           std::to_string(s.free_variables.size()) + " free variable(s); the answer names one point."};
    }
    std::vector<std::string> wrong;
    for (std::size_t j = 0; j < n; ++j) {
        if (!same_value(x[j], s.particular(j, 0))) {
            wrong.push_back(unknown_name(j, n) + " is " + scalar_text(s.particular(j, 0)) + ", not " + scalar_text(x[j]));
        }
    }
    if (wrong.empty()) return {true, "the answer is right."};
    std::string all;
    for (const auto& w : wrong) all += (all.empty() ? "" : "; ") + w;
    return {false, "the answer is wrong: " + all + "."};
}

template <Scalar T>
Judgement judge_inverse_answer(const Matrix<T>& start, const std::string& text, const Working& working) {
    const std::size_t n = start.rows();
    const Matrix<T> A = columns(start, 0, n);
    std::optional<Matrix<T>> Ainv;
    try {
        Ainv = inverse(A);
    } catch (const SingularError&) {
    }
    if (lowercase_trimmed(text) == "singular" || lowercase_trimmed(text) == "none") {
        if (!Ainv) return {true, "the answer is right: A is singular."};
        return {false, "the answer is wrong: A is invertible."};
    }
    Matrix<T> X;
    try {
        std::string plain = text;
        if (plain.find("[[") == std::string::npos) std::replace(plain.begin(), plain.end(), '|', ' ');
        if (!plain.empty() && plain.front() == '[' && plain.find("[[") == std::string::npos) plain = plain.substr(1);
        if (!plain.empty() && plain.back() == ']' && plain.find("[[") == std::string::npos) plain.pop_back();
        X = parse_matrix<T>(plain);
    } catch (const ParseError& e) {
        throw ParseError(working.where(working.answer_line) + "the answer: " + e.what(), working.answer_line);
    }
    if (X.rows() != n || X.cols() != n) {
        throw ParseError(working.where(working.answer_line) + "the answer is a " + X.shape() + " matrix, the inverse of A is " +
                             shape_text(n, n), working.answer_line);
    }
    if (!Ainv) return {false, "the answer is wrong: A is singular and has no inverse."};
    const auto diffs = differences(*Ainv, X);
    if (diffs.empty()) return {true, "the answer is right: it is the inverse of A."};
    return {false, "the answer is wrong: the inverse of A has " + scalar_text(diffs[0].expected) + " in row " +
                       std::to_string(diffs[0].row + 1) + ", column " + std::to_string(diffs[0].col + 1) +
                       ", not " + scalar_text(diffs[0].written) + "."};
}

// "det = -2", "det A = -2", "det(A) = -2" or "-2" against det A.
template <Scalar T>
Judgement judge_det_answer(const Matrix<T>& start, const std::string& text, const Working& working) {
    std::string value = text;
    if (const std::size_t eq = text.find('='); eq != std::string::npos) {
        std::string name = lowercase_trimmed(text.substr(0, eq));
        name.erase(std::remove_if(name.begin(), name.end(), [](char c) { return c == ' ' || c == '(' || c == ')'; }),
                   name.end());
        if (name != "det" && name != "deta") {
            throw ParseError(working.where(working.answer_line) + "the answer: " + quoted_token(name) +
                                 " is not det A (write 'det = -2')", working.answer_line);
        }
        value = text.substr(eq + 1);
    }
    T d;
    try {
        d = parse_scalar<T>(lowercase_trimmed(value));
    } catch (const Error& e) {
        throw ParseError(working.where(working.answer_line) + "the answer: " + e.what(), working.answer_line);
    }
    const T right = determinant(start);
    if (same_value(d, right)) return {true, "the answer is right: det A = " + scalar_text(right) + "."};
    return {false, "the answer is wrong: det A = " + scalar_text(right) + ", not " + scalar_text(d) + "."};
}

}  // namespace teach_detail

// The working's answer against the library's; ParseError naming the line for an answer that
// cannot be read, or one given for a goal without an answer (ref, rref).
template <Scalar T>
Judgement judge_answer(const Matrix<T>& start, Goal goal, const Working& working) {
    const std::string& text = *working.answer;
    if (goal == Goal::solve) return teach_detail::judge_solve_answer(start, text, working);
    if (goal == Goal::inverse) return teach_detail::judge_inverse_answer(start, text, working);
    if (goal == Goal::det) return teach_detail::judge_det_answer(start, text, working);
    throw ParseError(working.where(working.answer_line) + "an answer is read with --goal solve, inverse or det, "
                                                          "not --goal " + std::string(goal_name(goal)),
                     working.answer_line);
}

}  // namespace showwork::teach
