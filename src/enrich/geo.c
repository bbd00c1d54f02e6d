/* geo.c: the geolocation pass (geo.h). Per sentence with events:
 *
 *  1. mentions: longest gazetteer names over the sentence's tokens,
 *     starting at a capitalized word ("the West Bank", "Gaza City",
 *     "Rio de Janeiro"); a name glued to another capitalized word ("Michael
 *     Jordan", "New York Times", "Real Madrid") is part of another name and
 *     is dropped;
 *  2. cues: what says a name is a place here: a locative before it ("in",
 *     "near", "at", "outside", "across", also past "the", directions and
 *     "city of": "in the northern city of Kharkiv"), a place noun after it
 *     ("Kharkiv region"), a possessive before a place noun ("Pakistan's
 *     Swat valley"), a country after a comma ("Kharkiv, Ukraine"); weak
 *     cues ("to", "from", "into") count only when nothing better is there;
 *  3. choice: the candidates of a name are grouped by country; evidence
 *     ranks the groups: the country stated with the name (comma, possessive,
 *     the actor code of the words), then the countries of the sentence's
 *     actors and of the dateline, then the countries of the document's
 *     actors and of other names in the sentence; then population. Two
 *     groups with the same evidence and populations within a factor of 4
 *     leave the name out: parley says nothing rather than something wrong.
 *     Within a country: a country, then a city, then a region, unless a
 *     place noun asks for one ("Kharkiv region");
 *  4. names that are also common words or persons' names ("Nice",
 *     "Reading", "Jordan", "Georgia") count only with a locative cue or the
 *     actor code that agrees;
 *  5. events: the place where it happened is the cued name nearest the
 *     verb; in a material event a place inside an actor's words but not
 *     the whole actor ("protesters from Managua") is that actor's own and
 *     counts only when nothing else does; for the headline and the first
 *     body sentence, the dateline when the sentence has none. An actor's
 *     place is a name within its words ("Kharkiv's governor") or right
 *     after them ("officials in Gaza", "positions near Kharkiv").
 * Nothing here allocates except the parley_geo records in the doc arena;
 * the scratch is on the stack, bounded per sentence. */
#include "enrich/geo.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "enrich/gazetteer.h"

#define MAX_MENTIONS 48     /* per sentence */
#define MAX_CANDS 32        /* places per name considered */
#define MAX_COUNTRIES 32    /* evidence countries per document */
#define KEY_MAX 160         /* bytes of a folded name */
#define RATIO 3.0           /* population ratio that settles a tie */
#define WEAK_REACH 20       /* bytes from the verb's end to a weak-cued name */
#define CITY_SHARE 3        /* a city beats its namesake region when it holds
                               at least 1/CITY_SHARE of its people */

enum { CUE_NONE = 0, CUE_WEAK, CUE_STRONG };

typedef struct gment {
    uint32_t ts, te;            /* tokens [ts, te) of the sentence */
    uint32_t bs, be;            /* bytes in the doc text */
    const prl_gz_key *key;
    uint8_t cue;                /* CUE_* */
    uint8_t want;               /* PRL_GZ_CITY / PRL_GZ_ADM1 asked by a noun */
    uint8_t absorbed;           /* the country of a comma or possessive */
    uint8_t risky;              /* a common word or a person's name */
    uint8_t stated;             /* its country or region is written with it
                                   ("Paris, Texas", "Ukraine's Donetsk") */
    const char *why;            /* the cue, for the trace */
    uint32_t ctx_country;       /* country stated with it, or NONE */
    uint32_t ctx_adm1;          /* region stated with it ("Paris, Texas") */
    uint32_t place;             /* chosen, or PRL_GZ_NONE */
    const parley_geo *geo;
} gment;

typedef struct gctx {
    parley_coder *c;
    parley_doc *doc;
    uint32_t doc_c[MAX_COUNTRIES];      /* the document's actor countries */
    unsigned n_doc_c;
    uint32_t sent_c[MAX_COUNTRIES];     /* the sentence's actor countries */
    unsigned n_sent_c;
    uint32_t near_c[MAX_COUNTRIES];     /* countries of names in the sentence */
    unsigned n_near_c;
    uint32_t dl_country;                /* the dateline's */
    gment dateline;                     /* its place, if any */
    int have_dateline;
} gctx;

static void gtrace(gctx *g, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void gtrace(gctx *g, const char *fmt, ...)
{
    parley_coder *c = g->c;
    if (!c->trace)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->tline, sizeof c->tline, fmt, ap);
    va_end(ap);
    c->trace(c->trace_ud, c->tline);
}

static void add_country(uint32_t *set, unsigned *n, uint32_t cc)
{
    if (cc == PRL_GZ_NONE)
        return;
    for (unsigned i = 0; i < *n; i++)
        if (set[i] == cc)
            return;
    if (*n < MAX_COUNTRIES)
        set[(*n)++] = cc;
}

static int has_country(const uint32_t *set, unsigned n, uint32_t cc)
{
    for (unsigned i = 0; i < n; i++)
        if (set[i] == cc)
            return 1;
    return 0;
}

static int in_list(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(w, *list) == 0)
            return 1;
    return 0;
}

static const char *const STRONG[] = {
    "IN", "NEAR", "AT", "OUTSIDE", "ACROSS", "INSIDE", "THROUGHOUT", "AROUND",
    "WITHIN", "OFF", "VISITED", "VISITING", "VISIT", "VISITS", "BESIEGED",
    "AMID", "OUTSKIRTS", NULL};
