/* cli.h: what the modules of the relx command line share (src/cli only, never
 * installed). The command line uses nothing of the library but include/relx.h.
 *
 *   main.c      argv -> cli_opts, dispatch, status -> exit code
 *   help.c      usage and help texts
 *   commands.c  `check`, `test`, `rules`
 *   explain.c   `explain`: why rules matched or not, sentence by sentence
 *   diff.c      `diff`: relations added and removed between two outputs
 *   rulestats.c `rules --stats CORPUS`: per-rule counters over a corpus
 *   input.c     files, folders (-r), --files-from, stdin, JSONL -> a stream of cli_doc
 *   batch.c     `extract`: reader thread -> bounded queue -> workers -> ordered writer
 *   output.c    the single write path to stdout (buffering, flushing, EPIPE)
 *   stats.c     --stats summary and the --progress line
 *
 * Data flows one way: cli_input_next() hands out a cli_doc holding the text;
 * a worker replaces the text by the output line; the writer prints lines in
 * sequence order and frees the cli_doc.
 */
#ifndef RELX_CLI_H
#define RELX_CLI_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "relx.h"

#define CLI_DEFAULT_MAX_DOC_BYTES ((size_t)64 << 20)

/* Exit codes of the command line. */
enum { CLI_EXIT_OK = 0, CLI_EXIT_DOC = 1, CLI_EXIT_USAGE = 2 };

/* What `extract` ended with; main.c maps it to an exit code. */
typedef enum cli_result {
    CLI_RUN_OK = 0,      /* every document extracted (or the consumer closed the pipe) */
    CLI_RUN_DOCFAIL,     /* at least one error line was written */
    CLI_RUN_WRITE_ERR,   /* stdout failed (message printed) */
    CLI_RUN_NOMEM        /* out of memory (message printed) */
} cli_result;

typedef enum cli_cmd { CLI_CMD_NONE, CLI_CMD_EXTRACT, CLI_CMD_CHECK, CLI_CMD_TEST,
                       CLI_CMD_RULES, CLI_CMD_HELP, CLI_CMD_EXPLAIN, CLI_CMD_DIFF } cli_cmd;

/* Everything the command line was asked to do. Strings are borrowed from argv. */
typedef struct cli_opts {
    cli_cmd cmd;
    const char **rules;          /* --rules, in order */
    size_t n_rules;
    bool no_default_rules;
    const char *date, *encoding, *lang;
    bool trace, denied, pretty, recursive, jsonl, stats;
    const char **globs;          /* --glob, matched against basenames while walking */
    size_t n_globs;
    const char *files_from;      /* --files-from LIST ("-" = stdin) */
    int jobs;                    /* -j; >= 1 */
    size_t max_doc_bytes;        /* --max-doc-bytes; >= 1 */
    int progress;                /* -1 auto (stderr is a terminal), 0 off, 1 on */
    const char **paths;          /* FILE... operands */
    size_t n_paths;
    const char *help_topic;      /* `relx help TOPIC` */
    const char *rule_id;         /* explain --rule ID */
    size_t sentence;             /* explain --sentence N (0: all) */
    bool json;                   /* explain --json */
    int color;                   /* explain: -1 auto (stdout is a terminal), 0 off, 1 on */
} cli_opts;

/* One document on its way through the pipeline. */
typedef struct cli_doc {
    uint64_t seq;           /* position in the input order (assigned by batch.c) */
    char *id;               /* doc id: path, "-", the JSONL id, or "line:N" */
    char *bytes;            /* the text (not NUL-terminated); NULL once extracted */
    size_t len;             /* of bytes, or of text's UTF-8 */
    struct rx_text *text;   /* or the text decoded already (cli_doc_parse_jsonl_decoded) */
    char *meta;             /* JSONL: compact JSON object of the other fields, or NULL */
    size_t in_bytes;        /* bytes this document took in the input (stats, progress) */
    char *line;             /* the output (no trailing newline); set early for read errors */
    size_t line_len;
    bool failed;            /* line is an error line */
    bool raw_jsonl;         /* bytes is a JSONL line still to be parsed (id is "line:N") */
    size_t cost;            /* bytes batch.c accounts to this document while in flight */
    struct cli_doc *next;   /* next document of the same chunk (batch.c) */
} cli_doc;

/* Free a document and everything it owns (NULL is fine). */
void cli_doc_free(cli_doc *d);

/* ------------------------------------------------------------------ input.c */

typedef struct cli_input cli_input;

/* Open the inputs o describes (borrowed; must outlive the result). stop, if not
 * NULL, is polled while waiting on a pipe so that a stopped run does not hang on
 * stdin. Returns NULL when out of memory. Caller frees with cli_input_free. */
cli_input *cli_input_new(const cli_opts *o, atomic_bool *stop);
/* The next document, in input order: 1 and *out (caller frees with cli_doc_free),
 * 0 at the end, -1 when out of memory. Unreadable inputs come back as documents
 * whose line is already an error line. */
int cli_input_next(cli_input *in, cli_doc **out);
/* Whether the next document can be had without waiting on a pipe or terminal
 * (false when the line reader has no complete line buffered and the pipe is empty). */
bool cli_input_ready(cli_input *in);
/* Parse a JSONL document (raw_jsonl) into id, text and meta, or make it an error
 * line (bad_json, missing_id, bad_id, missing_text). Nothing to do for other
 * documents. Thread-safe. Returns 0, or -1 when out of memory. */
int cli_doc_parse_jsonl(cli_doc *d);
/* The same, but a line the fast path reads (jsonl_fast.c) has its text decoded
 * straight into d->text (bytes NULL, len its size in UTF-8) for
 * rx_extract_decoded. */
