/* batch.c: `relx extract` -- the worker pool and the ordered writer.
 *
 *   reader thread                 workers (one relx_worker each)       main thread = writer
 *   cli_input_next -> chunk 0,1,2 -> queue -> relx_extract per doc -> ring[seq % cap] -> stdout
 *
 * The reader groups consecutive documents into chunks (up to 64 documents or
 * 256 KiB, sent early when the next document would mean waiting on a pipe) so
 * that locking costs per chunk, not per document; a chunk is the unit of work,
 * queueing and reordering, and keeps its documents in input order.
 *
 * The reader admits a chunk only while fewer than max_n chunks and max_bytes
 * bytes are in flight (read but not yet written), so memory stays bounded
 * whatever the corpus size; one chunk is always admitted when nothing is in
 * flight, so one large document cannot stall the run. Since the chunks in flight
 * are exactly seqs [next_out, next_in), a ring of max_n slots is the whole
 * reorder buffer. One mutex guards queue, ring and counters; the work itself
 * (extraction, --pretty re-serialisation, --stats relation counting) runs outside
 * it. Output is the same bytes for every -j.
 *
 * Flushing: when stdout is not a regular file, the writer flushes before it
 * would wait for the next chunk, so a line never waits in the buffer while relx
 * waits for input (line-filter use under GNU parallel, Hadoop streaming); -j 1
 * runs inline and flushes after each line. When stdout is a regular file the
 * writer flushes only when the buffer is full.
 *
 * A closed pipe (EPIPE) or a write error sets stop: the reader stops reading,
 * workers skip what is left, and everything still in flight is freed.
 */
#include <fcntl.h>
#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "engine.h"

#define MAX_INFLIGHT_BYTES ((size_t)32 << 20)
#define CHUNK_DOCS 64                      /* documents per unit of work */
#define CHUNK_BYTES ((size_t)256 << 10)    /* ... or this many bytes */

/* A run of consecutive documents: the unit of work, queueing and reordering. */
typedef struct chunk {
    uint64_t seq;
    cli_doc *head, *tail;
    size_t n, cost;
    struct chunk *next;
} chunk;

typedef struct job {
    const cli_opts *o;
    const relx_engine *eng;
    relx_doc_options dopt;
    cli_input *in;
    cli_out *out;
    bool flush_each;
    cli_stats stats;
    atomic_bool stop;
    atomic_bool nomem;

    pthread_mutex_t mu;
    pthread_cond_t can_read, work, done;
    chunk *qhead, *qtail;
    chunk **ring;
    size_t max_n, max_bytes;
    size_t inflight_n, inflight_bytes;
    uint64_t next_in, next_out;
    bool eof;
} job;

typedef struct worker_arg {
    job *j;
    relx_worker *w;
    cli_relcount rel;
    pthread_t tid;
} worker_arg;

/* Extract d (unless it is already an error line) and shape its output line. */
static void process(job *j, relx_worker *w, cli_relcount *rel, cli_doc *d)
{
    if (cli_doc_parse_jsonl_decoded(d) != 0) {
        atomic_store(&j->nomem, true);
        atomic_store(&j->stop, true);
        return;
    }
    if (!d->line) {
        relx_doc_options dopt = j->dopt;
        dopt.meta_json = d->meta;
        char *line = NULL;
        size_t len = 0;
        relx_status st;
        if (d->text) {
            st = rx_extract_decoded(w, d->id, d->text, d->len, &dopt, &line, &len);
            free(d->text); /* its arrays went to the extraction */
            d->text = NULL;
        } else {
            st = relx_extract(w, d->id, d->bytes ? d->bytes : "", d->len, &dopt, &line, &len);
        }
        free(d->bytes);
        d->bytes = NULL;
        if (!line) {
            line = relx_error_line(d->id, st == RELX_ENOMEM ? "out_of_memory" : "internal",
                                   st == RELX_ENOMEM ? "out of memory" : "the library refused the document");
            if (!line) {
                atomic_store(&j->nomem, true);
                atomic_store(&j->stop, true);
                return;
            }
            len = strlen(line);
            st = RELX_EDOC;
        }
        d->line = line;
        d->line_len = len;
        d->failed = st != RELX_OK;
    }
    if (j->o->stats && !d->failed)
        cli_relcount_add_line(rel, d->line, d->line_len);
    if (j->o->pretty) {
        json_error_t e;
        json_t *v = json_loadb(d->line, d->line_len, JSON_ALLOW_NUL, &e);
        char *p = v ? json_dumps(v, JSON_INDENT(2)) : NULL;
        json_decref(v);
        if (p) {
            free(d->line);
            d->line = p;
            d->line_len = strlen(p);
        }
    }
}

