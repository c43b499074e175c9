// Data files for regression: CSV or white-space columns with a header, read exactly and in
// double; a small data set read is then fitted with the derivation, rendered in every format.
#include "fuzz.hpp"
#include "showwork/regression/data.hpp"
#include "showwork/regression/fit.hpp"

using namespace showwork;
using namespace showwork::regression;

template <Scalar T>
void read_and_fit(std::string_view text) {
    fuzz::expecting_errors([&] {
        DataSet<T> data = read_data<T>(text, "fuzz.csv");
        if (data.names.size() > 6 || data.observations() > 40) return;
        trace::Trace trace(fuzz::derivation_nodes);
        (void)fit(design(data, {}), {}, &trace);
        trace::Document document{.title = "regress", .command = "regress", .number = "exact",
                                 .steps = trace.take_steps()};
        fuzz::render_all(document);
    });
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = fuzz::text_of(data, size);
    read_and_fit<Rational>(text);
    read_and_fit<double>(text);
    return 0;
}