/* Not "to": "protested to China", "appealed to France" name no place. */
static const char *const WEAK[] = {"INTO", "FROM", "TOWARD", "TOWARDS", "ONTO", NULL};
/* Before "in": the place is where someone comes from. */
static const char *const ORIGIN[] = {
    "BORN", "RAISED", "EDUCATED", "BASED", "HEADQUARTERED", "REGISTERED",
    "GREW", "LIVES", "LIVED", "LIVING", "RESIDENT", "RESIDENTS", "NATIVE",
    "CITIZEN", "CITIZENS", NULL};
/* Words between a locative and the name: "in the northern city of X". */
static const char *const SKIP[] = {
    "THE", "NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "CENTRAL",
    "NORTHEASTERN", "NORTHWESTERN", "SOUTHEASTERN", "SOUTHWESTERN",
    "NORTH-EASTERN", "NORTH-WESTERN", "SOUTH-EASTERN", "SOUTH-WESTERN",
    "NORTHEAST", "NORTHWEST", "SOUTHEAST", "SOUTHWEST", "NORTH", "SOUTH",
    "EAST", "WEST", "NEIGHBOURING", "NEIGHBORING", "NEARBY", "OCCUPIED",
    "CITY", "TOWN", "VILLAGE", "PROVINCE", "REGION", "STATE", "CAPITAL",
    "DISTRICT", "AREA", "PORT", "OF", "BORDER", "RESTIVE", "BESIEGED",
    "COASTAL", "SOUTHERNMOST", "NORTHERNMOST", "EASTERN-MOST", NULL};
/* "N km north of X", "the outskirts of X": OF after these is a locative. */
static const char *const OF_LOC[] = {
    "NORTH", "SOUTH", "EAST", "WEST", "NORTHEAST", "NORTHWEST", "SOUTHEAST",
    "SOUTHWEST", "OUTSKIRTS", "SUBURBS", "OUTSIDE", "CENTRE", "CENTER",
    "STREETS", "CITY", "TOWN", "VILLAGE", "PROVINCE", "REGION", "HEART",
    "PARTS", "COAST", NULL};
static const char *const NOUN_ADM1[] = {
    "PROVINCE", "REGION", "OBLAST", "GOVERNORATE", "STATE", "PREFECTURE",
    "DEPARTMENT", "COUNTY", "TERRITORY", "OBLAST'", "PROVINCES", NULL};
static const char *const NOUN_CITY[] = {"CITY", "TOWN", "MUNICIPALITY", NULL};
static const char *const NOUN_PLACE[] = {
    "DISTRICT", "VALLEY", "AREA", "BORDER", "CAPITAL", "VILLAGE", "COAST",
    "REGION", "PROVINCE", "CITY", "TOWN", "NORTH", "SOUTH", "EAST", "WEST",
    "TERRITORY", "STREETS", "SOIL", "AIRSPACE", "WATERS", "OUTSKIRTS",
    "COUNTRYSIDE", "PORT", "STATE", "OBLAST", "GOVERNORATE", "HIGHLANDS",
    "MOUNTAINS", "SUBURBS", "NORTHEAST", "NORTHWEST", "SOUTHEAST",
    "SOUTHWEST", NULL};
/* Capitalized after a name, these make it a natural feature's name. */
static const char *const NATURAL[] = {
    "VALLEY", "RIVER", "SEA", "STRAIT", "GULF", "BAY", "MOUNTAINS", "DESERT",
    "LAKE", "CANAL", "BASIN", "PLAIN", "PLATEAU", "PENINSULA", "ISLAND",
    "ISLANDS", "HEIGHTS", "CORRIDOR", NULL};
/* Capitalized words that do not make a neighbouring name a longer name. */
static const char *const NOT_NAME[] = {
    "THE", "A", "AN", "IN", "AT", "ON", "OF", "TO", "FROM", "NEAR", "AND",
    "OR", "BUT", "BY", "FOR", "WITH", "AS", "AFTER", "BEFORE", "WHEN",
    "WHILE", "SINCE", "DURING", "OUTSIDE", "ACROSS", "INSIDE", "IF",
    "THIS", "THAT", "THESE", "THOSE", "IT", "HE", "SHE", "THEY", "WE", "I",
    "MEANWHILE", "ALSO", "THEN", "YET", "SO", "NORTHERN", "SOUTHERN",
    "EASTERN", "WESTERN", "CENTRAL", "NORTH", "SOUTH", "EAST", "WEST",
    "VISITED", "VISITING", "HIS", "HER", "ITS", "THEIR", "OUR", NULL};

static int is_word(const prl_token *t)
{
    return t->kind == PRL_T_WORD;
}

static int is_gen(const prl_token *t)
{
    return strcmp(t->norm, "'S") == 0 || strcmp(t->norm, "'") == 0;
}

/* A capitalized word that is not a function word: part of a name. */
static int namelike(const prl_token *t)
{
    return is_word(t) && (t->flags & PRL_TF_CAP) && !is_gen(t) &&
           !in_list(t->norm, NOT_NAME);
}

/* The longest gazetteer name starting at token i (te set), or NULL. */
static const prl_gz_key *longest(const char *text, const prl_token *tok,
                                 uint32_t n, uint32_t i, uint32_t *te)
{
    char key[KEY_MAX];
    size_t ends[8];
    size_t len = 0;
    uint32_t m = 0;
    for (uint32_t j = i; j < n && m < prl_gz.max_words && m < 8; j++) {
        const prl_token *t = &tok[j];
        if (!is_word(t) || is_gen(t))
            break;
        if (len && len + 1 < KEY_MAX)
            key[len++] = ' ';
        /* the token's own text, so accents fold as in the generator */
        if (prl_gz_fold(text + t->start, t->end - t->start, key, &len, KEY_MAX))
            break;
        while (len && key[len - 1] == ' ')
            len--;
        ends[m++] = len;
    }
    for (; m > 0; m--) {
        const prl_gz_key *k = prl_gz_find(key, ends[m - 1]);
        if (k) {
            *te = i + m;
            return k;
        }
    }
    return NULL;
}

