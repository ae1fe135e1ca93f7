/* test_rules.c: unit tests of rule files, lexicons and the pattern compiler
 * (lexicon.c, rule_parse.c, rule_compile.c): the exact diagnostic of every error
 * class, generated regexes run against subjects built with placeholders, slot
 * groups, Traditional/Simplified folding of rule text, triggers and needed slot
 * types. Prints one line per failure and "N passed, M failed"; exits non-zero
 * when anything failed. Uses only functions from internal.h. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* placeholders as UTF-8 (concatenate, never follow with hex digits in one literal) */
#define PP "\xee\x80\x81" /* person U+E001 */
#define PO "\xee\x80\x82" /* org    U+E002 */
#define PR "\xee\x80\x83" /* role   U+E003 */

static int passed, failed;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (cond) {                                                                                \
            passed++;                                                                              \
        } else {                                                                                   \
            failed++;                                                                              \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                                            \
            printf(__VA_ARGS__);                                                                   \
            printf("\n");                                                                          \
        }                                                                                          \
    } while (0)

/* A loaded rule set: files are given as (path, text) pairs; lexicon "title" is
 * always there. diag receives every diagnostic. */
typedef struct fixture {
    rx_ruleset rs;
    rx_lexicons lx;
    char *diag;
    size_t diaglen;
    int errors;
} fixture;

static const char title_lex[] = "# job titles\n"
                                "CEO|chief executive\n"
                                "首席執行官   # Traditional, folded when compiled\n"
                                "\n"
                                "C#\n";

static void load(fixture *f, const char *const *files, size_t nfiles)
{
    memset(f, 0, sizeof *f);
    FILE *out = open_memstream(&f->diag, &f->diaglen);
    rx_diag d = {.out = out};
    rx_lexicon_parse(&f->lx, "title", "lexicon/title.txt", title_lex, strlen(title_lex), &d);
    for (size_t i = 0; i < nfiles; i++)
        rx_rules_parse(&f->rs, files[2 * i], files[2 * i + 1], strlen(files[2 * i + 1]), &d);
    rx_rules_compile(&f->rs, &f->lx, &d);
    fclose(out);
    f->errors = d.errors;
}

static void unload(fixture *f)
{
    rx_ruleset_free(&f->rs);
    rx_lexicons_free(&f->lx);
    free(f->diag);
}

/* Load one file t.rules. */
static void load1(fixture *f, const char *text)
{
    const char *files[] = {"t.rules", text};
    load(f, files, 1);
}

/* The rule file must give exactly one error whose first line is want. */
static void expect_error(const char *text, const char *want, int line)
{
    fixture f;
    load1(&f, text);
    char *nl = strchr(f.diag, '\n');
    size_t n = nl ? (size_t)(nl - f.diag) : strlen(f.diag);
    const char *prefix = "relx: ";
    bool ok = f.errors == 1 && n > strlen(prefix) && strncmp(f.diag, prefix, 6) == 0 &&
              n - 6 == strlen(want) && memcmp(f.diag + 6, want, n - 6) == 0;
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAIL %s:%d: want one error\n  %s\ngot %d:\n%s\n", __FILE__, line, want, f.errors,
               f.diag);
    }
    unload(&f);
}
#define EXPECT_ERROR(text, want) expect_error(text, want, __LINE__)

/* A rule around one pattern. */
static char *rule_with(const char *pattern)
{
    rx_buf b = {0};
    rx_buf_printf(&b, "rule: r\ntype: departure\npattern: %s\nexample: x\n", pattern);
    return b.s;
}

static void expect_pattern_error(const char *pattern, const char *want, int line)
{
    char *text = rule_with(pattern);
    expect_error(text, want, line);
    free(text);
}
#define EXPECT_PATTERN_ERROR(p, want) expect_pattern_error(p, want, __LINE__)

/* Match code against subject; returns the match count (rc), with ovector copied
 * to ov (pairs of byte offsets). */
