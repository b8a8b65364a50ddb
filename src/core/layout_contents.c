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

/* Spacing a topic's rows may give up, only when that saves a screen: the
 * gap between rows from the grid unit (s/24) down to s/60 (8 px, 1.5 mm
 * on a 7" 800x480; 18 px, 5 mm on a 24" 1080p screen: wider than the 8 dp
 * touch guides ask between targets, and the rows stay distinct boxes on
 * the ground), and the room above and below a row's lines from half a
 * grid unit down to s/360 (3 px at 1080): the font's line box holds a
 * quarter of an em above the capitals already, the few pixels keep
 * descenders off the row's edge. */
enum { GAP_MIN_DIV = 60, PAD_MIN_DIV = 360 };
/* Words in more than this many lines in a column, or with a word wider
 * than one, take a grid line across the whole width: a narrow column of
 * three-line rows reads badly and holds fewer entries than one wide, and
 * one long title should not cost every other entry its column. The line
 * before it, cut short, spreads its rows across the width too (no lone
 * half-width row beside a hole). */
enum { GRID_MAX_LINES = 2 };

/* How the rows of one topic are laid at one size. A grid line holds up to
 * cols entries side by side (or one across the whole width); its rows
 * share a height. */
typedef struct plan {
    int n;                     /* entries */
    int card[KIOSK_MAX_CARDS_PER_TOPIC];    /* each entry's card */
    int lines[KIOSK_MAX_CARDS_PER_TOPIC];   /* each entry's lines in its row */
    int nrows;                 /* grid lines */
    int row_first[KIOSK_MAX_CARDS_PER_TOPIC + 1];   /* first entry of each */
    int row_lines[KIOSK_MAX_CARDS_PER_TOPIC];       /* its longest words' lines */
    unsigned char row_wide[KIOSK_MAX_CARDS_PER_TOPIC];   /* 1: its rows share the
                                                            whole width */
    int cols, col_w, gap;      /* gap: between rows, and to the bar and corner */
    int head;                  /* the sizes of title and lead (plan_head) */
    int title_px, lead_px;     /* the topic's title, and its lead at most */
    int has_lead;
    int bar_top;               /* the button bar's top */
    int top, bottom;           /* the rows' area */
    int pad_h, pad_v, step;    /* inside a row; step: one line of its words */
    int npages;
    int first[KIOSK_MAX_CARDS_PER_TOPIC + 1];   /* first grid line of each screen */
} plan;

static const char *entry_title(const content_topic *t, const plan *p, int e)
{
    const char *title = t->cards[p->card[e]].title;
    return title ? title : "";
}

static int count_lines(const lay_ctx *c, const char *title, int w)
{
    content_run run = { title, (int)strlen(title), 0 };
    lay_text text = { &run, 1, RUN_BOLD, { 0, 0 } };
    int n = lay_count_lines(c, &text, c->z.px_body, w, ROW_MAX_LINES);
    return n < 1 ? 1 : n;
}

/* Width of a row in grid line r, and of its words. */
static int row_w(const lay_ctx *c, const plan *p, int r)
{
    int k = p->row_first[r + 1] - p->row_first[r];
    if (!p->row_wide[r] || k < 1)
        return p->col_w;
    return (lay_inner_w(c) - (k - 1) * p->gap) / k;
}

static int text_w(const plan *p, int w)
{
    return w - 2 * p->pad_h;
}

/* Height of grid line r: a target at least, or its longest words' lines
 * with room above and below. */
static int grid_row_h(const lay_ctx *c, const plan *p, int r)
{
    int h = p->row_lines[r] * p->step + 2 * p->pad_v;
    return h > c->z.target ? h : c->z.target;
}

/* Cuts the grid lines into screens; returns how many. A grid line taller
 * than a screen's room still gets a screen of its own. */
