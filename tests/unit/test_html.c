/* test_html.c: the article intake: the news-page extractor (headline,
 * date, author, body without boilerplate) on the fixture pages written in
 * the shapes of common templates and on small pages made here; the html
 * and warc readers; gzip and zstd decompression, truncation and damage;
 * the form guess for the new forms. Run from the repository root (make
 * test does), where tests/cli/fixtures/ is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#include "intake/html.h"
#include "intake/intake.h"
#include "t.h"

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s (run from the repository root)\n", path);
        return NULL;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (len == cap)
            buf = realloc(buf, cap *= 2);
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    fclose(f);
    *n = len;
    return buf;
}

static int has(const char *hay, const char *needle)
{
    return hay && strstr(hay, needle) != NULL;
}

#define FIX "tests/cli/fixtures/"

/* Extract a fixture page; 0 if it could not be read. */
static int page(prl_html *h, const char *name, prl_html_page *pg)
{
    char path[256];
    size_t n;
    snprintf(path, sizeof path, FIX "html/%s", name);
    char *buf = slurp(path, &n);
    if (!buf)
        return 0;
    parley_status st = prl_html_extract(h, buf, n, NULL, pg);
    /* The page's strings live in h, not in buf. */
    memset(buf, 'x', n);
    free(buf);
    return st == PARLEY_OK;
}

static void test_wordpress(prl_html *h)
{
    prl_html_page pg;
    T_CHECK(page(h, "wordpress.html", &pg));
    T_STREQ(pg.title, "Kenya and Ethiopia sign trade pact");
    T_STREQ(pg.date, "20250402");       /* Yoast's JSON-LD @graph */
    T_STREQ(pg.author, "Amina Otieno");
    T_STREQ(pg.site, "Horn Dispatch");
    T_STREQ(pg.url, "https://horndispatch.example/2025/04/02/kenya-ethiopia-trade-pact/");
    T_CHECK(has(pg.text, "Kenya signed a trade agreement with Ethiopia in Nairobi"));
    T_CHECK(has(pg.text, "informal channels."));
    T_CHECK(pg.len == strlen(pg.text));
    /* Paragraphs are separated by a blank line. */
    T_CHECK(has(pg.text, "coffee.\n\nThe agreement"));
    /* No headline, byline, caption, share, related, comment, sidebar,
     * footer or cookie text; none of the script's strings. */
    T_CHECK(!has(pg.text, "sign trade pact"));
    T_CHECK(!has(pg.text, "Posted on"));
    T_CHECK(!has(pg.text, "Photo:"));
    T_CHECK(!has(pg.text, "Share this"));
    T_CHECK(!has(pg.text, "Twitter"));
    T_CHECK(!has(pg.text, "India accused"));
    T_CHECK(!has(pg.text, "Russia"));
    T_CHECK(!has(pg.text, "Leave a Reply"));
    T_CHECK(!has(pg.text, "Japan"));
    T_CHECK(!has(pg.text, "cookie"));
    T_CHECK(!has(pg.text, "Germany"));
    T_CHECK(!has(pg.text, "Tagged"));
}

static void test_news(prl_html *h)
{
    prl_html_page pg;
    T_CHECK(page(h, "news.html", &pg));
    T_STREQ(pg.title, "Japan and South Korea Agree to Resume Security Talks");
    T_STREQ(pg.date, "20250114");
    T_STREQ(pg.author, "Kenji Mori, Lee Soo-jin");
    T_STREQ(pg.site, "The Daily Ledger");
    T_STREQ(pg.url, "https://ledger.example/world/asia/2025/01/14/japan-korea-talks");
    /* &mdash; decoded. */
    T_CHECK(has(pg.text, "SEOUL \xE2\x80\x94 Japan and South Korea agreed on Tuesday"));
    T_CHECK(has(pg.text, "did not set a date for the first meeting."));
    T_CHECK(!has(pg.text, "Advertisement"));
    T_CHECK(!has(pg.text, "Read more"));
    T_CHECK(!has(pg.text, "newsletter"));
    T_CHECK(!has(pg.text, "Russia"));
    T_CHECK(!has(pg.text, "Photograph"));
    T_CHECK(!has(pg.text, "By Kenji"));
    T_CHECK(!has(pg.text, "Share on"));
    T_CHECK(!has(pg.text, "India"));
    T_CHECK(!has(pg.text, "Germany"));
    T_CHECK(!has(pg.text, "China"));
    T_CHECK(!has(pg.text, "Kenya"));
}

