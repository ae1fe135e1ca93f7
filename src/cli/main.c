/* main.c: the relx command line -- parses arguments, builds the engine, hands over
 * to the command, and maps what came back to an exit code:
 *   0 success, 1 a document failed or output failed, 2 usage or rule errors.
 *
 * Options may come before, after or between operands; "--" ends them. Long
 * options take their value as "--opt=V" or "--opt V", short ones as "-j4" or
 * "-j 4"; flags may be grouped ("-rj4").
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/cli.h"

enum {
    OPT_RULES = 1, OPT_NO_DEFAULT_RULES, OPT_DATE, OPT_ENCODING, OPT_LANG, OPT_TRACE, OPT_DENIED,
    OPT_RECURSIVE, OPT_GLOB, OPT_FILES_FROM, OPT_INPUT_FORMAT, OPT_JOBS, OPT_MAX_DOC,
    OPT_STATS, OPT_PROGRESS, OPT_NO_PROGRESS, OPT_PRETTY, OPT_HELP, OPT_RULE, OPT_SENTENCE,
    OPT_JSON, OPT_COLOR, OPT_NO_COLOR
};

#define F_EXTRACT (1u << CLI_CMD_EXTRACT)
#define F_RULECMDS ((1u << CLI_CMD_CHECK) | (1u << CLI_CMD_TEST) | (1u << CLI_CMD_RULES))
#define F_EXPLAIN (1u << CLI_CMD_EXPLAIN)
#define F_RULES (1u << CLI_CMD_RULES)
#define F_ALL (F_EXTRACT | F_RULECMDS | F_EXPLAIN)
/* reading documents: extract, explain, and rules --stats over a corpus */
#define F_INPUT (F_EXTRACT | F_EXPLAIN | F_RULES)

typedef struct optspec {
    const char *lng;
    char shrt;
    bool arg;
    int id;
    unsigned cmds; /* which commands accept it */
} optspec;

static const optspec specs[] = {
    {"rules", 0, true, OPT_RULES, F_ALL},
    {"no-default-rules", 0, false, OPT_NO_DEFAULT_RULES, F_ALL},
    {"date", 0, true, OPT_DATE, F_INPUT},
    {"encoding", 0, true, OPT_ENCODING, F_INPUT},
    {"lang", 0, true, OPT_LANG, F_INPUT},
    {"trace", 0, false, OPT_TRACE, F_EXTRACT},
    {"denied", 0, false, OPT_DENIED, F_EXTRACT | F_EXPLAIN},
    {"recursive", 'r', false, OPT_RECURSIVE, F_INPUT},
    {"glob", 0, true, OPT_GLOB, F_INPUT},
    {"files-from", 0, true, OPT_FILES_FROM, F_INPUT},
    {"input-format", 0, true, OPT_INPUT_FORMAT, F_INPUT},
    {"jobs", 'j', true, OPT_JOBS, F_EXTRACT | F_RULES},
    {"max-doc-bytes", 0, true, OPT_MAX_DOC, F_INPUT},
    {"stats", 0, false, OPT_STATS, F_EXTRACT | F_RULES},
    {"progress", 0, false, OPT_PROGRESS, F_EXTRACT | F_RULES},
    {"no-progress", 0, false, OPT_NO_PROGRESS, F_EXTRACT | F_RULES},
    {"pretty", 0, false, OPT_PRETTY, F_EXTRACT},
    {"rule", 0, true, OPT_RULE, F_EXPLAIN},
    {"sentence", 0, true, OPT_SENTENCE, F_EXPLAIN},
    {"json", 0, false, OPT_JSON, F_EXPLAIN},
    {"color", 0, false, OPT_COLOR, F_EXPLAIN},
    {"no-color", 0, false, OPT_NO_COLOR, F_EXPLAIN},
    {"help", 'h', false, OPT_HELP, F_ALL | (1u << CLI_CMD_DIFF)},
};

static const char *const encodings[] = {"utf-8", "utf-16le", "utf-16be", "big5", "gbk", "gb18030"};

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* YYYY-MM-DD, a real calendar day. */
static bool valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1)
        return false;
    return d <= days[m - 1] + (m == 2 && is_leap(y));
}

