// Problems built backwards from their answers (teach/generate.hpp).
#include "showwork/teach/generate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/determinant.hpp"
#include "showwork/matrix/echelon.hpp"
#include "showwork/matrix/inverse.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/calculus/check.hpp"
#include "showwork/calculus/differentiate.hpp"
#include "showwork/calculus/parse.hpp"
#include "showwork/calculus/print.hpp"
#include "showwork/nn/gradient_check.hpp"
#include "showwork/nn/propagate.hpp"
#include "showwork/regression/simple.hpp"
#include "showwork/solvers/gradient_descent.hpp"
#include "showwork/solvers/linear_system.hpp"

namespace showwork::teach {

namespace {

constexpr std::array kind_names{"system", "family", "none", "rank", "rref", "inverse", "det", "regression", "derivative",
                                 "backprop"};
constexpr std::array difficulty_names{"easy", "medium", "hard"};
constexpr std::size_t max_attempts = 100'000;
constexpr std::size_t max_size = 6;

bool is_system(ProblemKind kind) {
    return kind == ProblemKind::system || kind == ProblemKind::family || kind == ProblemKind::none;
}

// The numbers of M as written: the largest numerator and denominator so far, and the fractions.
void record(WorkingMeasure& w, const Matrix<Rational>& M) {
    for (const Rational& x : M.entries()) {
        w.largest_numerator = std::max(w.largest_numerator, Integer(abs(numerator(x))));
        w.largest_denominator = std::max(w.largest_denominator, Integer(denominator(x)));
        w.fractions += denominator(x) != 1;
    }
}

// Small integers from the seed.
class Draw {
public:
    explicit Draw(std::uint64_t seed) : generator_{seed} {}
    long integer(long low, long high) {
        return low + static_cast<long>(generator_.below(static_cast<std::uint64_t>(high - low + 1)));
    }
    long nonzero(long bound) { return coin() ? integer(1, bound) : -integer(1, bound); }
    bool coin() { return generator_.below(2) == 1; }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(generator_.below(n)); }
    // k of 0 … n−1, increasing
    std::vector<std::size_t> subset(std::size_t k, std::size_t n) {
        std::vector<std::size_t> all(n);
        for (std::size_t i = 0; i < n; ++i) all[i] = i;
        shuffle(all, generator_);
        all.resize(k);
        std::sort(all.begin(), all.end());
        return all;
    }

private:
    SplitMix64 generator_;
};

// E = P L U (m × m): L unit lower triangular, U upper triangular with a non-zero diagonal, both
// with small entries; P swaps two rows one time in three. det E = ± the product of U's diagonal.
struct Scrambler {
    Matrix<Rational> E;
    Rational det;
};

Scrambler scrambler(std::size_t m, const Limits& limits, Draw& draw) {
    Matrix<Rational> L = Matrix<Rational>::identity(m), U(m, m);
    Rational det = 1;
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < i; ++j) L(i, j) = draw.integer(-limits.multiplier_bound, limits.multiplier_bound);
        U(i, i) = draw.nonzero(limits.pivot_bound);
        det *= U(i, i);
        for (std::size_t j = i + 1; j < m; ++j) U(i, j) = draw.integer(-limits.multiplier_bound, limits.multiplier_bound);
    }
    Matrix<Rational> E = L * U;
    if (m > 1 && draw.below(3) == 0) {
        std::size_t a = draw.below(m), b = (a + 1 + draw.below(m - 1)) % m;
        for (std::size_t j = 0; j < m; ++j) std::swap(E(a, j), E(b, j));
        det = -det;
    }
    return {std::move(E), det};
}

// R (m × cols) in reduced row echelon form of rank r, its pivots among the first `pivot_columns`
// columns, small integers right of each pivot; its other columns (a right-hand side) drawn too.
Matrix<Rational> echelon_form(std::size_t m, std::size_t cols, std::size_t r, std::size_t pivot_columns,
                              Draw& draw) {
    Matrix<Rational> R(m, cols);
    std::vector<std::size_t> pivots = draw.subset(r, pivot_columns);
    for (std::size_t i = 0; i < r; ++i) {
        R(i, pivots[i]) = 1;
        for (std::size_t j = pivots[i] + 1; j < cols; ++j)
            if (std::find(pivots.begin(), pivots.end(), j) == pivots.end()) R(i, j) = draw.integer(-3, 3);
    }
    return R;
}

