/* layout.c — the deck of pages (cut by the card and loop composers) and the
 * screens that show them: loop, topic card, empty screen, idle notice. The
 * menu and staff screens are in layout_menu.c and layout_staff.c. */
#include "layout_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- the areas and styles of topic and loop pages ---- */

static lay_area topic_area(const lay_ctx *c)
{
    lay_bar b = lay_bar_for(c);
    lay_area a = { c->z.margin, c->z.margin, lay_inner_w(c), b.top - c->z.gap - c->z.margin };
    return a;
}

/* A card's area: below its place line, when it has one. */
static lay_area card_area(const lay_ctx *c, lay_area a, const content_topic *t, int card)
{
    int h = lay_place_h(c, t, card);
    a.y += h;
    a.h -= h;
    return a;
}

static lay_card_style topic_style(const lay_ctx *c)
{
    lay_card_style st = { c->z.px_title, 3, 0, 0, c->z.px_body };
    return st;
}

/* ---- the loop's cue ---- */

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

/* Lays out (or measures) the loop's foot and the booking QR code; returns
 * the area left for the card. In landscape the code stands in a column at
 * the right, the foot and the card beside it (height is what 800x480
 * lacks); in portrait it is a row above the foot. */
static lay_area loop_frame(const lay_ctx *c, layout_screen *sc)
{
    int M = c->z.margin;
    lay_ctx left = *c;   /* the foot's screen: up to the code's column */
    if (!c->z.portrait) {
        lay_area whole = { M, M, lay_inner_w(c), c->h - 2 * M };
        lay_area rest = lay_qr_place(c, sc, whole);
        left.w = rest.x + rest.w + M;
    }
    int top = loop_foot(&left, sc);
    lay_area a = { M, M, lay_inner_w(&left), top - c->z.gap - M };
    return c->z.portrait ? lay_qr_place(c, sc, a) : a;
}

static lay_area loop_area(const lay_ctx *c)
{
    return loop_frame(c, NULL);
}

/* A card that invites a booking ([booking] card) leaves the code its corner,
 * as its screen does (layout_topic_screen). */
static lay_area booking_area(const lay_ctx *c, const content_card *card, lay_area a)
{
    return card->booking ? lay_qr_place_card(c, NULL, a) : a;
}

static lay_card_style loop_style(const lay_ctx *c)
{
    /* The headline at s/8 when it fits one line; a longer one at title size
     * on two lines, so the words below it keep their room. */
    lay_card_style st = { c->z.px_headline, 1, c->z.px_title, 2, c->z.px_loop_body };
    return st;
}

/* ---- the deck ---- */

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
    lay_card_style at = *st;
    at.title_px = lay_card_title_px(c, card, st, a);
    lay_cursor cur = { 0, { 0, 0 } };
    int first = out->n, n = 0, more = 1;
    while (more) {
        layout_page *pg = page_push(out);
        if (!pg)
            return;
        layout_page p = { topic, ci, n, 0, cur.block, cur.pos.run, cur.pos.off, 0,
                          at.title_px };
        *pg = p;
        more = lay_card_step(c, card, &at, a, n, &cur);
        n++;
    }
    for (int i = first; i < out->n; i++)
        out->p[i].nparts = n;
}

static void topic_pages(const lay_ctx *c, const content_topic *t, int ti,
                        const lay_card_style *st, lay_area a, page_list *out)
{
    for (int ci = 0; ci < t->ncards; ci++)
        paginate(c, &t->cards[ci], st, card_area(c, booking_area(c, &t->cards[ci], a), t, ci),
                 ti, ci, out);
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
        layout_page p = { ti, ci, 0, 1, 0, 0, 0, 0, 0 };
        p.words = lay_loop_card(c, NULL, ti, &t->cards[ci], st, a);
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
        ok = !topic.failed && (tp->page || tp->npages == 0)
             && lay_contents_pages(&c, s, ti, tp, a) == 0;
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
    lay_card_style at = *st;
    at.title_px = p->title_px ? p->title_px : st->title_px;
    lay_card_page(c, out, &t->cards[p->card], &at, a, p->part, &cur);
}

