/* diff.c: `relx diff OLD.jsonl NEW.jsonl` -- the relations a rule change added
 * or removed, per document, so that a rule edit can be reviewed like a code
 * change.
 *
 * Lines are paired by "doc" (the k-th line of a doc id in OLD with the k-th of
 * the same id in NEW). Two relations are the same when their type, person,
 * predecessor and organisation names, role, date and modality are; ids,
 * offsets, evidence and the rule are not compared (a relation found by another
 * rule is the same relation), but the rule is shown:
 *
 *   doc a.txt
 *   - departure person=Anna Berg org=Acme modality=fact  [en.departure.resign]
 *   + succession person=Bo Li predecessor=Anna Berg  [zh.handover]
 *
 *   2 documents, 1 changed: 1 relation added, 1 removed
 *
 * Exit 0 when no relation differs, 1 when some do, 2 when a file cannot be read
 * or a line is not a relx output line.
 */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

typedef struct drel {
    char *key;   /* "type person=... ..." */
    char *rule;
    bool used;
} drel;

typedef struct ddoc {
    char *id;
    size_t occ;  /* k-th line of this id in its file */
    bool error;  /* an error line */
    drel *r;
    size_t n;
    bool paired;
} ddoc;

typedef struct dfile {
    const char *path;
    ddoc *d;
    size_t n, cap;
} dfile;

static void dfile_free(dfile *f)
{
    for (size_t i = 0; i < f->n; i++) {
        for (size_t k = 0; k < f->d[i].n; k++) {
            free(f->d[i].r[k].key);
            free(f->d[i].r[k].rule);
        }
        free(f->d[i].r);
        free(f->d[i].id);
    }
    free(f->d);
}

/* Append "name=value" for a string or an {name: ...} object member. */
static void add_field(char **s, size_t *len, size_t *cap, const char *name, json_t *v)
{
    const char *t = json_is_object(v) ? json_string_value(json_object_get(v, "name"))
                                      : json_string_value(v);
    if (!t)
        return;
    size_t need = *len + strlen(name) + strlen(t) + 3;
    if (need > *cap) {
        size_t nc = need * 2;
        char *p = realloc(*s, nc);
        if (!p)
            return;
        *s = p;
        *cap = nc;
    }
    *len += (size_t)sprintf(*s + *len, "%s%s%s%s", *len ? " " : "", name, name[0] ? "=" : "", t);
}

static char *relation_key(json_t *r)
{
    char *s = NULL;
    size_t len = 0, cap = 0;
    add_field(&s, &len, &cap, "", json_object_get(r, "type"));
    static const char *const keys[] = {"person", "predecessor", "org", "role", "date", "modality"};
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
        add_field(&s, &len, &cap, keys[k], json_object_get(r, keys[k]));
    return s ? s : calloc(1, 1);
}

