// Reading matrices from text.
//
// Accepted forms (entries are integers, fractions or decimals: "3", "-1/2", "0.25", "1e-3"):
//   inline      "1 2; 3 4"          rows split by ';' or newlines, entries by spaces or commas
//   brackets    "[[1,2],[3,4]]"     a list of rows; "[1, 2, 3]" is one row
//   file text   comma- or whitespace-separated rows, '#' starts a comment, blank lines ignored
//
// Every malformed input throws ParseError naming the row, the column and the token; nothing is
// half-parsed. At most max_matrix_dimension rows and columns, max_matrix_entries entries.
// A text with an origin (a file's name, "standard input") is named in every error, with the line:
// "data.txt: line 3, column 2: 'x': not a number" (the column is the entry's in its row).
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
    std::string origin;              // empty for inline text
    std::vector<std::size_t> lines;  // with an origin: the line of each token
    // Where token k stands: "row 2, column 3", or "data.txt: line 5, column 3".
    std::string location(std::size_t k) const;
};

MatrixTokens split_matrix_text(std::string_view text, std::string_view origin = {});

// Reads token k; a failure names where it stands (its row and column, 1-based).
template <Scalar T>
T parse_entry(const MatrixTokens& raw, std::size_t k);

template <Scalar T>
Matrix<T> parse_matrix(std::string_view text, std::string_view origin = {}) {
    MatrixTokens raw = split_matrix_text(text, origin);
    Matrix<T> M(raw.rows, raw.cols);
    auto entries = M.entries();
    for (std::size_t k = 0; k < entries.size(); ++k) entries[k] = parse_entry<T>(raw, k);
    return M;
}

#define SHOWWORK_PARSE_INSTANCES(EXTERN, T) EXTERN template Matrix<T> parse_matrix(std::string_view, std::string_view);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_PARSE_INSTANCES)

}  // namespace showwork
