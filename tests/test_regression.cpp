// Regression: decimals and square roots correctly rounded, the data reader and every malformed
// input it names, hand-checked fits, NIST's certified values of Norris, Pontius and Longley read
// from NIST's own files and reproduced exactly, and seeded random fits whose residual is exactly
// orthogonal to the columns of X.
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "strd.hpp"
#include "support.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/cost.hpp"
#include "showwork/matrix/decimal.hpp"
#include "showwork/matrix/inverse.hpp"
#include "showwork/regression/fit.hpp"
#include "showwork/solvers/gradient_descent.hpp"
#include "showwork/regression/report.hpp"
#include "showwork/regression/simple.hpp"
#include "showwork/trace/render.hpp"

namespace test_regression {  // this file's names, apart from the other suites' in the unity build

using namespace showwork;
using namespace showwork::regression;
using Q = Rational;
using showwork::testing::read_strd;
using showwork::testing::StrdFile;

namespace {

// The error message of `f`, or "no error".
template <class F>
std::string message_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}

Fit<Q> fit_text(std::string_view text, ModelSpec spec = {}, FitOptions options = {}, trace::Trace* trace = nullptr) {
    return fit(design(read_data<Q>(text, "test.csv"), spec), options, trace);
}

const char* const line_data = "x, y\n1, 2\n2, 4\n3, 5\n4, 4\n5, 5\n";

// The significant digits of a decimal as NIST prints it ("-0.358191792925910E-01": 15).
int significant_digits(std::string s) {
    if (auto e = s.find_first_of("eE"); e != std::string::npos) s = s.substr(0, e);
    std::string digits;
    for (char c : s)
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    digits.erase(0, digits.find_first_not_of('0'));
    return static_cast<int>(digits.size());
}

// A certified value: the exact value rounds to it at its printed digits.
void check_certified(const std::string& what, const Q& exact, const std::string& certified) {
    INFO(what << ": certified " << certified);
    CHECK(parse_rational(decimal_text(exact, significant_digits(certified))) == parse_rational(certified));
}
void check_certified_root(const std::string& what, const Q& square, bool negative, const std::string& certified) {
    INFO(what << ": certified " << certified);
    CHECK(parse_rational(root_text(square, significant_digits(certified), negative)) == parse_rational(certified));
}

void check_strd(const std::string& name) {
    StrdFile s = read_strd(name);
    DataSet<Q> data = read_data<Q>(s.data, name);
    Fit<Q> f = fit(design(data, showwork::testing::strd_model(s, data.names.size())));
    REQUIRE(f.parameters.size() == s.parameters);
    for (std::size_t j = 0; j < s.parameters; ++j) {
        const auto& [estimate, sd] = std::pair{s.certified.at("B" + std::to_string(j))[0], s.certified.at("B" + std::to_string(j))[1]};
        check_certified(name + " B" + std::to_string(j), f.coefficients(j, 0), estimate);
        check_certified_root(name + " sd(B" + std::to_string(j) + ")", *f.standard_error_squared(j), false, sd);
    }
    check_certified_root(name + " residual sd", *f.residual_variance, false, s.certified.at("sd")[0]);
    check_certified(name + " R²", *f.r_squared, s.certified.at("R2")[0]);
    const auto& regression = s.certified.at("Regression");
    const auto& residual = s.certified.at("Residual");
    CHECK(std::to_string(f.df_regression) == regression[0]);
    check_certified(name + " SSR", f.ssr, regression[1]);
    check_certified(name + " MSR", *f.mean_square_regression(), regression[2]);
    check_certified(name + " F", *f.f_statistic, regression[3]);
    CHECK(std::to_string(f.df_residual) == residual[0]);
    check_certified(name + " SSE", f.sse, residual[1]);
    check_certified(name + " MSE", *f.residual_variance, residual[2]);
}

}  // namespace

