/* entity.c: owns the recogniser: people, organisations and roles in a document.
 *
 * rx_ner_new loads the word lists of rules/lexicon (surname, title, org, person,
 * stopword, ...) into two code point tries (trie.c): a case-sensitive one for
 * names (person, org, not_name) and one that folds ASCII case for everything
 * else. Entries are folded with rx_norm_cp, so 馬斯克 in a list matches 马斯克.
 *
 * rx_recognize works on the matching copy (doc->text.norm), in five steps:
 *   1. hits: from every position, walk both tries once and keep, per word list,
 *      the longest entry that starts there (Latin entries must sit on word
 *      boundaries). Everything after this reads the table, never the lists.
 *   2. candidates, sentence by sentence: lexicon names; Chinese organisations
 *      found from a suffix (公司, 大學, 銀行) by walking left to a stop word;
 *      stock codes; roles (prefix* title); Chinese names (surname + 1-2 given
 *      characters) that a context supports or the name scorer accepts;
 *      transliterated names; runs of capitalised Latin words; pronouns.
 *      Chinese names with little context are "weak" and are kept only when
 *      repeated in the document or listed with other names (李書行、郭鴻基).
 *   3. selection: longest candidate first (then priority, then earliest), never
 *      overlapping one already taken.
 *   4. aliases: a small per-document trie of what was found (full names, the
 *      first/last word of Latin names, Chinese given names, surname + title)
 *      finds the later short forms in one pass; Latin tokens at edit distance 1
 *      of a known name (lvana, Acmr) are added too.
 *   5. rx_resolve (resolve.c) groups mentions into entities.
 *
 * Worked example: "董事長張忠謀表示，台積電(2330)將由魏哲家接任。他說..."
 *   hits:  董事長 title; 張 surname; 表示 cue; 台積電 org; 由 cue; 接任 cue
 *   cands: ROLE 董事長; PERSON 張忠謀 (title on the left, cue on the right);
 *          ORG 台積電 (lexicon, and a stock code follows); PERSON 魏哲家 (由 ...
 *          接任); PERSON|PRONOUN 他
 *   resolve: 他 -> the subject of the previous sentence, 張忠謀.
 *
 * Before rx_resolve a mention's entity field carries the lexicon alias group
 * (Elon Musk|馬斯克 share one), or -1; RX_MF_ALIAS_ marks short forms found in
 * step 4 so that they never become an entity's name.
 */
#include <stdlib.h>
#include <string.h>
#include <uchar.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "internal.h"
#include "trie.h"

/* private mention flag shared with resolve.c: a derived short form */
#define RX_MF_ALIAS_ 0x100u

/* bits of the case-folding trie */
enum {
    B_SURNAME = 1u << 0,
    B_TITLE = 1u << 1,
    B_TPREFIX = 1u << 2,
    B_TFORMER = 1u << 3,
    B_OSUF = 1u << 4,
    B_OSUFW = 1u << 5,
    B_OSUF_EN = 1u << 6,
    B_CUE_AFTER = 1u << 7,
    B_CUE_BEFORE = 1u << 8,
    B_STOP = 1u << 9,
    B_ENSTOP = 1u << 10,
    B_PARTICLE = 1u << 11,
    B_ORGCUE = 1u << 12,
    B_PRON_P = 1u << 13,
    B_PRON_O = 1u << 14,
    B_GIVEN_BAD = 1u << 15,
    B_TRANSLIT = 1u << 16,
    B_OGEN = 1u << 17,
    B_CUE_WEAK = 1u << 18,
    B_SURNAME_AMB = 1u << 19,
    B_GIVEN_GOOD = 1u << 20,
    B_EN_GIVEN = 1u << 21,
    B_EN_NONPER = 1u << 22,
    B_EN_HON = 1u << 23,
    B_EN_COMMON = 1u << 24,
    B_PLACE = 1u << 25,
    B_WORD = 1u << 26,
    NCI = 27
};
/* index of a list in a hit row: bit number of its B_ flag */
enum { L_OGEN = 17, L_CUE_WEAK = 18, L_SURNAME_AMB = 19, L_GIVEN_GOOD = 20, L_EN_GIVEN = 21, L_EN_NONPER = 22, L_EN_HON = 23, L_EN_COMMON = 24, L_PLACE = 25, L_WORD = 26 };
/* bits of the case-sensitive trie */
enum { C_PERSON = 1u << 0, C_ORG = 1u << 1, C_NOTNAME = 1u << 2, NCS = 3 };
#define NH (NCI + NCS)
#define H_CS(k) (NCI + (k)) /* index of a case-sensitive list in a hit row */

/* per-character classes of the Han block (CC_ bits), for the name scorer */
enum { CC_SURFREQ = 1u << 0, CC_WORDY = 1u << 1, CC_PNOUN = 1u << 2, CC_FUNC = 1u << 3, CC_NUM = 1u << 4, CC_GSOFT = 1u << 5,
       CC_TSTRONG = 1u << 6, CC_TEND = 1u << 7, CC_SURRARE = 1u << 8 };
#define CC_LO 0x3400u
#define CC_HI 0xA000u

/* classes of BMP characters (rx_ner.first[c].cl) for step 1: what a walk may
 * start from, and what the candidate passes of a sentence start from */
enum {
    CL_WCI = 1u << 0,    /* ner->ci has an entry starting with it */
    CL_ALPHA = 1u << 1,  /* is_alpha */
    CL_WCS = 1u << 2,    /* ner->cs has an entry starting with it */
    CL_HAN = 1u << 3,    /* is_han */
    CL_V = 1u << 4,      /* v V (vs_teams), 軍 (armed_forces) */
    CL_BYLINE = 1u << 5, /* 者 辑 员 生, the last character of a byline cue */
    CL_PRON = 1u << 6,   /* 他 她 公 (pronouns) */
    CL_PAREN = 1u << 7   /* ( before a stock code */
};
#define CL_BMP 0x10000u
/* in the per-position classes (scan.cls) the walk bits, of no use after
 * step 1, give way to these */
#define P_SURNAME CL_WCI /* a surname entry starts at i (a Han character) */
#define P_ALNUM CL_WCS   /* is_alnum */

/* What step 1 reads of a BMP code point c, in one record: its class and,
 * for each trie (0: ner->ci, 1: ner->cs), what the record of the root's child
 * along c holds (trie.h: rx_trie_rec; mask 0, filter 0 when there is none).
 * A position whose walks end after one character, the usual case, so reads
 * one cache line instead of three tables and two nodes. */
typedef struct first_step {
    int32_t cs_node; /* the child in ner->cs, for lex_group; -1: none */
    uint32_t mask[2];
    uint32_t filter[2];
    uint32_t table[2];
    uint8_t cl;      /* CL_ bits */
    uint8_t pos;     /* scan.cls of a position holding c, but P_SURNAME: cl with
                      * P_ALNUM (is_alnum) in place of CL_WCI and CL_WCS */
    uint8_t pad_[2]; /* 32 bytes: a record never straddles two cache lines */
} first_step;

/* the bits of rx_ner.bigram: a set of the first two characters (A-Z as
 * a-z) of the entries of both tries, by a hash (bigram_bit) */
#define BIGRAM_LOG 18

struct rx_ner {
    rx_trie *ci, *cs;
    rx_trie_view view[2]; /* the frozen tries ci and cs, walked inline (step 1) */
    int ngroups;
    uint16_t cc[CC_HI - CC_LO];
    first_step *first; /* CL_BMP records, 64-byte aligned */
    uint64_t *bigram;  /* 2^BIGRAM_LOG bits: clear, no entry of either trie
                        * starts with the two characters (scan_hits) */
};

/* The bit of rx_ner.bigram for the characters c1 c2 (any case). */
static inline uint32_t bigram_bit(uint32_t c1, uint32_t c2)
{
    c1 = c1 - 'A' < 26u ? c1 + 32 : c1;
    c2 = c2 - 'A' < 26u ? c2 + 32 : c2;
    uint64_t k = ((uint64_t)(c1 & 0x1FFFFFu) << 21 | (c2 & 0x1FFFFFu)) * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(k >> (64 - BIGRAM_LOG));
}

/* Fill ner->bigram from the frozen tries: every child of every child of
 * either root. */
static void build_bigrams(rx_ner *ner)
{
    for (int k = 0; k < 2; k++) {
        const rx_trie_rec *recs = ner->view[k].recs, *root = &recs[RX_TRIE_ROOT];
        if (!root->filter)
            continue;
        uint32_t a0 = root->table >> RX_TRIE_LOG_BITS, a1 = a0 + rx_trie_table_hmask_(root->table) + 1;
        for (uint32_t a = a0; a < a1; a++) {
            if (recs[a].c == RX_TRIE_SLOT_EMPTY || !recs[a].filter)
                continue;
            uint32_t b0 = recs[a].table >> RX_TRIE_LOG_BITS, b1 = b0 + rx_trie_table_hmask_(recs[a].table) + 1;
            for (uint32_t b = b0; b < b1; b++)
                if (recs[b].c != RX_TRIE_SLOT_EMPTY) {
                    uint32_t h = bigram_bit(recs[a].c, recs[b].c);
                    ner->bigram[h >> 6] |= 1ull << (h & 63);
                }
        }
    }
}

typedef struct cand {
    size_t s, e;
    int type;
    int prio;
    unsigned flags;
    int group;
    bool weak; /* a Chinese name without context: needs confirmation */
} cand;

#define CF_WEAK_LIST 0x1000u /* weak candidate in a 、 list */
#define CF_WEAK3 0x2000u     /* weak three-character name between hard boundaries */
#define CF_WEAK_DOC 0x4000u  /* weak candidate kept only if the same string is a confirmed name */

/* ------------------------------------------------------------------ loading */

static const struct {
    const char *name;
    uint32_t bits;
    bool chars; /* every character of a line is one entry */
    uint16_t cc; /* a character class (rx_ner.cc) instead of a trie list */
} lists[] = {
    {"surname", B_SURNAME, false, 0},
    {"title", B_TITLE, false, 0},
    {"title_prefix", B_TPREFIX, false, 0},
    {"org_suffix", B_OSUF, false, 0},
    {"org_suffix_weak", B_OSUFW, false, 0},
    {"org_suffix_en", B_OSUF_EN, false, 0},
    {"person_cue_after", B_CUE_AFTER, false, 0},
    {"person_cue_before", B_CUE_BEFORE, false, 0},
    {"stopword", B_STOP, false, 0},
    {"en_stop", B_ENSTOP, false, 0},
    {"particle", B_PARTICLE, false, 0},
    {"org_cue", B_ORGCUE, false, 0},
    {"pronoun_person", B_PRON_P, false, 0},
    {"pronoun_org", B_PRON_O, false, 0},
    {"given_bad", B_GIVEN_BAD, true, 0},
    {"translit", B_TRANSLIT, true, 0},
    {"org_generic", B_OGEN, false, 0},
    {"person_cue_weak", B_CUE_WEAK, false, 0},
    {"surname_ambiguous", B_SURNAME_AMB, true, 0},
    {"given_common", B_GIVEN_GOOD, true, 0},
    {"en_given", B_EN_GIVEN, false, 0},
    {"en_nonperson", B_EN_NONPER, false, 0},
    {"en_honorific", B_EN_HON, false, 0},
    {"en_common", B_EN_COMMON, false, 0},
    {"place", B_PLACE, false, 0},
    {"word_common", B_WORD, false, 0},
    {"surname_frequent", 0, true, CC_SURFREQ},
    {"given_wordy", 0, true, CC_WORDY},
    {"person_noun", 0, true, CC_PNOUN},
    {"given_soft", 0, true, CC_GSOFT},
    {"translit_strong", 0, true, CC_TSTRONG},
    {"translit_end", 0, true, CC_TEND},
    {"surname_rare", 0, true, CC_SURRARE},
    {"person", C_PERSON, false, 0},
    {"org", C_ORG, false, 0},
    {"not_name", C_NOTNAME, false, 0},
};

/* Fold s[0..len) into cps (room for len code points); returns the count. */
static size_t fold_utf8(const char *s, size_t len, uint32_t *cps)
{
    size_t i = 0, n = 0;
    while (i < len)
        cps[n++] = rx_norm_cp(rx_utf8_next(s, len, &i));
    return n;
}

static bool is_cs_list(const char *name)
{
    return !strcmp(name, "person") || !strcmp(name, "org") || !strcmp(name, "not_name");
}

/* Add one alias of entry group to the trie its list belongs to: person, org and
 * not_name keep case (ner->cs), the rest fold ASCII case (ner->ci; en_stop,
 * particle and pronoun_person are checked for case where they are used). */
static int add_entry(rx_ner *ner, size_t li, const char *s, size_t len, int group, uint32_t *buf)
{
    size_t n = fold_utf8(s, len, buf);
    if (!n)
        return 0;
    const char *name = lists[li].name;
    uint32_t bits = lists[li].bits;
    if (lists[li].cc) {
        for (size_t k = 0; k < n; k++)
            if (buf[k] >= CC_LO && buf[k] < CC_HI)
                ner->cc[buf[k] - CC_LO] |= lists[li].cc;
        return 0;
    }
    if (is_cs_list(name)) {
        int32_t val[RX_TRIE_NVAL] = {-1, -1};
        if (!strcmp(name, "person"))
            val[0] = group;
        else if (!strcmp(name, "org"))
            val[1] = group;
        return rx_trie_add(ner->cs, buf, n, bits, val) < 0 ? -1 : 0;
    }
    if (lists[li].chars) {
        for (size_t k = 0; k < n; k++)
            if (rx_trie_add(ner->ci, buf + k, 1, bits, NULL) < 0)
                return -1;
        return 0;
    }
    if (bits == B_TPREFIX) {
        /* 前 原 former mark a former role */
        static const uint32_t former[] = {'f', 'o', 'r', 'm', 'e', 'r'};
        if ((n == 1 && (buf[0] == 0x524D || buf[0] == 0x539F)) ||
            (n == 6 && !memcmp(buf, former, sizeof former)))
            bits |= B_TFORMER;
    }
    return rx_trie_add(ner->ci, buf, n, bits, NULL) < 0 ? -1 : 0;
}

static void build_classes(rx_ner *ner);

rx_ner *rx_ner_new(const rx_lexicons *lx, rx_diag *d)
{
    rx_ner *ner = calloc(1, sizeof *ner);
    if (!ner)
        return NULL;
    ner->ci = rx_trie_new(true); /* walk (step 1) relies on which trie folds */
    ner->cs = rx_trie_new(false);
    if (!ner->ci || !ner->cs)
        goto oom;
    /* grammatical characters (的 了 是 在 和 与 ...) and Chinese numerals
     * (一 ... 十 百 千 万 亿 两 零 几) for the name scorer */
    static const uint32_t func[] = {0x7684, 0x4E86, 0x662F, 0x5728, 0x548C, 0x4E0E, 0x53CA, 0x7B49, 0x4E5F, 0x90FD,
                                    0x5C31, 0x800C, 0x4F46, 0x88AB, 0x628A, 0x5C06, 0x5BF9, 0x4ECE, 0x5411, 0x8FD9,
                                    0x90A3, 0x4E0D, 0x6CA1, 0x6709, 0x8FD8, 0x624D, 0x518D, 0x66F4, 0x6700, 0x5F88,
                                    0x8BE5, 0x4E4B, 0x4EE5, 0x5DF2, 0x5E76, 0x53C8, 0x4F1A, 0x8981, 0x80FD, 0x53EF,
                                    0x66FE, 0x5219, 0x6240, 0x5374, 0x4FBF, 0x4E3A, 0x4E8E, 0x7ED9, 0x8BA9, 0x8DDF,
                                    0x540C, 0x6216, 0x4EEC};
    static const uint32_t num[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
                                   0x5341, 0x767E, 0x5343, 0x4E07, 0x4EBF, 0x4E24, 0x96F6, 0x51E0};
    for (size_t k = 0; k < sizeof func / sizeof func[0]; k++)
        ner->cc[func[k] - CC_LO] |= CC_FUNC;
    for (size_t k = 0; k < sizeof num / sizeof num[0]; k++)
        ner->cc[num[k] - CC_LO] |= CC_NUM;
    for (size_t li = 0; li < sizeof lists / sizeof lists[0]; li++) {
        const rx_lexicon *l = lx ? rx_lexicon_find(lx, lists[li].name) : NULL;
        if (!l) {
            if (d)
                rx_diag_warning(d, lists[li].name, 0, 0, NULL,
                                "lexicon '%s' is missing: the recogniser works without it",
                                lists[li].name);
            continue;
        }
        for (size_t k = 0; k < l->n; k++) {
            const char *e = l->entries[k];
            size_t len = strlen(e);
            uint32_t *buf = malloc((len + 1) * sizeof *buf);
            if (!buf)
                goto oom;
            int group = ner->ngroups++;
            size_t a = 0;
            int rc = 0;
            while (a <= len && rc == 0) {
                size_t b = a;
                while (b < len && e[b] != '|')
                    b++;
                size_t x = a, y = b;
                while (x < y && (e[x] == ' ' || e[x] == '\t'))
                    x++;
                while (y > x && (e[y - 1] == ' ' || e[y - 1] == '\t'))
                    y--;
                if (y > x)
                    rc = add_entry(ner, li, e + x, y - x, group, buf);
                a = b + 1;
            }
            free(buf);
            if (rc < 0)
                goto oom;
        }
    }
    if (rx_trie_freeze(ner->ci) < 0 || rx_trie_freeze(ner->cs) < 0 || !rx_trie_get_view(ner->ci, &ner->view[0]) ||
        !rx_trie_get_view(ner->cs, &ner->view[1]))
        goto oom;
    _Static_assert(sizeof(first_step) == 32, "a first_step record fills half a cache line");
    ner->first = aligned_alloc(64, CL_BMP * sizeof *ner->first);
    ner->bigram = calloc((size_t)1 << (BIGRAM_LOG - 6), sizeof *ner->bigram);
    if (!ner->first || !ner->bigram)
        goto oom;
    build_classes(ner);
    build_bigrams(ner);
    return ner;
oom:
    rx_ner_free(ner);
    return NULL;
}

void rx_ner_free(rx_ner *ner)
{
    if (!ner)
        return;
    rx_trie_free(ner->ci);
    rx_trie_free(ner->cs);
    free(ner->first);
    free(ner->bigram);
    free(ner);
}

/* ------------------------------------------------------------------ characters */

static inline bool is_han(uint32_t c)
{
    return c - 0x4E00u <= 0x9FFFu - 0x4E00u || c - 0x3400u <= 0x4DBFu - 0x3400u || c - 0xF900u <= 0xFAFFu - 0xF900u ||
           c - 0x20000u <= 0x2FFFFu - 0x20000u;
}
static inline bool is_upper(uint32_t c) { return c - 'A' < 26u; }
static inline bool is_lower(uint32_t c) { return c - 'a' < 26u; }
/* an upper-case Latin letter, accented ones included (É, Ó, Ł) */
static bool is_cap(uint32_t c)
{
    return is_upper(c) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && utf8proc_isupper((utf8proc_int32_t)c));
}
/* (c | 32) maps A-Z onto a-z and moves nothing else into a-z */
static inline bool is_alpha(uint32_t c)
{
    return c < 0x250u && ((c | 32u) - 'a' < 26u || (c >= 0xC0u && c != 0xD7 && c != 0xF7));
}
static inline bool is_digit(uint32_t c) { return c - '0' < 10u; }
static inline bool is_alnum(uint32_t c) { return is_alpha(c) || is_digit(c); }
static bool is_space(uint32_t c) { return c == ' ' || c == '\t' || c == 0xA0; }
static bool is_name_dot(uint32_t c) { return c == 0xB7 || c == 0x2027 || c == 0x30FB || c == 0x2022 || c == '-' || c == 0x2010; }
/* a middle dot proper, not a hyphen (which also joins places: 甲邑-乙邑) */
static bool is_middle_dot(uint32_t c) { return c == 0xB7 || c == 0x2027 || c == 0x30FB || c == 0x2022; }

/* The first step of both tries along c (any code point) into *f, with its
 * class (outside the BMP: CL_HAN or none). */
static void first_step_of(const rx_ner *ner, uint32_t c, first_step *f)
{
    memset(f, 0, sizeof *f);
    for (int k = 0; k < 2; k++) {
        const rx_trie_view *v = &ner->view[k];
        int32_t node = rx_trie_view_first(v, c);
        if (k)
            f->cs_node = node;
        if (node >= 0) {
            f->mask[k] = v->recs[node].mask;
            f->filter[k] = v->recs[node].filter;
            f->table[k] = v->recs[node].table;
            f->cl |= k ? CL_WCS : CL_WCI;
        }
    }
    if (is_alpha(c))
        f->cl |= CL_ALPHA;
    if (is_han(c))
        f->cl |= CL_HAN;
    f->pos = (uint8_t)((f->cl & ~(unsigned)(CL_WCI | CL_WCS)) | (is_alnum(c) ? P_ALNUM : 0));
}

/* Fill ner->first (the tries must be frozen). */
static void build_classes(rx_ner *ner)
{
    static const uint32_t byline[] = {0x8005, 0x8F91, 0x5458, 0x751F}, pron[] = {0x4ED6, 0x5979, 0x516C};
    first_step *first = ner->first;
    for (uint32_t c = 0; c < CL_BMP; c++)
        first_step_of(ner, c, &first[c]);
    const uint32_t more[][2] = {{'v', CL_V}, {'V', CL_V}, {0x519B, CL_V}, {'(', CL_PAREN}, {byline[0], CL_BYLINE}, {byline[1], CL_BYLINE},
                                {byline[2], CL_BYLINE}, {byline[3], CL_BYLINE}, {pron[0], CL_PRON}, {pron[1], CL_PRON},
                                {pron[2], CL_PRON}};
    for (size_t k = 0; k < sizeof more / sizeof more[0]; k++) {
        first[more[k][0]].cl |= (uint8_t)more[k][1];
        first[more[k][0]].pos |= (uint8_t)more[k][1];
    }
}

/* ------------------------------------------------------------------ step 1: hits */

typedef struct scan {
    const rx_ner *ner;
    const uint32_t *t; /* doc->text.norm */
    const uint32_t *orig;
    size_t n;
    uint8_t *hit;      /* n * HROW: longest entry of list k starting at i */
    int32_t *csnode;   /* node of the longest case-sensitive name hit at i;
                        * set only where such a hit starts (lex_group) */
    uint8_t *taken;    /* per position: covered by a selected mention */
    uint32_t *ends;    /* n + 1: bit k when the longest entry of list k ends here;
                        * bit E_ROLE when a role ends here */
    uint8_t *role;     /* length of the role (prefix* title) starting at i */
    uint8_t *inside;   /* i is inside (not at the start of) a stop word, cue,
                        * title or organisation that started before it */
    uint32_t *lists;   /* bit k: list k (a hit row index) has an entry starting at i;
                        * row k of i is 0 where bit k is clear */
    uint8_t *cls;      /* the CL_ class of the character at i (outside the BMP:
                        * CL_HAN or none), so that a sentence skips the passes
                        * that find nothing in it; P_ bits instead of CL_WCI
                        * and CL_WCS */
    uint8_t *sent_han; /* per sentence of the document: it holds a Han
                        * character (rx_recognize) */
    cand *c;
    size_t nc, ccap;
} scan;

#define E_ROLE 30
#define HROW 32 /* bytes of a hit row (NH used) */
#define HIT(sc, i, k) ((sc)->hit[(size_t)(i) * HROW + (k)])

static uint8_t clamp8(size_t v) { return v > 255 ? 255 : (uint8_t)v; }

#if !defined(__SSE2__)
static int ctz32(uint32_t m)
{
#if defined(__GNUC__)
    return __builtin_ctz(m);
#else
    int k = 0;
    while (!(m & 1u)) {
        m >>= 1;
        k++;
    }
    return k;
#endif
}
#endif

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

/* an entry found by a walk: the lists (hit row bits) of the node and the
 * length */
typedef struct hitlen {
    uint32_t m, len;
} hitlen;

/* the longest walk: entries of 64+ characters are not looked for */
#define WALK_MAX 64

/* Walk trie k (0: ner->ci, 1: ner->cs) from position i (not inside a Latin
 * word), its first step already taken (f), and append every entry that
 * starts there to out, shortest first (at most WALK_MAX). Returns their
 * count. */
static ALWAYS_INLINE size_t walk(const rx_ner *ner, const first_step *f, int k, const uint32_t *t, size_t n,
                                 size_t i, hitlen *out, int32_t *csnode)
{
    const bool cs = k == 1;
    const rx_trie_rec *recs = ner->view[k].recs;
    int32_t node = f->cs_node; /* of use in ner->cs only */
    uint32_t m = f->mask[k], filter = f->filter[k], table = f->table[k];
    size_t lim = n - i < WALK_MAX ? n - i : WALK_MAX, nf = 0;
    for (size_t x = 0;;) {
        if (m) {
            size_t j = i + x;
            /* an entry must not end inside a Latin word */
            if (!(is_alnum(t[j]) && j + 1 < n && is_alnum(t[j + 1]))) {
                if (cs && (m & (C_PERSON | C_ORG)))
                    *csnode = node;
                out[nf++] = (hitlen){cs ? m << NCI : m, (uint32_t)(x + 1)};
            }
        }
        if (++x >= lim)
            break;
        /* ner->ci folds ASCII case, ner->cs does not (rx_ner_new) */
        uint32_t c = t[i + x];
        if (!cs && c - 'A' < 26u)
            c += 32;
        node = rx_trie_view_child(recs, filter, table, c & 0x1FFFFFu);
        if (node < 0)
            break;
        m = recs[node].mask;
        filter = recs[node].filter;
        table = recs[node].table;
    }
    return nf;
}

/* Step 1 over the whole text: hit rows, lists, classes, the ends of list
 * entries, inside; clears taken and role. The positions where a title or a
 * title prefix starts go to *titles (grown as needed; *nt of them): their
 * roles read rows further on, so the caller works them out afterwards.
 * Returns -1 when out of memory. */
