// The working's last line, "answer: …", read and judged.
//
//   --goal solve     answer: x = 0, y = 2      every unknown once, in any order (x, y, z up to
//                                              three unknowns; x1 … xn or x_1 … x_n always)
//                    answer: x = 2 - 3t, y = t infinitely many: each a number plus multiples
//                                              of parameters, or of the free unknowns
//                                              (x = 2 - 3z, y = 1 + z, z free)
//                    answer: none              the system has no solution
//   --goal inverse   answer: [-5/2 3/2; 2 -1]  A⁻¹ (brackets optional)
//                    answer: singular          A has no inverse
//   --goal det       answer: det = -2          det A (also "det A = -2", or the number alone)
//
// The right answer is the library's: solve of the start as (A | b), inverse of A.
#pragma once

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>
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

// A value as a student writes one: a number plus multiples of names (a letter, perhaps with an
// index: t, s, t2, x_1), "2 - 3t", "-1 + 2s - t", "(1/2)t", "1/2 z", "3*t".
template <Scalar T>
struct Affine {
    T constant = T(0);
    std::vector<std::pair<std::string, T>> terms;  // (name, coefficient), each name once
    void add(const std::string& name, const T& c) {
        for (auto& [n, v] : terms)
            if (n == name) return void(v += c);
        terms.push_back({name, c});
    }
};

// The affine value of `text`; std::nullopt when it is not one.
template <Scalar T>
std::optional<Affine<T>> parse_affine(std::string_view text) {
    std::string s;
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '*') s += c;
    if (s.empty()) return std::nullopt;
    Affine<T> value;
    for (std::size_t i = 0; i < s.size();) {
        bool negative = false;
        if (s[i] == '+' || s[i] == '-') negative = s[i++] == '-';
        else if (i > 0) return std::nullopt;  // terms are joined by + or -
        std::string number;
        if (i < s.size() && s[i] == '(') {  // (1/2)t
            const std::size_t close = s.find(')', i);
            if (close == std::string::npos) return std::nullopt;
            number = s.substr(i + 1, close - i - 1);
            i = close + 1;
        } else {
            while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '/' || s[i] == '.')) number += s[i++];
        }
        std::string name;
        if (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) {  // a letter, an index: t, t2, x_1
            name += s[i++];
            if (i < s.size() && s[i] == '_') name += s[i++];
            while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) name += s[i++];
            if (name.back() == '_') return std::nullopt;
        }
        if (number.empty() && name.empty()) return std::nullopt;
        T c(1);
        try {
            if (!number.empty()) c = parse_scalar<T>(number);
        } catch (const Error&) {
            return std::nullopt;
        }
        if (negative) c = -c;
        if (name.empty()) value.constant += c;
        else value.add(lowercase_trimmed(name), c);
    }
    return value;
}

// "x = 0, y = 2" or "x = 2 - 3t, y = t", "x = 2 - 3z, y = 1 + z, z free": the n values in order,
// each a number plus multiples of parameters. An unknown named on the right of another and
// given no value of its own (or said to be "free") is a parameter itself; one given a value is
// replaced by it. ParseError naming the line otherwise.
template <Scalar T>
std::vector<Affine<T>> answer_values(const std::string& text, std::size_t n, const Working& working) {
    const std::string where = working.where(working.answer_line) + "the answer: ";
    std::vector<std::optional<Affine<T>>> values(n);
    std::vector<bool> free(n, false);
    auto index_of = [&](const std::string& name) {
        const std::size_t j = unknown_index(name, n);
        if (j == n) {
            throw ParseError(where + quoted_token(name) + " is not an unknown of the system (they are " +
                                 unknown_name(0, n) + " … " + unknown_name(n - 1, n) + ")", working.answer_line);
        }
        if (values[j] || free[j]) throw ParseError(where + name + " is given twice", working.answer_line);
        return j;
    };
    for (const std::string& part : split_trimmed(text)) {
        const std::size_t eq = part.find('=');
        if (eq == std::string::npos) {
            const std::string words = lowercase_trimmed(part);  // "z free", "z is free"
            bool said_free = false;
            for (std::string_view suffix : {" is free", " free"}) {
                if (said_free || words.size() <= suffix.size() || !words.ends_with(suffix)) continue;
                free[index_of(trimmed(words.substr(0, words.size() - suffix.size())))] = true;
                said_free = true;
            }
            if (said_free) continue;
            throw ParseError(where + quoted_token(part) + " is not 'name = value' (e.g. 'x = 0, y = 2', "
                                 "'x = 2 - 3t, y = t', or 'none')", working.answer_line);
        }
        const std::string name = lowercase_trimmed(part.substr(0, eq));
        const std::size_t j = index_of(name);
        values[j] = parse_affine<T>(part.substr(eq + 1));
        if (!values[j]) {
            throw ParseError(where + name + ": " + quoted_token(trimmed(part.substr(eq + 1))) +
                                 " is not a number or a number plus multiples of parameters (2 - 3t)", working.answer_line);
        }
    }
    // an unknown on the right of another: a parameter when it has no value (or is free), else
    // its value in its place
    std::vector<Affine<T>> out(n);
    for (std::size_t j = 0; j < n; ++j) {
        if (!values[j]) continue;
        for (const auto& [name, c] : values[j]->terms) {
            const std::size_t k = unknown_index(name, n);
            if (k == n || !values[k] || k == j) {
                out[j].add(name, c);
                continue;
            }
            if (!values[k]->terms.empty() && std::any_of(values[k]->terms.begin(), values[k]->terms.end(), [&](const auto& t) {
                    return unknown_index(t.first, n) != n;
                })) {
                throw ParseError(where + unknown_name(j, n) + " is written with " + name +
                                     ", which is written with another unknown: write each in parameters alone",
                                 working.answer_line);
            }
            out[j].constant += c * values[k]->constant;
            for (const auto& [p, d] : values[k]->terms) out[j].add(p, c * d);
        }
        out[j].constant += values[j]->constant;
    }
    for (std::size_t j = 0; j < n; ++j) {
        if (values[j]) continue;
        bool named = free[j];
        for (std::size_t i = 0; i < n && !named; ++i)
            if (values[i])
                for (const auto& t : values[i]->terms) named = named || t.first == unknown_name(j, n);
        if (!named) throw ParseError(where + "no value for " + unknown_name(j, n), working.answer_line);
        out[j].add(unknown_name(j, n), T(1));  // a free unknown: itself
    }
    return out;
}

