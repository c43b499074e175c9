// Data sets: named columns of observations, read from CSV or whitespace-separated text.
//
//   # a comment; blank lines are skipped
//   x, y          a header row of column names (commas or whitespace, as the data lines)
//   1, 2          one observation per line, one cell per column
//   2, 4
//
// Without a header row (the first line is all numbers) the columns are named x1, x2, …, and the
// last one y. Cells are read by the scalar: exactly ("0.1" is 1/10) when it is exact. Every
// malformed input is a DataError naming the line, the column and the cell.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "showwork/error.hpp"
#include "showwork/matrix/matrix.hpp"
#include "showwork/matrix/instances.hpp"

namespace showwork::regression {

// A data set may hold at most this many cells (as a matrix may hold entries) and columns.
inline constexpr std::size_t max_data_cells = 4'000'000;
inline constexpr std::size_t max_data_columns = 10'000;
// A column's name is shown in every derivation, table and message that speaks of it.
inline constexpr std::size_t max_column_name_bytes = 200;

// Malformed data: "data.csv: line 4, column 2 (bmi): 'abc' is not a number".
class DataError : public ParseError {
public:
    using ParseError::ParseError;
};

template <Scalar T>
struct DataSet {
    std::vector<std::string> names;  // one per column
    Matrix<T> values;                // one row per observation
    std::string origin;              // the file's name, "standard input", or empty

    std::size_t observations() const { return values.rows(); }
    // The index of the column called `name`; a DataError lists the columns when there is none.
    std::size_t column(std::string_view name) const;
};

// Reads a data set from text; `origin` names it in every error ("data.csv").
template <Scalar T>
DataSet<T> read_data(std::string_view text, std::string_view origin = {});

#define SHOWWORK_DATA_INSTANCES(EXTERN, T)                                                  \
    EXTERN template struct DataSet<T>;                                                      \
    EXTERN template DataSet<T> read_data(std::string_view, std::string_view);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_DATA_INSTANCES)

}  // namespace showwork::regression
