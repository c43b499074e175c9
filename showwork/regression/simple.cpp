#include "showwork/regression/simple.hpp"

#include "showwork/error.hpp"
#include "showwork/matrix/to_math.hpp"

namespace showwork::regression {

namespace {

using trace::Math;

Math x() { return trace::symbol("x"); }
Math y() { return trace::symbol("y"); }
Math n() { return trace::symbol("n"); }
Math sum_of(std::vector<Math> factors) {
    factors.insert(factors.begin(), trace::symbol("sum"));
    return trace::product(std::move(factors), "");
}
Math squared(Math m) { return trace::power(std::move(m), trace::number("2")); }
Math times(Math a, Math b) { return trace::product({std::move(a), std::move(b)}); }
Math minus(Math a, Math b) { return trace::sum({std::move(a), trace::negate(std::move(b))}); }
template <Scalar T>
Math value(const T& v) { return factor_math(to_math(v)); }

// numerator / (nΣx² − (Σx)²), in symbols and with the sums substituted.
template <Scalar T>
Math formula(Math name, Math numerator, Math substituted, const Sums<T>& s, const T& result) {
    Math denominator = minus(times(n(), sum_of({squared(x())})), squared(trace::group(sum_of({x()}))));
    Math denominator_values = minus(times(value(T(s.n)), value(s.xx)), squared(value(s.x)));
    return trace::chain({std::move(name), trace::fraction(std::move(numerator), std::move(denominator)),
                         trace::fraction(std::move(substituted), std::move(denominator_values)), to_math(result)},
                        {trace::Rel::equals, trace::Rel::equals, trace::Rel::equals});
}

}  // namespace

template <Scalar T>
Sums<T> sums(const Matrix<T>& xs, const Matrix<T>& ys) {
    Sums<T> s;
    s.n = xs.rows();
    for (std::size_t i = 0; i < s.n; ++i) {
        const T& xi = xs(i, 0);
        const T& yi = ys(i, 0);
        s.x += xi;
        s.y += yi;
        s.xx += xi * xi;
        s.xy += xi * yi;
        s.yy += yi * yi;
    }
    if (s.denominator() == 0) {
        throw SingularError("every x is " + shown(scalar_text(xs(0, 0))) +
                            ": nΣx² − (Σx)² = 0, so no line has a slope through the data");
    }
    return s;
}

template <Scalar T>
void record_simple_regression(const Matrix<T>& xs, const Matrix<T>& ys, const Sums<T>& s, trace::Trace& trace) {
    const Math xi = trace::symbol("x", trace::symbol("i")), yi = trace::symbol("y", trace::symbol("i"));
    std::vector<std::vector<Math>> rows;
    if (s.n <= max_traced_table_rows) {
        for (std::size_t i = 0; i < s.n; ++i) {
            const T& a = xs(i, 0);
            const T& b = ys(i, 0);
            rows.push_back({trace::count(i + 1), to_math(a), to_math(b), to_math(T(a * a)),
                            to_math(T(a * b))});
        }
    }
    rows.push_back({trace::symbol("sum"), to_math(s.x), to_math(s.y), to_math(s.xx), to_math(s.xy)});
    trace.add(trace::kind::sums,
              "The table of x, y, x² and xy, and the sum of each column (n = " + std::to_string(s.n) + ").",
              std::nullopt,
              trace::table({trace::symbol("i"), xi, yi, squared(xi), trace::product({xi, yi}, "")}, rows, 1));
    const Math n_value = value(T(s.n));
    trace.add(trace::kind::estimate, "The slope.", std::nullopt,
              formula(trace::symbol("m"), minus(times(n(), sum_of({x(), y()})), times(sum_of({x()}), sum_of({y()}))),
                      minus(times(n_value, value(s.xy)), times(value(s.x), value(s.y))), s, s.slope()));
    trace.add(trace::kind::estimate, "The intercept.", std::nullopt,
              formula(trace::symbol("b"),
                      minus(times(sum_of({y()}), sum_of({squared(x())})), times(sum_of({x()}), sum_of({x(), y()}))),
                      minus(times(value(s.y), value(s.xx)), times(value(s.x), value(s.xy))), s, s.intercept()));
}

template <Scalar T>
void record_notes_erratum(const Sums<T>& s, trace::Trace& trace) {
    const T m = s.notes_slope(), b = s.notes_intercept();
    const Math notes = trace::text("notes");
    trace.add(trace::kind::estimate, "The notes' slope: a formula that is not the slope's.", std::nullopt,
              formula(trace::symbol("m", notes),
                      minus(trace::product({n(), sum_of({y()}), sum_of({squared(x())})}),
                            times(sum_of({y()}), sum_of({x(), y()}))),
                      minus(trace::product({value(T(s.n)), value(s.y), value(s.xx)}), times(value(s.y), value(s.xy))),
                      s, m));
    trace.add(trace::kind::estimate, "The notes' intercept: the formula of the slope.", std::nullopt,
              formula(trace::symbol("b", notes), minus(times(n(), sum_of({x(), y()})), times(sum_of({x()}), sum_of({y()}))),
                      minus(times(value(T(s.n)), value(s.xy)), times(value(s.x), value(s.y))), s, b));
    const Math sse = trace::symbol("SSE");
    trace.add(trace::kind::check,
              "Their line misses the data by more than the least-squares line y = " + scalar_text(s.slope()) + "x + " +
                  scalar_text(s.intercept()) + ", which has the smallest squared error of all lines: the notes swap "
                  "the two formulas and misprint the intercept's.",
              std::nullopt,
              trace::list({trace::equals(trace::symbol("SSE", notes), to_math(s.squared_error(m, b))),
                           trace::equals(sse, to_math(s.squared_error(s.slope(), s.intercept())))}));
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_SIMPLE_INSTANCES)

}  // namespace showwork::regression
