/* test_lastgood.c — keeping the last good content: round trips on a real disk
 * and on a fake one that can be full, forbidden, or lose power at any step. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lastgood.h"
#include "test_fake_fs.h"

/* ---- a fake disk: one flat table of paths, both kiosk_fs and lastgood_os ---- */

enum { FAKE_NODES = 256, FAKE_PATH = 256 };

typedef struct fake_node {
    char path[FAKE_PATH];
    int is_dir;
    char *data;
    size_t len;
} fake_node;

typedef struct fake {
    fake_node n[FAKE_NODES];
    int count;
    size_t space;     /* bytes the disk can still take */
    int deny;         /* every write is refused */
    int crash_at;     /* 0, or the write operation at which the power goes */
    int ops;          /* write operations so far */
} fake;

static fake_node *fake_find(fake *f, const char *path)
{
    for (int i = 0; i < f->count; i++)
        if (!strcmp(f->n[i].path, path))
            return &f->n[i];
    return NULL;
}

static void fake_del(fake *f, int i)
{
    free(f->n[i].data);
    f->space += f->n[i].len;
    f->n[i] = f->n[--f->count];
}

/* Copy of the parent folder of path into buf. */
static void parent_of(const char *path, char *buf)
{
    snprintf(buf, FAKE_PATH, "%s", path);
    char *slash = strrchr(buf, '/');
    if (slash)
        *slash = '\0';
    else
        strcpy(buf, ".");
}

static int fake_parent_ok(fake *f, const char *path)
{
    char parent[FAKE_PATH];
    parent_of(path, parent);
    fake_node *p = fake_find(f, parent);
    return p && p->is_dir;
}

static void fake_add(fake *f, const char *path, int is_dir, const void *data, size_t len)
{
    assert_true(f->count < FAKE_NODES);
    fake_node *n = &f->n[f->count++];
    snprintf(n->path, sizeof n->path, "%s", path);
    n->is_dir = is_dir;
    n->data = NULL;
    n->len = len;
    if (!is_dir) {
        n->data = malloc(len + 1);
        memcpy(n->data, data, len);
    }
}

static void fake_put(fake *f, const char *path, const char *text)
{
    fake_node *n = fake_find(f, path);
    if (n) {
        free(n->data);
        n->len = strlen(text);
        n->data = strdup(text);
        return;
    }
    fake_add(f, path, 0, text, strlen(text));
}

static void fake_reset(fake *f)
{
    while (f->count)
        fake_del(f, 0);
    memset(f, 0, sizeof *f);
    f->space = (size_t)1 << 30;
    fake_add(f, ".", 1, NULL, 0);
}

/* Counts one write operation; 1 when it may go ahead. After the power cut
 * nothing reaches the disk any more. */
static lastgood_status fake_op(fake *f)
{
    f->ops++;
    if (f->crash_at && f->ops >= f->crash_at)
        return LG_IO;
    return f->deny ? LG_DENIED : LG_OK;
}

static lastgood_status fake_make_dir(void *ctx, const char *path)
{
    fake *f = ctx;
    lastgood_status st = fake_op(f);
    if (st != LG_OK)
        return st;
    fake_node *n = fake_find(f, path);
    if (n)
        return n->is_dir ? LG_OK : LG_IO;
    if (!fake_parent_ok(f, path))
        return LG_MISSING;
    fake_add(f, path, 1, NULL, 0);
    return LG_OK;
}

static lastgood_status fake_write_file(void *ctx, const char *path,
                                       const void *data, size_t len)
{
    fake *f = ctx;
    lastgood_status st = fake_op(f);
    if (st != LG_OK)
        return st;
    if (fake_find(f, path))
        return LG_IO;
    if (!fake_parent_ok(f, path))
        return LG_MISSING;
    if (len > f->space)
        return LG_FULL;
    f->space -= len;
    fake_add(f, path, 0, data, len);
    return LG_OK;
}

static lastgood_status fake_sync_dir(void *ctx, const char *path)
{
    fake *f = ctx;
    lastgood_status st = fake_op(f);
    if (st != LG_OK)
        return st;
    fake_node *n = fake_find(f, path);
    return n && n->is_dir ? LG_OK : LG_MISSING;
}

static int under(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    return !strncmp(path, dir, n) && (path[n] == '\0' || path[n] == '/');
}

