/* lastgood.c — saving the files of a usable snapshot to STATE/last-good with
 * a write-sync-rename dance, and putting the state folder right after a crash. */
#include "lastgood.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A number from kiosk_limits.h in a message. */
#define WORDS_(x) #x
#define WORDS(x) WORDS_(x)

#define INCOMING ".incoming"
#define PREVIOUS ".previous"

enum { PATH_CAP = 4096 };

/* STATE/name into buf; 0 when it does not fit. */
static int join(char *buf, size_t cap, const char *a, const char *b)
{
    int n = snprintf(buf, cap, "%s/%s", a, b);
    return n > 0 && (size_t)n < cap;
}

int lastgood_path(const char *state, char *buf, size_t cap)
{
    return join(buf, cap, state, LASTGOOD_DIR);
}

int lastgood_exists(const lastgood_os *os, const char *state)
{
    char lg[PATH_CAP];
    return lastgood_path(state, lg, sizeof lg) && os->is_dir(os->ctx, lg);
}

lastgood_status lastgood_recover(const lastgood_os *os, const char *state)
{
    char lg[PATH_CAP], prev[PATH_CAP], inc[PATH_CAP];
    if (!join(lg, sizeof lg, state, LASTGOOD_DIR) ||
        !join(prev, sizeof prev, state, PREVIOUS) ||
        !join(inc, sizeof inc, state, INCOMING))
        return LG_NAME_LONG;
    lastgood_status st = LG_OK;
    if (os->is_dir(os->ctx, prev)) {
        if (!os->is_dir(os->ctx, lg)) {
            /* Crashed after moving the old copy aside, before the new one
             * took its place: the old one is complete and was usable. */
            st = os->rename(os->ctx, prev, lg);
            if (st == LG_OK)
                st = os->sync_dir(os->ctx, state);
        } else {
            /* Crashed after the swap: the aside copy is just litter. */
            st = os->remove_tree(os->ctx, prev);
        }
    }
    lastgood_status st2 = os->remove_tree(os->ctx, inc);
    return st != LG_OK ? st : st2;
}

/* The source files of a snapshot: kiosk.ini, each topic's file, each image
 * (once). Pointers into the snapshot; n is bounded by kiosk_limits.h. */
typedef struct file_list {
    const char *name[KIOSK_MAX_LASTGOOD_FILES];
    int n;
} file_list;

static int list_add(file_list *l, const char *name)
{
    for (int i = 0; i < l->n; i++)
        if (!strcmp(l->name[i], name))
            return 1;
    if (l->n == KIOSK_MAX_LASTGOOD_FILES)
        return 0;
    l->name[l->n++] = name;
    return 1;
}

/* Each translation's kiosk.ini and topic files, and the pictures its
 * topics show (written as in the default language: images/x.jpg). */
static int list_translations(file_list *l, const content_snapshot *s)
{
    for (int g = 1; g < s->nlangs; g++) {
        const content_lang *lang = &s->langs[g];
        for (int f = 0; f < lang->nfiles; f++)
            if (!list_add(l, lang->files[f]))
                return 0;
        for (int t = 0; t < s->ntopics; t++)
            for (int c = 0; c < lang->topics[t].ncards; c++)
                for (int b = 0; b < lang->topics[t].cards[c].nblocks; b++) {
                    const content_block *bl = &lang->topics[t].cards[c].blocks[b];
                    if (bl->kind == BLOCK_IMAGE && bl->image && !list_add(l, bl->image))
                        return 0;
                }
    }
    return 1;
}

static int list_from_snapshot(file_list *l, const content_snapshot *s)
{
    l->n = 0;
    if (!list_add(l, "kiosk.ini"))
        return 0;
    for (int t = 0; t < s->ntopics; t++) {
        const content_topic *tp = &s->topics[t];
        if (!list_add(l, tp->file))
            return 0;
        for (int c = 0; c < tp->ncards; c++)
            for (int b = 0; b < tp->cards[c].nblocks; b++) {
                const content_block *bl = &tp->cards[c].blocks[b];
                if (bl->kind == BLOCK_IMAGE && bl->image && !list_add(l, bl->image))
                    return 0;
            }
        if (tp->image && !list_add(l, tp->image))
            return 0;
    }
    return list_translations(l, s);
}

