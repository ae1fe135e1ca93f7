/* rule_parse.c: rule files -> rx_rule records, with located diagnostics. Owns the
 * "key: value" syntax of *.rules files, the relation type and modality name
 * tables, and freeing a rule set. Patterns are stored as written (with their
 * line and column); rule_compile.c turns them into PCRE2.
 *
 *   rule: zh.departure.announce
 *   type: departure
 *   pattern: {person} 也? 宣布 (離職|辭職|請辭)
 *   example: Anna Berg 也宣布離職。
 *   expect: person=Anna Berg
 *
 * Examples: every "example:" and "reject:" line becomes one rx_example. When
 * several "expect:" lines follow one example (several relations expected), the
 * example is stored once per expect line: consecutive rx_example entries with the
 * same line number and text, each holding one expected relation. A "pubdate:"
 * applies to every entry of the example it follows. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

const char *const rx_reltype_names[RX_NRELTYPES] = {
    "departure", "appointment", "succession",    "join",
    "dismissal", "reinstatement", "promotion", "holds_role",
};

const char *const rx_modality_names[RX_NMODS] = {"fact", "planned", "rumoured", "denied"};

/* -1 when the name is not a relation type. */
int rx_reltype_parse(const char *name)
{
    if (!name)
        return -1;
    for (int i = 0; i < RX_NRELTYPES; i++)
        if (strcmp(name, rx_reltype_names[i]) == 0)
            return i;
    return -1;
}

static int modality_parse(const char *name)
{
    for (int i = 0; i < RX_NMODS; i++)
        if (strcmp(name, rx_modality_names[i]) == 0)
            return i;
    return -1;
}

static const char *const expect_keys[] = {"person", "predecessor", "org", "role", "date", "modality"};

/* ------------------------------------------------------------------ freeing */

static void example_free(rx_example *ex)
{
    free(ex->text);
    free(ex->pubdate);
    for (size_t k = 0; k < ex->nkv; k++) {
        free(ex->keys[k]);
        free(ex->values[k]);
    }
    free(ex->keys);
    free(ex->values);
}

static void pattern_free(rx_pattern *p)
{
    free(p->source);
    free(p->regex);
    pcre2_code_free(p->code);
    free(p->slots);
    for (size_t t = 0; t < p->ntriggers; t++)
        free(p->triggers[t]);
    free(p->triggers);
}

static void rule_free(rx_rule *r)
{
    free(r->id);
    free(r->file);
    for (size_t i = 0; i < r->npatterns; i++)
        pattern_free(&r->patterns[i]);
    free(r->patterns);
    for (size_t i = 0; i < r->nexamples; i++)
        example_free(&r->examples[i]);
    free(r->examples);
}

/* Free every rule (compiled patterns included); rs itself is left empty. */
void rx_ruleset_free(rx_ruleset *rs)
{
    if (!rs)
        return;
    for (size_t i = 0; i < rs->n; i++)
        rule_free(&rs->rules[i]);
    free(rs->rules);
    rs->rules = NULL;
    rs->n = rs->cap = 0;
}

/* ------------------------------------------------------------------ the parser */

typedef struct parser {
    rx_ruleset *rs;
    const char *path;
    rx_diag *d;
    int line;        /* current line number */
    const char *text; /* current line (NUL-terminated copy) */

    bool in_rule;
    rx_rule r;       /* the rule being read; appended to rs when it ends */
    size_t pcap, ecap;
    char *header;    /* text of its "rule:" line, for diagnostics */
    bool duplicate;  /* its id is already taken: dropped at the end */
    int errors0;     /* d->errors when it began: a rule with errors is not also
                        reported as missing what its broken lines would have given */
    int type_line, prio_line, mod_line;
    /* the example that "expect:"/"pubdate:" lines refer to: entries
     * r.examples[ex_first .. r.nexamples) */
    bool has_example;
    size_t ex_first;
    bool ex_filled;  /* its first entry already holds an expect */
    int npositive;
} parser;

