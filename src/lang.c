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

/* Language from the counts (rx_decode gathers them while decoding). */
const char *rx_lang_of_script(const rx_script_count *k)
{
    size_t han = k->han[0] + k->han[1] + k->han[2];
    if (han == 0 || han * HAN_WEIGHT <= k->latin)
        return "en";
    return k->han[1] > k->han[2] ? "zh-Hant" : "zh-Hans";
}

/* "zh-Hant", "zh-Hans" or "en" (static strings) for cp[0..n). */
const char *rx_detect_lang(const uint32_t *cp, size_t n)
{
    const uint8_t *bmp = rx_script_class_bmp();
    rx_script_count k = {0, {0, 0, 0}};
    for (size_t i = 0; i < n; i++)
        rx_script_add(&k, bmp, cp[i]);
    return rx_lang_of_script(&k);
}