static int run(const rx_pattern *p, const char *subject, size_t *ov, int maxpairs)
{
    if (!p || !p->code)
        return -100;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(p->code, NULL);
    int rc = pcre2_match(p->code, (PCRE2_SPTR)subject, strlen(subject), 0, 0, md, NULL);
    if (rc > 0) {
        PCRE2_SIZE *v = pcre2_get_ovector_pointer(md);
        for (int i = 0; i < 2 * maxpairs && i < 2 * rc; i++)
            ov[i] = v[i];
    }
    pcre2_match_data_free(md);
    return rc;
}

/* Compile a single pattern; returns the fixture (caller unloads). */
static const rx_pattern *compile1(fixture *f, const char *pattern)
{
    char *text = rule_with(pattern);
    load1(f, text);
    free(text);
    if (f->errors || f->rs.n != 1 || f->rs.rules[0].npatterns != 1) {
        printf("unexpected errors for pattern %s:\n%s\n", pattern, f->diag);
        return NULL;
    }
    return &f->rs.rules[0].patterns[0];
}

static bool matches(const char *pattern, const char *subject)
{
    fixture f;
    const rx_pattern *p = compile1(&f, pattern);
    size_t ov[2];
    int rc = run(p, subject, ov, 1);
    unload(&f);
    return rc > 0;
}

/* ------------------------------------------------------------------ tests */

static void test_names(void)
{
    CHECK(rx_reltype_parse("departure") == RX_DEPARTURE, "departure");
    CHECK(rx_reltype_parse("holds_role") == RX_HOLDS_ROLE, "holds_role");
    CHECK(rx_reltype_parse("succession") == RX_SUCCESSION, "succession");
    CHECK(rx_reltype_parse("Departure") == -1, "case matters");
    CHECK(rx_reltype_parse("") == -1, "empty");
    CHECK(strcmp(rx_reltype_names[RX_REINSTATEMENT], "reinstatement") == 0, "names table");
    CHECK(strcmp(rx_modality_names[RX_MOD_RUMOURED], "rumoured") == 0, "modality table");
    CHECK(strcmp(rx_modality_names[RX_MOD_DENIED], "denied") == 0, "modality table");
}

static void test_lexicon(void)
{
    rx_lexicons lx = {0};
    char *out;
    size_t outlen;
    FILE *fp = open_memstream(&out, &outlen);
    rx_diag d = {.out = fp};
    const char a[] = "\xEF\xBB\xBF"
                     "Google|谷歌\n  # comment\n\n OpenAI  \nC# # the language\n";
    const char b[] = "Meta\r\nab\xff"
                     "cd\nX||Y\n";
    int e1 = rx_lexicon_parse(&lx, "org", "lexicon/org.txt", a, strlen(a), &d);
    int e2 = rx_lexicon_parse(&lx, "org", "more/lexicon/org.txt", b, strlen(b), &d);
    fclose(fp);
    CHECK(e1 == 0 && e2 == 2, "errors %d %d", e1, e2);
    const rx_lexicon *l = rx_lexicon_find(&lx, "org");
    CHECK(l && l->n == 4, "4 entries, got %zu", l ? l->n : 0);
    if (l && l->n == 4) {
        CHECK(strcmp(l->entries[0], "Google|谷歌") == 0, "entry 0 '%s'", l->entries[0]);
        CHECK(strcmp(l->entries[1], "OpenAI") == 0, "entry 1 trimmed '%s'", l->entries[1]);
        CHECK(strcmp(l->entries[2], "C#") == 0, "entry 2 '%s'", l->entries[2]);
        CHECK(strcmp(l->entries[3], "Meta") == 0, "entry 3 '%s'", l->entries[3]);
        CHECK(l->lines[1] == 4 && l->lines[3] == 1, "lines %d %d", l->lines[1], l->lines[3]);
        CHECK(strcmp(l->files[0], "lexicon/org.txt") == 0 &&
                  strcmp(l->files[3], "more/lexicon/org.txt") == 0,
              "files");
    }
    CHECK(strstr(out, "relx: more/lexicon/org.txt:2:3: error: invalid UTF-8 (byte 0xFF)\n") != NULL,
          "utf-8 diag:\n%s", out);
    CHECK(strstr(out, "relx: more/lexicon/org.txt:3:3: error: empty alias in lexicon entry\n") !=
              NULL,
          "alias diag:\n%s", out);
    CHECK(rx_lexicon_find(&lx, "nope") == NULL, "unknown lexicon");
    free(out);
    rx_lexicons_free(&lx);
    rx_lexicons_free(&lx); /* twice is fine */
}

