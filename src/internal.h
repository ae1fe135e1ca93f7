/* internal.h: types shared by the engine's modules. Never installed.
 *
 * Data flows one way through the pipeline of one document:
 *
 *   bytes --decode.c--> rx_text.cp (code points as given)
 *         --normalize.c--> rx_text.norm (matching copy, one code point per original)
 *         --sentence.c--> rx_doc.sent (sentence spans)
 *         --date.c--> rx_doc.dates (date expressions, resolved against the publication date)
 *         --entity.c + resolve.c--> rx_doc.m (mentions) and rx_doc.e (entities)
 *         --match.c--> rx_doc.rel (relations, overlap policy applied)
 *         --emit.c--> one JSON line
 *
 * All offsets inside the engine are code point offsets into the document
 * (rx_text.cp); the matching copy has the same length, so an offset into it is an
 * offset into the original.
 */
#ifndef RELX_INTERNAL_H
#define RELX_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "relx.h"

#if defined(__GNUC__)
#define RX_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define RX_PRINTF(a, b)
#endif

/* ------------------------------------------------------------------ util.c */

/* Grow *ptr (an array of elem-sized items with capacity *cap) to hold at least
 * need items. Returns false when out of memory (then *ptr is unchanged). */
bool rx_grow(void **ptr, size_t *cap, size_t need, size_t elem);
#define RX_GROW(arr, cap, need) rx_grow((void **)&(arr), &(cap), (need), sizeof *(arr))

/* Caller frees. NULL when out of memory (or s is NULL). */
char *rx_strdup(const char *s);
char *rx_strndup(const char *s, size_t n);

/* Encode one code point as UTF-8 into out (4 bytes room); returns the byte count. */
size_t rx_utf8_encode(uint32_t cp, char *out);
/* Decode the code point at s[*i] (s is len bytes), advancing *i; invalid bytes give
 * U+FFFD and advance by one. */
uint32_t rx_utf8_next(const char *s, size_t len, size_t *i);
/* Number of code points in a UTF-8 string (invalid bytes count one each). */
size_t rx_utf8_count(const char *s, size_t len);
/* Is t[s, e) one of words[0..n) (lower-case ASCII), ignoring ASCII case? */
bool rx_ascii_word_in(const uint32_t *t, size_t s, size_t e, const char *const *words, size_t n);

/* A growable byte string, always NUL-terminated when s != NULL. */
typedef struct rx_buf {
    char *s;
    size_t len, cap;
    bool oom; /* set once an append failed; later appends do nothing */
} rx_buf;
void rx_buf_add(rx_buf *b, const char *s, size_t n);
void rx_buf_adds(rx_buf *b, const char *s);
void rx_buf_addc(rx_buf *b, char c);
void rx_buf_addcp(rx_buf *b, uint32_t cp); /* one code point as UTF-8 */
void rx_buf_printf(rx_buf *b, const char *fmt, ...) RX_PRINTF(2, 3);
void rx_buf_free(rx_buf *b);

/* A list of owned strings (warnings, ...). */
typedef struct rx_strlist {
    char **items;
    size_t n, cap;
} rx_strlist;
void rx_strlist_addf(rx_strlist *l, const char *fmt, ...) RX_PRINTF(2, 3);
void rx_strlist_free(rx_strlist *l);

/* Damerau distance between two code point strings, capped: 0 (equal), 1 (one
 * insertion, deletion, substitution or swap of neighbours) or 2 (more). */
int rx_edit_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb);

/* Monotonic clock in nanoseconds. */
uint64_t rx_now_ns(void);

/* ------------------------------------------------------------------ diag.c */

/* Rule and lexicon diagnostics, printed like a compiler's:
 *   rules/zh/x.rules:12:7: error: unknown slot type 'PERSN'
 *       pattern: {PERSN} 宣布離職
 *                 ^
 * line_text is the whole source line (without newline) or NULL; col is 1-based,
 * counted in code points. */
