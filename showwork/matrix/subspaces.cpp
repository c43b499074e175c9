// Compiled once in the library for the three scalars (matrix/instances.hpp).
#include "showwork/matrix/subspaces.hpp"

namespace showwork {

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_SUBSPACES_INSTANCES)

}  // namespace showwork
