/* test_content.c — the content loader on real folders given every hostile
 * input of issue 4: each gives a clear message at its file and line, fast,
 * and never blocks, follows a link out or reads a huge file whole. */
#include "test_content_util.h"

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

static void test_content_nul_bytes(void **state)
{
    (void)state;
    tu_write("kiosk.ini", tu_good_ini);
    tu_write_n("10-a.md", "# A\n\nGood.\nBad\0line.\n", 21);
    tu_write_n("20-b.md", "# B\n\nx\0y\n", 10);
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "10-a.md", 4, "NUL");
    tu_expect(s, DIAG_ERROR, "20-b.md", 3, "NUL");
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

static void test_content_image_too_large(void **state)
{
    (void)state;
    mkdir(tu_path("images"), 0755);
    write_png("images/big.png", 60000, 60000);
    with_topic("10-a.md", "# A\n\n## Pic\n\n![big](images/big.png)\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "10-a.md", 5, "images/big.png", "60000 x 60000");
    /* The card is empty only because of that: no second message. */
    assert_int_equal(s->nerrors + s->nwarnings, 1);
    content_free(s);
}

static void test_content_image_fits_checked_again(void **state)
{
    (void)state;
    /* What the renderer asks before decoding a picture that may have been
     * replaced since the content was checked. */
    static const unsigned char png_head[] = "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR";
    unsigned char p[33] = {0};
    memcpy(p, png_head, 16);
    p[24] = 8, p[25] = 2;
    p[18] = 0x07, p[19] = 0x80, p[22] = 0x04, p[23] = 0x38;   /* 1920 x 1080 */
    assert_true(content_image_fits(p, sizeof p));
    p[18] = 0x2E, p[19] = 0xE0, p[22] = 0x2E, p[23] = 0xE0;   /* 12000 x 12000 */
    assert_false(content_image_fits(p, sizeof p));
    p[18] = 0x10, p[19] = 0x00, p[22] = 0x10, p[23] = 0x01;   /* 4096 x 4097 */
    assert_false(content_image_fits(p, sizeof p));
    assert_false(content_image_fits(p, 12));                  /* cut short */
    assert_false(content_image_fits((const unsigned char *)"not a picture", 13));
    assert_false(content_image_fits(p, 0));
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
        T(test_content_image_fits_checked_again),
        T(test_content_image_path_parent),
        T(test_content_image_path_absolute),
        T(test_content_image_problems),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
