/* layout_loop.c — one attract-loop screen per content card, read from the
 * sofa: the headline and a teaser (whole blocks from the top while they fit;
 * else whole sentences of the first; else its lines, the last ending in
 * "…"), or a review's quote and byline; the card's picture at the right of
 * the teaser in landscape, below it in portrait when room is left. Never a second
 * page, never a sentence cut in half. */
#include "layout_internal.h"

#include <string.h>

/* Ends a teaser cut inside its first sentence: typography, not a word. */
static const char ELLIPSIS[] = "\xE2\x80\xA6";

/* Share of the inner width a picture takes beside a loop card's words. */
enum { LOOP_IMAGE_PCT = 40 };

/* Words in t (up to its stop), counted as the parser counts a card's. */
static int count_words(const lay_text *t)
{
    int n = 0, in_word = 0;
    lay_pos p = lay_text_start(t), after;
    while (!lay_at_end(t, p)) {
        int sp = lay_is_space(lay_cp_at(t, p, &after));
        n += !sp && !in_word;
        in_word = !sp;
        p = after;
    }
    return n;
}

static int count_words_str(const char *s)
{
    content_run run = { s ? s : "", s ? (int)strlen(s) : 0, 0 };
    lay_text t = { &run, 1, 0, { 0, 0 } };
    return count_words(&t);
}

