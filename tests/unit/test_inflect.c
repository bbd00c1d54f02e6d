/* test_inflect.c: prl_inflect's regular rules, the WordNet exception table
 * and how the two combine (src/dict/inflect.c, src/dict/irregular.c). */
#include <stdlib.h>

#include "t.h"
#include "dict/model.h"
#include "dict/irregular.h"

/* Inflect base and compare with the expected forms, given as one string
 * separated by '|', in order. */
static int forms_are(prl_arena *ar, const char *base, const char *want)
{
    const char *out[8];
    unsigned n = prl_inflect(ar, base, out);
    char got[512];
    size_t len = 0;
    got[0] = 0;
    for (unsigned i = 0; i < n && len < sizeof got; i++)
        len += (size_t)snprintf(got + len, sizeof got - len, "%s%s", i ? "|" : "", out[i]);
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "  %s: got \"%s\", want \"%s\"\n", base, got, want);
        return 0;
    }
    return 1;
}

/* Is form among base's forms? */
static int has_form(prl_arena *ar, const char *base, const char *form)
{
    const char *out[8];
    unsigned n = prl_inflect(ar, base, out);
    for (unsigned i = 0; i < n; i++)
        if (strcmp(out[i], form) == 0)
            return 1;
    return 0;
}

static void test_regular(prl_arena *ar)
{
    T_CHECK(forms_are(ar, "ATTACK", "ATTACK|ATTACKS|ATTACKED|ATTACKING"));
    T_CHECK(forms_are(ar, "TRY", "TRY|TRIES|TRIED|TRYING"));
    T_CHECK(forms_are(ar, "PLAY", "PLAY|PLAYS|PLAYED|PLAYING"));
    T_CHECK(forms_are(ar, "STOP", "STOP|STOPS|STOPPED|STOPPING"));
    T_CHECK(forms_are(ar, "PLAN", "PLAN|PLANS|PLANNED|PLANNING"));
    T_CHECK(forms_are(ar, "FIX", "FIX|FIXES|FIXED|FIXING"));
    T_CHECK(forms_are(ar, "VISIT", "VISIT|VISITS|VISITED|VISITING"));
    T_CHECK(forms_are(ar, "TREAT", "TREAT|TREATS|TREATED|TREATING"));
    T_CHECK(forms_are(ar, "PRESS", "PRESS|PRESSES|PRESSED|PRESSING"));
    T_CHECK(forms_are(ar, "REACH", "REACH|REACHES|REACHED|REACHING"));
    T_CHECK(forms_are(ar, "ECHO", "ECHO|ECHOES|ECHOED|ECHOING"));
    T_CHECK(forms_are(ar, "VOTE", "VOTE|VOTES|VOTED|VOTING"));
    T_CHECK(forms_are(ar, "AGREE", "AGREE|AGREES|AGREED|AGREEING"));
    T_CHECK(forms_are(ar, "DIE", "DIE|DIES|DIED|DYING"));
    T_CHECK(forms_are(ar, "DYE", "DYE|DYES|DYED|DYEING"));
    T_CHECK(forms_are(ar, "SHOW", "SHOW|SHOWS|SHOWED|SHOWN|SHOWING"));
    /* Doubling looks at the part after the last hyphen. */
    T_CHECK(forms_are(ar, "CEASE-FIRE", "CEASE-FIRE|CEASE-FIRES|CEASE-FIRED|CEASE-FIRING"));
}