static void test_parse_ok(void)
{
    const char text[] = "# a comment\n"
                        "\n"
                        "rule: zh.departure.announce\n"
                        "type：departure\n" /* full-width colon */
                        "priority: 60\n"
                        "excludes: dismissal, holds_role\n"
                        "modality: planned\n"
                        "  # indented comment\n"
                        "pattern: {person} 也? 宣布 (離職|辭職|請辭)\n"
                        "pattern: {person} 將 離職\n"
                        "example: Anna Berg 也宣布離職。\n"
                        "expect: person=Anna Berg\n"
                        "example: 甲、乙宣布離職\n"
                        "expect: person=甲; modality=planned\n"
                        "expect: person = 乙 ；date=2024-05\n"
                        "pubdate: 2024-05-23\n"
                        "reject: 他否認離職的傳聞\n"
                        "rule: b\n"
                        "type: join\n"
                        "pattern: {person} 加入 {org}\n"
                        "example: 甲加入乙\n";
    fixture f;
    load1(&f, text);
    CHECK(f.errors == 0, "no errors:\n%s", f.diag);
    CHECK(f.rs.n == 2, "two rules");
    if (f.rs.n != 2) {
        unload(&f);
        return;
    }
    const rx_rule *r = &f.rs.rules[0];
    CHECK(strcmp(r->id, "zh.departure.announce") == 0, "id");
    CHECK(r->type == RX_DEPARTURE && r->priority == 60 && r->line == 3, "type/prio/line");
    CHECK(r->excludes == ((1u << RX_DISMISSAL) | (1u << RX_HOLDS_ROLE)), "excludes %x",
          r->excludes);
    CHECK(r->modality == RX_MOD_PLANNED, "modality");
    CHECK(strcmp(r->file, "t.rules") == 0, "file");
    CHECK(r->npatterns == 2 && r->patterns[0].line == 9 && r->patterns[0].col == 10,
          "pattern location %d:%d", r->patterns[0].line, r->patterns[0].col);
    CHECK(strcmp(r->patterns[0].source, "{person} 也? 宣布 (離職|辭職|請辭)") == 0, "source");
    CHECK(r->nexamples == 4, "examples %zu", r->nexamples);
    if (r->nexamples == 4) {
        const rx_example *e = r->examples;
        CHECK(!e[0].reject && e[0].line == 11 && e[0].nkv == 1 &&
                  strcmp(e[0].keys[0], "person") == 0 && strcmp(e[0].values[0], "Anna Berg") == 0,
              "example 0");
        CHECK(e[0].pubdate == NULL, "no pubdate on example 0");
        /* two expect lines after one example: two entries of the same example */
        CHECK(e[1].line == 13 && e[2].line == 13 && strcmp(e[1].text, e[2].text) == 0,
              "same example twice");
        CHECK(e[1].nkv == 2 && strcmp(e[1].keys[1], "modality") == 0 &&
                  strcmp(e[1].values[1], "planned") == 0,
              "example 1 kv");
        CHECK(e[2].nkv == 2 && strcmp(e[2].values[0], "乙") == 0 &&
                  strcmp(e[2].keys[1], "date") == 0 && strcmp(e[2].values[1], "2024-05") == 0,
              "example 2 kv");
        CHECK(e[1].pubdate && e[2].pubdate && strcmp(e[2].pubdate, "2024-05-23") == 0,
              "pubdate on both entries");
        CHECK(e[3].reject && e[3].nkv == 0 && strcmp(e[3].text, "他否認離職的傳聞") == 0,
              "reject");
    }
    const rx_rule *b = &f.rs.rules[1];
    CHECK(b->type == RX_JOIN && b->priority == 50 && b->modality == -1 && b->excludes == 0,
          "defaults");
    unload(&f);
}

