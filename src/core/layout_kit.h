/* layout_kit.h — the layout toolkit every screen is built with: the sizing
 * context, the line breaker, the box emitters and the shared pieces (labels,
 * keys and buttons, the button bar, the spa strip). It calls no page composer.
 * Not for use outside src/core/layout*.c. */
#ifndef KIOSK_LAYOUT_KIT_H
#define KIOSK_LAYOUT_KIT_H

#include "layout.h"

/* Everything sized for one screen. */
typedef struct lay_ctx {
    const layout_metrics *m;
    const content_snapshot *s;
    int w, h;
    layout_sizes z;
    /* The top-right slot of the visitor's buttons (lay_bar.head): what
     * starts at the top keeps head_w px off the right margin above
     * head_bottom. 0, 0: none. */
    int head_w, head_bottom;
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
/* The longest prefix of the first n bytes of valid UTF-8 s that ends on a
 * whole code point: where to cut text that did not fit a buffer. */
int lay_utf8_whole(const char *s, int n);

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
/* lay_paragraph aligned left, each line kept clear of the visitor's
 * buttons at the top right (lay_head_right at its top): a title's first
 * line beside them, the next ones full width below. */
int lay_paragraph_beside(const lay_ctx *c, layout_screen *sc, const lay_text *t, int px,
                         int x, int y, int width, int max_lines, layout_colour col,
                         int copy);
/* Width of the widest word of s (words split at spaces): a box whose words
 * must show whole is at least this wide. */
int lay_widest_word(const lay_ctx *c, const char *s, layout_face f, int px);

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

/* Shared by the screens (layout.c and the composers). */
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
/* How a key is drawn: plain (words on the surface colour), primary (on the
 * accent: Next, Previous), or a switch that is on (Aa with large text:
 * inverted, ground-coloured words on a text-coloured key, a pair --check
 * holds to the words' contrast like text on ground). */
enum { LAY_KEY_PLAIN = 0, LAY_KEY_PRIMARY = 1, LAY_KEY_ON = 2 };
/* A key: a rounded box with its word centred (pad on each side), carrying
 * act and arg, drawn in style (LAY_KEY_*); copy as for lay_one_line. */
void lay_key(const lay_ctx *c, layout_screen *sc, const char *word, int px, int pad,
             layout_action act, int arg, int x, int y, int w, int h, int style, int copy);
/* Buttons: a label in a rounded box at least a target in size. */
int lay_button_w(const lay_ctx *c, content_label l);
void lay_button(const lay_ctx *c, layout_screen *sc, content_label l, layout_action act,
                int x, int y, int style);
/* Where the buttons go, on every screen that has them (topic cards, the
 * contents screens, the menu): the same rectangles on all of them at one
 * size, so a button never moves; one that does not apply is left out and
 * its place stays empty. Landscape: one row, Previous at the left edge,
 * Next at the right, Back and Home after Previous's place, the position
 * just left of Next. Portrait (or a landscape screen whose labels are too
 * long for one row): Back and Home at the edges of a row above Previous,
 * position, Next (the position between Back and Home when long labels
 * leave it no room there). The visitor's buttons (below) are on every
 * screen with a bar. */
typedef struct lay_bar {
    int rows;
    int top;                   /* top of the bar; what is above ends a gap higher */
    int nav_y, util_y;         /* rows of Previous/Next and of Back/Home */
    int back_x, home_x;
    int pos_left, pos_right;   /* room for the position label, */
    int pos_y;                 /* in this row (nav_y, or util_y when long labels need it) */
    /* The visitor's buttons ("Aa" when [labels] large_text is set, the
     * language when the content has a translation): after Home's place in
     * a one-row bar; in the top right corner of a landscape screen whose
     * row is full (head); after Back in the row of Back and Home; or in a
     * third row of their own above that when they do not fit there. The
     * same with large text on (nothing moves under the finger on Aa). */
    int show_aa, lang_w;       /* lang_w 0: no language button */
    int aa_x, lang_x, extra_y;
    int extra_end;             /* right end of the last one (aa_x: none) */
    int head;                  /* 1: at the top right (a landscape bar whose
                                  row has no room for them): titles and
                                  headings keep clear of it (lay_ctx.head_w) */
} lay_bar;
lay_bar lay_bar_for(const lay_ctx *c);
/* The right end of what starts at the top at y (a title, a heading): the
 * right margin, or the left of the visitor's buttons beside it. */
int lay_head_right(const lay_ctx *c, int y);
/* The visitor's buttons alone (lay_bar_emit draws them on every screen;
 * a menu with Back beside its heading calls this itself). */
void lay_bar_extras(const lay_ctx *c, layout_screen *sc, const lay_bar *b);
/* Which of the bar's buttons a screen shows. */
enum { LAY_SHOW_PREV = 1, LAY_SHOW_NEXT = 2, LAY_SHOW_BACK = 4, LAY_SHOW_HOME = 8 };
/* Previous and Next for page n of total (1-based): none on the first and
 * the last page respectively. */
unsigned lay_bar_paging(int n, int total);
/* The buttons in show, and the position ("2 / 5") of page n of total when
 * total is more than 1. */
void lay_bar_emit(const lay_ctx *c, layout_screen *sc, const lay_bar *b, unsigned show,
                  int n, int total);
/* The spa's name and phone in one row between x0 and x1 with its top at y:
 * the phone at the right, the name at the left when both fit; else only
 * what fits, together at the right end. Returns 1 when it drew anything. */
int lay_strip_row(const lay_ctx *c, layout_screen *sc, int x0, int x1, int y);

/* A topic visitors may open: no errors, at least one card. */
int lay_shown(const content_topic *t);

#endif
