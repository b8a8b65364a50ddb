/* layout_kit.c — the toolkit's shared pieces: sizes for a screen, labels,
 * keys and buttons, the topic card's button bar, the spa strip; starting,
 * hit-testing and copying a screen. Calls no page composer. */
#include "layout_kit.h"

#include <stdio.h>
#include <string.h>

static int ceil_div(int a, int b)
{
    return (a + b - 1) / b;
}

void layout_sizes_for(layout_sizes *z, int w, int h)
{
    int s = w < h ? w : h;
    if (s < 1)
        s = 1;
    z->s = s;
    z->portrait = h > w;
    z->margin = s / 12;
    z->gap = s / 24;
    z->target = ceil_div(s, 7);          /* floors round up: never below */
    z->px_headline = s / 8;
    z->px_title = s / 11;
    z->px_loop_body = s / 14;
    z->px_body = ceil_div(s, 16);
    /* Small print: s/22 on big screens, 30 px where that is still legal (on
     * 800x480 s/22 is 22 px, too small to read from the sofa). */
    int small = ceil_div(s, 22), pref = z->px_body < 30 ? z->px_body : 30;
    z->px_small = small > pref ? small : pref;
    /* A button's word is what a visitor without glasses must find: as big
     * as the body text, not small print. */
    z->px_button = z->px_body;
    if (z->px_loop_body < z->px_body)
        z->px_loop_body = z->px_body;
}

static int large(int px)
{
    return px * LAYOUT_LARGE_PCT / 100;
}

void layout_sizes_large(layout_sizes *z)
{
    /* Titles and headlines are large already (s/11 and more); beside the
     * visitor's buttons at the top right of a landscape screen a larger
     * title took the lines the card's words needed. */
    z->px_loop_body = large(z->px_loop_body);
    z->px_body = large(z->px_body);
    z->px_small = large(z->px_small);
    /* Buttons keep their words (body size already) and so their places:
     * "Aa" stays under the finger that touched it, and larger words would
     * take the bar a second row that the card's words need more. */
}

void lay_ctx_init(lay_ctx *c, const content_snapshot *s, const layout_metrics *m,
                  int w, int h)
{
    c->m = m;
    c->s = s;
    c->w = w;
    c->h = h;
    layout_sizes_for(&c->z, w, h);
    if (s && s->large_text)
        layout_sizes_large(&c->z);
    c->head_w = c->head_bottom = 0;
    lay_bar b = lay_bar_for(c);
    if (b.head) {
        c->head_w = b.extra_end - b.aa_x + c->z.gap;
        c->head_bottom = c->z.margin + c->z.target + c->z.gap;
    }
}

int lay_head_right(const lay_ctx *c, int y)
{
    return c->w - c->z.margin - (y < c->head_bottom ? c->head_w : 0);
}

const char *lay_label(const lay_ctx *c, content_label l)
{
    const char *t = c->s ? c->s->settings.label[l] : NULL;
    return t ? t : "";
}

int lay_inner_w(const lay_ctx *c)
{
    return c->w - 2 * c->z.margin;
}

void lay_screen_start(layout_screen *out, const lay_ctx *c, layout_action act)
{
    out->w = c->w;
    out->h = c->h;
    out->nbox = 0;
    out->ntext = 0;
    layout_box *b = lay_add(out, BOX_RECT, 0, 0, c->w, c->h);
    b->colour = COL_GROUND;
    b->backdrop = 1;
    b->action = act;
}

int lay_one_line(const lay_ctx *c, layout_screen *sc, const char *s, layout_face f,
                    int px, int x, int y, int width, layout_colour col, int copy)
{
    content_run run = { s, (int)strlen(s), 0 };
    lay_text t = { &run, 1, f == FACE_BOLD ? RUN_BOLD : 0, { 0, 0 } };
    lay_line ln;
    lay_pos next;
    if (!lay_break(c, &t, px, width, lay_text_start(&t), &ln, &next))
        return 0;
    lay_emit_line(c, sc, &t, px, ln, x, y, col, copy);
    return lay_line_width(c, &t, px, ln);
}

int lay_text_w(const lay_ctx *c, const char *s, layout_face f, int px)
{
    return lay_width(c, f, px, s, (int)strlen(s));
}

/* ---- buttons and the bar of a topic card ---- */

static int button_pad(const lay_ctx *c)
{
    int p = c->z.px_button / 2;
    return p > c->z.gap / 2 ? p : c->z.gap / 2;
}

int lay_button_w(const lay_ctx *c, content_label l)
{
    int w = lay_text_w(c, lay_label(c, l), FACE_BOLD, c->z.px_button) + 2 * button_pad(c);
    int max = (lay_inner_w(c) - c->z.gap) / 2;
    if (w > max)
        w = max;
    return w > c->z.target ? w : c->z.target;
}

