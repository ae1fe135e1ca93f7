/* input.c: turns the operands of `relx extract` into a stream of documents.
 *
 * Sources, in this order: the FILE operands (a "-" is stdin; with -r a folder is
 * walked), then the paths listed by --files-from, then stdin when neither was
 * given. Each source is one document (text mode) or one document per non-blank
 * line (--input-format jsonl; blank lines are skipped without output).
 *
 * Walking (-r) visits a folder's entries in byte order of their names (strcmp, so
 * the order does not depend on the locale or the file system), skips names that
 * start with '.', follows symlinks but never re-enters a folder already on the
 * current path (so a link loop ends), keeps only files whose basename matches a
 * --glob (any of them; all files when there is none), and reports a file with a
 * NUL byte in its first 8 KiB as "binary" (not for UTF-16 input).
 *
 * Whatever cannot be read becomes a document whose line is already an error line
 * (relx_error_line), so it keeps its place in the output:
 *   not_found, permission_denied, is_directory, not_regular, read_error,
 *   binary, too_large                      files
 *   bad_json, missing_id, bad_id, missing_text, too_large   JSONL lines
 * A document or JSONL line longer than --max-doc-bytes is never held whole: the
 * rest is read and discarded.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <jansson.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "internal.h"

#define CHUNK (64 * 1024)
#define BINARY_SNIFF 8192
#define MAX_LIST_LINE ((size_t)1 << 20) /* longest path accepted from --files-from */

/* A buffered line reader over a file descriptor. */
typedef struct lreader {
    int fd;
    bool pollable;   /* not a regular file: wait with poll() so that stop is seen */
    bool eof, own_fd;
    char *buf;       /* CHUNK bytes */
    size_t pos, end;
    char *line;      /* the current line, without '\n' (may be cut at max) */
    size_t len, cap;
    uint64_t line_no;
    int err;         /* errno of a failed read */
} lreader;

/* One folder being walked. */
typedef struct frame {
    char *dir;
    char **names;
    size_t n, i;
    dev_t dev;
    ino_t ino;
} frame;

struct cli_input {
    const cli_opts *o;
    atomic_bool *stop;
    size_t next_arg;
    bool stdin_default;     /* no operands: stdin once */
    bool stdin_done;
    lreader *list;          /* --files-from */
    bool list_done;
    frame *walk;            /* stack of folders being walked */
    size_t n_walk, cap_walk;
    lreader *jl;            /* the JSONL source being read */
    char *jl_name;          /* its name for "PATH:line:N" ids (NULL for stdin) */
    cli_doc *pending;       /* a document made while opening a source */
    int64_t total;
};

void cli_doc_free(cli_doc *d)
{
    if (!d)
        return;
    free(d->id);
    free(d->bytes);
    if (d->text) {
        rx_text_free(d->text);
        free(d->text);
    }
    free(d->meta);
    free(d->line);
    free(d);
}

