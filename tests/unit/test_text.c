/* test_text.c: UTF-8 repair, sentence splitting, tokens and norms.
 * Most checks render a text as "TOK TOK | TOK TOK" (norms, sentences
 * separated by " | ") and compare with the expected rendering; the
 * invariants (offsets in range and increasing, every token inside its
 * sentence, norm matching len) are checked on every case. */
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "text/text.h"

static char out[1 << 16];

/* Every structural promise of prl_text_segment. */
static int invariants(const char *text, size_t n, const prl_segmented *sg)
{
    uint32_t next = 0, prev_end = 0;
    for (uint32_t i = 0; i < sg->n_sentences; i++) {
        const prl_sentence *s = &sg->sentences[i];
        if (s->first != next || s->count == 0 || s->start > s->end || s->end > n)
            return 0;
        if (s->start < prev_end)
            return 0;
        prev_end = s->end;
        for (uint32_t j = s->first; j < s->first + s->count; j++) {
            const prl_token *t = &sg->tokens[j];
            if (t->start >= t->end || t->start < s->start || t->end > s->end)
                return 0;
            if (j > s->first && t->start < sg->tokens[j - 1].end)
                return 0;
            if (!t->norm || strlen(t->norm) != t->len || t->kind > PRL_T_END)
                return 0;
        }
        if (sg->tokens[s->first].start != s->start ||
            sg->tokens[s->first + s->count - 1].end != s->end)
            return 0;
        next = s->first + s->count;
    }
    (void)text;
    return next == sg->n_tokens;
}

/* Segment text and render norms; sentences joined by " | ". */
static const char *seg(const char *text)
{
    prl_arena ar;
    prl_arena_init(&ar, NULL);
    prl_segmented sg;
    size_t n = strlen(text);
    out[0] = 0;
    if (prl_text_segment(&ar, text, n, &sg) != PARLEY_OK) {
        strcpy(out, "(error)");
    } else if (!invariants(text, n, &sg)) {
        strcpy(out, "(invariants broken)");
    } else {
        size_t o = 0;
        for (uint32_t i = 0; i < sg.n_sentences; i++) {
            const prl_sentence *s = &sg.sentences[i];
            if (i)
                o += (size_t)snprintf(out + o, sizeof out - o, " | ");
            for (uint32_t j = s->first; j < s->first + s->count; j++)
                o += (size_t)snprintf(out + o, sizeof out - o, "%s%s",
                                      j > s->first ? " " : "", sg.tokens[j].norm);
        }
    }
    prl_arena_free(&ar);
    return out;
}

/* Render kinds (W N P Q E) and flags (c = CAP, A = ALLCAP, . = ABBREV). */
static const char *kinds(const char *text)
{
    prl_arena ar;
    prl_arena_init(&ar, NULL);
    prl_segmented sg;
    size_t o = 0;
    out[0] = 0;
    if (prl_text_segment(&ar, text, strlen(text), &sg) == PARLEY_OK) {
        for (uint32_t j = 0; j < sg.n_tokens; j++) {
            const prl_token *t = &sg.tokens[j];
            o += (size_t)snprintf(out + o, sizeof out - o, "%s%c%s%s%s", j ? " " : "",
                                  "WNPQE"[t->kind], t->flags & PRL_TF_CAP ? "c" : "",
                                  t->flags & PRL_TF_ALLCAP ? "A" : "",
                                  t->flags & PRL_TF_ABBREV ? "." : "");
        }
    }
    prl_arena_free(&ar);
    return out;
}