// No equation gives an unknown away: every row has two non-zero coefficients (when there are two).
bool rows_mixed(const Matrix<Rational>& A) {
    const std::size_t n = A.cols() - A.augment();
    if (n < 2) return true;
    for (std::size_t i = 0; i < A.rows(); ++i) {
        std::size_t nonzero = 0;
        for (std::size_t j = 0; j < n; ++j) nonzero += A(i, j) != 0;
        if (nonzero < 2) return false;
    }
    return true;
}

bool entries_within(const Matrix<Rational>& A, long bound) {
    return std::all_of(A.entries().begin(), A.entries().end(), [bound](const Rational& x) {
        return denominator(x) == 1 && abs(numerator(x)) <= bound;
    });
}

// Every numerator at most `numerator_bound`, every denominator at most `denominator_bound`.
bool answer_within(const Matrix<Rational>& A, long numerator_bound, long denominator_bound) {
    return std::all_of(A.entries().begin(), A.entries().end(), [&](const Rational& x) {
        return abs(numerator(x)) <= numerator_bound && denominator(x) <= denominator_bound;
    });
}

Matrix<Rational> coefficients(const Matrix<Rational>& Ab) { return columns(Ab, 0, Ab.cols() - 1); }
Matrix<Rational> right_side(const Matrix<Rational>& Ab) { return columns(Ab, Ab.cols() - 1, 1); }

Unknowns unknowns_for(std::size_t n) {
    Unknowns unknowns;
    if (n <= 3) unknowns.names.assign({"x", "y", "z"}), unknowns.names.resize(n);
    return unknowns;
}

std::size_t rank_of(const Problem& p) {
    const std::size_t m = p.spec.size;
    if (p.spec.kind == ProblemKind::rank) return p.spec.rank;
    if (p.spec.kind == ProblemKind::rref) return p.spec.rank;
    return m - std::max<std::size_t>(p.spec.parameters, 1);
}

// ---- Derivatives ----

// "3*x^2", " - x", " + 5": the term a·body of a sum, as the parser reads it.
std::string term(long a, const std::string& body, bool first) {
    std::string out = a < 0 ? (first ? "-" : " - ") : (first ? "" : " + ");
    const long size = a < 0 ? -a : a;
    if (body.empty()) return out + std::to_string(size);
    return out + (size == 1 ? "" : std::to_string(size) + "*") + body;
}

std::string x_power(long k) { return k == 1 ? "x" : "x^" + std::to_string(k); }

// a x^k + b: a power and a constant
std::string binomial(Draw& draw, long top) {
    return term(draw.nonzero(4), x_power(draw.integer(1, top)), true) + term(draw.nonzero(5), "", false);
}

// f(x) of the difficulty: the rules it needs grow from sums and powers to products, chains and
// quotients (generate.hpp).
std::string draw_function(Difficulty difficulty, Draw& draw) {
    static const char* const functions[] = {"sin", "cos", "exp"};
    const std::string g = functions[draw.below(3)];
    switch (difficulty) {
        case Difficulty::easy:
            if (draw.coin()) {  // a x^k + b x^j + c
                const long k = draw.integer(2, 4), j = draw.integer(1, k - 1);
                return term(draw.nonzero(5), x_power(k), true) + term(draw.nonzero(5), x_power(j), false) +
                       term(draw.nonzero(5), "", false);
            }
            return term(draw.nonzero(4), g + "(" + term(draw.integer(2, 4), "x", true) + ")", true);  // a g(bx)
        case Difficulty::medium:
            switch (draw.below(4)) {
                case 0: return "(" + binomial(draw, 2) + ")*" + (draw.coin() ? g : std::string("ln")) + "(x)";
                case 1: return g + "(" + binomial(draw, 2) + ")";
                case 2: return "(" + binomial(draw, 1) + ")^" + std::to_string(draw.integer(3, 5));
                default: return "sqrt(" + term(draw.integer(1, 4), "x^2", true) + term(draw.integer(1, 5), "", false) + ")";
            }
        case Difficulty::hard:
            switch (draw.below(4)) {
                case 0:
                    return "(" + binomial(draw, 1) + ")/(" + term(draw.integer(1, 3), "x^2", true) +
                           term(draw.integer(1, 5), "", false) + ")";
                case 1: return x_power(draw.integer(1, 3)) + "*" + g + "(" + binomial(draw, 2) + ")";
                case 2: return "ln(" + term(draw.integer(1, 4), "x^2", true) + term(draw.integer(1, 5), "", false) + ")/x";
                default: return "sigmoid(" + binomial(draw, 1) + ")";
            }
    }
    return "x";
}

std::size_t rules_applied(const std::vector<trace::Step>& steps) {
    std::size_t n = 0;
    for (const trace::Step& step : steps) n += (step.kind == trace::kind::rule) + rules_applied(step.substeps);
    return n;
}

