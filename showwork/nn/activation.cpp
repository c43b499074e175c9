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

Activation parse_activation(std::string_view name) {
    for (Activation h : all_activations)
        if (activation_name(h) == name) return h;
    throw InputError("unknown activation '" + std::string(name) +
                     "': the activations are identity, relu, sigmoid, tanh and softmax");
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
Matrix<T> activate(Activation h, const Matrix<T>& Z) {
    require_computable<T>(h, "activate");
    Matrix<T> A = Z;
    if (h == Activation::softmax) {
        // each row: subtract its largest entry first (the quotient is unchanged, e^{z} cannot overflow)
        for (std::size_t i = 0; i < A.rows(); ++i) {
            if constexpr (!ScalarTraits<T>::exact) {
                std::span<T> row = A.row_view(i);
                T largest = row[0];
                for (const T& z : row) largest = z > largest ? z : largest;
                T total = 0;
                for (T& z : row) total += (z = T(exp(z - largest)));
                for (T& z : row) z /= total;
            }
        }
        return A;
    }
    for (T& z : A.entries()) {
        switch (h) {
            case Activation::identity: break;
            case Activation::relu: z = z > 0 ? z : T(0); break;
            case Activation::sigmoid:
                if constexpr (!ScalarTraits<T>::exact) z = sigmoid(z);
                break;
            case Activation::tanh:
                if constexpr (!ScalarTraits<T>::exact) z = T(tanh(z));
                break;
            case Activation::softmax: break;
        }
    }
    return A;
}

template <Scalar T>
Matrix<T> activation_derivative(Activation h, const Matrix<T>& Z, const T& relu_at_zero) {
    require_computable<T>(h, "activation_derivative");
    if (h == Activation::softmax)
        throw ShapeError("softmax has no entrywise derivative: its Jacobian couples the entries of each row");
    Matrix<T> D = Z;
    for (T& z : D.entries()) {
        switch (h) {
            case Activation::identity: z = 1; break;
            case Activation::relu: z = z > 0 ? T(1) : z < 0 ? T(0) : relu_at_zero; break;
            case Activation::sigmoid:
                if constexpr (!ScalarTraits<T>::exact) {
                    const T s = sigmoid(z);
                    z = s * (T(1) - s);  // σ′ = σ(1 − σ)
                }
                break;
            case Activation::tanh:
                if constexpr (!ScalarTraits<T>::exact) {
                    const T t = tanh(z);
                    z = T(1) - t * t;  // tanh′ = 1 − tanh²
                }
                break;
            case Activation::softmax: break;
        }
    }
    return D;
}

template <Scalar T>
Matrix<T> softmax_backward(const Matrix<T>& A, const Matrix<T>& dA) {
    require_same_shape("apply the softmax Jacobian to", A.rows(), A.cols(), dA.rows(), dA.cols());
    Matrix<T> G(A.rows(), A.cols());
    for (std::size_t i = 0; i < A.rows(); ++i) {
        T dot = 0;  // aᵢ · ∂ᵢ
        for (std::size_t j = 0; j < A.cols(); ++j) dot += A(i, j) * dA(i, j);
        for (std::size_t j = 0; j < A.cols(); ++j) G(i, j) = A(i, j) * (dA(i, j) - dot);
    }
    return G;
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_ACTIVATION_INSTANCES)

}  // namespace showwork::nn
