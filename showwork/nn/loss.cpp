#include "showwork/nn/loss.hpp"

#include <cmath>

#include "showwork/error.hpp"
#include "showwork/matrix/arithmetic.hpp"

namespace showwork::nn {

namespace {

using trace::Math;
using trace::symbol;
Math num(std::string n) { return trace::number(std::move(n)); }

// 1/m Σᵢ Σⱼ with the notes' limits
Math mean_of_sums(Math coefficient, Math term) {
    Math sum_i = trace::symbol("sum", symbol("i"));
    Math sum_j = trace::symbol("sum", symbol("j"));
    return trace::product({std::move(coefficient), sum_i, sum_j, std::move(term)}, "");
}

}  // namespace

std::string_view loss_name(Loss loss) {
    switch (loss) {
        case Loss::mse: return "mse";
        case Loss::half_mse: return "half_mse";
        case Loss::cross_entropy: return "cross_entropy";
    }
    return "";
}

std::string_view loss_title(Loss loss) {
    switch (loss) {
        case Loss::mse: return "the mean squared error";
        case Loss::half_mse: return "half the mean squared error";
        case Loss::cross_entropy: return "the cross-entropy";
    }
    return "";
}

Loss parse_loss(std::string_view name) {
    for (Loss loss : {Loss::mse, Loss::half_mse, Loss::cross_entropy})
        if (loss_name(loss) == name) return loss;
    throw InputError("unknown loss " + quoted_token(name) + ": the losses are mse, half_mse and cross_entropy");
}

Math loss_math(Loss loss) {
    Math a_minus_y = trace::power(trace::group(trace::sum({trace::symbol("a", symbol("ij")),
                                                           trace::negate(trace::symbol("y", symbol("ij")))})),
                                  num("2"));
    switch (loss) {
        case Loss::mse: return trace::equals(symbol("E"), mean_of_sums(trace::fraction(num("1"), symbol("m")), a_minus_y));
        case Loss::half_mse:
            return trace::equals(symbol("E"), mean_of_sums(trace::fraction(num("1"), trace::product({num("2"), symbol("m")}, "")),
                                                        a_minus_y));
        case Loss::cross_entropy:
            return trace::equals(symbol("E"), trace::negate(mean_of_sums(
                                               trace::fraction(num("1"), symbol("m")),
                                               trace::product({trace::symbol("y", symbol("ij")),
                                                               trace::apply("ln", {trace::symbol("a", symbol("ij"))})},
                                                              ""))));
    }
    return symbol("E");
}

Math loss_derivative_math(Loss loss) {
    Math A = layer_symbol("A", "L");
    Math Y = trace::bold("Y");
    Math difference = trace::group(trace::sum({A, trace::negate(Y)}));
    Math partial_L = layer_error("L");
    switch (loss) {
        case Loss::mse:
            return trace::equals(partial_L, trace::product({trace::fraction(num("2"), symbol("m")), difference}, ""));
        case Loss::half_mse:
            return trace::equals(partial_L, trace::product({trace::fraction(num("1"), symbol("m")), difference}, ""));
        case Loss::cross_entropy: {
            Math dZ = trace::partial_fraction(symbol("E"), layer_symbol("Z", "L"));
            return trace::equals(dZ, trace::product({trace::fraction(num("1"), symbol("m")), difference}, ""));
        }
    }
    return partial_L;
}

template <Scalar T>
void check_loss(Loss loss, const Network<T>& network) {
    if (loss != Loss::cross_entropy) return;
    if constexpr (ScalarTraits<T>::exact)
        throw InputError("cross_entropy takes logarithms, so an exact run cannot compute it; use mse or half_mse, "
                         "or --number double or float50");
    if (network.layers.empty() || network.layers.back().h != Activation::softmax)
        throw InputError("cross_entropy needs a softmax output layer (its rows are then probabilities); the output "
                         "layer's activation is " +
                         std::string(activation_name(network.layers.empty() ? Activation::identity
                                                                            : network.layers.back().h)));
}

template <Scalar T>
T loss_value(Loss loss, const Matrix<T>& A, const Matrix<T>& Y, const Matrix<T>& Z) {
    require_same_shape("compare the output with the targets", A.rows(), A.cols(), Y.rows(), Y.cols());
    const T m = T(A.rows());
    if (loss == Loss::cross_entropy) {
        if constexpr (ScalarTraits<T>::exact) {
            throw InputError("cross_entropy cannot be computed exactly");
        } else {
            using std::exp;
            using std::log;
            // −Σⱼ yᵢⱼ ln aᵢⱼ with ln aᵢⱼ = zᵢⱼ − max − ln Σₖ e^{zᵢₖ − max}
            T total = 0;
            for (std::size_t i = 0; i < Z.rows(); ++i) {
                std::span<const T> z = Z.row_view(i);
                T largest = z[0];
                for (const T& x : z) largest = x > largest ? x : largest;
                T s = 0;
                for (const T& x : z) s += T(exp(x - largest));
                const T log_sum = T(log(s)) + largest;
                for (std::size_t j = 0; j < z.size(); ++j)
                    if (Y(i, j) != 0) total -= Y(i, j) * (z[j] - log_sum);
            }
            return total / m;
        }
    }
    T total = 0;
    for (std::size_t k = 0; k < A.size(); ++k) {
        const T e = A.entries()[k] - Y.entries()[k];
        total += e * e;
    }
    return loss == Loss::half_mse ? T(total / (2 * m)) : T(total / m);
}

template <Scalar T>
void loss_derivative_into(Loss loss, const Matrix<T>& A, const Matrix<T>& Y, Matrix<T>& D) {
    require_same_shape("compare the output with the targets", A.rows(), A.cols(), Y.rows(), Y.cols());
    const T m = T(A.rows());
    D.reshape_for_overwrite(A.rows(), A.cols());
    auto a = A.entries(), y = Y.entries();
    auto d = D.entries();
    for (std::size_t k = 0; k < d.size(); ++k) {
        switch (loss) {
            case Loss::mse: d[k] = 2 * (a[k] - y[k]) / m; break;
            case Loss::half_mse: d[k] = (a[k] - y[k]) / m; break;
            case Loss::cross_entropy: d[k] = y[k] == 0 ? T(0) : T(-y[k] / (a[k] * m)); break;
        }
    }
}

template <Scalar T>
Matrix<T> loss_derivative(Loss loss, const Matrix<T>& A, const Matrix<T>& Y) {
    Matrix<T> D;
    loss_derivative_into(loss, A, Y, D);
    return D;
}

template <Scalar T>
Matrix<T> one_hot(const Matrix<T>& labels, std::size_t classes) {
    if (labels.cols() != 1) throw ShapeError("class labels must be one column, not " + labels.shape());
    Matrix<T> Y(labels.rows(), classes);
    for (std::size_t i = 0; i < labels.rows(); ++i) {
        const T& c = labels(i, 0);
        long long k = -1;
        if (c >= 0 && c < T(classes)) {
            k = static_cast<long long>(scalar_cast<double>(c));
            if (T(k) != c) k = -1;
        }
        if (k < 0)
            throw InputError("example " + std::to_string(i + 1) + ": the label " + shown(scalar_text(c)) +
                             " is not a class: the output layer has " + std::to_string(classes) +
                             " neurons, so the classes are 0 to " + std::to_string(classes - 1));
        Y(i, static_cast<std::size_t>(k)) = 1;
    }
    return Y;
}

template <Scalar T>
double accuracy(const Matrix<T>& A, const Matrix<T>& Y) {
    require_same_shape("compare the output with the targets", A.rows(), A.cols(), Y.rows(), Y.cols());
    if (A.rows() == 0) return 0;
    auto largest = [](std::span<const T> row) {
        std::size_t best = 0;
        for (std::size_t j = 1; j < row.size(); ++j)
            if (row[j] > row[best]) best = j;
        return best;
    };
    std::size_t right = 0;
    for (std::size_t i = 0; i < A.rows(); ++i) right += largest(A.row_view(i)) == largest(Y.row_view(i));
    return static_cast<double>(right) / static_cast<double>(A.rows());
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_LOSS_INSTANCES)

}  // namespace showwork::nn
