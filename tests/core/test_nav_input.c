/* test_nav_input.c — touch input into nav: tap and swipe thresholds, swipe
 * direction, and the odd inputs (two fingers, palm, jump, held finger, lost
 * release, double tap, staff long press) that must do nothing surprising. */
#include "test_nav_fixture.h"

#include <malloc.h>

/* On 800x480: slop 16 px, swipe 60 px. */

static void test_nav_gesture_thresholds_follow_screen(void **state)
{
    (void)state;
    nav_gesture g;
    nav_gesture_init(&g, 800, 480);
    assert_int_equal(g.slop, 16);
    assert_int_equal(g.swipe, 60);
    assert_int_equal(g.corner, 68);
    nav_gesture_init(&g, 720, 1280);     /* portrait: the shorter side rules */
    assert_int_equal(g.slop, 24);
    assert_int_equal(g.swipe, 90);
    nav_gesture_init(&g, 0, 0);          /* nonsense size: still sane */
    assert_true(g.slop >= 1 && g.swipe >= 1 && g.jump >= 1 && g.corner >= 1);
}

static void test_nav_tap_within_slop_is_a_tap(void **state)
{
    fixture *f = *state;
    fx_drag(f, 400, 240, 15, -15, 100);
    assert_int_equal(f->n.view.mode, NAV_MENU);
}

static void test_nav_drag_between_tap_and_swipe_does_nothing(void **state)
{
    fixture *f = *state;
    fx_drag(f, 400, 240, 16, 0, 100);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    fx_drag(f, 400, 240, -59, 0, 100);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    fx_drag(f, 400, 240, 0, 200, 100);   /* vertical: not a swipe */
    assert_int_equal(f->n.view.mode, NAV_LOOP);
}

static void test_nav_slow_tap_is_a_tap_held_finger_is_not(void **state)
{
    fixture *f = *state;
    fx_press(f, 1, 400, 240);
    f->now += NAV_TAP_MAX_MS;             /* held 1.5 s: resting */
    fx_release(f, 1, 400, 240);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    fx_press(f, 1, 400, 240);
    f->now += 10000;                      /* held 10 s */
    fx_release(f, 1, 400, 240);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    fx_press(f, 1, 400, 240);
    f->now += NAV_TAP_MAX_MS - 1;         /* slow but a tap */
    fx_release(f, 1, 400, 240);
    assert_int_equal(f->n.view.mode, NAV_MENU);
}

static void test_nav_swipe_thresholds_and_direction(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    fx_drag(f, 400, 240, 59, 0, 200);    /* short of a swipe */
    fx_settle(f);
    fx_assert_view(f, NAV_TOPIC, 0, 0);
    fx_drag(f, 400, 240, -60, 31, 200);  /* too steep */
    fx_settle(f);
    fx_assert_view(f, NAV_TOPIC, 0, 0);
    fx_drag(f, 400, 240, -60, 30, 200);  /* finger to the left: next */
    fx_assert_view(f, NAV_TOPIC, 0, 1);
    assert_int_equal(f->n.tr.motion, NAV_MOTION_SLIDE_LEFT);
    fx_settle(f);
    fx_drag(f, 400, 240, -200, 0, 300);
    fx_assert_view(f, NAV_TOPIC, 0, 2);
    fx_settle(f);
    fx_drag(f, 400, 240, -200, 0, 300);  /* last page: nothing, no wrap */
    fx_assert_view(f, NAV_TOPIC, 0, 2);
    fx_settle(f);
    fx_drag(f, 400, 240, 120, 0, 300);   /* finger to the right: previous */
    fx_assert_view(f, NAV_TOPIC, 0, 1);
    assert_int_equal(f->n.tr.motion, NAV_MOTION_SLIDE_RIGHT);
    fx_settle(f);
    fx_drag(f, 400, 240, 120, 0, 300);
    fx_settle(f);
    fx_drag(f, 400, 240, 120, 0, 300);   /* first page: nothing */
    fx_assert_view(f, NAV_TOPIC, 0, 0);
    /* A swipe that comes back to where it started is no gesture. */
    fx_press(f, 1, 400, 240);
    f->now += 100;
    fx_move(f, 1, 300, 240);
    f->now += 100;
    fx_release(f, 1, 400, 240);
    fx_assert_view(f, NAV_TOPIC, 0, 0);
    /* A drag too slow to be a swipe is resting. */
    fx_drag(f, 400, 240, -200, 0, NAV_SWIPE_MAX_MS + 100);
    fx_assert_view(f, NAV_TOPIC, 0, 0);
}