/* The parser already refused these; checked again because this path is
 * joined to a folder we write in. */
static int safe_rel(const char *rel)
{
    size_t n = strlen(rel);
    if (n == 0 || n > KIOSK_MAX_PATH_BYTES || rel[0] == '/' || strchr(rel, '\\'))
        return 0;
    for (const char *p = rel; *p; ) {
        const char *e = strchr(p, '/');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == 0 || (len == 1 && p[0] == '.') || (len == 2 && !strncmp(p, "..", 2)))
            return 0;
        p += len + (e ? 1 : 0);
    }
    return 1;
}

/* A folder of the copy: the first len bytes of rel ("images" of
 * "images/x.jpg"), pointing into the snapshot like the file list. */
typedef struct folder {
    const char *rel;
    size_t len;
} folder;

/* One save in progress: buffers and the folders made inside .incoming. */
typedef struct save_job {
    const lastgood_os *os;
    const kiosk_fs *fs;
    const char *content;
    const content_snapshot *snap;
    char inc[PATH_CAP];
    char *buf;
    size_t cap;
    size_t picture_bytes;               /* pictures written so far */
    folder *dirs;                       /* every subfolder, parents first */
    int ndirs;
} save_job;

/* Reads content/rel whole into j->buf; *len its size. */
static lastgood_status read_source(save_job *j, const char *rel, size_t *len)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        size_t total = 0;
        fs_status fst = j->fs->read(j->fs->ctx, j->content, rel, j->buf, j->cap,
                                    len, &total);
        if (fst != FS_OK)
            return LG_SOURCE;
        if (total <= j->cap && *len == total)
            return LG_OK;
        if (total > KIOSK_MAX_IMAGE_BYTES)
            return LG_SOURCE;   /* the check refused bigger: it changed since */
        /* Bigger than the buffer: grow once to the size stat saw. */
        char *nb = realloc(j->buf, total + 1);
        if (!nb)
            return LG_RESOURCES;
        j->buf = nb;
        j->cap = total + 1;
    }
    return LG_SOURCE;   /* it kept growing while we read: still being written */
}

