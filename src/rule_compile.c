/* rule_compile.c: rule patterns -> PCRE2. Owns the pattern language: parsing a
 * pattern into a small tree, generating the PCRE2 source, compiling it (JIT when
 * available), recording the capture group of every slot, computing the prefilter
 * triggers and needed slot types, and mapping every PCRE2 error back to the
 * column of the rule text it came from.
 *
 * A worked example. The rule
 *
 *   rule: zh.departure.announce
 *   type: departure
 *   pattern: {person} 也? 宣布 (離職|辭職) {gap:4} CEO
 *
 * is parsed into the sequence
 *
 *   SLOT person  LIT 也 (optional)  LIT 宣布  GROUP(LIT 离职 | LIT 辞职)  GAP 0-4  LIT CEO
 *
 * (literals are folded by rx_norm_utf8: 離職 -> 离职) and becomes
 *
 *   ([\x{E001}\x{E004}])(?:[\s\x{E004}]*也)?[\s\x{E004}]*宣布[\s\x{E004}]*(?:离职|辞职)
 *   [\s\x{E004}]*[^\x{E001}\x{E004}]{0,4}?[\s\x{E004}]*(?<![A-Za-z0-9])(?i:CEO)(?![A-Za-z0-9])
 *
 * (one line in reality) with slots = {group 1, arg person, type person}, and
 * need = 1 << RX_SLOT_PERSON. Triggers: the required items 宣布, the group
 * {离职, 辞职} and CEO are candidates; the one whose shortest literal is longest
 * wins, so triggers = {"ceo"} (three code points beat two).
 * An optional item carries the white space before it inside its optional group,
 * so that "{person} 宣布" still matches when 也 is absent.
 *
 * The subject is the matching copy of a sentence with every recognised mention
 * replaced by one placeholder (U+E001 person, U+E002 org, U+E003 role), so a
 * slot compiles to a single code point in a capture group. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "internal.h"

#define MAX_DEPTH 32  /* nesting of ( ) */
#define GAP_DEFAULT 12
#define GAP_MAX 200

typedef enum node_kind { N_LIT, N_GROUP, N_SLOT, N_GAP, N_LEX, N_RAW } node_kind;

typedef struct node node;
typedef struct seq {
    node *items;
    size_t n, cap;
} seq;
typedef struct alts {
    seq *v;
    size_t n, cap;
} alts;

struct node {
    node_kind kind;
    int col;              /* column of the item in the rule file */
    bool opt;             /* followed by '?' */
    int sep;              /* white space before it: 0 none, 1 \s*, 2 \s+ */
    bool first_alnum;     /* LIT: starts with an ASCII letter or digit */
    bool last_alnum;      /* LIT: ends with one */
    char *text;           /* LIT: folded literal; RAW: folded regex */
    alts group;           /* GROUP */
    rx_slot_type stype;   /* SLOT */
    rx_arg arg;
    bool list;
    int lo, hi;           /* GAP */
    bool cross;           /* GAP: {any:..} may cross person placeholders */
    char **aliases;       /* LEX: folded aliases, longest first */
    size_t naliases;
    size_t end_i;         /* pattern code point index after the item (and its '?') */
};

/* ------------------------------------------------------------------ tree */

static void alts_free(alts *a);

static void node_free(node *nd)
{
    free(nd->text);
    alts_free(&nd->group);
    for (size_t i = 0; i < nd->naliases; i++)
        free(nd->aliases[i]);
    free(nd->aliases);
}

static void seq_free(seq *s)
{
    for (size_t i = 0; i < s->n; i++)
        node_free(&s->items[i]);
    free(s->items);
    s->items = NULL;
    s->n = s->cap = 0;
}

static void alts_free(alts *a)
{
    for (size_t i = 0; i < a->n; i++)
        seq_free(&a->v[i]);
    free(a->v);
    a->v = NULL;
    a->n = a->cap = 0;
}

/* ------------------------------------------------------------------ parser */

typedef struct cc {
    const rx_rule *rule;
    const rx_pattern *pat;
    const rx_lexicons *lx;
    rx_diag *d;
    char *line_text; /* the pattern's line, rebuilt for diagnostics */
    const char *src;
    uint32_t *cp;    /* the pattern's code points ... */
    size_t *bo;      /* ... and their byte offsets in src (n + 1 entries) */
    size_t n, i;
    int depth;
    bool failed;     /* an error was reported: stop */
    bool quiet;      /* re-parsing a pattern that compiled (explain): report nothing */
} cc;

static void cerr(cc *c, size_t idx, const char *fmt, ...) RX_PRINTF(3, 4);
static void cerr(cc *c, size_t idx, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->failed = true;
    if (c->quiet)
        return;
    rx_diag_error(c->d, c->rule->file, c->pat->line, c->pat->col + (int)idx, c->line_text, "%s",
                  msg);
}

