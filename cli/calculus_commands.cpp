// diff, gradient, jacobian, chain: derivatives with their rule-by-rule derivations (notes 003 §1.5).
//
// The derivative is symbolic and exact whatever --number says; --number is the scalar of the
// value at --at. Over exact rationals a transcendental function has no value (e^1 is
// irrational), which is an error that says to use --number double.
#include <fmt/format.h>

#include "showwork/calculus/calculus.hpp"
#include "cli/commands.hpp"
#include "showwork/matrix/to_math.hpp"

namespace showwork::cli {

namespace {

using trace::Document;

// What the calculus commands read besides the common options.
struct CalculusInvocation : Invocation {
    std::string wrt;   // diff: the variable, or empty for the expression's only one
    std::string vars;  // gradient, jacobian, chain: "x,y"
    std::string inner; // chain: F's own variables, one per component of g: "u,v"
    std::string at;    // "x=1, y=2", or empty: no point
    std::string relu_at_zero = "0";
};

calculus::DiffOptions diff_options(const CalculusInvocation& call) {
    return {Rational(call.relu_at_zero == "1" ? 1 : 0)};
}

// The point of --at, which must give a value to each of `vars` and to nothing else.
template <Scalar T>
std::optional<calculus::Point<T>> read_point(const CalculusInvocation& call, const std::vector<std::string>& vars) {
    if (call.at.empty()) return std::nullopt;
    calculus::Point<T> point = calculus::parse_point<T>(call.at);
    calculus::check_point(point, vars);
    return point;
}

// A message that ends with the library's advice, with the option that takes it.
std::string with_option(std::string message) {
    if (message.ends_with("evaluate in double or float50")) return message + " (--number double)";
    if (message.ends_with("evaluate in float50, whose range is far wider")) return message + " (--number float50)";
    return message;
}

// Runs an evaluation; a value the scalar cannot give (irrational over exact rationals, beyond
// double's range) says which option to use.
template <class F>
auto at_point(F&& evaluation) {
    try {
        return evaluation();
    } catch (const DomainError& e) {
        throw DomainError(with_option(e.what()));
    } catch (const RangeError& e) {
        throw RangeError(with_option(e.what()));
    }
}

// The numbers of the expressions, which the scalar must hold to evaluate them at a point: a
// number beyond double's range (10^400·x) is an input error, as --at x=1e400 is.
template <Scalar T>
void require_numbers_in_range(const std::vector<calculus::Expr>& expressions, const std::string& name) {
    try {
        for (const calculus::Expr& e : expressions) calculus::require_numbers_in_range<T>(e, name);
    } catch (const InputError& e) {
        throw InputError(with_option(e.what()));
    }
}

// Every entry at the point, each a number: an entry that overflows the scalar is a RangeError
// naming it (`name(i, j)`: ∂f/∂y).
template <Scalar T, class Name>
Matrix<T> value_at(const calculus::SymbolicMatrix& A, const calculus::Point<T>& point, Name&& name) {
    Matrix<T> M(A.rows, A.cols);
    for (std::size_t i = 0; i < A.rows; ++i)
        for (std::size_t j = 0; j < A.cols; ++j)
            M(i, j) = at_point([&] { return calculus::evaluate_finite(A(i, j), point, name(i, j)); });
    return M;
}

// The function and the point's coordinates, in that order.
template <Scalar T>
std::vector<trace::Named> inputs(std::string name, trace::Math function, const std::optional<calculus::Point<T>>& point) {
    std::vector<trace::Named> out{{std::move(name), std::move(function)}};
    if (point) {
        for (const auto& [variable, value] : *point) {
            // a variable called f would hide the function's own name
            if (variable == out[0].name) out[0].name = "function";
            out.push_back({variable, to_math(value)});
        }
    }
    return out;
}

// ∂f/∂x = 2x cos(x²) = 1.06 at the point.
trace::Step evaluation_step(const std::string& point_text, trace::Math name, trace::Math symbolic, trace::Math value) {
    return {std::string(trace::kind::evaluate), "Evaluate at " + point_text + ".",
            trace::chain({std::move(name), std::move(symbolic), value}, {trace::Rel::equals, trace::Rel::equals}),
            std::nullopt, {}};
}

// diff EXPR --wrt x [--at x=1]: ∂f/∂x by the rules; at a point its value, checked.
struct Diff {
    template <Scalar T>
    static Document run(CalculusInvocation& call) {
        calculus::Expr f = call.vars.empty() ? calculus::parse_expression(call.operands[0])
                                             : calculus::parse_expression(call.operands[0], calculus::parse_variables(call.vars));
        if (call.vars.empty()) {
            try {
                calculus::reject_letter_products({f}, "f");
            } catch (const InputError& e) {
                throw InputError(std::string(e.what()) + " (a name of several letters is one variable when --vars declares it)");
            }
        }
        std::vector<std::string> vars = calculus::variables(f);
        std::string x = variable_to_differentiate(call, vars);
        if (std::find(vars.begin(), vars.end(), x) == vars.end()) vars.push_back(x);
        std::optional<calculus::Point<T>> point = read_point<T>(call, vars);
        if (point) require_numbers_in_range<T>({f}, "f");

        calculus::note_rewritten_input(call.operands[0], {f}, "f", call.sink());
        calculus::note_unevaluated_powers({f}, call.sink());
        calculus::Expr df = calculus::differentiate(f, x, diff_options(call), call.sink());
        std::vector<trace::Named> results{
            {"derivative", calculus::to_math(df), trace::Named::Where::everywhere, calculus::partial_ratio("f", x)}};
        if (point) {
            at_point([&] { return calculus::evaluate(f, *point); });  // f itself must be defined there
            T value = at_point([&] { return calculus::evaluate_finite(df, *point, "∂f/∂" + x); });
            if (trace::Trace* sink = call.sink()) {
                sink->add(evaluation_step(calculus::point_text(*point), calculus::partial_ratio("f", x),
                                          calculus::to_math(df), to_math(value)));
            }
            check(call, f, df, x, *point);
            results.push_back({"value", to_math(value)});
        }
        return document(call, "diff", "Differentiate f with respect to " + x, inputs("f", calculus::to_math(f), point),
                        std::move(results));
    }

