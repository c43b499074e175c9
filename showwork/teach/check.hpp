// A student's row reduction checked line by line (the working's format: teach/working.hpp).
//
// Each line is judged from the matrix before it: the student's own matrix of the line before,
// when they wrote one, so that after a slip the later steps are judged on their own merit.
//
//   operations and a matrix   the operations applied exactly; every entry compared; a
//                             difference explained where one can be (teach/slips.hpp)
//   operations only           applied; wrong only if an operation is not allowed
//   a matrix only             row-equivalent to the one before: the same RREF, the same row space
//
// At the end: whether the last matrix is in the form the goal asks (REF, RREF, (I | A⁻¹)) and
// whether a stated answer is right (solve: against the library's solve of the start as (A | b);
// inverse: against its inverse).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "showwork/matrix/echelon.hpp"
#include "showwork/matrix/inverse.hpp"
#include "showwork/solvers/linear_system.hpp"
#include "showwork/teach/answer.hpp"
#include "showwork/teach/goal.hpp"
#include "showwork/teach/slips.hpp"
#include "showwork/teach/working.hpp"

namespace showwork::teach {

// Why a line is wrong; Cause::none for a correct line.
enum class Cause {
    none, sign_slip, multiplier, wrong_row, partial_update, arithmetic, unexplained,
    not_elementary,  // a combination with the target row scaled (keeps the solution set)
    illegal,         // a row lost: scaling by 0, or R_i replaced without itself
    not_equivalent,  // a matrix written alone that is not row-equivalent to the one before
};
std::string_view cause_name(Cause cause);  // "sign_slip", "multiplier", …

template <Scalar T>
struct LineCheck {
    std::size_t line = 0;         // the line of the working, 1-based
    std::string text;             // as written
    bool correct = true;
    Cause cause = Cause::none;
    std::string verdict;          // the sentence: "Line 2: R₂ → R₂ − 2R₁ gives −1 in row 2, …"
    Matrix<T> before;             // the matrix the line starts from
    Matrix<T> expected;           // the operations applied to `before` (`before` when there are none)
    std::optional<Matrix<T>> written;
    std::vector<Difference<T>> differences;
    bool from_own_matrix = false;  // the line before was wrong: `before` is what the student wrote
    std::vector<trace::Math> operations;  // each operation as the notes write it
};

template <Scalar T>
struct WorkingCheck {
    std::vector<LineCheck<T>> lines;
    Matrix<T> final;           // the last matrix: the student's, or their operations' result
    bool goal_met = false;
    std::string goal_verdict;  // "The last matrix is in reduced row echelon form, as --goal rref asks."
    std::optional<bool> answer_correct;  // when the working states an answer, or must (then false)
    std::string answer_verdict;
    bool answer_missing = false;  // the goal asks for an answer (solve, det) and no line states one

