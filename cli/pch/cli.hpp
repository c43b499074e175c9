// Precompiled for every source file of the program (meson's cpp_pch): CLI11, fmt and the
// scalars' Boost.Multiprecision, parsed once per build instead of once per file.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "showwork/matrix/scalar.hpp"
