/* test_content_fs.c — the content loader over a fake, in-memory folder: files
 * that vanish, cannot be read or grow between listing and reading, folders
 * too big to list, and the bounds on topics and diagnostics. */
#include "test_content_util.h"
#include "test_fake_fs.h"

#include "kiosk_limits.h"

typedef struct fake_file {
    const char *name;
    const char *data;     /* NULL: the good topic text */
    size_t total;         /* what stat says, when not strlen(data) */
    fs_status st;         /* what reading it gives */
} fake_file;

typedef struct fake_fs {
    const fake_file *files;
    int n;
    int extra_names;      /* names listed beyond files, all ignored kinds */
    int extras_first;     /* listed before files, as readdir may */
    fs_status list_st;
    size_t max_cap;       /* largest cap the loader asked for */
    int reads;
    fs_picture decoded;   /* what decoding any picture gives */
    int decodes;          /* pictures handed to the decoder */
    size_t decoded_len;   /* bytes of the last one */
} fake_fs;

static const char good_topic[] = "# A\n\nText.\n";

static fs_status fake_list(void *ctx, const char *dir,
                           void (*each)(void *u, const char *name), void *u)
{
    fake_fs *f = ctx;
    (void)dir;
    if (f->list_st != FS_OK)
        return f->list_st;
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; pass == f->extras_first && i < f->n; i++)
            if (!strchr(f->files[i].name, '/'))
                each(u, f->files[i].name);
        for (int i = 0; pass != f->extras_first && i < f->extra_names; i++) {
            char name[32];
            snprintf(name, sizeof name, "photo-%d.jpg", i);
            each(u, name);
        }
    }
    return FS_OK;
}

static fs_status fake_read(void *ctx, const char *dir, const char *rel, char *buf,
                           size_t cap, size_t *len, size_t *total)
{
    fake_fs *f = ctx;
    (void)dir;
    f->reads++;
    if (cap > f->max_cap)
        f->max_cap = cap;
    for (int i = 0; i < f->n; i++) {
        const fake_file *x = &f->files[i];
        if (strcmp(x->name, rel))
            continue;
        if (x->st != FS_OK)
            return x->st;
        const char *d = x->data ? x->data : good_topic;
        size_t n = strlen(d);
        return fake_fs_give(d, n, x->total ? x->total : n, buf, cap, len, total);
    }
    return FS_NOT_FOUND;
}

static content_snapshot *load(fake_fs *f)
{
    kiosk_fs fs = { f, fake_list, fake_read, NULL, NULL };
    return tu_load_fs(&fs, "content");
}

/* The decoder the platform runs in a child process, faked: it says what the
 * test wants, and counts. */
static fs_picture fake_decode(void *ctx, const unsigned char *p, size_t len)
{
    fake_fs *f = ctx;
    (void)p;
    f->decodes++;
    f->decoded_len = len;
    return f->decoded;
}

static content_snapshot *load_decoding(fake_fs *f)
{
    kiosk_fs fs = { f, fake_list, fake_read, fake_decode, f };
    return tu_load_fs(&fs, "content");
}

/* A JPEG header that says 257 x 257 (no NUL byte: the fake's files are C
 * strings), and a topic showing it twice. */
#define JPEG_257 "\xFF\xD8\xFF\xC0\x01\x11\x08\x01\x01\x01\x01 image data"
#define PICTURE_TOPIC "# A\n\n![x](images/x.jpg)\n\n## B\n\n![x again](images/x.jpg)\n"

#define FAKE(...) do {                                                        \
        static const fake_file files_[] = { __VA_ARGS__ };                    \
        fake.files = files_;                                                  \
        fake.n = (int)(sizeof files_ / sizeof files_[0]);                     \
    } while (0)

static void test_content_fake_good(void **state)
{
    (void)state;
    fake_fs fake = { 0 };
    FAKE({ "kiosk.ini", tu_good_ini, 0, FS_OK }, { "10-a.md", NULL, 0, FS_OK });
    content_snapshot *s = load(&fake);
    tu_expect_clean(s);
    assert_int_equal(s->ntopics, 1);
    assert_int_equal(s->ncards, 1);
    content_free(s);
}

static void test_content_fake_vanished(void **state)
{
    (void)state;
    fake_fs fake = { 0 };
    /* Listed, then gone when read: a staff member deleting it meanwhile. */
    FAKE({ "kiosk.ini", tu_good_ini, 0, FS_OK }, { "10-a.md", NULL, 0, FS_OK },
         { "20-gone.md", NULL, 0, FS_NOT_FOUND });
    content_snapshot *s = load(&fake);
    tu_expect(s, DIAG_ERROR, "20-gone.md", 0, "disappeared", "check");
    assert_int_equal(s->ntopics, 2);
    assert_true(s->topics[1].nerrors > 0);
    assert_int_equal(s->topics[0].nerrors, 0);
    /* Only usable topics count. */
    assert_int_equal(s->ncards, 1);
    content_free(s);
}

