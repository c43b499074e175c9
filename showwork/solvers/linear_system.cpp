#include "showwork/solvers/linear_system.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace showwork {

std::string_view solution_kind_name(SolutionKind kind) {
    switch (kind) {
        case SolutionKind::unique: return "unique";
        case SolutionKind::infinite: return "infinite";
        case SolutionKind::none: return "none";
    }
    return "none";
}

trace::Math parameter_symbol(std::size_t q, std::size_t count) {
    static const char* const names[] = {"t", "s", "r", "u", "v", "w"};
    if (count <= 6) return trace::symbol(names[q]);
    return trace::indexed("t", q + 1);
}

namespace {

// "p_1": p with the index 1; "x": x.
std::pair<std::string, std::string> base_and_index(const std::string& name) {
    const std::size_t bar = name.find('_');
    if (bar == std::string::npos) return {name, ""};
    return {name.substr(0, bar), name.substr(bar + 1)};
}

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

trace::Math Unknowns::math(std::size_t j) const {
    if (names.empty()) return trace::indexed(symbol, j + 1);
    auto [base, index] = base_and_index(names[j]);
    if (index.empty()) return trace::symbol(base);
    return trace::symbol(base, all_digits(index) ? trace::number(index) : trace::symbol(index));
}

std::string Unknowns::text(std::size_t j) const {
    if (names.empty()) return trace::subscripted(prose, j + 1);
    auto [base, index] = base_and_index(names[j]);
    if (all_digits(index) && index.size() < 10) return trace::subscripted(base, std::stoul(index));
    return names[j];
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_LINEAR_SYSTEM_INSTANCES)

}  // namespace showwork