static void test_abbreviations(void)
{
    T_STREQ(seg("U.S. troops arrived. They left."),
            "U.S. TROOPS ARRIVED . | THEY LEFT .");
    T_STREQ(seg("The U.S. Army and the U.N. Security Council met."),
            "THE U.S. ARMY AND THE U.N. SECURITY COUNCIL MET .");
    T_STREQ(seg("He met the U.K. and the U.S. The talks failed."),
            "HE MET THE U.K. AND THE U.S. | THE TALKS FAILED .");
    T_STREQ(seg("Gen. Smith, Col. Jones, Lt. Brown and Sgt. White spoke."),
            "GEN. SMITH , COL. JONES , LT. BROWN AND SGT. WHITE SPOKE .");
    T_STREQ(seg("Mr. and Mrs. Smith met Dr. Who at St. Paul's on Jan. 5 and Feb. 6."),
            "MR. AND MRS. SMITH MET DR. WHO AT ST. PAUL 'S ON JAN. 5 AND FEB. 6 .");
    T_STREQ(seg("George W. Bush met Vladimir V. Putin."),
            "GEORGE W. BUSH MET VLADIMIR V. PUTIN .");
    T_STREQ(seg("Acme Inc. and Foo Corp. merged. No. 10 said vs. them, e.g. here, i.e. now."),
            "ACME INC. AND FOO CORP. MERGED . | NO. 10 SAID VS. THEM , E.G. HERE , I.E. NOW .");
    T_STREQ(seg("They met at 3 p.m. The vote was at 5 a.m. on Monday."),
            "THEY MET AT 3 P.M. | THE VOTE WAS AT 5 A.M. ON MONDAY .");
    /* After a time of day, a name starts a sentence; the day or zone does not. */
    T_STREQ(seg("It ran until 6 a.m. Thailand planned one at 5 p.m. Monday or 4 p.m. EST today."),
            "IT RAN UNTIL 6 A.M. | THAILAND PLANNED ONE AT 5 P.M. MONDAY OR 4 P.M. EST TODAY .");
    /* A title never ends a sentence; an initial before a name does not. */
    T_STREQ(seg("Gen. He said."), "GEN. HE SAID .");
    T_STREQ(seg("World War I. The end."), "WORLD WAR I. | THE END .");
    /* A dotted name with long parts is not an abbreviation. */
    T_STREQ(seg("Read example.com. Officials agreed."),
            "READ EXAMPLE.COM . | OFFICIALS AGREED .");
    /* An unknown abbreviation followed by lower case does not split. */
    T_STREQ(seg("It cost approx. five dollars and abt. six."),
            "IT COST APPROX. FIVE DOLLARS AND ABT . SIX .");
    T_STREQ(kinds("U.S. Gen. Smith"), "WcA. Wc. Wc");
    T_STREQ(kinds("NATO's U.S."), "WcA W WcA.");
}

static void test_sentences(void)
{
    T_STREQ(seg("Troops attacked. Rebels fled! Why? Nobody knows."),
            "TROOPS ATTACKED . | REBELS FLED ! | WHY ? | NOBODY KNOWS .");
    /* Quotes and brackets after the end belong to the sentence. */
    T_STREQ(seg("He said \"We will fight.\" Then he left."),
            "HE SAID \" WE WILL FIGHT . \" | THEN HE LEFT .");
    T_STREQ(seg("(He was not available for comment.) Others were."),
            "( HE WAS NOT AVAILABLE FOR COMMENT . ) | OTHERS WERE .");
    T_STREQ(seg("\"Go home!\" he shouted. \"Never,\" they said."),
            "\" GO HOME ! \" HE SHOUTED . | \" NEVER , \" THEY SAID .");
    /* Decimal numbers, times, thousands. */
    T_STREQ(seg("Growth was 3.5 percent in 2009. At 10:30 some 1,000 people marched."),
            "GROWTH WAS 3.5 PERCENT IN 2009 . | AT 10:30 SOME 1,000 PEOPLE MARCHED .");
    /* Ellipses. */
    T_STREQ(seg("He paused... The crowd waited... and waited."),
            "HE PAUSED ... | THE CROWD WAITED ... AND WAITED .");
    /* A blank line always ends a sentence; a single line break does not. */
    T_STREQ(seg("Troops Kill Five\n\nThe army said\nit attacked."),
            "TROOPS KILL FIVE | THE ARMY SAID IT ATTACKED .");
    T_STREQ(seg("Title\r\n\r\nBody one.\r\nBody two."), "TITLE | BODY ONE . | BODY TWO .");
    T_STREQ(seg("Headline \xE2\x80\xA9 Body"), "HEADLINE | BODY");
    /* Kinds: END only at a sentence end; a '.' inside becomes PUNCT. */
    T_STREQ(kinds("Yes. no. \"Ok.\""), "Wc P W E Q Wc E Q");
}

