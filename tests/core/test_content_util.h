/* test_content_util.h — helpers for the content tests: a scratch content
 * folder on disk, loading it with a time bound, and finding a diagnostic by
 * file, line and the words it must contain. */
#ifndef KIOSK_CONTENT_TESTUTIL_H
#define KIOSK_CONTENT_TESTUTIL_H

#define _GNU_SOURCE 1
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "content.h"

/* A kiosk.ini with every label, so only what a test adds is wrong. */
static const char tu_good_ini[] =
    "[spa]\nname = Test Spa\ncity = Salt Lake City, Utah\nphone = (801) 555-0100\n"
    "[labels]\ntap_cue = Touch\nmenu_title = Menu\nback = Back\nhome = Home\n"
    "next = Next\nprevious = Previous\nidle_notice = Going back\n"
    "position = {n} / {total}\nphone_prefix = Call\ncontinued = continued\n"
    "place = {topic} - {n} of {total}\n"
    "staff_title = Staff\nstaff_pin_prompt = PIN\nstaff_pin_wrong = Wrong\n"
    "staff_clear = Clear\nstaff_cancel = Cancel\nstaff_reload = Reload\n"
    "staff_close = Close\nstaff_address = Address\nstaff_no_address = none\n"
    "staff_version = Version\n"
    "usb_title = USB\nusb_topics = Topics\nusb_pictures = Pictures\n"
    "usb_problems = Problems\nusb_import = Import\nusb_locked = Locked\n"
    "usb_imported = Imported\nusb_not_imported = Not imported\n"
    "usb_unusable = Errors\nusb_gone = Gone\nusb_failed = Failed\n"
    "usb_importing = Importing\n"
    "visits_title = Visits\nvisits_per_day = Per day\nvisits_topics = Topics\n"
    "visits_hours = Hours\nvisits_none = None\n";

static char tu_dir[256] __attribute__((unused));

