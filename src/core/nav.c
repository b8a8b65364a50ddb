/* nav.c — the navigation state machine: which screen shows, for how long,
 * what a tap or swipe does there, idle return and transitions. Rules in nav.h. */
#include "nav.h"

#include <string.h>

/* Fallbacks for settings outside their documented ranges. The parser refuses
 * such values, but nav must stay sane if handed zeroes (a test, a bad build). */
#define NAV_DEFAULT_IDLE_S 60
#define NAV_DEFAULT_WPM 160
#define NAV_DEFAULT_LOOP_MIN_S 7
#define NAV_LONGEST_WAIT_S 86400
/* The parser's top for [kiosk] more_time: a day at most bounds it anyway. */
#define NAV_MAX_MORE_TIME 10

static int clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

void nav_set_settings(nav *n, const content_settings *s)
{
    /* A day bounds every wait so that seconds * 1000 fits an int. */
    int idle_s = s->idle_timeout_s > 0 ? s->idle_timeout_s : NAV_DEFAULT_IDLE_S;
    int min_s = s->loop_min_s > 0 ? s->loop_min_s : NAV_DEFAULT_LOOP_MIN_S;
    idle_s = clampi(idle_s, 1, NAV_LONGEST_WAIT_S);
    min_s = clampi(min_s, 1, NAV_LONGEST_WAIT_S);
    int max_s = clampi(s->loop_max_s, min_s, NAV_LONGEST_WAIT_S);
    n->idle_ms = idle_s * 1000;
    n->notice_ms = clampi(s->idle_notice_s, 0, idle_s) * 1000;
    n->loop_min_ms = min_s * 1000;
    n->loop_max_ms = max_s * 1000;
    n->wpm = s->words_per_minute > 0 ? s->words_per_minute : NAV_DEFAULT_WPM;
    n->reduce_motion = s->reduce_motion != 0;
    n->more_time = clampi(s->more_time, 1, NAV_MAX_MORE_TIME);
    n->loop_all = s->loop_languages == LOOP_LANGS_ALL;
    if (!n->loop_all)
        n->loop_lang = 0;
    n->transition_ms = n->reduce_motion ? NAV_TRANSITION_MIN_MS
        : clampi(s->transition_ms, NAV_TRANSITION_MIN_MS, NAV_TRANSITION_MAX_MS);
}

int nav_loop_page_ms(const nav *n, int i)
{
    int words = 0;
    if (n->deck.loop_words && i >= 0 && i < n->deck.nloop)
        words = n->deck.loop_words[i];
    if (words <= 0)
        return n->loop_min_ms;
    /* 64-bit: a paste of a million words must clamp, not overflow. */
    int64_t ms = (int64_t)words * 60000 / n->wpm;
    if (ms < n->loop_min_ms)
        return n->loop_min_ms;
    if (ms > n->loop_max_ms)
        return n->loop_max_ms;
    return (int)ms;
}

void nav_set_hit(nav *n, nav_hit_fn hit, void *ctx)
{
    n->hit = hit;
    n->hit_ctx = ctx;
}

void nav_hit_shows(nav *n, nav_view v)
{
    n->hit_view = v;
    n->hit_view_known = 1;
}

void nav_set_screen(nav *n, int w, int h)
{
    nav_gesture_init(&n->g, w, h);
    n->pressed = 0;
    n->changed++;
}

static int topic_ok(const nav *n, int t)
{
    return t >= 0 && t < n->deck.ntopics && n->deck.npages[t] > 0;
}

/* The contents screen listing topic page p's entry: where Back goes. */
static int contents_of(const nav *n, int t, int p)
{
    const int *of = n->deck.contents_of[t];
    if (!of || p < 0 || p >= n->deck.npages[t])
        return 0;
    return clampi(of[p], 0, n->deck.ncontents[t] - 1);
}

/* Keeps the view inside the deck: a vanished topic goes to the menu, and the
 * menu without topics to the loop. */
