/* normalize.c: the matching copy of a text. It owns the folding table: one
 * code point in, one code point out, so offsets never move.
 *
 *   original  「Ｊａｎ」於２０２４年離職！
 *   matching  「Jan」于2024年离职!
 *
 * The table is generated at build time (tools/gen_norm.c -> norm_table.c), a
 * dense array for the BMP:
 *   1. private use U+E000..U+F8FF -> U+FFFD (the engine's placeholders live there:
 *      a document must not be able to forge one);
 *   2. a compatibility decomposition (utf8proc, DECOMPOSE|COMPAT) is taken only
 *      when it is exactly one code point: Ａ -> A, ， -> ",", ！ -> "!",
 *      U+3000 -> " ", U+00A0 -> " ", 豈 U+F900 -> 豈 U+8C48; "㈱" (several code
 *      points) and "é" (e + accent) are left alone;
 *   3. then the Traditional -> Simplified fold from the generated rx_ts_pairs.
 * Case is kept. Planes 1 and 2 (mathematical letters, CJK Extension B..,
 * compatibility ideographs) go into a small sorted table searched by bisection;
 * other code points map to themselves. Nothing is built at run time. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "norm_table.h"

static const rx_norm_supp *supp_find(uint32_t c)
{
    const rx_norm_supp *supp = rx_norm_supp_table;
    size_t lo = 0, hi = rx_norm_supp_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (supp[mid].from < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < rx_norm_supp_count && supp[lo].from == c ? &supp[lo] : NULL;
}

static inline uint32_t fold(uint32_t c)
{
    if (c < 0x10000)
        return rx_norm_bmp[c];
    if (c >= 0x30000)
        return c > 0x10FFFF ? 0xFFFD : c;
    const rx_norm_supp *p = supp_find(c);
    return p ? p->to : c;
}

/* The matching form of c (see the contract in internal.h). */
uint32_t rx_norm_cp(uint32_t c)
{
    return fold(c);
}

/* Fill t->norm, one folded code point per t->cp[i]. 0, or -1 when out of memory. */
int rx_text_normalize(rx_text *t)
{
    free(t->norm);
    t->norm = malloc((t->n ? t->n : 1) * sizeof *t->norm);
    if (!t->norm)
        return -1;
    const uint32_t *in = t->cp;
    uint32_t *out = t->norm;
    for (size_t i = 0, n = t->n; i < n; i++) {
        uint32_t c = in[i];
        out[i] = c < 0x10000 ? rx_norm_bmp[c] : fold(c);
    }
    return 0;
}

/* Fold a UTF-8 string; invalid bytes become U+FFFD. Caller frees; NULL on OOM. */
char *rx_norm_utf8(const char *s, size_t len)
{
    rx_buf b = {0};
    rx_buf_add(&b, "", 0);
    size_t i = 0;
    while (i < len) {
        uint32_t c = rx_utf8_next(s, len, &i);
        rx_buf_addcp(&b, fold(c));
    }
    if (b.oom) {
        rx_buf_free(&b);
        return NULL;
    }
    return b.s;
}

/* 1 Traditional-only, 2 Simplified-only, 0 neither (see internal.h). */
int rx_script_class(uint32_t c)
{
    if (c < 0x10000)
        return rx_norm_bmp_class[c];
    if (c >= 0x30000)
        return 0;
    const rx_norm_supp *p = supp_find(c);
    return p ? p->cls : 0;
}

/* The BMP part of rx_script_class as a table (see internal.h). */
const uint8_t *rx_script_class_bmp(void)
{
    return rx_norm_bmp_class;
}

/* The BMP part of rx_norm_cp as a table (see internal.h). */
const uint32_t *rx_norm_bmp_table(void)
{
    return rx_norm_bmp;
}