static void perr(parser *p, size_t byte_off, const char *fmt, const char *arg)
{
    int col = (int)rx_utf8_count(p->text, byte_off) + 1;
    rx_diag_error(p->d, p->path, p->line, col, p->text, fmt, arg);
}

static void oom(parser *p)
{
    rx_diag_error(p->d, p->path, p->line, 0, NULL, "out of memory");
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Skip ASCII blanks and U+3000 from s[i]. */
static size_t skip_space(const char *s, size_t i)
{
    for (;;) {
        if (is_blank(s[i]))
            i++;
        else if ((unsigned char)s[i] == 0xE3 && (unsigned char)s[i + 1] == 0x80 &&
                 (unsigned char)s[i + 2] == 0x80)
            i += 3;
        else
            return i;
    }
}

/* End of s[from..len) without trailing blanks. */
static size_t trim_end(const char *s, size_t from, size_t len)
{
    while (len > from) {
        if (is_blank(s[len - 1]))
            len--;
        else if (len >= from + 3 && memcmp(s + len - 3, "\xE3\x80\x80", 3) == 0)
            len -= 3;
        else
            break;
    }
    return len;
}

static void rule_end(parser *p)
{
    if (!p->in_rule)
        return;
    p->in_rule = false;
    rx_rule *r = &p->r;
    if (!p->duplicate && p->d->errors == p->errors0) {
        const char *msg = NULL;
        if (!p->type_line)
            msg = "rule '%s' has no 'type:' line";
        else if (r->npatterns == 0)
            msg = "rule '%s' has no 'pattern:' line";
        else if (p->npositive == 0)
            msg = "rule '%s' has no 'example:' line (every rule needs at least one)";
        if (msg)
            rx_diag_error(p->d, p->path, r->line, 1, p->header, msg, r->id);
    }
    if (p->duplicate || !RX_GROW(p->rs->rules, p->rs->cap, p->rs->n + 1)) {
        if (!p->duplicate)
            oom(p);
        rule_free(r);
    } else {
        p->rs->rules[p->rs->n++] = *r;
    }
    memset(r, 0, sizeof *r);
    free(p->header);
    p->header = NULL;
}

static void rule_begin(parser *p, const char *v, size_t voff, size_t vlen)
{
    rule_end(p);
    p->in_rule = true;
    memset(&p->r, 0, sizeof p->r);
    p->pcap = p->ecap = 0;
    p->duplicate = false;
    p->errors0 = p->d->errors;
    p->type_line = p->prio_line = p->mod_line = 0;
    p->has_example = false;
    p->npositive = 0;
    p->r.priority = 50;
    p->r.modality = -1;
    p->r.line = p->line;
    p->r.id = rx_strndup(v, vlen);
    p->r.file = rx_strdup(p->path ? p->path : "<rules>");
    p->header = rx_strdup(p->text);
    if (!p->r.id || !p->r.file || !p->header) {
        oom(p);
        p->duplicate = true; /* drop it */
        return;
    }
    if (vlen == 0) {
        perr(p, voff, "missing rule id after 'rule:'%s", "");
        return;
    }
    for (size_t i = 0; i < vlen; i++) {
        char c = v[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-')) {
            perr(p, voff + i,
                 "invalid rule id '%s' (use letters, digits, '.', '_' and '-')", p->r.id);
            return;
        }
    }
    for (size_t i = 0; i < p->rs->n; i++) {
        const rx_rule *o = &p->rs->rules[i];
        if (strcmp(o->id, p->r.id) == 0) {
            char where[64];
            snprintf(where, sizeof where, "%d", o->line);
            rx_diag_error(p->d, p->path, p->line, (int)rx_utf8_count(p->text, voff) + 1, p->text,
                          "duplicate rule id '%s' (first defined at %s:%s)", p->r.id, o->file,
                          where);
            p->duplicate = true;
            return;
        }
    }
}

/* Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" (shape and ranges only). */
static bool date_ok(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        bool dash = (i == 4 || i == 7);
        if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return false;
    }
    if (n != 4 && n != 7 && n != 10)
        return false;
    if (n >= 7) {
        int m = (s[5] - '0') * 10 + (s[6] - '0');
        if (m < 1 || m > 12)
            return false;
    }
    if (n == 10) {
        int dd = (s[8] - '0') * 10 + (s[9] - '0');
        if (dd < 1 || dd > 31)
            return false;
    }
    return true;
}