/* Full-width forms of the operators are ordinary characters: warn where one is used. */
static void warn_fullwidth(cc *c, size_t idx, uint32_t x)
{
    if (c->quiet)
        return;
    static const uint32_t ops[] = {0xFF1F, 0xFF08, 0xFF09, 0xFF5C, 0xFF5B, 0xFF5D};
    for (size_t k = 0; k < sizeof ops / sizeof *ops; k++) {
        if (x != ops[k])
            continue;
        char ch[5] = {0};
        rx_utf8_encode(x, ch);
        rx_diag_warning(c->d, c->rule->file, c->pat->line, c->pat->col + (int)idx, c->line_text,
                        "full-width '%s' is an ordinary character here (it matches '%c'); write "
                        "'%c' for the operator, or '\\%s' to keep the character",
                        ch, (char)(x - 0xFEE0), (char)(x - 0xFEE0), ch);
        return;
    }
}

static void coom(cc *c)
{
    cerr(c, 0, "out of memory compiling this pattern");
}

static bool is_space_cp(uint32_t x)
{
    return x == ' ' || x == '\t' || x == 0x3000;
}

static bool is_alnum_ascii(int x)
{
    return (x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z') || (x >= '0' && x <= '9');
}

static bool gap_at(const cc *c, size_t i)
{
    return i + 2 < c->n && c->cp[i] == '.' && c->cp[i + 1] == '.' && c->cp[i + 2] == '.';
}

static bool is_special(uint32_t x)
{
    return x == '{' || x == '}' || x == '(' || x == ')' || x == '|' || x == '?' || x == '[' ||
           x == ']' || x == '@' || x == '\\' || x == '`' || is_space_cp(x);
}

/* A copy of src code points [a, b). */
static char *cp_str(const cc *c, size_t a, size_t b)
{
    return rx_strndup(c->src + c->bo[a], c->bo[b] - c->bo[a]);
}

static bool cp_eq(const cc *c, size_t a, size_t b, const char *word)
{
    size_t n = c->bo[b] - c->bo[a];
    return n == strlen(word) && memcmp(c->src + c->bo[a], word, n) == 0;
}

static void trim_range(const cc *c, size_t *a, size_t *b)
{
    while (*a < *b && is_space_cp(c->cp[*a]))
        (*a)++;
    while (*b > *a && is_space_cp(c->cp[*b - 1]))
        (*b)--;
}

static char *fold(cc *c, const char *s, size_t len)
{
    char *f = rx_norm_utf8(s, len);
    if (!f)
        coom(c);
    return f;
}

static bool parse_alts(cc *c, alts *out, size_t open_idx);

/* {...}: a slot or a gap. c->i is at '{'. */
static void parse_brace(cc *c, node *nd)
{
    size_t open = c->i, j = open + 1;
    while (j < c->n && c->cp[j] != '}')
        j++;
    if (j == c->n) {
        cerr(c, open, "unterminated '{' (missing '}')");
        return;
    }
    c->i = j + 1;
    size_t a = open + 1, b = j;
    trim_range(c, &a, &b);
    if (a == b) {
        cerr(c, open, "empty slot '{}' (write {person}, {org}, {role} or {gap:N})");
        return;
    }
    size_t k = a;
    while (k < b && c->cp[k] != ':' && c->cp[k] != 0xFF1A)
        k++;
    size_t ha = a, hb = k, ta = k < b ? k + 1 : b, tb = b;
    trim_range(c, &ha, &hb);
    trim_range(c, &ta, &tb);
    bool colon = k < b;

    if (colon && (cp_eq(c, ha, hb, "gap") || cp_eq(c, ha, hb, "any"))) {
        nd->kind = N_GAP;
        nd->cross = cp_eq(c, ha, hb, "any");
        /* N or M-N */
        long v[2] = {0, 0};
        int nv = 0;
        size_t q = ta;
        bool ok = true;
        for (;;) {
            long x = 0;
            size_t s0 = q;
            while (q < tb && c->cp[q] >= '0' && c->cp[q] <= '9' && x <= GAP_MAX)
                x = x * 10 + (long)(c->cp[q++] - '0');
            if (q == s0 || (q < tb && c->cp[q] >= '0' && c->cp[q] <= '9')) {
                ok = false;
                break;
            }
            v[nv++] = x;
            if (q < tb && c->cp[q] == '-' && nv == 1) {
                q++;
                continue;
            }
            break;
        }
        if (q < tb)
            ok = false;
        if (nv == 1) {
            v[1] = v[0];
            v[0] = 0;
        }
        char *word = cp_str(c, ha, hb);
        if (!ok || v[1] > GAP_MAX || v[0] > v[1] || v[1] < 1) {
            char *arg = cp_str(c, ta, tb);
            cerr(c, ta,
                 "bad gap length '%s' (write {%s:N} or {%s:M-N} with 1 <= N <= %d and M <= N)",
                 arg ? arg : "", word ? word : "gap", word ? word : "gap", GAP_MAX);
            free(arg);
        }
        free(word);
        nd->lo = (int)v[0];
        nd->hi = (int)v[1];
        return;
    }

    nd->kind = N_SLOT;
    /* type: the part after ':' (or the only word), with an optional '+' */
    size_t ya = colon ? ta : ha, yb = colon ? tb : hb;
    if (yb > ya && c->cp[yb - 1] == '+') {
        nd->list = true;
        yb--;
    }
    char *tname = cp_str(c, ya, yb);
    if (!tname) {
        coom(c);
        return;
    }
    if (strcmp(tname, "person") == 0)
        nd->stype = RX_SLOT_PERSON;
    else if (strcmp(tname, "org") == 0)
        nd->stype = RX_SLOT_ORG;
    else if (strcmp(tname, "role") == 0)
        nd->stype = RX_SLOT_ROLE;
    else {
        const char *hint = "";
        if (!colon && strcmp(tname, "predecessor") == 0)
            hint = " (write {predecessor:person})";
        else if (!colon && (strcmp(tname, "gap") == 0 || strcmp(tname, "any") == 0))
            hint = " (write {gap:N})";
        else if (!colon || ya == yb)
            hint = " (slot types: person, org, role)";
        cerr(c, ya, "unknown slot type '%s'%s", tname, hint);
        free(tname);
        return;
    }
    free(tname);
    static const rx_arg deflt[] = {RX_ARG_PERSON, RX_ARG_ORG, RX_ARG_ROLE};
    nd->arg = deflt[nd->stype];
    if (!colon)
        return;
    char *aname = cp_str(c, ha, hb);
    if (!aname) {
        coom(c);
        return;
    }
    static const char *const tnames[] = {"a person", "an org", "a role"};
    rx_slot_type want;
    if (strcmp(aname, "_") == 0) {
        nd->arg = RX_ARG_NONE;
        want = nd->stype;
    } else if (strcmp(aname, "person") == 0) {
        nd->arg = RX_ARG_PERSON;
        want = RX_SLOT_PERSON;
    } else if (strcmp(aname, "predecessor") == 0) {
        nd->arg = RX_ARG_PREDECESSOR;
        want = RX_SLOT_PERSON;
    } else if (strcmp(aname, "org") == 0) {
        nd->arg = RX_ARG_ORG;
        want = RX_SLOT_ORG;
    } else if (strcmp(aname, "role") == 0) {
        nd->arg = RX_ARG_ROLE;
        want = RX_SLOT_ROLE;
    } else {
        cerr(c, ha, "unknown argument '%s' (arguments: person, predecessor, org, role, _)", aname);
        free(aname);
        return;
    }
    if (want != nd->stype)
        cerr(c, ha, "argument '%s' takes %s slot, not %s", aname, tnames[want],
             tnames[nd->stype]);
    free(aname);
}

static int ascii_lower(int x)
{
    return x >= 'A' && x <= 'Z' ? x + 32 : x;
}

static bool ascii_ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (ascii_lower((unsigned char)*a) != ascii_lower((unsigned char)*b))
            return false;
    return *a == *b;
}

