/* test_text.c: unit tests of the text layer: decode.c (UTF-8 repair, BOMs,
 * UTF-16, iconv encodings), normalize.c (width, Traditional -> Simplified,
 * private use), sentence.c and lang.c. Uses only internal.h and libc.
 *
 *   CHECK_DECODE("\xE4\xB8", NULL, "U+FFFD", 1)
 *     decodes the two bytes and expects one U+FFFD and invalid == 1.
 *
 * Prints each failure as FILE:LINE: message, then "N passed, M failed"; the exit
 * status is 1 when anything failed. */
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "internal.h"

static int passed, failed;

#define CHECK(cond, ...)                                             \
    do {                                                             \
        if (cond) {                                                  \
            passed++;                                                \
        } else {                                                     \
            failed++;                                                \
            fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);          \
            fprintf(stderr, __VA_ARGS__);                            \
            fputc('\n', stderr);                                     \
        }                                                            \
    } while (0)

/* ------------------------------------------------------------ helpers */

/* "U+4E00 U+FFFD" for cp[0..n), into a static buffer. */
static const char *cps_str(const uint32_t *cp, size_t n)
{
    static char buf[4096];
    size_t k = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && k + 16 < sizeof buf; i++)
        k += (size_t)snprintf(buf + k, sizeof buf - k, "%sU+%04X", i ? " " : "", (unsigned)cp[i]);
    return buf;
}

/* Code points of a UTF-8 literal, into out (at most max). */
static size_t utf8_cps(const char *s, uint32_t *out, size_t max)
{
    size_t i = 0, n = 0, len = strlen(s);
    while (i < len && n < max)
        out[n++] = rx_utf8_next(s, len, &i);
    return n;
}

/* Decode bytes and compare with the expected code point list ("U+0041 U+FFFD")
 * and invalid count. */
static void check_decode(const char *file, int line, const char *bytes, size_t len,
                         const char *enc, const char *want, size_t want_invalid)
{
    rx_text t;
    const char *code = NULL, *msg = NULL;
    int rc = rx_decode(bytes, len, enc, &t, &code, &msg);
    if (rc != 0) {
        failed++;
        fprintf(stderr, "%s:%d: rx_decode failed: %s\n", file, line, code ? code : "?");
        return;
    }
    const char *got = cps_str(t.cp, t.n);
    if (strcmp(got, want) != 0 || t.invalid != want_invalid) {
        failed++;
        fprintf(stderr, "%s:%d: decode: got [%s] invalid=%zu, want [%s] invalid=%zu\n", file,
                line, got, t.invalid, want, want_invalid);
    } else {
        passed++;
    }
    /* the one-pass decode gives the same code points, count and matching copy */
    rx_text f;
    rc = rx_decode_normalized(bytes, len, enc, &f, &code, &msg);
    bool same = rc == 0 && f.n == t.n && f.invalid == t.invalid &&
                !memcmp(f.cp, t.cp, t.n * sizeof *t.cp) &&
                !memcmp(&f.script, &t.script, sizeof f.script);
    for (size_t i = 0; same && i < f.n; i++)
        same = f.norm[i] == rx_norm_cp(t.cp[i]);
    CHECK(same, "%s:%d: rx_decode_normalized differs from rx_decode + rx_text_normalize", file,
          line);
    rx_text_free(&f);
    rx_text_free(&t);
}
#define CHECK_DECODE(b, enc, want, inv) \
    check_decode(__FILE__, __LINE__, (b), sizeof(b) - 1, (enc), (want), (inv))

/* Bytes of a UTF-8 string in another encoding (made with iconv). Caller frees. */
static char *encode_as(const char *utf8, const char *enc, size_t *outlen)
{
    iconv_t cd = iconv_open(enc, "UTF-8");
    if (cd == (iconv_t)-1)
        return NULL;
    size_t inl = strlen(utf8), cap = inl * 4 + 16, ol = cap;
    char *buf = malloc(cap), *in = (char *)utf8, *o = buf;
    if (buf && iconv(cd, &in, &inl, &o, &ol) == (size_t)-1) {
        free(buf);
        buf = NULL;
    }
    iconv_close(cd);
    if (buf)
        *outlen = cap - ol;
    return buf;
}

/* Fold a UTF-8 string through rx_text (decode + normalize); caller frees. */
static char *fold_text(const char *s)
{
    rx_text t;
    const char *code, *msg;
    if (rx_decode(s, strlen(s), NULL, &t, &code, &msg) != 0)
        return NULL;
    if (rx_text_normalize(&t) != 0) {
        rx_text_free(&t);
        return NULL;
    }
    rx_buf b = {0};
    rx_buf_add(&b, "", 0);
    for (size_t i = 0; i < t.n; i++)
        rx_buf_addcp(&b, t.norm[i]);
    rx_text_free(&t);
    return b.s;
}

