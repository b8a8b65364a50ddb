/* usb_import.c — the kiosk's half of a USB stick import: copy the staged
 * files beside the content folder, check them, carry staff's own files
 * over, swap with two renames (usb_import.h). */
#define _GNU_SOURCE   /* syncfs, unshare */
#include "platform/usb_import.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/content.h"
#include "core/fs.h"
#include "core/kiosk_limits.h"

/* What one stick may bring: what the kiosk keeps as its last good copy,
 * plus a README and room for notes the check reports but does not use. */
#define USB_MAX_FILES (KIOSK_MAX_LASTGOOD_FILES + 64)
#define USB_MAX_BYTES (KIOSK_MAX_PICTURES_BYTES + KIOSK_MAX_INI_BYTES + \
                       KIOSK_MAX_TOPICS * KIOSK_MAX_FILE_BYTES)
/* kiosk/images/sub/x.png: the deepest a content file sits. */
#define USB_MAX_DEPTH 3
/* Staff's own entries carried over to the new folder (dotfiles, notes). */
#define USB_MAX_KEPT 256

void usb_escape(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    if (!cap)
        return;
    for (const unsigned char *p = (const unsigned char *)in; *p && n + 5 < cap; p++) {
        if (*p == '\\')
            n += (size_t)snprintf(out + n, cap - n, "\\\\");
        else if (*p == '\n')
            n += (size_t)snprintf(out + n, cap - n, "\\n");
        else if (*p == '\t')
            n += (size_t)snprintf(out + n, cap - n, "\\t");
        else if (*p == '\r')
            n += (size_t)snprintf(out + n, cap - n, "\\r");
        else if (*p < 0x20 || *p == 0x7f)
            n += (size_t)snprintf(out + n, cap - n, "\\x%02x", *p);
        else
            out[n++] = (char)*p;
    }
    out[n] = 0;
}

static int rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
    (void)sb; (void)flag; (void)f;
    return remove(p) != 0 && errno != ENOENT;
}

/* Removes path and everything under it, never following a link. */
static int remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? 0 : -1;
    return nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
}

/* a/b in out; a path too long for out becomes "" (and then fails). */
static void path_join(char *out, size_t cap, const char *a, const char *b)
{
    if (snprintf(out, cap, "%s/%s", a, b) >= (int)cap)
        out[0] = 0;
}

/* One line more for staff, escaped, if it fits. */
static void note(char *notes, size_t cap, const char *line)
{
    size_t n = strlen(notes);
    if (n + 2 >= cap)
        return;
    usb_escape(line, notes + n, cap - n - 1);
    n = strlen(notes);
    notes[n++] = '\n';
    notes[n] = 0;
}

typedef struct copy_state {
    int files;
    long long bytes;
    usb_import_status err;     /* OK while all goes well */
    usb_import_gate *gate;     /* NULL: nothing stops it */
    int wfd;                   /* inotify on the staged folders, or -1 */
} copy_state;

/* Changes in the staged folders that mean the copy is not the stick's. */
#define USB_WATCH_MASK (IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MODIFY | \
                        IN_MOVED_FROM | IN_MOVED_TO | IN_MOVE_SELF | IN_CLOSE_WRITE)

/* 1 when the gate says stop (and cs->err says so). */
static int stopped(copy_state *cs)
{
    if (!cs->gate)
        return 0;
    pthread_mutex_lock(&cs->gate->mu);
    int stop = cs->gate->stop;
    pthread_mutex_unlock(&cs->gate->mu);
    if (stop && cs->err == USB_IMPORT_OK)
        cs->err = USB_IMPORT_STOPPED;
    return stop;
}

/* Starts the swap unless a stop came first; the stopper then waits for
 * leave_swap, so the two renames are never split by the kiosk's exit. */
static int enter_swap(copy_state *cs)
{
    if (!cs->gate)
        return 1;
    pthread_mutex_lock(&cs->gate->mu);
    int go = !cs->gate->stop;
    cs->gate->swapping = go;
    pthread_mutex_unlock(&cs->gate->mu);
    if (!go)
        cs->err = USB_IMPORT_STOPPED;
    return go;
}

static void leave_swap(copy_state *cs)
{
    if (!cs->gate)
        return;
    pthread_mutex_lock(&cs->gate->mu);
    cs->gate->swapping = 0;
    pthread_cond_broadcast(&cs->gate->cv);
    pthread_mutex_unlock(&cs->gate->mu);
}

