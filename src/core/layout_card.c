/* layout_card.c — one page of a card: its title (layout_title.c), the
 * flow of its blocks (paragraphs, list items, quotes, an image; in
 * landscape the image beside the text), and a review's quote mark and
 * byline. The same code measures (pagination) and emits boxes
 * (screens), so they cannot disagree. The loop's cards (layout_loop.c) use
 * the same pieces. */
#include "layout_internal.h"

#include <stdio.h>
#include <string.h>

/* The large opening quotation mark of a review: typography, not a word. */
static const char QUOTE_MARK[] = "\xE2\x80\x9C";

/* Share of the inner width an image takes beside text on a topic card:
 * the text keeps ~58%, about 35 characters a line at 800x480. */
enum { SIDE_IMAGE_PCT = 42 };

int lay_card_done(const content_card *card, lay_cursor cur)
{
    return cur.block >= card->nblocks;
}

static int is_list(content_block_kind k)
{
    return k == BLOCK_BULLET || k == BLOCK_NUMBERED;
}

/* Space before a block: list items and quote paragraphs sit closer together
 * than separate paragraphs, so a list reads as one thing. */
int lay_block_gap(const lay_ctx *c, const content_block *prev, const content_block *b)
{
    if ((is_list(prev->kind) && is_list(b->kind)) ||
        (prev->kind == BLOCK_QUOTE && b->kind == BLOCK_QUOTE))
        return c->z.gap / 2;
    return c->z.gap;
}

typedef lay_flow flow;

void lay_flow_init(lay_flow *f, const lay_ctx *c, lay_area a, int px, int quote_bars)
{
    f->a = a;
    f->px = px;
    f->lh = lay_line_height(c, px);
    f->quote_bars = quote_bars;
    f->y = a.y;
    f->placed = 0;
    f->centre_images = 0;
    f->beside_head = 0;
}

/* The width a picture starting at x and top may take in f: narrower
 * beside the visitor's buttons. */
static int flow_width(const lay_ctx *c, const flow *f, int x, int top, int w)
{
    if (!f->beside_head)
        return w;
    int room = lay_head_right(c, top) - x;
    return room < w ? (room > 1 ? room : 1) : w;
}

/* The same for a line of words whose line box starts at top: its letters
 * half a grid unit below the buttons are clear of them (the font's own air
 * above its capitals makes up the rest of the unit). A line there cut
 * short read as a stray break ("a set of" / "problems caused by ..."). */
static int flow_line_width(const lay_ctx *c, const flow *f, int x, int top, int w)
{
    int air = (f->lh - lay_font_height(c, FACE_REGULAR, f->px)) / 2;
    return flow_width(c, f, x, top + air + c->z.gap / 2, w);
}

/* w x h fitted inside box_w x box_h, never enlarged more than twice: a small
 * picture blown up further only shows its pixels. */
static void fit(const content_block *b, long box_w, long box_h, long *w, long *h)
{
    long iw = b->image_w > 0 ? b->image_w : 4, ih = b->image_h > 0 ? b->image_h : 3;
    *w = box_w < 2 * iw ? box_w : 2 * iw;
    *h = *w * ih / iw;
    if (*h > box_h) {
        *h = box_h;
        *w = *h * iw / ih;
    }
    if (*w < 1)
        *w = 1;
    if (*h < 1)
        *h = 1;
}

int lay_image_w(const content_block *b, int box_w, int box_h)
{
    long w, h;
    fit(b, box_w, box_h, &w, &h);
    return (int)w;
}

void lay_image_beside(const lay_ctx *c, layout_screen *sc, const content_block *b,
                      lay_area *body, int pct)
{
    int iw = lay_image_w(b, body->w * pct / 100, body->h);
    lay_area pic = { body->x + body->w - iw, body->y, iw, body->h };
    lay_image_fit(sc, b, pic, 0);
    body->w -= iw + c->z.gap;
}

