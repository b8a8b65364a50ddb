/* render.c — prepares layout screens into textures (text, images, corner
 * pieces) and draws them with plain SDL_Render calls every backend has. */
#include "render/render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/content.h"

static SDL_Color rgb(kiosk_rgb c)
{
    return (SDL_Color){c.r, c.g, c.b, 255};
}

/* Every texture the renderer makes goes through here: ARGB8888, blended,
 * filtered, whatever format the surface came in. */
static SDL_Texture *texture_from_surface(render *r, SDL_Surface *src)
{
    SDL_Surface *conv = src;
    if (src->format->format != SDL_PIXELFORMAT_ARGB8888) {
        conv = SDL_ConvertSurfaceFormat(src, SDL_PIXELFORMAT_ARGB8888, 0);
        if (!conv)
            return NULL;
    }
    SDL_Texture *t = SDL_CreateTexture(r->sdl, SDL_PIXELFORMAT_ARGB8888,
                                       SDL_TEXTUREACCESS_STATIC, conv->w, conv->h);
    if (t) {
        SDL_UpdateTexture(t, NULL, conv->pixels, conv->pitch);
        SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
        SDL_SetTextureScaleMode(t, SDL_ScaleModeLinear);
    }
    if (conv != src)
        SDL_FreeSurface(conv);
    return t;
}

void render_init(render *r, SDL_Renderer *sdl, metrics_ttf *fonts)
{
    memset(r, 0, sizeof *r);
    r->sdl = sdl;
    r->fonts = fonts;
    r->max_texture_side = RENDER_MAX_TEXTURE_SIDE;
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(sdl, &info) == 0) {
        /* Some drivers report 0 for "no limit"; others less than ours. */
        int lim = info.max_texture_width < info.max_texture_height
                      ? info.max_texture_width : info.max_texture_height;
        if (lim > 0 && lim < r->max_texture_side)
            r->max_texture_side = lim;
    }
    for (int i = 0; i < COL_COUNT; i++)
        r->colour[i] = (SDL_Color){128, 128, 128, 255};
}

static void drop_image(render *r, render_image *im)
{
    if (im->tex)
        SDL_DestroyTexture(im->tex);
    r->image_bytes -= im->bytes;
    memset(im, 0, sizeof *im);
}

static void drop_all(render *r)
{
    if (r->pictures.forget)
        r->pictures.forget(r->pictures.ctx);
    for (int i = 0; i < r->nimages; i++)
        drop_image(r, &r->images[i]);
    r->nimages = 0;
    r->image_bytes = 0;
    for (int i = 0; i < r->ncorners; i++)
        for (int k = 0; k < 4; k++)
            SDL_DestroyTexture(r->corners[i].tex[k]);
    r->ncorners = 0;
}

void render_fini(render *r)
{
    drop_all(r);
}

void render_reset(render *r, const content_settings *set, const char *content_dir)
{
    drop_all(r);
    metrics_ttf_reset(r->fonts);
    snprintf(r->content_dir, sizeof r->content_dir, "%s", content_dir);
    render_palette(r, set);
}

void render_palette(render *r, const content_settings *set)
{
    r->colour[COL_GROUND] = rgb(set->ground);
    r->colour[COL_SURFACE] = rgb(set->surface);
    r->colour[COL_TEXT] = rgb(set->text);
    r->colour[COL_MUTED] = rgb(set->muted);
    r->colour[COL_ACCENT] = rgb(set->accent);
    r->colour[COL_ACCENT_TEXT] = rgb(set->accent_text);
}

/* ---- images ---- */