/* Find the mentions of one sentence's tokens, with their cues. */
static unsigned find_mentions(gctx *g, const prl_token *tok, uint32_t n,
                              int headline, gment *out)
{
    const char *text = g->doc->text;
    unsigned nm = 0;
    for (uint32_t i = 0; i < n && nm < MAX_MENTIONS; i++) {
        const prl_token *t = &tok[i];
        if (!is_word(t) || !(t->flags & PRL_TF_CAP))
            continue;
        uint32_t te;
        const prl_gz_key *k = longest(text, tok, n, i, &te);
        if (!k)
            continue;
        gment *m = &out[nm];
        memset(m, 0, sizeof *m);
        m->ts = i;
        m->te = te;
        m->bs = tok[i].start;
        m->be = tok[te - 1].end;
        m->key = k;
        m->ctx_country = m->ctx_adm1 = m->place = PRL_GZ_NONE;
        m->why = "";
        i = te - 1;
        /* "the Jordan Valley", "the Strait of Hormuz" is not Jordan */
        if (te < n && (tok[te].flags & PRL_TF_CAP) && in_list(tok[te].norm, NATURAL)) {
            gtrace(g, "geo: %.*s: names a %s", (int)(m->be - m->bs), text + m->bs,
                   tok[te].norm);
            continue;
        }
        /* glued to another name: not this place */
        if (te < n && namelike(&tok[te]) && !in_list(tok[te].norm, NOUN_ADM1) &&
            !in_list(tok[te].norm, NOUN_CITY) && tok[te].space != PRL_SP_PARA) {
            gtrace(g, "geo: %.*s: part of a longer name", (int)(m->be - m->bs),
                   text + m->bs);
            continue;
        }
        /* glued to what follows ("US$400", "Gaza-based"): not a name */
        if (te < n && tok[te].space == PRL_SP_NONE && !is_gen(&tok[te]) &&
            !(tok[te].kind == PRL_T_END || tok[te].kind == PRL_T_QUOTE ||
              (tok[te].kind == PRL_T_PUNCT && strchr(",.;:)]!?", tok[te].norm[0])))) {
            gtrace(g, "geo: %.*s: part of a longer name", (int)(m->be - m->bs),
                   text + m->bs);
            continue;
        }
        if (!headline && m->ts > 0 && namelike(&tok[m->ts - 1]) &&
            !in_list(tok[m->ts - 1].norm, SKIP)) {
            gtrace(g, "geo: %.*s: part of a longer name", (int)(m->be - m->bs),
                   text + m->bs);
            continue;
        }
        /* A common word is a risk only where capitals say nothing: the
         * sentence's first word, a headline, upper-case text. A person's
         * name is a risk everywhere. */
        m->risky = (uint8_t)(k->flags & PRL_GZK_PERSON);
        if ((k->flags & PRL_GZK_WORD) &&
            (m->ts == 0 || headline || (t->flags & PRL_TF_ALLCAP)))
            m->risky |= PRL_GZK_WORD;
        /* a locative before it, past "the", directions, "city of" */
        uint32_t j = m->ts;
        unsigned skipped = 0;
        while (j > 0 && skipped < 5) {
            const prl_token *p = &tok[j - 1];
            if (strcmp(p->norm, "OF") == 0 && j >= 2 && in_list(tok[j - 2].norm, OF_LOC)) {
                m->cue = CUE_STRONG;
                m->why = "of";
                if (in_list(tok[j - 2].norm, NOUN_CITY))
                    m->want = PRL_GZ_CITY;
                else if (in_list(tok[j - 2].norm, NOUN_ADM1))
                    m->want = PRL_GZ_ADM1;
                break;
            }
            if (in_list(p->norm, STRONG)) {
                /* "born in Samoa", "based in Paris": where a person or
                 * body comes from, not where the event is */
                if (j >= 2 && in_list(tok[j - 2].norm, ORIGIN))
                    break;
                m->cue = CUE_STRONG;
                m->why = p->norm;
                break;
            }
            if (in_list(p->norm, WEAK)) {
                m->cue = CUE_WEAK;
                m->why = p->norm;
                break;
            }
            /* "the Ukrainian capital Kyiv": a capitalized adjective before
             * a place noun */
            if (!in_list(p->norm, SKIP) &&
                !(is_word(p) && (p->flags & PRL_TF_CAP) && j < m->ts &&
                  in_list(tok[j].norm, SKIP)))
                break;
            j--;
            skipped++;
        }
        /* "near the Belarus border": the border, not the country */
        if (te < n && (strcmp(tok[te].norm, "BORDER") == 0 ||
                       strcmp(tok[te].norm, "BORDERS") == 0)) {
            m->cue = CUE_NONE;
            m->why = "border";
        }
        /* a place noun after it says which kind of place, not that the
         * event is there ("a New York State law") */
        else if (te < n && is_word(&tok[te])) {
            if (in_list(tok[te].norm, NOUN_ADM1))
                m->want = PRL_GZ_ADM1;
            else if (in_list(tok[te].norm, NOUN_CITY))
                m->want = PRL_GZ_CITY;
        }
        nm++;
    }
    return nm;
}