static void test_nav_swipe_on_loop_opens_menu_on_menu_nothing(void **state)
{
    fixture *f = *state;
    fx_drag(f, 400, 240, 150, 0, 200);
    assert_int_equal(f->n.view.mode, NAV_MENU);
    fx_settle(f);
    fx_drag(f, 400, 240, -150, 0, 200);
    fx_settle(f);
    fx_drag(f, 400, 240, 150, 0, 200);
    assert_int_equal(f->n.view.mode, NAV_MENU);
}

static void test_nav_two_fingers_do_nothing(void **state)
{
    fixture *f = *state;
    /* Two still fingers lifted one after the other. */
    fx_press(f, 1, 400, 240);
    f->now += 30;
    fx_press(f, 2, 500, 240);
    f->now += 50;
    fx_release(f, 1, 400, 240);
    f->now += 50;
    fx_release(f, 2, 500, 240);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    /* Second finger lands after the first swiped, before it lifts. */
    fx_open_topic(f, 0);
    fx_press(f, 1, 400, 240);
    f->now += 50;
    fx_move(f, 1, 250, 240);
    fx_press(f, 2, 600, 300);
    f->now += 50;
    fx_release(f, 1, 250, 240);
    f->now += 50;
    fx_release(f, 2, 600, 300);
    fx_assert_view(f, NAV_TOPIC, 0, 0);
    /* While both are down nothing fires, and state shows no press. */
    fx_press(f, 1, FX_NEXT_X, FX_NEXT_Y);
    fx_press(f, 2, FX_BACK_X, FX_BACK_Y);
    nav_state st;
    nav_state_get(&f->n, f->now, &st);
    assert_false(st.pressed);
    f->now += 50;
    fx_release(f, 2, FX_BACK_X, FX_BACK_Y);
    f->now += 50;
    fx_release(f, 1, FX_NEXT_X, FX_NEXT_Y);   /* the last finger up: still nothing */
    fx_assert_view(f, NAV_TOPIC, 0, 0);
    /* The next clean tap works again. */
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);
    fx_assert_view(f, NAV_TOPIC, 0, 1);
}

static void test_nav_palm_does_nothing(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    /* a palm: many contacts at once, more than can be tracked */
    for (int i = 0; i < NAV_MAX_FINGERS + 3; i++)
        fx_press(f, 100 + i, 300 + 20 * i, 200 + 10 * i);
    f->now += 200;
    for (int i = 0; i < NAV_MAX_FINGERS + 3; i++)
        fx_release(f, 100 + i, 300 + 20 * i, 200 + 10 * i);
    fx_assert_view(f, NAV_TOPIC, 0, 0);
    /* a single contact that jumps half a screen and back */
    fx_press(f, 1, FX_NEXT_X, FX_NEXT_Y);
    f->now += 16;
    fx_move(f, 1, 100, 400);
    f->now += 16;
    fx_move(f, 1, FX_NEXT_X, FX_NEXT_Y);
    f->now += 16;
    fx_release(f, 1, FX_NEXT_X, FX_NEXT_Y);
    fx_assert_view(f, NAV_TOPIC, 0, 0);
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);
    fx_assert_view(f, NAV_TOPIC, 0, 1);
}

static void test_nav_cancel_and_lost_fingers(void **state)
{
    fixture *f = *state;
    /* cancel between press and release: no tap */
    fx_press(f, 1, 400, 240);
    fx_ev(f, NAV_IN_CANCEL, 0, 0, 0);
    fx_release(f, 1, 400, 240);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    /* moves and releases of fingers never pressed: ignored */
    fx_move(f, 9, 10, 10);
    fx_release(f, 9, 10, 10);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    assert_int_equal(f->n.g.nfingers, 0);
    /* a release the driver lost: finger 5 stays "down" forever... */
    fx_press(f, 5, 400, 240);
    f->now += 1000;
    fx_tap(f, 400, 240);                 /* a second finger: nothing */
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    /* ...until it has been silent long enough to be forgotten */
    f->now += NAV_STALE_FINGER_MS;
    fx_tap(f, 400, 240);
    assert_int_equal(f->n.view.mode, NAV_MENU);
    /* the same id pressed twice (lost release, id reused): starts over */
    fx_settle(f);
    fx_press(f, 1, 50, 50);
    f->now += 100;
    fx_tap(f, FX_TILE_X(0), FX_TILE_Y);
    fx_assert_view(f, NAV_TOPIC, 0, 0);
}