/* Print d; false once output stopped. */
static bool emit(job *j, cli_doc *d)
{
    if (!d->line)
        return false;
    int rc = cli_out_line(j->out, d->line, d->line_len);
    if (rc == CLI_OUT_OK)
        cli_stats_doc(&j->stats, d);
    return rc == CLI_OUT_OK;
}

/* ---------------------------------------------------------------- -j 1 */

static void run_inline(job *j, relx_worker *w, cli_relcount *rel)
{
    for (;;) {
        cli_doc *d;
        int rc = cli_input_next(j->in, &d);
        if (rc < 0)
            atomic_store(&j->nomem, true);
        if (rc <= 0)
            break;
        process(j, w, rel, d);
        bool ok = emit(j, d);
        cli_doc_free(d);
        if (ok && j->flush_each)
            ok = cli_out_flush(j->out) == CLI_OUT_OK;
        if (!ok)
            break;
    }
}

/* ---------------------------------------------------------------- threads */

static size_t doc_cost(const cli_doc *d)
{
    return d->len + d->line_len + strlen(d->id) + sizeof *d;
}

static void chunk_free(chunk *c)
{
    while (c && c->head) {
        cli_doc *d = c->head;
        c->head = d->next;
        cli_doc_free(d);
    }
    free(c);
}

/* Hand chunk c to the workers once the in-flight bounds allow. False when stopped. */
static bool submit(job *j, chunk *c)
{
    pthread_mutex_lock(&j->mu);
    while (!atomic_load(&j->stop) && j->inflight_n > 0 &&
           (j->inflight_n >= j->max_n || j->inflight_bytes + c->cost > j->max_bytes))
        pthread_cond_wait(&j->can_read, &j->mu);
    bool ok = !atomic_load(&j->stop);
    if (ok) {
        c->seq = j->next_in++;
        j->inflight_n++;
        j->inflight_bytes += c->cost;
        if (j->qtail)
            j->qtail->next = c;
        else
            j->qhead = c;
        j->qtail = c;
        pthread_cond_signal(&j->work);
    }
    pthread_mutex_unlock(&j->mu);
    return ok;
}

static void *reader_main(void *arg)
{
    job *j = arg;
    chunk *c = NULL;
    for (;;) {
        cli_doc *d;
        int rc = cli_input_next(j->in, &d);
        if (rc <= 0) {
            if (rc < 0)
                atomic_store(&j->nomem, true);
            break;
        }
        if (!c && !(c = calloc(1, sizeof *c))) {
            cli_doc_free(d);
            atomic_store(&j->nomem, true);
            break;
        }
        d->cost = doc_cost(d);
        d->next = NULL;
        if (c->tail)
            c->tail->next = d;
        else
            c->head = d;
        c->tail = d;
        c->n++;
        c->cost += d->cost;
        /* Send the chunk when full, or when the next document would make us wait
         * (line-filter use: an answer must not wait for later input). */
        if (c->n >= CHUNK_DOCS || c->cost >= CHUNK_BYTES || !cli_input_ready(j->in)) {
            chunk *full = c;
            c = NULL;
            if (!submit(j, full)) {
                chunk_free(full);
                break;
            }
        }
    }
    if (c && !submit(j, c))
        chunk_free(c);
    pthread_mutex_lock(&j->mu);
    j->eof = true;
    pthread_cond_broadcast(&j->work);
    pthread_cond_signal(&j->done);
    pthread_mutex_unlock(&j->mu);
    return NULL;
}

