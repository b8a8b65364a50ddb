/* test_nav.c — the navigation state machine with a fake clock: loop timing,
 * every navigation path, idle notice and return, transitions, deadlines and
 * content swaps. Gestures and odd input are in test_nav_input.c. */
#include "test_nav_fixture.h"

/* ---- loop ---- */

static void test_nav_loop_page_times_clamped(void **state)
{
    fixture *f = *state;
    assert_int_equal(nav_loop_page_ms(&f->n, 0), 7000);   /* short card: floor */
    assert_int_equal(nav_loop_page_ms(&f->n, 1), 20000);  /* long card: ceiling */
    assert_int_equal(nav_loop_page_ms(&f->n, 2), 11250);  /* 30 words at 160 wpm */
    assert_int_equal(nav_loop_page_ms(&f->n, 3), 20000);
    assert_int_equal(nav_loop_page_ms(&f->n, 4), 7000);   /* no words: floor */
    assert_int_equal(nav_loop_page_ms(&f->n, 99), 7000);  /* out of range: floor */
}

static void test_nav_loop_cycles_on_time(void **state)
{
    fixture *f = *state;
    static const int ms[FX_NLOOP] = { 7000, 20000, 11250, 20000, 7000 };
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    assert_int_equal(f->n.view.loop, 0);
    assert_false(f->n.tr.active);   /* the first screen appears without motion */
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < FX_NLOOP; i++) {
            assert_int_equal(f->n.view.loop, i);
            uint64_t shown = f->now;
            if (f->n.tr.active) {
                /* a transition end comes first */
                assert_int_equal(nav_next_deadline(&f->n), shown + 320);
                assert_int_equal(fx_wait(f, 320), NAV_OUT_CHANGED);
            }
            assert_int_equal(nav_next_deadline(&f->n), shown + ms[i]);
            f->now = shown + ms[i] - 1;
            assert_int_equal(nav_tick(&f->n, f->now), 0);
            assert_int_equal(f->n.view.loop, i);
            assert_int_equal(fx_wait(f, 1), NAV_OUT_CHANGED);
            assert_int_equal(f->n.view.loop, (i + 1) % FX_NLOOP);
            assert_true(f->n.tr.active);
            assert_int_equal(f->n.tr.motion, NAV_MOTION_FADE);
            assert_int_equal(f->n.tr.from.loop, i);
        }
    }
}

static void test_nav_loop_late_tick_moves_one_page(void **state)
{
    fixture *f = *state;
    /* The main loop slept an hour (suspend, clock jump): one page on, not 500. */
    fx_wait(f, 3600 * 1000);
    assert_int_equal(f->n.view.loop, 1);
    assert_int_equal(nav_next_deadline(&f->n), f->now + 320);
    fx_wait(f, 320);
    assert_int_equal(nav_next_deadline(&f->n), f->now - 320 + 20000);
}

static void test_nav_loop_of_one_or_none_never_wakes(void **state)
{
    fixture *f = *state;
    int words[1] = { 50 };
    nav_deck d = f->deck;
    d.nloop = 1;
    d.loop_words = words;
    nav_set_deck(&f->n, &d, f->now);
    assert_int_equal(nav_next_deadline(&f->n), NAV_NEVER);
    fx_wait(f, 100000);
    assert_int_equal(f->n.view.loop, 0);
    d.nloop = 0;
    d.loop_words = NULL;
    nav_set_deck(&f->n, &d, f->now);
    assert_int_equal(nav_next_deadline(&f->n), NAV_NEVER);
    fx_tap(f, 400, 240);            /* topics remain: the menu still opens */
    assert_int_equal(f->n.view.mode, NAV_MENU);
}

/* ---- every navigation path ---- */

static void test_nav_loop_tap_opens_menu(void **state)
{
    fixture *f = *state;
    fx_wait(f, 7000);
    fx_settle(f);
    assert_int_equal(f->n.view.loop, 1);
    assert_int_equal(fx_tap(f, 20, 400) & NAV_OUT_CHANGED, NAV_OUT_CHANGED);
    fx_assert_view(f, NAV_MENU, 0, 0);
    assert_int_equal(f->n.tr.motion, NAV_MOTION_FADE);
    assert_int_equal(f->n.tr.from.mode, NAV_LOOP);
    assert_int_equal(f->n.tr.from.loop, 1);
}