static void test_parse_errors(void)
{
    EXPECT_ERROR("type: departure\n",
                 "t.rules:1:1: error: text outside a rule (a rule starts with 'rule: ID')");
    EXPECT_ERROR("rule: a\ntyp: departure\npattern: {person} x\nexample: x\n",
                 "t.rules:2:1: error: unknown key 'typ' (keys: rule, type, priority, excludes, "
                 "modality, pattern, example, expect, pubdate, reject)");
    EXPECT_ERROR("rule: a\ntype: departur\npattern: {person} x\nexample: x\n",
                 "t.rules:2:7: error: unknown relation type 'departur' (departure, appointment, "
                 "succession, join, dismissal, reinstatement, promotion or holds_role)");
    EXPECT_ERROR("rule: a\npattern: {person} x\nexample: x\n",
                 "t.rules:1:1: error: rule 'a' has no 'type:' line");
    EXPECT_ERROR("rule: a\ntype: join\nexample: x\n",
                 "t.rules:1:1: error: rule 'a' has no 'pattern:' line");
    EXPECT_ERROR("rule: a\ntype: join\npattern: {person} x\nreject: x\n",
                 "t.rules:1:1: error: rule 'a' has no 'example:' line (every rule needs at least "
                 "one)");
    EXPECT_ERROR("rule: a\ntype: join\npriority: high\npattern: {person} x\nexample: x\n",
                 "t.rules:3:11: error: bad priority 'high' (expected a whole number, e.g. 60)");
    EXPECT_ERROR("rule: a\ntype: join\npattern: {person} x\nexpect: person=x\nexample: x\n",
                 "t.rules:4:1: error: 'expect:' without a preceding 'example:'");
    EXPECT_ERROR("rule: a\ntype: join\npattern: {person} x\npubdate: 2024-01-01\nexample: x\n",
                 "t.rules:4:1: error: 'pubdate:' without a preceding 'example:'");
    EXPECT_ERROR("rule: a\ntype: join\npattern: {person} x\nexample: x\nexpect: person=x; "
                 "persn=y\n",
                 "t.rules:5:19: error: unknown expect key 'persn' (keys: person, predecessor, "
                 "org, role, date, modality)");
    EXPECT_ERROR("rule: a\ntype: join\npattern: {person} x\nexample: 離\xe8\x81職\n",
                 "t.rules:4:11: error: invalid UTF-8 (byte 0xE8)");
    EXPECT_ERROR("rule: a\ntype: join\nexcludes: join nope\npattern: {person} x\nexample: x\n",
                 "t.rules:3:16: error: unknown relation type 'nope' in 'excludes:'");
    EXPECT_ERROR("rule: a\ntype: join\nmodality: maybe\npattern: {person} x\nexample: x\n",
                 "t.rules:3:11: error: unknown modality 'maybe' (fact, planned, rumoured or "
                 "denied)");
    EXPECT_ERROR("rule: a b\ntype: join\npattern: {person} x\nexample: x\n",
                 "t.rules:1:8: error: invalid rule id 'a b' (use letters, digits, '.', '_' and "
                 "'-')");
    EXPECT_ERROR("rule: a\ntype: join\npattern {person} x\nexample: x\n",
                 "t.rules:3:1: error: expected 'key: value'");

    /* duplicate id across two files: the second is reported and dropped */
    const char *files[] = {"one.rules", "rule: a\ntype: join\npattern: {person} x\nexample: x\n",
                           "two.rules",
                           "\nrule:  a\ntype: join\npattern: {person} y\nexample: y\n"};
    fixture f;
    load(&f, files, 2);
    CHECK(f.errors == 1 && strstr(f.diag, "relx: two.rules:2:8: error: duplicate rule id 'a' "
                                          "(first defined at one.rules:1)\n") != NULL,
          "duplicate id:\n%s", f.diag);
    CHECK(f.rs.n == 1, "duplicate dropped");
    unload(&f);

    /* the caret line */
    load1(&f, "rule: a\ntype: departur\npattern: {person} x\nexample: x\n");
    CHECK(strstr(f.diag, "\n    type: departur\n          ^\n") != NULL, "caret:\n%s", f.diag);
    unload(&f);
}

