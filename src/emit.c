/* emit.c: the JSON line of a processed document (the output contract of
 * docs/output.md), built with jansson:
 *
 *   {"doc":"a.txt","lang":"zh-Hant","date":"2024-05-23",
 *    "entities":[{"id":"E1","type":"person","name":"Jan Leike",
 *                 "mentions":[{"text":"Jan Leike","start":40,"end":49}]}],
 *    "relations":[{"type":"departure","person":{"id":"E1","name":"Jan Leike"},
 *                  "org":null,"role":null,"predecessor":null,"date":"2024-05",
 *                  "modality":"fact","rule":"zh.departure.announce",
 *                  "evidence":{"text":"Jan Leike 也宣布離職","start":40,"end":55}}]}
 *
 * Every text is taken from the document as given (not the matching copy), and
 * offsets are code points, so text[start:end] in Python returns it. Entity ids
 * are numbered in order of first mention.
 *
 * The line is written directly into a buffer (a document's line is on the hot
 * path of a corpus run; building a jansson tree for it cost a third of the
 * time); rx_json_text gives jansson strings to the other modules.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

json_t *rx_json_text(const char *s)
{
    size_t len = strlen(s);
    json_t *j = json_stringn(s, len);
    if (j)
        return j;
    /* invalid UTF-8: replace each bad byte */
    rx_buf b = {0};
    size_t i = 0;
    while (i < len)
        rx_buf_addcp(&b, rx_utf8_next(s, len, &i));
    j = b.oom ? NULL : json_stringn(b.s ? b.s : "", b.len);
    rx_buf_free(&b);
    return j;
}

/* One code point of a JSON string body. */
static void put_cp(rx_buf *b, uint32_t c)
{
    switch (c) {
    case '"': rx_buf_add(b, "\\\"", 2); return;
    case '\\': rx_buf_add(b, "\\\\", 2); return;
    case '\n': rx_buf_add(b, "\\n", 2); return;
    case '\r': rx_buf_add(b, "\\r", 2); return;
    case '\t': rx_buf_add(b, "\\t", 2); return;
    default:
        if (c < 0x20 || c == 0x7F)
            rx_buf_printf(b, "\\u%04x", (unsigned)c);
        else
            rx_buf_addcp(b, c);
    }
}

/* A JSON string from UTF-8 that may be invalid (bad bytes become U+FFFD). */
static void put_str(rx_buf *b, const char *s)
{
    size_t len = strlen(s), i = 0;
    rx_buf_addc(b, '"');
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\' && c != 0x7F) {
            rx_buf_addc(b, (char)c);
            i++;
        } else {
            put_cp(b, rx_utf8_next(s, len, &i));
        }
    }
    rx_buf_addc(b, '"');
}

/* The original text of code points [start, end) as a JSON string. */
static void put_span_text(rx_buf *b, const rx_doc *doc, size_t start, size_t end)
{
    rx_buf_addc(b, '"');
    for (size_t i = start; i < end; i++)
        put_cp(b, doc->text.cp[i]);
    rx_buf_addc(b, '"');
}

