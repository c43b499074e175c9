#include "showwork/nn/propagate.hpp"

#include "showwork/error.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/matrix/traced_arithmetic.hpp"

namespace showwork::nn {

using trace::Math;

namespace {

Math sym(std::string name) { return trace::symbol(std::move(name)); }
Math num(std::size_t n) { return trace::number(std::to_string(n)); }
Math bold(std::string name) { return trace::symbol(std::move(name), trace::empty(), trace::empty(), {.bold = true}); }
Math transposed(Math name) {
    Math t = std::move(name);
    t.style.transpose = true;
    return t;
}
Math ratio(Math of, Math by) {
    return trace::fraction(trace::product({sym("partial"), std::move(of)}, ""),
                           trace::product({sym("partial"), std::move(by)}, ""));
}
// j ⊗ b^{[l]}
Math bias_rows(std::size_t l) { return trace::product({bold("j"), layer_symbol("b", l)}, "otimes"); }
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
               std::to_string(layer.W.cols()) + (layer.W.cols() == 1 ? " neuron" : " neurons") + ", activation " + std::string(activation_name(layer.h)) + ".";
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
              "Each row of A^[" + layer_text(l - 1) + "] is one example: times W^[" + layer_text(l) +
                  "], plus the bias b^[" + layer_text(l) + "] added to every row" +
                  (by_entry ? ", entry (i, j) being row i times column j plus b_j." : "."),
              std::move(operation), shaped(layer_symbol("Z", l), Z));
    trace.add(trace::kind::activation, "Apply " + std::string(activation_name(layer.h)) + " to every entry" +
                                           (layer.h == Activation::softmax ? " (softmax: to every row)." : "."),
              trace::equals(layer_symbol("A", l), activation_math(layer.h, layer_symbol("Z", l))),
              shaped(layer_symbol("A", l), A));
    sub.conclude([&] { return shaped(layer_symbol("A", l), A); });
}

template <Scalar T>
Matrix<T> column_sums(const Matrix<T>& G) {
    Matrix<T> s(1, G.cols());
    for (std::size_t i = 0; i < G.rows(); ++i)
        for (std::size_t j = 0; j < G.cols(); ++j) s(0, j) += G(i, j);
    return s;
}

// ∂E/∂w^{[l]}_{11} = Σᵢ a^{[l−1]}_{i1} g_{i1}: the chain rule for one weight, over the examples
template <Scalar T>
void record_weight_entry(std::size_t l, const Matrix<T>& A_in, const Matrix<T>& G, const Matrix<T>& dW,
                         trace::Trace& trace) {
    Math w11 = trace::symbol("w", sym("11"), trace::symbol("[" + layer_text(l) + "]"));
    std::vector<Math> terms;
    for (std::size_t i = 0; i < A_in.rows() && i < max_traced_inner_dimension; ++i)
        terms.push_back(trace::product({to_math(A_in(i, 0)), to_math(G(i, 0))}, "cdot"));
    if (A_in.rows() > max_traced_inner_dimension) terms.push_back(sym("…"));
    Math general = trace::product({trace::symbol("sum", sym("i")),
                                   trace::symbol("a", sym("i1"), trace::symbol("[" + layer_text(l - 1) + "]")),
                                   trace::symbol("g", sym("i1"))},
                                  "");
    trace.add(trace::kind::weight_gradient_entry,
              "One entry by hand: w_11 feeds z_i1 of every example i, with ∂z_i1/∂w_11 = a_i1 of the layer's input, "
              "so its derivative sums a_i1 g_i1 over the examples.",
              trace::chain({ratio(sym("E"), w11), general, terms.size() == 1 ? terms[0] : trace::sum(std::move(terms))},
                           {trace::Rel::equals, trace::Rel::equals}),
              trace::equals(ratio(sym("E"), w11), to_math(dW(0, 0))));
}

