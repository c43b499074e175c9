// Notes 003 §1.5.3: the scalar chain rule, "split a function into 2 functions".
//
//   f = sin(g), g = x²:  ∂f/∂x = ∂f/∂g · ∂g/∂x = cos(g) · 2x = 2x cos(x²)
#include <fmt/core.h>

#include "calculus/calculus.hpp"

using namespace showwork;
using namespace showwork::calculus;

int main() {
    Expr f = parse_expression("sin(x^2)");
    trace::Trace trace;
    Expr df = differentiate(f, "x", &trace);
    check_derivative(f, df, "x", parse_point<double>("x=0.7"), &trace);

    fmt::print("f(x) = {}\n\n{}\n", to_text(f), steps_outline(trace.steps()));
    fmt::print("LaTeX: \\frac{{\\partial f}}{{\\partial x}} = {}\n", to_latex(df));
}