/* Longest (in code points) first; then ASCII-case-insensitively, so that
 * aliases differing only in case end up next to each other; then bytewise. */
static int cmp_alias(const void *a, const void *b)
{
    const char *x = *(char *const *)a, *y = *(char *const *)b;
    size_t nx = rx_utf8_count(x, strlen(x)), ny = rx_utf8_count(y, strlen(y));
    if (nx != ny)
        return nx > ny ? -1 : 1;
    for (const char *p = x, *q = y; *p || *q; p++, q++) {
        int d = ascii_lower((unsigned char)*p) - ascii_lower((unsigned char)*q);
        if (d)
            return d;
    }
    return strcmp(x, y);
}

/* @name: the lexicon's aliases, folded, longest first. c->i is at '@'. */
static void parse_lexicon(cc *c, node *nd)
{
    size_t at = c->i, j = at + 1;
    while (j < c->n && (is_alnum_ascii((int)c->cp[j]) || c->cp[j] == '_' || c->cp[j] == '-'))
        j++;
    c->i = j;
    nd->kind = N_LEX;
    if (j == at + 1) {
        cerr(c, at, "'@' must be followed by a lexicon name (letters, digits, '_', '-')");
        return;
    }
    char *name = cp_str(c, at + 1, j);
    if (!name) {
        coom(c);
        return;
    }
    const rx_lexicon *lex = rx_lexicon_find(c->lx, name);
    if (!lex) {
        cerr(c, at, "unknown lexicon '%s' (no file lexicon/%s.txt)", name, name);
        free(name);
        return;
    }
    free(name);
    size_t cap = 0;
    for (size_t e = 0; e < lex->n && !c->failed; e++) {
        const char *s = lex->entries[e];
        size_t len = strlen(s), a = 0;
        for (size_t q = 0; q <= len && !c->failed; q++) {
            if (q < len && s[q] != '|')
                continue;
            size_t x = a, y = q;
            while (x < y && (s[x] == ' ' || s[x] == '\t'))
                x++;
            while (y > x && (s[y - 1] == ' ' || s[y - 1] == '\t'))
                y--;
            a = q + 1;
            if (x == y)
                continue;
            char *f = fold(c, s + x, y - x);
            if (!f)
                break;
            if (!RX_GROW(nd->aliases, cap, nd->naliases + 1)) {
                free(f);
                coom(c);
                break;
            }
            nd->aliases[nd->naliases++] = f;
        }
    }
    if (nd->naliases < 2)
        return;
    /* sort, then drop aliases equal to the one before (ignoring ASCII case) */
    qsort(nd->aliases, nd->naliases, sizeof *nd->aliases, cmp_alias);
    size_t k = 1;
    for (size_t q = 1; q < nd->naliases; q++) {
        if (ascii_ieq(nd->aliases[q], nd->aliases[k - 1]))
            free(nd->aliases[q]);
        else
            nd->aliases[k++] = nd->aliases[q];
    }
    nd->naliases = k;
}

