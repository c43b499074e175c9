// Generated problems: on many seeds, each kind at each difficulty has the property it promises,
// checked here by the library independently of the generator (a unique integer solution, the
// given rank, an integer inverse, …), its working is within the difficulty's limits, and the same
// seed gives the same problem; the library's own working of each, fed to the checker, passes.
// Derivatives: the rules checked against dual numbers and a central difference.
#include "support.hpp"
#include "showwork/calculus/check.hpp"
#include "showwork/calculus/differentiate.hpp"
#include "showwork/calculus/parse.hpp"
#include "showwork/matrix/determinant.hpp"
#include "showwork/nn/gradient_check.hpp"
#include "showwork/nn/propagate.hpp"
#include "showwork/matrix/echelon.hpp"
#include "showwork/matrix/inverse.hpp"
#include "showwork/regression/simple.hpp"
#include "showwork/solvers/linear_system.hpp"
#include "showwork/teach/check.hpp"
#include "showwork/teach/generate.hpp"

namespace test_generate {  // this file's names, apart from the other suites' in the unity build

using namespace showwork;
using namespace showwork::teach;
using Q = Rational;
using M = Matrix<Rational>;

namespace {

constexpr Difficulty difficulties[] = {Difficulty::easy, Difficulty::medium, Difficulty::hard};

bool integral(const M& A) {
    return std::all_of(A.entries().begin(), A.entries().end(), [](const Q& x) { return denominator(x) == 1; });
}

M coefficients(const M& Ab) { return columns(Ab, 0, Ab.cols() - 1); }
M right_side(const M& Ab) { return columns(Ab, Ab.cols() - 1, 1); }

// The promise of the problem's kind, checked with the library.
void check_promise(const Problem& p, const Limits& limits) {
    const M& A = p.matrix;
    const std::size_t n = p.spec.size;
    switch (p.spec.kind) {
        case ProblemKind::system: {
            Solution<Q> s = solve(coefficients(A), right_side(A));
            CHECK(s.kind == SolutionKind::unique);
            CHECK(integral(s.particular));
            CHECK(coefficients(A) * s.particular == right_side(A));
            break;
        }
        case ProblemKind::family: {
            Solution<Q> s = solve(coefficients(A), right_side(A));
            CHECK(s.kind == SolutionKind::infinite);
            CHECK(s.directions.size() == p.spec.parameters);
            break;
        }
        case ProblemKind::none: CHECK(solve(coefficients(A), right_side(A)).kind == SolutionKind::none); break;
        case ProblemKind::rank: CHECK(rank(A) == p.spec.rank); break;
        case ProblemKind::rref: {
            M R = rref(A);
            CHECK(is_reduced_row_echelon(R));
            CHECK(rank(A) == p.spec.rank);
            CHECK(integral(R));
            break;
        }
        case ProblemKind::inverse: {
            M inverse_A = inverse(A);
            CHECK(A * inverse_A == M::identity(n));
            if (p.spec.difficulty != Difficulty::hard) CHECK(integral(inverse_A));
            for (const Q& x : inverse_A.entries()) CHECK(denominator(x) <= limits.max_denominator);
            break;
        }
        case ProblemKind::det: {
            Q d = determinant(A);
            CHECK(d != 0);
            CHECK(denominator(d) == 1);
            CHECK(abs(numerator(d)) <= limits.max_numerator);
            break;
        }
        case ProblemKind::derivative: {  // the rules agree with dual numbers and a difference at two points
            const calculus::Expr f = calculus::parse_expression(p.function);
            const calculus::Expr derivative = calculus::differentiate(f, "x");
            for (double x : {0.3, 1.9}) CHECK(calculus::check_derivative<double>(f, derivative, "x", {{"x", x}}).agree);
            break;
        }
        case ProblemKind::backprop: {  // the gradients agree exactly with central differences
            const nn::GradientCheck<Q> c = nn::check_gradient(p.network, p.matrix, p.target, nn::Loss::half_mse);
            CHECK(c.backpropagation == c.difference);
            CHECK(nn::forward(p.network, p.matrix).output() != p.target);
            break;
        }
        case ProblemKind::regression: {
            auto s = regression::sums(columns(A, 0, 1), columns(A, 1, 1));
            for (const Q& c : {s.slope(), s.intercept()}) {
                CHECK(abs(numerator(c)) <= limits.answer_bound);
                CHECK(denominator(c) <= limits.max_denominator);
            }
            break;
        }
    }
}

}  // namespace

TEST_CASE("every kind at every difficulty keeps its promise on many seeds, within its limits") {
    std::size_t problems = 0, attempts = 0;
    for (ProblemKind kind : problem_kinds()) {
        for (Difficulty difficulty : difficulties) {
            const Limits limits = limits_for(kind, difficulty);
            for (std::uint64_t seed = 1; seed <= 300; ++seed) {  // 7,200 problems in all
                CAPTURE(problem_kind_name(kind));
                CAPTURE(difficulty_name(difficulty));
                CAPTURE(seed);
                Problem p = generate_problem({kind, difficulty}, seed);
                ++problems;
                attempts += p.attempts;
                CHECK(p.spec.size == limits.size);
                check_promise(p, limits);
                if (kind != ProblemKind::regression) {
                    for (const Q& x : p.matrix.entries()) CHECK(abs(numerator(x)) <= limits.entry_bound);
                }
                CHECK(within(p.working, limits));
            }
        }
    }
    MESSAGE(problems << " problems from " << attempts << " candidates");
}

TEST_CASE("the same seed gives the same problem; another seed, another") {
    for (ProblemKind kind : problem_kinds()) {
        CAPTURE(problem_kind_name(kind));
        Problem a = generate_problem({kind, Difficulty::medium}, 7), b = generate_problem({kind, Difficulty::medium}, 7);
        CHECK(a.matrix == b.matrix);
        CHECK(a.function == b.function);
        CHECK(a.network == b.network);
        CHECK(a.working.operations == b.working.operations);
        Problem c = generate_problem({kind, Difficulty::medium}, 8);
        CHECK((c.matrix != a.matrix || c.function != a.function || c.network != a.network));
    }
    // pinned, so that a change to the generator that changes every sheet is seen
    M pinned{{-1, -2, -1}, {1, 3, 2}};
    pinned.set_augment(1);
    CHECK(generate_problem({ProblemKind::system, Difficulty::easy}, 1).matrix == pinned);
}

TEST_CASE("easy working has no fractions; the knobs: size, rank, parameters") {
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        Problem p = generate_problem({ProblemKind::system, Difficulty::easy}, seed);
        CHECK(p.working.largest_denominator == 1);
        CHECK(p.working.fractions == 0);
    }
    for (ProblemKind kind : {ProblemKind::system, ProblemKind::family, ProblemKind::none, ProblemKind::rank,
                             ProblemKind::rref, ProblemKind::inverse, ProblemKind::det}) {
        for (std::uint64_t seed = 1; seed <= 5; ++seed) {  // an easy 6 × 6: still no fraction
            Problem six = generate_problem({kind, Difficulty::easy, 6}, seed);
            CHECK(six.matrix.rows() == 6);
            CHECK(six.working.largest_denominator == 1);
        }
    }
    Problem big = generate_problem({ProblemKind::system, Difficulty::medium, 4}, 3);
    CHECK(big.matrix.rows() == 4);
    CHECK(big.matrix.cols() == 5);
    for (std::size_t r = 1; r <= 3; ++r) CHECK(rank(generate_problem({ProblemKind::rank, Difficulty::medium, 3, r}, 5).matrix) == r);
    Problem two = generate_problem({ProblemKind::family, Difficulty::medium, 3, 0, 2}, 5);
    CHECK(solve(coefficients(two.matrix), right_side(two.matrix)).directions.size() == 2);
}