// The rules applied and the largest whole number written in f′.
WorkingMeasure measure_derivative(const std::string& function) {
    trace::Trace trace;
    const calculus::Expr derivative = calculus::differentiate(calculus::parse_expression(function), "x", &trace);
    WorkingMeasure w;
    w.operations = rules_applied(trace.take_steps());
    const std::string text = calculus::to_text(derivative);
    for (std::size_t i = 0; i < text.size();) {
        std::size_t j = i;
        while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
        if (j > i) w.largest_numerator = std::max(w.largest_numerator, Integer(text.substr(i, j - i)));
        i = j + 1;
    }
    return w;
}

// The rules against dual numbers and a central difference, in double at x = 0.7.
bool derivative_checks(const std::string& function) {
    const calculus::Expr f = calculus::parse_expression(function);
    const calculus::Expr derivative = calculus::differentiate(f, "x");
    try {
        return calculus::check_derivative<double>(f, derivative, "x", {{"x", 0.7}}).agree;
    } catch (const DomainError&) {
        return false;
    }
}

// ---- Backpropagation ----

constexpr nn::Loss backprop_loss = nn::Loss::half_mse;  // E = ½‖a − y‖² for one example

Matrix<Rational> small_matrix(std::size_t rows, std::size_t cols, long bound, Draw& draw) {
    Matrix<Rational> M(rows, cols);
    for (Rational& v : M.entries()) v = draw.integer(-bound, bound);
    return M;
}

// A tiny network, an example and a target; kept when no hidden unit sits at ReLU's kink (z = 0),
// some hidden unit is active, the output misses its target, and every gradient agrees exactly
// with a central difference (E is quadratic in each weight there, so the difference is exact).
bool draw_network(Problem& p, Draw& draw) {
    const bool relu = p.spec.difficulty != Difficulty::easy;
    const std::vector<std::size_t> sizes = p.spec.difficulty == Difficulty::hard ? std::vector<std::size_t>{2, 3, 2}
                                                                                  : std::vector<std::size_t>{2, 2, 1};
    nn::Network<Rational> network;
    for (std::size_t l = 1; l < sizes.size(); ++l) {
        const bool hidden = l + 1 < sizes.size();
        network.layers.push_back({small_matrix(sizes[l - 1], sizes[l], 2, draw), small_matrix(1, sizes[l], 1, draw),
                                  hidden && relu ? nn::Activation::relu : nn::Activation::identity});
    }
    p.matrix = small_matrix(1, sizes.front(), 2, draw);
    p.target = small_matrix(1, sizes.back(), 3, draw);
    p.network = network;
    const nn::ForwardPass<Rational> pass = nn::forward(network, p.matrix);
    for (std::size_t l = 1; l + 1 < sizes.size(); ++l) {
        const Matrix<Rational>& Z = pass.Z[l];
        if (std::any_of(Z.entries().begin(), Z.entries().end(), [](const Rational& z) { return z == 0; })) return false;
        const Matrix<Rational>& A = pass.A[l];
        if (std::all_of(A.entries().begin(), A.entries().end(), [](const Rational& a) { return a == 0; })) return false;
    }
    if (pass.output() == p.target) return false;
    const nn::GradientCheck<Rational> check = nn::check_gradient(network, p.matrix, p.target, backprop_loss);
    return check.backpropagation == check.difference;
}

// The forward pass and every gradient: the numbers a student writes.
WorkingMeasure measure_backprop(const Problem& p) {
    const nn::Backpropagation<Rational> bp = nn::backpropagate(p.network, p.matrix, p.target, backprop_loss);
    WorkingMeasure w;
    for (std::size_t l = 1; l < bp.pass.A.size(); ++l) {
        for (const Matrix<Rational>* M : {&bp.pass.Z[l], &bp.pass.A[l], &bp.gradients.W[l - 1], &bp.gradients.b[l - 1]})
            record(w, *M);
    }
    return w;
}

