#include "showwork/nn/activation.hpp"

#include <cmath>

#include "showwork/error.hpp"
#include "showwork/matrix/arithmetic.hpp"

namespace showwork::nn {

namespace {

constexpr Activation all_activations[] = {Activation::identity, Activation::relu, Activation::sigmoid,
                                          Activation::tanh, Activation::softmax};

// The activation's name as a function in the trace: ReLU, σ, tanh, softmax.
std::string function_name(Activation h) {
    switch (h) {
        case Activation::identity: return "id";
        case Activation::relu: return "ReLU";
        case Activation::sigmoid: return "sigma";
        case Activation::tanh: return "tanh";
        case Activation::softmax: return "softmax";
    }
    return "h";
}

using std::exp;
using std::tanh;

template <Scalar T>
T sigmoid(const T& z) {
    // σ(z) = 1/(1 + e^{−z}), written so that neither branch overflows
    if (z >= 0) return T(1) / (T(1) + T(exp(-z)));
    const T e = exp(z);
    return e / (T(1) + e);
}

}  // namespace

std::string_view activation_name(Activation h) {
    switch (h) {
        case Activation::identity: return "identity";
        case Activation::relu: return "relu";
        case Activation::sigmoid: return "sigmoid";
        case Activation::tanh: return "tanh";
        case Activation::softmax: return "softmax";
    }
    return "";
}

std::string_view activation_title(Activation h) {
    switch (h) {
        case Activation::identity: return "the identity";
        case Activation::relu: return "ReLU";
        case Activation::sigmoid: return "the sigmoid σ";
        case Activation::tanh: return "tanh";
        case Activation::softmax: return "softmax";
    }
    return "";
}

Activation parse_activation(std::string_view name) {
    for (Activation h : all_activations)
        if (activation_name(h) == name) return h;
    throw InputError("unknown activation " + quoted_token(name) +
                     ": the activations are identity, relu, sigmoid, tanh and softmax");
}

trace::Math activation_math(Activation h, trace::Math argument) {
    return trace::apply(function_name(h), {std::move(argument)});
}

trace::Math derivative_math(Activation h, trace::Math argument) {
    return trace::apply(function_name(h) + "'", {std::move(argument)});
}

bool is_rational(Activation h) { return h == Activation::identity || h == Activation::relu; }

template <Scalar T>
void require_computable(Activation h, std::string_view where) {
    if constexpr (ScalarTraits<T>::exact) {
        if (!is_rational(h))
            throw InputError(std::string(where) + ": " + std::string(activation_name(h)) +
                             " is not a rational function, so an exact run cannot compute it; use identity or "
                             "relu, or --number double or float50");
    }
}

template <Scalar T>
void activate_into(Activation h, const Matrix<T>& Z, Matrix<T>& A) {
    require_computable<T>(h, "activate");
    if (&A != &Z) {
        A.reshape_for_overwrite(Z.rows(), Z.cols());
        std::copy(Z.entries().begin(), Z.entries().end(), A.entries().begin());
    }
    if (h == Activation::softmax) {
        // each row: subtract its largest entry first (the quotient is unchanged, e^{z} cannot overflow)
        if constexpr (!ScalarTraits<T>::exact) {
            for (std::size_t i = 0; i < A.rows(); ++i) {
                std::span<T> row = A.row_view(i);
                T largest = row[0];
                for (const T& z : row) largest = z > largest ? z : largest;
                T total = 0;
                for (T& z : row) total += (z = T(exp(z - largest)));
                for (T& z : row) z /= total;
            }
        }
        return;
    }
    switch (h) {
        case Activation::identity: break;
        case Activation::relu:
            for (T& z : A.entries()) z = z > 0 ? z : T(0);
            break;
        case Activation::sigmoid:
            if constexpr (!ScalarTraits<T>::exact)
                for (T& z : A.entries()) z = sigmoid(z);
            break;
        case Activation::tanh:
            if constexpr (!ScalarTraits<T>::exact)
                for (T& z : A.entries()) z = T(tanh(z));
            break;
        case Activation::softmax: break;
    }
}

template <Scalar T>
Matrix<T> activate(Activation h, const Matrix<T>& Z) {
    Matrix<T> A;
    activate_into(h, Z, A);
    return A;
}

template <Scalar T>
void multiply_by_derivative(Activation h, const Matrix<T>& Z, const Matrix<T>& A, Matrix<T>& D, const T& relu_at_zero) {
    require_computable<T>(h, "multiply_by_derivative");
    require_same_shape("multiply by h′ of", Z.rows(), Z.cols(), D.rows(), D.cols());
    if (h == Activation::softmax)
        throw ShapeError("softmax has no entrywise derivative: its Jacobian couples the entries of each row");
    auto z = Z.entries(), a = A.entries();
    auto d = D.entries();
    for (std::size_t k = 0; k < d.size(); ++k) {
        switch (h) {
            case Activation::identity: break;
            case Activation::relu: d[k] *= z[k] > 0 ? T(1) : z[k] < 0 ? T(0) : relu_at_zero; break;
            case Activation::sigmoid: d[k] *= a[k] * (T(1) - a[k]); break;  // σ′ = σ(1 − σ)
            case Activation::tanh: d[k] *= T(1) - a[k] * a[k]; break;       // tanh′ = 1 − tanh²
            case Activation::softmax: break;
        }
    }
}

template <Scalar T>
Matrix<T> activation_derivative(Activation h, const Matrix<T>& Z, const T& relu_at_zero) {
    Matrix<T> D(Z.rows(), Z.cols(), T(1));  // h′(Z) = h′(Z) ⊙ 1
    multiply_by_derivative(h, Z, activate(h, Z), D, relu_at_zero);
    return D;
}

template <Scalar T>
void softmax_backward_into(const Matrix<T>& A, const Matrix<T>& dA, Matrix<T>& G) {
    require_same_shape("apply the softmax Jacobian to", A.rows(), A.cols(), dA.rows(), dA.cols());
    G.reshape_for_overwrite(A.rows(), A.cols());
    for (std::size_t i = 0; i < A.rows(); ++i) {
        std::span<const T> a = A.row_view(i), d = dA.row_view(i);
        std::span<T> g = G.row_view(i);
        T dot = 0;  // aᵢ · ∂ᵢ
        for (std::size_t j = 0; j < a.size(); ++j) dot += a[j] * d[j];
        for (std::size_t j = 0; j < a.size(); ++j) g[j] = a[j] * (d[j] - dot);
    }
}

template <Scalar T>
Matrix<T> softmax_backward(const Matrix<T>& A, const Matrix<T>& dA) {
    Matrix<T> G;
    softmax_backward_into(A, dA, G);
    return G;
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_ACTIVATION_INSTANCES)

}  // namespace showwork::nn