static inline void tu_mkdir(void)
{
    snprintf(tu_dir, sizeof tu_dir, "%s/kiosk-content-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    assert_non_null(mkdtemp(tu_dir));
}

static inline int tu_rm(const char *p, const struct stat *st, int flag, struct FTW *f)
{
    (void)st, (void)flag, (void)f;
    chmod(p, 0700);
    return remove(p);
}

static inline void tu_rmdir(void)
{
    nftw(tu_dir, tu_rm, 16, FTW_DEPTH | FTW_PHYS);
}

static inline const char *tu_path(const char *name)
{
    static char p[512];
    snprintf(p, sizeof p, "%s/%s", tu_dir, name);
    return p;
}

static inline void tu_write_n(const char *name, const void *data, size_t n)
{
    FILE *f = fopen(tu_path(name), "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

static inline void tu_write(const char *name, const char *text)
{
    tu_write_n(name, text, strlen(text));
}

static inline void tu_dump(const content_snapshot *s)
{
    char line[1200];
    for (int i = 0; i < s->ndiags; i++) {
        content_diag_format(&s->diags[i], line, sizeof line);
        print_message("  %s %s\n", s->diags[i].severity == DIAG_ERROR ? "E" : "W",
                      line);
    }
    print_message("  (%d errors, %d warnings)\n", s->nerrors, s->nwarnings);
}

/* Loads tu_dir, failing the test when it takes a second or more: times
 * KIOSK_TEST_TIME_SCALE when set (tests/memcheck/run.sh runs the code 20
 * to 50 times slower, on a machine other work may keep busy). */
static inline content_snapshot *tu_load_fs(const kiosk_fs *fs, const char *dir)
{
    const char *scale_env = getenv("KIOSK_TEST_TIME_SCALE");
    double limit = scale_env && atof(scale_env) > 1.0 ? atof(scale_env) : 1.0;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    content_snapshot *s = content_load(dir, fs);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double secs = (double)(b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    assert_non_null(s);
    if (secs >= limit) {
        print_message("load took %.2f s (limit %.0f s)\n", secs, limit);
        fail();
    }
    return s;
}

static inline content_snapshot *tu_load(void)
{
    return tu_load_fs(&fs_posix, tu_dir);
}

/* The diagnostic at file and line (line -1: any) whose text holds every
 * word given (case does not matter), or NULL. */
static inline const content_diag *tu_find(const content_snapshot *s, const char *file,
                                   int line, const char *const *words)
{
    for (int i = 0; i < s->ndiags; i++) {
        const content_diag *d = &s->diags[i];
        if (strcmp(d->file, file) || (line >= 0 && d->line != line))
            continue;
        int all = 1;
        for (int w = 0; words[w] && all; w++)
            all = strcasestr(d->text, words[w]) != NULL;
        if (all)
            return d;
    }
    return NULL;
}

/* Fails, listing every diagnostic, unless one matches. */
#define tu_expect(s, sev, file, line, ...) do {                               \
        const char *const tu_w_[] = { __VA_ARGS__, NULL };                     \
        const content_diag *tu_d_ = tu_find((s), (file), (line), tu_w_);      \
        if (!tu_d_ || tu_d_->severity != (sev)) {                             \
            print_message("expected %s at %s:%d with \"%s\"...; got:\n",       \
                          (sev) == DIAG_ERROR ? "an error" : "a warning",     \
                          (file), (line), tu_w_[0]);                          \
            tu_dump(s);                                                       \
            fail();                                                           \
        }                                                                     \
    } while (0)

#define tu_expect_clean(s) do {                                               \
        if ((s)->nerrors || (s)->nwarnings) {                                 \
            print_message("expected no problems; got:\n");                    \
            tu_dump(s);                                                       \
            fail();                                                           \
        }                                                                     \
    } while (0)

static inline int setup(void **state)
{
    (void)state;
    tu_mkdir();
    return 0;
}

static inline int teardown(void **state)
{
    (void)state;
    tu_rmdir();
    return 0;
}

/* kiosk.ini that is fine, plus one topic file. */
static inline void with_topic(const char *name, const char *text)
{
    tu_write("kiosk.ini", tu_good_ini);
    tu_write(name, text);
}

static inline const content_topic *topic(const content_snapshot *s, const char *file)
{
    for (int i = 0; i < s->ntopics; i++)
        if (!strcmp(s->topics[i].file, file))
            return &s->topics[i];
    print_message("no topic %s\n", file);
    fail();
    return NULL;
}

static inline void put_be32(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v >> 24), p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8), p[3] = (unsigned char)v;
}

/* Just a PNG header, as much as the loader reads. */
static inline void write_png(const char *name, unsigned w, unsigned h)
{
    unsigned char p[33] = "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR";
    put_be32(p + 16, w);
    put_be32(p + 20, h);
    p[24] = 8, p[25] = 2;
    tu_write_n(name, p, sizeof p);
}

/* A JPEG start: SOI, an APP0 segment, then a baseline frame header. */
static inline void write_jpeg(const char *name, unsigned w, unsigned h)
{
    unsigned char p[] = {
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1,
        0, 1, 0, 0, 0xFF, 0xC0, 0x00, 0x11, 8, (unsigned char)(h >> 8),
        (unsigned char)h, (unsigned char)(w >> 8), (unsigned char)w, 3,
        1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9
    };
    tu_write_n(name, p, sizeof p);
}

static inline void with_ini(const char *extra)
{
    char ini[4096];
    snprintf(ini, sizeof ini, "%s%s", tu_good_ini, extra);
    tu_write("kiosk.ini", ini);
    tu_write("10-a.md", "# A\n\nText.\n");
}

/* Line of kiosk.ini where extra's first line lands. */
static inline int ini_line0(void)
{
    int n = 1;
    for (const char *p = tu_good_ini; *p; p++)
        n += *p == '\n';
    return n;
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

#endif
