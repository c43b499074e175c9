// Symbolic derivatives against two independent references — forward mode (dual numbers) and
// central finite differences — on many seeded random expressions and points.
#include <cmath>
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

// A central difference with one step in proportion to |x| is off by h²f‴/6: at x = 100 that is
// 6·10⁻⁸ for eˣ and sin x, past the check's tolerance 3.7·10⁻⁸; the ladder of steps finds one that
// suits the function, and at x ≤ 1 it keeps the first step, as before.
TEST_CASE("the check's difference follows functions that vary on a scale of 1 far from 0") {
    for (const std::string text : {"exp(x)", "sin(x)", "tanh(x/3)", "x^3", "sqrt(x)"}) {
        for (double x : {100.0, 709.0, 1e6}) {
            CAPTURE(text);
            CAPTURE(x);
            Expr f = parse_expression(text);
            if (text == "exp(x)" && x > 709.5) continue;  // e^(10⁶) is beyond double
            DerivativeCheck<double> c = check_derivative(f, differentiate(f, "x"), "x", Point<double>{{"x", x}});
            CHECK(c.agree);
            CHECK(c.difference_taken);
            CHECK(c.difference_found < 1e-9);
        }
    }
    SettledDifference<double> d = settled_central_difference(parse_expression("exp(x)"), Point<double>{{"x", 100.0}}, "x");
    CHECK(std::abs(d.value / std::exp(100.0) - 1) < 1e-9);
    CHECK(d.spread < 1e-9);
    // at |x| ≤ 1 the first step is the step of old, whose rounding is the least
    Point<double> one{{"x", 0.5}};
    CHECK(settled_central_difference(parse_expression("sin(x)"), one, "x").value ==
          finite_difference(parse_expression("sin(x)"), one, "x"));
}

TEST_CASE("a check that overflows the scalar leaves that part out and says so") {
    // x² at 10¹⁶⁰: x² is inf in double, so forward mode and the difference quotient have no value
    trace::Trace t;
    Expr f = parse_expression("x^2");
    DerivativeCheck<double> c = check_derivative(f, differentiate(f, "x"), "x", Point<double>{{"x", 1e160}}, &t);
    CHECK(c.symbolic == 2e160);
    CHECK_FALSE(c.dual_taken);
    CHECK(c.difference_overflows);
    CHECK_FALSE(c.compared());
    CHECK(c.agree);  // nothing contradicts the rules
    CHECK(t.steps().back().text ==
          "Check at x = 1e+160: the derivative by the rules is not compared: the check by forward mode (dual numbers) "
          "and by central difference overflows in double at this point.");
    // in float50 the same check runs whole
    DerivativeCheck<Float50> wide = check_derivative(f, differentiate(f, "x"), "x", Point<Float50>{{"x", Float50("1e160")}});
    CHECK(wide.agree);
    CHECK(wide.dual_taken);
    CHECK(wide.difference_taken);
    // a difference that cannot follow sin(10¹⁰x) does not settle, and is not compared
    trace::Trace fast;
    Expr g = parse_expression("sin(10000000000 x)");
    DerivativeCheck<double> d = check_derivative(g, differentiate(g, "x"), "x", Point<double>{{"x", 1.0}}, &fast);
    CHECK(d.agree);
    CHECK(d.difference_unsettled);
    CHECK_FALSE(d.difference_taken);
    CHECK(fast.steps().back().text.find("The central difference does not settle at this point (its steps disagree by ") !=
          std::string::npos);
    CHECK(fast.steps().back().text.ends_with(", past the tolerance); not compared."));
    // the derivative's own value must be a number: −1/x² at 10⁻²⁰⁰ is −inf
    Expr h = parse_expression("1/x");
    CHECK_THROWS_WITH_AS(check_derivative(h, differentiate(h, "x"), "x", Point<double>{{"x", 1e-200}}),
                         "∂f/∂x is -inf in double at x = 1e-200: 1/x^2 is inf there, beyond its range (the largest "
                         "double is about 1.8e+308); evaluate in float50, whose range is far wider",
                         RangeError);
}

TEST_CASE("a value that overflows is a RangeError naming where the overflow began") {
    // 10⁴⁰⁰ · x^(10⁴⁰⁰ − 1) at 1/2: the number is inf in double, the power 0, their product NaN
    Expr d = differentiate(parse_expression("x^(10^400)"), "x");
    CHECK_THROWS_WITH_AS(evaluate_finite(d, Point<double>{{"x", 0.5}}, "∂f/∂x"),
                         "∂f/∂x is undefined (NaN) in double at x = 0.5: the number 1e400 is beyond its range (the "
                         "largest double is about 1.8e+308), and what follows from it has no value; evaluate in float50, "
                         "whose range is far wider",
                         RangeError);
    CHECK(evaluate_finite(d, Point<Float50>{{"x", Float50(0.5)}}, "∂f/∂x") == 0);  // underflows to 0, a number
    CHECK(evaluate_finite(parse_expression("e^x"), Point<double>{{"x", 709.0}}, "f") == std::exp(709.0));
    // exact arithmetic has no range to leave
    CHECK(evaluate_finite(parse_expression("x^2"), Point<Rational>{{"x", Rational(1, 2)}}, "f") == Rational(1, 4));
}

TEST_CASE("a number of the input that the scalar cannot hold is an input error naming it") {
    CHECK(constant_out_of_range<double>(parse_expression("10^400 x")) == parse_rational("1e400"));
    CHECK(constant_out_of_range<double>(parse_expression("x/10^400")) == parse_rational("1e-400"));
    CHECK_FALSE(constant_out_of_range<double>(parse_expression("x^(10^400)")));  // an exponent stays exact
    CHECK_FALSE(constant_out_of_range<double>(parse_expression("1e-300 x + 1e300")));
    CHECK_FALSE(constant_out_of_range<Float50>(parse_expression("10^400 x")));
    CHECK_FALSE(constant_out_of_range<Rational>(parse_expression("10^400 x")));
    CHECK_THROWS_WITH_AS(require_numbers_in_range<double>(parse_expression("10^400 x"), "f"),
                         "f holds the number 1e400, beyond the range of double (its largest is about 1.8e+308); "
                         "evaluate in float50, whose range is far wider",
                         InputError);
    CHECK_THROWS_WITH_AS(require_numbers_in_range<double>(parse_expression("x/10^400"), "f"),
                         "f holds the number 1e-400, so close to 0 that double rounds it to 0; evaluate in float50, "
                         "whose range is far wider",
                         InputError);
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
