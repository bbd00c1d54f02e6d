/* test_image.c: the compiled dictionary image: save and load give the same
 * dictionary (same version, same coding), and damaged images are refused
 * with PARLEY_EFORMAT or load without harm, never crash. Uses the spec
 * dictionaries (tests/spec/dict, or PARLEY_SPEC_DIR/dict). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "parley/parley.h"

static const char *TEXT = "Alba and Boria condemned Caldia. Borian soldiers attacked Alba.";

/* Code TEXT with d; returns the events as one string in out. */
static void code_text(const parley_dict *d, char *out, size_t cap)
{
    parley_coder *c = NULL;
    parley_doc *doc = NULL;
    out[0] = 0;
    if (parley_coder_new(d, NULL, &c) != PARLEY_OK || parley_doc_new(NULL, &doc) != PARLEY_OK)
        goto done;
    if (parley_doc_set(doc, "t", "20110101", NULL, TEXT, strlen(TEXT)) != PARLEY_OK ||
        parley_code(c, doc) != PARLEY_OK)
        goto done;
    size_t len = 0;
    for (size_t i = 0; i < parley_doc_event_count(doc); i++) {
        const parley_event *e = parley_doc_event(doc, i);
        int n = snprintf(out + len, cap - len, "%s %s %s;", e->source, e->target, e->code);
        if (n < 0 || (size_t)n >= cap - len)
            break;
        len += (size_t)n;
    }
done:
    parley_doc_free(doc);
    parley_coder_free(c);
}

static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    /* 8-byte aligned, as mmap would give. */
    unsigned char *b = len > 0 ? aligned_alloc(8, ((size_t)len + 7) & ~(size_t)7) : NULL;
    if (b && fread(b, 1, (size_t)len, f) != (size_t)len) {
        free(b);
        b = NULL;
    }
    fclose(f);
    *n = (size_t)len;
    return b;
}

int main(void)
{
    const char *dir = getenv("PARLEY_SPEC_DIR");
    if (!dir)
        dir = "tests/spec";
    static const struct {
        const char *file;
        parley_dict_kind kind;
    } dicts[] = {
        {"verbs.txt", PARLEY_DICT_VERBS},   {"actors.txt", PARLEY_DICT_ACTORS},
        {"agents.txt", PARLEY_DICT_AGENTS}, {"discards.txt", PARLEY_DICT_DISCARDS},
    };
    char path[1024];
    parley_builder *b = NULL;
    T_CHECK(parley_builder_new(NULL, &b) == PARLEY_OK);
    for (size_t i = 0; b && i < sizeof dicts / sizeof dicts[0]; i++) {
        snprintf(path, sizeof path, "%s/dict/%s", dir, dicts[i].file);
        T_CHECK(parley_builder_add_file(b, dicts[i].kind, path) == PARLEY_OK);
    }
    parley_dict *d = NULL;
    T_CHECK(b && parley_builder_compile(b, &d) == PARLEY_OK);
    parley_builder_free(b);
    if (!d)
        return T_DONE();

    char want[1024], got[1024];
    code_text(d, want, sizeof want);
    T_STREQ(want, "ALB CAL 122;BOR CAL 122;BORMIL ALB 190;");
    T_CHECK(strlen(parley_dict_version(d)) == 16);

    /* Save, load (mmap) and load from a buffer: same version, same events. */
    char img[] = "/tmp/parley-test-image-XXXXXX";
    int fd = mkstemp(img);
    T_CHECK(fd >= 0);
    if (fd >= 0)
        fclose(fdopen(fd, "w"));
    T_CHECK(parley_dict_save(d, img) == PARLEY_OK);
    parley_dict *d2 = NULL;
    T_CHECK(parley_dict_load(img, NULL, &d2) == PARLEY_OK);
    if (d2) {
        T_STREQ(parley_dict_version(d2), parley_dict_version(d));
        code_text(d2, got, sizeof got);
        T_STREQ(got, want);
        parley_dict_free(d2);
    }
    size_t n = 0;
    unsigned char *buf = slurp(img, &n);
    T_CHECK(buf != NULL);
    remove(img);
    if (buf) {
        T_CHECK(parley_dict_load_buffer(buf, n, NULL, &d2) == PARLEY_OK);
        parley_dict_free(d2);

        /* Unaligned buffers are copied, not refused. */
        unsigned char *un = malloc(n + 1);
        if (un) {
            memcpy(un + 1, buf, n);
            T_CHECK(parley_dict_load_buffer(un + 1, n, NULL, &d2) == PARLEY_OK);
            parley_dict_free(d2);
            free(un);
        }

        /* Wrong magic, truncation, a section beyond the end: refused. */
        unsigned char *m = aligned_alloc(8, (n + 7) & ~(size_t)7);
        T_CHECK(m != NULL);
        if (m) {
            memcpy(m, buf, n);
            m[0] ^= 0xff;
            T_CHECK(parley_dict_load_buffer(m, n, NULL, &d2) == PARLEY_EFORMAT);
            memcpy(m, buf, n);
            T_CHECK(parley_dict_load_buffer(m, n - 8, NULL, &d2) == PARLEY_EFORMAT);
            T_CHECK(parley_dict_load_buffer(m, 16, NULL, &d2) == PARLEY_EFORMAT);
            /* Section table entries start after the fixed header fields;
             * make every 32-bit word of the header huge in turn. */
            for (size_t off = 8; off + 4 <= 200 && off + 4 <= n; off += 4) {
                memcpy(m, buf, n);
                memset(m + off, 0xff, 4);
                if (parley_dict_load_buffer(m, n, NULL, &d2) == PARLEY_OK) {
                    code_text(d2, got, sizeof got);
                    parley_dict_free(d2);
                }
            }
            /* Random damage anywhere: either refused or harmless. */
            srand(7);
            unsigned refused = 0;
            for (int it = 0; it < 500; it++) {
                memcpy(m, buf, n);
                for (int k = 0; k < 4; k++)
                    m[(size_t)rand() % n] ^= (unsigned char)(1 + rand() % 255);
                parley_status s = parley_dict_load_buffer(m, n, NULL, &d2);
                T_CHECK(s == PARLEY_OK || s == PARLEY_EFORMAT);
                if (s == PARLEY_OK) {
                    code_text(d2, got, sizeof got);
                    parley_dict_free(d2);
                } else {
                    refused++;
                }
            }
            T_CHECK(refused > 0);
            free(m);
        }
        free(buf);
    }
    T_CHECK(parley_dict_load("/nonexistent/parley.img", NULL, &d2) == PARLEY_EIO);
    parley_dict_free(d);
    return T_DONE();
}
