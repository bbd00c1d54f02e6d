/* fuzz_coder.c: libFuzzer target for the whole coder. The spec-table
 * dictionaries (tests/spec/dict/) are compiled once; each input is coded
 * as a document body, and as title + body split at the first newline. The
 * target checks what parley.h promises of every event: codes present, the
 * sentence index in range, spans inside the document text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parley/parley.h"

static parley_dict *dict;
static parley_coder *coder;
static parley_doc *doc;

static void check(int ok)
{
    if (!ok)
        abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static const char *const files[] = {
        "tests/spec/dict/verbs.txt", "tests/spec/dict/actors.txt",
        "tests/spec/dict/agents.txt", "tests/spec/dict/discards.txt",
    };
    static const parley_dict_kind kinds[] = {
        PARLEY_DICT_VERBS, PARLEY_DICT_ACTORS, PARLEY_DICT_AGENTS, PARLEY_DICT_DISCARDS,
    };
    parley_builder *b = NULL;
    check(parley_builder_new(NULL, &b) == PARLEY_OK);
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        check(parley_builder_add_file(b, kinds[i], files[i]) == PARLEY_OK);
    check(parley_builder_compile(b, &dict) == PARLEY_OK);
    parley_builder_free(b);
    check(parley_coder_new(dict, NULL, &coder) == PARLEY_OK);
    check(parley_doc_new(NULL, &doc) == PARLEY_OK);
    return 0;
}

static void code_and_check(const char *title, const char *text, size_t n)
{
    if (parley_doc_set(doc, "fuzz", "20250101", title, text, n) != PARLEY_OK)
        return;
    if (parley_code(coder, doc) != PARLEY_OK)
        return;
    size_t len;
    parley_doc_text(doc, &len);
    size_t sents = parley_doc_sentence_count(doc);
    for (size_t i = 0; i < parley_doc_event_count(doc); i++) {
        const parley_event *e = parley_doc_event(doc, i);
        check(e->source && e->target && e->code && e->root && e->verb && e->pattern);
        check(e->sentence >= 1 && e->sentence <= sents);
        check(e->start <= e->end && e->end <= len);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    code_and_check(NULL, s, size);
    const char *nl = memchr(s, '\n', size);
    if (nl) {
        size_t tn = (size_t)(nl - s);
        char *title = malloc(tn + 1);
        check(title != NULL);
        memcpy(title, s, tn);
        title[tn] = 0;
        if (strlen(title) == tn)    /* a NUL inside cannot be a C string */
            code_and_check(title, nl + 1, size - tn - 1);
        free(title);
    }
    return 0;
}