/* Parents sort before their subfolders: a prefix before what extends it. */
static int folder_cmp(const void *a, const void *b)
{
    const folder *x = a, *y = b;
    int c = memcmp(x->rel, y->rel, x->len < y->len ? x->len : y->len);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* Every folder the files of l are in, once each, parents first. As many as
 * the paths hold, so no limit of its own: what --check passes is copied. */
static lastgood_status list_folders(save_job *j, const file_list *l)
{
    size_t n = 0;
    for (int i = 0; i < l->n; i++)
        for (const char *p = strchr(l->name[i], '/'); p; p = strchr(p + 1, '/'))
            n++;
    j->dirs = malloc((n ? n : 1) * sizeof *j->dirs);
    if (!j->dirs)
        return LG_RESOURCES;
    for (int i = 0; i < l->n; i++)
        for (const char *p = strchr(l->name[i], '/'); p; p = strchr(p + 1, '/'))
            j->dirs[j->ndirs++] = (folder){ l->name[i], (size_t)(p - l->name[i]) };
    qsort(j->dirs, (size_t)j->ndirs, sizeof *j->dirs, folder_cmp);
    int kept = 0;
    for (int i = 0; i < j->ndirs; i++)
        if (kept == 0 || folder_cmp(&j->dirs[kept - 1], &j->dirs[i]))
            j->dirs[kept++] = j->dirs[i];
    j->ndirs = kept;
    return LG_OK;
}

/* .incoming/FOLDER into buf; 0 when it does not fit. */
static int folder_path(const save_job *j, const folder *d, char *buf, size_t cap)
{
    int n = snprintf(buf, cap, "%s/%.*s", j->inc, (int)d->len, d->rel);
    return n > 0 && (size_t)n < cap;
}

/* Makes every folder of the copy inside .incoming, parents first. */
static lastgood_status make_folders(save_job *j)
{
    char path[PATH_CAP];
    for (int i = 0; i < j->ndirs; i++) {
        if (!folder_path(j, &j->dirs[i], path, sizeof path))
            return LG_NAME_LONG;
        lastgood_status st = j->os->make_dir(j->os->ctx, path);
        if (st != LG_OK)
            return st;
    }
    return LG_OK;
}

/* Everything but kiosk.ini and the topic files: what --check adds up
 * against KIOSK_MAX_PICTURES_BYTES. */
static int is_picture(const save_job *j, const char *rel)
{
    if (!strcmp(rel, "kiosk.ini"))
        return 0;
    for (int t = 0; t < j->snap->ntopics; t++)
        if (!strcmp(j->snap->topics[t].file, rel))
            return 0;
    return 1;
}

static lastgood_status copy_file(save_job *j, const char *rel)
{
    char path[PATH_CAP];
    size_t len = 0;
    if (!safe_rel(rel))
        return LG_SOURCE;
    if (!join(path, sizeof path, j->inc, rel))
        return LG_NAME_LONG;
    lastgood_status st = read_source(j, rel, &len);
    if (st != LG_OK)
        return st;
    if (is_picture(j, rel))
        j->picture_bytes += len;
    if (j->picture_bytes > KIOSK_MAX_PICTURES_BYTES)
        return LG_TOO_BIG;
    return j->os->write_file(j->os->ctx, path, j->buf, len);
}

/* Subfolders before their parents, then .incoming itself: every name durable. */
static lastgood_status sync_incoming(save_job *j)
{
    char path[PATH_CAP];
    for (int i = j->ndirs - 1; i >= 0; i--) {
        if (!folder_path(j, &j->dirs[i], path, sizeof path))
            return LG_NAME_LONG;
        lastgood_status st = j->os->sync_dir(j->os->ctx, path);
        if (st != LG_OK)
            return st;
    }
    return j->os->sync_dir(j->os->ctx, j->inc);
}

/* The copy must load cleanly on its own, or it is no last good copy. */
static lastgood_status verify_incoming(save_job *j)
{
    content_snapshot *c = content_load(j->inc, j->fs);
    if (!c)
        return LG_RESOURCES;
    int ok = content_usable(c);
    content_free(c);
    return ok ? LG_OK : LG_NOT_USABLE;
}

static lastgood_status write_incoming(save_job *j, const file_list *l,
                                      const char *stamp)
{
    lastgood_status st = j->os->make_dir(j->os->ctx, j->inc);
    if (st == LG_OK)
        st = make_folders(j);
    for (int i = 0; st == LG_OK && i < l->n; i++)
        st = copy_file(j, l->name[i]);
    if (st == LG_OK && stamp) {
        char path[PATH_CAP];
        if (!join(path, sizeof path, j->inc, LASTGOOD_STAMP))
            return LG_NAME_LONG;
        st = j->os->write_file(j->os->ctx, path, stamp, strlen(stamp));
    }
    if (st == LG_OK)
        st = sync_incoming(j);
    if (st == LG_OK)
        st = verify_incoming(j);
    return st;
}

/* old last-good aside, .incoming in its place, STATE synced, old removed. */
static lastgood_status swap_in(const lastgood_os *os, const char *state,
                               const char *inc)
{
    char lg[PATH_CAP], prev[PATH_CAP];
    if (!join(lg, sizeof lg, state, LASTGOOD_DIR) ||
        !join(prev, sizeof prev, state, PREVIOUS))
        return LG_NAME_LONG;
    int had = os->is_dir(os->ctx, lg);
    lastgood_status st = LG_OK;
    if (had && (st = os->rename(os->ctx, lg, prev)) != LG_OK)
        return st;
    st = os->rename(os->ctx, inc, lg);
    if (st != LG_OK) {
        if (had)
            os->rename(os->ctx, prev, lg);   /* put the old copy back */
        return st;
    }
    st = os->sync_dir(os->ctx, state);
    if (st != LG_OK)
        return st;   /* new copy in place; lastgood_recover tidies .previous */
    if (had)
        os->remove_tree(os->ctx, prev);      /* litter at worst: recover removes it */
    return LG_OK;
}

lastgood_status lastgood_save(const lastgood_os *os, const kiosk_fs *fs,
                              const char *state, const char *content,
                              const content_snapshot *s, const char *stamp)
{
    if (!s || !content_usable(s))
        return LG_NOT_USABLE;
    file_list *l = malloc(sizeof *l);
    save_job *j = calloc(1, sizeof *j);
    if (!l || !j) {
        free(l);
        free(j);
        return LG_RESOURCES;
    }
    lastgood_status st = list_from_snapshot(l, s) ? LG_OK : LG_TOO_BIG;
    j->os = os;
    j->fs = fs;
    j->content = content;
    j->snap = s;
    j->cap = 64 * 1024;   /* grows to the largest file read */
    j->buf = malloc(j->cap);
    if (!j->buf)
        st = LG_RESOURCES;
    else if (!join(j->inc, sizeof j->inc, state, INCOMING))
        st = LG_NAME_LONG;
    if (st == LG_OK)
        st = list_folders(j, l);
    if (st == LG_OK)
        st = os->make_dir(os->ctx, state);
    if (st == LG_OK)
        st = lastgood_recover(os, state);
    if (st == LG_OK)
        st = write_incoming(j, l, stamp);
    if (st == LG_OK)
        st = swap_in(os, state, j->inc);
    if (st != LG_OK)
        os->remove_tree(os->ctx, j->inc);
    free(j->dirs);
    free(j->buf);
    free(j);
    free(l);
    return st;
}

int lastgood_stamp(const kiosk_fs *fs, const char *state, char *buf, size_t cap)
{
    char lg[PATH_CAP];
    size_t len = 0, total = 0;
    if (cap == 0)
        return 0;
    buf[0] = '\0';
    if (!lastgood_path(state, lg, sizeof lg))
        return 0;
    if (fs->read(fs->ctx, lg, LASTGOOD_STAMP, buf, cap - 1, &len, &total) != FS_OK)
        return 0;
    buf[len] = '\0';
    /* One line of plain text: keep it so whatever the file holds. */
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)buf[i] < 0x20)
            buf[i] = i + 1 == len ? '\0' : ' ';
    return 1;
}

