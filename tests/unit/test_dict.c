/* test_dict.c: the dictionary readers (verbs P1/TABARI, actors, agents,
 * discards, issues), kind guessing and the builder, on small inline
 * dictionaries; then every peer dictionary in ../shared when present. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "dict/lex.h"

/* ---- diagnostics capture ---------------------------------------------- */

typedef struct diagrec {
    unsigned line, col;
    char msg[256];
} diagrec;

typedef struct cap {
    diagrec r[64];
    unsigned n;
    int print;
} cap;

static void capture(void *ud, const char *file, unsigned line, unsigned col,
                    const char *msg)
{
    cap *c = ud;
    if (c->print)
        fprintf(stderr, "  diag: %s:%u:%u: %s\n", file ? file : "-", line, col, msg);
    if (c->n < 64) {
        c->r[c->n].line = line;
        c->r[c->n].col = col;
        snprintf(c->r[c->n].msg, sizeof c->r[c->n].msg, "%s", msg);
    }
    c->n++;
}

typedef struct fixture {
    cap c;
    prl_diag d;
    prl_model m;
} fixture;

typedef parley_status (*reader_fn)(prl_model *, const char *, const char *, size_t);

static parley_status load(fixture *f, reader_fn fn, const char *name, const char *text)
{
    memset(f, 0, sizeof *f);
    f->d.fn = capture;
    f->d.ud = &f->c;
    prl_model_init(&f->m, NULL, &f->d);
    return fn(&f->m, name, text, strlen(text));
}

static int has_diag(const fixture *f, unsigned line, unsigned col, const char *needle)
{
    for (unsigned i = 0; i < f->c.n && i < 64; i++)
        if (f->c.r[i].line == line && (col == 0 || f->c.r[i].col == col) &&
            strstr(f->c.r[i].msg, needle))
            return 1;
    fprintf(stderr, "  no diagnostic %u:%u '%s'; have:\n", line, col, needle);
    for (unsigned i = 0; i < f->c.n && i < 64; i++)
        fprintf(stderr, "    %u:%u %s\n", f->c.r[i].line, f->c.r[i].col, f->c.r[i].msg);
    return 0;
}

/* Words of a phrase as text: '_' between joined words, ' ' otherwise, '~'
 * after stems, tokens as their symbols. */
static const char *ph(const prl_model *m, const prl_phrase *p)
{
    static char buf[4][512];
    static int k;
    char *s = buf[k++ & 3];
    size_t n = 0;
    s[0] = 0;
    for (uint32_t i = 0; i < p->n && n < 480; i++) {
        const prl_dword *w = &p->w[i];
        const char *t = "?";
        char one[2] = { 0, 0 };
        switch (w->kind) {
        case PRL_W_WORD: t = w->text; break;
        case PRL_W_SYNSET:
            n += (size_t)snprintf(s + n, 512 - n, "&");
            t = PRL_VEC_AT(&m->synsets, prl_synset, w->synset).name;
            break;
        case PRL_W_VERB: one[0] = '*'; t = one; break;
        case PRL_W_SOURCE: one[0] = '$'; t = one; break;
        case PRL_W_TARGET: one[0] = '+'; t = one; break;
        case PRL_W_COMPOUND: one[0] = '%'; t = one; break;
        case PRL_W_SKIP: one[0] = '^'; t = one; break;
        default: break;
        }
        n += (size_t)snprintf(s + n, 512 - n, "%s%s%s", t, w->stem ? "~" : "",
                              i + 1 < p->n ? (w->joined ? "_" : " ") : "");
    }
    return s;
}

#define ACTOR(f, i) (&PRL_VEC_AT(&(f)->m.actors, prl_actor, i))
#define AGENT(f, i) (&PRL_VEC_AT(&(f)->m.agents, prl_agent, i))
#define DISCARD(f, i) (&PRL_VEC_AT(&(f)->m.discards, prl_discard, i))
#define ISSUE(f, i) (&PRL_VEC_AT(&(f)->m.issues, prl_issue, i))
#define SYNSET(f, i) (&PRL_VEC_AT(&(f)->m.synsets, prl_synset, i))
#define BLOCK(f, i) (&PRL_VEC_AT(&(f)->m.verbs, prl_verb_block, i))

static const prl_synset *find_synset(fixture *f, const char *name)
{
    for (size_t i = 0; i < f->m.synsets.len; i++)
        if (strcmp(SYNSET(f, i)->name, name) == 0)
            return SYNSET(f, i);
    return NULL;
}

static const prl_verb_form *find_form(const fixture *f, const prl_verb_block *b,
                                      const char *text)
{
    for (uint32_t i = 0; i < b->n_forms; i++)
        if (strcmp(ph(&f->m, &b->forms[i].words), text) == 0)
            return &b->forms[i];
    return NULL;
}

/* ---- comments ---------------------------------------------------------- */

static void test_comments(void)
{
    fixture f;
    const char *text =
        "# a comment line\n"
        "<!-- a comment\n"
        "   FAKE [XXX] spanning lines -->\n"
        "<! -- PETRARCH skips any line starting with <! -->\n"
        "\n"
        "   \t  \n"
        "ALPHA [AAA] # trailing comment [ZZZ]\n"
        "BETA [BBB] ; TABARI comment\n"
        "GAMMA <!-- inline --> DELTA [GD]\n"
        "NASGUL [###] # '#' inside [...] is part of the code\n";
    T_CHECK(load(&f, prl_read_actors, "c.txt", text) == PARLEY_OK);
    T_CHECK(f.c.n == 0);
    T_CHECK(f.m.actors.len == 4);
    T_STREQ(ph(&f.m, &ACTOR(&f, 0)->names[0]), "ALPHA");
    T_CHECK(ACTOR(&f, 0)->n_codes == 1);
    T_STREQ(ACTOR(&f, 0)->codes[0].code, "AAA");
    T_CHECK(ACTOR(&f, 0)->at.line == 7);
    T_STREQ(ACTOR(&f, 1)->codes[0].code, "BBB");
    T_STREQ(ph(&f.m, &ACTOR(&f, 2)->names[0]), "GAMMA DELTA");
    T_STREQ(ACTOR(&f, 3)->codes[0].code, "###");
    prl_model_free(&f.m);

    /* An unterminated comment is reported where it starts. */
    T_CHECK(load(&f, prl_read_discards, "u.txt", "FOO\n  <!-- never closed\nBAR\n") == PARLEY_OK);
    T_CHECK(f.m.errors == 1 && has_diag(&f, 2, 3, "unterminated"));
    T_CHECK(f.m.discards.len == 1);
    prl_model_free(&f.m);

    /* ~FINISH ends a TABARI file. */
    T_CHECK(load(&f, prl_read_discards, "u.txt", "FOO\n~FINISH\nBAR\n") == PARLEY_OK);
    T_CHECK(f.m.discards.len == 1);
    prl_model_free(&f.m);
}

