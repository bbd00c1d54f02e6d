/* builder.c: the public parley_builder_* functions. A builder owns one
 * model; each file added is read into it by the reader for its kind, and
 * compiling hands the model to prl_compile (src/code/compile.c). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../code/compile.h"
#include "model.h"

/* Largest dictionary file read; the biggest real one is about 2 MB. */
#define PRL_MAX_DICT_BYTES (256u << 20)

struct parley_builder {
    prl_alloc alloc;
    prl_diag diag;
    prl_model model;        /* keeps a pointer into this struct: never moved */
};

parley_status parley_builder_new(const parley_options *opts, parley_builder **out)
{
    if (!out)
        return PARLEY_EINVAL;
    *out = NULL;
    prl_alloc a = prl_default_alloc;
    if (opts && opts->alloc) {
        a.fn = opts->alloc;
        a.ud = opts->alloc_ud;
    }
    parley_builder *b = prl_calloc(&a, sizeof *b);
    if (!b)
        return PARLEY_ENOMEM;
    b->alloc = a;
    if (opts) {
        b->diag.fn = opts->warn;
        b->diag.ud = opts->warn_ud;
    }
    prl_model_init(&b->model, &b->alloc, &b->diag);
    b->model.strict = opts ? opts->strict != 0 : 0;
    *out = b;
    return PARLEY_OK;
}

/* Read a whole file into a heap buffer. */
static parley_status slurp(parley_builder *b, const char *path, char **buf, size_t *n)
{
    *buf = NULL;
    *n = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        prl_diagf(&b->diag, path, 0, 0, "cannot open dictionary: %s", strerror(errno));
        return PARLEY_EIO;
    }
    size_t cap = 0, len = 0;
    char *data = NULL;
    parley_status st = PARLEY_OK;
    for (;;) {
        if (len == cap) {
            if (cap >= PRL_MAX_DICT_BYTES) {
                prl_diagf(&b->diag, path, 0, 0, "dictionary larger than %u MiB",
                          PRL_MAX_DICT_BYTES >> 20);
                st = PARLEY_ETOOBIG;
                break;
            }
            size_t ncap = cap ? cap * 2 : 65536;
            char *nd = prl_realloc(&b->alloc, data, ncap);
            if (!nd) {
                st = PARLEY_ENOMEM;
                break;
            }
            data = nd;
            cap = ncap;
        }
        size_t got = fread(data + len, 1, cap - len, f);
        len += got;
        if (got == 0) {
            if (ferror(f)) {
                prl_diagf(&b->diag, path, 0, 0, "cannot read dictionary: %s",
                          strerror(errno));
                st = PARLEY_EIO;
            }
            break;
        }
    }
    fclose(f);
    if (st != PARLEY_OK) {
        prl_free(&b->alloc, data);
        return st;
    }
    *buf = data;
    *n = len;
    return PARLEY_OK;
}

parley_status parley_builder_add_file(parley_builder *b, parley_dict_kind kind,
                                      const char *path)
{
    if (!b || !path)
        return PARLEY_EINVAL;
    char *buf;
    size_t n;
    parley_status st = slurp(b, path, &buf, &n);
    if (st != PARLEY_OK)
        return st;
    st = parley_builder_add_buffer(b, kind, path, buf ? buf : "", n);
    prl_free(&b->alloc, buf);
    return st;
}

parley_status parley_builder_add_buffer(parley_builder *b, parley_dict_kind kind,
                                        const char *name, const char *buf, size_t n)
{
    if (!b || (!buf && n))
        return PARLEY_EINVAL;
    if (!buf)
        buf = "";
    if (!name)
        name = "(buffer)";
    if (kind == PARLEY_DICT_AUTO) {
        kind = prl_dict_guess_kind(name, buf, n);
        if (kind == PARLEY_DICT_AUTO) {
            prl_diagf(&b->diag, name, 0, 0, "cannot tell which kind of dictionary "
                      "this is; name it *verbs*, *actors*, *agents*, *discards* or "
                      "*issues*, or give its kind");
            b->model.errors++;
            return PARLEY_EDICT;
        }
    }
    prl_model *m = &b->model;
    switch (kind) {
    case PARLEY_DICT_VERBS:
    case PARLEY_DICT_VERBS_P2:
    case PARLEY_DICT_ACTORS:
    case PARLEY_DICT_AGENTS:
    case PARLEY_DICT_DISCARDS:
    case PARLEY_DICT_ISSUES:
        break;
    default:
        return PARLEY_EINVAL;
    }
    /* The dictionary version is a hash chain over every file's bytes. */
    m->hash = prl_hash64(buf, n, m->hash);
    switch (kind) {
    case PARLEY_DICT_VERBS: return prl_read_verbs_p1(m, name, buf, n);
    case PARLEY_DICT_VERBS_P2: return prl_read_verbs_p2(m, name, buf, n);
    case PARLEY_DICT_ACTORS: return prl_read_actors(m, name, buf, n);
    case PARLEY_DICT_AGENTS: return prl_read_agents(m, name, buf, n);
    case PARLEY_DICT_DISCARDS: return prl_read_discards(m, name, buf, n);
    case PARLEY_DICT_ISSUES: return prl_read_issues(m, name, buf, n);
    default: return PARLEY_EINVAL;
    }
}

parley_status parley_builder_compile(parley_builder *b, parley_dict **out)
{
    if (!b || !out)
        return PARLEY_EINVAL;
    *out = NULL;
    return prl_compile(&b->model, &b->alloc, out);
}

unsigned parley_builder_errors(const parley_builder *b)
{
    return b ? b->model.errors : 0;
}

void parley_builder_free(parley_builder *b)
{
    if (!b)
        return;
    prl_alloc a = b->alloc;
    prl_model_free(&b->model);
    prl_free(&a, b);
}