static void *worker_main(void *arg)
{
    worker_arg *wa = arg;
    job *j = wa->j;
    pthread_mutex_lock(&j->mu);
    for (;;) {
        while (!j->qhead && !j->eof && !atomic_load(&j->stop))
            pthread_cond_wait(&j->work, &j->mu);
        if (!j->qhead || atomic_load(&j->stop))
            break;
        chunk *c = j->qhead;
        j->qhead = c->next;
        if (!j->qhead)
            j->qtail = NULL;
        pthread_mutex_unlock(&j->mu);

        size_t cost = 0;
        for (cli_doc *d = c->head; d; d = d->next) {
            if (!atomic_load(&j->stop))
                process(j, wa->w, &wa->rel, d);
            cost += doc_cost(d);
        }

        pthread_mutex_lock(&j->mu);
        j->inflight_bytes = j->inflight_bytes - c->cost + cost;
        c->cost = cost;
        j->ring[c->seq % j->max_n] = c;
        if (c->seq == j->next_out)
            pthread_cond_signal(&j->done);
    }
    pthread_mutex_unlock(&j->mu);
    return NULL;
}

/* The writer loop, on the calling thread. */
static void write_ordered(job *j)
{
    pthread_mutex_lock(&j->mu);
    for (;;) {
        size_t slot = j->next_out % j->max_n;
        chunk *c = j->ring[slot];
        if (!c) {
            if ((j->eof && j->next_out == j->next_in) || atomic_load(&j->stop))
                break;
            if (j->flush_each && cli_out_pending(j->out) > 0) {
                pthread_mutex_unlock(&j->mu);
                bool ok = cli_out_flush(j->out) == CLI_OUT_OK;
                pthread_mutex_lock(&j->mu);
                if (!ok)
                    break;
                continue;
            }
            pthread_cond_wait(&j->done, &j->mu);
            continue;
        }
        j->ring[slot] = NULL;
        j->next_out++;
        pthread_mutex_unlock(&j->mu);
        bool ok = true;
        for (cli_doc *d = c->head; d && ok; d = d->next)
            ok = emit(j, d);
        size_t cost = c->cost;
        chunk_free(c);
        pthread_mutex_lock(&j->mu);
        j->inflight_n--;
        j->inflight_bytes -= cost;
        pthread_cond_signal(&j->can_read);
        if (!ok)
            break;
    }
    if (j->next_out != j->next_in || !j->eof || atomic_load(&j->nomem)) {
        /* stopped early: let everyone go */
        atomic_store(&j->stop, true);
        pthread_cond_broadcast(&j->can_read);
        pthread_cond_broadcast(&j->work);
    }
    pthread_mutex_unlock(&j->mu);
}

static bool run_threads(job *j, worker_arg *wa, size_t nw)
{
    j->max_n = 4 * nw + 4;
    j->max_bytes = MAX_INFLIGHT_BYTES;
    j->ring = calloc(j->max_n, sizeof *j->ring);
    if (!j->ring)
        return false;
    pthread_mutex_init(&j->mu, NULL);
    pthread_cond_init(&j->can_read, NULL);
    pthread_cond_init(&j->work, NULL);
    pthread_cond_init(&j->done, NULL);
    pthread_t reader;
    size_t started = 0;
    bool ok = pthread_create(&reader, NULL, reader_main, j) == 0;
    if (ok) {
        while (started < nw && pthread_create(&wa[started].tid, NULL, worker_main, &wa[started]) == 0)
            started++;
        if (started > 0) {
            write_ordered(j); /* fewer workers than asked is still a run */
        } else {
            pthread_mutex_lock(&j->mu);
            atomic_store(&j->stop, true);
            pthread_cond_broadcast(&j->can_read);
            pthread_mutex_unlock(&j->mu);
            ok = false;
        }
        pthread_join(reader, NULL);
    }
    for (size_t i = 0; i < started; i++)
        pthread_join(wa[i].tid, NULL);
    while (j->qhead) {
        chunk *c = j->qhead;
        j->qhead = c->next;
        chunk_free(c);
    }
    for (size_t i = 0; i < j->max_n; i++)
        chunk_free(j->ring[i]);
    free(j->ring);
    pthread_cond_destroy(&j->done);
    pthread_cond_destroy(&j->work);
    pthread_cond_destroy(&j->can_read);
    pthread_mutex_destroy(&j->mu);
    return ok;
}

