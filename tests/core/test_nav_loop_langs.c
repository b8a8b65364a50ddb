/* test_nav_loop_langs.c — [loop] languages: the attract loop's round in
 * each language in turn (any number of them), the default language only
 * unless asked, a touch starting the visitor in the language on screen, the
 * loop's own round going on after a visitor, and decks or settings that
 * change under it; each change of language a fade that goes on while the
 * platform lays the deck out again. The clock is the fixture's: every step
 * is explicit. */
#include "test_nav_fixture.h"

/* The hand-made menu's language button (a free spot). */
#define LX_LANG_X 520
#define LX_LANG_Y 40

static fixture *lx_new(int nlangs, int all)
{
    fixture *f = fx_new();
    fx_box(&f->menu, 450, 10, 140, 60, ACT_LANGUAGE, 0);
    f->set.loop_languages = all ? LOOP_LANGS_ALL : LOOP_LANGS_DEFAULT;
    nav_set_settings(&f->n, &f->set);
    f->deck.nlangs = nlangs;
    nav_set_deck(&f->n, &f->deck, f->now);
    return f;
}

/* The language on screen (what the platform lays the deck out in). */
static int lx_lang(const fixture *f)
{
    nav_state st;
    nav_state_get(&f->n, f->now, &st);
    return st.lang;
}

/* Straight to the loop's next change, as the main loop sleeps until it. */
static void lx_next(fixture *f)
{
    uint64_t t = nav_next_deadline(&f->n);
    assert_true(t != NAV_NEVER);
    while (t != NAV_NEVER && f->n.tr.active) {   /* a fade ends first */
        f->now = t;
        nav_tick(&f->n, f->now);
        t = nav_next_deadline(&f->n);
    }
    f->now = t;
    nav_tick(&f->n, f->now);
}

static void test_nav_loop_stays_in_the_default_language_unless_asked(void **state)
{
    (void)state;
    fixture *f = lx_new(3, 0);
    for (int i = 0; i < 3 * FX_NLOOP; i++) {
        assert_int_equal(f->n.view.loop, i % FX_NLOOP);
        assert_int_equal(lx_lang(f), 0);
        lx_next(f);
    }
}

static void test_nav_loop_all_shows_each_round_in_each_language(void **state)
{
    (void)state;
    fixture *f = lx_new(3, 1);
    for (int round = 0; round < 4; round++)          /* 0, 1, 2 and 0 again */
        for (int i = 0; i < FX_NLOOP; i++) {
            fx_assert_view(f, NAV_LOOP, 0, 0);
            assert_int_equal(f->n.view.loop, i);
            assert_int_equal(lx_lang(f), round % 3);
            uint64_t shown = f->now;
            lx_next(f);
            /* each page its own time, the same as in one language */
            assert_int_equal(f->now - shown, nav_loop_page_ms(&f->n, i));
        }
}

static void test_nav_loop_touch_starts_in_the_language_on_screen(void **state)
{
    (void)state;
    fixture *f = lx_new(2, 1);
    for (int i = 0; i < FX_NLOOP + 1; i++)            /* the second page in es */
        lx_next(f);
    assert_int_equal(lx_lang(f), 1);
    fx_tap(f, 400, 240);
    fx_assert_view(f, NAV_MENU, 0, 0);
    assert_int_equal(f->n.lang, 1);
    assert_int_equal(lx_lang(f), 1);
    fx_settle(f);
    fx_tap(f, LX_LANG_X, LX_LANG_Y);                  /* the button still switches */
    assert_int_equal(lx_lang(f), 0);
}

static void test_nav_loop_touch_in_the_default_language_starts_in_it(void **state)
{
    (void)state;
    fixture *f = lx_new(2, 1);
    fx_tap(f, 400, 240);
    fx_assert_view(f, NAV_MENU, 0, 0);
    assert_int_equal(lx_lang(f), 0);
}

/* The visitor's language is theirs: the loop comes back in its own round,
 * at the page after the one left, and changes language after its round. */
