/* intake.c: what every input reader shares: choosing the reader (by name,
 * file name or first byte), the buffered line reader with its size cap,
 * date normalisation and record error text. The readers themselves are in
 * jsonl.c, text.c, lines.c, tabari.c, html.c and warc.c; decompression
 * (gzip, zstd) is in decompress.c, under refill. */
#include "intake/intake.h"
#include "intake/decompress.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

/* The PETRARCH-XML reader is another module's; use it once it is there
 * (see intake.h for the contract). */
#if defined(__has_include)
#if __has_include("intake/petrarch_xml.h")
#include "intake/petrarch_xml.h"
#endif
#endif

#define BUF_SIZE ((size_t)1 << 16)

static const prl_intake_ops *reader_for(prl_intake_format f)
{
    switch (f) {
    case PRL_INTAKE_JSONL: return &prl_intake_jsonl;
    case PRL_INTAKE_TEXT: return &prl_intake_text;
    case PRL_INTAKE_LINES: return &prl_intake_lines;
    case PRL_INTAKE_TABARI: return &prl_intake_tabari;
    case PRL_INTAKE_HTML: return &prl_intake_html;
    case PRL_INTAKE_WARC: return &prl_intake_warc;
    case PRL_INTAKE_PETRARCH_XML:
#ifdef PRL_PETRARCH_XML_INTAKE
        return &prl_intake_petrarch_xml;
#else
        return NULL;
#endif
    case PRL_INTAKE_GUESS: break;
    }
    return NULL;
}

int prl_intake_format_parse(const char *s)
{
    static const struct { const char *name; prl_intake_format f; } names[] = {
        {"auto", PRL_INTAKE_GUESS},     {"jsonl", PRL_INTAKE_JSONL},
        {"json", PRL_INTAKE_JSONL},     {"text", PRL_INTAKE_TEXT},
        {"lines", PRL_INTAKE_LINES},    {"tabari", PRL_INTAKE_TABARI},
        {"petrarch-xml", PRL_INTAKE_PETRARCH_XML},
        {"html", PRL_INTAKE_HTML},      {"warc", PRL_INTAKE_WARC},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i].name) == 0)
            return (int)names[i].f;
    return -1;
}

const char *prl_intake_format_name(prl_intake_format f)
{
    switch (f) {
    case PRL_INTAKE_GUESS: return "auto";
    case PRL_INTAKE_JSONL: return "jsonl";
    case PRL_INTAKE_TEXT: return "text";
    case PRL_INTAKE_LINES: return "lines";
    case PRL_INTAKE_TABARI: return "tabari";
    case PRL_INTAKE_PETRARCH_XML: return "petrarch-xml";
    case PRL_INTAKE_HTML: return "html";
    case PRL_INTAKE_WARC: return "warc";
    }
    return "?";
}

int prl_intake_available(prl_intake_format f)
{
    return f == PRL_INTAKE_GUESS || reader_for(f) != NULL;
}

/* Move unread bytes to the front and read more. Sets eof / read_error. */
static void refill(prl_intake *in)
{
    if (in->eof || in->read_error)
        return;
    if (in->buf_pos > 0) {
        memmove(in->buf, in->buf + in->buf_pos, in->buf_len - in->buf_pos);
        in->buf_len -= in->buf_pos;
        in->buf_pos = 0;
    }
    size_t want = BUF_SIZE - in->buf_len;
    errno = 0;
    size_t got;
    if (in->src) {
        /* The source sets eof / read_error itself (decompress.h). */
        got = prl_zsrc_read(in->src, in->buf + in->buf_len, want, &in->eof,
                            &in->read_error);
        want = got;
    } else {
        got = fread(in->buf + in->buf_len, 1, want, in->fp);
    }
    in->buf_len += got;
    /* A UTF-8 byte order mark is not content in any form. */
    if (!in->started) {
        in->started = 1;
        if (in->buf_len >= 3 && memcmp(in->buf, "\xEF\xBB\xBF", 3) == 0)
            in->buf_pos = 3;
    }
    if (got < want) {
        /* fread only returns short at end of file or on an error. */
        if (ferror(in->fp))
            in->read_error = errno ? errno : EIO;
        else
            in->eof = 1;
    }
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    if (n < m)
        return 0;
    for (size_t i = 0; i < m; i++) {
        char c = s[n - m + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != suffix[i])
            return 0;
    }
    return 1;
}

