/* common.c: the helpers declared in cli.h: diagnostics, option parsing and
 * dictionary loading shared by `parley code`, `compile` and `explain`. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "code/image.h"      /* PRL_IMG_MAGIC only */
#include "intake/intake.h"

void prl_cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("parley: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int prl_cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "parley: %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'parley %s --help'.\n", cmd);
    return PRL_EXIT_USAGE;
}

void prl_cli_warn(void *ud, const char *file, unsigned line, unsigned column,
                  const char *message)
{
    (void)ud;
    if (!file)
        fprintf(stderr, "parley: %s\n", message);
    else if (!line)
        fprintf(stderr, "parley: %s: %s\n", file, message);
    else if (!column)
        fprintf(stderr, "parley: %s:%u: %s\n", file, line, message);
    else
        fprintf(stderr, "parley: %s:%u:%u: %s\n", file, line, column, message);
}

parley_options prl_cli_options(int strict)
{
    parley_options o;
    memset(&o, 0, sizeof o);
    o.warn = prl_cli_warn;
    o.strict = strict;
    return o;
}

int prl_cli_date(const char *s, char out[9])
{
    return prl_intake_date(s, strlen(s), out);
}

void prl_cli_parser_init(prl_cli_parser *p, int argc, char **argv,
                         const char *cmd)
{
    p->argc = argc;
    p->argv = argv;
    p->i = 1;
    p->operands_only = 0;
    p->cmd = cmd;
}

int prl_cli_next(prl_cli_parser *p, const prl_cli_opt *opts, size_t nopts,
                 const char **value)
{
    *value = NULL;
    if (p->i >= p->argc)
        return PRL_CLI_END;
    const char *a = p->argv[p->i++];
    if (p->operands_only || a[0] != '-' || a[1] == '\0') {
        *value = a;
        return PRL_CLI_OPERAND;
    }
    if (strcmp(a, "--") == 0) {
        p->operands_only = 1;
        return prl_cli_next(p, opts, nopts, value);
    }
    const char *name = a + 1, *eq = NULL;
    size_t len;
    int is_long = a[1] == '-';
    if (is_long) {
        name = a + 2;
        eq = strchr(name, '=');
        len = eq ? (size_t)(eq - name) : strlen(name);
    } else {
        len = 1;
    }
    for (size_t k = 0; k < nopts; k++) {
        const prl_cli_opt *o = &opts[k];
        int hit = is_long ? (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
                          : (o->short_name && o->short_name == name[0]);
        if (!hit)
            continue;
        if (!o->has_value) {
            if (eq || (!is_long && name[1]))
                break;      /* a value given to a flag: fall to the error */
            return o->id;
        }
        if (eq) {
            *value = eq + 1;
        } else if (!is_long && name[1]) {
            *value = name + 1;                  /* -oFILE */
        } else if (p->i < p->argc) {
            *value = p->argv[p->i++];
        } else {
            prl_cli_usage(p->cmd, "option '%s' needs a value", a);
            return PRL_CLI_BAD;
        }
        return o->id;
    }
    prl_cli_usage(p->cmd, "unknown option '%s'", a);
    return PRL_CLI_BAD;
}

int prl_cli_dicts_init(prl_cli_dicts *d, int argc)
{
    d->n = 0;
    d->strict = 0;
    d->specs = malloc(sizeof *d->specs * (size_t)(argc > 0 ? argc : 1));
    if (!d->specs) {
        prl_cli_error("%s", parley_strerror(PARLEY_ENOMEM));
        return -1;
    }
    return 0;
}

void prl_cli_dicts_add(prl_cli_dicts *d, const char *spec)
{
    d->specs[d->n++] = spec;
}

void prl_cli_dicts_free(prl_cli_dicts *d)
{
    free(d->specs);
    d->specs = NULL;
    d->n = 0;
}

/* Split "KIND:PATH"; only the known kinds count as prefixes, so a path
 * with a colon in it still works. */
static const char *split_kind(const char *spec, parley_dict_kind *kind)
{
    static const struct { const char *name; parley_dict_kind kind; } kinds[] = {
        {"verbs", PARLEY_DICT_VERBS},       {"verbs2", PARLEY_DICT_VERBS_P2},
        {"actors", PARLEY_DICT_ACTORS},     {"agents", PARLEY_DICT_AGENTS},
        {"discards", PARLEY_DICT_DISCARDS}, {"issues", PARLEY_DICT_ISSUES},
    };
    const char *colon = strchr(spec, ':');
    *kind = PARLEY_DICT_AUTO;
    if (!colon)
        return spec;
    size_t len = (size_t)(colon - spec);
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (strlen(kinds[i].name) == len && strncmp(spec, kinds[i].name, len) == 0) {
            *kind = kinds[i].kind;
            return colon + 1;
        }
    }
    return spec;
}

/* 1 if path looks like a compiled image rather than a source dictionary:
 * it starts with the image magic, or (an image of another layout, or a
 * damaged one) it is binary: a NUL byte in the first 4 KiB. Source
 * dictionaries are text. */
static int binary_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    size_t m = sizeof PRL_IMG_MAGIC - 1;
    return (n >= m && memcmp(buf, PRL_IMG_MAGIC, m) == 0) ||
           memchr(buf, '\0', n) != NULL;
}

