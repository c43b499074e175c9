// Gradient descent and its stochastic and mini-batch forms (notes 003 §3.5–3.8): one driver over
// a parameter vector θ, for regression and networks alike.
//
//   θ ← θ − η ∇C_batch(θ)          one update per batch; η the learning rate
//   B = 0 or B = m: full batch     B = 1: stochastic          1 < B < m: mini-batch
//   an epoch is ⌈m/B⌉ batches, the last one partly full when B does not divide m
//
// The model is a function objective(θ, examples) -> {C, ∇C} on a batch of example indices.
// Shuffling draws from splitmix64 and a Fisher–Yates shuffle written here, so that a seed gives
// the same batches on every platform (std::shuffle's output is implementation-defined).
// With T = Rational and a rational η every iterate is exact.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "showwork/error.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/cost.hpp"

namespace showwork {

// ⌈m/B⌉, the batches of one epoch (B = 0 means one batch of all m). Notes 003 says 8,333 for
// m = 1,000,000 and B = 120; it is 8,334: 8,333 full batches and one of 40 (DESIGN.md, errata).
std::size_t batch_count(std::size_t m, std::size_t B);
// The size of batch k (0-based) of an epoch: B, or what is left for the last one.
std::size_t batch_size(std::size_t m, std::size_t B, std::size_t k);

// splitmix64 (Steele, Lea, Flood 2014): a tiny generator whose output is fixed by its seed.
struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next();
    // Uniform on 0 … n−1 (n ≥ 1), by rejection: no modulo bias.
    std::uint64_t below(std::uint64_t n);
};

// Fisher–Yates: every permutation of `order` equally likely, from the generator.
void shuffle(std::vector<std::size_t>& order, SplitMix64& generator);

// Which of `points` history entries (epoch 0, 1, …) a table of at most `rows` rows shows: all of a
// short run; else the first ten, evenly spaced ones, and the last.
std::vector<std::size_t> sampled_epochs(std::size_t points, std::size_t rows);

// "1, 2, 3": a batch's examples, 1-based, the first twelve and "…" after them (trace sentences).
std::string examples_text(const std::vector<std::size_t>& examples);

// A run keeps C and ‖∇C‖² at about this many epochs, evenly spaced: every epoch of a run up to
// this long, else every s-th (s = ⌈epochs/points⌉) and the last, so that ten million epochs keep
// 100,001 values, not ten million (DescentResult::history_epochs says which).
inline constexpr std::size_t max_history_points = 100'000;
// s, the epochs between two kept ones: 1 when `points` is 0 (keep every epoch).
std::size_t history_stride(std::size_t epochs, std::size_t points);

// "" when every epoch of a run of `epochs_run` is kept; else the sentence that says which are:
// " The history keeps every 100th epoch and the last: 100,001 of 10,000,001 values."
std::string history_kept(const std::vector<std::size_t>& history_epochs, std::size_t epochs_run);

// When to stop before the last epoch: never, when ‖∇C‖ ≤ tolerance, or when C ≤ tolerance
// (C and ∇C on the whole data set, at the end of an epoch).
enum class StopRule { none, gradient_norm, loss };

template <Scalar T>
struct DescentOptions {
    T rate = T(1) / 100;          // η
    std::size_t epochs = 100;
    std::size_t batch = 0;        // 0 or m: full batch; 1: SGD; B: mini-batch
    bool shuffle = true;          // reshuffle the examples each epoch (only when batches are smaller than m)
    std::uint64_t seed = 0;
    StopRule stop = StopRule::none;
    T tolerance = T(0);
    std::size_t history_points = max_history_points;  // 0: keep every epoch
};

// Why a run ended.
enum class StopReason { epochs, gradient_norm, loss, diverged };
std::string_view stop_reason_name(StopReason reason);  // "epochs", "gradient_norm", "loss", "diverged"

// The loss on a batch and its gradient (the shape of θ).
template <Scalar T>
struct LossGradient {
    T loss;
    Matrix<T> gradient;
};