/* A byte count with an optional K, M or G (binary) suffix; 0 when invalid. */
static size_t parse_size(const char *s)
{
    if (*s < '0' || *s > '9')
        return 0;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno)
        return 0;
    unsigned shift = 0;
    if (*end) {
        switch (*end) {
        case 'k': case 'K': shift = 10; break;
        case 'm': case 'M': shift = 20; break;
        case 'g': case 'G': shift = 30; break;
        default: return 0;
        }
        end++;
        if (*end == 'i' || *end == 'I')
            end++;
        if (*end == 'b' || *end == 'B')
            end++;
        if (*end)
            return 0;
    }
    if (v > (SIZE_MAX >> shift))
        return 0;
    return (size_t)(v << shift);
}

static bool push(const char ***arr, size_t *n, const char *s)
{
    const char **p = realloc((void *)*arr, (*n + 1) * sizeof *p);
    if (!p)
        return false;
    p[(*n)++] = s;
    *arr = p;
    return true;
}

/* Apply one option. Returns -1 when fine, else an exit code. */
static int apply(cli_opts *o, const optspec *sp, const char *v, const char *as)
{
    switch (sp->id) {
    case OPT_RULES:
        if (!push(&o->rules, &o->n_rules, v))
            return CLI_EXIT_DOC;
        break;
    case OPT_NO_DEFAULT_RULES: o->no_default_rules = true; break;
    case OPT_DATE:
        if (!valid_date(v))
            return cli_usage_error(o->cmd, "%s: expected a date YYYY-MM-DD, got '%s'", as, v);
        o->date = v;
        break;
    case OPT_ENCODING: {
        bool known = false;
        for (size_t i = 0; i < sizeof encodings / sizeof *encodings; i++)
            known |= strcasecmp(v, encodings[i]) == 0;
        if (!known)
            return cli_usage_error(o->cmd, "%s: unknown encoding '%s' (utf-8, utf-16le, utf-16be, "
                                           "big5, gbk, gb18030)", as, v);
        o->encoding = v;
        break;
    }
    case OPT_LANG:
        if (strcmp(v, "zh-Hant") != 0 && strcmp(v, "zh-Hans") != 0 && strcmp(v, "en") != 0)
            return cli_usage_error(o->cmd, "%s: expected zh-Hant, zh-Hans or en, got '%s'", as, v);
        o->lang = v;
        break;
    case OPT_TRACE: o->trace = true; break;
    case OPT_DENIED: o->denied = true; break;
    case OPT_RECURSIVE: o->recursive = true; break;
    case OPT_GLOB:
        if (!push(&o->globs, &o->n_globs, v))
            return CLI_EXIT_DOC;
        break;
    case OPT_FILES_FROM: o->files_from = v; break;
    case OPT_INPUT_FORMAT:
        if (strcmp(v, "text") == 0)
            o->jsonl = false;
        else if (strcmp(v, "jsonl") == 0)
            o->jsonl = true;
        else
            return cli_usage_error(o->cmd, "%s: expected text or jsonl, got '%s'", as, v);
        break;
    case OPT_JOBS: {
        char *end;
        errno = 0;
        long n = strtol(v, &end, 10);
        if (errno || end == v || *end || n < 1 || n > 1024)
            return cli_usage_error(o->cmd, "%s: expected a number of threads from 1 to 1024, got '%s'",
                                   as, v);
        o->jobs = (int)n;
        break;
    }
    case OPT_MAX_DOC:
        if (!(o->max_doc_bytes = parse_size(v)))
            return cli_usage_error(o->cmd, "%s: expected a positive byte count (K, M, G allowed), got '%s'",
                                   as, v);
        break;
    case OPT_STATS: o->stats = true; break;
    case OPT_PROGRESS: o->progress = 1; break;
    case OPT_NO_PROGRESS: o->progress = 0; break;
    case OPT_PRETTY: o->pretty = true; break;
    case OPT_RULE: o->rule_id = v; break;
    case OPT_SENTENCE: {
        char *end;
        errno = 0;
        long n = strtol(v, &end, 10);
        if (errno || end == v || *end || n < 1)
            return cli_usage_error(o->cmd, "%s: expected a sentence number from 1, got '%s'", as, v);
        o->sentence = (size_t)n;
        break;
    }
    case OPT_JSON: o->json = true; break;
    case OPT_COLOR: o->color = 1; break;
    case OPT_NO_COLOR: o->color = 0; break;
    case OPT_HELP:
        cli_help(stdout, cli_cmd_name(o->cmd));
        return CLI_EXIT_OK;
    }
    return -1;
}

