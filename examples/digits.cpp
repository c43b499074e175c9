// Handwritten digits (data/digits_*.csv: the UCI 8 × 8 images, pixels divided by 16) learned by a
// 64-32-10 network, ReLU then softmax, with the cross-entropy loss
//
//   E = −1/m Σᵢ Σⱼ yᵢⱼ ln aᵢⱼ,   G^{[L]} = ∂E/∂Z^{[L]} = 1/m (A^{[L]} − Y)   (nn/loss.hpp)
//
// the labels one-hot encoded (nn::one_hot), full-batch gradient descent with α = 0.5 for 1000
// epochs from He-normal weights (seed 1), in double. 1,348 training images, 449 test images the
// network never learns from. The document holds the loss and accuracy on both sets every 100
// epochs and the test accuracy. It exits with status 1, saying so, if the test accuracy is below
// 96 %.
//
//   digits [text|latex|markdown|json|document]     (text by default)
#include <fmt/core.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "examples/example.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/to_math.hpp"
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

trace::Math decimals(double x, int digits) { return trace::number(fmt::format("{:.{}f}", x, digits)); }
trace::Math percent(double fraction) { return decimals(100 * fraction, 1); }

trace::Document digits_document() {
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
    nn::Training<double> t = nn::train(start, train.X, train.Y, options);

    trace::Trace steps;
    std::vector<std::vector<trace::Math>> history;
    for (std::size_t epoch = 0; epoch < t.run.loss.size(); epoch += 100)
        history.push_back({trace::count(epoch), decimals(t.run.loss[epoch], 4), percent(t.accuracy[epoch]),
                           decimals(t.test_loss[epoch], 4), percent(t.test_accuracy[epoch])});
    steps.add(trace::kind::training_history,
              "Full-batch gradient descent with α = 0.5 from He-normal weights (seed 1): the loss and the accuracy "
              "(in %) on the training and the test images every 100 epochs.",
              std::nullopt,
              trace::table({trace::text("epoch"), trace::text("E (train)"), trace::text("accuracy (train)"),
                            trace::text("E (test)"), trace::text("accuracy (test)")},
                           history));

    const double accuracy = t.test_accuracy.back();
    const std::size_t tests = test.X.rows();
    const std::size_t right = static_cast<std::size_t>(std::lround(accuracy * static_cast<double>(tests)));
    if (accuracy < 0.96)
        throw MathError(fmt::format("test accuracy {:.1f}% ({} of {} digits), below 96%: the network did not learn "
                                    "the digits as it should",
                                    100 * accuracy, right, tests));
    steps.add(trace::kind::check,
              fmt::format("Test accuracy: {:.1f} % ({} of {} digits), at least 96 %.", 100 * accuracy, right, tests),
              std::nullopt,
              trace::relation(trace::fraction(trace::count(right), trace::count(tests)), trace::Rel::geq,
                              trace::number("0.96")));

    trace::Document doc;
    doc.title = "Digits: a 64-32-10 ReLU and softmax network, cross-entropy, full batch, α = 0.5, He normal (seed 1)";
    doc.command = "digits";
    doc.number = "double";
    doc.inputs = {{"training_images", trace::count(train.X.rows())},
                  {"test_images", trace::count(tests)},
                  {"alpha", to_math(options.descent.rate)},
                  {"epochs", trace::count(options.descent.epochs)}};
    doc.results = {{"test_accuracy_percent", percent(accuracy)},
                   {"test_right", trace::count(right)},
                   {"E_train", decimals(t.run.loss.back(), 4)},
                   {"E_test", decimals(t.test_loss.back(), 4)}};
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) { return examples::run("digits", argc, argv, digits_document); }
