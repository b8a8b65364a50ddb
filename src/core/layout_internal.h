/* layout_internal.h — what the layout's files share: the sizing context, the
 * line breaker and the box emitters. Not for use outside src/core/layout*.c. */
#ifndef KIOSK_LAYOUT_INTERNAL_H
#define KIOSK_LAYOUT_INTERNAL_H

#include "layout.h"

/* Everything sized for one screen. */
typedef struct lay_ctx {
    const layout_metrics *m;
    const content_snapshot *s;
    int w, h;
    layout_sizes z;
} lay_ctx;

void lay_ctx_init(lay_ctx *c, const content_snapshot *s, const layout_metrics *m,
                  int w, int h);

/* A place in a lay_text: run index and byte offset in it. At the end,
 * run == nruns and off == 0 (or the stop, when the text has one). */
typedef struct lay_pos { int run, off; } lay_pos;

/* A piece of text made of styled runs; a plain string is one run. base is
 * toggled into every run's style: titles are bold throughout, and in an
 * italic quote the words staff emphasised stand upright. stop { 0, 0 }:
 * the whole text; else the text ends there (the loop's teaser shows whole
 * sentences of a paragraph too long for it). */
typedef struct lay_text {
    const content_run *runs;
    int nruns;
    unsigned base;
    lay_pos stop;
} lay_text;

/* One broken line: [start, end) without the spaces that end it. */
typedef struct lay_line { lay_pos start, end; } lay_line;

layout_face lay_face(unsigned style);
int lay_line_height(const lay_ctx *c, int px);   /* baseline to baseline */
int lay_font_height(const lay_ctx *c, layout_face f, int px);
int lay_width(const lay_ctx *c, layout_face f, int px, const char *t, int len);

lay_pos lay_text_start(const lay_text *t);
int lay_at_end(const lay_text *t, lay_pos p);
/* a lies before b in t. */
int lay_pos_before(const lay_text *t, lay_pos a, lay_pos b);
/* The code point at p (not at the end) and where the next one starts. */
unsigned lay_cp_at(const lay_text *t, lay_pos p, lay_pos *after);
int lay_is_space(unsigned cp);
/* Breaks the next line at p into width px; returns 0 when no text is left.
 * *next is where the following line starts. */
int lay_break(const lay_ctx *c, const lay_text *t, int px, int width,
              lay_pos p, lay_line *line, lay_pos *next);
/* Width of a broken line. */
int lay_line_width(const lay_ctx *c, const lay_text *t, int px, lay_line ln);
/* Lines t needs at width (counting at most max). */
int lay_count_lines(const lay_ctx *c, const lay_text *t, int px, int width, int max);

/* Box emitters: they do nothing when sc is NULL (measuring only) and stop
 * quietly when the screen is full. */
layout_box *lay_add(layout_screen *sc, layout_box_kind kind, int x, int y, int w, int h);
void lay_rect(layout_screen *sc, int x, int y, int w, int h, layout_colour col, int radius);
/* Copies len bytes into sc->text (NUL-terminated there); NULL when full. */
const char *lay_store(layout_screen *sc, const char *t, int len);
/* Emits one broken line as TEXT boxes (one per styled piece) with its top
 * at y (the line box; glyphs are centred in it). copy: the text is on the
 * caller's stack and must be stored in the screen. */
void lay_emit_line(const lay_ctx *c, layout_screen *sc, const lay_text *t, int px,
                   lay_line ln, int x, int y, layout_colour col, int copy);
/* Lays out t from the top at (x, y) in width, at most max_lines lines,
 * aligned left (centre = 0) or centred on x + width/2. Returns the height
 * used (lines * line height). */
int lay_paragraph(const lay_ctx *c, layout_screen *sc, const lay_text *t, int px,
                  int x, int y, int width, int max_lines, int centre,
                  layout_colour col, int copy);

/* Shared by the screens (layout.c, layout_menu.c). */
const char *lay_label(const lay_ctx *c, content_label l);   /* "" when unset */
int lay_inner_w(const lay_ctx *c);                          /* width inside margins */
int lay_text_w(const lay_ctx *c, const char *s, layout_face f, int px);
/* Starts a screen with its backdrop (box 0), which carries act. */
void lay_screen_start(layout_screen *out, const lay_ctx *c, layout_action act);
/* One line of plain text, cut to width at a word (or code point) if it must
 * be; returns its width. */
int lay_one_line(const lay_ctx *c, layout_screen *sc, const char *s, layout_face f,
                 int px, int x, int y, int width, layout_colour col, int copy);
/* The spa's name and phone along the bottom edge y_bottom; returns its height
 * (measures only when sc is NULL). */
int lay_strip(const lay_ctx *c, layout_screen *sc, int y_bottom);
/* A key: a rounded box with its word centred (pad on each side), carrying
 * act and arg; copy as for lay_one_line. */
void lay_key(const lay_ctx *c, layout_screen *sc, const char *word, int px, int pad,
             layout_action act, int arg, int x, int y, int w, int h, int primary, int copy);
/* Buttons: a label in a rounded box at least a target in size. */
int lay_button_w(const lay_ctx *c, content_label l);
void lay_button(const lay_ctx *c, layout_screen *sc, content_label l, layout_action act,
                int x, int y, int primary);
/* Where the buttons go, on topic cards and (Back) on the menu. Landscape:
 * one row, Previous at the left edge, Next at the right, Back and Home after
 * Previous's place (kept when Previous is hidden), the position just left of
 * Next. Portrait (or a landscape screen whose labels are too long for one
 * row): Back and Home at the edges of a row above Previous, position, Next. */
typedef struct lay_bar {
    int rows;
    int top;                   /* top of the bar; what is above ends a gap higher */
    int nav_y, util_y;         /* rows of Previous/Next and of Back/Home */
    int back_x, home_x;
    int pos_left, pos_right;   /* room for the position label */
} lay_bar;
lay_bar lay_bar_for(const lay_ctx *c);
/* The spa's name and phone in one row between x0 and x1 with its top at y:
 * the phone at the right, the name at the left when both fit; else only
 * what fits, together at the right end. Returns 1 when it drew anything. */
int lay_strip_row(const lay_ctx *c, layout_screen *sc, int x0, int x1, int y);

/* A topic visitors may open: no errors, at least one card. */
int lay_shown(const content_topic *t);

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

/* The pieces of a page, shared with the loop's cards (layout_loop.c). */
typedef struct lay_flow {
    lay_area a;
    int px, lh;
    int quote_bars;     /* draw blockquotes with a bar (not on review cards) */
    int y;              /* next free line top */
    int placed;         /* something is in the area already */
    int centre_images;  /* images centred across the area (a card of only pictures) */
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
/* Card title in st's sizes at the top of a; returns its height. */
int lay_card_title(const lay_ctx *c, layout_screen *sc, const content_card *card,
                   const lay_card_style *st, lay_area a, int part);
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

/* One loop card (layout_loop.c): headline and teaser, or a review's quote
 * and byline, with the card's image beside or below; a is the area above
 * the cue. Returns the words shown (layout_page.words). */
int lay_loop_card(const lay_ctx *c, layout_screen *sc, const content_card *card,
                  const lay_card_style *st, lay_area a);

#endif
