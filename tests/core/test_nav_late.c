/* test_nav_late.c — touch read late by a busy loop (a Pi 3 drawing a slow
 * frame, other processes on both cores): each event counts at the time the
 * finger did it, so a tap is a tap, lands on the screen it was aimed at (or
 * does nothing) and cancels the idle notice it landed on; odd stamps are
 * clamped. */
#include "test_nav_fixture.h"

#define LATE 1600   /* a frame or two on a loaded Pi: longer than a tap */

static void test_nav_tap_whose_release_is_read_late_is_a_tap(void **state)
{
    fixture *f = *state;
    uint64_t t = f->now;
    fx_press(f, 1, 400, 240);
    /* lifted after 80 ms, read 1.6 s later: held by the loop's clock
     * longer than NAV_TAP_MAX_MS, by the finger's an ordinary tap */
    f->now = t + LATE;
    fx_ev_at(f, NAV_IN_RELEASE, 1, 400, 240, t + 80);
    assert_int_equal(f->n.view.mode, NAV_MENU);
    /* the fade it started began when the finger lifted */
    assert_int_equal(f->n.tr.start_ms, t + 80);
}

static void test_nav_tap_whose_events_are_all_read_late_acts(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    uint64_t t = f->now;
    f->now = t + LATE;
    fx_ev_at(f, NAV_IN_PRESS, 1, FX_NEXT_X, FX_NEXT_Y, t);
    fx_ev_at(f, NAV_IN_RELEASE, 1, FX_NEXT_X, FX_NEXT_Y, t + 80);
    fx_assert_view(f, NAV_TOPIC, 0, 1);
}

static void test_nav_swipe_read_late_is_timed_by_the_finger(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    uint64_t t = f->now;
    f->now = t + 2 * NAV_SWIPE_MAX_MS;   /* the whole swipe read in one batch */
    fx_ev_at(f, NAV_IN_PRESS, 1, 600, 240, t);
    fx_ev_at(f, NAV_IN_MOVE, 1, 500, 240, t + 100);
    fx_ev_at(f, NAV_IN_RELEASE, 1, 400, 240, t + 200);
    fx_assert_view(f, NAV_TOPIC, 0, 1);
}

static void test_nav_tap_on_notice_read_after_timeout_but_landed_before(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    uint64_t timeout = f->now + 60000;
    fx_wait(f, 60000 - 8000);
    assert_true(f->n.notice);
    /* the finger lands and lifts 100 ms before the timeout; the loop reads
     * it 500 ms after, without having ticked in between */
    f->now = timeout + 500;
    fx_ev_at(f, NAV_IN_PRESS, 1, FX_EMPTY_X, FX_EMPTY_Y, timeout - 100);
    fx_ev_at(f, NAV_IN_RELEASE, 1, FX_EMPTY_X, FX_EMPTY_Y, timeout - 20);
    fx_assert_view(f, NAV_TOPIC, 0, 0);
    assert_false(f->n.notice);
    assert_false(f->n.tr.active);
    /* the wait starts again from the finger, not from the read */
    assert_int_equal(nav_next_deadline(&f->n), timeout - 20 + 60000 - 8000);
    nav_tick(&f->n, f->now);
    fx_assert_view(f, NAV_TOPIC, 0, 0);
}

static void test_nav_tap_after_timeout_ticked_goes_where_the_screen_is(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    uint64_t timeout = f->now + 60000;
    fx_wait(f, 60000 + 500);               /* the loop is back, and shown */
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    /* a stamp from before what nav already applied counts as then: the
     * visitor now sees the loop, and a tap there opens the menu */
    fx_ev_at(f, NAV_IN_PRESS, 1, 400, 240, timeout - 100);
    f->now += 80;
    fx_release(f, 1, 400, 240);
    assert_int_equal(f->n.view.mode, NAV_MENU);
}

static void test_nav_tap_landing_during_transition_read_after_it(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    uint64_t t = f->now;
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);        /* slides to page 1 until t+80+320 */
    /* the second tap of a double tap lands 150 ms in, and is read after the
     * slide has ended: still the double tap, one page */
    f->now = t + 80 + 900;
    fx_ev_at(f, NAV_IN_PRESS, 1, FX_NEXT_X, FX_NEXT_Y, t + 80 + 150);
    fx_ev_at(f, NAV_IN_RELEASE, 1, FX_NEXT_X, FX_NEXT_Y, t + 80 + 230);
    fx_assert_view(f, NAV_TOPIC, 0, 1);
}

static void test_nav_second_tap_read_with_a_late_first_is_not_a_double_tap(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    uint64_t t = f->now;
    /* two deliberate taps 600 ms apart, the first read late (just before
     * the second): by the loop's clock 50 ms apart, by the finger's not a
     * double tap, so two pages */
    f->now = t + 680;
    fx_ev_at(f, NAV_IN_PRESS, 1, FX_NEXT_X, FX_NEXT_Y, t);
    fx_ev_at(f, NAV_IN_RELEASE, 1, FX_NEXT_X, FX_NEXT_Y, t + 80);
    fx_assert_view(f, NAV_TOPIC, 0, 1);
    f->now = t + 730;
    fx_ev_at(f, NAV_IN_PRESS, 1, FX_NEXT_X, FX_NEXT_Y, t + 600);
    fx_ev_at(f, NAV_IN_RELEASE, 1, FX_NEXT_X, FX_NEXT_Y, t + 680);
    fx_assert_view(f, NAV_TOPIC, 0, 2);
}