static char *dupstr(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

/* read() that, on a pipe or terminal, wakes up every 100 ms to look at *stop.
 * Returns what read() returns; -1 with errno ECANCELED when stopped. */
static ssize_t read_some(int fd, void *buf, size_t n, bool pollable, atomic_bool *stop)
{
    for (;;) {
        if (pollable && stop) {
            struct pollfd p = {.fd = fd, .events = POLLIN};
            int r = poll(&p, 1, 100);
            if (atomic_load(stop)) {
                errno = ECANCELED;
                return -1;
            }
            if (r == 0 || (r < 0 && errno == EINTR))
                continue;
        }
        ssize_t k = read(fd, buf, n);
        if (k < 0 && errno == EINTR)
            continue;
        return k;
    }
}

static bool fd_pollable(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 && !S_ISREG(st.st_mode);
}

static cli_doc *doc_error(const char *id, const char *code, const char *msg, size_t in_bytes)
{
    cli_doc *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->id = dupstr(id);
    d->line = relx_error_line(id, code, msg);
    if (!d->id || !d->line) {
        cli_doc_free(d);
        return NULL;
    }
    d->line_len = strlen(d->line);
    d->failed = true;
    d->in_bytes = in_bytes;
    return d;
}

static cli_doc *doc_errno(const char *id, const char *what, int err)
{
    const char *code = "read_error";
    if (err == ENOENT || err == ENOTDIR || err == ELOOP)
        code = "not_found";
    else if (err == EACCES || err == EPERM)
        code = "permission_denied";
    else if (err == EISDIR)
        code = "is_directory";
    char es[200], msg[300];
    if (strerror_r(err, es, sizeof es) != 0)
        snprintf(es, sizeof es, "error %d", err);
    snprintf(msg, sizeof msg, "%s: %s", what, es);
    return doc_error(id, code, msg, 0);
}

/* ---------------------------------------------------------------- line reader */

static lreader *lreader_new(int fd, bool own_fd)
{
    lreader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->buf = malloc(CHUNK);
    if (!r->buf) {
        free(r);
        return NULL;
    }
    r->fd = fd;
    r->own_fd = own_fd;
    r->pollable = fd_pollable(fd);
    return r;
}

static void lreader_free(lreader *r)
{
    if (!r)
        return;
    if (r->own_fd)
        close(r->fd);
    free(r->buf);
    free(r->line);
    free(r);
}

/* Read the next line into r->line, keeping at most max bytes of it (*cut is set
 * when more were discarded). Returns 1, 0 at the end, -1 out of memory. */
static int lreader_next(lreader *r, size_t max, bool *cut, size_t *raw_len, atomic_bool *stop)
{
    r->len = 0;
    *cut = false;
    *raw_len = 0;
    bool any = false;
    for (;;) {
        if (r->pos == r->end) {
            if (r->eof)
                break;
            ssize_t k = read_some(r->fd, r->buf, CHUNK, r->pollable, stop);
            if (k <= 0) {
                if (k < 0 && errno != ECANCELED)
                    r->err = errno;
                r->eof = true;
                break;
            }
            r->pos = 0;
            r->end = (size_t)k;
        }
        any = true;
        char *start = r->buf + r->pos;
        char *nl = memchr(start, '\n', r->end - r->pos);
        size_t n = nl ? (size_t)(nl - start) : r->end - r->pos;
        *raw_len += n + (nl ? 1 : 0);
        size_t keep = n;
        if (r->len + keep > max) {
            keep = max > r->len ? max - r->len : 0;
            *cut = true;
        }
        if (keep) {
            if (r->len + keep + 1 > r->cap) {
                size_t cap = r->cap ? r->cap : 256;
                while (cap < r->len + keep + 1)
                    cap *= 2;
                char *p = realloc(r->line, cap);
                if (!p)
                    return -1;
                r->line = p;
                r->cap = cap;
            }
            memcpy(r->line + r->len, start, keep);
            r->len += keep;
        }
        r->pos += n + (nl ? 1 : 0);
        if (nl)
            break;
    }
    if (!any)
        return 0;
    r->line_no++;
    if (r->line)
        r->line[r->len] = '\0';
    return 1;
}

/* ---------------------------------------------------------------- text documents */

/* Read a whole document from fd (at most max bytes; the rest is drained). */
static cli_doc *read_text_doc(cli_input *in, const char *id, int fd, bool sniff_binary)
{
    const cli_opts *o = in->o;
    struct stat st;
    if (fstat(fd, &st) != 0)
        return doc_errno(id, "cannot stat", errno);
    if (S_ISDIR(st.st_mode))
        return doc_error(id, "is_directory", "is a directory (use -r to walk folders)", 0);
    bool pollable = !S_ISREG(st.st_mode);
    if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > o->max_doc_bytes) {
        char msg[160];
        snprintf(msg, sizeof msg, "document of %lld bytes is larger than --max-doc-bytes %zu",
                 (long long)st.st_size, o->max_doc_bytes);
        return doc_error(id, "too_large", msg, (size_t)st.st_size);
    }
    size_t cap = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : CHUNK;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    size_t len = 0, total = 0;
    bool cut = false;
    for (;;) {
        if (!cut && len == cap) {
            size_t ncap = cap * 2;
            if (ncap > o->max_doc_bytes + 1)
                ncap = o->max_doc_bytes + 1;
            char *p = realloc(buf, ncap);
            if (!p) {
                free(buf);
                return NULL;
            }
            buf = p;
            cap = ncap;
        }
        char scratch[4096];
        char *dst = cut ? scratch : buf + len;
        size_t room = cut ? sizeof scratch : cap - len;
        ssize_t k = read_some(fd, dst, room, pollable, in->stop);
        if (k < 0) {
            int e = errno;
            free(buf);
            if (e == ECANCELED)
                return doc_error(id, "read_error", "stopped", total);
            return doc_errno(id, "cannot read", e);
        }
        if (k == 0)
            break;
        total += (size_t)k;
        if (!cut) {
            len += (size_t)k;
            if (len > o->max_doc_bytes) {
                cut = true;
                /* Only a pipe or socket is drained (its writer should not see
                 * EPIPE); a regular file that grew or a device (/dev/zero,
                 * /dev/urandom never end) is not read on. */
                if (!S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode))
                    break;
            }
        }
    }
    if (cut) {
        free(buf);
        char msg[160];
        snprintf(msg, sizeof msg, "document is larger than --max-doc-bytes %zu", o->max_doc_bytes);
        return doc_error(id, "too_large", msg, total);
    }
    if (sniff_binary && memchr(buf, '\0', len < BINARY_SNIFF ? len : BINARY_SNIFF)) {
        free(buf);
        return doc_error(id, "binary", "binary file (NUL byte in the first 8 KiB)", total);
    }
    cli_doc *d = calloc(1, sizeof *d);
    if (!d || !(d->id = dupstr(id))) {
        free(d);
        free(buf);
        return NULL;
    }
    d->bytes = buf;
    d->len = len;
    d->in_bytes = total;
    return d;
}

