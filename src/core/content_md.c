/* content_md.c — one topic file (NN-name.md) into a content_topic: once
 * content_mdcheck.c has checked the text, walks md4c's events into cards and
 * blocks, mapping md4c's byte offsets back to line numbers. */
#include "content_internal.h"

#include <ctype.h>
#include <md4c.h>
#include <stdlib.h>
#include <string.h>

/* ---- md4c events into cards ---- */

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

static void *grow(void *p, int *cap, int need, size_t size)
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

static int grow_bytes(char **p, size_t *cap, size_t need)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap * 2 : 256;
    while (n < need)
        n *= 2;
    char *q = realloc(*p, n);
    if (!q)
        return -1;
    *p = q;
    *cap = n;
    return 0;
}

static arena *A(md_state *m)
{
    return &m->L->s->arena;
}

static void warn_pending(md_state *m, const char *what)
{
    for (int i = 0; i < m->npend_warn; i++)
        if (m->pend_warn[i] == what)
            return;
    if (m->npend_warn < 4)
        m->pend_warn[m->npend_warn++] = what;
}

static void warn_flush(md_state *m, int line)
{
    if (m->nest_reported < 0) {
        m->nest_reported = 1;
        loader_diag_add(m->L, DIAG_ERROR, line, "quotes or lists are nested too "
                        "deeply here; at most %d levels can be shown, so take "
                        "some indentation away", KIOSK_MAX_NESTING);
    }
    for (int i = 0; i < m->npend_warn; i++)
        loader_diag_add(m->L, DIAG_WARNING, line, "%s is not supported here; it "
                        "is shown as plain text", m->pend_warn[i]);
    m->npend_warn = 0;
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
    c->blocks = arena_alloc(A(m), sizeof *c->blocks * (size_t)(m->nblocks + 1));
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
    c->review_name = arena_strndup(A(m), c->title, (size_t)(dot - c->title));
    c->review_date = arena_strdup(A(m), date);
    if (dot == c->title || !*date)
        loader_diag_add(m->L, DIAG_ERROR, c->line, "a review heading needs both "
                        "a name and a date around the middle dot");
}

static content_card *card_begin(md_state *m, const char *title, int line,
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
    content_card *cards = grow(m->cards, &m->capcards, m->ncards + 1, sizeof *cards);
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
static int block_add(md_state *m, const content_block *b)
{
    if (!m->card && !m->full)
        card_begin(m, m->topic->title, b->line, CARD_TEXT);
    if (!m->card)
        return -1;
    content_block *blocks = grow(m->blocks, &m->capblocks, m->nblocks + 1,
                                 sizeof *blocks);
    if (!blocks)
        return -1;
    m->blocks = blocks;
    blocks[m->nblocks++] = *b;
    if (b->kind != BLOCK_QUOTE)
        m->outside_quote = 1;
    return 0;
}

/* ---- text gathering ---- */

static unsigned cur_style(const md_state *m)
{
    return (m->bold ? RUN_BOLD : 0) | (m->italic ? RUN_ITALIC : 0);
}

static void text_reset(md_state *m)
{
    m->tblen = 0;
    m->nruns = 0;
    m->text_line = 0;
}

/* Appends with blanks collapsed: one space between words, none in front. */
static void text_append(md_state *m, const char *s, size_t n)
{
    if (m->in_image) {
        if (grow_bytes(&m->alt, &m->altcap, m->altlen + n + 1) == 0) {
            memcpy(m->alt + m->altlen, s, n);
            m->altlen += n;
        }
        return;
    }
    if (grow_bytes(&m->tb, &m->tbcap, m->tblen + n + 1) < 0)
        return;
    unsigned style = m->heading ? 0 : cur_style(m);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\n' || c == '\t' || c == '\r')
            c = ' ';
        if (c == ' ' && (m->tblen == 0 || m->tb[m->tblen - 1] == ' '))
            continue;
        if (m->nruns == 0 || m->runs[m->nruns - 1].style != style) {
            md_run *r = grow(m->runs, &m->capruns, m->nruns + 1, sizeof *r);
            if (!r)
                return;
            m->runs = r;
            r[m->nruns++] = (md_run){ m->tblen, style };
        }
        m->tb[m->tblen++] = c;
    }
}

static void text_trim(md_state *m)
{
    while (m->tblen && m->tb[m->tblen - 1] == ' ')
        m->tblen--;
    while (m->nruns && m->runs[m->nruns - 1].start >= m->tblen)
        m->nruns--;
}

