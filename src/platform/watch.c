/* watch.c — inotify on the content folder, every folder under it (a topic
 * may show a picture from any of them) and its parent (for the folder itself
 * being replaced), with a settle timer and a table of files still open for
 * writing. */
#include "watch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/kiosk_limits.h"
#include "core/visits_name.h"

/* A file changed and not yet closed (IN_MODIFY without a later
 * IN_CLOSE_WRITE): a writer may still be adding to it. */
typedef struct watch_writer {
    int wd;                             /* -1: slot free */
    long long since_ms;                 /* its first change while open */
    char name[NAME_MAX + 1];
} watch_writer;

/* Why some folders are not watched, if any. */
typedef enum watch_gap {
    WATCH_ALL,          /* every folder is watched */
    WATCH_OVER_BOUND,   /* more folders than KIOSK_MAX_WATCHED_FOLDERS */
    WATCH_OVER_SYSTEM   /* the system's inotify limit was reached first */
} watch_gap;

struct platform_watch {
    int fd;
    int wd_dir, wd_parent;              /* -1 when not watched */
    int wd_sub[KIOSK_MAX_WATCHED_FOLDERS - 1];   /* folders under dir */
    int nsub;
    int rewalk;                         /* a folder came or went under dir */
    watch_gap gap;
    char dir[PATH_MAX];
    char parent[PATH_MAX];
    char base[NAME_MAX + 1];            /* the folder's name in parent */
    int settle_ms;
    int pending;                        /* a change since the last settle */
    long long last_ms;                  /* when the last change arrived */
    int open_cap_ms;
    watch_writer writer[PLATFORM_WATCH_WRITERS];   /* fixed: no allocation per event */
};

/* A number from kiosk_limits.h in a message. */
#define WATCH_WORDS_(x) #x
#define WATCH_WORDS(x) WATCH_WORDS_(x)

/* What staff change; IN_MODIFY too, so an upload in pieces keeps the timer
 * running until its last piece, and marks the file open until IN_CLOSE_WRITE. */
#define DIR_EVENTS (IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | \
                    IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | \
                    IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
#define PARENT_EVENTS (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | \
                       IN_ONLYDIR)

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && !strcasecmp(s + n - m, tail);
}

/* Names whose changes never matter: the kiosk's own STATUS.txt, and what
 * the parser ignores anyway (dotfiles incl. macOS ._*, editor leftovers). An
 * editor's "write temp, rename to x.md" still counts: its IN_MOVED_TO names
 * x.md. */
static int name_ignored(const char *n)
{
    if (visits_report_name(n))
        return 1;   /* the kiosk's own visits summary (run_visits.c) */
    return n[0] == '.' || !strcmp(n, "STATUS.txt") || ends_with(n, "~") ||
           ends_with(n, ".swp") || ends_with(n, ".swx") ||
           !strncmp(n, "~$", 2) || ends_with(n, ".tmp") || !strcmp(n, "4913");
}

/* 1 when wd is one of the folder watches (dir or under it). */
static int watched(const platform_watch *w, int wd)
{
    if (wd < 0)
        return 0;
    if (wd == w->wd_dir)
        return 1;
    for (int i = 0; i < w->nsub; i++)
        if (w->wd_sub[i] == wd)
            return 1;
    return 0;
}

static watch_writer *writer_find(platform_watch *w, int wd, const char *name)
{
    for (int i = 0; i < PLATFORM_WATCH_WRITERS; i++)
        if (w->writer[i].wd == wd && wd >= 0 && !strcmp(w->writer[i].name, name))
            return &w->writer[i];
    return NULL;
}

/* A free slot, or the one open longest (most likely a writer that never
 * closes, which the cap would soon let go anyway). */
static watch_writer *writer_slot(platform_watch *w)
{
    watch_writer *oldest = &w->writer[0];
    for (int i = 0; i < PLATFORM_WATCH_WRITERS; i++) {
        if (w->writer[i].wd < 0)
            return &w->writer[i];
        if (w->writer[i].since_ms < oldest->since_ms)
            oldest = &w->writer[i];
    }
    return oldest;
}

static void writer_open(platform_watch *w, int wd, const char *name, long long now_ms)
{
    if (writer_find(w, wd, name) || strlen(name) >= sizeof w->writer[0].name)
        return;
    watch_writer *s = writer_slot(w);
    s->wd = wd;
    s->since_ms = now_ms;
    strcpy(s->name, name);
}

static void writer_closed(platform_watch *w, int wd, const char *name)
{
    watch_writer *s = writer_find(w, wd, name);
    if (s)
        s->wd = -1;
}

/* Writers in a folder no longer watched (replaced, removed) do not matter:
 * their files are not the ones a reload reads. */
static void writers_keep_watched(platform_watch *w)
{
    for (int i = 0; i < PLATFORM_WATCH_WRITERS; i++) {
        if (!watched(w, w->writer[i].wd))
            w->writer[i].wd = -1;
    }
}