static int scan_hits(scan *sc, size_t **titles, size_t *nt, size_t *tcap)
{
    const rx_ner *const ner = sc->ner;
    const first_step *const first = ner->first;
    const uint32_t *t = sc->t;
    const size_t n = sc->n;
    uint8_t *const hit = sc->hit, *const inside = sc->inside, *const clsv = sc->cls;
    uint32_t *const lbits = sc->lists, *const ends = sc->ends;
    int32_t *const csnode = sc->csnode;
    const uint64_t *const bigram = ner->bigram;
    /* ends, taken, role and inside lie together (rx_recognize) */
    memset(ends, 0, (n + 1) * (sizeof *ends + 3));
    /* a stop word, cue, title or organisation: the positions after its
     * start are inside it */
    const uint32_t wordish = B_STOP | B_CUE_AFTER | B_CUE_BEFORE | B_TITLE | ((uint32_t)C_ORG << NCI);
    hitlen found[2 * WALK_MAX];
    bool prev_alnum = false;
    for (size_t i = 0; i < n; i++) {
        uint8_t *row = hit + i * HROW;
        memset(row, 0, HROW);
        uint32_t c = t[i];
        first_step beyond; /* outside the BMP, worked out here */
        const first_step *fs = &first[c < CL_BMP ? c : 0];
        if (c >= CL_BMP) {
            first_step_of(ner, c, &beyond);
            fs = &beyond;
        }
        unsigned cl = fs->cl;
        clsv[i] = fs->pos;
        /* a Latin entry must start at a word start */
        bool alnum = fs->pos & P_ALNUM;
        bool mid = alnum && prev_alnum;
        prev_alnum = alnum;
        lbits[i] = 0;
        if (mid || !(cl & (CL_WCI | CL_WCS)))
            continue;
        size_t nf = 0;
        uint32_t h = i + 1 < n ? bigram_bit(c, t[i + 1]) : 0;
        if (i + 1 < n && (bigram[h >> 6] >> (h & 63) & 1)) {
            if (cl & CL_WCI)
                nf = walk(ner, fs, 0, t, n, i, found, &csnode[i]);
            if (cl & CL_WCS)
                nf += walk(ner, fs, 1, t, n, i, found + nf, &csnode[i]);
        } else {
            /* no entry of either trie goes on with t[i + 1] (or there is
             * none): the walks would stop after the first step, whose
             * record holds the entries of one character */
            uint32_t m = fs->mask[0] | fs->mask[1] << NCI;
            if (m && !(alnum && i + 1 < n && is_alnum(t[i + 1]))) {
                if (fs->mask[1] & (C_PERSON | C_ORG))
                    csnode[i] = fs->cs_node;
                found[0] = (hitlen){m, 1};
                nf = 1;
            }
        }
        if (!nf)
            continue;
        /* longest first within each trie (their bits differ): a list's
         * longest entry is the first that carries its bit */
        uint32_t seen = 0, wl = 0;
#if defined(__SSE2__)
        /* the row in two registers: byte k of an entry is its length where
         * bit k is new (the bits of each byte picked by 1 << (k & 7)) */
        const __m128i pick = _mm_set1_epi64x((long long)0x8040201008040201ull);
        __m128i lo = _mm_setzero_si128(), hi = _mm_setzero_si128();
        for (size_t f = nf; f-- > 0;) {
            uint32_t len = found[f].len, b = found[f].m & ~seen;
            seen |= found[f].m;
            if ((found[f].m & wordish) && len > wl)
                wl = len;
            ends[i + len] |= b;
            __m128i x = _mm_cvtsi32_si128((int)b);
            x = _mm_unpacklo_epi8(x, x);
            x = _mm_unpacklo_epi16(x, x); /* bytes of b, each four times */
            __m128i l = _mm_set1_epi8((char)len);
            __m128i x0 = _mm_unpacklo_epi32(x, x), x1 = _mm_unpackhi_epi32(x, x);
            lo = _mm_or_si128(lo, _mm_and_si128(_mm_cmpeq_epi8(_mm_and_si128(x0, pick), pick), l));
            hi = _mm_or_si128(hi, _mm_and_si128(_mm_cmpeq_epi8(_mm_and_si128(x1, pick), pick), l));
        }
        _mm_storeu_si128((__m128i *)row, lo);
        _mm_storeu_si128((__m128i *)(row + 16), hi);
#else
        for (size_t f = nf; f-- > 0;) {
            uint32_t len = found[f].len, b = found[f].m & ~seen;
            seen |= found[f].m;
            if ((found[f].m & wordish) && len > wl)
                wl = len;
            if (!b)
                continue;
            ends[i + len] |= b;
            for (; b; b &= b - 1)
                row[ctz32(b)] = (uint8_t)len;
        }
#endif
        lbits[i] = seen;
        if ((seen & B_SURNAME) && (cl & CL_HAN))
            clsv[i] |= P_SURNAME;
        if (wl > 1)
            memset(inside + i + 1, 1, wl - 1);
        if (seen & (B_TITLE | B_TPREFIX)) {
            if (*nt >= *tcap && !RX_GROW(*titles, *tcap, *nt + 1))
                return -1;
            (*titles)[(*nt)++] = i;
        }
    }
    lbits[n] = 0;
    clsv[n] = 0;
    return 0;
}

static int lex_group(const scan *sc, size_t i, int type)
{
    if (!HIT(sc, i, H_CS(0)) && !HIT(sc, i, H_CS(1)))
        return -1; /* csnode[i] was not set */
    return rx_trie_value(sc->ner->cs, sc->csnode[i], type == RX_M_PERSON ? 0 : 1);
}

/* Does the longest entry of list k that starts somewhere end exactly at p? */
static bool ends_at(const scan *sc, size_t lo, size_t p, int k)
{
    return p > lo && (sc->ends[p] & (1u << k));
}

/* ------------------------------------------------------------------ candidates */

static int add_cand(scan *sc, size_t s, size_t e, int type, int prio, unsigned flags, int group)
{
    if (e <= s)
        return 0;
    if (sc->nc >= sc->ccap && !RX_GROW(sc->c, sc->ccap, sc->nc + 1))
        return -1;
    sc->c[sc->nc++] = (cand){s, e, type, prio, flags, group, false};
    return 0;
}

/* Length of the role starting at i: title_prefix* title (a space allowed after a
 * Latin prefix); *former set when a former-prefix was used. 0 when none. */
static size_t role_at(const scan *sc, size_t i, size_t se, int depth, bool *former)
{
    if (i >= se)
        return 0;
    size_t best = HIT(sc, i, 1 /* B_TITLE */);
    bool bf = false;
    size_t pl = HIT(sc, i, 2 /* B_TPREFIX */);
    if (pl && depth < 3) {
        size_t j = i + pl;
        if (j < se && is_space(sc->t[j]) && is_alpha(sc->t[j - 1]))
            j++;
        else if (j < se && sc->t[j] == '-' && is_alpha(sc->t[j - 1]))
            j++;
        bool f2 = false;
        size_t sub = role_at(sc, j, se, depth + 1, &f2);
        if (sub && j + sub - i > best) {
            best = j + sub - i;
            bf = f2 || HIT(sc, i, 3 /* B_TFORMER */);
        }
    }
    if (best && i + best > se)
        best = 0;
    *former = bf;
    return best;
}

/* the precomputed role starting at i, when it ends by hi */
static size_t role_len(const scan *sc, size_t i, size_t hi)
{
    return i < hi && i + sc->role[i] <= hi ? sc->role[i] : 0;
}

static bool title_ends_at(const scan *sc, size_t lo, size_t p)
{
    /* a role ending at p, or at p minus one space */
    if (p > lo && is_space(sc->t[p - 1]))
        p--;
    return ends_at(sc, lo, p, E_ROLE);
}

/* hard boundary before p: sentence start, non-Han, or a stop/cue word ends there */
static bool left_boundary(const scan *sc, size_t lo, size_t p)
{
    if (p <= lo || !is_han(sc->t[p - 1]))
        return true;
    return ends_at(sc, lo, p, 9 /* stop */) || ends_at(sc, lo, p, 8 /* cue before */) ||
           ends_at(sc, lo, p, 7 /* cue after: 說 張三 */) || ends_at(sc, lo, p, H_CS(1) /* org */) ||
           title_ends_at(sc, lo, p);
}

static bool right_boundary(const scan *sc, size_t p, size_t hi)
{
    if (p >= hi || !is_han(sc->t[p]))
        return true;
    return HIT(sc, p, 9) || HIT(sc, p, 7) || HIT(sc, p, 1) || HIT(sc, p, 2) || HIT(sc, p, 4) ||
           HIT(sc, p, 5) || HIT(sc, p, L_CUE_WEAK) || HIT(sc, p, 8) >= 2;
}

/* A cue before p, allowing a few separators (作者 | 褚杏娟, 記者：王小明). */
static bool cue_before(const scan *sc, size_t lo, size_t p)
{
    for (int skip = 0; skip <= 3 && p > lo; skip++) {
        if (ends_at(sc, lo, p, 8))
            return true;
        uint32_t c = sc->t[p - 1];
        if (!(is_space(c) || c == '|' || c == ':' || c == 0xFF1A))
            return false;
        p--;
    }
    return false;
}

static uint16_t cclass(const scan *sc, uint32_t c);

/* A listed organisation at p made of a name's last character (ending at e)
 * and the 為 after it (任命張建華為: 華為)? name_score lets it pass only after
 * a cue (任命, 聘任 ...), where 為 is the cue's. */
static bool cue_wei(const scan *sc, size_t p, size_t e)
{
    return e < sc->n && p + HIT(sc, p, H_CS(1)) == e + 1 && (sc->t[e] == 0x4E3A || sc->t[e] == 0x70BA);
}

/* 中將 at p read as the end of a name and 將 "will" (何建中將於下月退休,
 * 王志中將出任): a preposition, an adverb or a cue word follows */
static bool rank_is_will(const scan *sc, size_t p, size_t hi)
{
    const uint32_t *t = sc->t;
    if (p + 2 >= hi || t[p] != 0x4E2D /* 中 */ || t[p + 1] != 0x5C06 /* 将 */ || !is_han(t[p + 2]))
        return false;
    uint32_t c = t[p + 2];
    return c == 0x4E8E /* 于 */ || c == 0x5728 /* 在 */ || c == 0x4F1A /* 会 */ || c == 0x4E0D /* 不 */ ||
           HIT(sc, p + 2, 7) >= 2 || HIT(sc, p + 2, 8) >= 2;
}

static bool adverb_after_name(uint32_t c);

/* 年 as the last of two given characters (副總經理祈耀年辭職), where a title
 * or cue stands before the name: not in a time word (明年 今年 去年 同年 多年
 * ...), and followed by the end, punctuation, a cue, a title or an adverb */
static bool nian_last(const scan *sc, size_t p, size_t hi)
{
    const uint32_t *t = sc->t;
    if (t[p] != 0x5E74 /* 年 */)
        return false;
    static const char32_t before[] = U"明今去同当前后全新每近多少青中老晚早往历逐常长成童周半这那上下本次";
    for (size_t k = 0; before[k]; k++)
        if (t[p - 1] == (uint32_t)before[k])
            return false;
    if (p + 1 >= hi || !is_han(t[p + 1]))
        return true;
    uint32_t c = t[p + 1];
    return HIT(sc, p + 1, 7) >= 2 || HIT(sc, p + 1, 8) >= 2 || role_len(sc, p + 1, hi) || adverb_after_name(c) ||
           c == U'昨' || c == U'今' || c == U'于' || c == U'在' || c == U'为';
}

/* Chinese given name s[g..g+lg) acceptable? A character of given_soft (為 中
 * 以 有 同 ...: function words that also name people) only when soft is set. */
static bool given_ok(const scan *sc, size_t g, size_t lg, size_t hi, bool soft)
{
    if (g + lg > hi)
        return false;
    for (size_t p = g; p < g + lg; p++) {
        if (!is_han(sc->t[p]) || (HIT(sc, p, 15 /* given_bad */) && !(soft && lg == 2 && p + 1 == g + lg && nian_last(sc, p, hi))) ||
            (!soft && (cclass(sc, sc->t[p]) & CC_GSOFT)))
            return false;
        if ((HIT(sc, p, 1) && !(p + 1 == g + lg && rank_is_will(sc, p, hi))) || HIT(sc, p, 9) >= 2 || HIT(sc, p, 7) >= 2 || HIT(sc, p, 8) >= 2 ||
            HIT(sc, p, 4) || (HIT(sc, p, H_CS(1)) >= 2 && !cue_wei(sc, p, g + lg)))
            return false;
    }
    return true;
}

/* every character of s[g..g+lg) is frequent in given names */
static bool given_common(const scan *sc, size_t g, size_t lg)
{
    for (size_t p = g; p < g + lg; p++)
        if (p >= sc->n || !HIT(sc, p, L_GIVEN_GOOD))
            return false;
    return true;
}

/* A byline joins names without separators: （記者李蕾張羽飛）, 記者王姝馬力.
 * After 記者 / 通訊員 / 實習生 / 編輯, split the run of Han characters up to
 * punctuation, a place or a cue word into surname + 1-2 given characters;
 * accepted only when the whole run splits that way. */
static bool byline_split(const scan *sc, size_t p, size_t e, size_t *cut, int depth)
{
    if (p == e)
        return true;
    if (depth >= 4 || !HIT(sc, p, 0) || HIT(sc, p, 0) > 2)
        return false;
    size_t ls = HIT(sc, p, 0);
    for (size_t lg = 2; lg >= 1; lg--) {
        size_t q = p + ls + lg;
        if (q > e || !given_ok(sc, p + ls, lg, e, false))
            continue;
        cut[depth] = q;
        if (byline_split(sc, q, e, cut, depth + 1))
            return true;
    }
    return false;
}