const char *lastgood_message(lastgood_status st)
{
    switch (st) {
    case LG_OK:
        return "";
    case LG_FULL:
        return "the backup copy of the content could not be saved because the "
               "disk is full; the older backup copy is kept. Free some space, "
               "then save any content file again";
    case LG_DENIED:
        return "the backup copy of the content could not be saved because the "
               "kiosk is not allowed to write in its state folder; the older "
               "backup copy is kept. Ask whoever set up the kiosk to check the "
               "state folder's owner and permissions";
    case LG_MISSING:
        return "the backup copy of the content could not be saved because the "
               "state folder, or the folder it is in, is missing; the older "
               "backup copy is kept. Ask whoever set up the kiosk to check the "
               "state folder";
    case LG_NOT_FOLDER:
        return "the backup copy of the content could not be saved because the "
               "state folder, or a name inside it, is not a folder (a file, or "
               "a link to a folder that is not there); the older backup copy is "
               "kept. Ask whoever set up the kiosk to check the state folder";
    case LG_NAME_LONG:
        return "the backup copy of the content could not be saved because the "
               "state folder's path is too long; the older backup copy is kept. "
               "Ask whoever set up the kiosk to give a shorter state folder";
    case LG_RESOURCES:
        return "the backup copy of the content could not be saved because the "
               "kiosk ran short of memory or open files; the older backup copy "
               "is kept and it is tried again after the next change. If this "
               "keeps happening, restart the kiosk";
    case LG_SOURCE:
        return "the backup copy of the content was not saved because a content "
               "file changed or vanished while it was copied; it is saved again "
               "after the next change";
    case LG_TOO_BIG:
        return "the backup copy of the content was not saved because the "
               "pictures add up to more than " WORDS(KIOSK_MAX_PICTURES_MB)
               " MB; the older backup copy is kept. Save the pictures smaller "
               "or use fewer of them";
    case LG_NOT_USABLE:
        return "the backup copy of the content was not saved because the content "
               "has problems; fix the problems listed here";
    case LG_IO:
    default:
        return "the backup copy of the content could not be saved because the "
               "disk reported an error while writing it; the older backup copy "
               "is kept. If this keeps happening, the SD card may be failing";
    }
}
