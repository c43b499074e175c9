// Matrix arithmetic: A + B, A − B, AB, cA, Aᵀ, A ⊙ B, and (A | B).
//
// Each checks shapes first and throws ShapeError naming both. The traced forms of these
// operations (each entry of AB as a sum of products) live in matrix/traced_arithmetic.hpp.
#pragma once

#include <type_traits>

#include "showwork/matrix/fast/gemm.hpp"
#include "showwork/matrix/fast/rational_product.hpp"
#include "showwork/matrix/matrix.hpp"

namespace showwork {

void require_same_shape(std::string_view verb, std::size_t ar, std::size_t ac, std::size_t br,
                        std::size_t bc);
void require_product_shape(std::size_t ar, std::size_t ac, std::size_t br, std::size_t bc);

// (A + B)_ij = a_ij + b_ij
template <Scalar T>
Matrix<T> operator+(const Matrix<T>& A, const Matrix<T>& B) {
    require_same_shape("add", A.rows(), A.cols(), B.rows(), B.cols());
    Matrix<T> C(A.rows(), A.cols());
    auto a = A.entries(), b = B.entries();
    auto c = C.entries();
    for (std::size_t k = 0; k < c.size(); ++k) c[k] = a[k] + b[k];
    return C;
}

// (A − B)_ij = a_ij − b_ij
template <Scalar T>
Matrix<T> operator-(const Matrix<T>& A, const Matrix<T>& B) {
    require_same_shape("subtract", A.rows(), A.cols(), B.rows(), B.cols());
    Matrix<T> C(A.rows(), A.cols());
    auto a = A.entries(), b = B.entries();
    auto c = C.entries();
    for (std::size_t k = 0; k < c.size(); ++k) c[k] = a[k] - b[k];
    return C;
}

template <Scalar T>
Matrix<T> operator-(const Matrix<T>& A) {
    Matrix<T> C(A.rows(), A.cols());
    auto a = A.entries();
    auto c = C.entries();
    for (std::size_t k = 0; k < c.size(); ++k) c[k] = -a[k];
    return C;
}

// (cA)_ij = c · a_ij
template <Scalar T>
Matrix<T> operator*(const T& c, const Matrix<T>& A) {
    Matrix<T> C(A.rows(), A.cols());
    auto a = A.entries();
    auto out = C.entries();
    for (std::size_t k = 0; k < out.size(); ++k) out[k] = c * a[k];
    return C;
}

// (AB)_ij = Σ_k a_ik b_kj, A is (m×n), B is (n×p). Loop order i-k-j walks both row-major. double
// takes the blocked kernel (matrix/fast/gemm.hpp), Rational the integers (matrix/fast/rational_product.hpp).
template <Scalar T>
Matrix<T> operator*(const Matrix<T>& A, const Matrix<T>& B);

// C = AB into C's storage, reallocated only when C's shape differs (a training loop reuses it).
template <Scalar T>
void product_into(const Matrix<T>& A, const Matrix<T>& B, Matrix<T>& C);

// C = Aᵀ into C's storage, as product_into.
template <Scalar T>
void transpose_into(const Matrix<T>& A, Matrix<T>& C) {
    C.reshape_for_overwrite(A.cols(), A.rows());
    auto a = A.entries();
    auto c = C.entries();
    const std::size_t m = A.rows(), n = A.cols();
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < n; ++j) c[j * m + i] = a[i * n + j];
}

// (Aᵀ)_ij = a_ji
template <Scalar T>
Matrix<T> transpose(const Matrix<T>& A) {
    Matrix<T> C;
    transpose_into(A, C);
    return C;
}

// (A ⊙ B)_ij = a_ij b_ij
template <Scalar T>
Matrix<T> hadamard(const Matrix<T>& A, const Matrix<T>& B) {
    require_same_shape("take the Hadamard product of", A.rows(), A.cols(), B.rows(), B.cols());
    Matrix<T> C(A.rows(), A.cols());
    auto a = A.entries(), b = B.entries();
    auto c = C.entries();
    for (std::size_t k = 0; k < c.size(); ++k) c[k] = a[k] * b[k];
    return C;
}

// (A | B): B's columns to the right of A's, the bar remembered for rendering.
template <Scalar T>
Matrix<T> augment(const Matrix<T>& A, const Matrix<T>& B) {
    if (A.rows() != B.rows()) {
        throw ShapeError("cannot augment " + A.shape() + " with " + B.shape() + ": " +
                         std::to_string(A.rows()) + " and " + std::to_string(B.rows()) +
                         " rows differ");
    }
    Matrix<T> C(A.rows(), A.cols() + B.cols());
    for (std::size_t i = 0; i < A.rows(); ++i) {
        for (std::size_t j = 0; j < A.cols(); ++j) C(i, j) = A(i, j);
        for (std::size_t j = 0; j < B.cols(); ++j) C(i, A.cols() + j) = B(i, j);
    }
    C.set_augment(B.cols());
    return C;
}

