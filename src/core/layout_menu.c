/* layout_menu.c — the home menu: its title and a grid of topic tiles (2x2,
 * 3x2, 4x2 in landscape, a column in portrait), each a tap target. */
#include "layout_internal.h"

#include <string.h>

typedef struct grid { int cols, rows, tile_w, tile_h; } grid;

static int preferred_cols(const lay_ctx *c, int n)
{
    if (c->z.portrait)
        return 1;
    if (n <= 3)
        return n;
    if (n == 4)
        return 2;
    return n <= 6 ? 3 : 4;
}

/* The grid of cols columns, or 0 when its tiles are too small to tap. */
static int grid_for(const lay_ctx *c, int n, int cols, int W, int H, grid *g)
{
    int G = c->z.gap, T = c->z.target;
    g->cols = cols;
    g->rows = (n + cols - 1) / cols;
    g->tile_w = (W - (cols - 1) * G) / cols;
    g->tile_h = (H - (g->rows - 1) * G) / g->rows;
    /* A tall tile holds nothing more: keep them to twice a target. */
    if (g->tile_h > 2 * T)
        g->tile_h = 2 * T;
    return g->tile_w >= T && g->tile_h >= T;
}

/* Widest single word of s: a tile's text size must let every word fit whole. */
static int widest_word(const lay_ctx *c, const char *s, int px)
{
    int best = 0;
    while (*s) {
        while (*s == ' ')
            s++;
        int n = 0;
        while (s[n] && s[n] != ' ')
            n++;
        int w = lay_width(c, FACE_BOLD, px, s, n);
        if (w > best)
            best = w;
        s += n;
    }
    return best;
}

/* Inside a tile: a grid unit at the sides, half of one above and below,
 * since low tiles need their lines more than their air. */
static int tile_pad(const lay_ctx *c)
{
    return c->z.gap;
}

static int tile_pad_v(const lay_ctx *c)
{
    return c->z.gap / 2;
}

static int tile_image_w(const lay_ctx *c, const content_topic *t, const grid *g)
{
    if (!t->image || g->tile_w < 2 * g->tile_h)
        return 0;
    int h = g->tile_h - 2 * tile_pad(c), w = h * 4 / 3;
    return w < g->tile_w / 3 ? w : g->tile_w / 3;
}

static int tile_lines_max(const lay_ctx *c, const grid *g, int px)
{
    int max = (g->tile_h - 2 * tile_pad_v(c)) / lay_line_height(c, px);
    return max < 1 ? 1 : max;
}

static int tile_text_w(const lay_ctx *c, const content_topic *t, const grid *g)
{
    int iw = tile_image_w(c, t, g);
    return g->tile_w - 2 * tile_pad(c) - (iw ? iw + tile_pad(c) : 0);
}

/* Every tile's title fits whole at px: no word cut, no line dropped. */
static int titles_fit(const lay_ctx *c, const content_snapshot *s, const int *idx, int n,
                      const grid *g, int px)
{
    int max = (g->tile_h - 2 * tile_pad_v(c)) / lay_line_height(c, px);
    for (int i = 0; i < n; i++) {
        const content_topic *t = &s->topics[idx[i]];
        const char *title = t->title ? t->title : "";
        content_run run = { title, (int)strlen(title), 0 };
        lay_text text = { &run, 1, RUN_BOLD, { 0, 0 } };
        int w = tile_text_w(c, t, g);
        if (widest_word(c, title, px) > w || lay_count_lines(c, &text, px, w, max + 1) > max)
            return 0;
    }
    return 1;
}

/* The largest text that fits every title whole (down to the small-print
 * floor s/22), then the spa strip (height sh) if the tiles still fit above
 * it, then the grid nearest the preferred shape. 0 when nothing fits. */
static int choose(const lay_ctx *c, const content_snapshot *s, const int *idx, int n,
                  int W, int H, int sh, grid *g, int *px, int *with_strip)
{
    int sizes[3] = { c->z.px_body, c->z.px_small, (c->z.s + 21) / 22 };
    for (int k = 0; k < 3; k++)
        for (int strip = sh > 0; strip >= 0; strip--)
            for (int cols = preferred_cols(c, n); cols <= n; cols++) {
                int h = H - (strip ? sh + c->z.gap : 0);
                if (grid_for(c, n, cols, W, h, g) && titles_fit(c, s, idx, n, g, sizes[k])) {
                    *px = sizes[k];
                    *with_strip = strip;
                    return 1;
                }
            }
    *px = sizes[2];
    *with_strip = 0;
    return 0;
}

