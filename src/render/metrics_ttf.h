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

/* Why metrics_ttf_start failed: callers that can go on without fonts
 * (--check) say so in their own words. */
typedef enum metrics_ttf_failure {
    METRICS_TTF_STARTED,
    METRICS_TTF_NOT_FOUND,      /* no assets folder with the fonts */
    METRICS_TTF_NO_LIBRARY,     /* TTF_Init failed */
    METRICS_TTF_UNREADABLE,     /* a face file is missing or unreadable */
} metrics_ttf_failure;

/* Everything a program does before it measures or draws text: finds the
 * assets folder (as metrics_ttf_find_assets(assets)), starts SDL_ttf and
 * reads the four faces. METRICS_TTF_STARTED (0), or why not with a plain
 * sentence in err; then nothing is left open. */
metrics_ttf_failure metrics_ttf_start(metrics_ttf *m, const char *assets, char *err,
                                      int cap);
/* Closes what metrics_ttf_start opened, SDL_ttf included. */
void metrics_ttf_stop(metrics_ttf *m);

#endif