static void test_blog(prl_html *h)
{
    prl_html_page pg;
    T_CHECK(page(h, "blog.html", &pg));
    T_STREQ(pg.title, "Notes from Addis: Germany and Sudan");    /* <h1> */
    T_STREQ(pg.date, "20250220");                               /* <time> */
    T_STREQ(pg.author, "Tom Whitfield");                        /* rel=author */
    T_CHECK(pg.site == NULL && pg.url == NULL);
    /* <br><br> ends a paragraph, one <br> does not. */
    T_CHECK(has(pg.text, "this morning.\n\nThe German development minister"));
    T_CHECK(has(pg.text, "displaced families. Nobody at the caf\xC3\xA9 seemed surprised."));
    T_CHECK(!has(pg.text, "Labels"));
    T_CHECK(!has(pg.text, "Russia"));
    T_CHECK(!has(pg.text, "Older Posts"));
}

static void test_nobody_and_script(prl_html *h)
{
    prl_html_page pg;
    T_CHECK(page(h, "nobody.html", &pg));
    T_CHECK(pg.len == 0 && strcmp(pg.text, "") == 0);
    T_CHECK(page(h, "script-rendered.html", &pg));
    T_STREQ(pg.date, "20250203");
    T_STREQ(pg.author, "Priya Raman");
    T_STREQ(pg.text, "India accused China on Monday of building new military posts "
                     "near the disputed border in the Himalayas.\n\n"
                     "Chinese officials rejected the claims.");
}

static void test_charset(prl_html *h)
{
    prl_html_page pg;
    T_CHECK(page(h, "latin1.html", &pg));
    T_CHECK(has(pg.text, "minister\xE2\x80\x99s office said \xE2\x80\x93 a "
                         "\xE2\x80\x9chistoric\xE2\x80\x9d step for the caf\xC3\xA9 trade."));
    /* No charset anywhere and not UTF-8: windows-1252. */
    static const char nocs[] = "<p>Caf\xe9 \x93quoted\x94 text in a paragraph of a page "
                               "that names no charset at all.</p>";
    T_CHECK(prl_html_extract(h, nocs, sizeof nocs - 1, NULL, &pg) == PARLEY_OK);
    T_CHECK(has(pg.text, "Caf\xC3\xA9 \xE2\x80\x9cquoted\xE2\x80\x9d"));
    /* The HTTP charset wins over guessing; iconv for the rest. */
    static const char koi[] = "<p>\xf0\xd2\xc9\xd7\xc5\xd4 from a KOI8-R page, a greeting "
                              "in Russian as the paragraph starts.</p>";
    T_CHECK(prl_html_extract(h, koi, sizeof koi - 1, "koi8-r", &pg) == PARLEY_OK);
    T_CHECK(has(pg.text, "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 from"));
    /* Valid UTF-8 stays, whatever is declared. */
    static const char utf[] = "<meta charset=\"iso-8859-1\"><p>Caf\xC3\xA9 in UTF-8 though "
                              "the page says Latin-1, as many pages do.</p>";
    T_CHECK(prl_html_extract(h, utf, sizeof utf - 1, NULL, &pg) == PARLEY_OK);
    T_CHECK(has(pg.text, "Caf\xC3\xA9 in UTF-8"));
}