static void view_clamp(const nav *n, nav_view *v)
{
    if (n->deck.nloop <= 0)
        v->loop = 0;
    else if (v->loop < 0 || v->loop >= n->deck.nloop)
        v->loop = 0;
    if (nav_mode_in_topic(v->mode) && !topic_ok(n, v->topic))
        v->mode = NAV_MENU;
    if (v->mode == NAV_CONTENTS && n->deck.ncontents[v->topic] <= 0) {
        v->mode = NAV_TOPIC;   /* no contents now: the topic's first page */
        v->page = 0;
    }
    if (v->mode == NAV_CONTENTS)
        v->page = clampi(v->page, 0, n->deck.ncontents[v->topic] - 1);
    if (v->mode == NAV_TOPIC)
        v->page = clampi(v->page, 0, n->deck.npages[v->topic] - 1);
    if (v->mode == NAV_MENU && n->deck.ntopics <= 0)
        v->mode = NAV_LOOP;
    if (!nav_mode_in_topic(v->mode))
        v->topic = v->page = 0;
}

void nav_set_deck(nav *n, const nav_deck *d, uint64_t now)
{
    n->deck = *d;
    n->deck.nloop = d->nloop > 0 ? d->nloop : 0;
    n->deck.nlangs = d->nlangs > 1 ? d->nlangs : 1;
    if (n->lang >= n->deck.nlangs)
        n->lang = 0;
    if (n->loop_lang >= n->deck.nlangs)
        n->loop_lang = 0;
    n->deck.ntopics = clampi(d->ntopics, 0, KIOSK_MAX_TOPICS);
    for (int t = 0; t < n->deck.ntopics; t++)
        n->deck.ncontents[t] = d->ncontents[t] > 0 ? d->ncontents[t] : 0;
    nav_view before = n->view;
    view_clamp(n, &n->view);
    n->tr.active = 0;
    /* The loop page may hold other words now: give it its own time afresh. */
    if (n->view.mode == NAV_LOOP && before.mode != NAV_LOOP)
        n->notice = 0;
    if (n->view.mode == NAV_LOOP)
        n->loop_until = now + (uint64_t)nav_loop_page_ms(n, n->view.loop);
    n->changed++;
}

void nav_init(nav *n, const content_settings *s, const nav_deck *d,
              int w, int h, uint64_t now)
{
    memset(n, 0, sizeof *n);
    nav_set_settings(n, s);
    nav_gesture_init(&n->g, w, h);
    n->view.mode = NAV_LOOP;
    n->last_input = now;
    n->clock = now;
    nav_set_deck(n, d, now);
}

static int view_same(const nav_view *a, const nav_view *b)
{
    return nav_view_same(*a, *b);
}

/* The language on screen: the loop's own on the loop, else the visitor's. */
static int shown_lang(const nav *n)
{
    return n->view.mode == NAV_LOOP ? n->loop_lang : n->lang;
}

/* Shows `to`, with a transition from what shows now, which is in language
 * from_lang (the loop's last page before its language moved on). Returns
 * 1 if it moved: to another screen, or to the same in another language. */
static int go_from(nav *n, nav_view to, nav_motion motion, uint64_t now, int from_lang)
{
    int to_lang = to.mode == NAV_LOOP || n->view.mode == NAV_LOOP ? n->loop_lang : n->lang;
    if (view_same(&n->view, &to) && to_lang == from_lang)
        return 0;
    n->tr.active = 1;
    n->tr.from = n->view;
    n->tr.from_lang = from_lang;
    n->tr.from_large = n->large;
    n->tr.from_notice = n->notice;
    n->tr.to = to;
    n->tr.motion = n->reduce_motion ? NAV_MOTION_FADE : motion;
    n->tr.start_ms = now;
    n->tr.duration_ms = n->transition_ms;
    n->tr_by_touch = 0;        /* on_tap / on_swipe say otherwise */
    if (n->view.mode == NAV_LOOP && to.mode != NAV_LOOP)
        n->lang = n->loop_lang;   /* a visitor goes on in the language they saw */
    n->view = to;
    n->notice = 0;
    if (to.mode == NAV_LOOP) {
        n->loop_until = now + (uint64_t)nav_loop_page_ms(n, to.loop);
        n->lang = n->large = n->extended = 0;   /* the next visitor's defaults */
    }
    n->changed++;
    return 1;
}

static int go(nav *n, nav_view to, nav_motion motion, uint64_t now)
{
    return go_from(n, to, motion, now, shown_lang(n));
}

static int go_mode(nav *n, nav_mode mode, int topic, int page, nav_motion motion,
                   uint64_t now)
{
    nav_view v = n->view;
    v.mode = mode;
    v.topic = topic;
    v.page = page;
    return go(n, v, motion, now);
}

