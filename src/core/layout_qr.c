/* layout_qr.c — the booking QR code on a screen: its module size, and the
 * code with its caption placed in a corner of an area. */
#include "layout_internal.h"

#include "contrast.h"

#include <string.h>

/* The code, quiet zone included, takes about this share of the screen's
 * shorter side, in whole modules. The bundled tel: link is a 21-module
 * code: on the 7" 800x480 panel (0.19 mm a pixel) 5 px modules, 0.96 mm,
 * the code 20 mm wide (28 mm with its quiet zone), which a phone's camera
 * reads from 30 cm or more; 8 px at 720x1280, 13 px on a 1920x1080 TV,
 * 26 px at 4K. The longest link allowed (33 modules) still gets 4 px on
 * 800x480 (kiosk_limits.h). */
enum { QR_SHARE_PCT = 35, QR_CAPTION_LINES = 3 };

int lay_qr_module(const lay_ctx *c)
{
    const kiosk_qr *q = c->s ? c->s->booking_qr : NULL;
    if (!q || !q->side)
        return 0;
    return c->z.s * QR_SHARE_PCT / 100 / (q->side + 2 * QR_QUIET);
}

static double lum(kiosk_rgb v)
{
    return contrast_luminance(v.r, v.g, v.b);
}

/* Dark modules on light paper, as every phone reads them: the darker of
 * the text and the ground is the ink (kiosk.ini's contrast check keeps the
 * two far apart). */
static void qr_emit(const lay_ctx *c, layout_screen *sc, int x, int y, int module)
{
    const kiosk_qr *q = c->s->booking_qr;
    int side = module * (q->side + 2 * QR_QUIET);
    layout_box *b = lay_add(sc, BOX_QR, x, y, side, side);
    if (!b)
        return;
    int text_dark = lum(c->s->settings.text) < lum(c->s->settings.ground);
    b->colour = text_dark ? COL_TEXT : COL_GROUND;
    b->paper = text_dark ? COL_GROUND : COL_TEXT;
    b->qr = q;
    b->module = module;
}

static lay_text caption_text(const lay_ctx *c, content_run *run)
{
    const char *t = lay_label(c, LABEL_BOOKING_QR);
    run->text = t;
    run->len = (int)strlen(t);
    run->style = 0;
    lay_text x = { run, 1, RUN_BOLD, { 0, 0 } };
    return x;
}

/* The widest of t's lines broken in width (at most max lines). */
static int widest_line(const lay_ctx *c, const lay_text *t, int px, int width, int max)
{
    lay_pos p = lay_text_start(t), next;
    lay_line ln;
    int w = 0;
    for (int n = 0; n < max && lay_break(c, t, px, width, p, &ln, &next); n++) {
        int lw = lay_line_width(c, t, px, ln);
        w = lw > w ? lw : w;
        p = next;
    }
    return w;
}

/* Landscape under the visitor's buttons at the top right, where a column
 * is too short for the caption over the code (800x480 and 1920x1080 have
 * a code's height and little more below them): the code in the bottom
 * right corner, the caption at its left, centred on it, as in portrait.
 * The column is as wide as both; the card's words keep the rest. Only
 * there: elsewhere a column too short is a screen too small for a code. */
static lay_area qr_corner(const lay_ctx *c, layout_screen *sc, lay_area a, int module)
{
    int Q = module * (c->s->booking_qr->side + 2 * QR_QUIET), G = c->z.gap;
    int px = c->z.px_small, lh = lay_line_height(c, px);
    content_run run;
    lay_text t = caption_text(c, &run);
    /* As narrow as the caption's lines beside the code allow (a code's
     * width, or wider in steps of a module: "Escanee para" is a long first
     * line), the column at most half the card. */
    int most = Q / lh < QR_CAPTION_LINES ? Q / lh : QR_CAPTION_LINES;
    int room = a.w / 2 - G - Q, cw = Q < room ? Q : room;
    while (cw < room && lay_count_lines(c, &t, px, cw, most + 1) > most)
        cw += module;
    int lines = lay_count_lines(c, &t, px, cw, most + 1);
    if (most < 1 || lines > most || Q > a.h)
        return a;
    int tw = widest_line(c, &t, px, cw, most), w = tw + G + Q;
    int x = a.x + a.w - w, y = a.y + a.h - Q;
    if (sc) {
        lay_paragraph(c, sc, &t, px, x, y + (Q - lines * lh) / 2, tw, most, 0, COL_TEXT, 0);
        qr_emit(c, sc, x + tw + G, y, module);
    }
    a.w -= w + G;
    return a;
}

