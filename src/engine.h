/* engine.h: the engine and worker structures, shared by engine.c (building),
 * match.c (running rules), extract.c (the per-document pipeline) and
 * ruletest.c (rule examples). Not part of the public API. */
#ifndef RELX_ENGINE_H
#define RELX_ENGINE_H

#include "internal.h"
#include "trie.h"

/* Per-match bounds (PCRE2 match context): generous for real rules, small enough
 * that a pathological pattern on a bounded sentence gives up in milliseconds. */
#define RX_MATCH_LIMIT 200000u
#define RX_DEPTH_LIMIT 20000u
#define RX_HEAP_LIMIT_KIB 65536u
/* Sentences longer than this (code points) are cut (see sentence.c). */
#define RX_MAX_SENTENCE 1000u

typedef struct rx_trigger {
    const char *text;   /* borrowed from the pattern */
    size_t len;         /* bytes */
    uint64_t *patterns; /* bitset over global pattern numbers that this trigger enables */
} rx_trigger;

struct relx_engine {
    rx_ruleset rules;
    rx_lexicons lex;
    rx_ner *ner;
    /* Global pattern numbering: pattern g is rules[pat_rule[g]].patterns[pat_index[g]]. */
    size_t npatterns;
    size_t *pat_rule, *pat_index;
    size_t pat_words;     /* uint64 words in a pattern bitset */
    rx_trigger *trig;
    size_t ntrig;
    uint64_t *always;     /* patterns with no trigger: run on every sentence */
    rx_trie *trig_trie;   /* all triggers; value 0 of a key's node is its index in trig */
    /* rule r's id as a JSON string (quoted, escaped) is rule_json[rule_json_at[r] ..
     * rule_json_at[r + 1]) (rx_emit_prepare) */
    char *rule_json;
    size_t *rule_json_at;
};

/* One unit of a sentence's matching string: one code point of the text, or one
 * placeholder standing for a whole mention. */
typedef struct rx_unit {
    size_t cp_start, cp_end; /* code points in the document */
    size_t byte_start;       /* in the subject */
    int mention;             /* index into doc->m, or -1 */
} rx_unit;

/* Hooks for `relx explain` (explain.c): when a worker's explain pointer is
 * set, the matcher reports what it does on each sentence. All pointers are
 * borrowed for the duration of the call. */
typedef struct rx_explain_sink {
    void *ctx;
    /* a sentence with a person: its subject (placeholders in it, see match.c),
     * the units mapping subject bytes back to the text, and the bitset of
     * global pattern numbers the prefilter let run */
    void (*sentence)(void *ctx, const rx_doc *doc, size_t sent, const char *subject,
                     size_t subject_len, const struct rx_unit *units, size_t nunits,
                     const uint64_t *patterns_run);
    /* one pattern ran on the sentence: how many raw matches, and the PCRE2
     * error code when it stopped on an error (0 otherwise) */
    void (*attempt)(void *ctx, size_t sent, size_t rule, size_t pattern, size_t matches, int error);
    /* one candidate relation and the overlap verdict: winner is NULL when it
     * was kept, else the candidate that beat it */
    void (*verdict)(void *ctx, const rx_doc *doc, size_t sent, const rx_relation *cand,
                    const rx_relation *winner);
} rx_explain_sink;

struct relx_worker {
    const rx_explain_sink *explain; /* NULL unless explaining */
    const relx_engine *eng;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit_stack;
    relx_rule_stat *stats;
    bool time_rules; /* add up relx_rule_stat.nanos (relx_worker_set_rule_timing) */
    /* scratch, reused across sentences and documents */
    rx_buf subject;
    rx_unit *units;
    size_t nunits, ucap;
    uint32_t *byte_unit; /* subject byte offset -> unit index */
    size_t bucap;
    uint64_t *sent_pats; /* per sentence: bitset of patterns to run */
    size_t spcap;
};

/* engine.c: call fn(ctx, trigger, start, end) for every occurrence of a
 * trigger word in t[from, to) (code points of the matching copy), walking the
 * trigger trie once from each position. */
typedef void (*rx_trigger_fn)(void *ctx, size_t trigger, size_t start, size_t end);
void rx_triggers_each(const relx_engine *eng, const uint32_t *t, size_t from, size_t to,
                      rx_trigger_fn fn, void *ctx);

/* match.c: run the rules over every sentence of doc (entities recognised) and
 * fill doc->rel, the overlap policy applied. Returns 0, -1 when out of memory. */
int rx_match_document(relx_worker *w, rx_doc *doc);

/* decode.c: rx_decode_normalized of a UTF-8 text (no encoding given) that
 * arrives in parts: the JSON Lines reader decodes a string's body straight
 * into code points, its plain runs with rx_text_parts_plain and its escapes
 * with rx_text_parts_cp, and gets what rx_decode_normalized gives for the
 * unescaped bytes (the leading BOM dropped, the script counted). Parts are
 * whole UTF-8 sequences; max_cps bounds the code points of all of them. */
typedef struct rx_text_parts {
    rx_text t;
    size_t cap;
    bool started; /* something came in (the BOM test is done) */
} rx_text_parts;
int rx_text_parts_begin(rx_text_parts *p, size_t max_cps); /* 0, -1 when out of memory */
/* Decode bytes[0, len) up to the first control character (< 0x20), backslash
 * or byte that starts no valid UTF-8 sequence; returns the bytes taken. */
size_t rx_text_parts_plain(rx_text_parts *p, const char *bytes, size_t len);
void rx_text_parts_cp(rx_text_parts *p, uint32_t c);
void rx_text_parts_end(rx_text_parts *p, rx_text *out); /* out owns the arrays */
void rx_text_parts_abort(rx_text_parts *p);

/* extract.c: relx_extract of a text already decoded (rx_text_parts), len its
 * size in UTF-8 bytes (what --max-doc-bytes compares). Takes *text (zeroed). */
relx_status rx_extract_decoded(relx_worker *w, const char *doc_id, rx_text *text, size_t len,
                               const relx_doc_options *opt, char **json_out, size_t *json_len);

/* emit.c: a JSON string from UTF-8 that may be invalid (bad bytes become
 * U+FFFD). New reference; NULL when out of memory. */
struct json_t;
struct json_t *rx_json_text(const char *s);

/* emit.c: the JSON line of a processed document. Caller frees. NULL when out of memory. */
char *rx_emit_document(const relx_engine *eng, const rx_doc *doc, const relx_doc_options *opt,
                       size_t *len);
/* What rx_emit_document writes the same for every document (the rule ids as JSON),
 * once per engine. Returns 0, -1 when out of memory. */
int rx_emit_prepare(relx_engine *eng);

#endif
