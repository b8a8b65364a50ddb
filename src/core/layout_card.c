/* layout_card.c — one page of a card: its title (with "(continued)" on
 * automatic next pages), the flow of its blocks (paragraphs, list items,
 * quotes, an image), and a review's quote mark and byline. The same code
 * measures (pagination) and emits boxes (screens), so they cannot disagree. */
#include "layout_internal.h"

#include <stdio.h>
#include <string.h>

/* A title is one line of a file; the label adds a few words. */
enum { TITLE_BYTES = KIOSK_MAX_LINE_BYTES + KIOSK_MAX_VALUE_BYTES + 8 };

/* The large opening quotation mark of a review: typography, not a word. */
static const char QUOTE_MARK[] = "\xE2\x80\x9C";

int lay_card_done(const content_card *card, lay_cursor cur)
{
    return cur.block >= card->nblocks;
}

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
        n = cap - 1;
        while (n > 0 && ((unsigned char)buf[n] & 0xC0) == 0x80)
            n--;
        buf[n] = '\0';
    }
    return n;
}

/* Returns the height used by the title. */
static int card_title(const lay_ctx *c, layout_screen *sc, const content_card *card,
                      const lay_card_style *st, lay_area a, int part)
{
    char buf[TITLE_BYTES];
    int len = compose_title(c, card, part, buf, sizeof buf);
    if (len == 0)
        return 0;
    content_run run = { buf, len, 0 };
    lay_text t = { &run, 1, RUN_BOLD };
    int px = st->title_px, max = st->title_max_lines;
    if (st->alt_title_px && lay_count_lines(c, &t, px, a.w, max + 1) > max) {
        px = st->alt_title_px;
        max = st->alt_max_lines;
    }
    return lay_paragraph(c, sc, &t, px, a.x, a.y, a.w, max, 0, COL_TEXT, 1);
}

static int is_list(content_block_kind k)
{
    return k == BLOCK_BULLET || k == BLOCK_NUMBERED;
}

/* Space before a block: list items and quote paragraphs sit closer together
 * than separate paragraphs, so a list reads as one thing. */
static int block_gap(const lay_ctx *c, const content_block *prev, const content_block *b)
{
    if ((is_list(prev->kind) && is_list(b->kind)) ||
        (prev->kind == BLOCK_QUOTE && b->kind == BLOCK_QUOTE))
        return c->z.gap / 2;
    return c->z.gap;
}

typedef struct flow {
    lay_area a;
    int px, lh;
    int quote_bars;     /* draw blockquotes with a bar (not on review cards) */
    int y;              /* next free line top */
    int placed;         /* something is on this page already */
} flow;

/* Places an image block; returns 0 when it belongs on the next page. */
static int flow_image(const lay_ctx *c, layout_screen *sc, flow *f,
                      const content_block *b, int gap_before)
{
    int iw = b->image_w > 0 ? b->image_w : 4, ih = b->image_h > 0 ? b->image_h : 3;
    int indent = b->depth * f->px;
    if (indent > f->a.w / 3)
        indent = f->a.w / 3;
    /* Fit the width, but never blow a small picture up more than twice. */
    long w = f->a.w - indent;
    if (w > 2L * iw)
        w = 2L * iw;
    long h = w * ih / iw;
    int top = f->y + (f->placed ? gap_before : 0);
    long room = f->a.y + f->a.h - top;
    /* Too little room for a picture worth seeing: next page. */
    if (f->placed && room < (h < f->a.h / 3 ? h : f->a.h / 3))
        return 0;
    if (room < 1)
        room = 1;
    if (h > room) {
        h = room;
        w = h * iw / ih;
    }
    if (w < 1)
        w = 1;
    if (h < 1)
        h = 1;
    layout_box *box = lay_add(sc, BOX_IMAGE, f->a.x + indent, top, (int)w, (int)h);
    if (box) {
        box->image = b->image;
        box->cover = 0;
    }
    f->y = top + (int)h;
    f->placed = 1;
    return 1;
}

typedef struct text_geom { int indent, marker_w, bar_w, text_x, text_w; } text_geom;

static text_geom block_geom(const lay_ctx *c, const flow *f, const content_block *b)
{
    text_geom g = { 0, 0, 0, 0, 0 };
    int depth = b->depth < KIOSK_MAX_NESTING ? b->depth : KIOSK_MAX_NESTING;
    g.indent = depth * f->px * 6 / 5;
    if (g.indent > f->a.w / 3)
        g.indent = f->a.w / 3;
    if (is_list(b->kind)) {
        char num[16];
        int n = snprintf(num, sizeof num, "%d.", b->number);
        int w00 = lay_width(c, FACE_REGULAR, f->px, "00.", 3);
        int wn = b->kind == BLOCK_NUMBERED ? lay_width(c, FACE_REGULAR, f->px, num, n) : 0;
        g.marker_w = (wn > w00 ? wn : w00) + f->px / 2;
    } else if (b->kind == BLOCK_QUOTE && f->quote_bars) {
        g.bar_w = f->px / 8 > 3 ? f->px / 8 : 3;
        g.marker_w = g.bar_w + f->px * 3 / 5;
    }
    g.text_x = f->a.x + g.indent + g.marker_w;
    g.text_w = f->a.w - g.indent - g.marker_w;
    return g;
}