void lay_key(const lay_ctx *c, layout_screen *sc, const char *word, int px, int pad,
             layout_action act, int arg, int x, int y, int w, int h, int style, int copy)
{
    /* Fill and ink by style: a plain key, a primary one, a switch that is on. */
    static const layout_colour fill[] = { COL_SURFACE, COL_ACCENT, COL_TEXT };
    static const layout_colour ink[] = { COL_TEXT, COL_ACCENT_TEXT, COL_GROUND };
    if (style < LAY_KEY_PLAIN || style > LAY_KEY_ON)
        style = LAY_KEY_PLAIN;
    layout_box *b = lay_add(sc, BOX_RECT, x, y, w, h);
    if (!b)
        return;
    b->colour = fill[style];
    b->radius = c->z.gap * 2 / 3;
    b->action = act;
    b->arg = arg;
    int room = w - 2 * pad;
    int tw = lay_text_w(c, word, FACE_BOLD, px);
    if (tw > room)
        tw = room;
    int lh = lay_line_height(c, px);
    lay_one_line(c, sc, word, FACE_BOLD, px, x + (w - tw) / 2, y + (h - lh) / 2, room,
                 ink[style], copy);
}

void lay_button(const lay_ctx *c, layout_screen *sc, content_label l, layout_action act,
                int x, int y, int style)
{
    lay_key(c, sc, lay_label(c, l), c->z.px_button, button_pad(c), act, 0, x, y,
            lay_button_w(c, l), c->z.target, style, 0);
}

/* "{n} / {total}" with the numbers put in. */
static void format_position(const char *fmt, int n, int total, char *buf, int cap)
{
    int o = 0;
    buf[0] = '\0';
    while (*fmt && o < cap - 12) {
        if (!strncmp(fmt, "{n}", 3)) {
            o += snprintf(buf + o, (size_t)(cap - o), "%d", n);
            fmt += 3;
        } else if (!strncmp(fmt, "{total}", 7)) {
            o += snprintf(buf + o, (size_t)(cap - o), "%d", total);
            fmt += 7;
        } else {
            buf[o++] = *fmt++;
            buf[o] = '\0';
        }
    }
}

/* The language button's width: the widest of the languages' names, so it
 * keeps its size whichever it names. 0 without a translation. */
static int lang_button_w(const lay_ctx *c)
{
    const content_snapshot *s = c->s;
    if (!s || s->nlangs < 2 || !s->langs)
        return 0;
    int w = 0;
    for (int i = 0; i < s->nlangs; i++) {
        const char *name = s->langs[i].name ? s->langs[i].name : "";
        int wi = lay_text_w(c, name, FACE_BOLD, c->z.px_button) + 2 * button_pad(c);
        w = wi > w ? wi : w;
    }
    int max = (lay_inner_w(c) - c->z.gap) / 2;
    w = w < max ? w : max;
    return w > c->z.target ? w : c->z.target;
}

/* The visitor's buttons, "Aa" and the language, each with the gap after
 * it: the room they take in a row (0: neither shows). */
static int extras_w(const lay_ctx *c, int *wa, int *wl)
{
    *wa = *lay_label(c, LABEL_LARGE_TEXT) ? lay_button_w(c, LABEL_LARGE_TEXT) : 0;
    *wl = lang_button_w(c);
    return (*wa ? *wa + c->z.gap : 0) + (*wl ? *wl + c->z.gap : 0);
}

/* The visitor's buttons from x in row y. */
static void place_extras(lay_bar *b, int x, int y, int wa, int G)
{
    b->extra_y = y;
    b->aa_x = x;
    b->lang_x = x + (wa ? wa + G : 0);
}