static void test_pattern_errors(void)
{
    EXPECT_PATTERN_ERROR("{PERSN} 宣布離職",
                         "t.rules:3:11: error: unknown slot type 'PERSN' (slot types: person, "
                         "org, role)");
    EXPECT_PATTERN_ERROR("{boss:person} x",
                         "t.rules:3:11: error: unknown argument 'boss' (arguments: person, "
                         "predecessor, org, role, _)");
    EXPECT_PATTERN_ERROR("{person} {org:person}",
                         "t.rules:3:20: error: argument 'org' takes an org slot, not a person");
    EXPECT_PATTERN_ERROR("{person} 離職 (宣布",
                         "t.rules:3:22: error: unbalanced parentheses: this '(' is never closed");
    EXPECT_PATTERN_ERROR("{person} 離職)",
                         "t.rules:3:21: error: unbalanced parentheses: ')' without a matching "
                         "'('");
    EXPECT_PATTERN_ERROR("{person} () 離職", "t.rules:3:19: error: empty group '()'");
    EXPECT_PATTERN_ERROR("{person} (宣布|) 離職",
                         "t.rules:3:23: error: empty alternative before ')'");
    EXPECT_PATTERN_ERROR("? {person}",
                         "t.rules:3:10: error: '?' with nothing before it (it makes the item "
                         "before it optional)");
    EXPECT_PATTERN_ERROR("{person} (? 離職)",
                         "t.rules:3:20: error: '?' with nothing before it (it makes the item "
                         "before it optional)");
    EXPECT_PATTERN_ERROR("{person 離職", "t.rules:3:10: error: unterminated '{' (missing '}')");
    EXPECT_PATTERN_ERROR("{person} `\\d+",
                         "t.rules:3:19: error: unterminated '`' (missing closing '`')");
    EXPECT_PATTERN_ERROR("{person} 出任 @titel",
                         "t.rules:3:22: error: unknown lexicon 'titel' (no file "
                         "lexicon/titel.txt)");
    EXPECT_PATTERN_ERROR("{person}?",
                         "t.rules:3:10: error: pattern can match empty text (every item in it is "
                         "optional)");
    EXPECT_PATTERN_ERROR("{org} 宣布 {role} 離職",
                         "t.rules:3:10: error: pattern has no {person} slot (every relation "
                         "needs a person)");
    EXPECT_PATTERN_ERROR("{_:person} 宣布離職",
                         "t.rules:3:10: error: pattern has no {person} slot (every relation "
                         "needs a person)");
    EXPECT_PATTERN_ERROR("({person}|{org}) 離職",
                         "t.rules:3:10: error: pattern can match without binding {person} (it is "
                         "optional or missing in an alternative)");
    EXPECT_PATTERN_ERROR("{person} `(\\d+)`",
                         "t.rules:3:19: error: raw regex must not contain capturing groups "
                         "(write (?:...) instead of (...))");
    /* a PCRE2 error inside a raw regex points at the column where it occurs */
    EXPECT_PATTERN_ERROR("{person} 在 `\\d{2)`",
                         "t.rules:3:26: error: invalid raw regex: unmatched closing parenthesis");
    /* a PCRE2 error of the whole generated pattern is mapped back to the rule */
    EXPECT_PATTERN_ERROR("{person} `(?x)a#`",
                         "t.rules:3:19: error: cannot compile pattern: missing closing "
                         "parenthesis");
    EXPECT_PATTERN_ERROR("{person} {gap:500} 離職",
                         "t.rules:3:24: error: bad gap length '500' (write {gap:N} or {gap:M-N} "
                         "with 1 <= N <= 200 and M <= N)");
    EXPECT_PATTERN_ERROR("{person} [x]",
                         "t.rules:3:19: error: '[' is reserved (write \\[ for the character "
                         "itself)");
    /* invalid UTF-8 in a pattern line is caught by the parser ... */
    EXPECT_PATTERN_ERROR("{person} \xff",
                         "t.rules:3:19: error: invalid UTF-8 (byte 0xFF)");
    /* ... and by the compiler for rules built otherwise */
    fixture f;
    char *text = rule_with("{person} ab");
    FILE *fp = open_memstream(&f.diag, &f.diaglen);
    rx_diag d = {.out = fp};
    memset(&f.rs, 0, sizeof f.rs);
    memset(&f.lx, 0, sizeof f.lx);
    rx_rules_parse(&f.rs, "t.rules", text, strlen(text), &d);
    free(text);
    f.rs.rules[0].patterns[0].source[10] = '\xc3'; /* "{person} a\xc3" */
    rx_rules_compile(&f.rs, &f.lx, &d);
    fclose(fp);
    CHECK(d.errors == 1 && strstr(f.diag, "relx: t.rules:3:20: error: invalid UTF-8 in pattern "
                                          "(byte 0xC3)\n") != NULL,
          "compile utf-8:\n%s", f.diag);
    unload(&f);
    /* full-width operators are characters, with a warning (not an error) */
    fp = open_memstream(&f.diag, &f.diaglen);
    d = (rx_diag){.out = fp};
    memset(&f.rs, 0, sizeof f.rs);
    text = rule_with("{person} 離職？");
    rx_rules_parse(&f.rs, "t.rules", text, strlen(text), &d);
    free(text);
    rx_rules_compile(&f.rs, &f.lx, &d);
    fclose(fp);
    CHECK(d.errors == 0 && d.warnings == 1 &&
              strstr(f.diag, "relx: t.rules:3:21: warning: full-width '？' is an ordinary "
                             "character here (it matches '?'); write '?' for the operator, or "
                             "'\\？' to keep the character\n"),
          "full-width warning:\n%s", f.diag);
    CHECK(f.rs.n == 1 && f.rs.rules[0].patterns[0].code &&
              run(&f.rs.rules[0].patterns[0], PP "离职?", (size_t[2]){0}, 1) > 0,
          "full-width ? is literal");
    unload(&f);
    /* the caret of a compile error is under the pattern column */
    load1(&f, "rule: r\ntype: join\n  pattern：{PERSN}\nexample: x\n");
    CHECK(strstr(f.diag, "relx: t.rules:3:12: error: unknown slot type 'PERSN'") &&
              strstr(f.diag, "\n    pattern:  {PERSN}\n               ^\n"),
          "caret:\n%s", f.diag);
    unload(&f);
}