static void test_nav_topic_paths(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    assert_int_equal(f->n.tr.motion, NAV_MOTION_SLIDE_LEFT);
    /* Prev on the first page: nothing. */
    fx_tap_nothing(f, FX_PREV_X, FX_PREV_Y);
    fx_assert_view(f, NAV_TOPIC, 0, 0);
    fx_settle(f);
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);
    fx_assert_view(f, NAV_TOPIC, 0, 1);
    assert_int_equal(f->n.tr.motion, NAV_MOTION_SLIDE_LEFT);
    fx_settle(f);
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);
    fx_settle(f);
    fx_assert_view(f, NAV_TOPIC, 0, 2);
    /* Next on the last page: nothing, no wrap. */
    fx_tap_nothing(f, FX_NEXT_X, FX_NEXT_Y);
    fx_settle(f);
    fx_tap(f, FX_PREV_X, FX_PREV_Y);
    fx_assert_view(f, NAV_TOPIC, 0, 1);
    assert_int_equal(f->n.tr.motion, NAV_MOTION_SLIDE_RIGHT);
    fx_settle(f);
    /* Tap on body text: nothing. */
    fx_tap_nothing(f, FX_EMPTY_X, FX_EMPTY_Y);
    fx_assert_view(f, NAV_TOPIC, 0, 1);
    fx_settle(f);
    /* Back: topic -> menu. */
    fx_tap(f, FX_BACK_X, FX_BACK_Y);
    fx_assert_view(f, NAV_MENU, 0, 0);
    assert_int_equal(f->n.tr.motion, NAV_MOTION_SLIDE_RIGHT);
    assert_int_equal(f->n.tr.from.mode, NAV_TOPIC);
    fx_settle(f);
    /* Another tile, then Home: -> menu. */
    fx_tap(f, FX_TILE_X(2), FX_TILE_Y);
    fx_assert_view(f, NAV_TOPIC, 2, 0);
    fx_settle(f);
    fx_tap(f, FX_HOME_X, FX_HOME_Y);
    fx_assert_view(f, NAV_MENU, 0, 0);
    fx_settle(f);
    /* Home on the menu: already home, nothing. */
    fx_tap_nothing(f, FX_HOME_X, FX_HOME_Y);
    fx_assert_view(f, NAV_MENU, 0, 0);
    /* A one-page topic: both Prev and Next do nothing. */
    fx_tap(f, FX_TILE_X(1), FX_TILE_Y);
    fx_settle(f);
    fx_assert_view(f, NAV_TOPIC, 1, 0);
    fx_tap_nothing(f, FX_NEXT_X, FX_NEXT_Y);
    fx_settle(f);
    fx_tap_nothing(f, FX_PREV_X, FX_PREV_Y);
    fx_assert_view(f, NAV_TOPIC, 1, 0);
}

static void test_nav_back_from_menu_resumes_the_same_loop_page(void **state)
{
    fixture *f = *state;
    fx_wait(f, 7000);
    fx_wait(f, 20000);
    fx_settle(f);
    assert_int_equal(f->n.view.loop, 2);
    fx_tap(f, 400, 240);
    fx_settle(f);
    fx_tap(f, FX_BACK_X, FX_BACK_Y);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    assert_int_equal(f->n.view.loop, 2);
    assert_int_equal(f->n.tr.motion, NAV_MOTION_FADE);
    /* and page 2 gets its full time again */
    assert_int_equal(nav_next_deadline(&f->n), f->n.tr.start_ms + 320);
    fx_settle(f);
    assert_int_equal(nav_next_deadline(&f->n), f->n.tr.start_ms + 11250);
}

static void test_nav_tile_of_empty_topic_does_nothing(void **state)
{
    fixture *f = *state;
    nav_deck d = f->deck;
    d.npages[1] = 0;           /* a topic with errors: no pages */
    nav_set_deck(&f->n, &d, f->now);
    fx_tap(f, 400, 240);
    fx_settle(f);
    fx_tap_nothing(f, FX_TILE_X(1), FX_TILE_Y);
    fx_assert_view(f, NAV_MENU, 0, 0);
}

static void test_nav_no_hit_callback_is_harmless(void **state)
{
    fixture *f = *state;
    nav_set_hit(&f->n, NULL, NULL);
    fx_tap(f, 400, 240);
    fx_settle(f);
    fx_tap_nothing(f, FX_TILE_X(0), FX_TILE_Y);
    fx_assert_view(f, NAV_MENU, 0, 0);
}