int lay_image_fit(layout_screen *sc, const content_block *b, lay_area a, int centre)
{
    if (a.w < 1 || a.h < 1)
        return 0;
    long w, h;
    fit(b, a.w, a.h, &w, &h);
    int x = a.x + (centre ? (a.w - (int)w) / 2 : 0);
    layout_box *box = lay_add(sc, BOX_IMAGE, x, a.y, (int)w, (int)h);
    if (box) {
        box->image = b->image;
        box->cover = 0;
    }
    return (int)h;
}

/* Places an image block; returns 0 when it belongs on the next page. */
static int flow_image(const lay_ctx *c, layout_screen *sc, flow *f,
                      const content_block *b, int gap_before)
{
    int indent = b->depth * f->px;
    if (indent > f->a.w / 3)
        indent = f->a.w / 3;
    long w, h;
    fit(b, f->a.w - indent, 1L << 30, &w, &h);   /* its height at full width */
    int top = f->y + (f->placed ? gap_before : 0);
    int room = f->a.y + f->a.h - top;
    /* Too little room for a picture worth seeing: next page. */
    if (f->placed && room < (h < f->a.h / 3 ? h : f->a.h / 3))
        return 0;
    int x = f->a.x + indent;
    lay_area box = { x, top, flow_width(c, f, x, top, f->a.w - indent), room > 1 ? room : 1 };
    f->y = top + lay_image_fit(sc, b, box, f->centre_images);
    f->placed = 1;
    return 1;
}

lay_geom lay_block_geom(const lay_ctx *c, const flow *f, const content_block *b)
{
    lay_geom g = { 0, 0, 0, 0, 0 };
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
                        const content_block *b, const lay_geom *g, int y)
{
    if (b->kind == BLOCK_BULLET) {
        int d = f->px * 8 / 25 > 4 ? f->px * 8 / 25 : 4;
        lay_rect(sc, f->a.x + g->indent + f->px / 6, y + (f->lh - d) / 2 + f->px / 20,
                 d, d, COL_MUTED, d / 2);
    } else if (b->kind == BLOCK_NUMBERED && sc) {
        char num[16];
        int n = snprintf(num, sizeof num, "%d.", b->number);
        content_run run = { num, n, 0 };
        lay_text t = { &run, 1, 0, { 0, 0 } };
        lay_line ln = { { 0, 0 }, { 0, n } };
        int w = lay_width(c, FACE_REGULAR, f->px, num, n);
        int x = g->text_x - f->px / 2 - w;
        if (x < f->a.x + g->indent)
            x = f->a.x + g->indent;
        lay_emit_line(c, sc, &t, f->px, ln, x, y, COL_MUTED, 1);
    }
}

lay_text lay_block_text(const flow *f, const content_block *b)
{
    unsigned base = b->kind == BLOCK_QUOTE && f->quote_bars ? RUN_ITALIC : 0;
    lay_text t = { b->runs, b->nruns, base, { 0, 0 } };
    return t;
}

/* Places the lines of a text block from *from on; returns 0 when the page
 * filled up first (and *from says where the next page goes on). */
int lay_flow_text(const lay_ctx *c, layout_screen *sc, flow *f, const content_block *b,
                  const lay_text *t, int gap_before, lay_pos *from)
{
    lay_geom g = lay_block_geom(c, f, b);
    lay_pos start = lay_text_start(t), p = *from, next;
    lay_line ln;
    int bottom = f->a.y + f->a.h, bar_top = -1, done = 1;
    int first = !lay_pos_before(t, start, p);   /* the block's first line comes */
    /* A paragraph that does not fit what is left, but would fit a page of
     * its own, goes to the next page whole: a page that opens with the end
     * of a sentence ("tours.") reads badly. Only longer ones are split. */
    if (first && f->placed) {
        int room = (bottom - f->y - gap_before) / f->lh, most = f->a.h / f->lh;
        int n = lay_count_lines(c, t, f->px, g.text_w, most + 1);
        if (n > room && n <= most)
            return 0;
    }
    for (;;) {
        int top = f->y + (bar_top < 0 && f->placed ? gap_before : 0);
        if (!lay_break(c, t, f->px, flow_line_width(c, f, g.text_x, top, g.text_w), p, &ln,
                       &next))
            break;
        if (f->placed && top + f->lh > bottom) {
            done = 0;
            break;
        }
        if (bar_top < 0)
            bar_top = top;
        if (first)
            flow_marker(c, sc, f, b, &g, top);
        first = 0;
        lay_emit_line(c, sc, t, f->px, ln, g.text_x, top, COL_TEXT, 0);
        f->y = top + f->lh;
        f->placed = 1;
        p = next;
    }
    if (g.bar_w && bar_top >= 0)
        lay_rect(sc, f->a.x + g.indent, bar_top, g.bar_w, f->y - bar_top, COL_MUTED, 0);
    if (done) {
        lay_pos zero = { 0, 0 };
        *from = zero;
    } else {
        *from = p;
    }
    return done;
}

