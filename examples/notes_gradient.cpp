// Notes 003 §1.5.1: the gradient of f(x, y) = x² + cos(y).
//
//   notes_gradient [latex|document|markdown|text|json]     (text by default)
//
// The notes write ∇f = [2x, −sin(x)]; the second entry is ∂/∂y cos(y) = −sin(y).
#include <cstdio>
#include <exception>

#include <fmt/core.h>

#include "showwork/calculus/calculus.hpp"
#include "showwork/trace/render.hpp"

using namespace showwork;
using namespace showwork::calculus;

int main(int argc, char** argv) {
    try {
        trace::Format format = argc > 1 ? trace::parse_format(argv[1]) : trace::Format::text;
        Expr f = parse_expression("x^2 + cos(y)");
        std::vector<std::string> vars{"x", "y"};
        trace::Trace trace;
        std::vector<Expr> grad = gradient(f, vars, &trace);
        // checked numerically by forward mode and central differences
        Point<double> p = parse_point<double>("x=1, y=2");
        for (std::size_t k = 0; k < vars.size(); ++k) check_derivative(f, grad[k], vars[k], p, &trace);

        trace::Document d{"The gradient of x² + cos(y), notes 003", "gradient", "double", {{"f", to_math(f)}},
                          {{"result", to_math(as_column(grad))}}, trace.take_steps()};
        std::string out = trace::render(d, format);
        std::fputs(out.c_str(), stdout);
        if (format == trace::Format::text) {
            // the erratum: the notes' second entry is -sin(x)
            Expr notes = -sin(variable("x"));
            fmt::print("\nErratum (notes 003): the notes give df/dy = {}; the right value is {}.\n"
                       "At x = 1, y = 2: right {:.6f}, notes {:.6f}.\n",
                       to_text(notes), to_text(grad[1]), evaluate(grad[1], p), evaluate(notes, p));
        }
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "notes_gradient: %s\n", error.what());
        return 2;
    }
}
