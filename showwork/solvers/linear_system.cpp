#include "showwork/solvers/linear_system.hpp"

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

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_LINEAR_SYSTEM_INSTANCES)

}  // namespace showwork
