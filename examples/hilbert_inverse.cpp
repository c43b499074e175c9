// The inverse of the Hilbert matrix, the classic test of floating point:
//     H_n = (h_ij),  h_ij = 1/(i + j − 1),  i, j = 1 … n.
// Exactly, H_n⁻¹ has integer entries. In double the entries of H_n are already rounded (1/3 is
// not a binary fraction) and κ∞(H_n) = ‖H_n‖∞ ‖H_n⁻¹‖∞ grows like e^{3.5n}: the inverse loses
// about log10 κ∞ of its ~16 digits. Every error below is computed exactly from the double (or
// Float50) answer; κ∞ is the exact value from the exact inverse.
#include <fmt/core.h>

#include "showwork/compare/compare.hpp"

using namespace showwork;

static Matrix<Rational> hilbert(std::size_t n) {
    Matrix<Rational> H(n, n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) H(i, j) = Rational(1, static_cast<long>(i + j + 1));
    return H;
}

// An error for the table: rounded to 3 digits, or why there is none.
template <Scalar F>
static std::string error_cell(const Comparison<F>& c, const std::optional<Rational>& error) {
    if (!c.floating) return "singular";
    return error ? fmt::format("{:.3e}", rational_to_double(*error)) : "-";
}

int main() {
    fmt::print("Inverse of the Hilbert matrix H_n, exactly and in floating point (partial pivoting)\n\n");
    fmt::print("{:>3} {:>11} {:>7} | {:>10} {:>10} {:>10} | {:>10} {:>10}\n", "n", "kappa_inf", "digits",
               "double err", "rel. err", "residual", "Float50 rel", "residual");
    for (std::size_t n = 6; n <= 12; ++n) {
        Matrix<Rational> H = hilbert(n);
        Comparison<double> d = compare<double>(CompareOperation::inverse, H);
        Comparison<Float50> f = compare<Float50>(CompareOperation::inverse, H);
        fmt::print("{:>3} {:>11.3e} {:>7.1f} | {:>10} {:>10} {:>10} | {:>10} {:>10}\n", n,
                   rational_to_double(*d.condition_number), *d.digits_lost, error_cell(d, d.max_error),
                   error_cell(d, d.relative_error), error_cell(d, d.residual), error_cell(f, f.relative_error),
                   error_cell(f, f.residual));
    }
    // The decisions: under partial pivoting the first difference is already in step 2, a tie.
    Comparison<double> d6 = compare<double>(CompareOperation::inverse, hilbert(6));
    fmt::print("\nFirst different decision, partial pivoting (every n): {}\n", d6.first_difference->text);
    // Without the tie (first non-zero pivot on both sides) the runs agree until double loses a pivot.
    EliminationOptions<double> first_nonzero;
    first_nonzero.pivot = PivotRule::first_nonzero;
    Comparison<double> d12 = compare<double>(CompareOperation::inverse, hilbert(12), first_nonzero);
    fmt::print("\nH_12 with the first non-zero pivot on both sides: decisions {}; double {}\n",
               d12.first_difference ? d12.first_difference->text : "all the same",
               d12.floating ? fmt::format("finds an inverse, relative error {}", error_cell(d12, d12.relative_error))
                            : "fails: " + d12.floating_failure);
    fmt::print("\nThe largest exact entry of H_12⁻¹ is {}.\n", rational_text(largest_entry(inverse(hilbert(12)))));
    fmt::print("The relative error grows with κ∞: about 10^(digits − 16) in double, 10^(digits − 50) in Float50.\n");
}
