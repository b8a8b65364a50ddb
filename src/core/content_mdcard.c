/* content_mdcard.c — a topic file's text blocks gathered into cards: the
 * opening card, ## cards, FAQ questions and reviews, with their checks
 * (length, a review's heading and quote, empty cards and topics). */
#include "content_md.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void *content_md_grow(void *p, int *cap, int need, size_t size)
{
    if (need <= *cap)
        return p;
    int n = *cap ? *cap * 2 : 16;
    while (n < need)
        n *= 2;
    void *q = realloc(p, (size_t)n * size);
    if (q)
        *cap = n;
    return q;
}

/* ---- cards ---- */

static int count_words(const content_block *b, int nblocks, const char *title)
{
    int words = 0;
    for (const char *p = title; p && *p; p++)
        words += !isspace((unsigned char)*p) && (p == title || isspace((unsigned char)p[-1]));
    for (int i = 0; i < nblocks; i++) {
        int in_word = 0;
        for (int r = 0; r < b[i].nruns; r++)
            for (const char *p = b[i].runs[r].text; *p; p++) {
                int sp = isspace((unsigned char)*p);
                words += !sp && !in_word;
                in_word = !sp;
            }
    }
    return words;
}

static int count_chars(const content_block *b, int nblocks, const char *title)
{
    int n = title ? content_utf8_count(title, strlen(title)) : 0;
    for (int i = 0; i < nblocks; i++)
        for (int r = 0; r < b[i].nruns; r++)
            n += content_utf8_count(b[i].runs[r].text, (size_t)b[i].runs[r].len);
    return n;
}

static void review_check(md_state *m, content_card *c)
{
    if (m->quotes_top != 1 || m->outside_quote || c->nblocks == 0)
        loader_diag_add(m->L, DIAG_ERROR, c->line, "a review's words must be one "
                        "quote: start each line of them with > and put nothing "
                        "else under the heading");
}

static void card_finish(md_state *m)
{
    content_card *c = m->card;
    if (!c)
        return;
    c->blocks = arena_alloc(md_arena(m), sizeof *c->blocks * (size_t)(m->nblocks + 1));
    if (c->blocks && m->nblocks) {
        memcpy(c->blocks, m->blocks, sizeof *c->blocks * (size_t)m->nblocks);
        c->nblocks = m->nblocks;
    }
    c->words = count_words(c->blocks, c->nblocks, c->title);
    int chars = count_chars(c->blocks, c->nblocks, c->title);
    if (chars > KIOSK_MAX_CARD_CHARS)
        loader_diag_add(m->L, DIAG_ERROR, c->line, "this card has %d characters; "
                        "at most %d fit (about five screens). Split it with more "
                        "## headings", chars, KIOSK_MAX_CARD_CHARS);
    if (c->kind == CARD_REVIEW)
        review_check(m, c);
    else if (c->nblocks == 0 && m->L->s->nerrors == m->card_errors)
        loader_diag_add(m->L, DIAG_WARNING, c->line, "this card has nothing "
                        "under its heading; write its text below it");
    m->card = NULL;
    m->nblocks = 0;
    m->quotes_top = m->outside_quote = 0;
}

/* "Brynn P. · 13 Aug 2018" into name and date. */
static void review_heading(md_state *m, content_card *c)
{
    const char *dot = strstr(c->title, " \xC2\xB7 ");
    if (!dot) {
        loader_diag_add(m->L, DIAG_ERROR, c->line, "a review heading is the name, "
                        "a middle dot with spaces around it, and the date, like "
                        "## Brynn P. \xC2\xB7 13 Aug 2018");
        return;
    }
    const char *date = dot + 4;
    while (*date == ' ')
        date++;
    c->review_name = arena_strndup(md_arena(m), c->title, (size_t)(dot - c->title));
    c->review_date = arena_strdup(md_arena(m), date);
    if (dot == c->title || !*date)
        loader_diag_add(m->L, DIAG_ERROR, c->line, "a review heading needs both "
                        "a name and a date around the middle dot");
}

content_card *content_md_card_begin(md_state *m, const char *title, int line,
                                content_card_kind kind)
{
    card_finish(m);
    if (m->full)
        return NULL;
    if (m->ncards >= KIOSK_MAX_CARDS_PER_TOPIC ||
        m->L->total_cards >= KIOSK_MAX_CARDS) {
        loader_diag_add(m->L, DIAG_ERROR, line, "there are too many cards (at "
                        "most %d in a topic, %d in all); the rest of this file "
                        "is left out. Split or shorten it",
                        KIOSK_MAX_CARDS_PER_TOPIC, KIOSK_MAX_CARDS);
        m->full = 1;
        return NULL;
    }
    content_card *cards = content_md_grow(m->cards, &m->capcards, m->ncards + 1,
                                          sizeof *cards);
    if (!cards) {
        m->full = 1;
        return NULL;
    }
    m->cards = cards;
    content_card *c = &cards[m->ncards++];
    m->L->total_cards++;
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->title = title;
    c->line = line;
    m->card = c;
    m->card_errors = m->L->s->nerrors;
    if (kind == CARD_FAQ) {
        size_t n = strlen(title);
        if (!n || title[n - 1] != '?')
            loader_diag_add(m->L, DIAG_WARNING, line, "a question should end "
                            "with a question mark (?)");
    } else if (kind == CARD_REVIEW) {
        review_heading(m, c);
    }
    return c;
}

/* A block needs a card: text before the first ## is the opening card. */
int content_md_block_add(md_state *m, const content_block *b)
{
    if (!m->card && !m->full)
        content_md_card_begin(m, m->topic->title, b->line, CARD_TEXT);
    if (!m->card)
        return -1;
    content_block *blocks = content_md_grow(m->blocks, &m->capblocks, m->nblocks + 1,
                                            sizeof *blocks);
    if (!blocks)
        return -1;
    m->blocks = blocks;
    blocks[m->nblocks++] = *b;
    if (b->kind != BLOCK_QUOTE)
        m->outside_quote = 1;
    return 0;
}

void content_md_cards_finish(md_state *m)
{
    card_finish(m);
    content_topic *t = m->topic;
    t->cards = arena_alloc(md_arena(m), sizeof *t->cards * (size_t)(m->ncards + 1));
    if (t->cards && m->ncards) {
        memcpy(t->cards, m->cards, sizeof *t->cards * (size_t)m->ncards);
        t->ncards = m->ncards;
    }
    if (!t->title)
        loader_diag_add(m->L, DIAG_ERROR, 0, "this topic has no title; its first "
                        "line should be # and the title, like # Runner's Knee");
    for (int i = 0; i < t->ncards; i++)
        if (!t->cards[i].title)
            t->cards[i].title = t->title ? t->title : t->name;
    /* Without cards because of errors already reported, it says nothing new. */
    if (t->ncards == 0 && t->title && m->L->s->nerrors == m->errors_before)
        loader_diag_add(m->L, DIAG_ERROR, 0, "this topic has no cards; write text "
                        "under the # title, or cards starting with ##");
}
