/* test_threads.c: one dict shared read-only by several threads, each with
 * its own coder and doc, must give every thread the same events as a
 * single-threaded run. `make tsan` runs this under ThreadSanitizer, which
 * also proves the dict is never written while shared. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parley/parley.h"
#include "t.h"

enum { THREADS = 4, ROUNDS = 50 };

static const char *const texts[] = {
    "Alba condemned Boria on Monday. Borian soldiers attacked Alba, officials said.",
    "The Red Crescent in Alba condemned Boria.",
    "Alba and Boria held talks. Boria did not attack Alba.",
};

static parley_dict *dict;

/* Code every text and fold the events into one string. */
static char *code_all(void)
{
    parley_coder *c = NULL;
    parley_doc *doc = NULL;
    size_t cap = 4096, len = 0;
    char *out = calloc(1, cap);
    if (!out || parley_coder_new(dict, NULL, &c) || parley_doc_new(NULL, &doc)) {
        free(out);
        parley_coder_free(c);
        return NULL;
    }
    for (int r = 0; r < ROUNDS; r++)
        for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
            if (parley_doc_set(doc, "t", "20250101", "Alba Warns Boria", texts[i],
                               strlen(texts[i])) || parley_code(c, doc))
                continue;
            for (size_t k = 0; k < parley_doc_event_count(doc); k++) {
                const parley_event *e = parley_doc_event(doc, k);
                char line[256];
                int n = snprintf(line, sizeof line, "%u %s %s %s\n", e->sentence,
                                 e->source, e->target, e->code);
                if (len + (size_t)n + 1 > cap) {
                    cap *= 2;
                    out = realloc(out, cap);
                }
                memcpy(out + len, line, (size_t)n + 1);
                len += (size_t)n;
            }
        }
    parley_doc_free(doc);
    parley_coder_free(c);
    return out;
}

static void *worker(void *arg)
{
    *(char **)arg = code_all();
    return NULL;
}

int main(void)
{
    parley_builder *b = NULL;
    T_CHECK(parley_builder_new(NULL, &b) == PARLEY_OK);
    T_CHECK(parley_builder_add_file(b, PARLEY_DICT_VERBS, "tests/spec/dict/verbs.txt") == PARLEY_OK);
    T_CHECK(parley_builder_add_file(b, PARLEY_DICT_ACTORS, "tests/spec/dict/actors.txt") == PARLEY_OK);
    T_CHECK(parley_builder_add_file(b, PARLEY_DICT_AGENTS, "tests/spec/dict/agents.txt") == PARLEY_OK);
    T_CHECK(parley_builder_compile(b, &dict) == PARLEY_OK);
    parley_builder_free(b);
    if (!dict)
        return T_DONE();

    char *single = code_all();
    T_CHECK(single && strlen(single) > 0);

    pthread_t th[THREADS];
    char *got[THREADS] = { 0 };
    for (int i = 0; i < THREADS; i++)
        T_CHECK(pthread_create(&th[i], NULL, worker, &got[i]) == 0);
    for (int i = 0; i < THREADS; i++) {
        pthread_join(th[i], NULL);
        T_CHECK(got[i] && single && strcmp(got[i], single) == 0);
        free(got[i]);
    }
    free(single);
    parley_dict_free(dict);
    return T_DONE();
}
