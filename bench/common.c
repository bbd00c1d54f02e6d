/* common.c: see common.h. */
#include "common.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

double bench_cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static char *dup_field(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? strdup(s) : NULL;
}

long bench_load_corpus(const char *path, bench_doc **docs, size_t *bytes)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    long n = 0, cap = 0;
    size_t total = 0;
    bench_doc *d = NULL;
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
            bench_doc *nd = realloc(d, (size_t)cap * sizeof *d);
            if (!nd) {
                fprintf(stderr, "bench: out of memory\n");
                exit(1);
            }
            d = nd;
        }
        bench_doc *di = &d[n++];
        di->id = dup_field(o, "id");
        di->date = dup_field(o, "date");
        di->title = dup_field(o, "title");
        di->text = dup_field(o, "text");
        di->len = di->text ? strlen(di->text) : 0;
        total += di->len + (di->title ? strlen(di->title) : 0);
        json_decref(o);
    }
    free(line);
    fclose(f);
    *docs = d;
    if (bytes)
        *bytes = total;
    return n;
}

void bench_free_corpus(bench_doc *docs, long n)
{
    for (long i = 0; i < n; i++) {
        free(docs[i].id);
        free(docs[i].date);
        free(docs[i].title);
        free(docs[i].text);
    }
    free(docs);
}