/* ------------------------------------------------------------ decode */

static void test_utf8(void)
{
    /* rx_utf8_encode of every value up to past U+10FFFF: the shortest form,
     * which decodes back; surrogates and larger values become U+FFFD */
    size_t bad = 0;
    for (uint32_t c = 0; c < 0x110100; c++) {
        char b[4];
        size_t len = rx_utf8_encode(c, b), i = 0;
        bool valid = c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF);
        uint32_t want = valid ? c : 0xFFFD;
        size_t want_len = want < 0x80 ? 1 : want < 0x800 ? 2 : want < 0x10000 ? 3 : 4;
        bad += len != want_len || rx_utf8_next(b, len, &i) != want || i != len;
    }
    CHECK(bad == 0, "rx_utf8_encode wrong for %zu values", bad);
    /* long inputs exercise the decoder's word-at-a-time paths: ASCII runs,
     * CJK pairs, and the sequences they must leave to the general code */
    CHECK_DECODE("abcdefgh\xE5\x85\xAC\xE5\x8F\xB8\xE5\x85\xACxyz12345", NULL,
                 "U+0061 U+0062 U+0063 U+0064 U+0065 U+0066 U+0067 U+0068 U+516C U+53F8 U+516C "
                 "U+0078 U+0079 U+007A U+0031 U+0032 U+0033 U+0034 U+0035", 0);
    CHECK_DECODE("\xE5\x85\xAC\xE0\xA4\x85\xED\x9F\xBF\xED\xA0\x80\xE5\x85" "abcdefgh", NULL,
                 "U+516C U+0905 U+D7FF U+FFFD U+FFFD U+FFFD U+FFFD U+0061 U+0062 U+0063 U+0064 "
                 "U+0065 U+0066 U+0067 U+0068", 4);
    CHECK_DECODE("", NULL, "", 0);
    CHECK_DECODE("A\xE5\x85\xAC", NULL, "U+0041 U+516C", 0);
    CHECK_DECODE("\xF0\x9F\x98\x80", NULL, "U+1F600", 0);
    CHECK_DECODE("\xF4\x8F\xBF\xBF", NULL, "U+10FFFF", 0);
    /* stray continuation bytes and bytes that never start a sequence: one each */
    CHECK_DECODE("\x80", NULL, "U+FFFD", 1);
    CHECK_DECODE("a\x80\xBF" "b", NULL, "U+0061 U+FFFD U+FFFD U+0062", 2);
    CHECK_DECODE("\xFE" "A\xFF", "utf-8", "U+FFFD U+0041 U+FFFD", 2);
    CHECK_DECODE("\xF5\x80\x80\x80", NULL, "U+FFFD U+FFFD U+FFFD U+FFFD", 4);
    /* overlong forms: C0/C1 never start a sequence; E0 80, F0 80 fail on byte 2 */
    CHECK_DECODE("\xC0\xAF", NULL, "U+FFFD U+FFFD", 2);
    CHECK_DECODE("\xC1\xBF", NULL, "U+FFFD U+FFFD", 2);
    CHECK_DECODE("\xE0\x80\xAF", NULL, "U+FFFD U+FFFD U+FFFD", 3);
    CHECK_DECODE("\xF0\x80\x80\xAF", NULL, "U+FFFD U+FFFD U+FFFD U+FFFD", 4);
    /* surrogates encoded in UTF-8 */
    CHECK_DECODE("\xED\xA0\x80", NULL, "U+FFFD U+FFFD U+FFFD", 3);
    CHECK_DECODE("\xED\xBF\xBF" "x", NULL, "U+FFFD U+FFFD U+FFFD U+0078", 3);
    CHECK_DECODE("\xED\x9F\xBF", NULL, "U+D7FF", 0);
    /* above U+10FFFF */
    CHECK_DECODE("\xF4\x90\x80\x80", NULL, "U+FFFD U+FFFD U+FFFD U+FFFD", 4);
    /* truncated sequences: one U+FFFD for the maximal subpart */
    CHECK_DECODE("\xE4\xB8", NULL, "U+FFFD", 1);
    CHECK_DECODE("\xE4\xB8" "A", NULL, "U+FFFD U+0041", 1);
    CHECK_DECODE("\xF0\x9F\x98", NULL, "U+FFFD", 1);
    CHECK_DECODE("\xF0\x9F\x98\xE5\x85\xAC", NULL, "U+FFFD U+516C", 1);
    CHECK_DECODE("\xC3", NULL, "U+FFFD", 1);
    CHECK_DECODE("\xE5\x85\xAC\xE5\x8F\xB8\xE4\xB8" "A", NULL, "U+516C U+53F8 U+FFFD U+0041", 1);
    /* a truncated sequence followed by another lead byte */
    CHECK_DECODE("\xE4\xE5\x85\xAC", NULL, "U+FFFD U+516C", 1);
    /* private use passes through decode unchanged (normalize replaces it) */
    CHECK_DECODE("\xEE\x80\x81", NULL, "U+E001", 0);
    /* NUL is a character */
    check_decode(__FILE__, __LINE__, "a\0b", 3, NULL, "U+0061 U+0000 U+0062", 0);
}