static void test_irregular(prl_arena *ar)
{
    T_CHECK(forms_are(ar, "SAY", "SAY|SAYS|SAID|SAYING|SAYED"));
    T_CHECK(forms_are(ar, "FLEE", "FLEE|FLEES|FLED|FLEEING|FLEED"));
    T_CHECK(forms_are(ar, "GO", "GO|GOES|GONE|WENT|GOING|GOED"));
    T_CHECK(forms_are(ar, "MEET", "MEET|MEETS|MET|MEETING|MEETED"));
    T_CHECK(forms_are(ar, "BE", "BE|IS|WAS|AM|ARE|BEEN|WERE|BEING"));
    T_CHECK(forms_are(ar, "HAVE", "HAVE|HAS|HAD|HAVING|HAVES|HAVED"));
    T_CHECK(forms_are(ar, "GIVE", "GIVE|GIVES|GAVE|GIVEN|GIVING|GIVED"));
    T_CHECK(forms_are(ar, "SEE", "SEE|SEES|SAW|SEEN|SEEING|SEED"));
    T_CHECK(forms_are(ar, "WIN", "WIN|WINS|WON|WINNING|WINNED"));
    /* Stress-doubling WordNet knows and the spelling rules cannot see. */
    T_CHECK(forms_are(ar, "ADMIT", "ADMIT|ADMITS|ADMITTED|ADMITTING"));
    T_CHECK(forms_are(ar, "CONTROL", "CONTROL|CONTROLS|CONTROLLED|CONTROLLING"));
    T_CHECK(forms_are(ar, "PANIC", "PANIC|PANICS|PANICKED|PANICKING"));
    T_CHECK(forms_are(ar, "QUIZ", "QUIZ|QUIZZES|QUIZZED|QUIZZING"));
    /* Past = base: no PUTTED, CASTED. */
    T_CHECK(forms_are(ar, "PUT", "PUT|PUTS|PUTTING"));
    T_CHECK(forms_are(ar, "SHED", "SHED|SHEDS|SHEDDING"));
    T_CHECK(forms_are(ar, "CAST", "CAST|CASTS|CASTING"));
    /* Both, where both are standard. */
    T_CHECK(forms_are(ar, "BURN", "BURN|BURNS|BURNED|BURNT|BURNING"));
    T_CHECK(forms_are(ar, "LIE", "LIE|LIES|LIED|LAIN|LAY|LYING"));
    T_CHECK(forms_are(ar, "BLESS", "BLESS|BLESSES|BLESSED|BLEST|BLESSING"));
    T_CHECK(forms_are(ar, "TRAVEL",
                      "TRAVEL|TRAVELS|TRAVELED|TRAVELLED|TRAVELING|TRAVELLING"));
    T_CHECK(forms_are(ar, "EXPEL", "EXPEL|EXPELS|EXPELLED|EXPELLING"));
    /* Spelling variants WordNet lists do not displace the regular forms. */
    T_CHECK(has_form(ar, "COORDINATE", "COORDINATED"));
    T_CHECK(has_form(ar, "COORDINATE", "CO-ORDINATED"));
    T_CHECK(has_form(ar, "SWAP", "SWAPS"));
    T_CHECK(has_form(ar, "SWAP", "SWAPPED"));
    T_CHECK(forms_are(ar, "SEED", "SEED|SEEDS|SEEDED|SEEDING"));
    /* A regular form displaced by a different listed word is added too,
     * last (TABARI and PETRARCH always recognize the regular endings):
     * CHIDED beside archaic CHID. Nonsense such as SAYED never occurs. */
    T_CHECK(forms_are(ar, "CHIDE", "CHIDE|CHIDES|CHID|CHIDDEN|CHIDING|CHIDED"));
    T_CHECK(has_form(ar, "BRING", "BROUGHT"));
    T_CHECK(has_form(ar, "SEEK", "SOUGHT"));
    T_CHECK(has_form(ar, "SEEK", "SEEKED"));
    /* But not a misspelling of a listed respelling, nor a past that is
     * the base itself. */
    T_CHECK(!has_form(ar, "EXPEL", "EXPELED"));
    T_CHECK(!has_form(ar, "SWIM", "SWIMING"));
    T_CHECK(!has_form(ar, "PUT", "PUTTED"));
    /* Room is limited to 8: BE keeps every listed form and BEING. */
    T_CHECK(forms_are(ar, "BE", "BE|IS|WAS|AM|ARE|BEEN|WERE|BEING"));
    T_CHECK(!has_form(ar, "BE", "BES"));
}

