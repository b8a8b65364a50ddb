/* live.h — the live-content rules: which snapshot shows after a load (good,
 * partial or broken), when a waiting one may go on screen, where the
 * screen's pictures are read (the folder or the saved copy), what STATUS.txt
 * says is shown and which lines go to the journal. Pure: no clock, no files,
 * no SDL; the platform (run_live.c) gathers the inputs, calls these and
 * carries the answer out (frees, texture resets, the writes themselves).
 *
 * The rules (issue 7):
 *  - At start: the folder when usable (STATUS_FRESH); else the last good
 *    copy (STATUS_LAST_GOOD); else what is valid in the folder
 *    (STATUS_PARTIAL), or the calm screen (STATUS_NOTHING).
 *  - A usable load waits for a calm moment (live_swap_due), then shows.
 *  - A broken load leaves a good snapshot where it is (on screen or on its
 *    way), now called the last good one; its pictures are read from the
 *    saved copy when that copy is exactly the load shown, since the folder
 *    may no longer hold them. With no good one ever shown, the new partial
 *    snapshot waits like a good one.
 *  - A load with the same content as the screen (a touch, a save of the
 *    same text) still swaps in, so a picture replaced under the same name
 *    is read again, but is not announced as new and keeps "Since". */
#ifndef KIOSK_LIVE_H
#define KIOSK_LIVE_H

#include "content.h"
#include "lastgood_os.h"
#include "nav.h"
#include "status.h"

/* Where a snapshot's pictures are read. */
typedef enum live_from {
    LIVE_FROM_FOLDER,      /* the content folder */
    LIVE_FROM_SAVED_COPY   /* STATE/last-good */
} live_from;

/* What the rules remember between loads; the snapshots themselves stay
 * with the caller (on screen, latest load, waiting). Load numbers are the
 * loader's request numbers; 0 means none. */
typedef struct live_state {
    int has_state;               /* a state folder: a copy can be saved */
    status_showing showing;      /* what is on screen */
    live_from shown_from;
    unsigned startup_seq;        /* the save of the content shown at start */
    unsigned shown_seq;          /* the load on screen */
    unsigned saved_seq;          /* the load last saved whole as last good */
    int pending;                 /* a snapshot waits for a calm moment */
    status_showing pending_showing;
    live_from pending_from;
    unsigned pending_seq;
    int pending_same;            /* it is what is on screen, read again */
    nav_view pending_since;      /* what was on screen when it arrived */
    const char *backup_note;     /* why the last good copy was not saved, or NULL */
} live_state;

/* A finished load (the loader's result, without ownership). */
typedef struct live_load {
    const content_snapshot *snap;   /* never NULL */
    unsigned seq;
    int usable;                     /* content_usable(snap) */
    int save_asked;                 /* the request asked to save it as last good */
    lastgood_status saved;          /* asked and usable: LG_OK, or why not */
} live_load;

/* The snapshots the caller holds when a load comes in. */
typedef struct live_snaps {
    const content_snapshot *shown;     /* on screen */
    const content_snapshot *current;   /* the load before (NULL at start) */
} live_snaps;

typedef enum live_action {
    LIVE_KEEP,   /* the start's content read again to be saved: nothing to show */
    LIVE_WAIT,   /* the load waits for a calm moment, replacing any waiting one */
    LIVE_HOLD    /* broken: what is shown, or on its way, stays */
} live_action;

/* What to do with a load. Whatever the action, the load becomes the latest
 * (its problems are STATUS.txt's) and STATUS.txt is written again. */
typedef struct live_take_out {
    live_action action;
    int same_problems;        /* as the load before: log only the "read" line */
    const char *log_backup;   /* a new reason the copy was not saved: log it */
    int read_saved_at;        /* now showing the last good copy: read its time */
    int pictures_from_saved;  /* read the screen's pictures from the saved copy now */
} live_take_out;

/* What to do when the waiting snapshot goes on screen. */
typedef struct live_swap_out {
    int announce;             /* log "new content on screen"; else nothing new */
    int renew_since;          /* what is shown is new: "Since" is now */
    int read_saved_at;        /* it is the last good copy: read its time */
} live_swap_out;

/* Starts with nothing shown; has_state: a state folder to save into. */
void live_init(live_state *st, int has_state);

/* At start, after loading the folder: 1 when the last good copy should be
 * loaded too (the folder's content cannot be shown). */
int live_start_wants_saved(const live_state *st, const content_snapshot *folder);

/* At start: which to show, the folder's load or the saved copy's (saved:
 * NULL when there is none, or it could not be loaded or is not usable).
 * Returns the one that shows. */
const content_snapshot *live_start(live_state *st, const content_snapshot *folder,
                                   const content_snapshot *saved);

/* After the first frame: 1 when the start's content should be read again
 * (decoding every picture) and saved as last good. */
int live_start_save_wanted(const live_state *st);

/* A load came in while `view` was on screen. */
live_take_out live_take(live_state *st, const live_load *ld, const live_snaps *sn,
                        nav_view view);

/* 1 when content that arrived while `since` was shown may replace what is
 * on screen now: at once on the loop (after a cross-fade in progress ends),
 * in the menu, a topic's contents or a topic only when the visitor moves on
 * (the view changed: another card or contents screen, the menu, the loop),
 * so nobody sees the page they are reading change under them. content_hidden: the staff view covers the
 * visitors' screens, so nothing visible changes either way. */
int live_swap_due(const nav_state *ns, nav_view since, int content_hidden);

/* 1 when a snapshot waits and live_swap_due says it may show now. */
int live_swap_now(const live_state *st, const nav_state *ns, int content_hidden);

/* The waiting snapshot is now on screen. */
live_swap_out live_swapped(live_state *st);

/* Times as the caller formatted them (the core reads no clock). */
typedef struct live_times {
    const char *since;        /* when what is shown went on screen */
    const char *checked_at;   /* when the folder was last read */
    const char *saved_at;     /* when the last good copy was saved */
} live_times;

/* Fills what STATUS.txt says is shown. A snapshot waiting for a calm moment
 * counts as shown: it will be within a card's time, and staff read the
 * file to see their edit. The caller adds watch_note, usb and version. */
void live_report(const live_state *st, const live_times *t,
                 const content_snapshot *shown, const content_snapshot *pending,
                 const content_snapshot *current, status_report *r);

/* STATUS_PARTIAL when s has a topic a visitor could open, else
 * STATUS_NOTHING (only the spa's name shows). */
status_showing live_partial_or_nothing(const content_snapshot *s);

/* 1 when a and b would put the same things on screen: settings, topics,
 * cards and blocks, word for word (problems are not compared). */
int live_same_content(const content_snapshot *a, const content_snapshot *b);

#endif