static void test_content_fake_ini_vanished(void **state)
{
    (void)state;
    fake_fs fake = { 0 };
    FAKE({ "kiosk.ini", tu_good_ini, 0, FS_NOT_FOUND }, { "10-a.md", NULL, 0, FS_OK });
    content_snapshot *s = load(&fake);
    tu_expect(s, DIAG_ERROR, "kiosk.ini", 0, "disappeared");
    content_free(s);
}

static void test_content_fake_read_problems(void **state)
{
    (void)state;
    fake_fs fake = { 0 };
    FAKE({ "kiosk.ini", tu_good_ini, 0, FS_OK },
         { "10-a.md", "# A\n\n![x](images/x.png)\n\n![y](images/y.png)\n", 0, FS_OK },
         { "images/x.png", NULL, 0, FS_DENIED },
         { "images/y.png", NULL, 0, FS_IO },
         { "20-b.md", NULL, 0, FS_DENIED },
         { "30-c.md", NULL, 0, FS_IO },
         { "40-d.md", NULL, 0, FS_OUTSIDE },
         { "50-e.md", NULL, 0, FS_NOT_REGULAR });
    content_snapshot *s = load(&fake);
    tu_expect(s, DIAG_ERROR, "10-a.md", 3, "images/x.png", "not allowed to read");
    tu_expect(s, DIAG_ERROR, "10-a.md", 5, "images/y.png", "could not be read");
    tu_expect(s, DIAG_ERROR, "20-b.md", 0, "not allowed to read");
    tu_expect(s, DIAG_ERROR, "30-c.md", 0, "could not be read", "copy it again");
    tu_expect(s, DIAG_ERROR, "40-d.md", 0, "outside the content folder");
    tu_expect(s, DIAG_ERROR, "50-e.md", 0, "not a plain file");
    content_free(s);
}

static void test_content_fake_grown_file(void **state)
{
    (void)state;
    fake_fs fake = { 0 };
    /* stat says 500 MB; only the head is handed over, and that is enough. */
    FAKE({ "kiosk.ini", tu_good_ini, 0, FS_OK },
         { "10-a.md", NULL, 500u * 1024 * 1024, FS_OK },
         { "kiosk.ini.bak", NULL, 0, FS_OK });
    content_snapshot *s = load(&fake);
    tu_expect(s, DIAG_ERROR, "10-a.md", 0, "500 MB", "at most 256 KB");
    assert_true(fake.max_cap <= KIOSK_MAX_FILE_BYTES + 1);
    content_free(s);
}

static void test_content_fake_list_fails(void **state)
{
    (void)state;
    fake_fs fake = { 0 };
    fake.list_st = FS_DENIED;
    content_snapshot *s = load(&fake);
    tu_expect(s, DIAG_ERROR, "(content folder)", 0, "content", "not allowed");
    assert_false(content_usable(s));
    assert_int_equal(fake.reads, 0);
    content_free(s);
}

static void test_content_fake_huge_folder(void **state)
{
    (void)state;
    fake_fs fake = { 0 };
    FAKE({ "kiosk.ini", tu_good_ini, 0, FS_OK }, { "10-a.md", NULL, 0, FS_OK });
    fake.extra_names = 100000;
    content_snapshot *s = load(&fake);
    tu_expect(s, DIAG_ERROR, "(content folder)", 0, "more than 65536 files",
              "topics may be missing");
    content_free(s);
}

/* 10,000 photos beside the topics: "no topic files", as only the first
 * 4096 names were kept and readdir listed the photos first. */
static void test_content_fake_ten_thousand_files(void **state)
{
    (void)state;
    fake_fs fake = { 0 };
    FAKE({ "kiosk.ini", tu_good_ini, 0, FS_OK }, { "10-a.md", NULL, 0, FS_OK },
         { "20-b.md", NULL, 0, FS_OK }, { "30-c.md", NULL, 0, FS_OK },
         { "40-d.md", NULL, 0, FS_OK });
    fake.extra_names = 9999;
    fake.extras_first = 1;
    content_snapshot *s = load(&fake);
    assert_int_equal(s->ntopics, 4);
    assert_int_equal(s->nerrors, 0);
    tu_expect(s, DIAG_WARNING, "(content folder)", 0, "10004 files",
              "move the rest elsewhere");
    content_free(s);
    /* Past what is read, the message names the limit. */
    fake.extra_names = KIOSK_MAX_DIR_SCAN + 10;
    s = load(&fake);
    tu_expect(s, DIAG_ERROR, "(content folder)", 0, "no topic files among the "
              "first 65536 files");
    content_free(s);
}