static int bylines(scan *sc, size_t lo, size_t hi)
{
    const uint32_t *t = sc->t;
    for (size_t p = lo + 2; p < hi; p++) {
        /* every cue ends in 者 辑 员 or 生 */
        uint32_t z = t[p - 1];
        if (z != 0x8005 && z != 0x8F91 && z != 0x5458 && z != 0x751F)
            continue;
        if (!rx_byline_cue_before(t, lo, p) || !is_han(t[p]))
            continue;
        size_t e = p;
        while (e < hi && e - p < 12 && is_han(t[e]) && !(e > p && (HIT(sc, e, 8) || HIT(sc, e, 7) >= 2 || HIT(sc, e, L_PLACE))))
            e++;
        if (e - p < 4 || e - p > 12)
            continue; /* one name alone is left to the other rules */
        size_t cut[4];
        if (!byline_split(sc, p, e, cut, 0))
            continue;
        size_t a = p;
        for (int d = 0; d < 4 && a < e; d++) {
            if (add_cand(sc, a, cut[d], RX_M_PERSON, 3, 0, -1) < 0)
                return -1;
            a = cut[d];
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ name scorer */

/* The Chinese name scorer weighs the evidence that surname + 1-2 given
 * characters at i is a personal name, in tenths of a log-odds-like unit:
 *   surname:  compound +15; frequent (surname_frequent) +5; also a common
 *             word (surname_ambiguous: 方 高 金) -10; a function word (于) -15
 *   given:    each character frequent in given names (given_common) +10,
 *             mostly found in ordinary words (given_wordy) -15, other -3;
 *             a one-character given name -5
 *   left:     a title or cue word +25; start or punctuation +10 (、 +12);
 *             a noun for a person ending (person_noun: 主持人, 研究员) +12;
 *             a function word, stop word or organisation +8; other Han -10
 *   right:    a cue word (表示, 說) +25; a title +20; end or punctuation +10
 *             (、 +12; a speaker's colon after a sentence start +15); a
 *             function word, place or organisation +8; other Han -10, and
 *             -15 more when the last given character is a surname (the next
 *             name of a byline) or is doubled (渐渐)
 *   words:    a common word (word_common) starts on the surname, on the first
 *             given character or on the last one and runs past it: -20 each
 * It vetoes the name outright (for the rules too) when a word, place or
 * organisation crosses its left edge (有关|部门, 经常|出现), a place starts
 * inside it without a title or cue before (谈武汉), a unit-like surname
 * follows a numeral (500米, 5萬) or the given name doubles the surname (谢谢).
 * Accepted from NS_STRONG (20: e.g. a frequent surname and two name
 * characters between a plain character and a function word); from NS_WEAK as
 * a weak name (kept when repeated or in a 、 list); from NS_DOC only when
 * the same string is a confirmed name elsewhere in the document. */
/* Can c open a time after the preposition 于 (2019年, 今日, 昨天, 本月,
 * 上週, 同年, 次日, 近日, 日前)? */
static bool time_after_yu(uint32_t c)
{
    return is_digit(c) || c == U'今' || c == U'昨' || c == U'明' || c == U'本' || c == U'上' || c == U'下' ||
           c == U'同' || c == U'次' || c == U'近' || c == U'日' || c == U'去' || c == U'前' || c == U'当' ||
           c == 0x3007 || c == U'一' || c == U'二' || c == U'三' || c == U'四' || c == U'五' ||
           c == U'六' || c == U'七' || c == U'八' || c == U'九' || c == U'十';
}

#define NS_VETO (-1000)
#define NS_STRONG 20
#define NS_WEAK 15
#define NS_DOC 0
/* below NS_DOC, a weak name kept only when the same string is a weak name
 * of NS_WEAK or more elsewhere (，李詠就... 找李詠，) */
#define NS_REPEAT (-10)

static uint16_t cclass(const scan *sc, uint32_t c)
{
    return c >= CC_LO && c < CC_HI ? sc->ner->cc[c - CC_LO] : 0;
}

static bool is_numeral(const scan *sc, uint32_t c) { return is_digit(c) || (cclass(sc, c) & CC_NUM); }

/* a word, place, organisation or listed non-name that starts before p and
 * runs over it */
static bool crosses_left(const scan *sc, size_t lo, size_t p)
{
    for (size_t q = p; q > lo && p - q < 4;) {
        q--;
        size_t need = p - q + 1;
        if (HIT(sc, q, L_WORD) >= need || HIT(sc, q, L_PLACE) >= need || HIT(sc, q, H_CS(1)) >= need ||
            HIT(sc, q, H_CS(2)) >= need)
            return true;
    }
    return false;
}

/* grammatical characters that end a name on the right (的 了 是 在 和 ...) */
static bool function_char(const scan *sc, uint32_t c) { return cclass(sc, c) & CC_FUNC; }

/* adverbs that follow a subject (已 則 也 就 都 還 卻 便 曾 正 將 又 並 才 仍) */
static bool adverb_after_name(uint32_t c)
{
    static const uint32_t adv[] = {0x5DF2, 0x5219, 0x4E5F, 0x5C31, 0x90FD, 0x8FD8, 0x5374, 0x4FBF,
                                   0x66FE, 0x6B63, 0x5C06, 0x53C8, 0x5E76, 0x624D, 0x4ECD};
    for (size_t k = 0; k < sizeof adv / sizeof adv[0]; k++)
        if (c == adv[k])
            return true;
    return false;
}

static int name_score(const scan *sc, size_t lo, size_t hi, size_t i, size_t ls, size_t lg, bool tl, bool cl,
                      bool *words)
{
    const uint32_t *t = sc->t;
    size_t g = i + ls, e = g + lg;
    /* 5萬, 500米: a surname that is also a unit or a word after a numeral */
    if (i > lo && is_numeral(sc, t[i - 1]) && (HIT(sc, i, L_SURNAME_AMB) || (cclass(sc, t[i]) & CC_WORDY)))
        return NS_VETO;
    if (crosses_left(sc, lo, i))
        return NS_VETO;
    if (ls == 1 && t[g] == t[i])
        return NS_VETO; /* a doubled character: 谢谢, 常常 */
    /* a place inside (谈武汉): only a title or cue allows one (市长李长春),
     * or a speech cue right after the name (陳宜蘭表示) */
    bool said = e < hi && HIT(sc, e, 7) && !role_len(sc, e, hi);
    /* (a cue noun is not enough before a surname that is also a word: 專家談武漢) */
    bool place_ok = tl || said || (cl && !HIT(sc, i, L_SURNAME_AMB));
    for (size_t p = i + 1; p < e; p++)
        if ((HIT(sc, p, L_PLACE) && (p + HIT(sc, p, L_PLACE) > e || !place_ok)) ||
            (HIT(sc, p, H_CS(1)) && p + HIT(sc, p, H_CS(1)) > e &&
             /* 任命張建華為: a listed 華為 across the edge is the cue's 為 */
             !(cl && p + HIT(sc, p, H_CS(1)) == e + 1 && (t[e] == 0x4E3A || t[e] == 0x70BA))))
            return NS_VETO;
    if (HIT(sc, i, L_PLACE) && HIT(sc, i, L_PLACE) < e - i)
        return NS_VETO;
    /* a province, city or county before its title: 江南省省長, 高平市長 */
    if (e < hi && (t[e - 1] == 0x7701 || t[e - 1] == 0x5E02 || t[e - 1] == 0x53BF) && role_len(sc, e, hi))
        return NS_VETO; /* 省 市 县 */
    /* a street or a village, not a person: 東華路、 李家溝 董家河 */
    for (size_t p = e - 1; p <= e && p < hi; p++)
        if ((t[p] == 0x8DEF || t[p] == 0x8857 || t[p] == 0x5DF7) && /* 路 街 巷 */
            (p + 1 >= hi || !is_han(t[p + 1])))
            return NS_VETO;
    if (lg == 2 && t[g] == 0x5BB6 /* 家 */) {
        static const uint32_t village[] = {0x6CB3, 0x6C9F, 0x6751, 0x5E84, 0x6E7E, 0x5761, 0x5CAD, 0x5BE8, 0x5C6F,
                                           0x8425, 0x5E97, 0x5821, 0x6D3C, 0x576A, 0x5634, 0x575D, 0x6865};
        for (size_t k = 0; k < sizeof village / sizeof village[0]; k++)
            if (t[e - 1] == village[k]) /* 河 沟 村 庄 湾 坡 岭 寨 屯 营 店 堡 洼 坪 嘴 坝 桥 */
                return NS_VETO;
    }
    /* 祝黃教授: the "given name" is the surname of the title that follows */
    if (lg == 1 && (cclass(sc, t[g]) & CC_SURFREQ) && !HIT(sc, g, L_GIVEN_GOOD) && role_len(sc, e, hi))
        return NS_VETO;
    int s = 0;
    if (ls >= 2)
        s += 15; /* (and a Japanese family name: 古久保) */
    else if (HIT(sc, i, L_SURNAME_AMB))
        s -= 10;
    else if (cclass(sc, t[i]) & CC_SURFREQ)
        s += 5;
    for (size_t p = g; p < e; p++)
        s += HIT(sc, p, L_GIVEN_GOOD) ? 10 : (cclass(sc, t[p]) & CC_WORDY) ? -15 : -3;
    if (lg == 1)
        s -= 5;
    /* a surname that is also a function word (于, 向) */
    if (HIT(sc, i, 9) == 1 && !(tl || cl))
        s -= 15;
    /* a word X于 on the last given character before 于 + a time is the
     * name and the preposition: 張勇於2019年, 李樂於昨日 */
    bool at_time = e + 1 < hi && t[e] == 0x4E8E && time_after_yu(t[e + 1]);
    int nw = (HIT(sc, i, L_WORD) >= 2) + (HIT(sc, g, L_WORD) >= 2 && !(lg == 1 && at_time)) +
             (lg == 2 && HIT(sc, e - 1, L_WORD) >= 2 && !at_time);
    s -= 20 * nw;
    *words = nw > 0;
    /* left */
    bool start = false;
    if (tl || cl)
        s += 25;
    else if (i == lo || !is_han(t[i - 1])) {
        start = i == lo || t[i - 1] == 0x3002 || t[i - 1] == 0xFF0C || t[i - 1] == ',' || t[i - 1] == 0xFF1B ||
                t[i - 1] == 0x201C || t[i - 1] == 0x300C;
        s += i > lo && t[i - 1] == 0x3001 ? 12 : 10;
    } else if (ends_at(sc, lo, i, 9) || ends_at(sc, lo, i, 7) || ends_at(sc, lo, i, L_CUE_WEAK) ||
               ends_at(sc, lo, i, H_CS(1)) || ends_at(sc, lo, i, 4) || ends_at(sc, lo, i, 5) || function_char(sc, t[i - 1]))
        s += 8;
    else if (cclass(sc, t[i - 1]) & CC_PNOUN)
        s += 12;
    else
        s -= 10;
    /* right */
    if (e >= hi)
        s += 10;
    else if (!is_han(t[e]))
        s += (t[e] == 0xFF1A || t[e] == ':') && start ? 15 : t[e] == 0x3001 ? 12 : 10;
    else if (HIT(sc, e, 7))
        s += 25;
    else if (role_len(sc, e, hi))
        s += 20;
    else if (HIT(sc, e, 9) || HIT(sc, e, L_CUE_WEAK) || function_char(sc, t[e]) || HIT(sc, e, L_PLACE) ||
             HIT(sc, e, H_CS(1)) || adverb_after_name(t[e]))
        s += 8;
    else {
        s -= 10;
        /* the last given character may start the next name (记者李明王刚)
         * or be doubled into a word (渐渐) */
        if (lg == 2 && (HIT(sc, e - 1, 0) || t[e] == t[e - 1]))
            s -= 15;
    }
    return s;
}

/* May the given name s[g..g+lg) hold a given_soft character (主任王為民,
 * 副研究員尹中立對, 經理孔祥同介紹說)? Only after a title, a cue or a list's
 * 、 (陳志明、李大同卸任), not before a
 * surname, and a soft last character only before the end, punctuation or a
 * speech cue, where it cannot be a conjunction (董事長王和李四, 總經理王和副總經理). */
static bool given_soft_ok(const scan *sc, size_t g, size_t lg, size_t hi, bool title_or_cue_left)
{
    if (!title_or_cue_left)
        return false;
    size_t e = g + lg;
    if (e > hi)
        return false;
    /* 王和李四: a soft character before a surname joins two names; not one
     * that joins nothing (中 可 亦 有: 管中閔) */
    for (size_t p = g; p + 1 < e; p++) {
        uint32_t c = sc->t[p];
        if ((cclass(sc, c) & CC_GSOFT) && HIT(sc, p + 1, 0) && c != 0x4E2D && c != 0x53EF && c != 0x4EA6 &&
            c != 0x6709)
            return false;
    }
    if (!(cclass(sc, sc->t[e - 1]) & CC_GSOFT))
        return true;
    if (e >= hi || (HIT(sc, e, 7) >= 2 && !role_len(sc, e, hi))) /* not 任命朱浩為總裁 */
        return true;
    if (adverb_after_name(sc->t[e]) && e + 1 < hi && is_han(sc->t[e + 1])) /* 王大同將接替 */
        return true;
    /* the passive of a change done to the person (董事長林大同遭解職, 被撤換),
     * or the day of what they did (議員陳建中昨日要求) */
    if ((sc->t[e] == 0x88AB /* 被 */ || sc->t[e] == 0x906D /* 遭 */) && e + 1 < hi && is_han(sc->t[e + 1]))
        return true;
    if ((sc->t[e] == 0x6628 /* 昨 */ || sc->t[e] == 0x4ECA /* 今 */) && e + 1 < hi &&
        (sc->t[e + 1] == 0x65E5 /* 日 */ || sc->t[e + 1] == 0x5929 /* 天 */))
        return true;
    /* closing or separating punctuation, not an opening one (作者林森以《...》)
     * nor a space (任命張承為 CEO) */
    static const uint32_t after[] = {0x3002, 0xFF0C, 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, ',', '.', ';', ':', '!',
                                     '?', ')', 0xFF09, 0x300D, 0x300F, 0x201D, '\n', '/', 0xFF0F};
    for (size_t k = 0; k < sizeof after / sizeof after[0]; k++)
        if (sc->t[e] == after[k])
            return true;
    /* a byline's place after the name (記者王建中台北3日電) */
    return HIT(sc, e, L_PLACE) >= 2;
}

static int chinese_names(scan *sc, size_t lo, size_t hi)
{
    const uint32_t *t = sc->t;
    for (size_t i = lo; i < hi; i++) {
        while (i < hi && !(sc->cls[i] & P_SURNAME))
            i++;
        if (i >= hi)
            break;
        if (!(sc->lists[i] & B_SURNAME) || !is_han(t[i]) || sc->inside[i] || role_len(sc, i, hi))
            continue;
        /* a cue word that starts on the surname (總統任命|鄭麗君為) is no name */
        if (HIT(sc, i, 8) >= 2 || HIT(sc, i, 7) >= 2)
            continue;
        size_t sls[2] = {HIT(sc, i, 0), 0};
        if (sls[0] >= 2 && rx_trie_mask(sc->ner->ci, rx_trie_step(sc->ner->ci, RX_TRIE_ROOT, t[i])) & B_SURNAME)
            sls[1] = 1;
        /* an organisation suffix ends right before (質監局蔡振鋒表示) */
        bool lb = left_boundary(sc, lo, i) || ends_at(sc, lo, i, 4) || ends_at(sc, lo, i, 5);
        bool tl = title_ends_at(sc, lo, i);
        bool cl = cue_before(sc, lo, i);
        /* a rare surname (成 冷 席 公 區 ...) that starts a word, a title, a
         * cue, an organisation's ending, a place or a listed name here
         * (成交, 公司, 區局, 項目經理) is that word */
        bool rare = sls[0] == 1 && (cclass(sc, t[i]) & CC_SURRARE);
        if (rare && (HIT(sc, i, L_WORD) >= 2 || HIT(sc, i, 1) >= 2 || HIT(sc, i, 4) >= 2 || HIT(sc, i, 5) >= 2 ||
                     HIT(sc, i, 9) >= 2 || HIT(sc, i, L_PLACE) >= 2 || HIT(sc, i, H_CS(1)) >= 2 ||
                     HIT(sc, i, H_CS(2)) >= 2 || (i + 1 < hi && HIT(sc, i + 1, 0) && !HIT(sc, i + 1, L_SURNAME_AMB))))
            continue; /* (策劃總計|杜碩: a plain surname follows) */
        bool done = false;
        int best = NS_VETO;
        size_t best_e = 0;
        for (int si = 0; si < 2 && sls[si] && !done; si++) {
            size_t ls = sls[si];
            /* the two-character given name was refused because its last
             * character starts a word (總經理封屹|參加): after a title or cue
             * the one-character name needs no boundary on the right */
            bool runs_on = false;
            for (size_t lg = 2; lg >= 1 && !done; lg--) {
                size_t g = i + ls, e = g + lg;
                /* a soft given character also between a hard left edge and
                 * a speech cue (，劉中山表示), or as the last one before an
                 * adverb (王大同將接替) */
                bool soft_last = e <= hi && (cclass(sc, t[e - 1]) & CC_GSOFT);
                bool speech = e < hi && HIT(sc, e, 7) >= 2 && !role_len(sc, e, hi);
                bool framed = ((i == lo || !is_han(t[i - 1])) && e < hi &&
                               ((speech && !soft_last) || (soft_last && adverb_after_name(t[e])))) ||
                              /* or a three-character one between 的 and a speech cue
                               * (負責此案的林大同表示) or an adverb (公司的林大同將出任) */
                              (i > lo && t[i - 1] == 0x7684 /* 的 */ && ls == 1 && lg == 2 && HIT(sc, g, L_WORD) < 2 &&
                               (speech || (soft_last && e + 1 < hi && adverb_after_name(t[e]) && is_han(t[e + 1]))));
                if (!given_ok(sc, g, lg, hi,
                              given_soft_ok(sc, g, lg, hi, tl || cl || (i > lo && t[i - 1] == 0x3001) || framed)))
                    continue;
                /* the last given character starts a word that runs on (總統米萊|訪問,
                 * 經理李明|出席): the shorter name, whatever the context */
                if (lg == 2 && e < hi && (HIT(sc, e - 1, L_WORD) >= 2 || HIT(sc, e - 1, 7) >= 2 || HIT(sc, e - 1, 8) >= 2)) {
                    runs_on = true;
                    continue;
                }
                /* a listed non-name (王國, 高興) that is the candidate, or starts
                 * it without a title or cue before (王國強 after 部長 is a name) */
                size_t nn = HIT(sc, i, H_CS(2));
                if (nn >= 2 && (nn == e - i || (nn < e - i && !(tl || cl))))
                    continue;
                if (HIT(sc, i, H_CS(1)) >= e - i) /* an organisation's name */
                    continue;
                if (HIT(sc, i, L_PLACE) >= e - i) /* a place: 韓國, 江西 */
                    continue;
                if (HIT(sc, i, 9) >= e - i) /* a stop or time word: 週二, 當天 */
                    continue;
                bool rb = right_boundary(sc, e, hi);
                bool tr = false;
                bool cr = e < hi && HIT(sc, e, 7);
                tr = role_len(sc, e, hi) > 0;
                /* the scorer: a word or place across the edges vetoes the
                 * rules below too, a plain word inside needs a cue */
                bool words = false;
                int ns = name_score(sc, lo, hi, i, ls, lg, tl, cl, &words);
                if (si == 1 && lg == 1 && ns != NS_VETO)
                    ns = NS_DOC - 1; /* 欧阳 is a surname, not 欧 + 阳 */
                if (ns == NS_VETO)
                    continue;
                /* the whole candidate is a common word (黃牛, 黨組, 車況): only a
                 * title before it, or a speech cue after it at the start of a
                 * clause or after a cue, makes it a name (，高明表示); a given
                 * name that is a word (軍區) after a character that could end
                 * a word (晉察|冀軍區司令) needs a cue on either side */
                if (HIT(sc, i, L_WORD) >= e - i &&
                    !(tl || (cr && is_han(t[e]) && (cl || i == lo || !is_han(t[i - 1]))))) /* (簡介: is no speaker) */
                    continue;
                if (lg == 2 && HIT(sc, g, L_WORD) == 2 && !(tl || cl || cr) && !lb)
                    continue;
                if (ns > best) {
                    best = ns;
                    best_e = e;
                }
                if (words && !(tl || cl || cr || tr))
                    continue;
                /* without a title or cue on the left, the name must end at a
                 * boundary; a surname that is also a function word (于, 向)
                 * needs a title or cue on the left */
                if (HIT(sc, i, 9) == 1 && !(tl || cl))
                    continue;
                /* given-name statistics: both given characters common in
                 * names, after a hard left boundary (start, punctuation, a
                 * cue or title), are enough for a three-character name */
                bool gg = given_common(sc, g, lg);
                bool amb = ls == 1 && HIT(sc, i, L_SURNAME_AMB);
                bool hl = i == lo || !is_han(t[i - 1]) || cl || tl;
                bool hr = e >= hi || !is_han(t[e]) || cr || HIT(sc, e, L_CUE_WEAK) || tr;
                bool stat = gg && ls == 1 && ((lg == 2 && hl && !amb && (rb || !given_common(sc, e, 1))) ||
                                              (lg == 2 && hl && hr) || (lg == 1 && hl && hr && !amb));
                if (!rb && !((tl || cl) && (lg == 2 || runs_on)) && !stat)
                    continue;
                bool cw = e < hi && HIT(sc, e, L_CUE_WEAK) && lg == 2 && ls + lg >= 3;
                /* the head of a "...的" phrase before an adverb or a pause
                 * (經營小店的潘凝已經, 工作的于澄則): a person */
                bool de = ls == 1 && (!amb || (gg && lg == 2)) && !words && i > lo && t[i - 1] == 0x7684 /* 的 */ &&
                          !(cclass(sc, t[e - 1]) & (CC_WORDY | CC_GSOFT)) &&
                          (e >= hi || t[e] == 0xFF0C || t[e] == ',' || t[e] == 0x3002 || adverb_after_name(t[e]));
                /* an honorific right after the name (策劃總監杜碩先生, 于澄女士) */
                bool hon = !amb && !words && rx_honorific_after(t, hi, e);
                bool strong = tl || tr || (cl && rb) || (cr && (lb || cl)) || (cw && lb) || stat || de || hon;
                /* a rare surname needs a title before it, a cue on both
                 * sides, a cue (not a title) after a three-character name
                 * at the start of a clause, or an honorific (開彥先生) */
                if (rare) {
                    bool h = !words && rx_honorific_after(t, hi, e);
                    strong = tl || (cl && (cr || h)) || (cr && !tr && lg == 2 && (i == lo || !is_han(t[i - 1]))) || h;
                }
                if (strong) {
                    if (add_cand(sc, i, e, RX_M_PERSON, 3, 0, -1) < 0)
                        return -1;
                    done = true;
                } else if (lb && rb && ls <= 2 && lg == 2 - (size_t)(ls == 2) && !rare) {
                    if (add_cand(sc, i, e, RX_M_PERSON, 3, 0, -1) < 0)
                        return -1;
                    sc->c[sc->nc - 1].weak = ns < NS_STRONG;
                    /* hard on both sides: punctuation, start, or a cue */
                    if (ls == 1 && lg == 2 && hl && hr && !HIT(sc, i, L_SURNAME_AMB))
                        sc->c[sc->nc - 1].flags |= CF_WEAK3;
                    if ((e < hi && t[e] == 0x3001) || (i > lo && t[i - 1] == 0x3001))
                        sc->c[sc->nc - 1].flags |= CF_WEAK_LIST;
                    done = true;
                }
            }
        }
        /* what the rules left, the score decides */
        if (!done && best >= NS_REPEAT && !rare) {
            if (add_cand(sc, i, best_e, RX_M_PERSON, 3, 0, -1) < 0)
                return -1;
            cand *c = &sc->c[sc->nc - 1];
            if (best < NS_STRONG) {
                c->weak = true;
                if (best < NS_WEAK)
                    c->flags |= CF_WEAK_DOC;
                else if ((best_e < hi && t[best_e] == 0x3001) || (i > lo && t[i - 1] == 0x3001))
                    c->flags |= CF_WEAK_LIST;
            }
        }
    }
    return 0;
}

/* X之Y after a transliterated run names a thing after a person (奧弗頓之窗,
 * 潘朵拉之盒), unless 之 starts a word of position (之後 之前 之一 之間 ...) */
static bool names_a_thing(const uint32_t *t, size_t e, size_t hi)
{
    if (e + 1 >= hi || t[e] != 0x4E4B /* 之 */)
        return false;
    static const uint32_t ok[] = {0x540E, 0x524D, 0x4E00, 0x95F4, 0x5916, 0x4E2D, 0x4E0B, 0x4E0A, 0x6240, 0x9645, 0x4F59};
    for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++)
        if (t[e + 1] == ok[k]) /* 后 前 一 间 外 中 下 上 所 际 余 */
            return false;
    return true;
}

/* Length of the first of words[0..n) (folded spellings) that starts at
 * t[p..hi), or 0. */
static size_t word_at(const uint32_t *t, size_t p, size_t hi, const char32_t *const *words, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t l = rx_lit_at(t, hi, p, words[k]);
        if (l)
            return l;
    }
    return 0;
}

/* A place or building named after what comes before (厄普頓公園, 格拉斯美術館,
 * 恩格斯空軍基地, 阿克斯胡斯城堡) starts at e: the run before it is a place,
 * not a person. */
static bool place_word_at(const uint32_t *t, size_t e, size_t hi)
{
    static const char32_t *const words[] = {
        U"公园", U"球场", U"体育场", U"体育馆", U"美术馆", U"博物馆", U"艺术馆", U"纪念馆", U"图书馆", U"城堡", U"基地",
        U"空军基地", U"小镇", U"大街", U"大道", U"广场", U"机场", U"车站", U"大桥", U"海滩", U"宫", U"教堂", U"酒店",
        U"山脉", U"海峡", U"半岛", U"群岛", U"庄园", U"别墅", U"农场", U"酒庄", U"古城", U"遗址", U"峡谷", U"街",
        U"堡", U"桥", U"峰", U"湾", U"瀑布", U"运河", U"大厦", U"剧院", U"音乐厅", U"赛道", U"学院", U"大学",
        U"国际"}; /* (a company or venue: 索維婭國際藝術村) */
    return word_at(t, e, hi, words, sizeof words / sizeof words[0]) > 0;
}

/* A bare run of transliteration characters without a cue: both sides must be
 * hard (punctuation, a stop word or cue), it must not be a listed place or
 * organisation, and it must not end like a place name (利亚, 兰, 那, 拉). */
static bool translit_bare_ok(const scan *sc, size_t lo, size_t hi, size_t i, size_t e)
{
    const uint32_t *t = sc->t;
    uint32_t z = t[e - 1];
    if (z == 0x4E9A || z == 0x5170 || z == 0x90A3 || z == 0x62C9) /* 亚 兰 那 拉 */
        return false;
    for (size_t p = i; p < e; p++)
        if (HIT(sc, p, H_CS(2)) || HIT(sc, p, H_CS(1)) || HIT(sc, p, 9) >= 2 || HIT(sc, p, 7) >= 2 ||
            HIT(sc, p, 8) >= 2 || (p > i && HIT(sc, p, 0) >= 2))
            return false;
    bool hl = i == lo || !is_han(t[i - 1]) || ends_at(sc, lo, i, 9) || ends_at(sc, lo, i, 8) ||
              ends_at(sc, lo, i, 7) || title_ends_at(sc, lo, i);
    bool hr = e >= hi || !is_han(t[e]) || HIT(sc, e, 9) || HIT(sc, e, 7) || HIT(sc, e, L_CUE_WEAK) ||
              role_len(sc, e, hi);
    return hl && hr && !names_a_thing(t, e, hi);
}

/* A run of transliteration characters in running text (而沃爾科特往往, 如畢加索
 * 1964年作): taken without a cue when it holds a character that is almost
 * only found in transliterations (爾 斯 茨 蒂 ...: translit_strong), no word
 * crosses either edge, nothing listed (a place, organisation, stop word or
 * cue) lies inside, and it does not end like a place name (利亞, 蘭, 那, 拉). */
static bool translit_strong_ok(const scan *sc, size_t lo, size_t hi, size_t i, size_t e)
{
    const uint32_t *t = sc->t;
    uint32_t z = t[e - 1];
    if (z == 0x4E9A || z == 0x5170 || z == 0x90A3 || z == 0x62C9) /* 亚 兰 那 拉 */
        return false;
    size_t strong = 0;
    if (HIT(sc, i, H_CS(0)) && HIT(sc, i, H_CS(0)) < e - i)
        return false; /* a listed name and more (索羅斯|基金會) */
    for (size_t p = i; p < e; p++) {
        if (HIT(sc, p, H_CS(2)) || HIT(sc, p, H_CS(1)) || HIT(sc, p, 9) >= 2 || HIT(sc, p, 7) >= 2 ||
            HIT(sc, p, 8) >= 2 || HIT(sc, p, L_PLACE) || HIT(sc, p, 1) || (p > i && HIT(sc, p, 0) >= 2))
            return false;
        strong += (cclass(sc, t[p]) & CC_TSTRONG) != 0;
    }
    if (!strong || crosses_left(sc, lo, i) || HIT(sc, e - 1, L_WORD) >= 2)
        return false;
    /* nor a cue or stop word across the left edge (宣|布林琪濤) */
    for (size_t q = i; q > lo && i - q < 3;) {
        q--;
        size_t need = i - q + 1;
        if (HIT(sc, q, 7) >= need || HIT(sc, q, 8) >= need || HIT(sc, q, 9) >= need)
            return false;
    }
    /* it must end like a name (...爾 ...斯 ...特 ...夫), not run into a word
     * (蓋蒂博|物館, 貝弗利山); a place or team suffix after it makes it a place
     * (...城, ...州, ...隊); 聖 starts place names (聖埃蒂安) */
    if (!(cclass(sc, z) & CC_TEND) || t[i] == 0x5723 /* 圣 */)
        return false;
    static const uint32_t place_after[] = {0x5DDE, 0x5E02, 0x57CE, 0x6E2F, 0x5C9B, 0x6E7E, 0x6CB3, 0x6E56,
                                           0x7701, 0x53BF, 0x90E1, 0x533A, 0x9547, 0x961F, 0x5C71, 0x6D77};
    if (e < hi)
        for (size_t k = 0; k < sizeof place_after / sizeof place_after[0]; k++)
            if (t[e] == place_after[k]) /* 州 市 城 港 岛 湾 河 湖 省 县 郡 区 镇 队 山 海 */
                return false;
    if (names_a_thing(t, e, hi))
        return false;
    return true;
}

/* A one-part transliterated run t[i..e) that names a place: before a
 * building or place word (厄普頓公園), ending in 路 or 街 (東華路), inside or
 * right after a listed place (長沙|賽區, 昆明|東). */
static bool place_run(const scan *sc, size_t lo, size_t hi, size_t i, size_t e)
{
    const uint32_t *t = sc->t;
    return t[e - 1] == 0x8DEF || t[e - 1] == 0x8857 || HIT(sc, i, L_PLACE) || crosses_left(sc, lo, i) ||
           place_word_at(t, e, hi);
}

/* Start of the part of a dotted name that ends at the name dot b, made of
 * 1-4 Han characters the transliteration list need not know, after a
 * boundary (a title, a cue, a stop word, a function character, the sentence
 * start); b when there is none. */
static size_t dotted_part_start(const scan *sc, size_t lo, size_t b)
{
    const uint32_t *t = sc->t;
    size_t a = b;
    while (a > lo && b - a < 4 && is_han(t[a - 1]) && !(cclass(sc, t[a - 1]) & (CC_FUNC | CC_NUM)) &&
           !left_boundary(sc, lo, a))
        a--;
    /* (not after a numeral: 一副|約瑟夫·…, a measure word) */
    bool edge = (left_boundary(sc, lo, a) && !(a > lo && is_numeral(sc, t[a - 1]))) ||
                (a > lo && (cclass(sc, t[a - 1]) & CC_FUNC));
    /* (not the middle part of a longer dotted name found otherwise or not at all) */
    if (a > lo && is_name_dot(t[a - 1]))
        edge = false;
    return a < b && edge ? a : b;
}

static int translit_names(scan *sc, size_t lo, size_t hi)
{
    const uint32_t *t = sc->t;
    for (size_t i = lo; i < hi; i++) {
        while (i < hi && !(sc->lists[i] & B_TRANSLIT))
            i++;
        if (i >= hi)
            break;
        if (!(sc->lists[i] & B_TRANSLIT) || (i > lo && HIT(sc, i - 1, 16)))
            continue;
        size_t j = i, parts = 1, part_len = 0, min_part = 99, chars = 0, start = i;
        if (i > lo && is_middle_dot(t[i - 1])) {
            /* a first part the list does not know (大衛·馬斯卡特): the name
             * starts at the boundary before it */
            start = dotted_part_start(sc, lo, i - 1);
            if (start == i - 1)
                continue;
            parts = 2;
            min_part = chars = i - 1 - start;
        }
        while (j < hi) {
            /* before a name dot, a part may hold a character the list lacks
             * (凱文·馬斯卡特): the dot marks a foreign name */
            bool dotted = false;
            if (!HIT(sc, j, 16) && is_han(t[j]) && !(cclass(sc, t[j]) & (CC_FUNC | CC_NUM))) {
                if (!part_len) /* (or first in a part after a dot: ·孔帕尼) */
                    dotted = j > i && is_middle_dot(t[j - 1]) && j + 1 < hi && HIT(sc, j + 1, 16);
                for (size_t k = j + 1; part_len && k < hi && k <= j + 2 && !dotted; k++) {
                    if (is_middle_dot(t[k]))
                        dotted = k + 1 < hi && HIT(sc, k + 1, 16);
                    else if (!is_han(t[k]))
                        break;
                }
            }
            if (HIT(sc, j, 16) || dotted) {
                part_len++;
                chars++;
                j++;
            } else if (is_name_dot(t[j]) && j + 1 < hi && part_len &&
                       (HIT(sc, j + 1, 16) || (is_middle_dot(t[j]) && is_han(t[j + 1]) && !(cclass(sc, t[j + 1]) & (CC_FUNC | CC_NUM)) &&
                                               j + 2 < hi && HIT(sc, j + 2, 16)))) {
                /* the first part may begin before i with characters the
                 * list lacks (文森特·孔帕尼) */
                if (parts == 1 && start == i && is_middle_dot(t[j]) && !left_boundary(sc, lo, i)) {
                    size_t s2 = dotted_part_start(sc, lo, j);
                    if (s2 < i) {
                        chars += i - s2;
                        part_len += i - s2;
                        start = s2;
                    }
                }
                if (part_len < min_part)
                    min_part = part_len;
                part_len = 0;
                parts++;
                j++;
            } else
                break;
        }
        if (part_len < min_part)
            min_part = part_len;
        /* a single run stops before a word that starts inside it and runs
         * past it (穆里尼奧|本季, 范德斯特魯伊|本賽季); only a title before
         * makes the shortened run a name (在雷德蒙德|加入 is a place) */
        bool cut = false;
        if (parts == 1)
            for (size_t p = start + 3; p < j; p++)
                if (HIT(sc, p, L_WORD) > j - p || HIT(sc, p, 7) > j - p || HIT(sc, p, 8) > j - p ||
                    HIT(sc, p, 9) > j - p) {
                    chars -= j - p;
                    j = p;
                    cut = true;
                    break;
                }
        size_t e = j;
        /* 因 (because of) after the last part of a dotted name, with more
         * text after it, is the next word: 萊恩·馬丁因家庭因素辭職 */
        if (parts >= 2 && e - start >= 4 && t[e - 1] == 0x56E0 && e < hi && is_han(t[e]) && !is_name_dot(t[e - 2]))
            e--, j--, chars--;
        /* so is it after a single run of three or more (伊萬科維奇因戰績不佳,
         * 佩特科維奇因亞洲盃成績), when the run ends there or a place or a
         * word starts after it; not before a speech cue (斯坦因表示: Stein) */
        else if (parts == 1)
            for (size_t p = start + 3; p < e; p++)
                if (t[p] == 0x56E0 && (p + 1 == e ? e < hi && is_han(t[e]) && HIT(sc, e, 7) < 2
                                                  : HIT(sc, p + 1, L_PLACE) >= 2 || HIT(sc, p + 1, L_WORD) >= 2)) {
                    chars -= e - p;
                    e = j = p;
                    break;
                }
        if (chars > 12 || (chars > 10 && parts < 2))
            continue;
        if (parts == 1 && HIT(sc, start, L_PLACE) >= e - start)
            continue; /* a listed place: 巴西總統, 阿根廷總統 */
        if (start > lo && is_numeral(sc, t[start - 1]))
            continue; /* an amount: 4631萬美金 */
        bool tl = title_ends_at(sc, lo, start);
        bool cl = cue_before(sc, lo, start);
        bool cr = e < hi && HIT(sc, e, 7) >= 2;
        bool tr = role_len(sc, e, hi) > 0;
        bool lb = start == lo || !is_han(t[start - 1]) || left_boundary(sc, lo, start);
        bool rb = right_boundary(sc, e, hi);
        if ((tl || cl) && !rb)
            rb = true; /* 俄羅斯人斯盧茨基大概率 */
        /* a name dot between two transliterated parts is evidence enough
         * (哈維爾·巴爾頓入圍): no boundary needed on the right */
        bool ok = false;
        if (parts >= 2)
            ok = chars <= 12 && ((min_part >= 2 && (lb || rb)) || (min_part >= 1 && lb && rb));
        else
            ok = ((chars >= 3 && chars <= 5 && lb && rb && (tl || cl || cr || tr)) ||
                  /* a long one needs a title or cue before it (前鋒范尼斯特魯伊) */
                  (chars >= 6 && chars <= 8 && lb && rb && (tl || cl)) ||
                  (chars >= 3 && chars <= 6 && lb && rb && translit_bare_ok(sc, lo, hi, start, e)) ||
                  (chars >= 3 && chars <= 6 && translit_strong_ok(sc, lo, hi, start, e)) ||
                  (chars == 2 && (tl || tr) && lb && rb)) &&
                 !place_run(sc, lo, hi, start, e);
        if (cut && !tl)
            ok = false;
        if (ok && add_cand(sc, start, e, RX_M_PERSON, 2, 0, -1) < 0)
            return -1;
        i = j > i ? j - 1 : i;
    }
    return 0;
}

/* an administrative ending after a place name: 省 市 县 区 州 */
static bool admin_char(uint32_t c)
{
    return c == 0x7701 || c == 0x5E02 || c == 0x53BF || c == 0x533A || c == 0x5DDE;
}

/* Start of a place name that ends exactly at p: a listed place (美國, 北京),
 * optionally with an administrative ending (北京市), chained up to three deep
 * (廣東省深圳市). p when there is none. */
static size_t place_start(const scan *sc, size_t lo, size_t p)
{
    size_t s = p;
    for (int round = 0; round < 3; round++) {
        size_t found = s;
        /* the bare name first: 州 both ends names and is an ending (杭州) */
        for (int strip = 0; strip < 2 && found == s; strip++) {
            size_t q = s;
            if (strip) {
                if (!(q > lo && admin_char(sc->t[q - 1])))
                    break;
                q--;
            }
            for (size_t b = 2; b <= 8 && b <= q - lo; b++)
                if (HIT(sc, q - b, L_PLACE) == b) {
                    found = q - b;
                    break;
                }
        }
        if (found == s)
            break;
        s = found;
    }
    return s;
}

/* Sports fixtures: "A vs B" names two teams (clubs and national sides). Each
 * side is a run of 2-7 Han characters bounded by punctuation, Latin text or
 * the sentence edge (a stop word on the left also ends it). */
static int vs_teams(scan *sc, size_t lo, size_t hi)
{
    const uint32_t *t = sc->t;
    for (size_t k = lo + 1; k + 2 < hi; k++) {
        if ((t[k] | 32) != 'v' || (t[k + 1] | 32) != 's' || !is_han(t[k - 1]) || !is_han(t[k + 2]))
            continue;
        size_t j = k;
        while (j > lo && is_han(t[j - 1]) && k - j < 8 && !ends_at(sc, lo, j, 9))
            j--;
        bool lok = k - j >= 2 && k - j <= 7 && (j == lo || !is_han(t[j - 1]) || ends_at(sc, lo, j, 9));
        size_t q = k + 2;
        while (q < hi && is_han(t[q]) && q - k - 2 < 8)
            q++;
        bool rok = q - k - 2 >= 2 && q - k - 2 <= 7 && (q >= hi || !is_han(t[q]));
        /* a listed club, or a name before a word (阿森納|推介, 羅馬|一戰),
         * ends the right side early */
        for (size_t r = k + 4; r < q && r <= k + 9; r++)
            if (ends_at(sc, k + 2, r, H_CS(1)) || HIT(sc, r, L_WORD) >= 2 || HIT(sc, r, 9) || HIT(sc, r, 7) >= 2) {
                q = r + (t[r] == 0x961F && ends_at(sc, k + 2, r, H_CS(1))); /* (布萊克本隊) */
                rok = true;
                break;
            }
        if (lok && add_cand(sc, j, k, RX_M_ORG, 5, 0, -1) < 0)
            return -1;
        if (rok && add_cand(sc, k + 2, q, RX_M_ORG, 5, 0, -1) < 0)
            return -1;
    }
    return 0;
}

/* a common word that starts before p, at or after lo, and runs past p
 * (銀行|業 across 行業協會 in 銀行業協會) */
static bool word_across(const scan *sc, size_t lo, size_t p)
{
    for (size_t q = p; q > lo && p - q < 3;) {
        q--;
        if (HIT(sc, q, L_WORD) > p - q)
            return true;
    }
    return false;
}

/* a character of the set w (a U"..." literal) */
static bool char_in(uint32_t c, const char32_t *w)
{
    for (size_t k = 0; w[k]; k++)
        if (c == w[k])
            return true;
    return false;
}

/* a one-character short form of a country before 軍 (英軍 德軍 俄軍) */
static bool country_abbrev(uint32_t c)
{
    return char_in(c, U"美英法德俄日韩印朝苏意澳");
}

/* A country's armed forces: a listed country or its one-character short
 * form before 海軍 空軍 陸軍 軍方 (美國海軍, 印度空軍, 蘇聯軍方, 美空軍), a short
 * form before 軍 (英軍, 德軍, 俄軍). Not 軍事 軍區 軍團 ... (中日軍事), not a
 * title over it (美國海軍上將), not a short form inside a word. */
static int armed_forces(scan *sc, size_t lo, size_t hi)
{
    const uint32_t *t = sc->t;
    for (size_t k = lo + 1; k < hi; k++) {
        if (t[k] != 0x519B) /* 軍 */
            continue;
        size_t b = k, e = k + 1;
        uint32_t p = t[k - 1];
        if (p == 0x6D77 || p == 0x7A7A || p == 0x9646) /* 海 空 陸 */
            b = k - 1;
        else if (e < hi && t[e] == 0x65B9) /* 方 */
            e++;
        if (e < hi && b == k && e == k + 1 && char_in(t[e], U"事区团训衔种工费校民营属队人装医备械港"))
            continue;
        if (e < hi && t[e] == 0x4E8B) /* 事: 海軍事務 */
            continue;
        if (b <= lo)
            continue;
        bool title = false;
        for (size_t q = b; q < e && !title; q++)
            title = q + role_len(sc, q, hi) > e;
        if (title)
            continue;
        size_t s = place_start(sc, lo, b);
        if (s == b && country_abbrev(t[b - 1]) && !word_across(sc, lo, b - 1) &&
            !(b >= lo + 2 && HIT(sc, b - 2, L_PLACE) == 2) && !(b >= lo + 2 && HIT(sc, b - 2, L_WORD) == 2))
            s = b - 1;
        if (s == b || (e == k + 1 && b == k && s + 1 != b))
            continue; /* no country; 軍 alone only after a short form */
        if (s > lo && t[s - 1] == 0x300A)
            continue; /* a work's title: 《美國陸軍3》 */
        if (add_cand(sc, s, e, RX_M_ORG, 3, 0, -1) < 0)
            return -1;
    }
    return 0;
}

/* left end of a Chinese organisation's name ending at p (exclusive); returns the
 * start, or p when there is no name. *hard: stopped at a clear boundary. */
/* a measure word after a numeral (屆 架 批 支 名 位 個 家 所 輛 艘 次 場 項 條 年) */
static bool measure_char(uint32_t c)
{
    static const uint32_t m[] = {0x5C4A, 0x67B6, 0x6279, 0x652F, 0x540D, 0x4F4D, 0x4E2A, 0x5BB6, 0x6240,
                                 0x8F86, 0x8258, 0x6B21, 0x573A, 0x9879, 0x6761, 0x5E74};
    for (size_t k = 0; k < sizeof m / sizeof m[0]; k++)
        if (c == m[k])
            return true;
    return false;
}

/* lenient: a one-character stop word that starts a longer word is none
 * (經|濟 in 公安部經濟犯罪偵查局), for the walk back to a parent body */
static size_t org_left_walk(const scan *sc, size_t lo, size_t p, size_t maxlen, bool *hard, bool lenient)
{
    size_t j = p;
    *hard = false;
    while (j > lo && p - j < maxlen) {
        uint32_t c = sc->t[j - 1];
        if (!is_han(c)) {
            *hard = true;
            break;
        }
        if (sc->taken && sc->taken[j - 1])
            break;
        bool stop = ends_at(sc, lo, j, 9) && !(lenient && HIT(sc, j - 1, 9) == 1 && HIT(sc, j - 1, L_WORD) >= 2) &&
                    /* nor the measure word 家 starting a common word inside the
                     * name (家具 in 中國家具協會) */
                    !(sc->t[j - 1] == 0x5BB6 && HIT(sc, j - 1, L_WORD) >= 2 && j - 1 + HIT(sc, j - 1, L_WORD) <= p) &&
                    /* nor a 會 that ends a common word (社會 in 山東社會科學院) */
                    !(sc->t[j - 1] == 0x4F1A && j >= lo + 2 && HIT(sc, j - 2, L_WORD) == 2);
        /* (nor one inside a listed place: 日|本 in 日本航空公司) */
        for (size_t q = j - 1; stop && q + 4 >= j && q >= lo; q--) {
            if (HIT(sc, q, L_PLACE) && q + HIT(sc, q, L_PLACE) >= j && HIT(sc, j - 1, 9) <= HIT(sc, q, L_PLACE))
                stop = false;
            if (q == lo)
                break;
        }
        /* (a title whose last character starts a place is none: 銀行|長春) */
        bool role_end = ends_at(sc, lo, j, E_ROLE) && HIT(sc, j - 1, L_PLACE) < 2;
        if (stop || ends_at(sc, lo, j, 8) || ends_at(sc, lo, j, 7) || role_end ||
            ends_at(sc, lo, j, H_CS(0))) {
            *hard = true;
            break;
        }
        /* a count before the name: 第十一屆|全國人大常委會, 20架|海軍航空兵部隊 */
        if (j >= lo + 2 && measure_char(c) && is_numeral(sc, sc->t[j - 2])) {
            *hard = true;
            break;
        }
        /* a kind before the name: 上市公司|天成控股, 子公司 母公司 */
        if (p - j >= 2 && j >= lo + 3 && sc->t[j - 2] == 0x516C && c == 0x53F8 && /* 公司 */
            (sc->t[j - 3] == 0x5E02 || sc->t[j - 3] == 0x5B50 || sc->t[j - 3] == 0x6BCD)) { /* 市 子 母 */
            *hard = true;
            break;
        }
        /* a stop word covering j-1 that started earlier */
        j--;
    }
    /* (the reach may end right at a clause's start: ，宏泰商業銀行) */
    if (j == lo || !is_han(sc->t[j - 1]))
        *hard = true;
    /* 前 / 原 before a name marks a former employer (前宏達科技副總經理), unless
     * it starts a word (前程, 原子) */
    if (*hard && p - j >= 3 && (sc->t[j] == 0x524D || sc->t[j] == 0x539F) && HIT(sc, j, L_WORD) < 2)
        j++;
    return j;
}

static size_t org_left(const scan *sc, size_t lo, size_t p, size_t maxlen, bool *hard)
{
    return org_left_walk(sc, lo, p, maxlen, hard, false);
}

/* Start of the organisation whose unit ends in the suffix at k: an
 * organisation candidate of this sentence (listed, or found before k) that
 * ends at most 8 characters before k with nothing but name characters in
 * between (no stop word, cue, title or punctuation). k when there is none. */
/* the ending of a government office (局 署 廳 處) and the last character of
 * a public body (部 廳 局 院 委 署 府) */
static bool office_char(uint32_t c) { return c == 0x5C40 || c == 0x7F72 || c == 0x5385 || c == 0x5904; }
static bool body_char(uint32_t c)
{
    return c == 0x90E8 || c == 0x5385 || c == 0x5C40 || c == 0x9662 || c == 0x59D4 || c == 0x7F72 || c == 0x5E9C;
}

static size_t parent_org_start(const scan *sc, size_t lo, size_t k, size_t *pe)
{
    bool h;
    size_t far = org_left_walk(sc, lo, k, 8, &h, true);
    size_t best_e = 0, best_s = k;
    for (size_t n = sc->nc, seen = 0; n > 0 && seen < 32; n--, seen++) {
        const cand *c = &sc->c[n - 1];
        if (c->s < lo)
            break; /* an earlier sentence's */
        if (c->type != RX_M_ORG || (c->flags & RX_MF_PRONOUN) || c->e < far || c->e > k || c->s >= c->e)
            continue;
        if (c->e > best_e || (c->e == best_e && c->s < best_s)) {
            best_e = c->e;
            best_s = c->s;
        }
    }
    *pe = best_e;
    return best_s;
}

/* Length of a country or of the mainland written before a company as a
 * descriptor, not as part of its name, at t[s..): 中國大陸 大陸 內地 日本 南韓
 * and the listed places ending in 國 (美國 韓國 德國), but not 中國 itself
 * (中國銀行, 中國移動) nor 香港 / 台灣, which start many names. 0: none. */
static size_t country_prefix(const scan *sc, size_t s, size_t k)
{
    static const char32_t *const descr[] = {U"中国大陆", U"大陆", U"内地", U"日本", U"南韩"};
    size_t pl = HIT(sc, s, L_PLACE);
    if (pl < 2 || s + pl + 2 > k)
        return 0;
    /* what is left must name the company: not an ending (美國|國際集團) */
    size_t r = k - s - pl;
    if (HIT(sc, s + pl, 4) >= r || HIT(sc, s + pl, 5) >= r || HIT(sc, s + pl, L_PLACE) >= r)
        return 0;
    for (size_t q = 0; q < sizeof descr / sizeof descr[0]; q++)
        if (rx_lit_at(sc->t, k, s, descr[q]) == pl)
            return pl;
    if (sc->t[s + pl - 1] == 0x56FD /* 国 */ && !(pl == 2 && sc->t[s] == 0x4E2D /* 中 */))
        return pl;
    return 0;
}

/* a company's ending at k (公司 集團 控股 and the weak endings 科技 電子
 * ...), not a legal one (有限公司), a bank, school or public body */
static bool company_suffix(const scan *sc, size_t k, size_t L)
{
    static const char32_t *const corp[] = {U"公司", U"集团", U"控股", U"集团公司"};
    for (size_t q = 0; q < sizeof corp / sizeof corp[0]; q++)
        if (rx_lit_at(sc->t, k + L, k, corp[q]) == L)
            return true;
    static const char32_t *const weak[] = {U"科技", U"电子", U"实业", U"能源", U"汽车", U"传媒", U"网络", U"制药",
                                           U"医药", U"食品", U"地产", U"置业", U"物流", U"电器", U"半导体", U"资本",
                                           U"生技", U"电信"};
    for (size_t q = 0; q < sizeof weak / sizeof weak[0]; q++)
        if (rx_lit_at(sc->t, k + L, k, weak[q]) == L)
            return true;
    return false;
}

static int chinese_orgs(scan *sc, size_t lo, size_t hi)
{
    const uint32_t *t = sc->t;
    for (size_t k = lo; k < hi; k++) {
        while (k < hi && !(sc->lists[k] & (B_OSUF | B_OSUFW)) && !(sc->cls[k] & CL_PAREN))
            k++;
        if (k >= hi)
            break;
        if (!(sc->lists[k] & (B_OSUF | B_OSUFW)) && t[k] != '(')
            continue; /* no suffix, no stock code */
        size_t sl = HIT(sc, k, 4), wl = HIT(sc, k, 5);
        size_t L = sl > wl ? sl : wl;
        bool weak = sl < wl || (!sl);
        /* an ending that starts a longer word is no ending (內閣|局部改組) */
        if (L && is_han(t[k]) && HIT(sc, k, L_WORD) > L)
            L = 0;
        /* nor is a one-character one that ends a word (簽|署, 部|署, 格|局),
         * unless that word's first character ends another (安全|部) or a
         * listed organisation (布萊克本|隊) */
        if (L == 1 && weak && k > lo && HIT(sc, k - 1, L_WORD) == 2 && !(k >= lo + 2 && HIT(sc, k - 2, L_WORD) == 2) &&
            !ends_at(sc, lo, k, H_CS(1)))
            L = 0;
        /* nor one after a numeral: a count (兩隊, 三局) */
        if (L == 1 && weak && k > lo && is_numeral(sc, t[k - 1]))
            L = 0;
        if (L && is_han(t[k])) {
            size_t e = k + L;
            /* a title that starts inside the suffix and runs past it wins (外交部長) */
            bool title_over = false;
            for (size_t q = k; q < e; q++)
                if (q + role_len(sc, q, hi) > e && HIT(sc, e, L_PLACE) < 2)
                    title_over = true; /* (not 銀行|長春分行: a place follows) */
            if (e < hi && is_han(t[e]) && HIT(sc, k, 4) == 0 && HIT(sc, e - 1, 4) == 0 && L == 1 &&
                !right_boundary(sc, e, hi))
                title_over = true;
            bool hard;
            size_t s = org_left(sc, lo, k, weak ? 4 : 8, &hard);
            /* a name, the place of a subsidiary in brackets and the legal
             * ending: 渣打銀行(香港)有限公司 */
            if (s == k && !weak && k >= lo + 5 && t[k - 1] == ')') {
                size_t q = k - 1;
                while (q > lo && k - 1 - q < 6 && is_han(t[q - 1]))
                    q--;
                bool h2;
                if (q > lo + 2 && t[q - 1] == '(' && q < k - 1 && place_start(sc, q, k - 1) == q) {
                    size_t s2 = org_left(sc, lo, q - 1, 8, &h2);
                    for (size_t r = q - 1; r + 8 > q && r > lo; r--)
                        if (HIT(sc, r - 1, H_CS(1)) == q - r && r - 1 < s2)
                            s2 = r - 1, h2 = true; /* a listed one (渣打銀行) */
                    if (h2 && q - 1 - s2 >= 2) {
                        s = s2;
                        hard = true;
                    }
                }
            }
            /* a listed organisation ending in a stop word before the suffix
             * (布萊克本|隊: 本) */
            if (s == k && ends_at(sc, lo, k, H_CS(1)))
                for (size_t q = k - 1; q + 8 > k && q >= lo; q--) {
                    if (HIT(sc, q, H_CS(1)) == k - q && k - q >= 2)
                        s = q;
                    if (q == lo)
                        break;
                }
            /* a listed person right before a full suffix names it
             * (蓋茨基金會, 邵逸夫醫院) */
            if (s == k && !weak && ends_at(sc, lo, k, H_CS(0)))
                for (size_t q = k - 1; q + 12 > k && q >= lo; q--) {
                    if (HIT(sc, q, H_CS(0)) == k - q && is_han(t[q]))
                        s = q; /* the longest such name (比爾·蓋茨, not 蓋茨) */
                    if (q == lo)
                        break;
                }
            bool code = e + 5 < hi && t[e] == '(' && is_digit(t[e + 1]);
            if (!hard) {
                /* a place name inside the run starts the name (北京市消防局,
                 * 印度外交部): the leftmost one within reach */
                bool h2;
                size_t far = org_left(sc, lo, k, 12, &h2);
                for (size_t x = far + 2; x + (weak ? 1 : 0) <= k && x <= k; x++) {
                    size_t ps = place_start(sc, far, x);
                    if (ps < x) {
                        s = ps;
                        hard = true;
                        break;
                    }
                }
            }
            /* a unit named right after its parent organisation is one
             * organisation (中國銀行北京分行, 公安部經濟犯罪偵查局); not
             * with a weak suffix (曼聯客場防平局) */
            size_t pe = 0, ps = parent_org_start(sc, lo, k, &pe);
            /* a weak ending joins only a public body's office to the body
             * (公安部經濟犯罪偵查局, 國防部新聞事務局) */
            if (weak && !(L == 1 && ps < k && pe > ps && office_char(t[k]) && body_char(t[pe - 1])))
                ps = k;
            if (ps < s || (ps < k && !hard)) {
                s = ps;
                hard = true;
            }
            if (!hard && k - s >= 2)
                s = k - 2; /* no clear start: take the shortest name */
            /* a word across the start is not the name's (打|造全球頂級電競俱樂部,
             * 最早|華貿中心): the name starts after it */
            if (!hard || s > lo)
                for (size_t q = s; q > lo && s - q < 3;) {
                    q--;
                    size_t wd = HIT(sc, q, L_WORD);
                    if (wd > s - q && q + wd + 2 <= k) {
                        s = q + wd;
                        break;
                    }
                }
            /* 中國大陸紫光集團, 美國蘋果公司: the company is 紫光集團, 蘋果公司
             * (a listed name wins by its length: 日本航空公司) */
            if (company_suffix(sc, k, L) && !HIT(sc, s, H_CS(1)))
                s += country_prefix(sc, s, k);
            for (size_t back = 1; back <= 8 && back <= e - lo; back++)
                if (HIT(sc, e - back, L_OGEN) == back && e - back < k &&
                    !(e - back > s && (HIT(sc, s, L_PLACE) >= e - back - s || place_start(sc, s, e - back) == s)) &&
                    !(e - back > s && word_across(sc, s, e - back)) &&
                    !(e - back > s && HIT(sc, s, H_CS(1)) == k - s) &&
                    !(s == ps && pe > s && pe < e - back && place_start(sc, pe, e - back) == pe)) {
                    /* a country's team (泰國|國家隊): the place right before
                     * a generic team word names it */
                    size_t team = t[e - 1] == 0x961F /* 队 */ ? place_start(sc, lo, e - back) : e - back;
                    if (team < e - back && team <= s)
                        s = team;
                    else
                        title_over = true; /* 子公司, 審計委員會: generic; not after a place (上海市政府)
                                            * nor after a parent and a place (麥肯錫香港分公司) */
                }
            /* 一家創業公司, 這家投資公司: a kind of company, not one named */
            if (s >= lo + 2 && (t[s - 1] == 0x5BB6 || t[s - 1] == 0x95F4 || t[s - 1] == 0x6240) && /* 家 间 所 */
                (is_numeral(sc, t[s - 2]) || t[s - 2] == 0x8FD9 || t[s - 2] == 0x90A3 || t[s - 2] == 0x8BE5 ||
                 t[s - 2] == 0x67D0 || t[s - 2] == 0x6BCF || t[s - 2] == 0x591A || t[s - 2] == 0x51E0 ||
                 t[s - 2] == 0x53E6)) /* 这 那 该 某 每 多 几 另 */
                title_over = true;
            /* a lone 市 區 縣 省 at a clear start names the local body
             * (市商務委, 區信訪辦): the city or district of the story */
            /* a weak ending after a plain word is a place (城市中心, 小鎮中心);
             * 國際 running on into more words names an event or a place
             * (香港國際|電影節, 中國國際|數碼娛樂展覽會) */
            if (weak && L >= 2 && !code &&
                ((k - s >= 2 && HIT(sc, s, L_WORD) == k - s) ||
                 (e < hi && is_han(t[e]) && !right_boundary(sc, e, hi) && rx_lit_at(t, e, k, U"国际"))))
                title_over = true;
            bool local = k - s == 1 && hard && !weak && admin_char(t[s]) &&
                         (t[e - 1] == 0x59D4 || t[e - 1] == 0x529E); /* 委 辦 */
            if (!title_over && (k - s >= 2 || local) && (!weak || hard || code)) {
                /* the name part must not be a suffix itself (科技公司) */
                if (!(HIT(sc, s, 4) >= k - s || HIT(sc, s, 5) >= k - s)) {
                    /* a listed name plus a suffix (申花足球隊) is that organisation */
                    int grp = HIT(sc, s, H_CS(1)) == k - s ? lex_group(sc, s, RX_M_ORG) : -1;
                    if (add_cand(sc, s, e, RX_M_ORG, 3, 0, grp) < 0)
                        return -1;
                }
            }
        }
        /* stock code: NAME(2330) */
        if (t[k] == '(' && k > lo && is_han(t[k - 1])) {
            size_t q = k + 1;
            while (q < hi && is_digit(t[q]))
                q++;
            if (q < hi && t[q] == ')' && q - k - 1 >= 4 && q - k - 1 <= 6) {
                bool hard;
                size_t s = org_left(sc, lo, k, 8, &hard);
                if (k - s >= 2 && add_cand(sc, s, k, RX_M_ORG, 3, 0, -1) < 0)
                    return -1;
            }
        }
    }
    return 0;
}

/* An unlisted company named only by the executive title after it and the
 * person after that (與廣達董事長林百里, 新世界發展執行董事鄭志剛): two to six
 * Han characters between a hard boundary and a company title that ends right
 * before a person candidate of this sentence. Not a word, place, title or
 * someone's name; not a government post (市長, 部長 are no company titles),
 * not an organisation's ending alone. */
/* A department named right after its organisation and right before a title
 * is part of it (清華大學心理學系副主任, 平安銀行信用卡中心副總經理,
 * 財政部金融司司長), even one that alone is generic (信用卡中心, 營業部):
 * after an organisation candidate of this sentence, 2-8
 * Han characters ending in 系 司 處 部 科 室 or 中心, with no stop word, cue,
 * place, title or other name inside, and a title starting right after. */
static int unit_orgs(scan *sc, size_t lo, size_t hi, size_t first)
{
    const uint32_t *t = sc->t;
    for (size_t x = first, nc = sc->nc; x < nc; x++) {
        const cand *c = &sc->c[x];
        if (c->type != RX_M_ORG || c->weak || (c->flags & RX_MF_PRONOUN) || c->s < lo || c->e >= hi ||
            !is_han(t[c->e]))
            continue;
        size_t s = c->s, pe = c->e, u = 0;
        /* (the organisation must start at a boundary: not 思科 in 銳思科技公司) */
        if (s > lo && is_han(t[s - 1]) && !left_boundary(sc, lo, s))
            continue;
        for (size_t q = pe; q < hi && q < pe + 8 && !u; q++) {
            /* (a stop word that starts or ends a longer common word is none:
             * 中|心, 信|用) */
            bool stop = HIT(sc, q, 9) && HIT(sc, q, 9) >= HIT(sc, q, L_WORD) && !word_across(sc, pe, q);
            if (!is_han(t[q]) || sc->role[q] || stop || HIT(sc, q, 7) || HIT(sc, q, 8) ||
                HIT(sc, q, L_PLACE) || HIT(sc, q, H_CS(0)) || HIT(sc, q, H_CS(1)) || is_numeral(sc, t[q]) ||
                HIT(sc, q, 4))
                break; /* (nor an organisation's ending: 公司) */
            size_t ue = q + 1;
            if (ue - pe >= 2 && ue < hi && sc->role[ue] &&
                (char_in(t[q], U"系司处部科室") || (q > pe && t[q - 1] == 0x4E2D && t[q] == 0x5FC3))) /* 中心 */
                u = ue;
        }
        /* a common word is no department; 總部 is the organisation itself */
        if (!u || HIT(sc, pe, L_WORD) >= u - pe || rx_lit_at(t, u, pe, U"总部"))
            continue;
        if (add_cand(sc, s, u, RX_M_ORG, 3, 0, -1) < 0)
            return -1;
    }
    return 0;
}

static int title_orgs(scan *sc, size_t lo, size_t hi, size_t first)
{
    static const char32_t *const corporate[] = {U"董事长", U"总经理", U"执行长", U"首席执行官", U"总裁", U"财务长",
                                                U"技术长", U"营运长", U"创办人", U"创始人", U"执行董事", U"董事"};
    const uint32_t *t = sc->t;
    for (size_t x = first, nc = sc->nc; x < nc; x++) {
        size_t p = sc->c[x].s;
        if (sc->c[x].type != RX_M_PERSON || sc->c[x].weak || p < lo + 4 || p > hi)
            continue;
        size_t q = p, w = 0; /* the title's start, the matched title word */
        for (size_t back = 2; back <= 8 && back + lo <= p && !w; back++)
            if (sc->role[p - back] == back) {
                for (size_t k = 0; k < sizeof corporate / sizeof corporate[0] && !w; k++) {
                    size_t l = 0;
                    while (corporate[k][l])
                        l++;
                    if (l <= back && rx_lit_at(t, hi, p - l, corporate[k]) == l)
                        w = l;
                }
                q = p - back;
            }
        if (!w)
            continue;
        bool hard;
        size_t s = org_left(sc, lo, q, 6, &hard);
        /* after the start, punctuation, a list's 、 or a joining word (與 和 及
         * 由 跟 同), not after a verb (董事會迫使|財務長) */
        static const uint32_t joins[] = {0x4E0E, 0x548C, 0x53CA, 0x7531, 0x8DDF, 0x540C};
        bool left = s == lo || !is_han(t[s - 1]);
        for (size_t k = 0; k < sizeof joins / sizeof joins[0] && !left; k++)
            left = t[s - 1] == joins[k] && (s - 1 == lo || !HIT(sc, s - 2, L_WORD));
        if (!hard || q - s < 2 || !left || HIT(sc, s, 7) || HIT(sc, s, 8))
            continue;
        /* (俱樂部總經理: a suffix alone names nobody) */
        bool ok = !sc->role[s] && HIT(sc, s, L_WORD) < q - s && HIT(sc, s, L_OGEN) < q - s && HIT(sc, s, 4) < q - s &&
                  HIT(sc, s, 5) < q - s;
        for (size_t r = s; r < q && ok; r++)
            ok = is_han(t[r]) && !HIT(sc, r, L_PLACE) && !is_numeral(sc, t[r]);
        /* a name or organisation there already; but a name found by its
         * shape alone right before the title is the company's (岳川總經理梁文彬:
         * one title between two people's names is not said) */
        cand *shape = NULL;
        for (size_t y = 0; y < nc && ok; y++)
            if (sc->c[y].s < q && sc->c[y].e > s) {
                if (sc->c[y].type == RX_M_PERSON && sc->c[y].prio == 3 && sc->c[y].s == s && sc->c[y].e == q)
                    shape = &sc->c[y];
                else
                    ok = false;
            }
        if (ok && shape) {
            shape->type = RX_M_ORG;
            shape->weak = false;
            shape->flags = 0;
        } else if (ok && add_cand(sc, s, q, RX_M_ORG, 2, 0, -1) < 0)
            return -1;
    }
    return 0;
}

/* The first position in [from, hi) holding a or b, hi when none: the
 * sentence scans of the rarer passes (four code points a step with SSE2). */
static size_t find_either(const uint32_t *t, size_t from, size_t hi, uint32_t a, uint32_t b)
{
    size_t p = from;
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi32((int)a), vb = _mm_set1_epi32((int)b);
    for (; p + 4 <= hi; p += 4) {
        __m128i x = _mm_loadu_si128((const __m128i *)(t + p));
        int m = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi32(x, va), _mm_cmpeq_epi32(x, vb)));
        if (m)
            return p + (size_t)(__builtin_ctz((unsigned)m) >> 2);
    }
