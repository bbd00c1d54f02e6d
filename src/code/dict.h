/* dict.h: the loaded dictionary as the coder sees it: a validated image
 * (see image.h) plus typed views of its sections. Internal. */
#ifndef PRL_CODE_DICT_H
#define PRL_CODE_DICT_H

#include "../prl.h"
#include "image.h"

struct parley_dict {
    prl_alloc alloc;
    void *owned;            /* heap image (compiled or copied), or NULL */
    void *map;              /* mmap'd file, or NULL */
    size_t map_len;
    const unsigned char *base;
    size_t size;
    const prl_img_header *h;

    const char *str;            uint32_t n_str;
    const prl_img_word *words;  uint32_t n_words;
    const uint32_t *whash;      uint32_t n_whash;
    const prl_img_word *stems;  uint32_t n_stems;
    const uint32_t *shash;      uint32_t n_shash;
    const prl_img_node *nodes;  uint32_t n_nodes;
    const prl_img_edge *edges;  uint32_t n_edges;
    const prl_img_entry *entries; uint32_t n_entries;
    const prl_img_code *codes;  uint32_t n_codes;
    const prl_img_vform *vforms; uint32_t n_vforms;
    const prl_img_block *blocks; uint32_t n_blocks;
    const prl_img_pattern *patterns; uint32_t n_patterns;
    const prl_img_elem *elems;  uint32_t n_elems;
    const prl_img_synset *synsets; uint32_t n_synsets;
    const prl_img_synphr *synphr; uint32_t n_synphr;
    const prl_img_vcode *vcodes; uint32_t n_vcodes;

    char version[17];       /* hex of h->hash */
    /* By first byte: bit L set when a stem of L bytes starts with it (a
     * subset of h->stem_lens), so most tokens skip the stem probes. */
    uint32_t stem_lens1[256];
    /* The same for stems of 2+ bytes by their first two bytes, hashed
     * (STEM_PAIR below): a superset, so only a filter. */
    uint32_t stem_lens2[1024];
    /* The big root fan-outs, indexed instead of binary-searched: for trie
     * t and word id w (stem id s), rootix[w (n_words + s) * PRL_TRIE_COUNT
     * + t] is 1 + the first root edge of that word or stem, 0 when none:
     * a word's entries for all tries share a cache line. Built at load;
     * NULL (binary search) when out of memory. */
    uint32_t *rootix;
    /* patterns[i].key side by side, so a verb's pattern loop reads only
     * these for most patterns; PRL_PKEY_SKIP when the pattern's code is
     * "+++" (a complex event, never coded). Built at load. */
    uint32_t *pkeys;
};

#define PRL_PKEY_SKIP 0xfffffffeu    /* above any label of a valid image */

/* Wrap a complete image (validated here) into a new dict. `owned` is freed
 * with the dict (may be NULL); map/map_len are munmap'd with it. */
parley_status prl_dict_open(const void *buf, size_t n, void *owned,
                            void *map, size_t map_len, const prl_alloc *a,
                            parley_dict **out);

/* The id of a word in its matching form, or PRL_NONE. */
uint32_t prl_dict_word(const parley_dict *d, const char *s, size_t n);

/* The same with the word's hash, prl_dict_word_hash(s, n), already made:
 * the lexical pass hashes a sentence's tokens first and prefetches their
 * hash slots, so the cache misses of the lookups overlap. */
uint32_t prl_dict_word_hashed(const parley_dict *d, const char *s, size_t n,
                              uint32_t h);

static inline uint32_t prl_dict_word_hash(const char *s, size_t n)
{
    return (uint32_t)prl_hash64(s, n, 0);
}

/* Stem ids matching a prefix of s: at most max written into out. */
unsigned prl_dict_stems(const parley_dict *d, const char *s, size_t n,
                        uint32_t *out, unsigned max);

/* The children of node by label without and with PRL_LBL_JOINED
 * (PRL_NONE when absent), in one search. */
void prl_dict_child2(const parley_dict *d, uint32_t node, uint32_t label,
                     uint32_t *plain, uint32_t *joined);

/* The child of node by label, or PRL_NONE. */
uint32_t prl_dict_child(const parley_dict *d, uint32_t node, uint32_t label);

static inline unsigned prl_stem_pair(const char *s)
{
    return ((unsigned char)s[0] * 31u + (unsigned char)s[1]) & 1023u;
}

static inline const char *prl_dict_str(const parley_dict *d, uint32_t off)
{
    return d->str + off;
}

#endif
