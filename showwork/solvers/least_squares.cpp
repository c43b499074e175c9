#include "showwork/solvers/least_squares.hpp"

#include "showwork/error.hpp"

namespace showwork {

std::string_view least_squares_method_name(LeastSquaresMethod method) {
    switch (method) {
        case LeastSquaresMethod::normal: return "normal";
        case LeastSquaresMethod::inverse: return "inverse";
        case LeastSquaresMethod::qr: return "qr";
    }
    return "normal";
}

LeastSquaresMethod parse_least_squares_method(std::string_view name) {
    for (auto m : {LeastSquaresMethod::normal, LeastSquaresMethod::inverse, LeastSquaresMethod::qr})
        if (least_squares_method_name(m) == name) return m;
    throw InputError("the least-squares method is normal, inverse or qr, not " + quoted_token(name));
}

namespace solvers_detail {

trace::Math transpose_of(std::string name) {
    return trace::symbol(std::move(name), trace::empty(), trace::empty(), {.transpose = true});
}

trace::Math beta_hat() { return trace::symbol("beta", trace::empty(), trace::empty(), {.bold = true, .hat = true}); }

std::string dependency_of_columns(const std::vector<std::string>& names, std::size_t f,
                                  const std::vector<std::string>& coefficients) {
    std::string out = names[f] + " =";
    bool first = true;
    for (std::size_t j = 0; j < names.size(); ++j) {
        const std::string& c = coefficients[j];
        if (j == f || c == "0") continue;
        bool negative = c[0] == '-';
        std::string size = negative ? c.substr(1) : c;
        out += first ? (negative ? " −" : " ") : (negative ? " − " : " + ");
        out += (size == "1" ? "" : size + "·") + names[j];
        first = false;
    }
    if (first) out += " 0 (a column of zeros)";
    return out;
}

}  // namespace solvers_detail

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_LEAST_SQUARES_INSTANCES)

}  // namespace showwork
