/* test_verbs_p2.c: the PETRARCH2 verb dictionary reader
 * (src/dict/read_verbs_p2.c): each construct on inline snippets, the
 * diagnostics for malformed lines, strict mode, allocation failure, and
 * the real CAMEO.2.0.txt from ../shared when it is there. */
#include <stdlib.h>

#include "t.h"
#include "dict/model.h"

/* Diagnostics collected as "LINE:COL: message" lines. */
typedef struct diags {
    char text[8192];
    size_t len;
    unsigned n;
    unsigned lines[64];
} diags;

static void on_diag(void *ud, const char *file, unsigned line, unsigned col, const char *msg)
{
    diags *d = ud;
    (void)file;
    if (d->n < 64)
        d->lines[d->n] = line;
    d->n++;
    if (d->len < sizeof d->text)
        d->len += (size_t)snprintf(d->text + d->len, sizeof d->text - d->len, "%u:%u: %s\n",
                                   line, col, msg);
}

typedef struct fixture {
    diags d;
    prl_diag diag;
    prl_model m;
    parley_status st;
} fixture;

static void load(fixture *f, const char *text, int strict)
{
    memset(f, 0, sizeof *f);
    f->diag.fn = on_diag;
    f->diag.ud = &f->d;
    prl_model_init(&f->m, NULL, &f->diag);
    f->m.strict = strict;
    f->st = prl_read_verbs_p2(&f->m, "t.txt", text, strlen(text));
}

/* Text of a phrase: '_' after joined elements, ' ' otherwise; brackets and
 * tokens as PETRARCH2 writes them. */
static const char *phrase_str(const prl_model *m, const prl_phrase *ph)
{
    static char buf[1024];
    size_t len = 0;
    buf[0] = 0;
    for (uint32_t i = 0; i < ph->n && len < sizeof buf - 64; i++) {
        const prl_dword *w = &ph->w[i];
        const char *t = "?";
        switch (w->kind) {
        case PRL_W_WORD: t = w->text; break;
        case PRL_W_SYNSET: t = PRL_VEC_AT(&m->synsets, prl_synset, w->synset).name; break;
        case PRL_W_VERB: t = "*"; break;
        case PRL_W_SOURCE: t = "$"; break;
        case PRL_W_TARGET: t = "+"; break;
        case PRL_W_COMPOUND: t = "%"; break;
        case PRL_W_SKIP: t = "^"; break;
        case PRL_W_NP_OPEN: t = "{"; break;
        case PRL_W_NP_CLOSE: t = "}"; break;
        case PRL_W_PP_OPEN: t = "("; break;
        case PRL_W_PP_CLOSE: t = ")"; break;
        }
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s%s",
                                w->kind == PRL_W_SYNSET ? "&" : "", t,
                                i + 1 == ph->n ? "" : w->joined ? "_" : " ");
    }
    return buf;
}

static const prl_verb_block *block(const prl_model *m, const char *name)
{
    for (size_t i = 0; i < m->verbs.len; i++) {
        const prl_verb_block *b = &PRL_VEC_AT(&m->verbs, prl_verb_block, i);
        if (strcmp(b->name, name) == 0)
            return b;
    }
    return NULL;
}

static const prl_verb_form *form(const prl_model *m, const char *text)
{
    for (size_t i = 0; i < m->verbs.len; i++) {
        const prl_verb_block *b = &PRL_VEC_AT(&m->verbs, prl_verb_block, i);
        for (uint32_t k = 0; k < b->n_forms; k++)
            if (strcmp(phrase_str(m, &b->forms[k].words), text) == 0)
                return &b->forms[k];
    }
    return NULL;
}

static const prl_synset *synset(const prl_model *m, const char *name)
{
    for (size_t i = 0; i < m->synsets.len; i++) {
        const prl_synset *s = &PRL_VEC_AT(&m->synsets, prl_synset, i);
        if (strcmp(s->name, name) == 0)
            return s;
    }
    return NULL;
}

/* All phrases of a synset joined with '|'. */
static const char *synset_str(const prl_model *m, const char *name)
{
    static char buf[1024];
    const prl_synset *s = synset(m, name);
    buf[0] = 0;
    if (!s)
        return "(none)";
    size_t len = 0;
    for (uint32_t i = 0; i < s->n_phrases && len < sizeof buf - 64; i++)
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i ? "|" : "",
                                phrase_str(m, &s->phrases[i]));
    return buf;
}

