// The three row operations of the notes, one example each, and the elementary matrix of each:
//   interchange  R_1 ↔ R_2,   scaling  R_2 → 1/2 R_2,   replacement  R_2 → R_2 − 2R_1.
// Each is one sub-derivation on the notes' (A | b) = (2 3 | 6; 4 5 | 10): the operation applied,
// its elementary matrix E with E A = B, and the inverse operation that undoes it.
//
//   row_operations [text|latex|markdown|json|document]     (text by default)
#include <cctype>

#include "examples/example.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/row_ops.hpp"
#include "showwork/matrix/to_math.hpp"

using namespace showwork;

namespace {

struct Case {
    const char* name;       // "Interchange"
    const char* operation;  // as the notes write it: "R1 <-> R2"
};

// "Swap rows 1 and 2" as "swap rows 1 and 2", for the middle of a sentence.
std::string lowercase_first(std::string sentence) {
    if (!sentence.empty()) sentence[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(sentence[0])));
    return sentence;
}

// One operation on A as a sub-derivation; returns B and E as results k (1-based).
void show(std::size_t k, const Case& c, const Matrix<Rational>& A, trace::Trace& steps,
          std::vector<trace::Named>& results) {
    RowOperation<Rational> op = parse_row_operations<Rational>(c.operation, A.rows()).front();
    trace::SubDerivation sub(&steps, trace::kind::row_operation);
    sub.describe(std::string(c.name) + ": " + lowercase_first(op.describe()) + ".", op.to_math());

    Matrix<Rational> B = apply_row_operations(A, {op}, &steps);
    Matrix<Rational> E = op.elementary(A.rows());
    steps.add(trace::kind::multiply,
              "Its elementary matrix E is the operation applied to the identity, and E A = B.",
              trace::equals(trace::symbol("E"), to_math(E)),
              trace::equals(trace::product({to_math(E), to_math(A)}, ""), to_math(B)));

    RowOperation<Rational> undo = op.inverse();
    Matrix<Rational> back = undo.applied_to(B);
    steps.add(trace::kind::check,
              "The inverse operation (" + lowercase_first(undo.describe()) + ") undoes it, giving A back: " +
                  (back == A ? "yes." : "no."),
              undo.to_math(), trace::arrow(to_math(B), undo.to_math(), to_math(back)));
    sub.conclude(to_math(B));

    results.push_back({"B_" + std::to_string(k), to_math(B), trace::Named::Where::everywhere, trace::indexed("B", k)});
    results.push_back({"E_" + std::to_string(k), to_math(E), trace::Named::Where::everywhere, trace::indexed("E", k)});
}

trace::Document row_operations() {
    Matrix<Rational> A{{2, 3, 6}, {4, 5, 10}};
    A.set_augment(1);
    const Case cases[] = {{"Interchange", "R1 <-> R2"}, {"Scaling", "R2 -> 1/2 R2"}, {"Replacement", "R2 -> R2 - 2R1"}};

    trace::Trace steps;
    trace::Document doc;
    for (std::size_t k = 0; k < std::size(cases); ++k) show(k + 1, cases[k], A, steps, doc.results);

    doc.title = "The three row operations and their elementary matrices";
    doc.command = "rowops";
    doc.number = "exact";
    doc.inputs = {{"A", to_math(A)}};
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) {
    return examples::run("row_operations", argc, argv, row_operations);
}