/* ---- actors ------------------------------------------------------------ */

static void test_actors(void)
{
    fixture f;
    const char *text =
        "AFGHANISTAN_  [AFG]\n"                                 /* 1 */
        "+AFGHAN_ \n"
        "+kabul\n"
        "PRESIDENT HOSNI MURBARAK [EGYGOV]\n"                   /* 4 */
        "GOLLUM  # pas 27 Apr 03\n"                             /* 5 */
        "+SMEAGOL\n"
        "\t[HOB < 950601]\n"
        "\t[HOBGOV 19950601 - 19990815]\n"
        "\t[HOBREB > 990816]\n"
        "JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# x\n" /* 10 */
        "U.N._\n"                                               /* 11 */
        "THE_SHIRE  [FRO/BIL/SAM]\n"
        "PALESTINIAN [pse]\n"
        "CENTURY [A <300101] [B >310101]\n"                     /* 14 */
        "ENT\n"
        "\t[ENT]\n"
        "\tJOHN_MCCLOY_\t[IGO 470301-490630]\n";                /* 17 */
    T_CHECK(load(&f, prl_read_actors, "Phoenix.test.actors.txt", text) == PARLEY_OK);
    T_CHECK(f.c.n == 0);
    T_CHECK(f.m.actors.len == 10);
    prl_actor *a = ACTOR(&f, 0);
    T_CHECK(a->n_names == 3 && a->n_codes == 1);
    T_STREQ(ph(&f.m, &a->names[0]), "AFGHANISTAN");
    T_STREQ(ph(&f.m, &a->names[1]), "AFGHAN");
    T_STREQ(ph(&f.m, &a->names[2]), "KABUL");
    T_CHECK(a->codes[0].from == 0 && a->codes[0].to == 0);
    T_CHECK(a->at.line == 1);
    /* PETRARCH files: every word exact; a blank allows a gap, as in TABARI
     * phrases and PETRARCH agents ("Ithilen state-run television"). */
    T_STREQ(ph(&f.m, &ACTOR(&f, 1)->names[0]), "PRESIDENT HOSNI MURBARAK");
    a = ACTOR(&f, 2);
    T_CHECK(a->n_names == 2 && a->n_codes == 3);
    T_STREQ(a->codes[0].code, "HOB");
    T_CHECK(a->codes[0].from == 0 && a->codes[0].to == 19950601);
    T_STREQ(a->codes[1].code, "HOBGOV");
    T_CHECK(a->codes[1].from == 19950601 && a->codes[1].to == 19990815);
    T_CHECK(a->codes[2].from == 19990816 && a->codes[2].to == 0);
    a = ACTOR(&f, 3);
    T_CHECK(a->n_codes == 2);
    T_CHECK(a->codes[0].from == 19820101 && a->codes[0].to == 19911231);
    T_STREQ(a->codes[1].code, "ELI");
    T_CHECK(ACTOR(&f, 4)->n_codes == 0);
    T_STREQ(ph(&f.m, &ACTOR(&f, 4)->names[0]), "U.N.");
    T_STREQ(ACTOR(&f, 5)->codes[0].code, "FRO/BIL/SAM");
    T_STREQ(ACTOR(&f, 6)->codes[0].code, "PSE");
    a = ACTOR(&f, 7);   /* TABARI century rule: 00-30 -> 20xx */
    T_CHECK(a->codes[0].to == 20300101 && a->codes[1].from == 19310101);
    T_CHECK(ACTOR(&f, 8)->n_codes == 1);
    T_STREQ(ACTOR(&f, 8)->codes[0].code, "ENT");
    /* An indented line that is not a code starts a new entry. */
    T_STREQ(ph(&f.m, &ACTOR(&f, 9)->names[0]), "JOHN_MCCLOY");
    T_CHECK(ACTOR(&f, 9)->at.line == 17);
    prl_model_free(&f.m);
}

static void test_actor_stems(void)
{
    fixture f;
    const char *text =
        "# parley: stems\n"
        "ARGENTIN  [ARG]\n"
        "ARNOR_  [ARN]\n"
        "HAMAS WING [PSEHMSBRD]\n"
        "ITHILEN_GOVERNMENT_RADIO_  [ITHRAD]\n";
    T_CHECK(load(&f, prl_read_actors, "x.txt", text) == PARLEY_OK);
    T_CHECK(f.m.actors.len == 4);
    const prl_dword *w = ACTOR(&f, 0)->names[0].w;
    T_CHECK(w[0].stem == 1);
    T_CHECK(ACTOR(&f, 1)->names[0].w[0].stem == 0);
    T_STREQ(ph(&f.m, &ACTOR(&f, 2)->names[0]), "HAMAS~ WING~");
    T_STREQ(ph(&f.m, &ACTOR(&f, 3)->names[0]), "ITHILEN_GOVERNMENT_RADIO");
    prl_model_free(&f.m);

    /* PETRARCH's validation dictionaries are read as PETRARCH reads them,
     * whole words; TABARI's own file names (.actors, .verbs) stem. */
    T_CHECK(!prl_lex_file_stems("../x/PETR.Validate.actors.txt", "", 0));
    T_CHECK(!prl_lex_file_stems("Phoenix.Countries.actors.txt", "", 0));
    T_CHECK(prl_lex_file_stems("CAMEO.091003.actors", "", 0));
}

