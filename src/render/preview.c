/* preview.c — draws every screen into PNG files for staff and for tests. */
#include "render/preview.h"

#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>

#include "render/render.h"

/* Layout of one size: pages for a few thousand cards fit in well under this. */
#define PREVIEW_ARENA_BYTES (64u * 1024 * 1024)

typedef struct preview {
    render r;
    SDL_Surface *surface;
    render_screen *screen;
    const char *outdir;
    int written;
    char *err;
    int cap;
} preview;

/* Draws what is in p->screen->layout and saves it as outdir/name. */
static int shoot(preview *p, const char *name)
{
    render_prepare(&p->r, p->screen);
    render_clear(&p->r);
    render_draw(&p->r, p->screen, 0, 0, 255);
    SDL_RenderFlush(p->r.sdl);
    render_release(&p->r, p->screen);
    char path[1400];
    snprintf(path, sizeof path, "%s/%s", p->outdir, name);
    if (IMG_SavePNG(p->surface, path) != 0) {
        snprintf(p->err, (size_t)p->cap, "could not write %s; check that the "
                 "folder exists and there is space on the disk", path);
        return -1;
    }
    p->written++;
    return 0;
}

static int shoot_all(preview *p, const content_snapshot *s, const layout_deck *d,
                     const layout_metrics *m)
{
    char name[KIOSK_MAX_PATH_BYTES + 32];
    for (int i = 0; i < d->nloop; i++) {
        layout_loop_screen(&p->screen->layout, s, d, m, i);
        snprintf(name, sizeof name, "loop-%02d.png", i + 1);
        if (shoot(p, name))
            return -1;
    }
    layout_menu_screen(&p->screen->layout, s, d, m);
    if (shoot(p, "menu.png"))
        return -1;
    for (int t = 0; t < s->ntopics; t++) {
        for (int pg = 0; pg < d->topic[t].npages; pg++) {
            layout_topic_screen(&p->screen->layout, s, d, m, t, pg);
            snprintf(name, sizeof name, "%s-%02d.png", s->topics[t].name, pg + 1);
            if (shoot(p, name))
                return -1;
        }
    }
    layout_empty_screen(&p->screen->layout, s, m, d->w, d->h);
    return shoot(p, "empty.png");
}

int preview_write(const content_snapshot *s, const char *content_dir,
                  metrics_ttf *fonts, int w, int h, const char *outdir,
                  char *err, int cap)
{
    preview p = {.outdir = outdir, .err = err, .cap = cap};
    p.surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    p.screen = calloc(1, sizeof *p.screen);
    SDL_Renderer *sdl = p.surface ? SDL_CreateSoftwareRenderer(p.surface) : NULL;
    if (!sdl || !p.screen) {
        snprintf(err, (size_t)cap, "not enough memory to draw a %dx%d screen", w, h);
        free(p.screen);
        SDL_FreeSurface(p.surface);
        return -1;
    }
    render_init(&p.r, sdl, fonts);
    render_reset(&p.r, &s->settings, content_dir);
    layout_metrics m = metrics_ttf_interface(fonts);
    arena a;
    arena_init(&a, PREVIEW_ARENA_BYTES);
    layout_deck d;
    int rc = -1;
    if (layout_deck_build(&d, s, &m, w, h, &a) != 0)
        snprintf(err, (size_t)cap, "the content is too large to lay out at %dx%d", w, h);
    else
        rc = shoot_all(&p, s, &d, &m);
    arena_fini(&a);
    render_fini(&p.r);
    SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(p.surface);
    free(p.screen);
    return rc < 0 ? -1 : p.written;
}
