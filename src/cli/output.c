/* output.c: the one path by which relx writes results to stdout.
 *
 * Lines are queued whole into a 64 KiB buffer (a longer line is written by one
 * writev together with its newline), so no JSON line is ever split by relx
 * itself. When to flush is the caller's decision (batch.c flushes per line for
 * line-filter use, and otherwise when the buffer fills). SIGPIPE is ignored by
 * main.c, so a closed pipe shows up here as EPIPE: the writer then goes quiet and
 * reports CLI_OUT_CLOSED; any other failure (ENOSPC, EIO) is printed once as
 * "relx: write error: ..." and reported as CLI_OUT_ERROR. When the output is a
 * regular file, a failed write (disk full, file size limit) is cut back to the
 * end of the last complete line, so the file never holds a partial JSON line.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "cli/cli.h"

#define OUT_BUF (64 * 1024)

struct cli_out {
    int fd;
    char *buf;
    size_t len;
    int state; /* CLI_OUT_*; sticky once not OK */
    bool regular;     /* fd is a regular file */
    off_t committed;  /* its size after the last complete line written */
};

cli_out *cli_out_new(int fd)
{
    cli_out *o = calloc(1, sizeof *o);
    if (!o)
        return NULL;
    o->buf = malloc(OUT_BUF);
    if (!o->buf) {
        free(o);
        return NULL;
    }
    o->fd = fd;
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        off_t at = lseek(fd, 0, SEEK_CUR);
        o->regular = at >= 0;
        o->committed = at;
    }
    return o;
}

void cli_out_free(cli_out *o)
{
    if (!o)
        return;
    free(o->buf);
    free(o);
}

size_t cli_out_pending(const cli_out *o)
{
    return o->len;
}

static int fail(cli_out *o, int err)
{
    if (o->regular) {
        /* drop the part of a line that made it to the file (O_APPEND or not) */
        if (ftruncate(o->fd, o->committed) == 0)
            (void)lseek(o->fd, o->committed, SEEK_SET);
    }
    if (err == EPIPE) {
        o->state = CLI_OUT_CLOSED;
    } else {
        char msg[256];
        if (strerror_r(err, msg, sizeof msg) != 0)
            snprintf(msg, sizeof msg, "error %d", err);
        fprintf(stderr, "relx: write error: %s\n", msg);
        o->state = CLI_OUT_ERROR;
    }
    return o->state;
}

/* Write every byte of iov[0..n) (whole lines), retrying short writes, EINTR
 * and EAGAIN. */
static int write_all(cli_out *o, struct iovec *iov, int n)
{
    size_t total = 0;
    for (int k = 0; k < n; k++)
        total += iov[k].iov_len;
    while (n > 0) {
        ssize_t k = writev(o->fd, iov, n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                struct pollfd p = {.fd = o->fd, .events = POLLOUT};
                (void)poll(&p, 1, -1);
                continue;
            }
            return fail(o, errno);
        }
        size_t done = (size_t)k;
        while (n > 0 && done >= iov->iov_len) {
            done -= iov->iov_len;
            iov++;
            n--;
        }
        if (n > 0) {
            iov->iov_base = (char *)iov->iov_base + done;
            iov->iov_len -= done;
        }
    }
    o->committed += (off_t)total;
    return CLI_OUT_OK;
}

int cli_out_flush(cli_out *o)
{
    if (o->state != CLI_OUT_OK || o->len == 0)
        return o->state;
    struct iovec iov = {.iov_base = o->buf, .iov_len = o->len};
    o->len = 0;
    return write_all(o, &iov, 1);
}

int cli_out_line(cli_out *o, const char *line, size_t len)
{
    if (o->state != CLI_OUT_OK)
        return o->state;
    if (len + 1 > OUT_BUF - o->len) {
        if (cli_out_flush(o) != CLI_OUT_OK)
            return o->state;
        if (len + 1 > OUT_BUF) {
            struct iovec iov[2] = {{.iov_base = (void *)line, .iov_len = len},
                                   {.iov_base = "\n", .iov_len = 1}};
            return write_all(o, iov, 2);
        }
    }
    memcpy(o->buf + o->len, line, len);
    o->buf[o->len + len] = '\n';
    o->len += len + 1;
    return CLI_OUT_OK;
}
