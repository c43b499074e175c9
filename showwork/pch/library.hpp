// Precompiled for every source file of the library (meson's cpp_pch): the standard library,
// Boost.Multiprecision behind the scalars and fmt, parsed once per build instead of once per file.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "showwork/matrix/scalar.hpp"
