/* resolve.c: owns the grouping of mentions into entities and pronoun resolution.
 *
 * Input: doc->m from entity.c, sorted by start; a person/org mention's entity
 * field holds its lexicon alias group (or -1) and RX_MF_ALIAS_ (0x100, private
 * to entity.c and this file) marks short forms. Mentions are joined (union-find)
 * when, in this order:
 *   1. their keys are equal: the matching copy, lower-cased, without white space
 *      and the name dots ·‧・• ("Ivana Novak" = "ivana novak");
 *   2. they share a lexicon alias group (Elon Musk|馬斯克);
 *   3. a Latin key of 4+ letters is at edit distance 1 of exactly one other
 *      entity's key (lvana -> ivana, acmr -> acme);
 *   3b. an organisation written with a legal form (Inc., Ltd, plc,
 *      股份有限公司, 公司) is the one written without it;
 *   4. a single Latin word is the first or last word of exactly one longer name
 *      (Novak -> Ivana Novak);
 *   4b. a transliterated name is the first or last part of exactly one dotted
 *      full name (伦纳德 -> 马克·伦纳德);
 *   5. a two-character Chinese name is the given name of exactly one full name
 *      (德音 -> 劉德音), and a short form beginning with a surname (張董事長)
 *      belongs to the only full name with that surname.
 * Pronouns then take the entity of their antecedent: for a person, the first
 * person of the same sentence before it (the subject), else the first person of
 * the nearest earlier sentence that has one (but inside a relative clause on a
 * name, ", who ... she", that name); for an organisation (該公司, the company),
 * the organisation named most often so far (not a dateline's agency), the one
 * named first on a tie. A pronoun without antecedent is dropped.
 *
 * Example: "Ivana Novak 表示... lvana Novak 說... 她" -> one entity with mentions
 * [Ivana Novak, lvana Novak, 她], named by mention 0 (the longest full form).
 */
#include <stdlib.h>
#include <string.h>
#include <uchar.h>
#include <utf8proc.h>

#include "internal.h"

static bool is_name_dot(uint32_t c)
{
    return c == 0xB7 || c == 0x2027 || c == 0x30FB || c == 0x2022 || c == 0xFF65 || c == '-';
}

/* Does the mention hold a name dot (马克·伦纳德, 米兰-里斯蒂奇)? */
static bool has_dot(const uint32_t *t, const rx_mention *m)
{
    for (size_t k = m->start + 1; k + 1 < m->end; k++)
        if (is_name_dot(t[k]))
            return true;
    return false;
}

#define RX_MF_ALIAS_ 0x100u

typedef struct rkey {
    uint32_t *k;
    size_t n;
    uint64_t h;
} rkey;


static int find(int *p, int x)
{
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

static void unite(int *p, int a, int b)
{
    a = find(p, a);
    b = find(p, b);
    if (a == b)
        return;
    if (a < b)
        p[b] = a;
    else
        p[a] = b;
}

/* utf8proc_tolower, without the call for ASCII and the Han blocks (no case) */
static uint32_t lower(uint32_t c)
{
    if (c < 0x80)
        return c - 'A' < 26u ? c + 32 : c;
    if (c - 0x3400u < 0xA000u - 0x3400u)
        return c;
    return (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
}

static bool is_dot_or_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000 || c == 0xB7 ||
           c == 0x2027 || c == 0x30FB || c == 0x2022;
}

static bool is_han(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2FFFF);
}

