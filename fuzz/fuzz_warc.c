/* fuzz_warc.c: libFuzzer target for the WARC reader (src/intake/warc.c)
 * and the decompression under it (src/intake/decompress.c). The first
 * byte picks the form: warc, or the guess (so gzip and zstd input, the
 * WARC magic and the HTML guess are reached too); the rest is the input,
 * read through fmemopen to the end. Aborts (a finding) when the reader
 * breaks its contract: a record without id or text, text not
 * NUL-terminated at len, a bad date, a bad record or failure without a
 * message, or a result after PRL_INTAKE_FAIL. */
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
    if (size < 1 || size > (1u << 20))
        return 0;
    prl_intake_format form = data[0] & 1 ? PRL_INTAKE_GUESS : PRL_INTAKE_WARC;
    data++;
    size--;
    static const uint8_t none[1] = {0};
    FILE *f = fmemopen((void *)(size ? data : none), size ? size : 1, "rb");
    if (!f)
        return 0;
    if (!size)
        fgetc(f);
    prl_intake in;
    if (prl_intake_open(&in, form, f, "fuzz.warc", NULL) != PARLEY_OK) {
        fclose(f);
        return 0;
    }
    for (unsigned long n = 0;; n++) {
        prl_record r;
        prl_intake_result res = prl_intake_next(&in, &r);
        if (res == PRL_INTAKE_END)
            break;
        if (res == PRL_INTAKE_FAIL) {
            check(in.err[0] != '\0');
            break;
        }
        if (res == PRL_INTAKE_BAD) {
            check(in.err[0] != '\0');
            continue;
        }
        check(res == PRL_INTAKE_RECORD);
        check(r.id && r.text && r.text[r.len] == '\0' && r.len > 0);
        if (r.date) {
            check(strlen(r.date) == 8);
            for (int i = 0; i < 8; i++)
                check(r.date[i] >= '0' && r.date[i] <= '9');
        }
        check(n < (1ul << 24));
    }
    prl_intake_close(&in);
    fclose(f);
    return 0;
}
