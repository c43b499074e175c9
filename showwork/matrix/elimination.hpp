// Gaussian elimination: the one core every echelon-based routine is built on.
//
// eliminate(A, options, goal) brings A to row echelon form (REF) by row operations, column by
// column: choose a pivot in the column (the pivot rule), swap it up, optionally scale it to 1,
// clear the entries below it. With goal.reduced it then clears above every pivot, from the last
// to the first (Gauss–Jordan), giving the reduced row echelon form (RREF). Every operation it
// performs is recorded as a RowOperation value, so that everything else — the transform E with
// E A = R, the dependency behind a zero row, L in PA = LU, the determinant — is derived from them.
//
// Pivot rules (EliminationOptions::pivot):
//   first_nonzero   the first non-zero entry at or below the pivot row (exact default: the
//                   textbook choice, the smallest numbers on paper)
//   partial         the largest |a_ic| (floating default)
//   scaled_partial  the largest |a_ic| / s_i, s_i the largest |a_ij| of row i in A
//   complete        the largest |a_ij| in the remaining submatrix; columns are swapped and the
//                   column permutation is kept in `column_order` (the result is the echelon form
//                   of A Q)
//
// Zero test: exact scalars compare with 0. Floating scalars treat |x| <= tol as zero, with
//   tol = max(m, n) · ε · max_ij |a_ij|        (ε the scalar's machine epsilon)
// unless EliminationOptions::tolerance gives another value.
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/row_ops.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/trace/trace.hpp"

namespace showwork {

enum class PivotRule { automatic, first_nonzero, partial, scaled_partial, complete };

// gauss_jordan: the textbook elimination over T, the one that is traced.
// fraction_free: Bareiss elimination over integers (Rational only), one division at the end.
// automatic: fraction_free for an exact scalar without a trace, gauss_jordan otherwise.
enum class Method { automatic, gauss_jordan, fraction_free };

// "first_nonzero", "partial", "scaled_partial", "complete", "automatic"; InputError otherwise.
PivotRule parse_pivot_rule(std::string_view name);
Method parse_method(std::string_view name);
std::string_view pivot_rule_name(PivotRule rule);
std::string_view method_name(Method method);

template <Scalar T>
struct EliminationOptions {
    PivotRule pivot = PivotRule::automatic;
    Method method = Method::automatic;
    std::optional<T> tolerance;  // floating only: |x| <= tolerance is zero (default: see above)
    bool unit_pivots = false;    // ref only: scale every pivot to 1, as in the notes' REF example
};

// What the elimination is asked to reach.
struct EliminationGoal {
    bool reduced = false;      // RREF (clear above the pivots too) rather than REF
    bool unit_pivots = false;  // scale each pivot row so its pivot is 1 (always, when reduced)
    std::size_t pivot_limit = static_cast<std::size_t>(-1);  // pivots only in columns < limit
                                                              // (the coefficient part of (A | b))
};

template <Scalar T>
struct Elimination {
    Matrix<T> echelon;                        // the REF or RREF reached (of A Q under complete)
    std::vector<std::size_t> pivots;          // pivot column of row k, k = 0 … rank−1
    std::vector<std::size_t> column_order;    // column j of `echelon` is column column_order[j] of A
    std::vector<RowOperation<T>> operations;  // in order; E = transform_matrix(operations, m)
    std::size_t swaps = 0;                    // row and column interchanges performed
    T scale = T(1);                           // product of the scaling factors used
    T tolerance = T(0);                       // the zero test used (0 for exact scalars)