static rx_example *example_new(parser *p)
{
    if (!RX_GROW(p->r.examples, p->ecap, p->r.nexamples + 1)) {
        oom(p);
        return NULL;
    }
    rx_example *ex = &p->r.examples[p->r.nexamples++];
    memset(ex, 0, sizeof *ex);
    ex->line = p->line;
    return ex;
}

static void key_example(parser *p, const char *v, size_t voff, size_t vlen, bool reject)
{
    if (vlen == 0) {
        perr(p, voff, reject ? "empty 'reject:' text%s" : "empty 'example:' text%s", "");
        return;
    }
    rx_example *ex = example_new(p);
    if (!ex)
        return;
    ex->reject = reject;
    ex->col = (int)rx_utf8_count(p->text, voff) + 1;
    ex->text = rx_strndup(v, vlen);
    if (!ex->text) {
        oom(p);
        return;
    }
    p->has_example = true;
    p->ex_first = p->r.nexamples - 1;
    p->ex_filled = false;
    if (!reject)
        p->npositive++;
}

static bool kv_add(parser *p, rx_example *ex, const char *k, size_t klen, const char *v,
                   size_t vlen)
{
    size_t cap = ex->nkv; /* arrays are sized exactly */
    char **nk = realloc(ex->keys, (cap + 1) * sizeof *nk);
    if (nk)
        ex->keys = nk;
    char **nv = realloc(ex->values, (cap + 1) * sizeof *nv);
    if (nv)
        ex->values = nv;
    char *ks = rx_strndup(k, klen), *vs = rx_strndup(v, vlen);
    if (!nk || !nv || !ks || !vs) {
        free(ks);
        free(vs);
        oom(p);
        return false;
    }
    ex->keys[ex->nkv] = ks;
    ex->values[ex->nkv] = vs;
    ex->nkv++;
    return true;
}

/* Separator at s[i]: ';' or the full-width '；' (returns its byte length, or 0). */
static size_t semi_len(const char *s, size_t i)
{
    if (s[i] == ';')
        return 1;
    if (strncmp(s + i, "\xEF\xBC\x9B", 3) == 0)
        return 3;
    return 0;
}

static size_t equal_len(const char *s, size_t i)
{
    if (s[i] == '=')
        return 1;
    if (strncmp(s + i, "\xEF\xBC\x9D", 3) == 0)
        return 3;
    return 0;
}

