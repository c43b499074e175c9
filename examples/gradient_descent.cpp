// Notes 003 §3.5–3.8: the line through (1, 2), (2, 4), (3, 5), (4, 4), (5, 5) by gradient
// descent, full batch, stochastic and mini-batch, each run beside the closed form y = 3/5 x + 11/5
// it approaches. The full-batch run is exact (η = 1/10 gives rational iterates) and shows its
// first updates; the stochastic and mini-batch runs are in double, shuffled from a seed. One
// document: the exact run's derivation and comparison, then a table of the four runs.
//
//   gradient_descent [text|latex|markdown|json|document]     (text by default)
#include "examples/example.hpp"
#include "showwork/matrix/decimal.hpp"
#include "showwork/regression/descent.hpp"

using namespace showwork;
using namespace showwork::regression;

namespace {

const char* const data = "x, y\n1, 2\n2, 4\n3, 5\n4, 4\n5, 5\n";

trace::Math decimal(const Rational& x, int digits) { return trace::number(decimal_text(x, digits)); }

// One row of the table of runs: what it is, B, η, its updates, w, b and |w − 3/5|.
template <Scalar T>
std::vector<trace::Math> run_row(const char* what, std::size_t B, const T& rate, const Descent<T>& r) {
    return {trace::text(what),
            trace::count(B),
            to_math(rate),
            trace::count(r.run.updates),
            decimal(scalar_cast<Rational>(r.run.parameters(1, 0)), 15),
            decimal(scalar_cast<Rational>(r.run.parameters(0, 0)), 15),
            decimal(scalar_cast<Rational>(r.distance(1, 0)), 3)};
}

trace::Document descent_document() {
    // Full batch, exactly: every update written out at first, then the loss epoch by epoch.
    Design<Rational> exact = design(read_data<Rational>(data), {});
    DescentOptions<Rational> full;
    full.rate = Rational(1, 10);
    full.epochs = 300;
    trace::Trace steps;
    Descent<Rational> r = descend(exact, Loss::half_mse, full, &steps);

    // The same line by the three kinds of batch, in double.
    Design<double> d = design(read_data<double>(data), {});
    const std::size_t m = d.observations();
    std::vector<std::vector<trace::Math>> rows{run_row("full batch, exact", m, full.rate, r)};
    DescentOptions<double> o;
    o.epochs = 3000;
    o.seed = 2024;
    o.rate = 0.1;
    rows.push_back(run_row("full batch", m, o.rate, descend(d, Loss::half_mse, o)));
    o.batch = 2;
    o.rate = 0.02;
    rows.push_back(run_row("mini-batch, 3 per epoch", o.batch, o.rate, descend(d, Loss::half_mse, o)));
    o.batch = 1;
    o.rate = 0.01;
    Descent<double> sgd = descend(d, Loss::half_mse, o);
    rows.push_back(run_row("stochastic", o.batch, o.rate, sgd));
    // SGD keeps moving with its last examples: it hovers near β̂, closer as η shrinks.
    if (!(sgd.distance(1, 0) < 0.2)) throw MathError("stochastic gradient descent ends 0.2 or more from the slope 3/5");

    const trace::Math w = trace::symbol("w");
    steps.add(trace::kind::descent_comparison,
              "The same line by the three kinds of batch: the exact run above, then in double for 3000 epochs, "
              "the batches shuffled from seed 2024. Stochastic descent keeps moving with its last examples: it "
              "hovers near the slope 3/5, closer as the learning rate shrinks.",
              std::nullopt,
              trace::table({trace::text("run"), trace::symbol("B"), trace::symbol("eta"), trace::text("updates"), w,
                            trace::symbol("b"),
                            trace::absolute(trace::sum({w, trace::negate(trace::fraction(trace::number("3"),
                                                                                         trace::number("5")))}))},
                           rows));

    trace::Document doc;
    doc.title = "Gradient descent on the line: full batch exactly, then full batch, mini-batch and stochastic";
    doc.command = "gradient_descent";
    doc.number = "exact";
    doc.results = descent_results(r, 12);
    doc.results.resize(1);  // the comparison table; the exact coefficients run to hundreds of digits
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) { return examples::run("gradient_descent", argc, argv, descent_document); }
