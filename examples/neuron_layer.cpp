// Worked example: the output of a layer in notes 003, with its derivation (neuron_layer.hpp),
//
//   z = W x + b = [[5, 2], [3, 6]] · [10, 20] + 6 = [96, 156],   a = ReLU(z) = [96, 156],
//
// and, as the document's last step, the row convention of notes 002.
//
//   neuron_layer [text|latex|markdown|json|document]     (text by default)
//
// Notes 003 use the column convention Z = WX + b (x a column, W is neurons × inputs); notes 002
// and DESIGN.md's network notation use Z = XW + b (examples as rows), whose W is this one's
// transpose: (WX)ᵀ = XᵀWᵀ.
#include "examples/example.hpp"
#include "examples/neuron_layer.hpp"

using namespace showwork;

namespace {

// The layer's document (the one the renderers' golden files hold), and the other convention.
trace::Document layer_document() {
    trace::Document document = examples::neuron_layer_document();
    trace::Step rows;
    rows.kind = std::string(trace::kind::convention);
    rows.text = "Notes 002 write the same layer with the examples as rows, Z = XW + b, with W transposed.";
    rows.state = trace::equals(trace::symbol("Z"), trace::sum({trace::product({trace::symbol("X"), trace::symbol("W")}, ""),
                                                               trace::symbol("b")}));
    document.steps.push_back(std::move(rows));
    return document;
}

}  // namespace

int main(int argc, char** argv) { return examples::run("neuron_layer", argc, argv, layer_document); }