static const char *str_or(const char *s)
{
    return s ? s : "(null)";
}

static void test_synsets(void)
{
    fixture f;
    load(&f, "# synsets\n"
             "&FOOD\n"
             "+BREAD\n"
             "+RICE_   # no plural: phrase ends in '_'\n"
             "+FOOD_AID\n"
             "+COMPANY\n"
             "+ARMS   # already plural: nothing added\n"
             "+PRESS\n"
             "&AUXVERB_\n"
             "+WAS\n"
             "+IS_TO\n",
         0);
    T_CHECK(f.st == PARLEY_OK && f.d.n == 0);
    T_STREQ(synset_str(&f.m, "FOOD"),
            "BREAD|BREADS|RICE|FOOD_AID|FOOD_AIDS|COMPANY|COMPANIES|ARMS|PRESS|PRESSES");
    /* A label ending in '_' makes no plurals; the name drops the '_'. */
    T_STREQ(synset_str(&f.m, "AUXVERB"), "WAS|IS_TO");
    T_CHECK(synset(&f.m, "FOOD")->at.line == 2);
    prl_model_free(&f.m);
}

static const char verbs_text[] =
    "&FOOD\n"
    "+BREAD\n"
    "&FIGHT_OF_WORDS\n"
    "+ARGUMENT\n"
    "####### VERB PATTERNS #######\n"                       /* 5 */
    "---  ATTACK   [190]  ---\n"
    "ATTACK\n"
    "SAY   # irregular\n"
    "HURRY {HURRIES HURRYING HURRIED }\n"
    "BOMB [195]\n"                                          /* 10 */
    "ATTEND [042:043]\n"
    "+ASK_FOR {+ASKED_FOR , +ASKS_FOR} [020]\n"
    "+BEEF_UP\n"
    "WIRE_+TAP\n"
    "+ANGERED_BY {}\n"                                      /* 15 */
    "- * (TO)                        [042:043]   # RUSH\n"
    "- * {ARMS SHIPMENT}             [072]\n"
    "- &FOOD *                       [073]\n"
    "- * (FOR {FINANCIAL AID})       [0231]\n"
    "- $ * (WITH +)                  [045]\n"               /* 20 */
    "- * OFF (FROM ^)                [042]\n"
    "- % &FOOD *                     [062:062]\n"
    "- SPY_*_DEAL                    [---]\n"
    "- *SCEPTICAL                    [012]\n"
    "- * (BEFORE COURT)              [:173]\n"              /* 25 */
    "- * {AIR_STRIKE} (IN &FIGHT_OF_WORDS) [013]\n"
    "- PROTESTOR\t*                  [145]\n"
    "---  OFFEND   [:110]  ---\n"
    "OFFEND\n"
    "---  DELAY   [120]---  ---\n"                          /* 30 */
    "DELAY\n"
    "--- NOCODE ---\n"
    "IDLE\n"
    "######## TRANSFORMATIONS ##########\n"
    "~ a (b . ATTACK) SAY = a b 112\n"                      /* 35 */
    "~ a (a b Q) SAY = a b Q  # comment\n";

