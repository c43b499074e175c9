// XOR, the function no single perceptron can draw (notes 001: "the data is complex"), learned by
// a 2-2-1 network with sigmoid activations: full-batch gradient descent on the four examples,
// E = 1/m Σ (a − y)² (notes 002), learning rate α = 2, 2000 epochs, He-normal initial weights
// from seed 3 (nn::train through the one gradient-descent driver, in double). The document holds
// the loss every 250 epochs, the four outputs against their targets, and the trained weights.
//
// It exits with status 1, saying so, unless every output ends within 0.2 of its target.
//
//   xor [text|latex|markdown|json|document]     (text by default)
#include <fmt/core.h>

#include <cmath>

#include "examples/network_example.hpp"
#include "showwork/nn/initialise.hpp"
#include "showwork/nn/train.hpp"

using namespace showwork;

namespace {

trace::Math decimals(double x, int digits) { return trace::number(fmt::format("{:.{}f}", x, digits)); }

trace::Document xor_document() {
    Matrix<double> X{{0, 0}, {0, 1}, {1, 0}, {1, 1}}, Y{{0}, {1}, {1}, {0}};
    nn::Network<double> start =
        nn::initialise<double>({2, 2, 1}, {nn::Activation::sigmoid, nn::Activation::sigmoid}, nn::Init::he_normal, 3);
    nn::TrainOptions<double> options;
    options.loss = nn::Loss::mse;
    options.descent.rate = 2;
    options.descent.epochs = 2000;
    nn::Training<double> t = nn::train(start, X, Y, options);

    trace::Trace steps;
    std::vector<std::vector<trace::Math>> history;
    const std::size_t last = t.run.loss.size() - 1;
    for (std::size_t epoch = 0; epoch <= last; epoch += 250) history.push_back({trace::count(epoch), decimals(t.run.loss[epoch], 6)});
    if (last % 250 != 0) history.push_back({trace::count(last), decimals(t.run.loss.back(), 6)});
    steps.add(trace::kind::training_history,
              "Full-batch gradient descent with α = 2 from He-normal weights (seed 3): the loss on the four "
              "examples every 250 epochs.",
              std::nullopt, trace::table({trace::text("epoch"), trace::symbol("E")}, history));

    const Matrix<double> A = nn::forward(t.network, X).output();
    bool learned = true;
    std::vector<std::vector<trace::Math>> outputs;
    for (std::size_t i = 0; i < X.rows(); ++i) {
        outputs.push_back({to_math(X(i, 0)), to_math(X(i, 1)), to_math(Y(i, 0)), decimals(A(i, 0), 4)});
        learned = learned && std::abs(A(i, 0) - Y(i, 0)) < 0.2;
    }
    steps.add(trace::kind::check, "The trained network's output on each example, against its target.", std::nullopt,
              trace::table({trace::indexed("x", 1), trace::indexed("x", 2), trace::text("target"), trace::text("output")},
                           outputs));
    if (!learned) throw MathError("not learned: an output is 0.2 or more from its target");
    steps.add(trace::kind::check, "Learned: every output is within 0.2 of its target.", std::nullopt,
              trace::relation(trace::apply("max", {trace::absolute(trace::sum({trace::symbol("a"),
                                                                                trace::negate(trace::symbol("y"))}))}),
                              trace::Rel::less, trace::number("0.2")));

    trace::Document doc;
    doc.title = "A 2-2-1 sigmoid network learns XOR: full batch, α = 2, He-normal weights from seed 3";
    doc.command = "xor";
    doc.number = "double";
    doc.inputs = {{"X", to_math(X)}, {"Y", to_math(Y)}};
    for (trace::Named& w : examples::weights_named(start, "_start")) doc.inputs.push_back(std::move(w));
    doc.inputs.push_back({"alpha", to_math(options.descent.rate)});
    doc.inputs.push_back({"epochs", trace::count(options.descent.epochs)});
    doc.results = {{"E", to_math(t.run.loss.back())}, {"output", to_math(A)}};
    for (trace::Named& w : examples::weights_named(t.network)) doc.results.push_back(std::move(w));
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) { return examples::run("xor", argc, argv, xor_document); }
