// Notes 004, the house-price network: 3 inputs, 3 hidden neurons, 1 output, written neuron by
// neuron as the notes write it,
//
//   zⱼ = w₁ⱼx₁ + w₂ⱼx₂ + w₃ⱼx₃ + bⱼ,  aⱼ = h(zⱼ)  (j = 1, 2, 3),   z_u = w₁ᵤa₁ + w₂ᵤa₂ + w₃ᵤa₃ + b_u,
//
// then as matrices, with the shapes of the notes' column convention (Z^{[1]} = W^{[1]}X + b^{[1]},
// W^{[1]} of shape (n₁, n_x)) beside the library's row convention (Z^{[1]} = X W^{[1]} + b^{[1]},
// W^{[1]} of shape (n_x, n₁): the notes' wᵢⱼ, input i to neuron j, is its entry (i, j)).
// Last, why a network needs a non-linear activation: with h(z) = z the two layers collapse into
// one, y = X (W^{[1]}W^{[2]}) + (b^{[1]}W^{[2]} + b^{[2]}) in the row convention — the notes'
// W^{[2]}W^{[1]}x + W^{[2]}b^{[1]} + b^{[2]} in theirs — checked exactly on the data; with ReLU it does not.
// Exact throughout: the hidden layer is ReLU (the notes draw σ and say "in general an activation
// function"), the output the identity.
#include <fmt/core.h>

#include <string>

#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/format.hpp"
#include "showwork/nn/propagate.hpp"

using namespace showwork;
using Q = Rational;

namespace {

// "(−1)": a factor in a written-out sum, bracketed when negative.
std::string factor(const Q& q) { return q < 0 ? "(" + rational_text(q) + ")" : rational_text(q); }

// z = Σᵢ wᵢⱼ inᵢ + bⱼ for neuron j of a layer (named `neuron`: "1", "u"), in the notes' letters,
// then in numbers.
Q write_neuron(const nn::Layer<Q>& layer, std::size_t j, const std::string& neuron, const Matrix<Q>& in,
               const std::string& input) {
    std::string letters, numbers;
    Q value = layer.b(0, j);
    for (std::size_t i = 0; i < layer.W.rows(); ++i) {
        letters += fmt::format("{}w{}{} {}{}", i ? " + " : "", i + 1, neuron, input, i + 1);
        numbers += fmt::format("{}{}·{}", i ? " + " : "", factor(layer.W(i, j)), factor(in(0, i)));
        value += layer.W(i, j) * in(0, i);
    }
    fmt::print("  z{} = {} + b{} = {} + {} = {}\n", neuron, letters, neuron, numbers, factor(layer.b(0, j)),
               rational_text(value));
    return value;
}

nn::Network<Q> house_network(nn::Activation hidden) {
    nn::Network<Q> n;
    n.layers.push_back({Matrix<Q>{{2, 1, 1}, {1, 0, -1}, {-1, 1, 1}}, Matrix<Q>{{1, -1, Q(1, 2)}}, hidden});
    n.layers.push_back({Matrix<Q>{{Q(1, 2)}, {1}, {-2}}, Matrix<Q>{{3}}, nn::Activation::identity});
    return n;
}

// Z = X W + j ⊗ b: b added to every row.
Matrix<Q> affine(const Matrix<Q>& X, const Matrix<Q>& W, const Matrix<Q>& b) {
    Matrix<Q> Z = X * W;
    for (std::size_t i = 0; i < Z.rows(); ++i)
        for (std::size_t j = 0; j < Z.cols(); ++j) Z(i, j) += b(0, j);
    return Z;
}

}  // namespace

