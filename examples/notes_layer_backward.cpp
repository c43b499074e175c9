// Notes 003, "Output of a layer", §3.5 ("the derivative of the cost w.r.t. the weights") and §4.1
// ("the error of a node"), one document in three parts:
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
//
//   notes_layer_backward [text|latex|markdown|json|document]     (text by default)
#include "examples/network_example.hpp"
#include "examples/neuron_layer.hpp"
#include "showwork/calculus/differentiate.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/nn/propagate.hpp"

using namespace showwork;
using Q = Rational;

namespace {

trace::Math transposed(std::string name) {
    trace::SymbolStyle style;
    style.transpose = true;
    return trace::symbol(std::move(name), trace::empty(), trace::empty(), style);
}

// δ = ∂C/∂z for every example: G = ReLU′(Z) ⊙ ∂(1), one row per example (notes 002).
Matrix<Q> node_errors(const nn::Backpropagation<Q>& bp, const Matrix<Q>& Y, nn::Loss loss) {
    const Matrix<Q>& Z = bp.pass.Z[1];
    return hadamard(nn::activation_derivative(nn::Activation::relu, Z, Q(0)),
                    nn::loss_derivative(loss, bp.pass.output(), Y));
}

// The layer of notes 003 forward in their convention (the neuron_layer example), as a
// sub-derivation.
void layer_forward(trace::Trace& steps) {
    trace::Document forward = examples::neuron_layer_document();
    trace::SubDerivation sub(&steps, trace::kind::layer_forward,
                             "The layer of notes 003 forward, in their column convention: a = ReLU(Wx + b).");
    for (trace::Step& step : forward.steps) steps.add(std::move(step));
    sub.conclude(trace::equals(trace::symbol("a"), forward.results[0].value));
}

// The same layer backward through the library's network for the target y, with δ and ∂C/∂W set
// beside the notes' forms. Its loss and gradients go to the results.
void layer_backward(trace::Trace& steps, std::vector<trace::Named>& results) {
    Matrix<Q> W_notes{{5, 2}, {3, 6}};
    nn::Network<Q> layer;  // the row convention: the notes' W transposed, and b = 6 for each neuron
    layer.layers.push_back({transpose(W_notes), Matrix<Q>{{6, 6}}, nn::Activation::relu});
    Matrix<Q> x{{10, 20}}, y{{100, 150}};

    trace::SubDerivation sub(&steps, trace::kind::layer_backward,
                             "The same layer backward for the target y = (100, 150) and C = 1/(2m) Σ (y − a)², in the "
                             "library's row convention: x a row, W transposed.");
    steps.add(trace::kind::convention, "The layer in the row convention, one example per row.", std::nullopt,
              trace::list({trace::equals(trace::symbol("x"), to_math(x)), trace::equals(trace::symbol("y"), to_math(y)),
                           nn::shaped(nn::layer_symbol("W", 1), layer.layers[0].W),
                           nn::shaped(nn::layer_symbol("b", 1), layer.layers[0].b)}));
    nn::Backpropagation<Q> bp = nn::backpropagate(layer, x, y, nn::Loss::half_mse, Q(0), &steps);

    // Notes 003, one node at a time: δⱼ = ∂C/∂aⱼ · ∂aⱼ/∂zⱼ = (aⱼ − yⱼ) · ReLU′(zⱼ), a column.
    const Matrix<Q>& z = bp.pass.Z[1];
    const Matrix<Q>& a = bp.pass.output();
    Matrix<Q> delta(2, 1);
    for (std::size_t j = 0; j < 2; ++j) delta(j, 0) = (a(0, j) - y(0, j)) * (z(0, j) > 0 ? Q(1) : Q(0));
    Matrix<Q> G = node_errors(bp, y, nn::Loss::half_mse);
    Matrix<Q> dW_notes = delta * x;  // δ xᵀ, with x the row the library keeps
    if (transpose(G) != delta || transpose(bp.gradients.W[0]) != dW_notes)
        throw MathError("the notes' δ and ∂C/∂W are not the library's G and ∂C/∂W transposed");

    const trace::Math delta_symbol = trace::symbol("delta");
    steps.add(trace::kind::local_error, "Notes 003, node by node: δ = (a − y) ⊙ ReLU′(z), a column.", std::nullopt,
              trace::equals(delta_symbol, to_math(delta)));
    steps.add(trace::kind::check,
              "Notes 002's G = h′(Z) ⊙ ∂(1) has one row per example: δ is that row transposed.", std::nullopt,
              trace::list({trace::equals(trace::symbol("G"), to_math(G)),
                           trace::equals(transposed("G"), delta_symbol)}));
    steps.add(trace::kind::check,
              "∂C/∂W in the column convention, δ xᵀ, is the transpose of the library's xᵀ G.", std::nullopt,
              trace::chain({trace::product({delta_symbol, transposed("x")}, ""), to_math(dW_notes),
                            trace::power(trace::group(calculus::partial_ratio("C", "W")), trace::symbol("top"))},
                           {trace::Rel::equals, trace::Rel::equals}));
    sub.conclude(trace::equals(delta_symbol, to_math(delta)));

    results.push_back({"C", to_math(bp.loss)});
    results.push_back({"dC/dW", to_math(bp.gradients.W[0])});
    results.push_back({"dC/db", to_math(bp.gradients.b[0])});
    results.push_back({"delta", to_math(delta)});
}

// One ReLU neuron a = ReLU(wᵀx + b) on m = 4 examples: ∂C/∂w = 1/m Σ over the active examples of
// eᵢ xᵢᵀ, set out example by example, against backpropagation.
void neuron_gradient(trace::Trace& steps, std::vector<trace::Named>& results) {
    Matrix<Q> X{{2, 1}, {1, 3}, {3, 1}, {1, 1}};  // one example per row
    Matrix<Q> Y{{1}, {2}, {2}, {1}};
    Matrix<Q> w = Matrix<Q>::column({1, -1});
    const Q b(1, 2);
    const std::size_t m = X.rows();

    trace::SubDerivation sub(&steps, trace::kind::weight_gradient,
                             "One ReLU neuron a = ReLU(wᵀx + b) on m = 4 examples, one per row of X: ∂C/∂w = 1/m Σ "
                             "eᵢ xᵢᵀ over the active examples.");
    steps.add(trace::kind::network, "The neuron and its examples.", std::nullopt,
              trace::list({trace::equals(trace::symbol("X"), to_math(X)), trace::equals(trace::symbol("Y"), to_math(Y)),
                           trace::equals(trace::symbol("w"), to_math(w)), trace::equals(trace::symbol("b"), to_math(b))}));

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
        rows.push_back({trace::count(i + 1), to_math(xi), to_math(z), trace::text(active ? "yes" : "no"),
                        active ? to_math(e) : trace::text("—"), to_math(term)});
    }
    const Q one_over_m(1, static_cast<long>(m));
    Matrix<Q> dw = one_over_m * sum_w;
    const Q db = one_over_m * sum_b;

