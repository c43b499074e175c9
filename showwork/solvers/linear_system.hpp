// Linear systems A x = b: unique, infinitely many, or no solution — with the evidence.
//
// solve() row reduces (A | b) (the elimination core, pivots only among A's columns) and reads:
//   • a row (0 … 0 | c) with c ≠ 0: no solution. The row is a combination of the ORIGINAL
//     equations with the coefficients of row k of E, E (A | b) = R, E built from the recorded
//     row operations; the Solution carries them, so "0 = c" can be checked against the input.
//   • a pivot in every column of A: one solution, found by back substitution from the bottom:
//         x_{p_k} = (b'_k − Σ_{j > p_k} r_kj x_j) / r_{k p_k}
//   • otherwise infinitely many: x = p + t d_1 + s d_2 + …, one parameter per free variable
//     (named t, s, r, u, v, w; t_1, t_2, … when there are more than six).
// Every traced solve ends with a check step: the answer substituted back into A x = b.
// Untraced double systems with a square A and partial pivoting take P A = L U (the same
// elimination in blocks, matrix/fast/lu_blocked.hpp) and two triangular solves; a column without a
// pivot sends them back to the path above, which classifies the system.
// b must be a single column (m×1); several right-hand sides are solved one at a time.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/bareiss.hpp"
#include "showwork/matrix/elimination.hpp"
#include "showwork/matrix/lu.hpp"
#include "showwork/matrix/subspaces.hpp"

namespace showwork {

enum class SolutionKind { unique, infinite, none };
std::string_view solution_kind_name(SolutionKind kind);  // "unique", "infinite", "none"

// The name of parameter q of `count`: t, s, r, u, v, w; beyond six: t_1, t_2, …
trace::Math parameter_symbol(std::size_t q, std::size_t count);

template <Scalar T>
struct Solution {
    SolutionKind kind = SolutionKind::none;
    std::size_t rank = 0;
    std::vector<std::size_t> pivot_columns;   // 0-based columns of A with a pivot
    // unique and infinite: x = particular + Σ_q t_q directions[q]
    Matrix<T> particular;                     // n×1
    std::vector<Matrix<T>> directions;        // n×1 each, one per free variable
    std::vector<std::size_t> free_variables;  // 0-based: x_{f+1} is free
    // none: row `inconsistent_row` of the echelon form reads 0 = inconsistent_value, and it is
    // Σ_i combination[i] · (equation i) of the original system.
    std::size_t inconsistent_row = 0;
    T inconsistent_value = T(0);
    std::vector<T> combination;

