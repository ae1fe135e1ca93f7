/* fuzz_rules.c: libFuzzer target for the rule language. The input bytes are one
 * rule file; it is parsed (rule_parse.c) and, when it parses cleanly, compiled
 * to PCRE2 (rule_compile.c) against the lexicons of the built-in rule pack, so
 * that @lexicon references resolve. Every pattern that compiles is then run,
 * with the engine's match limits, over a few sentences made of placeholders and
 * words, to check that the generated regex is usable.
 *
 * Diagnostics go to /dev/null: any input may be rejected, none may crash, hang
 * or leak.
 *
 *   clang -fsanitize=fuzzer,address,undefined ... (see tests/fuzz/CMakeLists.txt)
 *   ./fuzz_rules -dict=tests/fuzz/rules.dict tests/fuzz/corpus/rules
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

static rx_lexicons lexicons;
static FILE *devnull;
static pcre2_match_context *mctx;
static pcre2_match_data *md;

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    devnull = fopen("/dev/null", "w");
    if (!devnull)
        abort();
    rx_diag d = {.out = devnull};
    for (size_t i = 0; i < rx_rulepack_count; i++) {
        const char *path = rx_rulepack[i].path;
        if (!ends_with(path, ".txt"))
            continue;
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        char *name = rx_strndup(base, strlen(base) - 4);
        if (!name)
            abort();
        rx_lexicon_parse(&lexicons, name, path, rx_rulepack[i].data, rx_rulepack[i].len, &d);
        free(name);
    }
    if (d.errors)
        abort(); /* the built-in lexicons must load */
    mctx = pcre2_match_context_create(NULL);
    md = pcre2_match_data_create(64, NULL);
    if (!mctx || !md)
        abort();
    pcre2_set_match_limit(mctx, RX_MATCH_LIMIT);
    pcre2_set_depth_limit(mctx, RX_DEPTH_LIMIT);
    pcre2_set_heap_limit(mctx, RX_HEAP_LIMIT_KIB);
    return 0;
}

/* Subjects as match.c builds them: mentions are single private-use code points. */
static const char *const subjects[] = {
    "\xee\x80\x81 \xe5\xae\xa3\xe5\xb8\x83\xe7\xa6\xbb\xe8\x81\x8c\xe3\x80\x82", /* P 宣布离职。 */
    "\xee\x80\x82 named \xee\x80\x81 as \xee\x80\x83.",                          /* O named P as R. */
    "\xee\x80\x81\xe3\x80\x81\xee\x80\x81\xe5\x92\x8c\xee\x80\x81 steps down",    /* P、P和P steps down */
    "",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rx_ruleset rs = {0};
    rx_diag d = {.out = devnull};
    rx_rules_parse(&rs, "fuzz.rules", (const char *)data, size, &d);
    if (d.errors == 0)
        rx_rules_compile(&rs, &lexicons, &d);
    if (d.errors == 0) {
        for (size_t r = 0; r < rs.n; r++)
            for (size_t p = 0; p < rs.rules[r].npatterns; p++) {
                const rx_pattern *pat = &rs.rules[r].patterns[p];
                if (!pat->code)
                    abort(); /* compiled without errors, so every pattern has code */
                for (size_t s = 0; s < sizeof subjects / sizeof *subjects; s++)
                    pcre2_match(pat->code, (PCRE2_SPTR)subjects[s], strlen(subjects[s]), 0, 0, md,
                                mctx);
            }
    }
    rx_ruleset_free(&rs);
    return 0;
}
