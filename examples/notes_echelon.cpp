// The echelon forms of notes 000 and their erratum.
//
// The notes show (1 2 3 | 6; 0 1 4 | 5) in row echelon form, then (1 0 0 | -14; 0 1 0 | 5) as
// "reduced row echelon form". Both are valid forms, but the second is not the RREF of the first:
// R_1 → R_1 − 2R_2 gives (1 0 −5 | −4; 0 1 4 | 5), and the RREF of a matrix is unique. The
// document reduces the notes' REF, checks both of their matrices, shows their RREF beside the
// right one (the erratum), and reads the general solution x_1 = −4 + 5t, x_2 = 5 − 4t, x_3 = t
// off the right one.
//
//   notes_echelon [text|latex|markdown|json|document]     (text by default)
#include "examples/example.hpp"
#include "showwork/matrix/echelon.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/solvers/linear_system.hpp"

using namespace showwork;

namespace {

std::string yes_no(bool b) { return b ? "yes" : "no"; }

trace::Document notes_echelon() {
    Matrix<Rational> ref_form{{1, 2, 3, 6}, {0, 1, 4, 5}};
    ref_form.set_augment(1);
    Matrix<Rational> notes_rref{{1, 0, 0, -14}, {0, 1, 0, 5}};
    notes_rref.set_augment(1);

    trace::Trace steps;
    Matrix<Rational> right = rref(ref_form, {}, &steps);

    steps.add(trace::kind::check, "The notes' REF is in row echelon form: " + yes_no(is_row_echelon(ref_form)) + ".");
    steps.add(trace::kind::check, "The notes' RREF is a reduced row echelon form: " +
                                      yes_no(is_reduced_row_echelon(notes_rref)) + ". It is the RREF of their REF: " +
                                      yes_no(notes_rref == right) + ".");
    steps.add(examples::erratum(
        "the notes' RREF is not the RREF of their REF. One replacement, R₁ → R₁ − 2R₂, reduces their REF, and "
        "the RREF of a matrix is unique.",
        trace::relation(to_math(notes_rref), trace::Rel::not_equals, to_math(right))));

    // x_3 is free (column 3 has no pivot): the library's read-off of the right RREF.
    const Solution<Rational> family = solve(Matrix<Rational>{{1, 2, 3}, {0, 1, 4}}, Matrix<Rational>{{6}, {5}});
    const trace::Math solution = parametric_form(family);
    steps.add(trace::kind::parametric_form,
              "Read off the right RREF: x₃ is free (x₃ = t), so the system has infinitely many solutions; the "
              "notes' matrix would force x₃ = 0.",
              std::nullopt, solution);

    trace::Document doc;
    doc.title = "RREF of the notes' row echelon form";
    doc.command = "rref";
    doc.number = "exact";
    doc.inputs = {{"A", to_math(ref_form)}};
    doc.results = {{"rref", to_math(right)}, {"solution", solution}};
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) {
    return examples::run("notes_echelon", argc, argv, notes_echelon);
}
