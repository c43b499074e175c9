// A number's exact text ("-1/2", "0.1", "1e-05") in the forms the renderers write.
//
// The trace keeps every number as the text its scalar wrote; these functions read that text
// without knowing which scalar it came from.
#pragma once

#include <string>
#include <string_view>

namespace showwork::trace {

// "-3/4" -> "-\frac{3}{4}", "1e-05" -> "10^{-5}", "2.5e-7" -> "2.5 \times 10^{-7}",
// "inf" -> "\infty", "nan" -> "\mathrm{NaN}"; anything else as it is.
std::string latex_number(std::string_view text);

// True when the text starts with a minus sign ("-1/2", "-0.5").
bool is_negative_number(std::string_view text);

// True when the number is written with a slash or an exponent ("1/2", "1e-05"): such a number
// is not an atom when it is raised to a power.
bool is_compound_number(std::string_view text);

}  // namespace showwork::trace
