// Notes 003, "Output of a layer", §3.5 ("the derivative of the cost w.r.t. the weights") and §4.1
// ("the error of a node"):
//
//   forward    z = W x + b = [[5, 2], [3, 6]] · [10, 20] + 6 = [96, 156],   a = ReLU(z)
//   backward   for a target y and C = 1/(2m) Σ (y − a)² (the library's `half_mse`), the error of
//              each node δⱼ = ∂C/∂zⱼ = ∂C/∂aⱼ · ReLU′(zⱼ), then ∂C/∂W = δ xᵀ and ∂C/∂b = δ
//   one ReLU neuron over m examples:  ∂C/∂w = 1/m Σ eᵢ xᵢᵀ with eᵢ = wᵀxᵢ + b − yᵢ, summed over
//              the active examples only: wᵀxᵢ + b ≤ 0 gives ReLU′ = 0 (notes 003 take ReLU′(0) = 0)
//
// Notes 003 write the column convention z = W x + b, W of shape (neurons × inputs). The library
// (notes 002) writes one example per row, Z = X W + j ⊗ b, so its W is the transpose,
// [[5, 3], [2, 6]], and its ∂C/∂W = Xᵀ G is the transpose of δ xᵀ. Notes 003's δ is notes 002's
// G = h′(Z) ⊙ ∂(1) (m × neurons): δ for example i is row i of G, transposed to a column.
#include <fmt/core.h>

#include "examples/network_example.hpp"
#include "examples/neuron_layer.hpp"
#include "showwork/calculus/differentiate.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/format.hpp"
#include "showwork/nn/propagate.hpp"

using namespace showwork;
using Q = Rational;

