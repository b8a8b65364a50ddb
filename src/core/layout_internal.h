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

/* A piece of text made of styled runs; a plain string is one run. base is
 * toggled into every run's style: titles are bold throughout, and in an
 * italic quote the words staff emphasised stand upright. */
typedef struct lay_text {
    const content_run *runs;
    int nruns;
    unsigned base;
} lay_text;

/* A place in a lay_text: run index and byte offset in it. At the end,
 * run == nruns and off == 0. */
typedef struct lay_pos { int run, off; } lay_pos;

/* One broken line: [start, end) without the spaces that end it. */
typedef struct lay_line { lay_pos start, end; } lay_line;

layout_face lay_face(unsigned style);
int lay_line_height(const lay_ctx *c, int px);   /* baseline to baseline */
int lay_font_height(const lay_ctx *c, layout_face f, int px);
int lay_width(const lay_ctx *c, layout_face f, int px, const char *t, int len);

lay_pos lay_text_start(const lay_text *t);
int lay_at_end(const lay_text *t, lay_pos p);
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
/* A topic visitors may open: no errors, at least one card. */
int lay_shown(const content_topic *t);

/* Card pages: the block flow in layout_card.c. */
typedef struct lay_area { int x, y, w, h; } lay_area;
typedef struct lay_cursor { int block, line; } lay_cursor;
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

#endif