/* The bullet dot or the item's number, beside the first line of an item. */
static void flow_marker(const lay_ctx *c, layout_screen *sc, const flow *f,
                        const content_block *b, const text_geom *g, int y)
{
    if (b->kind == BLOCK_BULLET) {
        int d = f->px * 8 / 25 > 4 ? f->px * 8 / 25 : 4;
        lay_rect(sc, f->a.x + g->indent + f->px / 6, y + (f->lh - d) / 2 + f->px / 20,
                 d, d, COL_MUTED, d / 2);
    } else if (b->kind == BLOCK_NUMBERED && sc) {
        char num[16];
        int n = snprintf(num, sizeof num, "%d.", b->number);
        content_run run = { num, n, 0 };
        lay_text t = { &run, 1, 0 };
        lay_line ln = { { 0, 0 }, { 0, n } };
        int w = lay_width(c, FACE_REGULAR, f->px, num, n);
        int x = g->text_x - f->px / 2 - w;
        if (x < f->a.x + g->indent)
            x = f->a.x + g->indent;
        lay_emit_line(c, sc, &t, f->px, ln, x, y, COL_MUTED, 1);
    }
}

/* Places the lines of a text block from line *line on; returns 0 when the
 * page filled up first (and *line says where the next page goes on). */
static int flow_text(const lay_ctx *c, layout_screen *sc, flow *f,
                     const content_block *b, int gap_before, int *line)
{
    text_geom g = block_geom(c, f, b);
    unsigned base = b->kind == BLOCK_QUOTE && f->quote_bars ? RUN_ITALIC : 0;
    lay_text t = { b->runs, b->nruns, base };
    lay_pos p = lay_text_start(&t), next;
    lay_line ln;
    int i = 0, bottom = f->a.y + f->a.h, bar_top = -1, done = 1;
    while (lay_break(c, &t, f->px, g.text_w, p, &ln, &next)) {
        p = next;
        if (i < *line) {   /* shown on an earlier page */
            i++;
            continue;
        }
        int top = f->y + (bar_top < 0 && f->placed ? gap_before : 0);
        if (f->placed && top + f->lh > bottom) {
            done = 0;
            break;
        }
        if (bar_top < 0)
            bar_top = top;
        if (i == 0)
            flow_marker(c, sc, f, b, &g, top);
        lay_emit_line(c, sc, &t, f->px, ln, g.text_x, top, COL_TEXT, 0);
        f->y = top + f->lh;
        f->placed = 1;
        i++;
    }
    if (g.bar_w && bar_top >= 0)
        lay_rect(sc, f->a.x + g.indent, bar_top, g.bar_w, f->y - bar_top, COL_MUTED, 0);
    *line = done ? 0 : i;
    return done;
}

/* Flows blocks from *cur into f; leaves *cur where the next page starts. */
static void flow_blocks(const lay_ctx *c, layout_screen *sc, flow *f,
                        const content_card *card, lay_cursor *cur)
{
    for (int bi = cur->block; bi < card->nblocks; bi++) {
        const content_block *b = &card->blocks[bi];
        int gap = bi > 0 ? block_gap(c, &card->blocks[bi - 1], b) : 0;
        int line = bi == cur->block ? cur->line : 0;
        int ok = b->kind == BLOCK_IMAGE ? flow_image(c, sc, f, b, gap)
                                        : flow_text(c, sc, f, b, gap, &line);
        if (!ok) {
            cur->block = bi;
            cur->line = line;
            return;
        }
    }
    cur->block = card->nblocks;
    cur->line = 0;
}

/* A review: a large quotation mark in a column of its own, the words beside
 * it, and "name · date" below them. */
static void review_page(const lay_ctx *c, layout_screen *sc, const content_card *card,
                        const lay_card_style *st, lay_area a, lay_cursor *cur)
{
    int qpx = c->z.px_headline;
    int qw = lay_width(c, FACE_BOLD, qpx, QUOTE_MARK, 3);
    layout_box *q = lay_add(sc, BOX_TEXT, a.x, a.y, qw, lay_font_height(c, FACE_BOLD, qpx));
    if (q) {
        q->text = QUOTE_MARK;
        q->len = 3;
        q->face = FACE_BOLD;
        q->px = qpx;
        q->colour = COL_MUTED;
    }
    lay_area body = { a.x + qw + c->z.gap, a.y, a.w - qw - c->z.gap, a.h };
    const char *by = card->title ? card->title : "";
    content_run run = { by, (int)strlen(by), 0 };
    lay_text t = { &run, 1, 0 };
    int by_lines = run.len ? lay_count_lines(c, &t, st->body_px, body.w, 2) : 0;
    int by_h = by_lines * lay_line_height(c, st->body_px);
    /* The words start level with the top of the quote mark's glyph box. */
    flow f = { body, st->body_px, lay_line_height(c, st->body_px), 0, body.y, 0 };
    f.a.h -= by_lines ? by_h + c->z.gap : 0;
    flow_blocks(c, sc, &f, card, cur);
    if (by_lines)
        lay_paragraph(c, sc, &t, st->body_px, body.x, f.y + c->z.gap, body.w, 2, 0,
                      COL_MUTED, 0);
}

void lay_card_page(const lay_ctx *c, layout_screen *sc, const content_card *card,
                   const lay_card_style *st, lay_area a, int part, lay_cursor *cur)
{
    if (card->kind == CARD_REVIEW) {
        review_page(c, sc, card, st, a, cur);
        return;
    }
    int th = card_title(c, sc, card, st, a, part);
    int top = a.y + (th ? th + c->z.gap : 0);
    lay_area body = { a.x, top, a.w, a.y + a.h - top };
    flow f = { body, st->body_px, lay_line_height(c, st->body_px), 1, body.y, 0 };
    flow_blocks(c, sc, &f, card, cur);
}