static void key_expect(parser *p, size_t voff, size_t vend)
{
    const char *t = p->text;
    if (!p->has_example || p->r.examples[p->ex_first].reject) {
        perr(p, 0, "'expect:' without a preceding 'example:'%s", "");
        return;
    }
    if (vend == voff) {
        perr(p, voff, "empty 'expect:' (write key=value pairs separated by ';')%s", "");
        return;
    }
    /* parse into a scratch example first, then attach */
    rx_example tmp = {0};
    size_t i = voff;
    bool ok = true;
    while (ok && i < vend) {
        size_t s = skip_space(t, i);
        size_t e = s;
        while (e < vend && !semi_len(t, e))
            e++;
        size_t next = e < vend ? e + semi_len(t, e) : e;
        size_t pe = trim_end(t, s, e);
        if (pe > s) {
            size_t q = s;
            while (q < pe && !equal_len(t, q))
                q++;
            size_t kend = trim_end(t, s, q);
            char key[32];
            size_t klen = kend - s < sizeof key - 1 ? kend - s : sizeof key - 1;
            memcpy(key, t + s, klen);
            key[klen] = '\0';
            bool known = false;
            for (size_t k = 0; k < sizeof expect_keys / sizeof *expect_keys; k++)
                if (kend - s == strlen(expect_keys[k]) && memcmp(t + s, expect_keys[k], kend - s) == 0)
                    known = true;
            if (q == pe) {
                perr(p, s, "expected key=value in 'expect:', got '%s'", key);
                ok = false;
            } else if (!known) {
                perr(p, s,
                     "unknown expect key '%s' (keys: person, predecessor, org, role, date, modality)",
                     key);
                ok = false;
            } else {
                size_t vs = skip_space(t, q + equal_len(t, q));
                if (vs >= pe) { /* nothing but spaces after '=' (they may run past pe) */
                    perr(p, vs, "empty value for '%s' in 'expect:'", key);
                    ok = false;
                } else {
                    char *val = rx_strndup(t + vs, pe - vs);
                    if (!val) {
                        oom(p);
                        ok = false;
                    } else if (strcmp(key, "modality") == 0 && modality_parse(val) < 0) {
                        perr(p, vs, "unknown modality '%s' (fact, planned, rumoured or denied)", val);
                        ok = false;
                    } else if (strcmp(key, "date") == 0 && !date_ok(val)) {
                        perr(p, vs, "bad date '%s' (expected YYYY, YYYY-MM or YYYY-MM-DD)", val);
                        ok = false;
                    } else {
                        ok = kv_add(p, &tmp, t + s, kend - s, t + vs, pe - vs);
                    }
                    free(val);
                }
            }
        }
        i = next;
    }
    if (!ok) {
        example_free(&tmp);
        return;
    }
    rx_example *ex;
    if (!p->ex_filled) {
        ex = &p->r.examples[p->ex_first];
    } else {
        /* one more expected relation: a copy of the example */
        const rx_example *first = &p->r.examples[p->ex_first];
        char *text = rx_strdup(first->text);
        char *pub = first->pubdate ? rx_strdup(first->pubdate) : NULL;
        int line = first->line, col = first->col;
        ex = (text && (pub || !first->pubdate)) ? example_new(p) : NULL;
        if (!ex) {
            if (!text || (!pub && first->pubdate))
                oom(p);
            free(text);
            free(pub);
            example_free(&tmp);
            return;
        }
        ex->text = text;
        ex->pubdate = pub;
        ex->line = line;
        ex->col = col;
    }
    ex->keys = tmp.keys;
    ex->values = tmp.values;
    ex->nkv = tmp.nkv;
    p->ex_filled = true;
}

static void key_pubdate(parser *p, const char *v, size_t voff, size_t vlen)
{
    if (!p->has_example) {
        perr(p, 0, "'pubdate:' without a preceding 'example:'%s", "");
        return;
    }
    char *s = rx_strndup(v, vlen);
    if (!s) {
        oom(p);
        return;
    }
    if (!date_ok(s)) {
        perr(p, voff, "bad pubdate '%s' (expected YYYY-MM-DD)", s);
        free(s);
        return;
    }
    for (size_t i = p->ex_first; i < p->r.nexamples; i++) {
        char *c = rx_strdup(s);
        if (!c) {
            oom(p);
            break;
        }
        free(p->r.examples[i].pubdate);
        p->r.examples[i].pubdate = c;
    }
    free(s);
}

static void key_type(parser *p, const char *v, size_t voff, size_t vlen)
{
    char name[64];
    size_t n = vlen < sizeof name - 1 ? vlen : sizeof name - 1;
    memcpy(name, v, n);
    name[n] = '\0';
    if (p->type_line) {
        char where[32];
        snprintf(where, sizeof where, "%d", p->type_line);
        perr(p, 0, "second 'type:' in one rule (the first is on line %s)", where);
        return;
    }
    int t = rx_reltype_parse(name);
    if (t < 0 || n != vlen) {
        perr(p, voff,
             "unknown relation type '%s' (departure, appointment, succession, join, dismissal, "
             "reinstatement, promotion or holds_role)",
             name);
        return;
    }
    p->r.type = (rx_reltype)t;
    p->type_line = p->line;
}

