/* inflect.c: the inflected forms of an English verb, for verb dictionary
 * lines that give only a base form ("ATTACK" must also match "attacks",
 * "attacked", "attacking").
 *
 * Forms come from two places:
 *
 * 1. Regular rules (on the first word of a multi-word verb; the rest is
 *    copied: CLEAR UP -> CLEARS UP, CLEARED UP, CLEARING UP):
 *    - 3rd person: consonant+Y -> IES (TRY -> TRIES); after S, X, Z, CH, SH
 *      and consonant+O -> ES (PRESS -> PRESSES, GO -> GOES); else S.
 *    - past and past participle (one form): final E -> D (AGREE -> AGREED);
 *      consonant+Y -> IED (TRY -> TRIED); a one-syllable word ending in
 *      consonant-vowel-consonant doubles the consonant, except W, X, Y
 *      (STOP -> STOPPED, but FIX -> FIXED, VISIT -> VISITED); else ED.
 *    - gerund: IE -> YING (DIE -> DYING); EE, YE, OE keep the E (FLEE ->
 *      FLEEING, DYE -> DYEING); another final E is dropped when a vowel
 *      precedes it (MAKE -> MAKING, but BE -> BEING); the same doubling as
 *      the past (STOP -> STOPPING); else ING.
 *    "One syllable" means one group of vowels in the last hyphen-separated
 *    part of the word; QU counts as a consonant (QUIT). Stress on a final
 *    syllable (ADMIT -> ADMITTED) cannot be seen in spelling: WordNet
 *    lists those forms, see 2.
 *
 * 2. WordNet's exception list (src/dict/irregular.c, generated from
 *    verb.exc): every form listed for the base is produced. WordNet lists
 *    exactly the forms its own suffix rules cannot derive, so a listed form
 *    usually comes before the regular form of the same slot. Each listed
 *    form is put in a slot by its spelling, and goes before the regular
 *    one, which is then added only at the end, room permitting, and only
 *    when the listed form is another word (SAID, CHID: TABARI and
 *    PETRARCH always recognize regular endings, and an archaic listed past
 *    must not hide the standard CHIDED), not a respelling of it (ADMITTED
 *    makes ADMITED a misspelling). The slots:
 *    - ending in ING: the gerund (SWIM -> SWIMMING, not SWIMING);
 *    - ending in S: the 3rd person, replacing the regular one only when it
 *      is no longer than the base (BE -> IS, HAVE -> HAS) or the base with a
 *      doubled consonant (QUIZ -> QUIZZES); WordNet's other S forms are
 *      spelling variants (SWAP -> SWOPS) and are added, not substituted;
 *    - anything else: the past or participle (SAY -> SAID, never SAYED).
 *    Exceptions, where a listed form does not make the regular one wrong:
 *    - participle-only spellings, ending in EN, WN, RN or NE (SHOW ->
 *      SHOWN, PROVE -> PROVEN, SHINE -> SHONE): the regular past stays
 *      (SHOWED, PROVED, SHINED) unless another listed form replaces it
 *      (GIVE -> GAVE, GIVEN: no GIVED);
 *    - British doubled L after A or E in a longer word (TRAVEL ->
 *      TRAVELLED, TRAVELLING): American TRAVELED, TRAVELING stay too; not
 *      for the stressed ...PEL verbs (EXPEL), EXCEL and REBEL;
 *    - archaic or British -T pasts of -SS and -LL verbs (BLESS -> BLEST,
 *      SPELL -> SPELT): BLESSED, SPELLED stay;
 *    - a short list of verbs whose regular past is standard beside the
 *      listed one (BURN -> BURNT and BURNED, LIE -> LAY and LIED); the list
 *      is parley's, not WordNet's, and is below as also_regular.
 *    A listed form that is, hyphens aside, the base or the regular form
 *    of its slot (WordNet lists SEED as a form of SEED, CO-ORDINATE and
 *    CO-ORDINATED under COORDINATE) is added but replaces nothing.
 *    And where WordNet's silence says something: a verb in T or D whose
 *    past is the base itself (PUT, SET, SHED) has no listed past but a
 *    listed doubled gerund (PUTTING): its regular past is dropped. Such
 *    verbs WordNet lists nothing for (CAST, HURT) are in
 *    same_past below. Known misses: rare verbs WordNet lists only by a
 *    doubled gerund lose or misspell the past (SLED: no SLEDDED; BULLDOG:
 *    BULLDOGED), and a stressed -EL/-AL verb not in stressed_el gets a
 *    nonsense single-L form beside the right one.
 *
 * Only the first word is looked up; a hyphenated word WordNet does not
 * know (RE-RUN) uses its last part's listed forms (RE-RAN). Words whose
 * last two bytes are not A-Z ("U.N.", "F-16") and one-letter words get no
 * forms beyond the base. Lower case is not folded: bases are upper case.
 *
 * At most PRL_INFLECT_MAX (8) forms are produced, base first; that is
 * enough for BE (BE IS AM ARE WAS WERE BEEN BEING). */