static void test_rules(prl_html *h)
{
    prl_html_page pg;
    /* <title> without its site suffix when nothing better is there; a
     * byline paragraph dropped; a sentence starting "By" kept; a
     * paragraph of links dropped; meta date before <time>. */
    static const char p1[] =
        "<html><head><title>Troops Leave the Valley | Valley Times</title>"
        "<meta name=\"pubdate\" content=\"2024-12-30\"></head><body>"
        "<div><p>By Jane Doe, Valley Times</p>"
        "<p>By Monday, the troops had left the valley and the roads were open again.</p>"
        "<p><a href=\"/1\">Troops</a> <a href=\"/2\">Valley</a> <a href=\"/3\">Roads</a></p>"
        "<p>Residents said the shops would open on Tuesday for the first time in weeks.</p>"
        "<header><time datetime=\"2020-01-01\">old</time></header></div></body></html>";
    T_CHECK(prl_html_extract(h, p1, sizeof p1 - 1, NULL, &pg) == PARLEY_OK);
    T_STREQ(pg.title, "Troops Leave the Valley");
    T_STREQ(pg.date, "20241230");
    T_STREQ(pg.text, "By Monday, the troops had left the valley and the roads were open again."
                     "\n\nResidents said the shops would open on Tuesday for the first time "
                     "in weeks.");
    /* A layout class that looks like boilerplate on the only wrapper:
     * the lenient pass still finds the text. */
    static const char p2[] =
        "<body><div class=\"sidebar-layout\"><p>The council voted to rebuild the bridge "
        "that the flood destroyed last spring.</p></div></body>";
    T_CHECK(prl_html_extract(h, p2, sizeof p2 - 1, NULL, &pg) == PARLEY_OK);
    T_CHECK(has(pg.text, "The council voted"));
    /* Comments and scripts never reach the text; an unterminated comment
     * swallows the rest, as in a browser. */
    static const char p3[] =
        "<p>Visible text of the article, long enough to be a paragraph.</p>"
        "<!-- <p>Hidden comment text.</p> --><script>document.write('<p>x</p>')</script>"
        "<p>More text<!-- never closed <p>gone</p>";
    T_CHECK(prl_html_extract(h, p3, sizeof p3 - 1, NULL, &pg) == PARLEY_OK);
    T_CHECK(has(pg.text, "Visible text"));
    T_CHECK(has(pg.text, "More text"));
    T_CHECK(!has(pg.text, "Hidden") && !has(pg.text, "gone") && !has(pg.text, "write"));
    /* Empty and hostile inputs. */
    T_CHECK(prl_html_extract(h, "", 0, NULL, &pg) == PARLEY_OK && pg.len == 0);
    T_CHECK(prl_html_extract(h, "<", 1, NULL, &pg) == PARLEY_OK && pg.len == 0);
    T_CHECK(prl_html_extract(h, "<script", 7, NULL, &pg) == PARLEY_OK && pg.len == 0);
    /* 200000 nested elements: the walks are iterative. */
    size_t depth = 200000, n = 0;
    char *deep = malloc(depth * 11 + 64);
    for (size_t i = 0; i < depth; i++) {
        memcpy(deep + n, i % 2 ? "<div>" : "<span>", i % 2 ? 5 : 6);
        n += i % 2 ? 5 : 6;
    }
    memcpy(deep + n, "<p>Deep text at the bottom of the page.</p>", 43);
    n += 43;
    T_CHECK(prl_html_extract(h, deep, n, NULL, &pg) == PARLEY_OK);
    free(deep);
}

/* ---- the readers ---------------------------------------------------- */

typedef struct got {
    int records, bad, fail;
    char ids[8][128];
    char last_err[256];
    int sources_ok;
} got;

static void read_all(FILE *f, prl_intake_format form, const char *name, got *g)
{
    memset(g, 0, sizeof *g);
    prl_intake in;
    if (prl_intake_open(&in, form, f, name, NULL) != PARLEY_OK) {
        g->fail = -1;
        return;
    }
    for (;;) {
        prl_record r;
        prl_intake_result res = prl_intake_next(&in, &r);
        if (res == PRL_INTAKE_END)
            break;
        if (res == PRL_INTAKE_FAIL) {
            g->fail++;
            snprintf(g->last_err, sizeof g->last_err, "%s", in.err);
            break;
        }
        if (res == PRL_INTAKE_BAD) {
            g->bad++;
            snprintf(g->last_err, sizeof g->last_err, "%s", in.err);
            continue;
        }
        if (g->records < 8)
            snprintf(g->ids[g->records], sizeof g->ids[0], "%s", r.id);
        g->records++;
        g->sources_ok += r.source != NULL;
    }
    prl_intake_close(&in);
}

