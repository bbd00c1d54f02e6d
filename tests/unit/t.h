/* t.h: a minimal test harness. Each test program runs its checks and
 * exits 1 if any failed, printing FILE:LINE and the failed expression. */
#ifndef T_H
#define T_H
#include <stdio.h>
#include <string.h>

static int t_failed, t_run;

#define T_CHECK(cond) do { t_run++; if (!(cond)) { t_failed++; \
    fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); } } while (0)
#define T_STREQ(a, b) do { const char *t_a = (a), *t_b = (b); t_run++; \
    if (!t_a || !t_b || strcmp(t_a, t_b) != 0) { t_failed++; \
    fprintf(stderr, "%s:%d: expected \"%s\", got \"%s\"\n", __FILE__, __LINE__, \
            t_b ? t_b : "(null)", t_a ? t_a : "(null)"); } } while (0)
#define T_DONE() (fprintf(stderr, "%s: %d checks, %d failed\n", __FILE__, t_run, t_failed), \
                  t_failed ? 1 : 0)
#endif
