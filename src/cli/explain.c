/* explain.c: `relx explain [FILE...]` -- reads documents like extract (files,
 * folders with -r, JSON Lines, stdin) and, one document at a time on one worker,
 * prints what relx_explain says about each. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

int cli_explain(const cli_opts *o, const relx_engine *eng)
{
    if (o->rule_id && relx_rule_find(eng, o->rule_id) < 0)
        return cli_usage_error(o->cmd, "--rule: no rule '%s' is loaded (relx rules lists them)",
                               o->rule_id);
    relx_explain_options eo = {0};
    eo.rule = o->rule_id;
    eo.sentence = o->sentence;
    eo.json = o->json;
    eo.color = !o->json && (o->color > 0 || (o->color < 0 && isatty(1) && !getenv("NO_COLOR")));
    relx_doc_options dopt = {0};
    dopt.date = o->date;
    dopt.encoding = o->jsonl ? NULL : o->encoding;
    dopt.lang = o->lang;
    dopt.max_doc_bytes = o->max_doc_bytes;
    dopt.denied = o->denied;

    relx_worker *w = relx_worker_new(eng);
    relx_worker_set_rule_timing(w, false); /* explain shows no rule times */
    cli_input *in = w ? cli_input_new(o, NULL) : NULL;
    if (!w || !in) {
        fputs("relx: out of memory\n", stderr);
        relx_worker_free(w);
        return CLI_EXIT_DOC;
    }
    int code = CLI_EXIT_OK;
    for (;;) {
        cli_doc *d = NULL;
        int rc = cli_input_next(in, &d);
        if (rc == 0)
            break;
        if (rc < 0 || cli_doc_parse_jsonl(d) != 0) {
            fputs("relx: out of memory\n", stderr);
            cli_doc_free(d);
            code = CLI_EXIT_DOC;
            break;
        }
        if (d->line) { /* unreadable, or a bad JSON line: its error line */
            if (o->json)
                printf("%.*s\n", (int)d->line_len, d->line);
            else
                printf("doc %s: %.*s\n\n", d->id ? d->id : "-", (int)d->line_len, d->line);
            code = CLI_EXIT_DOC;
        } else {
            dopt.meta_json = d->meta;
            relx_status st = relx_explain(w, d->id, d->bytes, d->len, &dopt, &eo, stdout);
            if (st != RELX_OK)
                code = CLI_EXIT_DOC;
            if (st == RELX_ENOMEM) {
                fputs("relx: out of memory\n", stderr);
                cli_doc_free(d);
                break;
            }
        }
        cli_doc_free(d);
        if (ferror(stdout))
            break;
    }
    cli_input_free(in);
    relx_worker_free(w);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (errno == EPIPE) /* `relx explain x | head` ends quietly */
            return code;
        fprintf(stderr, "relx: write error: %s\n", strerror(errno));
        return CLI_EXIT_DOC;
    }
    return code;
}
