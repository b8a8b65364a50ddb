/* status.c — formats STATUS.txt for staff: what is on screen, since when,
 * the summary, every problem as `file:line: ...`, the last USB import. */
#include "status.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Appends to a buffer that may be too small: len counts what the whole text
 * needs, the buffer keeps what fits. */
typedef struct out {
    char *buf;
    size_t cap, len;
} out;

__attribute__((format(printf, 2, 3)))
static void put(out *o, const char *fmt, ...)
{
    char *dst = o->len < o->cap ? o->buf + o->len : NULL;
    size_t room = o->len < o->cap ? o->cap - o->len : 0;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(dst, room, fmt, ap);
    va_end(ap);
    if (n > 0)
        o->len += (size_t)n;
}

static const char *plural(int n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static void put_summary(out *o, const content_snapshot *s)
{
    if (!s) {
        put(o, "Showing: the spa's name only.\n");
        return;
    }
    put(o, "Showing: %d %s, %d %s, %d %s.\n",
        s->ntopics, plural(s->ntopics, "topic", "topics"),
        s->ncards, plural(s->ncards, "card", "cards"),
        s->nimages, plural(s->nimages, "image", "images"));
}

static void put_showing(out *o, const status_report *r)
{
    switch (r->showing) {
    case STATUS_FRESH:
        put(o, "On screen: the content of this folder, as it is now.\n");
        break;
    case STATUS_LAST_GOOD:
        put(o, "On screen: the last good content%s%s, because the files in this "
               "folder have problems (listed below). Fix them and save: the "
               "kiosk shows the fix within a few seconds.\n",
            r->saved_at && *r->saved_at ? ", saved " : "",
            r->saved_at && *r->saved_at ? r->saved_at : "");
        break;
    case STATUS_PARTIAL:
        put(o, "On screen: only the topics of this folder that have no problems; "
               "topics with errors are left out until they are fixed (see below).\n");
        break;
    case STATUS_NOTHING:
    default:
        put(o, "On screen: only the spa's name, because nothing in this folder "
               "can be shown yet. Fix the problems listed below.\n");
        break;
    }
    if (r->since && *r->since)
        put(o, "Since: %s\n", r->since);
    put_summary(o, r->showing == STATUS_NOTHING ? NULL : r->shown);
}

static void put_diags(out *o, const content_snapshot *s, content_severity sev)
{
    char line[1024];
    for (int i = 0; i < s->ndiags; i++) {
        if (s->diags[i].severity != sev)
            continue;
        content_diag_format(&s->diags[i], line, (int)sizeof line);
        put(o, "%s\n", line);
    }
}

static void put_problems(out *o, const status_report *r)
{
    const content_snapshot *s = r->current;
    if (!s)
        return;
    put(o, "\n");
    if (r->checked_at && *r->checked_at)
        put(o, "Files checked: %s\n", r->checked_at);
    if (s->nerrors == 0 && s->nwarnings == 0) {
        put(o, "No problems found.\n");
        return;
    }
    if (s->nerrors > 0) {
        put(o, "\n%d %s - content with errors is not shown:\n", s->nerrors,
            plural(s->nerrors, "error", "errors"));
        put_diags(o, s, DIAG_ERROR);
    }
    if (s->nwarnings > 0) {
        put(o, "\n%d %s - shown anyway, but maybe not as you meant:\n",
            s->nwarnings, plural(s->nwarnings, "warning", "warnings"));
        put_diags(o, s, DIAG_WARNING);
    }
    /* The same count as the "...and N more" notes in the list add up to. */
    if (s->nhidden > 0)
        put(o, "(%d more %s not listed: fix the ones above first)\n", s->nhidden,
            plural(s->nhidden, "problem", "problems"));
}

size_t status_format(const status_report *r, char *buf, size_t cap)
{
    out o = { buf, cap, 0 };
    if (cap > 0)
        buf[0] = '\0';
    put(&o, "Kiosk status. The kiosk rewrites this file after every change; "
            "edits to it are lost.\n\n");
    put_showing(&o, r);
    put_problems(&o, r);
    if (r->backup_note && *r->backup_note)
        put(&o, "\nBackup copy: %s.\n", r->backup_note);
    if (r->watch_note && *r->watch_note)
        put(&o, "\nWatching for changes: %s.\n", r->watch_note);
    if (r->usb && *r->usb)
        put(&o, "\nLast USB stick import:\n%s%s", r->usb,
            r->usb[strlen(r->usb) - 1] == '\n' ? "" : "\n");
    if (r->version && *r->version)
        put(&o, "\nKiosk version %s\n", r->version);
    return o.len;
}

static int same_text(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

int status_same_problems(const content_snapshot *a, const content_snapshot *b)
{
    if (!a || !b || a->nerrors != b->nerrors || a->nwarnings != b->nwarnings ||
        a->nhidden != b->nhidden || a->ndiags != b->ndiags ||
        a->ntopics != b->ntopics || a->ncards != b->ncards)
        return 0;
    for (int i = 0; i < a->ndiags; i++) {
        const content_diag *x = &a->diags[i], *y = &b->diags[i];
        if (x->severity != y->severity || x->line != y->line ||
            !same_text(x->file, y->file) || !same_text(x->text, y->text))
            return 0;
    }
    return 1;
}

int status_read_usb(const kiosk_fs *fs, const char *state, char *buf, size_t cap)
{
    size_t len = 0, total = 0;
    if (cap == 0)
        return 0;
    buf[0] = '\0';
    if (!state || fs->read(fs->ctx, state, STATUS_USB_FILE, buf, cap - 1,
                           &len, &total) != FS_OK)
        return 0;
    buf[len] = '\0';
    /* Plain text only: anything else the file holds becomes a space. */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)buf[i];
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            buf[i] = ' ';
    }
    return 1;
}