/* ---- choosing a place --------------------------------------------- */

static const prl_gz_place *P(uint32_t i)
{
    return &prl_gz.places[i];
}

static int type_rank(const prl_gz_place *p, int want)
{
    int t = p->type;
    int is_adm1 = t == PRL_GZ_ADM1 || t == PRL_GZ_USSTATE;
    int is_city = t == PRL_GZ_CITY || t == PRL_GZ_USCITY;
    if (want == PRL_GZ_ADM1 && is_adm1)
        return 9;
    if (want == PRL_GZ_CITY && is_city)
        return 9;
    return t == PRL_GZ_COUNTRY ? 3 : is_city ? 2 : 1;
}

static int tier_of(const gctx *g, uint32_t cc)
{
    if (has_country(g->sent_c, g->n_sent_c, cc) || cc == g->dl_country)
        return 2;
    if (has_country(g->doc_c, g->n_doc_c, cc) || has_country(g->near_c, g->n_near_c, cc))
        return 1;
    return 0;
}

static const char *type_name(int t)
{
    switch (t) {
    case PRL_GZ_COUNTRY: return "country";
    case PRL_GZ_USSTATE: return "US state";
    case PRL_GZ_USCITY: return "US city";
    case PRL_GZ_CITY: return "city";
    default: return "region";
    }
}

/* Choose m's place (m->place) by the rules at the top; NONE if unsure. */
static void resolve(gctx *g, gment *m)
{
    const prl_gz_key *k = m->key;
    const char *text = g->doc->text;
    struct grp {
        uint32_t cc, best, best_ref;
        double imp;
        int tier;
    } grp[MAX_CANDS];
    unsigned ng = 0;
    uint32_t n = k->n < MAX_CANDS ? k->n : MAX_CANDS;
    for (uint32_t r = 0; r < n; r++) {
        uint32_t ref = prl_gz.refs[k->first + r];
        uint32_t pi = ref & ~PRL_GZ_ALT;
        const prl_gz_place *p = P(pi);
        if (m->ctx_country != PRL_GZ_NONE && p->country != m->ctx_country)
            continue;
        if (m->ctx_adm1 != PRL_GZ_NONE && p->adm1place != m->ctx_adm1 && pi != m->ctx_adm1)
            continue;
        double imp = (double)p->pop / ((ref & PRL_GZ_ALT) ? 10.0 : 1.0);
        unsigned gi = 0;
        while (gi < ng && grp[gi].cc != p->country)
            gi++;
        if (gi == ng) {
            grp[ng].cc = p->country;
            grp[ng].best = pi;
            grp[ng].best_ref = ref;
            grp[ng].imp = imp;
            grp[ng].tier = tier_of(g, p->country);
            ng++;
            continue;
        }
        const prl_gz_place *b = P(grp[gi].best);
        /* within a country: the kind asked for, a main name before an
         * alternate one ("New Delhi" is New Delhi, not Delhi), population */
        int rb = type_rank(b, m->want), rp = type_rank(p, m->want);
        /* "a speech in Delaware" is the state, not Delaware, Ohio: a city
         * outranks a region of its name only as a capital, its region's
         * seat, or half its people ("New York") */
        if (rb == 2 && rp == 1 && !b->seat && (uint64_t)b->pop * CITY_SHARE < p->pop)
            rb = 0;
        else if (rp == 2 && rb == 1 && !p->seat && (uint64_t)p->pop * CITY_SHARE < b->pop)
            rp = 0;
        int ab = !(grp[gi].best_ref & PRL_GZ_ALT), ap = !(ref & PRL_GZ_ALT);
        if (rp > rb || (rp == rb && (ap > ab || (ap == ab && p->pop > b->pop)))) {
            grp[gi].best = pi;
            grp[gi].best_ref = ref;
        }
        if (imp > grp[gi].imp)
            grp[gi].imp = imp;
    }
    if (ng == 0) {
        gtrace(g, "geo: %.*s: no candidate in the stated country", (int)(m->be - m->bs),
               text + m->bs);
        return;
    }
    unsigned bi = 0, si = ng;
    for (unsigned i = 1; i < ng; i++)
        if (grp[i].tier > grp[bi].tier ||
            (grp[i].tier == grp[bi].tier && grp[i].imp > grp[bi].imp))
            bi = i;
    for (unsigned i = 0; i < ng; i++)
        if (i != bi && (si == ng || grp[i].tier > grp[si].tier ||
                        (grp[i].tier == grp[si].tier && grp[i].imp > grp[si].imp)))
            si = i;
    if (g->c->trace) {
        for (unsigned i = 0; i < ng && i < 4; i++) {
            const prl_gz_place *p = P(grp[i].best);
            gtrace(g, "geo: %.*s: candidate %s (%s, %s, population %u, evidence %d)%s",
                   (int)(m->be - m->bs), text + m->bs, prl_gz_s(p->name),
                   type_name(p->type),
                   prl_gz_s(prl_gz.countries[p->country].iso2), (unsigned)p->pop,
                   grp[i].tier, i == bi ? " <- best" : "");
        }
        if (ng > 4)
            gtrace(g, "geo: %.*s: ... %u countries in all", (int)(m->be - m->bs),
                   text + m->bs, ng);
    }
    if (si < ng && grp[si].tier == grp[bi].tier &&
        grp[bi].imp < RATIO * (grp[si].imp > 1 ? grp[si].imp : 1)) {
        gtrace(g, "geo: %.*s: unsure between %s and %s: left out", (int)(m->be - m->bs),
               text + m->bs, prl_gz_s(prl_gz.countries[grp[bi].cc].iso2),
               prl_gz_s(prl_gz.countries[grp[si].cc].iso2));
        return;
    }
    m->place = grp[bi].best;
    /* "Kharkiv region": the city's region */
    const prl_gz_place *p = P(m->place);
    if (m->want == PRL_GZ_ADM1 && (p->type == PRL_GZ_CITY || p->type == PRL_GZ_USCITY) &&
        p->adm1place != PRL_GZ_NONE)
        m->place = p->adm1place;
}