static void test_actor_errors(void)
{
    fixture f;
    const char *text =
        "ARMENIA [ARM]\n"                                   /* 1 */
        "\t[ARMUNR 9008223-911221]\n"                       /* 2: bad date */
        "\t[950601-990815]\n"                               /* 3: no code */
        "\t[AAA950601-990815]\n"                            /* 4 */
        "\t[EGYGOV 20121207-20120802]\n"                    /* 5 */
        "\t[MNEGOV 20121204]\n"                             /* 6 */
        "\t[ARMGOV 19991301-20000101]\n"                    /* 7: month */
        "BROKEN [ABC\n"                                     /* 8 */
        "[XYZ]\n"                                           /* 9: code line */
        "+ALSO_BROKEN\n"                                    /* 10 */
        "ACME_CORP_\t[MNC]\tNewspapers\t$137,000,000\n"      /* 11: warning */
        "FINE [FIN]\n";                                     /* 12 */
    T_CHECK(load(&f, prl_read_actors, "e.txt", text) == PARLEY_OK);
    T_CHECK(has_diag(&f, 2, 10, "bad date '9008223'"));
    T_CHECK(has_diag(&f, 3, 3, "without an actor code"));
    T_CHECK(has_diag(&f, 4, 3, "malformed actor code"));
    T_CHECK(has_diag(&f, 5, 3, "ends before it starts"));
    T_CHECK(has_diag(&f, 6, 18, "expected '-'"));
    T_CHECK(has_diag(&f, 7, 10, "out of range"));
    T_CHECK(has_diag(&f, 8, 8, "missing ']'"));
    T_CHECK(has_diag(&f, 11, 18, "warning: text after the actor code ignored"));
    T_CHECK(f.m.errors == 7);       /* the warning is not an error */
    /* The reader went on: ARMENIA kept its good code, BROKEN its lines. */
    T_CHECK(f.m.actors.len == 4);
    T_CHECK(ACTOR(&f, 0)->n_codes == 1);
    T_CHECK(ACTOR(&f, 1)->n_names == 2 && ACTOR(&f, 1)->n_codes == 1);
    T_STREQ(ACTOR(&f, 1)->codes[0].code, "XYZ");
    T_STREQ(ACTOR(&f, 2)->codes[0].code, "MNC");
    T_STREQ(ph(&f.m, &ACTOR(&f, 3)->names[0]), "FINE");
    prl_model_free(&f.m);

    /* Strict mode stops at the first malformed line. */
    memset(&f, 0, sizeof f);
    f.d.fn = capture;
    f.d.ud = &f.c;
    prl_model_init(&f.m, NULL, &f.d);
    f.m.strict = 1;
    T_CHECK(prl_read_actors(&f.m, "s.txt", text, strlen(text)) == PARLEY_EDICT);
    T_CHECK(f.m.errors == 1 && f.c.n == 1);
    prl_model_free(&f.m);

    T_CHECK(load(&f, prl_read_actors, "e.txt", "+ORPHAN\n\t[ABC]\n") == PARLEY_OK);
    T_CHECK(has_diag(&f, 1, 1, "before any actor") && has_diag(&f, 2, 2, "before any actor"));
    prl_model_free(&f.m);
}

/* ---- agents ------------------------------------------------------------ */

static void test_agents(void)
{
    fixture f;
    const char *text =
        "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n"
        "!MINST! = MINISTER , MINISTRY\n"
        "PRESIDENT [~GOVPRS] # ns 6/26/01\n"                   /* 0 */
        "HUMAN_RIGHTS_BODY  [NGO~]\n"                          /* 1 */
        "POLICE {} [ ~COP]\n"                                  /* 2 */
        "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"        /* 3 */
        "CONGRESS [~LEG]\n"                                    /* 4 */
        "CONGRESS!PERSON! [~LEG]\n"                            /* 5 */
        "!MINST!_OF_SILLY_WALKS [~GOV]\n"                      /* 6 */
        "SECURITY SERVICE [~GOV]\n"                            /* 7 */
        "CHAIRMAN [~GOV]\n"                                    /* 8 */
        "ATTORNEY [~JUD]\n"                                    /* 9 */
        "CHURCH [~REL]\n"                                      /* 10 */
        "ARMED_FORCES [~MIL]\n"                                /* 11 */
        "HUSBAND!PERSON![~AGR]\n";                             /* 12 */
    T_CHECK(load(&f, prl_read_agents, "a.txt", text) == PARLEY_OK);
    T_CHECK(f.c.n == 0);
    T_CHECK(f.m.agents.len == 13);
    prl_agent *g = AGENT(&f, 0);
    T_STREQ(g->code, "GOVPRS");
    T_CHECK(g->pos == PRL_AGENT_SUFFIX && g->n_names == 2);
    T_STREQ(ph(&f.m, &g->names[1]), "PRESIDENTS");
    g = AGENT(&f, 1);
    T_STREQ(g->code, "NGO");
    T_CHECK(g->pos == PRL_AGENT_PREFIX);
    T_STREQ(ph(&f.m, &g->names[1]), "HUMAN_RIGHTS_BODIES");
    T_CHECK(AGENT(&f, 2)->n_names == 1);
    T_STREQ(AGENT(&f, 2)->code, "COP");
    g = AGENT(&f, 3);
    T_CHECK(g->n_names == 2);
    T_STREQ(ph(&f.m, &g->names[1]), "ATTORNEYS_GENERAL");
    T_STREQ(ph(&f.m, &AGENT(&f, 4)->names[1]), "CONGRESSES");
    g = AGENT(&f, 5);
    T_CHECK(g->n_names == 5);
    T_STREQ(ph(&f.m, &g->names[0]), "CONGRESSMAN");
    T_STREQ(ph(&f.m, &g->names[3]), "CONGRESSWOMEN");
    T_STREQ(ph(&f.m, &g->names[4]), "CONGRESSPERSON");
    g = AGENT(&f, 6);
    T_CHECK(g->n_names == 2);
    T_STREQ(ph(&f.m, &g->names[0]), "MINISTER_OF_SILLY_WALKS");
    T_STREQ(ph(&f.m, &g->names[1]), "MINISTRY_OF_SILLY_WALKS");
    /* Agents: a blank lets other words come between. */
    T_STREQ(ph(&f.m, &AGENT(&f, 7)->names[0]), "SECURITY SERVICE");
    T_STREQ(ph(&f.m, &AGENT(&f, 7)->names[1]), "SECURITY SERVICES");
    T_STREQ(ph(&f.m, &AGENT(&f, 8)->names[1]), "CHAIRMEN");
    T_STREQ(ph(&f.m, &AGENT(&f, 9)->names[1]), "ATTORNEYS");
    T_STREQ(ph(&f.m, &AGENT(&f, 10)->names[1]), "CHURCHES");
    T_CHECK(AGENT(&f, 11)->n_names == 1);     /* already plural */
    T_CHECK(AGENT(&f, 12)->n_names == 5);
    T_CHECK(AGENT(&f, 12)->at.line == 15);
    prl_model_free(&f.m);

    const char *bad =
        "FOO [GOV]\n"               /* 1: no tilde */
        "BAR\n"                     /* 2: no code */
        "!UNDEF!_X [~A]\n"          /* 3 */
        "DEPT [~ENV}\n"             /* 4 */
        "!S! = A,\n"                /* 5: empty value */
        "OK_ONE [~OK]\n";
    T_CHECK(load(&f, prl_read_agents, "b.txt", bad) == PARLEY_OK);
    T_CHECK(has_diag(&f, 1, 6, "needs one '~'"));
    T_CHECK(has_diag(&f, 2, 4, "agent has no code"));
    T_CHECK(has_diag(&f, 3, 1, "'!UNDEF!' is not defined"));
    T_CHECK(has_diag(&f, 4, 6, "missing ']'"));
    T_CHECK(has_diag(&f, 5, 9, "empty value"));
    T_CHECK(f.m.errors == 5 && f.m.agents.len == 1);
    prl_model_free(&f.m);
}

