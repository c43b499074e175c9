// compare OPERATION A: the operation exactly and in floating point, side by side, with the
// errors of the floating answer (computed exactly), κ∞(A), and the first decision where the
// floating elimination went another way. --number chooses the floating side (double by default).
//
// compare regress DATA: least squares on a data file exactly and in floating point by the normal
// equations and by QR, with the digits each keeps of every coefficient, κ(X) and κ(XᵀX).
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "showwork/compare/compare.hpp"
#include "showwork/compare/compare_regression.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/regression/model.hpp"

namespace showwork::cli {

namespace {

using trace::Document;

// The options only this command has.
struct CompareCall : Invocation {
    std::string augment;  // --augment K: the last K columns are right of the bar
    std::string pivot = "partial";
    // compare regress: the model, as regress reads it
    std::string y, x;
    std::size_t degree = 1;
    bool no_intercept = false;
};

constexpr std::string_view regress = "regress";

// A result: a number for rank and det, the matrix otherwise; the failure when that side raised.
template <Scalar T>
trace::Math side_math(CompareOperation operation, const std::optional<Matrix<T>>& result, const std::string& failure) {
    if (!result) return trace::text("fails: " + failure);
    if (operation == CompareOperation::rank || operation == CompareOperation::det) return to_math((*result)(0, 0));
    return to_math(*result);
}

trace::Math measure_math(const std::optional<Rational>& value) {
    return value ? trace::number(readable_text(*value)) : trace::text("none");
}

template <Scalar F>
trace::Math condition_math(const Comparison<F>& c) {
    if (c.condition_number) return trace::number(readable_text(*c.condition_number));
    return trace::text(c.singular ? "infinite: the matrix is singular" : "none: the matrix is not square");
}

template <Scalar F>
std::vector<trace::Named> results(const Comparison<F>& c) {
    return {
        {"exact", side_math(c.operation, c.exact, c.exact_failure)},
        {"floating", side_math(c.operation, c.floating, c.floating_failure)},
        {"max_error", measure_math(c.max_error)},
        {"relative_error", measure_math(c.relative_error)},
        {"residual", measure_math(c.residual)},
        {"condition_number", condition_math(c)},
        {"digits_lost", c.digits_lost ? trace::number(fmt::format("{:.1f}", *c.digits_lost)) : trace::text("none")},
        {"rank_exact", trace::count(c.rank_exact)},
        {"rank_floating", trace::count(c.rank_floating)},
        {"pivot", trace::text(std::string(pivot_rule_name(c.pivot)))},
        {"first_difference", trace::text(c.first_difference ? c.first_difference->text : "none")},
    };
}

// ---- compare regress ----

regression::Design<Rational> read_design(const CompareCall& call) {
    Source source = read_source(call.operands[1]);
    regression::DataSet<Rational> data = regression::read_data<Rational>(source.text, source.origin);
    return regression::design(data, {.response = call.y,
                                     .predictors = regression::split_names(call.x),
                                     .degree = call.degree,
                                     .intercept = !call.no_intercept});
}

// A column of the digits a method keeps, one a coefficient (none when it failed: its β̂ says why).
template <Scalar F>
trace::Math digits_math(const FloatingLeastSquares<F>& f) {
    if (!f.coefficients) return trace::text("none: the method fails");
    std::vector<trace::Math> cells;
    for (double d : f.digits) cells.push_back(trace::number(fmt::format("{:.1f}", d)));
    const std::size_t p = cells.size();
    return trace::matrix(p, 1, std::move(cells));
}

template <Scalar F>
trace::Math fewest_math(const FloatingLeastSquares<F>& f) {
    if (!f.coefficients) return trace::text("none");
    return trace::number(fmt::format("{:.1f}", *f.fewest_digits()));
}

template <Scalar F>
trace::Math coefficients_math(const FloatingLeastSquares<F>& f) {
    return f.coefficients ? to_math(*f.coefficients) : trace::text("fails: " + f.failure);
}

trace::Math kappa_math(const SpectralCondition& c, const Float50& kappa) {
    if (c.singular) return trace::text("infinite: XᵀX is singular");
    return trace::number(fmt::format("{:.6g}", static_cast<double>(kappa)));
}

template <Scalar F>
std::vector<trace::Named> regression_results(const RegressionComparison<F>& c) {
    std::string names;
    for (const auto& n : c.parameters) names += (names.empty() ? "" : ", ") + n;
    return {
        {"parameters", trace::text(names)},
        {"exact", to_math(c.exact)},
        {"normal", coefficients_math(c.normal)},
        {"qr", coefficients_math(c.qr)},
        {"digits_normal", digits_math(c.normal)},
        {"digits_qr", digits_math(c.qr)},
        {"fewest_digits_normal", fewest_math(c.normal)},
        {"fewest_digits_qr", fewest_math(c.qr)},
        {"full_digits", trace::number(fmt::format("{:.2f}", c.full_digits))},
        {"condition_X", kappa_math(c.condition, c.condition.kappa_X)},
        {"condition_XtX", kappa_math(c.condition, c.condition.kappa_XtX)},
    };
}

template <Scalar F>
Document compare_regression_document(CompareCall& call) {
    if (!call.augment.empty()) throw InputError("--augment is for a matrix: compare regress reads a data file");
    regression::Design<Rational> d = read_design(call);
    RegressionComparison<F> c = compare_regression<F>(d.X, d.y, d.parameters, call.sink());
    std::vector<trace::Named> inputs{
        {"response", trace::text(d.response)},
        {"observations", trace::count(d.observations())},
    };
    return document(call, "compare", "Compare least squares exactly and in " + call.options.number, std::move(inputs),
                    regression_results(c));
}

// The model options name a data file's columns: they mean nothing to a matrix operation.
void require_no_model_options(const CompareCall& call) {
    if (!call.y.empty() || !call.x.empty() || call.degree != 1 || call.no_intercept)
        throw InputError("--y, --x, --degree and --no-intercept describe a model: they are for compare regress");
}

// The operation named, or an InputError that lists regress with the matrix operations.
CompareOperation operation_of(const std::string& name) {
    try {
        return parse_compare_operation(name);
    } catch (const InputError&) {
        throw InputError("unknown operation " + quoted_token(name) +
                         " to compare: choose inverse, solve, rref, rank, det or regress");
    }
}

struct Compare {
    template <Scalar T>
    static Document run(CompareCall& call) {
        if (call.operands[0] == regress) return compare_regression_document<T>(call);
        require_no_model_options(call);
        CompareOperation operation = operation_of(call.operands[0]);
        Matrix<Rational> A = read_matrix<Rational>(call.operands[1], call.augment);
        EliminationOptions<T> options;
        options.pivot = parse_pivot_rule(call.pivot);
        Comparison<T> c = compare<T>(operation, A, options, call.sink());
        std::string name(compare_operation_name(operation));
        return document(call, "compare", "Compare " + name + " exactly and in " + call.options.number,
                        {{"A", to_math(A)}}, results(c));
    }
};

}  // namespace

void register_compare_command(CLI::App& app) {
    auto call = std::make_shared<CompareCall>();
    CLI::App* command = register_command<Compare>(
        app,
        CommandSpec<FloatingScalar>{
            "compare", "An operation exactly and in floating point: errors, residual, κ∞, first different decision",
            {{"OPERATION", "inverse, solve, rref, rank, det, or regress (least squares on a data file)"},
             {"A", "The matrix (for solve (A | b) with b its last column); for regress a data file, - for stdin"}},
            {"showwork compare inverse \"1 1/2 1/3; 1/2 1/3 1/4; 1/3 1/4 1/5\"",
             "showwork compare solve \"1 1 2; 1 1.0000000001 2.0000000001\" --augment 1 --number float50",
             "showwork compare rank \"1/3 1/7; 2/3 2/7\" --format json",
             "showwork compare regress line.csv",
             "showwork compare regress line.csv --degree 3 --no-intercept --number float50"},
            "compare runs the exact side itself: --number chooses the floating side"},
        call);
    command->add_option("--augment", call->augment, "K: the last K columns of A are right of the bar");
    command->add_option("--pivot", call->pivot, "Pivot rule of both runs: partial (the default), first_nonzero, scaled_partial, complete")
        ->check(CLI::IsMember(pivot_rule_names()))
        ->capture_default_str();
    command->add_option("--y", call->y, "compare regress: the response column (default: the last column)");
    as_list(command->add_option("--x", call->x, "compare regress: the predictors, names separated by commas"));
    add_count_option(*command, "--degree", call->degree, "compare regress: a polynomial in one predictor, x … x^D", 1,
                     regression::max_degree);
    command->add_flag("--no-intercept", call->no_intercept, "compare regress: no column of ones");
}

}  // namespace showwork::cli
