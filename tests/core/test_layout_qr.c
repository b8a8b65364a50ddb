/* test_layout_qr.c — the booking QR code on the screens at the five sizes:
 * on every loop screen and every page of a booking card, and nowhere else;
 * inside the safe area, overlapping nothing (the rules of layout.h), in
 * whole-pixel modules of 4 px at least, the code about a third of the
 * shorter side, even for the longest link allowed, with its quiet zone, dark modules on the lighter
 * colour whichever way round the palette is. */
#include "test_layout_fixture.h"

#include "contrast.h"

static layout_screen sc;   /* big: not on the stack */
static kiosk_qr code;

typedef struct fx_deck { arena a; layout_deck d; } fx_deck;

static void build(fx_deck *x, const content_snapshot *s, int w, int h)
{
    arena_init(&x->a, 0);
    assert_int_equal(layout_deck_build(&x->d, s, &fx_metrics, w, h, &x->a), 0);
}

/* The fixture with a booking link: the knee's second card and the long
 * story (several pages) invite a booking. */
static content_snapshot *booking_snapshot(const char *link)
{
    content_snapshot *s = fx_snapshot();
    assert_int_equal(qr_encode(link, &code), QR_OK);
    s->booking_qr = &code;
    s->settings.label[LABEL_BOOKING_QR] = "Scan to call and book";
    s->topics[FX_KNEE].cards[1].booking = 1;
    s->topics[FX_CAUSES].cards[0].booking = 1;
    kiosk_rgb ground = { 0x12, 0x2a, 0x2c }, text = { 0xf7, 0xef, 0xe3 };
    s->settings.ground = ground;
    s->settings.text = text;
    return s;
}

/* The screen's QR box, or NULL; fails on more than one. */
static const layout_box *qr_box(const layout_screen *x)
{
    const layout_box *q = NULL;
    for (int i = 0; i < x->nbox; i++)
        if (x->box[i].kind == BOX_QR) {
            assert_null(q);
            q = &x->box[i];
        }
    return q;
}

static void check_code(const layout_screen *x, const layout_box *q)
{
    layout_sizes z;
    layout_sizes_for(&z, x->w, x->h);
    assert_non_null(q->qr);
    /* Whole modules of at least 4 px; the code a third of s, give or take
     * the rounding down to whole modules. */
    assert_true(q->module >= 4);
    assert_true(q->w * 100 >= z.s * 30);
    assert_int_equal(q->w, q->module * (q->qr->side + 2 * QR_QUIET));
    assert_int_equal(q->h, q->w);
    assert_true(q->x >= z.margin && q->y >= z.margin);
    assert_true(q->x + q->w <= x->w - z.margin && q->y + q->h <= x->h - z.margin);
    assert_int_equal(q->action, ACT_NONE);
    char text[4096];
    fx_text_at(x, 0, text, sizeof text);
    assert_non_null(strstr(text, "Scan to"));
}

/* The code on every loop screen and every page of a booking card, and on
 * no other screen, at the five sizes. */
static void check_booking_at_five_sizes(content_snapshot *s)
{
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        fx_check_deck(s, &x.d);   /* safe area, no overlap, every word once */
        for (int l = 0; l < x.d.nloop; l++) {
            layout_loop_screen(&sc, s, &x.d, &fx_metrics, l);
            check_code(&sc, qr_box(&sc));
        }
        int booking_pages = 0;
        for (int t = 0; t < s->ntopics; t++)
            for (int p = 0; p < x.d.topic[t].npages; p++) {
                const layout_page *pg = &x.d.topic[t].page[p];
                layout_topic_screen(&sc, s, &x.d, &fx_metrics, t, p);
                const layout_box *q = qr_box(&sc);
                if (s->topics[t].cards[pg->card].booking) {
                    assert_non_null(q);
                    check_code(&sc, q);
                    booking_pages++;
                } else {
                    assert_null(q);
                }
            }
        assert_true(booking_pages >= 3);   /* the long story has several */
        layout_menu_screen(&sc, s, &x.d, &fx_metrics);
        assert_null(qr_box(&sc));
        arena_fini(&x.a);
    }
}

static void test_layout_qr_on_loop_and_booking_cards_at_five_sizes(void **state)
{
    content_snapshot *s = booking_snapshot("tel:+18017994999");
    check_booking_at_five_sizes(s);
    fx_free(s);
}

