/* layout_visits.h — the charts of what visitors read (visits_chart): visits
 * per day, topics opened (most first), and touches in each hour of the day,
 * as bars (RECT) and words (TEXT) under the rules of layout.h. The staff
 * view's last page shows them (layout_staff_view), `kiosk --stats --png`
 * the whole screen of them (layout_visits_screen). Every word is a [labels]
 * one; the rest are numbers and dates. */
#ifndef KIOSK_LAYOUT_VISITS_H
#define KIOSK_LAYOUT_VISITS_H

#include "layout.h"
#include "visits.h"

/* 1 when every label the charts use is set (they are optional). */
int visits_labels_present(const content_settings *c);

/* The charts as a whole screen: the heading (LABEL_VISITS_TITLE) with the
 * dates shown at its right, the charts filling the rest. */
void layout_visits_screen(layout_screen *out, const content_snapshot *s,
                          const layout_metrics *m, int w, int h, const visits_chart *ch);

/* The heading and the charts in the box x, y, w, h of a screen being laid
 * out (the staff view's page); title_px: the heading's size. For
 * src/core/layout*.c. */
struct lay_ctx;
void lay_visits(const struct lay_ctx *c, layout_screen *sc, const visits_chart *ch,
                int title_px, int x, int y, int w, int h);

#endif
