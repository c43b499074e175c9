// Names of the pivot rules and methods, as the command line and the documents write them.
#include "showwork/matrix/elimination.hpp"

namespace showwork {

PivotRule parse_pivot_rule(std::string_view name) {
    if (name == "automatic") return PivotRule::automatic;
    if (name == "first_nonzero") return PivotRule::first_nonzero;
    if (name == "partial") return PivotRule::partial;
    if (name == "scaled_partial") return PivotRule::scaled_partial;
    if (name == "complete") return PivotRule::complete;
    throw InputError("unknown pivot rule " + quoted_token(name) +
                     ": expected automatic, first_nonzero, partial, scaled_partial or complete");
}

Method parse_method(std::string_view name) {
    if (name == "automatic") return Method::automatic;
    if (name == "gauss_jordan") return Method::gauss_jordan;
    if (name == "fraction_free") return Method::fraction_free;
    throw InputError("unknown elimination method " + quoted_token(name) +
                     ": expected automatic, gauss_jordan or fraction_free");
}

std::string_view pivot_rule_name(PivotRule rule) {
    switch (rule) {
        case PivotRule::automatic: return "automatic";
        case PivotRule::first_nonzero: return "first_nonzero";
        case PivotRule::partial: return "partial";
        case PivotRule::scaled_partial: return "scaled_partial";
        case PivotRule::complete: return "complete";
    }
    return "automatic";
}

std::string_view method_name(Method method) {
    switch (method) {
        case Method::automatic: return "automatic";
        case Method::gauss_jordan: return "gauss_jordan";
        case Method::fraction_free: return "fraction_free";
    }
    return "automatic";
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_ELIMINATION_INSTANCES)

}  // namespace showwork
