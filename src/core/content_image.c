/* content_image.c — pictures referenced from topic files: a safe relative
 * path, the pixel size read from the PNG or JPEG header, and then the whole
 * picture decoded through the fs's picture check (kiosk_fs.picture).
 * The header reader is written here rather than taken from a library: no
 * Debian library reads only a header cheaply without decoding (SDL_image
 * decodes the whole picture, and the core must not link SDL anyway). */
#include "content_internal.h"

#include <stdlib.h>
#include <string.h>

static unsigned be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static unsigned long be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
           (unsigned long)p[2] << 8 | p[3];
}

static image_status png_size(const unsigned char *p, size_t len, int *w, int *h)
{
    if (len < 24)
        return IMAGE_TRUNCATED;
    if (memcmp(p + 12, "IHDR", 4) != 0)
        return IMAGE_BAD;
    unsigned long pw = be32(p + 16), ph = be32(p + 20);
    /* PNG allows up to 2^31-1; anything near that is refused by the caller. */
    if (pw == 0 || ph == 0 || pw > 0x7fffffffUL || ph > 0x7fffffffUL)
        return IMAGE_BAD;
    *w = (int)pw;
    *h = (int)ph;
    return IMAGE_OK;
}

/* Start-of-frame markers carry the size: C0..CF but DHT (C4), JPG (C8) and
 * DAC (CC), which share the range. */
static int jpeg_is_sof(unsigned m)
{
    return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

static image_status jpeg_size(const unsigned char *p, size_t len, int *w, int *h)
{
    size_t i = 2;
    for (;;) {
        if (i >= len)
            return IMAGE_TRUNCATED;
        if (p[i] != 0xFF)
            return IMAGE_BAD;
        while (i < len && p[i] == 0xFF)   /* fill bytes */
            i++;
        if (i >= len)
            return IMAGE_TRUNCATED;
        unsigned m = p[i++];
        if (m == 0x01 || (m >= 0xD0 && m <= 0xD8))
            continue;                     /* markers without a length */
        if (m == 0xD9 || m == 0xDA || m == 0x00)
            return IMAGE_BAD;             /* image data before any size */
        if (i + 2 > len)
            return IMAGE_TRUNCATED;
        unsigned seg = be16(p + i);
        if (seg < 2)
            return IMAGE_BAD;
        if (jpeg_is_sof(m)) {
            if (i + 7 > len)
                return IMAGE_TRUNCATED;
            unsigned ph = be16(p + i + 3), pw = be16(p + i + 5);
            if (pw == 0 || ph == 0)
                return IMAGE_BAD;
            *w = (int)pw;
            *h = (int)ph;
            return IMAGE_OK;
        }
        i += seg;
    }
}

image_status content_image_size(const unsigned char *p, size_t len, int *w, int *h)
{
    if (len >= 8 && !memcmp(p, "\x89PNG\r\n\x1a\n", 8))
        return png_size(p, len, w, h);
    if (len >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
        return jpeg_size(p, len, w, h);
    return IMAGE_NOT_IMAGE;
}

int content_image_fits(const unsigned char *p, size_t len)
{
    int w = 0, h = 0;
    return content_image_size(p, len, &w, &h) == IMAGE_OK && w > 0 && h > 0 &&
           w <= KIOSK_MAX_IMAGE_SIDE && h <= KIOSK_MAX_IMAGE_SIDE &&
           (long long)w * h <= KIOSK_MAX_IMAGE_PIXELS;
}

/* Formats staff are likely to try, to say what to do instead. */
static const char *other_format(const unsigned char *p, size_t len)
{
    if (len >= 6 && (!memcmp(p, "GIF87a", 6) || !memcmp(p, "GIF89a", 6)))
        return "a GIF";
    if (len >= 12 && !memcmp(p, "RIFF", 4) && !memcmp(p + 8, "WEBP", 4))
        return "a WebP";
    if (len >= 12 && !memcmp(p + 4, "ftyp", 4))
        return "an HEIC (iPhone)";
    if (len >= 2 && !memcmp(p, "BM", 2))
        return "a BMP";
    if (len >= 5 && (!memcmp(p, "<svg", 4) || !memcmp(p, "<?xml", 5)))
        return "an SVG";
    return NULL;
}

/* Empty, web address, absolute, backslash, "..": the reason, or NULL. */
static const char *path_problem(const char *path)
{
    if (!*path)
        return "this picture has no file name; write it like "
               "![what it shows](images/x.jpg)";
    if (strstr(path, "://") || !strncmp(path, "data:", 5) ||
        !strncmp(path, "www.", 4))
        return "a picture must be a file in the content folder, not a web "
               "address; put the file in images/ and write images/x.jpg";
    if (strchr(path, '\\'))
        return "write / between folder names in a picture's path, not \\, "
               "like images/x.jpg";
    if (path[0] == '/' || path[0] == '~' || strchr(path, ':'))
        return "a picture's path starts from the content folder, like "
               "images/x.jpg, not from the top of the disk";
    for (const char *p = path; *p;) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 2 && !memcmp(p, "..", 2))
            return "a picture must be inside the content folder; ../ is not "
                   "allowed in its path";
        p += n + (e != NULL);
    }
    return NULL;
}