static const optspec *find_long(const char *name, size_t n)
{
    for (size_t i = 0; i < sizeof specs / sizeof *specs; i++)
        if (strlen(specs[i].lng) == n && memcmp(specs[i].lng, name, n) == 0)
            return &specs[i];
    return NULL;
}

static const optspec *find_short(char c)
{
    for (size_t i = 0; i < sizeof specs / sizeof *specs; i++)
        if (specs[i].shrt && specs[i].shrt == c)
            return &specs[i];
    return NULL;
}

/* Parse argv[first..argc) for command o->cmd. Returns -1 when fine, else an exit code. */
static int parse(cli_opts *o, int argc, char **argv, int first)
{
    bool operands_only = false;
    unsigned bit = 1u << o->cmd;
    for (int i = first; i < argc; i++) {
        const char *a = argv[i];
        if (operands_only || a[0] != '-' || a[1] == '\0') {
            if (o->cmd != CLI_CMD_EXTRACT && o->cmd != CLI_CMD_EXPLAIN && o->cmd != CLI_CMD_DIFF &&
                o->cmd != CLI_CMD_RULES)
                return cli_usage_error(o->cmd, "unexpected argument '%s'", a);
            if (!push(&o->paths, &o->n_paths, a))
                return CLI_EXIT_DOC;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            operands_only = true;
            continue;
        }
        if (a[1] == '-') {
            const char *name = a + 2, *eq = strchr(name, '=');
            size_t n = eq ? (size_t)(eq - name) : strlen(name);
            const optspec *sp = find_long(name, n);
            if (!sp || !(sp->cmds & bit))
                return cli_usage_error(o->cmd, "unknown option '--%.*s'", (int)n, name);
            const char *v = NULL;
            if (sp->arg) {
                if (eq)
                    v = eq + 1;
                else if (i + 1 < argc)
                    v = argv[++i];
                else
                    return cli_usage_error(o->cmd, "option '--%s' needs an argument", sp->lng);
            } else if (eq) {
                return cli_usage_error(o->cmd, "option '--%s' takes no argument", sp->lng);
            }
            char as[64];
            snprintf(as, sizeof as, "--%s", sp->lng);
            int rc = apply(o, sp, v, as);
            if (rc >= 0)
                return rc;
            continue;
        }
        for (const char *c = a + 1; *c; c++) {
            const optspec *sp = find_short(*c);
            if (!sp || !(sp->cmds & bit))
                return cli_usage_error(o->cmd, "unknown option '-%c'", *c);
            const char *v = NULL;
            if (sp->arg) {
                if (c[1])
                    v = c + 1;
                else if (i + 1 < argc)
                    v = argv[++i];
                else
                    return cli_usage_error(o->cmd, "option '-%c' needs an argument", *c);
            }
            char as[4] = {'-', *c, 0, 0};
            int rc = apply(o, sp, v, as);
            if (rc >= 0)
                return rc;
            if (sp->arg)
                break;
        }
    }
    return -1;
}

static int default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
}

/* Operand combinations that cannot work. Returns -1 when fine, else an exit code. */
static int check_extract(const cli_opts *o)
{
    size_t stdin_users = o->files_from && strcmp(o->files_from, "-") == 0;
    for (size_t i = 0; i < o->n_paths; i++)
        stdin_users += strcmp(o->paths[i], "-") == 0;
    if (stdin_users > 1)
        return cli_usage_error(o->cmd, "stdin can be read only once ('-' and --files-from -)");
    if (o->n_globs && !o->recursive)
        return cli_usage_error(o->cmd, "--glob chooses files while walking folders; add -r");
    if (o->cmd == CLI_CMD_RULES && !o->stats && (o->n_paths || o->files_from || o->recursive))
        return cli_usage_error(o->cmd, "a CORPUS is read only with --stats");
    if (o->cmd == CLI_CMD_DIFF && o->n_paths != 2)
        return cli_usage_error(o->cmd, "diff takes two files: OLD.jsonl NEW.jsonl");
    return -1;
}