/* ---- discards ---------------------------------------------------------- */

static void test_discards(void)
{
    fixture f;
    const char *text =
        "# Story-level discards are indicated with a '+'.\n"
        "MONTHS LATER\n"
        "+ANDRE AGASSI   # LRP 10 Mar 2004 ;LRP 10 MAR 2004\n"
        "+World Golf Championships\n"
        "BASEBALL_\n"
        "1914\n";
    T_CHECK(load(&f, prl_read_discards, "d.txt", text) == PARLEY_OK);
    T_CHECK(f.c.n == 0 && f.m.discards.len == 5);
    T_STREQ(ph(&f.m, &DISCARD(&f, 0)->phrase), "MONTHS_LATER~");
    T_CHECK(DISCARD(&f, 0)->story == 0);
    T_STREQ(ph(&f.m, &DISCARD(&f, 1)->phrase), "ANDRE_AGASSI~");
    T_CHECK(DISCARD(&f, 1)->story == 1 && DISCARD(&f, 1)->at.line == 3);
    T_STREQ(ph(&f.m, &DISCARD(&f, 2)->phrase), "WORLD_GOLF_CHAMPIONSHIPS~");
    T_STREQ(ph(&f.m, &DISCARD(&f, 3)->phrase), "BASEBALL");
    T_STREQ(ph(&f.m, &DISCARD(&f, 4)->phrase), "1914~");
    prl_model_free(&f.m);

    T_CHECK(load(&f, prl_read_discards, "d.txt", "+\nFOO [123]\n") == PARLEY_OK);
    T_CHECK(has_diag(&f, 1, 2, "empty phrase") && has_diag(&f, 2, 5, "takes no code"));
    prl_model_free(&f.m);
}

/* ---- issues ------------------------------------------------------------ */

static int count_issue(fixture *f, const char *text, const char *code, int ignore)
{
    int n = 0;
    for (size_t i = 0; i < f->m.issues.len; i++) {
        prl_issue *is = ISSUE(f, i);
        if (strcmp(ph(&f->m, &is->phrase), text) == 0 && is->ignore == ignore &&
            ((!code && !is->code) || (code && is->code && strcmp(code, is->code) == 0)))
            n++;
    }
    return n;
}

static void test_issues(void)
{
    fixture f;
    const char *text =
        "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"
        "n:school [SCHOOLS]\n"
        "pre+n:school [EARLY]\n"
        "~a head start\n"
        "~~n:genocide\n"
        "european central bank\n"
        "v:massacre [ID_ATROCITY]\n"
        "</ISSUE>\n"
        "touristry[TOURISM]\n"
        "nocode here\n";
    T_CHECK(load(&f, prl_read_issues, "i.txt", text) == PARLEY_OK);
    T_CHECK(count_issue(&f, "SCHOOL", "SCHOOLS", 0) == 1);
    T_CHECK(count_issue(&f, "SCHOOLS", "SCHOOLS", 0) == 1);
    T_CHECK(count_issue(&f, "PRE_SCHOOL", "EARLY", 0) == 1);
    T_CHECK(count_issue(&f, "PRE_SCHOOLS", "EARLY", 0) == 1);
    T_CHECK(count_issue(&f, "PRE-SCHOOL", "EARLY", 0) == 1);
    T_CHECK(count_issue(&f, "PRE-SCHOOLS", "EARLY", 0) == 1);
    T_CHECK(count_issue(&f, "A_HEAD_START", NULL, 1) == 1);
    T_CHECK(count_issue(&f, "GENOCIDES", NULL, 2) == 1);
    T_CHECK(count_issue(&f, "EUROPEAN_CENTRAL_BANK", "EDUCATION", 0) == 1);
    T_CHECK(count_issue(&f, "MASSACRE", "ID_ATROCITY", 0) == 1);
    T_CHECK(count_issue(&f, "MASSACRED", "ID_ATROCITY", 0) == 1);
    T_CHECK(count_issue(&f, "TOURISTRY", "TOURISM", 0) == 1);
    T_CHECK(f.m.errors == 1 && has_diag(&f, 10, 12, "no [CODE]"));
    prl_model_free(&f.m);

    T_CHECK(load(&f, prl_read_issues, "i.txt", "~eu+ gene\nv:block m:site [X]\nA [B] [B]\n") == PARLEY_OK);
    T_CHECK(has_diag(&f, 1, 5, "empty word") && has_diag(&f, 2, 10, "unexpected ':'"));
    T_CHECK(has_diag(&f, 3, 7, "warning: text after the issue code"));
    T_CHECK(f.m.errors == 2 && f.m.issues.len == 1);
    prl_model_free(&f.m);
}

