/* image.h: layout of the compiled dictionary image.
 *
 * An image is one contiguous, position-independent byte buffer: a header,
 * then sections of fixed-size items. Every reference inside is an index or
 * a byte offset, never a pointer, so an image can be written to disk and
 * mapped back (parley_dict_save / parley_dict_load) without fix-ups, and
 * shared read-only by any number of threads.
 *
 * Words: every distinct dictionary word (after the text normalizer, so
 * dictionaries and text agree) and the closed-class words the coder needs
 * (determiners, auxiliaries, prepositions, ...) are interned once into
 * WORDS, found by open-addressing hash (WHASH). TABARI stems (a word that
 * matches any token starting with it) live in STEMS / SHASH.
 *
 * Tries: actors, agents, discards, issues and verb forms are tries over
 * word ids sharing NODES and EDGES. An edge label packs the word or stem id
 * with two flags: PRL_LBL_STEM (the id is a stem) and PRL_LBL_JOINED (the
 * next word of the phrase must follow immediately: a '_' joiner). A word's
 * `starts` bits say which tries have a phrase starting with it, so most
 * tokens skip the trie walks entirely. A node's
 * edges are sorted by label so the big root fan-out is binary-searched. A
 * node with value != 0 ends a phrase: ENTRIES[value - 1] says what it is.
 *
 * Verb forms lead to VFORMS (one per verb block the form belongs to); a
 * block owns PATTERNS, sorted longest first; a pattern is ELEMS: the words
 * before the verb (left, in text order) then the words after it (right).
 * SYNSETS are lists of SYNPHR phrases whose elements are ELEMS too.
 *
 * All integers are native-endian; the header records the byte order and
 * the loader rejects a foreign one. */
#ifndef PRL_CODE_IMAGE_H
#define PRL_CODE_IMAGE_H

#include <stdint.h>

#define PRL_IMG_MAGIC "PRLYDICT"
#define PRL_IMG_VERSION 1u
#define PRL_IMG_ENDIAN 0x01020304u

/* Sections, in file order. */
enum {
    PRL_SEC_STR = 0,    /* char: NUL-terminated strings; offset 0 is "" */
    PRL_SEC_WORDS,      /* prl_img_word */
    PRL_SEC_WHASH,      /* uint32_t: word id + 1, 0 = empty; power of 2 */
    PRL_SEC_STEMS,      /* prl_img_word */
    PRL_SEC_SHASH,      /* uint32_t: stem id + 1 */
    PRL_SEC_NODES,      /* prl_img_node */
    PRL_SEC_EDGES,      /* prl_img_edge */
    PRL_SEC_ENTRIES,    /* prl_img_entry: what a trie phrase means */
    PRL_SEC_CODES,      /* prl_img_code: actor/agent/issue codes */
    PRL_SEC_VFORMS,     /* prl_img_vform */
    PRL_SEC_BLOCKS,     /* prl_img_block */
    PRL_SEC_PATTERNS,   /* prl_img_pattern */
    PRL_SEC_ELEMS,      /* prl_img_elem */
    PRL_SEC_SYNSETS,    /* prl_img_synset */
    PRL_SEC_SYNPHR,     /* prl_img_synphr */
    PRL_SEC_VCODES,     /* prl_img_vcode */
    PRL_SEC_COUNT
};

/* The tries, indexing prl_img_header.roots. */
enum {
    PRL_TRIE_ACTOR = 0,
    PRL_TRIE_AGENT,
    PRL_TRIE_DISCARD,
    PRL_TRIE_ISSUE,
    PRL_TRIE_VERB,
    PRL_TRIE_COUNT
};

/* Closed word classes the coder's shallow parser uses (prl_img_word.cls). */
enum {
    PRL_WC_OPEN = 0,    /* anything else */
    PRL_WC_DET,         /* a an the this that's "these" ... */
    PRL_WC_INDEF,       /* a an: a determiner that makes a noun */
    PRL_WC_POSS,        /* his her its their our my your */
    PRL_WC_PRON,        /* he she it they them him we */
    PRL_WC_CONJ,        /* and or but nor */
    PRL_WC_PREP,        /* of in on at with for from to by ... */
    PRL_WC_AUX,         /* is was has have do ... (can be a verb too) */
    PRL_WC_MODAL,       /* will would should can ... (never a verb) */
    PRL_WC_NEG,         /* not n't never */
    PRL_WC_SUB,         /* that which who when while after because ... */
    PRL_WC_TIME,        /* today yesterday now ... (not a noun phrase) */
    PRL_WC_GEN,         /* 's ' (possessive) */
    PRL_WC_COUNT
};

/* Extra flags on closed-class words (prl_img_word.flags). */
enum {
    PRL_WF_PASSAUX = 1, /* was were been is are be being: passive auxiliary */
    PRL_WF_BY = 2,      /* by */
    PRL_WF_OF = 4,      /* of: links a noun phrase to the next */
    PRL_WF_LINK = 8,    /* in from: links an agent to an actor */
    PRL_WF_FORMER = 16, /* former: turns an agent into ~ELI */
    PRL_WF_PAST = 32,   /* an irregular past form ("said"): never a noun
                           by the determiner rule */
    PRL_WF_NEGV = 64,   /* fail refuse decline: negate the verb of the
                           infinitive after them ("failed to agree") */
    PRL_WF_LIGHT = 128  /* hold make launch ...: a light verb, whose event
                           noun object ("held talks") is the event */
};

