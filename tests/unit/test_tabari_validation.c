/* test_tabari_validation.c: the TABARI validation readers: comments kept
 * apart from a record's text by the tabari intake, the validation fields
 * in them, .options command lines and .project lines. */
#include <stdio.h>
#include <string.h>

#include "intake/intake.h"
#include "intake/tabari_validation.h"
#include "t.h"

static FILE *open_str(const char *s, size_t n)
{
    return fmemopen((void *)s, n, "rb");
}

static void test_comments(void)
{
    static const char src[] =
        "950103 DEMO-04\n"
        "Gondor accused /* not this */ Mordor\n"
        "\\n of treachery.\n"
        "/*\\n-----\n"
        "\\n{ GON / MOR / 112 } */ today.\n"
        "\n"
        "950104 DEMO-05\n"
        "Rohan praised Dale. /* { ROH / DAL / 051 }\n"
        "\n"
        "950105 DEMO-06\n"
        "No comment at all here.\n";
    prl_intake in;
    prl_record r;
    size_t n;
    unsigned first;
    FILE *f = open_str(src, sizeof src - 1);
    T_CHECK(prl_intake_open(&in, PRL_INTAKE_TABARI, f, "v", NULL) == PARLEY_OK);
    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_RECORD);
    T_STREQ(r.id, "DEMO-04");
    /* Comment text is not coded; the line-break mark is dropped. */
    T_STREQ(r.text, "Gondor accused Mordor of treachery. today.");
    const char *c = prl_intake_tabari_comments(&in, &n, &first);
    T_CHECK(first == 2);
    /* Lines and columns as in the file: the rest blanked. */
    T_STREQ(c, "                  not this          \n"
               "                \n"
               "  \\n-----\n"
               "\\n{ GON / MOR / 112 }          \n");
    T_CHECK(n == strlen(c));

    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_BAD);
    T_CHECK(in.err_line == 8 && in.err_col == 21);
    T_CHECK(strstr(in.err, "unterminated comment") != NULL);

    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_RECORD);
    T_STREQ(r.text, "No comment at all here.");
    c = prl_intake_tabari_comments(&in, &n, &first);
    T_STREQ(c, "                       \n");
    T_CHECK(first == 11);
    T_CHECK(prl_intake_next(&in, &r) == PRL_INTAKE_END);
    prl_intake_close(&in);
    fclose(f);
}

