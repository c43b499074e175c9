// Weights files ({"layers": [{"W": …, "b": …, "activation": …}, …]}), read exactly and in both
// floating scalars; every network read must be written and read back as the same network. A
// small one is then run forward and backpropagated with its derivation, on a few examples drawn
// from the input's bytes, and both documents rendered in every format.
#include <cstdio>
#include <cstdlib>

#include "fuzz.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/nn/propagate.hpp"
#include "showwork/nn/weights_file.hpp"

using namespace showwork;
using namespace showwork::nn;

// A network small enough that one input runs in milliseconds under the sanitizers: at most 4
// layers of at most 8 neurons, m ≤ 3 examples, and in an exact run no weight longer than 300
// characters (4000-digit weights multiplied through 4 layers make numbers of 16,000 digits,
// which every format then writes out in full).
constexpr std::size_t max_layers = 4, max_width = 8, max_examples = 3, max_exact_characters = 300;

template <Scalar T>
bool small(const Network<T>& network) {
    if (network.depth() > max_layers) return false;
    for (std::size_t n : network.sizes())
        if (n > max_width) return false;
    if constexpr (ScalarTraits<T>::exact)
        for (const Layer<T>& layer : network.layers)
            for (const Matrix<T>* M : {&layer.W, &layer.b})
                for (const T& x : M->entries())
                    if (scalar_text(x).size() > max_exact_characters) return false;
    return true;
}

// The examples' numbers: the same for every scalar, from a hash of the input, so that a mutation
// of the weights also varies X, Y and the choices. Halves from −2 to 2, zero among them, so that
// ReLU meets its kink at Z = 0 as often as the weights allow.
struct Draw {
    std::uint64_t state;
    std::uint64_t next() {  // splitmix64
        std::uint64_t z = (state += 0x9E3779B97F4A7C15u);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
        return z ^ (z >> 31);
    }
    template <Scalar T>
    T half() { return T(static_cast<int>(next() % 9) - 4) / T(2); }
};

std::uint64_t hash_of(std::string_view text) {  // FNV-1a
    std::uint64_t h = 0xCBF29CE484222325u;
    for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3u;
    return h;
}

template <Scalar T>
void forward_and_back(const Network<T>& network, std::uint64_t seed) {
    Draw draw{seed};
    const std::size_t m = 1 + draw.next() % max_examples, n = network.inputs(), k = network.outputs();
    Matrix<T> X(m, n), Y(m, k);
    for (T& x : X.entries()) x = draw.half<T>();
    // a softmax output is fitted to one-hot rows by cross-entropy; any other to halves by (half) MSE
    const bool classes = network.layers.back().h == Activation::softmax;
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0, hot = draw.next() % k; j < k; ++j) Y(i, j) = classes ? T(j == hot ? 1 : 0) : draw.half<T>();
    const Loss loss = classes ? Loss::cross_entropy : draw.next() % 2 ? Loss::mse : Loss::half_mse;
    const T relu_at_zero(static_cast<int>(draw.next() % 2));  // notes 003's convention or notes 004's
    const std::string number(ScalarTraits<T>::name);

    fuzz::expecting_errors([&] {
        trace::Trace trace(fuzz::derivation_nodes);
        const ForwardPass<T> pass = forward(network, X, &trace);
        fuzz::render_all({.title = "forward", .command = "forward", .number = number,
                          .inputs = {{"X", to_math(X)}}, .results = {{"output", to_math(pass.output())}},
                          .steps = trace.take_steps()});
    });
    fuzz::expecting_errors([&] {
        trace::Trace trace(fuzz::derivation_nodes);
        const Backpropagation<T> bp = backpropagate(network, X, Y, loss, relu_at_zero, &trace);
        std::vector<trace::Named> results{{"loss", trace::text(std::string(loss_name(loss)))}, {"E", to_math(bp.loss)}};
        for (std::size_t l = 1; l <= network.depth(); ++l) {
            results.push_back({"dE/dW" + std::to_string(l), to_math(bp.gradients.W[l - 1]), trace::Named::Where::everywhere,
                               trace::partial_fraction(trace::symbol("E"), layer_symbol("W", l))});
            results.push_back({"dE/db" + std::to_string(l), to_math(bp.gradients.b[l - 1]), trace::Named::Where::everywhere,
                               trace::partial_fraction(trace::symbol("E"), layer_symbol("b", l))});
        }
        fuzz::render_all({.title = "backprop", .command = "backprop", .number = number,
                          .inputs = {{"X", to_math(X)}, {"Y", to_math(Y)}}, .results = std::move(results),
                          .steps = trace.take_steps()});
    });
}

template <Scalar T>
void read_and_run(std::string_view text, bool run) {
    fuzz::expecting_errors([&] {
        const WeightsFile<T> file = read_weights<T>(text, "fuzz.json");
        // a written file reads back as the same network, with its activations
        const std::string written = write_weights(file.network);
        const WeightsFile<T> back = read_weights<T>(written, "written");
        if (!(back.network == file.network) || !back.activations_given) {
            std::fprintf(stderr, "written as\n%s\nread back and written as\n%s\n", written.c_str(),
                         write_weights(back.network).c_str());
            std::abort();
        }
        if (run && small(file.network)) forward_and_back(file.network, hash_of(text));
    });
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = fuzz::text_of(data, size);
    read_and_run<Rational>(text, true);
    read_and_run<double>(text, true);
    read_and_run<Float50>(text, false);
    return 0;
}
