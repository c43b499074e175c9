// Symbolic derivatives against two independent references — forward mode (dual numbers) and
// central finite differences — on many seeded random expressions and points.
#include <random>

#include "showwork/calculus/calculus.hpp"
#include "support.hpp"

namespace test_calculus_numeric {  // this file's names, apart from the other suites' in the unity build

using namespace showwork;
using namespace showwork::calculus;

namespace {

// A random smooth expression in x and y: no ReLU or max (kinks), ln and negative powers only of
// positive things, tan, sinh and cosh only of numbers in [−1, 1], so every point in [-2, 2]² is in the domain.
Expr random_expression(std::mt19937_64& rng, int depth, bool transcendental) {
    std::uniform_int_distribution<int> pick(0, depth <= 0 ? 2 : (transcendental ? 14 : 7));
    std::uniform_int_distribution<int> small(-4, 4);
    Expr x = variable("x"), y = variable("y");
    auto sub = [&] { return random_expression(rng, depth - 1, transcendental); };
    auto positive = [&] { return Expr(1) + power(sub(), Expr(2)); };
    switch (pick(rng)) {
        case 0: return x;
        case 1: return y;
        case 2: return constant(Rational(small(rng), std::uniform_int_distribution<int>(1, 3)(rng)));
        case 3: return sub() + sub();
        case 4: return sub() - sub();
        case 5: return sub() * sub();
        case 6: return sub() / positive();
        case 7: return power(sub(), Expr(std::uniform_int_distribution<int>(2, 3)(rng)));
        case 8: return sin(sub());
        case 9: return cos(sub()) * tanh(sub());
        case 10: return exp(sub() / positive());
        case 11: return ln(positive());
        case 12: return sinh(sin(sub())) * cosh(cos(sub()));  // arguments in [−1, 1]: no overflow
        case 13: return tan(sin(sub())) + abs(Expr(2) + sin(sub()));  // |tan's argument| ≤ 1, |·| of a positive
        default: return sigmoid(sub()) + power(positive(), constant(Rational(1, 2)));
    }
}

double relative_error(double a, double b) { return std::abs(a - b) / std::max(1.0, std::abs(a)); }

}  // namespace

TEST_CASE("symbolic, dual and finite-difference derivatives agree on 400 random expressions (double)") {
    // Tolerances, relative to max(1, |value|): dual vs symbolic 1e-9 (both exact up to rounding),
    // finite difference vs symbolic 1e-5 (truncation and rounding, ≈ ε^{2/3} times the curvature).
    std::mt19937_64 rng(20240517);
    std::uniform_real_distribution<double> coordinate(-2.0, 2.0);
    int compared = 0;
    for (int n = 0; n < 400; ++n) {
        Expr f = random_expression(rng, 3, true);
        for (const char* var : {"x", "y"}) {
            Expr d = differentiate(f, var);
            for (int k = 0; k < 3; ++k) {
                Point<double> p{{"x", coordinate(rng)}, {"y", coordinate(rng)}};
                double symbolic = evaluate(d, p);
                double dual = evaluate_dual(f, p, var).derivative;
                double fd = finite_difference(f, p, var);
                CAPTURE(to_text(f));
                CAPTURE(var);
                CHECK(relative_error(symbolic, dual) < 1e-9);
                CHECK(relative_error(symbolic, fd) < 1e-5);
                ++compared;
            }
        }
    }
    CHECK(compared == 2400);
}

TEST_CASE("symbolic and dual derivatives agree exactly over Rational on 300 random rational expressions") {
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<int> numerator(-9, 9), denominator(1, 5);
    for (int n = 0; n < 300; ++n) {
        Expr f = random_expression(rng, 3, false);
        Point<Rational> p{{"x", Rational(numerator(rng), denominator(rng))},
                          {"y", Rational(numerator(rng), denominator(rng))}};
        for (const char* var : {"x", "y"}) {
            CAPTURE(to_text(f));
            Dual<Rational> forward = evaluate_dual(f, p, var);
            CHECK(evaluate(differentiate(f, var), p) == forward.derivative);
            CHECK(evaluate(f, p) == forward.value);
        }
    }
}

TEST_CASE("the printed text of a random expression parses back to the same expression") {
    std::mt19937_64 rng(99);
    for (int n = 0; n < 300; ++n) {
        Expr f = random_expression(rng, 3, true);
        CAPTURE(to_text(f));
        CHECK(parse_expression(to_text(f)) == f);
    }
}

TEST_CASE("derivatives in Float50 agree with dual numbers to 40 digits") {
    std::mt19937_64 rng(5);
    for (int n = 0; n < 40; ++n) {
        Expr f = random_expression(rng, 2, true);
        Point<Float50> p{{"x", Float50(1) / 3}, {"y", Float50(-5) / 7}};
        Float50 symbolic = evaluate(differentiate(f, "x"), p);
        Float50 dual = evaluate_dual(f, p, "x").derivative;
        CAPTURE(to_text(f));
        CHECK(abs(symbolic - dual) <= Float50("1e-40") * (1 + abs(symbolic)));
    }
}

TEST_CASE("a derivation can end with a numeric check step") {
    trace::Trace t;
    Expr f = parse_expression("sin(x^2 + y)");
    Expr d = differentiate(f, "x", &t);
    DerivativeCheck<double> c = check_derivative(f, d, "x", parse_point<double>("x=1, y=2"), &t);
    CHECK(c.agree);
    CHECK(c.symbolic == doctest::Approx(2 * std::cos(3.0)));
    REQUIRE(t.steps().back().kind == "check");
    // the sentence says what is compared; the values are the step's math
    CHECK(t.steps().back().text.rfind("Check at x = 1, y = 2: the derivative by the rules against forward mode", 0) == 0);
    CHECK(t.steps().back().text.find('^') == std::string::npos);
    CHECK(t.steps().back().text.find("they agree") != std::string::npos);
    // a wrong derivative is caught
    CHECK_FALSE(check_derivative(f, parse_expression("cos(x^2 + y)"), "x", parse_point<double>("x=1, y=2")).agree);
}

TEST_CASE("sigma'(x) = sigma(x)(1 - sigma(x)) equals the derivative of 1/(1 + e^-x) (notes 004)") {
    Expr by_rule = differentiate(parse_expression("sigma(x)"), "x");
    Expr expanded = differentiate(expand_sigmoid(parse_expression("sigma(x)")), "x");
    CHECK(to_latex(by_rule) == "\\sigma(x)(1 - \\sigma(x))");
    CHECK(to_latex(expanded) == "\\frac{e^{-x}}{(1 + e^{-x})^{2}}");
    for (double x : {-3.0, -0.5, 0.0, 0.25, 2.0, 7.0}) {
        Point<double> p{{"x", x}};
        CHECK(evaluate(by_rule, p) == doctest::Approx(evaluate(expanded, p)).epsilon(1e-14));
    }
    CHECK(evaluate(by_rule, Point<Rational>{{"x", Rational(0)}}) == Rational(1, 4));
}

}  // namespace test_calculus_numeric
