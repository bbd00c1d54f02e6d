/* bench.c: the coder's throughput on a fixed corpus, through the public API.
 *
 *   bench IMAGE CORPUS.jsonl
 *
 * Loads the compiled dictionary image (median of 21 loads), reads the corpus
 * (JSON Lines with id, date, title, text) into memory, then codes it three
 * times on one thread and reports the median: sentences/s, MB/s, events,
 * and peak RSS. Timing uses the process CPU clock, so the figures are per
 * core whatever else the machine does. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "parley/parley.h"

typedef struct {
    char *id, *date, *title, *text;
    size_t len;
} doc_in;

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double wall_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static char *dup_field(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? strdup(s) : NULL;
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
    qsort(loads, LOADS, sizeof loads[0], cmp_double);

    FILE *f = fopen(argv[2], "r");
    if (!f) {
        perror(argv[2]);
        return 4;
    }
    size_t n = 0, cap = 0, bytes = 0;
    doc_in *docs = NULL;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t got;
    while ((got = getline(&line, &lcap, f)) > 0) {
        json_error_t err;
        json_t *o = json_loadb(line, (size_t)got, 0, &err);
        if (!o)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            docs = realloc(docs, cap * sizeof *docs);
        }
        doc_in *di = &docs[n++];
        di->id = dup_field(o, "id");
        di->date = dup_field(o, "date");
        di->title = dup_field(o, "title");
        di->text = dup_field(o, "text");
        di->len = di->text ? strlen(di->text) : 0;
        bytes += di->len + (di->title ? strlen(di->title) : 0);
        json_decref(o);
    }
    free(line);
    fclose(f);

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
        double t0 = cpu_now();
        for (size_t i = 0; i < n; i++) {
            if (parley_doc_set(doc, docs[i].id, docs[i].date, docs[i].title,
                               docs[i].text, docs[i].len) != PARLEY_OK)
                continue;
            if (parley_code(c, doc) != PARLEY_OK)
                continue;
            sentences += parley_doc_sentence_count(doc);
            events += parley_doc_event_count(doc);
        }
        secs[r] = cpu_now() - t0;
    }
    qsort(secs, RUNS, sizeof secs[0], cmp_double);
    double s = secs[RUNS / 2];
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);

    printf("corpus            %zu documents, %.1f MB of text\n", n, bytes / 1e6);
    printf("dictionary load   %.2f ms (median of %d, mmap)\n", loads[LOADS / 2] * 1e3, LOADS);
    printf("coding            %.3f s CPU (median of %d runs, one thread)\n", s, RUNS);
    printf("sentences         %zu  -> %.0f sentences/s per core\n", sentences, sentences / s);
    printf("throughput        %.1f MB/s per core\n", bytes / 1e6 / s);
    printf("events            %zu\n", events);
    printf("peak RSS          %.1f MB (corpus held in memory included)\n", ru.ru_maxrss / 1024.0);

    parley_doc_free(doc);
    parley_coder_free(c);
    parley_dict_free(d);
    for (size_t i = 0; i < n; i++) {
        free(docs[i].id);
        free(docs[i].date);
        free(docs[i].title);
        free(docs[i].text);
    }
    free(docs);
    return 0;
}
