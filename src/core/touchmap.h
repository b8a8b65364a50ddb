/* touchmap.h — where a finger or a mouse click lands in the layout: the
 * inverse of the clockwise turn the picture is drawn with on a panel mounted
 * another way (kiosk.ini [screen] rotate), so touch and picture always share
 * one transform. Pure arithmetic; the platform hands in SDL's numbers. */
#ifndef KIOSK_TOUCHMAP_H
#define KIOSK_TOUCHMAP_H

/* The screen as the platform sees it. */
typedef struct touchmap {
    int out_w, out_h;   /* the renderer's output (the panel) in pixels */
    int win_w, win_h;   /* the window in mouse points: out / win is the HiDPI
                         * or logical-size scale; 0 means the same as out */
    int rotate;         /* the turn drawn: 0, 90, 180 or 270 (touchmap_rotation) */
} touchmap;

/* kiosk.ini's rotate as one of 0, 90, 180, 270 (-90 is 270); any other
 * angle is 0: the screen runs unturned rather than drawn askew. */
int touchmap_rotation(int rotate);
/* The size the layout is made for: the output turned by t->rotate. */
void touchmap_layout_size(const touchmap *t, int *w, int *h);
/* Where the unturned layout picture is placed on the output before SDL
 * turns it about the rectangle's centre (SDL_RenderCopyEx): centred. */
void touchmap_dest(const touchmap *t, int *x, int *y, int *w, int *h);
/* A finger at fx, fy (SDL's 0..1 across the output) to a layout pixel.
 * Always inside the layout: a point off the edge, or not a number (a
 * broken driver), is moved to the nearest edge; NaN counts as 0. */
void touchmap_finger(const touchmap *t, float fx, float fy, int *x, int *y);
/* A mouse at window point wx, wy to a layout pixel, clamped the same way.
 * The point's centre is mapped, so each window point lands on the layout
 * pixel drawn under it (at scale 1 exactly). */
void touchmap_mouse(const touchmap *t, int wx, int wy, int *x, int *y);

#endif