static lastgood_status fake_rename(void *ctx, const char *from, const char *to)
{
    fake *f = ctx;
    lastgood_status st = fake_op(f);
    if (st != LG_OK)
        return st;
    if (!fake_find(f, from))
        return LG_MISSING;
    if (fake_find(f, to) || !fake_parent_ok(f, to))
        return LG_IO;
    size_t n = strlen(from);
    for (int i = 0; i < f->count; i++) {
        if (!under(f->n[i].path, from))
            continue;
        char moved[FAKE_PATH * 2];
        snprintf(moved, sizeof moved, "%s%s", to, f->n[i].path + n);
        assert_true(strlen(moved) < FAKE_PATH);
        memcpy(f->n[i].path, moved, strlen(moved) + 1);
    }
    return LG_OK;
}

static lastgood_status fake_remove_tree(void *ctx, const char *path)
{
    fake *f = ctx;
    lastgood_status st = fake_op(f);
    if (st != LG_OK)
        return st;
    for (int i = f->count - 1; i >= 0; i--)
        if (under(f->n[i].path, path))
            fake_del(f, i);
    return LG_OK;
}

static int fake_is_dir(void *ctx, const char *path)
{
    fake_node *n = fake_find(ctx, path);
    return n && n->is_dir;
}

static fs_status fake_list(void *ctx, const char *dir,
                           void (*each)(void *u, const char *name), void *u)
{
    fake *f = ctx;
    fake_node *d = fake_find(f, dir);
    if (!d)
        return FS_NOT_FOUND;
    if (!d->is_dir)
        return FS_NOT_REGULAR;
    char parent[FAKE_PATH];
    for (int i = 0; i < f->count; i++) {
        parent_of(f->n[i].path, parent);
        if (!strcmp(parent, dir) && strcmp(f->n[i].path, dir))
            each(u, strrchr(f->n[i].path, '/') + 1);
    }
    return FS_OK;
}

static fs_status fake_read(void *ctx, const char *dir, const char *rel,
                           char *buf, size_t cap, size_t *len, size_t *total)
{
    char path[FAKE_PATH * 3];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    fake_node *n = fake_find(ctx, path);
    *len = *total = 0;
    if (!n)
        return FS_NOT_FOUND;
    if (n->is_dir)
        return FS_NOT_REGULAR;
    return fake_fs_give(n->data, n->len, n->len, buf, cap, len, total);
}

static fake disk;
static const lastgood_os fake_os = {
    &disk, fake_make_dir, fake_write_file, fake_sync_dir, fake_rename,
    fake_remove_tree, fake_is_dir,
};
static const kiosk_fs fake_fs = { &disk, fake_list, fake_read, NULL, NULL };

/* The platform's decoder, faked: a PNG decodes when its chunks run whole to
 * IEND, as the real one demands. */
static fs_picture fake_decode(void *ctx, const unsigned char *p, size_t len)
{
    (void)ctx;
    for (size_t at = 8; at + 12 <= len;) {
        size_t n = (size_t)p[at] << 24 | (size_t)p[at + 1] << 16 |
                   (size_t)p[at + 2] << 8 | p[at + 3];
        if (n > len - at - 12)
            break;
        if (!memcmp(p + at + 4, "IEND", 4))
            return FS_PICTURE_OK;
        at += 12 + n;
    }
    return FS_PICTURE_UNREADABLE;
}
static const kiosk_fs fake_fs_decoding = { &disk, fake_list, fake_read, fake_decode, NULL };

/* ---- content on the fake disk ---- */

/* A PNG's signature and IHDR chunk: 4x3 pixels, enough for the header read. */
static const unsigned char png_4x3[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
    0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 4, 0, 0, 0, 3, 8, 6, 0, 0, 0,
    0x00, 0x00, 0x00, 0x00,
    0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
};

/* The bundled kiosk.ini with the spa's name swapped for spa: a complete
 * settings file, as the parser wants every label. */
static void make_ini(char *ini, size_t cap, const char *spa)
{
    const char *src = getenv("KIOSK_SOURCE_DIR");
    char path[512], text[16 * 1024];
    snprintf(path, sizeof path, "%s/content/kiosk.ini", src ? src : KIOSK_SOURCE_DIR);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    const char *name = "Matrix Spa & Massage";
    char *at = strstr(text, name);
    assert_non_null(at);
    *at = '\0';
    snprintf(ini, cap, "%s%s%s", text, spa, at + strlen(name));
}