static void test_nav_held_finger_does_nothing_and_idles(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    fx_press(f, 1, FX_NEXT_X, FX_NEXT_Y);
    nav_state st;
    nav_state_get(&f->n, f->now, &st);
    assert_true(st.pressed);                    /* feedback under the finger */
    assert_int_equal(st.press_x, FX_NEXT_X);
    assert_int_equal(st.press_y, FX_NEXT_Y);
    /* held too long to tap: the button stops looking pressed then, so the
     * release doing nothing is no surprise */
    assert_int_equal(nav_next_deadline(&f->n), f->now + NAV_TAP_MAX_MS);
    f->now += NAV_TAP_MAX_MS - 1;
    nav_tick(&f->n, f->now);
    nav_state_get(&f->n, f->now, &st);
    assert_true(st.pressed);
    assert_int_equal(fx_wait(f, 1), NAV_OUT_CHANGED);
    nav_state_get(&f->n, f->now, &st);
    assert_false(st.pressed);
    assert_true(nav_next_deadline(&f->n) > f->now);
    f->now += 5000;
    fx_release(f, 1, FX_NEXT_X, FX_NEXT_Y);
    fx_assert_view(f, NAV_TOPIC, 0, 0);
    nav_state_get(&f->n, f->now, &st);
    assert_false(st.pressed);
    /* a finger resting perfectly still sends nothing: the loop still returns */
    fx_press(f, 1, FX_EMPTY_X, FX_EMPTY_Y);
    fx_wait(f, 60000);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    fx_release(f, 1, FX_EMPTY_X, FX_EMPTY_Y);   /* 60 s later: no tap */
    assert_int_equal(f->n.view.mode, NAV_LOOP);
}

static void test_nav_press_feedback_only_when_exploring(void **state)
{
    fixture *f = *state;
    nav_state st;
    fx_press(f, 1, 400, 240);
    nav_state_get(&f->n, f->now, &st);
    assert_false(st.pressed);                   /* nothing to darken on the loop */
    f->now += 50;
    fx_release(f, 1, 400, 240);
    fx_settle(f);
    unsigned c = f->n.changed;
    assert_int_equal(fx_press(f, 1, FX_BACK_X, FX_BACK_Y), NAV_OUT_CHANGED);
    assert_true(f->n.changed != c);
    f->now += 20;
    fx_move(f, 1, FX_BACK_X + 40, FX_BACK_Y);   /* sliding off: no longer a tap */
    nav_state_get(&f->n, f->now, &st);
    assert_false(st.pressed);
    fx_release(f, 1, FX_BACK_X + 40, FX_BACK_Y);
    assert_int_equal(f->n.view.mode, NAV_MENU);
}

static void test_nav_double_tap_during_transition_moves_once(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);
    assert_true(f->n.tr.active);
    f->now += 100;                          /* second tap 180 ms after the first */
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);
    fx_assert_view(f, NAV_TOPIC, 0, 1);
    assert_false(f->n.tr.active);           /* the press finished the slide */
    assert_true(nav_transition_progress(&f->n, f->now) == 1.0f);
    fx_settle(f);
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);        /* a later tap works */
    fx_assert_view(f, NAV_TOPIC, 0, 2);
}

static void test_nav_double_tap_after_short_transition_moves_once(void **state)
{
    fixture *f = *state;
    f->set.transition_ms = 250;
    nav_set_settings(&f->n, &f->set);
    fx_open_topic(f, 0);
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);
    /* the 250 ms slide is over by the second press, but it comes 290 ms
     * after the first tap: the same double tap */
    fx_wait(f, 250);
    assert_false(f->n.tr.active);
    f->now += 40;
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);
    fx_assert_view(f, NAV_TOPIC, 0, 1);
    f->now += NAV_DOUBLE_TAP_MS;
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);
    fx_assert_view(f, NAV_TOPIC, 0, 2);
}

static void test_nav_double_tap_on_loop_opens_only_the_menu(void **state)
{
    fixture *f = *state;
    /* the second tap lands on a tile of the menu that is fading in */
    fx_tap(f, FX_TILE_X(1), FX_TILE_Y);
    f->now += 120;
    fx_tap(f, FX_TILE_X(1), FX_TILE_Y);
    fx_assert_view(f, NAV_MENU, 0, 0);
}