/* The parley_geo of a mention, made once. */
static const parley_geo *geo_of(gctx *g, gment *m)
{
    if (m->geo || m->place == PRL_GZ_NONE)
        return m->geo;
    prl_arena *ar = &g->doc->arena;
    parley_geo *o = prl_arena_alloc(ar, sizeof *o);
    char buf[512], id[24];
    if (!o)
        return NULL;
    const prl_gz_place *p = P(m->place);
    const prl_gz_country *c = &prl_gz.countries[p->country];
    if (p->type == PRL_GZ_COUNTRY)
        snprintf(buf, sizeof buf, "%s", prl_gz_s(c->name));
    else if (p->type == PRL_GZ_ADM1 || p->type == PRL_GZ_USSTATE || !prl_gz_s(p->adm1name)[0] ||
             strcmp(prl_gz_s(p->adm1name), prl_gz_s(p->name)) == 0)
        snprintf(buf, sizeof buf, "%s, %s", prl_gz_s(p->name), prl_gz_s(c->name));
    else
        snprintf(buf, sizeof buf, "%s, %s, %s", prl_gz_s(p->name), prl_gz_s(p->adm1name),
                 prl_gz_s(c->name));
    snprintf(id, sizeof id, "%u", (unsigned)p->id);
    o->type = p->type;
    o->name = prl_arena_strndup(ar, buf, strlen(buf));
    o->country = prl_gz_s(p->fips);
    o->adm1 = p->type == PRL_GZ_COUNTRY ? prl_gz_s(p->fips) : prl_gz_s(p->adm1);
    o->lat = p->lat / 1e5;
    o->lon = p->lon / 1e5;
    o->feature = p->type == PRL_GZ_COUNTRY ? prl_gz_s(p->fips)
                                           : prl_arena_strndup(ar, id, strlen(id));
    o->start = m->bs;
    o->end = m->be;
    if (!o->name || !o->feature)
        return NULL;
    m->geo = o;
    return o;
}

/* ---- the dateline --------------------------------------------------- */

/* "GAZA CITY, Jan 3 (Reuters) -", "KHARKIV, Ukraine (AP) -": the first
 * comma part is the place, a second part before the bracket may state its
 * country or US state. */
static void read_dateline(gctx *g, uint32_t ds, uint32_t de)
{
    const char *t = g->doc->text;
    unsigned parts = 0;
    uint32_t s = ds;
    for (uint32_t i = ds; i <= de && parts < 2; i++) {
        char ch = i < de ? t[i] : ',';
        if (ch == ',' || ch == '(' || (ch == '-' && i > ds && t[i - 1] == ' ') ||
            (unsigned char)ch == 0xe2 || i == de) {
            char key[KEY_MAX];
            size_t len = 0;
            int folded = prl_gz_fold(t + s, i - s, key, &len, KEY_MAX) == 0;
            if (!folded && parts == 0)
                return;         /* no name the gazetteer can hold */
            if (folded) {
                while (len && key[len - 1] == ' ')
                    len--;
                const prl_gz_key *k = len ? prl_gz_find(key, len) : NULL;
                gment *m = parts == 0 ? &g->dateline : NULL;
                if (parts == 0) {
                    if (!k)
                        return;
                    memset(m, 0, sizeof *m);
                    m->key = k;
                    m->bs = s;
                    while (m->bs < i && t[m->bs] == ' ')
                        m->bs++;
                    m->be = i;
                    while (m->be > m->bs && t[m->be - 1] == ' ')
                        m->be--;
                    m->cue = CUE_STRONG;
                    m->why = "dateline";
                    m->ctx_country = m->ctx_adm1 = m->place = PRL_GZ_NONE;
                } else if (k) {
                    /* the stated country or US state */
                    for (uint32_t r = 0; r < k->n; r++) {
                        const prl_gz_place *p = P(prl_gz.refs[k->first + r] & ~PRL_GZ_ALT);
                        if (p->type == PRL_GZ_COUNTRY) {
                            g->dateline.ctx_country = p->country;
                            break;
                        }
                        if (p->type == PRL_GZ_USSTATE) {
                            g->dateline.ctx_adm1 = prl_gz.refs[k->first + r] & ~PRL_GZ_ALT;
                            break;
                        }
                    }
                }
            }
            parts++;
            if (ch == '(' || ch == '-' || (unsigned char)ch == 0xe2)
                break;
            s = i + 1;
        }
    }
    resolve(g, &g->dateline);
    if (g->dateline.place != PRL_GZ_NONE) {
        g->have_dateline = 1;
        g->dl_country = P(g->dateline.place)->country;
        gtrace(g, "geo: dateline %.*s: %s", (int)(g->dateline.be - g->dateline.bs),
               t + g->dateline.bs, prl_gz_s(P(g->dateline.place)->name));
    }
}

/* ---- per sentence --------------------------------------------------- */

static int inside(const gment *m, uint32_t s, uint32_t e)
{
    return s < e && m->bs < e && m->be > s;
}

