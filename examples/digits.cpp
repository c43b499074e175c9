// Handwritten digits (data/digits_*.csv: the UCI 8 × 8 images, pixels divided by 16) learned by a
// 64-32-10 network, ReLU then softmax, with the cross-entropy loss
//
//   E = −1/m Σᵢ Σⱼ yᵢⱼ ln aᵢⱼ,   G^{[L]} = ∂E/∂Z^{[L]} = 1/m (A^{[L]} − Y)   (nn/loss.hpp)
//
// the labels one-hot encoded (nn::one_hot), full-batch gradient descent with α = 0.5 for 1000
// epochs from He-normal weights (seed 1), in double. 1,348 training images, 449 test images the
// network never learns from. It exits with status 1, saying so, if the test accuracy is below 96 %.
#include <fmt/core.h>

#include <cmath>
#include <cstdio>
#include <exception>
#include <fstream>
#include <sstream>
#include <string>

#include "showwork/error.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/nn/initialise.hpp"
#include "showwork/nn/train.hpp"
#include "showwork/regression/data.hpp"

using namespace showwork;

namespace {

struct Images {
    Matrix<double> X;  // m × 64 pixels
    Matrix<double> Y;  // m × 10, one-hot
};

// A file of the project's data directory (given at compile time), as images and one-hot labels.
Images read_images(const std::string& name) {
    std::ifstream in(std::string(SHOWWORK_DATA) + "/" + name);
    if (!in) throw InputError(name + ": cannot open it in " SHOWWORK_DATA);
    std::ostringstream text;
    text << in.rdbuf();
    regression::DataSet<double> data = regression::read_data<double>(text.str(), name);
    const std::size_t pixels = data.values.cols() - 1;  // p1 … p64, then the digit
    return {columns(data.values, 0, pixels), nn::one_hot(columns(data.values, pixels, 1), 10)};
}

}  // namespace

int main() try {
    Images train = read_images("digits_train.csv"), test = read_images("digits_test.csv");
    nn::Network<double> start =
        nn::initialise<double>({64, 32, 10}, {nn::Activation::relu, nn::Activation::softmax}, nn::Init::he_normal, 1);
    nn::TrainOptions<double> options;
    options.loss = nn::Loss::cross_entropy;
    options.classification = true;
    options.descent.rate = 0.5;
    options.descent.epochs = 1000;
    options.test_X = test.X;
    options.test_Y = test.Y;
    fmt::print("Digits: a 64-32-10 ReLU/softmax network, cross-entropy, full batch, α = 0.5, He normal (seed 1)\n");
    fmt::print("{} training images, {} test images\n\n", train.X.rows(), test.X.rows());
    nn::Training<double> t = nn::train(start, train.X, train.Y, options);

    fmt::print("{:>6}  {:>10}  {:>10}  {:>10}  {:>10}\n", "epoch", "E (train)", "accuracy", "E (test)", "accuracy");
    for (std::size_t epoch = 0; epoch < t.run.loss.size(); epoch += 100)
        fmt::print("{:>6}  {:>10.4f}  {:>9.1f}%  {:>10.4f}  {:>9.1f}%\n", epoch, t.run.loss[epoch], 100 * t.accuracy[epoch],
                   t.test_loss[epoch], 100 * t.test_accuracy[epoch]);

    const double accuracy = t.test_accuracy.back();
    const std::size_t right = static_cast<std::size_t>(std::lround(accuracy * static_cast<double>(test.X.rows())));
    fmt::print("\nTest accuracy: {:.1f}% ({} of {} digits)\n", 100 * accuracy, right, test.X.rows());
    if (accuracy < 0.96) {
        fmt::print("Below 96%: the network did not learn the digits as it should.\n");
        return 1;
    }
    return 0;
} catch (const std::exception& error) {
    std::fprintf(stderr, "digits: %s\n", error.what());
    return 2;
}
