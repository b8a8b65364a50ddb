/* test_content.c — the content loader on real folders: every hostile input
 * of issue 4 gives a clear message at its file and line, fast; and the good
 * cases build the model the screens rely on. */
#include "test_content_util.h"

#include <errno.h>

/* ---- helpers ---- */

static int setup(void **state)
{
    (void)state;
    tu_mkdir();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tu_rmdir();
    return 0;
}

/* kiosk.ini that is fine, plus one topic file. */
static void with_topic(const char *name, const char *text)
{
    tu_write("kiosk.ini", tu_good_ini);
    tu_write(name, text);
}

static const content_topic *topic(const content_snapshot *s, const char *file)
{
    for (int i = 0; i < s->ntopics; i++)
        if (!strcmp(s->topics[i].file, file))
            return &s->topics[i];
    print_message("no topic %s\n", file);
    fail();
    return NULL;
}

static void put_be32(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v >> 24), p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8), p[3] = (unsigned char)v;
}

/* Just a PNG header, as much as the loader reads. */
static void write_png(const char *name, unsigned w, unsigned h)
{
    unsigned char p[33] = "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR";
    put_be32(p + 16, w);
    put_be32(p + 20, h);
    p[24] = 8, p[25] = 2;
    tu_write_n(name, p, sizeof p);
}

/* A JPEG start: SOI, an APP0 segment, then a baseline frame header. */
static void write_jpeg(const char *name, unsigned w, unsigned h)
{
    unsigned char p[] = {
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1,
        0, 1, 0, 0, 0xFF, 0xC0, 0x00, 0x11, 8, (unsigned char)(h >> 8),
        (unsigned char)h, (unsigned char)(w >> 8), (unsigned char)w, 3,
        1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9
    };
    tu_write_n(name, p, sizeof p);
}

/* ---- the folder ---- */

static void test_content_empty_folder(void **state)
{
    (void)state;
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "(content folder)", 0, "no topic files");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", 0, "settings file is missing");
    assert_false(content_usable(s));
    assert_int_equal(s->ntopics, 0);
    content_free(s);
}

static void test_content_missing_folder(void **state)
{
    (void)state;
    content_snapshot *s = content_load("/nonexistent/kiosk-content", &fs_posix);
    tu_expect(s, DIAG_ERROR, "(content folder)", 0, "no such folder");
    assert_false(content_usable(s));
    content_free(s);
}

static void test_content_missing_ini(void **state)
{
    (void)state;
    tu_write("10-a.md", "# A\n\nText.\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", 0, "settings file is missing");
    assert_false(content_usable(s));
    /* The topic is still built. */
    assert_int_equal(s->ntopics, 1);
    assert_int_equal(s->topics[0].nerrors, 0);
    content_free(s);
}

static void test_content_fifo_topic(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    assert_int_equal(mkfifo(tu_path("20-x.md"), 0644), 0);
    content_snapshot *s = tu_load();   /* must not block on the FIFO */
    tu_expect(s, DIAG_ERROR, "20-x.md", 0, "not a plain file");
    assert_false(content_usable(s));
    assert_int_equal(topic(s, "10-a.md")->nerrors, 0);
    assert_true(topic(s, "20-x.md")->nerrors > 0);
    content_free(s);
}

static void test_content_folder_named_md(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    assert_int_equal(mkdir(tu_path("20-y.md"), 0755), 0);
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "20-y.md", 0, "not a plain file", "folder");
    content_free(s);
}

static void test_content_symlink_outside(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    assert_int_equal(symlink("/etc/passwd", tu_path("20-passwd.md")), 0);
    assert_int_equal(symlink("/etc/passwd", tu_path("kiosk.ini.md")), 0);
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "20-passwd.md", 0, "outside the content folder");
    content_free(s);
}

static void test_content_symlink_dev_zero(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    assert_int_equal(symlink("/dev/zero", tu_path("20-zero.md")), 0);
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "20-zero.md", 0, "outside the content folder");
    content_free(s);
}

static void test_content_symlink_inside_works(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    assert_int_equal(symlink("10-a.md", tu_path("20-b.md")), 0);
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    assert_int_equal(s->ntopics, 2);
    content_free(s);
}

static void test_content_huge_file(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    /* 100 MB, sparse: the loader must refuse it after reading its head. */
    int fd = open(tu_path("20-huge.md"), O_CREAT | O_WRONLY, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, 100L * 1024 * 1024), 0);
    close(fd);
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "20-huge.md", 0, "100 MB", "at most 256 KB");
    assert_int_equal(topic(s, "10-a.md")->nerrors, 0);
    content_free(s);
}