#endif
    while (p < hi && t[p] != a && t[p] != b)
        p++;
    return p;
}

/* A short company name that opens a clause and reports a company act of the
 * day (鴻準今（15）日公告, 瑞昱昨日召開法說會): 2-4 Han characters before
 * 今日/今天/昨日/昨天/今（N）日 and 公告, 董事會, 股東會 or 法說會 name an
 * organisation, listed or not, when no other candidate covers them. */
static int announcing_orgs(scan *sc, size_t lo, size_t hi)
{
    static const char32_t *const days[] = {U"今日", U"今天", U"昨日", U"昨天"};
    static const char32_t *const acts[] = {U"公告", U"董事会", U"股东会", U"法说会", U"召开董事会", U"召开股东会",
                                           U"召开法说会"};
    const uint32_t *t = sc->t;
    /* every day word starts with 今 or 昨: most sentences have neither */
    size_t z0 = hi > lo + 2 ? find_either(t, lo + 2, hi, 0x4ECA, 0x6628) : hi;
    if (z0 + 2 >= hi)
        return 0;
    for (size_t p = z0 - 4 > lo && z0 >= 4 ? z0 - 4 : lo; p + 4 < hi; p++) {
        /* (or after a kind of maker or vendor: 晶片設計廠|聯詠今天召開董事會) */
        if (!is_han(t[p]) || (p > lo && is_han(t[p - 1]) && t[p - 1] != 0x5382 /* 厂 */ && t[p - 1] != 0x5546 /* 商 */))
            continue;
        for (size_t q = p + 2; q <= p + 4 && q + 2 < hi; q++) {
            if (!is_han(t[q - 1]))
                break;
            size_t d = 0;
            for (size_t k = 0; k < sizeof days / sizeof days[0] && !d; k++)
                d = rx_lit_at(t, hi, q, days[k]);
            if (!d && t[q] == U'今' && q + 1 < hi && (t[q + 1] == '(' || t[q + 1] == 0xFF08)) {
                size_t z = q + 2;
                while (z < hi && is_digit(t[z]))
                    z++;
                if (z > q + 2 && z + 1 < hi && (t[z] == ')' || t[z] == 0xFF09) && t[z + 1] == U'日')
                    d = z + 2 - q; /* 今（15）日 */
            }
            if (!d)
                continue;
            size_t a = 0;
            for (size_t k = 0; k < sizeof acts / sizeof acts[0] && !a; k++)
                a = rx_lit_at(t, hi, q + d, acts[k]);
            if (!a)
                continue;
            bool free = !HIT(sc, p, L_WORD) && !HIT(sc, p, L_PLACE) && !HIT(sc, p, L_OGEN);
            for (size_t r = p; r < q && free; r++)
                free = !is_numeral(sc, t[r]) && !HIT(sc, r, 7) && !HIT(sc, r, 8);
            for (size_t y = 0; y < sc->nc && free; y++)
                free = !(sc->c[y].s < q && sc->c[y].e > p);
            if (free && add_cand(sc, p, q, RX_M_ORG, 2, 0, -1) < 0)
                return -1;
            break;
        }
    }
    return 0;
}