static void key_priority(parser *p, const char *v, size_t voff, size_t vlen)
{
    char buf[32];
    size_t n = vlen < sizeof buf - 1 ? vlen : sizeof buf - 1;
    memcpy(buf, v, n);
    buf[n] = '\0';
    if (p->prio_line) {
        char where[32];
        snprintf(where, sizeof where, "%d", p->prio_line);
        perr(p, 0, "second 'priority:' in one rule (the first is on line %s)", where);
        return;
    }
    size_t i = 0;
    bool neg = false;
    if (n > 0 && (buf[0] == '-' || buf[0] == '+')) {
        neg = buf[0] == '-';
        i = 1;
    }
    long val = 0;
    bool ok = i < n && n == vlen;
    for (; ok && i < n; i++) {
        if (buf[i] < '0' || buf[i] > '9' || val > 1000000)
            ok = false;
        else
            val = val * 10 + (buf[i] - '0');
    }
    if (!ok || val > 1000000) {
        perr(p, voff, "bad priority '%s' (expected a whole number, e.g. 60)", buf);
        return;
    }
    p->r.priority = (int)(neg ? -val : val);
    p->prio_line = p->line;
}

static void key_excludes(parser *p, size_t voff, size_t vend)
{
    const char *t = p->text;
    size_t i = voff;
    while (i < vend) {
        while (i < vend && (is_blank(t[i]) || t[i] == ','))
            i++;
        size_t s = i;
        while (i < vend && !is_blank(t[i]) && t[i] != ',')
            i++;
        if (i == s)
            break;
        char name[64];
        size_t n = i - s < sizeof name - 1 ? i - s : sizeof name - 1;
        memcpy(name, t + s, n);
        name[n] = '\0';
        int ty = rx_reltype_parse(name);
        if (ty < 0 || n != i - s)
            perr(p, s, "unknown relation type '%s' in 'excludes:'", name);
        else
            p->r.excludes |= 1u << ty;
    }
}

static void key_modality(parser *p, const char *v, size_t voff, size_t vlen)
{
    char *s = rx_strndup(v, vlen);
    if (!s) {
        oom(p);
        return;
    }
    if (p->mod_line) {
        char where[32];
        snprintf(where, sizeof where, "%d", p->mod_line);
        perr(p, 0, "second 'modality:' in one rule (the first is on line %s)", where);
    } else {
        int m = modality_parse(s);
        if (m < 0) {
            perr(p, voff, "unknown modality '%s' (fact, planned, rumoured or denied)", s);
        } else {
            p->r.modality = m;
            p->mod_line = p->line;
        }
    }
    free(s);
}

static void key_pattern(parser *p, const char *v, size_t voff, size_t vlen)
{
    if (vlen == 0) {
        perr(p, voff, "empty 'pattern:'%s", "");
        return;
    }
    if (!RX_GROW(p->r.patterns, p->pcap, p->r.npatterns + 1)) {
        oom(p);
        return;
    }
    rx_pattern *pat = &p->r.patterns[p->r.npatterns];
    memset(pat, 0, sizeof *pat);
    pat->source = rx_strndup(v, vlen);
    if (!pat->source) {
        oom(p);
        return;
    }
    pat->line = p->line;
    pat->col = (int)rx_utf8_count(p->text, voff) + 1;
    p->r.npatterns++;
}

static const char *const rule_keys[] = {"rule",    "type",   "priority", "excludes", "modality",
                                        "pattern", "example", "expect",  "pubdate",  "reject"};

