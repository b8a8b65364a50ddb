/* nav.h — the navigation state machine: attract loop, menu, topic pages, idle
 * return, transitions and touch gestures, driven by plain events and an
 * explicit clock.
 *
 * Time: every call takes `now`, milliseconds on a monotonic clock the caller
 * reads (SDL_GetTicks64 in the platform layer); nav never reads a clock, so
 * tests drive it with a fake one. An input event also carries when the finger
 * did it (t_ms): a busy loop may get to it a while later, and nav applies it
 * at that earlier time, so what the visitor did is judged by when they did
 * it, not by when the loop was free. Tap or long press, swipe speed, the
 * double-tap window, the staff hold and the idle clock all run on event
 * times; deadlines that fell due after the finger landed (idle return, loop
 * page) come after the touch, so a tap on the idle notice that landed before
 * the timeout cancels it however late it is read. Times are clamped: never
 * before what nav already applied, never after now, never more than
 * NAV_INPUT_MAX_LATE_MS late (a stamp that old is wrong).
 *
 * Memory: nav never allocates. Its whole state is the fixed-size `nav` struct
 * below (the caller places it where it likes, usually static); a kiosk that
 * runs for years cannot leak through it.
 *
 * Screens: LOOP(loop page) cycles the attract loop; a tap or swipe anywhere on
 * it opens MENU (the topic tiles). MENU, CONTENTS(topic, contents screen) and
 * TOPIC(topic, page) hit-test taps through a callback on the screen the
 * caller currently shows:
 *   ACT_TOPIC      menu -> that topic's first contents screen, or its first
 *                  page when it has no contents
 *   ACT_ENTRY      contents -> topic page arg (the entry's first page)
 *   ACT_PREV/NEXT  previous/next page of the topic, or contents screen of the
 *                  contents; no wrap: nothing at the ends
 *   ACT_BACK       one step: topic -> its contents (the screen listing the
 *                  page's entry), or the menu when it has none; contents ->
 *                  menu; menu -> loop (the loop page the visitor left)
 *   ACT_LANGUAGE   the next language (wrapping), the same screen: no
 *                  transition, the whole screen changes at once
 *   ACT_LARGE_TEXT large text on or off, the same screen at once
 *   ACT_MORE_TIME  (the idle notice's button) this visitor's wait until the
 *                  loop is more_time times idle_timeout from now on
 *   ACT_HOME       -> menu. "Home" of an explorer is the menu of topics, not the
 *                  loop: the loop is for people who are not touching. Same
 *                  for ACT_OPEN_MENU.
 *   elsewhere      nothing
 * Swipes page a topic or its contents (finger to the left = next); on the
 * loop a swipe opens the menu like a tap; on the menu a swipe does nothing.
 *
 * Visitor's choices: language (an index into content_snapshot.langs), large
 * text and more time belong to one visitor: they go back to the default
 * language, normal text and the normal wait whenever the loop returns.
 *
 * The loop's languages: with [loop] languages = all (loop_all) the loop
 * shows its whole round of pages in the default language, then the whole
 * round in the next language, and so on through deck.nlangs, wrapping (with
 * one loop page, that page in each language in turn, each for its time);
 * each change of language is a cross-fade, like any step of the loop.
 * The loop keeps this round of its own: a visitor leaving does not reset
 * it. A touch on the loop starts the visitor in the language it shows (a
 * Spanish speaker who stopped at a Spanish card reads on in Spanish; the
 * language button still switches, and the menu needs no new layout at the
 * touch). nav_state.lang is the language on screen: the loop's on the
 * loop, the visitor's elsewhere.
 *
 * Idle: idle_timeout_s after the last input event (press, move or release) in
 * MENU or TOPIC, the loop returns at the page after the one the visitor left.
 * idle_notice_s before that, state.notice is raised so the renderer shows the
 * banner. Any input restarts the wait; the notice goes when the touch ends
 * (so the tap is hit-tested on the screen with the notice and its More time
 * button, the screen the visitor saw); the touch that did so still works
 * normally (a tap on Next is a tap on Next), which is the
 * least surprising rule. A finger held perfectly still sends no events, so it
 * does not keep the kiosk out of the loop forever (a stuck touch cannot).
 *
 * Gestures (decided when the last finger lifts, never mid-drag):
 *   tap    one finger, never moved NAV_TAP_SLOP_DIV-th of the shorter screen
 *          side from where it landed, lifted within NAV_TAP_MAX_MS. It acts
 *          where it landed.
 *   swipe  one finger, lifted within NAV_SWIPE_MAX_MS at least 1/NAV_SWIPE_DIV
 *          of the shorter side left or right of where it landed, at least
 *          twice as far sideways as up or down.
 *   Anything else does nothing: a held finger, a drag between the two
 *   thresholds, any touch sequence during which two or more fingers were down
 *   at once (palm, two hands), a report that jumps half a screen at once.
 *   Staff: one finger held NAV_STAFF_HOLD_MS inside the top-left square
 *   (1/NAV_STAFF_CORNER_DIV of the shorter side) reports NAV_OUT_STAFF_REQUEST
 *   once; nothing else happens (the staff view is the platform's business).
 *
 * Double taps: a press while a transition runs finishes that transition at
 * once (the screen jumps to where it was going). If a touch started that
 * transition, a tap from the press does nothing; so does a tap landing within
 * NAV_DOUBLE_TAP_MS of a tap that navigated. (A transition nav started by
 * itself, a loop cross-fade or the idle return, does not swallow the tap: a
 * visitor touching the loop mid-fade still gets the menu.) So a double tap on Next moves one page, and a double tap on the
 * loop opens the menu without also opening the tile under the second tap.
 * Swipes are not debounced: a quick second swipe is meant.
 *
 * Transitions: every screen change starts one, of transition_ms clamped to
 * NAV_TRANSITION_MIN_MS..NAV_TRANSITION_MAX_MS, eased out. Slides follow the
 * direction of travel: deeper/next slides left (the new screen comes in from
 * the right), back/previous slides right. Changes to or from the loop fade.
 * reduce_motion makes every transition a fade of NAV_TRANSITION_MIN_MS.
 *
 * Main loop contract: call nav_input for each event (all that are queued,
 * before ticking: an event read after a tick cannot go before it) and
 * nav_tick when nav_next_deadline has come; render when state.changed differs from the last
 * frame drawn, and at the display's refresh rate only while nav_animating.
 * Otherwise sleep until the next event or nav_next_deadline. */
