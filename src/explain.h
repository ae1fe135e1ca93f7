/* explain.h: what `relx explain` (explain.c) needs from the rule compiler
 * (rule_compile.c). Not part of the public API.
 *
 * A pattern's near misses are found element by element: for each top-level
 * alternative of the pattern, the regexes of its first 1, 2, ... n top-level
 * elements (a "prefix" regex per element). The longest prefix that matches
 * somewhere in a sentence tells how far the pattern got and which element
 * stopped it.
 */
#ifndef RELX_EXPLAIN_H
#define RELX_EXPLAIN_H

#include "internal.h"

typedef struct rx_step {
    int col;            /* column of the element in the rule file (1-based, code points) */
    char *source;       /* the element as written, with its '?' */
    bool opt;           /* the element is optional */
    pcre2_code *prefix; /* the elements up to and including this one; NULL: did not compile */
} rx_step;

typedef struct rx_steps {
    rx_step *v;
    size_t n;
} rx_steps;

/* The steps of every top-level alternative of pat (a compiled pattern of rule r,
 * lexicons lx as when it was compiled). *out is an array of *nalts (caller frees
 * with rx_steps_free). Returns 0, -1 when out of memory or the pattern no longer
 * parses. Reports nothing. */
int rx_pattern_steps(const rx_rule *r, const rx_pattern *pat, const rx_lexicons *lx, rx_steps **out,
                     size_t *nalts);
void rx_steps_free(rx_steps *v, size_t nalts);

/* extract.c: relx_extract with a hook called on the processed document (rules
 * matched, relations complete) before its JSON line is made. */
struct relx_worker;
relx_status rx_extract_doc(struct relx_worker *w, const char *doc_id, const char *bytes, size_t len,
                           const relx_doc_options *opt, char **json_out, size_t *json_len,
                           void (*hook)(void *ctx, const rx_doc *doc), void *hook_ctx);

#endif