static void test_blocks_and_forms(void)
{
    fixture f;
    load(&f, verbs_text, 0);
    T_CHECK(f.st == PARLEY_OK);
    T_CHECK(f.d.n == 0);
    if (f.d.n)
        fprintf(stderr, "%s", f.d.text);
    T_CHECK(f.m.errors == 0);
    T_CHECK(f.m.verbs.len == 4);

    const prl_verb_block *b = block(&f.m, "ATTACK");
    T_CHECK(b != NULL);
    if (!b)
        return;
    T_STREQ(b->code.code, "190");
    T_CHECK(b->code.passive_code == NULL && b->code.code2 == NULL);
    T_CHECK(b->at.line == 6 && form(&f.m, "ATTACK")->at.line == 7);
    T_CHECK(b->n_patterns == 12);

    /* Regular forms are generated and marked; the base is not. */
    const prl_verb_form *fm = form(&f.m, "ATTACK");
    T_CHECK(fm && !fm->generated && strcmp(fm->code.code, "190") == 0 && fm->at.line == 7);
    fm = form(&f.m, "ATTACKED");
    T_CHECK(fm && fm->generated && strcmp(fm->base, "ATTACK") == 0);
    T_CHECK(form(&f.m, "ATTACKS") && form(&f.m, "ATTACKING"));
    /* Irregular forms come from WordNet's table; the regular past is
     * added too, as TABARI and PETRARCH recognize regular endings. */
    T_CHECK(form(&f.m, "SAID") && form(&f.m, "SAYS") && form(&f.m, "SAYED"));
    /* Listed forms replace generation and are not marked generated. */
    fm = form(&f.m, "HURRIED");
    T_CHECK(fm && !fm->generated && strcmp(fm->base, "HURRY") == 0);
    T_CHECK(form(&f.m, "HURRIES") && form(&f.m, "HURRYING"));
    /* A verb's own code, and an active:passive pair. */
    fm = form(&f.m, "BOMBED");
    T_CHECK(fm && strcmp(fm->code.code, "195") == 0);
    fm = form(&f.m, "ATTENDS");
    T_CHECK(fm && strcmp(fm->code.code, "042") == 0 && strcmp(str_or(fm->code.passive_code), "043") == 0);
    T_CHECK(fm && fm->code.code2 == NULL);
    /* Multi-word verbs: '+' marks the verb word; commas separate listed
     * forms; generation inflects the marked word only. */
    fm = form(&f.m, "ASK_FOR");
    T_CHECK(fm && fm->head == 0 && fm->words.n == 2 && strcmp(fm->base, "ASK FOR") == 0);
    T_CHECK(fm && strcmp(fm->code.code, "020") == 0);
    T_CHECK(form(&f.m, "ASKED_FOR") && form(&f.m, "ASKS_FOR") && !form(&f.m, "ASKING_FOR"));
    T_CHECK(form(&f.m, "BEEFS_UP") && form(&f.m, "BEEFED_UP") && form(&f.m, "BEEFING_UP"));
    fm = form(&f.m, "WIRE_TAPPED");
    T_CHECK(fm && fm->head == 1 && fm->generated);
    T_CHECK(form(&f.m, "WIRE_TAPS") && !form(&f.m, "WIRES_TAP"));
    /* "{}": the phrase alone. */
    T_CHECK(form(&f.m, "ANGERED_BY") && !form(&f.m, "ANGERED_BYS") && !form(&f.m, "ANGEREDS_BY"));

    /* Patterns: brackets become NP/PP elements, tokens their kinds, '_'
     * joins, codes split into active and passive. */
    static const char *const want[] = {
        "* ( TO )", "* { ARMS SHIPMENT }", "&FOOD *", "* ( FOR { FINANCIAL AID } )",
        "$ * ( WITH + )", "* OFF ( FROM ^ )", "% &FOOD *", "SPY_*_DEAL", "* SCEPTICAL",
        "* ( BEFORE COURT )", "* { AIR_STRIKE } ( IN &FIGHT_OF_WORDS )", "PROTESTOR *",
    };
    for (uint32_t i = 0; i < b->n_patterns && i < 12; i++)
        T_STREQ(phrase_str(&f.m, &b->patterns[i].words), want[i]);
    T_STREQ(b->patterns[0].code.code, "042");
    T_STREQ(str_or(b->patterns[0].code.passive_code), "043");
    T_CHECK(b->patterns[0].at.line == 16);
    T_STREQ(b->patterns[1].code.code, "072");
    T_CHECK(b->patterns[1].code.passive_code == NULL);
    T_STREQ(b->patterns[6].code.code, "062");
    T_STREQ(str_or(b->patterns[6].code.passive_code), "062");
    /* "[:173]": nothing when active, 173 when passive. */
    T_STREQ(b->patterns[9].code.code, "---");
    T_STREQ(str_or(b->patterns[9].code.passive_code), "173");
    T_CHECK(b->patterns[2].words.w[0].kind == PRL_W_SYNSET);
    T_CHECK(b->patterns[3].words.n == 8 && b->patterns[3].words.w[1].kind == PRL_W_PP_OPEN &&
            b->patterns[3].words.w[3].kind == PRL_W_NP_OPEN);

    /* Block headers: passive-only code, code touching the dashes, none. */
    b = block(&f.m, "OFFEND");
    T_CHECK(b && strcmp(b->code.code, "---") == 0 && strcmp(str_or(b->code.passive_code), "110") == 0);
    fm = form(&f.m, "OFFENDED");
    T_CHECK(fm && strcmp(str_or(fm->code.passive_code), "110") == 0);
    b = block(&f.m, "DELAY");
    T_CHECK(b && strcmp(b->code.code, "120") == 0 && b->n_forms == 4);
    b = block(&f.m, "NOCODE");
    T_CHECK(b && strcmp(b->code.code, "---") == 0 && form(&f.m, "IDLED"));

    /* Transformations: raw text, original case, comment removed. */
    T_CHECK(f.m.transforms.len == 2);
    if (f.m.transforms.len == 2) {
        T_STREQ(PRL_VEC_AT(&f.m.transforms, prl_transform, 0).text,
                "~ a (b . ATTACK) SAY = a b 112");
        T_STREQ(PRL_VEC_AT(&f.m.transforms, prl_transform, 1).text,
                "~ a (a b Q) SAY = a b Q");
        T_CHECK(PRL_VEC_AT(&f.m.transforms, prl_transform, 1).at.line == 36);
    }
    prl_model_free(&f.m);
}