/* ---- verbs ------------------------------------------------------------- */

static const char *verbs_text =
    "&CURRENCY\n"                                               /* 1 */
    "+DOLLAR\n"
    "+GOLDEN_GOBLIN_GALLEONS_\n"
    "+SWISS FRANC\n"
    "&AUXVERB3_\n"                                              /* 5 */
    "+HAVE\n"
    "&TIETYPES\n"
    "+MILITARY\n"
    "+&CURRENCY_AFFAIRS\n"
    "\n"
    "--- EXPLAIN_VERBAL [010]  --- \n"                          /* 11 */
    "EXPLAIN\n"
    "SAY  {SAYS SAID SAYING}\n"
    "EXPRESS [0110]\n"
    "+CLEAR_UP\n"                                               /* 15 */
    "KLM_NOP_+RST [002]\n"
    "CLARIFY {CLARIFIES +CLARIFIED} # comment\n"
    "+BREAK_DOWN {+BREAKS_DOWN BROKE_DOWN}\n"
    "- SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS  [111]  #\n"
    "- IN_*  [075]\n"                                           /* 20 */
    "- IN_ *  [075A]\n"
    "- * &TIETYPES RESOLUTION [102]\n"
    "- $ * TO + [032:033]\n"
    "- % * ^ WITH [031]\n"
    "- * NO_CODE\n"                                             /* 25 */
    "--- DELAY [120]--- \n"
    "DELAY\n"
    "- * [###]\n"
    "--- NULL [---] ---\n"
    "SNUB [111] {SNUBS SNUBBED}\n"                              /* 30 */
    "&GENINT\n"
    "+GENEVA\n"
    "--- NOCODE ---\n"
    "WAIT\n";

static void test_verbs(void)
{
    fixture f;
    T_CHECK(load(&f, prl_read_verbs_p1, "v.txt", verbs_text) == PARLEY_OK);
    T_CHECK(f.c.n == 0);
    const prl_synset *ss = find_synset(&f, "CURRENCY");
    T_CHECK(ss && ss->n_phrases == 5 && ss->at.line == 1);
    if (ss && ss->n_phrases == 5) {
        T_STREQ(ph(&f.m, &ss->phrases[0]), "DOLLAR");
        T_STREQ(ph(&f.m, &ss->phrases[1]), "DOLLARS");
        T_STREQ(ph(&f.m, &ss->phrases[2]), "GOLDEN_GOBLIN_GALLEONS");
        T_STREQ(ph(&f.m, &ss->phrases[3]), "SWISS_FRANC");    /* consecutive */
        T_STREQ(ph(&f.m, &ss->phrases[4]), "SWISS_FRANCS");
    }
    ss = find_synset(&f, "AUXVERB3");
    T_CHECK(ss && ss->n_phrases == 1);          /* label '_': no plurals */
    ss = find_synset(&f, "TIETYPES");
    T_CHECK(ss && ss->n_phrases == 3);
    if (ss && ss->n_phrases == 3)
        T_STREQ(ph(&f.m, &ss->phrases[2]), "&CURRENCY_AFFAIRS");
    ss = find_synset(&f, "GENINT");             /* used before defined */
    T_CHECK(ss && ss->n_phrases == 2 && ss->at.line == 31);

    T_CHECK(f.m.verbs.len == 4);
    prl_verb_block *b = BLOCK(&f, 0);
    T_STREQ(b->name, "EXPLAIN_VERBAL");
    T_STREQ(b->code.code, "010");
    T_CHECK(b->at.line == 11);
    const prl_verb_form *v = find_form(&f, b, "EXPLAIN");
    T_CHECK(v && !v->generated && v->code.code && strcmp(v->code.code, "010") == 0);
    /* Forms without a list are generated by prl_inflect. */
    int gen = 0;
    for (uint32_t i = 0; i < b->n_forms; i++)
        if (b->forms[i].generated && strcmp(b->forms[i].base, "EXPLAIN") == 0)
            gen++;
    T_CHECK(gen >= 2);
    v = find_form(&f, b, "EXPLAINS");
    T_CHECK(v && v->generated);
    v = find_form(&f, b, "SAID");
    T_CHECK(v && !v->generated && strcmp(v->base, "SAY") == 0);
    T_CHECK(find_form(&f, b, "SAYED") == NULL);     /* list given: nothing made */
    v = find_form(&f, b, "EXPRESS");
    T_CHECK(v && strcmp(v->code.code, "0110") == 0);
    v = find_form(&f, b, "EXPRESSED");
    T_CHECK(v && v->generated && strcmp(v->code.code, "0110") == 0);
    v = find_form(&f, b, "CLEAR_UP");
    T_CHECK(v && v->head == 0 && v->words.n == 2);
    v = find_form(&f, b, "CLEARED_UP");
    T_CHECK(v && v->generated && v->head == 0);
    v = find_form(&f, b, "KLM_NOP_RST");
    T_CHECK(v && v->head == 2 && strcmp(v->code.code, "002") == 0);
    T_CHECK(find_form(&f, b, "KLM_NOP_RSTS") != NULL);
    v = find_form(&f, b, "CLARIFIED");
    T_CHECK(v && !v->generated);
    v = find_form(&f, b, "BROKE_DOWN");
    T_CHECK(v && v->head == 0 && strcmp(v->base, "BREAK DOWN") == 0);
    T_CHECK(find_form(&f, b, "BREAKS_DOWN") != NULL);

    T_CHECK(b->n_patterns == 7);
    if (b->n_patterns == 7) {
        const prl_pattern *p = b->patterns;
        T_STREQ(ph(&f.m, &p[0].words), "SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS");
        T_STREQ(p[0].code.code, "111");
        T_CHECK(p[0].at.line == 19);
        T_STREQ(ph(&f.m, &p[1].words), "IN_*");
        T_STREQ(ph(&f.m, &p[2].words), "IN *");
        T_STREQ(p[2].code.code, "075A");
        T_STREQ(ph(&f.m, &p[3].words), "* &TIETYPES RESOLUTION");
        T_STREQ(p[4].code.code, "032");
        T_STREQ(p[4].code.code2, "033");
        T_STREQ(ph(&f.m, &p[5].words), "% * ^ WITH");
        T_STREQ(p[6].code.code, "010");     /* block code */
        T_CHECK(p[6].code.code2 == NULL);
    }
    b = BLOCK(&f, 1);
    T_STREQ(b->name, "DELAY");
    T_STREQ(b->code.code, "120");
    T_CHECK(b->n_patterns == 1 && strcmp(b->patterns[0].code.code, "###") == 0);
    b = BLOCK(&f, 2);
    T_STREQ(b->code.code, "---");
    v = find_form(&f, b, "SNUBBED");
    T_CHECK(v && !v->generated && strcmp(v->code.code, "111") == 0);
    b = BLOCK(&f, 3);
    T_STREQ(b->name, "NOCODE");
    T_STREQ(b->code.code, "---");
    prl_model_free(&f.m);
}

