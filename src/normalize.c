/* normalize.c: the matching copy of a text. It owns the folding table: one
 * code point in, one code point out, so offsets never move.
 *
 *   original  「Ｊａｎ」於２０２４年離職！
 *   matching  「Jan」于2024年离职!
 *
 * Built once (rx_norm_init, thread-safe) into a dense table for the BMP:
 *   1. private use U+E000..U+F8FF -> U+FFFD (the engine's placeholders live there:
 *      a document must not be able to forge one);
 *   2. a compatibility decomposition (utf8proc, DECOMPOSE|COMPAT) is taken only
 *      when it is exactly one code point: Ａ -> A, ， -> ",", ！ -> "!",
 *      U+3000 -> " ", U+00A0 -> " ", 豈 U+F900 -> 豈 U+8C48; "㈱" (several code
 *      points) and "é" (e + accent) are left alone;
 *   3. then the Traditional -> Simplified fold from the generated rx_ts_pairs.
 * Case is kept. Planes 1 and 2 (mathematical letters, CJK Extension B..,
 * compatibility ideographs) go into a small sorted table searched by bisection;
 * other code points map to themselves. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "internal.h"

static uint32_t bmp[0x10000];     /* folded form of every BMP code point */
static uint8_t bmp_class[0x10000]; /* rx_script_class of every BMP code point */

typedef struct supp_pair {
    uint32_t from, to;
    uint8_t cls; /* rx_script_class of from */
} supp_pair;
static supp_pair *supp; /* planes 1-2, sorted by from; NULL if out of memory */
static size_t nsupp;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* The single code point c's compatibility decomposition, or c itself. */
static uint32_t compat1(uint32_t c)
{
    /* Most code points have no decomposition at all (utf8proc marks them with
     * decomp_seqindex UINT16_MAX); utf8proc_decompose_char would give back c
     * itself for them (Hangul syllables, decomposed algorithmically, are more
     * than one code point, hence c as well). This skip is most of the table's
     * start-up time. */
    if (utf8proc_get_property((utf8proc_int32_t)c)->decomp_seqindex == UINT16_MAX)
        return c;
    utf8proc_int32_t buf[4];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)c, buf, 4,
                                                 UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last);
    if (n == 1 && buf[0] >= 0)
        return (uint32_t)buf[0];
    return c;
}