/* What the innermost container makes of a text block in it. */
static void text_kind(md_state *m, content_block *b)
{
    b->depth = m->levels > 0 ? m->levels - 1 : 0;
    for (int i = m->nstack - 1; i >= 0; i--) {
        md_container *c = &m->stack[i];
        if (c->type == MD_BLOCK_QUOTE) {
            b->kind = BLOCK_QUOTE;
            return;
        }
        if (c->type != MD_BLOCK_LI)
            continue;
        if (c->texts++ > 0) {   /* a second paragraph in one item */
            b->kind = BLOCK_PARAGRAPH;
            b->depth = m->levels;
            return;
        }
        md_container *list = i > 0 ? &m->stack[i - 1] : NULL;
        if (list && list->type == MD_BLOCK_OL) {
            b->kind = BLOCK_NUMBERED;
            b->number = (int)list->next_number++;
        } else {
            b->kind = BLOCK_BULLET;
        }
        return;
    }
    b->kind = BLOCK_PARAGRAPH;
}

static void pending_images_flush(md_state *m)
{
    for (int i = 0; i < m->npending; i++)
        block_add(m, &m->pending[i]);
    m->npending = 0;
}

/* Ends the text block being gathered (if any) into the current card. */
static void text_flush(md_state *m)
{
    text_trim(m);
    if (m->tblen == 0) {
        text_reset(m);
        pending_images_flush(m);
        return;
    }
    content_block b = { .line = m->text_line ? m->text_line : m->line };
    text_kind(m, &b);
    if (m->npending)
        loader_diag_add(m->L, DIAG_WARNING, b.line, "a picture is shown only on a "
                        "line of its own; it is shown after this text");
    b.runs = arena_alloc(A(m), sizeof *b.runs * (size_t)m->nruns);
    if (b.runs) {
        for (int i = 0; i < m->nruns; i++) {
            size_t end = i + 1 < m->nruns ? m->runs[i + 1].start : m->tblen;
            size_t st = m->runs[i].start;
            b.runs[i].text = arena_strndup(A(m), m->tb + st, end - st);
            b.runs[i].len = (int)(end - st);
            b.runs[i].style = m->runs[i].style;
            if (!b.runs[i].text)
                return;
        }
        b.nruns = m->nruns;
        block_add(m, &b);
    }
    text_reset(m);
    pending_images_flush(m);
}

static void entity_append(md_state *m, const char *s, size_t n)
{
    char o[4];
    size_t k = content_entity_decode(s, n, o);
    if (k)
        text_append(m, o, k);
    else
        text_append(m, s, n);   /* unknown: shown as written */
}

/* ---- md4c callbacks ---- */

static int line_of(md_state *m, const char *p)
{
    const char *base = m->t->text;
    if (p >= base && p <= base + m->t->len)
        m->line = content_text_line_of(m->t, (size_t)(p - base));
    return m->line;
}

/* Line of a construct md4c reports without text (a rule, an empty
 * heading), searched for after the latest text and after the last one found
 * (content_md_find_line), so rules on lines 5, 7 and 9 are reported there. */
static int find_line(md_state *m, content_md_line_kind kind)
{
    int from = m->line + 1 > m->next_line ? m->line + 1 : m->next_line;
    int n = content_md_find_line(m->t, from, kind);
    if (!n)
        return m->line;
    m->next_line = n + 1;
    return n;
}

static void container_push(md_state *m, MD_BLOCKTYPE type, void *detail)
{
    if (m->nstack >= MAX_CONTAINERS)
        return;
    md_container *c = &m->stack[m->nstack++];
    memset(c, 0, sizeof *c);
    c->type = type;
    if (type == MD_BLOCK_OL)
        c->next_number = ((MD_BLOCK_OL_DETAIL *)detail)->start;
    if (type == MD_BLOCK_QUOTE || type == MD_BLOCK_LI)
        m->levels++;
    if (type == MD_BLOCK_QUOTE && m->levels == 1)
        m->quotes_top++;
    /* Reached through indentation over several lines; reported at the
     * line of the text that follows. */
    if (m->levels > KIOSK_MAX_NESTING && !m->nest_reported)
        m->nest_reported = -1;
}

static void container_pop(md_state *m, MD_BLOCKTYPE type)
{
    if (m->nstack == 0 || m->stack[m->nstack - 1].type != type)
        return;
    m->nstack--;
    if (type == MD_BLOCK_QUOTE || type == MD_BLOCK_LI)
        m->levels--;
}

