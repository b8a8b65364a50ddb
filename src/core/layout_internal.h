/* layout_internal.h — what the page composers share: the card flow
 * (layout_card.c) that the loop's cards (layout_loop.c) reuse, and the two
 * composers the deck (layout.c) calls. Built on the toolkit (layout_kit.h),
 * which knows none of this. Not for use outside src/core/layout*.c. */
#ifndef KIOSK_LAYOUT_INTERNAL_H
#define KIOSK_LAYOUT_INTERNAL_H

#include "layout_kit.h"

/* Card pages: the block flow in layout_card.c. */
typedef struct lay_area { int x, y, w, h; } lay_area;
/* Where a page starts: a block, and the place in its text (a position,
 * not a line count: a page beside a picture breaks lines narrower than the
 * next). pos { 0, 0 }: the block's start. */
typedef struct lay_cursor { int block; lay_pos pos; } lay_cursor;
/* How a page of a card is laid into an area. */
typedef struct lay_card_style {
    int title_px, title_max_lines;
    /* When the title needs more lines than title_max_lines: this size, up
     * to alt_max_lines (0: no second size; lines past the last are cut). */
    int alt_title_px, alt_max_lines;
    int body_px;
} lay_card_style;
/* Lays out one page of card starting at *cur into a (title, body, and a
 * review's quote mark and byline); advances *cur past what fit, always by at
 * least one line or image. Emits boxes only when sc is not NULL. */
void lay_card_page(const lay_ctx *c, layout_screen *sc, const content_card *card,
                   const lay_card_style *st, lay_area a, int part, lay_cursor *cur);
int lay_card_done(const content_card *card, lay_cursor cur);
/* Measures the page of card at *cur and moves *cur past it; returns 1 when
 * a next page follows (0: the card is done, or the page took nothing). */
int lay_card_step(const lay_ctx *c, const content_card *card, const lay_card_style *st,
                  lay_area a, int part, lay_cursor *cur);
/* Card titles (layout_title.c). The title at the top of a, clear of the
 * visitor's buttons at the top right: beside them on one line (smaller
 * when it must), else wrapped beside them or under them, whichever leaves
 * the words more room. Returns where the words start. */
int lay_title_clear_of_head(const lay_ctx *c, layout_screen *sc, const content_card *card,
                            const lay_card_style *st, lay_area a, int part);
/* The title size for every page of card in a: st's, or when the visitor's
 * buttons at the top right cost the card a page there, the largest size
 * down to LAYOUT_TITLE_MIN_PCT of the body's that saves it. */
int lay_card_title_px(const lay_ctx *c, const content_card *card, const lay_card_style *st,
                      lay_area a);

/* The pieces of a page, shared with the loop's cards (layout_loop.c). */
typedef struct lay_flow {
    lay_area a;
    int px, lh;
    int quote_bars;     /* draw blockquotes with a bar (not on review cards) */
    int y;              /* next free line top */
    int placed;         /* something is in the area already */
    int centre_images;  /* images centred across the area (a card of only pictures) */
    int beside_head;    /* lines and pictures keep clear of the visitor's
                           buttons at the top right (a topic card's) */
} lay_flow;
void lay_flow_init(lay_flow *f, const lay_ctx *c, lay_area a, int px, int quote_bars);
/* Where a text block's lines go in a flow: indent, list marker or quote bar. */
typedef struct lay_geom { int indent, marker_w, bar_w, text_x, text_w; } lay_geom;
lay_geom lay_block_geom(const lay_ctx *c, const lay_flow *f, const content_block *b);
/* Space before b when prev comes just before it. */
int lay_block_gap(const lay_ctx *c, const content_block *prev, const content_block *b);
/* b's words as a lay_text in f's style (italic in a quote with a bar). */
lay_text lay_block_text(const lay_flow *f, const content_block *b);
/* Places the lines of t (b's text, maybe stopped early) from *from on;
 * returns 0 when the area filled up first (*from: where to go on). */
int lay_flow_text(const lay_ctx *c, layout_screen *sc, lay_flow *f, const content_block *b,
                  const lay_text *t, int gap_before, lay_pos *from);
/* Card title in st's sizes at the top of a; returns its height. beside: a
 * topic card's, its lines kept clear of the visitor's buttons. */
int lay_card_title(const lay_ctx *c, layout_screen *sc, const content_card *card,
                   const lay_card_style *st, lay_area a, int part, int beside);
/* Image b fitted inside a (never enlarged more than twice), at a's top,
 * centred across a when centre; returns the height it takes. */
int lay_image_fit(layout_screen *sc, const content_block *b, lay_area a, int centre);
/* Image b at the right edge of body, at most pct % of its width; body
 * shrinks to what is left beside it (one grid unit away). */
void lay_image_beside(const lay_ctx *c, layout_screen *sc, const content_block *b,
                      lay_area *body, int pct);
/* The width image b takes when fitted inside box_w x box_h. */
int lay_image_w(const content_block *b, int box_w, int box_h);
const content_block *lay_card_image(const content_card *card);   /* first, or NULL */
int lay_card_has_text(const content_card *card);
/* A review's large opening quote mark at (x, y); returns its width. */
int lay_quote_mark(const lay_ctx *c, layout_screen *sc, int x, int y);
int lay_quote_mark_px(const lay_ctx *c);
/* A review's "name · date" (muted) at (x, y) in width w, or the name over
 * the date when that does not fit one line; returns its height. */
int lay_byline(const lay_ctx *c, layout_screen *sc, const content_card *card, int px,
               int x, int y, int w);
/* How far below the mark's top the words start, so they line up with it. */
int lay_quote_body_drop(const lay_ctx *c, int body_px);

/* The booking QR code and its caption at the bottom right of a
 * (layout_qr.c): in landscape a column at the right, the caption above the
 * code; in portrait a row at the bottom, the caption left of the code.
 * Returns what is left of a for the rest (a itself when there is no code,
 * or no room for it). Measures only when sc is NULL. */
lay_area lay_qr_place(const lay_ctx *c, layout_screen *sc, lay_area a);
/* The same on a topic card ([booking] card): the code's corner starts
 * under the visitor's buttons when they are at the top right; the words
 * beside it still start at the top. The pager and the screen both use it. */
lay_area lay_qr_place_card(const lay_ctx *c, layout_screen *sc, lay_area a);
/* Module side in px of the booking code on this screen (0: no code). */
int lay_qr_module(const lay_ctx *c);

/* One loop card (layout_loop.c): headline and teaser, or a review's quote
 * and byline, with the card's image beside or below; a is the area above
 * the cue; topic: the card's topic in c->s (the opening card of a topic with
 * a contents screen may show its list). Returns the words shown
 * (layout_page.words). */
int lay_loop_card(const lay_ctx *c, layout_screen *sc, int topic, const content_card *card,
                  const lay_card_style *st, lay_area a);

/* Contents screens (layout_contents.c): sets tp->ncontents and
 * tp->contents_of (in a) for topic; tp->page must be cut already. Returns
 * 0, or -1 when a ran out. */
int lay_contents_pages(const lay_ctx *c, const content_snapshot *s, int topic,
                       layout_topic_pages *tp, arena *a);

/* Where am I (layout_card.c): the line above a topic card's title, "Causes
 * · 3 of 9" ([labels] place), and the height it takes on card of t (0
 * without the label, and on the opening card, whose title is the topic's). */
int lay_place_h(const lay_ctx *c, const content_topic *t, int card);
void lay_place(const lay_ctx *c, layout_screen *sc, int topic, int card, int x, int y,
               int w);

#endif
