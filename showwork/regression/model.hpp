// A linear model and its design matrix: which column is the response, which are the
// predictors, whether there is an intercept, and polynomial features of one predictor.
//
//   X = [ 1  x₁₁ … x₁ₖ ]      m × p: a first column of ones unless the model has none;
//       [ ⋮   ⋮      ⋮  ]      with --degree d the columns x, x², …, x^d of one predictor
//       [ 1  xₘ₁ … xₘₖ ]
#pragma once

#include <string>
#include <vector>

#include "showwork/regression/data.hpp"

namespace showwork::regression {

// The highest polynomial degree a model may ask for.
inline constexpr std::size_t max_degree = 20;

struct ModelSpec {
    std::string response{};                 // empty: the last column
    std::vector<std::string> predictors{};  // empty: every column but the response
    std::size_t degree = 1;                 // above 1: one predictor and its powers
    bool intercept = true;
};

template <Scalar T>
struct Design {
    Matrix<T> X;                          // m × p
    Matrix<T> y;                          // m × 1
    std::vector<std::string> parameters;  // a name per column of X: "(Intercept)", "x", "x^2"
    std::string response;
    std::vector<std::string> predictors;  // the data's columns the model uses
    bool intercept = true;

    std::size_t observations() const { return X.rows(); }
    std::size_t parameter_count() const { return X.cols(); }
};

// "x1,x2" -> {"x1", "x2"}: names separated by commas; "" -> {} (none named). An empty name
// ("x1,,x2", ",") is an InputError.
std::vector<std::string> split_names(const std::string& list);

// The design of `spec` on `data`. Throws DataError for an unknown or repeated column and
// MathError when there are fewer observations than parameters.
template <Scalar T>
Design<T> design(const DataSet<T>& data, const ModelSpec& spec);

#define SHOWWORK_MODEL_INSTANCES(EXTERN, T) \
    EXTERN template struct Design<T>;       \
    EXTERN template Design<T> design(const DataSet<T>&, const ModelSpec&);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_MODEL_INSTANCES)

}  // namespace showwork::regression