static const char *header_problem(content_loader *L, const char *path,
                                  size_t len, size_t total, int *w, int *h)
{
    const unsigned char *p = L->imgbuf;
    if (total > KIOSK_MAX_IMAGE_BYTES)
        return arena_printf(&L->s->arena, "picture %s is %s; a picture may be "
                            "at most %d MB, so save it smaller", path,
                            content_size_words(L, total),
                            KIOSK_MAX_IMAGE_BYTES / (1024 * 1024));
    image_status st = content_image_size(p, len, w, h);
    if (st == IMAGE_NOT_IMAGE) {
        const char *kind = other_format(p, len);
        return arena_printf(&L->s->arena, "picture %s is %s; the kiosk shows "
                            "PNG and JPEG pictures only, so save it as one",
                            path, kind ? arena_printf(&L->s->arena, "%s file", kind)
                                       : "not a picture");
    }
    if (st == IMAGE_TRUNCATED && total <= len)
        return arena_printf(&L->s->arena, "picture %s is cut short (a half-"
                            "copied file?); copy it again", path);
    if (st != IMAGE_OK)
        return arena_printf(&L->s->arena, "picture %s is damaged: its size "
                            "cannot be read; save it again as PNG or JPEG", path);
    if (*w > KIOSK_MAX_IMAGE_SIDE || *h > KIOSK_MAX_IMAGE_SIDE ||
        (long long)*w * *h > KIOSK_MAX_IMAGE_PIXELS)
        return arena_printf(&L->s->arena, "picture %s is %d x %d pixels; at "
                            "most %d on a side and %d x %d in all fit, so save "
                            "it smaller (1920 x 1080 is plenty)", path, *w, *h,
                            KIOSK_MAX_IMAGE_SIDE, 4096, KIOSK_MAX_IMAGE_PIXELS / 4096);
    return NULL;
}

/* The whole file through the fs's decoder: a picture whose header is fine
 * can still be cut off, damaged, or take minutes to decode. */
