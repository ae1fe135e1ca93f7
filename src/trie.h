/* trie.h: a code point trie for longest-match lexicon lookup (see trie.c). */
#ifndef RELX_TRIE_H
#define RELX_TRIE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct rx_trie rx_trie;

#define RX_TRIE_ROOT 0
#define RX_TRIE_NVAL 2 /* caller-defined values per node */

/* A new empty trie; fold_ascii: A-Z are stored and looked up as a-z. Caller frees
 * with rx_trie_free. NULL when out of memory. */
rx_trie *rx_trie_new(bool fold_ascii);
void rx_trie_free(rx_trie *t);
/* Add key[0..n) (n > 0): ORs bits into the terminal node's mask and, for each k
 * with val[k] >= 0, sets value k when it is still unset (first entry wins).
 * val may be NULL. Returns the terminal node, or -1 when out of memory. */
int32_t rx_trie_add(rx_trie *t, const uint32_t *key, size_t n, uint32_t bits, const int32_t *val);
/* Build the direct table of the root's children (BMP code points), which makes
 * the first step of every walk one array read; call once after the last
 * rx_trie_add (a later add drops the table). Returns 0, -1 when out of memory
 * (the trie still works, through the hash table). */
int rx_trie_freeze(rx_trie *t);
/* The child of node along code point c, or -1. Thread-safe on a built trie. */
int32_t rx_trie_step(const rx_trie *t, int32_t node, uint32_t c);
/* The mask of node (0: no key ends there). */
uint32_t rx_trie_mask(const rx_trie *t, int32_t node);
/* Value k of node, -1 when unset. */
int32_t rx_trie_value(const rx_trie *t, int32_t node, int k);
/* Length of the longest key that is a prefix of s[0..n) and whose mask meets
 * bits; 0 when none. *node_out (may be NULL) receives its terminal node. */
size_t rx_trie_longest(const rx_trie *t, const uint32_t *s, size_t n, uint32_t bits,
                       int32_t *node_out);
/* Every key that is a prefix of s[0..n), shortest first: at most cap of them
 * are written to out (length, mask of the terminal node, the node). Returns
 * the count. One call per text position replaces a loop of rx_trie_step and
 * rx_trie_mask calls. */
typedef struct rx_trie_match {
    size_t len;
    uint32_t mask;
    int32_t node;
} rx_trie_match;
size_t rx_trie_prefixes(const rx_trie *t, const uint32_t *s, size_t n, rx_trie_match *out, size_t cap);
/* Number of nodes (for statistics). */
size_t rx_trie_size(const rx_trie *t);

#endif
