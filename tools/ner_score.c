/* ner_score.c: a measurement driver for the recogniser alone (entity.c and
 * resolve.c): decode, normalise, split, recognise, and print one JSON line per
 * document with its entities, for score.py:
 *
 *   ner_score [--lexicons DIR] [--time] a.txt b.txt ...
 *   ner_score --jsonl data.jsonl        (lines {"doc": ..., "text": ...})
 *
 *   {"doc":"a.txt","entities":[{"id":"E1","type":"person","name":"張忠謀",
 *     "mentions":[{"text":"張忠謀","start":3,"end":6}, ...]}],"relations":[]}
 *
 * --time prints the recogniser's throughput to stderr. The lexicons are read
 * from DIR/*.txt (default rules/lexicon, relative to the working directory).
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static char *read_all(FILE *f, size_t *len)
{
    rx_buf b = {0};
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
        rx_buf_add(&b, tmp, k);
    if (b.oom) {
        rx_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return b.s ? b.s : rx_strdup("");
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *s = read_all(f, len);
    fclose(f);
    return s;
}

/* Load every DIR/NAME.txt as lexicon NAME. Returns the number of errors. */
static int load_lexicons(const char *dir, rx_lexicons *lx, rx_diag *d)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        fprintf(stderr, "ner_score: cannot open %s\n", dir);
        return 1;
    }
    struct dirent *de;
    int errors = 0;
    while ((de = readdir(dp))) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".txt"))
            continue;
        char path[4096], name[256];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        snprintf(name, sizeof name, "%.*s", (int)(l - 4), de->d_name);
        size_t len;
        char *data = read_file(path, &len);
        if (!data) {
            errors++;
            continue;
        }
        errors += rx_lexicon_parse(lx, name, path, data, len, d);
        free(data);
    }
    closedir(dp);
    return errors;
}

static char *span_utf8(const rx_doc *doc, size_t s, size_t e)
{
    rx_buf b = {0};
    for (size_t i = s; i < e; i++)
        rx_buf_addcp(&b, doc->text.cp[i]);
    return b.s ? b.s : rx_strdup("");
}

static uint64_t total_ns, total_bytes;

static json_t *process(const rx_ner *ner, const char *id, const char *bytes, size_t len)
{
    rx_doc doc = {0};
    const char *ec = NULL, *em = NULL;
    json_t *out = json_object();
    json_object_set_new(out, "doc", json_string(id));
    if (rx_decode(bytes, len, NULL, &doc.text, &ec, &em) < 0 || rx_text_normalize(&doc.text) < 0 ||
        rx_split_sentences(doc.text.norm, doc.text.n, 2000, &doc.sent, &doc.nsent) < 0) {
        json_object_set_new(out, "error", json_string(em ? em : "failed"));
        rx_doc_free(&doc);
        return out;
    }
    uint64_t t0 = rx_now_ns();
    if (rx_recognize(ner, &doc) < 0)
        json_object_set_new(out, "error", json_string("out of memory"));
    total_ns += rx_now_ns() - t0;
    total_bytes += len;
    json_t *ents = json_array();
    for (size_t k = 0; k < doc.ne; k++) {
        json_t *e = json_object();
        char idbuf[32];
        snprintf(idbuf, sizeof idbuf, "E%zu", k + 1);
        json_object_set_new(e, "id", json_string(idbuf));
        json_object_set_new(e, "type", json_string(doc.e[k].type == RX_M_PERSON ? "person" : "org"));
        const rx_mention *nm = &doc.m[doc.e[k].name_mention];
        char *name = span_utf8(&doc, nm->start, nm->end);
        json_object_set_new(e, "name", json_string(name ? name : ""));
        free(name);
        json_t *ms = json_array();
        for (size_t i = 0; i < doc.nm; i++) {
            if (doc.m[i].entity != (int)k)
                continue;
            json_t *mj = json_object();
            char *txt = span_utf8(&doc, doc.m[i].start, doc.m[i].end);
            json_object_set_new(mj, "text", json_string(txt ? txt : ""));
            free(txt);
            json_object_set_new(mj, "start", json_integer((json_int_t)doc.m[i].start));
            json_object_set_new(mj, "end", json_integer((json_int_t)doc.m[i].end));
            if (doc.m[i].flags & RX_MF_PRONOUN)
                json_object_set_new(mj, "pronoun", json_true());
            json_array_append_new(ms, mj);
        }
        json_object_set_new(e, "mentions", ms);
        json_array_append_new(ents, e);
    }
    json_object_set_new(out, "entities", ents);
    json_t *roles = json_array();
    for (size_t i = 0; i < doc.nm; i++) {
        if (doc.m[i].type != RX_M_ROLE)
            continue;
        char *txt = span_utf8(&doc, doc.m[i].start, doc.m[i].end);
        json_array_append_new(roles, json_string(txt ? txt : ""));
        free(txt);
    }
    json_object_set_new(out, "roles", roles);
    json_object_set_new(out, "relations", json_array());
    rx_doc_free(&doc);
    return out;
}

