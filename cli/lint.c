/* lint.c: `parley lint`, the dictionary linter.
 *
 *   parley lint [--dict [KIND:]FILE]...
 *
 * Reads each file into one dictionary model with the library's readers
 * (malformed lines are reported as the readers find them), then checks
 * what a reader accepts but a coder cannot use well:
 *   - duplicate entries: the same actor name, agent, discard, verb form or
 *     pattern twice, with the same or a conflicting code; both places are
 *     named;
 *   - unknown codes: event codes that are not CAMEO codes, actor and agent
 *     codes whose three-letter parts are not CAMEO country, role, region,
 *     religion or organization codes;
 *   - patterns that can never match: no words, no verb marker, a synset
 *     that is never defined, two sources or targets, '^' not followed by
 *     an actor marker;
 *   - verb blocks without any verb form.
 * Each finding is one line on stderr, "parley: FILE:LINE: message". Exit
 * status 0 when clean, 1 with findings, 2 for a usage error.
 *
 * With no --dict the default dictionaries are linted: the files listed in
 * default_files below, found in $PARLEY_DATA or else ./data.
 *
 * The linter uses the dictionary model (src/dict/model.h), not the public
 * API, because it must see entries with their file and line before they
 * are compiled. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dict/model.h"
#include "enrich/actorcode.h"

#include "lint_countries.h"

/* Codes the CAMEO tables behind the GDELT columns (src/enrich/actorcode.c)
 * do not hold: the party role PTY (manual section 3.1.4), the
 * organizations of the manual's chapter 7 table, and the codes parley's own
 * dictionaries add (marked "parley code" in data/groups.txt; see
 * docs/default-dictionaries.md). */
