// The evidence behind a singular matrix or an inconsistent system, from the recorded row
// operations of the textbook loop (matrix/elimination.hpp): which combination of A's rows gives
// a zero row (a dependency) or a row 0 = c, and how to write it.
#pragma once

#include <string>
#include <vector>

#include "showwork/error.hpp"
#include "showwork/matrix/elimination.hpp"
#include "showwork/trace/math.hpp"

namespace showwork {

// A zero row k of the echelon form is Σ_i e_ki (row i of A) with E = transform_matrix(ops):
// these are the coefficients of the combination of A's original rows that gives it.
// Needs the textbook's operations: eliminate() reruns the textbook loop when a row needs them.
template <Scalar T>
std::vector<T> row_combination(const Elimination<T>& e, std::size_t k) {
    Matrix<T> E = transform_matrix(e.operations, e.echelon.rows());
    auto row = E.row_view(k);
    return {row.begin(), row.end()};
}

// A dependency Σᵢ yᵢRᵢ = 0 written as "R₃ = 2R₁ − R₂" (as the text output writes rows): solved
// for the last row with a non-zero coefficient.
// A coefficient before a row: 2R₁, and (1/2)R₁ rather than 1/2R₁ (a number cut short too).
inline std::string coefficient_text(const std::string& size) {
    return size.find_first_of("/eE…") == std::string::npos ? size : "(" + size + ")";
}

// A number of the evidence: in full for a derivation, as a message shows it (a long one cut,
// error.hpp's shown) for an error's message.
template <Scalar T>
std::string evidence_number(const T& x, bool in_message) {
    return in_message ? shown(scalar_text(x)) : scalar_text(x);
}

template <Scalar T>
std::string dependency_text(const std::vector<T>& y, const T& tolerance = T(0), bool in_message = false) {
    std::size_t last = y.size();
    for (std::size_t i = y.size(); i-- > 0;) {
        if (!is_zero_entry(y[i], tolerance)) {
            last = i;
            break;
        }
    }
    if (last == y.size()) return "0 = 0";
    std::string out = trace::subscripted("R", last + 1) + " =";
    bool first = true;
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (i == last || is_zero_entry(y[i], tolerance)) continue;
        T c = T(-y[i] / y[last]);
        bool negative = c < 0;
        T size = magnitude(c);
        out += first ? (negative ? " −" : " ") : (negative ? " − " : " + ");
        if (size != 1) out += coefficient_text(evidence_number(size, in_message));
        out += trace::subscripted("R", i + 1);
        first = false;
    }
    if (first) out += " 0";
    return out;
}

// A combination Σ yᵢ (equation i) written as "1·(eq 1) − 2·(eq 2)" for messages.
template <Scalar T>
std::string combination_text(const std::vector<T>& y, const std::string& name,
                             const T& tolerance = T(0), bool in_message = false) {
    std::string out;
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (is_zero_entry(y[i], tolerance)) continue;
        bool negative = y[i] < 0;
        T size = magnitude(y[i]);
        out += out.empty() ? (negative ? "−" : "") : (negative ? " − " : " + ");
        if (size != 1) out += evidence_number(size, in_message) + "·";
        out += "(" + name + " " + std::to_string(i + 1) + ")";
    }
    return out.empty() ? "0" : out;
}

}  // namespace showwork
