/* date.c: date expressions in the matching copy of a text, resolved against the
 * publication date, and the publication date itself (dateline or header).
 *
 * The scanner is hand-written over code points and runs once from left to right:
 * at each position it tries the forms that can start there (a number, a Latin
 * word, a Chinese time word), takes the first that matches, and jumps past it.
 * Every attempt looks at a bounded window (numbers have at most 4 digits, words
 * at most 16 letters, look-behind a few code points), so the whole scan is linear
 * in the text length. Offsets are code point indexes.
 *
 * Worked examples, pub = 2024-01-10 (a Wednesday):
 *
 *   "2024年5月15日"      2024-05-15        "2024-05-23 11:14:49"  2024-05-23
 *   "2016/1/15"          2016-01-15        "二〇二二年四月三十日"  2022-04-30
 *   "民国105年3月"       2016-03           "114年12月31日"        2025-12-31
 *   "12月"               2023-12   (2024-12 would be > 2 months after pub)
 *   "5月1日至3日"        2024-05-01, 2024-05-03 (the day inherits its month)
 *   "15日", "15号"       2024-01-15        "今(2)日"              2024-01-02 rel
 *   "去年11月"           2023-11 rel       "3天前", "三天前"      2024-01-07 rel
 *   "上周"               2024-01-03 rel    "5年前"                2019 rel
 *   "日前", "近日"        2024-01 rel       "周一", "on Monday"    2024-01-08 rel
 *   "May 15, 2024"       2024-05-15        "15 May"               2023-05-15
 *   "in 2017", "2017,"   2017              "last month"           2023-12 rel
 *   "effective 10/2"     2023-10-02        "10/2 win"             (nothing)
 *   "2019年3月8日 ... 同月"  2019-03 rel (同年: 2019; 同日, 当天: 2019-03-08)
 *   "去年2月 ... 也是在这个月"  2023-02 rel (a bare 这个月 is 2024-01)
 *   "in May 2021 ... later that month", "the same month"  2021-05 rel
 *
 * Not dates: "工作了20年", "5年来", "100年历史" (a 3-digit year needs 民国 or a
 * month after it), "第3季", "3个月" (durations; "3个月前" is a date), "(2330)",
 * "15%", "11:14:49", "30日元", "3号楼", "1990年代".
 *
 * Policies:
 * - Precision is what the text gives: "2024年" is 2024, "5月" is YYYY-05.
 * - relative is true for deictic forms (今年, 上月, 3天前, yesterday, on Monday,
 *   今(2)日) and for anaphors (同月, the same day); a bare "5月15日" or "15日"
 *   takes missing parts from pub (or from a date just before it, "5月1日至3日")
 *   but is not marked relative.
 * - A month (with or without day) whose year comes from pub is put in the previous
 *   year when it would fall more than 2 months after pub, unless 明年 / "next year"
 *   occurs within the 300 code points before it, or its clause speaks of the
 *   future right before it (将于6月, "will step down in June"). Such a future
 *   month more than 2 months before pub is next year's (pub 2024-10-14: 将于3月1日
 *   退休 2025-03-01), and an effective date ("effective Jan. 1", 自1月1日起生效)
 *   takes the year that puts it nearer to pub (2025-01-01).
 * - US "M/D" is taken only after a date preposition (on, effective, since, from,
 *   until, by, before, after); "M/D/YYYY" is taken anywhere.
 * - A bare 4-digit year (1900..2099) in English needs a preceding in, since, by,
 *   until, from, of, early, late, mid(-), before, after, through, during, or a
 *   following comma.
 * - "N天前", "两周前", "3个月前", "5年前", "3 days ago" count back from pub;
 *   "5天后" is not taken (it is usually counted from another event).
 * - A weekday alone (周一, "on Monday") is the most recent one on or before pub,
 *   or the first on or after it when its clause speaks of the future (将于周五,
 *   "will step down on Thursday");
 *   上周五 / 下周一 are days of the (Monday-based) week before / after pub's;
 *   "last Friday" / "next Monday" are the nearest strictly before / after pub.
 * - pub.y == 0: forms that need pub are consumed but not reported.
 * - Anaphors point back at the last date expression before them and take its
 *   value at the precision they ask for: 同年, 同一年, "that same year": the
 *   year; 同月, 当月, 同一个月, "the same month", "later that month", and 这个月
 *   right after 也 / 同样 (也是在这个月): year-month; 同日, 同一天, 当天, 当日,
 *   "the same day": the whole date, when the antecedent has one. 同年5月 and
 *   同月15日 add the month or day they give. 当年 is taken only with a month or a
 *   part of the year after it (当年5月, 当年底): alone it also means "back then".
 *   When the last date before it has no value (there is none, or it needs a pub
 *   the text does not give), an anaphor has none either: no date beats a wrong
 *   one. Anaphors are relative.
 *
 * The dateline (rx_find_pubdate): the first date with at least a month in the
 * first 400 code points that is followed by a clock time ("2024-05-23 11:14:49"),
 * or follows a label ("Published:", "发布时间:", "出版"), or closes a news
 * agency's dateline ("（中央社台北2024年5月23日电）", "星海网2024年5月3日讯", "Feb. 21, 2024
 * (AP) --"), or follows a news service's credit ("（本报讯）2024年5月3日"), or sits on a short line
 * that ends with it ("因佛科技 2024-05-23", "2024年5月23日 星期四"); else a date
 * alone on a line in the last 300 code points (an announcement's signature
 * "二〇二二年四月三十日"). A dateline without a year (（中央社台北5日电）,
 * 新华社北京3月12日电, "LONDON, May 3 (Reuters) -") is completed by the text's
 * one full date with that day (and month), "2024年3月5日" (rx_find_doc_dates);
 * else there is no publication date (a day alone does not say its month), and
 * the forms that need one (昨天, 今(5)日, 6月28日) are not resolved against the
 * text's latest full date either, which is not that day.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define NO_POS ((size_t)-1)
#define NEXT_YEAR_REACH 300 /* how far back 明年 / next year stops the rollover */

typedef uint_least32_t u32lit; /* the element type of U"..." literals */

/* Room for one more item in arr (count items, capacity cap). The first
 * allocation holds 32, the date mentions of most texts, so that they are
 * rarely moved. */
#define ROOM_FOR_ONE(arr, count, cap) \
    ((count) < (cap) || RX_GROW(arr, cap, (cap) ? (count) + 1 : 32))

typedef struct scan {
    const uint32_t *t;
    size_t n;
    rx_date pub;
    size_t next_year_at; /* start of the last 明年 / "next year", NO_POS if none */
    rx_date last;        /* the value of the last match, y == 0 when it had none */
    rx_date_mention *out;
    size_t count, cap;
    bool oom;
    /* Optionally, every match of the scan (reported or not), for replay(). */
    bool record;
    struct span_rec *rec;
    size_t nrec, reccap;
} scan;

/* The result of one attempt: end == 0 means no match; value.y == 0 means the
 * text matched (it is consumed) but cannot be resolved. dep says whether the
 * value is the last step's, resolve_md(m, d) or resolve_d(d) at the start of
 * the match (against the publication date or an earlier mention): then against
 * another date only that step changes. A value that is neither relative (rel)
 * nor one of those is the same against any date; so is the end of every match
 * that is not relative. */
enum { DEP_NONE, DEP_MD, DEP_D };
typedef struct hit {
    size_t end;
    rx_date v;
    bool rel;
    unsigned char dep;
    unsigned char m, d; /* resolve_md's or resolve_d's month (1-12) and day (0-31) */
} hit;

/* Where the scan matched, [start, h.end), and what. */
typedef struct span_rec {
    size_t start;
    hit h;
} span_rec;