static void tile(const lay_ctx *c, layout_screen *out, const content_snapshot *s, int ti,
                 const grid *g, int x, int y, int px)
{
    const content_topic *t = &s->topics[ti];
    int pad = tile_pad(c);
    layout_box *b = lay_add(out, BOX_RECT, x, y, g->tile_w, g->tile_h);
    if (!b)
        return;
    b->colour = COL_SURFACE;
    b->radius = c->z.gap * 2 / 3;
    b->action = ACT_TOPIC;
    b->arg = ti;
    int iw = tile_image_w(c, t, g), tx = x + pad;
    if (iw) {
        layout_box *im = lay_add(out, BOX_IMAGE, x + pad, y + pad, iw, g->tile_h - 2 * pad);
        if (im) {
            im->image = t->image;
            im->cover = 1;
        }
        tx += iw + pad;
    }
    const char *title = t->title ? t->title : "";
    content_run run = { title, (int)strlen(title), 0 };
    lay_text text = { &run, 1, RUN_BOLD, { 0, 0 } };
    int tw = x + g->tile_w - pad - tx, lh = lay_line_height(c, px);
    int max = tile_lines_max(c, g, px);
    int lines = lay_count_lines(c, &text, px, tw, max);
    lay_paragraph(c, out, &text, px, tx, y + (g->tile_h - lines * lh) / 2, tw, max, 0,
                  COL_TEXT, 0);
}

void layout_menu_screen(layout_screen *out, const content_snapshot *s,
                        const layout_deck *d, const layout_metrics *m)
{
    lay_ctx c;
    lay_ctx_init(&c, s, m, d->w, d->h);
    lay_screen_start(out, &c, ACT_NONE);
    int M = c.z.margin, G = c.z.gap, W = lay_inner_w(&c);
    const char *title = lay_label(&c, LABEL_MENU_TITLE);
    content_run run = { title, (int)strlen(title), 0 };
    lay_text t = { &run, 1, RUN_BOLD, { 0, 0 } };
    int tpx = lay_count_lines(&c, &t, c.z.px_title, W, 2) > 1 ? c.z.px_body : c.z.px_title;
    int top = M + lay_paragraph(&c, out, &t, tpx, M, M, W, 2, 0, COL_TEXT, 0);
    if (top > M)
        top += G;

    int idx[KIOSK_MAX_TOPICS], n = 0;
    for (int ti = 0; ti < s->ntopics && ti < d->ntopics && n < KIOSK_MAX_TOPICS; ti++)
        if (lay_shown(&s->topics[ti]) && d->topic[ti].npages > 0)
            idx[n++] = ti;
    if (n == 0) {
        lay_strip(&c, out, c.h - M);
        return;
    }
    grid g;
    int bottom = c.h - M, sh = lay_strip(&c, NULL, bottom), px = 0, with_strip = 0;
    if (!choose(&c, s, idx, n, W, bottom - top, sh, &g, &px, &with_strip)) {
        /* Titles too long for any tile: the preferred shape, or as many
         * tiles as fit (KIOSK_MAX_TOPICS keeps this rare); lines are cut. */
        if (!grid_for(&c, n, preferred_cols(&c, n), W, bottom - top, &g)) {
            g.rows = (bottom - top + G) / (c.z.target + G);
            g.cols = (W + G) / (c.z.target + G);
            if (g.rows < 1 || g.cols < 1)
                return;
            g.tile_w = (W - (g.cols - 1) * G) / g.cols;
            g.tile_h = c.z.target;
            if (n > g.rows * g.cols)
                n = g.rows * g.cols;
        }
    }
    if (with_strip)
        lay_strip(&c, out, bottom);
    for (int i = 0; i < n; i++) {
        int col = i % g.cols, row = i / g.cols;
        tile(&c, out, s, idx[i], &g, M + col * (g.tile_w + G), top + row * (g.tile_h + G), px);
    }
}