static void test_bom_and_utf16(void)
{
    CHECK_DECODE("\xEF\xBB\xBF" "A", NULL, "U+0041", 0);
    CHECK_DECODE("\xEF\xBB\xBF" "A", "UTF-8", "U+0041", 0);
    CHECK_DECODE("\xEF\xBB\xBF\xEF\xBB\xBF" "A", NULL, "U+FEFF U+0041", 0); /* only one BOM */
    CHECK_DECODE("\xEF\xBB\xBF", NULL, "", 0);
    CHECK_DECODE("A\xEF\xBB\xBF", NULL, "U+0041 U+FEFF", 0); /* not leading: kept */
    /* UTF-16 BOMs in the default mode */
    CHECK_DECODE("\xFF\xFE" "A\0\x6C\x51", NULL, "U+0041 U+516C", 0);
    CHECK_DECODE("\xFE\xFF\0A\x51\x6C", NULL, "U+0041 U+516C", 0);
    /* surrogate pairs, both orders: U+1F600 = D83D DE00, U+20000 = D840 DC00 */
    CHECK_DECODE("\xFF\xFE\x3D\xD8\x00\xDE\x40\xD8\x00\xDC", NULL, "U+1F600 U+20000", 0);
    CHECK_DECODE("\x3D\xD8\x00\xDE" "a\0", "utf-16le", "U+1F600 U+0061", 0);
    CHECK_DECODE("\xD8\x3D\xDE\x00\0a", "UTF-16BE", "U+1F600 U+0061", 0);
    CHECK_DECODE("\xD8\x3D\xDE\x00", "utf16", "U+1F600", 0); /* no BOM: big-endian */
    CHECK_DECODE("\xFF\xFE\x3D\xD8\x00\xDE", "utf-16", "U+1F600", 0);
    /* explicit order with its BOM: the BOM is dropped */
    CHECK_DECODE("\xFF\xFE" "A\0", "utf-16le", "U+0041", 0);
    CHECK_DECODE("\xFE\xFF\0A", "utf-16be", "U+0041", 0);
    /* unpaired surrogates and an odd trailing byte */
    CHECK_DECODE("\x3D\xD8" "a\0", "utf-16le", "U+FFFD U+0061", 1);
    CHECK_DECODE("\x00\xDE" "a\0", "utf-16le", "U+FFFD U+0061", 1);
    CHECK_DECODE("\x3D\xD8", "utf-16le", "U+FFFD", 1);
    CHECK_DECODE("\x3D\xD8\x3D\xD8\x00\xDE", "utf-16le", "U+FFFD U+1F600", 1);
    CHECK_DECODE("a\0b", "utf-16le", "U+0061 U+FFFD", 1);
    CHECK_DECODE("\xFF\xFE" "a\0b", NULL, "U+0061 U+FFFD", 1);
    CHECK_DECODE("\0a\x51", "utf-16be", "U+0061 U+FFFD", 1);
}

