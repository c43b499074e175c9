// Matrix text: inline ("1 2; 3 4"), bracketed ("[[1,2],[3,4]]") and file contents (rows on
// lines, '#' comments), read exactly and in both floating scalars; a small matrix read is then
// row reduced with its derivation, rendered in every format.
#include "fuzz.hpp"
#include "showwork/matrix/echelon.hpp"
#include "showwork/matrix/parse.hpp"
#include "showwork/matrix/to_math.hpp"

using namespace showwork;

template <Scalar T>
void read_and_reduce(std::string_view text) {
    fuzz::expecting_errors([&] {
        Matrix<T> A = parse_matrix<T>(text, "fuzz");
        if (A.rows() * A.cols() > 36) return;
        trace::Trace trace(fuzz::derivation_nodes);
        Matrix<T> R = rref(A, {}, &trace);
        fuzz::render_all(fuzz::document_of("rref", to_math(A), to_math(R), trace));
    });
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = fuzz::text_of(data, size);
    read_and_reduce<Rational>(text);
    read_and_reduce<double>(text);
    fuzz::expecting_errors([&] { (void)parse_matrix<Float50>(text, "fuzz"); });
    return 0;
}
