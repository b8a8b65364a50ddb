/* stats_png.c — the charts of visits to a PNG, as --render draws screens. */
#include "render/stats_png.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/layout_visits.h"
#include "render/png_write.h"
#include "render/render.h"

int stats_png_write(const content_snapshot *s, const char *content_dir, metrics_ttf *fonts,
                    const visits_chart *ch, int w, int h, const char *path, char *err,
                    int cap)
{
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32,
                                                          SDL_PIXELFORMAT_ARGB8888);
    render_screen *screen = calloc(1, sizeof *screen);
    SDL_Renderer *sdl = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    int rc = -1;
    if (!sdl || !screen) {
        snprintf(err, (size_t)cap, "not enough memory to draw a %dx%d picture", w, h);
    } else {
        render r;
        render_init(&r, sdl, fonts);
        render_reset(&r, &s->settings, content_dir);
        layout_metrics m = metrics_ttf_interface(fonts);
        layout_visits_screen(&screen->layout, s, &m, w, h, ch);
        rc = png_write_drawn(&r, screen, surface, path, err, cap);
        render_fini(&r);
    }
    if (sdl)
        SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surface);
    free(screen);
    return rc;
}
