// Compiled once in the library for the three scalars (matrix/instances.hpp).
#include "showwork/matrix/determinant.hpp"

namespace showwork {

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_DETERMINANT_INSTANCES)

}  // namespace showwork
