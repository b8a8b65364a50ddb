/* layout_menu.c — the home menu: its title, a grid of topic tiles (2 to 4
 * columns in landscape, 1 or 2 in portrait), each a tap target, chosen so
 * that every title shows whole in the largest type; and Back where it is on
 * every card, with the spa's name and phone beside or below it where they
 * fit. Home is left out: the menu is home. */
#include "layout_internal.h"

#include <string.h>

typedef struct grid { int cols, rows, tile_w, tile_h; } grid;

/* A tile's title: at most this many lines; more reads as a paragraph. */
enum { TILE_MAX_LINES = 3 };

/* The grid of cols columns, or 0 when its tiles are too small to tap. */
static int grid_for(const lay_ctx *c, int n, int cols, int W, int H, grid *g)
{
    int G = c->z.gap, T = c->z.target;
    g->cols = cols;
    g->rows = (n + cols - 1) / cols;
    g->tile_w = (W - (cols - 1) * G) / cols;
    g->tile_h = (H - (g->rows - 1) * G) / g->rows;
    /* A taller tile holds nothing more: three targets fit three lines of
     * the largest tile text; few topics would otherwise make slabs. */
    if (g->tile_h > 3 * T)
        g->tile_h = 3 * T;
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

/* Inside a tile: a grid unit around a picture; half of one beside and
 * above and below the words, since a tile's title needs its size more than
 * its air (the corners' radius is 2/3 of a unit, and the words are centred
 * away from them). */
static int tile_pad(const lay_ctx *c)
{
    return c->z.gap;
}

static int tile_pad_h(const lay_ctx *c)
{
    return c->z.gap / 2;
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
    return g->tile_w - 2 * tile_pad_h(c) - (iw ? iw + tile_pad(c) - tile_pad_h(c) : 0);
}

/* Every tile's title fits whole at px: no word cut, no line dropped, at
 * most TILE_MAX_LINES lines. */
static int titles_fit(const lay_ctx *c, const content_snapshot *s, const int *idx, int n,
                      const grid *g, int px)
{
    int max = (g->tile_h - 2 * tile_pad_v(c)) / lay_line_height(c, px);
    if (max > TILE_MAX_LINES)
        max = TILE_MAX_LINES;
    if (max < 1)
        return 0;
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

/* The largest size in [lo, hi] at which every title fits g, or 0. A binary
 * search: measuring with real fonts on a Pi at 4K is not free. */
static int largest_px(const lay_ctx *c, const content_snapshot *s, const int *idx, int n,
                      const grid *g, int lo, int hi)
{
    if (!titles_fit(c, s, idx, n, g, lo))
        return 0;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (titles_fit(c, s, idx, n, g, mid))
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

/* The grid for n tiles in W x H whose titles fit in the largest type (from
 * the small-print floor s/22 up to between body and title size), then with
 * the fewest empty cells. Returns that size, 0 when no grid fits. */
static int best_grid(const lay_ctx *c, const content_snapshot *s, const int *idx, int n,
                     int W, int H, grid *out)
{
    int lo = (c->z.s + 21) / 22, hi = (c->z.px_body + c->z.px_title) / 2;
    int c0 = c->z.portrait ? 1 : 2, c1 = c->z.portrait ? 2 : 4;
    if (c1 > n)
        c1 = n;
    if (c0 > c1)
        c0 = c1;
    int best = 0, best_empty = 0;
    for (int cols = c0; cols <= c1; cols++) {
        grid g;
        if (!grid_for(c, n, cols, W, H, &g))
            continue;
        int px = largest_px(c, s, idx, n, &g, lo, hi), empty = g.rows * g.cols - n;
        if (px > best || (px && px == best && empty < best_empty)) {
            best = px;
            best_empty = empty;
            *out = g;
        }
    }
    return best;
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
    int iw = tile_image_w(c, t, g), tx = x + tile_pad_h(c);
    if (iw) {
        layout_box *im = lay_add(out, BOX_IMAGE, x + pad, y + pad, iw, g->tile_h - 2 * pad);
        if (im) {
            im->image = t->image;
            im->cover = 1;
        }
        tx = x + pad + iw + pad;
    }
    const char *title = t->title ? t->title : "";
    content_run run = { title, (int)strlen(title), 0 };
    lay_text text = { &run, 1, RUN_BOLD, { 0, 0 } };
    int tw = x + g->tile_w - tile_pad_h(c) - tx, lh = lay_line_height(c, px);
    int max = tile_lines_max(c, g, px);
    int lines = lay_count_lines(c, &text, px, tw, max);
    lay_paragraph(c, out, &text, px, tx, y + (g->tile_h - lines * lh) / 2, tw, max, 0,
                  COL_TEXT, 0);
}

/* The menu's title: one line at title size, else up to two at body size.
 * Returns its height with the gap below it (0 when there is none). */
static int menu_title(const lay_ctx *c, layout_screen *sc)
{
    const char *title = lay_label(c, LABEL_MENU_TITLE);
    if (!*title)
        return 0;
    content_run run = { title, (int)strlen(title), 0 };
    lay_text t = { &run, 1, RUN_BOLD, { 0, 0 } };
    int W = lay_inner_w(c), M = c->z.margin;
    int px = lay_count_lines(c, &t, c->z.px_title, W, 2) > 1 ? c->z.px_body : c->z.px_title;
    return lay_paragraph(c, sc, &t, px, M, M, W, 2, 0, COL_TEXT, 0) + c->z.gap;
}

/* Back where it is on a card; the spa strip beside it in a one-row bar, or
 * in the row below it (Previous and Next's, empty on the menu). */
static void menu_bar(const lay_ctx *c, layout_screen *out, const lay_bar *b)
{
    int T = c->z.target, G = c->z.gap, lh = lay_line_height(c, c->z.px_small);
    lay_button(c, out, LABEL_BACK, ACT_BACK, b->back_x, b->util_y, 0);
    if (b->rows == 1)
        lay_strip_row(c, out, b->back_x + lay_button_w(c, LABEL_BACK) + G,
                      c->w - c->z.margin, b->util_y + (T - lh) / 2);
    else if (lay_strip(c, NULL, c->h - c->z.margin) <= T)
        lay_strip(c, out, c->h - c->z.margin);   /* name and phone, in two lines if need be */
    else
        lay_strip_row(c, out, c->z.margin, c->w - c->z.margin, b->nav_y + (T - lh) / 2);
}

void layout_menu_screen(layout_screen *out, const content_snapshot *s,
                        const layout_deck *d, const layout_metrics *m)
{
    lay_ctx c;
    lay_ctx_init(&c, s, m, d->w, d->h);
    lay_screen_start(out, &c, ACT_NONE);
    int M = c.z.margin, G = c.z.gap, W = lay_inner_w(&c);
    lay_bar b = lay_bar_for(&c);
    menu_bar(&c, out, &b);
    int bottom = b.top - G;

    int idx[KIOSK_MAX_TOPICS], n = 0;
    for (int ti = 0; ti < s->ntopics && ti < d->ntopics && n < KIOSK_MAX_TOPICS; ti++)
        if (lay_shown(&s->topics[ti]) && d->topic[ti].npages > 0)
            idx[n++] = ti;
    /* The title stays unless dropping it is what lets the tiles keep body
     * size (s/16) or larger; the tiles are what a visitor reads. */
    int th = menu_title(&c, NULL), top = M + th;
    grid g, g_bare;
    int px = n ? best_grid(&c, s, idx, n, W, bottom - top, &g) : 0;
    if (n && px < c.z.px_body) {
        int bare = best_grid(&c, s, idx, n, W, bottom - M, &g_bare);
        if (bare > px) {
            px = bare;
            g = g_bare;
            th = 0;
            top = M;
        }
    }
    if (th)
        menu_title(&c, out);
    if (n == 0)
        return;
    if (!px) {
        /* Titles too long for any tile: as many target-sized tiles as fit
         * (KIOSK_MAX_TOPICS keeps this rare); lines are cut. */
        px = (c.z.s + 21) / 22;
        g.rows = (bottom - top + G) / (c.z.target + G);
        g.cols = (W + G) / (c.z.target + G);
        if (g.cols > n)
            g.cols = n;
        if (g.rows < 1 || g.cols < 1)
            return;
        g.tile_w = (W - (g.cols - 1) * G) / g.cols;
        g.tile_h = c.z.target;
        if (n > g.rows * g.cols)
            n = g.rows * g.cols;
    }
    for (int i = 0; i < n; i++) {
        int col = i % g.cols, row = i / g.cols;
        tile(&c, out, s, idx[i], &g, M + col * (g.tile_w + G), top + row * (g.tile_h + G), px);
    }
}
