/* layout_text.c — breaking styled UTF-8 text into lines, and turning lines
 * into TEXT boxes. All measuring goes through the metrics interface. */
#include "layout_kit.h"

#include <string.h>

layout_face lay_face(unsigned style)
{
    int b = (style & RUN_BOLD) != 0, i = (style & RUN_ITALIC) != 0;
    return b && i ? FACE_BOLD_ITALIC : b ? FACE_BOLD : i ? FACE_ITALIC : FACE_REGULAR;
}

int lay_utf8_whole(const char *s, int n)
{
    int lead = n;
    while (lead > 0 && ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0)
        return 0;   /* nothing but continuation bytes: not text */
    unsigned char c = (unsigned char)s[--lead];
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return n - lead >= len ? n : lead;
}

int lay_font_height(const lay_ctx *c, layout_face f, int px)
{
    int h = c->m->font_height(c->m->ctx, f, px);
    return h > 0 ? h : px;
}

/* 1.35x the size (DESIGN: 1.3-1.4), but never tighter than the font itself:
 * one line height for all faces, so styled pieces share a baseline. */
int lay_line_height(const lay_ctx *c, int px)
{
    int lh = (px * 27 + 10) / 20;
    for (int f = 0; f < FACE_COUNT; f++) {
        int fh = lay_font_height(c, (layout_face)f, px);
        if (fh > lh)
            lh = fh;
    }
    return lh;
}

int lay_width(const lay_ctx *c, layout_face f, int px, const char *t, int len)
{
    if (len <= 0)
        return 0;
    int w = c->m->text_width(c->m->ctx, f, px, t, len);
    return w > 0 ? w : 0;
}

/* ---- positions in a run list ---- */

static int pos_before(lay_pos a, lay_pos b)
{
    return a.run < b.run || (a.run == b.run && a.off < b.off);
}

/* Where t ends: at its stop when it has one, else past its last run. */
static lay_pos text_end(const lay_text *t)
{
    lay_pos e = { t->nruns, 0 };
    if ((t->stop.run || t->stop.off) && pos_before(t->stop, e))
        return t->stop;
    return e;
}

static lay_pos normalise(const lay_text *t, lay_pos p)
{
    while (p.run < t->nruns && p.off >= t->runs[p.run].len) {
        p.run++;
        p.off = 0;
    }
    lay_pos e = text_end(t);
    return pos_before(p, e) ? p : e;
}

lay_pos lay_text_start(const lay_text *t)
{
    lay_pos p = { 0, 0 };
    return normalise(t, p);
}

int lay_at_end(const lay_text *t, lay_pos p)
{
    return !pos_before(normalise(t, p), text_end(t));
}

int lay_pos_before(const lay_text *t, lay_pos a, lay_pos b)
{
    return pos_before(normalise(t, a), normalise(t, b));
}

/* Bytes in the code point starting with byte b. Content is checked UTF-8,
 * but a stray byte still counts as one so a bad string cannot loop. */
static int cp_bytes(unsigned char b)
{
    if (b < 0x80) return 1;
    if (b >= 0xC0 && b < 0xE0) return 2;
    if (b >= 0xE0 && b < 0xF0) return 3;
    if (b >= 0xF0 && b < 0xF8) return 4;
    return 1;
}

/* The code point at p (p normalised, not at the end) and where the next starts. */
unsigned lay_cp_at(const lay_text *t, lay_pos p, lay_pos *after)
{
    const content_run *r = &t->runs[p.run];
    const unsigned char *s = (const unsigned char *)r->text + p.off;
    int n = cp_bytes(s[0]);
    if (n > r->len - p.off)
        n = r->len - p.off;
    unsigned cp = n == 1 ? s[0] : s[0] & (0x7F >> n);
    for (int i = 1; i < n; i++)
        cp = cp << 6 | (s[i] & 0x3F);
    lay_pos a = { p.run, p.off + n };
    *after = normalise(t, a);
    return cp;
}

int lay_is_space(unsigned cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
}

/* A line may end after these: the hyphen-minus, the Unicode hyphen, and the
 * en and em dashes staff type between words without spaces. */
static int is_break_after(unsigned cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2013 || cp == 0x2014;
}

static int is_digit(unsigned cp)
{
    return cp >= '0' && cp <= '9';
}

/* ---- numbers kept whole ----
 * A phone number split as "(801) 799-" / "4999" or "(801)" / "799-4999",
 * or a range as "15-" / "20", is hard to read and to dial (UAX #14 keeps
 * numeric sequences together; this is a narrow hand-written subset). Two
 * kinds of break are "inside a number", judged only by the code points
 * next to the break:
 *   - after '-', U+2010 or U+2013 with a digit right before it and right
 *     after it: 799-4999, 15-20 (an em dash still breaks: it joins clauses);
 *   - at spaces with, before them, a digit or a ')' right after a digit and,
 *     after them, a digit or a '(' right before a digit: "(801) 799",
 *     "+1 801 799 4999", "+1 (801)".
 * A line ends inside a number only when it has no other place to end that
 * fits, that is when the number alone is wider than the line; then at the
 * last such space that fits, else at the last such dash, else (a run of
 * digits wider than the line) between code points as for any long word.
 * "well-known", "60-minute" and "Call (801)" break as before. */
