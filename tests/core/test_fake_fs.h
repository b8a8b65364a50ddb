/* test_fake_fs.h — the part every fake kiosk_fs.read shares: handing over a
 * file it holds in memory as the real one would, the head that fits in cap
 * and the whole size as stat would say it. */
#ifndef KIOSK_TEST_FAKE_FS_H
#define KIOSK_TEST_FAKE_FS_H

#include <string.h>

#include "fs.h"

/* n bytes of data, of a file of total bytes: at most cap of them into buf. */
static inline fs_status fake_fs_give(const void *data, size_t n, size_t total, char *buf,
                                     size_t cap, size_t *len, size_t *total_out)
{
    *len = n < cap ? n : cap;
    memcpy(buf, data, *len);
    *total_out = total;
    return FS_OK;
}

#endif
