// Linear systems A x = b: unique, infinitely many, or no solution — with the evidence.
//
// solve() row reduces (A | b) (the elimination entry point, pivots only among A's columns) and
// reads:
//   • a row (0 … 0 | c) with c ≠ 0: no solution. The row is a combination of the ORIGINAL
//     equations with the coefficients of row k of E, E (A | b) = R, E built from the recorded
//     row operations; the Solution carries them, so "0 = c" can be checked against the input.
//   • a pivot in every column of A: one solution, found by back substitution from the bottom:
//         x_{p_k} = (b'_k − Σ_{j > p_k} r_kj x_j) / r_{k p_k}
//   • otherwise infinitely many: x = p + t d_1 + s d_2 + …, one parameter per free variable
//     (named t, s, r, u, v, w; t_1, t_2, … when there are more than six).
// The solutions are read off by read_solutions (matrix/subspaces.hpp), as null_space reads its
// basis. Every traced solve ends with a check step: the answer substituted back into A x = b.
// Untraced, the entry point may reach the RREF (fraction-free, exact) or P A = L U (blocked,
// double) instead of the textbook's REF; back substitution reads either.
// b must be a single column (m×1); several right-hand sides are solved one at a time.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/bareiss.hpp"
#include "showwork/matrix/elimination.hpp"
#include "showwork/matrix/evidence.hpp"
#include "showwork/matrix/subspaces.hpp"
#include "showwork/matrix/instances.hpp"

namespace showwork {

enum class SolutionKind { unique, infinite, none };
std::string_view solution_kind_name(SolutionKind kind);  // "unique", "infinite", "none"

// The name of parameter q of `count`: t, s, r, u, v, w; beyond six: t_1, t_2, …
trace::Math parameter_symbol(std::size_t q, std::size_t count);

// How the unknowns are written, the same in every step, the parametric form and the answer:
// x₁ … xₙ by default, β₁ … βₚ in least squares, or one name each (x, y, z; p, q; p_1, p_2).
struct Unknowns {
    std::string symbol = "x";        // unknown j is symbol_j when `names` is empty …
    std::string prose = "x";         // … written so in a sentence: "x", "β"
    std::vector<std::string> names;  // … else names[j]; "p_1" is p with the index 1
    trace::Math math(std::size_t j) const;  // j from 0
    std::string text(std::size_t j) const;  // in a sentence: x₂, y, p₁
};

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

    // "0 = 5 is (equation 3) - 2·(equation 1): the system has no solution"; for an error's
    // message, its numbers as a message shows them (a long one cut)
    std::string evidence(bool in_message = false) const;
};

namespace solvers_detail {

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
                                       const Matrix<T>& x, const T& value, std::size_t variable,
                                       const Unknowns& unknowns = {}) {
    const std::size_t n = R.cols() - 1;
    std::vector<trace::Math> terms{showwork::to_math(R(k, n))};
    for (std::size_t j = p + 1; j < n; ++j) {
        if (R(k, j) == 0) continue;
        trace::Math product = trace::product({factor_math(showwork::to_math(R(k, j))), factor_math(showwork::to_math(x(j, 0)))});
        terms.push_back(trace::negate(std::move(product)));
    }
    trace::Math numerator = terms.size() == 1 ? terms[0] : trace::sum(std::move(terms));
    trace::Math rhs = R(k, p) == 1 ? numerator : trace::fraction(numerator, showwork::to_math(R(k, p)));
    return trace::chain({unknowns.math(variable), std::move(rhs), showwork::to_math(value)},
                        {trace::Rel::equals, trace::Rel::equals});
}

// The steps of back substitution for the particular solution x (in R's column order), from the
// last pivot up. Column j of R is the unknown x_{order[j]}.
template <Scalar T>
void add_back_substitution_steps(const Matrix<T>& R, const std::vector<std::size_t>& pivots, const Matrix<T>& x,
                                 const std::vector<std::size_t>& order, const Unknowns& unknowns, trace::Trace* trace) {
    for (std::size_t k = pivots.size(); k-- > 0;) {
        const std::size_t p = pivots[k];
        trace->add(trace::kind::back_substitution,
                   "Solve equation " + std::to_string(k + 1) + " for " + unknowns.text(order[p]) + ".",
                   std::nullopt, back_substitution_equation(R, k, p, x, x(p, 0), order[p], unknowns));
    }
}