    // The rules against dual numbers (and finite differences in floating point), with or without
    // --steps. A disagreement fails the command (status 1) once the derivation is written. Where
    // the check itself cannot be evaluated (e^x in dual numbers over exact rationals) it says so;
    // where it overflows the scalar (x² at x = 1e160), it leaves that part out and says so.
    template <Scalar T>
    static void check(CalculusInvocation& call, const calculus::Expr& f, const calculus::Expr& df,
                      const std::string& x, const calculus::Point<T>& point) {
        try {
            calculus::DerivativeCheck<T> c =
                calculus::check_derivative(f, df, x, point, diff_options(call), call.sink());
            if (c.agree) return;
            std::string found = shown(scalar_text(c.symbolic)) + " from the rules";
            if (c.dual_taken) found += ", " + shown(scalar_text(c.dual)) + " by dual numbers";
            if (c.difference_taken) found += ", " + shown(scalar_text(c.finite_difference)) + " by " + c.difference;
            call.failed_check = "the check of the derivative failed at " + shown(calculus::point_text(point)) + ": " + found;
        } catch (const DomainError& e) {
            if (trace::Trace* sink = call.sink()) {
                sink->add(trace::kind::check, "No check at " + calculus::point_text(point) + ": " + e.what() + ".");
            }
        }
    }