/* Flows blocks from *cur into f, passing over skip (an image shown beside
 * the text); leaves *cur where the next page starts. */
static void flow_blocks(const lay_ctx *c, layout_screen *sc, flow *f,
                        const content_card *card, const content_block *skip,
                        lay_cursor *cur)
{
    for (int bi = cur->block; bi < card->nblocks; bi++) {
        const content_block *b = &card->blocks[bi];
        if (b == skip)
            continue;
        int gap = bi > 0 ? lay_block_gap(c, &card->blocks[bi - 1], b) : 0;
        lay_pos from = { 0, 0 };
        if (bi == cur->block)
            from = cur->pos;
        lay_text t = lay_block_text(f, b);
        int ok = b->kind == BLOCK_IMAGE ? flow_image(c, sc, f, b, gap)
                                        : lay_flow_text(c, sc, f, b, &t, gap, &from);
        if (!ok) {
            cur->block = bi;
            cur->pos = from;
            return;
        }
    }
    cur->block = card->nblocks;
    cur->pos.run = cur->pos.off = 0;
}

/* The large opening quotation mark at (x, y), in the accent colour: a
 * review must look like a quote from the sofa. Returns its width. */
int lay_quote_mark(const lay_ctx *c, layout_screen *sc, int x, int y)
{
    int qpx = lay_quote_mark_px(c);
    int qw = lay_width(c, FACE_BOLD, qpx, QUOTE_MARK, 3);
    layout_box *q = lay_add(sc, BOX_TEXT, x, y, qw, lay_font_height(c, FACE_BOLD, qpx));
    if (q) {
        q->text = QUOTE_MARK;
        q->len = 3;
        q->face = FACE_BOLD;
        q->px = qpx;
        q->colour = COL_ACCENT;
    }
    return qw;
}

/* Twice the headline: the mark's glyph fills only the top third of its
 * em, so at headline size it read as a speck. */
int lay_quote_mark_px(const lay_ctx *c)
{
    return 2 * c->z.px_headline;
}

/* How far below the mark's top the words start so that the first line's
 * capitals line up with the mark's ink: the glyph hangs about a fifth of the
 * font height below its box's top, at either size. */
int lay_quote_body_drop(const lay_ctx *c, int body_px)
{
    int qh = lay_font_height(c, FACE_BOLD, lay_quote_mark_px(c));
    int bh = lay_line_height(c, body_px);
    int d = (qh - bh) / 5;
    return d > 0 ? d : 0;
}

/* "name · date" in one line, else the name over the date (a break inside
 * either reads badly); at most two lines. */
int lay_byline(const lay_ctx *c, layout_screen *sc, const content_card *card, int px,
               int x, int y, int w)
{
    const char *by = card->title ? card->title : "";
    content_run run = { by, (int)strlen(by), 0 };
    lay_text t = { &run, 1, 0, { 0, 0 } };
    if (!run.len)
        return 0;
    int lh = lay_line_height(c, px);
    if (lay_count_lines(c, &t, px, w, 2) == 1 || !card->review_name || !card->review_date)
        return lay_paragraph(c, sc, &t, px, x, y, w, 2, 0, COL_MUTED, 0);
    lay_one_line(c, sc, card->review_name, FACE_REGULAR, px, x, y, w, COL_MUTED, 0);
    lay_one_line(c, sc, card->review_date, FACE_REGULAR, px, x, y + lh, w, COL_MUTED, 0);
    return 2 * lh;
}

