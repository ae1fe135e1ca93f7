/* sentence.c: sentence boundaries on the matching copy (full-width punctuation is
 * already ASCII there: ！？；， are ! ? ; , while 。 and 、 stay). One pass, O(n).
 *
 *   他说：“我辞职了。”随后离开。Mr. J. K. Smith joined Levels.fyi. It grew 3.5x.
 *   -> [他说：“我辞职了。”] [随后离开。] [Mr. J. K. Smith joined Levels.fyi.]
 *      [It grew 3.5x.]
 *
 * A sentence ends
 *   - after 。 ! ? ; … (and ‼ ⁇ ⁈ ⁉), together with any terminators and closing
 *     quotes or brackets right after it (。” ?! ……), except that after ! ? …
 *     a lower-case word goes on (“Really?” he asked);
 *   - after '.' (or "...") when white space (or the end) follows it, possibly after
 *     closing quotes, and the next word does not start with a lower-case letter,
 *     and the word before the dot is neither a known abbreviation (Mr, Inc, e.g)
 *     nor a single capital letter (initials, the S of U.S.);
 *   - at a line end, unless the line is hard-wrapped: long (56 columns or
 *     more), not ending in terminal punctuation, followed by a non-blank line
 *     (text converted from PDF or mail: "...收到董事長易鐵軍先生的書面辭\n職報告").
 * A run longer than max_len code points is cut after its last comma (, 、), else
 * at its last white space, else hard at max_len. Leading and trailing white space
 * is trimmed and empty sentences are skipped. The paragraph number goes up by one
 * for the first sentence after one or more blank lines (lines holding only white
 * space), so paragraphs are numbered 0, 1, 2... without gaps. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "internal.h"

#define NONE SIZE_MAX

/* The ASCII line ends and white space, as bits of a 64-bit mask. */
#define LINE_END_ASCII ((1ull << '\n') | (1ull << '\r') | (1ull << 0x0B) | (1ull << 0x0C))
#define SPACE_ASCII (LINE_END_ASCII | (1ull << ' ') | (1ull << '\t'))

static inline bool is_line_end(uint32_t c)
{
    if (c < 64)
        return (LINE_END_ASCII >> c) & 1u;
    return c == 0x85 || c == 0x2028 || c == 0x2029;
}

static bool is_space_wide(uint32_t c)
{
    return c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xA0 || c == 0x3000 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0xFEFF ||
           c == 0x1680;
}

/* White space, line ends included. Han and CJK punctuation (between U+3000 and
 * U+FEFF) need one test. */
static inline bool is_space(uint32_t c)
{
    if (c < 64)
        return (SPACE_ASCII >> c) & 1u;
    if (c < 0x85 || (c > 0x3000 && c < 0xFEFF))
        return false;
    return is_space_wide(c);
}

static bool is_terminator(uint32_t c)
{
    return c == 0x3002 /* 。 */ || c == '!' || c == '?' || c == ';' || c == 0x2026 /* … */ ||
           c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0xFF61 || c == 0x203C ||
           c == 0x2047 || c == 0x2048 || c == 0x2049;
}

static inline bool is_comma(uint32_t c)
{
    return c == ',' || c == 0x3001 /* 、 */ || c == 0xFF0C;
}

static bool is_closer(uint32_t c)
{
    switch (c) {
    case '"': case '\'': case ')': case ']': case '}':
    case 0x201D: /* ” */ case 0x2019: /* ’ */ case 0x00BB: /* » */
    case 0x300D: /* 」 */ case 0x300F: /* 』 */ case 0x3009: /* 〉 */ case 0x300B: /* 》 */
    case 0x3011: /* 】 */ case 0x3015: /* 〕 */ case 0x3017: case 0xFF09: /* ） */
    case 0xFF3D: case 0xFF02: case 0xFF07:
        return true;
    default:
        return false;
    }
}

static bool is_lower(uint32_t c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z';
    return utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_LL;
}

static bool is_upper(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    return utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_LU;
}

