// compare OPERATION A: the operation exactly and in floating point, side by side, with the
// errors of the floating answer (computed exactly), κ∞(A), and the first decision where the
// floating elimination went another way. --number chooses the floating side (double by default).
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/compare/compare.hpp"

namespace showwork::cli {

namespace {

using trace::Document;

// The options only this command has.
struct CompareCall : Invocation {
    std::string augment;  // --augment K: the last K columns are right of the bar
    std::string pivot = "partial";
};

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
        {"rank_exact", trace::number(std::to_string(c.rank_exact))},
        {"rank_floating", trace::number(std::to_string(c.rank_floating))},
        {"pivot", trace::text(std::string(pivot_rule_name(c.pivot)))},
        {"first_difference", trace::text(c.first_difference ? c.first_difference->text : "none")},
    };
}

struct Compare {
    template <Scalar T>
    static Document run(CompareCall& call) {
        CompareOperation operation = parse_compare_operation(call.operands[0]);
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
            {{"OPERATION", "inverse, solve, rref, rank or det"},
             {"A", "The matrix; for solve (A | b) with b its last column"}},
            {"showwork compare inverse \"1 1/2 1/3; 1/2 1/3 1/4; 1/3 1/4 1/5\"",
             "showwork compare solve \"1 1 2; 1 1.0000000001 2.0000000001\" --augment 1 --number float50",
             "showwork compare rank \"1/3 1/7; 2/3 2/7\" --format json"},
            "compare runs the exact side itself: --number chooses the floating side"},
        call);
    command->add_option("--augment", call->augment, "K: the last K columns of A are right of the bar");
    command->add_option("--pivot", call->pivot, "Pivot rule of both runs: partial, first_nonzero, scaled_partial")
        ->check(CLI::IsMember(pivot_rule_names()))
        ->capture_default_str();
}

}  // namespace showwork::cli
