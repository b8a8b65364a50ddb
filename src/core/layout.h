/* layout.h — turns the content model into screens of positioned boxes for one
 * screen size. Knows nothing of SDL: text is measured through layout_metrics,
 * so tests can use fake metrics and the renderer real ones. */
#ifndef KIOSK_LAYOUT_H
#define KIOSK_LAYOUT_H

#include "content.h"

typedef enum layout_face {
    FACE_REGULAR, FACE_BOLD, FACE_ITALIC, FACE_BOLD_ITALIC, FACE_COUNT
} layout_face;

typedef struct layout_metrics {
    void *ctx;
    /* Advance width in px of text[0..len) (UTF-8) in face at size px. */
    int (*text_width)(void *ctx, layout_face face, int px, const char *text, int len);
    /* Font height in px (ascent + descent) of face at size px. Line spacing
     * is layout's business (1.3-1.4x, DESIGN.md). */
    int (*font_height)(void *ctx, layout_face face, int px);
} layout_metrics;

/* Colours are roles, resolved from kiosk.ini by the renderer. */
typedef enum layout_colour {
    COL_GROUND, COL_SURFACE, COL_TEXT, COL_MUTED, COL_ACCENT, COL_ACCENT_TEXT, COL_COUNT
} layout_colour;

/* BOX_QR: the booking QR code, drawn from its module matrix (a few hundred
 * modules as RECT boxes would not fit LAYOUT_MAX_BOXES). */
typedef enum layout_box_kind { BOX_RECT, BOX_TEXT, BOX_IMAGE, BOX_QR } layout_box_kind;

/* What a tap on a box does. */
typedef enum layout_action {
    ACT_NONE, ACT_OPEN_MENU, ACT_BACK, ACT_HOME, ACT_PREV, ACT_NEXT, ACT_TOPIC,
    ACT_ENTRY,         /* a contents row: arg = the entry's first topic page */
    ACT_LANGUAGE,      /* the language button: the next language */
    ACT_LARGE_TEXT,    /* "Aa": large text (and high contrast) on or off */
    ACT_MORE_TIME      /* the idle notice's button: a longer wait until the loop */
} layout_action;

/* Boxes are drawn in list order (later on top). The rules every screen keeps,
 * and tests/core/test_layout.c checks at five sizes:
 *  - box 0 is the backdrop: a RECT of COL_GROUND covering the whole screen
 *    (backdrop = 1). On the loop it carries ACT_OPEN_MENU: a tap anywhere.
 *  - every other box lies inside the safe area: margins of about s/12 on
 *    each side (s = the screen's shorter side).
 *  - TEXT, IMAGE and QR boxes never overlap one another.
 *  - a RECT that touches a TEXT or IMAGE box contains it whole (a button, a
 *    tile, the cue's pill); bars and bullet dots touch no text.
 *  - tap targets (boxes with an action, the backdrop aside) are at least
 *    s/7 wide and tall and never closer to one another than s/24; a
 *    contents row (ACT_ENTRY) may come to s/60 of another target when that
 *    saves the visitor a screen (layout_contents.c says why that is enough).
 * Overlays (layout_notice_overlay) are drawn over a finished screen and are
 * exempt from the overlap rules against what lies beneath. */
typedef struct layout_box {
    layout_box_kind kind;
    int x, y, w, h;            /* px, inside the screen */
    layout_colour colour;      /* RECT: fill; TEXT: ink */
    int radius;                /* RECT: corner radius in px */
    /* TEXT: one line, already broken; exactly len bytes (NOT NUL-terminated).
     * Draw it unscaled with its top-left at x,y: h is the font height and w
     * the measured width, so the glyphs fill the box. */
    const char *text;
    int len;
    layout_face face;
    int px;                    /* TEXT: font size in px */
    const char *image;         /* IMAGE: path in the content folder */
    int cover;                 /* IMAGE: 1 = crop to fill the box, 0 = fit inside it */
    layout_action action;      /* a tap inside x,y,w,h does this (ACT_NONE: nothing) */
    int arg;                   /* ACT_TOPIC: topic index; ACT_ENTRY: topic page */
    int backdrop;              /* 1: the whole-screen ground, box 0 */
    /* QR: the code with its quiet zone (QR_QUIET modules of paper on every
     * side) filling x,y,w,h exactly: modules of module x module whole px,
     * the dark ones in colour, the rest in paper. */
    const kiosk_qr *qr;
    int module;
    layout_colour paper;
} layout_box;

/* Enough for the busiest screen (a menu of KIOSK_MAX_TOPICS tiles, or a card
 * with a few hundred styled runs); layout stops adding boxes when full. */
#define LAYOUT_MAX_BOXES 512