/* A sub-folder found by the walk: watched if there is room, its path kept
 * in paths (by its index) for the walk to look inside. Not following a
 * link: what it points to inside the folder is watched where it is, and
 * the content may not show what it points to outside. */
static void walk_add(platform_watch *w, char **paths, const char *path)
{
    if (w->nsub == KIOSK_MAX_WATCHED_FOLDERS - 1) {
        w->gap = WATCH_OVER_BOUND;
        return;
    }
    int wd = inotify_add_watch(w->fd, path, DIR_EVENTS | IN_DONT_FOLLOW);
    if (wd < 0) {
        if (errno == ENOSPC)
            w->gap = WATCH_OVER_SYSTEM;
        return;   /* gone meanwhile, or not readable: nothing to show there */
    }
    if (watched(w, wd))
        return;   /* the same folder twice (a bind mount): once */
    paths[w->nsub] = strdup(path);   /* NULL: watched, not looked inside */
    w->wd_sub[w->nsub++] = wd;
}

/* 1 when entry de of folder fd is a folder that matters (not a link). */
static int sub_folder(int fd, const struct dirent *de)
{
    struct stat st;
    if (de->d_name[0] == '.')
        return 0;   /* ".", "..", and dotfolders, as for files (name_ignored) */
    if (de->d_type != DT_UNKNOWN)
        return de->d_type == DT_DIR;
    return fstatat(fd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
           S_ISDIR(st.st_mode);
}

/* Watches the sub-folders of path. */
static void walk_folder(platform_watch *w, char **paths, const char *path)
{
    char sub[PATH_MAX];
    DIR *d = opendir(path);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (!sub_folder(dirfd(d), de))
            continue;
        int n = snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
        if (n > 0 && (size_t)n < sizeof sub)
            walk_add(w, paths, sub);
    }
    closedir(d);
}

/* Every folder under dir, breadth first: if the bound is reached, the
 * folders left out are the deepest, the least likely to hold pictures. */
static void walk(platform_watch *w)
{
    char **paths = calloc(KIOSK_MAX_WATCHED_FOLDERS, sizeof *paths);
    if (!paths)
        return;   /* only dir is watched; its changes still reload */
    walk_folder(w, paths, w->dir);
    for (int i = 0; i < w->nsub; i++)
        if (paths[i])
            walk_folder(w, paths, paths[i]);
    for (int i = 0; i < w->nsub; i++)
        free(paths[i]);
    free(paths);
}

/* The system log hears once when the gap opens (STATUS.txt says it every
 * time, from platform_watch_problem). */
static void log_gap(const platform_watch *w, watch_gap before)
{
    if (w->gap != WATCH_ALL && w->gap != before)
        fprintf(stderr, "kiosk: %s\n", platform_watch_problem(w));
}

/* (Re)arms the watches of dir and every folder under it on whatever the
 * paths name now. A folder still watched gets its watch descriptor back
 * (inotify(7)), so its writers stay tracked; watches of folders gone from
 * the tree are dropped. */
static void arm(platform_watch *w)
{
    int old_dir = w->wd_dir, old_n = w->nsub;
    int old[KIOSK_MAX_WATCHED_FOLDERS - 1];
    memcpy(old, w->wd_sub, sizeof old[0] * (size_t)old_n);
    watch_gap before = w->gap;
    w->nsub = 0;
    w->gap = WATCH_ALL;
    w->wd_dir = inotify_add_watch(w->fd, w->dir, DIR_EVENTS);
    if (w->wd_dir >= 0)
        walk(w);
    if (old_dir >= 0 && !watched(w, old_dir))
        inotify_rm_watch(w->fd, old_dir);   /* fails harmlessly if already gone */
    for (int i = 0; i < old_n; i++)
        if (!watched(w, old[i]))
            inotify_rm_watch(w->fd, old[i]);
    w->rewalk = 0;
    writers_keep_watched(w);
    log_gap(w, before);
}

/* Fills dir, parent and base from dir; 0 when a part is too long. */
static int split_path(platform_watch *w, const char *dir)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    if (n == 0 || n >= sizeof w->dir)
        return 0;
    memcpy(w->dir, dir, n);
    w->dir[n] = '\0';
    const char *slash = strrchr(w->dir, '/');
    const char *base = slash ? slash + 1 : w->dir;
    size_t plen = !slash ? 0 : slash == w->dir ? 1 : (size_t)(slash - w->dir);
    if (strlen(base) >= sizeof w->base)
        return 0;
    strcpy(w->base, base);
    if (!slash)
        strcpy(w->parent, ".");
    else {
        memcpy(w->parent, w->dir, plen);
        w->parent[plen] = '\0';
    }
    return 1;
}

platform_watch *platform_watch_open(const char *dir, int settle_ms)
{
    platform_watch *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd < 0 || !split_path(w, dir)) {
        if (w->fd >= 0)
            close(w->fd);
        free(w);
        return NULL;
    }
    w->wd_dir = -1;
    for (int i = 0; i < PLATFORM_WATCH_WRITERS; i++)
        w->writer[i].wd = -1;
    w->open_cap_ms = PLATFORM_WATCH_OPEN_CAP_MS;
    w->settle_ms = settle_ms > 0 ? settle_ms : PLATFORM_WATCH_SETTLE_MS;
    w->wd_parent = inotify_add_watch(w->fd, w->parent, PARENT_EVENTS);
    arm(w);
    return w;
}

