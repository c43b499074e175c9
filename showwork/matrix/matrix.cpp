#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/to_math.hpp"

#include <fmt/format.h>

namespace showwork {

std::string shape_text(std::size_t rows, std::size_t cols) {
    return fmt::format("{}×{}", rows, cols);
}

void require_same_shape(std::string_view verb, std::size_t ar, std::size_t ac, std::size_t br,
                        std::size_t bc) {
    if (ar != br || ac != bc) {
        throw ShapeError(fmt::format("cannot {} {} and {}: shapes differ", verb,
                                     shape_text(ar, ac), shape_text(br, bc)));
    }
}

void require_product_shape(std::size_t ar, std::size_t ac, std::size_t br, std::size_t bc) {
    if (ac != br) {
        throw ShapeError(fmt::format("cannot multiply {} by {}: inner dimensions {} and {} differ",
                                     shape_text(ar, ac), shape_text(br, bc), ac, br));
    }
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_MATRIX_INSTANCES)
SHOWWORK_DEFINE_INSTANCES(SHOWWORK_ARITHMETIC_INSTANCES)
SHOWWORK_DEFINE_INSTANCES(SHOWWORK_TO_MATH_INSTANCES)

}  // namespace showwork