/* Labels: id << 2 | stem << 1 | joined, so the joined and unjoined
 * edges of one word are neighbours in a node's sorted edges. */
#define PRL_LBL_JOINED 1u
#define PRL_LBL_STEM 2u
#define PRL_LBL(id, stem) (((uint32_t)(id) << 2) | ((stem) ? PRL_LBL_STEM : 0u))
#define PRL_LBL_ID(l) ((l) >> 2)
#define PRL_MAX_ID 0x3fffffffu
#define PRL_NONE 0xffffffffu

typedef struct prl_img_section {
    uint32_t off;       /* bytes from the image start; 8-aligned */
    uint32_t n;         /* items */
} prl_img_section;

typedef struct prl_img_header {
    char magic[8];
    uint32_t version;
    uint32_t endian;
    uint64_t size;          /* whole image, bytes */
    uint64_t hash;          /* content hash of the dictionary files */
    uint32_t roots[PRL_TRIE_COUNT];
    uint32_t stem_lens;     /* bit L set: some stem has L bytes (1..31) */
    uint32_t reserved;
    prl_img_section sec[PRL_SEC_COUNT];
} prl_img_header;

typedef struct prl_img_word {
    uint32_t str;           /* offset in STR */
    uint32_t len;
    uint32_t hash;          /* low 32 bits of prl_hash64(text) */
    uint8_t cls;            /* PRL_WC_* */
    uint8_t flags;          /* PRL_WF_* */
    uint8_t starts;         /* bit t: a phrase of trie t starts here */
    uint8_t pad;
} prl_img_word;

typedef struct prl_img_node {
    uint32_t first_edge;
    uint32_t n_edges;
    uint32_t value;         /* ENTRIES index + 1; 0: no phrase ends here */
} prl_img_node;

typedef struct prl_img_edge {
    uint32_t label;         /* PRL_LBL(id, stem) | joined */
    uint32_t child;
} prl_img_edge;

/* What a phrase of a trie means.
 *  actor:   codes[first, first+n): dated codes, undated default(s)
 *  agent:   codes[first]: the code without '~'; flags 1 = prefix agent
 *  discard: flags 1 = story-level discard
 *  issue:   codes[first] (n = 0 for ignore phrases); flags = ignore level
 *  verb:    vforms[first, first+n): one per block the form is listed in */
typedef struct prl_img_entry {
    uint32_t first;
    uint32_t n;
    uint32_t flags;
    uint32_t file;          /* STR offset of the dictionary file name */
    uint32_t line;
} prl_img_entry;

typedef struct prl_img_code {
    uint32_t code;          /* STR offset */
    int32_t from, to;       /* YYYYMMDD inclusive; 0 = open */
} prl_img_code;

typedef struct prl_img_vform {
    uint32_t block;
    uint32_t vcode;         /* the form's own code (or its block's) */
    uint32_t file, line;
} prl_img_vform;

typedef struct prl_img_block {
    uint32_t name;          /* STR */
    uint32_t vcode;
    uint32_t first_pattern;
    uint32_t n_patterns;
} prl_img_block;

enum {
    PRL_PF_VJOIN = 1        /* "*_X": the first right element follows the
                               verb immediately */
};

typedef struct prl_img_pattern {
    uint32_t first_elem;
    uint16_t n_left;        /* elements before the verb */
    uint16_t n_right;       /* elements after it */
    uint32_t vcode;
    uint32_t flags;         /* PRL_PF_* */
    uint32_t file, line;
    uint32_t key;           /* label of a word the sentence must contain
                               for the pattern to match, or PRL_NONE */
} prl_img_pattern;

/* Pattern and synset phrase elements. */
enum {
    PRL_E_WORD = 0,         /* arg: label (word or stem id) */
    PRL_E_SYNSET,           /* arg: synset index */
    PRL_E_SOURCE,           /* $ */
    PRL_E_TARGET,           /* + */
    PRL_E_COMPOUND,         /* % */
    PRL_E_SKIP              /* ^ */
};

typedef struct prl_img_elem {
    uint8_t kind;           /* PRL_E_* */
    uint8_t joined;         /* the next element must follow immediately */
    uint16_t pad;
    uint32_t arg;           /* WORD: label; SYNSET: index */
} prl_img_elem;

typedef struct prl_img_synset {
    uint32_t name;          /* STR */
    uint32_t first;         /* SYNPHR index */
    uint32_t n;
} prl_img_synset;

typedef struct prl_img_synphr {
    uint32_t first_elem;
    uint32_t n;
} prl_img_synphr;

/* Event codes as written ("---" null, "###" discard, "+++" complex); 0 =
 * none. */
typedef struct prl_img_vcode {
    uint32_t code, code2, passive;
} prl_img_vcode;

#endif
