/* geo_cols.c: an event's places (docs/geo.md) as the GDELT writer and the
 * event store carry them: in a mention (prl_mention.geo), as GDELT's
 * *Geo_* columns, and as the one text column the store keeps them in
 * (mentions.geo), which is read back so that `parley export` writes the
 * same bytes as `parley code`. */
#include "sink/store.h"

#include <stdlib.h>
#include <string.h>

void prl_geo_cols_of(const parley_event *ev, prl_mention *m)
{
    const parley_geo *g[3] = {ev->source_geo, ev->target_geo, ev->geo};
    for (int i = 0; i < 3; i++) {
        if (g[i] && g[i]->type > 0)
            m->geo[i] = *g[i];
        else
            memset(&m->geo[i], 0, sizeof m->geo[i]);
    }
}

/* A field may hold no tab or newline (GeoNames names do not; checked). */
static int clean(const char *s)
{
    return s && !strpbrk(s, "\t\n\r");
}

size_t prl_geo_cols_format(const prl_mention *m, char *buf, size_t cap)
{
    size_t n = 0;
    for (int i = 0; i < 3; i++) {
        const parley_geo *g = &m->geo[i];
        int w = 0;
        if (g->type > 0 && clean(g->name) && clean(g->country) && clean(g->adm1) &&
            clean(g->feature))
            w = snprintf(buf + n, cap - n, "%d\t%s\t%s\t%s\t%.5f\t%.5f\t%s\t%u\t%u", g->type,
                         g->name, g->country, g->adm1, g->lat, g->lon, g->feature,
                         (unsigned)g->start, (unsigned)g->end);
        if (w < 0 || (size_t)w >= cap - n)
            return (size_t)-1;
        n += (size_t)w;
        if (i < 2) {
            if (n + 1 >= cap)
                return (size_t)-1;
            buf[n++] = '\n';
            buf[n] = '\0';
        }
    }
    if (n == 2)             /* no place at all: "" */
        n = 0;
    buf[n] = '\0';
    return n;
}

void prl_geo_cols_parse(char *s, prl_mention *m)
{
    memset(m->geo, 0, sizeof m->geo);
    for (int i = 0; i < 3 && s; i++) {
        char *nl = strchr(s, '\n');
        if (nl)
            *nl = '\0';
        char *f[9];
        int k = 0;
        for (char *p = s; k < 9; k++) {
            f[k] = p;
            char *t = strchr(p, '\t');
            if (!t) {
                k++;
                break;
            }
            *t = '\0';
            p = t + 1;
        }
        if (k == 9) {
            parley_geo *g = &m->geo[i];
            g->type = atoi(f[0]);
            g->name = f[1];
            g->country = f[2];
            g->adm1 = f[3];
            g->lat = strtod(f[4], NULL);
            g->lon = strtod(f[5], NULL);
            g->feature = f[6];
            g->start = (uint32_t)strtoul(f[7], NULL, 10);
            g->end = (uint32_t)strtoul(f[8], NULL, 10);
            if (g->type < 1 || g->type > 5)
                memset(g, 0, sizeof *g);
        }
        s = nl ? nl + 1 : NULL;
    }
}

/* GDELT writes coordinates with 4 decimals. */
void prl_geo_cols_gdelt(FILE *f, const parley_geo *g)
{
    if (!g || g->type <= 0) {
        fputs("\t\t\t\t\t\t\t\t", f);
        return;
    }
    /* Type, FullName, CountryCode, ADM1Code, ADM2Code (none), Lat, Long,
     * FeatureID */
    fprintf(f, "%d\t", g->type);
    for (const char *p = g->name; *p; p++)
        putc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, f);
    fprintf(f, "\t%s\t%s\t\t%.4f\t%.4f\t%s\t", g->country, g->adm1, g->lat, g->lon,
            g->feature);
}