/* `raw`: c->i is at the opening backtick. */
static void parse_raw(cc *c, node *nd)
{
    size_t open = c->i, j = open + 1;
    while (j < c->n && c->cp[j] != '`')
        j++;
    nd->kind = N_RAW;
    if (j == c->n) {
        cerr(c, open, "unterminated '`' (missing closing '`')");
        return;
    }
    c->i = j + 1;
    if (j == open + 1) {
        cerr(c, open, "empty raw regex ``");
        return;
    }
    nd->text = fold(c, c->src + c->bo[open + 1], c->bo[j] - c->bo[open + 1]);
    if (!nd->text)
        return;
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)nd->text, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &ec,
                                     &eo, NULL);
    if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(ec, msg, sizeof msg);
        cerr(c, open + 1 + rx_utf8_count(nd->text, eo), "invalid raw regex: %s", (char *)msg);
        return;
    }
    uint32_t ncap = 0;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &ncap);
    pcre2_code_free(code);
    if (ncap > 0)
        cerr(c, open,
             "raw regex must not contain capturing groups (write (?:...) instead of (...))");
}

/* A literal token: c->i is at its first character. */
static void parse_literal(cc *c, node *nd)
{
    rx_buf b = {0};
    nd->kind = N_LIT;
    while (c->i < c->n) {
        uint32_t x = c->cp[c->i];
        if (x == '\\') {
            if (c->i + 1 >= c->n) {
                cerr(c, c->i, "'\\' at the end of the pattern (nothing to escape)");
                rx_buf_free(&b);
                return;
            }
            rx_buf_addcp(&b, c->cp[c->i + 1]);
            c->i += 2;
            continue;
        }
        if (is_special(x) || gap_at(c, c->i))
            break;
        warn_fullwidth(c, c->i, x);
        rx_buf_addcp(&b, x);
        c->i++;
    }
    if (b.oom) {
        rx_buf_free(&b);
        coom(c);
        return;
    }
    nd->text = fold(c, b.s, b.len);
    rx_buf_free(&b);
    if (nd->text && nd->text[0]) {
        nd->first_alnum = is_alnum_ascii((unsigned char)nd->text[0]);
        nd->last_alnum = is_alnum_ascii((unsigned char)nd->text[strlen(nd->text) - 1]);
    }
}

/* One item of a sequence, at c->i (not white space, '|', ')', '?'). */
static void parse_item(cc *c, node *nd)
{
    size_t i = c->i;
    nd->col = c->pat->col + (int)i;
    uint32_t x = c->cp[i];
    if (gap_at(c, i)) {
        nd->kind = N_GAP;
        nd->lo = 0;
        nd->hi = GAP_DEFAULT;
        c->i += 3;
    } else if (x == '(') {
        nd->kind = N_GROUP;
        if (++c->depth > MAX_DEPTH) {
            cerr(c, i, "groups nested more than %d deep", MAX_DEPTH);
            return;
        }
        c->i++;
        parse_alts(c, &nd->group, i);
        c->depth--;
    } else if (x == '{') {
        parse_brace(c, nd);
    } else if (x == '@') {
        parse_lexicon(c, nd);
    } else if (x == '`') {
        parse_raw(c, nd);
    } else if (x == '}') {
        cerr(c, i, "'}' without a matching '{'");
    } else if (x == '[' || x == ']') {
        cerr(c, i, "'%c' is reserved (write \\%c for the character itself)", (char)x, (char)x);
    } else {
        parse_literal(c, nd);
    }
}

/* Items until '|', ')' or the end. */
static void parse_seq(cc *c, seq *s)
{
    bool space = false;
    while (!c->failed && c->i < c->n) {
        uint32_t x = c->cp[c->i];
        if (is_space_cp(x)) {
            space = true;
            c->i++;
            continue;
        }
        if (x == '|' || x == ')')
            return;
        if (x == '?') {
            if (s->n == 0)
                cerr(c, c->i, "'?' with nothing before it (it makes the item before it optional)");
            else if (s->items[s->n - 1].opt)
                cerr(c, c->i, "'?' after an item that is already optional");
            else {
                s->items[s->n - 1].opt = true;
                s->items[s->n - 1].end_i = c->i + 1;
            }
            c->i++;
            space = false;
            continue;
        }
        if (!RX_GROW(s->items, s->cap, s->n + 1)) {
            coom(c);
            return;
        }
        node *nd = &s->items[s->n];
        memset(nd, 0, sizeof *nd);
        s->n++;
        parse_item(c, nd);
        s->items[s->n - 1].end_i = c->i;
        if (space && s->n > 1) {
            const node *prev = &s->items[s->n - 2];
            nd->sep = (prev->kind == N_LIT && prev->last_alnum && nd->kind == N_LIT &&
                       nd->first_alnum)
                          ? 2
                          : 1;
        }
        space = false;
    }
}

/* Alternatives until the ')' closing the '(' at open_idx (SIZE_MAX: the whole
 * pattern, until the end). */