    bool all_correct() const {
        for (const auto& l : lines)
            if (!l.correct) return false;
        return goal_met && answer_correct.value_or(true);
    }
    bool only_answer_missing() const { return answer_missing && mistakes() == 1; }
    std::size_t mistakes() const {
        std::size_t n = !goal_met + (answer_correct == false);
        for (const auto& l : lines) n += !l.correct;
        return n;
    }
};

// The start as the working starts from it: for --goal inverse a square A becomes (A | I).
template <Scalar T>
Matrix<T> working_start(const Matrix<T>& start, Goal goal) {
    if (goal == Goal::inverse && start.augment() == 0 && start.is_square())
        return augment(start, Matrix<T>::identity(start.rows()));
    return start;
}

// Checks the working from `start` (with its bar: (A | b) for solve). Throws ParseError naming
// the line for a row outside the matrix, a malformed or mis-shaped matrix, an unreadable answer;
// InputError when the goal does not fit the start (solve without a right-hand side).
template <Scalar T>
WorkingCheck<T> check_working(const Matrix<T>& start, const Working& working, Goal goal,
                              trace::Trace* trace = nullptr);

namespace teach_detail {

// "gives −1 in row 2, column 2; you wrote 1"
template <Scalar T>
std::string differences_text(const std::vector<Difference<T>>& diffs) {
    std::vector<std::string> gives, wrote;
    const std::size_t shown = std::min<std::size_t>(diffs.size(), 4);
    for (std::size_t k = 0; k < shown; ++k) {
        gives.push_back(scalar_text(diffs[k].expected) + " in row " + std::to_string(diffs[k].row + 1) + ", column " +
                        std::to_string(diffs[k].col + 1));
        wrote.push_back(scalar_text(diffs[k].written));
    }
    std::string more = diffs.size() > shown ? " (and " + std::to_string(diffs.size() - shown) + " more entries)" : "";
    return "gives " + listed(gives) + "; you wrote " + listed(wrote) + more;
}

template <Scalar T>
std::vector<std::size_t> highlighted(const std::vector<Difference<T>>& diffs, std::size_t cols) {
    std::vector<std::size_t> cells;
    for (const auto& d : diffs) cells.push_back(d.row * cols + d.col);
    return cells;
}

inline Cause cause_of(Slip slip) {
    switch (slip) {
        case Slip::sign: return Cause::sign_slip;
        case Slip::multiplier: return Cause::multiplier;
        case Slip::wrong_row: return Cause::wrong_row;
        case Slip::partial_update: return Cause::partial_update;
        case Slip::arithmetic: return Cause::arithmetic;
        case Slip::none:
        case Slip::unexplained: break;
    }
    return Cause::unexplained;
}

// The student's matrix of line `line`, with the bar where the start has it.
template <Scalar T>
Matrix<T> written_matrix(const std::string& text, const Matrix<T>& shape, const Working& working, std::size_t line) {
    Matrix<T> W;
    try {
        W = parse_matrix<T>(text);
    } catch (const ParseError& e) {
        throw ParseError(working.where(line) + "the matrix: " + e.what(), line);
    }
    if (W.rows() != shape.rows() || W.cols() != shape.cols()) {
        throw ParseError(working.where(line) + "a " + W.shape() + " matrix, where the working's matrices are " +
                             shape.shape(), line);
    }
    W.set_augment(shape.augment());
    return W;
}

template <Scalar T>
bool row_equivalent(const Matrix<T>& a, const Matrix<T>& b) {
    return same_matrix(rref(a), rref(b));
}

// One line judged from `before`.
template <Scalar T>
LineCheck<T> check_line(const Matrix<T>& before, const WorkingLine& line, const Working& working) {
    LineCheck<T> c;
    c.line = line.number;
    c.text = line.text;
    c.before = before;
    c.expected = before;
    std::vector<StudentOperation<T>> ops;
    for (const auto& op : line.operations) ops.push_back(read_operation<T>(op, before.rows(), working, line.number));
    for (const auto& op : ops) op.apply(c.expected);
    if (line.matrix) c.written = written_matrix<T>(*line.matrix, before, working, line.number);

    std::vector<std::string> op_texts, problems;
    for (const auto& op : ops) {
        c.operations.push_back(op.math);
        op_texts.push_back(trace::to_text(op.math));
        if (op.is_mistake()) {
            problems.push_back(line.operations.size() > 1 ? op_texts.back() + ": " + op.what_is_wrong : op.what_is_wrong);
            c.correct = false;
            c.cause = op.kind == OperationKind::row_lost ? Cause::illegal : Cause::not_elementary;
        }
    }
    std::string head = "Line " + std::to_string(line.number) + ": ";
    if (!ops.empty()) {
        std::string joined;
        for (const auto& t : op_texts) joined += (joined.empty() ? "" : ", ") + t;
        head += joined;
    } else {
        head += "the matrix you wrote";
    }
    std::string sentence;
    if (ops.empty()) {
        if (row_equivalent(before, *c.written)) {
            sentence = " is row-equivalent to the one before (the same reduced row echelon form) — correct.";
        } else {
            c.correct = false;
            c.cause = Cause::not_equivalent;
            sentence = " is not row-equivalent to the one before: their reduced row echelon forms differ, so no "
                       "row operations lead from one to the other.";
        }
    } else if (c.written) {
        c.differences = differences(c.expected, *c.written);
        if (!c.differences.empty()) {
            Diagnosis<T> d = diagnose(before, ops, *c.written, c.differences);
            sentence = " " + differences_text(c.differences) + " — " + d.why + ".";
            if (!problems.empty()) sentence += " Also, " + listed(problems) + ".";
            if (c.correct) c.cause = cause_of(d.slip);
            c.correct = false;
        } else {
            sentence = c.correct ? " — correct." : " — " + listed(problems) + ".";
        }
    } else {
        sentence = c.correct ? " — applied (no matrix written)." : " — " + listed(problems) + ".";
    }
    c.verdict = head + sentence;
    return c;
}

template <Scalar T>
trace::Math line_state(const LineCheck<T>& c, const std::optional<trace::Math>& operation) {
    const std::vector<std::size_t> marks = highlighted(c.differences, c.before.cols());
    if (!operation) {  // a matrix alone: ∼ when row-equivalent, ≁ shown as ≠ otherwise
        return trace::relation(to_math(c.before), c.correct ? trace::Rel::equivalent : trace::Rel::not_equals,
                               to_math(*c.written));
    }
    if (!c.written || c.differences.empty()) return trace::arrow(to_math(c.before), *operation, to_math(c.expected));
    // B →(op) E ≠ W, the entries that differ marked in E and in W
    return trace::chain({to_math(c.before), to_math(c.expected, marks), to_math(*c.written, marks)},
                        {trace::Rel::arrow, trace::Rel::not_equals}, {*operation, trace::empty()});
}

template <Scalar T>
void record_line(trace::Trace* trace, const LineCheck<T>& c) {
    if (!trace || trace->exhausted()) {
        if (trace) trace->add(trace::kind::working_line, {});
        return;
    }
    std::optional<trace::Math> operation;
    if (c.operations.size() == 1) operation = c.operations[0];
    else if (!c.operations.empty()) operation = trace::list(c.operations);
    trace->add(trace::kind::working_line, c.verdict, operation, line_state(c, operation));
}

// det A from the working's own operations, when every line is right and gives its operations:
// the last matrix is triangular, so its det is the diagonal's product d; an interchange changes
// det's sign and R_i → cR_i (or R_i → cR_i + …) multiplies it by c, so det A = (−1)^k · d / Π c.
// The sentence says so, for an answer that got it wrong; nothing otherwise.
template <Scalar T>
std::optional<std::string> det_bookkeeping(const Working& working, const std::vector<LineCheck<T>>& lines,
                                           const Matrix<T>& final) {
    if (lines.empty() || !is_row_echelon(final)) return std::nullopt;
    std::size_t interchanges = 0;
    T scale(1), diagonal(1);
    for (std::size_t l = 0; l < lines.size(); ++l) {
        const WorkingLine& line = working.lines[l];
        if (!lines[l].correct || line.operations.empty()) return std::nullopt;
        for (const WrittenOperation& op : line.operations) {
            const StudentOperation<T> read = read_operation<T>(op, final.rows(), working, line.number);
            if (read.kind != OperationKind::elementary) scale *= read.coefficients[read.target];  // R_i → cR_i + …
            else if (read.elementary.kind == RowOpKind::interchange) ++interchanges;
            else if (read.elementary.kind == RowOpKind::scaling) scale *= read.elementary.factor;
        }
    }
    if (scale == T(0)) return std::nullopt;
    for (std::size_t i = 0; i < final.rows(); ++i) diagonal *= final(i, i);
    const T det = (interchanges % 2 == 1 ? T(-1) : T(1)) * diagonal / scale;
    std::string sentence = "From your working: the last matrix's diagonal gives " + scalar_text(diagonal);
    if (interchanges > 0) {
        sentence += ", " + std::to_string(interchanges) +
                    (interchanges == 1 ? " interchange changes the sign" : " interchanges change the sign") +
                    (interchanges % 2 == 1 ? " (an odd number: −1)" : " (an even number: +1)");
    }
    if (scale != T(1)) sentence += ", and the scalings multiplied det by " + scalar_text(scale) + ", so divide by it";
    return sentence + ": det A = " + scalar_text(det) + ".";
}

}  // namespace teach_detail

template <Scalar T>
WorkingCheck<T> check_working(const Matrix<T>& start, const Working& working, Goal goal, trace::Trace* trace) {
    using namespace teach_detail;
    if (goal == Goal::solve && start.augment() != 1)
        throw InputError("--goal solve checks (A | b): a start matrix with one column right of the bar (--augment 1)");
    if (goal == Goal::det && (!start.is_square() || start.augment() != 0))
        throw InputError("--goal det takes A, square and without a bar, not a " + start.shape() + " matrix");
    // each line keeps the matrix before it, the one it should give and the one written
    const double kept = 3.0 * static_cast<double>(working.lines.size()) * static_cast<double>(working_start(start, goal).size());
    if (kept > static_cast<double>(max_working_entries)) {
        throw InputError(working.origin + (working.origin.empty() ? "" : ": ") + std::to_string(working.lines.size()) +
                         " lines of a " + working_start(start, goal).shape() + " matrix: checking them keeps about " +
                         thousands(static_cast<std::size_t>(kept)) + " entries, more than the " +
                         thousands(max_working_entries) + " a check may keep");
    }
    WorkingCheck<T> out;
    Matrix<T> current = working_start(start, goal);
    bool previous_wrong = false;
    std::size_t previous_line = 0;
    for (const WorkingLine& line : working.lines) {
        LineCheck<T> c = check_line(current, line, working);
        c.from_own_matrix = previous_wrong;
        if (previous_wrong) c.verdict += " (Judged from your own matrix of line " + std::to_string(previous_line) + ".)";
        if (!c.correct && c.written && &line != &working.lines.back())
            c.verdict += " The lines after it are judged from the matrix you wrote.";
        record_line(trace, c);
        current = c.written ? *c.written : c.expected;
        previous_wrong = !c.correct && c.written.has_value();
        previous_line = line.number;
        out.lines.push_back(std::move(c));
    }
    out.final = current;
    Judgement reached = judge_goal(working_start(start, goal), current, goal);
    out.goal_met = reached.right;
    out.goal_verdict = reached.verdict;
    if (trace) trace->add(trace::kind::working_goal, reached.verdict, std::nullopt, to_math(current));
    if (working.answer) {
        Judgement answer = judge_answer(start, goal, working);
        out.answer_correct = answer.right;
        out.answer_verdict = "Line " + std::to_string(working.answer_line) + ": " + answer.verdict;
        if (goal == Goal::det && !answer.right) {
            if (std::optional<std::string> how = det_bookkeeping(working, out.lines, current)) out.answer_verdict += " " + *how;
        }
        if (trace) trace->add(trace::kind::working_answer, out.answer_verdict);
    } else if (goal == Goal::solve || goal == Goal::det) {
        // a working that never states what it found is incomplete, however right its lines
        out.answer_correct = false;
        out.answer_missing = true;
        out.answer_verdict = goal == Goal::solve
                                 ? "The working never states its answer: end it with a line such as "
                                   "\"answer: x = 0, y = 2\" (or \"answer: none\")."
                                 : "The working never states its answer: end it with a line such as \"answer: det = -2\".";
        if (trace) trace->add(trace::kind::working_answer, out.answer_verdict);
    }
    return out;
}

#define SHOWWORK_TEACH_CHECK_INSTANCES(EXTERN, T)                                                          \
    EXTERN template WorkingCheck<T> check_working(const Matrix<T>&, const Working&, Goal, trace::Trace*);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_TEACH_CHECK_INSTANCES)

}  // namespace showwork::teach
