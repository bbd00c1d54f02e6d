/* tabari_project.c: one line of a TABARI .project file (TABARI manual
 * 0.8.4b2, section 4.1): "<actorfile> NAME", tag terminators optional
 * ("<verbfile> X.verbs </verbfile> a comment"), tags known by their first
 * two letters, every line not starting with '<' a comment. */
#include "intake/tabari_validation.h"

#include <string.h>

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Does the tag's attribute text say TYPE="XML" (any case, blanks and
 * quotes optional)? */
static int says_xml(const char *s, size_t n)
{
    char flat[64];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < sizeof flat; i++)
        if (!is_blank(s[i]) && s[i] != '"' && s[i] != '\'')
            flat[k++] = lower(s[i]);
    flat[k] = '\0';
    return strstr(flat, "type=xml") != NULL;
}

prl_tp_kind prl_tp_parse_line(const char *s, size_t n, prl_tp_line *out)
{
    memset(out, 0, sizeof *out);
    if (n == 0 || s[0] != '<')
        return out->kind = PRL_TP_IGNORED;
    const char *gt = memchr(s, '>', n);
    if (!gt)
        return out->kind = PRL_TP_BAD;
    const char *name = s + 1, *p = name;
    while (p < gt && !is_blank(*p))
        p++;
    out->tag = name;
    out->tag_len = (size_t)(p - name);
    out->xml = says_xml(p, (size_t)(gt - p));
    const char *v = gt + 1, *end = s + n;
    for (const char *q = v; q + 1 < end; q++)
        if (q[0] == '<' && q[1] == '/') {
            end = q;
            break;
        }
    while (v < end && is_blank(*v))
        v++;
    while (end > v && is_blank(end[-1]))
        end--;
    out->value = v;
    out->value_len = (size_t)(end - v);
    static const struct {
        char two[3];
        prl_tp_kind kind;
    } tags[] = {
        {"ac", PRL_TP_ACTORS},  {"ve", PRL_TP_VERBS},  {"ag", PRL_TP_AGENTS},
        {"te", PRL_TP_TEXT},    {"is", PRL_TP_ISSUES}, {"op", PRL_TP_OPTIONS},
        {"sy", PRL_TP_SYSTEM},  {"ru", PRL_TP_SYSTEM},
    };
    out->kind = PRL_TP_IGNORED;
    if (out->tag_len >= 2)
        for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
            if (lower(name[0]) == tags[i].two[0] && lower(name[1]) == tags[i].two[1])
                out->kind = tags[i].kind;
    return out->kind;
}