static int load_image(const char *path, const parley_options *opts,
                      parley_dict **out)
{
    errno = 0;
    parley_status st = parley_dict_load(path, opts, out);
    if (st == PARLEY_OK)
        return PRL_EXIT_OK;
    if (st == PARLEY_EIO)
        prl_cli_error("%s: cannot read dictionary: %s", path,
                      errno ? strerror(errno) : parley_strerror(st));
    else if (st == PARLEY_EFORMAT)
        prl_cli_error("%s: not a dictionary image of this parley version (%s); "
                      "recompile it with 'parley compile'", path, parley_strerror(st));
    else
        prl_cli_error("%s: cannot load dictionary image: %s", path, parley_strerror(st));
    return PRL_EXIT_DICT;
}

/* The default image, as documented in parley(1). */
static int load_default(const parley_options *opts, parley_dict **out)
{
    const char *env = getenv("PARLEY_DICT");
    if (env && *env)
        return load_image(env, opts, out);
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 32);
    if (n > 0) {
        self[n] = '\0';
        char *slash = strrchr(self, '/');
        if (slash) {
            /* build/parley beside build/default.dict, or an installed
             * PREFIX/bin/parley with PREFIX/share/parley/default.dict. */
            strcpy(slash + 1, "default.dict");
            if (access(self, R_OK) == 0)
                return load_image(self, opts, out);
            strcpy(slash + 1, "../share/parley/default.dict");
            if (access(self, R_OK) == 0)
                return load_image(self, opts, out);
        }
    }
    const char *installed = "/usr/local/share/parley/default.dict";
    if (access(installed, R_OK) == 0)
        return load_image(installed, opts, out);
    prl_cli_error("no dictionary: give --dict FILE, or set PARLEY_DICT to a compiled "
                  "image (also looked for default.dict next to the parley binary "
                  "and %s)", installed);
    return PRL_EXIT_DICT;
}

/* A parley_warn_fn that only counts. Warnings (text after a code) are
 * not malformed lines and are not counted. */
static void count_warning(void *ud, const char *file, unsigned line, unsigned column,
                          const char *message)
{
    (void)file, (void)line, (void)column;
    if (strncmp(message, "warning:", 8) != 0)
        ++*(unsigned *)ud;
}

int prl_cli_load_dict(const prl_cli_dicts *d, const parley_options *opts,
                      parley_dict **out)
{
    *out = NULL;
    if (d->n == 0)
        return load_default(opts, out);

    parley_dict_kind kind;
    if (d->n == 1 && split_kind(d->specs[0], &kind) == d->specs[0]) {
        /* One plain file: an image if it loads as one. */
        const char *path = d->specs[0];
        parley_status st = parley_dict_load(path, opts, out);
        if (st == PARLEY_OK)
            return PRL_EXIT_OK;
        if (st != PARLEY_EFORMAT || binary_file(path))
            return load_image(path, opts, out);
        /* A text file: a source dictionary, read below. */
    }

    /* The filter keeps stderr for its records: malformed dictionary lines
     * become one count there; `parley compile` and `lint` list each. */
    parley_options counted = *opts;
    unsigned skipped = 0;
    if (d->summary && !d->strict) {
        counted.warn = count_warning;
        counted.warn_ud = &skipped;
    }
    parley_builder *b = NULL;
    parley_status st = parley_builder_new(&counted, &b);
    if (st != PARLEY_OK) {
        prl_cli_error("%s", parley_strerror(st));
        return PRL_EXIT_DICT;
    }
    for (size_t i = 0; i < d->n; i++) {
        const char *path = split_kind(d->specs[i], &kind);
        if (kind == PARLEY_DICT_AUTO && binary_file(path)) {
            prl_cli_error("%s: a compiled image cannot be combined with other "
                          "dictionaries; give it alone, or give the source files", path);
            parley_builder_free(b);
            return PRL_EXIT_DICT;
        }
        errno = 0;
        st = parley_builder_add_file(b, kind, path);
        if (st == PARLEY_EIO) {
            prl_cli_error("%s: cannot read dictionary: %s", path,
                          errno ? strerror(errno) : parley_strerror(st));
        } else if (st == PARLEY_EDICT) {
            prl_cli_error("%s: malformed dictionary (--strict)", path);
        } else if (st == PARLEY_EINVAL && kind == PARLEY_DICT_AUTO) {
            prl_cli_error("%s: cannot tell what kind of dictionary this is; give it as "
                          "KIND:%s (KIND: verbs, verbs2, actors, agents, discards, "
                          "issues)", path, path);
        } else if (st != PARLEY_OK) {
            prl_cli_error("%s: %s", path, parley_strerror(st));
        }
        if (st != PARLEY_OK) {
            parley_builder_free(b);
            return PRL_EXIT_DICT;
        }
    }
    st = parley_builder_compile(b, out);
    parley_builder_free(b);
    if (skipped)
        prl_cli_error("%u dictionary line%s malformed and skipped; 'parley compile' "
                      "lists %s and writes an image that loads without reading them again",
                      skipped, skipped == 1 ? " was" : "s were", skipped == 1 ? "it" : "them");
    if (st != PARLEY_OK) {
        prl_cli_error("cannot compile the dictionaries: %s", parley_strerror(st));
        *out = NULL;
        return PRL_EXIT_DICT;
    }
    return PRL_EXIT_OK;
}
