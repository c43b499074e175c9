// regress: least squares on a data file, derived step by step (notes 000 §4), with the
// statistics of R's lm — exactly by default, the data's decimals read as the fractions they are.
// descend: the same model by gradient descent (notes 003 §3.5–3.8), against the closed form.
#include "cli/commands.hpp"
#include "showwork/matrix/cost.hpp"
#include "showwork/matrix/decimal.hpp"
#include "showwork/regression/descent.hpp"
#include "showwork/regression/report.hpp"

namespace showwork::cli {

namespace {

using trace::Document;

// The model a regression command reads besides the common options.
struct ModelCall : Invocation {
    std::string y;   // the response's column name (default: the last column)
    std::string x;   // the predictors' names, "x1,x2" (default: every other column)
    std::size_t degree = 1;
    bool no_intercept = false;
};

// What regress reads besides the model.
struct RegressCall : ModelCall {
    std::string method;  // normal, inverse or qr; default: normal exactly, qr in floating point
    int digits = 20;
};

template <Scalar T>
regression::Design<T> read_design(const ModelCall& call) {
    Source source = read_source(call.operands[0]);
    regression::DataSet<T> data = regression::read_data<T>(source.text, source.origin);
    regression::ModelSpec spec;
    spec.response = call.y;
    spec.predictors = regression::split_names(call.x);
    spec.degree = call.degree;
    spec.intercept = !call.no_intercept;
    return regression::design(data, spec);
}


void add_model_options(CLI::App& command, ModelCall& call) {
    command.add_option("--y", call.y, "The response: a column's name (default: the last column)");
    as_list(command.add_option("--x", call.x, "The predictors: names separated by commas (default: the other columns)"));
    add_count_option(command, "--degree", call.degree, "A polynomial in one predictor: x, x², …, x^D", 1,
                     regression::max_degree);
    command.add_flag("--no-intercept", call.no_intercept, "No column of ones: the line through the origin");
}

struct Regress {
    template <Scalar T>
    static Document run(RegressCall& call) {
        regression::Design<T> d = read_design<T>(call);
        if constexpr (ScalarTraits<T>::exact) {
            const WorkEstimate work = estimate_exact_least_squares(d.X, d.y, call.options.steps);
            if (std::string line = describe_if_large(work, "the exact fit", d.X.rows(), d.X.cols() + 1); !line.empty())
                note(line + " (--number double takes milliseconds)");
        }
        regression::FitOptions options;
        if (!call.method.empty()) options.method = parse_least_squares_method(call.method);
        options.digits = call.digits;
        regression::Fit<T> f = regression::fit(d, options, call.sink());
        std::vector<trace::Named> inputs{
            {"response", trace::text(d.response)},
            {"predictors", trace::text(joined(d.predictors))},
            {"observations", trace::count(d.observations())},
            {"method", trace::text(std::string(least_squares_method_name(f.method)))},
        };
        return document(call, "regress", "Least squares: " + d.response + " on " + joined(d.parameters),
                        std::move(inputs), regression::fit_results(f, call.digits));
    }

    static void add_options(CLI::App& command, RegressCall& call) {
        add_model_options(command, call);
        command.add_option("--method", call.method,
                           "normal (XᵀX β = XᵀY, the default exactly), inverse ((XᵀX)⁻¹XᵀY) or qr (Householder, "
                           "the default in floating point)")
            ->check(CLI::IsMember({"normal", "inverse", "qr"}));
        add_count_option(command, "--digits", call.digits,
                         "Significant digits of s, the standard errors and t values of an exact fit", 1, max_decimal_digits);
    }
};

// What descend reads besides the model.
struct DescendCall : ModelCall {
    std::string rate = "0.01";
    std::size_t epochs = 100;
    std::size_t batch = 0;
    std::uint64_t seed = 0;
    bool no_shuffle = false;
    std::string loss = "half_mse";
    std::string tolerance;  // empty: run every epoch
    std::string stop = "gradient_norm";
    int digits = 12;
};

struct Descend {
    template <Scalar T>
    static DescentOptions<T> options_of(const DescendCall& call, std::size_t m) {
        DescentOptions<T> o;
        o.rate = parse_scalar<T>(call.rate);
        if (!(o.rate > 0)) throw InputError("--rate: the learning rate must be positive, not " + shown(call.rate));
        o.epochs = call.epochs;
        o.batch = call.batch;
        if (o.batch > m)
            throw InputError("--batch " + std::to_string(o.batch) + " is more than the " + std::to_string(m) +
                             " observations");
        o.shuffle = !call.no_shuffle;
        o.seed = call.seed;
        if (!call.tolerance.empty()) {
            o.tolerance = parse_scalar<T>(call.tolerance);
            if (!(o.tolerance > 0)) throw InputError("--tolerance must be positive, not " + shown(call.tolerance));
            o.stop = call.stop == "loss" ? StopRule::loss : StopRule::gradient_norm;
        }
        return o;
    }

