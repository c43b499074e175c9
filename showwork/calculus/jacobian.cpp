#include "showwork/calculus/jacobian.hpp"

#include <cctype>

#include "showwork/calculus/print.hpp"
#include "showwork/error.hpp"
#include "showwork/trace/render.hpp"

namespace showwork::calculus {

namespace {

std::string names(const std::vector<std::string>& vars) {
    std::string out;
    for (const auto& v : vars) out += (out.empty() ? "" : ", ") + v;
    return out;
}

trace::Math named(const std::string& name, const std::string& sub = {}) {
    return sub.empty() ? trace::symbol(name) : trace::symbol(name, trace::symbol(sub));
}

// ∇f, written as the notes do: no parentheses.
trace::Math nabla_f() { return trace::product({trace::symbol("nabla"), trace::symbol("f")}, ""); }

// The i-th component (0-based) of the function called `name`: f_1 of F, g_2 of g.
std::string component_name(const std::string& name, std::size_t i) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower + "_" + std::to_string(i + 1);
}

// J_F, J_g: the Jacobian of the function called `name`
trace::Math jacobian_symbol(const std::string& name) { return trace::symbol("J", variable_math(name)); }

// J_{F∘g}
trace::Math composition_jacobian() {
    return trace::symbol("J", trace::product({named("F"), named("circ"), named("g")}, ""));
}

}  // namespace

std::string chain_shape_problem(std::size_t components, std::size_t variables) {
    return "the inner function g has " + std::to_string(components) + (components == 1 ? " component" : " components") +
           " but F takes " + std::to_string(variables) + (variables == 1 ? " variable" : " variables");
}

SymbolicMatrix as_column(const std::vector<Expr>& entries) {
    SymbolicMatrix A(entries.size(), 1);
    A.entries = entries;
    return A;
}

SymbolicMatrix as_row(const std::vector<Expr>& entries) {
    SymbolicMatrix A(1, entries.size());
    A.entries = entries;
    return A;
}

SymbolicMatrix diagonal(const std::vector<Expr>& entries) {
    SymbolicMatrix A(entries.size(), entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) A(i, i) = entries[i];
    return A;
}

SymbolicMatrix operator*(const SymbolicMatrix& A, const SymbolicMatrix& B) {
    if (A.cols != B.rows) {
        throw ShapeError("cannot multiply " + shape_text(A.rows, A.cols) + " by " + shape_text(B.rows, B.cols) +
                         ": inner dimensions " + std::to_string(A.cols) + " and " + std::to_string(B.rows) +
                         " differ");
    }
    SymbolicMatrix C(A.rows, B.cols);
    for (std::size_t i = 0; i < A.rows; ++i) {
        for (std::size_t j = 0; j < B.cols; ++j) {
            std::vector<Expr> terms;
            for (std::size_t k = 0; k < A.cols; ++k) terms.push_back(A(i, k) * B(k, j));
            C(i, j) = add(std::move(terms));
        }
    }
    return C;
}

SymbolicMatrix substitute(const SymbolicMatrix& A, const std::vector<std::string>& vars,
                          const std::vector<Expr>& by) {
    SymbolicMatrix out = A;
    for (Expr& e : out.entries) {
        // simultaneous: first to fresh names, so that u ↦ v, v ↦ u cannot collide
        for (std::size_t k = 0; k < vars.size(); ++k) e = substitute(e, vars[k], variable("\x01" + vars[k]));
        for (std::size_t k = 0; k < vars.size(); ++k) e = substitute(e, "\x01" + vars[k], by[k]);
    }
    return out;
}

std::string to_latex(const SymbolicMatrix& A) { return trace::to_latex(to_math(A)); }

std::string to_text(const SymbolicMatrix& A) {
    std::string out = "[";
    for (std::size_t i = 0; i < A.rows; ++i) {
        out += i ? ", [" : "[";
        for (std::size_t j = 0; j < A.cols; ++j) out += (j ? ", " : "") + to_text(A(i, j));
        out += "]";
    }
    return out + "]";
}

trace::Math to_math(const SymbolicMatrix& A) {
    std::vector<trace::Math> cells;
    for (const Expr& e : A.entries) cells.push_back(to_math(e));
    return trace::matrix(A.rows, A.cols, std::move(cells));
}