TEST_CASE("decimals are correctly rounded, ties to even, and read back") {
    CHECK(decimal_text(Q(2, 3), 5) == "0.66667");
    CHECK(decimal_text(Q(-2, 3), 3) == "-0.667");
    CHECK(decimal_text(Q(1, 8), 2) == "0.12");     // 0.125: a tie, to even
    CHECK(decimal_text(Q(27, 200), 2) == "0.14");  // 0.135: a tie, to even
    CHECK(decimal_text(Q(1999, 200), 3) == "10");  // 9.995 rounds up to 10.0
    CHECK(decimal_text(Q(3, 5), 20) == "0.6");
    CHECK(decimal_text(Q(123456), 2) == "120000");
    CHECK(decimal_text(Q(1, 10000000), 3) == "1e-7");
    CHECK(decimal_text(parse_rational("1.5e25"), 3) == "1.5e25");
    CHECK(decimal_text(Q(0), 4) == "0");
    CHECK(message_of([] { decimal_text(Q(1), 0); }).find("from 1 to") != std::string::npos);

    std::mt19937_64 rng(7);
    std::uniform_int_distribution<long> big(-1'000'000'000'000L, 1'000'000'000'000L), small(1, 1'000'000L);
    for (int k = 0; k < 300; ++k) {
        Q q(big(rng), small(rng));
        int digits = 1 + k % 25;
        Q r = parse_rational(decimal_text(q, digits));
        // |q − r| is at most half a unit of the last digit, which is at most |q| · 10^(1 − digits)
        Q unit = abs(q) / Q(Integer(boost::multiprecision::pow(Integer(10), digits - 1)));
        INFO(rational_text(q) << " to " << digits << ": " << decimal_text(q, digits));
        CHECK(abs(q - r) <= unit / 2);
    }
}

TEST_CASE("square roots of exact values to N digits, correctly rounded, never through double") {
    CHECK(sqrt_text(Q(2), 20) == "1.4142135623730950488");
    CHECK(sqrt_text(Q(4), 20) == "2");
    CHECK(sqrt_text(Q(1, 4), 5) == "0.5");
    CHECK(sqrt_text(Q(2), 1) == "1");
    CHECK(sqrt_text(Q(10), 3) == "3.16");
    CHECK(sqrt_text(parse_rational("1e-30"), 3) == "1e-15");
    CHECK(sqrt_text(Q(0), 3) == "0");
    CHECK(message_of([] { sqrt_text(Q(-1), 3); }).find("negative") != std::string::npos);
    // r is the correctly rounded √q exactly when (r − u/2)² ≤ q ≤ (r + u/2)², u a unit of the last digit
    std::mt19937_64 rng(11);
    std::uniform_int_distribution<long> n(1, 1'000'000'000'000L), d(1, 1'000'000L);
    for (int k = 0; k < 300; ++k) {
        Q q(n(rng), d(rng));
        int digits = 1 + k % 40;
        std::string text = sqrt_text(q, digits);
        Q r = parse_rational(text);
        Q unit = r / Q(Integer(boost::multiprecision::pow(Integer(10), digits - 1)));  // ≥ the last digit's unit
        INFO("√" << rational_text(q) << " to " << digits << ": " << text);
        CHECK((r - unit / 2) * (r - unit / 2) <= q);
        CHECK(q <= (r + unit / 2) * (r + unit / 2));
    }
}

TEST_CASE("data: a header row, commas or spaces, comments, CRLF; exact cells") {
    DataSet<Q> d = read_data<Q>("# comment\r\nx, y # the columns\r\n0.1, 2\r\n\r\n1/3, -4e-2\r\n", "d.csv");
    CHECK(d.names == std::vector<std::string>{"x", "y"});
    CHECK(d.values(0, 0) == Q(1, 10));
    CHECK(d.values(1, 0) == Q(1, 3));
    CHECK(d.values(1, 1) == Q(-1, 25));
    DataSet<double> w = read_data<double>("a b c\n1 2 3\n4 5 6\n");
    CHECK(w.names == std::vector<std::string>{"a", "b", "c"});
    CHECK(w.values(1, 2) == 6.0);
    DataSet<Q> plain = read_data<Q>("1 2 3\n4 5 6\n");
    CHECK(plain.names == std::vector<std::string>{"x1", "x2", "y"});
    CHECK(plain.observations() == 2);
}