static void test_nav_tap_during_loop_fade_still_opens_menu(void **state)
{
    fixture *f = *state;
    fx_wait(f, 7000);                      /* the loop cross-fades to page 1 */
    assert_true(f->n.tr.active);
    f->now += 100;
    fx_tap(f, 400, 240);
    assert_int_equal(f->n.view.mode, NAV_MENU);
    /* and during the fade of the idle return */
    fx_wait(f, 60000);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    assert_true(f->n.tr.active);
    fx_tap(f, 400, 240);
    assert_int_equal(f->n.view.mode, NAV_MENU);
}

static void test_nav_swipe_during_transition_still_pages(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    fx_drag(f, 400, 240, -150, 0, 150);
    fx_assert_view(f, NAV_TOPIC, 0, 1);
    assert_true(f->n.tr.active);
    fx_drag(f, 400, 240, -150, 0, 150);    /* flicking through: meant */
    fx_assert_view(f, NAV_TOPIC, 0, 2);
}

static void test_nav_staff_long_press(void **state)
{
    fixture *f = *state;
    uint64_t t0 = f->now;
    fx_press(f, 1, 20, 30);
    assert_int_equal(nav_next_deadline(&f->n), t0 + NAV_STAFF_HOLD_MS);
    f->now = t0 + NAV_STAFF_HOLD_MS - 1;
    assert_int_equal(nav_tick(&f->n, f->now) & NAV_OUT_STAFF_REQUEST, 0);
    f->now += 1;
    assert_int_equal(nav_tick(&f->n, f->now), NAV_OUT_STAFF_REQUEST);
    /* once only, and its release does nothing */
    assert_int_equal(fx_wait(f, 5000) & NAV_OUT_STAFF_REQUEST, 0);
    assert_int_equal(fx_release(f, 1, 20, 30) & NAV_OUT_STAFF_REQUEST, 0);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    assert_int_equal(f->n.view.loop, 1);       /* the loop carried on meanwhile */
}

static void test_nav_staff_press_needs_corner_one_finger_and_stillness(void **state)
{
    fixture *f = *state;
    int out = 0;
    /* outside the corner */
    fx_press(f, 1, 100, 100);
    for (int i = 0; i < 40; i++)
        out |= fx_wait(f, 100);
    fx_release(f, 1, 100, 100);
    /* inside, but slides out */
    fx_press(f, 1, 20, 20);
    f->now += 500;
    fx_move(f, 1, 90, 20);
    for (int i = 0; i < 40; i++)
        out |= fx_wait(f, 100);
    fx_release(f, 1, 90, 20);
    /* inside, with a second finger */
    fx_press(f, 1, 20, 20);
    fx_press(f, 2, 400, 300);
    for (int i = 0; i < 40; i++)
        out |= fx_wait(f, 100);
    fx_release(f, 2, 400, 300);
    fx_release(f, 1, 20, 20);
    assert_int_equal(out & NAV_OUT_STAFF_REQUEST, 0);
    /* a wobble inside the corner is still a hold (reported through input too) */
    fx_press(f, 1, 20, 20);
    f->now += 2000;
    fx_move(f, 1, 40, 45);
    f->now += 1000;
    assert_int_equal(fx_move(f, 1, 41, 45) & NAV_OUT_STAFF_REQUEST,
                     NAV_OUT_STAFF_REQUEST);
}

static void test_nav_rotation_drops_fingers_and_rescales(void **state)
{
    fixture *f = *state;
    fx_press(f, 1, 400, 240);
    nav_set_screen(&f->n, 480, 800);
    assert_int_equal(f->n.g.nfingers, 0);
    f->now += 50;
    fx_release(f, 1, 400, 240);            /* from the old mapping: ignored */
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    nav_set_screen(&f->n, 720, 1280);
    assert_int_equal(f->n.g.slop, 24);
}

/* ---- soak ---- */

