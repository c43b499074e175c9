// Notes 002, "Equations": backpropagation batched over the examples, on a 2-2-1 network (ReLU,
// then identity) and m = 3 examples, exactly, every matrix with its shape:
//
//   Z^{[l]} = A^{[l−1]} W^{[l]} + j ⊗ b^{[l]}      A^{[l]} = h(Z^{[l]})                (§2.1)
//   ∂(L) = 2/m (A^{[L]} − Y)                                                        (§2.3)
//   ∂E/∂W^{[l]} = (A^{[l−1]})ᵀ [h′(Z^{[l]}) ⊙ ∂(l)]    ∂(l−1) = [h′(Z^{[l]}) ⊙ ∂(l)] (W^{[l]})ᵀ
//   ∂E/∂b^{[l]} = Σᵢ [h′(Z^{[l]}) ⊙ ∂(l)]ᵢ, the sum over the examples (§2.4)
//
// The weights are small fractions chosen so that no ReLU input is exactly 0 (where ReLU′ is a
// convention). Errata, steps of the document: notes 002 add b "to all rows of W" (it is added to
// every row of A W, one per example: j ⊗ b); and notes 002 write E = 1/m Σ_{i=0}^{m} (aᵢ − yᵢ)²,
// m + 1 terms for m examples (and the bias update's Σ_{i=0}^{m} likewise); the sums run over
// i = 1 … m, as here. The derivation ends with two checks that must agree exactly: the central
// difference (nn::check_gradient) and the symbolic derivative of E by the rules of calculus
// (nn::symbolic_gradient).
//
//   notes_backprop [text|latex|markdown|json|document]     (text by default)
#include "examples/network_example.hpp"
#include "showwork/nn/gradient_check.hpp"
#include "showwork/nn/symbolic_check.hpp"

using namespace showwork;
using Q = Rational;

namespace {

// E = 1/m Σ_{i=1}^{m} Σⱼ (aᵢⱼ − yᵢⱼ)², summed here example by example, as the notes write it.
Q loss_by_examples(const Matrix<Q>& A, const Matrix<Q>& Y) {
    Q sum = 0;
    for (std::size_t i = 0; i < A.rows(); ++i)  // i = 1 … m: there is no example 0
        for (std::size_t j = 0; j < A.cols(); ++j) sum += (A(i, j) - Y(i, j)) * (A(i, j) - Y(i, j));
    return sum / Q(static_cast<long>(A.rows()));
}

// 1/m Σ_{i=first}^{m} (aᵢ − yᵢ)², the loss as a formula with its sum starting at `first`.
trace::Math loss_formula(std::size_t first) {
    const trace::Math i = trace::symbol("i"), m = trace::symbol("m");
    trace::Math sum = trace::symbol("sum", trace::equals(i, trace::count(first)), m);
    trace::Math error = trace::sum({trace::symbol("a", i), trace::negate(trace::symbol("y", i))});
    return trace::product({trace::fraction(trace::number("1"), m), sum, trace::power(trace::group(error), trace::number("2"))},
                          "");
}

trace::Document backprop_document() {
    Matrix<Q> X{{1, 2}, {2, -1}, {0, 1}};  // m = 3 examples of n = 2 inputs
    Matrix<Q> Y{{1}, {2}, {0}};
    nn::Network<Q> network;
    network.layers.push_back({Matrix<Q>{{1, -1}, {Q(1, 2), 2}}, Matrix<Q>{{0, -1}}, nn::Activation::relu});
    network.layers.push_back({Matrix<Q>{{1}, {Q(-1, 2)}}, Matrix<Q>{{Q(1, 4)}}, nn::Activation::identity});
    const std::size_t m = X.rows();

    trace::Trace steps;
    nn::Backpropagation<Q> bp = nn::backpropagate(network, X, Y, nn::Loss::mse, Q(0), &steps);

    // Erratum of notes 002 §2.1: "B will be added to all rows of W". W^{[1]} has a row per input
    // (n × k); b is added to every row of A^{[0]} W^{[1]}, one per example: j ⊗ b, m × k.
    const Matrix<Q>& W1 = network.layers[0].W;
    const Matrix<Q>& b1 = network.layers[0].b;
    Matrix<Q> spread(m, b1.cols());
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < b1.cols(); ++j) spread(i, j) = b1(0, j);
    steps.add(examples::erratum(
        "notes 002 say b is added to all rows of W. W^[1] is " + W1.shape() + ", a row per input; b^[1] (" +
            b1.shape() + ") is added to every row of A^[0] W^[1] (" + shape_text(m, W1.cols()) +
            "), a row per example: j ⊗ b with j the m × 1 column of ones.",
        nn::shaped(trace::product({trace::bold("j"), nn::layer_symbol("b", 1)}, "otimes"), spread)));
    steps.add(examples::erratum("notes 002 sum from i = 0 to m, m + 1 = " + std::to_string(m + 1) + " terms for m = " +
                                    std::to_string(m) + " examples (in E and in the bias update); there is no example "
                                    "0: the sums run over i = 1 … m.",
                                trace::relation(loss_formula(0), trace::Rel::not_equals, loss_formula(1))));
    const Q by_examples = loss_by_examples(bp.pass.output(), Y);
    steps.add(trace::kind::check, "Summed example by example over i = 1 … m, E is the loss above.", std::nullopt,
              trace::equals(trace::symbol("E"), to_math(by_examples)));