static void test_iconv(void)
{
    const char *text = "台積電董事長劉德音宣布退休，由魏哲家接任。";
    uint32_t want[64];
    size_t nwant = utf8_cps(text, want, 64);
    const char *encs[] = {"big5", "BIG5", "gbk", "gb18030", "GB18030"};
    for (size_t e = 0; e < sizeof encs / sizeof encs[0]; e++) {
        const char *src = e < 2 ? text : "阿里巴巴集团董事局主席张勇卸任，由蔡崇信接任。";
        uint32_t w[64];
        size_t nw = e < 2 ? nwant : utf8_cps(src, w, 64);
        const uint32_t *wp = e < 2 ? want : w;
        size_t blen;
        char *bytes = encode_as(src, encs[e], &blen);
        CHECK(bytes != NULL, "iconv cannot make %s bytes", encs[e]);
        if (!bytes)
            continue;
        CHECK(blen < strlen(src), "%s is not a double-byte encoding here", encs[e]);
        rx_text t;
        const char *code, *msg;
        int rc = rx_decode(bytes, blen, encs[e], &t, &code, &msg);
        CHECK(rc == 0, "%s: rx_decode failed", encs[e]);
        if (rc == 0) {
            CHECK(t.n == nw && !memcmp(t.cp, wp, nw * sizeof *wp) && t.invalid == 0,
                  "%s round trip: got [%s] invalid=%zu", encs[e], cps_str(t.cp, t.n), t.invalid);
            rx_text_free(&t);
        }
        /* a broken byte in the middle: one U+FFFD, decoding resumes */
        char *broken = malloc(blen + 1);
        memcpy(broken, bytes, 4);
        broken[4] = (char)0xFF;
        memcpy(broken + 5, bytes + 4, blen - 4);
        rc = rx_decode(broken, blen + 1, encs[e], &t, &code, &msg);
        CHECK(rc == 0 && t.n == nw + 1 && t.cp[2] == 0xFFFD && t.cp[3] == wp[2] &&
                  t.cp[nw] == wp[nw - 1] && t.invalid == 1,
              "%s with a bad byte: got [%s] invalid=%zu", encs[e], cps_str(t.cp, t.n), t.invalid);
        if (rc == 0)
            rx_text_free(&t);
        /* cut in the middle of a double-byte character */
        rc = rx_decode(bytes, 3, encs[e], &t, &code, &msg);
        CHECK(rc == 0 && t.n == 2 && t.cp[0] == wp[0] && t.cp[1] == 0xFFFD && t.invalid == 1,
              "%s truncated: got [%s] invalid=%zu", encs[e], cps_str(t.cp, t.n), t.invalid);
        if (rc == 0)
            rx_text_free(&t);
        free(broken);
        free(bytes);
    }
    /* unknown encodings */
    rx_text t;
    const char *code = NULL, *msg = NULL;
    CHECK(rx_decode("abc", 3, "klingon-8", &t, &code, &msg) == -1 && code &&
              !strcmp(code, "unknown_encoding") && msg,
          "unknown encoding: got %s", code ? code : "(null)");
    rx_text_free(&t);
    /* empty input through every path */
    const char *all[] = {NULL, "utf-8", "utf-16le", "utf-16be", "utf-16", "big5", "gbk"};
    for (size_t e = 0; e < sizeof all / sizeof all[0]; e++) {
        int rc = rx_decode("", 0, all[e], &t, &code, &msg);
        CHECK(rc == 0 && t.n == 0 && t.invalid == 0, "empty input (%s)", all[e] ? all[e] : "default");
        CHECK(rc != 0 || rx_text_normalize(&t) == 0, "normalize empty text");
        rx_text_free(&t);
        rx_text_free(&t); /* twice is fine: it zeroes */
    }
    rx_text_free(NULL);
}

/* ------------------------------------------------------------ normalize */

static void check_fold(const char *file, int line, const char *in, const char *want)
{
    char *got = rx_norm_utf8(in, strlen(in));
    char *got2 = fold_text(in);
    if (!got || strcmp(got, want) || !got2 || strcmp(got2, want)) {
        failed++;
        fprintf(stderr, "%s:%d: fold(\"%s\") = \"%s\" / \"%s\", want \"%s\"\n", file, line, in,
                got ? got : "(null)", got2 ? got2 : "(null)", want);
    } else {
        passed++;
    }
    if (got && rx_utf8_count(got, strlen(got)) != rx_utf8_count(in, strlen(in))) {
        failed++;
        fprintf(stderr, "%s:%d: fold(\"%s\") changed the length\n", file, line, in);
    }
    free(got);
    free(got2);
}
#define CHECK_FOLD(in, want) check_fold(__FILE__, __LINE__, (in), (want))

