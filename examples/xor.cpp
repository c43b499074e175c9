// XOR, the function no single perceptron can draw (notes 001: "the data is complex"), learned by
// a 2-2-1 network with sigmoid activations: full-batch gradient descent on the four examples,
// E = 1/m Σ (a − y)² (notes 002), learning rate α = 2, 2000 epochs, He-normal initial weights
// from seed 3 (nn::train through the one gradient-descent driver, in double).
//
// It exits with status 1, saying so, unless every output ends within 0.2 of its target.
#include <fmt/core.h>

#include <cmath>

#include "showwork/nn/initialise.hpp"
#include "showwork/nn/train.hpp"

using namespace showwork;

int main() {
    Matrix<double> X{{0, 0}, {0, 1}, {1, 0}, {1, 1}}, Y{{0}, {1}, {1}, {0}};
    nn::Network<double> start =
        nn::initialise<double>({2, 2, 1}, {nn::Activation::sigmoid, nn::Activation::sigmoid}, nn::Init::he_normal, 3);
    nn::TrainOptions<double> options;
    options.loss = nn::Loss::mse;
    options.descent.rate = 2;
    options.descent.epochs = 2000;
    nn::Training<double> t = nn::train(start, X, Y, options);

    fmt::print("A 2-2-1 sigmoid network learns XOR: full batch, α = 2, He-normal weights from seed 3\n\n");
    fmt::print("{:>6}  {:>10}\n", "epoch", "E");
    for (std::size_t epoch = 0; epoch < t.run.loss.size(); epoch += 250)
        fmt::print("{:>6}  {:>10.6f}\n", epoch, t.run.loss[epoch]);
    if ((t.run.loss.size() - 1) % 250 != 0) fmt::print("{:>6}  {:>10.6f}\n", t.run.loss.size() - 1, t.run.loss.back());

    const Matrix<double> A = nn::forward(t.network, X).output();
    bool learned = true;
    fmt::print("\n{:>3} {:>3}  {:>6}  {:>8}\n", "x1", "x2", "target", "output");
    for (std::size_t i = 0; i < X.rows(); ++i) {
        fmt::print("{:>3} {:>3}  {:>6}  {:>8.4f}\n", X(i, 0), X(i, 1), Y(i, 0), A(i, 0));
        learned = learned && std::abs(A(i, 0) - Y(i, 0)) < 0.2;
    }
    fmt::print("\n{}\n", learned ? "Learned: every output is within 0.2 of its target."
                                 : "Not learned: an output is 0.2 or more from its target.");
    return learned ? 0 : 1;
}