enum {
    BRK_DASH_IN_NUMBER,    /* the last resort before breaking inside a word */
    BRK_SPACE_IN_NUMBER,
    BRK_WORD,              /* a space or dash between words: the first choice */
    BRK_KINDS
};

static int space_in_number(unsigned before2, unsigned before, unsigned after, unsigned after2)
{
    int left = is_digit(before) || (before == ')' && is_digit(before2));
    int right = is_digit(after) || (after == '(' && is_digit(after2));
    return left && right;
}

static int dash_in_number(unsigned before, unsigned dash, unsigned after)
{
    return (dash == '-' || dash == 0x2010 || dash == 0x2013) && is_digit(before) &&
           is_digit(after);
}

static lay_pos skip_spaces(const lay_text *t, lay_pos p)
{
    p = normalise(t, p);
    while (!lay_at_end(t, p)) {
        lay_pos after;
        if (!lay_is_space(lay_cp_at(t, p, &after)))
            break;
        p = after;
    }
    return p;
}

/* ---- measuring ---- */

static int measure(const lay_ctx *c, const lay_text *t, int px, lay_pos a, lay_pos b)
{
    int w = 0;
    for (int r = a.run; r < t->nruns && r <= b.run; r++) {
        int from = r == a.run ? a.off : 0;
        int to = r == b.run ? b.off : t->runs[r].len;
        if (to > from)
            w += lay_width(c, lay_face(t->base ^ t->runs[r].style), px,
                           t->runs[r].text + from, to - from);
    }
    return w;
}

int lay_line_width(const lay_ctx *c, const lay_text *t, int px, lay_line ln)
{
    return measure(c, t, px, ln.start, ln.end);
}

/* A word wider than the whole line: as many code points as fit, at least one. */
static lay_pos break_inside_word(const lay_ctx *c, const lay_text *t, int px,
                                 int width, lay_pos start)
{
    lay_pos after, end;
    lay_cp_at(t, start, &end);
    for (;;) {
        if (lay_at_end(t, end))
            return end;
        unsigned cp = lay_cp_at(t, end, &after);
        if (lay_is_space(cp) || measure(c, t, px, start, after) > width)
            return end;
        end = after;
    }
}

/* The places a line may end, best of each kind so far. */
typedef struct brk_scan {
    const lay_ctx *c;
    const lay_text *t;
    int px, width;
    lay_pos start;
    lay_pos best[BRK_KINDS];
    int have[BRK_KINDS];
} brk_scan;

/* Takes cand as the best place of its kind when the line up to it fits;
 * returns 0 when it does not: no later place fits either. */
static int brk_try(brk_scan *s, lay_pos cand, int kind)
{
    if (measure(s->c, s->t, s->px, s->start, cand) > s->width)
        return 0;
    s->best[kind] = cand;
    s->have[kind] = 1;
    return 1;
}

/* The code point at p, 0 at the end. */
static unsigned cp_or_end(const lay_text *t, lay_pos p)
{
    lay_pos after;
    return lay_at_end(t, p) ? 0 : lay_cp_at(t, p, &after);
}

/* One pass over the line's code points, each decoded at most twice (the
 * look-ahead after a space or dash), and one measure per place to end:
 * no allocation, no more measuring than before numbers were kept whole. */
int lay_break(const lay_ctx *c, const lay_text *t, int px, int width,
              lay_pos p, lay_line *line, lay_pos *next)
{
    lay_pos start = skip_spaces(t, p);
    if (lay_at_end(t, start))
        return 0;
    brk_scan s = { c, t, px, width, start, { { 0, 0 } }, { 0 } };
    lay_pos q = start, space_at = start, after;
    unsigned b1 = 0, b2 = 0;   /* the two code points before q */
    unsigned l1 = 0, l2 = 0;   /* the two before the spaces at space_at */
    int prev_space = 0;
    for (;;) {
        if (lay_at_end(t, q)) {   /* the text's end, without trailing spaces */
            brk_try(&s, prev_space ? space_at : q, BRK_WORD);
            break;
        }
        unsigned cp = lay_cp_at(t, q, &after);
        if (lay_is_space(cp)) {
            if (!prev_space) {
                space_at = q;
                l1 = b1;
                l2 = b2;
            }
            prev_space = 1;
        } else {
            /* The spaces before cp: judged now that what follows them is known. */
            unsigned a1 = prev_space || is_break_after(cp) ? cp_or_end(t, after) : 0;
            if (prev_space &&
                !brk_try(&s, space_at,
                         space_in_number(l2, l1, cp, a1) ? BRK_SPACE_IN_NUMBER : BRK_WORD))
                break;
            prev_space = 0;
            if (is_break_after(cp) &&
                !brk_try(&s, after, dash_in_number(b1, cp, a1) ? BRK_DASH_IN_NUMBER : BRK_WORD))
                break;
        }
        b2 = b1;
        b1 = cp;
        q = after;
    }
    int k = BRK_KINDS - 1;
    while (k >= 0 && !s.have[k])
        k--;
    line->start = start;
    line->end = k >= 0 ? s.best[k] : break_inside_word(c, t, px, width, start);
    *next = skip_spaces(t, line->end);
    return 1;
}