static int go_loop_from(nav *n, int loop, uint64_t now, int from_lang)
{
    nav_view v = n->view;
    v.mode = NAV_LOOP;
    v.loop = n->deck.nloop > 0 ? loop % n->deck.nloop : 0;
    v.topic = v.page = 0;
    return go_from(n, v, NAV_MOTION_FADE, now, from_lang);
}

static int go_loop(nav *n, int loop, uint64_t now)
{
    return go_loop_from(n, loop, now, shown_lang(n));
}

static uint64_t transition_end(const nav *n)
{
    return n->tr.start_ms + (uint64_t)n->tr.duration_ms;
}

static uint64_t idle_return_at(const nav *n)
{
    return n->last_input + (uint64_t)n->idle_ms * (uint64_t)(n->extended ? n->more_time : 1);
}

static uint64_t notice_at(const nav *n)
{
    return idle_return_at(n) - (uint64_t)n->notice_ms;
}

static int exploring(const nav *n)
{
    return n->view.mode != NAV_LOOP;
}

static int tick_transition(nav *n, uint64_t now)
{
    if (!n->tr.active || now < transition_end(n))
        return 0;
    n->tr.active = 0;
    n->changed++;
    return NAV_OUT_CHANGED;
}

/* Languages the loop goes through: all of them with [loop] languages = all. */
static int loop_langs(const nav *n)
{
    return n->loop_all ? n->deck.nlangs : 1;
}

/* The loop shows something else in time: another page or language. */
static int loop_moves(const nav *n)
{
    return n->view.mode == NAV_LOOP && n->deck.nloop >= 1
        && (n->deck.nloop >= 2 || loop_langs(n) >= 2);
}

static int tick_loop(nav *n, uint64_t now)
{
    if (!loop_moves(n) || now < n->loop_until)
        return 0;
    /* One page on, timed from now: after a long sleep or a clock jump the
     * loop simply carries on instead of racing through missed pages. After
     * its last page, its first in the next language, faded into like any
     * page (one page: the same page in the next language). */
    int next = n->view.loop + 1, from_lang = n->loop_lang;
    if (next >= n->deck.nloop) {
        next = 0;
        n->loop_lang = (n->loop_lang + 1) % loop_langs(n);
    }
    go_loop_from(n, next, now, from_lang);
    return NAV_OUT_CHANGED;
}

int nav_go_loop(nav *n, uint64_t now)
{
    if (!exploring(n))
        return 0;
    go_loop(n, n->view.loop + 1, now);   /* from the screen with its notice */
    n->notice = 0;
    return NAV_OUT_CHANGED;
}

static int tick_idle(nav *n, uint64_t now)
{
    if (!exploring(n))
        return 0;
    if (now >= idle_return_at(n))
        return nav_go_loop(n, now);
    if (n->notice_ms > 0 && !n->notice && now >= notice_at(n)) {
        n->notice = 1;
        n->changed++;
        return NAV_OUT_CHANGED;
    }
    return 0;
}

static int feedback(nav *n, uint64_t now);

int nav_tick(nav *n, uint64_t now)
{
    if (now < n->clock)
        now = n->clock;   /* a tick after an event never goes back before it */
    n->clock = now;
    int out = tick_transition(n, now);
    if (nav_gesture_staff_due(&n->g, now))
        out |= NAV_OUT_STAFF_REQUEST;
    out |= tick_loop(n, now);
    out |= tick_idle(n, now);
    out |= feedback(n, now);
    return out;
}

/* Screens in the current mode: a topic's pages, or its contents screens. */
static int screens_here(const nav *n)
{
    const nav_view *v = &n->view;
    if (v->mode == NAV_TOPIC)
        return n->deck.npages[v->topic];
    if (v->mode == NAV_CONTENTS)
        return n->deck.ncontents[v->topic];
    return 0;
}

/* One step back: a page to the contents listing its entry (the menu when
 * the topic has none), the contents to the menu, the menu to the loop. */
static int back(nav *n, uint64_t now)
{
    const nav_view *v = &n->view;
    if (v->mode == NAV_TOPIC && n->deck.ncontents[v->topic] > 0)
        return go_mode(n, NAV_CONTENTS, v->topic, contents_of(n, v->topic, v->page),
                       NAV_MOTION_SLIDE_RIGHT, now);
    if (nav_mode_in_topic(v->mode))
        return go_mode(n, NAV_MENU, 0, 0, NAV_MOTION_SLIDE_RIGHT, now);
    return go_loop(n, v->loop, now);   /* the page they left, not the next */
}

/* The screen stays; what it shows changes at once (no transition): the
 * platform lays it out again in the new language or size. */