/* 1 if the name says the file is compressed. */
static int compressed_name(const char *name)
{
    return ends_with(name, ".gz") || ends_with(name, ".zst") ||
           ends_with(name, ".zstd");
}

/* The guess from the file name's extension, looking through a .gz / .zst
 * suffix; GUESS if it does not tell. */
static prl_intake_format guess_by_name(const char *name)
{
    static const struct { const char *ext; prl_intake_format f; } exts[] = {
        {".jsonl", PRL_INTAKE_JSONL}, {".json", PRL_INTAKE_JSONL},
        {".ndjson", PRL_INTAKE_JSONL}, {".xml", PRL_INTAKE_PETRARCH_XML},
        {".txt", PRL_INTAKE_TEXT},    {".html", PRL_INTAKE_HTML},
        {".htm", PRL_INTAKE_HTML},    {".xhtml", PRL_INTAKE_HTML},
        {".warc", PRL_INTAKE_WARC},
    };
    char base[64];
    const char *dot = strrchr(name, '.');
    if (dot && compressed_name(name)) {
        /* Keep the tail before the compression suffix: enough to hold the
         * inner extension. */
        size_t keep = (size_t)(dot - name);
        size_t from = keep > sizeof base - 1 ? keep - (sizeof base - 1) : 0;
        memcpy(base, name + from, keep - from);
        base[keep - from] = '\0';
        name = base;
    }
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (ends_with(name, exts[i].ext))
            return exts[i].f;
    return PRL_INTAKE_GUESS;
}

/* Case-insensitive search for an ASCII needle (lower case) in s[0,n). */
static int has_ci(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++) {
        size_t k = 0;
        while (k < m) {
            char c = s[i + k];
            if (c >= 'A' && c <= 'Z')
                c = (char)(c - 'A' + 'a');
            if (c != needle[k])
                break;
            k++;
        }
        if (k == m)
            return 1;
    }
    return 0;
}

/* The guess from the first non-blank byte: this reads the first block
 * into in->buf, so it may only choose readers that read through in->buf
 * (prl_intake_getline / slurp / read), never one that reads in->fp. */
