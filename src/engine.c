/* engine.c: building an engine (the compiled rule pack, the lexicons, the entity
 * recogniser and the trigger prefilter) and the per-thread workers.
 *
 * Loading order: every rule file and lexicon of the built-in pack (embedded at
 * build time from rules/, see cmake/embed_rules.cmake) and of each --rules path is
 * parsed first; only then are the patterns compiled, because a pattern may name a
 * lexicon (@title) that a later file defines.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine.h"

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Parse one in-memory file: *.rules as rules, *.txt as the lexicon named by its base name. */
static void load_buffer(relx_engine *eng, const char *path, const char *data, size_t len,
                        rx_diag *d)
{
    if (ends_with(path, ".rules")) {
        rx_rules_parse(&eng->rules, path, data, len, d);
    } else if (ends_with(path, ".txt")) {
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        char *name = rx_strndup(base, strlen(base) - 4);
        if (!name)
            return;
        rx_lexicon_parse(&eng->lex, name, path, data, len, d);
        free(name);
    }
}

static int read_file(const char *path, char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    rx_buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        rx_buf_add(&b, chunk, n);
    int err = ferror(f);
    fclose(f);
    if (err || b.oom) {
        rx_buf_free(&b);
        return -1;
    }
    *data = b.s ? b.s : rx_strdup("");
    *len = b.len;
    return *data ? 0 : -1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Load a rule file, a lexicon file, or a folder: its *.rules (recursively) and
 * lexicon/ *.txt, in sorted order so that the result never depends on readdir. */
static void load_path(relx_engine *eng, const char *path, rx_diag *d, int depth)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        rx_diag_error(d, path, 0, 0, NULL, "cannot read rules: %s", strerror(errno));
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        if (!ends_with(path, ".rules") && !ends_with(path, ".txt")) {
            rx_diag_error(d, path, 0, 0, NULL, "not a rule file (*.rules) or lexicon (*.txt)");
            return;
        }
        char *data;
        size_t len;
        if (read_file(path, &data, &len) != 0) {
            rx_diag_error(d, path, 0, 0, NULL, "cannot read rules: %s", strerror(errno));
            return;
        }
        load_buffer(eng, path, data, len, d);
        free(data);
        return;
    }
    if (depth > 16)
        return;
    DIR *dir = opendir(path);
    if (!dir) {
        rx_diag_error(d, path, 0, 0, NULL, "cannot read rules: %s", strerror(errno));
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dir)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (!RX_GROW(names, cap, n + 1))
            break;
        names[n] = rx_strdup(de->d_name);
        if (names[n])
            n++;
    }
    closedir(dir);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    bool in_lexicon_dir = ends_with(path, "/lexicon") || strcmp(path, "lexicon") == 0;
    for (size_t i = 0; i < n; i++) {
        rx_buf full = {0};
        rx_buf_printf(&full, "%s%s%s", path, ends_with(path, "/") ? "" : "/", names[i]);
        if (full.s) {
            struct stat cst;
            if (stat(full.s, &cst) == 0) {
                if (S_ISDIR(cst.st_mode))
                    load_path(eng, full.s, d, depth + 1);
                else if (ends_with(names[i], ".rules") || (in_lexicon_dir && ends_with(names[i], ".txt")))
                    load_path(eng, full.s, d, depth + 1);
            }
        }
        rx_buf_free(&full);
        free(names[i]);
    }
    free(names);
}

/* Collect the distinct triggers of every pattern into one code point trie
 * (see prefilter in match.c). */
