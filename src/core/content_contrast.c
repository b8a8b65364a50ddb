/* content_contrast.c — --check's contrast rule: every pair of [colours]
 * the screens draw words with (in the usual and the high-contrast palette), against WCAG 2.x's minimum, reported at the
 * colour's line in plain words. A pair below it is an error like any other
 * bad setting: the kiosk keeps showing the last good content (and colours)
 * until it is fixed, since words nobody can read are no better than none. */
#include "content_settings.h"
#include "contrast.h"

#include <stdio.h>

/* Every pair some screen draws words in (src/core/layout*.c): the colour
 * of the words, the colour under them, where they are. Each carries words
 * at body size or smaller somewhere, so none is held to the large-text
 * minimum (a pair only ever drawn at headline size would be). The QR code
 * is drawn in text and ground: its pair is the first. */
typedef struct contrast_pair {
    const char *fg, *bg;
    double min;
    const char *where;
} contrast_pair;

static const contrast_pair pairs[] = {
    /* Aa with large text on is this pair inverted: ground's words on a
     * text-coloured key (layout_kit.c, LAY_KEY_ON). */
    { "text", "ground", CONTRAST_MIN_TEXT, "cards, the menu's heading, the QR code "
      "and the Aa button while large text is on" },
    { "text", "surface", CONTRAST_MIN_TEXT, "menu tiles, Back and Home, and the "
      "going-back notice" },
    { "muted", "ground", CONTRAST_MIN_TEXT, "the spa's name and phone, the page "
      "number and a review's name and date" },
    { "accent_text", "accent", CONTRAST_MIN_TEXT, "the touch-the-screen cue and "
      "the Next and Previous buttons" },
    { "accent", "ground", CONTRAST_MIN_TEXT, "the staff view's messages" },
};

static double lum_of(const content_settings *c, const char *key)
{
    int i = content_setting_find("colours", key);
    const kiosk_rgb *v = (const kiosk_rgb *)((const char *)c +
                                             content_settings_table[i].offset);
    return contrast_luminance(v->r, v->g, v->b);
}

static int line_of(const int *line, const char *key)
{
    return line[content_setting_find("colours", key)];
}

/* Two decimals, cut rather than rounded: 4.496 reads 4.49, never 4.50. */
static double cut2(double v)
{
    return (double)(long)(v * 100) / 100;
}

/* One pair in the palette whose keys start with prefix ("" or "hc_"). */
static void check_pair(content_loader *L, const int *line, const contrast_pair *p,
                       const char *prefix)
{
    const content_settings *c = &L->s->settings;
    char fg[32], bg[32];
    snprintf(fg, sizeof fg, "%s%s", prefix, p->fg);
    snprintf(bg, sizeof bg, "%s%s", prefix, p->bg);
    double lf = lum_of(c, fg), lb = lum_of(c, bg);
    double r = contrast_ratio_lum(lf, lb);
    if (r >= p->min)
        return;
    /* At the words' colour, else the ground's, as staff set them. */
    int at = line_of(line, fg) ? line_of(line, fg) : line_of(line, bg);
    int fg_lighter = lf >= lb;
    loader_diag_add(L, DIAG_ERROR, at, "%s on %s has a contrast of only "
                    "%.2f to 1; words need at least %.1f to 1 to be read "
                    "(%s%s). Make %s %s or %s %s", fg, bg, cut2(r), p->min,
                    *prefix ? "with large text or high_contrast: " : "", p->where,
                    fg, fg_lighter ? "lighter" : "darker", bg,
                    fg_lighter ? "darker" : "lighter");
}

/* Both palettes: the usual one, and the high-contrast one (hc_*) a visitor
 * gets with large text, or every screen with [kiosk] high_contrast. */
void content_contrast_check(content_loader *L, const int *line)
{
    static const char *const prefix[] = { "", "hc_" };
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
            check_pair(L, line, &pairs[i], prefix[k]);
}
