// Notes 000, "linear regression": the line y = mx + b through five points, from the table of
// sums, exactly. The notes' own formulas for m and b are misprinted (DESIGN.md, errata): the
// example computes them as written, shows what they give beside the right m and b (the
// erratum), and why the least-squares line is the right one — it has the smallest squared
// error of all lines. The result: m, b, the fitted model and its statistics.
//
//   notes_regression [text|latex|markdown|json|document]     (text by default)
#include "examples/example.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/regression/fit.hpp"
#include "showwork/regression/report.hpp"
#include "showwork/regression/simple.hpp"

using namespace showwork;
using namespace showwork::regression;

namespace {

// name_notes = the notes' value ≠ the right value = name
trace::Math beside(const char* name, const Rational& notes, const Rational& right) {
    return trace::chain({trace::symbol(name, trace::text("notes")), to_math(notes), to_math(right), trace::symbol(name)},
                        {trace::Rel::equals, trace::Rel::not_equals, trace::Rel::equals});
}

trace::Document notes_regression() {
    const char* data = "x, y\n1, 2\n2, 4\n3, 5\n4, 4\n5, 5\n";
    Design<Rational> d = design(read_data<Rational>(data), {});

    trace::Trace steps;
    Fit<Rational> f = fit(d, {}, &steps);

    // The erratum: the notes' m and b beside the right ones, and as substeps the formulas as the
    // notes print them, what they give and the squared error of their line.
    Sums<Rational> s = sums(Matrix<Rational>::column(d.X.column_copy(1)), d.y);
    trace::Trace formulas;
    record_notes_erratum(s, formulas);
    trace::Step erratum = examples::erratum(
        "the formulas as the notes print them give another line: they swap the slope's and the intercept's "
        "formulas, and misprint the intercept's.",
        trace::list({beside("m", s.notes_slope(), s.slope()), beside("b", s.notes_intercept(), s.intercept())}));
    erratum.substeps = formulas.take_steps();
    steps.add(std::move(erratum));

    trace::Document doc;
    doc.title = "The least-squares line through (1, 2), (2, 4), (3, 5), (4, 4), (5, 5)";
    doc.command = "regress";
    doc.number = "exact";
    doc.results = {{"m", to_math(f.coefficients(1, 0))}, {"b", to_math(f.coefficients(0, 0))}};
    for (trace::Named& result : fit_results(f, 20)) doc.results.push_back(std::move(result));
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) {
    return examples::run("notes_regression", argc, argv, notes_regression);
}
