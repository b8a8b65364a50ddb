/* content.c — content_load(): scans the content folder, reads kiosk.ini and
 * the topic files through the fs interface, and gathers every problem into
 * the snapshot's diagnostics, sorted by file and line. */
#include "content_internal.h"

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- diagnostics ---- */

/* Sorts a file's closing note after its lines, and the folder's last. */
enum { SORT_LAST = INT_MAX };

static const char *diag_text(content_loader *L, const char *fmt, va_list ap)
{
    char tmp[1024];
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    const char *t = arena_strdup(&L->s->arena, tmp);
    /* The arena is full: a fixed text still tells staff something is wrong. */
    return t ? t : "there is more content than the kiosk can hold in memory";
}

/* Into slot i: the next free one (L->ndiags), or one taken over. */
static void diag_store(content_loader *L, int i, content_severity sev,
                       const char *file, int line, int sortline, const char *text)
{
    if (i == L->ndiags)
        L->ndiags++;
    loader_diag *d = &L->diags[i];
    d->d.severity = sev;
    d->d.file = file;
    d->d.line = line;
    d->d.text = text;
    d->rank = L->rank;
    d->sortline = sortline;
    d->seq = L->seq++;
}

static int of_current_file(const content_loader *L, const loader_diag *d)
{
    return d->rank == L->rank && d->d.file && L->file && !strcmp(d->d.file, L->file);
}

/* Index of the latest warning kept (of the current file only, when
 * file_only), or -1: an error takes its place when the list is full, so
 * errors are never crowded out by warnings. */
static int warning_slot(const content_loader *L, int file_only)
{
    for (int i = L->ndiags - 1; i >= 0; i--) {
        const loader_diag *d = &L->diags[i];
        if (d->d.severity == DIAG_WARNING && d->sortline != SORT_LAST &&
            (!file_only || of_current_file(L, d)))
            return i;
    }
    return -1;
}

/* Counts one problem left out of the list: in this file's closing note
 * while the file's share is full, else in the folder's. */
static void diag_hide(content_loader *L, int of_file, content_severity sev)
{
    int *n = of_file ? &L->file_hidden : &L->hidden;
    int *e = of_file ? &L->file_hidden_errors : &L->hidden_errors;
    (*n)++;
    if (sev == DIAG_ERROR)
        (*e)++;
}

void loader_diag_add(content_loader *L, content_severity sev, int line,
                     const char *fmt, ...)
{
    content_snapshot *s = L->s;
    if (sev == DIAG_ERROR)
        s->nerrors++;
    else
        s->nwarnings++;
    /* One slot stays free for the closing "more problems" note. */
    int file_full = L->file_shown >= KIOSK_MAX_DIAGS_PER_FILE;
    int list_full = L->ndiags >= KIOSK_MAX_DIAGS - 1;
    int slot = L->ndiags;
    if (file_full || list_full) {
        slot = sev == DIAG_ERROR ? warning_slot(L, file_full) : -1;
        if (slot < 0) {
            diag_hide(L, file_full, sev);
            return;
        }
        const loader_diag *w = &L->diags[slot];
        int same = of_current_file(L, w);
        /* The warning goes where this file's problems beyond its share go,
         * or to the folder's note when it was another file's. */
        diag_hide(L, same && file_full, DIAG_WARNING);
        if (same && !file_full)
            L->file_shown--;
    }
    va_list ap;
    va_start(ap, fmt);
    const char *text = diag_text(L, fmt, ap);
    va_end(ap);
    if (slot == L->ndiags || !file_full)
        L->file_shown++;
    diag_store(L, slot, sev, L->file, line, line, text);
}

void loader_file_begin(content_loader *L, const char *file, int rank)
{
    L->file = file;
    L->rank = rank;
    L->file_shown = L->file_hidden = L->file_hidden_errors = 0;
}

void loader_file_end(content_loader *L)
{
    if (L->file_hidden == 0)
        return;
    if (L->ndiags >= KIOSK_MAX_DIAGS - 1) {
        L->hidden += L->file_hidden;
        L->hidden_errors += L->file_hidden_errors;
        return;
    }
    const char *text = arena_printf(&L->s->arena,
        "...and %d more problem%s in this file; fix the ones above first",
        L->file_hidden, L->file_hidden == 1 ? "" : "s");
    diag_store(L, L->ndiags, L->file_hidden_errors ? DIAG_ERROR : DIAG_WARNING,
               L->file, 0, SORT_LAST,
               text ? text : "...and more problems in this file");
    L->nnotes++;
}

