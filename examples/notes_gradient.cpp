// Notes 003 §1.5.1: the gradient of f(x, y) = x² + cos(y), each partial derivative rule by rule,
// checked at x = 1, y = 2 by forward mode and central differences.
//
// The notes write ∇f = [2x, −sin(x)]; the second entry is ∂/∂y cos(y) = −sin(y). The document
// shows their gradient beside the right one (the erratum) and both second entries at the point.
//
//   notes_gradient [text|latex|markdown|json|document]     (text by default)
#include <fmt/format.h>

#include "examples/example.hpp"
#include "showwork/calculus/calculus.hpp"

using namespace showwork;
using namespace showwork::calculus;

namespace {

trace::Document notes_gradient() {
    Expr f = parse_expression("x^2 + cos(y)");
    std::vector<std::string> vars{"x", "y"};
    trace::Trace trace;
    std::vector<Expr> grad = gradient(f, vars, &trace);
    // checked numerically by forward mode and central differences
    Point<double> p = parse_point<double>("x=1, y=2");
    for (std::size_t k = 0; k < vars.size(); ++k) check_derivative(f, grad[k], vars[k], p, &trace);

    // the erratum: the notes' second entry is −sin(x)
    std::vector<Expr> notes{grad[0], -sin(variable("x"))};
    trace.add(examples::erratum("the notes write the gradient with −sin x as its second entry; the second entry is "
                                "∂/∂y cos y = −sin y.",
                                trace::relation(to_math(as_column(notes)), trace::Rel::not_equals,
                                                to_math(as_column(grad)))));
    auto at_point = [&p](const Expr& e) {
        return trace::equals(to_math(e), trace::number(fmt::format("{:.6f}", evaluate(e, p))));
    };
    trace.add(trace::kind::evaluate, "At x = 1, y = 2 the right second entry and the notes' differ.", std::nullopt,
              trace::list({at_point(grad[1]), at_point(notes[1])}));

    trace::Document d;
    d.title = "The gradient of x² + cos(y), notes 003";
    d.command = "gradient";
    d.number = "double";
    d.inputs = {{"f", to_math(f)}};
    d.results = {{"result", to_math(as_column(grad))}};
    d.steps = trace.take_steps();
    return d;
}

}  // namespace

int main(int argc, char** argv) {
    return examples::run("notes_gradient", argc, argv, notes_gradient);
}
