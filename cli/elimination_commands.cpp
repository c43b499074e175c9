// ref, rref, rank, det, inverse, solve, nullspace, colspace, lu, rowops: the elimination core
// from the command line. Each shares --augment K, --pivot RULE and --method METHOD.
#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "cli/commands.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/determinant.hpp"
#include "showwork/matrix/echelon.hpp"
#include "showwork/matrix/inverse.hpp"
#include "showwork/matrix/lu.hpp"
#include "showwork/matrix/row_ops.hpp"
#include "showwork/matrix/subspaces.hpp"
#include "showwork/text.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/solvers/least_squares.hpp"
#include "showwork/solvers/linear_system.hpp"

namespace showwork::cli {

std::vector<std::string> pivot_rule_names() {
    return names_of({PivotRule::automatic, PivotRule::first_nonzero, PivotRule::partial, PivotRule::scaled_partial,
                     PivotRule::complete},
                    pivot_rule_name);
}

namespace {

using trace::Document;
using trace::Named;

// The options of every elimination command.
struct EliminationCall : Invocation {
    std::string pivot = "automatic";
    std::string method = "automatic";
    std::string augment;    // columns right of the bar; empty: none (solve: 1)
    std::string unknowns;   // solve: names of the unknowns, "x,y"
    std::string detail = "brief";
    std::string tolerance;  // floating only; empty: max(m, n) · ε · max |a_ij|
    bool unit_pivots = false;
};

// --method's choices: the library's names of its methods.
std::vector<std::string> methods() {
    return names_of({Method::automatic, Method::gauss_jordan, Method::fraction_free}, method_name);
}

// --method's help: the elimination's methods.
constexpr const char* elimination_methods_help = "gauss_jordan (traced, textbook) or fraction_free (Bareiss; exact only); "
                                                 "default: fraction_free for exact without steps";

// --pivot, --method (its choices `method_choices`), --detail, --tolerance, and --augment unless
// the command has no bar.
void add_elimination_options(CLI::App& command, EliminationCall& call, bool with_augment = true,
                             const std::vector<std::string>& method_choices = methods(),
                             const char* method_help = elimination_methods_help) {
    command.add_option("--pivot", call.pivot, "Pivot rule: first_nonzero (exact default), partial "
                                              "(floating default), scaled_partial, complete")
        ->check(CLI::IsMember(pivot_rule_names()));
    command.add_option("--method", call.method, method_help)->check(CLI::IsMember(method_choices));
    command.add_option("--detail", call.detail, "With steps, brief (default): each single replacement of a column "
                                                "as a sub-step in the first column only; full: in every column")
        ->check(CLI::IsMember({"brief", "full"}));
    command.add_option("--tolerance", call.tolerance, "Floating only: an entry with |x| ≤ T is zero "
                                                      "(default: max(m, n)·ε·max|a_ij|)");
    if (with_augment) {
        command.add_option("--augment", call.augment, "The last K columns are the right-hand side, drawn after the bar");
    }
}

template <Scalar T>
EliminationOptions<T> elimination_options(const EliminationCall& call) {
    EliminationOptions<T> options;
    options.pivot = parse_pivot_rule(call.pivot);
    options.method = parse_method(call.method);
    options.every_replacement = call.detail == "full";
    if (!call.tolerance.empty()) {
        if constexpr (ScalarTraits<T>::exact) {
            throw InputError("--tolerance is for --number double or float50: exact arithmetic tells zero exactly");
        } else {
            options.tolerance = parse_scalar<T>(call.tolerance);
            if (!(*options.tolerance >= 0)) throw InputError("--tolerance must be 0 or more, not " + shown(call.tolerance));
        }
    }
    return options;
}

// The matrix operand with its bar: --augment K puts the last K columns right of it; without
// --augment, `default_augment` of them.
template <Scalar T>
Matrix<T> read_operand(const EliminationCall& call, Work work, std::size_t default_augment = 0) {
    Matrix<T> A = read_matrix<T>(call.operands[0], call.augment);
    if (call.augment.empty()) {
        if (default_augment >= A.cols()) {
            throw InputError(fmt::format("a {} matrix has no column to put right of the bar", A.shape()));
        }
        A.set_augment(default_augment);
    }
    note_if_large(A, work);
    return A;
}

// 0-based columns as the 1-based list a reader counts: [1, 3].
// {1, 2}, {3}, ∅: a set of columns cannot be mistaken for a number (JSON: an array).
trace::Math column_list(const std::vector<std::size_t>& columns) {
    std::vector<trace::Math> items;
    for (std::size_t c : columns) items.push_back(trace::count(c + 1));
    return trace::set(trace::list(std::move(items)), trace::empty());
}


// The coefficient part of (A | B): pivots are sought only left of the bar.
template <Scalar T>
Elimination<T> reduce_left_of_bar(const Matrix<T>& A, const EliminationCall& call, bool reduced, trace::Trace* trace) {
    EliminationGoal goal;
    goal.reduced = reduced;
    goal.unit_pivots = reduced || call.unit_pivots;
    goal.pivot_limit = A.cols() - A.augment();
    return eliminate(A, elimination_options<T>(call), goal, trace);
}

struct Ref {
    static void add_options(CLI::App& command, EliminationCall& call) {
        add_elimination_options(command, call);
        command.add_flag("--unit-pivots", call.unit_pivots, "Scale every pivot to 1, as in the notes' REF");
    }
    template <Scalar T>
    static Document run(EliminationCall& call) {
        Matrix<T> A = read_operand<T>(call, {Eliminating::echelon, "the row echelon form"});
        Elimination<T> e = reduce_left_of_bar(A, call, false, call.sink());
        return document(call, "ref", "Row echelon form of A", trace::fields({"A", to_math(A)}),
                        trace::fields({"ref", to_math(e.echelon)}, {"rank", trace::count(e.rank())}, {"pivot_columns", column_list(e.pivots)}));
    }
};

struct Rref {
    static void add_options(CLI::App& command, EliminationCall& call) { add_elimination_options(command, call); }
    template <Scalar T>
    static Document run(EliminationCall& call) {
        Matrix<T> A = read_operand<T>(call, {Eliminating::reduced, "the reduced row echelon form"});
        Matrix<T> R;
        std::vector<std::size_t> pivots;
        if (A.augment() == 0) {
            R = rref(A, elimination_options<T>(call), call.sink());
            pivots = pivot_columns(R, EliminationOptions<T>{});
        } else {
            Elimination<T> e = reduce_left_of_bar(A, call, true, call.sink());
            R = std::move(e.echelon);
            pivots = e.pivots;
        }
        return document(call, "rref", "Reduced row echelon form of A", trace::fields({"A", to_math(A)}),
                        trace::fields({"rref", to_math(R)}, {"rank", trace::count(pivots.size())}, {"pivot_columns", column_list(pivots)}));
    }
};

struct Rank {
    static void add_options(CLI::App& command, EliminationCall& call) { add_elimination_options(command, call, false); }
    template <Scalar T>
    static Document run(EliminationCall& call) {
        Matrix<T> A = read_operand<T>(call, {Eliminating::number, "the rank"});
        std::vector<std::size_t> pivots = pivot_columns(A, elimination_options<T>(call), call.sink());
        return document(call, "rank", "Rank of A", trace::fields({"A", to_math(A)}),
                        {{"rank", trace::count(pivots.size())}, {"pivot_columns", column_list(pivots)},
                         {"nullity", trace::count(A.cols() - pivots.size())}});
    }
};

struct Det {
    // the elimination's methods and the one only det has
    static std::vector<std::string> with_cofactor(std::vector<std::string> methods) {
        methods.push_back("cofactor");
        return methods;
    }
    // every elimination option but --augment, as every elimination command has them (README)
    static void add_options(CLI::App& command, EliminationCall& call) {
        add_elimination_options(command, call, false, with_cofactor(methods()),
                                "gauss_jordan (elimination, traced), fraction_free (Bareiss), or cofactor "
                                "(Laplace expansion, up to 4×4)");
    }
    template <Scalar T>
    static Document run(EliminationCall& call) {
        Matrix<T> A = read_operand<T>(call, {Eliminating::number, "the determinant"});
        T d;
        if (call.method == "cofactor") {
            // an expansion tests no entry for zero
            if (!call.tolerance.empty())
                throw InputError("--tolerance is for elimination: --method cofactor tests no entry for zero");
            d = cofactor_determinant(A, call.sink());
        } else {
            d = determinant(A, elimination_options<T>(call), call.sink());
        }
        return document(call, "det", "Determinant of A", trace::fields({"A", to_math(A)}),
                        trace::fields({"determinant", to_math(d), trace::Named::Where::everywhere,
                                       trace::apply("det", {trace::symbol("A")})}));
    }
};

struct Inverse {
    static void add_options(CLI::App& command, EliminationCall& call) { add_elimination_options(command, call, false); }
    template <Scalar T>
    static Document run(EliminationCall& call) {
        Matrix<T> A = read_operand<T>(call, {Eliminating::inverse, "the inverse"});
        Matrix<T> Ainv = inverse(A, elimination_options<T>(call), call.sink());
        return document(call, "inverse", "Inverse of A", trace::fields({"A", to_math(A)}),
                        trace::fields({"inverse", to_math(Ainv), trace::Named::Where::everywhere,
                                       trace::power(trace::symbol("A"), trace::number("-1"))}));
    }
};

// The unknowns' names, in the derivation as in the answer: --unknowns p,q; else x, y, z for up
// to three unknowns, else x₁ … xₙ. A name is a letter, then letters or digits, with an optional
// index after _ (p_1); t, s, r, u, v, w name the parameters of a solution set.
Unknowns unknowns_of(const std::string& given, std::size_t n) {
    Unknowns unknowns;
    if (given.empty()) {
        if (n <= 3) unknowns.names.assign({"x", "y", "z"}), unknowns.names.resize(n);
        return unknowns;
    }
    std::vector<std::string>& names = unknowns.names;
    names = split_trimmed(given);
    if (names.size() != n) throw InputError(fmt::format("--unknowns names {} unknowns, the system has {}", names.size(), n));
    static const std::regex valid("[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)?");
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string& name = names[i];
        if (!std::regex_match(name, valid)) {
            throw InputError(fmt::format("--unknowns: {} (unknown {}) is not a name: a letter, then letters or digits, "
                                         "with an optional index after _ (x, y, p_1)", quoted_token(name), i + 1));
        }
        if (name.size() == 1 && std::string_view("tsruvw").find(name[0]) != std::string_view::npos) {
            throw InputError(fmt::format("--unknowns: {} names a parameter of the solution set (t, s, r, u, v, w); "
                                         "choose another name", name));
        }
        if (std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i), name) != names.begin() + static_cast<std::ptrdiff_t>(i)) {
            throw InputError(fmt::format("--unknowns names {} twice", name));
        }
    }
    return unknowns;
}

