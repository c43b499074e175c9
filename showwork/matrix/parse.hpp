// Reading matrices from text.
//
// Accepted forms (entries are integers, fractions or decimals: "3", "-1/2", "0.25", "1e-3"):
//   inline      "1 2; 3 4"          rows split by ';' or newlines, entries by spaces or commas
//   brackets    "[[1,2],[3,4]]"     a list of rows; "[1, 2, 3]" is one row
//   file text   comma- or whitespace-separated rows, '#' starts a comment, blank lines ignored
//
// Every malformed input throws ParseError naming the row, the column and the token; nothing is
// half-parsed. At most max_matrix_dimension rows and columns, max_matrix_entries entries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "showwork/matrix/matrix.hpp"

namespace showwork {

inline constexpr std::size_t max_matrix_dimension = 10'000;
inline constexpr std::size_t max_matrix_entries = 4'000'000;

// The matrix's entries as written, row-major, before any number is read.
struct MatrixTokens {
    std::size_t rows = 0, cols = 0;
    std::vector<std::string> tokens;
};

MatrixTokens split_matrix_text(std::string_view text);

// Reads one entry; a failure names its row and column (1-based).
template <Scalar T>
T parse_entry(const std::string& token, std::size_t row, std::size_t column);

template <Scalar T>
Matrix<T> parse_matrix(std::string_view text) {
    MatrixTokens raw = split_matrix_text(text);
    Matrix<T> M(raw.rows, raw.cols);
    auto entries = M.entries();
    for (std::size_t k = 0; k < entries.size(); ++k) {
        entries[k] = parse_entry<T>(raw.tokens[k], k / raw.cols + 1, k % raw.cols + 1);
    }
    return M;
}

#define SHOWWORK_PARSE_INSTANCES(EXTERN, T) EXTERN template Matrix<T> parse_matrix(std::string_view);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_PARSE_INSTANCES)

}  // namespace showwork