/* Bytes of text a screen composes itself (position "2 / 5", "3.", a title
 * with "(continued)", the phone strip). Everything else points into the
 * snapshot. A title is at most a line of a file, so two of those fit. */
#define LAYOUT_MAX_TEXT (2 * KIOSK_MAX_LINE_BYTES + 1024)

/* Boxes may point into text[]: copy a screen with layout_screen_copy, never
 * by plain assignment (the copy would point into the original). */
typedef struct layout_screen {
    int w, h;
    int nbox;
    layout_box box[LAYOUT_MAX_BOXES];
    int ntext;
    char text[LAYOUT_MAX_TEXT];
} layout_screen;

/* Sizes for one screen, all fractions of the shorter side s (DESIGN.md).
 * The renderer may use these to open the few font sizes it will need. */
typedef struct layout_sizes {
    int s;                     /* shorter side */
    int portrait;              /* h > w */
    int margin;                /* s/12: the safe area's inset on every side */
    int gap;                   /* s/24: the one grid unit between things */
    int target;                /* s/7: smallest tap target side */
    int px_headline;           /* s/8: loop headline, review quote marks */
    int px_title;              /* s/11: card and menu titles */
    int px_loop_body;          /* s/14: loop body, read from the sofa */
    int px_body;               /* s/16: body text, the floor for reading */
    int px_small;              /* position, phone strip: >= s/22 */
    int px_button;             /* words on buttons: body size, a word read at arm's length */
} layout_sizes;

void layout_sizes_for(layout_sizes *z, int w, int h);
/* Large text for a visitor who asked ("Aa"): body text and small print
 * times LAYOUT_LARGE_PCT / 100 (4/3: body text s/12 instead of s/16);
 * titles (large already), the buttons' words, margins, gaps and targets as
 * they were, so every button keeps its place. The screens lay out again at
 * the bigger body size (not a zoom): a snapshot view with large_text set
 * gets these sizes on every screen. */
#define LAYOUT_LARGE_PCT 133
void layout_sizes_large(layout_sizes *z);
/* A topic card's title beside the visitor's buttons (at the top right of a
 * landscape screen) steps down from s/11 to stay on one line there (or to
 * save its card a page), but never below this share of the body size:
 * bold, on a line of its own and 1.1x the words, it still reads as their
 * title; large text already sets s/11 titles over s/12 words (1.1x). A
 * title that does not fit even so keeps its size and wraps beside them,
 * or goes under them. */
#define LAYOUT_TITLE_MIN_PCT 110

/* One screenful of a card. A card too long for one screen becomes several
 * topic pages (never smaller text). The attract loop shows one page per
 * card: its headline and a teaser (whole blocks, else whole sentences),
 * so loop pages always have part 0, nparts 1. */
typedef struct layout_page {
    int topic, card;
    int part, nparts;          /* 0-based page of this card, and how many */
    int first_block;           /* where this page's text starts: a block, */
    int first_run, first_off;  /* and a run and byte in it (0, 0: its start) */
    /* Loop pages: the words the visitor reads on it (the headline or a
     * review's byline, and the teaser as far as it is shown; counted like
     * content_card.words, so a card shown whole gives card.words). For the
     * loop's timing. 0 on topic pages. */
    int words;
    /* Topic pages: the card's title size on all its pages (s/11, or less
     * beside the visitor's buttons when that saves the card a page). */
    int title_px;
} layout_page;

typedef struct layout_topic_pages {
    layout_page *page;         /* NULL, npages 0: topic not shown (errors) */
    int npages;
    int ncontents;             /* contents screens; 0: the topic opens on page 0 */
    int *contents_of;          /* [npages]: the contents screen listing each
                                  page's entry (the opening card's: 0); NULL
                                  when ncontents is 0 */
} layout_topic_pages;

/* Every page of the content at one size: the attract loop's (one per card
 * of the topics in the loop, in menu order), and each topic's. */
typedef struct layout_deck {
    int w, h;
    layout_page *loop;         /* loop pages in the order shown */
    int nloop;                 /* = the loop's cards */
    layout_topic_pages *topic; /* [snapshot->ntopics] */
    int ntopics;
} layout_deck;

/* Builds the deck in a (owned by the caller; typically one per snapshot and
 * size). Returns 0, or -1 when a ran out. */
int layout_deck_build(layout_deck *d, const content_snapshot *s,
                      const layout_metrics *m, int w, int h, arena *a);

/* The start of a deck, for the first frame (issue 9): the loop pages of the
 * first topic in the loop only, and every topic with no pages. A small part
 * of layout_deck_build's time on large content; its loop page 0 is the full
 * deck's loop page 0. Build the full deck before showing anything else. */
int layout_deck_build_first(layout_deck *d, const content_snapshot *s,
                            const layout_metrics *m, int w, int h, arena *a);

