/* status_file.c — STATUS.txt written as temp file, fsync, rename. */
#include "status_file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

#include "core/status.h"

static int write_all(int fd, const char *p, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = ENOSPC;
            return -1;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

int platform_status_write(const char *dir, const char *text, size_t len)
{
    char tmp[PATH_MAX], final[PATH_MAX];
    int a = snprintf(tmp, sizeof tmp, "%s/.%s.tmp", dir, STATUS_FILE);
    int b = snprintf(final, sizeof final, "%s/%s", dir, STATUS_FILE);
    if (a < 0 || b < 0 || (size_t)a >= sizeof tmp || (size_t)b >= sizeof final) {
        errno = ENAMETOOLONG;
        return -1;
    }
    /* A stale temp file from a crash is simply replaced. O_NOFOLLOW: staff
     * could have put a link there; never write through it. */
    unlink(tmp);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0664);
    if (fd < 0)
        return -1;
    if (write_all(fd, text, len) != 0 || fsync(fd) != 0) {
        int e = errno;
        close(fd);
        unlink(tmp);
        errno = e;
        return -1;
    }
    if (close(fd) != 0 || rename(tmp, final) != 0) {
        int e = errno;
        unlink(tmp);
        errno = e;
        return -1;
    }
    return 0;
}