#ifndef KIOSK_NAV_H
#define KIOSK_NAV_H

#include <stdint.h>

#include "content.h"
#include "layout.h"
#include "kiosk_limits.h"

/* Tuning of touch and motion. These bound what a visitor's finger must do,
 * not what staff write, so they live here beside the code that uses them. */

/* Fingers tracked at once: ten fingers; a palm reports a few contacts. Any
 * beyond this only spoil the gesture, as a second finger does. */
#define NAV_MAX_FINGERS 10
/* Tap slop: 1/30 of the shorter side (16 px on 800x480, 24 on 720x1280), a
 * little over a finger tremor, well under the gap between two buttons. */
#define NAV_TAP_SLOP_DIV 30
/* A press held longer than this is resting, not tapping. Generous: an older
 * visitor presses slowly. */
#define NAV_TAP_MAX_MS 1500
/* Swipe: 1/8 of the shorter side (60 px on 800x480): a deliberate drag, far
 * past any slip of a tap. */
#define NAV_SWIPE_DIV 8
#define NAV_SWIPE_MAX_MS 1500
/* A single report moving more than half the shorter side is not a finger
 * (panels merge a palm into one contact that jumps). */
#define NAV_JUMP_DIV 2
/* Staff corner: a square of 1/7 of the shorter side, a touch target's size,
 * held 3 s: no visitor does that by accident, staff find it easily. */
#define NAV_STAFF_CORNER_DIV 7
#define NAV_STAFF_HOLD_MS 3000
/* Second tap of a double tap lands within 300 ms of the first. */
#define NAV_DOUBLE_TAP_MS 300
/* A finger silent this long when another lands was lost (a release the
 * driver never sent); it is forgotten so touch keeps working for years. */
#define NAV_STALE_FINGER_MS 30000
/* The latest an input event is believed: a loop stalled this long (a Pi 3
 * busy with a reload, a slow frame) is already a fault; an older stamp is a
 * clock gone wrong and counts as now. */
#define NAV_INPUT_MAX_LATE_MS 5000
/* Transition length bounds from the design (250-400 ms, DESIGN.md). */
#define NAV_TRANSITION_MIN_MS 250
#define NAV_TRANSITION_MAX_MS 400

