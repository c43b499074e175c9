// Scalars and matrices as nodes of the trace's math tree, numbers written exactly as the scalar
// writes them.
#pragma once

#include "showwork/matrix/decimal.hpp"
#include "showwork/matrix/matrix.hpp"
#include "showwork/trace/math.hpp"
#include "showwork/matrix/instances.hpp"

namespace showwork {

template <Scalar T>
trace::Math to_math(const T& x) {
    return trace::number(scalar_text(x));
}

// An exact value as a decimal of `digits` significant digits, correctly rounded (its fraction may
// run to hundreds of digits after a few hundred training updates); a floating one as it is.
template <Scalar T>
trace::Math to_math_decimal(const T& x, int digits) {
    if constexpr (ScalarTraits<T>::exact) return trace::number(decimal_text(x, digits));
    else return to_math(x);
}

// The matrix node keeps the augmentation bar; `highlight` marks cells (row-major), e.g. pivots.
template <Scalar T>
trace::Math to_math(const Matrix<T>& A, std::vector<std::size_t> highlight = {}) {
    std::vector<trace::Math> cells;
    cells.reserve(A.size());
    for (const T& x : A.entries()) cells.push_back(to_math(x));
    trace::Math m = trace::matrix(A.rows(), A.cols(), std::move(cells), A.augment());
    if (!highlight.empty()) m.extras.make().highlight = std::move(highlight);
    return m;
}

// A number as a factor of a product: negative numbers in parentheses, "(-1)". Shared by the
// steps that write products of entries (det, back substitution).
inline trace::Math factor_math(trace::Math number) {
    if (!number.text.empty() && number.text[0] == '-') return trace::group(std::move(number));
    return number;
}

#define SHOWWORK_TO_MATH_INSTANCES(EXTERN, T)          \
    EXTERN template trace::Math to_math(const T&);     \
    EXTERN template trace::Math to_math(const Matrix<T>&, std::vector<std::size_t>);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_TO_MATH_INSTANCES)

}  // namespace showwork