/* Each malformed line: the exact report, and the line is skipped while
 * the rest is read. */
static void test_errors(void)
{
    fixture f;
    load(&f, "- * FOO [010]\n"                        /* 1: before any block */
             "FLEE\n"                                 /* 2: before any block */
             "&FOOD\n"
             "+BREAD\n"
             "+{BAD}\n"                               /* 5 */
             "--- GOOD [010] ---\n"
             "GOOD\n"
             "- * (TO BORDER [154]\n"                 /* 8 */
             "- * VISIT) [042]\n"                     /* 9 */
             "- * {} [042]\n"                         /* 10 */
             "- * &NOPE [042]\n"                      /* 11 */
             "- * * [042]\n"                          /* 12 */
             "- * ({A B}) [042]\n"                    /* 13 */
             "- * FOO\n"                              /* 14 */
             "- * FOO [042] BAR\n"                    /* 15 */
             "- * FOO [042:]\n"                       /* 16 */
             "- * {A (B C)} [1]\n"                    /* 17 */
             "- * FOO$ [1]\n"                         /* 18 */
             "- * (IN {A) [1]\n"                      /* 19 */
             "- [1]\n"                                /* 20 */
             "- * ( * ) [1]\n"                        /* 21 */
             "-- * FOO [1]\n"                         /* 22 */
             "A_+ [1]\n"                              /* 23 */
             "+A_+B\n"                                /* 24 */
             "KILL [1] X\n"                           /* 25 */
             "{KILLS}\n"                              /* 26 */
             "~ a (a b Q) SAY\n"                      /* 27 */
             "~ a b = c\n"                            /* 28 */
             "- * FOO [1:2:3]\n"                      /* 29 */
             "- * FOO [0 1]\n"                        /* 30 */
             "- * GOOD [010]\n"                       /* 31: fine */
             "--- [010] ---\n"                        /* 32: no name */
             "SKIPPED\n"                              /* 33: quietly skipped */
             "- * SKIPPED [010]\n"                    /* 34: quietly skipped */
             "--- LAST ---\n"
             "LAST\n",
         0);
    T_CHECK(f.st == PARLEY_OK);
    T_STREQ(f.d.text,
            "1:1: pattern before any '--- NAME [code] ---' block header\n"
            "2:1: verb before any '--- NAME [code] ---' block header\n"
            "5:2: unexpected '{' in a synset phrase (synsets hold words only)\n"
            "8:5: '(' without ')'\n"
            "9:10: ')' without '('\n"
            "10:5: empty noun phrase '{}'\n"
            "11:5: synset &NOPE is not defined before this pattern (PETRARCH2 skips the pattern too)\n"
            "12:5: more than one verb '*' in a pattern\n"
            "13:6: a prepositional phrase '(...)' must start with the preposition\n"
            "14:3: pattern has no code '[...]'\n"
            "15:15: unexpected 'B' after the pattern code\n"
            "16:9: no passive code after ':'\n"
            "17:8: '(' inside a noun phrase '{...}'\n"
            "18:8: '$' inside a word (pattern tokens stand alone)\n"
            "19:9: '{' not closed before ')'\n"
            "20:2: empty pattern\n"
            "21:7: the verb '*' inside brackets\n"
            "22:1: line starts with '--' (a pattern is '- words [code]', a block '--- NAME [code] ---')\n"
            "23:3: '+' must come just before the verb word of a multi-word verb\n"
            "24:4: more than one '+' in a verb\n"
            "25:10: unexpected 'X' after the verb\n"
            "26:1: verb forms or code without a verb\n"
            "27:1: transformation has no '='\n"
            "28:1: transformation needs '(source target VERB)' before '='\n"
            "29:13: event code has more than one ':'\n"
            "30:11: unexpected ' ' in event code\n"
            "32:5: verb block has no name\n");
    T_CHECK(f.m.errors == 27 && f.d.n == 27);
    /* What was good is there. */
    const prl_verb_block *b = block(&f.m, "GOOD");
    T_CHECK(b && b->n_patterns == 1 && b->n_forms == 4);
    T_CHECK(b && b->n_patterns == 1 && b->patterns[0].at.line == 31);
    T_STREQ(synset_str(&f.m, "FOOD"), "BREAD|BREADS");
    T_CHECK(block(&f.m, "LAST") && !form(&f.m, "SKIPPED"));
    T_CHECK(f.m.transforms.len == 0);
    prl_model_free(&f.m);
}

