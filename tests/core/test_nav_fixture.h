/* test_nav_fixture.h — a synthetic deck, hand-built screens with buttons, a
 * fake clock and finger helpers shared by the nav tests. No parser, no real
 * layout: screens are a few boxes placed by hand. */
#ifndef TEST_NAV_FIXTURE_H
#define TEST_NAV_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "nav.h"

/* 800x480: shorter side 480, so tap slop 16, swipe 60, jump 240, corner 68. */
#define FX_W 800
#define FX_H 480
#define FX_T0 1000000u   /* the fake clock does not start at 0: no hidden zero cases */

/* Loop: 10 words (3.75 s -> floor 7 s), 100 (37.5 s -> ceiling 20 s),
 * 30 (11.25 s), 1000 (ceiling), 0 (floor). */
static const int fx_loop_words[] = { 10, 100, 30, 1000, 0 };
#define FX_NLOOP 5
#define FX_CYCLE_MS (7000 + 20000 + 11250 + 20000 + 7000)

typedef struct fixture {
    nav n;
    uint64_t now;
    content_settings set;
    nav_deck deck;
    layout_screen menu, topic;
} fixture;

static inline void fx_box(layout_screen *sc, int x, int y, int w, int h,
                   layout_action act, int arg)
{
    layout_box *b = &sc->box[sc->nbox++];
    memset(b, 0, sizeof *b);
    b->kind = BOX_RECT;
    b->x = x; b->y = y; b->w = w; b->h = h;
    b->action = act;
    b->arg = arg;
}

/* Where the buttons are on the hand-made screens. */
#define FX_BACK_X 170
#define FX_BACK_Y 40
#define FX_HOME_X 330
#define FX_HOME_Y 40
#define FX_PREV_X 50
#define FX_PREV_Y 250
#define FX_NEXT_X 750
#define FX_NEXT_Y 250
#define FX_TILE_X(t) (200 + (t) * 220)
#define FX_TILE_Y 225
#define FX_EMPTY_X 400     /* body text: no action */
#define FX_EMPTY_Y 420

static inline void fx_screens(fixture *f)
{
    memset(&f->menu, 0, sizeof f->menu);
    memset(&f->topic, 0, sizeof f->topic);
    layout_screen *sc = &f->menu;
    sc->w = FX_W; sc->h = FX_H;
    fx_box(sc, 0, 0, FX_W, FX_H, ACT_NONE, 0);             /* ground */
    fx_box(sc, 100, 10, 140, 60, ACT_BACK, 0);
    fx_box(sc, 260, 10, 140, 60, ACT_HOME, 0);
    for (int t = 0; t < 3; t++)
        fx_box(sc, 100 + t * 220, 150, 200, 150, ACT_TOPIC, t);
    sc = &f->topic;
    sc->w = FX_W; sc->h = FX_H;
    fx_box(sc, 0, 0, FX_W, FX_H, ACT_NONE, 0);
    fx_box(sc, 100, 10, 140, 60, ACT_BACK, 0);
    fx_box(sc, 260, 10, 140, 60, ACT_HOME, 0);
    fx_box(sc, 0, 150, 100, 200, ACT_PREV, 0);
    fx_box(sc, 700, 150, 100, 200, ACT_NEXT, 0);
}

/* Top-most box with an action, as layout_hit promises; over whichever
 * screen the nav says is showing. */
static inline layout_action fx_hit(void *ctx, int x, int y, int *arg)
{
    fixture *f = ctx;
    const layout_screen *sc = f->n.view.mode == NAV_MENU ? &f->menu : &f->topic;
    for (int i = sc->nbox - 1; i >= 0; i--) {
        const layout_box *b = &sc->box[i];
        if (b->action != ACT_NONE && x >= b->x && x < b->x + b->w
            && y >= b->y && y < b->y + b->h) {
            *arg = b->arg;
            return b->action;
        }
    }
    return ACT_NONE;
}

static inline void fx_settings(content_settings *s)
{
    memset(s, 0, sizeof *s);
    s->idle_timeout_s = 60;
    s->idle_notice_s = 8;
    s->loop_min_s = 7;
    s->loop_max_s = 20;
    s->words_per_minute = 160;
    s->transition_ms = 320;
}

