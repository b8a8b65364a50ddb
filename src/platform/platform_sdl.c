/* platform_sdl.c — opens the screen with SDL, picks a renderer (GLES 2 or
 * software on KMSDRM, SDL's pick elsewhere), and turns the picture for rotated panels. */
#include "platform/platform_sdl.h"

#include <stdio.h>
#include <string.h>

#include "core/touchmap.h"
#include "platform/test_input.h"

static const char no_screen[] =
    "no screen found (no X11/Wayland display and no KMS device); to preview "
    "the screens without one, run: kiosk --render OUTDIR";

/* SDL's index of the render driver called name, or -2 if it has none. */
static int render_driver_index(const char *name)
{
    SDL_RendererInfo info;
    for (int i = 0; i < SDL_GetNumRenderDrivers(); i++)
        if (SDL_GetRenderDriverInfo(i, &info) == 0 && !strcmp(info.name, name))
            return i;
    return -2;
}

int platform_open(platform_display *d, int win_w, int win_h, char *err, int cap)
{
    memset(d, 0, sizeof *d);
    /* Touch and mouse are read separately: SDL's emulation of one by the
     * other would deliver every tap twice. */
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    /* A kiosk must never blank its own screen. */
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    /* Without a Wayland session, SDL's Wayland driver only makes libwayland
     * print "XDG_RUNTIME_DIR is invalid" (seen with sudo, and on a console
     * with no display): try X11 and then the Pi's KMS, nothing else. */
    if (!SDL_getenv("SDL_VIDEODRIVER") && !SDL_getenv("WAYLAND_DISPLAY"))
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "x11,kmsdrm");
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        snprintf(err, (size_t)cap, "%s", no_screen);
        return -1;
    }
    /* With nothing else to use SDL falls back to drivers that draw nowhere
     * ("offscreen", "dummy"): a kiosk would then run forever unseen. They
     * count only when asked for by name (SDL_VIDEODRIVER, for tests). */
    const char *drv = SDL_GetCurrentVideoDriver();
    const char *asked = SDL_getenv("SDL_VIDEODRIVER");
    if (drv && (!strcmp(drv, "offscreen") || !strcmp(drv, "dummy") || !strcmp(drv, "evdev")) &&
        !(asked && !SDL_strcasecmp(asked, drv))) {
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        snprintf(err, (size_t)cap, "%s", no_screen);
        return -1;
    }
    Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    flags |= win_w > 0 ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_Rect at = {SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, win_w, win_h};
    /* Fullscreen: the window starts as large as the display and on it. X
     * with no window manager (a bare kiosk session) never honours the
     * fullscreen request, while SDL draws for the display's size: a smaller
     * window showed a strip of the picture, with taps beside their buttons. */
    if (win_w <= 0 && SDL_GetDisplayBounds(0, &at) != 0)
        at = (SDL_Rect){SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 800, 480};
    d->win = SDL_CreateWindow("kiosk", at.x, at.y, at.w, at.h, flags);
    if (!d->win) {
        snprintf(err, (size_t)cap, "the screen could not be opened (%s); to preview "
                 "the screens without one, run: kiosk --render OUTDIR", SDL_GetError());
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        return -1;
    }
    /* On KMSDRM, GLES 2 or software, never SDL's first pick: there its
     * "opengl" renderer came up on virtio-gpu and drew only the clear colour
     * while "opengles2" drew the picture (issue 13; the Pi's v3d speaks GLES).
     * SDL calls the driver "KMSDRM". */
    int gpu = -1;
    if (drv && !SDL_strcasecmp(drv, "kmsdrm")) {
        gpu = render_driver_index("opengles2");
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "opengles2");
    }
    if (gpu != -2)
        d->sdl = SDL_CreateRenderer(d->win, gpu, SDL_RENDERER_ACCELERATED |
                                    SDL_RENDERER_PRESENTVSYNC | SDL_RENDERER_TARGETTEXTURE);
    if (!d->sdl && gpu != -2)
        d->sdl = SDL_CreateRenderer(d->win, gpu, SDL_RENDERER_ACCELERATED |
                                    SDL_RENDERER_PRESENTVSYNC);
    if (!d->sdl)
        d->sdl = SDL_CreateRenderer(d->win, -1, SDL_RENDERER_SOFTWARE);
    if (!d->sdl) {
        snprintf(err, (size_t)cap, "the screen opened but nothing can be drawn on it (%s)",
                 SDL_GetError());
        platform_close(d);
        return -1;
    }
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(d->sdl, &info) == 0)
        /* SDL's software renderer reports vsync it only imitates: its
         * presents came back at 12 ms (80 Hz) under X, so the loop drew
         * transitions flat out (issue 9: 2.8x the floor's loop CPU). Only a
         * GPU renderer's present is trusted to wait for the display. */
        d->vsync = (info.flags & SDL_RENDERER_PRESENTVSYNC) &&
                   (info.flags & SDL_RENDERER_ACCELERATED);
    if (!win_w)
        SDL_ShowCursor(SDL_DISABLE);   /* fullscreen: a kiosk shows no pointer */
    d->test_input = platform_test_input_start(d->win);   /* NULL in the product */
    return 0;
}

