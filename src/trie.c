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
 * rx_trie_freeze then lays the nodes out for walks (trie.h: rx_trie_view): a
 * direct table for the root's children, and for every node a small
 * open-addressing table of its children, at most half full, whose records
 * are the children themselves (mask, filter, table), behind a 32-bit filter
 * of their code points: a step reads one record, and the step that fails
 * (the usual case) mostly reads none. In the example, 马's record holds the
 * filter bits of 斯 and 云 and the place of its table of four records (two
 * children, at most half full), where the records of 斯 and 云 are.
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
    /* rx_trie_freeze: the node records (per-node child tables, see
     * rx_trie_rec), so that a step after the first probes a small table of
     * that node's children only, and the masks and values in their
     * numbering; NULL when not frozen */
    rx_trie_rec *recs;
    rx_trie_node *fnodes;
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
    free(t->recs);
    free(t->fnodes);
    free(t);
}

bool rx_trie_get_view(const rx_trie *t, rx_trie_view *v)
{
    if (!t->recs || !t->root)
        return false;
    *v = (rx_trie_view){t->root, t->fnodes, t->recs, t->fold_ascii};
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

/* drop what rx_trie_freeze built */
static void thaw(rx_trie *t)
{
    if (!t->root && !t->recs)
        return;
    free(t->root);
    t->root = NULL;
    free(t->recs);
    t->recs = NULL;
    free(t->fnodes);
    t->fnodes = NULL;
}

/* The node records of rx_trie_freeze, breadth first from the root (so that
 * the early levels sit together): each node's children get their table, and
 * each child the record where its code point lands. false when out of
 * memory or too large for rx_trie_rec.table. */
static bool build_recs(rx_trie *t)
{
    bool ok = false;
    size_t nn = t->nn, total = 1; /* record 0: the root */
    /* the children of each node, from the edge table: kids[first[v] ..
     * first[v + 1]) */
    uint32_t *first = calloc(nn + 1, sizeof *first), *fill = calloc(nn, sizeof *fill);
    rx_trie_edge *kids = malloc((t->ne + 1) * sizeof *kids);
    uint32_t *order = malloc(nn * sizeof *order), *rec_of = malloc(nn * sizeof *rec_of);
    if (!first || !fill || !kids || !order || !rec_of)
        goto done;
    for (size_t i = 0; i < t->ecap; i++)
        if (t->edges[i].key)
            first[t->edges[i].key >> 21]++; /* at parent + 1: the sums below give the starts */
    for (size_t v = 0; v < nn; v++)
        first[v + 1] += first[v];
    for (size_t i = 0; i < t->ecap; i++)
        if (t->edges[i].key) {
            size_t p = (size_t)(t->edges[i].key >> 21) - 1;
            kids[first[p] + fill[p]++] = t->edges[i];
        }
    /* table places, breadth first: order[] is the queue of build nodes */
    size_t head = 0, tail = 0;
    order[tail++] = RX_TRIE_ROOT;
    rec_of[RX_TRIE_ROOT] = 0;
    uint32_t *logsize = fill; /* reused: log2 of each node's table size */
    while (head < tail) {
        uint32_t v = order[head++], cnt = first[v + 1] - first[v], lg = 0;
        if (!cnt) {
            logsize[v] = 0;
            continue;
        }
        while ((1u << lg) < 2 * cnt)
            lg++;
        logsize[v] = lg;
        size_t start = total;
        total += (size_t)1 << lg;
        if (total >= ((size_t)1 << (32 - RX_TRIE_LOG_BITS)))
            goto done;
        for (uint32_t e = first[v]; e < first[v + 1]; e++) {
            int32_t child = kids[e].child;
            /* the record of the child is decided when the table is filled;
             * remember the table start for now */
            rec_of[child] = (uint32_t)start;
            order[tail++] = (uint32_t)child;
        }
    }
    t->recs = malloc(total * sizeof *t->recs);
    t->fnodes = malloc(total * sizeof *t->fnodes);
    if (!t->recs || !t->fnodes)
        goto done;
    for (size_t r = 0; r < total; r++) {
        t->recs[r] = (rx_trie_rec){SLOT_EMPTY, 0, 0, 0};
        t->fnodes[r].mask = 0;
        for (int k = 0; k < RX_TRIE_NVAL; k++)
            t->fnodes[r].val[k] = -1;
    }
    t->recs[0].c = 0;
    /* in queue order a parent's record is known before its children's */
    for (size_t q = 0; q < tail; q++) {
        uint32_t v = order[q], r = rec_of[v];
        t->recs[r].mask = t->nodes[v].mask;
        t->fnodes[r] = t->nodes[v];
        if (first[v + 1] == first[v])
            continue;
        uint32_t start = rec_of[kids[first[v]].child], hm = (1u << logsize[v]) - 1;
        t->recs[r].table = start << RX_TRIE_LOG_BITS | logsize[v];
        for (uint32_t e = first[v]; e < first[v + 1]; e++) {
            uint32_t c = (uint32_t)(kids[e].key & 0x1FFFFFu);
            uint32_t h = rx_trie_slot_hash_(c, hm);
            while (t->recs[start + h].c != SLOT_EMPTY)
                h = (h + 1) & hm;
            t->recs[start + h].c = c;
            rec_of[kids[e].child] = start + h;
            t->recs[r].filter |= rx_trie_filter_bit_(c);
        }
    }
    ok = true;
done:
    free(first);
    free(fill);
    free(kids);
    free(order);
    free(rec_of);
    return ok;
}

int rx_trie_freeze(rx_trie *t)
{
    thaw(t);
    if (!build_recs(t)) {
        thaw(t);
        return -1;
    }
    t->root = malloc(ROOT_DIRECT * sizeof *t->root);
    if (!t->root) {
        thaw(t);
        return -1;
    }
    /* from the root's table rather than one probe per code point; keys are
     * stored folded, so an upper-case letter shares its lower-case child */
    for (uint32_t c = 0; c < ROOT_DIRECT; c++)
        t->root[c] = -1;
    const rx_trie_rec *top = &t->recs[RX_TRIE_ROOT];
    if (top->filter) { /* the root has children */
        uint32_t start = top->table >> RX_TRIE_LOG_BITS, end = start + rx_trie_table_hmask_(top->table) + 1;
        for (uint32_t r = start; r < end; r++)
            if (t->recs[r].c < ROOT_DIRECT) /* free records hold RX_TRIE_SLOT_EMPTY */
                t->root[t->recs[r].c] = (int32_t)r;
    }
    if (t->fold_ascii)
        for (uint32_t c = 'A'; c <= 'Z'; c++)
            t->root[c] = t->root[c + 32];
    return 0;
}

int32_t rx_trie_step(const rx_trie *t, int32_t node, uint32_t c)
{
    if (node == RX_TRIE_ROOT && t->root && c < ROOT_DIRECT)
        return t->root[c];
    if (t->recs) {
        rx_trie_view v = {t->root, t->fnodes, t->recs, false};
        return rx_trie_view_step(&v, node, fold(t, c));
    }
    return step_hash(t, node, fold(t, c));
}

int32_t rx_trie_add(rx_trie *t, const uint32_t *key, size_t n, uint32_t bits, const int32_t *val)
{
    thaw(t); /* a later rx_trie_freeze builds it again */
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

/* the nodes in the numbering of the moment (rx_trie_freeze renumbers) */
static const rx_trie_node *numbered(const rx_trie *t)
{
    return t->recs ? t->fnodes : t->nodes;
}

uint32_t rx_trie_mask(const rx_trie *t, int32_t node)
{
    return node >= 0 ? numbered(t)[node].mask : 0;
}

int32_t rx_trie_value(const rx_trie *t, int32_t node, int k)
{
    return (node >= 0 && k >= 0 && k < RX_TRIE_NVAL) ? numbered(t)[node].val[k] : -1;
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
        if (numbered(t)[node].mask & bits) {
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
        uint32_t m = numbered(t)[node].mask;
        if (m)
            out[k++] = (rx_trie_match){i + 1, m, node};
    }
    return k;
}
