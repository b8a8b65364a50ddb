/* run_internal.h — the running kiosk's state, shared by run.c (the loop,
 * input, drawing), run_live.c (loading, reloading, the swap, STATUS.txt) and
 * run_staff.c (the hidden staff view). Not for use elsewhere. */
#ifndef KIOSK_RUN_INTERNAL_H
#define KIOSK_RUN_INTERNAL_H

#include <limits.h>

#include "core/live.h"
#include "core/nav.h"
#include "core/staff.h"
#include "core/status.h"
#include "core/visits.h"
#include "platform/loader.h"
#include "platform/picture_worker.h"
#include "render/metrics_ttf.h"
#include "platform/platform_sdl.h"
#include "platform/run.h"
#include "platform/run_usb.h"
#include "platform/screen_schedule.h"
#include "platform/wake.h"
#include "platform/watch.h"
#include "render/render.h"

/* Local times for staff ("Tue 14 May 2024 10:32:05"): room to spare. */
#define RUN_STAMP_BYTES 64
/* Which screen a prepared slot holds. */
typedef struct run_key {
    int valid;
    nav_view view;
    int notice;
    int lang, large;           /* the content_visitor_view it was laid out in */
} run_key;

typedef struct run_slot {
    run_key key;
    render_screen screen;
} run_slot;

/* Live content, owned by run_live.c: the rules' state (core/live.h) and the
 * snapshots and times it speaks of. current is the latest load of the
 * folder (its problems go to STATUS.txt); pending waits for a calm moment.
 * Either may be the same snapshot as run.content. */
typedef struct run_live {
    live_state st;
    content_snapshot *current, *pending;
    char saved_dir[PATH_MAX];  /* STATE/last-good, when st.has_state */
    char since[RUN_STAMP_BYTES], checked_at[RUN_STAMP_BYTES], saved_at[RUN_STAMP_BYTES];
    platform_loader *loader;
    platform_watch *watch;
    int hup_pending;           /* READY=1 again once the SIGHUP reload is in */
} run_live;

typedef struct run {
    platform_display disp;
    metrics_ttf fonts;
    layout_metrics m;
    render r;
    const char *content_dir;
    const char *state_dir;     /* NULL: nothing kept across restarts */
    kiosk_fs fs;               /* fs_posix, pictures decoded by the sandbox */
    arena deck_arena;
    layout_deck deck;
    int deck_first_only;       /* deck holds the loop's first topic only (start-up) */
    int *loop_words;
    nav_deck nd;
    nav nav;
    run_slot slot[2];          /* the screen shown and the one it came from */
    unsigned drawn;            /* nav's changed counter at the last frame */
    int dirty;                 /* redraw regardless (expose, resize) */
    int quit;
    int ready;                 /* READY=1 sent */
    screen_schedule sched;     /* dark outside opening hours (screen_schedule.c) */

    /* Set by run_live.c, read by the others: what the deck is built from
     * and the screens show, where its pictures are read, the waker the loop
     * answers, STATUS.txt's body for the staff view. */
    content_snapshot *content;
    /* What the deck is laid out from: content as this visitor reads it
     * (language, large text, palette; content_visitor_view), borrowing
     * from content. */
    content_snapshot view;
    char shown_dir[PATH_MAX];
    platform_wake *wake;
    Uint32 wake_event;
    unsigned status_gen;       /* bumps when the status text changes */
    char *status_text;
    run_live live;             /* loads, reloads, the swap (run_live.c) */
    platform_pictures *pictures;   /* decodes the screen's pictures (run.c) */
    Uint32 picture_event;          /* a decoded picture is ready */

    /* Staff view (run_staff.c). */
    staff staff;
    render_screen staff_screen;
    int staff_laid;            /* staff_screen holds the current staff screen */
    unsigned staff_key_changed, staff_key_gen;
    int staff_finger_down;
    int64_t staff_finger;
    staff_key staff_pressed;
    int staff_px, staff_py;
    unsigned staff_lock_saved; /* staff.lock_changed last written to STATE */
    run_usb usb;               /* a USB stick on offer (run_usb.c) */

    /* Visit counting (run_visits.c). */
    int visits_on;             /* a state folder to keep the counts in */
    visits_view vis_view;      /* the screen counted last */
    layout_action vis_act;     /* what a tap hit during the nav call */
    const layout_screen *hit_screen;   /* the screen taps are hit-tested on */
    uint64_t vis_next_check;   /* when the loop looks for a new hour again */
    int vis_content_failed;    /* the content folder's CSV could not be written */
} run;

