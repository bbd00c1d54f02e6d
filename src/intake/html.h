/* html.h: the news-page extractor shared by the html and warc readers.
 * Given one HTML page it finds the headline, publication date, author,
 * site name, canonical url and the main body text, leaving out
 * navigation, bylines, photo credits, share and comment blocks, related
 * article lists and cookie notices. html.c tells how. */
#ifndef PRL_HTML_H
#define PRL_HTML_H

#include <stddef.h>

#include "../prl.h"

/* What a page yields. Every pointer lives until the next extract call on
 * the same extractor, or its free. */
typedef struct prl_html_page {
    const char *title;      /* og:title, else the first <h1>, else <title>
                               (without a " | Site" suffix); NULL if none */
    const char *date;       /* publication date "YYYYMMDD"; NULL if none */
    const char *author;     /* NULL if none */
    const char *site;       /* og:site_name or the JSON-LD publisher */
    const char *url;        /* og:url, else <link rel="canonical"> */
    const char *text;       /* the body: paragraphs joined by a blank line,
                               UTF-8; "" when the page has no article text */
    size_t len;
} prl_html_page;

typedef struct prl_html prl_html;

/* A reusable extractor (its buffers and arena are kept between pages).
 * PARLEY_OK or PARLEY_ENOMEM. */
parley_status prl_html_new(const prl_alloc *a, prl_html **out);

/* Extract one page of len bytes. charset is the HTTP Content-Type's
 * charset when known, else NULL (then a <meta> charset is looked for).
 * Valid UTF-8 is taken as UTF-8 whatever is declared; other bytes are
 * decoded from the declared charset, windows-1252 when none is declared.
 * PARLEY_OK (even for a page without text: out->len is then 0) or
 * PARLEY_ENOMEM. */
parley_status prl_html_extract(prl_html *h, const char *html, size_t len,
                               const char *charset, prl_html_page *out);

void prl_html_free(prl_html *h);

#endif
