// forward, backprop and train: a network on a data file (notes 001–004), derived in the notation
// of notes 002. Networks compute in double unless --number says otherwise; an exact run takes
// identity and ReLU layers only.
#include <cstdio>

#include "cli/commands.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/nn/gradient_check.hpp"
#include "showwork/nn/initialise.hpp"
#include "showwork/nn/train.hpp"
#include "showwork/nn/weights_file.hpp"
#include "showwork/regression/data.hpp"
#include "showwork/regression/model.hpp"

namespace showwork::cli {

namespace {

using trace::Document;
using trace::Math;
using NetworkScalars = Scalars<double, Rational, Float50>;

// What every network command reads: the data, which columns are targets, and the network.
struct NetworkCall : Invocation {
    std::string y;            // target columns, "y" or "y1,y2" (default: the last column)
    std::string layers;       // "2,2,1": n_0, …, n_L
    std::string activation;   // one name, or one per layer
    std::string loss = "mse";
    std::string init;         // a weights file
    std::string init_method = "he_normal";
    std::uint64_t seed = 1;
    std::string relu_at_zero = "0";
};

// The inputs X and targets Y of a data file: the --y columns are Y (one column of class labels
// becomes one-hot columns with cross-entropy), every other column is an input.
template <Scalar T>
struct Examples {
    std::vector<std::string> inputs, targets;
    Matrix<T> X, Y;
    std::size_t rows() const { return X.rows(); }
};

// A history longer than this is a JSON field only (the derivation's table samples it).
trace::Named::Where long_series(std::size_t points) {
    return points > nn::max_history_rows + 1 ? trace::Named::Where::json_only : trace::Named::Where::everywhere;
}

template <Scalar T>
Examples<T> read_examples(const std::string& operand, const std::string& y, bool targets_required) {
    Source source = read_source(operand);
    regression::DataSet<T> data = regression::read_data<T>(source.text, source.origin);
    std::vector<std::string> target_names = regression::split_names(y);
    if (target_names.empty() && targets_required) target_names.push_back(data.names.back());
    std::vector<bool> is_target(data.names.size());
    for (const auto& name : target_names) {
        const std::size_t j = data.column(name);
        if (is_target[j]) throw InputError("--y names the column " + quoted_token(name) + " twice");
        is_target[j] = true;
    }
    Examples<T> e;
    std::vector<std::size_t> in, out;
    for (std::size_t j = 0; j < data.names.size(); ++j) (is_target[j] ? out : in).push_back(j);
    if (in.empty()) throw InputError("every column of the data is a target: the network has no inputs");
    for (std::size_t j : out) e.targets.push_back(data.names[j]);
    for (std::size_t j : in) e.inputs.push_back(data.names[j]);
    e.X = Matrix<T>(data.observations(), in.size());
    e.Y = Matrix<T>(data.observations(), out.size());
    for (std::size_t i = 0; i < data.observations(); ++i) {
        for (std::size_t k = 0; k < in.size(); ++k) e.X(i, k) = data.values(i, in[k]);
        for (std::size_t k = 0; k < out.size(); ++k) e.Y(i, k) = data.values(i, out[k]);
    }
    return e;
}

// The network: from --init FILE, or drawn by --init-method from --seed with --layers sizes.
// Activations: --activation, else the file's, else ReLU for hidden layers and, for the output,
// softmax with cross-entropy and identity otherwise.
template <Scalar T>
nn::Network<T> network_of(const NetworkCall& call, nn::Loss loss, std::size_t inputs) {
    auto default_activations = [&](std::size_t layers) {
        std::vector<nn::Activation> h(layers, nn::Activation::relu);
        h.back() = loss == nn::Loss::cross_entropy ? nn::Activation::softmax : nn::Activation::identity;
        return h;
    };
    nn::Network<T> network;
    if (!call.init.empty()) {
        Source source = read_source(call.init);
        nn::WeightsFile<T> file = nn::read_weights<T>(source.text, source.origin.empty() ? "--init" : source.origin);
        network = std::move(file.network);
        if (!call.layers.empty() && nn::parse_sizes(call.layers) != network.sizes())
            throw InputError("--layers " + quoted_token(call.layers) + " but the weights file holds a " +
                             nn::sizes_text(network.sizes()) + " network");
        std::vector<nn::Activation> h = !call.activation.empty() ? nn::parse_activations(call.activation, network.depth())
                                        : file.activations_given ? std::vector<nn::Activation>{}
                                                                 : default_activations(network.depth());
        for (std::size_t l = 0; l < h.size(); ++l) network.layers[l].h = h[l];
        nn::check_network(network);
    } else {
        if (call.layers.empty())
            throw InputError("give the layer sizes (--layers " + std::to_string(inputs) +
                             ",4,1: the inputs, then each layer's neurons) or a weights file (--init FILE)");
        std::vector<std::size_t> sizes = nn::parse_sizes(call.layers);
        // the data's shape first: a network that cannot take them is refused before it is drawn
        if (sizes.front() != inputs)
            throw InputError("the data have " + std::to_string(inputs) + " input columns but the network's first layer "
                             "takes " + std::to_string(sizes.front()) + " (--layers " + call.layers + ")");
        std::vector<nn::Activation> h = call.activation.empty() ? default_activations(sizes.size() - 1)
                                                                : nn::parse_activations(call.activation, sizes.size() - 1);
        const nn::Init method = nn::parse_init(call.init_method);
        std::size_t weights = 0;
        for (std::size_t l = 1; l < sizes.size(); ++l) weights += sizes[l - 1] * sizes[l];
        // He normal draws by Box–Muller in 50-digit software floats, the same on every platform:
        // about 18 µs a weight on this project's 2-core reference machine
        if (method == nn::Init::he_normal && weights >= 100'000) {
            note(fmt::format("drawing {} weights from N(0, 2/n_in) (he_normal, reproducible on every platform) takes "
                             "about {:.0f} s; --init-method he_uniform takes a fraction of that",
                             thousands(weights), std::max(1.0, 18e-6 * static_cast<double>(weights))));
        }
        network = nn::initialise<T>(sizes, h, method, call.seed);
    }
    if (network.inputs() != inputs)
        throw InputError("the data have " + std::to_string(inputs) + " input columns but the network's first layer takes " +
                         std::to_string(network.inputs()) + " (W^[1] is " + network.layers.front().W.shape() + ")");
    return network;
}

// Y as the network's outputs: one column of class labels becomes one-hot with cross-entropy.
template <Scalar T>
Matrix<T> targets_for(const Matrix<T>& Y, const nn::Network<T>& network, nn::Loss loss) {
    if (loss == nn::Loss::cross_entropy && Y.cols() == 1 && network.outputs() > 1) return nn::one_hot(Y, network.outputs());
    if (Y.cols() != network.outputs())
        throw InputError("the data have " + std::to_string(Y.cols()) + " target column" + (Y.cols() == 1 ? "" : "s") +
                         " but the network's output layer has " + std::to_string(network.outputs()) + " neurons");
    return Y;
}

template <Scalar T>
T relu_at_zero_of(const NetworkCall& call) {
    if (call.relu_at_zero != "0" && call.relu_at_zero != "1")
        throw InputError("--relu-at-zero is 0 (notes 003) or 1 (notes 004), not " + quoted_token(call.relu_at_zero));
    return T(call.relu_at_zero == "1" ? 1 : 0);
}

std::string layers_text(const std::vector<std::size_t>& sizes) { return nn::sizes_text(sizes); }

template <Scalar T>
std::string activations_text(const nn::Network<T>& network) {
    std::string out;
    for (const auto& layer : network.layers) out += (out.empty() ? "" : ",") + std::string(nn::activation_name(layer.h));
    return out;
}

// The weights: for JSON a table, one row per layer with its activation, W and b (the weights
// file's layout); for reading, W^{[l]} = … and b^{[l]} = … with their shapes.
template <Scalar T>
std::vector<trace::Named> weights_results(const nn::Network<T>& network) {
    std::vector<std::vector<Math>> rows;
    std::vector<Math> equations;
    for (std::size_t l = 1; l <= network.depth(); ++l) {
        const auto& layer = network.layers[l - 1];
        rows.push_back({trace::count(l), trace::text(std::string(nn::activation_name(layer.h))),
                        to_math(layer.W), to_math(layer.b)});
        equations.push_back(nn::shaped(nn::layer_symbol("W", l), layer.W));
        equations.push_back(nn::shaped(nn::layer_symbol("b", l), layer.b));
    }
    return {{"weights", trace::table({trace::text("layer"), trace::text("activation"), trace::text("W"), trace::text("b")}, rows),
             trace::Named::Where::json_only},
            {"weights", trace::list(std::move(equations), "; "), trace::Named::Where::not_json}};
}

template <Scalar T>
std::vector<trace::Named> network_inputs(const NetworkCall& call, const Examples<T>& e, const nn::Network<T>& network) {
    std::vector<trace::Named> inputs{
        {"layers", trace::text(layers_text(network.sizes()))},
        {"activations", trace::text(activations_text(network))},
        {"inputs", trace::text(joined(e.inputs))},
        {"examples", trace::count(e.rows())},
        // a file's name as typed, its control characters escaped as in every message
        {"weights", trace::text(call.init.empty() ? call.init_method + ", seed " + std::to_string(call.seed)
                                                  : escaped(call.init))},
    };
    if (!e.targets.empty()) inputs.insert(inputs.begin() + 3, {"targets", trace::text(joined(e.targets))});
    return inputs;
}

void add_network_options(CLI::App& command, NetworkCall& call, bool with_loss) {
    as_list(command.add_option("--y", call.y, "The target columns, by name, separated by commas (default: the last column)"));
    as_list(command.add_option("--layers", call.layers, "Layer sizes n_0,n_1,…,n_L: the inputs, then each layer's neurons"));
    as_list(command.add_option("--activation", call.activation,
                               "identity, relu, sigmoid, tanh or softmax (output only): one for every layer, or one per "
                               "layer (relu,identity); default relu, and identity (softmax with cross_entropy) for the output"));
    if (with_loss)
        command.add_option("--loss", call.loss, "mse (1/m ΣΣ (a − y)², notes 002), half_mse (notes 003) or cross_entropy")
            ->check(CLI::IsMember({"mse", "half_mse", "cross_entropy"}))
            ->capture_default_str();
    command.add_option("--init", call.init, "A weights file: {\"layers\": [{\"W\": …, \"b\": …}, …]}")->type_name("FILE");
    command.add_option("--init-method", call.init_method, "he_normal, he_uniform, glorot, torch or zeros")
        ->check(CLI::IsMember({"he_normal", "he_uniform", "glorot", "torch", "zeros"}))
        ->capture_default_str();
    add_count_option(command, "--seed", call.seed, "The seed of the initial weights and the shuffle (splitmix64)");
    command.add_option("--relu-at-zero", call.relu_at_zero, "ReLU′(0): 0 (notes 003, the default) or 1 (notes 004)")
        ->capture_default_str();
}

struct Forward {
    template <Scalar T>
    static Document run(NetworkCall& call) {
        Examples<T> e = read_examples<T>(call.operands[0], call.y, false);
        nn::Network<T> network = network_of<T>(call, nn::Loss::mse, e.X.cols());
        nn::ForwardPass<T> pass = nn::forward(network, e.X, call.sink());
        std::vector<trace::Named> results{{"output", to_math(pass.output())}};
        if (!e.targets.empty()) {
            const nn::Loss loss = nn::parse_loss(call.loss);
            nn::check_loss(loss, network);
            Matrix<T> Y = targets_for(e.Y, network, loss);
            results.push_back({"loss", trace::text(call.loss)});
            results.push_back({"E", to_math(nn::loss_value(loss, pass.output(), Y, pass.Z.back()))});
        }
        return document(call, "forward", "Forward pass of a " + layers_text(network.sizes()) + " network",
                        network_inputs(call, e, network), std::move(results));
    }
    static void add_options(CLI::App& command, NetworkCall& call) {
        add_network_options(command, call, true);
        command.get_option("--y")->description("Target columns, to report the loss (default: none, every column is an input)");
    }
};

struct BackpropCall : NetworkCall {
    bool check = false;
    std::string rate;  // with a rate, the update W ← W − α ∂E/∂W too
};

struct Backprop {
    template <Scalar T>
    static Document run(BackpropCall& call) {
        Examples<T> e = read_examples<T>(call.operands[0], call.y, true);
        const nn::Loss loss = nn::parse_loss(call.loss);
        nn::Network<T> network = network_of<T>(call, loss, e.X.cols());
        nn::check_loss(loss, network);
        Matrix<T> Y = targets_for(e.Y, network, loss);
        const T c = relu_at_zero_of<T>(call);
        nn::Backpropagation<T> bp = nn::backpropagate(network, e.X, Y, loss, c, call.sink());
        std::vector<trace::Named> results{{"loss", trace::text(call.loss)}, {"E", to_math(bp.loss)}};
        for (std::size_t l = 1; l <= network.depth(); ++l) {
            // ∂E/∂W^{[l]}, ∂E/∂b^{[l]}, keyed "dE/dWl", "dE/dbl" in JSON
            results.push_back({"dE/dW" + std::to_string(l), to_math(bp.gradients.W[l - 1]), trace::Named::Where::everywhere,
                               trace::partial_fraction(trace::symbol("E"), nn::layer_symbol("W", l))});
            results.push_back({"dE/db" + std::to_string(l), to_math(bp.gradients.b[l - 1]), trace::Named::Where::everywhere,
                               trace::partial_fraction(trace::symbol("E"), nn::layer_symbol("b", l))});
        }
        if (!call.rate.empty()) {
            const T rate = parse_scalar<T>(call.rate);
            if (!(rate > 0)) throw InputError("--rate: the learning rate must be positive, not " + shown(call.rate));
            nn::Network<T> next = network;
            for (std::size_t l = 1; l <= network.depth(); ++l) {
                next.layers[l - 1].W = network.layers[l - 1].W - rate * bp.gradients.W[l - 1];
                next.layers[l - 1].b = network.layers[l - 1].b - rate * bp.gradients.b[l - 1];
            }
            if (call.sink())
                for (std::size_t l = 1; l <= network.depth(); ++l)
                    call.trace.add(trace::kind::layer_update,
                                   "Step layer " + std::to_string(l) + " against its gradient, learning rate α = " + call.rate + ".",
                                   std::nullopt,
                                   trace::list({nn::shaped(nn::layer_symbol("W", l), next.layers[l - 1].W),
                                                nn::shaped(nn::layer_symbol("b", l), next.layers[l - 1].b)}));
            for (trace::Named& w : weights_results(next)) results.push_back(std::move(w));
        }
        if (call.check) {
            nn::GradientCheck<T> g = nn::check_gradient(network, e.X, Y, loss, c, call.sink());
            results.push_back({"largest_relative_error", to_math(g.largest_relative_error())});
            results.push_back({"worst_parameter", trace::text(nn::parameter_name(network, g.worst))});
            const T tolerance = ScalarTraits<T>::exact ? T(0) : T(std::is_same_v<T, double> ? 1e-5 : 1e-15);
            if (g.largest_relative_error() > tolerance)
                call.failed_check = "the gradient check failed: backpropagation and the finite difference differ by " +
                                    shown(scalar_text(g.largest_relative_error())) + " (relative) at " +
                                    nn::parameter_name(network, g.worst) + ", more than " + shown(scalar_text(tolerance)) +
                                    (network.layers.front().h == nn::Activation::relu
                                         ? " (a ReLU input at exactly 0 has no derivative: see --relu-at-zero)"
                                         : "");
        }
        return document(call, "backprop", "Backpropagation through a " + layers_text(network.sizes()) + " network",
                        network_inputs(call, e, network), std::move(results));
    }
    static void add_options(CLI::App& command, BackpropCall& call) {
        add_network_options(command, call, true);
        command.add_flag("--check", call.check, "Check every gradient against central finite differences");
        command.add_option("--rate", call.rate, "Also take one step W ← W − α ∂E/∂W with this learning rate α");
    }
};

struct TrainCall : NetworkCall {
    std::string rate = "0.1";
    std::size_t epochs = 100;
    std::size_t batch = 0;
    bool no_shuffle = false;
    std::string until_loss;
    std::string test;
    std::string save;
    std::size_t trace_epochs = 1;
    bool quiet = false;
};

struct Train {
    template <Scalar T>
    static Document run(TrainCall& call) {
        Examples<T> e = read_examples<T>(call.operands[0], call.y, true);
        const nn::Loss loss = nn::parse_loss(call.loss);
        nn::Network<T> network = network_of<T>(call, loss, e.X.cols());
        nn::check_loss(loss, network);
        nn::TrainOptions<T> o;
        o.loss = loss;
        o.relu_at_zero = relu_at_zero_of<T>(call);
        o.classification = loss == nn::Loss::cross_entropy;
        o.traced_epochs = call.trace_epochs;
        o.descent.rate = parse_scalar<T>(call.rate);
        if (!(o.descent.rate > 0)) throw InputError("--rate: the learning rate must be positive, not " + shown(call.rate));
        o.descent.epochs = call.epochs;
        o.descent.batch = call.batch;
        if (call.batch > e.rows())
            throw InputError("--batch " + std::to_string(call.batch) + " is more than the " + std::to_string(e.rows()) +
                             " examples");
        o.descent.shuffle = !call.no_shuffle;
        o.descent.seed = call.seed;
        if (!call.until_loss.empty()) {
            o.descent.stop = StopRule::loss;
            o.descent.tolerance = parse_scalar<T>(call.until_loss);
            if (!(o.descent.tolerance > 0)) throw InputError("--until-loss must be positive, not " + shown(call.until_loss));
        }
        const Matrix<T> Y = targets_for(e.Y, network, loss);
        if (!call.test.empty()) {
            Examples<T> t = read_examples<T>(call.test, call.y, true);
            if (t.inputs != e.inputs || t.targets != e.targets)
                throw InputError("--test " + quoted_token(call.test) + ": its columns (" + shown(joined(t.inputs)) +
                                 "; targets " + shown(joined(t.targets)) + ") are not the training data's (" +
                                 shown(joined(e.inputs)) + "; targets " + shown(joined(e.targets)) + ")");
            o.test_X = t.X;
            o.test_Y = targets_for(t.Y, network, loss);
        }
        Progress progress(call.epochs, call.quiet, "epoch");
        o.progress = [&](std::size_t epoch, const T& l) {
            if (progress.due(epoch)) progress.show(epoch, fmt::format("  loss {:.6g}", scalar_cast<double>(l)));
        };
        nn::Training<T> r = nn::train(network, e.X, Y, o, call.sink());
        if (diverged_at_start(r.run)) {
            throw MathError("the loss at the start, before any update, is already " + scalar_text(r.run.loss.back()) +
                            ": the weights or the data are too large for this scalar (try smaller weights, or "
                            "--number float50 or exact)");
        }
        if (r.run.stopped == StopReason::diverged) {
            const T& last = r.run.loss.back();
            throw MathError("training diverged: the loss became " + shown(scalar_text(last)) + " at epoch " +
                            std::to_string(r.run.epochs_run) + "; the learning rate " + shown(call.rate) +
                            " is too large for this network and data (try a smaller --rate)");
        }
        if (!call.save.empty()) {  // written with the document, after it is rendered
            call.more_files.push_back(
                {call.save, nn::write_weights(r.network), "the weights file " + quoted_token(call.save)});
        }
        std::vector<Math> history;
        for (const T& l : r.run.loss) history.push_back(to_math(l));
        std::vector<trace::Named> results{
            {"epochs", trace::count(r.run.epochs_run)},
            {"stopped_because", trace::text(std::string(stop_reason_name(r.run.stopped)))},
            {"loss", trace::text(call.loss)},
            {"final_loss", to_math(r.run.loss.back())},
            {"loss_history", trace::list(std::move(history)), long_series(r.run.loss.size())},
        };
        if (r.run.history_epochs.size() != r.run.epochs_run + 1) {  // a long run keeps every s-th epoch
            std::vector<Math> epochs;
            for (std::size_t k : r.run.history_epochs) epochs.push_back(trace::count(k));
            results.push_back({"history_epochs", trace::list(std::move(epochs)), trace::Named::Where::json_only});
        }
        auto shares = [](const std::vector<double>& shares) {
            std::vector<Math> out;
            for (double s : shares) out.push_back(trace::number(fmt::format("{}", s)));
            return trace::list(std::move(out));
        };
        if (o.classification) {
            results.push_back({"accuracy", trace::number(fmt::format("{}", r.accuracy.back()))});
            results.push_back({"accuracy_history", shares(r.accuracy), long_series(r.accuracy.size())});
        }
        if (!r.test_loss.empty()) {
            results.push_back({"test_loss", to_math(r.test_loss.back())});
            std::vector<Math> test_history;
            for (const T& l : r.test_loss) test_history.push_back(to_math(l));
            results.push_back({"test_loss_history", trace::list(std::move(test_history)), long_series(r.test_loss.size())});
        }
        if (!r.test_accuracy.empty()) {
            results.push_back({"test_accuracy", trace::number(fmt::format("{}", r.test_accuracy.back()))});
            results.push_back({"test_accuracy_history", shares(r.test_accuracy), long_series(r.test_accuracy.size())});
        }
        if (r.network.parameter_count() <= nn::max_shown_entries)
            for (trace::Named& w : weights_results(r.network)) results.push_back(std::move(w));
        std::vector<trace::Named> inputs = network_inputs(call, e, network);
        inputs.push_back({"rate", trace::number(call.rate)});
        inputs.push_back({"batch", trace::count(call.batch == 0 ? e.rows() : call.batch)});
        return document(call, "train", "Training a " + layers_text(network.sizes()) + " network", std::move(inputs),
                        std::move(results));
    }
    static void add_options(CLI::App& command, TrainCall& call) {
        add_network_options(command, call, true);
        command.add_option("--rate", call.rate, "The learning rate α > 0 (1/10 is exact in an exact run)")->capture_default_str();
        add_count_option(command, "--epochs", call.epochs, "Passes over the training data", 1, nn::max_epochs);
        add_count_option(command, "--batch", call.batch, "Examples per update: 0 (all, the default), 1 (SGD) or B (mini-batches)");
        command.add_flag("--no-shuffle", call.no_shuffle, "Take the examples in order in every epoch");
        command.add_option("--until-loss", call.until_loss, "Stop after the first epoch whose loss is at most L");
        command.add_option("--test", call.test, "A test set with the same columns, scored after every epoch")
            ->type_name("FILE");
        command.add_option("--save", call.save, "Write the trained weights to this file (a weights file)")->type_name("FILE");
        add_count_option(command, "--trace-epochs", call.trace_epochs, "Epochs whose updates the derivation writes out in full");
        command.add_flag("--quiet", call.quiet, "No progress line on standard error");
    }
};

constexpr const char* network_scalars = "networks compute in";

}  // namespace

void register_nn_commands(CLI::App& app) {
    const Operand data{"DATA", "A data file (CSV or whitespace-separated, a header row of names), or - for stdin"};
    register_command<Forward, NetworkScalars>(
        app,
        CommandSpec<NetworkScalars>{"forward", "A network's forward pass: Z = A W + j ⊗ b and A = h(Z), layer by layer",
                                    {data},
                                    {"showwork forward xor.csv --init xor_weights.json --y y --number exact",
                                     "showwork forward xor.csv --y y --layers 2,3,1 --activation tanh,identity --seed 7"},
                                    network_scalars},
        std::make_shared<NetworkCall>());
    register_command<Backprop, NetworkScalars>(
        app,
        CommandSpec<NetworkScalars>{"backprop", "One pass of backpropagation, derived layer by layer as in notes 002",
                                    {data},
                                    {"showwork backprop xor.csv --init xor_weights.json --number exact --check --rate 1/10",
                                     "showwork backprop xor.csv --layers 2,2,1 --activation sigmoid --check",
                                     "showwork backprop blobs.csv --layers 2,3,3 --loss cross_entropy --check"},
                                    network_scalars},
        std::make_shared<BackpropCall>());
    register_command<Train, NetworkScalars>(
        app,
        CommandSpec<NetworkScalars>{"train", "Train a network by gradient descent: the first updates, then the loss per epoch",
                                    {data},
                                    {"showwork train xor.csv --layers 2,2,1 --activation sigmoid --rate 2 --epochs 2000 --seed 3",
                                     "showwork train xor.csv --init xor_weights.json --number exact --rate 1/10 --epochs 2",
                                     "showwork train blobs.csv --layers 2,4,3 --loss cross_entropy --rate 0.5 --epochs 100 --batch 4"},
                                    network_scalars},
        std::make_shared<TrainCall>());
}

}  // namespace showwork::cli
