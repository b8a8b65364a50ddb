/* metrics_ttf.c — text measurement and font handles over SDL_ttf, with a
 * fixed table of open sizes, and the fonts' start-up every program shares. */
#include "render/metrics_ttf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const face_file[FACE_COUNT] = {
    [FACE_REGULAR] = "Inter-Regular.otf",
    [FACE_BOLD] = "Inter-Bold.otf",
    [FACE_ITALIC] = "Inter-Italic.otf",
    [FACE_BOLD_ITALIC] = "Inter-BoldItalic.otf",
};

/* Smallest and largest size asked of SDL_ttf: below 6 px nothing reads, and
 * above 1024 px a single glyph is larger than a 4K screen's shorter side. */
#define METRICS_MIN_PX 6
#define METRICS_MAX_PX 1024

static void *read_whole(const char *path, size_t *len)
{
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    if (!rw)
        return NULL;
    Sint64 size = SDL_RWsize(rw);
    void *buf = NULL;
    /* A font face is a few hundred KiB; 16 MiB means a wrong file. */
    if (size > 0 && size < 16 * 1024 * 1024 && (buf = malloc((size_t)size))) {
        if (SDL_RWread(rw, buf, 1, (size_t)size) != (size_t)size) {
            free(buf);
            buf = NULL;
        }
    }
    SDL_RWclose(rw);
    *len = buf ? (size_t)size : 0;
    return buf;
}

void metrics_ttf_reset(metrics_ttf *m)
{
    for (int i = 0; i < m->nfonts; i++)
        TTF_CloseFont(m->fonts[i].font);
    m->nfonts = 0;
}

static void metrics_ttf_close(metrics_ttf *m)
{
    metrics_ttf_reset(m);
    for (int f = 0; f < FACE_COUNT; f++) {
        free(m->file[f]);
        m->file[f] = NULL;
    }
}

/* Reads the four Inter faces from assets_dir/fonts. TTF_Init must have been
 * called. Returns 0, or -1 with a plain sentence in err. */
static int metrics_ttf_open(metrics_ttf *m, const char *assets_dir, char *err, int cap)
{
    memset(m, 0, sizeof *m);
    for (int f = 0; f < FACE_COUNT; f++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/fonts/%s", assets_dir, face_file[f]);
        m->file[f] = read_whole(path, &m->file_len[f]);
        if (!m->file[f]) {
            snprintf(err, (size_t)cap, "the font %s is missing or unreadable; "
                     "reinstall the kiosk or give --assets DIR", path);
            metrics_ttf_close(m);
            return -1;
        }
    }
    return 0;
}

TTF_Font *metrics_ttf_font(metrics_ttf *m, layout_face face, int px)
{
    if ((unsigned)face >= FACE_COUNT)
        face = FACE_REGULAR;
    if (px < METRICS_MIN_PX)
        px = METRICS_MIN_PX;
    if (px > METRICS_MAX_PX)
        px = METRICS_MAX_PX;
    for (int i = 0; i < m->nfonts; i++)
        if (m->fonts[i].face == face && m->fonts[i].px == px)
            return m->fonts[i].font;
    if (m->nfonts == METRICS_MAX_FONTS)
        metrics_ttf_reset(m);
    SDL_RWops *rw = SDL_RWFromConstMem(m->file[face], (int)m->file_len[face]);
    TTF_Font *font = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
    if (!font)
        return NULL;
    /* Light hinting keeps Inter's shapes (normal hinting squashes them at
     * the sizes a lobby screen uses) while staying crisp on a 7" panel. */
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    m->fonts[m->nfonts++] = (metrics_font){face, px, font};
    return font;
}

static int measure_width(void *ctx, layout_face face, int px, const char *text, int len)
{
    TTF_Font *font = metrics_ttf_font(ctx, face, px);
    if (!font || len <= 0)
        return 0;
    /* SDL_ttf wants a NUL-terminated string; layout hands out slices. */
    char buf[4096];
    if (len >= (int)sizeof buf)
        len = (int)sizeof buf - 1;
    memcpy(buf, text, (size_t)len);
    buf[len] = 0;
    int w = 0, h = 0;
    if (TTF_SizeUTF8(font, buf, &w, &h) != 0)
        return 0;
    return w;
}

static int measure_height(void *ctx, layout_face face, int px)
{
    TTF_Font *font = metrics_ttf_font(ctx, face, px);
    return font ? TTF_FontHeight(font) : px;
}

layout_metrics metrics_ttf_interface(metrics_ttf *m)
{
    return (layout_metrics){m, measure_width, measure_height};
}

static int has_fonts(const char *dir)
{
    char path[1024];
    struct stat st;
    snprintf(path, sizeof path, "%s/fonts/%s", dir, face_file[FACE_REGULAR]);
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

const char *metrics_ttf_find_assets(const char *given)
{
    if (given)
        return has_fonts(given) ? given : NULL;
#ifdef KIOSK_SOURCE_DIR
    if (has_fonts(KIOSK_SOURCE_DIR "/assets"))
        return KIOSK_SOURCE_DIR "/assets";
#endif
#ifdef KIOSK_DATA_DIR
    if (has_fonts(KIOSK_DATA_DIR "/assets"))
        return KIOSK_DATA_DIR "/assets";
#endif
    return NULL;
}

metrics_ttf_failure metrics_ttf_start(metrics_ttf *m, const char *assets, char *err,
                                      int cap)
{
    const char *dir = metrics_ttf_find_assets(assets);
    if (!dir) {
        snprintf(err, (size_t)cap, "the fonts were not found; give --assets DIR (the "
                 "folder with fonts/Inter-Regular.otf)");
        return METRICS_TTF_NOT_FOUND;
    }
    if (TTF_Init() != 0) {
        snprintf(err, (size_t)cap, "the font library did not start");
        return METRICS_TTF_NO_LIBRARY;
    }
    if (metrics_ttf_open(m, dir, err, cap) != 0) {
        TTF_Quit();
        return METRICS_TTF_UNREADABLE;
    }
    return METRICS_TTF_STARTED;
}

void metrics_ttf_stop(metrics_ttf *m)
{
    metrics_ttf_close(m);
    TTF_Quit();
}
