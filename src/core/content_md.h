/* content_md.h — what the topic file reader's two files share: the state
 * of one md4c walk (content_md.c turns md4c's events into text blocks,
 * content_mdcard.c gathers the blocks into cards and checks them). Not for
 * use outside src/core/content_md*.c. */
#ifndef KIOSK_CONTENT_MD_H
#define KIOSK_CONTENT_MD_H

#include <md4c.h>

#include "content_internal.h"

enum { MAX_CONTAINERS = 64 };

typedef struct md_container {
    MD_BLOCKTYPE type;       /* QUOTE, UL, OL, LI */
    unsigned next_number;    /* OL: number of the next item */
    int texts;               /* LI: text blocks started in it */
} md_container;

typedef struct md_run { size_t start; unsigned style; } md_run;

typedef struct md_state {
    content_loader *L;
    content_topic *topic;
    const content_text *t;
    int line;                    /* line of the latest text md4c handed over */
    int next_line;               /* after the last rule or empty heading found */
    size_t img_off;              /* after the last "![" a picture was found at */
    int raw_line;                /* line whose raw picture syntax was reported */

    md_container stack[MAX_CONTAINERS];
    int nstack, levels;          /* levels: quotes and list items open */
    int nest_reported;           /* -1: too deep, waiting for a line */
    int quotes_top;              /* top-level quotes in the current card */
    int outside_quote;           /* text blocks outside any quote, this card */

    /* The text block being gathered (also headings and image alt text). */
    char *tb;
    size_t tblen, tbcap;
    md_run *runs;
    int nruns, capruns;
    int text_line;
    int bold, italic;
    int heading;                 /* level of the heading being read, or 0 */
    int seen_entry;              /* a ## card began: a ### card may follow */
    int heading_line;
    int in_image;                /* inside ![...]: text is the alt */
    char *alt;
    size_t altlen, altcap;
    char src[KIOSK_MAX_PATH_BYTES + 1];
    int src_line, src_bad;

    /* Pending image blocks of the current paragraph (shown after its text). */
    content_block pending[8];
    int npending;

    const char *pend_warn[4];    /* warnings waiting for the line of their text */
    int npend_warn;

    content_card *cards;
    int ncards, capcards;
    content_card *card;          /* NULL until the first block or ## */
    content_block *blocks;
    int nblocks, capblocks;
    int full;                    /* card limit reached: the rest is dropped */
    int errors_before;           /* the snapshot's errors before this file */
    int card_errors;             /* ... and before the current card */
} md_state;

static inline arena *md_arena(md_state *m)
{
    return &m->L->s->arena;
}

/* p grown to hold need items of size (doubling; *cap updated), or NULL
 * when out of memory (p is then still valid). */
void *content_md_grow(void *p, int *cap, int need, size_t size);
/* Ends the current card (if any) and starts one with title at line; NULL
 * when the card limits are reached (reported) or out of memory. */
content_card *content_md_card_begin(md_state *m, const char *title, int line,
                                    content_card_kind kind);
/* Adds b to the current card; text before the first ## starts the opening
 * card. Returns -1 when there is no card to add to. */
int content_md_block_add(md_state *m, const content_block *b);
/* Ends the last card and hands the cards to the topic, with the topic's
 * own checks (a title, at least one card). */
void content_md_cards_finish(md_state *m);

#endif
