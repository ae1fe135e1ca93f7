/* jsonl_fast.c: a fast path for the common JSON Lines input line,
 *
 *     {"id": "doc-17", "text": "..."}      (or "id": 17, members in any order)
 *
 * decoded without building a jansson tree (which cost a fifth of a corpus
 * run). Anything else -- other members, nested values, numbers that are not
 * plain integers, a lone surrogate escape, a raw control character, invalid
 * UTF-8 -- is left to the jansson path in input.c, so results and error lines
 * are the same either way. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "engine.h"
#include "utf8_words.h"

static size_t skip_ws(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    return i;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int hex4(const char *s, size_t n, size_t i)
{
    if (i + 4 > n)
        return -1;
    int v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(s[i + (size_t)k]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* Length of the valid UTF-8 sequence at s[i] (s[i] >= 0x80), 0 when invalid. */
static inline size_t utf8_len(const unsigned char *s, size_t n, size_t i)
{
    unsigned char c = s[i];
    /* the common case first: E1..EC, EE, EF (most of the BMP, every CJK
     * ideograph) put no extra limit on their first continuation byte */
    if (c >= 0xE1 && c <= 0xEF && c != 0xED && n - i >= 3) {
        if (((s[i + 1] & 0xC0) == 0x80) & ((s[i + 2] & 0xC0) == 0x80))
            return 3;
        return 0;
    }
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (i + len > n || s[i + 1] < lo || s[i + 1] > hi)
        return 0;
    for (size_t k = 2; k < len; k++)
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
    return len;
}

