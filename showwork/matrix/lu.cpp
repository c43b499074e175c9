// Compiled once in the library for the three scalars (matrix/instances.hpp).
#include "showwork/matrix/lu.hpp"

namespace showwork {

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_LU_INSTANCES)

}  // namespace showwork