static const char *decode_problem(content_loader *L, const char *path, size_t total)
{
    const kiosk_fs *fs = L->fs;
    if (L->slow_pictures >= KIOSK_MAX_SLOW_PICTURES)
        return arena_printf(&L->s->arena, "picture %s was not checked, because "
                            "other pictures took too long to open; fix those "
                            "first", path);
    char *buf = malloc(total + 1);
    size_t len = 0, now = 0;
    if (!buf)
        return arena_printf(&L->s->arena, "picture %s could not be checked: the "
                            "kiosk is short of memory; it is checked again at the "
                            "next change", path);
    fs_status st = fs->read(fs->ctx, L->dir, path, buf, total + 1, &len, &now);
    fs_picture pic = FS_PICTURE_UNREADABLE;
    if (st == FS_OK && len == now && now == total)
        pic = fs->picture(fs->picture_ctx, (const unsigned char *)buf, len);
    free(buf);
    if (st != FS_OK || len != now || now != total)
        return arena_printf(&L->s->arena, "picture %s changed while the kiosk was "
                            "reading it; it is read again when the copying is "
                            "finished", path);
    switch (pic) {
    case FS_PICTURE_OK:
        return NULL;
    case FS_PICTURE_TOO_SLOW:
        L->slow_pictures++;
        return arena_printf(&L->s->arena, "picture %s takes too long to open "
                            "(more than %d seconds; a JPEG saved in very many "
                            "passes?); save it again as an ordinary JPEG or as PNG",
                            path, (KIOSK_PICTURE_DECODE_MS + 999) / 1000);
    case FS_PICTURE_TOO_BIG:
        return arena_printf(&L->s->arena, "picture %s needs too much memory to "
                            "open; save it again smaller (1920 x 1080 is plenty) "
                            "as JPEG or PNG", path);
    case FS_PICTURE_UNCHECKED:
        return arena_printf(&L->s->arena, "picture %s could not be checked (the "
                            "kiosk is short of memory); it is checked again at the "
                            "next change", path);
    default:
        return arena_printf(&L->s->arena, "picture %s could not be read (it may "
                            "be cut off or damaged); save it again as JPEG or PNG",
                            path);
    }
}

/* Reads the head of one picture once; the answer is kept for repeats. */
static loader_image *image_look(content_loader *L, const char *path)
{
    for (int i = 0; i < L->nimages_seen; i++)
        if (!strcmp(L->images[i].path, path))
            return &L->images[i];
    if (L->nimages_seen >= KIOSK_MAX_IMAGES)
        return NULL;
    loader_image *im = &L->images[L->nimages_seen];
    memset(im, 0, sizeof *im);
    im->path = arena_strdup(&L->s->arena, path);
    if (!im->path)
        return NULL;
    L->nimages_seen++;
    size_t len = 0, total = 0;
    fs_status st = L->fs->read(L->fs->ctx, L->dir, path, (char *)L->imgbuf,
                               KIOSK_IMAGE_HEAD_BYTES, &len, &total);
    if (st == FS_NOT_FOUND)
        im->problem = arena_printf(&L->s->arena, "picture %s is missing; check "
                                   "its name (upper and lower case count) and "
                                   "that it is in the content folder", path);
    else if (st != FS_OK)
        im->problem = arena_printf(&L->s->arena, "picture %s: %s", path,
                                   content_fs_problem(st));
    else
        im->problem = header_problem(L, path, len, total, &im->w, &im->h);
    if (!im->problem && L->fs->picture)
        im->problem = decode_problem(L, path, total);
    if (!im->problem) {
        im->over_total = L->image_bytes <= KIOSK_MAX_PICTURES_BYTES &&
                         L->image_bytes + total > KIOSK_MAX_PICTURES_BYTES;
        L->image_bytes += total;
    }
    return im;
}

int content_image_check(content_loader *L, int line, const char *path,
                        int *w, int *h)
{
    const char *why = path_problem(path);
    if (why) {
        loader_diag_add(L, DIAG_ERROR, line, "%s", why);
        return -1;
    }
    loader_image *im = image_look(L, path);
    if (!im) {
        loader_diag_add(L, DIAG_ERROR, line, "there are more than %d different "
                        "pictures; use fewer", KIOSK_MAX_IMAGES);
        return -1;
    }
    if (im->problem) {
        loader_diag_add(L, DIAG_ERROR, line, "%s", im->problem);
        return -1;
    }
    if (im->over_total) {   /* the words of lastgood_message(LG_TOO_BIG) */
        im->over_total = 0;
        loader_diag_add(L, DIAG_WARNING, line, "with %s the pictures add up to "
                        "more than %d MB, so the kiosk keeps no backup copy of "
                        "the content (they show all the same); save the "
                        "pictures smaller or use fewer of them", path,
                        KIOSK_MAX_PICTURES_MB);
    }
    *w = im->w;
    *h = im->h;
    return 0;
}