static void test_content_binary_file(void **state)
{
    (void)state;
    unsigned char junk[4096];
    unsigned x = 12345;
    for (size_t i = 0; i < sizeof junk; i++) {
        x = x * 1103515245u + 12345u;
        junk[i] = (unsigned char)(x >> 16);
    }
    memcpy(junk, "\x89PNG\r\n\x1a\n", 8);
    with_topic("10-a.md", "# A\n\nText.\n");
    tu_write_n("20-photo.md", junk, sizeof junk);
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "20-photo.md", 0, "not text", "UTF-8");
    content_free(s);
}

/* ---- text ---- */

static void test_content_nul_bytes(void **state)
{
    (void)state;
    tu_write("kiosk.ini", tu_good_ini);
    tu_write_n("10-a.md", "# A\n\nGood.\nBad\0line.\n", 21);
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "10-a.md", 4, "NUL");
    content_free(s);
}

static void test_content_invalid_utf8(void **state)
{
    (void)state;
    with_topic("20-symptoms.md", "# Symptoms\n\nGood line.\n\nBad \xff\xfe line.\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "20-symptoms.md", 5, "not valid text (UTF-8)",
              "save the file as UTF-8");
    char buf[300];
    content_diag_format(&s->diags[0], buf, sizeof buf);
    assert_string_equal(buf, "20-symptoms.md:5: this line is not valid text "
                        "(UTF-8); save the file as UTF-8");
    content_free(s);
}

static void test_content_truncated_utf8(void **state)
{
    (void)state;
    /* A half-uploaded file: it stops inside the three bytes of an apostrophe. */
    with_topic("10-a.md", "# A\n\nRunner\xe2\x80\x99s knee.\n\nRunner\xe2\x80");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "10-a.md", 5, "not valid text (UTF-8)");
    assert_int_equal(s->nerrors, 1);
    content_free(s);
}

static void test_content_latin1(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nCaf\xe9 au lait, na\xefve.\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "10-a.md", 3, "UTF-8");
    content_free(s);
}

static void test_content_overlong_utf8(void **state)
{
    (void)state;
    /* "/" written in two bytes, and a UTF-16 surrogate: both invalid. */
    with_topic("10-a.md", "# A\n\n\xc0\xaf\n\n\xed\xa0\x80\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "10-a.md", 3, "UTF-8");
    tu_expect(s, DIAG_ERROR, "10-a.md", 5, "UTF-8");
    content_free(s);
}

static void test_content_nested_blockquotes(void **state)
{
    (void)state;
    char *t = malloc(20100);
    strcpy(t, "# A\n\nText.\n\n");
    size_t n = strlen(t);
    for (int i = 0; i < 10000; i++)
        t[n++] = '>';
    strcpy(t + n, " deep\n");
    with_topic("10-a.md", t);
    free(t);
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "10-a.md", 5, "nested too deeply");
    content_free(s);
}

static void test_content_nested_blockquote_lines(void **state)
{
    (void)state;
    /* 10,000 lines, each one level deeper than the last, as far as the
     * line length lets it go. */
    size_t cap = 10000u * 40;
    char *t = malloc(cap), *p = t;
    p += sprintf(p, "# A\n\n");
    for (int i = 0; i < 10000; i++) {
        int d = 1 + i % 30;
        memset(p, '>', (size_t)d);
        p += d;
        p += sprintf(p, " q\n");
    }
    with_topic("10-a.md", t);
    free(t);
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "10-a.md", 7, "nested too deeply");
    content_free(s);
}

static void test_content_nested_lists(void **state)
{
    (void)state;
    /* Nesting through indentation over several lines: md4c sees it, the
     * model refuses it. */
    with_topic("10-a.md", "# A\n\n- one\n  - two\n    - three\n      - four\n"
               "        - five\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "10-a.md", 7, "nested too deeply");
    content_free(s);
}

static void test_content_huge_word(void **state)
{
    (void)state;
    size_t n = 1024 * 1024;
    char *t = malloc(n + 16);
    strcpy(t, "# A\n\n");
    memset(t + 5, 'x', n);
    strcpy(t + 5 + n, "\n");
    with_topic("10-a.md", t);
    /* A 200 KB word fits in a file but not on a line. */
    t[5 + 200 * 1024] = '\0';
    tu_write("20-b.md", t);
    free(t);
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "10-a.md", 0, "at most 256 KB");
    tu_expect(s, DIAG_ERROR, "20-b.md", 3, "204800 bytes long", "at most 4096");
    content_free(s);
}

