// Notes 004: σ′(x) = σ(x)(1 − σ(x)), by the notes' own route.
//
// The notes write σ(x) = 1/(1 + e^{−x}) as g(x) = eˣ/(eˣ + 1), take the quotient rule,
//   g′(x) = (eˣ(eˣ + 1) − eˣ·eˣ)/(eˣ + 1)² = eˣ/(eˣ + 1)²,
// multiply top and bottom by e^{−2x} to reach e^{−x}/(1 + e^{−x})², write e^{−x} = (1 + e^{−x}) − 1
// and split: 1/(1 + e^{−x}) − 1/(1 + e^{−x})² = σ − σ² = σ(1 − σ). Two of their lines are slips
// (DESIGN.md, errata), each a step of the document beside the right line:
//   eˣ · 1/(1 + e^{−x}) = g(x)      the factor eˣ does not belong: 1/(1 + e^{−x}) = eˣ/(eˣ + 1);
//   e^{−x}/(1 + e^{−x})² = 1/[1 + e^{−x}]²   the numerator is dropped.
// Every line is checked against the derivative at five points; each slip differs from it there.
// The document ends with the sigmoid rule, which gives the same at once, and σ′(0) = 1/4 exactly.
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

constexpr double points[] = {-4.0, -1.0, 0.0, 0.5, 3.0};

trace::Math sigma_prime(trace::Math at) { return trace::apply("sigma'", {std::move(at)}); }

// The largest |a − b| at x = −4, −1, 0, 0.5, 3.
double largest_difference(const Expr& a, const Expr& b) {
    double worst = 0;
    for (double x : points) {
        Point<double> p{{"x", x}};
        worst = std::max(worst, std::abs(evaluate(a, p) - evaluate(b, p)));
    }
    return worst;
}

std::string difference_text(double d) { return fmt::format("{:.1e}", d); }

// One line of the notes' algebra: what it does, its value as an expression (for the check) and
// as the notes write it (unsimplified, which the builders would collapse).
struct Line {
    std::string why;
    Expr value;
    trace::Math written;
};

// A line checked against `reference` at the five points: a step whose state is name = line.
void checked_line(trace::Trace& trace, const Line& line, const Expr& reference, trace::Math name) {
    trace.add(trace::kind::check,
              line.why + ". Largest difference from the derivative: " +
                  difference_text(largest_difference(line.value, reference)) + ".",
              std::nullopt, trace::equals(std::move(name), line.written));
}

// A slip of the notes: their line (as they write it) beside the right one, and how far apart they are.
void slip(trace::Trace& trace, const std::string& what, const Line& notes, const Line& right) {
    const double apart = largest_difference(notes.value, right.value);
    if (!(apart > 0.1)) throw MathError("the notes' line was expected to differ from the right one");
    trace.add(examples::erratum(what + " At x = −4, −1, 0, 0.5 and 3 the two differ by up to " +
                                    fmt::format("{:.2f}", apart) + ".",
                                trace::relation(notes.written, trace::Rel::not_equals, right.written)));
}

trace::Math group_of(const char* text) { return trace::group(to_math(parse_expression(text))); }

// ((1 + e^{−x}) − 1)/(1 + e^{−x})²: the numerator as the notes rewrite it.
trace::Math numerator_rewritten() {
    trace::Math base = group_of("1 + e^(-x)");
    return trace::fraction(trace::sum({base, trace::negate(trace::number("1"))}), trace::power(base, trace::number("2")));
}

// (eˣ(eˣ + 1) − eˣ·eˣ)/(eˣ + 1)², the quotient rule written out before it is simplified.
trace::Math quotient_written() {
    trace::Math ex = to_math(parse_expression("e^x"));
    trace::Math base = group_of("e^x + 1");
    return trace::fraction(trace::sum({trace::product({ex, base}, ""), trace::negate(trace::product({ex, ex}, "cdot"))}),
                           trace::power(base, trace::number("2")));
}

