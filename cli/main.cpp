// showwork: linear algebra and the mathematics of machine learning, with the work shown.
//
// Exit status: 0 success; 2 bad usage or input (InputError, a bad option); 1 a mathematical
// failure (MathError: shapes that do not fit, a singular matrix, a derivative whose check fails);
// 3 `check` found a mistake in the working it checked (one line on stderr names where); 4 output
// that cannot be written (a full disk, a closed pipe). Errors are one line on stderr starting
// "showwork: error:"; never a crash or a stack trace.
#include <csignal>

#include "cli/options.hpp"
#include "cli/program.hpp"
#include "showwork/matrix/scalar.hpp"

int main(int argc, char** argv) {
    // A closed pipe is then an error to report, not a signal that ends the program silently.
    std::signal(SIGPIPE, SIG_IGN);
    // So is a file larger than `ulimit -f` allows (EFBIG), and its temporary is removed.
    std::signal(SIGXFSZ, SIG_IGN);
    // memory running out inside GMP is the one-line "out of memory" error, never an abort
    showwork::throw_bad_alloc_from_gmp();
    int status = showwork::cli::run_program(argc, argv);
    // the help and --version are written here too: check that they were
    if (status != 4 && !showwork::cli::flush_standard_output()) {
        return showwork::cli::fail(4, showwork::cli::unwritten("standard output"));
    }
    return status;
}