// One candidate of the problem's kind, and whether the library confirms what it was built to be.
bool draw_candidate(Problem& p, const Limits& limits, Draw& draw) {
    const std::size_t n = p.spec.size;
    const ProblemKind kind = p.spec.kind;
    switch (kind) {
        case ProblemKind::system: {
            Scrambler s = scrambler(n, limits, draw);
            Matrix<Rational> x(n, 1);
            for (Rational& v : x.entries()) v = draw.integer(-std::min(limits.answer_bound, 6L), std::min(limits.answer_bound, 6L));
            p.matrix = augment(s.E, s.E * x);
            p.matrix.set_augment(1);
            Solution<Rational> solved = solve(s.E, s.E * x);
            return solved.kind == SolutionKind::unique && solved.particular == x;
        }
        case ProblemKind::family:
        case ProblemKind::none: {
            const std::size_t r = rank_of(p);
            Matrix<Rational> R = echelon_form(n, n + 1, r, n, draw);
            for (std::size_t i = 0; i < r; ++i) R(i, n) = draw.integer(-4, 4);
            if (kind == ProblemKind::none) R(r, n) = draw.nonzero(3);
            p.matrix = scrambler(n, limits, draw).E * R;
            p.matrix.set_augment(1);
            Solution<Rational> solved = solve(coefficients(p.matrix), right_side(p.matrix));
            if (kind == ProblemKind::none) return solved.kind == SolutionKind::none && solved.rank == r;
            return solved.kind == SolutionKind::infinite && solved.directions.size() == n - r &&
                   answer_within(solved.particular, limits.answer_bound, 1);
        }
        case ProblemKind::rank:
        case ProblemKind::rref: {
            const std::size_t r = p.spec.rank;
            Matrix<Rational> R = echelon_form(n, n + 1, r, n + 1, draw);
            p.matrix = scrambler(n, limits, draw).E * R;
            if (kind == ProblemKind::rank) return rank(p.matrix) == r;
            return rref(p.matrix) == R;
        }
        case ProblemKind::inverse: {
            p.matrix = scrambler(n, limits, draw).E;
            Matrix<Rational> inverse_A = inverse(p.matrix);
            return inverse_A * p.matrix == Matrix<Rational>::identity(n) &&
                   answer_within(inverse_A, limits.answer_bound, limits.max_denominator);
        }
        case ProblemKind::det: {
            Scrambler s = scrambler(n, limits, draw);
            p.matrix = s.E;
            return determinant(p.matrix) == s.det && abs(numerator(s.det)) <= limits.max_numerator;
        }
        case ProblemKind::derivative:
            p.function = draw_function(p.spec.difficulty, draw);
            return derivative_checks(p.function);
        case ProblemKind::backprop: return draw_network(p, draw);
        case ProblemKind::regression: {
            // n distinct x from 0 … entry_bound, y near a line with small coefficients
            Matrix<Rational> data(n, 2);
            std::vector<std::size_t> xs = draw.subset(n, static_cast<std::size_t>(limits.entry_bound) + 1);
            const long slope = draw.integer(-3, 3), intercept = draw.integer(-5, 5);
            for (std::size_t i = 0; i < n; ++i) {
                data(i, 0) = static_cast<long>(xs[i]);
                data(i, 1) = intercept + slope * static_cast<long>(xs[i]) + draw.integer(-3, 3);
            }
            p.matrix = std::move(data);
            if (!entries_within(p.matrix, limits.entry_bound)) return false;
            regression::Sums<Rational> s = regression::sums(columns(p.matrix, 0, 1), columns(p.matrix, 1, 1));
            Matrix<Rational> line = Matrix<Rational>::column({s.slope(), s.intercept()});
            return answer_within(line, limits.answer_bound, limits.max_denominator) && s.slope() != 0 &&
                   s.squared_error(s.slope(), s.intercept()) != 0;  // a line with a slope, not through every point
        }
    }
    return false;
}

// The textbook elimination a student writes: first non-zero pivot, each pivot scaled to 1 when
// `reduced` (then cleared above too), pivots in the first `pivot_columns` columns.
Elimination<Rational> textbook_elimination(const Matrix<Rational>& start, bool reduced, std::size_t pivot_columns) {
    EliminationOptions<Rational> options;
    options.pivot = PivotRule::first_nonzero;
    options.method = Method::gauss_jordan;
    EliminationGoal goal;
    goal.reduced = reduced;
    goal.unit_pivots = reduced;
    goal.pivot_limit = pivot_columns;
    return eliminate(start, options, goal);
}


