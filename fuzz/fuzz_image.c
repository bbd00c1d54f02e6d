/* fuzz_image.c: libFuzzer target for the compiled dictionary loader. A
 * dictionary image is a file users pass with --dict, so any bytes must be
 * refused with PARLEY_EFORMAT or load into a dict that codes safely. The
 * corpus is seeded with a real image (`make fuzz-check` compiles the spec
 * dictionaries into build/fuzz/corpus/fuzz_image/). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parley/parley.h"

static void check(int ok)
{
    if (!ok)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The loader maps files, which are page aligned; copy to get the same
     * alignment guarantee malloc gives. */
    void *buf = malloc(size ? size : 1);
    check(buf != NULL);
    memcpy(buf, data, size);
    parley_dict *d = NULL;
    parley_status st = parley_dict_load_buffer(buf, size, NULL, &d);
    if (st == PARLEY_OK) {
        check(parley_dict_version(d) != NULL);
        parley_coder *c = NULL;
        parley_doc *doc = NULL;
        if (parley_coder_new(d, NULL, &c) == PARLEY_OK && parley_doc_new(NULL, &doc) == PARLEY_OK) {
            static const char text[] =
                "Alba condemned Boria on Monday. Borian soldiers attacked Alba, officials said.";
            if (parley_doc_set(doc, "f", "20250101", "Alba and Boria Hold Talks", text,
                               sizeof text - 1) == PARLEY_OK)
                parley_code(c, doc);
        }
        parley_doc_free(doc);
        parley_coder_free(c);
        parley_dict_free(d);
    } else {
        check(d == NULL);
    }
    free(buf);
    return 0;
}