static void test_match(void)
{
    fixture f;
    const rx_pattern *p = compile1(&f, "{person} 也? 宣布 (離職|辭職|請辭)");
    size_t ov[8];
    CHECK(p && run(p, PP " 也宣布离职", ov, 2) == 2 && ov[0] == 0 && ov[2] == 0 && ov[3] == 3,
          "match with 也");
    CHECK(p && run(p, PP "宣布辞职。", ov, 2) == 2, "match without 也");
    CHECK(p && run(p, PP "宣布退休", ov, 2) < 0, "no match");
    CHECK(p && p->nslots == 1 && p->slots[0].group == 1 && p->slots[0].arg == RX_ARG_PERSON &&
              p->slots[0].type == RX_SLOT_PERSON && !p->slots[0].list,
          "slot");
    /* the same rule written in Simplified gives the same regex */
    fixture g;
    const rx_pattern *q = compile1(&g, "{person} 也? 宣布 (离职|辞职|请辞)");
    CHECK(p && q && strcmp(p->regex, q->regex) == 0, "T/S same regex:\n%s\n%s",
          p ? p->regex : "", q ? q->regex : "");
    CHECK(p && strcmp(p->regex, "([\\x{E001}\\x{E004}])(?:[\\s\\x{E004}]*也)?[\\s\\x{E004}]*宣布[\\s\\x{E004}]*(?:离职|辞职|请辞)") == 0,
          "regex %s", p ? p->regex : "");
    unload(&g);
    unload(&f);

    /* predecessor and person: one group each, in order */
    p = compile1(&f, "{predecessor:person} 將由 {person} 接替");
    CHECK(p && p->nslots == 2 && p->slots[0].arg == RX_ARG_PREDECESSOR && p->slots[0].group == 1 &&
              p->slots[1].arg == RX_ARG_PERSON && p->slots[1].group == 2,
          "two slots");
    CHECK(p && run(p, PP "将由" PP "接替", ov, 3) == 3 && ov[2] == 0 && ov[4] == 9, "groups");
    unload(&f);

    /* the same arg in several alternatives */
    p = compile1(&f, "({person} 辭職|{person} 被解僱)");
    CHECK(p && p->nslots == 2 && p->slots[0].group == 1 && p->slots[1].group == 2 &&
              p->slots[1].arg == RX_ARG_PERSON,
          "alternatives");
    unload(&f);

    /* lists */
    p = compile1(&f, "{person+} 離職");
    CHECK(p && p->nslots == 1 && p->slots[0].list, "list slot");
    CHECK(p && run(p, PP "、" PP "和" PP "离职", ov, 2) == 2 && ov[2] == 0 && ov[3] == 15,
          "list 、和");
    CHECK(p && run(p, PP ", " PP ", and " PP " 离职", ov, 2) == 2 && ov[3] == 17, "list , and");
    CHECK(p && run(p, PP "与" PP "离职", ov, 2) == 2 && ov[3] == 9, "list 与");
    unload(&f);

    /* unbound slot: captured, arg NONE */
    p = compile1(&f, "{_:org} 任命 {person}");
    CHECK(p && p->nslots == 2 && p->slots[0].arg == RX_ARG_NONE && p->slots[0].type == RX_SLOT_ORG,
          "unbound slot");
    CHECK(p && run(p, PO "任命" PP, ov, 3) == 3, "org placeholder");
    unload(&f);

    /* ASCII: case-insensitive, word guards, required space between words */
    CHECK(matches("{person} steps down", PP " Steps  DOWN"), "case, spaces");
    CHECK(!matches("{person} steps down", PP " stepsdown"), "space required between words");
    CHECK(!matches("{person} resigns as CEO", PP " resigns as CEOs"), "CEO not inside CEOs");
    CHECK(!matches("{person} resigns as CEO", PP " resigns as XCEO"), "CEO not after a letter");
    CHECK(matches("{person} resigns as CEO", PP " resigns as CEO."), "CEO");
    CHECK(matches("{person} resigns as ＣＥＯ", PP " resigns as ceo"), "full-width folded");
    CHECK(matches("{person} steps down? as CEO", PP " steps as CEO"), "optional word");
    CHECK(matches("{person} steps down? as CEO", PP " steps down as CEO"), "optional word present");
    CHECK(matches("{person} 宣布 (的)? 離職", PP "宣布离职"), "optional group");
    CHECK(matches("{person} 宣布 (的)? 離職", PP "宣布的离职"), "optional group present");

    /* gaps */
    CHECK(matches("{person} 宣布 ... 離職", PP "宣布将于下月离职"), "gap");
    CHECK(!matches("{person} 宣布 ... 離職", PP "宣布" PP "离职"), "gap does not cross a person");
    CHECK(matches("{person} 宣布 {any:5} 離職", PP "宣布" PP "离职"), "any crosses a person");
    CHECK(!matches("{person} 宣布 ... 離職", PP "宣布一二三四五六七八九十一二三离职"),
          "gap is at most 12");
    CHECK(matches("{person} {gap:2} 離職", PP "一二离职"), "gap:2");
    CHECK(!matches("{person} {gap:2} 離職", PP "一二三离职"), "gap:2 too long");
    CHECK(!matches("{person} {gap:2-3} 離職", PP "一离职"), "gap:2-3 too short");
    CHECK(matches("{person} {gap:2-3} 離職", PP "一二三离职"), "gap:2-3");

    /* lexicons: every alias, folded, case-insensitive */
    CHECK(matches("{person} 出任 @title", PP "出任首席执行官"), "lexicon folded alias");
    CHECK(matches("{person} 出任 @title", PP "出任Chief Executive"), "lexicon alias");
    CHECK(matches("{person} 出任 @title", PP "出任c#"), "lexicon C#");
    CHECK(!matches("{person} as @title", PP " as CEOs"), "lexicon: word guard after");
    CHECK(!matches("{person} as @title", PP " as XCEO"), "lexicon: word guard before");
    CHECK(matches("{person} as @title", PP " as CEO."), "lexicon: guards let CEO. match");
    CHECK(matches("{person} 任 @title", PP "任首席执行官abc"), "lexicon: no guard after CJK");
    p = compile1(&f, "{person} as @title");
    CHECK(p && strstr(p->regex, "(?i:chief executive|首席执行官|CEO|C\\#)") != NULL,
          "longest first: %s", p ? p->regex : "");
    unload(&f);

    /* raw regex, escapes */
    CHECK(matches("{person} 在 `\\d{4}` 年", PP "在2024年"), "raw");
    CHECK(!matches("{person} 在 `\\d{4}` 年", PP "在24年"), "raw digits");
    CHECK(matches("{person} \\(前\\)", PP "(前)"), "escaped parens");
    CHECK(matches("{person} U.S.", PP " U.S."), "dots are literal");

    /* a literal token ends at a special: 宣布? makes the whole word optional */
    CHECK(matches("{person} 已 宣布? 離職", PP "已离职"), "optional word");
    CHECK(!matches("{person} 已 宣布? 離職", PP "已宣离职"), "whole word optional");
}

