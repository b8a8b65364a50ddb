/* layout_menu.c — the home menu: its title, a grid of topic tiles (2 to 4
 * columns in landscape, 1 or 2 in portrait), each a tap target, chosen so
 * that every title shows whole in the largest type; and Back. Two forms:
 * Back where it is on every card (with the spa's name and phone beside or
 * below it where they fit), or, where that leaves the tiles' words below
 * body size, Back at the right end of the heading's row, so the bottom row
 * holds tiles too. Home is left out: the menu is home. */
#include "layout_kit.h"

#include <string.h>

/* pad_h, pad_v: space beside and above/below a tile's words (tile_pads);
 * pictures: topics' pictures shown where the tiles are wide enough. */
typedef struct grid { int cols, rows, tile_w, tile_h, pad_h, pad_v, pictures; } grid;

/* A tile's title: at most this many lines; more reads as a paragraph. A
 * size this much smaller (percent) is worth it when it saves lines. */
enum { TILE_MAX_LINES = 3, TILE_SHRINK_PCT = 90 };

/* The grid of cols columns, or 0 when its tiles are too small to tap. */
static int grid_for(const lay_ctx *c, int n, int cols, int W, int H, int pad_h, int pad_v,
                    int pictures, grid *g)
{
    g->pad_h = pad_h;
    g->pad_v = pad_v;
    g->pictures = pictures;
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

/* Inside a tile: one grid unit round a picture. */
static int tile_pad(const lay_ctx *c)
{
    return c->z.gap;
}

/* Space round a tile's words, loosest first: a grid unit beside them (at
 * half a unit they nearly touched the tile's edge on 800x480), half a unit
 * above and below (the words are centred, so they get more when the tile is
 * taller than they need; a whole unit would cost a line of a long title).
 * Then a quarter unit above and below: the glyphs' box already has air
 * above the capitals, and it is what lets two lines of body-size words into
 * a tile of the three rows that fit a landscape screen (800x480: 90 px
 * tiles, two 36 px lines). Last, half a unit beside them, only when no grid
 * shows every title whole otherwise (else words would be cut). */
enum { PAD_LOOSE, PAD_LOW, PAD_TIGHT, PAD_TIERS };

static void tile_pads(const lay_ctx *c, int tier, int *pad_h, int *pad_v)
{
    *pad_h = tier == PAD_TIGHT ? c->z.gap / 2 : c->z.gap;
    *pad_v = tier == PAD_LOOSE ? c->z.gap / 2 : c->z.gap / 4;
}

static int tile_image_w(const lay_ctx *c, const content_topic *t, const grid *g)
{
    if (!t->image || !g->pictures || g->tile_w < 2 * g->tile_h)
        return 0;
    int h = g->tile_h - 2 * tile_pad(c), w = h * 4 / 3;
    return w < g->tile_w / 3 ? w : g->tile_w / 3;
}

/* A tile's title is a heading of a few words, not a paragraph: its lines
 * sit at the font's height (Inter: 1.2x), not at the body's 1.35x, which
 * is worth a larger size for three-line titles. */
static int tile_step(const lay_ctx *c, int px)
{
    return lay_font_height(c, FACE_BOLD, px);
}

static int tile_lines_max(const lay_ctx *c, const grid *g, int px)
{
    int max = (g->tile_h - 2 * g->pad_v) / tile_step(c, px);
    return max < 1 ? 1 : max;
}

/* The words' width: from a pad after the picture (or the tile's side padding)
 * to the side padding at the right; tile() places them so. */
static int tile_text_w(const lay_ctx *c, const content_topic *t, const grid *g)
{
    int iw = tile_image_w(c, t, g);
    return g->tile_w - g->pad_h - (iw ? tile_pad(c) + iw + tile_pad(c) : g->pad_h);
}

/* Every tile's title fits whole at px: no word cut, no line dropped, at
 * most TILE_MAX_LINES lines. Returns the lines of all titles, 0 when one
 * does not fit. */
static int titles_fit(const lay_ctx *c, const content_snapshot *s, const int *idx, int n,
                      const grid *g, int px)
{
    int max = (g->tile_h - 2 * g->pad_v) / tile_step(c, px), total = 0;
    if (max > TILE_MAX_LINES)
        max = TILE_MAX_LINES;
    if (max < 1)
        return 0;
    for (int i = 0; i < n; i++) {
        const content_topic *t = &s->topics[idx[i]];
        const char *title = t->title ? t->title : "";
        content_run run = { title, (int)strlen(title), 0 };
        lay_text text = { &run, 1, RUN_BOLD, { 0, 0 } };
        int w = tile_text_w(c, t, g), lines = lay_count_lines(c, &text, px, w, max + 1);
        if (lay_widest_word(c, title, FACE_BOLD, px) > w || lines > max)
            return 0;
        total += lines;
    }
    return total;
}

/* Down to TILE_SHRINK_PCT of px, the size whose titles break into the
 * fewest lines ("Massage / That / Helps" in one word a line reads as a
 * list); only while the words stay at body size or more: below it, size
 * comes first. */
static int fewest_lines_px(const lay_ctx *c, const content_snapshot *s, const int *idx,
                           int n, const grid *g, int px)
{
    int best = px, lines = titles_fit(c, s, idx, n, g, px), floor = c->z.px_body;
    for (int p = px - 1; p >= floor && p * 100 >= px * TILE_SHRINK_PCT; p--) {
        int l = titles_fit(c, s, idx, n, g, p);
        if (l && l < lines) {
            best = p;
            lines = l;
        }
    }
    return best;
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

/* The grid for n tiles in W x H whose titles fit in the largest type with
 * the tile's padding tier (from the small-print floor s/22 up to the card
 * title's size s/11: a tile is a way into a topic and must not outshout the
 * topic's own title), then with the fewest empty cells. Returns that size,
 * 0 when no grid fits. */
static int grid_at(const lay_ctx *c, const content_snapshot *s, const int *idx, int n,
                   int W, int H, int tier, grid *out)
{
    int lo = (c->z.s + 21) / 22, hi = c->z.px_title, pad_h, pad_v;
    int c0 = c->z.portrait ? 1 : 2, c1 = c->z.portrait ? 2 : 4;
    if (c1 > n)
        c1 = n;
    if (c0 > c1)
        c0 = c1;
    tile_pads(c, tier, &pad_h, &pad_v);
    /* Pictures help a visitor find a topic, but not at the cost of its
     * words' size: with and without, the larger words win (at 800x480 a
     * picture left the words a third of a tile). */
    int best = 0, best_empty = 0;
    for (int pictures = 1; pictures >= 0; pictures--)
        for (int cols = c0; cols <= c1; cols++) {
            grid g;
            if (!grid_for(c, n, cols, W, H, pad_h, pad_v, pictures, &g))
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

/* The most room beside the words, up to a grid unit, that still shows
 * every title whole in as many lines at px. */
static void widen_pad_h(const lay_ctx *c, const content_snapshot *s, const int *idx, int n,
                        grid *g, int px)
{
    int lines = titles_fit(c, s, idx, n, g, px), lo = g->pad_h, hi = c->z.gap;
    while (lo < hi) {
        grid t = *g;
        t.pad_h = (lo + hi + 1) / 2;
        if (titles_fit(c, s, idx, n, &t, px) == lines)
            lo = t.pad_h;
        else
            hi = t.pad_h - 1;
    }
    g->pad_h = lo;
}

/* The best grid over the padding tiers (tile_pads): the loosest whose words
 * reach body size, else the one with the largest words, the tightest only
 * when nothing else fits. narrow: the tightest tier only, and only if its
 * words reach body size (0 if not). Then the size with the fewest lines. */
static int best_grid(const lay_ctx *c, const content_snapshot *s, const int *idx, int n,
                     int W, int H, int narrow, grid *out)
{
    int best = 0, best_tier = PAD_LOOSE, body = c->z.px_body;
    for (int tier = narrow ? PAD_TIGHT : PAD_LOOSE; tier < PAD_TIERS; tier++) {
        if (!narrow && ((tier == PAD_LOW && best >= body) || (tier == PAD_TIGHT && best)))
            break;
        grid g;
        int px = grid_at(c, s, idx, n, W, H, tier, &g);
        if (px > best) {
            best = px;
            best_tier = tier;
            *out = g;
        }
    }
    if (narrow && best < body)
        return 0;
    if (best_tier != PAD_LOOSE && best > body) {
        /* Less room round the words is for reaching body size, not for
         * growing past it: the largest size that keeps the loosest room, at
         * least body size (1280x800: 55 px words nearly touched the tile's
         * bottom edge, 50 px ones have air). */
        grid airy = *out;
        tile_pads(c, PAD_LOOSE, &airy.pad_h, &airy.pad_v);
        int px = largest_px(c, s, idx, n, &airy, body, best);
        best = px ? px : body;
    }
    if (!best)
        return 0;
    best = fewest_lines_px(c, s, idx, n, out, best);
    widen_pad_h(c, s, idx, n, out, best);
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
    int iw = tile_image_w(c, t, g), tx = x + g->pad_h;
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
    int tw = tile_text_w(c, t, g), step = tile_step(c, px);
    int max = tile_lines_max(c, g, px), lh = lay_line_height(c, px);
    int lines = lay_count_lines(c, &text, px, tw, max);
    /* Line boxes are lh tall with the glyphs centred: start half the
     * difference higher, so the glyphs are centred in the tile. */
    int ly = y + (g->tile_h - lines * step) / 2 - (lh - step) / 2;
    lay_pos p = lay_text_start(&text), next;
    lay_line ln;
    for (int i = 0; i < max && lay_break(c, &text, px, tw, p, &ln, &next); i++) {
        lay_emit_line(c, out, &text, px, ln, tx, ly + i * step, COL_TEXT, 0);
        p = next;
    }
}

/* The menu's heading in width W, its top at y: one line at the largest size
 * from body size up to a card title's that fits, else up to two lines at
 * body size. Returns its height (0 when there is none). */
static int menu_heading(const lay_ctx *c, layout_screen *sc, int x, int y, int W)
{
    const char *title = lay_label(c, LABEL_MENU_TITLE);
    if (!*title)
        return 0;
    content_run run = { title, (int)strlen(title), 0 };
    lay_text t = { &run, 1, RUN_BOLD, { 0, 0 } };
    int px = c->z.px_body, hi = c->z.px_title;
    if (lay_count_lines(c, &t, px, W, 2) == 1)
        while (px < hi) {
            int mid = (px + hi + 1) / 2;
            if (lay_count_lines(c, &t, mid, W, 2) == 1)
                px = mid;
            else
                hi = mid - 1;
        }
    /* Two lines of even length rather than one word left over ("What would
     * you like to" / "know?" in portrait): the narrowest width that still
     * takes no more lines. */
    int lines = lay_count_lines(c, &t, px, W, 3), lo = W / 3;
    hi = W;
    while (lines > 1 && lo < hi) {
        int mid = (lo + hi) / 2;
        if (lay_count_lines(c, &t, px, mid, lines + 1) <= lines)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lay_paragraph(c, sc, &t, px, x, y, lines > 1 ? hi : W, 2, 0, COL_TEXT, 0);
}

/* The room the visitor's buttons take in a row (with one gap), 0: none. */
static int up_extras_w(const lay_ctx *c, const lay_bar *b)
{
    return b->show_aa || b->lang_w ? b->extra_end - b->aa_x + c->z.gap : 0;
}

/* 1: the other form has the visitor's buttons in a bottom row. */
static int up_extras_below(const lay_ctx *c, const lay_bar *b)
{
    int ex = up_extras_w(c, b), W = lay_inner_w(c);
    return ex && W - lay_button_w(c, LABEL_BACK) - c->z.gap - ex < W / 3;
}

/* The other form's top row: the heading at the left, Back at the right end a
 * grid unit from it, their middles level. Returns the row's height. */
static int heading_row(const lay_ctx *c, layout_screen *sc)
{
    int M = c->z.margin, T = c->z.target, G = c->z.gap, wb = lay_button_w(c, LABEL_BACK);
    /* The visitor's buttons just left of Back (the bar is not drawn), or
     * in a row of their own at the bottom when the heading would keep less
     * than a third of the width. */
    lay_bar b = lay_bar_for(c);
    int ex = up_extras_w(c, &b), below = up_extras_below(c, &b);
    int room = lay_inner_w(c) - wb - G - (below ? 0 : ex);
    int hh = menu_heading(c, NULL, M, M, room), row = hh > T ? hh : T;
    menu_heading(c, sc, M, M + (row - hh) / 2, room);
    /* Where the cards have them (the top right corner), Back before them;
     * else Back at the right end, they before it. */
    int back_x = b.head ? b.aa_x - G - wb : c->w - M - wb;
    lay_button(c, sc, LABEL_BACK, ACT_BACK, back_x, b.head ? M : M + (row - T) / 2, 0);
    int shift = below ? M - b.aa_x : b.head ? 0 : c->w - M - wb - G - b.extra_end;
    b.aa_x += shift;
    b.lang_x += shift;
    b.extra_y = below ? c->h - M - T : b.head ? M : M + (row - T) / 2;
    if (ex)
        lay_bar_extras(c, sc, &b);
    return row;
}

/* Where the strip may start in a one-row bar: after Back, and after the
 * visitor's buttons in that row. */
static int menu_strip_x0(const lay_ctx *c, const lay_bar *b)
{
    int x = b->back_x + lay_button_w(c, LABEL_BACK) + c->z.gap;
    if (b->extra_y == b->util_y && b->extra_end > b->aa_x && b->extra_end + c->z.gap > x)
        x = b->extra_end + c->z.gap;
    return x;
}

/* Back where it is on a card; the spa strip beside it in a one-row bar, or
 * in the row below it (Previous and Next's, empty on the menu). strip 0:
 * left out. */
static void menu_bar(const lay_ctx *c, layout_screen *out, const lay_bar *b, int strip)
{
    int T = c->z.target, lh = lay_line_height(c, c->z.px_small);
    lay_bar_emit(c, out, b, LAY_SHOW_BACK, 0, 0);
    if (!strip)
        return;
    if (b->rows == 1)
        lay_strip_row(c, out, menu_strip_x0(c, b), c->w - c->z.margin,
                      b->util_y + (T - lh) / 2);
    else if (lay_strip(c, NULL, c->h - c->z.margin) <= T)
        lay_strip(c, out, c->h - c->z.margin);   /* name and phone, in two lines if need be */
    else
        lay_strip_row(c, out, c->z.margin, c->w - c->z.margin, b->nav_y + (T - lh) / 2);
}

/* Where the tiles go and how large their words are. */
typedef struct menu_form {
    int top_row;               /* 1: Back at the right of the heading's row */
    int top, bottom;           /* the tiles' area */
    int px;                    /* tile words; 0: no grid shows every title whole */
    grid g;
} menu_form;

/* Back where it is on a card, below the tiles, when the tiles' words reach
 * body size so: the same place on every screen. Else (landscape: four
 * columns of two rows leave "Symptoms" 23 px on 800x480, three columns need
 * a third row) Back goes up beside the heading, when that makes the words
 * larger; the spa strip is then left out (the loop shows it all the time). */
static menu_form menu_form_for(const lay_ctx *c, const content_snapshot *s, const int *idx,
                               int n)
{
    int M = c->z.margin, G = c->z.gap, W = lay_inner_w(c);
    lay_bar b = lay_bar_for(c);
    int hh = menu_heading(c, NULL, M, M, lay_head_right(c, M) - M);
    menu_form f = { 0, M + (hh ? hh + G : 0), b.top - G, 0, { 0 } };
    if (f.top < c->head_bottom)
        f.top = c->head_bottom;   /* under the visitor's buttons */
    if (n == 0)
        return f;
    f.px = best_grid(c, s, idx, n, W, f.bottom - f.top, 0, &f.g);
    if (f.px >= c->z.px_body)
        return f;
    int bottom = up_extras_below(c, &b) ? c->h - M - c->z.target - G : c->h - M;
    menu_form up = { 1, M + heading_row(c, NULL) + G, bottom, 0, { 0 } };
    up.px = best_grid(c, s, idx, n, W, up.bottom - up.top, 0, &up.g);
    if (up.px > f.px)
        f = up;
    /* Still below body size (portrait: two columns of "Symptoms" 42 px at
     * 720x1280, and a third row makes no tile wider): less room beside the
     * words, when that reaches it. Last, as it looks the most cramped. */
    grid g;
    int px = f.px && f.px < c->z.px_body
                 ? best_grid(c, s, idx, n, W, f.bottom - f.top, 1, &g) : 0;
    if (px) {
        f.px = px;
        f.g = g;
    }
    return f;
}

void layout_menu_screen(layout_screen *out, const content_snapshot *s,
                        const layout_deck *d, const layout_metrics *m)
{
    lay_ctx c;
    lay_ctx_init(&c, s, m, d->w, d->h);
    /* Large text leaves the menu as it is: its tiles' words are the largest
     * that fit already, and a larger floor for them moved Back (and Aa,
     * under the finger that touched it) to the other form. */
    layout_sizes_for(&c.z, c.w, c.h);
    lay_screen_start(out, &c, ACT_NONE);
    int M = c.z.margin, G = c.z.gap, W = lay_inner_w(&c);

    int idx[KIOSK_MAX_TOPICS], n = 0;
    for (int ti = 0; ti < s->ntopics && ti < d->ntopics && n < KIOSK_MAX_TOPICS; ti++)
        if (lay_shown(&s->topics[ti]) && d->topic[ti].npages > 0)
            idx[n++] = ti;
    menu_form f = menu_form_for(&c, s, idx, n);
    /* The heading always stays: after a tap it is the invitation that says
     * what the tiles are for. */
    if (f.top_row) {
        heading_row(&c, out);
    } else {
        menu_heading(&c, out, M, M, lay_head_right(&c, M) - M);
        /* The spa's name and phone must not outshout the tiles: where the
         * tiles' words are smaller than the strip's, it is left out. */
        lay_bar b = lay_bar_for(&c);
        menu_bar(&c, out, &b, !n || f.px >= c.z.px_small);
    }
    if (n == 0)
        return;
    int px = f.px, top = f.top, bottom = f.bottom;
    grid g = f.g;
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
        tile_pads(&c, PAD_TIGHT, &g.pad_h, &g.pad_v);
        g.pictures = 0;
        if (n > g.rows * g.cols)
            n = g.rows * g.cols;
    }
    for (int i = 0; i < n; i++) {
        int col = i % g.cols, row = i / g.cols;
        tile(&c, out, s, idx[i], &g, M + col * (g.tile_w + G), top + row * (g.tile_h + G), px);
    }
}
