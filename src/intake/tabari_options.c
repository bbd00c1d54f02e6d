/* tabari_options.c: one TABARI .options command line (TABARI manual
 * 0.8.4b2, chapter 8), as parley coder options. Only COMMA has a parley
 * counterpart (the coder's comma_* options, the same clause-deletion
 * rule); the other commands (SET, DEFAULT, COMPLEX, NONEVENTS, OUTPUT,
 * LABEL, FORWARD, ...) are named as unsupported, so the caller can say
 * so. TABARI reads a command by its first four letters and the colon. */
#include "intake/tabari_validation.h"

#include <stdio.h>
#include <string.h>

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static char upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}

static int is_letter(char c)
{
    c = upper(c);
    return c >= 'A' && c <= 'Z';
}

static void add_set(prl_to_command *out, const char *option, int value)
{
    for (unsigned i = 0; i < out->n_set; i++)
        if (strcmp(out->set[i].option, option) == 0) {
            out->set[i].value = value;
            return;
        }
    if (out->n_set < PRL_TO_MAX_SET) {
        out->set[out->n_set].option = option;
        out->set[out->n_set].value = value;
        out->n_set++;
    }
}

/* "MIN = 2 MAX=10 ..." or "OFF" after "COMMA:". */
static void comma(const char *p, const char *end, prl_to_command *out)
{
    static const struct {
        const char *key, *option;
    } keys[] = {
        {"MIN", "comma_min"},   {"MAX", "comma_max"},   {"BMIN", "comma_bmin"},
        {"BMAX", "comma_bmax"}, {"EMIN", "comma_emin"}, {"EMAX", "comma_emax"},
    };
    while (p < end && is_blank(*p))
        p++;
    if (end - p >= 3 && upper(p[0]) == 'O' && upper(p[1]) == 'F' && upper(p[2]) == 'F') {
        add_set(out, "comma_max", 0);
        add_set(out, "comma_bmax", 0);
        add_set(out, "comma_emax", 0);
        return;
    }
    while (p < end) {
        const char *k = p;
        while (p < end && is_letter(*p))
            p++;
        size_t kn = (size_t)(p - k);
        while (p < end && is_blank(*p))
            p++;
        const char *option = NULL;
        for (size_t i = 0; i < sizeof keys / sizeof keys[0] && kn; i++) {
            size_t j = 0;
            while (j < kn && keys[i].key[j] && upper(k[j]) == keys[i].key[j])
                j++;
            if (j == kn && !keys[i].key[j])
                option = keys[i].option;
        }
        long v = -1;
        if (option && p < end && *p == '=') {
            p++;
            while (p < end && is_blank(*p))
                p++;
            if (p < end && *p >= '0' && *p <= '9')
                for (v = 0; p < end && *p >= '0' && *p <= '9'; p++)
                    v = v < 100000 ? v * 10 + (*p - '0') : v;
        }
        if (!option || v < 0) {
            const char *w = k;
            while (w < end && !is_blank(*w))
                w++;
            snprintf(out->unsupported, sizeof out->unsupported,
                     "COMMA: cannot read \"%.*s\" (want MIN, MAX, BMIN, BMAX, EMIN or EMAX "
                     "= N, or OFF)", (int)(w - k > 20 ? 20 : w - k), k);
            return;
        }
        add_set(out, option, (int)v);
        while (p < end && is_blank(*p))
            p++;
    }
}

void prl_to_parse(const char *s, size_t n, prl_to_command *out)
{
    memset(out, 0, sizeof *out);
    const char *end = s + n;
    for (const char *q = s; q < end; q++)
        if (*q == '#' || (*q == '/' && q + 1 < end && q[1] == '/')) {
            end = q;
            break;
        }
    while (s < end && is_blank(*s))
        s++;
    while (end > s && is_blank(end[-1]))
        end--;
    if (s == end) {
        out->blank = 1;
        return;
    }
    const char *w = s;
    while (w < end && is_letter(*w))
        w++;
    size_t k = 0;
    for (const char *q = s; q < w && k < 10; q++)
        out->name[k++] = upper(*q);
    out->name[k] = '\0';
    const char *p = w;
    while (p < end && is_blank(*p))
        p++;
    int colon = p < end && *p == ':';
    if (colon)
        p++;
    if (k == 0) {
        snprintf(out->name, sizeof out->name, "%.*s", (int)(end - s > 10 ? 10 : end - s), s);
        snprintf(out->unsupported, sizeof out->unsupported, "not an .options command");
        return;
    }
    if (colon && k >= 4 && strncmp(out->name, "COMM", 4) == 0) {
        comma(p, end, out);
        return;
    }
    if (colon && strcmp(out->name, "SET") == 0) {
        /* SET: NAME = VALUE: each parameter is its own setting. */
        while (p < end && is_blank(*p))
            p++;
        const char *eq = p;
        while (eq < end && *eq != '=')
            eq++;
        while (eq > p && is_blank(eq[-1]))
            eq--;
        k = 3;
        out->name[k++] = ':';
        out->name[k++] = ' ';
        for (const char *q = p; q < eq && k + 1 < sizeof out->name; q++)
            out->name[k++] = is_blank(*q) ? ' ' : upper(*q);
        out->name[k] = '\0';
    }
    snprintf(out->unsupported, sizeof out->unsupported,
             "\"%s\" has no parley counterpart: not applied", out->name);
}
