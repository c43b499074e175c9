// Exact against floating: errors and residuals computed exactly (checked against hand-computed
// values), κ∞ of known matrices, the Hilbert inverses, each kind of first different decision,
// identical decisions on seeded well-conditioned matrices, a side that raises, and bad input.
#include <random>

#include "support.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/compare/compare.hpp"
#include "showwork/trace/render.hpp"

namespace test_compare {  // this file's names, apart from the other suites' in the unity build

using namespace showwork;
using Q = Rational;
using M = Matrix<Rational>;

namespace {

M hilbert(std::size_t n) {
    M H(n, n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) H(i, j) = Q(1, static_cast<long>(i + j + 1));
    return H;
}

Q ten_to(int e) {
    Q x(1);
    for (int k = 0; k < (e < 0 ? -e : e); ++k) x = e < 0 ? Q(x / 10) : Q(x * 10);
    return x;
}

// Row 3 is exactly 4/5 (row 1) + 1/3 (row 2): rank 2, but double sees 3 (examples/wrong_rank).
M dependent_rows() {
    M A{{Q(1, 2), Q(1, 3), Q(1, 11)}, {Q(1, 5), Q(1, 7), Q(1, 2)}, {0, 0, 0}};
    for (std::size_t j = 0; j < 3; ++j) A(2, j) = Q(4, 5) * A(0, j) + Q(1, 3) * A(1, j);
    return A;
}

// Random integers with a dominant diagonal: partial pivoting keeps the diagonal, no ties.
M diagonally_dominant(std::mt19937_64& rng, std::size_t n) {
    std::uniform_int_distribution<int> entry(-9, 9);
    M A(n, n);
    for (std::size_t i = 0; i < n; ++i) {
        int row_sum = 0;
        for (std::size_t j = 0; j < n; ++j) {
            if (i == j) continue;
            int a = entry(rng);
            A(i, j) = a;
            row_sum += std::abs(a);
        }
        A(i, i) = Q(10 * static_cast<int>(n) + row_sum);
    }
    return A;
}

}  // namespace

TEST_CASE("the error and residual of 1/3 in double are computed exactly") {
    // In double, 1/3 is 6004799503160661 / 2^54, and 3 · 6004799503160661 = 2^54 − 1. So
    //   |x̂ − 1/3| = 1 / (3 · 2^54),   |3 x̂ − 1| = 1 / 2^54,   relative error 1 / 2^54.
    const Q two_54(Integer(1) << 54);
    for (CompareOperation op : {CompareOperation::inverse, CompareOperation::solve}) {
        M A = op == CompareOperation::inverse ? M{{3}} : M{{3, 1}};
        Comparison<double> c = compare<double>(op, A);
        CAPTURE(compare_operation_name(op));
        CHECK(*c.exact == M{{Q(1, 3)}});
        CHECK((*c.floating)(0, 0) == 1.0 / 3.0);
        CHECK(*c.floating_exact == M{{Q(6004799503160661) / two_54}});
        CHECK(*c.max_error == Q(1) / (3 * two_54));
        CHECK(*c.relative_error == Q(1) / two_54);
        CHECK(*c.residual == Q(1) / two_54);
        CHECK(*c.condition_number == 1);
        CHECK(*c.digits_lost == 0.0);
        CHECK_FALSE(c.first_difference);
    }
}

TEST_CASE("the determinant and rank errors are the differences of the numbers") {
    // det [[1/3, 0], [0, 3]] = 1 exactly; in double 0.333… · 3 = 1 after rounding.
    Comparison<double> det = compare<double>(CompareOperation::det, M{{Q(1, 3), 0}, {0, 3}});
    CHECK(*det.exact == M{{1}});
    CHECK(*det.max_error == abs(Q((*det.floating_exact)(0, 0) - 1)));
    Comparison<double> r = compare<double>(CompareOperation::rank, dependent_rows());
    CHECK(*r.exact == M{{2}});
    CHECK(*r.floating_exact == M{{3}});
    CHECK(*r.max_error == 1);
    CHECK(*r.relative_error == Q(1, 2));
}

TEST_CASE("the condition number of the Hilbert matrix H_3 is exactly 748") {
    // ‖H_3‖∞ = 1 + 1/2 + 1/3 = 11/6; ‖H_3⁻¹‖∞ = 36 + 192 + 180 = 408; 11/6 · 408 = 748.
    for (CompareOperation op : {CompareOperation::inverse, CompareOperation::det, CompareOperation::rank}) {
        Comparison<double> c = compare<double>(op, hilbert(3));
        CHECK(*c.condition_number == 748);
        CHECK(c.digits_lost == doctest::Approx(std::log10(748.0)));
    }
    CHECK(infinity_norm(hilbert(3)) == Q(11, 6));
    CHECK(infinity_norm(M{{1}, {-5}, {2}}) == 5);  // a column vector: its largest |entry|
    CHECK(largest_entry(M{{1, -7}, {3, 2}}) == 7);
    // κ∞ of the system's coefficient part, b left out: diag(2, 1/4) has κ∞ = 2 · 4 = 8.
    Comparison<double> s = compare<double>(CompareOperation::solve, M{{2, 0, 1}, {0, Q(1, 4), 1}});
    CHECK(*s.condition_number == 8);
}

TEST_CASE("the Hilbert inverses H_6 … H_12 lose more digits as n grows; Float50 keeps them") {
    std::optional<Q> previous_condition;
    Q error_6, error_11;
    for (std::size_t n = 6; n <= 12; ++n) {
        CAPTURE(n);
        Comparison<double> c = compare<double>(CompareOperation::inverse, hilbert(n));
        for (const Q& x : c.exact->entries()) CHECK(denominator(x) == 1);  // H_n⁻¹ is an integer matrix
        if (previous_condition) CHECK(*c.condition_number > 20 * *previous_condition);
        previous_condition = c.condition_number;
        if (n == 6) error_6 = *c.relative_error;
        if (n == 11) error_11 = *c.relative_error;
        if (c.floating) {
            // The forward error stays within n κ∞ ε.
            CHECK(*c.relative_error < Q(static_cast<long>(n)) * *c.condition_number * Q(1, 1L << 52));
        } else {
            CHECK(n == 12);  // κ∞(H_12) ≈ 4·10^16: the last pivot falls under the zero test
            CHECK(c.floating_failure.find("singular") != std::string::npos);
            CHECK(c.rank_floating < 12);
            CHECK_FALSE(c.max_error);
        }
        Comparison<Float50> f = compare<Float50>(CompareOperation::inverse, hilbert(n));
        CHECK(*f.relative_error < Q(1, 1) / ten_to(30));
    }
    CHECK(error_11 > 1000 * error_6);
}

TEST_CASE("a wrong rank is traced to the decision that made it") {
    SUBCASE("too high: exactly dependent rows, a rounding residue taken as the third pivot") {
        Comparison<double> c = compare<double>(CompareOperation::rref, dependent_rows());
        CHECK(c.rank_exact == 2);
        CHECK(c.rank_floating == 3);
        REQUIRE(c.first_difference);
        const auto& d = *c.first_difference;
        CHECK(d.kind == DivergenceKind::spurious_pivot);
        CHECK(d.step == 3);
        CHECK(d.row == 2);
        CHECK(d.column == 2);
        CHECK(d.exact_value == 0);
        CHECK(std::abs(d.floating_value) > d.tolerance);
        CHECK(d.text.find("Step 3, column 3") == 0);
        CHECK(c.exact->cols() == 3);
        CHECK((*c.exact)(2, 2) == 0);  // the exact RREF has a zero row
        CHECK(*c.floating == Matrix<double>::identity(3));
    }
    SUBCASE("too low: a tiny exact pivot that the zero test calls zero") {
        M A{{1, 1}, {1, Q(1 + 3 * ten_to(-16))}};
        Comparison<double> c = compare<double>(CompareOperation::rank, A);
        CHECK(c.rank_exact == 2);
        CHECK(c.rank_floating == 1);
        REQUIRE(c.first_difference);
        const auto& d = *c.first_difference;
        CHECK(d.kind == DivergenceKind::missed_pivot);
        CHECK(d.step == 2);
        CHECK(d.row == 1);
        CHECK(d.column == 1);
        CHECK(d.exact_value == 3 * ten_to(-16));
        CHECK(d.floating_value == 0x1p-52);  // 1 + 3·10^-16 rounds to 1 + 2^-52
        CHECK(std::abs(d.floating_value) <= d.tolerance);
        // In Float50 the same pivot is far above the zero test.
        CHECK_FALSE(compare<Float50>(CompareOperation::rank, A).first_difference);
    }
}

TEST_CASE("a pivot row chosen differently and an elimination skipped are reported") {
    SUBCASE("exactly 1/3 + 10^-20 is the larger entry; in double the two are equal") {
        M A{{Q(1, 3), 1}, {Q(Q(1, 3) + ten_to(-20)), 2}};
        Comparison<double> c = compare<double>(CompareOperation::rank, A);
        REQUIRE(c.first_difference);
        CHECK(c.first_difference->kind == DivergenceKind::pivot_row);
        CHECK(c.first_difference->step == 1);
        CHECK(c.first_difference->row == 0);  // the floating run's pivot row
        CHECK(c.first_difference->column == 0);
        CHECK(c.first_difference->exact_value == Q(1, 3));
        CHECK(c.first_difference->text.find("takes row 2 as pivot") != std::string::npos);
        // first_nonzero takes row 1 on both sides: no difference there.
        EliminationOptions<double> first;
        first.pivot = PivotRule::first_nonzero;
        CHECK_FALSE(compare<double>(CompareOperation::rank, A, first).first_difference);
    }
    SUBCASE("10^-17 below the pivot is under the zero test in double") {
        M A{{1, 0}, {ten_to(-17), 1}};
        Comparison<double> c = compare<double>(CompareOperation::det, A);
        REQUIRE(c.first_difference);
        CHECK(c.first_difference->kind == DivergenceKind::missed_elimination);
        CHECK(c.first_difference->step == 1);
        CHECK(c.first_difference->row == 1);
        CHECK(c.first_difference->column == 0);
        CHECK(c.first_difference->exact_value == ten_to(-17));
    }
    SUBCASE("with a zero tolerance, a consistent system's residue 0 = -5.6e-17 reads as inconsistent") {
        // Row 2 is exactly 3 · row 1; in double 0.3 − 3 · 0.1 ≠ 0.
        M Ab{{1, 1, Q(1, 10)}, {3, 3, Q(3, 10)}};
        EliminationOptions<double> strict;
        strict.tolerance = 0.0;
        Comparison<double> c = compare<double>(CompareOperation::solve, Ab, strict);
        REQUIRE(c.first_difference);
        CHECK(c.first_difference->kind == DivergenceKind::right_hand_side);
        CHECK(c.first_difference->row == 1);
        CHECK(c.first_difference->column == 2);
        CHECK(c.first_difference->exact_value == 0);
        CHECK(c.exact_failure.find("infinitely many") != std::string::npos);
        CHECK(c.floating_failure.find("no solution") != std::string::npos);
        CHECK(c.singular);
    }
}

TEST_CASE("well-conditioned matrices: the same decisions at every step, small errors (seeded)") {
    std::mt19937_64 rng(20240611);
    for (int trial = 0; trial < 30; ++trial) {
        std::size_t n = 2 + static_cast<std::size_t>(trial % 5);
        M A = diagonally_dominant(rng, n);
        M Ab = augment(A, testing::random_rational(rng, n, 1, 9, false));
        CAPTURE(A);
        for (CompareOperation op : {CompareOperation::inverse, CompareOperation::det, CompareOperation::rref,
                                    CompareOperation::rank}) {
            Comparison<double> c = compare<double>(op, A);
            CHECK_FALSE(c.first_difference);
            CHECK(c.rank_exact == n);
            CHECK(c.rank_floating == n);
            CHECK(*c.digits_lost < 2.0);
            if (c.relative_error) CHECK(*c.relative_error < Q(1, 1000000000000L));
        }
        Comparison<double> s = compare<double>(CompareOperation::solve, Ab);
        CHECK_FALSE(s.first_difference);
        CHECK(*s.residual < Q(1, 1000000000000L));
    }
}

TEST_CASE("a singular matrix: the exact side fails, and the report says so") {
    M A{{1, 2}, {2, 4}};
    Comparison<double> c = compare<double>(CompareOperation::inverse, A);
    CHECK_FALSE(c.exact);
    CHECK(c.exact_failure.find("singular") != std::string::npos);
    CHECK(c.exact_failure.find("R₂ = 2R₁") != std::string::npos);
    CHECK(c.singular);
    CHECK_FALSE(c.condition_number);
    CHECK_FALSE(c.digits_lost);
    CHECK_FALSE(c.max_error);
    CHECK(c.rank_exact == 1);
}

TEST_CASE("a traced comparison has an exact and a floating sub-derivation and a compare step") {
    trace::Trace steps;
    compare<double>(CompareOperation::inverse, hilbert(3), {}, &steps);
    REQUIRE(steps.steps().size() == 3);
    CHECK(steps.steps()[0].kind == "exact");
    CHECK_FALSE(steps.steps()[0].substeps.empty());
    CHECK(steps.steps()[1].kind == "floating");
    CHECK_FALSE(steps.steps()[1].substeps.empty());
    CHECK(steps.steps()[2].kind == "compare");
    std::string summary = trace::to_text(*steps.steps()[2].state);
    CHECK(summary.find("748") != std::string::npos);
    CHECK(trace::to_latex(*steps.steps()[2].state).find("\\kappa_{\\infty}") != std::string::npos);
    // A failing side closes its sub-derivation with a failure step.
    trace::Trace singular;
    compare<double>(CompareOperation::inverse, M{{1, 2}, {2, 4}}, {}, &singular);
    CHECK(singular.depth() == 0);
    CHECK(singular.steps()[0].substeps.back().kind == "failure");
}

TEST_CASE("bad input to compare") {
    CHECK_THROWS_AS(compare<double>(CompareOperation::inverse, M{{1, 2, 3}, {4, 5, 6}}), ShapeError);
    CHECK_THROWS_WITH(compare<double>(CompareOperation::det, M{{1, 2}}),
                      "the determinant needs a square matrix, not a 1×2 one");
    CHECK_THROWS_AS(compare<double>(CompareOperation::solve, M{{1}, {2}}), ShapeError);
    M two_bars{{1, 2, 3}};
    two_bars.set_augment(2);
    CHECK_THROWS_AS(compare<double>(CompareOperation::solve, two_bars), ShapeError);
    EliminationOptions<double> complete;
    complete.pivot = PivotRule::complete;
    CHECK_THROWS_AS(compare<double>(CompareOperation::rank, M{{1}}, complete), InputError);
    CHECK_THROWS_WITH(parse_compare_operation("lu"),
                      "unknown operation 'lu' to compare: choose inverse, solve, rref, rank or det");
    CHECK(parse_compare_operation("det") == CompareOperation::det);
    CHECK_THROWS_AS(log10_of(Q(0)), DomainError);
}

// Compare shows what double does to a matrix; an entry double cannot hold is not that matrix at
// all (1e400 would be inf, 1e-400 would be 0), so it is refused by name, as det --number double
// refuses it; a result that overflows is the floating side's failure, beside the exact answer.
TEST_CASE("an entry beyond double's range is an input error naming it; an overflowing result, the floating side's failure") {
    for (CompareOperation operation :
         {CompareOperation::det, CompareOperation::rank, CompareOperation::rref, CompareOperation::inverse}) {
        CHECK_THROWS_WITH_AS(compare<double>(operation, M{{ten_to(400), 1}, {1, 1}}),
                             "row 1, column 1: 1e400 is beyond the range of double (its largest is about 1.8e+308), and "
                             "compare reads A in double for its floating side; --number float50 holds it",
                             InputError);
    }
    CHECK_THROWS_WITH_AS(compare<double>(CompareOperation::solve, M{{1, 1, 2}, {1, 1, ten_to(-400)}}),
                         "row 2, column 3: 1e-400 is so close to 0 that double rounds it to 0, and compare reads A in "
                         "double for its floating side; --number float50 holds it",
                         InputError);
    CHECK(compare<Float50>(CompareOperation::det, M{{ten_to(400), 1}, {1, 1}}).exact);
    // det of diag(10²⁰⁰, 10²⁰⁰) is 10⁴⁰⁰: inf in double
    Comparison<double> c = compare<double>(CompareOperation::det, M{{ten_to(200), 0}, {0, ten_to(200)}});
    CHECK(c.exact);
    CHECK_FALSE(c.floating);
    CHECK(c.floating_failure == "the determinant is inf in double: an overflow, past the largest double (about 1.8e+308)");
    CHECK_FALSE(c.max_error);
}

TEST_CASE("readable_text keeps short values exact and rounds long ones") {
    CHECK(readable_text(Q(748)) == "748");
    CHECK(readable_text(Q(1, 3)) == "1/3");
    CHECK(readable_text(Q(1) / Q(Integer(1) << 200)) == "6.22302e-61");
}

}  // namespace test_compare