static void test_content_fake_too_many_topics(void **state)
{
    (void)state;
    fake_fs fake = { 0 };
    static fake_file files[31];
    static char names[30][16];
    files[0] = (fake_file){ "kiosk.ini", tu_good_ini, 0, FS_OK };
    for (int i = 0; i < 30; i++) {
        snprintf(names[i], sizeof names[i], "%02d-t.md", 10 + i);
        files[i + 1] = (fake_file){ names[i], NULL, 0, FS_OK };
    }
    fake.files = files;
    fake.n = 31;
    content_snapshot *s = load(&fake);
    assert_int_equal(s->ntopics, KIOSK_MAX_TOPICS);
    tu_expect(s, DIAG_ERROR, "34-t.md", 0, "more than 24 topic files");
    tu_expect(s, DIAG_ERROR, "39-t.md", 0, "more than 24 topic files");
    assert_string_equal(s->topics[23].file, "33-t.md");
    content_free(s);
}

static void test_content_fake_diags_capped(void **state)
{
    (void)state;
    fake_fs fake = { 0 };
    static fake_file files[25];
    static char names[24][16];
    /* 24 files with 20 bad lines each: 480 problems. */
    static char bad[400];
    strcpy(bad, "# A\n\n");
    for (int i = 0; i < 20; i++)
        strcat(bad, "caf\xe9\n");
    files[0] = (fake_file){ "kiosk.ini", tu_good_ini, 0, FS_OK };
    for (int i = 0; i < 24; i++) {
        snprintf(names[i], sizeof names[i], "%02d-t.md", 10 + i);
        files[i + 1] = (fake_file){ names[i], bad, 0, FS_OK };
    }
    fake.files = files;
    fake.n = 25;
    content_snapshot *s = load(&fake);
    assert_int_equal(s->nerrors, 480);
    assert_true(s->ndiags <= KIOSK_MAX_DIAGS);
    const content_diag *last = &s->diags[s->ndiags - 1];
    assert_string_equal(last->file, "(content folder)");
    assert_non_null(strstr(last->text, "more problems"));
    /* Sorted by file then line. */
    for (int i = 1; i < s->ndiags - 1; i++) {
        int c = strcmp(s->diags[i - 1].file, s->diags[i].file);
        assert_true(c < 0 || (c == 0 && (s->diags[i].line == 0 ||
                                          s->diags[i - 1].line <= s->diags[i].line)));
    }
    content_free(s);
}

static void test_content_picture_decodes(void **state)
{
    (void)state;
    fake_fs fake = { 0 };
    FAKE({ "kiosk.ini", tu_good_ini, 0, FS_OK }, { "10-a.md", PICTURE_TOPIC, 0, FS_OK },
         { "images/x.jpg", JPEG_257, 0, FS_OK });
    content_snapshot *s = load_decoding(&fake);
    tu_expect_clean(s);
    /* Decoded once, whole (not only the head the size was read from). */
    assert_int_equal(fake.decodes, 1);
    assert_int_equal(fake.decoded_len, strlen(JPEG_257));
    content_free(s);
}

/* A picture whose header is fine but whose data is cut off or damaged. */
static void test_content_picture_undecodable(void **state)
{
    (void)state;
    fake_fs fake = { 0 };
    fake.decoded = FS_PICTURE_UNREADABLE;
    FAKE({ "kiosk.ini", tu_good_ini, 0, FS_OK }, { "10-a.md", PICTURE_TOPIC, 0, FS_OK },
         { "images/x.jpg", JPEG_257, 0, FS_OK });
    content_snapshot *s = load_decoding(&fake);
    assert_false(content_usable(s));
    /* At each reference, in plain words, saying what to do. */
    tu_expect(s, DIAG_ERROR, "10-a.md", 3, "images/x.jpg could not be read",
              "cut off or damaged", "save it again as JPEG or PNG");
    tu_expect(s, DIAG_ERROR, "10-a.md", 7, "images/x.jpg could not be read");
    assert_int_equal(fake.decodes, 1);
    content_free(s);
}

/* A JPEG of thousands of progressive scans: the decoder's deadline passed. */
static void test_content_picture_scan_bomb(void **state)
{
    (void)state;
    fake_fs fake = { 0 };
    fake.decoded = FS_PICTURE_TOO_SLOW;
    FAKE({ "kiosk.ini", tu_good_ini, 0, FS_OK }, { "10-a.md", PICTURE_TOPIC, 0, FS_OK },
         { "images/x.jpg", JPEG_257, 0, FS_OK });
    content_snapshot *s = load_decoding(&fake);
    assert_false(content_usable(s));
    tu_expect(s, DIAG_ERROR, "10-a.md", 3, "images/x.jpg takes too long to open",
              "save it again");
    content_free(s);
}