// ∇f = [∂f/∂x₁, …, ∂f/∂xₙ]ᵀ
std::vector<Expr> gradient(const Expr& f, const std::vector<std::string>& vars, const DiffOptions& options,
                           trace::Trace* trace) {
    std::vector<Expr> partials;
    for (const std::string& v : vars) {
        trace::SubDerivation sub(trace, trace::kind::partial);
        if (sub) sub.describe("Differentiate with respect to " + v + ".", [&] { return derivative_math(f, v); });
        partials.push_back(differentiate(f, v, options, trace));
        if (sub) sub.conclude([&] { return trace::equals(partial_ratio("f", v), to_math(partials.back())); });
    }
    if (trace) {
        SymbolicMatrix column = as_column(partials);
        std::vector<trace::Math> ratios;
        for (const auto& v : vars) ratios.push_back(partial_ratio("f", v));
        trace->add(trace::kind::gradient, "The gradient is the column of partial derivatives.",
                   trace::chain({nabla_f(), trace::matrix(vars.size(), 1, ratios), to_math(column)},
                                {trace::Rel::equals, trace::Rel::equals}));
    }
    return partials;
}

std::vector<Expr> gradient(const Expr& f, const std::vector<std::string>& vars, trace::Trace* trace) {
    return gradient(f, vars, DiffOptions{}, trace);
}

// Row i of J_F is ∇fᵢᵀ.
SymbolicMatrix jacobian(const std::vector<Expr>& F, const std::vector<std::string>& vars, const std::string& name,
                        const DiffOptions& options, trace::Trace* trace) {
    SymbolicMatrix J(F.size(), vars.size());
    for (std::size_t i = 0; i < F.size(); ++i) {
        std::string fi = trace ? component_name(name, i) : "";
        trace::SubDerivation row(trace, trace::kind::row);
        if (row) {
            row.describe("Row " + std::to_string(i + 1) + " is the gradient of component " + std::to_string(i + 1) +
                             ", transposed.",
                         [&] { return trace::equals(variable_math(fi), to_math(F[i])); });
        }
        for (std::size_t j = 0; j < vars.size(); ++j) {
            trace::SubDerivation sub(trace, trace::kind::partial);
            if (sub) {
                sub.describe("Differentiate with respect to " + vars[j] + ".",
                             [&] { return derivative_math(F[i], vars[j]); });
            }
            J(i, j) = differentiate(F[i], vars[j], options, trace);
            if (sub) sub.conclude([&] { return trace::equals(partial_ratio(fi, vars[j]), to_math(J(i, j))); });
        }
        if (row) {
            row.conclude([&] {
                SymbolicMatrix r(1, vars.size());
                for (std::size_t j = 0; j < vars.size(); ++j) r(0, j) = J(i, j);
                return to_math(r);
            });
        }
    }
    if (trace) {
        std::vector<trace::Math> ratios;
        for (std::size_t i = 0; i < F.size(); ++i)
            for (const auto& v : vars) ratios.push_back(partial_ratio(component_name(name, i), v));
        trace->add(trace::kind::jacobian, "The Jacobian stacks the transposed gradients.",
                   trace::chain({jacobian_symbol(name), trace::matrix(F.size(), vars.size(), ratios), to_math(J)},
                                {trace::Rel::equals, trace::Rel::equals}));
    }
    return J;
}

SymbolicMatrix jacobian(const std::vector<Expr>& F, const std::vector<std::string>& vars,
                        const DiffOptions& options, trace::Trace* trace) {
    return jacobian(F, vars, "F", options, trace);
}

SymbolicMatrix jacobian(const std::vector<Expr>& F, const std::vector<std::string>& vars, trace::Trace* trace) {
    return jacobian(F, vars, DiffOptions{}, trace);
}