#include <string.h>

#include "dict/model.h"
#include "dict/irregular.h"

#define PRL_INFLECT_MAX 8
#define IRR_MAX 16
#define PRL_INFLECT_WORD 64     /* longer first words get no listed forms */

/* Verbs whose regular past (-ED) is standard even though WordNet lists an
 * irregular past. Short lists, scanned linearly. */
static const char *const also_regular[] = {
    "ABIDE", "BURN", "CLOTHE", "CURSE", "DIVE", "DREAM", "FLOODLIGHT",
    "GELD", "GILD", "GIRD", "HANG", "HEAVE", "KNEEL", "LEAN", "LEAP",
    "LEARN", "LIE", "LIGHT", "PLEAD", "REAVE", "REEVE", "SHOE", "SKI",
    "SKYDIVE", "SNEAK", "SPEED", "SPOIL", "SPOTLIGHT", "STAVE", "STRIVE",
    "THRIVE", "TRANSFIX", "UNCLOTHE", "UNLEARN", "UPHEAVE", "WAKE",
    "WATER-SKI", "WEAVE", "WORK",
};

/* Verbs whose past is the base and which WordNet lists nothing for. */
static const char *const same_past[] = {
    "BEAT", "BURST", "CAST", "COST", "HURT", "READ", "SPREAD", "THRUST",
};

/* Stressed final -EL verbs that double in American spelling too. */
static const char *const stressed_el[] = { "EXCEL", "REBEL" };

static int in_list(const char *const *list, size_t n, const char *w, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && memcmp(list[i], w, len) == 0)
            return 1;
    return 0;
}

static int is_vowel(char c)
{
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

static int is_letter(char c)
{
    return c >= 'A' && c <= 'Z';
}

static int is_consonant(char c)
{
    return is_letter(c) && !is_vowel(c);
}

static int ends_with(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && memcmp(s + n - k, suf, k) == 0;
}

/* Does the word end in a doubling consonant-vowel-consonant with one
 * syllable (STOP, PLAN, QUIT, SKID)? Looks only at the part after the last
 * hyphen, so RE-RUN doubles like RUN. */
static int doubles(const char *w, size_t n)
{
    size_t start = n;
    while (start > 0 && w[start - 1] != '-')
        start--;
    const char *s = w + start;
    size_t m = n - start;
    if (m < 3)
        return 0;
    char c3 = s[m - 1], c2 = s[m - 2], c1 = s[m - 3];
    if (!is_consonant(c3) || c3 == 'W' || c3 == 'X' || c3 == 'Y' || !is_vowel(c2))
        return 0;
    int qu = c1 == 'U' && m >= 4 && s[m - 4] == 'Q';
    if (!is_consonant(c1) && !qu)
        return 0;
    /* One vowel group: QU's U belongs to the consonant. */
    unsigned groups = 0;
    int in = 0;
    for (size_t i = 0; i < m; i++) {
        int v = is_vowel(s[i]) && !(s[i] == 'U' && i > 0 && s[i - 1] == 'Q');
        if (v && !in)
            groups++;
        in = v;
    }
    return groups == 1;
}

/* Spellings that are past participles only (SHOWN, PROVEN, SHONE, TORN). */
static int participle_shape(const char *f, size_t n)
{
    return ends_with(f, n, "EN") || ends_with(f, n, "WN") || ends_with(f, n, "RN")
        || ends_with(f, n, "NE");
}

/* Is f (length fn) the word w with its last letter doubled and suffix suf
 * appended (STOP -> STOPPED)? */
static int is_doubled(const char *w, size_t n, const char *f, size_t fn, const char *suf)
{
    size_t k = strlen(suf);
    return n > 0 && fn == n + 1 + k && memcmp(f, w, n) == 0 && f[n] == w[n - 1]
        && memcmp(f + n + 1, suf, k) == 0;
}

/* British doubled L (TRAVELLED) where American spelling does not double. */
static int british_ll(const char *w, size_t n, const char *f, size_t fn, const char *suf)
{
    if (n < 4 || !(ends_with(w, n, "AL") || ends_with(w, n, "EL")) || ends_with(w, n, "PEL")
        || in_list(stressed_el, sizeof stressed_el / sizeof *stressed_el, w, n))
        return 0;
    unsigned groups = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        int v = is_vowel(w[i]);
        if (v && !in)
            groups++;
        in = v;
    }
    return groups > 1 && is_doubled(w, n, f, fn, suf);
}

