// Checking a student's working: hand-written workings, correct and with one slip of each kind the
// checker recognises; after a slip the later lines judged from the student's own matrix; the goal
// and the answer; bad input named by its line; and the library's own eliminations, written out as
// a student would, passing on many seeded random matrices.
#include <random>

#include "support.hpp"
#include "showwork/matrix/echelon.hpp"
#include "showwork/teach/check.hpp"
#include "showwork/teach/generate.hpp"
#include "showwork/trace/render.hpp"

namespace test_teach {  // this file's names, apart from the other suites' in the unity build

using namespace showwork;
using namespace showwork::teach;
using Q = Rational;
using M = Matrix<Rational>;

namespace {

// The notes' system (A | b) = (2 3 | 6; 4 5 | 10).
M notes_system() {
    M A{{2, 3, 6}, {4, 5, 10}};
    A.set_augment(1);
    return A;
}

WorkingCheck<Q> checked(const M& start, std::string_view working, Goal goal = Goal::rref, trace::Trace* trace = nullptr) {
    return check_working(start, parse_working(working), goal, trace);
}

// The one line's check of a one-line working from `start`.
LineCheck<Q> one_line(const M& start, std::string_view line) { return checked(start, line, Goal::ref).lines.at(0); }


// How the library's elimination of A goes, written as a student's working (teach/generate.hpp).
// `reached` is the library's echelon form.
std::string teach_working_of(const M& A, bool reduced, M* reached = nullptr) {
    const std::size_t pivot_columns = A.cols() - A.augment();
    if (reached) {
        EliminationGoal goal;
        goal.reduced = reduced;
        goal.pivot_limit = pivot_columns;
        EliminationOptions<Q> options;
        options.method = Method::gauss_jordan;
        *reached = eliminate(A, options, goal).echelon;
    }
    return written_working(A, reduced, pivot_columns);
}

}  // namespace

TEST_CASE("the working's format: operations, a matrix, both, comments, and the answer line") {
    Working w = parse_working("# the notes' system\n"
                              "\n"
                              "R2 -> R2 - 2R1 : [2 3 | 6; 0 -1 | -2]\n"
                              "R₂ → −1R₂; R1 -> R1 - 3R2   # two at once\n"
                              "[2 0 | 0; 0 1 | 2]\n"
                              "answer: x = 0, y = 2\n",
                              "w.txt");
    REQUIRE(w.lines.size() == 3);
    CHECK(w.lines[0].number == 3);
    CHECK(w.lines[0].operations.size() == 1);
    CHECK(w.lines[0].matrix == "2 3   6; 0 -1   -2");
    CHECK(w.lines[1].operations.size() == 2);
    CHECK(!w.lines[1].matrix);
    CHECK(w.lines[2].operations.empty());
    CHECK(w.answer == "x = 0, y = 2");
    CHECK(w.answer_line == 6);
}

TEST_CASE("a correct working of the notes' system passes, with its goal and answer") {
    WorkingCheck<Q> c = checked(notes_system(),
                                "R2 -> R2 - 2R1 : [2 3 | 6; 0 -1 | -2]\n"
                                "R2 -> -1 R2 : [2 3 | 6; 0 1 | 2]\n"
                                "R1 -> R1 - 3R2 : [2 0 | 0; 0 1 | 2]\n"
                                "R1 -> 1/2 R1 : [1 0 | 0; 0 1 | 2]\n"
                                "answer: x = 0, y = 2\n",
                                Goal::solve);
    for (const auto& l : c.lines) CHECK_MESSAGE(l.correct, l.verdict);
    CHECK(c.goal_met);
    CHECK(c.answer_correct == true);
    CHECK(c.all_correct());
    CHECK(c.mistakes() == 0);
    CHECK(c.lines[0].verdict == "Line 1: R₂ → R₂ − 2R₁ — correct.");
}

TEST_CASE("a sign slip in one entry: the verdict names the entry, what it should be and what was written") {
    WorkingCheck<Q> c = checked(notes_system(),
                                "[2 3 | 6; 4 5 | 10]\n"
                                "R2 -> R2 - 2R1 : [2 3 | 6; 0 1 | -2]\n"
                                "R1 -> R1 - 3R2 : [2 0 | 12; 0 1 | -2]\n"
                                "R1 -> 1/2 R1 : [1 0 | 6; 0 1 | -2]\n"
                                "answer: x = 6, y = -2\n",
                                Goal::solve);
    REQUIRE(c.lines.size() == 4);
    CHECK(c.lines[0].correct);  // the start copied: row-equivalent
    const LineCheck<Q>& slip = c.lines[1];
    CHECK(!slip.correct);
    CHECK(slip.cause == Cause::sign_slip);
    REQUIRE(slip.differences.size() == 1);
    CHECK(slip.differences[0].row == 1);
    CHECK(slip.differences[0].col == 1);
    CHECK(slip.differences[0].expected == -1);
    CHECK(slip.differences[0].written == 1);
    CHECK(slip.verdict == "Line 2: R₂ → R₂ − 2R₁ gives -1 in row 2, column 2; you wrote 1 — a sign slip. "
                          "The lines after it are judged from the matrix you wrote.");
    // the later lines are right from the student's own matrix
    CHECK(c.lines[2].correct);
    CHECK(c.lines[2].from_own_matrix);
    CHECK(c.lines[3].correct);
    CHECK(c.goal_met);
    CHECK(c.answer_correct == false);
    CHECK(c.answer_verdict == "Line 5: the answer is wrong: x is 0, not 6; y is 2, not -2.");
    CHECK(c.mistakes() == 2);
}

TEST_CASE("a sign slip in the operation: R_i − c R_j written for R_i + c R_j") {
    LineCheck<Q> l = one_line(notes_system(), "R2 -> R2 - 2R1 : [2 3 | 6; 8 11 | 22]");
    CHECK(l.cause == Cause::sign_slip);
    CHECK(l.verdict.find("what you wrote is R₂ → R₂ + 2R₁, you added where the operation subtracts") != std::string::npos);
}

TEST_CASE("a multiplier that is off: the verdict says which multiplier was used") {
    LineCheck<Q> l = one_line(notes_system(), "R2 -> R2 - 2R1 : [2 3 | 6; -2 -4 | -8]");
    CHECK(l.cause == Cause::multiplier);
    CHECK(l.verdict.find("what you wrote is R₂ → R₂ − 3R₁, with -3 where the operation has -2") != std::string::npos);
    LineCheck<Q> scaled = one_line(notes_system(), "R1 -> 1/2 R1 : [1/3 1/2 | 1; 4 5 | 10]");
    CHECK(scaled.cause == Cause::multiplier);
}

TEST_CASE("an operation applied to the wrong row") {
    M A{{1, 2, 3}, {2, 5, 7}, {3, 1, 4}};
    // R3 -> R3 - 3R1 written onto row 2
    LineCheck<Q> l = one_line(A, "R3 -> R3 - 3R1 : [1 2 3; -1 -1 -2; 3 1 4]");
    CHECK(l.cause == Cause::wrong_row);
    CHECK(l.verdict.find("what you wrote is R₂ → R₂ − 3R₁, not R₃ → R₃ − 3R₁") != std::string::npos);
}

TEST_CASE("only some entries of a row updated, or none") {
    LineCheck<Q> some = one_line(notes_system(), "R2 -> R2 - 2R1 : [2 3 | 6; 0 5 | 10]");
    CHECK(some.cause == Cause::partial_update);
    CHECK(some.verdict.find("only some entries of row 2 updated: in columns 2 and 3 you kept the old entries") !=
          std::string::npos);
    LineCheck<Q> none = one_line(notes_system(), "R2 -> R2 - 2R1 : [2 3 | 6; 4 5 | 10]");
    CHECK(none.cause == Cause::partial_update);
    CHECK(none.verdict.find("row 2 not updated") != std::string::npos);
    M A{{1, 2, 3}, {1, 3, 5}, {1, 4, 7}};
    LineCheck<Q> two_rows = one_line(A, "R2 -> R2 - R1; R3 -> R3 - R1 : [1 2 3; 0 3 5; 0 4 7]");
    CHECK(two_rows.cause == Cause::partial_update);
    CHECK(two_rows.verdict.find("only some entries of rows 2 and 3 updated: you kept the old entries at (row, column) "
                                "(2, 2), (2, 3), (3, 2) and (3, 3)") != std::string::npos);
}

TEST_CASE("an arithmetic slip in one entry shows the computation") {
    LineCheck<Q> l = one_line(notes_system(), "R2 -> R2 - 2R1 : [2 3 | 6; 0 -1 | -3]");
    CHECK(l.cause == Cause::arithmetic);
    CHECK(l.verdict.find("gives -2 in row 2, column 3; you wrote -3 — an arithmetic slip: 10 − 2 · 6 = -2") !=
          std::string::npos);
}

TEST_CASE("several wrong entries with no single cause are reported as such") {
    LineCheck<Q> l = one_line(notes_system(), "R2 -> R2 - 2R1 : [2 3 | 6; 1 -7 | 4]");
    CHECK(l.cause == Cause::unexplained);
    CHECK(l.differences.size() == 3);
}

TEST_CASE("illegal operations: scaling by 0, and a row replaced without itself") {
    LineCheck<Q> zero = one_line(notes_system(), "R2 -> 0R2");
    CHECK(zero.cause == Cause::illegal);
    CHECK(zero.verdict.find("R₂ → 0R₂ — an illegal operation: it scales R₂ by 0") != std::string::npos);
    LineCheck<Q> lost = one_line(notes_system(), "R2 -> 3R1 : [2 3 | 6; 6 9 | 18]");
    CHECK(lost.cause == Cause::illegal);
    CHECK(lost.verdict.find("R₂ is lost") != std::string::npos);
}

TEST_CASE("R2 -> 3R1 - R2 and R2 -> 2R2 + R1: combinations with the target row scaled, not replacements") {
    LineCheck<Q> a = one_line(notes_system(), "R2 -> 3R1 - R2 : [2 3 | 6; 2 4 | 8]");
    CHECK(!a.correct);
    CHECK(a.cause == Cause::not_elementary);
    CHECK(a.differences.empty());
    CHECK(a.verdict.find("R₂ → 3R₁ − R₂ — not an elementary replacement: a combination with the target row R₂ "
                         "scaled by -1") != std::string::npos);
    CHECK(a.verdict.find("preserves the solution set because that coefficient is not 0") != std::string::npos);
    LineCheck<Q> b = one_line(notes_system(), "R2 -> 2R2 + R1 : [2 3 | 6; 10 13 | 26]");
    CHECK(b.cause == Cause::not_elementary);
    CHECK(b.verdict.find("scaled by 2") != std::string::npos);
    // several replacements at once are allowed: R3 -> R3 - R1 - R2
    M A{{1, 0, 1}, {0, 1, 1}, {1, 1, 2}};
    CHECK(one_line(A, "R3 -> R3 - R1 - R2 : [1 0 1; 0 1 1; 0 0 0]").correct);
}

TEST_CASE("a matrix written alone must be row-equivalent to the one before") {
    WorkingCheck<Q> c = checked(notes_system(), "[1 0 | 0; 0 1 | 2]\n[1 0 | 1; 0 1 | 2]\n", Goal::rref);
    CHECK(c.lines[0].correct);
    CHECK(!c.lines[1].correct);
    CHECK(c.lines[1].cause == Cause::not_equivalent);
}

TEST_CASE("operations alone are applied; the goal is judged on what they give") {
    WorkingCheck<Q> c = checked(notes_system(), "R2 -> R2 - 2R1\n", Goal::ref);
    CHECK(c.lines[0].correct);
    CHECK(c.goal_met);
    CHECK(c.final == M{{2, 3, 6}, {0, -1, -2}});
    WorkingCheck<Q> not_reduced = checked(notes_system(), "R2 -> R2 - 2R1\n", Goal::rref);
    CHECK(!not_reduced.goal_met);
    CHECK(not_reduced.goal_verdict ==
          "The last matrix is not in reduced row echelon form: the leading entry of row 1 is 2, not 1.");
}

TEST_CASE("--goal inverse: (A | I) to (I | A⁻¹), and the answer against the library's inverse") {
    M A{{2, 3}, {4, 5}};
    const char* working = "R2 -> R2 - 2R1 : [2 3 | 1 0; 0 -1 | -2 1]\n"
                          "R2 -> -1 R2 : [2 3 | 1 0; 0 1 | 2 -1]\n"
                          "R1 -> R1 - 3R2 : [2 0 | -5 3; 0 1 | 2 -1]\n"
                          "R1 -> 1/2 R1 : [1 0 | -5/2 3/2; 0 1 | 2 -1]\n";
    WorkingCheck<Q> c = checked(A, std::string(working) + "answer: [-5/2 3/2; 2 -1]\n", Goal::inverse);
    CHECK(c.all_correct());
    WorkingCheck<Q> wrong = checked(A, std::string(working) + "answer: [-5/2 3/2; 2 1]\n", Goal::inverse);
    CHECK(wrong.answer_correct == false);
    CHECK(wrong.goal_met);
    M S{{1, 2}, {2, 4}};
    WorkingCheck<Q> singular = checked(S, "R2 -> R2 - 2R1 : [1 2 | 1 0; 0 0 | -2 1]\nanswer: singular\n", Goal::inverse);
    CHECK(singular.all_correct());
}

TEST_CASE("--goal solve: 'none' for an inconsistent system, values for a unique one") {
    M A{{1, 1, 2}, {2, 2, 5}};
    A.set_augment(1);
    CHECK(checked(A, "R2 -> R2 - 2R1 : [1 1 | 2; 0 0 | 1]\nanswer: none\n", Goal::solve).all_correct());
    CHECK(checked(A, "R2 -> R2 - 2R1 : [1 1 | 2; 0 0 | 1]\nanswer: x = 1, y = 1\n", Goal::solve).answer_correct == false);
}

TEST_CASE("--goal solve: a family of solutions stated with parameters or free unknowns, judged as a set") {
    // x + 3y − z = 2, 2x + 6y − z = 5: z = 1, x = 3 − 3y, y free
    M A{{1, 3, -1, 2}, {2, 6, -1, 5}};
    A.set_augment(1);
    const std::string working = "R2 -> R2 - 2R1 : [1 3 -1 | 2; 0 0 1 | 1]\nR1 -> R1 + R2 : [1 3 0 | 3; 0 0 1 | 1]\n";
    auto verdict = [&](const std::string& answer) {
        WorkingCheck<Q> c = checked(A, working + "answer: " + answer + "\n", Goal::solve);
        REQUIRE(c.answer_correct.has_value());
        return std::pair{*c.answer_correct, c.answer_verdict};
    };
    for (const char* right : {"x = 3 - 3t, y = t, z = 1", "y = t, x = 3 - 3*t, z = 1", "x = 3 - 3y, y free, z = 1",
                              "x = 3 - 3y, z = 1", "x = t, y = 1 - (1/3)t, z = 1", "x = 6 - 6s, y = -1 + 2s, z = 1"}) {
        CAPTURE(right);
        CHECK(verdict(right).first);
    }
    CHECK(verdict("x = 3 - 3t, y = t, z = 1").second == "Line 3: the answer is right: every solution, with 1 free parameter(s).");
    CHECK(verdict("x = 2 - 3t, y = t, z = 1").second ==
          "Line 3: the answer is wrong: with every parameter 0 it gives a point that does not satisfy equation 1.");
    CHECK(verdict("x = 3 + 3t, y = t, z = 1").second ==
          "Line 3: the answer is wrong: moving t by 1 leaves the solutions (equation 1 changes).");
    CHECK(verdict("x = 3, y = 0, z = 1").second ==
          "Line 3: the answer is incomplete: the system has infinitely many solutions, with 1 free variable(s); the answer names one point.");
    // two free variables, one of them given
    M B{{1, 1, 1, 3}, {2, 2, 2, 6}};
    B.set_augment(1);
    WorkingCheck<Q> one = checked(B, "R2 -> R2 - 2R1 : [1 1 1 | 3; 0 0 0 | 0]\nanswer: x = 3 - t - s, y = t, z = s\n", Goal::solve);
    CHECK(one.answer_correct == true);
    WorkingCheck<Q> short_of_one = checked(B, "R2 -> R2 - 2R1 : [1 1 1 | 3; 0 0 0 | 0]\nanswer: x = 3 - 2t, y = t, z = t\n", Goal::solve);
    CHECK(short_of_one.answer_verdict ==
          "Line 2: the answer is incomplete: it describes 1 free direction(s); the solution set has 2.");
    // a parametric answer to a system with one solution is wrong
    CHECK(checked(notes_system(), "R2 -> R2 - 2R1 : [2 3 | 6; 0 -1 | -2]\nanswer: x = t, y = 2\n", Goal::solve).answer_correct ==
          false);
    // what cannot be read is named
    CHECK_THROWS_WITH_AS(checked(A, working + "answer: x = 3 - 3t + , y = t, z = 1\n", Goal::solve),
                         "line 3: the answer: x: '3 - 3t +' is not a number or a number plus multiples of parameters (2 - 3t)",
                         ParseError);
    CHECK_THROWS_WITH_AS(checked(A, working + "answer: x = 3 - 3y, y = 2 - z, z = 1\n", Goal::solve),
                         "line 3: the answer: x is written with y, which is written with another unknown: write each in "
                         "parameters alone",
                         ParseError);
    CHECK_THROWS_WITH_AS(checked(A, working + "answer: x = 3 - 3t, z = 1\n", Goal::solve), "line 3: the answer: no value for y",
                         ParseError);
}

TEST_CASE("--goal det: a triangular last matrix, and the answer against the library's determinant") {
    M A{{2, 3}, {4, 5}};
    CHECK(checked(A, "R2 -> R2 - 2R1 : [2 3; 0 -1]\nanswer: det = -2\n", Goal::det).all_correct());
    CHECK(checked(A, "R2 -> R2 - 2R1 : [2 3; 0 -1]\nanswer: det(A) = -2\n", Goal::det).all_correct());
    WorkingCheck<Q> wrong = checked(A, "R1 <-> R2 : [4 5; 2 3]\nR2 -> R2 - 1/2 R1 : [4 5; 0 1/2]\nanswer: 2\n", Goal::det);
    CHECK(wrong.goal_met);
    CHECK(wrong.answer_correct == false);  // the interchange flips the sign: det A = -2
    CHECK(wrong.answer_verdict == "Line 3: the answer is wrong: det A = -2, not 2. From your working: the last matrix's "
                                  "diagonal gives 2, 1 interchange changes the sign (an odd number: −1): det A = -2.");
    // a scaling divides: R1 -> 1/2 R1 halves det, so det A is the diagonal's product times 2
    WorkingCheck<Q> scaled = checked(A, "R1 -> 1/2 R1 : [1 3/2; 4 5]\nR2 -> R2 - 4R1 : [1 3/2; 0 -1]\nanswer: det = -1\n",
                                     Goal::det);
    CHECK(scaled.answer_verdict == "Line 3: the answer is wrong: det A = -2, not -1. From your working: the last "
                                   "matrix's diagonal gives -1, and the scalings multiplied det by 1/2, so divide by it: "
                                   "det A = -2.");
    // a wrong line: no bookkeeping from a working that is itself wrong
    WorkingCheck<Q> slip = checked(A, "R2 -> R2 - 2R1 : [2 3; 0 1]\nanswer: det = 2\n", Goal::det);
    CHECK(slip.answer_verdict == "Line 2: the answer is wrong: det A = -2, not 2.");
}

TEST_CASE("the trace: one step per line, the differing entries highlighted in both matrices") {
    trace::Trace t;
    checked(notes_system(), "R2 -> R2 - 2R1 : [2 3 | 6; 0 1 | -2]\n", Goal::ref, &t);
    REQUIRE(t.steps().size() == 2);
    const trace::Step& line = t.steps()[0];
    CHECK(line.kind == "working_line");
    CHECK(line.text.rfind("Line 1: R₂ → R₂ − 2R₁ gives -1 in row 2, column 2; you wrote 1 — a sign slip", 0) == 0);
    REQUIRE(line.state);
    const std::string text = trace::to_text(*line.state);
    CHECK(text.find("[−1]") != std::string::npos);
    CHECK(text.find("≠") != std::string::npos);
    CHECK(t.steps()[1].kind == "working_goal");
}

TEST_CASE("bad working: each error names the line") {
    auto error_of = [](const M& start, std::string_view working, Goal goal = Goal::rref) {
        try {
            check_working(start, parse_working(working, "w.txt"), goal);
        } catch (const ParseError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    M A{{2, 3}, {4, 5}};
    CHECK(error_of(A, "R5 -> R5 - 2R1") == "w.txt: line 1: 'R5 -> R5 - 2R1': unknown row R5 in a 2-row matrix");
    CHECK(error_of(A, "\nR2 -> R2 - 2R1 : [2 3; 0 x]").rfind("w.txt: line 2: the matrix: row 2, column 2: 'x'", 0) == 0);
    CHECK(error_of(A, "R2 -> R2 - 2R1 : [2 3 0; 0 -1 0]") ==
          "w.txt: line 1: a 2×3 matrix, where the working's matrices are 2×2");
    CHECK(error_of(A, "R2 => R2").rfind("w.txt: line 1: row operation 1", 0) == 0);
    CHECK(error_of(A, "# nothing\n\n") == "w.txt: the working has no steps: expected lines such as "
                                          "'R2 -> R2 - 2R1 : [2 3 | 6; 0 -1 | -2]'");
    M Ab = notes_system();
    CHECK(error_of(Ab, "R2 -> R2 - 2R1\nanswer: x = 0, w = 2", Goal::solve) ==
          "w.txt: line 2: the answer: 'w' is not an unknown of the system (they are x … y)");
    CHECK(error_of(Ab, "R2 -> R2 - 2R1\nanswer: x = 0", Goal::solve) == "w.txt: line 2: the answer: no value for y");
    CHECK(error_of(Ab, "R2 -> R2 - 2R1\nanswer: x = 0, y = 2/0", Goal::solve).rfind("w.txt: line 2: the answer: y: ", 0) == 0);
    CHECK(error_of(Ab, "R2 -> R2 - 2R1\nanswer: x = 0, y = 2", Goal::rref).rfind("w.txt: line 2: an answer is read", 0) == 0);
    CHECK(error_of(A, "R2 -> R2 - 2R1\nanswer: trace = 7", Goal::det) ==
          "w.txt: line 2: the answer: 'trace' is not det A (write 'det = -2')");
}

TEST_CASE("the library's own eliminations, written out as a student's working, pass on random matrices") {
    std::mt19937_64 rng(2026);
    for (int trial = 0; trial < 150; ++trial) {
        const std::size_t m = 2 + trial % 3, n = 2 + (trial / 3) % 4;
        M A = testing::random_rational(rng, m, n, 5, trial % 4 == 3);
        const bool augmented = trial % 2 == 1 && n >= 3;
        if (augmented) A.set_augment(1);
        const bool reduced = trial % 3 != 0;
        M reached;
        const std::string working = teach_working_of(A, reduced, &reached);
        INFO(typed_matrix(A));
        INFO(working);
        if (working.empty()) continue;  // already in echelon form: nothing to do
        WorkingCheck<Q> c = checked(A, working, reduced ? Goal::rref : Goal::ref);
        for (const auto& l : c.lines) CHECK_MESSAGE(l.correct, l.verdict);
        CHECK(c.final == reached);
        if (!augmented) CHECK(c.goal_met);  // (A | b) is reduced left of the bar only: 0 = c rows stay
        if (!augmented && reduced) CHECK(c.final == rref(A));
    }
}

TEST_CASE("a slip planted in the library's own working is found at its line, and the rest judged on its merit") {
    std::mt19937_64 rng(7);
    for (int trial = 0; trial < 60; ++trial) {
        M A = testing::random_rational(rng, 3, 3, 6);
        std::string working = teach_working_of(A, true);
        std::vector<std::string> lines;
        for (std::size_t s = 0, e; (e = working.find('\n', s)) != std::string::npos; s = e + 1) lines.push_back(working.substr(s, e - s));
        if (lines.size() < 2) continue;
        // change the last entry of line 1's matrix by one
        std::string& first = lines[0];
        const std::size_t close = first.rfind(']'), space = first.rfind(' ', close);
        const Q changed = parse_rational(first.substr(space + 1, close - space - 1)) + 1;
        first = first.substr(0, space + 1) + rational_text(changed) + "]";
        std::string planted;
        for (const auto& l : lines) planted += l + "\n";
        INFO(planted);
        WorkingCheck<Q> c = checked(A, planted, Goal::rref);
        CHECK(!c.lines[0].correct);
        CHECK(c.lines[0].differences.size() == 1);
        CHECK(c.lines[1].from_own_matrix);
    }
}

TEST_CASE("in double the checker compares within a tolerance") {
    Matrix<double> A{{2, 3, 6}, {4, 5, 10}};
    A.set_augment(1);
    WorkingCheck<double> c = check_working(A, parse_working("R2 -> R2 - 2R1 : [2 3 | 6; 0 -1 | -2]\n"
                                                            "R1 -> 1/3 R1 : [0.6666666666666666 1 | 2; 0 -1 | -2]\n"),
                                           Goal::ref);
    CHECK(c.lines[0].correct);
    CHECK(c.lines[1].correct);
}

}  // namespace test_teach