static bool parse_alts(cc *c, alts *out, size_t open_idx)
{
    for (;;) {
        if (!RX_GROW(out->v, out->cap, out->n + 1)) {
            coom(c);
            return false;
        }
        seq *s = &out->v[out->n++];
        memset(s, 0, sizeof *s);
        parse_seq(c, s);
        if (c->failed)
            return false;
        bool at_end = c->i >= c->n;
        uint32_t x = at_end ? 0 : c->cp[c->i];
        if (x == ')' && open_idx == SIZE_MAX) {
            cerr(c, c->i, "unbalanced parentheses: ')' without a matching '('");
            return false;
        }
        if (s->n == 0) {
            if (open_idx != SIZE_MAX && x == ')' && out->n == 1)
                cerr(c, open_idx, "empty group '()'");
            else if (at_end && open_idx == SIZE_MAX && out->n == 1)
                cerr(c, 0, "empty pattern");
            else if (!at_end)
                cerr(c, c->i, "empty alternative before '%c'", (char)x);
            else if (open_idx == SIZE_MAX)
                cerr(c, c->n - 1, "empty alternative at the end of the pattern");
            /* else: unclosed group, reported below */
            if (c->failed)
                return false;
        }
        if (at_end) {
            if (open_idx != SIZE_MAX) {
                cerr(c, open_idx, "unbalanced parentheses: this '(' is never closed");
                return false;
            }
            return true;
        }
        c->i++;
        if (x == ')')
            return true;
        /* x == '|': next alternative */
    }
}

/* ------------------------------------------------------------------ generator */

typedef struct colmap {
    size_t off;      /* offset in the generated regex ... */
    int col;         /* ... that comes from this rule column */
    const char *raw; /* a raw regex copied from here (offsets inside map 1:1) */
} colmap;

typedef struct gen {
    rx_buf re;
    colmap *map;
    size_t nmap, mapcap;
    rx_slot *slots;
    size_t nslots, slotcap;
    int ngroups;
    bool oom;
} gen;

static void map_add(gen *g, int col, const char *raw)
{
    if (!RX_GROW(g->map, g->mapcap, g->nmap + 1)) {
        g->oom = true;
        return;
    }
    g->map[g->nmap++] = (colmap){g->re.len, col, raw};
}

static const char *const placeholder[] = {"\\x{E001}", "\\x{E002}", "\\x{E003}"};

/* Separator between members of a {person+} list (the subject is folded, so
 * ， is , and 與 is 与). */
#define LIST_SEP "\\s*(?:,\\s*(?i:and)|以及|[、,和与及跟&]|(?i:and))\\s*"

static void emit_escaped(gen *g, const char *s)
{
    for (; *s; s++) {
        unsigned char x = (unsigned char)*s;
        if (x >= 0x80 || is_alnum_ascii(x) || x == ' ')
            rx_buf_addc(&g->re, (char)x);
        else if (x < 0x20 || x == 0x7F)
            rx_buf_printf(&g->re, "\\x{%X}", x);
        else {
            rx_buf_addc(&g->re, '\\');
            rx_buf_addc(&g->re, (char)x);
        }
    }
}

static bool has_ascii_letter(const char *s)
{
    for (; *s; s++)
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
            return true;
    return false;
}

/* A folded literal: escaped, case-insensitive when it has ASCII letters,
 * guarded against ASCII letters/digits on the sides that have them. */
static void emit_literal(gen *g, const char *s)
{
    size_t n = strlen(s);
    bool letters = has_ascii_letter(s);
    if (n && is_alnum_ascii((unsigned char)s[0]))
        rx_buf_adds(&g->re, "(?<![A-Za-z0-9])");
    if (letters)
        rx_buf_adds(&g->re, "(?i:");
    emit_escaped(g, s);
    if (letters)
        rx_buf_addc(&g->re, ')');
    if (n && is_alnum_ascii((unsigned char)s[n - 1]))
        rx_buf_adds(&g->re, "(?![A-Za-z0-9])");
}

/* The word guard of a whole alternation, whatever each alternative starts or
 * ends with: "if an ASCII letter/digit is on this side, the other side must not
 * be one". One guard per list keeps PCRE2 within its limits for long lists. */
#define LIST_GUARD "(?(?<=[A-Za-z0-9])(?![A-Za-z0-9]))"

static void emit_alts(gen *g, const alts *a);