static void test_datelines(void)
{
    T_STREQ(seg("MINGORA, Pakistan (Reuters) - Troops attacked militants."),
            "TROOPS ATTACKED MILITANTS .");
    T_STREQ(seg("Title\n\nWASHINGTON (AP) \xE2\x80\x94 President Obama said on Monday."),
            "TITLE | PRESIDENT OBAMA SAID ON MONDAY .");
    T_STREQ(seg("BEIRUT, Jan. 5 (Reuters) -- \"We will stay,\" he said."),
            "\" WE WILL STAY , \" HE SAID .");
    T_STREQ(seg("Washington (AP) - He said."), "HE SAID .");
    T_STREQ(seg("BAGHDAD - Iraqi troops killed five."), "IRAQI TROOPS KILLED FIVE .");
    /* Not datelines: a lower-case word after the dash, a mixed-case first
     * word without agency, not at a line start. */
    T_STREQ(seg("NATO - the alliance - met."), "NATO - THE ALLIANCE - MET .");
    T_STREQ(seg("Obama - Who else? - spoke."), "OBAMA - WHO ELSE ? | - SPOKE .");
    T_STREQ(seg("Hi. KABUL - Troops left."), "HI . | KABUL - TROOPS LEFT .");

    prl_arena ar;
    prl_arena_init(&ar, NULL);
    prl_segmented sg;
    const char *text = "MINGORA, Pakistan (Reuters) - Troops attacked.";
    T_CHECK(prl_text_segment(&ar, text, strlen(text), &sg) == PARLEY_OK);
    T_CHECK(sg.dateline_start == 0 && sg.dateline_end == 29);
    T_CHECK(sg.n_sentences == 1 && sg.sentences[0].start == 30);
    T_CHECK(sg.sentences[0].end == strlen(text));
    prl_arena_free(&ar);
}

static void test_contractions(void)
{
    T_STREQ(seg("didn't can't won't it's Israel's Hamas' leaders"),
            "DID N'T CA N'T WO N'T IT 'S ISRAEL 'S HAMAS ' LEADERS");
    T_STREQ(seg("They're we've I'll he'd I'm O'Brien's rock'n'roll"),
            "THEY 'RE WE 'VE I 'LL HE 'D I 'M O'BRIEN 'S ROCK'N'ROLL");
    T_STREQ(seg("DIDN'T Israel\xE2\x80\x99s didn\xE2\x80\x99t"),
            "DID N'T ISRAEL 'S DID N'T");
    T_STREQ(kinds("DIDN'T Israel's"), "WcA WcA Wc W");
    /* A quote that is not a possessive. */
    T_STREQ(seg("He said 'no' to them."), "HE SAID \" NO \" TO THEM .");
    T_STREQ(seg("``Yes,'' he said."), "\" YES , \" HE SAID .");
}

static void test_words(void)
{
    T_STREQ(seg("al-Qaeda state-owned AT&T U.S.-led"),
            "AL-QAEDA STATE-OWNED AT&T U.S. - LED");
    T_STREQ(seg("See http://example.com/a?b=1. Or write to john.doe@example.org."),
            "SEE HTTP://EXAMPLE.COM/A?B=1 . | OR WRITE TO JOHN.DOE@EXAMPLE.ORG .");
    T_STREQ(seg("(www.un.org) costs $5 or 20% #1"),
            "( WWW.UN.ORG ) COSTS $ 5 OR 20 % # 1");
    T_STREQ(kinds("3.5 1,000 10:30 9/11 1990s .5"), "N N N N W N");
    T_STREQ(seg("on 9/11 at .5 percent"), "ON 9/11 AT .5 PERCENT");
    T_STREQ(kinds("NATO Hamas al-Qaeda I a"), "WcA Wc W WcA W");
    T_STREQ(kinds(", ; : ( ) - \" ! ."), "P P P P P P Q E E");
    /* "US" in capitals is the United States; "us" and "US$" are not. */
    T_STREQ(seg("US troops told us to pay US$5"), "U.S. TROOPS TOLD US TO PAY US $ 5");
}