TEST_CASE("the library's working of every generated problem, with its answer, fed to the checker, passes") {
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        for (ProblemKind kind : {ProblemKind::system, ProblemKind::family, ProblemKind::rref, ProblemKind::inverse}) {
            CAPTURE(problem_kind_name(kind));
            CAPTURE(seed);
            Problem p = generate_problem({kind, Difficulty::medium}, seed);
            M start = p.matrix;
            Goal goal = Goal::rref;
            if (kind == ProblemKind::inverse) {
                goal = Goal::inverse;
                start = augment(p.matrix, M::identity(p.matrix.rows()));
            }
            std::string working = written_working(start, true, p.matrix.cols() - p.matrix.augment());
            if (working.empty()) continue;
            if (kind == ProblemKind::system || kind == ProblemKind::family) {  // the answer, with parameters t, s
                goal = Goal::solve;
                Solution<Q> s = solve(coefficients(p.matrix), right_side(p.matrix));
                const char* const names[] = {"x", "y", "z"}, *const parameters[] = {"t", "s"};
                std::string answer;
                for (std::size_t j = 0; j < s.particular.rows(); ++j) {
                    answer += std::string(answer.empty() ? "" : ", ") + names[j] + " = " + rational_text(s.particular(j, 0));
                    for (std::size_t q = 0; q < s.directions.size(); ++q)
                        answer += " + (" + rational_text(s.directions[q](j, 0)) + ")" + parameters[q];
                }
                working += "answer: " + answer + "\n";
            }
            WorkingCheck<Q> c = check_working(p.matrix, parse_working(working), goal);
            INFO(working);
            CHECK(c.all_correct());
        }
    }
}

