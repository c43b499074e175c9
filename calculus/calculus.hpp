// The calculus module at once: expressions, parsing, printing, differentiation, gradients and
// Jacobians, evaluation, dual numbers, finite differences and derivative checks.
#pragma once

#include "calculus/check.hpp"
#include "calculus/differentiate.hpp"
#include "calculus/dual.hpp"
#include "calculus/evaluate.hpp"
#include "calculus/expression.hpp"
#include "calculus/finite_difference.hpp"
#include "calculus/jacobian.hpp"
#include "calculus/parse.hpp"
#include "calculus/print.hpp"
