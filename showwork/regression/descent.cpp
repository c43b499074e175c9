#include "showwork/regression/descent.hpp"

#include <algorithm>

#include "showwork/matrix/decimal.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/regression/report.hpp"

namespace showwork::regression {

namespace {

using trace::Math;

// Designs up to this many entries are shown whole in a trace; the epochs table keeps this many rows.
constexpr std::size_t max_traced_entries = 240;
constexpr std::size_t max_table_rows = 25;
// The history among the results: every epoch of a run this short, else a sample of this many.
constexpr std::size_t max_history_rows = 200;

Math num(std::size_t n) { return trace::number(std::to_string(n)); }
using trace::symbol;
using trace::partial_fraction;  // ∂C/∂β
Math beta() { return symbol("beta"); }


// ‖g‖ from ‖g‖²: exactly, the root correctly rounded; in floating point, the scalar's root.
template <Scalar T>
Math norm_of(const T& squared, int digits) { return trace::number(root_text(squared, digits)); }

// The error vector e of a batch: eᵢ = xᵢᵀβ − yᵢ, one per example.
template <Scalar T>
Matrix<T> errors(const Design<T>& d, const Matrix<T>& b, const std::vector<std::size_t>& examples) {
    Matrix<T> e(examples.size(), 1);
    for (std::size_t k = 0; k < examples.size(); ++k) {
        const std::size_t i = examples[k];
        T s = -d.y(i, 0);
        for (std::size_t j = 0; j < d.X.cols(); ++j) s += d.X(i, j) * b(j, 0);
        e(k, 0) = s;
    }
    return e;
}

// C = c/m Σ eᵢ²  with c = 1/2 (half_mse) or 1 (mse): the factor before the mean.
template <Scalar T>
T loss_factor(Loss loss) { return loss == Loss::half_mse ? T(1) / 2 : T(1); }

// C in the notes' symbols, and its gradient.
Math loss_equation(Loss loss) {
    Math mean = loss == Loss::half_mse ? trace::fraction(trace::number("1"), trace::product({num(2), symbol("m")}, ""))
                                       : trace::fraction(trace::number("1"), symbol("m"));
    Math squares = trace::product({symbol("sum"), trace::power(trace::symbol("e", symbol("i")), num(2))}, "");
    return trace::equals(symbol("C"), trace::product({std::move(mean), std::move(squares)}, ""));
}

Math gradient_equation(Loss loss) {
    Math mean = loss == Loss::half_mse ? trace::fraction(trace::number("1"), symbol("m"))
                                       : trace::fraction(trace::number("2"), symbol("m"));
    Math Xt = trace::symbol("X", trace::empty(), trace::empty(), {.transpose = true});
    return trace::equals(partial_fraction(symbol("C"), beta()), trace::product({std::move(mean), Xt, symbol("e")}, ""));
}

template <Scalar T>
void record_start(const Design<T>& d, Loss loss, const DescentOptions<T>& o, std::size_t m, trace::Trace& trace) {
    if (d.X.size() + d.y.size() <= max_traced_entries)
        trace.add(trace::kind::design, "The design matrix X and the response Y; the errors are e = Xβ − Y.",
                  std::nullopt,
                  trace::list({trace::equals(symbol("X"), to_math(d.X)), trace::equals(symbol("Y"), to_math(d.y))}));
    const std::size_t B = o.batch == 0 ? m : o.batch;
    std::string how = B == m ? "full batch: one update per epoch on all " + std::to_string(m) + " examples"
                      : B == 1 ? "stochastic: one update per example, " + std::to_string(m) + " per epoch"
                               : "mini-batches of " + std::to_string(B) + ": " + std::to_string(batch_count(m, B)) +
                                     " updates per epoch" + (m % B ? ", the last batch of " + std::to_string(m % B) : "");
    trace.add(trace::kind::descent_loss,
              std::string("The loss ") + std::string(loss_name(loss)) + " and its gradient, m the batch's examples; " +
                  how + (B < m && o.shuffle ? ", shuffled each epoch (seed " + std::to_string(o.seed) + ")" : "") +
                  ". Start from β = 0 with learning rate " + scalar_text(o.rate) + ".",
              std::nullopt, trace::list({loss_equation(loss), gradient_equation(loss)}));
}

// One update written out as notes 003 writes it: the errors, the gradient, β ← β − η ∂C/∂β.
template <Scalar T>
void record_update(const Iteration<T>& it, const Matrix<T>& e, const T& rate, trace::Trace& trace) {
    trace::SubDerivation sub(&trace, trace::kind::descent_update, [&] {
        return "Update " + std::to_string(it.number) + " (epoch " + std::to_string(it.epoch) + ", batch " +
               std::to_string(it.batch) + ": example" + (it.examples.size() > 1 ? "s " : " ") +
               examples_text(it.examples) + ").";
    });
    trace.add(trace::kind::descent_errors, "The errors e = Xβ − Y on the batch, at the current β.", std::nullopt,
              trace::list({trace::equals(beta(), to_math(it.before)), trace::equals(symbol("e"), to_math(e)),
                           trace::equals(symbol("C"), to_math(it.step.loss))}));
    trace.add(trace::kind::descent_gradient, "The gradient on the batch.", std::nullopt,
              trace::equals(partial_fraction(symbol("C"), beta()), to_math(it.step.gradient)));
    Math update = trace::relation(beta(), trace::Rel::to,
                                  trace::sum({beta(), trace::negate(trace::product({symbol("eta"), partial_fraction(symbol("C"), beta())}, ""))}));
    trace.add(trace::kind::descent_step, "Step against the gradient, learning rate " + scalar_text(rate) + ".",
              std::move(update), trace::equals(beta(), to_math(it.after)));
    sub.conclude([&] { return trace::equals(beta(), to_math(it.after)); });
}

// The history's rows, at most max_rows of them: epoch, C and ‖∇C‖.
template <Scalar T>
std::vector<std::vector<Math>> history_rows(const Descent<T>& r, int digits, std::size_t max_rows) {
    std::vector<std::vector<Math>> rows;
    for (std::size_t k : sampled_epochs(r.run.loss.size(), max_rows))
        rows.push_back({trace::count(r.run.history_epochs[k]), to_math_decimal(r.run.loss[k], digits),
                        norm_of(r.run.gradient_norm_squared[k], digits)});
    return rows;
}

template <Scalar T>
void record_history(const Descent<T>& r, int digits, trace::Trace& trace) {
    trace.add(trace::kind::descent_history,
              "The loss and the gradient's norm on all the data, at the start and after each epoch (" +
                  thousands(r.run.epochs_run) + " run, stopped: " + std::string(stop_reason_name(r.run.stopped)) +
                  ")." + history_kept(r.run.history_epochs, r.run.epochs_run),
              std::nullopt,
              trace::table({trace::text("epoch"), symbol("C"), trace::norm(partial_fraction(symbol("C"), beta()))},
                           history_rows(r, digits, max_table_rows)));
}

template <Scalar T>
Math comparison_table(const Descent<T>& r, int digits) {
    std::vector<std::vector<Math>> rows;
    for (std::size_t j = 0; j < r.parameters.size(); ++j)
        rows.push_back({trace::text(r.parameters[j]), to_math_decimal(r.run.parameters(j, 0), digits),
                        to_math_decimal(r.closed_form(j, 0), digits), to_math_decimal(r.distance(j, 0), digits)});
    return trace::table({trace::empty(), trace::text("gradient descent"), trace::text("closed form"),
                         trace::text("distance")},
                        rows);
}

}  // namespace

std::string_view loss_name(Loss loss) { return loss == Loss::half_mse ? "half_mse" : "mse"; }

Loss parse_loss(std::string_view name) {
    if (name == "half_mse") return Loss::half_mse;
    if (name == "mse") return Loss::mse;
    throw InputError("unknown loss " + quoted_token(name) + ": half_mse (1/(2m) Σ eᵢ²) or mse (1/m Σ eᵢ²)");
}

// C = c/m Σ eᵢ² and ∂C/∂β = 2c/m Xᵀe over the batch (c = 1/2 or 1).
template <Scalar T>
LossGradient<T> linear_loss(const Design<T>& d, Loss loss, const Matrix<T>& b, const std::vector<std::size_t>& examples) {
    const Matrix<T> e = errors(d, b, examples);
    const T m = T(examples.size());
    const T c = loss_factor<T>(loss);
    T squares = 0;
    Matrix<T> g(d.X.cols(), 1);
    for (std::size_t k = 0; k < examples.size(); ++k) {
        squares += e(k, 0) * e(k, 0);
        for (std::size_t j = 0; j < d.X.cols(); ++j) g(j, 0) += e(k, 0) * d.X(examples[k], j);  // Σ eᵢ xᵢⱼ
    }
    const T scale = 2 * c / m;
    for (T& x : g.entries()) x *= scale;
    return {c * squares / m, std::move(g)};
}

template <Scalar T>
Descent<T> descend(const Design<T>& d, Loss loss, const DescentOptions<T>& options, trace::Trace* trace) {
    const std::size_t m = d.observations();
    check_descent_options(options, m);
    if (options.epochs > max_epochs)
        throw InputError("at most " + std::to_string(max_epochs) + " epochs, not " + std::to_string(options.epochs));
    if constexpr (ScalarTraits<T>::exact) {
        const std::size_t updates = options.epochs * batch_count(m, options.batch == 0 ? m : options.batch);
        if (updates > max_exact_updates)
            throw InputError(std::to_string(updates) + " exact updates asked for, at most " +
                             std::to_string(max_exact_updates) +
                             ": the iterates' digits grow with every update; use fewer epochs or --number double");
        const std::size_t per_epoch = m * d.parameter_count();
        if (options.epochs > max_exact_terms / per_epoch)
            throw InputError(std::to_string(options.epochs) + " exact epochs over " + std::to_string(m) + " × " +
                             std::to_string(d.parameter_count()) + " data asked for, at most " +
                             std::to_string(max_exact_terms / per_epoch) +
                             ": the iterates' digits grow with every update; use fewer epochs or --number double");
        check_exact_growth(options.rate, largest_digits<T>({&d.X, &d.y}), static_cast<double>(updates));
    }
    Descent<T> r;
    r.parameters = d.parameters;
    r.response = d.response;
    r.loss = loss;
    r.options = options;
    r.closed_form = fit(d).coefficients;  // first: a singular design is refused before the run

    if (trace) record_start(d, loss, options, m, *trace);
    std::function<void(const Iteration<T>&)> on_update;
    if (trace)
        on_update = [&](const Iteration<T>& it) {
            if (it.number <= traced_updates) record_update(it, errors(d, it.before, it.examples), options.rate, *trace);
        };
    auto objective = [&](const Matrix<T>& b, const std::vector<std::size_t>& examples) {
        return linear_loss(d, loss, b, examples);
    };
    r.run = gradient_descent(Matrix<T>(d.parameter_count(), 1), m, objective, options, on_update);
    r.distance = Matrix<T>(d.parameter_count(), 1);
    for (std::size_t j = 0; j < d.parameter_count(); ++j) {
        T diff = r.run.parameters(j, 0) - r.closed_form(j, 0);
        r.distance(j, 0) = diff < 0 ? T(-diff) : diff;
    }
    if (trace) {
        const int digits = 12;
        record_history(r, digits, *trace);
        trace->add(trace::kind::descent_comparison,
                   r.run.stopped == StopReason::diverged
                       ? "The run diverged: the loss grew without bound, so η is too large for these data. The closed form for comparison."
                       : "Gradient descent against the closed-form least-squares fit, coefficient by coefficient.",
                   std::nullopt, comparison_table(r, digits));
    }
    return r;
}

template <Scalar T>
std::vector<trace::Named> descent_results(const Descent<T>& r, int digits) {
    std::vector<Math> coefficients, closed, distance;
    for (std::size_t j = 0; j < r.parameters.size(); ++j) {
        coefficients.push_back(to_math(r.run.parameters(j, 0)));
        closed.push_back(to_math(r.closed_form(j, 0)));
        distance.push_back(to_math_decimal(r.distance(j, 0), digits));
    }
    return {
        {"comparison", comparison_table(r, digits)},
        {"coefficients", trace::list(std::move(coefficients))},
        {"closed_form", trace::list(std::move(closed))},
        {"closed_form_distance", trace::list(std::move(distance))},
        {"history", trace::table({trace::text("epoch"), trace::text("loss"), trace::text("gradient norm")},
                                 history_rows(r, digits, max_history_rows))},
        {"epochs_run", num(r.run.epochs_run)},
        {"updates", num(r.run.updates)},
        {"stopped_because", trace::text(std::string(stop_reason_name(r.run.stopped)))},
    };
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_REGRESSION_DESCENT_INSTANCES)

}  // namespace showwork::regression