static int on_enter_block(MD_BLOCKTYPE type, void *detail, void *u)
{
    md_state *m = u;
    /* A table row becomes one paragraph, its cells split by " | ". */
    if (type == MD_BLOCK_TH || type == MD_BLOCK_TD) {
        if (m->tblen)
            text_append(m, " | ", 3);
        return 0;
    }
    if (type == MD_BLOCK_TR || type == MD_BLOCK_THEAD || type == MD_BLOCK_TBODY)
        return 0;
    text_flush(m);
    switch (type) {
    case MD_BLOCK_QUOTE: case MD_BLOCK_UL: case MD_BLOCK_OL: case MD_BLOCK_LI:
        container_push(m, type, detail);
        break;
    case MD_BLOCK_H: {
        unsigned level = ((MD_BLOCK_H_DETAIL *)detail)->level;
        if (level >= 3)
            warn_pending(m, "a ### heading");
        else
            m->heading = (int)level;
        break;
    }
    case MD_BLOCK_CODE:
        warn_pending(m, "a code block");
        break;
    case MD_BLOCK_HTML:
        warn_pending(m, "HTML");
        break;
    case MD_BLOCK_TABLE:
        warn_pending(m, "a table");
        break;
    case MD_BLOCK_HR:
        loader_diag_add(m->L, DIAG_WARNING, find_line(m, MD_LINE_RULE),
                        "a line across (---) "
                        "is not supported here; it is left out");
        break;
    default:
        break;
    }
    return 0;
}

/* A # or ## heading ends: the topic title or a new card. */
static void heading_done(md_state *m)
{
    text_trim(m);
    int line = m->text_line ? m->text_line : find_line(m, MD_LINE_HEADING);
    char *title = arena_strndup(A(m), m->tb ? m->tb : "", m->tblen);
    int level = m->heading;
    m->heading = 0;
    text_reset(m);
    if (!title)
        return;
    if (level == 1 && !m->topic->title) {
        m->topic->title = *title ? title : NULL;
        return;
    }
    if (level == 1)
        loader_diag_add(m->L, DIAG_WARNING, line, "a second # heading; a topic "
                        "has one # title, so this one starts a card like ##");
    if (!*title)
        loader_diag_add(m->L, DIAG_ERROR, line, "this card heading has no words; "
                        "write its title after the ##");
    content_card_kind kind = m->topic->kind == TOPIC_FAQ ? CARD_FAQ
                           : m->topic->kind == TOPIC_REVIEWS ? CARD_REVIEW
                           : CARD_TEXT;
    card_begin(m, title, line, kind);
}

static int on_leave_block(MD_BLOCKTYPE type, void *detail, void *u)
{
    md_state *m = u;
    warn_flush(m, m->line);
    switch (type) {
    case MD_BLOCK_QUOTE: case MD_BLOCK_UL: case MD_BLOCK_OL: case MD_BLOCK_LI:
        text_flush(m);
        container_pop(m, type);
        break;
    case MD_BLOCK_H:
        if (m->heading)
            heading_done(m);
        else
            text_flush(m);
        break;
    case MD_BLOCK_TH: case MD_BLOCK_TD:
        break;
    default:
        text_flush(m);
        break;
    }
    return 0;
}

/* md4c hands over a copy of an image's path when it holds \ or & (and no
 * text at all for an empty one), so its line is then that of the next "!["
 * from the latest text on; img_off keeps the search moving forward, so a
 * line of such pictures is read once, not once per picture. */
static int src_line(md_state *m, const MD_ATTRIBUTE *src)
{
    const char *base = m->t->text;
    if (src->text && src->size && src->text >= base && src->text < base + m->t->len) {
        m->img_off = (size_t)(src->text - base);
        return line_of(m, src->text);
    }
    size_t from = (size_t)m->t->line_start[m->line - 1];
    if (m->img_off > from)
        from = m->img_off;
    const char *p = content_md_find_image(m->t, from);
    if (!p)
        return m->line;
    m->img_off = (size_t)(p - base) + 2;
    return line_of(m, p);
}

static void image_enter(md_state *m, MD_SPAN_IMG_DETAIL *d)
{
    m->in_image = 1;
    m->altlen = 0;
    m->src_line = src_line(m, &d->src);
    m->src_bad = d->src.size > KIOSK_MAX_PATH_BYTES;
    size_t n = m->src_bad ? 0 : d->src.size;
    if (n)
        memcpy(m->src, d->src.text, n);
    m->src[n] = '\0';
}

