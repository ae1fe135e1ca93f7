/* extract.c: the pipeline for one document, from bytes to its JSON line:
 * decode -> normalise -> split sentences -> detect language -> publication date
 * and date expressions -> entities and aliases -> rules -> JSON. A document that
 * fails at any step still gets a line, an error line. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "engine.h"
#include "explain.h"

void rx_doc_free(rx_doc *doc)
{
    rx_text_free(&doc->text);
    free(doc->sent);
    free(doc->dates);
    free(doc->m);
    free(doc->e);
    free(doc->rel);
    rx_strlist_free(&doc->warnings);
    memset(doc, 0, sizeof *doc);
}

char *relx_error_line(const char *doc_id, const char *code, const char *message)
{
    json_t *err = json_object();
    json_t *root = json_object();
    char *out = NULL;
    if (err && root &&
        json_object_set_new(root, "doc", rx_json_text(doc_id ? doc_id : "")) == 0 &&
        json_object_set_new(err, "code", rx_json_text(code ? code : "error")) == 0 &&
        json_object_set_new(err, "message", rx_json_text(message ? message : "")) == 0 &&
        json_object_set(root, "error", err) == 0)
        out = json_dumps(root, JSON_COMPACT);
    json_decref(err);
    json_decref(root);
    return out;
}

static relx_status fail(const char *doc_id, const char *code, const char *message, char **json_out,
                        size_t *json_len)
{
    *json_out = relx_error_line(doc_id, code, message);
    if (!*json_out)
        return RELX_ENOMEM;
    if (json_len)
        *json_len = strlen(*json_out);
    return RELX_EDOC;
}

static bool valid_lang(const char *l)
{
    return strcmp(l, "zh-Hant") == 0 || strcmp(l, "zh-Hans") == 0 || strcmp(l, "en") == 0;
}

static relx_status extract(relx_worker *w, const char *doc_id, const char *bytes, size_t len,
                           rx_text *pre, const relx_doc_options *opt, char **json_out,
                           size_t *json_len, void (*hook)(void *ctx, const rx_doc *doc),
                           void *hook_ctx);
static relx_status extract_text(relx_worker *w, const char *doc_id, const char *bytes, size_t len,
                                bool decoded, rx_doc *doc, const relx_doc_options *opt,
                                char **json_out, size_t *json_len,
                                void (*hook)(void *ctx, const rx_doc *doc), void *hook_ctx);

relx_status relx_extract(relx_worker *w, const char *doc_id, const char *bytes, size_t len,
                         const relx_doc_options *opt, char **json_out, size_t *json_len)
{
    return rx_extract_doc(w, doc_id, bytes, len, opt, json_out, json_len, NULL, NULL);
}

relx_status rx_extract_doc(relx_worker *w, const char *doc_id, const char *bytes, size_t len,
                           const relx_doc_options *opt, char **json_out, size_t *json_len,
                           void (*hook)(void *ctx, const rx_doc *doc), void *hook_ctx)
{
    return extract(w, doc_id, bytes, len, NULL, opt, json_out, json_len, hook, hook_ctx);
}

relx_status rx_extract_decoded(relx_worker *w, const char *doc_id, rx_text *text, size_t len,
                               const relx_doc_options *opt, char **json_out, size_t *json_len)
{
    return extract(w, doc_id, NULL, len, text, opt, json_out, json_len, NULL, NULL);
}

/* The pipeline for bytes[0, len), or for pre (taken, zeroed) when it is not
 * NULL: a text decoded already, len bytes long. */
static relx_status extract(relx_worker *w, const char *doc_id, const char *bytes, size_t len,
                           rx_text *pre, const relx_doc_options *opt, char **json_out,
                           size_t *json_len, void (*hook)(void *ctx, const rx_doc *doc),
                           void *hook_ctx)
{
    rx_doc doc = {0};
    if (pre) {
        doc.text = *pre;
        memset(pre, 0, sizeof *pre);
    }
    relx_status st = extract_text(w, doc_id, bytes, len, pre != NULL, &doc, opt, json_out, json_len,
                                  hook, hook_ctx);
    rx_doc_free(&doc);
    return st;
}

static relx_status extract_text(relx_worker *w, const char *doc_id, const char *bytes, size_t len,
                                bool decoded, rx_doc *doc, const relx_doc_options *opt,
                                char **json_out, size_t *json_len,
                                void (*hook)(void *ctx, const rx_doc *doc), void *hook_ctx)
{
    relx_doc_options defaults = {0};
    if (!opt)
        opt = &defaults;
    if (!w || !json_out || (!decoded && !bytes && len))
        return RELX_EUSAGE;
    *json_out = NULL;
    if (json_len)
        *json_len = 0;
    if (!doc_id)
        doc_id = "-";
    if (opt->max_doc_bytes && len > opt->max_doc_bytes) {
        char msg[160];
        snprintf(msg, sizeof msg, "document is %zu bytes, more than --max-doc-bytes %zu", len,
                 opt->max_doc_bytes);
        return fail(doc_id, "too_large", msg, json_out, json_len);
    }
    rx_date pub = {0, 0, 0};
    if (opt->date && rx_date_parse_iso(opt->date, &pub) != 0)
        return fail(doc_id, "bad_date", "the publication date is not YYYY-MM-DD", json_out, json_len);
    if (opt->lang && !valid_lang(opt->lang))
        return fail(doc_id, "bad_lang", "the language is not zh-Hant, zh-Hans or en", json_out, json_len);

    doc->id = doc_id;
    const char *code = NULL, *msg = NULL;
    if (!decoded &&
        rx_decode_normalized(bytes ? bytes : "", len, opt->encoding, &doc->text, &code, &msg) != 0)
        return fail(doc_id, code ? code : "decode", msg ? msg : "cannot decode the document",
                    json_out, json_len);
    if (doc->text.invalid)
        rx_strlist_addf(&doc->warnings, "%zu invalid byte sequence%s read as U+FFFD", doc->text.invalid,
                        doc->text.invalid == 1 ? "" : "s");
    relx_status st = RELX_ENOMEM;
    if (rx_split_sentences(doc->text.norm, doc->text.n, RX_MAX_SENTENCE, &doc->sent, &doc->nsent) != 0)
        goto done;
    doc->lang = opt->lang ? opt->lang : rx_lang_of_script(&doc->text.script);
    /* Without a publication date, one from the dateline, else partial dates
     * (6月28日) resolve against the latest full date the text itself gives, the
     * time its story is told in (rx_find_doc_dates). */
    if (rx_find_doc_dates(doc->text.norm, doc->text.n, &pub, &doc->dates, &doc->ndates) != 0)
        goto done;
    doc->pubdate = pub;
    if (rx_recognize(w->eng->ner, doc) != 0)
        goto done;
    if (rx_match_document(w, doc) != 0)
        goto done;
    if (hook)
        hook(hook_ctx, doc);
    size_t n = 0;
    *json_out = rx_emit_document(w->eng, doc, opt, &n);
    if (!*json_out)
        goto done;
    if (json_len)
        *json_len = n;
    st = RELX_OK;
done:
    if (st == RELX_ENOMEM)
        return fail(doc_id, "out_of_memory", "out of memory while processing the document", json_out,
                    json_len);
    return st;
}
