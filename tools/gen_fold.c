/* gen_fold.c: the build-time generator of the Traditional -> Simplified folding
 * table (fold_table.c). It owns nothing at run time; relx never links OpenCC.
 *
 *   relx-gen-fold /usr/share/opencc build/fold_table.c
 *
 * It asks OpenCC, through its C API, to convert every code point of the CJK
 * blocks (U+3400..U+4DBF, U+4E00..U+9FFF, U+F900..U+FAFF, U+20000..U+2FA1F) with a
 * configuration that uses only the character dictionary TSCharacters.ocd2, so
 * that conversion is code point for code point. The code points are sent in
 * large batches, one per line ("離\n職\n..."), and the answer is split on the
 * line ends again, so a character never merges with its neighbour. A pair is kept
 * when the answer is exactly one code point that differs:
 *
 *   離 -> 离  kept as {0x96E2, 0x79BB}
 *   著 -> 著  dropped (unchanged)
 *
 * A second pass chains the variant tables TWVariantsRev.ocd2 and HKVariantsRev.ocd2
 * (when present) in front of TSCharacters, so that regional variant forms fold
 * too (衞 -> 衛 -> 卫); it only fills code points the first pass left unchanged,
 * and never a character of GB 2312 (the Simplified national set): those tables
 * also map 著 -> 着 and 么 -> 幺, which would fold common Simplified text.
 * Chains are then followed to their end, so that the table is idempotent (the
 * target of a pair is never itself a source). The output is
 *
 *   #include "internal.h"
 *   const uint32_t rx_ts_pairs[][2] = {{0x4E1F, 0x4E22}, ...};  sorted by the first
 *   const size_t rx_ts_pairs_count = N;
 *
 * written to a temporary file next to OUT and renamed over it. Exit status 1 with
 * a message when the OpenCC data is missing or a conversion fails. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <errno.h>
#include <iconv.h>
#include <opencc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAXCP 0x30000u /* every converted code point is below this */
#define BATCH 8192u    /* code points per opencc_convert_utf8 call */

static const uint32_t blocks[][2] = {
    {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x2FA1F}};

/* Variant tables chained before TSCharacters in the second pass (optional). */
static const char *const variant_files[] = {"TWVariantsRev.ocd2", "HKVariantsRev.ocd2"};

/* Characters the rules rely on; the generator fails when one does not fold. */
static const char *const must_fold[][2] = {
    {"離", "离"}, {"職", "职"}, {"爲", "为"}, {"為", "为"}, {"裏", "里"}, {"擔", "担"},
    {"與", "与"}, {"於", "于"}, {"後", "后"}, {"總", "总"}, {"僞", "伪"}, {"執", "执"},
    {"聯", "联"}, {"團", "团"}, {"隊", "队"}, {"稱", "称"}, {"讚", "赞"}, {"裡", "里"},
    {"衞", "卫"}, {"偽", "伪"}};

static char *tmp_config; /* removed at exit */

