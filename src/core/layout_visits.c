/* layout_visits.c — the charts of what visitors read, as boxes. */
#include "layout_kit.h"
#include "layout_visits.h"

#include <stdio.h>
#include <string.h>

/* Bars in one chart at most: a screen holds LAYOUT_MAX_BOXES boxes, and
 * the other charts and words need about a hundred. 200 bars are 4 px each
 * on a 7" panel, as fine as a finger can tell apart anyway. */
#define LAYOUT_VISITS_MAX_BARS 200

/* Staff read charts at arm's length: the smallest size the design allows
 * (s/22), like the staff view's status. */
static int chart_px(const lay_ctx *c)
{
    return (c->z.s + 21) / 22;
}

int visits_labels_present(const content_settings *c)
{
    for (int l = LABEL_VISITS_TITLE; l <= LABEL_VISITS_NONE; l++)
        if (!c->label[l] || !*c->label[l])
            return 0;
    return 1;
}

/* A number or date in the muted small type: right-aligned to x when right,
 * else from x. Returns its width. */
static int figure(const lay_ctx *c, layout_screen *sc, const char *t, int x, int y, int right)
{
    int px = chart_px(c), w = lay_text_w(c, t, FACE_REGULAR, px);
    lay_one_line(c, sc, t, FACE_REGULAR, px, right ? x - w : x, y, w + 1, COL_MUTED, 1);
    return w;
}

static uint32_t max_of(const uint32_t *v, int n)
{
    uint32_t m = 0;
    for (int i = 0; i < n; i++)
        m = v[i] > m ? v[i] : m;
    return m;
}

/* What goes under the bars of a bar chart. */
typedef enum axis_kind { AXIS_DATES, AXIS_HOURS } axis_kind;

static void axis_labels(const lay_ctx *c, layout_screen *sc, const visits_chart *ch,
                        axis_kind kind, int bx, int bw, int y)
{
    char t[16];
    if (kind == AXIS_DATES) {
        snprintf(t, sizeof t, "%02d-%02d", ch->first / 100 % 100, ch->first % 100);
        int fw = figure(c, sc, t, bx, y, 0);
        snprintf(t, sizeof t, "%02d-%02d", ch->last / 100 % 100, ch->last % 100);
        if (ch->ndays > 1 && fw + c->z.gap + lay_text_w(c, t, FACE_REGULAR, chart_px(c)) <= bw)
            figure(c, sc, t, bx + bw, y, 1);
        return;
    }
    /* The hours 0, 6, 12, 18, 24 at their places, where they fit apart. */
    int last_end = bx - c->z.gap;
    for (int h = 0; h <= 24; h += 6) {
        snprintf(t, sizeof t, "%d", h);
        int w = lay_text_w(c, t, FACE_REGULAR, chart_px(c));
        int x = bx + h * bw / 24 - w / 2;
        if (x < bx)
            x = bx;
        if (x + w > bx + bw)
            x = bx + bw - w;
        if (x < last_end + c->z.gap)
            continue;
        figure(c, sc, t, x, y, 0);
        last_end = x + w;
    }
}

/* A heading, then bars of v[0..n) with the highest value at the left, the
 * axis labels below; in the box x, y, w, h. */
static void bar_chart(const lay_ctx *c, layout_screen *sc, const visits_chart *ch,
                      content_label head, const uint32_t *v, int n, axis_kind kind,
                      int x, int y, int w, int h)
{
    int px = chart_px(c), lh = lay_line_height(c, px), G = c->z.gap;
    lay_one_line(c, sc, lay_label(c, head), FACE_BOLD, px, x, y, w, COL_TEXT, 0);
    int top = y + lh + G / 4, bottom = y + h - lh - G / 4;
    if (bottom - top < lh || n < 1)
        return;
    /* Days in groups where bars would be too many for a screen's boxes
     * (--days 400): each bar then holds several days. */
    uint32_t g[VISITS_MAX_DAYS];
    int per = (n + LAYOUT_VISITS_MAX_BARS - 1) / LAYOUT_VISITS_MAX_BARS, ng = 0;
    for (int i = 0; i < n; i += per, ng++) {
        g[ng] = 0;
        for (int k = i; k < i + per && k < n; k++)
            g[ng] += v[k];
    }
    v = g;
    n = ng;
    uint32_t max = max_of(v, n);
    char t[16];
    snprintf(t, sizeof t, "%u", max);
    int nw = figure(c, sc, t, x, top, 0) + G / 2;
    int bx = x + nw, bw = w - nw, ph = bottom - top;
    int slot = bw / n, bar = slot * 3 / 4 > 0 ? slot * 3 / 4 : 1;
    for (int i = 0; i < n && max; i++) {
        int bh = (int)((uint64_t)v[i] * (uint64_t)ph / max);
        if (v[i] && bh < 1)
            bh = 1;
        if (bh)
            lay_rect(sc, bx + i * bw / n, bottom - bh, bar, bh, COL_ACCENT, 0);
    }
    axis_labels(c, sc, ch, kind, bx, bw, y + h - lh);
}

/* What staff know a topic by: its title when the content still has a topic
 * of that file name, else the name the counts were kept under (a topic
 * since renamed or removed, or the --stats chart drawn without content). */
static const char *topic_label(const lay_ctx *c, const char *name)
{
    for (int i = 0; c->s && i < c->s->ntopics; i++) {
        const content_topic *t = &c->s->topics[i];
        if (t->name && t->title && *t->title && !strcmp(t->name, name))
            return t->title;
    }
    return name;
}

