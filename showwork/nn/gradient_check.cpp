#include "showwork/nn/gradient_check.hpp"

#include "showwork/matrix/to_math.hpp"

namespace showwork::nn {

namespace {

template <Scalar T>
T step_size() {
    if constexpr (ScalarTraits<T>::exact) return T(1) / 1'000'000;
    else if constexpr (std::is_same_v<T, double>) return 1e-3;
    else return T("1e-10");
}

template <Scalar T>
T relative_floor() {
    if constexpr (ScalarTraits<T>::exact) return T(0);
    else if constexpr (std::is_same_v<T, double>) return 1e-7;
    else return T("1e-35");
}

template <Scalar T>
T magnitude(const T& x) { return x < 0 ? T(-x) : x; }

// A relative error to 3 significant digits: an exact one is a fraction whose digits say nothing.
template <Scalar T>
std::string error_text(const T& error) {
    if constexpr (ScalarTraits<T>::exact) return decimal_text(error, 3);
    else return scalar_text(error);
}

template <Scalar T>
T loss_at(const Network<T>& network, const Matrix<T>& X, const Matrix<T>& Y, Loss loss) {
    ForwardPass<T> pass = forward(network, X);
    return loss_value(loss, pass.output(), Y, pass.Z.back());
}

}  // namespace

template <Scalar T>
GradientCheck<T> check_gradient(const Network<T>& network, const Matrix<T>& X, const Matrix<T>& Y, Loss loss,
                                const T& relu_at_zero, trace::Trace* trace) {
    GradientCheck<T> c;
    c.step = step_size<T>();
    const Backpropagation<T> bp = backpropagate(network, X, Y, loss, relu_at_zero);
    const Matrix<T> g = flatten(bp.gradients);
    const T& E = bp.loss;
    Matrix<T> theta = flatten(network);
    Network<T> moved = network;
    for (std::size_t k = 0; k < theta.rows(); ++k) {
        const T original = theta(k, 0);
        auto loss_moved = [&](int steps) {  // E(θ + steps·h eₖ)
            theta(k, 0) = original + T(steps) * c.step;
            unflatten(theta, moved);
            return loss_at(moved, X, Y, loss);
        };
        const T estimate = (-loss_moved(2) + 8 * loss_moved(1) - 8 * loss_moved(-1) + loss_moved(-2)) / (12 * c.step);
        theta(k, 0) = original;
        T scale = magnitude(g(k, 0));
        if (magnitude(estimate) > scale) scale = magnitude(estimate);
        const T floor = relative_floor<T>() * (magnitude(E) > 1 ? magnitude(E) : T(1));
        if (floor > scale) scale = floor;
        const T error = scale == 0 ? T(0) : T(magnitude(T(g(k, 0) - estimate)) / scale);
        c.backpropagation.push_back(g(k, 0));
        c.difference.push_back(estimate);
        c.relative_error.push_back(error);
        if (error > c.relative_error[c.worst]) c.worst = k;
    }
    unflatten(theta, moved);
    if (trace && !c.relative_error.empty()) {
        std::vector<std::vector<trace::Math>> rows;
        auto row = [&](std::size_t k) {
            rows.push_back({trace::text(parameter_name(network, k)), to_math(c.backpropagation[k]),
                            to_math(c.difference[k]), trace::number(error_text(c.relative_error[k]))});
        };
        for (std::size_t k = 0; k < c.relative_error.size() && k < max_checked_rows; ++k) row(k);
        if (c.worst >= max_checked_rows) row(c.worst);
        trace->add(trace::kind::gradient_check,
                   "Every parameter θₖ moved by ±h and ±2h, h = " + scalar_text(c.step) +
                       ": backpropagation against the five-point difference (−E(θ + 2h) + 8E(θ + h) − 8E(θ − h) + "
                       "E(θ − 2h))/12h. " +
                       (c.largest_relative_error() == 0
                            ? std::string("Every relative error is 0")
                            : "The largest relative error is " + error_text(c.largest_relative_error()) + ", at " +
                                  parameter_name(network, c.worst)) +
                       (c.relative_error.size() > max_checked_rows ? " (the first " + std::to_string(max_checked_rows) +
                                                                         " parameters of " +
                                                                         std::to_string(c.relative_error.size()) +
                                                                         " shown, and the worst)."
                                                                   : "."),
                   std::nullopt,
                   trace::table({trace::text("parameter"), trace::text("backpropagation"),
                                 trace::text("finite difference"), trace::text("relative error")},
                                rows));
    }
    return c;
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_GRADIENT_CHECK_INSTANCES)

}  // namespace showwork::nn