/* Where the buttons go: see lay_bar in layout_kit.h. */
lay_bar lay_bar_for(const lay_ctx *c)
{
    lay_bar b;
    memset(&b, 0, sizeof b);
    int M = c->z.margin, G = c->z.gap, T = c->z.target;
    int wp = lay_button_w(c, LABEL_PREVIOUS), wn = lay_button_w(c, LABEL_NEXT);
    int wb = lay_button_w(c, LABEL_BACK), wh = lay_button_w(c, LABEL_HOME);
    int wa, wl, ex = extras_w(c, &wa, &wl);
    int prev_r = M + wp, next_l = c->w - M - wn;
    int group = wb + G + wh, gx = prev_r + G;
    /* Room for a two-digit "88 / 88"; with the place line ("Causes · 3 of
     * 9") above every card's title, only a contents screen shows the
     * position, and a topic's contents take a few screens: one digit. The
     * room of "88 / 88" made the Spanish bar at 1280x800 two rows, 2 px
     * short, and that took every card a row of its words. A position
     * wider than its room is left out (lay_bar_emit). */
    int most = *lay_label(c, LABEL_PLACE) ? 8 : 88;
    char pos[KIOSK_MAX_VALUE_BYTES + 32];
    format_position(lay_label(c, LABEL_POSITION), most, most, pos, sizeof pos);
    /* At the usual small print's size even with large text: the bar is
     * the same with it, so no button moves when Aa is touched (a position
     * too wide for its room is left out). */
    layout_sizes usual;
    layout_sizes_for(&usual, c->w, c->h);
    int pos_w = lay_text_w(c, pos, FACE_REGULAR, usual.px_small);
    b.nav_y = c->h - M - T;
    if (!c->z.portrait && gx + group + G + ex + pos_w + G <= next_l) {
        b.rows = 1;
        b.util_y = b.nav_y;
        b.back_x = gx;
        b.home_x = gx + wb + G;
        place_extras(&b, gx + group + G, b.nav_y, wa, G);
        b.pos_left = gx + group + G + ex;
    } else if (!c->z.portrait && ex && gx + group + G + pos_w + G <= next_l) {
        /* Landscape (800x480: Previous, Back, Home, the position and Next
         * fill the row): the top right corner, where titles rarely reach;
         * a second row would cost the card two lines. */
        b.rows = 1;
        b.util_y = b.nav_y;
        b.back_x = gx;
        b.home_x = gx + wb + G;
        b.head = 1;
        place_extras(&b, c->w - M - (ex - G), M, wa, G);
        b.pos_left = gx + group + G;
    } else {
        b.rows = 2;
        b.util_y = b.nav_y - G - T;
        b.back_x = M;
        b.home_x = c->w - M - wh;
        b.pos_left = prev_r + G;
        /* Between Back and Home; a row of their own above when too wide. */
        if (M + wb + G + ex <= b.home_x) {
            place_extras(&b, M + wb + G, b.util_y, wa, G);
        } else {
            b.rows = 3;
            place_extras(&b, M, b.util_y - G - T, wa, G);
        }
    }
    b.pos_right = next_l - G;
    b.pos_y = b.nav_y;
    /* Long labels on a narrow screen leave no room between Previous and
     * Next: the position goes between Back and Home (after the visitor's
     * buttons when they are there), or is left out (cut, "1 / 4" would
     * read "1"). */
    if (b.rows >= 2 && b.pos_right - b.pos_left < pos_w) {
        b.pos_left = M + wb + G + (b.extra_y == b.util_y ? ex : 0);
        b.pos_right = b.home_x - G;
        b.pos_y = b.util_y;
    }
    b.top = b.rows == 3 ? b.extra_y : b.util_y;   /* the head is not the bar */
    b.extra_end = ex ? b.aa_x + ex - G : b.aa_x;
    b.show_aa = wa > 0;
    b.lang_w = wl;
    return b;
}

void lay_bar_extras(const lay_ctx *c, layout_screen *sc, const lay_bar *b)
{
    /* Aa shows that it is on (inverted, the same words-on-ground pair), so a
     * visitor sees what the tap did and where to turn it off. */
    if (b->show_aa)
        lay_button(c, sc, LABEL_LARGE_TEXT, ACT_LARGE_TEXT, b->aa_x, b->extra_y,
                   c->s && c->s->large_text ? LAY_KEY_ON : LAY_KEY_PLAIN);
    if (!b->lang_w)
        return;
    /* It names the language a tap shows: the next one. */
    const content_snapshot *s = c->s;
    const char *next = s->langs[(s->lang + 1) % s->nlangs].name;
    lay_key(c, sc, next ? next : "", c->z.px_button, button_pad(c), ACT_LANGUAGE, 0,
            b->lang_x, b->extra_y, b->lang_w, c->z.target, 0, 0);
}

unsigned lay_bar_paging(int n, int total)
{
    return (n > 1 ? LAY_SHOW_PREV : 0u) | (n < total ? LAY_SHOW_NEXT : 0u);
}