// A family x = p + D q against the solution set of A x = b: p must solve it, each column of D
// solve A d = 0, and D must have as many independent columns as there are free variables.
template <Scalar T>
Judgement judge_family(const Matrix<T>& A, const Matrix<T>& b, const Solution<T>& s, const std::vector<Affine<T>>& x) {
    const std::size_t n = A.cols();
    std::vector<std::string> parameters;
    for (const auto& v : x)
        for (const auto& [name, c] : v.terms)
            if (std::find(parameters.begin(), parameters.end(), name) == parameters.end()) parameters.push_back(name);
    Matrix<T> p(n, 1), D(n, parameters.size());
    for (std::size_t j = 0; j < n; ++j) {
        p(j, 0) = x[j].constant;
        for (const auto& [name, c] : x[j].terms)
            D(j, static_cast<std::size_t>(std::find(parameters.begin(), parameters.end(), name) - parameters.begin())) = c;
    }
    auto unsatisfied = [&](const Matrix<T>& lhs, const Matrix<T>& rhs) -> std::size_t {
        for (std::size_t i = 0; i < lhs.rows(); ++i)
            if (!same_value(lhs(i, 0), rhs(i, 0))) return i + 1;
        return 0;
    };
    if (s.kind == SolutionKind::none) return {false, "the answer is wrong: the system has no solution (" + s.evidence() + ")."};
    if (std::size_t i = unsatisfied(A * p, b)) {
        return {false, "the answer is wrong: with every parameter 0 it gives a point that does not satisfy equation " +
                           std::to_string(i) + "."};
    }
    for (std::size_t q = 0; q < parameters.size(); ++q) {
        if (std::size_t i = unsatisfied(A * columns(D, q, 1), Matrix<T>(A.rows(), 1))) {
            return {false, "the answer is wrong: moving " + parameters[q] + " by 1 leaves the solutions (equation " +
                               std::to_string(i) + " changes)."};
        }
    }
    const std::size_t found = rank(D), wanted = n - s.rank;
    if (found < wanted) {
        return {false, "the answer is incomplete: it describes " + std::to_string(found) + " free direction(s); the "
                           "solution set has " + std::to_string(wanted) + "."};
    }
    return {true, "the answer is right: every solution, with " + std::to_string(wanted) + " free parameter(s)."};
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
    const std::vector<Affine<T>> values = answer_values<T>(text, n, working);
    const bool parametric = std::any_of(values.begin(), values.end(), [](const Affine<T>& v) { return !v.terms.empty(); });
    if (parametric) return judge_family(A, b, s, values);
    if (s.kind == SolutionKind::none) return {false, "the answer is wrong: the system has no solution (" + s.evidence() + ")."};
    if (s.kind == SolutionKind::infinite) {
        return {false, "the answer is incomplete: the system has infinitely many solutions, with " +
                           std::to_string(s.free_variables.size()) + " free variable(s); the answer names one point."};
    }
    std::vector<std::string> wrong;
    for (std::size_t j = 0; j < n; ++j) {
        if (!same_value(values[j].constant, s.particular(j, 0))) {
            wrong.push_back(unknown_name(j, n) + " is " + scalar_text(s.particular(j, 0)) + ", not " +
                            scalar_text(values[j].constant));
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