static bool trig_is(const rx_pattern *p, const char *const *want, size_t n)
{
    if (!p || p->ntriggers != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        bool found = false;
        for (size_t k = 0; k < p->ntriggers; k++)
            found |= strcmp(p->triggers[k], want[i]) == 0;
        if (!found)
            return false;
    }
    return true;
}

static void dump_trig(const rx_pattern *p)
{
    if (!p)
        return;
    for (size_t k = 0; k < p->ntriggers; k++)
        printf("  [%s]", p->triggers[k]);
    printf("\n");
}

#define TRIG(pattern, ...)                                                                         \
    do {                                                                                           \
        fixture tf;                                                                                \
        const rx_pattern *tp = compile1(&tf, pattern);                                             \
        const char *const want[] = {__VA_ARGS__};                                                  \
        size_t nwant = sizeof want / sizeof *want;                                                 \
        if (nwant == 1 && want[0] == NULL)                                                         \
            nwant = 0;                                                                             \
        bool ok = trig_is(tp, want, nwant);                                                        \
        CHECK(ok, "triggers of %s", pattern);                                                      \
        if (!ok)                                                                                   \
            dump_trig(tp);                                                                         \
        unload(&tf);                                                                               \
    } while (0)

static unsigned need_of(const char *pattern)
{
    fixture f;
    const rx_pattern *p = compile1(&f, pattern);
    unsigned n = p ? p->need : 999;
    unload(&f);
    return n;
}