/* A letter of an alphabetic script (not Han: 公司.com is no abbreviation). */
static bool is_alpha(uint32_t c)
{
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (c >= 0x2E80)
        return false;
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LL || k == UTF8PROC_CATEGORY_LT;
}

/* Words after which a '.' does not end a sentence. A token matches an entry
 * exactly, or in capitals ("INC"). Dotted ones ("e.g") hold their inner dots.
 * Kept in byte order (strcmp): is_abbreviation bisects on the first letter. */
static const char *const abbreviations[] = {
    "Adm", "Amb", "Apr", "Assn", "Aug", "Ave", "Blvd", "Bros", "Capt", "Cie", "Cmdr", "Co",
    "Col", "Corp", "Cpl", "Dec", "Dept", "Det", "Dr", "Esq", "Feb", "Fig", "Ft", "Gen",
    "Gov", "Hon", "Inc", "Insp", "Jan", "Jr", "Jul", "Jun", "Lt", "Ltd", "Maj", "Mar",
    "Messrs", "Mlle", "Mme", "Mr", "Mrs", "Ms", "Mt", "Mx", "No", "Nos", "Nov", "Oct",
    "Plc", "Pres", "Prof", "Rd", "Rep", "Rev", "Sen", "Sep", "Sept", "Sgt", "Sr", "St",
    "Supt", "Univ", "Vol", "al", "approx", "ca", "cf", "e.g", "etc", "i.e", "pp", "viz",
    "vs",
};
#define NABBR (sizeof abbreviations / sizeof abbreviations[0])

/* Is norm[ws..ws+len) the abbreviation ab, exactly or in capitals? */
static bool abbr_matches(const uint32_t *norm, size_t ws, size_t len, const char *ab)
{
    if (strlen(ab) != len)
        return false;
    bool exact = true, caps = len > 1;
    for (size_t k = 0; k < len; k++) {
        uint32_t c = norm[ws + k], e = (unsigned char)ab[k];
        exact = exact && c == e;
        uint32_t up = e >= 'a' && e <= 'z' ? e - 32 : e;
        caps = caps && c == up;
    }
    return exact || caps;
}

/* Is norm[ws..we) (letters and inner dots) one of the abbreviations? Only the
 * entries that start with its first letter can match (exactly), or, when that
 * is a capital, with the letter in lower case (in capitals: "ETC", "E.G"). */
static bool is_abbreviation(const uint32_t *norm, size_t ws, size_t we)
{
    size_t len = we - ws;
    uint32_t c0 = norm[ws];
    if (c0 >= 0x80)
        return false;
    uint32_t firsts[2] = {c0, c0 >= 'A' && c0 <= 'Z' ? c0 + 32 : 0};
    for (int f = 0; f < 2 && firsts[f]; f++) {
        size_t lo = 0, hi = NABBR; /* the first entry whose first byte is >= firsts[f] */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if ((unsigned char)abbreviations[mid][0] < firsts[f])
                lo = mid + 1;
            else
                hi = mid;
        }
        for (; lo < NABBR && (unsigned char)abbreviations[lo][0] == firsts[f]; lo++)
            if (abbr_matches(norm, ws, len, abbreviations[lo]))
                return true;
    }
    return false;
}

/* Does the '.' at norm[i] (the last of a run of dots starting at d0) end a
 * sentence? j is the first position after it and any closers. */
static bool dot_ends(const uint32_t *norm, size_t n, size_t d0, size_t i, size_t j)
{
    if (j < n && !is_space(norm[j]))
        return false; /* Levels.fyi, 3.5, U.S.A, e.g.x */
    size_t k = j;
    while (k < n && is_space(norm[k]) && !is_line_end(norm[k]))
        k++;
    if (k < n && !is_line_end(norm[k]) && is_lower(norm[k]))
        return false; /* U.S. officials, Inc. announced, ... and then */
    if (d0 != i)
        return true; /* an ellipsis "..." */
    /* The token before the dot: letters and inner dots (U.S, e.g), at most 16. */
    size_t we = i, ws = i;
    while (ws > 0 && we - ws < 16 && (is_alpha(norm[ws - 1]) ||
                                      (norm[ws - 1] == '.' && ws - 1 > 0 && ws < we &&
                                       is_alpha(norm[ws - 2]))))
        ws--;
    if (ws == we)
        return true;
    /* The last segment of a dotted token is a single capital: J. K. / U.S. */
    size_t seg = we;
    while (seg > ws && norm[seg - 1] != '.')
        seg--;
    if (we - seg == 1 && is_upper(norm[seg]))
        return false;
    return !is_abbreviation(norm, ws, we);
}

