/* lexicon.c: word lists (rules/lexicon/NAME.txt). Owns the rx_lexicons
 * collection: parsing a file into entries that remember their file and line,
 * merging same-name files, lookup by name, and freeing.
 *
 * A lexicon file holds one entry per line; an entry may list aliases of one
 * thing separated by '|' ("Google|谷歌"). '#' at the start of a line, or after a
 * space or tab, starts a comment that runs to the end of the line (so "C#" stays
 * an entry). Entries are stored as written (trimmed, not folded): rule_compile.c
 * folds them when it builds a pattern, entity.c when it builds its automaton. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* White space that may surround an entry: ASCII blanks and the ideographic space. */
static size_t space_len(const char *s, size_t i, size_t len)
{
    if (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v'))
        return 1;
    if (i + 3 <= len && (unsigned char)s[i] == 0xE3 && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x80)
        return 3;
    return 0;
}

static rx_lexicon *lexicon_get(rx_lexicons *lx, const char *name)
{
    for (size_t i = 0; i < lx->n; i++)
        if (strcmp(lx->items[i].name, name) == 0)
            return &lx->items[i];
    if (!RX_GROW(lx->items, lx->cap, lx->n + 1))
        return NULL;
    rx_lexicon *l = &lx->items[lx->n];
    memset(l, 0, sizeof *l);
    l->name = rx_strdup(name);
    if (!l->name)
        return NULL;
    lx->n++;
    return l;
}

/* Append one entry; *file_copy is the shared copy of the file name for the
 * entries of this call (allocated on first use). Returns false when out of memory. */
static bool lexicon_add(rx_lexicon *l, const char *entry, size_t n, const char *path,
                        char **file_copy, int line)
{
    size_t cap = l->cap;
    if (!RX_GROW(l->entries, cap, l->n + 1))
        return false;
    cap = l->cap;
    if (!RX_GROW(l->files, cap, l->n + 1))
        return false;
    cap = l->cap;
    if (!RX_GROW(l->lines, cap, l->n + 1))
        return false;
    l->cap = cap;
    if (!*file_copy && !(*file_copy = rx_strdup(path ? path : "<lexicon>")))
        return false;
    char *e = rx_strndup(entry, n);
    if (!e)
        return false;
    l->entries[l->n] = e;
    l->files[l->n] = *file_copy;
    l->lines[l->n] = line;
    l->n++;
    return true;
}

/* Add the entries of one lexicon file to the lexicon called name (created when
 * new). Returns the number of errors reported to d (invalid UTF-8, empty alias). */
int rx_lexicon_parse(rx_lexicons *lx, const char *name, const char *path, const char *data,
                     size_t len, rx_diag *d)
{
    int errors0 = d->errors;
    rx_lexicon *l = lexicon_get(lx, name);
    if (!l) {
        rx_diag_error(d, path, 0, 0, NULL, "out of memory reading lexicon '%s'", name);
        return d->errors - errors0;
    }
    /* Entries appended by this call share one copy of the file name; it must
     * not be shared with an earlier call (rx_lexicons_free frees each run once). */
    char *file_copy = NULL;
    size_t pos = 0;
    int line = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        pos = 3; /* BOM */
    while (pos < len) {
        line++;
        size_t eol = pos;
        while (eol < len && data[eol] != '\n')
            eol++;
        char *text = rx_strndup(data + pos, eol - pos); /* for the diagnostic */
        size_t tlen = eol - pos;
        size_t next = eol < len ? eol + 1 : eol;
        if (!text) {
            rx_diag_error(d, path, line, 0, NULL, "out of memory");
            break;
        }
        /* validate UTF-8, find the comment */
        size_t i = 0, end = tlen;
        int col = 1;
        bool bad = false;
        while (i < tlen) {
            size_t at = i;
            uint32_t c = rx_utf8_next(text, tlen, &i);
            if ((c == 0xFFFD && i - at == 1) || c == 0) {
                rx_diag_error(d, path, line, col, text,
                              c == 0 ? "NUL byte in lexicon" : "invalid UTF-8 (byte 0x%02X)",
                              (unsigned char)text[at]);
                bad = true;
                break;
            }
            if (c == '#' && end == tlen && (at == 0 || text[at - 1] == ' ' || text[at - 1] == '\t'))
                end = at;
            col++;
        }
        if (!bad) {
            size_t s = 0, k;
            while ((k = space_len(text, s, end)) > 0)
                s += k;
            size_t e = end;
            for (;;) {
                if (e > s && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r'))
                    e--;
                else if (e >= s + 3 && memcmp(text + e - 3, "\xE3\x80\x80", 3) == 0)
                    e -= 3;
                else
                    break;
            }
            if (e > s) {
                /* an alias list must not have empty members ("A||B", "A|") */
                size_t a = s;
                bool ok = true;
                for (size_t j = s; j <= e; j++) {
                    if (j == e || text[j] == '|') {
                        size_t x = a;
                        while (x < j && (text[x] == ' ' || text[x] == '\t'))
                            x++;
                        if (x == j) {
                            rx_diag_error(d, path, line, (int)rx_utf8_count(text, j) + 1, text,
                                          "empty alias in lexicon entry");
                            ok = false;
                            break;
                        }
                        a = j + 1;
                    }
                }
                if (ok && !lexicon_add(l, text + s, e - s, path, &file_copy, line)) {
                    rx_diag_error(d, path, line, 0, NULL, "out of memory");
                    free(text);
                    break;
                }
            }
        }
        free(text);
        pos = next;
    }
    return d->errors - errors0;
}

/* Borrowed; NULL when there is no lexicon of that name. */
const rx_lexicon *rx_lexicon_find(const rx_lexicons *lx, const char *name)
{
    if (!lx || !name)
        return NULL;
    for (size_t i = 0; i < lx->n; i++)
        if (strcmp(lx->items[i].name, name) == 0)
            return &lx->items[i];
    return NULL;
}

/* Free every lexicon and the collection's array; lx itself is left empty. */
void rx_lexicons_free(rx_lexicons *lx)
{
    if (!lx)
        return;
    for (size_t i = 0; i < lx->n; i++) {
        rx_lexicon *l = &lx->items[i];
        for (size_t j = 0; j < l->n; j++) {
            free(l->entries[j]);
            /* entries of one file (one parse call) share one copy of its name */
            if (j == 0 || l->files[j] != l->files[j - 1])
                free(l->files[j]);
        }
        free(l->entries);
        free(l->files);
        free(l->lines);
        free(l->name);
    }
    free(lx->items);
    lx->items = NULL;
    lx->n = lx->cap = 0;
}
