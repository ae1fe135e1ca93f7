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
    "  rules               list the loaded rules (--stats CORPUS: how often each fires)\n"
    "  explain [FILE...]   why rules matched, lost, or failed, sentence by sentence\n"
    "  diff OLD NEW        relations added and removed between two extract outputs\n"
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
    "      --denied               also output the changes the text denies (modality\n"
    "                             \"denied\"); left out by default\n"
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
    "       relx rules --stats [OPTIONS] [CORPUS...]\n"
    "\n"
    "List the loaded rules, one per line: id, type, file:line, priority (tab-separated).\n"
    "\n"
    "With --stats, extract every document of CORPUS (files; folders with -r; JSON Lines\n"
    "with --input-format jsonl; stdin without CORPUS) and print, for each rule, how\n"
    "often it ran (attempts), matched, produced a relation (emitted) and the time it\n"
    "took, then the rules that never fired.\n"
    "\n"
    "%s"
    "      --stats                run the rules over CORPUS and report per rule\n"
    "  -r, --recursive            walk folders given as CORPUS\n"
    "      --glob PATTERN         while walking, keep files whose name matches (repeatable)\n"
    "      --files-from LIST      read paths from LIST, one per line ('-' = stdin)\n"
    "      --input-format FMT     text (default) or jsonl\n"
    "      --max-doc-bytes N      skip larger documents (default 64M)\n"
    "      --encoding NAME        utf-8, utf-16le, utf-16be, big5, gbk, gb18030\n"
    "      --date YYYY-MM-DD      publication date for relative dates\n"
    "      --lang LANG            force zh-Hant, zh-Hans or en\n"
    "  -j, --jobs N               worker threads (default: online cores)\n"
    "      --progress             show a progress line on stderr\n"
    "      --no-progress          never show it\n"
    "  -h, --help                 show this help\n";

static const char explain_help[] =
    "usage: relx explain [OPTIONS] [FILE...]\n"
    "\n"
    "Run the rules on each document and show, sentence by sentence: the people,\n"
    "organisations and titles found; the trigger words present; every rule that was\n"
    "tried, whether it matched, what it bound, and whether its match was kept or lost\n"
    "to another rule (and why); and, for a rule that did not match, how far its\n"
    "pattern got and the element (FILE:LINE:COL) where it stopped. Positions are\n"
    "character offsets in the document, as in extract's output. Without FILE, or with\n"
    "'-', stdin is the document.\n"
    "\n"
    "      --rule ID              only this rule; analysed even where it was not tried\n"
    "      --sentence N           only sentence N (numbered from 1, as shown)\n"
    "      --json                 one JSON object per document instead of text\n"
    "      --color                colour the text even when stdout is not a terminal\n"
    "      --no-color             never colour it (NO_COLOR in the environment too)\n"
    "%s"
    "      --date YYYY-MM-DD      publication date for relative dates\n"
    "      --lang LANG            force zh-Hant, zh-Hans or en\n"
    "      --encoding NAME        utf-8, utf-16le, utf-16be, big5, gbk, gb18030\n"
    "  -r, --recursive, --glob, --files-from, --input-format, --max-doc-bytes\n"
    "                             choose documents as for extract\n"
    "  -h, --help                 show this help\n";

static const char diff_help[] =
    "usage: relx diff OLD.jsonl NEW.jsonl\n"
    "\n"
    "Compare two outputs of relx extract (say, before and after a rule edit): per\n"
    "document (paired by \"doc\"), the relations only in OLD (-) and only in NEW (+),\n"
    "each with the rule that produced it, then a summary. Relations are compared by\n"
    "type, person, predecessor, org, role, date and modality; ids, offsets, evidence\n"
    "and the rule are not compared. Exit 0 when nothing differs, 1 when something\n"
    "does, 2 when a file cannot be read or is not relx output.\n"
    "\n"
    "  -h, --help                 show this help\n";

const char *cli_cmd_name(cli_cmd cmd)
{
    switch (cmd) {
    case CLI_CMD_EXTRACT: return "extract";
    case CLI_CMD_CHECK: return "check";
    case CLI_CMD_TEST: return "test";
    case CLI_CMD_RULES: return "rules";
    case CLI_CMD_HELP: return "help";
    case CLI_CMD_EXPLAIN: return "explain";
    case CLI_CMD_DIFF: return "diff";
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
    else if (strcmp(topic, "explain") == 0)
        fprintf(out, explain_help, rule_opts);
    else if (strcmp(topic, "diff") == 0)
        fputs(diff_help, out);
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
