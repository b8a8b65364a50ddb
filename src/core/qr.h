/* qr.h — a QR code's module matrix for one link, encoded once per content
 * load: the core's small face of libqrencode (qr.c), so layout and tests
 * see only a matrix of dark and light modules. */
#ifndef KIOSK_QR_H
#define KIOSK_QR_H

#include "kiosk_limits.h"

/* Modules along a side of a version-v code. */
#define QR_SIDE(v) (17 + 4 * (v))
#define QR_MAX_SIDE QR_SIDE(KIOSK_QR_MAX_VERSION)
/* Light modules around the code on every side (ISO/IEC 18004's quiet zone). */
#define QR_QUIET 4

typedef struct kiosk_qr {
    int version;             /* 1 .. KIOSK_QR_MAX_VERSION */
    int side;                /* modules along a side, without the quiet zone */
    unsigned char dark[QR_MAX_SIDE * QR_MAX_SIDE];   /* row by row: 1 dark */
} kiosk_qr;

typedef enum qr_status { QR_OK, QR_TOO_LONG, QR_FAILED } qr_status;

/* Encodes text (error correction M: a screen's glare and a shaking hand
 * take a few modules) in the smallest version it fits. QR_TOO_LONG when
 * that is above KIOSK_QR_MAX_VERSION; QR_FAILED when out of memory. */
qr_status qr_encode(const char *text, kiosk_qr *out);
/* 1 when module (x, y) is dark; outside the code (the quiet zone): 0. */
int qr_dark(const kiosk_qr *q, int x, int y);

#endif