int cli_doc_parse_jsonl_decoded(cli_doc *d);
/* Total bytes of the input when known up front (only named regular files), else -1. */
int64_t cli_input_total(const cli_input *in);
/* Free an input (NULL is fine); closes what it opened. */
void cli_input_free(cli_input *in);

/* ------------------------------------------------------------------ output.c */

typedef struct cli_out cli_out;
enum { CLI_OUT_OK = 0, CLI_OUT_CLOSED = 1, CLI_OUT_ERROR = 2 };

/* A buffered writer on fd. Returns NULL when out of memory. */
cli_out *cli_out_new(int fd);
/* Queue line + '\n' (the line is copied whole, or written whole by one call).
 * Returns CLI_OUT_OK, CLI_OUT_CLOSED once the reader closed the pipe (quietly), or
 * CLI_OUT_ERROR after printing "relx: write error: ..." to stderr. */
int cli_out_line(cli_out *o, const char *line, size_t len);
/* Write out what is buffered; same returns as cli_out_line. */
int cli_out_flush(cli_out *o);
/* Bytes queued but not yet written. */
size_t cli_out_pending(const cli_out *o);
/* Free the writer without flushing (NULL is fine). */
void cli_out_free(cli_out *o);

/* ------------------------------------------------------------------ stats.c */

/* Relation counts by type; each worker keeps its own, merged at the end. */
typedef struct cli_relcount {
    char **type;
    uint64_t *n;
    size_t len, cap;
} cli_relcount;

/* Add the relations of one output line (parsed with jansson) to rc. */
void cli_relcount_add_line(cli_relcount *rc, const char *line, size_t len);
/* Add every count of from to into. */
void cli_relcount_merge(cli_relcount *into, const cli_relcount *from);
/* Free the counts (the struct itself is the caller's). */
void cli_relcount_clear(cli_relcount *rc);

typedef struct cli_stats {
    uint64_t docs, bytes, errors;
    double t0;                 /* monotonic seconds at start */
    bool progress;             /* draw the progress line */
    int64_t total;             /* total input bytes, -1 when unknown */
    double last_draw;
    bool drawn;
} cli_stats;

/* Monotonic clock in seconds. */
double cli_now(void);
/* Start counting; progress says whether to draw the progress line on stderr. */
void cli_stats_start(cli_stats *s, bool progress, int64_t total);
/* Count one written document and redraw the progress line when due. */
void cli_stats_doc(cli_stats *s, const cli_doc *d);
/* Erase the progress line, if one was drawn. */
void cli_stats_end_progress(cli_stats *s);
/* Print the --stats summary to err: counts, throughput, relations by type, and the
 * per-rule counters summed over the n workers (borrowed). */
void cli_stats_report(const cli_stats *s, const cli_relcount *rc, const relx_engine *eng,
                      relx_worker *const *workers, size_t n, FILE *err);

/* ------------------------------------------------------------------ batch.c */

/* Run `extract` as o says with engine eng. Prints its own fatal messages. */
cli_result cli_extract(const cli_opts *o, const relx_engine *eng);

/* ------------------------------------------------------------------ commands.c */

/* `relx check`: print "relx: N rules OK" to stderr. Returns CLI_EXIT_OK. */
int cli_check(const relx_engine *eng);
/* `relx test`: run the rule examples, print "N passed, M failed"; 0 or 1. */
int cli_test(const relx_engine *eng);
/* `relx rules`: one tab-separated line per rule on stdout; 0, or 1 on a write error. */
int cli_rules(const relx_engine *eng);

/* ------------------------------------------------------------------ explain.c */

/* `relx explain`: explain every input document on stdout; 0, 1 when a document
 * failed or on a write error, 2 for an unknown --rule. */
int cli_explain(const cli_opts *o, const relx_engine *eng);

/* ------------------------------------------------------------------ diff.c */

/* `relx diff OLD NEW` (o->paths): 0 when the relations are the same, 1 when
 * they differ, 2 when a file cannot be read or is not relx output. */
int cli_diff(const cli_opts *o);

/* ------------------------------------------------------------------ rulestats.c */

/* `relx rules --stats CORPUS`: the per-rule counters of the n workers (summed)
 * over docs documents, on out. */
void cli_rule_stats_report(const relx_engine *eng, relx_worker *const *workers, size_t n,
                           uint64_t docs, FILE *out);

/* ------------------------------------------------------------------ help.c */

/* Print the help of a command (NULL: the overview) to out. Returns false for an
 * unknown topic. */
bool cli_help(FILE *out, const char *topic);
/* "relx: MSG" and a hint pointing at the help of cmd, on stderr. Returns CLI_EXIT_USAGE. */
int cli_usage_error(cli_cmd cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* The name of a command ("extract", ...). */
const char *cli_cmd_name(cli_cmd cmd);

/* jsonl_fast.c: decode {"id": ..., "text": ...} without jansson. Returns 1 with
 * *id and *text (malloc'd; caller frees), 0 when the line needs the full
 * parser (other members, unusual values, anything jansson might reject), -1
 * when out of memory. */
int cli_jsonl_fast(const char *s, size_t n, char **id, char **text, size_t *text_len);
/* The same, with the text decoded into *text (as rx_decode_normalized would
 * decode the string's UTF-8; rx_text_free) and *text_len its UTF-8 size. */
struct rx_text;
int cli_jsonl_fast_decoded(const char *s, size_t n, char **id, struct rx_text *text, size_t *text_len);

#endif