static void test_readers(void)
{
    size_t n, gz_n;
    char *warc = slurp(FIX "warc/pages.warc", &n);
    char *gz = slurp(FIX "warc/pages.warc.gz", &gz_n);
    if (!warc || !gz) {
        T_CHECK(0);
        return;
    }
    got a, b;
    FILE *f = fmemopen(warc, n, "rb");
    read_all(f, PRL_INTAKE_GUESS, "pages", &a);     /* guessed from "WARC/1." */
    fclose(f);
    /* 5 pages: 4 documents and the page without text; the warcinfo,
     * request, image, redirect, metadata and revisit records are not
     * documents. */
    T_CHECK(a.records == 4 && a.bad == 1 && a.fail == 0);
    T_CHECK(a.sources_ok == 4);
    T_CHECK(has(a.last_err, "HTML page has no article text"));
    T_CHECK(has(a.last_err, "https://news.example/nobody"));
    f = fmemopen(gz, gz_n, "rb");
    read_all(f, PRL_INTAKE_GUESS, "pages.gz", &b);  /* gzip, then WARC */
    fclose(f);
    T_CHECK(b.records == 4 && b.bad == 1 && b.fail == 0);
    for (int i = 0; i < 4; i++)
        T_STREQ(b.ids[i], a.ids[i]);

    /* Truncated gzip: the records before the cut, a truncated record, then
     * the input fails naming the truncation. */
    f = fmemopen(gz, gz_n * 2 / 3, "rb");
    read_all(f, PRL_INTAKE_WARC, "cut.gz", &b);
    fclose(f);
    T_CHECK(b.records >= 1 && b.records < 4 && b.fail == 1);
    T_CHECK(has(b.last_err, "truncated gzip data"));
    /* Truncated plain WARC: the cut record is one bad record. */
    f = fmemopen(warc, n - 700, "rb");
    read_all(f, PRL_INTAKE_WARC, "cut", &b);
    fclose(f);
    T_CHECK(b.records == 3 && b.bad == 2 && b.fail == 0);   /* + the page without text */
    T_CHECK(has(b.last_err, "truncated WARC record"));
    /* Garbage before and between records: skipped to the next record. */
    size_t m = n + 64;
    char *junk = malloc(m);
    memcpy(junk, "garbage line\nmore garbage\n", 26);
    memcpy(junk + 26, warc, n);
    m = 26 + n;
    f = fmemopen(junk, m, "rb");
    read_all(f, PRL_INTAKE_WARC, "junk", &b);
    fclose(f);
    T_CHECK(b.records == 4 && b.bad == 2 && b.fail == 0);
    free(junk);

    /* zstd, made here. */
    size_t cap = ZSTD_compressBound(n);
    char *z = malloc(cap);
    size_t zn = ZSTD_compress(z, cap, warc, n, 3);
    T_CHECK(!ZSTD_isError(zn));
    f = fmemopen(z, zn, "rb");
    read_all(f, PRL_INTAKE_GUESS, "pages.warc.zst", &b);
    fclose(f);
    T_CHECK(b.records == 4 && b.bad == 1 && b.fail == 0);
    f = fmemopen(z, zn - 10, "rb");
    read_all(f, PRL_INTAKE_WARC, "cut.zst", &b);
    fclose(f);
    T_CHECK(b.fail == 1 && has(b.last_err, "truncated zstd data"));
    free(z);
    free(warc);
    free(gz);

    /* A gzip'd JSONL file, and a corrupt one: the damage is named. */
    static const char jl[] = "{\"id\":\"a\",\"text\":\"One.\",\"source\":\"Wire\"}\n"
                             "{\"id\":\"b\",\"text\":\"Two.\"}\n";
    unsigned char zb[256];
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    deflateInit2(&zs, 9, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY);
    zs.next_in = (Bytef *)jl;
    zs.avail_in = sizeof jl - 1;
    zs.next_out = zb;
    zs.avail_out = sizeof zb;
    deflate(&zs, Z_FINISH);
    size_t zbn = sizeof zb - zs.avail_out;
    deflateEnd(&zs);
    f = fmemopen(zb, zbn, "rb");
    read_all(f, PRL_INTAKE_GUESS, "a.jsonl.gz", &b);
    fclose(f);
    T_CHECK(b.records == 2 && b.fail == 0 && b.sources_ok == 1);
    zb[zbn - 6] ^= 0xff;        /* the CRC */
    f = fmemopen(zb, zbn, "rb");
    read_all(f, PRL_INTAKE_GUESS, "a.jsonl.gz", &b);
    fclose(f);
    T_CHECK(b.fail == 1 && has(b.last_err, "corrupt gzip data"));

    /* The html reader: one page per input; no text is a bad record. */
    static const char pg[] = "<!DOCTYPE html><title>T</title><p>Kenya signed a trade "
                             "agreement with Ethiopia in Nairobi.</p>";
    f = fmemopen((void *)pg, sizeof pg - 1, "rb");
    read_all(f, PRL_INTAKE_GUESS, "stdin", &b);
    fclose(f);
    T_CHECK(b.records == 1 && b.bad == 0);
    static const char empty[] = "<html><body><nav><a href=/>Home</a></nav></body></html>";
    f = fmemopen((void *)empty, sizeof empty - 1, "rb");
    read_all(f, PRL_INTAKE_HTML, "empty.html", &b);
    fclose(f);
    T_CHECK(b.records == 0 && b.bad == 1 && has(b.last_err, "no article text"));
    static const char bin[] = "<html>\n<p>x\0y</p>";
    f = fmemopen((void *)bin, sizeof bin - 1, "rb");
    read_all(f, PRL_INTAKE_HTML, "bin.html", &b);
    fclose(f);
    T_CHECK(b.bad == 1 && has(b.last_err, "binary input"));
}

