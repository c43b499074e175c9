#include "showwork/regression/data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "showwork/error.hpp"
#include "showwork/text.hpp"

namespace showwork::regression {

namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// A line without its comment and surrounding space (and a CRLF file's \r).
std::string_view content(std::string_view line) {
    return trimmed(line.substr(0, line.find('#')));
}

// The cells of a line: split at commas when the data uses them, else at runs of space.
std::vector<std::string_view> cells_of(std::string_view line, bool commas) {
    std::vector<std::string_view> cells;
    if (commas) {
        for (std::size_t start = 0;;) {
            std::size_t end = line.find(',', start);
            cells.push_back(trimmed(line.substr(start, end == std::string_view::npos ? line.npos : end - start)));
            if (end == std::string_view::npos) break;
            start = end + 1;
        }
        return cells;
    }
    for (std::size_t i = 0; i < line.size();) {
        while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
        std::size_t start = i;
        while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
        if (i > start) cells.push_back(line.substr(start, i - start));
    }
    return cells;
}

std::string unquoted(std::string_view name) {
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    return std::string(trimmed(name));
}

bool is_number(std::string_view cell) {
    try {
        parse_rational(cell);
        return true;
    } catch (const Error&) {
        return false;
    }
}

// "data.csv: line 4" or "line 4"
std::string at_line(std::string_view origin, std::size_t line) {
    return origin.empty() ? fmt::format("line {}", line) : fmt::format("{}: line {}", origin, line);
}

}  // namespace

template <Scalar T>
std::size_t DataSet<T>::column(std::string_view name) const {
    auto it = std::find(names.begin(), names.end(), name);
    if (it != names.end()) return static_cast<std::size_t>(it - names.begin());
    // the names, the first ten of a wide data set
    constexpr std::size_t listed_names = 10;
    std::string listed;
    for (std::size_t j = 0; j < names.size() && j < listed_names; ++j) listed += (j == 0 ? "" : ", ") + shown(names[j]);
    if (names.size() > listed_names) listed += fmt::format(", … ({} in all)", thousands(names.size()));
    throw DataError(fmt::format("no column named {}{}: the columns are {}", quoted_token(name),
                                origin.empty() ? "" : " in " + origin, listed));
}

template <Scalar T>
DataSet<T> read_data(std::string_view text, std::string_view origin) {
    const std::string where = origin.empty() ? "the data" : std::string(origin);
    // The lines with content, with their 1-based numbers.
    std::vector<std::pair<std::size_t, std::string_view>> lines;
    std::size_t number = 0;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        ++number;
        std::string_view line = content(text.substr(start, end - start));
        if (!line.empty()) lines.emplace_back(number, line);
        start = end + 1;
    }
    if (lines.empty()) throw DataError(fmt::format("{} is empty: no header row and no observations", where));

    const bool commas = lines[0].second.find(',') != std::string_view::npos;
    std::vector<std::string_view> first = cells_of(lines[0].second, commas);
    const bool header = !std::all_of(first.begin(), first.end(), is_number);
    DataSet<T> data;
    data.origin = std::string(origin);
    if (first.size() > max_data_columns) {
        throw DataError(fmt::format("{}: {} columns, more than {}", at_line(origin, lines[0].first), first.size(),
                                    max_data_columns), lines[0].first);
    }
    if (header) {
        for (std::size_t j = 0; j < first.size(); ++j) {
            std::string name = unquoted(first[j]);
            if (name.empty()) {
                throw DataError(fmt::format("{}: column {} has no name in the header row", at_line(origin, lines[0].first),
                                            j + 1), lines[0].first, j + 1);
            }
            if (name.size() > max_column_name_bytes) {
                throw DataError(fmt::format("{}: the name of column {}, {}, is {} bytes long; a name has at most {}",
                                            at_line(origin, lines[0].first), j + 1, quoted_token(name),
                                            thousands(name.size()), max_column_name_bytes),
                                lines[0].first, j + 1);
            }
            // a name is shown in every derivation and message: no control character may reach them
            if (const std::size_t bad = first_unsafe(name); bad != std::string::npos) {
                throw DataError(fmt::format("{}: the name of column {}, {}, has a control character ({})",
                                            at_line(origin, lines[0].first), j + 1, quoted_token(name),
                                            escaped(std::string_view(name).substr(bad, utf8_character(name, bad).length))),
                                lines[0].first, j + 1);
            }
            auto seen = std::find(data.names.begin(), data.names.end(), name);
            if (seen != data.names.end()) {
                throw DataError(fmt::format("{}: the column name {} is used twice (columns {} and {})",
                                            at_line(origin, lines[0].first), quoted_token(name),
                                            seen - data.names.begin() + 1, j + 1), lines[0].first, j + 1);
            }
            data.names.push_back(std::move(name));
        }
        lines.erase(lines.begin());
        if (lines.empty()) throw DataError(fmt::format("{} has a header row and no observations", where));
    } else {
        for (std::size_t j = 0; j + 1 < first.size(); ++j) data.names.push_back("x" + std::to_string(j + 1));
        data.names.push_back("y");
    }

    const std::size_t cols = data.names.size();
    if (lines.size() > max_data_cells / cols) {
        throw DataError(fmt::format("{} has {} observations of {} columns: more than {} cells", where, lines.size(),
                                    cols, max_data_cells));
    }
    data.values = Matrix<T>(lines.size(), cols);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto [line, content] = lines[i];
        std::vector<std::string_view> cells = cells_of(content, commas);
        if (cells.size() != cols) {
            throw DataError(fmt::format("{}: {} {}, the {} names {} columns", at_line(origin, line), cells.size(),
                                        cells.size() == 1 ? "cell" : "cells", header ? "header" : "first line", cols),
                            line);
        }
        for (std::size_t j = 0; j < cols; ++j) {
            try {
                if (cells[j].empty()) throw InputError("an empty cell");
                data.values(i, j) = parse_scalar<T>(cells[j]);
            } catch (const Error& e) {
                throw DataError(fmt::format("{}, column {} ({}): {}", at_line(origin, line), j + 1, shown(data.names[j]),
                                            cells[j].empty() ? "the cell is empty" : e.what()),
                                line, j + 1, std::string(cells[j]));
            }
        }
    }
    return data;
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_DATA_INSTANCES)

}  // namespace showwork::regression