static void make_content(const char *dir, const char *spa)
{
    char path[FAKE_PATH], ini[16 * 1024];
    fake_add(&disk, dir, 1, NULL, 0);
    make_ini(ini, sizeof ini, spa);
    snprintf(path, sizeof path, "%s/kiosk.ini", dir);
    fake_put(&disk, path, ini);
    snprintf(path, sizeof path, "%s/10-knee.md", dir);
    fake_put(&disk, path, "# The knee\n\nIt bends.\n\n## Rest\n\n![a calm room](images/calm.png)\n");
    snprintf(path, sizeof path, "%s/20-faq.md", dir);
    fake_put(&disk, path, "# Questions\n\n## Does it help?\n\nYes, it can.\n");
    snprintf(path, sizeof path, "%s/README.md", dir);
    fake_put(&disk, path, "not copied: not part of the snapshot\n");
    snprintf(path, sizeof path, "%s/images", dir);
    fake_add(&disk, path, 1, NULL, 0);
    snprintf(path, sizeof path, "%s/images/calm.png", dir);
    fake_add(&disk, path, 0, png_4x3, sizeof png_4x3);
    snprintf(path, sizeof path, "%s/images/unused.png", dir);
    fake_add(&disk, path, 0, png_4x3, sizeof png_4x3);
}

static content_snapshot *load(const char *dir)
{
    content_snapshot *s = content_load(dir, &fake_fs);
    assert_non_null(s);
    return s;
}

/* Saves folder dir (which must be usable) with stamp. */
static lastgood_status save(const char *dir, const char *stamp)
{
    content_snapshot *s = load(dir);
    if (!content_usable(s)) {
        char line[512];
        for (int i = 0; i < s->ndiags; i++) {
            content_diag_format(&s->diags[i], line, sizeof line);
            print_message("%s\n", line);
        }
    }
    assert_true(content_usable(s));
    lastgood_status st = lastgood_save(&fake_os, &fake_fs, "state", dir, s, stamp);
    content_free(s);
    return st;
}

/* The spa name in state/last-good/kiosk.ini, or NULL. */
static const char *saved_spa(void)
{
    fake_node *n = fake_find(&disk, "state/last-good/kiosk.ini");
    if (!n)
        return NULL;
    n->data[n->len] = '\0';
    if (strstr(n->data, "Old Spa"))
        return "Old Spa";
    if (strstr(n->data, "New Spa"))
        return "New Spa";
    return "?";
}

static void assert_saved_usable(void)
{
    content_snapshot *s = load("state/last-good");
    assert_true(content_usable(s));
    assert_int_equal(s->ntopics, 2);
    assert_string_equal(s->settings.spa_name, saved_spa());
    content_free(s);
}

static int setup(void **state)
{
    fake_reset(&disk);
    make_content("old", "Old Spa");
    make_content("new", "New Spa");
    return 0;
}

/* ---- tests ---- */

static void test_lastgood_round_trip_fake(void **state)
{
    assert_false(lastgood_exists(&fake_os, "state"));
    assert_int_equal(save("old", "Mon 13 May 09:10"), LG_OK);
    assert_true(lastgood_exists(&fake_os, "state"));
    assert_string_equal(saved_spa(), "Old Spa");
    assert_non_null(fake_find(&disk, "state/last-good/10-knee.md"));
    assert_non_null(fake_find(&disk, "state/last-good/20-faq.md"));
    assert_non_null(fake_find(&disk, "state/last-good/images/calm.png"));
    /* Only what the snapshot was built from. */
    assert_null(fake_find(&disk, "state/last-good/README.md"));
    assert_null(fake_find(&disk, "state/last-good/images/unused.png"));
    assert_saved_usable();

    char stamp[64];
    assert_true(lastgood_stamp(&fake_fs, "state", stamp, sizeof stamp));
    assert_string_equal(stamp, "Mon 13 May 09:10");

    assert_int_equal(save("new", "Tue 14 May 10:32"), LG_OK);
    assert_string_equal(saved_spa(), "New Spa");
    assert_saved_usable();
    assert_true(lastgood_stamp(&fake_fs, "state", stamp, sizeof stamp));
    assert_string_equal(stamp, "Tue 14 May 10:32");
    /* No litter from the dance. */
    assert_null(fake_find(&disk, "state/.incoming"));
    assert_null(fake_find(&disk, "state/.previous"));
}