typedef struct rx_diag {
    FILE *out;
    bool color;
    int errors;
    int warnings;
} rx_diag;
void rx_diag_error(rx_diag *d, const char *file, int line, int col, const char *line_text,
                   const char *fmt, ...) RX_PRINTF(6, 7);
void rx_diag_warning(rx_diag *d, const char *file, int line, int col, const char *line_text,
                     const char *fmt, ...) RX_PRINTF(6, 7);

/* ------------------------------------------------------------------ decode.c */

/* What language detection needs to know of a text (see lang.c), counted over
 * its original code points. */
typedef struct rx_script_count {
    size_t latin;  /* Latin letters */
    size_t han[3]; /* Han characters by rx_script_class: neither, Traditional-only,
                      Simplified-only */
} rx_script_count;

typedef struct rx_text {
    uint32_t *cp;   /* the document's code points, as given (a leading BOM removed) */
    uint32_t *norm; /* the matching copy: norm[i] is the folded form of cp[i] */
    size_t n;
    size_t invalid;         /* invalid byte sequences that were read as U+FFFD */
    rx_script_count script; /* of cp, counted by rx_decode */
} rx_text;

/* Decode len bytes into out->cp (out->norm is left NULL; see rx_text_normalize).
 * encoding NULL or "utf-8": UTF-8, a UTF-8 BOM is dropped and a UTF-16 BOM switches
 * to UTF-16. Also "utf-16le", "utf-16be", and legacy encodings through iconv
 * ("big5", "gbk", "gb18030"). Invalid sequences become U+FFFD (counted in
 * out->invalid). Also counts out->script for rx_lang_of_script.
 * Returns 0, or -1 with *err_code and *err_msg set to static strings
 * ("unknown_encoding", "out_of_memory", ...). Free with rx_text_free. */
int rx_decode(const char *bytes, size_t len, const char *encoding, rx_text *out,
              const char **err_code, const char **err_msg);
/* rx_decode and rx_text_normalize in one: also fills out->norm, in the same pass
 * over the bytes for UTF-8. The same results and errors as the two in turn. */
int rx_decode_normalized(const char *bytes, size_t len, const char *encoding, rx_text *out,
                         const char **err_code, const char **err_msg);
void rx_text_free(rx_text *t);

/* ------------------------------------------------------------------ normalize.c */

/* The folding tables are generated at build time (tools/gen_fold.c from
 * OpenCC's character table, tools/gen_norm.c from utf8proc's compatibility
 * mappings): nothing to initialise. */

/* The matching form of one code point: full-width and compatibility forms that
 * decompose to one code point are replaced by it (Ａ -> A, ， -> ,), then
 * Traditional characters fold to Simplified (離 -> 离). Case is kept. */
uint32_t rx_norm_cp(uint32_t c);
/* Fill t->norm (allocated here). Returns 0, -1 when out of memory. */
int rx_text_normalize(rx_text *t);
/* Fold a UTF-8 string code point by code point (rule literals, lexicon entries).
 * Caller frees; NULL when out of memory. */
char *rx_norm_utf8(const char *s, size_t len);
/* 1: a Traditional-only character (it folds to something else); 2: a
 * Simplified-only character (the fold target of a Traditional one); 0: neither. */
int rx_script_class(uint32_t c);
/* rx_script_class of every BMP code point, as one table of 0x10000 entries
 * (built on the first call; for loops over a whole text). */
const uint8_t *rx_script_class_bmp(void);
/* rx_norm_cp of every BMP code point, as one table of 0x10000 entries. */
const uint32_t *rx_norm_bmp_table(void);

/* ------------------------------------------------------------------ sentence.c */

typedef struct rx_span {
    size_t start, end; /* code point offsets, end exclusive */
    int para;          /* paragraph number (blank lines separate paragraphs), from 0 */
} rx_span;

