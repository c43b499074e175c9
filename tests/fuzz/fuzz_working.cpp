// A student's working, as `check` reads it: the input's first line is the starting matrix, the
// rest the working (operations, matrices, an answer line). It is checked exactly and in double
// for every goal the start allows (solve with its last column right of the bar; inverse and det
// for a square start), and the marked-up working rendered in every format.
#include "fuzz.hpp"
#include "showwork/matrix/parse.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/teach/check.hpp"

using namespace showwork;

template <Scalar T>
void check(std::string_view start_text, std::string_view working_text) {
    fuzz::expecting_errors([&] {
        const Matrix<T> start = parse_matrix<T>(start_text, "fuzz");
        const teach::Working working = teach::parse_working(working_text, "fuzz");
        for (teach::Goal goal : {teach::Goal::ref, teach::Goal::rref, teach::Goal::solve, teach::Goal::inverse,
                                 teach::Goal::det}) {
            Matrix<T> A = start;
            if (goal == teach::Goal::solve) {
                if (A.cols() < 2) continue;
                A.set_augment(1);
            }
            if ((goal == teach::Goal::inverse || goal == teach::Goal::det) && !A.is_square()) continue;
            fuzz::expecting_errors([&] {
                trace::Trace trace(fuzz::derivation_nodes);
                const teach::WorkingCheck<T> c = teach::check_working(A, working, goal, &trace);
                fuzz::render_all(fuzz::document_of("check", to_math(teach::working_start(A, goal)), to_math(c.final), trace));
            });
        }
    });
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = fuzz::text_of(data, size);
    std::size_t newline = text.find('\n');
    if (newline == std::string_view::npos) return 0;
    check<Rational>(text.substr(0, newline), text.substr(newline + 1));
    check<double>(text.substr(0, newline), text.substr(newline + 1));
    return 0;
}
