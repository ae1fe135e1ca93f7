/* match.c: running the compiled rules over the sentences of a document.
 *
 * For each sentence a matching string (the subject) is built from the folded
 * text, with every recognised mention replaced by one placeholder code point:
 *
 *   text:     星河科技 研發團隊的負責人 Anna Berg 也宣布離職
 *   mentions: [星河科技]=org  [負責人]=role  [Anna Berg]=person
 *   subject:  \x{E002} 研发团队的\x{E003} \x{E001} 也宣布离职
 *
 * and a table of units maps every subject byte back to the code points (or the
 * mention) it stands for. The implied subject of a Chinese clause (a
 * zero-width mention, entity.c) becomes U+E004 there, which a person slot
 * takes and the space between pattern items allows (rule_compile.c). One walk of the trigger trie over the sentence tells
 * which patterns can match it; only those run. Each match becomes a candidate
 * relation (one per member of a list slot); arguments a rule does not bind are
 * taken from the sentence (the nearest organisation before the person, a role
 * written right before the name), then the modality (fact, planned, rumoured,
 * denied) from cue words near the match, and the date from the nearest date
 * expression (the sentence, else earlier sentences of the same line). After the
 * last sentence, derive_from_successions adds what a succession with a named
 * predecessor implies (the date of the predecessor's leaving; the departure of
 * a predecessor the text does not report leaving: "X replaced Y as coach" ->
 * departure(Y), rule "<id>+predecessor-left"), then complete_relations fills
 * what only the whole document tells (a role held elsewhere, the predecessor of
 * a succession by title).
 *
 * Overlap policy (documented in docs/rules.md): two candidates conflict when
 * their evidence spans overlap, they name the same person entity, and they have
 * the same relation type or one rule "excludes" the other's type; or when one
 * is a succession whose predecessor is the other's person taking a post. Of
 * conflicting candidates the one with the higher priority wins, then the
 * longer evidence, then the leftmost, then the rule defined first. Identical
 * relations (same type, arguments, date and modality) are reported once per
 * document.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <uchar.h>

#include "engine.h"

/* ------------------------------------------------------------ the subject */