    // "0 = 5 is (equation 3) - 2·(equation 1): the system has no solution"
    std::string evidence() const;
};

namespace detail {

template <Scalar T>
void require_system_shape(const Matrix<T>& A, const Matrix<T>& b) {
    if (b.rows() != A.rows()) {
        throw ShapeError("cannot solve A x = b with A " + A.shape() + " and b " + b.shape() + ": A has " +
                         std::to_string(A.rows()) + " rows, b has " + std::to_string(b.rows()));
    }
    if (b.cols() != 1) {
        throw ShapeError("b must be one column, not " + b.shape() + " (A is " + A.shape() +
                         "): solve one right-hand side at a time");
    }
}

// x_i = p_i + Σ_q d_qi t_q as a sum ("-4 + 5t").
template <Scalar T>
trace::Math variable_expression(const Solution<T>& s, std::size_t i) {
    std::vector<trace::Math> terms;
    if (s.particular(i, 0) != 0) terms.push_back(showwork::to_math(s.particular(i, 0)));
    for (std::size_t q = 0; q < s.directions.size(); ++q) {
        const T& d = s.directions[q](i, 0);
        if (d == 0) continue;
        trace::Math t = parameter_symbol(q, s.directions.size());
        T size = magnitude(d);
        trace::Math term = size == 1 ? t : trace::product({showwork::to_math(size), t}, "");
        terms.push_back(d < 0 ? trace::negate(std::move(term)) : std::move(term));
    }
    if (terms.empty()) return trace::number("0");
    if (terms.size() == 1 && terms[0].kind != trace::Kind::negate) return terms[0];
    return trace::sum(std::move(terms));
}

// x_{p} = (b'_k − Σ_j r_kj x_j) / r_kp = value, as the student writes it.
template <Scalar T>
trace::Math back_substitution_equation(const Matrix<T>& R, std::size_t k, std::size_t p,
                                       const Matrix<T>& x, const T& value, std::size_t variable) {
    const std::size_t n = R.cols() - 1;
    std::vector<trace::Math> terms{showwork::to_math(R(k, n))};
    for (std::size_t j = p + 1; j < n; ++j) {
        if (R(k, j) == 0) continue;
        trace::Math product = trace::product({factor_math(showwork::to_math(R(k, j))), factor_math(showwork::to_math(x(j, 0)))});
        terms.push_back(trace::negate(std::move(product)));
    }
    trace::Math numerator = terms.size() == 1 ? terms[0] : trace::sum(std::move(terms));
    trace::Math rhs = R(k, p) == 1 ? numerator : trace::fraction(numerator, showwork::to_math(R(k, p)));
    return trace::chain({trace::indexed("x", variable + 1), std::move(rhs), showwork::to_math(value)},
                        {trace::Rel::equals, trace::Rel::equals});
}

// Back substitution in an echelon form R of (A Q | b), pivots given, free variables set to
// `free_values` and b' replaced by zero when `homogeneous`. Column j of R is the unknown
// x_{order[j]} (order is the identity unless pivoting was complete).
template <Scalar T>
Matrix<T> back_substitute(const Matrix<T>& R, const std::vector<std::size_t>& pivots,
                          const Matrix<T>& free_values, bool homogeneous,
                          const std::vector<std::size_t>& order, trace::Trace* trace) {
    const std::size_t n = R.cols() - 1;
    Matrix<T> x = free_values;
    for (std::size_t k = pivots.size(); k-- > 0;) {
        const std::size_t p = pivots[k];
        T sum = homogeneous ? T(0) : R(k, n);
        for (std::size_t j = p + 1; j < n; ++j)
            if (R(k, j) != 0 && x(j, 0) != 0) sum -= R(k, j) * x(j, 0);
        x(p, 0) = T(sum / R(k, p));
        if (trace) {
            trace->add("back_substitution",
                       "Solve equation " + std::to_string(k + 1) + " for " + trace::subscripted("x", order[p] + 1) + ".",
                       std::nullopt, back_substitution_equation(R, k, p, x, x(p, 0), order[p]));
        }
    }
    return x;
}

template <Scalar T>
void add_check_step(const Matrix<T>& A, const Matrix<T>& b, const Solution<T>& s, trace::Trace* trace) {
    if (s.kind == SolutionKind::none) {
        Matrix<T> Ab = augment(A, b);
        Matrix<T> y = Matrix<T>::row(s.combination);
        Matrix<T> combined = y * Ab;
        combined.set_augment(1);
        trace->add("check",
                   "Check: the combination " + combination_text(s.combination, std::string("equation")) +
                       " of the original equations gives 0 = " + scalar_text(s.inconsistent_value) + ".",
                   trace::equals(trace::product({showwork::to_math(y), showwork::to_math(Ab)}, ""),
                                 showwork::to_math(combined)),
                   trace::relation(trace::number("0"), trace::Rel::equals, showwork::to_math(s.inconsistent_value)));
        return;
    }
    Matrix<T> Ax = A * s.particular;
    std::vector<trace::Math> checks{trace::chain(
        {trace::product({showwork::to_math(A), showwork::to_math(s.particular)}, ""), showwork::to_math(Ax), showwork::to_math(b)},
        {trace::Rel::equals, ScalarTraits<T>::exact ? trace::Rel::equals : trace::Rel::approx})};
    for (const auto& d : s.directions) {
        checks.push_back(trace::equals(trace::product({showwork::to_math(A), showwork::to_math(d)}, ""),
                                       showwork::to_math(Matrix<T>(A * d))));
    }
    trace->add("check",
               s.kind == SolutionKind::unique ? "Check: substitute x back into A x = b."
                                              : "Check: A p = b and A d = 0 for every direction d.",
               std::nullopt, checks.size() == 1 ? checks[0] : trace::list(std::move(checks)));
}

// The solution read off a reduced echelon form (pivots 1, zeros above and below).
template <Scalar T>
Solution<T> read_reduced(const Matrix<T>& R, std::vector<std::size_t> pivots) {
    const std::size_t n = R.cols() - 1;
    Solution<T> s;
    s.rank = pivots.size();
    s.pivot_columns = std::move(pivots);
    s.free_variables = free_columns(s.pivot_columns, n);
    s.particular = Matrix<T>(n, 1);
    for (std::size_t k = 0; k < s.rank; ++k) s.particular(s.pivot_columns[k], 0) = R(k, n);
    for (std::size_t f : s.free_variables) {
        Matrix<T> d(n, 1);
        d(f, 0) = T(1);
        for (std::size_t k = 0; k < s.rank; ++k) d(s.pivot_columns[k], 0) = T(-R(k, f));
        s.directions.push_back(std::move(d));
    }
    s.kind = s.free_variables.empty() ? SolutionKind::unique : SolutionKind::infinite;
    return s;
}

}  // namespace detail

// Parametric form: one line per variable, x_3 = t, x_1 = -4 + 5t (a `cases` node).
template <Scalar T>
trace::Math parametric_form(const Solution<T>& s) {
    if (s.kind == SolutionKind::none) {
        return trace::relation(trace::number("0"), trace::Rel::equals, showwork::to_math(s.inconsistent_value));
    }
    std::vector<trace::Math> lines;
    for (std::size_t i = 0; i < s.particular.rows(); ++i)
        lines.push_back(trace::equals(trace::indexed("x", i + 1), detail::variable_expression(s, i)));
    return trace::cases(std::move(lines));
}

// The solution set: { p + t d_1 + s d_2 | t, s ∈ ℝ }, { x } for a unique solution, ∅ for none.
template <Scalar T>
trace::Math solution_set(const Solution<T>& s) {
    if (s.kind == SolutionKind::none) return trace::symbol("emptyset");
    if (s.kind == SolutionKind::unique) return trace::set(showwork::to_math(s.particular), trace::empty());
    std::vector<trace::Math> terms{showwork::to_math(s.particular)}, parameters;
    for (std::size_t q = 0; q < s.directions.size(); ++q) {
        trace::Math t = parameter_symbol(q, s.directions.size());
        terms.push_back(trace::product({t, showwork::to_math(s.directions[q])}, ""));
        parameters.push_back(std::move(t));
    }
    trace::Math reals = trace::symbol("R", trace::empty(), trace::empty(), trace::SymbolStyle{false, false, true, false});
    trace::Math names = parameters.size() == 1 ? parameters[0] : trace::list(std::move(parameters));
    return trace::set(trace::sum(std::move(terms)), trace::relation(std::move(names), trace::Rel::in, std::move(reals)));
}

template <Scalar T>
std::string Solution<T>::evidence() const {
    if (kind != SolutionKind::none) return {};
    return "row " + std::to_string(inconsistent_row + 1) + " of the echelon form reads 0 = " +
           scalar_text(inconsistent_value) + ", which is " + combination_text(combination, std::string("equation")) +
           " of the original system";
}

// Solves A x = b (b one column). Returns the classification with the answer or the evidence;
// throws ShapeError when the shapes do not fit.
template <Scalar T>
Solution<T> solve(const Matrix<T>& A, const Matrix<T>& b, const EliminationOptions<T>& options = {},
                  trace::Trace* trace = nullptr) {
    detail::require_system_shape(A, b);
    const std::size_t m = A.rows(), n = A.cols();
    if constexpr (std::is_same_v<T, double>) {
        // Untraced, a pivot in every column: P A = L U in blocks and two triangular solves.
        if (auto blocks = detail::blocked_factorization(A, options, trace)) {
            Solution<T> s;
            s.kind = SolutionKind::unique;
            s.rank = n;
            for (std::size_t j = 0; j < n; ++j) s.pivot_columns.push_back(j);
            s.particular = Matrix<T>::column(lu_solve(*blocks, b.entries().data()));
            return s;
        }
    }
    Matrix<T> Ab = augment(A, b);
    if constexpr (std::is_same_v<T, Rational>) {
        if (use_fraction_free(options, trace)) {
            FractionFreeResult f = fraction_free_rref(Ab, n);
            bool consistent = true;
            for (std::size_t k = f.pivots.size(); k < m; ++k) consistent = consistent && f.rref(k, n) == 0;
            if (consistent) return detail::read_reduced(f.rref, std::move(f.pivots));
            EliminationOptions<T> textbook = options;  // the evidence comes from recorded operations
            textbook.method = Method::gauss_jordan;
            return solve(A, b, textbook);
        }
    }
    EliminationGoal goal;
    goal.pivot_limit = n;
    Elimination<T> e;
    {
        trace::SubDerivation sub(trace, "elimination", "Row reduce (A | b) to row echelon form.");
        e = eliminate(Ab, options, goal, trace);
    }
    const Matrix<T>& R = e.echelon;
    Solution<T> s;
    for (std::size_t k = e.rank(); k < m; ++k) {
        if (is_zero_entry(R(k, n), e.tolerance)) continue;
        s.kind = SolutionKind::none;
        s.rank = e.rank();
        s.pivot_columns = e.pivots;
        s.inconsistent_row = k;
        s.inconsistent_value = R(k, n);
        s.combination = row_combination(e.operations, m, k);
        if (trace) {
            trace->add("inconsistent",
                       "Row " + std::to_string(k + 1) + " reads 0 = " + scalar_text(s.inconsistent_value) +
                           ": the system has no solution.",
                       std::nullopt, trace::equals(trace::symbol("S"), solution_set(s)));
            detail::add_check_step(A, b, s, trace);
        }
        return s;
    }
    // Column j of R is x_{order[j]}: the identity unless complete pivoting swapped columns.
    const std::vector<std::size_t>& order = e.column_order;
    auto in_original_order = [&](const Matrix<T>& y) {
        Matrix<T> x(n, 1);
        for (std::size_t j = 0; j < n; ++j) x(order[j], 0) = y(j, 0);
        return x;
    };
    std::vector<std::pair<std::size_t, std::size_t>> free;  // (original variable, column of R)
    for (std::size_t j : free_columns(e.pivots, n)) free.emplace_back(order[j], j);
    std::sort(free.begin(), free.end());
    s.kind = free.empty() ? SolutionKind::unique : SolutionKind::infinite;
    s.rank = e.rank();
    for (std::size_t p : e.pivots) s.pivot_columns.push_back(order[p]);
    std::sort(s.pivot_columns.begin(), s.pivot_columns.end());
    for (const auto& f : free) s.free_variables.push_back(f.first);
    {
        trace::SubDerivation sub(trace, "back_substitution", "Back substitution, from the last pivot up.");
        if (trace && !s.free_variables.empty()) {
            for (std::size_t q = 0; q < s.free_variables.size(); ++q) {
                trace->add("free_variable", trace::subscripted("x", s.free_variables[q] + 1) + " is free.",
                           std::nullopt,
                           trace::equals(trace::indexed("x", s.free_variables[q] + 1),
                                         parameter_symbol(q, s.free_variables.size())));
            }
        }
        s.particular = in_original_order(detail::back_substitute(R, e.pivots, Matrix<T>(n, 1), false, order,
                                                                 free.empty() ? trace : nullptr));
        for (const auto& f : free) {
            Matrix<T> free_values(n, 1);
            free_values(f.second, 0) = T(1);
            s.directions.push_back(in_original_order(detail::back_substitute(R, e.pivots, free_values, true, order, nullptr)));
        }
        if (trace && !s.free_variables.empty()) {
            trace->add("parametric_form", "Each pivot variable in terms of the free ones.", std::nullopt,
                       parametric_form(s));
        }
    }
    if (trace) {
        trace->add("solution", s.kind == SolutionKind::unique ? "The system has exactly one solution."
                                                              : "The system has infinitely many solutions.",
                   std::nullopt, trace::equals(trace::symbol("S"), solution_set(s)));
        detail::add_check_step(A, b, s, trace);
    }
    return s;
}

// The one solution of A x = b. Throws InconsistentError (with the combination of equations that
// gives 0 = c) when there is none and SingularError (naming the free variables) when there are
// infinitely many.
template <Scalar T>
Matrix<T> solve_unique(const Matrix<T>& A, const Matrix<T>& b, const EliminationOptions<T>& options = {},
                       trace::Trace* trace = nullptr) {
    Solution<T> s = solve(A, b, options, trace);
    if (s.kind == SolutionKind::none) throw InconsistentError("the system has no solution: " + s.evidence());
    if (s.kind == SolutionKind::infinite) {
        std::string names;
        for (std::size_t f : s.free_variables) names += (names.empty() ? "x_" : ", x_") + std::to_string(f + 1);
        throw SingularError("the system has infinitely many solutions: " + names +
                            (s.free_variables.size() == 1 ? " is free" : " are free") + " (rank " +
                            std::to_string(s.rank) + " < " + std::to_string(A.cols()) + " unknowns)");
    }
    return s.particular;
}

}  // namespace showwork