static int visitor_choice(nav *n, layout_action act)
{
    if (act == ACT_LANGUAGE) {
        if (n->deck.nlangs < 2)
            return 0;
        n->lang = (n->lang + 1) % n->deck.nlangs;
    } else if (act == ACT_LARGE_TEXT) {
        n->large = !n->large;
    } else {
        n->extended = 1;
    }
    n->changed++;
    return 1;
}

static int tap_action(nav *n, layout_action act, int arg, uint64_t now)
{
    const nav_view *v = &n->view;
    int here = screens_here(n);
    switch (act) {
    case ACT_TOPIC:
        if (v->mode != NAV_MENU || !topic_ok(n, arg))
            return 0;
        return go_mode(n, n->deck.ncontents[arg] > 0 ? NAV_CONTENTS : NAV_TOPIC, arg, 0,
                       NAV_MOTION_SLIDE_LEFT, now);
    case ACT_ENTRY:
        if (v->mode != NAV_CONTENTS || arg < 0 || arg >= n->deck.npages[v->topic])
            return 0;
        return go_mode(n, NAV_TOPIC, v->topic, arg, NAV_MOTION_SLIDE_LEFT, now);
    case ACT_PREV:
        if (!here || v->page <= 0)
            return 0;
        return go_mode(n, v->mode, v->topic, v->page - 1, NAV_MOTION_SLIDE_RIGHT, now);
    case ACT_NEXT:
        if (!here || v->page >= here - 1)
            return 0;
        return go_mode(n, v->mode, v->topic, v->page + 1, NAV_MOTION_SLIDE_LEFT, now);
    case ACT_BACK:
        return back(n, now);
    case ACT_LANGUAGE:
    case ACT_LARGE_TEXT:
    case ACT_MORE_TIME:
        return visitor_choice(n, act);
    case ACT_HOME:
    case ACT_OPEN_MENU:
        return go_mode(n, NAV_MENU, 0, 0, NAV_MOTION_SLIDE_RIGHT, now);
    case ACT_NONE:
    default:
        return 0;
    }
}

static int on_tap(nav *n, const nav_gesture_result *r, uint64_t now)
{
    if (r->consumed)
        return 0;
    if (n->has_nav_tap && r->t0 < n->nav_tap_ms + NAV_DOUBLE_TAP_MS)
        return 0;
    int moved;
    if (n->view.mode == NAV_LOOP) {
        moved = n->deck.ntopics > 0
            && go_mode(n, NAV_MENU, 0, 0, NAV_MOTION_FADE, now);
    } else if (n->hit_view_known && !view_same(&n->hit_view, &n->view)) {
        moved = 0;   /* aimed at a screen nav has left, still on display */
    } else {
        int arg = 0;
        layout_action act = n->hit ? n->hit(n->hit_ctx, r->x, r->y, &arg) : ACT_NONE;
        moved = tap_action(n, act, arg, now);
    }
    if (moved) {
        n->has_nav_tap = 1;
        n->nav_tap_ms = now;
        n->tr_by_touch = 1;
    }
    return moved ? NAV_OUT_CHANGED : 0;
}

static int swipe_action(nav *n, int left, uint64_t now)
{
    if (n->view.mode == NAV_LOOP) {
        if (n->deck.ntopics <= 0)
            return 0;
        return go_mode(n, NAV_MENU, 0, 0, NAV_MOTION_FADE, now) ? NAV_OUT_CHANGED : 0;
    }
    if (!nav_mode_in_topic(n->view.mode))
        return 0;
    return tap_action(n, left ? ACT_NEXT : ACT_PREV, 0, now) ? NAV_OUT_CHANGED : 0;
}

static int on_swipe(nav *n, int left, uint64_t now)
{
    int out = swipe_action(n, left, now);
    if (out)
        n->tr_by_touch = 1;
    return out;
}

static int on_gesture(nav *n, const nav_gesture_result *r, uint64_t now)
{
    switch (r->kind) {
    case NAV_GEST_TAP: return on_tap(n, r, now);
    case NAV_GEST_SWIPE_LEFT: return on_swipe(n, 1, now);
    case NAV_GEST_SWIPE_RIGHT: return on_swipe(n, 0, now);
    case NAV_GEST_NONE:
    default: return 0;
    }
}

/* A press during a transition lands on a moving target: jump to where it was
 * going. If a touch started it, this is the second half of a double tap: let
 * no tap come of it. */
