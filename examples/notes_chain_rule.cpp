// Notes 003 §1.5.3: the scalar chain rule, "split a function into 2 functions".
//
//   f = sin(g), g = x²:  ∂f/∂x = ∂f/∂g · ∂g/∂x = cos(g) · 2x = 2x cos(x²)
//
// The derivative rule by rule, checked at x = 0.7 by forward mode and a central difference.
//
//   notes_chain_rule [text|latex|markdown|json|document]     (text by default)
#include "examples/example.hpp"
#include "showwork/calculus/calculus.hpp"

using namespace showwork;
using namespace showwork::calculus;

namespace {

trace::Document notes_chain_rule() {
    Expr f = parse_expression("sin(x^2)");
    trace::Trace trace;
    Expr df = differentiate(f, "x", &trace);
    check_derivative(f, df, "x", parse_point<double>("x=0.7"), &trace);

    trace::Document d;
    d.title = "The chain rule for sin(x²), notes 003";
    d.command = "diff";
    d.number = "double";
    d.inputs = {{"f", to_math(f)}};
    d.results = {{"result", to_math(df)}};
    d.steps = trace.take_steps();
    return d;
}

}  // namespace

int main(int argc, char** argv) {
    return examples::run("notes_chain_rule", argc, argv, notes_chain_rule);
}