/* "Nothing will change by itself." */
#define NAV_NEVER UINT64_MAX

/* NAV_CONTENTS lies between the menu and a topic's pages (a topic with a
 * contents screen, layout_topic_has_contents). */
typedef enum nav_mode { NAV_LOOP, NAV_MENU, NAV_TOPIC, NAV_CONTENTS } nav_mode;

/* The modes inside a topic: its pages and its contents screens. */
static inline int nav_mode_in_topic(nav_mode m)
{
    return m == NAV_TOPIC || m == NAV_CONTENTS;
}

/* What one screen shows. loop is kept in every mode: it is where the loop
 * resumes. topic/page matter in NAV_TOPIC and NAV_CONTENTS only. */
typedef struct nav_view {
    nav_mode mode;
    int loop;                  /* index into layout_deck.loop */
    int topic, page;           /* NAV_TOPIC: index into layout_deck.topic, page in
                                  it; NAV_CONTENTS: the topic, its contents screen */
} nav_view;

/* The same screen: mode and, where they matter, loop page or topic and page. */
int nav_view_same(nav_view a, nav_view b);

typedef enum nav_motion {
    NAV_MOTION_FADE,           /* cross-fade from -> to */
    NAV_MOTION_SLIDE_LEFT,     /* from leaves to the left, to comes in from the right */
    NAV_MOTION_SLIDE_RIGHT     /* from leaves to the right, to comes in from the left */
} nav_motion;

typedef struct nav_transition {
    int active;
    nav_view from, to;         /* to == the current view */
    /* How from shows (nav_state.lang, .large and .notice say it for to):
     * its language (the loop's change of language fades from one to the
     * other), text size, and the idle notice over it. */
    int from_lang, from_large, from_notice;
    nav_motion motion;
    uint64_t start_ms;
    int duration_ms;
} nav_transition;

/* The counts nav needs from a layout_deck. */
typedef struct nav_deck {
    int nloop;                 /* loop pages */
    const int *loop_words;     /* [nloop] words each loop page shows, or NULL
                                  (all pages then show loop_min_s). Read until
                                  the next nav_set_deck: the caller keeps it. */
    int ntopics;               /* <= KIOSK_MAX_TOPICS */
    int npages[KIOSK_MAX_TOPICS];
    int ncontents[KIOSK_MAX_TOPICS];    /* contents screens; 0: opens on page 0 */
    /* [npages[t]]: the contents screen listing each page's entry, where Back
     * goes (NULL: the first). Read until the next nav_set_deck, like
     * loop_words: it points into the layout deck. */
    const int *contents_of[KIOSK_MAX_TOPICS];
    int nlangs;                /* languages of the content (0 or 1: one) */
} nav_deck;

/* Input, already translated by the platform layer: positions in screen px
 * after the rotation mapping. The mouse is one more finger. */
typedef enum nav_input_kind {
    NAV_IN_PRESS, NAV_IN_MOVE, NAV_IN_RELEASE,
    NAV_IN_CANCEL              /* the touch stream was lost (focus gone): drop every finger */
} nav_input_kind;

typedef struct nav_input_event {
    nav_input_kind kind;
    int64_t finger;            /* SDL_FingerID, or any fixed id for the mouse */
    int x, y;
    uint64_t t_ms;             /* when it happened, on the clock of `now`
                                  (nav_event_time); 0: now */
} nav_input_event;

/* What the layout has at (x, y) on the screen the caller shows now (the
 * current view: during a transition that is the `to` screen). */
typedef layout_action (*nav_hit_fn)(void *ctx, int x, int y, int *arg);

/* Ready-made nav_hit_fn over a layout_screen (ctx = const layout_screen *). */
static inline layout_action nav_hit_screen(void *ctx, int x, int y, int *arg)
{
    return layout_hit((const layout_screen *)ctx, x, y, arg);
}

/* Return flags of nav_input and nav_tick. */
enum {
    NAV_OUT_CHANGED = 1,       /* something visible changed: redraw */
    NAV_OUT_STAFF_REQUEST = 2  /* the staff long press happened */
};

/* One finger being tracked. */
typedef struct nav_finger {
    int64_t id;
    int x0, y0;                /* where it landed */
    int x, y;                  /* last report */
    uint64_t t0, last_ms;
} nav_finger;

