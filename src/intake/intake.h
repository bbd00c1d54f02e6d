/* intake.h: input readers. A reader turns one input stream (a FILE*) into
 * documents, one record at a time, without holding more than one record in
 * memory, so input of any size streams.
 *
 * Every record ends as exactly one of: a document (PRL_INTAKE_RECORD), a
 * named error for that record (PRL_INTAKE_BAD: the reader has skipped it and
 * can go on), the end of input, or a failure of the stream itself
 * (PRL_INTAKE_FAIL: a read error or no memory; stop reading this input).
 * Readers never print: the error text and position stay in the prl_intake
 * until the next call.
 *
 * Forms: jsonl (one JSON object per line), text (the whole input is one
 * document), lines (one document per non-blank line), tabari (TABARI text
 * records), petrarch-xml (PETRARCH <Sentences> files, a reader kept in
 * petrarch_xml.c by another module; see PRL_PETRARCH_XML_INTAKE below),
 * html (one news page: headline, date, author and article text, html.c)
 * and warc (the HTML responses of a WARC crawl archive, warc.c). Any of
 * them but petrarch-xml may come gzip or zstd compressed (decompress.c).
 *
 * A new form is one file defining a `const prl_intake_ops`, plus one line in
 * intake.c's table. A reader reads lines with prl_intake_getline, which
 * keeps the line count and the size cap, and reports a bad record with
 * prl_intake_bad. */
#ifndef PRL_INTAKE_H
#define PRL_INTAKE_H

#include <stdio.h>

#include "../prl.h"

/* The longest line or record a reader accepts: longer ones are skipped as
 * one bad record (the reader resynchronises at the next newline). */
#define PRL_INTAKE_MAX_RECORD ((size_t)PARLEY_MAX_DOC_BYTES)

typedef enum prl_intake_format {
    PRL_INTAKE_GUESS = 0,   /* from the file name, then the first byte */
    PRL_INTAKE_JSONL,
    PRL_INTAKE_TEXT,
    PRL_INTAKE_LINES,
    PRL_INTAKE_TABARI,
    PRL_INTAKE_PETRARCH_XML,
    PRL_INTAKE_HTML,        /* one HTML page per input (html.c) */
    PRL_INTAKE_WARC         /* WARC crawl archives: HTML responses (warc.c) */
} prl_intake_format;

/* One document as read. Every pointer lives until the next call to
 * prl_intake_next or prl_intake_close on the same intake. */
typedef struct prl_record {
    const char *id;         /* never NULL: as given, else "NAME:LINE" */
    const char *date;       /* "YYYYMMDD" (already normalised) or NULL */
    const char *title;      /* NULL when none */
    const char *text;       /* never NULL; len bytes, NUL-terminated */
    size_t len;
    const char *url;        /* NULL when none */
    unsigned line;          /* line where the record starts (1-based) */
    unsigned long number;   /* 1-based record number in this input */
    const char *source;     /* the publisher ("source" in JSONL, og:site_name
                               in HTML); NULL when none */
    const char *author;     /* NULL when none (HTML and WARC only) */
} prl_record;

typedef enum prl_intake_result {
    PRL_INTAKE_RECORD = 0,  /* *rec is filled */
    PRL_INTAKE_BAD,         /* one record was malformed and skipped:
                               err_line, err_col and err say why */
    PRL_INTAKE_END,         /* no more records */
    PRL_INTAKE_FAIL         /* read error or out of memory (err says which);
                               do not call next again */
} prl_intake_result;

typedef struct prl_intake prl_intake;

/* A reader. open prepares in->state (may be NULL: nothing to prepare) and
 * returns PARLEY_OK or PARLEY_ENOMEM; next yields one result; close frees
 * in->state (may be NULL). */
typedef struct prl_intake_ops {
    const char *name;       /* as given to --input */
    parley_status (*open)(prl_intake *in);
    prl_intake_result (*next)(prl_intake *in, prl_record *rec);
    void (*close)(prl_intake *in);
} prl_intake_ops;

/* The reader state. Fields are read by readers; callers use the functions
 * below and the err_* fields. */
struct prl_intake {
    const prl_intake_ops *ops;
    const prl_alloc *alloc;
    FILE *fp;
    const char *name;       /* file name for ids and diagnostics */

    /* Buffered input, refilled with fread: lines are found with memchr and
     * peeking the first bytes does not consume them. */
    char *buf;
    size_t buf_pos, buf_len;
    int started;            /* the first block has been read */
    int eof;                /* fread hit end of file */
    int read_error;         /* fread failed */

    /* The current line, NUL-terminated, from prl_intake_getline. */
    char *line;
    size_t line_len, line_cap;
    unsigned lineno;        /* lines read so far */

    unsigned long records;  /* records started so far (documents or bad) */

    char *idbuf;            /* prl_intake_default_id's result */
    size_t idbuf_cap;

    /* The last PRL_INTAKE_BAD or PRL_INTAKE_FAIL. err_col 0 = unknown. */
    unsigned err_line, err_col;
    char err[256];

    void *state;            /* the reader's own */

    /* The byte source under refill: plain, gzip or zstd (decompress.h).
     * NULL for readers that read fp themselves (petrarch-xml). */
    struct prl_zsrc *src;
    int src_reported;       /* its damage was reported as PRL_INTAKE_FAIL */
};