static void die(const char *fmt, const char *arg)
{
    fputs("relx-gen-fold: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    if (tmp_config)
        remove(tmp_config);
    exit(1);
}

static size_t put_utf8(uint32_t c, char *o)
{
    if (c < 0x80) {
        o[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (char)(0xC0 | (c >> 6));
        o[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (char)(0xE0 | (c >> 12));
        o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (c >> 18));
    o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Decode the well-formed UTF-8 that OpenCC returns; at most max code points are
 * stored, the return value is the real count. */
static size_t get_utf8(const unsigned char *s, size_t len, uint32_t *out, size_t max)
{
    size_t i = 0, n = 0;
    while (i < len) {
        unsigned char c = s[i];
        int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        uint32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1Fu) : extra == 2 ? (c & 0x0Fu) : (c & 0x07u);
        for (int k = 1; k <= extra && i + (size_t)k < len; k++)
            cp = (cp << 6) | (s[i + (size_t)k] & 0x3Fu);
        i += (size_t)extra + 1;
        if (n < max)
            out[n] = cp;
        n++;
    }
    return n;
}

static void json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static void dict_json(FILE *f, const char *dir, const char *file)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    fputs("{\"type\": \"ocd2\", \"file\": ", f);
    json_string(f, path);
    fputc('}', f);
}

/* Open a converter whose chain is chain[0..nchain-1] (file names inside dir) and
 * whose segmentation uses TSCharacters only. */
static opencc_t open_chain(const char *dir, const char *const *chain, size_t nchain)
{
    char tmpl[] = "/tmp/relx-gen-fold-XXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0)
        die("cannot create a temporary OpenCC configuration: %s", strerror(errno));
    tmp_config = tmpl;
    FILE *f = fdopen(fd, "w");
    if (!f)
        die("cannot write the temporary OpenCC configuration: %s", strerror(errno));
    fputs("{\"name\": \"relx fold\",\n \"segmentation\": {\"type\": \"mmseg\", \"dict\": ", f);
    dict_json(f, dir, "TSCharacters.ocd2");
    fputs("},\n \"conversion_chain\": [", f);
    for (size_t i = 0; i < nchain; i++) {
        fputs(i ? ", {\"dict\": " : "{\"dict\": ", f);
        dict_json(f, dir, chain[i]);
        fputc('}', f);
    }
    fputs("]}\n", f);
    if (fclose(f) != 0)
        die("cannot write the temporary OpenCC configuration: %s", strerror(errno));
    opencc_t cc = opencc_open(tmpl);
    remove(tmpl);
    tmp_config = NULL;
    if (cc == (opencc_t)-1)
        die("OpenCC cannot load its dictionaries: %s", opencc_error());
    return cc;
}

/* Convert every code point of the CJK blocks; map[c] receives the single code
 * point c converts to, or stays 0 (unchanged, or several code points). Returns
 * the number of pairs found. */
static size_t convert_all(opencc_t cc, uint32_t *map)
{
    char *in = malloc((size_t)BATCH * 5);
    uint32_t *res = malloc(8 * sizeof *res);
    if (!in || !res)
        die("%s", "out of memory");
    size_t found = 0;
    for (size_t b = 0; b < sizeof blocks / sizeof blocks[0]; b++) {
        for (uint32_t lo = blocks[b][0]; lo <= blocks[b][1]; lo += BATCH) {
            uint32_t hi = lo + BATCH - 1 < blocks[b][1] ? lo + BATCH - 1 : blocks[b][1];
            size_t len = 0;
            for (uint32_t c = lo; c <= hi; c++) {
                len += put_utf8(c, in + len);
                in[len++] = '\n';
            }
            char *out = opencc_convert_utf8(cc, in, len);
            if (!out)
                die("OpenCC conversion failed: %s", opencc_error());
            const char *p = out;
            uint32_t c = lo;
            for (; c <= hi && *p; c++) {
                const char *nl = strchr(p, '\n');
                if (!nl)
                    break;
                size_t k = get_utf8((const unsigned char *)p, (size_t)(nl - p), res, 8);
                if (k == 1 && res[0] != c && res[0] < MAXCP) {
                    map[c] = res[0];
                    found++;
                }
                p = nl + 1;
            }
            opencc_convert_utf8_free(out);
            if (c <= hi) {
                char msg[64];
                snprintf(msg, sizeof msg, "U+%04X..U+%04X", (unsigned)lo, (unsigned)hi);
                die("OpenCC returned fewer lines than it was given for %s", msg);
            }
        }
    }
    free(in);
    free(res);
    return found;
}

/* True when c is in GB 2312 (asked of iconv, so nothing is typed by hand). */
static int in_gb2312(iconv_t cd, uint32_t c)
{
    char in[4], out[8];
    char *ip = in, *op = out;
    size_t il = put_utf8(c, in), ol = sizeof out;
    iconv(cd, NULL, NULL, NULL, NULL);
    return iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && il == 0;
}

static uint32_t first_cp(const char *s)
{
    uint32_t c[2];
    get_utf8((const unsigned char *)s, strlen(s), c, 2);
    return c[0];
}

/* relx-gen-fold OPENCC_DATA_DIR OUT.c: write the folding table to OUT.c. */
int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: relx-gen-fold OPENCC_DATA_DIR OUT.c\n");
        return 2;
    }
    const char *dir = argv[1], *outpath = argv[2];
    char path[4096];
    snprintf(path, sizeof path, "%s/TSCharacters.ocd2", dir);
    if (access(path, R_OK) != 0)
        die("OpenCC data missing: cannot read %s (install OpenCC's data, e.g. the Debian "
            "package libopencc1.1 / opencc, or set OPENCC_DATA_DIR)",
            path);

    uint32_t *map = calloc(MAXCP, sizeof *map);
    uint32_t *var = calloc(MAXCP, sizeof *var);
    if (!map || !var)
        die("%s", "out of memory");

    const char *ts_only[] = {"TSCharacters.ocd2"};
    opencc_t cc = open_chain(dir, ts_only, 1);
    size_t n_ts = convert_all(cc, map);
    opencc_close(cc);

    /* Second pass: the variant tables that are present, then TSCharacters. */
    const char *chain[4];
    size_t nchain = 0;
    for (size_t i = 0; i < sizeof variant_files / sizeof variant_files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, variant_files[i]);
        if (access(path, R_OK) == 0)
            chain[nchain++] = variant_files[i];
        else
            fprintf(stderr, "relx-gen-fold: note: %s not found; its variants will not fold\n",
                    path);
    }
    size_t n_var = 0, n_gb = 0;
    if (nchain) {
        iconv_t gb = iconv_open("GB2312", "UTF-8");
        if (gb == (iconv_t)-1)
            die("%s", "iconv cannot convert to GB2312 (needed to filter the variant tables)");
        chain[nchain++] = "TSCharacters.ocd2";
        cc = open_chain(dir, chain, nchain);
        convert_all(cc, var);
        opencc_close(cc);
        for (uint32_t c = 0; c < MAXCP; c++) {
            if (map[c] || !var[c])
                continue;
            if (in_gb2312(gb, c)) {
                n_gb++;
                continue;
            }
            map[c] = var[c];
            n_var++;
        }
        iconv_close(gb);
    }

    /* Follow chains (a -> b -> c becomes a -> c); drop a pair that cycles. */
    size_t n_chained = 0, n_cycles = 0;
    for (uint32_t c = 0; c < MAXCP; c++) {
        var[c] = 0; /* reused: the resolved table */
        if (!map[c])
            continue;
        uint32_t t = map[c];
        int steps = 0;
        while (map[t] && steps < 8) {
            t = map[t];
            steps++;
        }
        if (map[t] || t == c) {
            n_cycles++; /* dropped */
        } else {
            var[c] = t;
            n_chained += steps > 0;
        }
    }
    size_t npairs = 0;
    for (uint32_t c = 0; c < MAXCP; c++) {
        map[c] = var[c];
        npairs += map[c] != 0;
    }

    int bad = 0;
    for (size_t i = 0; i < sizeof must_fold / sizeof must_fold[0]; i++) {
        uint32_t a = first_cp(must_fold[i][0]), b = first_cp(must_fold[i][1]);
        if (map[a] != b) {
            fprintf(stderr, "relx-gen-fold: error: %s (U+%04X) does not fold to %s (U+%04X)\n",
                    must_fold[i][0], (unsigned)a, must_fold[i][1], (unsigned)b);
            bad++;
        }
    }
    if (bad)
        die("%s", "the OpenCC data does not give the expected folds");

    /* Write OUT atomically. */
    size_t plen = strlen(outpath);
    char *tmp = malloc(plen + 8);
    if (!tmp)
        die("%s", "out of memory");
    memcpy(tmp, outpath, plen);
    memcpy(tmp + plen, ".XXXXXX", 8);
    int fd = mkstemp(tmp);
    if (fd < 0)
        die("cannot create a temporary file next to %s", outpath);
    FILE *f = fdopen(fd, "w");
    if (!f)
        die("cannot write %s", tmp);
    fprintf(f, "/* fold_table.c: generated by relx-gen-fold from OpenCC's TSCharacters.ocd2");
    for (size_t i = 0; i + 1 < nchain; i++)
        fprintf(f, "%s%s", i ? ", " : "\n * (with ", chain[i]);
    fprintf(f, "%s. Do not edit.\n * {Traditional, Simplified} code point pairs, sorted by the first. */\n",
            nchain > 1 ? " chained before it)" : "");
    fprintf(f, "#include \"internal.h\"\n\nconst uint32_t rx_ts_pairs[][2] = {\n");
    size_t k = 0;
    for (uint32_t c = 0; c < MAXCP; c++) {
        if (!map[c])
            continue;
        fprintf(f, "%s{0x%04X, 0x%04X},", k % 4 == 0 ? (k ? "\n    " : "    ") : " ", (unsigned)c,
                (unsigned)map[c]);
        k++;
    }
    fprintf(f, "\n};\nconst size_t rx_ts_pairs_count = %zu;\n", npairs);
    if (ferror(f) | (fclose(f) != 0)) {
        remove(tmp);
        die("cannot write %s", tmp);
    }
    if (rename(tmp, outpath) != 0) {
        remove(tmp);
        die("cannot rename the table to %s", outpath);
    }
    fprintf(stderr,
            "relx-gen-fold: %zu pairs (%zu from TSCharacters, %zu from variant tables, %zu "
            "GB 2312 characters kept out, %zu chains followed, %zu cycles dropped) -> %s\n",
            npairs, n_ts, n_var, n_gb, n_chained, n_cycles, outpath);
    free(tmp);
    free(map);
    free(var);
    return 0;
}