/* c as UTF-8 at o (room for 4 bytes), as rx_utf8_encode; returns the bytes written. */
static inline size_t put_utf8(unsigned char *o, uint32_t c)
{
    if (c < 0x80) {
        o[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (unsigned char)(0xC0 | (c >> 6));
        o[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000 && (c < 0xD800 || c > 0xDFFF)) {
        o[0] = (unsigned char)(0xE0 | (c >> 12));
        o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    return rx_utf8_encode(c, (char *)o); /* astral, or not a scalar value */
}

/* Is norm[i, name) an honorific and the spaces after it (Dr. , Mr , Prof. )?
 * Returns name - i then, else 0. */
static size_t honorific_at(const uint32_t *norm, size_t i, size_t name)
{
    static const char *const hon[] = {"dr", "mr", "mrs", "ms", "prof", "sir", "dame", "rev"};
    if (i > 0 && (((norm[i - 1] | 32) >= 'a' && (norm[i - 1] | 32) <= 'z') || norm[i - 1] == '.'))
        return 0; /* inside a word */
    size_t e = i;
    while (e < name && e - i < 5 && (norm[e] | 32) >= 'a' && (norm[e] | 32) <= 'z')
        e++;
    if (e == i || !rx_ascii_word_in(norm, i, e, hon, sizeof hon / sizeof hon[0]))
        return 0;
    size_t q = e + (e < name && norm[e] == '.');
    if (q == name || norm[q] != ' ')
        return 0;
    while (q < name && norm[q] == ' ')
        q++;
    return q == name ? name - i : 0;
}

static int build_subject(relx_worker *w, const rx_doc *doc, const rx_span *s, size_t *mi)
{
    w->subject.len = 0;
    w->nunits = 0;
    size_t ncp = s->end > s->start ? s->end - s->start : 0;
    /* at most one unit and 4 bytes a code point (a placeholder takes 3 bytes
     * for at least one code point), and one more unit and 3 bytes for each
     * zero-width subject (at most one before each code point): room for
     * all, reserved once */
    if (w->subject.oom || ncp > (SIZE_MAX - 1) / 8 || !RX_GROW(w->units, w->ucap, 2 * ncp + 1) ||
        !RX_GROW(w->subject.s, w->subject.cap, 7 * ncp + 1) ||
        !RX_GROW(w->byte_unit, w->bucap, 7 * ncp + 1))
        return -1;
    unsigned char *out = (unsigned char *)w->subject.s;
    uint32_t *bu = w->byte_unit;
    size_t len = 0, nu = 0;
    size_t i = s->start;
    /* skip mentions that end before this sentence */
    while (*mi < doc->nm && doc->m[*mi].start < s->start)
        (*mi)++;
    size_t m = *mi;
    const uint32_t *norm = doc->text.norm;
    while (i < s->end) {
        rx_unit *u = &w->units[nu];
        u->byte_start = len;
        size_t n;
        /* an honorific right before a name is part of it ("of Dr. Elena Marsh") */
        uint32_t c0 = norm[i] | 32;
        size_t h = (c0 == 'd' || c0 == 'm' || c0 == 'p' || c0 == 's' || c0 == 'r') && m < doc->nm &&
                           doc->m[m].type == RX_M_PERSON && doc->m[m].start > i
                       ? honorific_at(norm, i, doc->m[m].start)
                       : 0;
        size_t at = h ? doc->m[m].start : i;
        if (m < doc->nm && doc->m[m].start == at && doc->m[m].end <= s->end) {
            const rx_mention *mm = &doc->m[m];
            uint32_t ph = (mm->flags & RX_MF_ZERO) ? RX_PH_ZERO
                        : mm->type == RX_M_PERSON ? RX_PH_PERSON
                        : mm->type == RX_M_ORG    ? RX_PH_ORG
                                                  : RX_PH_ROLE;
            n = put_utf8(out + len, ph);
            u->cp_start = i;
            u->cp_end = mm->end;
            u->mention = (int)m;
            i = mm->end;
            /* and one right after a name (委任林嘉欣女士為..., 黃國強先生已辭任) */
            size_t hon = mm->type == RX_M_PERSON ? rx_honorific_after(norm, s->end, i) : 0;
            if (hon && (m + 1 >= doc->nm || doc->m[m + 1].start >= i + hon))
                u->cp_end = i = i + hon;
            m++;
        } else {
            if (m < doc->nm && doc->m[m].start == i) /* a mention crossing the sentence end */
                m++;
            n = put_utf8(out + len, norm[i]);
            u->cp_start = i;
            u->cp_end = i + 1;
            u->mention = -1;
            i++;
        }
        /* byte -> unit */
        for (size_t b = 0; b < n; b++)
            bu[len + b] = (uint32_t)nu;
        len += n;
        nu++;
    }
    out[len] = '\0';
    bu[len] = (uint32_t)nu;
    w->subject.len = len;
    w->nunits = nu;
    return 0;
}

/* Code point offset of a subject byte offset used as a start / as an end. */
static size_t unit_start_cp(const relx_worker *w, size_t byte, size_t sent_end)
{
    uint32_t u = w->byte_unit[byte];
    return u < w->nunits ? w->units[u].cp_start : sent_end;
}

static size_t unit_end_cp(const relx_worker *w, size_t byte, size_t sent_start)
{
    if (byte == 0)
        return sent_start;
    uint32_t u = w->byte_unit[byte - 1];
    return w->units[u].cp_end;
}

/* ------------------------------------------------------------ the prefilter */

/* Index of the lowest set bit of x (x != 0). */
static inline unsigned ctz64(uint64_t x)
{
#if defined(__GNUC__)
    return (unsigned)__builtin_ctzll(x);
#else
    unsigned n = 0;
    while (!(x & 1)) {
        x >>= 1;
        n++;
    }
    return n;
#endif
}

typedef struct trigger_bits {
    const relx_engine *eng;
    uint64_t *bits;
} trigger_bits;

static void add_trigger_bits(void *ctx, size_t trigger, size_t start, size_t end)
{
    (void)start;
    (void)end;
    trigger_bits *tb = ctx;
    for (size_t q = 0; q < tb->eng->pat_words; q++)
        tb->bits[q] |= tb->eng->trig[trigger].patterns[q];
}

static void prefilter(relx_worker *w, const rx_doc *doc, const rx_span *s, unsigned present,
                      uint64_t *bits)
{
    const relx_engine *eng = w->eng;
    memcpy(bits, eng->always, eng->pat_words * sizeof *bits);
    /* every trigger occurring in the sentence (in the matching copy, so also
     * inside mentions: a superset, which only costs a needless attempt) */
    trigger_bits tb = {eng, bits};
    rx_triggers_each(eng, doc->text.norm, s->start, s->end, add_trigger_bits, &tb);
    /* patterns whose required slot types are absent cannot match */
    for (size_t q = 0; q < eng->pat_words; q++) {
        for (uint64_t word = bits[q]; word; word &= word - 1) {
            size_t g = q * 64 + ctz64(word);
            if (g >= eng->npatterns)
                break;
            const rx_pattern *p = &eng->rules.rules[eng->pat_rule[g]].patterns[eng->pat_index[g]];
            if ((p->need & present) != p->need)
                bits[q] &= ~((uint64_t)1 << (g % 64));
        }
    }
}

/* ------------------------------------------------------------ cues */

/* Cue words, folded (Simplified) or lower-case English. */
static const char *const denied_cues[] = {"否认", "并未", "并没有", "并无", "没有", "不会", "未曾", "辟谣", "驳斥",
                                          "denied", "denies", "deny", "did not", "didn't",
                                          "has not", "hasn't", "will not", "won't", "would not", "wouldn't", "never",
                                          "refused to", "refuses to", "refusing to", "declined to", NULL};
static const char *const rumoured_cues[] = {"传出", "传闻", "据传", "据悉", "消息人士", "知情人士",
                                            "传言", "网传", "盛传", "外传", "传将", "或将", "消息指", "消息称",
                                            "市场消息", "市场人士", "业界人士", "外界猜测", "reportedly", "rumor", "rumour",
                                            "sources said", "people familiar", "is said to", "according to sources",
                                            "favourite to", "favorite to", "frontrunner", "front-runner", "tipped to",
                                            "sources told", NULL};
/* A denial that comes after the change it denies, in a later clause
 * ("..., 但公司否認", "..., the company denied"): only these words. */
static const char *const denied_after_cues[] = {"否认", "辟谣", "驳斥", "澄清", "纯属", "消息不实", "传闻不实",
                                                "报道不实", "子虚乌有", "denied", "denies", "deny", NULL};
/* What such a denial may have as object: nothing, or words pointing back at
 * the report (有關傳聞, 這一消息, the report) */
static const char *const denied_objects[] = {"传闻", "消息", "报道", "报导", "说法", "此事", "传言", "谣言", "虚构",
                                             "捏造", "it", "this",
                                             "report", "reports", "claim", "claims", NULL};
/* Words that open such a clause: a contrast, or "which" pointing back. */
static const char *const contrast_words[] = {"但", "但是", "不过", "惟", "然而", "却", "随即", "遭", "but",
                                             "however", "though", "although", "which", NULL};
/* Speculation right before the change ("could be ousted", "might resign";
 * not "who could not be reached"): a rumour. */
static const char *const speculative_cues[] = {"could be", "might be", "could step", "might step", "could resign",
                                               "might resign", "could leave", "might leave", "could quit",
                                               "might quit", "could retire", "might retire", "could soon",
                                               "might soon", "could replace", "might replace", "could succeed",
                                               "might succeed", "could join", "might join", NULL};
static const char *const planned_cues[] = {"将", "拟", "预计", "计划", "即将", "准备", "有望", "可望", "可能", "will", "would",
                                           "plans to", "plan to", "is set to", "are set to",
                                           "expected to", "is to", "slated to", "poised to", NULL};

static bool ascii_alnum(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static uint32_t lower(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/* Words that stand for the organisation the text is about ("擔任公司行政總裁",
 * "the company said"): folded forms, English lower case. */
static const char *const generic_org_words[] = {"公司", "集团", "本行", "该行", "俱乐部", "校方", "学校", "该校", "本校",
                                                "董事会", "董事局", "股东", "the board", "shareholders",
                                                "the company", "the firm", "the club",
                                                "the university", "the team", "the startup",
                                                "the bank", "the group", "the automaker", "the carmaker",
                                                "the lender", "the retailer", "the insurer", "the chipmaker",
                                                "the airline", NULL};

/* The cue lists as code points, decoded once. */
#define CUE_MAX 48
#define CUE_LEN 24
#define CUE_FIRST_BITS 1024 /* size of the first-code-point filter */
typedef struct cue_list {
    const char *const *words;
    uint32_t cp[CUE_MAX][CUE_LEN];
    size_t len[CUE_MAX];
    size_t n;
    /* bit (c % CUE_FIRST_BITS) set when some word starts with c: a clear bit
     * lets cue_end pass a position without comparing the words */
    uint64_t first[CUE_FIRST_BITS / 64];
    /* the words by their first code point c (lower case): head[c % CUE_FIRST_BITS]
     * and next[w] chain them in list order, as word index + 1 (0: the end) */
    uint8_t head[CUE_FIRST_BITS];
    uint8_t next[CUE_MAX];
} cue_list;

static cue_list denied_list = {denied_cues, {{0}}, {0}, 0, {0}, {0}, {0}};
static cue_list rumoured_list = {rumoured_cues, {{0}}, {0}, 0, {0}, {0}, {0}};
static cue_list planned_list = {planned_cues, {{0}}, {0}, 0, {0}, {0}, {0}};
static cue_list speculative_list = {speculative_cues, {{0}}, {0}, 0, {0}, {0}, {0}};
static cue_list generic_org_list = {generic_org_words, {{0}}, {0}, 0, {0}, {0}, {0}};
static cue_list denied_after_list = {denied_after_cues, {{0}}, {0}, 0, {0}, {0}, {0}};
static cue_list contrast_list = {contrast_words, {{0}}, {0}, 0, {0}, {0}, {0}};
static cue_list denied_object_list = {denied_objects, {{0}}, {0}, 0, {0}, {0}, {0}};

static bool cue_may_start(const cue_list *l, uint32_t c)
{
    uint32_t b = c % CUE_FIRST_BITS;
    return (l->first[b / 64] >> (b % 64)) & 1u;
}
static pthread_once_t cues_once = PTHREAD_ONCE_INIT;

static void cue_list_init(cue_list *l)
{
    for (l->n = 0; l->words[l->n] && l->n < CUE_MAX; l->n++) {
        const char *w = l->words[l->n];
        size_t k = 0, len = strlen(w), m = 0;
        while (k < len && m < CUE_LEN)
            l->cp[l->n][m++] = rx_utf8_next(w, len, &k);
        l->len[l->n] = m;
        if (m) {
            uint8_t *link = &l->head[l->cp[l->n][0] % CUE_FIRST_BITS];
            while (*link)
                link = &l->next[*link - 1];
            *link = (uint8_t)(l->n + 1);
        }
        /* the filter is looked up before lower(): A-Z stand for a-z */
        for (int v = 0; m && v < 2; v++) {
            uint32_t c = l->cp[l->n][0];
            if (v == 1 && !(c >= 'a' && c <= 'z'))
                break;
            uint32_t b = (v ? c - 32 : c) % CUE_FIRST_BITS;
            l->first[b / 64] |= (uint64_t)1 << (b % 64);
        }
    }
}

static void cues_init(void)
{
    cue_list_init(&denied_list);
    cue_list_init(&rumoured_list);
    cue_list_init(&planned_list);
    cue_list_init(&speculative_list);
    cue_list_init(&generic_org_list);
    cue_list_init(&denied_after_list);
    cue_list_init(&contrast_list);
    cue_list_init(&denied_object_list);
}

/* 將 that is no plan: a noun, "general" (悍將, 大將, 名將, 將軍, 將領), or
 * 將近 ("nearly"). */
static bool jiang_not_plan(const uint32_t *norm, size_t i, size_t from, size_t to)
{
    if (norm[i] != 0x5C06 /* 将 */)
        return false;
    static const uint32_t before[] = {0x608D, 0x5927, 0x4E3B, 0x540D, 0x8001, 0x731B, 0x7231, 0x6218,
                                      0x5E72, 0x6B66, 0x5E05, 0x5C11, 0x4E2D, 0x4E0A}; /* 悍大主名老猛爱战干武帅少中上 */
    static const uint32_t after[] = {0x519B, 0x8FD1, 0x9886, 0x58EB, 0x5E05}; /* 军近领士帅 */
    if (i > from)
        for (size_t k = 0; k < sizeof before / sizeof before[0]; k++)
            if (norm[i - 1] == before[k])
                return true;
    if (i + 1 < to)
        for (size_t k = 0; k < sizeof after / sizeof after[0]; k++)
            if (norm[i + 1] == after[k])
                return true;
    return false;
}

/* Where the first cue of the list in norm[from, to) ends, SIZE_MAX when none
 * (cue_at: the cue starting at i, 0 when none).
 * English cues must stand as words; 将 in 将军/将近/将领 is no plan. */
static size_t cue_at(const uint32_t *norm, size_t from, size_t to, size_t i, const cue_list *l)
{
    uint32_t c0 = lower(norm[i]);
    for (unsigned w1 = l->head[c0 % CUE_FIRST_BITS]; w1; w1 = l->next[w1 - 1]) {
        size_t w = w1 - 1;
        const uint32_t *cp = l->cp[w];
        size_t n = l->len[w];
        if (cp[0] != c0 || i + n > to)
            continue;
        size_t k = 1;
        while (k < n && lower(norm[i + k]) == cp[k])
            k++;
        if (k < n)
            continue;
        if (ascii_alnum(cp[0]) &&
            ((i > from && ascii_alnum(norm[i - 1])) || (i + n < to && ascii_alnum(norm[i + n]))))
            continue;
        if (n == 1 && jiang_not_plan(norm, i, from, to))
            continue;
        return i + n;
    }
    return 0;
}

static size_t cue_end(const uint32_t *norm, size_t from, size_t to, const cue_list *l)
{
    for (size_t i = from; i < to; i++) {
        if (!cue_may_start(l, norm[i]))
            continue;
        size_t e = cue_at(norm, from, to, i, l);
        if (e)
            return e;
    }
    return SIZE_MAX;
}

static bool has_cue(const uint32_t *norm, size_t from, size_t to, const cue_list *l)
{
    return cue_end(norm, from, to, l) != SIZE_MAX;
}

/* What modality_of looks up once per sentence (RX_UNKNOWN: not yet):
 * rumour_end, where the first rumour cue ends (SIZE_MAX: none); the
 * start of the last rumour cue, the start of the first and the end of the
 * last denial cue of denied_after_list (0: none), so that the searches after
 * and before a change are made only where a cue may be found. */
#define RX_UNKNOWN (SIZE_MAX - 1)
typedef struct cue_memo {
    size_t rumour_end, rumour_last, deny_first, deny_last;
} cue_memo;
/* Does the cue at i stand in a "...的" phrase that describes someone else
 * than the relation's person (接替將於年底退休的許亮華: the plan is the
 * predecessor's, not the succession's)? The first 的 after it, before any
 * comma and before end, comes right before a mention of another person. */
static bool describes_name(const rx_doc *doc, size_t i, size_t end, int person_entity)
{
    const uint32_t *t = doc->text.norm;
    size_t k = i;
    while (k < end && t[k] != 0x7684 /* 的 */ && t[k] != ',' && t[k] != 0x3002)
        k++;
    if (k >= end || t[k] != 0x7684)
        return false;
    size_t lo = 0, hi = doc->nm;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->m[mid].start < k + 1)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < doc->nm && doc->m[lo].start == k + 1 && doc->m[lo].type == RX_M_PERSON &&
           doc->m[lo].entity != person_entity;
}

/* Does a clause end at i: a comma or semicolon, or in a headline a space
 * between Chinese words ("傳林國棟將請辭 公司否認")? */
static bool clause_break(const uint32_t *t, size_t i, size_t lo, size_t hi)
{
    uint32_t c = t[i];
    if (c == ',' || c == ';')
        return true;
    return c == ' ' && i > lo && i + 1 < hi && rx_is_han(t[i - 1]) && rx_is_han(t[i + 1]);
}

static size_t skip_blanks(const uint32_t *t, size_t i, size_t hi)
{
    while (i < hi && (t[i] == ' ' || t[i] == '\t'))
        i++;
    return i;
}

/* The clauses of sentence s after a position: start with *ce at it; each
 * call sets [*c0, *ce) to the next clause, false when none is left. */
static bool next_clause(const uint32_t *t, const rx_span *s, size_t *c0, size_t *ce)
{
    size_t i = *ce;
    while (i < s->end && !clause_break(t, i, s->start, s->end))
        i++;
    if (i >= s->end)
        return false;
    size_t e = *c0 = skip_blanks(t, i + 1, s->end);
    while (e < s->end && !clause_break(t, e, s->start, s->end))
        e++;
    *ce = e;
    return true;
}

/* The end of the English word (or words) w at k in t[lo, hi), any case,
 * standing as a word; 0 when it is not there. */
static size_t ascii_word_at(const uint32_t *t, size_t lo, size_t hi, size_t k, const char *w)
{
    size_t n = strlen(w);
    if (k + n > hi || (k > lo && ascii_alnum(t[k - 1])) || (k + n < hi && ascii_alnum(t[k + n])))
        return 0;
    for (size_t a = 0; a < n; a++)
        if (lower(t[k + a]) != (uint32_t)(unsigned char)w[a])
            return 0;
    return k + n;
}

/* The index of the first mention starting at or after pos, doc->nm when none. */
static size_t mention_from(const rx_doc *doc, size_t pos)
{
    size_t lo = 0, hi = doc->nm;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->m[mid].start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Is a person other than entity named in [a, b)? */
static bool other_person_in(const rx_doc *doc, size_t a, size_t b, int entity)
{
    for (size_t i = mention_from(doc, a); i < doc->nm && doc->m[i].start < b; i++)
        if (doc->m[i].type == RX_M_PERSON && doc->m[i].entity != entity)
            return true;
    return false;
}

/* The length of the words [a, b) before a denial, an organisation's name
 * counting as one ("鴻宇電子今天發布聲明否認" is as short as "公司今天發布
 * 聲明否認"). */
static size_t subject_len(const rx_doc *doc, size_t a, size_t b)
{
    size_t n = b - a;
    for (size_t k = mention_from(doc, a); k < doc->nm && doc->m[k].start < b; k++) {
        const rx_mention *m = &doc->m[k];
        if (m->type == RX_M_ORG && m->end <= b && m->end > m->start)
            n -= m->end - m->start - 1;
    }
    return n;
}

/* A denial in a later clause of the sentence that denies the change: it
 * opens the clause, after a contrast word or a short subject, and ends the
 * clause or nearly ("..., 但公司否認", "..., which the company denied";
 * not "..., 並否認涉案": no subject of its own, something else denied). */
static bool denied_after(const rx_doc *doc, const rx_span *s, size_t ev_end, int person_entity)
{
    const uint32_t *t = doc->text.norm;
    size_t c0, ce = ev_end;
    while (next_clause(t, s, &c0, &ce)) {
        size_t k = c0, lead = cue_at(t, c0, ce, c0, &contrast_list);
        if (lead)
            k = skip_blanks(t, lead, ce);
        for (size_t j = k + 1; j < ce && j <= k + 16; j++) {
            size_t e = cue_may_start(&denied_after_list, t[j]) ? cue_at(t, c0, ce, j, &denied_after_list) : 0;
            if (!e)
                continue;
            /* no object, or a short one pointing back (此事, the report) that
             * names nobody (not "駁斥 X 將離職的傳聞": a claim of its own;
             * not "但他否認與股東不和": something else) */
            size_t o = e;
            while (o < ce && !ascii_alnum(t[o]) && !rx_is_han(t[o]))
                o++;
            bool back = o == ce || (ce - e <= 12 && has_cue(t, o, ce, &denied_object_list) &&
                                    !other_person_in(doc, e, ce, -2));
            if (back && (lead || subject_len(doc, k, j) <= 8) && !other_person_in(doc, k, j, person_entity))
                return true;
            break;
        }
        /* a clause with a rumour of its own is what a later denial denies
         * ("X 於1998年創辦 Y，去年曾傳出將交棒的消息，但公司否認") */
        if (has_cue(t, c0, ce, &rumoured_list))
            return false;
    }
    return false;
}

/* An English denial earlier in the clause whose object is a that-clause
 * holding the change: "The company denied a report that X was forced out". */
static bool denied_that_before(const uint32_t *t, const rx_span *s, size_t ev_start)
{
    size_t c0 = ev_start;
    while (c0 > s->start && !clause_break(t, c0 - 1, s->start, s->end))
        c0--;
    /* the name in an apposition: "a report that its chairman, X, was ..." */
    size_t b = c0;
    while (b < ev_start && t[b] == ' ')
        b++;
    if (b == ev_start && c0 > s->start + 1) {
        c0--;
        while (c0 > s->start && !clause_break(t, c0 - 1, s->start, s->end))
            c0--;
    }
    bool that = false;
    for (size_t j = ev_start; j-- > c0;) {
        if (!that && ascii_word_at(t, c0, ev_start, j, "that"))
            that = true;
        else if (that && ascii_alnum(t[j]) && cue_may_start(&denied_after_list, t[j]) &&
                 cue_at(t, c0, ev_start, j, &denied_after_list))
            return true;
    }
    return false;
}

/* Words after 传 at a headline's start that make it no rumour (传媒, 传统). */
static bool chuan_word(uint32_t c)
{
    static const uint32_t next[] = {0x5A92, 0x7EDF, 0x5947, 0x627F, 0x64AD, 0x8F93, 0x771F, 0x8BF4,
                                    0x8BB0, 0x67D3, 0x6388, 0x9012, 0x9001, 0x5524, 0x7968, 0x5355,
                                    0x4E16, 0x5BB6, 0x4EBA, 0x5BFC, 0x611F}; /* 媒统奇承播输真说记染授递送唤票单世家人导感 */
    for (size_t k = 0; k < sizeof next / sizeof next[0]; k++)
        if (c == next[k])
            return true;
    return false;
}

/* Where the sentence's first rumour cue ends, SIZE_MAX when none: a cue word
 * (the first ends at end),
 * a headline that opens with 传 ("傳鴻宇電子總經理將請辭"), or 据...报道
 * ("據彭博報導", "据美媒报道", within one clause). */
static size_t rumour_cue_end(const rx_doc *doc, const rx_span *s, size_t end)
{
    const uint32_t *t = doc->text.norm;
    size_t k = skip_blanks(t, s->start, s->end);
    size_t b = s->start;
    while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == '\t'))
        b--;
    if (k + 1 < s->end && (b == 0 || t[b - 1] == '\n') && t[k] == 0x4F20 /* 传 */ && rx_is_han(t[k + 1]) &&
        !chuan_word(t[k + 1]))
        return k + 1;
    for (size_t i = s->start; i < s->end && i < end; i++) {
        if (t[i] != 0x636E /* 据 */)
            continue;
        for (size_t j = i + 1; j + 1 < s->end && j <= i + 12 && !clause_break(t, j, s->start, s->end); j++)
            if (t[j] == 0x62A5 /* 报 */ && (t[j + 1] == 0x9053 /* 道 */ || t[j + 1] == 0x5BFC /* 导 */))
                return j + 2 < end ? j + 2 : end;
    }
    return end;
}

/* A rumour's source named after the change, in a short clause of its own:
 * "..., sources said", "..., according to people familiar with the matter",
 * "...，知情人士透露". */
static bool attributed_after(const rx_doc *doc, const rx_span *s, size_t ev_end)
{
    const uint32_t *t = doc->text.norm;
    size_t c0, ce = ev_end;
    while (next_clause(t, s, &c0, &ce)) {
        size_t k = ascii_word_at(t, c0, ce, c0, "according to");
        k = k ? skip_blanks(t, k, ce) : c0 + (c0 < ce && t[c0] == 0x636E /* 据 */);
        size_t e = cue_at(t, c0, ce, c0, &rumoured_list); /* according to sources */
        if (!e)
            e = cue_at(t, c0, ce, k, &rumoured_list);
        if (e && ce - e <= 24 && !other_person_in(doc, c0, ce, -2))
            return true;
    }
    return false;
}

/* 將 at i before a person, or a title and a person, is the object marker of
 * the 把 construction ("決定將署長林建國免職": he is dismissed now), not
 * "will": a plan's 將 comes before a verb, never before a name. */
static bool jiang_object(const rx_doc *doc, size_t i)
{
    const uint32_t *t = doc->text.norm;
    if (t[i] != 0x5C06 /* 将 */)
        return false;
    size_t k = mention_from(doc, i + 1);
    for (int step = 0; step < 2 && k < doc->nm; step++, k++) {
        const rx_mention *m = &doc->m[k];
        if (skip_blanks(t, step ? doc->m[k - 1].end : i + 1, m->start + 1) != m->start || (m->flags & RX_MF_ZERO))
            return false;
        if (m->type == RX_M_PERSON)
            return true; /* (將他免職 too) */
        if (m->type != RX_M_ROLE)
            return false;
    }
    return false;
}

/* Does the cue at i stand in an earlier clause than ev_start, one that names
 * another person, while the change's own clause opens with its person, a
 * title before the name or not ("董事長王雪紅將兼任執行長，原執行長張嘉臨則請辭
 * 獲准": the plan is 王雪紅's)? A clause that opens otherwise carries the plan
 * on ("院長劉文雄將於明年1月退休，由副院長張培仁接任", "…將於6月30日退休，董事會
 * 同意卢建华升任集团总裁"). */
static bool others_clause(const rx_doc *doc, const rx_span *s, size_t i, size_t ev_start, int person_entity)
{
    const uint32_t *t = doc->text.norm;
    size_t k = i;
    while (k < ev_start && !clause_break(t, k, s->start, s->end))
        k++;
    if (k >= ev_start)
        return false;
    /* the clause of the change: from the last break before ev_start */
    size_t n = ev_start;
    while (n > k + 1 && !clause_break(t, n - 1, s->start, s->end))
        n--;
    n = skip_blanks(t, n, s->end);
    size_t q = mention_from(doc, n);
    if (q < doc->nm && doc->m[q].start == n && doc->m[q].type == RX_M_ROLE && q + 1 < doc->nm &&
        skip_blanks(t, doc->m[q].end, s->end) == doc->m[q + 1].start)
        q++;
    if (q >= doc->nm || doc->m[q].type != RX_M_PERSON || doc->m[q].entity != person_entity ||
        (doc->m[q].start != n && doc->m[q - 1].type != RX_M_ROLE))
        return false;
    size_t c0 = i;
    while (c0 > s->start && !clause_break(t, c0 - 1, s->start, s->end))
        c0--;
    return other_person_in(doc, c0, k, person_entity);
}

static rx_modality modality_of(const rx_doc *doc, const rx_span *s, size_t ev_start, size_t ev_end,
                               cue_memo *cm, int person_entity)
{
    size_t from = ev_start > s->start + 15 ? ev_start - 15 : s->start;
    const uint32_t *norm = doc->text.norm;
    /* one pass for the denial and the plan cues of [from, ev_end): a denial
     * anywhere wins, a plan counts only after the rumour test */
    bool planned = false, speculative = false;
    for (size_t i = from; i < ev_end; i++) {
        uint32_t c = norm[i];
        if (cue_may_start(&denied_list, c) && cue_at(norm, from, ev_end, i, &denied_list))
            return RX_MOD_DENIED;
        if (!speculative && cue_may_start(&speculative_list, c) && cue_at(norm, from, ev_end, i, &speculative_list) &&
            !describes_name(doc, i, ev_end, person_entity))
            speculative = true;
        if (!planned && cue_may_start(&planned_list, c) && cue_at(norm, from, ev_end, i, &planned_list) &&
            !describes_name(doc, i, ev_end, person_entity) && !jiang_object(doc, i) &&
            !others_clause(doc, s, i, ev_start, person_entity))
            planned = true;
    }
    if (cm->rumour_end == RX_UNKNOWN) {
        size_t first = SIZE_MAX;
        cm->rumour_last = cm->deny_first = cm->deny_last = 0;
        for (size_t i = s->start; i < s->end; i++) {
            size_t r = cue_may_start(&rumoured_list, norm[i]) ? cue_at(norm, s->start, s->end, i, &rumoured_list) : 0;
            if (r) {
                cm->rumour_last = i;
                if (first == SIZE_MAX)
                    first = r;
            }
            size_t e = cue_may_start(&denied_after_list, norm[i]) ? cue_at(norm, s->start, s->end, i, &denied_after_list) : 0;
            if (e) {
                if (!cm->deny_last)
                    cm->deny_first = i;
                cm->deny_last = e;
            }
        }
        cm->rumour_end = rumour_cue_end(doc, s, first);
    }
    if ((cm->deny_last && cm->deny_first < ev_start && denied_that_before(norm, s, ev_start)) ||
        (cm->deny_last > ev_end && denied_after(doc, s, ev_end, person_entity)))
        return RX_MOD_DENIED;
    if (speculative || cm->rumour_end <= ev_end || (cm->rumour_last >= ev_end && attributed_after(doc, s, ev_end)))
        return RX_MOD_RUMOURED;
    return planned ? RX_MOD_PLANNED : RX_MOD_FACT;
}

/* ------------------------------------------------------------ arguments from context */

/* The date of a change: the nearest date expression of its sentence before the
 * end of the evidence (else one closely after it), else the latest one of at
 * most three previous sentences of the same line. */
static bool newline_between(const rx_doc *doc, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (doc->text.norm[i] == '\n')
            return true;
    return false;
}

/* No comma, semicolon or full stop in norm[from, to)? */
static bool same_clause(const rx_doc *doc, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (doc->text.norm[k] == ',' || doc->text.norm[k] == ';' || doc->text.norm[k] == 0x3002)
            return false;
    return true;
}

/* A date that starts a span of time, "since 2015", "2015 年以來": when a
 * standing state began, not when the change happened. */
static bool is_since(const rx_doc *doc, const rx_date_mention *d)
{
    const uint32_t *t = doc->text.norm;
    size_t a = d->start;
    while (a > 0 && t[a - 1] == ' ')
        a--;
    if (a >= 5 && (t[a - 5] | 32) == 's' && t[a - 4] == 'i' && t[a - 3] == 'n' && t[a - 2] == 'c' &&
        t[a - 1] == 'e' && (a == 5 || !((t[a - 6] | 32) >= 'a' && (t[a - 6] | 32) <= 'z')) && a < d->start)
        return true;
    size_t e = d->end;
    while (e < doc->text.n && t[e] == ' ')
        e++;
    return e + 1 < doc->text.n && t[e] == 0x4EE5 && t[e + 1] == 0x6765; /* 以来 */
}

/* Is the English word right before pos (after at least one space) one of
 * words[0..n) (lower-case), ignoring case? */
static bool word_before_is(const uint32_t *t, size_t pos, const char *const *words, size_t n)
{
    size_t a = pos;
    while (a > 0 && t[a - 1] == ' ')
        a--;
    size_t b = a;
    while (b > 0 && (t[b - 1] | 32) >= 'a' && (t[b - 1] | 32) <= 'z')
        b--;
    return a < pos && rx_ascii_word_in(t, b, a, words, n);
}

/* Does date d end a span of time: 至 / 到 / 截至 / until / through before it
 * ("合約延長至2026年", "as of 截至2023年底", "until June")? Such a date, said in
 * another sentence, is not when a change happened. */
static bool is_until(const rx_doc *doc, const rx_date_mention *d)
{
    const uint32_t *t = doc->text.norm;
    size_t a = d->start;
    while (a > 0 && t[a - 1] == ' ')
        a--;
    if (a > 0 && (t[a - 1] == 0x81F3 || t[a - 1] == 0x5230)) /* 至 到 */
        return true;
    static const char *const en[] = {"until", "through", "till"};
    return word_before_is(t, d->start, en, sizeof en / sizeof en[0]);
}

/* A headline's "X to retire", "X to join Y": the name, then "to" and a
 * verb in lower case, says what will happen (not "promotes X to president":
 * a title after "to"). */
static bool headline_to(const rx_doc *doc, const rx_mention *m)
{
    const uint32_t *t = doc->text.norm;
    size_t k = m->end, n = doc->text.n;
    if (!(k + 4 < n && t[k] == ' ' && t[k + 1] == 't' && t[k + 2] == 'o' && t[k + 3] == ' ' && t[k + 4] >= 'a' &&
          t[k + 4] <= 'z'))
        return false;
    for (size_t i = (size_t)(m - doc->m) + 1; i < doc->nm && doc->m[i].start <= k + 4; i++)
        if (doc->m[i].start == k + 4)
            return false;
    /* a headline's subject: only capitalised words before the name on its
     * line or in its sentence ("Veltro Motors CEO X to retire", not "elected
     * X to replace Y") */
    for (size_t a = m->start; a > 0 && t[a - 1] != '\n' && t[a - 1] != '.' && t[a - 1] != ';'; a--)
        if (t[a - 1] >= 'a' && t[a - 1] <= 'z' && (a == 1 || !ascii_alnum(t[a - 2])))
            return false;
    /* nor a noun phrase ("signed X to a one-year deal") */
    static const char *const det[] = {"a", "an", "the", "his", "her", "its", "their", "this", "that", "one"};
    size_t e = k + 4;
    while (e < n && t[e] >= 'a' && t[e] <= 'z')
        e++;
    return !rx_ascii_word_in(t, k + 4, e, det, sizeof det / sizeof det[0]);
}

/* Is organisation m only the source a clause before pos cites (据中央纪委网站
 * 消息，副省长X: not the commission's deputy governor)? */
static bool english_source(const rx_doc *doc, const rx_mention *m);

static bool cited_source(const rx_doc *doc, const rx_mention *m, size_t pos)
{
    return (m->start > 0 && doc->text.norm[m->start - 1] == 0x636E /* 据 */ && m->end <= pos &&
            !same_clause(doc, m->end, pos)) ||
           english_source(doc, m);
}

/* Is organisation m the source of a report in English ("according to
 * Reuters", "told Reuters", "a memo seen by Reuters", "in an interview with
 * CNBC")? It holds no post in the story. */
static bool english_source(const rx_doc *doc, const rx_mention *m)
{
    const uint32_t *t = doc->text.norm;
    size_t a = m->start;
    while (a > 0 && t[a - 1] == ' ')
        a--;
    if (a >= 3 && (t[a - 3] | 32) == 't' && (t[a - 2] | 32) == 'h' && (t[a - 1] | 32) == 'e' &&
        (a == 3 || t[a - 4] == ' ')) { /* (told the Financial Times) */
        a -= 3;
        while (a > 0 && t[a - 1] == ' ')
            a--;
    }
    size_t b = a;
    while (b > 0 && (t[b - 1] | 32) >= 'a' && (t[b - 1] | 32) <= 'z')
        b--;
    static const char *const single[] = {"told", "tells", "telling"};
    if (b < a && rx_ascii_word_in(t, b, a, single, 3))
        return true;
    static const char *const second[] = {"to", "by", "with"};
    if (b == a || !rx_ascii_word_in(t, b, a, second, 3))
        return false;
    size_t c = b;
    while (c > 0 && t[c - 1] == ' ')
        c--;
    size_t d = c;
    while (d > 0 && (t[d - 1] | 32) >= 'a' && (t[d - 1] | 32) <= 'z')
        d--;
    static const char *const first[] = {"according", "seen", "reviewed", "obtained", "reported", "interview",
                                        "confirmed", "cited"};
    return d < c && rx_ascii_word_in(t, d, c, first, sizeof first / sizeof first[0]);
}

/* Is pos inside an apposition that follows a name ending at name_end and
 * closes before end ("X, a veteran who retired in 2020, as CEO"): a comma
 * right after the name, none up to pos, another one between pos and end? */
static bool in_apposition(const rx_doc *doc, size_t name_end, size_t pos, size_t end)
{
    const uint32_t *t = doc->text.norm;
    size_t k = name_end;
    while (k < pos && t[k] == ' ')
        k++;
    if (k >= pos || (t[k] != ',' && t[k] != 0xFF0C))
        return false;
    for (size_t q = k + 1; q < pos; q++)
        if (t[q] == ',' || t[q] == 0xFF0C)
            return false;
    for (size_t q = pos; q < end; q++)
        if (t[q] == ',' || t[q] == 0xFF0C)
            return true;
    return false;
}

/* Is date d inside a relative clause (", who was named treasurer in 2019,")
 * that does not follow the name ending at name_end: another person's past? */
static bool in_others_relative(const rx_doc *doc, const rx_date_mention *d, size_t name_end)
{
    const uint32_t *t = doc->text.norm;
    size_t a = d->start;
    while (a > 0 && t[a - 1] != ',' && t[a - 1] != '.' && t[a - 1] != ';')
        a--;
    if (a == 0 || t[a - 1] != ',')
        return false;
    size_t c = a - 1; /* the comma opening the clause */
    while (a < d->start && t[a] == ' ')
        a++;
    static const char *const rel[] = {"who", "whom", "whose"};
    size_t w = a;
    while (w < d->start && t[w] >= 'a' && t[w] <= 'z')
        w++;
    if (w == a || !rx_ascii_word_in(t, a, w, rel, sizeof rel / sizeof rel[0]))
        return false;
    size_t z = d->end;
    while (z < doc->text.n && t[z] != ',' && t[z] != '.' && t[z] != ';')
        z++;
    if (z >= doc->text.n || t[z] != ',')
        return false;
    /* the name of the relation is the clause's own: before the comma, just */
    size_t k = name_end;
    while (k < c && t[k] == ' ')
        k++;
    return k != c;
}

/* Does an apposition follow the name ending at name_end (", who was named
 * treasurer in 2019,") before a verb in the present or future ("replaces",
 * "will succeed", "is retiring") within [name_end, end)? Then a date inside
 * the apposition tells of something earlier, not of the change. */
static bool present_after_apposition(const rx_doc *doc, size_t name_end, size_t end)
{
    const uint32_t *t = doc->text.norm;
    size_t k = name_end;
    while (k < end && t[k] == ' ')
        k++;
    if (k >= end || t[k] != ',')
        return false;
    k++;
    while (k < end && t[k] != ',')
        k++;
    if (k >= end)
        return false;
    k++;
    while (k < end && t[k] == ' ')
        k++;
    size_t w = k;
    while (w < end && t[w] >= 'a' && t[w] <= 'z')
        w++;
    static const char *const present[] = {"replaces", "succeeds", "will", "is", "joins", "becomes", "takes",
                                          "returns", "leaves", "has", "says", "plans", "remains", "heads"};
    return w > k && rx_ascii_word_in(t, k, w, present, sizeof present / sizeof present[0]);
}

/* (for a return, skip_appos: a date inside an apposition after the name
 * ending at name_end tells of the earlier tenure, "rehired X, who retired in
 * 2020, as CEO"; elsewhere it may date the change itself, "Holt, who took
 * charge in 2022, replaced Marsh") */
/* Does d say when a change takes effect: 自/從 d 起生效, d 生效, "effective d"? */
static bool is_effective(const rx_doc *doc, const rx_date_mention *d)
{
    const uint32_t *t = doc->text.norm;
    size_t e = d->end;
    if (e < doc->text.n && t[e] == 0x8D77) /* 起 */
        e++;
    if (e + 1 < doc->text.n && t[e] == 0x751F && t[e + 1] == 0x6548) /* 生效 */
        return true;
    static const char *const eff[] = {"effective"};
    return word_before_is(t, d->start, eff, 1);
}

/* Does the clause after the words [ev_end, end) say the change takes effect
 * at once (即時生效, 即日起生效, "with immediate effect", "effective
 * immediately")? With no date of its own sentence, it dates from the
 * publication then, not from a date of another change before. */
static bool takes_effect_at_once(const rx_doc *doc, size_t ev_end, size_t end)
{
    static const char32_t *const now[] = {U"即时生效", U"即日生效", U"即日起生效", U"立即生效", U"即时起生效",
                                          U"with immediate effect", U"effective immediately"};
    const uint32_t *t = doc->text.norm;
    for (size_t k = ev_end; k < end && k < ev_end + 12; k++) {
        if (t[k] == 0x3002 || t[k] == ';' || t[k] == '.')
            return false;
        for (size_t w = 0; w < sizeof now / sizeof now[0]; w++)
            if (rx_lit_at(t, end, k, now[w]))
                return true;
    }
    return false;
}

/* The date mention d, or when d ends a span of time whose start is the mention
 * just before it (2024年1月1日至12月31日, "from 2019 to 2023", "May 1-3") and the
 * change starts something (ends false: 兼任, named, joins), that start: a post
 * held over a span begins at its start. A departure (ends) keeps the end. */
static rx_date span_start_or(const rx_doc *doc, const rx_date_mention *d, bool ends)
{
    size_t i = (size_t)(d - doc->dates);
    if (ends || i == 0)
        return d->value;
    const rx_date_mention *p = &doc->dates[i - 1];
    const uint32_t *t = doc->text.norm;
    if (p->end > d->start || d->start - p->end > 10 || !p->value.y)
        return d->value;
    size_t a = p->end, b = d->start;
    while (a < b && t[a] == ' ')
        a++;
    while (b > a && t[b - 1] == ' ')
        b--;
    static const char *const to[] = {"to", "through", "until", "till"};
    bool sep = (b == a + 1 && (t[a] == 0x81F3 || t[a] == 0x5230 || t[a] == '-' || t[a] == '~' ||
                                t[a] == 0x2013 || t[a] == 0x2014 || t[a] == 0xFF5E)) ||
               (b > a && rx_ascii_word_in(t, a, b, to, sizeof to / sizeof to[0]));
    return sep ? p->value : d->value;
}

/* Is date d inside a modifier ending in 的 right before the person's name
 * starting at name_start, or before the post just before it (去年6月才加入的
 * 營運長吳振宏)? It tells of that person's past, not of the change. */
static bool in_modifier_of_name(const rx_doc *doc, const rx_date_mention *d, size_t name_start)
{
    const uint32_t *t = doc->text.norm;
    if (d->end > name_start || name_start - d->end > 20)
        return false;
    size_t de = (size_t)-1;
    for (size_t k = d->end; k < name_start; k++) {
        if (t[k] == 0xFF0C || t[k] == ',' || t[k] == 0x3002 || t[k] == 0xFF1B || t[k] == ';' || t[k] == 0x3001 ||
            t[k] == 0xFF1A || t[k] == ':')
            return false;
        if (t[k] == 0x7684) /* 的 */
            de = k;
    }
    if (de == (size_t)-1)
        return false;
    if (de + 1 == name_start)
        return true;
    for (size_t i = 0; i < doc->nm && doc->m[i].start <= de + 1; i++)
        if (doc->m[i].type == RX_M_ROLE && doc->m[i].start == de + 1 && doc->m[i].end == name_start)
            return true;
    return false;
}

/* The date of a change whose words are [ev_start, ev_end) in sentence sent,
 * said of the person whose name is [name_start, name_end) (skip_appos: see above; ends: the change
 * ends a post, so of a span of time it takes the end). None when the text
 * gives none near. */
static rx_date date_of(const rx_doc *doc, size_t sent, size_t ev_start, size_t ev_end, size_t name_start,
                       size_t name_end, bool skip_appos, bool ends)
{
    const rx_span *s = &doc->sent[sent];
    rx_date none = {0, 0, 0};
    const rx_date_mention *best = NULL;
    /* the clause after the words says when the change takes effect
     * ("辭任行政總裁，自2024年3月1日起生效", "resigned, effective March 1") */
    size_t from = ev_end; /* (after a date just after the words: "named X last week, effective July 1") */
    for (size_t i = 0; i < doc->ndates; i++) {
        const rx_date_mention *d = &doc->dates[i];
        if (d->start >= from && d->start - from <= 12 && d->end <= s->end && is_effective(doc, d))
            return span_start_or(doc, d, ends);
        if (d->start >= from && d->start - from <= 1 && d->end <= s->end)
            from = d->end;
        if (d->start >= from + 12)
            break;
    }
    /* right after the words, in the same clause ("replaced X in November
     * 2022"), a date beats one inside them (", who ... in 2020,") */
    for (size_t i = 0; i < doc->ndates; i++) {
        const rx_date_mention *d = &doc->dates[i];
        if (d->start >= ev_end && d->start - ev_end <= 8 && d->end <= s->end &&
            same_clause(doc, ev_end, d->start))
            return span_start_or(doc, d, ends);
    }
    for (size_t i = 0; i < doc->ndates; i++) {
        const rx_date_mention *d = &doc->dates[i];
        if (d->start < s->start || d->end > s->end || is_since(doc, d))
            continue;
        if (skip_appos && d->start < ev_end && in_apposition(doc, name_end, d->start, ev_end))
            continue;
        if (in_others_relative(doc, d, name_end) || (ev_start >= name_start && in_modifier_of_name(doc, d, name_start)))
            continue;
        if (d->start < ev_end) {
            best = d;
        } else {
            /* a date after the words only when it follows closely, in the same
             * clause: "resigned on Monday", not "..., who said in January" */
            if (!best && d->start - ev_end <= 20 && same_clause(doc, ev_end, d->start))
                best = d;
            break;
        }
    }
    if (best)
        return span_start_or(doc, best, ends);
    if (takes_effect_at_once(doc, ev_end, s->end))
        return doc->pubdate;
    for (size_t k = sent; k-- > 0 && sent - k <= 3;) {
        if (newline_between(doc, doc->sent[k].end, s->start))
            break;
        for (size_t i = doc->ndates; i-- > 0;) {
            const rx_date_mention *d = &doc->dates[i];
            /* (not a date of someone's past in a relative clause: "Marsh,
             * who became president in 2019, ...") */
            if (d->start >= doc->sent[k].start && d->end <= doc->sent[k].end && !is_until(doc, d) &&
                !is_since(doc, d) && !in_others_relative(doc, d, 0))
                return span_start_or(doc, d, ends);
        }
    }
    return none;
}

/* A planned change's month written without its year ("will step down in
 * May") that lies before the publication month is next year's: the
 * date mentions of sentence s resolve such a month to the year of
 * publication. Only a month in or after the matched words (from
 * ev_start), and not one an announcement there took place in. d
 * otherwise. */
static rx_date planned_ahead(const rx_doc *doc, const rx_span *s, size_t ev_start, rx_date d)
{
    rx_date p = doc->pubdate;
    if (!p.y || d.y != p.y || !d.m || d.m >= p.m)
        return d;
    for (size_t i = 0; i < doc->ndates; i++) {
        const rx_date_mention *dm = &doc->dates[i];
        if (dm->start < s->start || dm->end > s->end || dm->value.y != d.y || dm->value.m != d.m ||
            dm->value.d != d.d || dm->start < ev_start)
            continue;
        /* no year written in it (four digits, 今年, this year) */
        const uint32_t *t = doc->text.norm;
        bool year = false;
        for (size_t k = dm->start; k < dm->end && !year; k++)
            year = t[k] == 0x4ECA /* 今 */ || (k + 3 < dm->end && t[k] - '0' < 10u && t[k + 1] - '0' < 10u &&
                                             t[k + 2] - '0' < 10u && t[k + 3] - '0' < 10u);
        static const char *const this_year[] = {"this"};
        /* (not the month of an announcement: "who announced in January
         * that she would retire") */
        static const char *const told[] = {"announced", "said", "told", "confirmed", "revealed", "disclosed"};
        for (size_t k = ev_start; k < dm->start && !year; k++)
            if ((k == 0 || (t[k - 1] | 32u) - 'a' >= 26u) && (t[k] | 32u) - 'a' < 26u) {
                size_t e = k;
                while (e < dm->start && (t[e] | 32u) - 'a' < 26u)
                    e++;
                year = rx_ascii_word_in(t, k, e, told, sizeof told / sizeof told[0]);
            }
        if (!year && !word_before_is(t, dm->start, this_year, 1) &&
            !(dm->end - dm->start >= 4 && (t[dm->start] | 32u) == 't' && (t[dm->start + 1] | 32u) == 'h' &&
              (t[dm->start + 2] | 32u) == 'i' && (t[dm->start + 3] | 32u) == 's')) {
            d.y++;
            return d;
        }
    }
    return d;
}

/* Mention indexes of the sentence [first, last). *cursor: a mention index no
 * greater than first (the sentences come in text order, so the search goes on
 * from the previous sentence's first); it is moved to first. */
static void sentence_mentions(const rx_doc *doc, const rx_span *s, size_t *cursor, size_t *first,
                              size_t *last)
{
    size_t lo = *cursor;
    if (lo > doc->nm || (lo > 0 && doc->m[lo - 1].start >= s->start))
        lo = 0; /* not below first after all: from the start */
    while (lo < doc->nm && doc->m[lo].start < s->start)
        lo++;
    size_t hi = lo;
    *first = *cursor = lo;
    while (hi < doc->nm && doc->m[hi].start < s->end)
        hi++;
    *last = hi;
}


/* focus[i]: the mention (index) of the organisation named most often in
 * doc->m[0, i), its latest mention standing for it (the most recent on a tie:
 * a bare title belongs to the company just spoken of; "the company" is
 * resolve.c's, which prefers the one named first);
 * -1 when none. One pass over the mentions; caller frees. NULL when out of
 * memory. */
static int *focus_orgs(const rx_doc *doc)
{
    int *focus = malloc((doc->nm + 1) * sizeof *focus);
    size_t *count = calloc(doc->ne ? doc->ne : 1, sizeof *count);
    if (!focus || !count) {
        free(focus);
        free(count);
        return NULL;
    }
    int best = -1, best_e = -1;
    size_t best_n = 0;
    for (size_t i = 0; i <= doc->nm; i++) {
        focus[i] = best;
        if (i == doc->nm)
            break;
        const rx_mention *m = &doc->m[i];
        if (m->type != RX_M_ORG || m->entity < 0 || (m->flags & RX_MF_PRONOUN) || rx_is_agency_credit(doc, m))
            continue;
        size_t n = ++count[m->entity];
        if (n >= best_n || m->entity == best_e) {
            best_n = n;
            best_e = m->entity;
            best = (int)i;
        }
    }
    free(count);
    return focus;
}

/* Is role mention k (-1: none) a former post (原部長, former CEO) or a public
 * office (部長, 市長, minister, senator), which the company a text is about
 * does not give? */
static bool public_or_former_post(const rx_doc *doc, int k)
{
    if (k < 0)
        return false;
    const rx_mention *m = &doc->m[k];
    if (m->flags & RX_MF_FORMER)
        return true;
    /* (the matching copy is folded to Simplified: these cover 部長 議員 ...) */
    static const char32_t *const han[] = {U"部长", U"市长", U"县长", U"省长", U"区长", U"州长", U"厅长", U"议员",
                                          U"立法委员", U"立委", U"议长", U"书记", U"大使", U"总统", U"总理", U"首相"};
    static const char *const latin[] = {"minister", "senator", "ambassador", "governor", "mayor",
                                        "congressman", "congresswoman", "prime"};
    const uint32_t *t = doc->text.norm;
    for (size_t i = m->start; i < m->end; i++) {
        for (size_t w = 0; w < sizeof han / sizeof han[0]; w++)
            if (rx_lit_at(t, m->end, i, han[w]))
                return true;
        if (i == m->start || t[i - 1] == ' ') {
            size_t e = i;
            while (e < m->end && t[e] != ' ')
                e++;
            if (e > i && rx_ascii_word_in(t, i, e, latin, sizeof latin / sizeof latin[0]))
                return true;
            /* a Secretary of a government is written with a capital (Defense
             * Secretary), a company's secretary is not */
            static const char *const sec[] = {"secretary"};
            if (e > i && doc->text.cp[i] == 'S' && rx_ascii_word_in(t, i, e, sec, 1))
                return true;
        }
    }
    return false;
}

/* A sentence that names no organisation still speaks of the organisation
 * named last before it (晶宇指出，…。此外，財務長林佩君請辭; "the company"
 * counts for the one it stands for) when that one was named at least twice
 * so far or in the sentence just before: the story has not moved on. Its
 * latest mention (index), or -1. first: the sentence's first mention. */
static bool former_org(const rx_doc *doc, const rx_mention *m);

/* Does organisation mention m name a league or a cup (Premier League, 中超,
 * 聯賽, Cup)? */
static bool league_or_cup(const rx_doc *doc, const rx_mention *m)
{
    const uint32_t *t = doc->text.norm;
    size_t s = m->start, e = m->end;
    if (e - s >= 2 && ((t[e - 2] == 0x8054 && t[e - 1] == 0x8D5B) || (t[e - 2] == 0x4E2D && t[e - 1] == 0x8D85) ||
                       t[e - 1] == 0x676F)) /* 联赛 中超 杯 */
        return true;
    static const char *const words[] = {"league", "cup", "championship", "conference"};
    size_t w = e;
    while (w > s && t[w - 1] != ' ')
        w--;
    return w > s && rx_ascii_word_in(t, w, e, words, sizeof words / sizeof words[0]);
}

static int org_continues(const rx_doc *doc, size_t first)
{
    int last = -1;
    for (size_t i = first; i-- > 0;) {
        const rx_mention *m = &doc->m[i];
        /* (not where someone came from: "joined Halvard in 2015 from Ford";
         * nor a league or a cup, where no one holds a post) */
        static const char *const former[] = {"former"};
        if (m->type == RX_M_ORG && m->entity >= 0 && !rx_is_agency_credit(doc, m) && !former_org(doc, m) &&
            !league_or_cup(doc, m) && !english_source(doc, m) && !word_before_is(doc->text.norm, m->start, former, 1)) {
            last = (int)i;
            break;
        }
    }
    if (last < 0)
        return -1;
    int e = doc->m[last].entity, seen = 0;
    for (int i = 0; i <= last && seen < 2; i++)
        if (doc->m[i].type == RX_M_ORG && doc->m[i].entity == e)
            seen++;
    if (seen < 2) {
        size_t ls = rx_span_index(doc->sent, doc->nsent, doc->m[last].start);
        size_t cs = rx_span_index(doc->sent, doc->nsent, doc->m[first].start);
        if (ls + 1 < cs)
            return -1;
    }
    return last;
}

/* What is looked up once per sentence, when first needed. */
typedef struct sent_ctx {
    const int *focus;  /* focus_orgs of the document */
    size_t first, last; /* the sentence's mentions (sentence_mentions) */
    int generic;       /* a generic word for an organisation in it? -1: not yet known */
    cue_memo cues;     /* see modality_of */
} sent_ctx;

/* Is organisation m named as where someone was or came from: after 前/原
 * (前國足主帥), 从/自 (从台积电跳槽), ex- (ex-Google executive X), or the
 * word "from" ("hired X from Y")?
 * Never the one a person takes a post at. */
static bool former_org(const rx_doc *doc, const rx_mention *m)
{
    const uint32_t *t = doc->text.norm;
    size_t a = m->start;
    if (a > 0 && (t[a - 1] == 0x524D || t[a - 1] == 0x539F || t[a - 1] == 0x4ECE || t[a - 1] == 0x81EA))
        return true;
    /* ex-Google executive X */
    if (a >= 3 && t[a - 1] == '-' && (t[a - 2] | 32u) == 'x' && (t[a - 3] | 32u) == 'e' &&
        (a == 3 || (t[a - 4] | 32u) - 'a' >= 26u))
        return true;
    /* (the company someone is lured from: "poached Tesla executive X") */
    static const char *const from[] = {"from", "poached", "poaching", "poaches", "lured"};
    return word_before_is(t, m->start, from, sizeof from / sizeof from[0]);
}

/* Does the sentence (mentions [first, last)) cite a source before pos
 * (另據中央紀委網站消息，…)? A new source, a new story: no organisation
 * carries over from the sentences before. */
static bool cites_source(const rx_doc *doc, size_t first, size_t last, size_t pos)
{
    for (size_t i = first; i < last; i++)
        if (doc->m[i].type == RX_M_ORG && doc->m[i].end <= pos && cited_source(doc, &doc->m[i], pos))
            return true;
    return false;
}

/* Is there a 前 or 原 between a and b that starts another body's name
 * (已與前韓國國家隊主帥X: the title is of the former body, not of one named
 * before)? Only outside a title of its own (原總經理 is flagged former). */
static bool former_between(const rx_doc *doc, size_t a, size_t b)
{
    const uint32_t *t = doc->text.norm;
    static const char32_t after_no[] = U"因则来本往景夕年天进后述面者";
    static const char32_t before_no[] = U"日此之目以提当空向眼跟面";
    for (size_t k = b > a + 8 ? b - 8 : a; k + 2 < b; k++) {
        if (t[k] != 0x524D && t[k] != 0x539F) /* 前 原 */
            continue;
        bool word = false;
        for (size_t q = 0; after_no[q] && !word; q++)
            word = t[k + 1] == (uint32_t)after_no[q];
        for (size_t q = 0; k > a && before_no[q] && !word; q++)
            word = t[k - 1] == (uint32_t)before_no[q];
        if (!word)
            return true;
    }
    return false;
}

/* Is the title starting at pos a former one by the words before it ("former
 * Germany coach X", "ex-Barclays banker X"): "former" or an "ex-" word among
 * the two words before? */
static bool former_words_before(const uint32_t *t, size_t lo, size_t pos)
{
    size_t b = pos;
    for (int w = 0; w < 2; w++) {
        while (b > lo && t[b - 1] == ' ')
            b--;
        size_t e = b;
        while (b > lo && t[b - 1] != ' ' && t[b - 1] != ',')
            b--;
        static const char *const former[] = {"former"};
        if (e - b == 6 && rx_ascii_word_in(t, b, e, former, 1))
            return true;
        if (e - b > 3 && (t[b] | 32) == 'e' && (t[b + 1] | 32) == 'x' && t[b + 2] == '-')
            return true;
        if (b == e)
            break;
    }
    return false;
}

/* Does sentence s (mentions [first, last)) say 公司, the company ... outside
 * a name (捷運公司 is an organisation, not a word for the one spoken of; the
 * company as a pronoun is such a word)? */
static bool generic_word_in(const rx_doc *doc, const rx_span *s, size_t first, size_t last)
{
    const uint32_t *t = doc->text.norm;
    size_t m = first;
    for (size_t i = s->start; i < s->end; i++) {
        while (m < last && doc->m[m].end <= i)
            m++;
        if (m < last && doc->m[m].start <= i && doc->m[m].type == RX_M_ORG && !(doc->m[m].flags & RX_MF_PRONOUN)) {
            i = doc->m[m].end - 1;
            continue;
        }
        if (cue_may_start(&generic_org_list, t[i]) && cue_at(t, s->start, s->end, i, &generic_org_list))
            return true;
    }
    return false;
}

static int entity_of(const rx_doc *doc, int m);

/* Does organisation mention i (before person mention p) head another
 * person's former title ("former HSBC banker Grace Liu, succeeding John Lo,
 * who is retiring": HSBC is Liu's past, not Lo's)? It does when it is a former
 * one and the next person named after it, in the same clause and within a
 * few words, is not p's. (A present title, "Marlow Bank Chief Executive X",
 * names the body the sentence speaks of.) */
static bool heads_other_title(const rx_doc *doc, size_t i, size_t last, int p)
{
    const rx_mention *o = &doc->m[i];
    static const char *const former[] = {"former"};
    if (!former_org(doc, o) && !word_before_is(doc->text.norm, o->start, former, 1))
        return false;
    size_t k = i + 1;
    while (k < last && doc->m[k].type == RX_M_ROLE)
        k++;
    if (k >= last || doc->m[k].type != RX_M_PERSON || (int)k == p || entity_of(doc, (int)k) == entity_of(doc, p) ||
        doc->m[k].start > o->end + 30)
        return false;
    for (size_t z = o->end; z < doc->m[k].start; z++) {
        uint32_t c = doc->text.norm[z];
        if (c == ',' || c == '.' || c == ';' || c == 0xFF0C || c == 0x3002 || c == 0x3001 || c == 0xFF1B)
            return false;
    }
    return true;
}

/* Does organisation mention i follow a title and "of" or "at" ("acting
 * secretary of the Labor Department")? */
static bool post_of(const rx_doc *doc, size_t i)
{
    if (i == 0 || doc->m[i - 1].type != RX_M_ROLE)
        return false;
    const uint32_t *t = doc->text.norm;
    size_t a = doc->m[i - 1].end, b = doc->m[i].start;
    while (a < b && t[a] == ' ')
        a++;
    if (b - a < 2 || !(((t[a] | 32u) == 'o' && (t[a + 1] | 32u) == 'f') || ((t[a] | 32u) == 'a' && (t[a + 1] | 32u) == 't')))
        return false;
    a += 2;
    if (a < b && t[a] != ' ')
        return false;
    while (a < b && t[a] == ' ')
        a++;
    if (b - a >= 3 && (t[a] | 32u) == 't' && (t[a + 1] | 32u) == 'h' && (t[a + 2] | 32u) == 'e')
        a += 3;
    while (a < b && t[a] == ' ')
        a++;
    return a == b;
}

/* Is organisation mention m named again later in the sentence (mentions
 * before last)? */
static bool same_org_later(const rx_doc *doc, const rx_mention *m, size_t last)
{
    for (size_t i = (size_t)(m - doc->m) + 1; i < last; i++)
        if (doc->m[i].type == RX_M_ORG && doc->m[i].entity == m->entity)
            return true;
    return false;
}

/* The organisation among mentions [first, last) followed by a verb of
 * saying ("the Labor Department said"), -1 when none. */
static int speaking_org(const rx_doc *doc, size_t first, size_t last)
{
    static const char *const says[] = {"said", "says", "announced", "confirmed", "added"};
    const uint32_t *t = doc->text.norm;
    for (size_t i = first; i < last; i++) {
        const rx_mention *m = &doc->m[i];
        if (m->type != RX_M_ORG || m->entity < 0 || rx_is_agency_credit(doc, m))
            continue;
        size_t a = m->end;
        while (a < doc->text.n && t[a] == ' ')
            a++;
        size_t b = a;
        while (b < doc->text.n && lower(t[b]) - 'a' < 26u)
            b++;
        if (a < b && rx_ascii_word_in(t, a, b, says, sizeof says / sizeof says[0]))
            return (int)i;
    }
    return -1;
}

/* Is organisation mention m an authority announcing its decision on posts
 * (中共中央決定：, 國務院決定：, 經中共中央批准)? The posts it fills are at
 * other bodies. */
static bool decides_post(const rx_doc *doc, const rx_mention *m)
{
    const uint32_t *t = doc->text.norm;
    size_t n = doc->text.n, k = m->end;
    if (k + 2 >= n || !((t[k] == 0x51B3 && t[k + 1] == 0x5B9A) || (t[k] == 0x6279 && t[k + 1] == 0x51C6))) /* 决定 批准 */
        return false;
    /* (經中共中央批准，X任…) */
    return t[k + 2] == 0xFF1A || t[k + 2] == ':' || (m->start > 0 && t[m->start - 1] == 0x7ECF /* 经 */);
}

static void fill_context(const rx_doc *doc, const rx_span *s, rx_relation *r, sent_ctx *sc)
{
    size_t first = sc->first, last = sc->last;
    const rx_mention *pm = &doc->m[r->person];
    /* a former title names no organisation of the text's (Former Germany
     * coach X at Barcelona is Barcelona's coach only if the text says so) */
    if (r->org < 0 && r->type == RX_HOLDS_ROLE && r->role >= 0 &&
        former_words_before(doc->text.norm, s->start, doc->m[r->role].start))
        goto role;
    /* 擔任公司聯席首席執行官: the post is the company's, the one the text is
     * about, whatever other organisation the words pass */
    if (r->org < 0 && r->role >= 0 && sc->focus && sc->focus[first] >= 0) {
        const uint32_t *t = doc->text.norm;
        size_t rs = doc->m[r->role].start;
        bool before = false; /* (集團執行董事X after 新地: that one's) */
        for (size_t i = first; i < last && !before; i++)
            before = doc->m[i].type == RX_M_ORG && doc->m[i].end <= pm->start && !rx_is_agency_credit(doc, &doc->m[i]);
        if (!before && rs >= 2 && rs > s->start + 1 &&
            ((t[rs - 2] == 0x516C && t[rs - 1] == 0x53F8) || (t[rs - 2] == 0x96C6 && t[rs - 1] == 0x56E2))) /* 公司 集团 */
            r->org = sc->focus[first];
    }
    if (r->org < 0 && (r->type == RX_APPOINTMENT || r->type == RX_JOIN)) {
        /* one taking a post goes to the organisation the matched words name
         * after the name ("清華大學院長王大成將被延攬至台積電擔任副總經理"):
         * the one before it is where they come from */
        for (size_t i = first; i < last && r->org < 0; i++) {
            const rx_mention *m = &doc->m[i];
            if (m->type != RX_M_ORG || m->start < pm->end || m->end > r->ev_end || m->entity < 0 ||
                former_org(doc, m))
                continue;
            /* not in an apposition ("X, a former Google executive, as CTO") */
            size_t k = pm->end;
            while (k < m->start && doc->text.norm[k] != ',')
                k++;
            if (k == m->start)
                r->org = (int)i;
        }
    }
    if (r->org < 0) {
        bool taking = r->type == RX_APPOINTMENT || r->type == RX_JOIN || r->type == RX_REINSTATEMENT;
        /* the nearest organisation before the person, else one inside the evidence */
        for (size_t i = first; i < last; i++) {
            const rx_mention *m = &doc->m[i];
            if (m->type != RX_M_ORG || rx_is_agency_credit(doc, m) || cited_source(doc, m, pm->start))
                continue;
            /* (not the authority whose decision names the post: 中共中央決定：
             * X任上海市委書記) */
            if (taking && decides_post(doc, m))
                continue;
            /* (not a former one either, for one taking a post or succeeding:
             * 前國足主帥X ... 出任新帥, 由前騰訊副總裁X接任, "former Google
             * executive X", "Y, who joined from Nokia, will be replaced by X";
             * a return goes back there. A successor's apposition may still
             * name its body: "X, who was the Nets' coach before, replaced Y") */
            static const char *const former[] = {"former"};
            bool former_word = word_before_is(doc->text.norm, m->start, former, 1);
            if ((taking || r->type == RX_SUCCESSION) &&
                (former_org(doc, m) || (r->type != RX_REINSTATEMENT && former_word)))
                continue;
            /* (nor, for one who leaves, someone's former employer: "Cross, a
             * former Unilever executive, replaced Y, who retired") */
            if (r->type == RX_DEPARTURE && m->end <= pm->start && former_word && !same_org_later(doc, m, last))
                continue;
            if (m->end <= pm->start &&
                !(r->type == RX_HOLDS_ROLE && former_between(doc, m->end, r->role >= 0 ? doc->m[r->role].start : pm->start)) &&
                !heads_other_title(doc, i, last, r->person))
                r->org = (int)i;
            else if (r->org < 0 && m->start >= r->ev_start && m->end <= r->ev_end &&
                     !(taking && in_apposition(doc, pm->end, m->start, r->ev_end)))
                r->org = (int)i; /* (not a former employer: "X, a former Pfizer executive, as CSO") */
        }
    }
    if (r->org < 0 && sc->generic < 0)
        sc->generic = generic_word_in(doc, s, first, last);
    /* a promotion is within the organisation the text is about */
    if (r->org < 0 && (sc->generic || r->type == RX_PROMOTION)) {
        /* 公司 / the company: the organisation the text has named most often
         * so far (the one it is about), the most recent of those on a tie */
        r->org = sc->focus ? sc->focus[first] : -1;
    }
    if (r->org < 0 && r->type != RX_SUCCESSION && !public_or_former_post(doc, r->role) &&
        !cites_source(doc, first, last, pm->start)) {
        r->org = org_continues(doc, first);
        /* not when an English sentence names another body after the
         * person: the one that speaks there ("..., the Labor Department
         * said"); none when it is in the matched words, not as where the
         * person comes from ("X, deputy secretary at the Labor Department,
         * was named acting secretary"), or has a post of its own ("Deputy
         * secretary X will serve as acting secretary of the Labor
         * Department") */
        const uint32_t c0 = doc->text.norm[pm->start];
        int sp = (c0 | 32u) - 'a' < 26u && r->org >= 0 ? speaking_org(doc, first, last) : -1;
        if (sp >= 0 && doc->m[sp].start >= pm->end && doc->m[sp].entity != doc->m[r->org].entity)
            r->org = sp;
        for (size_t i = first; i < last && r->org >= 0 && (c0 | 32u) - 'a' < 26u; i++) {
            const rx_mention *m = &doc->m[i];
            if (m->type == RX_M_ORG && !(m->flags & RX_MF_PRONOUN) && m->entity >= 0 && m->start >= pm->end &&
                (m->end <= r->ev_end || post_of(doc, i)) && m->entity != doc->m[r->org].entity &&
                !rx_is_agency_credit(doc, m) && !former_org(doc, m))
                r->org = -1;
        }
    }
role:
    if (r->role < 0 && (r->type == RX_DEPARTURE || r->type == RX_DISMISSAL || r->type == RX_HOLDS_ROLE)) {
        /* a role written right before the name is the post a person leaves or
         * holds, not the one they take: 首席執行官 Sam Altman, 董事長張忠謀 */
        for (size_t i = first; i < last; i++) {
            const rx_mention *m = &doc->m[i];
            if (m->type != RX_M_ROLE || m->end > pm->start)
                continue;
            size_t gap = pm->start - m->end;
            bool blank = true;
            for (size_t k = m->end; k < pm->start; k++)
                if (doc->text.norm[k] != ' ' && doc->text.norm[k] != '\t')
                    blank = false;
            if (blank && gap <= 2)
                r->role = (int)i;
        }
        /* a Chinese title right after the name (李四董事長昨天宣布退休) */
        size_t after = (size_t)r->person + 1;
        if (r->role < 0 && after < last && doc->m[after].type == RX_M_ROLE && !(pm->flags & RX_MF_ZERO) &&
            skip_blanks(doc->text.norm, pm->end, doc->m[after].start) == doc->m[after].start &&
            rx_is_han(doc->text.norm[doc->m[after].start]) && rx_is_han(doc->text.norm[pm->end - 1]))
            r->role = (int)after;
        /* a later member of a 、 list shares the title before the first
         * (共同執行長胡書賓、許志遠連任: both are co-CEOs; 董事長甲、總經理乙
         * gives 乙 a title of its own) */
        int f = r->person;
        while (r->role < 0 && f > (int)first && doc->m[f - 1].type == RX_M_PERSON &&
               !(doc->m[f].flags & RX_MF_ZERO)) {
            const uint32_t *t = doc->text.norm;
            size_t k = skip_blanks(t, doc->m[f - 1].end, doc->m[f].start);
            if (k >= doc->m[f].start || t[k] != 0x3001 /* 、 */ ||
                skip_blanks(t, k + 1, doc->m[f].start) != doc->m[f].start)
                break;
            f--;
            const rx_mention *q = &doc->m[f];
            if (f > (int)first && doc->m[f - 1].type == RX_M_ROLE && doc->m[f - 1].end <= q->start &&
                skip_blanks(t, doc->m[f - 1].end, q->start) == q->start && q->start - doc->m[f - 1].end <= 2)
                r->role = f - 1;
        }
    }
}

/* ------------------------------------------------------------ candidates */

typedef struct cand {
    rx_relation rel;
    int priority;
    unsigned excludes;
    int person_entity;
} cand;

typedef struct cand_list {
    cand *c;
    size_t n, cap;
} cand_list;

/* Is the mention followed by 旗下/麾下 ("under X"), i.e. a possessor? */
/* The one who acts when the words of a match run from person m over a
 * clause break: m names a companion in its clause (與/和/跟/同 before it) and
 * another person opens that clause, within a few characters of its start
 * (梁文彬上午與晴嵐董事長許振宇共同出席論壇，會後證實將離開岳川: 梁文彬
 * leaves, not 許振宇). m otherwise. */
static int clause_subject(const rx_doc *doc, const sent_ctx *sc, const rx_span *s, int m, size_t ev_end)
{
    const uint32_t *t = doc->text.norm;
    const rx_mention *pm = &doc->m[m];
    size_t k = pm->end;
    while (k < ev_end && t[k] != 0xFF0C && t[k] != ',')
        k++;
    if (k >= ev_end)
        return m;
    size_t cs = pm->start;
    while (cs > s->start && t[cs - 1] != 0xFF0C && t[cs - 1] != ',' && t[cs - 1] != 0x3002)
        cs--;
    for (size_t i = sc->first; i < sc->last; i++) {
        const rx_mention *q = &doc->m[i];
        if (q->start >= pm->start)
            break;
        if (q->start < cs || q->type != RX_M_PERSON || q->entity < 0)
            continue;
        if (q->start - cs > 4 || q->entity == pm->entity)
            return m;
        for (size_t c = q->end; c < pm->start; c++)
            if (t[c] == 0x4E0E || t[c] == 0x548C || t[c] == 0x8DDF || t[c] == 0x540C) /* 与 和 跟 同 */
                return (int)i;
        return m;
    }
    return m;
}

static bool possessor(const rx_doc *doc, const rx_mention *m)
{
    size_t k = m->end;
    while (k < doc->text.n && (doc->text.norm[k] == ' ' || doc->text.norm[k] == '\t'))
        k++;
    return k + 1 < doc->text.n && (doc->text.norm[k] == 0x65D7 || doc->text.norm[k] == 0x9EBE) &&
           doc->text.norm[k + 1] == 0x4E0B;
}

/* Is the role at unit u written right before a person other than entity? */
static bool role_names_other(const rx_doc *doc, const relx_worker *w, size_t u, int entity)
{
    bool comma = false;
    for (size_t k = u + 1; k < w->nunits; k++) {
        int m = w->units[k].mention;
        if (m < 0) {
            uint32_t c = doc->text.norm[w->units[k].cp_start];
            if (c == ' ' || c == '\t')
                continue;
            if (c == ',' && !comma) {
                comma = true;
                continue;
            }
            return false;
        }
        if (doc->m[m].type != RX_M_PERSON || doc->m[m].entity == entity)
            return false;
        if (!comma)
            return true;
        if ((doc->text.norm[doc->m[m].start] | 32u) - 'a' >= 26u)
            return false; /* (English names only) */
        /* between commas: "named its chairman, Susan Marsh, as interim CEO"
         * (not "was named chairman, Susan Marsh said") */
        size_t e = doc->m[m].end;
        while (e < doc->text.n && doc->text.norm[e] == ' ')
            e++;
        return e < doc->text.n && doc->text.norm[e] == ',';
    }
    return false;
}


/* Is person mention m, or a title right before it, the subject of a
 * question, a condition or a demand ("whether Chief Executive X would step
 * down", "if X resigns", "called for X to resign", "urged X to quit"), which
 * tells no change? */
static bool open_question(const rx_doc *doc, size_t m)
{
    static const char *const words[] = {"whether", "if", "urged", "urges", "urging", "pressed", "pressing"};
    static const char *const call[] = {"call", "calls", "called", "calling"};
    static const char *const for_[] = {"for"};
    const uint32_t *t = doc->text.norm;
    size_t pos = doc->m[m].start;
    if (m > 0 && doc->m[m - 1].type == RX_M_ROLE && doc->m[m - 1].end <= pos) {
        size_t k = doc->m[m - 1].end;
        while (k < pos && t[k] == ' ')
            k++;
        if (k == pos)
            pos = doc->m[m - 1].start;
    }
    if (word_before_is(t, pos, words, sizeof words / sizeof words[0]))
        return true;
    /* a demand: "called for Chairman X to step down" */
    if (!word_before_is(t, pos, for_, 1))
        return false;
    size_t q = pos;
    while (q > 0 && t[q - 1] == ' ')
        q--;
    return q >= 3 && word_before_is(t, q - 3, call, sizeof call / sizeof call[0]);
}

static int add_candidates(relx_worker *w, rx_doc *doc, size_t sent, size_t rule_i, size_t pat_i,
                          const PCRE2_SIZE *ov, cand_list *out, sent_ctx *sc)
{
    const rx_rule *rule = &w->eng->rules.rules[rule_i];
    const rx_pattern *pat = &rule->patterns[pat_i];
    const rx_span *s = &doc->sent[sent];
    int arg_first[RX_ARG_NONE];
    bool arg_list[RX_ARG_NONE];
    size_t arg_lo[RX_ARG_NONE], arg_hi[RX_ARG_NONE];
    for (int a = 0; a < RX_ARG_NONE; a++)
        arg_first[a] = -1, arg_list[a] = false, arg_lo[a] = arg_hi[a] = 0;
    for (size_t k = 0; k < pat->nslots; k++) {
        const rx_slot *sl = &pat->slots[k];
        if (sl->arg == RX_ARG_NONE || arg_first[sl->arg] >= 0)
            continue;
        PCRE2_SIZE bs = ov[2 * sl->group], be = ov[2 * sl->group + 1];
        if (bs == PCRE2_UNSET)
            continue;
        int want = sl->type == RX_SLOT_PERSON ? RX_M_PERSON : sl->type == RX_SLOT_ORG ? RX_M_ORG : RX_M_ROLE;
        size_t u0 = w->byte_unit[bs], u1 = w->byte_unit[be];
        for (size_t u = u0; u < u1; u++) {
            int m = w->units[u].mention;
            if (m >= 0 && doc->m[m].type == want) {
                if (arg_first[sl->arg] < 0) {
                    arg_first[sl->arg] = m;
                    arg_lo[sl->arg] = u;
                }
                arg_hi[sl->arg] = u + 1;
            }
        }
        arg_list[sl->arg] = sl->list;
    }
    if (arg_first[RX_ARG_PERSON] < 0)
        return 0;
    /* a byline's reporter (記者X, 編輯X) tells of the change, it is not theirs */
    if (rx_byline_cue_before(doc->text.norm, 0, doc->m[arg_first[RX_ARG_PERSON]].start))
        return 0;
    /* an implied subject acts, it holds no title by being next to one */
    if (rule->type == RX_HOLDS_ROLE && (doc->m[arg_first[RX_ARG_PERSON]].flags & RX_MF_ZERO))
        return 0;
    /* a standing role's organisation is the last one named before the title
     * (中超球隊青島海牛官方宣布，主教練邵佳一: 青島海牛's coach) */
    if (rule->type == RX_HOLDS_ROLE && arg_first[RX_ARG_ORG] >= 0 && arg_first[RX_ARG_ROLE] >= 0) {
        for (size_t u = arg_lo[RX_ARG_ORG] + 1; u < arg_lo[RX_ARG_ROLE]; u++) {
            int m = w->units[u].mention;
            if (m >= 0 && doc->m[m].type == RX_M_ORG && doc->m[m].entity >= 0)
                arg_first[RX_ARG_ORG] = m;
        }
        if (cited_source(doc, &doc->m[arg_first[RX_ARG_ORG]], doc->m[arg_first[RX_ARG_ROLE]].start))
            arg_first[RX_ARG_ORG] = -1;
    }
    /* one taking a post whose organisation is named between the name and the
     * title (国务院任命李强为国家发改委主任): that organisation, not the
     * appointing body before the name */
    if ((rule->type == RX_APPOINTMENT || rule->type == RX_JOIN || rule->type == RX_PROMOTION ||
         rule->type == RX_SUCCESSION) &&
        arg_first[RX_ARG_ORG] >= 0 && arg_first[RX_ARG_ROLE] >= 0 && arg_lo[RX_ARG_ORG] < arg_lo[RX_ARG_PERSON])
        for (size_t u = arg_hi[RX_ARG_PERSON]; u < arg_lo[RX_ARG_ROLE]; u++) {
            int m = w->units[u].mention;
            /* (not where they come from: "poached X from Barclays as head of markets") */
            if (m >= 0 && doc->m[m].type == RX_M_ORG && doc->m[m].entity >= 0 && !former_org(doc, &doc->m[m]))
                arg_first[RX_ARG_ORG] = m;
        }
    size_t ev_start = unit_start_cp(w, ov[0], s->end);
    size_t ev_end = unit_end_cp(w, ov[1], s->start);
    /* one relation per member of the person list (other list slots bind their first member) */
    size_t lo = arg_lo[RX_ARG_PERSON], hi = arg_list[RX_ARG_PERSON] ? arg_hi[RX_ARG_PERSON] : lo + 1;
    for (size_t u = lo; u < hi; u++) {
        int m = w->units[u].mention;
        if (m < 0 || doc->m[m].type != RX_M_PERSON || doc->m[m].entity < 0)
            continue;
        if (hi == lo + 1 && rule->type != RX_HOLDS_ROLE)
            m = clause_subject(doc, sc, s, m, ev_end);
        if (!RX_GROW(out->c, out->cap, out->n + 1))
            return -1;
        cand *c = &out->c[out->n++];
        memset(c, 0, sizeof *c);
        rx_relation *r = &c->rel;
        r->type = rule->type;
        r->person = m;
        r->predecessor = arg_first[RX_ARG_PREDECESSOR];
        r->org = arg_first[RX_ARG_ORG];
        r->role = arg_first[RX_ARG_ROLE];
        if (r->predecessor >= 0 && doc->m[r->predecessor].entity == doc->m[m].entity)
            r->predecessor = -1;
        /* a dateline's agency is no party ("OTTAWA (Reuters) - Prime Minister X") */
        if (r->org >= 0 && (doc->m[r->org].entity < 0 || rx_is_agency_credit(doc, &doc->m[r->org])))
            r->org = -1;
        if (possessor(doc, &doc->m[m])) {
            out->n--; /* 馬斯克旗下的 xAI: the name owns something, it does not act */
            continue;
        }
        if (rule->type != RX_HOLDS_ROLE && open_question(doc, (size_t)m)) {
            out->n--; /* "declined to comment on whether X would step down" */
            continue;
        }
        if (r->role >= 0 && role_names_other(doc, w, arg_lo[RX_ARG_ROLE], doc->m[m].entity)) {
            out->n--; /* the title belongs to someone else: 擔任微軟 CEO Nadella 的顧問 */
            continue;
        }
        r->ev_start = ev_start;
        r->ev_end = ev_end;
        r->rule = rule_i;
        r->pattern = pat_i;
        fill_context(doc, s, r, sc);
        if (rule->type == RX_HOLDS_ROLE) {
            /* a standing role: no date, and only its own words tell its modality */
            rx_span own = {ev_start, ev_end, s->para};
            cue_memo own_cues = {RX_UNKNOWN, 0, 0, 0};
            r->modality = rule->modality >= 0 ? (rx_modality)rule->modality
                                              : modality_of(doc, &own, ev_start, ev_end, &own_cues, doc->m[m].entity);
        } else {
            r->modality = rule->modality >= 0 ? (rx_modality)rule->modality
                                              : modality_of(doc, s, ev_start, ev_end, &sc->cues, doc->m[m].entity);
            if (r->modality == RX_MOD_FACT && headline_to(doc, &doc->m[m]))
                r->modality = RX_MOD_PLANNED;
            r->date = date_of(doc, sent, ev_start, ev_end, doc->m[m].start, doc->m[m].end,
                              rule->type == RX_REINSTATEMENT || present_after_apposition(doc, doc->m[m].end, ev_end),
                              rule->type == RX_DEPARTURE || rule->type == RX_DISMISSAL);
            if (r->modality == RX_MOD_PLANNED)
                r->date = planned_ahead(doc, s, ev_start, r->date);
        }
        c->priority = rule->priority;
        c->excludes = rule->excludes;
        c->person_entity = doc->m[m].entity;
    }
    return 0;
}

static int cand_order(const void *pa, const void *pb)
{
    const cand *a = pa, *b = pb;
    if (a->priority != b->priority)
        return a->priority > b->priority ? -1 : 1;
    size_t la = a->rel.ev_end - a->rel.ev_start, lb = b->rel.ev_end - b->rel.ev_start;
    if (la != lb)
        return la > lb ? -1 : 1;
    if (a->rel.ev_start != b->rel.ev_start)
        return a->rel.ev_start < b->rel.ev_start ? -1 : 1;
    if (a->rel.rule != b->rel.rule)
        return a->rel.rule < b->rel.rule ? -1 : 1;
    if (a->rel.person != b->rel.person)
        return a->rel.person < b->rel.person ? -1 : 1;
    return 0;
}

/* Does the accepted candidate a rule out b? (see the policy at the top) */
static bool conflicts(const rx_doc *doc, const cand *a, const cand *b)
{
    if (a->rel.ev_end <= b->rel.ev_start || b->rel.ev_end <= a->rel.ev_start)
        return false;
    /* the predecessor of a succession does not take a post in the same words
     * (though it may leave or hold one): X 接替 Y 擔任 Z. Words that open
     * with the predecessor (Y 轉任策略長，遺缺由 X 升任) or end on it
     * ("X, replacing Y, who leaves to become CEO of B") tell of Y's own move. */
    if (a->rel.predecessor >= 0 && doc->m[a->rel.predecessor].entity == b->person_entity &&
        b->rel.type != RX_DEPARTURE && b->rel.type != RX_DISMISSAL && b->rel.type != RX_HOLDS_ROLE) {
        const rx_mention *pm = &doc->m[a->rel.predecessor];
        if (pm->start > a->rel.ev_start && pm->end < a->rel.ev_end)
            return true;
    }
    if (a->person_entity != b->person_entity)
        return false;
    return a->rel.type == b->rel.type || (a->excludes >> b->rel.type & 1) ||
           (b->excludes >> a->rel.type & 1);
}

static int entity_of(const rx_doc *doc, int m)
{
    return m < 0 ? -1 : doc->m[m].entity;
}

/* Do two role mentions have the same (folded) text? */
static bool same_role_text(const rx_doc *doc, int ma, int mb)
{
    const rx_mention *ra = &doc->m[ma], *rb = &doc->m[mb];
    return ra->end - ra->start == rb->end - rb->start &&
           memcmp(doc->text.norm + ra->start, doc->text.norm + rb->start,
                  (ra->end - ra->start) * sizeof(uint32_t)) == 0;
}

/* Where the title of role mention m starts when an acting marker (代理, 署理)
 * or a former marker (原, 前, 前任, 原任, former) is put aside: 原財務長,
 * 代理財務長 and 財務長 name one post. */
static size_t post_start(const rx_doc *doc, int m)
{
    const rx_mention *r = &doc->m[m];
    const uint32_t *t = doc->text.norm;
    size_t s = r->start;
    /* an acting holder holds the post (代理部長, 署理行政總裁) */
    if (r->end - s > 3 && (t[s] == 0x4EE3 || t[s] == 0x7F72) && t[s + 1] == 0x7406) /* 代理 署理 */
        s += 2;
    if (!(r->flags & RX_MF_FORMER) || r->end - s < 2)
        return s;
    if (t[s] == 0x539F || t[s] == 0x524D) /* 原 前 */
        s += r->end - s > 2 && t[s + 1] == 0x4EFB ? 2 : 1; /* 前任 原任 */
    else if (r->end - s > 7 && (t[s] | 0x20) == 'f' && t[s + 6] == ' ')
        s += 7; /* former */
    return s;
}

/* Titles that name one post, a class per line (folded, English lower case):
 * the head coach is 總教練 in Taiwan, 主教练 on the mainland, 主帥 in the
 * press. */
static const char *const post_synonyms[][6] = {
    {"主帅", "主教练", "总教练", "总教头", "head coach", NULL},
    {"首席执行官", "执行长", "行政总裁", "ceo", "chief executive", "chief executive officer"},
    {"首席财务官", "财务长", "cfo", "chief financial officer", NULL, NULL},
    {"首席技术官", "技术长", "cto", "chief technology officer", NULL, NULL},
    {"董事长", "董事会主席", "chairman", "chairwoman", "chair", "chairperson"},
};

/* Which line of post_synonyms the title t[a, a + n) is on; -1 when none. */
static int post_class(const uint32_t *t, size_t a, size_t n)
{
    for (size_t c = 0; c < sizeof post_synonyms / sizeof post_synonyms[0]; c++)
        for (size_t w = 0; w < 6 && post_synonyms[c][w]; w++) {
            const char *word = post_synonyms[c][w];
            size_t len = strlen(word), k = 0, q = 0;
            while (k < len && q < n && lower(t[a + q]) == rx_utf8_next(word, len, &k))
                q++;
            if (k == len && q == n)
                return (int)c;
        }
    return -1;
}

/* Do role mentions ma and mb name the same post, former or not? A head of a
 * body named with the body and without it is one post (交通部長 and 原部長),
 * a deputy is not (副部長); synonyms are one post (主帥 and 總教練). */
static bool same_post(const rx_doc *doc, int ma, int mb)
{
    const uint32_t *t = doc->text.norm;
    size_t a = post_start(doc, ma), b = post_start(doc, mb);
    size_t la = doc->m[ma].end - a, lb = doc->m[mb].end - b;
    if (la == lb && memcmp(t + a, t + b, la * sizeof(uint32_t)) == 0)
        return true;
    int ca = post_class(t, a, la);
    if (ca >= 0 && ca == post_class(t, b, lb))
        return true;
    if (la == lb)
        return false;
    if (la < lb) {
        size_t x = a;
        a = b, b = x;
        x = la;
        la = lb, lb = x;
    }
    /* now [b, b + 2) is the shorter: X長 (部長 局長 院長 署長 市長 ...) */
    if (lb != 2 || t[b + 1] != 0x957F /* 長 */ || !rx_is_han(t[a]))
        return false;
    for (size_t k = a; k < a + la - 2; k++)
        if (t[k] == 0x526F /* 副 */)
            return false;
    return t[a + la - 2] == t[b] && t[a + la - 1] == t[b + 1];
}

/* Is role mention mb the post written before role mention ma with 兼 between
 * them (董事會主席兼首席執行官: who held the second held the first too)? */
static bool same_post_joint(const rx_doc *doc, int ma, int mb)
{
    const uint32_t *t = doc->text.norm;
    size_t s = doc->m[ma].start;
    if (s < 3 || t[s - 1] != 0x517C) /* 兼 */
        return false;
    for (int k = ma - 1; k >= 0 && doc->m[k].start + 24 > s; k--)
        if (doc->m[k].type == RX_M_ROLE && doc->m[k].end == s - 1)
            return same_post(doc, k, mb);
    return false;
}

static bool same_relation(const rx_doc *doc, const rx_relation *a, const rx_relation *b)
{
    bool standing = a->type == RX_HOLDS_ROLE;
    if (a->type != b->type || (!standing && a->modality != b->modality))
        return false;
    if (entity_of(doc, a->person) != entity_of(doc, b->person) ||
        entity_of(doc, a->predecessor) != entity_of(doc, b->predecessor) ||
        entity_of(doc, a->org) != entity_of(doc, b->org))
        return false;
    if (!standing && (a->date.y != b->date.y || a->date.m != b->date.m || a->date.d != b->date.d))
        return false;
    if ((a->role < 0) != (b->role < 0))
        return false;
    return a->role < 0 || same_role_text(doc, a->role, b->role);
}

/* Keep the winners of the overlap policy, in text order, skipping repeats. */
static int settle(relx_worker *w, rx_doc *doc, size_t sent, cand_list *cl)
{
    if (cl->n == 0)
        return 0;
    qsort(cl->c, cl->n, sizeof *cl->c, cand_order);
    size_t kept = 0;
    for (size_t i = 0; i < cl->n; i++) {
        size_t j = 0;
        while (j < kept && !conflicts(doc, &cl->c[j], &cl->c[i]))
            j++;
        if (w->explain)
            w->explain->verdict(w->explain->ctx, doc, sent, &cl->c[i].rel,
                                j < kept ? &cl->c[j].rel : NULL);
        if (j == kept)
            cl->c[kept++] = cl->c[i];
        else if (cl->c[j].person_entity == cl->c[i].person_entity &&
                 (cl->c[j].rel.type == cl->c[i].rel.type ||
                  (cl->c[j].rel.type == RX_SUCCESSION &&
                   (cl->c[i].rel.type == RX_APPOINTMENT || cl->c[i].rel.type == RX_PROMOTION)))) {
            /* the same change matched twice, or a succession and the post it
             * gives ("appointed X as its new CFO, succeeding Y"): what only the
             * other match says completes it (經濟部長由郭智輝出任，接替王美花:
             * the post) */
            rx_relation *k = &cl->c[j].rel;
            const rx_relation *o = &cl->c[i].rel;
            /* (the post given is written after the name; one before it is
             * held now: 委任營運總監X接任) */
            bool given = k->type == o->type;
            if (!given && o->role >= 0 && doc->m[o->role].start > doc->m[o->person].end) {
                /* (not a post of the past in a relative clause: "Vasquez,
                 * who was named treasurer in 2019, replaces Turner") */
                const uint32_t *t = doc->text.norm;
                given = true;
                for (size_t z = doc->m[o->person].end; z + 4 < doc->m[o->role].start && given; z++)
                    if (t[z] == ',' && t[z + 1] == ' ' && t[z + 2] == 'w' && t[z + 3] == 'h' && t[z + 4] == 'o')
                        given = false;
            }
            if (k->role < 0 && o->role >= 0 && given)
                k->role = o->role;
            /* (an organisation the other match names in its own words) */
            if (k->org < 0 && o->org >= 0 && given &&
                (k->type == o->type || (doc->m[o->org].start >= o->ev_start && doc->m[o->org].end <= o->ev_end)))
                k->org = o->org;
        }
    }
    /* text order: by evidence start, then rule order */
    for (size_t i = 1; i < kept; i++) {
        cand v = cl->c[i];
        size_t j = i;
        while (j > 0 && (cl->c[j - 1].rel.ev_start > v.rel.ev_start ||
                         (cl->c[j - 1].rel.ev_start == v.rel.ev_start && cl->c[j - 1].rel.rule > v.rel.rule))) {
            cl->c[j] = cl->c[j - 1];
            j--;
        }
        cl->c[j] = v;
    }
    for (size_t i = 0; i < kept; i++) {
        bool repeat = false;
        for (size_t j = 0; j < doc->nrel && !repeat; j++)
            repeat = same_relation(doc, &doc->rel[j], &cl->c[i].rel);
        if (repeat)
            continue;
        if (!RX_GROW(doc->rel, doc->relcap, doc->nrel + 1))
            return -1;
        doc->rel[doc->nrel++] = cl->c[i].rel;
        w->stats[cl->c[i].rel.rule].emitted++;
    }
    return 0;
}

/* ------------------------------------------------------------ the whole document */

/* index of the sentence holding code point p */
static size_t sentence_of(const rx_doc *doc, size_t p) { return rx_span_index(doc->sent, doc->nsent, p); }

/* The person of the last departure or dismissal (not one read from a
 * succession) before r, in r's sentence or the one before, of someone else
 * than pe. -1 when there is none.
 * - need_post false: of no other title than r's ("哈維爾下課，穆斯卡特成為
 *   球隊新的主帥"): the one a "new X" succeeds;
 * - need_post true: of r's post, named, not denied nor lost to the overlap
 *   policy, at no other organisation ("國家隊主教練伊萬科維奇下課。……邵佳一
 *   出任國家隊主教練"): the one who left the post an appointment gives. */
static int recent_leaver(const rx_doc *doc, const rx_relation *r, int pe, bool need_post)
{
    size_t sr = sentence_of(doc, r->ev_start);
    int who = -1;
    size_t at = 0;
    for (size_t j = 0; j < doc->nrel; j++) {
        const rx_relation *h = &doc->rel[j];
        if ((h->type != RX_DEPARTURE && h->type != RX_DISMISSAL) || h->derived || h->ev_start >= r->ev_start ||
            entity_of(doc, h->person) == pe)
            continue;
        if (need_post ? h->dropped || h->modality == RX_MOD_DENIED || h->role < 0 || !same_post(doc, h->role, r->role) ||
                            (h->org >= 0 && r->org >= 0 && entity_of(doc, h->org) != entity_of(doc, r->org))
                      : h->role >= 0 && r->role >= 0 && !same_post(doc, h->role, r->role))
            continue;
        size_t sh = sentence_of(doc, h->ev_start);
        if (sh > sr || sr - sh > 1)
            continue;
        if (who < 0 || h->ev_start > at) {
            who = h->person;
            at = h->ev_start;
        }
    }
    return who;
}

/* Does another person take the post in the same words as relation i (a list
 * slot: "甲、乙接任副教務長")? */
static bool shares_post(const rx_doc *doc, size_t i)
{
    const rx_relation *r = &doc->rel[i];
    int pe = entity_of(doc, r->person);
    for (size_t j = 0; j < doc->nrel; j++) {
        const rx_relation *o = &doc->rel[j];
        if (j != i && o->rule == r->rule && o->pattern == r->pattern && o->ev_start == r->ev_start &&
            o->ev_end == r->ev_end && entity_of(doc, o->person) != pe)
            return true;
    }
    return false;
}

/* him/her after succeed/replace ("Biden said he would nominate Hicks to
 * succeed him") stands for the person the text has leaving: when the
 * pronoun's antecedent leaves nothing in the text, the predecessor is the
 * one who left or was dismissed nearest before (recent_leaver). */
static void pronoun_predecessors(rx_doc *doc)
{
    for (size_t i = 0; i < doc->nrel; i++) {
        rx_relation *r = &doc->rel[i];
        if (r->type != RX_SUCCESSION || r->predecessor < 0 || !(doc->m[r->predecessor].flags & RX_MF_PRONOUN))
            continue;
        int ae = entity_of(doc, r->predecessor);
        bool leaves = false;
        for (size_t j = 0; j < doc->nrel && !leaves; j++) {
            const rx_relation *h = &doc->rel[j];
            leaves = (h->type == RX_DEPARTURE || h->type == RX_DISMISSAL) && !h->derived &&
                     entity_of(doc, h->person) == ae;
        }
        if (leaves)
            continue;
        int who = recent_leaver(doc, r, entity_of(doc, r->person), false);
        if (who >= 0 && entity_of(doc, who) != ae)
            r->predecessor = who;
    }
}

/* "甲、乙及丙退休，職務分別由丁、戊及己接任": the successors of one list take
 * over from the leavers of the list before them in the same sentence, one
 * by one in their order, when the two lists are as long. */
static void respective_predecessors(rx_doc *doc)
{
    const uint32_t *t = doc->text.norm;
    for (size_t i = 0; i < doc->nrel; i++) {
        rx_relation *r = &doc->rel[i];
        if (r->type != RX_SUCCESSION || r->predecessor >= 0)
            continue;
        bool respectively = false; /* 分别 in the words */
        for (size_t k = r->ev_start; k + 1 < r->ev_end && !respectively; k++)
            respectively = t[k] == 0x5206 && t[k + 1] == 0x522B;
        if (!respectively)
            continue;
        /* the successors named in the same words, in text order */
        size_t succ[16], ns = 0;
        for (size_t j = 0; j < doc->nrel && ns < 16; j++) {
            const rx_relation *o = &doc->rel[j];
            if (o->type == RX_SUCCESSION && o->predecessor < 0 && o->ev_start == r->ev_start && o->ev_end == r->ev_end)
                succ[ns++] = j;
        }
        /* the leavers of the same sentence before them, in text order */
        size_t si = sentence_of(doc, r->ev_start);
        int lv[16];
        size_t nl = 0;
        for (size_t m = 0; m < doc->nm && nl < 16; m++) {
            if (doc->m[m].start >= r->ev_start)
                break;
            if (doc->m[m].type != RX_M_PERSON || sentence_of(doc, doc->m[m].start) != si)
                continue;
            int e = doc->m[m].entity;
            bool leaves = false;
            for (size_t j = 0; j < doc->nrel && !leaves; j++) {
                const rx_relation *h = &doc->rel[j];
                leaves = (h->type == RX_DEPARTURE || h->type == RX_DISMISSAL) && !h->derived &&
                         h->modality != RX_MOD_DENIED && h->person >= 0 && doc->m[h->person].entity == e &&
                         h->ev_end <= r->ev_start;
            }
            for (size_t q = 0; q < nl && leaves; q++)
                leaves = doc->m[lv[q]].entity != e;
            if (leaves)
                lv[nl++] = (int)m;
        }
        if (ns < 2 || ns != nl)
            continue;
        /* the successors in the order of their names */
        for (size_t a = 1; a < ns; a++)
            for (size_t b = a; b > 0 && doc->m[doc->rel[succ[b]].person].start < doc->m[doc->rel[succ[b - 1]].person].start; b--) {
                size_t x = succ[b];
                succ[b] = succ[b - 1];
                succ[b - 1] = x;
            }
        for (size_t a = 0; a < ns; a++)
            doc->rel[succ[a]].predecessor = lv[a];
    }
}

/* Arguments the sentence did not give, from what the document says elsewhere:
 * - a departure or dismissal without role or organisation takes them from a
 *   standing role of the same person (holds_role), the nearest before it;
 * - a succession without predecessor ("X 接任總務長", "Y 成為球隊新的主帅") takes
 *   as predecessor the last other person the text gave that role to before it,
 *   else the one who left or was dismissed just before it ("哈維爾下課，穆斯卡特
 *   成為球隊新的主帥"), else (for a headline) the first holder after it; when
 *   there is none, the relation is an appointment. A departure derived from a
 *   succession (derive_from_successions) is no holder here: it rests on a
 *   succession already. */
static void complete_relations(rx_doc *doc)
{
    for (size_t i = 0; i < doc->nrel; i++) {
        rx_relation *r = &doc->rel[i];
        int pe = entity_of(doc, r->person);
        if ((r->type == RX_DEPARTURE || r->type == RX_DISMISSAL) && (r->role < 0 || r->org < 0)) {
            const rx_relation *best = NULL;
            for (size_t j = 0; j < doc->nrel; j++) {
                const rx_relation *h = &doc->rel[j];
                if (h->type != RX_HOLDS_ROLE || entity_of(doc, h->person) != pe || h->role < 0)
                    continue;
                if (doc->m[h->role].flags & RX_MF_FORMER)
                    continue;
                if (h->modality != RX_MOD_FACT)
                    continue; /* (將留任公司顧問: a post to come, not the one left) */
                if (!best || (h->ev_start <= r->ev_start && best->ev_start < h->ev_start))
                    best = h;
            }
            if (best && r->role < 0)
                r->role = best->role;
            if (best && r->org < 0)
                r->org = best->org;
        }
        /* a Chinese appointment to the post someone was just said to leave
         * takes over from them */
        if (r->type == RX_APPOINTMENT && !r->derived && r->role >= 0 && rx_is_han(doc->text.norm[doc->m[r->role].start]) &&
            r->modality != RX_MOD_DENIED && !shares_post(doc, i)) {
            int who = recent_leaver(doc, r, pe, true);
            if (who >= 0) {
                r->type = RX_SUCCESSION;
                r->predecessor = who;
                continue;
            }
        }
        if (r->type == RX_SUCCESSION && r->predecessor < 0 && shares_post(doc, i)) {
            r->type = RX_APPOINTMENT; /* 甲、乙接任副教務長: who replaces whom is not said */
            continue;
        }
        if (r->type == RX_SUCCESSION && r->predecessor < 0) {
            /* the last holder before it; else (a headline) the first after it */
            int holder = -1, later = -1;
            if (r->role >= 0)
                for (size_t j = 0; j < doc->nrel; j++) {
                    const rx_relation *h = &doc->rel[j];
                    if (h->role < 0 || h->derived || entity_of(doc, h->person) == pe)
                        continue;
                    if (h->type != RX_HOLDS_ROLE && h->type != RX_DEPARTURE &&
                        h->type != RX_DISMISSAL && h->type != RX_APPOINTMENT)
                        continue;
                    if (!same_post(doc, h->role, r->role) && !same_post_joint(doc, h->role, r->role))
                        continue;
                    if (r->org >= 0 && h->org >= 0 && entity_of(doc, r->org) != entity_of(doc, h->org))
                        continue; /* the same title at another team */
                    if (h->ev_start < r->ev_start)
                        holder = h->person;
                    else if (later < 0)
                        later = h->person;
                }
            if (holder < 0)
                holder = recent_leaver(doc, r, pe, false);
            if (holder < 0)
                holder = later;
            if (holder >= 0)
                r->predecessor = holder;
            else
                r->type = RX_APPOINTMENT;
        }
    }
}

/* Do two dates agree where both say something (2024 and 2024-04 do)? */
static bool dates_agree(rx_date a, rx_date b)
{
    return !a.y || !b.y || (a.y == b.y && (!a.m || !b.m || (a.m == b.m && (!a.d || !b.d || a.d == b.d))));
}

/* Is the departure told as the time or the reason of something else ("王石
 * 卸任後將留任顧問", "辭職之後", "董事長王振國因屆齡退休，將於6月卸任"): its
 * evidence ends right before 後 or 之後, or it holds 因 and ends its clause
 * before one that opens with a plan?
 * Such a telling refers to a leaving the text reports elsewhere, whatever its
 * own words make of modality and date. */
static bool told_as_time(const rx_doc *doc, const rx_relation *r)
{
    const uint32_t *t = doc->text.norm;
    size_t e = r->ev_end, n = doc->text.n;
    if ((e < n && t[e] == 0x540E /* 后 */) || (e + 1 < n && t[e] == 0x4E4B /* 之 */ && t[e + 1] == 0x540E))
        return true;
    /* (the reason only before a plan: "因個人原因離職，公司感謝…" is the
     * leaving itself) */
    if (e >= n || t[e] != ',')
        return false;
    size_t k = skip_blanks(t, e + 1, n);
    if (k + 1 < n && (t[k] == 0x5E76 || t[k] == 0x4E5F)) /* 并 也 */
        k++;
    if (k >= n || !cue_may_start(&planned_list, t[k]) || !cue_at(t, k, n, k, &planned_list))
        return false;
    for (k = doc->m[r->person].end; k < e; k++)
        if (t[k] == 0x56E0 /* 因 */)
            return true;
    return false;
}

/* A departure, a dismissal or an appointment told twice in a text (in a list
 * of leavers, or a headline, and again on its own with a date: "離開 A 的人包括
 * …X", "X 已經跳槽"; "Norvale Bank ousts chairman X" ... "removed X as chairman
 * on Monday"; "轉任副董事長" and later "轉任副董事長後"): one change, with what
 * each telling adds, when nothing in them disagrees (the same modality, or a
 * rumour and its denial: denied; the same organisation, post and date
 * wherever both give one). */
static void merge_restated_changes(rx_doc *doc)
{
    size_t w = 0;
    for (size_t i = 0; i < doc->nrel; i++) {
        const rx_relation *r = &doc->rel[i];
        bool merged = false;
        bool restatable = r->type == RX_DEPARTURE || r->type == RX_DISMISSAL || r->type == RX_APPOINTMENT;
        for (size_t j = 0; j < w && !merged && restatable && !r->derived && !r->dropped; j++) {
            rx_relation *k = &doc->rel[j];
            /* (a rumour and its denial are one denied change) */
            bool rumour_denied = (k->modality == RX_MOD_RUMOURED && r->modality == RX_MOD_DENIED) ||
                                 (k->modality == RX_MOD_DENIED && r->modality == RX_MOD_RUMOURED);
            /* (a leaving named as the time of something else is the one told
             * elsewhere: it takes that one's modality and date) */
            bool kt = told_as_time(doc, k), rt = told_as_time(doc, r);
            bool as_time = (kt != rt) && k->modality != RX_MOD_DENIED && r->modality != RX_MOD_DENIED;
            if (k->type != r->type || k->derived || k->dropped ||
                (k->modality != r->modality && !rumour_denied && !as_time) ||
                entity_of(doc, k->person) != entity_of(doc, r->person) ||
                (k->org >= 0 && r->org >= 0 && entity_of(doc, k->org) != entity_of(doc, r->org)) ||
                (k->role >= 0 && r->role >= 0 && !same_post(doc, k->role, r->role)) ||
                (!dates_agree(k->date, r->date) && !as_time))
                continue;
            if (rumour_denied)
                k->modality = RX_MOD_DENIED;
            if (as_time && kt) {
                k->modality = r->modality;
                k->date = r->date;
            }
            if (k->org < 0)
                k->org = r->org;
            if (k->role < 0)
                k->role = r->role;
            if (r->date.y && !(as_time && rt) && (!k->date.y || (!k->date.m && r->date.m) || (!k->date.d && r->date.d)))
                k->date = r->date;
            merged = true;
        }
        if (!merged)
            doc->rel[w++] = *r;
    }
    doc->nrel = w;
}

/* Does a Han character follow the name ending at e straight away, after an
 * alias in brackets at most (戴德立（Bob Dudley）執掌)? */
static bool verb_follows_name(const rx_doc *doc, size_t e)
{
    const uint32_t *t = doc->text.norm;
    size_t n = doc->text.n, q = e;
    if (q < n && (t[q] == '(' || t[q] == 0xFF08)) {
        while (q < n && q - e < 40 && t[q] != ')' && t[q] != 0xFF09)
            q++;
        if (q >= n || q - e >= 40)
            return false;
        q++;
    } else if (q < n && (t[q] == ')' || t[q] == 0xFF09)) {
        q++; /* (the name is the alias itself) */
    }
    while (q < n && t[q] == ' ')
        q++;
    return q < n && t[q] >= 0x4E00 && t[q] <= 0x9FFF;
}

/* In X接替Y執掌Z the verb after the predecessor is the successor's: a post
 * taken by the predecessor in words that start on the predecessor's name
 * right after a succession, with no comma between, is the succession's
 * (its organisation and post when it names none) and no change of the
 * predecessor's. */
static void predecessor_verbs(rx_doc *doc)
{
    size_t w = 0;
    for (size_t i = 0; i < doc->nrel; i++) {
        rx_relation *r = &doc->rel[i];
        bool moved = false;
        for (size_t j = 0; j < doc->nrel && !moved; j++) {
            rx_relation *sx = &doc->rel[j];
            if (j == i || sx->type != RX_SUCCESSION || sx->predecessor < 0 ||
                !(r->type == RX_APPOINTMENT || r->type == RX_JOIN || r->type == RX_PROMOTION) ||
                entity_of(doc, r->person) != entity_of(doc, sx->predecessor))
                continue;
            const rx_mention *pm = &doc->m[sx->predecessor], *rp = &doc->m[r->person];
            if (pm->start <= sx->ev_start || rp->start < pm->start || r->ev_start > rp->end + 1 ||
                !verb_follows_name(doc, rp->end))
                continue;
            if (sx->org < 0)
                sx->org = r->org;
            if (sx->role < 0)
                sx->role = r->role;
            moved = true;
        }
        if (!moved)
            doc->rel[w++] = *r;
    }
    doc->nrel = w;
}

/* A standing role told twice, once with its organisation and once without
 * (Acme's chief executive, Ann Roe ... chief executive Ann Roe): one
 * relation, the one that names the organisation. */
static void drop_subsumed_roles(rx_doc *doc)
{
    size_t w = 0;
    for (size_t i = 0; i < doc->nrel; i++) {
        const rx_relation *r = &doc->rel[i];
        bool subsumed = false;
        for (size_t j = 0; j < doc->nrel && !subsumed && r->type == RX_HOLDS_ROLE && r->org < 0 && r->role >= 0; j++) {
            const rx_relation *k = &doc->rel[j];
            subsumed = j != i && k->type == RX_HOLDS_ROLE && k->org >= 0 && k->role >= 0 &&
                       entity_of(doc, k->person) == entity_of(doc, r->person) && same_post(doc, k->role, r->role);
        }
        if (!subsumed)
            doc->rel[w++] = *r;
    }
    doc->nrel = w;
}

/* What a clause with an implied subject adds to the clause before it:
 * - "X 於 2017 年加入 A 團隊，擔任研究主管": the post taken in a later clause
 *   of the sentence, at no other organisation and with the same modality, is
 *   the role of the join (but "加入 xAI，明年也將成為紐約大學助理教授" is an
 *   appointment of its own);
 * - "X 申請辭去職務，辭職後將不再...": the same kind of change again, at no
 *   other organisation and on no other date, is the same change. */
static void zero_subject_relations(rx_doc *doc)
{
    size_t w = 0;
    for (size_t i = 0; i < doc->nrel; i++) {
        rx_relation *r = &doc->rel[i];
        bool merged = false;
        if (doc->m[r->person].flags & RX_MF_ZERO) {
            int pe = entity_of(doc, r->person);
            size_t si = rx_span_index(doc->sent, doc->nsent, r->ev_start);
            for (size_t j = 0; j < w && !merged; j++) {
                rx_relation *h = &doc->rel[j];
                if (entity_of(doc, h->person) != pe || h->ev_end > r->ev_start ||
                    rx_span_index(doc->sent, doc->nsent, h->ev_start) != si || h->modality != r->modality ||
                    (r->org >= 0 && entity_of(doc, r->org) != entity_of(doc, h->org)))
                    continue;
                if (r->type == RX_APPOINTMENT && h->type == RX_JOIN && r->role >= 0 && h->role < 0 &&
                    (r->date.y == 0 || (r->date.y == h->date.y && r->date.m == h->date.m && r->date.d == h->date.d))) {
                    h->role = r->role;
                    merged = true;
                } else if (r->type == h->type && (r->role < 0 || h->role >= 0) &&
                           (r->date.y == 0 || (r->date.y == h->date.y && r->date.m == h->date.m && r->date.d == h->date.d))) {
                    merged = true;
                }
            }
        }
        if (!merged)
            doc->rel[w++] = *r;
    }
    doc->nrel = w;
}

/* ------------------------------------------------------------ what a succession implies */

/* Does one role mention's text contain the other's ("全球执行副总裁" and
 * "执行副总裁"), or is either absent? */
static bool roles_agree(const rx_doc *doc, int ma, int mb)
{
    if (ma < 0 || mb < 0)
        return true;
    const rx_mention *a = &doc->m[ma], *b = &doc->m[mb];
    if (a->end - a->start < b->end - b->start) {
        const rx_mention *t = a;
        a = b;
        b = t;
    }
    size_t la = a->end - a->start, lb = b->end - b->start;
    for (size_t k = 0; k + lb <= la; k++)
        if (memcmp(doc->text.norm + a->start + k, doc->text.norm + b->start,
                   lb * sizeof(uint32_t)) == 0)
            return true;
    return false;
}

/* Is r a departure or dismissal of entity e? */
static bool leaves(const rx_doc *doc, const rx_relation *r, int e)
{
    return (r->type == RX_DEPARTURE || r->type == RX_DISMISSAL) && entity_of(doc, r->person) == e;
}

/* The date of the leaving of a succession's predecessor: of the departures and
 * dismissals of entity e that have a date, are not denied, and name no other
 * organisation or post than the succession s, the first in the text (the one
 * that tells of the leaving; later ones tend to add details: "Y 宣布离职 ...
 * 正式离职时间是 ..."). y == 0 when there is none. */
static rx_date leaving_date(const rx_doc *doc, const rx_relation *s, int e)
{
    for (size_t j = 0; j < doc->nrel; j++) {
        const rx_relation *h = &doc->rel[j];
        if (!leaves(doc, h, e) || !h->date.y || h->modality == RX_MOD_DENIED)
            continue;
        if (h->org >= 0 && s->org >= 0 && entity_of(doc, h->org) != entity_of(doc, s->org))
            continue;
        if (!roles_agree(doc, h->role, s->role))
            continue;
        return h->date;
    }
    return (rx_date){0, 0, 0};
}

/* Is r a succession that implies something of its predecessor: one the text
 * names (not a pronoun, whose antecedent is a guess), and not denied? */
static bool names_predecessor(const rx_doc *doc, const rx_relation *r)
{
    return r->type == RX_SUCCESSION && entity_of(doc, r->predecessor) >= 0 &&
           r->modality != RX_MOD_DENIED && !(doc->m[r->predecessor].flags & RX_MF_PRONOUN);
}

/* Is succession i the one to tell that its predecessor left: the most certain of
 * the successions that name that predecessor (fact, then planned, then
 * rumoured; the first on a tie)? */
static bool tells_leaving(const rx_doc *doc, size_t i)
{
    const rx_relation *r = &doc->rel[i];
    int e = entity_of(doc, r->predecessor);
    for (size_t j = 0; j < doc->nrel; j++) {
        const rx_relation *o = &doc->rel[j];
        if (j == i || !names_predecessor(doc, o) || entity_of(doc, o->predecessor) != e)
            continue;
        if (o->modality < r->modality || (o->modality == r->modality && j < i))
            return false;
    }
    return true;
}

/* What a succession whose predecessor the text names ("X replaced Y as coach",
 * "X 將接替 Y 的職務"; names_predecessor) says of that predecessor. Run before
 * complete_relations guesses the predecessors the text does not name (which
 * leaves the derived departures out of its guesses):
 * - without a date of its own, the succession takes the date of the
 *   predecessor's leaving told elsewhere in the document (leaving_date);
 * - when the document tells of no departure or dismissal of the predecessor at
 *   all, the succession tells that the predecessor left: a departure of the
 *   predecessor with the succession's organisation, post, date, modality and
 *   evidence, right after it, its rule marked "+predecessor-left" (once per
 *   predecessor, from the most certain succession; complete_relations may then
 *   fill a missing organisation or post from a standing role, as for any
 *   departure).
 * Returns 0, -1 when out of memory. */
/* Does the evidence of succession r describe its predecessor with a plan
 * ("接替將於年底退休的許亮華": the predecessor will leave, later)? */
static bool plan_described(const rx_doc *doc, const rx_relation *r)
{
    const uint32_t *norm = doc->text.norm;
    size_t p = doc->m[r->predecessor].start;
    for (size_t i = r->ev_start; i < p; i++)
        if (cue_may_start(&planned_list, norm[i]) && cue_at(norm, r->ev_start, p, i, &planned_list) &&
            describes_name(doc, i, p + 1, entity_of(doc, r->person)))
            return true;
    return false;
}

static int derive_from_successions(rx_doc *doc)
{
    for (size_t i = 0; i < doc->nrel; i++) {
        rx_relation *r = &doc->rel[i];
        if (!names_predecessor(doc, r))
            continue;
        int e = entity_of(doc, r->predecessor);
        if (!r->date.y)
            r->date = leaving_date(doc, r, e);
        bool told = false;
        for (size_t j = 0; j < doc->nrel && !told; j++)
            told = leaves(doc, &doc->rel[j], e);
        if (told || !tells_leaving(doc, i))
            continue;
        if (!RX_GROW(doc->rel, doc->relcap, doc->nrel + 1))
            return -1;
        r = &doc->rel[i];
        memmove(&doc->rel[i + 2], &doc->rel[i + 1], (doc->nrel - i - 1) * sizeof *doc->rel);
        doc->nrel++;
        rx_relation *d = &doc->rel[i + 1];
        *d = *r;
        d->type = RX_DEPARTURE;
        d->person = r->predecessor;
        d->predecessor = -1;
        d->derived = "+predecessor-left";
        if (d->modality == RX_MOD_FACT && plan_described(doc, r))
            d->modality = RX_MOD_PLANNED; /* 接替將於年底退休的許亮華 */
        i++;
    }
    return 0;
}

/* A succession that names its predecessor but not the post takes the post
 * the predecessor leaves (else holds) in the text, at the same organisation:
 * "林國棟將於本月底請辭，由副總經理蔡明哲接任" -> 蔡明哲 takes 總經理; "X
 * replaced Finance Minister Y with Z" -> Z takes Finance Minister. Of several,
 * a leaving before a standing role, the nearest before the succession before
 * one after it; else the post the successor was given in the same or the
 * sentence before. */
/* Is organisation mention o written as the head of person mention p's
 * title, with nothing but titles and blanks between (泰安人壽總經理劉世平)? */
static bool heads_title_of(const rx_doc *doc, int o, int p)
{
    if (o < 0 || p <= o)
        return false;
    size_t at = doc->m[o].end;
    for (int k = o + 1; k <= p; k++) {
        const rx_mention *m = &doc->m[k];
        for (size_t z = at; z < m->start; z++)
            if (doc->text.norm[z] != ' ')
                return false;
        if (k == p)
            return true;
        if (m->type != RX_M_ROLE)
            return false;
        at = m->end;
    }
    return false;
}

static void succession_posts(rx_doc *doc)
{
    for (size_t i = 0; i < doc->nrel; i++) {
        rx_relation *r = &doc->rel[i];
        if (r->type != RX_SUCCESSION || r->predecessor < 0)
            continue;
        int pe = entity_of(doc, r->predecessor);
        /* the body of the successor's present title is where they come from
         * when the predecessor's post is at another one (遺缺由泰安人壽總經理
         * X接任: the vacancy is the holding company's) */
        if (r->org >= 0 && heads_title_of(doc, r->org, r->person))
            for (size_t j = 0; j < doc->nrel; j++) {
                const rx_relation *h = &doc->rel[j];
                if ((h->type == RX_HOLDS_ROLE || h->type == RX_DEPARTURE || h->type == RX_DISMISSAL) && !h->derived &&
                    h->org >= 0 && entity_of(doc, h->person) == pe && h->modality != RX_MOD_DENIED &&
                    (h->role < 0 || !(doc->m[h->role].flags & RX_MF_FORMER)) &&
                    entity_of(doc, h->org) != entity_of(doc, r->org)) {
                    int from = entity_of(doc, r->org);
                    r->org = h->org;
                    /* (and the leaving read from this succession) */
                    for (size_t k = 0; k < doc->nrel; k++) {
                        rx_relation *d = &doc->rel[k];
                        if (d->derived && d->type == RX_DEPARTURE && entity_of(doc, d->person) == pe &&
                            d->org >= 0 && entity_of(doc, d->org) == from)
                            d->org = h->org;
                    }
                    break;
                }
            }
        int oe = r->org >= 0 ? entity_of(doc, r->org) : -1;
        if (r->role >= 0) {
            /* the post is named, the organisation not: the predecessor's
             * ("elected X to succeed Kellner as chair": Boeing's chair) */
            for (size_t j = 0; j < doc->nrel && r->org < 0; j++) {
                const rx_relation *h = &doc->rel[j];
                if ((h->type == RX_HOLDS_ROLE || h->type == RX_DEPARTURE || h->type == RX_DISMISSAL) &&
                    !h->derived && h->org >= 0 && h->role >= 0 && entity_of(doc, h->person) == pe &&
                    h->modality != RX_MOD_DENIED && !(doc->m[h->role].flags & RX_MF_FORMER) &&
                    same_post(doc, h->role, r->role))
                    r->org = h->org;
            }
            /* the predecessor's leaving told in the same sentence, with no
             * post of its own, is of this post ("... as chief executive,
             * succeeding Y, who retired in June") */
            size_t sr = sentence_of(doc, r->ev_start);
            for (size_t j = 0; j < doc->nrel; j++) {
                rx_relation *h = &doc->rel[j];
                if ((h->type == RX_DEPARTURE || h->type == RX_DISMISSAL) && h->role < 0 &&
                    entity_of(doc, h->person) == pe && sentence_of(doc, h->ev_start) == sr) {
                    h->role = r->role;
                    /* (an organisation its own words do not name gives way) */
                    if (h->org < 0 || doc->m[h->org].start < h->ev_start || doc->m[h->org].end > h->ev_end)
                        h->org = r->org;
                }
            }
            continue;
        }
        const rx_relation *best = NULL;
        int best_rank = 0;
        for (size_t j = 0; j < doc->nrel; j++) {
            const rx_relation *h = &doc->rel[j];
            if (h->role < 0 || entity_of(doc, h->person) != pe || h->modality == RX_MOD_DENIED ||
                (doc->m[h->role].flags & RX_MF_FORMER) || (oe >= 0 && h->org >= 0 && entity_of(doc, h->org) != oe))
                continue;
            int rank = h->type == RX_DEPARTURE || h->type == RX_DISMISSAL ? 4 : h->type == RX_HOLDS_ROLE ? 2 : 0;
            if (!rank)
                continue;
            rank += h->ev_start <= r->ev_start;
            if (rank > best_rank || (rank == best_rank && (rank & 1) && h->ev_start > best->ev_start)) {
                best = h;
                best_rank = rank;
            }
        }
        /* else the post the successor was just given (or joins in), the
         * latest in the three sentences before ("elected X as president. She
         * will take office in January, succeeding Y"; "promoted X to
         * president. ... She takes over from Y") */
        int se = entity_of(doc, r->person);
        size_t sr = sentence_of(doc, r->ev_start);
        const rx_relation *given = NULL;
        for (size_t j = 0; !best && j < doc->nrel; j++) {
            const rx_relation *h = &doc->rel[j];
            size_t sh = sentence_of(doc, h->ev_start);
            if ((h->type == RX_APPOINTMENT || h->type == RX_PROMOTION || h->type == RX_REINSTATEMENT ||
                 h->type == RX_JOIN) &&
                h->role >= 0 && entity_of(doc, h->person) == se && h->modality != RX_MOD_DENIED && sh <= sr &&
                sr - sh <= 3 && (!given || h->ev_start > given->ev_start))
                given = h;
        }
        if (!best && given) {
            best = given;
            /* the successor's new post's organisation, rather than one the
             * sentence does not name ("Becker succeeds Y, who will remain on
             * the board": not the company the text names most) */
            if (r->org >= 0 && given->org >= 0 &&
                (doc->m[r->org].start < r->ev_start || doc->m[r->org].end > r->ev_end))
                r->org = given->org;
            /* the predecessor's leaving told in the same sentence, with no post
             * of its own, is of that post ("She succeeds Y, who said he would
             * retire") */
            for (size_t j = 0; j < doc->nrel; j++) {
                rx_relation *h = &doc->rel[j];
                if ((h->type == RX_DEPARTURE || h->type == RX_DISMISSAL) && h->role < 0 &&
                    entity_of(doc, h->person) == pe && sentence_of(doc, h->ev_start) == sr) {
                    h->role = given->role;
                    if (r->org >= 0 || given->org >= 0)
                        h->org = r->org >= 0 ? r->org : given->org;
                }
            }
        }
        /* else the post the successor later leaves or loses ("The Hawks
         * sacked coach X ... X had taken over from Y in 2022") */
        for (size_t j = 0; !best && r->modality == RX_MOD_FACT && j < doc->nrel; j++) {
            const rx_relation *h = &doc->rel[j];
            if ((h->type == RX_DEPARTURE || h->type == RX_DISMISSAL) && !h->derived && h->role >= 0 &&
                entity_of(doc, h->person) == se && h->modality == RX_MOD_FACT &&
                !(doc->m[h->role].flags & RX_MF_FORMER) &&
                (oe < 0 || h->org < 0 || entity_of(doc, h->org) == oe))
                best = h;
        }
        if (best) {
            r->role = best->role;
            if (r->org < 0)
                r->org = best->org;
            /* the predecessor's leaving derived from it leaves that post */
            for (size_t j = 0; j < doc->nrel; j++) {
                rx_relation *h = &doc->rel[j];
                if (h->derived && h->type == RX_DEPARTURE && h->role < 0 && entity_of(doc, h->person) == pe) {
                    h->role = r->role;
                    if (h->org < 0)
                        h->org = r->org;
                }
            }
        }
    }
}

/* ------------------------------------------------------------ the document */

int rx_match_document(relx_worker *w, rx_doc *doc)
{
    const relx_engine *eng = w->eng;
    if (eng->npatterns == 0)
        return 0;
    pthread_once(&cues_once, cues_init);
    if (!RX_GROW(w->sent_pats, w->spcap, eng->pat_words))
        return -1;
    cand_list cl = {0};
    int *focus = focus_orgs(doc);
    if (!focus)
        return -1;
    size_t mi = 0, mcur = 0;
    int rc = 0;
    for (size_t si = 0; si < doc->nsent && rc == 0; si++) {
        const rx_span *s = &doc->sent[si];
        size_t first, last;
        sentence_mentions(doc, s, &mcur, &first, &last);
        unsigned present = 0;
        for (size_t i = first; i < last; i++)
            present |= 1u << (doc->m[i].type == RX_M_PERSON ? RX_SLOT_PERSON
                              : doc->m[i].type == RX_M_ORG  ? RX_SLOT_ORG
                                                            : RX_SLOT_ROLE);
        if (!(present & (1u << RX_SLOT_PERSON)))
            continue; /* every relation needs a person */
        if (build_subject(w, doc, s, &mi) != 0) {
            rc = -1;
            break;
        }
        prefilter(w, doc, s, present, w->sent_pats);
        if (w->explain)
            w->explain->sentence(w->explain->ctx, doc, si, w->subject.s, w->subject.len, w->units,
                                 w->nunits, w->sent_pats);
        cl.n = 0;
        sent_ctx sc = {focus, first, last, -1, {RX_UNKNOWN, 0, 0, 0}};
        PCRE2_SPTR subj = (PCRE2_SPTR)w->subject.s;
        size_t len = w->subject.len;
        /* the patterns of the bitset, in order (one step per pattern to run) */
        size_t q = 0;
        uint64_t word = eng->pat_words ? w->sent_pats[0] : 0;
        while (rc == 0) {
            while (!word && ++q < eng->pat_words)
                word = w->sent_pats[q];
            if (!word)
                break;
            size_t g = q * 64 + ctz64(word);
            word &= word - 1;
            if (g >= eng->npatterns)
                break;
            size_t ri = eng->pat_rule[g], pi = eng->pat_index[g];
            const rx_rule *rule = &eng->rules.rules[ri];
            const rx_pattern *pat = &rule->patterns[pi];
            relx_rule_stat *st = &w->stats[ri];
            uint64_t t0 = w->time_rules ? rx_now_ns() : 0;
            st->attempts++;
            size_t off = 0, found = 0;
            int error = 0;
            while (off <= len) {
                int m = pcre2_match(pat->code, subj, len, off, PCRE2_NO_UTF_CHECK, w->md, w->mctx);
                if (m == PCRE2_ERROR_NOMATCH)
                    break;
                if (m < 0) {
                    PCRE2_UCHAR msg[120];
                    pcre2_get_error_message(m, msg, sizeof msg);
                    rx_strlist_addf(&doc->warnings,
                                    "rule %s (%s:%d) skipped on the sentence at %zu: %s",
                                    rule->id, rule->file, pat->line, s->start, (const char *)msg);
                    error = m;
                    break;
                }
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(w->md);
                st->matches++;
                found++;
                if (add_candidates(w, doc, si, ri, pi, ov, &cl, &sc) != 0) {
                    rc = -1;
                    break;
                }
                off = ov[0] + 1;
                while (off < len && (subj[off] & 0xC0) == 0x80)
                    off++;
                if (ov[0] >= len)
                    break;
            }
            if (w->time_rules)
                st->nanos += rx_now_ns() - t0;
            if (w->explain)
                w->explain->attempt(w->explain->ctx, si, ri, pi, found, error);
        }
        if (rc == 0)
            rc = settle(w, doc, si, &cl);
    }
    free(cl.c);
    free(focus);
    if (rc == 0)
        zero_subject_relations(doc);
    if (rc == 0) {
        pronoun_predecessors(doc);
        respective_predecessors(doc);
        predecessor_verbs(doc);
        rc = derive_from_successions(doc);
    }
    if (rc == 0) {
        complete_relations(doc);
        succession_posts(doc);
        merge_restated_changes(doc);
        drop_subsumed_roles(doc);
    }
    return rc;
}