/* Parse an --input name ("jsonl", "text", "lines", "tabari",
 * "petrarch-xml", "html", "warc"); -1 if unknown. "auto" gives PRL_INTAKE_GUESS. */
int prl_intake_format_parse(const char *s);
const char *prl_intake_format_name(prl_intake_format f);

/* 1 if this build has a reader for f. */
int prl_intake_available(prl_intake_format f);

/* Start reading fp (not closed by the intake). name is kept by pointer
 * and must outlive the intake. gzip and zstd input (by magic bytes) is
 * decompressed for every form but petrarch-xml; a damaged compressed
 * stream ends in PRL_INTAKE_FAIL after the last good record. With
 * PRL_INTAKE_GUESS the form is guessed, after dropping a .gz/.zst suffix:
 * .jsonl/.json -> jsonl, .xml -> petrarch-xml, .txt -> text, .html/.htm
 * -> html, .warc -> warc; otherwise from the (decompressed) content:
 * "WARC/1." -> warc, "<!DOCTYPE html" or "<html" -> html, '{' -> jsonl,
 * else text. PARLEY_ENOMEM, or
 * PARLEY_EINVAL when the form has no reader in this build (in->err says
 * so). On failure the intake needs no close. */
parley_status prl_intake_open(prl_intake *in, prl_intake_format f, FILE *fp,
                              const char *name, const prl_alloc *a);

/* The form chosen by prl_intake_open. */
prl_intake_format prl_intake_format_of(const prl_intake *in);

prl_intake_result prl_intake_next(prl_intake *in, prl_record *rec);

void prl_intake_close(prl_intake *in);

/* ---- for readers ---------------------------------------------------- */

typedef enum prl_line_result {
    PRL_LINE_OK = 0,    /* in->line holds the line, without "\n" or "\r\n" */
    PRL_LINE_EOF,       /* no more lines */
    PRL_LINE_LONG,      /* the line was longer than PRL_INTAKE_MAX_RECORD and
                           has been skipped through its newline */
    PRL_LINE_ERROR      /* read error or no memory; in->err is set */
} prl_line_result;

/* Read the next line into in->line (in->line_len bytes, NUL-terminated;
 * the line may contain NUL bytes, which line_len counts). */
prl_line_result prl_intake_getline(prl_intake *in);

/* Read everything left, up to max bytes, into in->line. PRL_LINE_LONG if
 * there was more (the rest is drained), PRL_LINE_EOF if nothing was left. */
prl_line_result prl_intake_slurp(prl_intake *in, size_t max);

/* Read up to n raw bytes (for readers that parse blocks, e.g. with
 * expat). Returns fewer than n only at the end or on a read error
 * (in->read_error). A reader should read through this function, or
 * prl_intake_getline / slurp, rather than fread(in->fp): only then does it
 * also see bytes read ahead to guess the form. */
size_t prl_intake_read(prl_intake *in, void *dst, size_t n);

/* Set the error of a bad record and return PRL_INTAKE_BAD. */
prl_intake_result prl_intake_bad(prl_intake *in, unsigned line, unsigned col,
                                 const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Normalise a date to "YYYYMMDD" in out: accepts YYYYMMDD, YYYY-MM-DD and
 * ISO 8601 date-times starting with YYYY-MM-DD (e.g. 2025-03-05T14:00:00Z).
 * Month and day are range-checked. Returns 0, or -1 if s is not a date. */
int prl_intake_date(const char *s, size_t n, char out[9]);

/* The same for TABARI's six-digit YYMMDD (00-30 are 2000-2030, the rest
 * 1931-1999, as in TABARI) and eight-digit YYYYMMDD. */
int prl_intake_tabari_date(const char *s, size_t n, char out[9]);

/* "NAME:LINE" for a document without an id, kept in in->idbuf until the
 * next call; NULL when out of memory. */
const char *prl_intake_default_id(prl_intake *in, unsigned line);

/* The readers. */
extern const prl_intake_ops prl_intake_jsonl;
extern const prl_intake_ops prl_intake_text;
extern const prl_intake_ops prl_intake_lines;
extern const prl_intake_ops prl_intake_tabari;
extern const prl_intake_ops prl_intake_html;    /* html.c */
extern const prl_intake_ops prl_intake_warc;    /* warc.c */

/* The comments of the record the TABARI reader returned last (as a
 * document or as a bad record): the text inside its comment delimiters,
 * each text line's share followed by a newline, so the comment text's
 * line k (from 0) is file line *first_line + k. "" (and *len 0) before
 * the first record or for another reader. Lives until the next call. The
 * TABARI validation reader (tabari_validation.h) parses it. */
const char *prl_intake_tabari_comments(const prl_intake *in, size_t *len,
                                       unsigned *first_line);

/* The PETRARCH-XML reader lives in petrarch_xml.c / petrarch_xml.h (another
 * module). intake.c picks it up when petrarch_xml.h exists and defines the
 * macro PRL_PETRARCH_XML_INTAKE; the header must then declare
 *     extern const prl_intake_ops prl_intake_petrarch_xml;
 * yielding one record per <Sentence> (id from its id attribute, date
 * YYYYMMDD, text). It may read in->fp directly because the form is never
 * guessed from content as petrarch-xml (nothing is read ahead), but
 * prl_intake_read is the safer way. */

#endif