/* Touch sequence: from the first finger down to the last finger up. */
typedef struct nav_gesture {
    int slop, swipe, jump, corner;   /* px, from the screen size */
    int nfingers;
    nav_finger finger[NAV_MAX_FINGERS];
    int spoiled;       /* 2+ fingers, a jump, a cancel, or the staff press fired */
    int far;           /* the finger went past the tap slop */
    int consumed;      /* began during a transition: a tap does nothing */
    int staff_fired;
} nav_gesture;

typedef enum nav_gesture_kind {
    NAV_GEST_NONE, NAV_GEST_TAP, NAV_GEST_SWIPE_LEFT, NAV_GEST_SWIPE_RIGHT
} nav_gesture_kind;

typedef struct nav_gesture_result {
    nav_gesture_kind kind;
    int x, y;                  /* tap: where the finger landed */
    uint64_t t0;               /* when it landed */
    int consumed;
} nav_gesture_result;

/* The whole navigation state. Fixed size; fields are read through nav_state. */
typedef struct nav {
    /* settings, in ms */
    int idle_ms, notice_ms, loop_min_ms, loop_max_ms, wpm, transition_ms;
    int reduce_motion;
    int more_time;             /* idle wait multiplier after ACT_MORE_TIME */
    int loop_all;              /* [loop] languages = all: the loop in each in turn */
    nav_deck deck;
    int lang;                  /* this visitor's language: index into langs */
    int large;                 /* this visitor asked for large text */
    int extended;              /* this visitor asked for more time */
    int loop_lang;             /* the language the loop shows (its own round) */
    nav_view view;
    nav_transition tr;
    uint64_t loop_until;       /* NAV_LOOP: when the current page gives way */
    uint64_t last_input;
    uint64_t clock;            /* the latest time applied: events never go before it */
    int notice;
    int has_nav_tap;
    uint64_t nav_tap_ms;       /* release time of the last tap that navigated */
    int pressed;               /* press feedback shown (see nav_state) */
    int tr_by_touch;           /* the running transition came from a tap or swipe */
    nav_gesture g;
    nav_hit_fn hit;
    void *hit_ctx;
    int hit_view_known;
    nav_view hit_view;         /* what the hit callback's screen shows */
    unsigned changed;
} nav;

/* What to show, for the renderer. */
typedef struct nav_state {
    nav_view view;             /* the current screen (where any transition goes) */
    nav_transition tr;         /* tr.active: draw tr.from -> tr.to at progress */
    float progress;            /* 0..1, eased; 1 when no transition */
    int notice;                /* show the idle notice banner */
    int lang;                  /* the language shown: the visitor's, or on the
                                  loop the loop's (loop_lang) */
    int large, extended;       /* this visitor's choices (see nav.c) */
    int pressed;               /* one finger is down, still a tap (not yet held
                                  NAV_TAP_MAX_MS): darken what is */
    int press_x, press_y;      /* under press_x, press_y (feedback within 100 ms) */
    unsigned changed;          /* bumps on every visible change; compare to redraw */
} nav_state;

/* Starts on the loop's first page at `now`. w, h: the screen (after rotation). */
void nav_init(nav *n, const content_settings *s, const nav_deck *d,
              int w, int h, uint64_t now);
void nav_set_hit(nav *n, nav_hit_fn hit, void *ctx);
/* The hit callback's screen shows v: call when a frame of v is drawn. A tap
 * read by a busy loop after nav moved on, but before the new screen was
 * drawn, was aimed at the old screen: it does nothing (rather than what its
 * spot means on a screen the visitor has not seen). Never called: every tap
 * is hit-tested as it comes (the unit tests' fakes). */
void nav_hit_shows(nav *n, nav_view v);
/* New timings (content reload); the current screen and its clocks stay. */
void nav_set_settings(nav *n, const content_settings *s);
/* New screen size or rotation: thresholds follow, fingers down are dropped. */
void nav_set_screen(nav *n, int w, int h);
/* New content: indexes are clamped into it; a topic that vanished (or has no
 * pages now) goes to the menu, or to the loop when there are no topics; a
 * contents screen of a topic that has none now goes to its first page. Any
 * transition ends. Topics are by index: the caller remaps if it cares. */
