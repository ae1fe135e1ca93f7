/* util.c: small helpers every module uses: growable arrays and strings, UTF-8
 * encoding and decoding of single code points, string lists, the clock. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

bool rx_grow(void **ptr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / elem)
            return false;
        ncap *= 2;
    }
    void *p = realloc(*ptr, ncap * elem);
    if (!p)
        return false;
    *ptr = p;
    *cap = ncap;
    return true;
}

char *rx_strndup(const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *r = malloc(n + 1);
    if (!r)
        return NULL;
    memcpy(r, s, n);
    r[n] = '\0';
    return r;
}

char *rx_strdup(const char *s)
{
    return s ? rx_strndup(s, strlen(s)) : NULL;
}

size_t rx_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    /* surrogates and values above U+10FFFF: U+FFFD (three bytes) */
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

uint32_t rx_utf8_next(const char *str, size_t len, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t k = *i;
    unsigned char c = s[k];
    if (c < 0x80) {
        *i = k + 1;
        return c;
    }
    /* The common well-formed case first: a three-byte sequence whose lead
     * (E1..EC, EE, EF) puts no limit on its continuation bytes, so that the
     * value needs no range test (most of the BMP, every CJK ideograph). */
    if (c - 0xE1u <= 0xEFu - 0xE1u && c != 0xED && len - k > 2 && (s[k + 1] & 0xC0) == 0x80 &&
        (s[k + 2] & 0xC0) == 0x80) {
        *i = k + 3;
        return (c & 0x0Fu) << 12 | (s[k + 1] & 0x3Fu) << 6 | (s[k + 2] & 0x3Fu);
    }
    int extra;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) {
        extra = 1;
        cp = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        extra = 2;
        cp = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        extra = 3;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        *i = k + 1;
        return 0xFFFD;
    }
    for (int j = 1; j <= extra; j++) {
        if (k + (size_t)j >= len || (s[k + j] & 0xC0) != 0x80) {
            *i = k + 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (s[k + j] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *i = k + 1;
        return 0xFFFD;
    }
    *i = k + (size_t)extra + 1;
    return cp;
}

size_t rx_utf8_count(const char *s, size_t len)
{
    size_t i = 0, n = 0;
    while (i < len) {
        rx_utf8_next(s, len, &i);
        n++;
    }
    return n;
}

void rx_buf_add(rx_buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (!RX_GROW(b->s, b->cap, b->len + n + 1)) {
        b->oom = true;
        return;
    }
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void rx_buf_adds(rx_buf *b, const char *s)
{
    rx_buf_add(b, s, strlen(s));
}

void rx_buf_addc(rx_buf *b, char c)
{
    rx_buf_add(b, &c, 1);
}

void rx_buf_addcp(rx_buf *b, uint32_t cp)
{
    /* encoded in place: room for four bytes and the NUL */
    if (b->oom)
        return;
    if (b->cap - b->len < 5 && !RX_GROW(b->s, b->cap, b->len + 5)) {
        b->oom = true;
        return;
    }
    b->len += rx_utf8_encode(cp, b->s + b->len);
    b->s[b->len] = '\0';
}

void rx_buf_printf(rx_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        rx_buf_add(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->oom = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    rx_buf_add(b, big, (size_t)n);
    free(big);
}

void rx_buf_free(rx_buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
    b->oom = false;
}

void rx_strlist_addf(rx_strlist *l, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (!RX_GROW(l->items, l->cap, l->n + 1))
        return;
    char *s = rx_strdup(buf);
    if (s)
        l->items[l->n++] = s;
}

void rx_strlist_free(rx_strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

uint64_t rx_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

bool rx_ascii_word_in(const uint32_t *t, size_t s, size_t e, const char *const *words, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t l = strlen(words[k]), q = 0;
        if (l != e - s)
            continue;
        while (q < l && (t[s + q] | 32) == (uint32_t)(unsigned char)words[k][q])
            q++;
        if (q == l)
            return true;
    }
    return false;
}

int rx_edit_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    if (na > nb + 1 || nb > na + 1)
        return 2;
    size_t i = 0;
    while (i < na && i < nb && a[i] == b[i])
        i++;
    if (i == na && i == nb)
        return 0;
    if (na == nb) {
        if (!memcmp(a + i + 1, b + i + 1, (na - i - 1) * sizeof *a))
            return 1;
        if (i + 1 < na && a[i] == b[i + 1] && a[i + 1] == b[i] &&
            !memcmp(a + i + 2, b + i + 2, (na - i - 2) * sizeof *a))
            return 1;
        return 2;
    }
    if (na > nb)
        return !memcmp(a + i + 1, b + i, (na - i - 1) * sizeof *a) ? 1 : 2;
    return !memcmp(a + i, b + i + 1, (nb - i - 1) * sizeof *a) ? 1 : 2;
}