/* Split the matching copy into sentences of at most max_len code points (a longer
 * run is cut at a comma, else at white space, else hard). Splits at 。！？!?；;
 * and line ends, and at '.' unless it is inside a word (Levels.fyi, U.S., 3.5).
 * Leading/trailing white space is not part of a sentence; empty ones are skipped.
 * *out is malloc'd (caller frees). Returns 0, -1 when out of memory. */
int rx_split_sentences(const uint32_t *norm, size_t n, size_t max_len, rx_span **out,
                       size_t *count);
/* Index of the first of the n sorted spans that ends after pos (n when none):
 * the sentence holding code point pos. */
size_t rx_span_index(const rx_span *spans, size_t n, size_t pos);

/* ------------------------------------------------------------------ lang.c */

/* Does t[i..n) (folded text) start with an honorific written after a Chinese
 * name: 先生, 女士, 小姐? Its length (2), else 0. */
static inline size_t rx_honorific_after(const uint32_t *t, size_t n, size_t i)
{
    if (i + 2 > n)
        return 0;
    return (t[i] == 0x5148 && t[i + 1] == 0x751F) || (t[i] == 0x5973 && t[i + 1] == 0x58EB) ||
                   (t[i] == 0x5C0F && t[i + 1] == 0x59D0)
               ? 2
               : 0;
}

/* Length of the code points w (a U"..." literal) when t[i..n) starts with
 * them, else 0. */
static inline size_t rx_lit_at(const uint32_t *t, size_t n, size_t i, const uint_least32_t *w)
{
    size_t k = 0;
    for (; w[k]; k++)
        if (i + k >= n || t[i + k] != w[k])
            return 0;
    return k;
}

/* Length of the byline cue (记者, 编辑, 通讯员, 实习生: folded) that ends at p
 * and begins at lo or after, else 0: a reporter's name follows it. */
static inline size_t rx_byline_cue_before(const uint32_t *t, size_t lo, size_t p)
{
    static const uint_least32_t cues[][4] = {{0x8BB0, 0x8005, 0}, {0x7F16, 0x8F91, 0}, {0x901A, 0x8BAF, 0x5458, 0},
                                             {0x5B9E, 0x4E60, 0x751F, 0}};
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++) {
        size_t l = cues[c][2] ? 3 : 2;
        if (p >= lo + l && rx_lit_at(t, p, p - l, cues[c]) == l)
            return l;
    }
    return 0;
}

/* Han ideographs: the URO, Extension A, compatibility ideographs, planes 2-3
 * up to Extension G. */
static inline bool rx_is_han(uint32_t c)
{
    return (c - 0x4E00u <= 0x9FFFu - 0x4E00u) || (c - 0x3400u <= 0x4DBFu - 0x3400u) ||
           (c - 0xF900u <= 0xFAFFu - 0xF900u) || (c - 0x20000u <= 0x3134Fu - 0x20000u);
}
/* Count c (not ASCII, below U+10000) into k: a Han character and its script
 * class, or a Latin letter (Latin-1 to Latin Extended-B but x and /, full-width
 * A-Z a-z). bmp is rx_script_class_bmp(). */
static inline void rx_script_add_bmp(rx_script_count *k, const uint8_t *bmp, uint32_t c)
{
    if ((c - 0x4E00u <= 0x9FFFu - 0x4E00u) || (c - 0x3400u <= 0x4DBFu - 0x3400u) ||
        (c - 0xF900u <= 0xFAFFu - 0xF900u))
        k->han[bmp[c]]++;
    else if (c >= 0xFF21 && c <= 0xFF5A)
        k->latin += c <= 0xFF3A || c >= 0xFF41;
    else
        k->latin += c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
}
/* The same for any c that is not ASCII (bmp as above). */
static inline void rx_script_add_wide(rx_script_count *k, const uint8_t *bmp, uint32_t c)
{
    if (c < 0x10000)
        rx_script_add_bmp(k, bmp, c);
    else if (rx_is_han(c))
        k->han[rx_script_class(c)]++;
}
/* Count any code point c into k (bmp as above). */
static inline void rx_script_add(rx_script_count *k, const uint8_t *bmp, uint32_t c)
{
    if (c < 0x80)
        k->latin += (c | 0x20) - 'a' < 26u;
    else
        rx_script_add_wide(k, bmp, c);
}
/* "zh-Hant", "zh-Hans" or "en" (static strings), from the script counts. */
const char *rx_lang_of_script(const rx_script_count *k);
/* The same for cp[0..n), counting it first. */
const char *rx_detect_lang(const uint32_t *cp, size_t n);

