// Training by gradient descent (notes 003 §3.5–3.8), through the one driver in solvers/:
// θ = flatten(network), and the objective on a batch is backpropagation on the batch's rows.
//
//   W^{[l]} ← W^{[l]} − α ∂E/∂W^{[l]}      b^{[l]} ← b^{[l]} − α ∂E/∂b^{[l]}      (notes 002)
//
// Full batch, SGD and mini-batches, epochs, shuffling from a seed, and stopping at a loss, are the
// driver's (DescentOptions). The history holds the loss on the whole training set before the first
// epoch and after each (epochs + 1 values), with the accuracy for classification and the loss
// and accuracy on a test set when one is given.
#pragma once

#include <functional>
#include <optional>

#include "showwork/nn/propagate.hpp"
#include "showwork/solvers/gradient_descent.hpp"

namespace showwork::nn {

// An exact run may make at most this many updates, and this many multiply-adds (updates × m ×
// parameters): the digits of the weights' fractions grow with every update.
inline constexpr std::size_t max_exact_updates = 1'000;
inline constexpr std::size_t max_exact_work = 20'000'000;
// The most epochs any run may ask for.
inline constexpr std::size_t max_epochs = 10'000'000;
// Updates written out in full in a trace (within the epochs asked for), and rows of the history table.
inline constexpr std::size_t max_traced_updates = 8;
inline constexpr std::size_t max_history_rows = 25;

template <Scalar T>
struct TrainOptions {
    DescentOptions<T> descent;
    Loss loss = Loss::mse;
    T relu_at_zero = 0;
    std::size_t traced_epochs = 1;  // epochs whose updates a trace writes out in full
    bool classification = false;    // record the accuracy (the largest output against the target's)
    // A test set, scored after each epoch (empty: none).
    Matrix<T> test_X, test_Y;
    // Called after each epoch with the epoch and the training loss (a progress line).
    std::function<void(std::size_t epoch, const T& loss)> progress;
};

template <Scalar T>
struct Training {
    Network<T> network;                // the trained network
    DescentResult<T> run;              // loss per epoch, epochs run, why it stopped
    std::vector<double> accuracy;      // classification: the same points as run.loss
    std::vector<T> test_loss;          // with a test set: the same points
    std::vector<double> test_accuracy;
};

// Throws InputError for bad options (a rate that is not positive, a batch larger than m, no
// epochs), shapes that do not match, and an exact run beyond the limits above. A floating run whose
// loss becomes infinite or NaN stops as `diverged`; the caller says so.
template <Scalar T>
Training<T> train(Network<T> start, const Matrix<T>& X, const Matrix<T>& Y, const TrainOptions<T>& options,
                  trace::Trace* trace = nullptr);

#define SHOWWORK_TRAIN_INSTANCES(EXTERN, T)                                                                  \
    EXTERN template Training<T> train(Network<T>, const Matrix<T>&, const Matrix<T>&, const TrainOptions<T>&, \
                                      trace::Trace*);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_TRAIN_INSTANCES)

}  // namespace showwork::nn
