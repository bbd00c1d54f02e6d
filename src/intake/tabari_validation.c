/* tabari_validation.c: the validation fields of a TABARI validation
 * record (TABARI manual 0.8.4b2, section 10.1): the brackets in the
 * comment section after the text, one expected event or special code
 * each. What the fields mean for a record's verdict is the caller's
 * (cli/validate_tabari.c); this file only reads them. */
#include "intake/tabari_validation.h"

#include <stdio.h>
#include <string.h>

void prl_tv_init(prl_tv *tv, const prl_alloc *a)
{
    memset(tv, 0, sizeof *tv);
    tv->alloc = a ? a : &prl_default_alloc;
    prl_arena_init(&tv->arena, tv->alloc);
    prl_vec_init(&tv->fields, sizeof(prl_tv_field));
    prl_vec_init(&tv->errors, sizeof(prl_tv_error));
}

void prl_tv_free(prl_tv *tv)
{
    prl_arena_free(&tv->arena);
    prl_vec_free(tv->alloc, &tv->fields);
    prl_vec_free(tv->alloc, &tv->errors);
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* Line and column of offsets met in increasing order: the cursor moves
 * forward only, so a record costs one pass however many brackets it has. */
typedef struct cursor {
    const char *text;
    size_t off;
    unsigned line, col;
} cursor;

static void where(cursor *cu, size_t off, unsigned *line, unsigned *col)
{
    for (; cu->off < off; cu->off++) {
        if (cu->text[cu->off] == '\n') {
            cu->line++;
            cu->col = 1;
        } else {
            cu->col++;
        }
    }
    *line = cu->line;
    *col = cu->col;
}

/* An error at text + off; with a bracket (n > 0 bytes at text + off), the
 * message starts with it, blanks collapsed and cut at 32 bytes. */
static int add_error(prl_tv *tv, cursor *cu, size_t off, size_t n, const char *msg)
{
    prl_tv_error *e = prl_vec_push(tv->alloc, &tv->errors);
    if (!e)
        return -1;
    where(cu, off, &e->line, &e->col);
    char shown[40];
    size_t k = 0;
    for (size_t i = 0; i < n && k < 32; i++) {
        char c = cu->text[off + i];
        if (is_blank(c) && (k == 0 || shown[k - 1] == ' '))
            continue;
        shown[k++] = is_blank(c) ? ' ' : c;
    }
    shown[k] = '\0';
    if (n)
        snprintf(e->msg, sizeof e->msg, "%s%s: %s", shown, k == 32 ? "..." : "", msg);
    else
        snprintf(e->msg, sizeof e->msg, "%s", msg);
    return 0;
}

/* The bracket's content with TABARI's line-break marks and line ends made
 * blanks, in the arena. */
static char *clean_copy(prl_tv *tv, const char *s, size_t n)
{
    char *c = prl_arena_strndup(&tv->arena, s, n);
    if (!c)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (c[i] == '\\' && i + 1 < n && c[i + 1] == 'n' && (i == 0 || is_blank(c[i - 1]))) {
            c[i] = c[i + 1] = ' ';
            i++;
        } else if (is_blank(c[i])) {
            c[i] = ' ';
        }
    }
    return c;
}

/* Trim blanks in place; returns the start. */
static char *trim(char *s)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        s[--n] = '\0';
    return s;
}

/* "---" with blanks anywhere, and the like. */
static int special(const char *s, char c)
{
    int n = 0;
    for (; *s; s++) {
        if (*s == ' ')
            continue;
        if (*s != c)
            return 0;
        n++;
    }
    return n == 3;
}

/* "OPTION" (any case), blanks, ':' : returns what follows, or NULL. */
static char *option_text(char *s)
{
    static const char kw[] = "OPTION";
    for (size_t i = 0; i < sizeof kw - 1; i++)
        if ((s[i] & ~0x20) != kw[i])
            return NULL;
    s += sizeof kw - 1;
    while (*s == ' ')
        s++;
    return *s == ':' ? trim(s + 1) : NULL;
}

/* One bracket's content: a field, or the reason it is malformed. */
static const char *read_field(prl_tv_field *f, char *s)
{
    s = trim(s);
    if (!*s)
        return "empty validation field {}";
    if (special(s, '-')) {
        f->kind = PRL_TV_NONE;
        return NULL;
    }
    if (special(s, '#')) {
        f->kind = PRL_TV_DISCARD;
        return NULL;
    }
    if (special(s, '+')) {
        f->kind = PRL_TV_COMPLEX;
        return NULL;
    }
    char *opt = option_text(s);
    if (opt) {
        if (!*opt)
            return "{OPTION:} without a command";
        f->kind = PRL_TV_OPTION;
        f->option = opt;
        return NULL;
    }
    char *part[5];
    unsigned n = 0;
    for (char *p = s;;) {
        char *slash = strchr(p, '/');
        if (n == 4)
            return "more than four '/'-separated codes in a validation field";
        part[n++] = p;
        if (!slash)
            break;
        *slash = '\0';
        p = slash + 1;
    }
    if (n < 3)
        return "not a validation field (want { SOURCE / TARGET / EVENT }, {---}, "
               "{###}, {+++} or {OPTION: ...})";
    for (unsigned i = 0; i < n; i++) {
        part[i] = trim(part[i]);
        if (!*part[i])
            return "empty code in a validation field";
    }
    f->kind = PRL_TV_EVENT;
    f->source = part[0];
    f->target = part[1];
    f->code = part[2];
    f->attribution = n == 4 ? part[3] : NULL;
    return NULL;
}

parley_status prl_tv_parse(prl_tv *tv, const char *text, size_t len, unsigned first_line)
{
    prl_arena_reset(&tv->arena);
    tv->fields.len = 0;
    tv->errors.len = 0;
    tv->n_brackets = 0;
    cursor cu = {text, 0, first_line, 1};
    for (size_t i = 0; i < len; i++) {
        if (text[i] != '{')
            continue;
        tv->n_brackets++;
        size_t open = i, j = i + 1;
        while (j < len && text[j] != '}' && text[j] != '{')
            j++;
        if (j == len || text[j] == '{') {
            if (add_error(tv, &cu, open, 0,
                          j == len ? "validation field has no closing '}'"
                          : "'{' inside a validation field") != 0)
                return PARLEY_ENOMEM;
            i = j - 1;      /* an inner '{' starts the next field */
            continue;
        }
        i = j;
        prl_tv_field f;
        memset(&f, 0, sizeof f);
        where(&cu, open, &f.line, &f.col);
        const char *why = NULL;
        if (open > 0 && text[open - 1] == '-') {
            f.kind = PRL_TV_UNCHECKED;
        } else {
            char *c = clean_copy(tv, text + open + 1, j - open - 1);
            if (!c)
                return PARLEY_ENOMEM;
            why = read_field(&f, c);
        }
        if (why) {
            if (add_error(tv, &cu, open, j - open + 1, why) != 0)
                return PARLEY_ENOMEM;
            continue;
        }
        prl_tv_field *slot = prl_vec_push(tv->alloc, &tv->fields);
        if (!slot)
            return PARLEY_ENOMEM;
        *slot = f;
    }
    return tv->arena.failed ? PARLEY_ENOMEM : PARLEY_OK;
}