static void test_content_many_cards(void **state)
{
    (void)state;
    char *t = malloc(20000u * 7 + 64), *p = t;
    p += sprintf(p, "# A\n\n");
    for (int i = 0; i < 20000; i++)
        p += sprintf(p, "## C\nx\n");
    with_topic("10-a.md", t);
    free(t);
    content_snapshot *s = tu_load();
    /* Card 401's heading is on line 3 + 2 * 400. */
    tu_expect(s, DIAG_ERROR, "10-a.md", 803, "more than 400 cards");
    content_free(s);
}

static void test_content_many_cards_in_all(void **state)
{
    (void)state;
    tu_write("kiosk.ini", tu_good_ini);
    char *t = malloc(400 * 16 + 64), *p = t;
    p += sprintf(p, "# A\n\n");
    for (int i = 0; i < 400; i++)
        p += sprintf(p, "## C%d\n\nx\n\n", i);
    for (int f = 0; f < 11; f++) {
        char name[32];
        snprintf(name, sizeof name, "%02d-t.md", 10 + f);
        tu_write(name, t);
    }
    free(t);
    content_snapshot *s = tu_load();
    /* 10 files of 400 cards fill the 4000; the 11th has no room. */
    tu_expect(s, DIAG_ERROR, "20-t.md", 3, "too many cards");
    assert_int_equal(topic(s, "19-t.md")->nerrors, 0);
    content_free(s);
}

static void test_content_long_card(void **state)
{
    (void)state;
    char t[3000];
    strcpy(t, "# A\n\n## Long\n\n");
    for (int i = 0; i < 40; i++)
        strcat(t, "Forty-nine characters of text in every sentence. ");
    strcat(t, "\n");
    with_topic("10-a.md", t);
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "10-a.md", 3, "characters", "at most 1500");
    content_free(s);
}

static void test_content_problems_per_file_capped(void **state)
{
    (void)state;
    char t[2000] = "# A\n\n";
    for (int i = 0; i < 50; i++)
        strcat(t, "caf\xe9\n");
    with_topic("10-a.md", t);
    content_snapshot *s = tu_load();
    assert_int_equal(s->nerrors, 50);
    tu_expect(s, DIAG_ERROR, "10-a.md", 0, "42 more problems in this file");
    assert_int_equal(s->ndiags, 9);
    /* The closing note comes after the lines it summarises. */
    assert_int_equal(s->diags[8].line, 0);
    content_free(s);
}

/* ---- pictures ---- */

