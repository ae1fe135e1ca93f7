/* trie.c: owns the code point trie the recogniser uses for every word list.
 *
 * Nodes are numbered from 0 (the root). Edges live in one open-addressing hash
 * table keyed by (parent node, code point), so a step is one hash probe whatever
 * the fan-out of the node, and building needs no per-node arrays. Each node keeps
 * a bit mask (which word lists end there) and two caller-defined values.
 *
 * Worked example: adding 马斯克 (bits PERSON) and 马云 (bits PERSON) gives
 *     0 --马--> 1 --斯--> 2 --克--> 3 [PERSON]
 *               1 --云--> 4 [PERSON]
 * and rx_trie_longest("马斯克表示", PERSON) walks 0,1,2,3, then finds no edge
 * for 表 and returns 3, the length of the last node whose mask met PERSON.
 * The trie is built once; lookups afterwards only read it (thread-safe).
 * rx_trie_freeze then lays the edges out per node (trie.h: rx_trie_view): a
 * direct table for the root, and for every other node a small open-addressing
 * table of its own children, at most half full, behind a 32-bit filter of
 * their code points, so that the step that fails (the usual case) mostly
 * reads nothing but the node's hot fields.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "trie.h"

#define SLOT_EMPTY RX_TRIE_SLOT_EMPTY

typedef struct rx_trie_edge {
    uint64_t key; /* (parent + 1) << 21 | code point; 0: empty slot */
    int32_t child;
} rx_trie_edge;

#define ROOT_DIRECT RX_TRIE_ROOT_DIRECT /* code points below this have a direct root table */

struct rx_trie {
    rx_trie_node *nodes;
    size_t nn, ncap;
    rx_trie_edge *edges;
    size_t ne, ecap; /* ecap is a power of two */
    bool fold_ascii;
    /* rx_trie_freeze: the children of the root for every BMP code point
     * (-1: none), so that the first step of a walk, taken at every position
     * of a text, is one array read instead of a hash probe */
    int32_t *root;
    /* rx_trie_freeze: per-node child tables and what a walk reads of a node
     * (see rx_trie_hot), so that a step after the first probes a small table
     * of that node's children only; NULL when not frozen */
    rx_trie_hot *hot;
    rx_trie_slot *slots;
    size_t nslots;
};

static uint64_t edge_key(int32_t node, uint32_t c)
{
    return ((uint64_t)(node + 1) << 21) | (c & 0x1FFFFFu);
}

static size_t edge_hash(uint64_t k)
{
    k ^= k >> 29;
    k *= 0xBF58476D1CE4E5B9ull;
    k ^= k >> 32;
    return (size_t)k;
}