namespace {

// δ = ∂C/∂z for every example: G = ReLU′(Z) ⊙ ∂(1), one row per example (notes 002).
Matrix<Q> node_errors(const nn::Backpropagation<Q>& bp, const Matrix<Q>& Y, nn::Loss loss) {
    const Matrix<Q>& Z = bp.pass.Z[1];
    return hadamard(nn::activation_derivative(nn::Activation::relu, Z, Q(0)),
                    nn::loss_derivative(loss, bp.pass.output(), Y));
}

// The layer of notes 003 forward in their convention (the neuron_layer example), then backward
// through the library's network for the target y, with δ and ∂C/∂W set beside the notes' forms.
bool layer_backward() {
    examples::print_document(examples::neuron_layer_document());
    Matrix<Q> W_notes{{5, 2}, {3, 6}};
    nn::Network<Q> layer;  // the row convention: the notes' W transposed, and b = 6 for each neuron
    layer.layers.push_back({transpose(W_notes), Matrix<Q>{{6, 6}}, nn::Activation::relu});
    Matrix<Q> x{{10, 20}}, y{{100, 150}};

    trace::Trace steps;
    nn::Backpropagation<Q> bp = nn::backpropagate(layer, x, y, nn::Loss::half_mse, Q(0), &steps);
    trace::Document doc;
    doc.title = "The same layer backward for the target y = (100, 150): the row convention, W transposed";
    doc.command = "notes_layer_backward";
    doc.number = "exact";
    doc.inputs = {{"x", to_math(x)}, {"y", to_math(y)}, {"W", to_math(layer.layers[0].W)},
                  {"b", to_math(layer.layers[0].b)}};
    doc.results = {{"C", to_math(bp.loss)}, {"dC/dW", to_math(bp.gradients.W[0])}, {"dC/db", to_math(bp.gradients.b[0])}};
    doc.steps = steps.take_steps();
    fmt::print("\n");
    examples::print_document(doc);

    // Notes 003, one node at a time: δⱼ = ∂C/∂aⱼ · ∂aⱼ/∂zⱼ = (aⱼ − yⱼ) · ReLU′(zⱼ), a column.
    const Matrix<Q>& z = bp.pass.Z[1];
    const Matrix<Q>& a = bp.pass.output();
    Matrix<Q> delta(2, 1);
    for (std::size_t j = 0; j < 2; ++j) delta(j, 0) = (a(0, j) - y(0, j)) * (z(0, j) > 0 ? Q(1) : Q(0));
    Matrix<Q> G = node_errors(bp, y, nn::Loss::half_mse);
    Matrix<Q> dW_notes = delta * x;  // δ xᵀ, with x the row the library keeps
    const bool same_delta = transpose(G) == delta, same_dW = transpose(bp.gradients.W[0]) == dW_notes;
    fmt::print("\nNotes 003, node by node: δ = (a − y) ⊙ ReLU′(z), a column, δᵀ = {};\n"
               "notes 002's G = h′(Z) ⊙ ∂(1) = {}, one row per example: δ is that row transposed: {}.\n"
               "∂C/∂W in the column convention, δ xᵀ = {}, is the transpose of the library's xᵀ G: {}.\n",
               transpose(delta), G, same_delta ? "yes" : "no", dW_notes, same_dW ? "yes" : "no");
    return same_delta && same_dW;
}

// One ReLU neuron a = ReLU(wᵀx + b) on m = 4 examples: ∂C/∂w = 1/m Σ over the active examples of
// eᵢ xᵢᵀ, set out example by example, against backpropagation.
bool neuron_gradient() {
    Matrix<Q> X{{2, 1}, {1, 3}, {3, 1}, {1, 1}};  // one example per row
    Matrix<Q> Y{{1}, {2}, {2}, {1}};
    Matrix<Q> w = Matrix<Q>::column({1, -1});
    const Q b(1, 2);
    const std::size_t m = X.rows();

    std::vector<std::vector<trace::Math>> rows;
    Matrix<Q> sum_w(1, 2);
    Q sum_b = 0;
    for (std::size_t i = 0; i < m; ++i) {
        const Q z = X(i, 0) * w(0, 0) + X(i, 1) * w(1, 0) + b;
        const bool active = z > 0;  // ReLU′(z) = 0 for z ≤ 0: the example contributes nothing
        const Q e = z - Y(i, 0);     // eᵢ = wᵀxᵢ + b − yᵢ = aᵢ − yᵢ where the neuron is active
        Matrix<Q> xi{{X(i, 0), X(i, 1)}};
        Matrix<Q> term = active ? e * xi : Matrix<Q>(1, 2);
        sum_w = sum_w + term;
        if (active) sum_b += e;
        rows.push_back({to_math(Q(static_cast<long>(i + 1))), to_math(xi), to_math(z), trace::text(active ? "yes" : "no"),
                        active ? to_math(e) : trace::text("—"), to_math(term)});
    }
    const Q one_over_m(1, static_cast<long>(m));
    Matrix<Q> dw = one_over_m * sum_w;
    const Q db = one_over_m * sum_b;

    nn::Network<Q> neuron;
    neuron.layers.push_back({w, Matrix<Q>{{b}}, nn::Activation::relu});
    nn::Backpropagation<Q> bp = nn::backpropagate(neuron, X, Y, nn::Loss::half_mse);
    const bool same = transpose(bp.gradients.W[0]) == dw && bp.gradients.b[0](0, 0) == db;

    trace::Trace steps;
    steps.add(trace::kind::weight_gradient,
              "Each example's z = wᵀx + b; only the active ones (z > 0) add eᵢ xᵢᵀ, eᵢ = z − yᵢ.", std::nullopt,
              trace::table({trace::text("i"), trace::text("xᵢᵀ"), trace::text("z"), trace::text("active"),
                            trace::text("eᵢ"), trace::text("eᵢ xᵢᵀ")},
                           rows));
    steps.add(trace::kind::weight_gradient, "Average over all m examples, the inactive ones included.", std::nullopt,
              trace::list({trace::equals(calculus::partial_ratio("C", "w"), to_math(dw)),
                           trace::equals(calculus::partial_ratio("C", "b"), to_math(db))}));
    trace::Document doc;
    doc.title = "One ReLU neuron on 4 examples: ∂C/∂w = 1/m Σ eᵢ xᵢᵀ over the active examples";
    doc.command = "notes_layer_backward";
    doc.number = "exact";
    doc.inputs = {{"X", to_math(X)}, {"Y", to_math(Y)}, {"w", to_math(w)}, {"b", to_math(b)}};
    doc.steps = steps.take_steps();
    fmt::print("\n");
    examples::print_document(doc);
    fmt::print("Backpropagation (nn::backpropagate, half_mse), its ∂C/∂W (2 × 1) transposed: {}, ∂C/∂b = {}; "
               "the sum above: {}, {}. Equal: {}\n",
               transpose(bp.gradients.W[0]), bp.gradients.b[0](0, 0), dw, db, same ? "yes" : "no");
    return same;
}

}  // namespace

int main() {
    const bool layer = layer_backward();
    const bool neuron = neuron_gradient();
    return layer && neuron ? 0 : 1;
}
