/* emit.c: the JSON line of a processed document (the output contract of
 * docs/output.md), built with jansson:
 *
 *   {"doc":"a.txt","lang":"zh-Hant","date":"2024-05-23",
 *    "entities":[{"id":"E1","type":"person","name":"Anna Berg",
 *                 "mentions":[{"text":"Anna Berg","start":40,"end":49}]}],
 *    "relations":[{"type":"departure","person":{"id":"E1","name":"Anna Berg"},
 *                  "org":null,"role":null,"predecessor":null,"date":"2024-05",
 *                  "modality":"fact","rule":"zh.departure.announce",
 *                  "evidence":{"text":"Anna Berg 也宣布離職","start":40,"end":55}}]}
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

/* Room for n more bytes and the NUL after them at b->s + b->len; false (and
 * b->oom) when there is none. The same growth as rx_buf_add. */
static bool grow(rx_buf *b, size_t n)
{
    if (b->oom)
        return false;
    if (!RX_GROW(b->s, b->cap, b->len + n + 1)) {
        b->oom = true;
        return false;
    }
    return true;
}

static inline bool reserve(rx_buf *b, size_t n)
{
    /* b->cap is 0 while b->s is NULL, and stays put once b->oom is set */
    return b->len + n + 1 <= b->cap ? !b->oom : grow(b, n);
}

/* The pieces below are not NUL-terminated one by one: reserve keeps room for
 * the NUL, which rx_emit_document writes once at the end. (rx_emit_prepare's
 * buffer gets its own.) */
static inline void add(rx_buf *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return;
    memcpy(b->s + b->len, s, n);
    b->len += n;
}

/* A string literal. */
#define ADDL(b, lit) add((b), (lit), sizeof(lit) - 1)

static inline void addc(rx_buf *b, char c)
{
    if (!reserve(b, 1))
        return;
    b->s[b->len++] = c;
}

static void adds(rx_buf *b, const char *s)
{
    add(b, s, strlen(s));
}

/* One code point of a JSON string body at o (room for 6 bytes); returns the
 * bytes written. */
static size_t json_cp(char *o, uint32_t c)
{
    static const char hex[] = "0123456789abcdef";
    switch (c) {
    case '"': o[0] = '\\', o[1] = '"'; return 2;
    case '\\': o[0] = '\\', o[1] = '\\'; return 2;
    case '\n': o[0] = '\\', o[1] = 'n'; return 2;
    case '\r': o[0] = '\\', o[1] = 'r'; return 2;
    case '\t': o[0] = '\\', o[1] = 't'; return 2;
    default:
        if (c < 0x20 || c == 0x7F) {
            memcpy(o, "\\u00", 4);
            o[4] = hex[(c >> 4) & 15];
            o[5] = hex[c & 15];
            return 6;
        }
        if (c < 0x80) {
            o[0] = (char)c;
            return 1;
        }
        return rx_utf8_encode(c, o);
    }
}

/* One code point of a JSON string body. */
static void put_cp(rx_buf *b, uint32_t c)
{
    if (!reserve(b, 6))
        return;
    b->len += json_cp(b->s + b->len, c);
}

/* A JSON string from UTF-8 that may be invalid (bad bytes become U+FFFD). */
static void put_str(rx_buf *b, const char *s)
{
    size_t len = strlen(s), i = 0;
    addc(b, '"');
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\' && c != 0x7F) {
            size_t k = i + 1;
            while (k < len && (unsigned char)s[k] >= 0x20 && (unsigned char)s[k] < 0x80 &&
                   s[k] != '"' && s[k] != '\\' && s[k] != 0x7F)
                k++;
            add(b, s + i, k - i);
            i = k;
        } else {
            put_cp(b, rx_utf8_next(s, len, &i));
        }
    }
    addc(b, '"');
}

/* ASCII code points that a JSON string must escape (json_cp's cases), as bits
 * of two 64-bit masks: controls and '"', then '\\' and DEL. */