void layout_loop_screen(layout_screen *out, const content_snapshot *s,
                        const layout_deck *d, const layout_metrics *m, int loop_index)
{
    lay_ctx c;
    lay_ctx_init(&c, s, m, d->w, d->h);
    lay_screen_start(out, &c, ACT_OPEN_MENU);
    lay_area a = loop_frame(&c, out);
    if (loop_index < 0 || loop_index >= d->nloop)
        return;
    const layout_page *p = &d->loop[loop_index];
    if (p->topic < 0 || p->topic >= s->ntopics || p->card < 0 ||
        p->card >= s->topics[p->topic].ncards)
        return;
    lay_card_style st = loop_style(&c);
    lay_loop_card(&c, out, p->topic, &s->topics[p->topic].cards[p->card], &st, a);
}

/* A card's buttons. Back is on every screen, in one place (the menu's,
 * the contents', the cards'), so a visitor who learned it once finds it
 * always; Home shows only where it goes further than Back (to the menu,
 * past the topic's contents). Without a contents screen both would lead
 * to the menu: Back alone, Home's place left empty. */
static unsigned topic_buttons(const content_snapshot *s, int topic, int n, int total)
{
    unsigned show = lay_bar_paging(n, total) | LAY_SHOW_BACK;
    return layout_topic_has_contents(s, topic) ? show | LAY_SHOW_HOME : show;
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
    /* With the place line ("Causes · 3 of 9") above the title, a page count
     * ("5 / 16") in the bar was a second number that disagreed with it. */
    int counted = *lay_label(&c, LABEL_PLACE) ? 1 : tp->npages;
    lay_bar b = lay_bar_for(&c);
    lay_bar_emit(&c, out, &b, topic_buttons(s, topic, page + 1, tp->npages), page + 1,
                 counted);
    lay_card_style st = topic_style(&c);
    const layout_page *p = &tp->page[page];
    if (topic >= s->ntopics || p->card < 0 || p->card >= s->topics[topic].ncards)
        return;
    /* A booking card's code takes its corner of the whole card area first,
     * from the top: the place line and the words share what is left. */
    lay_area a = topic_area(&c);
    if (s->topics[topic].cards[p->card].booking)
        a = lay_qr_place_card(&c, out, a);
    card_screen(&c, out, s, p, &st, card_area(&c, a, &s->topics[topic], p->card));
    int pw = lay_head_right(&c, c.z.margin) - c.z.margin;
    lay_place(&c, out, topic, p->card, c.z.margin, c.z.margin, a.w < pw ? a.w : pw);
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
    /* More time (WCAG 2.2.1): a button at the right of the words, or under
     * them when beside them it would leave the words less than half. */
    int bw = *lay_label(&c, LABEL_MORE_TIME) ? lay_button_w(&c, LABEL_MORE_TIME) : 0;
    int tw = W - 2 * (G + edge), beside = bw && tw - bw - G >= W / 2;
    if (beside)
        tw -= bw + G;
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
    int text_h = (lines - 1) * step + fh, T = c.z.target;
    int block_h = !bw ? text_h : beside ? (text_h > T ? text_h : T) : text_h + G + T;
    int h = block_h + 2 * pad;
    if (h > room)
        h = block_h + 2 * (edge + 1) > room ? block_h + 2 * (edge + 1) : room;
    if (h < bottom - b.top)
        h = bottom - b.top;   /* the buttons are covered whole */
    int y = bottom - h, r = G * 2 / 3;
    lay_rect(sc, M, y, W, h, COL_ACCENT, r);
    lay_rect(sc, M + edge, y + edge, W - 2 * edge, h - 2 * edge, COL_SURFACE,
             r > edge ? r - edge : 0);
    int btop = y + (h - block_h) / 2;
    int top = (beside ? y + (h - text_h) / 2 : btop) - (lh - fh) / 2, n = 0; /* first line box */
    int tx = M + (beside ? edge + G : 0), tspan = beside ? tw : W;
    if (bw)
        lay_button(&c, sc, LABEL_MORE_TIME, ACT_MORE_TIME,
                   beside ? M + W - edge - G - bw : M + (W - bw) / 2,
                   beside ? y + (h - T) / 2 : btop + text_h + G, 1);
    for (int i = 0; i < nseg; i++) {
        lay_pos p = lay_text_start(&seg[i]), next;
        lay_line ln;
        for (; n < lines && lay_break(&c, &seg[i], px, tw, p, &ln, &next); n++) {
            int lw = lay_line_width(&c, &seg[i], px, ln);
            lay_emit_line(&c, sc, &seg[i], px, ln, tx + (tspan - lw) / 2, top + n * step,
                          COL_TEXT, 0);
            p = next;
        }
    }
}
