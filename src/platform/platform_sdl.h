/* platform_sdl.h — the screen: SDL start-up, the window (or the whole display),
 * the renderer, and rotation for panels mounted another way, with touch and
 * mouse points mapped through the same turn. */
#ifndef KIOSK_PLATFORM_SDL_H
#define KIOSK_PLATFORM_SDL_H

#include <SDL.h>

typedef struct platform_display {
    SDL_Window *win;
    SDL_Renderer *sdl;
    int win_w, win_h;        /* window size in window points (mouse units) */
    int out_w, out_h;        /* renderer output in pixels */
    int rotate;              /* 0, 90, 180, 270 actually applied */
    SDL_Texture *target;     /* the unrotated screen when rotate != 0 */
    int w, h;                /* the size layout draws for (rotated) */
    int vsync;               /* present waits for the display's refresh */
    struct platform_test_input *test_input;   /* TEST ONLY (test_input.h) */
} platform_display;

/* Opens a window of win_w x win_h, or the whole display when win_w == 0.
 * On failure returns -1 with one plain sentence in err (no SDL dump). */
int platform_open(platform_display *d, int win_w, int win_h, char *err, int cap);
void platform_close(platform_display *d);
/* Applies rotate (kiosk.ini [screen] rotate) and the current window size.
 * Call after open and on every size change. Returns 0, or -1 with a plain
 * sentence in err when the turn cannot be done here (the screen then runs
 * unrotated, which is still usable). */
int platform_layout_size(platform_display *d, int rotate, char *err, int cap);
/* Draw between these two: begin points drawing at the (rotated) screen. */
void platform_begin_frame(platform_display *d);
void platform_end_frame(platform_display *d);
/* Window points (mouse) or a finger's 0..1 position to layout pixels. */
void platform_map_window(const platform_display *d, int wx, int wy, int *x, int *y);
void platform_map_finger(const platform_display *d, float fx, float fy, int *x, int *y);

#endif