/* ------------------------------------------------------------------ date.c */

typedef struct rx_date {
    int y, m, d; /* 0 when unknown; y == 0 means no date */
} rx_date;

typedef struct rx_date_mention {
    size_t start, end; /* code points */
    rx_date value;     /* resolved (absolute) date at the precision the text gives;
                        * y == 0: a relative date with no publication date to anchor it */
    bool relative;     /* the text was relative (今年 2 月, last month) */
} rx_date_mention;

/* Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD". Returns 0 or -1. */
int rx_date_parse_iso(const char *s, rx_date *out);
/* Write "YYYY", "YYYY-MM" or "YYYY-MM-DD" (at most 11 bytes with NUL). */
void rx_date_format(rx_date d, char *out);
/* The publication date from a dateline or header near the start of the text. */
bool rx_find_pubdate(const uint32_t *norm, size_t n, rx_date *out);
/* Every date expression of the text, sorted by start, resolved against pub (which
 * may be y == 0: then relative expressions that need it are left out).
 * *out is malloc'd (caller frees). Returns 0, -1 when out of memory. */
int rx_find_dates(const uint32_t *norm, size_t n, rx_date pub, rx_date_mention **out,
                  size_t *count);
/* The date mentions of a document: against *pub when pub->y != 0; else *pub
 * becomes the dateline's date (rx_find_pubdate) if there is one, or the one full
 * date of the text that completes a dateline without a year (5日电 and
 * 2024年3月5日), and the mentions are resolved against it, or, without one
 * (and without a dateline that gives another day), against the latest full date (with a
 * day, not relative) that the text gives, if any (*pub stays y == 0). The same
 * as those calls in turn, with fewer passes over the text. */
int rx_find_doc_dates(const uint32_t *norm, size_t n, rx_date *pub, rx_date_mention **out,
                      size_t *count);

/* ------------------------------------------------------------------ lexicon.c */

/* A word list from rules/lexicon/NAME.txt: one entry per line, '#' starts a
 * comment, blank lines ignored. An entry may list aliases of one thing separated
 * by '|' (Google|谷歌). Several files of the same name are concatenated. */
typedef struct rx_lexicon {
    char *name;
    char **entries; /* as written, trimmed */
    char **files;   /* entries[i] came from files[i] ... */
    int *lines;     /* ... at line lines[i] */
    size_t n, cap;
} rx_lexicon;

typedef struct rx_lexicons {
    rx_lexicon *items;
    size_t n, cap;
} rx_lexicons;

/* Add the entries of one lexicon file. Returns the number of errors reported to d. */
int rx_lexicon_parse(rx_lexicons *lx, const char *name, const char *path, const char *data,
                     size_t len, rx_diag *d);
/* Borrowed; NULL when there is no lexicon of that name. */
const rx_lexicon *rx_lexicon_find(const rx_lexicons *lx, const char *name);
void rx_lexicons_free(rx_lexicons *lx);

/* ------------------------------------------------------------------ rules */

typedef enum rx_reltype {
    RX_DEPARTURE,
    RX_APPOINTMENT,
    RX_SUCCESSION,
    RX_JOIN,
    RX_DISMISSAL,
    RX_REINSTATEMENT,
    RX_PROMOTION,
    RX_HOLDS_ROLE,
    RX_NRELTYPES
} rx_reltype;
extern const char *const rx_reltype_names[RX_NRELTYPES];
/* -1 when the name is not a relation type. */
int rx_reltype_parse(const char *name);

