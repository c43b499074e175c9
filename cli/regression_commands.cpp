// regress: least squares on a data file, derived step by step (notes 000 §4), with the
// statistics of R's lm — exactly by default, the data's decimals read as the fractions they are.
#include "cli/commands.hpp"
#include "showwork/matrix/decimal.hpp"
#include "showwork/regression/report.hpp"

namespace showwork::cli {

namespace {

using trace::Document;

// What regress reads besides the common options.
struct RegressCall : Invocation {
    std::string y;   // the response's column name (default: the last column)
    std::string x;   // the predictors' names, "x1,x2" (default: every other column)
    std::size_t degree = 1;
    bool no_intercept = false;
    std::string method;  // normal, inverse or qr; default: normal exactly, qr in floating point
    int digits = 20;
};

template <Scalar T>
regression::Design<T> read_design(const RegressCall& call) {
    Source source = read_source(call.operands[0]);
    regression::DataSet<T> data = regression::read_data<T>(source.text, source.origin);
    regression::ModelSpec spec;
    spec.response = call.y;
    spec.predictors = regression::split_names(call.x);
    spec.degree = call.degree;
    spec.intercept = !call.no_intercept;
    return regression::design(data, spec);
}

template <Scalar T>
LeastSquaresMethod method_of(const RegressCall& call) {
    if (!call.method.empty()) return parse_least_squares_method(call.method);
    return ScalarTraits<T>::exact ? LeastSquaresMethod::normal : LeastSquaresMethod::qr;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

struct Regress {
    template <Scalar T>
    static Document run(RegressCall& call) {
        regression::Design<T> d = read_design<T>(call);
        regression::FitOptions options{method_of<T>(call), call.digits};
        regression::Fit<T> f = regression::fit(d, options, call.sink());
        std::vector<trace::Named> inputs{
            {"response", trace::text(d.response)},
            {"predictors", trace::text(joined(d.predictors))},
            {"observations", trace::number(std::to_string(d.observations()))},
            {"method", trace::text(std::string(least_squares_method_name(options.method)))},
        };
        return document(call, "regress", "Least squares: " + d.response + " on " + joined(d.parameters),
                        std::move(inputs), regression::fit_results(f, call.digits));
    }

    static void add_options(CLI::App& command, RegressCall& call) {
        command.add_option("--y", call.y, "The response: a column's name (default: the last column)");
        command.add_option("--x", call.x, "The predictors: names separated by commas (default: the other columns)");
        command.add_option("--degree", call.degree, "A polynomial in one predictor: x, x², …, x^D")
            ->check(CLI::Range(std::size_t{1}, regression::max_degree))
            ->capture_default_str();
        command.add_flag("--no-intercept", call.no_intercept, "No column of ones: the line through the origin");
        command.add_option("--method", call.method,
                           "normal (XᵀX β = XᵀY, the default exactly), inverse ((XᵀX)⁻¹XᵀY) or qr (Householder, "
                           "the default in floating point)")
            ->check(CLI::IsMember({"normal", "inverse", "qr"}));
        command.add_option("--digits", call.digits, "Significant digits of s, the standard errors and t values of an exact fit")
            ->check(CLI::Range(1, max_decimal_digits))
            ->capture_default_str();
    }
};

}  // namespace

void register_regression_commands(CLI::App& app) {
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
