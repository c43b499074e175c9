// The calculus module at once: expressions, parsing, printing, differentiation, gradients and
// Jacobians, evaluation, dual numbers, finite differences and derivative checks.
#pragma once

#include "showwork/calculus/check.hpp"
#include "showwork/calculus/differentiate.hpp"
#include "showwork/calculus/dual.hpp"
#include "showwork/calculus/evaluate.hpp"
#include "showwork/calculus/expression.hpp"
#include "showwork/calculus/finite_difference.hpp"
#include "showwork/calculus/jacobian.hpp"
#include "showwork/calculus/parse.hpp"
#include "showwork/calculus/print.hpp"