/* A texture of decoded ARGB8888 pixels. */
static void texture_from_picture(render *r, render_image *im, const render_picture *pic)
{
    if (!pic->pixels)
        return;
    im->tex = SDL_CreateTexture(r->sdl, SDL_PIXELFORMAT_ARGB8888,
                                SDL_TEXTUREACCESS_STATIC, pic->w, pic->h);
    if (!im->tex)
        return;
    SDL_UpdateTexture(im->tex, NULL, pic->pixels, pic->w * 4);
    SDL_SetTextureBlendMode(im->tex, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(im->tex, SDL_ScaleModeLinear);
    im->tex_w = pic->w;
    im->tex_h = pic->h;
    im->bytes = (size_t)pic->w * pic->h * 4;
    r->image_bytes += im->bytes;
}

/* Asks for the picture just the size it is drawn at (never larger than the
 * picture, never past the texture limit), decoded in a child from the file
 * as it is now: a broken edit leaves the last good content on screen, but
 * its pictures are read from the folder, where one may have been replaced
 * by a picture that takes minutes to decode. */
static void load_image(render *r, render_image *im)
{
    render_picture_ask ask = {im->w, im->h, im->cover, r->max_texture_side};
    if (r->pictures.ask) {
        if (++r->next_id == 0)
            r->next_id = 1;
        im->id = r->next_id;
        im->waiting = r->pictures.ask(r->pictures.ctx, im->id, r->content_dir,
                                      im->path, &ask) == 0;
        return;
    }
    if (!r->pictures.load)
        return;
    render_picture pic;
    r->pictures.load(r->pictures.ctx, r->content_dir, im->path, &ask, &pic);
    texture_from_picture(r, im, &pic);
    free(pic.pixels);
}

void render_use_pictures(render *r, render_pictures q)
{
    r->pictures = q;
}

int render_take_pictures(render *r)
{
    unsigned id;
    render_picture pic;
    int n = 0;
    while (r->pictures.take && r->pictures.take(r->pictures.ctx, &id, &pic)) {
        for (int i = 0; i < r->nimages; i++) {
            render_image *im = &r->images[i];
            if (im->path[0] && im->waiting && im->id == id) {
                im->waiting = 0;
                texture_from_picture(r, im, &pic);
                n++;
                break;
            }
        }
        free(pic.pixels);   /* or a picture dropped meanwhile: stale */
    }
    return n;
}

static void drop_unused_images(render *r)
{
    for (int i = 0; i < r->nimages; i++)
        if (r->images[i].path[0] && r->images[i].refs == 0)
            drop_image(r, &r->images[i]);
    while (r->nimages > 0 && !r->images[r->nimages - 1].path[0])
        r->nimages--;
}

/* The cached image for box b, loading it when new; -1 when none can be had. */
static int image_for(render *r, const layout_box *b)
{
    if (!b->image || strlen(b->image) >= KIOSK_MAX_PATH_BYTES)
        return -1;
    for (int i = 0; i < r->nimages; i++) {
        render_image *im = &r->images[i];
        if (im->path[0] && !strcmp(im->path, b->image) && im->w == b->w &&
            im->h == b->h && im->cover == b->cover)
            return i;
    }
    if (r->image_bytes > RENDER_IMAGE_BUDGET_BYTES || r->nimages == RENDER_MAX_IMAGES)
        drop_unused_images(r);
    int slot = -1;
    for (int i = 0; i < r->nimages && slot < 0; i++)
        if (!r->images[i].path[0])
            slot = i;
    if (slot < 0) {
        if (r->nimages == RENDER_MAX_IMAGES)
            return -1;
        slot = r->nimages++;
    }
    render_image *im = &r->images[slot];
    memset(im, 0, sizeof *im);
    snprintf(im->path, sizeof im->path, "%s", b->image);
    im->w = b->w > 0 ? b->w : 1;
    im->h = b->h > 0 ? b->h : 1;
    im->cover = b->cover;
    load_image(r, im);
    return slot;
}

/* ---- rounded corners ---- */

/* One corner of a disc of radius rad in colour c: k = 0 top-left, 1
 * top-right, 2 bottom-left, 3 bottom-right (bit 0: right, bit 1: bottom).
 * Coverage is sampled 4x4 per pixel so the edge is smooth on every backend. */
static SDL_Texture *make_corner(render *r, int rad, SDL_Color c, int k)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, rad, rad, 32,
                                                    SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    Uint32 rgb = ((Uint32)c.r << 16) | ((Uint32)c.g << 8) | c.b;
    for (int y = 0; y < rad; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < rad; x++) {
            /* Distance from the disc's centre, which lies at the corner of
             * the piece nearest the rectangle's middle. */
            int ux = k & 1 ? rad - 1 - x : x, uy = k & 2 ? rad - 1 - y : y;
            int hits = 0;
            for (int sy = 0; sy < 4; sy++)
                for (int sx = 0; sx < 4; sx++) {
                    double px = rad - (ux + (sx + 0.5) / 4.0);
                    double py = rad - (uy + (sy + 0.5) / 4.0);
                    hits += px * px + py * py <= (double)rad * rad;
                }
            Uint32 a = (Uint32)(hits * 255 / 16);
            row[x] = (a << 24) | rgb;
        }
    }
    SDL_Texture *t = texture_from_surface(r, s);
    SDL_FreeSurface(s);
    return t;
}

