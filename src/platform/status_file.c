/* status_file.c — STATUS.txt written whole or not at all (core/fs_durable.h). */
#include "status_file.h"

#include <errno.h>

#include "core/fs_durable.h"
#include "core/status.h"

int platform_status_write(const char *dir, const char *text, size_t len)
{
    /* No fsync of the folder: a rename lost in a power cut leaves the last
     * STATUS.txt, and the next load writes it again. */
    int e = fs_durable_replace(dir, STATUS_FILE, text, len, 0664, 0);
    if (e) {
        errno = e;
        return -1;
    }
    return 0;
}
