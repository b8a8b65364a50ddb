/* qr.c — links into QR module matrices through libqrencode. */
#include "qr.h"

#include <errno.h>
#include <qrencode.h>
#include <string.h>

qr_status qr_encode(const char *text, kiosk_qr *out)
{
    memset(out, 0, sizeof *out);
    /* Case kept: a web address's path may care. */
    errno = 0;
    QRcode *c = *text ? QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) : NULL;
    if (!c)
        return errno == ENOMEM || !*text ? QR_FAILED : QR_TOO_LONG;   /* ERANGE: past version 40 */
    qr_status st = QR_OK;
    if (c->version < 1 || c->version > KIOSK_QR_MAX_VERSION || c->width != QR_SIDE(c->version)) {
        st = QR_TOO_LONG;
    } else {
        out->version = c->version;
        out->side = c->width;
        for (int i = 0; i < c->width * c->width; i++)
            out->dark[i] = c->data[i] & 1;
    }
    QRcode_free(c);
    return st;
}

int qr_dark(const kiosk_qr *q, int x, int y)
{
    if (x < 0 || y < 0 || x >= q->side || y >= q->side)
        return 0;
    return q->dark[y * q->side + x];
}
