/* rulestats.c: `relx rules --stats CORPUS` -- for every rule, how often it ran,
 * matched and produced a relation over a corpus, and the time it took; then the
 * rules that never fired. The counters are the library's (relx_worker_rule_stats),
 * summed over the workers of the run (batch.c).
 *
 *   3 documents
 *   rule                     attempts  matches  emitted  time_ms  where
 *   zh.departure.resign             3        2        2    0.012  rules/zh/departure.rules:4
 *   ...
 *   never fired: 1 of 2 rules
 *     zh.handover  my.rules:1
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

void cli_rule_stats_report(const relx_engine *eng, relx_worker *const *workers, size_t n,
                           uint64_t docs, FILE *out)
{
    size_t nr = relx_rule_count(eng);
    relx_rule_stat *sum = calloc(nr ? nr : 1, sizeof *sum);
    if (!sum) {
        fputs("relx: out of memory\n", stderr);
        return;
    }
    int width = 4;
    for (size_t i = 0; i < nr; i++) {
        relx_rule_info info;
        relx_rule_get(eng, i, &info);
        int l = (int)strlen(info.id ? info.id : "?");
        if (l > width)
            width = l;
        for (size_t w = 0; w < n; w++) {
            const relx_rule_stat *st = workers[w] ? relx_worker_rule_stats(workers[w]) : NULL;
            if (!st)
                continue;
            sum[i].attempts += st[i].attempts;
            sum[i].matches += st[i].matches;
            sum[i].emitted += st[i].emitted;
            sum[i].nanos += st[i].nanos;
        }
    }
    fprintf(out, "%llu document%s\n", (unsigned long long)docs, docs == 1 ? "" : "s");
    fprintf(out, "%-*s %9s %9s %9s %9s  %s\n", width, "rule", "attempts", "matches", "emitted",
            "time_ms", "where");
    size_t never = 0;
    for (size_t i = 0; i < nr; i++) {
        relx_rule_info info;
        relx_rule_get(eng, i, &info);
        fprintf(out, "%-*s %9llu %9llu %9llu %9.3f  %s:%d\n", width, info.id ? info.id : "?",
                (unsigned long long)sum[i].attempts, (unsigned long long)sum[i].matches,
                (unsigned long long)sum[i].emitted, (double)sum[i].nanos / 1e6,
                info.file ? info.file : "?", info.line);
        never += sum[i].matches == 0;
    }
    fprintf(out, "never fired: %zu of %zu rule%s\n", never, nr, nr == 1 ? "" : "s");
    for (size_t i = 0; i < nr; i++) {
        if (sum[i].matches)
            continue;
        relx_rule_info info;
        relx_rule_get(eng, i, &info);
        fprintf(out, "  %-*s  %s:%d\n", width, info.id ? info.id : "?", info.file ? info.file : "?",
                info.line);
    }
    free(sum);
}
