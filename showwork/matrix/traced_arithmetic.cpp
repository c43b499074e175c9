// The traced arithmetic, compiled once for the three scalars (matrix/instances.hpp).
#include "showwork/matrix/traced_arithmetic.hpp"

namespace showwork {

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_TRACED_ARITHMETIC_INSTANCES)

}  // namespace showwork