static void test_nav_no_topics_loop_tap_does_nothing(void **state)
{
    fixture *f = *state;
    nav_deck d = f->deck;
    d.ntopics = 0;
    nav_set_deck(&f->n, &d, f->now);
    fx_tap_nothing(f, 400, 240);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
}

/* ---- idle ---- */

static void test_nav_idle_notice_then_return_to_next_loop_page(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);
    uint64_t last = f->now;           /* the release was the last input */
    fx_settle(f);
    assert_int_equal(nav_next_deadline(&f->n), last + 52000);
    f->now = last + 51999;
    assert_int_equal(nav_tick(&f->n, f->now), 0);
    assert_false(f->n.notice);
    assert_int_equal(fx_wait(f, 1), NAV_OUT_CHANGED);
    assert_true(f->n.notice);
    nav_state st;
    nav_state_get(&f->n, f->now, &st);
    assert_true(st.notice);
    fx_assert_view(f, NAV_TOPIC, 0, 1);
    assert_int_equal(nav_next_deadline(&f->n), last + 60000);
    f->now = last + 59999;
    assert_int_equal(nav_tick(&f->n, f->now), 0);
    assert_int_equal(fx_wait(f, 1), NAV_OUT_CHANGED);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    assert_int_equal(f->n.view.loop, 1);  /* left at page 0: resumes at the next */
    assert_false(f->n.notice);
    assert_int_equal(f->n.tr.motion, NAV_MOTION_FADE);
    assert_int_equal(f->n.tr.from.mode, NAV_TOPIC);
}

static void test_nav_idle_notice_cancelled_by_any_touch(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    fx_wait(f, 55000);
    assert_true(f->n.notice);
    /* A finger resting and moving a little: no gesture, but it is a touch.
     * The notice stays while the finger is down (a tap may still land on
     * its More time button) and goes when it lifts. */
    fx_press(f, 1, FX_EMPTY_X, FX_EMPTY_Y);
    assert_true(f->n.notice);
    uint64_t t = f->now;
    /* first the press feedback ends (held too long for a tap), then idle */
    assert_int_equal(nav_next_deadline(&f->n), t + NAV_TAP_MAX_MS);
    fx_wait(f, NAV_TAP_MAX_MS);
    assert_int_equal(nav_next_deadline(&f->n), t + 60000);
    f->now += 3000 - NAV_TAP_MAX_MS;
    assert_int_equal(fx_release(f, 1, FX_EMPTY_X, FX_EMPTY_Y) & NAV_OUT_CHANGED,
                     NAV_OUT_CHANGED);
    assert_false(f->n.notice);
    assert_int_equal(nav_next_deadline(&f->n), f->now + 52000);
    fx_wait(f, 59000);
    fx_assert_view(f, NAV_TOPIC, 0, 0);    /* still reading */
}

static void test_nav_idle_notice_tap_still_works(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    fx_wait(f, 55000);
    assert_true(f->n.notice);
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);
    assert_false(f->n.notice);
    fx_assert_view(f, NAV_TOPIC, 0, 1);
}

static void test_nav_touch_at_the_idle_deadline_wins(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    uint64_t last = f->now - 500;          /* the tile tap's release */
    /* the main loop has not ticked yet when the press arrives exactly on time */
    f->now = last + 60000;
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);
    fx_assert_view(f, NAV_TOPIC, 0, 1);
}

static void test_nav_idle_from_menu(void **state)
{
    fixture *f = *state;
    fx_tap(f, 400, 240);
    fx_wait(f, 60000);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    assert_int_equal(f->n.view.loop, 1);
}

static void test_nav_loop_has_no_idle(void **state)
{
    fixture *f = *state;
    fx_wait(f, 53000);
    assert_false(f->n.notice);
}

static void test_nav_idle_notice_zero_means_no_notice(void **state)
{
    fixture *f = *state;
    f->set.idle_notice_s = 0;
    nav_set_settings(&f->n, &f->set);
    fx_tap(f, 400, 240);
    uint64_t t = f->now;
    fx_settle(f);
    assert_int_equal(nav_next_deadline(&f->n), t + 60000);
    fx_wait(f, 59000);
    assert_false(f->n.notice);
}

/* ---- sent back by the platform (three wrong staff PINs) ---- */

