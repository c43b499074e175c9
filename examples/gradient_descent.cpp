// Notes 003 §3.5–3.8: the line through (1, 2), (2, 4), (3, 5), (4, 4), (5, 5) by gradient
// descent, full batch, stochastic and mini-batch, each run beside the closed form y = 3/5 x + 11/5
// it approaches. The full-batch run is exact (η = 1/10 gives rational iterates) and shows its
// first updates; the stochastic and mini-batch runs are in double, shuffled from a seed.
#include <fmt/core.h>

#include <cmath>

#include "showwork/matrix/decimal.hpp"
#include "showwork/regression/descent.hpp"
#include "showwork/trace/render.hpp"

using namespace showwork;
using namespace showwork::regression;

namespace {

const char* const data = "x, y\n1, 2\n2, 4\n3, 5\n4, 4\n5, 5\n";

template <Scalar T>
void summary(const char* what, const Descent<T>& r) {
    fmt::print("{:<28} {:>5} updates  w = {:<22} b = {:<22} |w - 3/5| = {}\n", what, r.run.updates,
               decimal_text(scalar_cast<Rational>(r.run.parameters(1, 0)), 15),
               decimal_text(scalar_cast<Rational>(r.run.parameters(0, 0)), 15),
               decimal_text(scalar_cast<Rational>(r.distance(1, 0)), 3));
}

}  // namespace

int main() {
    // Full batch, exactly: every update written out at first, then the loss epoch by epoch.
    Design<Rational> exact = design(read_data<Rational>(data), {});
    DescentOptions<Rational> full;
    full.rate = Rational(1, 10);
    full.epochs = 300;
    trace::Trace steps;
    Descent<Rational> r = descend(exact, Loss::half_mse, full, &steps);
    trace::Document doc;
    doc.title = "Gradient descent on the line, full batch, exactly";
    doc.command = "descend";
    doc.number = "exact";
    doc.results = descent_results(r, 12);
    doc.results.resize(1);  // the comparison table; the exact coefficients run to hundreds of digits
    doc.steps = steps.take_steps();
    fmt::print("{}\n", trace::render(doc, trace::Format::text));

    // The same line by the three kinds of batch, in double.
    Design<double> d = design(read_data<double>(data), {});
    summary("full batch (B = m = 5), exact", r);
    DescentOptions<double> o;
    o.epochs = 3000;
    o.seed = 2024;
    o.rate = 0.1;
    summary("full batch (B = m = 5)", descend(d, Loss::half_mse, o));
    o.batch = 2;
    o.rate = 0.02;
    summary("mini-batch (B = 2, 3/epoch)", descend(d, Loss::half_mse, o));
    o.batch = 1;
    o.rate = 0.01;
    Descent<double> sgd = descend(d, Loss::half_mse, o);
    summary("stochastic (B = 1)", sgd);
    // SGD keeps moving with its last examples: it hovers near β̂, closer as η shrinks.
    if (!(sgd.distance(1, 0) < 0.2)) return 1;
}
