/* bench_intake.c: the speed of article intake alone: reading, decompressing,
 * parsing and extracting pages into records, without coding them.
 *
 *   bench_intake FILE...
 *
 * Reads every FILE through the intake (form guessed as `parley code`
 * does: .html pages, .warc.gz crawls, ...) three times and reports the
 * median: records, the bytes of the files as given (compressed bytes for
 * .gz), MB/s per core (process CPU time) and the body text extracted. */
#include <stdio.h>
#include <stdlib.h>

#include "common.h"
#include "intake/intake.h"

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_intake FILE...\n");
        return 2;
    }
    enum { RUNS = 3 };
    double secs[RUNS];
    unsigned long records = 0, bad = 0;
    double in_bytes = 0, text_bytes = 0;
    for (int run = 0; run < RUNS; run++) {
        records = bad = 0;
        in_bytes = text_bytes = 0;
        double t0 = bench_cpu_now();
        for (int i = 1; i < argc; i++) {
            FILE *f = fopen(argv[i], "rb");
            if (!f) {
                perror(argv[i]);
                return 1;
            }
            fseek(f, 0, SEEK_END);
            in_bytes += (double)ftell(f);
            rewind(f);
            prl_intake in;
            if (prl_intake_open(&in, PRL_INTAKE_GUESS, f, argv[i], NULL) != PARLEY_OK) {
                fprintf(stderr, "%s: %s\n", argv[i], in.err);
                return 1;
            }
            for (;;) {
                prl_record r;
                prl_intake_result res = prl_intake_next(&in, &r);
                if (res == PRL_INTAKE_END || res == PRL_INTAKE_FAIL)
                    break;
                if (res == PRL_INTAKE_BAD) {
                    bad++;
                    continue;
                }
                records++;
                text_bytes += (double)r.len;
            }
            prl_intake_close(&in);
            fclose(f);
        }
        secs[run] = bench_cpu_now() - t0;
    }
    qsort(secs, RUNS, sizeof secs[0], bench_cmp_double);
    double s = secs[RUNS / 2];
    printf("%lu records (%lu bad), %.1f MB in, %.1f MB of body text, %.2f s CPU, "
           "%.1f MB/s per core\n", records, bad, in_bytes / 1e6, text_bytes / 1e6, s,
           in_bytes / 1e6 / s);
    return 0;
}