static void test_fields(void)
{
    static const char c[] =
        "\\n[Paired events]\n"
        "\\n{ DAG / GON / 032 }\n"
        "\\n{GON/DAG/033}  {- - -} {---}{###} { + + + }\n"
        "-{ anything { at all } -{ X / Y / Z }\n"
        "{ option : COMMA: OFF } {OPTION:}\n"
        "{ A / B / 010 / ATT } { A / B } { A / / 010 } {}\n"
        "{ A /\n"
        "\\n B / 020 } { unclosed";
    prl_tv tv;
    prl_tv_init(&tv, NULL);
    T_CHECK(prl_tv_parse(&tv, c, sizeof c - 1, 10) == PARLEY_OK);
    T_CHECK(tv.fields.len == 10);
    prl_tv_field *f = PRL_TV_FIELD(&tv, 0);
    T_CHECK(f->kind == PRL_TV_EVENT && f->line == 11 && f->col == 3);
    T_STREQ(f->source, "DAG");
    T_STREQ(f->target, "GON");
    T_STREQ(f->code, "032");
    T_CHECK(f->attribution == NULL);
    f = PRL_TV_FIELD(&tv, 1);
    T_CHECK(f->kind == PRL_TV_EVENT && f->line == 12);
    T_STREQ(f->code, "033");
    T_CHECK(PRL_TV_FIELD(&tv, 2)->kind == PRL_TV_NONE);
    T_CHECK(PRL_TV_FIELD(&tv, 3)->kind == PRL_TV_NONE);
    T_CHECK(PRL_TV_FIELD(&tv, 4)->kind == PRL_TV_DISCARD);
    T_CHECK(PRL_TV_FIELD(&tv, 5)->kind == PRL_TV_COMPLEX);
    /* "-{ anything { at all }": an inner '{' is an error, then "{ at all }"
     * is not a field either; "-{ X / Y / Z }" is unchecked. */
    T_CHECK(PRL_TV_FIELD(&tv, 6)->kind == PRL_TV_UNCHECKED);
    T_CHECK(PRL_TV_FIELD(&tv, 6)->line == 13 && PRL_TV_FIELD(&tv, 6)->col == 25);
    f = PRL_TV_FIELD(&tv, 7);
    T_CHECK(f->kind == PRL_TV_OPTION);
    T_STREQ(f->option, "COMMA: OFF");
    f = PRL_TV_FIELD(&tv, 8);
    T_CHECK(f->kind == PRL_TV_EVENT);
    T_STREQ(f->attribution, "ATT");
    f = PRL_TV_FIELD(&tv, 9);
    T_CHECK(f->kind == PRL_TV_EVENT && f->line == 16);
    T_STREQ(f->source, "A");
    T_STREQ(f->target, "B");
    T_STREQ(f->code, "020");
    T_CHECK(tv.n_brackets == 17);

    T_CHECK(tv.errors.len == 7);
    prl_tv_error *e = PRL_TV_ERROR(&tv, 0);
    T_CHECK(e->line == 13 && e->col == 2);
    T_STREQ(e->msg, "'{' inside a validation field");
    e = PRL_TV_ERROR(&tv, 1);
    T_CHECK(e->line == 13 && e->col == 13);
    T_CHECK(strncmp(e->msg, "{ at all }: not a validation field", 34) == 0);
    e = PRL_TV_ERROR(&tv, 2);
    T_CHECK(e->line == 14 && e->col == 25);
    T_STREQ(e->msg, "{OPTION:}: {OPTION:} without a command");
    T_CHECK(PRL_TV_ERROR(&tv, 3)->line == 15 && PRL_TV_ERROR(&tv, 3)->col == 23);
    T_CHECK(strncmp(PRL_TV_ERROR(&tv, 4)->msg, "{ A / / 010 }: empty code", 25) == 0);
    T_CHECK(strncmp(PRL_TV_ERROR(&tv, 5)->msg, "{}: empty", 9) == 0);
    e = PRL_TV_ERROR(&tv, 6);
    T_CHECK(e->line == 17 && e->col == 14);
    T_STREQ(e->msg, "validation field has no closing '}'");

    /* A comment without brackets has no fields: the run stops there. */
    T_CHECK(prl_tv_parse(&tv, " just words ", 12, 1) == PARLEY_OK);
    T_CHECK(tv.n_brackets == 0 && tv.fields.len == 0 && tv.errors.len == 0);
    T_CHECK(prl_tv_parse(&tv, "", 0, 0) == PARLEY_OK);
    T_CHECK(tv.n_brackets == 0);
    prl_tv_free(&tv);
}

static int setting(const prl_to_command *c, const char *opt)
{
    for (unsigned i = 0; i < c->n_set; i++)
        if (strcmp(c->set[i].option, opt) == 0)
            return c->set[i].value;
    return -1;
}