static prl_intake_format guess_by_content(prl_intake *in)
{
    refill(in);
    for (size_t i = in->buf_pos; i < in->buf_len; i++) {
        char c = in->buf[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        const char *p = in->buf + i;
        size_t n = in->buf_len - i;
        if (n >= 7 && memcmp(p, "WARC/1.", 7) == 0)
            return PRL_INTAKE_WARC;
        /* A page may open with a comment or an XML declaration: any '<'
         * start with an <html or <!doctype html in the first block. */
        if (c == '<' && (has_ci(p, n, "<!doctype html") || has_ci(p, n, "<html")))
            return PRL_INTAKE_HTML;
        return c == '{' ? PRL_INTAKE_JSONL : PRL_INTAKE_TEXT;
    }
    return PRL_INTAKE_TEXT;
}

parley_status prl_intake_open(prl_intake *in, prl_intake_format f, FILE *fp,
                              const char *name, const prl_alloc *a)
{
    memset(in, 0, sizeof *in);
    in->alloc = a ? a : &prl_default_alloc;
    in->fp = fp;
    in->name = name;
    in->buf = prl_malloc(in->alloc, BUF_SIZE);
    if (!in->buf) {
        snprintf(in->err, sizeof in->err, "%s", parley_strerror(PARLEY_ENOMEM));
        return PARLEY_ENOMEM;
    }
    /* Nothing is read before the reader starts unless the content has to
     * decide the form: a reader of in->fp (petrarch-xml) then sees the
     * whole stream. */
    if (f == PRL_INTAKE_GUESS)
        f = guess_by_name(name);
    if (f == PRL_INTAKE_PETRARCH_XML && compressed_name(name)) {
        snprintf(in->err, sizeof in->err,
                 "compressed petrarch-xml input is not supported: decompress it first");
        prl_free(in->alloc, in->buf);
        in->buf = NULL;
        return PARLEY_EINVAL;
    }
    if (f != PRL_INTAKE_PETRARCH_XML) {
        /* Every reader but petrarch-xml reads through refill, so the
         * source may look at the first bytes and decompress. */
        if (prl_zsrc_open(in->alloc, fp, &in->src) != PARLEY_OK) {
            snprintf(in->err, sizeof in->err, "%s", parley_strerror(PARLEY_ENOMEM));
            prl_free(in->alloc, in->buf);
            in->buf = NULL;
            return PARLEY_ENOMEM;
        }
    }
    if (f == PRL_INTAKE_GUESS)
        f = guess_by_content(in);
    in->ops = reader_for(f);
    if (!in->ops) {
        snprintf(in->err, sizeof in->err,
                 "input form '%s' is not available in this build",
                 prl_intake_format_name(f));
        prl_free(in->alloc, in->buf);
        in->buf = NULL;
        prl_zsrc_free(in->src);
        in->src = NULL;
        return PARLEY_EINVAL;
    }
    parley_status st = in->ops->open ? in->ops->open(in) : PARLEY_OK;
    if (st != PARLEY_OK) {
        snprintf(in->err, sizeof in->err, "%s", parley_strerror(st));
        prl_free(in->alloc, in->buf);
        in->buf = NULL;
        in->ops = NULL;
        prl_zsrc_free(in->src);
        in->src = NULL;
    }
    return st;
}

prl_intake_format prl_intake_format_of(const prl_intake *in)
{
    static const prl_intake_format all[] = {
        PRL_INTAKE_JSONL, PRL_INTAKE_TEXT, PRL_INTAKE_LINES, PRL_INTAKE_TABARI,
        PRL_INTAKE_PETRARCH_XML, PRL_INTAKE_HTML, PRL_INTAKE_WARC,
    };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (in->ops && reader_for(all[i]) == in->ops)
            return all[i];
    return PRL_INTAKE_GUESS;
}

prl_intake_result prl_intake_next(prl_intake *in, prl_record *rec)
{
    memset(rec, 0, sizeof *rec);
    in->err[0] = '\0';
    in->err_line = in->err_col = 0;
    prl_intake_result r = in->ops->next(in, rec);
    if (r == PRL_INTAKE_END && in->src && !in->src_reported) {
        /* Damaged compressed data: every good record has been read; now
         * the input as a whole fails, once. */
        const char *why = prl_zsrc_error(in->src);
        if (why) {
            in->src_reported = 1;
            snprintf(in->err, sizeof in->err, "%s", why);
            return PRL_INTAKE_FAIL;
        }
    }
    return r;
}

void prl_intake_close(prl_intake *in)
{
    if (!in)
        return;
    if (in->ops && in->ops->close)
        in->ops->close(in);
    prl_free(in->alloc, in->buf);
    prl_free(in->alloc, in->line);
    prl_free(in->alloc, in->idbuf);
    prl_zsrc_free(in->src);
    in->src = NULL;
    in->buf = in->line = in->idbuf = NULL;
    in->ops = NULL;
}

static prl_line_result fail(prl_intake *in, const char *why)
{
    in->err_line = in->lineno + 1;
    snprintf(in->err, sizeof in->err, "%s", why);
    return PRL_LINE_ERROR;
}

/* Grow in->line to hold n more bytes plus a NUL. */
static int line_reserve(prl_intake *in, size_t more)
{
    size_t need = in->line_len + more + 1;
    if (need <= in->line_cap)
        return 0;
    size_t cap = in->line_cap ? in->line_cap : 256;
    while (cap < need)
        cap *= 2;
    char *p = prl_realloc(in->alloc, in->line, cap);
    if (!p)
        return -1;
    in->line = p;
    in->line_cap = cap;
    return 0;
}

prl_line_result prl_intake_getline(prl_intake *in)
{
    int started = 0, overflow = 0;
    in->line_len = 0;
    for (;;) {
        if (in->buf_pos == in->buf_len) {
            in->buf_pos = in->buf_len = 0;
            refill(in);
            if (in->read_error)
                return fail(in, strerror(in->read_error));
            if (in->buf_len == 0) {
                if (!started)
                    return PRL_LINE_EOF;
                break;              /* a last line without a newline */
            }
        }
        char *p = in->buf + in->buf_pos;
        size_t avail = in->buf_len - in->buf_pos;
        char *nl = memchr(p, '\n', avail);
        size_t take = nl ? (size_t)(nl - p) : avail;
        started = 1;
        if (!overflow && in->line_len + take > PRL_INTAKE_MAX_RECORD)
            overflow = 1;
        if (!overflow) {
            if (line_reserve(in, take) != 0)
                return fail(in, parley_strerror(PARLEY_ENOMEM));
            memcpy(in->line + in->line_len, p, take);
            in->line_len += take;
        }
        in->buf_pos += take + (nl ? 1 : 0);
        if (nl)
            break;
    }
    in->lineno++;
    if (line_reserve(in, 0) != 0)
        return fail(in, parley_strerror(PARLEY_ENOMEM));
    if (overflow) {
        in->line_len = 0;
        in->line[0] = '\0';
        return PRL_LINE_LONG;
    }
    if (in->line_len > 0 && in->line[in->line_len - 1] == '\r')
        in->line_len--;
    in->line[in->line_len] = '\0';
    return PRL_LINE_OK;
}

size_t prl_intake_read(prl_intake *in, void *dst, size_t n)
{
    size_t done = 0;
    while (done < n) {
        if (in->buf_pos == in->buf_len) {
            in->buf_pos = in->buf_len = 0;
            refill(in);
            if (in->buf_len == 0)
                break;
        }
        size_t take = in->buf_len - in->buf_pos;
        if (take > n - done)
            take = n - done;
        memcpy((char *)dst + done, in->buf + in->buf_pos, take);
        in->buf_pos += take;
        done += take;
    }
    return done;
}

prl_line_result prl_intake_slurp(prl_intake *in, size_t max)
{
    int overflow = 0, any = 0;
    in->line_len = 0;
    for (;;) {
        if (in->buf_pos == in->buf_len) {
            in->buf_pos = in->buf_len = 0;
            refill(in);
            if (in->read_error)
                return fail(in, strerror(in->read_error));
            if (in->buf_len == 0)
                break;
        }
        size_t take = in->buf_len - in->buf_pos;
        any = 1;
        if (!overflow && in->line_len + take > max)
            overflow = 1;
        if (!overflow) {
            if (line_reserve(in, take) != 0)
                return fail(in, parley_strerror(PARLEY_ENOMEM));
            memcpy(in->line + in->line_len, in->buf + in->buf_pos, take);
            in->line_len += take;
        }
        in->buf_pos = in->buf_len;
    }
    if (line_reserve(in, 0) != 0)
        return fail(in, parley_strerror(PARLEY_ENOMEM));
    if (overflow)
        in->line_len = 0;
    in->line[in->line_len] = '\0';
    if (overflow)
        return PRL_LINE_LONG;
    return any ? PRL_LINE_OK : PRL_LINE_EOF;
}

prl_intake_result prl_intake_bad(prl_intake *in, unsigned line, unsigned col,
                                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(in->err, sizeof in->err, fmt, ap);
    va_end(ap);
    in->err_line = line;
    in->err_col = col;
    return PRL_INTAKE_BAD;
}

static int digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

static int num(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Write y, m, d as YYYYMMDD after checking the calendar. */
static int make_date(int y, int m, int d, char out[9])
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return -1;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m == 2 && d == 29 && !leap)
        return -1;
    /* Plain digit arithmetic: the ranges are checked above, and snprintf
     * would make the compiler worry about truncation. */
    const int v[8] = {y / 1000, y / 100 % 10, y / 10 % 10, y % 10,
                      m / 10, m % 10, d / 10, d % 10};
    for (int i = 0; i < 8; i++)
        out[i] = (char)('0' + v[i]);
    out[8] = '\0';
    return 0;
}

