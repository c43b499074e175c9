// Everything at once: #include <showwork/showwork.hpp>
#pragma once

#include "calculus/calculus.hpp"
#include "error.hpp"
#include "matrix/arithmetic.hpp"
#include "matrix/format.hpp"
#include "matrix/matrix.hpp"
#include "matrix/parse.hpp"
#include "matrix/scalar.hpp"
#include "matrix/to_math.hpp"
#include "trace/math.hpp"
#include "trace/render.hpp"
#include "trace/trace.hpp"
