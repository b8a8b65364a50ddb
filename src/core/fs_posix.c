/* fs_posix.c — the real kiosk_fs: lists a folder and reads the head of a
 * file without ever blocking on a FIFO or device and without following a
 * link out of the content folder. */
#include "fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk_limits.h"

static fs_status from_errno(int e)
{
    switch (e) {
    case ENOENT: case ENOTDIR: return FS_NOT_FOUND;
    case EACCES: case EPERM: return FS_DENIED;
    default: return FS_IO;
    }
}

static fs_status posix_list(void *ctx, const char *dir,
                            void (*each)(void *u, const char *name), void *u)
{
    (void)ctx;
    DIR *d = opendir(dir);
    if (!d)
        return errno == ENOTDIR ? FS_NOT_REGULAR : from_errno(errno);
    struct dirent *e;
    int n = 0;
    /* One past the bound, so the caller sees that there were more. */
    while (n <= KIOSK_MAX_DIR_SCAN && (errno = 0, e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        each(u, e->d_name);
        n++;
    }
    /* readdir fails rather than ends on a bad disk (EIO), or on a 32-bit
     * system built without 64-bit offsets (EOVERFLOW): never a short list
     * taken for the whole folder. */
    int err = e ? 0 : errno;
    closedir(d);
    return err ? from_errno(err) : FS_OK;
}

/* Is path inside root (both resolved)? */
static int inside(const char *root, const char *path)
{
    size_t n = strlen(root);
    if (n == 1 && root[0] == '/')
        return 1;
    return !strncmp(root, path, n) && (path[n] == '/' || path[n] == '\0');
}

static fs_status read_fd(int fd, char *buf, size_t cap, size_t *len)
{
    size_t got = 0;
    while (got < cap) {
        ssize_t r = read(fd, buf + got, cap - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return errno == EAGAIN ? FS_NOT_REGULAR : FS_IO;
        if (r == 0)
            break;
        got += (size_t)r;
    }
    *len = got;
    return FS_OK;
}

static fs_status open_and_read(const char *real, char *buf, size_t cap,
                               size_t *len, size_t *total)
{
    /* stat first, so a device is never even opened (opening some has
     * effects); fstat after, in case it was swapped meanwhile. */
    struct stat st;
    if (stat(real, &st) < 0)
        return from_errno(errno);
    if (!S_ISREG(st.st_mode))
        return FS_NOT_REGULAR;
    int fd = open(real, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return from_errno(errno);
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return FS_NOT_REGULAR;
    }
    /* Over 4 GiB does not fit a 32-bit size_t: counted as the most. */
    *total = st.st_size <= 0 ? 0
             : (uintmax_t)st.st_size > SIZE_MAX ? SIZE_MAX : (size_t)st.st_size;
    fs_status r = read_fd(fd, buf, cap, len);
    close(fd);
    return r;
}

static fs_status posix_read(void *ctx, const char *dir, const char *rel,
                            char *buf, size_t cap, size_t *len, size_t *total)
{
    (void)ctx;
    *len = *total = 0;
    /* realpath() allocates, so no PATH_MAX buffer. */
    char *root = realpath(dir, NULL);
    if (!root)
        return from_errno(errno);
    char *path = malloc(strlen(dir) + strlen(rel) + 2);
    if (!path) {
        free(root);
        return FS_IO;
    }
    strcpy(path, dir);
    strcat(path, "/");
    strcat(path, rel);
    /* Resolves every link on the way, so a link out is seen as such. */
    char *real = realpath(path, NULL);
    int err = errno;
    free(path);
    if (!real) {
        free(root);
        return from_errno(err);
    }
    int ok = inside(root, real);
    free(root);
    fs_status r = ok ? open_and_read(real, buf, cap, len, total) : FS_OUTSIDE;
    free(real);
    return r;
}

const kiosk_fs fs_posix = { NULL, posix_list, posix_read, NULL, NULL };