static int build_prefilter(relx_engine *eng)
{
    size_t np = 0;
    for (size_t r = 0; r < eng->rules.n; r++)
        np += eng->rules.rules[r].npatterns;
    eng->npatterns = np;
    eng->pat_rule = calloc(np ? np : 1, sizeof *eng->pat_rule);
    eng->pat_index = calloc(np ? np : 1, sizeof *eng->pat_index);
    if (!eng->pat_rule || !eng->pat_index)
        return -1;
    size_t k = 0;
    for (size_t r = 0; r < eng->rules.n; r++)
        for (size_t p = 0; p < eng->rules.rules[r].npatterns; p++) {
            eng->pat_rule[k] = r;
            eng->pat_index[k] = p;
            k++;
        }
    eng->pat_words = (np + 63) / 64;

    /* distinct triggers */
    size_t cap = 0;
    for (size_t g = 0; g < np; g++) {
        const rx_pattern *pat = &eng->rules.rules[eng->pat_rule[g]].patterns[eng->pat_index[g]];
        if (pat->ntriggers == 0)
            continue;
        for (size_t t = 0; t < pat->ntriggers; t++) {
            size_t found = eng->ntrig;
            for (size_t j = 0; j < eng->ntrig; j++)
                if (strcmp(eng->trig[j].text, pat->triggers[t]) == 0) {
                    found = j;
                    break;
                }
            if (found == eng->ntrig) {
                if (!RX_GROW(eng->trig, cap, eng->ntrig + 1))
                    return -1;
                rx_trigger *tr = &eng->trig[eng->ntrig++];
                memset(tr, 0, sizeof *tr);
                tr->text = pat->triggers[t];
                tr->len = strlen(pat->triggers[t]);
                tr->patterns = calloc(eng->pat_words, sizeof(uint64_t));
                if (!tr->patterns)
                    return -1;
            }
            eng->trig[found].patterns[g / 64] |= (uint64_t)1 << (g % 64);
        }
    }
    eng->always = calloc(eng->pat_words ? eng->pat_words : 1, sizeof(uint64_t));
    if (!eng->always)
        return -1;
    for (size_t g = 0; g < np; g++) {
        const rx_pattern *pat = &eng->rules.rules[eng->pat_rule[g]].patterns[eng->pat_index[g]];
        if (pat->ntriggers == 0)
            eng->always[g / 64] |= (uint64_t)1 << (g % 64);
    }
    /* one code point trie over all triggers, ASCII case folded; value 0 is the
     * trigger's index */
    eng->trig_trie = rx_trie_new(true);
    if (!eng->trig_trie)
        return -1;
    for (size_t i = 0; i < eng->ntrig; i++) {
        uint32_t key[256];
        size_t n = 0, at = 0;
        while (at < eng->trig[i].len && n < 256)
            key[n++] = rx_utf8_next(eng->trig[i].text, eng->trig[i].len, &at);
        int32_t val[RX_TRIE_NVAL] = {(int32_t)i, -1};
        if (n && rx_trie_add(eng->trig_trie, key, n, 1, val) < 0)
            return -1;
    }
    rx_trie_freeze(eng->trig_trie);
    return 0;
}

relx_status relx_engine_new(const relx_options *opt, relx_engine **out)
{
    relx_options defaults = {0};
    if (!opt)
        opt = &defaults;
    *out = NULL;
    relx_engine *eng = calloc(1, sizeof *eng);
    if (!eng)
        return RELX_ENOMEM;
    rx_diag d = {.out = opt->diag ? opt->diag : stderr, .color = opt->diag_color};
    if (!opt->no_default_rules)
        for (size_t i = 0; i < rx_rulepack_count; i++)
            load_buffer(eng, rx_rulepack[i].path, rx_rulepack[i].data, rx_rulepack[i].len, &d);
    for (size_t i = 0; i < opt->n_rule_paths; i++)
        load_path(eng, opt->rule_paths[i], &d, 0);
    if (d.errors == 0)
        rx_rules_compile(&eng->rules, &eng->lex, &d);
    if (d.errors) {
        relx_engine_free(eng);
        return RELX_ERULES;
    }
    eng->ner = rx_ner_new(&eng->lex, &d);
    if (d.errors) {
        relx_engine_free(eng);
        return RELX_ERULES;
    }
    if (!eng->ner || build_prefilter(eng) != 0 || rx_emit_prepare(eng) != 0) {
        relx_engine_free(eng);
        return RELX_ENOMEM;
    }
    *out = eng;
    return RELX_OK;
}