// One update, for the callback: θ before it, the batch, ∇C on the batch, θ after it.
template <Scalar T>
struct Iteration {
    std::size_t number;  // 1, 2, … over the whole run
    std::size_t epoch;   // 1-based
    std::size_t batch;   // 1-based within the epoch
    const std::vector<std::size_t>& examples;
    const Matrix<T>& before;
    const LossGradient<T>& step;  // C and ∇C on the batch, at `before`
    const Matrix<T>& after;
};

template <Scalar T>
struct DescentResult {
    Matrix<T> parameters;
    std::vector<T> loss;                   // C on all the data: before the first epoch, then after each kept one
    std::vector<T> gradient_norm_squared;  // ‖∇C‖², the same points
    std::vector<std::size_t> history_epochs;  // their epochs: 0, s, 2s, … and the last run
    std::size_t epochs_run = 0;
    std::size_t updates = 0;
    StopReason stopped = StopReason::epochs;
};

// Throws InputError for η ≤ 0, no epochs, a batch larger than m, or m = 0.
template <Scalar T>
void check_descent_options(const DescentOptions<T>& options, std::size_t m);

namespace descent_detail {

template <Scalar T>
T squared_norm(const Matrix<T>& g) {
    T s = 0;
    for (const T& x : g.entries()) s += x * x;
    return s;
}

}  // namespace descent_detail

// An exact run's iterates grow with every update by about the digits of η and of the data (each
// update multiplies their denominators by η's and the data's, and adds their numerators' sizes):
// the most digits the iterates may reach, updates × growth, before the work is refused.
inline constexpr double max_exact_iterate_digits = 50'000;

// Throws InputError, naming η's digits and the estimate, when `updates` updates of an exact run
// with learning rate `rate` on data whose largest entry has `data_digits` digits would grow the
// iterates past max_exact_iterate_digits (η = 10⁻⁴⁰⁰⁰ adds 4,000 digits an update). No-op in
// floating point, whose numbers do not grow.
template <Scalar T>
void check_exact_growth(const T& rate, std::size_t data_digits, double updates) {
    if constexpr (ScalarTraits<T>::exact) {
        const std::size_t growth = rational_digits(rate) + data_digits;
        const double reached = updates * static_cast<double>(growth);
        if (reached > max_exact_iterate_digits) {
            auto count = [](double x) { return thousands(static_cast<std::size_t>(x)); };
            throw InputError("an exact run of " + count(updates) + " updates with the learning rate's " +
                             thousands(rational_digits(rate)) + " digits and the data's " + thousands(data_digits) +
                             " grows its iterates by about " + thousands(growth) + " digits an update, to " +
                             count(reached) + ": more than the " + count(max_exact_iterate_digits) +
                             " an exact run may reach");
        }
    }
}

// Watches an exact run's iterates as they grow, and refuses the run once their course leads past
// max_exact_iterate_digits. check_exact_growth's estimate holds for a linear model, whose digits grow
// by about the same amount each update (d_k − d_{k−1} ≈ Δ); a network's weights multiply each other,
// so Δ itself grows, by a factor q a update (3 for the 2-2-1 XOR network: 7, 19, 52, 152, … digits).
// After update k, with d_k the most digits of an entry of θ:
//   four growing steps, each at least 1.2 times the one before: geometric, d_N ≈ d_k + Δ_k (q + … + q^{N−k})
//   otherwise: linear at the mean step so far, d_N ≈ d_k + (N − k)(d_k − d_0)/k
// The measurement costs a bit count per parameter; the first updates, with small numbers, decide.
class ExactGrowthWatch {
public:
    explicit ExactGrowthWatch(double planned_updates) : planned_(planned_updates) {}
    // Throws InputError when θ after update `update` is on course past the limit.
    void observe(std::size_t digits, std::size_t update);

private:
    double planned_;
    std::vector<double> steps_;  // Δ_k, the last four
    double first_ = 0, last_ = 0;  // d_0 and d_{k−1}
};

// The most digits of an entry of the matrices, numerator and denominator together.
template <Scalar T>
std::size_t largest_digits(std::initializer_list<const Matrix<T>*> matrices) {
    std::size_t most = 0;
    if constexpr (ScalarTraits<T>::exact) {
        for (const Matrix<T>* M : matrices)
            for (const T& x : M->entries()) most = std::max(most, rational_digits(x));
    }
    return most;
}