static int diag_cmp(const void *a, const void *b)
{
    const loader_diag *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->sortline != y->sortline)
        return x->sortline < y->sortline ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Sorts into file, then line order and hands the list to the snapshot. */
static void diags_finish(content_loader *L)
{
    L->s->nhidden = L->s->nerrors + L->s->nwarnings - (L->ndiags - L->nnotes);
    if (L->hidden) {
        L->rank = SORT_LAST;
        const char *text = arena_printf(&L->s->arena,
            "...and %d more problems; fix the ones above first", L->hidden);
        diag_store(L, L->ndiags, L->hidden_errors ? DIAG_ERROR : DIAG_WARNING,
                   CONTENT_FOLDER, 0, 0, text ? text : "...and more problems");
    }
    qsort(L->diags, (size_t)L->ndiags, sizeof *L->diags, diag_cmp);
    content_snapshot *s = L->s;
    s->diags = arena_alloc(&s->arena, sizeof *s->diags * (size_t)(L->ndiags + 1));
    if (!s->diags) {
        s->ndiags = 0;
        return;
    }
    for (int i = 0; i < L->ndiags; i++)
        s->diags[i] = L->diags[i].d;
    s->ndiags = L->ndiags;
}

int content_diag_format(const content_diag *d, char *buf, int cap)
{
    const char *file = d->file ? d->file : CONTENT_FOLDER;
    if (d->line > 0)
        return snprintf(buf, (size_t)cap, "%s:%d: %s", file, d->line, d->text);
    return snprintf(buf, (size_t)cap, "%s: %s", file, d->text);
}

/* ---- shared messages ---- */

const char *content_fs_problem(fs_status st)
{
    switch (st) {
    case FS_NOT_FOUND:
        return "this file disappeared while the kiosk was reading it; "
               "check that it is there and complete";
    case FS_NOT_REGULAR:
        return "this is not a plain file (it is a folder, a device or a pipe); "
               "the kiosk only reads plain text files";
    case FS_OUTSIDE:
        return "this is a link to something outside the content folder; "
               "put the file itself in the folder";
    case FS_DENIED:
        return "the kiosk is not allowed to read this file; "
               "make it readable for everyone";
    default:
        return "this file could not be read (a damaged disk or USB stick?); "
               "copy it again";
    }
}

const char *content_size_words(content_loader *L, size_t bytes)
{
    const char *t;
    if (bytes >= 10u * 1024 * 1024)
        t = arena_printf(&L->s->arena, "%zu MB", bytes / (1024 * 1024));
    else
        t = arena_printf(&L->s->arena, "%zu KB", (bytes + 1023) / 1024);
    return t ? t : "too large";
}

/* ---- the folder ---- */

typedef struct name_list {
    content_loader *L;
    const char **names;
    int n, seen;
    int dropped;   /* content-like names past KIOSK_MAX_DIR_ENTRIES */
} name_list;

static int ends_with(const char *s, const char *tail, int icase);

/* Only names that could be content are kept (classify() says what each
 * is), so photos or backups by the thousand do not push topics out. */
