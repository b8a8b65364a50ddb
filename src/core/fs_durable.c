/* fs_durable.c — write, fsync, rename, fsync of the folder (fs_durable.h). */
#include "fs_durable.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

/* 0, or the errno value; a write that takes nothing means a full disk. */
static int write_all(int fd, const char *p, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? errno : ENOSPC;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

int fs_durable_create(const char *path, const void *data, size_t len, int mode)
{
    /* O_NOFOLLOW: staff could have put a link there; never write through it. */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0)
        return errno;
    /* Delayed allocation can report a full disk only at fsync, or at close. */
    int e = write_all(fd, data, len);
    if (!e && fsync(fd) != 0)
        e = errno;
    if (close(fd) != 0 && !e)
        e = errno;
    if (e)
        unlink(path);
    return e;
}

int fs_durable_sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int r = fsync(fd);
    int e = errno;
    close(fd);
    return r == 0 || e == EINVAL || e == EROFS ? 0 : e;
}

int fs_durable_replace(const char *dir, const char *name, const void *data, size_t len,
                       int mode, int flags)
{
    char tmp[PATH_MAX], final[PATH_MAX];
    int a = snprintf(tmp, sizeof tmp, "%s/.%s.tmp", dir, name);
    int b = snprintf(final, sizeof final, "%s/%s", dir, name);
    if (a < 0 || b < 0 || (size_t)a >= sizeof tmp || (size_t)b >= sizeof final)
        return ENAMETOOLONG;
    unlink(tmp);   /* a stale temp file from a crash is simply replaced */
    int e = fs_durable_create(tmp, data, len, mode);
    if (e)
        return e;
    if (rename(tmp, final) != 0) {
        e = errno;
        unlink(tmp);
        return e;
    }
    if (flags & FS_DURABLE_SYNC_DIR)
        fs_durable_sync_dir(dir);
    return 0;
}
