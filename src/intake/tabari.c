/* tabari.c: the TABARI text-file reader (TABARI manual, section 4.3).
 * A record is a header line "DATE IDINFO" whose first character is a
 * digit (DATE is YYMMDD, 00-30 meaning 2000-2030, or YYYYMMDD), then the
 * text lines, then a blank line (or the end of the file). A block whose
 * first line does not start with a digit is a comment block and is
 * skipped, as TABARI does. The text lines are joined with single spaces
 * (TABARI re-wraps them anyway).
 *
 * Text between the delimiters slash-star and star-slash is a comment
 * (TABARI manual 7.3: it "will not be coded"); it may span lines of the
 * record but not its end, so an unclosed one makes the record an error.
 * The comments are kept, one line per text line, for the TABARI
 * validation reader, whose expectations live there (manual 10.1). A
 * literal backslash-n at the start of a line or after a blank is TABARI's
 * forced line break: it is display markup and is dropped. */
#include "intake/intake.h"

#include <string.h>

typedef struct tabari_state {
    char *text;             /* the record's joined text lines */
    size_t len, cap;
    char *id;               /* the header's idinfo */
    size_t id_cap;
    char date[9];
    char *comment;          /* the record's comments: one '\n' per text
                               line, so line k is text line k */
    size_t comment_len, comment_cap;
    unsigned text_line;     /* file line of the first text line */
} tabari_state;

static parley_status tabari_open(prl_intake *in)
{
    in->state = prl_calloc(in->alloc, sizeof(tabari_state));
    return in->state ? PARLEY_OK : PARLEY_ENOMEM;
}

static void tabari_close(prl_intake *in)
{
    tabari_state *st = in->state;
    if (!st)
        return;
    prl_free(in->alloc, st->text);
    prl_free(in->alloc, st->id);
    prl_free(in->alloc, st->comment);
    prl_free(in->alloc, st);
    in->state = NULL;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_space(s[i]))
            return 0;
    return 1;
}

/* Make room for n more bytes plus a NUL in buf. */
static int reserve(const prl_alloc *a, char **buf, size_t *cap, size_t need)
{
    need++;
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 256;
    while (c < need)
        c *= 2;
    char *p = prl_realloc(a, *buf, c);
    if (!p)
        return -1;
    *buf = p;
    *cap = c;
    return 0;
}

static prl_intake_result nomem(prl_intake *in)
{
    snprintf(in->err, sizeof in->err, "%s", parley_strerror(PARLEY_ENOMEM));
    return PRL_INTAKE_FAIL;
}

/* Skip lines through the next blank line (or the end). */
static prl_line_result skip_block(prl_intake *in)
{
    for (;;) {
        prl_line_result r = prl_intake_getline(in);
        if (r == PRL_LINE_EOF || r == PRL_LINE_ERROR)
            return r;
        if (r == PRL_LINE_OK && blank(in->line, in->line_len))
            return PRL_LINE_OK;
    }
}

/* Append n bytes to the record's text, with a space before them when
 * the text already has something (lines and comment gaps join with one
 * blank). */
static int add_text(prl_intake *in, tabari_state *st, const char *s, size_t n)
{
    while (n && is_space(*s))
        s++, n--;
    while (n && is_space(s[n - 1]))
        n--;
    if (!n)
        return 0;
    if (reserve(in->alloc, &st->text, &st->cap, st->len + 1 + n) != 0)
        return -1;
    if (st->len > 0)
        st->text[st->len++] = ' ';
    memcpy(st->text + st->len, s, n);
    st->len += n;
    return 0;
}

/* Append n bytes of comment text, or n blanks when s is NULL. */
static int add_comment(prl_intake *in, tabari_state *st, const char *s, size_t n)
{
    if (reserve(in->alloc, &st->comment, &st->comment_cap, st->comment_len + n) != 0)
        return -1;
    if (s)
        memcpy(st->comment + st->comment_len, s, n);
    else
        memset(st->comment + st->comment_len, ' ', n);
    st->comment_len += n;
    st->comment[st->comment_len] = '\0';
    return 0;
}

/* Text outside comments, without TABARI's backslash-n line-break marks. */
static int add_plain(prl_intake *in, tabari_state *st, const char *s, size_t n)
{
    size_t from = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '\\' || s[i + 1] != 'n' || (i > 0 && !is_space(s[i - 1])))
            continue;
        if (add_text(in, st, s + from, i - from) != 0)
            return -1;
        from = i + 2;
        i++;
    }
    return add_text(in, st, s + from, n - from);
}

/* One text line: text outside comments goes to st->text; st->comment gets
 * the line with everything but comment text (delimiters included) blanked,
 * then a newline, so its lines and columns are the file's. *open_line and
 * *open_col locate the comment still open, 0 when none. */
static int split_line(prl_intake *in, tabari_state *st, const char *s, size_t n,
                      unsigned *open_line, unsigned *open_col)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        if (*open_line) {
            while (j + 1 < n && !(s[j] == '*' && s[j + 1] == '/'))
                j++;
            if (j + 1 >= n)
                return add_comment(in, st, s + i, n - i);
            if (add_comment(in, st, s + i, j - i) != 0 || add_comment(in, st, NULL, 2) != 0)
                return -1;
            *open_line = *open_col = 0;
        } else {
            while (j + 1 < n && !(s[j] == '/' && s[j + 1] == '*'))
                j++;
            if (j + 1 >= n)
                return add_plain(in, st, s + i, n - i) || add_comment(in, st, NULL, n - i) ? -1 : 0;
            if (add_plain(in, st, s + i, j - i) != 0 || add_comment(in, st, NULL, j - i + 2) != 0)
                return -1;
            *open_line = in->lineno;
            *open_col = (unsigned)j + 1;
        }
        i = j + 2;
    }
    return 0;
}