/* A heading, then a row per topic that fits: its title, a bar for how
 * often it was opened, the number at the right end. */
static void topic_chart(const lay_ctx *c, layout_screen *sc, const visits_chart *ch,
                        int x, int y, int w, int h)
{
    int px = chart_px(c), lh = lay_line_height(c, px), G = c->z.gap;
    lay_one_line(c, sc, lay_label(c, LABEL_VISITS_TOPICS), FACE_BOLD, px, x, y, w,
                 COL_TEXT, 0);
    int row = lh + G / 4, rows = (h - lh - G / 4) / row;
    if (rows > ch->ntopics)
        rows = ch->ntopics;
    if (rows < 1)
        return;
    char t[16];
    snprintf(t, sizeof t, "%u", ch->topic[0].opened);
    int numw = lay_text_w(c, t, FACE_REGULAR, px), namew = 0;
    for (int i = 0; i < rows; i++) {
        int nw = lay_text_w(c, topic_label(c, ch->topic[i].name), FACE_REGULAR, px);
        namew = nw > namew ? nw : namew;
    }
    if (namew > w * 3 / 5)
        namew = w * 3 / 5;
    int bx = x + namew + G / 2, bw = w - namew - numw - G;
    uint32_t max = ch->topic[0].opened ? ch->topic[0].opened : 1;
    for (int i = 0; i < rows; i++) {
        int ry = y + lh + G / 4 + i * row;
        lay_one_line(c, sc, topic_label(c, ch->topic[i].name), FACE_REGULAR, px, x, ry,
                     namew, COL_TEXT, 1);
        int len = bw > 0 ? (int)((uint64_t)ch->topic[i].opened * (uint64_t)bw / max) : 0;
        if (len > 0)
            lay_rect(sc, bx, ry + lh / 4, len, lh / 2, COL_ACCENT, 0);
        snprintf(t, sizeof t, "%u", ch->topic[i].opened);
        figure(c, sc, t, x + w, ry, 1);
    }
}

/* "2026-11-19 - 2026-12-02" */
static void date_range(const visits_chart *ch, char *t, size_t cap)
{
    snprintf(t, cap, "%04d-%02d-%02d \xe2\x80\x93 %04d-%02d-%02d", ch->first / 10000,
             ch->first / 100 % 100, ch->first % 100, ch->last / 10000,
             ch->last / 100 % 100, ch->last % 100);
}

void lay_visits(const lay_ctx *c, layout_screen *sc, const visits_chart *ch,
                int title_px, int x, int y, int w, int h)
{
    int G = c->z.gap, px = chart_px(c);
    char range[64];
    date_range(ch, range, sizeof range);
    int rw = lay_text_w(c, range, FACE_REGULAR, px), pl = lay_line_height(c, px);
    /* The heading on one line beside the dates, else on up to two lines. */
    const char *title = lay_label(c, LABEL_VISITS_TITLE);
    int tw = lay_text_w(c, title, FACE_BOLD, title_px);
    content_run run = {title, (int)strlen(title), 0};
    lay_text t = {&run, 1, RUN_BOLD, {0, 0}};
    int tl = lay_paragraph(c, sc, &t, title_px, x, y, tw + G + rw <= w ? tw + 1 : w, 2, 0,
                           COL_TEXT, 0);
    if (tw + G + rw <= w) {   /* at the right of the heading, else below it */
        figure(c, sc, range, x + w, y + tl - pl, 1);
    } else if (rw <= w) {
        figure(c, sc, range, x, y + tl, 0);
        y += pl;
        h -= pl;
    }
    y += tl + G / 2;
    h -= tl + G / 2;
    if (!ch->total[VC_SESSIONS] && !ch->total[VC_TOUCHES]) {
        lay_one_line(c, sc, lay_label(c, LABEL_VISITS_NONE), FACE_REGULAR, px, x, y, w,
                     COL_MUTED, 0);
        return;
    }
    if (w * 4 > h * 5) {   /* wide: days over hours at the left, topics at the right */
        int lw = (w - 2 * G) * 11 / 20, half = (h - G) / 2;
        bar_chart(c, sc, ch, LABEL_VISITS_PER_DAY, ch->sessions, ch->ndays, AXIS_DATES,
                  x, y, lw, half);
        bar_chart(c, sc, ch, LABEL_VISITS_HOURS, ch->hour, 24, AXIS_HOURS, x,
                  y + half + G, lw, h - half - G);
        topic_chart(c, sc, ch, x + lw + 2 * G, y, w - lw - 2 * G, h);
        return;
    }
    int third = (h - 2 * G) / 3;
    bar_chart(c, sc, ch, LABEL_VISITS_PER_DAY, ch->sessions, ch->ndays, AXIS_DATES, x, y,
              w, third);
    topic_chart(c, sc, ch, x, y + third + G, w, third);
    bar_chart(c, sc, ch, LABEL_VISITS_HOURS, ch->hour, 24, AXIS_HOURS, x,
              y + 2 * (third + G), w, h - 2 * (third + G));
}

void layout_visits_screen(layout_screen *out, const content_snapshot *s,
                          const layout_metrics *m, int w, int h, const visits_chart *ch)
{
    lay_ctx c;
    lay_ctx_init(&c, s, m, w, h);
    lay_screen_start(out, &c, ACT_NONE);
    int M = c.z.margin;
    lay_visits(&c, out, ch, c.z.px_title, M, M, lay_inner_w(&c), h - 2 * M);
}
