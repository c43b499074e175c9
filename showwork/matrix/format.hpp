// fmt::formatter for Rational, Float50 and Matrix<T>:
//   fmt::format("{}", Rational(-1, 2))  -> "-1/2"
//   fmt::format("{}", A)                -> "[[1, 2], [3, 4]]"   (one line)
//   fmt::format("{:p}", A)              -> rows on lines, columns aligned, the bar drawn
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "showwork/matrix/matrix.hpp"

template <>
struct fmt::formatter<showwork::Rational> : fmt::formatter<std::string> {
    auto format(const showwork::Rational& q, fmt::format_context& ctx) const {
        return fmt::formatter<std::string>::format(showwork::rational_text(q), ctx);
    }
};

template <>
struct fmt::formatter<showwork::Float50> : fmt::formatter<std::string> {
    auto format(const showwork::Float50& x, fmt::format_context& ctx) const {
        return fmt::formatter<std::string>::format(showwork::float50_text(x), ctx);
    }
};

template <showwork::Scalar T>
struct fmt::formatter<showwork::Matrix<T>> {
    bool pretty = false;

    constexpr auto parse(fmt::format_parse_context& ctx) {
        auto it = ctx.begin();
        if (it != ctx.end() && *it == 'p') {
            pretty = true;
            ++it;
        }
        if (it != ctx.end() && *it != '}') throw fmt::format_error("Matrix: expected {} or {:p}");
        return it;
    }

    auto format(const showwork::Matrix<T>& A, fmt::format_context& ctx) const {
        return fmt::format_to(ctx.out(), "{}", pretty ? aligned(A) : one_line(A));
    }

    static std::string one_line(const showwork::Matrix<T>& A) {
        std::string out = "[";
        for (std::size_t i = 0; i < A.rows(); ++i) {
            out += i ? ", [" : "[";
            for (std::size_t j = 0; j < A.cols(); ++j) {
                if (j) out += A.augment() && j == A.cols() - A.augment() ? " | " : ", ";
                out += showwork::scalar_text(A(i, j));
            }
            out += "]";
        }
        return out + "]";
    }

    // [ 1  -1/2 | 3 ]  one line per row, each column right-aligned to its widest entry.
    static std::string aligned(const showwork::Matrix<T>& A) {
        std::vector<std::string> cells;
        std::vector<std::size_t> width(A.cols(), 0);
        for (std::size_t i = 0; i < A.rows(); ++i)
            for (std::size_t j = 0; j < A.cols(); ++j) {
                cells.push_back(showwork::scalar_text(A(i, j)));
                width[j] = std::max(width[j], cells.back().size());
            }
        std::string out;
        for (std::size_t i = 0; i < A.rows(); ++i) {
            out += "[";
            for (std::size_t j = 0; j < A.cols(); ++j) {
                if (A.augment() && j == A.cols() - A.augment()) out += " |";
                out += fmt::format(" {:>{}}", cells[i * A.cols() + j], width[j]);
            }
            out += i + 1 < A.rows() ? " ]\n" : " ]";
        }
        return out;
    }
};
