/* compile.c: `parley compile`: read source dictionaries once and write
 * them as one compiled image that `parley code --dict` loads without
 * parsing. Prints the dictionary version (content hash) on stdout. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
    "Usage: parley compile [--dict] FILE... -o OUT.dict\n"
    "Compile dictionaries into one image; print its version hash.\n"
    "\n"
    "  --dict FILE          a source dictionary (repeatable; KIND:FILE forces the\n"
    "                       kind: verbs, verbs2, actors, agents, discards, issues)\n"
    "  -o, --output FILE    the image to write (required)\n"
    "  --strict             a malformed dictionary line is an error\n"
    "  -h, --help           print this help and exit\n"
    "\n"
    "Exit status: 0 ok, 2 usage error, 3 dictionary error, 4 write error.\n";

enum { O_DICT = 1, O_OUT, O_STRICT, O_HELP };

static const prl_cli_opt opts[] = {
    {"dict", 'd', 1, O_DICT}, {"output", 'o', 1, O_OUT},
    {"strict", 0, 0, O_STRICT}, {"help", 'h', 0, O_HELP},
};

int prl_cmd_compile(int argc, char **argv)
{
    prl_cli_parser p;
    prl_cli_dicts dicts;
    const char *out = NULL, *v;
    parley_dict *dict = NULL;
    int code = PRL_EXIT_OK;

    if (prl_cli_dicts_init(&dicts, argc) != 0)
        return PRL_EXIT_IO;
    prl_cli_parser_init(&p, argc, argv, "compile");
    for (int id; (id = prl_cli_next(&p, opts, sizeof opts / sizeof opts[0], &v)) != PRL_CLI_END;) {
        switch (id) {
        case PRL_CLI_OPERAND:
        case O_DICT: prl_cli_dicts_add(&dicts, v); break;
        case O_OUT: out = v; break;
        case O_STRICT: dicts.strict = 1; break;
        case O_HELP:
            fputs(usage_text, stdout);
            goto done;
        default: code = PRL_EXIT_USAGE; goto done;
        }
    }
    if (!out) {
        code = prl_cli_usage("compile", "-o OUT.dict is required");
        goto done;
    }
    if (dicts.n == 0) {
        code = prl_cli_usage("compile", "no dictionary given (--dict FILE)");
        goto done;
    }
    parley_options o = prl_cli_options(dicts.strict);
    code = prl_cli_load_dict(&dicts, &o, &dict);
    if (code != PRL_EXIT_OK)
        goto done;
    errno = 0;
    parley_status st = parley_dict_save(dict, out);
    if (st != PARLEY_OK) {
        prl_cli_error("%s: cannot write the image: %s", out,
                      st == PARLEY_EIO && errno ? strerror(errno) : parley_strerror(st));
        code = st == PARLEY_EIO ? PRL_EXIT_IO : PRL_EXIT_DICT;
        goto done;
    }
    printf("%s\n", parley_dict_version(dict));
done:
    parley_dict_free(dict);
    prl_cli_dicts_free(&dicts);
    return code;
}