static void test_verbs_tabari(void)
{
    fixture f;
    const char *text =
        "# parley: stems\n"
        "<SYNSETS>\n"
        "&TIETYPES\n"
        "+MILITARY\n"
        "</SYNSETS>\n"
        "ACCEPT [081]\n"                    /* 6 */
        "- * PROPOSAL_ [082]\n"
        "- * &TIETYPES TIES [083]\n"
        "BREAK_     [1717]\n"               /* 9 */
        "{BROKE_ BROKEN_}\n"
        "- * TREATY [161]\n"
        "AGREE\n"                           /* 12 */
        "- * LOAN [071]\n";
    T_CHECK(load(&f, prl_read_verbs_p1, "t.verbs", text) == PARLEY_OK);
    T_CHECK(f.c.n == 0);
    T_CHECK(f.m.verbs.len == 3);
    prl_verb_block *b = BLOCK(&f, 0);
    T_STREQ(b->name, "ACCEPT");
    T_STREQ(b->code.code, "081");
    T_CHECK(b->n_patterns == 2);
    if (b->n_patterns == 2) {
        T_STREQ(ph(&f.m, &b->patterns[0].words), "* PROPOSAL");
        T_STREQ(ph(&f.m, &b->patterns[1].words), "* &TIETYPES TIES~");
    }
    b = BLOCK(&f, 1);
    T_STREQ(b->name, "BREAK");
    T_CHECK(find_form(&f, b, "BROKEN") != NULL);
    T_CHECK(find_form(&f, b, "BREAKS") == NULL);    /* listed forms replace made ones */
    b = BLOCK(&f, 2);
    T_STREQ(b->code.code, "---");
    T_CHECK(b->n_patterns == 1);
    prl_model_free(&f.m);
}

static void test_verb_errors(void)
{
    fixture f;
    const char *text =
        "- * ORPHAN [010]\n"                        /* 1 */
        "--- GOOD [010] ---\n"
        "GOOD\n"
        "- TIVILIAN [202]\n"                        /* 4 */
        "-- + HAVE * BATTLES IN + [190]\n"          /* 5 */
        "- * COMMIT * AID [033]\n"                  /* 6 */
        "- * IN $ AGAINST +-SPONSORED BILL [1412]\n"/* 7 */
        "- * &NOPE [010]\n"                         /* 8 */
        "- * FOO [01\n"                             /* 9 */
        "SAY {SAID\n"                               /* 10 */
        "+BLOW_UP {+BLOWS_UP BLOWING_UP+ +BLEW_UP}\n" /* 11 */
        "- * FINE [011]\n"                          /* 12 */
        "--- [040] ---\n"                           /* 13 */
        "&\n"                                       /* 14 */
        "- * { WAS | IS } [1]\n";                   /* 15 */
    T_CHECK(load(&f, prl_read_verbs_p1, "e.txt", text) == PARLEY_OK);
    T_CHECK(has_diag(&f, 1, 1, "pattern before any verb"));
    T_CHECK(has_diag(&f, 4, 3, "no verb marker"));
    T_CHECK(has_diag(&f, 5, 1, "starts with '--'"));
    T_CHECK(has_diag(&f, 6, 3, "2 verb markers"));
    T_CHECK(has_diag(&f, 7, 18, "pattern token '+'"));
    T_CHECK(has_diag(&f, 8, 0, "&NOPE is used but never defined"));
    T_CHECK(has_diag(&f, 9, 9, "missing ']'"));
    T_CHECK(has_diag(&f, 10, 5, "missing '}'"));
    T_CHECK(has_diag(&f, 11, 31, "'+' must come just before"));
    T_CHECK(has_diag(&f, 13, 5, "no name"));
    T_CHECK(has_diag(&f, 14, 1, "without a synset name"));
    T_CHECK(has_diag(&f, 15, 5, "alternatives"));
    T_CHECK(f.m.errors == 12);
    /* A verb line after patterns starts a block of its own (TABARI). */
    T_CHECK(f.m.verbs.len == 2);
    if (f.m.verbs.len == 2) {
        T_CHECK(BLOCK(&f, 0)->n_patterns == 1);         /* * &NOPE */
        prl_verb_block *b = BLOCK(&f, 1);
        T_STREQ(b->name, "BLOW UP");
        T_CHECK(b->n_patterns == 1);                    /* * FINE */
        T_CHECK(find_form(&f, b, "BLEW_UP") != NULL);   /* bad form skipped only */
        T_CHECK(find_form(&f, b, "BLOWING_UP") == NULL);
    }
    prl_model_free(&f.m);
}

/* ---- kind guessing ----------------------------------------------------- */