static prl_intake_result tabari_next(prl_intake *in, prl_record *rec)
{
    tabari_state *st = in->state;
    prl_line_result r;
    unsigned start;
    st->comment_len = 0;
    if (st->comment)
        st->comment[0] = '\0';
    st->text_line = 0;
    for (;;) {
        r = prl_intake_getline(in);
        if (r == PRL_LINE_EOF)
            return PRL_INTAKE_END;
        if (r == PRL_LINE_ERROR)
            return PRL_INTAKE_FAIL;
        start = in->lineno;
        if (r == PRL_LINE_LONG) {
            in->records++;
            if (skip_block(in) == PRL_LINE_ERROR)
                return PRL_INTAKE_FAIL;
            return prl_intake_bad(in, start, 0, "line longer than %zu MiB skipped",
                                  PRL_INTAKE_MAX_RECORD >> 20);
        }
        if (blank(in->line, in->line_len))
            continue;
        if (in->line[0] >= '0' && in->line[0] <= '9')
            break;
        /* A comment block. */
        r = skip_block(in);
        if (r == PRL_LINE_ERROR)
            return PRL_INTAKE_FAIL;
        if (r == PRL_LINE_EOF)
            return PRL_INTAKE_END;
    }
    in->records++;

    /* The header: DATE, blanks, IDINFO (which may contain blanks). */
    const char *h = in->line, *end = in->line + in->line_len;
    const char *p = h;
    while (p < end && !is_space(*p))
        p++;
    int bad_date = prl_intake_tabari_date(h, (size_t)(p - h), st->date) != 0;
    char shown[16];
    snprintf(shown, sizeof shown, "%.*s", (int)(p - h < 12 ? p - h : 12), h);
    while (p < end && is_space(*p))
        p++;
    while (end > p && is_space(end[-1]))
        end--;
    size_t idlen = (size_t)(end - p);
    if (reserve(in->alloc, &st->id, &st->id_cap, idlen) != 0)
        return nomem(in);
    memcpy(st->id, p, idlen);
    st->id[idlen] = '\0';

    /* The text, through the blank line that ends the record. */
    st->len = 0;
    if (add_comment(in, st, "", 0) != 0)
        return nomem(in);
    st->text_line = start + 1;
    int too_big = 0;
    unsigned nul_line = 0, nul_col = 0, open_line = 0, open_col = 0;
    for (;;) {
        r = prl_intake_getline(in);
        if (r == PRL_LINE_ERROR)
            return PRL_INTAKE_FAIL;
        if (r == PRL_LINE_EOF)
            break;
        if (r == PRL_LINE_LONG) {
            too_big = 1;
            continue;
        }
        if (blank(in->line, in->line_len))
            break;
        if (too_big)
            continue;
        const char *nul = memchr(in->line, '\0', in->line_len);
        if (nul && !nul_line) {
            nul_line = in->lineno;
            nul_col = (unsigned)(nul - in->line) + 1;
        }
        if (st->len + st->comment_len + 2 + in->line_len > PRL_INTAKE_MAX_RECORD) {
            too_big = 1;
            continue;
        }
        if (split_line(in, st, in->line, in->line_len, &open_line, &open_col) != 0 ||
            add_comment(in, st, "\n", 1) != 0)
            return nomem(in);
    }
    if (bad_date)
        return prl_intake_bad(in, start, 1,
                              "bad date \"%s\" (want YYMMDD or YYYYMMDD)", shown);
    if (too_big)
        return prl_intake_bad(in, start, 0, "record longer than %zu MiB skipped",
                              PRL_INTAKE_MAX_RECORD >> 20);
    if (nul_line)
        return prl_intake_bad(in, nul_line, nul_col, "binary input (NUL byte) skipped");
    if (open_line)
        return prl_intake_bad(in, open_line, open_col,
                              "unterminated comment: no */ before the record ends");
    if (st->len == 0)
        return prl_intake_bad(in, start, 0, "record has no text");
    st->text[st->len] = '\0';
    rec->id = st->id[0] ? st->id : prl_intake_default_id(in, start);
    if (!rec->id)
        return nomem(in);
    rec->date = st->date;
    rec->text = st->text;
    rec->len = st->len;
    rec->line = start;
    rec->number = in->records;
    return PRL_INTAKE_RECORD;
}

const char *prl_intake_tabari_comments(const prl_intake *in, size_t *len,
                                       unsigned *first_line)
{
    const tabari_state *st = in->ops == &prl_intake_tabari ? in->state : NULL;
    if (!st || !st->comment) {
        *len = 0;
        *first_line = 0;
        return "";
    }
    *len = st->comment_len;
    *first_line = st->text_line;
    return st->comment;
}

const prl_intake_ops prl_intake_tabari = {
    "tabari", tabari_open, tabari_next, tabari_close,
};