/* Archaic or British -T past of a verb in -SS or -LL (BLESS -> BLEST,
 * SPELL -> SPELT, ADDRESS -> ADDREST): the regular past is standard too. */
static int t_variant(const char *w, size_t n, const char *f, size_t fn)
{
    return n >= 3 && fn == n && w[n - 1] == w[n - 2] && (w[n - 1] == 'S' || w[n - 1] == 'L')
        && memcmp(f, w, n - 1) == 0 && f[n - 1] == 'T';
}

/* Equal once hyphens are ignored (CO-ORDINATE, COORDINATE)? */
static int same_but_hyphens(const char *a, size_t an, const char *b, size_t bn)
{
    size_t i = 0, j = 0;
    for (;;) {
        while (i < an && a[i] == '-')
            i++;
        while (j < bn && b[j] == '-')
            j++;
        if (i == an || j == bn)
            return i == an && j == bn;
        if (a[i++] != b[j++])
            return 0;
    }
}

/* Is the listed form f a respelling of a regular form of w, i.e. w itself
 * plus a suffix (ADMITTED, PANICKED, QUIZZES), rather than another word
 * (SAID, CHID, IS)? Hyphens are ignored (CO-ORDINATED). */
static int respells(const char *f, size_t fn, const char *w, size_t n)
{
    size_t i = 0, j = 0;
    while (j < n) {
        while (i < fn && f[i] == '-')
            i++;
        while (j < n && w[j] == '-')
            j++;
        if (j == n)
            break;
        if (i == fn || f[i] != w[j])
            return 0;
        i++, j++;
    }
    return i < fn;
}

/* Output under construction. */
typedef struct infl_out {
    prl_arena *ar;
    const char **out;
    unsigned n;
    int failed;
} infl_out;

/* Append stem (first `keep` bytes of w) + suffix + rest, unless already
 * present or the output is full. */
static void emit(infl_out *o, const char *w, size_t keep, const char *suf,
                 const char *rest, size_t rest_n)
{
    if (o->failed || o->n >= PRL_INFLECT_MAX)
        return;
    size_t sn = strlen(suf);
    size_t len = keep + sn + rest_n;
    for (unsigned i = 0; i < o->n; i++) {
        const char *p = o->out[i];
        if (strlen(p) == len && memcmp(p, w, keep) == 0 && memcmp(p + keep, suf, sn) == 0
            && memcmp(p + keep + sn, rest, rest_n) == 0)
            return;
    }
    char *s = prl_arena_alloc(o->ar, len + 1);
    if (!s) {
        o->failed = 1;
        return;
    }
    memcpy(s, w, keep);
    memcpy(s + keep, suf, sn);
    memcpy(s + keep + sn, rest, rest_n);
    s[len] = 0;
    o->out[o->n++] = s;
}

/* The regular rules: each gives the regular form of its slot as the first
 * *keep bytes of w followed by suf. */
typedef struct infl_rule {
    size_t keep;
    char suf[5];
} infl_rule;