/* A review: a large quotation mark in a column of its own, the words beside
 * it, and "name · date" below them. */
static void review_page(const lay_ctx *c, layout_screen *sc, const content_card *card,
                        const lay_card_style *st, lay_area a, lay_cursor *cur)
{
    int qw = lay_quote_mark(c, sc, a.x, a.y);
    int drop = lay_quote_body_drop(c, st->body_px);
    lay_area body = { a.x + qw + c->z.gap, a.y + drop, a.w - qw - c->z.gap, a.h - drop };
    int by_h = lay_byline(c, NULL, card, st->body_px, body.x, 0, body.w);
    flow f;
    lay_flow_init(&f, c, body, st->body_px, 0);
    f.beside_head = 1;   /* its first lines narrower beside the buttons */
    f.a.h -= by_h ? by_h + c->z.gap : 0;
    flow_blocks(c, sc, &f, card, NULL, cur);
    int by_y = f.y + c->z.gap;
    if (by_y < c->head_bottom)
        by_y = c->head_bottom;   /* a few words: the byline under the buttons */
    if (by_h)
        lay_byline(c, sc, card, st->body_px, body.x, by_y, body.w);
}

const content_block *lay_card_image(const content_card *card)
{
    for (int i = 0; i < card->nblocks; i++)
        if (card->blocks[i].kind == BLOCK_IMAGE)
            return &card->blocks[i];
    return NULL;
}

int lay_card_has_text(const content_card *card)
{
    for (int i = 0; i < card->nblocks; i++)
        if (card->blocks[i].kind != BLOCK_IMAGE)
            return 1;
    return 0;
}

/* In landscape a card's picture stands beside its text rather than pushing
 * the text onto a next page: the image in a column at the right on the
 * card's first page (later pages, if any, flow full width without it). */
static const content_block *side_image(const lay_ctx *c, const content_card *card)
{
    if (c->z.portrait || !lay_card_has_text(card))
        return NULL;
    return lay_card_image(card);
}

int lay_card_step(const lay_ctx *c, const content_card *card, const lay_card_style *st,
                  lay_area a, int part, lay_cursor *cur)
{
    lay_cursor before = *cur;
    lay_card_page(c, NULL, card, st, a, part, cur);
    if (lay_card_done(card, *cur))
        return 0;
    /* Every page takes at least a line; stop rather than loop if not. */
    lay_pos p = before.pos, q = cur->pos;
    return before.block < cur->block ||
           (before.block == cur->block && (p.run < q.run || (p.run == q.run && p.off < q.off)));
}

void lay_card_page(const lay_ctx *c, layout_screen *sc, const content_card *card,
                   const lay_card_style *st, lay_area a, int part, lay_cursor *cur)
{
    if (card->kind == CARD_REVIEW) {
        review_page(c, sc, card, st, a, cur);
        return;
    }
    int top = lay_title_clear_of_head(c, sc, card, st, a, part);
    const content_block *img = side_image(c, card);
    if (img && part == 0 && top < c->head_bottom)
        top = c->head_bottom;   /* the picture's column at the right: under them */
    lay_area body = { a.x, top, a.w, a.y + a.h - top };
    if (img && part == 0) {
        lay_image_beside(c, sc, img, &body, SIDE_IMAGE_PCT);
    }
    flow f;
    lay_flow_init(&f, c, body, st->body_px, 1);
    f.beside_head = 1;
    /* A card that is only a picture: the picture is the card, so it stands
     * in the middle (at the left it left half the screen empty). */
    f.centre_images = !lay_card_has_text(card);
    flow_blocks(c, sc, &f, card, img, cur);
}