static const uint64_t json_escaped_bits[2] = {0xFFFFFFFFull | 1ull << '"',
                                              1ull << ('\\' - 64) | 1ull << (0x7F - 64)};
static inline bool json_escaped(uint32_t c)
{
    return (json_escaped_bits[c >> 6] >> (c & 63)) & 1u;
}

/* Code points [start, end) of cp as a JSON string body at o (room for 6 bytes
 * a code point); returns the end of what was written. The same bytes as
 * json_cp one at a time, with the common cases (plain ASCII, two- and
 * three-byte UTF-8) written here. */
static char *json_cps(char *o, const uint32_t *cp, size_t start, size_t end)
{
    for (size_t i = start; i < end; i++) {
        uint32_t c = cp[i];
        if (c < 0x80) {
            if (json_escaped(c))
                o += json_cp(o, c);
            else
                *o++ = (char)c;
        } else if (c - 0x800u < 0xD800u - 0x800u) { /* three bytes below the surrogates: CJK */
            o[0] = (char)(0xE0 | (c >> 12));
            o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
            o[2] = (char)(0x80 | (c & 0x3F));
            o += 3;
        } else if (c < 0x800) {
            o[0] = (char)(0xC0 | (c >> 6));
            o[1] = (char)(0x80 | (c & 0x3F));
            o += 2;
        } else {
            o += json_cp(o, c); /* above the surrogates, astral, or invalid */
        }
    }
    return o;
}

/* The original text of code points [start, end) as a JSON string. */
static void put_span_text(rx_buf *b, const rx_doc *doc, size_t start, size_t end)
{
    /* at most 6 bytes a code point, and the quotes */
    size_t cnt = end > start ? end - start : 0;
    if (cnt > (SIZE_MAX - 3 - b->len) / 6) {
        b->oom = true;
        return;
    }
    if (!reserve(b, cnt * 6 + 2))
        return;
    char *o = b->s + b->len;
    *o++ = '"';
    o = json_cps(o, doc->text.cp, start, end);
    *o++ = '"';
    b->len = (size_t)(o - b->s);
}

/* v in decimal at o (room for 20 bytes); returns the end of it. The digits are
 * counted first and written from the end, two at a time. */
static char *uint_at(char *o, size_t v)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    /* below 10000 (offsets, entity numbers: nearly all), one or two pairs */
    if (v < 100) {
        if (v < 10) {
            o[0] = (char)('0' + v);
            return o + 1;
        }
        memcpy(o, pairs + 2 * v, 2);
        return o + 2;
    }
    if (v < 10000) {
        size_t hi = v / 100, lo = v % 100;
        if (hi < 10) {
            o[0] = (char)('0' + hi);
            memcpy(o + 1, pairs + 2 * lo, 2);
            return o + 3;
        }
        memcpy(o, pairs + 2 * hi, 2);
        memcpy(o + 2, pairs + 2 * lo, 2);
        return o + 4;
    }
    size_t nd = 5;
    for (uint64_t t = 100000; v >= t && nd < 20; t *= 10) /* 10^19 is the last power below 2^64 */
        nd++;
    char *p = o + nd;
    while (v >= 100) {
        size_t k = (v % 100) * 2;
        v /= 100;
        p -= 2;
        p[0] = pairs[k];
        p[1] = pairs[k + 1];
    }
    if (v >= 10) {
        p[-2] = pairs[v * 2];
        p[-1] = pairs[v * 2 + 1];
    } else {
        p[-1] = (char)('0' + v);
    }
    return o + nd;
}

static void put_uint(rx_buf *b, size_t v)
{
    if (!reserve(b, 20))
        return;
    char *o = uint_at(b->s + b->len, v);
    b->len = (size_t)(o - b->s);
}

/* A decimal int, as printf's %d. */
static void put_int(rx_buf *b, int v)
{
    if (v < 0) {
        addc(b, '-');
        put_uint(b, (size_t)(-(long long)v));
    } else {
        put_uint(b, (size_t)v);
    }
}

/* {"text":...,"start":N,"end":N}, written in one piece. */
static void put_span_as(rx_buf *b, const rx_doc *doc, size_t start, size_t end, size_t body_at,
                        size_t body_len);