static inline void fx_deck(nav_deck *d)
{
    memset(d, 0, sizeof *d);
    d->nloop = FX_NLOOP;
    d->loop_words = fx_loop_words;
    d->ntopics = 3;
    d->npages[0] = 3;
    d->npages[1] = 1;
    d->npages[2] = 2;
}

static inline fixture *fx_new(void)
{
    static fixture f;
    memset(&f, 0, sizeof f);
    f.now = FX_T0;
    fx_settings(&f.set);
    fx_deck(&f.deck);
    fx_screens(&f);
    nav_init(&f.n, &f.set, &f.deck, FX_W, FX_H, f.now);
    nav_set_hit(&f.n, fx_hit, &f);
    return &f;
}

static inline int fx_setup(void **state)
{
    *state = fx_new();
    return 0;
}

/* An event that happened at t, read by the loop at f->now (later, when the
 * loop was busy). */
static inline int fx_ev_at(fixture *f, nav_input_kind k, int64_t id, int x, int y,
                           uint64_t t)
{
    nav_input_event ev = { k, id, x, y, t };
    return nav_input(&f->n, &ev, f->now);
}

static inline int fx_ev(fixture *f, nav_input_kind k, int64_t id, int x, int y)
{
    return fx_ev_at(f, k, id, x, y, f->now);
}

static inline int fx_press(fixture *f, int64_t id, int x, int y)
{ return fx_ev(f, NAV_IN_PRESS, id, x, y); }
static inline int fx_move(fixture *f, int64_t id, int x, int y)
{ return fx_ev(f, NAV_IN_MOVE, id, x, y); }
static inline int fx_release(fixture *f, int64_t id, int x, int y)
{ return fx_ev(f, NAV_IN_RELEASE, id, x, y); }

static inline int fx_wait(fixture *f, uint64_t ms)
{
    f->now += ms;
    return nav_tick(&f->n, f->now);
}

/* An ordinary tap: 80 ms, still finger. */
static inline int fx_tap(fixture *f, int x, int y)
{
    int out = fx_press(f, 1, x, y);
    f->now += 80;
    return out | fx_release(f, 1, x, y);
}

/* A tap that must not navigate: same view after, no transition started.
 * (Its press may still bump `changed`: the button darkens under the finger.) */
static inline void fx_tap_nothing(fixture *f, int x, int y)
{
    nav_view before = f->n.view;
    uint64_t tr_start = f->n.tr.start_ms;
    fx_tap(f, x, y);
    assert_int_equal(f->n.view.mode, before.mode);
    assert_int_equal(f->n.view.loop, before.loop);
    assert_int_equal(f->n.view.topic, before.topic);
    assert_int_equal(f->n.view.page, before.page);
    assert_true(f->n.tr.start_ms == tr_start);
}

/* Lets any transition finish, then waits a little more (past double-tap time). */
static inline void fx_settle(fixture *f)
{
    fx_wait(f, 500);
}

/* A drag of one finger by dx, dy in a few steps over ms milliseconds. */
static inline int fx_drag(fixture *f, int x, int y, int dx, int dy, uint64_t ms)
{
    int out = fx_press(f, 1, x, y);
    for (int i = 1; i <= 4; i++) {
        f->now += ms / 5;
        out |= fx_move(f, 1, x + dx * i / 4, y + dy * i / 4);
    }
    f->now += ms / 5;
    return out | fx_release(f, 1, x + dx, y + dy);
}

static inline void fx_assert_view(const fixture *f, nav_mode mode, int topic, int page)
{
    assert_int_equal(f->n.view.mode, mode);
    if (mode == NAV_TOPIC) {
        assert_int_equal(f->n.view.topic, topic);
        assert_int_equal(f->n.view.page, page);
    }
}

/* Menu -> topic t page 0, settled. */
static inline void fx_open_topic(fixture *f, int t)
{
    fx_tap(f, 400, 240);           /* loop -> menu */
    fx_settle(f);
    fx_tap(f, FX_TILE_X(t), FX_TILE_Y);
    fx_settle(f);
    fx_assert_view(f, NAV_TOPIC, t, 0);
}

#endif
