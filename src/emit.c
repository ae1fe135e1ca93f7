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

/* The original text of code points [start, end) as a JSON string. */
static json_t *span_text(const rx_doc *doc, size_t start, size_t end)
{
    rx_buf b = {0};
    for (size_t i = start; i < end; i++)
        rx_buf_addcp(&b, doc->text.cp[i]);
    json_t *j = b.oom ? NULL : json_stringn(b.s ? b.s : "", b.len);
    rx_buf_free(&b);
    return j;
}

static json_t *span_object(const rx_doc *doc, size_t start, size_t end)
{
    json_t *o = json_object();
    json_object_set_new(o, "text", span_text(doc, start, end));
    json_object_set_new(o, "start", json_integer((json_int_t)start));
    json_object_set_new(o, "end", json_integer((json_int_t)end));
    return o;
}

static json_t *date_value(rx_date d)
{
    if (d.y == 0)
        return json_null();
    char buf[16];
    rx_date_format(d, buf);
    return json_string(buf);
}

typedef struct emit_ctx {
    const rx_doc *doc;
    int *eid; /* entity -> output number (1-based), 0 = not emitted */
} emit_ctx;

static json_t *entity_ref(const emit_ctx *cx, int mention)
{
    if (mention < 0)
        return json_null();
    int e = cx->doc->m[mention].entity;
    if (e < 0 || cx->eid[e] == 0)
        return json_null();
    const rx_mention *nm = &cx->doc->m[cx->doc->e[e].name_mention];
    char id[32];
    snprintf(id, sizeof id, "E%d", cx->eid[e]);
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(id));
    json_object_set_new(o, "name", span_text(cx->doc, nm->start, nm->end));
    return o;
}

static json_t *slot_span(const rx_doc *doc, int mention)
{
    if (mention < 0)
        return json_null();
    return span_object(doc, doc->m[mention].start, doc->m[mention].end);
}

char *rx_emit_document(const relx_engine *eng, const rx_doc *doc, const relx_doc_options *opt,
                       size_t *len)
{
    emit_ctx cx = {doc, calloc(doc->ne ? doc->ne : 1, sizeof(int))};
    if (!cx.eid)
        return NULL;
    json_t *root = json_object();
    json_object_set_new(root, "doc", rx_json_text(doc->id));
    json_object_set_new(root, "lang", json_string(doc->lang ? doc->lang : "en"));
    json_object_set_new(root, "date", date_value(doc->pubdate));

    /* entities, numbered in order of their first (non-pronoun) mention */
    json_t *ents = json_array();
    json_t **per = calloc(doc->ne ? doc->ne : 1, sizeof *per);
    int next = 0;
    for (size_t i = 0; per && i < doc->nm; i++) {
        const rx_mention *m = &doc->m[i];
        if (m->entity < 0 || (m->flags & RX_MF_PRONOUN) ||
            (m->type != RX_M_PERSON && m->type != RX_M_ORG))
            continue;
        if (cx.eid[m->entity] == 0) {
            cx.eid[m->entity] = ++next;
            const rx_entity *e = &doc->e[m->entity];
            const rx_mention *nm = &doc->m[e->name_mention];
            char id[32];
            snprintf(id, sizeof id, "E%d", next);
            json_t *o = json_object();
            json_object_set_new(o, "id", json_string(id));
            json_object_set_new(o, "type", json_string(e->type == RX_M_PERSON ? "person" : "org"));
            json_object_set_new(o, "name", span_text(doc, nm->start, nm->end));
            per[m->entity] = json_array();
            json_object_set_new(o, "mentions", per[m->entity]);
            json_array_append_new(ents, o);
        }
        json_array_append_new(per[m->entity], span_object(doc, m->start, m->end));
    }
    free(per);
    json_object_set_new(root, "entities", ents);

    json_t *rels = json_array();
    for (size_t i = 0; i < doc->nrel; i++) {
        const rx_relation *r = &doc->rel[i];
        const rx_rule *rule = &eng->rules.rules[r->rule];
        json_t *o = json_object();
        json_object_set_new(o, "type", json_string(rx_reltype_names[r->type]));
        json_object_set_new(o, "person", entity_ref(&cx, r->person));
        json_object_set_new(o, "org", entity_ref(&cx, r->org));
        json_object_set_new(o, "role", r->role >= 0 ? span_text(doc, doc->m[r->role].start, doc->m[r->role].end)
                                                    : json_null());
        json_object_set_new(o, "predecessor", entity_ref(&cx, r->predecessor));
        json_object_set_new(o, "date", date_value(r->date));
        json_object_set_new(o, "modality", json_string(rx_modality_names[r->modality]));
        json_object_set_new(o, "rule", rx_json_text(rule->id));
        json_object_set_new(o, "evidence", span_object(doc, r->ev_start, r->ev_end));
        if (opt->trace) {
            const rx_pattern *p = &rule->patterns[r->pattern];
            json_t *t = json_object();
            json_object_set_new(t, "file", rx_json_text(rule->file));
            json_object_set_new(t, "line", json_integer(p->line));
            json_object_set_new(t, "pattern", rx_json_text(p->source));
            json_t *slots = json_object();
            json_object_set_new(slots, "person", slot_span(doc, r->person));
            json_object_set_new(slots, "predecessor", slot_span(doc, r->predecessor));
            json_object_set_new(slots, "org", slot_span(doc, r->org));
            json_object_set_new(slots, "role", slot_span(doc, r->role));
            json_object_set_new(t, "slots", slots);
            json_object_set_new(o, "trace", t);
        }
        json_array_append_new(rels, o);
    }
    json_object_set_new(root, "relations", rels);
    if (doc->warnings.n) {
        json_t *ws = json_array();
        for (size_t i = 0; i < doc->warnings.n; i++)
            json_array_append_new(ws, rx_json_text(doc->warnings.items[i]));
        json_object_set_new(root, "warnings", ws);
    }
    char *out = json_dumps(root, JSON_COMPACT);
    json_decref(root);
    free(cx.eid);
    if (!out)
        return NULL;
    size_t n = strlen(out);
    if (opt->meta_json && *opt->meta_json && n > 0 && out[n - 1] == '}') {
        /* splice the caller's serialised meta value in as the last member */
        rx_buf b = {0};
        rx_buf_add(&b, out, n - 1);
        rx_buf_adds(&b, ",\"meta\":");
        rx_buf_adds(&b, opt->meta_json);
        rx_buf_addc(&b, '}');
        free(out);
        if (b.oom) {
            rx_buf_free(&b);
            return NULL;
        }
        out = b.s;
        n = b.len;
    }
    *len = n;
    return out;
}