static int paginate(const lay_ctx *c, plan *p)
{
    int room = p->bottom - p->top, used = 0, pages = 0;
    for (int r = 0; r < p->nrows; r++) {
        int h = grid_row_h(c, p, r);
        if (pages == 0 || used + p->gap + h > room) {
            p->first[pages++] = r;
            used = h;
        } else {
            used += p->gap + h;
        }
    }
    if (pages == 0)
        p->first[pages++] = 0;   /* no entries: one empty screen */
    p->first[pages] = p->nrows;
    return pages;
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

/* Closes the open grid line when it holds an entry; the next starts at e. */
static void close_row(plan *p, int e)
{
    if (p->row_first[p->nrows] < e)
        p->nrows++;
    p->row_first[p->nrows] = e;
}

/* Whether a title of lines lines in a column needs the whole width. */
static int needs_width(const lay_ctx *c, const char *title, int lines, int col_tw)
{
    return lines > GRID_MAX_LINES ||
           lay_widest_word(c, title, FACE_BOLD, c->z.px_body) > col_tw;
}

/* Columns of width for cols apart by gap, and the entries in grid lines:
 * each in the next column, or across the whole width when its words need
 * it (GRID_MAX_LINES); a line cut short by such an entry is spread across
 * the width too. */
static void plan_grid(const lay_ctx *c, const content_topic *t, plan *p, int cols, int gap)
{
    p->cols = cols;
    p->gap = gap;
    p->col_w = (lay_inner_w(c) - (cols - 1) * gap) / cols;
    p->nrows = 0;
    p->row_first[0] = 0;
    int col_tw = text_w(p, p->col_w);
    for (int e = 0; e < p->n; e++) {
        const char *title = entry_title(t, p, e);
        int lines = count_lines(c, title, col_tw);
        int wide = cols > 1 && needs_width(c, title, lines, col_tw);
        int r = p->nrows;
        if (wide && e > p->row_first[r]) {   /* the line before, cut short */
            p->row_wide[r] = 1;
            close_row(p, e);
            r = p->nrows;
        }
        if (e == p->row_first[r])
            p->row_wide[r] = (unsigned char)wide;
        p->lines[e] = lines;
        if (wide || e + 1 - p->row_first[r] == cols)
            close_row(p, e + 1);
    }
    close_row(p, p->n);
    /* Lines of each grid line, at its rows' width. */
    for (int r = 0; r < p->nrows; r++) {
        p->row_lines[r] = 1;
        for (int e = p->row_first[r]; e < p->row_first[r + 1]; e++) {
            if (p->row_wide[r])
                p->lines[e] = count_lines(c, entry_title(t, p, e), text_w(p, row_w(c, p, r)));
            if (p->lines[e] > p->row_lines[r])
                p->row_lines[r] = p->lines[e];
        }
    }
}

/* The sizes of the title and the lead, roomiest first: the title at a
 * card title's size or at body size, the lead at body size or in small
 * print; each smaller one only when it saves a screen. */
enum { PLAN_HEADS = 4 };

static void plan_head(const lay_ctx *c, plan *p, int head)
{
    p->head = head;
    p->title_px = head < 2 ? c->z.px_title : c->z.px_body;
    p->lead_px = head % 2 ? c->z.px_small : c->z.px_body;
}

/* The rows' area under the title (and lead) and the visitor's buttons in
 * the top right corner, above the bar, a gap from each; and the screens. */
static void plan_rows(const lay_ctx *c, plan *p, int head, int pad_v)
{
    plan_head(c, p, head);
    p->pad_v = pad_v;
    p->top = c->z.margin + lay_line_height(c, p->title_px)
             + (p->has_lead ? lay_line_height(c, p->lead_px) : 0) + p->gap;
    int corner = c->head_bottom - c->z.gap + p->gap;   /* head_bottom: a grid unit below */
    if (c->head_bottom && p->top < corner)
        p->top = corner;
    p->bottom = p->bar_top - p->gap;
    p->npages = paginate(c, p);
}

/* What a plan gives up, most important first: screens (fewer), a grid
 * without lines across the width (fewer: a mixed grid reads in a zigzag),
 * the title's size, the gap, the room in a row (larger), columns (fewer:
 * longer lines read better). */
typedef struct plan_choice { int npages, nwide, head, gap, pad_v, cols; } plan_choice;

static plan_choice choice_of(const plan *p)
{
    int wide = 0;
    for (int r = 0; r < p->nrows; r++)
        wide += p->row_wide[r];
    return (plan_choice){ p->npages, wide, p->head, p->gap, p->pad_v, p->cols };
}

/* 1 when a beats b. */
static int choice_better(plan_choice a, plan_choice b)
{
    const int ka[6] = { -a.npages, -a.nwide, -a.head, a.gap, a.pad_v, -a.cols };
    const int kb[6] = { -b.npages, -b.nwide, -b.head, b.gap, b.pad_v, -b.cols };
    for (int i = 0; i < 6; i++)
        if (ka[i] != kb[i])
            return ka[i] > kb[i];
    return 0;
}

/* The largest room in a row, from half a grid unit down, that still gives
 * the fewest screens this grid and head can have. */
static void plan_pad(const lay_ctx *c, plan *p, int head)
{
    int pad_min = (c->z.s + PAD_MIN_DIV - 1) / PAD_MIN_DIV, pad = c->z.gap / 2;
    plan_rows(c, p, head, pad_min);
    int fewest = p->npages;
    for (; pad > pad_min; pad--) {
        plan_rows(c, p, head, pad);
        if (p->npages == fewest)
            return;
    }
    plan_rows(c, p, head, pad_min);
}

/* The grid with the fewest screens (choice_better): one to three columns
 * in landscape, one or two in portrait; rows a grid unit apart or, when
 * that saves a screen, less; the title and lead smaller only when that
 * saves a screen (plan_head). */
static void plan_for(const lay_ctx *c, const content_topic *t, plan *p)
{
    p->n = 0;
    for (int i = 0; i < t->ncards && p->n < KIOSK_MAX_CARDS_PER_TOPIC; i++)
        if (starts_entry(t, i))
            p->card[p->n++] = i;
    p->has_lead = lead_block(t) != NULL;
    p->pad_h = c->z.gap;
    p->step = lay_font_height(c, FACE_BOLD, c->z.px_body);
    p->bar_top = lay_bar_for(c).top;
    int max_cols = c->z.portrait ? 2 : 3;
    int gap_min = (c->z.s + GAP_MIN_DIV - 1) / GAP_MIN_DIV;
    const int gaps[2] = { c->z.gap, gap_min < c->z.gap ? gap_min : c->z.gap };
    plan_choice best = { 0, 0, 0, 0, 0, 0 };
    for (int cols = 1; cols <= max_cols && (cols == 1 || cols <= p->n); cols++)
        for (int g = 0; g < 2; g++) {
            plan_grid(c, t, p, cols, gaps[g]);
            for (int head = 0; head < (p->has_lead ? PLAN_HEADS : PLAN_HEADS / 2); head++) {
                plan_pad(c, p, p->has_lead ? head : head * 2);
                if (best.npages == 0 || choice_better(choice_of(p), best))
                    best = choice_of(p);
            }
        }
    plan_grid(c, t, p, best.cols, best.gap);
    plan_rows(c, p, best.head, best.pad_v);
}

/* ---- the deck's part: how many screens, and which lists each page ---- */

static int page_of_entry(const plan *p, int e)
{
    int pg = 0;
    while (pg + 1 < p->npages && p->row_first[p->first[pg + 1]] <= e)
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

/* The lead in one line of width w: at px (body size unless the plan took
 * small print to save a screen), or in small print when that shows the
 * whole sentence (portrait: "Nine things can lead to…" lost
 * its point); else its words as far as they fit, cut at a word and ended
 * with "…". */
static void lead_line(const lay_ctx *c, layout_screen *sc, const content_block *b, int px,
                      int x, int y, int w)
{
    char buf[KIOSK_MAX_LINE_BYTES + 8];
    int n = 0;
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
                int e, int page, lay_area a)
{
    layout_box *b = lay_add(sc, BOX_RECT, a.x, a.y, a.w, a.h);
    if (!b)
        return;
    b->colour = COL_SURFACE;
    b->radius = c->z.gap * 2 / 3;
    b->action = ACT_ENTRY;
    b->arg = page;
    const char *title = entry_title(t, p, e);
    content_run run = { title, (int)strlen(title), 0 };
    lay_text text = { &run, 1, RUN_BOLD, { 0, 0 } };
    int px = c->z.px_body, tw = text_w(p, a.w), lh = lay_line_height(c, px);
    int lines = p->lines[e];
    /* Line boxes are lh tall with the glyphs centred: start half the
     * difference higher, so the glyphs are centred in the row. */
    int ly = a.y + (a.h - lines * p->step) / 2 - (lh - p->step) / 2;
    lay_pos pos = lay_text_start(&text), next;
    lay_line ln;
    for (int i = 0; i < lines && lay_break(c, &text, px, tw, pos, &ln, &next); i++) {
        lay_emit_line(c, sc, &text, px, ln, a.x + p->pad_h, ly + i * p->step, COL_TEXT, 0);
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
    int M = c.z.margin, G = p.gap, y = M;
    lay_one_line(&c, out, t->title ? t->title : "", FACE_BOLD, p.title_px, M, y,
                 lay_head_right(&c, y) - M, COL_TEXT, 0);
    y += lay_line_height(&c, p.title_px);
    const content_block *lead = lead_block(t);
    if (lead)
        lead_line(&c, out, lead, p.lead_px, M, y, lay_head_right(&c, y) - M);
    y = p.top;
    for (int r = p.first[page]; page < p.npages && r < p.first[page + 1]; r++) {
        lay_area a = { M, y, row_w(&c, &p, r), grid_row_h(&c, &p, r) };
        for (int i = p.row_first[r]; i < p.row_first[r + 1]; i++, a.x += a.w + G) {
            int first = layout_card_first_page(d, topic, p.card[i]);
            if (first >= 0)
                row(&c, out, t, &p, i, first, a);
        }
        y += a.h + G;
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