static const render_corner *corner_for(render *r, int rad, SDL_Color c)
{
    for (int i = 0; i < r->ncorners; i++) {
        const render_corner *k = &r->corners[i];
        if (k->radius == rad && k->colour.r == c.r && k->colour.g == c.g && k->colour.b == c.b)
            return k;
    }
    if (r->ncorners == RENDER_MAX_CORNERS)
        return NULL;   /* square corners rather than a growing table */
    render_corner *k = &r->corners[r->ncorners];
    k->radius = rad;
    k->colour = c;
    for (int i = 0; i < 4; i++)
        if (!(k->tex[i] = make_corner(r, rad, c, i))) {
            while (i-- > 0)
                SDL_DestroyTexture(k->tex[i]);
            return NULL;
        }
    r->ncorners++;
    return k;
}

static int clamp_radius(const layout_box *b)
{
    int rad = b->radius;
    if (rad > b->w / 2) rad = b->w / 2;
    if (rad > b->h / 2) rad = b->h / 2;
    /* A corner larger than this is a layout mistake, not a design. */
    if (rad > 512) rad = 512;
    return rad < 2 ? 0 : rad;
}

/* ---- text ---- */

static void prepare_text(render *r, render_screen *s, int i)
{
    const layout_box *b = &s->layout.box[i];
    if (!b->text || b->len <= 0)
        return;
    TTF_Font *font = metrics_ttf_font(r->fonts, b->face, b->px);
    if (!font)
        return;
    char buf[4096];
    int len = b->len < (int)sizeof buf - 1 ? b->len : (int)sizeof buf - 1;
    memcpy(buf, b->text, (size_t)len);
    buf[len] = 0;
    SDL_Surface *surf = TTF_RenderUTF8_Blended(font, buf, r->colour[b->colour]);
    if (!surf)
        return;
    /* A line on a 4K screen can be wider than a texture may be: split it in
     * two halves side by side (3840 < 2 x 2048). */
    int half = surf->w > r->max_texture_side ? (surf->w + 1) / 2 : surf->w;
    for (int part = 0; part < 2 && part * half < surf->w; part++) {
        int w = surf->w - part * half < half ? surf->w - part * half : half;
        SDL_Surface *piece = SDL_CreateRGBSurfaceWithFormat(
            0, w, surf->h, 32, SDL_PIXELFORMAT_ARGB8888);
        if (!piece)
            break;
        SDL_Rect from = {part * half, 0, w, surf->h};
        SDL_SetSurfaceBlendMode(surf, SDL_BLENDMODE_NONE);
        SDL_BlitSurface(surf, &from, piece, NULL);
        s->text[i][part] = texture_from_surface(r, piece);
        SDL_FreeSurface(piece);
    }
    s->text_w[i] = surf->w;
    s->text_h[i] = surf->h;
    s->text_half[i] = half;
    SDL_FreeSurface(surf);
}

void render_prepare(render *r, render_screen *s)
{
    if (s->prepared)
        return;
    for (int i = 0; i < s->layout.nbox && i < LAYOUT_MAX_BOXES; i++) {
        const layout_box *b = &s->layout.box[i];
        s->text[i][0] = s->text[i][1] = NULL;
        s->image[i] = -1;
        if (b->kind == BOX_TEXT)
            prepare_text(r, s, i);
        else if (b->kind == BOX_IMAGE && (s->image[i] = (short)image_for(r, b)) >= 0)
            r->images[s->image[i]].refs++;
        else if (b->kind == BOX_RECT && clamp_radius(b))
            corner_for(r, clamp_radius(b), r->colour[b->colour]);
    }
    s->prepared = 1;
}