static void put_span(rx_buf *b, const rx_doc *doc, size_t start, size_t end)
{
    put_span_as(b, doc, start, end, SIZE_MAX, 0);
}

/* put_span; when body_at is not SIZE_MAX, the text's JSON string body is the
 * body_len bytes at b->s + body_at (written before, for the same code points). */
static void put_span_as(rx_buf *b, const rx_doc *doc, size_t start, size_t end, size_t body_at,
                        size_t body_len)
{
    static const char k_text[] = "{\"text\":\"", k_start[] = "\",\"start\":", k_end[] = ",\"end\":";
    size_t cnt = end > start ? end - start : 0;
    /* the text at 6 bytes a code point, two numbers of at most 20 digits, the keys */
    size_t fixed = sizeof k_text + sizeof k_start + sizeof k_end + 2 * 20 + 1;
    if (cnt > (SIZE_MAX - fixed - 1 - b->len) / 6) {
        b->oom = true;
        return;
    }
    if (!reserve(b, cnt * 6 + fixed))
        return;
    char *o = b->s + b->len;
    memcpy(o, k_text, sizeof k_text - 1);
    if (body_at != SIZE_MAX) {
        memcpy(o + sizeof k_text - 1, b->s + body_at, body_len);
        o += sizeof k_text - 1 + body_len;
    } else {
        o = json_cps(o + sizeof k_text - 1, doc->text.cp, start, end);
    }
    memcpy(o, k_start, sizeof k_start - 1);
    o = uint_at(o + sizeof k_start - 1, start);
    memcpy(o, k_end, sizeof k_end - 1);
    o = uint_at(o + sizeof k_end - 1, end);
    *o++ = '}';
    b->len = (size_t)(o - b->s);
}

static void put_date(rx_buf *b, rx_date d)
{
    if (d.y == 0) {
        ADDL(b, "null");
        return;
    }
    char buf[16];
    rx_date_format(d, buf);
    addc(b, '"');
    adds(b, buf);
    addc(b, '"');
}

typedef struct emit_ctx {
    const rx_doc *doc;
    int *eid; /* entity -> output number (1-based), 0 = not emitted */
    /* put_entities' scratch (all four arrays are one allocation, eid's) */
    size_t *first; /* doc->ne + 1 entries, zeroed */
    size_t *order; /* doc->nm entries */
    int *by_id;    /* doc->ne entries */
    /* where put_entities wrote entity e's name (a JSON string) in the line:
     * name_at[2e] its offset, name_at[2e + 1] its length (2 * doc->ne entries) */
    size_t *name_at;
} emit_ctx;

static void put_entity_ref(rx_buf *b, const emit_ctx *cx, int mention)
{
    int e = mention < 0 ? -1 : cx->doc->m[mention].entity;
    if (e < 0 || cx->eid[e] == 0) {
        ADDL(b, "null");
        return;
    }
    ADDL(b, "{\"id\":\"E");
    put_int(b, cx->eid[e]);
    ADDL(b, "\",\"name\":");
    /* the name as the entity list has it (an entity referred to is listed) */
    size_t at = cx->name_at[2 * (size_t)e], n = cx->name_at[2 * (size_t)e + 1];
    if (reserve(b, n)) {
        memcpy(b->s + b->len, b->s + at, n);
        b->len += n;
    }
    addc(b, '}');
}