static void test_normalize(void)
{
    /* the characters rules rely on */
    CHECK_FOLD("離職爲為裏裡擔與於後總僞偽執聯團隊稱讚", "离职为为里里担与于后总伪伪执联团队称赞");
    /* a rule text written in each script folds to the same string */
    CHECK_FOLD("董事會宣佈，執行長於今年辭職並由副總裁接任。", "董事会宣布,执行长于今年辞职并由副总裁接任。");
    CHECK_FOLD("董事会宣布，执行长于今年辞职并由副总裁接任。", "董事会宣布,执行长于今年辞职并由副总裁接任。");
    /* Simplified and neutral characters are fixed points */
    CHECK_FOLD("公司的人事变动", "公司的人事变动");
    CHECK_FOLD("著名", "著名"); /* 著 is not folded into 着 */
    CHECK_FOLD("什么", "什么");
    /* full width to half width; punctuation; ideographic space; NBSP */
    CHECK_FOLD("ＡＢＣ ｘｙｚ ０１２", "ABC xyz 012");
    CHECK_FOLD("，！？；（）：", ",!?;():");
    CHECK_FOLD("a\xE3\x80\x80" "b\xC2\xA0" "c", "a b c");
    CHECK_FOLD("﹐﹒", ",.");
    /* 。 and 、 stay; the half-width ｡ becomes 。 */
    CHECK_FOLD("。、｡", "。、。");
    /* compatibility ideographs fold to unified ones (U+F900 -> U+8C48), then to
     * Simplified like any other */
    CHECK(rx_norm_cp(0xF900) == rx_norm_cp(0x8C48) && rx_norm_cp(0xF91F) == 0x5170 /* 蘭 -> 蘭 -> 兰 */,
          "U+F900 -> U+%04X, U+F91F -> U+%04X", (unsigned)rx_norm_cp(0xF900),
          (unsigned)rx_norm_cp(0xF91F));
    /* case is kept; multi-code-point decompositions are not taken */
    CHECK_FOLD("Apple iPhone", "Apple iPhone");
    CHECK_FOLD("Café ㈱ ﬁ", "Café ㈱ ﬁ");
    /* private use becomes U+FFFD: a document cannot forge a placeholder */
    CHECK_FOLD("\xEE\x80\x81\xEE\x80\x82\xEE\x80\x83\xEF\xA3\xBF", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(rx_norm_cp(RX_PH_PERSON) == 0xFFFD && rx_norm_cp(RX_PH_ORG) == 0xFFFD &&
              rx_norm_cp(RX_PH_ROLE) == 0xFFFD && rx_norm_cp(0xE000) == 0xFFFD,
          "private use is not replaced");
    /* supplementary planes */
    CHECK(rx_norm_cp(0x1D400) == 'A', "MATHEMATICAL BOLD CAPITAL A -> A: got U+%04X",
          (unsigned)rx_norm_cp(0x1D400));
    CHECK(rx_norm_cp(0x2F800) == 0x4E3D, "U+2F800 -> U+4E3D: got U+%04X",
          (unsigned)rx_norm_cp(0x2F800));
    CHECK(rx_norm_cp(0x1F600) == 0x1F600 && rx_norm_cp(0x20000) == 0x20000,
          "supplementary fixed points");
    /* idempotent, and the table is sorted with distinct pairs */
    size_t bad = 0;
    for (uint32_t c = 0; c < 0x30000; c++)
        if (rx_norm_cp(rx_norm_cp(c)) != rx_norm_cp(c))
            bad++;
    CHECK(bad == 0, "fold is not idempotent for %zu code points", bad);
    bad = 0;
    for (size_t i = 0; i < rx_ts_pairs_count; i++)
        if (rx_ts_pairs[i][0] == rx_ts_pairs[i][1] ||
            (i && rx_ts_pairs[i - 1][0] >= rx_ts_pairs[i][0]))
            bad++;
    CHECK(rx_ts_pairs_count > 2000 && bad == 0, "rx_ts_pairs: %zu pairs, %zu bad",
          rx_ts_pairs_count, bad);
    /* every pair: the source is class 1 and folds to its target, which is class 2
     * (compatibility ideographs fold through their unified form first) */
    bad = 0;
    size_t nsupp = 0;
    for (size_t i = 0; i < rx_ts_pairs_count; i++) {
        uint32_t a = rx_ts_pairs[i][0], b = rx_ts_pairs[i][1];
        bool compat = (a >= 0xF900 && a <= 0xFAFF) || (a >= 0x2F800 && a <= 0x2FA1F);
        nsupp += a >= 0x10000;
        if (rx_script_class(a) != 1 || rx_script_class(b) != 2 || (!compat && rx_norm_cp(a) != b))
            bad++;
    }
    CHECK(bad == 0 && nsupp > 0, "%zu pairs with a wrong class or fold (%zu supplementary)", bad,
          nsupp);
    /* Every code point of planes 0-2 against utf8proc itself: its compatibility
     * decomposition when that is one code point, then the first T->S pair. */
    bad = 0;
    for (uint32_t c = 0; c < 0x30000; c++) {
        if ((c >= 0xD800 && c <= 0xDFFF) || (c >= 0xE000 && c <= 0xF8FF))
            continue;
        utf8proc_int32_t d[4];
        int last = 0;
        uint32_t m = c;
        if (utf8proc_decompose_char((utf8proc_int32_t)c, d, 4, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT,
                                    &last) == 1)
            m = (uint32_t)d[0];
        size_t lo = 0, hi = rx_ts_pairs_count; /* the pairs are sorted by from */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (rx_ts_pairs[mid][0] < m)
                lo = mid + 1;
            else
                hi = mid;
        }
        uint32_t want = lo < rx_ts_pairs_count && rx_ts_pairs[lo][0] == m ? rx_ts_pairs[lo][1] : m;
        bad += rx_norm_cp(c) != want;
    }
    CHECK(bad == 0, "%zu code points fold differently from utf8proc + the T->S pairs", bad);
    /* script classes */
    CHECK(rx_script_class(0x96E2 /* 離 */) == 1 && rx_script_class(0x79BB /* 离 */) == 2 &&
              rx_script_class(0x516C /* 公 */) == 0 && rx_script_class('A') == 0,
          "rx_script_class");
    const uint8_t *cls = rx_script_class_bmp();
    bad = 0;
    for (uint32_t c = 0; c < 0x10000; c++)
        bad += cls[c] != rx_script_class(c);
    CHECK(bad == 0, "rx_script_class_bmp differs from rx_script_class at %zu code points", bad);
    /* invalid UTF-8 in rx_norm_utf8 becomes U+FFFD, one per byte */
    char *s = rx_norm_utf8("a\xFF" "b", 3);
    CHECK(s && !strcmp(s, "a\xEF\xBF\xBD" "b"), "rx_norm_utf8 with a bad byte");
    free(s);
    s = rx_norm_utf8("", 0);
    CHECK(s && !*s, "rx_norm_utf8 of the empty string");
    free(s);
}