template <Scalar T>
void add_check_step(const Matrix<T>& A, const Matrix<T>& b, const Solution<T>& s, trace::Trace* trace) {
    if (s.kind == SolutionKind::none) {
        Matrix<T> Ab = augment(A, b);
        Matrix<T> y = Matrix<T>::row(s.combination);
        Matrix<T> combined = y * Ab;
        combined.set_augment(1);
        trace->add(trace::kind::check,
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
    trace->add(trace::kind::check,
               s.kind == SolutionKind::unique ? "Check: substitute x back into A x = b."
                                              : "Check: A p = b and A d = 0 for every direction d.",
               std::nullopt, checks.size() == 1 ? checks[0] : trace::list(std::move(checks)));
}

// A row k ≥ rank reading 0 = c, c ≠ 0: no solution, with the combination of the original
// equations that gives it (from the textbook's operations: the entry point reran it for them).
template <Scalar T>
std::optional<Solution<T>> inconsistency(const Elimination<T>& e, std::size_t n) {
    for (std::size_t k = e.rank(); k < e.echelon.rows(); ++k) {
        if (is_zero_entry(e.echelon(k, n), e.tolerance)) continue;
        Solution<T> s;
        s.kind = SolutionKind::none;
        s.rank = e.rank();
        s.pivot_columns = e.pivots;
        s.inconsistent_row = k;
        s.inconsistent_value = e.echelon(k, n);
        s.combination = row_combination(e, k);
        return s;
    }
    return std::nullopt;
}

// One solution or infinitely many, read off the echelon form.
template <Scalar T>
Solution<T> solutions(const Elimination<T>& e, std::size_t n) {
    ParametricSolution<T> read = read_solutions(e, n);
    Solution<T> s;
    s.kind = read.free_variables.empty() ? SolutionKind::unique : SolutionKind::infinite;
    s.rank = e.rank();
    for (std::size_t p : e.pivots) s.pivot_columns.push_back(e.column_order[p]);
    std::sort(s.pivot_columns.begin(), s.pivot_columns.end());
    s.particular = std::move(read.particular);
    s.directions = std::move(read.directions);
    s.free_variables = std::move(read.free_variables);
    return s;
}

}  // namespace solvers_detail

// Parametric form: one line per variable, x_3 = t, x_1 = -4 + 5t (a `cases` node).
template <Scalar T>
trace::Math parametric_form(const Solution<T>& s, const Unknowns& unknowns = {}) {
    if (s.kind == SolutionKind::none) {
        return trace::relation(trace::number("0"), trace::Rel::equals, showwork::to_math(s.inconsistent_value));
    }
    std::vector<trace::Math> lines;
    for (std::size_t i = 0; i < s.particular.rows(); ++i)
        lines.push_back(trace::equals(unknowns.math(i), solvers_detail::variable_expression(s, i)));
    return trace::cases(std::move(lines));
}

// A unique solution as its equations: x = 0, y = 2.
template <Scalar T>
trace::Math answer_equations(const Solution<T>& s, const Unknowns& unknowns = {}) {
    std::vector<trace::Math> equations;
    for (std::size_t i = 0; i < s.particular.rows(); ++i)
        equations.push_back(trace::equals(unknowns.math(i), showwork::to_math(s.particular(i, 0))));
    return trace::list(std::move(equations));
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
    trace::Math reals = trace::symbol("R", trace::empty(), trace::empty(), trace::SymbolStyle{.blackboard = true});
    trace::Math names = parameters.size() == 1 ? parameters[0] : trace::list(std::move(parameters));
    return trace::set(trace::sum(std::move(terms)), trace::relation(std::move(names), trace::Rel::in, std::move(reals)));
}

template <Scalar T>
std::string Solution<T>::evidence(bool in_message) const {
    if (kind != SolutionKind::none) return {};
    return "row " + std::to_string(inconsistent_row + 1) + " of the echelon form reads 0 = " +
           evidence_number(inconsistent_value, in_message) + ", which is " +
           combination_text(combination, std::string("equation"), T(0), in_message) +
           " of the original system";
}

namespace solvers_detail {

// The back substitution as the student writes it: free variables named, each pivot variable
// solved for (unique), or the parametric form (infinitely many).
template <Scalar T>
void add_back_substitution(const Elimination<T>& e, const Solution<T>& s, const Unknowns& unknowns,
                           trace::Trace* trace) {
    trace::SubDerivation sub(trace, trace::kind::back_substitution, "Back substitution, from the last pivot up.");
    for (std::size_t q = 0; q < s.free_variables.size(); ++q) {
        trace->add(trace::kind::free_variable, unknowns.text(s.free_variables[q]) + " is free.", std::nullopt,
                   trace::equals(unknowns.math(s.free_variables[q]), parameter_symbol(q, s.free_variables.size())));
    }
    if (s.kind == SolutionKind::unique) {
        const std::size_t n = s.particular.rows();
        Matrix<T> x(n, 1);  // in the echelon form's column order
        for (std::size_t j = 0; j < n; ++j) x(j, 0) = s.particular(e.column_order[j], 0);
        add_back_substitution_steps(e.echelon, e.pivots, x, e.column_order, unknowns, trace);
    } else {
        trace->add(trace::kind::parametric_form, "Each pivot variable in terms of the free ones.", std::nullopt,
                   parametric_form(s, unknowns));
    }
}

}  // namespace solvers_detail

// Solves A x = b (b one column). Returns the classification with the answer or the evidence;
// throws ShapeError when the shapes do not fit. The derivation writes the unknowns as `unknowns`.
template <Scalar T>
Solution<T> solve(const Matrix<T>& A, const Matrix<T>& b, const EliminationOptions<T>& options = {},
                  trace::Trace* trace = nullptr, const Unknowns& unknowns = {}) {
    solvers_detail::require_system_shape(A, b);
    const std::size_t n = A.cols();
    if constexpr (std::is_same_v<T, Rational>) {
        // Nothing to show or observe, A square (the normal equations of a regression): the
        // fraction-free elimination of (A | b) and b's back substitution alone, when A has a
        // pivot in every column; otherwise the whole record below, for its evidence.
        if (!trace && !options.observe && options.method != Method::gauss_jordan && A.rows() == n) {
            if (std::optional<Matrix<Rational>> x = fraction_free_solve(A, b)) {
                Solution<T> s;
                s.kind = SolutionKind::unique;
                s.rank = n;
                for (std::size_t j = 0; j < n; ++j) s.pivot_columns.push_back(j);
                s.particular = std::move(*x);
                return s;
            }
        }
    }
    Matrix<T> Ab = augment(A, b);
    EliminationGoal goal;
    goal.pivot_limit = n;
    goal.need = Need::any_echelon;
    trace = sink_for(Ab, options, goal, trace);
    Elimination<T> e;
    {
        trace::SubDerivation sub(trace, trace::kind::elimination, "Row reduce (A | b) to row echelon form.");
        e = eliminate(std::move(Ab), options, goal, trace);
    }
    std::optional<Solution<T>> none = solvers_detail::inconsistency(e, n);
    Solution<T> s = none ? std::move(*none) : solvers_detail::solutions(e, n);
    if (!trace) return s;
    if (none) {
        trace->add(trace::kind::inconsistent,
                   "Row " + std::to_string(s.inconsistent_row + 1) + " reads 0 = " + scalar_text(s.inconsistent_value) +
                       ": the system has no solution.",
                   std::nullopt, trace::equals(trace::symbol("S"), solution_set(s)));
    } else {
        solvers_detail::add_back_substitution(e, s, unknowns, trace);
        trace->add(trace::kind::solution, s.kind == SolutionKind::unique ? "The system has exactly one solution."
                                                              : "The system has infinitely many solutions.",
                   std::nullopt, trace::equals(trace::symbol("S"), solution_set(s)));
    }
    solvers_detail::add_check_step(A, b, s, trace);
    return s;
}

// The one solution of A x = b. Throws InconsistentError (with the combination of equations that
// gives 0 = c) when there is none and SingularError (naming the free variables) when there are
// infinitely many.
template <Scalar T>
Matrix<T> solve_unique(const Matrix<T>& A, const Matrix<T>& b, const EliminationOptions<T>& options = {},
                       trace::Trace* trace = nullptr) {
    Solution<T> s = solve(A, b, options, trace);
    if (s.kind == SolutionKind::none) throw InconsistentError("the system has no solution: " + s.evidence(true));
    if (s.kind == SolutionKind::infinite) {
        std::string names;
        for (std::size_t f : s.free_variables) names += (names.empty() ? "" : ", ") + Unknowns{}.text(f);
        throw SingularError("the system has infinitely many solutions: " + names +
                            (s.free_variables.size() == 1 ? " is free" : " are free") + " (rank " +
                            std::to_string(s.rank) + " < " + std::to_string(A.cols()) + " unknowns)");
    }
    return s.particular;
}

#define SHOWWORK_LINEAR_SYSTEM_INSTANCES(EXTERN, T) \
    EXTERN template struct Solution<T>;                                                                    \
    EXTERN template Solution<T> solve(const Matrix<T>&, const Matrix<T>&, const EliminationOptions<T>&,    \
                                      trace::Trace*, const Unknowns&);                                     \
    EXTERN template Matrix<T> solve_unique(const Matrix<T>&, const Matrix<T>&, const EliminationOptions<T>&, \
                                           trace::Trace*);                                                 \
    EXTERN template trace::Math parametric_form(const Solution<T>&, const Unknowns&);                      \
    EXTERN template trace::Math answer_equations(const Solution<T>&, const Unknowns&);                     \
    EXTERN template trace::Math solution_set(const Solution<T>&);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_LINEAR_SYSTEM_INSTANCES)

}  // namespace showwork