static void test_lastgood_disk_full(void **state)
{
    assert_int_equal(save("old", "then"), LG_OK);
    disk.space = 40;   /* kiosk.ini fits, the topics do not */
    assert_int_equal(save("new", "now"), LG_FULL);
    assert_string_equal(saved_spa(), "Old Spa");
    assert_saved_usable();
    assert_null(fake_find(&disk, "state/.incoming"));
    assert_true(strstr(lastgood_message(LG_FULL), "disk is full") != NULL);
}

static void test_lastgood_permission_denied(void **state)
{
    assert_int_equal(save("old", "then"), LG_OK);
    disk.deny = 1;
    assert_int_equal(save("new", "now"), LG_DENIED);
    disk.deny = 0;
    assert_string_equal(saved_spa(), "Old Spa");
    assert_saved_usable();
    assert_true(strstr(lastgood_message(LG_DENIED), "not allowed") != NULL);
}

/* The power goes at every write step of a save in turn; after the reboot and
 * lastgood_recover, a complete copy (old or new, never a mix) is there. */
static void test_lastgood_crash_between_steps(void **state)
{
    int completed = 0;
    for (int k = 1; k < 200 && !completed; k++) {
        setup(state);
        assert_int_equal(save("old", "then"), LG_OK);
        disk.ops = 0;
        disk.crash_at = k;
        completed = save("new", "now") == LG_OK;
        disk.crash_at = 0;                    /* reboot */
        assert_int_equal(lastgood_recover(&fake_os, "state"), LG_OK);
        assert_true(lastgood_exists(&fake_os, "state"));
        assert_saved_usable();
        const char *spa = saved_spa();
        assert_true(!strcmp(spa, "Old Spa") || !strcmp(spa, "New Spa"));
        if (completed)
            assert_string_equal(spa, "New Spa");
        assert_null(fake_find(&disk, "state/.incoming"));
        assert_null(fake_find(&disk, "state/.previous"));
    }
    assert_true(completed);
}

/* Crash after the old copy was moved aside, before the new one took its place. */
static void test_lastgood_recover_moves_old_back(void **state)
{
    assert_int_equal(save("old", "then"), LG_OK);
    assert_int_equal(fake_rename(&disk, "state/last-good", "state/.previous"), LG_OK);
    fake_add(&disk, "state/.incoming", 1, NULL, 0);
    assert_false(lastgood_exists(&fake_os, "state"));
    assert_int_equal(lastgood_recover(&fake_os, "state"), LG_OK);
    assert_string_equal(saved_spa(), "Old Spa");
    assert_null(fake_find(&disk, "state/.incoming"));
}

static void test_lastgood_refuses_unusable(void **state)
{
    fake_put(&disk, "new/20-faq.md", "no title here\n");
    content_snapshot *s = load("new");
    assert_false(content_usable(s));
    assert_int_equal(lastgood_save(&fake_os, &fake_fs, "state", "new", s, "now"),
                     LG_NOT_USABLE);
    content_free(s);
    assert_false(lastgood_exists(&fake_os, "state"));
}

/* A file broken between the load and the save: the copy does not load
 * cleanly, so it is not kept. */
static void test_lastgood_source_changed_meanwhile(void **state)
{
    assert_int_equal(save("old", "then"), LG_OK);
    content_snapshot *s = load("new");
    assert_true(content_usable(s));
    fake_put(&disk, "new/10-knee.md", "half an upl");
    assert_int_equal(lastgood_save(&fake_os, &fake_fs, "state", "new", s, "now"),
                     LG_NOT_USABLE);
    content_free(s);
    assert_string_equal(saved_spa(), "Old Spa");
    assert_null(fake_find(&disk, "state/.incoming"));
}

/* A referenced image deleted between the load and the save. */
static void test_lastgood_source_vanished(void **state)
{
    content_snapshot *s = load("new");
    fake_del(&disk, (int)(fake_find(&disk, "new/images/calm.png") - disk.n));
    assert_int_equal(lastgood_save(&fake_os, &fake_fs, "state", "new", s, "now"),
                     LG_SOURCE);
    content_free(s);
    assert_false(lastgood_exists(&fake_os, "state"));
    assert_null(fake_find(&disk, "state/.incoming"));
}

/* Cuts folder/images/calm.png to its first 33 bytes: the header is
 * whole (the size reads fine), the picture is cut off. */
