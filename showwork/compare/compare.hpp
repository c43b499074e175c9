// Exact against floating: one operation run exactly and in floating point, side by side.
//
// compare(operation, A, options) runs inverse, solve, rref, rank or det on A over Rational and
// over a floating scalar F (double or Float50) and reports, all computed EXACTLY from the
// floating answer (each floating number is a binary fraction, converted without rounding):
//
//   max_error       max_ij |x̂_ij − x_ij|                      (x exact, x̂ floating)
//   relative_error  max_ij |x̂_ij − x_ij| / max_ij |x_ij|
//   residual        ‖A x̂ − b‖∞ for solve, ‖A X̂ − I‖∞ for inverse
//   condition       κ∞(A) = ‖A‖∞ ‖A⁻¹‖∞ from the exact inverse: the exact value, not an
//                   estimate; log10 κ∞ is roughly the number of decimal digits the floating
//                   answer can lose
//
// and the first decision where the floating elimination went another way than the exact one.
// Both sides run the textbook loop of the elimination entry point (matrix/elimination.hpp) with
// the SAME pivot rule, and the records of those very runs are compared pivot step by pivot step
// (EliminationOptions::observe hands them over): by default partial pivoting on both (the
// floating default; exact arithmetic does not need it but gets the same pivots until rounding
// changes the order of the magnitudes). The rule may be first_nonzero, partial or
// scaled_partial; complete pivoting swaps columns the recorded row operations do not show,
// so it is refused (InputError). A step k chooses a pivot in the next column that has one;
// the floating decision can differ in three ways:
//
//   pivot_row             same column, another pivot row (the rounded magnitudes order differently)
//   missed_pivot          the floating zero test (|x| <= tol) called a column zero where the
//                         exact value is not: the floating run finds no pivot there
//   spurious_pivot        the floating run found a pivot (|x| > tol) where the exact value is 0
//
// and within a step, clearing below the pivot, missed_elimination / spurious_elimination (an
// entry the zero test called zero that exactly is not, or the reverse); for solve, after the
// forward phase, right_hand_side (a row 0 = c whose zero test went the other way).
//
// A side that raises (exact non-singular but floating singular, or the reverse) is reported in
// exact_failure / floating_failure, not thrown; so is a floating result that overflows (inf or
// NaN). Shapes that do not fit the operation throw, and so does an entry F cannot hold (1e400
// in double): an InputError naming its row and column.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "showwork/error.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/decimal.hpp"
#include "showwork/matrix/determinant.hpp"
#include "showwork/matrix/echelon.hpp"
#include "showwork/matrix/inverse.hpp"
#include "showwork/solvers/linear_system.hpp"