/* Is the line [start, nl) hard-wrapped, its sentence going on on the next line?
 * Yes when it is long (at least WRAP_WIDTH columns, a CJK character counting
 * two), does not end with terminal punctuation or a colon, and the next line is
 * not blank. Headlines and short lines are never joined. */
#define WRAP_WIDTH 56
static bool wrapped_line(const uint32_t *norm, size_t n, size_t start, size_t nl)
{
    size_t width = 0;
    for (size_t k = start; k < nl; k++)
        width += utf8proc_charwidth((utf8proc_int32_t)norm[k]) >= 2 ? 2 : 1;
    if (width < WRAP_WIDTH)
        return false;
    size_t e = nl;
    while (e > start && is_space(norm[e - 1]) && !is_line_end(norm[e - 1]))
        e--;
    if (e == start)
        return false;
    uint32_t last = norm[e - 1];
    if (is_terminator(last) || is_closer(last) || last == ':' || last == '.')
        return false;
    size_t k = nl + 1;
    if (norm[nl] == '\r' && k < n && norm[k] == '\n')
        k++;
    while (k < n && is_space(norm[k]) && !is_line_end(norm[k]))
        k++;
    return k < n && !is_line_end(norm[k]);
}

/* Code points that need none of the tests below inside a sentence (a sentence
 * not yet too long): all but white space, terminators, commas and '.'. For
 * them the full path below does nothing. */
#define SPECIAL_ASCII \
    (SPACE_ASCII | (1ull << '!') | (1ull << ',') | (1ull << '.') | (1ull << ';') | (1ull << '?'))
#define PLAIN_RUN_FROM 0x3400u /* [U+3400, U+B400): CJK ideographs, Yi, Hangul... */
#define PLAIN_RUN_SPAN 0x8000u /* ... are all plain */
static inline bool plain(uint32_t c)
{
    if (c - PLAIN_RUN_FROM < PLAIN_RUN_SPAN) /* the common case */
        return true;
    if (c < 0x80)
        return !(c < 64 && ((SPECIAL_ASCII >> c) & 1u));
    return !is_space(c) && !is_terminator(c) && !is_comma(c);
}

typedef struct splitter {
    const uint32_t *norm;
    rx_span *out;
    size_t count, cap;
    size_t first; /* the capacity of the first allocation */
    int para;
    bool oom;
} splitter;

/* Emit norm[s..e) trimmed of trailing white space. */
static void emit(splitter *sp, size_t s, size_t e)
{
    while (e > s && is_space(sp->norm[e - 1]))
        e--;
    if (e <= s || sp->oom)
        return;
    /* the first allocation is sized for the whole text (a sentence per 32
     * code points), the rare longer lists grow from there */
    if (sp->count == sp->cap && !RX_GROW(sp->out, sp->cap, sp->cap ? sp->count + 1 : sp->first)) {
        sp->oom = true;
        return;
    }
    sp->out[sp->count].start = s;
    sp->out[sp->count].end = e;
    sp->out[sp->count].para = sp->para;
    sp->count++;
}

