// Problems with nice answers, built backwards from the answer and reproducible from a seed.
//
//   system      A x = b with one solution, in integers: A = L U scrambles, b = A x
//   family      A x = b with a one- or two-parameter family of solutions: (A | b) = E (R | c),
//               R in reduced row echelon form with small integers, E invertible
//   none        A x = b without a solution: the same with a row (0 … 0 | c ≠ 0) in (R | c)
//   rank        A (m × (m+1)) of a given rank: E R
//   rref        A (m × (m+1)) to bring to its RREF R, with E R
//   inverse     A whose inverse has integer entries (det ±1, unimodular) or, hard, small
//               denominators: A = P L U
//   det         a determinant to compute: A = P L U, det A = ± the product of U's diagonal
//   regression  points (x, y) whose least-squares line y = mx + b has small rational
//               coefficients, m ≠ 0, and misses some point (notes 000's sums and formulas)
//   derivative  f(x) to differentiate by the rules: easy a sum of powers or one function of a
//               linear inner; medium a product or a chain; hard a quotient or a product with
//               a chain inside (the rules of notes 003, as `diff` applies them)
//   backprop    one backpropagation step: a tiny network (2-2-1 linear; 2-2-1 with a ReLU
//               hidden layer; 2-3-2 ReLU) with small integer weights, one example x and target
//               y, E = ½‖a − y‖²: every ∂E/∂W^{[l]}, ∂E/∂b^{[l]} (notes 002–004), no unit at
//               ReLU's kink, every gradient checked against central differences exactly
//
// A difficulty is a set of measured limits (Limits): the problem's entries, its answer, and the
// working a student writes (for a derivative: the rules applied, counted as operations, and the
// largest number in f′) — the Gauss–Jordan working — the textbook elimination (first non-zero pivot, each
// pivot scaled to 1, then cleared above) of (A | b), A, (A | I) or XᵀX β = Xᵀy: its largest
// numerator, its largest denominator, how many of the entries written are fractions, and how
// many row operations it takes. A candidate drawn from the seed is kept only when it is within
// every limit and the library's own solve, rank, RREF, inverse, determinant or fit confirms the
// property it was built to have; otherwise the next candidate of the same seed is drawn.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "showwork/matrix/instances.hpp"
#include "showwork/matrix/matrix.hpp"
#include "showwork/nn/network.hpp"
#include "showwork/trace/trace.hpp"