template <Scalar T>
void record_output_error(Loss loss, bool softmax_cross_entropy, const Matrix<T>& D, trace::Trace& trace, std::size_t L) {
    if (softmax_cross_entropy)
        trace.add(trace::kind::local_error,
                  "Softmax followed by cross-entropy: the two derivatives combine into G = 1/m (A − Y), the error "
                  "at the inputs of the output layer.",
                  loss_derivative_math(loss), shaped(bold("G"), D));
    else
        trace.add(trace::kind::output_error, "The derivative the loss " + std::string(loss_name(loss)) + " names.",
                  loss_derivative_math(loss), shaped(layer_error(L), D));
}

}  // namespace

template <Scalar T>
Math shaped(Math name, const Matrix<T>& M) {
    Math shape = trace::group(trace::product({num(M.rows()), num(M.cols())}, "times"));
    if (M.size() > max_shown_entries)
        return trace::list({std::move(name), std::move(shape), trace::text("not written out")}, " ");
    return trace::list({trace::equals(std::move(name), to_math(M)), std::move(shape)}, " ");
}

template <Scalar T>
Matrix<T> gather_rows(const Matrix<T>& X, const std::vector<std::size_t>& rows) {
    Matrix<T> out(rows.size(), X.cols());
    for (std::size_t k = 0; k < rows.size(); ++k) {
        std::span<const T> from = X.row_view(rows[k]);
        std::copy(from.begin(), from.end(), out.row_view(k).begin());
    }
    return out;
}

template <Scalar T>
ForwardPass<T> forward(const Network<T>& network, const Matrix<T>& X, trace::Trace* trace) {
    if (X.cols() != network.inputs())
        throw InputError("the examples have " + std::to_string(X.cols()) + " input columns but the network takes " +
                         std::to_string(network.inputs()) + " (W^{[1]} is " + network.layers.front().W.shape() + ")");
    ForwardPass<T> pass;
    pass.Z.emplace_back();
    pass.A.push_back(X);
    for (std::size_t l = 1; l <= network.depth(); ++l) {
        const Layer<T>& layer = network.layers[l - 1];
        Matrix<T> Z = pass.A.back() * layer.W;  // A^{[l−1]} W^{[l]}
        for (std::size_t i = 0; i < Z.rows(); ++i) {
            std::span<T> row = Z.row_view(i);
            for (std::size_t j = 0; j < row.size(); ++j) row[j] += layer.b(0, j);  // + j ⊗ b^{[l]}
        }
        Matrix<T> A = activate(layer.h, Z);
        if (trace) record_layer(layer, l, pass.A.back(), Z, A, *trace);
        pass.Z.push_back(std::move(Z));
        pass.A.push_back(std::move(A));
    }
    return pass;
}