static void assert_valid(const nav *n)
{
    const nav_view *v = &n->view;
    assert_true(v->mode == NAV_LOOP || v->mode == NAV_MENU || v->mode == NAV_TOPIC);
    assert_true(v->loop >= 0 && v->loop < (n->deck.nloop > 0 ? n->deck.nloop : 1));
    if (v->mode == NAV_TOPIC) {
        assert_true(v->topic >= 0 && v->topic < n->deck.ntopics);
        assert_true(v->page >= 0 && v->page < n->deck.npages[v->topic]);
    }
    if (v->mode == NAV_MENU)
        assert_true(n->deck.ntopics > 0);
    assert_true(n->g.nfingers >= 0 && n->g.nfingers <= NAV_MAX_FINGERS);
    assert_true(n->tr.duration_ms >= 0 && n->tr.duration_ms <= NAV_TRANSITION_MAX_MS);
}

static void test_nav_month_of_loop(void **state)
{
    fixture *f = *state;
    const uint64_t month = 30ull * 24 * 3600 * 1000;
    uint64_t end = f->now + month, steps = 0, pages = 0;
    while (f->now < end) {
        uint64_t d = nav_next_deadline(&f->n);
        assert_true(d != NAV_NEVER);
        assert_true(d > f->now);           /* progress, never a busy loop */
        int before = f->n.view.loop;
        f->now = d;
        assert_int_equal(nav_tick(&f->n, f->now), NAV_OUT_CHANGED);
        if (f->n.view.loop != before)
            pages++;
        steps++;
        assert_valid(&f->n);
        assert_false(f->n.notice);
    }
    /* a page change and a transition end per page, no drift */
    uint64_t expect = month / FX_CYCLE_MS * FX_NLOOP;
    assert_true(pages >= expect && pages <= expect + FX_NLOOP);
    assert_true(steps <= 2 * pages + 2);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint32_t rng(void)
{
    /* xorshift64*: seeded, so a failure replays exactly */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 2685821657736338717ull) >> 32);
}

/* Targets worth hitting: buttons, tiles, corner, anywhere. */
static void random_point(int *x, int *y)
{
    static const int pts[][2] = {
        { FX_NEXT_X, FX_NEXT_Y }, { FX_PREV_X, FX_PREV_Y }, { FX_BACK_X, FX_BACK_Y },
        { FX_HOME_X, FX_HOME_Y }, { FX_TILE_X(0), FX_TILE_Y }, { FX_TILE_X(1), FX_TILE_Y },
        { FX_TILE_X(2), FX_TILE_Y }, { 10, 10 },
    };
    if (rng() % 2) {
        int i = (int)(rng() % (sizeof pts / sizeof pts[0]));
        *x = pts[i][0];
        *y = pts[i][1];
    } else {                              /* anywhere, a little off-screen too */
        *x = (int)(rng() % (FX_W + 40)) - 20;
        *y = (int)(rng() % (FX_H + 40)) - 20;
    }
}

static uint64_t random_wait(void)
{
    switch (rng() % 8) {
    case 0: return rng() % 70000;         /* long enough to idle out */
    case 1: return rng() % 4000;
    default: return rng() % 300;
    }
}

static void random_raw_event(fixture *f)
{
    nav_input_event ev = { 0 };   /* t_ms 0: "now", as an event without a time */
    int64_t fingers[] = { 1, 2, 3, -1, 123456789012345ll };
    ev.finger = fingers[rng() % 5];
    random_point(&ev.x, &ev.y);
    int k = (int)(rng() % 20);
    ev.kind = k < 7 ? NAV_IN_PRESS : k < 13 ? NAV_IN_MOVE : k < 19 ? NAV_IN_RELEASE
        : NAV_IN_CANCEL;
    nav_input(&f->n, &ev, f->now);
}

static int jitter(int r) { return (int)(rng() % (2 * r + 1)) - r; }

/* One random touch: mostly what visitors do (taps, swipes, slow or shaky),
 * and a good share of what they should not (two fingers, palms, stray
 * events without their pair). */
static void random_touch(fixture *f)
{
    int x, y, k = (int)(rng() % 20);
    random_point(&x, &y);
    if (k < 9) {                                   /* a tap, maybe shaky or slow */
        fx_press(f, 1, x, y);
        f->now += rng() % 1800;
        fx_release(f, 1, x + jitter(20), y + jitter(20));
    } else if (k < 12) {                           /* a drag or swipe */
        fx_drag(f, x, y, jitter(400), jitter(150), rng() % 2000);
    } else if (k < 14) {                           /* two fingers, any order */
        int x2, y2;
        random_point(&x2, &y2);
        fx_press(f, 1, x, y);
        f->now += rng() % 200;
        fx_press(f, 2, x2, y2);
        f->now += rng() % 200;
        fx_release(f, rng() % 2 ? 1 : 2, x, y);
        f->now += rng() % 200;
        fx_release(f, 1, x, y);
        fx_release(f, 2, x2, y2);
    } else if (k < 15) {                           /* a palm */
        int n = 3 + (int)(rng() % 12);
        for (int i = 0; i < n; i++)
            fx_press(f, 10 + i, x + jitter(80), y + jitter(80));
        f->now += rng() % 500;
        for (int i = 0; i < n; i++)
            fx_release(f, 10 + i, x, y);
    } else {
        random_raw_event(f);
    }
}

