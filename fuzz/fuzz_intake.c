/* fuzz_intake.c: libFuzzer target for the input readers (src/intake/).
 * The first byte picks the form (jsonl, text, lines, tabari, or the
 * guess, which also reaches html, warc and gzip/zstd decompression; the
 * html and warc readers have their own targets); the rest is the input,
 * read through fmemopen until the end.
 * Aborts (a finding) when a reader breaks its contract: a record without
 * id or text, text not NUL-terminated at len, a date that is not eight
 * digits, a bad record without a message, or more records than lines. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intake/intake.h"

static void check(int ok)
{
    if (!ok)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const prl_intake_format forms[] = {
        PRL_INTAKE_JSONL, PRL_INTAKE_TEXT, PRL_INTAKE_LINES, PRL_INTAKE_TABARI,
        PRL_INTAKE_GUESS,
    };
    if (size < 1 || size > (1u << 20))
        return 0;
    prl_intake_format form = forms[data[0] % (sizeof forms / sizeof forms[0])];
    data++;
    size--;
    /* fmemopen refuses a zero-size buffer. */
    static const uint8_t none[1] = {0};
    FILE *f = fmemopen((void *)(size ? data : none), size ? size : 1, "rb");
    if (!f)
        return 0;
    if (!size)
        fgetc(f);
    prl_intake in;
    if (prl_intake_open(&in, form, f, "fuzz", NULL) != PARLEY_OK) {
        fclose(f);
        return 0;
    }
    size_t lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';
    /* gzip or zstd input is decompressed first: its lines are not the
     * input's, so the record count has no bound from them. */
    if ((size >= 2 && data[0] == 0x1f && data[1] == 0x8b) ||
        (size >= 4 && memcmp(data, "\x28\xb5\x2f\xfd", 4) == 0))
        lines = (size_t)-1;
    size_t records = 0;
    for (;;) {
        prl_record r;
        prl_intake_result res = prl_intake_next(&in, &r);
        if (res == PRL_INTAKE_END || res == PRL_INTAKE_FAIL)
            break;
        check(++records <= lines);
        if (res == PRL_INTAKE_BAD) {
            check(in.err[0] != '\0');
            continue;
        }
        check(res == PRL_INTAKE_RECORD);
        check(r.id && r.text && r.text[r.len] == '\0');
        if (r.date) {
            check(strlen(r.date) == 8);
            for (int i = 0; i < 8; i++)
                check(r.date[i] >= '0' && r.date[i] <= '9');
        }
    }
    prl_intake_close(&in);
    fclose(f);
    return 0;
}