/* ---------------------------------------------------------------- JSONL documents */

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

/* "line:N" for stdin, "PATH:line:N" for a named file. */
static void line_id(const cli_input *in, char *out, size_t n)
{
    if (in->jl_name)
        snprintf(out, n, "%s:line:%llu", in->jl_name, (unsigned long long)in->jl->line_no);
    else
        snprintf(out, n, "line:%llu", (unsigned long long)in->jl->line_no);
}

/* The id of a JSON value: a string as is, a number as written. NULL otherwise. */
static char *id_of(json_t *v)
{
    if (json_is_string(v))
        return dupstr(json_string_value(v));
    if (json_is_integer(v)) {
        char b[32];
        snprintf(b, sizeof b, "%lld", (long long)json_integer_value(v));
        return dupstr(b);
    }
    if (json_is_real(v))
        return json_dumps(v, JSON_ENCODE_ANY);
    return NULL;
}

/* For a line cut at --max-doc-bytes: the id when the object starts with "id". */
static char *id_from_prefix(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i >= n || s[i++] != '{')
        return NULL;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (n - i < 4 || memcmp(s + i, "\"id\"", 4) != 0)
        return NULL;
    i += 4;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i >= n || s[i++] != ':')
        return NULL;
    json_error_t e;
    json_t *v = json_loadb(s + i, n - i, JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, &e);
    char *id = v ? id_of(v) : NULL;
    json_decref(v);
    return id;
}

/* Turn one JSONL line into a document. The line is parsed later, by a worker
 * (cli_doc_parse_jsonl), so that the reader thread only reads and splits. */
static cli_doc *jsonl_doc(cli_input *in, const char *s, size_t n, bool cut, size_t raw_len)
{
    char lid[64 + 4096];
    line_id(in, lid, sizeof lid);
    if (cut) {
        char *id = id_from_prefix(s, n);
        char msg[160];
        snprintf(msg, sizeof msg, "line is larger than --max-doc-bytes %zu", in->o->max_doc_bytes);
        cli_doc *d = doc_error(id ? id : lid, "too_large", msg, raw_len);
        free(id);
        return d;
    }
    cli_doc *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->id = dupstr(lid);
    d->bytes = malloc(n ? n : 1);
    if (!d->id || !d->bytes) {
        cli_doc_free(d);
        return NULL;
    }
    memcpy(d->bytes, s, n);
    d->len = n;
    d->in_bytes = raw_len;
    d->raw_jsonl = true;
    return d;
}

/* Make d an error line for id. */
static int set_error(cli_doc *d, const char *id, const char *code, const char *msg)
{
    free(d->bytes);
    d->bytes = NULL;
    d->len = 0;
    d->line = relx_error_line(id, code, msg);
    if (!d->line)
        return -1;
    d->line_len = strlen(d->line);
    d->failed = true;
    return 0;
}

