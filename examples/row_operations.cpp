// The three row operations of the notes, one example each, and the elementary matrix of each:
//   interchange  R_1 ↔ R_2,   scaling  R_2 → 1/2 R_2,   replacement  R_2 → R_2 − 2R_1.
#include <fmt/core.h>

#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/format.hpp"
#include "showwork/matrix/row_ops.hpp"
#include "showwork/trace/render.hpp"

using namespace showwork;

namespace {
void show(const char* name, const char* text, const Matrix<Rational>& A) {
    auto ops = parse_row_operations<Rational>(text, A.rows());
    trace::Trace steps;
    Matrix<Rational> B = apply_row_operations(A, ops, &steps);
    fmt::print("{}: {}\n{:p}\n  becomes\n{:p}\n", name, text, A, B);
    fmt::print("  elementary matrix E (E A = B):\n{:p}\n", ops[0].elementary(A.rows()));
    fmt::print("  undone by the inverse operation: {}\n", ops[0].inverse().applied_to(B) == A);
    fmt::print("  trace: {} step, {}\n\n", steps.steps().size(), steps.steps()[0].text);
}
}  // namespace

int main() {
    Matrix<Rational> A{{2, 3, 6}, {4, 5, 10}};
    A.set_augment(1);
    show("Interchange", "R1 <-> R2", A);
    show("Scaling", "R2 -> 1/2 R2", A);
    show("Replacement", "R2 -> R2 - 2R1", A);
}
