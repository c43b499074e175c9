// Matrix<T>: dense, row-major, owning its storage.
//
// A matrix may remember an augmentation split — the number of columns right of the bar in
// (A | b) — so that renderers draw the bar; arithmetic ignores it. Dimension mismatches throw
// ShapeError naming both shapes.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "showwork/error.hpp"
#include "showwork/matrix/scalar.hpp"
#include "showwork/matrix/instances.hpp"

namespace showwork {

// "2×3": how shapes are written in every message.
std::string shape_text(std::size_t rows, std::size_t cols);

template <Scalar T>
class Matrix {
public:
    using value_type = T;

    Matrix() = default;
    Matrix(std::size_t rows, std::size_t cols, const T& fill = T(0))
        : rows_(rows), cols_(cols), data_(rows * cols, fill) {}
    // Matrix<Rational>{{1, 2}, {3, 4}}; every row must have the same length.
    Matrix(std::initializer_list<std::initializer_list<T>> rows);

    static Matrix zeros(std::size_t rows, std::size_t cols) { return Matrix(rows, cols); }
    static Matrix identity(std::size_t n);
    static Matrix column(std::vector<T> entries);
    static Matrix row(std::vector<T> entries);

    std::size_t rows() const { return rows_; }
    std::size_t cols() const { return cols_; }
    std::size_t size() const { return data_.size(); }
    bool empty() const { return data_.empty(); }
    bool is_square() const { return rows_ == cols_; }
    std::string shape() const { return shape_text(rows_, cols_); }

    // Columns right of the augmentation bar (0: no bar).
    std::size_t augment() const { return augment_; }
    void set_augment(std::size_t k);

    T& operator()(std::size_t i, std::size_t j) { return data_[index(i, j)]; }
    const T& operator()(std::size_t i, std::size_t j) const { return data_[index(i, j)]; }
    // Bounds-checked in every build; throws ShapeError.
    T& at(std::size_t i, std::size_t j);
    const T& at(std::size_t i, std::size_t j) const;

    // Row i as a contiguous view; column j as a copy (storage is row-major).
    std::span<T> row_view(std::size_t i) { return {data_.data() + i * cols_, cols_}; }
    std::span<const T> row_view(std::size_t i) const { return {data_.data() + i * cols_, cols_}; }
    std::vector<T> column_copy(std::size_t j) const;

    // Makes this a rows×cols matrix whose every entry the caller is about to overwrite, keeping the
    // storage when it already holds that many entries: a loop that refills a matrix of the same
    // shape allocates once. Entries it had are kept in storage order; new ones are zero.
    void reshape_for_overwrite(std::size_t rows, std::size_t cols) {
        rows_ = rows;
        cols_ = cols;
        augment_ = 0;
        data_.resize(rows * cols);
    }

    std::span<T> entries() { return data_; }
    std::span<const T> entries() const { return data_; }

    friend bool operator==(const Matrix& a, const Matrix& b) {
        return a.rows_ == b.rows_ && a.cols_ == b.cols_ && a.data_ == b.data_;
    }

private:
    std::size_t index(std::size_t i, std::size_t j) const {
#ifndef NDEBUG
        check_index(i, j);
#endif
        return i * cols_ + j;
    }
    void check_index(std::size_t i, std::size_t j) const;

    std::size_t rows_ = 0, cols_ = 0, augment_ = 0;
    std::vector<T> data_;
};

// ---------------------------------------------------------------------------------------------
// Member definitions

template <Scalar T>
Matrix<T>::Matrix(std::initializer_list<std::initializer_list<T>> rows)
    : rows_(rows.size()), cols_(rows.size() ? rows.begin()->size() : 0) {
    data_.reserve(rows_ * cols_);
    std::size_t r = 0;
    for (const auto& row : rows) {
        ++r;
        if (row.size() != cols_) {
            throw ShapeError("row " + std::to_string(r) + " has " + std::to_string(row.size()) +
                             " entries, row 1 has " + std::to_string(cols_));
        }
        data_.insert(data_.end(), row.begin(), row.end());
    }
}

template <Scalar T>
Matrix<T> Matrix<T>::identity(std::size_t n) {
    Matrix I(n, n);
    for (std::size_t i = 0; i < n; ++i) I(i, i) = T(1);
    return I;
}

template <Scalar T>
Matrix<T> Matrix<T>::column(std::vector<T> entries) {
    Matrix v;
    v.rows_ = entries.size();
    v.cols_ = 1;
    v.data_ = std::move(entries);
    return v;
}

template <Scalar T>
Matrix<T> Matrix<T>::row(std::vector<T> entries) {
    Matrix v;
    v.rows_ = 1;
    v.cols_ = entries.size();
    v.data_ = std::move(entries);
    return v;
}

template <Scalar T>
void Matrix<T>::set_augment(std::size_t k) {
    if (k > cols_) {
        throw ShapeError("cannot put " + std::to_string(k) + " columns right of the bar in a " +
                         shape() + " matrix");
    }
    augment_ = k;
}

template <Scalar T>
T& Matrix<T>::at(std::size_t i, std::size_t j) {
    check_index(i, j);
    return data_[i * cols_ + j];
}

template <Scalar T>
const T& Matrix<T>::at(std::size_t i, std::size_t j) const {
    check_index(i, j);
    return data_[i * cols_ + j];
}

template <Scalar T>
void Matrix<T>::check_index(std::size_t i, std::size_t j) const {
    if (i >= rows_ || j >= cols_) {
        throw ShapeError("entry (" + std::to_string(i + 1) + ", " + std::to_string(j + 1) +
                         ") is outside a " + shape() + " matrix");
    }
}

template <Scalar T>
std::vector<T> Matrix<T>::column_copy(std::size_t j) const {
    std::vector<T> c;
    c.reserve(rows_);
    for (std::size_t i = 0; i < rows_; ++i) c.push_back((*this)(i, j));
    return c;
}

#define SHOWWORK_MATRIX_INSTANCES(EXTERN, T) EXTERN template class Matrix<T>;
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_MATRIX_INSTANCES)

}  // namespace showwork
