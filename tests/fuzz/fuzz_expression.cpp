// Expressions: parsed, printed in text and LaTeX, and differentiated with the derivation by each
// of their first two variables, rendered in every format. The text form must read back as the
// same expression (printing then parsing is the identity on what the parser returns).
#include <cstdio>
#include <cstdlib>

#include "fuzz.hpp"
#include "showwork/calculus/differentiate.hpp"
#include "showwork/calculus/parse.hpp"
#include "showwork/calculus/print.hpp"

using namespace showwork;
using namespace showwork::calculus;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::expecting_errors([&] {
        Expr f = parse_expression(fuzz::text_of(data, size));
        std::string text = to_text(f);
        (void)to_latex(f);
        std::string again = to_text(parse_expression(text));
        if (again != text) {
            std::fprintf(stderr, "printed %s\nread back and printed %s\n", text.c_str(), again.c_str());
            std::abort();
        }
        std::vector<std::string> names = variables(f);
        if (names.size() > 2) names.resize(2);
        for (const std::string& x : names) {
            trace::Trace trace(fuzz::derivation_nodes);
            Expr derivative = differentiate(f, x, &trace);
            (void)to_text(derivative);
            fuzz::render_all(fuzz::document_of("diff", to_math(f), to_math(derivative), trace));
        }
    });
    return 0;
}
