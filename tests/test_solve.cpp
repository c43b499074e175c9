// Linear systems: the notes' system, hand-checked systems of each kind, the evidence of an
// inconsistent one, the trace's structure, shape errors, and seeded random systems checked
// exactly across the two exact methods; double against exact on well-conditioned systems.
#include <random>

#include "support.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/echelon.hpp"
#include "showwork/solvers/linear_system.hpp"
#include "showwork/trace/render.hpp"

namespace test_solve {  // this file's names, apart from the other suites' in the unity build

using namespace showwork;
using Q = Rational;
using M = Matrix<Rational>;

namespace {

EliminationOptions<Q> with(Method method) {
    EliminationOptions<Q> o;
    o.method = method;
    return o;
}

const EliminationOptions<Q> gauss_jordan = with(Method::gauss_jordan);
const EliminationOptions<Q> fraction_free = with(Method::fraction_free);

// Σ_i y_i (row i of (A | b)): the combination of the original equations.
M combine(const std::vector<Q>& y, const M& A, const M& b) { return M::row(y) * augment(A, b); }

}  // namespace

TEST_CASE("the notes' system 2x + 3y = 6, 4x + 5y = 10 has the one solution x = 0, y = 2") {
    M A{{2, 3}, {4, 5}};
    M b{{6}, {10}};
    for (const auto& options : {gauss_jordan, fraction_free}) {
        Solution<Q> s = solve(A, b, options);
        CHECK(s.kind == SolutionKind::unique);
        CHECK(s.particular == M{{0}, {2}});
        CHECK(s.directions.empty());
        CHECK(s.rank == 2);
        CHECK(solve_unique(A, b, options) == M{{0}, {2}});
    }
}

TEST_CASE("the trace of the notes' system: elimination, back substitution, solution, check") {
    M A{{2, 3}, {4, 5}};
    M b{{6}, {10}};
    trace::Trace t;
    Solution<Q> s = solve(A, b, {}, &t);
    CHECK(s.particular == M{{0}, {2}});
    const auto& steps = t.steps();
    REQUIRE(steps.size() == 4);
    CHECK(steps[0].kind == "elimination");
    CHECK(steps[1].kind == "back_substitution");
    CHECK(steps[2].kind == "solution");
    CHECK(steps[3].kind == "check");

    // Elimination: the augmented matrix, R_2 → R_2 − 2R_1, the echelon form.
    const auto& elimination = steps[0].substeps;
    REQUIRE(elimination.size() == 3);
    CHECK(elimination[0].kind == "matrix");
    CHECK(elimination[0].state->augment == 1);
    const trace::Math& op = *elimination[1].operation;
    REQUIRE(op.kind == trace::Kind::relation);
    CHECK(op.relations() == std::vector{trace::Rel::to});
    CHECK(op.args[0] == trace::indexed("R", 2));
    REQUIRE(op.args[1].kind == trace::Kind::sum);
    CHECK(op.args[1].args[0] == trace::indexed("R", 2));
    CHECK(op.args[1].args[1] == trace::negate(trace::product({trace::number("2"), trace::indexed("R", 1)}, "")));
    CHECK(elimination[1].text == "Eliminate below the pivot in column 1.");
    M echelon{{2, 3, 6}, {0, -1, -2}};
    echelon.set_augment(1);
    CHECK(*elimination[1].state == to_math(echelon, {0}));
    CHECK(elimination[2].kind == "result");
    CHECK(*elimination[2].state == to_math(echelon, {0, 4}));  // again: the last pivot is marked now

    // Back substitution: x_2 = -2/-1 = 2, then x_1 = (6 - 3·2)/2 = 0.
    const auto& back = steps[1].substeps;
    REQUIRE(back.size() == 2);
    CHECK(*back[0].state == trace::chain({trace::indexed("x", 2), trace::fraction(trace::number("-2"), trace::number("-1")),
                                          trace::number("2")},
                                         {trace::Rel::equals, trace::Rel::equals}));
    trace::Math numerator = trace::sum({trace::number("6"),
                                        trace::negate(trace::product({trace::number("3"), trace::number("2")}))});
    CHECK(*back[1].state == trace::chain({trace::indexed("x", 1), trace::fraction(numerator, trace::number("2")),
                                          trace::number("0")},
                                         {trace::Rel::equals, trace::Rel::equals}));
    // The check substitutes x back: A x = (6, 10) = b.
    REQUIRE(steps[3].state);
    CHECK(steps[3].state->args[1] == to_math(b));
}

TEST_CASE("one free variable: the notes' echelon system in parametric form") {
    // x_1 + 2x_2 + 3x_3 = 6, x_2 + 4x_3 = 5  →  x_1 = -4 + 5t, x_2 = 5 - 4t, x_3 = t.
    M A{{1, 2, 3}, {0, 1, 4}};
    M b{{6}, {5}};
    for (const auto& options : {gauss_jordan, fraction_free}) {
        Solution<Q> s = solve(A, b, options);
        CHECK(s.kind == SolutionKind::infinite);
        CHECK(s.free_variables == std::vector<std::size_t>{2});
        CHECK(s.particular == M{{-4}, {5}, {0}});
        REQUIRE(s.directions.size() == 1);
        CHECK(s.directions[0] == M{{5}, {-4}, {1}});
    }
    Solution<Q> s = solve(A, b);
    trace::Math t = trace::symbol("t");
    trace::Math form = parametric_form(s);
    REQUIRE(form.kind == trace::Kind::cases);
    REQUIRE(form.args.size() == 3);
    CHECK(form.args[0] == trace::equals(trace::indexed("x", 1),
                                        trace::sum({trace::number("-4"), trace::product({trace::number("5"), t}, "")})));
    CHECK(form.args[1] == trace::equals(trace::indexed("x", 2),
                                        trace::sum({trace::number("5"), trace::negate(trace::product({trace::number("4"), t}, ""))})));
    CHECK(form.args[2] == trace::equals(trace::indexed("x", 3), t));
    trace::Math set = solution_set(s);
    REQUIRE(set.kind == trace::Kind::set);
    CHECK(set.args[0] == trace::sum({to_math(M{{-4}, {5}, {0}}), trace::product({t, to_math(M{{5}, {-4}, {1}})}, "")}));
    CHECK(set.args[1].relations() == std::vector{trace::Rel::in});
    CHECK(set.args[1].args[0] == t);
    CHECK(set.args[1].args[1].style.blackboard);
    CHECK_THROWS_WITH_AS(solve_unique(A, b),
                         "the system has infinitely many solutions: x₃ is free (rank 2 < 3 unknowns)", SingularError);
}

TEST_CASE("two free variables: parameters t and s, A p = b and A d = 0") {
    M A{{1, 2, 1, 1}, {2, 4, 0, 6}, {3, 6, 1, 7}};
    M b{{5}, {12}, {17}};
    for (const auto& options : {gauss_jordan, fraction_free}) {
        Solution<Q> s = solve(A, b, options);
        CHECK(s.kind == SolutionKind::infinite);
        CHECK(s.free_variables == std::vector<std::size_t>{1, 3});
        CHECK(s.particular == M{{6}, {0}, {-1}, {0}});
        REQUIRE(s.directions.size() == 2);
        CHECK(s.directions[0] == M{{-2}, {1}, {0}, {0}});
        CHECK(s.directions[1] == M{{-3}, {0}, {2}, {1}});
    }
    trace::Trace t;
    Solution<Q> s = solve(A, b, {}, &t);
    trace::Math set = solution_set(s);
    CHECK(set.args[1].args[0] == trace::list({trace::symbol("t"), trace::symbol("s")}));
    const auto& back = t.steps()[1];
    CHECK(back.kind == "back_substitution");
    REQUIRE(back.substeps.size() == 3);
    CHECK(*back.substeps[0].state == trace::equals(trace::indexed("x", 2), trace::symbol("t")));
    CHECK(*back.substeps[1].state == trace::equals(trace::indexed("x", 4), trace::symbol("s")));
    CHECK(back.substeps[2].kind == "parametric_form");
    CHECK(t.steps().back().kind == "check");
}

TEST_CASE("the solution set says each parameter is real: t, s, r ∈ ℝ, not a tuple (t, s, r) ∈ ℝ") {
    Solution<Q> three = solve(M{{1, 2, 3, 4}}, M{{5}});
    std::string latex = trace::to_latex(solution_set(three));
    CHECK(latex.ends_with("\\,\\middle|\\, t, s, r \\in \\mathbb{R} \\right\\}"));
    CHECK(trace::to_text(solution_set(three)).find("| t, s, r ∈ ℝ") != std::string::npos);
    Solution<Q> one = solve(M{{1, 2}}, M{{3}});
    CHECK(trace::to_latex(solution_set(one)).ends_with("\\,\\middle|\\, t \\in \\mathbb{R} \\right\\}"));
    // any other list stays a tuple: pivot columns = (1, 2)
    CHECK(trace::to_text(trace::equals(trace::symbol("p"), trace::list({trace::number("1"), trace::number("2")}))) ==
          "p = (1, 2)");
}

TEST_CASE("more than six free variables are named t_1, t_2, …") {
    M A{{1, 1, 1, 1, 1, 1, 1, 1}};
    Solution<Q> s = solve(A, M{{1}});
    CHECK(s.directions.size() == 7);
    CHECK(parameter_symbol(0, 7) == trace::indexed("t", 1));
    CHECK(parameter_symbol(1, 6) == trace::symbol("s"));
    CHECK(parametric_form(s).args[7] == trace::equals(trace::indexed("x", 8), trace::indexed("t", 7)));
}

TEST_CASE("no solution: the row 0 = c and the combination of the original equations that gives it") {
    // x + y + z = 1, x - y = 2, 2x + z = 5: (eq 1) + (eq 2) - (eq 3) gives 0 = -2.
    M A{{1, 1, 1}, {1, -1, 0}, {2, 0, 1}};
    M b{{1}, {2}, {5}};
    for (const auto& options : {gauss_jordan, fraction_free}) {
        Solution<Q> s = solve(A, b, options);
        REQUIRE(s.kind == SolutionKind::none);
        CHECK(s.inconsistent_row == 2);
        M combined = combine(s.combination, A, b);
        CHECK(combined == M{{0, 0, 0, s.inconsistent_value}});
        CHECK(s.inconsistent_value != 0);
        CHECK(s.evidence() == "row 3 of the echelon form reads 0 = 2, which is −(equation 1) − (equation 2) + "
                              "(equation 3) of the original system");
    }
    CHECK_THROWS_WITH_AS(solve_unique(A, b),
                         "the system has no solution: row 3 of the echelon form reads 0 = 2, which is −(equation 1) "
                         "− (equation 2) + (equation 3) of the original system",
                         InconsistentError);
    trace::Trace t;
    solve(A, b, {}, &t);
    REQUIRE(t.steps().size() == 3);
    CHECK(t.steps()[1].kind == "inconsistent");
    CHECK(t.steps()[1].state->args[1] == trace::symbol("emptyset"));
    CHECK(t.steps()[2].kind == "check");
    CHECK(*t.steps()[2].state == trace::equals(trace::number("0"), trace::number("2")));
}

TEST_CASE("shape mismatches of A and b name both shapes") {
    M A{{1, 2, 3}, {4, 5, 6}};
    CHECK_THROWS_WITH_AS(solve(A, M{{1}, {2}, {3}}),
                         "cannot solve A x = b with A 2×3 and b 3×1: A has 2 rows, b has 3", ShapeError);
    CHECK_THROWS_WITH_AS(solve(A, M{{1, 2}, {3, 4}}),
                         "b must be one column, not 2×2 (A is 2×3): solve one right-hand side at a time",
                         ShapeError);
}

TEST_CASE("random systems: classification, solutions and evidence agree across methods, exactly") {
    std::mt19937_64 rng(424242);
    std::uniform_int_distribution<std::size_t> size(1, 7);
    int kinds[3] = {0, 0, 0};
    for (int trial = 0; trial < 1000; ++trial) {
        const std::size_t m = size(rng), n = size(rng);
        const std::size_t r = std::uniform_int_distribution<std::size_t>(0, std::min(m, n))(rng);
        const bool fractions = trial % 2;
        M A = testing::random_rational(rng, m, r, 4, fractions) * testing::random_rational(rng, r, n, 4, fractions);
        M b = trial % 3 == 0 ? testing::random_rational(rng, m, 1, 5, fractions)   // often inconsistent
                             : M(A * testing::random_rational(rng, n, 1, 5, fractions));
        CAPTURE(A);
        CAPTURE(b);
        Solution<Q> s = solve(A, b, gauss_jordan);
        Solution<Q> f = solve(A, b, fraction_free);
        ++kinds[static_cast<int>(s.kind)];
        REQUIRE(s.kind == f.kind);
        CHECK(s.rank == rank(A));
        if (s.kind == SolutionKind::none) {
            M combined = combine(s.combination, A, b);
            for (std::size_t j = 0; j < n; ++j) CHECK(combined(0, j) == 0);
            CHECK(combined(0, n) == s.inconsistent_value);
            CHECK(s.inconsistent_value != 0);
            CHECK(f.combination == s.combination);
            continue;
        }
        CHECK(A * s.particular == b);
        CHECK(s.particular == f.particular);
        CHECK(s.directions == f.directions);
        CHECK(s.directions.size() == n - s.rank);
        for (const M& d : s.directions) CHECK(A * d == M(m, 1));
        for (PivotRule rule : {PivotRule::partial, PivotRule::complete}) {
            EliminationOptions<Q> options = gauss_jordan;
            options.pivot = rule;
            Solution<Q> other = solve(A, b, options);
            REQUIRE(other.kind == s.kind);
            CHECK(A * other.particular == b);
            CHECK(other.directions.size() == s.directions.size());
            for (const M& d : other.directions) CHECK(A * d == M(m, 1));
            if (rule == PivotRule::partial) CHECK(other.particular == s.particular);
        }
        if (trial % 10 == 0) {
            trace::Trace t;
            Solution<Q> traced = solve(A, b, {}, &t);
            CHECK(traced.particular == s.particular);
            CHECK(t.steps().back().kind == "check");
        }
    }
    // The generator reaches every kind of system.
    CHECK(kinds[0] > 50);
    CHECK(kinds[1] > 50);
    CHECK(kinds[2] > 50);
}

TEST_CASE_TEMPLATE("floating solutions agree with exact ones on diagonally dominant systems", T, double, Float50) {
    // Tolerance: 1e-10 absolute for double, 1e-40 for Float50 (n ≤ 7, solutions of size ≤ 1).
    const T tol = std::is_same_v<T, double> ? T(1e-10) : T(1e-40);
    std::mt19937_64 rng(5);
    for (int trial = 0; trial < 100; ++trial) {
        const std::size_t n = 1 + trial % 7;
        M A = testing::random_rational(rng, n, n, 5, true);
        for (std::size_t i = 0; i < n; ++i) A(i, i) += Q(static_cast<int>(6 * n));
        M b = testing::random_rational(rng, n, 1, 5, true);
        M x = solve_unique(A, b);
        for (PivotRule rule : {PivotRule::partial, PivotRule::scaled_partial, PivotRule::complete}) {
            EliminationOptions<T> options;
            options.pivot = rule;
            Matrix<T> xf = solve_unique(matrix_cast<T>(A), matrix_cast<T>(b), options);
            for (std::size_t i = 0; i < n; ++i) CHECK(magnitude(T(xf(i, 0) - scalar_cast<T>(x(i, 0)))) <= tol);
        }
    }
    // An inconsistent floating system is found with the default tolerance.
    Matrix<T> A{{1, 2}, {2, 4}};
    Matrix<T> b{{1}, {3}};
    Solution<T> s = solve(A, b);
    CHECK(s.kind == SolutionKind::none);
}

TEST_CASE("the evidence of an inconsistent system is the same from the fast path as from the textbook loop") {
    M A{{1, 2, 3}, {2, 4, 6}, {1, 0, 1}};
    M b{{1}, {3}, {0}};  // equation 2 − 2·(equation 1) reads 0 = 1
    Solution<Q> fast = solve(A, b, fraction_free), textbook = solve(A, b, gauss_jordan);
    REQUIRE(fast.kind == SolutionKind::none);
    CHECK(fast.inconsistent_row == textbook.inconsistent_row);
    CHECK(fast.inconsistent_value == textbook.inconsistent_value);
    CHECK(fast.combination == textbook.combination);
    CHECK(fast.evidence() == textbook.evidence());

    // double, square, partial pivoting: the blocked engine meets the missing pivot and hands over
    Matrix<double> Ad = matrix_cast<double>(A), bd = matrix_cast<double>(b);
    EliminationOptions<double> textbook_options;
    textbook_options.method = Method::gauss_jordan;
    Solution<double> fast_d = solve(Ad, bd), textbook_d = solve(Ad, bd, textbook_options);
    REQUIRE(fast_d.kind == SolutionKind::none);
    CHECK(fast_d.combination == textbook_d.combination);
    CHECK(fast_d.evidence() == textbook_d.evidence());
}

TEST_CASE("solve and null_space read the directions off the echelon form with the same function") {
    M A{{1, 2, -1}, {2, 4, -2}, {1, 1, 1}};
    M b{{3}, {6}, {2}};
    Solution<Q> s = solve(A, b);
    Matrix<Q> N = null_space(A);
    REQUIRE(s.directions.size() == N.cols());
    for (std::size_t q = 0; q < N.cols(); ++q) CHECK(s.directions[q] == columns(N, q, 1));
}

}  // namespace test_solve