void render_release(render *r, render_screen *s)
{
    if (!s->prepared)
        return;
    for (int i = 0; i < s->layout.nbox && i < LAYOUT_MAX_BOXES; i++) {
        for (int part = 0; part < 2; part++) {
            if (s->text[i][part])
                SDL_DestroyTexture(s->text[i][part]);
            s->text[i][part] = NULL;
        }
        if (s->image[i] >= 0 && r->images[s->image[i]].refs > 0)
            r->images[s->image[i]].refs--;
        s->image[i] = -1;
    }
    s->prepared = 0;
}

/* ---- drawing ---- */

void render_clear(render *r)
{
    SDL_Color g = r->colour[COL_GROUND];
    SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(r->sdl, g.r, g.g, g.b, 255);
    SDL_RenderClear(r->sdl);
}

static void fill(render *r, int x, int y, int w, int h)
{
    if (w > 0 && h > 0)
        SDL_RenderFillRect(r->sdl, &(SDL_Rect){x, y, w, h});
}

static void fill_box(render *r, const layout_box *b, SDL_Color c, int dx, int dy,
                     int alpha)
{
    int x = b->x + dx, y = b->y + dy;
    /* Opaque fills are plain copies: blending costs a read of every pixel
     * on the software renderer, for nothing at full alpha. */
    SDL_SetRenderDrawBlendMode(r->sdl, alpha >= 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r->sdl, c.r, c.g, c.b, (Uint8)alpha);
    int rad = clamp_radius(b);
    const render_corner *corner = rad ? corner_for(r, rad, c) : NULL;
    if (!corner) {
        fill(r, x, y, b->w, b->h);
        return;
    }
    /* Nine pieces that never overlap, so a fading rectangle stays even. */
    fill(r, x + rad, y, b->w - 2 * rad, b->h);
    fill(r, x, y + rad, rad, b->h - 2 * rad);
    fill(r, x + b->w - rad, y + rad, rad, b->h - 2 * rad);
    for (int k = 0; k < 4; k++) {
        SDL_Rect to = {k & 1 ? x + b->w - rad : x, k & 2 ? y + b->h - rad : y, rad, rad};
        SDL_SetTextureAlphaMod(corner->tex[k], (Uint8)alpha);
        SDL_RenderCopy(r->sdl, corner->tex[k], NULL, &to);
    }
}

static void draw_rect(render *r, const layout_box *b, int dx, int dy, int alpha)
{
    fill_box(r, b, r->colour[b->colour], dx, dy, alpha);
}

/* Unscaled, top-left at the box: layout measured with these very fonts. */
static void draw_text(render *r, const render_screen *s, int i, int dx, int dy, int alpha)
{
    const layout_box *b = &s->layout.box[i];
    int x = b->x + dx, y = b->y + dy;
    for (int part = 0; part < 2; part++) {
        SDL_Texture *t = s->text[i][part];
        if (!t)
            continue;
        int w = part ? s->text_w[i] - s->text_half[i] : s->text_half[i];
        SDL_SetTextureAlphaMod(t, (Uint8)alpha);
        SDL_RenderCopy(r->sdl, t, NULL,
                       &(SDL_Rect){x + part * s->text_half[i], y, w, s->text_h[i]});
    }
}

static void draw_image(render *r, const render_screen *s, int i, int dx, int dy, int alpha)
{
    const layout_box *b = &s->layout.box[i];
    const render_image *im = s->image[i] >= 0 ? &r->images[s->image[i]] : NULL;
    if (!im || !im->tex) {
        /* A picture that would not decode: its place stays calm and even. */
        layout_box stand_in = *b;
        stand_in.colour = COL_SURFACE;
        draw_rect(r, &stand_in, dx, dy, alpha);
        return;
    }
    SDL_Rect to = {b->x + dx, b->y + dy, b->w, b->h};
    if (!im->cover) {
        /* Fit: the largest rectangle of the picture's shape, centred. */
        if ((long)im->tex_w * b->h > (long)im->tex_h * b->w) {
            to.h = (int)((long)b->w * im->tex_h / im->tex_w);
            to.y += (b->h - to.h) / 2;
        } else {
            to.w = (int)((long)b->h * im->tex_w / im->tex_h);
            to.x += (b->w - to.w) / 2;
        }
    }
    SDL_SetTextureAlphaMod(im->tex, (Uint8)alpha);
    SDL_RenderCopy(r->sdl, im->tex, NULL, &to);
}