static void emit_node(gen *g, const node *nd)
{
    map_add(g, nd->col, NULL);
    if (nd->opt)
        rx_buf_adds(&g->re, "(?:");
    if (nd->sep)
        rx_buf_adds(&g->re, nd->sep == 2 ? "\\s+" : "[\\s\\x{E004}]*");
    switch (nd->kind) {
    case N_LIT:
        emit_literal(g, nd->text);
        break;
    case N_GROUP:
        rx_buf_adds(&g->re, "(?:");
        emit_alts(g, &nd->group);
        rx_buf_addc(&g->re, ')');
        break;
    case N_SLOT: {
        g->ngroups++;
        if (!RX_GROW(g->slots, g->slotcap, g->nslots + 1)) {
            g->oom = true;
        } else {
            g->slots[g->nslots++] =
                (rx_slot){.group = g->ngroups, .arg = nd->arg, .type = nd->stype, .list = nd->list};
        }
        const char *ph = placeholder[nd->stype];
        if (nd->list && nd->stype == RX_SLOT_PERSON)
            /* later members may carry their own title, with a short
             * description before it: A、總務長 B 和社會影響主管 C (not
             * one that says who acts: "撤換 A，由二軍總教練 B" opens a
             * clause of its own) */
            rx_buf_printf(&g->re, "(%s(?:" LIST_SEP "(?:[^\\x{E001}\\x{E002}、,由]{0,10}?%s\\s*)?%s)*)", ph,
                          placeholder[RX_SLOT_ROLE], ph);
        else if (nd->list)
            rx_buf_printf(&g->re, "(%s(?:" LIST_SEP "%s)*)", ph, ph);
        else if (nd->stype == RX_SLOT_PERSON)
            rx_buf_adds(&g->re, "([\\x{E001}\\x{E004}])"); /* a name or an implied subject */
        else
            rx_buf_printf(&g->re, "(%s)", ph);
        break;
    }
    case N_GAP:
        /* a gap never runs over a name, nor over the implied subject of
         * another clause */
        rx_buf_printf(&g->re, "%s{%d,%d}?", nd->cross ? "[\\s\\S]" : "[^\\x{E001}\\x{E004}]", nd->lo,
                      nd->hi);
        break;
    case N_LEX:
        if (nd->naliases == 0) {
            rx_buf_adds(&g->re, "(?!)"); /* an empty lexicon matches nothing */
            break;
        }
    {
        bool letters = false;
        for (size_t i = 0; i < nd->naliases && !letters; i++)
            letters = has_ascii_letter(nd->aliases[i]);
        rx_buf_adds(&g->re, letters ? LIST_GUARD "(?i:" : LIST_GUARD "(?:");
        for (size_t i = 0; i < nd->naliases; i++) {
            if (i)
                rx_buf_addc(&g->re, '|');
            emit_escaped(g, nd->aliases[i]);
        }
        rx_buf_adds(&g->re, ")" LIST_GUARD);
        break;
    }
    case N_RAW:
        rx_buf_adds(&g->re, "(?:");
        map_add(g, nd->col + 1, nd->text);
        rx_buf_adds(&g->re, nd->text);
        /* \E ends a \Q the raw text may have left open, so it cannot quote our ')' */
        map_add(g, nd->col, NULL);
        rx_buf_adds(&g->re, "\\E)");
        break;
    }
    if (nd->opt)
        rx_buf_adds(&g->re, ")?");
}

static void emit_alts(gen *g, const alts *a)
{
    for (size_t i = 0; i < a->n; i++) {
        if (i)
            rx_buf_addc(&g->re, '|');
        for (size_t k = 0; k < a->v[i].n; k++)
            emit_node(g, &a->v[i].items[k]);
    }
}

/* The rule column of generated-regex offset off. */
static int map_col(const gen *g, size_t off, int fallback)
{
    int col = fallback;
    for (size_t i = 0; i < g->nmap && g->map[i].off <= off; i++) {
        col = g->map[i].col;
        if (g->map[i].raw) {
            size_t k = off - g->map[i].off;
            if (k <= strlen(g->map[i].raw))
                col += (int)rx_utf8_count(g->map[i].raw, k);
        }
    }
    return col;
}

/* ------------------------------------------------------------------ analysis */

/* A set of trigger literals (folded, ASCII lower-cased, distinct). */
typedef struct tset {
    char **v;
    size_t n, cap;
    bool oom;
} tset;

static void tset_free(tset *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->v[i]);
    free(t->v);
    memset(t, 0, sizeof *t);
}

/* Add s unless present (check false: the caller knows it is new). */
static void tset_add2(tset *t, const char *s, bool check)
{
    for (size_t i = 0; check && i < t->n; i++)
        if (ascii_ieq(t->v[i], s))
            return;
    char *copy = rx_strdup(s);
    if (!copy || !RX_GROW(t->v, t->cap, t->n + 1)) {
        free(copy);
        t->oom = true;
        return;
    }
    for (char *p = copy; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p + 32);
    t->v[t->n++] = copy;
}

static void tset_add(tset *t, const char *s)
{
    tset_add2(t, s, true);
}

static size_t tset_shortest(const tset *t)
{
    size_t m = SIZE_MAX;
    for (size_t i = 0; i < t->n; i++) {
        size_t k = rx_utf8_count(t->v[i], strlen(t->v[i]));
        if (k < m)
            m = k;
    }
    return m;
}

static bool alts_triggers(const alts *a, tset *out);

/* The trigger set of a sequence: the best of its required items' sets. */
static bool seq_triggers(const seq *s, tset *out)
{
    bool have = false;
    size_t best_len = 0;
    for (size_t i = 0; i < s->n; i++) {
        const node *nd = &s->items[i];
        if (nd->opt)
            continue;
        tset cand = {0};
        bool ok = false;
        if (nd->kind == N_LIT && nd->text && nd->text[0]) {
            tset_add(&cand, nd->text);
            ok = true;
        } else if (nd->kind == N_GROUP) {
            ok = alts_triggers(&nd->group, &cand);
        } else if (nd->kind == N_LEX && nd->naliases > 0) {
            for (size_t k = 0; k < nd->naliases; k++)
                tset_add2(&cand, nd->aliases[k], false);
            ok = true;
        }
        if (!ok || cand.oom || cand.n == 0) {
            tset_free(&cand);
            continue;
        }
        size_t len = tset_shortest(&cand);
        if (!have || len > best_len || (len == best_len && cand.n < out->n)) {
            tset_free(out);
            *out = cand;
            best_len = len;
            have = true;
        } else {
            tset_free(&cand);
        }
    }
    return have;
}