static void test_guess(void)
{
    T_CHECK(prl_dict_guess_kind("dir/CAMEO.2.0.txt", "", 0) == PARLEY_DICT_VERBS_P2);
    T_CHECK(prl_dict_guess_kind("PETR.Validate.verbs.txt", "--- A [1] ---\n", 14) == PARLEY_DICT_VERBS);
    const char *p2 = "--- A [1] ---\nA\n- * (TO) [042] # x\n";
    T_CHECK(prl_dict_guess_kind("my.VERBS.txt", p2, strlen(p2)) == PARLEY_DICT_VERBS_P2);
    T_CHECK(prl_dict_guess_kind("newdict.txt", p2, strlen(p2)) == PARLEY_DICT_VERBS_P2);
    const char *p1 = "--- A [1] ---\nA\n- * TO [042] # (comment)\n";
    T_CHECK(prl_dict_guess_kind("newdict.txt", p1, strlen(p1)) == PARLEY_DICT_VERBS);
    T_CHECK(prl_dict_guess_kind("Phoenix.Countries.actors.txt", "", 0) == PARLEY_DICT_ACTORS);
    T_CHECK(prl_dict_guess_kind("x/Phoenix.AGENTS.txt", "", 0) == PARLEY_DICT_AGENTS);
    T_CHECK(prl_dict_guess_kind("a.discards", "", 0) == PARLEY_DICT_DISCARDS);
    T_CHECK(prl_dict_guess_kind("Phoenix.IssueCoding.txt", "", 0) == PARLEY_DICT_ISSUES);
    const char *iss = "<ISSUE CATEGORY=\"X\">\nn:oil [OIL]\n</ISSUE>\n";
    T_CHECK(prl_dict_guess_kind("x.txt", iss, strlen(iss)) == PARLEY_DICT_ISSUES);
    const char *ag = "PRESIDENT [~GOV]\n";
    T_CHECK(prl_dict_guess_kind("x.txt", ag, strlen(ag)) == PARLEY_DICT_AGENTS);
    const char *ac = "FRANCE [FRA]\n";
    T_CHECK(prl_dict_guess_kind("x.txt", ac, strlen(ac)) == PARLEY_DICT_ACTORS);
    T_CHECK(prl_dict_guess_kind("prepositions.txt", "abaft\nabeam\n", 12) == PARLEY_DICT_AUTO);
}

/* ---- builder ----------------------------------------------------------- */

static void test_builder(void)
{
    cap c;
    memset(&c, 0, sizeof c);
    parley_options o;
    memset(&o, 0, sizeof o);
    o.warn = capture;
    o.warn_ud = &c;
    parley_builder *b = NULL;
    T_CHECK(parley_builder_new(&o, &b) == PARLEY_OK && b);
    T_CHECK(parley_builder_add_file(b, PARLEY_DICT_AUTO, "/nonexistent/x.actors") == PARLEY_EIO);
    T_CHECK(c.n == 1 && strstr(c.r[0].msg, "No such file") != NULL);
    T_CHECK(parley_builder_errors(b) == 0);
    const char *ac = "FRANCE [FRA]\nBAD [\n";
    T_CHECK(parley_builder_add_buffer(b, PARLEY_DICT_AUTO, "mem.actors", ac, strlen(ac)) == PARLEY_OK);
    T_CHECK(parley_builder_errors(b) == 1);
    T_CHECK(parley_builder_add_buffer(b, PARLEY_DICT_AUTO, "words.txt", "abaft\n", 6) == PARLEY_EDICT);
    T_CHECK(parley_builder_errors(b) == 2);
    T_CHECK(parley_builder_add_buffer(b, (parley_dict_kind)99, "x", "", 0) == PARLEY_EINVAL);
    T_CHECK(parley_builder_add_buffer(NULL, PARLEY_DICT_ACTORS, "x", "", 0) == PARLEY_EINVAL);
    parley_builder_free(b);
    parley_builder_free(NULL);

    o.strict = 1;
    T_CHECK(parley_builder_new(&o, &b) == PARLEY_OK);
    T_CHECK(parley_builder_add_buffer(b, PARLEY_DICT_ACTORS, "s", ac, strlen(ac)) == PARLEY_EDICT);
    parley_builder_free(b);

    /* The version hashes every file's bytes in order. */
    char v[3][64];
    const char *texts[3][2] = {
        { "FRANCE [FRA]\n", "PRESIDENT [~GOV]\n" },
        { "FRANCE [FRA]\n", "PRESIDENT [~GOV]\n" },
        { "FRANCE [FRB]\n", "PRESIDENT [~GOV]\n" },
    };
    for (int i = 0; i < 3; i++) {
        parley_dict *d = NULL;
        v[i][0] = 0;
        T_CHECK(parley_builder_new(NULL, &b) == PARLEY_OK);
        T_CHECK(parley_builder_add_buffer(b, PARLEY_DICT_ACTORS, "a", texts[i][0],
                                          strlen(texts[i][0])) == PARLEY_OK);
        T_CHECK(parley_builder_add_buffer(b, PARLEY_DICT_AGENTS, "g", texts[i][1],
                                          strlen(texts[i][1])) == PARLEY_OK);
        if (parley_builder_compile(b, &d) == PARLEY_OK && d) {
            snprintf(v[i], sizeof v[i], "%s", parley_dict_version(d));
            parley_dict_free(d);
        }
        parley_builder_free(b);
    }
    T_CHECK(v[0][0] != 0 && strcmp(v[0], v[1]) == 0 && strcmp(v[0], v[2]) != 0);
}

/* ---- allocation failures ---------------------------------------------- */

typedef struct failing {
    long left;              /* allocations allowed before failing */
    long live;              /* blocks outstanding */
} failing;

static void *fail_alloc(void *ud, void *p, size_t n)
{
    failing *fa = ud;
    if (n == 0) {
        if (p)
            fa->live--;
        free(p);
        return NULL;
    }
    if (fa->left-- <= 0)
        return NULL;
    void *q = realloc(p, n);
    if (q && !p)
        fa->live++;
    return q;
}

static void test_oom(void)
{
    struct { reader_fn fn; const char *text; } cases[] = {
        { prl_read_verbs_p1, NULL },
        { prl_read_actors, "GOLLUM\n+SMEAGOL\n\t[HOB <950601]\n\t[HOBGOV 950601-990815]\nX [Y]\n" },
        { prl_read_agents, "!P! = MAN, MEN\nCONGRESS!P! [~LEG]\nPRESIDENT [~GOV]\nA {B C} [~D]\n" },
        { prl_read_discards, "A B C\n+D E\n" },
        { prl_read_issues, "<ISSUE CATEGORY=\"X\">\npre+n:school [S]\nv:attack n:plan\n~x\n</ISSUE>\n" },
    };
    cases[0].text = verbs_text;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        int ok = 0;
        for (long lim = 0; lim < 100000 && !ok; lim++) {
            failing fa = { lim, 0 };
            prl_alloc a = { fail_alloc, &fa };
            prl_model m;
            prl_model_init(&m, &a, NULL);
            parley_status st = cases[k].fn(&m, "oom.txt", cases[k].text, strlen(cases[k].text));
            if (st != PARLEY_OK && st != PARLEY_ENOMEM) {
                T_CHECK(st == PARLEY_OK || st == PARLEY_ENOMEM);
                break;
            }
            ok = st == PARLEY_OK;
            prl_model_free(&m);
            if (fa.live != 0) {
                T_CHECK(fa.live == 0);
                break;
            }
        }
        T_CHECK(ok);
    }
}

