// The output of one layer, from notes 003 ("Output of a layer"):
//
//   z = W x + b = [[5, 2], [3, 6]] · [10, 20] + 6 = [90, 150] + 6 = [96, 156],
//   a = ReLU(z) = [96, 156].
//
// Notes 003 use the column convention Z = WX + b: each example is a column of X and W is
// (neurons × inputs). The library's networks (notes 002) write Z = XW + b with each example a
// row of X, so their W is the transpose of this one: (XW)ᵀ = WᵀXᵀ.
#pragma once

#include <utility>

#include "showwork/matrix/traced_arithmetic.hpp"
#include "showwork/trace/trace.hpp"

namespace showwork::examples {

// The layer computed exactly, with its derivation.
inline trace::Document neuron_layer_document() {
    Matrix<Rational> W{{5, 2}, {3, 6}};
    Matrix<Rational> x = Matrix<Rational>::column({10, 20});
    Rational b = 6;

    trace::Trace trace;
    trace.add(trace::kind::convention,
              "Notes 003 use the column convention Z = WX + b: x is a column and W is (neurons × inputs).",
              trace::equals(trace::symbol("z"),
                            trace::sum({trace::product({trace::symbol("W"), trace::symbol("x")}, ""),
                                        trace::symbol("b")})));
    Matrix<Rational> Wx = multiply(W, x, &trace);    // [90, 150]
    Matrix<Rational> z = add_scalar(Wx, b, &trace);  // [96, 156]
    Matrix<Rational> a = relu(z, &trace);            // [96, 156]: both positive

    trace::Document document;
    document.title = "Output of a layer: a = ReLU(Wx + b)";
    document.command = "neuron_layer";
    document.number = "exact";
    document.inputs = {{"W", to_math(W)}, {"x", to_math(x)}, {"b", to_math(b)}};
    document.results = {{"result", to_math(a)}};
    document.steps = trace.take_steps();
    return document;
}

}  // namespace showwork::examples