/* The union of the alternatives' sets, when every alternative has one. */
static bool alts_triggers(const alts *a, tset *out)
{
    for (size_t i = 0; i < a->n; i++) {
        tset t = {0};
        if (!seq_triggers(&a->v[i], &t)) {
            tset_free(out);
            return false;
        }
        for (size_t k = 0; k < t.n; k++)
            tset_add(out, t.v[k]);
        tset_free(&t);
        if (out->oom) {
            tset_free(out);
            return false;
        }
    }
    return true;
}

static unsigned alts_need(const alts *a);

/* Slot types every match of the sequence contains. */
static unsigned seq_need(const seq *s)
{
    unsigned m = 0;
    for (size_t i = 0; i < s->n; i++) {
        const node *nd = &s->items[i];
        if (nd->opt)
            continue;
        if (nd->kind == N_SLOT)
            m |= 1u << nd->stype;
        else if (nd->kind == N_GROUP)
            m |= alts_need(&nd->group);
    }
    return m;
}

static unsigned alts_need(const alts *a)
{
    unsigned m = ~0u;
    for (size_t i = 0; i < a->n; i++)
        m &= seq_need(&a->v[i]);
    return a->n ? m : 0;
}

static bool alts_binds_person(const alts *a);

static bool seq_binds_person(const seq *s)
{
    for (size_t i = 0; i < s->n; i++) {
        const node *nd = &s->items[i];
        if (nd->opt)
            continue;
        if (nd->kind == N_SLOT && nd->arg == RX_ARG_PERSON)
            return true;
        if (nd->kind == N_GROUP && alts_binds_person(&nd->group))
            return true;
    }
    return false;
}

static bool alts_binds_person(const alts *a)
{
    for (size_t i = 0; i < a->n; i++)
        if (!seq_binds_person(&a->v[i]))
            return false;
    return a->n > 0;
}

/* ------------------------------------------------------------------ one pattern */

/* The pattern's line as far as we know it: "pattern:" and padding up to the
 * pattern's column, then the pattern (the parser keeps no copy of the line). */
static char *rebuild_line(const rx_pattern *pat)
{
    rx_buf b = {0};
    int pre = pat->col - 1;
    if (pre >= 8) {
        rx_buf_adds(&b, "pattern:");
        pre -= 8;
    }
    for (int i = 0; i < pre; i++)
        rx_buf_addc(&b, ' ');
    rx_buf_adds(&b, pat->source);
    if (b.oom) {
        rx_buf_free(&b);
        return NULL;
    }
    return b.s;
}

static void compile_pattern(const rx_rule *r, rx_pattern *pat, const rx_lexicons *lx, rx_diag *d)
{
    cc c = {.rule = r, .pat = pat, .lx = lx, .d = d, .src = pat->source};
    alts top = {0};
    gen g = {0};
    tset trig = {0};
    size_t len = strlen(pat->source);
    c.line_text = rebuild_line(pat);
    c.cp = malloc((len + 1) * sizeof *c.cp);
    c.bo = malloc((len + 1) * sizeof *c.bo);
    if (!c.cp || !c.bo) {
        coom(&c);
        goto done;
    }
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t x = rx_utf8_next(c.src, len, &i);
        if (x == 0xFFFD && i - at == 1) {
            cerr(&c, c.n, "invalid UTF-8 in pattern (byte 0x%02X)", (unsigned char)c.src[at]);
            goto done;
        }
        c.bo[c.n] = at;
        c.cp[c.n++] = x;
    }
    c.bo[c.n] = len;

    if (!parse_alts(&c, &top, SIZE_MAX) || c.failed)
        goto done;

    emit_alts(&g, &top);
    if (g.oom || g.re.oom || !g.re.s) {
        coom(&c);
        goto done;
    }
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *code =
        pcre2_compile((PCRE2_SPTR)g.re.s, g.re.len, PCRE2_UTF, &ec, &eo, NULL);
    if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(ec, msg, sizeof msg);
        int col = map_col(&g, eo, pat->col);
        rx_diag_error(d, r->file, pat->line, col, c.line_text, "cannot compile pattern: %s%s",
                      (char *)msg,
                      ec == PCRE2_ERROR_PATTERN_TOO_LARGE
                          ? " (PCRE2 allows 64 KiB of compiled pattern: a word list used with @ "
                            "holds at most about a thousand entries)"
                          : "");
        goto done;
    }
    /* a pattern that matches the empty text would fire everywhere */
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
    int rc = md ? pcre2_match(code, (PCRE2_SPTR) "", 0, 0, 0, md, NULL) : -1;
    pcre2_match_data_free(md);
    if (rc >= 0) {
        cerr(&c, 0, "pattern can match empty text (every item in it is optional)");
    } else {
        bool any = false;
        for (size_t i = 0; i < g.nslots; i++)
            any |= g.slots[i].arg == RX_ARG_PERSON;
        if (!any)
            cerr(&c, 0, "pattern has no {person} slot (every relation needs a person)");
        else if (!alts_binds_person(&top))
            cerr(&c, 0,
                 "pattern can match without binding {person} (it is optional or missing in "
                 "an alternative)");
    }
    if (c.failed) {
        pcre2_code_free(code);
        goto done;
    }
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* failure leaves the interpreter: fine */

    if (alts_triggers(&top, &trig) && !trig.oom) {
        pat->triggers = trig.v;
        pat->ntriggers = trig.n;
        trig.v = NULL;
        trig.n = 0;
    }
    pat->need = alts_need(&top);
    pat->code = code;
    free(pat->regex);
    pat->regex = g.re.s;
    g.re.s = NULL;
    pat->slots = g.slots;
    pat->nslots = g.nslots;
    g.slots = NULL;