    template <Scalar T>
    static Document run(DescendCall& call) {
        regression::Design<T> d = read_design<T>(call);
        const regression::Loss loss = regression::parse_loss(call.loss);
        DescentOptions<T> o = options_of<T>(call, d.observations());
        regression::Descent<T> r = regression::descend(d, loss, o, call.sink());
        if (diverged_at_start(r.run)) {
            throw MathError("the loss at the start, before any update, is already " + scalar_text(r.run.loss.back()) +
                            ": the data are too large for this scalar (try --number float50 or exact)");
        }
        if (r.run.stopped == StopReason::diverged) {
            const auto& C = r.run.loss;
            throw MathError("gradient descent diverged: the loss went from " + shown(scalar_text(C.front())) + " to " +
                            shown(scalar_text(C.back())) + " by epoch " + std::to_string(r.run.epochs_run) +
                            "; the learning rate " + shown(call.rate) + " is too large for these data (try a smaller --rate)");
        }
        std::vector<trace::Named> inputs{
            {"response", trace::text(d.response)},
            {"predictors", trace::text(joined(d.predictors))},
            {"observations", trace::count(d.observations())},
            {"loss", trace::text(std::string(regression::loss_name(loss)))},
            {"rate", trace::number(scalar_text(o.rate))},
            {"epochs", trace::count(o.epochs)},
            {"batch", trace::count(o.batch == 0 ? d.observations() : o.batch)},
        };
        return document(call, "descend", "Gradient descent: " + d.response + " on " + joined(d.parameters),
                        std::move(inputs), regression::descent_results(r, call.digits));
    }

    static void add_options(CLI::App& command, DescendCall& call) {
        add_model_options(command, call);
        command.add_option("--rate", call.rate, "The learning rate η > 0 (exactly, 1/10 or 0.1 is the fraction 1/10)")
            ->capture_default_str();
        add_count_option(command, "--epochs", call.epochs, "Passes over the data", 1, regression::max_epochs);
        add_count_option(command, "--batch", call.batch, "Examples per update: 0 or m the full batch, 1 stochastic, B mini-batches");
        add_count_option(command, "--seed", call.seed, "The seed of the shuffle (splitmix64, the same on every platform)");
        command.add_flag("--no-shuffle", call.no_shuffle, "Take the examples in order in every epoch");
        command.add_option("--loss", call.loss, "half_mse (1/(2m) Σ eᵢ², notes 003) or mse (1/m Σ eᵢ², notes 001)")
            ->check(CLI::IsMember({"half_mse", "mse"}))
            ->capture_default_str();
        command.add_option("--tolerance", call.tolerance, "Stop once ‖∂C/∂β‖ (or C, with --stop loss) is at most this");
        command.add_option("--stop", call.stop, "What --tolerance bounds: gradient_norm or loss")
            ->check(CLI::IsMember({"gradient_norm", "loss"}))
            ->capture_default_str();
        add_count_option(command, "--digits", call.digits, "Significant digits of the decimals (losses, norms, distances)",
                         1, max_decimal_digits);
    }
};

}  // namespace

void register_regression_commands(CLI::App& app) {
    register_command<Descend>(
        app,
        CommandSpec<>{"descend", "Linear regression by gradient descent: the updates, the loss per epoch, the closed form",
                      {{"DATA", "A data file (CSV or whitespace-separated, a header row of names), or - for stdin"}},
                      {"showwork descend line.csv --rate 1/20 --epochs 20",
                       "showwork descend line.csv --number double --rate 0.05 --epochs 100 --batch 2 --seed 7",
                       "showwork descend line.csv --number double --loss mse --rate 0.07 --epochs 100000 --tolerance 1e-3"}},
        std::make_shared<DescendCall>());

    register_command<Regress>(
        app,
        CommandSpec<>{"regress", "Least squares on a data file: the derivation, the coefficients and R's statistics",
                      {{"DATA", "A data file (CSV or whitespace-separated, a header row of names), or - for stdin"}},
                      {"showwork regress line.csv", "showwork regress line.csv --y y --x x --format json",
                       "showwork regress line.csv --degree 2 --number double",
                       "showwork regress line.csv --method inverse --no-intercept"}},
        std::make_shared<RegressCall>());
}

}  // namespace showwork::cli
