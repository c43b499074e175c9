// A polynomial fit: y = β₀ + β₁x + β₂x² by least squares (the model of NIST's Pontius data,
// here on seven points), exactly; the columns x and x² are features of the one predictor.
// The document: the fit step by step, the model and its statistics.
//
//   polynomial_fit [text|latex|markdown|json|document]     (text by default)
#include "examples/example.hpp"
#include "showwork/regression/fit.hpp"
#include "showwork/regression/report.hpp"

using namespace showwork;
using namespace showwork::regression;

namespace {

trace::Document polynomial_fit() {
    const char* data = "x y\n-3 7.9\n-2 4.2\n-1 0.8\n0 0.1\n1 1.2\n2 3.8\n3 9.1\n";
    Design<Rational> d = design(read_data<Rational>(data), {.response = {}, .predictors = {}, .degree = 2});

    trace::Trace steps;
    Fit<Rational> f = fit(d, {}, &steps);

    trace::Document doc;
    doc.title = "A parabola through seven points";
    doc.command = "regress";
    doc.number = "exact";
    doc.results = fit_results(f, 12);
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) {
    return examples::run("polynomial_fit", argc, argv, polynomial_fit);
}