static uint32_t actor_country(const char *code)
{
    if (!code || strlen(code) < 3)
        return PRL_GZ_NONE;
    return prl_gz_country_of_code(code);
}

/* Commas and possessives: "Kharkiv, Ukraine", "Paris, Texas",
 * "Ukraine's Kharkiv", "Pakistan's Swat valley". */
static void link_mentions(gctx *g, const prl_token *tok, uint32_t n, gment *ms,
                          unsigned nm)
{
    for (unsigned i = 0; i < nm; i++) {
        gment *a = &ms[i];
        uint32_t te = a->te;
        /* comma apposition */
        if (i + 1 < nm && te < n && tok[te].kind == PRL_T_PUNCT && tok[te].norm[0] == ',' &&
            ms[i + 1].ts == te + 1) {
            gment *b = &ms[i + 1];
            uint32_t cc = PRL_GZ_NONE, a1 = PRL_GZ_NONE;
            const prl_gz_key *kb = b->key;
            for (uint32_t r = 0; r < kb->n; r++) {
                uint32_t pi = prl_gz.refs[kb->first + r] & ~PRL_GZ_ALT;
                if (P(pi)->type == PRL_GZ_COUNTRY) {
                    cc = P(pi)->country;
                    break;
                }
                if (P(pi)->type == PRL_GZ_USSTATE || P(pi)->type == PRL_GZ_ADM1) {
                    a1 = pi;
                    break;
                }
            }
            /* only when a's name has a city or region there (not a list
             * of countries: "Israel, Egypt and Jordan") */
            int fits = 0;
            for (uint32_t r = 0; r < a->key->n && !fits; r++) {
                const prl_gz_place *p = P(prl_gz.refs[a->key->first + r] & ~PRL_GZ_ALT);
                if (p->type == PRL_GZ_COUNTRY)
                    continue;
                fits = (cc != PRL_GZ_NONE && p->country == cc) ||
                       (a1 != PRL_GZ_NONE && p->adm1place == a1);
            }
            if (fits) {
                if (cc != PRL_GZ_NONE)
                    a->ctx_country = cc;
                else
                    a->ctx_adm1 = a1;
                a->stated = 1;
                if (a->cue == CUE_NONE) {
                    a->cue = CUE_STRONG;
                    a->why = "comma";
                }
                a->risky = 0;
                a->be = b->be;
                b->absorbed = 1;
                continue;
            }
        }
        /* possessive */
        if (te + 1 < n && is_gen(&tok[te])) {
            uint32_t cc = PRL_GZ_NONE;
            const prl_gz_key *ka = a->key;
            for (uint32_t r = 0; r < ka->n; r++) {
                const prl_gz_place *p = P(prl_gz.refs[ka->first + r] & ~PRL_GZ_ALT);
                if (p->type == PRL_GZ_COUNTRY) {
                    cc = p->country;
                    break;
                }
            }
            uint32_t j = te + 1;
            while (j < n && j < te + 3 && in_list(tok[j].norm, SKIP) &&
                   !in_list(tok[j].norm, NOUN_PLACE))
                j++;
            if (cc != PRL_GZ_NONE && i + 1 < nm && ms[i + 1].ts == j) {
                gment *b = &ms[i + 1];
                int fits = 0;
                for (uint32_t r = 0; r < b->key->n && !fits; r++)
                    fits = P(prl_gz.refs[b->key->first + r] & ~PRL_GZ_ALT)->country == cc;
                if (fits) {
                    b->ctx_country = cc;
                    b->stated = 1;
                    b->risky = 0;
                    if (b->cue == CUE_NONE) {
                        b->cue = CUE_STRONG;
                        b->why = "possessive";
                    }
                    a->absorbed = 1;
                    continue;
                }
            }
            for (uint32_t q = te + 1; q < n && q <= te + 3; q++)
                if (in_list(tok[q].norm, NOUN_PLACE)) {
                    if (a->cue == CUE_NONE) {
                        a->cue = CUE_STRONG;
                        a->why = "possessive";
                    }
                    break;
                }
        }
    }
}

/* Does the mention cover the actor's words [s, e), all but "the"? Then the
 * place is the actor ("withdrew from Mali", target MLI). */
static int covers(const prl_token *tok, uint32_t n, const gment *m, uint32_t s, uint32_t e)
{
    if (!inside(m, s, e))
        return 0;
    for (uint32_t i = 0; i < n; i++) {
        const prl_token *t = &tok[i];
        if (t->end <= s || t->start >= e || (i >= m->ts && i < m->te))
            continue;
        if (m->be > m->bs && t->start >= m->bs && t->end <= m->be)
            continue;           /* ", Texas" absorbed into the name */
        if (strcmp(t->norm, "THE") != 0)
            return 0;
    }
    return 1;
}

/* The event's place: the cued mention nearest the verb (a strong cue before
 * a weak one). In a material event (quad 2 or 4), a place inside an actor's
 * words that is not the whole actor is that actor's own place ("expelled
 * protesters from Managua"): it places the event only when no other cued
 * place does, the target's before the source's, as a material act lands
 * on its target ("police in Cairo arrested activists in Alexandria").
 * In a verbal one the speaker's place is where it was said ("officials in
 * Gaza accused Israel of striking a school in Rafah": Gaza), so nearness
 * alone decides. A place that is the whole actor counts like any other
 * ("withdrew from Mali"): its cue already had to be a locative, or a weak
 * one after a material verb. */
static uint32_t verb_pos(const char *text, const parley_event *ev);

