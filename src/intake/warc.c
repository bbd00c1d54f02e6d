/* warc.c: the WARC reader (ISO 28500, WARC/1.0 and 1.1, and the older
 * 0.x drafts): every HTML page in a crawl archive becomes a document.
 *
 * A WARC file is a run of records: a "WARC/1.x" line, header lines, a
 * blank line, Content-Length bytes of content, then two line ends.
 * Documents come from "response" records holding an HTTP response with
 * status 200 and an HTML content type (the HTTP message is taken apart
 * here: chunked transfer encoding and gzip/deflate content encoding are
 * undone) and from "resource" records of type text/html. Every other
 * record (warcinfo, request, metadata, revisit, images, redirects, ...)
 * is passed over without counting: it is not a document.
 *
 * Why a reader of our own rather than libarchive's WARC support:
 * libarchive 3.6 refuses WARC/1.1, hides the headers we need (record id,
 * the full target URI, the HTTP status), and stops the whole archive at
 * the first damaged record. Here a damaged record is one bad record,
 * named by its number, id and URI, and reading goes on at the next
 * "WARC/" line. .warc.gz and .warc.zst need nothing here: decompress.c
 * sits under every reader. */
#include "intake/intake.h"
#include "intake/html.h"

#include <limits.h>
#include <string.h>
#include <zlib.h>

typedef struct warc_state {
    prl_html *h;
    char *content;          /* the record's content block */
    size_t content_cap;
    char *body;             /* the HTTP body, decoded */
    size_t body_cap;
    char id[256];
    char uri[2048];
    char type[32];
    char ctype[256];        /* the record's Content-Type */
    char http_ctype[256];   /* the HTTP response's Content-Type */
    char http_te[64], http_ce[64];
    char host[256];
    unsigned long number;   /* WARC records seen, of any type */
    int pending_line;       /* in->line already holds the next "WARC/" line */
} warc_state;

static parley_status warc_open(prl_intake *in)
{
    warc_state *st = prl_calloc(in->alloc, sizeof *st);
    if (!st)
        return PARLEY_ENOMEM;
    if (prl_html_new(in->alloc, &st->h) != PARLEY_OK) {
        prl_free(in->alloc, st);
        return PARLEY_ENOMEM;
    }
    in->state = st;
    return PARLEY_OK;
}

