// Notes 000, "linear regression": the line y = mx + b through five points, from the table of
// sums, exactly. The notes' own formulas for m and b are misprinted (DESIGN.md, errata): the
// example computes them as written, shows what they give, and why the least-squares line is
// the right one — it has the smallest squared error of all lines.
#include <fmt/core.h>

#include "showwork/regression/fit.hpp"
#include "showwork/regression/report.hpp"
#include "showwork/regression/simple.hpp"
#include "showwork/trace/render.hpp"

using namespace showwork;
using namespace showwork::regression;

int main() {
    const char* data = "x, y\n1, 2\n2, 4\n3, 5\n4, 4\n5, 5\n";
    Design<Rational> d = design(read_data<Rational>(data), {});

    trace::Trace steps;
    Fit<Rational> f = fit(d, {}, &steps);
    {
        trace::SubDerivation erratum(&steps, trace::kind::check, "Erratum: the formulas as the notes print them.");
        record_notes_erratum(sums(Matrix<Rational>::column(d.X.column_copy(1)), d.y), steps);
    }

    trace::Document doc;
    doc.title = "The least-squares line through (1, 2), (2, 4), (3, 5), (4, 4), (5, 5)";
    doc.command = "regress";
    doc.number = "exact";
    doc.results = fit_results(f, 20);
    doc.steps = steps.take_steps();
    fmt::print("{}\n", trace::render(doc, trace::Format::text));
    fmt::print("m = {}, b = {}, R² = {}\n", rational_text(f.coefficients(1, 0)), rational_text(f.coefficients(0, 0)),
               rational_text(*f.r_squared));
}
