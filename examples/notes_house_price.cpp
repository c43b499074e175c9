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
// function"), the output the identity. All of it is one document: a sub-derivation per house,
// the check against the library's forward pass, the table of shapes and the collapse.
//
//   notes_house_price [text|latex|markdown|json|document]     (text by default)
#include <string>

#include "examples/network_example.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/nn/propagate.hpp"

using namespace showwork;
using Q = Rational;

namespace {

// z_neuron = Σᵢ wᵢⱼ inᵢ + bⱼ for neuron j of a layer (named `neuron`: "1", "u"), in the notes'
// letters, then in numbers, as a step; its value returned.
Q write_neuron(const nn::Layer<Q>& layer, std::size_t j, const std::string& neuron, const Matrix<Q>& in,
               const std::string& input, const std::string& sentence, trace::Trace& steps) {
    std::vector<trace::Math> letters, numbers;
    Q value = layer.b(0, j);
    for (std::size_t i = 0; i < layer.W.rows(); ++i) {
        letters.push_back(trace::product(
            {trace::symbol("w", trace::symbol(std::to_string(i + 1) + neuron)), trace::indexed(input, i + 1)}, ""));
        numbers.push_back(trace::product({factor_math(to_math(layer.W(i, j))), factor_math(to_math(in(0, i)))}));
        value += layer.W(i, j) * in(0, i);
    }
    letters.push_back(trace::symbol("b", trace::symbol(neuron)));
    numbers.push_back(factor_math(to_math(layer.b(0, j))));
    steps.add(trace::kind::affine, sentence, std::nullopt,
              trace::chain({trace::symbol("z", trace::symbol(neuron)), trace::sum(std::move(letters)),
                            trace::sum(std::move(numbers)), to_math(value)},
                           {trace::Rel::equals, trace::Rel::equals, trace::Rel::equals}));
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

// One house through the network neuron by neuron, as a sub-derivation; its price.
Q house_price(const nn::Network<Q>& network, const Matrix<Q>& X, std::size_t house, const nn::ForwardPass<Q>& pass,
              trace::Trace& steps) {
    const nn::Layer<Q>& hidden = network.layers[0];
    const nn::Layer<Q>& output = network.layers[1];
    Matrix<Q> x{{X(house, 0), X(house, 1), X(house, 2)}};
    trace::SubDerivation sub(&steps, trace::kind::layer_forward,
                             "House " + std::to_string(house + 1) + ", neuron by neuron as notes 004 write it.");
    steps.add(trace::kind::matrix, "Its inputs: area (100 m²), rooms, distance to the centre (km).", std::nullopt,
              trace::equals(trace::symbol("x"), to_math(x)));
    Matrix<Q> a(1, 3);
    for (std::size_t j = 0; j < 3; ++j) {
        const std::string name = std::to_string(j + 1);
        const Q z = write_neuron(hidden, j, name, x, "x", "Hidden neuron " + name + ": its weighted sum.", steps);
        a(0, j) = z > 0 ? z : Q(0);
        steps.add(trace::kind::activation, "Hidden neuron " + name + ": its activation.", std::nullopt,
                  trace::chain({trace::indexed("a", j + 1), trace::apply("ReLU", {trace::indexed("z", j + 1)}),
                                to_math(a(0, j))},
                               {trace::Rel::equals, trace::Rel::equals}));
        if (z != pass.Z[1](house, j)) throw MathError("a hidden neuron differs from the library's forward pass");
    }
    const Q price = write_neuron(output, 0, "u", a, "a", "The output neuron u: its weighted sum.", steps);
    const trace::Math y = trace::chain({trace::symbol("y"), trace::symbol("a", trace::symbol("u")),
                                        trace::symbol("z", trace::symbol("u")), to_math(price)},
                                       {trace::Rel::equals, trace::Rel::equals, trace::Rel::equals});
    steps.add(trace::kind::activation, "The output's activation is the identity: the price.", std::nullopt, y);
    if (price != pass.output()(house, 0)) throw MathError("the price differs from the library's forward pass");
    sub.conclude(trace::equals(trace::symbol("y"), to_math(price)));
    return price;
}

// (r, c), a shape.
trace::Math shape(trace::Math rows, trace::Math cols) { return trace::group(trace::list({std::move(rows), std::move(cols)})); }

// The notes' column shapes beside the library's row shapes.
void shapes(const nn::Network<Q>& network, const Matrix<Q>& X, const nn::ForwardPass<Q>& pass, trace::Trace& steps) {
    const nn::Layer<Q>& hidden = network.layers[0];
    const nn::Layer<Q>& output = network.layers[1];
    const std::size_t m = X.rows(), n_x = X.cols(), n1 = hidden.W.cols();
    const trace::Math nx = trace::symbol("n", trace::symbol("x")), n_1 = trace::indexed("n", 1);
    const trace::Math one = trace::count(1);
    auto row = [&](trace::Math name, trace::Math r, trace::Math c, trace::Math r_value, trace::Math c_value,
                   const Matrix<Q>& M) {
        trace::Math notes = r == r_value && c == c_value ? shape(r, c) : trace::equals(shape(r, c), shape(r_value, c_value));
        return std::vector<trace::Math>{std::move(name), std::move(notes),
                                        trace::product({trace::count(M.rows()), trace::count(M.cols())}, "times")};
    };
    std::vector<std::vector<trace::Math>> rows{
        row(trace::symbol("X"), nx, one, trace::count(n_x), one, X),
        row(nn::layer_symbol("W", 1), n_1, nx, trace::count(n1), trace::count(n_x), hidden.W),
        row(nn::layer_symbol("b", 1), n_1, one, trace::count(n1), one, hidden.b),
        row(nn::layer_symbol("Z", 1), n_1, one, trace::count(n1), one, pass.Z[1]),
        row(nn::layer_symbol("W", 2), one, n_1, one, trace::count(n1), output.W),
        row(nn::layer_symbol("b", 2), one, one, one, one, output.b),
        row(nn::layer_symbol("Z", 2), one, one, one, one, pass.Z[2]),
    };
    steps.add(trace::kind::convention,
              "The shapes: notes 004 take one house, a column; the library one house per row, m = " + std::to_string(m) +
                  " of them.",
              std::nullopt,
              trace::table({trace::text("matrix"), trace::text("notes 004 (column)"),
                            trace::text("library (row, m = " + std::to_string(m) + ")")},
                           rows));
}

trace::Document house_price_document() {
    Matrix<Q> X{{1, 3, 2}, {2, 4, 1}};  // two houses: area (100 m²), rooms, distance to the centre (km)
    nn::Network<Q> network = house_network(nn::Activation::relu);
    nn::ForwardPass<Q> pass = nn::forward(network, X);

    trace::Trace steps;
    for (std::size_t house = 0; house < X.rows(); ++house) house_price(network, X, house, pass, steps);
    steps.add(trace::kind::check, "Neuron by neuron equals the library's forward pass.", std::nullopt,
              trace::list({trace::equals(nn::layer_symbol("Z", 1), to_math(pass.Z[1])),
                           trace::equals(nn::layer_symbol("A", 2), to_math(pass.output()))}));
    shapes(network, X, pass, steps);

    // With the identity as the hidden activation the network is one affine map.
    nn::Network<Q> linear = house_network(nn::Activation::identity);
    Matrix<Q> W = linear.layers[0].W * linear.layers[1].W;                       // W^[1] W^[2]     (3 × 1)
    Matrix<Q> b = linear.layers[0].b * linear.layers[1].W + linear.layers[1].b;  // b^[1] W^[2] + b^[2]  (1 × 1)
    Matrix<Q> two_layers = nn::forward(linear, X).output(), one_layer = affine(X, W, b);
    // the notes' column convention: W^[2] W^[1], the transposes multiplied the other way round
    Matrix<Q> W_notes = transpose(linear.layers[1].W) * transpose(linear.layers[0].W);
    if (two_layers != one_layer || W_notes != transpose(W)) throw MathError("the linear network does not collapse");
    const bool relu_differs = pass.output() != one_layer;
    if (!relu_differs) throw MathError("the ReLU network gives the collapsed one's prices");
    {
        const trace::Math W1 = nn::layer_symbol("W", 1), W2 = nn::layer_symbol("W", 2);
        const trace::Math b1 = nn::layer_symbol("b", 1), b2 = nn::layer_symbol("b", 2);
        trace::SubDerivation collapse(&steps, trace::kind::affine,
                                      "Why a network needs a non-linear activation: with h(z) = z the two layers are "
                                      "one affine map, y = XW + b.");
        steps.add(trace::kind::multiply, "The one layer's weights and bias.", std::nullopt,
                  trace::list({trace::chain({trace::symbol("W"), trace::product({W1, W2}, ""), to_math(W)},
                                            {trace::Rel::equals, trace::Rel::equals}),
                               trace::chain({trace::symbol("b"), trace::sum({trace::product({b1, W2}, ""), b2}), to_math(b)},
                                            {trace::Rel::equals, trace::Rel::equals})}));
        steps.add(trace::kind::convention, "In the notes' column convention the product is the other way round, the "
                                           "transpose of W.",
                  std::nullopt, trace::equals(trace::product({W2, W1}, ""), to_math(W_notes)));
        steps.add(trace::kind::check, "h(z) = z: the two layers and the one layer XW + b give the same prices.",
                  std::nullopt, trace::relation(to_math(two_layers), trace::Rel::equals, to_math(one_layer)));
        steps.add(trace::kind::check,
                  "h = ReLU: the network's prices are not the collapsed ones, for ReLU zeroes z₃ = " +
                      rational_text(pass.Z[1](1, 2)) + " of house 2.",
                  std::nullopt, trace::relation(to_math(pass.output()), trace::Rel::not_equals, to_math(one_layer)));
    }

    trace::Document doc;
    doc.title = "The house-price network of notes 004: neuron by neuron, as matrices, and its linear collapse";
    doc.command = "notes_house_price";
    doc.number = "exact";
    doc.inputs = {{"X", to_math(X)}};
    for (trace::Named& w : examples::weights_named(network)) doc.inputs.push_back(std::move(w));
    doc.results = {{"Z1", to_math(pass.Z[1]), trace::Named::Where::everywhere, nn::layer_symbol("Z", 1)},
                   {"y", to_math(pass.output())},
                   {"W_linear", to_math(W)},
                   {"b_linear", to_math(b)},
                   {"y_linear", to_math(one_layer)}};
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) { return examples::run("notes_house_price", argc, argv, house_price_document); }