static void list_each(void *u, const char *name)
{
    name_list *nl = u;
    if (++nl->seen > KIOSK_MAX_DIR_SCAN)
        return;
    if (!ends_with(name, ".md", 1) && !ends_with(name, ".ini", 1))
        return;
    if (nl->n >= KIOSK_MAX_DIR_ENTRIES) {
        nl->dropped++;
        return;
    }
    const char *copy = arena_strdup(&nl->L->s->arena, name);
    if (copy)
        nl->names[nl->n++] = copy;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int ends_with(const char *s, const char *tail, int icase)
{
    size_t n = strlen(s), m = strlen(tail);
    if (n < m)
        return 0;
    return icase ? !strcasecmp(s + n - m, tail) : !strcmp(s + n - m, tail);
}

/* Editor leftovers, macOS and Windows droppings, the staff guide: never
 * mentioned, because staff did not mean them as content. */
static int name_ignored(const char *n)
{
    return n[0] == '.' || ends_with(n, "~", 0) || ends_with(n, ".swp", 1) ||
           !strncmp(n, "~$", 2) || ends_with(n, ".tmp", 1) ||
           !strcasecmp(n, "README.md") || !strcmp(n, "STATUS.txt");
}

/* "10-runners-knee.md": digits, a dash, a name, ".md". */
static int name_is_topic(const char *n)
{
    const char *p = n;
    while (isdigit((unsigned char)*p))
        p++;
    if (p == n || *p != '-')
        return 0;
    size_t rest = strlen(p + 1);
    return rest > 3 && ends_with(p + 1, ".md", 1);
}

static const char *topic_name(content_loader *L, const char *file)
{
    const char *p = strchr(file, '-') + 1;
    return arena_strndup(&L->s->arena, p, strlen(p) - 3);
}

static void topics_add(content_loader *L, const char **files, int n)
{
    content_snapshot *s = L->s;
    int keep = n < KIOSK_MAX_TOPICS ? n : KIOSK_MAX_TOPICS;
    s->topics = arena_alloc(&s->arena, sizeof *s->topics * (size_t)(keep + 1));
    if (!s->topics)
        return;
    for (int i = 0; i < n; i++) {
        loader_file_begin(L, files[i], 2 + i);
        if (i >= KIOSK_MAX_TOPICS) {
            loader_diag_add(L, DIAG_ERROR, 0,
                "not shown: there are more than %d topic files, more than a "
                "menu can show; join or remove some", KIOSK_MAX_TOPICS);
            loader_file_end(L);
            continue;
        }
        content_topic *t = &s->topics[s->ntopics++];
        t->file = files[i];
        t->name = topic_name(L, files[i]);
        if (!strcasecmp(t->name ? t->name : "", "faq"))
            t->kind = TOPIC_FAQ;
        else if (!strcasecmp(t->name ? t->name : "", "reviews"))
            t->kind = TOPIC_REVIEWS;
        t->in_loop = 1;
        content_md_load(L, t);
        loader_file_end(L);
    }
}

/* [loop] topics = all, or a list of file names: only those are in the loop. */
static void loop_resolve(content_loader *L)
{
    content_snapshot *s = L->s;
    const char *v = L->loop_topics;
    if (!v || !strcasecmp(v, "all"))
        return;
    loader_file_begin(L, "kiosk.ini", 1);
    for (int i = 0; i < s->ntopics; i++)
        s->topics[i].in_loop = 0;
    while (*v) {
        while (*v == ',' || *v == ' ' || *v == '\t')
            v++;
        const char *e = v;
        while (*e && *e != ',')
            e++;
        const char *end = e;
        while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
        if (end > v) {
            int found = 0;
            for (int i = 0; i < s->ntopics; i++) {
                const char *f = s->topics[i].file;
                if (strlen(f) == (size_t)(end - v) && !strncmp(f, v, (size_t)(end - v))) {
                    s->topics[i].in_loop = 1;
                    found = 1;
                }
            }
            if (!found)
                loader_diag_add(L, DIAG_ERROR, L->loop_topics_line,
                    "topics: %.*s is not a topic file in this folder; write the "
                    "file names exactly (like 10-runners-knee.md), or all",
                    (int)(end - v), v);
        }
        v = e;
    }
    loader_file_end(L);
}

static void classify(content_loader *L, const char **names, int n, int partial)
{
    const char **topics = malloc(sizeof *topics * (size_t)(n + 1));
    if (!topics)
        return;
    int ntopics = 0, have_ini = 0;
    for (int i = 0; i < n; i++) {
        const char *nm = names[i];
        if (!strcmp(nm, "kiosk.ini")) {
            have_ini = 1;
        } else if (name_ignored(nm)) {
            continue;
        } else if (name_is_topic(nm)) {
            topics[ntopics++] = nm;
        } else if (ends_with(nm, ".md", 1)) {
            loader_file_begin(L, nm, 2);
            loader_diag_add(L, DIAG_WARNING, 0, "not shown: a topic file name "
                            "starts with a number, like 40-massage.md");
        } else if (ends_with(nm, ".ini", 1)) {
            loader_file_begin(L, nm, 1);
            loader_diag_add(L, DIAG_WARNING, 0, "not used: the kiosk reads its "
                            "settings only from a file named kiosk.ini");
        }
    }
    loader_file_begin(L, "kiosk.ini", 1);
    if (have_ini)
        content_ini_load(L);
    else
        loader_diag_add(L, DIAG_ERROR, 0, "the settings file is missing; put "
                        "kiosk.ini (the spa's name, colours and screen words) "
                        "in the content folder");
    loader_file_end(L);
    topics_add(L, topics, ntopics);
    free(topics);
    loader_file_begin(L, CONTENT_FOLDER, 0);
    if (ntopics == 0 && partial)
        loader_diag_add(L, DIAG_ERROR, 0, "no topic files among the first %d "
                        "files the kiosk looked at; move what is not content "
                        "out of the folder", KIOSK_MAX_DIR_SCAN);
    else if (ntopics == 0)
        loader_diag_add(L, DIAG_ERROR, 0, "no topic files; add one named like "
                        "10-welcome.md (see README.md)");
    loader_file_end(L);
}

static void scan(content_loader *L)
{
    name_list nl = { L, NULL, 0, 0, 0 };
    nl.names = arena_alloc(&L->s->arena, sizeof *nl.names * KIOSK_MAX_DIR_ENTRIES);
    if (!nl.names)
        return;
    fs_status st = L->fs->list(L->fs->ctx, L->dir, list_each, &nl);
    loader_file_begin(L, CONTENT_FOLDER, 0);
    if (st != FS_OK) {
        loader_diag_add(L, DIAG_ERROR, 0, "%s cannot be read: %s", L->dir,
                        st == FS_NOT_FOUND ? "there is no such folder"
                        : st == FS_DENIED ? "the kiosk is not allowed to read it"
                        : st == FS_NOT_REGULAR ? "it is not a folder"
                        : "the disk could not be read");
        return;
    }
    int partial = nl.seen > KIOSK_MAX_DIR_SCAN || nl.dropped > 0;
    if (nl.seen > KIOSK_MAX_DIR_SCAN)
        loader_diag_add(L, DIAG_ERROR, 0, "the folder holds more than %d files; "
                        "the kiosk looked at the first %d only, so topics may be "
                        "missing. Move what is not content (photos, backups) "
                        "elsewhere", KIOSK_MAX_DIR_SCAN, KIOSK_MAX_DIR_SCAN);
    else if (nl.dropped > 0)
        loader_diag_add(L, DIAG_ERROR, 0, "the folder holds more than %d files "
                        "ending in .md or .ini; only the first ones were looked "
                        "at. Move what is not content elsewhere",
                        KIOSK_MAX_DIR_ENTRIES);
    else if (nl.seen > KIOSK_MAX_DIR_ENTRIES)
        loader_diag_add(L, DIAG_WARNING, 0, "the folder holds %d files; the "
                        "kiosk needs only kiosk.ini, the topic files and the "
                        "images folder. Move the rest elsewhere: every check "
                        "reads past them", nl.seen);
    qsort(nl.names, (size_t)nl.n, sizeof *nl.names, name_cmp);
    classify(L, nl.names, nl.n, partial);
}

/* Cards and images of topics that can be shown. */
static void count_usable(content_snapshot *s)
{
    for (int i = 0; i < s->ntopics; i++) {
        content_topic *t = &s->topics[i];
        if (t->nerrors)
            continue;
        s->ncards += t->ncards;
        for (int c = 0; c < t->ncards; c++)
            for (int b = 0; b < t->cards[c].nblocks; b++)
                s->nimages += t->cards[c].blocks[b].kind == BLOCK_IMAGE;
    }
}

content_snapshot *content_load(const char *dir, const kiosk_fs *fs)
{
    content_snapshot *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    arena_init(&s->arena, KIOSK_MAX_SNAPSHOT_BYTES);
    content_loader L = { .s = s, .fs = fs, .dir = dir };
    L.diags = malloc(sizeof *L.diags * KIOSK_MAX_DIAGS);
    L.buf = malloc(KIOSK_MAX_FILE_BYTES + 1);
    L.bufcap = KIOSK_MAX_FILE_BYTES + 1;
    L.imgbuf = malloc(KIOSK_IMAGE_HEAD_BYTES);
    L.images = malloc(sizeof *L.images * KIOSK_MAX_IMAGES);
    if (!L.diags || !L.buf || !L.imgbuf || !L.images) {
        free(L.diags), free(L.buf), free(L.imgbuf), free(L.images);
        content_free(s);
        return NULL;
    }
    scan(&L);
    loop_resolve(&L);
    if (s->arena.failed) {
        loader_file_begin(&L, CONTENT_FOLDER, 0);
        loader_diag_add(&L, DIAG_ERROR, 0, "there is more content than the "
                        "kiosk can hold in memory; remove some topics or cards");
    }
    count_usable(s);
    diags_finish(&L);
    free(L.diags), free(L.buf), free(L.imgbuf), free(L.images);
    return s;
}

void content_free(content_snapshot *s)
{
    if (!s)
        return;
    arena_fini(&s->arena);
    free(s);
}

int content_usable(const content_snapshot *s)
{
    return s && s->nerrors == 0;
}