int main() {
    Matrix<Q> X{{1, 3, 2}, {2, 4, 1}};  // two houses: area (100 m²), rooms, distance to the centre (km)
    nn::Network<Q> network = house_network(nn::Activation::relu);
    const nn::Layer<Q>& hidden = network.layers[0];
    const nn::Layer<Q>& output = network.layers[1];

    bool agree = true;
    nn::ForwardPass<Q> pass = nn::forward(network, X);
    for (std::size_t house = 0; house < X.rows(); ++house) {
        Matrix<Q> x{{X(house, 0), X(house, 1), X(house, 2)}};
        fmt::print("House {}: x = {}\n", house + 1, x);
        Matrix<Q> a(1, 3);
        for (std::size_t j = 0; j < 3; ++j) {
            const Q z = write_neuron(hidden, j, std::to_string(j + 1), x, "x");
            a(0, j) = z > 0 ? z : Q(0);
            fmt::print("  a{} = ReLU(z{}) = {}\n", j + 1, j + 1, a(0, j));
            agree = agree && z == pass.Z[1](house, j);
        }
        const Q price = write_neuron(output, 0, "u", a, "a");
        fmt::print("  y = au = zu = {} (the output's activation is the identity)\n\n", price);
        agree = agree && price == pass.output()(house, 0);
    }
    fmt::print("Neuron by neuron equals the library's forward pass, Z^[1] = {} and A^[2] = {}: {}\n\n", pass.Z[1],
               pass.output(), agree ? "yes" : "no");

    // The shapes: notes 004 take one house, a column; the library one house per row, m of them.
    const std::size_t m = X.rows(), n_x = X.cols(), n1 = hidden.W.cols();
    fmt::print("{:<7} {:<20} {}\n", "", "notes 004 (column)", fmt::format("library (row, m = {})", m));
    auto shape_row = [](const char* name, std::string column, std::size_t r, std::size_t c) {
        fmt::print("{:<7} {:<20} ({} × {})\n", name, column, r, c);
    };
    shape_row("X", fmt::format("(n_x, 1) = ({}, 1)", n_x), m, n_x);
    shape_row("W^[1]", fmt::format("(n1, n_x) = ({}, {})", n1, n_x), hidden.W.rows(), hidden.W.cols());
    shape_row("b^[1]", fmt::format("(n1, 1) = ({}, 1)", n1), hidden.b.rows(), hidden.b.cols());
    shape_row("Z^[1]", fmt::format("(n1, 1) = ({}, 1)", n1), pass.Z[1].rows(), pass.Z[1].cols());
    shape_row("W^[2]", fmt::format("(1, n1) = (1, {})", n1), output.W.rows(), output.W.cols());
    shape_row("b^[2]", "(1, 1)", output.b.rows(), output.b.cols());
    shape_row("Z^[2]", "(1, 1)", pass.Z[2].rows(), pass.Z[2].cols());

    // With the identity as the hidden activation the network is one affine map.
    nn::Network<Q> linear = house_network(nn::Activation::identity);
    Matrix<Q> W = linear.layers[0].W * linear.layers[1].W;                     // W^[1] W^[2]     (3 × 1)
    Matrix<Q> b = linear.layers[0].b * linear.layers[1].W + linear.layers[1].b;  // b^[1] W^[2] + b^[2]  (1 × 1)
    Matrix<Q> two_layers = nn::forward(linear, X).output(), one_layer = affine(X, W, b);
    // the notes' column convention: W^[2] W^[1], the transposes multiplied the other way round
    Matrix<Q> W_notes = transpose(linear.layers[1].W) * transpose(linear.layers[0].W);
    const bool collapses = two_layers == one_layer && W_notes == transpose(W);
    fmt::print("\nh(z) = z: W = W^[1] W^[2] = {}ᵀ (the notes' W^[2] W^[1] = {}), b = b^[1] W^[2] + b^[2] = {}\n"
               "  two layers give {}, the one layer X W + b gives {}: equal {}\n",
               transpose(W), W_notes, b, transpose(two_layers), transpose(one_layer), collapses ? "yes" : "no");
    const bool relu_differs = nn::forward(network, X).output() != affine(X, W, b);
    fmt::print("h = ReLU: the network gives {}, not the collapsed {}: ReLU zeroes z3 = {} of house 2 ({})\n",
               transpose(pass.output()), transpose(one_layer), pass.Z[1](1, 2), relu_differs ? "they differ" : "the same");
    return agree && collapses && relu_differs ? 0 : 1;
}
