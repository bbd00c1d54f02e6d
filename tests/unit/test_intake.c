/* test_intake.c: the input readers (src/intake/): date normalisation, the
 * form guess, and each reader's records and errors on small inputs read
 * through fmemopen. */
#include <stdio.h>
#include <string.h>

#include "intake/intake.h"
#include "t.h"

/* Open an intake over a string. */
static FILE *open_str(const char *s, size_t n)
{
    return fmemopen((void *)s, n, "rb");
}

static void test_dates(void)
{
    char d[9];
    T_CHECK(prl_intake_date("20250305", 8, d) == 0);
    T_STREQ(d, "20250305");
    T_CHECK(prl_intake_date("2025-03-05", 10, d) == 0);
    T_STREQ(d, "20250305");
    T_CHECK(prl_intake_date("2025-03-05T14:00:00Z", 20, d) == 0);
    T_STREQ(d, "20250305");
    T_CHECK(prl_intake_date("2024-02-29", 10, d) == 0);
    T_CHECK(prl_intake_date("2025-02-29", 10, d) != 0);
    T_CHECK(prl_intake_date("2025-13-01", 10, d) != 0);
    T_CHECK(prl_intake_date("2025-03-05X", 11, d) != 0);
    T_CHECK(prl_intake_date("250305", 6, d) != 0);
    T_CHECK(prl_intake_tabari_date("000101", 6, d) == 0);
    T_STREQ(d, "20000101");
    T_CHECK(prl_intake_tabari_date("301231", 6, d) == 0);
    T_STREQ(d, "20301231");
    T_CHECK(prl_intake_tabari_date("880318", 6, d) == 0);
    T_STREQ(d, "19880318");
    T_CHECK(prl_intake_tabari_date("20250305", 8, d) == 0);
    T_CHECK(prl_intake_tabari_date("8803", 4, d) != 0);
}

static void test_guess(void)
{
    static const char json[] = "  \n{\"text\":\"x\"}\n";
    static const char text[] = "Plain prose.\n";
    prl_intake in;
    FILE *f = open_str(json, sizeof json - 1);
    T_CHECK(prl_intake_open(&in, PRL_INTAKE_GUESS, f, "stdin", NULL) == PARLEY_OK);
    T_CHECK(prl_intake_format_of(&in) == PRL_INTAKE_JSONL);
    prl_intake_close(&in);
    fclose(f);
    f = open_str(text, sizeof text - 1);
    T_CHECK(prl_intake_open(&in, PRL_INTAKE_GUESS, f, "story", NULL) == PARLEY_OK);
    T_CHECK(prl_intake_format_of(&in) == PRL_INTAKE_TEXT);
    prl_intake_close(&in);
    fclose(f);
    f = open_str(text, sizeof text - 1);
    T_CHECK(prl_intake_open(&in, PRL_INTAKE_GUESS, f, "a.JSONL", NULL) == PARLEY_OK);
    T_CHECK(prl_intake_format_of(&in) == PRL_INTAKE_JSONL);
    prl_intake_close(&in);
    fclose(f);
    T_CHECK(prl_intake_format_parse("tabari") == PRL_INTAKE_TABARI);
    T_CHECK(prl_intake_format_parse("docx") == -1);
}

