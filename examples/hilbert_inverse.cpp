// The inverse of the Hilbert matrix, the classic test of floating point:
//     H_n = (h_ij),  h_ij = 1/(i + j − 1),  i, j = 1 … n.
// Exactly, H_n⁻¹ has integer entries. In double the entries of H_n are already rounded (1/3 is
// not a binary fraction) and κ∞(H_n) = ‖H_n‖∞ ‖H_n⁻¹‖∞ grows like e^{3.5n}: the inverse loses
// about log10 κ∞ of its ~16 digits. Every error below is computed exactly from the double (or
// Float50) answer; κ∞ is the exact value from the exact inverse. The document: the table for
// n = 6 … 12, the first decision where double differs (partial pivoting, and H_12 with the first
// non-zero pivot), and the largest exact entry of H_12⁻¹.
//
//   hilbert_inverse [text|latex|markdown|json|document]     (text by default)
#include <fmt/format.h>

#include "examples/example.hpp"
#include "showwork/compare/compare.hpp"
#include "showwork/matrix/to_math.hpp"

using namespace showwork;

namespace {

Matrix<Rational> hilbert(std::size_t n) {
    Matrix<Rational> H(n, n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) H(i, j) = Rational(1, static_cast<long>(i + j + 1));
    return H;
}

// A value to 3 digits: 1.234e-08.
trace::Math three_digits(const Rational& q) { return trace::number(fmt::format("{:.3e}", rational_to_double(q))); }

// An error for the table: rounded to 3 digits, or why there is none (blank: no such error).
template <Scalar F>
trace::Math error_cell(const Comparison<F>& c, const std::optional<Rational>& error) {
    if (!c.floating) return trace::text("singular");
    return error ? three_digits(*error) : trace::empty();
}

trace::Math hilbert_symbol(trace::Math super = trace::empty()) {
    return trace::symbol("H", trace::symbol("n"), std::move(super));
}

// h_ij = 1/(i + j − 1)
trace::Math hilbert_entry() {
    return trace::equals(trace::symbol("h", trace::symbol("ij")),
                         trace::fraction(trace::number("1"), trace::sum({trace::symbol("i"), trace::symbol("j"),
                                                                          trace::negate(trace::number("1"))})));
}

// κ∞(H_n) = ‖H_n‖∞ ‖H_n⁻¹‖∞
trace::Math condition_number() {
    trace::Math infinity = trace::symbol("infty");
    return trace::equals(
        trace::product({trace::symbol("kappa", infinity), trace::group(hilbert_symbol())}, ""),
        trace::product({trace::norm(hilbert_symbol(), infinity), trace::norm(hilbert_symbol(trace::number("-1")), infinity)},
                       ""));
}

// n, κ∞, digits lost, the double inverse's errors and the Float50 inverse's, n = 6 … 12.
trace::Math error_table() {
    std::vector<std::vector<trace::Math>> rows;
    for (std::size_t n = 6; n <= 12; ++n) {
        Matrix<Rational> H = hilbert(n);
        Comparison<double> d = compare<double>(CompareOperation::inverse, H);
        Comparison<Float50> f = compare<Float50>(CompareOperation::inverse, H);
        rows.push_back({trace::count(n), three_digits(*d.condition_number),
                        trace::number(fmt::format("{:.1f}", *d.digits_lost)), error_cell(d, d.max_error),
                        error_cell(d, d.relative_error), error_cell(d, d.residual), error_cell(f, f.relative_error),
                        error_cell(f, f.residual)});
    }
    return trace::table({trace::text("n"), trace::text("condition number"), trace::text("digits lost"),
                         trace::text("double error"), trace::text("double relative error"),
                         trace::text("double residual"), trace::text("Float50 relative error"),
                         trace::text("Float50 residual")},
                        rows);
}

trace::Document hilbert_inverse() {
    trace::Trace steps;
    steps.add(trace::kind::note,
              "The Hilbert matrices H₆ to H₁₂, inverted exactly and in floating point (double and Float50), "
              "both with partial pivoting. Every error is computed exactly from the floating answer; the condition "
              "number is the exact value from the exact inverse, and its log10 is about the number of digits the "
              "floating inverse loses. The table is in the result.",
              hilbert_entry(), condition_number());

    // The decisions: under partial pivoting the first difference is already in step 2, a tie.
    Comparison<double> d6 = compare<double>(CompareOperation::inverse, hilbert(6));
    steps.add(trace::kind::compare,
              "The first different decision of double, with partial pivoting (the same for every n): " +
                  d6.first_difference->text);

    // Without the tie (first non-zero pivot on both sides) the runs agree until double loses a pivot.
    EliminationOptions<double> first_nonzero;
    first_nonzero.pivot = PivotRule::first_nonzero;
    Comparison<double> d12 = compare<double>(CompareOperation::inverse, hilbert(12), first_nonzero);
    steps.add(trace::kind::compare,
              "H₁₂ with the first non-zero pivot on both sides. Decisions: " +
                  (d12.first_difference ? d12.first_difference->text : std::string("all the same.")) + " Double " +
                  (d12.floating ? "finds an inverse, relative error " + error_cell(d12, d12.relative_error).text + "."
                                : "fails: " + d12.floating_failure + "."));

    const Rational largest = largest_entry(inverse(hilbert(12)));
    trace::Math largest_math =
        trace::equals(trace::apply("max", {trace::absolute(trace::symbol("a", trace::symbol("ij")))}), to_math(largest));
    steps.add(trace::kind::note, "The largest entry, in absolute value, of the exact inverse of H₁₂.", std::nullopt, largest_math);
    steps.add(trace::kind::note,
              "The relative error grows with the condition number: about 10 to the power (digits lost − 16) in "
              "double, and 10 to the power (digits lost − 50) in Float50.");

    trace::Document doc;
    doc.title = "Inverse of the Hilbert matrix, exactly and in floating point (partial pivoting)";
    doc.command = "compare";
    doc.number = "double";
    doc.inputs = {{"h_ij", hilbert_entry()}};
    doc.results = {{"errors", error_table()},
                   {"largest_entry_of_inverse_H12", to_math(largest), trace::Named::Where::everywhere,
                    trace::text("largest entry of the inverse of H12")}};
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) {
    return examples::run("hilbert_inverse", argc, argv, hilbert_inverse);
}