static gment *action_mention(const char *text, const prl_token *tok, uint32_t n, gment *ms,
                             unsigned nm, const parley_event *ev)
{
    gment *best = NULL;
    uint32_t bd = 0;
    int bown = 0;
    uint32_t v = verb_pos(text, ev);
    for (unsigned i = 0; i < nm; i++) {
        gment *m = &ms[i];
        if (m->absorbed || m->place == PRL_GZ_NONE || m->cue == CUE_NONE)
            continue;
        int material = ev->quad == 2 || ev->quad == 4;
        /* 0: not an actor's own place; 1: the target's, where a material
         * act lands ("shelled positions near Kharkiv"); 2: the source's */
        int own = 0;
        if (material && inside(m, ev->target_start, ev->target_end))
            own = !covers(tok, n, m, ev->target_start, ev->target_end);
        else if (material && inside(m, ev->source_start, ev->source_end))
            own = covers(tok, n, m, ev->source_start, ev->source_end) ? 0 : 2;
        /* "from", "into": where things move, so only for material events
         * ("withdrew from Mali", not "expects from Iran") */
        if (m->cue == CUE_WEAK) {
            /* ... and right after the verb ("fired rockets from Gaza", not
             * "received arrest warrants from Iran") */
            size_t vn = ev->verb ? strlen(ev->verb) : 0;
            if (!material || v == PRL_GZ_NONE ||
                m->bs < v + vn || m->bs - (v + vn) > WEAK_REACH)
                continue;
        }
        uint32_t at = v == PRL_GZ_NONE ? ev->start : v;
        uint32_t d = m->bs > at ? m->bs - at : at - m->bs;
        if (!best || own < bown || (own == bown && m->cue > best->cue) ||
            (own == bown && m->cue == best->cue && d < bd)) {
            best = m;
            bd = d;
            bown = own;
        }
    }
    return best;
}

/* An actor's stated place: a name within its words, or right after them
 * behind "in", "from", "of", "near", "at" ("officials in Gaza", "positions
 * near Kharkiv"). Its country must agree with the actor's code unless the
 * text states it ("protesters in Paris, Texas" whatever the code says). */
static gment *actor_mention(const prl_token *tok, uint32_t n, gment *ms,
                            unsigned nm, uint32_t s, uint32_t e, const char *code)
{
    static const char *const AFTER[] = {"IN", "FROM", "OF", "NEAR", "AT", NULL};
    if (s >= e)
        return NULL;
    uint32_t cc = actor_country(code);
    for (unsigned i = 0; i < nm; i++) {
        gment *m = &ms[i];
        if (m->place == PRL_GZ_NONE)
            continue;
        int in = inside(m, s, e);
        int after = 0;
        if (!in && m->ts >= 1 && m->ts < n) {
            /* the preposition is the first token after the actor's words */
            uint32_t q = m->ts - 1;
            after = tok[q].start >= e && (q == 0 || tok[q - 1].end <= e) &&
                    in_list(tok[q].norm, AFTER);
        }
        if (!in && !after)
            continue;
        if (cc != PRL_GZ_NONE && P(m->place)->country != cc && !m->stated)
            continue;
        if (m->absorbed)
            continue;
        return m;
    }
    return NULL;
}

/* Where the verb is: its span, else its words found in the sentence;
 * PRL_GZ_NONE when unknown. */
static uint32_t verb_pos(const char *text, const parley_event *ev)
{
    if (ev->verb_start < ev->verb_end)
        return ev->verb_start;
    if (!ev->verb || !ev->verb[0] || ev->end <= ev->start)
        return PRL_GZ_NONE;
    size_t vn = strlen(ev->verb);
    for (uint32_t i = ev->start; i + vn <= ev->end; i++)
        if (memcmp(text + i, ev->verb, vn) == 0)
            return i;
    return PRL_GZ_NONE;
}

/* Without the actors' spans (the coder may not know them): the place
 * named before the verb (source) or after it (target) that is in the
 * actor's country ("Israel attacked Hamas in Gaza": Israel; Gaza). */
static gment *actor_by_country(gment *ms, unsigned nm, uint32_t v, int before,
                               const char *code)
{
    uint32_t cc = actor_country(code);
    if (cc == PRL_GZ_NONE || v == PRL_GZ_NONE)
        return NULL;
    gment *best = NULL;
    for (unsigned i = 0; i < nm; i++) {
        gment *m = &ms[i];
        if (m->place == PRL_GZ_NONE || m->absorbed || P(m->place)->country != cc)
            continue;
        if (before ? m->be > v : m->bs < v)
            continue;
        /* the nearest to the verb */
        if (!best || (before ? m->bs > best->bs : m->bs < best->bs))
            best = m;
    }
    return best;
}

