/* content_diag.c — the diagnostics sink of a content load: bounds what is
 * kept per file and in all, adds the closing notes, sorts by file and line. */
#include "content_diag.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sorts a file's closing note after its lines, and the folder's last. */
enum { SORT_LAST = INT_MAX };

int content_diags_init(content_diags *D, content_snapshot *s)
{
    memset(D, 0, sizeof *D);
    D->s = s;
    D->slot = malloc(sizeof *D->slot * KIOSK_MAX_DIAGS);
    return D->slot ? 0 : -1;
}

void content_diags_fini(content_diags *D)
{
    free(D->slot);
    D->slot = NULL;
}

static const char *diag_text(content_diags *D, const char *fmt, va_list ap)
{
    char tmp[1024];
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    const char *t = arena_strdup(&D->s->arena, tmp);
    /* The arena is full: a fixed text still tells staff something is wrong. */
    return t ? t : "there is more content than the kiosk can hold in memory";
}

/* Into slot i: the next free one (D->n), or one taken over. */
static void diag_store(content_diags *D, int i, content_severity sev,
                       const char *file, int line, int sortline, const char *text)
{
    if (i == D->n)
        D->n++;
    content_diag_slot *d = &D->slot[i];
    d->d.severity = sev;
    d->d.file = file;
    d->d.line = line;
    d->d.text = text;
    d->rank = D->rank;
    d->sortline = sortline;
    d->seq = D->seq++;
}

static int of_current_file(const content_diags *D, const content_diag_slot *d)
{
    return d->rank == D->rank && d->d.file && D->file && !strcmp(d->d.file, D->file);
}

/* Index of the latest warning kept (of the current file only, when
 * file_only), or -1: an error takes its place when the list is full, so
 * errors are never crowded out by warnings. */
static int warning_slot(const content_diags *D, int file_only)
{
    for (int i = D->n - 1; i >= 0; i--) {
        const content_diag_slot *d = &D->slot[i];
        if (d->d.severity == DIAG_WARNING && d->sortline != SORT_LAST &&
            (!file_only || of_current_file(D, d)))
            return i;
    }
    return -1;
}

/* Counts one problem left out of the list: in this file's closing note
 * while the file's share is full, else in the folder's. */
static void diag_hide(content_diags *D, int of_file, content_severity sev)
{
    int *n = of_file ? &D->file_hidden : &D->hidden;
    int *e = of_file ? &D->file_hidden_errors : &D->hidden_errors;
    (*n)++;
    if (sev == DIAG_ERROR)
        (*e)++;
}

void content_diags_add(content_diags *D, content_severity sev, int line,
                       const char *fmt, ...)
{
    content_snapshot *s = D->s;
    if (sev == DIAG_ERROR)
        s->nerrors++;
    else
        s->nwarnings++;
    /* One slot stays free for the closing "more problems" note. */
    int file_full = D->file_shown >= KIOSK_MAX_DIAGS_PER_FILE;
    int list_full = D->n >= KIOSK_MAX_DIAGS - 1;
    int slot = D->n;
    if (file_full || list_full) {
        slot = sev == DIAG_ERROR ? warning_slot(D, file_full) : -1;
        if (slot < 0) {
            diag_hide(D, file_full, sev);
            return;
        }
        const content_diag_slot *w = &D->slot[slot];
        int same = of_current_file(D, w);
        /* The warning goes where this file's problems beyond its share go,
         * or to the folder's note when it was another file's. */
        diag_hide(D, same && file_full, DIAG_WARNING);
        if (same && !file_full)
            D->file_shown--;
    }
    va_list ap;
    va_start(ap, fmt);
    const char *text = diag_text(D, fmt, ap);
    va_end(ap);
    if (slot == D->n || !file_full)
        D->file_shown++;
    diag_store(D, slot, sev, D->file, line, line, text);
}

void content_diags_file_begin(content_diags *D, const char *file, int rank)
{
    D->file = file;
    D->rank = rank;
    D->file_shown = D->file_hidden = D->file_hidden_errors = 0;
}

void content_diags_file_end(content_diags *D)
{
    if (D->file_hidden == 0)
        return;
    if (D->n >= KIOSK_MAX_DIAGS - 1) {
        D->hidden += D->file_hidden;
        D->hidden_errors += D->file_hidden_errors;
        return;
    }
    const char *text = arena_printf(&D->s->arena,
        "...and %d more problem%s in this file; fix the ones above first",
        D->file_hidden, D->file_hidden == 1 ? "" : "s");
    diag_store(D, D->n, D->file_hidden_errors ? DIAG_ERROR : DIAG_WARNING,
               D->file, 0, SORT_LAST,
               text ? text : "...and more problems in this file");
    D->nnotes++;
}

static int diag_cmp(const void *a, const void *b)
{
    const content_diag_slot *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->sortline != y->sortline)
        return x->sortline < y->sortline ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void content_diags_finish(content_diags *D)
{
    D->s->nhidden = D->s->nerrors + D->s->nwarnings - (D->n - D->nnotes);
    if (D->hidden) {
        D->rank = SORT_LAST;
        const char *text = arena_printf(&D->s->arena,
            "...and %d more problems; fix the ones above first", D->hidden);
        diag_store(D, D->n, D->hidden_errors ? DIAG_ERROR : DIAG_WARNING,
                   CONTENT_FOLDER, 0, 0, text ? text : "...and more problems");
    }
    qsort(D->slot, (size_t)D->n, sizeof *D->slot, diag_cmp);
    content_snapshot *s = D->s;
    s->diags = arena_alloc(&s->arena, sizeof *s->diags * (size_t)(D->n + 1));
    if (!s->diags) {
        s->ndiags = 0;
        return;
    }
    for (int i = 0; i < D->n; i++)
        s->diags[i] = D->slot[i].d;
    s->ndiags = D->n;
}

int content_diag_format(const content_diag *d, char *buf, int cap)
{
    const char *file = d->file ? d->file : CONTENT_FOLDER;
    if (d->line > 0)
        return snprintf(buf, (size_t)cap, "%s:%d: %s", file, d->line, d->text);
    return snprintf(buf, (size_t)cap, "%s: %s", file, d->text);
}
