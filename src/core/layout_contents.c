/* layout_contents.c — a topic's entries and its contents screens: which
 * topics open on one (the one rule), how the entries' rows are gridded and
 * cut into screens, and the screen itself: the topic's title, a one-line
 * lead, a large row per entry, and the card's button bar. */
#include "layout_internal.h"

#include <string.h>

/* A row's words: at most this many lines (more are cut; --check warns from
 * three, at body size on the 800x480 screen). */
enum { ROW_MAX_LINES = 3 };

/* ---- entries ---- */

/* The opening card (text before the first ##) is given the topic's own
 * title string by the parser (content_mdcard.c); a ## card has its own. */
static int opening_card(const content_topic *t, int card)
{
    return card == 0 && t->ncards > 0 && t->title && t->cards[0].title == t->title;
}

static int starts_entry(const content_topic *t, int card)
{
    return !opening_card(t, card) && !t->cards[card].continues;
}

int layout_topic_entries(const content_topic *t)
{
    int n = 0;
    for (int i = 0; i < t->ncards; i++)
        n += starts_entry(t, i);
    return n;
}

int layout_card_entry(const content_topic *t, int card)
{
    if (card < 0 || card >= t->ncards || opening_card(t, card))
        return -1;
    int e = -1;
    for (int i = 0; i <= card; i++)
        e += starts_entry(t, i);
    return e;
}

int layout_topic_has_contents(const content_snapshot *s, int topic)
{
    if (!s || topic < 0 || topic >= s->ntopics)
        return 0;
    const content_topic *t = &s->topics[topic];
    if (!lay_shown(t) || t->kind == TOPIC_REVIEWS)
        return 0;
    int n = layout_topic_entries(t);
    if (t->kind == TOPIC_FAQ)
        return n > 0;
    int from = s->settings.contents_from;
    return from > 0 && n >= from;
}

/* ---- the plan: grid and screens ---- */

/* How the rows of one topic are laid at one size. */
typedef struct plan {
    int n;                     /* entries */
    int card[KIOSK_MAX_CARDS_PER_TOPIC];    /* each entry's card */
    int cols, col_w;
    int title_px;              /* the topic's title */
    int has_lead;
    int top, bottom;           /* the rows' area */
    int pad_h, pad_v, step;    /* inside a row; step: one line of its words */
    int npages;
    int first[KIOSK_MAX_CARDS_PER_TOPIC + 1];   /* first entry of each screen */
} plan;

static const char *entry_title(const content_topic *t, const plan *p, int e)
{
    const char *title = t->cards[p->card[e]].title;
    return title ? title : "";
}

static int row_lines(const lay_ctx *c, const char *title, int w)
{
    content_run run = { title, (int)strlen(title), 0 };
    lay_text text = { &run, 1, RUN_BOLD, { 0, 0 } };
    int n = lay_count_lines(c, &text, c->z.px_body, w, ROW_MAX_LINES);
    return n < 1 ? 1 : n;
}

static int row_text_w(const plan *p)
{
    return p->col_w - 2 * p->pad_h;
}

/* Height of the grid row that starts at entry e: a target at least, or its
 * longest words' lines with room above and below. */
static int grid_row_h(const lay_ctx *c, const content_topic *t, const plan *p, int e)
{
    int lines = 1;
    for (int i = e; i < e + p->cols && i < p->n; i++) {
        int l = row_lines(c, entry_title(t, p, i), row_text_w(p));
        if (l > lines)
            lines = l;
    }
    int h = lines * p->step + 2 * p->pad_v;
    return h > c->z.target ? h : c->z.target;
}

/* Cuts the grid rows into screens; returns how many. A grid row taller
 * than a screen's room still gets a screen of its own. */
static int paginate(const lay_ctx *c, const content_topic *t, plan *p)
{
    int room = p->bottom - p->top, used = 0, pages = 0;
    for (int e = 0; e < p->n; e += p->cols) {
        int h = grid_row_h(c, t, p, e);
        if (pages == 0 || used + c->z.gap + h > room) {
            p->first[pages++] = e;
            used = h;
        } else {
            used += c->z.gap + h;
        }
    }
    if (pages == 0)
        p->first[pages++] = 0;   /* no entries: one empty screen */
    p->first[pages] = p->n;
    return pages;
}

/* Every row's words fit its column whole: no word is cut. */
static int words_fit(const lay_ctx *c, const content_topic *t, const plan *p)
{
    for (int e = 0; e < p->n; e++)
        if (lay_widest_word(c, entry_title(t, p, e), FACE_BOLD, c->z.px_body) > row_text_w(p))
            return 0;
    return 1;
}