    std::size_t rank() const { return pivots.size(); }
    // det(echelon) = (−1)^swaps · scale · det(A) for square A.
    T determinant_factor() const { return swaps % 2 ? T(-scale) : scale; }
};

template <Scalar T>
PivotRule resolve_pivot_rule(PivotRule rule) {
    if (rule != PivotRule::automatic) return rule;
    return ScalarTraits<T>::exact ? PivotRule::first_nonzero : PivotRule::partial;
}

// The fraction-free path is taken for exact scalars when asked for, or automatically when nothing
// is traced (the trace shows the textbook method).
template <Scalar T>
bool use_fraction_free(const EliminationOptions<T>& options, const trace::Trace* trace) {
    if constexpr (!std::is_same_v<T, Rational>) {
        return false;
    } else {
        if (options.method == Method::fraction_free) return true;
        return options.method == Method::automatic && trace == nullptr;
    }
}

template <Scalar T>
T magnitude(const T& x) {
    using std::abs;
    return T(abs(x));
}

// tol = max(m, n) · ε · max_ij |a_ij| for floating scalars; 0 for exact ones.
template <Scalar T>
T default_tolerance(const Matrix<T>& A) {
    if constexpr (ScalarTraits<T>::exact) {
        return T(0);
    } else {
        T largest(0);
        for (const T& x : A.entries()) largest = std::max(largest, magnitude(x));
        return T(static_cast<double>(std::max(A.rows(), A.cols()))) * ScalarTraits<T>::epsilon() * largest;
    }
}

template <Scalar T>
bool is_zero_entry(const T& x, const T& tolerance) {
    return ScalarTraits<T>::is_zero(x, tolerance);
}

// ---- The core --------------------------------------------------------------------------------

namespace detail {

// A number as a factor of a product: negative numbers in parentheses, "(-1)".
inline trace::Math factor_math(trace::Math number) {
    if (!number.text.empty() && number.text[0] == '-') return trace::group(std::move(number));
    return number;
}

// The state of one elimination: the matrix being reduced and what has been recorded so far.
template <Scalar T>
class Eliminator {
public:
    Eliminator(Matrix<T> A, PivotRule rule, T tolerance, trace::Trace* trace)
        : trace_(trace), rule_(rule) {
        out_.echelon = std::move(A);
        out_.tolerance = std::move(tolerance);
        out_.column_order.resize(out_.echelon.cols());
        for (std::size_t j = 0; j < out_.column_order.size(); ++j) out_.column_order[j] = j;
    }

    Elimination<T> run(const EliminationGoal& goal);

private:
    Matrix<T>& M() { return out_.echelon; }
    bool zero(const T& x) const { return is_zero_entry(x, out_.tolerance); }

    void record_row_scales(std::size_t limit);
    std::optional<std::size_t> pivot_row(std::size_t r, std::size_t c);
    std::optional<std::pair<std::size_t, std::size_t>> complete_pivot(std::size_t r, std::size_t c,
                                                                       std::size_t limit);
    void interchange_columns(std::size_t c, std::size_t q);
    void perform(const RowOperation<T>& op);
    void bring_up(std::size_t p, std::size_t r);
    void make_pivot_one(std::size_t r, std::size_t c);
    void eliminate_below(std::size_t r, std::size_t c);
    void eliminate_above(std::size_t k);
    void add_clearing_step(const char* side, std::size_t c, std::vector<trace::Step> substeps);
    void add_step(std::string kind, std::string text, std::optional<trace::Math> op,
                  std::vector<trace::Step> substeps = {});
    trace::Math state();