static void test_unicode(void)
{
    /* Curly quotes, dashes and non-breaking spaces fold to ASCII. */
    T_STREQ(seg("\xE2\x80\x9CWe won\xE2\x80\x9D \xE2\x80\x94 Hamas\xC2\xA0leaders \xE2\x80\x93 al\xE2\x80\x90Qaeda"),
            "\" WE WON \" - HAMAS LEADERS - AL-QAEDA");
    T_STREQ(seg("Z\xC3\xBCrich and M\xC3\xBCnchen, \xC2\xAB" "d\xC3\xA9j\xC3\xA0 vu\xC2\xBB"),
            "Z\xC3\x9CRICH AND M\xC3\x9CNCHEN , \" D\xC3\x89J\xC3\x80 VU \"");
    /* Decomposed input is composed (NFC) in the norm. */
    T_STREQ(seg("Jose\xCC\x81"), "JOS\xC3\x89");
    /* Soft hyphen and zero-width joiner vanish from the norm. */
    T_STREQ(seg("Ha\xC2\xADmas"), "HAMAS");
    /* The ellipsis character. */
    T_STREQ(seg("Wait\xE2\x80\xA6 The end"), "WAIT ... | THE END");
    T_STREQ(kinds("\xC3\x89gypte \xC3\xA9t\xC3\xA9 \xCE\x91\xCE\x98\xCE\x97\xCE\x9D\xCE\x91"),
            "Wc W WcA");
    /* Offsets are bytes in the text. */
    prl_arena ar;
    prl_arena_init(&ar, NULL);
    prl_segmented sg;
    const char *text = "\xE2\x80\x9CZ\xC3\xBCrich\xE2\x80\x9D said.";
    T_CHECK(prl_text_segment(&ar, text, strlen(text), &sg) == PARLEY_OK);
    T_CHECK(sg.n_tokens == 5);
    if (sg.n_tokens == 5) {
        T_CHECK(sg.tokens[0].start == 0 && sg.tokens[0].end == 3);
        T_CHECK(sg.tokens[1].start == 3 && sg.tokens[1].end == 10);
        T_CHECK(sg.tokens[2].start == 10 && sg.tokens[2].end == 13);
        T_CHECK(sg.tokens[3].start == 14 && sg.tokens[3].end == 18);
        T_CHECK(sg.tokens[4].start == 18 && sg.tokens[4].end == 19);
        T_CHECK(sg.tokens[4].kind == PRL_T_END);
        T_CHECK(sg.tokens[3].space == PRL_SP_SPACE && sg.tokens[2].space == PRL_SP_NONE);
        T_CHECK(sg.tokens[0].space == PRL_SP_PARA);
    }
    prl_arena_free(&ar);
}

/* PRL_TF_MARKS: the norm has an ASCII byte that is no letter or digit
 * (the evidence pass hashes the other words without looking at bytes). */
static void test_marks(void)
{
    prl_arena ar;
    prl_arena_init(&ar, NULL);
    prl_segmented sg;
    const char *text = "U.S. troops didn't leave Israel's al-Qaeda Z\xC3\xBCrich .5 m\xC3\xBCnchen-west 1990 AT&T US";
    /* U.S. TROOPS DID N'T LEAVE ISRAEL 'S AL-QAEDA ZÜRICH .5 MÜNCHEN-WEST 1990 AT&T U.S. */
    const int marks[] = {1, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 1};
    T_CHECK(prl_text_segment(&ar, text, strlen(text), &sg) == PARLEY_OK);
    T_CHECK(sg.n_tokens == sizeof marks / sizeof marks[0]);
    for (uint32_t i = 0; i < sg.n_tokens && i < sizeof marks / sizeof marks[0]; i++)
        T_CHECK(((sg.tokens[i].flags & PRL_TF_MARKS) != 0) == marks[i]);
    prl_arena_free(&ar);
}