    nn::Network<Q> neuron;
    neuron.layers.push_back({w, Matrix<Q>{{b}}, nn::Activation::relu});
    nn::Backpropagation<Q> bp = nn::backpropagate(neuron, X, Y, nn::Loss::half_mse);
    if (transpose(bp.gradients.W[0]) != dw || bp.gradients.b[0](0, 0) != db)
        throw MathError("the sum over the active examples is not backpropagation's gradient");

    const trace::Math i = trace::symbol("i");
    trace::Math x_i = trace::symbol("x", i);
    x_i.style.transpose = true;
    const trace::Math e_i = trace::symbol("e", i);
    steps.add(trace::kind::weight_gradient,
              "Each example's z = wᵀx + b; only the active ones (z > 0) add eᵢ xᵢᵀ, eᵢ = z − yᵢ.", std::nullopt,
              trace::table({trace::symbol("i"), x_i, trace::symbol("z"), trace::text("active"), e_i,
                            trace::product({e_i, x_i}, "")},
                           rows));
    steps.add(trace::kind::weight_gradient, "Average over all m examples, the inactive ones included.", std::nullopt,
              trace::list({trace::equals(calculus::partial_ratio("C", "w"), to_math(dw)),
                           trace::equals(calculus::partial_ratio("C", "b"), to_math(db))}));
    steps.add(trace::kind::check,
              "Backpropagation (nn::backpropagate, half_mse) gives the same: its ∂C/∂W (2 × 1) transposed, and ∂C/∂b.",
              std::nullopt,
              trace::list({trace::equals(trace::power(trace::group(calculus::partial_ratio("C", "W")), trace::symbol("top")),
                                         to_math(transpose(bp.gradients.W[0]))),
                           trace::equals(calculus::partial_ratio("C", "b"), to_math(bp.gradients.b[0](0, 0)))}));
    sub.conclude(trace::equals(calculus::partial_ratio("C", "w"), to_math(dw)));

    results.push_back({"neuron_dC/dw", to_math(dw)});
    results.push_back({"neuron_dC/db", to_math(db)});
}

trace::Document layer_backward_document() {
    trace::Document doc;
    doc.title = "A layer of notes 003 forward and backward, and the gradient of one ReLU neuron";
    doc.command = "notes_layer_backward";
    doc.number = "exact";
    const trace::Document forward = examples::neuron_layer_document();
    doc.inputs = forward.inputs;
    doc.inputs.push_back({"y", to_math(Matrix<Q>::column({100, 150}))});

    trace::Trace steps;
    layer_forward(steps);
    layer_backward(steps, doc.results);
    neuron_gradient(steps, doc.results);
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) {
    return examples::run("notes_layer_backward", argc, argv, layer_backward_document);
}