    nn::GradientCheck<Q> difference = nn::check_gradient(network, X, Y, nn::Loss::mse, Q(0), &steps);
    nn::SymbolicCheck<Q> symbolic = nn::symbolic_gradient(network, X, Y, nn::Loss::mse);
    Matrix<Q> g = nn::flatten(bp.gradients);
    std::vector<std::vector<trace::Math>> rows;
    bool agree = by_examples == bp.loss && difference.largest_relative_error() == 0;
    for (std::size_t k = 0; k < g.rows(); ++k) {
        agree = agree && symbolic.symbolic[k] == g(k, 0);
        rows.push_back({trace::text(nn::parameter_name(network, k)), to_math(g(k, 0)), to_math(symbolic.symbolic[k])});
    }
    steps.add(trace::kind::check,
              "Symbolically: E written out as an expression of the weights and differentiated by the rules of "
              "calculus (nn::symbolic_gradient), against backpropagation.",
              std::nullopt,
              trace::table({trace::text("parameter"), trace::text("backpropagation"), trace::text("symbolic")}, rows));
    if (!agree) throw MathError("backpropagation, the central difference and the symbolic derivative disagree");
    steps.add(trace::kind::check,
              "Backpropagation, the central difference and the symbolic derivative agree exactly on all " +
                  std::to_string(g.rows()) + " parameters.",
              std::nullopt, trace::equals(trace::symbol("E"), to_math(bp.loss)));

    trace::Document doc;
    doc.title = "Backpropagation through a 2-2-1 network, batched over 3 examples (notes 002)";
    doc.command = "notes_backprop";
    doc.number = "exact";
    doc.inputs = {{"X", to_math(X)}, {"Y", to_math(Y)}};
    for (trace::Named& w : examples::weights_named(network)) doc.inputs.push_back(std::move(w));
    doc.results = {{"E", to_math(bp.loss)}};
    for (std::size_t l = 1; l <= network.depth(); ++l) {
        doc.results.push_back({"dE/dW" + std::to_string(l), to_math(bp.gradients.W[l - 1])});
        doc.results.push_back({"dE/db" + std::to_string(l), to_math(bp.gradients.b[l - 1])});
    }
    doc.results.push_back({"checks_agree", trace::text("yes")});
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) { return examples::run("notes_backprop", argc, argv, backprop_document); }
