/* text.c: the plain-text reader: the whole input is one document, with no
 * title or date (the CLI's --date applies). Used for a file of prose
 * (`parley code --input text story.txt`, or any .txt file). */
#include "intake/intake.h"

#include <string.h>

typedef struct text_state {
    int done;
} text_state;

static parley_status text_open(prl_intake *in)
{
    in->state = prl_calloc(in->alloc, sizeof(text_state));
    return in->state ? PARLEY_OK : PARLEY_ENOMEM;
}

static void text_close(prl_intake *in)
{
    prl_free(in->alloc, in->state);
    in->state = NULL;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

static prl_intake_result text_next(prl_intake *in, prl_record *rec)
{
    text_state *st = in->state;
    if (st->done)
        return PRL_INTAKE_END;
    st->done = 1;
    prl_line_result r = prl_intake_slurp(in, PRL_INTAKE_MAX_RECORD);
    if (r == PRL_LINE_ERROR)
        return PRL_INTAKE_FAIL;
    if (r == PRL_LINE_EOF || (r == PRL_LINE_OK && blank(in->line, in->line_len)))
        return PRL_INTAKE_END;
    in->records++;
    if (r == PRL_LINE_LONG)
        return prl_intake_bad(in, 1, 0, "document longer than %zu MiB skipped",
                              PRL_INTAKE_MAX_RECORD >> 20);
    const char *nul = memchr(in->line, '\0', in->line_len);
    if (nul) {
        /* Name the line and column of the first NUL: it helps find where a
         * binary file or a broken conversion starts. */
        unsigned line = 1, col = 1;
        for (const char *p = in->line; p < nul; p++) {
            if (*p == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return prl_intake_bad(in, line, col, "binary input (NUL byte) skipped");
    }
    rec->id = prl_intake_default_id(in, 1);
    if (!rec->id) {
        snprintf(in->err, sizeof in->err, "%s", parley_strerror(PARLEY_ENOMEM));
        return PRL_INTAKE_FAIL;
    }
    rec->text = in->line;
    rec->len = in->line_len;
    rec->line = 1;
    rec->number = in->records;
    return PRL_INTAKE_RECORD;
}

const prl_intake_ops prl_intake_text = {
    "text", text_open, text_next, text_close,
};
