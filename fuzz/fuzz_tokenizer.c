/* fuzz_tokenizer.c: libFuzzer target for text repair and segmentation.
 * Any bytes go through prl_text_repair and prl_text_segment; the target
 * then checks every structural promise of text.h and aborts (a finding)
 * when one breaks: offsets in range and increasing, every token inside
 * its sentence, sentences covering the tokens in order, norms well-formed
 * UTF-8 of the recorded length, and prl_text_norm_word on each token. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

static void check(int ok)
{
    if (!ok)
        abort();
}

static int valid_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int len = prl_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (cp < 0)
            return 0;
        i += (size_t)len;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    prl_arena ar;
    prl_arena_init(&ar, NULL);
    const char *text;
    size_t n;
    unsigned replaced;
    check(prl_text_repair(&ar, (const char *)data, size, &text, &n, &replaced) == PARLEY_OK);
    check(valid_utf8(text, n));
    check(replaced == 0 ? n == size && text == (const char *)data : n > 0);

    prl_segmented sg;
    check(prl_text_segment(&ar, text, n, &sg) == PARLEY_OK);
    uint32_t next = 0, prev_end = 0;
    for (uint32_t i = 0; i < sg.n_sentences; i++) {
        const prl_sentence *s = &sg.sentences[i];
        check(s->first == next && s->count > 0);
        check(s->start >= prev_end && s->start < s->end && s->end <= n);
        check(sg.tokens[s->first].start == s->start);
        check(sg.tokens[s->first + s->count - 1].end == s->end);
        for (uint32_t j = s->first; j < s->first + s->count; j++) {
            const prl_token *t = &sg.tokens[j];
            check(t->start < t->end && t->start >= s->start && t->end <= s->end);
            check(j == s->first || t->start >= sg.tokens[j - 1].end);
            check(t->kind <= PRL_T_END && t->space <= PRL_SP_PARA);
            check(t->norm && strlen(t->norm) == t->len);
            check(valid_utf8(t->norm, t->len));
            check(t->kind != PRL_T_WORD || t->end - t->start <= 4096);
            const char *w = prl_text_norm_word(&ar, text + t->start, t->end - t->start);
            check(w && valid_utf8(w, strlen(w)));
        }
        /* END tokens only close sentences. */
        for (uint32_t j = s->first; j + 1 < s->first + s->count; j++)
            check(sg.tokens[j].kind != PRL_T_END ||
                  sg.tokens[j + 1].kind == PRL_T_QUOTE ||
                  sg.tokens[j + 1].kind == PRL_T_PUNCT);
        prev_end = s->end;
        next = s->first + s->count;
    }
    check(next == sg.n_tokens);
    check(sg.dateline_start <= sg.dateline_end && sg.dateline_end <= n);
    prl_arena_free(&ar);
    return 0;
}
