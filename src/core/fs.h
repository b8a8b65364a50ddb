/* fs.h — the few things the core needs from the operating system's files,
 * as an interface so tests can hand it a fake folder (STYLE: u-config). */
#ifndef KIOSK_FS_H
#define KIOSK_FS_H

#include <stddef.h>

typedef enum fs_status {
    FS_OK = 0,
    FS_NOT_FOUND,     /* no such file or folder (or it vanished meanwhile) */
    FS_NOT_REGULAR,   /* a folder, FIFO, device or socket where a file was expected */
    FS_OUTSIDE,       /* a link that leads out of the content folder */
    FS_DENIED,        /* permission denied */
    FS_IO             /* any other read error */
} fs_status;

typedef struct kiosk_fs {
    void *ctx;
    /* Calls each(u, name) once per entry of folder dir (not "." or "..").
     * Order is unspecified; the core sorts. */
    fs_status (*list)(void *ctx, const char *dir,
                      void (*each)(void *u, const char *name), void *u);
    /* Reads at most cap bytes of dir/rel (rel may contain '/') into buf.
     * *len is what was read, *total the file's size as stat saw it, so the
     * caller can refuse a huge file after reading only its head. Must never
     * block (FIFOs are FS_NOT_REGULAR) and never follow a link out of dir. */
    fs_status (*read)(void *ctx, const char *dir, const char *rel,
                      char *buf, size_t cap, size_t *len, size_t *total);
} kiosk_fs;

/* The real thing, on POSIX. */
extern const kiosk_fs fs_posix;

#endif
