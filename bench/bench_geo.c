/* bench_geo.c: what geolocation (src/enrich/geo.c) costs the coder.
 *
 *   bench_geo IMAGE CORPUS.jsonl
 *
 * Codes the corpus (JSON Lines with id, date, title, text) with the image,
 * which places every event as part of parley_code; separately times the
 * geolocation pass alone on the same coded documents (segmenting again
 * outside the clock). Coding without places is the difference. CPU time,
 * median of 3 runs, one thread. Links the library's internals (-Isrc). */
#include <stdio.h>
#include <stdlib.h>

#include "common.h"
#include "parley/parley.h"
#include "doc.h"
#include "enrich/geo.h"
#include "text/text.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench_geo IMAGE CORPUS.jsonl\n");
        return 2;
    }
    parley_dict *d = NULL;
    if (parley_dict_load(argv[1], NULL, &d) != PARLEY_OK) {
        fprintf(stderr, "bench_geo: %s: cannot load image\n", argv[1]);
        return 3;
    }
    bench_doc *docs = NULL;
    long n = bench_load_corpus(argv[2], &docs, NULL);
    if (n < 0)
        return 4;

    parley_coder *c = NULL;
    parley_doc *doc = NULL;
    if (parley_coder_new(d, NULL, &c) || parley_doc_new(NULL, &doc)) {
        fprintf(stderr, "bench_geo: out of memory\n");
        return 1;
    }
    enum { RUNS = 3 };
    double code_s[RUNS], geo_s[RUNS];
    size_t events = 0, placed = 0;
    for (int r = 0; r < RUNS; r++) {
        double tc = 0, tg = 0;
        events = placed = 0;
        for (long i = 0; i < n; i++) {
            if (parley_doc_set(doc, docs[i].id, docs[i].date, docs[i].title,
                               docs[i].text, docs[i].len) != PARLEY_OK)
                continue;
            double t0 = bench_cpu_now();
            parley_status st = parley_code(c, doc);
            tc += bench_cpu_now() - t0;
            if (st != PARLEY_OK)
                continue;
            events += doc->n_events;
            for (size_t e = 0; e < doc->n_events; e++)
                placed += doc->events[e].geo != NULL;
            prl_segmented seg;
            if (prl_text_segment(&doc->arena, doc->text, doc->len, &seg) != PARLEY_OK)
                continue;
            t0 = bench_cpu_now();
            prl_geo_doc(c, doc, &seg);
            tg += bench_cpu_now() - t0;
        }
        code_s[r] = tc;
        geo_s[r] = tg;
    }
    qsort(code_s, RUNS, sizeof code_s[0], bench_cmp_double);
    qsort(geo_s, RUNS, sizeof geo_s[0], bench_cmp_double);
    double with = code_s[RUNS / 2], geo = geo_s[RUNS / 2], without = with - geo;
    printf("coding, places    %.3f s CPU (median of %d runs, one thread)\n", with, RUNS);
    printf("coding, no places %.3f s CPU (the same less the geolocation pass)\n", without);
    printf("geolocation       %.3f s CPU = %.1f%% of coding without places%s\n", geo,
           without > 0 ? geo / without * 100 : 0,
           without > 0 && geo / without > 0.20 ? "  ** over 20% **" : "");
    printf("events placed     %zu of %zu (%.0f%%)\n", placed, events,
           events ? placed * 100.0 / events : 0);
    parley_doc_free(doc);
    parley_coder_free(c);
    parley_dict_free(d);
    bench_free_corpus(docs, n);
    return 0;
}