struct Solve {
    static void add_options(CLI::App& command, EliminationCall& call) {
        add_elimination_options(command, call);
        as_list(command.add_option("--unknowns", call.unknowns,
                                   "Names of the unknowns, in every step and in the answer, e.g. p,q (default x, y, "
                                   "z; beyond three x_1 … x_n)"));
    }
    template <Scalar T>
    static Document run(EliminationCall& call) {
        Matrix<T> A, b;
        if (!call.operands[1].empty()) {
            if (!call.augment.empty()) throw InputError("give either A and b, or (A | b) with --augment 1, not both");
            A = read_matrix<T>(call.operands[0]);
            b = read_matrix<T>(call.operands[1]);
            note_if_large(A, {Eliminating::solution, "the solution"});
        } else {
            Matrix<T> Ab = read_operand<T>(call, {Eliminating::solution, "the solution"}, 1);
            if (Ab.augment() != 1) throw InputError("solve takes one right-hand side: --augment 1");
            A = columns(Ab, 0, Ab.cols() - 1);
            b = columns(Ab, Ab.cols() - 1, 1);
        }
        const Unknowns unknowns = unknowns_of(call.unknowns, A.cols());
        Solution<T> s = solve(A, b, elimination_options<T>(call), call.sink(), unknowns);
        std::vector<Named> results{{"kind", trace::text(std::string(solution_kind_name(s.kind)))},
                                   {"rank", trace::count(s.rank)},
                                   {"pivot_columns", column_list(s.pivot_columns)}};
        if (s.kind == SolutionKind::none) {
            results.push_back({"inconsistent_row", trace::count(s.inconsistent_row + 1)});
            results.push_back({"evidence", trace::text(s.evidence())});
            if (s.rank == A.cols()) results.push_back({"least_squares", least_squares(A, b, call.sink())});
        } else {
            results.push_back({"solution", to_math(s.particular)});
            results.push_back({"free_variables", column_list(s.free_variables)});
            results.push_back({"parametric_form", parametric_form(s, unknowns)});
            if (!s.directions.empty()) {
                // the family as data: x = solution + Σ parameters[q] · (column q of directions)
                std::vector<trace::Math> parameters;
                for (std::size_t q = 0; q < s.directions.size(); ++q)
                    parameters.push_back(trace::text(trace::to_text(parameter_symbol(q, s.directions.size()))));
                results.push_back({"directions", to_math(directions_matrix(s.directions, s.particular.rows())),
                                   trace::Named::Where::json_only});
                results.push_back({"parameters", trace::list(std::move(parameters)), trace::Named::Where::json_only});
            }
        }
        results.push_back({"solution_set", solution_set(s)});
        if (s.kind == SolutionKind::unique) results.push_back({"answer", answer_equations(s, unknowns)});
        return document(call, "solve", "Solve A x = b", trace::fields({"(A | b)", to_math(augment(A, b))}), std::move(results));
    }
    // No solution, independent columns: the one x̂ that minimises ‖Ax − b‖², from AᵀA x̂ = Aᵀb.
    template <Scalar T>
    static trace::Math least_squares(const Matrix<T>& A, const Matrix<T>& b, trace::Trace* trace) {
        trace::SubDerivation sub(trace, trace::kind::normal_equations,
                                 "No x solves the system. Its least-squares solution, the x that makes the sum of "
                                 "the squares of Ax − b as small as it can be, solves the normal equations "
                                 "AᵀA x = Aᵀb; in the notation of regression, X = A, Y = b and β = x.");
        Matrix<T> x = normal_equations(A, b, LeastSquaresMethod::normal, {}, trace);
        trace::Math x_hat = trace::symbol("x", trace::empty(), trace::empty(), trace::SymbolStyle{.hat = true});
        if (sub) sub.conclude(trace::equals(x_hat, to_math(x)));
        return to_math(x);
    }
};

