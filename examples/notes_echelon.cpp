// The echelon forms of notes 000 and their erratum.
//
// The notes show (1 2 3 | 6; 0 1 4 | 5) in row echelon form, then (1 0 0 | -14; 0 1 0 | 5) as
// "reduced row echelon form". Both are valid forms, but the second is not the RREF of the first:
// R_1 → R_1 − 2R_2 gives (1 0 −5 | −4; 0 1 4 | 5), and the RREF of a matrix is unique.
#include <fmt/core.h>

#include "showwork/matrix/echelon.hpp"
#include "showwork/matrix/format.hpp"
#include "showwork/trace/render.hpp"

using namespace showwork;

int main() {
    Matrix<Rational> ref_form{{1, 2, 3, 6}, {0, 1, 4, 5}};
    ref_form.set_augment(1);
    Matrix<Rational> notes_rref{{1, 0, 0, -14}, {0, 1, 0, 5}};
    notes_rref.set_augment(1);

    trace::Trace steps;
    Matrix<Rational> right = rref(ref_form, {}, &steps);

    trace::Document doc;
    doc.title = "RREF of the notes' row echelon form";
    doc.command = "rref";
    doc.number = "exact";
    doc.inputs = {{"A", to_math(ref_form)}};
    doc.results = {{"result", to_math(right)}};
    doc.steps = steps.take_steps();
    fmt::print("{}\n", trace::render(doc, trace::Format::text));

    fmt::print("The notes' REF:          {}  (in row echelon form: {})\n", ref_form, is_row_echelon(ref_form));
    fmt::print("The notes' RREF:         {}  (a reduced form: {}, of this REF: {})\n", notes_rref,
               is_reduced_row_echelon(notes_rref), notes_rref == right);
    fmt::print("The RREF of their REF:   {}\n", right);
    fmt::print("Right: {} — x_1 = -4 + 5t, x_2 = 5 - 4t, x_3 = t; the notes' matrix would force x_3 = 0.\n", right);
}