// The working a student writes for the problem, measured.
WorkingMeasure measure(const Problem& p) {
    const Matrix<Rational>& A = p.matrix;
    switch (p.spec.kind) {
        case ProblemKind::system:
        case ProblemKind::family:
        case ProblemKind::none: return measure_working(A, true, A.cols() - 1);
        case ProblemKind::rank:
        case ProblemKind::det: return measure_working(A, false, A.cols());
        case ProblemKind::rref: return measure_working(A, true, A.cols());
        case ProblemKind::inverse: return measure_working(augment(A, Matrix<Rational>::identity(A.rows())), true, A.cols());
        case ProblemKind::derivative: return measure_derivative(p.function);
        case ProblemKind::backprop: return measure_backprop(p);
        case ProblemKind::regression: {
            // notes 000: the sums Σx, Σy, Σx², Σxy, then m and b from their formulas
            regression::Sums<Rational> sums = regression::sums(columns(A, 0, 1), columns(A, 1, 1));
            WorkingMeasure w;
            record(w, Matrix<Rational>::row({sums.x, sums.y, sums.xx, sums.xy, sums.denominator(), sums.slope(), sums.intercept()}));
            return w;
        }
    }
    return {};
}

// "2x − 3y + z" = b: one equation of the system, its zero terms left out.
trace::Math equation(const Matrix<Rational>& Ab, std::size_t i, const Unknowns& unknowns) {
    const std::size_t n = Ab.cols() - 1;
    std::vector<trace::Math> terms;
    for (std::size_t j = 0; j < n; ++j) {
        const Rational& a = Ab(i, j);
        if (a == 0) continue;
        Rational size = abs(a);
        trace::Math term = size == 1 ? unknowns.math(j) : trace::product({to_math(size), unknowns.math(j)}, "");
        terms.push_back(a < 0 ? trace::negate(std::move(term)) : std::move(term));
    }
    trace::Math left = terms.empty() ? trace::number("0")
                       : terms.size() == 1 && terms[0].kind != trace::Kind::negate ? terms[0]
                                                                                  : trace::sum(std::move(terms));
    return trace::equals(std::move(left), to_math(Ab(i, n)));
}

}  // namespace

std::string_view problem_kind_name(ProblemKind kind) { return kind_names[static_cast<std::size_t>(kind)]; }

std::vector<ProblemKind> problem_kinds() {
    std::vector<ProblemKind> kinds;
    for (std::size_t k = 0; k < kind_names.size(); ++k) kinds.push_back(static_cast<ProblemKind>(k));
    return kinds;
}

ProblemKind parse_problem_kind(std::string_view name) {
    for (std::size_t k = 0; k < kind_names.size(); ++k)
        if (name == kind_names[k]) return static_cast<ProblemKind>(k);
    throw InputError(fmt::format("unknown kind of problem {}: one of {}", quoted_token(name), fmt::join(kind_names, ", ")));
}

std::string_view difficulty_name(Difficulty difficulty) { return difficulty_names[static_cast<std::size_t>(difficulty)]; }

Difficulty parse_difficulty(std::string_view name) {
    for (std::size_t k = 0; k < difficulty_names.size(); ++k)
        if (name == difficulty_names[k]) return static_cast<Difficulty>(k);
    throw InputError(fmt::format("unknown difficulty {}: easy, medium or hard", quoted_token(name)));
}

namespace {

// The limits of the kinds that are no matrix to reduce, easy, medium and hard; null for the others.
const Limits* limits_of_its_own(ProblemKind kind) {
    //                                size entries answer pivots multipliers numerator denominator fractions operations
    // regression: points; x from 0 to `entries`; the working: the sums Σx, Σy, Σx², Σxy,
    // nΣx² − (Σx)², then m and b
    static const Limits regression[] = {
        {4, 8, 6, 1, 1, 400, 1, 0, 0}, {5, 10, 9, 1, 1, 1000, 6, 2, 0}, {6, 12, 12, 1, 1, 2000, 12, 2, 0}};
    // derivative: the rules applied (operations) and the largest whole number in f′ (numerator)
    static const Limits derivative[] = {
        {1, 0, 0, 1, 1, 30, 1, 0, 6}, {1, 0, 0, 1, 1, 60, 1, 0, 10}, {1, 0, 0, 1, 1, 150, 1, 0, 16}};
    // backprop: the example's entries at most 2, as the weights; the largest number in the
    // forward pass and the gradients, all whole (E = 1/2 ‖a − y‖²)
    static const Limits backprop[] = {
        {1, 2, 0, 1, 1, 20, 1, 0, 0}, {1, 2, 0, 1, 1, 40, 1, 0, 0}, {1, 2, 0, 1, 1, 80, 1, 0, 0}};
    switch (kind) {
        case ProblemKind::regression: return regression;
        case ProblemKind::derivative: return derivative;
        case ProblemKind::backprop: return backprop;
        default: return nullptr;
    }
}

}  // namespace