/* ------------------------------------------------------------ sentences */

/* Split text (UTF-8, folded first) and compare with the expected sentences
 * joined by " | ". max_len 0 means 1000. */
static void check_split(const char *file, int line, const char *text, size_t max_len,
                        const char *want)
{
    rx_text t;
    const char *code, *msg;
    if (rx_decode(text, strlen(text), NULL, &t, &code, &msg) != 0 || rx_text_normalize(&t) != 0) {
        failed++;
        fprintf(stderr, "%s:%d: cannot decode\n", file, line);
        rx_text_free(&t);
        return;
    }
    rx_span *sp = NULL;
    size_t n = 0;
    int rc = rx_split_sentences(t.norm, t.n, max_len ? max_len : 1000, &sp, &n);
    rx_buf b = {0};
    rx_buf_add(&b, "", 0);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (i)
            rx_buf_adds(&b, " | ");
        for (size_t k = sp[i].start; k < sp[i].end; k++)
            rx_buf_addcp(&b, t.cp[k]);
    }
    if (rc != 0 || strcmp(b.s, want) != 0) {
        failed++;
        fprintf(stderr, "%s:%d: split:\n    got  %s\n    want %s\n", file, line, b.s, want);
    } else {
        passed++;
    }
    rx_buf_free(&b);
    free(sp);
    rx_text_free(&t);
}
#define CHECK_SPLIT(text, want) check_split(__FILE__, __LINE__, (text), 0, (want))