static void image_leave(md_state *m)
{
    m->in_image = 0;
    if (m->heading || m->npending >= 8) {
        loader_diag_add(m->L, DIAG_WARNING, m->src_line, "this picture is not "
                        "shown here; put it on a line of its own");
        return;
    }
    if (m->src_bad) {
        loader_diag_add(m->L, DIAG_ERROR, m->src_line, "this picture's file name "
                        "is too long; at most %d characters", KIOSK_MAX_PATH_BYTES);
        return;
    }
    content_block b = { .kind = BLOCK_IMAGE, .line = m->src_line };
    if (content_image_check(m->L, b.line, m->src, &b.image_w, &b.image_h))
        return;
    b.depth = m->levels > 0 ? m->levels - 1 : 0;
    b.image = arena_strdup(A(m), m->src);
    b.alt = arena_strndup(A(m), m->alt ? m->alt : "", m->altlen);
    if (!m->topic->image)
        m->topic->image = b.image;
    m->pending[m->npending++] = b;
}

static int on_enter_span(MD_SPANTYPE type, void *detail, void *u)
{
    md_state *m = u;
    switch (type) {
    case MD_SPAN_STRONG: m->bold++; break;
    case MD_SPAN_EM: m->italic++; break;
    case MD_SPAN_IMG:
        if (!m->in_image)
            image_enter(m, detail);
        else
            m->in_image++;
        break;
    case MD_SPAN_A: warn_pending(m, "a link (its address is left out)"); break;
    case MD_SPAN_CODE: warn_pending(m, "code"); break;
    case MD_SPAN_DEL: warn_pending(m, "crossed-out text (~~)"); break;
    default: break;
    }
    return 0;
}

static int on_leave_span(MD_SPANTYPE type, void *detail, void *u)
{
    md_state *m = u;
    switch (type) {
    case MD_SPAN_STRONG: m->bold--; break;
    case MD_SPAN_EM: m->italic--; break;
    case MD_SPAN_IMG:
        if (m->in_image > 1)
            m->in_image--;
        else if (m->in_image)
            image_leave(m);
        break;
    default: break;
    }
    return 0;
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *u)
{
    md_state *m = u;
    int line = line_of(m, s);
    if (!m->text_line && !m->in_image)
        m->text_line = line;
    if (type == MD_TEXT_NORMAL && content_md_looks_like_html(s, n))
        warn_pending(m, "HTML");
    /* Once per line: one bad picture may come in several pieces. */
    if (type == MD_TEXT_NORMAL && !m->in_image && m->raw_line != line &&
        content_md_raw_syntax(m->L, m->t, line, s, n))
        m->raw_line = line;
    warn_flush(m, line);
    switch (type) {
    case MD_TEXT_BR: case MD_TEXT_SOFTBR:
        text_append(m, " ", 1);
        break;
    case MD_TEXT_NULLCHAR:
        text_append(m, "\xEF\xBF\xBD", 3);
        break;
    case MD_TEXT_ENTITY:
        entity_append(m, s, n);
        break;
    default:
        text_append(m, s, n);
        break;
    }
    return 0;
}

/* ---- the topic ---- */

static void topic_finish(md_state *m)
{
    text_flush(m);
    card_finish(m);
    content_topic *t = m->topic;
    t->cards = arena_alloc(A(m), sizeof *t->cards * (size_t)(m->ncards + 1));
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

static void md_state_fini(md_state *m)
{
    free(m->tb), free(m->runs), free(m->alt), free(m->cards), free(m->blocks);
}

void content_md_load(content_loader *L, content_topic *topic)
{
    int errors_before = L->s->nerrors;
    content_text t;
    memset(&t, 0, sizeof t);
    if (content_md_read(L, topic->file, &t) == 0) {
        md_state m;
        memset(&m, 0, sizeof m);
        m.L = L;
        m.topic = topic;
        m.t = &t;
        m.line = 1;
        m.errors_before = errors_before;
        MD_PARSER p = {
            .flags = MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH |
                     MD_FLAG_COLLAPSEWHITESPACE | MD_FLAG_PERMISSIVEATXHEADERS,
            .enter_block = on_enter_block,
            .leave_block = on_leave_block,
            .enter_span = on_enter_span,
            .leave_span = on_leave_span,
            .text = on_text,
        };
        if (md_parse(t.text, (MD_SIZE)t.len, &p, &m) != 0)
            loader_diag_add(L, DIAG_ERROR, 0, "this file could not be read as "
                            "Markdown (out of memory?)");
        topic_finish(&m);
        md_state_fini(&m);
    }
    content_text_fini(&t);
    if (!topic->title)
        topic->title = topic->name;
    topic->nerrors = L->s->nerrors - errors_before;
}