// A basis as the columns of a matrix. The zero subspace has the empty basis: ∅ for reading (an
// n × 0 matrix would print as an empty bracket pair); JSON keeps the n × 0 matrix.
template <Scalar T>
std::vector<trace::Named> basis_results(const Matrix<T>& basis, trace::Named count) {
    if (basis.cols() > 0) return trace::fields({"basis", to_math(basis)}, std::move(count));
    return {{"basis", to_math(basis), trace::Named::Where::json_only},
            {"basis", trace::symbol("emptyset"), trace::Named::Where::not_json},
            std::move(count)};
}

struct NullSpace {
    static void add_options(CLI::App& command, EliminationCall& call) { add_elimination_options(command, call, false); }
    template <Scalar T>
    static Document run(EliminationCall& call) {
        Matrix<T> A = read_operand<T>(call, {Eliminating::reduced, "the null space"});
        Matrix<T> N = null_space(A, elimination_options<T>(call), call.sink());
        return document(call, "nullspace", "Null space of A", trace::fields({"A", to_math(A)}),
                        basis_results(N, {"nullity", trace::count(N.cols())}));
    }
};

struct ColumnSpace {
    static void add_options(CLI::App& command, EliminationCall& call) { add_elimination_options(command, call, false); }
    template <Scalar T>
    static Document run(EliminationCall& call) {
        Matrix<T> A = read_operand<T>(call, {Eliminating::reduced, "the column space"});
        Matrix<T> C = column_space(A, elimination_options<T>(call), call.sink());
        return document(call, "colspace", "Column space of A", trace::fields({"A", to_math(A)}),
                        basis_results(C, {"rank", trace::count(C.cols())}));
    }
};