static void warc_close(prl_intake *in)
{
    warc_state *st = in->state;
    if (!st)
        return;
    prl_html_free(st->h);
    prl_free(in->alloc, st->content);
    prl_free(in->alloc, st->body);
    prl_free(in->alloc, st);
    in->state = NULL;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int prefix_ci(const char *s, size_t n, const char *prefix)
{
    size_t m = strlen(prefix);
    if (n < m)
        return 0;
    for (size_t i = 0; i < m; i++)
        if (lower(s[i]) != lower(prefix[i]))
            return 0;
    return 1;
}

static int is_version_line(const char *s, size_t n)
{
    return n >= 6 && memcmp(s, "WARC/", 5) == 0 && s[5] >= '0' && s[5] <= '9';
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/* If line s[0,n) is "Name: value", copy the value (trimmed, without <>)
 * into out and return 1. */
static int header(const char *s, size_t n, const char *name, char *out, size_t cap)
{
    size_t m = strlen(name);
    if (n <= m || !prefix_ci(s, n, name) || s[m] != ':')
        return 0;
    const char *v = s + m + 1, *e = s + n;
    while (v < e && (*v == ' ' || *v == '\t'))
        v++;
    while (e > v && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    if (e - v >= 2 && *v == '<' && e[-1] == '>') {
        v++;
        e--;
    }
    size_t k = (size_t)(e - v) < cap - 1 ? (size_t)(e - v) : cap - 1;
    memcpy(out, v, k);
    out[k] = '\0';
    return 1;
}

static int reserve(prl_intake *in, char **buf, size_t *cap, size_t need)
{
    need++;
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 65536;
    while (c < need)
        c *= 2;
    char *p = prl_realloc(in->alloc, *buf, c);
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

/* "record N (ID, URI)" for messages. */
static const char *label(const warc_state *st, char *buf, size_t cap)
{
    snprintf(buf, cap, "WARC record %lu (%.80s%s%.120s)", st->number,
             st->id[0] ? st->id : "no WARC-Record-ID", st->uri[0] ? ", " : "", st->uri);
    return buf;
}

/* Skip lines up to the next "WARC/" line, left in in->line. 0 if found,
 * 1 at the end, -1 on a read error. */
static int resync(prl_intake *in, warc_state *st)
{
    for (;;) {
        prl_line_result r = prl_intake_getline(in);
        if (r == PRL_LINE_EOF)
            return 1;
        if (r == PRL_LINE_ERROR)
            return -1;
        if (r == PRL_LINE_OK && is_version_line(in->line, in->line_len)) {
            st->pending_line = 1;
            return 0;
        }
    }
}

/* Undo "Transfer-Encoding: chunked" on b[0,n) in place; -1 if malformed. */
static long long dechunk(char *b, size_t n)
{
    size_t r = 0, w = 0;
    for (;;) {
        size_t size = 0, digits = 0;
        while (r < n) {
            char c = b[r];
            int v = c >= '0' && c <= '9' ? c - '0'
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (v < 0)
                break;
            if (size > (SIZE_MAX >> 4))
                return -1;
            size = size * 16 + (size_t)v;
            digits++;
            r++;
        }
        if (!digits)
            return -1;
        while (r < n && b[r] != '\n')     /* chunk extensions, "\r" */
            r++;
        if (r >= n)
            return size == 0 ? (long long)w : -1;
        r++;
        if (size == 0)
            return (long long)w;
        if (size > n - r)
            return -1;
        memmove(b + w, b + r, size);
        w += size;
        r += size;
        if (r < n && b[r] == '\r')
            r++;
        if (r < n && b[r] == '\n')
            r++;
    }
}

/* Undo gzip / deflate content encoding into st->body; NULL with *why set
 * when the data is bad, or on no memory (*why NULL). */
static const char *inflate_body(prl_intake *in, warc_state *st, const char *src,
                                size_t n, size_t *out_n, const char **why)
{
    *why = NULL;
    for (int attempt = 0; attempt < 2; attempt++) {
        z_stream zs;
        memset(&zs, 0, sizeof zs);
        /* 32 + 15: gzip or zlib, by header; then raw deflate, which some
         * servers send as "deflate". */
        if (inflateInit2(&zs, attempt == 0 ? 32 + MAX_WBITS : -MAX_WBITS) != Z_OK)
            return NULL;
        zs.next_in = (Bytef *)src;
        zs.avail_in = (uInt)(n > UINT_MAX ? UINT_MAX : n);
        size_t len = 0;
        int r = Z_OK;
        while (r == Z_OK) {
            if (len + 65536 > PRL_INTAKE_MAX_RECORD) {
                inflateEnd(&zs);
                *why = "decompressed page longer than the record limit";
                return NULL;
            }
            if (reserve(in, &st->body, &st->body_cap, len + 65536) != 0) {
                inflateEnd(&zs);
                return NULL;
            }
            zs.next_out = (Bytef *)st->body + len;
            zs.avail_out = 65536;
            r = inflate(&zs, Z_NO_FLUSH);
            len += 65536 - zs.avail_out;
            if (r == Z_BUF_ERROR && zs.avail_in == 0)
                r = Z_STREAM_END;   /* a truncated body: keep what came */
        }
        inflateEnd(&zs);
        if (r == Z_STREAM_END) {
            st->body[len] = '\0';
            *out_n = len;
            return st->body;
        }
        *why = "bad gzip/deflate content encoding";
    }
    return NULL;
}

/* The charset parameter of a Content-Type value, or NULL. */
static const char *charset_of(const char *ctype, char out[40])
{
    const char *p = ctype;
    for (; *p; p++) {
        if (prefix_ci(p, strlen(p), "charset=")) {
            p += 8;
            while (*p == '"' || *p == '\'' || *p == ' ')
                p++;
            size_t k = 0;
            while (p[k] && p[k] != '"' && p[k] != '\'' && p[k] != ';' && p[k] != ' ' &&
                   k < 39) {
                out[k] = p[k];
                k++;
            }
            out[k] = '\0';
            return k ? out : NULL;
        }
    }
    return NULL;
}

static int html_type(const char *ctype)
{
    size_t n = strlen(ctype);
    return prefix_ci(ctype, n, "text/html") || prefix_ci(ctype, n, "application/xhtml");
}

/* The host of a URI, for the source when the page names no site. */
static const char *host_of(const char *uri, char *out, size_t cap)
{
    const char *p = strstr(uri, "://");
    if (!p)
        return NULL;
    p += 3;
    size_t k = 0;
    while (p[k] && p[k] != '/' && p[k] != ':' && p[k] != '?' && k < cap - 1) {
        out[k] = p[k];
        k++;
    }
    out[k] = '\0';
    if (k > 4 && memcmp(out, "www.", 4) == 0)
        memmove(out, out + 4, k - 3);
    return k ? out : NULL;
}

static prl_intake_result warc_next(prl_intake *in, prl_record *rec)
{
    warc_state *st = in->state;
    char lab[300];
    for (;;) {
        /* The version line. */
        if (!st->pending_line) {
            prl_line_result r;
            do {
                r = prl_intake_getline(in);
            } while (r == PRL_LINE_OK && blank(in->line, in->line_len));
            if (r == PRL_LINE_EOF)
                return PRL_INTAKE_END;
            if (r == PRL_LINE_ERROR)
                return PRL_INTAKE_FAIL;
            if (r != PRL_LINE_OK || !is_version_line(in->line, in->line_len)) {
                unsigned at = in->lineno;
                in->records++;
                int s = resync(in, st);
                if (s < 0)
                    return PRL_INTAKE_FAIL;
                return prl_intake_bad(in, at, 0, "not a WARC record (expected a "
                                      "\"WARC/1.0\" line); skipped to the next record");
            }
        }
        st->pending_line = 0;
        st->number++;
        unsigned start = in->lineno;
        st->id[0] = st->uri[0] = st->type[0] = st->ctype[0] = '\0';
        char clen[32] = "";

        /* The WARC headers. */
        for (;;) {
            prl_line_result r = prl_intake_getline(in);
            if (r == PRL_LINE_ERROR)
                return PRL_INTAKE_FAIL;
            if (r == PRL_LINE_EOF) {
                in->records++;
                return prl_intake_bad(in, 0, 0, "%s: truncated WARC record (the input "
                                      "ends in its headers)", label(st, lab, sizeof lab));
            }
            if (r == PRL_LINE_LONG || blank(in->line, in->line_len))
                break;
            const char *l = in->line;
            size_t n = in->line_len;
            if (!header(l, n, "WARC-Type", st->type, sizeof st->type) &&
                !header(l, n, "WARC-Record-ID", st->id, sizeof st->id) &&
                !header(l, n, "WARC-Target-URI", st->uri, sizeof st->uri) &&
                !header(l, n, "Content-Type", st->ctype, sizeof st->ctype))
                header(l, n, "Content-Length", clen, sizeof clen);
        }
        unsigned long long len = 0;
        int ok = clen[0] != '\0';
        for (const char *p = clen; *p && ok; p++) {
            if (*p < '0' || *p > '9' || len > (1ull << 50))
                ok = 0;
            else
                len = len * 10 + (unsigned)(*p - '0');
        }
        if (!ok) {
            in->records++;
            if (resync(in, st) < 0)
                return PRL_INTAKE_FAIL;
            return prl_intake_bad(in, start, 0, "%s: no valid Content-Length; skipped",
                                  label(st, lab, sizeof lab));
        }

        int wanted = (strcmp(st->type, "response") == 0 &&
                      (st->ctype[0] == '\0' ||
                       prefix_ci(st->ctype, strlen(st->ctype), "application/http"))) ||
                     (strcmp(st->type, "resource") == 0 && html_type(st->ctype));
        int too_big = len > PRL_INTAKE_MAX_RECORD;
        if (!wanted || too_big) {
            /* Read past the content without keeping it. */
            char skip[4096];
            unsigned long long left = len;
            while (left > 0) {
                size_t want = left < sizeof skip ? (size_t)left : sizeof skip;
                size_t got = prl_intake_read(in, skip, want);
                left -= got;
                if (got < want)
                    break;
            }
            if (in->read_error) {
                snprintf(in->err, sizeof in->err, "read error");
                return PRL_INTAKE_FAIL;
            }
            if (left > 0 && (wanted || too_big)) {
                in->records++;
                return prl_intake_bad(in, 0, 0, "%s: truncated WARC record (%llu of "
                                      "%llu content bytes)", label(st, lab, sizeof lab),
                                      len - left, len);
            }
            if (too_big && wanted) {
                in->records++;
                return prl_intake_bad(in, 0, 0, "%s: record longer than %zu MiB skipped",
                                      label(st, lab, sizeof lab),
                                      PRL_INTAKE_MAX_RECORD >> 20);
            }
            if (left > 0)
                return PRL_INTAKE_END;  /* a truncated record we did not want */
            continue;
        }

        if (reserve(in, &st->content, &st->content_cap, (size_t)len) != 0)
            return nomem(in);
        size_t got = prl_intake_read(in, st->content, (size_t)len);
        if (in->read_error) {
            snprintf(in->err, sizeof in->err, "read error");
            return PRL_INTAKE_FAIL;
        }
        st->content[got] = '\0';
        if (got < len) {
            in->records++;
            return prl_intake_bad(in, 0, 0, "%s: truncated WARC record (%zu of %llu "
                                  "content bytes)", label(st, lab, sizeof lab), got, len);
        }

        /* The page: straight from a resource record, or the body of an
         * HTTP response. */
        const char *page = st->content;
        size_t page_n = got;
        char cs_buf[40];
        const char *charset = NULL;
        if (strcmp(st->type, "response") == 0) {
            const char *c = st->content, *e = c + got;
            const char *nl = memchr(c, '\n', got);
            int status = 0;
            if (got >= 12 && prefix_ci(c, got, "HTTP/") && nl) {
                const char *sp = memchr(c, ' ', (size_t)(nl - c));
                if (sp && nl - sp >= 4 && sp[1] >= '1' && sp[1] <= '5')
                    status = (sp[1] - '0') * 100 + (sp[2] - '0') * 10 + (sp[3] - '0');
            }
            if (!status) {
                in->records++;
                return prl_intake_bad(in, 0, 0, "%s: response record does not hold an "
                                      "HTTP response", label(st, lab, sizeof lab));
            }
            st->http_ctype[0] = st->http_te[0] = st->http_ce[0] = '\0';
            const char *p = nl + 1;
            int ended = 0;
            while (p < e) {
                const char *q = memchr(p, '\n', (size_t)(e - p));
                size_t n = q ? (size_t)(q - p) : (size_t)(e - p);
                if (n > 0 && p[n - 1] == '\r')
                    n--;
                if (n == 0) {
                    p = q ? q + 1 : e;
                    ended = 1;
                    break;
                }
                if (!header(p, n, "Content-Type", st->http_ctype, sizeof st->http_ctype) &&
                    !header(p, n, "Transfer-Encoding", st->http_te, sizeof st->http_te))
                    header(p, n, "Content-Encoding", st->http_ce, sizeof st->http_ce);
                p = q ? q + 1 : e;
            }
            if (status != 200 || !html_type(st->http_ctype))
                continue;   /* redirects, errors, images, scripts: not pages */
            if (!ended) {
                in->records++;
                return prl_intake_bad(in, 0, 0, "%s: HTTP headers do not end",
                                      label(st, lab, sizeof lab));
            }
            page = p;
            page_n = (size_t)(e - p);
            if (prefix_ci(st->http_te, strlen(st->http_te), "chunked")) {
                long long m = dechunk(st->content + (page - st->content), page_n);
                if (m < 0) {
                    in->records++;
                    return prl_intake_bad(in, 0, 0, "%s: malformed chunked transfer "
                                          "encoding", label(st, lab, sizeof lab));
                }
                page_n = (size_t)m;
            }
            size_t ce_n = strlen(st->http_ce);
            if (prefix_ci(st->http_ce, ce_n, "gzip") || prefix_ci(st->http_ce, ce_n, "x-gzip") ||
                prefix_ci(st->http_ce, ce_n, "deflate")) {
                const char *why;
                page = inflate_body(in, st, page, page_n, &page_n, &why);
                if (!page && !why)
                    return nomem(in);
                if (!page) {
                    in->records++;
                    return prl_intake_bad(in, 0, 0, "%s: %s", label(st, lab, sizeof lab),
                                          why);
                }
            } else if (ce_n > 0 && !prefix_ci(st->http_ce, ce_n, "identity")) {
                in->records++;
                return prl_intake_bad(in, 0, 0, "%s: content encoding \"%s\" is not "
                                      "supported", label(st, lab, sizeof lab), st->http_ce);
            }
            charset = charset_of(st->http_ctype, cs_buf);
        } else {
            charset = charset_of(st->ctype, cs_buf);
        }

        in->records++;
        if (memchr(page, '\0', page_n))
            return prl_intake_bad(in, 0, 0, "%s: binary data (NUL byte) in an HTML page",
                                  label(st, lab, sizeof lab));
        prl_html_page pg;
        if (prl_html_extract(st->h, page, page_n, charset, &pg) != PARLEY_OK)
            return nomem(in);
        if (pg.len == 0)
            return prl_intake_bad(in, 0, 0, "%s: HTML page has no article text",
                                  label(st, lab, sizeof lab));
        rec->id = st->id[0] ? st->id : prl_intake_default_id(in, start);
        if (!rec->id)
            return nomem(in);
        rec->url = st->uri[0] ? st->uri : pg.url;
        rec->title = pg.title;
        rec->date = pg.date;
        rec->author = pg.author;
        rec->source = pg.site ? pg.site : host_of(st->uri, st->host, sizeof st->host);
        rec->text = pg.text;
        rec->len = pg.len;
        rec->line = start;
        rec->number = in->records;
        return PRL_INTAKE_RECORD;
    }
}

const prl_intake_ops prl_intake_warc = {
    "warc", warc_open, warc_next, warc_close,
};