/* Topic pages of one card at the deck's size (0: not shown). More than 1
 * means the card continues on an automatic next card: --check warns. */
int layout_card_parts(const layout_deck *d, int topic, int card);
/* Index in d->topic[topic].page of the card's first page, or -1. */
int layout_card_first_page(const layout_deck *d, int topic, int card);

/* One loop card: headline (the card's title) and a teaser of whole text
 * blocks, else whole sentences of the first, else its lines ending in "…";
 * a review's quote and "name · date"; the card's picture at the right in
 * landscape, below in portrait if room is left; the tap cue and spa strip.
 * The backdrop carries ACT_OPEN_MENU. */
void layout_loop_screen(layout_screen *out, const content_snapshot *s,
                        const layout_deck *d, const layout_metrics *m, int loop_index);
/* Tiles for the topics that have pages, in menu order; ACT_TOPIC, arg = the
 * topic's index in s->topics. The grid (2-4 columns in landscape, 1-2 in
 * portrait) is the one that shows every title whole in the largest type,
 * under the menu's heading. Back (ACT_BACK: to the loop) sits exactly where
 * Back is on a topic card, the spa strip beside or below it where it fits;
 * where that leaves the tiles' words below body size (landscape screens of
 * eight topics) Back moves to the right end of the heading's row instead,
 * so that tiles fill the bottom row, and the strip is left out. There is no
 * Home (the menu is home). */
void layout_menu_screen(layout_screen *out, const content_snapshot *s,
                        const layout_deck *d, const layout_metrics *m);
/* page: index in d->topic[topic].page. Previous is left out on the first
 * page and Next on the last, Home on a topic without a contents screen
 * (Back leads to the menu there already); their places stay empty, so no
 * button ever moves. Above the title, the place line ("Causes · 3 of 9",
 * [labels] place; not on the opening card); without that label, the
 * position ("2 / 5") in the bar when the topic has more than one page. */
void layout_topic_screen(layout_screen *out, const content_snapshot *s,
                         const layout_deck *d, const layout_metrics *m,
                         int topic, int page);
/* ---- contents screens (layout_contents.c) ----
 * A topic's entries are its ## cards (a FAQ's questions), in order. A ###
 * card (content_card.continues) belongs to the entry before it; the opening
 * card (text before the first ##) is none: its first paragraph is the
 * contents screen's lead. */

/* Entries of topic t. */
int layout_topic_entries(const content_topic *t);
/* The entry (0-based) card belongs to, or -1 for the opening card. */
int layout_card_entry(const content_topic *t, int card);
/* 1 when the topic opens on a contents screen: the FAQ always; reviews
 * never (a list of names and dates helps nobody find anything, and reviews
 * are read one after another); any other shown topic from
 * [kiosk] contents_from entries. The one rule everyone asks: Back on its
 * cards leads to that list and Home to the menu; without it Back and Home
 * would both lead to the menu. */
int layout_topic_has_contents(const content_snapshot *s, int topic);
/* Contents screen `page` (0-based, < d->topic[topic].ncontents): the
 * topic's title, a one-line lead, a large row per entry (ACT_ENTRY, arg =
 * the entry's first page), Previous/Next between contents screens and
 * Back/Home in the card's button bar. */
void layout_contents_screen(layout_screen *out, const content_snapshot *s,
                            const layout_deck *d, const layout_metrics *m,
                            int topic, int page);
/* Lines card's title takes as a contents row at w x h (its widest), for
 * --check: more than two read badly as a button. */
int layout_entry_title_lines(const content_snapshot *s, const layout_metrics *m,
                             int w, int h, int topic, int card);

/* The calm screen shown when no content is valid at all: the spa's name. */
void layout_empty_screen(layout_screen *out, const content_snapshot *s,
                         const layout_metrics *m, int w, int h);

/* Adds the idle notice (LABEL_IDLE_NOTICE) as a banner over a finished
 * screen: over the button row at the bottom, full width inside the margins,
 * above no words of a card (unless the label is too long for that room; on a
 * menu with Back beside its heading, over the last row of tiles). A
 * surface-coloured banner with an accent edge, its words at body size.
 * With [labels] more_time, a More time button (ACT_MORE_TIME) at the right
 * of the words, or under them where that leaves the words less than half
 * the width. The banner itself has no action: any touch means stay. */
void layout_notice_overlay(layout_screen *sc, const content_snapshot *s,
                           const layout_metrics *m);

/* The action of the top-most box with an action at (x, y), or ACT_NONE. */
layout_action layout_hit(const layout_screen *sc, int x, int y, int *arg);

/* Copies a screen so that its boxes point into dst's own text. */
void layout_screen_copy(layout_screen *dst, const layout_screen *src);

#endif