struct Lu {
    static void add_options(CLI::App& command, EliminationCall& call) { add_elimination_options(command, call, false); }
    template <Scalar T>
    static Document run(EliminationCall& call) {
        Matrix<T> A = read_operand<T>(call, {Eliminating::echelon, "the LU factorisation"});
        LU<T> f = lu(A, elimination_options<T>(call), call.sink());
        std::vector<Named> results = trace::fields({"P", to_math(f.P)}, {"L", to_math(f.L)}, {"U", to_math(f.U)});
        if (f.Q != Matrix<T>::identity(A.cols())) results.push_back({"Q", to_math(f.Q)});
        return document(call, "lu", "LU factorisation PA = LU", trace::fields({"A", to_math(A)}), std::move(results));
    }
};

struct RowOps {
    static void add_options(CLI::App& command, EliminationCall& call) {
        command.add_option("--augment", call.augment, "The last K columns are drawn after the bar");
    }
    template <Scalar T>
    static Document run(EliminationCall& call) {
        Matrix<T> A = read_matrix<T>(call.operands[0], call.augment);
        std::vector<RowOperation<T>> ops = parse_row_operations<T>(call.operands[1], A.rows());
        Matrix<T> B = apply_row_operations(A, ops, call.sink());
        return document(call, "rowops", "Row operations on A", trace::fields({"A", to_math(A)}), trace::fields({"result", to_math(B)}));
    }
};