static void test_offsets(void)
{
    prl_arena ar;
    prl_arena_init(&ar, NULL);
    prl_segmented sg;
    const char *text = "  Israel's army didn't go.\n\nU.S. Gen. Bob";
    T_CHECK(prl_text_segment(&ar, text, strlen(text), &sg) == PARLEY_OK);
    static const struct { uint32_t s, e; const char *norm; } want[] = {
        { 2, 8, "ISRAEL" }, { 8, 10, "'S" }, { 11, 15, "ARMY" }, { 16, 19, "DID" },
        { 19, 22, "N'T" }, { 23, 25, "GO" }, { 25, 26, "." }, { 28, 32, "U.S." },
        { 33, 37, "GEN." }, { 38, 41, "BOB" },
    };
    T_CHECK(sg.n_tokens == 10);
    for (uint32_t i = 0; i < sg.n_tokens && i < 10; i++) {
        T_CHECK(sg.tokens[i].start == want[i].s && sg.tokens[i].end == want[i].e);
        T_STREQ(sg.tokens[i].norm, want[i].norm);
    }
    T_CHECK(sg.n_sentences == 2);
    T_CHECK(sg.sentences[0].start == 2 && sg.sentences[0].end == 26);
    T_CHECK(sg.sentences[1].start == 28 && sg.sentences[1].end == 41);
    T_CHECK(sg.sentences[1].first == 7 && sg.sentences[1].count == 3);
    prl_arena_free(&ar);
}

static void test_edges(void)
{
    prl_arena ar;
    prl_arena_init(&ar, NULL);
    prl_segmented sg;
    T_CHECK(prl_text_segment(&ar, "", 0, &sg) == PARLEY_OK);
    T_CHECK(sg.n_tokens == 0 && sg.n_sentences == 0);
    T_CHECK(prl_text_segment(&ar, " \n\n\t ", 5, &sg) == PARLEY_OK);
    T_CHECK(sg.n_tokens == 0 && sg.n_sentences == 0);
    T_STREQ(seg("..."), "...");
    T_STREQ(seg("?!?! ... , ;"), "? | ... , ;");
    T_STREQ(seg(". . ."), ". | . | .");
    T_STREQ(seg("\"\"\"''"), "\" \" \" \"");
    /* NUL bytes are white space. */
    T_CHECK(prl_text_segment(&ar, "a\0b", 3, &sg) == PARLEY_OK && sg.n_tokens == 2);
    prl_arena_free(&ar);

    /* A 1 MB sentence without a period: one sentence, every word a token. */
    size_t n = 1u << 20;
    char *big = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        big[i] = "word "[i % 5];
    big[n] = 0;
    prl_arena_init(&ar, NULL);
    T_CHECK(prl_text_segment(&ar, big, n, &sg) == PARLEY_OK);
    T_CHECK(sg.n_sentences == 1 && sg.n_tokens == (n + 4) / 5);
    T_CHECK(invariants(big, n, &sg));
    prl_arena_free(&ar);

    /* A 1 MB word is cut into PRL_TOKEN_MAX pieces, never one huge norm. */
    memset(big, 'x', n);
    prl_arena_init(&ar, NULL);
    T_CHECK(prl_text_segment(&ar, big, n, &sg) == PARLEY_OK);
    T_CHECK(sg.n_tokens == n / PRL_TOKEN_MAX && sg.tokens[0].len == PRL_TOKEN_MAX);
    T_CHECK(invariants(big, n, &sg));
    prl_arena_free(&ar);

    /* The same with two-byte letters: pieces end on code point boundaries. */
    for (size_t i = 0; i + 1 < n; i += 2)
        big[i] = '\xC3', big[i + 1] = '\xA9';
    prl_arena_init(&ar, NULL);
    T_CHECK(prl_text_segment(&ar, big, n, &sg) == PARLEY_OK);
    T_CHECK(invariants(big, n, &sg));
    T_CHECK(sg.n_tokens > 0 && sg.tokens[0].end % 2 == 0);
    prl_arena_free(&ar);
    free(big);
}

