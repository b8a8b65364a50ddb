/* status_file.h — writes STATUS.txt into the content folder so that staff
 * never see a half-written one: a hidden temp file, synced, renamed over it. */
#ifndef KIOSK_STATUS_FILE_H
#define KIOSK_STATUS_FILE_H

#include <stddef.h>

/* Writes text (len bytes) as DIR/STATUS.txt. 0 on success; -1 with errno
 * set (the folder is gone, read-only, full): log it and carry on, the kiosk
 * shows content either way. The temp file is DIR/.STATUS.txt.tmp, a dotfile
 * that the content parser and the watcher ignore. A few ms on an SD card:
 * call it at a calm moment, or from the loader's result handling. */
int platform_status_write(const char *dir, const char *text, size_t len);

#endif