/* Read a relx output file. 0, or -1 after printing why. */
static int load(dfile *f)
{
    FILE *in = fopen(f->path, "r");
    if (!in) {
        fprintf(stderr, "relx: %s: %s\n", f->path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t lcap = 0, lineno = 0;
    ssize_t got;
    int rc = 0;
    while ((got = getline(&line, &lcap, in)) >= 0) {
        lineno++;
        size_t l = (size_t)got;
        while (l && (line[l - 1] == '\n' || line[l - 1] == '\r'))
            l--;
        if (l == 0)
            continue;
        json_error_t e;
        json_t *root = json_loadb(line, l, 0, &e);
        const char *id = json_string_value(json_object_get(root, "doc"));
        if (!id) {
            fprintf(stderr, "relx: %s:%zu: not a relx output line (%s)\n", f->path, lineno,
                    root ? "no \"doc\"" : e.text);
            json_decref(root);
            rc = -1;
            break;
        }
        ddoc *p = realloc(f->d, (f->n + 1) * sizeof *p);
        if (!p) {
            json_decref(root);
            rc = -1;
            break;
        }
        f->d = p;
        ddoc *d = &f->d[f->n++];
        memset(d, 0, sizeof *d);
        d->id = strdup(id);
        for (size_t i = 0; i + 1 < f->n; i++)
            d->occ += strcmp(f->d[i].id, id) == 0;
        d->error = json_object_get(root, "error") != NULL;
        json_t *rels = json_object_get(root, "relations");
        size_t nr = json_array_size(rels);
        d->r = calloc(nr ? nr : 1, sizeof *d->r);
        if (!d->id || !d->r) {
            json_decref(root);
            rc = -1;
            break;
        }
        size_t i;
        json_t *r;
        json_array_foreach(rels, i, r) {
            const char *rule = json_string_value(json_object_get(r, "rule"));
            d->r[d->n].key = relation_key(r);
            d->r[d->n].rule = strdup(rule ? rule : "?");
            d->n++;
        }
        json_decref(root);
    }
    free(line);
    if (ferror(in)) {
        fprintf(stderr, "relx: %s: read error\n", f->path);
        rc = -1;
    }
    fclose(in);
    return rc;
}

static ddoc *find(dfile *f, const ddoc *d)
{
    for (size_t i = 0; i < f->n; i++)
        if (!f->d[i].paired && f->d[i].occ == d->occ && strcmp(f->d[i].id, d->id) == 0)
            return &f->d[i];
    return NULL;
}

typedef struct dsum {
    size_t docs, changed, added, removed;
} dsum;

/* Print the differences of one document (a or b may be NULL: only in one file). */
static void diff_doc(ddoc *a, ddoc *b, dsum *s)
{
    static ddoc none;
    if (!a)
        a = &none;
    if (!b)
        b = &none;
    for (size_t i = 0; i < a->n; i++)
        for (size_t k = 0; k < b->n; k++)
            if (!b->r[k].used && strcmp(a->r[i].key, b->r[k].key) == 0) {
                a->r[i].used = b->r[k].used = true;
                break;
            }
    size_t rem = 0, add = 0;
    for (size_t i = 0; i < a->n; i++)
        rem += !a->r[i].used;
    for (size_t k = 0; k < b->n; k++)
        add += !b->r[k].used;
    s->docs++;
    if (!rem && !add)
        return;
    s->changed++;
    s->added += add;
    s->removed += rem;
    const char *id = a != &none ? a->id : b->id;
    printf("doc %s%s\n", id,
           a == &none ? " (only in NEW)" : b == &none ? " (only in OLD)" : "");
    for (size_t i = 0; i < a->n; i++)
        if (!a->r[i].used)
            printf("- %s  [%s]\n", a->r[i].key, a->r[i].rule);
    for (size_t k = 0; k < b->n; k++)
        if (!b->r[k].used)
            printf("+ %s  [%s]\n", b->r[k].key, b->r[k].rule);
    putchar('\n');
}

int cli_diff(const cli_opts *o)
{
    dfile a = {.path = o->paths[0]}, b = {.path = o->paths[1]};
    int code = 2;
    if (load(&a) != 0 || load(&b) != 0)
        goto done;
    dsum s = {0};
    for (size_t i = 0; i < a.n; i++) {
        ddoc *m = find(&b, &a.d[i]);
        if (m)
            m->paired = true;
        a.d[i].paired = true;
        diff_doc(&a.d[i], m, &s);
    }
    for (size_t k = 0; k < b.n; k++)
        if (!b.d[k].paired)
            diff_doc(NULL, &b.d[k], &s);
    printf("%zu document%s, %zu changed: %zu relation%s added, %zu removed\n", s.docs,
           s.docs == 1 ? "" : "s", s.changed, s.added, s.added == 1 ? "" : "s", s.removed);
    code = s.changed ? 1 : 0;
    if (fflush(stdout) != 0 && errno != EPIPE)
        code = 2;
done:
    dfile_free(&a);
    dfile_free(&b);
    return code;
}
