/* test_jsonl_fast.c: the fast JSON Lines decoder (src/cli/jsonl_fast.c) against
 * jansson. Whenever the fast path accepts a line, its id and text must be what
 * jansson makes of the same line, byte for byte; the fast path may decline any
 * line (jansson then decides), but must accept the plain ones.
 *
 *   {"id":"a","text":"x\u00e9\ud83d\ude00 \u5f35"}   accepted, text = "xé😀 張"
 *   {"id":"a","text":"\udc00"}                          declined (lone surrogate)
 *
 * Besides fixed cases, strings built from random pieces (ASCII runs long enough
 * for the word-at-a-time scan, CJK, escapes, invalid bytes, control bytes, quotes
 * and backslash runs) at random alignments. Prints failures and "N passed, M
 * failed"; exit status 1 when anything failed. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/jsonl_fast.c"

static int passed, failed;

/* What jansson makes of line: 1 with id (string or integer as text) and text
 * (malloc'd), 0 when it is not an {"id","text"} object. */
static int reference(const char *line, size_t n, char **id, char **text, size_t *tlen)
{
    json_error_t e;
    json_t *root = json_loadb(line, n, JSON_ALLOW_NUL, &e);
    int ok = 0;
    if (root && json_is_object(root) && json_object_size(root) == 2) {
        json_t *ji = json_object_get(root, "id"), *jt = json_object_get(root, "text");
        if (ji && json_is_string(jt)) {
            char buf[32];
            if (json_is_string(ji))
                *id = strdup(json_string_value(ji));
            else if (json_is_integer(ji)) {
                snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(ji));
                *id = strdup(buf);
            } else
                *id = NULL;
            *tlen = json_string_length(jt);
            *text = malloc(*tlen + 1);
            memcpy(*text, json_string_value(jt), *tlen);
            ok = *id != NULL;
        }
    }
    json_decref(root);
    return ok;
}

/* Run both decoders on line; must_accept: the fast path has to take it. */
static void check(const char *line, size_t n, bool must_accept, const char *what)
{
    char *fid, *ftext, *rid = NULL, *rtext = NULL;
    size_t flen = 0, rlen = 0;
    int f = cli_jsonl_fast(line, n, &fid, &ftext, &flen);
    int r = reference(line, n, &rid, &rtext, &rlen);
    bool ok = true;
    if (f < 0)
        ok = false;
    else if (f > 0)
        ok = r && !strcmp(fid, rid) && flen == rlen && !memcmp(ftext, rtext, flen) &&
             ftext[flen] == '\0';
    else
        ok = !must_accept;
    if (ok)
        passed++;
    else {
        failed++;
        fprintf(stderr, "%s: fast %d, jansson %d on %.*s\n", what, f, r, (int)(n < 200 ? n : 200),
                line);
    }
    if (f > 0) {
        free(fid);
        free(ftext);
    }
    free(rid);
    free(rtext);
}

static void check_str(const char *line, bool must_accept)
{
    check(line, strlen(line), must_accept, "fixed");
}

static void fixed_cases(void)
{
    check_str("{\"id\":\"a\",\"text\":\"plain ascii text that is longer than eight\"}", true);
    check_str("{\"id\":\"a\",\"text\":\"x\\u00e9\\ud83d\\ude00 \\u5f35\"}", true);
    check_str("{\"id\":7,\"text\":\"\\\"q\\\" \\/ \\\\ \\b\\f\\n\\r\\t\"}", true);
    check_str("{\"id\":\"a\",\"text\":\"\xe5\x85\xac\xe5\x8f\xb8 \xc3\xa9 \xf0\x9f\x98\x80\"}", true);
    check_str("{\"id\":\"a\",\"text\":\"\\\\\\\\\"}", true);          /* "\\\\" */
    check_str("{\"id\":\"a\",\"text\":\"ends in backslash \\\\\"}", true);
    check_str("{\"id\":\"a\",\"text\":\"\"}", true);
    check_str("{\"id\":\"a\",\"text\":\"\\udc00\"}", false);          /* lone low */
    check_str("{\"id\":\"a\",\"text\":\"\\ud800 x\"}", false);        /* lone high */
    check_str("{\"id\":\"a\",\"text\":\"\\u0000\"}", false);
    check_str("{\"id\":\"a\",\"text\":\"tab\there\"}", false);        /* raw control */
    check_str("{\"id\":\"a\",\"text\":\"bad \xff byte\"}", false);
    check_str("{\"id\":\"a\",\"text\":\"over \xc0\xaf long\"}", false);
    check_str("{\"id\":\"a\",\"text\":\"surrogate \xed\xa0\x80\"}", false);
    check_str("{\"id\":\"a\",\"text\":\"cut \xe5\x85\"}", false);
    check_str("{\"id\":\"a\",\"text\":\"unterminated", false);
    check_str("{\"id\":\"a\",\"text\":\"escaped quote at end\\\"}", false);
    check_str("{\"id\":\"a\",\"text\":\"bad escape \\x\"}", false);
    check_str("{\"id\":\"a\",\"text\":\"short \\u12\"}", false);
    /* the whole line is one byte too short for a word at the end */
    check_str("{\"id\":\"a\",\"text\":\"abcdefg\"}", true);
}

static unsigned long long rng = 0x9E3779B97F4A7C15ull;
static unsigned next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng >> 11);
}

/* Pieces of string body; the first NPLAIN are valid JSON string content. */
static const char *const pieces[] = {
    "a", "The quick brown fox jumps", "0123456789abcdef", " ", "\xe5\x85\xac",
    "\xe5\x8f\xb8\xe7\x9a\x84", "\xc3\xa9", "\xf0\x9f\x98\x80", "\xe0\xa4\x85", "\xed\x9f\xbf",
    "\\n", "\\\"", "\\\\", "\\/", "\\t", "\\u5f35", "\\u00e9", "\\ud83d\\ude00", "\\u0041",
    "\x7f", "~}|{",
    /* invalid from here */
    "\\udc00", "\\ud800", "\\u0000", "\x01", "\x1f", "\xff", "\xc0\xaf", "\xe5\x85",
    "\xed\xa0\x80", "\xf4\x90\x80\x80", "\x80", "\\", "\\q", "\\u12g4",
};
#define NPLAIN 21
#define NPIECES (sizeof pieces / sizeof pieces[0])

/* Append a random piece (one of the first `among`) to b at w; the new length. */
static size_t piece(char *b, size_t w, size_t among)
{
    const char *p = pieces[next() % among];
    size_t l = strlen(p);
    memcpy(b + w, p, l);
    return w + l;
}

static void random_cases(void)
{
    char *line = malloc(8192);
    for (int round = 0; round < 20000; round++) {
        /* a random alignment of the text within the line */
        size_t w = (size_t)sprintf(line, "{\"id\":\"r%d\",%*s\"text\":\"", round,
                                   (int)(next() % 8), "");
        int n = (int)(next() % 24);
        for (int k = 0; k < n; k++)
            w = piece(line, w, NPIECES);
        memcpy(line + w, "\"}", 2);
        check(line, w + 2, false, "random");
    }
    /* valid pieces only: the fast path must take them all */
    for (int round = 0; round < 5000; round++) {
        size_t w = (size_t)sprintf(line, "{\"text\":\"%*s", (int)(next() % 8), "");
        int n = (int)(next() % 24);
        for (int k = 0; k < n; k++)
            w = piece(line, w, NPLAIN);
        w += (size_t)sprintf(line + w, "\",\"id\":%d}", round);
        check(line, w, true, "plain");
    }
    free(line);
}

int main(void)
{
    fixed_cases();
    random_cases();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
