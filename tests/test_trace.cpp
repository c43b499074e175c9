// The trace sink and the traced arithmetic: the same values as the operators, with or without a
// sink; the steps they record; the sizes above which entries are not shown.
#include <doctest/doctest.h>

#include <random>

#include "showwork/error.hpp"
#include "showwork/matrix/traced_arithmetic.hpp"
#include "support.hpp"
#include "showwork/trace/render.hpp"

namespace test_trace {  // this file's names, apart from the other suites' in the unity build

using namespace showwork;

namespace {

Matrix<double> to_double(const Matrix<Rational>& A) { return matrix_cast<double>(A); }

// Largest |a_ij − b_ij| between a double result and the exact one.
double distance(const Matrix<double>& A, const Matrix<Rational>& exact) {
    double worst = 0;
    for (std::size_t k = 0; k < A.size(); ++k) {
        worst = std::max(worst, std::abs(A.entries()[k] - rational_to_double(exact.entries()[k])));
    }
    return worst;
}

}  // namespace

TEST_CASE("with no sink and with a sink the traced operations equal the plain operators (Rational)") {
    std::mt19937_64 rng(7);
    for (int trial = 0; trial < 40; ++trial) {
        std::size_t m = 1 + rng() % 5, n = 1 + rng() % 5, p = 1 + rng() % 5;
        auto A = testing::random_rational(rng, m, n, 9, true);
        auto B = testing::random_rational(rng, n, p, 9, true);
        auto A2 = testing::random_rational(rng, m, n, 9, true);
        Rational c(static_cast<int>(rng() % 7) - 3, 4);
        trace::Trace sink;
        CHECK(multiply(A, B) == A * B);
        CHECK(multiply(A, B, &sink) == A * B);
        CHECK(add(A, A2) == A + A2);
        CHECK(add(A, A2, &sink) == A + A2);
        CHECK(subtract(A, A2, &sink) == A - A2);
        CHECK(scale(c, A, &sink) == c * A);
        CHECK(transposed(A, &sink) == transpose(A));
        CHECK(hadamard(A, A2, nullptr) == hadamard(A, A2));
        CHECK(hadamard(A, A2, &sink) == hadamard(A, A2));
        CHECK(add_scalar(A, c, &sink) == A + c * Matrix<Rational>(m, n, Rational(1)));
        Matrix<Rational> relu_A = relu(A, &sink);
        for (std::size_t k = 0; k < A.size(); ++k) {
            CHECK(relu_A.entries()[k] == std::max(A.entries()[k], Rational(0)));
        }
        CHECK(sink.steps().size() == 8);  // one step per traced call
    }
}

TEST_CASE("traced operations on double agree with the exact result within 1e-12") {
    std::mt19937_64 rng(11);
    for (int trial = 0; trial < 20; ++trial) {
        auto A = testing::random_rational(rng, 4, 3, 9, true);
        auto B = testing::random_rational(rng, 3, 5, 9, true);
        trace::Trace sink;
        CHECK(distance(multiply(to_double(A), to_double(B), &sink), A * B) <= 1e-12);
        CHECK(distance(subtract(to_double(A), to_double(A), &sink), A - A) == 0.0);
        CHECK(multiply(to_double(A), to_double(B)) == to_double(A) * to_double(B));
    }
}

TEST_CASE("shape mismatches throw ShapeError and record nothing") {
    Matrix<Rational> A(2, 3), B(2, 2);
    trace::Trace sink;
    CHECK_THROWS_AS(multiply(A, A, &sink), ShapeError);
    CHECK_THROWS_AS(add(A, B, &sink), ShapeError);
    CHECK_THROWS_AS(subtract(A, B, &sink), ShapeError);
    CHECK_THROWS_AS(hadamard(A, B, &sink), ShapeError);
    CHECK(sink.empty());
}

TEST_CASE("a small product shows each entry as a row times a column, as in notes 003") {
    Matrix<Rational> W{{5, 2}, {3, 6}};
    auto x = Matrix<Rational>::column({10, 20});
    trace::Trace sink;
    multiply(W, x, &sink);
    REQUIRE(sink.steps().size() == 1);
    const trace::Step& step = sink.steps()[0];
    CHECK(step.kind == "multiply");
    CHECK(step.state == to_math(Matrix<Rational>::column({90, 150})));
    REQUIRE(step.substeps.size() == 2);
    CHECK(trace::to_latex(*step.substeps[0].operation) == "90 = 5 \\cdot 10 + 2 \\cdot 20");
    CHECK(trace::to_latex(*step.substeps[1].operation) == "150 = 3 \\cdot 10 + 6 \\cdot 20");
}

TEST_CASE("above the limits a product is one step with its result") {
    std::mt19937_64 rng(3);
    SUBCASE("more than max_traced_product_entries entries") {
        auto A = testing::random_rational(rng, 7, 2), B = testing::random_rational(rng, 2, 6);
        trace::Trace sink;
        multiply(A, B, &sink);
        REQUIRE(sink.steps().size() == 1);
        CHECK(sink.steps()[0].substeps.empty());
        CHECK(sink.steps()[0].operation == trace::equals(trace::product({to_math(A), to_math(B)}, ""), to_math(A * B)));
    }
    SUBCASE("an inner dimension above max_traced_inner_dimension") {
        auto A = testing::random_rational(rng, 2, max_traced_inner_dimension + 1);
        auto B = testing::random_rational(rng, max_traced_inner_dimension + 1, 2);
        trace::Trace sink;
        multiply(A, B, &sink);
        CHECK(sink.steps()[0].substeps.empty());
    }
    SUBCASE("exactly at the limits every entry is shown") {
        auto A = testing::random_rational(rng, 6, max_traced_inner_dimension);
        auto B = testing::random_rational(rng, max_traced_inner_dimension, 6);
        trace::Trace sink;
        multiply(A, B, &sink);
        CHECK(sink.steps()[0].substeps.size() == max_traced_product_entries);
    }
}

TEST_CASE("entry-wise operations show the operation, the entry formulas and the result") {
    Matrix<Rational> A{{1, -2}}, B{{Rational(1, 2), 3}};
    trace::Trace sink;
    add(A, B, &sink);
    subtract(A, B, &sink);
    scale(Rational(-1, 2), A, &sink);
    hadamard(A, B, &sink);
    transposed(A, &sink);
    relu(A, &sink);
    const auto& s = sink.steps();
    REQUIRE(s.size() == 6);
    CHECK(trace::to_text(*s[0].operation) == "[ 1  −2 ] + [ 1/2  3 ] = [ 1 + 1/2  −2 + 3 ] = [ 3/2  1 ]");
    CHECK(trace::to_text(*s[0].state) == "[ 3/2  1 ]");
    CHECK(trace::to_text(*s[1].operation) == "[ 1  −2 ] − [ 1/2  3 ] = [ 1 − 1/2  −2 − 3 ] = [ 1/2  −5 ]");
    CHECK(trace::to_text(*s[2].operation) == "−(1/2) [ 1  −2 ] = [ (−1/2) · 1  (−1/2) · (−2) ] = [ −1/2  1 ]");
    CHECK(trace::to_latex(*s[3].operation) ==
          "\\begin{pmatrix} 1 & -2 \\end{pmatrix} \\odot \\begin{pmatrix} \\frac{1}{2} & 3 \\end{pmatrix} = "
          "\\begin{pmatrix} 1 \\cdot \\frac{1}{2} & (-2) \\cdot 3 \\end{pmatrix} = \\begin{pmatrix} \\frac{1}{2} & -6 \\end{pmatrix}");
    CHECK(trace::to_latex(*s[4].operation) == "\\begin{pmatrix} 1 & -2 \\end{pmatrix}^{\\top} = \\begin{pmatrix} 1 \\\\ -2 \\end{pmatrix}");
    CHECK(trace::to_text(*s[4].state) == "⎡  1 ⎤\n⎣ −2 ⎦");
    CHECK(trace::to_text(*s[5].operation) == "ReLU([ 1  −2 ]) = [ max(0, 1)  max(0, −2) ] = [ 1  0 ]");
    CHECK(trace::to_text(*s[5].state) == "[ 1  0 ]");
}

TEST_CASE("above max_traced_entrywise entries the entry formulas are left out") {
    Matrix<Rational> A(7, 6, Rational(1));
    trace::Trace sink;
    add(A, A, &sink);
    // A + A = the result: no matrix of 42 entry formulas between them
    REQUIRE(sink.steps()[0].operation->args.size() == 2);
    CHECK(sink.steps()[0].operation->args[0] == trace::sum({to_math(A), to_math(A)}));
}

TEST_CASE("sub-derivations nest: each SubDerivation's steps become its substeps, its state set when it closes") {
    trace::Trace sink;
    {
        trace::SubDerivation outer(&sink, "outer", "Outer.");
        sink.add("inner", "Inner.");
        {
            trace::SubDerivation sub(&sink, "middle", "Middle.");
            sink.add("deep", "Deep.");
            CHECK(sink.depth() == 2);
            sub.conclude(trace::number("1"));
        }
        outer.conclude(trace::number("2"));
    }
    REQUIRE(sink.steps().size() == 1);
    const auto& outer = sink.steps()[0];
    CHECK(outer.state == trace::number("2"));
    REQUIRE(outer.substeps.size() == 2);
    CHECK(outer.substeps[1].substeps.size() == 1);
    CHECK(outer.substeps[1].state == trace::number("1"));
    CHECK(sink.depth() == 0);
}

TEST_CASE("without a sink a SubDerivation builds nothing: its text is never computed") {
    bool described = false;
    {
        trace::SubDerivation nothing(nullptr, "none", [&] {
            described = true;
            return std::string("Nothing is recorded without a sink.");
        });
        CHECK_FALSE(static_cast<bool>(nothing));
        nothing.describe("Not recorded.");
        nothing.conclude(trace::number("0"));
    }
    CHECK_FALSE(described);
}

}  // namespace test_trace