TEST_CASE("data: every malformed input is one line naming the line, the column and the cell") {
    auto error = [](std::string_view text) { return message_of([&] { read_data<Q>(text, "d.csv"); }); };
    CHECK(error("") == "d.csv is empty: no header row and no observations");
    CHECK(error("# only a comment\n") == "d.csv is empty: no header row and no observations");
    CHECK(error("x, y\n") == "d.csv has a header row and no observations");
    CHECK(error("x, y\n1, 2\n3\n") == "d.csv: line 3: 1 cell, the header names 2 columns");
    CHECK(error("x, y\n1, 2, 3\n") == "d.csv: line 2: 3 cells, the header names 2 columns");
    CHECK(error("x, y\n1, 2\n3, abc\n").starts_with("d.csv: line 3, column 2 (y): 'abc'"));
    CHECK(error("x, y\n1, \n") == "d.csv: line 2, column 2 (y): the cell is empty");
    CHECK(error("x, x\n1, 2\n") == "d.csv: line 1: the column name 'x' is used twice (columns 1 and 2)");
    CHECK(error("x, , y\n1, 2, 3\n") == "d.csv: line 1: column 2 has no name in the header row");
    CHECK(error("x, y\n1, 1/0\n").starts_with("d.csv: line 2, column 2 (y): "));
    DataSet<Q> d = read_data<Q>(line_data, "d.csv");
    CHECK(message_of([&] { d.column("z"); }) == "no column named 'z' in d.csv: the columns are x, y");
}

TEST_CASE("models: response, predictors, degree, intercept, and what cannot be fitted") {
    DataSet<Q> d = read_data<Q>("a, b, c\n1, 2, 3\n2, 3, 5\n3, 5, 4\n4, 4, 4\n", "d.csv");
    Design<Q> all = design(d, {});
    CHECK(all.response == "c");
    CHECK(all.parameters == std::vector<std::string>{"(Intercept)", "a", "b"});
    CHECK(all.X == Matrix<Q>{{1, 1, 2}, {1, 2, 3}, {1, 3, 5}, {1, 4, 4}});
    Design<Q> poly = design(d, {.response = "a", .predictors = {"b"}, .degree = 3, .intercept = false});
    CHECK(poly.parameters == std::vector<std::string>{"b", "b^2", "b^3"});
    CHECK(poly.X(2, 2) == 125);
    auto error = [&](ModelSpec spec) { return message_of([&] { design(d, spec); }); };
    CHECK(error({.response = "z"}) == "no column named 'z' in d.csv: the columns are a, b, c");
    CHECK(error({.response = "a", .predictors = {"a"}}) == "'a' is the response: it cannot be a predictor too");
    CHECK(error({.predictors = {"a", "a"}}) == "the predictor 'a' is named twice");
    CHECK(error({.degree = 2}).starts_with("a polynomial of degree 2 is fitted to one predictor, not 2"));
    CHECK(error({.predictors = {"a"}, .degree = 4}).starts_with("4 observations cannot determine 5 parameters"));
    CHECK(split_names(" x1, x2 ,x3") == std::vector<std::string>{"x1", "x2", "x3"});
}

TEST_CASE("the hand-checked line: slope 3/5, intercept 11/5, R² = 3/5, and its statistics") {
    for (auto method : {LeastSquaresMethod::normal, LeastSquaresMethod::inverse}) {
        Fit<Q> f = fit_text(line_data, {}, {.method = method});
        CHECK(f.coefficients == Matrix<Q>::column({Q(11, 5), Q(3, 5)}));
        CHECK(f.sse == Q(12, 5));
        CHECK(f.sst == 6);
        CHECK(f.ssr == Q(18, 5));
        CHECK(*f.r_squared == Q(3, 5));
        CHECK(*f.adjusted_r_squared == Q(7, 15));  // 1 − (2/5)(4/3)
        CHECK(*f.residual_variance == Q(4, 5));    // 12/5 over 3
        CHECK(*f.f_statistic == Q(9, 2));          // 18/5 over 4/5
        CHECK(f.residuals == Matrix<Q>::column({Q(-4, 5), Q(3, 5), Q(1), Q(-3, 5), Q(-1, 5)}));
        CHECK(*f.standard_error_squared(1) == Q(2, 25));  // s²/Σ(x − x̄)² = (4/5)/10
        CHECK(root_text(*f.t_squared(1), 10) == "2.121320344");  // (3/5)/√(2/25) = 3/√2
    }
    Sums<Q> s = sums(Matrix<Q>::column({1, 2, 3, 4, 5}), Matrix<Q>::column({2, 4, 5, 4, 5}));
    CHECK(s.slope() == Q(3, 5));
    CHECK(s.intercept() == Q(11, 5));
    CHECK(s.notes_intercept() == Q(3, 5));   // the notes give b the slope's formula
    CHECK(s.notes_slope() == Q(418, 5));     // (5·20·55 − 20·66)/50, not a slope of this data
    CHECK(s.squared_error(s.slope(), s.intercept()) == Q(12, 5));
    CHECK(s.squared_error(s.notes_slope(), s.notes_intercept()) > Q(12, 5));
}

