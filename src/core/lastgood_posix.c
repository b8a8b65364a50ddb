/* lastgood_posix.c — lastgood_os on POSIX: files written and folders synced
 * by fs_durable, rename, and a folder removal that never follows a link. */
#include "lastgood_os.h"
#include "fs_durable.h"
#include "kiosk_limits.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static lastgood_status from_errno(int e)
{
    switch (e) {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
    case EFBIG:
        return LG_FULL;
    case EACCES:
    case EPERM:
    case EROFS:
        return LG_DENIED;
    case ENOENT:
        return LG_MISSING;
    case ENOTDIR:
    case EEXIST:
    case ELOOP:
        return LG_NOT_FOLDER;
    case ENAMETOOLONG:
        return LG_NAME_LONG;
    case ENOMEM:
    case EMFILE:
    case ENFILE:
        return LG_RESOURCES;
    default:
        return LG_IO;
    }
}

static lastgood_status posix_make_dir(void *ctx, const char *path)
{
    struct stat st;
    if (mkdir(path, 0755) == 0)
        return LG_OK;
    int e = errno;
    if (e != EEXIST)
        return from_errno(e);
    /* stat, not lstat: a link to a folder will do. The state folder is
     * often one; the folders inside it are ones we have just made. A link
     * to nothing, or a file, is in the way. */
    if (stat(path, &st) != 0)
        return errno == ENOENT ? LG_NOT_FOLDER : from_errno(errno);
    return S_ISDIR(st.st_mode) ? LG_OK : LG_NOT_FOLDER;
}

static lastgood_status posix_write_file(void *ctx, const char *path,
                                        const void *data, size_t len)
{
    int e = fs_durable_create(path, data, len, 0644);
    return e ? from_errno(e) : LG_OK;
}

static lastgood_status posix_sync_dir(void *ctx, const char *path)
{
    int e = fs_durable_sync_dir(path);
    return e ? from_errno(e) : LG_OK;
}

static lastgood_status posix_rename(void *ctx, const char *from, const char *to)
{
    return rename(from, to) == 0 ? LG_OK : from_errno(errno);
}

/* Our copies hold the content's folders: a picture's path (at most
 * KIOSK_MAX_PATH_BYTES, so at most half as many folders, "a/b/...") inside
 * last-good or .previous. A deeper tree is not ours to walk. One open
 * folder per level. */
enum { REMOVE_DEPTH = KIOSK_MAX_PATH_BYTES / 2 + 2 };

/* 0, or the errno of the first thing that could not be removed. */
static int remove_at(int dirfd, const char *name, int depth)
{
    if (unlinkat(dirfd, name, 0) == 0 || errno == ENOENT)
        return 0;
    if (errno != EISDIR && errno != EPERM)
        return errno;
    if (depth >= REMOVE_DEPTH)
        return ENAMETOOLONG;
    int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return errno;
    DIR *d = fdopendir(fd);
    if (!d) {
        int e = errno;
        close(fd);
        return e;
    }
    int r = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        int e = remove_at(fd, de->d_name, depth + 1);
        if (e && !r)
            r = e;
    }
    closedir(d);
    if (unlinkat(dirfd, name, AT_REMOVEDIR) != 0 && errno != ENOENT && !r)
        r = errno;
    return r;
}

static lastgood_status posix_remove_tree(void *ctx, const char *path)
{
    int e = remove_at(AT_FDCWD, path, 0);
    return e == 0 ? LG_OK : from_errno(e);
}

static int posix_is_dir(void *ctx, const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const lastgood_os lastgood_os_posix = {
    NULL,
    posix_make_dir,
    posix_write_file,
    posix_sync_dir,
    posix_rename,
    posix_remove_tree,
    posix_is_dir,
};