static void test_strict(void)
{
    fixture f;
    load(&f, "--- A [010] ---\nATTACK\n- * (TO [042]\n- * FINE [042]\n", 1);
    T_CHECK(f.st == PARLEY_EDICT);
    T_STREQ(f.d.text, "3:5: '(' without ')'\n");
    T_CHECK(f.m.errors == 1);
    prl_model_free(&f.m);
    load(&f, verbs_text, 1);
    T_CHECK(f.st == PARLEY_OK && f.d.n == 0);
    prl_model_free(&f.m);
}

/* PETRARCH2 patterns may omit '*' (the verb is then implied first), and
 * a synset may be defined twice: its phrases add up. */
static void test_lenient(void)
{
    fixture f;
    load(&f, "&ARMS_\n+GUN\n--- A [010] ---\nARM\n- RIFLES [072]\n"
             "&ARMS_\n+TANK\n--- B [---] ---\nBUY\n- * &ARMS [072]\n", 0);
    T_CHECK(f.st == PARLEY_OK && f.d.n == 0);
    const prl_verb_block *b = block(&f.m, "A");
    T_CHECK(b && b->n_patterns == 1 && b->patterns[0].words.n == 1);
    T_STREQ(synset_str(&f.m, "ARMS"), "GUN|TANK");
    T_CHECK(f.m.synsets.len == 1);
    prl_model_free(&f.m);
}

/* Hostile bytes never crash: NULs, CRs, unterminated brackets, long
 * lines, an empty buffer. */
static void test_junk(void)
{
    static const char junk[] = "--- X [1] ---\r\nSAY\0\r\n- * {(\n- * )}\n&\n+\n~\n"
                               "- * ((((((((\n---\n[\n{\n- * [\n";
    fixture f;
    memset(&f, 0, sizeof f);
    f.diag.fn = on_diag;
    f.diag.ud = &f.d;
    prl_model_init(&f.m, NULL, &f.diag);
    f.st = prl_read_verbs_p2(&f.m, "junk", junk, sizeof junk - 1);
    T_CHECK(f.st == PARLEY_OK && f.m.errors > 0);
    prl_model_free(&f.m);

    char *big = malloc(100000);
    T_CHECK(big != NULL);
    if (big) {
        memcpy(big, "--- X ---\n- * ", 14);
        for (size_t i = 14; i < 99990; i += 2)
            memcpy(big + i, "A ", 2);
        memcpy(big + 99990, "[010]\n", 7);
        load(&f, big, 0);
        T_CHECK(f.st == PARLEY_OK && f.m.errors == 1);
        prl_model_free(&f.m);
        free(big);
    }
    load(&f, "", 0);
    T_CHECK(f.st == PARLEY_OK && f.m.verbs.len == 0);
    prl_model_free(&f.m);
}

/* An allocator that fails after `left` successful allocations. */
typedef struct budget {
    long left;
} budget;