void relx_engine_free(relx_engine *eng)
{
    if (!eng)
        return;
    rx_ner_free(eng->ner);
    for (size_t i = 0; i < eng->ntrig; i++)
        free(eng->trig[i].patterns);
    free(eng->trig);
    free(eng->always);
    rx_trie_free(eng->trig_trie);
    free(eng->pat_rule);
    free(eng->pat_index);
    free(eng->rule_json);
    free(eng->rule_json_at);
    rx_ruleset_free(&eng->rules);
    rx_lexicons_free(&eng->lex);
    free(eng);
}

relx_worker *relx_worker_new(const relx_engine *eng)
{
    relx_worker *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->eng = eng;
    w->time_rules = true;
    w->md = pcre2_match_data_create(64, NULL);
    w->mctx = pcre2_match_context_create(NULL);
    w->jit_stack = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
    w->stats = calloc(eng->rules.n ? eng->rules.n : 1, sizeof *w->stats);
    if (!w->md || !w->mctx || !w->stats) {
        relx_worker_free(w);
        return NULL;
    }
    /* Bounds per match: a rule that backtracks badly is stopped and reported. */
    pcre2_set_match_limit(w->mctx, RX_MATCH_LIMIT);
    pcre2_set_depth_limit(w->mctx, RX_DEPTH_LIMIT);
    pcre2_set_heap_limit(w->mctx, RX_HEAP_LIMIT_KIB);
    if (w->jit_stack)
        pcre2_jit_stack_assign(w->mctx, NULL, w->jit_stack);
    return w;
}

void relx_worker_free(relx_worker *w)
{
    if (!w)
        return;
    pcre2_match_data_free(w->md);
    pcre2_match_context_free(w->mctx);
    pcre2_jit_stack_free(w->jit_stack);
    free(w->stats);
    rx_buf_free(&w->subject);
    free(w->units);
    free(w->byte_unit);
    free(w->sent_pats);
    free(w);
}

void rx_triggers_each(const relx_engine *eng, const uint32_t *t, size_t from, size_t to,
                      rx_trigger_fn fn, void *ctx)
{
    if (!eng->trig_trie)
        return;
    rx_trie_view v;
    if (rx_trie_get_view(eng->trig_trie, &v)) {
        /* the same walk, with the steps inlined: most positions end at the
         * root's direct table */
        for (size_t i = from; i < to; i++) {
            int32_t node = rx_trie_view_first(&v, t[i]);
            for (size_t k = i + 1; node >= 0; k++) {
                int32_t ti = v.nodes[node].val[0];
                if (ti >= 0)
                    fn(ctx, (size_t)ti, i, k);
                if (k >= to)
                    break;
                node = rx_trie_view_step(&v, node, rx_trie_view_fold(&v, t[k]));
            }
        }
        return;
    }
    for (size_t i = from; i < to; i++) {
        int32_t node = RX_TRIE_ROOT;
        for (size_t k = i; k < to; k++) {
            node = rx_trie_step(eng->trig_trie, node, t[k]);
            if (node < 0)
                break;
            int32_t ti = rx_trie_value(eng->trig_trie, node, 0);
            if (ti >= 0)
                fn(ctx, (size_t)ti, i, k + 1);
        }
    }
}

size_t relx_rule_count(const relx_engine *eng)
{
    return eng->rules.n;
}

void relx_rule_get(const relx_engine *eng, size_t i, relx_rule_info *info)
{
    const rx_rule *r = &eng->rules.rules[i];
    info->id = r->id;
    info->type = rx_reltype_names[r->type];
    info->file = r->file;
    info->line = r->line;
    info->priority = r->priority;
    info->n_examples = r->nexamples;
}

const relx_rule_stat *relx_worker_rule_stats(const relx_worker *w)
{
    return w->stats;
}

void relx_worker_set_rule_timing(relx_worker *w, bool on)
{
    if (w)
        w->time_rules = on;
}

const char *relx_version(void)
{
    return RELX_VERSION;
}