static void cut_picture(const char *dir)
{
    char path[FAKE_PATH];
    snprintf(path, sizeof path, "%s/images/calm.png", dir);
    fake_node *n = fake_find(&disk, path);
    assert_non_null(n);
    n->len = 33;   /* signature and IHDR: no IEND */
}

/* The saved copy's calm.png is the whole, good picture. */
static void assert_saved_picture_good(void)
{
    fake_node *n = fake_find(&disk, "state/last-good/images/calm.png");
    assert_non_null(n);
    assert_int_equal(n->len, sizeof png_4x3);
    assert_memory_equal(n->data, png_4x3, sizeof png_4x3);
}

/* A picture cut off after its header, in a folder otherwise good: the load
 * that decodes pictures finds it, so the folder is not saved, and the copy
 * keeps the good picture it had (it used to take the cut one). */
static void test_lastgood_skips_undecodable_picture(void **state)
{
    content_snapshot *s = content_load("old", &fake_fs_decoding);
    assert_true(content_usable(s));
    assert_int_equal(lastgood_save(&fake_os, &fake_fs_decoding, "state", "old", s,
                                   "then"), LG_OK);
    content_free(s);
    cut_picture("new");
    s = content_load("new", &fake_fs_decoding);
    assert_false(content_usable(s));
    assert_int_equal(lastgood_save(&fake_os, &fake_fs_decoding, "state", "new", s,
                                   "now"), LG_NOT_USABLE);
    content_free(s);
    assert_string_equal(saved_spa(), "Old Spa");
    assert_saved_picture_good();
}

/* The picture is cut between the load and the save (a copy over SFTP in
 * progress): the copy is decoded again before it takes the old one's place. */
static void test_lastgood_skips_picture_cut_meanwhile(void **state)
{
    content_snapshot *s = content_load("old", &fake_fs_decoding);
    assert_int_equal(lastgood_save(&fake_os, &fake_fs_decoding, "state", "old", s,
                                   "then"), LG_OK);
    content_free(s);
    s = content_load("new", &fake_fs_decoding);
    assert_true(content_usable(s));
    cut_picture("new");
    assert_int_equal(lastgood_save(&fake_os, &fake_fs_decoding, "state", "new", s,
                                   "now"), LG_NOT_USABLE);
    content_free(s);
    assert_string_equal(saved_spa(), "Old Spa");
    assert_saved_picture_good();
    assert_null(fake_find(&disk, "state/.incoming"));
}

static void test_lastgood_recover_empty_state(void **state)
{
    assert_int_equal(lastgood_recover(&fake_os, "state"), LG_OK);
    assert_false(lastgood_exists(&fake_os, "state"));
    char stamp[16] = "x";
    assert_false(lastgood_stamp(&fake_fs, "state", stamp, sizeof stamp));
    assert_string_equal(stamp, "");
}

/* Pictures nine folders deep, and in nine sibling folders: every folder is
 * made and synced, and the copy replaces an older one of the same shape. */
static const char *nine_folders[] = {
    "images/a/b/c/d/e/f/g/h/deep.png",
    "images/s1/x.png", "images/s2/x.png", "images/s3/x.png", "images/s4/x.png",
    "images/s5/x.png", "images/s6/x.png", "images/s7/x.png", "images/s8/x.png",
    "images/s9/x.png",
};
enum { NINE = sizeof nine_folders / sizeof nine_folders[0] };

/* The topic file showing every picture of nine_folders. */
static void nine_folders_topic(char *md, size_t cap)
{
    size_t n = (size_t)snprintf(md, cap, "# Folders\n\nMany.\n");
    for (int i = 0; i < NINE && n < cap; i++)
        n += (size_t)snprintf(md + n, cap - n, "\n## Card %d\n\n![a room](%s)\n",
                              i, nine_folders[i]);
}

