// The shape checks of the routines that need a square matrix: a ShapeError naming the shape.
#pragma once

#include <string>

#include "showwork/matrix/matrix.hpp"

namespace showwork {

// Throws ShapeError ("the inverse needs a square matrix, not a 2×3 one") unless rows == cols.
inline void require_square(const char* what, std::size_t rows, std::size_t cols) {
    if (rows != cols) {
        throw ShapeError(std::string(what) + " needs a square matrix, not a " + shape_text(rows, cols) + " one");
    }
}

}  // namespace showwork