ChainRuleParts jacobian_chain_rule_parts(const std::vector<Expr>& F, const std::vector<std::string>& inner_vars,
                                         const std::vector<Expr>& g, const std::vector<std::string>& vars,
                                         const DiffOptions& options, trace::Trace* trace) {
    if (g.size() != inner_vars.size()) {
        throw ShapeError(chain_shape_problem(g.size(), inner_vars.size()) + " (" + names(inner_vars) + ")");
    }
    ChainRuleParts parts;
    if (trace) {
        std::vector<Expr> composed;
        for (const Expr& f : F) {
            Expr c = f;
            for (std::size_t k = 0; k < g.size(); ++k) c = substitute(c, inner_vars[k], g[k]);
            composed.push_back(c);
        }
        trace->add(trace::kind::decompose,
                   "Write the function as F∘g, with F in " + names(inner_vars) + " and g in " + names(vars) + ".",
                   trace::list({trace::equals(named("F"), to_math(as_column(F))),
                                trace::equals(named("g"), to_math(as_column(g)))}),
                   to_math(as_column(composed)));
    }
    {
        trace::SubDerivation sub(trace, trace::kind::jacobian,
                                 [&] { return "The Jacobian of F in its own variables " + names(inner_vars) + "."; });
        parts.outer = jacobian(F, inner_vars, "F", options, trace);
    }
    parts.outer_at_inner = substitute(parts.outer, inner_vars, g);
    if (trace) {
        trace->add(trace::kind::substitute, "Put g into the Jacobian of F.",
                   trace::equals(trace::apply("J_F", {named("g")}), to_math(parts.outer_at_inner)),
                   to_math(parts.outer_at_inner));
    }
    {
        trace::SubDerivation sub(trace, trace::kind::jacobian, [&] { return "The Jacobian of g in " + names(vars) + "."; });
        parts.inner = jacobian(g, vars, "g", options, trace);
    }
    parts.product = parts.outer_at_inner * parts.inner;
    if (trace) {
        trace->add(trace::kind::rule,
                   "Jacobian chain rule: the Jacobian of F at g times the Jacobian of g.",
                   trace::chain({composition_jacobian(),
                                 trace::product({trace::apply("J_F", {named("g")}), named("J", "g")}, "cdot"),
                                 trace::product({to_math(parts.outer_at_inner), to_math(parts.inner)}, ""),
                                 to_math(parts.product)},
                                {trace::Rel::equals, trace::Rel::equals, trace::Rel::equals}),
                   to_math(parts.product));
    }
    return parts;
}

SymbolicMatrix jacobian_chain_rule(const std::vector<Expr>& F, const std::vector<std::string>& inner_vars,
                                   const std::vector<Expr>& g, const std::vector<std::string>& vars,
                                   const DiffOptions& options, trace::Trace* trace) {
    return jacobian_chain_rule_parts(F, inner_vars, g, vars, options, trace).product;
}

std::vector<std::string> vector_variables(const std::string& name, std::size_t n) {
    std::vector<std::string> out;
    for (std::size_t i = 1; i <= n; ++i) out.push_back(name + "_" + std::to_string(i));
    return out;
}

SymbolicMatrix elementwise_jacobian(const Expr& f, const std::string& t, std::size_t n, const std::string& v,
                                    trace::Trace* trace) {
    std::vector<std::string> vs = vector_variables(v, n);
    std::vector<Expr> F;
    for (const auto& vi : vs) F.push_back(substitute(f, t, variable(vi)));
    return jacobian(F, vs, DiffOptions{}, trace);
}

SymbolicMatrix hadamard_jacobian(std::size_t n, const std::string& v, const std::string& w, trace::Trace* trace) {
    std::vector<std::string> vs = vector_variables(v, n), ws = vector_variables(w, n);
    std::vector<Expr> F;
    for (std::size_t i = 0; i < n; ++i) F.push_back(variable(vs[i]) * variable(ws[i]));
    return jacobian(F, vs, DiffOptions{}, trace);
}

SymbolicMatrix scalar_expansion_jacobian(std::size_t n, const std::string& v, const std::string& x,
                                         trace::Trace* trace) {
    std::vector<Expr> F;
    for (const auto& vi : vector_variables(v, n)) F.push_back(variable(vi) * variable(x));
    return jacobian(F, {x}, DiffOptions{}, trace);
}

SymbolicMatrix sum_jacobian(std::size_t n, const std::string& v, trace::Trace* trace) {
    std::vector<Expr> terms;
    for (const auto& vi : vector_variables(v, n)) terms.push_back(variable(vi));
    return jacobian({add(terms)}, vector_variables(v, n), DiffOptions{}, trace);
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_JACOBIAN_INSTANCES)

}  // namespace showwork::calculus
