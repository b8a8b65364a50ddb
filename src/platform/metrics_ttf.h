/* metrics_ttf.h — the shipped font faces through SDL_ttf: measures text for
 * the layout (a layout_metrics) and hands the renderer the same fonts, so what
 * layout measured is exactly what gets drawn. */
#ifndef KIOSK_METRICS_TTF_H
#define KIOSK_METRICS_TTF_H

#include <SDL_ttf.h>

#include "core/layout.h"

/* Open fonts, one per (face, px). A screen uses about six sizes; three screen
 * sizes in --check/--render stay well under this. When full the table is
 * simply emptied and refilled (STYLE: rxi/lite), never cleverly evicted. */
#define METRICS_MAX_FONTS 48

typedef struct metrics_font {
    layout_face face;
    int px;
    TTF_Font *font;
} metrics_font;

typedef struct metrics_ttf {
    void *file[FACE_COUNT];       /* each face's font file, read once */
    size_t file_len[FACE_COUNT];
    metrics_font fonts[METRICS_MAX_FONTS];
    int nfonts;
} metrics_ttf;

/* Reads the four Inter faces from assets_dir/fonts. TTF_Init must have been
 * called. Returns 0, or -1 with a plain sentence in err. */
int metrics_ttf_open(metrics_ttf *m, const char *assets_dir, char *err, int cap);
void metrics_ttf_close(metrics_ttf *m);
/* Closes every open size (the files stay read): on content or screen swap. */
void metrics_ttf_reset(metrics_ttf *m);
/* The font for face at px, opened on first use; NULL only when SDL_ttf fails.
 * Valid until the next metrics_ttf_reset or a later call fills the table. */
TTF_Font *metrics_ttf_font(metrics_ttf *m, layout_face face, int px);
/* The layout's view of these fonts. */
layout_metrics metrics_ttf_interface(metrics_ttf *m);

/* Finds the assets folder: the one given, else the source tree's, else the
 * installed one. Returns NULL when none has the fonts. */
const char *metrics_ttf_find_assets(const char *given);

#endif
