// Compiled once in the library for the three scalars (matrix/instances.hpp), with the names of
// the checker's verdicts as the JSON output and the command line spell them.
#include "showwork/teach/check.hpp"

namespace showwork::teach {

std::string_view slip_name(Slip slip) {
    switch (slip) {
        case Slip::none: return "none";
        case Slip::sign: return "sign_slip";
        case Slip::multiplier: return "multiplier";
        case Slip::wrong_row: return "wrong_row";
        case Slip::partial_update: return "partial_update";
        case Slip::arithmetic: return "arithmetic";
        case Slip::unexplained: return "unexplained";
    }
    return "unexplained";
}

std::string_view cause_name(Cause cause) {
    switch (cause) {
        case Cause::none: return "none";
        case Cause::sign_slip: return "sign_slip";
        case Cause::multiplier: return "multiplier";
        case Cause::wrong_row: return "wrong_row";
        case Cause::partial_update: return "partial_update";
        case Cause::arithmetic: return "arithmetic";
        case Cause::unexplained: return "unexplained";
        case Cause::not_elementary: return "not_elementary";
        case Cause::illegal: return "illegal";
        case Cause::not_equivalent: return "not_equivalent";
    }
    return "unexplained";
}

std::string_view goal_name(Goal goal) {
    switch (goal) {
        case Goal::ref: return "ref";
        case Goal::rref: return "rref";
        case Goal::solve: return "solve";
        case Goal::inverse: return "inverse";
        case Goal::det: return "det";
    }
    return "ref";
}

Goal parse_goal(std::string_view name) {
    for (Goal g : {Goal::ref, Goal::rref, Goal::solve, Goal::inverse, Goal::det})
        if (goal_name(g) == name) return g;
    throw InputError("unknown goal " + quoted_token(name) + ": ref, rref, solve, inverse or det");
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_TEACH_CHECK_INSTANCES)

}  // namespace showwork::teach