namespace showwork {

enum class CompareOperation { inverse, solve, rref, rank, det };

// "inverse", "solve", "rref", "rank", "det"; InputError otherwise.
CompareOperation parse_compare_operation(std::string_view name);
std::string_view compare_operation_name(CompareOperation operation);

enum class DivergenceKind {
    pivot_row, missed_pivot, spurious_pivot, missed_elimination, spurious_elimination, right_hand_side
};
std::string_view divergence_kind_name(DivergenceKind kind);

// ‖M‖∞ = max_i Σ_j |m_ij|: the largest row sum (for a column vector, its largest |entry|).
Rational infinity_norm(const Matrix<Rational>& M);
// max_ij |m_ij|
Rational largest_entry(const Matrix<Rational>& M);
// log10 q for q > 0, to about 15 digits (through Float50, so that huge q do not overflow).
double log10_of(const Rational& q);
// A value for reading: the exact text when it is at most `limit` characters, else the value
// rounded to 6 significant digits ("1.23457e-10").
std::string readable_text(const Rational& q, std::size_t limit = 30);

// The first decision where the floating run differs from the exact one.
template <Scalar F>
struct Divergence {
    DivergenceKind kind = DivergenceKind::pivot_row;
    std::size_t step = 0;    // 1-based: the k-th pivot being sought
    std::size_t row = 0;     // 0-based, in the row order at that step: the entry the decision was about
    std::size_t column = 0;  // 0-based
    Rational exact_value;    // that entry, exactly
    F floating_value{};      // that entry in the floating run
    F tolerance{};           // the floating zero test |x| <= tolerance
    std::string text;        // one sentence, rows and columns 1-based
};

template <Scalar F>
struct Comparison {
    CompareOperation operation = CompareOperation::inverse;
    PivotRule pivot = PivotRule::partial;  // the rule both sides used
    // The results as matrices (rank and det: 1×1); absent when that side raised.
    std::optional<Matrix<Rational>> exact;
    std::optional<Matrix<F>> floating;
    std::optional<Matrix<Rational>> floating_exact;  // each floating entry's exact binary value
    std::string exact_failure, floating_failure;    // the error message of a side that raised
    std::optional<Rational> max_error, relative_error, residual;
    std::optional<Rational> condition_number;  // κ∞ of the (coefficient) matrix, when square and invertible
    bool singular = false;                     // square and exactly singular: κ∞ = ∞
    std::optional<double> digits_lost;         // log10 κ∞
    std::size_t rank_exact = 0, rank_floating = 0;
    std::optional<Divergence<F>> first_difference;
};

namespace compare_detail {

// (A | b) for solve: b is the last column (the bar, if any, must be before it).
void require_compare_shape(CompareOperation operation, const Matrix<Rational>& A);

// The coefficient part: A for every operation but solve, where it is A without its last column.
template <Scalar T>
Matrix<T> coefficient_part(CompareOperation operation, const Matrix<T>& A) {
    if (operation != CompareOperation::solve) return A;
    return columns(A, 0, A.cols() - 1);
}

// The operation itself, over T, as a matrix (rank and det as 1×1).
template <Scalar T>
Matrix<T> run_operation(CompareOperation operation, const Matrix<T>& A, const EliminationOptions<T>& options,
                        trace::Trace* trace) {
    switch (operation) {
        case CompareOperation::inverse: return inverse(A, options, trace);
        case CompareOperation::solve:
            return solve_unique(coefficient_part(operation, A), columns(A, A.cols() - 1, 1), options, trace);
        case CompareOperation::rref: return rref(A, options, trace);
        case CompareOperation::rank: return Matrix<T>{{T(static_cast<int>(rank(A, options, trace)))}};
        case CompareOperation::det: return Matrix<T>{{determinant(A, options, trace)}};
    }
    return A;
}

// An entry of A that F cannot hold is an input error naming it: the floating side would compute
// with inf or 0 in its place, a different matrix, and call that what double does.
template <Scalar F>
void require_entries_in_range(const Matrix<Rational>& A) {
    for (std::size_t i = 0; i < A.rows(); ++i) {
        for (std::size_t j = 0; j < A.cols(); ++j) {
            const std::string why = out_of_range<F>(A(i, j));
            if (why.empty()) continue;
            throw InputError(fmt::format("row {}, column {}: {} is {}, and compare reads A in {} for its floating side{}",
                                         i + 1, j + 1, decimal_text(A(i, j), 6), why, ScalarTraits<F>::name,
                                         std::is_same_v<F, double> ? "; --number float50 holds it" : ""));
        }
    }
}

// A floating result that is not a number — an overflow in the run (det of diag(10²⁰⁰, 10²⁰⁰) is
// 10⁴⁰⁰) — is that side's failure, a RangeError naming the entry.
template <Scalar T>
void require_finite_result(CompareOperation operation, const Matrix<T>& result) {
    for (std::size_t i = 0; i < result.rows(); ++i) {
        for (std::size_t j = 0; j < result.cols(); ++j) {
            const T& x = result(i, j);
            if (is_finite(x)) continue;
            const std::string what = operation == CompareOperation::det ? std::string("the determinant")
                                                                          : fmt::format("entry ({}, {}) of the result", i + 1, j + 1);
            const std::string name(ScalarTraits<T>::name);
            throw RangeError(what + " is " + (x == x ? scalar_text(x) : std::string("undefined (NaN)")) + " in " + name +
                             ": an overflow, past the largest " + name + " (about " +
                             (std::is_same_v<T, double> ? largest_double_text() : largest_float50_text()) + ")");
        }
    }
}

// One side, in a sub-derivation when traced; a mathematical failure is kept as its message. The
// operation runs the textbook loop, and `run` receives the record of its elimination: (A | I)
// reduced for the inverse, (A | b) to REF for solve, A reduced for rref, A to REF for rank and det.
template <Scalar T>
std::optional<Matrix<T>> run_side(CompareOperation operation, const Matrix<T>& A, EliminationOptions<T> options,
                                  Elimination<T>& run, std::string& failure, trace::Trace* trace, const char* kind,
                                  const std::string& text) {
    options.method = Method::gauss_jordan;
    options.observe = [&run](const Elimination<T>& e) { run = e; };
    trace::SubDerivation sub(trace, kind, text);
    try {
        Matrix<T> result = run_operation(operation, A, options, trace);
        require_finite_result(operation, result);
        return result;
    } catch (const MathError& e) {
        failure = e.what();
        if (trace) trace->add(trace::kind::failure, "This run stops: " + failure + ".");
        return std::nullopt;
    }
}

// Performs pivot step k of a recorded elimination on M as the loop did: its operations, then the
// pivot set to 1 (if scaled) and the entries below it set to 0 (also the ones the zero test skipped).
template <Scalar T>
void perform_step(Matrix<T>& M, const Elimination<T>& e, std::size_t k) {
    const PivotStep& s = e.steps[k];
    for (std::size_t q = s.first; q < s.end; ++q) e.operations[q].apply(M);
    if (s.scaled) M(k, s.column) = T(1);
    for (std::size_t i = k + 1; i < M.rows(); ++i) M(i, s.column) = T(0);
}

// Row i after step k's interchange R_k ↔ R_p was row before_interchange(i) before it.
inline std::size_t before_interchange(std::size_t i, std::size_t k, std::size_t p) {
    return i == k ? p : i == p ? k : i;
}

template <Scalar F>
Divergence<F> divergence(DivergenceKind kind, std::size_t k, std::size_t row, std::size_t column,
                         const Matrix<Rational>& E, const Matrix<F>& M, const F& tolerance) {
    Divergence<F> d;
    d.kind = kind;
    d.step = k + 1;
    d.row = row;
    d.column = column;
    d.exact_value = E(row, column);
    d.floating_value = M(row, column);
    d.tolerance = tolerance;
    return d;
}

// "entry (3, 2) = 1/3 exactly, 0.333… in floating point"
std::string entry_text(std::size_t row, std::size_t column, const Rational& exact, const std::string& floating);

// The sentence of a divergence found at step k (rows and columns written 1-based).
template <Scalar F>
void describe(Divergence<F>& d, std::size_t exact_pivot_row, const Matrix<Rational>& E, const Matrix<F>& M) {
    std::string where = "Step " + std::to_string(d.step) + ", column " + std::to_string(d.column + 1) + ": ";
    std::string entry = entry_text(d.row, d.column, d.exact_value, scalar_text(d.floating_value));
    std::string tol = scalar_text(d.tolerance);
    switch (d.kind) {
        case DivergenceKind::pivot_row:
            d.text = where + "the exact run takes row " + std::to_string(exact_pivot_row + 1) + " as pivot (" +
                     entry_text(exact_pivot_row, d.column, E(exact_pivot_row, d.column),
                                scalar_text(M(exact_pivot_row, d.column))) +
                     "), the floating run row " + std::to_string(d.row + 1) + " (" + entry + ")." +
                     (abs(E(exact_pivot_row, d.column)) == abs(d.exact_value)
                          ? " Exactly the two are equal in size: a tie, broken the other way by rounding."
                          : " Rounding reversed the order of their sizes.");
            break;
        case DivergenceKind::missed_pivot:
            d.text = where + "the floating zero test (|x| <= " + tol + ") calls the column zero from row " +
                     std::to_string(d.step) + " down, but " + entry + ": the floating run finds no pivot there.";
            break;
        case DivergenceKind::spurious_pivot:
            d.text = where + "the floating run takes a pivot (|x| > " + tol + ") where " + entry +
                     ": exactly the column is zero from row " + std::to_string(d.step) + " down.";
            break;
        case DivergenceKind::missed_elimination:
            d.text = where + "below the pivot the floating zero test (|x| <= " + tol + ") skips " + entry + ".";
            break;
        case DivergenceKind::spurious_elimination:
            d.text = where + "below the pivot the floating run clears " + entry + ", which is exactly zero.";
            break;
        case DivergenceKind::right_hand_side:
            d.text = "After elimination, row " + std::to_string(d.row + 1) + " reads 0 = c with " + entry +
                     ": the floating zero test (|x| <= " + tol + ") decides consistency the other way.";
            break;
    }
}

// Compares step k of both runs on their states E (exact) and M (floating) before it.
template <Scalar F>
std::optional<Divergence<F>> compare_step(std::size_t k, const PivotStep* exact, const PivotStep* floating,
                                          const Matrix<Rational>& E, const Matrix<F>& M, const F& tol) {
    std::optional<Divergence<F>> d;
    std::size_t exact_pivot = exact ? exact->pivot_row : 0;
    if (exact && (!floating || exact->column < floating->column)) {
        d = divergence(DivergenceKind::missed_pivot, k, exact->pivot_row, exact->column, E, M, tol);
    } else if (floating && (!exact || floating->column < exact->column)) {
        d = divergence(DivergenceKind::spurious_pivot, k, floating->pivot_row, floating->column, E, M, tol);
    } else if (exact->pivot_row != floating->pivot_row) {
        d = divergence(DivergenceKind::pivot_row, k, floating->pivot_row, exact->column, E, M, tol);
    } else if (exact->cleared != floating->cleared) {
        // The first row (after the interchange) cleared by one run and not by the other.
        std::size_t row = 0;
        bool missed = false;
        for (std::size_t i = k + 1; i < E.rows(); ++i) {
            bool in_exact = std::find(exact->cleared.begin(), exact->cleared.end(), i) != exact->cleared.end();
            bool in_floating = std::find(floating->cleared.begin(), floating->cleared.end(), i) != floating->cleared.end();
            if (in_exact == in_floating) continue;
            row = before_interchange(i, k, exact->pivot_row);
            missed = in_exact;
            break;
        }
        d = divergence(missed ? DivergenceKind::missed_elimination : DivergenceKind::spurious_elimination, k, row,
                       exact->column, E, M, tol);
    }
    if (d) describe(*d, exact_pivot, E, M);
    return d;
}

// For solve, after the forward phases agree: a row k >= rank whose 0 = c zero test differs.
template <Scalar F>
std::optional<Divergence<F>> compare_consistency(std::size_t rank, const Matrix<Rational>& E, const Matrix<F>& M,
                                                 const F& tol) {
    const std::size_t b = E.cols() - 1;
    for (std::size_t k = rank; k < E.rows(); ++k) {
        if ((E(k, b) == 0) == is_zero_entry(M(k, b), tol)) continue;
        auto d = divergence(DivergenceKind::right_hand_side, rank, k, b, E, M, tol);
        describe(d, k, E, M);
        return d;
    }
    return std::nullopt;
}

// Walks both recorded eliminations in lock step and returns the first decision that differs.
template <Scalar F>
std::optional<Divergence<F>> first_difference(CompareOperation operation, const Elimination<Rational>& exact,
                                              const Elimination<F>& floating, Matrix<Rational> E, Matrix<F> M) {
    const std::vector<PivotStep>&es = exact.steps, &fs = floating.steps;
    for (std::size_t k = 0; k < std::max(es.size(), fs.size()); ++k) {
        const PivotStep* e = k < es.size() ? &es[k] : nullptr;
        const PivotStep* f = k < fs.size() ? &fs[k] : nullptr;
        if (auto d = compare_step(k, e, f, E, M, floating.tolerance)) return d;
        perform_step(E, exact, k);
        perform_step(M, floating, k);
    }
    if (operation == CompareOperation::solve) return compare_consistency(es.size(), E, M, floating.tolerance);
    return std::nullopt;
}

// κ∞(A) = ‖A‖∞ ‖A⁻¹‖∞, exactly.
inline Rational condition_from_inverse(const Matrix<Rational>& A, const Matrix<Rational>& inverse) {
    return infinity_norm(A) * infinity_norm(inverse);
}

// The largest entry error, the relative error and the residual, from the exact value of the
// floating answer.
template <Scalar F>
void measure_errors(Comparison<F>& c, const Matrix<Rational>& A) {
    if (!c.exact || !c.floating_exact) return;
    const Matrix<Rational>& X = *c.exact;
    const Matrix<Rational>& Xhat = *c.floating_exact;
    c.max_error = largest_entry(Matrix<Rational>(Xhat - X));
    Rational size = largest_entry(X);
    if (size != 0) c.relative_error = Rational(*c.max_error / size);
    if (c.operation == CompareOperation::inverse) {
        c.residual = infinity_norm(Matrix<Rational>(A * Xhat - Matrix<Rational>::identity(A.rows())));
    } else if (c.operation == CompareOperation::solve) {
        Matrix<Rational> coefficients = coefficient_part(c.operation, A);
        c.residual = infinity_norm(Matrix<Rational>(coefficients * Xhat - columns(A, A.cols() - 1, 1)));
    }
}

// κ∞ of the coefficient matrix when it is square: from the exact inverse (the result itself
// for the inverse), or `singular` when there is none.
template <Scalar F>
void measure_condition(Comparison<F>& c, const Matrix<Rational>& A) {
    Matrix<Rational> coefficients = coefficient_part(c.operation, A);
    if (coefficients.rows() != coefficients.cols()) return;
    std::optional<Matrix<Rational>> inv;
    if (c.operation == CompareOperation::inverse) {
        inv = c.exact;
    } else if (c.rank_exact == coefficients.rows()) {
        inv = inverse(coefficients);
    }
    if (!inv) {
        c.singular = true;
        return;
    }
    c.condition_number = condition_from_inverse(coefficients, *inv);
    c.digits_lost = log10_of(*c.condition_number);
}

// "words quantity = value", the quantity in math, the value written by readable_text.
trace::Math measure(std::string words, trace::Math quantity, const Rational& value);
// max |x̂ − x|, max |x̂ − x| / max |x|, ‖A x̂ − b‖∞ or ‖A X̂ − I‖∞, κ∞(A), log₁₀ κ∞.
trace::Math largest_error();
trace::Math relative_error();
trace::Math residual(CompareOperation operation);
trace::Math kappa();
trace::Math digits_lost();

// The final step of a traced comparison: every measure as one relation.
template <Scalar F>
trace::Math summary_math(const Comparison<F>& c) {
    std::vector<trace::Math> lines;
    if (c.max_error) lines.push_back(measure("largest entry error", largest_error(), *c.max_error));
    if (c.relative_error) lines.push_back(measure("relative error", relative_error(), *c.relative_error));
    if (c.residual) lines.push_back(measure("residual", residual(c.operation), *c.residual));
    if (c.condition_number) {
        lines.push_back(trace::equals(kappa(), trace::number(readable_text(*c.condition_number))));
        lines.push_back(trace::relation(trace::product({trace::text("digits lost"), digits_lost()}, ""),
                                        trace::Rel::approx, trace::number(fmt::format("{:.1f}", *c.digits_lost))));
    } else if (c.singular) {
        lines.push_back(trace::equals(kappa(), trace::symbol("infty")));
    }
    lines.push_back(trace::equals(trace::text("rank, exact"), trace::count(c.rank_exact)));
    lines.push_back(trace::equals(trace::text("rank, floating"), trace::count(c.rank_floating)));
    return trace::list(std::move(lines));
}

template <Scalar F>
void add_summary(const Comparison<F>& c, trace::Trace* trace) {
    std::string text = c.first_difference ? c.first_difference->text
                                          : std::string("Both runs made the same decisions at every step.");
    trace->add(trace::kind::compare, "Compare the two runs. " + text, std::nullopt, summary_math(c));
}

}  // namespace compare_detail

// Runs `operation` on A exactly and over F with the same pivot rule and compares them (see the
// top of the file). For solve, A is (A | b) with b its last column. Throws ShapeError when A
// does not fit the operation and InputError for complete pivoting.
template <Scalar F>
Comparison<F> compare(CompareOperation operation, const Matrix<Rational>& A, EliminationOptions<F> options = {},
                      trace::Trace* trace = nullptr) {
    static_assert(!ScalarTraits<F>::exact, "compare runs an exact side against a floating one");
    compare_detail::require_compare_shape(operation, A);
    compare_detail::require_entries_in_range<F>(A);
    if (options.pivot == PivotRule::complete) {
        throw InputError("compare needs a row pivoting rule (first_nonzero, partial, scaled_partial): complete "
                         "pivoting swaps columns, so its decisions cannot be compared step by step");
    }
    options.pivot = resolve_pivot_rule<F>(options.pivot);
    EliminationOptions<Rational> exact_options;
    exact_options.pivot = options.pivot;
    const Matrix<F> Af = matrix_cast<F>(A);

    Comparison<F> c;
    c.operation = operation;
    c.pivot = options.pivot;
    std::string rule(pivot_rule_name(options.pivot));
    Elimination<Rational> exact_run;
    Elimination<F> floating_run;
    c.exact = compare_detail::run_side(operation, A, exact_options, exact_run, c.exact_failure, trace, "exact",
                                       "Exactly, over the rationals (" + rule + " pivoting).");
    c.floating = compare_detail::run_side(operation, Af, options, floating_run, c.floating_failure, trace,
                                          "floating",
                                          "In floating point (" + std::string(ScalarTraits<F>::name) + ", " + rule +
                                              " pivoting).");
    if (c.floating) c.floating_exact = matrix_cast<Rational>(*c.floating);
    c.rank_exact = exact_run.rank();
    c.rank_floating = floating_run.rank();
    Matrix<Rational> start = operation == CompareOperation::inverse ? augment(A, Matrix<Rational>::identity(A.rows())) : A;
    c.first_difference = compare_detail::first_difference(operation, exact_run, floating_run, start, matrix_cast<F>(start));

    compare_detail::measure_errors(c, A);
    compare_detail::measure_condition(c, A);
    if (trace) compare_detail::add_summary(c, trace);
    return c;
}

// Compiled once in the library for double and Float50 (matrix/instances.hpp).
extern template Comparison<double> compare(CompareOperation, const Matrix<Rational>&, EliminationOptions<double>,
                                           trace::Trace*);
extern template Comparison<Float50> compare(CompareOperation, const Matrix<Rational>&, EliminationOptions<Float50>,
                                            trace::Trace*);

}  // namespace showwork
