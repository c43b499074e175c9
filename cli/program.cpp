// The program without its process: the commands registered, the command line parsed and run,
// each error turned into one line on stderr and an exit status. main() adds the process's part
// (SIGPIPE, the final flush); the fuzzing harness of the command line calls it directly.
#include "cli/program.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "showwork/error.hpp"
#include "showwork/showwork_config.hpp"

namespace showwork::cli {

// Every message the program prints passes here: one line, escaped and at most
// max_message_characters long (error.hpp's message_line), whatever the library put in it.
int fail(int status, std::string_view message) {
    std::cerr << fmt::format("showwork: error: {}\n", message_line(message));
    return status;
}

namespace {

// `showwork help` lists the commands; `showwork help COMMAND` shows one with its examples.
void add_help_command(CLI::App& app, std::string& topic) {
    CLI::App* help = app.add_subcommand("help", "Show the help of a command, with examples");
    help->add_option("COMMAND", topic, "The command");
    help->footer("Example:\n  showwork help multiply\n");
    help->callback([&app, &topic] {
        if (topic.empty()) {
            std::cout << app.help();
            return;
        }
        CLI::App* command = nullptr;
        try {
            command = app.get_subcommand(topic);
        } catch (const CLI::OptionNotFound&) {
            throw InputError(fmt::format("unknown command {}: 'showwork help' lists them", quoted_token(topic)));
        }
        std::cout << command->help();
    });
}

// The command that the first argument names, or null.
const CLI::App* command_named(const CLI::App& app, const std::string& name) {
    for (const CLI::App* c : app.get_subcommands({}))
        if (c->get_name() == name) return c;
    return nullptr;
}

// The arguments as CLI11 is to read them: a command's operands that start with '-' after "--".
// An option given an empty value is refused here, before CLI11 reads it.
std::vector<std::string> arguments(const CLI::App& app, int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "help") return args;
    const CLI::App* command = command_named(app, args[0]);
    if (!command) return args;
    refuse_empty_values(*command, {args.begin() + 1, args.end()});
    std::vector<std::string> rest = operands_last(*command, {args.begin() + 1, args.end()});
    rest.insert(rest.begin(), args[0]);
    return rest;
}

// Where the help of what was typed is: 'showwork help det', or 'showwork --help'.
std::string help_for(const CLI::App& app, int argc, char** argv) {
    if (argc > 1 && command_named(app, argv[1])) return fmt::format("'showwork help {}'", argv[1]);
    return "'showwork --help'";
}

// Parses the command line and runs the command; returns the exit status.
int run(CLI::App& app, int argc, char** argv) {
    try {
        // A first word that is neither an option nor a command is a typo: say so plainly.
        if (argc > 1 && argv[1][0] != '-') {
            if (!command_named(app, argv[1])) {
                return fail(2, fmt::format("unknown command {}: 'showwork help' lists them",
                                           quoted_token(argv[1])));
            }
        }
        std::vector<std::string> args = arguments(app, argc, argv);
        std::reverse(args.begin(), args.end());  // CLI11 reads the vector from its end
        app.parse(args);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ExtrasError&) {
        return fail(2, fmt::format("{} (see {})", unexpected_arguments(app.remaining(true)), help_for(app, argc, argv)));
    } catch (const CLI::ParseError& e) {
        return fail(2, fmt::format("{} (see {})", e.what(), help_for(app, argc, argv)));
    } catch (const OutputError& e) {
        return fail(4, e.what());
    } catch (const MistakesFound& e) {
        std::cerr << fmt::format("showwork: {}\n", message_line(e.what()));
        return 3;
    } catch (const InputError& e) {
        return fail(2, e.what());
    } catch (const MathError& e) {
        return fail(1, e.what());
    } catch (const std::bad_alloc&) {
        return fail(1, "out of memory");
    } catch (const std::exception& e) {
        return fail(1, e.what());
    }
    return 0;
}

}  // namespace

int run_program(int argc, char** argv) {
    CLI::App app{"showwork — linear algebra and the mathematics of machine learning, with the work shown",
                 "showwork"};
    app.set_version_flag("--version", std::string("showwork ") + SHOWWORK_VERSION);
    app.require_subcommand(1);
    app.footer("Run 'showwork help COMMAND' for a command's options and examples.\n");
    std::string help_topic;
    add_help_command(app, help_topic);
    register_arithmetic_commands(app);
    register_elimination_commands(app);
    register_compare_command(app);
    register_calculus_commands(app);
    register_regression_commands(app);
    register_nn_commands(app);
    register_teach_commands(app);
    return run(app, argc, argv);
}

}  // namespace showwork::cli
