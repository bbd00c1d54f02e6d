/* lines.c: the one-document-per-line reader: each non-blank line is a
 * document with id "NAME:LINE", no title and no date (the CLI's --date
 * applies). Handy for a file of headlines or of single sentences. */
#include "intake/intake.h"

#include <string.h>

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

static prl_intake_result lines_next(prl_intake *in, prl_record *rec)
{
    for (;;) {
        prl_line_result r = prl_intake_getline(in);
        if (r == PRL_LINE_EOF)
            return PRL_INTAKE_END;
        if (r == PRL_LINE_ERROR)
            return PRL_INTAKE_FAIL;
        if (r == PRL_LINE_LONG) {
            in->records++;
            return prl_intake_bad(in, in->lineno, 0,
                                  "line longer than %zu MiB skipped",
                                  PRL_INTAKE_MAX_RECORD >> 20);
        }
        if (blank(in->line, in->line_len))
            continue;
        in->records++;
        const char *nul = memchr(in->line, '\0', in->line_len);
        if (nul)
            return prl_intake_bad(in, in->lineno, (unsigned)(nul - in->line) + 1,
                                  "binary input (NUL byte) skipped");
        rec->id = prl_intake_default_id(in, in->lineno);
        if (!rec->id) {
            snprintf(in->err, sizeof in->err, "%s", parley_strerror(PARLEY_ENOMEM));
            return PRL_INTAKE_FAIL;
        }
        rec->text = in->line;
        rec->len = in->line_len;
        rec->line = in->lineno;
        rec->number = in->records;
        return PRL_INTAKE_RECORD;
    }
}

const prl_intake_ops prl_intake_lines = {
    "lines", NULL, lines_next, NULL,
};