static void test_jsonl(void)
{
    static const char in_text[] =
        "\xEF\xBB\xBF{\"id\":\"a\",\"date\":\"2025-03-05\",\"title\":\"T\",\"text\":\"Body.\",\"url\":\"u\"}\r\n"
        "\n"
        "{\"text\": \n"
        "{\"id\":7,\"date\":20250101,\"text\":\"x\"}\n"
        "{\"title\":\"no text\"}\n"
        "{\"text\":\"d\",\"date\":\"2025-02-30\"}\n"
        "[1]\n"
        "{\"text\":\"last\"}";
    prl_intake in;
    prl_record r;
    FILE *f = open_str(in_text, sizeof in_text - 1);
    T_CHECK(prl_intake_open(&in, PRL_INTAKE_JSONL, f, "x.jsonl", NULL) == PARLEY_OK);

    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_RECORD);
    T_STREQ(r.id, "a");
    T_STREQ(r.date, "20250305");
    T_STREQ(r.title, "T");
    T_STREQ(r.text, "Body.");
    T_CHECK(r.len == 5);
    T_STREQ(r.url, "u");
    T_CHECK(r.line == 1 && r.number == 1);

    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_BAD);
    T_CHECK(in.err_line == 3);
    T_CHECK(strncmp(in.err, "invalid JSON", 12) == 0);

    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_RECORD);
    T_STREQ(r.id, "7");
    T_STREQ(r.date, "20250101");
    T_CHECK(r.title == NULL && r.url == NULL);

    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_BAD);
    T_CHECK(in.err_line == 5);
    T_STREQ(in.err, "no \"text\" member");

    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_BAD);
    T_CHECK(in.err_line == 6);
    T_CHECK(strstr(in.err, "bad date") != NULL);

    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_BAD);
    T_STREQ(in.err, "not a JSON object");

    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_RECORD);
    T_STREQ(r.id, "x.jsonl:8");
    T_STREQ(r.text, "last");
    T_CHECK(r.date == NULL);
    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_END);
    T_CHECK(in.records == 7);
    prl_intake_close(&in);
    fclose(f);
}

static void test_lines_and_text(void)
{
    static const char src[] = "one\n\n  \ntw\0o\nthree";
    prl_intake in;
    prl_record r;
    FILE *f = open_str(src, sizeof src - 1);
    T_CHECK(prl_intake_open(&in, PRL_INTAKE_LINES, f, "l", NULL) == PARLEY_OK);
    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_RECORD);
    T_STREQ(r.id, "l:1");
    T_STREQ(r.text, "one");
    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_BAD);
    T_CHECK(in.err_line == 4 && in.err_col == 3);
    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_RECORD);
    T_STREQ(r.id, "l:5");
    T_STREQ(r.text, "three");
    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_END);
    prl_intake_close(&in);
    fclose(f);

    static const char story[] = "Line one.\nLine two.\n";
    f = open_str(story, sizeof story - 1);
    T_CHECK(prl_intake_open(&in, PRL_INTAKE_TEXT, f, "s", NULL) == PARLEY_OK);
    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_RECORD);
    T_CHECK(r.len == sizeof story - 1);
    T_STREQ(r.id, "s:1");
    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_END);
    prl_intake_close(&in);
    fclose(f);
}

static void test_tabari(void)
{
    static const char src[] =
        "# comment\n"
        "still comment\n"
        "\n"
        "000101 AFPN 0003-01\n"
        "First line\n"
        "second line.\n"
        "\n"
        "\n"
        "99x101 bad\n"
        "text\n"
        "  \t\n"
        "880318\n"
        "Last.";
    prl_intake in;
    prl_record r;
    FILE *f = open_str(src, sizeof src - 1);
    T_CHECK(prl_intake_open(&in, PRL_INTAKE_TABARI, f, "t", NULL) == PARLEY_OK);
    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_RECORD);
    T_STREQ(r.id, "AFPN 0003-01");
    T_STREQ(r.date, "20000101");
    T_STREQ(r.text, "First line second line.");
    T_CHECK(r.line == 4);
    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_BAD);
    T_CHECK(in.err_line == 9 && in.err_col == 1);
    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_RECORD);
    T_STREQ(r.id, "t:12");
    T_STREQ(r.date, "19880318");
    T_STREQ(r.text, "Last.");
    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_END);
    prl_intake_close(&in);
    fclose(f);
}

int main(void)
{
    test_dates();
    test_guess();
    test_jsonl();
    test_lines_and_text();
    test_tabari();
    return T_DONE();
}