    // --wrt, or the expression's only variable.
    static std::string variable_to_differentiate(const CalculusInvocation& call, const std::vector<std::string>& vars) {
        if (!call.wrt.empty()) {
            std::vector<std::string> named = calculus::parse_variables(call.wrt);
            if (named.size() != 1) throw InputError("--wrt takes one variable, not " + quoted_token(call.wrt));
            return named[0];
        }
        if (vars.size() == 1) return vars[0];
        throw InputError(vars.empty() ? std::string("--wrt is needed: the expression uses no variable")
                                      : "--wrt is needed: the expression uses " + joined(vars));
    }
};

// gradient EXPR --vars x,y [--at x=1,y=2]: ∇f as a column.
struct Gradient {
    template <Scalar T>
    static Document run(CalculusInvocation& call) {
        std::vector<std::string> vars = calculus::parse_variables(call.vars);
        calculus::Expr f = calculus::parse_expression(call.operands[0], vars);
        std::optional<calculus::Point<T>> point = read_point<T>(call, vars);
        if (point) require_numbers_in_range<T>({f}, "f");

        calculus::note_rewritten_input(call.operands[0], {f}, "f", call.sink());
        calculus::note_unevaluated_powers({f}, call.sink());
        calculus::SymbolicMatrix grad = calculus::as_column(calculus::gradient(f, vars, diff_options(call), call.sink()));
        const trace::Math nabla_f = trace::product({trace::symbol("nabla"), trace::symbol("f")}, "");
        std::vector<trace::Named> results{{"gradient", calculus::to_math(grad), trace::Named::Where::everywhere, nabla_f}};
        if (point) {
            at_point([&] { return calculus::evaluate(f, *point); });
            Matrix<T> value = value_at(grad, *point, [&](std::size_t i, std::size_t) { return "∂f/∂" + vars[i]; });
            if (trace::Trace* sink = call.sink()) {
                sink->add(evaluation_step(calculus::point_text(*point), nabla_f,
                                          calculus::to_math(grad), to_math(value)));
            }
            results.push_back({"value", to_math(value)});
        }
        return document(call, "gradient", "Gradient of f in " + joined(vars), inputs("f", calculus::to_math(f), point),
                        std::move(results));
    }
};

// jacobian "f1; f2" --vars x,y [--at x=0,y=0]: J_F, row i the transposed gradient of fᵢ.
struct Jacobian {
    template <Scalar T>
    static Document run(CalculusInvocation& call) {
        std::vector<std::string> vars = calculus::parse_variables(call.vars);
        std::vector<calculus::Expr> F = calculus::parse_expressions(call.operands[0], vars);
        std::optional<calculus::Point<T>> point = read_point<T>(call, vars);
        if (point) require_numbers_in_range<T>(F, "F");

        calculus::note_rewritten_input(call.operands[0], F, "F", call.sink());
        calculus::note_unevaluated_powers(F, call.sink());
        calculus::SymbolicMatrix J = calculus::jacobian(F, vars, "F", diff_options(call), call.sink());
        const trace::Math J_F = trace::symbol("J", trace::symbol("F"));
        std::vector<trace::Named> results{{"jacobian", calculus::to_math(J), trace::Named::Where::everywhere, J_F}};
        if (point) {
            for (const calculus::Expr& fi : F) at_point([&] { return calculus::evaluate(fi, *point); });
            Matrix<T> value = value_at(J, *point, [&](std::size_t i, std::size_t j) {
                return fmt::format("∂f{}/∂{}, entry ({}, {}) of J_F,", i + 1, vars[j], i + 1, j + 1);
            });
            if (trace::Trace* sink = call.sink()) {
                sink->add(evaluation_step(calculus::point_text(*point), J_F,
                                          calculus::to_math(J), to_math(value)));
            }
            results.push_back({"value", to_math(value)});
        }
        return document(call, "jacobian", "Jacobian of F in " + joined(vars),
                        inputs("F", calculus::to_math(calculus::as_column(F)), point), std::move(results));
    }
};

// chain "F" "g" --inner u,v --vars x,y [--at x=0,y=1]: the Jacobian chain rule of notes 003
// §1.5, J_{F∘g} = J_F(g) · J_g, with F written in its own variables u, v and g in x, y.
struct Chain {
    template <Scalar T>
    static Document run(CalculusInvocation& call) {
        std::vector<std::string> inner = calculus::parse_variables(call.inner);
        std::vector<std::string> vars = calculus::parse_variables(call.vars);
        std::vector<calculus::Expr> F = calculus::parse_expressions(call.operands[0], inner);
        std::vector<calculus::Expr> g = calculus::parse_expressions(call.operands[1], vars);
        if (g.size() != inner.size()) {  // what was typed does not fit: an input error
            throw InputError(calculus::chain_shape_problem(g.size(), inner.size()) + " (--inner " + shown(call.inner) +
                             "): give g one component per variable of F");
        }
        std::optional<calculus::Point<T>> point = read_point<T>(call, vars);
        if (point) {
            require_numbers_in_range<T>(F, "F");
            require_numbers_in_range<T>(g, "g");
        }

        calculus::note_rewritten_input(call.operands[0], F, "F", call.sink());
        calculus::note_rewritten_input(call.operands[1], g, "g", call.sink());
        calculus::note_unevaluated_powers(F, call.sink());
        calculus::note_unevaluated_powers(g, call.sink());
        calculus::ChainRuleParts parts =
            calculus::jacobian_chain_rule_parts(F, inner, g, vars, diff_options(call), call.sink());
        const trace::Math F_sym = trace::symbol("F"), g_sym = trace::symbol("g");
        const trace::Math J_Fg = trace::symbol("J", trace::product({F_sym, trace::symbol("circ"), g_sym}, ""));
        std::vector<trace::Named> results{
            {"outer_at_inner", calculus::to_math(parts.outer_at_inner), trace::Named::Where::everywhere,
             trace::apply("J_F", {g_sym})},
            {"inner", calculus::to_math(parts.inner), trace::Named::Where::everywhere, trace::symbol("J", g_sym)},
            {"jacobian", calculus::to_math(parts.product), trace::Named::Where::everywhere, J_Fg}};
        if (point) {
            for (const calculus::Expr& gi : g) at_point([&] { return calculus::evaluate(gi, *point); });
            Matrix<T> value = value_at(parts.product, *point, [](std::size_t i, std::size_t j) {
                return fmt::format("entry ({}, {}) of J_F∘g", i + 1, j + 1);
            });
            if (trace::Trace* sink = call.sink()) {
                sink->add(evaluation_step(calculus::point_text(*point), J_Fg, calculus::to_math(parts.product),
                                          to_math(value)));
            }
            results.push_back({"value", to_math(value)});
        }
        std::vector<trace::Named> given = inputs("F", calculus::to_math(calculus::as_column(F)), point);
        given.insert(given.begin() + 1, {"g", calculus::to_math(calculus::as_column(g))});
        return document(call, "chain", "Chain rule for the Jacobian of F(g) in " + joined(vars), std::move(given),
                        std::move(results));
    }
};

constexpr Operand expression{"EXPR", "An expression: \"2*x + y^3\", \"sin(x^2)\", \"sigma(x)\", \"e^x - ln(y)\""};

// A calculus command with --at and --relu-at-zero; the caller adds --wrt or --vars.
template <class Command>
CLI::App* register_calculus(CLI::App& app, const CommandSpec<>& spec, const std::shared_ptr<CalculusInvocation>& call) {
    CLI::App* command = register_command<Command>(app, spec, call);
    as_list(command->add_option("--at", call->at, "A point: \"x=1, y=2\" (values in the --number scalar)"));
    command->add_option("--relu-at-zero", call->relu_at_zero,
                        "ReLU′(0): 0 (notes 003, the default) or 1 (notes 004)")
        ->check(CLI::IsMember({"0", "1"}));
    return command;
}

}  // namespace

void register_calculus_commands(CLI::App& app) {
    auto diff = std::make_shared<CalculusInvocation>();
    register_calculus<Diff>(app,
                            {"diff", "Derivative ∂f/∂x by the rules, step by step", {expression},
                             {"showwork diff \"sin(x^2)\" --wrt x",
                              "showwork diff \"sigma(x)\" --at x=0.5 --number double",
                              "showwork diff \"sqrt(x^2 + 1) + abs(tan(x)) + log(x, 2)\" --at x=1/2 --number double"}},
                            diff)
        ->add_option("--wrt", diff->wrt, "The variable x of ∂f/∂x (default: the expression's only variable)");
    as_list(app.get_subcommand("diff")->add_option(
        "--vars", diff->vars, "The variables f may use: rate,x (a name of several letters needs declaring)"));

    auto gradient = std::make_shared<CalculusInvocation>();
    as_list(register_calculus<Gradient>(app,
                                {"gradient", "Gradient ∇f, the column of partial derivatives", {expression},
                                 {"showwork gradient \"x^2 + cos(y)\" --vars x,y",
                                  "showwork gradient \"x^2 + y^2\" --vars x,y --at x=1/2,y=3"}},
                                gradient)
        ->add_option("--vars", gradient->vars, "The variables, in order: x,y")
        ->required());

    auto jacobian = std::make_shared<CalculusInvocation>();
    as_list(register_calculus<Jacobian>(app,
                                {"jacobian", "Jacobian J_F of F = [f1; f2; …], row i the gradient of fᵢ",
                                 {{"F", "The components separated by ';': \"2*x + y^3; exp(y) - 13*x\""}},
                                 {"showwork jacobian \"2*x + y^3; exp(y) - 13*x\" --vars x,y",
                                  "showwork jacobian \"2*x + y^3; exp(y) - 13*x\" --vars x,y --at x=0,y=0"}},
                                jacobian)
        ->add_option("--vars", jacobian->vars, "The variables, in order: x,y")
        ->required());

    auto chain = std::make_shared<CalculusInvocation>();
    CLI::App* chain_command = register_calculus<Chain>(
        app,
        {"chain", "Jacobian of F(g) by the chain rule: J_F(g) · J_g (notes 003)",
         {{"F", "The outer function in its own variables, components separated by ';': \"sin(u); u*v\""},
          {"g", "The inner function, one component per variable of F: \"x^2 + y; ln(y^3)\""}},
         {"showwork chain \"sin(u); u*v\" \"x^2 + y; ln(y^3)\" --inner u,v --vars x,y",
          "showwork chain \"u^2 + v^2\" \"cos(t); sin(t)\" --inner u,v --vars t --at t=0"}},
        chain);
    as_list(chain_command->add_option("--inner", chain->inner, "The variables of F, one per component of g: u,v")->required());
    as_list(chain_command->add_option("--vars", chain->vars, "The variables of g, in order: x,y")->required());
}

}  // namespace showwork::cli