static void test_lastgood_nine_subfolders(void **state)
{
    char md[2048], path[FAKE_PATH];
    nine_folders_topic(md, sizeof md);
    fake_put(&disk, "new/20-faq.md", md);
    for (int i = 0; i < NINE; i++) {
        /* Each folder on the way, then the picture. */
        snprintf(path, sizeof path, "new/%s", nine_folders[i]);
        for (char *p = strchr(path + 4, '/'); p; p = strchr(p + 1, '/')) {
            *p = '\0';
            if (!fake_find(&disk, path))
                fake_add(&disk, path, 1, NULL, 0);
            *p = '/';
        }
        fake_add(&disk, path, 0, png_4x3, sizeof png_4x3);
    }
    assert_int_equal(save("new", "then"), LG_OK);
    assert_int_equal(save("new", "now"), LG_OK);
    for (int i = 0; i < NINE; i++) {
        snprintf(path, sizeof path, "state/last-good/%s", nine_folders[i]);
        assert_non_null(fake_find(&disk, path));
    }
    assert_saved_usable();
    assert_null(fake_find(&disk, "state/.previous"));
}

/* Pictures of 13 MB each (a PNG header, then padding) in topic 20-faq.md:
 * n of them, the first `have` already on the disk. */
static void big_pictures(int have, int n)
{
    enum { BIG = 13 * 1024 * 1024 };
    char md[1024], path[FAKE_PATH];
    size_t len = (size_t)snprintf(md, sizeof md, "# Big\n\nPhotos.\n");
    unsigned char *png = calloc(1, BIG);
    assert_non_null(png);
    memcpy(png, png_4x3, sizeof png_4x3);
    for (int i = 0; i < n; i++) {
        len += (size_t)snprintf(md + len, sizeof md - len,
                                "\n## Photo %d\n\n![a room](images/big%d.png)\n", i, i);
        snprintf(path, sizeof path, "new/images/big%d.png", i);
        if (i >= have)
            fake_add(&disk, path, 0, png, BIG);
    }
    free(png);
    fake_put(&disk, "new/20-faq.md", md);
}

/* The first warning of folder dir that has words in it, or "". */
static const char *warning_with(const char *dir, const char *words)
{
    static char line[1024];
    content_snapshot *s = load(dir);
    assert_true(content_usable(s));
    line[0] = '\0';
    for (int i = 0; i < s->ndiags && !line[0]; i++) {
        content_diag_format(&s->diags[i], line, sizeof line);
        if (!strstr(line, words))
            line[0] = '\0';
    }
    content_free(s);
    return line;
}

/* Pictures past KIOSK_MAX_PICTURES_BYTES together: the check warns in the
 * words the failed save uses, and the save refuses; just under it, no
 * warning and the copy is saved whole. */
static void test_lastgood_pictures_over_total(void **state)
{
    const char *words = "pictures add up to more than 64 MB";
    assert_non_null(strstr(lastgood_message(LG_TOO_BIG), words));
    big_pictures(0, 4);   /* 52 MB */
    assert_string_equal(warning_with("new", words), "");
    assert_int_equal(save("new", "then"), LG_OK);
    assert_non_null(fake_find(&disk, "state/last-good/images/big3.png"));
    big_pictures(4, 5);   /* 65 MB */
    assert_non_null(strstr(warning_with("new", words), "20-faq.md:"));
    assert_int_equal(save("new", "now"), LG_TOO_BIG);
    assert_null(fake_find(&disk, "state/last-good/images/big4.png"));
    assert_null(fake_find(&disk, "state/.incoming"));
}

/* ---- the real disk ---- */

static int run(const char *cmd)
{
    return system(cmd);
}

/* Byte-identical copy of dir/rel in state/last-good. */
static void assert_same_file(const char *dir, const char *saved, const char *rel)
{
    static char a[1 << 20], b[1 << 20];
    size_t la, lb, ta, tb;
    assert_int_equal(fs_posix.read(NULL, dir, rel, a, sizeof a, &la, &ta), FS_OK);
    assert_int_equal(fs_posix.read(NULL, saved, rel, b, sizeof b, &lb, &tb), FS_OK);
    assert_int_equal(la, lb);
    assert_memory_equal(a, b, la);
}