/* a common word or a listed place that starts before i (at most two
 * characters before, at or after lo) and covers i */
static bool cut_in_two(const scan *sc, size_t lo, size_t i)
{
    for (size_t q = i; q > lo && i - q < 2;) {
        q--;
        if (HIT(sc, q, L_WORD) > i - q || HIT(sc, q, L_PLACE) > i - q)
            return true;
    }
    return false;
}

/* An unlisted company named as the rival or peer someone moves to
 * (跳槽至競爭對手聯詠，出任技術長; 轉戰同業瑞昱擔任副總): 2-4 Han characters
 * after 競爭對手, 對手 or 同業 and before punctuation or 擔任/出任 name an
 * organisation when no other candidate covers them and they are no word or
 * place. */
static int rival_orgs(scan *sc, size_t lo, size_t hi)
{
    static const char32_t *const cues[] = {U"竞争对手", U"对手", U"同业"};
    static const char32_t *const posts[] = {U"担任", U"出任"};
    const uint32_t *t = sc->t;
    for (size_t q = lo + 1; q + 2 < hi; q++) {
        /* each cue holds 对 or 业 and starts before it */
        q = find_either(t, q, hi, 0x5BF9 /* 对 */, 0x4E1A /* 业 */);
        if (q + 2 >= hi)
            break;
        size_t p = t[q] == 0x4E1A ? q - 1 : q >= lo + 2 && t[q - 1] == 0x4E89 /* 争 */ ? q - 2 : q;
        size_t cl = 0;
        for (size_t k = 0; k < sizeof cues / sizeof cues[0] && !cl; k++)
            cl = rx_lit_at(t, hi, p, cues[k]);
        /* after a move: 跳槽至, 轉戰, 加盟, 加入, 投效, 轉投, 前往 */
        static const uint32_t moved[] = {0x81F3, 0x5230, 0x6218, 0x76DF, 0x5165, 0x6548, 0x6295, 0x5F80};
        bool after_move = false;
        for (size_t k = 0; k < sizeof moved / sizeof moved[0] && p > lo && !after_move; k++)
            after_move = t[p - 1] == moved[k];
        if (!cl || !after_move)
            continue;
        size_t s = p + cl, e = s;
        while (e < hi && e - s < 5 && is_han(t[e]) && !(e > s + 1 && (rx_lit_at(t, hi, e, posts[0]) || rx_lit_at(t, hi, e, posts[1]))))
            e++;
        bool end = e >= hi || !is_han(t[e]) || rx_lit_at(t, hi, e, posts[0]) || rx_lit_at(t, hi, e, posts[1]);
        if (!end || e - s < 2 || e - s > 4 || HIT(sc, s, L_WORD) >= e - s || HIT(sc, s, L_PLACE) >= e - s ||
            HIT(sc, s, 9) || HIT(sc, s, L_OGEN))
            continue;
        bool free = true;
        for (size_t y = 0; y < sc->nc && free; y++)
            free = !(sc->c[y].s < e && sc->c[y].e > s);
        if (free && add_cand(sc, s, e, RX_M_ORG, 2, 0, -1) < 0)
            return -1;
        q = e - 1;
    }
    return 0;
}