void nav_set_deck(nav *n, const nav_deck *d, uint64_t now);
/* nav_set_deck for the same content laid out again in another language or
 * text size, when the caller still has the screen a running transition
 * comes from (laid out in tr.from_lang and tr.from_large): the transition
 * goes on, started afresh at now (the screens were being laid out, so none
 * of it was shown), when it still goes to the screen shown. The loop's change
 * of language fades so, as any loop page does. Anything else as
 * nav_set_deck. */
void nav_relayout(nav *n, const nav_deck *d, uint64_t now);
/* Call before nav_set_deck with new content, when a topic (a page or its
 * contents) is on screen: the
 * index that topic (the same file) has in the new content, or -1 when staff
 * deleted it. Topics before it may have come or gone, and the index alone
 * would put the visitor in another topic's page; a deleted topic leaves them
 * in the menu (without it). Elsewhere than in a topic: nothing. */
void nav_move_topic(nav *n, int topic);
/* Call before nav_set_deck with the same content laid out again (another
 * language, large text), on a topic page: the page the card on screen
 * starts on in the new deck, so the visitor keeps reading it. Elsewhere:
 * nothing (contents screens keep their index). */
void nav_move_page(nav *n, int page);
/* Fills d from a built layout deck: words per loop page are the card's words
 * shared over its pages. loop_words: room for ld->nloop ints, owned by the
 * caller for as long as d is in use. */
void nav_deck_from_layout(nav_deck *d, const layout_deck *ld,
                          const content_snapshot *s, int *loop_words);

/* Applies ev at its own time (ev->t_ms, clamped as said above); what falls
 * due between then and now comes with the next nav_tick. */
int nav_input(nav *n, const nav_input_event *ev, uint64_t now);
/* An event's 32-bit millisecond stamp (SDL's event.timestamp, the low bits of
 * the clock of `now`) as a time on that clock: read modulo 2^32, so the
 * counter wrapping every 49 days is no jump. 0 (no stamp), a stamp from the
 * future or one over NAV_INPUT_MAX_LATE_MS old gives now. */
uint64_t nav_event_time(uint32_t stamp, uint64_t now);
/* Applies whatever fell due by now (loop page, notice, idle return,
 * transition end, staff press). Cheap; call it as often as you like. */
int nav_tick(nav *n, uint64_t now);
/* The earliest time something changes by itself, or NAV_NEVER. May be <= now
 * (then tick at once). Animation frames are not deadlines: see nav_animating. */
uint64_t nav_next_deadline(const nav *n);
/* Straight back to the loop, at the page after the one left (as the idle
 * return goes), when the platform sends whoever is at the screen away: three
 * wrong staff PINs must not leave the guesser on the screen they came from.
 * On the loop already: nothing. Returns NAV_OUT_CHANGED when it moved. */
int nav_go_loop(nav *n, uint64_t now);
/* A transition is moving: render at the display's refresh rate. */
int nav_animating(const nav *n, uint64_t now);
/* Eased progress of the transition, 0..1; 1 when none. */
float nav_transition_progress(const nav *n, uint64_t now);
/* Ease-out curve on 0..1 (cubic: quick start, gentle landing). */
float nav_ease_out(float t);
void nav_state_get(const nav *n, uint64_t now, nav_state *out);
/* How long loop page i shows, in ms. */
int nav_loop_page_ms(const nav *n, int i);

/* Gesture recogniser (nav_gesture.c), used by nav_input; public for tests. */
void nav_gesture_init(nav_gesture *g, int w, int h);
void nav_gesture_press(nav_gesture *g, const nav_input_event *ev, uint64_t now);
void nav_gesture_move(nav_gesture *g, const nav_input_event *ev, uint64_t now);
nav_gesture_result nav_gesture_release(nav_gesture *g, const nav_input_event *ev,
                                       uint64_t now);
void nav_gesture_cancel(nav_gesture *g);
/* When the staff press will be due, or NAV_NEVER. */
uint64_t nav_gesture_staff_deadline(const nav_gesture *g);
/* 1 once, when the staff press is due at now. */
int nav_gesture_staff_due(nav_gesture *g, uint64_t now);
/* One finger down, not spoiled, still within the tap slop: its landing point. */
int nav_gesture_pressing(const nav_gesture *g, int *x, int *y);
/* When the finger down stops being a tap (held NAV_TAP_MAX_MS): its press
 * feedback ends then. NAV_NEVER when no tap is in progress. */
uint64_t nav_gesture_tap_deadline(const nav_gesture *g);

#endif