static void test_options(void)
{
    prl_to_command c;
    const char *s = "COMMA: MIN = 1 MAX=8 EMIN=3  EMAX = 10 BMIN = 128 BMAX=0 # comment";
    prl_to_parse(s, strlen(s), &c);
    T_CHECK(!c.blank && c.unsupported[0] == '\0');
    T_STREQ(c.name, "COMMA");
    T_CHECK(c.n_set == 6);
    T_CHECK(setting(&c, "comma_min") == 1 && setting(&c, "comma_max") == 8);
    T_CHECK(setting(&c, "comma_emin") == 3 && setting(&c, "comma_emax") == 10);
    T_CHECK(setting(&c, "comma_bmin") == 128 && setting(&c, "comma_bmax") == 0);
    s = "comm: off";
    prl_to_parse(s, strlen(s), &c);
    T_CHECK(c.n_set == 3 && setting(&c, "comma_max") == 0 && setting(&c, "comma_bmax") == 0 &&
            setting(&c, "comma_emax") == 0);
    s = "COMMA: MIN = 2 WIDTH = 4";
    prl_to_parse(s, strlen(s), &c);
    T_CHECK(setting(&c, "comma_min") == 2);
    T_CHECK(strstr(c.unsupported, "cannot read \"WIDTH\"") != NULL);
    s = "SET: MINIMUM WORDS = 5";
    prl_to_parse(s, strlen(s), &c);
    T_STREQ(c.name, "SET: MINIMUM WORDS");
    T_CHECK(c.n_set == 0 && strstr(c.unsupported, "not applied") != NULL);
    s = "COMPLEX: VERBS[5] CONJ[4] EXPLAIN";
    prl_to_parse(s, strlen(s), &c);
    T_STREQ(c.name, "COMPLEX");
    T_CHECK(c.n_set == 0 && c.unsupported[0]);
    s = "   // COMMA: OFF";
    prl_to_parse(s, strlen(s), &c);
    T_CHECK(c.blank && c.n_set == 0);
    prl_to_parse("\n", 1, &c);
    T_CHECK(c.blank);
}

static void test_project(void)
{
    prl_tp_line l;
    const char *s = "<actorfile> international.actors";
    T_CHECK(prl_tp_parse_line(s, strlen(s), &l) == PRL_TP_ACTORS);
    T_CHECK(l.value_len == 20 && strncmp(l.value, "international.actors", 20) == 0);
    s = "<actorsfile>WAFR.actors";
    T_CHECK(prl_tp_parse_line(s, strlen(s), &l) == PRL_TP_ACTORS);
    T_CHECK(l.value_len == 11);
    s = "<AGENTFILE> generic.agents </agentfile> the generic ones";
    T_CHECK(prl_tp_parse_line(s, strlen(s), &l) == PRL_TP_AGENTS);
    T_CHECK(l.value_len == 14 && strncmp(l.value, "generic.agents", 14) == 0);
    s = "<verbsfile> BALK.VERBS";
    T_CHECK(prl_tp_parse_line(s, strlen(s), &l) == PRL_TP_VERBS);
    s = "<optionsfile>CAMEO.OPTIONS";
    T_CHECK(prl_tp_parse_line(s, strlen(s), &l) == PRL_TP_OPTIONS);
    s = "<issuesfile> x.issues";
    T_CHECK(prl_tp_parse_line(s, strlen(s), &l) == PRL_TP_ISSUES);
    s = "<textfile TYPE=\"XML\"> records.xml";
    T_CHECK(prl_tp_parse_line(s, strlen(s), &l) == PRL_TP_TEXT);
    T_CHECK(l.xml == 1 && l.tag_len == 8);
    s = "<textfile> WAFR.1991.text";
    T_CHECK(prl_tp_parse_line(s, strlen(s), &l) == PRL_TP_TEXT && l.xml == 0);
    s = "<system> rm -rf somewhere";
    T_CHECK(prl_tp_parse_line(s, strlen(s), &l) == PRL_TP_SYSTEM);
    s = "<eventfile> WAFR.evts";
    T_CHECK(prl_tp_parse_line(s, strlen(s), &l) == PRL_TP_IGNORED);
    s = "# <actorfile> commented.actors";
    T_CHECK(prl_tp_parse_line(s, strlen(s), &l) == PRL_TP_IGNORED);
    s = " <actorfile> indented.actors";
    T_CHECK(prl_tp_parse_line(s, strlen(s), &l) == PRL_TP_IGNORED);
    s = "<actorfile no.actors";
    T_CHECK(prl_tp_parse_line(s, strlen(s), &l) == PRL_TP_BAD);
    T_CHECK(prl_tp_parse_line("", 0, &l) == PRL_TP_IGNORED);
}

int main(void)
{
    test_comments();
    test_fields();
    test_options();
    test_project();
    return T_DONE();
}
