// Compiled once in the library for the three scalars (matrix/instances.hpp).
#include "showwork/matrix/determinant.hpp"

#include <algorithm>

namespace showwork {

namespace matrix_detail {

namespace {

std::vector<std::size_t> sorted(std::vector<std::size_t> xs) {
    std::sort(xs.begin(), xs.end());
    return xs;
}

// 1, 2 and 3
std::string listed(const std::vector<std::size_t>& xs) {
    std::string out;
    for (std::size_t k = 0; k < xs.size(); ++k)
        out += (k == 0 ? "" : k + 1 == xs.size() ? " and " : ", ") + std::to_string(xs[k]);
    return out;
}

}  // namespace

trace::Math minor_symbol(const MinorPlace& place) {
    const std::vector<std::size_t> columns = sorted(place.deleted_columns);
    std::string rows, deleted;
    for (std::size_t k = 1; k <= columns.size(); ++k) rows += std::to_string(k);
    for (std::size_t c : columns) deleted += std::to_string(c);
    // up to 4×4, every index is one digit
    return trace::symbol("M", trace::symbol(columns.size() == 1 ? rows + deleted : rows + "," + deleted));
}

std::string minor_sentence(const MinorPlace& place) {
    const std::vector<std::size_t> columns = sorted(place.deleted_columns);
    if (columns.size() == 1) {
        return "The minor " + trace::subscripted("M", 10 + columns[0]) + ": A without row 1 and column " +
               std::to_string(columns[0]) + ".";
    }
    std::vector<std::size_t> rows(columns.size());
    for (std::size_t k = 0; k < rows.size(); ++k) rows[k] = k + 1;
    return "The minor of A without rows " + listed(rows) + " and columns " + listed(columns) + ".";
}

trace::Math cofactor_formula() {
    using trace::symbol;
    trace::Math sign = trace::power(trace::group(trace::number("-1")), trace::sum({trace::number("1"), symbol("j")}));
    trace::Math terms = trace::product({symbol("sum", symbol("j")), std::move(sign), symbol("a", symbol("1j")),
                                        trace::apply("det", {symbol("M", symbol("1j"))})},
                                       "");
    return trace::equals(trace::apply("det", {symbol("A")}), std::move(terms));
}

}  // namespace matrix_detail

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_DETERMINANT_INSTANCES)

}  // namespace showwork
