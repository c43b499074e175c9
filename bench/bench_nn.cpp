// The digits network 64-32-10 trained by nn::train, for the comparison with PyTorch
// (bench/nn_vs_torch.sh runs this program and bench/nn_torch.py on the same weights).
//
//   nn_digits [--out DIR] [--epochs N] [--rate R] [--seed S] [--keep-memory]
//
// Reads data/digits_train.csv (1,348 rows: 64 pixels / 16, then the digit), draws the initial
// weights with nn::initialise<double>({64, 32, 10}, {relu, softmax}, he_normal, seed) and times
// nn::train: cross-entropy, full batch, `epochs` epochs at learning rate `rate`, in double. A time
// is the median of three runs after a warm-up run (bench/harness.hpp), each from the same
// weights. With --out, writes
//
//   DIR/weights.json           the initial weights (nn::write_weights: W inputs × neurons)
//   DIR/showwork_history.txt   the loss before training and after each epoch, one per line, %.17g
//   DIR/showwork_time.txt      "seconds_per_run epochs" for the script's table
//
// and prints the time per epoch, GFLOP/s (the matrix products of an epoch, as the table counts
// them) and where an epoch's time goes: the forward pass, backpropagation (which includes it),
// and the rest of nn::train (flattening θ and the gradient, the update, the loss history).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fmt/format.h>
#include <fstream>
#include <malloc.h>
#include <sstream>
#include <stdexcept>
#include <string>

#include "bench/harness.hpp"
#include "showwork/nn/initialise.hpp"
#include "showwork/nn/loss.hpp"
#include "showwork/nn/propagate.hpp"
#include "showwork/nn/train.hpp"
#include "showwork/nn/weights_file.hpp"
#include "showwork/regression/data.hpp"

using namespace showwork;

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_text(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path);
}

// Floating-point operations of one full-batch epoch's matrix products, as the table counts them:
// forward A W for every layer, backward ∂E/∂W = Aᵀ G for every layer, and ∂(l−1) = G Wᵀ for
// l = L … 2 (not for the input layer, which PyTorch does not compute either).
double epoch_flops(double m, const std::vector<std::size_t>& sizes) {
    double weights = 0, hidden_back = 0;
    for (std::size_t l = 1; l < sizes.size(); ++l) {
        weights += static_cast<double>(sizes[l - 1] * sizes[l]);
        if (l >= 2) hidden_back += static_cast<double>(sizes[l - 1] * sizes[l]);
    }
    return 2 * m * weights + 2 * m * weights + 2 * m * hidden_back;
}

}  // namespace