static const char *const lint_extra_codes[] = {
    "PTY",
    /* manual chapter 7 */
    "ADF", "ASF", "JMA", "LRA", "PKK", "IRA", "SPL", "UNI", "WEU", "GZS",
    "WSB", "KMR",
    /* parley codes */
    "AFU", "BKH", "ELN", "FRC", "HTH", "ISI", "M23", "RSF", "SHB", "WAG",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int in_table(const char *const *t, size_t n, const char *s3)
{
    for (size_t i = 0; i < n; i++)
        if (memcmp(t[i], s3, 3) == 0)
            return 1;
    return 0;
}

static int known_part(const char *s3)
{
    char code[4] = { s3[0], s3[1], s3[2], 0 };
    for (int t = 0; t < PRL_ACTOR_TABLES; t++)
        if (prl_actor_lookup(t, code))
            return 1;
    return in_table(lint_country_codes, COUNT(lint_country_codes), s3) ||
           in_table(lint_extra_codes, COUNT(lint_extra_codes), s3);
}

/* ------------------------------------------------------------------ */
/* Findings                                                             */

typedef struct linter {
    prl_model m;
    prl_diag diag;
    unsigned findings;
} linter;

static void finding(linter *L, const prl_origin *at, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void finding(linter *L, const prl_origin *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "parley: %s:%u: ", at->file ? at->file : "?", at->line);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    L->findings++;
}

/* Reader diagnostics count as findings too. */
static void reader_warn(void *ud, const char *file, unsigned line, unsigned column,
                        const char *message)
{
    linter *L = ud;
    prl_cli_warn(NULL, file, line, column, message);
    if (strncmp(message, "warning:", 8) != 0)
        L->findings++;
}

/* Space-joined words of a phrase into buf (truncated at cap). */
static const char *phrase_str(const prl_phrase *ph, const prl_model *m, char *buf,
                              size_t cap)
{
    static const char *const tok[] = { "", "&", "*", "$", "+", "%", "^", "{", "}",
                                       "(", ")" };
    size_t len = 0;
    buf[0] = 0;
    for (uint32_t i = 0; i < ph->n; i++) {
        const prl_dword *w = &ph->w[i];
        const char *s;
        char syn[96];
        if (w->kind == PRL_W_WORD) {
            s = w->text ? w->text : "";
        } else if (w->kind == PRL_W_SYNSET) {
            const prl_synset *ss = &PRL_VEC_AT(&m->synsets, prl_synset, w->synset);
            snprintf(syn, sizeof syn, "&%s", ss->name);
            s = syn;
        } else {
            s = w->kind < COUNT(tok) ? tok[w->kind] : "?";
        }
        int k = snprintf(buf + len, cap - len, "%s%s%s", i ? " " : "", s,
                         w->stem ? "~" : "");
        if (k < 0 || (size_t)k >= cap - len)
            break;
        len += (size_t)k;
    }
    return buf;
}

/* ------------------------------------------------------------------ */
/* Duplicates                                                           */

/* One named entry: its matching text, what it codes to, where. */
typedef struct entry {
    const char *key;        /* heap copy */
    const char *code;       /* heap copy; "" when none */
    prl_origin at;
    size_t order;           /* input order, for stable reports */
} entry;

static int entry_cmp(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x->order < y->order ? -1 : x->order > y->order;
}

typedef struct entries {
    entry *e;
    size_t n, cap;
    int failed;
} entries;

static void entries_add(entries *es, const char *key, const char *code,
                        const prl_origin *at)
{
    if (es->failed)
        return;
    if (es->n == es->cap) {
        size_t nc = es->cap ? es->cap * 2 : 256;
        entry *ne = realloc(es->e, nc * sizeof *ne);
        if (!ne) {
            es->failed = 1;
            return;
        }
        es->e = ne;
        es->cap = nc;
    }
    entry *x = &es->e[es->n];
    x->key = strdup(key);
    x->code = strdup(code ? code : "");
    if (!x->key || !x->code) {
        free((void *)x->key);
        free((void *)x->code);
        es->failed = 1;
        return;
    }
    x->at = *at;
    x->order = es->n++;
}

static void entries_free(entries *es)
{
    for (size_t i = 0; i < es->n; i++) {
        free((void *)es->e[i].key);
        free((void *)es->e[i].code);
    }
    free(es->e);
}

/* Report every entry whose key was seen before, naming the first one. */
static void report_dups(linter *L, entries *es, const char *what)
{
    if (es->failed) {
        fprintf(stderr, "parley: lint: out of memory\n");
        L->findings++;
        return;
    }
    if (es->n < 2)
        return;
    qsort(es->e, es->n, sizeof *es->e, entry_cmp);
    for (size_t i = 1; i < es->n; i++) {
        size_t first = i - 1;
        while (first > 0 && strcmp(es->e[first - 1].key, es->e[i].key) == 0)
            first--;
        const entry *a = &es->e[first], *b = &es->e[i];
        if (strcmp(a->key, b->key) != 0)
            continue;
        if (strcmp(a->code, b->code) == 0)
            finding(L, &b->at, "duplicate %s \"%s\" [%s], also at %s:%u", what,
                    b->key, b->code, a->at.file, a->at.line);
        else
            finding(L, &b->at, "%s \"%s\" coded [%s] here but [%s] at %s:%u", what,
                    b->key, b->code, a->code, a->at.file, a->at.line);
    }
}

static void vcode_str(const prl_vcode *c, char *buf, size_t cap)
{
    if (c->code2)
        snprintf(buf, cap, "%s:%s", c->code, c->code2);
    else if (c->passive_code)
        snprintf(buf, cap, "%s:%s", c->code, c->passive_code);
    else
        snprintf(buf, cap, "%s", c->code ? c->code : "");
}

static void check_duplicates(linter *L)
{
    prl_model *m = &L->m;
    char buf[512], code[128];

    entries es = { 0 };
    for (size_t i = 0; i < m->actors.len; i++) {
        const prl_actor *a = &PRL_VEC_AT(&m->actors, prl_actor, i);
        size_t len = 0;
        code[0] = 0;
        for (uint32_t k = 0; k < a->n_codes && len < sizeof code; k++) {
            const prl_dated_code *dc = &a->codes[k];
            int w = snprintf(code + len, sizeof code - len, "%s%s", k ? " " : "",
                             dc->code ? dc->code : "");
            if (w > 0)
                len += (size_t)w;
            if (dc->from || dc->to) {
                w = snprintf(code + len, sizeof code - len, " %d-%d", (int)dc->from,
                             (int)dc->to);
                if (w > 0)
                    len += (size_t)w;
            }
        }
        for (uint32_t k = 0; k < a->n_names; k++)
            entries_add(&es, phrase_str(&a->names[k], m, buf, sizeof buf), code, &a->at);
    }
    report_dups(L, &es, "actor");
    entries_free(&es);

    memset(&es, 0, sizeof es);
    for (size_t i = 0; i < m->agents.len; i++) {
        const prl_agent *a = &PRL_VEC_AT(&m->agents, prl_agent, i);
        snprintf(code, sizeof code, a->pos == PRL_AGENT_PREFIX ? "%s~" : "~%s",
                 a->code ? a->code : "");
        for (uint32_t k = 0; k < a->n_names; k++)
            entries_add(&es, phrase_str(&a->names[k], m, buf, sizeof buf), code, &a->at);
    }
    report_dups(L, &es, "agent");
    entries_free(&es);

    memset(&es, 0, sizeof es);
    for (size_t i = 0; i < m->discards.len; i++) {
        const prl_discard *d = &PRL_VEC_AT(&m->discards, prl_discard, i);
        entries_add(&es, phrase_str(&d->phrase, m, buf, sizeof buf),
                    d->story ? "story" : "sentence", &d->at);
    }
    report_dups(L, &es, "discard");
    entries_free(&es);

    /* Verb forms as written (generated inflections are left out: a
     * regular form of one verb may well be listed as a noun elsewhere). */
    memset(&es, 0, sizeof es);
    for (size_t i = 0; i < m->verbs.len; i++) {
        const prl_verb_block *b = &PRL_VEC_AT(&m->verbs, prl_verb_block, i);
        for (uint32_t k = 0; k < b->n_forms; k++) {
            const prl_verb_form *f = &b->forms[k];
            if (f->generated)
                continue;
            vcode_str(&f->code, code, sizeof code);
            entries_add(&es, phrase_str(&f->words, m, buf, sizeof buf), code, &f->at);
        }
    }
    report_dups(L, &es, "verb");
    entries_free(&es);

    /* Patterns repeat only within a block: the same words under another
     * verb are a different pattern. */
    for (size_t i = 0; i < m->verbs.len; i++) {
        const prl_verb_block *b = &PRL_VEC_AT(&m->verbs, prl_verb_block, i);
        memset(&es, 0, sizeof es);
        for (uint32_t k = 0; k < b->n_patterns; k++) {
            const prl_pattern *p = &b->patterns[k];
            vcode_str(&p->code, code, sizeof code);
            entries_add(&es, phrase_str(&p->words, m, buf, sizeof buf), code, &p->at);
        }
        report_dups(L, &es, "pattern");
        entries_free(&es);
    }
}

/* ------------------------------------------------------------------ */
/* Codes                                                                */

static int special_code(const char *c)
{
    return strcmp(c, "---") == 0 || strcmp(c, "###") == 0;
}

static void check_event_code(linter *L, const char *c, const prl_origin *at)
{
    if (!c || special_code(c))
        return;
    /* A TABARI priority mark ("111!") is not part of the code. */
    char buf[16];
    size_t n = strlen(c);
    if (n > 0 && n < sizeof buf && c[n - 1] == '!') {
        memcpy(buf, c, n - 1);
        buf[n - 1] = 0;
        c = buf;
    }
    if (!parley_cameo_lookup(c))
        finding(L, at, "unknown CAMEO event code [%s]", c);
}

static void check_vcode(linter *L, const prl_vcode *vc, const prl_origin *at)
{
    check_event_code(L, vc->code, at);
    check_event_code(L, vc->code2, at);
    check_event_code(L, vc->passive_code, at);
}

/* An actor or agent code: three-letter parts, each one known. Returns the
 * first unknown part, or NULL. */
static const char *bad_actor_part(const char *c, char part[4])
{
    size_t n = strlen(c);
    if (n == 0 || n % 3 != 0) {
        snprintf(part, 4, "%s", c);
        return part;
    }
    for (size_t i = 0; i < n; i += 3) {
        memcpy(part, c + i, 3);
        part[3] = 0;
        if (!known_part(part))
            return part;
    }
    return NULL;
}

static void check_actor_code(linter *L, const char *c, const prl_origin *at,
                             const char *what)
{
    if (!c || special_code(c))
        return;
    char part[4];
    size_t n = strlen(c);
    if (n == 0 || n % 3 != 0) {
        finding(L, at, "%s code [%s] is not made of three-letter parts", what, c);
        return;
    }
    if (bad_actor_part(c, part))
        finding(L, at, "unknown %s code [%s]: '%s' is not a CAMEO country, role, "
                "region or organization code", what, c, part);
}

static void check_codes(linter *L)
{
    prl_model *m = &L->m;
    for (size_t i = 0; i < m->actors.len; i++) {
        const prl_actor *a = &PRL_VEC_AT(&m->actors, prl_actor, i);
        for (uint32_t k = 0; k < a->n_codes; k++)
            check_actor_code(L, a->codes[k].code, &a->at, "actor");
    }
    for (size_t i = 0; i < m->agents.len; i++) {
        const prl_agent *a = &PRL_VEC_AT(&m->agents, prl_agent, i);
        check_actor_code(L, a->code, &a->at, "agent");
    }
    for (size_t i = 0; i < m->verbs.len; i++) {
        const prl_verb_block *b = &PRL_VEC_AT(&m->verbs, prl_verb_block, i);
        check_vcode(L, &b->code, &b->at);
        for (uint32_t k = 0; k < b->n_forms; k++) {
            const prl_verb_form *f = &b->forms[k];
            /* forms without an own code carry the block's: checked above */
            if (!f->generated && f->code.code != b->code.code)
                check_vcode(L, &f->code, &f->at);
        }
        for (uint32_t k = 0; k < b->n_patterns; k++)
            check_vcode(L, &b->patterns[k].code, &b->patterns[k].at);
    }
}

/* ------------------------------------------------------------------ */
/* Patterns and verbs                                                   */

static void check_pattern(linter *L, const prl_pattern *p, int p2)
{
    const prl_model *m = &L->m;
    const prl_phrase *ph = &p->words;
    if (ph->n == 0) {
        finding(L, &p->at, "empty pattern");
        return;
    }
    unsigned verbs = 0, src = 0, tgt = 0, comp = 0;
    for (uint32_t i = 0; i < ph->n; i++) {
        const prl_dword *w = &ph->w[i];
        switch (w->kind) {
        case PRL_W_VERB: verbs++; break;
        case PRL_W_SOURCE: src++; break;
        case PRL_W_TARGET: tgt++; break;
        case PRL_W_COMPOUND: comp++; break;
        case PRL_W_SYNSET: {
            const prl_synset *ss = &PRL_VEC_AT(&m->synsets, prl_synset, w->synset);
            if (ss->n_phrases == 0)
                finding(L, &p->at, "pattern uses synset &%s, which is never defined",
                        ss->name);
            break;
        }
        case PRL_W_SKIP: {
            uint32_t j = i + 1;
            while (j < ph->n && ph->w[j].kind == PRL_W_SKIP)
                j++;
            int ok = 0;
            for (; j < ph->n && !ok; j++)
                ok = ph->w[j].kind == PRL_W_SOURCE || ph->w[j].kind == PRL_W_TARGET;
            if (!ok)
                finding(L, &p->at, "'^' skips an actor but no '$' or '+' follows it");
            break;
        }
        default:
            break;
        }
    }
    if (!p2 && verbs != 1)
        finding(L, &p->at, "pattern has %u verb markers '*' (needs exactly one)", verbs);
    if (src > 1 || tgt > 1)
        finding(L, &p->at, "pattern names the %s twice", src > 1 ? "source '$'" : "target '+'");
    if (comp && (src || tgt))
        finding(L, &p->at, "pattern has a compound '%%' and a %s", src ? "source '$'" : "target '+'");
}

static int block_is_p2(const prl_verb_block *b)
{
    for (uint32_t k = 0; k < b->n_patterns; k++)
        for (uint32_t i = 0; i < b->patterns[k].words.n; i++)
            if (b->patterns[k].words.w[i].kind >= PRL_W_NP_OPEN)
                return 1;
    return 0;
}

static void check_verbs(linter *L)
{
    prl_model *m = &L->m;
    for (size_t i = 0; i < m->verbs.len; i++) {
        const prl_verb_block *b = &PRL_VEC_AT(&m->verbs, prl_verb_block, i);
        if (b->n_forms == 0)
            finding(L, &b->at, "verb block %s has no verb forms", b->name ? b->name : "?");
        int p2 = block_is_p2(b);
        for (uint32_t k = 0; k < b->n_patterns; k++)
            check_pattern(L, &b->patterns[k], p2);
    }
}

/* ------------------------------------------------------------------ */
/* Loading                                                              */

static const struct {
    const char *name;
    parley_dict_kind kind;
} default_files[] = {
    { "countries.txt", PARLEY_DICT_ACTORS },
    { "regions.txt", PARLEY_DICT_ACTORS },
    { "groups.txt", PARLEY_DICT_ACTORS },
    { "people.txt", PARLEY_DICT_ACTORS },
    { "agents.txt", PARLEY_DICT_AGENTS },
    { "verbs.txt", PARLEY_DICT_VERBS },
    { "discards.txt", PARLEY_DICT_DISCARDS },
};

static const struct {
    const char *name;
    parley_dict_kind kind;
} kind_names[] = {
    { "verbs", PARLEY_DICT_VERBS }, { "verbs2", PARLEY_DICT_VERBS_P2 },
    { "actors", PARLEY_DICT_ACTORS }, { "agents", PARLEY_DICT_AGENTS },
    { "discards", PARLEY_DICT_DISCARDS }, { "issues", PARLEY_DICT_ISSUES },
};

/* Read a whole file; NULL (reported) on failure. */
static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
        if (len == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *n = len;
    return buf;
}

static void load(linter *L, const char *path, parley_dict_kind kind)
{
    size_t n;
    char *buf = slurp(path, &n);
    if (!buf) {
        fprintf(stderr, "parley: %s: cannot read dictionary\n", path);
        L->findings++;
        return;
    }
    if (kind == PARLEY_DICT_AUTO)
        kind = prl_dict_guess_kind(path, buf, n);
    parley_status st;
    switch (kind) {
    case PARLEY_DICT_VERBS: st = prl_read_verbs_p1(&L->m, path, buf, n); break;
    case PARLEY_DICT_VERBS_P2: st = prl_read_verbs_p2(&L->m, path, buf, n); break;
    case PARLEY_DICT_ACTORS: st = prl_read_actors(&L->m, path, buf, n); break;
    case PARLEY_DICT_AGENTS: st = prl_read_agents(&L->m, path, buf, n); break;
    case PARLEY_DICT_DISCARDS: st = prl_read_discards(&L->m, path, buf, n); break;
    case PARLEY_DICT_ISSUES: st = prl_read_issues(&L->m, path, buf, n); break;
    default:
        fprintf(stderr, "parley: %s: cannot tell which kind of dictionary this is; "
                "give it as KIND:FILE\n", path);
        L->findings++;
        free(buf);
        return;
    }
    if (st == PARLEY_ENOMEM) {
        fprintf(stderr, "parley: %s: out of memory\n", path);
        L->findings++;
    }
    free(buf);
}

/* "KIND:PATH" or "PATH". */
static void load_spec(linter *L, const char *spec)
{
    const char *colon = strchr(spec, ':');
    if (colon) {
        for (size_t i = 0; i < COUNT(kind_names); i++) {
            size_t k = strlen(kind_names[i].name);
            if ((size_t)(colon - spec) == k && memcmp(spec, kind_names[i].name, k) == 0) {
                load(L, colon + 1, kind_names[i].kind);
                return;
            }
        }
    }
    load(L, spec, PARLEY_DICT_AUTO);
}

static const char lint_usage[] =
    "Usage: parley lint [--dict [KIND:]FILE]...\n"
    "Check dictionary files: malformed lines, duplicate entries, unknown\n"
    "CAMEO codes, patterns that can never match, verbs without forms.\n"
    "Without --dict, lint the default dictionaries in $PARLEY_DATA (else ./data).\n"
    "KIND is one of verbs, verbs2, actors, agents, discards, issues.\n"
    "Findings go to stderr as 'parley: FILE:LINE: message'.\n"
    "Exit status: 0 clean, 1 findings, 2 usage error.\n";

int prl_cmd_lint(int argc, char **argv)
{
    static const prl_cli_opt opts[] = {
        { "dict", 'd', 1, 1 },
        { "help", 'h', 0, 2 },
    };
    prl_cli_parser p;
    prl_cli_parser_init(&p, argc, argv, "lint");
    const char **specs = calloc((size_t)argc + 1, sizeof *specs);
    if (!specs) {
        prl_cli_error("lint: out of memory");
        return PRL_EXIT_DICT;
    }
    size_t nspecs = 0;
    for (;;) {
        const char *val = NULL;
        int id = prl_cli_next(&p, opts, COUNT(opts), &val);
        if (id == PRL_CLI_END)
            break;
        if (id == PRL_CLI_BAD) {
            free(specs);
            return PRL_EXIT_USAGE;
        }
        if (id == 2) {
            fputs(lint_usage, stdout);
            free(specs);
            return PRL_EXIT_OK;
        }
        if (id == PRL_CLI_OPERAND) {
            free(specs);
            return prl_cli_usage("lint", "unexpected operand '%s' (use --dict FILE)", val);
        }
        specs[nspecs++] = val;
    }

    linter *L = calloc(1, sizeof *L);
    if (!L) {
        free(specs);
        prl_cli_error("lint: out of memory");
        return PRL_EXIT_DICT;
    }
    L->diag.fn = reader_warn;
    L->diag.ud = L;
    prl_model_init(&L->m, NULL, &L->diag);

    if (nspecs) {
        for (size_t i = 0; i < nspecs; i++)
            load_spec(L, specs[i]);
    } else {
        const char *dir = getenv("PARLEY_DATA");
        if (!dir || !*dir)
            dir = "data";
        for (size_t i = 0; i < COUNT(default_files); i++) {
            size_t need = strlen(dir) + strlen(default_files[i].name) + 2;
            char *path = malloc(need);
            if (!path) {
                L->findings++;
                break;
            }
            snprintf(path, need, "%s/%s", dir, default_files[i].name);
            load(L, path, default_files[i].kind);
            free(path);
        }
    }
    /* Origins point into the model's arena: check before freeing it. */
    check_duplicates(L);
    check_codes(L);
    check_verbs(L);

    unsigned findings = L->findings;
    prl_model_free(&L->m);
    free(L);
    free(specs);
    return findings ? 1 : PRL_EXIT_OK;
}