static void test_nav_random_touches_end_valid_without_growth(void **state)
{
    fixture *f = *state;
    int seen[3] = { 0, 0, 0 };
    int words[2] = { 5, 5000 };
    struct mallinfo2 before = mallinfo2();
    for (int i = 0; i < 100000; i++) {
        f->now += random_wait();
        if (rng() % 4 == 0)
            nav_tick(&f->n, f->now);
        random_touch(f);
        if (rng() % 5000 == 0) {           /* now and then, a content swap */
            nav_deck d;
            fx_deck(&d);
            d.ntopics = (int)(rng() % 4);
            d.npages[(int)(rng() % 3)] = (int)(rng() % 3);
            if (rng() % 2) {
                d.nloop = (int)(rng() % 3);
                d.loop_words = words;
            }
            nav_set_deck(&f->n, &d, f->now);
        }
        if (rng() % 7000 == 0)
            nav_set_screen(&f->n, rng() % 2 ? 800 : 480, rng() % 2 ? 480 : 800);
        assert_valid(&f->n);
        uint64_t d = nav_next_deadline(&f->n);
        float p = nav_transition_progress(&f->n, f->now);
        assert_true(p >= 0.0f && p <= 1.0f);
        assert_true(d == NAV_NEVER || d + 60 * 60 * 1000 > f->now);
        seen[f->n.view.mode]++;
    }
    struct mallinfo2 after = mallinfo2();
    assert_int_equal(after.uordblks, before.uordblks);
    print_message("modes seen: loop %d, menu %d, topic %d\n",
                  seen[NAV_LOOP], seen[NAV_MENU], seen[NAV_TOPIC]);
    /* the walk really went everywhere */
    assert_true(seen[NAV_LOOP] > 1000 && seen[NAV_MENU] > 1000 && seen[NAV_TOPIC] > 1000);
    /* and touch still works after all that */
    nav_deck d;
    fx_deck(&d);
    nav_set_deck(&f->n, &d, f->now);
    fx_ev(f, NAV_IN_CANCEL, 0, 0, 0);
    f->now += 100000;
    nav_tick(&f->n, f->now);
    if (f->n.view.mode != NAV_LOOP) {
        f->now += 100000;
        nav_tick(&f->n, f->now);
    }
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    f->now += 1000;
    fx_tap(f, 400, 240);
    assert_int_equal(f->n.view.mode, NAV_MENU);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup(name, fx_setup)
        T(test_nav_gesture_thresholds_follow_screen),
        T(test_nav_tap_within_slop_is_a_tap),
        T(test_nav_drag_between_tap_and_swipe_does_nothing),
        T(test_nav_slow_tap_is_a_tap_held_finger_is_not),
        T(test_nav_swipe_thresholds_and_direction),
        T(test_nav_swipe_on_loop_opens_menu_on_menu_nothing),
        T(test_nav_two_fingers_do_nothing),
        T(test_nav_palm_does_nothing),
        T(test_nav_cancel_and_lost_fingers),
        T(test_nav_held_finger_does_nothing_and_idles),
        T(test_nav_press_feedback_only_when_exploring),
        T(test_nav_double_tap_during_transition_moves_once),
        T(test_nav_double_tap_after_short_transition_moves_once),
        T(test_nav_double_tap_on_loop_opens_only_the_menu),
        T(test_nav_tap_during_loop_fade_still_opens_menu),
        T(test_nav_swipe_during_transition_still_pages),
        T(test_nav_staff_long_press),
        T(test_nav_staff_press_needs_corner_one_finger_and_stillness),
        T(test_nav_rotation_drops_fingers_and_rescales),
        T(test_nav_month_of_loop),
        T(test_nav_random_touches_end_valid_without_growth),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