template <Scalar T>
Backpropagation<T> backpropagate(const Network<T>& network, const Matrix<T>& X, const Matrix<T>& Y, Loss loss,
                                 const T& relu_at_zero, trace::Trace* trace) {
    check_loss(loss, network);
    if (Y.rows() != X.rows() || Y.cols() != network.outputs())
        throw InputError("the targets are " + Y.shape() + " but the network gives " +
                         shape_text(X.rows(), network.outputs()) + " outputs for the " + std::to_string(X.rows()) +
                         " examples");
    const std::size_t L = network.depth();
    Backpropagation<T> r;
    {
        trace::SubDerivation sub(trace, trace::kind::layer_forward, "The forward pass, layer by layer.");
        r.pass = forward(network, X, trace);
        sub.conclude([&] { return shaped(layer_symbol("A", L), r.pass.output()); });
    }
    r.loss = loss_value(loss, r.pass.output(), Y, r.pass.Z.back());
    if (trace)
        trace->add(trace::kind::loss, "The loss " + std::string(loss_name(loss)) + " of the output against the targets Y.",
                   loss_math(loss), trace::equals(sym("E"), to_math(r.loss)));

    const bool softmax_cross_entropy = loss == Loss::cross_entropy;  // check_loss: the output is softmax
    Matrix<T> D = softmax_cross_entropy ? T(1) / T(X.rows()) * (r.pass.output() - Y)
                                        : loss_derivative(loss, r.pass.output(), Y);
    if (trace) record_output_error(loss, softmax_cross_entropy, D, *trace, L);

    r.gradients.W.resize(L);
    r.gradients.b.resize(L);
    for (std::size_t l = L; l >= 1; --l) {
        const Layer<T>& layer = network.layers[l - 1];
        trace::SubDerivation sub(trace, trace::kind::layer_backward, [&] {
            return "Layer " + layer_text(l) + ", going back" + (l == L ? " from the loss." : ".");
        });
        Matrix<T> G;  // ∂E/∂Z^{[l]}
        if (l == L && softmax_cross_entropy) {
            G = std::move(D);
        } else if (layer.h == Activation::softmax) {
            G = softmax_backward(r.pass.A[l], D);
            if (sub)
                trace->add(trace::kind::local_error,
                           "Softmax couples each row: gᵢ = aᵢ ⊙ (∂ᵢ − (aᵢ · ∂ᵢ) 1), its Jacobian applied to each row of ∂(" +
                               layer_text(l) + ").",
                           std::nullopt, shaped(bold("G"), G));
        } else {
            Matrix<T> hZ = activation_derivative(layer.h, r.pass.Z[l], relu_at_zero);
            G = hadamard(hZ, D);  // G = h′(Z^{[l]}) ⊙ ∂(l)
            if (sub)
                trace->add(trace::kind::local_error,
                           "The error at the layer's inputs: h′ at Z^[" + layer_text(l) + "], entry by entry times ∂(" +
                               layer_text(l) + ")" +
                               (layer.h == Activation::relu ? " (ReLU′(0) = " + scalar_text(relu_at_zero) + ")." : "."),
                           trace::equals(bold("G"), trace::product({derivative_math(layer.h, layer_symbol("Z", l)),
                                                                    layer_error(l)},
                                                                   "odot")),
                           trace::list({shaped(derivative_math(layer.h, layer_symbol("Z", l)), hZ), shaped(bold("G"), G)},
                                       ", "));
        }
        Matrix<T> A_in_t = transpose(r.pass.A[l - 1]);
        r.gradients.W[l - 1] = A_in_t * G;  // (A^{[l−1]})ᵀ G
        r.gradients.b[l - 1] = column_sums(G);  // jᵀ G
        if (sub) {
            trace::SubDerivation w(trace, trace::kind::weight_gradient);
            w.describe("The gradient of the weights: the layer's input, transposed, times G.", [&] {
                return trace::equals(ratio(sym("E"), layer_symbol("W", l)),
                                     trace::product({transposed(layer_symbol("A", l - 1)), bold("G")}, ""));
            });
            record_weight_entry(l, r.pass.A[l - 1], G, r.gradients.W[l - 1], *trace);
            w.conclude([&] { return shaped(ratio(sym("E"), layer_symbol("W", l)), r.gradients.W[l - 1]); });
            trace->add(trace::kind::bias_gradient, "The gradient of the bias: the column sums of G (∂Z/∂b = 1).",
                       trace::equals(ratio(sym("E"), layer_symbol("b", l)), trace::product({transposed(bold("j")), bold("G")}, "")),
                       shaped(ratio(sym("E"), layer_symbol("b", l)), r.gradients.b[l - 1]));
        }
        if (l > 1) {
            D = G * transpose(layer.W);  // ∂(l−1) = G (W^{[l]})ᵀ
            if (sub)
                trace->add(trace::kind::backward_error, "Pass the error back to layer " + layer_text(l - 1) + ".",
                           trace::equals(layer_error(l - 1), trace::product({bold("G"), transposed(layer_symbol("W", l))}, "")),
                           shaped(layer_error(l - 1), D));
        }
    }
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
