/* preview.h — `kiosk --render`: every screen of a content snapshot drawn to
 * PNG files with the same drawing code as the live kiosk, on a software
 * renderer over a plain surface, so no display is needed. */
#ifndef KIOSK_PREVIEW_H
#define KIOSK_PREVIEW_H

#include "core/content.h"
#include "render/metrics_ttf.h"
#include "render/pictures.h"

/* What to draw, with what, at which size and where to. */
typedef struct preview_job {
    const content_snapshot *s;
    const char *content_dir;     /* pictures are read from it */
    metrics_ttf *fonts;
    render_pictures pictures;    /* decodes at once (ask NULL) */
    const char *addresses;       /* the staff view's network addresses */
    int w, h;
    const char *outdir;          /* must exist */
    int notice;                  /* the idle notice over the menu, contents and
                                    cards (kiosk --render --notice) */
} preview_job;

/* Writes loop-NN.png, menu.png, <topic>-NN.png and empty.png for a w x h
 * screen into outdir, and screens.tsv: one line per PNG,
 * its name, a tab and the title it shows (for staff and for OCR tests), and
 * boxes.tsv: each screen's tap targets (name, action, topic, x, y, w, h) for
 * end-to-end tests. Returns the number of files
 * written, or -1 with a plain sentence in err. */
int preview_write(const preview_job *j, char *err, int cap);

#endif