static void test_lastgood_round_trip_posix(void **state)
{
    const char *src = getenv("KIOSK_SOURCE_DIR");
    char content[512], tmp[] = "/tmp/kiosk-lastgood-XXXXXX", st[600], lg[700];
    snprintf(content, sizeof content, "%s/content", src ? src : KIOSK_SOURCE_DIR);
    assert_non_null(mkdtemp(tmp));
    snprintf(st, sizeof st, "%s/state", tmp);   /* made by the save */

    content_snapshot *s = content_load(content, &fs_posix);
    assert_true(content_usable(s));
    assert_int_equal(lastgood_save(&lastgood_os_posix, &fs_posix, st, content, s,
                                   "Tue 14 May 10:32"), LG_OK);
    /* Again: replaces the first copy. */
    assert_int_equal(lastgood_save(&lastgood_os_posix, &fs_posix, st, content, s,
                                   "Tue 14 May 10:33"), LG_OK);
    assert_true(lastgood_path(st, lg, sizeof lg));
    content_snapshot *c = content_load(lg, &fs_posix);
    assert_true(content_usable(c));
    assert_int_equal(c->ntopics, s->ntopics);
    assert_int_equal(c->ncards, s->ncards);
    assert_int_equal(c->nimages, s->nimages);
    assert_same_file(content, lg, "kiosk.ini");
    for (int t = 0; t < s->ntopics; t++)
        assert_same_file(content, lg, s->topics[t].file);
    char stamp[64];
    assert_true(lastgood_stamp(&fs_posix, st, stamp, sizeof stamp));
    assert_string_equal(stamp, "Tue 14 May 10:33");

    char path[800];
    struct stat sb;
    snprintf(path, sizeof path, "%s/.previous", st);
    assert_int_not_equal(lstat(path, &sb), 0);
    snprintf(path, sizeof path, "%s/.incoming", st);
    assert_int_not_equal(lstat(path, &sb), 0);

    /* A read-only state folder: the copy stays (root ignores permissions). */
    if (geteuid() != 0) {
        assert_int_equal(chmod(st, 0555), 0);
        assert_int_equal(lastgood_save(&lastgood_os_posix, &fs_posix, st, content,
                                       s, "later"), LG_DENIED);
        assert_int_equal(chmod(st, 0755), 0);
        assert_true(lastgood_stamp(&fs_posix, st, stamp, sizeof stamp));
        assert_string_equal(stamp, "Tue 14 May 10:33");
    }
    content_free(c);
    content_free(s);

    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    assert_int_equal(run(cmd), 0);
}