done:
    tset_free(&trig);
    rx_buf_free(&g.re);
    free(g.map);
    free(g.slots);
    alts_free(&top);
    free(c.cp);
    free(c.bo);
    free(c.line_text);
}

/* Compile every pattern of every rule not compiled yet, after checking that rule
 * ids are distinct. Returns the number of errors reported to d. */
int rx_rules_compile(rx_ruleset *rs, const rx_lexicons *lx, rx_diag *d)
{
    int errors0 = d->errors;
    for (size_t i = 0; i < rs->n; i++) {
        for (size_t j = 0; j < i; j++) {
            if (strcmp(rs->rules[i].id, rs->rules[j].id) != 0)
                continue;
            char *text = NULL;
            rx_buf b = {0};
            rx_buf_printf(&b, "rule: %s", rs->rules[i].id);
            text = b.s;
            rx_diag_error(d, rs->rules[i].file, rs->rules[i].line, 7, text,
                          "duplicate rule id '%s' (first defined at %s:%d)", rs->rules[i].id,
                          rs->rules[j].file, rs->rules[j].line);
            rx_buf_free(&b);
            break;
        }
    }
    for (size_t i = 0; i < rs->n; i++) {
        rx_rule *r = &rs->rules[i];
        for (size_t k = 0; k < r->npatterns; k++)
            if (!r->patterns[k].code)
                compile_pattern(r, &r->patterns[k], lx, d);
    }
    return d->errors - errors0;
}

/* ------------------------------------------------------------------ explain */

void rx_steps_free(rx_steps *v, size_t nalts)
{
    for (size_t a = 0; v && a < nalts; a++) {
        for (size_t i = 0; i < v[a].n; i++) {
            free(v[a].v[i].source);
            pcre2_code_free(v[a].v[i].prefix);
        }
        free(v[a].v);
    }
    free(v);
}

/* Parse the pattern again (quietly: it compiled once) and compile, for every
 * top-level element of every top-level alternative, the regex of the elements up
 * to it, generated exactly as for the whole pattern. */
int rx_pattern_steps(const rx_rule *r, const rx_pattern *pat, const rx_lexicons *lx, rx_steps **out,
                     size_t *nalts)
{
    rx_diag quiet = {0};
    cc c = {.rule = r, .pat = pat, .lx = lx, .d = &quiet, .src = pat->source, .quiet = true};
    alts top = {0};
    int rc = -1;
    *out = NULL;
    *nalts = 0;
    size_t len = strlen(pat->source);
    c.cp = malloc((len + 1) * sizeof *c.cp);
    c.bo = malloc((len + 1) * sizeof *c.bo);
    if (!c.cp || !c.bo)
        goto done;
    for (size_t i = 0; i < len;) {
        c.bo[c.n] = i;
        c.cp[c.n++] = rx_utf8_next(c.src, len, &i);
    }
    c.bo[c.n] = len;
    if (!parse_alts(&c, &top, SIZE_MAX) || c.failed)
        goto done;
    rx_steps *res = calloc(top.n ? top.n : 1, sizeof *res);
    if (!res)
        goto done;
    *out = res;
    *nalts = top.n;
    for (size_t a = 0; a < top.n; a++) {
        const seq *s = &top.v[a];
        res[a].v = calloc(s->n ? s->n : 1, sizeof *res[a].v);
        if (!res[a].v)
            goto done;
        res[a].n = s->n;
        for (size_t i = 0; i < s->n; i++) {
            const node *nd = &s->items[i];
            rx_step *st = &res[a].v[i];
            size_t from = (size_t)(nd->col - pat->col), to = nd->end_i;
            if (from > c.n)
                from = c.n;
            if (to < from || to > c.n)
                to = from;
            st->col = nd->col;
            st->opt = nd->opt;
            st->source = cp_str(&c, from, to);
            if (!st->source)
                goto done;
            gen g = {0};
            for (size_t k = 0; k <= i; k++)
                emit_node(&g, &s->items[k]);
            if (!g.oom && !g.re.oom && g.re.s) {
                int ec;
                PCRE2_SIZE eo;
                st->prefix = pcre2_compile((PCRE2_SPTR)g.re.s, g.re.len, PCRE2_UTF, &ec, &eo, NULL);
            }
            bool oom = g.oom || g.re.oom;
            rx_buf_free(&g.re);
            free(g.map);
            free(g.slots);
            if (oom)
                goto done;
        }
    }
    rc = 0;
done:
    if (rc != 0) {
        rx_steps_free(*out, *nalts);
        *out = NULL;
        *nalts = 0;
    }
    alts_free(&top);
    free(c.cp);
    free(c.bo);
    return rc;
}