static uint32_t fold(const rx_trie *t, uint32_t c)
{
    return (t->fold_ascii && c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static int32_t new_node(rx_trie *t)
{
    if (t->nn >= t->ncap && !RX_GROW(t->nodes, t->ncap, t->nn + 1))
        return -1;
    rx_trie_node *n = &t->nodes[t->nn];
    n->mask = 0;
    for (int k = 0; k < RX_TRIE_NVAL; k++)
        n->val[k] = -1;
    return (int32_t)t->nn++;
}

static bool rehash(rx_trie *t, size_t ncap)
{
    rx_trie_edge *e = calloc(ncap, sizeof *e);
    if (!e)
        return false;
    for (size_t i = 0; i < t->ecap; i++) {
        if (!t->edges[i].key)
            continue;
        size_t h = edge_hash(t->edges[i].key) & (ncap - 1);
        while (e[h].key)
            h = (h + 1) & (ncap - 1);
        e[h] = t->edges[i];
    }
    free(t->edges);
    t->edges = e;
    t->ecap = ncap;
    return true;
}

rx_trie *rx_trie_new_sized(bool fold_ascii, size_t nedges)
{
    rx_trie *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->fold_ascii = fold_ascii;
    /* rx_trie_add grows the edge table when it would be more than half full */
    size_t cap = 16;
    while (cap < 2 * (nedges + 1) && cap < ((size_t)1 << 40))
        cap *= 2;
    if (!RX_GROW(t->nodes, t->ncap, nedges + 1) || new_node(t) < 0 || !rehash(t, cap)) {
        rx_trie_free(t);
        return NULL;
    }
    return t;
}

rx_trie *rx_trie_new(bool fold_ascii)
{
    return rx_trie_new_sized(fold_ascii, 31);
}

void rx_trie_free(rx_trie *t)
{
    if (!t)
        return;
    free(t->nodes);
    free(t->edges);
    free(t->root);
    free(t->hot);
    free(t->slots);
    free(t);
}

#define slot_hash rx_trie_slot_hash_

/* a step on a frozen trie, after the fold: the node's own table */
static int32_t step_frozen(const rx_trie *t, int32_t node, uint32_t c)
{
    rx_trie_view v = {t->root, t->nodes, t->hot, t->slots, false};
    return rx_trie_view_step(&v, node, c);
}

bool rx_trie_get_view(const rx_trie *t, rx_trie_view *v)
{
    if (!t->slots || !t->root)
        return false;
    *v = (rx_trie_view){t->root, t->nodes, t->hot, t->slots, t->fold_ascii};
    return true;
}

static int32_t step_hash(const rx_trie *t, int32_t node, uint32_t c)
{
    uint64_t k = edge_key(node, c);
    size_t h = edge_hash(k) & (t->ecap - 1);
    while (t->edges[h].key) {
        if (t->edges[h].key == k)
            return t->edges[h].child;
        h = (h + 1) & (t->ecap - 1);
    }
    return -1;
}

/* the per-node child tables and hot fields of rx_trie_freeze; false when
 * out of memory */
static bool build_slots(rx_trie *t)
{
    free(t->slots);
    t->slots = NULL;
    free(t->hot);
    t->hot = calloc(t->nn, sizeof *t->hot);
    if (!t->hot)
        return false;
    /* count the children in start for now */
    for (size_t i = 0; i < t->ecap; i++)
        if (t->edges[i].key)
            t->hot[(t->edges[i].key >> 21) - 1].start++;
    size_t total = 1; /* slot 0: the shared empty table of the leaves */
    for (size_t v = 0; v < t->nn; v++) {
        uint32_t cnt = t->hot[v].start, size = 0;
        if (cnt) {
            /* half full at most, so that a probe always ends; the filter
             * turns most misses away before the first slot */
            size = 2;
            while (size < 2 * cnt)
                size *= 2;
        }
        t->hot[v].mask = t->nodes[v].mask;
        t->hot[v].start = size ? (uint32_t)total : 0;
        t->hot[v].hmask = size ? size - 1 : 0;
        total += size;
    }
    t->slots = malloc(total * sizeof *t->slots);
    if (!t->slots)
        return false;
    t->nslots = total;
    for (size_t i = 0; i < total; i++)
        t->slots[i] = (rx_trie_slot){SLOT_EMPTY, -1};
    for (size_t i = 0; i < t->ecap; i++) {
        uint64_t k = t->edges[i].key;
        if (!k)
            continue;
        rx_trie_hot *nd = &t->hot[(k >> 21) - 1];
        uint32_t c = (uint32_t)(k & 0x1FFFFFu);
        nd->filter |= rx_trie_filter_bit_(c);
        rx_trie_slot *sl = t->slots + nd->start;
        uint32_t h = slot_hash(c, nd->hmask);
        while (sl[h].c != SLOT_EMPTY)
            h = (h + 1) & nd->hmask;
        sl[h].c = c;
        sl[h].child = t->edges[i].child;
    }
    return true;
}

int rx_trie_freeze(rx_trie *t)
{
    if (!t->root) {
        t->root = malloc(ROOT_DIRECT * sizeof *t->root);
        if (!t->root)
            return -1;
    }
    /* from the root's edges rather than one probe per code point; keys are
     * stored folded, so an upper-case letter shares its lower-case child */
    for (uint32_t c = 0; c < ROOT_DIRECT; c++)
        t->root[c] = -1;
    for (size_t i = 0; i < t->ecap; i++) {
        uint64_t k = t->edges[i].key;
        if (k && (k >> 21) == RX_TRIE_ROOT + 1 && (k & 0x1FFFFFu) < ROOT_DIRECT)
            t->root[k & 0x1FFFFFu] = t->edges[i].child;
    }
    if (t->fold_ascii)
        for (uint32_t c = 'A'; c <= 'Z'; c++)
            t->root[c] = t->root[c + 32];
    if (!build_slots(t))
        return -1;
    return 0;
}

int32_t rx_trie_step(const rx_trie *t, int32_t node, uint32_t c)
{
    if (node == RX_TRIE_ROOT && t->root && c < ROOT_DIRECT)
        return t->root[c];
    if (t->slots)
        return step_frozen(t, node, fold(t, c));
    return step_hash(t, node, fold(t, c));
}

int32_t rx_trie_add(rx_trie *t, const uint32_t *key, size_t n, uint32_t bits, const int32_t *val)
{
    if (t->root || t->slots) { /* a later rx_trie_freeze rebuilds them */
        free(t->root);
        t->root = NULL;
        free(t->hot);
        t->hot = NULL;
        free(t->slots);
        t->slots = NULL;
    }
    int32_t node = RX_TRIE_ROOT;
    for (size_t i = 0; i < n; i++) {
        int32_t next = rx_trie_step(t, node, key[i]);
        if (next < 0) {
            if ((t->ne + 1) * 2 > t->ecap && !rehash(t, t->ecap * 2))
                return -1;
            next = new_node(t);
            if (next < 0)
                return -1;
            uint64_t k = edge_key(node, fold(t, key[i]));
            size_t h = edge_hash(k) & (t->ecap - 1);
            while (t->edges[h].key)
                h = (h + 1) & (t->ecap - 1);
            t->edges[h].key = k;
            t->edges[h].child = next;
            t->ne++;
        }
        node = next;
    }
    t->nodes[node].mask |= bits;
    for (int k = 0; val && k < RX_TRIE_NVAL; k++)
        if (val[k] >= 0 && t->nodes[node].val[k] < 0)
            t->nodes[node].val[k] = val[k];
    return node;
}

uint32_t rx_trie_mask(const rx_trie *t, int32_t node)
{
    return node >= 0 ? t->nodes[node].mask : 0;
}

int32_t rx_trie_value(const rx_trie *t, int32_t node, int k)
{
    return (node >= 0 && k >= 0 && k < RX_TRIE_NVAL) ? t->nodes[node].val[k] : -1;
}

size_t rx_trie_longest(const rx_trie *t, const uint32_t *s, size_t n, uint32_t bits,
                       int32_t *node_out)
{
    size_t best = 0;
    int32_t node = RX_TRIE_ROOT, best_node = -1;
    for (size_t i = 0; i < n; i++) {
        node = rx_trie_step(t, node, s[i]);
        if (node < 0)
            break;
        if (t->nodes[node].mask & bits) {
            best = i + 1;
            best_node = node;
        }
    }
    if (node_out)
        *node_out = best_node;
    return best;
}

size_t rx_trie_size(const rx_trie *t)
{
    return t->nn;
}

size_t rx_trie_prefixes(const rx_trie *t, const uint32_t *s, size_t n, rx_trie_match *out, size_t cap)
{
    size_t k = 0;
    int32_t node = RX_TRIE_ROOT;
    for (size_t i = 0; i < n && k < cap; i++) {
        node = rx_trie_step(t, node, s[i]);
        if (node < 0)
            break;
        uint32_t m = t->nodes[node].mask;
        if (m)
            out[k++] = (rx_trie_match){i + 1, m, node};
    }
    return k;
}