static void put_slot(rx_buf *b, const rx_doc *doc, const char *name, int mention, bool last)
{
    addc(b, '"');
    adds(b, name);
    ADDL(b, "\":");
    if (mention < 0)
        ADDL(b, "null");
    else
        put_span(b, doc, doc->m[mention].start, doc->m[mention].end);
    if (!last)
        addc(b, ',');
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
    ADDL(b, "\"entities\":[");
    /* the mentions listed for each entity, grouped by entity in text order
     * (a counting sort), so that each entity's list is one run */
    size_t *first = cx->first, *order = cx->order;
    int *by_id = cx->by_id;
    for (size_t i = 0; i < doc->nm; i++) {
        const rx_mention *m = &doc->m[i];
        if (m->entity >= 0 && !(m->flags & RX_MF_PRONOUN))
            first[m->entity + 1]++;
    }
    for (size_t e = 0; e < doc->ne; e++)
        first[e + 1] += first[e];
    for (size_t i = 0; i < doc->nm; i++) {
        const rx_mention *m = &doc->m[i];
        if (m->entity >= 0 && !(m->flags & RX_MF_PRONOUN))
            order[first[m->entity]++] = i;
    }
    /* now first[e] is where entity e's run ends (and e - 1's, where e's starts) */
    for (size_t e = 0; e < doc->ne; e++)
        if (cx->eid[e] > 0)
            by_id[cx->eid[e] - 1] = (int)e;
    for (int id = 1; id <= next; id++) {
        size_t e = (size_t)by_id[id - 1];
        const rx_entity *ent = &doc->e[e];
        const rx_mention *nm = &doc->m[ent->name_mention];
        if (id > 1)
            addc(b, ',');
        ADDL(b, "{\"id\":\"E");
        put_int(b, id);
        if (ent->type == RX_M_PERSON)
            ADDL(b, "\",\"type\":\"person\",\"name\":");
        else
            ADDL(b, "\",\"type\":\"org\",\"name\":");
        cx->name_at[2 * e] = b->len;
        put_span_text(b, doc, nm->start, nm->end);
        cx->name_at[2 * e + 1] = b->len - cx->name_at[2 * e];
        ADDL(b, ",\"mentions\":[");
        /* a mention written as the name is (most are) copies its text */
        size_t nlen = nm->end - nm->start;
        for (size_t k = e ? first[e - 1] : 0; k < first[e]; k++) {
            const rx_mention *m = &doc->m[order[k]];
            if (k > (e ? first[e - 1] : 0))
                addc(b, ',');
            if (m->end - m->start == nlen &&
                !memcmp(doc->text.cp + m->start, doc->text.cp + nm->start, nlen * sizeof *doc->text.cp))
                put_span_as(b, doc, m->start, m->end, cx->name_at[2 * e] + 1, cx->name_at[2 * e + 1] - 2);
            else
                put_span(b, doc, m->start, m->end);
        }
        ADDL(b, "]}");
    }
    addc(b, ']');
}

static void put_relation(rx_buf *b, const relx_engine *eng, const emit_ctx *cx,
                         const rx_relation *r, bool trace)
{
    const rx_doc *doc = cx->doc;
    const rx_rule *rule = &eng->rules.rules[r->rule];
    ADDL(b, "{\"type\":\"");
    adds(b, rx_reltype_names[r->type]);
    ADDL(b, "\",\"person\":");
    put_entity_ref(b, cx, r->person);
    ADDL(b, ",\"org\":");
    put_entity_ref(b, cx, r->org);
    ADDL(b, ",\"role\":");
    if (r->role >= 0)
        put_span_text(b, doc, doc->m[r->role].start, doc->m[r->role].end);
    else
        ADDL(b, "null");
    ADDL(b, ",\"predecessor\":");
    put_entity_ref(b, cx, r->predecessor);
    ADDL(b, ",\"date\":");
    put_date(b, r->date);
    ADDL(b, ",\"modality\":\"");
    adds(b, rx_modality_names[r->modality]);
    ADDL(b, "\",\"rule\":");
    if (r->derived) { /* the rule's id (a JSON string) with the suffix inside its quotes */
        add(b, eng->rule_json + eng->rule_json_at[r->rule],
            eng->rule_json_at[r->rule + 1] - eng->rule_json_at[r->rule] - 1);
        adds(b, r->derived);
        addc(b, '"');
    } else {
        add(b, eng->rule_json + eng->rule_json_at[r->rule],
            eng->rule_json_at[r->rule + 1] - eng->rule_json_at[r->rule]);
    }
    ADDL(b, ",\"evidence\":");
    put_span(b, doc, r->ev_start, r->ev_end);
    if (trace) {
        const rx_pattern *p = &rule->patterns[r->pattern];
        ADDL(b, ",\"trace\":{\"file\":");
        put_str(b, rule->file);
        ADDL(b, ",\"line\":");
        put_int(b, p->line);
        ADDL(b, ",\"pattern\":");
        put_str(b, p->source);
        ADDL(b, ",\"slots\":{");
        put_slot(b, doc, "person", r->person, false);
        put_slot(b, doc, "predecessor", r->predecessor, false);
        put_slot(b, doc, "org", r->org, false);
        put_slot(b, doc, "role", r->role, true);
        ADDL(b, "}}");
    }
    addc(b, '}');
}