namespace showwork::teach {

enum class ProblemKind { system, family, none, rank, rref, inverse, det, regression, derivative, backprop };
std::string_view problem_kind_name(ProblemKind kind);  // "system", "family", …
ProblemKind parse_problem_kind(std::string_view name);  // InputError naming the kinds otherwise
std::vector<ProblemKind> problem_kinds();              // all of them, in the order above

enum class Difficulty { easy, medium, hard };
std::string_view difficulty_name(Difficulty difficulty);
Difficulty parse_difficulty(std::string_view name);

// What a difficulty allows, every bound inclusive (README, "Generating problems").
struct Limits {
    std::size_t size = 3;            // unknowns, or A's rows; data points for regression
    long entry_bound = 9;            // |each entry of the problem|
    long answer_bound = 9;           // |each numerator of the answer|
    long pivot_bound = 2;            // |the diagonal of U| in the construction
    long multiplier_bound = 2;       // |the off-diagonal entries of L and U|
    long max_numerator = 60;         // the working: largest |numerator| written
    long max_denominator = 6;        // … largest denominator (1: no fractions at all)
    std::size_t max_fractions = 12;  // … entries written that are not integers
    std::size_t max_operations = 14; // … row operations
};
Limits limits_for(ProblemKind kind, Difficulty difficulty);

struct ProblemSpec {
    ProblemKind kind = ProblemKind::system;
    Difficulty difficulty = Difficulty::medium;
    std::size_t size = 0;        // 0: the difficulty's (limits_for)
    std::size_t rank = 0;        // rank, rref: 0 draws one (rank: below full, rref: any)
    std::size_t parameters = 0;  // family: 1 or 2 (0: 1); none: the rank deficit (0: 1)
};

// The Gauss–Jordan working of a problem, measured.
struct WorkingMeasure {
    Integer largest_numerator = 0;
    Integer largest_denominator = 1;
    std::size_t fractions = 0;
    std::size_t operations = 0;
};

struct Problem {
    ProblemSpec spec;          // as asked, size filled in
    std::uint64_t seed = 0;
    Matrix<Rational> matrix;   // (A | b) for the systems, A, or the data (x | y)
    std::string function;      // derivative: f(x) as the program reads it, "(2x + 1)*sin(x)"
    nn::Network<Rational> network;  // backprop: the network; `matrix` is the example x (1 × n₀)
    Matrix<Rational> target;        // backprop: y (1 × n_L)
    WorkingMeasure working;
    std::size_t attempts = 0;  // candidates drawn before this one was within the limits
};

// The problem of `spec` drawn from `seed`: the same seed, the same problem, on every machine.
// InputError for a spec that cannot be met (a rank larger than the size, a size above 6);
// MathError when no candidate within the limits turned up (not seen for the defaults).
Problem generate_problem(const ProblemSpec& spec, std::uint64_t seed);

// What the problem asks, as a sentence: "Solve the system.", "Find the rank of A.", …
std::string problem_statement(const Problem& problem);

// How its working measured, in words: "largest number written 12, largest denominator 2,
// 3 entries written as fractions, 9 row operations"; "…, 4 rules applied" for a derivative.
std::string working_summary(const Problem& problem);

// The problem as it is shown: the system as equations (2x + 3y = 6, …), A = (…), the data, or
// f(x) = ….
trace::Math problem_math(const Problem& problem);

// The answer key: the library's derivation of the answer into `trace` (when given), and the
// answer as named results ("answer", "rank", "rref", "inverse", "determinant", "m" and "b"). In
// T: the exact problem worked in double or Float50 shows what rounding does to it.
template <Scalar T>
std::vector<trace::Named> solve_problem(const Problem& problem, trace::Trace* trace = nullptr);

// The measured working of reducing `start` (Gauss–Jordan when `reduced`, else the forward
// elimination alone), pivots only in its first `pivot_columns` columns.
WorkingMeasure measure_working(const Matrix<Rational>& start, bool reduced, std::size_t pivot_columns);

// A matrix as a student types it in a working: "1 2 | 3; 0 1 | 4".
std::string typed_matrix(const Matrix<Rational>& A);

// The same working written out in the format `check` reads (teach/working.hpp): a line per row
// operation, as the program writes it, then the matrix it gives. A correct working to check, or
// to hand out with the answer key.
std::string written_working(const Matrix<Rational>& start, bool reduced, std::size_t pivot_columns);

// Whether the working is within the limits.
bool within(const WorkingMeasure& working, const Limits& limits);

// The seed of problem `index` (1-based) of the sheet drawn from `sheet_seed`: 1000 · seed + index,
// so that a problem can be drawn again on its own.
std::uint64_t problem_seed(std::uint64_t sheet_seed, std::size_t index);

// About how long one problem takes, in seconds, to draw and to solve with its derivation for an
// answer key: a model measured on one core of a 2-core machine (README, "Generating problems").
// Up to size 5 every kind takes a few milliseconds; at size 6, the largest, a system, a system
// without a solution or an inverse is drawn many times over before one meets every limit (about
// 45 ms a problem when hard, 20 when easy, 10 when medium, whose limits grow with the size).
double problem_seconds(const ProblemSpec& spec);

#define SHOWWORK_SOLVE_PROBLEM_INSTANCES(EXTERN, T) \
    EXTERN template std::vector<trace::Named> solve_problem<T>(const Problem&, trace::Trace*);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_SOLVE_PROBLEM_INSTANCES)

}  // namespace showwork::teach
