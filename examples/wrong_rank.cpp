// A matrix whose floating RREF has the wrong rank, in both directions.
//
// 1. Too high. The third row is exactly 4/5 (row 1) + 1/3 (row 2), so rank A = 2. In double
//    the entries are rounded, and after eliminating columns 1 and 2 the entry a_33 that is
//    exactly 0 is left as 4.4e-16, just above the zero test |x| <= max(m,n) · ε · max|a_ij|
//    = 3.3e-16: double takes it as a third pivot and reports rank 3.
// 2. Too low. [[1, 1], [1, 1 + 3·10^-16]] is exactly invertible (det = 3·10^-16). In double
//    1 + 3·10^-16 rounds to 1 + 2^-52, the pivot left in column 2 is 2.2e-16, and the zero test
//    (tolerance 4.4e-16) calls it zero: double reports rank 1.
// The first-difference report names the step, the column and both values.
#include <fmt/core.h>

#include "showwork/compare/compare.hpp"
#include "showwork/trace/render.hpp"

using namespace showwork;

template <Scalar F>
static void report(const char* title, const Matrix<Rational>& A) {
    Comparison<F> c = compare<F>(CompareOperation::rref, A);
    fmt::print("{} ({})\n", title, ScalarTraits<F>::name);
    fmt::print("  rank exactly: {}, rank in {}: {}\n", c.rank_exact, ScalarTraits<F>::name, c.rank_floating);
    if (c.first_difference) {
        const auto& d = *c.first_difference;
        fmt::print("  first different decision ({}): {}\n", divergence_kind_name(d.kind), d.text);
    } else {
        fmt::print("  first different decision: none\n");
    }
    fmt::print("  RREF exactly:\n{}\n", trace::to_text(to_math(*c.exact)));
    fmt::print("  RREF in {}:\n{}\n\n", ScalarTraits<F>::name, trace::to_text(to_math(*c.floating)));
}

int main() {
    Matrix<Rational> dependent{{Rational(1, 2), Rational(1, 3), Rational(1, 11)},
                               {Rational(1, 5), Rational(1, 7), Rational(1, 2)},
                               {0, 0, 0}};
    for (std::size_t j = 0; j < 3; ++j)
        dependent(2, j) = Rational(4, 5) * dependent(0, j) + Rational(1, 3) * dependent(1, j);
    report<double>("1. Rows exactly dependent, row 3 = 4/5 row 1 + 1/3 row 2", dependent);
    report<Float50>("1. The same matrix", dependent);

    Rational tiny(3, 1);
    for (int k = 0; k < 16; ++k) tiny /= 10;
    Matrix<Rational> invertible{{1, 1}, {1, Rational(1 + tiny)}};
    report<double>("2. Exactly invertible, det = 3e-16", invertible);
    report<Float50>("2. The same matrix", invertible);
}
