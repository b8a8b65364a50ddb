/* test_nav_visitor.c — one visitor's choices in the navigation: the language
 * button cycling through any number of languages, large text, more time on
 * the idle notice, and all three forgotten when the loop returns. */
#include "test_nav_fixture.h"

/* Free spots of the hand-made screens for the new buttons. */
#define VX_LANG_X 520
#define VX_LANG_Y 40
#define VX_AA_X 680
#define VX_AA_Y 40
#define VX_MORE_X 170
#define VX_MORE_Y 420

static int vx_setup(void **state)
{
    fixture *f = fx_new();
    layout_screen *sc[2] = { &f->menu, &f->topic };
    for (int i = 0; i < 2; i++) {
        fx_box(sc[i], 450, 10, 140, 60, ACT_LANGUAGE, 0);
        fx_box(sc[i], 610, 10, 140, 60, ACT_LARGE_TEXT, 0);
        fx_box(sc[i], 100, 390, 140, 60, ACT_MORE_TIME, 0);
    }
    f->deck.nlangs = 3;
    nav_set_deck(&f->n, &f->deck, f->now);
    *state = f;
    return 0;
}

static void test_nav_language_cycles_through_every_language(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);
    fx_settle(f);
    unsigned before = f->n.changed;
    for (int want = 1; want <= 3; want++) {
        assert_int_equal(fx_tap(f, VX_LANG_X, VX_LANG_Y) & NAV_OUT_CHANGED, NAV_OUT_CHANGED);
        assert_int_equal(f->n.lang, want % 3);
        fx_assert_view(f, NAV_TOPIC, 0, 1);      /* the same screen, */
        assert_false(f->n.tr.active);            /* switched at once */
        fx_settle(f);
    }
    assert_true(f->n.changed != before);
    nav_state st;
    nav_state_get(&f->n, f->now, &st);
    assert_int_equal(st.lang, 0);
}

static void test_nav_language_double_tap_moves_one_language(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    fx_tap(f, VX_LANG_X, VX_LANG_Y);
    f->now += 100;
    fx_tap(f, VX_LANG_X, VX_LANG_Y);
    assert_int_equal(f->n.lang, 1);
}

static void test_nav_language_without_translation_does_nothing(void **state)
{
    fixture *f = *state;
    f->deck.nlangs = 1;
    nav_set_deck(&f->n, &f->deck, f->now);
    fx_open_topic(f, 0);
    fx_tap_nothing(f, VX_LANG_X, VX_LANG_Y);
    assert_int_equal(f->n.lang, 0);
}

static void test_nav_fewer_languages_clamp_the_index(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    fx_tap(f, VX_LANG_X, VX_LANG_Y);
    fx_settle(f);
    fx_tap(f, VX_LANG_X, VX_LANG_Y);
    assert_int_equal(f->n.lang, 2);
    f->deck.nlangs = 2;                          /* staff removed a translation */
    nav_set_deck(&f->n, &f->deck, f->now);
    assert_int_equal(f->n.lang, 0);
}

static void test_nav_idle_return_resets_the_visitor(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    fx_tap(f, VX_LANG_X, VX_LANG_Y);
    fx_settle(f);
    fx_tap(f, VX_AA_X, VX_AA_Y);
    assert_int_equal(f->n.lang, 1);
    assert_true(f->n.large);
    fx_assert_view(f, NAV_TOPIC, 0, 0);
    fx_wait(f, 60000);
    fx_assert_view(f, NAV_LOOP, 0, 0);
    assert_int_equal(f->n.lang, 0);
    assert_false(f->n.large);
    assert_false(f->n.extended);
}

static void test_nav_back_to_the_loop_resets_the_visitor(void **state)
{
    fixture *f = *state;
    fx_tap(f, 400, 240);                         /* loop -> menu */
    fx_settle(f);
    fx_tap(f, VX_AA_X, VX_AA_Y);
    fx_settle(f);
    fx_tap(f, VX_LANG_X, VX_LANG_Y);
    fx_assert_view(f, NAV_MENU, 0, 0);
    fx_settle(f);
    fx_tap(f, FX_BACK_X, FX_BACK_Y);             /* menu -> loop */
    fx_assert_view(f, NAV_LOOP, 0, 0);
    assert_int_equal(f->n.lang, 0);
    assert_false(f->n.large);
}

static void test_nav_large_text_toggles(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 2);
    fx_tap(f, VX_AA_X, VX_AA_Y);
    assert_true(f->n.large);
    fx_assert_view(f, NAV_TOPIC, 2, 0);
    assert_false(f->n.tr.active);
    fx_settle(f);
    fx_tap(f, VX_AA_X, VX_AA_Y);
    assert_false(f->n.large);
}

static void test_nav_more_time_on_the_notice_extends_the_wait(void **state)
{
    fixture *f = *state;
    f->set.more_time = 3;
    nav_set_settings(&f->n, &f->set);
    fx_open_topic(f, 0);
    fx_wait(f, 55000);
    assert_true(f->n.notice);
    fx_press(f, 1, VX_MORE_X, VX_MORE_Y);
    assert_true(f->n.notice);                    /* still shown under the finger */
    f->now += 80;
    fx_release(f, 1, VX_MORE_X, VX_MORE_Y);
    assert_false(f->n.notice);
    assert_true(f->n.extended);
    uint64_t t = f->now;
    /* the notice again 8 s before three minutes, not one */
    assert_int_equal(nav_next_deadline(&f->n), t + 180000 - 8000);
    fx_wait(f, 170000);
    fx_assert_view(f, NAV_TOPIC, 0, 0);
    assert_false(f->n.notice);
    fx_wait(f, 2000);
    assert_true(f->n.notice);
    fx_wait(f, 8000);
    fx_assert_view(f, NAV_LOOP, 0, 0);
    assert_false(f->n.extended);                 /* the next visitor waits 60 s */
    fx_tap(f, 400, 240);
    fx_settle(f);
    assert_int_equal(nav_next_deadline(&f->n), f->now - 500 + 60000 - 8000);
}

static void test_nav_other_touch_on_the_notice_keeps_the_normal_wait(void **state)
{
    fixture *f = *state;
    f->set.more_time = 3;
    nav_set_settings(&f->n, &f->set);
    fx_open_topic(f, 0);
    fx_wait(f, 55000);
    fx_tap(f, FX_EMPTY_X, FX_EMPTY_Y);
    assert_false(f->n.notice);
    assert_false(f->n.extended);
    assert_int_equal(nav_next_deadline(&f->n), f->now + 52000);
}

static void test_nav_more_time_unset_setting_means_the_normal_wait(void **state)
{
    fixture *f = *state;                         /* more_time 0: a bad build */
    fx_open_topic(f, 0);
    fx_wait(f, 55000);
    fx_tap(f, VX_MORE_X, VX_MORE_Y);
    assert_int_equal(nav_next_deadline(&f->n), f->now + 52000);
}

#define T(name) cmocka_unit_test_setup(name, vx_setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_nav_language_cycles_through_every_language),
        T(test_nav_language_double_tap_moves_one_language),
        T(test_nav_language_without_translation_does_nothing),
        T(test_nav_fewer_languages_clamp_the_index),
        T(test_nav_idle_return_resets_the_visitor),
        T(test_nav_back_to_the_loop_resets_the_visitor),
        T(test_nav_large_text_toggles),
        T(test_nav_more_time_on_the_notice_extends_the_wait),
        T(test_nav_other_touch_on_the_notice_keeps_the_normal_wait),
        T(test_nav_more_time_unset_setting_means_the_normal_wait),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