/* Many bombs: each costs the full time bound, so a load (the first one
 * holds back the first frame) stops trying after KIOSK_MAX_SLOW_PICTURES. */
static void test_content_picture_many_scan_bombs(void **state)
{
    (void)state;
    fake_fs fake = { 0 };
    fake.decoded = FS_PICTURE_TOO_SLOW;
    FAKE({ "kiosk.ini", tu_good_ini, 0, FS_OK },
         { "10-a.md", "# A\n\n![a](images/a.jpg)\n\n## B\n\n![b](images/b.jpg)\n\n"
                      "## C\n\n![c](images/c.jpg)\n\n## D\n\n![d](images/d.jpg)\n", 0, FS_OK },
         { "images/a.jpg", JPEG_257, 0, FS_OK }, { "images/b.jpg", JPEG_257, 0, FS_OK },
         { "images/c.jpg", JPEG_257, 0, FS_OK }, { "images/d.jpg", JPEG_257, 0, FS_OK });
    content_snapshot *s = load_decoding(&fake);
    assert_int_equal(fake.decodes, KIOSK_MAX_SLOW_PICTURES);
    tu_expect(s, DIAG_ERROR, "10-a.md", 3, "images/a.jpg takes too long");
    tu_expect(s, DIAG_ERROR, "10-a.md", 7, "images/b.jpg takes too long");
    tu_expect(s, DIAG_ERROR, "10-a.md", 11, "images/c.jpg was not checked",
              "fix those first");
    tu_expect(s, DIAG_ERROR, "10-a.md", 15, "images/d.jpg was not checked");
    assert_false(content_usable(s));
    content_free(s);
}

static void test_content_picture_too_much_memory(void **state)
{
    (void)state;
    fake_fs fake = { 0 };
    fake.decoded = FS_PICTURE_TOO_BIG;
    FAKE({ "kiosk.ini", tu_good_ini, 0, FS_OK }, { "10-a.md", PICTURE_TOPIC, 0, FS_OK },
         { "images/x.jpg", JPEG_257, 0, FS_OK });
    content_snapshot *s = load_decoding(&fake);
    tu_expect(s, DIAG_ERROR, "10-a.md", 3, "images/x.jpg needs too much memory",
              "smaller");
    content_free(s);
}

/* The decoder could not run (no memory, no process): not shown as good. */
static void test_content_picture_decoder_unavailable(void **state)
{
    (void)state;
    fake_fs fake = { 0 };
    fake.decoded = FS_PICTURE_UNCHECKED;
    FAKE({ "kiosk.ini", tu_good_ini, 0, FS_OK }, { "10-a.md", PICTURE_TOPIC, 0, FS_OK },
         { "images/x.jpg", JPEG_257, 0, FS_OK });
    content_snapshot *s = load_decoding(&fake);
    assert_false(content_usable(s));
    tu_expect(s, DIAG_ERROR, "10-a.md", 3, "images/x.jpg could not be checked",
              "checked again");
    content_free(s);
}

/* The file grew between the head's read and the whole read (still being
 * copied): never decoded half, reported to be read again. */
static void test_content_picture_grew_while_read(void **state)
{
    (void)state;
    fake_fs fake = { 0 };
    FAKE({ "kiosk.ini", tu_good_ini, 0, FS_OK }, { "10-a.md", PICTURE_TOPIC, 0, FS_OK },
         { "images/x.jpg", JPEG_257, 400000, FS_OK });
    content_snapshot *s = load_decoding(&fake);
    tu_expect(s, DIAG_ERROR, "10-a.md", 3, "images/x.jpg changed while");
    assert_int_equal(fake.decodes, 0);
    content_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_content_fake_good),
        cmocka_unit_test(test_content_fake_vanished),
        cmocka_unit_test(test_content_fake_ini_vanished),
        cmocka_unit_test(test_content_fake_read_problems),
        cmocka_unit_test(test_content_fake_grown_file),
        cmocka_unit_test(test_content_fake_list_fails),
        cmocka_unit_test(test_content_fake_huge_folder),
        cmocka_unit_test(test_content_fake_ten_thousand_files),
        cmocka_unit_test(test_content_fake_too_many_topics),
        cmocka_unit_test(test_content_fake_diags_capped),
        cmocka_unit_test(test_content_picture_decodes),
        cmocka_unit_test(test_content_picture_undecodable),
        cmocka_unit_test(test_content_picture_scan_bomb),
        cmocka_unit_test(test_content_picture_many_scan_bombs),
        cmocka_unit_test(test_content_picture_too_much_memory),
        cmocka_unit_test(test_content_picture_decoder_unavailable),
        cmocka_unit_test(test_content_picture_grew_while_read),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