static int ends_sentence(unsigned cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

/* Closing quotes and brackets that belong to the sentence before them. */
static int closes(unsigned cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x2019 ||
           cp == 0x201D || cp == 0xBB || cp == 0x203A;
}

static int pos_le(const lay_text *t, lay_pos a, lay_pos b)
{
    return !lay_pos_before(t, b, a);
}

/* The end of the last whole sentence of t that ends at or before limit: a
 * '.', '!', '?' or '…' (with any closing quotes or brackets) followed by a
 * space or the end. 0 when there is none. */
static int last_sentence_end(const lay_text *t, lay_pos limit, lay_pos *out)
{
    int found = 0;
    lay_pos p = lay_text_start(t), after;
    while (!lay_at_end(t, p) && pos_le(t, p, limit)) {
        unsigned cp = lay_cp_at(t, p, &after);
        p = after;
        if (!ends_sentence(cp))
            continue;
        while (!lay_at_end(t, p)) {   /* "?!", "...", and closing marks */
            cp = lay_cp_at(t, p, &after);
            if (!ends_sentence(cp) && !closes(cp))
                break;
            p = after;
        }
        if (!lay_at_end(t, p) && !lay_is_space(lay_cp_at(t, p, &after)))
            continue;   /* "3.5", "e.g.x": not an end */
        if (!pos_le(t, p, limit))
            break;
        *out = p;
        found = 1;
    }
    return found;
}

/* Where the first n lines of t end (the last broken at last_w, the others at
 * w); *last_width: how wide that last line is. */
static lay_pos end_of_lines(const lay_ctx *c, const lay_text *t, int px, int w, int last_w,
                            int n, int *last_width)
{
    lay_pos p = lay_text_start(t), next, end = p;
    lay_line ln;
    for (int i = 0; i < n && lay_break(c, t, px, i == n - 1 ? last_w : w, p, &ln, &next); i++) {
        end = ln.end;
        p = next;
        if (last_width)
            *last_width = lay_line_width(c, t, px, ln);
    }
    return end;
}

/* The first block is too long for the loop: as many whole sentences as fit
 * in lines lines, or else those lines with "…" closing the last. Returns the
 * words shown. */
static int teaser_cut(const lay_ctx *c, layout_screen *sc, lay_flow *f,
                      const content_block *b, int lines)
{
    lay_text t = lay_block_text(f, b);
    lay_geom g = lay_block_geom(c, f, b);
    lay_pos from = { 0, 0 };
    int W = g.text_w;
    lay_pos limit = end_of_lines(c, &t, f->px, W, W, lines, NULL), stop;
    if (last_sentence_end(&t, limit, &stop)) {
        t.stop = stop;
        lay_flow_text(c, sc, f, b, &t, 0, &from);
        return count_words(&t);
    }
    int ew = lay_width(c, lay_face(t.base), f->px, ELLIPSIS, 3), last = 0;
    t.stop = end_of_lines(c, &t, f->px, W, W - ew, lines, NULL);
    lay_flow_text(c, sc, f, b, &t, 0, &from);
    /* The last line as drawn (the stopped text broken as flow_text broke it). */
    end_of_lines(c, &t, f->px, W, W, lines, &last);
    if (last + ew <= W) {
        content_run run = { ELLIPSIS, 3, 0 };
        lay_text e = { &run, 1, t.base, { 0, 0 } };
        lay_line ln = { { 0, 0 }, { 0, 3 } };
        lay_emit_line(c, sc, &e, f->px, ln, g.text_x + last, f->y - f->lh, COL_TEXT, 0);
    }
    return count_words(&t);
}

/* Text blocks from the top while each fits whole; when the first does not,
 * teaser_cut. Returns the words shown; f->y ends below the last line. */
static int teaser(const lay_ctx *c, layout_screen *sc, const content_card *card, lay_flow *f)
{
    const content_block *prev = NULL;
    int words = 0, bottom = f->a.y + f->a.h;
    for (int i = 0; i < card->nblocks; i++) {
        const content_block *b = &card->blocks[i];
        if (b->kind == BLOCK_IMAGE)
            continue;
        int gap = prev ? lay_block_gap(c, prev, b) : 0;
        int lines = (bottom - (f->y + (f->placed ? gap : 0))) / f->lh;
        if (lines < 1)
            break;
        lay_text t = lay_block_text(f, b);
        lay_geom g = lay_block_geom(c, f, b);
        if (lay_count_lines(c, &t, f->px, g.text_w, lines + 1) <= lines) {
            lay_pos from = { 0, 0 };
            lay_flow_text(c, sc, f, b, &t, gap, &from);
            words += count_words(&t);
            prev = b;
            continue;
        }
        if (!f->placed)
            words += teaser_cut(c, sc, f, b, lines);
        break;
    }
    return words;
}

/* ---- the way in: a topic's list on its opening card ---- */

/* Between the list's entries, and after the last one shown when some are
 * left out: punctuation, not words. */
static const char LIST_COMMA[] = ",";

/* A row of the topic's contents screen: a card that neither opens the topic
 * nor continues the card before it (layout_contents.c says which). */
static int list_entry(const content_topic *t, int ci)
{
    return layout_card_entry(t, ci) >= 0 && !t->cards[ci].continues;
}

/* The paragraph that leads into the list: the first block of the topic's
 * opening card, when the topic has a contents screen and staff ended that
 * paragraph with a colon ("Nine things can lead to runner's knee:"). */
static const content_block *list_lead(const lay_ctx *c, int topic, const content_card *card)
{
    if (!c->s || topic < 0 || topic >= c->s->ntopics)
        return NULL;
    const content_topic *t = &c->s->topics[topic];
    if (card != &t->cards[0] || card->title != t->title || card->nblocks < 1 ||
        !layout_topic_has_contents(c->s, topic))
        return NULL;
    const content_block *b = &card->blocks[0];
    if (b->kind != BLOCK_PARAGRAPH || b->nruns < 1)
        return NULL;
    const content_run *r = &b->runs[b->nruns - 1];
    return r->len > 0 && r->text[r->len - 1] == ':' ? b : NULL;
}

/* Where the next entry goes: a line from left to right, its top at y. */
typedef struct list_pen { int x, y, left, right, bottom, lh, px; } list_pen;

static void list_word(const lay_ctx *c, layout_screen *sc, const list_pen *p, const char *w,
                      layout_face f, int width)
{
    lay_one_line(c, sc, w, f, p->px, p->x, p->y, width, COL_TEXT, 0);
}

/* An entry too long for what is left of the line: from a new line (unless
 * the pen is at one), broken at its spaces into width. Returns the lines it
 * took, 0 when they do not fit below. */
static int list_long_entry(const lay_ctx *c, layout_screen *sc, const char *title,
                           list_pen *p, int width)
{
    content_run run = { title, (int)strlen(title), 0 };
    lay_text t = { &run, 1, RUN_BOLD, { 0, 0 } };
    int n = lay_count_lines(c, &t, p->px, width, 64);
    int top = p->x == p->left ? p->y : p->y + p->lh;
    if (width < 1 || top + n * p->lh > p->bottom)
        return 0;
    lay_pos at = lay_text_start(&t), next;
    lay_line ln;
    for (int i = 0; i < n && lay_break(c, &t, p->px, width, at, &ln, &next); i++) {
        lay_emit_line(c, sc, &t, p->px, ln, p->left, top + i * p->lh, COL_TEXT, 0);
        p->x = p->left + lay_line_width(c, &t, p->px, ln);
        p->y = top + i * p->lh;
        at = next;
    }
    return n;
}

/* Places "…" at the pen, or at the start of the next line; 0 when neither
 * has room. */
static int list_ellipsis(const lay_ctx *c, layout_screen *sc, list_pen *p)
{
    int ell = lay_width(c, FACE_REGULAR, p->px, ELLIPSIS, 3);
    if (p->x + ell > p->right) {
        if (p->y + 2 * p->lh > p->bottom)
            return 0;
        p->x = p->left;
        p->y += p->lh;
    }
    list_word(c, sc, p, ELLIPSIS, FACE_REGULAR, ell);
    return 1;
}

/* The entries after the lead, at most limit, bold, each followed by a
 * comma but the last; an entry goes on the line after the one before when
 * it fits there whole, else it starts a line (and breaks at its spaces if
 * longer than one, the next entry then starting a line too). Those that do not fit below are left out, and "…"
 * after the last comma says so. Returns the entries shown, or -1 when "…"
 * found no room; *words: their words. */
static int list_entries(const lay_ctx *c, layout_screen *sc, const content_topic *t,
                        list_pen *p, int limit, int *words)
{
    int comma = lay_width(c, FACE_REGULAR, p->px, LIST_COMMA, 1);
    int space = lay_width(c, FACE_REGULAR, p->px, " ", 1), shown = 0;
    for (int ci = 0; ci < t->ncards; ci++) {
        if (!list_entry(t, ci))
            continue;
        const char *title = t->cards[ci].title ? t->cards[ci].title : "";
        int more = 0;
        for (int k = ci + 1; k < t->ncards && !more; k++)
            more = list_entry(t, k);
        int w = lay_text_w(c, title, FACE_BOLD, p->px), tail = more ? comma : 0, lines = 1;
        if (shown == limit)
            return list_ellipsis(c, sc, p) ? shown : -1;
        if (p->x + w + tail <= p->right) {
            list_word(c, sc, p, title, FACE_BOLD, w);
            p->x += w;
        } else if (!(lines = list_long_entry(c, sc, title, p, p->right - p->left - tail))) {
            return !shown || list_ellipsis(c, sc, p) ? shown : -1;
        }
        *words += count_words_str(title);
        shown++;
        if (more) {
            list_word(c, sc, p, LIST_COMMA, FACE_REGULAR, comma);
            p->x += comma + space;
        }
        /* After an entry broken over lines the next starts a line: "flat
         * feet, 5. The wrong shoes" read as one entry. */
        if (lines > 1)
            p->x = p->right;
    }
    return shown;
}

/* The lead whole, then at most limit entries from the end of its last
 * line on. Returns the entries shown (-1 as list_entries), *words the
 * words shown. */
static int list_teaser(const lay_ctx *c, layout_screen *sc, const content_topic *t,
                       const content_block *lead, lay_flow *f, int limit, int *words)
{
    lay_text lt = lay_block_text(f, lead);
    lay_geom g = lay_block_geom(c, f, lead);
    int bottom = f->a.y + f->a.h, rows = (bottom - f->y) / f->lh;
    int n = lay_count_lines(c, &lt, f->px, g.text_w, rows + 1), last = 0;
    if (n < 1 || n > rows)
        return 0;
    end_of_lines(c, &lt, f->px, g.text_w, g.text_w, n, &last);
    list_pen p = { g.text_x + last, f->y + (n - 1) * f->lh, g.text_x, g.text_x + g.text_w,
                   bottom, f->lh, f->px };
    p.x += lay_width(c, FACE_REGULAR, f->px, " ", 1);
    *words = count_words(&lt);
    if (sc) {
        lay_pos from = { 0, 0 };
        lay_flow_text(c, sc, f, lead, &lt, 0, &from);
    }
    int shown = list_entries(c, sc, t, &p, limit, words);
    f->y = p.y + f->lh;
    f->placed = 1;
    return shown;
}

/* The opening card's list when staff asked for it and an entry fits, else
 * the teaser of whole blocks. One entry fewer while "…" finds no room. */
static int loop_teaser(const lay_ctx *c, layout_screen *sc, int topic,
                       const content_card *card, lay_flow *f)
{
    const content_block *lead = list_lead(c, topic, card);
    if (lead) {
        const content_topic *t = &c->s->topics[topic];
        int limit = t->ncards, words = 0, shown;
        for (;;) {
            lay_flow measure = *f;
            shown = list_teaser(c, NULL, t, lead, &measure, limit, &words);
            if (shown >= 0 || --limit < 1)
                break;
        }
        if (shown > 0) {
            list_teaser(c, sc, t, lead, f, limit, &words);
            return words;
        }
    }
    return teaser(c, sc, card, f);
}

/* A review: the large quote mark, the words beside it, "name · date" below
 * in body size (the words are what is read from the sofa). */
static int loop_review(const lay_ctx *c, layout_screen *sc, const content_card *card,
                       const lay_card_style *st, lay_area a)
{
    int G = c->z.gap, qw = lay_quote_mark(c, sc, a.x, a.y), px = c->z.px_body;
    int drop = lay_quote_body_drop(c, st->body_px);
    lay_area body = { a.x + qw + G, a.y + drop, a.w - qw - G, a.h - drop };
    int by_h = lay_byline(c, NULL, card, px, body.x, 0, body.w);
    if (by_h)
        body.h -= by_h + G;
    lay_flow f;
    lay_flow_init(&f, c, body, st->body_px, 0);
    int words = teaser(c, sc, card, &f);
    if (by_h) {
        lay_byline(c, sc, card, px, body.x, f.y + G, body.w);
        words += count_words_str(card->title);
    }
    return words;
}

int lay_loop_card(const lay_ctx *c, layout_screen *sc, int topic, const content_card *card,
                  const lay_card_style *st, lay_area a)
{
    if (card->kind == CARD_REVIEW)
        return loop_review(c, sc, card, st, a);
    const content_block *img = lay_card_image(card);
    int text = lay_card_has_text(card);
    lay_area head = a;
    if (img && !text && !c->z.portrait) {
        /* A picture with only a headline: the picture large at the right,
         * the headline beside it. */
        int iw = lay_image_w(img, a.w * (100 - LOOP_IMAGE_PCT) / 100, a.h);
        lay_area pic = { a.x + a.w - iw, a.y, iw, a.h };
        lay_image_fit(sc, img, pic, 0);
        head.w -= iw + c->z.gap;
    }
    /* Otherwise the headline across the whole width: beside a picture it
     * would wrap and leave the teaser no room. */
    int th = lay_card_title(c, sc, card, st, head, 0, 0);
    int top = a.y + (th ? th + c->z.gap : 0);
    lay_area body = { a.x, top, head.w, a.y + a.h - top };
    if (img && text && !c->z.portrait) {
        lay_image_beside(c, sc, img, &body, LOOP_IMAGE_PCT);   /* right of the teaser */
    }
    lay_flow f;
    lay_flow_init(&f, c, body, st->body_px, 1);
    int words = count_words_str(card->title) + (text ? loop_teaser(c, sc, topic, card, &f) : 0);
    if (img && c->z.portrait) {
        /* Below the words, if a picture worth seeing still fits. */
        int y = f.placed ? f.y + c->z.gap : top, room = a.y + a.h - y;
        if (room >= a.h / 4 && room >= c->z.target) {
            lay_area pic = { a.x, y, a.w, room };
            lay_image_fit(sc, img, pic, 0);
        }
    }
    return words;
}
