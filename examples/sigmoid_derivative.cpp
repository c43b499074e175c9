// Notes 004: σ′(x) = σ(x)(1 − σ(x)), derived from σ(x) = 1 / (1 + e^{−x}).
//
// The rules give e^{−x}/(1 + e^{−x})²; the notes then write e^{−x} = (1 + e^{−x}) − 1 and split:
//   e^{−x}/(1 + e^{−x})² = 1/(1 + e^{−x}) − 1/(1 + e^{−x})² = σ − σ² = σ(1 − σ).
// Each line is checked against the derivative at several points.
//
//   sigmoid_derivative [latex|document|markdown|text|json]     (text by default; the algebra
//   after the derivation is printed with text only)
#include <fmt/core.h>

#include "showwork/calculus/calculus.hpp"
#include "showwork/trace/render.hpp"

using namespace showwork;
using namespace showwork::calculus;

int main(int argc, char** argv) {
    trace::Format format = trace::Format::text;
    try {
        if (argc > 1) format = trace::parse_format(argv[1]);
    } catch (const std::exception& error) {
        fmt::print(stderr, "sigmoid_derivative: {}\n", error.what());
        return 2;
    }
    Expr sigma = parse_expression("sigma(x)");
    Expr expanded = expand_sigmoid(sigma);

    trace::Trace trace;
    Expr derivative = differentiate(expanded, "x", &trace);
    trace::Document d{"The derivative of the sigmoid 1/(1 + e^(−x)), notes 004", "diff", "exact",
                      {{"f", to_math(expanded)}}, {{"result", to_math(derivative)}}, trace.take_steps()};
    fmt::print("{}", trace::render(d, format));
    if (format != trace::Format::text) return 0;
    fmt::print("\n");

    // The notes' algebra, one line each, every line equal to the derivative.
    // (The second line is shown as written: simplifying it would collapse it back to the first.)
    struct Line {
        std::string why, written;
        Expr e;
    };
    std::vector<Line> lines{
        {"the rules give", to_text(derivative), derivative},
        {"write e^(-x) = (1 + e^(-x)) - 1", "((1 + e^(-x)) - 1)/(1 + e^(-x))^2",
         parse_expression("((1 + e^(-x)) - 1)/(1 + e^(-x))^2")},
        {"split the fraction", "", parse_expression("1/(1 + e^(-x)) - 1/(1 + e^(-x))^2")},
        {"recognise sigma", "", parse_expression("sigma(x) - sigma(x)^2")},
        {"factor", "", parse_expression("sigma(x) (1 - sigma(x))")},
    };
    for (const auto& [why, written, e] : lines) {
        double worst = 0;
        for (double x : {-4.0, -1.0, 0.0, 0.5, 3.0}) {
            Point<double> p{{"x", x}};
            worst = std::max(worst, std::abs(evaluate(e, p) - evaluate(derivative, p)));
        }
        fmt::print("  = {:<40} ({}; largest difference from the derivative at x = -4, -1, 0, 0.5, 3: {:.1e})\n",
                   written.empty() ? to_text(e) : written, why, worst);
    }

    Expr by_rule = differentiate(sigma, "x");
    fmt::print("\nThe sigmoid rule gives sigma'(x) = {}    (LaTeX: {})\n", to_text(by_rule), to_latex(by_rule));
    fmt::print("Exactly at 0: sigma'(0) = {}\n", rational_text(evaluate(by_rule, Point<Rational>{{"x", Rational(0)}})));
}