void platform_watch_close(platform_watch *w)
{
    if (!w)
        return;
    close(w->fd);
    free(w);
}

void platform_watch_set_open_cap(platform_watch *w, int cap_ms)
{
    if (w && cap_ms >= 0)
        w->open_cap_ms = cap_ms;
}

int platform_watch_fd(const platform_watch *w)
{
    return w ? w->fd : -1;
}

static void changed(platform_watch *w, long long now_ms)
{
    w->pending = 1;
    w->last_ms = now_ms;
}

/* A file in a watched folder that matters: is a writer still at it? A
 * rename away or a delete ends it too: that name no longer holds its file. */
static void track_writer(platform_watch *w, const struct inotify_event *ev,
                         long long now_ms)
{
    if (ev->mask & IN_ISDIR)
        return;
    if (ev->mask & (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE))
        writer_closed(w, ev->wd, ev->name);
    else if (ev->mask & IN_MODIFY)
        writer_open(w, ev->wd, ev->name, now_ms);
}

/* A change to a file in a watched folder; returns 1 when it matters. */
static int file_event(platform_watch *w, const struct inotify_event *ev,
                      long long now_ms)
{
    if (!ev->len || name_ignored(ev->name))
        return 0;   /* vim's .swp stays open and changing: never a writer */
    track_writer(w, ev, now_ms);
    return 1;
}

/* One event; returns 1 when it matters. */
static int handle(platform_watch *w, const struct inotify_event *ev, long long now_ms)
{
    const char *name = ev->len ? ev->name : "";
    if (ev->mask & IN_Q_OVERFLOW) {
        /* Events were lost: assume anything happened. Writers stay tracked:
         * a lost close costs at most the cap, a wrongly forgotten writer
         * could show half a file. */
        arm(w);
        return 1;
    }
    if (ev->wd == w->wd_parent) {
        if (strcmp(name, w->base))
            return 0;
        arm(w);   /* the folder was created, removed or replaced */
        return 1;
    }
    if (ev->wd == w->wd_dir && (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF))) {
        arm(w);
        return 1;
    }
    if (!watched(w, ev->wd))
        return 0;   /* IN_IGNORED of a watch we already dropped, and the like */
    if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF))
        return 1;   /* a sub-folder: its parent's event sets rewalk */
    if ((ev->mask & IN_ISDIR) && name[0] != '.' &&
        (ev->mask & (IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM)))
        w->rewalk = 1;   /* watch the new one, with all it holds, at the end */
    return file_event(w, ev, now_ms);
}

int platform_watch_drain(platform_watch *w, long long now_ms)
{
    /* Aligned for struct inotify_event, as inotify(7) asks. */
    char buf[16 * 1024] __attribute__((aligned(__alignof__(struct inotify_event))));
    int any = 0;
    if (!w)
        return 0;
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        for (char *p = buf; p < buf + n; ) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            any |= handle(w, ev, now_ms);
            p += sizeof *ev + ev->len;
        }
    }
    if (w->rewalk)
        arm(w);
    if (any)
        changed(w, now_ms);
    return any;
}

/* When a reload may start: settle_ms after the last change, and not while
 * a changed file is still open, up to the cap from its first change. */
static long long ready_at(const platform_watch *w)
{
    long long t = w->last_ms + w->settle_ms;
    for (int i = 0; i < PLATFORM_WATCH_WRITERS; i++) {
        const watch_writer *s = &w->writer[i];
        if (s->wd >= 0 && s->since_ms + w->open_cap_ms > t)
            t = s->since_ms + w->open_cap_ms;
    }
    return t;
}

int platform_watch_settled(platform_watch *w, long long now_ms)
{
    if (!w || !w->pending || now_ms < ready_at(w))
        return 0;
    w->pending = 0;
    return 1;
}

const char *platform_watch_problem(const platform_watch *w)
{
    if (!w || w->gap == WATCH_ALL)
        return NULL;
    if (w->gap == WATCH_OVER_SYSTEM)
        return "changes in some folders of the content folder are not noticed, "
               "because the system allows no more folders to be watched; move "
               "folders the kiosk does not show out of the content folder, and "
               "restart the kiosk after changing files in the others";
    return "changes in some folders of the content folder are not noticed, "
           "because it holds more than " WATCH_WORDS(KIOSK_MAX_WATCHED_FOLDERS)
           " folders and the kiosk watches that many at most; move folders the "
           "kiosk does not show out of the content folder, and restart the "
           "kiosk after changing files in the others";
}

int platform_watch_timeout_ms(const platform_watch *w, long long now_ms)
{
    if (!w || !w->pending)
        return -1;
    long long left = ready_at(w) - now_ms;
    return left < 0 ? 0 : left > 0x7fffffff ? 0x7fffffff : (int)left;
}
