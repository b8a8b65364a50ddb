/* picture_child.c — the decoding child (kiosk --decode-picture, started only
 * by picture.c): bounds itself (CPU seconds, address space, no files, no
 * core), reads a picture from stdin, decodes it whole with SDL_image, scales
 * it down to the box asked for, and writes the answer to stdout. */
#define _GNU_SOURCE   /* close_range */
#include "platform/picture.h"

#include <SDL.h>
#include <SDL_image.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core/content.h"
#include "core/kiosk_limits.h"
#include "platform/picture_proto.h"

/* AddressSanitizer reserves terabytes of shadow memory: no address-space
 * limit under it (the parent's deadline still holds). */
#if defined(__SANITIZE_ADDRESS__)
#define PICTURE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PICTURE_ASAN 1
#endif
#endif

static void set_limit(int what, rlim_t n)
{
    struct rlimit rl = {n, n};
    setrlimit(what, &rl);   /* refused only under a stricter limit already */
}

/* Nothing but stdin and stdout, bounded in time and memory, and gone with
 * the thread that started it. */
static void sandbox(void)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() == 1)
        _exit(1);   /* the kiosk is already gone */
    /* Decoders' warnings ("libpng warning: ...") would flood the journal. */
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0 && null != 2) {
        dup2(null, 2);
        close(null);
    } else if (null < 0) {
        close(2);
    }
    if (close_range(3, ~0U, 0) != 0)
        for (int fd = 3; fd < 1024; fd++)
            close(fd);
    struct rlimit cpu = {KIOSK_PICTURE_DECODE_CPU_S, KIOSK_PICTURE_DECODE_CPU_S + 1};
    setrlimit(RLIMIT_CPU, &cpu);   /* SIGXCPU at the soft limit */
    set_limit(RLIMIT_FSIZE, 0);
    set_limit(RLIMIT_CORE, 0);
    set_limit(RLIMIT_NOFILE, 16);
    /* Drawing and the watchdog come first: on a Pi's four cores (or a
     * busy two) the decoder takes only what they leave. */
    setpriority(PRIO_PROCESS, 0, 10);
#ifndef PICTURE_ASAN
    set_limit(RLIMIT_AS, KIOSK_PICTURE_DECODE_BYTES);
#endif
}

static int write_all(const void *p, size_t n)
{
    const unsigned char *b = p;
    while (n > 0) {
        ssize_t w = write(1, b, n);
        if (w <= 0)
            return -1;
        b += w;
        n -= (size_t)w;
    }
    return 0;
}

static int answer(uint32_t status, int w, int h, const SDL_Surface *px)
{
    picture_head head = {PICTURE_MAGIC, status, (uint32_t)w, (uint32_t)h};
    if (write_all(&head, sizeof head) != 0)
        return 1;
    for (int y = 0; px && y < px->h; y++)
        if (write_all((const unsigned char *)px->pixels + (size_t)y * px->pitch,
                      (size_t)px->w * 4) != 0)
            return 1;
    return 0;
}

/* stdin whole, at most KIOSK_MAX_IMAGE_BYTES; NULL when larger or no memory. */
static unsigned char *read_input(size_t *len)
{
    unsigned char *buf = malloc(KIOSK_MAX_IMAGE_BYTES + 1);
    size_t n = 0;
    if (!buf)
        return NULL;
    for (;;) {
        ssize_t r = read(0, buf + n, KIOSK_MAX_IMAGE_BYTES + 1 - n);
        if (r <= 0)
            break;
        n += (size_t)r;
        if (n > KIOSK_MAX_IMAGE_BYTES) {
            free(buf);
            return NULL;
        }
    }
    *len = n;
    return buf;
}

/* SDL_image does not check its reads, so a cut-off file decodes as grey
 * (libjpeg only warns) or loops for ever (libpng reads stale bytes): the
 * file must be whole before it is decoded. A PNG is whole when its chunks
 * fit the file up to IEND; a JPEG when its end marker follows the image
 * data (the data never holds 0xFF 0xD9: a 0xFF there is followed by 0x00). */
