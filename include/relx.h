/* relx.h: the public API of the relx engine.
 *
 * relx pulls people, organisations and role changes (departures, appointments,
 * successions, ...) out of news text. Rules are compiled once into an engine,
 * which is read-only afterwards and may be shared by any number of threads;
 * each thread extracts through its own worker.
 *
 *     relx_engine *eng;
 *     relx_options opt = {0};
 *     if (relx_engine_new(&opt, &eng) != RELX_OK) exit(2);
 *     relx_worker *w = relx_worker_new(eng);
 *     char *line; size_t len;
 *     relx_extract(w, "a.txt", text, text_len, NULL, &line, &len);
 *     puts(line); free(line);
 *     relx_worker_free(w); relx_engine_free(eng);
 */
#ifndef RELX_H
#define RELX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RELX_VERSION "0.1.0"

/* Status codes. The CLI maps them to exit codes: OK -> 0, DOC -> 1, RULES/USAGE -> 2. */
typedef enum relx_status {
    RELX_OK = 0,
    RELX_EDOC = 1,     /* the document failed; the returned line is an error line */
    RELX_ERULES = 2,   /* rule files or lexicons have errors (diagnostics printed) */
    RELX_EUSAGE = 3,   /* bad argument to an API call */
    RELX_ENOMEM = 4,
    RELX_EIO = 5
} relx_status;

typedef struct relx_engine relx_engine;
typedef struct relx_worker relx_worker;

/* How an engine is built. Zero-initialise, then set what you need. */
typedef struct relx_options {
    const char *const *rule_paths; /* extra rule files or folders (a folder's *.rules and lexicon/ *.txt) */
    size_t n_rule_paths;
    bool no_default_rules;         /* drop the rule pack compiled into the library */
    FILE *diag;                    /* where rule diagnostics go; NULL means stderr */
    bool diag_color;               /* colour the diagnostics (for a terminal) */
} relx_options;

/* Per-document settings. NULL (or zeroed) means defaults. */
typedef struct relx_doc_options {
    const char *date;          /* publication date YYYY-MM-DD; NULL: look in the text */
    const char *encoding;      /* "utf-8" (default, BOM sniffed), "utf-16le", "utf-16be", "big5", "gbk", "gb18030" */
    const char *lang;          /* force "zh-Hant", "zh-Hans" or "en"; NULL: detect */
    size_t max_doc_bytes;      /* 0: no limit; a larger document gets an error line */
    bool trace;                /* add rule location and slot spans to every relation */
    bool denied;               /* also output the changes the text denies (modality "denied");
                                  by default a denied change is no relation */
    const char *meta_json;     /* a serialised JSON value copied to the output as "meta" */
} relx_doc_options;

/* Build an engine from the built-in rule pack and opt->rule_paths.
 * On RELX_ERULES the diagnostics were written to opt->diag and *out is NULL.
 * The caller frees *out with relx_engine_free. */
relx_status relx_engine_new(const relx_options *opt, relx_engine **out);

/* Free an engine (NULL is fine). No worker of it may be in use. */
void relx_engine_free(relx_engine *eng);

/* A worker holds one thread's scratch space. Caller frees with relx_worker_free.
 * Returns NULL when out of memory. */
relx_worker *relx_worker_new(const relx_engine *eng);
void relx_worker_free(relx_worker *w);

/* Extract one document. *json_out receives one JSON object (no newline), which
 * the caller frees with free(); *json_len its length. Returns RELX_OK, or
 * RELX_EDOC when the document failed, in which case *json_out holds
 * {"doc":..., "error":{"code":..., "message":...}}. Only RELX_ENOMEM and
 * RELX_EUSAGE leave *json_out NULL. */
relx_status relx_extract(relx_worker *w, const char *doc_id, const char *bytes, size_t len,
                         const relx_doc_options *dopt, char **json_out, size_t *json_len);

/* The error line for a document that could not even be read (unreadable file,
 * binary file, ...). Caller frees the result; NULL when out of memory. */
char *relx_error_line(const char *doc_id, const char *code, const char *message);

/* One loaded rule, borrowed from the engine (valid until relx_engine_free). */
typedef struct relx_rule_info {
    const char *id;
    const char *type;     /* relation type */
    const char *file;
    int line;
    int priority;
    size_t n_examples;
} relx_rule_info;

size_t relx_rule_count(const relx_engine *eng);
/* Fills *info for rule i (0 <= i < relx_rule_count). */
void relx_rule_get(const relx_engine *eng, size_t i, relx_rule_info *info);

/* Run every example written in the rule files. Each failure is printed to out as
 * FILE:LINE: ... with expected and actual. Counts are returned through passed/failed. */
relx_status relx_run_examples(const relx_engine *eng, FILE *out, size_t *passed, size_t *failed);

/* Per-rule counters a worker accumulated (for --stats). */
typedef struct relx_rule_stat {
    uint64_t attempts;   /* sentences the rule ran on (after the prefilter) */
    uint64_t matches;    /* raw matches */
    uint64_t emitted;    /* relations that survived the overlap policy */
    uint64_t nanos;      /* time spent matching */
} relx_rule_stat;

/* Borrowed array of relx_rule_count(eng) counters, valid until relx_worker_free. */
const relx_rule_stat *relx_worker_rule_stats(const relx_worker *w);

/* Whether the worker times its rules (relx_rule_stat.nanos): on for a new
 * worker. Off saves two clock reads per rule run on a sentence; nanos then
 * stays where it was (the other counters go on counting). */
void relx_worker_set_rule_timing(relx_worker *w, bool on);

/* Library version string. */
const char *relx_version(void);

/* ---------------------------------------------------------------- explain */

/* What `relx explain` shows. Zero-initialise, then set what you need. */
typedef struct relx_explain_options {
    const char *rule;   /* only this rule id; its patterns are analysed even where the
                           prefilter skipped them. NULL: every pattern that ran */
    size_t sentence;    /* only sentence N (1-based, as numbered in the output); 0: all */
    bool json;          /* one JSON object per document (one line) instead of text */
    bool color;         /* ANSI colours in the text form (for a terminal) */
} relx_explain_options;

/* Extract one document as relx_extract does and write to out, for every sentence:
 * the mentions found, the trigger words present, every pattern that ran (matched
 * or not), each match with its arguments and its fate under the overlap policy,
 * and for patterns that did not match, the longest run of their top-level
 * elements that matches and the element (FILE:LINE:COL) where matching stopped.
 * Returns RELX_OK; RELX_EDOC when the document failed (the error is written to
 * out); RELX_EUSAGE for an unknown eopt->rule; RELX_ENOMEM. */
relx_status relx_explain(relx_worker *w, const char *doc_id, const char *bytes, size_t len,
                         const relx_doc_options *dopt, const relx_explain_options *eopt, FILE *out);

/* The index of the rule with this id, or -1. */
long relx_rule_find(const relx_engine *eng, const char *id);

#ifdef __cplusplus
}
#endif
#endif
