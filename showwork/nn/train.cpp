#include "showwork/nn/train.hpp"

#include "showwork/error.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/decimal.hpp"
#include "showwork/matrix/to_math.hpp"

namespace showwork::nn {

using trace::Math;

namespace {

using trace::symbol;
using trace::partial_fraction;
// An exact loss as a decimal of 12 digits, a floating one as it is.
template <Scalar T>
Math approx(const T& x) { return to_math_decimal(x, 12); }
Math percent(double share) { return trace::number(fmt::format("{:.2f}", 100 * share)); }

template <Scalar T>
void check_shapes(const Network<T>& network, const Matrix<T>& X, const Matrix<T>& Y, std::string_view what) {
    if (X.cols() != network.inputs())
        throw InputError(std::string(what) + " has " + std::to_string(X.cols()) + " input columns but the network's first layer takes " +
                         std::to_string(network.inputs()));
    if (Y.cols() != network.outputs())
        throw InputError(std::string(what) + " has " + std::to_string(Y.cols()) + " target columns but the network's output layer has " +
                         std::to_string(network.outputs()) + " neurons");
    if (Y.rows() != X.rows())
        throw InputError(std::string(what) + ": " + std::to_string(X.rows()) + " inputs but " + std::to_string(Y.rows()) + " targets");
}

// One update written out: backpropagation on the batch, then W ← W − α ∂E/∂W for every layer.
template <Scalar T>
void record_update(const Iteration<T>& it, const Network<T>& shape, const Matrix<T>& X, const Matrix<T>& Y,
                   const TrainOptions<T>& o, trace::Trace& trace) {
    trace::SubDerivation sub(&trace, trace::kind::training_update, [&] {
        return "Update " + std::to_string(it.number) + " (epoch " + std::to_string(it.epoch) + ", batch " +
               std::to_string(it.batch) + ": example" + (it.examples.size() > 1 ? "s " : " ") +
               examples_text(it.examples) + ").";
    });
    if (!sub) return;
    Network<T> before = shape, after = shape;
    unflatten(it.before, before);
    unflatten(it.after, after);
    const bool all = it.examples.size() == X.rows();
    const Matrix<T> Xb = all ? X : gather_rows(X, it.examples), Yb = all ? Y : gather_rows(Y, it.examples);
    backpropagate(before, Xb, Yb, o.loss, o.relu_at_zero, &trace);
    for (std::size_t l = 1; l <= before.depth(); ++l) {
        Math W = layer_symbol("W", l), b = layer_symbol("b", l);
        Math alpha = symbol("alpha");
        trace.add(trace::kind::layer_update,
                  "Step layer " + std::to_string(l) + " against its gradient, learning rate α = " +
                      scalar_text(o.descent.rate) + ".",
                  trace::list({trace::relation(W, trace::Rel::to,
                                               trace::sum({W, trace::negate(trace::product({alpha, partial_fraction(symbol("E"), W)}, ""))})),
                               trace::relation(b, trace::Rel::to,
                                               trace::sum({b, trace::negate(trace::product({alpha, partial_fraction(symbol("E"), b)}, ""))}))}),
                  trace::list({shaped(W, after.layers[l - 1].W), shaped(b, after.layers[l - 1].b)}));
    }
}

template <Scalar T>
void record_history(const Training<T>& r, const TrainOptions<T>& o, trace::Trace& trace) {
    std::vector<Math> header{trace::text("epoch"), trace::text("loss")};
    if (o.classification) header.push_back(trace::text("accuracy %"));
    if (!r.test_loss.empty()) header.push_back(trace::text("test loss"));
    if (!r.test_accuracy.empty()) header.push_back(trace::text("test accuracy %"));
    std::vector<std::vector<Math>> rows;
    for (std::size_t k : sampled_epochs(r.run.loss.size(), max_history_rows)) {
        std::vector<Math> row{trace::count(r.run.history_epochs[k]), approx(r.run.loss[k])};
        if (o.classification) row.push_back(percent(r.accuracy[k]));
        if (!r.test_loss.empty()) row.push_back(approx(r.test_loss[k]));
        if (!r.test_accuracy.empty()) row.push_back(percent(r.test_accuracy[k]));
        rows.push_back(std::move(row));
    }
    trace.add(trace::kind::training_history,
              "The loss (" + std::string(loss_title(o.loss)) + ") on all the training examples, before training and after each epoch (" + thousands(r.run.epochs_run) +
                  " run, stopped: " + std::string(stop_reason_name(r.run.stopped)) + ")." + history_kept(r.run.history_epochs, r.run.epochs_run),
              std::nullopt, trace::table(std::move(header), rows));
}

}  // namespace

template <Scalar T>
Training<T> train(Network<T> start, const Matrix<T>& X, const Matrix<T>& Y, const TrainOptions<T>& o,
                  trace::Trace* trace) {
    check_network(start);
    check_loss(o.loss, start);
    check_shapes(start, X, Y, "the training set");
    const bool test = !o.test_X.empty();
    if (test) check_shapes(start, o.test_X, o.test_Y, "the test set");
    const std::size_t m = X.rows();
    check_descent_options(o.descent, m);
    if (o.descent.epochs > max_epochs)
        throw InputError("at most " + std::to_string(max_epochs) + " epochs, not " + std::to_string(o.descent.epochs));
    if constexpr (ScalarTraits<T>::exact) {
        const std::size_t per_epoch = batch_count(m, o.descent.batch == 0 ? m : o.descent.batch);
        const double updates = static_cast<double>(o.descent.epochs) * static_cast<double>(per_epoch);
        const double work = updates * static_cast<double>(m) * static_cast<double>(start.parameter_count());
        if (updates > max_exact_updates || work > max_exact_work)
            throw InputError("an exact run of " + std::to_string(o.descent.epochs) + " epochs makes " +
                             fmt::format("{:.0f}", updates) + " updates of " + std::to_string(start.parameter_count()) +
                             " parameters on " + std::to_string(m) + " examples; exact runs are limited to " +
                             std::to_string(max_exact_updates) + " updates and " + std::to_string(max_exact_work) +
                             " multiply-adds, because every update lengthens the weights' fractions. Use --number "
                             "double for a longer run");
        std::size_t data_digits = largest_digits<T>({&X, &Y});
        for (const Layer<T>& layer : start.layers)
            data_digits = std::max(data_digits, largest_digits<T>({&layer.W, &layer.b}));
        check_exact_growth(o.descent.rate, data_digits, updates);
    }

    Training<T> r;
    Network<T> working = start;
    std::size_t scored = 0;  // epochs scored so far (0: the start)
    Backpropagation<T> bp;   // reused by every call: after the first, an update allocates nothing large
    Matrix<T> Xb, Yb;        // the batch's rows
    ForwardPass<T> test_pass;
    struct Scores {  // of the epoch scored last, kept in the history with its loss
        double accuracy = 0, test_accuracy = 0;
        T test_loss = T(0);
    } latest;
    auto objective = [&](const Matrix<T>& theta, const std::vector<std::size_t>& examples) {
        unflatten(theta, working);
        const bool all = examples.size() == m;  // the driver's record of an epoch: score it too
        if (all) {
            backpropagate_into(working, X, Y, o.loss, o.relu_at_zero, bp);
        } else {
            gather_rows_into(X, examples, Xb);
            gather_rows_into(Y, examples, Yb);
            backpropagate_into(working, Xb, Yb, o.loss, o.relu_at_zero, bp);
        }
        if (all) {
            if (o.classification) latest.accuracy = accuracy(bp.pass.output(), Y);
            if (test) {
                forward_into(working, o.test_X, test_pass);
                latest.test_loss = loss_value(o.loss, test_pass.output(), o.test_Y, test_pass.Z.back());
                if (o.classification) latest.test_accuracy = accuracy(test_pass.output(), o.test_Y);
            }
            if (o.progress) o.progress(scored, bp.loss);
            ++scored;
        }
        return LossGradient<T>{bp.loss, flatten(bp.gradients)};
    };
    std::function<void(const Iteration<T>&)> on_update;
    if (trace) {
        trace->add(trace::kind::network,
                   "The network " + sizes_text(start.sizes()) + ", trained on " + std::to_string(m) + " examples with " +
                       std::string(loss_title(o.loss)) + " as the loss, learning rate α = " + scalar_text(o.descent.rate) + ".",
                   loss_math(o.loss));
        on_update = [&](const Iteration<T>& it) {
            if (it.epoch <= o.traced_epochs && it.number <= max_traced_updates) record_update(it, start, X, Y, o, *trace);
        };
    }
    auto on_kept = [&] {
        if (o.classification) r.accuracy.push_back(latest.accuracy);
        if (test) r.test_loss.push_back(latest.test_loss);
        if (test && o.classification) r.test_accuracy.push_back(latest.test_accuracy);
    };
    r.run = gradient_descent(flatten(start), m, objective, o.descent, on_update, on_kept);
    r.network = std::move(start);
    unflatten(r.run.parameters, r.network);
    if (trace) record_history(r, o, *trace);
    return r;
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_TRAIN_INSTANCES)

}  // namespace showwork::nn