static void test_nav_tap_on_a_screen_not_yet_redrawn_does_nothing(void **state)
{
    fixture *f = *state;
    fx_tap(f, 400, 240);                    /* loop -> menu */
    fx_settle(f);
    nav_hit_shows(&f->n, f->n.view);        /* the menu is drawn */
    uint64_t t = f->now;
    /* a tile, then 600 ms later the menu's Back (the visitor still sees the
     * menu: the loop was stuck and drew nothing), read together */
    f->now = t + 900;
    fx_ev_at(f, NAV_IN_PRESS, 1, FX_TILE_X(0), FX_TILE_Y, t);
    fx_ev_at(f, NAV_IN_RELEASE, 1, FX_TILE_X(0), FX_TILE_Y, t + 80);
    fx_assert_view(f, NAV_TOPIC, 0, 0);
    fx_ev_at(f, NAV_IN_PRESS, 1, FX_BACK_X, FX_BACK_Y, t + 600);
    fx_ev_at(f, NAV_IN_RELEASE, 1, FX_BACK_X, FX_BACK_Y, t + 680);
    /* not the topic's Back (to the menu): the spot was aimed at a menu */
    fx_assert_view(f, NAV_TOPIC, 0, 0);
    nav_tick(&f->n, f->now);
    nav_hit_shows(&f->n, f->n.view);        /* the topic is drawn */
    f->now += 500;
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);
    fx_assert_view(f, NAV_TOPIC, 0, 1);
}

static void test_nav_staff_hold_read_late_is_timed_by_the_finger(void **state)
{
    fixture *f = *state;
    uint64_t t = f->now;
    f->now = t + 1000;
    fx_ev_at(f, NAV_IN_PRESS, 1, 20, 30, t);
    assert_int_equal(nav_next_deadline(&f->n), t + NAV_STAFF_HOLD_MS);
    assert_true(nav_tick(&f->n, t + NAV_STAFF_HOLD_MS) & NAV_OUT_STAFF_REQUEST);
}

static void test_nav_event_time_odd_stamps(void **state)
{
    (void)state;
    uint64_t now = FX_T0;
    assert_int_equal(nav_event_time((uint32_t)(now - 40), now), now - 40);
    assert_int_equal(nav_event_time(0, now), now);                    /* no stamp */
    assert_int_equal(nav_event_time((uint32_t)(now + 10), now), now); /* future */
    assert_int_equal(nav_event_time((uint32_t)(now - NAV_INPUT_MAX_LATE_MS - 1), now),
                     now);                                            /* too old */
    /* SDL's 32-bit stamp wraps every 49.7 days; the 64-bit clock goes on */
    uint64_t wrapped = (1ull << 32) + 50;
    assert_int_equal(nav_event_time(UINT32_MAX - 29, wrapped), wrapped - 80);
    /* early after start: a stamp older than the clock itself */
    assert_int_equal(nav_event_time(UINT32_MAX, 30), 30);
}

static void test_nav_odd_event_times_are_clamped(void **state)
{
    fixture *f = *state;
    uint64_t t = f->now;
    /* from the future: counts as now */
    fx_ev_at(f, NAV_IN_PRESS, 1, 400, 240, t + 100000);
    assert_int_equal(f->n.g.finger[0].t0, t);
    /* far in the past: no more than NAV_INPUT_MAX_LATE_MS late */
    f->now = t + 10 * NAV_INPUT_MAX_LATE_MS;
    fx_ev_at(f, NAV_IN_MOVE, 1, 400, 240, 1);
    assert_int_equal(f->n.g.finger[0].last_ms, f->now - NAV_INPUT_MAX_LATE_MS);
    /* before an event already applied: not before it (time never goes back) */
    fx_ev_at(f, NAV_IN_RELEASE, 1, 400, 240, t);
    assert_int_equal(f->n.clock, f->now - NAV_INPUT_MAX_LATE_MS);
    assert_int_equal(f->n.view.mode, NAV_LOOP);   /* held 45 s: not a tap */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup(name, fx_setup)
        T(test_nav_tap_whose_release_is_read_late_is_a_tap),
        T(test_nav_tap_whose_events_are_all_read_late_acts),
        T(test_nav_swipe_read_late_is_timed_by_the_finger),
        T(test_nav_tap_on_notice_read_after_timeout_but_landed_before),
        T(test_nav_tap_after_timeout_ticked_goes_where_the_screen_is),
        T(test_nav_tap_landing_during_transition_read_after_it),
        T(test_nav_second_tap_read_with_a_late_first_is_not_a_double_tap),
        T(test_nav_tap_on_a_screen_not_yet_redrawn_does_nothing),
        T(test_nav_staff_hold_read_late_is_timed_by_the_finger),
        T(test_nav_event_time_odd_stamps),
        T(test_nav_odd_event_times_are_clamped),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
