/* decode.c: bytes -> code points. It owns rx_text.cp and the invalid count;
 * nothing after it ever sees a byte.
 *
 *   "E5 85 AC | E5 8F B8 | E4 B8 | 41"  (UTF-8, the third character cut short)
 *   -> 公 司 U+FFFD A    n = 4, invalid = 1
 *
 * UTF-8 follows Unicode's "maximal subpart" practice (Unicode 15, section 3.9,
 * table 3-7): the longest prefix of a well-formed sequence that the input has
 * becomes one U+FFFD, and decoding resumes at the first byte that did not fit.
 * So a truncated sequence is one U+FFFD, while an overlong form (C0 AF), a
 * surrogate (ED A0 80) or a value above U+10FFFF (F4 90 80 80) is one U+FFFD per
 * byte, because no well-formed sequence starts that way. A UTF-8 BOM is dropped;
 * in the default mode a UTF-16 BOM (FF FE, FE FF) switches to UTF-16. UTF-16
 * replaces unpaired surrogates and an odd trailing byte by U+FFFD. Other
 * encodings ("big5", "gbk", "gb18030", and any name iconv knows) go through
 * iconv(3) into UTF-32LE; a byte iconv rejects becomes U+FFFD and decoding
 * resumes after it. */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "utf8_words.h"

enum { ENC_UTF8, ENC_UTF16LE, ENC_UTF16BE, ENC_UTF16, ENC_ICONV };

/* "UTF-8", "utf_8", "Utf8" -> "utf8": lower case without '-', '_', ' '. */
static void squeeze(const char *s, char *out, size_t cap)
{
    size_t k = 0;
    for (; *s && k + 1 < cap; s++)
        if (*s != '-' && *s != '_' && *s != ' ')
            out[k++] = (char)tolower((unsigned char)*s);
    out[k] = '\0';
}

/* The array of cp: at most len + 1 code points come out of len bytes in every
 * encoding handled here except iconv's (which grows its own). */
static uint32_t *alloc_cp(size_t len)
{
    if (len >= SIZE_MAX / sizeof(uint32_t) - 1)
        return NULL;
    return malloc((len + 1) * sizeof(uint32_t));
}

/* The code point of the sequence cjk3 accepted. */
static inline uint32_t cjk3_cp(uint32_t x)
{
    return (x & 0x0Fu) << 12 | (x >> 2 & 0xFC0u) | (x >> 16 & 0x3Fu);
}

/* The ASCII letters among the eight ASCII bytes of x. */
static inline size_t ascii_letters8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101ull;
    uint64_t y = x | 0x20 * ones;      /* lower case; every byte stays below 0x80 */
    uint64_t ge_a = y + (0x80 - 'a') * ones;  /* bit 7 set where y >= 'a' */
    uint64_t gt_z = y + (0x7F - 'z') * ones;  /* bit 7 set where y > 'z' */
    uint64_t hit = (ge_a & ~gt_z) >> 7 & ones; /* one per letter */
    return (size_t)(hit * ones >> 56);
}

/* Are the eight ASCII bytes of x (no high bit set) free of control
 * characters (< 0x20) and backslashes? (As plain8 in cli/jsonl_fast.c: a byte
 * b is flagged by (b - k) & ~b & 0x80 when b < k <= 0x80, and a lane is only
 * flagged falsely above a truly flagged one.) */
static inline bool json_plain8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101ull;
    uint64_t bs = x ^ (ones * '\\');
    uint64_t bad = ((x - ones * 0x20) & ~x) | ((bs - ones) & ~bs);
    return (bad & 0x8080808080808080ull) == 0;
}

/* Decode UTF-8 into out and its folded form (rx_norm_cp) into norm, counting
 * invalid sequences and *script (lang.c). Returns the code points; *used gets
 * the bytes read: all of them, except in the JSON mode (json, a constant),
 * which stops before the first byte that is a control character (< 0x20), a
 * backslash or the start of an invalid sequence, as the JSON Lines reader
 * wants (rx_text_parts_plain), and so never counts an invalid one. */