/* The booking QR code from its matrix: the paper (quiet zone included),
 * then each row's runs of dark modules as one rectangle. Whole pixels
 * only: layout sized the box as module x (side + 2 quiet zones). */
static void draw_qr(render *r, const layout_box *b, int dx, int dy, int alpha)
{
    const kiosk_qr *q = b->qr;
    if (!q || b->module < 1)
        return;
    SDL_Color paper = r->colour[b->paper], ink = r->colour[b->colour];
    SDL_SetRenderDrawBlendMode(r->sdl, alpha >= 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r->sdl, paper.r, paper.g, paper.b, (Uint8)alpha);
    fill(r, b->x + dx, b->y + dy, b->w, b->h);
    SDL_SetRenderDrawColor(r->sdl, ink.r, ink.g, ink.b, (Uint8)alpha);
    int m = b->module, x0 = b->x + dx + QR_QUIET * m, y0 = b->y + dy + QR_QUIET * m;
    for (int y = 0; y < q->side; y++)
        for (int x = 0; x < q->side; x++) {
            if (!qr_dark(q, x, y))
                continue;
            int run = 1;
            while (qr_dark(q, x + run, y))
                run++;
            fill(r, x0 + x * m, y0 + y * m, run * m, m);
            x += run;
        }
}

/* Every box of s; ground backdrops left out at full opacity, or at any with
 * no_ground (a cross-fade over the clear needs no veil). */
static void draw_boxes(render *r, const render_screen *s, int dx, int dy, int alpha,
                       int no_ground)
{
    for (int i = 0; i < s->layout.nbox && i < LAYOUT_MAX_BOXES && alpha > 0; i++) {
        const layout_box *b = &s->layout.box[i];
        /* An opaque ground backdrop is what render_clear drew (slid or
         * not): a whole screen of fill saved every frame. */
        if (b->backdrop && (alpha >= 255 || no_ground) && b->colour == COL_GROUND)
            continue;
        switch (b->kind) {
        case BOX_RECT: draw_rect(r, &s->layout.box[i], dx, dy, alpha); break;
        case BOX_TEXT: draw_text(r, s, i, dx, dy, alpha); break;
        case BOX_IMAGE: draw_image(r, s, i, dx, dy, alpha); break;
        case BOX_QR: draw_qr(r, b, dx, dy, alpha); break;
        }
    }
}

void render_draw(render *r, const render_screen *s, int dx, int dy, int alpha)
{
    draw_boxes(r, s, dx, dy, alpha > 255 ? 255 : alpha, 0);
}

void render_cross_fade(render *r, const render_screen *from, const render_screen *to,
                       int alpha)
{
    alpha = alpha < 0 ? 0 : alpha > 255 ? 255 : alpha;
    draw_boxes(r, from, 0, 0, 255 - alpha, 1);
    draw_boxes(r, to, 0, 0, alpha, 1);
}

void render_press(render *r, const render_screen *s, int x, int y, int dx, int dy)
{
    for (int i = s->layout.nbox - 1; i >= 0; i--) {
        const layout_box *b = &s->layout.box[i];
        if (b->action == ACT_NONE || b->backdrop || x < b->x || y < b->y ||
            x >= b->x + b->w || y >= b->y + b->h)
            continue;
        /* A dark veil in the box's own shape: the press shows on any colour. */
        layout_box veil = *b;
        veil.kind = BOX_RECT;
        fill_box(r, &veil, (SDL_Color){0, 0, 0, 255}, dx, dy, RENDER_PRESS_ALPHA);
        return;
    }
}
