/* layout.c — sizes for a screen, the deck of pages, and the screens: loop,
 * menu, topic card, empty screen, idle notice; hit testing. Landscape and
 * portrait differ only in how the buttons and tiles are arranged. */
#include "layout_internal.h"

#include <stdio.h>
#include <stdlib.h>
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

void lay_ctx_init(lay_ctx *c, const content_snapshot *s, const layout_metrics *m,
                  int w, int h)
{
    c->m = m;
    c->s = s;
    c->w = w;
    c->h = h;
    layout_sizes_for(&c->z, w, h);
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
             layout_action act, int arg, int x, int y, int w, int h, int primary, int copy)
{
    layout_box *b = lay_add(sc, BOX_RECT, x, y, w, h);
    if (!b)
        return;
    b->colour = primary ? COL_ACCENT : COL_SURFACE;
    b->radius = c->z.gap * 2 / 3;
    b->action = act;
    b->arg = arg;
    int room = w - 2 * pad;
    int tw = lay_text_w(c, word, FACE_BOLD, px);
    if (tw > room)
        tw = room;
    int lh = lay_line_height(c, px);
    lay_one_line(c, sc, word, FACE_BOLD, px, x + (w - tw) / 2, y + (h - lh) / 2, room,
                 primary ? COL_ACCENT_TEXT : COL_TEXT, copy);
}

