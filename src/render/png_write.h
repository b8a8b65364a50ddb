/* png_write.h — a drawn screen (an ARGB8888 surface) to a PNG file. */
#ifndef KIOSK_PNG_WRITE_H
#define KIOSK_PNG_WRITE_H

#include <SDL.h>

#include "render/render.h"

/* Returns 0, or -1 when the file could not be written (no partial file). */
int png_write_screen(SDL_Surface *s, const char *path);

/* Draws screen with r (a software renderer over surface), writes it to path
 * and lets its textures go: one --render picture. Returns 0, or -1 with a
 * plain sentence in err. */
int png_write_drawn(render *r, render_screen *screen, SDL_Surface *surface,
                    const char *path, char *err, int cap);

#endif