/* The topic's first paragraph, its lead, or NULL. */
static const content_block *lead_block(const content_topic *t)
{
    if (!opening_card(t, 0))
        return NULL;
    const content_card *card = &t->cards[0];
    for (int i = 0; i < card->nblocks; i++)
        if (card->blocks[i].kind == BLOCK_PARAGRAPH && card->blocks[i].nruns > 0)
            return &card->blocks[i];
    return NULL;
}

static void plan_try(const lay_ctx *c, const content_topic *t, plan *p, int cols,
                     int title_px)
{
    lay_bar b = lay_bar_for(c);
    int G = c->z.gap;
    p->cols = cols;
    p->col_w = (lay_inner_w(c) - (cols - 1) * G) / cols;
    p->title_px = title_px;
    p->top = c->z.margin + lay_line_height(c, title_px)
             + (p->has_lead ? lay_line_height(c, c->z.px_body) : 0) + G;
    p->bottom = b.top - G;
    if (p->top < c->head_bottom)
        p->top = c->head_bottom;   /* under the visitor's buttons */
    p->npages = paginate(c, t, p);
}

/* The grid with the fewest screens: one to three columns in landscape, one
 * or two in portrait, the topic's title at a card title's size or, when
 * that saves a screen, at body size. Ties go to fewer columns (longer
 * lines read better) and the larger title. */
static void plan_for(const lay_ctx *c, const content_topic *t, plan *p)
{
    p->n = 0;
    for (int i = 0; i < t->ncards && p->n < KIOSK_MAX_CARDS_PER_TOPIC; i++)
        if (starts_entry(t, i))
            p->card[p->n++] = i;
    p->has_lead = lead_block(t) != NULL;
    p->pad_h = c->z.gap;
    p->pad_v = c->z.gap / 2;
    p->step = lay_font_height(c, FACE_BOLD, c->z.px_body);
    int max_cols = c->z.portrait ? 2 : 3, best = -1, best_cols = 1, best_px = 0;
    const int sizes[2] = { c->z.px_title, c->z.px_body };
    for (int cols = 1; cols <= max_cols && (cols == 1 || cols <= p->n); cols++)
        for (int i = 0; i < 2; i++) {
            plan_try(c, t, p, cols, sizes[i]);
            if (cols > 1 && !words_fit(c, t, p))
                continue;
            if (best < 0 || p->npages < best) {
                best = p->npages;
                best_cols = cols;
                best_px = sizes[i];
            }
        }
    plan_try(c, t, p, best_cols, best_px);
}

/* ---- the deck's part: how many screens, and which lists each page ---- */

static int page_of_entry(const plan *p, int e)
{
    int pg = 0;
    while (pg + 1 < p->npages && p->first[pg + 1] <= e)
        pg++;
    return pg;
}

int lay_contents_pages(const lay_ctx *c, const content_snapshot *s, int topic,
                       layout_topic_pages *tp, arena *a)
{
    tp->ncontents = 0;
    tp->contents_of = NULL;
    if (!layout_topic_has_contents(s, topic) || tp->npages <= 0)
        return 0;
    plan p;
    const content_topic *t = &s->topics[topic];
    plan_for(c, t, &p);
    tp->contents_of = arena_alloc(a, (size_t)tp->npages * sizeof *tp->contents_of);
    if (!tp->contents_of)
        return -1;
    for (int i = 0; i < tp->npages; i++) {
        int e = layout_card_entry(t, tp->page[i].card);
        tp->contents_of[i] = e < 0 ? 0 : page_of_entry(&p, e);
    }
    tp->ncontents = p.npages;
    return 0;
}

/* ---- the screen ---- */

/* The lead in one line of width w: at body size, or in small print when
 * that shows the whole sentence (portrait: "Nine things can lead to…" lost
 * its point); else its words as far as they fit, cut at a word and ended
 * with "…". */
static void lead_line(const lay_ctx *c, layout_screen *sc, const content_block *b, int x,
                      int y, int w)
{
    char buf[KIOSK_MAX_LINE_BYTES + 8];
    int n = 0, px = c->z.px_body;
    for (int r = 0; r < b->nruns && n < KIOSK_MAX_LINE_BYTES; r++) {
        int len = b->runs[r].len;
        if (len > KIOSK_MAX_LINE_BYTES - n)
            len = KIOSK_MAX_LINE_BYTES - n;
        memcpy(buf + n, b->runs[r].text, (size_t)len);
        n += len;
    }
    n = lay_utf8_whole(buf, n);   /* the paragraph may have been cut short */
    buf[n] = '\0';
    if (lay_width(c, FACE_REGULAR, px, buf, n) > w &&
        lay_width(c, FACE_REGULAR, c->z.px_small, buf, n) <= w)
        px = c->z.px_small;
    if (lay_width(c, FACE_REGULAR, px, buf, n) > w) {
        static const char ELLIPSIS[] = "\xE2\x80\xA6";
        int ew = lay_width(c, FACE_REGULAR, px, ELLIPSIS, 3);
        int cut = n;
        do {
            while (cut > 0 && buf[cut - 1] != ' ')
                cut--;
            while (cut > 0 && buf[cut - 1] == ' ')
                cut--;
        } while (cut > 0 && lay_width(c, FACE_REGULAR, px, buf, cut) + ew > w);
        memcpy(buf + cut, ELLIPSIS, 4);
    }
    lay_one_line(c, sc, buf, FACE_REGULAR, px, x, y, w, COL_MUTED, 1);
}