int cli_doc_parse_jsonl(cli_doc *d)
{
    if (!d->raw_jsonl)
        return 0;
    d->raw_jsonl = false;
    char *fid, *ftext;
    size_t flen = 0;
    int fast = cli_jsonl_fast(d->bytes, d->len, &fid, &ftext, &flen);
    if (fast < 0)
        return -1;
    if (fast > 0) {
        free(d->id);
        free(d->bytes);
        d->id = fid;
        d->bytes = ftext;
        d->len = flen;
        return 0;
    }
    json_error_t e;
    json_t *root = json_loadb(d->bytes, d->len, JSON_ALLOW_NUL, &e);
    if (!root || !json_is_object(root)) {
        char msg[300];
        if (root)
            snprintf(msg, sizeof msg, "line is not a JSON object");
        else
            snprintf(msg, sizeof msg, "invalid JSON at column %d: %s", e.column, e.text);
        json_decref(root);
        return set_error(d, d->id, "bad_json", msg);
    }
    int rc = 0;
    char *id = NULL;
    json_t *jid = json_object_get(root, "id");
    json_t *text = json_object_get(root, "text");
    if (!jid || json_is_null(jid)) {
        rc = set_error(d, d->id, "missing_id", "the object has no \"id\"");
        goto done;
    }
    if (!(id = id_of(jid))) {
        rc = set_error(d, d->id, "bad_id", "\"id\" is neither a string nor a number");
        goto done;
    }
    free(d->id);
    d->id = id;
    if (!json_is_string(text)) {
        rc = set_error(d, d->id, "missing_text",
                       text ? "\"text\" is not a string" : "the object has no \"text\"");
        goto done;
    }
    size_t tlen = json_string_length(text);
    char *bytes = malloc(tlen ? tlen : 1);
    if (!bytes) {
        rc = -1;
        goto done;
    }
    memcpy(bytes, json_string_value(text), tlen);
    free(d->bytes);
    d->bytes = bytes;
    d->len = tlen;
    if (json_object_size(root) > 2) {
        json_object_del(root, "id");
        json_object_del(root, "text");
        if (!(d->meta = json_dumps(root, JSON_COMPACT)))
            rc = -1;
    }
done:
    json_decref(root);
    return rc;
}

int cli_doc_parse_jsonl_decoded(cli_doc *d)
{
    if (!d->raw_jsonl)
        return 0;
    rx_text *text = malloc(sizeof *text);
    if (!text)
        return -1;
    char *fid;
    size_t tlen = 0;
    int fast = cli_jsonl_fast_decoded(d->bytes, d->len, &fid, text, &tlen);
    if (fast < 0) {
        free(text);
        return -1;
    }
    if (fast == 0) {
        free(text);
        return cli_doc_parse_jsonl(d); /* the string fast path declines it too: jansson */
    }
    d->raw_jsonl = false;
    free(d->id);
    free(d->bytes);
    d->id = fid;
    d->bytes = NULL;
    d->len = tlen;
    d->text = text;
    return 0;
}

/* ---------------------------------------------------------------- walking */

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void frame_clear(frame *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->names[i]);
    free(f->names);
    free(f->dir);
}

/* Push folder dir (stat'ed as st). Returns 0, a document (read error), or -1 OOM
 * through *err_doc / the return value. */
