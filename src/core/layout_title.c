/* layout_title.c — a topic card's title and what stands round it: the
 * place line above it ("Causes · 3 of 9"), "(continued)" on a card's next
 * pages, and its size and place beside the visitor's buttons at the top
 * right (smaller to stay on one line or to save its card a page, never
 * below LAYOUT_TITLE_MIN_PCT of the body). */
#include "layout_internal.h"

#include <stdio.h>
#include <string.h>

/* A title is one line of a file; the label adds a few words. */
enum { TITLE_BYTES = KIOSK_MAX_LINE_BYTES + KIOSK_MAX_VALUE_BYTES + 8 };

/* "Causes (continued)" on every page after the first. */
static int compose_title(const lay_ctx *c, const content_card *card, int part,
                         char *buf, int cap)
{
    const char *title = card->title ? card->title : "";
    const char *more = c->s ? c->s->settings.label[LABEL_CONTINUED] : NULL;
    int n = part > 0 && more && *more
                ? snprintf(buf, (size_t)cap, "%s (%s)", title, more)
                : snprintf(buf, (size_t)cap, "%s", title);
    if (n < 0)
        n = 0;
    if (n >= cap) {   /* cut at a code point boundary */
        n = lay_utf8_whole(buf, cap - 1);
        buf[n] = '\0';
    }
    return n;
}

/* ---- where am I: the place line above a topic card's title ---- */

/* The label with {topic}, {n} and {total} put in; 0 when there is none. */
static int compose_place(const char *fmt, const char *topic, int n, int total, char *buf,
                         int cap)
{
    int o = 0;
    buf[0] = '\0';
    while (fmt && *fmt && o < cap - 24) {
        const char *put = NULL;
        char num[16];
        if (!strncmp(fmt, "{topic}", 7)) {
            put = topic;
            fmt += 7;
        } else if (!strncmp(fmt, "{n}", 3) || !strncmp(fmt, "{total}", 7)) {
            snprintf(num, sizeof num, "%d", fmt[1] == 'n' ? n : total);
            put = num;
            fmt += fmt[1] == 'n' ? 3 : 7;
        }
        if (put) {
            int len = snprintf(buf + o, (size_t)(cap - o), "%s", put);
            o += len < cap - o ? len : cap - o - 1;
        } else {
            buf[o++] = *fmt++;
            buf[o] = '\0';
        }
    }
    return o;
}

/* The line's height: the font's, not a paragraph's line (the title's own
 * line box has air above its capitals), so it costs a card little room. */
int lay_place_h(const lay_ctx *c, const content_topic *t, int card)
{
    const char *fmt = c->s ? c->s->settings.label[LABEL_PLACE] : NULL;
    if (!fmt || !*fmt || layout_card_entry(t, card) < 0)
        return 0;
    return lay_font_height(c, FACE_REGULAR, c->z.px_small);
}

/* Small and muted: it answers "where am I" without competing with the
 * title. The opening card's title is the topic's own: it has no line; a
 * topic of one entry shows its title alone ("1 of 1" says nothing). */
void lay_place(const lay_ctx *c, layout_screen *sc, int topic, int card, int x, int y,
               int w)
{
    if (!c->s || topic < 0 || topic >= c->s->ntopics)
        return;
    const content_topic *t = &c->s->topics[topic];
    int e = layout_card_entry(t, card), total = layout_topic_entries(t);
    if (!lay_place_h(c, t, card))
        return;
    const char *name = t->title ? t->title : t->name;
    char buf[TITLE_BYTES];
    if (total < 2)
        snprintf(buf, sizeof buf, "%s", name);
    else
        compose_place(c->s->settings.label[LABEL_PLACE], name, e + 1, total, buf,
                      sizeof buf);
    /* Its glyphs at the top of the line box: lay_one_line centres them in
     * a paragraph's line height. */
    int lift = (lay_line_height(c, c->z.px_small) - lay_place_h(c, t, card)) / 2;
    lay_one_line(c, sc, buf, FACE_REGULAR, c->z.px_small, x, y - lift, w, COL_MUTED, 1);
}

/* Returns the height used by the title. */
int lay_card_title(const lay_ctx *c, layout_screen *sc, const content_card *card,
                      const lay_card_style *st, lay_area a, int part, int beside)
{
    char buf[TITLE_BYTES];
    int len = compose_title(c, card, part, buf, sizeof buf);
    if (len == 0)
        return 0;
    content_run run = { buf, len, 0 };
    lay_text t = { &run, 1, RUN_BOLD, { 0, 0 } };
    int px = st->title_px, max = st->title_max_lines;
    if (st->alt_title_px && lay_count_lines(c, &t, px, a.w, max + 1) > max) {
        px = st->alt_title_px;
        max = st->alt_max_lines;
    }
    if (beside)
        return lay_paragraph_beside(c, sc, &t, px, a.x, a.y, a.w, max, COL_TEXT, 1);
    return lay_paragraph(c, sc, &t, px, a.x, a.y, a.w, max, 0, COL_TEXT, 1);
}

