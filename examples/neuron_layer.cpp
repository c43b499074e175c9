// Worked example: the output of a layer in notes 003, with its derivation.
//
//   neuron_layer [latex|document|markdown|text|json]     (text by default)
//
// Notes 003 use the column convention Z = WX + b (x a column, W is neurons × inputs); notes 002
// and DESIGN.md's network notation use Z = XW + b (examples as rows), whose W is this one's
// transpose: (WX)ᵀ = XᵀWᵀ.
#include <cstdio>
#include <exception>

#include "examples/neuron_layer.hpp"
#include "showwork/trace/render.hpp"

int main(int argc, char** argv) {
    using namespace showwork;
    try {
        trace::Format format = argc > 1 ? trace::parse_format(argv[1]) : trace::Format::text;
        std::string out = trace::render(examples::neuron_layer_document(), format);
        std::fputs(out.c_str(), stdout);
        if (!out.ends_with('\n')) std::fputs("\n", stdout);
        if (format == trace::Format::text) {
            std::puts("\nNotes 003 write the layer in the column convention Z = WX + b; notes 002 write"
                      "\nZ = XW + b (examples as rows), with W transposed.");
        }
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "neuron_layer: %s\n", error.what());
        return 2;
    }
}