static void emit(json_t *o)
{
    char *s = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII * 0);
    if (s) {
        puts(s);
        free(s);
    }
    json_decref(o);
}

int main(int argc, char **argv)
{
    const char *lexdir = "rules/lexicon";
    const char *jsonl = NULL;
    bool timing = false;
    int first = 1;
    for (; first < argc; first++) {
        if (!strcmp(argv[first], "--lexicons") && first + 1 < argc)
            lexdir = argv[++first];
        else if (!strcmp(argv[first], "--jsonl") && first + 1 < argc)
            jsonl = argv[++first];
        else if (!strcmp(argv[first], "--time"))
            timing = true;
        else
            break;
    }
    rx_diag d = {stderr, false, 0, 0};
    rx_lexicons lx = {0};
    if (load_lexicons(lexdir, &lx, &d)) {
        rx_lexicons_free(&lx);
        return 2;
    }
    uint64_t b0 = rx_now_ns();
    rx_ner *ner = rx_ner_new(&lx, &d);
    uint64_t build_ns = rx_now_ns() - b0;
    rx_lexicons_free(&lx);
    if (!ner)
        return 2;
    int rc = 0;
    if (jsonl) {
        FILE *f = fopen(jsonl, "rb");
        if (!f) {
            fprintf(stderr, "ner_score: cannot open %s\n", jsonl);
            rc = 1;
        } else {
            char *line = NULL;
            size_t cap = 0;
            ssize_t got;
            while ((got = getline(&line, &cap, f)) > 0) {
                json_error_t err;
                json_t *o = json_loadb(line, (size_t)got, 0, &err);
                if (!o)
                    continue;
                const char *id = json_string_value(json_object_get(o, "doc"));
                if (!id)
                    id = json_string_value(json_object_get(o, "id"));
                json_t *tx = json_object_get(o, "text");
                if (id && json_is_string(tx))
                    emit(process(ner, id, json_string_value(tx), json_string_length(tx)));
                json_decref(o);
            }
            free(line);
            fclose(f);
        }
    }
    for (int i = first; i < argc; i++) {
        size_t len;
        char *data = read_file(argv[i], &len);
        if (!data) {
            fprintf(stderr, "ner_score: cannot read %s\n", argv[i]);
            rc = 1;
            continue;
        }
        emit(process(ner, argv[i], data, len));
        free(data);
    }
    if (timing)
        fprintf(stderr, "ner_score: lexicons built in %.1f ms; %.2f MB recognised in %.3f s (%.1f MB/s)\n",
                build_ns / 1e6, total_bytes / 1e6, total_ns / 1e9,
                total_ns ? total_bytes / 1e6 / (total_ns / 1e9) : 0.0);
    rx_ner_free(ner);
    return rc;
}
