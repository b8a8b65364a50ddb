/* test_content_booking.c — kiosk.ini's [booking] and [colours] under
 * --check's rules: a link that is not https or tel, one too long for a
 * code a phone reads, a card heading that names no card, a missing caption;
 * colour pairs below WCAG's 4.5:1 reported at the colour's line; and the
 * QR matrix libqrencode gives for a link (finder and timing patterns, the
 * smallest version). */
#include "test_content_util.h"

#include "contrast.h"
#include "qr.h"

static const char booking_topic[] = "# A\n\nText.\n\n## Book a massage\n\nCall us.\n";

/* kiosk.ini with [booking] (and the caption) plus extra. */
static void with_booking(const char *link, const char *card, const char *extra)
{
    char ini[4096];
    snprintf(ini, sizeof ini, "%sbooking_qr = Scan to book\n[booking]\nlink = %s\n"
             "card = %s\n%s", tu_good_ini, link, card, extra);
    tu_write("kiosk.ini", ini);
    tu_write("10-a.md", booking_topic);
}

static int booking_line(void)
{
    return ini_line0() + 2;   /* booking_qr, [booking], then link */
}

static void test_content_booking_tel_link_encoded_and_card_marked(void **state)
{
    (void)state;
    with_booking("tel:+18017994999", "Book a massage", "");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    assert_non_null(s->booking_qr);
    assert_true(s->booking_qr->version >= 1 && s->booking_qr->version <= KIOSK_QR_MAX_VERSION);
    const content_topic *t = topic(s, "10-a.md");
    assert_int_equal(t->ncards, 2);
    assert_false(t->cards[0].booking);
    assert_true(t->cards[1].booking);
    assert_string_equal(s->settings.label[LABEL_BOOKING_QR], "Scan to book");
    content_free(s);
}

/* Cards are matched by their order: the translation of the booking card
 * shows the code too, though its heading is in another language (the
 * bundled Spanish "Haga su cita" showed none). */
static void test_content_booking_card_heading_only_in_first_language(void **state)
{
    (void)state;
    char ini[4096];
    snprintf(ini, sizeof ini, "%slanguage = English\nbooking_qr = Scan to book\n"
             "[booking]\nlink = tel:+18017994999\ncard = Book a massage\n", tu_good_ini);
    tu_write("kiosk.ini", ini);
    tu_write("10-a.md", booking_topic);
    tu_write("20-b.md", "# B\n\nBees.\n\n## Book a massage\n\nBuzz us.\n");
    mkdir(tu_path("es"), 0755);
    tu_write("es/kiosk.ini", "[labels]\nlanguage = Español\nbooking_qr = Escanee\n");
    tu_write("es/10-a.md", "# A\n\nTexto.\n\n## Haga su cita\n\nLlámenos.\n");
    content_snapshot *s = tu_load();   /* 20-b.md untranslated: shown in English */
    assert_int_equal(s->nlangs, 2);
    content_snapshot v = content_view(s, 1);
    assert_string_equal(v.topics[0].cards[1].title, "Haga su cita");
    assert_false(v.topics[0].cards[0].booking);
    assert_true(v.topics[0].cards[1].booking);
    assert_true(v.topics[1].cards[1].booking);
    assert_true(s->topics[0].cards[1].booking);
    content_free(s);
}

static void test_content_booking_https_link_fine(void **state)
{
    (void)state;
    with_booking("https://matrixspa.example/book?service=sports-massage", "Book a massage", "");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    assert_non_null(s->booking_qr);
    content_free(s);
}

static void test_content_booking_link_not_web_or_tel(void **state)
{
    (void)state;
    static const char *const bad[] = { "ftp://matrixspa.example", "www.matrixspa.example",
                                       "mailto:desk@matrixspa.example", "(801) 799-4999", NULL };
    for (int i = 0; bad[i]; i++) {
        with_booking(bad[i], "Book a massage", "");
        content_snapshot *s = tu_load();
        tu_expect(s, DIAG_ERROR, "kiosk.ini", booking_line(), "link", "https://", "tel:");
        assert_null(s->booking_qr);
        assert_false(content_usable(s));
        content_free(s);
    }
}

