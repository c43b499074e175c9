// Linear regression by gradient descent (notes 003 §3.5–3.8, notes 001 §4–5), beside the
// closed-form least-squares fit it approaches.
//
//   eᵢ = wᵀxᵢ + b − yᵢ                   the error of example i (β = (b, w) over the design's columns)
//   half_mse  C = 1/(2m) Σ eᵢ²           ∂C/∂w = 1/m Σ eᵢ xᵢ,   ∂C/∂b = 1/m Σ eᵢ      (notes 003)
//   mse       C = 1/m Σ eᵢ²              the same gradients times 2                   (notes 001)
//   β ← β − η ∂C/∂β, one update per batch; in matrices ∂C/∂β = 1/m Xᵀe (half_mse)
//
// The sums run over a batch's examples, m its size. The result is compared with β̂ of
// regression::fit, coefficient by coefficient.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "showwork/regression/fit.hpp"
#include "showwork/solvers/gradient_descent.hpp"

namespace showwork::regression {

enum class Loss { half_mse, mse };
std::string_view loss_name(Loss loss);     // "half_mse", "mse"
Loss parse_loss(std::string_view name);    // InputError if unknown

// The most updates an exact run may make: every update multiplies the iterates' denominators
// by those of η/m and of the data, so their digits grow linearly with the updates and the work
// of the run quadratically (README, "Gradient descent").
inline constexpr std::size_t max_exact_updates = 2'000;
// And at most this many products eᵢ xᵢⱼ over the run (epochs × m × p, each epoch passing over the
// data once for its updates and once for its loss), so that a large data set runs few epochs.
inline constexpr std::size_t max_exact_terms = 500'000;
// The most epochs any run may ask for.
inline constexpr std::size_t max_epochs = 10'000'000;

// How many updates are written out in full in a trace, before the table of epochs.
inline constexpr std::size_t traced_updates = 2;

template <Scalar T>
struct Descent {
    std::vector<std::string> parameters;
    std::string response;
    Loss loss = Loss::half_mse;
    DescentOptions<T> options;
    DescentResult<T> run;
    Matrix<T> closed_form;  // β̂ by least squares (regression::fit)
    Matrix<T> distance;     // |βⱼ − β̂ⱼ| per coefficient
};

// C and ∂C/∂β of the model β on the given examples (rows of the design).
template <Scalar T>
LossGradient<T> linear_loss(const Design<T>& design, Loss loss, const Matrix<T>& beta,
                            const std::vector<std::size_t>& examples);

// Gradient descent from β = 0. Throws InputError for bad options, and for an exact run of more
// than max_exact_updates updates. With a sink: the loss and its gradient, the first
// traced_updates updates in full, a table of epochs, and the distance to the closed form.
template <Scalar T>
Descent<T> descend(const Design<T>& design, Loss loss, const DescentOptions<T>& options,
                   trace::Trace* trace = nullptr);

// comparison, coefficients, closed_form, closed_form_distance, history (epoch, loss, gradient norm),
// epochs_run, updates, stopped_because: the JSON fields of the descend command.
template <Scalar T>
std::vector<trace::Named> descent_results(const Descent<T>& descent, int digits);

#define SHOWWORK_REGRESSION_DESCENT_INSTANCES(EXTERN, T)                                                     \
    EXTERN template LossGradient<T> linear_loss(const Design<T>&, Loss, const Matrix<T>&,                    \
                                                const std::vector<std::size_t>&);                            \
    EXTERN template Descent<T> descend(const Design<T>&, Loss, const DescentOptions<T>&, trace::Trace*);     \
    EXTERN template std::vector<trace::Named> descent_results(const Descent<T>&, int);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_REGRESSION_DESCENT_INSTANCES)

}  // namespace showwork::regression
