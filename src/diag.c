/* diag.c: compiler-style diagnostics for rule files and lexicons:
 * FILE:LINE:COL: error: message, then the source line and a caret under COL. */
#include <stdarg.h>
#include <string.h>

#include "internal.h"

static void diag_emit(rx_diag *d, const char *kind, const char *color, const char *file, int line,
                      int col, const char *line_text, const char *fmt, va_list ap)
{
    FILE *out = d->out ? d->out : stderr;
    const char *bold = d->color ? "\033[1m" : "";
    const char *reset = d->color ? "\033[0m" : "";
    const char *kc = d->color ? color : "";
    fprintf(out, "%srelx: %s", bold, file ? file : "<rules>");
    if (line > 0)
        fprintf(out, ":%d", line);
    if (line > 0 && col > 0)
        fprintf(out, ":%d", col);
    fprintf(out, ":%s %s%s:%s%s ", reset, kc, kind, reset, bold);
    vfprintf(out, fmt, ap);
    fprintf(out, "%s\n", reset);
    if (line_text && line > 0) {
        size_t len = strcspn(line_text, "\r\n");
        fprintf(out, "    %.*s\n", (int)len, line_text);
        if (col > 0) {
            /* The caret goes under code point col; wide (CJK) characters take two
             * columns on a terminal, tabs are kept as tabs. */
            fputs("    ", out);
            size_t i = 0;
            for (int c = 1; c < col && i < len; c++) {
                uint32_t cp = rx_utf8_next(line_text, len, &i);
                if (cp == '\t')
                    fputc('\t', out);
                else if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))
                    fputs("  ", out);
                else
                    fputc(' ', out);
            }
            fprintf(out, "%s^%s\n", kc, reset);
        }
    }
}

void rx_diag_error(rx_diag *d, const char *file, int line, int col, const char *line_text,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_emit(d, "error", "\033[31m", file, line, col, line_text, fmt, ap);
    va_end(ap);
    d->errors++;
}

void rx_diag_warning(rx_diag *d, const char *file, int line, int col, const char *line_text,
                     const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_emit(d, "warning", "\033[35m", file, line, col, line_text, fmt, ap);
    va_end(ap);
    d->warnings++;
}