static int walk_push(cli_input *in, const char *dir, const struct stat *st, cli_doc **err_doc)
{
    *err_doc = NULL;
    for (size_t i = 0; i < in->n_walk; i++)
        if (in->walk[i].dev == st->st_dev && in->walk[i].ino == st->st_ino)
            return 0; /* a link back to a folder on the current path */
    DIR *dh = opendir(dir);
    if (!dh) {
        *err_doc = doc_errno(dir, "cannot open folder", errno);
        return *err_doc ? 0 : -1;
    }
    frame f = {.dev = st->st_dev, .ino = st->st_ino};
    size_t cap = 0;
    int rc = 0;
    struct dirent *de;
    errno = 0;
    while ((de = readdir(dh)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (f.n == cap) {
            cap = cap ? cap * 2 : 16;
            char **p = realloc(f.names, cap * sizeof *p);
            if (!p) {
                rc = -1;
                break;
            }
            f.names = p;
        }
        if (!(f.names[f.n] = dupstr(de->d_name))) {
            rc = -1;
            break;
        }
        f.n++;
    }
    closedir(dh);
    if (rc == 0 && in->n_walk == in->cap_walk) {
        size_t ncap = in->cap_walk ? in->cap_walk * 2 : 8;
        frame *p = realloc(in->walk, ncap * sizeof *p);
        if (!p)
            rc = -1;
        else {
            in->walk = p;
            in->cap_walk = ncap;
        }
    }
    if (rc == 0 && !(f.dir = dupstr(dir)))
        rc = -1;
    if (rc != 0) {
        frame_clear(&f);
        return -1;
    }
    qsort(f.names, f.n, sizeof *f.names, cmp_names);
    in->walk[in->n_walk++] = f;
    return 0;
}

static bool glob_ok(const cli_opts *o, const char *name)
{
    if (o->n_globs == 0)
        return true;
    for (size_t i = 0; i < o->n_globs; i++)
        if (fnmatch(o->globs[i], name, 0) == 0)
            return true;
    return false;
}

/* Next file of the walk: 1 with *path (caller frees), 0 when the walk is over,
 * -1 out of memory. May set in->pending to an error document instead (returns 1,
 * *path NULL). */
static int walk_next(cli_input *in, char **path)
{
    *path = NULL;
    while (in->n_walk > 0) {
        frame *f = &in->walk[in->n_walk - 1];
        if (f->i == f->n) {
            frame_clear(f);
            in->n_walk--;
            continue;
        }
        const char *name = f->names[f->i++];
        size_t dl = strlen(f->dir);
        bool slash = dl > 0 && f->dir[dl - 1] == '/';
        size_t n = dl + 1 + strlen(name) + 1;
        char *full = malloc(n);
        if (!full)
            return -1;
        snprintf(full, n, "%s%s%s", f->dir, slash ? "" : "/", name);
        struct stat st;
        if (stat(full, &st) != 0) {
            if (!glob_ok(in->o, name)) {
                free(full);
                continue;
            }
            *path = full; /* a broken link: opening it reports the error */
            return 1;
        }
        if (S_ISDIR(st.st_mode)) {
            cli_doc *err;
            int rc = walk_push(in, full, &st, &err);
            free(full);
            if (rc < 0)
                return -1;
            if (err) {
                in->pending = err;
                return 1;
            }
            continue;
        }
        if (!glob_ok(in->o, name)) {
            free(full);
            continue;
        }
        if (!S_ISREG(st.st_mode)) {
            in->pending = doc_error(full, "not_regular", "not a regular file", 0);
            free(full);
            return in->pending ? 1 : -1;
        }
        *path = full;
        return 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- sources */

cli_input *cli_input_new(const cli_opts *o, atomic_bool *stop)
{
    cli_input *in = calloc(1, sizeof *in);
    if (!in)
        return NULL;
    in->o = o;
    in->stop = stop;
    in->stdin_default = o->n_paths == 0 && !o->files_from;
    in->total = -1;
    if (o->n_paths > 0 && !o->files_from) {
        int64_t total = 0;
        for (size_t i = 0; i < o->n_paths && total >= 0; i++) {
            struct stat st;
            if (strcmp(o->paths[i], "-") == 0 || stat(o->paths[i], &st) != 0 || !S_ISREG(st.st_mode))
                total = -1;
            else
                total += st.st_size;
        }
        in->total = total;
    }
    return in;
}

void cli_input_free(cli_input *in)
{
    if (!in)
        return;
    lreader_free(in->list);
    lreader_free(in->jl);
    free(in->jl_name);
    while (in->n_walk > 0)
        frame_clear(&in->walk[--in->n_walk]);
    free(in->walk);
    cli_doc_free(in->pending);
    free(in);
}

bool cli_input_ready(cli_input *in)
{
    lreader *r = in->jl;
    if (in->pending || !r || !r->pollable || r->eof)
        return true;
    if (r->pos < r->end && memchr(r->buf + r->pos, '\n', r->end - r->pos))
        return true;
    struct pollfd p = {.fd = r->fd, .events = POLLIN};
    return poll(&p, 1, 0) > 0;
}

int64_t cli_input_total(const cli_input *in)
{
    return in->total;
}

/* The next path to open: 1 with *path (caller frees; "-" is stdin) and *walked,
 * 0 at the end, -1 out of memory. in->pending may be set instead of *path. */
static int next_path(cli_input *in, char **path, bool *walked)
{
    const cli_opts *o = in->o;
    *path = NULL;
    *walked = false;
    for (;;) {
        if (in->n_walk > 0) {
            int rc = walk_next(in, path);
            if (rc != 0) {
                *walked = true;
                return rc;
            }
            continue;
        }
        const char *p = NULL;
        char *owned = NULL;
        if (in->next_arg < o->n_paths) {
            p = o->paths[in->next_arg++];
        } else if (o->files_from && !in->list_done) {
            if (!in->list) {
                int fd = strcmp(o->files_from, "-") == 0 ? 0 : open(o->files_from, O_RDONLY | O_CLOEXEC);
                if (fd < 0) {
                    in->list_done = true;
                    in->pending = doc_errno(o->files_from, "cannot open --files-from list", errno);
                    return in->pending ? 1 : -1;
                }
                if (!(in->list = lreader_new(fd, fd != 0))) {
                    if (fd != 0)
                        close(fd);
                    return -1;
                }
            }
            bool cut;
            size_t raw;
            int rc = lreader_next(in->list, MAX_LIST_LINE, &cut, &raw, in->stop);
            if (rc < 0)
                return -1;
            if (rc == 0) {
                in->list_done = true;
                continue;
            }
            char *l = in->list->line;
            size_t n = in->list->len;
            if (n > 0 && l[n - 1] == '\r')
                l[--n] = '\0';
            if (n == 0 || cut)
                continue;
            if (!(owned = dupstr(l)))
                return -1;
            p = owned;
        } else if (in->stdin_default && !in->stdin_done) {
            in->stdin_done = true;
            p = "-";
        } else {
            return 0;
        }
        struct stat st;
        if (o->recursive && strcmp(p, "-") != 0 && stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
            cli_doc *err;
            int rc = walk_push(in, p, &st, &err);
            free(owned);
            if (rc < 0)
                return -1;
            if (err) {
                in->pending = err;
                return 1;
            }
            continue;
        }
        *path = owned ? owned : dupstr(p);
        return *path ? 1 : -1;
    }
}

static bool utf16(const char *enc)
{
    return enc && strncasecmp(enc, "utf-16", 6) == 0;
}

int cli_input_next(cli_input *in, cli_doc **out)
{
    const cli_opts *o = in->o;
    *out = NULL;
    for (;;) {
        if (in->stop && atomic_load(in->stop))
            return 0;
        if (in->pending) {
            *out = in->pending;
            in->pending = NULL;
            return 1;
        }
        if (in->jl) {
            bool cut;
            size_t raw;
            int rc = lreader_next(in->jl, o->max_doc_bytes, &cut, &raw, in->stop);
            if (rc < 0)
                return -1;
            if (rc == 1 && !cut && blank(in->jl->line ? in->jl->line : "", in->jl->len))
                continue;
            if (rc == 1) {
                *out = jsonl_doc(in, in->jl->line ? in->jl->line : "", in->jl->len, cut, raw);
                return *out ? 1 : -1;
            }
            int err = in->jl->err;
            char *name = in->jl_name;
            lreader_free(in->jl);
            in->jl = NULL;
            in->jl_name = NULL;
            if (err) {
                *out = doc_errno(name ? name : "-", "cannot read", err);
                free(name);
                return *out ? 1 : -1;
            }
            free(name);
            continue;
        }
        char *path;
        bool walked;
        int rc = next_path(in, &path, &walked);
        if (rc <= 0)
            return rc;
        if (!path)
            continue; /* in->pending was set */
        bool is_stdin = strcmp(path, "-") == 0 && !walked;
        int fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) {
            *out = doc_errno(path, "cannot open", errno);
            free(path);
            return *out ? 1 : -1;
        }
        if (o->jsonl) {
            struct stat st;
            if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
                *out = doc_error(path, "is_directory", "is a directory (use -r to walk folders)", 0);
                close(fd);
                free(path);
                return *out ? 1 : -1;
            }
            if (!(in->jl = lreader_new(fd, !is_stdin))) {
                if (!is_stdin)
                    close(fd);
                free(path);
                return -1;
            }
            if (is_stdin)
                free(path);
            else
                in->jl_name = path;
            continue;
        }
        *out = read_text_doc(in, path, fd, walked && !utf16(o->encoding));
        if (!is_stdin)
            close(fd);
        free(path);
        return *out ? 1 : -1;
    }
}
