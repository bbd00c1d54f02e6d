/* bench.c: the coder's throughput on a fixed corpus, through the public API.
 *
 *   bench IMAGE CORPUS.jsonl
 *
 * Loads the compiled dictionary image (median of 21 loads), reads the corpus
 * (JSON Lines with id, date, title, text) into memory, then codes it three
 * times on one thread and reports the median: sentences/s, MB/s, events,
 * and peak RSS. Timing uses the process CPU clock, so the figures are per
 * core whatever else the machine does. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "common.h"
#include "parley/parley.h"

static double wall_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench IMAGE CORPUS.jsonl\n");
        return 2;
    }
    enum { LOADS = 21 };
    double loads[LOADS];
    parley_dict *d = NULL;
    for (int i = 0; i < LOADS; i++) {
        parley_dict_free(d);
        double t0 = wall_now();
        if (parley_dict_load(argv[1], NULL, &d) != PARLEY_OK) {
            fprintf(stderr, "bench: %s: cannot load image\n", argv[1]);
            return 3;
        }
        loads[i] = wall_now() - t0;
    }
    qsort(loads, LOADS, sizeof loads[0], bench_cmp_double);

    bench_doc *docs = NULL;
    size_t bytes = 0;
    long n = bench_load_corpus(argv[2], &docs, &bytes);
    if (n < 0)
        return 4;

    parley_coder *c = NULL;
    parley_doc *doc = NULL;
    if (parley_coder_new(d, NULL, &c) || parley_doc_new(NULL, &doc)) {
        fprintf(stderr, "bench: out of memory\n");
        return 1;
    }
    enum { RUNS = 3 };
    double secs[RUNS];
    size_t sentences = 0, events = 0;
    for (int r = 0; r < RUNS; r++) {
        sentences = events = 0;
        double t0 = bench_cpu_now();
        for (long i = 0; i < n; i++) {
            if (parley_doc_set(doc, docs[i].id, docs[i].date, docs[i].title,
                               docs[i].text, docs[i].len) != PARLEY_OK)
                continue;
            if (parley_code(c, doc) != PARLEY_OK)
                continue;
            sentences += parley_doc_sentence_count(doc);
            events += parley_doc_event_count(doc);
        }
        secs[r] = bench_cpu_now() - t0;
    }
    qsort(secs, RUNS, sizeof secs[0], bench_cmp_double);
    double s = secs[RUNS / 2];
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);

    printf("corpus            %ld documents, %.1f MB of text\n", n, bytes / 1e6);
    printf("dictionary load   %.2f ms (median of %d, mmap)\n", loads[LOADS / 2] * 1e3, LOADS);
    printf("coding            %.3f s CPU (median of %d runs, one thread)\n", s, RUNS);
    printf("sentences         %zu  -> %.0f sentences/s per core\n", sentences, sentences / s);
    printf("throughput        %.1f MB/s per core\n", bytes / 1e6 / s);
    printf("events            %zu\n", events);
    printf("peak RSS          %.1f MB (corpus held in memory included)\n", ru.ru_maxrss / 1024.0);

    parley_doc_free(doc);
    parley_coder_free(c);
    parley_dict_free(d);
    bench_free_corpus(docs, n);
    return 0;
}
