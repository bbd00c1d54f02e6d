/* prl.h: internal helpers shared by every part of the library: the allocator
 * hook, the per-document arena, growable arrays and the diagnostic sink.
 * Nothing here is API; public names live in include/parley/parley.h. */
#ifndef PRL_H
#define PRL_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>

#include "parley/parley.h"

/* The allocator: one realloc-shaped hook, as in Lua. free is size 0. */
typedef struct prl_alloc {
    parley_alloc_fn fn;
    void *ud;
} prl_alloc;

void *prl_realloc(const prl_alloc *a, void *p, size_t n);
void *prl_malloc(const prl_alloc *a, size_t n);
void *prl_calloc(const prl_alloc *a, size_t n);
void prl_free(const prl_alloc *a, void *p);
char *prl_strndup(const prl_alloc *a, const char *s, size_t n);
extern const prl_alloc prl_default_alloc;

/* Arena: bump allocation in chunks; freed all at once. A failed allocation
 * sets `failed`, which sticks, and returns NULL; callers check once at the
 * API boundary. */
typedef struct prl_chunk prl_chunk;
typedef struct prl_arena {
    const prl_alloc *alloc;
    prl_chunk *head;
    int failed;
} prl_arena;

void prl_arena_init(prl_arena *ar, const prl_alloc *a);
void *prl_arena_alloc(prl_arena *ar, size_t n);           /* 8-byte aligned */
char *prl_arena_strndup(prl_arena *ar, const char *s, size_t n);
void prl_arena_reset(prl_arena *ar);                       /* keep first chunk */
void prl_arena_free(prl_arena *ar);

/* Growable array of fixed-size items on the heap. */
typedef struct prl_vec {
    void *data;
    size_t len, cap, item;
} prl_vec;

void prl_vec_init(prl_vec *v, size_t item);
void *prl_vec_push(const prl_alloc *a, prl_vec *v);       /* zeroed slot or NULL */
void prl_vec_free(const prl_alloc *a, prl_vec *v);
#define PRL_VEC_AT(v, T, i) (((T *)(v)->data)[i])

/* Diagnostics: a callback with file, line, column (0 = none) and a message.
 * The library never prints; the CLI formats these as
 * "parley: FILE:LINE:COLUMN: message". */
typedef struct prl_diag {
    parley_warn_fn fn;
    void *ud;
    unsigned count;      /* diagnostics reported so far */
} prl_diag;

void prl_diagf(prl_diag *d, const char *file, unsigned line, unsigned col,
               const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* FNV-1a 64 over bytes: used for interning and the dictionary hash chain. */
uint64_t prl_hash64(const void *p, size_t n, uint64_t seed);

#endif
