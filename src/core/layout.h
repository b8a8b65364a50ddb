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

typedef enum layout_box_kind { BOX_RECT, BOX_TEXT, BOX_IMAGE } layout_box_kind;

/* What a tap on a box does. */
typedef enum layout_action {
    ACT_NONE, ACT_OPEN_MENU, ACT_BACK, ACT_HOME, ACT_PREV, ACT_NEXT, ACT_TOPIC
} layout_action;

typedef struct layout_box {
    layout_box_kind kind;
    int x, y, w, h;            /* px, inside the screen */
    layout_colour colour;      /* RECT: fill; TEXT: ink */
    int radius;                /* RECT: corner radius in px */
    const char *text;          /* TEXT: one line, already broken; not NUL-terminated at len */
    int len;
    layout_face face;
    int px;                    /* TEXT: font size in px */
    const char *image;         /* IMAGE: path in the content folder */
    int cover;                 /* IMAGE: 1 = crop to fill the box, 0 = fit inside it */
    layout_action action;      /* a tap inside x,y,w,h does this (ACT_NONE: nothing) */
    int arg;                   /* ACT_TOPIC: topic index */
} layout_box;

/* Enough for the busiest screen (a menu of KIOSK_MAX_TOPICS tiles, or a card
 * with a few hundred styled runs); layout stops adding boxes when full. */
#define LAYOUT_MAX_BOXES 512

typedef struct layout_screen {
    int w, h;
    int nbox;
    layout_box box[LAYOUT_MAX_BOXES];
} layout_screen;

/* One screenful of a card. A card too long for one screen becomes several
 * pages (never smaller text). */
typedef struct layout_page {
    int topic, card;
    int part, nparts;          /* 0-based page of this card, and how many */
    int first_block;           /* where this page's text starts */
    int first_line;            /* line within that block (wrapped lines) */
} layout_page;

typedef struct layout_topic_pages {
    layout_page *page;
    int npages;
} layout_topic_pages;

/* Every page of the content at one size: the attract loop's, and each topic's. */
typedef struct layout_deck {
    int w, h;
    layout_page *loop;         /* loop pages in the order shown */
    int nloop;
    layout_topic_pages *topic; /* [snapshot->ntopics] */
} layout_deck;

/* Builds the deck in a (owned by the caller; typically one per snapshot and
 * size). Returns 0, or -1 when a ran out. */
int layout_deck_build(layout_deck *d, const content_snapshot *s,
                      const layout_metrics *m, int w, int h, arena *a);

void layout_loop_screen(layout_screen *out, const content_snapshot *s,
                        const layout_deck *d, const layout_metrics *m, int loop_index);
void layout_menu_screen(layout_screen *out, const content_snapshot *s,
                        const layout_deck *d, const layout_metrics *m);
void layout_topic_screen(layout_screen *out, const content_snapshot *s,
                         const layout_deck *d, const layout_metrics *m,
                         int topic, int page);
/* The calm screen shown when no content is valid at all: the spa's name. */
void layout_empty_screen(layout_screen *out, const content_snapshot *s,
                         const layout_metrics *m, int w, int h);

/* The action of the top-most box with an action at (x, y), or ACT_NONE. */
layout_action layout_hit(const layout_screen *sc, int x, int y, int *arg);

#endif
