// Row-operation sequences: the input's first line is a matrix, the rest a sequence such as
// "R2 -> R2 - 2R1; R1 <-> R2"; the operations are applied exactly and in double with the
// derivation, rendered in every format. Repeated scalings by huge numbers are the depth-and-size
// case here (the seeds have them).
#include "fuzz.hpp"
#include "showwork/matrix/parse.hpp"
#include "showwork/matrix/row_ops.hpp"
#include "showwork/matrix/to_math.hpp"

using namespace showwork;

template <Scalar T>
void apply(std::string_view matrix_text, std::string_view operations) {
    fuzz::expecting_errors([&] {
        Matrix<T> A = parse_matrix<T>(matrix_text, "fuzz");
        auto ops = parse_row_operations<T>(operations, A.rows());
        trace::Trace trace(fuzz::derivation_nodes);
        Matrix<T> B = apply_row_operations(A, ops, &trace);
        fuzz::render_all(fuzz::document_of("rowop", to_math(A), to_math(B), trace));
    });
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = fuzz::text_of(data, size);
    std::size_t newline = text.find('\n');
    if (newline == std::string_view::npos) return 0;
    apply<Rational>(text.substr(0, newline), text.substr(newline + 1));
    apply<double>(text.substr(0, newline), text.substr(newline + 1));
    return 0;
}
