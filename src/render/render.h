/* render.h — draws layout screens with SDL2's renderer. A screen is prepared
 * once (its text rasterised, its images decoded into textures) and then drawn
 * every frame with no allocation, at an offset (slides) and an alpha (fades).
 * Pictures are decoded by whoever the caller names (render/pictures.h: the
 * platform's sandboxed child), never on the thread that draws: with a
 * picture worker they arrive later (render_take_pictures), and their place
 * shows a calm panel meanwhile.
 * Works on the software, OpenGL and OpenGL ES 2 renderers alike. */
#ifndef KIOSK_RENDER_H
#define KIOSK_RENDER_H

#include <SDL.h>

#include "core/content.h"
#include "core/layout.h"
#include "render/metrics_ttf.h"
#include "render/pictures.h"

/* Largest texture side used anywhere: the Raspberry Pi 3's GPU (and many
 * GLES 2 drivers) refuse more than 2048; bigger images are scaled down once
 * when they are loaded. */
#define RENDER_MAX_TEXTURE_SIDE 2048

/* Decoded images kept as textures, keyed by file and drawn size. One screen
 * shows at most a menu of KIOSK_MAX_TOPICS tiles; a slide shows two screens. */
#define RENDER_MAX_IMAGES 64
/* Texture memory images may hold before unused ones are dropped: a Pi 3
 * shares 1 GiB with its GPU, and a few full screens of pictures are enough. */
#define RENDER_IMAGE_BUDGET_BYTES (96u * 1024 * 1024)
/* How dark a pressed button turns (of 255): plain to see within 100 ms on
 * the accent and on the surface colour alike. */
#define RENDER_PRESS_ALPHA 80
/* Corner pieces for rounded rectangles: one set per radius and colour in
 * use (a screen has two or three radii in two or three colours, plus the
 * black of the press veil). */
#define RENDER_MAX_CORNERS 24

typedef struct render_image {
    char path[KIOSK_MAX_PATH_BYTES];
    int w, h, cover;             /* the box it was made for */
    SDL_Texture *tex;            /* NULL: not (yet) decoded, drawn as surface */
    unsigned id;                 /* the request the picture worker answers */
    int waiting;                 /* asked for, not arrived */
    int tex_w, tex_h;
    size_t bytes;
    int refs;                    /* prepared screens using it */
} render_image;

/* The four corners of one radius in one colour, each already turned and
 * coloured: drawn with a plain copy, as SDL's software renderer allocates
 * on every flipped copy (SDL_RenderCopyEx) and on every colour-mod change
 * of a texture, and a kiosk's frames allocate nothing (issue 9). */
typedef struct render_corner {
    int radius;
    SDL_Color colour;
    SDL_Texture *tex[4];         /* top-left, top-right, bottom-left, bottom-right */
} render_corner;

/* One prepared screen: the boxes and a texture per text or image box. The
 * caller fills .layout (with layout_*_screen) and calls render_prepare. */
typedef struct render_screen {
    layout_screen layout;
    /* owned: BOX_TEXT, in two pieces when wider than a texture may be */
    SDL_Texture *text[LAYOUT_MAX_BOXES][2];
    int text_w[LAYOUT_MAX_BOXES], text_h[LAYOUT_MAX_BOXES];
    int text_half[LAYOUT_MAX_BOXES];       /* width of the first piece */
    short image[LAYOUT_MAX_BOXES];         /* BOX_IMAGE: index in images, -1 none */
    int prepared;
} render_screen;

typedef struct render {
    SDL_Renderer *sdl;
    metrics_ttf *fonts;
    char content_dir[1024];
    SDL_Color colour[COL_COUNT];
    int max_texture_side;
    render_image images[RENDER_MAX_IMAGES];
    int nimages;
    size_t image_bytes;
    render_corner corners[RENDER_MAX_CORNERS];
    int ncorners;
    render_pictures pictures;    /* ask NULL: decode at once (--render, --bench) */
    unsigned next_id;
} render;

void render_init(render *r, SDL_Renderer *sdl, metrics_ttf *fonts);
/* Frees every texture. Screens prepared before must be released first. */
void render_fini(render *r);
/* A new content snapshot: drops every cached image and font size, takes the
 * colours and the folder images are read from. Release screens first. */
void render_reset(render *r, const content_settings *set, const char *content_dir);
/* Only the colours (a visitor's high-contrast palette): release the
 * prepared screens first, their words are drawn in the old ones. */
void render_palette(render *r, const content_settings *set);

/* Pictures come from q from now on: with q.ask (the running kiosk),
 * render_prepare only asks for them. Until then none are drawn. */
void render_use_pictures(render *r, render_pictures q);
/* Makes textures of the pictures that arrived; how many (then redraw). */
int render_take_pictures(render *r);

/* Rasterises text and loads images of s->layout. Idempotent. */
void render_prepare(render *r, render_screen *s);
/* Frees what render_prepare made; s can be prepared again. */
void render_release(render *r, render_screen *s);

/* Fills the whole target with the ground colour. */
void render_clear(render *r);
/* Draws a prepared screen shifted by (dx, dy) px with opacity alpha 0..255,
 * over what render_clear drew: a ground-coloured backdrop at full opacity
 * is left out, since the clear already put that colour everywhere. */
void render_draw(render *r, const render_screen *s, int dx, int dy, int alpha);

/* A cross-fade over what render_clear drew: from at 255 - alpha, to at
 * alpha, their ground backdrops left out. As the floor and a web page fade:
 * no whole-screen veil to blend each frame (a third of a fade frame's cost
 * on the software renderer). */
void render_cross_fade(render *r, const render_screen *from, const render_screen *to,
                       int alpha);

/* Press feedback: darkens the tappable box under (x, y) on a drawn screen. */
void render_press(render *r, const render_screen *s, int x, int y, int dx, int dy);

#endif