/* Split norm[0..n) into sentences (contract in internal.h). 0, -1 on OOM. */
int rx_split_sentences(const uint32_t *norm, size_t n, size_t max_len, rx_span **out,
                       size_t *count)
{
    splitter sp = {.norm = norm, .first = n / 32 + 8};
    if (max_len == 0)
        max_len = SIZE_MAX;
    size_t s = NONE;                  /* start of the current sentence */
    size_t last_comma = NONE, last_ws = NONE;
    bool line_blank = true, blank_seen = false;

    size_t line_start = 0;
    for (size_t i = 0; i < n; i++) {
        if (s != NONE) {
            /* Inside a sentence, not too long yet: skip what needs no test
             * (plain code points), and note spaces and commas on the way, as
             * the full path below would. (line_blank is already false inside
             * a sentence: the sentence's first code point is no space.) */
            size_t lim = max_len < n - s ? s + max_len : n, j = i;
            while (j < lim) {
                uint32_t d = norm[j];
                if (plain(d))
                    ;
                else if (d == ' ')
                    last_ws = j;
                else if (is_comma(d))
                    last_comma = j;
                else
                    break;
                j++;
            }
            if (j == n)
                break;
            i = j;
        }
        uint32_t c = norm[i];
        if (is_line_end(c) && s != NONE && wrapped_line(norm, n, line_start, i)) {
            /* a hard-wrapped line: the newline is a space inside the sentence */
            if (c == '\r' && i + 1 < n && norm[i + 1] == '\n')
                i++;
            line_start = i + 1;
            last_ws = i;
            line_blank = false;
            continue;
        }
        if (is_line_end(c)) {
            line_start = i + 1;
            if (c == '\r' && i + 1 < n && norm[i + 1] == '\n')
                line_start = i + 2;
            if (s != NONE)
                emit(&sp, s, i);
            s = NONE;
            if (c == '\r' && i + 1 < n && norm[i + 1] == '\n')
                i++;
            if (line_blank)
                blank_seen = true;
            line_blank = true;
            continue;
        }
        if (s == NONE) {
            if (is_space(c))
                continue;
            s = i;
            last_comma = last_ws = NONE;
            if (blank_seen && sp.count > 0)
                sp.para++;
            blank_seen = false;
        }
        line_blank = line_blank && is_space(c);

        if (i - s >= max_len) {
            /* Too long: cut after the last comma, else at the last white space,
             * else here. Nothing in (cut, i) is a comma (resp. white space, when
             * cutting there), so the positions stay valid without a rescan. */
            size_t cut;
            if (last_comma != NONE && last_comma >= s)
                cut = last_comma + 1;
            else if (last_ws != NONE && last_ws > s)
                cut = last_ws;
            else
                cut = i;
            emit(&sp, s, cut);
            s = cut;
            while (s < i && is_space(norm[s]))
                s++;
            last_comma = NONE;
            if (last_ws != NONE && last_ws < s)
                last_ws = NONE;
            if (s == i && is_space(c)) {
                s = NONE;
                continue;
            }
        }

        if (is_comma(c))
            last_comma = i;
        else if (is_space(c))
            last_ws = i;

        size_t end = NONE; /* exclusive end when the sentence ends here */
        if (is_terminator(c)) {
            size_t j = i + 1;
            while (j < n && j - s < max_len && (is_terminator(norm[j]) || is_closer(norm[j])))
                j++;
            if (c == 0x2026 || c == '!' || c == '?') {
                /* "Wait… and then", "“Really?” he asked": lower case goes on. */
                size_t k = j;
                while (k < n && is_space(norm[k]) && !is_line_end(norm[k]))
                    k++;
                if (k < n && is_lower(norm[k])) {
                    i = j - 1; /* the run goes on; never rescan it (!!!!... x) */
                    j = NONE;
                }
            }
            end = j;
        } else if (c == '.') {
            size_t d0 = i;
            while (i + 1 < n && norm[i + 1] == '.' && i + 1 - s < max_len)
                i++;
            size_t j = i + 1;
            while (j < n && j - s < max_len && is_closer(norm[j]))
                j++;
            if (dot_ends(norm, n, d0, i, j))
                end = j;
        }
        if (end != NONE) {
            emit(&sp, s, end);
            s = NONE;
            i = end - 1;
        }
    }
    if (s != NONE)
        emit(&sp, s, n);
    if (sp.oom) {
        free(sp.out);
        *out = NULL;
        *count = 0;
        return -1;
    }
    *out = sp.out;
    *count = sp.count;
    return 0;
}

size_t rx_span_index(const rx_span *spans, size_t n, size_t pos)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (spans[mid].end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
