// Notes 001, "Defining a mathematical perceptron": one neuron, ReLU(Σᵢ xᵢwᵢ + b), on three
// examples, its average loss AL = 1/m Σ (yᵢ − p(xᵢ))² (the library's `mse`), the partial
// derivatives ∂AL/∂wᵢ and ∂AL/∂b by backpropagation, and one gradient-descent update
// weight ← weight − α ∂AL/∂weight (notes 001 §5), exactly. Erratum, a step of the document: the
// notes' "if ∂AL/∂w is negative, weight + α ∂AL/∂w" would step uphill (the update is always
// w − α ∂AL/∂w, which adds α|∂AL/∂w| for a negative derivative). The document ends with two
// checks: the loss falls, and the training driver's one full-batch epoch gives the same weights.
//
// In the library's row convention (notes 002) the perceptron is a network of one layer: the
// examples are the rows of X (m × n), the weights one column W (n × 1), and z = XW + b. Notes 001
// write the bias bᵢ with an index, but a perceptron has one bias, added once.
//
//   notes_perceptron [text|latex|markdown|json|document]     (text by default)
#include "examples/network_example.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/nn/train.hpp"

using namespace showwork;
using Q = Rational;

namespace {

trace::Document perceptron_document() {
    // Two inputs, three examples; the first has z = −1/2 < 0, so ReLU′ = 0 and it adds nothing.
    Matrix<Q> X{{1, 2}, {2, 1}, {3, 0}};
    Matrix<Q> Y{{0}, {2}, {2}};
    nn::Network<Q> perceptron;
    perceptron.layers.push_back({Matrix<Q>{{Q(1, 2)}, {-1}}, Matrix<Q>{{1}}, nn::Activation::relu});
    const Q alpha(1, 10);

    trace::Trace steps;
    nn::Backpropagation<Q> bp = nn::backpropagate(perceptron, X, Y, nn::Loss::mse, Q(0), &steps);

    // weight ← weight − α ∂AL/∂weight, for the weights and the bias alike
    nn::Network<Q> updated = perceptron;
    nn::Layer<Q>& layer = updated.layers[0];
    layer.W = layer.W - alpha * bp.gradients.W[0];
    layer.b = layer.b - alpha * bp.gradients.b[0];
    steps.add(trace::kind::layer_update,
              "Step against the gradient with learning rate α = " + rational_text(alpha) + " (notes 001 §5).",
              std::nullopt,
              trace::list({nn::shaped(nn::layer_symbol("W", 1), layer.W), nn::shaped(nn::layer_symbol("b", 1), layer.b)}));
    const Q after = nn::backpropagate(updated, X, Y, nn::Loss::mse).loss;

    // The erratum of notes 001 §5: "if ∂AL/∂w is negative … weight = weight + α ∂AL/∂w". That
    // rule, taken for the entries whose derivative is negative, steps uphill: w − α ∂AL/∂w already
    // adds α|∂AL/∂w| when the derivative is negative.
    nn::Network<Q> notes_rule = perceptron;
    for (std::size_t i = 0; i < layer.W.rows(); ++i) {
        const Q& g = bp.gradients.W[0](i, 0);
        notes_rule.layers[0].W(i, 0) += g < 0 ? Q(alpha * g) : Q(-alpha * g);
    }
    notes_rule.layers[0].b = layer.b;
    const Q notes_after = nn::backpropagate(notes_rule, X, Y, nn::Loss::mse).loss;
    const Q& g1 = bp.gradients.W[0](0, 0);
    const Q& w1 = perceptron.layers[0].W(0, 0);
    steps.add(examples::erratum(
        "notes 001 say that for a negative ∂AL/∂w the update becomes w + α ∂AL/∂w. It stays w − α ∂AL/∂w: "
        "with ∂AL/∂w₁ = " + rational_text(g1) + " it adds α|∂AL/∂w₁| (w₁ = " + rational_text(w1) + " becomes " +
            rational_text(layer.W(0, 0)) + "), while the notes' w₁ + α ∂AL/∂w₁ = " +
            rational_text(notes_rule.layers[0].W(0, 0)) + " steps uphill: AL would be " + rational_text(notes_after) +
            ", not " + rational_text(after) + ".",
        trace::chain({trace::symbol("w", trace::text("notes")), to_math(notes_rule.layers[0].W(0, 0)),
                      to_math(layer.W(0, 0)), trace::symbol("w", trace::number("1"))},
                     {trace::Rel::equals, trace::Rel::not_equals, trace::Rel::equals})));
    if (!(notes_after > after)) throw MathError("the notes' rule was expected to step uphill");
    steps.add(trace::kind::loss, "The average loss after the update.", std::nullopt,
              trace::equals(trace::symbol("AL"), to_math(after)));
    if (!(after < bp.loss)) throw MathError("the update did not lower the average loss");
    steps.add(trace::kind::check, "The update lowers the average loss: AL before it is greater than after it.", std::nullopt,
              trace::relation(to_math(bp.loss), trace::Rel::greater, to_math(after)));

    // The same update by the training driver: one full-batch epoch from the same weights.
    nn::TrainOptions<Q> options;
    options.descent.rate = alpha;
    options.descent.epochs = 1;
    const nn::Network<Q> trained = nn::train(perceptron, X, Y, options).network;
    if (trained != updated) throw MathError("nn::train's one epoch gives other weights than the update");
    steps.add(trace::kind::check,
              "The training driver nn::train, one full-batch epoch with α = " + rational_text(alpha) +
                  " from the same weights, gives the same weights.",
              std::nullopt,
              trace::list({trace::equals(nn::layer_symbol("W", 1), to_math(trained.layers[0].W)),
                           trace::equals(nn::layer_symbol("b", 1), to_math(trained.layers[0].b))}));

    trace::Document doc;
    doc.title = "A perceptron ReLU(x·w + b) and one step of gradient descent";
    doc.command = "notes_perceptron";
    doc.number = "exact";
    doc.inputs = {{"X", to_math(X)},
                  {"Y", to_math(Y)},
                  {"w", to_math(perceptron.layers[0].W)},
                  {"b", to_math(perceptron.layers[0].b)},
                  {"alpha", to_math(alpha)}};
    doc.results = {{"AL", to_math(bp.loss)},
                   {"dAL/dw", to_math(bp.gradients.W[0])},
                   {"dAL/db", to_math(bp.gradients.b[0])},
                   {"w_new", to_math(layer.W)},
                   {"b_new", to_math(layer.b)},
                   {"AL_new", to_math(after)},
                   {"train_same_weights", trace::text("yes")}};
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) { return examples::run("notes_perceptron", argc, argv, perceptron_document); }
