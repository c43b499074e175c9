// The forward pass and backpropagation, batched over the m examples as notes 002 derive them
// (DESIGN.md, "Neural networks"):
//
//   forward, l = 1 … L    Z^{[l]} = A^{[l−1]} W^{[l]} + j ⊗ b^{[l]}        A^{[l]} = h(Z^{[l]})
//   backward, l = L … 1   ∂(L) = ∂E/∂A^{[L]}                               (the loss names it)
//                         G = h′(Z^{[l]}) ⊙ ∂(l)                            (m × n_l)
//                         ∂E/∂W^{[l]} = (A^{[l−1]})ᵀ G                      (n_{l−1} × n_l)
//                         ∂E/∂b^{[l]} = jᵀ G, the column sums of G          (1 × n_l)
//                         ∂(l−1) = G (W^{[l]})ᵀ                             (m × n_{l−1})
//
// A softmax layer has no entrywise h′: G is its Jacobian applied row by row, and after
// cross-entropy G^{[L]} = 1/m (A^{[L]} − Y). Notes 003 write the same computation per example in
// the column convention: their δ^{l} = ∂C/∂z^{l} is the row of G for that example, transposed.
#pragma once

#include <vector>

#include "showwork/nn/loss.hpp"
#include "showwork/nn/network.hpp"
#include "showwork/trace/trace.hpp"

namespace showwork::nn {

// Matrices of more entries than this are named with their shape in a trace, not written out.
inline constexpr std::size_t max_shown_entries = 400;

template <Scalar T>
struct ForwardPass {
    std::vector<Matrix<T>> Z;  // Z[l] = Z^{[l]}, l = 1 … L (Z[0] is empty)
    std::vector<Matrix<T>> A;  // A[0] = X, A[l] = A^{[l]}
    const Matrix<T>& output() const { return A.back(); }
};

template <Scalar T>
struct Gradients {
    std::vector<Matrix<T>> W;  // W[l − 1] = ∂E/∂W^{[l]}
    std::vector<Matrix<T>> b;  // b[l − 1] = ∂E/∂b^{[l]}
};

template <Scalar T>
struct Backpropagation {
    ForwardPass<T> pass;
    T loss;
    Gradients<T> gradients;
    // buffers backpropagate_into reuses from one call to the next: ∂(l), G, (A^{[l−1]})ᵀ, (W^{[l]})ᵀ
    struct Work {
        Matrix<T> D, G, At, Wt;
    } work;
};

// The output of every layer for the examples X (m × n_0). Throws InputError when X's columns are
// not the network's inputs. With a sink, one sub-derivation per layer.
template <Scalar T>
ForwardPass<T> forward(const Network<T>& network, const Matrix<T>& X, trace::Trace* trace = nullptr);
// The same into `pass`, whose matrices are reused when their shapes are unchanged.
template <Scalar T>
void forward_into(const Network<T>& network, const Matrix<T>& X, ForwardPass<T>& pass, trace::Trace* trace = nullptr);

// E and ∂E/∂W^{[l]}, ∂E/∂b^{[l]} for every layer, at the examples X and targets Y (m × n_L).
// ReLU′(0) = relu_at_zero. With a sink: the forward pass, the loss, and one sub-derivation per layer
// going back, each matrix with its shape, and the first entry of each ∂E/∂W by the chain rule.
template <Scalar T>
Backpropagation<T> backpropagate(const Network<T>& network, const Matrix<T>& X, const Matrix<T>& Y, Loss loss,
                                 const T& relu_at_zero = T(0), trace::Trace* trace = nullptr);
// The same into `r`, whose matrices are reused: a training loop allocates on its first pass only.
template <Scalar T>
void backpropagate_into(const Network<T>& network, const Matrix<T>& X, const Matrix<T>& Y, Loss loss,
                        const T& relu_at_zero, Backpropagation<T>& r, trace::Trace* trace = nullptr);

// The gradients as one column, in the order of flatten().
template <Scalar T>
Matrix<T> flatten(const Gradients<T>& gradients);

// The rows of X listed in `rows`, in that order.
template <Scalar T>
Matrix<T> gather_rows(const Matrix<T>& X, const std::vector<std::size_t>& rows);
template <Scalar T>
void gather_rows_into(const Matrix<T>& X, const std::vector<std::size_t>& rows, Matrix<T>& out);

// "name = matrix (m × k)", or the name and shape alone past max_shown_entries
template <Scalar T>
trace::Math shaped(trace::Math name, const Matrix<T>& M);

#define SHOWWORK_PROPAGATE_INSTANCES(EXTERN, T)                                                        \
    EXTERN template ForwardPass<T> forward(const Network<T>&, const Matrix<T>&, trace::Trace*);        \
    EXTERN template void forward_into(const Network<T>&, const Matrix<T>&, ForwardPass<T>&, trace::Trace*); \
    EXTERN template void backpropagate_into(const Network<T>&, const Matrix<T>&, const Matrix<T>&, Loss, const T&, \
                                            Backpropagation<T>&, trace::Trace*);                       \
    EXTERN template void gather_rows_into(const Matrix<T>&, const std::vector<std::size_t>&, Matrix<T>&); \
    EXTERN template Backpropagation<T> backpropagate(const Network<T>&, const Matrix<T>&, const Matrix<T>&, \
                                                     Loss, const T&, trace::Trace*);                   \
    EXTERN template Matrix<T> flatten(const Gradients<T>&);                                            \
    EXTERN template Matrix<T> gather_rows(const Matrix<T>&, const std::vector<std::size_t>&);           \
    EXTERN template trace::Math shaped(trace::Math, const Matrix<T>&);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_PROPAGATE_INSTANCES)

}  // namespace showwork::nn
