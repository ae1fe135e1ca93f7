/* fuzz_extract.c: libFuzzer target for the whole per-document pipeline
 * (decode, normalise, sentences, dates, entities, rules, JSON). The default
 * engine (built-in rule pack) is built once; every input is one document.
 *
 * The first byte chooses the document options, the rest is the document:
 *   bits 0-2  encoding: 0-3 default (UTF-8, BOM sniffed), 4 utf-16le,
 *             5 utf-16be, 6 big5, 7 gb18030
 *   bit 3     trace        bit 4  lang forced to zh-Hant
 *   bit 5     date 2024-05-23    bit 6  max_doc_bytes 4096
 *
 * The output is checked, not only produced: it must be one JSON object with a
 * "doc", either an "error" or "entities" and "relations", and every span
 * (mention, evidence) must lie inside the decoded text and quote it exactly.
 * A broken invariant aborts, which libFuzzer reports as a crash.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "engine.h"

static relx_engine *engine;
static relx_worker *worker;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    relx_options opt = {0};
    if (relx_engine_new(&opt, &engine) != RELX_OK)
        abort();
    worker = relx_worker_new(engine);
    if (!worker)
        abort();
    return 0;
}

#define CHECK(cond)                                                                      \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "fuzz_extract: invariant broken: %s (line %d)\n", #cond,     \
                    __LINE__);                                                           \
            abort();                                                                     \
        }                                                                                \
    } while (0)

/* A {"text","start","end"} object must quote cp[start, end) exactly. */
static void check_span(const json_t *span, const rx_text *t)
{
    CHECK(json_is_object(span));
    const json_t *jt = json_object_get(span, "text");
    const json_t *js = json_object_get(span, "start");
    const json_t *je = json_object_get(span, "end");
    CHECK(json_is_string(jt) && json_is_integer(js) && json_is_integer(je));
    json_int_t s = json_integer_value(js), e = json_integer_value(je);
    CHECK(s >= 0 && s <= e && (size_t)e <= t->n);
    rx_buf b = {0};
    for (json_int_t i = s; i < e; i++)
        rx_buf_addcp(&b, t->cp[i]);
    CHECK(!b.oom);
    CHECK(b.len == json_string_length(jt) &&
          (b.len == 0 || memcmp(b.s, json_string_value(jt), b.len) == 0));
    rx_buf_free(&b);
}

static void check_output(const char *line, size_t len, relx_status st, const char *bytes,
                         size_t blen, const relx_doc_options *o)
{
    CHECK(line != NULL);
    CHECK(strlen(line) == len);        /* one line: no NUL inside ... */
    CHECK(memchr(line, '\n', len) == NULL); /* ... and no newline */
    json_error_t err;
    json_t *root = json_loadb(line, len, JSON_ALLOW_NUL, &err);
    CHECK(json_is_object(root));
    CHECK(json_is_string(json_object_get(root, "doc")));
    if (st != RELX_OK) {
        CHECK(st == RELX_EDOC);
        const json_t *e = json_object_get(root, "error");
        CHECK(json_is_object(e) && json_is_string(json_object_get(e, "code")));
        json_decref(root);
        return;
    }
    const json_t *ents = json_object_get(root, "entities");
    const json_t *rels = json_object_get(root, "relations");
    CHECK(json_is_array(ents) && json_is_array(rels));

    rx_text t = {0};
    const char *code, *msg;
    CHECK(rx_decode(bytes, blen, o->encoding, &t, &code, &msg) == 0);
    size_t i;
    json_t *v;
    json_array_foreach(ents, i, v) {
        const json_t *ms = json_object_get(v, "mentions");
        CHECK(json_is_array(ms) && json_array_size(ms) > 0);
        size_t k;
        json_t *m;
        json_array_foreach(ms, k, m) check_span(m, &t);
    }
    json_array_foreach(rels, i, v) {
        CHECK(json_is_string(json_object_get(v, "type")));
        check_span(json_object_get(v, "evidence"), &t);
    }
    if (t.invalid)
        CHECK(json_is_array(json_object_get(root, "warnings")));
    rx_text_free(&t);
    json_decref(root);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const encodings[8] = {NULL, NULL, NULL, NULL,
                                             "utf-16le", "utf-16be", "big5", "gb18030"};
    unsigned flags = size ? data[0] : 0;
    const char *bytes = size ? (const char *)data + 1 : "";
    size_t len = size ? size - 1 : 0;
    relx_doc_options o = {0};
    o.encoding = encodings[flags & 7];
    o.trace = flags & 8;
    o.lang = (flags & 16) ? "zh-Hant" : NULL;
    o.date = (flags & 32) ? "2024-05-23" : NULL;
    o.max_doc_bytes = (flags & 64) ? 4096 : 0;

    char *line = NULL;
    size_t n = 0;
    relx_status st = relx_extract(worker, "fuzz.txt", bytes, len, &o, &line, &n);
    check_output(line, n, st, bytes, len, &o);
    free(line);
    return 0;
}