typedef enum rx_modality { RX_MOD_FACT, RX_MOD_PLANNED, RX_MOD_RUMOURED, RX_MOD_DENIED, RX_NMODS } rx_modality;
extern const char *const rx_modality_names[RX_NMODS];

/* Placeholders: in the matching string of a sentence every recognised mention
 * is replaced by one private-use code point of its type, so that a slot
 * {person} compiles to a single literal. */
#define RX_PH_PERSON 0xE001u
#define RX_PH_ORG 0xE002u
#define RX_PH_ROLE 0xE003u
/* the implied subject of a Chinese clause (RX_MF_ZERO): a person slot takes
 * it, and between the items of a pattern it counts as white space, so that a
 * pattern written across the clause (重返老東家, 出任技術長) still matches */
#define RX_PH_ZERO 0xE004u

typedef enum rx_slot_type { RX_SLOT_PERSON, RX_SLOT_ORG, RX_SLOT_ROLE } rx_slot_type;
typedef enum rx_arg { RX_ARG_PERSON, RX_ARG_PREDECESSOR, RX_ARG_ORG, RX_ARG_ROLE, RX_ARG_NONE } rx_arg;

typedef struct rx_slot {
    int group;   /* capture group number in the compiled pattern */
    rx_arg arg;  /* which relation argument it binds (RX_ARG_NONE: matched, not bound) */
    rx_slot_type type;
    bool list;   /* {person+}: each placeholder inside the capture is one member */
} rx_slot;

typedef struct rx_pattern {
    char *source;      /* the pattern as written */
    int line, col;     /* where it starts in the rule file (col 1-based, code points) */
    char *regex;       /* the generated PCRE2 source */
    pcre2_code *code;  /* compiled, JIT-compiled when JIT is available */
    rx_slot *slots;
    size_t nslots;
    /* Prefilter: every match contains at least one of these literals (folded,
     * ASCII lower-cased). ntriggers == 0: no literal is required. */
    char **triggers;
    size_t ntriggers;
    unsigned need;     /* bit (1 << RX_SLOT_x) for each slot type every match needs */
} rx_pattern;

typedef struct rx_example {
    char *text;        /* the example sentence(s) */
    int line;
    int col;           /* column (code points, 1-based) where the text starts */
    bool reject;       /* "reject:": the rule must not produce a relation of its type here */
    char *pubdate;     /* "pubdate:" for relative dates, or NULL */
    /* Expected arguments ("expect: person=Anna Berg; org=Acme"); keys are
     * person, predecessor, org, role, date, modality. */
    char **keys, **values;
    size_t nkv;
} rx_example;

typedef struct rx_rule {
    char *id;
    rx_reltype type;
    int priority;           /* higher wins; default 50 */
    char *file;
    int line;               /* line of the "rule:" header */
    rx_pattern *patterns;
    size_t npatterns;
    unsigned excludes;      /* bit (1 << rx_reltype) for each type this rule beats on overlap */
    int modality;           /* forced rx_modality, or -1 to take it from the sentence */
    rx_example *examples;
    size_t nexamples;
} rx_rule;

typedef struct rx_ruleset {
    rx_rule *rules;
    size_t n, cap;
} rx_ruleset;

/* Parse one rule file, appending its rules. Returns the number of errors reported. */
int rx_rules_parse(rx_ruleset *rs, const char *path, const char *data, size_t len, rx_diag *d);
/* Compile every pattern (needs all lexicons loaded): PCRE2 with JIT, slots,
 * triggers; checks duplicate ids, unknown lexicons and patterns that can match
 * the empty string. Returns the number of errors reported. */
int rx_rules_compile(rx_ruleset *rs, const rx_lexicons *lx, rx_diag *d);
void rx_ruleset_free(rx_ruleset *rs);

/* ------------------------------------------------------------------ entities */

typedef enum rx_mention_type { RX_M_PERSON = 1, RX_M_ORG = 2, RX_M_ROLE = 3 } rx_mention_type;

