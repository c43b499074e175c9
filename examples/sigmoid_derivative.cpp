// Notes 004: σ′(x) = σ(x)(1 − σ(x)), derived from σ(x) = 1 / (1 + e^{−x}).
//
// The rules give e^{−x}/(1 + e^{−x})²; the notes then write e^{−x} = (1 + e^{−x}) − 1 and split:
//   e^{−x}/(1 + e^{−x})² = 1/(1 + e^{−x}) − 1/(1 + e^{−x})² = σ − σ² = σ(1 − σ).
// Each line is checked against the derivative at several points. The document: the derivative
// rule by rule, the notes' algebra line by line with each line's check, the sigmoid rule, and
// σ′(0) = 1/4 exactly.
//
//   sigmoid_derivative [text|latex|markdown|json|document]     (text by default)
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "examples/example.hpp"
#include "showwork/calculus/calculus.hpp"

using namespace showwork;
using namespace showwork::calculus;

namespace {

// σ′(at)
trace::Math sigma_prime(trace::Math at) { return trace::apply("sigma'", {std::move(at)}); }

// ((1 + e^{−x}) − 1)/(1 + e^{−x})², as the notes write it: simplifying it would collapse it back
// to e^{−x}/(1 + e^{−x})².
trace::Math numerator_rewritten() {
    trace::Math base = trace::group(to_math(parse_expression("1 + e^(-x)")));
    return trace::fraction(trace::sum({base, trace::negate(trace::number("1"))}), trace::power(base, trace::number("2")));
}

// The largest |line − derivative| at x = −4, −1, 0, 0.5, 3.
double largest_difference(const Expr& line, const Expr& derivative) {
    double worst = 0;
    for (double x : {-4.0, -1.0, 0.0, 0.5, 3.0}) {
        Point<double> p{{"x", x}};
        worst = std::max(worst, std::abs(evaluate(line, p) - evaluate(derivative, p)));
    }
    return worst;
}

// The notes' algebra, one line each, every line equal to the derivative.
void notes_algebra(const Expr& derivative, trace::Trace& trace) {
    struct Line {
        std::string why;
        Expr e;
        trace::Math written;
        std::optional<trace::Math> operation = std::nullopt;
    };
    const trace::Math e_minus_x = to_math(parse_expression("e^(-x)"));
    const Expr rewritten = parse_expression("((1 + e^(-x)) - 1)/(1 + e^(-x))^2");
    std::vector<Line> lines{
        {"The derivative as the rules give it", derivative, to_math(derivative)},
        {"Write the numerator as the base of the denominator minus 1", rewritten, numerator_rewritten(),
         trace::equals(e_minus_x, trace::sum({trace::group(to_math(parse_expression("1 + e^(-x)"))),
                                              trace::negate(trace::number("1"))}))},
        {"Split the fraction", parse_expression("1/(1 + e^(-x)) - 1/(1 + e^(-x))^2"), {}},
        {"Recognise σ", parse_expression("sigma(x) - sigma(x)^2"), {}},
        {"Factor", parse_expression("sigma(x) (1 - sigma(x))"), {}},
    };
    trace::SubDerivation sub(&trace, trace::kind::check,
                             "The notes' algebra, line by line, each line checked against the derivative at "
                             "x = −4, −1, 0, 0.5 and 3.");
    for (Line& line : lines) {
        if (line.written.is_empty()) line.written = to_math(line.e);
        trace.add(trace::kind::check,
                  line.why + ". Largest difference from the derivative: " +
                      fmt::format("{:.1e}", largest_difference(line.e, derivative)) + ".",
                  line.operation, trace::equals(sigma_prime(trace::symbol("x")), line.written));
    }
    sub.conclude(trace::equals(sigma_prime(trace::symbol("x")), to_math(lines.back().e)));
}

trace::Document sigmoid_derivative() {
    Expr sigma = parse_expression("sigma(x)");
    Expr expanded = expand_sigmoid(sigma);

    trace::Trace trace;
    Expr derivative = differentiate(expanded, "x", &trace);
    notes_algebra(derivative, trace);

    Expr by_rule = differentiate(sigma, "x");
    trace.add(trace::kind::rule, "The sigmoid rule gives the same derivative at once.", std::nullopt,
              trace::equals(sigma_prime(trace::symbol("x")), to_math(by_rule)));
    const Rational at_zero = evaluate(by_rule, Point<Rational>{{"x", Rational(0)}});
    trace.add(trace::kind::evaluate, "Exactly at 0.", std::nullopt,
              trace::equals(sigma_prime(trace::number("0")), trace::number(rational_text(at_zero))));

    trace::Document d;
    d.title = "The derivative of the sigmoid, notes 004";
    d.command = "diff";
    d.number = "exact";
    d.inputs = {{"f", to_math(expanded)}};
    d.results = {{"derivative", to_math(derivative), trace::Named::Where::everywhere, sigma_prime(trace::symbol("x"))},
                 {"sigmoid_rule", to_math(by_rule), trace::Named::Where::everywhere, sigma_prime(trace::symbol("x"))},
                 {"at_zero", trace::number(rational_text(at_zero)), trace::Named::Where::everywhere,
                  sigma_prime(trace::number("0"))}};
    d.steps = trace.take_steps();
    return d;
}

}  // namespace

int main(int argc, char** argv) {
    return examples::run("sigmoid_derivative", argc, argv, sigmoid_derivative);
}
