// What every suite shares: doctest printing for the library's types, seeded random matrices.
#pragma once

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <random>

#include "showwork/matrix/format.hpp"
#include "showwork/matrix/matrix.hpp"

namespace doctest {
template <>
struct StringMaker<showwork::Rational> {
    static String convert(const showwork::Rational& q) { return showwork::rational_text(q).c_str(); }
};
template <>
struct StringMaker<showwork::Float50> {
    static String convert(const showwork::Float50& x) { return showwork::float50_text(x).c_str(); }
};
template <showwork::Scalar T>
struct StringMaker<showwork::Matrix<T>> {
    static String convert(const showwork::Matrix<T>& A) {
        return fmt::format("{} {}", A.shape(), A).c_str();
    }
};
}  // namespace doctest

namespace showwork::testing {

// A rows×cols matrix of integers in [-range, range], or of fractions p/q with q in [1, range].
inline Matrix<Rational> random_rational(std::mt19937_64& rng, std::size_t rows, std::size_t cols,
                                        int range = 9, bool fractions = false) {
    std::uniform_int_distribution<int> numerator(-range, range), denominator(1, range);
    Matrix<Rational> A(rows, cols);
    for (auto& x : A.entries()) x = fractions ? Rational(numerator(rng), denominator(rng)) : Rational(numerator(rng));
    return A;
}

}  // namespace showwork::testing
