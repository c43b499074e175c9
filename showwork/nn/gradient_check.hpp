// Backpropagation checked against finite differences, parameter by parameter, with the
// five-point central difference (its error is of order h⁴, where the two-point one's is h²):
//
//   ∂E/∂θₖ ≈ (−E(θ + 2h eₖ) + 8E(θ + h eₖ) − 8E(θ − h eₖ) + E(θ − 2h eₖ)) / 12h
//   relative error  |g − ĝ| / max(|g|, |ĝ|, f·max(1, |E|))
//
// with g from backpropagation and ĝ the difference quotient. The step h is 10⁻³ in double (the
// truncation error h⁴ and the rounding error ε|E|/h are then both near 10⁻¹³), 10⁻¹⁰ in Float50
// and 1/10⁶ exactly. The floor f (10⁻⁷ in double, 10⁻³⁵ in Float50, 0 exactly) keeps a gradient
// that is zero from turning rounding noise into a relative error of 1: it bounds the noise's share
// at about 10⁻⁶. Exactly, the quotient is the derivative itself wherever E is a polynomial of degree
// at most 4 in θₖ on [θₖ − 2h, θₖ + 2h] (identity layers; ReLU away from a kink). Near a ReLU kink
// (an input within 2h of 0) the difference straddles it and disagrees, as it should: there the
// derivative is a convention (ReLU′(0)).
#pragma once

#include <vector>

#include "showwork/nn/propagate.hpp"

namespace showwork::nn {

template <Scalar T>
struct GradientCheck {
    T step;                          // h
    std::vector<T> backpropagation;  // g, in the order of flatten()
    std::vector<T> difference;       // ĝ
    std::vector<T> relative_error;
    std::size_t worst = 0;           // the parameter of the largest relative error
    const T& largest_relative_error() const { return relative_error[worst]; }
};

// The parameters checked in a trace's table, before the worst one.
inline constexpr std::size_t max_checked_rows = 24;

template <Scalar T>
GradientCheck<T> check_gradient(const Network<T>& network, const Matrix<T>& X, const Matrix<T>& Y, Loss loss,
                                const T& relu_at_zero = T(0), trace::Trace* trace = nullptr);

#define SHOWWORK_GRADIENT_CHECK_INSTANCES(EXTERN, T)                                                           \
    EXTERN template GradientCheck<T> check_gradient(const Network<T>&, const Matrix<T>&, const Matrix<T>&, Loss, \
                                                    const T&, trace::Trace*);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_GRADIENT_CHECK_INSTANCES)

}  // namespace showwork::nn