Limits limits_for(ProblemKind kind, Difficulty difficulty) {
    //                 size entries answer pivots multipliers numerator denominator fractions operations
    static const Limits by_difficulty[] = {
        {2, 6, 6, 1, 2, 20, 1, 0, 8},
        {3, 9, 9, 2, 2, 60, 6, 12, 16},
        {4, 12, 12, 3, 3, 250, 24, 60, 30},
    };
    const auto level = static_cast<std::size_t>(difficulty);
    if (const Limits* own = limits_of_its_own(kind)) return own[level];
    Limits limits = by_difficulty[level];
    if (kind == ProblemKind::inverse) {
        // (A | I) is twice as wide; an integer inverse (det ±1) but for hard problems
        limits.pivot_bound = difficulty == Difficulty::hard ? 2 : 1;
        limits.max_fractions *= 2;
        limits.max_operations += limits.size * limits.size;
        if (difficulty == Difficulty::hard) limits.size = 3;
    }
    return limits;
}

WorkingMeasure measure_working(const Matrix<Rational>& start, bool reduced, std::size_t pivot_columns) {
    const Elimination<Rational> e = textbook_elimination(start, reduced, pivot_columns);
    WorkingMeasure w;
    w.operations = e.operations.size();
    Matrix<Rational> M = start;
    record(w, M);
    for (const RowOperation<Rational>& op : e.operations) {
        op.apply(M);
        record(w, M);
    }
    return w;
}

std::string typed_matrix(const Matrix<Rational>& A) {
    std::string out;
    for (std::size_t i = 0; i < A.rows(); ++i) {
        if (i > 0) out += "; ";
        for (std::size_t j = 0; j < A.cols(); ++j) {
            if (j > 0) out += A.augment() > 0 && j == A.cols() - A.augment() ? " | " : " ";
            out += rational_text(A(i, j));
        }
    }
    return out;
}

std::string written_working(const Matrix<Rational>& start, bool reduced, std::size_t pivot_columns) {
    const Elimination<Rational> e = textbook_elimination(start, reduced, pivot_columns);
    std::string working;
    Matrix<Rational> current = start;
    for (const RowOperation<Rational>& op : e.operations) {
        op.apply(current);
        working += trace::to_text(op.to_math()) + " : [" + typed_matrix(current) + "]\n";
    }
    return working;
}

bool within(const WorkingMeasure& w, const Limits& limits) {
    return w.largest_numerator <= limits.max_numerator && w.largest_denominator <= limits.max_denominator &&
           w.fractions <= limits.max_fractions && w.operations <= limits.max_operations;
}

std::uint64_t problem_seed(std::uint64_t sheet_seed, std::size_t index) { return sheet_seed * 1000 + index; }

// Measured per problem with `generate KIND --count 100 --worksheet` over seeds 1 to 5 (the sheet,
// and its key with derivations), on one core of a 2-core machine; the drawing is most of it where
// it is long, and varies with the seed by a third either way.
double problem_seconds(const ProblemSpec& spec) {
    const std::size_t n = spec.size != 0 ? spec.size : limits_for(spec.kind, spec.difficulty).size;
    const int d = static_cast<int>(spec.difficulty);  // easy, medium, hard
    double ms = n <= 4 ? 2 : 3;
    if (n == 6) {
        switch (spec.kind) {
            case ProblemKind::system: ms = std::array{25.0, 12.0, 45.0}[d]; break;
            case ProblemKind::none: ms = std::array{22.0, 10.0, 35.0}[d]; break;
            case ProblemKind::inverse: ms = std::array{18.0, 8.0, 45.0}[d]; break;
            case ProblemKind::family: ms = std::array{8.0, 8.0, 16.0}[d]; break;
            default: break;
        }
    }
    if (spec.kind == ProblemKind::regression && spec.difficulty == Difficulty::easy && n >= 8) ms = 12;
    return ms / 1000;
}