static void test_sentences(void)
{
    /* Chinese terminators, full width (folded) and closing quotes after 。 */
    CHECK_SPLIT("小米宣布人事调整。雷军继续担任董事长！谁来接任？", "小米宣布人事调整。 | 雷军继续担任董事长！ | 谁来接任？");
    CHECK_SPLIT("他表示：“我将于月底离职。”随后公司发布公告。", "他表示：“我将于月底离职。” | 随后公司发布公告。");
    CHECK_SPLIT("「我不會續任。」他說。", "「我不會續任。」 | 他說。");
    CHECK_SPLIT("董事会通过决议；新任总裁明日上任", "董事会通过决议； | 新任总裁明日上任");
    CHECK_SPLIT("他沉默了……然后点头。", "他沉默了…… | 然后点头。");
    CHECK_SPLIT("真的吗？！不会吧", "真的吗？！ | 不会吧");
    /* the example at the top of sentence.c */
    CHECK_SPLIT("他说：“我辞职了。”随后离开。Mr. J. K. Smith joined Levels.fyi. It grew 3.5x.",
                "他说：“我辞职了。” | 随后离开。 | Mr. J. K. Smith joined Levels.fyi. | It grew 3.5x.");
    /* English */
    CHECK_SPLIT("Acme hired a new CFO. She starts Monday.", "Acme hired a new CFO. | She starts Monday.");
    CHECK_SPLIT("Mr. Smith and Dr. Jones met Prof. Lee.", "Mr. Smith and Dr. Jones met Prof. Lee.");
    CHECK_SPLIT("He joined Initech Inc. in May. Later he left.", "He joined Initech Inc. in May. | Later he left.");
    CHECK_SPLIT("Shares of Globex Corp. Ltd. rose.", "Shares of Globex Corp. Ltd. rose.");
    CHECK_SPLIT("She moved from Levels.fyi to a rival. It was big.", "She moved from Levels.fyi to a rival. | It was big.");
    CHECK_SPLIT("Revenue rose 3.5 percent. Costs fell.", "Revenue rose 3.5 percent. | Costs fell.");
    CHECK_SPLIT("The U.S. regulator approved it. Then it closed.", "The U.S. regulator approved it. | Then it closed.");
    CHECK_SPLIT("Big firms, e.g. Initech, hire. Small ones fire.", "Big firms, e.g. Initech, hire. | Small ones fire.");
    CHECK_SPLIT("J. K. Rowling met J.R.R. Tolkien fans.", "J. K. Rowling met J.R.R. Tolkien fans.");
    /* every abbreviation, as written and in capitals, does not end a sentence;
     * a word that is none does */
    static const char *const abbr[] = {
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "St", "Jr", "Sr", "Messrs", "Mme", "Mlle", "Esq",
        "Hon", "Rev", "Pres", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Capt", "Cmdr", "Maj",
        "Sgt", "Adm", "Cpl", "Supt", "Insp", "Det", "Amb", "Inc", "Corp", "Co", "Ltd", "Bros",
        "Plc", "Cie", "Dept", "Univ", "Assn", "No", "Nos", "Vol", "Fig", "pp", "vs", "etc",
        "al", "approx", "cf", "viz", "ca", "e.g", "i.e", "Jan", "Feb", "Mar", "Apr", "Jun",
        "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Ft", "Ave", "Blvd", "Rd"};
    for (size_t a = 0; a < sizeof abbr / sizeof abbr[0]; a++) {
        char in[64], caps[16];
        snprintf(in, sizeof in, "See %s. Smith now.", abbr[a]);
        check_split(__FILE__, __LINE__, in, 0, in);
        snprintf(caps, sizeof caps, "See %s", abbr[a]);
        for (char *p = caps; *p; p++)
            *p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
        snprintf(in, sizeof in, "%s. Smith now.", caps);
        check_split(__FILE__, __LINE__, in, 0, in);
    }
    CHECK_SPLIT("See Mrx. Smith now.", "See Mrx. | Smith now.");
    CHECK_SPLIT("See mr. Smith now.", "See mr. | Smith now.");
    CHECK_SPLIT("See Etc. Smith now.", "See Etc. | Smith now.");
    CHECK_SPLIT("He said \"I quit.\" Then he left.", "He said \"I quit.\" | Then he left.");
    CHECK_SPLIT("Wait... What happened?", "Wait... | What happened?");
    CHECK_SPLIT("\"Really?\" he asked. Yes!", "\"Really?\" he asked. | Yes!");
    CHECK_SPLIT("Ends with a dot.", "Ends with a dot.");
    CHECK_SPLIT("Born in 1970. He grew up there.", "Born in 1970. | He grew up there.");
    CHECK_SPLIT("No. 2 executive resigned. Vs. others", "No. 2 executive resigned. | Vs. others");
    /* line ends, white space, paragraphs */
    CHECK_SPLIT("  第一行没有标点\n第二行  \r\n\r\n  third line  ", "第一行没有标点 | 第二行 | third line");
    CHECK_SPLIT("\n\n\n", "");
    CHECK_SPLIT("", "");
    CHECK_SPLIT("。。！", "。。！");
    CHECK_SPLIT("Plain text with no end", "Plain text with no end");
    /* max_len cuts: after a comma, else at white space, else hard */
    check_split(__FILE__, __LINE__, "一二三，四五六七八九十", 6, "一二三， | 四五六七八九 | 十");
    check_split(__FILE__, __LINE__, "aaa bbb ccc ddd", 8, "aaa bbb | ccc ddd");
    check_split(__FILE__, __LINE__, "abcdefghij", 4, "abcd | efgh | ij");
    check_split(__FILE__, __LINE__, "ab, cd, ef", 4, "ab, | cd, | ef");

    /* paragraph numbers */
    {
        const char *text = "一。二。\n三。\n\n  \n四。\n\n\n五";
        rx_text t;
        const char *code, *msg;
        rx_decode(text, strlen(text), NULL, &t, &code, &msg);
        rx_text_normalize(&t);
        rx_span *sp;
        size_t n;
        int rc = rx_split_sentences(t.norm, t.n, 100, &sp, &n);
        CHECK(rc == 0 && n == 5, "paragraphs: %zu sentences", n);
        if (rc == 0 && n == 5)
            CHECK(sp[0].para == 0 && sp[1].para == 0 && sp[2].para == 0 && sp[3].para == 1 &&
                      sp[4].para == 2 && sp[0].start == 0 && sp[0].end == 2 && sp[4].start == t.n - 1,
                  "paragraphs: %d %d %d %d %d", sp[0].para, sp[1].para, sp[2].para, sp[3].para,
                  sp[4].para);
        if (rc == 0)
            free(sp);
        rx_text_free(&t);
    }
    /* a long line with no punctuation at all is cut at max_len, in linear time */
    {
        size_t n = 5u << 20, count = 0;
        uint32_t *big = malloc(n * sizeof *big);
        for (size_t i = 0; i < n; i++)
            big[i] = 0x4E00 + (uint32_t)(i % 500);
        rx_span *sp = NULL;
        uint64_t t0 = rx_now_ns();
        int rc = rx_split_sentences(big, n, 1000, &sp, &count);
        double ms = (double)(rx_now_ns() - t0) / 1e6;
        CHECK(rc == 0 && count == (n + 999) / 1000 && sp[0].end == 1000 && sp[1].start == 1000,
              "long line: %zu sentences", count);
        bool ok = rc == 0;
        for (size_t i = 0; ok && i < count; i++)
            ok = sp[i].end - sp[i].start <= 1000;
        CHECK(ok, "long line: a sentence longer than max_len");
        CHECK(ms < 2000, "long line took %.0f ms", ms);
        free(sp);
        /* words and spaces: cut at white space */
        for (size_t i = 0; i < n; i++)
            big[i] = i % 7 == 6 ? ' ' : 'a';
        rc = rx_split_sentences(big, n, 1000, &sp, &count);
        ok = rc == 0 && count > n / 1000;
        for (size_t i = 0; ok && i < count; i++)
            ok = sp[i].end - sp[i].start <= 1000 && big[sp[i].start] == 'a' &&
                 big[sp[i].end - 1] == 'a' && (sp[i].end == n || big[sp[i].end] == ' ');
        CHECK(ok, "long spaced line: bad cut");
        free(sp);
        /* runs of terminators before lower case are never rescanned */
        for (size_t i = 0; i < n; i++)
            big[i] = i % 5000 == 4999 ? 'x' : i % 2 ? '!' : ')';
        t0 = rx_now_ns();
        rc = rx_split_sentences(big, n, 1000, &sp, &count);
        ms = (double)(rx_now_ns() - t0) / 1e6;
        CHECK(rc == 0 && ms < 2000, "terminator runs took %.0f ms", ms);
        free(sp);
        free(big);
    }
}

