#include "showwork/regression/model.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "showwork/text.hpp"

namespace showwork::regression {

std::vector<std::string> split_names(const std::string& list) {
    if (trimmed(list).empty()) return {};
    std::vector<std::string> names = split_trimmed(list);
    if (const std::size_t k = empty_item(list)) {
        throw InputError(fmt::format("the list {} has an empty name (name {} of {})", quoted_token(list), k, names.size()));
    }
    return names;
}

template <Scalar T>
Design<T> design(const DataSet<T>& data, const ModelSpec& spec) {
    const std::size_t response = spec.response.empty() ? data.names.size() - 1 : data.column(spec.response);
    std::vector<std::size_t> predictors;
    if (spec.predictors.empty()) {
        for (std::size_t j = 0; j < data.names.size(); ++j)
            if (j != response) predictors.push_back(j);
    } else {
        for (const auto& name : spec.predictors) {
            std::size_t j = data.column(name);
            if (j == response) throw DataError(fmt::format("{} is the response: it cannot be a predictor too", quoted_token(name)));
            if (std::find(predictors.begin(), predictors.end(), j) != predictors.end())
                throw DataError(fmt::format("the predictor {} is named twice", quoted_token(name)));
            predictors.push_back(j);
        }
    }
    if (spec.degree == 0 || spec.degree > max_degree)
        throw InputError(fmt::format("the degree must be from 1 to {}, not {}", max_degree, spec.degree));
    if (spec.degree > 1 && predictors.size() != 1) {
        throw InputError(fmt::format("a polynomial of degree {} is fitted to one predictor, not {}: name it with --x",
                                     spec.degree, predictors.size()));
    }

    Design<T> d;
    d.intercept = spec.intercept;
    d.response = data.names[response];
    for (std::size_t j : predictors) d.predictors.push_back(data.names[j]);
    if (spec.intercept) d.parameters.push_back("(Intercept)");
    if (spec.degree > 1) {
        for (std::size_t k = 1; k <= spec.degree; ++k)
            d.parameters.push_back(k == 1 ? d.predictors[0] : d.predictors[0] + "^" + std::to_string(k));
    } else {
        d.parameters.insert(d.parameters.end(), d.predictors.begin(), d.predictors.end());
    }
    const std::size_t m = data.observations(), p = d.parameters.size();
    if (p == 0) throw InputError("the model has no parameters: no intercept and no predictor");
    if (m < p) {
        throw MathError(fmt::format("{} observations cannot determine {} parameters ({}): least squares needs at "
                                    "least as many observations as parameters", m, p,
                                    fmt::join(d.parameters, ", ")));
    }
    d.X = Matrix<T>(m, p);
    d.y = Matrix<T>(m, 1);
    for (std::size_t i = 0; i < m; ++i) {
        std::size_t c = 0;
        if (spec.intercept) d.X(i, c++) = T(1);
        if (spec.degree > 1) {
            T power = T(1);
            for (std::size_t k = 1; k <= spec.degree; ++k) d.X(i, c++) = power *= data.values(i, predictors[0]);
        } else {
            for (std::size_t j : predictors) d.X(i, c++) = data.values(i, j);
        }
        d.y(i, 0) = data.values(i, response);
    }
    return d;
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_MODEL_INSTANCES)

}  // namespace showwork::regression