Problem generate_problem(const ProblemSpec& spec, std::uint64_t seed) {
    Problem p;
    p.spec = spec;
    p.seed = seed;
    if ((spec.kind == ProblemKind::derivative || spec.kind == ProblemKind::backprop) && spec.size != 0) {
        throw InputError(fmt::format("--size does not apply to {} problems: --difficulty sets their shape",
                                     problem_kind_name(spec.kind)));
    }
    std::size_t& n = p.spec.size;
    if (n == 0) n = limits_for(spec.kind, spec.difficulty).size;
    // a size above the difficulty's: room for the longer working, as many operations and
    // fractions per entry as the default size allows (the numbers' bounds stay)
    Limits limits = limits_for(spec.kind, spec.difficulty);
    if (n > limits.size && spec.kind != ProblemKind::regression) {
        const std::size_t base = limits.size * limits.size, square = n * n;
        limits.max_operations = limits.max_operations * square / base;
        limits.max_fractions = limits.max_fractions * square / base;
    }
    const char* what = spec.kind == ProblemKind::regression ? "points" : "rows";
    if (spec.kind != ProblemKind::derivative && (spec.kind == ProblemKind::regression ? n < 3 || n > 12 : n < 1 || n > max_size)) {
        throw InputError(fmt::format("--size for {}: {} from {} to {}, not {}", problem_kind_name(spec.kind), what,
                                     spec.kind == ProblemKind::regression ? 3 : 1,
                                     spec.kind == ProblemKind::regression ? 12 : max_size, n));
    }
    if (spec.kind == ProblemKind::regression && n > static_cast<std::size_t>(limits.entry_bound) + 1) {
        throw InputError(fmt::format("--size for regression: at most {} points at the {} difficulty (x from 0 to {}, "
                                     "each once)", limits.entry_bound + 1, difficulty_name(spec.difficulty),
                                     limits.entry_bound));
    }
    Draw draw(seed);
    if (is_system(spec.kind) && spec.kind != ProblemKind::system) {
        std::size_t& deficit = p.spec.parameters;
        if (deficit == 0) deficit = 1;
        if (deficit >= n) {
            throw InputError(fmt::format("--parameters {} needs at least {} unknowns: a system of {} has at most {}",
                                         deficit, deficit + 1, n, n - 1));
        }
    }
    if (spec.kind == ProblemKind::rank || spec.kind == ProblemKind::rref) {
        std::size_t& r = p.spec.rank;
        if (r > n) throw InputError(fmt::format("--rank {}: a matrix with {} rows has rank at most {}", r, n, n));
        if (r == 0) r = spec.kind == ProblemKind::rank ? std::max<std::size_t>(n - 1, 1) : n - draw.below(std::min<std::size_t>(n, 2));
    }
    for (std::size_t attempt = 1; attempt <= max_attempts; ++attempt) {
        if (!draw_candidate(p, limits, draw)) continue;
        if (p.spec.kind != ProblemKind::regression &&
            (!entries_within(p.matrix, limits.entry_bound) || !rows_mixed(p.matrix))) continue;
        p.working = measure(p);
        if (!within(p.working, limits)) continue;
        p.attempts = attempt;
        return p;
    }
    throw MathError(fmt::format("no {} problem of size {} within the {} limits turned up in {} candidates of seed {}: "
                                "try a smaller --size or a harder --difficulty",
                                problem_kind_name(spec.kind), n, difficulty_name(spec.difficulty), thousands(max_attempts), seed));
}

std::string working_summary(const Problem& p) {
    const WorkingMeasure& w = p.working;
    if (p.spec.kind == ProblemKind::derivative)
        return fmt::format("largest number written {}, {} rules applied", w.largest_numerator.str(), w.operations);
    std::string out = fmt::format("largest number written {}, largest denominator {}", w.largest_numerator.str(),
                                  w.largest_denominator.str());
    if (w.fractions > 0) out += fmt::format(", {} entries written as fractions", w.fractions);
    if (w.operations > 0) out += fmt::format(", {} row operations", w.operations);
    return out;
}

std::string problem_statement(const Problem& p) {
    switch (p.spec.kind) {
        case ProblemKind::system:
        case ProblemKind::family:
        case ProblemKind::none: return "Solve the system.";
        case ProblemKind::rank: return "Find the rank of A.";
        case ProblemKind::rref: return "Bring A to reduced row echelon form.";
        case ProblemKind::inverse: return "Find the inverse of A.";
        case ProblemKind::det: return "Compute det A.";
        case ProblemKind::regression: return "Fit the least-squares line y = mx + b to the points.";
        case ProblemKind::derivative: return "Differentiate f with respect to x.";
        case ProblemKind::backprop:
            return "One backpropagation step: find ∂E/∂W and ∂E/∂b for every layer at the example x with target y, "
                   "E = 1/2 ‖a − y‖².";
    }
    return {};
}