TEST_CASE("the answer key: the library's derivation and the answer, for every kind") {
    for (ProblemKind kind : problem_kinds()) {
        CAPTURE(problem_kind_name(kind));
        Problem p = generate_problem({kind, Difficulty::medium}, 11);
        trace::Trace trace;
        std::vector<trace::Named> answer = solve_problem<Q>(p, &trace);
        CHECK(!answer.empty());
        CHECK(!trace.take_steps().empty());
        CHECK(!problem_statement(p).empty());
        CHECK(trace::to_text(problem_math(p)).size() > 0);
    }
    Problem easy = generate_problem({ProblemKind::system, Difficulty::easy}, 1);
    CHECK(trace::to_text(problem_math(easy)) == "⎧ −x − 2y = −1\n⎩ x + 3y = 2");
    CHECK(trace::to_text(solve_problem<Q>(easy)[0].value) == "x = −1, y = 1");
}

TEST_CASE("the model of a problem's cost: milliseconds, but tens of them at size 6 when the limits are strict") {
    for (ProblemKind kind : problem_kinds()) {
        for (Difficulty d : {Difficulty::easy, Difficulty::medium, Difficulty::hard}) {
            CAPTURE(problem_kind_name(kind));
            CHECK(problem_seconds({.kind = kind, .difficulty = d}) <= 0.003);  // the difficulty's own size
        }
    }
    CHECK(problem_seconds({.kind = ProblemKind::system, .difficulty = Difficulty::hard, .size = 6}) == 0.045);
    CHECK(problem_seconds({.kind = ProblemKind::inverse, .difficulty = Difficulty::medium, .size = 6}) == 0.008);
    CHECK(problem_seconds({.kind = ProblemKind::det, .difficulty = Difficulty::hard, .size = 6}) == 0.003);
    CHECK(problem_seconds({.kind = ProblemKind::regression, .difficulty = Difficulty::easy, .size = 9}) == 0.012);
}

TEST_CASE("a spec that cannot be met is refused, naming what is wrong") {
    CHECK_THROWS_WITH_AS(generate_problem({ProblemKind::rank, Difficulty::medium, 3, 4}, 1),
                         "--rank 4: a matrix with 3 rows has rank at most 3", InputError);
    CHECK_THROWS_WITH_AS(generate_problem({ProblemKind::family, Difficulty::easy, 2, 0, 2}, 1),
                         "--parameters 2 needs at least 3 unknowns: a system of 2 has at most 1", InputError);
    CHECK_THROWS_WITH_AS(generate_problem({ProblemKind::system, Difficulty::easy, 7}, 1),
                         "--size for system: rows from 1 to 6, not 7", InputError);
    CHECK_THROWS_WITH_AS(parse_problem_kind("matrix"),
                         "unknown kind of problem 'matrix': one of system, family, none, rank, rref, inverse, det, regression, derivative, "
                         "backprop",
                         InputError);
    CHECK_THROWS_AS(parse_difficulty("trivial"), InputError);
    CHECK_THROWS_WITH_AS(generate_problem({ProblemKind::regression, Difficulty::easy, 12}, 1),
                         "--size for regression: at most 9 points at the easy difficulty (x from 0 to 8, each once)",
                         InputError);
    CHECK_THROWS_WITH_AS(generate_problem({ProblemKind::derivative, Difficulty::easy, 3}, 1),
                         "--size does not apply to derivative problems: --difficulty sets their shape", InputError);
}

}  // namespace test_generate