/* ------------------------------------------------------------ calendar */

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int mdays(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && leap(y) ? 29 : dm[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (era arithmetic). */
static long days_from(int y, int m, int d)
{
    long yy = (long)y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long mp = (m + 9) % 12; /* March = 0 */
    long doy = (153 * mp + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static rx_date from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    rx_date r;
    r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
    r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
    r.y = (int)(yoe + era * 400 + (r.m <= 2));
    return r;
}

static rx_date add_days(rx_date d, long k)
{
    return from_days(days_from(d.y, d.m, d.d) + k);
}

/* Year-month k months after (y, m); day unset. */
static rx_date add_months(int y, int m, int k)
{
    long idx = (long)y * 12 + (m - 1) + k;
    rx_date r = {(int)(idx / 12), (int)(idx % 12) + 1, 0};
    return r;
}

/* 0 = Monday .. 6 = Sunday. */
static int weekday(rx_date d)
{
    long z = days_from(d.y, d.m, d.d); /* 1970-01-01 was a Thursday (3) */
    long w = (z % 7 + 7 + 3) % 7;
    return (int)w;
}

static bool pub_full(const scan *s)
{
    return s->pub.y && s->pub.m && s->pub.d;
}

/* ------------------------------------------------------------ characters */

static uint32_t at(const scan *s, size_t i)
{
    return i < s->n ? s->t[i] : 0;
}

static bool is_sp(uint32_t c)
{
    return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000;
}

static bool is_dig(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_upper(uint32_t c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_han(uint32_t c)
{
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x3FFFF);
}

static bool in_set(uint32_t c, const u32lit *set)
{
    for (; *set; set++)
        if (c == *set)
            return true;
    return false;
}

/* Skip at most 3 blanks (never a line end). */
static size_t skip_sp(const scan *s, size_t i)
{
    for (int k = 0; k < 3 && is_sp(at(s, i)); k++)
        i++;
    return i;
}

/* Length of w if the text at i starts with it, else 0. */
static size_t lit(const scan *s, size_t i, const u32lit *w) { return rx_lit_at(s->t, s->n, i, w); }

/* The code point before i, skipping one blank; 0 at the start. */
static uint32_t before(const scan *s, size_t i)
{
    if (i > 0 && is_sp(s->t[i - 1]))
        i--;
    return i > 0 ? s->t[i - 1] : 0;
}

/* Chinese numeral digit value, 10 for 十, -1 otherwise. */
static int cn_digit(uint32_t c)
{
    switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    case U'十': return 10;
    default: return -1;
    }
}

/* ------------------------------------------------------------ numbers */

typedef struct num {
    int v;
    int len; /* code points read */
    size_t end;
    bool cn; /* written in Chinese numerals */
} num;

/* An ASCII number of at most 4 digits, or a Chinese numeral (十五, 二十三,
 * 二〇二四), at i. False for longer digit runs and for amounts (五千). */
static bool read_num(const scan *s, size_t i, num *o)
{
    uint32_t c = at(s, i);
    o->cn = false;
    if (is_dig(c)) {
        int v = 0, k = 0;
        while (is_dig(at(s, i + (size_t)k))) {
            if (k == 4)
                return false;
            v = v * 10 + (int)(at(s, i + (size_t)k) - '0');
            k++;
        }
        o->v = v;
        o->len = k;
        o->end = i + (size_t)k;
        return true;
    }
    int vals[6], k = 0;
    while (k < 6 && cn_digit(at(s, i + (size_t)k)) >= 0) {
        vals[k] = cn_digit(at(s, i + (size_t)k));
        k++;
    }
    if (k == 0 || cn_digit(at(s, i + (size_t)k)) >= 0)
        return false;
    if (in_set(at(s, i + (size_t)k), U"百千万亿"))
        return false;
    int tens = -1;
    for (int j = 0; j < k; j++) {
        if (vals[j] == 10) {
            if (tens >= 0)
                return false;
            tens = j;
        }
    }
    int v;
    if (tens < 0) {
        if (k == 1) {
            v = vals[0];
        } else if (k == 4) {
            v = 0;
            for (int j = 0; j < 4; j++)
                v = v * 10 + vals[j];
        } else {
            return false;
        }
    } else {
        if (tens > 1 || k - tens > 2)
            return false;
        int a = tens == 0 ? 1 : vals[0];
        int b = k - tens == 2 ? vals[tens + 1] : 0;
        if (a == 0 || (k - tens == 2 && b == 0))
            return false;
        v = a * 10 + b;
    }
    o->v = v;
    o->len = k;
    o->end = i + (size_t)k;
    o->cn = true;
    return true;
}

/* A word before a number that makes it a count or an ordinal (第3月, 近5年). */
static bool count_word_before(const scan *s, size_t i)
{
    return in_set(before(s, i), U"第了近逾约达超过满长连续每头用花历经共计仅只余多几数这那该个整半前后首最");
}

/* ------------------------------------------------------------ results */

static bool starts_span(const scan *s, size_t start, size_t end);

static void emit(scan *s, size_t start, const hit *h)
{
    if (!starts_span(s, start, h->end))
        s->last = h->v;
    /* with no publication date, a relative date stays, without a value:
     * its sentence has a date, just not one we can tell (match.c then takes
     * no other sentence's date for it) */
    if ((!h->v.y && !(h->rel && !s->pub.y)) || s->oom)
        return;
    if (!ROOM_FOR_ONE(s->out, s->count, s->cap)) {
        s->oom = true;
        return;
    }
    rx_date_mention *m = &s->out[s->count++];
    m->start = start;
    m->end = h->end;
    m->value = h->v;
    m->relative = h->rel;
}

/* Precisions an anaphor asks for (同年, 同月, 同日). */
enum { A_YEAR = 1, A_MONTH = 2, A_DAY = 3 };

/* The date a word that points back (同月, 当天, "the same day") stands for: the
 * value of the last date expression before it, cut to the precision the word
 * asks for. None when there is no earlier one, or when the last one could not
 * be resolved (then an older date would be the wrong one). A date that starts a
 * span of time ("since 2021") is not one (see emit). */
static rx_date antecedent(const scan *s, int precision)
{
    rx_date v = s->last;
    if (precision < A_DAY)
        v.d = 0;
    if (precision < A_MONTH)
        v.m = 0;
    return v;
}

/* The date mention just before i when only a range or list separator lies between
 * ("5月1日至3日", "2017年5月至6月"), else NULL. */
static const rx_date_mention *linked_prev(const scan *s, size_t i)
{
    if (!s->count)
        return NULL;
    const rx_date_mention *p = &s->out[s->count - 1];
    if (p->end > i || i - p->end > 4)
        return NULL;
    for (size_t k = p->end; k < i; k++)
        if (!is_sp(s->t[k]) && !in_set(s->t[k], U"至到~-\u2013\u2014\u3001和及与或,"))
            return NULL;
    return p;
}

/* Does the clause speak of the future just before start: 将 / 拟 / 预计 / 计划
 * in the 6 code points before it (将于6月, 预计9月), or will / would /
 * expected / plans among the 8 words before it ("will step down in June")? */
static bool future_before(const scan *s, size_t start)
{
    static const char *const en[] = {"will", "would", "expected", "plans", "plan", "intends"};
    for (size_t k = start; k > 0 && start - k < 6;) {
        uint32_t c = s->t[--k];
        if (in_set(c, U"。，,;；!！?？\n"))
            break;
        if (in_set(c, U"将拟") || (k > 0 && ((s->t[k - 1] == U'预' && c == U'计') || (s->t[k - 1] == U'计' && c == U'划'))))
            return true;
    }
    /* English: a whole word among en[], back to the sentence's start */
    size_t e = start;
    for (int words = 0; words < 8 && e > 0; words++) {
        while (e > 0 && s->t[e - 1] == ' ')
            e--;
        size_t b = e;
        while (b > 0 && ((s->t[b - 1] | 32) >= 'a' && (s->t[b - 1] | 32) <= 'z'))
            b--;
        if (b == e)
            break; /* punctuation or another script: the clause ends */
        if (rx_ascii_word_in(s->t, b, e, en, sizeof en / sizeof en[0]))
            return true;
        e = b;
    }
    return false;
}

/* Does the date starting at start say when a change takes effect: "effective"
 * among the 3 words before it ("effective Jan. 1", "effective as of March 1"),
 * or 生效 right after it (自1月1日起生效, 7月1日生效)? */
static bool takes_effect_at(const scan *s, size_t start)
{
    static const char *const eff[] = {"effective"};
    size_t e = start;
    for (int words = 0; words < 3 && e > 0; words++) {
        while (e > 0 && s->t[e - 1] == ' ')
            e--;
        size_t b = e;
        while (b > 0 && is_alpha(s->t[b - 1]))
            b--;
        if (b == e)
            break;
        if (rx_ascii_word_in(s->t, b, e, eff, 1))
            return true;
        e = b;
    }
    for (size_t k = start; k < s->n && k < start + 14; k++) {
        if (s->t[k] == U'生' && k + 1 < s->n && s->t[k + 1] == U'效')
            return true;
        if (!is_dig(s->t[k]) && !in_set(s->t[k], U"〇一二三四五六七八九十月日号起 "))
            break;
    }
    return false;
}

/* The year of a month (and day) that the text gives without one: the pub's,
 * or the year before when it would fall more than 2 months after pub, unless
 * 明年 came shortly before or the clause speaks of the future. A month more
 * than 2 months before pub that the clause puts in the future (将于3月1日退休,
 * "will step down in June") is next year's. An effective date ("effective
 * Jan. 1", 自1月1日起生效) takes the year that puts it nearer to pub. */
static int roll_year(const scan *s, size_t start, int m, int d)
{
    int y = s->pub.y;
    if (!s->pub.m)
        return y;
    int diff = m - s->pub.m;
    bool later = diff > 2 || (diff == 2 && d > s->pub.d);
    bool earlier = diff < -2 || (diff == -2 && d && s->pub.d && d < s->pub.d);
    bool told = s->next_year_at != NO_POS && start - s->next_year_at <= NEXT_YEAR_REACH;
    if (!later && !earlier)
        return y;
    if (future_before(s, start)) {
        if (earlier)
            y++;
    } else if (takes_effect_at(s, start)) {
        /* an effective date may be just past or to come: the nearer year */
        if (diff > 6 && !told)
            y--;
        else if (diff < -6)
            y++;
    } else if (later && !told) {
        y--;
    }
    return y;
}

/* Resolve a month (d may be 0) that has no year of its own. */
static void resolve_md(const scan *s, size_t start, int m, int d, hit *h)
{
    const rx_date_mention *p = linked_prev(s, start);
    int y = p ? p->value.y : s->pub.y ? roll_year(s, start, m, d) : 0;
    if (y && d > mdays(y, m))
        y = 0;
    h->v = (rx_date){y, y ? m : 0, y ? d : 0};
    h->dep = DEP_MD;
    h->m = (unsigned char)m;
    h->d = (unsigned char)d;
}

/* Resolve a day of month that has neither month nor year. */
static void resolve_d(const scan *s, size_t start, int d, hit *h)
{
    const rx_date_mention *p = linked_prev(s, start);
    rx_date v = {0, 0, 0};
    if (p && p->value.m) {
        v = (rx_date){p->value.y, p->value.m, d};
    } else if (s->pub.y && s->pub.m) {
        v = (rx_date){s->pub.y, s->pub.m, d};
        if (d > mdays(v.y, v.m)) /* 31日 in a 30-day month: the month before */
            v = add_months(v.y, v.m, -1), v.d = d;
    }
    if (v.y && d > mdays(v.y, v.m))
        v.y = 0;
    h->v = v.y ? v : (rx_date){0, 0, 0};
    h->dep = DEP_D;
    h->d = (unsigned char)d;
}

/* After a year ending at j: an optional "M月" and "D日/号". */
static void ymd_tail(const scan *s, size_t j, int y, hit *h)
{
    h->end = j;
    h->v = (rx_date){y, 0, 0};
    num mo, dd;
    size_t k = skip_sp(s, j);
    if (!read_num(s, k, &mo) || mo.v < 1 || mo.v > 12)
        return;
    k = skip_sp(s, mo.end);
    if (at(s, k) != U'月')
        return;
    h->end = k + 1;
    h->v.m = mo.v;
    k = skip_sp(s, k + 1);
    if (!read_num(s, k, &dd) || dd.v < 1 || dd.v > mdays(y, mo.v))
        return;
    k = skip_sp(s, dd.end);
    if (at(s, k) == U'日' || at(s, k) == U'号') {
        h->end = k + 1;
        h->v.d = dd.v;
    }
}

/* ------------------------------------------------------------ English words */

/* The ASCII letters at i, lower-cased into buf (cap >= 17); returns the run
 * length, at most 16 (17 means "longer": buf is then unusable). */
static size_t read_word(const scan *s, size_t i, char *buf)
{
    size_t k = 0;
    while (k < 17 && is_alpha(at(s, i + k))) {
        uint32_t c = at(s, i + k);
        if (k < 16)
            buf[k] = (char)(is_upper(c) ? c + 32 : c);
        k++;
    }
    buf[k < 16 ? k : 16] = '\0';
    return k;
}

static bool word_in(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(w, *list) == 0)
            return true;
    return false;
}

/* The Latin word ending just before i (one blank, or a '-' for "mid-"), lower-cased. */
static void prev_word(const scan *s, size_t i, char *buf)
{
    buf[0] = '\0';
    if (i == 0 || !(is_sp(s->t[i - 1]) || s->t[i - 1] == '-'))
        return;
    size_t e = i - 1, b = e;
    while (b > 0 && e - b < 12 && is_alpha(s->t[b - 1]))
        b--;
    if (b == e || (b > 0 && is_alpha(s->t[b - 1])))
        return;
    for (size_t k = b; k < e; k++)
        buf[k - b] = (char)(is_upper(s->t[k]) ? s->t[k] + 32 : s->t[k]);
    buf[e - b] = '\0';
}

/* Whether the date at [start, end) starts a span of time ("since 2021", "2021
 * 年以来"): when a state began, not a point the story moves to, so no anaphor
 * points back at it. */
static bool starts_span(const scan *s, size_t start, size_t end)
{
    char pw[18];
    if (start > 0 && (is_sp(s->t[start - 1]) || s->t[start - 1] == '-')) { /* else no word */
        prev_word(s, start, pw);
        if (strcmp(pw, "since") == 0)
            return true;
    }
    return lit(s, skip_sp(s, end), U"以来");
}

static int month_name(const char *w, bool *abbrev)
{
    static const char *const full[12] = {"january", "february", "march",     "april",
                                         "may",     "june",     "july",      "august",
                                         "september", "october", "november", "december"};
    static const char *const ab[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int m = 0; m < 12; m++) {
        if (strcmp(w, full[m]) == 0) {
            *abbrev = false;
            return m + 1;
        }
    }
    for (int m = 0; m < 12; m++) {
        if (strcmp(w, ab[m]) == 0 || (m == 8 && strcmp(w, "sept") == 0)) {
            *abbrev = m != 4;
            return m + 1;
        }
    }
    return 0;
}

static int weekday_name(const char *w)
{
    static const char *const names[7] = {"monday", "tuesday", "wednesday", "thursday",
                                         "friday", "saturday", "sunday"};
    for (int k = 0; k < 7; k++)
        if (strcmp(w, names[k]) == 0)
            return k;
    return -1;
}

/* A month name's optional "." and the "D[st|nd|rd|th][, YYYY]" or "YYYY" after it. */
static bool english_month_tail(const scan *s, size_t start, size_t j, int m, hit *h)
{
    size_t k = j;
    if (!is_sp(at(s, k)))
        return false;
    k = skip_sp(s, k);
    num a;
    if (!read_num(s, k, &a) || a.cn)
        return false;
    size_t e = a.end;
    if (a.len == 4) {
        if (a.v < 1900 || a.v > 2099 || is_alpha(at(s, e)))
            return false;
        h->end = e;
        h->v = (rx_date){a.v, m, 0};
        return true;
    }
    if (a.len > 2 || a.v < 1 || a.v > 31)
        return false;
    char suf[18];
    size_t sl = read_word(s, e, suf);
    if (sl) {
        if (sl != 2 || !word_in(suf, (const char *const[]){"st", "nd", "rd", "th", NULL}))
            return false;
        e += 2;
    }
    if (at(s, e) == ':' || at(s, e) == '%' || at(s, e) == '/' ||
        ((at(s, e) == '.' || at(s, e) == ',') && is_dig(at(s, e + 1))))
        return false;
    h->end = e;
    size_t y0 = at(s, e) == ',' ? e + 1 : e;
    size_t yk = skip_sp(s, y0);
    num y;
    if (yk > e && read_num(s, yk, &y) && !y.cn && y.len == 4 && y.v >= 1900 && y.v <= 2099 &&
        !is_alpha(at(s, y.end)) && a.v <= mdays(y.v, m)) {
        h->end = y.end;
        h->v = (rx_date){y.v, m, a.v};
        return true;
    }
    resolve_md(s, start, m, a.v, h);
    return true;
}

static const char *const year_preps[] = {"in",    "since", "by",     "until",   "from",
                                         "of",    "early", "late",   "mid",     "before",
                                         "after", "through", "during", "till",  NULL};

/* "<blank>days ago" (days, weeks, months, years; singular too) after a count v
 * that ends at j. */
static bool ago_unit(const scan *s, size_t j, int v, hit *h)
{
    char u[18], a[18];
    if (!is_sp(at(s, j)))
        return false;
    size_t k = skip_sp(s, j);
    size_t ul = read_word(s, k, u);
    if (ul == 0 || ul > 16 || !is_sp(at(s, k + ul)))
        return false;
    size_t k2 = skip_sp(s, k + ul);
    size_t al = read_word(s, k2, a);
    if (al != 3 || strcmp(a, "ago") != 0)
        return false;
    if (u[ul - 1] == 's')
        u[ul - 1] = '\0';
    int unit = strcmp(u, "day") == 0 ? 1 : strcmp(u, "week") == 0 ? 7
               : strcmp(u, "month") == 0 ? 30 : strcmp(u, "year") == 0 ? 365 : 0;
    if (!unit || v < 1 || v > 200)
        return false;
    h->end = k2 + 3;
    h->rel = true;
    h->v = (rx_date){0, 0, 0};
    if (unit == 365 && s->pub.y)
        h->v = (rx_date){s->pub.y - v, 0, 0};
    else if (unit == 30 && s->pub.y && s->pub.m)
        h->v = add_months(s->pub.y, s->pub.m, -v);
    else if (unit <= 7 && pub_full(s))
        h->v = add_days(s->pub, -(long)v * unit);
    return true;
}

/* The most recent weekday wd on or before pub (how = 0), strictly before (how =
 * -1, "last"), strictly after (how = 1, "next"), the first on or after pub (how
 * = 2, a weekday the clause puts in the future: "will step down on Thursday"). */
static rx_date near_weekday(rx_date pub, int wd, int how)
{
    int pw = weekday(pub);
    if (how == 2)
        return add_days(pub, (wd - pw + 7) % 7);
    if (how > 0) {
        int k = (wd - pw + 7) % 7;
        return add_days(pub, k ? k : 7);
    }
    int k = (pw - wd + 7) % 7;
    if (how < 0 && k == 0)
        k = 7;
    return add_days(pub, -k);
}

/* "the same month", "that same year" at i (the word "same"), or "later that
 * month", "earlier that same day" at i ("later", "earlier"); w is the word at i,
 * e its end. The last date before it, at the precision of its unit. Not "the
 * same day as ..." nor "the same month last year" (another point of reference),
 * nor "same-day". */
static hit match_english_anaphor(scan *s, size_t i, const char *w, size_t e)
{
    static const char *const other_reference[] = {"as",    "last", "of",    "a",    "previous",
                                                  "prior", "next", "every", "that", NULL};
    hit h = {0, {0, 0, 0}, false, DEP_NONE, 0, 0};
    char buf[18];
    size_t k = e, l;
    if (strcmp(w, "same") == 0) {
        prev_word(s, i, buf);
        if (strcmp(buf, "the") != 0 && strcmp(buf, "that") != 0)
            return h;
    } else {
        if (!is_sp(at(s, k)))
            return h;
        k = skip_sp(s, k);
        if (read_word(s, k, buf) != 4 || strcmp(buf, "that") != 0)
            return h;
        k += 4;
        size_t k2 = skip_sp(s, k);
        if (k2 > k && read_word(s, k2, buf) == 4 && strcmp(buf, "same") == 0)
            k = k2 + 4;
    }
    if (!is_sp(at(s, k)))
        return h;
    k = skip_sp(s, k);
    l = read_word(s, k, buf);
    int precision = l > 16                      ? 0
                    : strcmp(buf, "day") == 0   ? A_DAY
                    : strcmp(buf, "month") == 0 ? A_MONTH
                    : strcmp(buf, "year") == 0  ? A_YEAR
                                                : 0;
    size_t end = k + l;
    if (!precision || at(s, end) == '-' || at(s, end) == '\'')
        return h;
    size_t k2 = skip_sp(s, end);
    if (k2 > end && (l = read_word(s, k2, buf)) > 0 && l <= 16 && word_in(buf, other_reference))
        return h;
    h.end = end;
    h.rel = true;
    h.v = antecedent(s, precision);
    return h;
}

/* A Latin word at i (the start of a word). */
static hit match_english(scan *s, size_t i)
{
    hit h = {0, {0, 0, 0}, false, DEP_NONE, 0, 0};
    char w[18], w2[18], pw[18];
    size_t wl = read_word(s, i, w);
    if (wl > 16)
        return h;
    size_t e = i + wl;
    bool cap = is_upper(at(s, i));

    int dd = strcmp(w, "yesterday") == 0 ? -1 : strcmp(w, "today") == 0 ? 0
             : strcmp(w, "tomorrow") == 0 ? 1 : 99;
    if (dd != 99) {
        prev_word(s, i, pw);
        if (strcmp(pw, "usa") == 0)
            return h;
        h.end = e;
        h.rel = true;
        if (pub_full(s))
            h.v = add_days(s->pub, dd);
        return h;
    }

    if (strcmp(w, "same") == 0 || strcmp(w, "later") == 0 || strcmp(w, "earlier") == 0)
        return match_english_anaphor(s, i, w, e);

    /* this year's end: "the end of the year", "year-end" */
    size_t ye = 0;
    if (strcmp(w, "end") == 0 && is_sp(at(s, e))) {
        size_t k = skip_sp(s, e), l;
        if ((l = read_word(s, k, w2)) == 2 && strcmp(w2, "of") == 0 && is_sp(at(s, k + l))) {
            k = skip_sp(s, k + l);
            if ((l = read_word(s, k, w2)) == 3 && strcmp(w2, "the") == 0 && is_sp(at(s, k + l))) {
                k = skip_sp(s, k + l);
                if (read_word(s, k, w2) == 4 && strcmp(w2, "year") == 0)
                    ye = k + 4;
            }
        }
    } else if (strcmp(w, "year") == 0 && at(s, e) == '-' && read_word(s, e + 1, w2) == 3 && strcmp(w2, "end") == 0) {
        ye = e + 4;
    }
    if (ye && !is_alpha(at(s, ye))) {
        h.end = ye;
        h.rel = true;
        if (s->pub.y)
            h.v = (rx_date){s->pub.y, 0, 0};
        return h;
    }

    int which = strcmp(w, "last") == 0 ? -1 : strcmp(w, "next") == 0 ? 1
                : strcmp(w, "this") == 0 ? 0 : 99;
    if (which != 99 && is_sp(at(s, e))) {
        size_t k = skip_sp(s, e);
        size_t l2 = read_word(s, k, w2);
        if (l2 == 0 || l2 > 16)
            return h;
        int wd = weekday_name(w2);
        if (strcmp(w2, "year") == 0) {
            h.end = k + l2;
            h.rel = true;
            if (which == 1)
                s->next_year_at = i;
            if (s->pub.y)
                h.v = (rx_date){s->pub.y + which, 0, 0};
        } else if (strcmp(w2, "month") == 0) {
            h.end = k + l2;
            h.rel = true;
            if (s->pub.y && s->pub.m)
                h.v = add_months(s->pub.y, s->pub.m, which);
        } else if (strcmp(w2, "week") == 0) {
            h.end = k + l2;
            h.rel = true;
            if (pub_full(s))
                h.v = add_days(s->pub, 7L * which);
        } else if (wd >= 0 && is_upper(at(s, k))) {
            h.end = k + l2;
            h.rel = true;
            if (pub_full(s)) {
                if (which == 0) /* this Monday: the one of pub's week */
                    h.v = add_days(s->pub, wd - weekday(s->pub));
                else
                    h.v = near_weekday(s->pub, wd, which);
            }
        }
        return h;
    }

    static const char *const numwords[] = {"a", "an", "one", "two", "three", "four", "five",
                                           "six", "seven", "eight", "nine", "ten", NULL};
    if (word_in(w, numwords)) {
        int v = 1;
        for (int k = 2; numwords[k]; k++)
            if (strcmp(w, numwords[k]) == 0)
                v = k - 1;
        if (ago_unit(s, e, v, &h))
            return h;
    }

    if (!cap)
        return h;
    bool ab = false;
    int m = month_name(w, &ab);
    if (m) {
        size_t j = e;
        if (at(s, j) == '.' && ab)
            j++;
        if (english_month_tail(s, i, j, m, &h))
            return h;
        prev_word(s, i, pw);
        if (!ab && j == e && word_in(pw, year_preps) && strcmp(pw, "of") != 0 &&
            !is_alpha(at(s, e)) && !(is_sp(at(s, e)) && is_upper(at(s, skip_sp(s, e))))) {
            h.end = e;
            resolve_md(s, i, m, 0, &h);
            return h;
        }
        return h;
    }
    int wd = weekday_name(w);
    if (wd >= 0) {
        static const char *const wd_preps[] = {"on", "since", "until", "by", "said",
                                               "announced", "early", "late", NULL};
        prev_word(s, i, pw);
        if (!word_in(pw, wd_preps))
            return h;
        h.end = e;
        h.rel = true;
        if (pub_full(s))
            h.v = near_weekday(s->pub, wd, future_before(s, i) ? 2 : 0);
    }
    return h;
}

/* ------------------------------------------------------------ numbers as dates */

/* ISO-like "YYYY-MM-DD", "YYYY/M/D", "YYYY.M.D", and "YYYY-MM" / "YYYY/MM";
 * y is the 4-digit number that ends at j. */
static bool iso_like(const scan *s, size_t j, int y, hit *h)
{
    uint32_t sep = at(s, j);
    if (sep != '-' && sep != '/' && sep != '.')
        return false;
    num mo, dd;
    if (!read_num(s, j + 1, &mo) || mo.cn || mo.len > 2 || mo.v < 1 || mo.v > 12)
        return false;
    size_t k = mo.end;
    if (at(s, k) == sep && read_num(s, k + 1, &dd) && !dd.cn && dd.len <= 2 && dd.v >= 1 &&
        dd.v <= mdays(y, mo.v)) {
        uint32_t c = at(s, dd.end);
        if (is_dig(c) || is_alpha(c) || ((c == '.' || c == sep) && is_dig(at(s, dd.end + 1))))
            return false;
        h->end = dd.end;
        h->v = (rx_date){y, mo.v, dd.v};
        return true;
    }
    uint32_t c = at(s, k);
    if (sep == '.' || mo.len != 2 || is_alpha(c) || c == '.' || c == '-' || c == '/' ||
        c == ':' || c == ',')
        return false;
    h->end = k;
    h->v = (rx_date){y, mo.v, 0};
    return true;
}

/* US "M/D/YYYY" anywhere, "M/D" after a date preposition. */
static bool us_slash(const scan *s, size_t i, const num *a, hit *h)
{
    num b, y;
    if (at(s, a->end) != '/' || a->len > 2 || a->v < 1 || a->v > 12)
        return false;
    if (i > 0 && (s->t[i - 1] == '/' || s->t[i - 1] == '.' || s->t[i - 1] == '-'))
        return false;
    if (!read_num(s, a->end + 1, &b) || b.cn || b.len > 2 || b.v < 1 || b.v > 31)
        return false;
    if (at(s, b.end) == '/') {
        if (!read_num(s, b.end + 1, &y) || y.cn || y.len != 4 || y.v < 1900 || y.v > 2099 ||
            is_alpha(at(s, y.end)) || b.v > mdays(y.v, a->v))
            return false;
        h->end = y.end;
        h->v = (rx_date){y.v, a->v, b.v};
        return true;
    }
    uint32_t c = at(s, b.end);
    if (is_alpha(c) || c == '.' || c == ':' || c == '-' || c == '%')
        return false;
    static const char *const preps[] = {"on", "effective", "since", "from", "until",
                                        "by", "before", "after", NULL};
    char pw[18];
    prev_word(s, i, pw);
    if (!word_in(pw, preps) || (i > 0 && s->t[i - 1] == '-'))
        return false;
    h->end = b.end;
    resolve_md(s, i, a->v, b.v, h);
    return true;
}

/* English "15 May [2024]" after the number a. */
static bool english_day_first(const scan *s, size_t i, const num *a, hit *h)
{
    if (a->cn || a->len > 2 || a->v < 1 || a->v > 31)
        return false;
    size_t e = a->end;
    char w[18];
    size_t l = read_word(s, e, w);
    if (l) {
        if (l != 2 || !word_in(w, (const char *const[]){"st", "nd", "rd", "th", NULL}))
            return false;
        e += 2;
    }
    if (!is_sp(at(s, e)))
        return false;
    size_t k = skip_sp(s, e);
    if (!is_upper(at(s, k)))
        return false;
    l = read_word(s, k, w);
    bool ab;
    int m = l <= 16 ? month_name(w, &ab) : 0;
    if (!m)
        return false;
    size_t me = k + l;
    if (ab && at(s, me) == '.')
        me++;
    if (is_alpha(at(s, me)))
        return false;
    h->end = me;
    size_t yk = skip_sp(s, at(s, me) == ',' ? me + 1 : me);
    num y;
    if (yk > me && read_num(s, yk, &y) && !y.cn && y.len == 4 && y.v >= 1900 && y.v <= 2099 &&
        !is_alpha(at(s, y.end)) && a->v <= mdays(y.v, m)) {
        h->end = y.end;
        h->v = (rx_date){y.v, m, a->v};
        return true;
    }
    resolve_md(s, i, m, a->v, h);
    return true;
}

/* English bare year: "in 2017", "mid-2017", "2017, ...". */
static bool english_year(const scan *s, size_t i, const num *a, hit *h)
{
    if (a->cn || a->len != 4 || a->v < 1900 || a->v > 2099)
        return false;
    uint32_t c = at(s, a->end);
    if (is_alpha(c) || c == '%' || c == ':' || c == '/' || c == '-' ||
        ((c == '.' || c == ',') && is_dig(at(s, a->end + 1))))
        return false;
    if (i > 0 && !is_sp(s->t[i - 1]) && s->t[i - 1] != '-' && s->t[i - 1] != '(')
        return false;
    char pw[18];
    prev_word(s, i, pw);
    bool ok = word_in(pw, year_preps) &&
              (s->t[i - 1] != '-' || strcmp(pw, "mid") == 0);
    if (!ok && c == ',' && is_sp(at(s, a->end + 1)) && (i == 0 || is_sp(s->t[i - 1])))
        ok = i < 2 || (s->t[i - 2] != '$' && !is_dig(s->t[i - 2]) && s->t[i - 2] != ',');
    if (!ok)
        return false;
    h->end = a->end;
    h->v = (rx_date){a->v, 0, 0};
    return true;
}

/* Chinese "N<unit>前": 3天前, 两周前, 3个月前, 5年前. k is after the unit. */
static bool cn_ago(const scan *s, size_t k, int v, int unit, hit *h)
{
    k = skip_sp(s, k);
    uint32_t c = at(s, k);
    /* "5天后" is usually counted from another event, not from pub: not taken. */
    if (c != U'前' || v < 1 || v > 3650)
        return false;
    h->end = k + 1;
    h->rel = true;
    h->v = (rx_date){0, 0, 0};
    if (unit == 365 && s->pub.y && v <= 100)
        h->v = (rx_date){s->pub.y - v, 0, 0};
    else if (unit == 30 && s->pub.y && s->pub.m)
        h->v = add_months(s->pub.y, s->pub.m, -v);
    else if (unit <= 7 && pub_full(s))
        h->v = add_days(s->pub, -(long)v * unit);
    return true;
}

/* A number at i (start of a number); roc: it follows 民国, which starts at mstart. */
static hit match_number(scan *s, size_t i, bool roc)
{
    hit h = {0, {0, 0, 0}, false, DEP_NONE, 0, 0};
    num a;
    if (!read_num(s, i, &a))
        return h;
    if (!a.cn && a.len == 4 && a.v >= 1900 && a.v <= 2099 && !roc && iso_like(s, a.end, a.v, &h))
        return h;
    if (!a.cn && !roc && us_slash(s, i, &a, &h))
        return h;
    if (!a.cn && english_day_first(s, i, &a, &h))
        return h;
    if (!a.cn && ago_unit(s, a.end, a.v, &h))
        return h;

    size_t k = skip_sp(s, a.end);
    uint32_t u = at(s, k);
    bool yearlike = a.len == 4 && a.v >= 1900 && a.v <= 2099 && !roc;

    /* "2017至2019年": the first year borrows the unit of the second. */
    if (yearlike && in_set(u, U"至到~-\u2013\u2014")) {
        num b;
        size_t k2 = skip_sp(s, k + 1);
        if (read_num(s, k2, &b) && b.len == 4 && b.cn == a.cn && b.v >= a.v && b.v <= 2099 &&
            at(s, skip_sp(s, b.end)) == U'年') {
            h.end = a.end;
            h.v = (rx_date){a.v, 0, 0};
            return h;
        }
    }

    if (u == U'年') {
        size_t after = k + 1;
        int y = 0;
        if (roc && a.v >= 1 && a.v <= 200)
            y = a.v + 1911;
        else if (yearlike && at(s, after) != U'代')
            y = a.v;
        if (y) {
            ymd_tail(s, after, y, &h);
            return h;
        }
        if (!a.cn && a.len == 3 && a.v >= 60 && a.v <= 150) { /* 114年12月31日 */
            ymd_tail(s, after, a.v + 1911, &h);
            if (h.v.m)
                return h;
            h.end = 0;
        }
        if (!count_word_before(s, i) && cn_ago(s, after, a.v, 365, &h))
            return h;
        return h;
    }
    if (roc)
        return h;
    if (u == U'月') {
        if (a.v < 1 || a.v > 12 || count_word_before(s, i))
            return h;
        h.end = k + 1;
        size_t k2 = skip_sp(s, k + 1);
        num d;
        int day = 0;
        if (read_num(s, k2, &d) && d.v >= 1 && d.v <= 31) {
            size_t k3 = skip_sp(s, d.end);
            if (at(s, k3) == U'日' || at(s, k3) == U'号') {
                day = d.v;
                h.end = k3 + 1;
            }
        }
        resolve_md(s, i, a.v, day, &h);
        return h;
    }
    if (u == U'日' || u == U'号') {
        uint32_t nx = at(s, k + 1);
        if (a.v < 1 || a.v > 31 || count_word_before(s, i))
            return h;
        if (a.cn && a.len == 1 && a.v < 2)
            return h;
        if (a.cn && at(s, i) == U'两')
            return h;
        if (u == U'日' && in_set(nx, U"元圆内均币"))
            return h;
        if (u == U'号' && is_han(nx) && !in_set(nx, U"起至到前后晚上下早凌当正的在将举召宣发午中傍深夜"))
            return h;
        h.end = k + 1;
        resolve_d(s, i, a.v, &h);
        return h;
    }
    size_t l;
    if (u == U'天' || u == U'周') {
        cn_ago(s, k + 1, a.v, u == U'天' ? 1 : 7, &h);
        return h;
    }
    if ((l = lit(s, k, U"个月"))) {
        cn_ago(s, k + l, a.v, 30, &h);
        return h;
    }
    if ((l = lit(s, k, U"个星期")) || (l = lit(s, k, U"星期")) || (l = lit(s, k, U"个礼拜")) ||
        (l = lit(s, k, U"礼拜"))) {
        cn_ago(s, k + l, a.v, 7, &h);
        return h;
    }
    english_year(s, i, &a, &h);
    return h;
}

/* ------------------------------------------------------------ Chinese words */

enum { W_YEAR, W_MONTH, W_DAY, W_WEEK, W_VAGUE };

struct cn_word {
    const u32lit *w;
    int kind, off;
};

/* The words by their first character (in the order they are tried), each list
 * ending with {NULL}. */
static const struct cn_word cw_jin[] = {
    {U"今年", W_YEAR, 0}, {U"今天", W_DAY, 0}, {U"今日", W_DAY, 0}, {NULL, 0, 0}};
static const struct cn_word cw_ben[] = {{U"本年", W_YEAR, 0},
                                        {U"本月", W_MONTH, 0},
                                        {U"本周", W_WEEK, 0},
                                        {U"本星期", W_WEEK, 0},
                                        {NULL, 0, 0}};
static const struct cn_word cw_qu[] = {{U"去年", W_YEAR, -1}, {NULL, 0, 0}};
static const struct cn_word cw_shang[] = {
    {U"上年", W_YEAR, -1},     {U"上个月", W_MONTH, -1}, {U"上月", W_MONTH, -1},
    {U"上周", W_WEEK, -1},     {U"上个星期", W_WEEK, -1}, {U"上星期", W_WEEK, -1},
    {U"上个礼拜", W_WEEK, -1}, {U"上礼拜", W_WEEK, -1},   {NULL, 0, 0}};
static const struct cn_word cw_qian[] = {
    {U"前年", W_YEAR, -2}, {U"前天", W_DAY, -2}, {NULL, 0, 0}};
static const struct cn_word cw_ming[] = {
    {U"明年", W_YEAR, 1}, {U"明天", W_DAY, 1}, {U"明日", W_DAY, 1}, {NULL, 0, 0}};
static const struct cn_word cw_zhe[] = {
    {U"这个月", W_MONTH, 0}, {U"这周", W_WEEK, 0}, {U"这个星期", W_WEEK, 0}, {NULL, 0, 0}};
static const struct cn_word cw_xia[] = {
    {U"下个月", W_MONTH, 1}, {U"下月", W_MONTH, 1},     {U"下周", W_WEEK, 1},
    {U"下个星期", W_WEEK, 1}, {U"下星期", W_WEEK, 1},  {U"下个礼拜", W_WEEK, 1},
    {U"下礼拜", W_WEEK, 1},   {NULL, 0, 0}};
static const struct cn_word cw_zuo[] = {
    {U"昨天", W_DAY, -1}, {U"昨日", W_DAY, -1}, {NULL, 0, 0}};
static const struct cn_word cw_ri[] = {{U"日前", W_VAGUE, 0}, {NULL, 0, 0}};
static const struct cn_word cw_jinr[] = {{U"近日", W_VAGUE, 0}, {NULL, 0, 0}};
/* (年底 and 年初 alone: this year's; 2024年底 and 今年底 are matched from their
 * start, so only a bare one gets here) */
static const struct cn_word cw_nian[] = {{U"年底", W_YEAR, 0}, {U"年初", W_YEAR, 0}, {NULL, 0, 0}};

/* The time words that start with c, or NULL. */
static const struct cn_word *cn_words_of(uint32_t c)
{
    switch (c) {
    case U'今': return cw_jin;
    case U'本': return cw_ben;
    case U'去': return cw_qu;
    case U'上': return cw_shang;
    case U'前': return cw_qian;
    case U'明': return cw_ming;
    case U'这': return cw_zhe;
    case U'下': return cw_xia;
    case U'昨': return cw_zuo;
    case U'日': return cw_ri;
    case U'近': return cw_jinr;
    case U'年': return cw_nian;
    default: return NULL;
    }
}

/* 0 = Monday .. 6 = Sunday for 一..六, 日, 天; -1 otherwise. */
static int cn_weekday(uint32_t c)
{
    int v = cn_digit(c);
    if (v >= 1 && v <= 6 && c != U'两')
        return v - 1;
    return c == U'日' || c == U'天' ? 6 : -1;
}

/* Weekday wd of the week `week` weeks from pub's (Monday-based). */
static rx_date week_day(rx_date pub, int week, int wd)
{
    return add_days(pub, 7L * week + wd - weekday(pub));
}

/* Whether the code point after a weekday character lets it be one: 周一上午, 周五,
 * but not 周一项 (a 周 followed by 一项) or the given name of 周一鸣. */
static bool weekday_follow_ok(const scan *s, size_t k)
{
    uint32_t c = at(s, k);
    return !is_han(c) || in_set(c, U"起至到前后晚上下早凌当的在将午中傍深夜宣表召举正发请辞离卸接出获被遭退加任就已再又也");
}

/* 周X / 星期X / 礼拜X at i (上周X and the like are cn_words). */
static hit match_cn_weekday(scan *s, size_t i)
{
    hit h = {0, {0, 0, 0}, false, DEP_NONE, 0, 0};
    size_t l = lit(s, i, U"星期");
    if (!l)
        l = lit(s, i, U"礼拜");
    if (!l && at(s, i) == U'周')
        l = 1;
    if (!l)
        return h;
    int wd = cn_weekday(at(s, i + l));
    if (wd < 0 || (l == 1 && !weekday_follow_ok(s, i + 2)))
        return h;
    h.end = i + l + 1;
    h.rel = true;
    if (pub_full(s))
        h.v = near_weekday(s->pub, wd, future_before(s, i) ? 2 : 0);
    return h;
}

/* 今(2)日, 昨(1)日: a day of pub's month, written the Taiwanese way. */
static hit match_paren_day(scan *s, size_t i)
{
    hit h = {0, {0, 0, 0}, false, DEP_NONE, 0, 0};
    uint32_t c = at(s, i);
    if (!in_set(c, U"今昨明前") || at(s, i + 1) != '(')
        return h;
    num d;
    if (!read_num(s, i + 2, &d) || d.cn || d.v < 1 || d.v > 31 || at(s, d.end) != ')' ||
        at(s, d.end + 1) != U'日')
        return h;
    h.end = d.end + 2;
    h.rel = true;
    if (pub_full(s)) {
        rx_date v = {s->pub.y, s->pub.m, d.v};
        if (c != U'明' && d.v > s->pub.d + 1) /* 昨(30)日 in early May: April */
            v = add_months(v.y, v.m, -1), v.d = d.v;
        if (d.v <= mdays(v.y, v.m))
            h.v = v;
    }
    return h;
}

/* ------------------------------------------------------------ words that point back */

/* What may follow a Chinese anaphor: a month and day after a year word (同年5月3日),
 * a day after a month word (同月15日); T_NEEDED: a year word that is taken only
 * with a month or a part of the year after it (当年5月, 当年底), as 当年 alone
 * also means "back then". */
enum { T_NONE, T_MD, T_D, T_NEEDED };

static const struct cn_anaphor {
    const u32lit *w;
    int precision, tail;
} cn_anaphors[] = {
    {U"同一天", A_DAY, T_NONE},    {U"同一日", A_DAY, T_NONE}, {U"同一个月", A_MONTH, T_D},
    {U"同一年", A_YEAR, T_MD},     {U"同年", A_YEAR, T_MD},    {U"同月", A_MONTH, T_D},
    {U"同日", A_DAY, T_NONE},      {U"当年", A_YEAR, T_NEEDED}, {U"当月", A_MONTH, T_D},
    {U"当天", A_DAY, T_NONE},      {U"当日", A_DAY, T_NONE},   {NULL, 0, 0},
};

/* Whether a part of the year (底, 初, 年底, 年初, 年中, 上半年, 下半年) starts at k. */
static bool part_of_year(const scan *s, size_t k)
{
    return in_set(at(s, k), U"底初") || lit(s, k, U"年底") || lit(s, k, U"年初") ||
           lit(s, k, U"年中") || lit(s, k, U"上半年") || lit(s, k, U"下半年");
}

/* An anaphor that ends at e and asks for precision, with what may follow it
 * (tail: T_*), resolved against the last date before it (antecedent). Its end
 * does not depend on the antecedent; end == 0 when a T_NEEDED tail is missing. */
static hit anaphor_tail(const scan *s, size_t e, int precision, int tail)
{
    hit h = {e, antecedent(s, precision), true, DEP_NONE, 0, 0};
    rx_date a = s->last;
    if (tail == T_MD || tail == T_NEEDED) {
        hit t = {0, {0, 0, 0}, false, DEP_NONE, 0, 0};
        ymd_tail(s, e, 2000, &t); /* a leap year: 2月29日 is taken whatever the year */
        if (t.v.m) {
            h.end = t.end;
            h.v = (rx_date){a.y, a.y ? t.v.m : 0, a.y && t.v.d <= mdays(a.y, t.v.m) ? t.v.d : 0};
        } else if (tail == T_NEEDED && !part_of_year(s, skip_sp(s, e))) {
            h.end = 0;
        }
    } else if (tail == T_D) {
        num d;
        size_t k = skip_sp(s, e);
        if (read_num(s, k, &d) && d.v >= 1 && d.v <= 31) {
            k = skip_sp(s, d.end);
            if (at(s, k) == U'日' || at(s, k) == U'号') {
                h.end = k + 1;
                if (a.y && a.m && d.v <= mdays(a.y, a.m))
                    h.v.d = d.v;
            }
        }
    }
    return h;
}

/* 同月, 同年5月, 同一天, 当天, 当年底 ... at i (a 同 or a 当): the date last told
 * of. Not 不同年, 共同, 相当, 每当, 应当 (before it), 同年龄 / 同年级 (a peer),
 * 不可同日而语. */
static hit match_cn_anaphor(scan *s, size_t i)
{
    hit none = {0, {0, 0, 0}, false, DEP_NONE, 0, 0};
    const struct cn_anaphor *a = cn_anaphors;
    size_t l = 0;
    while (a->w && !(l = lit(s, i, a->w)))
        a++;
    if (!a->w)
        return none;
    uint32_t c = at(s, i), next = at(s, i + l);
    if (in_set(before(s, i), c == U'同' ? U"不共相如等" : U"相每应充担正适妥恰想便理"))
        return none;
    if (a->precision == A_YEAR && in_set(next, U"龄级代纪届班辈"))
        return none;
    if (c == U'同' && a->precision == A_DAY && next == U'而')
        return none;
    return anaphor_tail(s, i + l, a->precision, a->tail);
}

/* Whether 也 or 同样 (then 是, 在) comes just before i: 也是在这个月, 也在这个月,
 * 同样在这个月 mean the month just told of, not the month of publication. */
static bool also_before(const scan *s, size_t i)
{
    size_t k = i;
    if (k > 0 && is_sp(s->t[k - 1]))
        k--;
    if (k > 0 && s->t[k - 1] == U'在')
        k--;
    if (k > 0 && s->t[k - 1] == U'是')
        k--;
    if (k > 0 && s->t[k - 1] == U'也')
        return true;
    return k > 1 && s->t[k - 2] == U'同' && s->t[k - 1] == U'样';
}

/* A Chinese time word at i. */
static hit match_cn_word(scan *s, size_t i)
{
    hit h = {0, {0, 0, 0}, false, DEP_NONE, 0, 0};
    uint32_t c = at(s, i);
    if (c == U'民' && at(s, i + 1) == U'国') {
        size_t k = skip_sp(s, i + 2);
        h = match_number(s, k, true);
        return h;
    }
    h = match_paren_day(s, i);
    if (h.end)
        return h;
    if (c == U'周' || c == U'星' || c == U'礼')
        return match_cn_weekday(s, i);
    if (c == U'同' || c == U'当')
        return match_cn_anaphor(s, i);
    if (c == U'这' && lit(s, i, U"这个月") && also_before(s, i))
        return anaphor_tail(s, i + 3, A_MONTH, T_D);
    const struct cn_word *cw = cn_words_of(c);
    if (!cw)
        return h;
    for (; cw->w; cw++) {
        size_t l = lit(s, i, cw->w);
        if (!l)
            continue;
        size_t e = i + l;
        h.end = e;
        h.rel = true;
        rx_date p = s->pub;
        switch (cw->kind) {
        case W_YEAR:
            if (cw->off == -2 && i > 0 && s->t[i - 1] == U'提')
                return (hit){0, {0, 0, 0}, false, DEP_NONE, 0, 0};
            if (c == U'年' && i > 0 && in_set(s->t[i - 1], U"每多历近数几长逐"))
                return (hit){0, {0, 0, 0}, false, DEP_NONE, 0, 0}; /* 每年底: no date */
            if (cw->off == 1)
                s->next_year_at = i;
            if (p.y) {
                ymd_tail(s, e, p.y + cw->off, &h);
                h.rel = true;
            }
            break;
        case W_MONTH:
            if (p.y && p.m) {
                h.v = add_months(p.y, p.m, cw->off);
                size_t k = skip_sp(s, e);
                num d;
                if (read_num(s, k, &d) && d.v >= 1 && d.v <= mdays(h.v.y, h.v.m)) {
                    size_t k2 = skip_sp(s, d.end);
                    if (at(s, k2) == U'日' || at(s, k2) == U'号') {
                        h.v.d = d.v;
                        h.end = k2 + 1;
                    }
                }
            }
            break;
        case W_DAY:
            if (lit(s, i, U"今日头条"))
                return (hit){0, {0, 0, 0}, false, DEP_NONE, 0, 0};
            if (pub_full(s))
                h.v = add_days(p, cw->off);
            break;
        case W_WEEK: {
            int wd = cn_weekday(at(s, e));
            if (wd >= 0 && !weekday_follow_ok(s, e + 1))
                wd = -1;
            if (wd >= 0)
                h.end = e + 1;
            if (pub_full(s))
                h.v = wd >= 0 ? week_day(p, cw->off, wd) : add_days(p, 7L * cw->off);
            break;
        }
        case W_VAGUE:
            if (cw->w[0] == U'日' &&
                in_set(before(s, i), U"节生假末作易念期星拜每当次前同今昨明本周首半终工平休"
                                      U"这那该某数几多个逐隔翌庆寿忌诞吉佳落元春夏秋冬纪举止到"
                                      U"〇零一二三四五六七八九十两"))
                return (hit){0, {0, 0, 0}, false, DEP_NONE, 0, 0};
            if (p.y && p.m)
                h.v = (rx_date){p.y, p.m, 0};
            break;
        }
        return h;
    }
    return h;
}

/* ------------------------------------------------------------ the scan */

/* Can a Chinese word form (民国, 周一, 星期, 礼拜, 今年, 去年, 上月, 这个月,
 * 昨日, 日前, 近日, 今(2)日, 同月, 当天 ...) start with c? The scan skips every
 * other Han character without looking further. */
static bool cn_word_start(uint32_t c)
{
    switch (c) {
    case U'民': case U'周': case U'星': case U'礼': case U'今': case U'本': case U'去':
    case U'上': case U'前': case U'明': case U'这': case U'下': case U'昨': case U'日':
    case U'近': case U'同': case U'当': case U'年':
        return true;
    default:
        return false;
    }
}

/* The characters above ASCII that can start a form (the Chinese numerals of
 * cn_digit and the characters of cn_word_start), by their low 8 bits: these 31
 * differ there, so han_tab[c & 255].c == c is an exact test for every c (slot 0
 * holds 一, so c == 0 fails too). digit is cn_digit's value, -1 for a word start. */
typedef struct han_start {
    uint32_t c;
    int8_t digit;
} han_start;
#define HS(c, d) [(c) & 255u] = {(c), (d)}
static const han_start han_tab[256] = {
    HS(U'〇', 0), HS(U'零', 0), HS(U'一', 1), HS(U'二', 2), HS(U'两', 2), HS(U'三', 3),
    HS(U'四', 4), HS(U'五', 5), HS(U'六', 6), HS(U'七', 7), HS(U'八', 8), HS(U'九', 9),
    HS(U'十', 10), HS(U'民', -1), HS(U'周', -1), HS(U'星', -1), HS(U'礼', -1), HS(U'今', -1),
    HS(U'本', -1), HS(U'去', -1), HS(U'上', -1), HS(U'前', -1), HS(U'明', -1), HS(U'这', -1),
    HS(U'下', -1), HS(U'昨', -1), HS(U'日', -1), HS(U'近', -1), HS(U'同', -1), HS(U'当', -1),
    HS(U'年', -1),
};
#undef HS

/* ASCII digits and letters, as a 128-bit map. */
static const uint64_t ascii_alnum[2] = {0x03FF000000000000u, 0x07FFFFFE07FFFFFEu};

/* False when no form can start with c (the scan then just steps over it). */
static bool may_start(uint32_t c)
{
    if (c < 0x80)
        return (ascii_alnum[c >> 6] >> (c & 63u)) & 1u;
    return han_tab[c & 255u].c == c;
}

/* cn_digit by the table: the numeral's value, -1 for any other character. */
static int cn_digit_fast(uint32_t c)
{
    const han_start *h = &han_tab[c & 255u];
    return h->c == c ? h->digit : -1;
}

/* Whether a Chinese time word (match_cn_word) can match at a c followed by c2:
 * each starts with one of a few pairs (民国, 周一, 星期, 今年, 今(, 上个, 同月 ...). */
static bool cn_word_pair(uint32_t c, uint32_t c2)
{
    switch (c) {
    case U'民': return c2 == U'国';
    case U'周': return cn_weekday(c2) >= 0;
    case U'星': return c2 == U'期';
    case U'礼': return c2 == U'拜';
    case U'今': case U'明': return c2 == '(' || c2 == U'年' || c2 == U'天' || c2 == U'日';
    case U'昨': return c2 == '(' || c2 == U'天' || c2 == U'日';
    case U'前': return c2 == '(' || c2 == U'年' || c2 == U'天';
    case U'本': return c2 == U'年' || c2 == U'月' || c2 == U'周' || c2 == U'星';
    case U'去': return c2 == U'年';
    case U'上': case U'下':
        return c2 == U'年' || c2 == U'个' || c2 == U'月' || c2 == U'周' || c2 == U'星' ||
               c2 == U'礼';
    case U'这': return c2 == U'个' || c2 == U'周';
    case U'日': return c2 == U'前';
    case U'近': return c2 == U'日';
    case U'年': return c2 == U'底' || c2 == U'初';
    case U'同': return c2 == U'年' || c2 == U'月' || c2 == U'日' || c2 == U'一';
    case U'当': return c2 == U'年' || c2 == U'月' || c2 == U'天' || c2 == U'日';
    default: return false;
    }
}

/* Whether c can follow a number (after blanks) in a Chinese form: a unit (年, 月,
 * 日, 号, 天, 周, 个月, 星期, 礼拜) or the dash of "2017至2019年". */
static bool cn_unit(uint32_t c)
{
    switch (c) {
    case U'年': case U'月': case U'日': case U'号': case U'天': case U'周': case U'个':
    case U'星': case U'礼': case U'至': case U'到': case '~': case '-': case 0x2013:
    case 0x2014:
        return true;
    default:
        return false;
    }
}

/* Whether match_number can match at an ASCII number t[i..k) (k: the end of its
 * digits): it needs at most 4 digits, and unless it has 4 (a year: "2017,",
 * "in 2017", "2017-05") a '/', a blank, a letter or a unit after it. */
static bool digits_may_match(const scan *s, size_t i, size_t k)
{
    if (k - i >= 4)
        return k - i == 4;
    uint32_t c = at(s, k);
    return c == '/' || is_sp(c) || is_alpha(c) || cn_unit(c);
}

/* Whether match_number can match at a Chinese numeral whose run of numerals ends
 * at k: only before a unit. */
static bool cn_digits_may_match(const scan *s, size_t k)
{
    return cn_unit(at(s, skip_sp(s, k)));
}

/* Whether the Latin word t[0..len) (ASCII letters, any case) is w (lower case). */
static bool word_is(const uint32_t *t, size_t len, const char *w)
{
    size_t k = 0;
    for (; k < len; k++)
        if ((t[k] | 0x20u) != (uint32_t)(unsigned char)w[k])
            return false; /* also stops at w's NUL */
    return w[k] == '\0';
}

/* A word of english_start's lists and its length. */
typedef struct start_word {
    unsigned char len;
    const char *w;
} start_word;
#define SW(w) {sizeof(w) - 1, (w)}

/* Whether match_english can match at the word t[0..len): only when the word is
 * one of those it starts with (today, last, a, one, end, year, a month or weekday
 * name ...);
 * for any other word it matches nothing and changes nothing. */
static bool english_start(const uint32_t *t, size_t len)
{
    static const start_word a[] = {SW("a"), SW("an"), SW("apr"), SW("april"), SW("aug"),
                                   SW("august"), {0, NULL}};
    static const start_word d[] = {SW("dec"), SW("december"), {0, NULL}};
    static const start_word e[] = {SW("eight"), SW("earlier"), SW("end"), {0, NULL}};
    static const start_word f[] = {SW("feb"), SW("february"), SW("four"), SW("five"),
                                   SW("friday"), {0, NULL}};
    static const start_word j[] = {SW("jan"), SW("january"), SW("jun"), SW("june"), SW("jul"),
                                   SW("july"), {0, NULL}};
    static const start_word l[] = {SW("last"), SW("later"), {0, NULL}};
    static const start_word m[] = {SW("mar"), SW("march"), SW("may"), SW("monday"), {0, NULL}};
    static const start_word n[] = {SW("next"), SW("nine"), SW("nov"), SW("november"), {0, NULL}};
    static const start_word o[] = {SW("one"), SW("oct"), SW("october"), {0, NULL}};
    static const start_word s[] = {SW("sep"), SW("sept"), SW("september"), SW("six"),
                                   SW("seven"), SW("saturday"), SW("sunday"), SW("same"),
                                   {0, NULL}};
    static const start_word t_[] = {SW("today"), SW("tomorrow"), SW("this"), SW("two"),
                                    SW("three"), SW("ten"), SW("tuesday"), SW("thursday"),
                                    {0, NULL}};
    static const start_word w[] = {SW("wednesday"), {0, NULL}};
    static const start_word y[] = {SW("yesterday"), SW("year"), {0, NULL}};
    static const start_word *const by_letter[26] = {
        ['a' - 'a'] = a, ['d' - 'a'] = d, ['e' - 'a'] = e, ['f' - 'a'] = f, ['j' - 'a'] = j,
        ['l' - 'a'] = l, ['m' - 'a'] = m, ['n' - 'a'] = n, ['o' - 'a'] = o, ['s' - 'a'] = s,
        ['t' - 'a'] = t_, ['w' - 'a'] = w, ['y' - 'a'] = y,
    };
    if (len > 9)
        return false;
    const start_word *list = by_letter[(t[0] | 0x20u) - 'a'];
    if (!list)
        return false;
    for (; list->w; list++)
        if (list->len == len && word_is(t, len, list->w))
            return true;
    return false;
}
#undef SW

/* The attempt of the scan at i: a match (end > i) or none (end == 0); *skip is
 * where the scan goes on when there is none. Whether there is a match at i does
 * not depend on the publication date nor on the earlier matches; only its value
 * does, and its end where a 今年 / 本月 takes a following 5月1日 along. */
static hit scan_at(scan *s, size_t i, size_t *skip)
{
    uint32_t c = s->t[i];
    uint32_t p = i ? s->t[i - 1] : 0;
    hit h = {0, {0, 0, 0}, false, DEP_NONE, 0, 0};
    size_t k = i + 1;
    if (is_dig(c)) {
        bool part = is_dig(p) || is_alpha(p) ||
                    ((p == '.' || p == ',') && i > 1 && is_dig(s->t[i - 2]));
        if (!part)
            h = match_number(s, i, false);
        while (k < s->n && is_dig(s->t[k]))
            k++;
    } else if (is_alpha(c)) {
        while (k < s->n && is_alpha(s->t[k]))
            k++;
        if (!is_alpha(p) && !is_dig(p) && english_start(s->t + i, k - i))
            h = match_english(s, i);
    } else if (c >= 0x80 && may_start(c)) {
        if (cn_digit_fast(c) >= 0) {
            if (cn_digit_fast(p) < 0)
                h = match_number(s, i, false);
            while (k < s->n && cn_digit_fast(s->t[k]) >= 0)
                k++;
        } else if (cn_word_start(c)) {
            h = match_cn_word(s, i);
        }
    }
    *skip = k;
    return h;
}

/* Where the scan goes on from i when nothing matches at i (as scan_at). */
static size_t skip_from(const scan *s, size_t i)
{
    uint32_t c = s->t[i];
    size_t k = i + 1;
    if (is_dig(c)) {
        while (k < s->n && is_dig(s->t[k]))
            k++;
    } else if (is_alpha(c)) {
        while (k < s->n && is_alpha(s->t[k]))
            k++;
    } else if (c >= 0x80 && cn_digit_fast(c) >= 0) {
        while (k < s->n && cn_digit_fast(s->t[k]) >= 0)
            k++;
    }
    return k;
}

/* The attempt at i and the step past it; returns the next position. */
static size_t scan_step(scan *s, size_t i)
{
    if (!may_start(s->t[i]))
        return i + 1;
    size_t skip;
    hit h = scan_at(s, i, &skip);
    if (h.end <= i)
        return skip;
    if (s->record && !s->oom) {
        if (ROOM_FOR_ONE(s->rec, s->nrec, s->reccap))
            s->rec[s->nrec++] = (span_rec){i, h};
        else
            s->oom = true;
    }
    emit(s, i, &h);
    return h.end;
}

/* The scan from the start. It passes over what scan_at would not try or would
 * try in vain (the same tests, done here without the call): a character no form
 * starts with, a Latin word that is no date word or does not start at a word
 * boundary, a number or a Chinese word that what follows rules out. Each case
 * goes on where scan_at's *skip would. */
static void scan_all(scan *s)
{
    const uint32_t *t = s->t;
    size_t i = 0, n = s->n;
    while (i < n && !s->oom) {
        while (i < n && !may_start(t[i]))
            i++;
        if (i >= n)
            break;
        uint32_t c = t[i];
        size_t k = i + 1;
        if (c < 0x80) {
            uint32_t p = i ? t[i - 1] : 0;
            if (is_alpha(c)) {
                while (k < n && is_alpha(t[k]))
                    k++;
                if (is_alpha(p) || is_dig(p) || !english_start(t + i, k - i)) {
                    i = k;
                    continue;
                }
            } else {
                while (k < n && is_dig(t[k]))
                    k++;
                if (!digits_may_match(s, i, k)) {
                    i = k;
                    continue;
                }
            }
        } else if (han_tab[c & 255u].digit >= 0) {
            while (k < n && cn_digit_fast(t[k]) >= 0)
                k++;
            if (!cn_digits_may_match(s, k)) {
                i = k;
                continue;
            }
        } else if (!cn_word_pair(c, k < n ? t[k] : 0)) {
            i = k;
            continue;
        }
        i = scan_step(s, i);
    }
}

/* The scan of the same text as the recorded one (rec, nrec: its matches), against
 * another publication date, visiting only the positions where that scan matched
 * (and redoing only what the date changes in a match that is not relative). Both scans stop
 * at the same positions as long as every match ends where the recorded one did
 * (what matches where does not depend on the date). Where a match ends
 * elsewhere (今年5月1日 is one match with a date, two without), this scan looks
 * at every position until it reaches one the recorded scan also stopped at.
 * False if the record turns out not to fit (then scan_all instead). */
static bool replay(scan *s, const span_rec *rec, size_t nrec)
{
    size_t i = 0, r = 0, p1 = 0; /* p1: the recorded scan's position */
    bool same = true;
    while (!s->oom) {
        if (same) {
            if (r == nrec)
                return true;
            if (rec[r].start < i)
                return false;
            i = rec[r].start;
            hit h = rec[r].h;
            if (h.rel) {
                size_t skip;
                h = scan_at(s, i, &skip);
                if (h.end <= i)
                    return false;
            } else if (h.dep == DEP_MD) {
                resolve_md(s, i, h.m, h.d, &h);
            } else if (h.dep == DEP_D) {
                resolve_d(s, i, h.d, &h);
            }
            emit(s, i, &h);
            if (h.end != rec[r].h.end) {
                same = false;
                p1 = rec[r].h.end;
            }
            r++;
            i = h.end;
            continue;
        }
        if (i >= s->n)
            return true;
        while (p1 < i) {
            if (r < nrec && rec[r].start == p1)
                p1 = rec[r++].h.end;
            else
                p1 = skip_from(s, p1);
        }
        if (p1 == i) {
            same = true;
            continue;
        }
        i = scan_step(s, i);
    }
    return true;
}

static void scan_init(scan *s, const uint32_t *norm, size_t n, rx_date pub)
{
    *s = (scan){norm, n, pub, NO_POS, {0, 0, 0}, NULL, 0, 0, false, false, NULL, 0, 0};
    if (pub.y && (pub.m < 0 || pub.m > 12 || pub.d < 0 || pub.d > mdays(pub.y, pub.m ? pub.m : 1)))
        s->pub = (rx_date){pub.y, 0, 0};
    if (s->pub.y && !s->pub.m)
        s->pub.d = 0;
}

static int scan_result(scan *s, rx_date_mention **out, size_t *count)
{
    free(s->rec);
    s->rec = NULL;
    if (s->oom) {
        free(s->out);
        *out = NULL;
        *count = 0;
        return -1;
    }
    *out = s->out;
    *count = s->count;
    return 0;
}

/* Every date mention of norm[0..n), sorted, resolved against pub; caller frees *out. */
int rx_find_dates(const uint32_t *norm, size_t n, rx_date pub, rx_date_mention **out,
                  size_t *count)
{
    scan s;
    scan_init(&s, norm, n, pub);
    scan_all(&s);
    return scan_result(&s, out, count);
}

/* rx_find_dates against pub, redone from the record of a scan of the same text. */
static int find_dates_again(const uint32_t *norm, size_t n, rx_date pub, const span_rec *rec,
                            size_t nrec, rx_date_mention **out, size_t *count)
{
    scan s;
    scan_init(&s, norm, n, pub);
    if (!replay(&s, rec, nrec) && !s.oom) {
        s.count = 0;
        s.next_year_at = NO_POS;
        s.last = (rx_date){0, 0, 0};
        scan_all(&s);
    }
    return scan_result(&s, out, count);
}

/* ------------------------------------------------------------ the dateline */

#define HEAD_REACH 400
#define TAIL_REACH 300

static bool is_eol(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

/* Whether a label ends just before start, on the same line, with only blanks and
 * a colon between: "Published: May 23, 2024", "发布时间:2024-05-23", "出版 2024年5月",
 * "Posted on 2024-03-05", or a news service's credit (【某报专讯】2024年4月18日).
 * 时间, 日期 and "date" need the colon (so that "北京时间2023年" is not one). */
static bool label_before(const uint32_t *t, size_t start)
{
    static const char *const en[] = {"published", "updated", "posted", "date", NULL};
    static const u32lit *const zh[] = {U"发布", U"发表", U"出版", U"更新", U"时间", U"日期", NULL};
    size_t b = start;
    bool colon = false;
    for (int k = 0; k < 4 && b > 0 && (is_sp(t[b - 1]) || t[b - 1] == ':'); k++) {
        colon |= t[b - 1] == ':';
        b--;
    }
    /* a news service's credit: 【某报专讯】2024年4月18日, 本报讯 2024年4月18日,
     * 本报讯（记者某某）2024年5月3日, a byline in 【】 that opens the line
     * (【某报／记者某某／台北报导】2024/05/03) */
    if (b >= 1 && (t[b - 1] == 0x3011 || t[b - 1] == ')' || t[b - 1] == 0xFF09)) {
        uint32_t open = t[b - 1] == 0x3011 ? 0x3010 : t[b - 1] == ')' ? '(' : 0xFF08;
        size_t a = b - 1;
        while (a > 0 && b - a < 40 && t[a - 1] != open && !is_eol(t[a - 1]))
            a--;
        if (a > 0 && t[a - 1] == open) {
            a--; /* at the opening bracket */
            if (b - a >= 3 && t[b - 2] == 0x8BAF)
                return true;
            if (a > 0 && t[a - 1] == 0x8BAF)
                return true;
            if (open == 0x3010 && (a == 0 || is_eol(t[a - 1])))
                return true;
        }
    }
    if (b >= 1 && t[b - 1] == 0x8BAF)
        return true;
    /* "Posted on 2024-03-05", "Published on March 5, 2024" */
    bool on = false;
    if (!colon && b >= 4 && t[b - 1] == 'n' && t[b - 2] == 'o' && t[b - 3] == ' ') {
        b -= 3;
        on = true;
    }
    for (int k = 0; zh[k] && !on; k++) {
        size_t l = 2;
        if (b >= l && t[b - 2] == zh[k][0] && t[b - 1] == zh[k][1])
            return colon || k < 4;
    }
    for (int k = 0; en[k] && (!on || k < 3); k++) {
        size_t l = strlen(en[k]);
        if (b < l || (b > l && is_alpha(t[b - l - 1])))
            continue;
        size_t j = 0;
        while (j < l && (t[b - l + j] | 0x20) == (uint32_t)(unsigned char)en[k][j])
            j++;
        if (j == l)
            return colon || k < 3;
    }
    return false;
}

/* Whether a news agency's dateline closes right after end: 电, 讯 or 消息
 * (（中央社台北2024年5月23日电）, 新华社北京5月23日电, 【某报2024年5月23日讯】), an agency in brackets ("Feb. 21,
 * 2024 (AP)") or slashes ("June 3, 2025 /PRNewswire/"), or a dash ("May 23,
 * 2024 -- "). */
static bool wire_after(const uint32_t *t, size_t n, size_t end)
{
    size_t i = end;
    while (i < n && is_sp(t[i]))
        i++;
    if (i >= n)
        return false;
    if (t[i] == 0x7535 /* 电 */ || t[i] == 0x8BAF /* 讯: 中新网2024年5月3日讯 */)
        return true;
    if (i + 1 < n && t[i] == 0x6D88 && t[i + 1] == 0x606F) /* 消息: 某台2024年9月2日消息 */
        return true;
    if (t[i] == '/' && i + 2 < n && is_alpha(t[i + 1])) { /* "June 3, 2025 /PRNewswire/ --" */
        size_t j = i + 1;
        while (j < n && j - i <= 24 && (is_alpha(t[j]) || t[j] == ' '))
            j++;
        return j < n && t[j] == '/';
    }
    if (t[i] == '(' && i + 1 < n && t[i + 1] - 'A' < 26u) {
        size_t j = i + 1;
        while (j < n && j - i <= 20 && (is_alpha(t[j]) || t[j] == ' '))
            j++;
        return j < n && t[j] == ')' && j - i >= 3;
    }
    return t[i] == 0x2014 || (t[i] == '-' && i + 1 < n && (t[i + 1] == '-' || t[i + 1] == ' '));
}

/* Whether the rest of the line after end has at most 3 letters or Han characters
 * (a dateline ends with the date, a time, or a short word such as 电). */
static bool line_ends_soon(const uint32_t *t, size_t n, size_t end)
{
    int words = 0;
    for (size_t e = end; e < n && !is_eol(t[e]) && words <= 3; e++)
        if (is_han(t[e]) || is_alpha(t[e]))
            words++;
    return words <= 3;
}

/* Whether a clock time "hh:mm" follows end (after blanks or 'T', "at", a
 * weekday or a part of the day: "May 3, 2024 at 2:15", 2024年5月3日 周五 下午2:15). */
static bool time_after(const uint32_t *t, size_t n, size_t end)
{
    size_t i = end;
    for (int k = 0; k < 3 && i < n && (t[i] == ' ' || t[i] == 'T' || t[i] == '\t'); k++)
        i++;
    if (i == end)
        return false;
    if (i + 2 < n && t[i] == 'a' && t[i + 1] == 't' && t[i + 2] == ' ')
        i += 3;
    for (int k = 0; k < 8 && i < n && in_set(t[i], U"周星期礼拜一二三四五六日天上下午晚中早凌晨 "); k++)
        i++;
    size_t d = 0;
    while (i + d < n && d < 3 && is_dig(t[i + d]))
        d++;
    return d >= 1 && d <= 2 && i + d + 2 < n && t[i + d] == ':' && is_dig(t[i + d + 1]) &&
           is_dig(t[i + d + 2]);
}

/* The other visible code points of the line of [start, end), at most limit+1. */
static size_t line_rest(const uint32_t *t, size_t n, size_t start, size_t end, size_t limit)
{
    size_t cnt = 0;
    for (size_t b = start; b > 0 && !is_eol(t[b - 1]) && cnt <= limit; b--)
        if (!is_sp(t[b - 1]))
            cnt++;
    for (size_t e = end; e < n && !is_eol(t[e]) && cnt <= limit; e++)
        if (!is_sp(t[e]))
            cnt++;
    return cnt;
}

static bool line_has_clause_punct(const uint32_t *t, size_t n, size_t start, size_t end)
{
    size_t k = 0;
    for (size_t b = start; b > 0 && !is_eol(t[b - 1]) && k < 80; b--, k++)
        if (in_set(t[b - 1], U"。，;；!！?？")) /* not ',': "Friday, May 3, 2024", "By Jo Li, May 3, 2024" */
            return true;
    k = 0;
    for (size_t e = end; e < n && !is_eol(t[e]) && k < 80; e++, k++)
        if (in_set(t[e], U"。，;；!！?？") || (t[e] == ',' && !(e + 1 < n && is_sp(t[e + 1]) &&
                                                                   e + 2 < n && is_dig(t[e + 2]))))
            return true;
    return false;
}

/* The dateline's date (year-month at least) near the start, or a signature at the
 * end. all, nall: the mentions of the whole text scanned without a date, or NULL
 * when there is no such scan (then the parts are scanned here).
 *
 * The head is the scan of the first HEAD_REACH + 60 code points, of which the
 * mentions that start before HEAD_REACH count. Those are the same in the scan of
 * the whole text: both scans start at 0 and stop at the same positions up to
 * there, and an attempt at a position reads at most about 50 code points after
 * it (民国 二〇二二 年 十二 月 三十一 日 with three blanks wherever they may be,
 * "three <16 letters> ago"), so none before HEAD_REACH reads past the cut. The
 * tail's scan starts at its line, and a scan from there is not the same as the
 * whole text's (a bare "2017, " at the start of the text is a year), so the tail
 * is scanned on its own unless it is the whole text. */
static bool pubdate_of(const uint32_t *norm, size_t n, const rx_date_mention *all, size_t nall,
                       rx_date *out)
{
    rx_date none = {0, 0, 0};
    rx_date_mention *m = NULL;
    const rx_date_mention *ms;
    size_t cnt = 0;
    bool found = false;
    size_t head = n < HEAD_REACH + 60 ? n : HEAD_REACH + 60;
    int r = 0;
    if (all) {
        ms = all;
        cnt = nall;
    } else {
        r = rx_find_dates(norm, head, none, &m, &cnt);
        ms = m;
    }
    if (r == 0) {
        for (size_t k = 0; k < cnt && !found; k++) {
            const rx_date_mention *d = &ms[k];
            if (d->start >= HEAD_REACH || !d->value.m || d->relative)
                continue;
            if (time_after(norm, n, d->end) || label_before(norm, d->start) || wire_after(norm, n, d->end) ||
                (line_rest(norm, n, d->start, d->end, 24) <= 24 &&
                 line_ends_soon(norm, n, d->end) &&
                 !line_has_clause_punct(norm, n, d->start, d->end))) {
                *out = d->value;
                found = true;
            }
        }
    }
    free(m);
    if (found)
        return true;
    /* An announcement signed with a date on a line of its own at the end. */
    size_t tail = n > TAIL_REACH ? n - TAIL_REACH : 0;
    while (tail > 0 && tail < n && !is_eol(norm[tail - 1]))
        tail++;
    m = NULL;
    cnt = 0;
    r = 0;
    size_t off = 0; /* ms's offsets are from norm + off */
    if (all) {
        /* The tail starts at a line: the whole scan stops there too (no match
         * and no run of digits or letters spans a line end), and from there on
         * finds what a scan of the tail alone finds (what lies before a line end
         * is like the start of the text to every form), but for one case: a bare
         * year "2017, " at the tail's very start, and dates linked to it (5月 in
         * "2017, 5月"), which only a scan of the tail alone takes. Neither counts
         * here: the year has no month, and the dates linked to it share its line. */
        size_t k = 0;
        while (k < nall && all[k].start < tail)
            k++;
        ms = all + k;
        cnt = nall - k;
        off = tail;
    } else {
        r = rx_find_dates(norm + tail, n - tail, none, &m, &cnt);
        ms = m;
    }
    if (r == 0) {
        for (size_t k = 0; k < cnt; k++) {
            const rx_date_mention *d = &ms[k];
            if (d->value.m && !d->relative &&
                line_rest(norm + tail, n - tail, d->start - off, d->end - off, 0) == 0) {
                *out = d->value;
                found = true;
            }
        }
    }
    free(m);
    return found;
}

bool rx_find_pubdate(const uint32_t *norm, size_t n, rx_date *out)
{
    return pubdate_of(norm, n, NULL, 0, out);
}

/* A dateline that gives a day, or a month and day, but no year (（中央社台北
 * 5日电）, 新华社北京3月12日电, "LONDON, May 3 (Reuters) -"), completed by the
 * full dates of the text: when every full date with that day (and month) is
 * the same one, that is the publication date (the dateline's 5日 and the
 * text's 2024年3月5日): then 1. -1: there is such a dateline but no such date
 * (a day alone does not say its month); 0: there is none.
 * rec, nrec: the matches of a scan without a date; all, nall: its mentions. */
static int dateline_day(const uint32_t *norm, size_t n, const span_rec *rec, size_t nrec,
                        const rx_date_mention *all, size_t nall, rx_date *out)
{
    int m = -1, d = 0;
    for (size_t k = 0; k < nrec && rec[k].start < HEAD_REACH; k++) {
        const hit *h = &rec[k].h;
        if (!h->rel && h->d && (h->dep == DEP_D || h->dep == DEP_MD) && wire_after(norm, n, h->end)) {
            m = h->dep == DEP_MD ? h->m : 0;
            d = h->d;
            break;
        }
    }
    if (m < 0)
        return 0;
    rx_date found = {0, 0, 0};
    for (size_t k = 0; k < nall; k++) {
        rx_date v = all[k].value;
        if (all[k].relative || !v.y || v.d != d || (m && v.m != m))
            continue;
        if (found.y && (found.y != v.y || found.m != v.m))
            return -1;
        found = v;
    }
    if (!found.y)
        return -1;
    *out = found;
    return 1;
}

int rx_find_doc_dates(const uint32_t *norm, size_t n, rx_date *pub, rx_date_mention **out,
                      size_t *count)
{
    if (pub->y)
        return rx_find_dates(norm, n, *pub, out, count);
    /* One scan without a date serves the dateline, the latest full date and, by
     * replay, the scan against whichever date is found. */
    scan s;
    scan_init(&s, norm, n, (rx_date){0, 0, 0});
    s.record = true;
    scan_all(&s);
    if (s.oom)
        return scan_result(&s, out, count);
    rx_date ref = {0, 0, 0};
    int day = 0;
    if (pubdate_of(norm, n, s.out, s.count, &ref) ||
        (day = dateline_day(norm, n, s.rec, s.nrec, s.out, s.count, &ref)) > 0) {
        *pub = ref;
    } else if (day == 0) {
        /* No publication date: resolve partial dates (6月28日) against the latest
         * full date the text itself gives, the time its story is told in (not
         * when a dateline gives a day that is not that date's: 今天, 昨天 would
         * be wrong). */
        for (size_t i = 0; i < s.count; i++) {
            rx_date d = s.out[i].value;
            if (d.d && !s.out[i].relative &&
                (d.y > ref.y || (d.y == ref.y && (d.m > ref.m || (d.m == ref.m && d.d > ref.d)))))
                ref = d;
        }
    }
    if (!ref.y)
        return scan_result(&s, out, count);
    int r = find_dates_again(norm, n, ref, s.rec, s.nrec, out, count);
    free(s.rec);
    free(s.out);
    return r;
}

/* ------------------------------------------------------------ ISO text */

static int digits(const char *s, int k)
{
    int v = 0;
    for (int j = 0; j < k; j++) {
        if (s[j] < '0' || s[j] > '9')
            return -1;
        v = v * 10 + (s[j] - '0');
    }
    return v;
}

/* Strict "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real calendar date); 0 or -1. */
int rx_date_parse_iso(const char *s, rx_date *out)
{
    if (!s)
        return -1;
    size_t len = strlen(s);
    rx_date d = {0, 0, 0};
    if (len != 4 && len != 7 && len != 10)
        return -1;
    d.y = digits(s, 4);
    if (d.y < 1)
        return -1;
    if (len >= 7) {
        if (s[4] != '-' || (d.m = digits(s + 5, 2)) < 1 || d.m > 12)
            return -1;
    }
    if (len == 10) {
        if (s[7] != '-' || (d.d = digits(s + 8, 2)) < 1 || d.d > mdays(d.y, d.m))
            return -1;
    }
    *out = d;
    return 0;
}

/* ISO text at d's precision into out (11 bytes); "" when d.y is not 1..9999. */
void rx_date_format(rx_date d, char *out)
{
    if (d.y < 1 || d.y > 9999) {
        out[0] = '\0';
        return;
    }
    /* as "%04d-%02d-%02d" */
    out[0] = (char)('0' + d.y / 1000);
    out[1] = (char)('0' + d.y / 100 % 10);
    out[2] = (char)('0' + d.y / 10 % 10);
    out[3] = (char)('0' + d.y % 10);
    if (d.m < 1 || d.m > 12) {
        out[4] = '\0';
        return;
    }
    out[4] = '-';
    out[5] = (char)('0' + d.m / 10);
    out[6] = (char)('0' + d.m % 10);
    if (d.d < 1 || d.d > 31) {
        out[7] = '\0';
        return;
    }
    out[7] = '-';
    out[8] = (char)('0' + d.d / 10);
    out[9] = (char)('0' + d.d % 10);
    out[10] = '\0';
}