/* run.c */
void run_release_slots(run *k);
/* After nav moved: lays the deck out again when the visitor switched
 * language or large text (or the loop switched them back). */
void run_follow_visitor(run *k, uint64_t now);
int run_build_deck(run *k, uint64_t now, int first);
void run_apply_screen_size(run *k, uint64_t now);

/* run_live.c */
void run_stamp(char *buf, size_t cap);
/* Before the screen opens: recovers the state folder, loads the content
 * folder (or the last good copy) synchronously; logs the problems. */
int run_live_first_load(run *k);
/* After the screen opens: watcher, loader, signals, waker. */
void run_live_start(run *k);
/* After the first frame: STATUS.txt, and the saving of the last good copy. */
void run_live_after_first_frame(run *k);
/* Reads signals, the watcher and the loader; requests loads; takes results. */
void run_live_poll(run *k, uint64_t now);
/* Swaps a waiting snapshot in when live_swap_now says so. */
void run_live_maybe_swap(run *k, uint64_t now);
/* Asks the loader for the content folder (save as last good if usable). */
void run_live_request(run *k);
/* Milliseconds until the watcher wants a look, or -1. */
int run_live_timeout_ms(run *k, uint64_t now);
void run_live_stop(run *k);
/* Frees the snapshots (each once), at the end. */
void run_live_fini(run *k);

/* run_staff.c */
/* staff_init, then the PIN tries and lock kept in the state folder. */
void run_staff_init(run *k, uint64_t now);
int run_staff_open(const run *k);
void run_staff_request(run *k, uint64_t now);
void run_staff_input(run *k, nav_input_kind kind, int64_t finger, int x, int y,
                     uint64_t now);
void run_staff_tick(run *k, uint64_t now);
uint64_t run_staff_deadline(const run *k);
/* Draws the staff screen (laying it out again when it changed). */
void run_staff_draw(run *k);
void run_staff_release(run *k);
/* The PIN pad or staff view is open (not the USB screens). */
int run_staff_pad_open(const run *k);
/* Closes the PIN pad or staff view, whatever it was opened for. */
void run_staff_close(run *k, uint64_t now);

/* run_visits.c */
/* Loads the counts from the state folder (a bad file is kept aside). */
void run_visits_start(run *k);
/* Around every nav call: before it, then after it (input: a touch caused it). */
void run_visits_before(run *k);
void run_visits_after(run *k, int input, uint64_t now);
/* nav's hit callback (ctx = k): k->hit_screen, noting what the tap hit. */
layout_action run_visits_hit(void *ctx, int x, int y, int *arg);
/* A finger put on the visitors' screen. */
void run_visits_touch(run *k, uint64_t now);
/* A language or large-text switch (issue 15). */
void run_visits_switch(run *k, visits_count which, uint64_t now);
/* Writes the counts when an hour has turned and nobody is at the screen. */
void run_visits_tick(run *k, uint64_t now);
/* Ends a session still running and writes the counts. */
void run_visits_stop(run *k, uint64_t now);
/* The counts (for the staff view's charts), or NULL when not counting. */
const visits *run_visits_counts(const run *k);
visits_clock run_visits_clock(uint64_t now);

/* run_usb.c */
/* Puts back an import cut short; starts watching STATE/usb. */
void run_usb_init(run *k);
int run_usb_fd(const run *k);
/* Readable when an import is done (run_live.c's wake list). */
int run_usb_done_fd(const run *k);
/* Reads the offer file again when the folder changed. */
void run_usb_poll(run *k, uint64_t now);
int run_usb_showing(const run *k);
void run_usb_layout(run *k, layout_screen *sc, uint64_t now);
void run_usb_tap(run *k, staff_key key, uint64_t now);
/* The right PIN for the stick on offer: start its import (the result is
 * shown when run_usb_poll sees it done). */
void run_usb_pin_ok(run *k, uint64_t now);
void run_usb_tick(run *k, uint64_t now);
uint64_t run_usb_deadline(const run *k);
/* The kiosk is stopping: an import stops (RUN_USB_STOP_WAIT_MS at most)
 * and the import thread ends, before the screen closes. */
void run_usb_quit(run *k);
void run_usb_stop(run *k);

#endif
