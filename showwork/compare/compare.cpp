#include "showwork/compare/compare.hpp"

#include <cmath>

namespace showwork {

namespace {
constexpr std::pair<CompareOperation, std::string_view> operation_names[] = {
    {CompareOperation::inverse, "inverse"}, {CompareOperation::solve, "solve"}, {CompareOperation::rref, "rref"},
    {CompareOperation::rank, "rank"},       {CompareOperation::det, "det"},
};
}  // namespace

CompareOperation parse_compare_operation(std::string_view name) {
    for (const auto& [operation, text] : operation_names)
        if (text == name) return operation;
    throw InputError("unknown operation " + quoted_token(name) +
                     " to compare: choose inverse, solve, rref, rank or det");
}

std::string_view compare_operation_name(CompareOperation operation) {
    for (const auto& [op, text] : operation_names)
        if (op == operation) return text;
    return "inverse";
}

std::string_view divergence_kind_name(DivergenceKind kind) {
    switch (kind) {
        case DivergenceKind::pivot_row: return "pivot_row";
        case DivergenceKind::missed_pivot: return "missed_pivot";
        case DivergenceKind::spurious_pivot: return "spurious_pivot";
        case DivergenceKind::missed_elimination: return "missed_elimination";
        case DivergenceKind::spurious_elimination: return "spurious_elimination";
        case DivergenceKind::right_hand_side: return "right_hand_side";
    }
    return "pivot_row";
}

Rational infinity_norm(const Matrix<Rational>& M) {
    Rational largest(0);
    for (std::size_t i = 0; i < M.rows(); ++i) {
        Rational row_sum(0);
        for (std::size_t j = 0; j < M.cols(); ++j) row_sum += abs(M(i, j));
        if (row_sum > largest) largest = row_sum;
    }
    return largest;
}

Rational largest_entry(const Matrix<Rational>& M) {
    Rational largest(0);
    for (const Rational& x : M.entries())
        if (abs(x) > largest) largest = abs(x);
    return largest;
}

double log10_of(const Rational& q) {
    if (q <= 0) throw DomainError("log10 needs a positive number, not " + shown(rational_text(q)));
    // Float50's exponent range is far wider than double's: no overflow for huge or tiny q.
    return static_cast<double>(log10(rational_to_float50(q)));
}

std::string readable_text(const Rational& q, std::size_t limit) {
    std::string exact = rational_text(q);
    if (exact.size() <= limit) return exact;
    double x = rational_to_double(q);
    if (x == 0 || !std::isfinite(x)) return exact;
    return fmt::format("{:.6g}", x);
}

namespace compare_detail {

void require_compare_shape(CompareOperation operation, const Matrix<Rational>& A) {
    switch (operation) {
        case CompareOperation::inverse: require_square("the inverse", A.rows(), A.cols()); break;
        case CompareOperation::det: require_square("the determinant", A.rows(), A.cols()); break;
        case CompareOperation::solve:
            if (A.cols() < 2) {
                throw ShapeError("solve needs the augmented matrix (A | b) with at least two columns, not " + A.shape());
            }
            if (A.augment() > 1) {
                throw ShapeError("solve compares one right-hand side: (A | b) has " + std::to_string(A.augment()) +
                                 " columns right of the bar, not 1");
            }
            break;
        case CompareOperation::rref:
        case CompareOperation::rank: break;
    }
}

std::string entry_text(std::size_t row, std::size_t column, const Rational& exact, const std::string& floating) {
    return "entry (" + std::to_string(row + 1) + ", " + std::to_string(column + 1) + ") = " + readable_text(exact) +
           " exactly, " + floating + " in floating point";
}

trace::Math measure(std::string words, trace::Math quantity, const Rational& value) {
    return trace::equals(trace::product({trace::text(std::move(words)), std::move(quantity)}, ""),
                         trace::number(readable_text(value)));
}

namespace {

trace::Math hat(std::string name) { return trace::symbol(std::move(name), trace::empty(), trace::empty(), {.hat = true}); }

// max |x̂ − x| or max |x|
trace::Math largest(trace::Math x) { return trace::apply("max", {trace::absolute(std::move(x))}); }

trace::Math error() { return trace::sum({hat("x"), trace::negate(trace::symbol("x"))}); }

}  // namespace

trace::Math largest_error() { return largest(error()); }

trace::Math relative_error() { return trace::fraction(largest(error()), largest(trace::symbol("x"))); }

trace::Math residual(CompareOperation operation) {
    trace::Math A = trace::symbol("A");
    trace::Math difference =
        operation == CompareOperation::inverse
            ? trace::sum({trace::product({A, hat("X")}, ""), trace::negate(trace::symbol("I"))})
            : trace::sum({trace::product({A, hat("x")}, ""), trace::negate(trace::symbol("b"))});
    return trace::norm(std::move(difference), trace::symbol("infty"));
}

trace::Math kappa() {
    return trace::product({trace::symbol("kappa", trace::symbol("infty")), trace::group(trace::symbol("A"))}, "");
}

trace::Math digits_lost() {
    return trace::product({trace::symbol("log", trace::number("10")), trace::symbol("kappa", trace::symbol("infty"))},
                          "");
}

}  // namespace compare_detail

template Comparison<double> compare(CompareOperation, const Matrix<Rational>&, EliminationOptions<double>,
                                    trace::Trace*);
template Comparison<Float50> compare(CompareOperation, const Matrix<Rational>&, EliminationOptions<Float50>,
                                     trace::Trace*);

}  // namespace showwork
