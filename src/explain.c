/* explain.c: `relx explain`, the library side. Why did a rule match, why did it
 * lose, why did it not match?
 *
 * A document goes through the normal pipeline (rx_extract_doc) with the
 * worker's explain sink set, so the matcher reports, sentence by sentence, the
 * subject it built, the patterns the prefilter let run, how many matches each
 * gave, and the overlap verdict on every candidate. Once the document is
 * complete (hook), every sentence is rendered:
 *
 *   sentence 2 (12-27): 劉德音正式交棒予魏哲家。
 *     mentions: person 劉德音 (12-15), person 魏哲家 (22-25)
 *     triggers: 交棒
 *     no match  zh.handover  handover.rules:3
 *       pattern:  {predecessor:person} 正式? 交棒 給 {person}
 *       matched:  {predecessor:person} 正式? 交棒  "劉德音正式交棒" (12-19)
 *       stopped:  handover.rules:3:33: 給  expected at 19: "予魏哲家。"
 *     relations: none
 *
 * Near misses come from rx_pattern_steps (rule_compile.c): the regex of the
 * first k top-level elements of the pattern, for every k. The longest one that
 * matches somewhere in the sentence shows how far the pattern got; the next
 * element is where it failed. Positions are code point offsets in the document,
 * as in the JSON output.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "explain.h"

typedef struct ex_attempt {
    size_t rule, pattern, matches;
    int error;
} ex_attempt;

typedef struct ex_verdict {
    rx_relation cand;
    bool lost;
    rx_relation winner;
} ex_verdict;

/* What the matcher reported on one sentence. */
typedef struct ex_sent {
    size_t sent;
    char *subject;
    size_t len;
    rx_unit *units;
    size_t nunits;
    uint64_t *run;
    ex_attempt *att;
    size_t natt, attcap;
    ex_verdict *ver;
    size_t nver, vercap;
} ex_sent;

typedef struct ex_ctx {
    const relx_engine *eng;
    relx_worker *w;
    const relx_explain_options *o;
    long rule;           /* -1: every rule */
    ex_sent *s;
    size_t ns, scap;
    rx_steps **steps;    /* per global pattern, computed when first needed */
    size_t *nsteps;
    bool *tried;
    pcre2_match_data *md;
    bool oom;
    FILE *out;
} ex_ctx;

/* ------------------------------------------------------------ the sink */

static ex_sent *last_sent(ex_ctx *x, size_t sent)
{
    return x->ns && x->s[x->ns - 1].sent == sent ? &x->s[x->ns - 1] : NULL;
}

static void on_sentence(void *ctx, const rx_doc *doc, size_t sent, const char *subject,
                        size_t subject_len, const rx_unit *units, size_t nunits,
                        const uint64_t *patterns_run)
{
    (void)doc;
    ex_ctx *x = ctx;
    if (x->oom || !RX_GROW(x->s, x->scap, x->ns + 1)) {
        x->oom = true;
        return;
    }
    ex_sent *s = &x->s[x->ns];
    memset(s, 0, sizeof *s);
    s->sent = sent;
    s->subject = rx_strndup(subject, subject_len);
    s->len = subject_len;
    s->units = malloc((nunits ? nunits : 1) * sizeof *s->units);
    s->run = malloc((x->eng->pat_words ? x->eng->pat_words : 1) * sizeof *s->run);
    if (!s->subject || !s->units || !s->run) {
        free(s->subject);
        free(s->units);
        free(s->run);
        x->oom = true;
        return;
    }
    memcpy(s->units, units, nunits * sizeof *units);
    s->nunits = nunits;
    memcpy(s->run, patterns_run, x->eng->pat_words * sizeof *s->run);
    x->ns++;
}

static void on_attempt(void *ctx, size_t sent, size_t rule, size_t pattern, size_t matches,
                       int error)
{
    ex_ctx *x = ctx;
    ex_sent *s = last_sent(x, sent);
    if (!s)
        return;
    if (!RX_GROW(s->att, s->attcap, s->natt + 1)) {
        x->oom = true;
        return;
    }
    s->att[s->natt++] = (ex_attempt){rule, pattern, matches, error};
}