static void test_repair(void)
{
    prl_arena ar;
    prl_arena_init(&ar, NULL);
    const char *o;
    size_t on;
    unsigned rep;
    const char *good = "Z\xC3\xBCrich \xE2\x80\x94 ok";
    T_CHECK(prl_text_repair(&ar, good, strlen(good), &o, &on, &rep) == PARLEY_OK);
    T_CHECK(o == good && on == strlen(good) && rep == 0);
    /* A lone continuation byte, a truncated sequence, an overlong '/',
     * a surrogate, a code point above U+10FFFF, 0xFF. */
    const char *bad = "a\x80" "b\xE2\x80" "c\xC0\xAF" "d\xED\xA0\x80" "e\xF4\x90\x80\x80" "f\xFF";
    T_CHECK(prl_text_repair(&ar, bad, strlen(bad), &o, &on, &rep) == PARLEY_OK);
    /* Maximal subparts: \x80 | \xE2\x80 | \xC0 \xAF | \xED \xA0 \x80 |
     * \xF4 \x90 \x80 \x80 | \xFF. */
    T_CHECK(rep == 1 + 1 + 2 + 3 + 4 + 1);
    T_STREQ(o, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD"
               "d\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
               "e\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "f\xEF\xBF\xBD");
    T_CHECK(on == strlen(o));
    /* Truncated at the very end. */
    T_CHECK(prl_text_repair(&ar, "x\xF0\x9F\x98", 4, &o, &on, &rep) == PARLEY_OK);
    T_CHECK(rep == 1 && on == 4 && memcmp(o, "x\xEF\xBF\xBD", 4) == 0);
    /* Four-byte characters are valid. */
    T_CHECK(prl_text_repair(&ar, "\xF0\x9F\x98\x80", 4, &o, &on, &rep) == PARLEY_OK && rep == 0);
    T_CHECK(prl_text_repair(&ar, "", 0, &o, &on, &rep) == PARLEY_OK && on == 0 && rep == 0);
    T_CHECK(prl_text_repair(&ar, "x", (size_t)PARLEY_MAX_DOC_BYTES + 1, &o, &on, &rep)
            == PARLEY_ETOOBIG);
    /* Segmenting unrepaired bytes never crashes; norms stay valid UTF-8. */
    T_STREQ(seg("a\xFF" "b \xE2\x80"), "A \xEF\xBF\xBD B \xEF\xBF\xBD");
    prl_arena_free(&ar);
}

static void test_norm_word(void)
{
    prl_arena ar;
    prl_arena_init(&ar, NULL);
    T_STREQ(prl_text_norm_word(&ar, "Hamas", 5), "HAMAS");
    T_STREQ(prl_text_norm_word(&ar, "  united \t states ", 18), "UNITED STATES");
    T_STREQ(prl_text_norm_word(&ar, "AL_QAEDA", 8), "AL_QAEDA");
    const char *w = "al\xE2\x80\x91Qaeda\xE2\x80\x99s";
    T_STREQ(prl_text_norm_word(&ar, w, strlen(w)), "AL-QAEDA'S");
    w = "Jose\xCC\x81\xC2\xA0Mar\xC3\xAD" "a";
    T_STREQ(prl_text_norm_word(&ar, w, strlen(w)), "JOS\xC3\x89 MAR\xC3\x8D" "A");
    T_STREQ(prl_text_norm_word(&ar, "", 0), "");
    /* The same form as text tokens. */
    T_STREQ(seg("Jos\xC3\xA9"), prl_text_norm_word(&ar, "JOSE\xCC\x81", 6));
    prl_arena_free(&ar);
}

/* An allocator that fails after a budget: every failure is clean. */
static long budget;
static void *failing(void *ud, void *p, size_t n)
{
    (void)ud;
    if (n == 0) {
        free(p);
        return NULL;
    }
    if (budget-- <= 0)
        return NULL;
    return realloc(p, n);
}

static void test_nomem(void)
{
    prl_alloc a = { failing, NULL };
    const char *text = "U.S. troops didn't go. Jos\xC3\xA9 left.\n\nMore text here.";
    int ok = 0;
    for (long b = 0; b < 20 && !ok; b++) {
        budget = b;
        prl_arena ar;
        prl_arena_init(&ar, &a);
        prl_segmented sg;
        parley_status st = prl_text_segment(&ar, text, strlen(text), &sg);
        T_CHECK(st == PARLEY_OK || st == PARLEY_ENOMEM);
        if (st == PARLEY_OK)
            ok = sg.n_sentences == 3;
        else
            T_CHECK(sg.n_tokens == 0 && sg.n_sentences == 0);
        prl_arena_free(&ar);
    }
    T_CHECK(ok);
}

int main(void)
{
    test_abbreviations();
    test_sentences();
    test_datelines();
    test_contractions();
    test_words();
    test_unicode();
    test_marks();
    test_offsets();
    test_edges();
    test_repair();
    test_norm_word();
    test_nomem();
    return T_DONE();
}
