// Compiled once in the library for the three scalars (matrix/instances.hpp).
#include "showwork/matrix/inverse.hpp"

namespace showwork {

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_INVERSE_INSTANCES)

}  // namespace showwork