static void test_content_image_too_large(void **state)
{
    (void)state;
    mkdir(tu_path("images"), 0755);
    write_png("images/big.png", 60000, 60000);
    with_topic("10-a.md", "# A\n\n## Pic\n\n![big](images/big.png)\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "10-a.md", 5, "images/big.png", "60000 x 60000");
    content_free(s);
}

static void test_content_image_path_parent(void **state)
{
    (void)state;
    write_png("ok.png", 10, 10);
    with_topic("10-a.md", "# A\n\n![up](../ok.png)\n\n![up](images/../../x.png)\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "10-a.md", 3, "../ is not allowed");
    tu_expect(s, DIAG_ERROR, "10-a.md", 5, "../ is not allowed");
    content_free(s);
}

static void test_content_image_path_absolute(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\n![abs](/etc/passwd)\n\n![url](https://x.org/a.png)\n"
               "\n![win](images\\a.png)\n\n![drive](C:/a.png)\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "10-a.md", 3, "starts from the content folder");
    tu_expect(s, DIAG_ERROR, "10-a.md", 5, "not a web address");
    tu_expect(s, DIAG_ERROR, "10-a.md", 7, "not \\");
    tu_expect(s, DIAG_ERROR, "10-a.md", 9, "starts from the content folder");
    content_free(s);
}

static void test_content_image_problems(void **state)
{
    (void)state;
    mkdir(tu_path("images"), 0755);
    tu_write("images/notes.png", "just some text\n");
    tu_write_n("images/anim.png", "GIF89a\x01\0\x01\0", 10);
    tu_write_n("images/half.png", "\x89PNG\r\n\x1a\n\0\0", 10);
    tu_write_n("images/half.jpg", "\xff\xd8\xff\xe1\x40\x00", 6);
    assert_int_equal(symlink("/etc/passwd", tu_path("images/out.png")), 0);
    with_topic("10-a.md", "# A\n\n![a](images/missing.png)\n\n![b](images/notes.png)\n"
               "\n![c](images/anim.png)\n\n![d](images/half.png)\n\n"
               "![e](images/half.jpg)\n\n![f](images/out.png)\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "10-a.md", 3, "images/missing.png is missing");
    tu_expect(s, DIAG_ERROR, "10-a.md", 5, "not a picture", "PNG and JPEG");
    tu_expect(s, DIAG_ERROR, "10-a.md", 7, "GIF", "PNG and JPEG");
    tu_expect(s, DIAG_ERROR, "10-a.md", 9, "cut short");
    tu_expect(s, DIAG_ERROR, "10-a.md", 11, "cut short");
    tu_expect(s, DIAG_ERROR, "10-a.md", 13, "outside the content folder");
    content_free(s);
}

static void test_content_image_block(void **state)
{
    (void)state;
    mkdir(tu_path("images"), 0755);
    write_png("images/knee.png", 640, 480);
    write_jpeg("images/calm.jpg", 1920, 1080);
    with_topic("10-a.md", "# A\n\n## Pictures\n\n![A knee, from the side](images/knee.png)\n"
               "\nText between.\n\n![Calm water](images/calm.jpg)\n"
               "\n![Again](images/knee.png)\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    const content_topic *t = topic(s, "10-a.md");
    assert_string_equal(t->image, "images/knee.png");
    const content_card *c = &t->cards[0];
    assert_int_equal(c->nblocks, 4);
    assert_int_equal(c->blocks[0].kind, BLOCK_IMAGE);
    assert_int_equal(c->blocks[0].line, 5);
    assert_string_equal(c->blocks[0].image, "images/knee.png");
    assert_string_equal(c->blocks[0].alt, "A knee, from the side");
    assert_int_equal(c->blocks[0].image_w, 640);
    assert_int_equal(c->blocks[0].image_h, 480);
    assert_int_equal(c->blocks[2].kind, BLOCK_IMAGE);
    assert_int_equal(c->blocks[2].image_w, 1920);
    assert_int_equal(c->blocks[2].image_h, 1080);
    assert_int_equal(s->nimages, 3);
    content_free(s);
}

/* ---- kiosk.ini ---- */

static void with_ini(const char *extra)
{
    char ini[4096];
    snprintf(ini, sizeof ini, "%s%s", tu_good_ini, extra);
    tu_write("kiosk.ini", ini);
    tu_write("10-a.md", "# A\n\nText.\n");
}

/* Line of kiosk.ini where extra's first line lands. */
static int ini_line0(void)
{
    int n = 1;
    for (const char *p = tu_good_ini; *p; p++)
        n += *p == '\n';
    return n;
}

static void test_content_ini_unknown_key(void **state)
{
    (void)state;
    with_ini("[kiosk]\nidle_timout = 30\n[colors]\nground = #000000\n");
    content_snapshot *s = tu_load();
    int l = ini_line0();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 1, "idle_timout", "not a setting",
              "idle_timeout");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 2, "[colors]", "not a section",
              "colours");
    /* The key under the unknown section is not reported again. */
    assert_int_equal(s->nerrors, 2);
    content_free(s);
}

static void test_content_ini_duplicate_key(void **state)
{
    (void)state;
    with_ini("[kiosk]\nidle_timeout = 30\nidle_notice = 5\nidle_timeout = 90\n");
    content_snapshot *s = tu_load();
    int l = ini_line0();
    char a[32], b[32];
    snprintf(a, sizeof a, "line %d", l + 1);
    snprintf(b, sizeof b, "line %d", l + 3);
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 3, "idle_timeout", "twice", a, b);
    content_free(s);
}

static void test_content_ini_idle_timeout_negative(void **state)
{
    (void)state;
    with_ini("[kiosk]\nidle_timeout = -5\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", ini_line0() + 1, "idle_timeout = -5",
              "10 to 3600");
    content_free(s);
}

static void test_content_ini_idle_timeout_banana(void **state)
{
    (void)state;
    with_ini("[kiosk]\nidle_timeout = banana\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", ini_line0() + 1, "banana", "whole number",
              "10 to 3600");
    content_free(s);
}

static void test_content_ini_bad_values(void **state)
{
    (void)state;
    char extra[1024];
    snprintf(extra, sizeof extra, "%s",
             "[colours]\nground = #12345\n[screen]\nrotate = 45\n"
             "[kiosk]\nreduce_motion = maybe\nidle_notice = 90\n"
             "[staff]\npin = 12\n[hours]\nmonday = 9-5\n"
             "[loop]\ntopics = 10-a.md, 99-nope.md\n");
    with_ini(extra);
    content_snapshot *s = tu_load();
    int l = ini_line0();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 1, "#12345", "six hex digits");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 3, "rotate = 45", "0, 90, 180 or 270");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 5, "maybe", "yes or no");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 6, "idle_notice = 90", "3 to 30");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 8, "4 to 8 digits");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 10, "9-5", "09:00-21:00");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 12, "99-nope.md", "not a topic file");
    /* Only 99-nope.md is wrong: 10-a.md is in the loop. */
    assert_true(s->topics[0].in_loop);
    content_free(s);
}

