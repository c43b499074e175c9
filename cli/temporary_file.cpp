#include "cli/temporary_file.hpp"

#include <climits>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>

namespace showwork::cli {

namespace {

// A command writes at most 101 files at once (generate --worksheet --variants 50: 50 sheets and
// 50 keys, each kept until all are written).
constexpr std::size_t max_temporaries = 128;

// What the handler reads. A slot's pattern is copied in before its flag is set (release), and the
// handler reads the flag first (acquire), so it never sees a path half copied; mkstemp then
// writes the six letters of the name in place (a name caught half written names no file).
char temporary_paths[max_temporaries][PATH_MAX];
std::atomic<bool> is_registered[max_temporaries];
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler reads the flags");

constexpr int removing_signals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temporaries_and_end(int number) {
    for (std::size_t k = 0; k < max_temporaries; ++k)
        if (is_registered[k].load(std::memory_order_acquire)) unlink(temporary_paths[k]);
    // blocked while this handler runs, the signal raised again ends the program when it returns
    std::signal(number, SIG_DFL);
    std::raise(number);
}

// Once, before the first temporary: the handler replaces the default action of each signal, and
// with no temporary registered it does what the default does.
void install_handler() {
    static bool installed = false;
    if (installed) return;
    installed = true;
    struct sigaction action {};
    action.sa_handler = remove_temporaries_and_end;
    sigemptyset(&action.sa_mask);
    for (int s : removing_signals) sigaddset(&action.sa_mask, s);  // one handler at a time
    for (int s : removing_signals) {
        struct sigaction current {};
        if (sigaction(s, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) sigaction(s, &action, nullptr);
    }
}

}  // namespace

bool create_temporary(const std::string& pattern, Temporary& temporary) {
    install_handler();
    if (pattern.size() >= PATH_MAX) {
        errno = ENAMETOOLONG;
        return false;
    }
    std::size_t slot = 0;
    while (slot < max_temporaries && is_registered[slot].load(std::memory_order_relaxed)) ++slot;
    if (slot == max_temporaries) {
        errno = EMFILE;
        return false;
    }
    std::memcpy(temporary_paths[slot], pattern.c_str(), pattern.size() + 1);
    is_registered[slot].store(true, std::memory_order_release);
    // registered before mkstemp makes the file: from the moment it exists, a signal removes it
    const int fd = mkstemp(temporary_paths[slot]);
    if (fd < 0) {
        is_registered[slot].store(false, std::memory_order_release);
        return false;
    }
    temporary = Temporary{fd, slot, temporary_paths[slot]};
    return true;
}

void forget_temporary(const Temporary& temporary) {
    is_registered[temporary.slot].store(false, std::memory_order_release);
}

void remove_temporary(Temporary& temporary) {
    const int error = errno;
    if (temporary.fd >= 0) close(temporary.fd);
    temporary.fd = -1;
    unlink(temporary.path.c_str());
    forget_temporary(temporary);
    errno = error;
}

SignalsDeferred::SignalsDeferred() {
    sigset_t signals;
    sigemptyset(&signals);
    for (int s : removing_signals) sigaddset(&signals, s);
    sigprocmask(SIG_BLOCK, &signals, &before_);
}

SignalsDeferred::~SignalsDeferred() { sigprocmask(SIG_SETMASK, &before_, nullptr); }

}  // namespace showwork::cli