static void test_nav_go_loop_from_a_topic(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 0);
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);
    fx_settle(f);
    fx_wait(f, 53000);
    assert_true(f->n.notice);
    unsigned changed = f->n.changed;
    assert_int_equal(nav_go_loop(&f->n, f->now), NAV_OUT_CHANGED);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    assert_int_equal(f->n.view.loop, 1);   /* the next page, as the idle return */
    assert_false(f->n.notice);
    assert_true(f->n.changed != changed);
    assert_true(f->n.tr.active);
    assert_int_equal(f->n.tr.motion, NAV_MOTION_FADE);
    assert_int_equal(f->n.tr.from.mode, NAV_TOPIC);
    assert_int_equal(f->n.tr.from.page, 1);
    /* the loop runs on from there, with no idle deadline left behind */
    fx_wait(f, 320);
    assert_int_equal(nav_next_deadline(&f->n), f->now - 320 + 20000);
    fx_wait(f, 60000);
    assert_int_equal(f->n.view.loop, 2);
}

static void test_nav_go_loop_from_the_menu(void **state)
{
    fixture *f = *state;
    fx_tap(f, 400, 240);
    fx_settle(f);
    assert_int_equal(nav_go_loop(&f->n, f->now), NAV_OUT_CHANGED);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    assert_int_equal(f->n.view.loop, 1);
}

static void test_nav_go_loop_on_the_loop_does_nothing(void **state)
{
    fixture *f = *state;
    unsigned changed = f->n.changed;
    uint64_t deadline = nav_next_deadline(&f->n);
    assert_int_equal(nav_go_loop(&f->n, f->now + 100), 0);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    assert_int_equal(f->n.view.loop, 0);
    assert_false(f->n.tr.active);
    assert_int_equal(f->n.changed, changed);
    assert_int_equal(nav_next_deadline(&f->n), deadline);   /* its page time stays */
}

/* ---- transitions ---- */

static void test_nav_transition_eases_out(void **state)
{
    fixture *f = *state;
    assert_true(nav_ease_out(0.0f) == 0.0f);
    assert_true(nav_ease_out(1.0f) == 1.0f);
    assert_true(nav_ease_out(-3.0f) == 0.0f);
    assert_true(nav_ease_out(7.0f) == 1.0f);
    float prev = 0.0f;
    for (int i = 1; i <= 100; i++) {
        float t = (float)i / 100.0f, e = nav_ease_out(t);
        assert_true(e >= prev);        /* never goes back */
        assert_true(e >= t - 1e-6f);   /* ease-out: ahead of linear */
        prev = e;
    }
    fx_tap(f, 400, 240);
    uint64_t s = f->n.tr.start_ms;
    assert_int_equal(f->n.tr.duration_ms, 320);
    assert_true(nav_animating(&f->n, s));
    assert_true(nav_transition_progress(&f->n, s) == 0.0f);
    float half = nav_transition_progress(&f->n, s + 160);
    assert_true(half > 0.874f && half < 0.876f);   /* 1 - 0.5^3 */
    assert_true(nav_animating(&f->n, s + 319));
    assert_false(nav_animating(&f->n, s + 320));
    assert_true(nav_transition_progress(&f->n, s + 320) == 1.0f);
    nav_state st;
    nav_state_get(&f->n, s + 160, &st);
    assert_true(st.tr.active);
    assert_true(st.progress == half);
    unsigned c = f->n.changed;
    f->now = s + 320;
    assert_int_equal(nav_tick(&f->n, f->now), NAV_OUT_CHANGED);
    assert_false(f->n.tr.active);
    assert_int_equal(f->n.changed, c + 1);    /* the final frame is drawn */
    assert_true(nav_transition_progress(&f->n, f->now) == 1.0f);
}

static void test_nav_transition_duration_clamped(void **state)
{
    fixture *f = *state;
    f->set.transition_ms = 100;
    nav_set_settings(&f->n, &f->set);
    fx_tap(f, 400, 240);
    assert_int_equal(f->n.tr.duration_ms, NAV_TRANSITION_MIN_MS);
    fx_settle(f);
    f->set.transition_ms = 5000;
    nav_set_settings(&f->n, &f->set);
    fx_tap(f, FX_TILE_X(0), FX_TILE_Y);
    assert_int_equal(f->n.tr.duration_ms, NAV_TRANSITION_MAX_MS);
}

