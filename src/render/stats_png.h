/* stats_png.h — `kiosk --stats --png FILE`: the charts of what visitors read
 * drawn by the kiosk's own renderer into a PNG (for the owner's email), in
 * the content folder's colours and words. */
#ifndef KIOSK_STATS_PNG_H
#define KIOSK_STATS_PNG_H

#include "core/content.h"
#include "core/visits.h"
#include "render/metrics_ttf.h"

/* Draws ch at w x h with s's colours and [labels] into path. 0, or -1 with
 * a plain sentence in err. */
int stats_png_write(const content_snapshot *s, const char *content_dir, metrics_ttf *fonts,
                    const visits_chart *ch, int w, int h, const char *path, char *err,
                    int cap);

#endif
