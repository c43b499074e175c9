// Notes 003 §1.5.3: the scalar chain rule, "split a function into 2 functions".
//
//   notes_chain_rule [latex|document|markdown|text|json]     (text by default)
//
//   f = sin(g), g = x²:  ∂f/∂x = ∂f/∂g · ∂g/∂x = cos(g) · 2x = 2x cos(x²)
#include <cstdio>
#include <exception>

#include "showwork/calculus/calculus.hpp"
#include "showwork/trace/render.hpp"

using namespace showwork;
using namespace showwork::calculus;

int main(int argc, char** argv) {
    try {
        trace::Format format = argc > 1 ? trace::parse_format(argv[1]) : trace::Format::text;
        Expr f = parse_expression("sin(x^2)");
        trace::Trace trace;
        Expr df = differentiate(f, "x", &trace);
        check_derivative(f, df, "x", parse_point<double>("x=0.7"), &trace);
        trace::Document d{"The chain rule for sin(x²), notes 003", "diff", "double", {{"f", to_math(f)}},
                          {{"result", to_math(df)}}, trace.take_steps()};
        std::string out = trace::render(d, format);
        std::fputs(out.c_str(), stdout);
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "notes_chain_rule: %s\n", error.what());
        return 2;
    }
}
