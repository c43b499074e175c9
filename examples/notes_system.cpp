// The notes' system (notes 000, "MatrixOps"):
//     2x + 3y = 6
//     4x + 5y = 10
// solved by Gaussian elimination and back substitution, exactly, with its derivation.
#include <fmt/core.h>

#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/format.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/solvers/linear_system.hpp"
#include "showwork/trace/render.hpp"

using namespace showwork;

int main() {
    Matrix<Rational> A{{2, 3}, {4, 5}};
    Matrix<Rational> b{{6}, {10}};

    trace::Trace steps;
    Solution<Rational> s = solve(A, b, {}, &steps);

    trace::Document doc;
    doc.title = "Solve the notes' system 2x + 3y = 6, 4x + 5y = 10";
    doc.command = "solve";
    doc.number = "exact";
    doc.inputs = {{"A", to_math(A)}, {"b", to_math(b)}};
    doc.results = {{"kind", trace::text(std::string(solution_kind_name(s.kind)))},
                   {"x", to_math(s.particular)},
                   {"solution_set", solution_set(s)}};
    doc.steps = steps.take_steps();
    fmt::print("{}\n", trace::render(doc, trace::Format::text));
    fmt::print("x = {}, y = {}\n", s.particular(0, 0), s.particular(1, 0));
}
