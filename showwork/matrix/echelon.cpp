// Compiled once in the library for the three scalars (matrix/instances.hpp).
#include "showwork/matrix/echelon.hpp"

namespace showwork {

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_ECHELON_INSTANCES)

}  // namespace showwork