/* Watches a staged folder before it is read: a change from then on (the
 * stick taken out: the stage step removes the copy) is seen by changed(). */
static void watch(copy_state *cs, const char *path)
{
    if (cs->wfd >= 0 && inotify_add_watch(cs->wfd, path, USB_WATCH_MASK) < 0) {
        close(cs->wfd);
        cs->wfd = -1;   /* no second look then; the offer check still stands */
    }
}

/* 1 (and GONE) when something in the staged folders changed. */
static int changed(copy_state *cs)
{
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    if (cs->wfd < 0 || read(cs->wfd, buf, sizeof buf) <= 0)
        return 0;
    if (cs->err == USB_IMPORT_OK)
        cs->err = USB_IMPORT_GONE;
    return 1;
}

unsigned long long usb_offer_id(const struct stat *st)
{
    unsigned long long id = (unsigned long long)st->st_ino * 1000003ull +
                            (unsigned long long)st->st_mtim.tv_sec * 1000000000ull +
                            (unsigned long long)st->st_mtim.tv_nsec;
    return id ? id : 1;
}

static int has_control(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return 1;
    return 0;
}

static void copy_file(int sfd, int dfd, const char *name, copy_state *cs)
{
    int in = openat(sfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (in < 0) {
        cs->err = USB_IMPORT_GONE;
        return;
    }
    int out = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0664);
    if (out < 0) {
        close(in);
        cs->err = USB_IMPORT_WRITE;
        return;
    }
    static char buf[64 * 1024];
    ssize_t r = 0;
    while (!stopped(cs) && (r = read(in, buf, sizeof buf)) > 0) {
        cs->bytes += r;
        if (cs->bytes > USB_MAX_BYTES) {
            cs->err = USB_IMPORT_UNUSABLE;
            break;
        }
        if (write(out, buf, (size_t)r) != r) {
            cs->err = USB_IMPORT_WRITE;
            break;
        }
    }
    if (r < 0)
        cs->err = USB_IMPORT_GONE;
    close(in);
    if (close(out) != 0 && cs->err == USB_IMPORT_OK)
        cs->err = USB_IMPORT_WRITE;
}

static int ends_with(const char *n, const char *tail)
{
    size_t a = strlen(n), b = strlen(tail);
    return a > b && !strcasecmp(n + a - b, tail);
}

/* What an import may bring, as the stage step takes it: kiosk.ini and .md
 * files at the top and in a translation's folder (es/), pictures in
 * images/ (and one folder below). */
static int wanted(const char *n, int depth, int is_dir, int in_lang)
{
    if (n[0] == '.')
        return 0;
    int picture = ends_with(n, ".png") || ends_with(n, ".jpg") || ends_with(n, ".jpeg");
    if (in_lang)
        return !is_dir && (!strcmp(n, "kiosk.ini") || ends_with(n, ".md") || picture);
    if (depth == 0)
        return is_dir ? !strcmp(n, "images") || content_lang_code(n)
                      : !strcmp(n, "kiosk.ini") || ends_with(n, ".md");
    return is_dir || picture;
}

/* Copies the ordinary files and folders of sfd into dfd; links, devices
 * names with control characters and what is no content are left out (the
 * stage step leaves none: this is the second look, as the kiosk trusts no
 * other user). */