static inline __attribute__((always_inline)) size_t
decode_utf8_mode(const unsigned char *s, size_t len, uint32_t *out, uint32_t *norm, size_t *invalid,
                 rx_script_count *script, bool json, size_t *used)
{
    const uint8_t *bmp = rx_script_class_bmp();
    const uint32_t *fold = rx_norm_bmp_table();
    rx_script_count k = {0, {0, 0, 0}};
    size_t i = 0, n = 0;
    while (i < len) {
        /* While eight bytes remain, the two common cases without bounds tests:
         * eight ASCII bytes at once, and a three-byte sequence E1..EC, EE, EF
         * 80..BF 80..BF (most of the BMP, every CJK ideograph). Anything else
         * leaves this loop for the general code below, one character at a time. */
        while (len - i >= 8) {
            uint64_t x = load8(s + i);
            if (!(x & 0x8080808080808080ull) && (!json || json_plain8(x))) {
                for (int j = 0; j < 8; j++) {
                    out[n + (size_t)j] = s[i + (size_t)j];
                    norm[n + (size_t)j] = fold[s[i + (size_t)j]];
                }
                k.latin += ascii_letters8(x);
                n += 8;
                i += 8;
                continue;
            }
            /* a run of three-byte sequences, two per word */
            if (cjk3x2(x)) {
                do {
                    /* both code points with the same three masks and shifts:
                     * the first in bits 0-15, the second in bits 24-39 */
                    uint64_t z = (x & 0x00000F00000Full) << 12 | (x & 0x003F00003F00ull) >> 2 |
                                 (x & 0x3F00003F0000ull) >> 16;
                    uint32_t c0 = (uint32_t)z & 0xFFFFu, c1 = (uint32_t)(z >> 24) & 0xFFFFu;
                    out[n] = c0;
                    out[n + 1] = c1;
                    norm[n] = fold[c0];
                    norm[n + 1] = fold[c1];
                    rx_script_add_bmp(&k, bmp, c0);
                    rx_script_add_bmp(&k, bmp, c1);
                    n += 2;
                    i += 6;
                } while (len - i >= 8 && cjk3x2(x = load8(s + i)));
                continue;
            }
            uint32_t c = (uint32_t)x & 0xFF;
            if (c < 0x80) {
                if (json && (c < 0x20 || c == '\\'))
                    goto stop;
                norm[n] = fold[c];
                out[n++] = c;
                k.latin += (c | 0x20) - 'a' < 26u;
                i++;
                continue;
            }
            if (!cjk3((uint32_t)x))
                break;
            c = cjk3_cp((uint32_t)x);
            norm[n] = fold[c];
            out[n++] = c;
            rx_script_add_bmp(&k, bmp, c);
            i += 3;
        }
        if (i >= len)
            break;
        unsigned char c = s[i];
        if (c < 0x80) {
            if (json && (c < 0x20 || c == '\\'))
                goto stop;
            norm[n] = fold[c];
            out[n++] = c;
            k.latin += (c | 0x20u) - 'a' < 26u;
            i++;
            continue;
        }
        /* The common well-formed cases first: a three-byte sequence whose lead
         * byte puts no limit on its first continuation byte (E1..EC, EE, EF:
         * most of the BMP, every CJK ideograph), and a two-byte one. */
        if (c >= 0xE1 && c != 0xED && c <= 0xEF && i + 2 < len && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80) {
            uint32_t v = (c & 0x0Fu) << 12 | (s[i + 1] & 0x3Fu) << 6 | (s[i + 2] & 0x3Fu);
            norm[n] = fold[v];
            out[n++] = v;
            rx_script_add_bmp(&k, bmp, v);
            i += 3;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
            uint32_t v = (c & 0x1Fu) << 6 | (s[i + 1] & 0x3Fu);
            norm[n] = fold[v];
            out[n++] = v;
            rx_script_add_bmp(&k, bmp, v);
            i += 2;
            continue;
        }
        /* Lead byte: number of continuation bytes and the range of the first. */
        int extra;
        unsigned char lo = 0x80, hi = 0xBF;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0Fu;
            if (c == 0xE0)
                lo = 0xA0; /* no overlongs */
            else if (c == 0xED)
                hi = 0x9F; /* no surrogates */
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07u;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F; /* nothing above U+10FFFF */
        } else {
            /* C0, C1, F5..FF or a stray continuation byte. */
            if (json)
                goto stop;
            norm[n] = fold[0xFFFD];
            out[n++] = 0xFFFD;
            (*invalid)++;
            i++;
            continue;
        }
        size_t m = 1;
        for (; m <= (size_t)extra; m++) {
            if (i + m >= len)
                break;
            unsigned char b = s[i + m];
            if (m == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80)
                break;
            cp = (cp << 6) | (b & 0x3Fu);
        }
        if (m <= (size_t)extra) {
            if (json)
                goto stop;
            norm[n] = fold[0xFFFD];
            out[n++] = 0xFFFD; /* the maximal subpart s[i .. i+m) */
            (*invalid)++;
            i += m;
        } else {
            norm[n] = rx_norm_cp(cp);
            out[n++] = cp;
            rx_script_add_wide(&k, bmp, cp);
            i += m;
        }
    }
