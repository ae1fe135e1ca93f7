/* commands.c: the rule-pack commands `relx check` (compile and run the
 * examples; any failure is exit 2), `relx test` (run the examples; exit 1 on a
 * failure) and `relx rules`.
 * Each gets an engine main.c already built (so rule errors never reach here) and
 * returns an exit code.
 */
#include <stdio.h>

#include "cli/cli.h"

/* Compiling succeeded; an example that fails is a rule error too (exit 2),
 * reported as FILE:LINE:COL with what was expected and found. */
int cli_check(const relx_engine *eng)
{
    size_t n = relx_rule_count(eng), passed = 0, failed = 0;
    relx_status st = relx_run_examples(eng, stderr, &passed, &failed);
    if (st != RELX_OK || failed) {
        if (failed)
            fprintf(stderr, "relx: %zu of %zu examples failed\n", failed, passed + failed);
        else
            fprintf(stderr, "relx: running the examples failed (status %d)\n", (int)st);
        return CLI_EXIT_USAGE;
    }
    fprintf(stderr, "relx: %zu rule%s OK, %zu example%s pass\n", n, n == 1 ? "" : "s", passed,
            passed == 1 ? "" : "s");
    return CLI_EXIT_OK;
}

int cli_test(const relx_engine *eng)
{
    size_t passed = 0, failed = 0;
    relx_status st = relx_run_examples(eng, stdout, &passed, &failed);
    printf("%zu passed, %zu failed\n", passed, failed);
    if (fflush(stdout) != 0)
        return CLI_EXIT_DOC;
    if (st != RELX_OK && failed == 0)
        fprintf(stderr, "relx: running the examples failed (status %d)\n", (int)st);
    return st == RELX_OK && failed == 0 ? CLI_EXIT_OK : CLI_EXIT_DOC;
}

int cli_rules(const relx_engine *eng)
{
    size_t n = relx_rule_count(eng);
    for (size_t i = 0; i < n; i++) {
        relx_rule_info r = {0};
        relx_rule_get(eng, i, &r);
        printf("%s\t%s\t%s:%d\t%d\n", r.id ? r.id : "", r.type ? r.type : "", r.file ? r.file : "",
               r.line, r.priority);
    }
    return fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_DOC;
}
