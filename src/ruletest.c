/* ruletest.c: `relx test`, the examples written inside rule files.
 *
 *   rule: zh.departure.announce
 *   ...
 *   example: Anna Berg 也宣布離職。
 *   expect: person=Anna Berg
 *
 * Each example sentence is extracted with the whole engine (so an example also
 * checks that the recogniser finds the names and that no other rule wins the
 * overlap). An example passes when, for every expect line, some relation of the
 * rule's type has every expected argument: person/predecessor/org compare with
 * the entity's name or any of its mentions, role/date/modality with the value.
 * An example without expect lines passes when the rule itself produced a
 * relation. A reject example passes when no relation of the rule's type comes out.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

/* The names by which an argument object {id, name} may be expected. */
static bool entity_matches(json_t *doc, json_t *arg, const char *want)
{
    if (!json_is_object(arg))
        return false;
    const char *name = json_string_value(json_object_get(arg, "name"));
    if (name && strcmp(name, want) == 0)
        return true;
    const char *id = json_string_value(json_object_get(arg, "id"));
    json_t *ents = json_object_get(doc, "entities");
    size_t i;
    json_t *e;
    json_array_foreach(ents, i, e) {
        if (!id || strcmp(json_string_value(json_object_get(e, "id")), id) != 0)
            continue;
        size_t k;
        json_t *m;
        json_array_foreach(json_object_get(e, "mentions"), k, m) {
            const char *t = json_string_value(json_object_get(m, "text"));
            if (t && strcmp(t, want) == 0)
                return true;
        }
    }
    return false;
}

static bool relation_has(json_t *doc, json_t *rel, const char *key, const char *want)
{
    json_t *v = json_object_get(rel, key);
    if (strcmp(key, "person") == 0 || strcmp(key, "predecessor") == 0 || strcmp(key, "org") == 0)
        return entity_matches(doc, v, want);
    if (json_is_null(v) || !v)
        return want[0] == '\0' || strcmp(want, "null") == 0;
    const char *s = json_string_value(v);
    return s && strcmp(s, want) == 0;
}

static void describe_relation(FILE *out, json_t *rel)
{
    fprintf(out, "%s(", json_string_value(json_object_get(rel, "type")));
    static const char *const keys[] = {"person", "predecessor", "org", "role", "date", "modality"};
    bool first = true;
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
        json_t *v = json_object_get(rel, keys[k]);
        const char *s = json_is_object(v) ? json_string_value(json_object_get(v, "name"))
                                          : json_string_value(v);
        if (!s)
            continue;
        fprintf(out, "%s%s=%s", first ? "" : "; ", keys[k], s);
        first = false;
    }
    fprintf(out, ") by %s", json_string_value(json_object_get(rel, "rule")));
}

static void describe_actual(FILE *out, json_t *doc)
{
    json_t *rels = json_object_get(doc, "relations");
    if (json_array_size(rels) == 0) {
        fprintf(out, "    actual: no relations\n");
        return;
    }
    size_t i;
    json_t *r;
    json_array_foreach(rels, i, r) {
        fprintf(out, "    actual: ");
        describe_relation(out, r);
        fputc('\n', out);
    }
}

/* Does some relation of type `type` carry every key=value of expect group g? */
static bool expect_met(json_t *doc, const char *type, const rx_example *ex, size_t from, size_t to)
{
    size_t i;
    json_t *r;
    json_array_foreach(json_object_get(doc, "relations"), i, r) {
        const char *t = json_string_value(json_object_get(r, "type"));
        if (!t || strcmp(t, type) != 0)
            continue;
        bool all = true;
        for (size_t k = from; k < to && all; k++)
            all = relation_has(doc, r, ex->keys[k], ex->values[k]);
        if (all)
            return true;
    }
    return false;
}

static bool rule_fired(json_t *doc, const char *type, const char *rule_id)
{
    size_t i;
    json_t *r;
    json_array_foreach(json_object_get(doc, "relations"), i, r) {
        const char *t = json_string_value(json_object_get(r, "type"));
        const char *id = json_string_value(json_object_get(r, "rule"));
        if (t && strcmp(t, type) == 0 && (!rule_id || (id && strcmp(id, rule_id) == 0)))
            return true;
    }
    return false;
}

relx_status relx_run_examples(const relx_engine *eng, FILE *out, size_t *passed, size_t *failed)
{
    *passed = *failed = 0;
    relx_worker *w = relx_worker_new(eng);
    if (!w)
        return RELX_ENOMEM;
    relx_worker_set_rule_timing(w, false); /* no rule times reported */
    for (size_t ri = 0; ri < eng->rules.n; ri++) {
        const rx_rule *rule = &eng->rules.rules[ri];
        const char *type = rx_reltype_names[rule->type];
        for (size_t ei = 0; ei < rule->nexamples; ei++) {
            const rx_example *ex = &rule->examples[ei];
            char docname[64];
            snprintf(docname, sizeof docname, "example:%d", ex->line);
            relx_doc_options dopt = {.date = ex->pubdate, .denied = true}; /* (expect: modality=denied) */
            char *line = NULL;
            size_t len = 0;
            relx_extract(w, docname, ex->text, strlen(ex->text), &dopt, &line, &len);
            json_t *doc = line ? json_loadb(line, len, 0, NULL) : NULL;
            free(line);
            bool ok;
            if (!doc) {
                ok = false;
            } else if (ex->reject) {
                ok = !rule_fired(doc, type, NULL);
            } else if (ex->nkv == 0) {
                ok = rule_fired(doc, type, rule->id);
            } else {
                ok = expect_met(doc, type, ex, 0, ex->nkv);
            }
            if (ok) {
                (*passed)++;
            } else {
                (*failed)++;
                fprintf(out, "%s:%d:%d: rule %s: example failed\n", rule->file, ex->line, ex->col,
                        rule->id);
                fprintf(out, "    text:     %s\n", ex->text);
                if (ex->reject) {
                    fprintf(out, "    expected: no %s relation\n", type);
                } else {
                    fprintf(out, "    expected: %s(", type);
                    for (size_t k = 0; k < ex->nkv; k++)
                        fprintf(out, "%s%s=%s", k ? "; " : "", ex->keys[k], ex->values[k]);
                    fprintf(out, ")%s\n", ex->nkv ? "" : " by this rule");
                }
                if (doc)
                    describe_actual(out, doc);
                else
                    fprintf(out, "    actual: the document failed\n");
            }
            json_decref(doc);
        }
    }
    relx_worker_free(w);
    return RELX_OK;
}
