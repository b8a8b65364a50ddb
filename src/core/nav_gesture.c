/* nav_gesture.c — turns finger presses, moves and releases into taps, swipes
 * and the staff long press; everything odd (more fingers, jumps, holds) into
 * nothing. Rules in nav.h. */
#include "nav.h"

#include <stdlib.h>
#include <string.h>

static int shorter_side(int w, int h)
{
    int s = w < h ? w : h;
    return s > 0 ? s : 1;
}

static int at_least_1(int v) { return v > 0 ? v : 1; }

void nav_gesture_init(nav_gesture *g, int w, int h)
{
    int s = shorter_side(w, h);
    memset(g, 0, sizeof *g);
    g->slop = at_least_1(s / NAV_TAP_SLOP_DIV);
    g->swipe = at_least_1(s / NAV_SWIPE_DIV);
    g->jump = at_least_1(s / NAV_JUMP_DIV);
    g->corner = at_least_1(s / NAV_STAFF_CORNER_DIV);
}

/* A new sequence starts when the first finger lands. */
static void sequence_reset(nav_gesture *g)
{
    g->spoiled = 0;
    g->far = 0;
    g->consumed = 0;
    g->staff_fired = 0;
}

static int find(const nav_gesture *g, int64_t id)
{
    for (int i = 0; i < g->nfingers; i++)
        if (g->finger[i].id == id)
            return i;
    return -1;
}

static void drop(nav_gesture *g, int i)
{
    g->finger[i] = g->finger[g->nfingers - 1];
    g->nfingers--;
}

/* A release the driver never sent must not block touch forever. */
static void drop_stale(nav_gesture *g, uint64_t now)
{
    for (int i = g->nfingers - 1; i >= 0; i--)
        if (g->finger[i].last_ms + NAV_STALE_FINGER_MS <= now)
            drop(g, i);
}

void nav_gesture_press(nav_gesture *g, const nav_input_event *ev, uint64_t now)
{
    int i = find(g, ev->finger);
    if (i >= 0)            /* pressed again without a release: start it over */
        drop(g, i);
    drop_stale(g, now);
    if (g->nfingers == 0)
        sequence_reset(g);
    else
        g->spoiled = 1;    /* a second finger: nothing fires this sequence */
    if (g->nfingers == NAV_MAX_FINGERS)
        return;            /* untracked; the sequence is spoiled anyway */
    nav_finger *f = &g->finger[g->nfingers++];
    f->id = ev->finger;
    f->x0 = f->x = ev->x;
    f->y0 = f->y = ev->y;
    f->t0 = f->last_ms = now;
}

void nav_gesture_move(nav_gesture *g, const nav_input_event *ev, uint64_t now)
{
    int i = find(g, ev->finger);
    if (i < 0)
        return;
    nav_finger *f = &g->finger[i];
    if (abs(ev->x - f->x) > g->jump || abs(ev->y - f->y) > g->jump)
        g->spoiled = 1;
    f->x = ev->x;
    f->y = ev->y;
    f->last_ms = now;
    if (abs(f->x - f->x0) >= g->slop || abs(f->y - f->y0) >= g->slop)
        g->far = 1;
}

static nav_gesture_kind classify(const nav_gesture *g, const nav_finger *f,
                                 uint64_t now)
{
    uint64_t held = now >= f->t0 ? now - f->t0 : 0;
    int dx = f->x - f->x0, dy = f->y - f->y0;
    if (g->spoiled)
        return NAV_GEST_NONE;
    if (!g->far)
        return held < NAV_TAP_MAX_MS ? NAV_GEST_TAP : NAV_GEST_NONE;
    if (held >= NAV_SWIPE_MAX_MS || abs(dx) < g->swipe || abs(dx) < 2 * abs(dy))
        return NAV_GEST_NONE;
    return dx < 0 ? NAV_GEST_SWIPE_LEFT : NAV_GEST_SWIPE_RIGHT;
}

nav_gesture_result nav_gesture_release(nav_gesture *g, const nav_input_event *ev,
                                       uint64_t now)
{
    nav_gesture_result r = { NAV_GEST_NONE, 0, 0, 0, 0 };
    int i = find(g, ev->finger);
    if (i < 0)
        return r;
    /* The release point counts as a last move (some drivers send none). */
    nav_gesture_move(g, ev, now);
    nav_finger f = g->finger[i];
    drop(g, i);
    if (g->nfingers > 0)
        return r;          /* fingers left: this sequence had two, so nothing */
    r.kind = classify(g, &f, now);
    r.x = f.x0;
    r.y = f.y0;
    r.t0 = f.t0;
    r.consumed = g->consumed;
    return r;
}

void nav_gesture_cancel(nav_gesture *g)
{
    g->nfingers = 0;
    g->spoiled = 1;
}

static int in_corner(const nav_gesture *g, int x, int y)
{
    return x >= 0 && y >= 0 && x < g->corner && y < g->corner;
}

static const nav_finger *staff_candidate(const nav_gesture *g)
{
    if (g->nfingers != 1 || g->spoiled || g->staff_fired)
        return NULL;
    const nav_finger *f = &g->finger[0];
    if (!in_corner(g, f->x0, f->y0) || !in_corner(g, f->x, f->y))
        return NULL;
    return f;
}

uint64_t nav_gesture_staff_deadline(const nav_gesture *g)
{
    const nav_finger *f = staff_candidate(g);
    return f ? f->t0 + NAV_STAFF_HOLD_MS : NAV_NEVER;
}

int nav_gesture_staff_due(nav_gesture *g, uint64_t now)
{
    if (nav_gesture_staff_deadline(g) > now)
        return 0;
    g->staff_fired = 1;
    g->spoiled = 1;        /* its release must do nothing */
    return 1;
}

int nav_gesture_pressing(const nav_gesture *g, int *x, int *y)
{
    if (g->nfingers != 1 || g->spoiled || g->far)
        return 0;
    *x = g->finger[0].x0;
    *y = g->finger[0].y0;
    return 1;
}

uint64_t nav_gesture_tap_deadline(const nav_gesture *g)
{
    int x, y;
    if (!nav_gesture_pressing(g, &x, &y))
        return NAV_NEVER;
    return g->finger[0].t0 + NAV_TAP_MAX_MS;
}