    trace::Trace* trace_;
    PivotRule rule_;
    Elimination<T> out_;
    std::vector<T> row_scale_;  // s_i of scaled partial pivoting, moved with the rows
};

template <Scalar T>
trace::Math Eliminator<T>::state() {
    std::vector<std::size_t> cells;
    for (std::size_t k = 0; k < out_.pivots.size(); ++k) cells.push_back(k * M().cols() + out_.pivots[k]);
    return showwork::to_math(M(), std::move(cells));
}

template <Scalar T>
void Eliminator<T>::add_step(std::string kind, std::string text, std::optional<trace::Math> op,
                             std::vector<trace::Step> substeps) {
    trace::Step step{std::move(kind), std::move(text), std::move(op), state(), std::move(substeps)};
    trace_->add(std::move(step));
}

template <Scalar T>
void Eliminator<T>::perform(const RowOperation<T>& op) {
    op.apply(M());
    out_.operations.push_back(op);
}

template <Scalar T>
void Eliminator<T>::record_row_scales(std::size_t limit) {
    row_scale_.assign(M().rows(), T(0));
    for (std::size_t i = 0; i < M().rows(); ++i)
        for (std::size_t j = 0; j < limit; ++j) row_scale_[i] = std::max(row_scale_[i], magnitude(M()(i, j)));
}

// The pivot row for column c among rows r … m−1, by the pivot rule; none if all are zero.
template <Scalar T>
std::optional<std::size_t> Eliminator<T>::pivot_row(std::size_t r, std::size_t c) {
    std::optional<std::size_t> best;
    T best_size(0);
    for (std::size_t i = r; i < M().rows(); ++i) {
        const T& x = M()(i, c);
        if (zero(x)) continue;
        if (rule_ == PivotRule::first_nonzero) return i;
        T size = magnitude(x);
        if (rule_ == PivotRule::scaled_partial) size /= row_scale_[i];
        if (!best || size > best_size) {
            best = i;
            best_size = std::move(size);
        }
    }
    return best;
}

template <Scalar T>
std::optional<std::pair<std::size_t, std::size_t>> Eliminator<T>::complete_pivot(std::size_t r,
                                                                                  std::size_t c,
                                                                                  std::size_t limit) {
    std::optional<std::pair<std::size_t, std::size_t>> best;
    T best_size(0);
    for (std::size_t i = r; i < M().rows(); ++i) {
        for (std::size_t j = c; j < limit; ++j) {
            const T& x = M()(i, j);
            if (zero(x)) continue;
            T size = magnitude(x);
            if (!best || size > best_size) {
                best = {i, j};
                best_size = std::move(size);
            }
        }
    }
    return best;
}

template <Scalar T>
void Eliminator<T>::interchange_columns(std::size_t c, std::size_t q) {
    for (std::size_t i = 0; i < M().rows(); ++i) std::swap(M()(i, c), M()(i, q));
    std::swap(out_.column_order[c], out_.column_order[q]);
    ++out_.swaps;
    if (trace_) {
        add_step("column_interchange",
                 "Swap columns " + std::to_string(c + 1) + " and " + std::to_string(q + 1) +
                     " to bring the largest entry to the pivot position.",
                 trace::relation(trace::indexed("C", c + 1), trace::Rel::interchange,
                                 trace::indexed("C", q + 1)));
    }
}

template <Scalar T>
void Eliminator<T>::bring_up(std::size_t p, std::size_t r) {
    if (p == r) return;
    auto op = RowOperation<T>::interchange(r, p);
    perform(op);
    if (!row_scale_.empty()) std::swap(row_scale_[r], row_scale_[p]);
    ++out_.swaps;
    if (trace_) {
        const char* why = rule_ == PivotRule::first_nonzero ? "to bring a non-zero pivot up."
                                                           : "to bring the largest pivot up.";
        add_step("interchange",
                 "Swap rows " + std::to_string(r + 1) + " and " + std::to_string(p + 1) + " " + why,
                 op.to_math());
    }
}

// R_r → (1/a_rc) R_r
template <Scalar T>
void Eliminator<T>::make_pivot_one(std::size_t r, std::size_t c) {
    if (M()(r, c) == 1) return;
    auto op = RowOperation<T>::scaling(r, T(T(1) / M()(r, c)));
    out_.scale *= op.factor;
    perform(op);
    M()(r, c) = T(1);  // exactly 1, also in floating point
    if (trace_) {
        add_step("scaling", "Scale row " + std::to_string(r + 1) + " to make its pivot 1.", op.to_math());
    }
}

// R_i → R_i − (a_ic / a_rc) R_r for every row i below r with a_ic ≠ 0.
template <Scalar T>
void Eliminator<T>::eliminate_below(std::size_t r, std::size_t c) {
    std::vector<trace::Step> substeps;
    for (std::size_t i = r + 1; i < M().rows(); ++i) {
        if (zero(M()(i, c))) {  // nothing to clear: skip the multiplier
            M()(i, c) = T(0);
            continue;
        }
        auto op = RowOperation<T>::replacement(i, r, T(-M()(i, c) / M()(r, c)));
        perform(op);
        M()(i, c) = T(0);  // exactly zero, also in floating point
        if (trace_) substeps.push_back({"replacement", op.describe() + ".", op.to_math(), state(), {}});
    }
    if (trace_) add_clearing_step("below", c, std::move(substeps));
}

// Clears the entries above pivot k (its row scaled to 1 already): R_i → R_i − a_ic R_k.
template <Scalar T>
void Eliminator<T>::eliminate_above(std::size_t k) {
    std::size_t c = out_.pivots[k];
    std::vector<trace::Step> substeps;
    for (std::size_t i = 0; i < k; ++i) {
        if (zero(M()(i, c))) {
            M()(i, c) = T(0);
            continue;
        }
        auto op = RowOperation<T>::replacement(i, k, T(-M()(i, c)));
        perform(op);
        M()(i, c) = T(0);
        if (trace_) substeps.push_back({"replacement", op.describe() + ".", op.to_math(), state(), {}});
    }
    if (trace_) add_clearing_step("above", c, std::move(substeps));
}

// One step for the replacements that cleared a column: the operation itself when there was one,
// else the list of them with each as a sub-step.
template <Scalar T>
void Eliminator<T>::add_clearing_step(const char* side, std::size_t c, std::vector<trace::Step> substeps) {
    if (substeps.empty()) return;
    std::string text = std::string("Eliminate ") + side + " the pivot in column " + std::to_string(c + 1) + ".";
    if (substeps.size() == 1) {
        add_step("replacement", text, substeps.front().operation);
        return;
    }
    std::vector<trace::Math> ops;
    for (const auto& s : substeps) ops.push_back(*s.operation);
    add_step("replacements", text, trace::list(std::move(ops)), std::move(substeps));
}

template <Scalar T>
Elimination<T> Eliminator<T>::run(const EliminationGoal& goal) {
    const std::size_t m = M().rows();
    const std::size_t limit = std::min(goal.pivot_limit, M().cols());
    if (rule_ == PivotRule::scaled_partial) record_row_scales(limit);
    if (trace_) {
        add_step("matrix", M().augment() ? "Write the augmented matrix." : "Start from the matrix.",
                 std::nullopt);
    }
    std::size_t r = 0;
    for (std::size_t c = 0; c < limit && r < m; ++c) {
        std::optional<std::size_t> p;
        if (rule_ == PivotRule::complete) {
            auto found = complete_pivot(r, c, limit);
            if (!found) break;  // the rest of the submatrix is zero
            if (found->second != c) interchange_columns(c, found->second);
            p = found->first;
        } else {
            p = pivot_row(r, c);
        }
        if (!p) {
            if (trace_) {
                add_step("free_column",
                         "Column " + std::to_string(c + 1) + " has no pivot: its entries from row " +
                             std::to_string(r + 1) + " down are zero.",
                         std::nullopt);
            }
            continue;
        }
        bring_up(*p, r);
        out_.pivots.push_back(c);
        if (goal.reduced || goal.unit_pivots) make_pivot_one(r, c);
        eliminate_below(r, c);
        ++r;
    }
    if (goal.reduced) {
        // Back phase of Gauss–Jordan, from the last pivot up: every pivot column becomes e_k.
        for (std::size_t k = out_.pivots.size(); k-- > 0;) eliminate_above(k);
    }
    if (trace_) {
        add_step("result",
                 goal.reduced ? "The matrix is in reduced row echelon form."
                              : "The matrix is in row echelon form.",
                 std::nullopt);
    }
    return std::move(out_);
}

}  // namespace detail

// Gauss–Jordan elimination over T (the textbook method; the traced one). See the top of the file.
template <Scalar T>
Elimination<T> eliminate(Matrix<T> A, const EliminationOptions<T>& options, const EliminationGoal& goal,
                         trace::Trace* trace = nullptr) {
    T tolerance = options.tolerance ? *options.tolerance : default_tolerance(A);
    PivotRule rule = resolve_pivot_rule<T>(options.pivot);
    detail::Eliminator<T> eliminator(std::move(A), rule, std::move(tolerance), trace);
    return eliminator.run(goal);
}

// ---- Evidence from the recorded operations ---------------------------------------------------

// A zero row k of the echelon form is Σ_i e_ki (row i of A) with E = transform_matrix(ops):
// these are the coefficients of the combination of A's original rows that gives it.
template <Scalar T>
std::vector<T> row_combination(const std::vector<RowOperation<T>>& ops, std::size_t m, std::size_t k) {
    Matrix<T> E = transform_matrix(ops, m);
    auto row = E.row_view(k);
    return {row.begin(), row.end()};
}

// A dependency Σ_i y_i R_i = 0 written as "R_3 = 2R_1 - R_2": solved for the last row with a
// non-zero coefficient.
template <Scalar T>
std::string dependency_text(const std::vector<T>& y, const T& tolerance = T(0)) {
    std::size_t last = y.size();
    for (std::size_t i = y.size(); i-- > 0;) {
        if (!is_zero_entry(y[i], tolerance)) {
            last = i;
            break;
        }
    }
    if (last == y.size()) return "0 = 0";
    std::string out = "R_" + std::to_string(last + 1) + " =";
    bool first = true;
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (i == last || is_zero_entry(y[i], tolerance)) continue;
        T c = T(-y[i] / y[last]);
        bool negative = c < 0;
        T size = magnitude(c);
        out += first ? (negative ? " -" : " ") : (negative ? " - " : " + ");
        if (size != 1) out += scalar_text(size);
        out += "R_" + std::to_string(i + 1);
        first = false;
    }
    if (first) out += " 0";
    return out;
}

// A combination Σ y_i (equation i) written as "1·(eq 1) - 2·(eq 2)" for messages.
template <Scalar T>
std::string combination_text(const std::vector<T>& y, const std::string& name,
                             const T& tolerance = T(0)) {
    std::string out;
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (is_zero_entry(y[i], tolerance)) continue;
        bool negative = y[i] < 0;
        T size = magnitude(y[i]);
        out += out.empty() ? (negative ? "-" : "") : (negative ? " - " : " + ");
        if (size != 1) out += scalar_text(size) + "·";
        out += "(" + name + " " + std::to_string(i + 1) + ")";
    }
    return out.empty() ? "0" : out;
}

}  // namespace showwork
