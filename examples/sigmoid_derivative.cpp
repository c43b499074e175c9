// Notes 004: σ′(x) = σ(x)(1 − σ(x)), derived from σ(x) = 1 / (1 + e^{−x}).
//
// The rules give e^{−x}/(1 + e^{−x})²; the notes then write e^{−x} = (1 + e^{−x}) − 1 and split:
//   e^{−x}/(1 + e^{−x})² = 1/(1 + e^{−x}) − 1/(1 + e^{−x})² = σ − σ² = σ(1 − σ).
// Each line is checked against the derivative at several points.
#include <fmt/core.h>

#include "calculus/calculus.hpp"

using namespace showwork;
using namespace showwork::calculus;

int main() {
    Expr sigma = parse_expression("sigma(x)");
    Expr expanded = expand_sigmoid(sigma);
    fmt::print("sigma(x) = {}    (LaTeX: \\sigma(x) = {})\n\n", to_text(expanded), to_latex(expanded));

    trace::Trace trace;
    Expr derivative = differentiate(expanded, "x", &trace);
    fmt::print("{}\n", steps_outline(trace.steps()));

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
