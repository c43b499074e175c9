// What every worked example shares: its one argument names the format (text by default), it
// prints one document (the derivation, the results and, where the notes are wrong, the erratum)
// in that format, and it fails with a line on standard error (and the usage, for a bad argument).
//
//   int main(int argc, char** argv) {
//       return examples::run("notes_system", argc, argv, [] { return the_document(); });
//   }
//
//   notes_system [text|latex|markdown|json|document]
//
// Exit status 0; 2 for a bad argument (an unknown format, more than one argument); 1 when the
// example itself fails.
#pragma once

#include <cstdio>
#include <exception>
#include <string>
#include <utility>

#include "showwork/error.hpp"
#include "showwork/trace/render.hpp"
#include "showwork/trace/step_kinds.hpp"

namespace showwork::examples {

// The document rendered on standard output, ending in a newline.
inline void print_document(const trace::Document& document, trace::Format format) {
    std::string out = trace::render(document, format);
    if (!out.ends_with('\n')) out += '\n';
    std::fputs(out.c_str(), stdout);
}

// Runs one example: `build` computes it and returns its document, printed in the format argv[1]
// names.
template <typename Build>
int run(const char* name, int argc, char** argv, Build&& build) {
    trace::Format format = trace::Format::text;
    try {
        if (argc > 2) throw InputError("one argument at most: the format");
        if (argc == 2) format = trace::parse_format(argv[1]);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "%s: %s\nusage: %s [text|latex|markdown|json|document]\n", name, error.what(), name);
        return 2;
    }
    try {
        print_document(std::forward<Build>(build)(), format);
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "%s: %s\n", name, error.what());
        return 1;
    }
}

// An erratum of the notes as a step of the derivation, so that every format (a handout
// included) carries it: why the notes are wrong, and `shown`, their value beside the right one
// (e.g. relation(notes', Rel::not_equals, right)).
inline trace::Step erratum(std::string why, trace::Math shown) {
    trace::Step step;
    step.kind = std::string(trace::kind::erratum);
    step.text = "Erratum: " + std::move(why);
    step.state = std::move(shown);
    return step;
}

}  // namespace showwork::examples
