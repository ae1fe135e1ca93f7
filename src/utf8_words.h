/* utf8_words.h: word-at-a-time helpers for UTF-8 scanning, shared by the
 * decoder (decode.c) and the JSON Lines fast path (cli/jsonl_fast.c). */
#ifndef RELX_UTF8_WORDS_H
#define RELX_UTF8_WORDS_H

#include <stdbool.h>
#include <stdint.h>

/* The eight bytes at s as one little-endian word (compilers make this one load). */
static inline uint64_t load8(const unsigned char *s)
{
    return (uint64_t)s[0] | (uint64_t)s[1] << 8 | (uint64_t)s[2] << 16 | (uint64_t)s[3] << 24 |
           (uint64_t)s[4] << 32 | (uint64_t)s[5] << 40 | (uint64_t)s[6] << 48 |
           (uint64_t)s[7] << 56;
}

/* Do the low three bytes of x (little-endian) hold a sequence E1..EC, EE, EF
 * 80..BF 80..BF? That is a lead 1110xxxx whose low nibble is neither 0 nor D
 * (a bit mask), then two continuation bytes 10xxxxxx. */
static inline bool cjk3(uint32_t x)
{
    return (x & 0xC0C0F0u) == 0x8080E0u && ((0xDFFEu >> (x & 0xFu)) & 1u);
}

/* Do the low six bytes of x hold two sequences that cjk3 accepts? */
static inline bool cjk3x2(uint64_t x)
{
    return (x & 0xC0C0F0C0C0F0ull) == 0x8080E08080E0ull &&
           ((0xDFFEu >> (x & 0xFu)) & (0xDFFEu >> (x >> 24 & 0xFu)) & 1u);
}

#endif