static int run(cli_opts *o)
{
    relx_options ro = {0};
    ro.rule_paths = o->rules;
    ro.n_rule_paths = o->n_rules;
    ro.no_default_rules = o->no_default_rules;
    ro.diag = stderr;
    ro.diag_color = isatty(2) && !getenv("NO_COLOR");
    relx_engine *eng = NULL;
    relx_status st = relx_engine_new(&ro, &eng);
    if (st == RELX_ERULES || st == RELX_EUSAGE)
        return CLI_EXIT_USAGE;
    if (st != RELX_OK) {
        fprintf(stderr, "relx: cannot build the engine (%s)\n",
                st == RELX_ENOMEM ? "out of memory" : "input/output error");
        return CLI_EXIT_DOC;
    }
    int code = CLI_EXIT_OK;
    switch (o->cmd) {
    case CLI_CMD_CHECK: code = cli_check(eng); break;
    case CLI_CMD_TEST: code = cli_test(eng); break;
    case CLI_CMD_RULES:
    case CLI_CMD_EXTRACT:
        if (o->cmd == CLI_CMD_RULES && !o->stats) {
            code = cli_rules(eng);
            break;
        }
        /* extract, or rules --stats over a corpus */
        switch (cli_extract(o, eng)) {
        case CLI_RUN_OK: code = CLI_EXIT_OK; break;
        case CLI_RUN_DOCFAIL:
        case CLI_RUN_WRITE_ERR:
        case CLI_RUN_NOMEM: code = CLI_EXIT_DOC; break;
        }
        break;
    case CLI_CMD_EXPLAIN: code = cli_explain(o, eng); break;
    default: break;
    }
    relx_engine_free(eng);
    return code;
}

int main(int argc, char **argv)
{
    struct sigaction sa = {0};
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, NULL);

    cli_opts o = {0};
    o.jobs = default_jobs();
    o.max_doc_bytes = CLI_DEFAULT_MAX_DOC_BYTES;
    o.progress = -1;
    o.color = -1;

    int code = -1;
    if (argc < 2) {
        cli_help(stderr, NULL);
        return CLI_EXIT_USAGE;
    }
    const char *c = argv[1];
    if (strcmp(c, "-h") == 0 || strcmp(c, "--help") == 0) {
        cli_help(stdout, NULL);
        return CLI_EXIT_OK;
    }
    if (strcmp(c, "-V") == 0 || strcmp(c, "--version") == 0) {
        printf("relx %s\n", RELX_VERSION);
        return CLI_EXIT_OK;
    }
    if (strcmp(c, "extract") == 0)
        o.cmd = CLI_CMD_EXTRACT;
    else if (strcmp(c, "check") == 0)
        o.cmd = CLI_CMD_CHECK;
    else if (strcmp(c, "test") == 0)
        o.cmd = CLI_CMD_TEST;
    else if (strcmp(c, "rules") == 0)
        o.cmd = CLI_CMD_RULES;
    else if (strcmp(c, "help") == 0)
        o.cmd = CLI_CMD_HELP;
    else if (strcmp(c, "explain") == 0)
        o.cmd = CLI_CMD_EXPLAIN;
    else if (strcmp(c, "diff") == 0)
        o.cmd = CLI_CMD_DIFF;
    else if (c[0] == '-')
        return cli_usage_error(CLI_CMD_NONE, "unknown option '%s' (a command comes first)", c);
    else
        return cli_usage_error(CLI_CMD_NONE, "unknown command '%s'", c);

    if (o.cmd == CLI_CMD_HELP) {
        if (argc > 3)
            return cli_usage_error(CLI_CMD_NONE, "help takes one topic");
        if (!cli_help(stdout, argc == 3 ? argv[2] : NULL))
            return cli_usage_error(CLI_CMD_NONE, "no help for '%s'", argv[2]);
        return CLI_EXIT_OK;
    }
    code = parse(&o, argc, argv, 2);
    if (code < 0 && o.cmd != CLI_CMD_CHECK && o.cmd != CLI_CMD_TEST)
        code = check_extract(&o);
    if (code < 0 && o.cmd == CLI_CMD_DIFF)
        code = cli_diff(&o); /* needs no engine */
    if (code < 0)
        code = run(&o);
    free((void *)o.rules);
    free((void *)o.globs);
    free((void *)o.paths);
    if (fflush(stdout) != 0 && code == CLI_EXIT_OK)
        code = CLI_EXIT_DOC;
    return code;
}