static int press(nav *n, const nav_input_event *ev, uint64_t now)
{
    int out = 0;
    int was_moving = n->tr.active;
    int swallow = was_moving && n->tr_by_touch;
    if (was_moving) {
        n->tr.active = 0;
        n->changed++;
        out = NAV_OUT_CHANGED;
    }
    nav_gesture_press(&n->g, ev, now);
    if (swallow)
        n->g.consumed = 1;
    return out;
}

/* Press feedback is visible only where a tap can hit a button, and only
 * while lifting the finger would still tap it: a button that stayed dark
 * through a long press and then did nothing would puzzle a slow presser. */
static int feedback(nav *n, uint64_t now)
{
    int x, y;
    int p = exploring(n) && nav_gesture_pressing(&n->g, &x, &y) && !n->g.consumed
        && now < nav_gesture_tap_deadline(&n->g);
    if (p == n->pressed)
        return 0;
    n->pressed = p;
    n->changed++;
    return NAV_OUT_CHANGED;
}

/* When ev happened, kept between what nav already applied and now. */
static uint64_t event_time(const nav *n, const nav_input_event *ev, uint64_t now)
{
    uint64_t t = ev->t_ms;
    if (t == 0 || t > now)
        t = now;
    if (now - t > NAV_INPUT_MAX_LATE_MS)
        t = now - NAV_INPUT_MAX_LATE_MS;
    return t < n->clock ? n->clock : t;
}

/* The notice goes when the touch ends: until then the tap may still land
 * on its More time button. */
static int notice_off(nav *n)
{
    if (!n->notice || n->g.nfingers > 0)
        return 0;
    n->notice = 0;
    n->changed++;
    return NAV_OUT_CHANGED;
}

int nav_input(nav *n, const nav_input_event *ev, uint64_t now)
{
    /* Everything happens at the event's time: the touch counts before any
     * idle return or loop page that fell due after it landed (the visitor
     * touched the screen still showing, not the loop behind it), and its
     * gesture is timed by the finger, not by a busy loop. */
    now = event_time(n, ev, now);
    n->last_input = now;
    int out = nav_tick(n, now);
    switch (ev->kind) {
    case NAV_IN_PRESS:
        out |= press(n, ev, now);
        break;
    case NAV_IN_MOVE:
        nav_gesture_move(&n->g, ev, now);
        break;
    case NAV_IN_RELEASE: {
        nav_gesture_result r = nav_gesture_release(&n->g, ev, now);
        out |= feedback(n, now);
        out |= on_gesture(n, &r, now);
        break;
    }
    case NAV_IN_CANCEL:
    default:
        nav_gesture_cancel(&n->g);
        break;
    }
    return out | notice_off(n) | feedback(n, now);
}

uint64_t nav_next_deadline(const nav *n)
{
    uint64_t t = nav_gesture_staff_deadline(&n->g);
    if (n->pressed && nav_gesture_tap_deadline(&n->g) < t)
        t = nav_gesture_tap_deadline(&n->g);
    if (n->tr.active && transition_end(n) < t)
        t = transition_end(n);
    if (loop_moves(n) && n->loop_until < t)
        t = n->loop_until;
    if (exploring(n)) {
        if (idle_return_at(n) < t)
            t = idle_return_at(n);
        if (n->notice_ms > 0 && !n->notice && notice_at(n) < t)
            t = notice_at(n);
    }
    return t;
}

int nav_animating(const nav *n, uint64_t now)
{
    return n->tr.active && now < transition_end(n);
}

void nav_state_get(const nav *n, uint64_t now, nav_state *out)
{
    memset(out, 0, sizeof *out);
    out->view = n->view;
    out->tr = n->tr;
    out->progress = nav_transition_progress(n, now);
    out->notice = n->notice;
    out->lang = n->view.mode == NAV_LOOP ? n->loop_lang : n->lang;
    out->large = n->large;
    out->extended = n->extended;
    out->pressed = n->pressed;
    if (n->pressed)
        nav_gesture_pressing(&n->g, &out->press_x, &out->press_y);
    out->changed = n->changed;
}

int nav_view_same(nav_view a, nav_view b)
{
    if (a.mode != b.mode)
        return 0;
    if (a.mode == NAV_LOOP)
        return a.loop == b.loop;
    if (nav_mode_in_topic(a.mode))
        return a.topic == b.topic && a.page == b.page;
    return 1;   /* one menu */
}