static void on_verdict(void *ctx, const rx_doc *doc, size_t sent, const rx_relation *cand,
                       const rx_relation *winner)
{
    (void)doc;
    ex_ctx *x = ctx;
    ex_sent *s = last_sent(x, sent);
    if (!s)
        return;
    if (!RX_GROW(s->ver, s->vercap, s->nver + 1)) {
        x->oom = true;
        return;
    }
    ex_verdict *v = &s->ver[s->nver++];
    memset(v, 0, sizeof *v);
    v->cand = *cand;
    v->lost = winner != NULL;
    if (winner)
        v->winner = *winner;
}

static void sents_clear(ex_ctx *x)
{
    for (size_t i = 0; i < x->ns; i++) {
        free(x->s[i].subject);
        free(x->s[i].units);
        free(x->s[i].run);
        free(x->s[i].att);
        free(x->s[i].ver);
    }
    x->ns = 0;
}

/* ------------------------------------------------------------ text helpers */

static void add_text(rx_buf *b, const rx_doc *doc, size_t from, size_t to)
{
    for (size_t i = from; i < to && i < doc->text.n; i++) {
        uint32_t c = doc->text.cp[i];
        rx_buf_addcp(b, c < 0x20 || c == 0x7F ? ' ' : c);
    }
}

static char *text_of(const rx_doc *doc, size_t from, size_t to)
{
    rx_buf b = {0};
    add_text(&b, doc, from, to);
    if (!b.s)
        rx_buf_add(&b, "", 0);
    return b.s;
}

static const char *mention_type(int t)
{
    return t == RX_M_PERSON ? "person" : t == RX_M_ORG ? "org" : "role";
}

/* The name of a mention's entity (its naming mention), else the mention's text. */
static char *name_of(const rx_doc *doc, int m)
{
    if (m < 0)
        return NULL;
    const rx_mention *mm = &doc->m[m];
    if (mm->entity >= 0 && (size_t)mm->entity < doc->ne) {
        const rx_mention *nm = &doc->m[doc->e[mm->entity].name_mention];
        return text_of(doc, nm->start, nm->end);
    }
    return text_of(doc, mm->start, mm->end);
}