int main(int argc, char** argv) try {
    std::string out;
    std::size_t epochs = 1000;
    double rate = 0.5;
    std::uint64_t seed = 1;
    bool keep_memory = false;
    for (int i = 1; i < argc; ++i) {
        auto value = [&](const char* name) -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(std::string(name) + " needs a value");
            return argv[++i];
        };
        if (std::strcmp(argv[i], "--out") == 0) out = value("--out");
        else if (std::strcmp(argv[i], "--epochs") == 0) epochs = std::stoul(value("--epochs"));
        else if (std::strcmp(argv[i], "--rate") == 0) rate = std::stod(value("--rate"));
        else if (std::strcmp(argv[i], "--seed") == 0) seed = std::stoull(value("--seed"));
        else if (std::strcmp(argv[i], "--keep-memory") == 0) keep_memory = true;
        else {
            fmt::print(stderr, "usage: nn_digits [--out DIR] [--epochs N] [--rate R] [--seed S] [--keep-memory]\n");
            return 2;
        }
    }

    if (keep_memory) {
        mallopt(M_MMAP_THRESHOLD, 256 << 20);  // a fixed threshold: large blocks come from the heap
        mallopt(M_TRIM_THRESHOLD, 1 << 30);    // and the heap's top is not given back
    }

    const std::string path = std::string(SHOWWORK_BENCH_DATA) + "/digits_train.csv";
    regression::DataSet<double> data = regression::read_data<double>(read_text(path), "digits_train.csv");
    const std::size_t m = data.observations(), n = data.values.cols() - 1;
    if (n != 64) throw std::runtime_error(fmt::format("digits_train.csv has {} pixel columns, not 64", n));
    Matrix<double> X(m, n), labels(m, 1);
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < n; ++j) X(i, j) = data.values(i, j);
        labels(i, 0) = data.values(i, n);
    }
    const Matrix<double> Y = nn::one_hot(labels, 10);

    const std::vector<std::size_t> sizes{64, 32, 10};
    const nn::Network<double> start =
        nn::initialise<double>(sizes, {nn::Activation::relu, nn::Activation::softmax}, nn::Init::he_normal, seed);

    nn::TrainOptions<double> o;
    o.loss = nn::Loss::cross_entropy;
    o.descent.rate = rate;
    o.descent.epochs = epochs;
    o.descent.batch = 0;  // full batch

    nn::Training<double> result;
    const double train_seconds = bench::median_seconds([&] { result = nn::train(start, X, Y, o); });
    if (result.run.loss.size() != epochs + 1 || result.run.stopped != StopReason::epochs)
        throw std::runtime_error(fmt::format("training stopped early: {} losses, stopped by {}", result.run.loss.size(),
                                             stop_reason_name(result.run.stopped)));

    // Where an epoch goes: nn::train runs backpropagation on all m rows once per epoch (and once
    // more for the loss after the last); the rest is the driver's.
    // Loops of `calls` calls, so that each timed run is about as long as a few dozen epochs.
    volatile double sink = 0;
    constexpr int calls = 25;
    const double forward_seconds = bench::median_seconds([&] {
        for (int c = 0; c < calls; ++c) sink = sink + nn::forward(start, X).output()(0, 0);
    }) / calls;
    const double backprop_seconds = bench::median_seconds([&] {
        for (int c = 0; c < calls; ++c) sink = sink + nn::backpropagate(start, X, Y, o.loss).loss;
    }) / calls;

    const double per_epoch = train_seconds / static_cast<double>(epochs);
    const double flops = epoch_flops(static_cast<double>(m), sizes);
    fmt::print("network       {} (relu, softmax), cross-entropy, full batch of m = {}, {} epochs, rate {}, double\n",
               nn::sizes_text(sizes), m, epochs, rate);
    fmt::print("initial       he_normal, seed {}\n", seed);
    if (keep_memory) fmt::print("malloc        --keep-memory: freed memory is never given back to the kernel (a diagnostic)\n");
    fmt::print("build         buildtype={} optimization=-O{} cpp_args='{}'\n", SHOWWORK_BENCH_BUILDTYPE,
               SHOWWORK_BENCH_OPTIMIZATION, SHOWWORK_BENCH_CPP_ARGS);
    fmt::print("nn::train     {:.2f} ms per epoch ({:.3f} s per run, median of >= 3 runs after a warm-up), {:.2f} GFLOP/s "
               "({:.2f} MFLOP per epoch)\n",
               per_epoch * 1e3, train_seconds, flops / per_epoch * 1e-9, flops * 1e-6);
    fmt::print("  forward     {:.3f} ms  (nn::forward on all m rows)\n", forward_seconds * 1e3);
    fmt::print("  backprop    {:.3f} ms  (nn::backpropagate: forward, loss, gradients)\n", backprop_seconds * 1e3);
    const double rest = per_epoch - backprop_seconds * static_cast<double>(epochs + 1) / static_cast<double>(epochs);
    fmt::print("  rest        {}  (the driver: flatten/unflatten, the update, the history)\n",
               rest > 0 ? fmt::format("{:.3f} ms", rest * 1e3) : std::string("below the noise"));
    fmt::print("loss          {:.17g} before, {:.17g} after epoch {}\n", result.run.loss.front(), result.run.loss.back(),
               epochs);

    if (!out.empty()) {
        write_text(out + "/weights.json", nn::write_weights(start));
        std::string history;
        for (double e : result.run.loss) history += fmt::format("{:.17g}\n", e);
        write_text(out + "/showwork_history.txt", history);
        write_text(out + "/showwork_time.txt", fmt::format("{:.9g} {}\n", train_seconds, epochs));
    }
    return 0;
} catch (const std::exception& e) {
    fmt::print(stderr, "nn_digits: {}\n", e.what());
    return 1;
}
