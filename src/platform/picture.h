/* picture.h — decodes a picture in a separate, sandboxed process (the kiosk
 * itself, re-executed in a hidden mode), as GNOME's glycin does: a picture
 * that takes minutes to decode, or a decoder bug, costs a child process that
 * is killed at a deadline, never the kiosk's memory, its main loop or its
 * watchdog. The parent reads the file through the core's fs (which never
 * follows a link out of the folder and never blocks on a FIFO) and hands the
 * child only the bytes. */
#ifndef KIOSK_PICTURE_H
#define KIOSK_PICTURE_H

#include <stddef.h>

#include "core/fs.h"
#include "render/pictures.h"

/* argv[1] of the child: an internal mode, not a user command. */
#define PLATFORM_PICTURE_ARG "--decode-picture"

/* What to make of the picture, and the pixels made: the renderer's types
 * (render/pictures.h), as the renderer is who asks. */
typedef render_picture_ask platform_picture_ask;
typedef render_picture platform_picture;

/* Decodes p[0..len) in a child within KIOSK_PICTURE_DECODE_MS and
 * KIOSK_PICTURE_DECODE_BYTES; on FS_PICTURE_OK with a box, out->pixels holds
 * the picture scaled down to it (never up, never past max_side). Blocks the
 * calling thread (never the main loop's: loader, picture worker, --check). */
fs_picture platform_picture_decode(const unsigned char *p, size_t len,
                                   const platform_picture_ask *ask,
                                   platform_picture *out);

/* Reads dir/rel through fs_posix (its size checked again: staff may have
 * replaced it since the content was checked) and decodes it for ask. */
fs_picture platform_picture_load(const char *dir, const char *rel,
                                 const platform_picture_ask *ask,
                                 platform_picture *out);

/* fs_posix with kiosk_fs.picture set to a check by the child. */
kiosk_fs platform_picture_fs(void);

/* Kills every decode running now and refuses later ones at once (they
 * report FS_PICTURE_UNCHECKED): the kiosk is stopping (SIGTERM). */
void platform_picture_cancel_all(void);

/* The child: argv as platform_picture_decode passes it, the picture on
 * stdin, the answer on stdout. Returns the exit code. */
int platform_picture_child(int argc, char **argv);

#endif