void platform_close(platform_display *d)
{
    platform_test_input_stop(d->test_input);
    if (d->target)
        SDL_DestroyTexture(d->target);
    if (d->sdl)
        SDL_DestroyRenderer(d->sdl);
    if (d->win)
        SDL_DestroyWindow(d->win);
    if (d->win)
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
    memset(d, 0, sizeof *d);
}

int platform_layout_size(platform_display *d, int rotate, char *err, int cap)
{
    SDL_GetWindowSize(d->win, &d->win_w, &d->win_h);
    if (SDL_GetRendererOutputSize(d->sdl, &d->out_w, &d->out_h) != 0) {
        d->out_w = d->win_w;
        d->out_h = d->win_h;
    }
    if (d->target)
        SDL_DestroyTexture(d->target);
    d->target = NULL;
    d->rotate = 0;
    d->w = d->out_w;
    d->h = d->out_h;
    touchmap t = {d->out_w, d->out_h, d->win_w, d->win_h, touchmap_rotation(rotate)};
    if (t.rotate == 0)
        return 0;
    int w, h;
    touchmap_layout_size(&t, &w, &h);
    SDL_RendererInfo info;
    int lim = SDL_GetRendererInfo(d->sdl, &info) == 0 ? info.max_texture_width : 0;
    if (!SDL_RenderTargetSupported(d->sdl) || (lim > 0 && (w > lim || h > lim))) {
        snprintf(err, (size_t)cap, "rotate = %d in kiosk.ini cannot be done on this "
                 "graphics driver (it cannot draw into a %dx%d texture); the screen "
                 "is shown unrotated", t.rotate, w, h);
        return -1;
    }
    d->target = SDL_CreateTexture(d->sdl, SDL_PIXELFORMAT_ARGB8888,
                                  SDL_TEXTUREACCESS_TARGET, w, h);
    if (!d->target) {
        snprintf(err, (size_t)cap, "rotate = %d in kiosk.ini cannot be done: no room "
                 "for a %dx%d picture on this graphics driver; the screen is shown "
                 "unrotated", t.rotate, w, h);
        return -1;
    }
    d->rotate = t.rotate;
    d->w = w;
    d->h = h;
    return 0;
}

void platform_begin_frame(platform_display *d)
{
    SDL_SetRenderTarget(d->sdl, d->target);
}

/* The turn drawn, which touch is mapped back through. */
static touchmap turn_of(const platform_display *d)
{
    touchmap t = {d->out_w, d->out_h, d->win_w, d->win_h, d->rotate};
    return t;
}

void platform_end_frame(platform_display *d)
{
    if (d->target) {
        SDL_SetRenderTarget(d->sdl, NULL);
        SDL_SetRenderDrawColor(d->sdl, 0, 0, 0, 255);
        SDL_RenderClear(d->sdl);
        /* Centred on the output and turned about its centre (SDL turns
         * clockwise for positive angles): touchmap maps touch back. */
        touchmap t = turn_of(d);
        SDL_Rect to;
        touchmap_dest(&t, &to.x, &to.y, &to.w, &to.h);
        SDL_RenderCopyEx(d->sdl, d->target, NULL, &to, d->rotate, NULL, SDL_FLIP_NONE);
    }
    SDL_RenderPresent(d->sdl);
}

void platform_map_window(const platform_display *d, int wx, int wy, int *x, int *y)
{
    touchmap t = turn_of(d);
    touchmap_mouse(&t, wx, wy, x, y);
}

void platform_map_finger(const platform_display *d, float fx, float fy, int *x, int *y)
{
    touchmap t = turn_of(d);
    touchmap_finger(&t, fx, fy, x, y);
}