static int place_sentence(gctx *g, const prl_token *tok, uint32_t n, uint32_t first_ev,
                          uint32_t end_ev, int headline, int lead)
{
    parley_doc *doc = g->doc;
    gment ms[MAX_MENTIONS];
    unsigned nm = find_mentions(g, tok, n, headline, ms);
    g->n_sent_c = 0;
    g->n_near_c = 0;
    for (uint32_t e = first_ev; e < end_ev; e++) {
        add_country(g->sent_c, &g->n_sent_c, actor_country(doc->events[e].source));
        add_country(g->sent_c, &g->n_sent_c, actor_country(doc->events[e].target));
    }
    link_mentions(g, tok, n, ms, nm);
    /* Names whose first place is a country name the sentence's countries. */
    for (unsigned i = 0; i < nm; i++) {
        const prl_gz_key *k = ms[i].key;
        const prl_gz_place *p = P(prl_gz.refs[k->first] & ~PRL_GZ_ALT);
        if (p->type == PRL_GZ_COUNTRY && !(k->flags & PRL_GZK_PERSON))
            add_country(g->near_c, &g->n_near_c, p->country);
    }
    for (unsigned i = 0; i < nm; i++) {
        gment *m = &ms[i];
        if (m->absorbed)
            continue;
        /* the actor's code says which country its words name, unless the
         * text says it ("protesters in Paris, Texas" coded as French: the
         * written "Texas" wins over a coder's reading of "Paris") */
        for (uint32_t e = first_ev;
             e < end_ev && !m->stated && m->ctx_country == PRL_GZ_NONE; e++) {
            const parley_event *ev = &doc->events[e];
            uint32_t cc = PRL_GZ_NONE;
            if (inside(m, ev->source_start, ev->source_end))
                cc = actor_country(ev->source);
            else if (inside(m, ev->target_start, ev->target_end))
                cc = actor_country(ev->target);
            if (cc != PRL_GZ_NONE) {
                int fits = 0;
                for (uint32_t r = 0; r < m->key->n && !fits; r++)
                    fits = P(prl_gz.refs[m->key->first + r] & ~PRL_GZ_ALT)->country == cc;
                if (fits) {
                    m->ctx_country = cc;
                    m->risky = 0;
                }
            }
        }
        if (m->risky && m->cue != CUE_STRONG) {
            gtrace(g, "geo: %.*s: %s without a locative: left out", (int)(m->be - m->bs),
                   doc->text + m->bs,
                   m->risky & PRL_GZK_PERSON ? "a person's name" : "a common word");
            continue;
        }
        resolve(g, m);
        /* "fired rockets at Israel": "at" before a country is a target */
        if (m->place != PRL_GZ_NONE && P(m->place)->type == PRL_GZ_COUNTRY &&
            strcmp(m->why, "AT") == 0)
            m->cue = CUE_NONE;
        if (m->place != PRL_GZ_NONE)
            gtrace(g, "geo: %.*s (%s): %s", (int)(m->be - m->bs), doc->text + m->bs,
                   m->why[0] ? m->why : "no cue", prl_gz_s(P(m->place)->name));
    }
    for (uint32_t e = first_ev; e < end_ev; e++) {
        parley_event *ev = &doc->events[e];
        gment *a = action_mention(doc->text, tok, n, ms, nm, ev);
        if (!a && lead && g->have_dateline)
            a = &g->dateline;
        uint32_t v = verb_pos(doc->text, ev);
        gment *s = ev->source_start < ev->source_end
                       ? actor_mention(tok, n, ms, nm, ev->source_start, ev->source_end,
                                       ev->source)
                       : actor_by_country(ms, nm, v, 1, ev->source);
        gment *t = ev->target_start < ev->target_end
                       ? actor_mention(tok, n, ms, nm, ev->target_start, ev->target_end,
                                       ev->target)
                       : actor_by_country(ms, nm, v, 0, ev->target);
        ev->geo = a ? geo_of(g, a) : NULL;
        ev->source_geo = s ? geo_of(g, s) : NULL;
        ev->target_geo = t ? geo_of(g, t) : NULL;
        if (g->doc->arena.failed)
            return -1;
        gtrace(g, "geo: event %s %s %s: where %s (%s); source %s; target %s",
               ev->source ? ev->source : "", ev->code ? ev->code : "",
               ev->target ? ev->target : "", ev->geo ? ev->geo->name : "-",
               a ? a->why : "no cued place", ev->source_geo ? ev->source_geo->name : "-",
               ev->target_geo ? ev->target_geo->name : "-");
    }
    return 0;
}

parley_status prl_geo_doc(parley_coder *c, parley_doc *doc, const prl_segmented *seg)
{
    if (doc->n_events == 0)
        return PARLEY_OK;
    gctx g;
    memset(&g, 0, sizeof g);
    g.c = c;
    g.doc = doc;
    g.dl_country = PRL_GZ_NONE;
    for (size_t e = 0; e < doc->n_events; e++) {
        add_country(g.doc_c, &g.n_doc_c, actor_country(doc->events[e].source));
        add_country(g.doc_c, &g.n_doc_c, actor_country(doc->events[e].target));
    }
    if (seg->dateline_end > seg->dateline_start && seg->dateline_end <= doc->len)
        read_dateline(&g, seg->dateline_start, seg->dateline_end);
    uint32_t first_body = 0;
    for (uint32_t s = 0; s < seg->n_sentences; s++)
        if (seg->sentences[s].start >= doc->title_end) {
            first_body = s + 1;
            break;
        }
    size_t e = 0;
    while (e < doc->n_events) {
        uint32_t idx = doc->events[e].sentence;
        size_t f = e;
        while (e < doc->n_events && doc->events[e].sentence == idx)
            e++;
        if (idx == 0 || idx > seg->n_sentences)
            continue;
        const prl_sentence *ps = &seg->sentences[idx - 1];
        if (ps->first > seg->n_tokens || ps->count > seg->n_tokens - ps->first)
            continue;
        uint32_t n = ps->count < PARLEY_MAX_SENTENCE_TOKENS ? ps->count
                                                             : PARLEY_MAX_SENTENCE_TOKENS;
        int headline = ps->start < doc->title_end;
        int lead = headline || idx == first_body;
        if (place_sentence(&g, seg->tokens + ps->first, n, (uint32_t)f, (uint32_t)e,
                           headline, lead))
            return PARLEY_ENOMEM;
    }
    return doc->arena.failed ? PARLEY_ENOMEM : PARLEY_OK;
}
