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
/* rx_trie_new with room for nedges edges (the key characters added, at
 * most) before any table grows. */
rx_trie *rx_trie_new_sized(bool fold_ascii, size_t nedges);
void rx_trie_free(rx_trie *t);
/* Add key[0..n) (n > 0): ORs bits into the terminal node's mask and, for each k
 * with val[k] >= 0, sets value k when it is still unset (first entry wins).
 * val may be NULL. Returns the terminal node, or -1 when out of memory. */
int32_t rx_trie_add(rx_trie *t, const uint32_t *key, size_t n, uint32_t bits, const int32_t *val);
/* Build the direct table of the root's children (BMP code points), which makes
 * the first step of every walk one array read, and each node's own small
 * table of children for the later steps (rx_trie_view); call once after the
 * last rx_trie_add (a later add drops both). The nodes are numbered afresh:
 * node numbers from before (rx_trie_add's) are not those of the frozen trie,
 * which every other function then takes and returns. Returns 0, -1 when out
 * of memory (the trie still works, through the hash table). */
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
/* Frozen tries, for walks inlined into the caller. rx_trie_freeze numbers
 * the nodes afresh: a node is the record (rx_trie_rec) in the child table of
 * its parent where its code point lands, so that a step reads one record,
 * which holds all a walk needs of the child. A node's children form an
 * open-addressing table of 2^k records (recs[start ..], linear probing from
 * rx_trie_slot_hash_, at most half full) behind a 32-bit filter of their code
 * points: the filter settles most failing steps (the usual case) without
 * reading the table. The root is record 0; its children of BMP code points
 * are also one direct array (root). The caller-defined values and masks of
 * the frozen numbering are in nodes. */
typedef struct rx_trie_node {
    uint32_t mask;
    int32_t val[RX_TRIE_NVAL];
} rx_trie_node;
typedef struct rx_trie_rec {
    uint32_t c;      /* the folded code point into this node; RX_TRIE_SLOT_EMPTY: a free record */
    uint32_t mask;   /* as in nodes */
    uint32_t filter; /* bit rx_trie_filter_bit_(c) for the code point c of each child; 0: a leaf */
    uint32_t table;  /* start << RX_TRIE_LOG_BITS | k: the children's table */
} rx_trie_rec;
#define RX_TRIE_SLOT_EMPTY 0xFFFFFFFFu
#define RX_TRIE_LOG_BITS 5
#define RX_TRIE_ROOT_DIRECT 0x10000u
typedef struct rx_trie_view {
    const int32_t *root; /* RX_TRIE_ROOT_DIRECT entries, -1: no child */
    const rx_trie_node *nodes;
    const rx_trie_rec *recs;
    bool fold_ascii;
} rx_trie_view;
/* The view of a frozen trie (false when it is not frozen); valid until the
 * next rx_trie_add or rx_trie_free. Read-only: thread-safe. */
bool rx_trie_get_view(const rx_trie *t, rx_trie_view *v);

static inline uint32_t rx_trie_slot_hash_(uint32_t c, uint32_t hmask)
{
    return ((c * 0x9E3779B1u) >> 15) & hmask;
}

/* The bit of code point c (folded, & 0x1FFFFF) in a node's child filter. */
static inline uint32_t rx_trie_filter_bit_(uint32_t c)
{
    return 1u << ((c * 0x85EBCA77u) >> 27);
}

/* The size of the child table that rx_trie_rec.table describes, less one. */
static inline uint32_t rx_trie_table_hmask_(uint32_t table)
{
    return (1u << (table & ((1u << RX_TRIE_LOG_BITS) - 1))) - 1;
}

/* The child along c (folded, & 0x1FFFFF) of the node whose filter and table
 * are given (from its record), or -1. */
static inline int32_t rx_trie_view_child(const rx_trie_rec *recs, uint32_t filter, uint32_t table, uint32_t c)
{
    if (!(filter & rx_trie_filter_bit_(c)))
        return -1;
    const rx_trie_rec *tab = recs + (table >> RX_TRIE_LOG_BITS);
    uint32_t hm = rx_trie_table_hmask_(table);
    for (uint32_t h = rx_trie_slot_hash_(c, hm);; h = (h + 1) & hm) {
        uint32_t k = tab[h].c;
        if (k == c)
            return (int32_t)(tab + h - recs);
        if (k == RX_TRIE_SLOT_EMPTY)
            return -1;
    }
}

/* The child of node along c (already folded when the trie folds), or -1. */
static inline int32_t rx_trie_view_step(const rx_trie_view *v, int32_t node, uint32_t c)
{
    const rx_trie_rec *r = &v->recs[node];
    return rx_trie_view_child(v->recs, r->filter, r->table, c & 0x1FFFFFu);
}

/* The fold of c for the trie of v: A-Z as a-z when it folds ASCII. */
static inline uint32_t rx_trie_view_fold(const rx_trie_view *v, uint32_t c)
{
    return (v->fold_ascii && c - 'A' < 26u) ? c + 32 : c;
}

/* The child of the root along c (not folded yet). */
static inline int32_t rx_trie_view_first(const rx_trie_view *v, uint32_t c)
{
    return c < RX_TRIE_ROOT_DIRECT ? v->root[c] : rx_trie_view_step(v, 0, rx_trie_view_fold(v, c));
}

/* Number of nodes (for statistics). */
size_t rx_trie_size(const rx_trie *t);

#endif