// The columns [first, first + count) as a matrix of their own.
template <Scalar T>
Matrix<T> columns(const Matrix<T>& A, std::size_t first, std::size_t count) {
    if (first + count > A.cols()) {
        throw ShapeError("columns " + std::to_string(first + 1) + " to " +
                         std::to_string(first + count) + " are outside a " + A.shape() + " matrix");
    }
    Matrix<T> C(A.rows(), count);
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < count; ++j) C(i, j) = A(i, first + j);
    return C;
}

template <Scalar T>
void product_into(const Matrix<T>& A, const Matrix<T>& B, Matrix<T>& C) {
    if constexpr (std::is_same_v<T, double>) {  // the kernel overwrites every entry of C
        require_product_shape(A.rows(), A.cols(), B.rows(), B.cols());
        C.reshape_for_overwrite(A.rows(), B.cols());
        multiply_into(A.entries().data(), B.entries().data(), C.entries().data(), A.rows(), A.cols(), B.cols());
    } else {
        C = A * B;
    }
}

template <Scalar T>
Matrix<T> operator*(const Matrix<T>& A, const Matrix<T>& B) {
    require_product_shape(A.rows(), A.cols(), B.rows(), B.cols());
    Matrix<T> C(A.rows(), B.cols());
    if constexpr (std::is_same_v<T, double>) {  // cache- and register-blocked: matrix/fast/gemm.hpp
        multiply_into(A.entries().data(), B.entries().data(), C.entries().data(), A.rows(),
                      A.cols(), B.cols());
        return C;
    }
    if constexpr (std::is_same_v<T, Rational>) {  // through integers: matrix/fast/rational_product.hpp
        if (A.rows() * A.cols() * B.cols() >= min_integer_product && multiply_rational_into(A, B, C)) return C;
    }
    for (std::size_t i = 0; i < A.rows(); ++i) {
        auto c = C.row_view(i);
        for (std::size_t k = 0; k < A.cols(); ++k) {
            const T& a = A(i, k);
            if constexpr (ScalarTraits<T>::exact) {
                if (a == 0) continue;  // exact zeros cost a GMP call each; skip them
            }
            auto b = B.row_view(k);
            for (std::size_t j = 0; j < c.size(); ++j) c[j] += a * b[j];
        }
    }
    return C;
}

// AᵀB without forming Aᵀ, (AᵀB)_ij = Σ_k a_ki b_kj: the normal equations' XᵀX and Xᵀy.
template <Scalar T>
Matrix<T> transpose_product(const Matrix<T>& A, const Matrix<T>& B) {
    require_product_shape(A.cols(), A.rows(), B.rows(), B.cols());
    if constexpr (std::is_same_v<T, double>) return transpose(A) * B;  // the blocked kernel wants Aᵀ's rows
    Matrix<T> C(A.cols(), B.cols());
    if constexpr (std::is_same_v<T, Rational>) {
        if (A.rows() * A.cols() * B.cols() >= min_integer_product && multiply_rational_into(A, B, C, true)) return C;
    }
    for (std::size_t k = 0; k < A.rows(); ++k) {
        auto b = B.row_view(k);
        for (std::size_t i = 0; i < A.cols(); ++i) {
            const T& a = A(k, i);
            if constexpr (ScalarTraits<T>::exact) {
                if (a == 0) continue;
            }
            auto c = C.row_view(i);
            for (std::size_t j = 0; j < c.size(); ++j) c[j] += a * b[j];
        }
    }
    return C;
}

// Converts every entry: exactly to Rational, to nearest to a floating type.
template <Scalar To, Scalar From>
Matrix<To> matrix_cast(const Matrix<From>& A) {
    Matrix<To> C(A.rows(), A.cols());
    auto a = A.entries();
    auto c = C.entries();
    for (std::size_t k = 0; k < c.size(); ++k) c[k] = scalar_cast<To>(a[k]);
    C.set_augment(A.augment());
    return C;
}

#define SHOWWORK_ARITHMETIC_INSTANCES(EXTERN, T)                                     \
    EXTERN template Matrix<T> operator+(const Matrix<T>&, const Matrix<T>&);         \
    EXTERN template Matrix<T> operator-(const Matrix<T>&, const Matrix<T>&);         \
    EXTERN template Matrix<T> operator-(const Matrix<T>&);                           \
    EXTERN template Matrix<T> operator*(const T&, const Matrix<T>&);                 \
    EXTERN template Matrix<T> operator*(const Matrix<T>&, const Matrix<T>&);         \
    EXTERN template Matrix<T> transpose_product(const Matrix<T>&, const Matrix<T>&); \
    EXTERN template Matrix<T> transpose(const Matrix<T>&);                           \
    EXTERN template void transpose_into(const Matrix<T>&, Matrix<T>&);               \
    EXTERN template void product_into(const Matrix<T>&, const Matrix<T>&, Matrix<T>&); \
    EXTERN template Matrix<T> hadamard(const Matrix<T>&, const Matrix<T>&);          \
    EXTERN template Matrix<T> augment(const Matrix<T>&, const Matrix<T>&);           \
    EXTERN template Matrix<T> columns(const Matrix<T>&, std::size_t, std::size_t);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_ARITHMETIC_INSTANCES)

}  // namespace showwork