#define RX_MF_PRONOUN 0x1u   /* 他/她/he/she, 該公司/the company: entity is the antecedent */
#define RX_MF_FORMER 0x2u    /* a role marked former (前/原/former) */
#define RX_MF_ZERO 0x4u      /* with RX_MF_PRONOUN: the implied subject of a Chinese clause, zero width */
#define RX_MF_OBJECT 0x8u    /* with RX_MF_PRONOUN: him/her after a verb ("elected him chairman") */

typedef struct rx_mention {
    size_t start, end; /* code points, end exclusive */
    int type;          /* rx_mention_type */
    int entity;        /* index into rx_doc.e; -1 for roles */
    unsigned flags;
} rx_mention;

typedef struct rx_entity {
    int type;           /* RX_M_PERSON or RX_M_ORG */
    size_t name_mention; /* index into rx_doc.m of the mention that names it (most complete) */
} rx_entity;

/* ------------------------------------------------------------------ the document */

typedef struct rx_relation {
    rx_reltype type;
    int person, predecessor, org; /* mention indexes into rx_doc.m, -1 when absent */
    int role;                     /* mention index of a role, -1 when absent */
    size_t ev_start, ev_end;      /* evidence span, code points */
    rx_date date;                 /* y == 0: none */
    rx_modality modality;
    size_t rule;                  /* index into the engine's rule set */
    size_t pattern;               /* index into that rule's patterns */
    bool dropped;                 /* lost to the overlap policy */
    const char *derived;          /* NULL for what a rule found; for a relation that
                                     another one implies (match.c), a static suffix to
                                     the rule id of that one: "+predecessor-left" */
} rx_relation;

typedef struct rx_doc {
    const char *id;
    rx_text text;
    rx_span *sent;
    size_t nsent;
    rx_date pubdate;
    const char *lang;
    rx_date_mention *dates;
    size_t ndates;
    rx_mention *m; /* sorted by start, non-overlapping */
    size_t nm, mcap;
    rx_entity *e;
    size_t ne, ecap;
    rx_relation *rel;
    size_t nrel, relcap;
    rx_strlist warnings;
} rx_doc;

void rx_doc_free(rx_doc *doc);

/* entity.c: the recogniser, built once from the lexicons (read-only afterwards). */
typedef struct rx_ner rx_ner;
/* Caller frees with rx_ner_free. NULL when out of memory (problems in lexicons
 * are reported to d). */
rx_ner *rx_ner_new(const rx_lexicons *lx, rx_diag *d);
void rx_ner_free(rx_ner *ner);
/* Find the people, organisations and roles of doc (doc->text and doc->sent are
 * set), merge aliases and resolve pronouns (resolve.c): fills doc->m (sorted,
 * non-overlapping) and doc->e. Returns 0, -1 when out of memory. */
int rx_recognize(const rx_ner *ner, rx_doc *doc);

/* resolve.c: group mentions into entities and resolve pronouns. Called by
 * rx_recognize; doc->m holds the mentions (entity fields unset). */
int rx_resolve(rx_doc *doc);
/* Is mention m a news agency credited in a dateline ("LONDON (Reuters) - ",
 * （中央社記者王小明台北20日電）)? */
bool rx_is_agency_credit(const rx_doc *doc, const rx_mention *m);

/* ------------------------------------------------------------------ rulepack.c (generated) */

/* The default rule pack, compiled into the library at build time from rules/. */
typedef struct rx_embedded_file {
    const char *path; /* as in the source tree: "rules/zh/departure.rules" */
    const char *data;
    size_t len;
} rx_embedded_file;
extern const rx_embedded_file rx_rulepack[];
extern const size_t rx_rulepack_count;

/* fold_table.c (generated from OpenCC's TSCharacters at build time): pairs
 * {Traditional, Simplified}, sorted by the first. */
extern const uint32_t rx_ts_pairs[][2];
extern const size_t rx_ts_pairs_count;

#endif
