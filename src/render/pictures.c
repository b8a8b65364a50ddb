/* pictures.c — how large a decoded picture is made for its box: the decoder
 * scales to it and the bench counts texture memory by it. */
#include "render/pictures.h"

/* The part of an iw x ih picture that covers a bw x bh box, centred. */
static render_picture_fit cover_crop(int iw, int ih, int bw, int bh)
{
    render_picture_fit c = {0, 0, iw, ih, 0, 0};
    if ((long)iw * bh > (long)ih * bw) {
        c.w = (int)((long)ih * bw / bh);
        c.x = (iw - c.w) / 2;
    } else {
        c.h = (int)((long)iw * bh / bw);
        c.y = (ih - c.h) / 2;
    }
    if (c.w < 1) c.w = 1;
    if (c.h < 1) c.h = 1;
    return c;
}

render_picture_fit render_picture_fit_box(int iw, int ih, const render_picture_ask *ask)
{
    render_picture_fit f = ask->cover ? cover_crop(iw, ih, ask->box_w, ask->box_h)
                                      : (render_picture_fit){0, 0, iw, ih, 0, 0};
    double sx = (double)ask->box_w / f.w, sy = (double)ask->box_h / f.h;
    double k = ask->cover ? sx : (sx < sy ? sx : sy);
    if (k > 1.0)
        k = 1.0;   /* the GPU stretches up; scaling up on the CPU adds nothing */
    double lim = (double)ask->max_side;
    if (f.w * k > lim) k = lim / f.w;
    if (f.h * k > lim) k = lim / f.h;
    f.out_w = (int)(f.w * k + 0.5);
    f.out_h = (int)(f.h * k + 0.5);
    if (f.out_w < 1) f.out_w = 1;
    if (f.out_h < 1) f.out_h = 1;
    return f;
}