/* ---- the peer dictionaries -------------------------------------------- */

typedef struct peer {
    const char *name;
    reader_fn fn;
    unsigned errors;        /* real defects in the file, see docs/dictionaries.md */
} peer;

static char *slurp(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long len = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = malloc((size_t)len + 1);
    if (buf && fread(buf, 1, (size_t)len, fp) != (size_t)len) {
        free(buf);
        buf = NULL;
    }
    fclose(fp);
    *n = (size_t)len;
    return buf;
}

static void test_peers(void)
{
    const char *dir = "../shared/peers/petrarch2/dictionaries";
    char path[512];
    snprintf(path, sizeof path, "%s/PETR.Validate.actors.txt", dir);
    FILE *probe = fopen(path, "rb");
    if (!probe) {
        fprintf(stderr, "test_dict: %s absent, peer dictionary checks skipped\n", dir);
        return;
    }
    fclose(probe);
    static const peer peers[] = {
        { "PETR.Validate.verbs.txt", prl_read_verbs_p1, 0 },
        { "PETR.Validate.actors.txt", prl_read_actors, 0 },
        { "PETR.Validate.agents.txt", prl_read_agents, 0 },
        { "PETR.Validate.discards.txt", prl_read_discards, 0 },
        { "CAMEO.verbpatterns.150430.txt", prl_read_verbs_p1, 7 },
        { "Phoenix.Countries.actors.txt", prl_read_actors, 8 },
        { "Phoenix.International.actors.txt", prl_read_actors, 1 },
        { "Phoenix.MilNonState.actors.txt", prl_read_actors, 0 },
        { "Phoenix.agents.txt", prl_read_agents, 2 },
        { "Phoenix.discards.txt", prl_read_discards, 0 },
        { "Phoenix.IssueCoding.txt", prl_read_issues, 2 },
    };
    fixture f;
    for (size_t i = 0; i < sizeof peers / sizeof peers[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, peers[i].name);
        size_t n = 0;
        char *buf = slurp(path, &n);
        T_CHECK(buf != NULL);
        if (!buf)
            continue;
        memset(&f, 0, sizeof f);
        f.c.print = 1;
        f.d.fn = capture;
        f.d.ud = &f.c;
        prl_model_init(&f.m, NULL, &f.d);
        fprintf(stderr, "test_dict: %s\n", peers[i].name);
        T_CHECK(peers[i].fn(&f.m, path, buf, n) == PARLEY_OK);
        T_CHECK(f.m.errors == peers[i].errors);
        T_CHECK(prl_dict_guess_kind(path, buf, n) ==
                (peers[i].fn == prl_read_verbs_p1 ? PARLEY_DICT_VERBS :
                 peers[i].fn == prl_read_actors ? PARLEY_DICT_ACTORS :
                 peers[i].fn == prl_read_agents ? PARLEY_DICT_AGENTS :
                 peers[i].fn == prl_read_discards ? PARLEY_DICT_DISCARDS :
                 PARLEY_DICT_ISSUES));
        const char *nm = peers[i].name;
        if (strcmp(nm, "PETR.Validate.verbs.txt") == 0) {
            T_CHECK(f.m.verbs.len == 261);
            T_CHECK(find_synset(&f, "ACCORDSYN") && find_synset(&f, "ACCORDSYN")->n_phrases == 6);
            /* &TIETYPES, CLOSER, CLOSERS, NEARER, NEARERS, &CURRENCY:
             * PETRARCH adds the plural of each plain synset word. */
        } else if (strcmp(nm, "CAMEO.verbpatterns.150430.txt") == 0) {
            size_t pats = 0;
            for (size_t k = 0; k < f.m.verbs.len; k++)
                pats += BLOCK(&f, k)->n_patterns;
            T_CHECK(f.m.verbs.len == 396);
            T_CHECK(pats == 11010 - 5);     /* five malformed patterns */
        } else if (strcmp(nm, "PETR.Validate.actors.txt") == 0) {
            T_CHECK(f.m.actors.len > 120);
            /* Read as PETRARCH does: no stems, so ARGENTIN and ARNOR_ are
             * both whole words. */
            int seen = 0;
            for (size_t k = 0; k < f.m.actors.len; k++) {
                const prl_actor *a = ACTOR(&f, k);
                const char *t = a->names[0].w[0].text;
                if (a->names[0].n == 1 && strcmp(t, "ARGENTIN") == 0)
                    seen += a->names[0].w[0].stem == 0;
                if (a->names[0].n == 1 && strcmp(t, "ARNOR") == 0)
                    seen += a->names[0].w[0].stem == 0;
            }
            T_CHECK(seen == 2);
        } else if (strcmp(nm, "Phoenix.Countries.actors.txt") == 0) {
            T_CHECK(f.m.actors.len > 10000);
        } else if (strcmp(nm, "Phoenix.agents.txt") == 0) {
            T_CHECK(f.m.agents.len > 2000);
        } else if (strcmp(nm, "Phoenix.IssueCoding.txt") == 0) {
            T_CHECK(f.m.issues.len > 3000);
        } else if (strcmp(nm, "Phoenix.discards.txt") == 0) {
            T_CHECK(f.m.discards.len > 400);
        }
        prl_model_free(&f.m);
        free(buf);
    }
}

int main(void)
{
    test_comments();
    test_actors();
    test_actor_stems();
    test_actor_errors();
    test_agents();
    test_discards();
    test_issues();
    test_verbs();
    test_verbs_tabari();
    test_verb_errors();
    test_guess();
    test_builder();
    test_oom();
    test_peers();
    return T_DONE();
}