trace::Math problem_math(const Problem& p) {
    const Matrix<Rational>& A = p.matrix;
    if (is_system(p.spec.kind)) {
        const Unknowns unknowns = unknowns_for(A.cols() - 1);
        std::vector<trace::Math> lines;
        for (std::size_t i = 0; i < A.rows(); ++i) lines.push_back(equation(A, i, unknowns));
        return trace::cases(std::move(lines));
    }
    if (p.spec.kind == ProblemKind::backprop) {
        std::vector<trace::Math> items;
        for (std::size_t l = 1; l <= p.network.depth(); ++l) {
            const nn::Layer<Rational>& layer = p.network.layers[l - 1];
            items.push_back(trace::equals(nn::layer_symbol("W", l), to_math(layer.W)));
            items.push_back(trace::equals(nn::layer_symbol("b", l), to_math(layer.b)));
            items.push_back(trace::equals(trace::indexed("h", l), trace::text(std::string(nn::activation_name(layer.h)))));
        }
        items.push_back(trace::equals(trace::symbol("x"), to_math(p.matrix)));
        items.push_back(trace::equals(trace::symbol("y"), to_math(p.target)));
        return trace::list(std::move(items), "; ");
    }
    if (p.spec.kind == ProblemKind::derivative) {
        return trace::equals(trace::apply("f", {trace::symbol("x")}), calculus::to_math(calculus::parse_expression(p.function)));
    }
    if (p.spec.kind == ProblemKind::regression) {
        std::vector<std::vector<trace::Math>> rows;
        for (std::size_t i = 0; i < A.rows(); ++i) rows.push_back({to_math(A(i, 0)), to_math(A(i, 1))});
        return trace::table({trace::symbol("x"), trace::symbol("y")}, rows);
    }
    return trace::equals(trace::symbol("A"), to_math(A));
}

template <Scalar T>
std::vector<trace::Named> solve_problem(const Problem& p, trace::Trace* trace) {
    const Matrix<T> A = matrix_cast<T>(p.matrix);
    switch (p.spec.kind) {
        case ProblemKind::system:
        case ProblemKind::family:
        case ProblemKind::none: {
            const Unknowns unknowns = unknowns_for(A.cols() - 1);
            Solution<T> s = solve(Matrix<T>(columns(A, 0, A.cols() - 1)), Matrix<T>(columns(A, A.cols() - 1, 1)), {},
                                  trace, unknowns);
            if (s.kind == SolutionKind::unique) return trace::fields({"answer", answer_equations(s, unknowns)});
            if (s.kind == SolutionKind::infinite) return trace::fields({"answer", parametric_form(s, unknowns)});
            return trace::fields({"answer", trace::text("no solution")}, {"evidence", trace::text(s.evidence())});
        }
        case ProblemKind::rank: return trace::fields({"rank", trace::count(rank(A, {}, trace))});
        case ProblemKind::rref: return trace::fields({"rref", to_math(rref(A, {}, trace))});
        case ProblemKind::inverse:
            return {{"inverse", to_math(inverse(A, {}, trace)), trace::Named::Where::everywhere,
                     trace::power(trace::symbol("A"), trace::number("-1"))}};
        case ProblemKind::det:
            return {{"determinant", to_math(determinant(A, {}, trace)), trace::Named::Where::everywhere,
                     trace::apply("det", {trace::symbol("A")})}};
        case ProblemKind::regression: {
            const Matrix<T> x = columns(A, 0, 1), y = columns(A, 1, 1);
            regression::Sums<T> s = regression::sums(x, y);
            if (trace) regression::record_simple_regression(x, y, s, *trace);
            return trace::fields({"m", to_math(s.slope())}, {"b", to_math(s.intercept())});
        }
        case ProblemKind::backprop: {
            nn::Network<T> network;
            for (const nn::Layer<Rational>& layer : p.network.layers)
                network.layers.push_back({matrix_cast<T>(layer.W), matrix_cast<T>(layer.b), layer.h});
            const nn::Backpropagation<T> bp =
                nn::backpropagate(network, A, matrix_cast<T>(p.target), backprop_loss, T(0), trace);
            std::vector<trace::Named> results{{"E", to_math(bp.loss)}};
            for (std::size_t l = 1; l <= network.depth(); ++l) {
                results.push_back({"dE/dW" + std::to_string(l), to_math(bp.gradients.W[l - 1]), trace::Named::Where::everywhere,
                                   trace::partial_fraction(trace::symbol("E"), nn::layer_symbol("W", l))});
                results.push_back({"dE/db" + std::to_string(l), to_math(bp.gradients.b[l - 1]), trace::Named::Where::everywhere,
                                   trace::partial_fraction(trace::symbol("E"), nn::layer_symbol("b", l))});
            }
            return results;
        }
        case ProblemKind::derivative: {
            const calculus::Expr derivative =
                calculus::differentiate(calculus::parse_expression(p.function), "x", trace);
            return {{"derivative", calculus::to_math(derivative), trace::Named::Where::everywhere,
                     calculus::partial_ratio("f", "x")}};
        }
    }
    return {};
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_SOLVE_PROBLEM_INSTANCES)

}  // namespace showwork::teach
