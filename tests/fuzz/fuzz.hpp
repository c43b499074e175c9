// What the fuzzing harnesses share. A harness feeds libFuzzer's bytes to one reader of the
// library and renders what comes out in every format. The library's own errors (InputError,
// MathError) are correct answers to bad input; anything else that escapes — another exception,
// a crash, a sanitizer report, a hang — is a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "showwork/error.hpp"
#include "showwork/trace/render.hpp"
#include "showwork/trace/trace.hpp"

namespace showwork::fuzz {

// How many math nodes a harness's derivation may record: a twentieth of the program's
// trace::max_derivation_nodes. Built with ASan, UBSan and coverage at -O1, the library runs about
// 25 times slower than the program: a derivation at the program's full size takes 15–20 s to
// record and render in every format here (the program: under a second), past the 10 s that make
// an input a hang. The limit works the same at any size, so the harnesses reach it at this one.
inline constexpr std::size_t derivation_nodes = trace::max_derivation_nodes / 20;

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Runs `body`, accepting the library's errors: they are what bad input must produce.
template <class Body>
void expecting_errors(Body&& body) {
    try {
        body();
    } catch (const InputError&) {
    } catch (const MathError&) {
    }
}

// Renders a document in every format, as the program would write it.
inline void render_all(const trace::Document& document) {
    for (auto format : {trace::Format::text, trace::Format::latex, trace::Format::document,
                        trace::Format::markdown, trace::Format::json}) {
        for (bool steps : {true, false}) (void)trace::render(document, format, {.steps = steps});
    }
}

// A document of one derivation: its input, its result and the steps between them.
inline trace::Document document_of(std::string command, trace::Math input, trace::Math result,
                                   trace::Trace& trace) {
    return {.title = command, .command = command, .number = "exact",
            .inputs = {{"A", std::move(input)}}, .results = {{"result", std::move(result)}},
            .steps = trace.take_steps()};
}

}  // namespace showwork::fuzz
