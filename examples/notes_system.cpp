// The notes' system (notes 000, "MatrixOps"):
//     2x + 3y = 6
//     4x + 5y = 10
// solved by Gaussian elimination and back substitution, exactly, with its derivation; the
// result as the vector x, the solution set and the unknowns x = 0, y = 2 by name.
//
//   notes_system [text|latex|markdown|json|document]     (text by default)
#include "examples/example.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/solvers/linear_system.hpp"

using namespace showwork;

namespace {

trace::Document notes_system() {
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
                   {"solution_set", solution_set(s)},
                   {"unknowns", trace::list({trace::equals(trace::symbol("x"), to_math(s.particular(0, 0))),
                                             trace::equals(trace::symbol("y"), to_math(s.particular(1, 0)))})}};
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) {
    return examples::run("notes_system", argc, argv, notes_system);
}