void lay_button(const lay_ctx *c, layout_screen *sc, content_label l, layout_action act,
                int x, int y, int primary)
{
    lay_key(c, sc, lay_label(c, l), c->z.px_button, button_pad(c), act, 0, x, y,
            lay_button_w(c, l), c->z.target, primary, 0);
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

/* Where the buttons go: see lay_bar in layout_internal.h. */
lay_bar lay_bar_for(const lay_ctx *c)
{
    lay_bar b;
    int M = c->z.margin, G = c->z.gap, T = c->z.target;
    int wp = lay_button_w(c, LABEL_PREVIOUS), wn = lay_button_w(c, LABEL_NEXT);
    int wb = lay_button_w(c, LABEL_BACK), wh = lay_button_w(c, LABEL_HOME);
    int prev_r = M + wp, next_l = c->w - M - wn;
    int group = wb + G + wh, gx = prev_r + G;
    char pos[KIOSK_MAX_VALUE_BYTES + 32];   /* room for a two-digit "88 / 88" */
    format_position(lay_label(c, LABEL_POSITION), 88, 88, pos, sizeof pos);
    int pos_w = lay_text_w(c, pos, FACE_REGULAR, c->z.px_small);
    b.nav_y = c->h - M - T;
    if (!c->z.portrait && gx + group + G + pos_w + G <= next_l) {
        b.rows = 1;
        b.util_y = b.nav_y;
        b.back_x = gx;
        b.home_x = gx + wb + G;
        b.pos_left = gx + group + G;
    } else {
        b.rows = 2;
        b.util_y = b.nav_y - G - T;
        b.back_x = M;
        b.home_x = c->w - M - wh;
        b.pos_left = prev_r + G;
    }
    b.pos_right = next_l - G;
    b.top = b.util_y;
    return b;
}

static void bar_emit(const lay_ctx *c, layout_screen *sc, const lay_bar *b, int n, int total)
{
    int M = c->z.margin, T = c->z.target, px = c->z.px_small;
    if (n > 1)
        lay_button(c, sc, LABEL_PREVIOUS, ACT_PREV, M, b->nav_y, 1);
    if (n < total)
        lay_button(c, sc, LABEL_NEXT, ACT_NEXT, c->w - M - lay_button_w(c, LABEL_NEXT), b->nav_y, 1);
    lay_button(c, sc, LABEL_BACK, ACT_BACK, b->back_x, b->util_y, 0);
    lay_button(c, sc, LABEL_HOME, ACT_HOME, b->home_x, b->util_y, 0);
    /* "1 / 1" tells a visitor nothing (a topic of one review, one answer). */
    if (total < 2)
        return;
    char pos[KIOSK_MAX_VALUE_BYTES + 32];
    format_position(lay_label(c, LABEL_POSITION), n, total, pos, sizeof pos);
    int room = b->pos_right - b->pos_left;
    int w = lay_text_w(c, pos, FACE_REGULAR, px);
    if (w > room)
        w = room;
    /* One row: hug Next; two rows: centre between Previous and Next. */
    int x = b->rows == 1 ? b->pos_right - w : b->pos_left + (room - w) / 2;
    lay_one_line(c, sc, pos, FACE_REGULAR, px, x,
             b->nav_y + (T - lay_line_height(c, px)) / 2, room, COL_MUTED, 1);
}

static lay_area topic_area(const lay_ctx *c)
{
    lay_bar b = lay_bar_for(c);
    lay_area a = { c->z.margin, c->z.margin, lay_inner_w(c), b.top - c->z.gap - c->z.margin };
    return a;
}

static lay_card_style topic_style(const lay_ctx *c)
{
    lay_card_style st = { c->z.px_title, 3, 0, 0, c->z.px_body };
    return st;
}

/* ---- the spa strip and the loop's cue ---- */

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

/* The tap cue in a pill at the left, bottom edge at y_bottom; returns its
 * height. Wraps onto a second line rather than shrink. */
static int cue(const lay_ctx *c, layout_screen *sc, int y_bottom)
{
    const char *cue_text = lay_label(c, LABEL_TAP_CUE);
    if (!*cue_text)
        return 0;
    content_run run = { cue_text, (int)strlen(cue_text), 0 };
    lay_text t = { &run, 1, RUN_BOLD, { 0, 0 } };
    int px = c->z.px_body, lh = lay_line_height(c, px), G = c->z.gap;
    int maxw = lay_inner_w(c) - 2 * G;
    int lines = lay_count_lines(c, &t, px, maxw, 2);
    int tw = lines > 1 ? maxw : lay_text_w(c, cue_text, FACE_BOLD, px);
    int h = lines * lh + G, w = tw + 2 * G, y = y_bottom - h;
    lay_rect(sc, c->z.margin, y, w, h, COL_ACCENT, lines > 1 ? G : h / 2);
    lay_paragraph(c, sc, &t, px, c->z.margin + G, y + G / 2, tw, 2, lines > 1,
                  COL_ACCENT_TEXT, 0);
    return h;
}

/* Lays out (or just measures, sc NULL) the loop's foot; returns its top. */
static int loop_foot(const lay_ctx *c, layout_screen *sc)
{
    int y = c->h - c->z.margin;
    int sh = lay_strip(c, sc, y);
    if (sh)
        y -= sh + c->z.gap;
    int ch = cue(c, sc, y);
    if (ch)
        y -= ch;
    return y;
}

static lay_area loop_area(const lay_ctx *c)
{
    int top = loop_foot(c, NULL);
    lay_area a = { c->z.margin, c->z.margin, lay_inner_w(c), top - c->z.gap - c->z.margin };
    return a;
}

static lay_card_style loop_style(const lay_ctx *c)
{
    /* The headline at s/8 when it fits one line; a longer one at title size
     * on two lines, so the words below it keep their room. */
    lay_card_style st = { c->z.px_headline, 1, c->z.px_title, 2, c->z.px_loop_body };
    return st;
}

/* ---- the deck ---- */

int lay_shown(const content_topic *t)
{
    return t->nerrors == 0 && t->ncards > 0;
}

/* Pages while they are being cut: grown in scratch memory, then copied into
 * the deck's arena in one piece, so every card is cut only once. */
typedef struct page_list { layout_page *p; int n, cap, failed; } page_list;

static layout_page *page_push(page_list *l)
{
    if (l->n == l->cap) {
        int cap = l->cap ? 2 * l->cap : 256;
        layout_page *p = realloc(l->p, (size_t)cap * sizeof *p);
        if (!p) {
            l->failed = 1;
            return NULL;
        }
        l->p = p;
        l->cap = cap;
    }
    return &l->p[l->n++];
}

/* Cuts a card into pages, appended to out. */
static void paginate(const lay_ctx *c, const content_card *card, const lay_card_style *st,
                     lay_area a, int topic, int ci, page_list *out)
{
    lay_cursor cur = { 0, { 0, 0 } };
    int first = out->n, n = 0;
    for (;;) {
        layout_page *pg = page_push(out);
        if (!pg)
            return;
        layout_page p = { topic, ci, n, 0, cur.block, cur.pos.run, cur.pos.off, 0 };
        *pg = p;
        lay_cursor before = cur;
        lay_card_page(c, NULL, card, st, a, n, &cur);
        n++;
        if (lay_card_done(card, cur))
            break;
        /* Every page takes at least a line; stop rather than loop if not. */
        if (cur.block < before.block ||
            (cur.block == before.block && (cur.pos.run < before.pos.run ||
                                           (cur.pos.run == before.pos.run &&
                                            cur.pos.off <= before.pos.off))))
            break;
    }
    for (int i = first; i < out->n; i++)
        out->p[i].nparts = n;
}

static void topic_pages(const lay_ctx *c, const content_topic *t, int ti,
                        const lay_card_style *st, lay_area a, page_list *out)
{
    for (int ci = 0; ci < t->ncards; ci++)
        paginate(c, &t->cards[ci], st, a, ti, ci, out);
}

/* One loop page per card: the words it shows are measured here, for the
 * loop's timing. */
static void loop_pages(const lay_ctx *c, const content_topic *t, int ti,
                       const lay_card_style *st, lay_area a, page_list *out)
{
    for (int ci = 0; ci < t->ncards; ci++) {
        layout_page *pg = page_push(out);
        if (!pg)
            return;
        layout_page p = { ti, ci, 0, 1, 0, 0, 0, 0 };
        p.words = lay_loop_card(c, NULL, &t->cards[ci], st, a);
        *pg = p;
    }
}

/* Copies l->p[from..] into a; NULL only when a ran out. */
static layout_page *keep_pages(arena *a, const page_list *l, int from, int *n)
{
    *n = l->n - from;
    if (*n <= 0)
        return NULL;
    layout_page *p = arena_alloc(a, (size_t)*n * sizeof *p);
    if (p)
        memcpy(p, l->p + from, (size_t)*n * sizeof *p);
    return p;
}

/* An empty deck for s at w x h: every topic present with no pages, so
 * nothing indexes past the end. */
static int deck_start(layout_deck *d, lay_ctx *c, const content_snapshot *s,
                      const layout_metrics *m, int w, int h, arena *a)
{
    lay_ctx_init(c, s, m, w, h);
    memset(d, 0, sizeof *d);
    d->w = w;
    d->h = h;
    d->ntopics = s->ntopics;
    if (s->ntopics > 0 && !(d->topic = arena_alloc(a, (size_t)s->ntopics * sizeof *d->topic)))
        return -1;
    return 0;
}

int layout_deck_build(layout_deck *d, const content_snapshot *s,
                      const layout_metrics *m, int w, int h, arena *a)
{
    lay_ctx c;
    if (deck_start(d, &c, s, m, w, h, a))
        return -1;
    lay_card_style tst = topic_style(&c), lst = loop_style(&c);
    lay_area ta = topic_area(&c), la = loop_area(&c);
    page_list topic = { NULL, 0, 0, 0 }, loop = { NULL, 0, 0, 0 };
    int ok = 1;
    for (int ti = 0; ti < s->ntopics && ok; ti++) {
        const content_topic *t = &s->topics[ti];
        if (!lay_shown(t))
            continue;
        topic.n = 0;
        topic_pages(&c, t, ti, &tst, ta, &topic);
        layout_topic_pages *tp = &d->topic[ti];
        tp->page = keep_pages(a, &topic, 0, &tp->npages);
        ok = !topic.failed && (tp->page || tp->npages == 0);
        if (t->in_loop)
            loop_pages(&c, t, ti, &lst, la, &loop);
    }
    if (ok) {
        d->loop = keep_pages(a, &loop, 0, &d->nloop);
        ok = !loop.failed && (d->loop || d->nloop == 0);
    }
    free(topic.p);
    free(loop.p);
    return ok ? 0 : -1;
}

int layout_deck_build_first(layout_deck *d, const content_snapshot *s,
                            const layout_metrics *m, int w, int h, arena *a)
{
    lay_ctx c;
    if (deck_start(d, &c, s, m, w, h, a))
        return -1;
    lay_card_style lst = loop_style(&c);
    lay_area la = loop_area(&c);
    page_list loop = { NULL, 0, 0, 0 };
    for (int ti = 0; ti < s->ntopics && loop.n == 0; ti++)
        if (lay_shown(&s->topics[ti]) && s->topics[ti].in_loop)
            loop_pages(&c, &s->topics[ti], ti, &lst, la, &loop);
    d->loop = keep_pages(a, &loop, 0, &d->nloop);
    int ok = !loop.failed && (d->loop || d->nloop == 0);
    free(loop.p);
    return ok ? 0 : -1;
}

int layout_card_first_page(const layout_deck *d, int topic, int card)
{
    if (topic < 0 || topic >= d->ntopics)
        return -1;
    const layout_topic_pages *tp = &d->topic[topic];
    for (int i = 0; i < tp->npages; i++)
        if (tp->page[i].card == card)
            return i;
    return -1;
}

int layout_card_parts(const layout_deck *d, int topic, int card)
{
    int i = layout_card_first_page(d, topic, card);
    return i < 0 ? 0 : d->topic[topic].page[i].nparts;
}

/* ---- screens ---- */

static void card_screen(const lay_ctx *c, layout_screen *out, const content_snapshot *s,
                        const layout_page *p, const lay_card_style *st, lay_area a)
{
    if (p->topic < 0 || p->topic >= s->ntopics)
        return;
    const content_topic *t = &s->topics[p->topic];
    if (p->card < 0 || p->card >= t->ncards)
        return;
    lay_cursor cur = { p->first_block, { p->first_run, p->first_off } };
    lay_card_page(c, out, &t->cards[p->card], st, a, p->part, &cur);
}

void layout_loop_screen(layout_screen *out, const content_snapshot *s,
                        const layout_deck *d, const layout_metrics *m, int loop_index)
{
    lay_ctx c;
    lay_ctx_init(&c, s, m, d->w, d->h);
    lay_screen_start(out, &c, ACT_OPEN_MENU);
    loop_foot(&c, out);
    if (loop_index < 0 || loop_index >= d->nloop)
        return;
    const layout_page *p = &d->loop[loop_index];
    if (p->topic < 0 || p->topic >= s->ntopics || p->card < 0 ||
        p->card >= s->topics[p->topic].ncards)
        return;
    lay_card_style st = loop_style(&c);
    lay_loop_card(&c, out, &s->topics[p->topic].cards[p->card], &st, loop_area(&c));
}

void layout_topic_screen(layout_screen *out, const content_snapshot *s,
                         const layout_deck *d, const layout_metrics *m,
                         int topic, int page)
{
    lay_ctx c;
    lay_ctx_init(&c, s, m, d->w, d->h);
    lay_screen_start(out, &c, ACT_NONE);
    if (topic < 0 || topic >= d->ntopics)
        return;
    const layout_topic_pages *tp = &d->topic[topic];
    if (page < 0 || page >= tp->npages)
        return;
    lay_bar b = lay_bar_for(&c);
    bar_emit(&c, out, &b, page + 1, tp->npages);
    lay_card_style st = topic_style(&c);
    card_screen(&c, out, s, &tp->page[page], &st, topic_area(&c));
}

void layout_empty_screen(layout_screen *out, const content_snapshot *s,
                         const layout_metrics *m, int w, int h)
{
    lay_ctx c;
    lay_ctx_init(&c, s, m, w, h);
    lay_screen_start(out, &c, ACT_NONE);
    const char *name = s && s->settings.spa_name ? s->settings.spa_name : "";
    content_run run = { name, (int)strlen(name), 0 };
    lay_text t = { &run, 1, RUN_BOLD, { 0, 0 } };
    int px = c.z.px_headline, W = lay_inner_w(&c);
    if (lay_count_lines(&c, &t, px, W, 3) > 2)
        px = c.z.px_title;
    int lines = lay_count_lines(&c, &t, px, W, 3);
    int y = (h - lines * lay_line_height(&c, px)) / 2;
    lay_paragraph(&c, out, &t, px, c.z.margin, y, W, 3, 1, COL_TEXT, 0);
}

/* The notice's accent edge: thin enough to leave its words their room on
 * 800x480 (3 px), plain to see from the sofa on 4K (13 px). */
enum { NOTICE_EDGE_DIV = 160, NOTICE_MAX_LINES = 4 };

/* The notice cut into its sentences (one run each, at most max): its
 * lines break between sentences when that takes no more lines ("...in a
 * moment." / "Touch the screen to stay." reads better than "...Touch" /
 * "the screen..."). Returns 0 when it has more sentences than max. */
static int notice_sentences(const char *msg, content_run *out, int max)
{
    int n = 0;
    const char *p = msg;
    for (;;) {
        while (*p == ' ')
            p++;
        if (!*p)
            return n;
        const char *e = p;
        while (*e && !(strchr(".!?", *e) && (e[1] == ' ' || !e[1])))
            e++;
        if (*e)
            e++;
        if (n == max)
            return 0;
        content_run r = { p, (int)(e - p), 0 };
        out[n++] = r;
        p = e;
    }
}

/* The idle notice lies over the button row (and the gap above it), where
 * no words of the card are: it covered the last lines being read when it
 * stood higher. Any touch cancels it, so hiding the buttons costs nothing.
 * A surface-coloured banner with an accent edge, the words at body size:
 * distinct from the accent buttons it covers, and read from the sofa. */
void layout_notice_overlay(layout_screen *sc, const content_snapshot *s,
                           const layout_metrics *m)
{
    lay_ctx c;
    lay_ctx_init(&c, s, m, sc->w, sc->h);
    const char *msg = lay_label(&c, LABEL_IDLE_NOTICE);
    if (!*msg)
        return;
    int px = c.z.px_body, G = c.z.gap, M = c.z.margin, W = lay_inner_w(&c);
    int edge = c.z.s / NOTICE_EDGE_DIV > 2 ? c.z.s / NOTICE_EDGE_DIV : 2;
    int tw = W - 2 * (G + edge);
    content_run whole = { msg, (int)strlen(msg), 0 }, runs[NOTICE_MAX_LINES];
    lay_text one = { &whole, 1, RUN_BOLD, { 0, 0 } }, seg[NOTICE_MAX_LINES];
    int lines = lay_count_lines(&c, &one, px, tw, NOTICE_MAX_LINES);
    int nseg = notice_sentences(msg, runs, NOTICE_MAX_LINES), split = 0;
    for (int i = 0; i < nseg; i++) {
        lay_text t = { &runs[i], 1, RUN_BOLD, { 0, 0 } };
        seg[i] = t;
        split += lay_count_lines(&c, &seg[i], px, tw, NOTICE_MAX_LINES);
    }
    if (nseg < 2 || split > lines) {
        nseg = 1;
        seg[0] = one;
    } else {
        lines = split;
    }
    int lh = lay_line_height(&c, px), fh = lay_font_height(&c, FACE_BOLD, px);
    lay_bar b = lay_bar_for(&c);
    int bottom = c.h - M, room = bottom - (b.top - G), pad = G / 2 + edge;
    /* Two lines at body size need a little more than a one-row bar and its
     * gap: the lines close up to the font's height (Inter's has air above
     * its capitals) and the padding shrinks before any word is covered. */
    int step = lines * lh + 2 * pad <= room ? lh : fh;
    int text_h = (lines - 1) * step + fh;
    int h = text_h + 2 * pad;
    if (h > room)
        h = text_h + 2 * (edge + 1) > room ? text_h + 2 * (edge + 1) : room;
    if (h < bottom - b.top)
        h = bottom - b.top;   /* the buttons are covered whole */
    int y = bottom - h, r = G * 2 / 3;
    lay_rect(sc, M, y, W, h, COL_ACCENT, r);
    lay_rect(sc, M + edge, y + edge, W - 2 * edge, h - 2 * edge, COL_SURFACE,
             r > edge ? r - edge : 0);
    int top = y + (h - text_h) / 2 - (lh - fh) / 2, n = 0;   /* the first line box */
    for (int i = 0; i < nseg; i++) {
        lay_pos p = lay_text_start(&seg[i]), next;
        lay_line ln;
        for (; n < lines && lay_break(&c, &seg[i], px, tw, p, &ln, &next); n++) {
            int lw = lay_line_width(&c, &seg[i], px, ln);
            lay_emit_line(&c, sc, &seg[i], px, ln, M + (W - lw) / 2, top + n * step,
                          COL_TEXT, 0);
            p = next;
        }
    }
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