static void test_nav_loop_round_goes_on_after_a_visitor(void **state)
{
    (void)state;
    fixture *f = lx_new(2, 1);
    for (int i = 0; i < FX_NLOOP + 2; i++)
        lx_next(f);
    assert_int_equal(f->n.view.loop, 2);
    assert_int_equal(lx_lang(f), 1);
    fx_tap(f, 400, 240);
    fx_settle(f);
    fx_tap(f, LX_LANG_X, LX_LANG_Y);                  /* the visitor reads English */
    assert_int_equal(lx_lang(f), 0);
    fx_wait(f, 60000);                                /* and leaves */
    fx_assert_view(f, NAV_LOOP, 0, 0);
    assert_int_equal(f->n.view.loop, 3);
    assert_int_equal(f->n.lang, 0);
    assert_int_equal(lx_lang(f), 1);
    lx_next(f);
    lx_next(f);
    assert_int_equal(f->n.view.loop, 0);
    assert_int_equal(lx_lang(f), 0);
}

static void test_nav_loop_of_one_page_changes_only_its_language(void **state)
{
    (void)state;
    fixture *f = lx_new(3, 1);
    f->deck.nloop = 1;
    nav_set_deck(&f->n, &f->deck, f->now);
    for (int k = 1; k <= 4; k++) {
        unsigned before = f->n.changed;
        uint64_t t0 = f->now;
        lx_next(f);
        assert_int_equal(f->now - t0, 7000);          /* fx_loop_words[0]: the floor */
        assert_int_equal(f->n.view.loop, 0);
        assert_int_equal(lx_lang(f), k % 3);
        assert_true(f->n.changed != before);
    }
}

static void test_nav_loop_of_one_page_one_language_never_changes(void **state)
{
    (void)state;
    fixture *f = lx_new(1, 1);
    f->deck.nloop = 1;
    nav_set_deck(&f->n, &f->deck, f->now);
    assert_true(nav_next_deadline(&f->n) == NAV_NEVER);
    f->deck.nloop = 0;                                /* no loop at all */
    f->deck.nlangs = 2;
    nav_set_deck(&f->n, &f->deck, f->now);
    assert_true(nav_next_deadline(&f->n) == NAV_NEVER);
    fx_wait(f, 100000);
    assert_int_equal(lx_lang(f), 0);
}

static void test_nav_loop_translation_removed_clamps_its_language(void **state)
{
    (void)state;
    fixture *f = lx_new(3, 1);
    for (int i = 0; i < 2 * FX_NLOOP; i++)
        lx_next(f);
    assert_int_equal(lx_lang(f), 2);
    f->deck.nlangs = 2;                               /* staff removed one */
    nav_set_deck(&f->n, &f->deck, f->now);
    assert_int_equal(lx_lang(f), 0);
}

static void test_nav_loop_setting_back_to_default_shows_the_default(void **state)
{
    (void)state;
    fixture *f = lx_new(2, 1);
    for (int i = 0; i < FX_NLOOP; i++)
        lx_next(f);
    assert_int_equal(lx_lang(f), 1);
    f->set.loop_languages = LOOP_LANGS_DEFAULT;      /* staff changed kiosk.ini */
    nav_set_settings(&f->n, &f->set);
    assert_int_equal(lx_lang(f), 0);
    for (int i = 0; i < 2 * FX_NLOOP; i++) {
        lx_next(f);
        assert_int_equal(lx_lang(f), 0);
    }
}

/* The fade into the next language: from the page shown, in its language. */
static void lx_assert_fades_from(const fixture *f, int from_loop, int from_lang, int to_lang)
{
    nav_state st;
    nav_state_get(&f->n, f->now, &st);
    assert_true(st.tr.active);
    assert_int_equal(st.tr.motion, NAV_MOTION_FADE);
    assert_int_equal(st.tr.from.mode, NAV_LOOP);
    assert_int_equal(st.tr.from.loop, from_loop);
    assert_int_equal(st.tr.from_lang, from_lang);
    assert_int_equal(st.tr.from_large, 0);
    assert_int_equal(st.lang, to_lang);
    assert_true(nav_animating(&f->n, f->now));
}