/* The title at px (beside: its first lines clear of the visitor's
 * buttons); returns its height. */
static int title_at(const lay_ctx *c, layout_screen *sc, const content_card *card,
                    const lay_card_style *st, lay_area a, int part, int px, int beside)
{
    lay_card_style at = *st;
    at.title_px = px;
    at.alt_title_px = 0;
    return lay_card_title(c, sc, card, &at, a, part, beside);
}

/* The smallest a title beside the visitor's buttons may be. */
static int title_floor(const lay_card_style *st)
{
    return (st->body_px * LAYOUT_TITLE_MIN_PCT + 99) / 100;
}

/* The largest size from st's down to the floor at which the title takes
 * one line beside the buttons; 0 when it needs more at every size. */
static int title_px_one_line(const lay_ctx *c, const content_card *card,
                             const lay_card_style *st, lay_area a, int part)
{
    int floor = title_floor(st), px = st->title_px;
    char buf[TITLE_BYTES];
    int len = compose_title(c, card, part, buf, sizeof buf);
    int room = lay_head_right(c, a.y) - a.x, w = lay_width(c, FACE_BOLD, px, buf, len);
    room = room < a.w ? room : a.w;
    /* Widths grow with the size: start near the size that fits, not at
     * every size down from s/11 (measuring each took the deck 4x as long). */
    if (w > room && room > 0 && (long)px * room / w + 2 < px)
        px = (int)((long)px * room / w) + 2;   /* kerning is not quite linear */
    for (; px >= floor && px > 0; px--)
        if (title_at(c, NULL, card, st, a, part, px, 1) <= lay_line_height(c, px))
            return px;
    return 0;
}

/* The title keeps clear of the visitor's buttons at the top right: beside
 * them on one line, a little smaller when it must (a second line, or a
 * line under the buttons, cost the words below it a paragraph on
 * 800x480); else beside them on more lines, or under them when a line
 * fewer more than makes up for starting lower. Returns where the words
 * start: under the title and the buttons. */
int lay_title_clear_of_head(const lay_ctx *c, layout_screen *sc, const content_card *card,
                            const lay_card_style *st, lay_area a, int part)
{
    int G = c->z.gap, below = a.y < c->head_bottom ? c->head_bottom : a.y;
    int px = below > a.y ? title_px_one_line(c, card, st, a, part) : 0;
    if (px)   /* the words may start beside the buttons, narrower */
        return a.y + title_at(c, sc, card, st, a, part, px, 1) + G;
    int hb = lay_card_title(c, NULL, card, st, a, part, 1);
    int top_beside = a.y + (hb ? hb + G : 0);
    lay_area low = { a.x, below, a.w, a.h - (below - a.y) };
    int hl = below > a.y ? lay_card_title(c, NULL, card, st, low, part, 0) : hb;
    int top_below = below + (hl ? hl + G : 0);
    if (below > a.y && top_below < top_beside) {
        lay_card_title(c, sc, card, st, low, part, 0);
        return top_below;
    }
    lay_card_title(c, sc, card, st, a, part, 1);
    return top_beside;
}

/* Pages card takes in a with its title at px. */
static int pages_at(const lay_ctx *c, const content_card *card, const lay_card_style *st,
                    lay_area a, int px)
{
    lay_card_style at = *st;
    at.title_px = px;
    lay_cursor cur = { 0, { 0, 0 } };
    int n = 1;
    while (lay_card_step(c, card, &at, a, n - 1, &cur))
        n++;
    return n;
}

int lay_card_title_px(const lay_ctx *c, const content_card *card, const lay_card_style *st,
                      lay_area a)
{
    int lo = title_floor(st), hi = st->title_px;
    if (a.y >= c->head_bottom || card->kind == CARD_REVIEW || lo >= hi)
        return hi;
    int most = pages_at(c, card, st, a, hi);
    int least = most > 1 ? pages_at(c, card, st, a, lo) : most;
    if (least >= most)
        return hi;
    /* pages at lo: least; at hi: more. Pages grow with the title's size. */
    while (hi - lo > 1) {
        int mid = (lo + hi) / 2;
        if (pages_at(c, card, st, a, mid) <= least)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