static void test_content_booking_tel_with_letters(void **state)
{
    (void)state;
    with_booking("tel:801-SPA-4999", "Book a massage", "");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", booking_line(), "phone link", "digits only");
    content_free(s);
}

static void test_content_booking_web_link_with_space(void **state)
{
    (void)state;
    with_booking("https://matrixspa.example/book now", "Book a massage", "");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", booking_line(), "no spaces");
    content_free(s);
}

/* 63 bytes: one more than a version-4 code holds at level M. */
static void test_content_booking_link_too_long_for_the_code(void **state)
{
    (void)state;
    char link[128];
    snprintf(link, sizeof link, "https://matrixspa.example/%s",
             "book-a-sports-massage-for-runners-knee-ok");
    assert_int_equal(strlen(link), 67);
    with_booking(link, "Book a massage", "");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", booking_line(), "too long", "arm's length");
    assert_null(s->booking_qr);
    content_free(s);
}

static void test_content_booking_card_names_no_card(void **state)
{
    (void)state;
    with_booking("tel:+18017994999", "Book a massaage", "");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_WARNING, "kiosk.ini", booking_line() + 1, "no card",
              "Book a massaage");
    assert_non_null(s->booking_qr);   /* the slideshow still shows it */
    content_free(s);
}

static void test_content_booking_caption_missing(void **state)
{
    (void)state;
    char ini[4096];
    snprintf(ini, sizeof ini, "%s[booking]\nlink = tel:+18017994999\n", tu_good_ini);
    tu_write("kiosk.ini", ini);
    tu_write("10-a.md", booking_topic);
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", 0, "booking_qr", "[labels]");
    content_free(s);
}

static void test_content_booking_none_without_link(void **state)
{
    (void)state;
    with_ini("");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    assert_null(s->booking_qr);
    content_free(s);
}

/* ---- contrast ---- */

static void test_content_contrast_muted_too_dark(void **state)
{
    (void)state;
    /* #777777 on white: 4.47:1, just under what words need. */
    with_ini("[colours]\nground = #ffffff\ntext = #000000\nmuted = #777777\n"
             "surface = #eeeeee\naccent_text = #ffffff\naccent = #0b5394\n");
    content_snapshot *s = tu_load();
    int l = ini_line0();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 3, "muted on ground", "4.47 to 1",
              "4.5 to 1", "darker");
    assert_int_equal(s->nerrors, 1);
    assert_false(content_usable(s));
    content_free(s);
}

static void test_content_contrast_every_pair_named(void **state)
{
    (void)state;
    /* Everything one grey: every pair drawn fails, each at its own line. */
    with_ini("[colours]\nground = #808080\nsurface = #808080\ntext = #808080\n"
             "muted = #808080\naccent = #808080\naccent_text = #808080\n");
    content_snapshot *s = tu_load();
    int l = ini_line0();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 3, "text on ground", "1.00 to 1");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 3, "text on surface");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 4, "muted on ground");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 6, "accent_text on accent");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 5, "accent on ground");
    assert_int_equal(s->nerrors, 5);
    content_free(s);
}

/* The high-contrast palette (hc_*) is held to the same pairs, named with
 * its keys; the defaults pass (test_content_contrast_defaults_and_bundled_pass). */
static void test_content_contrast_high_contrast_pair_too_weak(void **state)
{
    (void)state;
    /* gold on white: 1.4:1 */
    with_ini("[colours]\nhc_ground = #ffffff\nhc_surface = #000000\nhc_text = #000000\n"
             "hc_muted = #000000\nhc_accent = #ffd700\nhc_accent_text = #000000\n");
    content_snapshot *s = tu_load();
    int l = ini_line0();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 5, "hc_accent on hc_ground", "large text",
              "4.5 to 1", "darker");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 3, "hc_text on hc_surface", "1.00 to 1");
    assert_int_equal(s->nerrors, 2);
    content_free(s);
}