static void put_utf8(char *o, size_t *w, unsigned cp)
{
    if (cp < 0x80) {
        o[(*w)++] = (char)cp;
    } else if (cp < 0x800) {
        o[(*w)++] = (char)(0xC0 | (cp >> 6));
        o[(*w)++] = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        o[(*w)++] = (char)(0xE0 | (cp >> 12));
        o[(*w)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[(*w)++] = (char)(0x80 | (cp & 0x3F));
    } else {
        o[(*w)++] = (char)(0xF0 | (cp >> 18));
        o[(*w)++] = (char)(0x80 | ((cp >> 12) & 0x3F));
        o[(*w)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[(*w)++] = (char)(0x80 | (cp & 0x3F));
    }
}

/* Index of the quote closing the string whose body starts at s[k]; n when
 * there is none. A quote is escaped when an odd run of backslashes precedes
 * it (the pairs in an even run escape each other). */
static size_t closing_quote(const char *s, size_t n, size_t k)
{
    size_t p = k;
    for (;;) {
        const char *q = memchr(s + p, '"', n - p);
        if (!q)
            return n;
        size_t e = (size_t)(q - s), b = e;
        while (b > k && s[b - 1] == '\\')
            b--;
        if (((e - b) & 1u) == 0)
            return e;
        p = e + 1;
    }
}

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Are the eight bytes at u all ASCII, none below 0x20 and none a backslash?
 * (Word-at-a-time: a byte b is flagged by (b - k) & ~b & 0x80 when b < k <= 0x80,
 * and a lane can only be flagged falsely above a truly flagged one, so the
 * answer for the word as a whole is exact.) */
static inline bool plain8(const unsigned char *u)
{
    uint64_t x;
    memcpy(&x, u, 8);
    uint64_t bs = x ^ (ONES * '\\');
    uint64_t bad = x | ((x - ONES * 0x20) & ~x) | ((bs - ONES) & ~bs);
    return (bad & HIGHS) == 0;
}

/* End of the run of bytes from u[p] (p < end) that decode to themselves:
 * valid UTF-8 with no backslash and no control character. */
static size_t plain_run(const unsigned char *u, size_t end, size_t p)
{
    while (p < end) {
        unsigned char c = u[p];
        if (c < 0x80) {
            if (c < 0x20 || c == '\\')
                return p;
            p++;
            while (end - p >= 8 && plain8(u + p))
                p += 8;
        } else {
            if (end - p >= 8) {
                /* a run of three-byte sequences, two per word */
                uint64_t x = load8(u + p);
                if (cjk3x2(x)) {
                    do
                        p += 6;
                    while (end - p >= 8 && cjk3x2(load8(u + p)));
                    continue;
                }
                if (cjk3((uint32_t)x)) {
                    p += 3;
                    continue;
                }
            }
            size_t l = utf8_len(u, end, p);
            if (!l)
                return p;
            p += l;
        }
    }
    return p;
}

/* The escape at s[*k] (a backslash) of a string ending at end: its code
 * point in *cp, *k past it. false for what jansson should decide (an unknown
 * escape, \u0000, a lone or broken surrogate). */
static bool read_escape(const char *s, size_t end, size_t *k, unsigned *cp)
{
    char e = s[*k + 1];
    *k += 2;
    switch (e) {
    case '"': *cp = '"'; return true;
    case '\\': *cp = '\\'; return true;
    case '/': *cp = '/'; return true;
    case 'b': *cp = '\b'; return true;
    case 'f': *cp = '\f'; return true;
    case 'n': *cp = '\n'; return true;
    case 'r': *cp = '\r'; return true;
    case 't': *cp = '\t'; return true;
    case 'u': {
        int v = hex4(s, end, *k);
        if (v < 0 || v == 0 || (v >= 0xDC00 && v <= 0xDFFF))
            return false; /* NUL and lone low surrogates: jansson decides */
        *k += 4;
        *cp = (unsigned)v;
        if (v >= 0xD800 && v <= 0xDBFF) {
            int lo = (*k + 6 <= end && s[*k] == '\\' && s[*k + 1] == 'u') ? hex4(s, end, *k + 2) : -1;
            if (lo < 0xDC00 || lo > 0xDFFF)
                return false;
            *cp = 0x10000 + (((unsigned)v - 0xD800) << 10) + ((unsigned)lo - 0xDC00);
            *k += 6;
        }
        return true;
    }
    default:
        return false;
    }
}

/* Decode the string starting at the quote s[*i]. Returns 1 with *out (malloc'd,
 * NUL-terminated, *len bytes) and *i after the closing quote; 0 when the fast
 * path does not handle it; -1 when out of memory. */
static int read_string(const char *s, size_t n, size_t *i, char **out, size_t *len)
{
    size_t k = *i + 1;
    /* find the closing quote first: the decoded string is never longer */
    size_t end = closing_quote(s, n, k);
    if (end >= n)
        return 0;
    char *o = malloc(end - k + 1);
    if (!o)
        return -1;
    size_t w = 0;
    const unsigned char *u = (const unsigned char *)s;
    while (k < end) {
        /* copy a run of plain bytes in one go; it stops at a backslash, a
         * control character or invalid UTF-8 */
        size_t r = plain_run(u, end, k);
        memcpy(o + w, s + k, r - k);
        w += r - k;
        k = r;
        if (k == end)
            break;
        if (u[k] != '\\')
            goto fallback; /* raw control character or invalid UTF-8 */
        unsigned cp;
        if (!read_escape(s, end, &k, &cp))
            goto fallback;
        if (cp < 0x80)
            o[w++] = (char)cp;
        else
            put_utf8(o, &w, cp);
    }
    o[w] = '\0';
    *out = o;
    *len = w;
    *i = end + 1;
    return 1;
fallback:
    free(o);
    return 0;
}

/* The UTF-8 size of code point cp (as put_utf8 writes it). */
static size_t utf8_size(unsigned cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/* read_string, decoding the string straight into code points (rx_text_parts):
 * the same strings are taken or left to the full parser, and *out is what
 * rx_decode_normalized makes of the bytes read_string would return (*len of
 * them). */
static int read_string_decoded(const char *s, size_t n, size_t *i, rx_text *out, size_t *len)
{
    size_t k = *i + 1;
    size_t end = closing_quote(s, n, k);
    if (end >= n)
        return 0;
    rx_text_parts p;
    if (rx_text_parts_begin(&p, end - k) != 0)
        return -1;
    size_t w = 0;
    const unsigned char *u = (const unsigned char *)s;
    while (k < end) {
        /* a run of plain bytes (as plain_run), decoded as it is read */
        size_t r = k + rx_text_parts_plain(&p, s + k, end - k);
        w += r - k;
        k = r;
        if (k == end)
            break;
        if (u[k] != '\\')
            goto fallback; /* raw control character or invalid UTF-8 */
        unsigned cp;
        if (!read_escape(s, end, &k, &cp))
            goto fallback;
        rx_text_parts_cp(&p, cp);
        w += utf8_size(cp);
    }
    rx_text_parts_end(&p, out);
    *len = w;
    *i = end + 1;
    return 1;
fallback:
    rx_text_parts_abort(&p);
    return 0;
}

enum { KEY_OTHER, KEY_ID, KEY_TEXT };

/* The key whose quote is s[*i]: *key is KEY_ID, KEY_TEXT or KEY_OTHER, and *i
 * goes past it. Returns as read_string. The two keys as they are usually
 * written are recognised in place; any other, or one with escapes, is decoded. */
static int read_key(const char *s, size_t n, size_t *i, int *key)
{
    if (n - *i >= 4 && !memcmp(s + *i, "\"id\"", 4)) {
        *key = KEY_ID;
        *i += 4;
        return 1;
    }
    if (n - *i >= 6 && !memcmp(s + *i, "\"text\"", 6)) {
        *key = KEY_TEXT;
        *i += 6;
        return 1;
    }
    char *k;
    size_t klen;
    int r = read_string(s, n, i, &k, &klen);
    if (r > 0) {
        *key = !strcmp(k, "id") ? KEY_ID : !strcmp(k, "text") ? KEY_TEXT : KEY_OTHER;
        free(k);
    }
    return r;
}

/* cli_jsonl_fast, or cli_jsonl_fast_decoded when dec is not NULL (the text
 * goes there, and *text stays NULL). */
static int fast_parse(const char *s, size_t n, char **id, char **text, size_t *text_len, rx_text *dec)
{
    bool have_text = false;
    if (dec)
        memset(dec, 0, sizeof *dec);
    *id = *text = NULL;
    size_t i = skip_ws(s, n, 0);
    if (i >= n || s[i] != '{')
        return 0;
    i = skip_ws(s, n, i + 1);
    int rc = 0;
    for (;;) {
        if (i >= n || s[i] != '"')
            goto out;
        int key;
        int r = read_key(s, n, &i, &key);
        if (r <= 0) {
            rc = r;
            goto out;
        }
        bool is_id = key == KEY_ID, is_text = key == KEY_TEXT;
        if ((!is_id && !is_text) || (is_id && *id) || (is_text && have_text))
            goto out; /* other members (meta) or duplicates: the full parser */
        i = skip_ws(s, n, i);
        if (i >= n || s[i] != ':')
            goto out;
        i = skip_ws(s, n, i + 1);
        if (i < n && s[i] == '"' && is_text && dec) {
            r = read_string_decoded(s, n, &i, dec, text_len);
            if (r <= 0) {
                rc = r;
                goto out;
            }
            have_text = true;
        } else if (i < n && s[i] == '"') {
            char *v;
            size_t vlen;
            r = read_string(s, n, &i, &v, &vlen);
            if (r <= 0) {
                rc = r;
                goto out;
            }
            if (is_id)
                *id = v;
            else {
                *text = v;
                *text_len = vlen;
                have_text = true;
            }
        } else if (is_id) {
            /* a plain integer: no sign but '-', no leading zero, <= 18 digits */
            size_t b = i;
            if (i < n && s[i] == '-')
                i++;
            size_t d0 = i;
            while (i < n && s[i] >= '0' && s[i] <= '9')
                i++;
            size_t nd = i - d0;
            if (nd == 0 || nd > 18 || (s[d0] == '0' && (nd > 1 || d0 > b)) ||
                (i < n && (s[i] == '.' || s[i] == 'e' || s[i] == 'E')))
                goto out;
            if (!(*id = malloc(i - b + 1))) {
                rc = -1;
                goto out;
            }
            memcpy(*id, s + b, i - b);
            (*id)[i - b] = '\0';
        } else {
            goto out; /* text that is not a string: the full parser reports it */
        }
        i = skip_ws(s, n, i);
        if (i < n && s[i] == ',') {
            i = skip_ws(s, n, i + 1);
            continue;
        }
        if (i < n && s[i] == '}') {
            i = skip_ws(s, n, i + 1);
            if (i == n && *id && have_text)
                return 1;
        }
        goto out;
    }
out:
    free(*id);
    free(*text);
    *id = *text = NULL;
    if (dec)
        rx_text_free(dec);
    return rc;
}

int cli_jsonl_fast(const char *s, size_t n, char **id, char **text, size_t *text_len)
{
    return fast_parse(s, n, id, text, text_len, NULL);
}

int cli_jsonl_fast_decoded(const char *s, size_t n, char **id, rx_text *text, size_t *text_len)
{
    char *unused;
    return fast_parse(s, n, id, &unused, text_len, text);
}
