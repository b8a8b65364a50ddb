/* picture_proto.h — what the decoding child writes on its stdout: this head,
 * then (asked for a box, status OK) w * h ARGB8888 pixels, rows of w * 4
 * bytes. Parent and child are the same program, so native byte order. */
#ifndef KIOSK_PICTURE_PROTO_H
#define KIOSK_PICTURE_PROTO_H

#include <stdint.h>

#define PICTURE_MAGIC "KPIC"

enum {
    PICTURE_CHILD_OK = 0,
    PICTURE_CHILD_UNREADABLE = 1,   /* not a whole PNG or JPEG it could decode */
    PICTURE_CHILD_TOO_BIG = 2       /* ran out of the memory it may use */
};

typedef struct picture_head {
    char magic[4];
    uint32_t status;
    uint32_t w, h;   /* the picture's size, or the pixels' when asked for a box */
} picture_head;

#endif
