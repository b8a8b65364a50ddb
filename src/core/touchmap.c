/* touchmap.c — finger and mouse positions to layout pixels through the
 * inverse of the picture's clockwise turn (see touchmap.h). */
#include "touchmap.h"

#include <math.h>

int touchmap_rotation(int rotate)
{
    rotate = ((rotate % 360) + 360) % 360;
    return rotate == 90 || rotate == 180 || rotate == 270 ? rotate : 0;
}

void touchmap_layout_size(const touchmap *t, int *w, int *h)
{
    int side = t->rotate == 90 || t->rotate == 270;
    *w = side ? t->out_h : t->out_w;
    *h = side ? t->out_w : t->out_h;
}

void touchmap_dest(const touchmap *t, int *x, int *y, int *w, int *h)
{
    touchmap_layout_size(t, w, h);
    *x = (t->out_w - *w) / 2;
    *y = (t->out_h - *h) / 2;
}

/* v within lo..hi; not a number is lo (comparisons with NaN are false). */
static double clamp(double v, double lo, double hi)
{
    if (!(v >= lo))
        return lo;
    return v > hi ? hi : v;
}

/* The layout pixel holding continuous layout position v of a side n long. */
static int pixel(double v, int n)
{
    return n > 0 ? (int)clamp(floor(v), 0, n - 1) : 0;
}

/* Output position (pixels, continuous) to a layout pixel: the turn drawn
 * is clockwise about the placed picture's centre, so turn back about it. */
static void unturn(const touchmap *t, double ox, double oy, int *x, int *y)
{
    int dx, dy, w, h;
    touchmap_dest(t, &dx, &dy, &w, &h);
    ox = clamp(ox, 0, t->out_w);
    oy = clamp(oy, 0, t->out_h);
    double vx = ox - (dx + w / 2.0), vy = oy - (dy + h / 2.0), lx = vx, ly = vy;
    switch (t->rotate) {
    case 90: lx = vy; ly = -vx; break;
    case 180: lx = -vx; ly = -vy; break;
    case 270: lx = -vy; ly = vx; break;
    default: break;
    }
    *x = pixel(lx + w / 2.0, w);
    *y = pixel(ly + h / 2.0, h);
}

void touchmap_finger(const touchmap *t, float fx, float fy, int *x, int *y)
{
    unturn(t, clamp(fx, 0, 1) * t->out_w, clamp(fy, 0, 1) * t->out_h, x, y);
}

void touchmap_mouse(const touchmap *t, int wx, int wy, int *x, int *y)
{
    double sx = t->win_w > 0 ? (double)t->out_w / t->win_w : 1.0;
    double sy = t->win_h > 0 ? (double)t->out_h / t->win_h : 1.0;
    unturn(t, (wx + 0.5) * sx, (wy + 0.5) * sy, x, y);
}