/* Code point span of subject bytes [bs, be) of sentence s. */
static size_t unit_at(const ex_sent *s, size_t byte)
{
    size_t lo = 0, hi = s->nunits;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (s->units[mid].byte_start <= byte)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static size_t start_cp(const ex_sent *s, const rx_span *sp, size_t byte)
{
    return byte >= s->len || s->nunits == 0 ? sp->end : s->units[unit_at(s, byte)].cp_start;
}

static size_t end_cp(const ex_sent *s, const rx_span *sp, size_t byte)
{
    return byte == 0 || s->nunits == 0 ? sp->start : s->units[unit_at(s, byte - 1)].cp_end;
}

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_GREEN "\033[32m"
#define C_RED "\033[31m"
#define C_DIM "\033[2m"

static const char *mention_color(int t)
{
    return t == RX_M_PERSON ? "\033[36m" : t == RX_M_ORG ? "\033[33m" : "\033[35m";
}

/* ------------------------------------------------------------ analysis */

static bool bit(const uint64_t *b, size_t g)
{
    return b[g / 64] >> (g % 64) & 1;
}

/* How far a pattern got on a sentence. */
/* Is global pattern g reported for this sentence? With --rule, every pattern
 * of that rule; otherwise those the prefilter let run. */
static bool pattern_shown(const ex_ctx *x, const ex_sent *s, size_t g)
{
    if (x->rule >= 0 && (long)x->eng->pat_rule[g] != x->rule)
        return false;
    return x->rule >= 0 || bit(s->run, g);
}

/* The attempt recorded for pattern pi of rule ri, NULL when it did not run. */
static const ex_attempt *attempt_of(const ex_sent *s, size_t ri, size_t pi)
{
    const ex_attempt *a = NULL;
    for (size_t k = 0; k < s->natt; k++)
        if (s->att[k].rule == ri && s->att[k].pattern == pi)
            a = &s->att[k];
    return a;
}

typedef struct near {
    bool ok;             /* analysed */
    const rx_steps *alt; /* the alternative that got furthest */
    size_t nalts, alt_i;
    size_t matched;      /* its first `matched` elements match */
    size_t m_start, m_end; /* code points of the longest matching prefix */
    size_t stop;         /* where the next element was expected */
} near;

static void near_miss(ex_ctx *x, const rx_doc *doc, const ex_sent *s, size_t g, near *out)
{
    memset(out, 0, sizeof *out);
    if (!x->tried[g]) {
        x->tried[g] = true;
        const rx_rule *r = &x->eng->rules.rules[x->eng->pat_rule[g]];
        if (rx_pattern_steps(r, &r->patterns[x->eng->pat_index[g]], &x->eng->lex, &x->steps[g],
                             &x->nsteps[g]) != 0)
            x->steps[g] = NULL;
    }
    if (!x->steps[g] || !x->md)
        return;
    const rx_span *sp = &doc->sent[s->sent];
    out->ok = true;
    out->nalts = x->nsteps[g];
    bool have = false;
    for (size_t a = 0; a < x->nsteps[g]; a++) {
        const rx_steps *st = &x->steps[g][a];
        size_t k = 0;
        size_t ms = sp->start, me = sp->start;
        while (k < st->n && st->v[k].prefix) {
            int rc = pcre2_match(st->v[k].prefix, (PCRE2_SPTR)s->subject, s->len, 0,
                                 PCRE2_NO_UTF_CHECK, x->md, x->w->mctx);
            if (rc < 0)
                break;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
            ms = start_cp(s, sp, ov[0]);
            me = end_cp(s, sp, ov[1]);
            if (ov[1] == ov[0])
                me = ms;
            k++;
        }
        if (!have || k > out->matched) {
            have = true;
            out->alt = st;
            out->alt_i = a;
            out->matched = k;
            out->m_start = ms;
            out->m_end = me;
            out->stop = k ? me : sp->start;
        }
    }
    if (!have)
        out->ok = false;
}

/* Why the prefilter did not run pattern g on the sentence. */
static char *not_tried(const ex_ctx *x, const ex_sent *s, size_t g, unsigned present)
{
    const rx_pattern *p = &x->eng->rules.rules[x->eng->pat_rule[g]].patterns[x->eng->pat_index[g]];
    rx_buf b = {0};
    (void)s;
    static const char *const slot[] = {"{person}", "{org}", "{role}"};
    unsigned missing = p->need & ~present;
    if (missing) {
        rx_buf_adds(&b, "it needs");
        bool first = true;
        for (int t = 0; t < 3; t++)
            if (missing >> t & 1) {
                rx_buf_printf(&b, "%s %s", first ? "" : " and", slot[t]);
                first = false;
            }
        rx_buf_adds(&b, ", and the sentence has none");
    } else {
        rx_buf_adds(&b, "none of its trigger words is in the sentence:");
        size_t n = p->ntriggers < 8 ? p->ntriggers : 8;
        for (size_t i = 0; i < n; i++)
            rx_buf_printf(&b, "%s %s", i ? "," : "", p->triggers[i]);
        if (p->ntriggers > n)
            rx_buf_printf(&b, ", ... (%zu in all)", p->ntriggers);
    }
    return b.s;
}

/* Why winner beat cand: the order of match.c's overlap policy. */
static char *lost_reason(const ex_ctx *x, const rx_doc *doc, const rx_relation *c,
                         const rx_relation *w)
{
    const rx_rule *rc = &x->eng->rules.rules[c->rule], *rw = &x->eng->rules.rules[w->rule];
    rx_buf b = {0};
    int pe = doc->m[c->person].entity;
    if (w->predecessor >= 0 && doc->m[w->predecessor].entity == pe)
        rx_buf_adds(&b, "its person is the predecessor there");
    else if (w->type == c->type)
        rx_buf_adds(&b, "same person, same type");
    else if (rw->excludes >> c->type & 1)
        rx_buf_printf(&b, "%s excludes %s", rw->id, rx_reltype_names[c->type]);
    else
        rx_buf_printf(&b, "%s excludes %s", rc->id, rx_reltype_names[w->type]);
    size_t lc = c->ev_end - c->ev_start, lw = w->ev_end - w->ev_start;
    if (rw->priority != rc->priority)
        rx_buf_printf(&b, "; higher priority (%d > %d)", rw->priority, rc->priority);
    else if (lw != lc)
        rx_buf_printf(&b, "; same priority, longer evidence (%zu > %zu characters)", lw, lc);
    else if (w->ev_start != c->ev_start)
        rx_buf_adds(&b, "; same priority and length, starts earlier");
    else
        rx_buf_adds(&b, "; same priority, length and start, defined earlier");
    return b.s;
}

/* ------------------------------------------------------------ text output */

static void describe_rel(rx_buf *b, const rx_doc *doc, const rx_relation *r)
{
    rx_buf_adds(b, rx_reltype_names[r->type]);
    static const char *const keys[] = {"person", "predecessor", "org"};
    int ms[] = {r->person, r->predecessor, r->org};
    for (int k = 0; k < 3; k++) {
        char *n = name_of(doc, ms[k]);
        if (n)
            rx_buf_printf(b, " %s=%s", keys[k], n);
        free(n);
    }
    if (r->role >= 0) {
        rx_buf_adds(b, " role=");
        add_text(b, doc, doc->m[r->role].start, doc->m[r->role].end);
    }
}

static json_t *jtext(const rx_doc *doc, size_t from, size_t to);

/* The distinct trigger words of a sentence, in order of appearance, written
 * as text (to b) or JSON strings (to arr). */
typedef struct trigger_list {
    bool *seen; /* per trigger */
    const rx_doc *doc;
    rx_buf *b;
    json_t *arr;
    size_t n;
} trigger_list;

static void list_trigger(void *ctx, size_t trigger, size_t start, size_t end)
{
    trigger_list *tl = ctx;
    if (tl->seen[trigger])
        return;
    tl->seen[trigger] = true;
    if (tl->b) {
        rx_buf_adds(tl->b, tl->n ? ", " : "");
        add_text(tl->b, tl->doc, start, end);
    } else {
        json_array_append_new(tl->arr, jtext(tl->doc, start, end));
    }
    tl->n++;
}

static void text_sentence(ex_ctx *x, const rx_doc *doc, size_t si, const ex_sent *s)
{
    const relx_engine *eng = x->eng;
    const rx_span *sp = &doc->sent[si];
    bool col = x->o->color;
    rx_buf b = {0};
    size_t first = 0;
    while (first < doc->nm && doc->m[first].start < sp->start)
        first++;
    size_t last = first;
    while (last < doc->nm && doc->m[last].start < sp->end)
        last++;
    unsigned present = 0;
    for (size_t i = first; i < last; i++)
        present |= 1u << (doc->m[i].type == RX_M_PERSON ? RX_SLOT_PERSON
                          : doc->m[i].type == RX_M_ORG  ? RX_SLOT_ORG
                                                        : RX_SLOT_ROLE);

    /* the sentence, mentions coloured */
    rx_buf_printf(&b, "%ssentence %zu%s (%zu-%zu): ", col ? C_BOLD : "", si + 1, col ? C_RESET : "",
                  sp->start, sp->end);
    size_t at = sp->start;
    for (size_t i = first; i < last; i++) {
        const rx_mention *m = &doc->m[i];
        if (m->start < at || m->end > sp->end)
            continue;
        add_text(&b, doc, at, m->start);
        if (col)
            rx_buf_adds(&b, mention_color(m->type));
        add_text(&b, doc, m->start, m->end);
        if (col)
            rx_buf_adds(&b, C_RESET);
        at = m->end;
    }
    add_text(&b, doc, at, sp->end);
    rx_buf_adds(&b, "\n  mentions: ");
    if (first == last)
        rx_buf_adds(&b, "none");
    for (size_t i = first; i < last; i++) {
        const rx_mention *m = &doc->m[i];
        rx_buf_printf(&b, "%s%s %s", i > first ? ", " : "", mention_type(m->type),
                      col ? mention_color(m->type) : "");
        if (m->flags & RX_MF_ZERO)
            rx_buf_adds(&b, "(implied subject)");
        else
            add_text(&b, doc, m->start, m->end);
        rx_buf_printf(&b, "%s (%zu-%zu)", col ? C_RESET : "", m->start, m->end);
    }
    rx_buf_addc(&b, '\n');

    /* trigger words of the pack present in the sentence */
    rx_buf_adds(&b, "  triggers: ");
    trigger_list tl = {eng->ntrig ? calloc(eng->ntrig, sizeof(bool)) : NULL, doc, &b, NULL, 0};
    if (tl.seen)
        rx_triggers_each(eng, doc->text.norm, sp->start, sp->end, list_trigger, &tl);
    free(tl.seen);
    size_t ntr = tl.n;
    rx_buf_adds(&b, ntr ? "\n" : "none\n");

    if (!s) {
        rx_buf_adds(&b, "  no person recognised in this sentence: no rule can match\n");
    } else {
        size_t shown = 0;
        for (size_t g = 0; g < eng->npatterns; g++) {
            size_t ri = eng->pat_rule[g], pi = eng->pat_index[g];
            if (!pattern_shown(x, s, g))
                continue;
            bool ran = bit(s->run, g);
            const rx_rule *r = &eng->rules.rules[ri];
            const rx_pattern *p = &r->patterns[pi];
            const ex_attempt *a = attempt_of(s, ri, pi);
            shown++;
            const char *label = a && a->error ? "error" : a && a->matches ? "match" : "no match";
            rx_buf_printf(&b, "  %s%-8s%s  %s%s%s", col ? (a && a->matches ? C_GREEN : C_RED) : "",
                          label, col ? C_RESET : "", col ? C_BOLD : "", r->id, col ? C_RESET : "");
            if (r->npatterns > 1)
                rx_buf_printf(&b, " (pattern %zu)", pi + 1);
            rx_buf_printf(&b, "  %s:%d\n", r->file, p->line);
            if (a && a->error) {
                PCRE2_UCHAR msg[120];
                pcre2_get_error_message(a->error, msg, sizeof msg);
                rx_buf_printf(&b, "    stopped by the matcher: %s\n", (const char *)msg);
            }
            if (a && a->matches) {
                size_t nc = 0;
                for (size_t k = 0; k < s->nver; k++) {
                    const ex_verdict *v = &s->ver[k];
                    if (v->cand.rule != ri || v->cand.pattern != pi)
                        continue;
                    nc++;
                    rx_buf_adds(&b, "    ");
                    describe_rel(&b, doc, &v->cand);
                    rx_buf_adds(&b, "  \"");
                    add_text(&b, doc, v->cand.ev_start, v->cand.ev_end);
                    rx_buf_printf(&b, "\" (%zu-%zu)\n", v->cand.ev_start, v->cand.ev_end);
                    if (v->lost) {
                        char *why = lost_reason(x, doc, &v->cand, &v->winner);
                        rx_buf_printf(&b, "      %slost%s to %s: %s\n", col ? C_RED : "",
                                      col ? C_RESET : "", eng->rules.rules[v->winner.rule].id,
                                      why ? why : "");
                        free(why);
                    } else {
                        rx_buf_printf(&b, "      %skept%s\n", col ? C_GREEN : "", col ? C_RESET : "");
                    }
                }
                if (nc == 0)
                    rx_buf_printf(&b, "    %zu match%s, but no relation: the person is not a named "
                                  "person, or the title belongs to someone else\n",
                                  a->matches, a->matches == 1 ? "" : "es");
                continue;
            }
            if (a && a->error)
                continue;
            if (!ran) {
                char *why = not_tried(x, s, g, present);
                rx_buf_printf(&b, "    not tried: %s\n", why ? why : "");
                free(why);
            } else if (p->ntriggers == 0 && x->rule < 0) {
                rx_buf_adds(&b, "    (no trigger word: tried on every sentence)\n");
                continue;
            }
            near n;
            near_miss(x, doc, s, g, &n);
            rx_buf_printf(&b, "    pattern:  %s\n", p->source);
            if (!n.ok)
                continue;
            const rx_steps *st = n.alt;
            if (n.nalts > 1)
                rx_buf_printf(&b, "    (alternative %zu of %zu got furthest)\n", n.alt_i + 1, n.nalts);
            if (n.matched) {
                rx_buf_adds(&b, "    matched: ");
                for (size_t k = 0; k < n.matched; k++)
                    rx_buf_printf(&b, " %s", st->v[k].source);
                rx_buf_printf(&b, "  \"%s", col ? C_GREEN : "");
                add_text(&b, doc, n.m_start, n.m_end);
                rx_buf_printf(&b, "%s\" (%zu-%zu)\n", col ? C_RESET : "", n.m_start, n.m_end);
            }
            if (n.matched < st->n) {
                const rx_step *f = &st->v[n.matched];
                rx_buf_printf(&b, "    stopped:  %s:%d:%d: %s%s%s", r->file, p->line, f->col,
                              col ? C_RED : "", f->source, col ? C_RESET : "");
                if (n.matched == 0) {
                    rx_buf_adds(&b, "  matches nowhere in the sentence\n");
                } else {
                    size_t end = n.stop + 12 < sp->end ? n.stop + 12 : sp->end;
                    rx_buf_printf(&b, "  expected at %zu: \"", n.stop);
                    add_text(&b, doc, n.stop, end);
                    rx_buf_printf(&b, "%s\"\n", end < sp->end ? "..." : "");
                    /* what stands there may be a name or title, which only a slot matches */
                    size_t q = n.stop;
                    while (q < sp->end && (doc->text.cp[q] == ' ' || doc->text.cp[q] == 0x3000))
                        q++;
                    for (size_t i = first; i < last; i++) {
                        const rx_mention *m = &doc->m[i];
                        if (m->start != q)
                            continue;
                        rx_buf_adds(&b, "    note:     \"");
                        add_text(&b, doc, m->start, m->end);
                        rx_buf_printf(&b, "\" there is a recognised %s: only a {%s} slot matches "
                                      "it, not words\n", mention_type(m->type),
                                      mention_type(m->type));
                    }
                }
            } else if (ran) {
                rx_buf_adds(&b, "    every element matches on its own, but not in one match\n");
            }
        }
        if (shown == 0)
            rx_buf_adds(&b, x->rule >= 0 ? "  (the rule has no pattern)\n"
                                         : "  no rule's trigger words are in this sentence\n");
    }

    /* the relations the document reports from this sentence */
    size_t nrel = 0;
    for (size_t i = 0; i < doc->nrel; i++) {
        const rx_relation *r = &doc->rel[i];
        if (r->ev_start < sp->start || r->ev_start >= sp->end)
            continue;
        rx_buf_adds(&b, nrel++ ? "             " : "  relations: ");
        describe_rel(&b, doc, r);
        rx_buf_printf(&b, "  (%s%s)\n", eng->rules.rules[r->rule].id, r->derived ? r->derived : "");
    }
    if (!nrel)
        rx_buf_adds(&b, "  relations: none\n");
    rx_buf_addc(&b, '\n');
    if (b.oom)
        x->oom = true;
    else if (b.s)
        fwrite(b.s, 1, b.len, x->out);
    rx_buf_free(&b);
}

/* ------------------------------------------------------------ JSON output */

static json_t *jtext(const rx_doc *doc, size_t from, size_t to)
{
    char *t = text_of(doc, from, to);
    json_t *v = t ? rx_json_text(t) : NULL;
    free(t);
    return v;
}

static json_t *jspan(const rx_doc *doc, size_t from, size_t to)
{
    return json_pack("{s:o,s:I,s:I}", "text", jtext(doc, from, to), "start", (json_int_t)from, "end",
                     (json_int_t)to);
}

static json_t *jname(const rx_doc *doc, int m)
{
    if (m < 0)
        return json_null();
    char *n = name_of(doc, m);
    json_t *v = n ? rx_json_text(n) : json_null();
    free(n);
    return v;
}

static json_t *jrel(const ex_ctx *x, const rx_doc *doc, const rx_relation *r)
{
    json_t *o = json_pack("{s:s,s:o,s:o,s:o,s:o,s:s,s:o}", "type", rx_reltype_names[r->type],
                          "person", jname(doc, r->person), "predecessor",
                          jname(doc, r->predecessor), "org", jname(doc, r->org), "role",
                          r->role >= 0 ? jtext(doc, doc->m[r->role].start, doc->m[r->role].end)
                                       : json_null(),
                          "rule", x->eng->rules.rules[r->rule].id, "evidence",
                          jspan(doc, r->ev_start, r->ev_end));
    if (o && r->derived) /* the rule's id with the suffix of a derived relation */
        json_object_set_new(o, "rule",
                            json_sprintf("%s%s", x->eng->rules.rules[r->rule].id, r->derived));
    return o;
}

static json_t *json_sentence(ex_ctx *x, const rx_doc *doc, size_t si, const ex_sent *s)
{
    const relx_engine *eng = x->eng;
    const rx_span *sp = &doc->sent[si];
    json_t *o = json_pack("{s:I,s:I,s:I,s:o}", "n", (json_int_t)(si + 1), "start",
                          (json_int_t)sp->start, "end", (json_int_t)sp->end, "text",
                          jtext(doc, sp->start, sp->end));
    json_t *ms = json_array(), *trs = json_array(), *pats = json_array(), *rels = json_array();
    unsigned present = 0;
    for (size_t i = 0; i < doc->nm; i++) {
        const rx_mention *m = &doc->m[i];
        if (m->start < sp->start || m->start >= sp->end)
            continue;
        present |= 1u << (m->type == RX_M_PERSON ? RX_SLOT_PERSON
                          : m->type == RX_M_ORG  ? RX_SLOT_ORG
                                                 : RX_SLOT_ROLE);
        json_t *j = jspan(doc, m->start, m->end);
        json_object_set_new(j, "type", json_string(mention_type(m->type)));
        json_array_append_new(ms, j);
    }
    trigger_list tl = {eng->ntrig ? calloc(eng->ntrig, sizeof(bool)) : NULL, doc, NULL, trs, 0};
    if (tl.seen)
        rx_triggers_each(eng, doc->text.norm, sp->start, sp->end, list_trigger, &tl);
    free(tl.seen);
    for (size_t g = 0; s && g < eng->npatterns; g++) {
        size_t ri = eng->pat_rule[g], pi = eng->pat_index[g];
        if (!pattern_shown(x, s, g))
            continue;
        bool ran = bit(s->run, g);
        const rx_rule *r = &eng->rules.rules[ri];
        const rx_pattern *p = &r->patterns[pi];
        const ex_attempt *a = attempt_of(s, ri, pi);
        json_t *jp = json_pack("{s:s,s:s,s:i,s:I,s:s,s:b,s:I}", "rule", r->id, "file", r->file,
                               "line", p->line, "pattern_index", (json_int_t)(pi + 1), "pattern",
                               p->source, "ran", ran, "matches",
                               (json_int_t)(a ? a->matches : 0));
        if (a && a->error) {
            PCRE2_UCHAR msg[120];
            pcre2_get_error_message(a->error, msg, sizeof msg);
            json_object_set_new(jp, "error", json_string((const char *)msg));
        }
        if (!ran) {
            char *why = not_tried(x, s, g, present);
            json_object_set_new(jp, "not_tried", why ? rx_json_text(why) : json_null());
            free(why);
        }
        json_t *cands = json_array();
        for (size_t k = 0; k < s->nver; k++) {
            const ex_verdict *v = &s->ver[k];
            if (v->cand.rule != ri || v->cand.pattern != pi)
                continue;
            json_t *jc = jrel(x, doc, &v->cand);
            json_object_set_new(jc, "verdict", json_string(v->lost ? "lost" : "kept"));
            if (v->lost) {
                char *why = lost_reason(x, doc, &v->cand, &v->winner);
                json_object_set_new(jc, "lost_to", json_string(eng->rules.rules[v->winner.rule].id));
                json_object_set_new(jc, "reason", why ? rx_json_text(why) : json_null());
                free(why);
            }
            json_array_append_new(cands, jc);
        }
        json_object_set_new(jp, "candidates", cands);
        if ((!a || (!a->matches && !a->error)) && (p->ntriggers > 0 || x->rule >= 0 || !ran)) {
            near n;
            near_miss(x, doc, s, g, &n);
            if (n.ok) {
                const rx_steps *st = n.alt;
                json_t *el = json_array();
                for (size_t k = 0; k < n.matched; k++)
                    json_array_append_new(el, json_string(st->v[k].source));
                json_t *nm = json_pack("{s:I,s:o}", "alternative", (json_int_t)(n.alt_i + 1),
                                       "matched", el);
                if (n.matched)
                    json_object_set_new(nm, "span", jspan(doc, n.m_start, n.m_end));
                if (n.matched < st->n) {
                    const rx_step *f = &st->v[n.matched];
                    json_object_set_new(nm, "failed",
                                        json_pack("{s:s,s:i,s:i,s:s,s:o}", "file", r->file, "line",
                                                  p->line, "col", f->col, "element", f->source,
                                                  "at", n.matched ? json_integer((json_int_t)n.stop)
                                                                  : json_null()));
                }
                json_object_set_new(jp, "near_miss", nm);
            }
        }
        json_array_append_new(pats, jp);
    }
    for (size_t i = 0; i < doc->nrel; i++) {
        const rx_relation *r = &doc->rel[i];
        if (r->ev_start >= sp->start && r->ev_start < sp->end)
            json_array_append_new(rels, jrel(x, doc, r));
    }
    json_object_set_new(o, "mentions", ms);
    json_object_set_new(o, "triggers", trs);
    json_object_set_new(o, "person_found", json_boolean(s != NULL));
    json_object_set_new(o, "patterns", pats);
    json_object_set_new(o, "relations", rels);
    return o;
}

/* ------------------------------------------------------------ the document */

static void render(void *ctx, const rx_doc *doc)
{
    ex_ctx *x = ctx;
    if (x->oom)
        return;
    json_t *root = NULL, *sents = NULL;
    if (x->o->json) {
        root = json_pack("{s:o,s:I}", "doc", rx_json_text(doc->id), "sentences_total",
                         (json_int_t)doc->nsent);
        sents = json_array();
    } else {
        fprintf(x->out, "%sdoc %s%s: %zu sentence%s, %zu relation%s\n\n", x->o->color ? C_BOLD : "",
                doc->id, x->o->color ? C_RESET : "", doc->nsent, doc->nsent == 1 ? "" : "s",
                doc->nrel, doc->nrel == 1 ? "" : "s");
    }
    size_t k = 0;
    for (size_t si = 0; si < doc->nsent; si++) {
        while (k < x->ns && x->s[k].sent < si)
            k++;
        const ex_sent *s = k < x->ns && x->s[k].sent == si ? &x->s[k] : NULL;
        if (x->o->sentence && x->o->sentence != si + 1)
            continue;
        if (x->o->json)
            json_array_append_new(sents, json_sentence(x, doc, si, s));
        else
            text_sentence(x, doc, si, s);
    }
    if (x->o->json) {
        json_object_set_new(root, "sentences", sents);
        char *line = json_dumps(root, JSON_COMPACT);
        if (line)
            fprintf(x->out, "%s\n", line);
        else
            x->oom = true;
        free(line);
        json_decref(root);
    } else if (x->o->sentence > doc->nsent) {
        fprintf(x->out, "(the document has no sentence %zu)\n\n", x->o->sentence);
    }
}

long relx_rule_find(const relx_engine *eng, const char *id)
{
    for (size_t i = 0; id && i < eng->rules.n; i++)
        if (strcmp(eng->rules.rules[i].id, id) == 0)
            return (long)i;
    return -1;
}

relx_status relx_explain(relx_worker *w, const char *doc_id, const char *bytes, size_t len,
                         const relx_doc_options *dopt, const relx_explain_options *eopt, FILE *out)
{
    relx_explain_options dflt = {0};
    if (!eopt)
        eopt = &dflt;
    if (!w || !out)
        return RELX_EUSAGE;
    const relx_engine *eng = w->eng;
    ex_ctx x = {.eng = eng, .w = w, .o = eopt, .rule = -1, .out = out};
    if (eopt->rule && (x.rule = relx_rule_find(eng, eopt->rule)) < 0)
        return RELX_EUSAGE;
    size_t np = eng->npatterns ? eng->npatterns : 1;
    x.steps = calloc(np, sizeof *x.steps);
    x.nsteps = calloc(np, sizeof *x.nsteps);
    x.tried = calloc(np, sizeof *x.tried);
    x.md = pcre2_match_data_create(64, NULL);
    relx_status st = RELX_ENOMEM;
    if (!x.steps || !x.nsteps || !x.tried || !x.md)
        goto done;
    rx_explain_sink sink = {&x, on_sentence, on_attempt, on_verdict};
    w->explain = &sink;
    char *line = NULL;
    size_t n = 0;
    st = rx_extract_doc(w, doc_id, bytes, len, dopt, &line, &n, render, &x);
    w->explain = NULL;
    if (st == RELX_EDOC && line) {
        if (eopt->json)
            fprintf(out, "%s\n", line);
        else
            fprintf(out, "doc %s: %s\n\n", doc_id ? doc_id : "-", line);
    }
    free(line);
    if (x.oom && st == RELX_OK)
        st = RELX_ENOMEM;
done:
    sents_clear(&x);
    free(x.s);
    for (size_t g = 0; x.steps && g < eng->npatterns; g++)
        rx_steps_free(x.steps[g], x.nsteps[g]);
    free(x.steps);
    free(x.nsteps);
    free(x.tried);
    pcre2_match_data_free(x.md);
    return st;
}
