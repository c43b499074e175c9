#include "showwork/solvers/householder_qr.hpp"

namespace showwork {

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_HOUSEHOLDER_QR_INSTANCES)

}  // namespace showwork
