/* util.c: allocator hook, arena, growable arrays, diagnostics, hashing and
 * the status strings: the small pieces every other file uses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prl.h"

static void *default_alloc_fn(void *ud, void *p, size_t n)
{
    (void)ud;
    if (n == 0) {
        free(p);
        return NULL;
    }
    return realloc(p, n);
}

const prl_alloc prl_default_alloc = { default_alloc_fn, NULL };

void *prl_realloc(const prl_alloc *a, void *p, size_t n)
{
    if (!a || !a->fn)
        a = &prl_default_alloc;
    return a->fn(a->ud, p, n);
}

void *prl_malloc(const prl_alloc *a, size_t n)
{
    return prl_realloc(a, NULL, n ? n : 1);
}

void *prl_calloc(const prl_alloc *a, size_t n)
{
    void *p = prl_malloc(a, n);
    if (p)
        memset(p, 0, n ? n : 1);
    return p;
}

void prl_free(const prl_alloc *a, void *p)
{
    if (p)
        prl_realloc(a, p, 0);
}

char *prl_strndup(const prl_alloc *a, const char *s, size_t n)
{
    char *d = prl_malloc(a, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = 0;
    }
    return d;
}

/* Arena chunks grow geometrically so a document of any size needs few
 * allocations; oversized requests get a chunk of their own. */
struct prl_chunk {
    prl_chunk *next;
    size_t used, size;
    max_align_t data[];
};

#define ARENA_FIRST 16384u

void prl_arena_init(prl_arena *ar, const prl_alloc *a)
{
    ar->alloc = a ? a : &prl_default_alloc;
    ar->head = NULL;
    ar->failed = 0;
}

void *prl_arena_alloc(prl_arena *ar, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    prl_chunk *c = ar->head;
    if (!c || c->size - c->used < n) {
        size_t size = c ? c->size * 2 : ARENA_FIRST;
        if (size > (64u << 20))
            size = 64u << 20;
        if (size < n)
            size = n;
        prl_chunk *nc = prl_malloc(ar->alloc, sizeof *nc + size);
        if (!nc) {
            ar->failed = 1;
            return NULL;
        }
        nc->used = 0;
        nc->size = size;
        nc->next = c;
        ar->head = c = nc;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    return p;
}

char *prl_arena_strndup(prl_arena *ar, const char *s, size_t n)
{
    char *d = prl_arena_alloc(ar, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = 0;
    }
    return d;
}

void prl_arena_reset(prl_arena *ar)
{
    prl_chunk *c = ar->head;
    if (!c)
        return;
    /* Keep the newest (largest) chunk, free the rest. */
    prl_chunk *rest = c->next;
    while (rest) {
        prl_chunk *n = rest->next;
        prl_free(ar->alloc, rest);
        rest = n;
    }
    c->next = NULL;
    c->used = 0;
    ar->failed = 0;
}

void prl_arena_free(prl_arena *ar)
{
    prl_chunk *c = ar->head;
    while (c) {
        prl_chunk *n = c->next;
        prl_free(ar->alloc, c);
        c = n;
    }
    ar->head = NULL;
}

void prl_vec_init(prl_vec *v, size_t item)
{
    v->data = NULL;
    v->len = v->cap = 0;
    v->item = item;
}

void *prl_vec_push(const prl_alloc *a, prl_vec *v)
{
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        void *d = prl_realloc(a, v->data, cap * v->item);
        if (!d)
            return NULL;
        v->data = d;
        v->cap = cap;
    }
    void *slot = (char *)v->data + v->len * v->item;
    memset(slot, 0, v->item);
    v->len++;
    return slot;
}

void prl_vec_free(const prl_alloc *a, prl_vec *v)
{
    prl_free(a, v->data);
    v->data = NULL;
    v->len = v->cap = 0;
}

void prl_diagf(prl_diag *d, const char *file, unsigned line, unsigned col,
               const char *fmt, ...)
{
    if (!d)
        return;
    d->count++;
    if (!d->fn)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    d->fn(d->ud, file, line, col, msg);
}

uint64_t prl_hash64(const void *p, size_t n, uint64_t seed)
{
    const unsigned char *s = p;
    uint64_t h = seed ? seed : 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

const char *parley_strerror(parley_status s)
{
    switch (s) {
    case PARLEY_OK: return "ok";
    case PARLEY_ENOMEM: return "out of memory";
    case PARLEY_EINVAL: return "invalid argument";
    case PARLEY_EIO: return "input/output error";
    case PARLEY_EDICT: return "dictionary error";
    case PARLEY_EFORMAT: return "malformed input";
    case PARLEY_ETOOBIG: return "input too large";
    }
    return "unknown status";
}

const char *parley_version(void)
{
    return PARLEY_VERSION_STRING;
}
