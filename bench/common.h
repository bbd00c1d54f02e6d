/* common.h: what the benchmarks share: the process CPU clock, a
 * comparison for sorting timings (medians), and the corpus loader. */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <stddef.h>

/* One document of a corpus: JSON Lines with id, date, title, text. */
typedef struct bench_doc {
    char *id, *date, *title, *text;     /* NULL when absent */
    size_t len;                         /* strlen(text) */
} bench_doc;

/* Seconds of CPU time used by the process. */
double bench_cpu_now(void);

/* qsort comparison of doubles, ascending. */
int bench_cmp_double(const void *a, const void *b);

/* Read a JSON Lines corpus into *docs (lines that are no JSON object are
 * skipped); returns the number of documents, or -1 when the file cannot
 * be read. *bytes (may be NULL) gets the bytes of text and titles. */
long bench_load_corpus(const char *path, bench_doc **docs, size_t *bytes);

void bench_free_corpus(bench_doc *docs, long n);

#endif
