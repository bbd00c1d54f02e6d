/* evidence.h: evidence grading of a coded document (docs/evidence.md):
 * does the body back the events coded from the headline, and which body
 * sentences merely repeat earlier ones. The coder (src/code/coder.c) feeds
 * it while coding a document, then calls prl_evidence_grade once at the
 * end. All state lives in the document's arena. Internal. */
#ifndef PRL_EVIDENCE_H
#define PRL_EVIDENCE_H

#include "prl.h"
#include "text/text.h"

/* Forget what an earlier coding of doc recorded; headline verdict NONE,
 * no repeats. Called at the start of parley_code. Never fails. */
void prl_evidence_begin(parley_doc *doc);

/* What prl_evidence_repeat found. */
enum { PRL_REPEAT_NONE = 0, PRL_REPEAT_EXACT = 1, PRL_REPEAT_NEAR = 2 };

/* Check body sentence number `sentence` (1-based, increasing; its tokens)
 * against the body sentences seen before it (docs/evidence.md):
 *   PRL_REPEAT_EXACT  the same words and numbers as an earlier one: counted
 *                     in doc->repeated, and the coder skips it;
 *   PRL_REPEAT_NEAR   a near-duplicate (a shared run of words, or most of
 *                     its word trigrams, names aside): counted in
 *                     doc->repeated; the coder codes it and then calls
 *                     prl_evidence_unrepeat;
 *   PRL_REPEAT_NONE   otherwise; it is remembered.
 * A sentence with no word or number is never a repeat; sentence 0 is only
 * checked for exact repeats. Out of memory: doc->arena.failed is set and
 * PRL_REPEAT_NONE returned (the coder reports PARLEY_ENOMEM). */
int prl_evidence_repeat(parley_doc *doc, uint32_t sentence, const prl_token *toks,
                        uint32_t n);

/* Drop from doc->events[first..n_events) (the events just coded from body
 * sentence `sentence`) every event whose source, target and code equal an
 * event of an earlier sentence that it (transitively) nearly repeats, so
 * the event is coded once. Does nothing unless the sentence was found
 * PRL_REPEAT_NEAR. Never fails. */
void prl_evidence_unrepeat(parley_doc *doc, uint32_t sentence, size_t first);

/* For tests and tools: the first sentence of the near-duplicate cluster of
 * body sentence `sentence` (itself when it repeats nothing). */
uint32_t prl_evidence_near_root(const parley_doc *doc, uint32_t sentence);

/* Record that sentence (1-based) of the given part names the actor code
 * (any string; copied). Null codes ("---", "") are not mentions. Returns 0,
 * or -1 when out of memory. */
int prl_evidence_mention(parley_doc *doc, uint32_t sentence, parley_part part,
                         const char *code);

/* Grade the coded document: set every event's support and the doc's
 * headline verdict. PARLEY_ENOMEM when the arena failed at any point of
 * the coding (the doc then holds no events), else PARLEY_OK. */
parley_status prl_evidence_grade(parley_doc *doc);

/* For tests and tools. The identity an actor code is compared by (see
 * docs/evidence.md): "g:HMS" for a known group, "c:USA" for a leading
 * country, else the code itself; buf holds the short forms. */
const char *prl_evidence_actor(const char *code, char buf[8]);

/* The actor mentions recorded by the last coding, in order: the i-th code
 * (NULL past the end) and its sentence. */
size_t prl_evidence_mention_count(const parley_doc *doc);
const char *prl_evidence_mention_at(const parley_doc *doc, size_t i,
                                    uint32_t *sentence);

#endif
