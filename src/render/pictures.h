/* pictures.h — what the renderer asks of the one who decodes its pictures
 * (the platform's sandboxed decoder) and what it gets back, and the one rule
 * for how large a decoded picture is made. Render knows no decoder: the
 * platform hands it a render_pictures. */
#ifndef KIOSK_RENDER_PICTURES_H
#define KIOSK_RENDER_PICTURES_H

/* What to make of a picture. box_w == 0: only check that it decodes. */
typedef struct render_picture_ask {
    int box_w, box_h;   /* the box it is drawn in */
    int cover;          /* fill the box, cropping; else fit inside it */
    int max_side;       /* largest side the pixels may have (texture limit) */
} render_picture_ask;

typedef struct render_picture {
    int w, h;                /* size of pixels */
    unsigned char *pixels;   /* ARGB8888 rows of w * 4 bytes, malloc'd; NULL
                                when only checked or not decoded */
} render_picture;

/* The part of an iw x ih picture kept for a box (all of it, or for a cover
 * box the centred part of the box's shape) and the size it is scaled to:
 * never larger than the picture, never past ask->max_side. */
typedef struct render_picture_fit {
    int x, y, w, h;     /* the part kept */
    int out_w, out_h;   /* its pixels, at least 1 x 1 */
} render_picture_fit;

/* ask->box_w, box_h and max_side at least 1. */
render_picture_fit render_picture_fit_box(int iw, int ih, const render_picture_ask *ask);

/* The decoder, as the renderer sees it. */
typedef struct render_pictures {
    void *ctx;
    /* Reads dir/rel and decodes it for ask now; out->pixels NULL when it
     * would not. NULL: pictures are not drawn (their place stays calm). */
    void (*load)(void *ctx, const char *dir, const char *rel,
                 const render_picture_ask *ask, render_picture *out);
    /* The running kiosk: queues dir/rel, answered later through take with
     * id. 0, or -1 when it cannot be queued. NULL: load at once instead. */
    int (*ask)(void *ctx, unsigned id, const char *dir, const char *rel,
               const render_picture_ask *ask);
    /* Drops what was queued and not started (new content: stale). */
    void (*forget)(void *ctx);
    /* One finished picture without blocking: 1 with *id and *out (the
     * caller frees out->pixels), or 0. */
    int (*take)(void *ctx, unsigned *id, render_picture *out);
} render_pictures;

#endif
