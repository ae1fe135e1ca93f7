/* help.c: the usage and help texts of relx, and the usage-error message.
 * Keep these in step with docs/relx.1 and completions/relx.bash.
 */
#include <stdarg.h>
#include <string.h>

#include "cli/cli.h"

static const char overview[] =
    "usage: relx COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Extract people, organisations and role changes from news text as JSON Lines.\n"
    "\n"
    "commands:\n"
    "  extract [FILE...]   one JSON object per document per line, in input order\n"
    "  check               compile the rules and report errors\n"
    "  test                run the examples written in the rule files\n"
    "  rules               list the loaded rules\n"
    "  help [COMMAND]      show the help of a command\n"
    "\n"
    "  -h, --help          show this help\n"
    "  -V, --version       print the version\n"
    "\n"
    "Exit status: 0 success, 1 a document failed (or a write error), 2 usage or rule errors.\n";

static const char rule_opts[] =
    "      --rules PATH           add a rule file or folder (repeatable)\n"
    "      --no-default-rules     do not load the built-in rule pack\n";

static const char extract_help[] =
    "usage: relx extract [OPTIONS] [FILE...]\n"
    "\n"
    "Print one JSON object per document per line, in input order. Without FILE, or\n"
    "with '-', stdin is one document (doc \"-\"). Unreadable inputs give an error line\n"
    "and the run goes on; the exit status is then 1.\n"
    "\n"
    "input:\n"
    "  -r, --recursive            walk folders given as FILE (sorted, hidden names skipped)\n"
    "      --glob PATTERN         while walking, keep files whose name matches (repeatable)\n"
    "      --files-from LIST      read paths from LIST, one per line ('-' = stdin)\n"
    "      --input-format FMT     text (default) or jsonl: one {\"id\":..,\"text\":..} per line;\n"
    "                             blank lines are skipped, other fields become \"meta\"\n"
    "      --max-doc-bytes N      larger documents/lines get an error line (default 64M;\n"
    "                             suffixes K, M, G)\n"
    "      --encoding NAME        utf-8, utf-16le, utf-16be, big5, gbk, gb18030\n"
    "\n"
    "extraction:\n"
    "      --date YYYY-MM-DD      publication date for relative dates\n"
    "      --lang LANG            force zh-Hant, zh-Hans or en\n"
    "      --trace                add rule location and slot spans to relations\n"
    "%s"
    "\n"
    "output and run:\n"
    "      --pretty               indent the JSON (two spaces)\n"
    "  -j, --jobs N               worker threads (default: online cores)\n"
    "      --stats                print a summary on stderr at the end\n"
    "      --progress             show a progress line on stderr\n"
    "      --no-progress          never show it (default: only when stderr is a terminal)\n"
    "  -h, --help                 show this help\n";

static const char check_help[] =
    "usage: relx check [OPTIONS]\n"
    "\n"
    "Compile the rules. Prints \"relx: N rules OK\" on stderr and exits 0, or prints\n"
    "the diagnostics and exits 2.\n"
    "\n"
    "%s"
    "  -h, --help                 show this help\n";

static const char test_help[] =
    "usage: relx test [OPTIONS]\n"
    "\n"
    "Run every example written in the rule files. Failures are printed with the\n"
    "expected and actual result, then \"N passed, M failed\". Exit 1 on any failure.\n"
    "\n"
    "%s"
    "  -h, --help                 show this help\n";

static const char rules_help[] =
    "usage: relx rules [OPTIONS]\n"
    "\n"
    "List the loaded rules, one per line: id, type, file:line, priority (tab-separated).\n"
    "\n"
    "%s"
    "  -h, --help                 show this help\n";

const char *cli_cmd_name(cli_cmd cmd)
{
    switch (cmd) {
    case CLI_CMD_EXTRACT: return "extract";
    case CLI_CMD_CHECK: return "check";
    case CLI_CMD_TEST: return "test";
    case CLI_CMD_RULES: return "rules";
    case CLI_CMD_HELP: return "help";
    case CLI_CMD_NONE: break;
    }
    return NULL;
}

bool cli_help(FILE *out, const char *topic)
{
    if (!topic || strcmp(topic, "help") == 0)
        fputs(overview, out);
    else if (strcmp(topic, "extract") == 0)
        fprintf(out, extract_help, rule_opts);
    else if (strcmp(topic, "check") == 0)
        fprintf(out, check_help, rule_opts);
    else if (strcmp(topic, "test") == 0)
        fprintf(out, test_help, rule_opts);
    else if (strcmp(topic, "rules") == 0)
        fprintf(out, rules_help, rule_opts);
    else
        return false;
    return true;
}

int cli_usage_error(cli_cmd cmd, const char *fmt, ...)
{
    va_list ap;
    fputs("relx: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    const char *name = cli_cmd_name(cmd);
    if (name && cmd != CLI_CMD_HELP)
        fprintf(stderr, "\nTry 'relx help %s' for more information.\n", name);
    else
        fputs("\nTry 'relx --help' for more information.\n", stderr);
    return CLI_EXIT_USAGE;
}