static infl_rule rule_third(const char *w, size_t n)
{
    char last = w[n - 1], prev = w[n - 2];
    if (last == 'Y' && is_consonant(prev))
        return (infl_rule){ n - 1, "IES" };
    if (last == 'S' || last == 'X' || last == 'Z' || ends_with(w, n, "CH")
        || ends_with(w, n, "SH") || (last == 'O' && is_consonant(prev)))
        return (infl_rule){ n, "ES" };
    return (infl_rule){ n, "S" };
}

static infl_rule rule_past(const char *w, size_t n)
{
    char last = w[n - 1], prev = w[n - 2];
    if (last == 'E')
        return (infl_rule){ n, "D" };
    if (last == 'Y' && is_consonant(prev))
        return (infl_rule){ n - 1, "IED" };
    if (doubles(w, n))
        return (infl_rule){ n, { last, 'E', 'D', 0, 0 } };
    return (infl_rule){ n, "ED" };
}

static infl_rule rule_gerund(const char *w, size_t n)
{
    char last = w[n - 1], prev = w[n - 2];
    if (ends_with(w, n, "IE"))
        return (infl_rule){ n - 2, "YING" };
    if (last == 'E' && (prev == 'E' || prev == 'Y' || prev == 'O'))
        return (infl_rule){ n, "ING" };
    if (last == 'E') {
        int vowel_before = 0;
        for (size_t i = 0; i + 1 < n; i++)
            vowel_before |= is_vowel(w[i]) || (w[i] == 'Y' && i > 0);
        return (infl_rule){ vowel_before ? n - 1 : n, "ING" };
    }
    if (doubles(w, n))
        return (infl_rule){ n, { last, 'I', 'N', 'G', 0 } };
    return (infl_rule){ n, "ING" };
}

/* Is f, hyphens aside, the regular form r of w (CO-ORDINATED for
 * COORDINATE)? Such a listed form is a spelling, not a replacement. */
static int is_rule_form(const char *f, size_t fn, const char *w, infl_rule r)
{
    char buf[PRL_INFLECT_WORD + 8];
    size_t sn = strlen(r.suf);
    if (r.keep + sn > sizeof buf)
        return 0;
    memcpy(buf, w, r.keep);
    memcpy(buf + r.keep, r.suf, sn);
    return same_but_hyphens(f, fn, buf, r.keep + sn);
}

/* Writes base's forms into out and returns how many (1 to 8): out[0] is
 * base itself, the others are new strings in ar, without duplicates.
 * Returns 0 for a NULL base or when ar fails (ar->failed is then set). */