TEST_CASE("a line that fits exactly, and a model without intercept (uncentred R²)") {
    Fit<Q> exact = fit_text("x y\n0 1\n1 3\n2 5\n3 7\n");
    CHECK(exact.coefficients == Matrix<Q>::column({1, 2}));
    CHECK(exact.sse == 0);
    CHECK(*exact.r_squared == 1);
    CHECK(!exact.f_statistic);  // s² = 0
    Fit<Q> origin = fit_text(line_data, {.intercept = false});
    CHECK(origin.coefficients == Matrix<Q>::column({Q(6, 5)}));  // Σxy/Σx² = 66/55
    CHECK(origin.sst == 86);                                          // Σy², uncentred
    CHECK(origin.df_regression == 1);
    CHECK(origin.df_total == 5);
    CHECK(*origin.r_squared == 1 - origin.sse / 86);
}

TEST_CASE("dependent columns are refused with the dependency, from the elimination") {
    std::string constant = message_of([] { fit_text("x, c, y\n1, 2, 1\n2, 2, 3\n3, 2, 2\n4, 2, 5\n"); });
    CHECK(constant.find("linearly dependent") != std::string::npos);
    CHECK(constant.find("c = 2·(Intercept)") != std::string::npos);
    std::string doubled = message_of([] { fit_text("a, b, y\n1, 2, 1\n2, 4, 3\n3, 6, 2\n4, 8, 5\n", {.intercept = false}); });
    CHECK(doubled.find("b = 2·a") != std::string::npos);
    std::string inverse = message_of([] {
        fit_text("a, b, y\n1, 2, 1\n2, 4, 3\n3, 6, 2\n4, 8, 5\n", {.intercept = false}, {.method = LeastSquaresMethod::inverse});
    });
    CHECK(inverse.find("b = 2·a") != std::string::npos);
    CHECK(message_of([] { fit_text("x y\n1 2\n1 3\n1 4\n"); }).find("every x is 1") != std::string::npos);
    CHECK(message_of([] { fit_text(line_data, {}, {.method = LeastSquaresMethod::qr}); }).find("--method normal") !=
          std::string::npos);
}

TEST_CASE("NIST StRD: Norris, Pontius and Longley reproduce every certified value exactly") {
    check_strd("Norris.dat");
    check_strd("Pontius.dat");
    check_strd("Longley.dat");
}

TEST_CASE("seeded random fits: the residual is exactly orthogonal to every column of X") {
    std::mt19937_64 rng(2026);
    for (int k = 0; k < 200; ++k) {
        std::size_t p = 1 + k % 4, m = p + 1 + k % 6;
        Matrix<Q> values = testing::random_rational(rng, m, p + 1, 9, k % 2 == 1);
        std::string text = "";
        for (std::size_t j = 0; j <= p; ++j) text += (j ? ", c" : "c") + std::to_string(j);
        text += "\n";
        for (std::size_t i = 0; i < m; ++i) {
            for (std::size_t j = 0; j <= p; ++j) text += (j ? ", " : "") + rational_text(values(i, j));
            text += "\n";
        }
        Design<Q> d = design(read_data<Q>(text), {});
        Fit<Q> f;
        try {
            f = fit(d);
        } catch (const SingularError&) {
            continue;  // dependent random columns: refused, as tested above
        }
        CHECK(transpose(d.X) * f.residuals == Matrix<Q>(d.parameter_count(), 1));
        CHECK(f.sse + f.ssr == f.sst);
    }
}

TEST_CASE("the traced line: the sums table, m and b by the notes' formulas, the statistics") {
    trace::Trace t;
    fit_text(line_data, {}, {}, &t);
    std::vector<std::string> kinds;
    for (const auto& s : t.steps()) kinds.push_back(s.kind);
    CHECK(kinds == std::vector<std::string>{"design", "sums", "estimate", "estimate", "model", "residuals",
                                            "statistics", "statistics", "anova"});
    std::string text = trace::render(trace::Document{"", "regress", "exact", {}, {}, t.take_steps()},
                                     trace::Format::text, {});
    CHECK(text.find("y = (3/5)x + 11/5") != std::string::npos);
    trace::Trace multiple;
    fit_text("a, b, y\n1, 2, 1\n2, 1, 3\n3, 5, 2\n4, 3, 5\n", {}, {}, &multiple);
    CHECK(multiple.steps()[1].kind == "normal_equations");
}

