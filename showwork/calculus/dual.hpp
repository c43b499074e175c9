// Forward-mode dual numbers: a + b·ε with ε² = 0.
//
// Evaluating f at (x + ε) gives f(x) + f′(x)·ε, so the derivative comes out of ordinary
// arithmetic with no symbols and no step size: an independent check on the symbolic rules.
//
//   (a + a′ε)(b + b′ε) = ab + (a′b + ab′)ε          f(a + a′ε) = f(a) + f′(a)·a′ε
#pragma once

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <cmath>

#include "showwork/matrix/scalar.hpp"

namespace showwork::calculus {

template <Scalar T>
struct Dual {
    T value = T(0);
    T derivative = T(0);  // the coefficient of ε

    Dual() = default;
    Dual(T v, T d = T(0)) : value(std::move(v)), derivative(std::move(d)) {}
};

template <Scalar T> Dual<T> operator+(const Dual<T>& a, const Dual<T>& b) { return {a.value + b.value, a.derivative + b.derivative}; }
template <Scalar T> Dual<T> operator-(const Dual<T>& a, const Dual<T>& b) { return {a.value - b.value, a.derivative - b.derivative}; }
template <Scalar T> Dual<T> operator-(const Dual<T>& a) { return {-a.value, -a.derivative}; }
// (ab)′ = a′b + ab′
template <Scalar T> Dual<T> operator*(const Dual<T>& a, const Dual<T>& b) {
    return {a.value * b.value, a.derivative * b.value + a.value * b.derivative};
}
// (a/b)′ = (a′b − ab′)/b²
template <Scalar T> Dual<T> operator/(const Dual<T>& a, const Dual<T>& b) {
    return {a.value / b.value, (a.derivative * b.value - a.value * b.derivative) / (b.value * b.value)};
}

// f(a + a′ε) = f(a) + f′(a)·a′ε
template <Scalar T> Dual<T> exp(const Dual<T>& a) {
    using std::exp;
    T e = exp(a.value);
    return {e, e * a.derivative};
}
template <Scalar T> Dual<T> log(const Dual<T>& a) {
    using std::log;
    return {log(a.value), a.derivative / a.value};
}
template <Scalar T> Dual<T> sin(const Dual<T>& a) {
    using std::cos;
    using std::sin;
    return {sin(a.value), cos(a.value) * a.derivative};
}
template <Scalar T> Dual<T> cos(const Dual<T>& a) {
    using std::cos;
    using std::sin;
    return {cos(a.value), -sin(a.value) * a.derivative};
}
template <Scalar T> Dual<T> tan(const Dual<T>& a) {
    using std::cos;
    using std::tan;
    T c = cos(a.value);
    return {tan(a.value), a.derivative / (c * c)};
}
template <Scalar T> Dual<T> sinh(const Dual<T>& a) {
    using std::cosh;
    using std::sinh;
    return {sinh(a.value), cosh(a.value) * a.derivative};
}
template <Scalar T> Dual<T> cosh(const Dual<T>& a) {
    using std::cosh;
    using std::sinh;
    return {cosh(a.value), sinh(a.value) * a.derivative};
}
template <Scalar T> Dual<T> tanh(const Dual<T>& a) {
    using std::tanh;
    T t = tanh(a.value);
    return {t, (T(1) - t * t) * a.derivative};
}
// a^p for a constant p: p a^{p−1} a′
template <Scalar T> Dual<T> pow(const Dual<T>& a, const T& p) {
    using std::pow;
    return {pow(a.value, p), p * pow(a.value, p - T(1)) * a.derivative};
}

// max(a, b): the larger argument. At a tie a = b (a kink) each argument's derivative weighted by
// ReLU′ of its lead over the other, c = ReLU′(0) for both: c·(a′ + b′). So max(a, 0) and max(0, a)
// have ReLU(a)′ = c·a′, as backpropagation takes it, and max(a, −a) = |a| has 0.
template <Scalar T> Dual<T> max(const Dual<T>& a, const Dual<T>& b, const T& relu_at_zero) {
    if (a.value != b.value) return a.value > b.value ? a : b;
    return {a.value, relu_at_zero * (a.derivative + b.derivative)};
}
// ReLU(a) = max(a, 0), so ReLU′(0) = c for a′ = 1.
template <Scalar T> Dual<T> relu(const Dual<T>& a, const T& relu_at_zero) {
    return max(a, Dual<T>(T(0)), relu_at_zero);
}

template <Scalar T> const T& value_of(const Dual<T>& a) { return a.value; }

}  // namespace showwork::calculus