/* Writes text (len bytes) as a new file dir/rel, making its folders. */
static void put_file(const char *dir, const char *rel, const void *text, size_t len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    for (char *p = strchr(path + strlen(dir) + 1, '/'); p; p = strchr(p + 1, '/')) {
        *p = '\0';
        mkdir(path, 0755);
        *p = '/';
    }
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* A usable content folder in dir with the pictures of nine_folders. */
static void make_posix_content(const char *dir)
{
    char ini[16 * 1024], md[2048];
    assert_int_equal(mkdir(dir, 0755), 0);
    make_ini(ini, sizeof ini, "Link Spa");
    put_file(dir, "kiosk.ini", ini, strlen(ini));
    nine_folders_topic(md, sizeof md);
    put_file(dir, "10-folders.md", md, strlen(md));
    for (int i = 0; i < NINE; i++)
        put_file(dir, nine_folders[i], png_4x3, sizeof png_4x3);
}

static lastgood_status save_posix(const char *state, const char *content)
{
    content_snapshot *s = content_load(content, &fs_posix);
    assert_true(content_usable(s));
    lastgood_status st = lastgood_save(&lastgood_os_posix, &fs_posix, state,
                                       content, s, "now");
    content_free(s);
    return st;
}

/* The state folder an admin configured is a link to a folder elsewhere
 * (/var/lib/kiosk/state -> /data/kiosk-state): saves go through it, and
 * deep folders are saved and replaced (the old copy removed whole). A link
 * to nothing, or a file, in its place is said to be in the way, not
 * blamed on the SD card. */
static void test_lastgood_state_folder_is_link(void **state)
{
    char tmp[] = "/tmp/kiosk-lastgood-XXXXXX", content[600], real[600], link[600],
         path[800];
    assert_non_null(mkdtemp(tmp));
    snprintf(content, sizeof content, "%s/content", tmp);
    snprintf(real, sizeof real, "%s/data-state", tmp);
    snprintf(link, sizeof link, "%s/state", tmp);
    make_posix_content(content);
    assert_int_equal(mkdir(real, 0755), 0);
    assert_int_equal(symlink(real, link), 0);

    assert_int_equal(save_posix(link, content), LG_OK);
    assert_int_equal(save_posix(link, content), LG_OK);
    assert_true(lastgood_exists(&lastgood_os_posix, link));
    snprintf(path, sizeof path, "%s/last-good/%s", real, nine_folders[0]);
    struct stat sb;
    assert_int_equal(lstat(path, &sb), 0);
    snprintf(path, sizeof path, "%s/.previous", real);
    assert_int_not_equal(lstat(path, &sb), 0);
    char lg[700];
    assert_true(lastgood_path(link, lg, sizeof lg));
    content_snapshot *c = content_load(lg, &fs_posix);
    assert_true(content_usable(c));
    content_free(c);

    /* A link to a folder that is not there, then a file, as the state folder. */
    char dangling[600];
    snprintf(dangling, sizeof dangling, "%s/gone", tmp);
    assert_int_equal(unlink(link), 0);
    assert_int_equal(symlink(dangling, link), 0);
    assert_int_equal(save_posix(link, content), LG_NOT_FOLDER);
    assert_int_equal(unlink(link), 0);
    put_file(tmp, "state", "x", 1);
    assert_int_equal(save_posix(link, content), LG_NOT_FOLDER);
    assert_non_null(strstr(lastgood_message(LG_NOT_FOLDER), "not a folder"));
    assert_null(strstr(lastgood_message(LG_NOT_FOLDER), "SD card"));

    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    assert_int_equal(run(cmd), 0);
}

/* A picture path of KIOSK_MAX_PATH_BYTES characters, the longest --check
 * takes (one more was refused by the save as "changed meanwhile"). */
static void test_lastgood_picture_path_at_limit(void **state)
{
    char tmp[] = "/tmp/kiosk-lastgood-XXXXXX", content[600], st[600], rel[300],
         md[600], ini[16 * 1024], path[1000];
    assert_non_null(mkdtemp(tmp));
    snprintf(content, sizeof content, "%s/content", tmp);
    snprintf(st, sizeof st, "%s/state", tmp);
    /* images/ + 4 folders of 50 + a 45-character name = 256 bytes. */
    memset(rel, 'p', KIOSK_MAX_PATH_BYTES);
    rel[KIOSK_MAX_PATH_BYTES] = '\0';
    memcpy(rel, "images/", 7);
    for (int i = 0; i < 4; i++)
        rel[7 + 50 * i + 49] = '/';
    memcpy(rel + KIOSK_MAX_PATH_BYTES - 4, ".png", 4);
    assert_int_equal(strlen(rel), KIOSK_MAX_PATH_BYTES);
    assert_int_equal(mkdir(content, 0755), 0);
    make_ini(ini, sizeof ini, "Long Spa");
    put_file(content, "kiosk.ini", ini, strlen(ini));
    snprintf(md, sizeof md, "# Long\n\nPath.\n\n## Photo\n\n![a room](%s)\n", rel);
    put_file(content, "10-long.md", md, strlen(md));
    put_file(content, rel, png_4x3, sizeof png_4x3);
    assert_int_equal(save_posix(st, content), LG_OK);
    snprintf(path, sizeof path, "%s/last-good/%s", st, rel);
    struct stat sb;
    assert_int_equal(lstat(path, &sb), 0);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    assert_int_equal(run(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_lastgood_round_trip_fake, setup),
        cmocka_unit_test_setup(test_lastgood_disk_full, setup),
        cmocka_unit_test_setup(test_lastgood_permission_denied, setup),
        cmocka_unit_test_setup(test_lastgood_crash_between_steps, setup),
        cmocka_unit_test_setup(test_lastgood_recover_moves_old_back, setup),
        cmocka_unit_test_setup(test_lastgood_refuses_unusable, setup),
        cmocka_unit_test_setup(test_lastgood_source_changed_meanwhile, setup),
        cmocka_unit_test_setup(test_lastgood_source_vanished, setup),
        cmocka_unit_test_setup(test_lastgood_recover_empty_state, setup),
        cmocka_unit_test_setup(test_lastgood_nine_subfolders, setup),
        cmocka_unit_test_setup(test_lastgood_pictures_over_total, setup),
        cmocka_unit_test_setup(test_lastgood_skips_undecodable_picture, setup),
        cmocka_unit_test_setup(test_lastgood_skips_picture_cut_meanwhile, setup),
        cmocka_unit_test(test_lastgood_round_trip_posix),
        cmocka_unit_test(test_lastgood_state_folder_is_link),
        cmocka_unit_test(test_lastgood_picture_path_at_limit),
    };
    int r = cmocka_run_group_tests(tests, NULL, NULL);
    fake_reset(&disk);
    while (disk.count)
        fake_del(&disk, 0);
    return r;
}