static void put_uint(rx_buf *b, size_t v)
{
    char tmp[24];
    size_t n = sizeof tmp;
    do {
        tmp[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    rx_buf_add(b, tmp + n, sizeof tmp - n);
}

static void put_span(rx_buf *b, const rx_doc *doc, size_t start, size_t end)
{
    rx_buf_adds(b, "{\"text\":");
    put_span_text(b, doc, start, end);
    rx_buf_adds(b, ",\"start\":");
    put_uint(b, start);
    rx_buf_adds(b, ",\"end\":");
    put_uint(b, end);
    rx_buf_addc(b, '}');
}

static void put_date(rx_buf *b, rx_date d)
{
    if (d.y == 0) {
        rx_buf_adds(b, "null");
        return;
    }
    char buf[16];
    rx_date_format(d, buf);
    rx_buf_printf(b, "\"%s\"", buf);
}

typedef struct emit_ctx {
    const rx_doc *doc;
    int *eid; /* entity -> output number (1-based), 0 = not emitted */
} emit_ctx;

static void put_entity_ref(rx_buf *b, const emit_ctx *cx, int mention)
{
    int e = mention < 0 ? -1 : cx->doc->m[mention].entity;
    if (e < 0 || cx->eid[e] == 0) {
        rx_buf_adds(b, "null");
        return;
    }
    const rx_mention *nm = &cx->doc->m[cx->doc->e[e].name_mention];
    rx_buf_printf(b, "{\"id\":\"E%d\",\"name\":", cx->eid[e]);
    put_span_text(b, cx->doc, nm->start, nm->end);
    rx_buf_addc(b, '}');
}

static void put_slot(rx_buf *b, const rx_doc *doc, const char *name, int mention, bool last)
{
    rx_buf_printf(b, "\"%s\":", name);
    if (mention < 0)
        rx_buf_adds(b, "null");
    else
        put_span(b, doc, doc->m[mention].start, doc->m[mention].end);
    if (!last)
        rx_buf_addc(b, ',');
}

static void put_entities(rx_buf *b, emit_ctx *cx)
{
    const rx_doc *doc = cx->doc;
    /* entities, numbered in order of their first (non-pronoun) mention */
    int next = 0;
    for (size_t i = 0; i < doc->nm; i++) {
        const rx_mention *m = &doc->m[i];
        if (m->entity >= 0 && !(m->flags & RX_MF_PRONOUN) &&
            (m->type == RX_M_PERSON || m->type == RX_M_ORG) && cx->eid[m->entity] == 0)
            cx->eid[m->entity] = ++next;
    }
    rx_buf_adds(b, "\"entities\":[");
    for (int id = 1; id <= next; id++) {
        size_t e = 0;
        while (cx->eid[e] != id)
            e++;
        const rx_entity *ent = &doc->e[e];
        const rx_mention *nm = &doc->m[ent->name_mention];
        rx_buf_printf(b, "%s{\"id\":\"E%d\",\"type\":\"%s\",\"name\":", id > 1 ? "," : "", id,
                      ent->type == RX_M_PERSON ? "person" : "org");
        put_span_text(b, doc, nm->start, nm->end);
        rx_buf_adds(b, ",\"mentions\":[");
        bool first = true;
        for (size_t i = 0; i < doc->nm; i++) {
            const rx_mention *m = &doc->m[i];
            if (m->entity != (int)e || (m->flags & RX_MF_PRONOUN))
                continue;
            if (!first)
                rx_buf_addc(b, ',');
            put_span(b, doc, m->start, m->end);
            first = false;
        }
        rx_buf_adds(b, "]}");
    }
    rx_buf_addc(b, ']');
}

static void put_relation(rx_buf *b, const relx_engine *eng, const emit_ctx *cx,
                         const rx_relation *r, bool trace)
{
    const rx_doc *doc = cx->doc;
    const rx_rule *rule = &eng->rules.rules[r->rule];
    rx_buf_printf(b, "{\"type\":\"%s\",\"person\":", rx_reltype_names[r->type]);
    put_entity_ref(b, cx, r->person);
    rx_buf_adds(b, ",\"org\":");
    put_entity_ref(b, cx, r->org);
    rx_buf_adds(b, ",\"role\":");
    if (r->role >= 0)
        put_span_text(b, doc, doc->m[r->role].start, doc->m[r->role].end);
    else
        rx_buf_adds(b, "null");
    rx_buf_adds(b, ",\"predecessor\":");
    put_entity_ref(b, cx, r->predecessor);
    rx_buf_adds(b, ",\"date\":");
    put_date(b, r->date);
    rx_buf_printf(b, ",\"modality\":\"%s\",\"rule\":", rx_modality_names[r->modality]);
    put_str(b, rule->id);
    rx_buf_adds(b, ",\"evidence\":");
    put_span(b, doc, r->ev_start, r->ev_end);
    if (trace) {
        const rx_pattern *p = &rule->patterns[r->pattern];
        rx_buf_adds(b, ",\"trace\":{\"file\":");
        put_str(b, rule->file);
        rx_buf_printf(b, ",\"line\":%d,\"pattern\":", p->line);
        put_str(b, p->source);
        rx_buf_adds(b, ",\"slots\":{");
        put_slot(b, doc, "person", r->person, false);
        put_slot(b, doc, "predecessor", r->predecessor, false);
        put_slot(b, doc, "org", r->org, false);
        put_slot(b, doc, "role", r->role, true);
        rx_buf_adds(b, "}}");
    }
    rx_buf_addc(b, '}');
}

char *rx_emit_document(const relx_engine *eng, const rx_doc *doc, const relx_doc_options *opt,
                       size_t *len)
{
    emit_ctx cx = {doc, calloc(doc->ne ? doc->ne : 1, sizeof(int))};
    if (!cx.eid)
        return NULL;
    rx_buf b = {0};
    rx_buf_adds(&b, "{\"doc\":");
    put_str(&b, doc->id);
    rx_buf_printf(&b, ",\"lang\":\"%s\",\"date\":", doc->lang ? doc->lang : "en");
    put_date(&b, doc->pubdate);
    rx_buf_addc(&b, ',');
    put_entities(&b, &cx);
    rx_buf_adds(&b, ",\"relations\":[");
    for (size_t i = 0; i < doc->nrel; i++) {
        if (i)
            rx_buf_addc(&b, ',');
        put_relation(&b, eng, &cx, &doc->rel[i], opt->trace);
    }
    rx_buf_addc(&b, ']');
    if (doc->warnings.n) {
        rx_buf_adds(&b, ",\"warnings\":[");
        for (size_t i = 0; i < doc->warnings.n; i++) {
            if (i)
                rx_buf_addc(&b, ',');
            put_str(&b, doc->warnings.items[i]);
        }
        rx_buf_addc(&b, ']');
    }
    if (opt->meta_json && *opt->meta_json) {
        rx_buf_adds(&b, ",\"meta\":");
        rx_buf_adds(&b, opt->meta_json);
    }
    rx_buf_addc(&b, '}');
    free(cx.eid);
    if (b.oom) {
        rx_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return b.s;
}