/* One line of the file (NUL-terminated, no newline, valid UTF-8). */
static void parse_line(parser *p)
{
    const char *t = p->text;
    size_t len = strlen(t);
    size_t i = skip_space(t, 0);
    if (i == len || t[i] == '#')
        return;
    size_t ks = i;
    while ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z') || t[i] == '_')
        i++;
    size_t ke = i;
    i = skip_space(t, i);
    size_t colon = 0;
    if (t[i] == ':')
        colon = 1;
    else if (strncmp(t + i, "\xEF\xBC\x9A", 3) == 0) /* full-width colon */
        colon = 3;
    bool is_rule = ke - ks == 4 && memcmp(t + ks, "rule", 4) == 0 && colon;
    if (!p->in_rule && !is_rule) {
        perr(p, ks, "text outside a rule (a rule starts with 'rule: ID')%s", "");
        return;
    }
    if (ke == ks || !colon) {
        perr(p, ks, "expected 'key: value'%s", "");
        return;
    }
    char key[16];
    size_t kn = ke - ks < sizeof key - 1 ? ke - ks : sizeof key - 1;
    memcpy(key, t + ks, kn);
    key[kn] = '\0';
    size_t voff = skip_space(t, i + colon);
    size_t vend = trim_end(t, voff, len);
    const char *v = t + voff;
    size_t vlen = vend - voff;
    int which = -1;
    for (int k = 0; k < (int)(sizeof rule_keys / sizeof *rule_keys); k++)
        if (ke - ks == strlen(rule_keys[k]) && memcmp(t + ks, rule_keys[k], ke - ks) == 0)
            which = k;
    switch (which) {
    case 0: rule_begin(p, v, voff, vlen); break;
    case 1: key_type(p, v, voff, vlen); break;
    case 2: key_priority(p, v, voff, vlen); break;
    case 3: key_excludes(p, voff, vend); break;
    case 4: key_modality(p, v, voff, vlen); break;
    case 5: key_pattern(p, v, voff, vlen); break;
    case 6: key_example(p, v, voff, vlen, false); break;
    case 7: key_expect(p, voff, vend); break;
    case 8: key_pubdate(p, v, voff, vlen); break;
    case 9: key_example(p, v, voff, vlen, true); break;
    default:
        perr(p, ks,
             "unknown key '%s' (keys: rule, type, priority, excludes, modality, pattern, "
             "example, expect, pubdate, reject)",
             key);
    }
}

/* Parse one rule file, appending its rules to rs (a rule whose id is already
 * taken is reported and dropped). Returns the number of errors reported to d. */
int rx_rules_parse(rx_ruleset *rs, const char *path, const char *data, size_t len, rx_diag *d)
{
    int errors0 = d->errors;
    parser p = {.rs = rs, .path = path ? path : "<rules>", .d = d};
    size_t pos = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        pos = 3; /* BOM */
    while (pos < len) {
        size_t eol = pos;
        while (eol < len && data[eol] != '\n')
            eol++;
        p.line++;
        char *text = rx_strndup(data + pos, eol - pos);
        if (!text) {
            oom(&p);
            break;
        }
        p.text = text;
        /* the whole line must be UTF-8 without NUL bytes */
        size_t n = eol - pos, i = 0;
        bool bad = false;
        while (i < n && !bad) {
            size_t at = i;
            uint32_t c = rx_utf8_next(text, n, &i);
            if (c == 0) {
                perr(&p, at, "NUL byte in rule file%s", "");
                bad = true;
            } else if (c == 0xFFFD && i - at == 1) {
                char hex[8];
                snprintf(hex, sizeof hex, "0x%02X", (unsigned char)text[at]);
                perr(&p, at, "invalid UTF-8 (byte %s)", hex);
                bad = true;
            }
        }
        if (!bad)
            parse_line(&p);
        free(text);
        p.text = NULL;
        pos = eol < len ? eol + 1 : eol;
    }
    rule_end(&p);
    return d->errors - errors0;
}