stop:
    *script = k;
    *used = i;
    return n;
}

static size_t decode_utf8(const unsigned char *s, size_t len, uint32_t *out, uint32_t *norm,
                          size_t *invalid, rx_script_count *script)
{
    size_t used;
    return decode_utf8_mode(s, len, out, norm, invalid, script, false, &used);
}

static size_t decode_utf16(const unsigned char *s, size_t len, bool be, uint32_t *out,
                           size_t *invalid)
{
    size_t i = 0, n = 0;
    while (i + 1 < len) {
        uint32_t u = be ? ((uint32_t)s[i] << 8 | s[i + 1]) : ((uint32_t)s[i + 1] << 8 | s[i]);
        i += 2;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < len) {
            uint32_t v = be ? ((uint32_t)s[i] << 8 | s[i + 1]) : ((uint32_t)s[i + 1] << 8 | s[i]);
            if (v >= 0xDC00 && v <= 0xDFFF) {
                out[n++] = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
                i += 2;
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) {
            out[n++] = 0xFFFD; /* unpaired surrogate */
            (*invalid)++;
        } else {
            out[n++] = u;
        }
    }
    if (i < len) {
        out[n++] = 0xFFFD; /* odd trailing byte */
        (*invalid)++;
    }
    return n;
}

/* iconv from enc into out->cp. 0, -1 with *err_code set. */
static int decode_iconv(const char *bytes, size_t len, const char *enc, rx_text *out,
                        const char **err_code, const char **err_msg)
{
    iconv_t cd = iconv_open("UTF-32LE", enc);
    if (cd == (iconv_t)-1) {
        if (errno == EINVAL) {
            *err_code = "unknown_encoding";
            *err_msg = "the encoding is not known to this system's iconv";
        } else {
            *err_code = "out_of_memory";
            *err_msg = "out of memory opening the converter";
        }
        return -1;
    }
    size_t cap = len / 2 + 16, n = 0;
    uint32_t *cp = malloc(cap * sizeof *cp);
    unsigned char chunk[16384];
    char *in = (char *)bytes;
    size_t left = len;
    int rc = 0;
    if (!cp)
        goto oom;
    for (;;) {
        char *o = (char *)chunk;
        size_t room = sizeof chunk;
        size_t r = left ? iconv(cd, &in, &left, &o, &room) : iconv(cd, NULL, NULL, &o, &room);
        int e = r == (size_t)-1 ? errno : 0;
        size_t got = (sizeof chunk - room) / 4;
        if (!RX_GROW(cp, cap, n + got + 1))
            goto oom;
        for (size_t k = 0; k < got; k++) {
            const unsigned char *q = chunk + 4 * k;
            uint32_t c = (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 |
                         (uint32_t)q[3] << 24;
            cp[n++] = c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) ? 0xFFFD : c;
        }
        if (e == E2BIG)
            continue;
        if (e == EILSEQ || e == EINVAL) {
            /* An invalid sequence (EILSEQ) is skipped one byte at a time; an
             * incomplete one at the end (EINVAL) is one replacement. */
            cp[n++] = 0xFFFD;
            out->invalid++;
            if (e == EINVAL)
                left = 0;
            else {
                in++;
                left--;
            }
            iconv(cd, NULL, NULL, NULL, NULL);
            continue;
        }
        if (e) {
            *err_code = "decode-error";
            *err_msg = "iconv failed while decoding the document";
            rc = -1;
            break;
        }
        if (!left)
            break; /* also flushed the shift state */
    }
    iconv_close(cd);
    if (rc) {
        free(cp);
        return rc;
    }
    out->cp = cp;
    out->n = n;
    return 0;
oom:
    iconv_close(cd);
    free(cp);
    *err_code = "out_of_memory";
    *err_msg = "out of memory decoding the document";
    return -1;
}

