// Every public algorithm is compiled once, in the library, for the three scalars.
//
// A header lists its templates in one macro M(EXTERN, T), e.g.
//     #define SHOWWORK_ARITHMETIC_INSTANCES(EXTERN, T) EXTERN template Matrix<T> transpose(const Matrix<T>&);
// and ends with SHOWWORK_EXTERN_INSTANCES(SHOWWORK_ARITHMETIC_INSTANCES): an `extern template`
// declaration for Rational, double and Float50, so that no program, test or example compiles them
// again. One source file of the library defines them with SHOWWORK_DEFINE_INSTANCES(M). Any other
// scalar instantiates from the header as usual.
#pragma once

#include "showwork/matrix/scalar.hpp"

#define SHOWWORK_EXTERN_INSTANCES(M) M(extern, Rational) M(extern, double) M(extern, Float50)
#define SHOWWORK_DEFINE_INSTANCES(M) M(, Rational) M(, double) M(, Float50)