int prl_intake_date(const char *s, size_t n, char out[9])
{
    if (n == 8 && digits(s, 8))
        return make_date(num(s, 4), num(s + 4, 2), num(s + 6, 2), out);
    if (n >= 10 && digits(s, 4) && s[4] == '-' && digits(s + 5, 2) &&
        s[7] == '-' && digits(s + 8, 2) &&
        (n == 10 || s[10] == 'T' || s[10] == 't' || s[10] == ' '))
        return make_date(num(s, 4), num(s + 5, 2), num(s + 8, 2), out);
    return -1;
}

int prl_intake_tabari_date(const char *s, size_t n, char out[9])
{
    if (n == 6 && digits(s, 6)) {
        int yy = num(s, 2);
        return make_date(yy <= 30 ? 2000 + yy : 1900 + yy, num(s + 2, 2),
                         num(s + 4, 2), out);
    }
    if (n == 8 && digits(s, 8))
        return make_date(num(s, 4), num(s + 4, 2), num(s + 6, 2), out);
    return -1;
}

const char *prl_intake_default_id(prl_intake *in, unsigned line)
{
    size_t need = strlen(in->name) + 16;
    if (need > in->idbuf_cap) {
        char *p = prl_realloc(in->alloc, in->idbuf, need);
        if (!p)
            return NULL;
        in->idbuf = p;
        in->idbuf_cap = need;
    }
    snprintf(in->idbuf, in->idbuf_cap, "%s:%u", in->name, line);
    return in->idbuf;
}