static void test_content_ini_bad_lines(void **state)
{
    (void)state;
    char longline[300];
    memset(longline, 'x', 250);
    longline[250] = '\0';
    char extra[1024];
    snprintf(extra, sizeof extra, "[loop]\nmin_seconds = 30\nmax_seconds = 10\n"
             "just words\n; %s\n= 5\n[spa\nname = Other\n"
             "[kiosk]\nidle_timeout = 10\nidle_notice = 10\n", longline);
    with_ini(extra);
    content_snapshot *s = tu_load();
    int l = ini_line0();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 2, "max_seconds", "min_seconds");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 3, "not a setting", "key = value");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 4, "bytes long");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 5, "no name");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 6, "closing ]");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 10, "idle_notice", "shorter than");
    content_free(s);
}

static void test_content_ini_labels(void **state)
{
    (void)state;
    tu_write("kiosk.ini", "[spa]\ncity = X\n[labels]\nback =\nposition = {n} of all\n");
    tu_write("10-a.md", "# A\n\nText.\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", 0, "[spa] name is missing");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", 4, "back is empty");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", 5, "{n} and {total}");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", 0, "[labels] tap_cue is missing");
    content_free(s);
}

static void test_content_ini_settings(void **state)
{
    (void)state;
    /* Notepad CRLF, indented keys, inline notes, upper case. */
    with_ini("[Kiosk]\r\n  idle_timeout = 120 ; two minutes\r\nidle_notice=10\r\n"
             "reduce_motion = On\r\n[colours]\r\naccent = #E0A96D\r\n"
             "[screen]\r\nrotate = 270\r\n[hours]\r\nmonday = 09:00-21:00\r\n"
             "sunday = closed\r\n[staff]\r\npin = 2580\r\n[loop]\r\n"
             "topics = 10-a.md\r\nwords_per_minute = 200\r\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    const content_settings *c = &s->settings;
    assert_int_equal(c->idle_timeout_s, 120);
    assert_int_equal(c->idle_notice_s, 10);
    assert_int_equal(c->reduce_motion, 1);
    assert_int_equal(c->transition_ms, 320);
    assert_int_equal(c->accent.r, 0xe0);
    assert_int_equal(c->accent.g, 0xa9);
    assert_int_equal(c->accent.b, 0x6d);
    assert_int_equal(c->rotate, 270);
    assert_int_equal(c->words_per_minute, 200);
    assert_true(c->has_hours);
    assert_int_equal(c->hours[1].open_min, 9 * 60);
    assert_int_equal(c->hours[1].close_min, 21 * 60);
    assert_int_equal(c->hours[0].open_min, c->hours[0].close_min);   /* Sunday */
    assert_int_equal(c->hours[2].open_min, c->hours[2].close_min);   /* left out */
    assert_string_equal(c->staff_pin, "2580");
    assert_string_equal(c->spa_name, "Test Spa");
    assert_string_equal(c->label[LABEL_POSITION], "{n} / {total}");
    assert_string_equal(c->label[LABEL_CONTINUED], "continued");
    assert_true(s->topics[0].in_loop);
    content_free(s);
}

static void test_content_ini_defaults(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    const content_settings *c = &s->settings;
    assert_int_equal(c->idle_timeout_s, 60);
    assert_int_equal(c->idle_notice_s, 8);
    assert_int_equal(c->loop_min_s, 7);
    assert_int_equal(c->loop_max_s, 20);
    assert_false(c->has_hours);
    assert_int_equal(c->hours[3].close_min, 24 * 60);
    assert_null(c->staff_pin);
    content_free(s);
}

/* ---- good topic files ---- */

static void test_content_bom_crlf(void **state)
{
    (void)state;
    with_topic("10-a.md", "\xEF\xBB\xBF# Title\r\n\r\nOpening.\r\n\r\n## Card\r\n\r\n"
               "- one\r\n- two\r\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    const content_topic *t = topic(s, "10-a.md");
    assert_string_equal(t->title, "Title");
    assert_int_equal(t->ncards, 2);
    assert_int_equal(t->cards[1].line, 5);
    assert_int_equal(t->cards[1].blocks[1].line, 8);
    assert_string_equal(t->cards[1].blocks[1].runs[0].text, "two");
    content_free(s);
}

static void test_content_old_mac_line_ends(void **state)
{
    (void)state;
    with_topic("10-a.md", "# Title\r\rOne.\r\r## Card\r\rTwo.\r");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    assert_int_equal(s->topics[0].cards[1].line, 5);
    content_free(s);
}

static void test_content_ignored_files(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    static const char *const ignored[] = {
        ".hidden.md", "._10-a.md", "10-b.md~", ".10-c.md.swp", "10-d.md.swp",
        "~$10-e.md", "10-f.tmp", "README.md", "STATUS.txt", "notes.txt",
        "photo.jpg", ".DS_Store", NULL
    };
    for (int i = 0; ignored[i]; i++)
        tu_write_n(ignored[i], "\xff\0junk", 6);
    mkdir(tu_path("images"), 0755);
    mkdir(tu_path("old"), 0755);
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    assert_int_equal(s->ntopics, 1);
    content_free(s);
}

static void test_content_unnumbered_md_warns(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    tu_write("massage.md", "# M\n\nText.\n");
    tu_write("other.ini", "[x]\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_WARNING, "massage.md", 0, "starts with a number",
              "40-massage.md");
    tu_expect(s, DIAG_WARNING, "other.ini", 0, "kiosk.ini");
    assert_true(content_usable(s));
    content_free(s);
}

static void test_content_opening_card(void **state)
{
    (void)state;
    with_topic("10-runners-knee.md", "# Runner's Knee\n\nWhat it is, in short.\n\n"
               "## How it happens\n\nOveruse.\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    const content_topic *t = topic(s, "10-runners-knee.md");
    assert_string_equal(t->name, "runners-knee");
    assert_int_equal(t->kind, TOPIC_ARTICLE);
    assert_int_equal(t->ncards, 2);
    assert_string_equal(t->cards[0].title, "Runner's Knee");
    assert_int_equal(t->cards[0].kind, CARD_TEXT);
    assert_int_equal(t->cards[0].line, 3);
    assert_string_equal(t->cards[1].title, "How it happens");
    assert_int_equal(t->cards[1].line, 5);
    assert_int_equal(t->cards[1].words, 4);
    assert_int_equal(s->ncards, 2);
    assert_int_equal(t->in_loop, 1);
    content_free(s);
}

static void test_content_bold_italic_runs(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nPlain **bold** and *italic* and ***both*** "
               "&amp; &#8220;quoted&#8221;.\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    const content_block *b = &s->topics[0].cards[0].blocks[0];
    assert_int_equal(b->kind, BLOCK_PARAGRAPH);
    static const struct { const char *text; unsigned style; } want[] = {
        { "Plain ", 0 }, { "bold", RUN_BOLD }, { " and ", 0 },
        { "italic", RUN_ITALIC }, { " and ", 0 }, { "both", RUN_BOLD | RUN_ITALIC },
        { " & \xe2\x80\x9cquoted\xe2\x80\x9d.", 0 },
    };
    assert_int_equal(b->nruns, 7);
    for (int i = 0; i < 7; i++) {
        assert_string_equal(b->runs[i].text, want[i].text);
        assert_int_equal(b->runs[i].len, (int)strlen(want[i].text));
        assert_int_equal(b->runs[i].style, want[i].style);
    }
    content_free(s);
}

static void test_content_lists_with_numbers(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\n3. three\n4. four\n   - under four\n5. five\n\n"
               "- a\n- b\n\n> quoted\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    const content_card *c = &s->topics[0].cards[0];
    assert_int_equal(c->nblocks, 7);
    assert_int_equal(c->blocks[0].kind, BLOCK_NUMBERED);
    assert_int_equal(c->blocks[0].number, 3);
    assert_int_equal(c->blocks[1].number, 4);
    assert_int_equal(c->blocks[2].kind, BLOCK_BULLET);
    assert_int_equal(c->blocks[2].depth, 1);
    assert_int_equal(c->blocks[2].line, 5);
    assert_int_equal(c->blocks[3].kind, BLOCK_NUMBERED);
    assert_int_equal(c->blocks[3].number, 5);
    assert_int_equal(c->blocks[3].depth, 0);
    assert_int_equal(c->blocks[4].kind, BLOCK_BULLET);
    assert_int_equal(c->blocks[6].kind, BLOCK_QUOTE);
    assert_int_equal(c->blocks[6].depth, 0);
    content_free(s);
}

static void test_content_faq(void **state)
{
    (void)state;
    with_topic("70-faq.md", "# Questions\n\n## Will I be covered?\n\nYes, always.\n\n"
               "## Do I tip\n\nAs you would a waiter.\n");
    content_snapshot *s = tu_load();
    const content_topic *t = topic(s, "70-faq.md");
    assert_int_equal(t->kind, TOPIC_FAQ);
    assert_int_equal(t->ncards, 2);
    assert_int_equal(t->cards[0].kind, CARD_FAQ);
    assert_string_equal(t->cards[0].title, "Will I be covered?");
    assert_string_equal(t->cards[0].blocks[0].runs[0].text, "Yes, always.");
    tu_expect(s, DIAG_WARNING, "70-faq.md", 7, "question mark");
    assert_int_equal(s->nerrors, 0);
    content_free(s);
}

static void test_content_reviews(void **state)
{
    (void)state;
    with_topic("80-reviews.md", "# What Clients Say\n\n"
               "## Brynn P. \xc2\xb7 13 Aug 2018\n\n"
               "> This spa was amazing!\n>\n> The only spa in SLC that has any...\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    const content_topic *t = topic(s, "80-reviews.md");
    assert_int_equal(t->kind, TOPIC_REVIEWS);
    const content_card *c = &t->cards[0];
    assert_int_equal(c->kind, CARD_REVIEW);
    assert_string_equal(c->review_name, "Brynn P.");
    assert_string_equal(c->review_date, "13 Aug 2018");
    assert_int_equal(c->nblocks, 2);
    assert_int_equal(c->blocks[0].kind, BLOCK_QUOTE);
    assert_string_equal(c->blocks[1].runs[0].text,
                        "The only spa in SLC that has any...");
    assert_int_equal(c->blocks[1].line, 7);
    content_free(s);
}

static void test_content_reviews_broken(void **state)
{
    (void)state;
    with_topic("80-reviews.md", "# Reviews\n\n## Brynn P. - 13 Aug 2018\n\n> Good.\n\n"
               "## Ann \xc2\xb7 1 May 2020\n\nNot quoted.\n\n"
               "## Bo \xc2\xb7 2 May 2020\n\n> One.\n\nTwo.\n\n> Three.\n\n"
               "##  \xc2\xb7 3 May 2020\n\n> Who?\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "80-reviews.md", 3, "middle dot");
    tu_expect(s, DIAG_ERROR, "80-reviews.md", 7, "one quote");
    tu_expect(s, DIAG_ERROR, "80-reviews.md", 11, "one quote");
    tu_expect(s, DIAG_ERROR, "80-reviews.md", 19, "middle dot");
    content_free(s);
}

static void test_content_unsupported_constructs(void **state)
{
    (void)state;
    with_topic("10-a.md",
               "# A\n\n"                          /* 1-2 */
               "### Small heading\n\n"            /* 3 */
               "| a | b |\n|---|---|\n| 1 | 2 |\n\n" /* 5-7 */
               "```\ncode here\n```\n\n"          /* 9-11 */
               "See [our site](https://example.org).\n\n"  /* 13 */
               "Some <b>html</b>.\n\n"            /* 15 */
               "---\n\n"                          /* 17 */
               "~~gone~~ text\n\n"                /* 19 */
               "Inline `code`.\n");               /* 21 */
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_WARNING, "10-a.md", 3, "### heading", "plain text");
    tu_expect(s, DIAG_WARNING, "10-a.md", 5, "table", "plain text");
    tu_expect(s, DIAG_WARNING, "10-a.md", 10, "code block", "plain text");
    tu_expect(s, DIAG_WARNING, "10-a.md", 13, "link", "address");
    tu_expect(s, DIAG_WARNING, "10-a.md", 15, "HTML");
    tu_expect(s, DIAG_WARNING, "10-a.md", 17, "---");
    tu_expect(s, DIAG_WARNING, "10-a.md", 19, "crossed-out");
    tu_expect(s, DIAG_WARNING, "10-a.md", 21, "code");
    assert_int_equal(s->nerrors, 0);
    assert_true(content_usable(s));
    /* Shown as plain text: the link's words stay, the address goes. */
    const content_card *c = &s->topics[0].cards[0];
    int found = 0;
    for (int i = 0; i < c->nblocks; i++)
        for (int r = 0; r < c->blocks[i].nruns; r++)
            found |= strstr(c->blocks[i].runs[r].text, "our site") != NULL &&
                     strstr(c->blocks[i].runs[r].text, "example") == NULL;
    assert_true(found);
    content_free(s);
}

static void test_content_no_title_no_cards(void **state)
{
    (void)state;
    tu_write("kiosk.ini", tu_good_ini);
    tu_write("10-a.md", "Just text.\n");
    tu_write("20-b.md", "# Only a title\n");
    tu_write("30-c.md", "");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "10-a.md", 0, "no title", "# ");
    tu_expect(s, DIAG_ERROR, "20-b.md", 0, "no cards");
    tu_expect(s, DIAG_ERROR, "30-c.md", 0, "no title");
    /* The topics are kept, flagged, and still have a title to show. */
    assert_int_equal(s->ntopics, 3);
    assert_true(s->topics[0].nerrors > 0);
    assert_non_null(s->topics[0].title);
    content_free(s);
}

static void test_content_second_title(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n\n# B\n\nMore.\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_WARNING, "10-a.md", 5, "second # heading");
    assert_int_equal(s->topics[0].ncards, 2);
    assert_string_equal(s->topics[0].cards[1].title, "B");
    content_free(s);
}

static void test_content_menu_order(void **state)
{
    (void)state;
    tu_write("kiosk.ini", tu_good_ini);
    tu_write("30-c.md", "# C\n\nText.\n");
    tu_write("10-a.md", "# A\n\nText.\n");
    tu_write("20-b.md", "# B\n\nText.\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    assert_int_equal(s->ntopics, 3);
    assert_string_equal(s->topics[0].title, "A");
    assert_string_equal(s->topics[1].title, "B");
    assert_string_equal(s->topics[2].title, "C");
    content_free(s);
}

static void test_content_diag_format(void **state)
{
    (void)state;
    char buf[128];
    content_diag a = { DIAG_ERROR, "20-symptoms.md", 14, "bad" };
    content_diag b = { DIAG_WARNING, "kiosk.ini", 0, "gone" };
    content_diag_format(&a, buf, sizeof buf);
    assert_string_equal(buf, "20-symptoms.md:14: bad");
    content_diag_format(&b, buf, sizeof buf);
    assert_string_equal(buf, "kiosk.ini: gone");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_content_empty_folder),
        T(test_content_missing_folder),
        T(test_content_missing_ini),
        T(test_content_fifo_topic),
        T(test_content_folder_named_md),
        T(test_content_symlink_outside),
        T(test_content_symlink_dev_zero),
        T(test_content_symlink_inside_works),
        T(test_content_huge_file),
        T(test_content_binary_file),
        T(test_content_nul_bytes),
        T(test_content_invalid_utf8),
        T(test_content_truncated_utf8),
        T(test_content_latin1),
        T(test_content_overlong_utf8),
        T(test_content_nested_blockquotes),
        T(test_content_nested_blockquote_lines),
        T(test_content_nested_lists),
        T(test_content_huge_word),
        T(test_content_many_cards),
        T(test_content_many_cards_in_all),
        T(test_content_long_card),
        T(test_content_problems_per_file_capped),
        T(test_content_image_too_large),
        T(test_content_image_path_parent),
        T(test_content_image_path_absolute),
        T(test_content_image_problems),
        T(test_content_image_block),
        T(test_content_ini_unknown_key),
        T(test_content_ini_duplicate_key),
        T(test_content_ini_idle_timeout_negative),
        T(test_content_ini_idle_timeout_banana),
        T(test_content_ini_bad_values),
        T(test_content_ini_bad_lines),
        T(test_content_ini_labels),
        T(test_content_ini_settings),
        T(test_content_ini_defaults),
        T(test_content_bom_crlf),
        T(test_content_old_mac_line_ends),
        T(test_content_ignored_files),
        T(test_content_unnumbered_md_warns),
        T(test_content_opening_card),
        T(test_content_bold_italic_runs),
        T(test_content_lists_with_numbers),
        T(test_content_faq),
        T(test_content_reviews),
        T(test_content_reviews_broken),
        T(test_content_unsupported_constructs),
        T(test_content_no_title_no_cards),
        T(test_content_second_title),
        T(test_content_menu_order),
        T(test_content_diag_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
