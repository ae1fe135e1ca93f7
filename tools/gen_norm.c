/* gen_norm.c: the build-time generator of the folding tables (norm_table.c)
 * that normalize.c reads, so that relx builds nothing at start-up.
 *
 *   relx-gen-norm build/norm_table.c
 *
 * It is linked with the generated Traditional -> Simplified pairs (fold_table.c,
 * from relx-gen-fold) and with utf8proc, and computes, for every code point of
 * planes 0-2:
 *   1. private use U+E000..U+F8FF and surrogates -> U+FFFD;
 *   2. the compatibility decomposition (utf8proc, DECOMPOSE|COMPAT) when it is
 *      exactly one code point (Ａ -> A, U+3000 -> " "), else the code point;
 *   3. then the T->S fold of that (the first pair of a code point wins);
 * and the script class (1: source of a pair, 2: target of one, 0: neither).
 * The output is
 *
 *   #include "norm_table.h"
 *   const uint32_t rx_norm_bmp[0x10000] = {...};        folded BMP code points
 *   const uint8_t rx_norm_bmp_class[0x10000] = {...};   their script classes
 *   const rx_norm_supp rx_norm_supp_table[] = {...};    planes 1-2, sorted by from:
 *   const size_t rx_norm_supp_count = N;                only those that fold or
 *                                                       have a class
 *
 * written to a temporary file next to OUT and renamed over it. The unit tests
 * check the result against utf8proc and the pairs at run time. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#include "internal.h"
#include "norm_table.h"

#define PLANES_END 0x30000u /* supplementary entries are below this */

static void die(const char *msg)
{
    fprintf(stderr, "relx-gen-norm: error: %s\n", msg);
    exit(1);
}

/* The single code point c's compatibility decomposition, or c itself. */
static uint32_t compat1(uint32_t c)
{
    utf8proc_int32_t buf[4];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)c, buf, 4,
                                                 UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last);
    if (n == 1 && buf[0] >= 0)
        return (uint32_t)buf[0];
    return c;
}

/* The T->S fold of c: the first pair whose source is c (bisection); c when none. */
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

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: relx-gen-norm OUT.c\n");
        return 2;
    }
    const char *outpath = argv[1];
    for (size_t i = 1; i < rx_ts_pairs_count; i++)
        if (rx_ts_pairs[i - 1][0] > rx_ts_pairs[i][0])
            die("the T->S pairs are not sorted");

    /* fold[c] and cls[c] for every code point below PLANES_END */
    uint32_t *fold = malloc(PLANES_END * sizeof *fold);
    unsigned char *cls = calloc(PLANES_END, 1);
    unsigned char *target = calloc(PLANES_END, 1);
    if (!fold || !cls || !target)
        die("out of memory");
    for (size_t i = 0; i < rx_ts_pairs_count; i++) {
        if (rx_ts_pairs[i][0] >= PLANES_END || rx_ts_pairs[i][1] >= PLANES_END)
            die("a T->S pair lies above plane 2");
        target[rx_ts_pairs[i][1]] = 1;
    }

    for (uint32_t c = 0; c < 0x10000; c++) {
        if ((c >= 0xE000 && c <= 0xF8FF) || (c >= 0xD800 && c <= 0xDFFF)) {
            fold[c] = 0xFFFD; /* placeholders live in private use; never forged */
            continue;
        }
        fold[c] = ts_lookup(compat1(c));
    }
    for (size_t i = 0; i < rx_ts_pairs_count; i++)
        if (rx_ts_pairs[i][0] < 0x10000)
            cls[rx_ts_pairs[i][0]] = 1;
    for (uint32_t c = 0; c < 0x10000; c++)
        if (!cls[c] && target[c])
            cls[c] = 2;

    /* Planes 1-2: an entry when the code point folds to something else (class 1
     * when it is a pair's source itself), or is a pair's target (class 2 unless
     * already 1). The compatibility mapping of a supplementary code point may
     * lead into the BMP (U+1D400 -> A), whose fold is then taken. */
    size_t nsupp = 0;
    unsigned char *present = calloc(PLANES_END, 1);
    if (!present)
        die("out of memory");
    for (uint32_t c = 0x10000; c < PLANES_END; c++) {
        uint32_t m = compat1(c);
        m = m < 0x10000 ? fold[m] : ts_lookup(m);
        fold[c] = m;
        if (m != c) {
            present[c] = 1;
            cls[c] = ts_lookup(c) != c ? 1 : 0;
        }
        if (target[c]) {
            present[c] = 1;
            if (cls[c] == 0)
                cls[c] = 2;
        }
        nsupp += present[c];
    }

    size_t plen = strlen(outpath);
    char *tmp = malloc(plen + 8);
    if (!tmp)
        die("out of memory");
    memcpy(tmp, outpath, plen);
    memcpy(tmp + plen, ".XXXXXX", 8);
    int fd = mkstemp(tmp);
    if (fd < 0)
        die("cannot create a temporary file next to the output");
    FILE *f = fdopen(fd, "w");
    if (!f)
        die("cannot write the temporary file");
    fprintf(f, "/* norm_table.c: generated by relx-gen-norm from utf8proc %s and the T->S pairs\n"
               " * of fold_table.c. Do not edit. See tools/gen_norm.c. */\n"
               "#include \"norm_table.h\"\n\n"
               "const uint32_t rx_norm_bmp[0x10000] = {",
            utf8proc_version());
    for (uint32_t c = 0; c < 0x10000; c++)
        fprintf(f, "%s%u,", c % 16 ? "" : "\n", (unsigned)fold[c]);
    fprintf(f, "\n};\n\nconst uint8_t rx_norm_bmp_class[0x10000] = {");
    for (uint32_t c = 0; c < 0x10000; c++)
        fprintf(f, "%s%u,", c % 64 ? "" : "\n", (unsigned)cls[c]);
    fprintf(f, "\n};\n\nconst rx_norm_supp rx_norm_supp_table[] = {");
    size_t k = 0;
    for (uint32_t c = 0x10000; c < PLANES_END; c++) {
        if (!present[c])
            continue;
        fprintf(f, "%s{0x%X, 0x%X, %u},", k % 6 ? " " : "\n", (unsigned)c, (unsigned)fold[c],
                (unsigned)cls[c]);
        k++;
    }
    if (!k)
        fprintf(f, "\n{0, 0, 0},"); /* never empty in practice; keep the C valid */
    fprintf(f, "\n};\nconst size_t rx_norm_supp_count = %zu;\n", nsupp);
    if (ferror(f) | (fclose(f) != 0)) {
        remove(tmp);
        die("cannot write the table");
    }
    if (rename(tmp, outpath) != 0) {
        remove(tmp);
        die("cannot rename the table into place");
    }
    fprintf(stderr, "relx-gen-norm: %zu supplementary entries -> %s\n", nsupp, outpath);
    free(tmp);
    free(fold);
    free(cls);
    free(target);
    free(present);
    return 0;
}