int rx_emit_prepare(relx_engine *eng)
{
    rx_buf b = {0};
    eng->rule_json_at = malloc((eng->rules.n + 1) * sizeof *eng->rule_json_at);
    if (!eng->rule_json_at)
        return -1;
    for (size_t r = 0; r < eng->rules.n; r++) {
        eng->rule_json_at[r] = b.len;
        put_str(&b, eng->rules.rules[r].id);
    }
    eng->rule_json_at[eng->rules.n] = b.len;
    if (!b.oom && reserve(&b, 0))
        b.s[b.len] = '\0';
    if (b.oom) {
        rx_buf_free(&b);
        return -1;
    }
    eng->rule_json = b.s;
    return 0;
}

char *rx_emit_document(const relx_engine *eng, const rx_doc *doc, const relx_doc_options *opt,
                       size_t *len)
{
    /* one block: first (size_t, zeroed), order, name_at (size_t), eid (int,
     * zeroed), by_id (int) */
    size_t ne = doc->ne, nm = doc->nm;
    if (ne > SIZE_MAX / 8 / sizeof(size_t) || nm > SIZE_MAX / 8 / sizeof(size_t))
        return NULL;
    size_t nfirst = ne + 1, norder = nm ? nm : 1, neid = ne ? ne : 1;
    size_t *block = malloc((nfirst + norder + 2 * neid) * sizeof(size_t) + 2 * neid * sizeof(int));
    if (!block)
        return NULL;
    emit_ctx cx = {doc, (int *)(block + nfirst + norder + 2 * neid), block, block + nfirst, NULL,
                   block + nfirst + norder};
    cx.by_id = cx.eid + neid;
    memset(cx.first, 0, nfirst * sizeof *cx.first);
    memset(cx.eid, 0, neid * sizeof *cx.eid);
    rx_buf b = {0};
    reserve(&b, 4095); /* most lines fit: fewer reallocations */
    ADDL(&b, "{\"doc\":");
    put_str(&b, doc->id);
    ADDL(&b, ",\"lang\":\"");
    adds(&b, doc->lang ? doc->lang : "en");
    ADDL(&b, "\",\"date\":");
    put_date(&b, doc->pubdate);
    addc(&b, ',');
    put_entities(&b, &cx);
    ADDL(&b, ",\"relations\":[");
    for (size_t i = 0, k = 0; i < doc->nrel; i++) {
        if (doc->rel[i].modality == RX_MOD_DENIED && !opt->denied)
            continue; /* (a change the text denies did not happen) */
        if (k++)
            addc(&b, ',');
        put_relation(&b, eng, &cx, &doc->rel[i], opt->trace);
    }
    addc(&b, ']');
    if (doc->warnings.n) {
        ADDL(&b, ",\"warnings\":[");
        for (size_t i = 0; i < doc->warnings.n; i++) {
            if (i)
                addc(&b, ',');
            put_str(&b, doc->warnings.items[i]);
        }
        addc(&b, ']');
    }
    if (opt->meta_json && *opt->meta_json) {
        ADDL(&b, ",\"meta\":");
        adds(&b, opt->meta_json);
    }
    addc(&b, '}');
    free(block);
    if (!b.oom)
        b.s[b.len] = '\0'; /* reserve left room for it */
    if (b.oom) {
        rx_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return b.s;
}
