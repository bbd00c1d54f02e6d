/* main.c: the parley command: dispatch to a subcommand, the top-level
 * --help and --version, and the final check that everything written to
 * stdout really got out (a full disk or closed pipe is exit 4, not a
 * silently truncated file). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
    "Usage: parley COMMAND [OPTION]... [ARG]...\n"
    "Code news text into CAMEO political events (who did what to whom).\n"
    "\n"
    "Commands:\n"
    "  code       code documents to events, JSON Lines or TSV on stdout\n"
    "  compile    compile dictionaries into one image file\n"
    "  explain    show how one sentence is coded, step by step\n"
    "  validate   run PETRARCH validation files\n"
    "  lint       check dictionary files\n"
    "  export     write the events of a store (--db) as GDELT, JSONL or TSV\n"
    "\n"
    "  -h, --help     print this help and exit\n"
    "  --version      print the version and exit\n"
    "\n"
    "'parley COMMAND --help' describes each command; see also parley(1).\n"
    "Exit status: 0 ok, 1 some documents failed, 2 usage error,\n"
    "3 dictionary error, 4 input or output error.\n";

typedef int (*command_fn)(int argc, char **argv);

static command_fn find_command(const char *name)
{
    if (strcmp(name, "code") == 0)
        return prl_cmd_code;
    if (strcmp(name, "compile") == 0)
        return prl_cmd_compile;
    if (strcmp(name, "explain") == 0)
        return prl_cmd_explain;
    if (strcmp(name, "validate") == 0)
        return prl_cmd_validate;
    if (strcmp(name, "lint") == 0)
        return prl_cmd_lint;
    if (strcmp(name, "export") == 0)
        return prl_cmd_export;
    return NULL;
}

/* Flush and close stdout; a failure here is an output error. */
static int finish(int code)
{
    if (code == PRL_EXIT_IO && ferror(stdout)) {
        fclose(stdout);     /* the command has reported the write error */
        return code;
    }
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
        prl_cli_error("standard output: write error%s%s", errno ? ": " : "",
                      errno ? strerror(errno) : "");
        return PRL_EXIT_IO;
    }
    return code;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return PRL_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage_text, stdout);
        return finish(PRL_EXIT_OK);
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("parley %s\n", parley_version());
        return finish(PRL_EXIT_OK);
    }
    if (cmd[0] == '-') {
        fprintf(stderr, "parley: unknown option '%s'\nTry 'parley --help'.\n", cmd);
        return PRL_EXIT_USAGE;
    }
    command_fn fn = find_command(cmd);
    if (!fn) {
        fprintf(stderr, "parley: unknown command '%s'\nTry 'parley --help'.\n", cmd);
        return PRL_EXIT_USAGE;
    }
    return finish(fn(argc - 1, argv + 1));
}