/* Landscape: caption over the code in a column at the right of a. */
static lay_area qr_column(const lay_ctx *c, layout_screen *sc, lay_area a, int module)
{
    int Q = module * (c->s->booking_qr->side + 2 * QR_QUIET), G = c->z.gap;
    int px = c->z.px_small, lh = lay_line_height(c, px);
    content_run run;
    lay_text t = caption_text(c, &run);
    /* As wide as the code, so the card beside it keeps its width (a
     * headline beside a picture needs every pixel on 800x480); a little
     * wider only for a caption that would not fit its lines. */
    int cw = Q;
    if (lay_count_lines(c, &t, px, cw, QR_CAPTION_LINES + 1) > QR_CAPTION_LINES)
        cw = Q * 4 / 3;
    int lines = lay_count_lines(c, &t, px, cw, QR_CAPTION_LINES);
    int h = lines * lh + G / 2 + Q;
    if (h > a.h || cw + G > a.w / 2)
        return c->head_bottom ? qr_corner(c, sc, a, module) : a;
    int x = a.x + a.w - cw, y = a.y + a.h - h;
    if (sc) {
        lay_paragraph(c, sc, &t, px, x, y, cw, QR_CAPTION_LINES, 1, COL_TEXT, 0);
        qr_emit(c, sc, x + (cw - Q) / 2, a.y + a.h - Q, module);
    }
    a.w -= cw + G;
    return a;
}

/* Portrait: the code at the right of a row along the bottom of a, the
 * caption at its left, centred on it. */
static lay_area qr_row(const lay_ctx *c, layout_screen *sc, lay_area a, int module)
{
    int Q = module * (c->s->booking_qr->side + 2 * QR_QUIET), G = c->z.gap;
    int px = c->z.px_body, lh = lay_line_height(c, px), tw = a.w - Q - G;
    content_run run;
    lay_text t = caption_text(c, &run);
    int lines = lay_count_lines(c, &t, px, tw, QR_CAPTION_LINES);
    if (Q + G > a.h / 2 || tw < a.w / 3 || lines * lh > Q)
        return a;
    int y = a.y + a.h - Q;
    if (sc) {
        lay_paragraph(c, sc, &t, px, a.x, y + (Q - lines * lh) / 2, tw, QR_CAPTION_LINES, 0,
                      COL_TEXT, 0);
        qr_emit(c, sc, a.x + a.w - Q, y, module);
    }
    a.h -= Q + G;
    return a;
}

static lay_area qr_place_at(const lay_ctx *c, layout_screen *sc, lay_area a, int module)
{
    return c->z.portrait ? qr_row(c, sc, a, module) : qr_column(c, sc, a, module);
}

lay_area lay_qr_place(const lay_ctx *c, layout_screen *sc, lay_area a)
{
    int module = lay_qr_module(c);
    if (module < 1)
        return a;
    lay_area r = qr_place_at(c, sc, a, module);
    if (r.w != a.w || r.h != a.h || !c->s->large_text)
        return r;
    /* Large text (Aa) left its caption no room: the caption keeps its
     * usual size, as the bar's words do, rather than the code going. */
    lay_ctx usual = *c;
    layout_sizes_for(&usual.z, c->w, c->h);
    return qr_place_at(&usual, sc, a, module);
}

lay_area lay_qr_place_card(const lay_ctx *c, layout_screen *sc, lay_area a)
{
    int drop = c->head_bottom > a.y ? c->head_bottom - a.y : 0;
    lay_area below = { a.x, a.y + drop, a.w, a.h - drop };
    lay_area r = lay_qr_place(c, sc, below);
    if (drop && r.y == below.y) {   /* a column at the right: words from the top */
        r.y = a.y;
        r.h += drop;
    }
    return r;
}
