// Notes 003 §1.5.2 and §1.5.4: a Jacobian, and the Jacobian chain rule.
//
//   notes_jacobian [latex|document|markdown|text|json]     (text by default)
//
// F(x, y) = [2x + y³, eʸ − 13x] has J_F = [[2, 3y²], [−13, eʸ]].
// F(x, y) = [sin(x² + y), ln(y³)] = F(g) with F(u, v) = [sin u, ln v], g = [x² + y, y³]:
//   J = J_F(g) · J_g = [[cos(x² + y), 0], [0, 1/y³]] · [[2x, 1], [0, 3y²]]
//     = [[2x cos(x² + y), cos(x² + y)], [0, 3/y]].
// The notes' final matrix keeps g₂ in the second row (and a stray third entry in the first);
// the right second row is [0, 3/y].
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
        std::vector<std::string> xy{"x", "y"};
        std::vector<Expr> F = parse_expressions("2*x + y^3; exp(y) - 13*x");
        std::vector<Expr> composed = parse_expressions("sin(x^2 + y); ln(y^3)");

        trace::Trace trace;
        SymbolicMatrix J;
        {
            trace::SubDerivation sub(&trace, trace::kind::jacobian);
            sub.describe("The Jacobian of F(x, y) = [2x + y³, exp(y) − 13x].",
                         trace::equals(trace::symbol("F"), to_math(as_column(F))));
            J = jacobian(F, xy, &trace);
            sub.conclude(to_math(J));
        }
        ChainRuleParts parts;
        {
            trace::SubDerivation sub(&trace, trace::kind::chain_rule);
            sub.describe("The Jacobian chain rule for F(x, y) = [sin(x² + y), ln(y³)].",
                         trace::equals(trace::symbol("F"), to_math(as_column(composed))));
            parts = jacobian_chain_rule_parts(parse_expressions("sin(u); ln(v)"), {"u", "v"},
                                              parse_expressions("x^2 + y; y^3"), xy, {}, &trace);
            sub.conclude(to_math(parts.product));
        }

        trace::Document d{"A Jacobian and the Jacobian chain rule, notes 003", "jacobian", "exact", {},
                          {{"jacobian", to_math(J)}, {"chain_rule", to_math(parts.product)}}, trace.take_steps()};
        std::string out = trace::render(d, format);
        std::fputs(out.c_str(), stdout);
        if (format == trace::Format::text) {
            // The same matrix taken directly, and at a point.
            SymbolicMatrix direct = jacobian(composed, xy);
            Matrix<double> at = evaluate(parts.product, parse_point<double>("x=1, y=2"));
            fmt::print("\nDirectly, J = {} ({}).\n", to_text(direct), direct == parts.product ? "the same" : "DIFFERENT");
            fmt::print("At x = 1, y = 2: [[{:.6f}, {:.6f}], [{:.6f}, {:.6f}]]\n", at(0, 0), at(0, 1), at(1, 0), at(1, 1));
            fmt::print("\nErratum (notes 003): the notes' result keeps g_2 in the second row; the second row is\n"
                       "[0, 3/y] (d/dy ln(y^3) = 3y^2 / y^3), and the first row is [2x cos(x^2 + y), cos(x^2 + y)].\n");
        }
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "notes_jacobian: %s\n", error.what());
        return 2;
    }
}