static void *budget_alloc(void *ud, void *p, size_t n)
{
    budget *b = ud;
    if (n == 0) {
        free(p);
        return NULL;
    }
    if (b->left-- <= 0)
        return NULL;
    return realloc(p, n);
}

static void test_oom(void)
{
    int ok = 0;
    for (long n = 0; n < 2000 && !ok; n++) {
        budget b = { n };
        prl_alloc a = { budget_alloc, &b };
        prl_model m;
        prl_model_init(&m, &a, NULL);
        parley_status st = prl_read_verbs_p2(&m, "t.txt", verbs_text, strlen(verbs_text));
        T_CHECK(st == PARLEY_OK || st == PARLEY_ENOMEM);
        ok = st == PARLEY_OK;
        prl_model_free(&m);
    }
    T_CHECK(ok);
}

/* The peer dictionary, when ../shared is present. Its known problems (all
 * in the file, see docs/petrarch2.md) are pinned by line. */
static void test_real_file(void)
{
    const char *shared = getenv("SHARED");
    char path[1024];
    snprintf(path, sizeof path, "%s/peers/petrarch2/dictionaries/CAMEO.2.0.txt",
             shared && *shared ? shared : "../shared");
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        fprintf(stderr, "test_verbs_p2: skipping the CAMEO.2.0.txt checks: %s not found\n", path);
        return;
    }
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 1 << 20;
            char *nb = realloc(buf, cap);
            if (!nb)
                break;
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, fp);
        if (got == 0)
            break;
        n += got;
    }
    fclose(fp);
    fixture f;
    memset(&f, 0, sizeof f);
    f.diag.fn = on_diag;
    f.diag.ud = &f.d;
    prl_model_init(&f.m, NULL, &f.diag);
    f.st = prl_read_verbs_p2(&f.m, path, buf, n);
    T_CHECK(f.st == PARLEY_OK);
    /* 2374, 7606: stray text before the code; 2406, 3887, 8443, 8444:
     * synsets the file never defines. */
    static const unsigned known[] = { 2374, 2406, 3887, 7606, 8443, 8444 };
    T_CHECK(f.d.n == 6 && f.m.errors == 6);
    for (unsigned i = 0; i < f.d.n && i < 6; i++)
        T_CHECK(f.d.lines[i] == known[i]);
    if (f.d.n != 6)
        fprintf(stderr, "%s", f.d.text);
    size_t forms = 0, patterns = 0;
    for (size_t i = 0; i < f.m.verbs.len; i++) {
        const prl_verb_block *b = &PRL_VEC_AT(&f.m.verbs, prl_verb_block, i);
        forms += b->n_forms;
        patterns += b->n_patterns;
    }
    T_CHECK(f.m.verbs.len == 397);       /* every "---" header */
    T_CHECK(patterns == 4662);           /* 4668 "-" lines less the 6 above */
    T_CHECK(forms > 6000 && forms < 9000);
    T_CHECK(f.m.synsets.len == 40);
    T_CHECK(f.m.transforms.len == 8);
    T_STREQ(synset_str(&f.m, "PKO"),
            "PEACEKEEPING|PEACEKEEPINGS|PEACEKEEPER|PEACEKEEPERS|PEACE-KEEPING|"
            "PEACE-KEEPINGS|PEACE-KEEPER|PEACE-KEEPERS|UN_PEACEKEEPERS|"
            "PEACEKEEPING_FORCE|PEACEKEEPING_FORCES|BLUE_HELMETS|"
            "PEACEKEEPING_CONTINGENT|PEACEKEEPING_CONTINGENTS");
    const prl_verb_block *b = block(&f.m, "OFFEND");
    T_CHECK(b && strcmp(str_or(b->code.passive_code), "110") == 0);
    const prl_verb_form *fm = form(&f.m, "MET_WITH");
    T_CHECK(fm != NULL);
    fm = form(&f.m, "ACCUSED");
    T_CHECK(fm && strcmp(fm->code.code, "112") == 0);
    free(buf);
    prl_model_free(&f.m);
}

int main(void)
{
    test_synsets();
    test_blocks_and_forms();
    test_errors();
    test_strict();
    test_lenient();
    test_junk();
    test_oom();
    test_real_file();
    return T_DONE();
}