static void test_nav_reduce_motion_fades_quickly(void **state)
{
    fixture *f = *state;
    f->set.reduce_motion = 1;
    nav_set_settings(&f->n, &f->set);
    fx_open_topic(f, 0);
    assert_int_equal(f->n.tr.motion, NAV_MOTION_FADE);
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);
    assert_int_equal(f->n.tr.motion, NAV_MOTION_FADE);
    assert_int_equal(f->n.tr.duration_ms, NAV_TRANSITION_MIN_MS);
    fx_settle(f);
    fx_drag(f, 400, 240, 150, 0, 200);      /* swipe right: prev, still a fade */
    fx_assert_view(f, NAV_TOPIC, 0, 0);
    assert_int_equal(f->n.tr.motion, NAV_MOTION_FADE);
}

/* ---- deadlines ---- */

static void test_nav_next_deadline_is_the_earliest(void **state)
{
    fixture *f = *state;
    /* loop, still: its page end */
    assert_int_equal(nav_next_deadline(&f->n), FX_T0 + 7000);
    /* a finger in the staff corner: its 3 s come first */
    fx_press(f, 1, 10, 10);
    assert_int_equal(nav_next_deadline(&f->n), f->now + NAV_STAFF_HOLD_MS);
    f->now += 100;
    fx_release(f, 1, 10, 10);       /* a tap: opens the menu */
    assert_int_equal(f->n.view.mode, NAV_MENU);
    uint64_t t = f->now;
    assert_int_equal(nav_next_deadline(&f->n), t + 320);   /* transition end */
    fx_wait(f, 320);
    assert_int_equal(nav_next_deadline(&f->n), t + 52000); /* notice */
    fx_wait(f, 51680);
    assert_int_equal(nav_next_deadline(&f->n), t + 60000); /* idle return */
    /* Waiting deadline to deadline reaches the loop with nothing skipped. */
    while (f->n.view.mode != NAV_LOOP) {
        uint64_t d = nav_next_deadline(&f->n);
        assert_true(d != NAV_NEVER);
        assert_true(d >= f->now);
        f->now = d;
        nav_tick(&f->n, f->now);
    }
    assert_int_equal(f->now, t + 60000);
    /* A deadline never lies in the past after a tick. */
    assert_true(nav_next_deadline(&f->n) > f->now);
}

/* ---- content swap ---- */

static void test_nav_set_deck_keeps_state_valid(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 2);
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);
    fx_settle(f);
    fx_assert_view(f, NAV_TOPIC, 2, 1);
    /* topic 2 shrinks to one page: clamped */
    nav_deck d = f->deck;
    d.npages[2] = 1;
    nav_set_deck(&f->n, &d, f->now);
    fx_assert_view(f, NAV_TOPIC, 2, 0);
    /* topic 2 vanishes: menu */
    d.ntopics = 2;
    nav_set_deck(&f->n, &d, f->now);
    fx_assert_view(f, NAV_MENU, 0, 0);
    /* no topics at all: loop */
    d.ntopics = 0;
    nav_set_deck(&f->n, &d, f->now);
    assert_int_equal(f->n.view.mode, NAV_LOOP);
    assert_false(f->n.tr.active);
    /* loop index beyond a shorter loop: clamped */
    f->n.view.loop = 4;
    d.nloop = 2;
    nav_set_deck(&f->n, &d, f->now);
    assert_true(f->n.view.loop >= 0 && f->n.view.loop < 2);
    /* a transition in flight ends (its `from` may be gone) */
    fx_deck(&d);
    nav_set_deck(&f->n, &d, f->now);
    fx_tap(f, 400, 240);
    assert_true(f->n.tr.active);
    unsigned c = f->n.changed;
    nav_set_deck(&f->n, &d, f->now);
    assert_false(f->n.tr.active);
    assert_true(f->n.changed != c);
    /* absurd counts are clamped */
    d.ntopics = 1000;
    nav_set_deck(&f->n, &d, f->now);
    assert_int_equal(f->n.deck.ntopics, KIOSK_MAX_TOPICS);
}

static void test_nav_move_topic_follows_the_file(void **state)
{
    fixture *f = *state;
    fx_open_topic(f, 2);
    fx_tap(f, FX_NEXT_X, FX_NEXT_Y);
    fx_settle(f);
    fx_assert_view(f, NAV_TOPIC, 2, 1);
    /* a topic added before it: the same file is now topic 3, same page */
    nav_deck d = f->deck;
    d.ntopics = 4;
    d.npages[3] = d.npages[2];
    nav_move_topic(&f->n, 3);
    nav_set_deck(&f->n, &d, f->now);
    fx_assert_view(f, NAV_TOPIC, 3, 1);
    /* deleted: the menu, not whichever topic took its place */
    nav_move_topic(&f->n, -1);
    nav_set_deck(&f->n, &d, f->now);
    fx_assert_view(f, NAV_MENU, 0, 0);
    /* in the menu or the loop it changes nothing */
    nav_move_topic(&f->n, 1);
    fx_assert_view(f, NAV_MENU, 0, 0);
}