/* The T->S fold of c (binary search in the generated pairs); c when none. */
static uint32_t ts_lookup(uint32_t c)
{
    size_t lo = 0, hi = rx_ts_pairs_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (rx_ts_pairs[mid][0] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < rx_ts_pairs_count && rx_ts_pairs[lo][0] == c ? rx_ts_pairs[lo][1] : c;
}

static int supp_cmp(const void *a, const void *b)
{
    uint32_t x = ((const supp_pair *)a)->from, y = ((const supp_pair *)b)->from;
    return x < y ? -1 : x > y;
}

static void build(void)
{
    for (uint32_t c = 0; c < 0x10000; c++) {
        if (c >= 0xE000 && c <= 0xF8FF)
            bmp[c] = 0xFFFD;
        else if (c >= 0xD800 && c <= 0xDFFF)
            bmp[c] = 0xFFFD; /* never in decoded text; kept safe anyway */
        else
            bmp[c] = compat1(c);
    }
    /* Script classes first (from the raw pairs), then the fold on top of the
     * compatibility mapping: 豈 U+F900 -> 豈 U+8C48 -> its simplified form. */
    for (size_t i = 0; i < rx_ts_pairs_count; i++) {
        uint32_t t = rx_ts_pairs[i][1];
        if (t < 0x10000 && !bmp_class[t])
            bmp_class[t] = 2;
    }
    for (size_t i = 0; i < rx_ts_pairs_count; i++)
        if (rx_ts_pairs[i][0] < 0x10000)
            bmp_class[rx_ts_pairs[i][0]] = 1;
    /* ts_lookup of every BMP code point at once, when the pairs are sorted (as
     * ts_lookup's bisection needs): the first pair of a code point wins. */
    bool sorted = true;
    for (size_t i = 1; i < rx_ts_pairs_count && sorted; i++)
        sorted = rx_ts_pairs[i - 1][0] <= rx_ts_pairs[i][0];
    uint32_t *tsb = sorted ? malloc(0x10000 * sizeof *tsb) : NULL;
    if (tsb) {
        for (uint32_t c = 0; c < 0x10000; c++)
            tsb[c] = c;
        for (size_t i = rx_ts_pairs_count; i-- > 0;)
            if (rx_ts_pairs[i][0] < 0x10000)
                tsb[rx_ts_pairs[i][0]] = rx_ts_pairs[i][1];
    }
    for (uint32_t c = 0; c < 0x10000; c++)
        if (bmp[c] != 0xFFFD)
            bmp[c] = tsb && bmp[c] < 0x10000 ? tsb[bmp[c]] : ts_lookup(bmp[c]);
    free(tsb);

    /* Planes 1-2: collect the code points that change or have a script class. */
    size_t cap = 0, p = 0;
    for (uint32_t c = 0x10000; c < 0x30000; c++) {
        /* tc = ts_lookup(c): with sorted pairs, a walk along them as c goes up */
        uint32_t tc = c;
        if (sorted) {
            while (p < rx_ts_pairs_count && rx_ts_pairs[p][0] < c)
                p++;
            if (p < rx_ts_pairs_count && rx_ts_pairs[p][0] == c)
                tc = rx_ts_pairs[p][1];
        } else {
            tc = ts_lookup(c);
        }
        uint32_t m = compat1(c);
        m = m < 0x10000 ? bmp[m] : m == c ? tc : ts_lookup(m);
        if (m != c) {
            if (!RX_GROW(supp, cap, nsupp + 1)) {
                free(supp);
                supp = NULL;
                nsupp = 0;
                return;
            }
            supp[nsupp].from = c;
            supp[nsupp].to = m;
            supp[nsupp].cls = tc != c ? 1 : 0;
            nsupp++;
        }
    }
    /* Supplementary fold targets (class 2): appended, then one sort and a merge
     * of duplicates (a target already present keeps its mapping). */
    for (size_t i = 0; i < rx_ts_pairs_count; i++) {
        uint32_t t = rx_ts_pairs[i][1];
        if (t < 0x10000)
            continue;
        if (!RX_GROW(supp, cap, nsupp + 1)) {
            free(supp);
            supp = NULL;
            nsupp = 0;
            return;
        }
        supp[nsupp].from = supp[nsupp].to = t;
        supp[nsupp].cls = 2;
        nsupp++;
    }
    qsort(supp, nsupp, sizeof *supp, supp_cmp);
    size_t k = 0;
    for (size_t i = 0; i < nsupp; i++) {
        if (k && supp[k - 1].from == supp[i].from) {
            supp_pair *keep = &supp[k - 1];
            if (supp[i].to != supp[i].from)
                keep->to = supp[i].to;
            if (supp[i].cls == 1 || (supp[i].cls == 2 && keep->cls == 0))
                keep->cls = supp[i].cls; /* 1 beats 2 beats 0 */
            continue;
        }
        supp[k++] = supp[i];
    }
    nsupp = k;
}

/* Build the tables (once, thread-safe); every other function calls it. */
void rx_norm_init(void)
{
    pthread_once(&once, build);
}

static const supp_pair *supp_find(uint32_t c)
{
    size_t lo = 0, hi = nsupp;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (supp[mid].from < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < nsupp && supp[lo].from == c ? &supp[lo] : NULL;
}

static inline uint32_t fold(uint32_t c)
{
    if (c < 0x10000)
        return bmp[c];
    if (c >= 0x30000)
        return c > 0x10FFFF ? 0xFFFD : c;
    const supp_pair *p = supp_find(c);
    return p ? p->to : c;
}

/* The matching form of c (see the contract in internal.h). */
uint32_t rx_norm_cp(uint32_t c)
{
    rx_norm_init();
    return fold(c);
}

/* Fill t->norm, one folded code point per t->cp[i]. 0, or -1 when out of memory. */
int rx_text_normalize(rx_text *t)
{
    rx_norm_init();
    free(t->norm);
    t->norm = malloc((t->n ? t->n : 1) * sizeof *t->norm);
    if (!t->norm)
        return -1;
    const uint32_t *in = t->cp;
    uint32_t *out = t->norm;
    for (size_t i = 0, n = t->n; i < n; i++) {
        uint32_t c = in[i];
        out[i] = c < 0x10000 ? bmp[c] : fold(c);
    }
    return 0;
}

/* Fold a UTF-8 string; invalid bytes become U+FFFD. Caller frees; NULL on OOM. */
char *rx_norm_utf8(const char *s, size_t len)
{
    rx_norm_init();
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
    rx_norm_init();
    if (c < 0x10000)
        return bmp_class[c];
    if (c >= 0x30000)
        return 0;
    const supp_pair *p = supp_find(c);
    return p ? p->cls : 0;
}

/* The BMP part of rx_script_class as a table (see internal.h). */
const uint8_t *rx_script_class_bmp(void)
{
    rx_norm_init();
    return bmp_class;
}