static void test_multiword(prl_arena *ar)
{
    T_CHECK(forms_are(ar, "CLEAR UP", "CLEAR UP|CLEARS UP|CLEARED UP|CLEARING UP"));
    T_CHECK(forms_are(ar, "GO TO", "GO TO|GOES TO|GONE TO|WENT TO|GOING TO|GOED TO"));
    T_CHECK(forms_are(ar, "SET UP", "SET UP|SETS UP|SETTING UP"));
    T_CHECK(forms_are(ar, "SHAKE HANDS WITH",
                      "SHAKE HANDS WITH|SHAKES HANDS WITH|SHAKEN HANDS WITH|"
                      "SHOOK HANDS WITH|SHAKING HANDS WITH|SHAKED HANDS WITH"));
    /* A hyphenated word WordNet does not know borrows its last part's. */
    T_CHECK(forms_are(ar, "RE-RUN", "RE-RUN|RE-RUNS|RE-RAN|RE-RUNNING|RE-RUNNED"));
}

static void test_edges(prl_arena *ar)
{
    const char *out[8];
    T_CHECK(prl_inflect(ar, NULL, out) == 0);
    T_CHECK(forms_are(ar, "", ""));
    T_CHECK(forms_are(ar, "X", "X"));
    T_CHECK(forms_are(ar, "U.N.", "U.N."));
    T_CHECK(forms_are(ar, "F-16", "F-16"));
    T_CHECK(forms_are(ar, " UP", " UP"));
    /* out[0] is the caller's pointer. */
    const char *b = "ATTACK";
    T_CHECK(prl_inflect(ar, b, out) == 4 && out[0] == b);
    /* A very long word is inflected by rule and does not overflow. */
    char big[300];
    memset(big, 'A', sizeof big - 2);
    big[sizeof big - 2] = 'T';
    big[sizeof big - 1] = 0;
    T_CHECK(prl_inflect(ar, big, out) == 4 && strlen(out[2]) == strlen(big) + 2);
    /* No verb in the table produces more than 8 or a duplicate. */
    static const char *const many[] = { "BE", "CHIVY", "COORDINATE", "SWAP", "BEAR", "LIE" };
    for (size_t i = 0; i < sizeof many / sizeof *many; i++) {
        unsigned n = prl_inflect(ar, many[i], out);
        T_CHECK(n >= 1 && n <= 8);
        for (unsigned a = 0; a < n; a++)
            for (unsigned c = a + 1; c < n; c++)
                T_CHECK(strcmp(out[a], out[c]) != 0);
    }
}

static void test_table(void)
{
    const char *f[4];
    T_CHECK(prl_irregular_count() > 2000);
    T_CHECK(prl_irregular_forms("SAY", 3, f, 4) == 1 && strcmp(f[0], "SAID") == 0);
    /* Lookup by length: "SAYS" is not a base, "SA" of "SAY" finds nothing. */
    T_CHECK(prl_irregular_forms("SAYS", 4, f, 4) == 0);
    T_CHECK(prl_irregular_forms("SAY", 2, f, 4) == 0);
    /* More forms than room: the count is still the total. */
    T_CHECK(prl_irregular_forms("BE", 2, f, 2) == 6);
    T_CHECK(strcmp(f[0], "AM") == 0 && strcmp(f[1], "ARE") == 0);
    T_CHECK(prl_irregular_forms("SHAKE HANDS", 11, f, 4) == 4);
    T_CHECK(prl_irregular_forms("", 0, f, 4) == 0);
    T_CHECK(prl_irregular_forms("ZZZZ", 4, f, 4) == 0);
}

/* Allocation failure makes prl_inflect return 0, never a NULL form. */
static void *fail_alloc(void *ud, void *p, size_t n)
{
    (void)ud;
    if (n == 0) {
        free(p);
        return NULL;
    }
    return NULL;
}

static void test_oom(void)
{
    prl_alloc a = { fail_alloc, NULL };
    prl_arena ar;
    prl_arena_init(&ar, &a);
    const char *out[8];
    T_CHECK(prl_inflect(&ar, "ATTACK", out) == 0);
    T_CHECK(ar.failed);
    /* The base alone needs no allocation. */
    T_CHECK(prl_inflect(&ar, "U.N.", out) == 1);
    prl_arena_free(&ar);
}

int main(void)
{
    prl_arena ar;
    prl_arena_init(&ar, NULL);
    test_regular(&ar);
    test_irregular(&ar);
    test_multiword(&ar);
    test_edges(&ar);
    test_table();
    test_oom();
    prl_arena_free(&ar);
    return T_DONE();
}