void lay_bar_emit(const lay_ctx *c, layout_screen *sc, const lay_bar *b, unsigned show,
                  int n, int total)
{
    int M = c->z.margin, T = c->z.target, px = c->z.px_small;
    if (show & LAY_SHOW_PREV)
        lay_button(c, sc, LABEL_PREVIOUS, ACT_PREV, M, b->nav_y, LAY_KEY_PRIMARY);
    if (show & LAY_SHOW_NEXT)
        lay_button(c, sc, LABEL_NEXT, ACT_NEXT, c->w - M - lay_button_w(c, LABEL_NEXT), b->nav_y,
                   LAY_KEY_PRIMARY);
    if (show & LAY_SHOW_BACK)
        lay_button(c, sc, LABEL_BACK, ACT_BACK, b->back_x, b->util_y, 0);
    if (show & LAY_SHOW_HOME)
        lay_button(c, sc, LABEL_HOME, ACT_HOME, b->home_x, b->util_y, 0);
    lay_bar_extras(c, sc, b);
    /* "1 / 1" tells a visitor nothing (a topic of one review, one answer). */
    if (total < 2)
        return;
    char pos[KIOSK_MAX_VALUE_BYTES + 32];
    format_position(lay_label(c, LABEL_POSITION), n, total, pos, sizeof pos);
    int room = b->pos_right - b->pos_left;
    int w = lay_text_w(c, pos, FACE_REGULAR, px);
    if (w > room)
        return;
    /* One row: hug Next; two rows: centre between the buttons beside it. */
    int x = b->rows == 1 ? b->pos_right - w : b->pos_left + (room - w) / 2;
    lay_one_line(c, sc, pos, FACE_REGULAR, px, x,
             b->pos_y + (T - lay_line_height(c, px)) / 2, room, COL_MUTED, 1);
}

/* ---- the spa strip ---- */

/* The spa's name, and "Call (801) 799-4999" in phone ("" when unset). */
static const char *strip_words(const lay_ctx *c, char *phone, int cap)
{
    const content_settings *st = c->s ? &c->s->settings : NULL;
    phone[0] = '\0';
    if (st && st->phone && *st->phone)
        snprintf(phone, (size_t)cap, "%s %s", lay_label(c, LABEL_PHONE_PREFIX), st->phone);
    return st && st->spa_name ? st->spa_name : "";
}

int lay_strip_row(const lay_ctx *c, layout_screen *sc, int x0, int x1, int y)
{
    char phone[2 * KIOSK_MAX_VALUE_BYTES + 2];
    const char *name = strip_words(c, phone, sizeof phone);
    int px = c->z.px_small, room = x1 - x0, G = c->z.gap;
    int nw = *name ? lay_text_w(c, name, FACE_BOLD, px) : 0;
    int pw = *phone ? lay_text_w(c, phone, FACE_REGULAR, px) : 0;
    int show_phone = pw && pw <= room;
    int show_name = nw && nw + (show_phone ? G + pw : 0) <= room;
    /* Together at the right end, so neither reads as a button's label. */
    if (show_phone)
        lay_one_line(c, sc, phone, FACE_REGULAR, px, x1 - pw, y, pw, COL_MUTED, 1);
    if (show_name)
        lay_one_line(c, sc, name, FACE_BOLD, px, x1 - nw - (show_phone ? G + pw : 0), y, nw,
                     COL_MUTED, 0);
    return show_phone || show_name;
}

/* Spa name at the left, "Call (801) 799-4999" at the right; a second row
 * when both do not fit in one. */
int lay_strip(const lay_ctx *c, layout_screen *sc, int y_bottom)
{
    char phone[2 * KIOSK_MAX_VALUE_BYTES + 2];
    const char *name = strip_words(c, phone, sizeof phone);
    int px = c->z.px_small, lh = lay_line_height(c, px), W = lay_inner_w(c);
    int nw = lay_text_w(c, name, FACE_BOLD, px), pw = lay_text_w(c, phone, FACE_REGULAR, px);
    if (!*name && !*phone)
        return 0;
    int rows = (*name && *phone && nw + c->z.gap + pw > W) ? 2 : 1;
    int y = y_bottom - rows * lh;
    if (*name)
        lay_one_line(c, sc, name, FACE_BOLD, px, c->z.margin, y, W, COL_MUTED, 0);
    if (*phone) {
        int x = rows == 2 ? c->z.margin : c->w - c->z.margin - (pw < W ? pw : W);
        lay_one_line(c, sc, phone, FACE_REGULAR, px, x, y + (rows - 1) * lh, W, COL_MUTED, 1);
    }
    return rows * lh;
}

/* ---- topics and screens ---- */

int lay_shown(const content_topic *t)
{
    return t->nerrors == 0 && t->ncards > 0;
}

layout_action layout_hit(const layout_screen *sc, int x, int y, int *arg)
{
    for (int i = sc->nbox - 1; i >= 0; i--) {
        const layout_box *b = &sc->box[i];
        if (b->action == ACT_NONE)
            continue;
        if (x >= b->x && x < b->x + b->w && y >= b->y && y < b->y + b->h) {
            if (arg)
                *arg = b->arg;
            return b->action;
        }
    }
    if (arg)
        *arg = 0;
    return ACT_NONE;
}

void layout_screen_copy(layout_screen *dst, const layout_screen *src)
{
    if (dst == src)
        return;
    memcpy(dst, src, sizeof *dst);
    for (int i = 0; i < dst->nbox; i++) {
        const char *t = dst->box[i].text;
        if (t && t >= src->text && t < src->text + LAYOUT_MAX_TEXT)
            dst->box[i].text = dst->text + (t - src->text);
    }
}