static int file_whole(const unsigned char *p, size_t len)
{
    if (len >= 8 && !memcmp(p, "\x89PNG\r\n\x1a\n", 8)) {
        for (size_t at = 8; at + 12 <= len;) {
            size_t n = (size_t)p[at] << 24 | (size_t)p[at + 1] << 16 |
                       (size_t)p[at + 2] << 8 | p[at + 3];
            if (n > len - at - 12)
                return 0;
            if (!memcmp(p + at + 4, "IEND", 4))
                return 1;
            at += 12 + n;
        }
        return 0;
    }
    for (size_t i = len; i > 3; i--)
        if (p[i - 2] == 0xFF && p[i - 1] == 0xD9)
            return 1;
    return 0;
}

/* Scales src[crop] to w x h, halving first so a large photo averages its
 * pixels instead of skipping them (bilinear alone aliases past 2:1). */
static SDL_Surface *scale_down(SDL_Surface *src, SDL_Rect crop, int w, int h)
{
    SDL_Surface *cur = src;
    SDL_Rect from = crop;
    while (from.w >= 2 * w && from.h >= 2 * h) {
        SDL_Surface *half = SDL_CreateRGBSurfaceWithFormat(
            0, from.w / 2, from.h / 2, 32, SDL_PIXELFORMAT_ARGB8888);
        if (!half || SDL_SoftStretchLinear(cur, &from, half, NULL) != 0) {
            SDL_FreeSurface(half);
            break;
        }
        if (cur != src)
            SDL_FreeSurface(cur);
        cur = half;
        from = (SDL_Rect){0, 0, half->w, half->h};
    }
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32,
                                                      SDL_PIXELFORMAT_ARGB8888);
    if (out && SDL_SoftStretchLinear(cur, &from, out, NULL) != 0) {
        SDL_FreeSurface(out);
        out = NULL;
    }
    if (cur != src)
        SDL_FreeSurface(cur);
    return out;
}

/* src made just the size it is drawn at (render_picture_fit_box). */
static SDL_Surface *fit(SDL_Surface *src, const platform_picture_ask *ask)
{
    render_picture_fit f = render_picture_fit_box(src->w, src->h, ask);
    if (f.out_w == f.w && f.out_h == f.h && f.x == 0 && f.y == 0)
        return src;
    return scale_down(src, (SDL_Rect){f.x, f.y, f.w, f.h}, f.out_w, f.out_h);
}

static int parse_ask(int argc, char **argv, platform_picture_ask *ask)
{
    if (argc != 6)
        return -1;
    ask->box_w = atoi(argv[2]);
    ask->box_h = atoi(argv[3]);
    ask->cover = atoi(argv[4]);
    ask->max_side = atoi(argv[5]);
    if (ask->box_w == 0)
        return 0;
    return ask->box_w < 1 || ask->box_h < 1 || ask->max_side < 1 ||
           ask->box_w > 16384 || ask->box_h > 16384 ? -1 : 0;
}

static int decode(const unsigned char *p, size_t len, const platform_picture_ask *ask)
{
    if (!content_image_fits(p, len) || !file_whole(p, len))
        return answer(PICTURE_CHILD_UNREADABLE, 0, 0, NULL);
    SDL_RWops *rw = SDL_RWFromConstMem(p, (int)len);
    SDL_Surface *raw = rw ? IMG_Load_RW(rw, 1) : NULL;
    if (!raw) {
        const char *e = SDL_GetError();
        return answer(e && strstr(e, "emory") ? PICTURE_CHILD_TOO_BIG
                                              : PICTURE_CHILD_UNREADABLE, 0, 0, NULL);
    }
    if (ask->box_w == 0) {
        int rc = answer(PICTURE_CHILD_OK, raw->w, raw->h, NULL);
        SDL_FreeSurface(raw);
        return rc;
    }
    SDL_Surface *src = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(raw);
    SDL_Surface *out = src ? fit(src, ask) : NULL;
    int rc = out ? answer(PICTURE_CHILD_OK, out->w, out->h, out)
                 : answer(PICTURE_CHILD_TOO_BIG, 0, 0, NULL);
    if (out != src)
        SDL_FreeSurface(out);
    SDL_FreeSurface(src);
    return rc;
}

int platform_picture_child(int argc, char **argv)
{
    sandbox();
    platform_picture_ask ask;
    if (parse_ask(argc, argv, &ask) != 0)
        return 2;
    size_t len = 0;
    unsigned char *p = read_input(&len);
    int rc = p ? decode(p, len, &ask) : answer(PICTURE_CHILD_UNREADABLE, 0, 0, NULL);
    free(p);
    return rc;
}
