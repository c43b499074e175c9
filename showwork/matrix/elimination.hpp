// Gaussian elimination: the one entry point every echelon-based routine is built on.
//
// eliminate(A, options, goal) brings A to row echelon form (REF) by row operations, column by
// column: choose a pivot in the column (the pivot rule), swap it up, optionally scale it to 1,
// clear the entries below it. With goal.reduced it then clears above every pivot, from the last
// to the first (Gauss–Jordan), giving the reduced row echelon form (RREF). reduce, rank,
// determinant, inverse, lu, solve and null_space each eliminate once and read their answer off
// the record.
//
// The contract. eliminate() chooses one of three engines, here and nowhere else:
//   fraction_free  Bareiss (matrix/bareiss.hpp): Rational, first_nonzero pivots, method
//                  fraction_free or automatic without a sink, when the goal is the RREF or
//                  does not need the textbook's REF (goal.need)
//   blocked        P A = L U in blocks (matrix/fast/lu_blocked.hpp): double, no sink, partial
//                  pivoting, a square coefficient part, a plain REF (not reduced, no unit pivots)
//   textbook       the loop below, the only traced one: every other case, and method gauss_jordan
// Whichever ran, the record holds the echelon form asked for (empty for need == pivots), the
// pivots, the column order, the swaps, the tolerance, the determinant of a square coefficient
// part, and one PivotStep per pivot with its column and pivot row. Only the textbook loop also
// records the row operations and, in each PivotStep, the rows it cleared and its operations.
// When a fast engine leaves a row below the rank that is not zero — a dependency among the rows
// of A, or a row 0 = c of a system — the evidence is a combination of A's rows, which only the
// operations give: the entry point then reruns the textbook loop. The blocked engine also hands
// over to the textbook loop when a column has no pivot.
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
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/bareiss.hpp"
#include "showwork/matrix/fast/lu_blocked.hpp"
#include "showwork/matrix/row_ops.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/trace/trace.hpp"
#include "showwork/matrix/instances.hpp"

namespace showwork {

enum class PivotRule { automatic, first_nonzero, partial, scaled_partial, complete };

// gauss_jordan: the textbook elimination over T, the one that is traced.
// fraction_free: Bareiss elimination over integers (Rational only), one division at the end.
// automatic: the fastest engine that reaches the goal (see the top of the file).
enum class Method { automatic, gauss_jordan, fraction_free };

// "first_nonzero", "partial", "scaled_partial", "complete", "automatic"; InputError otherwise.
PivotRule parse_pivot_rule(std::string_view name);
Method parse_method(std::string_view name);
std::string_view pivot_rule_name(PivotRule rule);
std::string_view method_name(Method method);

template <Scalar T>
struct Elimination;

template <Scalar T>
struct EliminationOptions {
    PivotRule pivot = PivotRule::automatic;
    Method method = Method::automatic;
    std::optional<T> tolerance;  // floating only: |x| <= tolerance is zero (default: see above)
    // With steps, a step that clears a column with several replacements lists them; each is a
    // sub-step of its own (a sentence and the matrix after it) in the first such step only, where
    // the single replacement is taught, or in every one with `every_replacement` (--detail full).
    bool every_replacement = false;
    // Called with the record of the operation's elimination, so that a caller of inverse, solve,
    // rref, rank or det can read the pivot steps of the run that gave the answer.
    std::function<void(const Elimination<T>&)> observe;
};

// What the caller reads off the record besides pivots, swaps, steps and determinant.
enum class Need {
    echelon,      // the form asked for: the textbook's REF (a REF is not unique), or the RREF
    any_echelon,  // some echelon form of it, REF or RREF (back substitution reads either)
    pivots,       // nothing more: a fast engine may leave `echelon` empty
};

// What the elimination is asked to reach.
struct EliminationGoal {
    bool reduced = false;      // RREF (clear above the pivots too) rather than REF
    bool unit_pivots = false;  // scale each pivot row so its pivot is 1 (always, when reduced)
    std::size_t pivot_limit = static_cast<std::size_t>(-1);  // pivots only in columns < limit
                                                              // (the coefficient part of (A | b))
    Need need = Need::echelon;
    bool multipliers = false;  // also L of P A = L U (REF without scaling)
};

enum class Engine { textbook, fraction_free, blocked };

// One pivot of the forward phase: R_k ↔ R_p, [R_k → (1/a_kc) R_k], R_i → R_i − l_ik R_k (i > k).
struct PivotStep {
    std::size_t column = 0;            // c: the pivot column (of A Q under complete pivoting)
    std::size_t pivot_row = 0;         // p: the row the pivot came from (p = k: no interchange)
    bool scaled = false;               // the pivot row was scaled to make the pivot 1
    std::vector<std::size_t> cleared;  // the rows i > k replaced (textbook only)
    std::size_t first = 0, end = 0;    // its row operations, operations[first, end) (textbook only)
};

// The record of one elimination (see the top of the file for which engine fills what).
template <Scalar T>
struct Elimination {
    Engine engine = Engine::textbook;
    Matrix<T> echelon;                        // the REF or RREF reached (of A Q under complete)
    std::vector<std::size_t> pivots;          // pivot column of row k, k = 0 … rank−1
    std::vector<std::size_t> column_order;    // column j of `echelon` is column column_order[j] of A
    std::size_t swaps = 0;                    // row and column interchanges performed
    T tolerance = T(0);                       // the zero test used (0 for exact scalars)
    std::optional<T> determinant;             // det of the coefficient part, when it is square
    std::vector<PivotStep> steps;             // one per pivot, in order
    std::vector<RowOperation<T>> operations;  // textbook only; E = transform_matrix(operations, m)
    Matrix<T> lower;                          // L of P A = L U (goal.multipliers only)