/* With Aa and a language button, which stand at the top right of 800x480
 * cards, a column of caption over code no longer fitted below them and
 * the booking card lost its code (render_qr caught it on the bundled
 * content): the code takes the bottom right corner, its caption beside. */
static void test_layout_qr_booking_card_under_visitor_buttons(void **state)
{
    content_snapshot *s = booking_snapshot("tel:+18017994999");
    static content_lang langs[2];
    langs[0].name = "English";
    langs[1].name = "Español";
    langs[0].topics = langs[1].topics = s->topics;
    s->langs = langs;
    s->nlangs = 2;
    s->settings.label[LABEL_LARGE_TEXT] = "Aa";
    fx_deck x;
    build(&x, s, 800, 480);
    layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_KNEE, 0);
    const layout_box *aa = fx_find_action(&sc, ACT_LARGE_TEXT);
    assert_non_null(aa);
    assert_true(aa->y < sc.h / 2);   /* at the top right: the case that failed */
    arena_fini(&x.a);
    check_booking_at_five_sizes(s);
    fx_free(s);
}

/* 62 bytes: the most a version-4 code holds at level M. */
static void test_layout_qr_longest_link_keeps_whole_modules(void **state)
{
    char link[80];
    snprintf(link, sizeof link, "https://matrixspa.example/%s",
             "book-a-sports-massage-for-runners-k");
    assert_int_equal(strlen(link), 61);
    content_snapshot *s = booking_snapshot(link);
    assert_int_equal(code.version, KIOSK_QR_MAX_VERSION);
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        fx_check_deck(s, &x.d);
        layout_loop_screen(&sc, s, &x.d, &fx_metrics, 0);
        check_code(&sc, qr_box(&sc));
        arena_fini(&x.a);
    }
    fx_free(s);
}

/* The module sizes the guide and the report quote. */
static void test_layout_qr_module_px_per_size(void **state)
{
    static const int want[5] = { 5, 8, 9, 13, 26 };   /* a 21-module tel: code */
    content_snapshot *s = booking_snapshot("tel:+18017994999");
    assert_int_equal(code.side, 21);
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        layout_loop_screen(&sc, s, &x.d, &fx_metrics, 0);
        const layout_box *q = qr_box(&sc);
        assert_non_null(q);
        if (q->module != want[i])
            fail_msg("%dx%d: module %d px, expected %d", fx_sizes[i][0], fx_sizes[i][1],
                     q->module, want[i]);
        arena_fini(&x.a);
    }
    fx_free(s);
}

static double lum(kiosk_rgb v)
{
    return contrast_luminance(v.r, v.g, v.b);
}

/* Phones read dark modules on light paper: a light palette swaps roles. */
static void test_layout_qr_dark_on_light_either_palette(void **state)
{
    content_snapshot *s = booking_snapshot("tel:+18017994999");
    for (int light = 0; light < 2; light++) {
        if (light) {
            kiosk_rgb g = s->settings.ground;
            s->settings.ground = s->settings.text;
            s->settings.text = g;
        }
        fx_deck x;
        build(&x, s, 800, 480);
        layout_loop_screen(&sc, s, &x.d, &fx_metrics, 0);
        const layout_box *q = qr_box(&sc);
        assert_non_null(q);
        kiosk_rgb ink = q->colour == COL_TEXT ? s->settings.text : s->settings.ground;
        kiosk_rgb paper = q->paper == COL_TEXT ? s->settings.text : s->settings.ground;
        assert_int_not_equal(q->colour, q->paper);
        assert_true(lum(ink) < lum(paper));
        arena_fini(&x.a);
    }
    fx_free(s);
}

static void test_layout_qr_none_without_link(void **state)
{
    content_snapshot *s = fx_snapshot();
    s->topics[FX_KNEE].cards[1].booking = 1;   /* marked, but no code */
    fx_deck x;
    build(&x, s, 800, 480);
    for (int l = 0; l < x.d.nloop; l++) {
        layout_loop_screen(&sc, s, &x.d, &fx_metrics, l);
        assert_null(qr_box(&sc));
    }
    arena_fini(&x.a);
    fx_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout_qr_on_loop_and_booking_cards_at_five_sizes),
        cmocka_unit_test(test_layout_qr_booking_card_under_visitor_buttons),
        cmocka_unit_test(test_layout_qr_longest_link_keeps_whole_modules),
        cmocka_unit_test(test_layout_qr_module_px_per_size),
        cmocka_unit_test(test_layout_qr_dark_on_light_either_palette),
        cmocka_unit_test(test_layout_qr_none_without_link),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
