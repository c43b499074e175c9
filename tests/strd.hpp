// NIST StRD linear-regression files (tests/data/strd/, SHOWWORK_TEST_DATA): their certified
// values and their data, read from NIST's own text.
#pragma once

#include <doctest/doctest.h>

#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "showwork/regression/model.hpp"

namespace showwork::testing {

// A NIST StRD file: its certified values by the first word(s) of their line, and its data.
struct StrdFile {
    std::map<std::string, std::vector<std::string>> certified;  // "B0" -> {estimate, sd}; "Residual" …
    std::string data;                                            // a header row, then the data
    std::size_t parameters = 0;
};

inline StrdFile read_strd(const std::string& name) {
    std::ifstream in(std::string(SHOWWORK_TEST_DATA) + "/strd/" + name);
    REQUIRE(in);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    // "Certified Values  (lines 31 to 51)", "Data              (lines 61 to 76)"
    auto range = [&](const std::string& label) {
        for (const auto& l : lines) {
            auto at = l.find(label);
            if (at == std::string::npos || l.find("(lines") == std::string::npos) continue;
            std::size_t first = 0, last = 0;
            std::sscanf(l.c_str() + l.find("(lines"), "(lines %zu to %zu)", &first, &last);
            return std::pair{first, last};
        }
        FAIL("no line range for " << label);
        return std::pair<std::size_t, std::size_t>{};
    };
    StrdFile f;
    auto [c0, c1] = range("Certified Values");
    for (std::size_t k = c0; k <= c1; ++k) {
        std::istringstream words(lines[k - 1]);
        std::vector<std::string> w;
        for (std::string s; words >> s;) w.push_back(s);
        if (w.empty()) continue;
        if (w[0].size() == 2 && w[0][0] == 'B' && std::isdigit(static_cast<unsigned char>(w[0][1]))) {
            f.certified[w[0]] = {w[1], w[2]};
            ++f.parameters;
        } else if (w[0] == "Standard" && w.size() == 3) {
            f.certified["sd"] = {w[2]};
        } else if (w[0] == "R-Squared") {
            f.certified["R2"] = {w[1]};
        } else if (w[0] == "Regression" || (w[0] == "Residual" && w.size() >= 4)) {
            f.certified[w[0]] = std::vector<std::string>(w.begin() + 1, w.end());
        }
    }
    auto [d0, d1] = range("Data");
    std::string header = lines[d0 - 2];  // "Data:       y          x"
    f.data = header.substr(header.find(':') + 1) + "\n";
    for (std::size_t k = d0; k <= d1; ++k) f.data += lines[k - 1] + "\n";
    return f;
}

// The model of a StRD file: y on every x with an intercept, or, with one x and more than two
// parameters, a polynomial in it (Pontius, and Wampler and Filip).
inline regression::ModelSpec strd_model(const StrdFile& f, std::size_t columns) {
    regression::ModelSpec spec;
    spec.response = "y";
    if (columns == 2) spec.degree = f.parameters - 1;
    return spec;
}

}  // namespace showwork::testing
