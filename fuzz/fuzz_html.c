/* fuzz_html.c: libFuzzer target for the news-page extractor
 * (src/intake/html.c). The first byte picks the declared charset (none,
 * utf-8, windows-1252, koi8-r, shift_jis, or a name iconv does not know);
 * the rest is one page. Extracts it twice with the same extractor (its
 * buffers and arena are reused between pages) and aborts (a finding) when
 * the result breaks the contract: text not NUL-terminated at len, a date
 * that is not eight digits, a string that is empty instead of NULL, or a
 * different result the second time. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "intake/html.h"

static void check(int ok)
{
    if (!ok)
        abort();
}

static void check_str(const char *s)
{
    check(s == NULL || s[0] != '\0');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const charsets[] = {NULL, "utf-8", "windows-1252", "koi8-r",
                                           "shift_jis", "x-no-such-charset"};
    if (size < 1 || size > (1u << 20))
        return 0;
    const char *cs = charsets[data[0] % (sizeof charsets / sizeof charsets[0])];
    data++;
    size--;
    prl_html *h = NULL;
    if (prl_html_new(NULL, &h) != PARLEY_OK)
        return 0;
    prl_html_page a, b;
    char *first = NULL;
    size_t first_len = 0;
    for (int round = 0; round < 2; round++) {
        prl_html_page *p = round ? &b : &a;
        if (prl_html_extract(h, (const char *)data, size, cs, p) != PARLEY_OK)
            break;
        check(p->text != NULL && p->text[p->len] == '\0' && strlen(p->text) == p->len);
        check_str(p->title);
        check_str(p->author);
        check_str(p->site);
        check_str(p->url);
        if (p->date) {
            check(strlen(p->date) == 8);
            for (int i = 0; i < 8; i++)
                check(p->date[i] >= '0' && p->date[i] <= '9');
        }
        if (round == 0) {
            first = malloc(p->len + 1);
            if (!first)
                break;
            memcpy(first, p->text, p->len + 1);
            first_len = p->len;
        } else {
            check(p->len == first_len && memcmp(p->text, first, first_len) == 0);
        }
    }
    free(first);
    prl_html_free(h);
    return 0;
}