int lay_count_lines(const lay_ctx *c, const lay_text *t, int px, int width, int max)
{
    lay_pos p = lay_text_start(t), next;
    lay_line ln;
    int n = 0;
    while (n < max && lay_break(c, t, px, width, p, &ln, &next)) {
        n++;
        p = next;
    }
    return n;
}

/* ---- boxes ---- */

layout_box *lay_add(layout_screen *sc, layout_box_kind kind, int x, int y, int w, int h)
{
    if (!sc || sc->nbox >= LAYOUT_MAX_BOXES)
        return NULL;
    layout_box *b = &sc->box[sc->nbox++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->x = x;
    b->y = y;
    b->w = w;
    b->h = h;
    return b;
}

void lay_rect(layout_screen *sc, int x, int y, int w, int h, layout_colour col, int radius)
{
    layout_box *b = lay_add(sc, BOX_RECT, x, y, w, h);
    if (b) {
        b->colour = col;
        b->radius = radius;
    }
}

const char *lay_store(layout_screen *sc, const char *t, int len)
{
    if (!sc || len < 0 || sc->ntext + len + 1 > LAYOUT_MAX_TEXT)
        return NULL;
    char *p = sc->text + sc->ntext;
    memcpy(p, t, (size_t)len);
    p[len] = '\0';
    sc->ntext += len + 1;
    return p;
}

static int all_spaces(const char *s, int len)
{
    for (int i = 0; i < len; i++)
        if (!lay_is_space((unsigned char)s[i]))
            return 0;
    return 1;
}

void lay_emit_line(const lay_ctx *c, layout_screen *sc, const lay_text *t, int px,
                   lay_line ln, int x, int y, layout_colour col, int copy)
{
    if (!sc)
        return;
    int lh = lay_line_height(c, px);
    for (int r = ln.start.run; r < t->nruns && r <= ln.end.run; r++) {
        int from = r == ln.start.run ? ln.start.off : 0;
        int to = r == ln.end.run ? ln.end.off : t->runs[r].len;
        if (to <= from)
            continue;
        const char *s = t->runs[r].text + from;
        layout_face f = lay_face(t->base ^ t->runs[r].style);
        int w = lay_width(c, f, px, s, to - from);
        if (!all_spaces(s, to - from)) {
            const char *text = copy ? lay_store(sc, s, to - from) : s;
            int fh = lay_font_height(c, f, px);
            layout_box *b = text ? lay_add(sc, BOX_TEXT, x, y + (lh - fh) / 2, w, fh) : NULL;
            if (b) {
                b->colour = col;
                b->text = text;
                b->len = to - from;
                b->face = f;
                b->px = px;
            }
        }
        x += w;
    }
}

int lay_paragraph(const lay_ctx *c, layout_screen *sc, const lay_text *t, int px,
                  int x, int y, int width, int max_lines, int centre,
                  layout_colour col, int copy)
{
    int lh = lay_line_height(c, px), n = 0;
    lay_pos p = lay_text_start(t), next;
    lay_line ln;
    while (n < max_lines && lay_break(c, t, px, width, p, &ln, &next)) {
        int lx = x;
        if (centre)
            lx += (width - lay_line_width(c, t, px, ln)) / 2;
        lay_emit_line(c, sc, t, px, ln, lx, y + n * lh, col, copy);
        n++;
        p = next;
    }
    return n * lh;
}

int lay_paragraph_beside(const lay_ctx *c, layout_screen *sc, const lay_text *t, int px,
                         int x, int y, int width, int max_lines, layout_colour col,
                         int copy)
{
    int lh = lay_line_height(c, px), n = 0;
    lay_pos p = lay_text_start(t), next;
    lay_line ln;
    for (;;) {
        int top = y + n * lh, right = lay_head_right(c, top);
        int w = x + width > right ? right - x : width;
        if (n >= max_lines || !lay_break(c, t, px, w, p, &ln, &next))
            break;
        lay_emit_line(c, sc, t, px, ln, x, top, col, copy);
        n++;
        p = next;
    }
    return n * lh;
}

int lay_widest_word(const lay_ctx *c, const char *s, layout_face f, int px)
{
    int best = 0;
    while (*s) {
        while (*s == ' ')
            s++;
        int n = 0;
        while (s[n] && s[n] != ' ')
            n++;
        int w = lay_width(c, f, px, s, n);
        if (w > best)
            best = w;
        s += n;
    }
    return best;
}