template <class Command>
void add(CLI::App& app, const CommandSpec<>& spec) {
    register_command<Command>(app, spec, std::make_shared<EliminationCall>());
}

}  // namespace

void register_elimination_commands(CLI::App& app) {
    add<Ref>(app, {"ref", "Row echelon form, by Gaussian elimination", {matrix_a},
                   {"showwork ref \"2 3 6; 4 5 10\" --augment 1", "showwork ref \"1 2; 3 4\" --unit-pivots"}});
    add<Rref>(app, {"rref", "Reduced row echelon form, by Gauss–Jordan elimination", {matrix_a},
                    {"showwork rref \"1 2 3 6; 0 1 4 5\" --augment 1",
                     "showwork rref \"2 1 1 0; 1 1 0 1\" --augment 2     # (A | I) -> (I | A^-1)"}});
    add<Rank>(app, {"rank", "Rank and pivot columns", {matrix_a}, {"showwork rank \"1 2 3; 2 4 6; 1 0 1\""}});
    add<Det>(app, {"det", "Determinant, by elimination or by cofactor expansion", {matrix_a},
                   {"showwork det \"2 3; 4 5\"", "showwork det \"1 2 3; 4 5 6; 7 8 10\" --method cofactor"}});
    add<Inverse>(app, {"inverse", "Inverse, by row reducing (A | I) to (I | A⁻¹)", {matrix_a},
                       {"showwork inverse \"2 3; 4 5\""}});
    add<Solve>(app, {"solve", "Solve A x = b: one solution, infinitely many, or none",
                     {{"A", "(A | b) with --augment 1 (the default), or A when b is given"},
                      {"b", "The right-hand side, one column (optional)", false}},
                     {"showwork solve \"2 3 6; 4 5 10\" --augment 1",
                      "showwork solve \"1 2 3; 4 5 6\" \"1; 2\"",
                      "showwork solve \"1 1 2; 2 2 5\"     # no solution: shows the row 0 = 1",
                      "showwork solve \"1 1 2; 1 1 3; 1 2 4\"     # no solution; its least-squares solution"}});
    add<NullSpace>(app, {"nullspace", "A basis of the null space {x : A x = 0}", {matrix_a},
                         {"showwork nullspace \"1 2 3; 2 4 6\""}});
    add<ColumnSpace>(app, {"colspace", "A basis of the column space (the pivot columns of A)", {matrix_a},
                           {"showwork colspace \"1 2 3; 2 4 6\""}});
    add<Lu>(app, {"lu", "PA = LU: permutation, unit lower and upper triangular factors", {matrix_a},
                  {"showwork lu \"2 1 1; 4 3 3; 8 7 9\""}});
    add<RowOps>(app, {"rowops", "Apply your own row operations, one step at a time",
                      {matrix_a, {"OPERATIONS", "Row operations separated by ';': R1 <-> R2, R2 -> 1/2 R2, R2 -> R2 - 2R1"}},
                      {"showwork rowops \"2 3 6; 4 5 10\" \"R2 -> R2 - 2R1; R1 <-> R2\" --augment 1"}});
}

}  // namespace showwork::cli