static int lexicon_cands(scan *sc, size_t lo, size_t hi)
{
    for (size_t i = lo; i < hi; i++) {
        while (i < hi && !(sc->lists[i] & ((uint32_t)(C_PERSON | C_ORG) << NCI)) && !sc->role[i])
            i++;
        if (i >= hi)
            break;
        if (!(sc->lists[i] & ((uint32_t)(C_PERSON | C_ORG) << NCI)) && !sc->role[i])
            continue; /* no listed name, no role */
        size_t pl = HIT(sc, i, H_CS(0)), ol = HIT(sc, i, H_CS(1));
        /* a listed Chinese form inside a longer transliteration (普|里皮|亞季)
         * is part of another name */
        if (pl && i > lo && i + pl < hi && is_han(sc->t[i]) && HIT(sc, i - 1, 16) && HIT(sc, i + pl, 16) &&
            !HIT(sc, i + pl, H_CS(0)))
            pl = 0;
        if (pl && i + pl <= hi && add_cand(sc, i, i + pl, RX_M_PERSON, 4, 0, lex_group(sc, i, RX_M_PERSON)) < 0)
            return -1;
        /* a listed organisation inside a listed place that begins before it
         * is that place (舊|金山: San Francisco, not Kingsoft) */
        for (size_t b = 1; b <= 3 && ol && i >= lo + b; b++)
            if (HIT(sc, i - b, L_PLACE) >= b + ol && is_han(sc->t[i]))
                ol = 0;
        /* a short listed name whose first character ends a word or place
         * begun before it is no name (出台|新規 over 台新, 南京|東路 over 京東) */
        if (ol && ol <= 3 && is_han(sc->t[i]) && i > lo && cut_in_two(sc, lo, i))
            ol = 0;
        if (ol && i + ol <= hi && add_cand(sc, i, i + ol, RX_M_ORG, 4, 0, lex_group(sc, i, RX_M_ORG)) < 0)
            return -1;
        /* a listed body whose last character starts a title with 長 is that
         * body's head (經濟部長, 外交部長, 國防部長): one role, longer than the
         * organisation, so it wins the overlap */
        if (ol >= 2 && i + ol < hi && sc->t[i + ol] == 0x957F /* 長 */ && HIT(sc, i + ol - 1, 1) == 2 &&
            HIT(sc, i + ol, L_PLACE) < 2 /* (not 光大銀行|長春分行) */ &&
            add_cand(sc, i, i + ol + 1, RX_M_ROLE, 4, 0, -1) < 0)
            return -1;
        if (ol && i + ol <= hi && is_han(sc->t[i])) {
            /* a place right before a listed organisation belongs to it
             * (美國國務院, 北京市政府) */
            size_t ps = place_start(sc, lo, i);
            /* not a country before a company (中國大陸紫光集團) */
            bool corp = false;
            for (size_t L = 2; L <= 4 && L + 2 <= ol && !corp; L++)
                corp = company_suffix(sc, i + ol - L, L);
            if (corp && ps < i && ps + country_prefix(sc, ps, i + ol) == i)
                ps = i;
            if (ps < i && !HIT(sc, ps, H_CS(1)) && add_cand(sc, ps, i + ol, RX_M_ORG, 4, 0, -1) < 0)
                return -1;
        }
        bool former;
        size_t rl = role_len(sc, i, hi);
        /* a prefix that ends a word begun before it (目|前總經理, 此|前) is no
         * prefix: the title after it stands alone */
        if (rl && HIT(sc, i, 2 /* B_TPREFIX */) && sc->inside[i])
            rl = 0;
        if (rl) {
            role_at(sc, i, hi, 0, &former);
            size_t e = i + rl;
            /* 董事會 is a body, not a role; a Latin title must be a whole word */
            if (!(e < hi && sc->t[e] == 0x4F1A))
                if (add_cand(sc, i, e, RX_M_ROLE, 2, former ? RX_MF_FORMER : 0, -1) < 0)
                    return -1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ Latin */

typedef struct tok {
    size_t s, e;
} tok;

static bool tok_is(const scan *sc, tok k, int list)
{
    /* the longest entry may carry a final dot the token lacks (Corp. for Corp) */
    size_t h = HIT(sc, k.s, list);
    return h == k.e - k.s || (h == k.e - k.s + 1 && k.e < sc->n && sc->t[k.e] == '.');
}

/* exact-case check for en_stop (stored case-folded): the token must start with
 * the same case as written in the list, which is always capitalised there */
static bool tok_enstop(const scan *sc, tok k)
{
    return tok_is(sc, k, 10) && is_upper(sc->t[k.s]);
}

static bool tok_cap(const scan *sc, tok k)
{
    const uint32_t *t = sc->t;
    if (!is_cap(t[k.s]) && !(k.e - k.s > 3 && (t[k.s] == 'a' || t[k.s] == 'e') && t[k.s + 1] == 'l' &&
                               t[k.s + 2] == '-' && is_upper(t[k.s + 3])))
        return false;
    bool lower = false;
    for (size_t p = k.s; p < k.e; p++) {
        if (is_digit(t[p]))
            return false;
        if (is_lower(t[p]) || (t[p] >= 0xDF && t[p] <= 0x24F))
            lower = true;
    }
    return lower;
}

static bool tok_title(const scan *sc, tok k)
{
    return tok_is(sc, k, 1) || tok_is(sc, k, 2) || (HIT(sc, k.s, 1) > k.e - k.s);
}

/* a capitalised adverb (Similarly, Eventually, Unfortunately): never a name */
static bool tok_adverb(const scan *sc, tok k)
{
    static const char *const ends[] = {"ally", "ntly", "arly", "tely", "vely", "usly", "ibly", "ably", "ssly"};
    if (k.e - k.s < 7 || HIT(sc, k.s, L_EN_GIVEN) == k.e - k.s)
        return false;
    for (size_t c = 0; c < sizeof ends / sizeof ends[0]; c++) {
        size_t x = 0;
        while (x < 4 && sc->t[k.e - 4 + x] == (uint32_t)ends[c][x])
            x++;
        if (x == 4)
            return true;
    }
    return false;
}

/* A word made of a place and "-based" or "-born" (Zurich-based, London-born),
 * or a trade (Chipmaker): it describes the name after it and is no part of
 * it. */
static bool place_adjective(const scan *sc, tok k)
{
    static const char32_t *const ends[] = {U"-based", U"-born", U"-headquartered"};
    /* (and a trade opening a sentence: "Chipmaker X said") */
    static const char32_t *const trades[] = {U"Chipmaker", U"Carmaker", U"Automaker", U"Drugmaker"};
    for (size_t q = 0; q < sizeof trades / sizeof trades[0]; q++)
        if (rx_lit_at(sc->t, k.e, k.s, trades[q]) == k.e - k.s)
            return true;
    for (size_t q = 0; q < sizeof ends / sizeof ends[0]; q++) {
        size_t l = 0;
        while (ends[q][l])
            l++;
        if (k.e - k.s > l + 1 && rx_lit_at(sc->t, k.e, k.e - l, ends[q]) == l)
            return true;
    }
    return false;
}

static bool namey(const scan *sc, tok k)
{
    return tok_cap(sc, k) && !tok_enstop(sc, k) && !tok_title(sc, k) && !tok_is(sc, k, 13) && !tok_adverb(sc, k) &&
           !place_adjective(sc, k);
}

/* a definite article of French, Spanish, Italian or German opening a title of
 * a work or a place (Le Monde, La Florida, Die Haut, Der Spiegel) */
static bool foreign_article(const scan *sc, tok k)
{
    static const char *const arts[] = {"Le", "La", "Les", "Die", "Der", "Das", "El", "Il", "Lo", "Gli", "Het"};
    for (size_t c = 0; c < sizeof arts / sizeof arts[0]; c++) {
        size_t l = strlen(arts[c]), x = 0;
        if (l != k.e - k.s)
            continue;
        while (x < l && sc->t[k.s + x] == (uint32_t)arts[c][x])
            x++;
        if (x == l)
            return true;
    }
    return false;
}

/* a quotation mark around a nickname: Jon "Bowzer" Bauman */
static bool is_quote(uint32_t c) { return c == '"' || c == 0x201C || c == 0x201D; }

/* a Roman regnal number (II, III, IV, XVI) */
static bool roman(const scan *sc, tok k)
{
    if (k.e - k.s > 5)
        return false;
    for (size_t p = k.s; p < k.e; p++)
        if (sc->t[p] != 'I' && sc->t[p] != 'V' && sc->t[p] != 'X')
            return false;
    return true;
}

/* the word before p is "the" (any case) */
static bool after_the(const scan *sc, size_t lo, size_t p)
{
    const uint32_t *t = sc->t;
    if (p < lo + 4 || !is_space(t[p - 1]))
        return false;
    size_t q = p - 1;
    if ((t[q - 1] | 32) != 'e' || (t[q - 2] | 32) != 'h' || (t[q - 3] | 32) != 't')
        return false;
    return q - 3 == lo || !is_alnum(t[q - 4]);
}

/* the word before p (one space between) is one of words[0..n), any case */
static bool word_before(const scan *sc, size_t lo, size_t p, const char *const *words, size_t n)
{
    const uint32_t *t = sc->t;
    if (p <= lo + 1 || !is_space(t[p - 1]))
        return false;
    size_t q = p - 1, w = q;
    while (w > lo && is_alpha(t[w - 1]))
        w--;
    if (w > lo && is_alnum(t[w - 1]))
        return false;
    for (size_t c = 0; c < n; c++) {
        /* (the first letter settles most words without strlen) */
        if (q == w || (t[w] | 32) != (uint32_t)words[c][0])
            continue;
        size_t l = strlen(words[c]), k = 0;
        if (l != q - w)
            continue;
        while (k < l && (t[w + k] | 32) == (uint32_t)words[c][k])
            k++;
        if (k == l)
            return true;
    }
    return false;
}
#define WORD_BEFORE(sc, lo, p, arr) word_before((sc), (lo), (p), (arr), sizeof(arr) / sizeof(arr)[0])

/* the word before p is a preposition that usually introduces a place */
static bool after_place_prep(const scan *sc, size_t lo, size_t p)
{
    static const char *const preps[] = {"in", "at", "from", "to", "near", "into", "across", "throughout", "via", "outside"};
    return WORD_BEFORE(sc, lo, p, preps);
}

/* the word before p introduces a subject or field rather than a person
 * (Department of Homeland Security, Center for Contemporary Craft) */
static bool after_object_prep(const scan *sc, size_t lo, size_t p)
{
    static const char *const on[] = {"on"}, *const of[] = {"of", "for"};
    if (WORD_BEFORE(sc, lo, p, on))
        return true;
    /* "of", "for" after a capitalised word: Department of, Center for (not
     * "son of", "music for") */
    if (!WORD_BEFORE(sc, lo, p, of) || p < lo + 3)
        return false;
    size_t w = p - 1;
    while (w > lo && is_alpha(sc->t[w - 1]))
        w--;
    if (w < lo + 2 || !is_space(sc->t[w - 1]))
        return false;
    size_t v = w - 1;
    while (v > lo && is_alpha(sc->t[v - 1]))
        v--;
    return v < w - 1 && is_cap(sc->t[v]);
}

/* a run right after a noun naming a kind of work is its title (the novel
 * Oliver Twist, the film Anna Karenina); after "New" it is a place (New York
 * Giants, New South Wales) */
/* Does "TITLE at" come right before p ("chief product officer at X")? The
 * word there names where the post is: an organisation. */
static bool title_at_before(const scan *sc, size_t lo, size_t p)
{
    const uint32_t *t = sc->t;
    size_t q = p;
    while (q > lo && is_space(t[q - 1]))
        q--;
    if (q < lo + 3 || q == p || t[q - 1] != 't' || t[q - 2] != 'a' || !is_space(t[q - 3]))
        return false;
    q -= 2;
    while (q > lo && is_space(t[q - 1]))
        q--;
    return title_ends_at(sc, lo, q);
}

/* The run at p follows a word for a club or a company's trade ("Premier
 * League club Ashford City", "truck maker Blue Harbor"): a run of two or
 * three words there is its name. */
static bool after_club_word(const scan *sc, size_t lo, size_t p)
{
    static const char *const words[] = {"club", "outfit", "startup", "start-up", "maker", "carmaker",
                                        "automaker", "chipmaker", "drugmaker"};
    return WORD_BEFORE(sc, lo, p, words);
}

/* Does a verb of hiring or firing staff follow e, maybe after have/has
 * ("the Portland Pioneers have fired")? */
static bool team_verb_after(const scan *sc, size_t e, size_t hi)
{
    static const char *const verbs[] = {"fired", "sacked", "hired", "named", "appointed", "signed",
                                        "parted", "dismissed", "promoted", "traded", "released", "acquired"};
    const uint32_t *t = sc->t;
    size_t a = e;
    for (int pass = 0; pass < 2; pass++) {
        while (a < hi && is_space(t[a]))
            a++;
        size_t b = a;
        while (b < hi && is_lower(t[b]))
            b++;
        if (a == b)
            return false;
        if (rx_ascii_word_in(t, a, b, verbs, sizeof verbs / sizeof verbs[0]))
            return true;
        static const char *const aux[] = {"have", "has", "had"};
        if (!rx_ascii_word_in(t, a, b, aux, 3))
            return false;
        a = b;
    }
    return false;
}

static bool after_work_noun(const scan *sc, size_t lo, size_t p)
{
    static const char *const works[] = {
        "novel", "novella", "film", "movie", "album", "song", "single", "play", "poem", "opera", "series",
        "book", "episode", "sitcom", "musical", "painting", "game", "magazine", "newspaper", "comic", "manga",
        "anime", "show", "programme", "program", "story", "symphony", "concerto", "ballet", "soundtrack",
        "documentary", "drama", "franchise", "brand", "sculpture", "ship", "aircraft", "typhoon",
        "hurricane", "cyclone", "operation", "journal", "newspapers", "films", "novels", "albums", "songs",
        "new"};
    return WORD_BEFORE(sc, lo, p, works);
}

/* the run at p follows a person's possessive (Dante's Divine Comedy; not
 * France's Mathé Altéry) */
static bool after_possessive(const scan *sc, size_t lo, size_t p)
{
    const uint32_t *t = sc->t;
    if (!(p >= lo + 4 && is_space(t[p - 1]) && t[p - 2] == 's' && (t[p - 3] == '\'' || t[p - 3] == 0x2019)))
        return false;
    size_t w = p - 3;
    while (w > lo && is_alpha(t[w - 1]))
        w--;
    tok k = {w, p - 3};
    return w < p - 3 && is_cap(t[w]) && !tok_is(sc, k, L_EN_NONPER) && !tok_is(sc, k, L_EN_COMMON);
}

/* " (1975)" follows: a work with its year, not a person's dates */
static bool year_in_brackets(const scan *sc, size_t e, size_t hi)
{
    const uint32_t *t = sc->t;
    if (e + 7 > hi || !is_space(t[e]) || t[e + 1] != '(')
        return false;
    for (size_t k = e + 2; k < e + 6; k++)
        if (!is_digit(t[k]))
            return false;
    return t[e + 6] == ')';
}

/* text at p (after a name) reads like a person's: "said", "(born", ", who" */
static bool en_cue_after(const scan *sc, size_t p, size_t hi)
{
    static const char *const cues[] = {" said", " says", " told", " died", " was born", " (born", " (b.",
                                       ", who", " who ", " wrote", " stated", " (died", " (c.", " (née"};
    const uint32_t *t = sc->t;
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++) {
        const char *w = cues[c];
        size_t k = 0;
        while (w[k] && p + k < hi && t[p + k] == (uint32_t)(unsigned char)w[k])
            k++;
        if (!w[k] && (p + k >= hi || !is_alpha(t[p + k]) || w[k - 1] == ' '))
            return true;
    }
    return false;
}

static bool cjk_context(const scan *sc, size_t lo, size_t hi, tok k)
{
    size_t p = k.s;
    while (p > lo && is_space(sc->t[p - 1]))
        p--;
    size_t q = k.e;
    while (q < hi && is_space(sc->t[q]))
        q++;
    bool l = p == lo || is_han(sc->t[p - 1]) || !is_alnum(sc->t[p - 1]);
    bool r = q >= hi || is_han(sc->t[q]) || !is_alnum(sc->t[q]);
    return l && r && ((p > lo && is_han(sc->t[p - 1])) || (q < hi && is_han(sc->t[q])));
}

/* an initial: one capital letter, a dot and a space (V. Shantaram) */
/* An organisation ending that takes a "for" or "on" after a name before it
 * (Harvard Center for Population Studies, Westbrook Council on Urban Policy);
 * a company's ending does not (leaves Sony Interactive Ventures for Stanford). */
static bool institution_head(const scan *sc, tok k)
{
    static const char *const heads[] = {"institute", "center", "centre", "council", "committee", "commission",
        "office", "foundation", "society", "association", "school", "college", "academy", "agency", "board",
        "department", "ministry", "bureau", "alliance", "coalition", "fund", "trust", "league", "federation",
        "organization", "organisation", "authority", "administration", "tribunal", "court", "hospital", "clinic",
        "museum", "library"};
    return rx_ascii_word_in(sc->t, k.s, k.e, heads, sizeof heads / sizeof heads[0]);
}

static bool tok_initial(const scan *sc, tok k, size_t hi)
{
    return k.e - k.s == 1 && is_cap(sc->t[k.s]) && k.e + 1 < hi && sc->t[k.e] == '.' && is_space(sc->t[k.e + 1]);
}

/* ", Jr." or " Sr." after a name: its length, else 0 */
static size_t name_suffix(const scan *sc, size_t e, size_t hi)
{
    const uint32_t *t = sc->t;
    size_t q = e;
    if (q < hi && t[q] == ',')
        q++;
    if (q + 3 > hi || !is_space(t[q]) || !((t[q + 1] == 'J' || t[q + 1] == 'S') && t[q + 2] == 'r'))
        return 0;
    q += 3;
    if (q < hi && t[q] == '.')
        q++;
    if (q < hi && is_alnum(t[q]))
        return 0;
    return q - e;
}

/* namey(sc, tk[x]), remembered in memo[x] when x < nmemo */
static bool namey_memo(const scan *sc, const tok *tk, size_t x, int8_t *memo, size_t nmemo)
{
    if (x >= nmemo)
        return namey(sc, tk[x]);
    if (memo[x] < 0)
        memo[x] = namey(sc, tk[x]);
    return memo[x];
}

static int latin_names(scan *sc, size_t lo, size_t hi, tok **toks, size_t *tcap)
{
    const uint32_t *t = sc->t;
    size_t nt = 0;
    for (size_t p = lo; p < hi; p++) {
        if (!is_alpha(t[p]) || (p > lo && is_alnum(t[p - 1])))
            continue;
        size_t q = p;
        while (q < hi && (is_alnum(t[q]) || ((t[q] == '\'' || t[q] == 0x2019 || t[q] == '-' || t[q] == '.') &&
                                               q + 1 < hi && is_alpha(t[q + 1]) && q > p))) {
            if ((t[q] == '\'' || t[q] == 0x2019) && q + 1 < hi && t[q + 1] == 's' &&
                (q + 2 >= hi || !is_alnum(t[q + 2])))
                break; /* possessive 's */
            q++;
        }
        if (nt >= *tcap && !RX_GROW(*toks, *tcap, nt + 1))
            return -1;
        (*toks)[nt++] = (tok){p, q};
        p = q;
    }
    tok *tk = *toks;
    /* namey of the first tokens, worked out once: the checks below ask it
     * of one token several times (-1: not yet) */
    int8_t memo[256];
    size_t nmemo = nt < sizeof memo ? nt : sizeof memo;
    memset(memo, -1, nmemo);
#define NAMEY(x) namey_memo(sc, tk, (x), memo, nmemo)
    for (size_t a = 0; a < nt; a++) {
        /* initials before a surname: V. Shantaram, A. R. Rahman */
        if (tok_initial(sc, tk[a], hi) &&
            (a == 0 || (tk[a - 1].e + 1 < tk[a].s && !tok_initial(sc, tk[a - 1], hi)) || !tok_cap(sc, tk[a - 1])) &&
            !(a > 0 && tok_initial(sc, tk[a - 1], hi) && tk[a].s == tk[a - 1].e + 2)) {
            size_t b = a;
            while (b + 1 < nt && tk[b + 1].s == tk[b].e + 2 && tok_initial(sc, tk[b + 1], hi) && b - a < 2)
                b++;
            if (b + 1 < nt && tk[b + 1].s == tk[b].e + 2 && NAMEY(b + 1)) {
                size_t z = b + 1;
                while (z + 1 < nt && z - b < 2 && tk[z + 1].s == tk[z].e + 1 && is_space(t[tk[z].e]) &&
                       NAMEY(z + 1))
                    z++;
                bool bad = false;
                for (size_t y = b + 1; y <= z; y++)
                    bad = bad || tok_is(sc, tk[y], L_EN_NONPER) || tok_is(sc, tk[y], 6) ||
                          tok_is(sc, tk[y], L_EN_COMMON);
                size_t e = tk[z].e;
                if (!bad && add_cand(sc, tk[a].s, e + name_suffix(sc, e, hi), RX_M_PERSON, 3, 0, -1) < 0)
                    return -1;
                a = z;
                continue;
            }
        }
        /* a title that is also a first name, right before a surname (Dean
         * Marsh, not "the dean"), starts a name */
        bool title_given = !NAMEY(a) && tok_title(sc, tk[a]) && tok_cap(sc, tk[a]) &&
                           HIT(sc, tk[a].s, L_EN_GIVEN) == tk[a].e - tk[a].s && a + 1 < nt &&
                           tk[a + 1].s == tk[a].e + 1 && is_space(t[tk[a].e]) && NAMEY(a + 1);
        if (!NAMEY(a) && !title_given)
            continue;
        /* an organisation from the lexicon at the start of a run stands alone,
         * unless the run goes on into a longer organisation's name (Sony
         * Interactive Ventures, Liverpool School of Maritime Law) */
        size_t lex_oe = 0;
        if (HIT(sc, tk[a].s, H_CS(1)) && !(HIT(sc, tk[a].s, H_CS(0)) >= HIT(sc, tk[a].s, H_CS(1))))
            lex_oe = tk[a].s + HIT(sc, tk[a].s, H_CS(1));
        size_t b = a;
        bool org = false;
        while (b + 1 < nt) {
            size_t gap = tk[b + 1].s - tk[b].e;
            /* a nickname in quotes or brackets: Jon "Bowzer" Bauman, Conrad (Gus) Shinn */
            if (gap == 2 && is_space(t[tk[b].e]) && b + 2 < nt && tk[b + 1].e + 1 < hi &&
                ((is_quote(t[tk[b].e + 1]) && is_quote(t[tk[b + 1].e])) ||
                 (t[tk[b].e + 1] == '(' && t[tk[b + 1].e] == ')')) &&
                NAMEY(b + 1) && is_space(t[tk[b + 1].e + 1]) && tk[b + 2].s == tk[b + 1].e + 2 &&
                NAMEY(b + 2) && NAMEY(b)) {
                b += 2;
                continue;
            }
            if (gap != 1 || !is_space(t[tk[b].e]))
                break;
            /* a company suffix that is also a stop word (Acme Corp., Foo Inc.) */
            if (!NAMEY(b + 1) && is_upper(t[tk[b + 1].s]) && tk[b + 1].e - tk[b + 1].s <= 4 &&
                tok_is(sc, tk[b + 1], 6) && tok_enstop(sc, tk[b + 1])) {
                b++;
                org = true;
                break;
            }
            if (NAMEY(b + 1)) {
                b++;
                continue;
            }
            /* middle initials: Robert F. X. Sillerman */
            if (tk[b + 1].s == tk[b].e + 1 && tok_initial(sc, tk[b + 1], hi) && b + 2 < nt &&
                tk[b + 2].s == tk[b + 1].e + 2 && tok_initial(sc, tk[b + 2], hi)) {
                size_t z = b + 2;
                while (z + 1 < nt && tk[z + 1].s == tk[z].e + 2 && tok_initial(sc, tk[z + 1], hi))
                    z++;
                if (z + 1 < nt && tk[z + 1].s == tk[z].e + 2 && NAMEY(z + 1)) {
                    b = z + 1;
                    continue;
                }
            }
            /* a middle initial: Robert P. Lockwood */
            if (tk[b + 1].e - tk[b + 1].s == 1 && is_upper(t[tk[b + 1].s]) && tk[b + 1].e + 1 < hi &&
                t[tk[b + 1].e] == '.' && b + 2 < nt && tk[b + 2].s == tk[b + 1].e + 2 &&
                is_space(t[tk[b + 1].e + 1]) && NAMEY(b + 2)) {
                b += 2;
                continue;
            }
            /* a regnal number: Benedict XVI, John Paul II */
            if (roman(sc, tk[b + 1])) {
                b++;
                continue; /* Sigismund III Vasa; ends the run unless a name follows */
            }
            /* particles inside a name: Robin van Persie, Ana de la Cruz */
            if (tok_is(sc, tk[b + 1], 11) && is_lower(t[tk[b + 1].s]) && b + 2 < nt &&
                tk[b + 2].s - tk[b + 1].e == 1 && NAMEY(b + 2)) {
                b += 2;
                continue;
            }
            if (tok_is(sc, tk[b + 1], 11) && is_lower(t[tk[b + 1].s]) && b + 3 < nt &&
                tk[b + 2].s - tk[b + 1].e == 1 && tok_is(sc, tk[b + 2], 11) && is_lower(t[tk[b + 2].s]) &&
                tk[b + 3].s - tk[b + 2].e == 1 && NAMEY(b + 3)) {
                b += 3;
                continue;
            }
            /* University of Westbrook, Board of Governors, Institute for Applied
             * Study, Council on Urban Policy, Office of Parks and Recreation */
            if (tok_is(sc, tk[b], 6) && b + 2 < nt && tk[b + 2].s - tk[b + 1].e == 1 &&
                tk[b + 1].s - tk[b].e == 1 && tok_cap(sc, tk[b + 2]) && !tok_enstop(sc, tk[b + 2]) &&
                ((tk[b + 1].e - tk[b + 1].s == 2 && t[tk[b + 1].s] == 'o' && t[tk[b + 1].s + 1] == 'f') ||
                 ((b == a || institution_head(sc, tk[b])) &&
                  ((tk[b + 1].e - tk[b + 1].s == 2 && t[tk[b + 1].s] == 'o' && t[tk[b + 1].s + 1] == 'n') ||
                   (tk[b + 1].e - tk[b + 1].s == 3 && t[tk[b + 1].s] == 'f' && t[tk[b + 1].s + 1] == 'o' &&
                    t[tk[b + 1].s + 2] == 'r'))))) {
                b += 2;
                org = true;
                for (;;) {
                    while (b + 1 < nt && tk[b + 1].s - tk[b].e == 1 && NAMEY(b + 1))
                        b++;
                    /* "and" joining two capitalised fields */
                    if (b + 2 < nt && tk[b + 1].s - tk[b].e == 1 && tk[b + 1].e - tk[b + 1].s == 3 &&
                        t[tk[b + 1].s] == 'a' && t[tk[b + 1].s + 1] == 'n' && t[tk[b + 1].s + 2] == 'd' &&
                        tk[b + 2].s - tk[b + 1].e == 1 && NAMEY(b + 2) &&
                        !(b + 3 < nt && tk[b + 3].s - tk[b + 2].e == 1 && tk[b + 3].e - tk[b + 3].s == 2 &&
                          t[tk[b + 3].s] == 'o' && t[tk[b + 3].s + 1] == 'f')) {
                        b += 2;
                        continue;
                    }
                    break;
                }
                break;
            }
            break;
        }
        /* an upper-case legal form the run did not take (Norvale AG, Vossen SE) */
        if (!org && b + 1 < nt && tk[b + 1].s == tk[b].e + 1 && is_space(t[tk[b].e]) && tok_is(sc, tk[b + 1], 6) &&
            is_upper(t[tk[b + 1].s]) && is_upper(t[tk[b + 1].e - 1]))
            b++;
        size_t s = tk[a].s, e = tk[b].e;
        size_t nw = b - a + 1;
        if (tok_is(sc, tk[b], 6) && nw >= 2)
            org = true;
        if (!org && nw >= 2 && nw <= 3 && after_club_word(sc, lo, s))
            org = true;
        /* a team: "The Portland Pioneers fired their coach" (a plural name
         * after "the", acting on its staff) */
        if (!org && nw >= 2 && nw <= 3 && t[e - 1] == 's' && after_the(sc, lo, s) && team_verb_after(sc, e, hi))
            org = true;
        if (lex_oe && !(org && e > lex_oe + 1)) {
            while (a + 1 < nt && tk[a + 1].s < lex_oe)
                a++;
            continue;
        }
        /* Pope Benedict XVI, King Henry, Sir Edmund Hillary: the honorific is
         * not part of the name, and makes what follows a person */
        bool hon_first = false;
        size_t a0 = a; /* first token of the name proper */
        if (!org && nw >= 2) {
            /* the last honorific or rank of the run starts the name (Lieutenant
             * General Anna Berg, Ohio Governor Tom Reed) */
            for (size_t z = b; z-- > a;)
                if (tok_is(sc, tk[z], L_EN_HON)) {
                    hon_first = true;
                    a0 = z + 1;
                    break;
                }
            if (hon_first) {
                s = tk[a0].s;
                nw = b - a0 + 1;
                if (a0 > a + 1 && nw == 1) {
                    a = b; /* Attorney General Smith: no first name */
                    continue;
                }
            }
        }
        /* a run with a word that never occurs in personal names (World War,
         * York City) or after "the" (the Soviet Union) is no person; nor is
         * one that opens with a foreign article (Le Monde, Die Haut) */
        bool nonper = false;
        for (size_t z = a0; z <= b && !org; z++)
            if (tok_is(sc, tk[z], L_EN_NONPER))
                nonper = true;
        /* "the Anna Berg interview": a known first name and surname used
         * as a modifier of a lower-case noun */
        bool the_mod = nw >= 2 && HIT(sc, tk[a0].s, L_EN_GIVEN) == tk[a0].e - tk[a0].s && e + 1 < hi &&
                       is_space(t[e]) && is_lower(t[e + 1]);
        if (!org && (nonper || (!hon_first && ((after_the(sc, lo, tk[a].s) && !the_mod) ||
                                               foreign_article(sc, tk[a]))))) {
            a = b;
            continue;
        }
        if (org) {
            /* Inc. Corp. Ltd. Co.: only a suffix listed with its dot takes
             * the dot; elsewhere it ends the sentence (Brightline Labs.) */
            if (e < hi && t[e] == '.' && HIT(sc, tk[b].s, 6) == tk[b].e - tk[b].s + 1)
                e++;
            /* an acronym before the name: US Airways Group, NHS Foundation Trust */
            if (a > 0 && tk[a - 1].e + 1 == tk[a].s && is_space(t[tk[a - 1].e]) &&
                tk[a - 1].e - tk[a - 1].s >= 2 && tk[a - 1].e - tk[a - 1].s <= 5 && !tok_enstop(sc, tk[a - 1])) {
                bool caps = true;
                for (size_t q = tk[a - 1].s; q < tk[a - 1].e && caps; q++)
                    caps = is_upper(t[q]);
                if (caps)
                    s = tk[a - 1].s;
            }
            /* New York Giants, New Zealand Herald: "New" is a stop word elsewhere */
            if (s == tk[a].s && s >= lo + 4 && is_space(t[s - 1]) && t[s - 4] == 'N' && t[s - 3] == 'e' &&
                t[s - 2] == 'w' && (s - 4 == lo || !is_alnum(t[s - 5])))
                s -= 4;
            if (add_cand(sc, s, e, RX_M_ORG, 3, 0, -1) < 0)
                return -1;
        } else if (nw >= 2 && nw <= 4) {
            size_t nn = HIT(sc, s, H_CS(2));
            size_t fl = tk[a0].e - s;
            bool given = HIT(sc, s, L_EN_GIVEN) == fl;
            /* an unknown first name needs support: a title or occupation
             * before it, a middle initial, or a person cue after it */
            bool initial = false;
            for (size_t z = a0; z <= b; z++)
                if (tk[z].e - tk[z].s == 1 && tk[z].e < hi && t[tk[z].e] == '.')
                    initial = true;
            bool weak = !given && !hon_first && !initial && !title_ends_at(sc, lo, s) &&
                        !cue_before(sc, lo, s) && !en_cue_after(sc, e, hi);
            /* without support, a run after a preposition of place (in São
             * Paulo, from Great Britain) is taken as a place */
            bool common = false;
            for (size_t z = a0; z <= b && weak; z++)
                if (tok_is(sc, tk[z], L_EN_COMMON))
                    common = true;
            if (weak && (common || after_place_prep(sc, lo, s) || after_object_prep(sc, lo, s) ||
                         after_possessive(sc, lo, s))) {
                a = b;
                continue;
            }
            if (!hon_first && (after_work_noun(sc, lo, s) || year_in_brackets(sc, e, hi))) {
                a = b;
                continue;
            }
            if (nn != e - s && add_cand(sc, s, e + name_suffix(sc, e, hi), RX_M_PERSON, 3, 0, -1) < 0)
                return -1;
        } else if (nw == 1) {
            /* Mr. Smith; 賞金獵人 Johns 說; Anthropic 公司 */
            size_t p = s;
            while (p > lo && (is_space(t[p - 1]) || t[p - 1] == '.'))
                p--;
            bool hon = false;
            if (p > lo) {
                size_t q = p;
                while (q > lo && is_alpha(t[q - 1]))
                    q--;
                /* Mr Mrs Ms Dr (not My, May) */
                hon = (p - q == 2 && ((t[q] == 'M' && (t[q + 1] == 'r' || t[q + 1] == 's')) ||
                                      (t[q] == 'D' && t[q + 1] == 'r'))) ||
                      (p - q == 3 && t[q] == 'M' && t[q + 1] == 'r' && t[q + 2] == 's');
            }
            size_t q = e;
            while (q < hi && is_space(t[q]))
                q++;
            bool cjk = cjk_context(sc, lo, hi, tk[a]);
            /* (an English cue word after the token only in Chinese text:
             * "Tech startup X", "Mining company Y" name a trade) */
            bool orgcue = (q < hi && HIT(sc, q, 12) && (cjk || is_han(t[q]))) || ends_at(sc, lo, p, 12) ||
                          (title_at_before(sc, lo, s) && !tok_is(sc, tk[a], L_PLACE) && !tok_is(sc, tk[a], L_EN_GIVEN));
            bool cue = q < hi && is_han(t[q]) && HIT(sc, q, 7) >= 2;
            bool tl = title_ends_at(sc, lo, s);
            /* after a noun for a person (選手 Alex, 製片人Steven, 玩家 Kiro):
             * a mixed-case word, not an acronym, a listed common word or a
             * supplier's product (供應商 Intel) */
            bool pn = false;
            if (cjk && p > lo && is_han(t[p - 1]) && (cclass(sc, t[p - 1]) & CC_PNOUN) && t[p - 1] != 0x5546 /* 商 */ &&
                !tok_is(sc, tk[a], L_EN_COMMON) && !tok_is(sc, tk[a], L_EN_NONPER))
                for (size_t z = s + 1; z < e && !pn; z++)
                    pn = is_lower(t[z]);
            /* in Chinese text, a single word before a title (Quillstone 執行長
             * 陳思齊) or after a verb that takes an organisation (加入 Cohere
             * 擔任) is a body, not a person */
            if (cjk && !orgcue && !hon && !tl) {
                static const char32_t *const takes_org[] = {U"加入", U"加盟", U"离开", U"转投", U"跳槽到", U"跳槽至",
                                                            U"入职", U"旗下", U"新创"};
                orgcue = q < hi && is_han(t[q]) && role_len(sc, q, hi) > 0 && !tok_is(sc, tk[a], L_EN_COMMON);
                for (size_t w = 0; w < sizeof takes_org / sizeof takes_org[0] && !orgcue && p > lo; w++) {
                    size_t L = 0;
                    while (takes_org[w][L])
                        L++;
                    orgcue = p >= lo + L && rx_lit_at(t, p, p - L, takes_org[w]) == L;
                }
            }
            if (orgcue && !hon) {
                if (add_cand(sc, s, e, RX_M_ORG, 2, 0, -1) < 0)
                    return -1;
            } else if (hon || (cjk && (cue || tl || pn))) {
                if (add_cand(sc, s, e, RX_M_PERSON, 2, 0, -1) < 0)
                    return -1;
            }
        }
        a = b;
    }
    return 0;
}
#undef NAMEY

/* ------------------------------------------------------------------ pronouns */

/* Is the word before i (in the sentence from lo) a verb that takes a person
 * to a post or from it ("elected him", "fired her")? */
static bool object_of_change(const uint32_t *t, size_t lo, size_t i)
{
    static const char *const verbs[] = {"named", "appointed", "elected", "promoted", "hired", "fired", "dismissed",
                                        "sacked", "replaced", "succeeded", "made", "tapped", "chose", "picked",
                                        "ousted", "removed", "reinstated", "rehired", "poached", "signed",
                                        "nominated", "recruited", "installed", "demoted", "suspended", "succeed",
                                        "succeeds", "succeeding", "replace", "replaces", "replacing"};
    size_t e = i;
    while (e > lo && t[e - 1] == ' ')
        e--;
    size_t s = e;
    while (s > lo && is_lower(t[s - 1] | 32) && is_alpha(t[s - 1]))
        s--;
    return s < e && e < i && rx_ascii_word_in(t, s, e, verbs, sizeof verbs / sizeof verbs[0]);
}

static int pronouns(scan *sc, size_t lo, size_t hi)
{
    const uint32_t *t = sc->t;
    for (size_t i = lo; i < hi; i++) {
        while (i < hi && !(sc->lists[i] & (B_PRON_P | B_PRON_O)) && !(sc->cls[i] & CL_PRON))
            i++;
        if (i >= hi)
            break;
        uint32_t c = t[i];
        /* nothing below applies elsewhere */
        if (!(sc->lists[i] & (B_PRON_P | B_PRON_O)) && c != 0x4ED6 && c != 0x5979 && c != 0x516C)
            continue;
        if (c == 0x4ED6 || c == 0x5979) { /* 他 她 */
            uint32_t nx = i + 1 < hi ? t[i + 1] : 0, pv = i > lo ? t[i - 1] : 0;
            if (nx == 0x4EEC || nx == 0x4EBA || nx == 0x56FD || nx == 0x4E61 || nx == 0x5904 ||
                nx == 0x65E5 || nx == 0x804C || nx == 0x65B9 || pv == 0x5176 || pv == 0x5409)
                continue; /* 他们 他人 他国 他乡 他处 他日 他职 他方 其他 吉他 */
            if (add_cand(sc, i, i + 1, RX_M_PERSON, 1, RX_MF_PRONOUN, -1) < 0)
                return -1;
            continue;
        }
        if ((c == 'h' || c == 'H' || c == 's' || c == 'S') && (i == lo || !is_alnum(t[i - 1]))) {
            size_t l = HIT(sc, i, 13);
            if (l && (is_lower(t[i + 1]) || l == 1)) {
                unsigned f = RX_MF_PRONOUN;
                if (l == 3 && (t[i] | 32) == 'h') { /* him her: objects of a verb of change only */
                    if (!object_of_change(t, lo, i))
                        continue;
                    f |= RX_MF_OBJECT;
                }
                if (add_cand(sc, i, i + l, RX_M_PERSON, 1, f, -1) < 0)
                    return -1;
                continue;
            }
        }
        size_t ol = HIT(sc, i, 14);
        if (ol) {
            if (add_cand(sc, i, i + ol, RX_M_ORG, 1, RX_MF_PRONOUN, -1) < 0)
                return -1;
            i += ol - 1;
            continue;
        }
        /* bare 公司 after 离开 / 加入 */
        if (c == 0x516C && i + 1 < hi && t[i + 1] == 0x53F8 && i >= lo + 2 &&
            ((t[i - 2] == 0x79BB && t[i - 1] == 0x5F00) || (t[i - 2] == 0x52A0 && t[i - 1] == 0x5165))) {
            if (add_cand(sc, i, i + 2, RX_M_ORG, 1, RX_MF_PRONOUN, -1) < 0)
                return -1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ zero subjects */

static inline bool clause_sep(uint32_t c)
{
    if (c < 0x80)
        return c == ',' || c == ';' || c == ':';
    return c - 0xFF0Cu <= 0x0Fu && (c == 0xFF0C || c == 0xFF1A || c == 0xFF1B); /* ， ： ； */
}

/* Can a clause opener (below) start with c? A quick filter. */
static bool opener_char(uint32_t c)
{
    switch (c) {
    case U'并': case U'随': case U'其': case U'之': case U'后': case U'此': case U'旋': case U'同': case U'次':
    case U'翌': case U'稍': case U'继': case U'遂': case U'亦': case U'也': case U'在': case U'于': case U'自':
    case U'从': case U'作': case U'以': case U'已': case U'将': case U'曾': case U'今': case U'去': case U'明':
    case U'年': case U'月': case U'目': case U'现': case U'正': case U'先':
        return true;
    default:
        return false;
    }
}

/* How a clause without a subject begins: a connective that carries the
 * subject on (並, 隨後, 同時), a preposition of time or place (在, 於, 自),
 * a date, or a verb that follows names (擔任, 加入, 宣布). Only connectives
 * open a sentence without a subject; the rest need a clause before them. */
static bool zero_opener(const scan *sc, size_t p, size_t hi, bool sentence_start)
{
    static const char32_t *const conn[] = {
        U"并于", U"并在", U"并将", U"并已", U"并", U"随后", U"随即", U"其后", U"之后", U"后来", U"此后", U"旋即", U"同时", U"同年",
        U"次年", U"翌年", U"稍后", U"继而", U"遂", U"亦", U"也将", U"也已", U"也"};
    static const char32_t *const lead[] = {U"在", U"于", U"自", U"从", U"作为", U"以", U"已于", U"已经", U"已", U"将于", U"将", U"曾",
                                       U"今年", U"去年", U"明年", U"年初", U"年底", U"月初", U"月底", U"目前", U"现", U"正式", U"先后"};
    const uint32_t *t = sc->t;
    if (!opener_char(t[p]))
        return is_digit(t[p]) || (!sentence_start && HIT(sc, p, 7) >= 2 && !role_len(sc, p, hi));
    if (word_at(t, p, hi, conn, sizeof conn / sizeof conn[0]))
        return true;
    if (sentence_start)
        return false;
    return word_at(t, p, hi, lead, sizeof lead / sizeof lead[0]) || is_digit(t[p]) ||
           (HIT(sc, p, 7) >= 2 && !role_len(sc, p, hi));
}

/* Is the name at p (in a clause from b) the object of a verb right before
 * it (接替馬雲, 任命王明), so that the clause may still lack its subject? */
static bool object_of_verb(const uint32_t *t, size_t b, size_t p)
{
    static const char32_t *const verbs[] = {U"接替", U"接任", U"取代", U"顶替", U"替代", U"任命", U"委任",
                                           U"聘任", U"聘请", U"解雇", U"撤换", U"接棒"};
    if (p < b + 2)
        return false;
    for (size_t w = 0; w < sizeof verbs / sizeof verbs[0]; w++)
        if (rx_lit_at(t, p, p - 2, verbs[w]))
            return true;
    return false;
}

/* Chinese drops the subject a clause shares with the one before it
 * (嚴志雄在2017年獲委任為董事，並在2018年起擔任行政總裁; 沈向洋：1996年，在
 * 雷德蒙德加入了微軟研究院). At the start of such a clause, one with no person
 * in it and no organisation as its subject, a zero-width pronoun stands for
 * the subject; rx_resolve gives it its antecedent like 他, so that rules
 * written for "{person} 擔任 {role}" read the clause too. The mentions stay
 * sorted by start, a zero-width one before others at the same place. */
static int zero_subjects(const scan *sc, rx_doc *doc)
{
    const uint32_t *t = sc->t;
    rx_mention *add = NULL;
    size_t na = 0, acap = 0;
    size_t mi = 0;
    bool seen_person = false;
    for (size_t si = 0; si < doc->nsent; si++) {
        size_t lo = doc->sent[si].start, hi = doc->sent[si].end;
        if (hi > sc->n)
            hi = sc->n;
        /* a clause without a Han character has no zero subject, and the
         * mentions it passes are counted at the next clause */
        if (!sc->sent_han[si])
            continue;
        for (size_t p = lo, q; p < hi; p = q + 1) {
            q = p;
            while (q < hi && !clause_sep(t[q]))
                q++;
            size_t b = p;
            while (b < q && is_space(t[b]))
                b++;
            if (b >= q || !(is_han(t[b]) || is_digit(t[b])))
                continue;
            /* mentions before b tell whether a person came before */
            while (mi < doc->nm && doc->m[mi].start < b) {
                if (doc->m[mi].type == RX_M_PERSON)
                    seen_person = true;
                mi++;
            }
            if (!seen_person || !zero_opener(sc, b, q, p == lo))
                continue;
            /* a clause that is only a date (2013年11月,) has no subject to imply */
            size_t z = b;
            while (z < q && (is_digit(t[z]) || is_space(t[z]) || t[z] == 0x5E74 || t[z] == 0x6708 || t[z] == 0x65E5 ||
                             t[z] == 0x53F7 || t[z] == '.' || t[z] == '/' || t[z] == '-'))
                z++; /* 年 月 日 号 */
            if (z == q)
                continue;
            /* Chinese clauses only ("Lindqvist, 61, joined" has its subject) */
            while (z < q && !is_han(t[z]))
                z++;
            if (z == q)
                continue;
            bool subject = false;
            for (size_t k = mi; k < doc->nm && doc->m[k].start < q && !subject; k++)
                subject = (doc->m[k].type == RX_M_PERSON && !object_of_verb(t, b, doc->m[k].start)) ||
                          (doc->m[k].type == RX_M_ORG && doc->m[k].start <= b + 2);
            if (subject)
                continue;
            if (na >= acap && !RX_GROW(add, acap, na + 1)) {
                free(add);
                return -1;
            }
            add[na++] = (rx_mention){b, b, RX_M_PERSON, -1, RX_MF_PRONOUN | RX_MF_ZERO};
        }
    }
    if (!na)
        return 0;
    size_t n = doc->nm;
    if (!RX_GROW(doc->m, doc->mcap, n + na)) {
        free(add);
        return -1;
    }
    /* merge from the back: on equal starts the zero-width mention goes first */
    size_t i = n, j = na, w = n + na;
    while (j > 0) {
        if (i > 0 && doc->m[i - 1].start >= add[j - 1].start)
            doc->m[--w] = doc->m[--i];
        else
            doc->m[--w] = add[--j];
    }
    doc->nm = n + na;
    free(add);
    return 0;
}

/* ------------------------------------------------------------------ sorting */

/* name(a, n): a stable merge sort of a[0..n) by BEFORE(x, y) ("x strictly
 * before y"), inlined comparisons instead of qsort's calls; the same order
 * as any stable sort. Returns false when out of memory (a unchanged). */
#define STABLE_SORT(name, T, BEFORE)                                                            \
    static void name##_runs(T *a, size_t n)                                                     \
    {                                                                                           \
        for (size_t r = 1; r < n; r++) {                                                        \
            T x_ = a[r];                                                                        \
            size_t j_ = r;                                                                      \
            for (; j_ > 0 && BEFORE(&x_, &a[j_ - 1]); j_--)                                    \
                a[j_] = a[j_ - 1];                                                              \
            a[j_] = x_;                                                                         \
        }                                                                                       \
    }                                                                                           \
    static bool name(T *a, size_t n)                                                            \
    {                                                                                           \
        enum { RUN_ = 16 };                                                                     \
        if (n <= RUN_) {                                                                        \
            name##_runs(a, n);                                                                  \
            return true;                                                                        \
        }                                                                                       \
        T *tmp_ = malloc(n * sizeof *tmp_);                                                     \
        if (!tmp_)                                                                              \
            return false;                                                                       \
        for (size_t r = 0; r < n; r += RUN_)                                                    \
            name##_runs(a + r, n - r < RUN_ ? n - r : RUN_);                                    \
        T *src_ = a, *dst_ = tmp_;                                                              \
        for (size_t w = RUN_; w < n; w *= 2) {                                                  \
            for (size_t lo_ = 0; lo_ < n; lo_ += 2 * w) {                                       \
                size_t mid_ = n - lo_ > w ? lo_ + w : n;                                        \
                size_t hi_ = n - mid_ > w ? mid_ + w : n;                                       \
                size_t i_ = lo_, j_ = mid_, k_ = lo_;                                           \
                while (i_ < mid_ && j_ < hi_)                                                   \
                    dst_[k_++] = BEFORE(&src_[j_], &src_[i_]) ? src_[j_++] : src_[i_++];        \
                while (i_ < mid_)                                                               \
                    dst_[k_++] = src_[i_++];                                                    \
                while (j_ < hi_)                                                                \
                    dst_[k_++] = src_[j_++];                                                    \
            }                                                                                   \
            T *sw_ = src_;                                                                      \
            src_ = dst_;                                                                        \
            dst_ = sw_;                                                                         \
        }                                                                                       \
        if (src_ != a)                                                                          \
            memcpy(a, src_, n * sizeof *a);                                                     \
        free(tmp_);                                                                             \
        return true;                                                                            \
    }

/* ------------------------------------------------------------------ weak names */

static uint64_t span_hash(const uint32_t *t, size_t s, size_t e)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = s; i < e; i++)
        h = (h ^ t[i]) * 1099511628211ull;
    return h;
}

typedef struct hkey {
    uint64_t h;
    size_t i;
} hkey;

static int cmp_hkey(const void *a, const void *b)
{
    const hkey *x = a, *y = b;
    return x->h < y->h ? -1 : x->h > y->h ? 1 : (x->i < y->i ? -1 : x->i > y->i);
}
#define HKEY_BEFORE(x, y) ((x)->h < (y)->h || ((x)->h == (y)->h && (x)->i < (y)->i))
STABLE_SORT(sort_hkeys, hkey, HKEY_BEFORE)

/* The first of the n sorted keys k whose hash is not below h (n when none). */
static size_t hkey_first(const hkey *k, size_t n, uint64_t h)
{
    size_t a = 0, b = n;
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (k[m].h < h)
            a = m + 1;
        else
            b = m;
    }
    return a;
}

/* a confirmed Chinese name of 3-5 characters, a longer form of which a
 * candidate elsewhere may start (extend_to_known) */
static bool known_han_name(const scan *sc, const cand *c)
{
    return c->type == RX_M_PERSON && !c->weak && !(c->flags & RX_MF_PRONOUN) && c->e - c->s >= 3 && c->e - c->s <= 5 &&
           is_han(sc->t[c->s]);
}

/* A Chinese name found elsewhere in the document (after a title, 社長松井隆之)
 * that a shorter candidate here is the start of (松井隆|之表示, where the soft
 * 之 was refused) is the name here too: the longer form is added, and wins
 * the overlap by its length. */
static int extend_to_known(scan *sc)
{
    size_t nk = 0, n0 = sc->nc;
    for (size_t i = 0; i < n0; i++)
        nk += known_han_name(sc, &sc->c[i]);
    if (!nk)
        return 0;
    hkey *k = malloc(nk * sizeof *k);
    if (!k)
        return -1;
    nk = 0;
    for (size_t i = 0; i < n0; i++) {
        const cand *c = &sc->c[i];
        if (known_han_name(sc, c))
            k[nk++] = (hkey){span_hash(sc->t, c->s, c->e), i};
    }
    if (!sort_hkeys(k, nk))
        qsort(k, nk, sizeof *k, cmp_hkey);
    int rc = 0;
    for (size_t i = 0; i < n0 && rc == 0; i++) {
        cand c = sc->c[i];
        if (c.type != RX_M_PERSON || (c.flags & RX_MF_PRONOUN) || c.e - c.s < 2 || !is_han(sc->t[c.s]))
            continue;
        uint64_t h = span_hash(sc->t, c.s, c.e);
        for (size_t x = 1; x <= 2 && c.e + x <= sc->n && is_han(sc->t[c.e + x - 1]); x++) {
            h = (h ^ sc->t[c.e + x - 1]) * 1099511628211ull;
            size_t a = hkey_first(k, nk, h);
            bool found = false;
            for (; a < nk && k[a].h == h && !found; a++) {
                const cand *o = &sc->c[k[a].i];
                found = o->e - o->s == c.e + x - c.s && o->s != c.s &&
                        !memcmp(sc->t + o->s, sc->t + c.s, (o->e - o->s) * sizeof *sc->t);
            }
            if (found) {
                rc = add_cand(sc, c.s, c.e + x, RX_M_PERSON, c.prio, c.flags & ~(unsigned)(CF_WEAK3 | CF_WEAK_LIST | CF_WEAK_DOC), c.group);
                break;
            }
        }
    }
    free(k);
    return rc;
}

/* Keep a weak Chinese name when the same string is a confirmed name elsewhere,
 * occurs twice as a weak one, or stands in a 、 list next to another name. */
static int confirm_weak(scan *sc)
{
    /* without a weak candidate nothing below drops one: only the tidying at
     * the end is left to do */
    bool any_weak = false;
    for (size_t i = 0; i < sc->nc && !any_weak; i++)
        any_weak = sc->c[i].weak;
    if (!any_weak) {
        for (size_t i = 0; i < sc->nc; i++)
            sc->c[i].flags &= ~CF_WEAK_DOC;
        return 0;
    }
    size_t nk = 0;
    hkey *k = malloc((sc->nc + 1) * sizeof *k);
    if (!k)
        return -1;
    for (size_t i = 0; i < sc->nc; i++)
        if (sc->c[i].type == RX_M_PERSON && !(sc->c[i].flags & RX_MF_PRONOUN))
            k[nk++] = (hkey){span_hash(sc->t, sc->c[i].s, sc->c[i].e), i};
    if (!sort_hkeys(k, nk))
        qsort(k, nk, sizeof *k, cmp_hkey);
    bool *ok = calloc(sc->nc + 1, sizeof *ok);
    if (!ok) {
        free(k);
        return -1;
    }
    for (size_t a = 0; a < nk;) {
        size_t b = a;
        size_t weak = 0, strong = 0, low = 0;
        while (b < nk && k[b].h == k[a].h) {
            if (!sc->c[k[b].i].weak)
                strong++;
            else if (!(sc->c[k[b].i].flags & CF_WEAK_DOC))
                weak++;
            else
                low++;
            b++;
        }
        for (size_t q = a; q < b; q++) {
            unsigned f = sc->c[k[q].i].flags;
            if (strong || (weak >= 2 && !(f & CF_WEAK_DOC)) || (weak >= 1 && weak + low >= 2) || (f & CF_WEAK3))
                ok[k[q].i] = true;
        }
        a = b;
    }
    /* lists: two or more weak names joined by 、 (person candidates that
     * start or end at each position, so that this stays linear) */
    uint8_t *pe = calloc(sc->n + 2, 1);
    if (!pe) {
        free(ok);
        free(k);
        return -1;
    }
    for (size_t i = 0; i < sc->nc; i++) {
        cand *d = &sc->c[i];
        if (d->type == RX_M_PERSON && !(d->flags & RX_MF_PRONOUN))
            pe[d->s] |= 1, pe[d->e] |= 2;
    }
    for (size_t i = 0; i < sc->nc; i++) {
        cand *c = &sc->c[i];
        if (!c->weak || !(c->flags & CF_WEAK_LIST))
            continue;
        /* another name after "、" or before it (this one's own start and end
         * are marked too, but a name is never next to itself) */
        if ((c->e < sc->n && sc->t[c->e] == 0x3001 && (pe[c->e + 1] & 1)) ||
            (c->s > 0 && sc->t[c->s - 1] == 0x3001 && (pe[c->s - 1] & 2)))
            ok[i] = true;
    }
    free(pe);
    size_t w = 0;
    for (size_t i = 0; i < sc->nc; i++) {
        if (sc->c[i].weak && !ok[i])
            continue;
        sc->c[i].weak = false;
        sc->c[i].flags &= ~CF_WEAK_DOC;
        sc->c[w++] = sc->c[i];
    }
    sc->nc = w;
    free(ok);
    free(k);
    return 0;
}

/* One string, one kind within a document: a Chinese name candidate found
 * without a lexicon (霍芬海打弱旅) whose exact string is an organisation
 * candidate elsewhere (霍芬海vs比勒菲) is that organisation. */
static int same_string_org(scan *sc)
{
    size_t no = 0;
    for (size_t i = 0; i < sc->nc; i++)
        no += sc->c[i].type == RX_M_ORG;
    if (!no)
        return 0;
    hkey *k = malloc(no * sizeof *k);
    if (!k)
        return -1;
    no = 0;
    for (size_t i = 0; i < sc->nc; i++)
        if (sc->c[i].type == RX_M_ORG)
            k[no++] = (hkey){span_hash(sc->t, sc->c[i].s, sc->c[i].e), i};
    if (!sort_hkeys(k, no))
        qsort(k, no, sizeof *k, cmp_hkey);
    for (size_t i = 0; i < sc->nc; i++) {
        cand *c = &sc->c[i];
        if (c->type != RX_M_PERSON || c->group >= 0 || (c->flags & RX_MF_PRONOUN) || !is_han(sc->t[c->s]))
            continue;
        uint64_t h = span_hash(sc->t, c->s, c->e);
        for (size_t a = hkey_first(k, no, h); a < no && k[a].h == h; a++) {
            const cand *o = &sc->c[k[a].i];
            if (o->e - o->s == c->e - c->s && !memcmp(sc->t + o->s, sc->t + c->s, (c->e - c->s) * sizeof *sc->t)) {
                c->type = RX_M_ORG;
                break;
            }
        }
    }
    free(k);
    return 0;
}

/* ------------------------------------------------------------------ selection */

static int cmp_sel(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    size_t lx = x->e - x->s, ly = y->e - y->s;
    if (lx != ly)
        return lx > ly ? -1 : 1;
    if (x->prio != y->prio)
        return x->prio > y->prio ? -1 : 1;
    return x->s < y->s ? -1 : x->s > y->s;
}

static int cmp_start(const void *a, const void *b)
{
    const rx_mention *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}
#define SEL_BEFORE(x, y) (cmp_sel((x), (y)) < 0)
#define START_BEFORE(x, y) ((x)->start < (y)->start)
STABLE_SORT(sort_cands, cand, SEL_BEFORE)
STABLE_SORT(sort_mentions, rx_mention, START_BEFORE)

static int push_mention(rx_doc *doc, size_t s, size_t e, int type, unsigned flags, int group)
{
    if (doc->nm >= doc->mcap && !RX_GROW(doc->m, doc->mcap, doc->nm + 1))
        return -1;
    doc->m[doc->nm++] = (rx_mention){s, e, type, type == RX_M_ROLE ? -1 : group, flags};
    return 0;
}

static int select_cands(scan *sc, rx_doc *doc)
{
    if (sc->nc)
        if (!sort_cands(sc->c, sc->nc))
            qsort(sc->c, sc->nc, sizeof *sc->c, cmp_sel);
    for (size_t i = 0; i < sc->nc; i++) {
        cand *c = &sc->c[i];
        /* a name that is a whole work's title (《基本法》, 電影《王大明》) is
         * the work's, not a person's; a newspaper's (《人民日報》) is its own */
        if (c->type == RX_M_PERSON && c->s > 0 && c->e < sc->n && sc->t[c->s - 1] == 0x300A && sc->t[c->e] == 0x300B)
            continue;
        bool free_span = true;
        for (size_t p = c->s; p < c->e && free_span; p++)
            if (sc->taken[p])
                free_span = false;
        if (!free_span)
            continue;
        memset(sc->taken + c->s, 1, c->e - c->s);
        if (push_mention(doc, c->s, c->e, c->type, c->flags, c->group) < 0)
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ step 4: aliases */

/* a typo keeps the first letter, except for look-alikes (lvana for Ivana):
 * Rote/Note and Butch/Dutch are different words */
static bool same_initial(uint32_t a, uint32_t b)
{
    if (a == b)
        return true; /* (plurals are refused by the caller) */
    bool la = a == 'I' || a == 'l' || a == '1', lb = b == 'I' || b == 'l' || b == '1';
    return la && lb;
}

typedef struct known {
    size_t s, e;     /* a span of doc->text.norm holding the form */
    int type;
    unsigned flags;  /* RX_MF_ALIAS_ for short forms */
    int owner;       /* mention index of the full name; -2 when ambiguous */
    int next;        /* aliases: the next form in the chain of its first character */
} known;

/* The forms of kv by their text: an open-addressing table of kv indices
 * plus one (0: free), at most half full, so that add_known finds the form
 * equal to a new one (there is at most one: the forms are distinct) without
 * comparing it with every form. */
typedef struct kindex {
    uint32_t *slot;
    size_t cap; /* a power of two, or 0 */
} kindex;

/* The slot where a search for the form t[s..e) starts: by its length and
 * its first and last characters (equal forms agree on them; the rest is
 * compared) */
static size_t kindex_hash(const uint32_t *t, size_t s, size_t e)
{
    uint64_t h = (uint64_t)(e - s) * 0x9E3779B97F4A7C15ull;
    if (e > s)
        h ^= ((uint64_t)t[s] << 21 | t[e - 1]) * 0xBF58476D1CE4E5B9ull;
    return (size_t)(h ^ h >> 29);
}

/* Index form i of kv (the table has room). */
static void kindex_put(kindex *x, const known *kv, size_t i, const uint32_t *t)
{
    size_t h = kindex_hash(t, kv[i].s, kv[i].e) & (x->cap - 1);
    while (x->slot[h])
        h = (h + 1) & (x->cap - 1);
    x->slot[h] = (uint32_t)i + 1;
}

static int add_known(known **kv, size_t *nk, size_t *kcap, kindex *kx, const uint32_t *t, size_t s, size_t e,
                     int type, unsigned flags, int owner, const rx_doc *doc)
{
    if ((*nk + 1) * 2 > kx->cap) {
        size_t cap = kx->cap ? 2 * kx->cap : 64;
        uint32_t *slot = calloc(cap, sizeof *slot);
        if (!slot)
            return -1;
        free(kx->slot);
        kx->slot = slot;
        kx->cap = cap;
        for (size_t i = 0; i < *nk; i++)
            kindex_put(kx, *kv, i, t);
    }
    size_t h = kindex_hash(t, s, e) & (kx->cap - 1);
    for (; kx->slot[h]; h = (h + 1) & (kx->cap - 1)) {
        known *k = &(*kv)[kx->slot[h] - 1];
        /* the first characters settle most comparisons without a call */
        if (k->e - k->s == e - s && (e == s || t[k->s] == t[s]) && !memcmp(t + k->s, t + s, (e - s) * sizeof *t)) {
            if (k->type != type)
                k->owner = -2;
            else if (k->owner >= 0 && owner >= 0 && k->owner != owner && (k->flags | flags) & RX_MF_ALIAS_) {
                /* two different full names share this short form */
                const rx_mention *x = &doc->m[k->owner], *y = &doc->m[owner];
                if (x->end - x->start != y->end - y->start ||
                    memcmp(t + x->start, t + y->start, (x->end - x->start) * sizeof *t))
                    k->owner = -2;
            }
            if (!(flags & RX_MF_ALIAS_))
                k->flags &= ~RX_MF_ALIAS_;
            return 0;
        }
    }
    if (*nk >= *kcap && !RX_GROW(*kv, *kcap, *nk + 1))
        return -1;
    (*kv)[*nk] = (known){s, e, type, flags, owner, -1};
    kx->slot[h] = (uint32_t)++*nk;
    return 0;
}

/* Is the organisation t[s..e), whose first word t[s..w) is a common English
 * word, that word and one company-type word (Inflection AI, Snap Inc.)? The
 * word alone is then its short form (Inflection); not for words that mostly
 * qualify others (General, National, First). */
static bool common_word_company(const scan *sc, size_t s, size_t w, size_t e)
{
    static const char32_t *const kind[] = {U"AI", U"Labs", U"Lab", U"Inc.", U"Inc", U"Corp.", U"Corp", U"PBC",
                                           U"Technologies", U"Robotics", U"Therapeutics", U"Software", U"Systems"};
    static const char32_t *const qualifier[] = {U"General", U"National", U"First", U"New", U"Open", U"Global",
                                                U"United", U"Royal", U"Central", U"Standard", U"Universal", U"Big",
                                                U"Best", U"Great", U"Advanced", U"All", U"Any", U"Another"};
    const uint32_t *t = sc->t;
    for (size_t q = 0; q < sizeof qualifier / sizeof qualifier[0]; q++)
        if (rx_lit_at(t, w, s, qualifier[q]) == w - s)
            return false;
    for (size_t q = 0; q < sizeof kind / sizeof kind[0]; q++)
        if (rx_lit_at(t, e, w + 1, kind[q]) == e - w - 1)
            return true;
    return false;
}

/* The short form [*a, *b) by which news refers back to organisation m: the
 * first word of a Latin name of several words (Halvorsen Dynamics Inc. ->
 * Halvorsen; not a common word or a first name: General Motors, Morgan
 * Stanley), or the Chinese name without its ending (星河科技 -> 星河; the rest
 * 2-4 characters, no place or common word: 中國銀行, 北京星河科技). */
static bool org_short_form(const scan *sc, const rx_mention *m, size_t *a, size_t *b)
{
    const uint32_t *t = sc->t;
    size_t s = m->start, e = m->end;
    if (is_alpha(t[s])) {
        size_t w = s;
        while (w < e && is_alpha(t[w]))
            w++;
        if (w >= e || t[w] != ' ' || w - s < 4 || !is_upper(sc->orig[s]))
            return false;
        if ((HIT(sc, s, L_EN_COMMON) == w - s && !common_word_company(sc, s, w, e)) ||
            HIT(sc, s, 10 /* en_stop */) == w - s || HIT(sc, s, L_EN_GIVEN) == w - s ||
            HIT(sc, s, L_PLACE) == w - s)
            return false;
        *a = s, *b = w;
        return true;
    }
    if (!is_han(t[s]) || e - s < 4)
        return false;
    for (size_t k = s + 2; k + 1 < e && k <= s + 4; k++) {
        if (HIT(sc, k, 4 /* org_suffix */) != e - k && HIT(sc, k, 5 /* org_suffix_weak */) != e - k)
            continue;
        for (size_t q = s; q < k; q++)
            if (!is_han(t[q]))
                return false;
        if (HIT(sc, s, L_PLACE) || HIT(sc, s, L_WORD) >= k - s || HIT(sc, s, H_CS(0)) >= k - s)
            break;
        *a = s, *b = k;
        return true;
    }
    /* a legal name after its city or province: 上海華虹電子股份有限公司 is
     * 華虹電子 (the name and its trade, before a legal ending) */
    size_t ps = s + HIT(sc, s, L_PLACE);
    if (ps > s && ps < e && admin_char(t[ps]))
        ps++;
    if (ps == s || e - ps < 6)
        return false;
    for (size_t k = ps + 4; k + 3 < e && k <= ps + 6; k++) {
        if (HIT(sc, k, 4 /* org_suffix */) != e - k || e - k < 4)
            continue; /* (股份有限公司, 有限公司: not 公司 alone) */
        for (size_t q = ps; q < k; q++)
            if (!is_han(t[q]))
                return false;
        if (HIT(sc, ps, L_PLACE) || HIT(sc, ps, 4) || HIT(sc, ps, 5) || HIT(sc, ps, L_WORD) >= k - ps ||
            HIT(sc, ps, H_CS(0)) >= k - ps)
            return false;
        *a = ps, *b = k;
        return true;
    }
    return false;
}

/* May known form i, found at p with length l, stand there? It must not end
 * inside a Latin word, and a bare Chinese given name needs a boundary on one
 * side. */
/* An organisation found on its own whose text is the short form of another
 * one found in the document (上海華虹電子股份有限公司 ... 華虹電子董事長) is
 * that organisation: the two share an alias group. Not between two listed
 * organisations of different groups. */
static int group_org_short_forms(const scan *sc, rx_doc *doc, int *next_group)
{
    const uint32_t *t = sc->t;
    size_t nm = doc->nm, no = 0;
    for (size_t i = 0; i < nm; i++)
        no += doc->m[i].type == RX_M_ORG && !(doc->m[i].flags & RX_MF_PRONOUN) && is_han(t[doc->m[i].start]);
    if (no < 2)
        return 0;
    hkey *k = malloc(no * sizeof *k);
    if (!k)
        return -1;
    no = 0;
    for (size_t i = 0; i < nm; i++)
        if (doc->m[i].type == RX_M_ORG && !(doc->m[i].flags & RX_MF_PRONOUN) && is_han(t[doc->m[i].start]))
            k[no++] = (hkey){span_hash(t, doc->m[i].start, doc->m[i].end), i};
    if (!sort_hkeys(k, no))
        qsort(k, no, sizeof *k, cmp_hkey);
    for (size_t x = 0; x < no; x++) {
        rx_mention *m = &doc->m[k[x].i];
        size_t a, b;
        if (m->entity >= 0 || !org_short_form(sc, m, &a, &b) || !is_han(t[a]))
            continue;
        uint64_t h = span_hash(t, a, b);
        for (size_t lo = hkey_first(k, no, h); lo < no && k[lo].h == h; lo++) {
            rx_mention *o = &doc->m[k[lo].i];
            if (o->end - o->start != b - a || memcmp(t + o->start, t + a, (b - a) * sizeof *t))
                continue;
            if (m->entity < 0)
                m->entity = o->entity >= 0 ? o->entity : (*next_group)++;
            if (o->entity < 0)
                o->entity = m->entity;
        }
    }
    free(k);
    return 0;
}

static bool alias_ok(const scan *sc, const known *kv, int i, size_t p, size_t l)
{
    const uint32_t *t = sc->t;
    size_t q = p + l - 1;
    if (is_alnum(t[q]) && q + 1 < sc->n && is_alnum(t[q + 1]))
        return false;
    /* an organisation's short form ends at a boundary (星河表示, not 中華|民國) */
    if ((kv[i].flags & RX_MF_ALIAS_) && kv[i].type == RX_M_ORG && is_han(t[p]) && !right_boundary(sc, p + l, sc->n))
        return false;
    return !((kv[i].flags & RX_MF_ALIAS_) && is_han(t[p]) && p > 0 && is_han(t[p - 1]) &&
             !right_boundary(sc, p + l, sc->n) && !left_boundary(sc, 0, p));
}

/* The one person among doc->m[0..nm) whose name starts with the
 * surname t[p..p+sl) and runs past it: its index; -1 when none, -2 when
 * two different names would do (張董事長 with 張忠謀 and 張大千 present). */
static int surname_owner(const rx_doc *doc, const uint32_t *t, size_t nm, size_t p, size_t sl)
{
    int owner = -1;
    for (size_t i = 0; i < nm; i++) {
        const rx_mention *m = &doc->m[i];
        if (m->type != RX_M_PERSON || (m->flags & RX_MF_PRONOUN) || m->end - m->start < sl + 1 ||
            !is_han(t[m->start]) || memcmp(t + m->start, t + p, sl * sizeof *t))
            continue;
        if (owner >= 0 && (doc->m[owner].end - doc->m[owner].start != m->end - m->start ||
                           memcmp(t + doc->m[owner].start, t + m->start, (m->end - m->start) * sizeof *t)))
            return -2;
        if (owner == -1)
            owner = (int)i;
    }
    return owner;
}

static int aliases(scan *sc, rx_doc *doc)
{
    const uint32_t *t = sc->t;
    int next_group = 0x70000000; /* alias groups of names without a lexicon group */
    known *kv = NULL;
    size_t nk = 0, kcap = 0;
    kindex kx = {NULL, 0};
    int rc = -1;
    rx_trie *dt = NULL;
    size_t *lat = NULL, nlat = 0;
    size_t nm0 = doc->nm;
    if (group_org_short_forms(sc, doc, &next_group) < 0)
        goto done;
    for (size_t i = 0; i < nm0 && nk < 4000; i++) {
        rx_mention *m = &doc->m[i];
        if (m->type == RX_M_ROLE || (m->flags & RX_MF_PRONOUN))
            continue;
        if (add_known(&kv, &nk, &kcap, &kx, t, m->start, m->end, m->type, 0, (int)i, doc) < 0)
            goto done;
        size_t len = m->end - m->start;
        if (m->type == RX_M_PERSON && is_alpha(t[m->start])) {
            /* first and last word of a Latin name */
            size_t a = m->start, b = a;
            while (b < m->end && !is_space(t[b]))
                b++;
            if (b < m->end && b - a >= 3 &&
                add_known(&kv, &nk, &kcap, &kx, t, a, b, m->type, RX_MF_ALIAS_, (int)i, doc) < 0)
                goto done;
            /* (before a Jr. or Sr.: John O'Neill Jr. -> O'Neill) */
            size_t y = m->end;
            while (y > m->start + 3 && (t[y - 1] == '.' || t[y - 1] == ','))
                y--;
            size_t z = y;
            while (z > m->start && !is_space(t[z - 1]))
                z--;
            if (z > m->start + 1 && y - z == 2 && (t[z] == 'J' || t[z] == 'S') && t[z + 1] == 'r') {
                y = z - 1;
                while (y > m->start && t[y - 1] == ',')
                    y--;
                z = y;
                while (z > m->start && !is_space(t[z - 1]))
                    z--;
                /* resolve joins a last name to the name's last word, which is
                 * Jr. here: the alias group joins them */
                if (m->entity < 0)
                    m->entity = next_group++;
            } else
                y = m->end;
            if (z > m->start && y - z >= 3 &&
                add_known(&kv, &nk, &kcap, &kx, t, z, y, m->type, RX_MF_ALIAS_, (int)i, doc) < 0)
                goto done;
        } else if (m->type == RX_M_PERSON && is_han(t[m->start]) && (len == 3 || len == 4)) {
            size_t sl = HIT(sc, m->start, 0);
            if (sl && len - sl == 2 &&
                add_known(&kv, &nk, &kcap, &kx, t, m->start + sl, m->end, m->type, RX_MF_ALIAS_, (int)i, doc) < 0)
                goto done;
        } else if (m->type == RX_M_ORG && (m->entity < 0 || is_alpha(t[m->start]))) {
            /* (a listed organisation lists its own short forms; but a listed
             * word and company type gives its word: Inflection AI) */
            size_t a, b;
            if (org_short_form(sc, m, &a, &b) &&
                (m->entity < 0 || common_word_company(sc, a, b, m->end))) {
                if (m->entity < 0)
                    m->entity = next_group++;
                if (add_known(&kv, &nk, &kcap, &kx, t, a, b, m->type, RX_MF_ALIAS_, (int)i, doc) < 0)
                    goto done;
                /* a financial or investment holding company is also its name
                 * and the first character of 金控 / 投控 (宏泰金控: 宏泰金) */
                if (b + 2 == m->end && (t[b] == 0x91D1 || t[b] == 0x6295) && t[b + 1] == 0x63A7 &&
                    add_known(&kv, &nk, &kcap, &kx, t, a, b + 1, m->type, RX_MF_ALIAS_, (int)i, doc) < 0)
                    goto done;
            }
        }
    }
    /* one pass over the text: the longest known form at each free position.
     * The forms are chained by their first character (bucket c & 255); a
     * document whose chains grow long (thousands of names sharing a first
     * character) walks a trie of its forms instead, so the pass stays
     * linear. */
    enum { NBUCKET = 256, CHAIN_MAX = 24 };
    int head[NBUCKET];
    unsigned chain[NBUCKET] = {0}, longest_chain = 0;
    for (size_t b = 0; b < NBUCKET; b++)
        head[b] = -1;
    for (size_t i = nk; i-- > 0;)
        if (kv[i].owner != -2) {
            unsigned b = t[kv[i].s] & (NBUCKET - 1);
            kv[i].next = head[b];
            head[b] = (int)i;
            if (++chain[b] > longest_chain)
                longest_chain = chain[b];
        }
    if (longest_chain > CHAIN_MAX) {
        size_t nchars = 0;
        for (size_t i = 0; i < nk; i++)
            nchars += kv[i].e - kv[i].s;
        dt = rx_trie_new_sized(false, nchars);
        if (!dt)
            goto done;
        for (size_t i = 0; i < nk; i++) {
            int32_t v[RX_TRIE_NVAL] = {(int32_t)i, -1};
            if (kv[i].owner != -2 && rx_trie_add(dt, t + kv[i].s, kv[i].e - kv[i].s, 1, v) < 0)
                goto done;
        }
    }
    /* Latin one-word forms of 4+ letters, for the edit distance check */
    lat = malloc((nk + 1) * sizeof *lat);
    if (!lat)
        goto done;
    for (size_t i = 0; i < nk && nlat < 400; i++) {
        bool sp = false;
        for (size_t z = kv[i].s; z < kv[i].e; z++)
            sp = sp || is_space(t[z]);
        if (kv[i].e - kv[i].s >= 4 && kv[i].owner != -2 && is_alpha(t[kv[i].s]) && !sp)
            lat[nlat++] = i;
    }
    const uint8_t *taken = sc->taken, *cls = sc->cls;
    const size_t n = sc->n;
    for (size_t p = 0; p < n; p++) {
        /* nothing starts at p unless a form starts with its character, or
         * it is a surname (and Han) or a Latin letter; and it is free and
         * not inside a Latin word */
        while (p < n && head[t[p] & (NBUCKET - 1)] < 0 && !(cls[p] & (CL_ALPHA | P_SURNAME)))
            p++;
        if (p >= n)
            break;
        if (taken[p] || ((cls[p] & P_ALNUM) && p > 0 && (cls[p - 1] & P_ALNUM)))
            continue;
        int fi = head[t[p] & (NBUCKET - 1)];
        size_t best = 0;
        int bi = -1;
        if (dt) {
            int32_t node = RX_TRIE_ROOT;
            for (size_t q = p; fi >= 0 && q < n && !taken[q]; q++) {
                node = rx_trie_step(dt, node, t[q]);
                if (node < 0)
                    break;
                if (!rx_trie_mask(dt, node))
                    continue;
                size_t l = q + 1 - p;
                int i = rx_trie_value(dt, node, 0);
                if (alias_ok(sc, kv, i, p, l)) {
                    best = l;
                    bi = i;
                }
            }
        } else {
            /* the forms are distinct: the longest one that fits wins */
            for (int i = fi; i >= 0; i = kv[i].next) {
                size_t l = kv[i].e - kv[i].s, s0 = kv[i].s;
                if (l <= best || t[s0] != t[p] || l > n - p)
                    continue;
                size_t z = 1;
                while (z < l && t[p + z] == t[s0 + z])
                    z++;
                if (z < l || memchr(taken + p, 1, l) || !alias_ok(sc, kv, i, p, l))
                    continue;
                best = l;
                bi = i;
            }
        }
        if (bi >= 0) {
            memset(sc->taken + p, 1, best);
            if (push_mention(doc, p, p + best, kv[bi].type, kv[bi].flags, doc->m[kv[bi].owner].entity) < 0)
                goto done;
            p += best - 1;
            continue;
        }
        /* surname + title of a known Chinese name (張董事長, 吳指導) */
        if (is_han(t[p]) && HIT(sc, p, 0)) {
            size_t sl = HIT(sc, p, 0);
            size_t rl = role_len(sc, p + sl, sc->n);
            if (!rl && p + sl + 2 <= sc->n && t[p + sl] == 0x6307 && t[p + sl + 1] == 0x5BFC)
                rl = 2; /* 指导 */
            if (!rl)
                rl = rx_honorific_after(t, sc->n, p + sl); /* 黄先生 林女士 陈小姐 */
            if (!rl && p + sl < sc->n && (t[p + sl] == 0x603B || t[p + sl] == 0x8463) &&
                right_boundary(sc, p + sl + 1, sc->n))
                rl = 1; /* 王总 张董 */
            if (rl) {
                int owner = surname_owner(doc, t, nm0, p, sl);
                /* the title may already be a role mention: the short form
                 * takes its place (張董事長 is one person mention) */
                int role_m = -1;
                if (sc->taken[p + sl])
                    for (size_t i = 0; i < nm0; i++)
                        if (doc->m[i].type == RX_M_ROLE && doc->m[i].start == p + sl &&
                            doc->m[i].end == p + sl + rl)
                            role_m = (int)i;
                bool clear = !sc->taken[p];
                for (size_t q = p + sl; q < p + sl + rl && clear && role_m < 0; q++)
                    clear = !sc->taken[q];
                if (owner >= 0 && clear) {
                    if (role_m >= 0)
                        doc->m[role_m].type = 0; /* dropped below */
                    /* one alias group: resolve joins a short form (施董) to its
                     * name by the group */
                    if (doc->m[owner].entity < 0)
                        doc->m[owner].entity = next_group++;
                    memset(sc->taken + p, 1, sl + rl);
                    if (push_mention(doc, p, p + sl + rl, RX_M_PERSON, RX_MF_ALIAS_, doc->m[owner].entity) < 0)
                        goto done;
                    p += sl + rl - 1;
                    continue;
                }
            }
        }
        /* a Latin token at edit distance 1 of a known form (lvana, Acmr) */
        if (is_alpha(t[p]) && (p == 0 || !is_alnum(t[p - 1]))) {
            size_t q = p;
            while (q < sc->n && (is_alnum(t[q]) || t[q] == '\''))
                q++;
            size_t l = q - p;
            if (l >= 4 && !(q < sc->n && t[q] == '.' && q + 1 < sc->n && is_alpha(t[q + 1]))) {
                /* lower case in English text: only an l written for the I of a
                 * name (llya for Ilya) */
                bool el = !is_upper(t[p]) && !cjk_context(sc, 0, sc->n, (tok){p, q});
                bool ok = nlat && (!el || t[p] == 'l');
                int hitk = -1;
                for (size_t x = 0; x < nlat && ok; x++) {
                    size_t i = lat[x];
                    size_t kl = kv[i].e - kv[i].s;
                    if (el && t[kv[i].s] != 'I')
                        continue;
                    size_t ml = kl < l ? kl : l;
                    uint32_t last = kl > l ? t[kv[i].s + kl - 1] : t[p + l - 1];
                    if (kl != l && last == 's' && !memcmp(t + p, t + kv[i].s, ml * sizeof *t))
                        continue; /* Brown/Browns: a plural, not a typo */
                    if (kl + 1 < l || kl > l + 1 || !same_initial(t[p], t[kv[i].s]) ||
                        rx_edit_distance(t + p, l, t + kv[i].s, kl) != 1)
                        continue;
                    if (hitk >= 0 && kv[hitk].owner != kv[i].owner) {
                        hitk = -2;
                        break;
                    }
                    if (hitk == -1)
                        hitk = (int)i;
                }
                tok tq = {p, q};
                if (hitk >= 0 && !memchr(sc->taken + p, 1, l) && !tok_enstop(sc, tq) && !tok_is(sc, tq, L_EN_NONPER) &&
                    !tok_is(sc, tq, L_EN_COMMON)) {
                    memset(sc->taken + p, 1, l);
                    if (el && doc->m[kv[hitk].owner].entity < 0)
                        doc->m[kv[hitk].owner].entity = next_group++; /* lvana: Ivana Trump's */
                    if (push_mention(doc, p, q, kv[hitk].type, RX_MF_ALIAS_,
                                     doc->m[kv[hitk].owner].entity) < 0)
                        goto done;
                }
                p = q - 1;
            }
        }
    }
    rc = 0;
done:
    rx_trie_free(dt);
    free(lat);
    free(kv);
    free(kx.slot);
    return rc;
}

/* ------------------------------------------------------------------ driver */

/* ------------------------------------------------------------------ step 5: names in brackets */

static bool name_dot(uint32_t c)
{
    return c == 0xB7 || c == 0x2027 || c == 0x30FB || c == 0x2022 || c == 0xFF65;
}

/* Wherever the text repeats one of forms[0..nforms) (a learnt name: its span,
 * type and alias group) outside every mention, a mention of it; a Latin form
 * only as a whole word. doc->m ends sorted. Returns 0, -1 when out of memory. */
static int repeat_forms(rx_doc *doc, const uint32_t *t, size_t n, const rx_mention *forms, size_t nforms)
{
    uint8_t *covered = calloc(n ? n : 1, 1);
    if (!covered)
        return -1;
    for (size_t i = 0; i < doc->nm; i++)
        memset(covered + doc->m[i].start, 1, doc->m[i].end - doc->m[i].start);
    for (size_t f = 0; f < nforms; f++) {
        size_t s = forms[f].start, len = forms[f].end - s;
        bool latin = !is_han(t[s]);
        for (size_t k = 0; k + len <= n; k++) {
            if (t[k] != t[s] || memcmp(t + k, t + s, len * sizeof *t) != 0)
                continue;
            if (latin && ((k > 0 && is_alnum(t[k - 1])) || (k + len < n && is_alnum(t[k + len]))))
                continue;
            bool free_span = true;
            for (size_t q = k; q < k + len && free_span; q++)
                free_span = !covered[q];
            if (!free_span)
                continue;
            if (!RX_GROW(doc->m, doc->mcap, doc->nm + 1)) {
                free(covered);
                return -1;
            }
            doc->m[doc->nm++] = (rx_mention){k, k + len, forms[f].type, forms[f].entity, 0};
            memset(covered + k, 1, len);
            k += len - 1;
        }
    }
    free(covered);
    if (!sort_mentions(doc->m, doc->nm))
        qsort(doc->m, doc->nm, sizeof *doc->m, cmp_start);
    return 0;
}

/* A Latin name in brackets right after a Chinese one is the same person:
 * 祖克柏(Mark Zuckerberg), 沈向洋博士(Harry Shum), 首席技術官凱文·斯科特(Kevin Scott).
 * The Chinese form is the run of Han characters (and name dots) before the
 * bracket, after an honorific (博士 先生 女士 教授) is skipped, back to the previous
 * mention or a non-Han character: 2-4 characters, or up to 10 with a name dot.
 * Both mentions get one alias group, so rx_resolve makes them one entity, and
 * so do the other places the text repeats the Chinese form. doc->m stays
 * sorted. Returns 0, -1 when out of memory. */
static int paren_aliases(rx_doc *doc)
{
    static const uint32_t honorifics[][2] = {{0x535A, 0x58EB}, {0x5148, 0x751F}, {0x5973, 0x58EB},
                                             {0x6559, 0x6388}};
    const uint32_t *t = doc->text.norm;
    size_t n = doc->text.n, added = 0, nm = doc->nm;
    int next_group = 0x40000000;
    for (size_t i = 0; i < nm; i++) {
        rx_mention *lm = &doc->m[i];
        if (lm->type != RX_M_PERSON || (lm->flags & RX_MF_PRONOUN) || lm->start < 3 ||
            t[lm->start - 1] != '(' || lm->end >= n || t[lm->end] != ')' || is_han(t[lm->start]))
            continue;
        size_t e = lm->start - 1;
        for (size_t h = 0; h < sizeof honorifics / sizeof *honorifics; h++)
            if (e >= 2 && t[e - 2] == honorifics[h][0] && t[e - 1] == honorifics[h][1]) {
                e -= 2;
                break;
            }
        int group = lm->entity >= 0 ? lm->entity : next_group;
        if (i > 0 && doc->m[i - 1].end == e && doc->m[i - 1].type == RX_M_PERSON &&
            !(doc->m[i - 1].flags & RX_MF_PRONOUN)) {
            /* the Chinese form is a mention already */
            if (doc->m[i - 1].entity >= 0)
                group = doc->m[i - 1].entity;
            doc->m[i - 1].entity = group;
            lm->entity = group;
            next_group += group == next_group;
            continue;
        }
        size_t limit = i > 0 ? doc->m[i - 1].end : 0, b = e;
        bool dot = false;
        while (b > limit && (is_han(t[b - 1]) || name_dot(t[b - 1])) && e - b < 10) {
            dot |= name_dot(t[b - 1]);
            b--;
        }
        size_t len = e - b;
        if (len < 2 || (!dot && len > 4) || name_dot(t[b]) || name_dot(t[e - 1]))
            continue;
        if (!RX_GROW(doc->m, doc->mcap, doc->nm + 1))
            return -1;
        lm = &doc->m[i];
        doc->m[doc->nm++] = (rx_mention){b, e, RX_M_PERSON, group, 0};
        lm->entity = group;
        next_group += group == next_group;
        added++;
    }
    if (!added)
        return 0;
    /* the Chinese forms learnt here, wherever else the text repeats them
     * (沈向洋已在微軟...); at most 64 forms, so the scan stays linear */
    size_t first_new = doc->nm - added, nforms = added < 64 ? added : 64;
    rx_mention forms[64];
    memcpy(forms, doc->m + first_new, nforms * sizeof *forms);
    return repeat_forms(doc, t, n, forms, nforms);
}

/* An organisation's short form defined in brackets right after its name:
 * 新鴻基地產發展有限公司（新地）, 星河科技股份有限公司（下稱「星河」）,
 * Northwind Retail Group (NRG). The short form is 2-6 Han characters, or 2-8
 * capitals and digits starting with a capital; not a place (星河科技（深圳）),
 * a stock code or a generic word (下稱「公司」). It joins the name's entity, here
 * and wherever else the text repeats it outside other mentions. doc->m stays
 * sorted. At most 16 short forms a document. Returns 0, -1 when out of memory. */
static int org_short_forms(const scan *sc, rx_doc *doc)
{
    static const char32_t *const intro[] = {U"以下简称", U"以下称", U"下称", U"简称", U"以下", U"下同"};
    static const char32_t *const listed[] = {U"证券简称", U"股票简称", U"股份简称", U"公司简称"};
    const uint32_t *t = sc->t;
    size_t n = sc->n, nm = doc->nm;
    int next_group = 0x60000000;
    rx_mention forms[16];
    size_t nforms = 0;
    for (size_t i = 0; i < nm && nforms < 16; i++) {
        rx_mention *om = &doc->m[i];
        if (om->type != RX_M_ORG || (om->flags & RX_MF_PRONOUN) || om->end + 4 >= n)
            continue;
        size_t p = om->end + (t[om->end] == ' ');
        if (t[p] != '(')
            continue;
        p++;
        /* its name in the other script or language, found already
         * (北海石油公司（North Sea Oil）): one organisation */
        bool named = false;
        for (size_t k = i + 1; k < nm && doc->m[k].start <= p && !named; k++) {
            rx_mention *km = &doc->m[k];
            if (km->start != p || km->type != RX_M_ORG || km->end >= n || t[km->end] != ')')
                continue;
            if (om->entity >= 0 && km->entity >= 0)
                continue; /* (both listed: the short form below joins them) */
            named = true;
            int group = om->entity >= 0 ? om->entity : km->entity >= 0 ? km->entity : next_group++;
            om->entity = km->entity = group;
        }
        if (named)
            continue;
        /* a listed company's short name, maybe after its code:
         * (證券簡稱：華虹電子), (股票代碼：600001，證券簡稱：華虹電子) */
        bool stock = false;
        for (size_t q = p; q < n && q < p + 24 && t[q] != ')'; q++) {
            size_t sl = word_at(t, q, n, listed, sizeof listed / sizeof listed[0]);
            if (sl) {
                p = q + sl;
                if (p < n && (t[p] == ':' || t[p] == 0xFF1A))
                    p++;
                stock = true;
                break;
            }
        }
        size_t il = stock ? 0 : word_at(t, p, n, intro, sizeof intro / sizeof intro[0]);
        if (il == 2 && t[p] == 0x4E0B && t[p + 1] == 0x540C) /* 下同: no short form */
            continue;
        p += il;
        bool quoted = p < n && (t[p] == 0x300C || t[p] == 0x300E || t[p] == 0x201C || t[p] == '"');
        p += quoted;
        size_t ys = p;
        bool han = p < n && is_han(t[p]);
        const uint32_t *o = sc->orig; /* capitals: the matching copy is folded */
        while (p < n && p - ys <= 8 && (han ? is_han(t[p]) : (is_upper(o[p]) || is_digit(o[p]) || o[p] == '&')))
            p++;
        size_t ye = p;
        if (quoted && p < n && (t[p] == 0x300D || t[p] == 0x300F || t[p] == 0x201D || t[p] == '"'))
            p++;
        /* (...，股票代碼：600001) may follow the short name */
        bool closed = p < n && (t[p] == ')' || (stock && (t[p] == 0xFF0C || t[p] == ',' || t[p] == 0xFF1B || t[p] == ';' || t[p] == 0x3001)));
        if (!closed || ye - ys < 2 || ye - ys > (han ? 6u : 8u) || (!han && !is_upper(o[ys])))
            continue;
        if (han && (HIT(sc, ys, L_PLACE) >= ye - ys || HIT(sc, ys, L_OGEN) >= ye - ys || HIT(sc, ys, 14) >= ye - ys))
            continue;
        int group = om->entity >= 0 ? om->entity : next_group++;
        om->entity = group;
        /* the short form in the brackets: a mention there already, or a new one */
        bool there = false;
        for (size_t k = i + 1; k < nm && doc->m[k].start < ye; k++)
            if (doc->m[k].start == ys && doc->m[k].end == ye && doc->m[k].type == RX_M_ORG) {
                if (doc->m[k].entity >= 0 && doc->m[k].entity != group)
                    om->entity = group = doc->m[k].entity;
                doc->m[k].entity = group;
                there = true;
            }
        if (!there) {
            if (!RX_GROW(doc->m, doc->mcap, doc->nm + 1))
                return -1;
            doc->m[doc->nm++] = (rx_mention){ys, ye, RX_M_ORG, group, 0};
        }
        forms[nforms++] = (rx_mention){ys, ye, RX_M_ORG, group, 0};
    }
    if (!nforms)
        return 0;
    return repeat_forms(doc, t, n, forms, nforms);
}

int rx_recognize(const rx_ner *ner, rx_doc *doc)
{
    doc->nm = 0;
    doc->ne = 0;
    size_t n = doc->text.n;
    if (!n || !doc->text.norm)
        return 0;
    scan sc = {0};
    sc.ner = ner;
    sc.t = doc->text.norm;
    sc.orig = doc->text.cp;
    sc.n = n;
    tok *toks = NULL;
    size_t tcap = 0;
    size_t *titles = NULL, ntitles = 0, titcap = 0;
    int rc = -1;
    uint8_t *taken = NULL;
    _Static_assert(NH <= HROW, "a hit row holds every list");
    /* one block for the per-position tables, filled and cleared (where
     * needed) by scan_hits: ends, taken, role and inside one after another;
     * then sent_han */
    size_t n1 = n + 1, per_pos = HROW + 3 * sizeof(uint32_t) + 4;
    char *blk = n1 > SIZE_MAX / 64 || doc->nsent > SIZE_MAX / 8 ? NULL : malloc(n1 * per_pos + doc->nsent);
    if (!blk)
        goto done;
    sc.hit = (uint8_t *)blk;
    sc.lists = (uint32_t *)(sc.hit + n1 * HROW);
    sc.csnode = (int32_t *)(sc.lists + n1);
    sc.ends = (uint32_t *)(sc.csnode + n1);
    sc.taken = (uint8_t *)(sc.ends + n1);
    sc.role = sc.taken + n1;
    sc.inside = sc.role + n1;
    sc.cls = sc.inside + n1;
    sc.sent_han = sc.cls + n1;
    if (scan_hits(&sc, &titles, &ntitles, &titcap) < 0)
        goto done;
    for (size_t x = 0; x < ntitles; x++) {
        size_t i = titles[x];
        bool f;
        size_t rl = role_at(&sc, i, n, 0, &f);
        sc.role[i] = clamp8(rl);
        if (rl)
            sc.ends[i + rl] |= 1u << E_ROLE;
    }
    /* candidates of every sentence (weak names need the whole document) */
    taken = sc.taken;
    sc.taken = NULL; /* org_left must not look at selections yet */
    for (size_t si = 0; si < doc->nsent; si++) {
        size_t lo = doc->sent[si].start, hi = doc->sent[si].end;
        sc.sent_han[si] = 0;
        if (hi > n)
            hi = n;
        if (lo >= hi)
            continue;
        /* a pass finds nothing in a sentence without what it starts from:
         * a listed name or a role (lexicon_cands); Han characters and an
         * organisation suffix or a '(' (chinese_orgs), a v (vs_teams), a
         * surname (chinese_names), the end of a byline cue (bylines); a
         * transliteration character; a Latin letter; a pronoun or 他 她 公 */
        uint32_t any = 0;
        unsigned cl = 0;
        for (size_t i = lo; i < hi; i++) {
            any |= sc.lists[i];
            cl |= sc.cls[i];
        }
        bool han = cl & CL_HAN;
        sc.sent_han[si] = han;
        size_t first = sc.nc;
        if (((any & (((uint32_t)(C_PERSON | C_ORG) << NCI) | B_TITLE | B_TPREFIX)) && lexicon_cands(&sc, lo, hi) < 0) ||
            (han && (any & (B_OSUF | B_OSUFW) || cl & CL_PAREN) && chinese_orgs(&sc, lo, hi) < 0) ||
            (han && (cl & CL_V) && (vs_teams(&sc, lo, hi) < 0 || armed_forces(&sc, lo, hi) < 0)) ||
            (han && (any & B_SURNAME) && chinese_names(&sc, lo, hi) < 0) ||
            (han && (cl & CL_BYLINE) && bylines(&sc, lo, hi) < 0) ||
            ((any & B_TRANSLIT) && translit_names(&sc, lo, hi) < 0) ||
            ((cl & CL_ALPHA) && latin_names(&sc, lo, hi, &toks, &tcap) < 0) ||
            ((cl & CL_PRON || any & (B_PRON_P | B_PRON_O)) && pronouns(&sc, lo, hi) < 0) ||
            (han && (any & B_TITLE) && (title_orgs(&sc, lo, hi, first) < 0 || unit_orgs(&sc, lo, hi, first) < 0)) ||
            (han && announcing_orgs(&sc, lo, hi) < 0) || (han && rival_orgs(&sc, lo, hi) < 0))
            goto done;
    }
    sc.taken = taken;
    if (extend_to_known(&sc) < 0 || confirm_weak(&sc) < 0 || same_string_org(&sc) < 0 || select_cands(&sc, doc) < 0)
        goto done;
    if (aliases(&sc, doc) < 0)
        goto done;
    size_t w = 0;
    for (size_t i = 0; i < doc->nm; i++)
        if (doc->m[i].type)
            doc->m[w++] = doc->m[i];
    doc->nm = w;
    if (doc->nm)
        if (!sort_mentions(doc->m, doc->nm))
            qsort(doc->m, doc->nm, sizeof *doc->m, cmp_start);
    if (paren_aliases(doc) < 0 || org_short_forms(&sc, doc) < 0 || zero_subjects(&sc, doc) < 0)
        goto done;
    rc = rx_resolve(doc);
done:
    free(blk);
    free(sc.c);
    free(toks);
    free(titles);
    return rc;
}