cli_result cli_extract(const cli_opts *o, const relx_engine *eng)
{
    job j = {.o = o, .eng = eng};
    atomic_init(&j.stop, false);
    atomic_init(&j.nomem, false);
    j.dopt.date = o->date;
    j.dopt.encoding = o->jsonl ? NULL : o->encoding;
    j.dopt.lang = o->lang;
    j.dopt.max_doc_bytes = o->max_doc_bytes;
    j.dopt.trace = o->trace;
    j.dopt.denied = o->denied;

    struct stat st;
    j.flush_each = !(fstat(1, &st) == 0 && S_ISREG(st.st_mode));

    size_t nw = o->jobs > 0 ? (size_t)o->jobs : 1;
    worker_arg *wa = calloc(nw, sizeof *wa);
    j.in = cli_input_new(o, &j.stop);
    /* rules --stats: the lines are made (and counted) but not wanted */
    bool rule_stats = o->cmd == CLI_CMD_RULES;
    int out_fd = rule_stats ? open("/dev/null", O_WRONLY | O_CLOEXEC) : 1;
    j.out = out_fd >= 0 ? cli_out_new(out_fd) : NULL;
    cli_result res = CLI_RUN_OK;
    if (!wa || !j.in || !j.out) {
        res = CLI_RUN_NOMEM;
        goto done;
    }
    for (size_t i = 0; i < nw; i++) {
        wa[i].j = &j;
        if (!(wa[i].w = relx_worker_new(eng))) {
            res = CLI_RUN_NOMEM;
            goto done;
        }
        /* the rule times are shown only by --stats */
        relx_worker_set_rule_timing(wa[i].w, o->stats || rule_stats);
    }
    bool progress = o->progress > 0 || (o->progress < 0 && isatty(2));
    cli_stats_start(&j.stats, progress, cli_input_total(j.in));

    if (nw == 1)
        run_inline(&j, wa[0].w, &wa[0].rel);
    else if (!run_threads(&j, wa, nw))
        atomic_store(&j.nomem, true);

    int orc = cli_out_flush(j.out);
    cli_stats_end_progress(&j.stats);
    if (rule_stats) {
        relx_worker **ws = malloc(nw * sizeof *ws);
        if (ws) {
            for (size_t i = 0; i < nw; i++)
                ws[i] = wa[i].w;
            cli_rule_stats_report(eng, ws, nw, j.stats.docs, stdout);
        }
        free(ws);
    } else if (o->stats) {
        cli_relcount all = {0};
        relx_worker **ws = malloc(nw * sizeof *ws);
        for (size_t i = 0; i < nw; i++)
            cli_relcount_merge(&all, &wa[i].rel);
        if (ws) {
            for (size_t i = 0; i < nw; i++)
                ws[i] = wa[i].w;
            cli_stats_report(&j.stats, &all, eng, ws, nw, stderr);
        }
        free(ws);
        cli_relcount_clear(&all);
    }
    if (orc == CLI_OUT_CLOSED)
        res = CLI_RUN_OK;
    else if (orc == CLI_OUT_ERROR)
        res = CLI_RUN_WRITE_ERR;
    else if (atomic_load(&j.nomem))
        res = CLI_RUN_NOMEM;
    else if (j.stats.errors > 0)
        res = CLI_RUN_DOCFAIL;

done:
    if (res == CLI_RUN_NOMEM)
        fputs("relx: out of memory\n", stderr);
    for (size_t i = 0; wa && i < nw; i++) {
        relx_worker_free(wa[i].w);
        cli_relcount_clear(&wa[i].rel);
    }
    free(wa);
    cli_out_free(j.out);
    if (rule_stats && out_fd >= 0)
        close(out_fd);
    cli_input_free(j.in);
    return res;
}