unsigned prl_inflect(prl_arena *ar, const char *base, const char *out[8])
{
    infl_out o = { ar, out, 0, 0 };
    if (!base)
        return 0;
    out[o.n++] = base;

    /* The first word is inflected; the rest (" UP") is carried along. */
    const char *sp = strchr(base, ' ');
    size_t n = sp ? (size_t)(sp - base) : strlen(base);
    const char *rest = base + n;
    size_t rn = strlen(rest);
    if (n < 2 || !is_letter(base[n - 1]) || !is_letter(base[n - 2]))
        return o.n;   /* "U.N.", "X", "F-16": nothing sensible to add */

    /* A hyphenated verb WordNet does not know (RE-RUN) borrows the forms of
     * its last part (RUN -> RAN): lw, ln is the word looked up, pre the
     * prefix kept in front of its forms. */
    const char *irr[IRR_MAX];
    const char *lw = base;
    size_t ln = n, pre = 0;
    unsigned ni = n <= PRL_INFLECT_WORD ? prl_irregular_forms(base, n, irr, IRR_MAX) : 0;
    if (ni == 0 && n <= PRL_INFLECT_WORD) {
        size_t h = n;
        while (h > 0 && base[h - 1] != '-')
            h--;
        if (h > 0 && n - h >= 2) {
            pre = h;
            lw = base + h;
            ln = n - h;
            ni = prl_irregular_forms(lw, ln, irr, IRR_MAX);
            if (ni == 0) {
                pre = 0;
                lw = base;
                ln = n;
            }
        }
    }
    if (ni > IRR_MAX)
        ni = IRR_MAX;

    infl_rule third = rule_third(lw, ln), past = rule_past(lw, ln), ger = rule_gerund(lw, ln);
    int keep_third = 1, keep_past = 1, keep_gerund = 1;
    /* Slots whose regular form a different word displaced (SAID, CHID),
     * not a respelling of it (ADMITTED, SWIMMING): see the end. */
    int other_third = 0, other_past = 0, other_gerund = 0;
    int any_past = 0, dbl_past = 0, dbl_gerund = 0;
    int also = in_list(also_regular, sizeof also_regular / sizeof *also_regular, lw, ln);
    for (unsigned i = 0; i < ni; i++) {
        const char *f = irr[i];
        size_t fn = strlen(f);
        if (same_but_hyphens(f, fn, lw, ln))
            continue;   /* the base or a spelling of it (SEED, CO-ORDINATE) */
        if (ends_with(f, fn, "ING")) {
            dbl_gerund |= is_doubled(lw, ln, f, fn, "ING");
            if (!british_ll(lw, ln, f, fn, "ING") && !is_rule_form(f, fn, lw, ger))
                keep_gerund = 0, other_gerund |= !respells(f, fn, lw, ln);
        } else if (ends_with(f, fn, "S")) {
            if ((fn <= ln || is_doubled(lw, ln, f, fn, "ES")) && !is_rule_form(f, fn, lw, third))
                keep_third = 0, other_third |= !respells(f, fn, lw, ln);
        } else {
            any_past = 1;
            dbl_past |= is_doubled(lw, ln, f, fn, "ED");
            if (!participle_shape(f, fn) && !british_ll(lw, ln, f, fn, "ED")
                && !t_variant(lw, ln, f, fn) && !is_rule_form(f, fn, lw, past) && !also)
                keep_past = 0, other_past |= !respells(f, fn, lw, ln);
        }
    }
    if ((dbl_gerund && !dbl_past && !any_past && (lw[ln - 1] == 'T' || lw[ln - 1] == 'D'))
        || in_list(same_past, sizeof same_past / sizeof *same_past, lw, ln))
        keep_past = 0;

    /* The regular forms are made on the whole first word (RE-RUN), the
     * listed ones are the looked-up part's with the prefix put back. */
    third = rule_third(base, n);
    past = rule_past(base, n);
    ger = rule_gerund(base, n);
    if (keep_third)
        emit(&o, base, third.keep, third.suf, rest, rn);
    for (unsigned i = 0; i < ni; i++) {
        size_t fn = strlen(irr[i]);
        if (ends_with(irr[i], fn, "S") && !ends_with(irr[i], fn, "ING"))
            emit(&o, base, pre, irr[i], rest, rn);
    }
    if (keep_past)
        emit(&o, base, past.keep, past.suf, rest, rn);
    for (unsigned i = 0; i < ni; i++) {
        size_t fn = strlen(irr[i]);
        if (!ends_with(irr[i], fn, "S") && !ends_with(irr[i], fn, "ING"))
            emit(&o, base, pre, irr[i], rest, rn);
    }
    if (keep_gerund)
        emit(&o, base, ger.keep, ger.suf, rest, rn);
    for (unsigned i = 0; i < ni; i++) {
        size_t fn = strlen(irr[i]);
        if (ends_with(irr[i], fn, "ING"))
            emit(&o, base, pre, irr[i], rest, rn);
    }
    /* A regular form that a different listed word displaced is still
     * added, last and room permitting: TABARI and PETRARCH always
     * recognize the regular endings of a verb given without a {...} list,
     * and a listed past is often archaic beside the standard -ED (CHIDE ->
     * CHID, but the news writes CHIDED). Nonsense (SAYED) costs nothing: it
     * never occurs. A regular form respelled by the listed one (EXPELED
     * for EXPELLED) or a past that is the base itself (PUT) stays out.
     * BE keeps BEING over BES and BED by this order. */
    if (other_third)
        emit(&o, base, third.keep, third.suf, rest, rn);
    if (other_gerund)
        emit(&o, base, ger.keep, ger.suf, rest, rn);
    if (other_past)
        emit(&o, base, past.keep, past.suf, rest, rn);
    return o.failed ? 0 : o.n;
}