/* One row: a surface box carrying ACT_ENTRY, its words centred in height. */
static void row(const lay_ctx *c, layout_screen *sc, const content_topic *t, const plan *p,
                int e, int page, int x, int y, int h)
{
    layout_box *b = lay_add(sc, BOX_RECT, x, y, p->col_w, h);
    if (!b)
        return;
    b->colour = COL_SURFACE;
    b->radius = c->z.gap * 2 / 3;
    b->action = ACT_ENTRY;
    b->arg = page;
    const char *title = entry_title(t, p, e);
    content_run run = { title, (int)strlen(title), 0 };
    lay_text text = { &run, 1, RUN_BOLD, { 0, 0 } };
    int px = c->z.px_body, tw = row_text_w(p), lh = lay_line_height(c, px);
    int lines = row_lines(c, title, tw);
    /* Line boxes are lh tall with the glyphs centred: start half the
     * difference higher, so the glyphs are centred in the row. */
    int ly = y + (h - lines * p->step) / 2 - (lh - p->step) / 2;
    lay_pos pos = lay_text_start(&text), next;
    lay_line ln;
    for (int i = 0; i < lines && lay_break(c, &text, px, tw, pos, &ln, &next); i++) {
        lay_emit_line(c, sc, &text, px, ln, x + p->pad_h, ly + i * p->step, COL_TEXT, 0);
        pos = next;
    }
}

void layout_contents_screen(layout_screen *out, const content_snapshot *s,
                            const layout_deck *d, const layout_metrics *m,
                            int topic, int page)
{
    lay_ctx c;
    lay_ctx_init(&c, s, m, d->w, d->h);
    lay_screen_start(out, &c, ACT_NONE);
    if (topic < 0 || topic >= d->ntopics || topic >= s->ntopics)
        return;
    const layout_topic_pages *tp = &d->topic[topic];
    if (page < 0 || page >= tp->ncontents)
        return;
    plan p;
    const content_topic *t = &s->topics[topic];
    plan_for(&c, t, &p);
    int M = c.z.margin, G = c.z.gap, y = M;
    lay_one_line(&c, out, t->title ? t->title : "", FACE_BOLD, p.title_px, M, y,
                 lay_head_right(&c, y) - M, COL_TEXT, 0);
    y += lay_line_height(&c, p.title_px);
    const content_block *lead = lead_block(t);
    if (lead)
        lead_line(&c, out, lead, M, y, lay_head_right(&c, y) - M);
    y = p.top;
    int last = page < p.npages ? p.first[page + 1] : p.n;
    for (int e = page < p.npages ? p.first[page] : p.n; e < last; e += p.cols) {
        int h = grid_row_h(&c, t, &p, e);
        for (int i = e; i < e + p.cols && i < last; i++) {
            int first = layout_card_first_page(d, topic, p.card[i]);
            if (first >= 0)
                row(&c, out, t, &p, i, first, M + (i - e) * (p.col_w + G), y, h);
        }
        y += h + G;
    }
    /* Back and Home would both lead to the menu from here: Back alone. */
    lay_bar b = lay_bar_for(&c);
    lay_bar_emit(&c, out, &b, lay_bar_paging(page + 1, tp->ncontents) | LAY_SHOW_BACK,
                 page + 1, tp->ncontents);
}

int layout_entry_title_lines(const content_snapshot *s, const layout_metrics *m,
                             int w, int h, int topic, int card)
{
    if (!s || topic < 0 || topic >= s->ntopics)
        return 0;
    const content_topic *t = &s->topics[topic];
    if (card < 0 || card >= t->ncards)
        return 0;
    lay_ctx c;
    lay_ctx_init(&c, s, m, w, h);
    const char *title = t->cards[card].title ? t->cards[card].title : "";
    content_run run = { title, (int)strlen(title), 0 };
    lay_text text = { &run, 1, RUN_BOLD, { 0, 0 } };
    return lay_count_lines(&c, &text, c.z.px_body, lay_inner_w(&c) - 2 * c.z.gap, 99);
}
