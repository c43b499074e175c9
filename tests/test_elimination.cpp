// Row operations, the elimination core and what is built on it: REF, RREF, rank, pivot columns,
// determinant (elimination and cofactors), inverse, null and column space, PA = LU.
// Exact results are checked exactly; the two exact methods (Gauss–Jordan, fraction-free) and the
// pivot rules are checked against each other on seeded random matrices; double and Float50
// against the exact results with stated tolerances.
#include <algorithm>
#include <random>

#include "support.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/cost.hpp"
#include "showwork/matrix/determinant.hpp"
#include "showwork/matrix/echelon.hpp"
#include "showwork/matrix/inverse.hpp"
#include "showwork/matrix/lu.hpp"
#include "showwork/matrix/row_ops.hpp"
#include "showwork/matrix/subspaces.hpp"
#include "showwork/trace/render.hpp"

namespace test_elimination {  // this file's names, apart from the other suites' in the unity build

using namespace showwork;
using Q = Rational;
using M = Matrix<Rational>;
using Op = RowOperation<Rational>;

namespace {

EliminationOptions<Q> with(Method method, PivotRule rule = PivotRule::automatic) {
    EliminationOptions<Q> o;
    o.method = method;
    o.pivot = rule;
    return o;
}

const EliminationOptions<Q> gauss_jordan = with(Method::gauss_jordan);
const EliminationOptions<Q> fraction_free = with(Method::fraction_free);

// A random m×n matrix of rank at most r: (m×r)(r×n), of one of three kinds of entries.
M random_matrix(std::mt19937_64& rng, std::size_t m, std::size_t n, std::size_t r, int kind) {
    auto factor = [&](std::size_t rows, std::size_t cols) {
        if (kind == 0) return testing::random_rational(rng, rows, cols, 4);
        if (kind == 1) return testing::random_rational(rng, rows, cols, 7, true);
        M big(rows, cols);  // large integers, about 2^60
        std::uniform_int_distribution<long long> d(-(1LL << 60), 1LL << 60);
        for (auto& x : big.entries()) x = Q(d(rng));
        return big;
    };
    if (r >= std::min(m, n)) return factor(m, n);
    return factor(m, r) * factor(r, n);
}

// Columns of B are independent: rank B = number of columns.
bool independent_columns(const M& B) { return rank(B) == B.cols(); }

}  // namespace

// ---- Row operations -----------------------------------------------------------------------------

TEST_CASE("each row operation changes only its rows, and its inverse undoes it") {
    M A{{1, 2}, {3, 4}, {5, 6}};
    CHECK(Op::interchange(0, 2).applied_to(A) == M{{5, 6}, {3, 4}, {1, 2}});
    CHECK(Op::scaling(1, Q(1, 2)).applied_to(A) == M{{1, 2}, {Q(3, 2), 2}, {5, 6}});
    CHECK(Op::replacement(1, 0, -3).applied_to(A) == M{{1, 2}, {0, -2}, {5, 6}});
    for (const Op& op : {Op::interchange(0, 2), Op::scaling(1, Q(-2, 3)), Op::replacement(2, 0, Q(5, 7))}) {
        CHECK(op.inverse().applied_to(op.applied_to(A)) == A);
        // E A equals the operation applied to A, and E⁻¹ is the inverse operation's matrix.
        CHECK(op.elementary(3) * A == op.applied_to(A));
        CHECK(op.elementary(3) * op.inverse().elementary(3) == M::identity(3));
    }
}

TEST_CASE("scaling by zero and replacing a row by itself are domain errors") {
    CHECK_THROWS_WITH_AS(Op::scaling(1, 0), "cannot scale row 2 by zero", DomainError);
    CHECK_THROWS_AS(Op::replacement(1, 1, 2), DomainError);
    CHECK_THROWS_AS(RowOperation<double>::scaling(0, 0.0), DomainError);
    M A{{1, 2}};
    CHECK_THROWS_AS(apply_row_operations(A, {Op::interchange(0, 1)}), ShapeError);
}

TEST_CASE("row operations render in the notes' notation") {
    auto op = Op::replacement(1, 0, -2).to_math();
    REQUIRE(op.kind == trace::Kind::relation);
    CHECK(op.relations() == std::vector{trace::Rel::to});
    CHECK(op.args[0] == trace::indexed("R", 2));
    // R_2 - 2R_1: a sum of R_2 and the negated term 2 R_1.
    CHECK(op.args[1] == trace::sum({trace::indexed("R", 2),
                                    trace::negate(trace::product({trace::number("2"), trace::indexed("R", 1)}, ""))}));
    CHECK(Op::replacement(1, 0, 1).to_math().args[1] == trace::sum({trace::indexed("R", 2), trace::indexed("R", 1)}));
    auto swap = Op::interchange(0, 1).to_math();
    CHECK(swap.relations() == std::vector{trace::Rel::interchange});
    auto scale = Op::scaling(1, Q(1, 2)).to_math();
    CHECK(scale.args[1] == trace::product({trace::number("1/2"), trace::indexed("R", 2)}, ""));
}

TEST_CASE("parse_row_operations reads the three forms") {
    auto ops = parse_row_operations<Q>("R2 -> R2 - 2R1; R1 <-> R2; R2 -> 1/2 R2", 3);
    REQUIRE(ops.size() == 3);
    CHECK(ops[0] == Op::replacement(1, 0, -2));
    CHECK(ops[1] == Op::interchange(0, 1));
    CHECK(ops[2] == Op::scaling(1, Q(1, 2)));
    CHECK(parse_row_operations<Q>("R_3 → R_3 + (3/4)*R_1\nr1 ↔ r3\nR2 -> -R2", 3) ==
          std::vector{Op::replacement(2, 0, Q(3, 4)), Op::interchange(0, 2), Op::scaling(1, -1)});
    CHECK(parse_row_operations<Q>("R1 -> R1 - R2", 2) == std::vector{Op::replacement(0, 1, -1)});
    CHECK(parse_row_operations<Q>("R1 -> 0.5 R1", 2) == std::vector{Op::scaling(0, Q(1, 2))});
}

// What the program writes (subscripts, arrows, −, a list joined by commas) reads back.
TEST_CASE("row operations as the program writes them read back") {
    CHECK(parse_row_operations<Q>("R₂ → R₂ − 3R₁, R₁ ↔ R₂, R₂ → −(1/3)R₂", 2) ==
          std::vector{Op::replacement(1, 0, -3), Op::interchange(0, 1), Op::scaling(1, Q(-1, 3))});
    CHECK(parse_row_operations<Q>("R₁₂ → R₁₂ + (1/2)·R₁₀", 12) == std::vector{Op::replacement(11, 9, Q(1, 2))});
    for (const Op& op : {Op::replacement(2, 0, Q(-7, 4)), Op::replacement(0, 1, 5), Op::interchange(1, 2),
                         Op::scaling(2, Q(-1, 3)), Op::scaling(0, 4)}) {
        const std::string written = trace::to_text(op.to_math());
        CAPTURE(written);
        CHECK(parse_row_operations<Q>(written, 3) == std::vector{op});
    }
}

TEST_CASE("bad row-operation text is a ParseError naming the operation and where") {
    CHECK_THROWS_WITH_AS(parse_row_operations<Q>("R1 <-> R2; R5 <-> R1", 3),
                         "row operation 2 'R5 <-> R1' (at character 12): unknown row R5 in a 3-row matrix",
                         ParseError);
    CHECK_THROWS_WITH_AS(parse_row_operations<Q>("R2 -> 0 R2", 3),
                         "row operation 1 'R2 -> 0 R2' (at character 1): cannot scale row 2 by zero", ParseError);
    CHECK_THROWS_AS(parse_row_operations<Q>("R2 => R1", 3), ParseError);
    CHECK_THROWS_AS(parse_row_operations<Q>("R2 -> R2 - 2R1 junk", 3), ParseError);
    CHECK_THROWS_AS(parse_row_operations<Q>("R2 -> R1 - 2R2", 3), ParseError);
    CHECK_THROWS_AS(parse_row_operations<Q>("R2 -> R2 - 2R2", 3), ParseError);
    CHECK_THROWS_AS(parse_row_operations<Q>("R2 -> 3 R1", 3), ParseError);
    CHECK_THROWS_AS(parse_row_operations<Q>("R2 -> 1/0 R2", 3), ParseError);
    CHECK_THROWS_AS(parse_row_operations<Q>("  ;  ", 3), ParseError);
    try {
        parse_row_operations<Q>("R1 <-> R2;R2 -> R2 + x R1", 2);
        FAIL("expected a ParseError");
    } catch (const ParseError& e) {
        CHECK(e.row() == 2);  // the operation's number
        CHECK(e.column() > 10);
    }
}

TEST_CASE("apply_row_operations traces before, the labelled arrow, and after, chaining") {
    M A{{2, 3, 6}, {4, 5, 10}};
    trace::Trace t;
    auto ops = parse_row_operations<Q>("R2 -> R2 - 2R1; R2 -> -1 R2", 2);
    M B = apply_row_operations(A, ops, &t);
    CHECK(B == M{{2, 3, 6}, {0, 1, 2}});
    REQUIRE(t.steps().size() == 2);
    const auto& first = *t.steps()[0].state;
    CHECK(first.relations() == std::vector{trace::Rel::arrow});
    CHECK(first.labels()[0] == ops[0].to_math());
    CHECK(first.args[0] == to_math(A));
    CHECK(t.steps()[1].state->args[0] == first.args[1]);  // B of one step is A of the next
    CHECK(t.steps()[1].state->args[1] == to_math(B));
}

// ---- Echelon forms --------------------------------------------------------------------------------

TEST_CASE("the notes' REF has RREF (1 0 -5 | -4; 0 1 4 | 5), not (1 0 0 | -14; 0 1 0 | 5)") {
    M ref_form{{1, 2, 3, 6}, {0, 1, 4, 5}};
    ref_form.set_augment(1);
    CHECK(is_row_echelon(ref_form));
    M expected{{1, 0, -5, -4}, {0, 1, 4, 5}};
    for (const auto& options : {gauss_jordan, fraction_free}) CHECK(rref(ref_form, options) == expected);
    M notes_rref{{1, 0, 0, -14}, {0, 1, 0, 5}};
    CHECK(is_reduced_row_echelon(notes_rref));     // a valid RREF …
    CHECK(rref(notes_rref) != rref(ref_form));     // … of a different matrix
}

TEST_CASE("ref of the notes' system, with and without unit pivots") {
    M A{{2, 3, 6}, {4, 5, 10}};
    CHECK(ref(A) == M{{2, 3, 6}, {0, -1, -2}});
    CHECK(ref_unit_pivots(A) == M{{1, Q(3, 2), 3}, {0, 1, 2}});
    CHECK(rref(A) == M{{1, 0, 0}, {0, 1, 2}});
}

TEST_CASE("rank, pivot columns and free columns of a hand-checked matrix") {
    M A{{1, 2, 1, 1}, {2, 4, 0, 6}, {3, 6, 1, 7}};  // row 3 = row 1 + row 2
    for (const auto& options : {gauss_jordan, fraction_free}) {
        CHECK(rank(A, options) == 2);
        CHECK(pivot_columns(A, options) == std::vector<std::size_t>{0, 2});
    }
    CHECK(rref(A) == M{{1, 2, 0, 3}, {0, 0, 1, -2}, {0, 0, 0, 0}});
    CHECK(free_columns({0, 2}, 4) == std::vector<std::size_t>{1, 3});
    CHECK(rank(M(3, 2)) == 0);
    CHECK(rank(M()) == 0);
}

TEST_CASE("the trace of an RREF: start, swap, scaling, eliminations, result; pivots highlighted") {
    M A{{0, 2, 4}, {1, 1, 1}, {2, 4, 6}, {3, 5, 9}};
    trace::Trace t;
    M R = rref(A, {}, &t);
    CHECK(R == rref(A, fraction_free));
    const auto& steps = t.steps();
    REQUIRE(steps.size() >= 5);
    CHECK(steps.front().kind == "matrix");
    CHECK(steps[1].kind == "interchange");
    CHECK(steps[1].text == "Swap rows 1 and 2 to bring a non-zero pivot up.");
    CHECK(*steps[1].operation == Op::interchange(0, 1).to_math());
    CHECK(steps.back().kind == "result");
    CHECK(!steps.back().state);  // the matrix the step before ended in
    CHECK(steps[steps.size() - 2].state->highlight() == std::vector<std::size_t>{0, 4, 8});  // (1,1), (2,2), (3,3)
    bool has_scaling = false;
    std::vector<std::size_t> group_substeps;
    for (const auto& s : steps) {
        has_scaling = has_scaling || (s.kind == "scaling" && s.text == "Scale row 2 to make its pivot 1.");
        if (s.kind == "replacements") {
            CHECK(s.operation->kind == trace::Kind::list);
            group_substeps.push_back(s.substeps.size());
        }
    }
    CHECK(has_scaling);
    // the first column's replacements one by one, then each column's as one step
    REQUIRE(group_substeps.size() >= 2);
    CHECK(group_substeps[0] >= 2);
    for (std::size_t k = 1; k < group_substeps.size(); ++k) CHECK(group_substeps[k] == 0);
    // --detail full: every column's
    trace::Trace full;
    EliminationOptions<Rational> every;
    every.every_replacement = true;
    CHECK(rref(A, every, &full) == R);
    std::size_t detailed = 0, groups = 0;
    for (const auto& s : full.steps()) {
        if (s.kind != "replacements") continue;
        ++groups;
        detailed += s.substeps.size() == s.operation->args.size();
    }
    CHECK(groups == group_substeps.size());
    CHECK(detailed == groups);
}

TEST_CASE("untraced elimination records nothing to the trace, traced and untraced agree") {
    std::mt19937_64 rng(11);
    for (int k = 0; k < 20; ++k) {
        M A = testing::random_rational(rng, 3, 4, 3);
        trace::Trace t;
        CHECK(rref(A, gauss_jordan, &t) == rref(A, gauss_jordan));
        CHECK(!t.empty());
    }
}

TEST_CASE("complete pivoting tracks its column swaps and still gives the RREF of A") {
    M A{{1, 2, 9}, {0, 1, 4}, {2, 5, 1}};
    auto options = with(Method::gauss_jordan, PivotRule::complete);
    Elimination<Q> e = eliminate(A, options, EliminationGoal{});
    CHECK(e.column_order[0] == 2);  // 9 is the largest entry
    CHECK(rref(A, options) == rref(A, fraction_free));
    CHECK(determinant(A, options) == determinant(A, fraction_free));
}

// ---- Determinant -----------------------------------------------------------------------------------

TEST_CASE("determinants of hand-checked matrices, by elimination and by cofactors") {
    M A{{2, 3}, {4, 5}};
    M B{{0, 1, 2}, {1, 0, 3}, {4, -3, 8}};  // det = -2
    M S{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
    for (const auto& options : {gauss_jordan, fraction_free}) {
        CHECK(determinant(A, options) == -2);
        CHECK(determinant(B, options) == -2);
        CHECK(determinant(S, options) == 0);
        CHECK(determinant(M{{Q(1, 2), Q(1, 3)}, {Q(1, 4), Q(1, 5)}}, options) == Q(1, 60));
    }
    CHECK(cofactor_determinant(A) == -2);
    CHECK(cofactor_determinant(B) == -2);
    CHECK(cofactor_determinant(S) == 0);
}

TEST_CASE("the traced determinant ends with (−1)^s times the diagonal, and says so in words") {
    M B{{0, 1, 2}, {1, 0, 3}, {4, -3, 8}};
    trace::Trace t;
    CHECK(determinant(B, {}, &t) == -2);
    const auto& last = t.steps().back();
    CHECK(last.kind == "determinant");
    REQUIRE(last.state);
    CHECK(last.state->args.back() == trace::number("-2"));
    CHECK(last.text.find("times −1 for each of the") != std::string::npos);
    CHECK(last.text.find('^') == std::string::npos);
    trace::Trace c;
    CHECK(cofactor_determinant(B, &c) == -2);
    REQUIRE(!c.steps().empty());
    CHECK(c.steps()[0].kind == "cofactor_expansion");
    CHECK(!c.steps()[0].substeps.empty());
}

TEST_CASE("cofactor expansion names each minor by its place and writes determinants between bars") {
    M A{{1, 2, 0, 1}, {0, 1, 3, 2}, {2, 0, 1, 1}, {1, 1, 1, 0}};
    trace::Trace t;
    const Rational det = cofactor_determinant(A, &t);
    CHECK(det == determinant(A));
    REQUIRE(t.steps().size() == 1);
    const trace::Step& expansion = t.steps()[0];
    CHECK(expansion.text.find('^') == std::string::npos);  // no LaTeX in the sentence
    REQUIRE(expansion.operation);
    CHECK(trace::to_latex(*expansion.operation) == "\\det A = \\sum_j (-1)^{1 + j} a_{1j} \\det M_{1j}");
    // the first minor of A, then a minor of that minor, each named by the rows and columns deleted
    const trace::Step& m11 = expansion.substeps.at(0);
    CHECK(m11.text == "The minor M\u2081\u2081: A without row 1 and column 1.");
    CHECK(trace::to_latex(*m11.operation).starts_with("M_{11} = \\begin{pmatrix}"));
    const trace::Step& inner = m11.substeps.at(0).substeps.at(0);
    CHECK(inner.text == "The minor of A without rows 1 and 2 and columns 1 and 2.");
    CHECK(trace::to_latex(*inner.operation).starts_with("M_{12,12} = "));
    // every minor, at any depth, is named by the rows and columns of A it has lost
    std::vector<std::string> names;
    auto collect = [&names](const auto& self, const std::vector<trace::Step>& steps) -> void {
        for (const trace::Step& step : steps) {
            if (step.kind == "minor") names.push_back(trace::to_latex(*step.operation).substr(0, trace::to_latex(*step.operation).find(" = ")));
            self(self, step.substeps);
        }
    };
    collect(collect, t.steps());
    // a₁₃ = 0, so there is no M₁₃; M₁₂ loses columns 2 and 3 (a₂₁ = 0 skips A's column 1)
    CHECK(std::find(names.begin(), names.end(), "M_{13}") == names.end());
    CHECK(std::find(names.begin(), names.end(), "M_{12,23}") != names.end());
    CHECK(std::find(names.begin(), names.end(), "M_{12,24}") != names.end());
    CHECK(names.size() == 3 + (3 + 2 + 2));  // M₁₁, M₁₂, M₁₄, then the 2×2 minors of each behind a non-zero entry
    // a 2×2 determinant written out is the matrix between bars
    CHECK(trace::to_latex(trace::apply("det", {to_math(M{{1, 2}, {3, 4}})})) ==
          "\\begin{vmatrix} 1 & 2 \\\\ 3 & 4 \\end{vmatrix}");
    CHECK(trace::to_text(trace::apply("det", {to_math(M{{1, 2}, {3, 4}})})) == "\u2502 1  2 \u2502\n\u2502 3  4 \u2502");
    CHECK(trace::to_latex(trace::apply("det", {trace::symbol("A")})) == "\\det A");
}

TEST_CASE("determinant and inverse of a non-square matrix are shape errors naming the shape") {
    M A{{1, 2, 3}, {4, 5, 6}};
    CHECK_THROWS_WITH_AS(determinant(A), "the determinant needs a square matrix, not a 2×3 one", ShapeError);
    CHECK_THROWS_WITH_AS(cofactor_determinant(A), "the determinant needs a square matrix, not a 2×3 one", ShapeError);
    CHECK_THROWS_WITH_AS(inverse(A), "the inverse needs a square matrix, not a 2×3 one", ShapeError);
    CHECK_THROWS_AS(cofactor_determinant(M::identity(5)), DomainError);
}

// ---- Inverse ---------------------------------------------------------------------------------------

TEST_CASE("inverse of a hand-checked matrix, with its check step") {
    M A{{2, 3}, {4, 5}};
    M expected{{Q(-5, 2), Q(3, 2)}, {2, -1}};
    CHECK(inverse(A, gauss_jordan) == expected);
    CHECK(inverse(A, fraction_free) == expected);
    trace::Trace t;
    CHECK(inverse(A, {}, &t) == expected);
    REQUIRE(t.steps().size() == 2);
    CHECK(t.steps()[0].kind == "gauss_jordan");
    CHECK(t.steps()[1].kind == "check");
    // A A⁻¹ = I as one equation, the identity written once
    REQUIRE(t.steps()[1].operation.has_value());
    CHECK(t.steps()[1].operation->args.back() == to_math(M::identity(2)));
    CHECK(!t.steps()[1].state.has_value());
}

TEST_CASE("a singular inverse names the column without a pivot and the dependency of the rows") {
    M A{{1, 2, 3}, {0, 1, 1}, {2, 3, 5}};  // R_3 = 2R_1 - R_2
    for (const auto& options : {gauss_jordan, fraction_free}) {
        CHECK_THROWS_WITH_AS(inverse(A, options),
                             "the matrix is singular: column 3 has no pivot (rank 2 < 3); its rows are "
                             "dependent: R₃ = 2R₁ − R₂",
                             SingularError);
    }
    CHECK_THROWS_WITH_AS(inverse(M{{1, 2}, {2, 4}}),
                         "the matrix is singular: column 2 has no pivot (rank 1 < 2); its rows are "
                         "dependent: R₂ = 2R₁",
                         SingularError);
    CHECK_THROWS_WITH_AS(inverse(M{{2, 4}, {1, 2}}),  // a fraction as a coefficient cannot be misread
                         "the matrix is singular: column 2 has no pivot (rank 1 < 2); its rows are "
                         "dependent: R₂ = (1/2)R₁",
                         SingularError);
    CHECK_THROWS_AS(inverse(Matrix<double>{{1, 2}, {2, 4}}), SingularError);
}

// ---- Null space, column space, LU ------------------------------------------------------------------

TEST_CASE("null space and column space of a hand-checked matrix") {
    M A{{1, 2, 1, 1}, {2, 4, 0, 6}, {3, 6, 1, 7}};
    M N = null_space(A);
    CHECK(N == M{{-2, -3}, {1, 0}, {0, 2}, {0, 1}});
    CHECK(A * N == M(3, 2));
    CHECK(column_space(A) == M{{1, 1}, {2, 0}, {3, 1}});
    CHECK(null_space(M::identity(3)).cols() == 0);
}

TEST_CASE("PA = LU of a matrix that needs a row swap") {
    M A{{0, 2, 1}, {1, 1, 1}, {2, 4, 3}};
    LU<Q> f = lu(A);
    CHECK(f.P * A == f.L * f.U);
    CHECK(f.P == M{{0, 1, 0}, {1, 0, 0}, {0, 0, 1}});
    CHECK(f.L == M{{1, 0, 0}, {0, 1, 0}, {2, 1, 1}});
    CHECK(f.U == M{{1, 1, 1}, {0, 2, 1}, {0, 0, 0}});
}

// ---- Seeded random properties, exact --------------------------------------------------------------

TEST_CASE("random matrices: RREF, rank, null space, column space and LU, exactly, across methods and rules") {
    std::mt19937_64 rng(20250101);
    std::uniform_int_distribution<std::size_t> size(1, 7);
    const PivotRule rules[] = {PivotRule::first_nonzero, PivotRule::partial, PivotRule::scaled_partial,
                               PivotRule::complete};
    for (int trial = 0; trial < 1000; ++trial) {
        const std::size_t m = size(rng), n = size(rng);
        const std::size_t r = std::uniform_int_distribution<std::size_t>(0, std::min(m, n))(rng);
        const int kind = trial % 3;
        M A = random_matrix(rng, m, n, r, kind);
        CAPTURE(A);
        M R = rref(A, fraction_free);
        CHECK(is_reduced_row_echelon(R));
        CHECK(rref(R, fraction_free) == R);  // idempotent
        CHECK(rref(R, gauss_jordan) == R);
        const PivotRule rule = rules[trial % 4];
        CHECK(rref(A, with(Method::gauss_jordan, rule)) == R);
        const std::size_t rk = rank(A);
        CHECK(rk == rank(A, with(Method::gauss_jordan, rule)));
        CHECK(rk <= r);
        M N = null_space(A);
        CHECK(rk + N.cols() == n);  // rank + nullity = columns
        CHECK(A * N == M(m, N.cols()));
        if (N.cols()) CHECK(independent_columns(N));
        M C = column_space(A);
        CHECK(C.cols() == rk);
        if (rk) CHECK(independent_columns(C));
        CHECK(pivot_columns(A, with(Method::gauss_jordan, rule)) == pivot_columns(A, fraction_free));
        LU<Q> f = lu(A, with(Method::gauss_jordan, rule));
        CHECK(f.P * A * f.Q == f.L * f.U);
        CHECK(is_row_echelon(f.U));
        for (std::size_t i = 0; i < m; ++i) {
            CHECK(f.L(i, i) == 1);
            for (std::size_t j = i + 1; j < m; ++j) CHECK(f.L(i, j) == 0);
        }
    }
}

TEST_CASE("random square matrices: inverse, determinant, det(AB) = det A det B, cofactors") {
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<std::size_t> size(1, 6);
    for (int trial = 0; trial < 400; ++trial) {
        const std::size_t n = size(rng);
        const bool full = trial % 4 != 0;
        M A = random_matrix(rng, n, n, full ? n : n - 1, trial % 3);
        M B = random_matrix(rng, n, n, n, 1);
        CAPTURE(A);
        const Q det_a = determinant(A, fraction_free);
        CHECK(det_a == determinant(A, gauss_jordan));
        CHECK(det_a == determinant(A, with(Method::gauss_jordan, PivotRule::partial)));
        CHECK(det_a == determinant(A, with(Method::gauss_jordan, PivotRule::complete)));
        CHECK(determinant(M(A * B)) == det_a * determinant(B));
        if (n <= 4) CHECK(cofactor_determinant(A) == det_a);
        if (det_a != 0) {
            M inv = inverse(A, fraction_free);
            CHECK(inverse(A, gauss_jordan) == inv);
            CHECK(inverse(A, with(Method::gauss_jordan, PivotRule::complete)) == inv);
            CHECK(A * inv == M::identity(n));
            CHECK(inv * A == M::identity(n));
        } else {
            CHECK_THROWS_AS(inverse(A), SingularError);
        }
    }
}

// ---- Floating point against exact --------------------------------------------------------------------

TEST_CASE_TEMPLATE("floating elimination agrees with exact on diagonally dominant matrices", T, double, Float50) {
    // Tolerance: 1e-9 relative for double, 1e-40 for Float50 (n ≤ 6, condition number ≤ 3).
    const T tol = std::is_same_v<T, double> ? T(1e-9) : T(1e-40);
    std::mt19937_64 rng(99);
    for (int trial = 0; trial < 100; ++trial) {
        const std::size_t n = 1 + trial % 6;
        M A = testing::random_rational(rng, n, n, 5, true);
        for (std::size_t i = 0; i < n; ++i) A(i, i) += Q(static_cast<int>(6 * n));  // |a_ii| > Σ_j≠i |a_ij|
        Matrix<T> Af = matrix_cast<T>(A);
        for (PivotRule rule : {PivotRule::partial, PivotRule::scaled_partial, PivotRule::complete,
                               PivotRule::first_nonzero}) {
            EliminationOptions<T> options;
            options.pivot = rule;
            const Q det = determinant(A);
            const T det_f = determinant(Af, options);
            CHECK(magnitude(T(det_f - scalar_cast<T>(det))) <= tol * magnitude(scalar_cast<T>(det)));
            Matrix<T> diff = inverse(Af, options) - matrix_cast<T>(inverse(A));
            for (const T& x : diff.entries()) CHECK(magnitude(x) <= tol);
            CHECK(rank(Af, options) == n);
        }
    }
}

TEST_CASE("the floating zero test uses max(m,n)·ε·max|a_ij| and can be overridden") {
    Matrix<double> A{{1, 2}, {2, 4 + 1e-15}};
    CHECK(rank(A) == 1);  // 1e-15 is below 2·2⁻⁵²·4
    EliminationOptions<double> strict;
    strict.tolerance = 0.0;
    CHECK(rank(A, strict) == 2);
    CHECK(default_tolerance(A) == 2 * 0x1p-52 * (4 + 1e-15));
}

// ---- The record of the one entry point ---------------------------------------------------------

namespace {

// The parts of the record every engine fills, and that must agree between engines.
template <Scalar T>
void check_same_shape(const Elimination<T>& fast, const Elimination<T>& textbook) {
    CHECK(fast.pivots == textbook.pivots);
    CHECK(fast.column_order == textbook.column_order);
    CHECK(fast.swaps == textbook.swaps);
    REQUIRE(fast.steps.size() == fast.rank());
    REQUIRE(textbook.steps.size() == textbook.rank());
    for (std::size_t k = 0; k < fast.steps.size(); ++k) {
        CHECK(fast.steps[k].column == fast.pivots[k]);
        CHECK(fast.steps[k].pivot_row == textbook.steps[k].pivot_row);
    }
    CHECK(fast.determinant.has_value() == textbook.determinant.has_value());
}

// The textbook's steps partition its forward operations: [R_k ↔ R_p] [scaling] replacements.
template <Scalar T>
void check_steps_match_operations(const Elimination<T>& e) {
    std::size_t at = 0;
    for (std::size_t k = 0; k < e.steps.size(); ++k) {
        const PivotStep& s = e.steps[k];
        CHECK(s.first == at);
        std::size_t q = s.first;
        if (s.pivot_row != k) CHECK(e.operations[q++].kind == RowOpKind::interchange);
        if (s.scaled) CHECK(e.operations[q++].kind == RowOpKind::scaling);
        for (std::size_t i : s.cleared) {
            CHECK(e.operations[q].kind == RowOpKind::replacement);
            CHECK(e.operations[q++].target == i);
        }
        CHECK(q == s.end);
        at = s.end;
    }
}

}  // namespace

TEST_CASE("the record has the same pivots, swaps and pivot steps whichever exact engine ran") {
    std::mt19937_64 rng(2024);
    for (int trial = 0; trial < 40; ++trial) {
        const std::size_t m = 1 + rng() % 5, n = 1 + rng() % 5;
        M A = random_matrix(rng, m, n, rng() % (std::min(m, n) + 1), trial % 3);
        CAPTURE(A);
        for (bool reduced : {false, true}) {
            EliminationGoal goal;
            goal.reduced = reduced;
            goal.need = reduced ? Need::echelon : Need::pivots;
            Elimination<Q> fast = eliminate(A, fraction_free, goal), textbook = eliminate(A, gauss_jordan, goal);
            CHECK(fast.engine == Engine::fraction_free);
            CHECK(textbook.engine == Engine::textbook);
            check_same_shape(fast, textbook);
            check_steps_match_operations(textbook);
            if (m == n) CHECK(*fast.determinant == *textbook.determinant);
            if (reduced) CHECK(fast.echelon == textbook.echelon);
        }
    }
}

TEST_CASE("the determinant in the record agrees across engines, goals and pivot rules") {
    std::mt19937_64 rng(2025);
    for (int trial = 0; trial < 20; ++trial) {
        const std::size_t n = 1 + rng() % 4;
        M A = random_matrix(rng, n, n, rng() % (n + 1), trial % 3);
        const Q expected = cofactor_determinant(A);
        for (auto rule : {PivotRule::first_nonzero, PivotRule::partial, PivotRule::scaled_partial, PivotRule::complete}) {
            for (bool reduced : {false, true}) {
                EliminationGoal goal;
                goal.reduced = reduced;
                CHECK(*eliminate(A, with(Method::gauss_jordan, rule), goal).determinant == expected);
            }
        }
        CHECK(determinant(A, fraction_free) == expected);
    }
}

TEST_CASE("the blocked engine's record has the textbook loop's shape") {
    std::mt19937_64 rng(2026);
    std::uniform_real_distribution<double> d(-1, 1);
    EliminationOptions<double> textbook_options;
    textbook_options.method = Method::gauss_jordan;
    for (std::size_t n : {1, 3, 8, 20}) {
        Matrix<double> A(n, n + 1);
        for (double& x : A.entries()) x = d(rng);
        EliminationGoal goal;
        goal.pivot_limit = n;
        Elimination<double> fast = eliminate(A, EliminationOptions<double>{}, goal);
        Elimination<double> textbook = eliminate(A, textbook_options, goal);
        CHECK(fast.engine == Engine::blocked);
        check_same_shape(fast, textbook);
        CHECK(std::abs(*fast.determinant - *textbook.determinant) <= 1e-12 * std::abs(*textbook.determinant));
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j <= n; ++j) CHECK(std::abs(fast.echelon(i, j) - textbook.echelon(i, j)) <= 1e-12);
    }
}

TEST_CASE("a fast engine that meets a dependency returns the textbook loop's evidence") {
    M A{{1, 2, 3}, {2, 4, 6}, {1, 0, 1}};  // R_2 = 2R_1
    std::string fast_message, textbook_message;
    try {
        inverse(A, fraction_free);
    } catch (const SingularError& e) {
        fast_message = e.what();
    }
    try {
        inverse(A, gauss_jordan);
    } catch (const SingularError& e) {
        textbook_message = e.what();
    }
    CHECK(!fast_message.empty());
    CHECK(fast_message == textbook_message);

    EliminationGoal goal;
    goal.reduced = true;
    goal.pivot_limit = 3;
    Matrix<Q> AI = augment(A, M::identity(3));
    Elimination<Q> e = eliminate(AI, fraction_free, goal);
    CHECK(e.engine == Engine::textbook);  // rerun for the operations behind the zero row
    CHECK(!e.operations.empty());
    CHECK(e.echelon == eliminate(AI, gauss_jordan, goal).echelon);
}

TEST_CASE("a derivation past its size limit stops, says how many steps it left out, and the result is whole") {
    // H_12, the Hilbert matrix: its inverse has integer entries of up to 16 digits.
    const std::size_t n = 12;
    M H(n, n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) H(i, j) = Q(1, static_cast<long>(i + j + 1));
    trace::Trace small(3'000);
    M inv = inverse(H, {}, &small);
    CHECK(small.exhausted());
    CHECK(small.omitted() > 0);
    CHECK(inv == inverse(H));
    CHECK(H * inv == M::identity(n));
    std::vector<trace::Step> steps = small.take_steps();
    std::size_t nodes = 0;
    for (const auto& s : steps) nodes += trace::node_count(s);
    CHECK(nodes <= 3'000);
    REQUIRE(!steps.empty());
    CHECK(steps.back().kind == trace::kind::omitted);
    CHECK(steps.back().text.find("more steps would pass its limit of 3000") != std::string::npos);
    // The trace is ready for another derivation, with nothing left out yet.
    CHECK(!small.exhausted());

    trace::Trace roomy;
    inverse(H, {}, &roomy);
    CHECK(!roomy.exhausted());
    CHECK(roomy.take_steps().back().kind != trace::kind::omitted);
}

TEST_CASE("long numbers count against the limit by their length: a hundred scalings by 10^4000 stay a few MB") {
    // Each scaling adds 4,000 digits to row 1; written in full, the hundred states would be 20
    // million digits. Counted once per 16 characters, the derivation stops after about 20 of them.
    M A{{1, 2}, {3, 4}};
    std::string text;
    for (int k = 0; k < 100; ++k) text += "R1 -> (1e4000)R1; ";
    auto ops = parse_row_operations<Q>(text, 2);
    trace::Trace t;
    M B = apply_row_operations(A, ops, &t);
    CHECK(B(0, 0) == Q(boost::multiprecision::pow(Integer(10), 400'000)));
    CHECK(B(1, 1) == 4);
    CHECK(t.exhausted());
    std::vector<trace::Step> steps = t.take_steps();
    REQUIRE(steps.size() < 100);
    CHECK(steps.back().kind == trace::kind::omitted);
    trace::Document d{"Row operations", "rowops", "exact", {}, {}, std::move(steps)};
    CHECK(trace::render(d, trace::Format::text).size() < 12'000'000);
}

TEST_CASE("fraction-free elimination asked for with a sink says once that it shows the result only") {
    const Matrix<Q> A{{2, 1, 1}, {4, 5, 2}, {2, 7, 9}};
    trace::Trace steps;
    CHECK(determinant(A, fraction_free, &steps) == determinant(A, gauss_jordan));
    REQUIRE(!steps.steps().empty());
    CHECK(steps.steps().front().kind == trace::kind::note);
    CHECK(steps.steps().front().text.find("result only") != std::string::npos);
    CHECK(std::count_if(steps.steps().begin(), steps.steps().end(),
                        [](const trace::Step& s) { return s.kind == trace::kind::note; }) == 1);
    trace::Trace traced;  // the textbook loop, asked for, is traced and needs no note
    inverse(A, gauss_jordan, &traced);
    for (const auto& step : traced.steps()) CHECK(step.kind != trace::kind::note);
}

// The estimate a command prints before long work: Hadamard's bound holds for every number the
// elimination writes, and is near for random matrices (what makes the note worth printing).
TEST_CASE("the digit bound of an exact elimination holds for det A and every entry of A⁻¹") {
    std::mt19937 random(7);
    std::uniform_int_distribution<int> small(-30, 30), denominators(1, 12);
    auto digits = [](const Integer& x) { return x == 0 ? std::size_t{1} : Integer(abs(x)).str().size(); };
    for (int trial = 0; trial < 25; ++trial) {
        const std::size_t n = 2 + trial % 6;
        M A(n, n);
        for (auto& x : A.entries()) x = Q(small(random), denominators(random));
        if (determinant(A) == 0) continue;
        const std::size_t bound = minor_digits_bound(A);
        Q d = determinant(A);
        CHECK(digits(numerator(d)) <= bound);
        CHECK(digits(denominator(d)) <= bound);
        const M Ainv = inverse(A);
        for (const Q& x : Ainv.entries()) {
            CHECK(digits(numerator(x)) <= bound);
            CHECK(digits(denominator(x)) <= bound);
        }
    }
}

TEST_CASE("a large exact elimination is described before it starts; a small one is not") {
    std::mt19937 random(2);
    std::uniform_int_distribution<int> two_digits(-99, 99);
    M big(400, 400), small(3, 3);
    for (auto& x : big.entries()) x = two_digits(random);
    for (auto& x : small.entries()) x = two_digits(random);
    // the determinant of a random 400×400 matrix of two-digit numbers has about 1,140 digits
    WorkEstimate det = estimate_exact(big, Eliminating::number);
    CHECK(det.digits >= 1'140);
    CHECK(det.digits <= 1'400);
    CHECK(det.seconds > 5);
    CHECK(describe_if_large(det, "the determinant", 400, 400).find("numbers of up to") != std::string::npos);
    WorkEstimate inverse = estimate_exact(big, Eliminating::inverse);
    CHECK(inverse.output_bytes > 300e6);  // A⁻¹ of it writes 365 MB
    CHECK(describe_if_large(estimate_exact(small, Eliminating::inverse), "the inverse", 3, 3).empty());
    CHECK(describe_if_large(estimate_floating(400, 400, Eliminating::inverse, 17), "the inverse", 400, 400).empty());
}

}  // namespace test_elimination
