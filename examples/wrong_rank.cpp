// A matrix whose floating RREF has the wrong rank, in both directions.
//
// 1. Too high. The third row is exactly 4/5 (row 1) + 1/3 (row 2), so rank A = 2. In double
//    the entries are rounded, and after eliminating columns 1 and 2 the entry a_33 that is
//    exactly 0 is left as 4.4e-16, just above the zero test |x| <= max(m,n) · ε · max|a_ij|
//    = 3.3e-16: double takes it as a third pivot and reports rank 3.
// 2. Too low. [[1, 1], [1, 1 + 3·10^-16]] is exactly invertible (det = 3·10^-16). In double
//    1 + 3·10^-16 rounds to 1 + 2^-52, the pivot left in column 2 is 2.2e-16, and the zero test
//    (tolerance 4.4e-16) calls it zero: double reports rank 1.
// The first-difference report names the step, the column and both values. The document: one
// sub-derivation per matrix, in it one per arithmetic (double, float50): both ranks, the first
// different decision, both RREFs; the ranks as a table in the result.
//
//   wrong_rank [text|latex|markdown|json|document]     (text by default)
#include "examples/example.hpp"
#include "showwork/compare/compare.hpp"
#include "showwork/matrix/to_math.hpp"

using namespace showwork;

namespace {

// A compared exactly and over F, as a sub-derivation; its row of the results' table.
template <Scalar F>
std::vector<trace::Math> report(const char* matrix, const Matrix<Rational>& A, trace::Trace& steps) {
    Comparison<F> c = compare<F>(CompareOperation::rref, A);
    const std::string name(ScalarTraits<F>::name);
    trace::SubDerivation sub(&steps, trace::kind::compare, "In " + name + ".");
    steps.add(trace::kind::rank,
              "The rank exactly and in " + name + (c.rank_exact == c.rank_floating ? ": the same." : ": they differ."),
              std::nullopt,
              trace::list({trace::equals(trace::text("rank, exact"), trace::count(c.rank_exact)),
                           trace::equals(trace::text("rank, " + name), trace::count(c.rank_floating))},
                          "; "));
    if (c.first_difference) {
        const auto& d = *c.first_difference;
        steps.add(trace::kind::compare,
                  "The first different decision (" + std::string(divergence_kind_name(d.kind)) + "): " + d.text);
    } else {
        steps.add(trace::kind::compare, "The first different decision: none.");
    }
    steps.add(trace::kind::exact, "The RREF exactly.", std::nullopt, to_math(*c.exact));
    steps.add(trace::kind::floating, "The RREF in " + name + ".", std::nullopt, to_math(*c.floating));
    sub.conclude(trace::equals(trace::text("rank, " + name), trace::count(c.rank_floating)));
    return {trace::text(matrix), trace::text(name), trace::count(c.rank_exact), trace::count(c.rank_floating),
            trace::text(c.first_difference ? std::string(divergence_kind_name(c.first_difference->kind)) : "none")};
}

// One matrix, in double and in float50.
void both(const char* matrix, const std::string& why, const Matrix<Rational>& A, trace::Trace& steps,
          std::vector<std::vector<trace::Math>>& rows) {
    trace::SubDerivation sub(&steps, trace::kind::compare);
    sub.describe(std::string(matrix) + ": " + why, trace::equals(trace::symbol(matrix), to_math(A)));
    rows.push_back(report<double>(matrix, A, steps));
    rows.push_back(report<Float50>(matrix, A, steps));
}

trace::Document wrong_rank() {
    Matrix<Rational> dependent{{Rational(1, 2), Rational(1, 3), Rational(1, 11)},
                               {Rational(1, 5), Rational(1, 7), Rational(1, 2)},
                               {0, 0, 0}};
    for (std::size_t j = 0; j < 3; ++j)
        dependent(2, j) = Rational(4, 5) * dependent(0, j) + Rational(1, 3) * dependent(1, j);
    Rational tiny(3, 1);
    for (int k = 0; k < 16; ++k) tiny /= 10;
    Matrix<Rational> invertible{{1, 1}, {1, Rational(1 + tiny)}};

    trace::Trace steps;
    std::vector<std::vector<trace::Math>> rows;
    both("A", "its rows are exactly dependent, row 3 = 4/5 row 1 + 1/3 row 2 (rank too high in double).", dependent,
         steps, rows);
    both("B", "exactly invertible, det B = 3e-16 (rank too low in double).", invertible, steps, rows);

    trace::Document doc;
    doc.title = "A floating RREF with the wrong rank, in both directions";
    doc.command = "compare";
    doc.number = "double";
    doc.inputs = {{"A", to_math(dependent)}, {"B", to_math(invertible)}};
    doc.results = {{"ranks", trace::table({trace::text("matrix"), trace::text("arithmetic"), trace::text("rank exactly"),
                                           trace::text("rank floating"), trace::text("first difference")},
                                          rows)}};
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) {
    return examples::run("wrong_rank", argc, argv, wrong_rank);
}