    std::size_t rank() const { return pivots.size(); }
    // Row i of P A is row row_order(m)[i] of the m-row A: the steps' interchanges in order.
    std::vector<std::size_t> row_order(std::size_t m) const {
        std::vector<std::size_t> order(m);
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        for (std::size_t k = 0; k < steps.size(); ++k) std::swap(order[k], order[steps[k].pivot_row]);
        return order;
    }
};

template <Scalar T>
PivotRule resolve_pivot_rule(PivotRule rule) {
    if (rule != PivotRule::automatic) return rule;
    return ScalarTraits<T>::exact ? PivotRule::first_nonzero : PivotRule::partial;
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

namespace matrix_detail {

// The state of one elimination: the matrix being reduced and what has been recorded so far.
template <Scalar T>
class Eliminator {
public:
    Eliminator(Matrix<T> A, PivotRule rule, T tolerance, bool every_replacement, trace::Trace* trace)
        : trace_(trace), rule_(rule), every_replacement_(every_replacement) {
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
    void record_replacement(const RowOperation<T>& op, bool detailed, std::vector<trace::Math>& ops,
                            std::vector<trace::Step>& substeps);
    void add_clearing_step(const char* side, std::size_t c, std::vector<trace::Math> ops,
                           std::vector<trace::Step> substeps);
    // Whether the next clearing step shows its replacements one by one (EliminationOptions).
    bool details_replacements() const { return recording() && (every_replacement_ || !replacements_detailed_); }
    void add_step(std::string_view kind, std::string text, std::optional<trace::Math> op,
                  std::vector<trace::Step> substeps = {}, bool with_state = true);
    trace::Math state();

    PivotStep& step() { return out_.steps.back(); }
    void record_determinant(std::size_t limit);

    trace::Trace* trace_;
    // Whether steps are being recorded: there is a sink and the derivation is within its size limit.
    bool recording() const { return trace_ != nullptr && !trace_->exhausted(); }
    PivotRule rule_;
    bool every_replacement_;
    bool replacements_detailed_ = false;  // a clearing step has shown its replacements one by one
    std::optional<trace::Math> last_state_;  // the matrix the last step showed
    Elimination<T> out_;
    T pivot_product_ = T(1);  // Π of the pivots as found, before any scaling
    std::vector<T> row_scale_;  // s_i of scaled partial pivoting, moved with the rows
};

template <Scalar T>
trace::Math Eliminator<T>::state() {
    std::vector<std::size_t> cells;
    for (std::size_t k = 0; k < out_.pivots.size(); ++k) cells.push_back(k * M().cols() + out_.pivots[k]);
    return showwork::to_math(M(), std::move(cells));
}

// A step and, unless told otherwise, the matrix after it.
template <Scalar T>
void Eliminator<T>::add_step(std::string_view kind, std::string text, std::optional<trace::Math> op,
                             std::vector<trace::Step> substeps, bool with_state) {
    std::optional<trace::Math> now;
    if (with_state) last_state_ = now = state();
    trace::Step step{std::string(kind), std::move(text), std::move(op), std::move(now), std::move(substeps)};
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
    if (recording()) {
        add_step(trace::kind::column_interchange,
                 "Swap columns " + std::to_string(c + 1) + " and " + std::to_string(q + 1) +
                     " to bring the largest entry to the pivot position.",
                 trace::relation(trace::indexed("C", c + 1), trace::Rel::interchange,
                                 trace::indexed("C", q + 1)));
    }
}

template <Scalar T>
void Eliminator<T>::bring_up(std::size_t p, std::size_t r) {
    step().pivot_row = p;
    if (p == r) return;
    auto op = RowOperation<T>::interchange(r, p);
    perform(op);
    if (!row_scale_.empty()) std::swap(row_scale_[r], row_scale_[p]);
    ++out_.swaps;
    if (recording()) {
        const char* why = rule_ == PivotRule::first_nonzero ? "to bring a non-zero pivot up."
                                                           : "to bring the largest pivot up.";
        add_step(trace::kind::interchange,
                 "Swap rows " + std::to_string(r + 1) + " and " + std::to_string(p + 1) + " " + why,
                 op.to_math());
    }
}

// R_r → (1/a_rc) R_r
template <Scalar T>
void Eliminator<T>::make_pivot_one(std::size_t r, std::size_t c) {
    if (M()(r, c) == 1) return;
    auto op = RowOperation<T>::scaling(r, T(T(1) / M()(r, c)));
    perform(op);
    step().scaled = true;
    M()(r, c) = T(1);  // exactly 1, also in floating point
    if (recording()) {
        add_step(trace::kind::scaling, "Scale row " + std::to_string(r + 1) + " to make its pivot 1.", op.to_math());
    }
}

// R_i → R_i − (a_ic / a_rc) R_r for every row i below r with a_ic ≠ 0.
template <Scalar T>
void Eliminator<T>::eliminate_below(std::size_t r, std::size_t c) {
    const bool detailed = details_replacements();
    std::vector<trace::Math> ops;
    std::vector<trace::Step> substeps;
    for (std::size_t i = r + 1; i < M().rows(); ++i) {
        if (zero(M()(i, c))) {  // nothing to clear: skip the multiplier
            M()(i, c) = T(0);
            continue;
        }
        auto op = RowOperation<T>::replacement(i, r, T(-M()(i, c) / M()(r, c)));
        perform(op);
        step().cleared.push_back(i);
        M()(i, c) = T(0);  // exactly zero, also in floating point
        record_replacement(op, detailed, ops, substeps);
    }
    if (recording()) add_clearing_step("below", c, std::move(ops), std::move(substeps));
}

// Clears the entries above pivot k (its row scaled to 1 already): R_i → R_i − a_ic R_k.
template <Scalar T>
void Eliminator<T>::eliminate_above(std::size_t k) {
    std::size_t c = out_.pivots[k];
    const bool detailed = details_replacements();
    std::vector<trace::Math> ops;
    std::vector<trace::Step> substeps;
    for (std::size_t i = 0; i < k; ++i) {
        if (zero(M()(i, c))) {
            M()(i, c) = T(0);
            continue;
        }
        auto op = RowOperation<T>::replacement(i, k, T(-M()(i, c)));
        perform(op);
        M()(i, c) = T(0);
        record_replacement(op, detailed, ops, substeps);
    }
    if (recording()) add_clearing_step("above", c, std::move(ops), std::move(substeps));
}

// det A = (−1)^swaps · Π pivots for a square coefficient part (0 without a pivot in every column):
// an interchange multiplies det by −1 and a replacement leaves it.
template <Scalar T>
void Eliminator<T>::record_determinant(std::size_t limit) {
    if (M().rows() != limit) return;
    if (out_.rank() < limit) {
        out_.determinant = T(0);
    } else {
        out_.determinant = out_.swaps % 2 ? T(-pivot_product_) : pivot_product_;
    }
}

// A replacement of a clearing step: its operation, and as a sub-step of its own when detailed.
template <Scalar T>
void Eliminator<T>::record_replacement(const RowOperation<T>& op, bool detailed, std::vector<trace::Math>& ops,
                                       std::vector<trace::Step>& substeps) {
    if (!recording()) return;
    ops.push_back(op.to_math());
    if (detailed) substeps.push_back({std::string(trace::kind::replacement), op.describe() + ".", op.to_math(), state(), {}});
}

// One step for the replacements that cleared a column: the operation itself when there was one,
// else the list of them, each a sub-step when detailed (details_replacements()).
template <Scalar T>
void Eliminator<T>::add_clearing_step(const char* side, std::size_t c, std::vector<trace::Math> ops,
                                      std::vector<trace::Step> substeps) {
    if (ops.empty()) return;
    std::string text = std::string("Eliminate ") + side + " the pivot in column " + std::to_string(c + 1) + ".";
    if (ops.size() == 1) {
        add_step(trace::kind::replacement, text, std::move(ops.front()));
        return;
    }
    if (substeps.size() == ops.size()) replacements_detailed_ = true;
    else substeps.clear();
    add_step(trace::kind::replacements, text, trace::list(std::move(ops)), std::move(substeps));
}

template <Scalar T>
Elimination<T> Eliminator<T>::run(const EliminationGoal& goal) {
    const std::size_t m = M().rows();
    const std::size_t limit = std::min(goal.pivot_limit, M().cols());
    if (rule_ == PivotRule::scaled_partial) record_row_scales(limit);
    if (recording()) {
        add_step(trace::kind::matrix, M().augment() ? "Write the augmented matrix." : "Start from the matrix.",
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
            if (recording()) {
                add_step(trace::kind::free_column,
                         "Column " + std::to_string(c + 1) + " has no pivot: its entries from row " +
                             std::to_string(r + 1) + " down are zero.",
                         std::nullopt, {}, false);
            }
            continue;
        }
        out_.steps.push_back({c, r, false, {}, out_.operations.size(), out_.operations.size()});
        bring_up(*p, r);
        out_.pivots.push_back(c);
        pivot_product_ *= M()(r, c);
        if (goal.reduced || goal.unit_pivots) make_pivot_one(r, c);
        eliminate_below(r, c);
        step().end = out_.operations.size();
        ++r;
    }
    record_determinant(limit);
    if (goal.reduced) {
        // Back phase of Gauss–Jordan, from the last pivot up: every pivot column becomes e_k.
        for (std::size_t k = out_.pivots.size(); k-- > 0;) eliminate_above(k);
    }
    if (recording()) {
        // the matrix again only if it is not what the last step showed (a last pivot now marked)
        add_step(trace::kind::result,
                 goal.reduced ? "The matrix is in reduced row echelon form."
                              : "The matrix is in row echelon form.",
                 std::nullopt, {}, last_state_ != state());
    }
    return std::move(out_);
}

}  // namespace matrix_detail

// ---- The engines behind the entry point ------------------------------------------------------

// The engine eliminate() runs for these options, goal and sink (the contract at the top).
// Fraction-free elimination pivots on the first non-zero entry whatever the rule: what is read
// off it (RREF, rank, pivot columns, det, inverse, solutions) does not depend on the rule.
template <Scalar T>
Engine choose_engine(const Matrix<T>& A, const EliminationOptions<T>& options, const EliminationGoal& goal,
                     const trace::Trace* trace) {
    if (options.method == Method::gauss_jordan) return Engine::textbook;
    if constexpr (std::is_same_v<T, Rational>) {
        const bool asked = options.method == Method::fraction_free || trace == nullptr;
        const bool reaches = goal.reduced || goal.need != Need::echelon;
        if (asked && reaches && !goal.multipliers) return Engine::fraction_free;
    }
    if constexpr (std::is_same_v<T, double>) {
        const bool square = A.rows() > 0 && A.rows() == std::min(goal.pivot_limit, A.cols());
        const bool plain = !goal.reduced && !goal.unit_pivots;
        if (!trace && square && plain && resolve_pivot_rule<T>(options.pivot) == PivotRule::partial)
            return Engine::blocked;
    }
    return Engine::textbook;
}

// Bareiss's integer elimination is not traced: when it was asked for with a sink, the
// derivation says so rather than show nothing.
inline void note_untraced_fraction_free(trace::Trace* trace) {
    if (trace)
        trace->add(trace::kind::note, "Fraction-free elimination (Bareiss) shows its result only; the gauss_jordan "
                                      "method shows the steps.");
}

// The sink for a traced routine: the caller's when the textbook loop runs, none when a fast
// engine does (they show no steps, so neither does what is read off them).
template <Scalar T>
trace::Trace* sink_for(const Matrix<T>& A, const EliminationOptions<T>& options, const EliminationGoal& goal,
                       trace::Trace* trace) {
    const Engine engine = choose_engine(A, options, goal, trace);
    if (engine == Engine::fraction_free) note_untraced_fraction_free(trace);
    return engine == Engine::textbook ? trace : nullptr;
}

namespace matrix_detail {

template <Scalar T>
Elimination<T> by_textbook(Matrix<T> A, const EliminationOptions<T>& options, const EliminationGoal& goal,
                           trace::Trace* trace) {
    T tolerance = options.tolerance ? *options.tolerance : default_tolerance(A);
    Eliminator<T> eliminator(std::move(A), resolve_pivot_rule<T>(options.pivot), std::move(tolerance),
                             options.every_replacement, trace);
    return eliminator.run(goal);
}

// L of P A = L U from the textbook's steps: l_ik = −(the factor of R_i → R_i + f R_k); an
// interchange of step k moves the multipliers already stored (columns < k) with their rows.
template <Scalar T>
Matrix<T> lower_factor(const Elimination<T>& e) {
    const std::size_t m = e.echelon.rows();
    Matrix<T> L = Matrix<T>::identity(m);
    for (std::size_t k = 0; k < e.steps.size(); ++k) {
        const PivotStep& s = e.steps[k];
        for (std::size_t j = 0; j < k; ++j) std::swap(L(k, j), L(s.pivot_row, j));
        for (std::size_t q = s.first; q < s.end; ++q) {
            const RowOperation<T>& op = e.operations[q];
            if (op.kind == RowOpKind::replacement) L(op.target, k) = T(-op.factor);
        }
    }
    return L;
}

// Pivots, pivot rows, swaps and det from Bareiss; its RREF unless only the pivots are needed.
inline Elimination<Rational> by_fraction_free(const Matrix<Rational>& A, const EliminationGoal& goal) {
    const std::size_t limit = std::min(goal.pivot_limit, A.cols());
    const bool entries = goal.need != Need::pivots || limit < A.cols();  // rows 0 = c are checked
    FractionFreeElimination f = fraction_free_elimination(A, limit, entries);
    Elimination<Rational> out;
    out.engine = Engine::fraction_free;
    out.echelon = std::move(f.rref);
    out.pivots = std::move(f.pivots);
    for (std::size_t j = 0; j < A.cols(); ++j) out.column_order.push_back(j);
    out.swaps = f.swaps;
    for (std::size_t k = 0; k < out.pivots.size(); ++k) out.steps.push_back({out.pivots[k], f.pivot_rows[k], false, {}, 0, 0});
    if (A.rows() == limit) out.determinant = std::move(f.determinant);
    return out;
}

// P A = L U in blocks; empty when a column has no pivot. U, and L⁻¹ P applied to the columns
// right of the square coefficient part, make the echelon form.
inline std::optional<Elimination<double>> by_blocks(const Matrix<double>& A, const EliminationGoal& goal,
                                                    double tolerance) {
    const std::size_t n = A.rows(), cols = A.cols();
    std::optional<BlockedLU> f = blocked_lu(A.entries().data(), n, cols, tolerance);
    if (!f) return std::nullopt;
    Elimination<double> out;
    out.engine = Engine::blocked;
    out.tolerance = tolerance;
    out.swaps = f->swaps;
    double det = 1;
    for (std::size_t k = 0; k < n; ++k) {
        out.pivots.push_back(k);
        out.column_order.push_back(k);
        out.steps.push_back({k, f->pivot_rows[k], false, {}, 0, 0});
        det *= f->factors[k * n + k];
    }
    out.determinant = f->swaps % 2 ? -det : det;
    for (std::size_t j = n; j < cols; ++j) out.column_order.push_back(j);
    if (goal.need == Need::pivots) return out;
    out.echelon = Matrix<double>(n, cols);
    out.echelon.set_augment(A.augment());
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i; j < n; ++j) out.echelon(i, j) = f->factors[i * n + j];
    if (goal.multipliers) {
        out.lower = Matrix<double>::identity(n);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < i; ++j) out.lower(i, j) = f->factors[i * n + j];
    }
    for (std::size_t j = n; j < cols; ++j) {
        std::vector<double> y = forward_substitute(*f, A.entries().data() + j, cols);
        for (std::size_t i = 0; i < n; ++i) out.echelon(i, j) = y[i];
    }
    return out;
}

// A fast engine's echelon form with a non-zero row below the rank: a dependency or a row 0 = c,
// whose evidence (a combination of A's rows) only the textbook's operations give.
template <Scalar T>
bool needs_evidence(const Elimination<T>& e) {
    for (std::size_t i = e.rank(); i < e.echelon.rows(); ++i)
        for (std::size_t j = 0; j < e.echelon.cols(); ++j)
            if (!is_zero_entry(e.echelon(i, j), e.tolerance)) return true;
    return false;
}

}  // namespace matrix_detail

// The one entry point: the engine chosen by choose_engine, the record as the top of the file says.
namespace matrix_detail {

template <Scalar T>
Elimination<T> by_chosen_engine(Matrix<T> A, const EliminationOptions<T>& options, const EliminationGoal& goal,
                                trace::Trace* trace) {
    const Engine engine = choose_engine(A, options, goal, trace);
    if constexpr (std::is_same_v<T, Rational>) {
        if (engine == Engine::fraction_free) {
            note_untraced_fraction_free(trace);
            Elimination<T> e = by_fraction_free(A, goal);
            if (!needs_evidence(e)) return e;
            trace = nullptr;  // the rerun only fetches the evidence: fraction-free is not traced
        }
    }
    if constexpr (std::is_same_v<T, double>) {
        if (engine == Engine::blocked) {
            const double tolerance = options.tolerance ? *options.tolerance : default_tolerance(A);
            if (auto e = by_blocks(A, goal, tolerance)) return std::move(*e);
        }
    }
    Elimination<T> e = by_textbook(std::move(A), options, goal, trace);
    if (goal.multipliers) e.lower = lower_factor(e);
    return e;
}

}  // namespace matrix_detail

// The one entry point: the engine chosen by choose_engine, the record as the top of the file says.
template <Scalar T>
Elimination<T> eliminate(Matrix<T> A, const EliminationOptions<T>& options, const EliminationGoal& goal,
                         trace::Trace* trace = nullptr) {
    Elimination<T> e = matrix_detail::by_chosen_engine(std::move(A), options, goal, trace);
    if (options.observe) options.observe(e);
    return e;
}

#define SHOWWORK_ELIMINATION_INSTANCES(EXTERN, T) \
    EXTERN template class matrix_detail::Eliminator<T>;                                          \
    EXTERN template Elimination<T> eliminate(Matrix<T>, const EliminationOptions<T>&, const EliminationGoal&, \
                                             trace::Trace*);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_ELIMINATION_INSTANCES)

}  // namespace showwork
