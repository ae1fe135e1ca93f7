/* lang.c: the language of a document, from its script alone.
 *
 *   "Acmeco 首席科学家 Anna Pettersen 宣布离职"   Han 9 x 3 = 27 > Latin 19   -> zh-*
 *                                                 Traditional-only 0, Simplified-only 6
 *                                                                            -> zh-Hans
 *   "「這家公司」的執行長 Sam Altman 說"          Han 9 x 3 = 27 > Latin 9
 *                                                 Traditional-only 4 (這執長說)
 *                                                 > Simplified-only 1 (家)   -> zh-Hant
 *   "Alibaba's 马云 stepped down"                  Han 2 x 3 = 6 < Latin 19   -> en
 *
 * A Han character weighs HAN_WEIGHT Latin letters: an English word is about five
 * letters where a Chinese one is about two characters, so a Chinese article full
 * of English names still comes out Chinese. The Chinese variety is the script
 * with more characters unique to it (rx_script_class); a tie (including no such
 * character at all) is zh-Hans. rx_script_class also counts a few characters
 * common to both scripts as Simplified-only (家, 布: the fold targets of 傢, 佈);
 * a Traditional text has many more Traditional-only ones (這, 說, 們). A text with no letters at all (empty, digits,
 * punctuation) is "en": no Chinese rule can match it anyway, and English is the
 * neutral choice for the output. */
#include "internal.h"

#define HAN_WEIGHT 3

static inline bool is_han(uint32_t c)
{
    return (c - 0x4E00u <= 0x9FFFu - 0x4E00u) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

static bool is_latin(uint32_t c)
{
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (c >= 0xFF21 && c <= 0xFF5A) /* full-width Ａ..ｚ */
        return c <= 0xFF3A || c >= 0xFF41;
    return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
}

/* "zh-Hant", "zh-Hans" or "en" (static strings) for cp[0..n). */
const char *rx_detect_lang(const uint32_t *cp, size_t n)
{
    const uint8_t *cls = rx_script_class_bmp();
    size_t han = 0, latin = 0;
    size_t by_class[3] = {0, 0, 0}; /* Han characters by script class 0, 1, 2 */
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cp[i];
        if (c < 0x80) {
            latin += (c | 0x20) - 'a' < 26u;
            continue;
        }
        if (is_han(c)) {
            han++;
            by_class[c < 0x10000 ? cls[c] : rx_script_class(c)]++;
        } else if (is_latin(c)) {
            latin++;
        }
    }
    if (han == 0 || han * HAN_WEIGHT <= latin)
        return "en";
    return by_class[1] > by_class[2] ? "zh-Hant" : "zh-Hans";
}