static bool is_latin(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Where the name before a trailing legal form (" Inc.", ", Ltd", " plc",
 * 股份有限公司, 公司) ends, 0 when the mention has none. */
static size_t legal_suffix_start(const uint32_t *t, const rx_mention *m)
{
#define LEGAL(s) {s, sizeof s - 1}
    static const struct {
        const char *s;
        size_t n;
    } forms[] = {LEGAL("Inc."), LEGAL("Inc"), LEGAL("Corp."), LEGAL("Corp"), LEGAL("Corporation"),
                 LEGAL("Co."), LEGAL("Ltd."), LEGAL("Ltd"), LEGAL("Limited"), LEGAL("LLC"),
                 LEGAL("plc"), LEGAL("PLC"), LEGAL("GmbH"), LEGAL("AG"), LEGAL("S.A."), {NULL, 0}};
#undef LEGAL
    /* every Latin form ends in a letter or '.', every Chinese one in 公司 */
    uint32_t last = m->end > m->start ? t[m->end - 1] : 0;
    bool latin_end = last == '.' || (last | 0x20u) - 'a' < 26u;
    for (int f = 0; latin_end && forms[f].s; f++) {
        size_t n = forms[f].n;
        if (m->end - m->start < n + 3)
            continue;
        size_t k = m->end - n, q = 0;
        while (q < n && t[k + q] == (uint32_t)(unsigned char)forms[f].s[q])
            q++;
        if (q < n || t[k - 1] != ' ')
            continue;
        size_t b = k - 1;
        if (t[b - 1] == ',')
            b--;
        return b;
    }
    /* Chinese legal forms, no space before them (青禾電子股份有限公司 =
     * 青禾電子); folded spellings, the longest first */
    static const char32_t *const zh[] = {U"股份有限公司", U"有限责任公司", U"有限公司", U"公司"};
    static const size_t zh_len[] = {6, 6, 4, 2};
    for (size_t f = 0; last == 0x53F8 /* 司 */ && f < sizeof zh / sizeof zh[0]; f++) {
        size_t n = zh_len[f];
        if (m->end - m->start < n + 2)
            continue;
        size_t k = m->end - n, q = 0;
        while (q < n && t[k + q] == (uint32_t)zh[f][q])
            q++;
        if (q == n)
            return k;
    }
    return 0;
}

static bool keq(const rkey *a, const rkey *b)
{
    return a->n == b->n && !memcmp(a->k, b->k, a->n * sizeof *a->k);
}

/* An open-addressing table of mention indexes (-1: free) for grouping the
 * mentions by a key (steps 1 and 2 of rx_resolve); cap is a power of two,
 * more than twice the entries. */
static size_t slot_of(const int *tab, size_t cap, uint64_t h, const void *ctx,
                      bool (*same)(const void *ctx, int a))
{
    size_t k = (size_t)(h ^ (h >> 29)) & (cap - 1);
    while (tab[k] >= 0 && !same(ctx, tab[k]))
        k = (k + 1) & (cap - 1);
    return k;
}

typedef struct group_ctx {
    const rx_mention *m;
    const rkey *keys;
    const int *lex;
    /* the entry looked for: its type, and its key's hash (step 1) or its
     * alias group (step 2) */
    int type, group;
    uint64_t h;
} group_ctx;

/* step 1: the same type and hash */
static bool same_type_hash(const void *ctx, int a)
{
    const group_ctx *g = ctx;
    return g->keys[a].h == g->h && (int)g->m[a].type == g->type;
}

/* step 2: the same alias group and type */
static bool same_group_type(const void *ctx, int a)
{
    const group_ctx *g = ctx;
    return g->lex[a] == g->group && (int)g->m[a].type == g->type;
}

/* Does a relative clause open right after a name at end (", who", "，其")
 * and run on to the pronoun at pron without another clause break? */
static bool relative_after(const uint32_t *t, size_t n, size_t end, size_t pron)
{
    size_t k = end;
    while (k < n && t[k] == ' ')
        k++;
    if (k >= n || t[k] != ',')
        return false;
    k++;
    while (k < n && t[k] == ' ')
        k++;
    bool who = k + 3 <= n && t[k] == 'w' && t[k + 1] == 'h' && t[k + 2] == 'o' &&
               (k + 3 == n || t[k + 3] == ' ');
    bool qi = k < n && t[k] == 0x5176; /* 其 */
    if (!who && !qi)
        return false;
    for (size_t q = k; q < pron; q++)
        if (t[q] == ';' || t[q] == 0x3002)
            return false;
    return true;
}

/* keys are lower-cased: a typo keeps the first letter, except i/l look-alikes
 * (lvana for Ivana); note/rote are different words */
static bool same_initial(uint32_t a, uint32_t b)
{
    return a == b || ((a == 'i' || a == 'l' || a == '1') && (b == 'i' || b == 'l' || b == '1'));
}

/* one key is the other plus a final s (brown/browns): a plural, not a typo */
static bool plural_of(const rkey *a, const rkey *b)
{
    const rkey *s = a->n < b->n ? a : b, *l = a->n < b->n ? b : a;
    return l->n == s->n + 1 && l->k[l->n - 1] == 's' && !memcmp(s->k, l->k, s->n * sizeof *s->k);
}

/* words of a Latin name: first and last (spans of the matching copy) */
static bool latin_words(const uint32_t *t, const rx_mention *m, size_t *fe, size_t *ls)
{
    size_t a = m->start, b = a;
    while (b < m->end && t[b] != ' ')
        b++;
    if (b == m->end)
        return false;
    size_t z = m->end;
    while (z > m->start && t[z - 1] != ' ')
        z--;
    *fe = b;
    *ls = z;
    return true;
}

static bool span_ieq(const uint32_t *t, size_t a, size_t ae, size_t b, size_t be)
{
    if (ae - a != be - b)
        return false;
    for (size_t i = 0; i < ae - a; i++)
        if (utf8proc_tolower((utf8proc_int32_t)t[a + i]) != utf8proc_tolower((utf8proc_int32_t)t[b + i]))
            return false;
    return true;
}

/* Does the bare organisation name j already stand for another, longer
 * name than the legal-suffix form i, one that starts with it (Harvard is
 * Harvard University by the lexicon: Harvard Corporation is another body)?
 * Forms of i's own base with a legal suffix (Apple Inc, Apple Inc.) do not
 * count. */
static bool other_longer_name(const uint32_t *t, const rx_mention *m, int *p, const int *forms, size_t nforms,
                              size_t i, size_t j)
{
    size_t lj = m[j].end - m[j].start;
    int g = find(p, (int)j);
    for (size_t fk = 0; fk < nforms; fk++) {
        size_t k = (size_t)forms[fk];
        if (k == i || k == j || m[k].type != RX_M_ORG || find(p, (int)k) != g || m[k].end - m[k].start <= lj + 1 ||
            t[m[k].start + lj] != ' ' || memcmp(t + m[k].start, t + m[j].start, lj * sizeof *t))
            continue;
        if (legal_suffix_start(t, &m[k]) == m[k].start + lj)
            continue;
        return true;
    }
    return false;
}

/* Is [end, pron) a verb of saying, maybe with "that" ("B announced he",
 * "B said that she")? */
static bool reported_after(const uint32_t *t, size_t end, size_t pron)
{
    static const char *const verbs[] = {"announced", "said", "says", "told", "confirmed", "revealed", "added",
                                        "stated", "explained", "insisted", "admitted", "claimed", "declared"};
    size_t a = end;
    while (a < pron && t[a] == ' ')
        a++;
    size_t b = a;
    while (b < pron && (t[b] | 32) >= 'a' && (t[b] | 32) <= 'z')
        b++;
    size_t c = b;
    while (c < pron && t[c] == ' ')
        c++;
    if (c + 4 < pron && (t[c] | 32) == 't' && (t[c + 1] | 32) == 'h' && (t[c + 2] | 32) == 'a' &&
        (t[c + 3] | 32) == 't' && t[c + 4] == ' ') {
        c += 4;
        while (c < pron && t[c] == ' ')
            c++;
    }
    return c == pron && a < b && rx_ascii_word_in(t, a, b, verbs, sizeof verbs / sizeof verbs[0]);
}

static size_t sentence_of(const rx_doc *doc, size_t pos) { return rx_span_index(doc->sent, doc->nsent, pos); }

/* Is the word after end (and spaces) a verb of saying ("Acme said")? */
static bool says_after(const uint32_t *t, size_t n, size_t end)
{
    static const char *const verbs[] = {"announced", "said", "says", "told", "confirmed", "added", "stated"};
    size_t a = end;
    while (a < n && t[a] == ' ')
        a++;
    size_t b = a;
    while (b < n && (t[b] | 32) >= 'a' && (t[b] | 32) <= 'z')
        b++;
    return a < b && rx_ascii_word_in(t, a, b, verbs, sizeof verbs / sizeof verbs[0]);
}

/* The start of the clause holding pos: just after the last , ; : (or their
 * full-width forms) between the sentence start lo and pos. */
static size_t clause_start(const uint32_t *t, size_t lo, size_t pos)
{
    while (pos > lo) {
        uint32_t c = t[pos - 1];
        if (c == ',' || c == ';' || c == ':' || c == 0xFF0C || c == 0xFF1A || c == 0xFF1B)
            break;
        pos--;
    }
    return pos;
}

/* Unite a with the single root among roots[0..n) (all of type); -1: none/ambiguous. */
static void unite_unique(int *p, int a, const int *cands, size_t nc)
{
    int root = -1;
    for (size_t i = 0; i < nc; i++) {
        int r = find(p, cands[i]);
        if (r == find(p, a))
            continue;
        if (root >= 0 && root != r)
            return;
        root = r;
    }
    if (root >= 0)
        unite(p, a, root);
}

/* A news agency credited in a dateline, "LONDON (Reuters) - ...": the
 * mention in brackets followed by a dash is no party to the story (nor the
 * organisation a pronoun stands for). */
bool rx_is_agency_credit(const rx_doc *doc, const rx_mention *m)
{
    const uint32_t *t = doc->text.norm;
    size_t n = doc->text.n;
    /* a byline: 經濟日報 記者陳怡君／台北報導, a newspaper before 記者 on the
     * first lines */
    if (m->start < 200 && m->end + 2 < n) {
        size_t k = m->end;
        while (k < n && (t[k] == ' ' || t[k] == 0x3000))
            k++;
        if (k + 1 < n && t[k] == 0x8BB0 && t[k + 1] == 0x8005) /* 记者 */
            return true;
    }
    /* a service opening the text or a line with its dateline: 星海网2024年5月3日讯,
     * 新华社北京3月12日电, 【某报2024年4月18日讯】 */
    if (m->start < 4 || t[m->start - 1] == '\n' || t[m->start - 1] == 0x3010 /* 【 */) {
        for (size_t k = m->end; k + 1 < n && k < m->end + 24; k++) {
            if (t[k] == '\n' || t[k] == 0xFF0C || t[k] == 0x3002 || t[k] == ',')
                break;
            if (t[k] == 0x65E5 /* 日 */ && (t[k + 1] == 0x7535 || t[k + 1] == 0x8BAF /* 电 讯 */))
                return true;
        }
    }
    if (m->start == 0 || (t[m->start - 1] != '(' && t[m->start - 1] != 0xFF08) || m->end >= n)
        return false;
    /* a Chinese dateline: （中央社記者王小明台北20日電） */
    for (size_t k = m->end; k < n && k < m->end + 40 && t[k] != '\n' && t[k] != ')' && t[k] != 0xFF09; k++)
        if (t[k] == 0x7535 /* 电 */ && k + 1 < n && (t[k + 1] == ')' || t[k + 1] == 0xFF09))
            return true;
    if (t[m->end] != ')' && t[m->end] != 0xFF09)
        return false;
    size_t k = m->end + 1;
    while (k < n && t[k] == ' ')
        k++;
    return k < n && (t[k] == '-' || t[k] == 0x2013 || t[k] == 0x2014);
}

/* An organisation's name that took in the verb before it (傳鴻宇電子總經理將
 *請辭, 消息指中文大學...: 传, 指, 称, 据 are "it is rumoured", "says",
 * "according to") loses it when the text names the organisation without it
 * elsewhere. Quadratic in the organisations, so only for short lists. */
static void trim_verb_prefix(rx_doc *doc, const uint32_t *t)
{
    rx_mention *m = doc->m;
    for (size_t i = 0; i < doc->nm; i++) {
        uint32_t c = t[m[i].start];
        if (m[i].type != RX_M_ORG || (m[i].flags & RX_MF_PRONOUN) || m[i].end - m[i].start < 3 ||
            (c != 0x4F20 /* 传 */ && c != 0x6307 /* 指 */ && c != 0x79F0 /* 称 */ && c != 0x636E /* 据 */))
            continue;
        size_t len = m[i].end - m[i].start - 1;
        for (size_t j = 0; j < doc->nm && j < 4096; j++)
            if (m[j].type == RX_M_ORG && m[j].end - m[j].start == len &&
                !memcmp(t + m[j].start, t + m[i].start + 1, len * sizeof *t)) {
                m[i].start++;
                break;
            }
    }
}

int rx_resolve(rx_doc *doc)
{
    size_t n = doc->nm;
    const uint32_t *t = doc->text.norm ? doc->text.norm : doc->text.cp;
    rx_mention *m = doc->m;
    int rc = -1;
    rkey *keys = calloc(n + 1, sizeof *keys);
    uint32_t *kbuf = NULL;
    int *p = malloc((n + 1) * sizeof *p);
    int *lex = malloc((n + 1) * sizeof *lex);
    int *cands = malloc((n + 1) * sizeof *cands);
    int *ent = malloc((n + 1) * sizeof *ent);
    int *order = malloc((n + 1) * sizeof *order);
    int *forms = malloc((n + 1) * sizeof *forms);
    size_t hcap = 16;
    while (hcap < 2 * (n + 1))
        hcap *= 2;
    int *tab = malloc(2 * hcap * sizeof *tab); /* the table (slot_of) and each chain's tail */
    if (!keys || !p || !lex || !cands || !ent || !order || !forms || !tab)
        goto done;
    trim_verb_prefix(doc, t);
    for (size_t i = 0; i < n; i++)
        ent[i] = 0;
    doc->ne = 0;
    /* one block holds every key */
    size_t klen = 0;
    for (size_t i = 0; i < n; i++)
        if (!(m[i].type == RX_M_ROLE || (m[i].flags & RX_MF_PRONOUN)))
            klen += m[i].end - m[i].start + 1;
    kbuf = malloc((klen + 1) * sizeof *kbuf);
    if (!kbuf)
        goto done;
    klen = 0;
    for (size_t i = 0; i < n; i++) {
        p[i] = (int)i;
        lex[i] = m[i].type == RX_M_ROLE ? -1 : m[i].entity;
        m[i].entity = -1;
        if (m[i].type == RX_M_ROLE || (m[i].flags & RX_MF_PRONOUN))
            continue;
        keys[i].k = kbuf + klen;
        klen += m[i].end - m[i].start + 1;
        uint64_t h = 1469598103934665603ull ^ (uint64_t)m[i].type;
        for (size_t q = m[i].start; q < m[i].end; q++) {
            uint32_t c = t[q];
            /* Han and the blocks around it: no dot or space, no case */
            if (!(c - 0x3400u < 0xA000u - 0x3400u)) {
                if (is_dot_or_space(c))
                    continue;
                c = lower(c);
            }
            keys[i].k[keys[i].n++] = c;
            h = (h ^ c) * 1099511628211ull;
        }
        keys[i].h = h;
    }
    /* 1: equal keys. The keyed mentions are chained by (type, hash), each
     * chain in index order (next: order); each run of equal keys in a chain is
     * one form, whose first mention stands for it in the quadratic steps
     * below. (The runs of the mentions sorted by type, hash and index: these
     * chains, one after another.) */
    group_ctx gc = {m, keys, lex, 0, 0, 0};
    int *ctail = tab + hcap, *next = order, *heads = cands;
    size_t nheads = 0;
    memset(tab, 0xFF, hcap * sizeof *tab); /* all -1 */
    for (size_t i = 0; i < n; i++) {
        if (!keys[i].k)
            continue;
        gc.type = (int)m[i].type;
        gc.h = keys[i].h;
        size_t k = slot_of(tab, hcap, keys[i].h ^ (uint64_t)m[i].type * 0x9E3779B97F4A7C15ull, &gc,
                           same_type_hash);
        next[i] = -1;
        if (tab[k] < 0) {
            tab[k] = (int)i;
            heads[nheads++] = (int)i;
        } else {
            next[ctail[k]] = (int)i;
        }
        ctail[k] = (int)i;
    }
    for (size_t q = 0; q < nheads; q++) {
        for (int a = heads[q]; a >= 0;) {
            int b = next[a]; /* a is the run's first mention, the lowest index */
            while (b >= 0 && keq(&keys[a], &keys[b])) {
                unite(p, a, b);
                b = next[b];
            }
            ent[a] = 1; /* ent: here, marks the forms */
            a = b;
        }
    }
    /* the forms in index order */
    size_t nforms = 0;
    for (size_t i = 0; i < n; i++)
        if (keys[i].k && ent[i] == 1)
            forms[nforms++] = (int)i;
    /* 2: a shared lexicon alias group: every mention of a (group, type) joins
     * the first one */
    memset(tab, 0xFF, hcap * sizeof *tab);
    for (size_t i = 0; i < n; i++) {
        if (!keys[i].k || lex[i] < 0)
            continue;
        gc.type = (int)m[i].type;
        gc.group = lex[i];
        uint64_t h = ((uint64_t)(uint32_t)lex[i] << 8 | m[i].type) * 0x9E3779B97F4A7C15ull;
        size_t k = slot_of(tab, hcap, h, &gc, same_group_type);
        if (tab[k] < 0)
            tab[k] = (int)i;
        else
            unite(p, tab[k], (int)i);
    }
    bool fuzzy = nforms <= 3000;
    /* 3: edit distance one, Latin keys of 4+ letters */
    for (size_t fi = 0; fuzzy && fi < nforms; fi++) {
        size_t i = (size_t)forms[fi];
        if (keys[i].n < 4 || !is_latin(keys[i].k[0]))
            continue;
        size_t nc = 0;
        for (size_t fj = 0; fj < nforms; fj++) {
            size_t j = (size_t)forms[fj];
            if (j != i && m[j].type == m[i].type && keys[j].n >= 4 && is_latin(keys[j].k[0]) &&
                find(p, (int)j) != find(p, (int)i) && same_initial(keys[i].k[0], keys[j].k[0]) &&
                !plural_of(&keys[i], &keys[j]) &&
                rx_edit_distance(keys[i].k, keys[i].n, keys[j].k, keys[j].n) == 1)
                cands[nc++] = (int)j;
        }
        unite_unique(p, (int)i, cands, nc);
    }
    /* 3b: an organisation with a legal suffix is the one without it
     * (Northwind Retail Inc. = Northwind Retail) */
    for (size_t fi = 0; fuzzy && fi < nforms; fi++) {
        size_t i = (size_t)forms[fi];
        size_t base = m[i].type == RX_M_ORG ? legal_suffix_start(t, &m[i]) : 0;
        if (!base)
            continue;
        for (size_t fj = 0; fj < nforms; fj++) {
            size_t j = (size_t)forms[fj];
            size_t lj = m[j].end - m[j].start;
            if (j != i && m[j].type == RX_M_ORG && lj == base - m[i].start &&
                !memcmp(t + m[j].start, t + m[i].start, lj * sizeof *t)) {
                if (!other_longer_name(t, m, p, forms, nforms, i, j))
                    unite(p, (int)i, (int)j);
                break;
            }
        }
    }
    /* 4: a single Latin word joins the one longer name it begins or ends */
    for (size_t fi = 0; fuzzy && fi < nforms; fi++) {
        size_t i = (size_t)forms[fi];
        if (m[i].type != RX_M_PERSON || !is_latin(t[m[i].start]))
            continue;
        size_t fe, ls;
        if (latin_words(t, &m[i], &fe, &ls))
            continue;
        size_t nc = 0;
        for (size_t fj = 0; fj < nforms; fj++) {
            size_t j = (size_t)forms[fj];
            if (m[j].type != RX_M_PERSON || !latin_words(t, &m[j], &fe, &ls))
                continue;
            if (span_ieq(t, m[i].start, m[i].end, m[j].start, fe) ||
                span_ieq(t, m[i].start, m[i].end, ls, m[j].end))
                cands[nc++] = (int)j;
        }
        unite_unique(p, (int)i, cands, nc);
    }
    /* 4b: a transliterated name joins the one dotted full name it begins or
     * ends (伦纳德 -> 马克·伦纳德) */
    for (size_t fi = 0; fuzzy && fi < nforms; fi++) {
        size_t i = (size_t)forms[fi];
        size_t li = m[i].end - m[i].start;
        if (m[i].type != RX_M_PERSON || !is_han(t[m[i].start]) || li < 2 || has_dot(t, &m[i]))
            continue;
        size_t nc = 0;
        for (size_t fj = 0; fj < nforms; fj++) {
            size_t j = (size_t)forms[fj];
            size_t lj = m[j].end - m[j].start;
            if (j == i || m[j].type != RX_M_PERSON || lj <= li + 1 || !has_dot(t, &m[j]))
                continue;
            bool tail = is_name_dot(t[m[j].end - li - 1]) &&
                        !memcmp(t + m[i].start, t + m[j].end - li, li * sizeof *t);
            bool head = is_name_dot(t[m[j].start + li]) &&
                        !memcmp(t + m[i].start, t + m[j].start, li * sizeof *t);
            if (tail || head)
                cands[nc++] = (int)j;
        }
        unite_unique(p, (int)i, cands, nc);
    }
    /* 5: Chinese given name alone, surname + title */
    for (size_t fi = 0; fuzzy && fi < nforms; fi++) {
        size_t i = (size_t)forms[fi];
        size_t li = m[i].end - m[i].start;
        if (m[i].type != RX_M_PERSON || !is_han(t[m[i].start]))
            continue;
        bool alias = (m[i].flags & RX_MF_ALIAS_) != 0;
        size_t nc = 0;
        for (size_t fj = 0; fj < nforms; fj++) {
            size_t j = (size_t)forms[fj];
            size_t lj = m[j].end - m[j].start;
            if (j == i || m[j].type != RX_M_PERSON || (m[j].flags & RX_MF_ALIAS_) ||
                !is_han(t[m[j].start]) || lj < 3 || lj > 4)
                continue;
            if (li == 2 && !memcmp(t + m[i].start, t + m[j].end - 2, 2 * sizeof *t))
                cands[nc++] = (int)j;
            else if (alias && li > 2 && t[m[i].start] == t[m[j].start])
                cands[nc++] = (int)j;
        }
        unite_unique(p, (int)i, cands, nc);
    }
    /* entities, in order of first mention */
    for (size_t i = 0; i < n; i++)
        ent[i] = -1;
    for (size_t i = 0; i < n; i++) {
        if (!keys[i].k)
            continue;
        int r = find(p, (int)i);
        if (ent[r] < 0) {
            if (!RX_GROW(doc->e, doc->ecap, doc->ne + 1))
                goto done;
            ent[r] = (int)doc->ne;
            doc->e[doc->ne++] = (rx_entity){m[i].type, i};
        }
        m[i].entity = ent[r];
        rx_entity *e = &doc->e[ent[r]];
        const rx_mention *b = &m[e->name_mention];
        bool ba = (b->flags & RX_MF_ALIAS_) != 0, ia = (m[i].flags & RX_MF_ALIAS_) != 0;
        if ((ba && !ia) || (ba == ia && m[i].end - m[i].start > b->end - b->start))
            e->name_mention = i;
    }
    /* pronouns; an organisation pronoun (該公司, the company) is the
     * organisation named most often so far, the most recent one on a tie */
    size_t *orgs = calloc(doc->ne ? doc->ne : 1, sizeof *orgs);
    if (!orgs)
        goto done;
    int focus = -1;
    size_t focus_n = 0;
    for (size_t i = 0; i < n; i++) {
        if (!(m[i].flags & RX_MF_PRONOUN) && m[i].type == RX_M_ORG && m[i].entity >= 0 &&
            !rx_is_agency_credit(doc, &m[i])) {
            size_t c = ++orgs[m[i].entity];
            if (c > focus_n) {
                focus_n = c;
                focus = m[i].entity;
            }
        }
        if (!(m[i].flags & RX_MF_PRONOUN) || m[i].type == RX_M_ROLE)
            continue;
        int ante = -1;
        if (m[i].type == RX_M_ORG) {
            ante = focus;
            /* the organisation that speaks in the same sentence, before it:
             * "Tern Corp. said X would join the company" */
            size_t si = sentence_of(doc, m[i].start);
            for (size_t j = i; j-- > 0 && m[j].start >= doc->sent[si].start;)
                if (m[j].type == RX_M_ORG && !(m[j].flags & RX_MF_PRONOUN) && m[j].entity >= 0 &&
                    !rx_is_agency_credit(doc, &m[j]) && says_after(t, m[i].start, m[j].end)) {
                    ante = m[j].entity;
                    break;
                }
        } else {
            size_t si = sentence_of(doc, m[i].start);
            size_t cur = si, first = SIZE_MAX, nearest = SIZE_MAX;
            /* an object (elected him) is never the subject of its verb: the
             * name right before that verb ("Karzai appointed him") */
            size_t verb = SIZE_MAX;
            if (m[i].flags & RX_MF_OBJECT) {
                verb = m[i].start;
                while (verb > 0 && t[verb - 1] == ' ')
                    verb--;
                while (verb > 0 && t[verb - 1] != ' ' && !is_dot_or_space(t[verb - 1]))
                    verb--;
            }
            for (size_t j = i; j-- > 0 && i - j <= 200;) {
                if (m[j].type != RX_M_PERSON || m[j].entity < 0)
                    continue;
                if (verb != SIZE_MAX && m[j].end <= verb) {
                    size_t q = m[j].end;
                    while (q < verb && t[q] == ' ')
                        q++;
                    if (q == verb)
                        continue;
                }
                size_t sj = sentence_of(doc, m[j].start);
                if (first != SIZE_MAX && sj != cur)
                    break;
                if (nearest == SIZE_MAX && sj == si)
                    nearest = j;
                cur = sj;
                first = j;
            }
            /* inside a relative clause on the nearest name, the pronoun is that
             * name: "A will succeed B, who said she would retire"; so it is
             * after that name's own words: "A said B announced he will leave" */
            if (nearest != SIZE_MAX && (relative_after(t, doc->text.n, m[nearest].end, m[i].start) ||
                                        reported_after(t, m[nearest].end, m[i].start)))
                first = nearest;
            /* a Chinese clause without a subject continues the nearest clause
             * before it in the sentence that names a person, and takes that
             * clause's first person: 由A接任總經理，B因屆齡退休，將轉任顧問 */
            if (nearest != SIZE_MAX && (m[i].flags & RX_MF_ZERO)) {
                size_t cs = clause_start(t, doc->sent[si].start, m[nearest].start);
                for (size_t j = nearest; j-- > 0 && m[j].start >= cs;)
                    if (m[j].type == RX_M_PERSON && m[j].entity >= 0)
                        nearest = j;
                first = nearest;
            }
            if (first != SIZE_MAX)
                ante = m[first].entity;
        }
        m[i].entity = ante;
    }
    free(orgs);
    /* drop unresolved pronouns; clear the private flag */
    size_t w = 0;
    int *remap = cands;
    for (size_t i = 0; i < n; i++) {
        remap[i] = -1;
        if ((m[i].flags & RX_MF_PRONOUN) && m[i].type != RX_M_ROLE && m[i].entity < 0)
            continue;
        remap[i] = (int)w;
        m[w] = m[i];
        m[w].flags &= ~RX_MF_ALIAS_;
        w++;
    }
    for (size_t k = 0; k < doc->ne; k++)
        doc->e[k].name_mention = (size_t)remap[doc->e[k].name_mention];
    doc->nm = w;
    rc = 0;
done:
    free(kbuf);
    free(keys);
    free(p);
    free(lex);
    free(cands);
    free(ent);
    free(order);
    free(forms);
    free(tab);
    return rc;
}
