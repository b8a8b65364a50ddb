/* fuzz_content.c — libFuzzer harness for the whole content parse: one input
 * becomes an in-memory content folder (kiosk.ini, one or two topic files, an
 * image) read through a fake kiosk_fs, loaded, formatted for STATUS.txt and
 * freed. Built and run by tests/fuzz/run.sh.
 *
 * Input: one flag byte, then parts separated by "\n@@@@\n":
 *   kiosk.ini, 10-topic.md, a second topic, the bytes of every image.
 * Flag bits 0-1 name the second topic: 20-more.md, 70-faq.md, 80-reviews.md
 * or README.md (ignored); bit 2 leaves kiosk.ini out of the folder. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "status.h"

#define SEP "\n@@@@\n"
enum { PARTS = 4 };

typedef struct fuzz_folder {
    const char *part[PARTS];
    size_t len[PARTS];
    int nparts;
    const char *second;
    int no_ini;
} fuzz_folder;

static const char *const second_names[] = {
    "20-more.md", "70-faq.md", "80-reviews.md", "README.md",
};

/* The part behind file name rel, or -1. */
static int part_of(const fuzz_folder *f, const char *rel)
{
    if (!strcmp(rel, "kiosk.ini"))
        return f->no_ini ? -1 : 0;
    if (!strcmp(rel, "10-topic.md"))
        return 1;
    if (!strcmp(rel, f->second))
        return 2;
    if (!strncmp(rel, "images/", 7))
        return 3;   /* every image has the same bytes */
    return -1;
}

static fs_status fuzz_list(void *ctx, const char *dir,
                           void (*each)(void *u, const char *name), void *u)
{
    fuzz_folder *f = ctx;
    if (!f->no_ini)
        each(u, "kiosk.ini");
    each(u, "10-topic.md");
    if (f->nparts > 2)
        each(u, f->second);
    each(u, "images");
    each(u, ".hidden.md");
    return FS_OK;
}

static fs_status fuzz_read(void *ctx, const char *dir, const char *rel,
                           char *buf, size_t cap, size_t *len, size_t *total)
{
    fuzz_folder *f = ctx;
    int i = part_of(f, rel);
    *len = *total = 0;
    if (!strcmp(rel, "images"))
        return FS_NOT_REGULAR;
    if (i < 0 || i >= f->nparts)
        return FS_NOT_FOUND;
    *total = f->len[i];
    *len = f->len[i] < cap ? f->len[i] : cap;
    memcpy(buf, f->part[i], *len);
    return FS_OK;
}

static void split(fuzz_folder *f, const uint8_t *data, size_t size)
{
    const char *p = (const char *)data, *end = p + size;
    size_t seplen = strlen(SEP);
    f->nparts = 0;
    while (f->nparts < PARTS) {
        const char *next = NULL;
        if (f->nparts < PARTS - 1)   /* the image part takes all the rest */
            for (const char *q = p; q + seplen <= end; q++)
                if (*q == SEP[0] && !memcmp(q, SEP, seplen)) {
                    next = q;
                    break;
                }
        f->part[f->nparts] = p;
        f->len[f->nparts] = (size_t)((next ? next : end) - p);
        f->nparts++;
        if (!next)
            break;
        p = next + seplen;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    fuzz_folder f;
    memset(&f, 0, sizeof f);
    f.second = second_names[data[0] & 3];
    f.no_ini = (data[0] >> 2) & 1;
    split(&f, data + 1, size - 1);

    kiosk_fs fs = { &f, fuzz_list, fuzz_read };
    content_snapshot *s = content_load("fuzz", &fs);
    if (!s)
        return 0;
    (void)content_usable(s);
    /* STATUS.txt text walks every diagnostic and the summary. */
    static char text[1 << 18];
    status_report r = { content_usable(s) ? STATUS_FRESH : STATUS_PARTIAL,
                        "now", NULL, "now", s, s, NULL, NULL, NULL };
    size_t n = status_format(&r, text, sizeof text);
    if (n < sizeof text && strlen(text) != n)
        abort();   /* the text and its length must agree */
    content_free(s);
    return 0;
}