/* ------------------------------------------------------------ language */

static void check_lang(const char *file, int line, const char *text, const char *want)
{
    uint32_t cp[512];
    size_t n = utf8_cps(text, cp, 512);
    const char *got = rx_detect_lang(cp, n);
    if (strcmp(got, want) != 0) {
        failed++;
        fprintf(stderr, "%s:%d: lang(\"%s\") = %s, want %s\n", file, line, text, got, want);
    } else {
        passed++;
    }
}
#define CHECK_LANG(text, want) check_lang(__FILE__, __LINE__, (text), (want))

static void test_lang(void)
{
    CHECK_LANG("", "en");
    CHECK_LANG("2024-05-01 12:00", "en");
    CHECK_LANG("The board named a new chief executive on Monday.", "en");
    CHECK_LANG("公司宣布董事长辞职", "zh-Hans");
    CHECK_LANG("公司宣佈董事長辭職", "zh-Hant");
    CHECK_LANG("Acmeco 首席科学家 Anna Pettersen 宣布离职", "zh-Hans");
    CHECK_LANG("「這家公司」的執行長 Sam Altman 說", "zh-Hant");
    CHECK_LANG("Alibaba's 马云 stepped down as chairman", "en");
    CHECK_LANG("公司的人事", "zh-Hans"); /* no script-specific character: zh-Hans */
    CHECK_LANG("ＡＢＣ公司", "zh-Hans");
}

int main(void)
{
    test_utf8();
    test_bom_and_utf16();
    test_iconv();
    test_normalize();
    test_sentences();
    test_lang();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
