/* png_write.h — a drawn screen (an ARGB8888 surface) to a PNG file. */
#ifndef KIOSK_PNG_WRITE_H
#define KIOSK_PNG_WRITE_H

#include <SDL.h>

/* Returns 0, or -1 when the file could not be written (no partial file). */
int png_write_screen(SDL_Surface *s, const char *path);

#endif
