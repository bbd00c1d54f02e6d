/* fuzz_tabari_validation.c: libFuzzer target for the TABARI validation
 * readers: the input is read as a TABARI validation suite (the tabari
 * intake, then the validation fields of each record's comments), and each
 * of its lines as a .project line and an .options command.
 * Aborts (a finding) when a reader breaks its contract: comment text that
 * is not NUL-terminated at its length, a field or error outside the
 * record's lines, an event field with an empty or untrimmed code, an
 * error without a message, a .project value outside its line, or more
 * option settings than the command holds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intake/intake.h"
#include "intake/tabari_validation.h"

static void check(int ok)
{
    if (!ok)
        abort();
}

static void check_code(const char *s)
{
    check(s && *s && s[0] != ' ' && s[strlen(s) - 1] != ' ');
}

static void suite(const uint8_t *data, size_t size, prl_tv *tv)
{
    static const uint8_t none[1] = {0};
    FILE *f = fmemopen((void *)(size ? data : none), size ? size : 1, "rb");
    if (!f)
        return;
    if (!size)
        fgetc(f);
    prl_intake in;
    if (prl_intake_open(&in, PRL_INTAKE_TABARI, f, "fuzz", NULL) != PARLEY_OK) {
        fclose(f);
        return;
    }
    for (;;) {
        prl_record r;
        prl_intake_result res = prl_intake_next(&in, &r);
        if (res == PRL_INTAKE_END || res == PRL_INTAKE_FAIL)
            break;
        if (res != PRL_INTAKE_RECORD)
            continue;
        size_t n;
        unsigned first;
        const char *c = prl_intake_tabari_comments(&in, &n, &first);
        check(c[n] == '\0' && first == r.line + 1);
        unsigned lines = 0;
        for (size_t i = 0; i < n; i++)
            lines += c[i] == '\n';
        if (prl_tv_parse(tv, c, n, first) != PARLEY_OK)
            break;
        check(tv->fields.len + tv->errors.len <= tv->n_brackets);
        for (size_t i = 0; i < tv->fields.len; i++) {
            const prl_tv_field *fl = PRL_TV_FIELD(tv, i);
            check(fl->line >= first && fl->line <= first + lines && fl->col >= 1);
            if (fl->kind == PRL_TV_EVENT) {
                check_code(fl->source);
                check_code(fl->target);
                check_code(fl->code);
                if (fl->attribution)
                    check_code(fl->attribution);
            } else if (fl->kind == PRL_TV_OPTION) {
                check(fl->option && *fl->option);
            }
        }
        for (size_t i = 0; i < tv->errors.len; i++) {
            const prl_tv_error *e = PRL_TV_ERROR(tv, i);
            check(e->msg[0] && e->line >= first && e->line <= first + lines);
        }
    }
    prl_intake_close(&in);
    fclose(f);
}

static void lines(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data, *end = s + size;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = (size_t)((nl ? nl : end) - s);
        prl_tp_line tl;
        prl_tp_kind k = prl_tp_parse_line(s, n, &tl);
        check(k == tl.kind);
        if (k != PRL_TP_IGNORED || tl.value) {
            if (tl.value) {
                check(tl.value >= s && tl.value + tl.value_len <= s + n);
                check(tl.tag >= s && tl.tag + tl.tag_len <= s + n);
            }
        }
        prl_to_command cmd;
        prl_to_parse(s, n, &cmd);
        check(cmd.n_set <= PRL_TO_MAX_SET);
        check(memchr(cmd.name, '\0', sizeof cmd.name) != NULL);
        check(memchr(cmd.unsupported, '\0', sizeof cmd.unsupported) != NULL);
        for (unsigned i = 0; i < cmd.n_set; i++)
            check(strncmp(cmd.set[i].option, "comma_", 6) == 0 && cmd.set[i].value >= 0);
        if (cmd.blank)
            check(cmd.n_set == 0 && !cmd.unsupported[0]);
        s = nl ? nl + 1 : end;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20))
        return 0;
    prl_tv tv;
    prl_tv_init(&tv, NULL);
    suite(data, size, &tv);
    prl_tv_free(&tv);
    lines(data, size);
    return 0;
}