/* The platform lays the deck out again for the language on screen, which
 * takes a while: the fade goes on from when that is done, to its end. */
static void lx_relayout_keeps_the_fade(fixture *f, uint64_t took)
{
    unsigned before = f->n.changed;
    f->now += took;
    nav_relayout(&f->n, &f->deck, f->now);
    assert_true(f->n.changed != before);
    assert_true(f->n.tr.active);
    assert_true(nav_transition_progress(&f->n, f->now) == 0.0f);
    assert_true(nav_animating(&f->n, f->now + (uint64_t)f->n.tr.duration_ms - 1));
    assert_int_equal(nav_next_deadline(&f->n), f->now + (uint64_t)f->n.tr.duration_ms);
}

static void test_nav_loop_language_change_fades_like_a_page(void **state)
{
    (void)state;
    fixture *f = lx_new(3, 1);
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < FX_NLOOP; i++)
            lx_next(f);
        fx_assert_view(f, NAV_LOOP, 0, 0);
        assert_int_equal(f->n.view.loop, 0);
        lx_assert_fades_from(f, FX_NLOOP - 1, round, (round + 1) % 3);
        lx_relayout_keeps_the_fade(f, 150);
        lx_assert_fades_from(f, FX_NLOOP - 1, round, (round + 1) % 3);
    }
    /* new content (not a relayout) ends it, as before */
    nav_set_deck(&f->n, &f->deck, f->now);
    assert_false(f->n.tr.active);
}

static void test_nav_loop_of_one_page_fades_into_each_language(void **state)
{
    (void)state;
    fixture *f = lx_new(3, 1);
    f->deck.nloop = 1;
    nav_set_deck(&f->n, &f->deck, f->now);
    for (int k = 1; k <= 4; k++) {
        lx_next(f);
        lx_assert_fades_from(f, 0, (k - 1) % 3, k % 3);
        lx_relayout_keeps_the_fade(f, 40);
    }
}

/* The idle return fades from what the visitor saw: the screen with the
 * notice over it, in their language. */
static void test_nav_loop_idle_return_fades_from_the_notice(void **state)
{
    (void)state;
    fixture *f = lx_new(2, 1);
    fx_tap(f, 400, 240);
    fx_settle(f);
    fx_tap(f, LX_LANG_X, LX_LANG_Y);                  /* the visitor reads Spanish */
    assert_int_equal(lx_lang(f), 1);
    fx_wait(f, 53000);                                /* the notice */
    assert_int_equal(f->n.notice, 1);
    fx_wait(f, 7000);                                 /* and the loop */
    fx_assert_view(f, NAV_LOOP, 0, 0);
    assert_true(f->n.tr.active);
    assert_int_equal(f->n.tr.from.mode, NAV_MENU);
    assert_int_equal(f->n.tr.from_lang, 1);
    assert_int_equal(f->n.tr.from_notice, 1);
    assert_int_equal(lx_lang(f), 0);
    assert_int_equal(f->n.notice, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nav_loop_stays_in_the_default_language_unless_asked),
        cmocka_unit_test(test_nav_loop_all_shows_each_round_in_each_language),
        cmocka_unit_test(test_nav_loop_touch_starts_in_the_language_on_screen),
        cmocka_unit_test(test_nav_loop_touch_in_the_default_language_starts_in_it),
        cmocka_unit_test(test_nav_loop_round_goes_on_after_a_visitor),
        cmocka_unit_test(test_nav_loop_of_one_page_changes_only_its_language),
        cmocka_unit_test(test_nav_loop_of_one_page_one_language_never_changes),
        cmocka_unit_test(test_nav_loop_translation_removed_clamps_its_language),
        cmocka_unit_test(test_nav_loop_setting_back_to_default_shows_the_default),
        cmocka_unit_test(test_nav_loop_language_change_fades_like_a_page),
        cmocka_unit_test(test_nav_loop_of_one_page_fades_into_each_language),
        cmocka_unit_test(test_nav_loop_idle_return_fades_from_the_notice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
