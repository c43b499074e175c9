#include "showwork/trace/number.hpp"

#include <fmt/format.h>

namespace showwork::trace {

namespace {

// "+05" -> "5", "-05" -> "-5"
std::string strip_exponent_zeros(std::string_view exponent) {
    std::string sign;
    std::size_t i = 0;
    if (i < exponent.size() && (exponent[i] == '+' || exponent[i] == '-')) {
        if (exponent[i] == '-') sign = "-";
        ++i;
    }
    while (i + 1 < exponent.size() && exponent[i] == '0') ++i;
    return sign + std::string(exponent.substr(i));
}

}  // namespace

std::string latex_number(std::string_view text) {
    bool negative = is_negative_number(text);
    std::string_view magnitude = negative ? text.substr(1) : text;
    std::string sign = negative ? "-" : "";
    if (magnitude == "inf") return sign + "\\infty";
    if (magnitude == "nan") return "\\mathrm{NaN}";
    if (auto slash = magnitude.find('/'); slash != std::string_view::npos) {
        return fmt::format("{}\\frac{{{}}}{{{}}}", sign, magnitude.substr(0, slash),
                           magnitude.substr(slash + 1));
    }
    if (auto e = magnitude.find_first_of("eE"); e != std::string_view::npos) {
        std::string_view mantissa = magnitude.substr(0, e);
        std::string exponent = strip_exponent_zeros(magnitude.substr(e + 1));
        if (mantissa == "1") return fmt::format("{}10^{{{}}}", sign, exponent);
        return fmt::format("{}{} \\times 10^{{{}}}", sign, mantissa, exponent);
    }
    return std::string(text);
}

bool is_negative_number(std::string_view text) { return !text.empty() && text.front() == '-'; }

bool is_compound_number(std::string_view text) {
    return text.find_first_of("/eE") != std::string_view::npos && text != "inf" && text != "-inf";
}

}  // namespace showwork::trace
