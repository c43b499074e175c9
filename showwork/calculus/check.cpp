// The derivative checks, compiled once in the library for the three scalars (matrix/instances.hpp).
#include "showwork/calculus/check.hpp"

namespace showwork::calculus {

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_CHECK_INSTANCES)

}  // namespace showwork::calculus