TEST_CASE("by QR the standard errors come from R: s² ‖row j of R⁻¹‖², as exact as the fit") {
    // Longley in double (κ(X) ≈ 5·10⁹): se² from R keeps 5 digits of the exact (certified) values.
    StrdFile s = read_strd("Longley.dat");
    DataSet<Q> exact_data = read_data<Q>(s.data, "Longley.dat");
    ModelSpec spec = showwork::testing::strd_model(s, exact_data.names.size());
    Fit<Q> exact = fit(design(exact_data, spec));
    Fit<double> qr = fit(design(read_data<double>(s.data, "Longley.dat"), spec), {.method = LeastSquaresMethod::qr});
    for (std::size_t j = 0; j < exact.parameters.size(); ++j) {
        const Q se2 = *exact.standard_error_squared(j);
        const Q relative = abs(Q(double_to_rational(*qr.standard_error_squared(j)) - se2)) / se2;
        INFO(exact.parameters[j] << ": relative error of se² " << rational_to_double(relative));
        CHECK(relative < Q(1, 100'000));
    }
    // Float50 on the hand-checked line: ‖row 2 of R⁻¹‖² = 1/Σ(x − x̄)² = 1/10.
    Fit<Float50> line = fit(design(read_data<Float50>(line_data), {}), {.method = LeastSquaresMethod::qr});
    CHECK(abs(line.variance_factors[1] - Float50(1) / 10) < Float50(1e-45));
    CHECK(abs(line.variance_factors[0] - Float50(11) / 10) < Float50(1e-45));  // Σx²/(m Σ(x − x̄)²) = 55/50
}

TEST_CASE("a predictor of size 10^±300: by QR the standard errors are computed, not squared away; the normal equations say XᵀX left the range") {
    // y = 2, 4, 5, 4, 5 on x = k·10³⁰⁰ (and k·10⁻³⁰⁰): the hand-checked line with x scaled, so
    // se(slope) = √(2/25)·10∓³⁰⁰ and t = 3/√2 exactly, ‖row 2 of R⁻¹‖² = 10∓⁶⁰⁰/10 beyond double.
    for (int e : {300, -300}) {
        std::string text = "x,y\n";
        const int ys[] = {2, 4, 5, 4, 5};
        for (int k = 1; k <= 5; ++k) text += std::to_string(k) + "e" + std::to_string(e) + "," + std::to_string(ys[k - 1]) + "\n";
        CAPTURE(e);
        Fit<Q> exact = fit(design(read_data<Q>(text), {}));
        Fit<double> qr = fit(design(read_data<double>(text), {}), {.method = LeastSquaresMethod::qr});
        for (std::size_t j = 0; j < 2; ++j) {
            const double se = *qr.standard_error(j), t = *qr.t_value(j);
            const double exact_se = std::stod(root_text(*exact.standard_error_squared(j), 17));
            const double exact_t = std::stod(root_text(*exact.t_squared(j), 17));
            CHECK(std::abs(se - exact_se) <= 1e-14 * exact_se);
            CHECK(std::abs(t - exact_t) <= 1e-14 * exact_t);
        }
        CHECK(std::abs(*qr.t_value(1) - 3 / std::sqrt(2.0)) < 1e-14);
        const std::string range = e > 0 ? "XᵀX overflows in floating point" : "XᵀX underflows in floating point";
        for (LeastSquaresMethod method : {LeastSquaresMethod::normal, LeastSquaresMethod::inverse}) {
            CHECK(message_of([&] { fit(design(read_data<double>(text), {}), {.method = method}); }).find(range) == 0);
        }
    }
}

TEST_CASE("an exact fit's sums of squares and (XᵀX)⁻¹ diagonal equal the term-by-term values") {
    // SSE, SST and the variance factors are formed over common denominators and from the normal
    // equations' own XᵀX; each must equal the plain rational computation exactly.
    std::mt19937_64 rng(442);
    for (int trial = 0; trial < 10; ++trial) {
        const std::size_t m = 12, p = 4;
        Design<Q> d;
        d.X = testing::random_rational(rng, m, p, 9, true);
        for (std::size_t i = 0; i < m; ++i) d.X(i, 0) = 1;
        d.y = testing::random_rational(rng, m, 1, 99, trial % 2 == 0);
        for (std::size_t j = 0; j < p; ++j) d.parameters.push_back(j == 0 ? "(Intercept)" : "x" + std::to_string(j));
        Fit<Q> f;
        try {
            f = fit(d);
        } catch (const SingularError&) {
            continue;  // dependent random columns: nothing to compare
        }
        CAPTURE(trial);
        Q sse = 0, sst = 0, mean = 0;
        for (std::size_t i = 0; i < m; ++i) sse += f.residuals(i, 0) * f.residuals(i, 0);
        for (std::size_t i = 0; i < m; ++i) mean += d.y(i, 0);
        mean /= Q(int(m));
        for (std::size_t i = 0; i < m; ++i) sst += (d.y(i, 0) - mean) * (d.y(i, 0) - mean);
        CHECK(f.sse == sse);
        CHECK(f.sst == sst);
        const Matrix<Q> gram_inverse = inverse(Matrix<Q>(transpose(d.X) * d.X));
        REQUIRE(f.variance_factors.size() == p);
        for (std::size_t j = 0; j < p; ++j) CHECK(f.variance_factors[j] == gram_inverse(j, j));
    }
}

TEST_CASE("an exact fit on long fractions is estimated before it starts: β̂'s digits bounded, a note when slow") {
    // 12 rows of 150-digit fractions, every denominator different: XᵀX's numbers hold their product
    std::mt19937_64 g(11);
    auto digits = [&](int n) {
        std::string s(1, static_cast<char>('1' + g() % 9));
        while (static_cast<int>(s.size()) < n) s += static_cast<char>('0' + g() % 10);
        return s;
    };
    std::string csv = "x, y\n";
    for (int i = 0; i < 12; ++i)
        csv += digits(150) + "/" + digits(150) + ", " + digits(150) + "/" + digits(150) + "\n";
    Design<Q> d = design(read_data<Q>(csv, "long.csv"), ModelSpec{});
    const WorkEstimate e = estimate_exact_least_squares(d.X, d.y, false);
    Fit<Q> f = fit(d);
    std::size_t most = 0;
    for (const Q& b : f.coefficients.entries()) most = std::max(most, rational_digits(b));
    CHECK(most <= e.digits);      // a bound …
    CHECK(2 * most >= e.digits);  // … and not a loose one
    CHECK(describe_if_large(e, "the exact fit", 12, 3).empty());  // 3,600 digits: well under a second
    // 20 rows of 2,000-digit fractions: some seconds, tens of megabytes, and said so
    std::string large = "x, y\n";
    for (int i = 0; i < 20; ++i)
        large += digits(2000) + "/" + digits(2000) + ", " + digits(2000) + "/" + digits(2000) + "\n";
    Design<Q> big = design(read_data<Q>(large, "large.csv"), ModelSpec{});
    const WorkEstimate slow = estimate_exact_least_squares(big.X, big.y, true);
    CHECK(slow.digits > 300'000);
    CHECK(describe_if_large(slow, "the exact fit", 20, 3).starts_with("the exact fit of this 20×3 matrix: numbers of up to 3"));
    // decimals share their denominators, powers of ten: the 442 rows of the diabetes data are instant
    std::string decimals = "x, z, y\n";
    for (int i = 0; i < 442; ++i) decimals += fmt::format("{}.{:02}, 0.{:04}, {}\n", i % 37, i % 100, i * 7 % 10000, i % 300);
    Design<Q> shared = design(read_data<Q>(decimals, "decimals.csv"), ModelSpec{});
    CHECK(describe_if_large(estimate_exact_least_squares(shared.X, shared.y, true), "the exact fit", 442, 4).empty());
}

TEST_CASE("FitOptions{} fits as the program does: the normal equations exactly, QR in floating point") {
    CHECK(fit(design(read_data<Q>(line_data), {})).method == LeastSquaresMethod::normal);
    CHECK(fit(design(read_data<double>(line_data), {})).method == LeastSquaresMethod::qr);
    CHECK(fit(design(read_data<Float50>(line_data), {})).method == LeastSquaresMethod::qr);
    CHECK(fit(design(read_data<double>(line_data), {}), {.method = LeastSquaresMethod::normal}).method ==
          LeastSquaresMethod::normal);
}

}  // namespace test_regression