/* Give back what a worst-case allocation of *a (cap entries) did not use (n
 * entries), when that is more than a small text's worth. */
static void shrink(uint32_t **a, size_t n, size_t cap)
{
    if (cap - n < 16384)
        return;
    uint32_t *shrunk = realloc(*a, (n ? n : 1) * sizeof **a);
    if (shrunk)
        *a = shrunk;
}

/* The message of a failed allocation of the matching copy: the one the
 * pipeline gave when normalising was a step of its own. */
#define NORM_OOM "out of memory while processing the document"

/* rx_decode, and out->norm too when normalized (decoding UTF-8 always fills it
 * as it goes; rx_decode drops it). 0, or -1 with the error set. */
static int decode(const char *bytes, size_t len, const char *encoding, rx_text *out,
                  bool normalized, const char **err_code, const char **err_msg)
{
    static const char *dummy;
    if (!err_code)
        err_code = &dummy;
    if (!err_msg)
        err_msg = &dummy;
    memset(out, 0, sizeof *out);
    const unsigned char *s = (const unsigned char *)bytes;
    if (!s)
        len = 0;

    int enc = ENC_UTF8;
    size_t len0 = len; /* len0 != len once a BOM was dropped */
    if (encoding && *encoding) {
        char name[64];
        squeeze(encoding, name, sizeof name);
        if (!strcmp(name, "utf8"))
            enc = ENC_UTF8;
        else if (!strcmp(name, "utf16le"))
            enc = ENC_UTF16LE;
        else if (!strcmp(name, "utf16be"))
            enc = ENC_UTF16BE;
        else if (!strcmp(name, "utf16"))
            enc = ENC_UTF16;
        else
            enc = ENC_ICONV;
    }

    if (enc == ENC_ICONV) {
        if (decode_iconv(bytes, len, encoding, out, err_code, err_msg) != 0)
            return -1;
    } else {
        /* BOMs: UTF-8 (the default) and "utf-16" sniff; an explicit byte order
         * keeps its BOM until the U+FEFF check below. */
        if ((enc == ENC_UTF8 || enc == ENC_UTF16) && len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
            enc = ENC_UTF16LE;
            s += 2;
            len -= 2;
        } else if ((enc == ENC_UTF8 || enc == ENC_UTF16) && len >= 2 && s[0] == 0xFE &&
                   s[1] == 0xFF) {
            enc = ENC_UTF16BE;
            s += 2;
            len -= 2;
        } else if (enc == ENC_UTF8 && len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
            s += 3;
            len -= 3;
        } else if (enc == ENC_UTF16) {
            enc = ENC_UTF16BE; /* no BOM: big-endian, as RFC 2781 says */
        }
        out->cp = alloc_cp(len);
        if (!out->cp) {
            *err_code = "out_of_memory";
            *err_msg = "out of memory decoding the document";
            return -1;
        }
        /* UTF-8 folds as it decodes */
        if (enc == ENC_UTF8 && !(out->norm = alloc_cp(len))) {
            rx_text_free(out);
            *err_code = "out_of_memory";
            *err_msg = NORM_OOM;
            return -1;
        }
        if (enc == ENC_UTF8)
            out->n = decode_utf8(s, len, out->cp, out->norm, &out->invalid, &out->script);
        else
            out->n = decode_utf16(s, len, enc == ENC_UTF16BE, out->cp, &out->invalid);
    }
    /* Other decoders count afterwards (a U+FEFF removed below counts for nothing). */
    if (enc != ENC_UTF8) {
        const uint8_t *bmp = rx_script_class_bmp();
        for (size_t i = 0; i < out->n; i++)
            rx_script_add(&out->script, bmp, out->cp[i]);
    }

    /* A BOM that the decoder itself produced (explicit UTF-16, iconv). */
    if (len0 == len && out->n && out->cp[0] == 0xFEFF) {
        memmove(out->cp, out->cp + 1, (out->n - 1) * sizeof *out->cp);
        if (out->norm)
            memmove(out->norm, out->norm + 1, (out->n - 1) * sizeof *out->norm);
        out->n--;
    }
    /* (iconv grows its own array: always worth a look) */
    size_t cap = enc == ENC_ICONV ? SIZE_MAX : len + 1;
    shrink(&out->cp, out->n, cap);
    if (out->norm && !normalized) {
        free(out->norm);
        out->norm = NULL;
    } else if (out->norm) {
        shrink(&out->norm, out->n, cap);
    } else if (normalized && rx_text_normalize(out) != 0) {
        rx_text_free(out);
        *err_code = "out_of_memory";
        *err_msg = NORM_OOM;
        return -1;
    }
    return 0;
}

