// Temporary files that no signal leaves behind. While one exists, SIGINT, SIGTERM or SIGHUP
// removes every temporary file that exists, then ends the program as that signal does by default
// (the default action restored, the signal raised again): the shell sees "killed by SIGINT". A
// signal the program was started with ignored (nohup, a background job) stays ignored.
//
// The handler is async-signal-safe: the paths are kept in fixed buffers registered before the
// file exists, and it calls nothing but unlink(), signal() and raise().
#pragma once

#include <csignal>
#include <cstddef>
#include <string>

namespace showwork::cli {

// A temporary file created and not yet renamed or removed.
struct Temporary {
    int fd = -1;           // open for writing until closed
    std::size_t slot = 0;  // its buffer in the registry
    std::string path;
};

// Creates a temporary file from mkstemp's `pattern` ("dir/.name.XXXXXX"), mode 0600, registered
// before it exists so that no signal can find it unregistered. False, with errno set, when it
// cannot be made (ENAMETOOLONG for a pattern longer than the registry's buffers).
bool create_temporary(const std::string& pattern, Temporary& temporary);

// The temporary was renamed: a signal no longer removes anything for it.
void forget_temporary(const Temporary& temporary);

// Closes the temporary if it is open, removes it and forgets it; errno is kept.
void remove_temporary(Temporary& temporary);

// While one exists, those signals wait (blocked); when it goes, one that came ends the program.
// Around the renames of a command's files: a signal comes before all of them or after.
class SignalsDeferred {
public:
    SignalsDeferred();
    ~SignalsDeferred();
    SignalsDeferred(const SignalsDeferred&) = delete;
    SignalsDeferred& operator=(const SignalsDeferred&) = delete;

private:
    sigset_t before_;
};

}  // namespace showwork::cli