// A diverged run whose loss was not finite before any update: the start overflowed, not the steps.
template <Scalar T>
bool diverged_at_start(const DescentResult<T>& r) {
    return r.stopped == StopReason::diverged && r.epochs_run == 0;
}

// Runs gradient descent from θ₀ on m examples. `objective(θ, examples)` gives C and ∇C on those
// examples; `on_update` (optional) sees every update, `on_kept` each epoch whose C is kept in the
// history (after the objective scored it on all the data). A floating run whose loss becomes inf or NaN,
// or grows past 10¹² times where it started, stops as `diverged`; an exact run whose iterates are on
// course past max_exact_iterate_digits is refused (ExactGrowthWatch).
template <Scalar T, class Objective>
DescentResult<T> gradient_descent(Matrix<T> theta, std::size_t m, Objective&& objective,
                                  const DescentOptions<T>& options,
                                  const std::function<void(const Iteration<std::type_identity_t<T>>&)>& on_update = {},
                                  const std::function<void()>& on_kept = {}) {
    using descent_detail::squared_norm;
    check_descent_options(options, m);
    const std::size_t B = options.batch == 0 ? m : options.batch;
    const std::size_t batches = batch_count(m, B);
    std::vector<std::size_t> all(m), order(m);
    for (std::size_t i = 0; i < m; ++i) all[i] = order[i] = i;
    SplitMix64 generator{options.seed};

    DescentResult<T> r;
    // C and ∇C on all the data at the current θ: a full-batch epoch's update starts from them
    // (its one batch is all the examples, in order), so the objective runs once per epoch, not twice.
    LossGradient<T> whole;
    const std::size_t stride = history_stride(options.epochs, options.history_points);
    auto stops = [&](const T& C, const T& g2) {  // and says why in r.stopped
        const T tol = options.tolerance;
        const T& C0 = r.loss.empty() ? C : r.loss.front();
        if (!is_finite(C) || !is_finite(g2) || (C0 > 0 && C > C0 * T(1e12))) r.stopped = StopReason::diverged;
        else if (options.stop == StopRule::gradient_norm && g2 <= tol * tol) r.stopped = StopReason::gradient_norm;
        else if (options.stop == StopRule::loss && C <= tol) r.stopped = StopReason::loss;
        else return false;
        return true;
    };
    auto record = [&](std::size_t epoch) {  // C and ‖∇C‖² on all the data; true when the run must stop
        whole = objective(theta, all);
        T g2 = squared_norm(whole.gradient);
        const bool stop = stops(whole.loss, g2);
        if (stop || epoch % stride == 0 || epoch == options.epochs) {
            r.loss.push_back(whole.loss);
            r.gradient_norm_squared.push_back(std::move(g2));
            r.history_epochs.push_back(epoch);
            if (on_kept) on_kept();
        }
        return stop;
    };
    if (record(0)) {
        r.parameters = std::move(theta);
        return r;
    }
    ExactGrowthWatch growth(static_cast<double>(options.epochs) * static_cast<double>(batches));
    if constexpr (ScalarTraits<T>::exact) growth.observe(largest_digits<T>({&theta}), 0);
    std::vector<std::size_t> examples;
    for (std::size_t epoch = 1; epoch <= options.epochs; ++epoch) {
        if (options.shuffle && B < m) shuffle(order, generator);
        for (std::size_t k = 0; k < batches; ++k) {
            examples.assign(order.begin() + k * B, order.begin() + k * B + batch_size(m, B, k));
            LossGradient<T> step = B == m ? std::move(whole) : objective(theta, examples);
            Matrix<T> next = theta - options.rate * step.gradient;  // θ ← θ − η ∇C
            ++r.updates;
            if (on_update) on_update(Iteration<T>{r.updates, epoch, k + 1, examples, theta, step, next});
            theta = std::move(next);
            if constexpr (ScalarTraits<T>::exact) growth.observe(largest_digits<T>({&theta}), r.updates);
        }
        r.epochs_run = epoch;
        if (record(epoch)) break;
    }
    r.parameters = std::move(theta);
    return r;
}

#define SHOWWORK_DESCENT_INSTANCES(EXTERN, T) \
    EXTERN template void check_descent_options(const DescentOptions<T>&, std::size_t);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_DESCENT_INSTANCES)

}  // namespace showwork