trace::Document sigmoid_derivative() {
    const Expr sigma = expand_sigmoid(parse_expression("sigma(x)"));  // 1/(1 + e^{−x})
    const Expr g = parse_expression("e^x/(e^x + 1)");
    const Expr reference = differentiate(sigma, "x");  // σ′ by the rules, what every line must equal
    const trace::Math g_of_x = trace::apply("g", {trace::symbol("x")});
    const trace::Math g_prime = trace::apply("g'", {trace::symbol("x")});

    trace::Trace trace;
    // 1. σ as a quotient of exponentials, and the notes' first slip
    const Line as_quotient{"Multiply the top and the bottom of σ(x) = 1/(1 + e^(−x)) by e^x", g,
                           to_math(parse_expression("e^x/(e^x + 1)"))};
    trace.add(trace::kind::check,
              as_quotient.why + ". Largest difference from σ: " + difference_text(largest_difference(g, sigma)) + ".",
              std::nullopt, trace::equals(g_of_x, as_quotient.written));
    slip(trace,
         "notes 004 write e^x · 1/(1 + e^(−x)) = g(x). The factor e^x does not belong: 1/(1 + e^(−x)) = "
         "e^x/(e^x + 1) = g(x), multiplying the top and the bottom by e^x.",
         Line{"", parse_expression("e^x * 1/(1 + e^(-x))"),
              trace::product({to_math(parse_expression("e^x")), trace::group(to_math(parse_expression("1/(1 + e^(-x))")))},
                             "cdot")},
         as_quotient);

    // 2. the quotient rule, as the library takes it
    trace::Trace rules;
    const Expr dg = differentiate(g, "x", &rules);
    trace::Step quotient;
    quotient.kind = std::string(trace::kind::rule);
    quotient.text = "The quotient rule on g(x) = e^x/(e^x + 1), (f/g)′ = (f′g − fg′)/g², by the rules.";
    quotient.state = trace::equals(g_prime, to_math(dg));
    quotient.substeps = rules.take_steps();
    trace.add(std::move(quotient));

    // 3. the notes' algebra, line by line
    std::vector<Line> rest;
    {
    trace::SubDerivation algebra(&trace, trace::kind::check,
                                 "The notes' algebra, line by line, each line checked against the derivative at "
                                 "x = −4, −1, 0, 0.5 and 3.");
    const std::vector<Line> lines{
        {"The quotient rule written out", parse_expression("(e^x (e^x + 1) - e^x e^x)/(e^x + 1)^2"), quotient_written()},
        {"Cancel: e^x(e^x + 1) − e^x · e^x = e^x", parse_expression("e^x/(e^x + 1)^2"), {}},
        {"Multiply the top and the bottom by e^(−2x): e^(−2x)/e^(−2x) = 1, (e^x + 1)² e^(−2x) = (1 + e^(−x))²",
         parse_expression("e^(-x)/(1 + e^(-x))^2"), {}},
        {"Write the numerator as the base of the denominator minus 1: e^(−x) = (1 + e^(−x)) − 1",
         parse_expression("((1 + e^(-x)) - 1)/(1 + e^(-x))^2"), numerator_rewritten()},
    };
    for (Line line : lines) {
        if (line.written.is_empty()) line.written = to_math(line.value);
        checked_line(trace, line, reference, sigma_prime(trace::symbol("x")));
    }
    slip(trace,
         "notes 004 write e^(−x)/(1 + e^(−x))² = 1/[1 + e^(−x)]², dropping the numerator. With e^(−x) = "
         "(1 + e^(−x)) − 1 the fraction splits into 1/(1 + e^(−x)) − 1/(1 + e^(−x))², the notes' next line.",
         Line{"", parse_expression("1/(1 + e^(-x))^2"), to_math(parse_expression("1/(1 + e^(-x))^2"))},
         Line{"", reference, to_math(lines.back().value)});
    rest = {
        {"Split the fraction", parse_expression("1/(1 + e^(-x)) - 1/(1 + e^(-x))^2"), {}},
        {"Recognise σ", parse_expression("sigma(x) - sigma(x)^2"), {}},
        {"Factor", parse_expression("sigma(x) (1 - sigma(x))"), {}},
    };
    for (Line line : rest) {
        if (line.written.is_empty()) line.written = to_math(line.value);
        checked_line(trace, line, reference, sigma_prime(trace::symbol("x")));
    }
    algebra.conclude(trace::equals(sigma_prime(trace::symbol("x")), to_math(rest.back().value)));
    }

    // 4. the sigmoid rule, and σ′(0) exactly
    const Expr by_rule = differentiate(parse_expression("sigma(x)"), "x");
    trace.add(trace::kind::rule, "The sigmoid rule gives the same derivative at once.", std::nullopt,
              trace::equals(sigma_prime(trace::symbol("x")), to_math(by_rule)));
    const Rational at_zero = evaluate(by_rule, Point<Rational>{{"x", Rational(0)}});
    trace.add(trace::kind::evaluate, "Exactly at 0.", std::nullopt,
              trace::equals(sigma_prime(trace::number("0")), trace::number(rational_text(at_zero))));
    for (const Line& line : rest) {
        if (largest_difference(line.value, reference) > 1e-12) throw MathError("a right line differs from σ′");
    }

    trace::Document d;
    d.title = "The derivative of the sigmoid, notes 004";
    d.command = "diff";
    d.number = "exact";
    d.inputs = {{"sigma", to_math(sigma)}, {"g", to_math(g)}};
    d.results = {{"derivative", to_math(dg), trace::Named::Where::everywhere, g_prime},
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