/* Decode len bytes (see the contract in internal.h). 0, or -1 with the error set. */
int rx_decode(const char *bytes, size_t len, const char *encoding, rx_text *out,
              const char **err_code, const char **err_msg)
{
    return decode(bytes, len, encoding, out, false, err_code, err_msg);
}

/* rx_decode and rx_text_normalize in one pass (contract in internal.h). */
int rx_decode_normalized(const char *bytes, size_t len, const char *encoding, rx_text *out,
                         const char **err_code, const char **err_msg)
{
    return decode(bytes, len, encoding, out, true, err_code, err_msg);
}

/* Free t's arrays and zero it (NULL and an empty text are fine). */
void rx_text_free(rx_text *t)
{
    if (!t)
        return;
    free(t->cp);
    free(t->norm);
    memset(t, 0, sizeof *t);
}

/* ------------------------------------------------ a text decoded in parts */

int rx_text_parts_begin(rx_text_parts *p, size_t max_cps)
{
    memset(p, 0, sizeof *p);
    p->cap = max_cps + 1;
    p->t.cp = alloc_cp(max_cps);
    p->t.norm = alloc_cp(max_cps);
    if (!p->t.cp || !p->t.norm) {
        rx_text_free(&p->t);
        return -1;
    }
    return 0;
}

size_t rx_text_parts_plain(rx_text_parts *p, const char *bytes, size_t len)
{
    const unsigned char *s = (const unsigned char *)bytes;
    size_t skip = 0;
    if (!p->started && len) {
        /* the UTF-8 BOM that rx_decode drops: the text's first three bytes */
        if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
            skip = 3;
        else if (s[0] < 0x20 || s[0] == '\\')
            return 0; /* nothing came in yet */
        p->started = true;
    }
    rx_script_count k;
    size_t invalid = 0, used = 0;
    p->t.n += decode_utf8_mode(s + skip, len - skip, p->t.cp + p->t.n, p->t.norm + p->t.n, &invalid,
                               &k, true, &used);
    p->t.script.latin += k.latin;
    for (int c = 0; c < 3; c++)
        p->t.script.han[c] += k.han[c];
    return skip + used;
}

void rx_text_parts_cp(rx_text_parts *p, uint32_t c)
{
    if (!p->started) {
        p->started = true;
        if (c == 0xFEFF)
            return; /* the BOM (as rx_text_parts_plain) */
    }
    /* as decode_utf8 does for the UTF-8 form of c */
    size_t n = p->t.n++;
    p->t.cp[n] = c;
    if (c < 0x80) {
        p->t.norm[n] = rx_norm_bmp_table()[c];
        p->t.script.latin += (c | 0x20u) - 'a' < 26u;
    } else {
        p->t.norm[n] = c < 0x10000 ? rx_norm_bmp_table()[c] : rx_norm_cp(c);
        rx_script_add_wide(&p->t.script, rx_script_class_bmp(), c);
    }
}

void rx_text_parts_end(rx_text_parts *p, rx_text *out)
{
    shrink(&p->t.cp, p->t.n, p->cap);
    shrink(&p->t.norm, p->t.n, p->cap);
    *out = p->t;
    memset(p, 0, sizeof *p);
}

void rx_text_parts_abort(rx_text_parts *p)
{
    rx_text_free(&p->t);
    memset(p, 0, sizeof *p);
}