static void test_nav_deck_from_layout(void **state)
{
    (void)state;
    content_card cards0[2], cards1[1];
    memset(cards0, 0, sizeof cards0);
    memset(cards1, 0, sizeof cards1);
    cards0[0].words = 90;
    cards0[1].words = 7;
    cards1[0].words = 41;
    content_topic topics[2];
    memset(topics, 0, sizeof topics);
    topics[0].cards = cards0; topics[0].ncards = 2;
    topics[1].cards = cards1; topics[1].ncards = 1;
    content_snapshot s;
    memset(&s, 0, sizeof s);
    s.topics = topics;
    s.ntopics = 2;
    /* card 0 of topic 0 is long: three pages */
    /* Pages without a word count fall back to the card's words split over
     * its parts; the last page says how many words it shows (a teaser). */
    layout_page loop[5] = {
        { .topic = 0, .card = 0, .part = 0, .nparts = 3 },
        { .topic = 0, .card = 0, .part = 1, .nparts = 3 },
        { .topic = 0, .card = 0, .part = 2, .nparts = 3 },
        { .topic = 0, .card = 1, .part = 0, .nparts = 1 },
        { .topic = 1, .card = 0, .part = 0, .nparts = 1, .words = 12 },
    };
    layout_topic_pages tp[2] = { { .page = loop, .npages = 4 }, { .page = loop + 4, .npages = 1 } };
    layout_deck ld = { .w = 800, .h = 480, .loop = loop, .nloop = 5, .topic = tp };
    int words[5];
    nav_deck d;
    nav_deck_from_layout(&d, &ld, &s, words);
    assert_int_equal(d.nloop, 5);
    assert_ptr_equal(d.loop_words, words);
    assert_int_equal(words[0], 30);
    assert_int_equal(words[2], 30);
    assert_int_equal(words[3], 7);
    assert_int_equal(words[4], 12);
    assert_int_equal(d.ntopics, 2);
    assert_int_equal(d.npages[0], 4);
    assert_int_equal(d.npages[1], 1);
}

static void test_nav_fixed_size_no_allocation(void **state)
{
    (void)state;
    /* By design: the whole state is this struct, nav.c calls no allocator.
     * The soak in test_nav_input.c checks the heap does not grow. */
    assert_true(sizeof(nav) < 4096);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup(name, fx_setup)
        T(test_nav_loop_page_times_clamped),
        T(test_nav_loop_cycles_on_time),
        T(test_nav_loop_late_tick_moves_one_page),
        T(test_nav_loop_of_one_or_none_never_wakes),
        T(test_nav_loop_tap_opens_menu),
        T(test_nav_topic_paths),
        T(test_nav_back_from_menu_resumes_the_same_loop_page),
        T(test_nav_tile_of_empty_topic_does_nothing),
        T(test_nav_no_hit_callback_is_harmless),
        T(test_nav_no_topics_loop_tap_does_nothing),
        T(test_nav_idle_notice_then_return_to_next_loop_page),
        T(test_nav_idle_notice_cancelled_by_any_touch),
        T(test_nav_idle_notice_tap_still_works),
        T(test_nav_touch_at_the_idle_deadline_wins),
        T(test_nav_idle_from_menu),
        T(test_nav_loop_has_no_idle),
        T(test_nav_idle_notice_zero_means_no_notice),
        T(test_nav_go_loop_from_a_topic),
        T(test_nav_go_loop_from_the_menu),
        T(test_nav_go_loop_on_the_loop_does_nothing),
        T(test_nav_transition_eases_out),
        T(test_nav_transition_duration_clamped),
        T(test_nav_reduce_motion_fades_quickly),
        T(test_nav_next_deadline_is_the_earliest),
        T(test_nav_set_deck_keeps_state_valid),
        T(test_nav_move_topic_follows_the_file),
        T(test_nav_deck_from_layout),
        T(test_nav_fixed_size_no_allocation),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