static void copy_tree(const char *spath, int sfd, int dfd, int depth, int in_lang,
                      copy_state *cs, char *notes, size_t cap)
{
    watch(cs, spath);
    DIR *d = fdopendir(dup(sfd));
    if (!d) {
        cs->err = USB_IMPORT_GONE;
        return;
    }
    struct dirent *e;
    while (cs->err == USB_IMPORT_OK && !stopped(cs) && (e = readdir(d))) {
        const char *n = e->d_name;
        struct stat st;
        if (!strcmp(n, ".") || !strcmp(n, "..") ||
            fstatat(sfd, n, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if (has_control(n) || !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) ||
            !wanted(n, depth, S_ISDIR(st.st_mode), in_lang)) {
            char line[600];
            snprintf(line, sizeof line, "Not copied: %s (not an ordinary file)", n);
            note(notes, cap, line);
            continue;
        }
        if (++cs->files > USB_MAX_FILES) {
            cs->err = USB_IMPORT_UNUSABLE;
            break;
        }
        if (S_ISREG(st.st_mode)) {
            copy_file(sfd, dfd, n, cs);
            continue;
        }
        if (depth + 1 >= USB_MAX_DEPTH || mkdirat(dfd, n, 0775) != 0) {
            if (depth + 1 < USB_MAX_DEPTH)
                cs->err = USB_IMPORT_WRITE;
            continue;
        }
        int s2 = openat(sfd, n, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        int d2 = openat(dfd, n, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        char sub[PATH_MAX];
        path_join(sub, sizeof sub, spath, n);
        if (s2 >= 0 && d2 >= 0)
            copy_tree(sub, s2, d2, depth + 1, depth == 0 && content_lang_code(n), cs,
                      notes, cap);
        else
            cs->err = s2 < 0 ? USB_IMPORT_GONE : USB_IMPORT_WRITE;
        if (s2 >= 0)
            close(s2);
        if (d2 >= 0)
            close(d2);
    }
    closedir(d);
}

/* kiosk.ini, a topic file ("10-name.md"), the images folder or a
 * translation's folder ("es"): what an import replaces. Everything else in
 * the content folder is staff's. */
static int is_content_name(const char *n)
{
    if (!strcmp(n, "kiosk.ini") || !strcmp(n, "images") || content_lang_code(n))
        return 1;
    const char *p = n;
    while (isdigit((unsigned char)*p))
        p++;
    size_t len = strlen(n);
    return p != n && *p == '-' && len > 3 && !strcasecmp(n + len - 3, ".md");
}

/* Moves staff's own entries of content into tmp (those tmp does not have
 * already). Returns 0, or -1 after moving back what it had moved. */
static int carry_over(const char *content, const char *tmp)
{
    static char kept[USB_MAX_KEPT][256];
    int nkept = 0, rc = 0;
    DIR *d = opendir(content);
    if (!d)
        return errno == ENOENT ? 0 : -1;
    struct dirent *e;
    char from[PATH_MAX], to[PATH_MAX];
    struct stat st;
    while ((e = readdir(d))) {
        const char *n = e->d_name;
        if (!strcmp(n, ".") || !strcmp(n, "..") || is_content_name(n) || strlen(n) > 255)
            continue;
        path_join(to, sizeof to, tmp, n);
        if (lstat(to, &st) == 0)
            continue;   /* the stick brings its own (a README.md) */
        path_join(from, sizeof from, content, n);
        if (nkept == USB_MAX_KEPT || rename(from, to) != 0) {
            rc = -1;
            break;
        }
        snprintf(kept[nkept++], sizeof kept[0], "%s", n);
    }
    closedir(d);
    if (rc != 0)
        for (int i = 0; i < nkept; i++) {
            path_join(from, sizeof from, content, kept[i]);
            path_join(to, sizeof to, tmp, kept[i]);
            rename(to, from);
        }
    return rc;
}

static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        syncfs(fd);
        close(fd);
    }
}

/* mkdir with the permission bits of perm whatever the umask (the kiosk's
 * unit has UMask=0007, which would make 2775 2770): the umask is 0 around
 * it in this thread alone, which unshare(CLONE_FS) gives a umask of its own
 * (the main thread goes on writing STATUS.txt with the unit's). Without
 * that the folder gets the umask's bits, and match_folder says so. */
static int mkdir_exact(const char *dir, mode_t perm)
{
    if (unshare(CLONE_FS) != 0)
        return mkdir(dir, perm & 01777);
    mode_t mask = umask(0);
    int rc = mkdir(dir, perm & 01777);
    int e = errno;
    umask(mask);
    errno = e;
    return rc;
}

static void group_name(gid_t gid, char *out, size_t cap)
{
    struct group gr, *found = NULL;
    char buf[1024];
    if (getgrgid_r(gid, &gr, buf, sizeof buf, &found) == 0 && found)
        snprintf(out, cap, "%s", gr.gr_name);
    else
        snprintf(out, cap, "%ld", (long)gid);
}

/* tmp's group and mode made the old content folder's (old), where they
 * differ and the unit lets the kiosk (no chown at all; no chmod to a mode
 * with the set-group-ID bit under RestrictSUIDSGID=yes, and a chmod without
 * it clears the bit the folder got from its parent); what still differs is
 * said in the journal. Not a reason to refuse the stick: the content is
 * what staff confirmed, and the folder's mode is install.sh's to set (it
 * sets 2775 and group staff again on every run). */
static void match_folder(const char *tmp, const char *content, const struct stat *old)
{
    struct stat st;
    char why[200] = "";
    mode_t want = old->st_mode & 07777;
    int seen = stat(tmp, &st) == 0;
    if (seen && st.st_gid != old->st_gid && chown(tmp, (uid_t)-1, old->st_gid) != 0)
        snprintf(why, sizeof why, "chown: %s", strerror(errno));
    /* chown leaves a folder's mode as it is: the mode looked at above. */
    if (seen && (st.st_mode & 07777) != want && chmod(tmp, want) != 0)
        snprintf(why + strlen(why), sizeof why - strlen(why), "%schmod %04o: %s",
                 why[0] ? ", " : "", (unsigned)want, strerror(errno));
    if (stat(tmp, &st) != 0) {
        fprintf(stderr, "kiosk: USB import: cannot look at the new content folder %s: %s\n",
                tmp, strerror(errno));
        return;
    }
    if (st.st_gid == old->st_gid && (st.st_mode & 07777) == want)
        return;
    char had[64], has[64];
    group_name(old->st_gid, had, sizeof had);
    group_name(st.st_gid, has, sizeof has);
    fprintf(stderr, "kiosk: USB import: the new content folder for %s is mode %04o, group "
            "%s, not mode %04o, group %s like the one it replaces (%s); running "
            "deploy/install.sh again puts it right\n", content, (unsigned)(st.st_mode & 07777),
            has, (unsigned)want, had,
            why[0] ? why : "a chmod by a user not in the folder's group drops set-group-ID");
}

/* The folder the import builds, beside the content folder, with the
 * content folder's mode and group (group staff, set-group-ID), so staff go
 * on editing over SFTP: made inside the content folder, which hands its
 * group and set-group-ID bit down (the kiosk's unit allows no chown, and no
 * chmod to a set-group-ID mode), then moved out beside it at once. */
static int make_tmp(const char *content, char *tmp, size_t cap)
{
    static unsigned serial;
    char inside[PATH_MAX];
    const char *slash = strrchr(content, '/');
    int dirlen = slash ? (int)(slash - content) : 0;
    const char *base = slash ? slash + 1 : content;
    snprintf(inside, sizeof inside, "%s/.kiosk-import-%ld-%u", content, (long)getpid(),
             ++serial);
    if (snprintf(tmp, cap, "%.*s%s.%s.import-%ld-%u", dirlen, content, slash ? "/" : "",
                 base, (long)getpid(), serial) >= (int)cap)
        return -1;
    struct stat st;
    if (stat(content, &st) != 0) {
        /* No content folder yet: the unit's umask decides. (Not 02775: Linux
         * takes no set-group-ID bit from mkdir's mode, and the unit's filter
         * refuses a mkdir that asks for one.) */
        return mkdir(tmp, 0775);
    }
    if (mkdir_exact(inside, st.st_mode) != 0)
        return -1;
    if (rename(inside, tmp) != 0) {
        rmdir(inside);
        return -1;
    }
    match_folder(tmp, content, &st);
    return 0;
}

/* The check: the same loader that shows it. Problems go to notes. */
static int check(const char *tmp, char *notes, size_t cap, int *topics, int *cards)
{
    content_snapshot *s = content_load(tmp, &fs_posix);
    if (!s)
        return 0;
    char line[1200];
    for (int i = 0; i < s->ndiags; i++) {
        content_diag_format(&s->diags[i], line, sizeof line);
        note(notes, cap, line);
    }
    int ok = content_usable(s);
    if (ok && !s->settings.staff_pin) {   /* as the stage step says */
        note(notes, cap, "kiosk/kiosk.ini has no staff PIN ([staff] pin); without one "
             "the staff view would be off and no stick could be imported again.");
        ok = 0;
    }
    *topics = s->ntopics;
    *cards = s->ncards;
    content_free(s);
    return ok;
}

/* Copies job->staged into tmp, watching it; checks the copy. */
static void copy_and_check(const usb_import_job *job, const char *tmp, copy_state *cs,
                           char *notes, size_t cap, int *topics, int *cards)
{
    int sfd = open(job->staged, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    int dfd = open(tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    struct stat st;
    if (sfd < 0)
        cs->err = USB_IMPORT_GONE;
    else if (dfd < 0)
        cs->err = USB_IMPORT_WRITE;
    else
        watch(cs, job->staged);
    /* Watched first, then the offer looked at: the stage step removes the
     * offer before the copy, so any removal from now on is seen. */
    if (cs->err == USB_IMPORT_OK && job->offer &&
        (stat(job->offer, &st) != 0 || usb_offer_id(&st) != job->offer_id))
        cs->err = USB_IMPORT_GONE;
    if (cs->err == USB_IMPORT_OK)
        copy_tree(job->staged, sfd, dfd, 0, 0, cs, notes, cap);
    if (sfd >= 0)
        close(sfd);
    if (dfd >= 0)
        close(dfd);
    if (cs->err == USB_IMPORT_UNUSABLE)
        note(notes, cap, "The stick holds more files or bytes than the kiosk keeps.");
    if (cs->err != USB_IMPORT_OK || stopped(cs) || changed(cs))
        return;
    if (!check(tmp, notes, cap, topics, cards))
        cs->err = USB_IMPORT_UNUSABLE;
    else if (!stopped(cs))
        changed(cs);   /* taken out while the check ran */
}

/* Staff's files over to tmp, content to previous, tmp to content; each
 * step undone when the next fails. Returns OK or WRITE. */
static usb_import_status swap_in(const char *content_dir, const char *tmp,
                                 const char *previous)
{
    if (carry_over(content_dir, tmp) != 0)
        return USB_IMPORT_WRITE;
    if (rename(content_dir, previous) != 0 && errno != ENOENT) {
        carry_over(tmp, content_dir);   /* staff's files back where they were */
        return USB_IMPORT_WRITE;
    }
    if (rename(tmp, content_dir) != 0) {
        rename(previous, content_dir);
        carry_over(tmp, content_dir);
        return USB_IMPORT_WRITE;
    }
    return USB_IMPORT_OK;
}

usb_import_status usb_import(const usb_import_job *job, char *notes, size_t cap,
                             int *topics, int *cards)
{
    char tmp[PATH_MAX], previous[PATH_MAX];
    notes[0] = 0;
    *topics = *cards = 0;
    copy_state cs = { 0, 0, USB_IMPORT_OK, job->gate, -1 };
    if (make_tmp(job->content_dir, tmp, sizeof tmp) != 0)
        return USB_IMPORT_WRITE;
    cs.wfd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    copy_and_check(job, tmp, &cs, notes, cap, topics, cards);
    /* The slow steps (the sync of some 70 MB on an SD card, removing the
     * copy before last) come before the swap, so a stop never waits them. */
    if (cs.err == USB_IMPORT_OK)
        sync_dir(tmp);
    snprintf(previous, sizeof previous, "%s.previous", job->content_dir);
    if (cs.err == USB_IMPORT_OK && remove_tree(previous) != 0)
        cs.err = USB_IMPORT_WRITE;
    if (cs.err == USB_IMPORT_OK && !stopped(&cs) && !changed(&cs) && enter_swap(&cs)) {
        cs.err = swap_in(job->content_dir, tmp, previous);
        leave_swap(&cs);
    }
    if (cs.wfd >= 0)
        close(cs.wfd);
    if (cs.err != USB_IMPORT_OK) {
        remove_tree(tmp);
        return cs.err;
    }
    sync_dir(job->content_dir);
    return USB_IMPORT_OK;
}

void usb_import_recover(const char *content_dir)
{
    char previous[PATH_MAX], parent[PATH_MAX], prefix[PATH_MAX];
    struct stat st;
    snprintf(previous, sizeof previous, "%s.previous", content_dir);
    if (lstat(content_dir, &st) != 0 && errno == ENOENT && lstat(previous, &st) == 0 &&
        S_ISDIR(st.st_mode) && rename(previous, content_dir) == 0)
        fprintf(stderr, "kiosk: an import was cut short; the content before it is "
                "back in %s\n", content_dir);
    DIR *c = opendir(content_dir);   /* cut between make_tmp's two steps */
    struct dirent *ce;
    char path[PATH_MAX];
    while (c && (ce = readdir(c)))
        if (!strncmp(ce->d_name, ".kiosk-import-", 14)) {
            path_join(path, sizeof path, content_dir, ce->d_name);
            remove_tree(path);
        }
    if (c)
        closedir(c);
    snprintf(parent, sizeof parent, "%s", content_dir);
    char *slash = strrchr(parent, '/');
    const char *base = slash ? slash + 1 : parent;
    if (snprintf(prefix, sizeof prefix, ".%s.import-", base) >= (int)sizeof prefix)
        return;
    if (slash)
        *slash = 0;
    DIR *d = opendir(slash ? (parent[0] ? parent : "/") : ".");
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)))
        if (!strncmp(e->d_name, prefix, strlen(prefix))) {
            path_join(path, sizeof path, slash ? parent : ".", e->d_name);
            remove_tree(path);
        }
    closedir(d);
}