static void test_guess(void)
{
    static const char text[] = "Plain prose.\n";
    static const char *const names[] = {"a.html", "a.HTM", "a.html.gz", "b.warc",
                                        "b.warc.gz", "c.jsonl.zst", "d.txt.gz"};
    static const prl_intake_format want[] = {PRL_INTAKE_HTML, PRL_INTAKE_HTML,
                                             PRL_INTAKE_HTML, PRL_INTAKE_WARC,
                                             PRL_INTAKE_WARC, PRL_INTAKE_JSONL,
                                             PRL_INTAKE_TEXT};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        prl_intake in;
        FILE *f = fmemopen((void *)text, sizeof text - 1, "rb");
        T_CHECK(prl_intake_open(&in, PRL_INTAKE_GUESS, f, names[i], NULL) == PARLEY_OK);
        T_CHECK(prl_intake_format_of(&in) == want[i]);
        prl_intake_close(&in);
        fclose(f);
    }
    static const char *const bodies[] = {"  <!doctype HTML><p>x", "<!-- c -->\n<html>",
                                         "WARC/1.1\r\n", "<Sentences>"};
    static const prl_intake_format bwant[] = {PRL_INTAKE_HTML, PRL_INTAKE_HTML,
                                              PRL_INTAKE_WARC, PRL_INTAKE_TEXT};
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        prl_intake in;
        FILE *f = fmemopen((void *)bodies[i], strlen(bodies[i]), "rb");
        T_CHECK(prl_intake_open(&in, PRL_INTAKE_GUESS, f, "stdin", NULL) == PARLEY_OK);
        T_CHECK(prl_intake_format_of(&in) == bwant[i]);
        prl_intake_close(&in);
        fclose(f);
    }
    T_CHECK(prl_intake_format_parse("html") == PRL_INTAKE_HTML);
    T_CHECK(prl_intake_format_parse("warc") == PRL_INTAKE_WARC);
    T_STREQ(prl_intake_format_name(PRL_INTAKE_WARC), "warc");
    /* Compressed PETRARCH XML is refused by name, with a reason. */
    prl_intake in;
    FILE *f = fmemopen((void *)text, sizeof text - 1, "rb");
    T_CHECK(prl_intake_open(&in, PRL_INTAKE_GUESS, f, "v.xml.gz", NULL) == PARLEY_EINVAL);
    T_CHECK(has(in.err, "decompress it first"));
    fclose(f);
}

int main(void)
{
    prl_html *h = NULL;
    T_CHECK(prl_html_new(NULL, &h) == PARLEY_OK);
    test_wordpress(h);
    test_news(h);
    test_blog(h);
    test_nobody_and_script(h);
    test_charset(h);
    test_rules(h);
    prl_html_free(h);
    test_readers();
    test_guess();
    return T_DONE();
}