static void test_triggers(void)
{
    /* 宣布 and {离职, 辞职} both have shortest length 2: fewer literals wins */
    TRIG("{person} 也? 宣布 (離職|辭職)", "宣布");
    TRIG("{person} (宣布|表示) 離職", "离职");
    /* the longer shortest literal wins; ASCII is lower-cased */
    TRIG("{person} Steps down", "steps");
    TRIG("{person} 辭去 CEO", "ceo");
    /* optional items are never triggers */
    TRIG("{person} 正式? 離職", "离职");
    /* a group with an alternative that has no literal gives nothing */
    TRIG("{person} (宣布|{gap:3}) 离职", "离职");
    /* a group: union of its alternatives */
    TRIG("{person} (已經 辭職|將 卸任)", "已经", "卸任");
    /* a lexicon gives its aliases */
    TRIG("{person} 任 @title", "chief executive", "首席执行官", "ceo", "c#");
    /* nothing required: no triggers */
    TRIG("{person} `\\d+`", NULL);
    TRIG("{person} (離職)?", NULL);
    /* top-level alternatives: union */
    TRIG("{person} 辭職 | {person} 卸任", "辞职", "卸任");

    unsigned P = 1u << RX_SLOT_PERSON, O = 1u << RX_SLOT_ORG, R = 1u << RX_SLOT_ROLE;
    CHECK(need_of("{person} 出任 {org}? {role}") == (P | R), "need person+role");
    CHECK(need_of("({org}|{role}) {person} 離職") == P, "need: alternatives");
    CHECK(need_of("{person} 加入 {_:org}") == (P | O), "need: unbound slot counts");
    CHECK(need_of("({person} 說|{person} 表示) 離職") == P, "need: in every alternative");
    CHECK(need_of("{person} ({org} 的)? 離職") == P, "need: optional group");
}

int main(void)
{
    test_names();
    test_lexicon();
    test_parse_ok();
    test_parse_errors();
    test_pattern_errors();
    test_match();
    test_triggers();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
