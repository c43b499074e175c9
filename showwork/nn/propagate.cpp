#include "showwork/nn/propagate.hpp"

#include "showwork/error.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/matrix/traced_arithmetic.hpp"

namespace showwork::nn {

using trace::Math;

namespace {

using trace::symbol;
Math transposed(Math name) {
    Math t = std::move(name);
    t.style.transpose = true;
    return t;
}
using trace::partial_fraction;
// j ⊗ b^{[l]}
Math bias_rows(std::size_t l) { return trace::product({trace::bold("j"), layer_symbol("b", l)}, "otimes"); }
// the layer's equation, Z^{[l]} = A^{[l−1]} W^{[l]} + j ⊗ b^{[l]}
Math affine_equation(std::size_t l) {
    return trace::equals(layer_symbol("Z", l),
                         trace::sum({trace::product({layer_symbol("A", l - 1), layer_symbol("W", l)}, ""), bias_rows(l)}));
}
std::string layer_text(std::size_t l) { return std::to_string(l); }

// z_ij = Σ_k a_ik w_kj + b_j with the numbers in: one cell of the formula matrix
template <Scalar T>
Math affine_entry(const Matrix<T>& A, const Matrix<T>& W, const Matrix<T>& b, std::size_t i, std::size_t j) {
    return trace::sum({traced::entry_of_product(A, W, i, j), to_math(b(0, j))});
}

template <Scalar T>
void record_layer(const Layer<T>& layer, std::size_t l, const Matrix<T>& A_in, const Matrix<T>& Z, const Matrix<T>& A,
                  trace::Trace& trace) {
    trace::SubDerivation sub(&trace, trace::kind::layer_forward, [&] {
        return "Layer " + layer_text(l) + ": " + std::to_string(layer.W.rows()) + " inputs to " +
               std::to_string(layer.W.cols()) + (layer.W.cols() == 1 ? " neuron" : " neurons") + ", activation " +
               std::string(activation_title(layer.h)) + ".";
    });
    if (!sub) return;
    Math operation = affine_equation(l);
    const bool by_entry = Z.size() <= max_traced_product_entries && A_in.cols() <= max_traced_inner_dimension;
    if (by_entry)
        operation = trace::chain({std::move(operation.args[0]), std::move(operation.args[1]),
                                  traced::formula_matrix(Z.rows(), Z.cols(), [&](std::size_t i, std::size_t j) {
                                      return affine_entry(A_in, layer.W, layer.b, i, j);
                                  })},
                                 {trace::Rel::equals, trace::Rel::equals});
    trace.add(trace::kind::affine,
              std::string("Each row of the layer's input is one example: it is multiplied by the weights, and the "
                          "bias is added to every row") +
                  (by_entry ? " (entry (i, j) is row i of the input times column j of the weights, plus bⱼ)." : "."),
              std::move(operation), shaped(layer_symbol("Z", l), Z));
    trace.add(trace::kind::activation, "Apply " + std::string(activation_title(layer.h)) +
                                           (layer.h == Activation::softmax ? " to every row." : " to every entry."),
              trace::equals(layer_symbol("A", l), activation_math(layer.h, layer_symbol("Z", l))),
              shaped(layer_symbol("A", l), A));
    sub.conclude([&] { return shaped(layer_symbol("A", l), A); });
}

template <Scalar T>
void column_sums_into(const Matrix<T>& G, Matrix<T>& s) {
    s.reshape_for_overwrite(1, G.cols());
    std::span<T> total = s.row_view(0);
    std::fill(total.begin(), total.end(), T(0));
    for (std::size_t i = 0; i < G.rows(); ++i) {
        std::span<const T> g = G.row_view(i);
        for (std::size_t j = 0; j < g.size(); ++j) total[j] += g[j];
    }
}

// G^{[L]} = 1/m (A − Y): softmax and cross-entropy's derivatives combined
template <Scalar T>
void output_error_into(const Matrix<T>& A, const Matrix<T>& Y, Matrix<T>& G) {
    G.reshape_for_overwrite(A.rows(), A.cols());
    const T m = T(A.rows());
    auto a = A.entries(), y = Y.entries();
    auto g = G.entries();
    for (std::size_t k = 0; k < g.size(); ++k) g[k] = (a[k] - y[k]) / m;
}

// ∂E/∂w^{[l]}_{11} = Σᵢ a^{[l−1]}_{i1} g_{i1}: the chain rule for one weight, over the examples
template <Scalar T>
void record_weight_entry(std::size_t l, const Matrix<T>& A_in, const Matrix<T>& G, const Matrix<T>& dW,
                         trace::Trace& trace) {
    Math w11 = trace::symbol("w", symbol("11"), trace::symbol("[" + layer_text(l) + "]"));
    std::vector<Math> terms;
    for (std::size_t i = 0; i < A_in.rows() && i < max_traced_inner_dimension; ++i)
        terms.push_back(trace::product({to_math(A_in(i, 0)), to_math(G(i, 0))}, "cdot"));
    if (A_in.rows() > max_traced_inner_dimension) terms.push_back(symbol("…"));
    Math general = trace::product({trace::symbol("sum", symbol("i")),
                                   trace::symbol("a", symbol("i1"), trace::symbol("[" + layer_text(l - 1) + "]")),
                                   trace::symbol("g", symbol("i1"))},
                                  "");
    trace.add(trace::kind::weight_gradient_entry,
              "One entry by hand: w₁₁ feeds zᵢ₁ of every example i, with ∂zᵢ₁/∂w₁₁ = aᵢ₁ of the layer's input, "
              "so its derivative sums aᵢ₁gᵢ₁ over the examples.",
              trace::chain({partial_fraction(symbol("E"), w11), general, terms.size() == 1 ? terms[0] : trace::sum(std::move(terms))},
                           {trace::Rel::equals, trace::Rel::equals}),
              trace::equals(partial_fraction(symbol("E"), w11), to_math(dW(0, 0))));
}

template <Scalar T>
void record_output_error(Loss loss, bool softmax_cross_entropy, const Matrix<T>& D, trace::Trace& trace, std::size_t L) {
    if (softmax_cross_entropy)
        trace.add(trace::kind::local_error,
                  "Softmax followed by cross-entropy: the two derivatives combine into G = 1/m (A − Y), the error "
                  "at the inputs of the output layer.",
                  loss_derivative_math(loss), shaped(trace::bold("G"), D));
    else
        trace.add(trace::kind::output_error, "The derivative of the loss with respect to the output, where backpropagation starts.",
                  loss_derivative_math(loss), shaped(layer_error(L), D));
}

}  // namespace

template <Scalar T>
Math shaped(Math name, const Matrix<T>& M) {
    Math shape = trace::group(trace::product({trace::count(M.rows()), trace::count(M.cols())}, "times"));
    if (M.size() > max_shown_entries)
        return trace::list({std::move(name), std::move(shape), trace::text("not written out")}, " ");
    return trace::list({trace::equals(std::move(name), to_math(M)), std::move(shape)}, " ");
}

template <Scalar T>
void gather_rows_into(const Matrix<T>& X, const std::vector<std::size_t>& rows, Matrix<T>& out) {
    out.reshape_for_overwrite(rows.size(), X.cols());
    for (std::size_t k = 0; k < rows.size(); ++k) {
        std::span<const T> from = X.row_view(rows[k]);
        std::copy(from.begin(), from.end(), out.row_view(k).begin());
    }
}

template <Scalar T>
Matrix<T> gather_rows(const Matrix<T>& X, const std::vector<std::size_t>& rows) {
    Matrix<T> out;
    gather_rows_into(X, rows, out);
    return out;
}

template <Scalar T>
void forward_into(const Network<T>& network, const Matrix<T>& X, ForwardPass<T>& pass, trace::Trace* trace) {
    if (X.cols() != network.inputs())
        throw InputError("the examples have " + std::to_string(X.cols()) + " input columns but the network takes " +
                         std::to_string(network.inputs()) + " (the first layer's W is " + network.layers.front().W.shape() + ")");
    const std::size_t L = network.depth();
    pass.Z.resize(L + 1);
    pass.A.resize(L + 1);
    pass.Z[0] = Matrix<T>();
    pass.A[0] = X;
    for (std::size_t l = 1; l <= L; ++l) {
        const Layer<T>& layer = network.layers[l - 1];
        Matrix<T>& Z = pass.Z[l];
        product_into(pass.A[l - 1], layer.W, Z);  // A^{[l−1]} W^{[l]}
        std::span<const T> b = layer.b.row_view(0);
        for (std::size_t i = 0; i < Z.rows(); ++i) {
            std::span<T> row = Z.row_view(i);
            for (std::size_t j = 0; j < row.size(); ++j) row[j] += b[j];  // + j ⊗ b^{[l]}
        }
        activate_into(layer.h, Z, pass.A[l]);
        if (trace) record_layer(layer, l, pass.A[l - 1], Z, pass.A[l], *trace);
    }
}

template <Scalar T>
ForwardPass<T> forward(const Network<T>& network, const Matrix<T>& X, trace::Trace* trace) {
    ForwardPass<T> pass;
    forward_into(network, X, pass, trace);
    return pass;
}

template <Scalar T>
void backpropagate_into(const Network<T>& network, const Matrix<T>& X, const Matrix<T>& Y, Loss loss,
                        const T& relu_at_zero, Backpropagation<T>& r, trace::Trace* trace) {
    check_loss(loss, network);
    if (Y.rows() != X.rows() || Y.cols() != network.outputs())
        throw InputError("the targets are " + Y.shape() + " but the network gives " +
                         shape_text(X.rows(), network.outputs()) + " outputs for the " + std::to_string(X.rows()) +
                         " examples");
    const std::size_t L = network.depth();
    {
        trace::SubDerivation sub(trace, trace::kind::layer_forward, "The forward pass, layer by layer.");
        forward_into(network, X, r.pass, trace);
        sub.conclude([&] { return shaped(layer_symbol("A", L), r.pass.output()); });
    }
    r.loss = loss_value(loss, r.pass.output(), Y, r.pass.Z.back());
    if (trace)
        trace->add(trace::kind::loss, "The loss: " + std::string(loss_title(loss)) + " of the output against the targets Y.",
                   loss_math(loss), trace::equals(symbol("E"), to_math(r.loss)));

    // D holds ∂(l) going back, G the error at the inputs of layer l
    Matrix<T>& D = r.work.D;
    Matrix<T>& G = r.work.G;
    const bool softmax_cross_entropy = loss == Loss::cross_entropy;  // check_loss: the output is softmax
    if (softmax_cross_entropy) output_error_into(r.pass.output(), Y, D);
    else loss_derivative_into(loss, r.pass.output(), Y, D);
    if (trace) record_output_error(loss, softmax_cross_entropy, D, *trace, L);

    r.gradients.W.resize(L);
    r.gradients.b.resize(L);
    for (std::size_t l = L; l >= 1; --l) {
        const Layer<T>& layer = network.layers[l - 1];
        trace::SubDerivation sub(trace, trace::kind::layer_backward, [&] {
            return "Layer " + layer_text(l) + ", going back" + (l == L ? " from the loss." : ".");
        });
        if (l == L && softmax_cross_entropy) {
            std::swap(G, D);  // G = 1/m (A − Y)
        } else if (layer.h == Activation::softmax) {
            softmax_backward_into(r.pass.A[l], D, G);
            if (sub)
                trace->add(trace::kind::local_error,
                           "Softmax couples each row: gᵢ = aᵢ ⊙ (∂ᵢ − (aᵢ · ∂ᵢ) 1), its Jacobian applied to each row of ∂(" +
                               layer_text(l) + ").",
                           std::nullopt, shaped(trace::bold("G"), G));
        } else {
            std::swap(G, D);
            multiply_by_derivative(layer.h, r.pass.Z[l], r.pass.A[l], G, relu_at_zero);  // G = h′(Z^{[l]}) ⊙ ∂(l)
            if (sub) {
                const Matrix<T> hZ = activation_derivative(layer.h, r.pass.Z[l], relu_at_zero);
                trace->add(trace::kind::local_error,
                           "The error at the layer's inputs: the activation's derivative at each entry of Z, times ∂(" +
                               layer_text(l) + ") entry by entry" +
                               (layer.h == Activation::relu ? " (ReLU′(0) = " + scalar_text(relu_at_zero) + ")." : "."),
                           trace::equals(trace::bold("G"), trace::product({derivative_math(layer.h, layer_symbol("Z", l)),
                                                                    layer_error(l)},
                                                                   "odot")),
                           trace::list({shaped(derivative_math(layer.h, layer_symbol("Z", l)), hZ), shaped(trace::bold("G"), G)},
                                       ", "));
            }
        }
        transpose_into(r.pass.A[l - 1], r.work.At);
        product_into(r.work.At, G, r.gradients.W[l - 1]);  // ∂E/∂W^{[l]} = (A^{[l−1]})ᵀ G
        column_sums_into(G, r.gradients.b[l - 1]);         // ∂E/∂b^{[l]} = jᵀ G
        if (sub) {
            trace::SubDerivation w(trace, trace::kind::weight_gradient);
            w.describe("The gradient of the weights: the layer's input, transposed, times G.", [&] {
                return trace::equals(partial_fraction(symbol("E"), layer_symbol("W", l)),
                                     trace::product({transposed(layer_symbol("A", l - 1)), trace::bold("G")}, ""));
            });
            record_weight_entry(l, r.pass.A[l - 1], G, r.gradients.W[l - 1], *trace);
            w.conclude([&] { return shaped(partial_fraction(symbol("E"), layer_symbol("W", l)), r.gradients.W[l - 1]); });
            trace->add(trace::kind::bias_gradient, "The gradient of the bias: the column sums of G (∂Z/∂b = 1).",
                       trace::equals(partial_fraction(symbol("E"), layer_symbol("b", l)), trace::product({transposed(trace::bold("j")), trace::bold("G")}, "")),
                       shaped(partial_fraction(symbol("E"), layer_symbol("b", l)), r.gradients.b[l - 1]));
        }
        if (l > 1) {
            transpose_into(layer.W, r.work.Wt);
            product_into(G, r.work.Wt, D);  // ∂(l−1) = G (W^{[l]})ᵀ
            if (sub)
                trace->add(trace::kind::backward_error, "Pass the error back to layer " + layer_text(l - 1) + ".",
                           trace::equals(layer_error(l - 1), trace::product({trace::bold("G"), transposed(layer_symbol("W", l))}, "")),
                           shaped(layer_error(l - 1), D));
        }
    }
}

template <Scalar T>
Backpropagation<T> backpropagate(const Network<T>& network, const Matrix<T>& X, const Matrix<T>& Y, Loss loss,
                                 const T& relu_at_zero, trace::Trace* trace) {
    Backpropagation<T> r;
    backpropagate_into(network, X, Y, loss, relu_at_zero, r, trace);
    return r;
}

template <Scalar T>
Matrix<T> flatten(const Gradients<T>& gradients) {
    std::vector<T> theta;
    for (std::size_t l = 0; l < gradients.W.size(); ++l) {
        theta.insert(theta.end(), gradients.W[l].entries().begin(), gradients.W[l].entries().end());
        theta.insert(theta.end(), gradients.b[l].entries().begin(), gradients.b[l].entries().end());
    }
    return Matrix<T>::column(std::move(theta));
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_PROPAGATE_INSTANCES)

}  // namespace showwork::nn