/* A colour left at its default is reported at the other one's line. */
static void test_content_contrast_ground_only_changed(void **state)
{
    (void)state;
    with_ini("[colours]\nground = #d8ccb9\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", ini_line0() + 1, "muted on ground", "lighter");
    content_free(s);
}

static void test_content_contrast_defaults_and_bundled_pass(void **state)
{
    (void)state;
    with_ini("");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    content_free(s);
    content_snapshot *b = content_load(KIOSK_SOURCE_DIR "/content", &fs_posix);
    assert_non_null(b);
    for (int i = 0; i < b->ndiags; i++)
        assert_null(strstr(b->diags[i].text, "contrast"));
    assert_non_null(b->booking_qr);
    content_free(b);
}

/* ---- the matrix ---- */

/* A finder pattern: a dark 7x7 ring, a light ring, a dark 3x3 centre. */
static void assert_finder(const kiosk_qr *q, int x0, int y0)
{
    for (int y = 0; y < 7; y++)
        for (int x = 0; x < 7; x++) {
            int ring = x == 0 || y == 0 || x == 6 || y == 6;
            int centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            assert_int_equal(qr_dark(q, x0 + x, y0 + y), ring || centre);
        }
}

static void test_qr_matrix_patterns(void **state)
{
    (void)state;
    kiosk_qr q;
    assert_int_equal(qr_encode("tel:+18017994999", &q), QR_OK);
    assert_int_equal(q.side, QR_SIDE(q.version));
    assert_finder(&q, 0, 0);
    assert_finder(&q, q.side - 7, 0);
    assert_finder(&q, 0, q.side - 7);
    for (int i = 8; i < q.side - 8; i++) {   /* timing: dark on even modules */
        assert_int_equal(qr_dark(&q, i, 6), i % 2 == 0);
        assert_int_equal(qr_dark(&q, 6, i), i % 2 == 0);
    }
    assert_int_equal(qr_dark(&q, 8, 4 * q.version + 9), 1);   /* the dark module */
    assert_int_equal(qr_dark(&q, -1, 0), 0);                  /* the quiet zone */
    assert_int_equal(qr_dark(&q, q.side, 0), 0);
}

static void test_qr_longer_link_bigger_version(void **state)
{
    (void)state;
    kiosk_qr a, b;
    assert_int_equal(qr_encode("tel:+18017994999", &a), QR_OK);
    assert_int_equal(qr_encode("https://matrixspa.example/book?service=sports-massage", &b),
                     QR_OK);
    assert_true(b.version > a.version);
    char big[8192];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_int_equal(qr_encode(big, &b), QR_TOO_LONG);   /* past version 40 too */
    assert_int_equal(qr_encode("", &b), QR_FAILED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_content_booking_tel_link_encoded_and_card_marked),
        T(test_content_booking_card_heading_only_in_first_language),
        T(test_content_booking_https_link_fine),
        T(test_content_booking_link_not_web_or_tel),
        T(test_content_booking_tel_with_letters),
        T(test_content_booking_web_link_with_space),
        T(test_content_booking_link_too_long_for_the_code),
        T(test_content_booking_card_names_no_card),
        T(test_content_booking_caption_missing),
        T(test_content_booking_none_without_link),
        T(test_content_contrast_muted_too_dark),
        T(test_content_contrast_every_pair_named),
        T(test_content_contrast_ground_only_changed),
        T(test_content_contrast_high_contrast_pair_too_weak),
        T(test_content_contrast_defaults_and_bundled_pass),
        cmocka_unit_test(test_qr_matrix_patterns),
        cmocka_unit_test(test_qr_longer_link_bigger_version),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
